#!/usr/bin/env python3
"""How full the pages are: for each statement on each layout, the page count
and how much of the last page's text area the text takes, measured from the
PDF alone (`pdftotext -bbox`), not from handbill's own idea of it.

The fill of a page is how far down the text area its lowest word reaches:
(bottom of the lowest word - top margin) / (page height - top and bottom
margins). The margins come from the layout's TOML, following `extends`, with
a4-leaflet as the base of a layout that extends nothing. A folded layout is
measured panel by panel in reading order (cover, flap, the inside spread,
back): its "pages" are the panels with text, and the last is the last of
those. A short text that handbill sets with the head alone on the cover and
the body across the inside spread, leaving the flap free and the back free
but for an imprint and QR code at its foot (see src/compose/fold.rs), is
measured as those four panels, the last "page" being the spread: its
lowest word, as its three columns are balanced.

The verdict is issue #14's: a single page at least 85% full, or a last page
at least 50% full; a folded sheet should use all the panels it sets text on.

    scripts/fill.py                         reference statement and samples/*, every layout
    scripts/fill.py -l a4-leaflet -l a6-handout samples/fr-greve.md
    scripts/fill.py --pdf out.pdf -l a5-flyer   measure a PDF already built
    scripts/fill.py --bin /tmp/old/handbill     another build of handbill

Needs poppler's pdftotext; Python 3.11 (tomllib).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYOUTS = os.path.join(ROOT, "layouts")
REFERENCE = os.path.join(ROOT, "..", "shared", "seed", "000_53f4cf6db800a616.txt")
BASE = "a4-leaflet"

# Paper sizes in mm (portrait), as handbill names them.
PAPERS = {
    "a0": (841, 1189), "a1": (594, 841), "a2": (420, 594), "a3": (297, 420),
    "a4": (210, 297), "a5": (148, 210), "a6": (105, 148), "a7": (74, 105),
    "b4": (250, 353), "b5": (176, 250), "letter": (215.9, 279.4),
    "legal": (215.9, 355.6), "tabloid": (279.4, 431.8),
}
PT_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0}
# The trifold's inside flap is this much narrower than the other panels.
FLAP_MM = 3.0
# Issue #14: a page alone must be this full, a last page of several this.
SINGLE_PAGE_FILL = 0.85
LAST_PAGE_FILL = 0.50


def length(text):
    """A TOML length ("15mm", "0.6in", "10pt") in points."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*(pt|mm|cm|in)\s*", text)
    if not m:
        raise ValueError(f"not a length: {text!r}")
    return float(m.group(1)) * PT_PER[m.group(2)]


def layout_page(name_or_path):
    """The [page] table of a layout, merged over what it extends."""
    path = name_or_path
    if not os.path.isfile(path):
        path = os.path.join(LAYOUTS, name_or_path + ".toml")
    with open(path, "rb") as f:
        own = tomllib.load(f)
    parent = own.get("extends")
    if parent is None and os.path.basename(path) != BASE + ".toml":
        parent = BASE
    page = {}
    if parent is not None:
        near = os.path.join(os.path.dirname(path), parent)
        page = layout_page(near if os.path.isfile(near) else parent)
    page.update(own.get("page", {}))
    return page


def text_area(page):
    """(width, height, top, bottom, fold) of the page or panel, in points."""
    w, h = PAPERS[page.get("paper", "a4").lower()]
    if page.get("orientation", "portrait") == "landscape":
        w, h = h, w
    margin = page.get("margin", "15mm")
    top = length(page.get("margin-top", margin))
    bottom = length(page.get("margin-bottom", margin))
    h_pt = h * PT_PER["mm"]
    return w * PT_PER["mm"], h_pt, top, h_pt - bottom, page.get("fold", "none")


def words(pdf):
    """Per PDF page, the (x_min, y_max) of each word."""
    html = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for chunk in html.split("<page ")[1:]:
        pages.append([
            (float(m.group(1)), float(m.group(2)))
            for m in re.finditer(r'<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="[0-9.]+" yMax="([0-9.]+)"', chunk)
        ])
    return pages


