//! Tests of the statement reader.

use super::*;
use crate::statement::document::{is_table, Block, BlockKind, Style};

const SEED: &str = concat!(
    "NCP of Yugoslavia, A call for solidarity with the Serbian people in Kosovo\n",
    "\n",
    "6/1/23 12:04 PM\n",
    "  \u{2022} Serbia, New Communist Party of Yugoslavia En Europe Communist and workers' parties\n",
    "\n",
    "Dear comrades,\u{a0}\n",
    "\n",
    "The New Communist Party of Yugoslavia calls on all communist and anti-imperialist organizations to\u{a0}show solidarity with the Serbian people in Kosovo, which are experiencing violence by its police forces, as well as the NATO occupation forces in the region.\u{a0}\n",
    "\n",
    "The clashes in the north of the province started on Friday when the government of the so-called \"Republic of Kosovo\" tried to take over town halls of the three municipalities with the Serbian majority population. The new mayors of the towns in the north were elected in illegitimate elections, boycotted by the Serbian community. The Serbian people, gathered to defend their town halls from the pro-imperialist Kosovo authorities, were met with severe violence. The strongest conflicts happened on Monday when the local police were aided by KFOR - the official NATO forces responsible for the occupation of the province. Over 50 people were injured on both sides.\u{a0}\n",
    "\n",
    "The occupation of Kosovo and Metohija, as well as the recent violence, are the\u{a0}fault of the USA and its NATO allies. Therefore, we call on you to\u{a0}show international support\u{a0}for the people of occupied Kosovo by\u{a0}organizing demonstrations against violence, occupation, and the so-called \"independence\" of Kosovo. Since the Kosovo prime minister visited the US embassy right before the violence began, it is clear that he got permission from its imperialist masters. Therefore, the preferred locations for the protests are, if possible, the US embassies in your country.\u{a0}\n",
    "\n",
    "The New communist party of Yugoslavia thanks all organizations who are expressing solidarity with the Serbian people of Kosovo, the victims of US imperialism. At this moment, it is of utmost importance to show international solidarity and the anti-imperialist struggle.\u{a0}\n",
    "\n",
    "Please inform us about your actions.\u{a0}The pictures and videos of the protest are also desirable.\n",
    "\n",
    "\n",
    "Comradely greetings from Belgrade!",
);

fn parse_ok(text: &str, format: Format) -> Parsed {
    match parse(text, format, "s.txt") {
        Ok(p) => p,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn plain(text: &str) -> Document {
    parse_ok(text, Format::Plain).document
}

fn md(text: &str) -> Document {
    parse_ok(text, Format::Markdown).document
}

fn parse_err(text: &str, format: Format) -> String {
    match parse(text, format, "s.txt") {
        Ok(p) => panic!("expected an error, got {:?}", p.document.blocks),
        Err(e) => e.to_string(),
    }
}

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind.clone()).collect()
}

fn texts(doc: &Document) -> Vec<String> {
    doc.blocks.iter().map(Block::text).collect()
}

/// The bold runs of a block's text.
fn bold(block: &Block) -> Vec<&str> {
    block
        .spans
        .iter()
        .filter(|s| s.style.bold)
        .map(|s| s.text.as_str())
        .collect()
}

fn lines(doc: &Document) -> Vec<usize> {
    doc.blocks.iter().map(|b| b.line).collect()
}

fn item(marker: &str, depth: u8) -> BlockKind {
    BlockKind::ListItem {
        marker: marker.to_string(),
        depth,
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------- the seed

#[test]
fn seed_is_the_shared_file_where_present() {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [manifest.join("../shared"), manifest.join("shared")] {
        let path = dir.join("seed/000_53f4cf6db800a616.txt");
        if let Ok(bytes) = std::fs::read(&path) {
            assert_eq!(String::from_utf8_lossy(&bytes), SEED, "{}", path.display());
        }
    }
}

#[test]
fn seed_roles() {
    use BlockKind::*;
    let doc = plain(SEED);
    assert_eq!(
        kinds(&doc),
        vec![Headline, Meta, Salutation, Body, Body, Body, Body, Body, SignOff]
    );
    let t = texts(&doc);
    assert_eq!(
        t[0],
        "NCP of Yugoslavia, A call for solidarity with the Serbian people in Kosovo"
    );
    // The clipping's date and tag lines are one meta line: its timestamp's
    // clock time dropped (with a warning), its bullet the separator.
    assert_eq!(
        t[1],
        "6/1/23 • Serbia, New Communist Party of Yugoslavia En Europe Communist and workers' parties"
    );
    assert_eq!(t[2], "Dear comrades,");
    assert!(t[7].starts_with("Please inform us about your actions. The pictures"));
    assert_eq!(t[8], "Comradely greetings from Belgrade!");
    assert_eq!(lines(&doc), vec![1, 3, 6, 8, 10, 12, 14, 16, 19]);
    assert_eq!(doc.meta.title.as_deref(), Some(t[0].as_str()));
}

#[test]
fn seed_words_survive() {
    let parsed = parse_ok(SEED, Format::Plain);
    let doc = parsed.document;
    // Every word but the clipping's clock time, which a warning names.
    let source: Vec<String> = words(&SEED.replace('\u{a0}', " ").replace(" 12:04 PM", ""));
    assert_eq!(parsed.warnings.len(), 1);
    assert!(parsed.warnings[0].message.contains("\"12:04 PM\""));
    let blocks: Vec<String> = doc
        .blocks
        .iter()
        .flat_map(|b| words(&b.text().replace('\u{a0}', " ")))
        .collect();
    assert_eq!(source, blocks);
}

#[test]
fn seed_debris_is_cleaned() {
    let doc = plain(SEED);
    for b in &doc.blocks {
        let t = b.text();
        assert!(!t.contains('\u{a0}'), "{t:?}");
        assert!(!t.contains("  "), "{t:?}");
        assert_eq!(t.trim(), t);
        assert!(b.spans.iter().all(|s| !s.text.is_empty()));
    }
    assert!(texts(&doc)[3].contains("organizations to show solidarity"));
}

#[test]
fn seed_as_markdown_has_the_same_roles() {
    let plain_doc = plain(SEED);
    let md_doc = md(SEED);
    assert_eq!(kinds(&md_doc), kinds(&plain_doc));
    assert_eq!(texts(&md_doc), texts(&plain_doc));
    assert_eq!(lines(&md_doc), lines(&plain_doc));
}

#[test]
fn seed_through_read_with_crlf_and_bom() {
    let bytes = format!("\u{feff}{}", SEED.replace('\n', "\r\n")).into_bytes();
    let parsed = match read(&bytes, Format::Plain, None, "seed.txt") {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(parsed.document, plain(SEED));
    // Only the clipping's clock time, found at its line and column.
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(parsed.warnings[0].at, Location::at("seed.txt", 3, 8));
}

// ---------------------------------------------------------------- decoding

#[test]
fn utf8_bom_is_removed() {
    let text = decode(b"\xEF\xBB\xBFHello", None, "s.txt").unwrap_or_default();
    assert_eq!(text, "Hello");
    // parse also takes a BOM off, and front matter may follow it.
    let doc = plain("\u{feff}+++\ntitle = \"T\"\n+++\nBody text here.");
    assert_eq!(texts(&doc), vec!["T", "Body text here."]);
}

#[test]
fn latin1_bytes_without_encoding_are_an_error_with_position() {
    let bytes = b"Title\r\n\r\nNous sommes all\xE9s.";
    let err = match decode(bytes, None, "statement.txt") {
        Ok(t) => panic!("decoded {t:?}"),
        Err(e) => e.to_string(),
    };
    assert_eq!(
        err,
        "statement.txt:3:16: not UTF-8 (byte 0xE9); it looks like Latin-1 or Windows-1252 \
         text: save it as UTF-8 or pass --encoding windows-1252"
    );
    // Columns count characters, not bytes.
    let mut bytes = "é\nüü•".as_bytes().to_vec();
    bytes.push(0x96);
    let err = decode(&bytes, None, "f").map_err(|e| e.to_string());
    assert_eq!(
        err.err()
            .as_deref()
            .map(|e| e.split(';').next().unwrap_or_default()),
        Some("f:2:4: not UTF-8 (byte 0x96)")
    );
}

#[test]
fn utf16_after_its_byte_order_mark_is_read() {
    // Notepad's "Unicode" is little-endian, some Mac tools' big-endian;
    // "€" and "𝄞" (a surrogate pair) come through as well as ASCII.
    let text = "Hi €\r\n𝄞";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(decode(&le, None, "f").ok().as_deref(), Some(text));
    assert_eq!(decode(&be, None, "f").ok().as_deref(), Some(text));
    // A lone surrogate on line 2, column 3; an odd byte at the end.
    let lone = b"\xFF\xFEa\x00\n\x00b\x00c\x00\x00\xD8d\x00";
    let err = decode(lone, None, "f").map_err(|e| e.to_string()).err();
    assert_eq!(
        err.as_deref(),
        Some("f:2:3: not valid UTF-16 (a lone surrogate, 0xD800); save the file again as UTF-8")
    );
    let odd = decode(b"\xFF\xFEa\x00b", None, "f").map_err(|e| e.to_string());
    assert!(odd
        .err()
        .unwrap_or_default()
        .starts_with("f:1:2: not valid UTF-16"));
    // With --encoding, the mark says the option is wrong.
    let named = decode(&le, Some(Encoding::Latin1), "f").map_err(|e| e.to_string());
    assert!(named
        .err()
        .unwrap_or_default()
        .contains("leave out --encoding"));
}

#[test]
fn latin1_decoding() {
    let text = decode(b"Caf\xE9 \xAB\xA0x\xA0\xBB", Some(Encoding::Latin1), "f");
    assert_eq!(text.ok().as_deref(), Some("Café «\u{a0}x\u{a0}»"));
    let err = decode(b"ab\n\x93q\x94", Some(Encoding::Latin1), "f").map_err(|e| e.to_string());
    let err = err.err().unwrap_or_default();
    assert!(err.starts_with("f:2:1: byte 0x93"), "{err}");
    assert!(err.contains("--encoding windows-1252"), "{err}");
}

#[test]
fn windows1252_decoding() {
    let text = decode(
        b"\x93Hi\x94 \x80 5 \x85 \x96",
        Some(Encoding::Windows1252),
        "f",
    );
    assert_eq!(
        text.ok().as_deref(),
        Some("\u{201c}Hi\u{201d} \u{20ac} 5 \u{2026} \u{2013}")
    );
    let err = decode(b"ok\r\nab\x81", Some(Encoding::Windows1252), "f").map_err(|e| e.to_string());
    let err = err.err().unwrap_or_default();
    assert!(err.starts_with("f:2:3: byte 0x81"), "{err}");
    // A UTF-8 BOM means the file is not Windows-1252.
    assert!(decode(b"\xEF\xBB\xBFx", Some(Encoding::Windows1252), "f").is_err());
    // Through read: smart quotes reach the document.
    let parsed = read(
        b"\x84Titel\x93\n\nText.",
        Format::Plain,
        Some(Encoding::Windows1252),
        "f",
    );
    let doc = parsed.map(|p| p.document).ok();
    assert_eq!(
        doc.and_then(|d| d.headline()).as_deref(),
        Some("\u{201e}Titel\u{201c}")
    );
}

#[test]
fn encoding_names() {
    for (name, enc) in [
        ("utf-8", Encoding::Utf8),
        ("UTF8", Encoding::Utf8),
        ("latin1", Encoding::Latin1),
        ("Latin-1", Encoding::Latin1),
        ("iso-8859-1", Encoding::Latin1),
        ("windows-1252", Encoding::Windows1252),
        ("cp1252", Encoding::Windows1252),
    ] {
        assert_eq!(name.parse::<Encoding>(), Ok(enc), "{name}");
    }
    assert!("ebcdic".parse::<Encoding>().is_err());
}

#[test]
fn formats_from_paths() {
    assert_eq!(format_for_path("a.md"), Format::Markdown);
    assert_eq!(format_for_path("dir/A.MARKDOWN"), Format::Markdown);
    assert_eq!(format_for_path("a.txt"), Format::Plain);
    assert_eq!(format_for_path("page.HTML"), Format::Html);
    assert_eq!(format_for_path("page.htm"), Format::Html);
    assert_eq!(format_for_path("md"), Format::Plain);
    assert_eq!(format_for_path("-"), Format::Plain);
}

// ---------------------------------------------------------------- characters

#[test]
fn crlf_and_lone_cr_are_line_breaks() {
    let doc = plain("Title\r\n\r\nOne\r\ntwo.\rThree\r\rFour.\r\n");
    assert_eq!(texts(&doc), vec!["Title", "One two. Three", "Four."]);
    assert_eq!(lines(&doc), vec![1, 3, 7]);
}

#[test]
fn control_characters_are_errors() {
    let err = parse_err("Title\n\nab\0c", Format::Plain);
    assert!(
        err.starts_with("s.txt:3:3: U+0000 (a control character); remove it"),
        "{err}"
    );
    let err = parse_err("Title\r\nx\u{7f}", Format::Plain);
    assert!(err.starts_with("s.txt:2:2: U+007F"), "{err}");
    let err = parse_err("Tïtle \u{85}", Format::Markdown);
    assert!(err.starts_with("s.txt:1:7: U+0085"), "{err}");
    let err = parse_err("Title\n\nbell &#7; here", Format::Markdown);
    assert!(err.starts_with("s.txt:3:6: U+0007"), "{err}");
    // Tabs are fine.
    assert_eq!(texts(&plain("A\tB")), vec!["A B"]);
}

#[test]
fn page_breaks_are_spaces_with_one_warning_and_vertical_tabs_line_breaks() {
    // `pdftotext` ends each page with a form feed, so it opens the next
    // page's first line; a paragraph running over the page stays one.
    let text = "Title\n\nThe strike goes on from the end of one page\n\u{C}to the next.\n\n\
                Word\u{B}line break.\u{C}";
    let parsed = parse_ok(text, Format::Plain);
    assert_eq!(
        texts(&parsed.document),
        vec![
            "Title",
            "The strike goes on from the end of one page to the next.",
            "Word\u{2028}line break."
        ]
    );
    assert_eq!(lines(&parsed.document), vec![1, 3, 6]);
    let found: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        found.iter().any(|w| w.starts_with(
            "s.txt:4:1: warning: a form feed (a page break, as a PDF's text export writes \
             between pages) and 1 more page breaks read as a space"
        )),
        "{found:?}"
    );
    // In Markdown too; Word's line break (Shift+Enter) is the writer's own
    // and needs no warning.
    let parsed = parse_ok("# Title\n\nWord\u{B}break.", Format::Markdown);
    assert_eq!(texts(&parsed.document), vec!["Title", "Word\u{2028}break."]);
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn bidi_controls_are_removed_with_one_warning() {
    let parsed = parse_ok(
        "Title\n\nab\u{200f}c \u{202e}d\u{feff}e\u{2067}.",
        Format::Plain,
    );
    assert_eq!(texts(&parsed.document), vec!["Title", "abc de."]);
    assert_eq!(parsed.warnings.len(), 1);
    let w = parsed.warnings[0].to_string();
    assert!(w.starts_with("s.txt:3:3: warning: removed 4 "), "{w}");
    assert!(w.contains("U+200F"), "{w}");
}

#[test]
fn empty_statements_are_errors() {
    for text in [
        "",
        "   \n\t\n",
        "\u{a0}\n\u{200b}\n",
        "\u{feff}",
        "+++\nlang = \"en\"\n+++\n\n",
    ] {
        for format in [Format::Plain, Format::Markdown] {
            let err = parse_err(text, format);
            assert_eq!(err, "s.txt: the statement is empty", "{text:?}");
        }
    }
    assert_eq!(
        parse_err("---\n\n***", Format::Markdown),
        "s.txt: the statement is empty"
    );
}

#[test]
fn nbsp_rules() {
    let doc = plain(
        "Title\n\nSo\u{a0}: yes\u{a0}! « oui\u{a0}» «\u{a0}non » Over 50\u{a0}km, 12\u{a0}%, \
         web\u{a0}debris\u{a0} and \u{a0}more x\u{202f}y soft\u{ad}hy zero\u{200b}width \
         a\u{200d}b a\u{200c}b end\u{a0}\u{a0}",
    );
    assert_eq!(
        texts(&doc)[1],
        "So\u{a0}: yes\u{a0}! « oui\u{a0}» «\u{a0}non » Over 50\u{a0}km, 12\u{a0}%, web debris \
         and more x\u{202f}y soft\u{ad}hy zero\u{200b}width a\u{200d}b a\u{200c}b end"
    );
}

#[test]
fn soft_wraps_join_lines() {
    let doc = plain("Title\n\nA line\nwrapped   here\n\t and\u{a0}\nthere.  \n\nNext.");
    assert_eq!(
        texts(&doc),
        vec!["Title", "A line wrapped here and there.", "Next."]
    );
    assert_eq!(lines(&doc), vec![1, 3, 8]);
}

// ---------------------------------------------------------------- plain text roles

#[test]
fn plain_lists() {
    let doc = plain(
        "Title\n\nOur demands are long enough to be body text, really:\n- one\n* two\n  continued \
         here\n• three\n– four\n\n1. first\n2) second\n10. tenth\nwrapped",
    );
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Headline,
            BlockKind::Body,
            item("•", 0),
            item("•", 0),
            item("•", 0),
            item("•", 0),
            item("1.", 0),
            item("2)", 0),
            item("10.", 0),
        ]
    );
    let t = texts(&doc);
    assert_eq!(t[2], "one");
    assert_eq!(t[3], "two continued here");
    assert_eq!(t[8], "tenth wrapped");
    assert_eq!(lines(&doc), vec![1, 3, 4, 5, 7, 8, 10, 11, 12]);
}

#[test]
fn the_line_after_a_list_typed_an_item_a_line_is_not_its_last_item() {
    // Copied from a PDF, without a blank line after the list: the call
    // after it ran on as the third demand.
    let doc = plain(
        "Aufruf\n\nUnsere Forderungen:\n\
         1. Keine Mieterhöhungen, solange Mängel nicht behoben sind.\n\
         2. Eine unabhängige Prüfung der Nebenkostenabrechnungen.\n\
         3. Ein fester Ansprechpartner vor Ort.\n\
         Bringt eure Nachbarn mit!\n",
    );
    let (t, k) = (texts(&doc), kinds(&doc));
    assert_eq!(
        t[t.len() - 2..],
        [
            "Ein fester Ansprechpartner vor Ort.",
            "Bringt eure Nachbarn mit!"
        ]
    );
    assert_eq!(k[k.len() - 2..], [item("3.", 0), BlockKind::Body]);
    // A wrapped item goes on: its first line wider than the items above,
    // or not ending a sentence, or the next line in lower case; and so
    // does every item of a list whose items are wrapped.
    for (last, next) in [
        (
            "3. Ein fester Ansprechpartner für alle Reparaturen im Haus.",
            "Und mehr.",
        ),
        ("3. Ein fester Ansprechpartner", "Vor Ort."),
        ("3. Ein fester Ansprechpartner.", "und mehr."),
    ] {
        let doc = plain(&format!(
            "Aufruf\n\nForderungen:\n1. Keine Erhöhungen.\n2. Eine Prüfung.\n{last}\n{next}\n"
        ));
        let t = texts(&doc);
        assert!(t.last().unwrap().ends_with(next), "{last} / {next}: {t:?}");
        assert!(
            matches!(kinds(&doc).last(), Some(BlockKind::ListItem { .. })),
            "{last}"
        );
    }
    let doc = plain("Aufruf\n\nForderungen:\n1. Keine Erhöhungen\nund mehr.\n2. Eine Prüfung.\nBringt alle mit!\n");
    assert!(texts(&doc).last().unwrap().ends_with("Bringt alle mit!"));
    assert!(matches!(
        kinds(&doc).last(),
        Some(BlockKind::ListItem { .. })
    ));
}

#[test]
fn a_lone_number_at_a_line_start_is_not_a_list() {
    let doc = plain("Titel\n\nHeraus zum\n1. Mai, wie jedes Jahr seit langem schon.\n\nMehr.");
    assert_eq!(
        texts(&doc)[1],
        "Heraus zum 1. Mai, wie jedes Jahr seit langem schon."
    );
    assert_eq!(kinds(&doc)[1], BlockKind::Body);
    // ... but numbered paragraphs next to each other are a loose list.
    let doc = plain("Title\n\n1. First point.\n\n2. Second point.");
    assert_eq!(kinds(&doc)[1..], [item("1.", 0), item("2.", 0)]);
}

#[test]
fn separators_are_kept_as_body() {
    let doc =
        plain("Title\n\nA long first paragraph of the statement.\n\n* * *\n\nMore text here.\n---");
    assert_eq!(
        texts(&doc),
        vec![
            "Title",
            "A long first paragraph of the statement.",
            "* * *",
            "More text here.",
            "---"
        ]
    );
    assert!(doc.blocks[1..].iter().all(|b| b.kind == BlockKind::Body));
}

#[test]
fn no_headline_when_the_statement_opens_with_the_salutation() {
    let doc =
        plain("Liebe Nachbarinnen und Nachbarn,\n\nwir laden euch ein.\n\nEure Hausgemeinschaft");
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Salutation, BlockKind::Body, BlockKind::SignOff]
    );
    assert_eq!(doc.meta.title, None);
}

