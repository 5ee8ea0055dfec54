//! Headline fitting (`[headline] size = "fit"`): the largest size at which
//! the headline takes at most `max-lines` lines, never hyphenated, with no
//! word alone on its last line.

use handbill::compose::pages::PlacedLine;
use handbill::compose::{compose, ComposeOptions, Composed};
use handbill::layout::{self, Layout};
use handbill::statement::{parse, Format};
use handbill::typeset::sense;
use handbill::units::Length;

const BODY: &str = "We meet on Saturday at ten in front of the town hall. Bring your \
neighbours, your banners and your questions: the council has to answer them.";

/// How many times [`set`] repeats [`BODY`]: enough to fill the A3
/// poster's page in two columns below its largest body size, so that the
/// headline is the fitter's alone (a short text's page is filled by
/// growing its headline past `max-size`, see `tests/fill.rs`; eight times
/// still left room for that), and not so much that the headline is set
/// smaller to give the text room.
const FULL_PAGE: usize = 16;

fn set(headline: &str, layout: &Layout) -> Composed {
    let body = vec![BODY; FULL_PAGE].join("\n\n");
    let text = format!("{headline}\n\n{body}\n");
    set_as(&text, Format::Plain, "h.txt", layout).unwrap_or_else(|e| panic!("{e}"))
}

/// `text` as Markdown, set in `layout`.
fn set_markdown(text: &str, layout: &Layout) -> Result<Composed, handbill::error::Error> {
    set_as(text, Format::Markdown, "h.md", layout)
}

/// `text` read as `format` from `origin`, set in `layout` in English.
fn set_as(
    text: &str,
    format: Format,
    origin: &str,
    layout: &Layout,
) -> Result<Composed, handbill::error::Error> {
    let doc = parse(text, format, origin).unwrap().document;
    compose(
        &doc,
        &layout.design,
        &ComposeOptions {
            layout: layout.name.clone(),
            lang: "en".into(),
            origin: origin.into(),
            source: None,
            pictures: Vec::new(),
        },
    )
}

/// The headline's lines: the first lines of the first page, set at the
/// headline's size (no other text on the poster comes near `min-size`).
fn headline_lines(c: &Composed, min: Length) -> Vec<&PlacedLine> {
    c.pages[0]
        .lines
        .iter()
        .take_while(|l| l.line.runs.iter().any(|r| r.size >= min))
        .collect()
}

fn size_of(lines: &[&PlacedLine]) -> Length {
    lines[0]
        .line
        .runs
        .iter()
        .map(|r| r.size)
        .fold(Length::ZERO, Length::max)
}

fn words(line: &PlacedLine) -> usize {
    line.line.text().split_whitespace().count()
}

const HEADLINES: &[&str] = &[
    "Strike!",
    "Stop the evictions",
    "Fix Our Homes Before You Raise Our Rents",
    "NCP of Yugoslavia, A call for solidarity with the Serbian people in Kosovo",
    "Mieten runter: Nebenkostenabrechnungsskandal jetzt aufklären",
    "We want the parks, the schools and the buses back in public hands",
    "Housing is a right, not a commodity",
    "Sanitation workers of the city demand their unpaid wages, safe equipment and an end to \
     intimidation by the management, now and for good",
];

fn poster() -> Layout {
    layout::load("a3-poster").unwrap()
}

/// The poster with the headline's size range narrowed to one size.
fn only_size(size: Length) -> Layout {
    let pt = size.to_pt();
    layout::parse(
        &format!(
            "extends = \"a3-poster\"\n[headline]\nmin-size = \"{pt}pt\"\nmax-size = \"{pt}pt\"\n"
        ),
        "narrow.toml",
        std::path::Path::new(""),
    )
    .unwrap()
}