def trifold_panels(pages, width, rtl=False):
    """The words of the six panels in reading order: cover, flap, the three
    inside panels in reading order, back (see src/compose/fold.rs). A
    right-to-left sheet folds the other way: every panel at the mirror
    image of its place."""
    p = (width + FLAP_MM * PT_PER["mm"]) / 3
    flap = p - FLAP_MM * PT_PER["mm"]
    outside = pages[0] if pages else []
    inside = pages[1] if len(pages) > 1 else []

    def between(ws, a, b):
        if rtl:
            a, b = width - b, width - a
        return [w for w in ws if a <= w[0] < b]

    return [
        between(outside, flap + p, width), between(outside, 0, flap),
        between(inside, 0, p), between(inside, p, 2 * p),
        between(inside, 2 * p, width), between(outside, flap, flap + p),
    ]


def measure(pdf, layout):
    """(pages or panels with text, panels in all or None, fill of the last)."""
    width, _, top, bottom, fold = text_area(layout_page(layout))
    pages = words(pdf)
    total = None
    if fold == "trifold":
        sides = pages
        pages = trifold_panels(sides, width)
        if not pages[0]:
            # No cover on the outside's right: a right-to-left sheet.
            pages = trifold_panels(sides, width, rtl=True)
        cover, flap, left, middle, right, back = pages
        if cover and left and not flap:
            # The cover and the inside spread (the back holds no more than
            # the imprint and QR code): the spread's columns are balanced,
            # so its lowest word is how far down it is filled.
            total = 4
            spread = [p for p in (left, middle, right) if p]
            pages = [cover] + spread[:-1] + [left + middle + right]
        else:
            total = len(pages)
            pages = [p for p in pages if p]
    last = pages[-1] if pages else []
    lowest = max((y for _, y in last), default=top)
    return len(pages), total, (lowest - top) / (bottom - top)


def verdict(n, total, fill):
    if total is not None and n < total:
        return f"EMPTY PANELS ({total - n})"
    if n == 1 and total is None:
        return "ok" if fill >= SINGLE_PAGE_FILL else "SHORT PAGE"
    return "ok" if fill >= LAST_PAGE_FILL else "RUNT LAST PAGE"


def all_layouts():
    return sorted(f[:-5] for f in os.listdir(LAYOUTS) if f.endswith(".toml"))


def builds(binary, statements, layouts):
    """Builds each statement on each layout, in turn: yields (statement
    name, layout, the PDF's path or None, the last line of stderr on a
    failure). The PDF is overwritten by the next build."""
    with tempfile.TemporaryDirectory(prefix="builds-") as tmp:
        pdf = os.path.join(tmp, "x.pdf")
        for src in statements:
            name = os.path.splitext(os.path.basename(src))[0]
            for layout in layouts:
                run = subprocess.run([binary, "build", src, "--layout", layout, "-o", pdf, "--quiet"],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    yield name, layout, None, (run.stderr.strip().splitlines() or ["?"])[-1]
                else:
                    yield name, layout, pdf, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("statements", nargs="*", help="statement files (default: reference + samples)")
    ap.add_argument("-l", "--layout", action="append", help="layout name or file (repeatable)")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/handbill"))
    ap.add_argument("--pdf", help="measure this PDF (with one --layout) instead of building")
    args = ap.parse_args()
    layouts = args.layout or all_layouts()
    if args.pdf:
        n, total, fill = measure(args.pdf, layouts[0])
        print(f"{args.pdf}: {n}{'/' + str(total) if total else ''} {fill:.0%} {verdict(n, total, fill)}")
        return 0
    statements = args.statements or [REFERENCE] + sorted(
        os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples"))
    )
    print(f"{'statement':<26} {'layout':<16} {'pages':>6} {'last fill':>9}  verdict")
    bad = 0
    for name, layout, pdf, error in builds(args.bin, statements, layouts):
        if pdf is None:
            print(f"{name:<26} {layout:<16} {'-':>6} {'-':>9}  FAILED: {error[:90]}")
            bad += 1
            continue
        n, total, fill = measure(pdf, layout)
        v = verdict(n, total, fill)
        bad += v != "ok"
        pages = f"{n}/{total}" if total else str(n)
        print(f"{name:<26} {layout:<16} {pages:>6} {fill:>9.0%}  {v}")
    print(f"{bad} not ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
