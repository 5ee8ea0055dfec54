#!/usr/bin/env python3
"""Lists non-test functions longer than a limit, and files whose non-test
code is longer than another, in src/. A rough reader of Rust: a function
runs from its `fn` line to the closing brace at the same indentation, and
a file's tests start at its `#[cfg(test)]` line.

    scripts/long-functions.py [max-function-lines] [max-file-lines]
"""
import pathlib
import re
import sys

max_fn = int(sys.argv[1]) if len(sys.argv) > 1 else 100
max_file = int(sys.argv[2]) if len(sys.argv) > 2 else 800
root = pathlib.Path(__file__).resolve().parent.parent / "src"
bad = 0
for path in sorted(root.rglob("*.rs")):
    if path.name == "tests.rs":
        continue
    lines = path.read_text().split("\n")
    end = next((i for i, l in enumerate(lines) if l.strip() == "#[cfg(test)]"), len(lines))
    code = lines[:end]
    if end > max_file:
        print(f"{path.relative_to(root.parent)}: {end} lines before its tests")
        bad += 1
    for i, line in enumerate(code):
        m = re.match(r"^(\s*)(pub(\([^)]*\))? )?(const )?fn (\w+)", line)
        if not m or line.rstrip().endswith(";"):
            continue
        indent = m.group(1)
        for j in range(i + 1, len(code)):
            if code[j] == indent + "}":
                n = j - i + 1
                if n > max_fn:
                    print(f"{path.relative_to(root.parent)}:{i + 1}: fn {m.group(5)} is {n} lines")
                    bad += 1
                break
sys.exit(1 if bad else 0)
