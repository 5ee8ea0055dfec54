//! Every kind of bad, hostile or big input from the README's table: what
//! handbill says, its exit code, and that a good PDF already at the output
//! path survives every failure.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch folder for one test, removed when it drops.
fn tmpdir(tag: &str) -> tempfile::TempDir {
    support::scratch_dir(&format!("handbill-bad-{tag}-"))
}

/// What a case feeds handbill.
struct Case {
    name: &'static str,
    statement: Vec<u8>,
    layout: Option<String>,
    args: Vec<String>,
}

/// What it must get back.
struct Expect {
    code: i32,
    says: &'static [&'static str],
}

fn case(name: &'static str, statement: impl Into<Vec<u8>>) -> Case {
    Case {
        name,
        statement: statement.into(),
        layout: None,
        args: Vec::new(),
    }
}

impl Case {
    fn layout(mut self, l: impl Into<String>) -> Case {
        self.layout = Some(l.into());
        self
    }
    fn arg(mut self, a: &str) -> Case {
        self.args.push(a.to_string());
        self
    }
}

const GOOD_OLD_PDF: &[u8] = b"%PDF-1.7\n% a good leaflet from yesterday\n";

fn run(c: &Case, dir: &Path) -> (Output, PathBuf) {
    let input = dir.join(format!("{}.txt", c.name));
    std::fs::write(&input, &c.statement).unwrap();
    let out = dir.join(format!("{}.pdf", c.name));
    std::fs::write(&out, GOOD_OLD_PDF).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_handbill"));
    cmd.arg("build").arg(&input).arg("-o").arg(&out);
    if let Some(l) = &c.layout {
        let lp = dir.join(format!("{}.toml", c.name));
        std::fs::write(&lp, l.replace("$DIR", dir.to_str().unwrap())).unwrap();
        cmd.arg("--layout").arg(&lp);
    }
    cmd.args(&c.args);
    (cmd.output().unwrap(), out)
}

fn check(c: Case, e: Expect) {
    let scratch = tmpdir(c.name);
    let dir = scratch.path();
    let (o, out) = run(&c, dir);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(e.code),
        "{}: exit code; stderr: {err}",
        c.name
    );
    for s in e.says {
        assert!(err.contains(s), "{}: stderr lacks {s:?}: {err}", c.name);
    }
    assert!(!err.contains("panicked"), "{}: {err}", c.name);
    let pdf = std::fs::read(&out).unwrap();
    if e.code == 0 {
        assert!(
            pdf.starts_with(b"%PDF-") && pdf != GOOD_OLD_PDF,
            "{}: no new PDF",
            c.name
        );
    } else {
        // One line per error, and the old file untouched.
        assert_eq!(
            err.lines().filter(|l| l.contains("error")).count(),
            1,
            "{}: {err}",
            c.name
        );
        assert_eq!(pdf, GOOD_OLD_PDF, "{}: the old PDF was touched", c.name);
    }
    let strays: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(
        strays.is_empty(),
        "{}: temporary files left: {strays:?}",
        c.name
    );
}

fn ok(says: &'static [&'static str]) -> Expect {
    Expect { code: 0, says }
}
fn bad(says: &'static [&'static str]) -> Expect {
    Expect { code: 1, says }
}

// ------------------------------------------------------------ statements

