#!/usr/bin/env python3
"""Build time of two handbill binaries on the same statements, for issue
#14's "within three times" goal (docs/typography.md, "What it costs in
time").

    python3 bench/build_time.py OLD_BINARY NEW_BINARY [--runs 20] [--rounds 3]

Each case is built `runs` times in a row by each binary, the binaries
taking turns for `rounds` rounds, so that the machine's slow spells fall on
both. A build's time is its CPU time, user and system together, from
wait4(): the kernel counts that sum to the nanosecond, where the user share
alone is sampled at each clock tick, and a build of 10 to 60 ms is only a
few ticks. Prints a Markdown table of the mean milliseconds a build and
the ratio new / old. PDFs go to a temporary directory; nothing is written
in the repository. Not part of CI.
"""

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO.parent / "shared" / "seed" / "000_53f4cf6db800a616.txt"
CASES = [
    (statement, layout)
    for statement in (REFERENCE, REPO / "samples" / "en-long-campaign.md")
    for layout in ("a4-leaflet", "a6-handout", "a2-poster")
]


def cpu_ms(binary: str, statement: Path, layout: str, out: Path) -> float:
    """CPU milliseconds of one build."""
    cmd = [binary, "build", str(statement), "-l", layout, "-o", str(out), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{binary}: build of {statement.name} on {layout} failed")
    return (usage.ru_utime + usage.ru_stime) * 1000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for statement, _ in CASES:
        if not statement.exists():
            raise SystemExit(f"{statement}: not found (the reference statement is read from ../shared)")
    print("| statement | layout | old | new | new / old |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.pdf"
        for statement, layout in CASES:
            totals = {args.old: 0.0, args.new: 0.0}
            for _ in range(args.rounds):
                for binary in (args.old, args.new):
                    for _ in range(args.runs):
                        totals[binary] += cpu_ms(binary, statement, layout, out)
            builds = args.runs * args.rounds
            old, new = totals[args.old] / builds, totals[args.new] / builds
            name = "reference" if statement == REFERENCE else statement.stem
            print(f"| {name} | {layout} | {old:.1f} ms | {new:.1f} ms | {new / old:.2f}× |")


if __name__ == "__main__":
    main()
