use std::io::Write;

use super::parts::{element_depth, MAX_PART};
use super::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx of these parts (name, XML), stored without compression.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, xml) in parts {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A document.xml whose body is `body`.
fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"{W}\" \
           xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
           xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\
         <w:body>{body}</w:body></w:document>"
    )
}

/// Styles as Word names them: German Word's ids, English names.
fn styles() -> String {
    format!(
        "<w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Aufzhlungszeichen\"><w:name w:val=\"List Bullet\"/>\
           <w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Meine\"><w:name w:val=\"Meine Überschrift\"/>\
           <w:basedOn w:val=\"berschrift1\"/></w:style>\
         </w:styles>"
    )
}

fn numbering() -> String {
    format!(
        "<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl>\
           <w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
           <w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
         </w:numbering>"
    )
}

fn p(style: &str, runs: &str) -> String {
    let ppr = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
    };
    format!("<w:p>{ppr}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn markdown_of(body: &str) -> Converted {
    let bytes = docx(&[
        ("word/document.xml", &document(body)),
        ("word/styles.xml", &styles()),
        ("word/numbering.xml", &numbering()),
    ]);
    assert!(is_docx(&bytes));
    to_markdown(&bytes, "s.docx").unwrap()
}

#[test]
fn headings_emphasis_and_lists_become_markdown() {
    let numbered = |text: &str| {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>{}</w:p>",
            r(text)
        )
    };
    let body = [
        p("Titel", &r("Hände weg vom Park")),
        p(
            "",
            &format!(
                "{}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">am Samstag </w:t></w:r>\
                 <w:r><w:rPr><w:i/><w:b w:val=\"0\"/></w:rPr><w:t>um 11 Uhr</w:t></w:r>{}",
                r("Wir treffen uns "),
                r(".")
            ),
        ),
        p("berschrift1", &r("Unsere Forderungen")),
        p("Aufzhlungszeichen", &r("Kein Verkauf")),
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Aufzhlungszeichen\"/><w:numPr><w:ilvl w:val=\"1\"/>\
             <w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
            r("auch nicht in Teilen")
        ),
        numbered("Erstens"),
        numbered("Zweitens"),
        p("Meine", &r("Kontakt")),
        p("", &r("Ende.")),
    ]
    .concat();
    let got = markdown_of(&body);
    assert_eq!(
        got.markdown,
        "# Hände weg vom Park\n\n\
         Wir treffen uns **am Samstag** *um 11 Uhr*.\n\n\
         ## Unsere Forderungen\n\n\
         - Kein Verkauf\n    - auch nicht in Teilen\n1. Erstens\n2. Zweitens\n\n\
         ## Kontakt\n\n\
         Ende.\n\n"
    );
    assert!(got.warnings.is_empty());
}

#[test]
fn a_short_bold_paragraph_over_text_is_a_heading() {
    let bold = |t: &str| {
        p(
            "",
            &format!("<w:r><w:rPr><w:b/></w:rPr><w:t>{t}</w:t></w:r>"),
        )
    };
    let body = [
        p("", &r("Save the library")),
        p("", &r("The council wants to close it.")),
        bold("Our demands"),
        p("", &r("Keep it open.")),
        bold("Come on Saturday!"),
        p("", &r("At the gate.")),
        bold("Before a heading"),
        p("berschrift1", &r("Contact")),
        p("", &r("Write to us.")),
        bold("Friends of the Library"),
    ]
    .concat();
    assert_eq!(
        markdown_of(&body).markdown,
        "# Save the library\n\nThe council wants to close it.\n\n## Our demands\n\n\
         Keep it open.\n\n**Come on Saturday!**\n\nAt the gate.\n\n**Before a heading**\n\n\
         ## Contact\n\nWrite to us.\n\n**Friends of the Library**\n\n"
    );
}

#[test]
fn a_document_that_opens_with_its_text_has_no_headline() {
    // Two sentences in ordinary text, under 150 characters: the text's
    // opening, as in a plain text, not a headline.
    let opening = "The council plans to close the library in March. \
                   We think this is wrong, and we ask you to come on Thursday.";
    let body = [p("", &r(opening)), p("", &r("Keep it open."))].concat();
    assert_eq!(
        markdown_of(&body).markdown,
        format!("{opening}\n\nKeep it open.\n\n")
    );
    // In the Title style it is the headline whatever it says.
    let body = [p("Titel", &r(opening)), p("", &r("Keep it open."))].concat();
    assert!(markdown_of(&body).markdown.starts_with("# The council"));
}

