//! End-to-end: every sample on every built-in layout becomes a PDF that real
//! PDF tools accept and from which every word comes back, in order.

use std::path::Path;

use handbill::{layout, statement, BuildRequest};

mod support;
use support::{
    block_diff, blocks, common_size, luminance, render_png, root, samples, seed, tool, ScratchFile,
};

fn build(path: &Path, layout: &str) -> handbill::BuildOutput {
    let bytes = std::fs::read(path).unwrap();
    let layout = layout::load(layout).unwrap();
    let name = path.display().to_string();
    handbill::build(&BuildRequest::new(&bytes, &name, &layout)).unwrap_or_else(|e| panic!("{e}"))
}

/// The letters and digits of a text, in order: what must survive typesetting
/// whatever happens to spaces, hyphens and punctuation.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The text handbill was asked to set, from its own document model: every
/// block's text with list markers, with typography applied in `lang` when
/// given (as a build applies it).
fn statement_text(path: &Path, lang: Option<&str>) -> String {
    let bytes = std::fs::read(path).unwrap();
    let name = path.display().to_string();
    let mut doc = statement::read(&bytes, statement::format_for_path(&name), None, &name)
        .unwrap()
        .document;
    if let Some(lang) = lang {
        handbill::typeset::typography::apply(&mut doc, lang);
    }
    let mut s = String::new();
    for b in &doc.blocks {
        if let handbill::statement::document::BlockKind::ListItem { marker, .. } = &b.kind {
            s.push_str(marker);
        }
        s.push_str(&b.text());
    }
    s
}

/// The letters and digits of the statement, in order.
fn source_letters(path: &Path) -> String {
    letters(&statement_text(path, None))
}

/// `bytes` as `{tag}.pdf` in a scratch folder that goes when it drops.
fn write_temp(bytes: &[u8], tag: &str) -> ScratchFile {
    ScratchFile::with("handbill-e2e-", &format!("{tag}.pdf"), bytes)
}

/// A word as poppler sees it: page, box and text.
#[derive(Debug)]
struct Word {
    page: usize,
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every word with its box, from `pdftotext -bbox`.
fn words(pdf: &str) -> Vec<Word> {
    let (ok, xml, err) = tool("pdftotext", &["-enc", "UTF-8", "-bbox", pdf, "-"]);
    assert!(
        ok && err.is_empty(),
        "pdftotext complained about {pdf}: {err}"
    );
    let mut out = Vec::new();
    let mut page = 0;
    for line in xml.lines() {
        let t = line.trim();
        if t.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = t.strip_prefix("<word ") {
            let close = rest.find('>').unwrap();
            let tag = &rest[..close];
            let text = rest[close + 1..].trim_end_matches("</word>");
            out.push(Word {
                page,
                x_min: attr(tag, "xMin"),
                x_max: attr(tag, "xMax"),
                y_min: attr(tag, "yMin"),
                y_max: attr(tag, "yMax"),
                text: unescape(text),
            });
        }
    }
    out
}

/// `text` built as "s.txt" on `layout`, and the words `pdftotext -bbox`
/// finds in the PDF (written to a temporary file tagged `tag`).
fn built_words(
    text: &str,
    layout: &layout::Layout,
    tag: &str,
) -> (handbill::BuildOutput, Vec<Word>) {
    let out = handbill::build(&BuildRequest::new(text.as_bytes(), "s.txt", layout))
        .unwrap_or_else(|e| panic!("{e}"));
    let pdf = write_temp(&out.pdf, tag);
    let words = words(pdf.to_str().unwrap());
    (out, words)
}

/// Each word with its place: 0 for the headline block (page 1, above the
/// body), else 1 + its column, judged from the PDF alone and the layout's
/// column grid.
fn placed_words(pdf: &str, layout: &layout::Layout) -> Vec<(usize, Word)> {
    let page = &layout.design.page;
    let n = page.columns as usize;
    let w = page.column_width().to_pt();
    let gap = page.column_gap.to_pt();
    let left = page.margin_left.to_pt();
    let gutters: Vec<f64> = (1..n)
        .map(|k| left + k as f64 * (w + gap) - gap / 2.0)
        .collect();
    let column = |x: f64| gutters.iter().filter(|&&g| g < x).count();
    let all = words(pdf);
    let pages = all.iter().map(|w| w.page).max().unwrap_or(0);
    let mut out = Vec::new();
    let mut by_page: Vec<Vec<Word>> = (0..=pages).map(|_| Vec::new()).collect();
    for w in all {
        let p = w.page;
        by_page[p].push(w);
    }
    for (p, ws) in by_page.into_iter().enumerate() {
        // The body starts at the first row with text right of a gutter and
        // none in it: headline rows start at the left margin and cross
        // gutters, since no word space in them is as wide as a gutter.
        // (A headline's large word space can leave a gutter clear by
        // chance: rows of words much taller than the page's usual are
        // the head's. Twice as tall: a heading at a column's top, beside
        // the other column's, is 1.5 times the body's height on a poster
        // whose body fitting made small.)
        let mut heights: Vec<f64> = ws.iter().map(|w| w.y_max - w.y_min).collect();
        heights.sort_by(f64::total_cmp);
        let usual = heights.get(heights.len() / 2).copied().unwrap_or(0.0);
        let mut body_top = f64::INFINITY;
        for w in ws.iter().filter(|w| w.y_max - w.y_min < usual * 2.0) {
            let row = (w.y_max * 2.0).round();
            let same: Vec<&Word> = ws
                .iter()
                .filter(|v| (v.y_max * 2.0).round() == row)
                .collect();
            let split = gutters.iter().any(|&g| {
                let clear = same
                    .iter()
                    .all(|v| v.x_max < g - gap * 0.4 || v.x_min > g + gap * 0.4);
                clear && same.iter().any(|v| v.x_min > g)
            });
            if split {
                body_top = body_top.min(w.y_min);
            }
        }
        // A short text may be set across the page in one column (see
        // compose/fill.rs): then most rows below that "top" have a word
        // across a gutter, where a row of columns has none (the band's
        // rows, across the foot, are few). Its words are read as one
        // block, like the head's.
        let rows_below = |crossing: bool| {
            let mut rows: Vec<i64> = ws
                .iter()
                .filter(|w| w.y_min >= body_top)
                .filter(|w| crossing == gutters.iter().any(|&g| w.x_min < g && w.x_max > g))
                .map(|w| (w.y_max * 2.0).round() as i64)
                .collect();
            rows.sort_unstable();
            rows.dedup();
            rows.len()
        };
        // A page set in one column has words across the gutter on many
        // rows (fewer where words are long and lines ragged, as in
        // Bengali); two columns on none but a full-width band's.
        let one_column = rows_below(true) > rows_below(false) / 4;
        for w in ws {
            let head = one_column || (p == 1 && w.y_max < body_top);
            let col = if head {
                0
            } else {
                1 + column((w.x_min + w.x_max) / 2.0)
            };
            out.push((col, w));
        }
    }
    out
}

/// Whether a language is written right to left: its samples' text layers
/// are checked by tests/rtl.rs with pdftotext's bidi-aware reading, as the
/// geometric reading order here takes rows from the left.
fn right_to_left(lang: &str) -> bool {
    handbill::typeset::bidi::Direction::of_language(lang).is_rtl()
}

/// The text in reading order: the headline block, then each column top to
/// bottom, columns left to right, page by page. (pdftotext's own reading
/// order guesses columns and can pair a heading with the line beside it.)
fn reading_order(pdf: &str, layout: &layout::Layout) -> String {
    let mut ws = placed_words(pdf, layout);
    ws.sort_by_key(|(col, w)| {
        (
            w.page,
            *col,
            (w.y_max * 2.0).round() as i64,
            (w.x_min * 100.0) as i64,
        )
    });
    // Words of one line set in different fonts (digits in Noto Sans next
    // to Devanagari) get boxes of different heights: a line is the words
    // whose box holds the middle of its first word's and whose middle its
    // first word's box holds, left to right.
    let mut lines: Vec<Vec<(usize, Word)>> = Vec::new();
    for (col, w) in ws {
        let found = lines.iter().rposition(|line| {
            let (c0, first) = &line[0];
            let holds = |a: &Word, b: &Word| {
                let middle = (b.y_min + b.y_max) / 2.0;
                a.y_min < middle && middle < a.y_max
            };
            *c0 == col && first.page == w.page && holds(first, &w) && holds(&w, first)
        });
        match found {
            Some(k) => lines[k].push((col, w)),
            None => lines.push(vec![(col, w)]),
        }
    }
    // Lines in the order of their first words' middles (a headline's
    // tall box reaches below the small line under it).
    lines.sort_by(|a, b| {
        let key = |l: &Vec<(usize, Word)>| (l[0].1.page, l[0].0, l[0].1.y_min + l[0].1.y_max);
        let (ka, kb) = (key(a), key(b));
        (ka.0, ka.1).cmp(&(kb.0, kb.1)).then(ka.2.total_cmp(&kb.2))
    });
    for line in &mut lines {
        line.sort_by(|a, b| a.1.x_min.total_cmp(&b.1.x_min));
    }
    let mut text = String::new();
    for (_, w) in lines.into_iter().flatten() {
        text.push_str(&w.text);
        text.push(' ');
    }
    text
}

fn check_pdf(pdf: &Path, source: &str, layout: &layout::Layout) {
    let p = pdf.to_str().unwrap();
    let text = reading_order(p, layout);
    let got = letters(&text);
    if got != source {
        let a: Vec<char> = got.chars().collect();
        let b: Vec<char> = source.chars().collect();
        let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let ctx = |v: &[char]| {
            v[i.saturating_sub(40)..(i + 40).min(v.len())]
                .iter()
                .collect::<String>()
        };
        panic!(
            "text of {p} differs from its statement at letter {i}:\n pdf: {}\n src: {}",
            ctx(&a),
            ctx(&b)
        );
    }
    let (ok, out, err) = tool("qpdf", &["--check", p]);
    assert!(
        ok && !out.contains("WARNING") && err.is_empty(),
        "qpdf --check {p}: {out}{err}"
    );
    let (ok, out, _) = tool("pdffonts", &[p]);
    assert!(ok);
    for line in out.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type encoding emb sub uni object ID: the three flags are columns -5..-3 from the end.
        let n = cols.len();
        assert!(n >= 7, "{line}");
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "font not embedded+subset+unicode in {p}: {line}"
        );
    }
    let (ok, out, err) = tool(
        "gs",
        &["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", p],
    );
    assert!(
        ok && out.trim().is_empty() && err.trim().is_empty(),
        "Ghostscript on {p}: {out}{err}"
    );
    let (ok, out, err) = tool("mutool", &["draw", "-o", "/dev/null", p]);
    // Debian's mutool is built without ICC support and says so for every file.
    let complaints: Vec<&str> = out
        .lines()
        .chain(err.lines())
        .filter(|l| {
            !l.trim().is_empty()
                && !l.starts_with("page ")
                && !l.contains("ICC support is not available")
        })
        .collect();
    assert!(ok && complaints.is_empty(), "MuPDF on {p}: {complaints:?}");
}

