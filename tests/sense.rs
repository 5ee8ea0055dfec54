//! Headlines broken by sense: on every built-in layout, no headline line
//! ends on an article, preposition or conjunction of the statement's
//! language, and a headline with no such break at all is still set whole.

mod support;

use handbill::compose::pages::PlacedLine;
use handbill::compose::tag::Role;
use handbill::compose::Composed;
use handbill::layout::{self, Layout};
use handbill::statement::Format;
use handbill::typeset::sense;
use handbill::units::Length;

/// A body long enough to be a statement, short enough for every layout.
const BODY: &str = "We meet on Saturday at ten in front of the town hall. Bring your \
neighbours, your banners and your questions: the council has to answer them.";

fn set(headline: &str, layout: &Layout, lang: &str) -> Composed {
    set_text(
        &format!("{headline}\n\n{BODY}\n"),
        Format::Plain,
        layout,
        lang,
    )
}

use support::compose_text as set_text;

use support::largest_size as size;

/// The headline's lines: the first lines of the first page, all at the
/// first one's size, which is the headline's or, when it is fitted, at
/// least its smallest.
fn headline_lines<'c>(c: &'c Composed, layout: &Layout) -> Vec<&'c PlacedLine> {
    let hs = &layout.design.headline;
    let least = hs.fit.map_or(hs.size, |f| f.min_size) - Length::pt(0.01);
    let lines = &c.pages[0].lines;
    lines
        .iter()
        .take_while(|l| size(l) >= least && size(l) == size(&lines[0]))
        .collect()
}

/// The headline's lines as set, whatever their size (a headline with a
/// word too wide for it may be set smaller than its layout's).
fn title_lines(c: &Composed) -> Vec<&PlacedLine> {
    c.pages[0].lines.iter().filter(|l| l.is_title()).collect()
}

/// `headline` set on the built-in layout `name` in `lang`: its lines.
fn headline_texts(headline: &str, name: &str, lang: &str) -> Vec<String> {
    let layout = layout::load(name).unwrap();
    let c = set(headline, &layout, lang);
    headline_lines(&c, &layout)
        .iter()
        .map(|l| l.line.text().trim().to_string())
        .collect()
}

/// Sets `headline` on every built-in layout; checks that it is set whole
/// and never hyphenated. Returns the settings in which a line but the last
/// ends on one of `forbidden` (compared in lower case), as layout: lines.
fn against_sense(headline: &str, lang: &str, forbidden: &[&str]) -> Vec<String> {
    let mut bad = Vec::new();
    for (name, lines) in settings(headline, lang) {
        let ends_badly = ends_on(&lines, forbidden);
        if ends_badly {
            bad.push(format!("{name} ({lang}): {}", lines.join(" / ")));
        }
    }
    bad
}

/// As [`against_sense`], for words that belong to the word before them:
/// the settings in which a line but the first begins with one of
/// `forbidden`.
fn against_sense_before(headline: &str, lang: &str, forbidden: &[&str]) -> Vec<String> {
    let mut bad = Vec::new();
    for (name, lines) in settings(headline, lang) {
        let starts_badly = lines[1..].iter().any(|line| {
            let first = line.split(' ').next().unwrap().to_lowercase();
            forbidden.contains(&first.as_str())
        });
        if starts_badly {
            bad.push(format!("{name} ({lang}): {}", lines.join(" / ")));
        }
    }
    bad
}

/// Whether a line but the last ends on one of `forbidden` (compared in
/// lower case).
fn ends_on(lines: &[String], forbidden: &[&str]) -> bool {
    lines[..lines.len().saturating_sub(1)].iter().any(|line| {
        let last = line.rsplit(' ').next().unwrap_or_default().to_lowercase();
        forbidden.contains(&last.as_str())
    })
}

