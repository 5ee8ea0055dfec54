//! A Word document as the statement, through the command line: every word
//! of its text on the page, what is left off named on stderr.

mod support;

use std::io::Write;
use std::process::Command;

use support::{tool, tools_accept};

/// A .docx of the main part alone (Word needs more to open a file; handbill
/// needs only this), with a page header.
fn docx(body: &str, header: &str) -> Vec<u8> {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    write!(
        zip,
        "<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    )
    .unwrap();
    zip.start_file("word/header1.xml", stored).unwrap();
    write!(
        zip,
        "<w:hdr xmlns:w=\"{W}\"><w:p><w:r><w:t>{header}</w:t></w:r></w:p></w:hdr>"
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

fn para(outline: Option<u8>, text: &str) -> String {
    let ppr = outline.map_or(String::new(), |l| {
        format!("<w:pPr><w:outlineLvl w:val=\"{l}\"/></w:pPr>")
    });
    format!("<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

#[test]
fn a_word_document_prints_every_word_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let body = [
        para(Some(0), "Hands off Mill Lane Park"),
        para(
            None,
            "The council wants to sell half of the park to a developer. We say no: the park \
             is where our children play, where the market stands on Saturdays and where the \
             older neighbours sit in the shade all summer.",
        ),
        para(Some(1), "Come on Saturday"),
        para(
            None,
            "We meet at the gate at 11 am, with banners &amp; children.",
        ),
    ]
    .concat();
    // Named .txt: a Word document is known by what it holds.
    let input = dir.path().join("appeal.txt");
    std::fs::write(&input, docx(&body, "Mill Lane Residents – page 1")).unwrap();
    let pdf = dir.path().join("appeal.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args([
            "build",
            input.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("the Word document's page header and footer (“Mill Lane Residents – page 1”) are left off"),
        "{stderr}"
    );
    tools_accept(&pdf);
    let (ok, text, _) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(ok);
    let printed: Vec<&str> = text.split_whitespace().collect();
    let expected = "Hands off Mill Lane Park The council wants to sell half of the park to a \
        developer. We say no: the park is where our children play, where the market stands on \
        Saturdays and where the older neighbours sit in the shade all summer. Come on Saturday \
        We meet at the gate at 11 am, with banners & children.";
    // pdftotext joins a word hyphenated at a line's end only with its
    // hyphen: compare the words with the hyphens of line ends taken out.
    let joined = printed.join(" ").replace("\u{AD} ", "").replace("- ", "-");
    for word in expected.split_whitespace() {
        assert!(joined.contains(word), "“{word}” is not printed:\n{text}");
    }
    assert!(
        !joined.contains("page 1"),
        "the header was printed:\n{text}"
    );
}