#[test]
fn every_sample_on_the_default_layout() {
    for s in samples() {
        let out = build(&s, "a4-leaflet");
        if right_to_left(&out.lang) {
            // Read back by tests/rtl.rs: `reading_order` reads rows left
            // to right.
            continue;
        }
        let pdf = write_temp(&out.pdf, s.file_stem().unwrap().to_str().unwrap());
        check_pdf(
            &pdf,
            &source_letters(&s),
            &layout::load("a4-leaflet").unwrap(),
        );
    }
}

#[test]
fn reference_statement_on_every_builtin_layout() {
    let Some(seed) = seed().or_else(|| samples().into_iter().next()) else {
        return;
    };
    // The tri-fold has its own test (print_ready.rs): its panels are not
    // read in column order.
    for layout in layout::builtin_names()
        .into_iter()
        .filter(|l| *l != "a4-trifold")
    {
        let out = build(&seed, layout);
        let pdf = write_temp(&out.pdf, &format!("seed-{layout}"));
        check_pdf(&pdf, &source_letters(&seed), &layout::load(layout).unwrap());
    }
}

/// The characters a reader sees, in order: all but white space and
/// hyphens (an inserted hyphen and a real one at a line end look alike).
fn visible(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{AD}'))
        .collect()
}

/// The statement's own text, every character but spaces and hyphens, as
/// the typesetter is to set it (its quotes and dashes made typographic in
/// the language the build chose).
fn source_visible(path: &Path, lang: &str) -> String {
    visible(&statement_text(path, Some(lang)))
}

#[test]
fn the_text_layer_of_every_sample_on_every_layout_is_its_text() {
    for layout_name in layout::builtin_names()
        .into_iter()
        .filter(|l| *l != "a4-trifold")
    {
        let layout = layout::load(layout_name).unwrap();
        for s in samples() {
            let out = build(&s, layout_name);
            if right_to_left(&out.lang) {
                continue;
            }
            let tag = format!(
                "text-{layout_name}-{}",
                s.file_stem().unwrap().to_str().unwrap()
            );
            let pdf = write_temp(&out.pdf, &tag);
            let got = visible(&reading_order(pdf.to_str().unwrap(), &layout));
            let want = source_visible(&s, &out.lang);
            assert_eq!(got, want, "{}", pdf.display());
        }
    }
}