#[test]
fn a_first_paragraph_of_several_sentences_is_the_text_not_its_headline() {
    // As pasted from an e-mail with no title: set as a headline it took
    // seven lines of 37pt on the A4.
    let opening = "The council plans to close Riverside Library in March to save money. \
                   We think this is wrong, and we ask every neighbour to come to the \
                   meeting on Thursday.";
    let doc = plain(&format!("{opening}\n\nThe library is warm and free.\n"));
    assert_eq!(kinds(&doc), vec![BlockKind::Body, BlockKind::Body]);
    assert_eq!(doc.meta.title, None);
    // One long sentence closed by a full stop is the text too.
    let long = "We are writing to let you know that the meeting planned for Thursday \
                has been moved to the community hall on Mill Lane because of the roadworks.";
    assert_eq!(
        kinds(&plain(&format!("{long}\n\nSee you there.\n")))[0],
        BlockKind::Body
    );
    // Short sentences, a question, an abbreviation: headlines still.
    for headline in [
        "Stop the cuts! Save our library.",
        "We will not be moved.",
        "Who pays for the crisis? Not us!",
        "Save St. Mary's Hospital from closure",
    ] {
        let doc = plain(&format!("{headline}\n\nThe library is warm and free.\n"));
        assert_eq!(kinds(&doc)[0], BlockKind::Headline, "{headline}");
    }
}

#[test]
fn a_wrapped_headline_stays_one_block() {
    let doc = plain("A call for solidarity with\nthe people of the north\n\nBody text.");
    assert_eq!(
        texts(&doc)[0],
        "A call for solidarity with the people of the north"
    );
    // A date or bullet line under it is split off as meta, the bullet
    // line joined to the date it follows.
    let doc = plain("A call\n6/1/23 12:04 PM\n• Tag line\n\nBody text.");
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Headline, BlockKind::Meta, BlockKind::Body]
    );
    assert_eq!(texts(&doc)[1], "6/1/23 • Tag line");
    assert_eq!(lines(&doc), vec![1, 2, 5]);
}

#[test]
fn a_chat_message_in_the_web_pages_box_is_read_as_the_chats_text() {
    // Before: Markdown read WhatsApp's "*NO TO THE BUS CUTS*" as italics.
    let text = "[18:42, 12/03/2026] Maria Lopez: *NO TO THE BUS CUTS*\n\n\
                The 42 runs every hour from April. _Not safe._\n";
    let parsed = parse_ok(text, Format::Markdown);
    let doc = &parsed.document;
    assert_eq!(
        texts(doc),
        [
            "NO TO THE BUS CUTS",
            "The 42 runs every hour from April. Not safe."
        ]
    );
    assert_eq!(bold(&doc.blocks[0]), ["NO TO THE BUS CUTS"]);
    let said: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter().any(|w| w.starts_with(
            "s.txt:1: warning: read as plain text, as a message copied from a chat app"
        )),
        "{said:?}"
    );
    // Markdown without a stamp is Markdown.
    let doc = md("# Title\n\n*italic* text\n");
    assert!(bold(&doc.blocks[1]).is_empty());
}

#[test]
fn an_instagram_captions_spacer_lines_are_blank_lines() {
    // Before: "HANDS OFF OUR PARKS . ." was the headline and "⠀" a word.
    let text = "HANDS OFF OUR PARKS\n.\n.\nThe council wants to sell the park.\n\u{2800}\n\
                Join us at noon.\n .\n#HandsOffOurParks\n";
    for format in [Format::Plain, Format::Markdown] {
        let parsed = parse_ok(text, format);
        assert_eq!(
            texts(&parsed.document),
            [
                "HANDS OFF OUR PARKS",
                "The council wants to sell the park.",
                "Join us at noon.",
                "#HandsOffOurParks"
            ],
            "{format:?}"
        );
        assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
        assert_eq!(
            parsed.warnings[0].to_string(),
            "s.txt:2: warning: a line holding only “.” or an invisible mark (and 3 more), as \
             Instagram captions space their paragraphs, is read as a blank line"
        );
    }
    // A full stop in a line, or "..." alone, is text.
    let doc = plain("Title\n\nWe ask. We act.\n...\n");
    assert_eq!(texts(&doc)[1], "We ask. We act. ...");
}

#[test]
fn a_headline_ends_where_its_date_begins() {
    // Before: the name, the date and the place were one four-line headline.
    let doc = plain(
        "Community Picnic Against Racism\nSunday 22 March 2026 from 12:00-17:00\n\
         Northside Park, bandstand\n\nJoin us.\n",
    );
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            BlockKind::Meta,
            BlockKind::Meta,
            BlockKind::Body
        ]
    );
    // A number that is no date or time stays in a headline typed in lines.
    let doc = plain("Stop the\n7.7%\nrent rise\n\nJoin us.\n");
    assert_eq!(texts(&doc)[0], "Stop the 7.7% rent rise");
    // Copied from an events page: the date and place are the subtitle.
    let doc = plain(
        "Community Picnic\nEvent by Northside Unity Group\nPublic · Anyone on or off Facebook\n\
         Sunday 22 March 2026 from 12:00-17:00\nNorthside Park\n\nJoin us.\n",
    );
    assert_eq!(
        kinds(&doc),
        [BlockKind::Headline, BlockKind::Subtitle, BlockKind::Body]
    );
    assert_eq!(
        texts(&doc)[1],
        "Sunday 22 March 2026 from 12:00-17:00\u{2028}Northside Park"
    );
}

#[test]
fn numbered_sections_are_headings_in_markdown_too() {
    // Before: Markdown read each "1. INTRODUCTION" as a list of one item.
    let text = "# Rents\n\n1. INTRODUCTION\n\nOn 3 February.\n\n2. OUR DEMANDS\n\nA freeze.\n";
    let doc = md(text);
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            BlockKind::Heading(1),
            BlockKind::Body,
            BlockKind::Heading(1),
            BlockKind::Body
        ]
    );
    assert_eq!(texts(&doc)[1], "1. INTRODUCTION");
    assert_eq!(kinds(&plain(text.trim_start_matches("# "))), kinds(&doc));
    // A list of several items, and a lone item over text, stay lists.
    let doc = md("# Rents\n\n1. Rent freeze\n2. Repairs\n\nWe want both.\n\n3. Votes\n\nNow.\n");
    assert_eq!(
        kinds(&doc)[1..4],
        [item("1.", 0), item("2.", 0), BlockKind::Body]
    );
    assert_eq!(kinds(&doc)[4], item("3.", 0));
}