#[test]
fn statement_inputs() {
    check(
        case("empty", ""),
        bad(&["empty.txt", "the statement is empty"]),
    );
    // Default-ignorable format characters (Arabic letter mark, Mongolian
    // vowel separator) draw nothing and need no font.
    check(
        case(
            "ignorable",
            "Headline\n\nText \u{61C}with a mark and a \u{180E} separator.\n",
        ),
        ok(&[]),
    );
    // A QR code asked for and none possible: said where it was asked for.
    check(
        case(
            "qr-empty",
            "+++\nqr = \"\"\n+++\n\nHeadline\n\nSome text.\n",
        ),
        bad(&["qr-empty.txt:2:6", "front matter `qr` is empty"]),
    );
    let long_qr = format!(
        "+++\nqr = \"https://example.org/{}\"\n+++\n\nHeadline\n\nSome text.\n",
        "x".repeat(5000)
    );
    check(
        case("qr-long", long_qr),
        bad(&["qr-long.txt:2: ", "cannot be made into a QR code"]),
    );
    // A preview too large to draw is refused before any work, with the
    // resolution that works for the sheet.
    check(
        case("png-dpi", "Headline\n\nSome text.\n")
            .layout("extends = \"a2-poster\"\n")
            .arg("--png")
            .arg("/tmp/handbill-never-written.png")
            .arg("--png-dpi")
            .arg("1200"),
        Expect {
            code: 2,
            says: &[
                "--png-dpi: 1200 dpi makes a 19843×28063-pixel preview of the 420×594 mm sheet",
                "508 dpi is the most that works",
            ],
        },
    );
    // --lang is checked as a layout's `lang` is: meant for every statement.
    check(
        case("lang-junk", "Headline\n\nSome text.\n")
            .arg("--lang")
            .arg("xx-junk"),
        Expect {
            code: 2,
            says: &["--lang: \"xx-junk\" names no language handbill knows"],
        },
    );
    check(
        case("whitespace", " \n\t\n\u{a0}\n"),
        bad(&["the statement is empty"]),
    );
    check(
        case(
            "latin1",
            b"Solidarit\xe9\n\nLa gr\xe8ve continue.\n".to_vec(),
        ),
        bad(&["latin1.txt:1:10", "not UTF-8", "--encoding"]),
    );
    check(
        case(
            "latin1-decoded",
            b"Solidarit\xe9\n\nLa gr\xe8ve continue.\n".to_vec(),
        )
        .arg("--encoding")
        .arg("latin1"),
        ok(&[]),
    );
    check(
        case(
            "cp1252-decoded",
            b"\x93Quoted\x94 headline\n\nA \x80 sign.\n".to_vec(),
        )
        .arg("--encoding")
        .arg("windows-1252"),
        ok(&[]),
    );
    check(case("bom", "\u{feff}Headline\n\nBody text.\n"), ok(&[]));
    // Notepad's "Unicode": UTF-16 after its byte-order mark is read.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Headline\r\n\r\nBody text, 50 €.\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    check(case("utf16", utf16), ok(&[]));
    check(
        case("utf16-cut", b"\xFF\xFEH\x00i\x00\n\x00\x00\xDC".to_vec()),
        bad(&[
            "utf16-cut.txt:2:1",
            "not valid UTF-16 (a lone surrogate, 0xDC00)",
        ]),
    );
    check(case("crlf", "Headline\r\n\r\nBody\r\ntext.\r\n"), ok(&[]));
    check(case("cr", "Headline\r\rBody\rtext.\r"), ok(&[]));
    check(
        case("nul", "Headline\n\nBody\u{0}text.\n"),
        bad(&["nul.txt:3:5", "U+0000"]),
    );
    check(
        case("control", "Headline\n\nBody\u{7}text.\n"),
        bad(&["control.txt:3:5", "U+0007"]),
    );
    check(
        case("tabs", "Headline\n\n\tBody\ttext\twith tabs.\n"),
        ok(&[]),
    );
    check(
        case("bidi", "Headline\n\nBody \u{202e}text\u{202c} here.\n"),
        ok(&["bidi.txt:3", "warning"]),
    );
    check(
        case(
            "zero-width",
            "Headline\n\nLong\u{200b}compound\u{200b}word and a\u{200d}b.\n",
        ),
        ok(&[]),
    );
    check(case("one-char", "H\n\nx\n"), ok(&[]));
    // Emoji and other scripts come from the fallback chain, with a note.
    check(
        case("emoji", "Headline\n\nWe march \u{1F4E3} on Friday.\n"),
        ok(&["emoji.txt:3", "\u{1F4E3} in Noto Emoji"]),
    );
    check(
        case("armenian", "Headline\n\nԲարեւ ձեզ.\n"),
        ok(&["armenian.txt:3", "in Noto Sans Armenian"]),
    );
    // What no font of the chain has stops the build, each character named
    // with its line and column.
    check(
        case(
            "no-font",
            "Headline\n\nA clef \u{1D11E} and\nthe private \u{E000}.\n",
        ),
        bad(&[
            "no-font.txt:3:8: no font can show",
            "U+1D11E",
            "(U+E000) at 4:13",
        ]),
    );
    check(
        case(
            "long-word",
            format!("Headline\n\n{} end.\n", "w".repeat(900)),
        ),
        ok(&["long-word.txt:3", "broken without a hyphen"]),
    );
    check(
        case(
            "too-long-word",
            format!("Headline\n\nSee {} end.\n", "w".repeat(50_000)),
        ),
        bad(&[
            "too-long-word.txt:3:5",
            "one word of 50000 characters",
            "up to 1000",
        ]),
    );
    check(
        case(
            "too-long-paragraph",
            format!("Headline\n\n{}\n", "word ".repeat(5_000)),
        ),
        bad(&[
            "too-long-paragraph.txt:3",
            "this paragraph has 24999 characters",
        ]),
    );
    check(
        case(
            "too-long-table",
            format!("Headline\n\n{}", "Member\tBlock C\t12.50 €\n".repeat(1_000)),
        ),
        bad(&[
            "too-long-table.txt:3",
            "this table has 22999 characters",
            "split it into several tables, each with its headings",
        ]),
    );
    check(
        // Under a headline of its own: a second "a" would repeat the
        // headline "a" and be left off, one paragraph fewer.
        case(
            "too-many-paragraphs",
            format!("Headline\n\n{}", "a\n\n".repeat(20_000)),
        ),
        bad(&[
            "too-many-paragraphs.txt:40001",
            "more than 20000 paragraphs",
        ]),
    );
    check(
        case("long-url", "Headline\n\nSee https://example.org/a/very/long/path/that/does/not/fit/into/any/column/at/all/whatever/the/layout/says/index.html now.\n")
            .arg("--layout")
            .arg("a6-handout"),
        ok(&["long-url.txt:3", "broken without a hyphen"]),
    );
    let many: String = std::iter::once("Headline\n\n".to_string())
        .chain((0..10_000).map(|i| format!("Line {i}.\n\n")))
        .collect();
    check(case("many-paragraphs", many), ok(&[]));
}