/// Clusters whose text is not their first glyph's own: a keycap, a letter
/// with a variation selector, ligatures, letters with combining marks, an
/// emoji sequence. Each comes back as written, and the plain digits and
/// letters the same glyphs show elsewhere come back plain.
#[test]
fn the_text_layer_keeps_keycaps_selectors_ligatures_and_marks() {
    let text = "Clusters\n\n\
        Call 1\u{FE0F}\u{20E3} within 14 days of 2026, or press #\u{FE0F}\u{20E3}. \
        The letter B\u{FE00} is a variant; B and 12 are plain. \
        Office staff affirm the official fjord. \
        Stress: мо\u{301}ре, q\u{307}, n\u{308}, e\u{301}. \
        A family \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} and a raised fist \u{270A}\u{1F3FD}.\n";
    let path = ScratchFile::with("handbill-e2e-", "clusters.txt", text.as_bytes());
    // One column, read in the order the page draws it: poppler's reading
    // order places an emoji by its font's taller box, not by its line.
    let layout = layout::parse(
        "extends = \"a4-leaflet\"\n[page]\ncolumns = 1\n",
        "one-column.toml",
        &root(),
    )
    .unwrap();
    let out =
        handbill::build(&BuildRequest::new(text.as_bytes(), "clusters.txt", &layout)).unwrap();
    let pdf = write_temp(&out.pdf, "clusters");
    let (ok, raw, err) = tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    assert!(ok && err.is_empty(), "{err}");
    let got = visible(&raw);
    let want = source_visible(&path, &out.lang);
    assert_eq!(got, want);
    for plain in ["14", "2026", "B", "12"] {
        assert!(got.contains(plain), "{plain} is not plain in {got}");
    }
}

/// A font with CFF outlines (an .otf file of the user's) is embedded as a
/// CIDFontType0C subset; Debian's `fonts-inter` (installed by .ci/run)
/// provides one.
const CFF_FONT: &str = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";

#[test]
fn a_font_with_cff_outlines_is_embedded_as_a_cff_subset() {
    assert!(
        Path::new(CFF_FONT).exists(),
        "{CFF_FONT} is needed for this test; .ci/run installs fonts-inter"
    );
    let sample = root().join("samples/de-mieten.md");
    let layout = layout::parse(
        &format!("extends = \"a4-leaflet\"\n[body]\nfont = \"{CFF_FONT}\"\n"),
        "cff.toml",
        &root(),
    )
    .unwrap();
    let bytes = std::fs::read(&sample).unwrap();
    let name = sample.display().to_string();
    let out = handbill::build(&BuildRequest::new(&bytes, &name, &layout)).unwrap();
    let pdf = write_temp(&out.pdf, "cff");
    check_pdf(&pdf, &source_letters(&sample), &layout);
    let (_, fonts, _) = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let inter = fonts
        .lines()
        .find(|l| l.contains("+Inter-Regular"))
        .unwrap_or_else(|| panic!("Inter is not embedded:\n{fonts}"));
    assert!(inter.contains("CID Type 0C"), "{inter}");
}

#[test]
fn reference_statement_is_one_a4_page() {
    let Some(seed) = seed() else { return };
    let out = build(&seed, "a4-leaflet");
    assert_eq!(out.pages, 1);
    let pdf = write_temp(&out.pdf, "seed-one-page");
    let (_, info, _) = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("595.276 x 841.89 pts (A4)") || info.contains("595.28 x 841.89 pts (A4)"),
        "{info}"
    );
}

#[test]
fn long_statement_flows_over_pages() {
    let long = root().join("samples/en-long-campaign.md");
    let out = build(&long, "a4-leaflet");
    assert!(out.pages >= 3, "{} pages", out.pages);
    let pdf = write_temp(&out.pdf, "long");
    check_pdf(
        &pdf,
        &source_letters(&long),
        &layout::load("a4-leaflet").unwrap(),
    );
}

#[test]
fn metadata_title_and_language() {
    let s = root().join("samples/de-mieten.md");
    let out = build(&s, "a4-leaflet");
    let pdf = write_temp(&out.pdf, "meta");
    let (_, info, _) = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Title:") && l.len() > 20),
        "{info}"
    );
    let raw = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(
        out.lang == "de" && (raw.contains("/Lang") || raw.contains("/Lang(de)")),
        "no /Lang"
    );
}

/// Builds text given inline (as a plain statement) on a layout.
fn build_text(text: &str, layout: &str, tag: &str) -> (handbill::BuildOutput, ScratchFile) {
    let layout = layout::load(layout).unwrap();
    let name = format!("{tag}.txt");
    let out = handbill::build(&BuildRequest::new(text.as_bytes(), &name, &layout))
        .unwrap_or_else(|e| panic!("{e}"));
    let pdf = write_temp(&out.pdf, tag);
    (out, pdf)
}

#[test]
fn over_long_words_and_urls_are_broken_inside_the_column_with_a_warning() {
    let url = "https://example.org/campaigns/2026/fair-transport-for-everyone/petition-signatures?ref=leaflet&lang=en";
    // The longest word a statement may have (src/statement/limits.rs).
    let word = "x".repeat(handbill::statement::limits::MAX_WORD_CHARS);
    let text = format!("A long word\n\nSign at {url} today.\n\n{word} end.\n");
    let (out, pdf) = build_text(&text, "a4-leaflet", "long-words");
    let layout = layout::load("a4-leaflet").unwrap();
    check_pdf(&pdf, &letters(&text), &layout);
    let right = (layout.design.page.width - layout.design.page.margin_right).to_pt();
    for w in words(pdf.to_str().unwrap()) {
        assert!(
            w.x_max <= right + 0.5,
            "“{}” ends at {} past the column edge {right}",
            w.text,
            w.x_max
        );
    }
    let warned: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warned.len(), 2, "{warned:?}");
    assert!(
        warned[0].contains("long-words.txt:3") && warned[0].contains("https://example.org/"),
        "{warned:?}"
    );
    assert!(warned[1].contains("long-words.txt:5"), "{warned:?}");
}

#[test]
fn urls_emails_and_numbers_are_not_hyphenated() {
    let text = "Contact\n\n\
        Write to organising-committee@example.org or visit https://example.org/organisation/international or call 0123456789012345 about internationalisation responsibilities. \
        Write to organising-committee@example.org or visit https://example.org/organisation/international or call 0123456789012345 about internationalisation responsibilities.\n";
    let (_, pdf) = build_text(text, "a6-handout", "literals");
    let (_, plain, _) = tool("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    for line in plain.lines() {
        let t = line.trim_end();
        if let Some(last) = t.split_whitespace().last() {
            if last.ends_with('-') && last.len() > 1 {
                let stem = last.trim_end_matches('-');
                assert!(
                    !stem.contains('@')
                        && !stem.contains("//")
                        && !stem.chars().any(|c| c.is_ascii_digit()),
                    "a literal was hyphenated: {t}"
                );
            }
        }
    }
}

mod property {
    use super::*;
    use proptest::prelude::*;