#[test]
fn the_poster_headline_is_fitted() {
    let layout = poster();
    let fit = layout
        .design
        .headline
        .fit
        .expect("a3-poster fits its headline");
    let width = layout.design.page.content_width();
    for headline in HEADLINES {
        let c = set(headline, &layout);
        let lines = headline_lines(&c, fit.min_size);
        let size = size_of(&lines);
        let all_words = headline.split_whitespace().count();
        let too_long = c
            .warnings
            .iter()
            .any(|w| w.message.starts_with("the headline does not fit"));

        // Within the bounds, on the 0.5pt grid (or the maximum itself).
        assert!(
            size >= fit.min_size && size <= fit.max_size,
            "{headline}: {size}"
        );
        let steps = (size - fit.min_size).to_pt() / 0.5;
        assert!(
            (steps - steps.round()).abs() < 1e-6 || size == fit.max_size,
            "{headline}: {size}"
        );
        // At most max-lines lines (unless even min-size cannot do it, which
        // is said), none wider than the measure, none hyphenated.
        if too_long {
            assert_eq!(size, fit.min_size, "{headline}");
        } else {
            assert!(
                lines.len() <= fit.max_lines as usize,
                "{headline}: {} lines",
                lines.len()
            );
        }
        for l in &lines {
            assert!(
                l.line.width <= width,
                "{headline}: a line sticks out: {} > {width} in {:?}",
                l.line.width,
                l.line.text()
            );
            assert!(!l.line.hyphenated, "{headline}: hyphenated");
            assert!(
                !l.line.text().trim_end().ends_with('-'),
                "{headline}: {}",
                l.line.text()
            );
        }
        // Every word is there, in order.
        let joined: Vec<String> = lines.iter().map(|l| l.line.text()).collect();
        let printed: Vec<&str> = joined.iter().flat_map(|t| t.split_whitespace()).collect();
        let written: Vec<&str> = headline.split_whitespace().collect();
        assert_eq!(printed, written, "{headline}");
        // No word alone on the last line of a headline of three or more
        // (here the last two words always fit one line at min-size).
        if all_words >= 3 && lines.len() > 1 {
            assert!(
                words(lines[lines.len() - 1]) >= 2,
                "{headline}: {:?}",
                joined
            );
        }
        // Leading keeps its proportion to the size.
        let ratio = layout.design.headline.leading / layout.design.headline.size;
        for pair in lines.windows(2) {
            let gap = pair[1].baseline - pair[0].baseline;
            assert!(
                (gap - size * ratio).to_pt().abs() < 0.01,
                "{headline}: leading {gap} at {size}"
            );
        }
        // Maximal: half a point larger needs more lines or a broken word
        // (or, in as many more lines, more of the page than a headline
        // may take, and is set smaller again), or breaks worse by sense
        // ("Fix Our Homes / Before You / Raise Our Rents" parts a clause
        // where "Before You Raise / Our Rents" starts a phrase).
        if size < fit.max_size && !too_long {
            let larger = set(headline, &only_size(size + Length::pt(0.5)));
            let texts = |c: &Composed| -> Vec<String> {
                headline_lines(c, fit.min_size)
                    .iter()
                    .map(|l| l.line.text())
                    .collect()
            };
            let worse = sense::dearest_break(&texts(&larger), "en")
                > sense::dearest_break(&texts(&c), "en");
            assert!(
                worse
                    || larger.warnings.iter().any(|w| {
                        w.message.starts_with("the headline does not fit")
                            || w.message.starts_with("the headline is too long")
                    }),
                "{headline}: {size} is not the largest"
            );
        }
    }
}

#[test]
fn short_headlines_get_the_largest_size_and_long_words_shrink_it() {
    let layout = poster();
    let fit = layout.design.headline.fit.unwrap();
    let c = set("Strike!", &layout);
    let lines = headline_lines(&c, fit.min_size);
    assert_eq!((lines.len(), size_of(&lines)), (1, fit.max_size));
    // One long word: the size drops until it fits the measure whole.
    let c = set(
        "Mieten runter: Nebenkostenabrechnungsskandal aufklären",
        &layout,
    );
    let lines = headline_lines(&c, fit.min_size);
    assert!(size_of(&lines) < Length::pt(60.0), "{}", size_of(&lines));
    assert!(lines
        .iter()
        .any(|l| l.line.text().contains("Nebenkostenabrechnungsskandal")));
}

