//! The fallback chain: a character the text's own font lacks is set in the
//! next font of the layout's chain that has it, embedded and subset in the
//! PDF and drawn in the PNG; a character no font has stops the build with
//! its line and column. Never a blank box.

mod support;

use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_handbill"));
    c.env("NO_COLOR", "1");
    c
}

/// A scratch folder for one test, removed when it drops.
fn tmpdir(tag: &str) -> tempfile::TempDir {
    support::scratch_dir(&format!("handbill-fallback-{tag}-"))
}

fn tool(name: &str, args: &[&str]) -> Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test ({e}); .ci/run installs it"))
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

const MIXED: &str = "Solidarity across borders ✊

Friends in Yerevan wrote: Միասին ենք, together we are. Friends in Tbilisi answered: ერთად ვართ, we are together.

The arithmetic is simple: ∀ workers, ∑ wages ≤ √ profits is not a law of nature.

Join us on Saturday 📢 and bring your friends. ☭ ★
";

fn build(dir: &Path, statement: &str, extra: &[&str]) -> Output {
    let input = dir.join("s.txt");
    std::fs::write(&input, statement).unwrap();
    bin()
        .args(["build", input.to_str().unwrap(), "-o"])
        .arg(dir.join("s.pdf"))
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn other_scripts_symbols_and_emoji_come_from_the_chain() {
    let scratch = tmpdir("mixed");
    let d = scratch.path();
    let png = d.join("s.png");
    let o = build(
        d,
        MIXED,
        &["--png", png.to_str().unwrap(), "--png-dpi", "60"],
    );
    assert!(o.status.success(), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("set from the fallback chain")
            && err.contains("in Noto Sans Armenian")
            && err.contains("in Noto Emoji"),
        "{err}"
    );
    let pdf = d.join("s.pdf");
    let pdf = pdf.to_str().unwrap();

    // Every character comes back out of the PDF.
    let out = tool("pdftotext", &["-enc", "UTF-8", pdf, "-"]);
    let printed = String::from_utf8_lossy(&out.stdout);
    for word in [
        "✊",
        "Միասին",
        "ենք",
        "ერთად",
        "ვართ",
        "∀",
        "∑",
        "≤",
        "√",
        "📢",
        "☭",
        "★",
    ] {
        assert!(printed.contains(word), "{word} is not in\n{printed}");
    }
    assert!(!printed.contains('\u{FFFD}'), "{printed}");

    // Each fallback font is embedded and subset.
    let fonts = String::from_utf8_lossy(&tool("pdffonts", &[pdf]).stdout).into_owned();
    for name in [
        "NotoSansArmenian-Regular",
        "NotoSansGeorgian-Regular",
        "NotoSansMath-Regular",
        "NotoEmoji-Regular",
        "NotoSansSymbols-Regular",
        "NotoSansSymbols2-Regular",
    ] {
        let line = fonts
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not embedded:\n{fonts}"));
        // "+" after a six-letter tag marks a subset; the emb and sub columns say yes.
        assert!(line.split('+').next().unwrap().len() == 6, "{line}");
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            &["yes", "yes", "yes"],
            "{line}"
        );
    }

    // The PDF is sound for other readers too.
    let q = tool("qpdf", &["--check", pdf]);
    assert!(q.status.success(), "{}", text(&q));
    let g = tool("gs", &["-q", "-o", "/dev/null", "-sDEVICE=nullpage", pdf]);
    assert!(g.status.success() && g.stderr.is_empty(), "{}", text(&g));
    let m = tool("mutool", &["draw", "-o", "/dev/null", pdf]);
    assert!(
        m.status.success() && !text(&m).contains("error"),
        "{}",
        text(&m)
    );
    assert!(png.exists());
}

/// Dark pixels of a PNG inside a box (fractions of its width and height).
fn ink(png: &Path, x0: f64, y0: f64, x1: f64, y1: f64) -> usize {
    let pixmap = tiny_skia::Pixmap::load_png(png).unwrap();
    let (w, h) = (pixmap.width() as f64, pixmap.height() as f64);
    let mut dark = 0;
    for y in (y0 * h) as u32..(y1 * h) as u32 {
        for x in (x0 * w) as u32..(x1 * w) as u32 {
            let p = pixmap.pixel(x, y).unwrap();
            if p.red() < 128 && p.green() < 128 && p.blue() < 128 {
                dark += 1;
            }
        }
    }
    dark
}

