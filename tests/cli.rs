//! The command line: what a user types, what they get back.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
}

/// A scratch folder for one test, removed when it drops.
fn tmpdir(tag: &str) -> tempfile::TempDir {
    support::scratch_dir(&format!("handbill-cli-{tag}-"))
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn build_writes_pdf_beside_the_statement() {
    let scratch = tmpdir("beside");
    let d = scratch.path();
    let input = d.join("statement.txt");
    std::fs::copy(sample("en-tenants.txt"), &input).unwrap();
    let o = bin()
        .args(["build", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(d.join("statement.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn stdin_to_stdout_with_a_layout_file() {
    let scratch = tmpdir("stdio");
    let d = scratch.path();
    let layout = d.join("mine.toml");
    std::fs::write(&layout, "extends = \"a4-leaflet\"\n[page]\ncolumns = 3\n").unwrap();
    let mut child = bin()
        .args(["build", "-", "--layout", layout.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(&std::fs::read(sample("en-tenants.txt")).unwrap())
            .unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.starts_with(b"%PDF-"));
}

#[test]
fn layouts_and_fonts_list() {
    let o = bin().arg("layouts").output().unwrap();
    let s = String::from_utf8_lossy(&o.stdout);
    for name in [
        "a4-leaflet",
        "a5-flyer",
        "letter-leaflet",
        "a3-poster",
        "a2-poster",
        "tabloid-poster",
        "a6-handout",
        "a4-trifold",
    ] {
        assert!(s.contains(name), "{s}");
    }
    // One row each, the columns lined up.
    let rows: Vec<&str> = s.lines().collect();
    assert_eq!(rows.len(), 8, "{s}");
    // Where each field starts: after two or more spaces.
    let starts = |r: &str| -> Vec<usize> {
        let c: Vec<char> = r.chars().collect();
        (2..c.len())
            .filter(|&i| c[i] != ' ' && c[i - 1] == ' ' && c[i - 2] == ' ')
            .take(3)
            .collect()
    };
    assert!(rows.iter().all(|r| starts(r) == starts(rows[0])), "{s}");
    assert!(s.contains("6 panels"), "{s}");
    let o = bin().arg("fonts").output().unwrap();
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(
        s.contains("Noto Serif") && s.contains("Cyrillic") && s.contains("Greek"),
        "{s}"
    );
}

#[test]
fn help_shows_examples() {
    let o = bin().args(["build", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("Examples:"));
}

#[test]
fn errors_are_one_line_with_exit_codes_and_keep_the_old_pdf() {
    let scratch = tmpdir("errors");
    let d = scratch.path();
    let out = d.join("out.pdf");
    std::fs::write(&out, b"%PDF-1.7 the good old file").unwrap();

    // A bad layout: exit 1, one line naming file:line:col, old PDF intact.
    let layout = d.join("bad.toml");
    std::fs::write(&layout, "[page]\ncolums = 3\n").unwrap();
    let o = bin()
        .args([
            "build",
            sample("en-tenants.txt").to_str().unwrap(),
            "--layout",
            layout.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert_eq!(e.trim_end().lines().count(), 1, "{e}");
    assert!(e.contains("bad.toml:2:1") && e.contains("columns"), "{e}");
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 the good old file");

    // A missing statement: exit 3 (I/O).
    let o = bin()
        .args(["build", d.join("nope.txt").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("nope.txt"));

    // Output over the input is refused.
    let input = d.join("s.txt");
    std::fs::copy(sample("en-tenants.txt"), &input).unwrap();
    let o = bin()
        .args([
            "build",
            input.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        std::fs::read(&input).unwrap().starts_with(b"Fix"),
        "input was overwritten"
    );

    // Output into a missing directory.
    let o = bin()
        .args([
            "build",
            input.to_str().unwrap(),
            "-o",
            d.join("no/such/dir/x.pdf").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));

    // Usage error: exit 2.
    let o = bin().args(["build"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));

    // Unknown built-in layout: suggestion.
    let o = bin()
        .args(["build", input.to_str().unwrap(), "--layout", "a4-leaflat"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("a4-leaflet"), "{}", stderr(&o));
}

#[test]
fn empty_statement_and_unknown_glyphs_are_errors() {
    let scratch = tmpdir("bad-input");
    let d = scratch.path();
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "  \n\n \u{a0}\n").unwrap();
    let o = bin()
        .args(["build", empty.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
    assert!(!d.join("empty.pdf").exists());

    // No font of the fallback chain has the musical G clef.
    let clef = d.join("clef.txt");
    std::fs::write(
        &clef,
        "Headline\n\nWe march on Friday \u{1D11E} together.\n",
    )
    .unwrap();
    let o = bin()
        .args(["build", clef.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("U+1D11E") && e.contains("clef.txt:3:20"), "{e}");
    assert!(!d.join("clef.pdf").exists());
}

#[test]
fn batch_builds_all_and_reports_failures() {
    let scratch = tmpdir("batch");
    let d = scratch.path();
    // Not there yet: --out-dir makes it.
    let out = d.join("out");
    let mut args = vec!["build".to_string()];
    for s in ["en-tenants.txt", "de-mieten.md", "sr-cyrl-protest.txt"] {
        let p = d.join(s);
        std::fs::copy(sample(s), &p).unwrap();
        args.push(p.display().to_string());
    }
    let bad = d.join("empty.txt");
    std::fs::write(&bad, "").unwrap();
    args.push(bad.display().to_string());
    args.extend(["--out-dir".to_string(), out.display().to_string()]);
    let o = bin().args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    for s in ["en-tenants.pdf", "de-mieten.pdf", "sr-cyrl-protest.pdf"] {
        assert!(
            std::fs::read(out.join(s)).unwrap().starts_with(b"%PDF-"),
            "{s}"
        );
    }
    let e = stderr(&o);
    assert!(
        e.contains("empty.txt: the statement is empty") && e.contains("1 of 4 statements failed"),
        "{e}"
    );
    // Not a terminal: no progress bar and no line per file.
    assert!(!e.contains("wrote"), "{e}");
}

#[test]
fn new_layout_completions_and_man_page() {
    let scratch = tmpdir("newlayout");
    let d = scratch.path();
    let o = bin()
        .current_dir(d)
        .args(["new-layout", "union-flyer", "--from", "a5-flyer"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(d.join("union-flyer.toml")).unwrap();
    assert!(
        text.contains("name = \"union-flyer\"") && text.contains("paper = \"a5\""),
        "{text}"
    );
    // It is a valid layout, and a second run refuses to overwrite it.
    let o = bin()
        .current_dir(d)
        .args(["new-layout", "union-flyer"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let s = d.join("s.txt");
    std::fs::copy(sample("en-tenants.txt"), &s).unwrap();
    let o = bin()
        .current_dir(d)
        .args(["build", "s.txt", "--layout", "union-flyer.toml"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // It names no language, so each statement is set in its own: a German
    // one in German, not in the English of the layout it came from.
    // (Without its front matter `lang`, which would win anyway.)
    let german = std::fs::read_to_string(sample("de-mieten.md")).unwrap();
    let german: String = german
        .lines()
        .filter(|l| !l.starts_with("lang ="))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(d.join("de.md"), german).unwrap();
    let o = bin()
        .current_dir(d)
        .args(["build", "de.md", "--layout", "union-flyer.toml", "-v"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("language de"), "{}", stderr(&o));
    assert!(!text.contains("\nlang ="), "{text}");
    // Every section is there to edit, the band's colour among them.
    for section in ["[band]", "[print]", "[[image]]"] {
        assert!(text.contains(section), "{section}: {text}");
    }

    let o = bin().args(["completions", "bash"]).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("new-layout"));
    let o = bin().arg("man").output().unwrap();
    let man = String::from_utf8_lossy(&o.stdout);
    assert!(
        man.contains(".TH handbill 1") && man.contains("build"),
        "{man}"
    );
    let o = bin().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("handbill "));
}

/// Starts `build --watch` on `input`, waits for its PDF, makes `change`
/// (a second later, so modification times differ), and waits until the PDF
/// has been rebuilt.
fn watch_and_change(input: &Path, change: impl FnOnce()) {
    let pdf = input.with_extension("pdf");
    let mut child = bin()
        .args(["build", input.to_str().unwrap(), "--watch", "-q"])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let wait_for = |pred: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !pred() {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "timed out"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    };
    wait_for(&|| pdf.exists());
    let first = std::fs::read(&pdf).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    change();
    wait_for(&|| std::fs::read(&pdf).is_ok_and(|b| b != first));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_stopped_watch_says_it_stopped_and_keeps_its_pdf() {
    let scratch = tmpdir("watch-stop");
    let d = scratch.path();
    let input = d.join("s.txt");
    std::fs::write(&input, "Headline\n\nSome text.\n").unwrap();
    let pdf = d.join("s.pdf");
    let child = bin()
        .args(["build", input.to_str().unwrap(), "--watch", "-q"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !pdf.exists() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "timed out"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // Waiting for a change, not writing: the PDF stays, and it says so.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(143));
    assert!(stderr(&o).contains("handbill: stopped"), "{}", stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn watch_rebuilds_when_the_statement_changes() {
    let scratch = tmpdir("watch");
    let d = scratch.path();
    let input = d.join("s.txt");
    std::fs::write(&input, "First headline\n\nSome text.\n").unwrap();
    watch_and_change(&input, || {
        std::fs::write(&input, "Second headline, longer\n\nOther text entirely.\n").unwrap()
    });
    let text = std::process::Command::new("pdftotext")
        .args([d.join("s.pdf").to_str().unwrap(), "-"])
        .output()
        .unwrap();
    // The new body: the new headline, set large, may break over two lines.
    assert!(String::from_utf8_lossy(&text.stdout).contains("Other text entirely"));
}

#[test]
fn watch_rebuilds_when_a_picture_changes() {
    let scratch = tmpdir("watch-picture");
    let d = scratch.path();
    let picture = d.join("pic.png");
    let write_picture = |shade: u8| {
        image::RgbImage::from_pixel(300, 200, image::Rgb([shade, 40, 40]))
            .save(&picture)
            .unwrap();
    };
    write_picture(200);
    let input = d.join("s.md");
    std::fs::write(
        &input,
        "+++\nimage = \"pic.png\"\n+++\n\nA headline\n\nSome text under a picture.\n",
    )
    .unwrap();
    // Only the picture changes: the statement and the layout stay as they were.
    watch_and_change(&input, || write_picture(20));
}