#[test]
fn fit_keys_are_checked() {
    for (text, says) in [
        (
            "[headline]\nsize = \"fit\"\nmax-lines = 0",
            "t.toml:3:13: `max-lines` in [headline] must be 1 to 10, not 0",
        ),
        (
            "[headline]\nsize = \"fit\"\nmin-size = \"40pt\"\nmax-size = \"30pt\"",
            "`min-size` in [headline] (40pt) is larger than `max-size` in [headline] (30pt)",
        ),
        (
            "[headline]\nsize = \"big\"",
            "t.toml:2:8: `size` in [headline]: `big` is not a length",
        ),
        ("[headline]\nsize = \"big\"", "or \"fit\""),
        (
            "[headline]\nsize = \"fit\"\nmax-size = \"700pt\"",
            "`max-size` in [headline] must be between 4pt and 600pt",
        ),
    ] {
        let src = format!("{text}\n");
        let e = layout::parse(&src, "t.toml", std::path::Path::new(""))
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{text}: {e}");
    }
    let l = layout::parse(
        "[headline]\nsize = \"FIT\"\nleading = \"33pt\"\n",
        "t.toml",
        std::path::Path::new(""),
    )
    .unwrap();
    let fit = l.design.headline.fit.unwrap();
    // The base layout's bounds apply.
    assert_eq!(
        (fit.min_size, fit.max_size, fit.max_lines),
        (Length::pt(20.0), Length::pt(30.0), 3)
    );
    assert_eq!(l.design.headline.size, Length::pt(30.0));
}

#[test]
fn a_fixed_size_headline_keeps_its_last_words_together() {
    // Without the tie this poster headline ends on "commodity" alone.
    for size in [96, 80, 72] {
        let layout = layout::parse(
            &format!(
                "extends = \"a3-poster\"\n[headline]\nsize = \"{size}pt\"\nleading = \"{size}pt\"\n"
            ),
            "fixed.toml",
            std::path::Path::new(""),
        )
        .unwrap();
        assert!(layout.design.headline.fit.is_none());
        let headline = "Housing is a right, not a commodity";
        let c = set(headline, &layout);
        // At 96pt "Housing is / a right, not / a commodity" read across
        // its comma; it takes a clause a line a little smaller (see
        // `sense::a_headline_at_its_one_size_takes_a_clause_a_line…`).
        let lines: Vec<&PlacedLine> = c.pages[0].lines.iter().filter(|l| l.is_title()).collect();
        let texts: Vec<String> = lines.iter().map(|l| l.line.text()).collect();
        assert!(
            size_of(&lines) >= layout.design.headline.size * 0.75,
            "{size}: {texts:?}"
        );
        assert!(lines.len() >= 2, "{size}: {texts:?}");
        assert!(words(lines[lines.len() - 1]) >= 2, "{size}: {texts:?}");
    }
}

#[test]
fn a_word_too_long_for_the_headline_fills_its_lines_in_order() {
    // Hyphenated by the language's patterns (before 5619e4d it was cut
    // without a hyphen, the last pass having no other way). Its pieces
    // fill their lines; the first once held one letter ("S /
    // upercalifragilistice / …"), as a ragged line ending inside a word
    // had no stretch and every such line was as bad as any other.
    let word = "Supercalifragilisticexpialidociousantidisestablishmentarianism\
                pneumonoultramicroscopicsilicovolcanoconiosis";
    for name in ["a6-handout", "a4-trifold"] {
        let layout = layout::load(name).unwrap();
        let c = set(word, &layout);
        let size = layout.design.headline.size;
        let lines: Vec<String> = c.pages[0]
            .lines
            .iter()
            .filter(|l| l.line.runs.iter().any(|r| r.size >= size))
            .map(|l| l.line.text().trim().to_string())
            .collect();
        let joined: String = lines.iter().map(|l| l.trim_end_matches('-')).collect();
        assert_eq!(joined, word, "{name}: {lines:?}");
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap();
        // Two thirds: a ragged line ends where a hyphen may go, not where
        // the line runs out ("mentarianismp- / neumonoultra- / …").
        for l in &lines[..lines.len() - 1] {
            assert!(l.chars().count() * 3 >= longest * 2, "{name}: {lines:?}");
        }
    }
}