#[test]
fn fallback_glyphs_are_drawn_in_the_png_preview() {
    // A headline of emoji and Armenian only: the PNG has ink where it stands.
    let scratch = tmpdir("png");
    let d = scratch.path();
    let png = d.join("s.png");
    let o = build(
        d,
        "✊ 📢 Միասին\n\nThe rest of the statement is ordinary English text, long enough to read.\n",
        &["--png", png.to_str().unwrap(), "--png-dpi", "50"],
    );
    assert!(o.status.success(), "{}", text(&o));
    // The headline sits in the top tenth of the page, left half.
    assert!(
        ink(&png, 0.05, 0.03, 0.6, 0.1) > 200,
        "no ink where the headline is"
    );
}

#[test]
fn a_character_no_font_has_fails_with_its_line_and_column() {
    let scratch = tmpdir("missing");
    let d = scratch.path();
    // U+1D11E (musical G clef) and a Private Use Area character: no font
    // of the chain has either.
    let statement = "Music\n\nA clef 𝄞 here,\nand a private \u{E000} one.\n\nAgain 𝄞.\n";
    let o = build(d, statement, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("s.txt:3:8: no font can show “𝄞” (U+1D11E), “\u{E000}” (U+E000) at 4:15:"),
        "{err}"
    );
    assert!(
        err.contains("fallback chain (serif, sans, armenian"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!d.join("s.pdf").exists());
    // A clef and a private character are no script: no package helps.
    assert!(!err.contains("apt install"), "{err}");
    // Letters of a script handbill does not bundle (Cherokee): the error
    // names the package that has it, which "system" then finds.
    let o = build(d, "Cherokee\n\nᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ\n", &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no font can show “Ꮳ” (U+13E3)")
            && err.contains("for a script handbill does not bundle: install its Noto font (Debian/Ubuntu: `apt install fonts-noto-core`"),
        "{err}"
    );
    // The same in a headline.
    let o = build(d, "Headline 𝄞\n\nBody text.\n", &[]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("s.txt:1:10: no font can show “𝄞”"),
        "{}",
        text(&o)
    );
}

#[test]
fn the_chain_is_the_layouts() {
    let scratch = tmpdir("chain");
    let d = scratch.path();
    // Without the Armenian font, Armenian cannot be set.
    let layout = d.join("l.toml");
    std::fs::write(&layout, "[body]\nfallback = [\"sans\", \"emoji\"]\n").unwrap();
    let o = build(d, MIXED, &["--layout", layout.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("s.txt:3:27: no font can show “Մ” (U+0544)") && err.contains("(sans, emoji)"),
        "{err}"
    );
    // A font file in the chain: here a copy of the bundled Armenian font.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSansArmenian-Regular.ttf"),
        d.join("arm.ttf"),
    )
    .unwrap();
    std::fs::write(
        &layout,
        "[body]\nfallback = [\"arm.ttf\", \"georgian\", \"math\", \"symbols\", \"symbols2\", \"emoji\"]\n",
    )
    .unwrap();
    let o = build(d, MIXED, &["--layout", layout.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("in arm"),
        "{}",
        text(&o)
    );
    // A symbol font may not be the body font: it has no letters.
    std::fs::write(&layout, "[body]\nfont = \"arm.ttf\"\n").unwrap();
    let o = build(d, MIXED, &["--layout", layout.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("belongs in [body] fallback"),
        "{}",
        text(&o)
    );
}

#[test]
fn bad_chain_entries_are_named_where_they_are() {
    let scratch = tmpdir("bad");
    let d = scratch.path();
    let layout = d.join("l.toml");
    for (body, says) in [
        (
            "fallback = [\"sans\", \"emojis\"]",
            "l.toml:2:21: `fallback` in [body] names no bundled font family `emojis`; did you mean `emoji`?",
        ),
        (
            "fallback = [\"nope.ttf\"]",
            "l.toml:2:13: `fallback` in [body] names the font file",
        ),
        ("fallback = \"sans\"", "l.toml:2:12: `fallback` in [body] must be a list of fonts"),
    ] {
        std::fs::write(&layout, format!("[body]\n{body}\n")).unwrap();
        let o = bin()
            .args(["build", "-", "--layout", layout.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{body}");
        assert!(String::from_utf8_lossy(&o.stderr).contains(says), "{body}: {}", text(&o));
    }
}

#[test]
fn handbill_fonts_lists_the_chain_and_its_scripts() {
    let o = bin().arg("fonts").output().unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Fallback chain of a4-leaflet"), "{out}");
    for (entry, script) in [
        ("armenian", "Armenian"),
        ("georgian", "Georgian"),
        ("math", "Math"),
        ("emoji", "Emoji"),
    ] {
        assert!(
            out.lines()
                .any(|l| l.contains(&format!(". {entry} ")) && l.contains(script)),
            "{entry}: {out}"
        );
    }
}