#[test]
fn lists_copied_from_a_word_processor_are_lists() {
    // Before: Google Docs' "●", "○" and the letters of "a)" lists were
    // text, and each list ran into one paragraph with its lead-in.
    let doc = plain(
        "Stop the incinerator\n\n\
         What it means:\n●\tmore air pollution;\n●\t120 lorries a day;\n\
         ○\t40 before 9am;\n■\tpast the school;\n●\ta 90-metre chimney.\n\n\
         What we want:\na) the council to withdraw the plan;\nb) an independent study.\n\n\
         [1] https://example.org/survey.pdf\n[2] https://example.org/plan\n",
    );
    let items: Vec<(String, BlockKind)> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::ListItem { .. }))
        .map(|b| (b.text(), b.kind.clone()))
        .collect();
    assert_eq!(
        items,
        [
            ("more air pollution;".to_string(), item("•", 0)),
            ("120 lorries a day;".to_string(), item("•", 0)),
            ("40 before 9am;".to_string(), item("•", 1)),
            ("past the school;".to_string(), item("•", 2)),
            ("a 90-metre chimney.".to_string(), item("•", 0)),
            (
                "the council to withdraw the plan;".to_string(),
                item("a)", 0)
            ),
            ("an independent study.".to_string(), item("b)", 0)),
            ("https://example.org/survey.pdf".to_string(), item("[1]", 0)),
            ("https://example.org/plan".to_string(), item("[2]", 0)),
        ]
    );
    // Pasted into the web page's box, which reads Markdown, likewise.
    let doc = md(
        "# Stop it\n\nWhat it means:\n●\tmore pollution;\n○\t40 lorries.\n\n\
                  We want:\na) a study;\nb) a vote.\n",
    );
    assert_eq!(
        kinds(&doc)[1..],
        [
            BlockKind::Body,
            item("•", 0),
            item("•", 1),
            BlockKind::Body,
            item("a)", 0),
            item("b)", 0)
        ]
    );
    // Word's bullets as plain text: "·", then "o" and "§", with tabs.
    let doc = plain("Title\n\nWe ask for:\n·\trepairs;\no\tthe roof;\n§\tthe gutters.\n");
    assert_eq!(kinds(&doc)[2..], [item("•", 0), item("•", 1), item("•", 2)]);
    // A check mark says more than a bullet: it stays.
    let doc = plain("Title\n\nWe won:\n✔ repairs;\n✔ a freeze.\n");
    assert_eq!(kinds(&doc)[2..], [item("✔", 0), item("✔", 0)]);
    // A German club's "e. V." wrapped to a line's start is no item.
    let doc = plain("Title\n\nText.\n\nMieterverein Nord\ne. V.\n");
    assert!(kinds(&doc)
        .iter()
        .all(|k| !matches!(k, BlockKind::ListItem { .. })));
}

#[test]
fn a_heading_typed_over_its_paragraph_stands_apart() {
    // Before: a heading over a short paragraph, with no blank line
    // between, was a line of that paragraph, while the same heading over
    // a longer one stood apart; a numbered one ran into its text as a
    // list item ("1. Minutes of the last meeting Agreed as a true record.").
    let long = "The council wants to close the pool in April and sell the land. \
                It says the building costs too much to repair.";
    let doc = plain(&format!(
        "Save Our Pool\n\nWho we are\nWe are swimmers and lifeguards.\n\n\
         What is happening\n{long}\n\n\
         1. Minutes\nAgreed as a true record.\n\n2. Next steps\nWe lobby the council.\n",
    ));
    assert_eq!(
        texts(&doc)[1..],
        [
            "Who we are",
            "We are swimmers and lifeguards.",
            "What is happening",
            long,
            "1. Minutes",
            "Agreed as a true record.",
            "2. Next steps",
            "We lobby the council."
        ]
    );
    assert!(kinds(&doc)[1..]
        .iter()
        .step_by(2)
        .all(|k| *k == BlockKind::Heading(1)));
    // An address ends no sentence, and a line that goes on in lower case
    // goes on its sentence: both stay one paragraph (their line breaks
    // kept, as a text written a paragraph a line has them).
    let doc = plain(&format!(
        "Save Our Pool\n\n{long}\n\nWestgate Pool\n14 Elm Road\n\n\
         Join us on Saturday\nat the town hall.\n"
    ));
    assert_eq!(
        texts(&doc)[2..],
        [
            "Westgate Pool\u{2028}14 Elm Road",
            "Join us on Saturday\u{2028}at the town hall."
        ]
    );
}

#[test]
fn headings_of_caseless_scripts_head_their_sections() {
    // Before: "हम कौन हैं" over its paragraph stayed a line of it, in body
    // type, for a heading had to open with a capital; and in Thai, which
    // ends a sentence with no mark, every line under the headline was a
    // gray meta line, or the sign-off.
    let parsed = parse_ok(
        "मज़दूरों की माँगें\n\nहम कौन हैं\nहम शहर के निर्माण मज़दूर हैं। हम रोज़ बारह घंटे \
         काम करते हैं और हमें न्यूनतम मज़दूरी भी नहीं मिलती।\n\nहमारी माँगें\nन्यूनतम मज़दूरी, \
         आठ घंटे का काम, सुरक्षा के उपकरण और हर मज़दूर का पंजीकरण।\n",
        Format::Plain,
    );
    let heading = BlockKind::Heading(1);
    assert_eq!(
        kinds(&parsed.document),
        [
            BlockKind::Headline,
            heading.clone(),
            BlockKind::Body,
            heading.clone(),
            BlockKind::Body
        ]
    );
    // A heading over its text is no paragraphs run together: no warning.
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let doc = plain(
        "หยุดการไล่รื้อชุมชน\n\nเราคือใคร\nเราเป็นชาวชุมชนริมคลองที่อยู่ที่นี่มากว่าห้าสิบปี \
         มีครอบครัวกว่าสามร้อยครอบครัว\n\nข้อเรียกร้อง\nหยุดการไล่รื้อจนกว่าจะมีที่อยู่ใหม่ที่เหมาะสม \
         และให้ชุมชนมีส่วนร่วมในการวางแผน\n\nนัดหมาย\nวันเสาร์ที่ 12 ธันวาคม เวลา 9 นาฬิกา \
         ที่ศาลาว่าการเขต\n",
    );
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            heading.clone(),
            BlockKind::Body,
            heading.clone(),
            BlockKind::Body,
            heading,
            BlockKind::Body
        ]
    );
    // Without headings, Thai paragraphs are text, never meta lines.
    let doc = plain(
        "หยุดการไล่รื้อชุมชน\n\nเราเป็นชาวชุมชนริมคลองที่อยู่ที่นี่มากว่าห้าสิบปี\n\n\
         หยุดการไล่รื้อจนกว่าจะมีที่อยู่ใหม่ที่เหมาะสม\n\nเราเป็นชาวชุมชน\n\nวันเสาร์ที่ 12 ธันวาคม\n\n\
         ข้อเรียกร้องของชุมชนริมคลองทั้งหมด\n",
    );
    assert_eq!(kinds(&doc)[1..3], [BlockKind::Body, BlockKind::Body]);
}

#[test]
fn lines_under_a_headline_with_nothing_after_them_are_its_text() {
    // Before: a poster's date and place under its headline, with no other
    // text, were gray meta lines at half the body's size.
    let doc = plain("STRIKE\n\nMonday 9 March\n\nPicket lines from 6am at every depot\n");
    assert_eq!(
        kinds(&doc),
        [BlockKind::Headline, BlockKind::Body, BlockKind::Body]
    );
    // Over a text, they are still its meta lines.
    let doc = plain("STRIKE\n\nMonday 9 March\n\nWe are out because the company will not talk.\n");
    assert_eq!(
        kinds(&doc),
        [BlockKind::Headline, BlockKind::Meta, BlockKind::Body]
    );
}

#[test]
fn asterisked_notes_and_comma_separated_rows_are_read_as_such() {
    // Before: "* Cabinet report" was a list's item, its asterisk printed
    // as a bullet, and "** Figures…" ran into it.
    let doc = plain(
        "Keep the baths open\n\nThey close in April.* A pool for 1,200 children.**\n\n\
         * Cabinet report, item 7.\n** Figures from the club.\n",
    );
    assert_eq!(
        kinds(&doc)[2..],
        [
            BlockKind::Note { marker: "*".into() },
            BlockKind::Note {
                marker: "**".into()
            }
        ]
    );
    assert_eq!(texts(&doc)[3], "Figures from the club.");
    // Before: comma-separated rows were gray meta lines under the headline.
    let parsed = parse_ok(
        "Ballot results\n\nBranch, Yes, No\nNorth, 91%, 9%\nSouth, 88%, 12%\n\n\
         Every branch voted yes.\n",
        Format::Plain,
    );
    let doc = &parsed.document;
    assert_eq!(
        kinds(doc),
        [BlockKind::Headline, BlockKind::Body, BlockKind::Body]
    );
    assert!(is_table(&doc.blocks[1].spans));
    assert_eq!(texts(doc)[1].split('\t').nth(3), Some("91%"));
    assert!(doc.blocks[1].spans[0].style.bold);
    assert_eq!(parsed.warnings.len(), 1);
}

#[test]
fn addresses_typed_a_line_each_keep_their_lines() {
    // Before: each address was read as the rest of a wrapped line (the
    // next never fits on the line before), and they ran on.
    let doc = plain(
        "Useful links\n\nRead the report and our reply before the meeting:\n\
         https://www.example-council.gov.uk/documents/s123456/report.pdf\n\
         https://www.example.org/our-reply\n\nWrite to your councillor:\n\
         smith@example-council.gov.uk\njones@example-council.gov.uk\n\n\
         We meet every Tuesday at 7pm in the library.\n",
    );
    assert_eq!(
        texts(&doc)[1..3],
        [
            "Read the report and our reply before the meeting:\u{2028}\
             https://www.example-council.gov.uk/documents/s123456/report.pdf\u{2028}\
             https://www.example.org/our-reply",
            "Write to your councillor:\u{2028}smith@example-council.gov.uk\u{2028}\
             jones@example-council.gov.uk"
        ]
    );
    // In Markdown too.
    let doc = md("# Links\n\nhttps://example.org/a\nhttps://example.org/b\n");
    assert_eq!(
        texts(&doc)[1],
        "https://example.org/a\u{2028}https://example.org/b"
    );
}

#[test]
fn a_sectioned_texts_last_heading_stands_over_a_short_line() {
    // Before: "일시와 장소" over its one short line stayed a line of it,
    // where the headings over longer paragraphs stood apart.
    let doc = plain(
        "강제 철거 반대\n\n우리는 누구인가\n우리는 강변 마을 주민입니다. 오십 년 넘게 이곳에 \
         살아 왔고 삼백 가구가 넘습니다.\n\n일시와 장소\n12월 12일 토요일 오전 9시, 구청 앞.\n",
    );
    assert_eq!(
        kinds(&doc)[1..],
        [
            BlockKind::Heading(1),
            BlockKind::Body,
            BlockKind::Heading(1),
            BlockKind::Body
        ]
    );
}

#[test]
fn a_petitions_rows_of_blanks_are_a_table() {
    // Before: "Name | Address | Signature" and its rows of blanks ran on
    // as a paragraph, or, between tabs, each row of blanks was a
    // separator.
    for sep in [" | ", "\t"] {
        let row = ["_____"; 3].join(sep);
        let doc = plain(&format!(
            "Petition\n\nWe call on the council to act.\n\n\
             {}\n{row}\n{row}\n\nReturn to: 3 Mill Lane.\n",
            ["Name", "Address", "Signature"].join(sep)
        ));
        assert_eq!(kinds(&doc).len(), 4, "{:?}", texts(&doc));
        assert!(is_table(&doc.blocks[2].spans), "{:?}", texts(&doc));
    }
}

#[test]
fn headings_marked_with_a_pictograph_head_their_sections() {
    // Before: "📚 What is happening" under the headline was its subtitle,
    // and "✊ What we want" stayed a line of its paragraph.
    let doc = plain(
        "Save Oakfield Library\n\n📚 What is happening\nThe council plans to close the \
         library in March and move a few shelves of books into the leisure centre.\n\n\
         ✊ What we want\nKeep the library open five days a week, with a librarian.\n",
    );
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            BlockKind::Heading(1),
            BlockKind::Body,
            BlockKind::Heading(1),
            BlockKind::Body
        ]
    );
    assert_eq!(texts(&doc)[3], "✊ What we want");
    // One such line under the headline, with no other heading, is still
    // its subtitle.
    let doc = plain(
        "Save Oakfield Library\n\n📍 Saturday, Town Hall\n\nThe council plans to close it.\n",
    );
    assert_eq!(kinds(&doc)[1], BlockKind::Subtitle);
}

#[test]
fn indented_items_of_a_plain_list_are_nested() {
    // Before: "   a) Chair" under "5. Election of officers" was an item
    // of the numbered list, its place in the agenda lost.
    let doc = plain(
        "AGM agenda\n\n\
         1. Welcome\n2. Election of officers\n   a) Chair\n   b) Secretary\n\
         3. Motions\n\tb) rents\n\t\t- the ballot\n  c) repairs\n4. Any other business\n",
    );
    assert_eq!(
        kinds(&doc)[1..],
        [
            item("1.", 0),
            item("2.", 0),
            item("a)", 1),
            item("b)", 1),
            item("3.", 0),
            item("b)", 1),
            item("•", 2),
            item("c)", 1),
            item("4.", 0)
        ]
    );
    // In Markdown, lettered lines under an item of its own list ran into
    // the item's text ("Election of officers a) Chair b) Secretary").
    let doc = md(
        "# AGM agenda\n\n1. Welcome\n2. Election of officers\n   a) Chair\n   \
                  b) Secretary\n3. Motions\n",
    );
    assert_eq!(
        kinds(&doc)[1..],
        [
            item("1.", 0),
            item("2.", 0),
            item("a)", 1),
            item("b)", 1),
            item("3.", 0)
        ]
    );
    assert_eq!(
        texts(&doc)[2..5],
        ["Election of officers", "Chair", "Secretary"]
    );
    // One column further in is a number set flush right, not a level.
    let doc = plain("Demands\n\n 8. Eight\n 9. Nine\n10. Ten\n");
    assert_eq!(
        kinds(&doc)[1..],
        [item("8.", 0), item("9.", 0), item("10.", 0)]
    );
}

