"""Prints bench/compare.sh's results as a table.

    table.py RESULTS.tsv

Each line of RESULTS.tsv: statement, tool, pages, PDF bytes, the timed runs'
wall times in ms separated by commas, and the memory runs as
"peak_kib:cpu_ms" separated by commas ("failed" in the pages field for a
tool that failed). Medians over the runs; ratios are handbill ÷ peer
on the same statement, from the same run. Standard library only.
"""

import statistics
import sys


def fmt(x, digits=1):
    if x is None:
        return "-"
    if digits == 0 or abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}"


def main(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 5:
            continue
        stmt, tool, pages, size, walls = f[:5]
        mems = f[5] if len(f) > 5 else ""
        r = {"stmt": stmt, "tool": tool, "failed": pages == "failed"}
        if not r["failed"]:
            runs = [float(w) for w in walls.split(",") if w]
            mem = [tuple(float(v) for v in m.split(":")) for m in mems.split(",") if m]
            r["runs"] = len(runs)
            r["ms"] = statistics.median(runs)
            r["kib"] = statistics.median(x[0] for x in mem) if mem else None
            r["cpu"] = statistics.median(x[1] for x in mem) if mem else None
            r["pages"] = int(pages) if pages.isdigit() else None
            r["bytes"] = int(size) if size.isdigit() and int(size) > 0 else None
        rows.append(r)

    hb = {r["stmt"]: r for r in rows if r["tool"] == "handbill" and not r["failed"]}
    head = ["statement", "tool", "runs", "pages", "median ms", "ms/page", "CPU ms",
            "peak MiB", "PDF KiB", "time hb/peer", "mem hb/peer", "size hb/peer"]
    table = [head]
    for r in rows:
        if r["failed"]:
            table.append([r["stmt"], r["tool"], "FAILED"] + [""] * (len(head) - 3))
            continue
        base = hb.get(r["stmt"])
        peer = base is not None and not r["tool"].startswith("handbill")
        mib = r["kib"] / 1024 if r["kib"] is not None else None
        kib = r["bytes"] / 1024 if r["bytes"] else None
        per_page = r["ms"] / r["pages"] if r["pages"] else None
        table.append([
            r["stmt"], r["tool"], str(r["runs"]),
            str(r["pages"]) if r["pages"] else "-",
            fmt(r["ms"]), fmt(per_page), fmt(r["cpu"], 0), fmt(mib), fmt(kib),
            ratio(base["ms"], r["ms"]) if peer else "-",
            ratio(base["kib"], r["kib"]) if peer else "-",
            ratio(base["bytes"], r["bytes"]) if peer and r["bytes"] else "-",
        ])
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    right = set(range(2, len(head)))
    for n, row in enumerate(table):
        cells = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(row)]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("Medians: wall time of the timed runs (bare command), peak memory and CPU time of the")
    print("further runs under GNU time. Ratios are handbill / peer on the same statement in this run:")
    print("below 1 means handbill is faster, uses less memory, or writes a smaller PDF.")

    # Scaling: time against pages for each tool over the long statements.
    longs = {}
    for r in rows:
        if not r["failed"] and r["stmt"].startswith("long-") and r["pages"]:
            longs.setdefault(r["tool"], []).append(r)
    lines = []
    for tool, rs in longs.items():
        if len(rs) < 2:
            continue
        rs.sort(key=lambda r: r["pages"])
        a, b = rs[0], rs[-1]
        steps = ", ".join(f"{r['pages']} p {fmt(r['ms'], 0)} ms" for r in rs)
        lines.append(f"  {tool}: {steps}; pages x{b['pages'] / a['pages']:.2f}, "
                     f"time x{b['ms'] / a['ms']:.2f}, peak memory x{ratio(b['kib'], a['kib'])}")
    if lines:
        print()
        print("Scaling over the long statements (linear growth: time grows by the same factor as pages):")
        print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1])
