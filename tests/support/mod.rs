//! Helpers shared by the end-to-end tests: running the PDF tools, and
//! comparing two renderings of a page as a reader would, in small blocks
//! rather than pixel by pixel.

// Each test crate includes this module and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a tool: whether it succeeded, its standard output and its errors.
pub fn tool(name: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test ({e}); .ci/run installs it"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// qpdf, Ghostscript and MuPDF read the file without a complaint.
pub fn tools_accept(pdf: &Path) {
    let p = pdf.to_str().unwrap();
    let (ok, out, err) = tool("qpdf", &["--check", p]);
    assert!(
        ok && !out.contains("WARNING") && err.is_empty(),
        "qpdf --check {p}: {out}{err}"
    );
    let (ok, out, err) = tool(
        "gs",
        &["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", p],
    );
    assert!(
        ok && out.is_empty() && err.is_empty(),
        "Ghostscript on {p}: {out}{err}"
    );
    let (ok, _, err) = tool("mutool", &["draw", "-o", "/dev/null", p]);
    // mutool names each page it draws; Debian's is built without ICC
    // support and says so for every file that carries a profile.
    let complaints: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("page ") && !l.contains("ICC support is not available"))
        .collect();
    assert!(ok && complaints.is_empty(), "MuPDF on {p}: {complaints:?}");
}

/// Page 1 of `pdf` rendered by poppler at `dpi` as PNG bytes, with any
/// `extra` pdftoppm options (`-gray`, `-aaVector no`).
pub fn render_png(pdf: &Path, dpi: u32, extra: &[&str]) -> Vec<u8> {
    let stem = pdf.file_stem().unwrap().to_string_lossy();
    let prefix = pdf.with_file_name(format!("{stem}-poppler"));
    let dpi = dpi.to_string();
    let mut args = vec!["-r", &dpi, "-png", "-singlefile", "-f", "1", "-l", "1"];
    args.extend(extra);
    args.extend([pdf.to_str().unwrap(), prefix.to_str().unwrap()]);
    let (ok, _, err) = tool("pdftoppm", &args);
    assert!(ok, "pdftoppm: {err}");
    std::fs::read(pdf.with_file_name(format!("{stem}-poppler.png"))).unwrap()
}

/// A rendered page as luminance, 0 (black) to 255 (white), row by row.
pub struct Luma {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<f64>,
}

/// Reads a PNG's pixels as luminance.
pub fn luminance(png: &[u8]) -> Luma {
    let img = image::load_from_memory(png).expect("a PNG").to_rgb8();
    let pixels = img
        .pixels()
        .map(|p| 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]))
        .collect();
    Luma {
        width: img.width() as usize,
        height: img.height() as usize,
        pixels,
    }
}

/// Mean luminance of 4×4-pixel blocks over `w`×`h` pixels of `img`
/// (leaving an 8-pixel margin), starting `dx` pixels to the right. Poppler
/// hints glyphs and tiny-skia does not, so single pixels differ at every
/// stem; blocks show what a reader sees.
pub fn blocks(img: &Luma, w: usize, h: usize, dx: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for by in 0..(h - 8) / 4 {
        for bx in 0..(w - 8) / 4 {
            let mut sum = 0.0;
            for y in 0..4 {
                for x in 0..4 {
                    sum += img.pixels[(by * 4 + y) * img.width + bx * 4 + x + dx];
                }
            }
            out.push(sum / 16.0);
        }
    }
    out
}

/// Blocks per row for a `w`-pixel-wide comparison.
pub fn blocks_per_row(w: usize) -> usize {
    (w - 8) / 4
}

/// The mean difference of two block lists, and the share of blocks that
/// differ by more than `far` (a glyph or picture present in one only).
pub fn block_diff(a: &[f64], b: &[f64], far: f64) -> (f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| (x - y).abs()).collect();
    let mean = d.iter().sum::<f64>() / d.len() as f64;
    let off = d.iter().filter(|&&x| x > far).count() as f64 / d.len() as f64;
    (mean, off)
}