#[test]
fn pictograph_lines_under_the_headline_are_its_subtitle_a_line_each() {
    // Before: a chat message's "📍 place / 📅 day / 🕚 time" were meta
    // lines, the smallest and grayest on the page.
    let lines = "📍 St Mary’s Hospital, main gate\n📅 Saturday 14 March\n🕚 11am";
    let shown = "📍 St Mary’s Hospital, main gate\u{2028}📅 Saturday 14 March\u{2028}🕚 11am";
    for doc in [
        plain(&format!(
            "RALLY FOR OUR NURSES\n\n{lines}\n\nOur nurses had a pay cut.\n"
        )),
        md(&format!(
            "# Rally for our nurses\n\n{lines}\n\nOur nurses had a pay cut.\n"
        )),
    ] {
        assert_eq!(
            kinds(&doc),
            [BlockKind::Headline, BlockKind::Subtitle, BlockKind::Body]
        );
        assert_eq!(texts(&doc)[1], shown);
    }
    // A paragraph of sentences that opens with one is text.
    let doc = md("# Strike\n\n📢 All drivers: meeting on Monday. Bring your card.\n\nText.\n");
    assert_eq!(kinds(&doc)[1], BlockKind::Body);
    // A date paragraph with a pictograph line is the writer's, not meta.
    let doc = plain("RALLY\n\n14 March 2026\n⏰ 11am\n\nText.\n");
    assert_eq!(kinds(&doc)[1], BlockKind::Body);
    // "©" and "™" open a clipping's imprint as text, not as pictographs;
    // digits, "#" and flags are parts of emoji, not pictographs.
    for (line, pictograph) in [
        ("📍 Town Hall", true),
        ("⏰ 11am", true),
        ("✊🏽 Join us", true),
        ("☎\u{FE0F} 0800 123", true),
        ("© 2026 Example News", false),
        ("™ Example", false),
        ("‼\u{FE0F} Urgent", true),
        ("2026", false),
        ("#SaveStMarys", false),
        ("🇬🇧 English", false),
        ("→ page 2", false),
    ] {
        assert_eq!(
            super::classify::opens_with_pictograph(line),
            pictograph,
            "{line}"
        );
    }
}

#[test]
fn a_bold_line_under_the_headline_is_its_subtitle_never_a_meta_line() {
    // Before: set as a meta line, the meeting's time and place were the
    // leaflet's smallest, grayest line.
    let when = "Open meeting: Thursday 14 January, 7 pm, Civic Centre";
    let doc = md(&format!(
        "# No more evictions\n\n**{when}**\n\nNeighbours,\n\nText.\n"
    ));
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            BlockKind::Subtitle,
            BlockKind::Salutation,
            BlockKind::Body
        ]
    );
    assert_eq!(texts(&doc)[1], when);
    assert_eq!(bold(&doc.blocks[1]), [when]);
    // So in a plain text, bold as a chat marks it.
    let doc = plain(&format!("No more evictions\n\n*{when}*\n\nText."));
    assert_eq!(kinds(&doc)[1], BlockKind::Subtitle);
    // Lines with bold labels are text, not meta lines.
    let doc =
        md("# No more evictions\n\n**When:** Thursday, 7 pm  \n**Where:** Civic Centre\n\nText.\n");
    assert_eq!(
        kinds(&doc),
        [BlockKind::Headline, BlockKind::Body, BlockKind::Body]
    );
    // A plain date line stays a meta line; a bold lead too long for a
    // subtitle, a bold salutation and a bold list are what they were.
    let doc = md("# Title\n\n14 January 2026\n\nText.\n");
    assert_eq!(kinds(&doc)[1], BlockKind::Meta);
    let lead = "We will not move. ".repeat(12);
    let doc = md(&format!("# Title\n\n**{}**\n\nText.\n", lead.trim()));
    assert_eq!(kinds(&doc)[1], BlockKind::Body);
    let doc = md("# Title\n\n**Dear neighbours,**\n\nText.\n");
    assert_eq!(kinds(&doc)[1], BlockKind::Salutation);
    let doc = md("# Title\n\n- **Repairs**\n- **Rents**\n\nText.\n");
    assert_eq!(kinds(&doc)[1], item("•", 0));
    // With a subtitle in the front matter, the bold line is body text.
    let doc = md(&format!(
        "+++\nsubtitle = \"Tenants' union\"\n+++\n# No more evictions\n\n**{when}**\n\nText.\n"
    ));
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            BlockKind::Subtitle,
            BlockKind::Body,
            BlockKind::Body
        ]
    );
    assert_eq!(texts(&doc)[1..3], ["Tenants' union", when]);
}

#[test]
fn a_line_repeating_the_headline_before_a_dash_gives_its_deck_as_subtitle() {
    // The Serbian samples open so: set as a meta line, the deck was small
    // and grey, the headline's words in it a second time.
    let text = "+++\ntitle = \"Save Lipa Park\"\ndate = \"21 March 2026\"\n+++\n\n\
                Save Lipa Park – the last green space in our street\n\nNeighbours,\n\nText.\n";
    let parsed = parse_ok(text, Format::Plain);
    let doc = &parsed.document;
    assert_eq!(
        kinds(doc),
        [
            BlockKind::Headline,
            BlockKind::Subtitle,
            BlockKind::Meta,
            BlockKind::Salutation,
            BlockKind::Body
        ]
    );
    assert_eq!(texts(doc)[1], "the last green space in our street");
    let said: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        said,
        [
            "s.txt:6:1: warning: “Save Lipa Park –” repeats the headline; left off, \
          and the rest set as its subtitle"
        ]
    );
    // From a Markdown headline too.
    let doc = md("# Save Lipa Park\n\nSave Lipa Park: a call\n\nText.\n");
    assert_eq!(texts(&doc)[..2], ["Save Lipa Park", "a call"]);
    // A front matter subtitle wins: the line stays a meta line, whole.
    let doc = plain(
        "+++\ntitle = \"Save Lipa Park\"\nsubtitle = \"A call\"\n+++\n\n\
         Save Lipa Park – a call\n\nText.\n",
    );
    assert_eq!(kinds(&doc)[2], BlockKind::Meta);
    assert_eq!(texts(&doc)[2], "Save Lipa Park – a call");
    // A sentence that opens with the headline's words is body text.
    let doc = plain("Save Lipa Park\n\nSave Lipa Park – it is all we have left.\n\nText.\n");
    assert_eq!(kinds(&doc)[1], BlockKind::Body);
}

#[test]
fn a_bold_line_repeating_the_headline_keeps_only_its_deck() {
    // Bold under the headline, it is the subtitle; taken whole, the
    // headline stood twice, one above the other.
    let parsed = parse_ok(
        "# Save Lipa Park\n\n**Save Lipa Park – we will not give it up**\n\nText.\n",
        Format::Markdown,
    );
    let doc = &parsed.document;
    assert_eq!(kinds(doc)[..2], [BlockKind::Headline, BlockKind::Subtitle]);
    assert_eq!(texts(doc)[1], "we will not give it up");
    assert!(doc.blocks[1].spans.iter().all(|s| s.style.bold));
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
    assert!(parsed.warnings[0]
        .to_string()
        .contains("“Save Lipa Park –” repeats the headline"));
    // A bold subtitle of its own stays whole.
    let doc = md("# Save Lipa Park\n\n**Saturday, 10 am, at the gate**\n\nText.\n");
    assert_eq!(texts(&doc)[1], "Saturday, 10 am, at the gate");
}

#[test]
fn a_markdown_warning_points_at_its_words_past_the_markup() {
    // The column counted in the line's text put both at the line's start
    // or a character short: "s.md:3:1" for "**Save …", "5:8" for the time.
    let parsed = parse_ok(
        "# Save Lipa Park\n\n**Save Lipa Park – we will not give it up**\n\n\
         *6/1/23 12:04 PM*\n\nText.\n",
        Format::Markdown,
    );
    let at: Vec<_> = parsed.warnings.iter().map(|w| &w.at).collect();
    assert_eq!(
        at,
        [&Location::at("s.txt", 3, 3), &Location::at("s.txt", 5, 9)],
        "{:?}",
        parsed.warnings
    );
    // Plain text has no markup: the columns as counted.
    let parsed = parse_ok(
        "Save Lipa Park\n\n6/1/23 12:04 PM\n\nText.\n",
        Format::Plain,
    );
    assert_eq!(parsed.warnings[0].at, Location::at("s.txt", 3, 8));
}

#[test]
fn a_paragraph_repeating_the_headline_word_for_word_is_left_off() {
    // A web page's title copied over its own heading printed the headline
    // twice.
    // The column is where the words start in the file, past the markup.
    for (text, format, at) in [
        (
            "Save Lipa Park\n\nSave Lipa Park!\n\nText.\n",
            Format::Plain,
            "s.txt:3:1",
        ),
        (
            "# Save Lipa Park\n\n**SAVE LIPA PARK**\n\nText.\n",
            Format::Markdown,
            "s.txt:3:3",
        ),
        (
            "# Save Lipa Park\n\n## Save Lipa Park\n\nText.\n",
            Format::Markdown,
            "s.txt:3:4",
        ),
    ] {
        let parsed = parse_ok(text, format);
        assert_eq!(
            texts(&parsed.document),
            ["Save Lipa Park", "Text."],
            "{text}"
        );
        let said: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with(&format!("{at}: warning: “"))
                && said[0].ends_with("” repeats the headline word for word; left off"),
            "{said:?}"
        );
    }
    // Saying more than the headline, it stays.
    let doc = plain("Save Lipa Park\n\nSave Lipa Park now\n\nText.\n");
    assert_eq!(texts(&doc)[1], "Save Lipa Park now");
}

#[test]
fn meta_lines_stop_at_prose() {
    let doc = plain("Title\n\n1 June 2023\n\nBelgrade\n\nThe first paragraph is prose.");
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Headline,
            BlockKind::Meta,
            BlockKind::Meta,
            BlockKind::Body
        ]
    );
    // A short line ending with a full stop is not meta; nor are list paragraphs.
    let doc = plain("Title\n\nShort sentence.\n\n- a\n- b");
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Headline,
            BlockKind::Body,
            item("•", 0),
            item("•", 0)
        ]
    );
}

#[test]
fn salutations() {
    for s in [
        "Dear comrades,",
        "Liebe Nachbarinnen und Nachbarn,",
        "To the workers:",
        "Genossinnen und Genossen!",
        "Dear friends",
    ] {
        let doc = plain(&format!("Title\n\n{s}\n\nBody text that is long enough."));
        assert_eq!(kinds(&doc)[1], BlockKind::Salutation, "{s}");
    }
    let doc = plain(
        "Title\n\nWe call on everyone, everywhere, to join the protests on Saturday,\n\nBody.",
    );
    assert_eq!(kinds(&doc)[1], BlockKind::Body);
    // A group named after its members is who signs, under the headline:
    // "Friends of Amal" had been read as a greeting and set as the body.
    for s in [
        "Friends of Amal",
        "Friends of the Earth Northbridge",
        "Comrades for Peace",
    ] {
        let doc = plain(&format!("Title\n\n{s}\n\nBody text that is long enough."));
        assert_eq!(kinds(&doc)[1], BlockKind::Meta, "{s}");
    }
}

#[test]
fn sign_offs_are_conservative() {
    let body = "Title\n\nDear all,\n\nA long body paragraph that says what the statement is about.";
    let cases: &[(&str, &[BlockKind])] = &[
        (
            "In solidarity,\nThe Central Committee",
            &[BlockKind::SignOff, BlockKind::SignOff],
        ),
        (
            "Long live the struggle! Workers of the world, unite!",
            &[BlockKind::SignOff],
        ),
        ("Best regards.", &[BlockKind::SignOff]),
        (
            "New Communist Party of Yugoslavia\n\nBelgrade, 1 June 2023",
            &[BlockKind::SignOff, BlockKind::SignOff],
        ),
        ("Please write to us. We answer.", &[BlockKind::Body]),
        ("Is this the end?", &[BlockKind::Body]),
        (
            "We demand the release of\nall prisoners now",
            &[BlockKind::Body],
        ),
    ];
    for (tail, want) in cases {
        let doc = plain(&format!("{body}\n\n{tail}"));
        assert_eq!(kinds(&doc)[3..], **want, "{tail}");
    }
    // Nothing but short paragraphs: no sign-off without a body before it.
    let doc = plain("Title\n\nDear all,\n\nJoin us!");
    assert_eq!(kinds(&doc)[2], BlockKind::Body);
}

#[test]
fn plain_text_keeps_markdown_syntax() {
    // Headings and links are Markdown's alone: a plain text keeps them as
    // written. Stars around a word are how chat apps and plain-text mail
    // mark emphasis too, and are read so (see `emphasis`).
    let doc = plain("# Title with [a link](https://example.org)\n\nSome **bold** text.");
    assert_eq!(
        texts(&doc),
        vec![
            "# Title with [a link](https://example.org)",
            "Some bold text."
        ]
    );
    assert!(doc.blocks[0]
        .spans
        .iter()
        .all(|s| s.style == Style::default()));
    assert_eq!(bold(&doc.blocks[1]), ["bold"]);
}

