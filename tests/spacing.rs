//! Vertical spacing keys of the layout take effect where they say.

use handbill::compose::pages::PlacedLine;
use handbill::compose::{compose, ComposeOptions};
use handbill::layout::{self, Layout};
use handbill::statement::{parse, Format};

const STATEMENT: &str = "# Rents down now\n\n\
We met on Tuesday and agreed on three demands for the landlord.\n\n\
## What we ask\n\n\
Repairs first, then talks about the rent, and no evictions while we talk.\n";

/// A4 leaflet with the body size fixed (no fitting, which would scale the
/// spacing), and `body` and `heading` keys added.
fn layout_with(body: &str, heading: &str) -> Layout {
    layout::parse(
        &format!(
            "extends = \"a4-leaflet\"\n[body]\nfit = \"none\"\n{body}\n[heading]\n{heading}\n"
        ),
        "spacing.toml",
        std::path::Path::new(""),
    )
    .unwrap()
}

/// Every line `text` (in `format`, English) is set in on `layout`.
fn set_lines(layout: &Layout, text: &str, format: Format) -> Vec<PlacedLine> {
    let doc = parse(text, format, "s").unwrap().document;
    let composed = compose(
        &doc,
        &layout.design,
        &ComposeOptions {
            layout: layout.name.clone(),
            lang: "en".into(),
            origin: "s".into(),
            ..Default::default()
        },
    )
    .unwrap();
    composed.pages.into_iter().flat_map(|p| p.lines).collect()
}

fn lines(layout: &Layout) -> Vec<PlacedLine> {
    set_lines(layout, STATEMENT, Format::Markdown)
}

/// Baseline distance from the heading to the line after it.
fn gap_after_heading(layout: &Layout) -> f64 {
    let lines = lines(layout);
    let k = lines
        .iter()
        .position(|l| l.line.text().starts_with("What we ask"))
        .expect("the heading is set");
    (lines[k + 1].baseline - lines[k].baseline).to_pt()
}

#[test]
fn heading_space_after_sets_the_space_below_a_heading() {
    // As written without the baseline grid, which rounds it to half lines.
    let exact = "baseline-grid = false";
    let tight = gap_after_heading(&layout_with(exact, "space-after = \"2pt\""));
    let loose = gap_after_heading(&layout_with(exact, "space-after = \"20pt\""));
    assert!(
        (loose - tight - 18.0).abs() < 0.01,
        "space-after 2pt → {tight:.2}pt, 20pt → {loose:.2}pt"
    );
}

#[test]
fn on_the_grid_heading_space_after_comes_in_half_lines() {
    // 13pt leading: 2pt rounds to nothing, so the text is a line below
    // the heading; 20pt to a line and a half, and the text goes on to the
    // next grid line below that (here the heading stands at the top of
    // the second column, on the grid's first line).
    let tight = gap_after_heading(&layout_with("", "space-after = \"2pt\""));
    let loose = gap_after_heading(&layout_with("", "space-after = \"20pt\""));
    assert!(
        (tight - 13.0).abs() < 0.01 && (loose - 39.0).abs() < 0.01,
        "space-after 2pt → {tight:.2}pt, 20pt → {loose:.2}pt"
    );
}

#[test]
fn paragraph_spacing_does_not_reach_below_a_heading() {
    let a = gap_after_heading(&layout_with("paragraph-spacing = \"2pt\"", ""));
    let b = gap_after_heading(&layout_with("paragraph-spacing = \"14pt\"", ""));
    assert!((a - b).abs() < 0.01, "{a:.2}pt against {b:.2}pt");
}

/// A word as set: its glyph count, its width (from its first glyph's
/// origin to its last glyph's), its type size, and its line's font
/// expansion (how many times as wide as the font has them its glyphs are).
struct SetWord {
    glyphs: usize,
    width: f64,
    size: f64,
    scale: f64,
}

/// Each whole word of `text` set on `layout`, keyed by its text.
fn word_widths(layout: &Layout, text: &str) -> std::collections::HashMap<String, SetWord> {
    let mut out = std::collections::HashMap::new();
    for l in set_lines(layout, text, Format::Plain) {
        for run in &l.line.runs {
            for word in run.glyphs.split(|g| g.text.is_space()) {
                if word.len() > 3 {
                    let t: String = word.iter().filter_map(|g| g.text.text()).collect();
                    let set = SetWord {
                        glyphs: word.len(),
                        width: word[word.len() - 1].x.to_pt() - word[0].x.to_pt(),
                        size: run.size.to_pt(),
                        scale: f64::from(l.line.scale),
                    };
                    out.insert(t, set);
                }
            }
        }
    }
    out
}