/// The size two renderings are compared at; they may differ by a pixel
/// of rounding, not more.
pub fn common_size(a: &Luma, b: &Luma) -> (usize, usize) {
    assert!(
        a.width.abs_diff(b.width) <= 1 && a.height.abs_diff(b.height) <= 1,
        "{}×{} vs {}×{}",
        a.width,
        a.height,
        b.width,
        b.height
    );
    (a.width.min(b.width), a.height.min(b.height))
}

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every sample statement (`samples/*.txt` and `*.md`), in name order.
pub fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    v.sort();
    v
}

/// The reference statement (a real web clipping, beside the repository),
/// when it is there.
pub fn seed() -> Option<PathBuf> {
    let p = root().join("../shared/seed/000_53f4cf6db800a616.txt");
    p.exists().then_some(p)
}

/// A statement with a QR code and an imprint added to its front matter (or
/// given front matter), so that every layout meets a tail to keep.
pub fn with_tail(text: &str) -> String {
    let mut tail = String::from("qr = \"https://example.org/join\"\n");
    if !text.contains("\nimprint = ") {
        tail.push_str("imprint = \"Printed by us\"\n");
    }
    match text.strip_prefix("+++\n") {
        Some(rest) => format!("+++\n{tail}{rest}"),
        None => format!("+++\n{tail}+++\n{text}"),
    }
}

/// The A4 leaflet with its body capped at 14pt, its largest size before
/// large print: a short text then stays in the leaflet's two columns,
/// which is what some tests are about.
pub fn a4_leaflet_at_most_14pt() -> handbill::layout::Layout {
    handbill::layout::parse(
        "extends = \"a4-leaflet\"\n[body]\nmax-size = \"14pt\"\n",
        "a4-14pt.toml",
        Path::new("."),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// `text` read as `format` and composed on `layout` in `lang`, as a build
/// does; a failure names the layout.
pub fn compose_text(
    text: &str,
    format: handbill::statement::Format,
    layout: &handbill::layout::Layout,
    lang: &str,
) -> handbill::compose::Composed {
    use handbill::compose::{compose, ComposeOptions};
    let doc = handbill::statement::parse(text, format, "s.md")
        .unwrap()
        .document;
    compose(
        &doc,
        &layout.design,
        &ComposeOptions {
            layout: layout.name.clone(),
            lang: lang.into(),
            origin: "s.md".into(),
            source: None,
            pictures: Vec::new(),
        },
    )
    .unwrap_or_else(|e| panic!("{}: {e}", layout.name))
}

/// The largest type on a composed line.
pub fn largest_size(l: &handbill::compose::pages::PlacedLine) -> handbill::units::Length {
    l.line
        .runs
        .iter()
        .map(|r| r.size)
        .fold(handbill::units::Length::ZERO, handbill::units::Length::max)
}

/// A folder of the test's own under the system's temporary folder, named
/// `prefix` and a random tail; it goes, with all in it, when the value
/// drops, whether the test passed or not.
pub fn scratch_dir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .unwrap_or_else(|e| panic!("a scratch folder {prefix}…: {e}"))
}

/// The path of a file `name` alone in a scratch folder (see
/// [`scratch_dir`]), for a PDF the tools read and write beside. It reads
/// as that path; the folder goes when it drops, so keep it while the
/// file is used.
pub struct ScratchFile {
    path: PathBuf,
    dir: tempfile::TempDir,
}

impl ScratchFile {
    /// `name` in a fresh folder named `prefix` and a random tail; the
    /// file is not written.
    pub fn new(prefix: &str, name: &str) -> ScratchFile {
        let dir = scratch_dir(prefix);
        ScratchFile {
            path: dir.path().join(name),
            dir,
        }
    }

    /// `name` written with `bytes` in a fresh folder named `prefix` and a
    /// random tail.
    pub fn with(prefix: &str, name: &str, bytes: &[u8]) -> ScratchFile {
        let file = ScratchFile::new(prefix, name);
        std::fs::write(&file.path, bytes).unwrap();
        file
    }

    /// The folder the file lies in.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

impl std::ops::Deref for ScratchFile {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for ScratchFile {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<std::ffi::OsStr> for ScratchFile {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.path.as_os_str()
    }
}
