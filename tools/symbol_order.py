#!/usr/bin/env python3
"""The order the linker lays faqbot's code in: every function that ran, first.

    CARGO_PROFILE_RELEASE_STRIP=false ROUND_TRIP_TRACE=/tmp/trace \\
        cargo bench --bench round_trip --features bare-bot
    tools/symbol_order.py /tmp/trace/faqbot.callgrind > link/faqbot.order

The benchmark runs faqbot under valgrind's callgrind through start-up (with the example
configuration) and a mix of what members ask. This reads callgrind's output
(`--compress-strings=no --demangle=no`) and writes the mangled name of each function of
faqbot's own executable that ran, one a line, in the order callgrind first met them. `build.rs` hands the file to the linker (`--symbol-ordering-file`),
which places those functions together at the start of the code: the pages a running bot needs
are then few and adjacent, instead of one function in each of thousands of pages, each of which
the kernel maps with its neighbours.

A name that a later build no longer has (its signature changed, or it is new) costs nothing but
its place: the linker skips it. Run this again when `tools/resident_code.py` shows the code's
resident pages growing.
"""
import sys


def executed(callgrind, binary_suffix="/faqbot"):
    """Mangled names of the functions of the executable that have a cost of their own."""
    seen = {}
    ob = ""
    for line in open(callgrind, encoding="utf-8", errors="replace"):
        if line.startswith("ob="):
            ob = line[3:].strip()
        elif line.startswith("fn="):
            name = line[3:].strip()
            if ob.endswith(binary_suffix) and name and not name.startswith("0x"):
                seen.setdefault(name, len(seen))
    return sorted(seen, key=seen.get)


def main(callgrind):
    names = executed(callgrind)
    if not names:
        sys.exit(f"{callgrind}: no function of faqbot's executable; was it faqbot's trace?")
    sys.stdout.write("".join(f"{name}\n" for name in names))
    print(f"{len(names)} functions", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
