#!/usr/bin/env python3
"""The order the linker lays faqbot's code in: every function that ran, first.

    ROUND_TRIP_TRACE=/tmp/bench cargo bench --bench round_trip --features bare-bot
    cargo build --release      # the same path, as `cargo build` ships it
    ROUND_TRIP_TRACE=/tmp/release target/release/deps/round_trip-*   # the bench, run again
    tools/symbol_order.py /tmp/release/faqbot.callgrind /tmp/bench/faqbot.callgrind \\
        > link/faqbot.order

The benchmark runs faqbot under valgrind's callgrind through start-up (with the example
configuration) and a mix of what members ask. This reads callgrind's output
(`--compress-strings=no --demangle=no`) and writes the mangled name of each function of
faqbot's own executable that ran, one a line, in the order callgrind first met them.
`build.rs` hands the file to the linker (`--symbol-ordering-file`), which places those
functions together at the start of the code: the pages a running bot needs are then few and
adjacent, instead of one function in each of thousands of pages, each of which the kernel maps
with its neighbours.

The names carry a hash of each crate's profile and features, and `cargo bench` builds faqbot
with the dev-dependencies' features: its names are not `cargo build --release`'s. Both builds
are traced, and the file holds both sets of names; each build's link skips the other's.

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
            # Valgrind's own frames ("(below main)") and unnamed code ("0x…") are no symbols.
            real = name and " " not in name and not name.startswith("0x")
            if ob.endswith(binary_suffix) and real:
                seen.setdefault(name, len(seen))
    return sorted(seen, key=seen.get)


def main(traces):
    names = {}
    for callgrind in traces:
        found = executed(callgrind)
        if not found:
            sys.exit(f"{callgrind}: no function of faqbot's executable; was it faqbot's trace?")
        for name in found:
            names.setdefault(name, len(names))
    sys.stdout.write("".join(f"{name}\n" for name in names))
    print(f"{len(names)} functions", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
