#!/usr/bin/env python3
"""How live the web editor's preview is: `handbill serve` timed from outside.

Starts target/release/handbill serve on a free port and sends the request
the page sends after a pause in typing (POST /api/check: the whole build
and every page as a PNG at 60 dpi), first from one client, then from
CLIENTS clients at once. Each of those types as people do: a burst of
keystrokes (THINK, 0.3 to 1.5 s, during which the page sends nothing),
then a pause, when the page asks for a preview and waits for it. With
BENCH_THINK=0 they ask without stopping: the worst case, far beyond
typing. Prints the answer times; the time from the last keystroke to the
new picture is the page's pause (PAUSE_MS in src/serve/page.html) plus
these, plus drawing.

    python3 bench/serve.py [STATEMENT]    # default: the reference statement

Python's standard library only; build first with cargo build --release.
"""

import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "..", "shared", "seed", "000_53f4cf6db800a616.txt")
FALLBACK = os.path.join(ROOT, "samples", "en-tenants.txt")
ONE_CLIENT_RUNS = int(os.environ.get("BENCH_RUNS", "40"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "10"))
RUNS_EACH = int(os.environ.get("BENCH_RUNS_EACH", "20"))
THINK = (0.3, 1.5) if os.environ.get("BENCH_THINK", "1") != "0" else (0, 0)


def start():
    binary = os.path.join(ROOT, "target", "release", "handbill")
    proc = subprocess.Popen([binary, "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = proc.stdout.readline().strip()
    port = int(url.rsplit(":", 1)[1].strip("/"))
    return proc, port


def check(port, body):
    """One /api/check; its time in milliseconds."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    conn.request("POST", "/api/check", body, {"Content-Type": "application/json"})
    answer = conn.getresponse()
    data = answer.read()
    took = (time.perf_counter() - started) * 1000
    conn.close()
    if answer.status != 200:
        raise SystemExit(f"/api/check answered {answer.status}: {data[:300]!r}")
    return took


def summary(times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return (f"{len(times)} requests: median {statistics.median(times):.0f} ms, "
            f"95th percentile {p95:.0f} ms, max {times[-1]:.0f} ms")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else (REFERENCE if os.path.exists(REFERENCE) else FALLBACK)
    with open(path, encoding="utf-8") as f:
        statement = f.read()
    fmt = "markdown" if path.endswith(".md") else "text"
    body = json.dumps({"statement": statement, "format": fmt, "dpi": 60})
    proc, port = start()
    try:
        check(port, body)  # warm: hyphenation patterns and fonts load once
        alone = [check(port, body) for _ in range(ONE_CLIENT_RUNS)]
        together = []
        lock = threading.Lock()

        def client():
            for _ in range(RUNS_EACH):
                time.sleep(random.uniform(*THINK))
                t = check(port, body)
                with lock:
                    together.append(t)

        threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        proc.terminate()
        proc.wait()
    print(f"statement: {os.path.relpath(path, ROOT)} ({len(statement.split())} words); "
          f"{os.cpu_count()} cores")
    print(f"one client:   {summary(alone)}")
    print(f"{CLIENTS} clients: {summary(together)}")


if __name__ == "__main__":
    main()
