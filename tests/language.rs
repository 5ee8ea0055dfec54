//! The statement's language: detected from the text when nothing names it,
//! and driving hyphenation, quotation marks and the PDF's /Lang.

mod support;

use std::path::PathBuf;
use std::process::Command;

use handbill::typeset::lang::Source;
use handbill::{layout, BuildRequest};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A sample with its front matter's `lang` line taken out.
fn without_lang(name: &str) -> String {
    let text = std::fs::read_to_string(root().join("samples").join(name)).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("lang ="))
        .collect();
    assert!(kept.len() < text.lines().count() || !text.starts_with("+++"));
    kept.join("\n")
}

fn build(text: &str, name: &str, layout: &layout::Layout) -> handbill::BuildOutput {
    handbill::build(&BuildRequest::new(text.as_bytes(), name, layout))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The warning that the language was not detected.
fn language_warning(out: &handbill::BuildOutput) -> &str {
    out.warnings
        .iter()
        .find(|w| w.message.starts_with("language not detected"))
        .map(|w| w.message.as_str())
        .unwrap_or_else(|| panic!("{:?}", out.warnings))
}

/// The catalog's /Lang of a PDF.
fn pdf_lang(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let lang = doc.catalog().unwrap().get(b"Lang").unwrap();
    String::from_utf8(lang.as_str().unwrap().to_vec()).unwrap()
}

/// The top and the right edge of each word's box on a PDF's first page.
fn pdftotext_bbox(pdf: &[u8]) -> Vec<(String, f64, f64)> {
    let html = pdftotext_args(pdf, "bbox", &["-bbox", "-l", "1"]);
    let attr = |l: &str, name: &str| -> Option<f64> {
        l.split(&format!("{name}=\""))
            .nth(1)?
            .split('"')
            .next()?
            .parse()
            .ok()
    };
    html.lines()
        .filter_map(|l| {
            let word = l.split('>').nth(1)?.split('<').next()?;
            Some((word.to_string(), attr(l, "yMin")?, attr(l, "xMax")?))
        })
        .collect()
}

fn pdftotext(pdf: &[u8], tag: &str) -> String {
    pdftotext_args(pdf, tag, &[])
}

fn pdftotext_args(pdf: &[u8], tag: &str, args: &[&str]) -> String {
    let scratch = support::scratch_dir("handbill-lang-");
    let dir = scratch.path();
    let path = dir.join(format!("{tag}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(args)
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed for this test; .ci/run installs it");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_sample_is_detected_without_its_lang() {
    let layout = layout::load("a4-leaflet").unwrap();
    for (file, tag, quote) in [
        ("en-tenants.txt", "en", "“"),
        ("de-mieten.md", "de", "„"),
        ("fr-greve.md", "fr", "«"),
        ("sr-cyrl-protest.txt", "sr-Cyrl", "„"),
        ("sr-latn-protest.txt", "sr-Latn", "„"),
        ("el-synantisi.md", "el", "«"),
        ("en-long-campaign.md", "en", "“"),
        ("es-desahucios.md", "es", "«"),
        ("pl-pielegniarki.md", "pl", "„"),
        ("tr-isguvenligi.md", "tr", "“"),
        ("uk-shkola.md", "uk", "«"),
        ("vi-congnhan.md", "vi", "“"),
    ] {
        // A quotation typed with straight quotes, which detection cannot
        // read anything into.
        let text = format!("{}\n\n\"2026\"\n", without_lang(file));
        let out = build(&text, file, &layout);
        assert_eq!(out.lang, tag, "{file}");
        let note = out
            .notes
            .iter()
            .find(|n| n.message.starts_with("language detected:"))
            .unwrap_or_else(|| panic!("{file}: no note in {:?}", out.notes));
        assert!(
            note.message.contains(&format!("({tag}), confidence 1.00")),
            "{file}: {}",
            note.message
        );
        assert_eq!(note.at.file, file);
        assert_eq!(pdf_lang(&out.pdf), tag, "{file}");
        // The language's quotation marks.
        let printed = pdftotext(&out.pdf, tag);
        assert!(printed.contains(quote), "{file}: no {quote} in\n{printed}");
        assert!(
            !out.warnings.iter().any(|w| w.message.contains("language")),
            "{file}: {:?}",
            out.warnings
        );
    }
}

#[test]
fn the_reference_statement_is_english() {
    let path = root().join("../shared/seed/000_53f4cf6db800a616.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: the reference statement is not here");
        return;
    };
    let choice = handbill::typeset::lang::choose(
        &handbill::statement::parse(&text, handbill::statement::Format::Plain, "seed.txt")
            .unwrap()
            .document,
        "en",
        None,
        None,
    );
    assert_eq!(choice.tag, "en");
    assert!(matches!(choice.source, Source::Detected(ref d) if d.confidence > 0.99));
}

#[test]
fn detection_drives_hyphenation() {
    // Composed without naming a language: German is detected and set with
    // German patterns; every hyphen falls where they allow one. (The A6
    // handout's narrow column hyphenates more than the A4's; font
    // expansion, which saves this text most of its hyphens, is off.)
    let layout = layout::parse(
        "extends = \"a6-handout\"\n[linebreak]\nfont-expansion = \"0%\"\n",
        "a6.toml",
        std::path::Path::new(""),
    )
    .unwrap();
    let text = without_lang("de-mieten.md");
    let doc = handbill::statement::parse(&text, handbill::statement::Format::Markdown, "de.md")
        .unwrap()
        .document;
    let h = &layout.design.hyphenation;
    let choice = handbill::typeset::lang::choose(&doc, &h.lang, h.lang_set_at.as_ref(), None);
    let composed = handbill::compose::compose(
        &doc,
        &layout.design,
        &handbill::compose::ComposeOptions {
            lang: choice.tag,
            origin: "de.md".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(composed.lang, "de");
    let de = handbill::typeset::hyphenate::Hyphenator::new("de", 2, 2, false).unwrap();
    let en = handbill::typeset::hyphenate::Hyphenator::new("en", 2, 2, false).unwrap();
    let lines: Vec<_> = composed.pages.iter().flat_map(|p| &p.lines).collect();
    let mut checked = 0;
    let mut not_english = 0;
    for pair in lines.windows(2) {
        if !pair[0].line.hyphenated {
            continue;
        }
        let first = pair[0].line.text();
        let head: String = first
            .trim_end()
            .trim_end_matches('-')
            .rsplit(' ')
            .next()
            .unwrap()
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let second = pair[1].line.text();
        let tail: String = second
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let word = format!("{head}{tail}");
        assert!(
            de.breaks(&word).contains(&head.len()),
            "{word} broken as {head}-{tail}, not a German break"
        );
        not_english += usize::from(!en.breaks(&word).contains(&head.len()));
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} hyphenated lines");
    // Some of them English patterns would not allow: the language matters.
    assert!(not_english > 0);
}

#[test]
fn a_layout_variant_refines_the_detected_language() {
    // letter-leaflet says en-US: English is detected and set as en-US.
    let layout = layout::load("letter-leaflet").unwrap();
    let out = build(&without_lang("en-tenants.txt"), "en.txt", &layout);
    assert_eq!(out.lang, "en-US");
    assert!(
        out.notes[0].message.contains("set as en-US"),
        "{:?}",
        out.notes
    );
    // German text on the same layout is German.
    let out = build(&without_lang("de-mieten.md"), "de.md", &layout);
    assert_eq!(out.lang, "de");
}

#[test]
fn short_text_falls_back_to_the_layouts_language_and_says_so() {
    let layout = layout::load("a4-leaflet").unwrap();
    let out = build("Fix our homes\n\nRepairs now.\n", "short.txt", &layout);
    assert_eq!(out.lang, "en");
    // No note of a language (one says the page is mostly empty).
    assert!(
        !out.notes.iter().any(|n| n.message.contains("language")),
        "{:?}",
        out.notes
    );
    let w = language_warning(&out);
    assert!(
        w.contains("too short") && w.contains("layout's language, en"),
        "{w}"
    );
    // Digits and punctuation only: nothing to detect by.
    let out = build("2026\n\n1. 2. 3.\n", "digits.txt", &layout);
    assert_eq!(out.lang, "en");
    assert!(out
        .warnings
        .iter()
        .any(|w| w.message.contains("no letters")));
}

#[test]
fn a_short_text_in_another_script_is_not_set_as_the_layouts_language() {
    // Two lines of a poster: too short to tell Arabic from Persian or Urdu,
    // surely none of them English. Set as English they ran left to right.
    let a3 = layout::load("a3-poster").unwrap();
    let text = "# اجتماع عام\n\nالخميس، الساعة السابعة مساءً، قاعة المدرسة.\n";
    let out = build(text, "poster.md", &a3);
    assert_eq!(out.lang, "ar");
    assert_eq!(pdf_lang(&out.pdf), "ar");
    let w = language_warning(&out);
    assert!(
        w.contains(
            "set as ar, the best guess, as the layout's language is not written in Arabic script;"
        ),
        "{w}"
    );
    // Read back in the order it is read, and set from the right: the
    // headline ends at the right margin (18mm in), not short of it.
    let read = pdftotext(&out.pdf, "poster");
    assert!(read.contains("اجتماع عام"), "{read}");
    let boxes = pdftotext_bbox(&out.pdf);
    let top = boxes.iter().map(|b| b.1).fold(f64::INFINITY, f64::min);
    let right = boxes
        .iter()
        .filter(|b| b.1 == top)
        .map(|b| b.2)
        .fold(0.0, f64::max);
    let page_width = 842.0;
    assert!(right > page_width - 100.0, "{boxes:?}");
    // Japanese kana: Japanese, whose fonts draw its kanji as Japan writes
    // them, not as China does.
    let out = build(
        "# 住民集会のお知らせ\n\n木曜日の午後七時に集会所で集会を開きます。\n",
        "ja.md",
        &a3,
    );
    assert_eq!(out.lang, "ja");
    assert_eq!(pdf_lang(&out.pdf), "ja");
}

#[test]
fn a_lao_text_is_lao_by_its_script_however_short() {
    // The detector knows no Lao: a Lao statement was set as the layout's
    // English with a warning that it "has no letters to tell it by".
    let a4 = layout::load("a4-leaflet").unwrap();
    for text in [
        "# ຄົນງານຕ້ອງການຄ່າແຮງທີ່ຍຸຕິທຳ\n\nພວກເຮົາເຮັດວຽກສິບສອງຊົ່ວໂມງຕໍ່ມື້ ແຕ່ຄ່າແຮງບໍ່ພຽງພໍລ້ຽງຄອບຄົວ.\n",
        "# ຄົນງານ\n\nສາມັກຄີ\n",
    ] {
        let out = build(text, "lo.md", &a4);
        assert_eq!(out.lang, "lo");
        assert_eq!(pdf_lang(&out.pdf), "lo");
        assert!(
            !out.warnings.iter().any(|w| w.message.contains("language")),
            "{:?}",
            out.warnings
        );
        assert!(
            out.notes
                .iter()
                .any(|n| n.message == "language: Lao (lo), the one language written in its script"),
            "{:?}",
            out.notes
        );
    }
    // A Lao word in an English text does not make it Lao.
    let out = build(
        "# Solidarity with Lao workers\n\nThe union greets its members with ສາມັກຄີ, solidarity, \
         and asks everyone to come to the meeting on Thursday at seven.\n",
        "en.md",
        &a4,
    );
    assert_eq!(out.lang, "en");
}

#[test]
fn front_matter_command_line_and_a_users_layout_are_not_second_guessed() {
    let a4 = layout::load("a4-leaflet").unwrap();
    let german = without_lang("de-mieten.md");
    // --lang
    let mut req = BuildRequest::new(german.as_bytes(), "de.md", &a4);
    req.lang = Some("de-CH".into());
    let out = handbill::build(&req).unwrap();
    assert_eq!(out.lang, "de-CH");
    assert!(out.notes.is_empty());
    // Front matter.
    let sample = std::fs::read_to_string(root().join("samples/de-mieten.md")).unwrap();
    let with_fr = sample.replace("lang = \"de\"", "lang = \"fr\"");
    assert_eq!(build(&with_fr, "de.md", &a4).lang, "fr");
    // A user's layout file that sets lang: meant, but a clear mismatch is
    // pointed out.
    let scratch = support::scratch_dir("handbill-lang-layout-");
    let dir = scratch.path();
    let file = dir.join("mine.toml");
    std::fs::write(&file, "[hyphenation]\nlang = \"en-GB\"\n").unwrap();
    let mine = layout::load(file.to_str().unwrap()).unwrap();
    let out = build(&german, "de.md", &mine);
    assert_eq!(out.lang, "en-GB");
    let w = out
        .warnings
        .iter()
        .find(|w| w.message.contains("looks like German"))
        .unwrap_or_else(|| panic!("{:?}", out.warnings));
    assert!(w.message.contains("mine.toml:2:8"), "{}", w.message);
    // A layout that only extends a built-in one inherits its default.
    std::fs::write(&file, "extends = \"a5-flyer\"\n[page]\ncolumns = 2\n").unwrap();
    let extended = layout::load(file.to_str().unwrap()).unwrap();
    assert_eq!(build(&german, "de.md", &extended).lang, "de");
}

#[test]
fn unknown_layout_languages_are_refused_with_a_suggestion() {
    let scratch = support::scratch_dir("handbill-lang-bad-");
    let dir = scratch.path();
    for (value, says) in [
        (
            "dk",
            "is \"dk\", which names no language handbill knows; did you mean \"da\"?",
        ),
        ("sr-Lant", "did you mean \"sr-Latn\"?"),
        ("qq", "handbill hyphenates af, sq, hy"),
        ("german", "must be a language tag like"),
        ("german", "did you mean \"de\"?"),
    ] {
        let file = dir.join("l.toml");
        std::fs::write(&file, format!("[hyphenation]\nlang = \"{value}\"\n")).unwrap();
        let e = layout::load(file.to_str().unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("l.toml:2:8: `lang` in [hyphenation] ") && e.contains(says),
            "{value}: {e}"
        );
    }
    // "en-UK" is what people write for British English.
    let file = dir.join("l.toml");
    std::fs::write(&file, "[hyphenation]\nlang = \"en-UK\"\n").unwrap();
    assert_eq!(
        handbill::typeset::hyphenate::language_for_tag(
            &layout::load(file.to_str().unwrap())
                .unwrap()
                .design
                .hyphenation
                .lang
        ),
        Some(hyphenation::Language::EnglishGB)
    );
    // A language without patterns is a language: its text is set without
    // hyphenation. Before, a layout for Arabic or Sinhala had to turn
    // hyphenation off to name its language.
    for lang in ["ar", "si", "sw"] {
        let file = dir.join("l.toml");
        std::fs::write(&file, format!("[hyphenation]\nlang = \"{lang}\"\n")).unwrap();
        let loaded = layout::load(file.to_str().unwrap()).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(loaded.design.hyphenation.lang, lang);
    }
    // Without hyphenation any well-formed tag will do.
    let file = dir.join("l.toml");
    std::fs::write(&file, "[hyphenation]\nenabled = false\nlang = \"vi\"\n").unwrap();
    assert_eq!(
        layout::load(file.to_str().unwrap())
            .unwrap()
            .design
            .hyphenation
            .lang,
        "vi"
    );
}

#[test]
fn the_cli_says_which_language_it_detected() {
    let scratch = support::scratch_dir("handbill-lang-cli-");
    let dir = scratch.path();
    let input = dir.join("statement.txt");
    std::fs::write(&input, without_lang("sr-latn-protest.txt")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(["build", input.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "handbill: {}: language detected: Serbian in Latin script (sr-Latn), confidence 1.00",
            input.display()
        )),
        "{err}"
    );
    // --quiet says nothing.
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(["build", "--quiet", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn the_cli_takes_a_language_it_cannot_hyphenate() {
    // Before: `--lang ar` stopped with '"ar" is a language handbill has no
    // hyphenation patterns for', though Arabic is never hyphenated and the
    // detector's own warning tells the reader to name the language there.
    let scratch = support::scratch_dir("handbill-lang-nohyph-");
    let dir = scratch.path();
    let input = dir.join("statement.txt");
    std::fs::write(&input, without_lang("ar-mayah.md")).unwrap();
    let run = |lang: &str| {
        let out = dir.join(format!("{lang}.pdf"));
        let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
            .args(["build", input.to_str().unwrap(), "--lang", lang, "-o"])
            .arg(&out)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        assert!(o.status.success() && out.exists(), "{lang}: {err}");
        err
    };
    assert!(!run("ar").contains("hyphenation"));
    // Sinhala has no patterns: a warning says so, naming the language, not
    // Slovenian as a slip for it.
    let err = run("si");
    assert!(
        err.contains("no hyphenation patterns for Sinhalese (`si`); setting without hyphenation"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn a_text_whose_letters_the_guess_does_not_write_is_set_by_no_language() {
    // Albanian, which the detector does not know: it read this as French,
    // confidence 1.00, and the A6 handout hyphenated "kër-kon" by French
    // patterns. French writes "ë" only in names such as Noël.
    let a6 = layout::load("a6-handout").unwrap();
    let text = "# Mbrojmë parkun e lagjes\n\n\
        Banorët e lagjes ftojnë të gjithë qytetarët në një protestë të shtunën \
        në orën dhjetë para bashkisë. Kompania ndërtuese kërkon të presë pemët \
        dhe të ndërtojë një pallat shumëkatësh në vendin ku luajnë fëmijët tanë.\n\n\
        Pse duhet të humbasim hapësirën e fundit të gjelbër të lagjes? Ne \
        kërkojmë që bashkia të anulojë lejen e ndërtimit dhe të shpallë parkun \
        zonë të mbrojtur.\n";
    let out = build(text, "sq.md", &a6);
    assert_eq!(out.lang, "und");
    assert_eq!(pdf_lang(&out.pdf), "und");
    let w = language_warning(&out);
    assert!(
        w.starts_with(
            "language not detected: it looks most like French (fr), confidence 1.00, \
             but has letters that language does not write (ë); set without hyphenation;"
        ),
        "{w}"
    );
    // No word is divided, and no hyphenation warning follows the
    // language's.
    let words = pdftotext(&out.pdf, "sq");
    assert!(
        !words.lines().any(|l| l.ends_with(['-', '\u{AD}'])),
        "{words}"
    );
    assert!(
        !out.warnings
            .iter()
            .any(|w| w.message.contains("hyphenation patterns")),
        "{:?}",
        out.warnings
    );
    // Named, it is set as named, without a second guess.
    let named = handbill::build(&BuildRequest {
        lang: Some("sq".into()),
        ..BuildRequest::new(text.as_bytes(), "sq.md", &a6)
    })
    .unwrap();
    assert_eq!(named.lang, "sq");
}

#[test]
fn a_long_text_the_layouts_language_does_not_write_is_not_hyphenated_by_it() {
    // Irish, which the detector does not know and is not sure of: set in
    // the layout's English, its words were hyphenated by English patterns.
    let a6 = layout::load("a6-handout").unwrap();
    let text = "Tithíocht do chách\n\n\
        Tá muid ag eagrú agóide os comhair Theach Laighean Dé Sathairn seo \
        chugainn. Tá cíosanna ag ardú gach bliain agus níl teach ar bith ar \
        fáil do theaghlaigh óga sa cheantar. Iarraimid ar an Rialtas stop a \
        chur leis na díshealbhuithe láithreach.\n";
    let out = build(text, "ga.txt", &a6);
    assert_eq!(out.lang, "und");
    let w = language_warning(&out);
    assert!(
        w.contains("has letters the layout's language, en, does not write (") && w.contains('í'),
        "{w}"
    );
}

#[test]
fn a_swahili_text_is_swahili_by_its_words() {
    // The detector does not know Swahili: it read this as Javanese, and a
    // longer Swahili statement as Tagalog (confidence 1.00), set by
    // Tagalog's headline rules and tagged `tl`.
    let a4 = layout::load("a4-leaflet").unwrap();
    let text = "# Maji ni haki yetu\n\n\
        Kwa wiki tatu sasa, mabomba ya maji katika mitaa ya Laini Saba na Soweto \
        hayajatoa tone la maji. Familia zinalazimika kununua maji kwa bei ya \
        shilingi hamsini kwa mtungi mmoja, mara tano zaidi ya bei ya kawaida.\n\n\
        Mkutano wa wakazi utafanyika Jumamosi saa nne asubuhi katika uwanja wa \
        shule ya msingi.\n";
    let out = build(text, "sw.md", &a4);
    assert_eq!(out.lang, "sw");
    assert_eq!(pdf_lang(&out.pdf), "sw");
    assert!(
        out.notes.iter().any(|n| n.message.starts_with(
            "language: Swahili (sw), told by its words (the detector, which does not know \
             Swahili, read it as"
        )),
        "{:?}",
        out.notes
    );
    // Tagalog stays Tagalog.
    let tagalog = "Tayo na sa welga\n\n\
        Ang mga manggagawa ng pabrika ay nagwelga noong Lunes upang humingi ng \
        makatarungang sahod. Hindi sapat ang kanilang kita para sa pagkain at upa \
        ng bahay. Nanawagan sila sa pamahalaan na dinggin ang kanilang mga hinaing.\n";
    assert_eq!(build(tagalog, "tl.txt", &a4).lang, "tl");
}
