//! Prints, for each paragraph of a statement on the a4-leaflet layout, the
//! line-breaking pass that set it and the adjustment ratio of every line:
//! `cargo run --release --example breaks -- statement.txt` (`TOL=400` to try
//! another tolerance, `LAYOUT=a5-flyer` another layout, `SIZE=12.5` another
//! body size in points, `DUMP=1` to print the items).
use handbill::typeset::*;
use handbill::*;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let parsed = statement::read(&bytes, statement::format_for_path(&path), None, &path).unwrap();
    let layout =
        layout::load(&std::env::var("LAYOUT").unwrap_or_else(|_| "a4-leaflet".into())).unwrap();
    let mut fonts = fonts::FontBook::new();
    let lang = parsed
        .document
        .meta
        .lang
        .clone()
        .unwrap_or_else(|| "en".into());
    let mut shaper = shape::Shaper::new(&lang);
    let hy = hyphenate::Hyphenator::new(&lang, 2, 3, false)
        .unwrap_or_else(hyphenate::Hyphenator::disabled);
    let params = layout.design.linebreak.params();
    let mut params = params;
    if let Ok(t) = std::env::var("TOL") {
        params.tolerance = t.parse().unwrap();
        params.pretolerance = -1.0;
    }
    if let Ok(d) = std::env::var("FHD") {
        params.final_hyphen_demerits = d.parse().unwrap();
    }
    println!("{params:?}");
    let mut warnings = vec![];
    let mut missing = Default::default();
    let mut known = paragraph::KnownTrials::default();
    let mut setter = paragraph::Setter {
        fonts: &mut fonts,
        shaper: &mut shaper,
        known: &mut known,
        hyphenator: &hy,
        others: &[],
        params: &params,
        hyphen_penalty: layout.design.linebreak.hyphen_penalty,
        origin: "x",
        layout_origin: "l",
        warnings: &mut warnings,
        fallback: &layout.design.body.fallback,
        han: system_fonts::HanRegion::for_lang(&lang),
        missing: &mut missing,
        measure: layout.design.page.column_width(),
        fallbacks_reported: Default::default(),
        fallback_chars: Default::default(),
        memo: Default::default(),
        direction: Default::default(),
        letter_shrink: true,
        font_expansion: layout.design.linebreak.font_expansion,
        one_letter_words: handbill::typeset::sense::one_letter_words(&lang),
        main_letter: None,
    };
    let style = paragraph::TextStyle {
        font: layout.design.body.font.clone(),
        base: Default::default(),
        size: std::env::var("SIZE")
            .map(|s| units::Length::pt(s.parse().unwrap()))
            .unwrap_or(layout.design.body.size),
        color: layout.design.body.color,
        align: layout.design.body.align,
        hyphenate: true,
        indent: units::Length::ZERO,
    };
    for b in &parsed.document.blocks {
        let p = setter.prepare(&b.spans, &style, b.line).unwrap();
        let br = linebreak::break_lines(p.items(), &[layout.design.page.column_width()], &params);
        if std::env::var("DUMP").is_ok() {
            dump(p.items());
        }
        println!(
            "{:?} {:?} lines={} demerits={:.0} ratios={:?}",
            b.kind,
            br.pass,
            br.lines.len(),
            br.demerits,
            br.lines
                .iter()
                .map(|l| format!("{:.2}{}", l.ratio, if l.hyphenated { "-" } else { "" }))
                .collect::<Vec<_>>()
        );
    }
}
#[allow(dead_code)]
fn dump(items: &[linebreak::Item]) {
    let mut s = String::new();
    for it in items {
        match it {
            linebreak::Item::Box { width } => s.push_str(&format!("[{:.1}]", width.to_pt())),
            linebreak::Item::Glue {
                width,
                stretch,
                shrink,
            } => s.push_str(&format!(
                " g{:.1}+{:.1}-{:.1} ",
                width.to_pt(),
                stretch.to_pt(),
                shrink.to_pt()
            )),
            linebreak::Item::Penalty { cost, kind, .. } => s.push_str(&format!("<{kind:?}{cost}>")),
        }
    }
    println!("{s}");
}
