#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the project's samples and layouts.
# The corpora are not committed (see .gitignore); this script is.
#   statement: every file in samples/
#   pipeline:  every file in samples/, prefixed with two bytes — byte 0 picks
#              the built-in layout (index mod the number of built-ins),
#              byte 1 the format (0: plain, 1: Markdown; bit 1, set for
#              "as written" quotes, stays clear) — once per
#              built-in layout, with the format the file's extension implies,
#              and once more with a picture of its own (bits 4 and 5: wide,
#              tall or square, in turn by layout)
#   layout:    every layouts/*.toml
#   docx:      a small Word document's XML parts, written here, joined by
#              0xFF bytes (see fuzz/harness.rs): a title, a heading, bold
#              and italic runs, a numbered and a bulleted list, a table, a
#              link and a footnote; and a second with ruby, an equation,
#              text boxes in a table cell and in a footnote, a table nested
#              in a cell, a CDATA section, a character reference and an XML
#              comment (round 22's seed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus"
mkdir -p "$corpus/statement" "$corpus/pipeline" "$corpus/layout" "$corpus/docx"

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
    pic=$(( (i % 3 + 1) << 4 | fmt ))
    { printf "\\x$(printf %02x "$i")\\x$(printf %02x "$pic")"; cat "$f"; } \
      > "$corpus/pipeline/$i-picture-$base"
  done
done

for f in "$root"/layouts/*.toml; do
  cp "$f" "$corpus/layout/$(basename "$f")"
done

w='xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
{
  printf '<w:document %s xmlns:r="r"><w:body>' "$w"
  printf '<w:p><w:pPr><w:pStyle w:val="T"/></w:pPr><w:r><w:t>Rent strike</w:t></w:r></w:p>'
  printf '<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>Demands</w:t></w:r></w:p>'
  printf '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>No</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> rise</w:t></w:r>'
  printf '<w:hyperlink r:id="L"><w:r><w:t>site</w:t></w:r></w:hyperlink><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
  printf '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Repairs</w:t></w:r></w:p>'
  printf '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Heating</w:t></w:r></w:p>'
  printf '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>When</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Where</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
  printf '</w:body></w:document>\xff'
  printf '<w:styles %s><w:style w:styleId="T"><w:name w:val="Title"/></w:style>' "$w"
  printf '<w:style w:styleId="H"><w:name w:val="heading 1"/></w:style></w:styles>\xff'
  printf '<w:numbering %s><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>' "$w"
  printf '<w:lvlText w:val="%%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
  printf '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>\xff'
  printf '<w:footnotes %s><w:footnote w:id="2"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>\xff' "$w"
  printf '<Relationships><Relationship Id="L" Type="x/hyperlink" Target="https://example.org"/></Relationships>'
} > "$corpus/docx/small-document"

m='xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
wps='xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
box='<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>'
{
  printf '<w:document %s %s %s xmlns:r="r"><w:body>' "$w" "$m" "$wps"
  printf '<w:p><w:r><w:t>Headline &amp; more &#x41;</w:t></w:r></w:p>'
  printf '<w:p><w:r><w:ruby><w:rt><w:r><w:t>ほいく</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>保育</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>'
  printf '<w:p><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>'
  printf "<w:tbl><w:tr><w:tc><w:p><w:r>$box</w:r></w:p></w:tc></w:tr></w:tbl>" 'In a box'
  printf '<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>'
  printf '<w:tc><w:p><w:r><w:t><![CDATA[cdata]]></w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
  printf '<w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r><!-- c --></w:p>'
  printf '</w:body></w:document>\xff\xff\xff'
  printf "<w:footnotes %s %s><w:footnote w:id=\"3\"><w:p><w:r><w:t>Note with </w:t></w:r><w:r>$box</w:r></w:p></w:footnote></w:footnotes>\xff" "$w" "$wps" 'box'
} > "$corpus/docx/boxes-ruby-math"

for t in statement pipeline layout docx; do
  echo "$t: $(ls "$corpus/$t" | wc -l) files"
done
