#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the project's samples and layouts.
# The corpora are not committed (see .gitignore); this script is.
#   statement: every file in samples/
#   pipeline:  every file in samples/, prefixed with two bytes — byte 0 picks
#              the built-in layout (index mod the number of built-ins),
#              byte 1 the format (0: plain, 1: Markdown; bit 1, set for
#              "as written" quotes, stays clear) — once per
#              built-in layout, with the format the file's extension implies
#   layout:    every layouts/*.toml
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus"
mkdir -p "$corpus/statement" "$corpus/pipeline" "$corpus/layout"

for f in "$root"/samples/*; do
  [ -f "$f" ] || continue
  base="$(basename "$f")"
  cp "$f" "$corpus/statement/$base"
  case "$base" in
    *.md|*.markdown) fmt=1 ;;
    *) fmt=0 ;;
  esac
  nlayouts="$(ls "$root"/layouts/*.toml | wc -l)"
  for ((i = 0; i < nlayouts; i++)); do
    { printf "\\x$(printf %02x "$i")\\x$(printf %02x "$fmt")"; cat "$f"; } \
      > "$corpus/pipeline/$i-$base"
  done
done

for f in "$root"/layouts/*.toml; do
  cp "$f" "$corpus/layout/$(basename "$f")"
done

for t in statement pipeline layout; do
  echo "$t: $(ls "$corpus/$t" | wc -l) files"
done