// ---------------------------------------------------------------- front matter

#[test]
fn front_matter_fields() {
    let parsed = parse_ok(
        "+++\ntitle = \"Solidarity  with Kosovo\"\nsubtitle = \"A call\"\nlang = \"en\"\n\
         date = 2023-06-01\nauthor = \"NCPY\"\nimprint = \"Printed by us\"\n+++\n\
         Solidarity with Kosovo\n\nThe first paragraph of the text.",
        Format::Plain,
    );
    let doc = parsed.document;
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Headline,
            BlockKind::Subtitle,
            BlockKind::Meta,
            BlockKind::Meta,
            BlockKind::Body,
            BlockKind::Imprint
        ]
    );
    assert_eq!(
        texts(&doc),
        vec![
            "Solidarity with Kosovo",
            "A call",
            "2023-06-01",
            "NCPY",
            "The first paragraph of the text.",
            "Printed by us"
        ]
    );
    // The headline is the text's own first paragraph (it equals the title);
    // the date, then the author, head the meta lines; the imprint ends it.
    assert_eq!(lines(&doc), vec![9, 3, 5, 6, 11, 7]);
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("Solidarity with Kosovo"));
    assert_eq!(m.subtitle.as_deref(), Some("A call"));
    assert_eq!(m.lang.as_deref(), Some("en"));
    assert_eq!(m.date.as_deref(), Some("2023-06-01"));
    assert_eq!(m.author.as_deref(), Some("NCPY"));
    assert_eq!(m.imprint.as_deref(), Some("Printed by us"));
}

#[test]
fn front_matter_title_differs_from_first_paragraph() {
    let doc = plain("+++\ntitle = \"Big title\"\ndate = \"1 June\"\n+++\n\nKicker line\n1 June 2023\n\nBody text.");
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Headline,
            BlockKind::Meta,
            BlockKind::Meta,
            BlockKind::Body
        ]
    );
    // The date is in the text already, so no extra meta block.
    assert_eq!(
        texts(&doc),
        vec!["Big title", "Kicker line", "1 June 2023", "Body text."]
    );
    assert_eq!(lines(&doc), vec![2, 6, 7, 9]);
}

#[test]
fn front_matter_unknown_key() {
    let err = parse_err(
        "+++\ntitle = \"T\"\n  titel = \"x\"\n+++\nText.",
        Format::Plain,
    );
    assert!(
        err.starts_with("s.txt:3:3: unknown front matter key `titel`; did you mean `title`?"),
        "{err}"
    );
    let err = parse_err("+++\ncolour = \"red\"\n+++\nText.", Format::Plain);
    assert!(
        err.starts_with("s.txt:2:1: unknown front matter key `colour`; (known keys"),
        "{err}"
    );
}

#[test]
fn front_matter_errors() {
    let err = parse_err("+++\ntitle = \"T\"\n\nText.", Format::Plain);
    assert!(
        err.starts_with("s.txt:1:1: the front matter opened here with +++ is never closed"),
        "{err}"
    );
    let err = parse_err("+++\ntitle = \"T\"\ndate = \n+++\nText.", Format::Plain);
    assert!(
        err.starts_with("s.txt:3:8: the front matter is not valid TOML"),
        "{err}"
    );
    assert!(!err.contains('\n'), "{err}");
    let err = parse_err("+++\ntitle = 3\n+++\nText.", Format::Markdown);
    assert!(
        err.starts_with("s.txt:2:9: front matter `title` must be a string"),
        "{err}"
    );
    let err = parse_err("+++\nlang = \"en_GB\"\n+++\nText.", Format::Plain);
    assert!(
        err.starts_with("s.txt:2:8:") && err.contains("write \"en-GB\""),
        "{err}"
    );
    let err = parse_err("+++\ntitle = \"a\\u0000b\"\n+++\nText.", Format::Plain);
    assert!(err.starts_with("s.txt:2:9: U+0000"), "{err}");
    let err = parse_err("---\ntitle: Hello\n---\nText.", Format::Markdown);
    assert!(err.contains("TOML front matter between +++ lines"), "{err}");
}

#[test]
fn front_matter_crlf_positions() {
    let err = parse_err(
        "+++\r\ntitle = \"T\"\r\nauthors = \"x\"\r\n+++\r\nText.",
        Format::Plain,
    );
    assert!(
        err.starts_with("s.txt:3:1: unknown front matter key `authors`; did you mean `author`?"),
        "{err}"
    );
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_emphasis() {
    let doc = md("# Title\n\nA *it* and **bold** and ***both*** and _x **y**_ `code`.");
    let spans = &doc.blocks[1].spans;
    let it = Style {
        italic: true,
        bold: false,
        strike: false,
    };
    let bo = Style {
        italic: false,
        bold: true,
        strike: false,
    };
    let both = Style {
        italic: true,
        bold: true,
        strike: false,
    };
    let got: Vec<(&str, Style)> = spans.iter().map(|s| (s.text.as_str(), s.style)).collect();
    assert_eq!(
        got,
        vec![
            ("A ", Style::default()),
            ("it", it),
            (" and ", Style::default()),
            ("bold", bo),
            (" and ", Style::default()),
            ("both", both),
            (" and ", Style::default()),
            ("x ", it),
            ("y", both),
            (" code.", Style::default()),
        ]
    );
}

#[test]
fn markdown_headings() {
    let doc =
        md("Intro line\n\n# Headline\n\n## Section\n\nText.\n\n### Sub\n\n# Again\n\n###### Six");
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Body,
            BlockKind::Headline,
            BlockKind::Heading(1),
            BlockKind::Body,
            BlockKind::Heading(2),
            BlockKind::Heading(1),
            BlockKind::Heading(5),
        ]
    );
    assert_eq!(lines(&doc), vec![1, 3, 5, 7, 9, 11, 13]);
    // Without a level-1 heading, the first paragraph is the headline.
    let doc = md("A statement\n\n## Part\n\nText.");
    assert_eq!(kinds(&doc)[0], BlockKind::Headline);
    // ... or the first heading of any level.
    let doc = md("## A statement\n\nText.");
    assert_eq!(kinds(&doc), vec![BlockKind::Headline, BlockKind::Body]);
}

#[test]
fn markdown_title_from_front_matter() {
    let doc = md("+++\ntitle = \"Front\"\n+++\n# Other\n\nText.");
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Headline, BlockKind::Heading(1), BlockKind::Body]
    );
    assert_eq!(lines(&doc), vec![2, 4, 6]);
    let doc = md("+++\ntitle = \"Front\"\n+++\n# front\n\nText.");
    assert_eq!(kinds(&doc), vec![BlockKind::Headline, BlockKind::Body]);
    assert_eq!(lines(&doc), vec![4, 6]);
}

#[test]
fn markdown_lists() {
    let doc = md(
        "# T\n\n- a\n- b\n  - b1\n    1. deep\n  - b2\n- c\n\n   c again\n\n3) three\n4) four\n\n7. seven",
    );
    assert_eq!(
        kinds(&doc)[1..],
        [
            item("•", 0),
            item("•", 0),
            item("•", 1),
            item("1.", 2),
            item("•", 1),
            item("•", 0),
            item("", 0),
            item("3)", 0),
            item("4)", 0),
            item("7.", 0),
        ]
    );
    assert_eq!(
        texts(&doc)[1..],
        ["a", "b", "b1", "deep", "b2", "c", "c again", "three", "four", "seven"]
    );
    assert_eq!(lines(&doc)[1..], [3, 4, 5, 6, 7, 8, 10, 12, 13, 15]);
}

#[test]
fn markdown_quotes() {
    let doc = md("# T\n\n> Quoted *one*\n> still one\n>\n> two\n> - listed\n\nAfter.");
    assert_eq!(
        kinds(&doc)[1..],
        [
            BlockKind::Quote,
            BlockKind::Quote,
            item("•", 0),
            BlockKind::Body
        ]
    );
    assert_eq!(texts(&doc)[1], "Quoted one still one");
    assert_eq!(lines(&doc)[1..], [3, 6, 7, 9]);
}

#[test]
fn markdown_links_keep_their_url() {
    let doc = md(
        "# T\n\nSee [our site](https://example.org/a) and <https://example.org/b>, \
         <mail@example.org>, [https://x.org](https://x.org) and [](https://empty.org).",
    );
    assert_eq!(
        texts(&doc)[1],
        "See our site (https://example.org/a) and https://example.org/b, mail@example.org, \
         https://x.org and https://empty.org."
    );
}

#[test]
fn markdown_images_html_and_code_warn_but_keep_text() {
    let parsed = parse_ok(
        "# T\n\nText.\n\n![A photo of the march](march.jpg)\n\n<div>raw html</div>\n\n\
         Some <b>inline</b> html.\n\n    code line one\n    code line two\n\n    second\n\n---\n\nEnd of it all here.",
        Format::Markdown,
    );
    let doc = &parsed.document;
    assert_eq!(
        texts(doc),
        vec![
            "T",
            "Text.",
            "A photo of the march",
            "raw html",
            "Some inline html.",
            "code line one code line two",
            "second",
            "End of it all here.",
        ]
    );
    assert!(doc.blocks[2..].iter().all(|b| b.kind == BlockKind::Body));
    assert_eq!(lines(doc), vec![1, 3, 5, 7, 9, 11, 14, 18]);
    let w: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 4, "{w:?}");
    assert_eq!(
        w[0],
        "s.txt:5:1: warning: images in the statement are not placed; put pictures in the layout"
    );
    assert!(w[1].starts_with("s.txt:7:1: warning: HTML"), "{w:?}");
    assert!(w[2].starts_with("s.txt:9:6: warning: HTML"), "{w:?}");
    assert!(w[3].starts_with("s.txt:11:"), "{w:?}");
}

#[test]
fn markdown_html_is_read_for_its_text_and_what_its_tags_mean() {
    let parsed = parse_ok(
        "<h1>Stop the <em>evictions</em></h1>\n\n\
         <p>The council voted to sell the <strong>Mill Road</strong> estate.<br>\n\
         Two hundred families live there &ndash; and stay.</p>\n\
         <!-- ask Ana for the number -->\n\
         <ul>\n  <li>Thursday, 7&nbsp;pm</li>\n  <li>The hall, <a href=\"https://example.org/map\">map</a></li>\n</ul>\n\n\
         A <span class=\"x\">span</span> in Markdown.\n\n\
         <script>track('<b>')</script>\n",
        Format::Markdown,
    );
    let doc = &parsed.document;
    assert_eq!(
        texts(doc),
        vec![
            "Stop the evictions",
            "The council voted to sell the Mill Road estate.\u{2028}Two hundred families live there – and stay.",
            "Thursday, 7\u{a0}pm",
            "The hall, map (https://example.org/map)",
            "A span in Markdown.",
        ]
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Headline);
    assert!(doc.blocks[0]
        .spans
        .iter()
        .any(|s| s.style.italic && s.text == "evictions"));
    assert!(doc.blocks[1]
        .spans
        .iter()
        .any(|s| s.style.bold && s.text == "Mill Road"));
    assert!(doc.blocks[1]
        .spans
        .iter()
        .any(|s| !s.style.bold && s.text.contains("estate")));
    assert!(matches!(&doc.blocks[2].kind, BlockKind::ListItem { marker, .. } if marker == "•"));
    let w: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    let at = |says: &str| {
        w.iter()
            .find(|w| w.contains(says))
            .map(|w| w.split(": warning").next().unwrap_or_default().to_string())
    };
    // Each warning where it applies: the comment and the script at their
    // own lines, the tags at a block's first tag.
    assert_eq!(at("comment").as_deref(), Some("s.txt:5:1"), "{w:?}");
    assert_eq!(at("script").as_deref(), Some("s.txt:13:1"), "{w:?}");
    assert_eq!(at("HTML tags").as_deref(), Some("s.txt:1:1"), "{w:?}");
    assert_eq!(
        w.iter().filter(|w| w.contains("HTML tags")).count(),
        3,
        "{w:?}"
    );
}