#[test]
fn numbered_headings_show_their_numbers() {
    let numbering = format!(
        "<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"0\">\
           <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>\
           <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>\
         </w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    );
    let heading = |level: u8, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/><w:numPr><w:ilvl w:val=\"{level}\"/>\
             <w:numId w:val=\"7\"/></w:numPr></w:pPr>{}</w:p>",
            r(text)
        )
    };
    let body = [
        heading(0, "Introduction"),
        heading(1, "Background"),
        heading(1, "Figures"),
        heading(0, "Demands"),
        heading(1, "Pay"),
    ]
    .concat();
    let bytes = docx(&[
        ("word/document.xml", &document(&body)),
        ("word/styles.xml", &styles()),
        ("word/numbering.xml", &numbering),
    ]);
    assert_eq!(
        to_markdown(&bytes, "s.docx").unwrap().markdown,
        "# 1. Introduction\n\n# 1.1 Background\n\n# 1.2 Figures\n\n# 2. Demands\n\n# 2.1 Pay\n\n"
    );
}

#[test]
fn a_line_break_in_a_title_or_cell_keeps_it_one_line() {
    let br = |a: &str, b: &str| format!("{}<w:r><w:br/></w:r>{}", r(a), r(b));
    let body = [
        p("Titel", &br("SAVE OUR", "LIBRARY")),
        p("", &br("12 Mill Lane", "Riverside")),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p("", &br("Town", "Hall")),
            p("", &r("Square"))
        ),
    ]
    .concat();
    assert_eq!(
        markdown_of(&body).markdown,
        "# SAVE OUR LIBRARY\n\n12 Mill Lane\\\nRiverside\n\n| Town Hall | Square |\n| --- | --- |\n\n"
    );
}

