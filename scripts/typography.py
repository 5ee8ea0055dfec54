#!/usr/bin/env python3
"""Prints issue #14's quality table: every statement on every built-in layout,
measured by the independent typometer (../shared/tools/typometer), which reads
the PDF alone and compares its text with the statement's plain text
(scripts/plain_source.py).

    scripts/typography.py [--layout L ...] [--statement FILE ...] [--markdown]
    scripts/typography.py --bin /tmp/old/handbill   another build, to compare

A cell that misses the issue's goal is marked with `!`; the last line counts
them. The goals: for justified text a word-gap p95 of at most 0.50 em and a
maximum of at most 0.80 em; letter gaps at most 0.01 em; no overfull lines;
at most two hyphenated lines in a row; no widows or orphans; no runts (a
paragraph's last line holding one word of under four letters); every word
of the statement in the PDF; a single page at least 85% full or a last page
at least 50% full (scripts/fill.py).
"""

import argparse
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import fill  # noqa: E402  (scripts/fill.py: page fill from the PDF)

ROOT = pathlib.Path(__file__).resolve().parent.parent
TYPOMETER = ROOT.parent / "shared" / "tools" / "typometer" / "typometer.py"
HANDBILL = ROOT / "target" / "release" / "handbill"
REFERENCE = ROOT.parent / "shared" / "seed" / "000_53f4cf6db800a616.txt"

# The goals, each with the direction that passes.
GOAL_P95_EM = 0.50
GOAL_MAX_EM = 0.80
GOAL_LETTER_EM = 0.01
GOAL_HYPHEN_RUN = 2
# Typometer rounds letter gaps to four places; half a unit of that is noise.
LETTER_SLACK_EM = 0.0005


def layouts():
    out = subprocess.run([HANDBILL, "layouts"], capture_output=True, text=True, check=True)
    return [line.split()[0] for line in out.stdout.splitlines() if line.strip()]


def measure(statement, layout, work):
    """Builds one statement on one layout and returns its row of figures."""
    name = f"{pathlib.Path(statement).stem}.{layout}"
    pdf = work / f"{name}.pdf"
    src = work / f"{name}.src"
    lines = work / f"{name}.lines"
    build = subprocess.run(
        [HANDBILL, "build", statement, "--layout", layout, "-o", pdf, "--quiet"],
        capture_output=True, text=True)
    if build.returncode != 0:
        return {"statement": statement, "layout": layout, "error": build.stderr.strip()}
    with open(src, "w") as f:
        subprocess.run([sys.executable, ROOT / "scripts" / "plain_source.py", statement],
                       stdout=f, check=True)
    report = subprocess.run(
        [sys.executable, TYPOMETER, pdf, "--source", src, "--json", "--dump-lines", lines],
        capture_output=True, text=True, check=True)
    r = json.loads(report.stdout)
    s = r["summary"]
    justified = (r.get("lines") or {}).get("justified") or {}
    letter = 0.0
    for line in open(lines):
        d = json.loads(line)
        if d.get("measured") and d.get("column_alignment") == "justified":
            letter = max(letter, d.get("letter_gap_em") or 0.0)
    return {
        "statement": statement,
        "layout": layout,
        "pages": s.get("page_count"),
        "align": s.get("alignment"),
        "p95": justified.get("word_gap_em_p95"),
        "max": justified.get("word_gap_em_max"),
        "letter": letter if justified else None,
        "overfull": s.get("overfull_lines"),
        "hyphen_run": s.get("max_consecutive_hyphens"),
        "widows": s.get("widows"),
        "orphans": s.get("orphans"),
        "runts": s.get("runts"),
        "fidelity": s.get("fidelity_ratio"),
        "fill": fill_verdict(pdf, layout),
    }


def fill_verdict(pdf, layout):
    """The last page's fill, with scripts/fill.py's verdict when it fails."""
    pages, panels, share = fill.measure(str(pdf), layout)
    verdict = fill.verdict(pages, panels, share)
    return f"{share:.2f}" if verdict == "ok" else f"{share:.2f} {verdict.lower()}"


def misses(row):
    """The names of the goals a row misses."""
    out = []
    if "error" in row:
        return ["build"]
    if row["p95"] is not None and row["p95"] > GOAL_P95_EM:
        out.append("p95")
    if row["max"] is not None and row["max"] > GOAL_MAX_EM:
        out.append("max")
    if row["letter"] is not None and row["letter"] > GOAL_LETTER_EM + LETTER_SLACK_EM:
        out.append("letter")
    if (row["overfull"] or 0) > 0:
        out.append("overfull")
    if (row["hyphen_run"] or 0) > GOAL_HYPHEN_RUN:
        out.append("hyphen_run")
    if (row["widows"] or 0) > 0:
        out.append("widows")
    if (row["orphans"] or 0) > 0:
        out.append("orphans")
    if (row["runts"] or 0) > 0:
        out.append("runts")
    if row["fidelity"] != 1.0:
        out.append("fidelity")
    if " " in row["fill"]:
        out.append("fill")
    return out


COLUMNS = ["statement", "layout", "pages", "align", "p95", "max", "letter", "overfull",
           "hyphen_run", "widows", "orphans", "runts", "fidelity", "fill"]


def cell(row, key, missed):
    v = row.get(key)
    if key == "statement":
        v = pathlib.Path(v).stem[:18]
    elif v is None:
        v = "–"
    elif isinstance(v, float):
        v = f"{v:.3f}"
    return f"{v}{'!' if key in missed else ''}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layout", action="append", help="a built-in layout (default: all)")
    ap.add_argument("--statement", action="append",
                    help="a statement (default: samples/* and the reference statement)")
    ap.add_argument("--markdown", action="store_true", help="a Markdown table")
    ap.add_argument("--bin", help="measure this handbill binary instead of building the tree's")
    args = ap.parse_args()
    global HANDBILL
    if args.bin:
        HANDBILL = pathlib.Path(args.bin).resolve()
    else:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    # Every statement under samples/, the two of the language pair in
    # samples/pair/ too: each is also built alone.
    statements = args.statement or sorted(
        str(p) for p in (ROOT / "samples").rglob("*") if p.is_file()) + [str(REFERENCE)]
    jobs = [(s, l) for s in statements for l in (args.layout or layouts())]
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(
            os.cpu_count() or 2) as pool:
        rows = list(pool.map(lambda j: measure(j[0], j[1], pathlib.Path(tmp)), jobs))
    failed = 0
    if args.markdown:
        print("| " + " | ".join(COLUMNS) + " |")
        print("|" + "---|" * len(COLUMNS))
    else:
        print("  ".join(f"{c:>10}" if i > 1 else f"{c:<18}" for i, c in enumerate(COLUMNS)))
    for row in rows:
        missed = misses(row)
        failed += bool(missed)
        if "error" in row:
            print(f"{cell(row, 'statement', [])} {row['layout']}: build failed: {row['error']}")
            continue
        cells = [cell(row, c, missed) for c in COLUMNS]
        if args.markdown:
            print("| " + " | ".join(cells) + " |")
        else:
            print("  ".join(f"{c:>10}" if i > 1 else f"{c:<18}" for i, c in enumerate(cells)))
    print(f"\n{len(rows) - failed} of {len(rows)} builds meet every goal")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