/// `headline`'s lines on every built-in layout, by layout name, each
/// checked to be set whole and never hyphenated.
fn settings(headline: &str, lang: &str) -> Vec<(String, Vec<String>)> {
    let mut all_settings = Vec::new();
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
        all_settings.push((name.to_string(), lines));
    }
    all_settings
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
fn arabic_persian_hebrew_hindi_and_urdu_headlines_break_by_sense() {
    // The samples' headlines: "Water is a right for every home in
    // al-Nuzha", "We will not leave the Hadar neighbourhood" (את marks
    // the object), "Pay three months' wages", "Clean water for every home"
    // (in Hindi and in Urdu).
    let mut bad = Vec::new();
    bad.extend(against_sense(
        "الماء حقّ لكل بيت في حيّ النزهة",
        "ar",
        &["لكل", "في"],
    ));
    bad.extend(against_sense("לא נעזוב את שכונת הדר", "he", &["לא", "את"]));
    bad.extend(against_sense_before(
        "حقوق سه ماه را پرداخت کنید",
        "fa",
        &["را", "کنید"],
    ));
    bad.extend(against_sense("हर घर को साफ़ पानी", "hi", &["हर"]));
    bad.extend(against_sense_before("हर घर को साफ़ पानी", "hi", &["को"]));
    // The same in Urdu: ہر ("every") leads, کو ("to") trails.
    bad.extend(against_sense("ہر گھر کو صاف پانی", "ur", &["ہر"]));
    bad.extend(against_sense_before("ہر گھر کو صاف پانی", "ur", &["کو"]));
    assert!(
        bad.is_empty(),
        "lines broken against sense:\n{}",
        bad.join("\n")
    );
}