#[test]
fn markdown_footnotes_are_numbered_and_follow_the_sign_off_as_notes() {
    let doc = md("# Hands off the Mill Road estate\n\n\
         On Monday the council voted to sell the estate to a private developer.[^sale] \
         Two hundred families live there, many of them for thirty years or more. \
         The council's own survey found the buildings sound.[^survey]\n\n\
         We ask every councillor to vote against the sale at the next meeting,[^sale] \
         and to meet the residents first, as promised.[^nowhere]\n\n\
         In solidarity,\nMill Road Residents\n\n\
         [^survey]: Housing survey 2025, page 14.\n\n\
         [^sale]: Council minutes, 3 March, item 7.\n\n\
         [^spare]: A note no one refers to.\n");
    let texts = texts(&doc);
    assert!(texts[1].ends_with("private developer.¹ Two hundred families live there, many of them for thirty years or more. The council's own survey found the buildings sound.²"), "{texts:?}");
    assert!(
        texts[2]
            .ends_with("next meeting,¹ and to meet the residents first, as promised.[^nowhere]"),
        "{texts:?}"
    );
    assert_eq!(
        texts[3..],
        [
            "In solidarity,",
            "Mill Road Residents",
            "Council minutes, 3 March, item 7.",
            "Housing survey 2025, page 14.",
            "A note no one refers to.",
        ]
    );
    let kinds = kinds(&doc);
    assert_eq!(
        kinds[3..5],
        [BlockKind::SignOff, BlockKind::SignOff],
        "{kinds:?}"
    );
    let markers: Vec<&str> = kinds[5..]
        .iter()
        .map(|k| match k {
            BlockKind::Note { marker } => marker.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(markers, ["¹", "²", "³"]);
}

#[test]
fn an_html_tag_left_open_ends_with_its_paragraph() {
    let parsed = parse_ok(
        "# Strike\n\nWe are <b>on strike <a href=\"https://example.org\">from Monday\n\n\
         The rest of the statement is set as it is written.\n\n- an item </b></a>too\n",
        Format::Markdown,
    );
    let doc = &parsed.document;
    assert_eq!(
        texts(doc)[1..],
        [
            "We are on strike from Monday (https://example.org)",
            "The rest of the statement is set as it is written.",
            "an item too",
        ]
    );
    assert!(doc.blocks[1].spans.iter().any(|s| s.style.bold));
    for b in &doc.blocks[2..] {
        assert!(b.spans.iter().all(|s| !s.style.bold), "{:?}", b.spans);
    }
}

#[test]
fn a_web_page_saved_whole_is_read_for_its_statement() {
    let parsed = parse_ok(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Stop the sale – Riverside</title></head>\n\
         <body>\n<nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav>\n<main><article>\n\
         <h1>Hands off the Mill Road estate</h1>\n\
         <p>On Monday the council voted to sell the estate to a private\n  developer. Two hundred \
         families live there, many of them for thirty years or more.</p>\n\n\
         <h2>Our demands</h2>\n<ol>\n  <li>No sale of council homes.</li>\n  <li>Repairs \
         before the winter.</li>\n</ol>\n</article></main>\n\
         <footer>Riverside Tenants' Union · <a href=\"mailto:info@example.org\">Write to us</a></footer>\n\
         <form><input type=\"email\"><button>Subscribe</button></form>\n</body>\n</html>\n",
        Format::Html,
    );
    let doc = &parsed.document;
    assert_eq!(
        texts(doc),
        vec![
            "Hands off the Mill Road estate",
            "On Monday the council voted to sell the estate to a private developer. Two hundred \
             families live there, many of them for thirty years or more.",
            "Our demands",
            "No sale of council homes.",
            "Repairs before the winter.",
        ]
    );
    let markers: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem { marker, .. } => Some(marker.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(markers, ["1.", "2."]);
    let w: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    for said in [
        "s.txt:3:1: warning: an HTML page head in the statement is not printed",
        "s.txt:5:1: warning: an HTML navigation menu in the statement is not printed",
        "s.txt:18:1: warning: an HTML form in the statement is not printed",
        "s.txt:17:9: warning: the page's text outside its <main> or <article> (“Riverside Tenants' Union · Write to us”) is left off: the site's menus, sidebars and footer, not the statement",
    ] {
        assert!(w.iter().any(|w| w == said), "{said}: {w:?}");
    }
}

#[test]
fn markdown_words_broken_at_a_lines_end_are_joined_in_their_style() {
    let parsed = parse_ok(
        "# Strike\n\nThe workers of the district have been on strike for three weeks. **The organi-\n\
         sation** of the strike is *demo-\ncratic*, every decision taken by the assem-\nbly.\n",
        Format::Markdown,
    );
    let doc = &parsed.document;
    assert_eq!(
        texts(doc)[1],
        "The workers of the district have been on strike for three weeks. The organisation of \
         the strike is democratic, every decision taken by the assembly."
    );
    let spans = &doc.blocks[1].spans;
    assert!(
        spans
            .iter()
            .any(|s| s.style.bold && s.text.ends_with("The organisation")),
        "{spans:?}"
    );
    assert!(
        spans
            .iter()
            .any(|s| s.style.italic && s.text == "democratic"),
        "{spans:?}"
    );
    assert_eq!(parsed.warnings.len(), 1, "{:?}", parsed.warnings);
}

#[test]
fn markdown_meta_salutation_sign_off() {
    let doc = md(
        "# Headline\n\n*1 June 2023*\n\nDear comrades,\n\nThe body of the statement, which is long.\n\n\
         **Comradely greetings!**",
    );
    assert_eq!(
        kinds(&doc),
        vec![
            BlockKind::Headline,
            BlockKind::Meta,
            BlockKind::Salutation,
            BlockKind::Body,
            BlockKind::SignOff
        ]
    );
    assert!(doc.blocks[1].spans[0].style.italic);
    assert!(doc.blocks[4].spans[0].style.bold);
}

#[test]
fn markdown_soft_breaks_are_spaces_and_hard_ones_line_breaks() {
    let doc = md("# T\n\nhard\\\nbreak and  \nanother soft\nbreak.");
    assert_eq!(
        texts(&doc)[1],
        "hard\u{2028}break and\u{2028}another soft break."
    );
}

// ---------------------------------------------------------------- size

#[test]
fn ten_thousand_paragraphs() {
    let mut text = String::from("Title\n\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "Paragraph number {i} of the statement, with\u{a0}words.\n\n"
        ));
    }
    let doc = plain(&text);
    assert_eq!(doc.blocks.len(), 10_001);
    assert_eq!(doc.blocks[10_000].line, 2 * 10_000 + 1);
    let doc = md(&text);
    assert_eq!(doc.blocks.len(), 10_001);
}

#[test]
fn title_matches_the_first_line_of_a_split_headline() {
    let doc = plain("+++\ntitle = \"A call\"\n+++\nA call\n6/1/23 12:04 PM\n\nBody text.");
    assert_eq!(
        kinds(&doc),
        vec![BlockKind::Headline, BlockKind::Meta, BlockKind::Body]
    );
    assert_eq!(lines(&doc), vec![4, 5, 7]);
}

#[test]
fn a_soft_break_inside_bold_keeps_one_bold_span() {
    let doc = md("# T\n\n> Zitat **fett\n> weiter** ende");
    let got: Vec<(&str, bool)> = doc.blocks[1]
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.style.bold))
        .collect();
    assert_eq!(
        got,
        vec![("Zitat ", false), ("fett weiter", true), (" ende", false)]
    );
}

