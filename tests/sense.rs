//! Headlines broken by sense: on every built-in layout, no headline line
//! ends on an article, preposition or conjunction of the statement's
//! language, and a headline with no such break at all is still set whole.

use handbill::compose::pages::PlacedLine;
use handbill::compose::{compose, ComposeOptions, Composed};
use handbill::layout::{self, Layout};
use handbill::statement::{parse, Format};
use handbill::units::Length;

/// A body long enough to be a statement, short enough for every layout.
const BODY: &str = "We meet on Saturday at ten in front of the town hall. Bring your \
neighbours, your banners and your questions: the council has to answer them.";

fn set(headline: &str, layout: &Layout, lang: &str) -> Composed {
    let text = format!("{headline}\n\n{BODY}\n");
    let doc = parse(&text, Format::Plain, "h.txt").unwrap().document;
    compose(
        &doc,
        &layout.design,
        &ComposeOptions {
            layout: layout.name.clone(),
            lang: lang.into(),
            origin: "h.txt".into(),
            source: None,
            pictures: Vec::new(),
        },
    )
    .unwrap_or_else(|e| panic!("{}: {e}", layout.name))
}

/// The headline's lines: the first lines of the first page, set at the
/// headline's size or, when it is fitted, at least its smallest.
fn headline_lines<'c>(c: &'c Composed, layout: &Layout) -> Vec<&'c PlacedLine> {
    let hs = &layout.design.headline;
    let least = hs.fit.map_or(hs.size, |f| f.min_size) - Length::pt(0.01);
    c.pages[0]
        .lines
        .iter()
        .take_while(|l| l.line.runs.iter().any(|r| r.size >= least))
        .collect()
}

/// Sets `headline` on every built-in layout; checks that it is set whole
/// and never hyphenated. Returns the settings in which a line but the last
/// ends on one of `forbidden` (compared in lower case), as layout: lines.
fn against_sense(headline: &str, lang: &str, forbidden: &[&str]) -> Vec<String> {
    let mut bad = Vec::new();
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        let c = set(headline, &layout, lang);
        let lines: Vec<String> = headline_lines(&c, &layout)
            .iter()
            .map(|l| {
                assert!(!l.line.hyphenated, "{name}: a hyphenated headline line");
                l.line.text().trim().to_string()
            })
            .collect();
        let all = lines.join(" / ");
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            headline.split_whitespace().collect::<Vec<_>>(),
            "{name}: the headline is not set whole: {all}"
        );
        let ends_badly = lines[..lines.len() - 1].iter().any(|line| {
            let last = line.rsplit(' ').next().unwrap().to_lowercase();
            forbidden.contains(&last.as_str())
        });
        if ends_badly {
            bad.push(format!("{name} ({lang}): {all}"));
        }
    }
    bad
}

#[test]
fn the_reference_headline_breaks_by_sense_on_every_layout() {
    let forbidden = ["the", "for", "with", "in", "a", "of"];
    let mut bad = Vec::new();
    for headline in [
        "A call for solidarity with the Serbian people in Kosovo",
        "NCP of Yugoslavia, A call for solidarity with the Serbian people in Kosovo",
    ] {
        bad.extend(against_sense(headline, "en", &forbidden));
    }
    assert!(
        bad.is_empty(),
        "lines ending on a function word:\n{}",
        bad.join("\n")
    );
}

#[test]
fn german_french_and_serbian_headlines_break_by_sense() {
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "Hände weg von der Klinik am Stadtpark und vom Hafen",
            "de",
            &["von", "der", "am", "und", "vom"],
        ),
        (
            "Grève à la cantine scolaire et dans les écoles de la ville",
            "fr",
            &["à", "la", "et", "dans", "les", "de"],
        ),
        (
            "Plate na vreme i rad bez straha za sve radnike u gradu",
            "sr-Latn",
            &["na", "i", "bez", "za", "u"],
        ),
        (
            "Плате на време и рад без страха за све раднике у граду",
            "sr-Cyrl",
            &["на", "и", "без", "за", "у"],
        ),
    ];
    let mut bad = Vec::new();
    for (headline, lang, forbidden) in cases {
        bad.extend(against_sense(headline, lang, forbidden));
    }
    assert!(
        bad.is_empty(),
        "lines ending on a function word:\n{}",
        bad.join("\n")
    );
}

#[test]
fn a_headline_with_no_acceptable_break_is_still_set_whole() {
    // Every gap follows a function word: the lines must still be set, at
    // breaks the rules would rather not take, and nothing lost.
    let headline = "of the and of the and of the and of the and of the and of the and of the and";
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        let c = set(headline, &layout, "en");
        let lines = headline_lines(&c, &layout);
        let text: Vec<String> = lines.iter().map(|l| l.line.text()).collect();
        assert_eq!(
            text.join(" ").split_whitespace().count(),
            headline.split_whitespace().count(),
            "{name}: {text:?}"
        );
        assert!(lines.len() > 1, "{name}: {text:?}");
    }
}