#[test]
fn what_the_writer_typed_prints_as_typed() {
    let body = [
        p("", &r("Headline")),
        p(
            "",
            &r("1. No list, # no heading, *no stars*, [no link], a_b, 2 &lt; 3 &amp;amp; 4"),
        ),
        p("", &r("- no item")),
    ]
    .concat();
    let got = markdown_of(&body).markdown;
    assert_eq!(
        got,
        "# Headline\n\n1\\. No list, # no heading, \\*no stars\\*, \\[no link\\], a\\_b, 2 \\< 3 \\&amp; 4\n\n\
         \\- no item\n\n"
    );
    // Read back by the Markdown reader, every character is there.
    let parsed =
        crate::statement::parse(&got, crate::statement::Format::Markdown, "s.docx").unwrap();
    let text: Vec<String> = parsed
        .document
        .blocks
        .iter()
        .map(|b| b.spans.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert_eq!(
        text,
        [
            "Headline",
            "1. No list, # no heading, *no stars*, [no link], a_b, 2 < 3 &amp; 4",
            "- no item"
        ]
    );
}

#[test]
fn links_tables_text_boxes_and_notes_keep_every_word() {
    let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" \
          Target=\"https://example.org/park\" TargetMode=\"External\"/></Relationships>";
    let footnotes = format!(
        "<w:footnotes xmlns:w=\"{W}\"><w:footnote w:id=\"0\"><w:p>{}</w:p></w:footnote>\
         <w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote></w:footnotes>",
        r("separator"),
        r(" Stadtratsbeschluss vom 3. März.")
    );
    let text_box = format!(
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx \
         xmlns:wps=\"x\"><w:txbxContent><w:p>{}</w:p></w:txbxContent></wps:txbx></w:drawing>\
         </mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>{}</w:p></w:txbxContent></w:pict>\
         </mc:Fallback></mc:AlternateContent></w:r>",
        r("Samstag, 11 Uhr"),
        r("Samstag, 11 Uhr")
    );
    let body = [
        p(
            "",
            &format!(
                "{}<w:hyperlink r:id=\"rId9\">{}</w:hyperlink>{}\
                 <w:r><w:footnoteReference w:id=\"2\"/></w:r>{text_box}",
                r("Mehr auf "),
                r("unserer Seite"),
                r(".")
            ),
        ),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>\
             <w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p("", &r("Was")),
            p("", &r("Wo")),
            p("", &r("Demo")),
            p("", &r("a|b")),
            p("", &r("Rathaus"))
        ),
        p(
            "",
            &format!(
                "{}<w:del><w:r><w:delText>gestrichen </w:delText></w:r></w:del>\
                 <w:ins><w:r><w:t>neu</w:t></w:r></w:ins>\
                 <w:r><w:commentReference w:id=\"1\"/></w:r>\
                 <w:r><w:drawing><a:blip xmlns:a=\"y\"/></w:drawing></w:r>",
                r("Alt ")
            ),
        ),
    ]
    .concat();
    let bytes = docx(&[
        ("word/document.xml", &document(&body)),
        ("word/_rels/document.xml.rels", rels),
        ("word/footnotes.xml", &footnotes),
        (
            "word/header1.xml",
            &format!(
                "<w:hdr xmlns:w=\"{W}\"><w:p>{}</w:p></w:hdr>",
                r("Bürgerinitiative Stadtpark e. V.")
            ),
        ),
    ]);
    let got = to_markdown(&bytes, "s.docx").unwrap();
    assert_eq!(
        got.markdown,
        "# Mehr auf [unserer Seite](<https://example.org/park>).[^1]\n\n\
         Samstag, 11 Uhr\n\n\
         | Was | Wo |\n| --- | --- |\n| Demo a\\|b | Rathaus |\n\n\
         Alt neu\n\n\
         [^1]: Stadtratsbeschluss vom 3. März.\n\n"
    );
    // The Markdown reader makes the note an endnote, its mark a number.
    let parsed =
        crate::statement::parse(&got.markdown, crate::statement::Format::Markdown, "s.docx")
            .unwrap();
    let blocks: Vec<String> = parsed
        .document
        .blocks
        .iter()
        .map(|b| b.spans.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert!(blocks.iter().all(|b| !b.contains("[^")), "{blocks:?}");
    assert!(
        blocks
            .iter()
            .any(|b| b.contains("Stadtratsbeschluss vom 3. März.")),
        "{blocks:?}"
    );
    let said: Vec<&str> = got.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(said.len(), 4, "{said:?}");
    assert!(said[0].starts_with("1 picture in the Word document is not placed"));
    assert!(said[1].starts_with("1 comment in the Word document left off"));
    assert!(said[2].contains("read as if accepted (1 deleted passage left off)"));
    assert!(said[3].contains("(“Bürgerinitiative Stadtpark e. V.”) are left off"));
}

#[test]
fn a_cells_text_box_is_read_once_and_ruby_keeps_its_base() {
    let cell_box = format!(
        "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p>{}</w:p>\
         </w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>{}</w:p>\
         </w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        r("Box"),
        r("Box")
    );
    let ruby = format!(
        "<w:r><w:ruby><w:rt><w:r><w:t>ほいくえん</w:t></w:r></w:rt>\
         <w:rubyBase><w:r><w:t>保育園</w:t></w:r></w:rubyBase></w:ruby></w:r>{}",
        r("を守ろう")
    );
    let body = [
        p("", &r("Title")),
        format!(
            "<w:tbl><w:tr><w:tc>{cell_box}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p("", &r("Side"))
        ),
        p("", &ruby),
    ]
    .concat();
    assert_eq!(
        markdown_of(&body).markdown,
        "# Title\n\n| Box | Side |\n| --- | --- |\n\n保育園を守ろう\n\n"
    );
}

#[test]
fn a_note_and_a_picture_in_a_cells_text_box_count_once() {
    // The cell reads the box's paragraphs with its own; before, the box
    // was written once more and dropped, its note numbered twice and its
    // picture counted twice. A box in a note keeps its text too.
    let footnotes = format!(
        "<w:footnotes xmlns:w=\"{W}\"><w:footnote w:id=\"2\"><w:p>{}</w:p></w:footnote>\
         <w:footnote w:id=\"3\"><w:p>{}<w:r><w:drawing><w:txbxContent><w:p>{}</w:p>\
         </w:txbxContent></w:drawing></w:r></w:p></w:footnote></w:footnotes>",
        r("Beschluss vom 3. März."),
        r("Siehe"),
        r("Kasten")
    );
    let boxed = format!(
        "<w:p><w:r><w:drawing><w:txbxContent><w:p>{}<w:r><w:footnoteReference w:id=\"2\"/></w:r>\
         <w:r><w:drawing><a:blip xmlns:a=\"y\"/></w:drawing></w:r></w:p>\
         </w:txbxContent></w:drawing></w:r></w:p>",
        r("Demo")
    );
    let body = [
        p("", &r("Title")),
        format!(
            "<w:tbl><w:tr><w:tc>{boxed}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p("", &r("Rathaus"))
        ),
        p(
            "",
            &format!("{}<w:r><w:footnoteReference w:id=\"3\"/></w:r>", r("Ende")),
        ),
    ]
    .concat();
    let bytes = docx(&[
        ("word/document.xml", &document(&body)),
        ("word/footnotes.xml", &footnotes),
    ]);
    let got = to_markdown(&bytes, "s.docx").unwrap();
    assert_eq!(
        got.markdown,
        "# Title\n\n| Demo[^1] | Rathaus |\n| --- | --- |\n\nEnde[^2]\n\n\
         [^1]: Beschluss vom 3. März.\n\n[^2]: Siehe Kasten\n\n"
    );
    let said: Vec<&str> = got.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("1 picture in the Word document is not placed"));
}