/// `extends = "a4-leaflet"` with five narrow columns at 13pt, aligned as
/// `align`, with the `linebreak` keys given.
fn narrow(align: &str, linebreak: &str) -> Layout {
    layout::parse(
        &format!(
            "extends = \"a4-leaflet\"\n[page]\ncolumns = 5\n\
             [body]\nfit = \"none\"\nsize = \"13pt\"\nalign = \"{align}\"\n\
             [linebreak]\n{linebreak}\n"
        ),
        "narrow.toml",
        std::path::Path::new(""),
    )
    .unwrap()
}

/// The letter gap, in em, of each word of four letters or more in `text`
/// set justified in five narrow 13pt columns, against the same word set
/// flush left and widened as its line's glyphs are: how far justification
/// spaced its letters (negative where it drew them closer).
fn letter_gaps(text: &str) -> Vec<(String, f64)> {
    let justified = word_widths(&narrow("justify", ""), text);
    let ragged = word_widths(&narrow("left", ""), text);
    let mut out = Vec::new();
    for (word, set) in &justified {
        if let Some(natural) = ragged.get(word) {
            let spacing = set.width - natural.width * set.scale;
            out.push((word.clone(), spacing / (set.glyphs as f64 - 1.0) / set.size));
        }
    }
    out
}

/// The font expansion of every line of `text` set justified in five
/// narrow 13pt columns with the `linebreak` keys given.
fn scales(text: &str, linebreak: &str) -> Vec<f64> {
    set_lines(&narrow("justify", linebreak), text, Format::Plain)
        .iter()
        .map(|l| f64::from(l.line.scale))
        .collect()
}

/// Tenants' demands, six times over: long enough for many lines that must
/// stretch or shrink in narrow columns.
fn demands() -> String {
    "Rents down\n\n".to_string()
        + &"Tenants of every building on the street met on Tuesday evening and \
            agreed, after a long and careful discussion, on three demands for the \
            landlord: repairs before any talk of rent, an independent survey of \
            the damp, and no evictions while the negotiations continue. "
            .repeat(6)
}

#[test]
fn justified_lines_open_letter_gaps_of_at_most_a_hundredth_of_an_em() {
    // Five narrow columns at 13pt: many justified lines must stretch far.
    let gaps = letter_gaps(&demands());
    for (word, gap_em) in &gaps {
        assert!(
            *gap_em <= 0.0101,
            "“{word}” is letter-spaced by {gap_em:.4} em"
        );
    }
    assert!(gaps.len() >= 15, "only {} words compared", gaps.len());
}

#[test]
fn justified_lines_close_letter_gaps_by_at_most_a_hundredth_of_an_em() {
    // Lines that shrink take up to 0.01 em from each letter gap, as they
    // give up to 0.01 em when they stretch: some words are set closer,
    // none closer than that.
    let gaps = letter_gaps(&demands());
    let closer: Vec<_> = gaps.iter().filter(|(_, g)| *g < -0.001).collect();
    for (word, gap_em) in &gaps {
        assert!(
            *gap_em >= -0.0101,
            "“{word}” is set closer by {:.4} em",
            -gap_em
        );
    }
    assert!(!closer.is_empty(), "no word of a shrunk line is set closer");
}

#[test]
fn justified_lines_draw_their_glyphs_at_most_two_percent_wider_or_narrower() {
    // The layouts' `font-expansion` is 2%: in narrow columns many lines
    // widen their glyphs and some narrow them, none by more than that.
    let scales = scales(&demands(), "");
    for s in &scales {
        assert!(
            (0.98 - 1e-6..=1.02 + 1e-6).contains(s),
            "glyphs drawn {s} times as wide"
        );
    }
    let wider = scales.iter().filter(|s| **s > 1.001).count();
    let narrower = scales.iter().filter(|s| **s < 0.999).count();
    assert!(
        wider >= 10 && narrower >= 1,
        "{wider} wider, {narrower} narrower"
    );
}

#[test]
fn font_expansion_follows_the_layout_key() {
    let off = scales(&demands(), "font-expansion = \"0%\"");
    assert!(off.iter().all(|s| *s == 1.0), "{off:?}");
    let wide = scales(&demands(), "font-expansion = \"4%\"");
    assert!(wide.iter().any(|s| *s > 1.021), "{wide:?}");
    assert!(wide.iter().all(|s| *s <= 1.04 + 1e-6), "{wide:?}");
}

