#!/usr/bin/env python3
"""Do the columns share one grid of baselines? For each page, how many of
each column's body lines sit on the grid of the column to its left (within
0.1 pt), measured from the PDF alone (`pdftotext -bbox-layout`). The grid
of a column is its body lines' baselines and those a whole number of lines
(the commonest distance between its neighbouring lines) above and below:
a line beside the left column's heading or paragraph space is on the grid
when it is where a body line would be.

Issue #14, item 7: "lines in neighbouring columns sit on the same
baselines". A line's baseline is read as its box's bottom (yMax): for lines
of one type size that is the baseline plus the same descent, so two body
lines on one baseline have the same yMax. Lines of another height
(headings, the meta line, the imprint) are left out: they are not body
lines and their boxes' bottoms are not comparable.

    scripts/grid.py                          reference statement, every flat layout
    scripts/grid.py -l a4-leaflet samples/en-long-campaign.md
    scripts/grid.py --bin /tmp/old/handbill  another build of handbill

Needs poppler's pdftotext; Python 3.11 (tomllib).
"""
import argparse
import collections
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fill  # noqa: E402  (the layout reader and paths are shared)

# Two baselines closer than this are one (the tolerance).
SAME_BASELINE_PT = 0.1
# Two line boxes whose heights differ by less than this are of one type size.
SAME_HEIGHT_PT = 0.05

LINE = re.compile(r'<line xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)"')


def lines(pdf):
    """Per PDF page, the (x_min, y_min, y_max) of each text line."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [tuple(float(g) for g in m.groups()) for m in LINE.finditer(chunk)]
        for chunk in html.split("<page ")[1:]
    ]


def columns(page_lines, left, pitch, n):
    """The page's body lines' bottoms, by column (the commonest box height
    is the body's)."""
    heights = collections.Counter(round(y1 - y0, 1) for _, y0, y1 in page_lines)
    if not heights:
        return [[] for _ in range(n)]
    body = heights.most_common(1)[0][0]
    cols = [[] for _ in range(n)]
    for x, y0, y1 in page_lines:
        if abs((y1 - y0) - body) > SAME_HEIGHT_PT + 0.05:
            continue
        c = int((x - left + pitch * 0.1) // pitch)
        cols[min(max(c, 0), n - 1)].append(y1)
    return cols


def leading(ys):
    """The commonest distance between neighbouring baselines of a column."""
    gaps = collections.Counter(round(b - a, 2) for a, b in zip(ys, ys[1:]))
    return gaps.most_common(1)[0][0] if gaps else None


def on_grid(y, ys, step):
    """Whether `y` is a whole number of `step`s from a baseline in `ys`."""
    if not ys or not step:
        return False
    d = y - min(ys, key=lambda z: abs(y - z))
    k = round(d / step)
    return abs(d - k * step) <= SAME_BASELINE_PT


def matches(pdf, layout):
    """Per page, (lines of columns 2.. on a baseline of the column to their
    left, lines of columns 2.. in all)."""
    page = fill.layout_page(layout)
    width, _, _, _, fold = fill.text_area(page)
    if fold != "none":
        return None
    margin = page.get("margin", "15mm")
    left = fill.length(page.get("margin-left", margin))
    right = fill.length(page.get("margin-right", margin))
    n = int(page.get("columns", 2))
    gap = fill.length(page.get("column-gap", "6mm"))
    pitch = (width - left - right + gap) / n
    out = []
    for pl in lines(pdf):
        cols = columns(pl, left, pitch, n)
        hit = total = 0
        for a, b in zip(cols, cols[1:]):
            a = sorted(a)
            step = leading(a)
            total += len(b)
            hit += sum(on_grid(y, a, step) for y in b)
        out.append((hit, total))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("statements", nargs="*", help="statement files (default: the reference)")
    ap.add_argument("-l", "--layout", action="append", help="layout name or file (repeatable)")
    ap.add_argument("--bin", default=os.path.join(fill.ROOT, "target/release/handbill"))
    args = ap.parse_args()
    layouts = args.layout or fill.all_layouts()
    statements = args.statements or [fill.REFERENCE]
    print(f"{'statement':<26} {'layout':<16} on the grid, per page")
    for name, layout, pdf, _ in fill.builds(args.bin, statements, layouts):
        if pdf is None:
            print(f"{name:<26} {layout:<16} FAILED")
            continue
        m = matches(pdf, layout)
        shown = "folded, not measured" if m is None else "  ".join(
            f"{h}/{t}" for h, t in m)
        print(f"{name:<26} {layout:<16} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
