#!/usr/bin/env bash
# Proves that a change moved code without changing what it prints: builds
# every sample (and the reference statement, when it is beside the checkout)
# on every built-in layout for every print target, plus the imposed and PNG
# preview variants, and writes one SHA-256 line per output.
#
#   scripts/same-output.sh record FILE   # before the change
#   scripts/same-output.sh check FILE    # after it: exits 1 on any difference
#
# The creation date is pinned with SOURCE_DATE_EPOCH, so equal sources give
# equal bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?record or check}
list=${2:?file of hashes}
cargo build --release -q
bin=./target/release/handbill
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1700000000
sources=(samples/*.* samples/pair/*)
[ -f ../shared/seed/000_53f4cf6db800a616.txt ] && sources+=(../shared/seed/000_53f4cf6db800a616.txt)
layouts=$(ls layouts | sed 's/\.toml$//')
: > "$out/hashes"
for src in "${sources[@]}"; do
  name=$(basename "$src")
  for layout in $layouts; do
    for target in office copyshop press; do
      pdf="$out/$name.$layout.$target.pdf"
      if "$bin" build "$src" --layout "$layout" --for "$target" -o "$pdf" --quiet 2>"$out/err"; then
        echo "$(sha256sum < "$pdf" | cut -c1-64)  $name $layout $target" >> "$out/hashes"
      else
        # A refusal is an output too: its message must not change either.
        echo "$(sha256sum < "$out/err" | cut -c1-64)  $name $layout $target (error)" >> "$out/hashes"
      fi
    done
  done
  for n in 2up 4up; do
    pdf="$out/$name.$n.pdf"
    "$bin" build "$src" --layout a5-flyer --impose "$n" -o "$pdf" --quiet 2>/dev/null || true
    [ -f "$pdf" ] && echo "$(sha256sum < "$pdf" | cut -c1-64)  $name a5-flyer impose $n" >> "$out/hashes"
  done
  "$bin" build "$src" -o "$out/p.pdf" --png "$out/p.png" --quiet 2>/dev/null || true
  for png in "$out"/p*.png; do
    [ -f "$png" ] && echo "$(sha256sum < "$png" | cut -c1-64)  $name png $(basename "$png")" >> "$out/hashes"
  done
  rm -f "$out"/p*.png
done
case "$mode" in
  record) cp "$out/hashes" "$list"; echo "recorded $(wc -l < "$list") outputs in $list" ;;
  check)
    if diff -u "$list" "$out/hashes"; then
      echo "all $(wc -l < "$list") outputs identical"
    else
      echo "outputs differ (lines above)" >&2; exit 1
    fi ;;
  *) echo "usage: $0 record|check FILE" >&2; exit 2 ;;
esac