    /// Words from the scripts handbill sets, with punctuation, digits and
    /// the occasional very long word.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => "[a-zA-Zäöüßéèçœčćđšž]{1,12}[,.;:!?]?",
            2 => "[а-яА-Яђћџљњј]{1,12}",
            2 => "[α-ωάέήίόύώ]{1,10}",
            1 => "[0-9]{1,6}",
            1 => "[a-z]{25,60}",
        ]
    }

    fn statement() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(word(), 1..8),
            prop::collection::vec(prop::collection::vec(word(), 1..120), 1..6),
        )
            .prop_map(|(head, paras)| {
                let mut s = head.join(" ");
                for p in paras {
                    s.push_str("\n\n");
                    s.push_str(&p.join(" "));
                }
                s.push('\n');
                s
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whatever the text, the PDF gives back exactly its letters in
        /// reading order, and no word sticks out of its column.
        #[test]
        fn text_survives_and_lines_fit(text in statement(), small in any::<bool>()) {
            let layout_name = if small { "a6-handout" } else { "a4-leaflet" };
            let (_, pdf) = build_text(&text, layout_name, "property");
            let layout = layout::load(layout_name).unwrap();
            let p = pdf.to_str().unwrap();
            prop_assert_eq!(letters(&reading_order(p, &layout)), letters(&text));
            let page = &layout.design.page;
            let w = page.column_width().to_pt();
            let gap = page.column_gap.to_pt();
            let left = page.margin_left.to_pt();
            for (col, word) in placed_words(p, &layout) {
                let right = if col == 0 {
                    page.width.to_pt() - page.margin_right.to_pt()
                } else {
                    left + (col - 1) as f64 * (w + gap) + w
                };
                prop_assert!(word.x_max <= right + 0.5, "“{}” ends at {:.2}, column edge {:.2}", word.text, word.x_max, right);
            }
        }
    }
}

#[test]
fn quotes_and_dashes_follow_the_language() {
    let cases = [
        ("en", "“Solidarity” – now…"),
        ("de", "„Solidarity“ – now…"),
        ("fr", "«\u{202F}Solidarity\u{202F}» – now…"),
        ("sr-Latn", "„Solidarity” – now…"),
        ("sr-Cyrl", "„Solidarity” – now…"),
        ("ru", "«Solidarity» – now…"),
    ];
    for (lang, want) in cases {
        let text = format!("+++\nlang = \"{lang}\"\n+++\nHeadline\n\nWe say \"Solidarity\" - now... and don't stop.\n");
        let (_, pdf) = build_text(&text, "a4-leaflet", &format!("quotes-{lang}"));
        let (_, plain, _) = tool("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
        let flat = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        let want_flat = want.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&want_flat),
            "{lang}: want {want_flat:?} in {flat:?}"
        );
        assert!(flat.contains("don’t"), "{lang}: apostrophe in {flat:?}");
    }
}

#[test]
fn fitting_chooses_the_largest_size_that_keeps_one_page() {
    let short = "Headline\n\nA short statement that leaves most of the page empty.\n";
    let (out, _) = build_text(short, "a4-leaflet", "fit-short");
    let layout = layout::load("a4-leaflet").unwrap();
    let fit = layout.design.body.fit.unwrap();
    assert_eq!(out.body_size, fit.max_size);

    let Some(seed) = seed() else { return };
    let out = build(&seed, "a4-leaflet");
    assert_eq!(out.pages, 1);
    assert!(
        out.body_size >= fit.min_size && out.body_size <= fit.max_size,
        "{}",
        out.body_size
    );

    // A long statement: as few pages as it takes at min-size, set as
    // large as fills them (so larger than min-size: the last page would
    // otherwise be left part empty), with a warning saying how many.
    let long = root().join("samples/en-long-campaign.md");
    let out = build(&long, "a4-leaflet");
    assert!(out.pages > 1);
    assert!(out.body_size > fit.min_size && out.body_size <= fit.max_size);
    let said = format!(
        "does not fit on one page even at 9pt; at {} it takes {} pages",
        out.body_size, out.pages
    );
    assert!(
        out.warnings.iter().any(|w| w.message.contains(&said)),
        "{:?}",
        out.warnings
    );
}

#[test]
fn overflow_error_says_by_how_much() {
    let lp = ScratchFile::with(
        "handbill-e2e-",
        "strict.toml",
        b"extends = \"a5-flyer\"\n[body]\noverflow = \"error\"\n",
    );
    let layout = layout::load(lp.to_str().unwrap()).unwrap();
    let long = root().join("samples/en-long-campaign.md");
    let bytes = std::fs::read(&long).unwrap();
    let e = handbill::build(&BuildRequest::new(&bytes, "long.md", &layout))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("does not fit on one page even at 9pt") && e.contains("overflows by"),
        "{e}"
    );
}

#[test]
fn png_preview_agrees_with_popplers_rendering_of_the_pdf() {
    let input = seed().unwrap_or_else(|| root().join("samples/en-tenants.txt"));
    let bytes = std::fs::read(&input).unwrap();
    // The page the thresholds below were set on: the body at 11.5pt in two
    // columns. Two anti-aliasing rasterizers differ a little along glyph
    // edges and in how heavy small type comes out, so the figures depend on
    // the type size; fitting now sets a short statement larger.
    let layout = layout::parse(
        "extends = \"a4-leaflet\"\n[body]\nfit = \"none\"\nsize = \"11.5pt\"\n\
         leading = \"14.95pt\"\nparagraph-spacing = \"7.475pt\"\n",
        "text-size.toml",
        std::path::Path::new(""),
    )
    .unwrap();
    let name = input.display().to_string();
    let out = handbill::build(&BuildRequest {
        png_dpi: Some(100.0),
        ..BuildRequest::new(&bytes, &name, &layout)
    })
    .unwrap();
    assert_eq!(out.png.len(), out.pages);
    let pdf = write_temp(&out.pdf, "png-compare");
    let poppler = render_png(&pdf, 100, &[]);
    let ours = luminance(&out.png[0]);
    let theirs = luminance(&poppler);
    let (w, h) = common_size(&ours, &theirs);
    let ours_b = blocks(&ours, w, h, 0);
    let (mean, far) = block_diff(&ours_b, &blocks(&theirs, w, h, 0), 48.0);
    assert!(
        mean < 3.5 && far < 0.005,
        "preview differs from poppler: mean {mean:.2}, {:.2}% of blocks far off",
        far * 100.0
    );
    // The same measure sees a shift of half a millimetre: it can fail.
    let (shifted, _) = block_diff(&ours_b, &blocks(&theirs, w, h, 2), 48.0);
    assert!(
        shifted > 2.0 * mean,
        "the comparison cannot tell a 2-pixel shift ({shifted:.2} vs {mean:.2})"
    );
    let (ours, theirs) = (ours.pixels, theirs.pixels);
    let ink = |v: &[f64]| v.iter().filter(|&&l| l < 128.0).count() as f64;
    let ratio = ink(&ours) / ink(&theirs).max(1.0);
    assert!(
        (0.9..1.1).contains(&ratio) && ink(&theirs) > 1000.0,
        "ink ratio {ratio:.3}"
    );
}

