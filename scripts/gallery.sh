#!/usr/bin/env bash
# Draws the gallery in the README: one sample statement set on every
# built-in layout (`handbill layouts` lists them), page 1 of each as a small
# PNG in docs/gallery/LAYOUT.png, from handbill's own rasteriser. Run it
# after changing a layout, a font or the typesetter, and commit the PNGs;
# tests/gallery.rs fails when a built-in layout has no picture.
#
#   scripts/gallery.sh [STATEMENT]    # default: samples/en-tenants.txt
#
# Pictures are drawn at 60 dpi, and posters at a lower resolution that
# keeps them about as wide as an A4 page (500 pixels), so the gallery stays
# small in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
statement=${1:-samples/en-tenants.txt}
cargo build --release -q
bin=./target/release/handbill
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/gallery
rm -f docs/gallery/*.png
# `handbill layouts`: NAME [(default)]  PAPER W×H mm  …
"$bin" layouts | while read -r name rest; do
  width_mm=$(sed -E 's/.* ([0-9]+)×[0-9]+ mm.*/\1/' <<<"$rest")
  dpi=$(awk -v w="$width_mm" 'BEGIN { d = 500 / (w / 25.4); if (d > 60) d = 60; printf "%d", d }')
  "$bin" build "$statement" --layout "$name" -o "$work/$name.pdf" \
    --png "$work/$name.png" --png-dpi "$dpi" --quiet
  # Page 1 only: the front of a leaflet. Of a folded sheet the inside,
  # page 2: a short text's body is set across it, its cover holds the
  # headline alone.
  if grep -q '^fold = "trifold"' "layouts/$name.toml" && [ -f "$work/$name-2.png" ]; then
    cp "$work/$name-2.png" "docs/gallery/$name.png"
  else
    cp "$work/$name.png" "docs/gallery/$name.png"
  fi
  echo "docs/gallery/$name.png ($dpi dpi)"
done
# Two languages (samples/pair: English with its Arabic translation): the
# front and back of an A5 flyer, and an A3 poster with both side by side.
mkdir -p docs/gallery-pair
rm -f docs/gallery-pair/*.png
"$bin" build samples/pair/en-water.md --layout a5-flyer -o "$work/pair-a5.pdf" \
  --png docs/gallery-pair/a5-flyer.png --png-dpi 60 --quiet
"$bin" build samples/pair/en-water.md --layout a3-poster -o "$work/pair-a3.pdf" \
  --png docs/gallery-pair/a3-poster.png --png-dpi 42 --quiet
ls docs/gallery-pair/*.png
