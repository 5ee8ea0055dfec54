//! A build writes only the files named as its outputs: never one of its
//! inputs, never two outputs to one file. Each refusal exits 2 and leaves
//! every file as it was.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch folder for one test, removed when it drops.
fn tmpdir(tag: &str) -> tempfile::TempDir {
    support::scratch_dir(&format!("handbill-outputs-{tag}-"))
}

fn handbill(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// The run was refused with exit 2, saying `says`, and the files of `dir`
/// are exactly `before`.
fn refused(o: &Output, says: &str, dir: &Path, before: &[(PathBuf, Vec<u8>)]) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains(says), "{err}");
    assert_eq!(snapshot(dir), before, "{err}");
}

/// Every file under `dir` with its bytes, sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// A 2×2 PNG.
fn png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let img = image::RgbImage::from_pixel(2, 2, image::Rgb([200, 30, 30]));
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .unwrap();
    bytes
}

const STATEMENT: &str = "Rents down\n\nWe met on Tuesday and agreed on our demands.\n";

#[test]
fn the_layout_and_what_it_extends_are_never_outputs() {
    let scratch = tmpdir("layout");
    let d = scratch.path();
    std::fs::write(d.join("s.txt"), STATEMENT).unwrap();
    std::fs::write(d.join("base.toml"), "extends = \"a5-flyer\"\n").unwrap();
    std::fs::write(d.join("mine.toml"), "extends = \"base.toml\"\n").unwrap();
    let before = snapshot(d);
    let o = handbill(d, &["build", "s.txt", "-l", "mine.toml", "-o", "mine.toml"]);
    refused(
        &o,
        "mine.toml: the PDF of s.txt would overwrite the layout",
        d,
        &before,
    );
    let o = handbill(
        d,
        &["build", "s.txt", "-l", "mine.toml", "-o", "./base.toml"],
    );
    refused(&o, "would overwrite the layout", d, &before);
}

#[test]
fn pictures_are_never_outputs() {
    let scratch = tmpdir("pictures");
    let d = scratch.path();
    std::fs::write(d.join("logo.png"), png()).unwrap();
    std::fs::write(d.join("photo.png"), png()).unwrap();
    std::fs::write(
        d.join("logo.toml"),
        "extends = \"a4-leaflet\"\n[[image]]\nfile = \"logo.png\"\nposition = \"top-right\"\nwidth = \"20mm\"\n",
    )
    .unwrap();
    std::fs::write(
        d.join("s.md"),
        format!("+++\nimage = \"photo.png\"\n+++\n\n{STATEMENT}"),
    )
    .unwrap();
    let before = snapshot(d);
    // The layout's picture as the preview.
    let o = handbill(
        d,
        &["build", "s.md", "-l", "logo.toml", "--png", "logo.png"],
    );
    refused(&o, "would overwrite the picture", d, &before);
    // The statement's own picture, known only once it is read.
    let o = handbill(d, &["build", "s.md", "--png", "photo.png"]);
    refused(
        &o,
        "the preview of s.md would overwrite the picture photo.png",
        d,
        &before,
    );
    // As the PDF it is not a PDF, which is found before the build.
    let o = handbill(d, &["build", "s.md", "-o", "photo.png"]);
    refused(&o, "would overwrite a file that is not a PDF", d, &before);
}

#[test]
fn two_outputs_never_share_a_file() {
    let scratch = tmpdir("twice");
    let d = scratch.path();
    std::fs::create_dir_all(d.join("a")).unwrap();
    std::fs::create_dir_all(d.join("b")).unwrap();
    std::fs::create_dir_all(d.join("out")).unwrap();
    std::fs::write(d.join("a/s.md"), STATEMENT).unwrap();
    std::fs::write(d.join("b/s.md"), STATEMENT).unwrap();
    let before = snapshot(d);
    let o = handbill(d, &["build", "a/s.md", "b/s.md", "--out-dir", "out"]);
    refused(
        &o,
        "the PDF of a/s.md and the PDF of b/s.md would both be written here",
        d,
        &before,
    );
    let o = handbill(d, &["build", "a/s.md", "a/s.md"]);
    refused(&o, "would both be written here", d, &before);
    let o = handbill(d, &["build", "a/s.md", "-o", "x.png", "--png", "x.png"]);
    refused(
        &o,
        "x.png: the PDF of a/s.md and the preview of a/s.md",
        d,
        &before,
    );
}

#[test]
fn the_statement_is_never_its_own_output() {
    let scratch = tmpdir("self");
    let d = scratch.path();
    std::fs::write(d.join("s.txt"), STATEMENT).unwrap();
    let before = snapshot(d);
    let o = handbill(d, &["build", "s.txt", "-o", "s.txt"]);
    refused(&o, "would overwrite the statement s.txt", d, &before);
}

#[test]
fn a_bare_png_goes_beside_each_pdf() {
    let scratch = tmpdir("png");
    let d = scratch.path();
    std::fs::create_dir_all(d.join("a")).unwrap();
    std::fs::write(d.join("a/one.txt"), STATEMENT).unwrap();
    std::fs::write(d.join("two.txt"), STATEMENT).unwrap();
    let o = handbill(d, &["build", "a/one.txt", "two.txt", "--png"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for png in ["a/one.png", "two.png"] {
        assert!(
            std::fs::read(d.join(png)).unwrap().starts_with(b"\x89PNG"),
            "{png}"
        );
    }
    // A name that is not a .png is refused, so a statement written after
    // a bare --png is never taken for the preview and overwritten.
    let before = snapshot(d);
    let o = handbill(d, &["build", "--png", "two.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(snapshot(d), before);
}

#[test]
fn a_file_of_another_kind_is_never_written_over() {
    let scratch = tmpdir("foreign");
    let d = scratch.path();
    std::fs::write(d.join("s.txt"), STATEMENT).unwrap();
    std::fs::write(d.join("other.txt"), "Our second statement\n").unwrap();
    std::fs::write(d.join("notes.png"), "not a picture\n").unwrap();
    let before = snapshot(d);
    // A slip of the keyboard: another statement named as the PDF.
    let o = handbill(d, &["build", "s.txt", "-o", "other.txt"]);
    refused(
        &o,
        "other.txt: the PDF of s.txt would overwrite a file that is not a PDF",
        d,
        &before,
    );
    let o = handbill(d, &["build", "s.txt", "--png", "notes.png"]);
    refused(
        &o,
        "would overwrite a file that is not a PNG picture",
        d,
        &before,
    );
    // The last build's PDF is written over.
    let o = handbill(d, &["build", "s.txt", "-o", "s.pdf"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = handbill(d, &["build", "s.txt", "-o", "s.pdf"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