#[test]
fn a5_flyer_two_up_gives_two_identical_copies_with_equal_margins() {
    let input = root().join("samples/en-tenants.txt");
    let bytes = std::fs::read(&input).unwrap();
    let layout = layout::load("a5-flyer").unwrap();
    let name = input.display().to_string();
    let out = handbill::build(&BuildRequest {
        impose: Some(Some(handbill::layout::print::NUp::Two)),
        ..BuildRequest::new(&bytes, &name, &layout)
    })
    .unwrap();
    let pdf = write_temp(&out.pdf, "two-up");
    let p = pdf.to_str().unwrap();
    let (_, info, _) = tool("pdfinfo", &[p]);
    assert!(
        info.contains("841.89 x 595.276 pts") || info.contains("841.89 x 595.28 pts"),
        "sheet is not A4 landscape: {info}"
    );
    // From the PDF alone: the words of the left copy, moved by one A5 width,
    // are exactly the words of the right copy.
    let a5 = 148.0 / 25.4 * 72.0;
    let half = 841.89 / 2.0;
    let ws = words(p);
    let mut left: Vec<(String, f64, f64)> = Vec::new();
    let mut right: Vec<(String, f64, f64)> = Vec::new();
    for w in ws.iter().filter(|w| w.page == 1) {
        if w.x_max <= half {
            left.push((w.text.clone(), w.x_min + a5, w.y_min));
        } else if w.x_min >= half {
            right.push((w.text.clone(), w.x_min, w.y_min));
        } else {
            panic!("“{}” crosses the cut", w.text);
        }
    }
    // Reading order (line by line, then across), and then the same place
    // to a hundredth of a point: coordinates are written rounded, so the
    // copies may differ in the last digit.
    let order = |a: &(String, f64, f64), b: &(String, f64, f64)| {
        (a.2.round() as i64, a.1.round() as i64, &a.0).cmp(&(
            b.2.round() as i64,
            b.1.round() as i64,
            &b.0,
        ))
    };
    left.sort_by(order);
    right.sort_by(order);
    assert!(
        !left.is_empty() && left.len() == right.len(),
        "the copies differ"
    );
    for (l, r) in left.iter().zip(&right) {
        assert!(
            l.0 == r.0 && (l.1 - r.1).abs() < 0.01 && (l.2 - r.2).abs() < 0.01,
            "the copies differ: {l:?} against {r:?}"
        );
    }
    // Equal margins: the text block sits as far from the sheet's left edge
    // as the right copy's text ends from the right edge (the layout's own
    // margins are equal), so cutting on the marks gives equal leaflets.
    let min_x = ws.iter().map(|w| w.x_min).fold(f64::INFINITY, f64::min);
    let max_x = ws.iter().map(|w| w.x_max).fold(0.0, f64::max);
    let sheet_margin = (841.89 - 2.0 * a5) / 2.0;
    let inner_left = min_x - sheet_margin;
    let inner_right = 841.89 - sheet_margin - max_x;
    assert!(
        (inner_left - layout.design.page.margin_left.to_pt()).abs() < 0.5,
        "left margin {inner_left:.2}"
    );
    assert!(
        inner_right >= layout.design.page.margin_right.to_pt() - 0.5,
        "right margin {inner_right:.2}"
    );
}

#[test]
fn qr_code_scans_back_to_the_link_from_a_300_dpi_rendering() {
    let link = "https://example.org/petition/fair-transport?ref=leaflet";
    let text = format!("+++\nqr = \"{link}\"\n+++\nSign the petition\n\nWe need ten thousand signatures by June.\n");
    let (_, pdf) = build_text(&text, "a4-leaflet", "qr");
    let lum = luminance(&render_png(&pdf, 300, &["-gray"]));
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(lum.width, lum.height, |x, y| {
        lum.pixels[y * lum.width + x] as u8
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "found {} QR codes", grids.len());
    let (_, content) = grids[0].decode().expect("the code decodes");
    assert_eq!(content, link);
    // At least 2 cm printed, and the link is printed too for people without a phone.
    let bounds = grids[0].bounds;
    let side_px = (bounds[1].x - bounds[0].x)
        .abs()
        .max((bounds[2].y - bounds[1].y).abs());
    assert!(
        side_px as f64 / 300.0 * 25.4 >= 17.0,
        "code is only {side_px} px across"
    );
    let (_, plain, _) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(plain.contains("example.org/petition"), "{plain}");
}

#[test]
fn imprint_placeholders_are_filled() {
    let text = "+++\ntitle = \"Fix our homes\"\ndate = \"12 March 2026\"\nimprint = \"Published {date}: {title}. Responsible: the committee.\"\n+++\nFix our homes\n\nThe text.\n";
    let (_, pdf) = build_text(text, "a4-leaflet", "imprint");
    let (_, plain, _) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let flat = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Published 12 March 2026: Fix our homes. Responsible: the committee."),
        "{flat}"
    );
}

/// Every filled rectangle the page draws outside its text (x from, x to,
/// y from, y to, y down from the page's top), from MuPDF's trace.
fn filled_rects(pdf: &str) -> Vec<[f64; 4]> {
    let (ok, trace, err) = tool("mutool", &["draw", "-F", "trace", "-o", "-", pdf]);
    assert!(ok, "mutool: {err}");
    let mut out = Vec::new();
    let mut points: Vec<(f64, f64)> = Vec::new();
    let mut height = 0.0;
    for line in trace.lines().map(str::trim) {
        if line.starts_with("<page ") {
            // The page's media box height: the trace's y is PDF's (up).
            let tag = line.trim_start_matches("<page ");
            let key = "mediabox=\"";
            let start = tag.find(key).unwrap() + key.len();
            let bbox: Vec<f64> = tag[start..]
                .split('"')
                .next()
                .unwrap()
                .split(' ')
                .map(|v| v.parse().unwrap())
                .collect();
            height = bbox[3];
        } else if line.starts_with("<fill_path") {
            points.clear();
        } else if line.starts_with("<moveto") || line.starts_with("<lineto") {
            points.push((attr(line, "x"), attr(line, "y")));
        } else if line == "</fill_path>" && points.len() == 4 {
            let xs = points.iter().map(|p| p.0);
            let ys = points.iter().map(|p| height - p.1);
            out.push([
                xs.clone().fold(f64::MAX, f64::min),
                xs.fold(f64::MIN, f64::max),
                ys.clone().fold(f64::MAX, f64::min),
                ys.fold(f64::MIN, f64::max),
            ]);
        }
    }
    out
}

#[test]
fn struck_words_are_printed_with_a_line_through_them() {
    let text = "# A strike\n\nThis is ~~not~~ a strike but ~~two words~~ crossed out, \
                in a paragraph long enough to run over more than one line of the \
                column, so that <del>every struck phrase, however far it runs</del> \
                breaks with them.\n";
    // Each of these is in the text once, struck.
    let struck = [
        "not", "two", "words", "every", "struck", "phrase", "however", "far", "it", "runs",
    ];
    for name in ["a4-leaflet", "a3-poster"] {
        let layout = layout::load(name).unwrap();
        let out = handbill::build(&BuildRequest::new(text.as_bytes(), "s.md", &layout))
            .unwrap_or_else(|e| panic!("{e}"));
        let pdf = write_temp(&out.pdf, &format!("strike-{name}"));
        let pdf = pdf.to_str().unwrap();
        let words = words(pdf);
        let rects = filled_rects(pdf);
        // A line crosses a word when it spans the word's width and lies in
        // its box's middle part (through the lower-case letters).
        let crossed = |w: &Word| {
            rects.iter().any(|r| {
                let height = w.y_max - w.y_min;
                r[0] <= w.x_min + 0.5
                    && r[1] >= w.x_max - 0.5
                    && r[2] > w.y_min + 0.3 * height
                    && r[3] < w.y_max - 0.2 * height
            })
        };
        let mut heights: Vec<f64> = words.iter().map(|w| w.y_max - w.y_min).collect();
        heights.sort_by(f64::total_cmp);
        let body_height = heights[heights.len() / 2];
        let mut seen = Vec::new();
        for w in &words {
            let bare = w.text.trim_matches(|c: char| !c.is_alphanumeric());
            // The headline's words are the large ones.
            if w.y_max - w.y_min > 1.5 * body_height {
                continue;
            }
            assert_eq!(crossed(w), struck.contains(&bare), "{name}: “{}”", w.text);
            seen.push(bare);
        }
        for word in ["not", "words", "runs", "breaks"] {
            assert!(seen.contains(&word), "{name}: {word} in {seen:?}");
        }
    }
}

