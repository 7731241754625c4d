#!/usr/bin/env python3
"""Which code and data of an executable a process holds resident, by crate.

    ROUND_TRIP_PAGES=/tmp/pages cargo bench --bench round_trip --features bare-bot
    tools/resident_code.py target/release/faqbot /tmp/pages/faqbot--logo-1.pages

The benchmark writes, for each bot after READY, the file offsets of its executable's pages
that are resident (`/proc/PID/pagemap`). This maps each page to the symbols it holds (`nm`: the
release build keeps its symbol table, `strip = "debuginfo"`) and shares the
page's 4 KiB among the crates of those symbols, by bytes. Pages with no symbol are named by
their section (`.rodata`, `.eh_frame`, ...).
"""
import bisect
import collections
import re
import subprocess
import sys

PAGE = 4096


def sections(binary):
    """(file offset, size, vaddr, name) of each allocated section."""
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m and int(m.group(2), 16):
            name, addr, off, size = m.group(1), *(int(g, 16) for g in m.groups()[1:])
            found.append((off, size, addr, name))
    return found


def crate(name):
    name = name.lstrip("<&*").removeprefix("mut ").removeprefix("dyn ")
    if name.startswith("sqlite3") or name.startswith("sqlite"):
        return "sqlite (C)"
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", name)
    return m.group(1) if m else "other symbols"


def symbols(binary, secs):
    out = subprocess.run(
        ["nm", "--demangle", "--defined-only", "-S", binary], capture_output=True, text=True
    ).stdout
    syms = []
    for line in out.splitlines():
        m = re.match(r"([0-9a-f]+) ([0-9a-f]+) \S (.*)", line)
        if not m:
            continue  # no size: a label, not a function or an object
        addr, size, name = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
        for off, ssize, saddr, _ in secs:
            if saddr <= addr < saddr + ssize:
                syms.append((addr - saddr + off, size, crate(name)))
                break
    syms.sort()
    return syms


def main(binary, pages_file):
    secs = sections(binary)
    syms = symbols(binary, secs)
    starts = [s[0] for s in syms]
    by_crate = collections.Counter()
    for line in open(pages_file):
        page = int(line.split()[0], 16)
        end = page + PAGE
        shares = collections.Counter()
        i = max(bisect.bisect_right(starts, page) - 1, 0)
        # Symbols are short; walk back a little for one that starts before and runs into the page.
        i = max(i - 64, 0)
        while i < len(syms) and syms[i][0] < end:
            start, size, name = syms[i]
            overlap = min(start + size, end) - max(start, page)
            if overlap > 0:
                shares[name] += overlap
            i += 1
        covered = sum(shares.values())
        if covered < PAGE:
            section = next((n for off, size, _, n in secs if off <= page < off + size), "headers")
            shares[section] += PAGE - covered
        scale = PAGE / max(sum(shares.values()), 1)
        for name, n in shares.items():
            by_crate[name] += n * scale
    total = sum(by_crate.values())
    print(f"{total / 1024:8.0f} KiB resident of the executable")
    for name, n in by_crate.most_common(40):
        print(f"{n / 1024:8.0f} KiB  {name}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