#[test]
fn a_document_or_picture_is_not_read_as_text() {
    // Before: "docx.txt:1:3: U+0003 (a control character); remove it", or
    // a PDF's or RTF's markup set as the leaflet's text.
    check(
        case(
            "odt",
            b"PK\x03\x04\x14\x00\x06\x00mimetypeapplication/vnd.oasis".to_vec(),
        ),
        bad(&[
            "odt.txt: the file is a zip archive, such as a LibreOffice (.odt) document, not text",
        ]),
    );
    // A Word document is read (tests/docx.rs); a damaged one says so.
    check(
        case(
            "docx",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml".to_vec(),
        ),
        bad(&[
            "docx.txt: the Word document cannot be opened",
            "it may be damaged or cut short",
        ]),
    );
    check(
        case("doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec()),
        bad(&["doc.txt: the file is an old Word (.doc) document"]),
    );
    check(
        case("pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
        bad(&["pdf.txt: the file is a PDF, not text: copy its text into a .txt file"]),
    );
    check(
        case("rtf", "{\\rtf1\\ansi Rents down}"),
        bad(&["rtf.txt: the file is an RTF document"]),
    );
    check(
        case("png", b"\x89PNG\r\n\x1a\n\x00\x00".to_vec()),
        bad(&["png.txt: the file is a picture (PNG), not text"]),
    );
}

#[test]
fn oversized_statement_is_refused() {
    let big = vec![b'a'; 1024 * 1024 + 1];
    check(
        case("too-big", big),
        bad(&["too-big.txt", "larger than 1 MB"]),
    );
}

// ------------------------------------------------------------ layouts

#[test]
fn layout_inputs() {
    let s = "Headline\n\nBody text of the statement.\n";
    check(
        case("toml-syntax", s).layout("[page\ncolumns = 2\n"),
        bad(&["toml-syntax.toml:1:", "TOML syntax error"]),
    );
    check(
        case("wrong-type", s).layout("[page]\ncolumns = \"two\"\n"),
        bad(&["wrong-type.toml:2:11", "whole number"]),
    );
    check(
        case("unknown-key", s).layout("[body]\nsise = \"10pt\"\n"),
        bad(&["unknown-key.toml:2:1", "did you mean `size`"]),
    );
    check(
        case("no-unit", s).layout("[body]\nsize = 10\n"),
        bad(&["no-unit.toml:2:8", "no unit"]),
    );
    check(
        case("negative-margin", s).layout("[page]\nmargin = \"-5mm\"\n"),
        bad(&["negative-margin.toml:2:"]),
    );
    check(
        case("zero-size", s).layout("[body]\nsize = \"0pt\"\nleading = \"1pt\"\n"),
        bad(&["zero-size.toml:2:"]),
    );
    check(
        case("huge-size", s).layout("[headline]\nsize = \"1000pt\"\nleading = \"1100pt\"\n"),
        bad(&["huge-size.toml:2:"]),
    );
    check(
        case("wide-margins", s)
            .layout("[page]\nmargin-left = \"100mm\"\nmargin-right = \"100mm\"\n"),
        bad(&["wide-margins.toml:"]),
    );
    check(
        case("zero-columns", s).layout("[page]\ncolumns = 0\n"),
        bad(&["zero-columns.toml:2:11", "1 to 12"]),
    );
    check(
        case("fifty-columns", s).layout("[page]\ncolumns = 50\n"),
        bad(&["fifty-columns.toml:2:11", "1 to 12"]),
    );
    check(
        case("wide-gap", s).layout("[page]\ncolumn-gap = \"300mm\"\n"),
        bad(&["wide-gap.toml:2:"]),
    );
    check(
        case("font-missing", s).layout("[body]\nfont = \"$DIR/nope.ttf\"\n"),
        bad(&["font-missing.toml:2:8", "does not exist"]),
    );
    check(
        case("font-is-dir", s).layout("[body]\nfont = \"$DIR/\"\n"),
        bad(&["font-is-dir"]),
    );
    check(
        case("extends-unknown", s).layout("extends = \"a4-leaflat\"\n"),
        bad(&["did you mean `a4-leaflet`"]),
    );
    check(
        case("self-extends", s).layout("extends = \"self-extends.toml\"\n"),
        bad(&["extends cycle"]),
    );
    check(
        case("builtin-unknown", s).arg("--layout").arg("a5-flyr"),
        bad(&["no built-in layout `a5-flyr`", "a5-flyer"]),
    );
}

#[test]
fn extends_cycle_across_files() {
    let scratch = tmpdir("cycle");
    let dir = scratch.path();
    std::fs::write(dir.join("a.toml"), "extends = \"b.toml\"\n").unwrap();
    std::fs::write(dir.join("b.toml"), "extends = \"a.toml\"\n").unwrap();
    let s = dir.join("s.txt");
    std::fs::write(&s, "Headline\n\nBody.\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args([
            "build",
            s.to_str().unwrap(),
            "--layout",
            dir.join("a.toml").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("extends cycle"));
}

// ------------------------------------------------------------ fonts

/// A copy of a bundled font with its OS/2 fsType set to `fs_type`.
fn font_with_fs_type(dir: &Path, fs_type: u16) -> PathBuf {
    let mut d = std::fs::read(root().join("fonts/NotoSans-Regular.ttf")).unwrap();
    let tables = u16::from_be_bytes([d[4], d[5]]) as usize;
    for i in 0..tables {
        let rec = 12 + 16 * i;
        if &d[rec..rec + 4] == b"OS/2" {
            let off =
                u32::from_be_bytes([d[rec + 8], d[rec + 9], d[rec + 10], d[rec + 11]]) as usize;
            d[off + 8..off + 10].copy_from_slice(&fs_type.to_be_bytes());
        }
    }
    let p = dir.join(format!("fs{fs_type}.ttf"));
    std::fs::write(&p, d).unwrap();
    p
}

#[test]
fn font_inputs() {
    let s = "Headline\n\nBody text of the statement.\n";
    let scratch = tmpdir("fonts");
    let dir = scratch.path();
    let restricted = font_with_fs_type(dir, 0x0002);
    check(
        case("font-restricted", s).layout(format!("[body]\nfont = \"{}\"\n", restricted.display())),
        bad(&["forbid embedding"]),
    );
    let installable = font_with_fs_type(dir, 0);
    check(
        case("font-installable", s)
            .layout(format!("[body]\nfont = \"{}\"\n", installable.display())),
        ok(&[]),
    );
    let full = std::fs::read(root().join("fonts/NotoSans-Regular.ttf")).unwrap();
    let truncated = dir.join("truncated.ttf");
    std::fs::write(&truncated, &full[..full.len() / 3]).unwrap();
    check(
        case("font-truncated", s).layout(format!("[body]\nfont = \"{}\"\n", truncated.display())),
        bad(&["truncated.ttf"]),
    );
    let junk = dir.join("junk.ttf");
    std::fs::write(&junk, b"<html>not a font</html>").unwrap();
    check(
        case("font-junk", s).layout(format!("[body]\nfont = \"{}\"\n", junk.display())),
        bad(&["junk.ttf", "not a usable"]),
    );
    // A fallback font is read when the layout is, not only when a
    // character needs it: a broken one is named with its place.
    check(
        case("fallback-junk", s).layout(format!(
            "[body]\nfallback = [\"sans\", \"{}\"]\n",
            junk.display()
        )),
        bad(&[
            "fallback-junk.toml:2:21",
            "`fallback` in [body]",
            "junk.ttf",
            "not a usable",
        ]),
    );
    // Roboto lacks U+A7B5: it is set in a bundled face, and handbill says so.
    let roboto = dir.join("roboto.ttf");
    std::fs::copy(root().join("fonts/Roboto-Black.ttf"), &roboto).unwrap();
    check(
        case(
            "font-fallback",
            "Headline\n\nThe letter \u{a7b5} is rare.\n",
        )
        .layout(format!("[body]\nfont = \"{}\"\n", roboto.display())),
        ok(&["font-fallback.txt:3", "U+A7B5", "is not in roboto", "Noto"]),
    );
}

// ------------------------------------------------------------ output

#[test]
fn output_to_a_full_device_fails_cleanly() {
    let scratch = tmpdir("devfull");
    let dir = scratch.path();
    let s = dir.join("s.txt");
    std::fs::write(&s, "Headline\n\nBody.\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(["build", s.to_str().unwrap(), "-o", "/dev/full"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/dev/full: No space left on device"), "{err}");
}

#[test]
fn output_where_files_cannot_be_made() {
    let scratch = tmpdir("proc");
    let dir = scratch.path();
    let s = dir.join("s.txt");
    std::fs::write(&s, "Headline\n\nBody.\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(["build", s.to_str().unwrap(), "-o", "/proc/x.pdf"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn interrupt_leaves_the_old_pdf_and_no_temporary_file() {
    // Ctrl-C, and the signals a session's end or a service manager sends:
    // each removes the temporary file and exits with 128 + its number.
    for (signal, code) in [("INT", 130), ("TERM", 143), ("HUP", 129)] {
        let scratch = tmpdir(&format!("sig{signal}"));
        let dir = scratch.path();
        let s = dir.join("big.txt");
        // Big enough (1 MB, 200 pages, each also rasterised for a preview)
        // to take seconds even on a fast machine, so the signal comes while
        // it is working.
        let para = "Solidarity with the workers of every town and every country. ".repeat(40);
        let text: String = std::iter::once("Headline\n\n".to_string())
            .chain((0..400).map(|_| format!("{para}\n\n")))
            .collect();
        std::fs::write(&s, text).unwrap();
        let out = dir.join("big.pdf");
        std::fs::write(&out, GOOD_OLD_PDF).unwrap();
        let png = dir.join("big.png");
        let child = Command::new(env!("CARGO_BIN_EXE_handbill"))
            .args(["build", s.to_str().unwrap(), "-o", out.to_str().unwrap()])
            .args(["--png", png.to_str().unwrap()])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(150));
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let o = child.wait_with_output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(code),
            "SIG{signal}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(std::fs::read(&out).unwrap(), GOOD_OLD_PDF);
        let mut left: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["big.pdf", "big.txt"], "SIG{signal}");
    }
}

#[test]
fn a_pdf_for_a_closed_or_null_standard_output_is_an_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(["build", "-", "-o", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin
                .take()
                .unwrap()
                .write_all(b"Headline\n\nSome text.\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("<standard output>: is closed or /dev/null")
    );
}
