#!/usr/bin/env bash
# Builds every sample and the reference statement on a layout and measures
# each PDF with the independent typometer (../shared/tools/typometer), which
# judges the PDF alone. The typometer compares against the statement's plain
# text (scripts/plain_source.py: printed front matter fields, no Markdown
# markup).
#   scripts/measure.sh [layout]        (default a4-leaflet)
set -euo pipefail
cd "$(dirname "$0")/.."
layout=${1:-a4-leaflet}
tm=../shared/tools/typometer/typometer.py
venv=${TYPOMETER_VENV:-/tmp/typometer-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$(dirname "$tm")/requirements.txt"
fi
cargo build --release -q
out=$(mktemp -d)
for src in samples/* ../shared/seed/*.txt; do
  [ -f "$src" ] || continue
  name=$(basename "${src%.*}")
  ./target/release/handbill build "$src" --layout "$layout" -o "$out/$name.pdf" --quiet
  python3 scripts/plain_source.py "$src" > "$out/$name.src"
  echo "== $name ($layout)"
  "$venv/bin/python" "$tm" "$out/$name.pdf" --source "$out/$name.src" | sed -n '2,8p'
done