#[test]
fn a_tables_cells_stand_in_columns() {
    // Rows copied from a spreadsheet: before, "10:00 March starts Town
    // Hall", one run of words.
    let rows = "10:00\tMarch starts\tTown Hall\n12:00\tSpeeches\tMarket Square\n\
                13:30\tConcert\tPark by the river\n";
    let text = format!(
        "Day of action\n\nJoin us on Saturday for a day of action against the rent \
         rises. Here is the plan for the day, from the march to the concert:\n\n{rows}"
    );
    // Right under the headline, the rows are no meta lines (they were,
    // set small); and the body is set no larger than lets the columns
    // stand (at the 18pt of this short text they were too wide for the
    // leaflet's column).
    let under = format!("Day of action\n\n{rows}\nBring water and friends.\n");
    for (name, text) in [
        ("a4-leaflet", &text),
        ("a6-handout", &text),
        ("a3-poster", &text),
        ("a4-leaflet", &under),
    ] {
        let layout = layout::load(name).unwrap();
        let (out, words) = built_words(text, &layout, &format!("table-{name}"));
        let x = |text: &str| {
            let w = words.iter().find(|w| w.text == text);
            w.unwrap_or_else(|| panic!("{name}: no “{text}”")).x_min
        };
        let y = |text: &str| words.iter().find(|w| w.text == text).unwrap().y_min;
        // Each row on its own line, its cells at their columns' starts.
        for row in [
            ["10:00", "March", "Town"],
            ["12:00", "Speeches", "Market"],
            ["13:30", "Concert", "Park"],
        ] {
            assert!(
                row.iter().all(|w| (y(w) - y(row[0])).abs() < 0.5),
                "{name}: {row:?}"
            );
        }
        for column in [
            ["10:00", "12:00", "13:30"],
            ["March", "Speeches", "Concert"],
            ["Town", "Market", "Park"],
        ] {
            assert!(
                column.iter().all(|w| (x(w) - x(column[0])).abs() < 0.5),
                "{name}: {column:?} at {:?}",
                column.map(x)
            );
        }
        // A gutter between the widest cell and the next column.
        let starts = x("Town") - words.iter().find(|w| w.text == "starts").unwrap().x_max;
        assert!(starts > 5.0, "{name}: {starts}");
        assert!(
            out.warnings.iter().all(|w| !w.message.contains("table")),
            "{:?}",
            out.warnings
        );
    }
}

#[test]
fn a_tables_empty_cells_keep_the_others_in_their_columns() {
    // Copied from a spreadsheet with empty cells (one opening a row, one in
    // its middle, one ending it). Before: no table, "10:00 March Banners"
    // and "Town Hall Friends" as lines, the place and the things to bring
    // run together.
    let text = "Day of action\n\nJoin us on Saturday for a day of action against the rent \
                rises. Here is the plan for the day, from the march to the concert:\n\n\
                Time\tWhat\tWhere\tBring\n10:00\tMarch\t\tBanners\n\
                12:00\tSpeeches\tSquare\t\n\t\tPark\tFriends\n";
    for name in ["a4-leaflet", "a6-handout"] {
        let layout = layout::load(name).unwrap();
        let (_, words) = built_words(text, &layout, &format!("table-empty-{name}"));
        let at = |text: &str| {
            let w = words.iter().find(|w| w.text == text);
            let w = w.unwrap_or_else(|| panic!("{name}: no “{text}”"));
            (w.x_min, w.y_min)
        };
        for column in [
            ["Time", "10:00", "12:00"],
            ["What", "March", "Speeches"],
            ["Where", "Square", "Park"],
            ["Bring", "Banners", "Friends"],
        ] {
            assert!(
                column
                    .iter()
                    .all(|w| (at(w).0 - at(column[0]).0).abs() < 0.5),
                "{name}: {column:?} at {:?}",
                column.map(at)
            );
        }
        // Each row a line of its own, the last below the one before.
        assert!((at("Banners").1 - at("March").1).abs() < 0.5, "{name}");
        assert!((at("Friends").1 - at("Park").1).abs() < 0.5, "{name}");
        assert!(at("Park").1 > at("Square").1 + 1.0, "{name}");
    }
}

#[test]
fn widened_glyphs_still_end_a_justified_line_at_its_column_edge() {
    // Five narrow columns: many lines draw their glyphs wider or narrower
    // (`Tz`), and the pen's moves between them must be written for that
    // width, or a widened line runs past its column by up to 2%.
    let layout = layout::parse(
        "extends = \"a4-leaflet\"\n[page]\ncolumns = 5\n\
         [body]\nfit = \"none\"\nsize = \"13pt\"\n",
        "narrow.toml",
        Path::new(""),
    )
    .unwrap();
    let text = "Rents down\n\n".to_string()
        + &"Tenants of every building on the street met on Tuesday evening and \
            agreed, after a long and careful discussion, on three demands for the \
            landlord: repairs before any talk of rent, an independent survey of \
            the damp, and no evictions while the negotiations continue. "
            .repeat(6);
    let (_, words) = built_words(&text, &layout, "font-expansion");
    let page = &layout.design.page;
    let (w, gap) = (page.column_width().to_pt(), page.column_gap.to_pt());
    let left = page.margin_left.to_pt();
    // Each line's right end (page, column, rounded baseline → xMax).
    let mut ends: std::collections::BTreeMap<(usize, i64, i64), f64> = Default::default();
    for word in words.iter().filter(|w| w.page == 1 && w.y_min > 150.0) {
        // (A column's first word starts at its edge: half a gap's grace.)
        let column = ((word.x_min - left + gap / 2.0) / (w + gap)).floor() as i64;
        let key = (word.page, column, word.y_max.round() as i64);
        let end = ends.entry(key).or_insert(0.0);
        *end = end.max(word.x_max);
    }
    let mut flush = 0;
    for (&(_, column, y), &end) in &ends {
        let edge = left + column as f64 * (w + gap) + w;
        assert!(
            end < edge + 0.3,
            "line at y {y} ends at {end}, its column at {edge}"
        );
        flush += usize::from(end > edge - 0.3);
    }
    // Most lines are justified (the rest end paragraphs).
    assert!(
        flush * 10 >= ends.len() * 8,
        "{flush} of {} lines flush",
        ends.len()
    );
}