#[test]
fn ragged_lines_keep_their_glyphs_as_the_font_has_them() {
    let lines = set_lines(&narrow("left", ""), &demands(), Format::Plain);
    assert!(lines.iter().all(|l| l.line.scale == 1.0));
}

/// A Burmese call to a rally, written for this test: vowel signs and tone
/// marks stand about an em above the baseline and the medials ျ and ှ
/// half an em below it.
const BURMESE: &str = "# အလုပ်သမားများ စည်းလုံးကြ\n\n\
ကျွန်ုပ်တို့သည် တစ်နေ့လျှင် ဆယ့်နှစ်နာရီ အလုပ်လုပ်နေရသော်လည်း လုပ်ခလစာသည် \
မိသားစုကို ကျွေးမွေးရန် မလုံလောက်ပါ။ ကျွန်ုပ်တို့သည် တရားမျှတသော လုပ်ခ၊ \
လုံခြုံသော အလုပ်ခွင်နှင့် အလုပ်သမားသမဂ္ဂ ဖွဲ့စည်းခွင့်ကို တောင်းဆိုပါသည်။\n\n\
တနင်္ဂနွေနေ့ နံနက် ကိုးနာရီတွင် စက်ရုံရှေ့၌ တွေ့ဆုံကြပါစို့။ မိတ်ဆွေများနှင့် \
မိသားစုဝင်များကို ခေါ်ဆောင်လာကြပါ။ ကျွန်ုပ်တို့ စည်းလုံးလျှင် အနိုင်ရမည်။\n";

/// The ink boxes of a placed line's glyphs on the page: left, right, top
/// and bottom in points, y growing down the page.
fn ink_boxes(l: &PlacedLine, fonts: &handbill::typeset::fonts::FontBook) -> Vec<[f64; 4]> {
    let mut boxes = Vec::new();
    for run in &l.line.runs {
        let face = fonts.face(run.face);
        for g in &run.glyphs {
            let (Some((top, bottom)), Some((left, right))) =
                (face.ink_em(g.gid), face.ink_x_em(g.gid))
            else {
                continue;
            };
            let size = run.size.to_pt();
            let x = (l.x + g.x).to_pt();
            let base = (l.baseline - run.rise).to_pt();
            boxes.push([
                x + size * left,
                x + size * right,
                base - size * top,
                base - size * bottom,
            ]);
        }
    }
    boxes
}

#[test]
fn burmese_body_lines_are_set_far_enough_apart_not_to_touch() {
    // At the layout's 1.3 times the size, the tone marks of one line ran
    // into the medials of the line above in most lines.
    for name in ["a4-leaflet", "a6-handout", "a3-poster"] {
        let layout = layout::load(name).unwrap();
        let doc = parse(BURMESE, Format::Markdown, "my.md").unwrap().document;
        let composed = compose(
            &doc,
            &layout.design,
            &ComposeOptions {
                layout: layout.name.clone(),
                lang: "my".into(),
                origin: "my.md".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let body: Vec<&PlacedLine> = composed.pages[0]
            .lines
            .iter()
            .filter(|l| {
                l.tag.as_ref().is_some_and(|t| {
                    t.element.part == handbill::compose::tag::Part::Body
                        && t.role == handbill::compose::tag::Role::Paragraph
                })
            })
            .collect();
        assert!(body.len() >= 6, "{name}: {} body lines", body.len());
        let mut pairs = 0;
        for pair in body.windows(2) {
            // Two lines of one column, one under the other.
            if (pair[0].x - pair[1].x).to_pt().abs() > 0.1 || pair[1].baseline <= pair[0].baseline {
                continue;
            }
            pairs += 1;
            let above = ink_boxes(pair[0], &composed.fonts);
            let below = ink_boxes(pair[1], &composed.fonts);
            for a in &above {
                for b in below.iter().filter(|b| b[0] < a[1] && a[0] < b[1]) {
                    assert!(
                        b[2] > a[3],
                        "{name}: “{}” touches “{}” below it ({:.2}pt apart)",
                        pair[0].line.text(),
                        pair[1].line.text(),
                        b[2] - a[3]
                    );
                }
            }
        }
        assert!(pairs >= 4, "{name}: {pairs} pairs of lines");
    }
}