/// Deterministic pseudo-random statements: no panics, and the invariants of
/// the document model hold; in plain text no visible character is lost.
#[test]
fn invariants_on_generated_input() {
    const PIECES: &[&str] = &[
        "word", "Wort", "50", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\r", "\u{a0}",
        "\u{202f}", "\u{ad}", "\u{200b}", "\u{200f}", ".", ",", ":", "!", "?", "«", "»", "•", "- ",
        "* ", "1. ", "2) ", "# ", "> ", "**", "_", "`", "[a](b)", "<i>", "![x](y)", "---", "    ",
        "&amp;", "\\", "é", "中",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut parsed_ok = 0;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..60 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
        }
        let total_lines = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .count();
        for format in [Format::Plain, Format::Markdown] {
            let Ok(parsed) = parse(&text, format, "g") else {
                continue;
            };
            parsed_ok += 1;
            for b in &parsed.document.blocks {
                assert!(!b.spans.is_empty(), "{text:?}");
                assert!((1..=total_lines).contains(&b.line), "{text:?} {b:?}");
                let t = b.text();
                assert_eq!(t.trim_matches([' ', '\u{a0}']), t, "{text:?}");
                assert!(!t.contains("  "), "{text:?}");
                for pair in b.spans.windows(2) {
                    assert_ne!(pair[0].style, pair[1].style, "{text:?}");
                }
                for s in &b.spans {
                    assert!(!s.text.is_empty());
                    assert!(
                        !s.text.chars().any(|c| c.is_control() && c != '\t'),
                        "{text:?}"
                    );
                }
                // A kept line break stands between two characters, never
                // beside a space; a tab only in a table's rows, never at a
                // row's end or beside a space.
                let lb = crate::statement::document::LINE_BREAK;
                assert_eq!(t.trim_matches(lb), t, "{text:?}");
                assert!(
                    !t.contains(&format!(" {lb}")) && !t.contains(&format!("{lb} ")),
                    "{text:?}"
                );
                if t.contains('\t') {
                    let tabs: Vec<usize> = t.split(lb).map(|r| r.matches('\t').count()).collect();
                    assert!(tabs.len() >= 2, "{text:?} {t:?}");
                    assert!(
                        t.split(lb).all(|r| !r.ends_with('\t'))
                            && !t.contains(" \t")
                            && !t.contains("\t "),
                        "{text:?} {t:?}"
                    );
                }
            }
            if format == Format::Plain {
                let visible = |s: &str| -> String {
                    s.chars()
                        .filter(|c| {
                            !c.is_whitespace()
                                && !matches!(
                                    c,
                                    '•' | '-' | '*' | '–' | '\u{200f}' | '\u{200b}' | '\u{ad}'
                                )
                        })
                        .collect()
                };
                let mut out = String::new();
                for b in &parsed.document.blocks {
                    if let BlockKind::ListItem { marker, .. } = &b.kind {
                        out.push_str(marker);
                    }
                    out.push_str(&b.text());
                }
                // An e-mail's remnants (the ">" of quoted lines, typed
                // rules) are left off, each with a warning.
                let unmarked = |s: &str| -> String {
                    visible(s)
                        .chars()
                        .filter(|c| !matches!(c, '>' | '=' | '_' | '~' | '#'))
                        .collect()
                };
                // So are an Instagram caption's spacer lines (a lone ".").
                let spaced: String = text
                    .replace("\r\n", "\n")
                    .split(['\n', '\r'])
                    .filter(|l| {
                        let marks: Vec<char> = l
                            .chars()
                            // White space, and the direction marks removed before.
                            .filter(|c| {
                                !matches!(
                                    c,
                                    ' ' | '\t'
                                        | '\u{A0}'
                                        | '\u{2028}'
                                        | '\u{2029}'
                                        | '\u{200E}'
                                        | '\u{200F}'
                                )
                            })
                            .collect();
                        !matches!(marks[..], ['.' | '\u{2800}' | '\u{3164}'])
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_eq!(unmarked(&out), unmarked(&spaced), "{text:?}");
                if visible(&out) != visible(&text) {
                    assert!(!parsed.warnings.is_empty(), "{text:?}");
                }
            }
        }
    }
    assert!(parsed_ok > 700, "{parsed_ok}");
}

// ---------------------------------------------------------------- headings

#[test]
fn plain_text_sections_are_headings_and_their_first_is_not_meta() {
    use BlockKind::*;
    let doc = plain(
        "Our charter\n\nPreamble\n\nWe adopt this charter.\n\nArticle 1\n\nEveryone may join.\n\n\
         Article 2\n\nDues are low.\n\nIn solidarity,\nThe Committee\n",
    );
    assert_eq!(
        kinds(&doc),
        vec![
            Headline,
            Heading(1),
            Body,
            Heading(1),
            Body,
            Heading(1),
            Body,
            SignOff,
            SignOff
        ]
    );
    assert_eq!(texts(&doc)[1], "Preamble");
}

#[test]
fn a_lone_organisation_line_stays_meta_and_a_signature_stays_a_sign_off() {
    use BlockKind::*;
    let doc = plain(
        "Fix our homes\n\n12 March 2026\n\nRiverside Tenants' Association\n\nThe lifts are broken.\n\n\
         We meet on Monday.\n\nThe Executive Committee\n\nBelgrade, 1 June 2023\n",
    );
    assert_eq!(
        kinds(&doc),
        vec![Headline, Meta, Meta, Body, Body, SignOff, SignOff]
    );
    // Markdown has its own headings: a bare line there stays a paragraph.
    let doc = md("# Title\n\nText first.\n\nArticle 1\n\nMore text.\n");
    assert!(!kinds(&doc).contains(&Heading(1)), "{:?}", kinds(&doc));
}

// ---------------------------------------------------------------- tables

#[test]
fn a_markdown_table_is_a_tables_rows_its_headings_bold() {
    // Before: each row a paragraph, its cells after their headings
    // ("Grade: Cleaner · Now: 11.20 €"), where a table of columns fits.
    let text = "# Wages\n\n| Grade | Now | We ask |\n|---|---|---|\n\
                | Cleaner | 11.20 € | **14 €** |\n| Porter | | 15 € |\n\
                | Porter, nights | 12 € |\n\n\
                | Only | Headings |\n|---|---|\n\nAfter.\n";
    let parsed = parse_ok(text, Format::Markdown);
    let doc = &parsed.document;
    assert_eq!(
        texts(doc),
        [
            "Wages",
            "Grade\tNow\tWe ask\u{2028}Cleaner\t11.20 €\t14 €\u{2028}Porter\t\t15 €\
             \u{2028}Porter, nights\t12 €",
            "Only Headings",
            "After."
        ]
    );
    assert_eq!(lines(doc), [1, 3, 9, 12]);
    // The headings are bold, the cells as written.
    let table = &doc.blocks[1];
    assert!(table.spans[0].style.bold && table.spans[0].text.starts_with("Grade\tNow"));
    assert!(table.spans.iter().any(|s| s.style.bold && s.text == "14 €"));
    assert!(!table
        .spans
        .iter()
        .any(|s| s.style.bold && s.text.contains("Cleaner")));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn a_line_break_in_a_markdown_tables_cell_is_a_space() {
    // GitHub's tables take no line breaks, so writers put a `<br>` in a
    // cell; it broke the row in two, its cells out of their columns.
    let text = "| Day | Where |\n|---|---|\n| Monday | Town Hall<br>Room 2 |\n\
                | Tuesday | <p>Mill Lane</p> |\n| Friday | <ul><li>Park</li><li>Pier</li></ul> |\n";
    let parsed = parse_ok(text, Format::Markdown);
    assert_eq!(
        texts(&parsed.document),
        [
            "Day\tWhere\u{2028}Monday\tTown Hall Room 2\u{2028}Tuesday\tMill Lane\
          \u{2028}Friday\t• Park • Pier"
        ]
    );
    // So in an HTML table's cell: a list or heading there ended the table
    // mid-row.
    let text = "# Days\n\n<table>\n<tr><th>Day</th><th>Where</th></tr>\n\
                <tr><td>Friday</td><td><ul><li>Park</li><li>Pier</li></ul></td></tr>\n\
                <tr><td>Monday</td><td><h3>Town Hall</h3></td></tr>\n</table>\n";
    let parsed = parse_ok(text, Format::Markdown);
    assert_eq!(
        texts(&parsed.document)[1..],
        ["Day\tWhere\u{2028}Friday\t• Park • Pier\u{2028}Monday\tTown Hall"]
    );
}

#[test]
fn a_table_opening_the_statement_is_no_headline() {
    // Before: a plain text's opening table was its headline, its rows run
    // together ("Time What Where 10:00 March starts Town / Hall").
    let rows = "Time\tWhat\tWhere\u{2028}10:00\tMarch\tTown Hall\u{2028}12:00\tSpeeches\tPark";
    let text = "Time\tWhat\tWhere\n10:00\tMarch\tTown Hall\n12:00\tSpeeches\tPark\n\n\
                Join the march.\n";
    let doc = plain(text);
    assert_eq!(kinds(&doc), [BlockKind::Body, BlockKind::Body]);
    assert_eq!(texts(&doc), [rows, "Join the march."]);
    // Likewise a page opening with a `<table>`.
    let html = "<table><tr><td>Time</td><td>What</td></tr>\
                <tr><td>10:00</td><td>March</td></tr></table><p>Join the march.</p>";
    let doc = parse_ok(html, Format::Html).document;
    assert_eq!(kinds(&doc), [BlockKind::Body, BlockKind::Body]);
    assert_eq!(
        texts(&doc),
        ["Time\tWhat\u{2028}10:00\tMarch", "Join the march."]
    );
    // A title over the table is still one.
    let doc = plain(&format!("Our day\n\n{text}"));
    assert_eq!(kinds(&doc)[0], BlockKind::Headline);
}

#[test]
fn a_table_row_with_more_cells_than_columns_keeps_them() {
    // GitHub's tables drop such cells; a leaflet may not drop a word.
    let text = "| Grade | Now |\n|---|---|\n| Cook | 12 € | overtime \\| nights | extra |\n\
                | Porter | 11 € |\n";
    let parsed = parse_ok(text, Format::Markdown);
    let words: Vec<String> = texts(&parsed.document)
        .iter()
        .flat_map(|t| {
            t.split(['\t', '\u{2028}', ' '])
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(
        words,
        [
            "Grade", "Now", "Cook", "12", "€", "overtime", "|", "nights", "extra", "Porter", "11",
            "€"
        ]
    );
    assert!(parsed
        .warnings
        .iter()
        .any(|w| w.message.contains("more cells than the table has columns")));
}

#[test]
fn markdown_pasted_without_blank_lines_is_read_in_its_paragraphs() {
    use BlockKind::*;
    // What a word processor's copy gives the web page's text box: a
    // paragraph a line. The list's last item would take the next
    // paragraph as its lazy continuation.
    let long = "Last week every household on Mill Lane received a letter announcing \
                a rent increase of eight per cent from the first of May, and nothing else.";
    let text = format!(
        "Fix Our Homes\n12 March 2026\nDear neighbours,\n{long}\nOur demands are:\n\
         - No rent increase\n- Repairs first\n{long}\nIn solidarity,\nThe Association\n"
    );
    let doc = md(&text);
    assert_eq!(
        kinds(&doc),
        vec![
            Headline,
            Meta,
            Salutation,
            Body,
            Body,
            item("•", 0),
            item("•", 0),
            Body,
            SignOff,
            SignOff
        ],
        "{:?}",
        texts(&doc)
    );
    assert_eq!(texts(&doc)[7], long);
    // Written with blank lines, Markdown's line breaks are the writer's:
    // a sentence a line stays one paragraph.
    let doc = md(
        "# Title\n\nOne sentence a line.\nAnother sentence, which is \
                  long enough to be a paragraph of its own if it stood alone in a text.\n\
                  A third.\n\nNext paragraph.\n",
    );
    assert_eq!(kinds(&doc), vec![Headline, Body, Body]);
}

#[test]
fn struck_text_keeps_its_words_and_tasks_their_boxes() {
    // Before: "~~not~~" and "[ ] bring flags" were printed as typed.
    let doc = md(
        "# Title\n\n- [ ] bring flags\n- [x] print leaflets\n- a bullet\n\n\
                  This is ~~not~~ a **~~bold~~** strike, <s>one</s> <del>two</del> \
                  <strike>three</strike>.\n",
    );
    assert_eq!(
        kinds(&doc)[1..4],
        [item("\u{2610}", 0), item("\u{2611}", 0), item("•", 0)]
    );
    assert_eq!(texts(&doc)[1], "bring flags");
    let body = doc.blocks.last().unwrap();
    assert_eq!(
        body.text(),
        "This is not a bold strike, one two three.",
        "{body:?}"
    );
    let struck: Vec<&str> = body
        .spans
        .iter()
        .filter(|s| s.style.strike)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(struck, ["not", "bold", "one", "two", "three"]);
    assert!(body.spans.iter().any(|s| s.style.strike && s.style.bold));
    // A loose task list (a blank line between items) too.
    let doc = md("# Title\n\n- [x] done\n\n- [ ] to do\n");
    assert_eq!(kinds(&doc)[1..], [item("\u{2611}", 0), item("\u{2610}", 0)]);
}

#[test]
fn markdown_loses_a_mail_apps_signature_too() {
    let parsed = parse_ok(
        "# Strike\n\nWe strike on Monday.\n\nSent from my iPhone\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n",
        Format::Markdown,
    );
    assert_eq!(texts(&parsed.document), ["Strike", "We strike on Monday."]);
    let found: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        found
            .iter()
            .any(|w| w == "s.txt:5: warning: “Sent from my iPhone”, the signature a mail app adds, is left off"),
        "{found:?}"
    );
    assert_eq!(found.iter().filter(|w| w.contains("mail app")).count(), 2);
}

#[test]
fn markdown_loses_a_forwarders_note_and_the_mail_header() {
    // A forwarded mail pasted into the web page (Markdown there).
    let text = "Hi all, please print 500 of these for Saturday. Thanks, Jo\n\n\
                ---------- Forwarded message ---------\n\
                From: Maria Lopez <maria@example.org>\n\
                Date: Tue, 3 Mar 2026 at 10:04\n\
                Subject: Statement for the rally\n\
                To: <list@example.org>\n\n\
                # No to the rent rise\n\nWe say no.\n";
    let parsed = parse_ok(text, Format::Markdown);
    assert_eq!(
        texts(&parsed.document),
        ["No to the rent rise", "We say no."]
    );
    let found: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    for expected in [
        "s.txt:1: warning: line 1 (“Hi all, please print 500 of these for…”), before a forwarded e-mail",
        "s.txt:3: warning: “---------- Forwarded message ---------”, a mail client's divider, is left off",
        "s.txt:4: warning: lines 4–7 are an e-mail's header (From: Date: Subject: To:), left off the leaflet",
    ] {
        assert!(found.iter().any(|w| w.starts_with(expected)), "{expected}: {found:?}");
    }
}

#[test]
fn markdown_loses_a_forwarded_statements_senders_note() {
    let text = "---------- Forwarded message ---------\n\
                From: Maria Lopez <maria@example.org>\n\
                Date: Tue, 3 Mar 2026 at 10:04\n\
                Subject: Statement for the rally\n\n\
                Hi all, here is the final text. Thanks! Maria\n\n\
                # No to the rent rise\n\nWe say no.\n";
    let parsed = parse_ok(text, Format::Markdown);
    assert_eq!(
        texts(&parsed.document),
        ["No to the rent rise", "We say no."]
    );
    assert_eq!(kinds(&parsed.document)[0], BlockKind::Headline);
    let found: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    let expected = "s.txt:6: warning: line 6 (“Hi all, here is the final text. Thanks!…”), over the forwarded statement's headline";
    assert!(found.iter().any(|w| w.starts_with(expected)), "{found:?}");
}

#[test]
fn markdown_line_breaks_are_kept_in_running_text_only() {
    // Before: every line break was a space, and an address printed as
    // "Riverside Tenants 12 Mill Lane Northbridge".
    let doc = md("Fix Our  \nHomes\n===\n\nWrite to us:  \nRiverside Tenants\\\n12 Mill Lane<br>Northbridge\n\
                  a soft break\nis a space.\n\n> Whose streets?  \n> Our streets!\n");
    assert_eq!(texts(&doc)[0], "Fix Our Homes");
    assert_eq!(
        texts(&doc)[1],
        "Write to us:\u{2028}Riverside Tenants\u{2028}12 Mill Lane\u{2028}Northbridge a soft break is a space."
    );
    assert_eq!(texts(&doc)[2], "Whose streets?\u{2028}Our streets!");
    assert_eq!(kinds(&doc)[2], BlockKind::Quote);
    // A break at a paragraph's end is no line break.
    assert_eq!(texts(&md("# T\n\nEnd here.  \n"))[1], "End here.");
}

#[test]
fn an_address_typed_into_markdown_keeps_its_lines() {
    // Before: "Write to us: Riverside Tenants 12 Mill Lane Northbridge NB1
    // 2AB", as CommonMark reads a line break; the web page's text box is
    // Markdown, and its users type an address or a chant line by line.
    let doc = md("# Rent\n\nWrite to us:\nRiverside Tenants\n12 Mill Lane\nNorthbridge NB1 2AB\n\n\
                  Whose streets?\nOur streets!\n\n\
                  The rise would hit the families who can least\nafford it, and the council has not answered\n\n\
                  We want repairs done this month.\nWe want rents frozen for three years.\n\n\
                  Short lines\nthat go on\nin lower case.\n");
    let t = texts(&doc);
    assert_eq!(
        t[1],
        "Write to us:\u{2028}Riverside Tenants\u{2028}12 Mill Lane\u{2028}Northbridge NB1 2AB"
    );
    assert_eq!(t[2], "Whose streets?\u{2028}Our streets!");
    // Wrapped prose, a sentence a line, and short lines that go on in
    // lower case are Markdown's paragraphs, as before.
    assert_eq!(
        t[3],
        "The rise would hit the families who can least afford it, and the council has not answered"
    );
    assert_eq!(
        t[4],
        "We want repairs done this month. We want rents frozen for three years."
    );
    assert_eq!(t[5], "Short lines that go on in lower case.");
}

#[test]
fn names_typed_a_line_each_into_markdown_keep_their_lines() {
    // Before: "UNISON Northside Branch Friends of the Earth Northside …", the
    // organisations under a joint statement run into one another.
    let doc = md("# Keep the library open\n\nSigned:\n\n\
                  Northside Tenants' Union\nUNISON Northside Branch\n\
                  Friends of the Earth Northside\nNational Education Union, Northside District\n\
                  GMB Northside\n\n\
                  Rents Rose By A Third In Two Years And\nWages Stood Still For Every One Of Us\n\
                  While The Landlords Took Their Profits\n");
    let t = texts(&doc);
    assert_eq!(
        t[2],
        "Northside Tenants' Union\u{2028}UNISON Northside Branch\u{2028}\
         Friends of the Earth Northside\u{2028}National Education Union, Northside District\
         \u{2028}GMB Northside"
    );
    // Lines as full as each other are wrapped, capitals or not.
    assert_eq!(
        t[3],
        "Rents Rose By A Third In Two Years And Wages Stood Still For Every One Of Us \
         While The Landlords Took Their Profits"
    );
}

#[test]
fn a_tables_rows_keep_their_tabs_and_other_tabs_are_spaces() {
    // Before: "10:00 March starts Town Hall", the cells run together.
    let doc = plain(
        "Plan\n\nJoin us on the day, which is long and full; here is the plan, from the \
         march in the morning to the concert at night.\n\n\
         10:00\tMarch starts\t\tTown Hall\n12:00\tSpeeches\tMarket Square\n\n\
         Name:\tJo\n\nOne\ttwo\nthree four five\n",
    );
    let t = texts(&doc);
    assert_eq!(
        t[2],
        "10:00\tMarch starts\tTown Hall\u{2028}12:00\tSpeeches\tMarket Square"
    );
    // One line, or lines of unlike cells: no table.
    assert_eq!(t[3], "Name: Jo");
    assert!(!t[4].contains('\t'), "{:?}", t[4]);
    // Typed into Markdown (the web page's text box), a schedule keeps its
    // lines too, where a line break is otherwise a space.
    let doc = md("# Plan\n\nThe day:\n\n10:00 March starts\n12:00 Speeches\n\nA soft\nbreak.\n");
    assert_eq!(texts(&doc)[2], "10:00 March starts\u{2028}12:00 Speeches");
    assert_eq!(texts(&doc)[3], "A soft break.");
    // Pasted into Markdown too.
    let doc = md("# Plan\n\n10:00\tMarch\n12:00\tSpeeches\n\nOne\ttwo\nthree\n");
    assert_eq!(texts(&doc)[1], "10:00\tMarch\u{2028}12:00\tSpeeches");
    assert_eq!(texts(&doc)[2], "One two three");
}

#[test]
fn a_tables_empty_cells_keep_the_others_in_their_columns() {
    // Before: "10:00 March Banners", "Town Hall Friends": the rows were no
    // table, as their counts of non-empty cells differed, and "Banners"
    // read as the place.
    let doc = plain(
        "Plan\n\nJoin us on the day, which is long and full; here is the plan, from the \
         march in the morning to the concert at night.\n\n\
         Time\tWhat\tWhere\tBring\n10:00\tMarch\t\tBanners\n12:00\tSpeeches\tSquare\t\n\
         \t \tTown Hall\tFriends\n\n\
         \tOne\ttwo\n\tthree\tfour\n\nA\tb\tc\nd\te\tf\tg\n",
    );
    let t = texts(&doc);
    assert_eq!(
        t[2],
        "Time\tWhat\tWhere\tBring\u{2028}10:00\tMarch\t\tBanners\u{2028}\
         12:00\tSpeeches\tSquare\u{2028}\t\tTown Hall\tFriends"
    );
    // Rows that all open with a tab are indented, not a column.
    assert_eq!(t[3], "One\ttwo\u{2028}three\tfour");
    // A row with more cells than the headings' row: no table.
    assert!(!t[4].contains('\t'), "{:?}", t[4]);
    // An empty cell of an HTML table too.
    let doc = md(
        "# Plan\n\n<table><tr><th>Time</th><th>What</th><th>Where</th></tr>\
                  <tr><td>10:00</td><td></td><td>Square</td></tr></table>\n",
    );
    assert_eq!(texts(&doc)[1], "Time\tWhat\tWhere\u{2028}10:00\t\tSquare");
}

#[test]
fn a_table_pasted_into_markdown_keeps_its_empty_opening_cells() {
    // The web page's box is Markdown, where a tab opening a line is
    // indentation. Before: the headings' row of a table of figures
    // ("⇥Now⇥Demand") was an indented code block, a paragraph apart set
    // "Now Demand", with a warning about code; a row opening with empty
    // cells lost them, and its cells stood columns to the left.
    let parsed = parse_ok(
        "# Pay\n\nWhat they earn:\n\n\tNow\tDemand\nCleaner\t11.20\t13.50\n\
         Senior\t12.10\t14.60\n\n10:00\tMarch\tSquare\n\t\tPark\n\n\
         Time\tWhat\tWhere\n10:00\tMarch\t\n12:00\tTalks\tSquare\n\nEnd.\n",
        Format::Markdown,
    );
    let (doc, warnings) = (&parsed.document, &parsed.warnings);
    let t = texts(doc);
    assert_eq!(
        t[2],
        "\tNow\tDemand\u{2028}Cleaner\t11.20\t13.50\u{2028}Senior\t12.10\t14.60"
    );
    assert_eq!(t[3], "10:00\tMarch\tSquare\u{2028}\t\tPark");
    // Markdown drops the tab ending a line, and with it a row's empty
    // last cell: the rows had unlike counts of tabs, and were no table.
    assert_eq!(
        t[4],
        "Time\tWhat\tWhere\u{2028}10:00\tMarch\u{2028}12:00\tTalks\tSquare"
    );
    assert_eq!(t[5], "End.");
    assert!(
        warnings.iter().all(|w| !w.message.contains("code")),
        "{warnings:?}"
    );
}

#[test]
fn a_spreadsheets_quoted_cells_are_their_text() {
    // A cell over two lines, and one with quotation marks, as Excel copies
    // them. Before: the row broke in two, the rows were no table, and the
    // marks printed doubled: "10:00 “March from the station" / "to the
    // town hall” Town Hall", "““The Strike”””".
    let text = "Plan\n\nJoin us on the day, which is long and full; here is the plan, from \
                the march in the morning to the film at night.\n\n\
                Time\tWhat\tWhere\n10:00\t\"March from the station\nto the town hall\"\tTown Hall\n\
                19:00\t\"Film: \"\"The Strike\"\"\"\tCinema\n20:30\tParty\t\n";
    let rows = "Time\tWhat\tWhere\u{2028}10:00\tMarch from the station to the town hall\tTown Hall\
                \u{2028}19:00\tFilm: \"The Strike\"\tCinema\u{2028}20:30\tParty";
    assert_eq!(texts(&plain(text))[2], rows);
    assert_eq!(texts(&md(&format!("# {text}")))[2], rows);
}

#[test]
fn a_word_processors_html_table_keeps_its_cells_in_their_rows() {
    // Word's HTML puts a <p> in every cell. Before: each cell a paragraph,
    // "Time" / "What" / "Where" / "10:00" … one under the other.
    let doc = md(
        "# Plan\n\n<table>\n<tr><td><p class=MsoNormal>Time</p></td>\
                  <td><p class=MsoNormal>What</p></td></tr>\n\
                  <tr><td><p>10:00</p></td><td><p>March</p><p>starts</p></td></tr>\n\
                  <tr><td>12:00<br>sharp</td><td><p>&nbsp;</p></td></tr>\n</table>\n\nAfter.\n",
    );
    assert_eq!(
        texts(&doc)[1..],
        [
            "Time\tWhat\u{2028}10:00\tMarch starts\u{2028}12:00 sharp",
            "After."
        ]
    );
    // An empty cell at the top left keeps the headings over their columns.
    let doc = md(
        "# Pay\n\n<table><tr><th></th><th>Now</th><th>Demand</th></tr>\
                  <tr><td>Cleaner</td><td>11.20</td><td>13.50</td></tr></table>\n",
    );
    assert_eq!(texts(&doc)[1], "\tNow\tDemand\u{2028}Cleaner\t11.20\t13.50");
}

#[test]
fn an_html_tables_cells_are_apart_and_its_rows_lines() {
    // Before: "TimeWhatWhere", "10:00March startsTown Hall": each row a
    // paragraph, its cells' words run together.
    let doc = md(
        "# Plan\n\n<table>\n  <tr><th>Time</th><th>What</th></tr>\n  \
                  <tr><td>10:00</td><td>March starts</td></tr>\n  \
                  <tr><td>12:00</td> <td>Speeches</td></tr>\n</table>\n\nAfter.\n",
    );
    assert_eq!(
        texts(&doc)[1..],
        [
            "Time\tWhat\u{2028}10:00\tMarch starts\u{2028}12:00\tSpeeches",
            "After."
        ]
    );
    assert_eq!(bold(&doc.blocks[1]), ["Time", "What"]);
}

#[test]
fn a_gender_star_in_markdown_is_kept_not_read_as_emphasis() {
    // Before: "Liebe Kolleginnen, … Mieterinnen", the stars gone and "innen,
    // wir rufen alle Mitarbeiter" in italics.
    let doc = md(
        "# Streik\n\nLiebe Kolleg*innen, wir rufen alle Mitarbeiter*innen, \
                  jede*n Mieter*in, zum *Streik* auf.\n",
    );
    let body = &doc.blocks[1];
    assert_eq!(
        body.text(),
        "Liebe Kolleg*innen, wir rufen alle Mitarbeiter*innen, jede*n Mieter*in, zum Streik auf."
    );
    // Emphasis is still emphasis.
    let italic: Vec<&str> = body
        .spans
        .iter()
        .filter(|s| s.style.italic)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(italic, ["Streik"]);
}

#[test]
fn a_date_opening_a_wrapped_markdown_line_goes_on_its_paragraph() {
    // Before: "Auch in diesem Jahr gehen wir am" alone, then a numbered
    // list item "1. Mai gemeinsam auf die Straße …".
    let doc = md("# Heraus zum 1. Mai\n\nAuch in diesem Jahr gehen wir am\n\
                  1. Mai gemeinsam auf die Straße.\n\nWir fordern:\n1. mehr Lohn\n");
    assert_eq!(
        kinds(&doc),
        [
            BlockKind::Headline,
            BlockKind::Body,
            BlockKind::Body,
            item("1.", 0)
        ]
    );
    assert_eq!(
        texts(&doc)[1],
        "Auch in diesem Jahr gehen wir am 1. Mai gemeinsam auf die Straße."
    );
}

#[test]
fn a_replacement_character_is_printed_with_a_warning_where_it_stands() {
    // "Caf�" is what a program that read UTF-8 as something else, or cut a
    // letter in two, leaves: the text keeps it (it is what the writer
    // sent), and the warning says where the first is and how many.
    let text = "Rent strike\n\nMeet at Caf\u{FFFD} Central,\nna\u{FFFD}ve as it sounds.\n";
    for format in [Format::Plain, Format::Markdown] {
        let parsed = parse_ok(text, format);
        assert!(
            texts(&parsed.document)[1].contains("Caf\u{FFFD} Central"),
            "{format:?}"
        );
        let lost: Vec<String> = parsed
            .warnings
            .iter()
            .map(ToString::to_string)
            .filter(|w| w.contains("replacement character"))
            .collect();
        assert_eq!(lost.len(), 1, "{format:?}: {:?}", parsed.warnings);
        assert!(
            lost[0].starts_with("s.txt:3:12: warning: “\u{FFFD}”, the replacement character (2 in the text), is printed"),
            "{}",
            lost[0]
        );
    }
    // Without one, no such warning.
    let parsed = parse_ok("Rent strike\n\nMeet at Café Central.\n", Format::Plain);
    assert!(parsed
        .warnings
        .iter()
        .all(|w| !w.to_string().contains("replacement")));
}

#[test]
fn a_letter_piled_with_marks_is_an_error_where_it_stands() {
    // "Zalgo" text, as chat apps pass it round: accents stacked on a
    // letter by the dozen print up through the line above, over its words.
    let zalgo = "Rent strike\n\nJoin us, He\u{0301}\u{0301}\u{0301}\u{0301}llo.\n";
    for format in [Format::Plain, Format::Markdown] {
        assert_eq!(
            parse_err(zalgo, format),
            "s.txt:3:11: “e” has more than 3 marks stacked above it (U+0301 among them): \
             they would print over the lines around it; remove the extra marks"
        );
    }
    let below = "Rent strike\n\nJoin us, x\u{0323}\u{0323}\u{0324}\u{0325}.\n";
    assert!(parse_err(below, Format::Plain).contains("stacked below it"));
    // On no letter, at a line's start: the place they stand on.
    let bare = "Rent strike\n\n\u{0301}\u{0301}\u{0301}\u{0301} join us.\n";
    assert!(
        parse_err(bare, Format::Plain).starts_with("s.txt:3:1: “\u{25CC}” has more than 3"),
        "{}",
        parse_err(bare, Format::Plain)
    );
    // What languages put on a letter is read: Vietnamese two above and
    // one below (decomposed, as some keyboards send it), polytonic Greek,
    // a transliteration's dot and macron, three on a side.
    let text = "Tiê\u{0302}\u{0300}ng Vie\u{0323}\u{0302}t\n\n\
                Ἀθῆναι ᾯ, r\u{0323}\u{0304}, a\u{0300}\u{0301}\u{0302} \
                in a line of its own.\n";
    for format in [Format::Plain, Format::Markdown] {
        let parsed = parse_ok(text, format);
        assert!(texts(&parsed.document)[1].contains("Ἀθῆναι"), "{format:?}");
    }
}

#[test]
fn markdown_loses_a_replys_subject_and_its_quoted_trail() {
    let text = "Subject: Re: Night shift petition\n\n\
                # Night shift workers deserve a fair rota\n\n\
                Since September the rota has changed four times with less than a week's \
                notice, and workers with children cannot plan their lives.\n\n\
                On Thu, 4 Dec 2026 at 21:14, Tom <tom@example.org> wrote:\n\
                > Can you send the final version?\n";
    let parsed = parse_ok(text, Format::Markdown);
    assert_eq!(
        texts(&parsed.document),
        [
            "Night shift workers deserve a fair rota",
            "Since September the rota has changed four times with less than a week's \
             notice, and workers with children cannot plan their lives."
        ]
    );
    let found: Vec<String> = parsed.warnings.iter().map(|w| w.to_string()).collect();
    for expected in [
        "s.txt:1: warning: line 1 is an e-mail's header (Subject:), left off the leaflet",
        "s.txt:7: warning: lines 7–8 (“On Thu, 4 Dec 2026 at 21:14, Tom…”) are the earlier",
    ] {
        assert!(
            found.iter().any(|w| w.starts_with(expected)),
            "{expected}: {found:?}"
        );
    }
}

#[test]
fn a_date_over_the_headline_is_its_meta_line() {
    // Before: the date was the headline, the headline a line of body text.
    let doc = plain(
        "12 March 2026\n\nCare workers vote to strike over unpaid travel time\n\n\
         Care workers employed by HomeCare Plus voted by 87% to strike.\n\n\
         Pickets stand outside the office from 7am.\n",
    );
    assert_eq!(
        kinds(&doc)[..3],
        [BlockKind::Headline, BlockKind::Meta, BlockKind::Body],
        "{:?}",
        texts(&doc)
    );
    assert_eq!(
        texts(&doc)[0],
        "Care workers vote to strike over unpaid travel time"
    );
    assert_eq!(texts(&doc)[1], "12 March 2026");
    // A title with a year in it stays the headline.
    let doc = plain("May Day 2026\n\nMarch and rally\n\nWe meet at noon in the park.\n");
    assert_eq!(texts(&doc)[0], "May Day 2026");
}

#[test]
fn a_title_opened_by_a_mark_that_says_more_is_the_headline() {
    // A tick opens list items; a title opened by one is still a title.
    let doc = plain(
        "✅ We won the rent freeze\n\n\
         After two years of campaigning, the council has agreed.\n",
    );
    assert_eq!(kinds(&doc)[0], BlockKind::Headline);
    assert_eq!(texts(&doc)[0], "✅ We won the rent freeze");
    // Items typed a paragraph each, and a plain bullet, open no title.
    let doc = plain("✅ Free school meals\n\n✅ A rent cap\n\nThank you all.\n");
    assert_eq!(kinds(&doc)[..2], [item("✅", 0), item("✅", 0)]);
    let doc = plain("• Free school meals\n\nThank you all for this.\n");
    assert_eq!(kinds(&doc)[0], item("•", 0));
}

#[test]
fn a_letters_date_over_its_salutation_is_no_headline() {
    // Before: "3 December 2026" was the headline, in the headline's size.
    let doc = plain(
        "3 December 2026\n\nDear neighbours,\n\n\
         The heating will be off for six weeks from 15 December.\n\n\
         Best wishes,\nThe Tenants' Committee\n",
    );
    assert!(
        !kinds(&doc).contains(&BlockKind::Headline),
        "{:?}",
        kinds(&doc)
    );
    assert_eq!(texts(&doc)[..2], ["3 December 2026", "Dear neighbours,"]);
    // A date over a title is still the title's meta line.
    let doc = plain(
        "3 December 2026\n\nNo heating for Christmas\n\nDear neighbours,\n\n\
         The heating will be off for six weeks.\n",
    );
    assert_eq!(kinds(&doc)[..2], [BlockKind::Headline, BlockKind::Meta]);
}