/// A title as a website gives it, far longer than a poster's headline.
const LONG_TITLE: &str = "Statement of the tenants' committees of the Mill Lane, Weavers Court \
and Northbridge estates on the rent increase announced for the first of May, the lifts that \
have been out of service since January, the damp and mould in our flats, and the meeting we \
call for Thursday evening at the community hall";

#[test]
fn a_headline_too_long_for_its_page_is_set_smaller_and_leaves_the_text_room() {
    // Before: on the A2 poster, at its fixed 120pt, this title took the
    // whole page and the build failed ("… runs off the page"); on the
    // Tabloid poster it took three quarters of the page.
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        if layout.design.page.fold.is_some() {
            continue; // the cover holds the headline alone
        }
        let c = set_markdown(&format!("# {LONG_TITLE}\n\n{BODY}\n"), &layout)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let page = &layout.design.page;
        let title: Vec<_> = c.pages[0].lines.iter().filter(|l| l.is_title()).collect();
        assert!(title.len() >= 3, "{name}: {} headline lines", title.len());
        let title_bottom = title[title.len() - 1].baseline;
        let share = (title_bottom - page.margin_top) / page.content_height();
        let warned = c
            .warnings
            .iter()
            .any(|w| w.message.contains("the headline"));
        // Within 40% of the page, or at its smallest with a warning (the
        // A6 handout's, set at 15pt, takes two thirds of its page).
        assert!(share <= 0.41 || warned, "{name}: {share:.2}");
    }
}

#[test]
fn a_headline_longer_than_the_page_is_an_error_that_names_it() {
    let headline = [LONG_TITLE; 25].join(" ");
    let layout = layout::load("a6-handout").unwrap();
    let err = set_markdown(&format!("# {headline}\n\n{BODY}\n"), &layout)
        .err()
        .expect("a headline longer than the page cannot be set");
    let message = err.to_string();
    assert!(
        message.starts_with("h.md: the headline is too long for the page"),
        "{message}"
    );
}

#[test]
fn the_date_line_stands_clear_of_the_headlines_descenders() {
    // A layout's space after the headline is counted from its baseline:
    // on the A3 poster the "p" of "Reparaturen" at 100pt and more came
    // within 1.3mm of the date line under it.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("samples/de-mieten.md")).unwrap();
    for name in ["a3-poster", "a2-poster", "tabloid-poster", "a4-leaflet"] {
        let layout = layout::load(name).unwrap();
        let c = set_markdown(&text, &layout).unwrap();
        let lines = &c.pages[0].lines;
        let last_title = lines.iter().rposition(PlacedLine::is_title).unwrap();
        let (title, meta) = (&lines[last_title], &lines[last_title + 1]);
        assert!(
            meta.line.text().contains("2026"),
            "{name}: {}",
            meta.line.text()
        );
        let (_, below) = title.line.ink_of(&c.fonts, |_| true).unwrap();
        let (above, _) = meta.line.ink_of(&c.fonts, |_| true).unwrap();
        let white = meta.baseline - title.baseline - below - above;
        let size = title.line.runs[0].size;
        assert!(
            white >= size * 0.1 - Length::pt(0.01),
            "{name}: {:.1}pt of white under {:.0}pt type",
            white.to_pt(),
            size.to_pt()
        );
    }
}