#[test]
fn a_column_of_figures_stands_flush_right() {
    // Before: flush left, "9.80 €" a figure short of "12.10 €", the units
    // out of line.
    let text = "Fair pay\n\nThe council pays its cleaners less than any other city in the \
                region, and here is by how much.\n\n\
                Grade\tNow\tRise\nCleaner\t9.80 €\t38 %\nSupervisor\t13.40 €\t9 %\n";
    let layout = layout::load("a5-flyer").unwrap();
    let (_, words) = built_words(text, &layout, "table-figures");
    let find = |text: &str, nth: usize| {
        let w = words.iter().filter(|w| w.text == text).nth(nth);
        w.unwrap_or_else(|| panic!("no “{text}” #{nth}"))
    };
    // The units and the headings end where their columns do.
    let ends = [find("Now", 0), find("€", 0), find("€", 1)].map(|w| w.x_max);
    assert!(ends.iter().all(|e| (e - ends[0]).abs() < 0.5), "{ends:?}");
    let ends = [find("Rise", 0), find("%", 0), find("%", 1)].map(|w| w.x_max);
    assert!(ends.iter().all(|e| (e - ends[0]).abs() < 0.5), "{ends:?}");
    // The rows' names stand flush left.
    let starts = [find("Grade", 0), find("Cleaner", 0), find("Supervisor", 0)].map(|w| w.x_min);
    assert!(
        starts.iter().all(|s| (s - starts[0]).abs() < 0.5),
        "{starts:?}"
    );
}

#[test]
fn a_table_too_wide_for_the_column_is_set_as_lines_with_a_warning() {
    let text = "Week of action\n\nWe have planned a long week of action, and here is everything \
                that will happen during it, day by day, with the places to meet.\n\n\
                Monday 3 March\tGeneral meeting of all tenants of the three blocks\tCommunity room, Weavers Court\n\
                Tuesday 4 March\tLeafleting on both estates\tMill Lane and Canal Street, at the corner shop\n";
    let layout = layout::load("a6-handout").unwrap();
    let (out, words) = built_words(text, &layout, "table-wide-words");
    let said: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter().any(|w| w
            .starts_with("s.txt:5: warning: the table's columns are wider than the text's column")),
        "{said:?}"
    );
    // Each row set apart from the one before: a row wraps.
    let tuesday = words.iter().find(|w| w.text == "Tuesday").unwrap();
    assert!(set_apart(&words, tuesday));
    let pdf = write_temp(&out.pdf, "table-wide");
    let (_, lines, _) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let shown = lines.split_whitespace().collect::<Vec<_>>().join(" ");
    // Every word, each row starting a line of its own.
    assert!(
        shown.contains("Monday 3 March General meeting of all tenants"),
        "{shown}"
    );
    assert!(shown.contains("at the corner shop"), "{shown}");
    let (_, lines, _) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        lines.lines().any(|l| l.trim_start().starts_with("Tuesday")),
        "{lines}"
    );
}