#[test]
fn a_table_of_one_column_is_a_frame_round_the_text() {
    let frame = format!(
        "<w:tbl><w:tr><w:tc>{}{}{}</w:tc></w:tr></w:tbl>",
        p("Titel", &r("Save the library")),
        p("berschrift1", &r("Why")),
        p("", &r("It is the only free place."))
    );
    assert_eq!(
        markdown_of(&frame).markdown,
        "# Save the library\n\n## Why\n\nIt is the only free place.\n\n"
    );
}

#[test]
fn an_equations_text_is_kept() {
    let math = "<m:oMath xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\">\
        <m:r><m:t>x</m:t></m:r><m:r><m:t>=2*y</m:t></m:r></m:oMath>";
    let body = [p("", &r("Title")), p("", &format!("{}{math}", r("Rise: ")))].concat();
    assert_eq!(markdown_of(&body).markdown, "# Title\n\nRise: x=2\\*y\n\n");
}

#[test]
fn a_broken_or_hostile_document_is_an_error_naming_the_file() {
    let no_body = docx(&[("word/other.xml", "<x/>")]);
    assert!(!is_docx(&no_body));
    let bad_xml = docx(&[("word/document.xml", "<w:document><w:body>")]);
    let e = to_markdown(&bad_xml, "s.docx").unwrap_err().to_string();
    assert!(
        e.starts_with("s.docx: word/document.xml is not well-formed XML"),
        "{e}"
    );
    // An entity bomb: roxmltree refuses the DTD it needs.
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">\
        <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>";
    let e = to_markdown(&docx(&[("word/document.xml", bomb)]), "s.docx").unwrap_err();
    assert!(e.to_string().contains("not well-formed XML"), "{e}");
    // A paragraph inside `n` of `open` … `close`, read as a document.
    let nested = |open: &str, close: &str, n: usize| {
        let body = format!("{}{}{}", open.repeat(n), p("", &r("deep")), close.repeat(n));
        to_markdown(&docx(&[("word/document.xml", &document(&body))]), "s.docx")
    };
    // Content nested past any document's: refused, the stack kept.
    let e = nested("<w:ins>", "</w:ins>", 100_000)
        .unwrap_err()
        .to_string();
    assert!(e.contains("nests its elements more than 256 deep"), "{e}");
    // Deeper than the reader reads, not yet than the XML parser's limit.
    let e = nested("<w:ins>", "</w:ins>", 200).unwrap_err().to_string();
    assert!(e.contains("more than 64 levels deep"), "{e}");
    // Quoted ">" and comments do not fool the depth's count.
    assert_eq!(
        element_depth("<a x='>'><!-- <b> --><b/><c><![CDATA[<d>]]></c></a>"),
        2
    );
    assert!(nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 20_000).is_err());
    // A part that inflates past the limit: a zip bomb.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    zip.start_file("word/document.xml", stored).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..=(MAX_PART >> 20) {
        zip.write_all(&chunk).unwrap();
    }
    let big = zip.finish().unwrap().into_inner();
    let e = to_markdown(&big, "s.docx").unwrap_err().to_string();
    assert!(e.contains("unpacks to more than 16 MiB"), "{e}");
}