#[test]
fn body_headings_break_by_sense_and_evenly() {
    // Headings inside the body are display lines too. The Greek one once
    // broke "Η πλατεία μας ανήκει σε / όλους" on the A2 poster, ending on
    // "σε" ("to") and leaving one word below; the English one "Buses for
    // Everyone: A Plan for a Fairer / Northbridge" on the A4 leaflet. A
    // line may end on "μας": after a noun it is the noun's possessive
    // ("our square"), which leans on the word before it, and "Η πλατεία
    // μας / ανήκει σε όλους" (subject / predicate) is how the posters,
    // whose larger body sets the heading larger, break it.
    let cases: [(&str, &str, &[&str]); 2] = [
        ("Η πλατεία μας ανήκει σε όλους", "el", &["σε"]),
        (
            "Buses for Everyone: A Plan for a Fairer Northbridge",
            "en",
            &["a", "for"],
        ),
    ];
    let mut bad = Vec::new();
    for (heading, lang, forbidden) in cases {
        let text = format!("# Title\n\n{BODY}\n\n## {heading}\n\n{BODY}\n");
        for name in layout::builtin_names() {
            let layout = layout::load(name).unwrap();
            let c = set_text(&text, Format::Markdown, &layout, lang);
            let lines: Vec<String> = c
                .pages
                .iter()
                .flat_map(|p| &p.lines)
                .filter(|l| {
                    l.tag
                        .as_ref()
                        .is_some_and(|t| matches!(t.role, Role::Heading(_)))
                })
                .map(|l| l.line.text().trim().to_string())
                .collect();
            assert_eq!(
                lines.join(" ").split_whitespace().collect::<Vec<_>>(),
                heading.split_whitespace().collect::<Vec<_>>(),
                "{name}: {lines:?}"
            );
            let ends_badly = ends_on(&lines, forbidden);
            let lone = lines.len() > 1 && !lines.last().unwrap().contains(' ');
            if ends_badly || lone {
                bad.push(format!("{name} ({lang}): {}", lines.join(" / ")));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "headings broken against sense or with one word below:\n{}",
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

#[test]
fn subtitles_break_by_sense_too() {
    let subtitle = "Why the workers of the city and the people in the villages \
                    stand together for a fair wage";
    let text = format!("+++\nsubtitle = \"{subtitle}\"\n+++\n\n# Solidarity\n\n{BODY}\n");
    let forbidden = ["the", "of", "and", "in", "for", "a"];
    let mut bad = Vec::new();
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        let c = set_text(&text, Format::Markdown, &layout, "en");
        // The subtitle's lines follow the headline's; on a handout they
        // are as small as the body's, so they are counted by their words.
        let after = headline_lines(&c, &layout).len();
        let wanted = subtitle.split_whitespace().count();
        let mut lines: Vec<String> = Vec::new();
        for l in &c.pages[0].lines[after..] {
            if lines.join(" ").split_whitespace().count() >= wanted {
                break;
            }
            lines.push(l.line.text().trim().to_string());
        }
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            subtitle.split_whitespace().collect::<Vec<_>>(),
            "{name}: {lines:?}"
        );
        let ends_badly = ends_on(&lines, &forbidden);
        if ends_badly {
            bad.push(format!("{name}: {}", lines.join(" / ")));
        }
    }
    assert!(
        bad.is_empty(),
        "subtitle lines ending on a function word:\n{}",
        bad.join("\n")
    );
}

#[test]
fn chinese_and_japanese_headlines_break_between_phrases() {
    // Each headline as its phrases: a line may end only where one does
    // (before: "保育士の人 / 員を増やし / てください" on the A3 poster, and
    // "守護我們 / 的老公寓", a line starting with the particle 的).
    let cases: [(&str, &[&str]); 2] = [
        ("ja", &["保育士の", "人員を", "増やしてください"]),
        ("zh-Hant", &["守護", "我們的", "老公寓"]),
    ];
    let mut bad = Vec::new();
    for (lang, phrases) in cases {
        let headline = phrases.concat();
        let mut ends = Vec::new();
        let mut at = 0;
        for p in phrases {
            at += p.len();
            ends.push(at);
        }
        for name in layout::builtin_names() {
            let layout = layout::load(name).unwrap();
            let c = set(&headline, &layout, lang);
            let lines: Vec<String> = headline_lines(&c, &layout)
                .iter()
                .map(|l| l.line.text().trim().to_string())
                .collect();
            assert_eq!(lines.concat(), headline, "{name}: not set whole");
            let mut at = 0;
            for line in &lines[..lines.len() - 1] {
                at += line.len();
                if !ends.contains(&at) {
                    bad.push(format!("{name} ({lang}): {}", lines.join(" / ")));
                    break;
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "lines broken inside a phrase:\n{}",
        bad.join("\n")
    );
}

#[test]
fn thai_headlines_never_break_after_a_word_that_leads_into_the_next() {
    // Before: "คนงานโรงงาน / เรียกร้องความ / เป็นธรรม" on the A3 poster,
    // the prefix ความ ("-ness") cut from the noun it makes.
    let headline = "คนงานโรงงานเรียกร้องความเป็นธรรม";
    let mut bad = Vec::new();
    for name in layout::builtin_names() {
        let lines = headline_texts(headline, name, "th");
        assert_eq!(lines.concat(), headline, "{name}: not set whole");
        if lines[..lines.len() - 1].iter().any(|l| l.ends_with("ความ")) {
            bad.push(format!("{name}: {}", lines.join(" / ")));
        }
    }
    assert!(bad.is_empty(), "lines ending on ความ:\n{}", bad.join("\n"));
}

#[test]
fn a_thai_headline_breaks_where_a_phrase_starts_rather_than_inside_a_compound() {
    // The dictionary cuts เรียกร้อง ("demand") into เรียก|ร้อง ("call",
    // "cry"), and every place between its words cost the same: the A5
    // flyer, the A6 handout and the Tabloid poster set "คนงานโรงงานเรียก
    // / ร้องความเป็นธรรม", balanced. A phrase starts before ความ, which
    // makes a noun of what follows.
    let headline = "คนงานโรงงานเรียกร้องความเป็นธรรม";
    for name in ["a5-flyer", "a6-handout", "tabloid-poster"] {
        let lines = headline_texts(headline, name, "th");
        assert_eq!(lines, ["คนงานโรงงานเรียกร้อง", "ความเป็นธรรม"], "{name}");
    }
}

#[test]
fn a_thai_headline_never_breaks_inside_a_compound_the_dictionary_cuts() {
    // Before: "คนงานโรงงานเรียก / ร้องความเป็นธรรม" on the A2 poster and the
    // tri-fold's cover, where "คนงานโรงงานเรียกร้อง" is too wide for a line
    // and the break inside เรียกร้อง ("demand") cost no more than any
    // other between dictionary words.
    let compounds = ["เรียกร้อง", "คนงาน", "เป็นธรรม", "ผู้เช่า", "ค่าเช่า"];
    let mut bad = Vec::new();
    for headline in [
        "คนงานโรงงานเรียกร้องความเป็นธรรม",
        // "Tenants of the estate demand a fair rent."
        "ผู้เช่าหมู่บ้านเรียกร้องค่าเช่าที่เป็นธรรม",
    ] {
        for name in layout::builtin_names() {
            let lines = headline_texts(headline, name, "th");
            assert_eq!(lines.concat(), headline, "{name}: not set whole");
            let mut at = 0;
            for line in &lines[..lines.len() - 1] {
                at += line.len();
                let inside = compounds.iter().any(|c| {
                    headline
                        .match_indices(c)
                        .any(|(start, _)| start < at && at < start + c.len())
                });
                if inside {
                    bad.push(format!("{name}: {}", lines.join(" / ")));
                }
            }
        }
    }
    assert!(bad.is_empty(), "compounds cut:\n{}", bad.join("\n"));
}

#[test]
fn a_headline_of_two_clauses_takes_one_a_line() {
    // The Serbian sample's headline on the A3 poster was set "Plate / na
    // vreme, rad / bez straha", the middle line reading across the comma,
    // at a size only a little larger than "Plate na vreme, / rad bez
    // straha" takes.
    let mut bad = Vec::new();
    let mut broken = 0;
    for (headline, lang) in [
        ("Plate na vreme, rad bez straha", "sr-Latn"),
        ("Mieten runter, Reparaturen rauf!", "de"),
        ("Fair rents now, repairs this year", "en"),
    ] {
        for (name, lines) in settings(headline, lang) {
            if lines.len() < 2 {
                continue;
            }
            broken += 1;
            let clauses = lines[..lines.len() - 1]
                .iter()
                .all(|l| l.ends_with(',') || l.ends_with('!'));
            if !clauses {
                bad.push(format!("{name} ({lang}): {}", lines.join(" / ")));
            }
        }
    }
    assert!(broken >= 6, "{broken} settings in more than one line");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The text of `lines` as written: a word hyphenated at a line end joined
/// again, other lines separated by a space.
fn rejoined<'a>(lines: impl Iterator<Item = &'a PlacedLine>) -> String {
    let mut joined = String::new();
    for l in lines {
        let text = l.line.text();
        let text = text.trim();
        if l.line.hyphenated {
            joined.push_str(text.trim_end_matches(['-', '\u{AD}', '\u{2010}']));
        } else {
            joined.push_str(text);
            joined.push(' ');
        }
    }
    joined
}

#[test]
fn a_word_too_wide_for_a_headline_is_hyphenated_or_set_smaller_never_cut() {
    // Before: "Mietpreisbremsenvers / chärfungsgesetz jetzt!" on the A4
    // leaflet at 26pt, the word cut where the line ran out, no hyphen.
    let headline = "Mietpreisbremsenverschärfungsgesetz jetzt!";
    let mut bad = Vec::new();
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        let c = set(headline, &layout, "de");
        let head = title_lines(&c);
        let joined = rejoined(head.iter().copied());
        if joined.trim() != headline {
            let all: Vec<String> = head.iter().map(|l| l.line.text()).collect();
            bad.push(format!("{name}: {}", all.join(" / ")));
        }
        // Never smaller than a quarter below the layout's size.
        let hs = &layout.design.headline;
        let least = hs.fit.map_or(hs.size, |f| f.min_size) * 0.75;
        assert!(size(head[0]) >= least, "{name}: {}", size(head[0]));
    }
    assert!(
        bad.is_empty(),
        "words cut without a hyphen:\n{}",
        bad.join("\n")
    );
    // An address has no hyphenation points: it breaks after its
    // separators, and no warning says it was hyphenated.
    let layout = layout::load("a4-leaflet").unwrap();
    let c = set(
        "https://www.example.org/a-very-long-campaign-page-address-for-the-strike",
        &layout,
        "en",
    );
    assert!(
        !c.warnings.iter().any(|w| w.message.contains("hyphenated")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn a_headline_divides_only_the_word_no_line_holds() {
    // Before: "Gegen die Miet- / erhöhung / der Wohnungs- /
    // baugesellschaft" on the tri-fold's cover: hyphenated so that the
    // long word would fit, the headline divided one that fitted whole.
    let headline = "Gegen die Mieterhöhung der Wohnungsbaugesellschaft";
    let layout = layout::load("a4-trifold").unwrap();
    let c = set(headline, &layout, "de");
    let lines: Vec<String> = title_lines(&c).iter().map(|l| l.line.text()).collect();
    let hyphened: Vec<&String> = lines
        .iter()
        .filter(|l| l.trim_end().ends_with(['-', '\u{AD}', '\u{2010}']))
        .collect();
    assert_eq!(hyphened.len(), 1, "{}", lines.join(" / "));
    assert!(hyphened[0].contains("Wohnungs"), "{}", lines.join(" / "));
    assert!(
        lines.iter().any(|l| l.trim() == "Mieterhöhung"),
        "{}",
        lines.join(" / ")
    );
}

#[test]
fn a_word_wider_than_two_lines_of_a_headline_takes_every_hyphen_it_needs() {
    // Before: "Donaudampfschifff / ahrtsgesellschafts / kapitänswitwenren /
    // tenversicherung" on the A2 poster. In a ragged headline a line
    // ending on a hyphen inside a word had no stretch (its rag comes from
    // a word space), so the word was cut where the rag let it; and the
    // limit of two hyphens in a row left a word of four lines no other way.
    let word = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung";
    let mut bad = Vec::new();
    for name in layout::builtin_names() {
        let layout = layout::load(name).unwrap();
        let c = set(word, &layout, "de");
        let head = title_lines(&c);
        let cut = head[..head.len() - 1].iter().any(|l| !l.line.hyphenated);
        if cut || rejoined(head.iter().copied()).trim() != word {
            let all: Vec<String> = head.iter().map(|l| l.line.text()).collect();
            bad.push(format!("{name}: {}", all.join(" / ")));
        }
    }
    assert!(bad.is_empty(), "cut without a hyphen:\n{}", bad.join("\n"));
}

#[test]
fn a_heading_word_wider_than_the_column_is_hyphenated_never_cut() {
    // Before: "Gewerkschaftsmitgliederversammlungsbeschlus / s zur …" on the
    // A4 leaflet, the heading's word cut where the line ran out.
    let heading = "Gewerkschaftsmitgliederversammlungsbeschluss zur Arbeitszeitverkürzung";
    let text = format!(
        "+++\ntitle = \"Streik\"\n+++\n\n## {heading}\n\nWir treffen uns am Montag vor dem Werkstor.\n"
    );
    for name in ["a4-leaflet", "a5-flyer", "a6-handout", "a4-trifold"] {
        let layout = layout::load(name).unwrap();
        let c = set_text(&text, Format::Markdown, &layout, "de");
        let joined = rejoined(c.pages.iter().flat_map(|p| &p.lines));
        assert!(joined.contains(heading), "{name}: {joined}");
        // Balanced as an unbroken heading is: not "Ge- / werkschafts…".
        for l in c.pages.iter().flat_map(|p| &p.lines) {
            let text = l.line.text();
            assert!(
                !l.line.hyphenated || text.trim().chars().count() > 8,
                "{name}: {text}"
            );
        }
        assert!(
            !c.warnings
                .iter()
                .any(|w| w.message.contains("without a hyphen")),
            "{name}: {:?}",
            c.warnings
        );
    }
}

#[test]
fn no_stays_with_the_noun_it_determines() {
    // Before: the tri-fold's cover read "NO / EVICTIONS — / HOUSING IS /
    // …".
    let costs = |text: &str| {
        let words: Vec<String> = text.split_whitespace().map(String::from).collect();
        sense::gap_costs(&words, "en")
    };
    assert_eq!(costs("No evictions")[0], sense::CLINGING);
    // "no" said, not determining: "Say no / to war" is the break.
    let say = costs("Say no to war");
    assert!(say[1] < sense::CLINGING, "{say:?}");
    assert_eq!(say[2], sense::CLINGING);
    let headline = "NO EVICTIONS — HOUSING IS A RIGHT, NOT A PRIVILEGE";
    for name in ["a4-trifold", "a6-handout"] {
        let lines = headline_texts(headline, name, "en");
        assert!(lines.iter().all(|l| l.trim() != "NO"), "{name}: {lines:?}");
    }
}

#[test]
fn a_headline_line_starts_a_phrase_rather_than_part_an_adjective_from_its_noun() {
    // Two gaps inside a clause read differently: before a preposition the
    // next line starts a phrase of its own ("Water is a right for every
    // home / in Al-Nuzha"); elsewhere it may part a determiner or an
    // adjective from its noun ("… for every / home", "Зберегти сільську /
    // школу", "save the village / school"), as the A4 leaflet set both.
    // On the leaflets, under a statement of some length, so that the
    // headline keeps its layout's size and a line holds enough words to
    // choose. Where it cannot (a headline at a size fixed by the layout or
    // grown over a short call's large body, or fitted on a poster, where
    // taking a phrase a line would cost more than `SENSE_SHRINK` of its
    // size), the gap inside a clause stays: its cost is the breaker's to
    // weigh against the lines' lengths, not a rule.
    let body = BODY.repeat(12);
    let mut bad = Vec::new();
    let mut broken = 0;
    for (headline, lang, parted) in [
        (
            "Water is a right for every home in our street",
            "en",
            "every",
        ),
        ("Зберегти сільську школу в Малинівці", "uk", "сільську"),
        (
            "Сачувајмо последњу зелену површину у насељу",
            "sr-Cyrl",
            "зелену",
        ),
    ] {
        for name in ["a4-leaflet", "letter-leaflet", "a6-handout"] {
            let layout = layout::load(name).unwrap();
            let c = set_text(
                &format!("{headline}\n\n{body}\n"),
                Format::Plain,
                &layout,
                lang,
            );
            let lines: Vec<String> = title_lines(&c)
                .iter()
                .map(|l| l.line.text().trim().to_string())
                .collect();
            if lines.len() < 2 {
                continue;
            }
            broken += 1;
            if ends_on(&lines, &[parted]) {
                bad.push(format!("{name} ({lang}): {}", lines.join(" / ")));
            }
        }
    }
    assert!(broken >= 6, "{broken} settings in more than one line");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn a_headline_grown_to_fill_the_page_breaks_no_worse_than_at_its_size() {
    // A short call's headline grows to fill the page; it kept its lines
    // but not its breaks: "Podwyżki dla pielęgniarek, / a nie obietnice!"
    // grew into "Podwyżki dla / pielęgniarek, / a nie obietnice!", a line
    // ending on "dla" ("for"). Grown, it may break only as well by sense
    // as it did.
    let text = std::fs::read_to_string(support::root().join("samples/pl-pielegniarki.md")).unwrap();
    // The headline, its date line and the first two paragraphs: a call
    // short enough to grow.
    let short: String = text.split("\n\n").take(4).collect::<Vec<_>>().join("\n\n");
    let mut grown = 0;
    for name in ["a4-leaflet", "a5-flyer"] {
        let layout = layout::load(name).unwrap();
        let c = set_text(&short, Format::Markdown, &layout, "pl");
        let lines: Vec<String> = title_lines(&c)
            .iter()
            .map(|l| l.line.text().trim().to_string())
            .collect();
        if size(title_lines(&c)[0]) > layout.design.headline.size + Length::pt(1.0) {
            grown += 1;
        }
        assert!(!ends_on(&lines, &["dla"]), "{name}: {}", lines.join(" / "));
    }
    assert!(grown >= 1, "no headline grew");
}

#[test]
fn a_headline_at_its_one_size_takes_a_clause_a_line_rather_than_read_across_a_comma() {
    // "Công nhân may cần lương / đủ sống, không cần lời hứa": the second
    // line read the end of one clause with the whole of the next. A
    // headline at one size may be set up to a quarter smaller to take a
    // clause a line, as a fitted one may.
    let text = std::fs::read_to_string(support::root().join("samples/vi-congnhan.md")).unwrap();
    for name in ["a4-leaflet", "a5-flyer", "a6-handout", "letter-leaflet"] {
        let layout = layout::load(name).unwrap();
        let c = set_text(&text, Format::Markdown, &layout, "vi");
        let lines: Vec<String> = title_lines(&c)
            .iter()
            .map(|l| l.line.text().trim().to_string())
            .collect();
        assert_eq!(
            lines,
            ["Công nhân may cần lương đủ sống,", "không cần lời hứa"],
            "{name}"
        );
        assert!(!sense::reads_across_a_clause(&lines));
        let set = size(title_lines(&c)[0]);
        assert!(
            set >= layout.design.headline.size * 0.75 - Length::pt(0.01),
            "{name}: {set}"
        );
    }
    // One whose commas end its lines keeps its size: the test is whether
    // it reads across a clause, not whether every break ends one.
    let layout = layout::load("a4-leaflet").unwrap();
    let c = set("Podwyżki dla pielęgniarek, a nie obietnice!", &layout, "pl");
    let lines: Vec<String> = title_lines(&c)
        .iter()
        .map(|l| l.line.text().trim().to_string())
        .collect();
    assert!(!sense::reads_across_a_clause(&lines), "{lines:?}");
    assert!(
        sense::reads_across_a_clause(&["Plate na vreme, rad".into(), "bez straha".into()])
            && !sense::reads_across_a_clause(&["Plate na vreme, rad bez straha".into()])
    );
}

#[test]
fn a_headline_at_its_one_size_breaks_at_its_colon_rather_than_read_across_it() {
    // "Bus cuts: what / changes on 1 May" (A6, Tabloid) and "Bus cuts:
    // what changes / on 1 May" (A4, A5, Letter) read the kicker with the
    // title's first word; no size a quarter smaller sets a clause a line.
    for name in [
        "a4-leaflet",
        "a5-flyer",
        "a6-handout",
        "letter-leaflet",
        "tabloid-poster",
    ] {
        let lines = headline_texts("Bus cuts: what changes on 1 May", name, "en");
        assert_eq!(lines[0], "Bus cuts:", "{name}: {lines:?}");
        assert!(!sense::reads_across_a_stop(&lines), "{name}: {lines:?}");
        assert!(lines.len() <= 3, "{name}: {lines:?}");
    }
    // A stop, not a comma or a dash: across those a line may go on.
    assert!(sense::reads_across_a_stop(&[
        "Bus cuts: what".into(),
        "changes".into()
    ]));
    assert!(sense::reads_across_a_stop(&[
        "Strike! Bus".into(),
        "drivers out".into()
    ]));
    assert!(!sense::reads_across_a_stop(&[
        "NCP of Yugoslavia, A call".into(),
        "for us".into()
    ]));
    assert!(!sense::reads_across_a_stop(&[
        "Rents – now".into(),
        "down".into()
    ]));
    assert!(!sense::reads_across_a_stop(&[
        "Bus cuts:".into(),
        "what changes".into()
    ]));
    assert!(sense::ends_with_a_stop("cuts:") && sense::ends_with_a_stop("“now!”"));
    assert!(!sense::ends_with_a_stop("Yugoslavia,") && !sense::ends_with_a_stop("cuts"));
}