#[test]
fn a_programme_too_wide_to_line_up_hangs_its_times_left_of_its_events() {
    // Before: one long event made the rows too wide for the column, set
    // as lines of text ("15:00 Workshops: organising your / workplace"),
    // and the body stayed at 12.75pt on the A4, 31% of the page.
    let text = "May Day programme\n\nSaturday 1 May, Victoria Park\n\n\
                10:00\tAssemble at the bandstand\n\
                10:30\tMarch leaves for the Town Hall\n\
                12:00\tRally: speakers from the nurses', teachers' and bus drivers' unions\n\
                15:00\tWorkshops: organising your workplace; tenants' rights; know your rights at a protest\n\
                18:00\tMusic and speeches in the park\n\n\
                Stewards wear orange bibs. If you get separated, go to the info tent by the main gate.\n";
    let layout = layout::load("a4-leaflet").unwrap();
    let (out, words) = built_words(text, &layout, "programme-words");
    let said: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
    assert!(!said.iter().any(|w| w.contains("table")), "{said:?}");
    assert!(out.body_size.to_pt() > 20.0, "{:?}", out.body_size);
    let find = |t: &str| {
        words
            .iter()
            .find(|w| w.text == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    // The times stand flush left in their column.
    let times = ["10:00", "10:30", "12:00", "15:00", "18:00"].map(|t| find(t).x_min);
    assert!(
        times.iter().all(|x| (x - times[0]).abs() < 0.5),
        "{times:?}"
    );
    // Each event starts at one line, right of the widest time, and a
    // wrapped one goes on under its own start, not under the time.
    let starts = ["Assemble", "March", "Rally:", "Workshops:", "Music"].map(|t| find(t).x_min);
    assert!(
        starts.iter().all(|x| (x - starts[0]).abs() < 0.5),
        "{starts:?}"
    );
    assert!(starts[0] > find("10:00").x_max + 5.0);
    let workshops = find("Workshops:");
    let wrapped: Vec<&Word> = words
        .iter()
        .filter(|w| w.page == workshops.page && w.y_max > workshops.y_max + 1.0)
        .take_while(|w| w.text != "18:00")
        .collect();
    let line_start = wrapped.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
    assert!(
        (line_start - starts[0]).abs() < 0.5,
        "{line_start} {starts:?}"
    );
    // Each row set apart from the one before, as a list's items.
    assert!(set_apart(&words, find("10:30")));
    // Labels too wide to hang at the size the page wants ("Wednesday 5
    // March" is nine ems) do not hold the body small either; each stands
    // on a line of its own over its event (before: the rows were lines of
    // text, "Monday 3 March  Door-knocking on / the Weavers Court…").
    let week = "Week of action\n\nEvery day this week we are out on the estates.\n\n\
                Monday 3 March\tDoor-knocking on the Weavers Court estate, from the community room\n\
                Wednesday 5 March\tOpen meeting with a housing lawyer: what the new tenancy rules mean for you\n\
                Friday 7 March\tMarch to the council offices, leaving from Mill Lane at 5pm\n";
    let (out, words) = built_words(week, &layout, "week-words");
    assert!(out.body_size.to_pt() > 20.0, "{:?}", out.body_size);
    let said: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
    assert!(!said.iter().any(|w| w.contains("table")), "{said:?}");
    let find = |t: &str| {
        words
            .iter()
            .find(|w| w.text == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    let leading = out.body_size.to_pt() * 1.1;
    for (label, event) in [
        ("Monday", "Door-knocking"),
        ("Wednesday", "Open"),
        ("Friday", "March"),
    ] {
        let (label, event) = (
            find(label),
            words
                .iter()
                .find(|w| w.text == event && w.y_max > find(label).y_max + 1.0)
                .unwrap(),
        );
        // The event starts the next line, under its label's start.
        assert!(
            (label.x_min - event.x_min).abs() < 0.5,
            "{label:?} {event:?}"
        );
        let below = event.y_max - label.y_max;
        assert!(
            below > leading * 0.9 && below < leading * 1.6,
            "{below} {leading}"
        );
        // Nothing else on the label's line: its date's three words, then
        // the event, in reading order.
        let at = |w: &Word| words.iter().position(|v| std::ptr::eq(v, w)).unwrap();
        assert_eq!(at(event), at(label) + 3, "{label:?} {event:?}");
    }
    assert!(set_apart(&words, find("Wednesday")));
}

/// Whether `word` stands further below the line above it than the lines
/// of `words` stand apart at the least: a row or paragraph set apart.
fn set_apart(words: &[Word], word: &Word) -> bool {
    let above = words
        .iter()
        .filter(|w| w.page == word.page && w.y_max < word.y_max - 1.0)
        .map(|w| w.y_max)
        .fold(f64::MIN, f64::max);
    let mut ys: Vec<f64> = words
        .iter()
        .filter(|w| w.page == word.page)
        .map(|w| w.y_max)
        .collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let leading = ys.windows(2).map(|p| p[1] - p[0]).fold(f64::MAX, f64::min);
    word.y_max - above > leading * 1.3
}

#[test]
fn a_markdown_table_stands_in_columns_or_each_cell_after_its_heading() {
    // Before: each row a paragraph, "Grade: Cleaner · Now: 9.80 €", even
    // where the columns fit.
    let intro = "Fair pay\n\nThe council pays its cleaners less than any other city in the \
                 region, and here is by how much.\n\n";
    let build = |table: &str, layout: &str, tag: &str| {
        let text = format!("{intro}{table}\nCome to the meeting.\n");
        let layout = layout::load(layout).unwrap();
        let out = handbill::build(&BuildRequest::new(text.as_bytes(), "s.md", &layout))
            .unwrap_or_else(|e| panic!("{e}"));
        let pdf = write_temp(&out.pdf, tag);
        let said: Vec<String> = out.warnings.iter().map(|w| w.to_string()).collect();
        (said, words(pdf.to_str().unwrap()))
    };
    let narrow = "| Grade | Now | Rise |\n|---|--:|--:|\n| Cleaner | 9.80 € | 38 % |\n\
                  | Supervisor | 13.40 € | 9 % |\n";
    let (said, words) = build(narrow, "a5-flyer", "md-table");
    assert!(!said.iter().any(|w| w.contains("table")), "{said:?}");
    let find = |text: &str, nth: usize| {
        let w = words.iter().filter(|w| w.text == text).nth(nth);
        w.unwrap_or_else(|| panic!("no “{text}” #{nth}"))
    };
    let ends = [find("Now", 0), find("€", 0), find("€", 1)].map(|w| w.x_max);
    assert!(ends.iter().all(|e| (e - ends[0]).abs() < 0.5), "{ends:?}");
    let row = [find("Cleaner", 0), find("9.80", 0), find("38", 0)].map(|w| w.y_max);
    assert!(row.iter().all(|y| (y - row[0]).abs() < 0.5), "{row:?}");
    // Too wide for the A6's column: a row a line, each cell after its
    // heading, the rows apart.
    let wide = "| Grade | Hourly wage now | What we ask for from April | Who decides |\n\
                |---|---|---|---|\n\
                | Cleaner | 9.80 € | 14 € | The regional council and the contractor |\n\
                | Supervisor | 13.40 € | 16 € | The contractor alone |\n";
    let (said, words) = build(wide, "a6-handout", "md-table-wide");
    assert!(
        said.iter().any(|w| w
            .contains("s.md:5: warning: the table's columns are wider than the text's column")
            && w.ends_with("each cell after its column's heading")),
        "{said:?}"
    );
    let shown: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    let shown = shown.join(" ");
    assert!(
        shown.contains(
            "Grade: Cleaner · Hourly wage now: 9.80 € · What we ask for from April: 14 €"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("Grade: Supervisor · Hourly wage now: 13.40 €"),
        "{shown}"
    );
    let grades: Vec<&Word> = words.iter().filter(|w| w.text == "Grade:").collect();
    assert_eq!(grades.len(), 2, "{shown}");
    // The second row begins a line, further below the first row's last
    // line than a line's leading.
    assert!(set_apart(&words, grades[1]), "{shown}");
    assert!(words.iter().any(|w| w.text == "meeting."));
}

#[test]
fn a_long_tables_headings_head_every_column_it_goes_on_in() {
    // Before: only the first column had them; in the others "12.70 €"
    // stood under nothing.
    let rows: String = (0..150)
        .map(|i| {
            format!(
                "| Member {i} | Block {} | {}.{}0 € |\n",
                i % 7,
                10 + i % 5,
                i % 10
            )
        })
        .collect();
    let text = format!(
        "# Dues\n\nWhat every member of the branch paid this year.\n\n\
         | Name | Where | Paid |\n|---|---|---:|\n{rows}\nThank you all.\n"
    );
    let layout = layout::load("a4-leaflet").unwrap();
    let out = handbill::build(&BuildRequest::new(text.as_bytes(), "s.md", &layout))
        .unwrap_or_else(|e| panic!("{e}"));
    let pdf = write_temp(&out.pdf, "long-table");
    let words = words(pdf.to_str().unwrap());
    let at = |text: &str| -> Vec<&Word> { words.iter().filter(|w| w.text == text).collect() };
    // One column per 50-odd rows: the headings over each, above its
    // first row.
    let names = at("Name");
    let columns: std::collections::BTreeSet<(usize, i64)> = at("Member")
        .iter()
        .map(|w| (w.page, (w.x_min / 10.0).round() as i64))
        .collect();
    assert!(columns.len() >= 3, "{columns:?}");
    assert_eq!(names.len(), columns.len(), "{columns:?}");
    for name in &names {
        let below = words.iter().filter(|w| {
            w.page == name.page && (w.x_min - name.x_min).abs() < 0.5 && w.y_min > name.y_min
        });
        let first = below.min_by(|a, b| a.y_min.total_cmp(&b.y_min)).unwrap();
        assert_eq!(first.text, "Member", "{} {}", first.page, first.y_min);
        assert!(!words.iter().any(|w| w.page == name.page
            && (w.x_min - name.x_min).abs() < 0.5
            && w.y_min < name.y_min
            && w.text.starts_with("Member")));
    }
    // Read once: the copies are not the text.
    let (ok, tree, err) = tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(tree.matches("\"Name ").count(), 1, "{tree}");
}

#[test]
fn an_address_moves_to_the_next_column_whole() {
    let layout = layout::load("a4-leaflet").unwrap();
    let sentence = "Every household on Mill Lane received a letter announcing a rent rise. ";
    let mut straddled = Vec::new();
    // The address lands at every height of the first column in turn.
    for k in 0..14 {
        let text = format!(
            "Write to us\n\n{}\n\n{}\n\nWrite to us:\nRiverside Tenants\nWeavers Court\n\
             Northbridge\n\n{}\n",
            sentence.repeat(20),
            sentence.repeat(6 + 2 * k),
            sentence.repeat(30)
        );
        let (_, words) = built_words(&text, &layout, "address-column");
        let at = |text: &str| {
            let w = words.iter().find(|w| w.text == text).unwrap();
            (w.page, w.x_min.round())
        };
        if at("Riverside") != at("Northbridge") {
            straddled.push(k);
        }
    }
    assert!(straddled.is_empty(), "split at {straddled:?}");
}
