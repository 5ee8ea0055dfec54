//! Print-ready output, checked with real PDF tools: page boxes and bleed,
//! crop and registration marks, CMYK-only colour, spot colours, PDF/X-4 and
//! PDF/X-1a, preflight warnings and `--strict`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;
use support::{luminance, render_png, tool, tools_accept, ScratchFile};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> PathBuf {
    root().join("samples/en-tenants.txt")
}

/// `name` alone in a scratch folder that goes when it drops.
fn tmp(name: &str) -> ScratchFile {
    ScratchFile::new("handbill-print-ready-", name)
}

fn handbill(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .output()
        .unwrap()
}

/// Runs `handbill build statement -l layout -o out extra…`, whatever comes of it.
fn run(statement: &Path, layout: &str, extra: &[&str], out: &Path) -> Output {
    let mut args = vec![
        "build",
        statement.to_str().unwrap(),
        "-l",
        layout,
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    handbill(&args)
}

/// Builds `statement`, which must succeed.
fn build_statement(statement: &Path, layout: &str, extra: &[&str], out: &Path) -> Output {
    let o = run(statement, layout, extra, out);
    assert!(
        o.status.success(),
        "handbill build {} -l {layout} {extra:?}: {}",
        statement.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// Builds the sample statement, which must succeed.
fn build(layout: &str, extra: &[&str], out: &Path) -> Output {
    build_statement(&sample(), layout, extra, out)
}

fn layout_file(name: &str, toml: &str) -> ScratchFile {
    let p = tmp(name);
    std::fs::write(&p, toml).unwrap();
    p
}

/// The PDF with every stream decompressed, as text, for looking at operators.
fn qdf(pdf: &Path) -> String {
    let out = pdf.with_extension("qdf");
    let (ok, _, err) = tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "qpdf --qdf: {err}");
    String::from_utf8_lossy(&std::fs::read(out).unwrap()).into_owned()
}

/// Page boxes of page 1 from `pdfinfo -box`, in points: [x0, y0, x1, y1].
fn boxes(pdf: &Path) -> std::collections::HashMap<String, [f64; 4]> {
    let (ok, out, err) = tool("pdfinfo", &["-box", pdf.to_str().unwrap()]);
    assert!(ok, "{err}");
    out.lines()
        .filter_map(|l| {
            let (name, rest) = l.split_once(':')?;
            if !name.ends_with("Box") {
                return None;
            }
            let v: Vec<f64> = rest
                .split_whitespace()
                .map(|x| x.parse().unwrap())
                .collect();
            Some((name.trim().to_string(), [v[0], v[1], v[2], v[3]]))
        })
        .collect()
}

fn mm(pt: f64) -> f64 {
    pt / 72.0 * 25.4
}

#[test]
fn office_output_has_one_box_size_and_claims_no_standard() {
    let out = tmp("office.pdf");
    build("a4-leaflet", &[], &out);
    let b = boxes(&out);
    assert_eq!(b["MediaBox"], b["TrimBox"]);
    assert!((mm(b["TrimBox"][2]) - 210.0).abs() < 0.01);
    let (_, info, _) = tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(!info.contains("PDF/X"), "{info}");
    assert!(!qdf(&out).contains("GTS_PDFX"));
    tools_accept(&out);
}

#[test]
fn press_output_is_pdf_x4_with_bleed_and_cmyk_only() {
    let out = tmp("press.pdf");
    let layout = layout_file(
        "press.toml",
        "extends = \"a5-flyer\"\n[meta]\ncolor = \"#cc0000\"\n",
    );
    let o = build(layout.to_str().unwrap(), &["--for", "press"], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    // The RGB colour was converted, and preflight said so.
    assert!(stderr.contains("#cc0000 is RGB"), "{stderr}");

    let b = boxes(&out);
    let (media, bleed, trim) = (b["MediaBox"], b["BleedBox"], b["TrimBox"]);
    // TrimBox exactly A5; BleedBox 3 mm larger on every side; MediaBox ⊇ BleedBox.
    assert!((mm(trim[2] - trim[0]) - 148.0).abs() < 0.01, "{trim:?}");
    assert!((mm(trim[3] - trim[1]) - 210.0).abs() < 0.01, "{trim:?}");
    for i in 0..2 {
        assert!((mm(trim[i] - bleed[i]) - 3.0).abs() < 0.01);
        assert!((mm(bleed[i + 2] - trim[i + 2]) - 3.0).abs() < 0.01);
        assert!(media[i] <= bleed[i] && media[i + 2] >= bleed[i + 2]);
    }

    let (_, info, _) = tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("PDF version:     1.6"), "{info}");
    assert!(info.contains("PDF subtype:    PDF/X-4"), "{info}");
    let text = qdf(&out);
    for needle in [
        "/S /GTS_PDFX",
        "/OutputConditionIdentifier (FOGRA39)",
        "/DestOutputProfile",
        "/GTS_PDFXVersion (PDF/X-4)",
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "/Trapped /False",
        "/ID [",
    ] {
        assert!(text.contains(needle), "no {needle} in the press PDF");
    }
    // Every colour operator is CMYK (k/K) or a colour space: no RGB, no gray.
    for op in [" rg\n", " RG\n", " g\n", " G\n"] {
        assert!(!text.contains(op), "colour operator{op:?} in the press PDF");
    }
    // Black text is 100% K, not rich black.
    assert!(
        text.contains("0 0 0 1 k"),
        "no pure-K black in the press PDF"
    );
    // The converted red.
    assert!(text.contains("0 1 1 0.2 k"), "no converted red");
    tools_accept(&out);
}

#[test]
fn the_same_input_gives_the_same_file_and_another_input_another_id() {
    let (a, b, c) = (tmp("same-a.pdf"), tmp("same-b.pdf"), tmp("same-c.pdf"));
    build("a4-leaflet", &["--for", "press"], &a);
    build("a4-leaflet", &["--for", "press"], &b);
    build("a5-flyer", &["--for", "press"], &c);
    let (a, b, c) = (
        std::fs::read(a).unwrap(),
        std::fs::read(b).unwrap(),
        std::fs::read(c).unwrap(),
    );
    assert_eq!(a, b);
    let id = |bytes: &[u8]| {
        let s = String::from_utf8_lossy(bytes);
        let i = s.rfind("/ID").unwrap();
        s[i..i + 80].to_string()
    };
    assert_ne!(id(&a), id(&c));
}

#[test]
fn us_press_output_is_pdf_x1a_with_an_eighth_inch_bleed() {
    let out = tmp("letter-press.pdf");
    build("letter-leaflet", &["--for", "press"], &out);
    let b = boxes(&out);
    let (bleed, trim) = (b["BleedBox"], b["TrimBox"]);
    assert!(
        (trim[0] - bleed[0] - 9.0).abs() < 0.01,
        "{bleed:?} {trim:?}"
    );
    assert!((trim[2] - trim[0] - 612.0).abs() < 0.01);
    let (_, info, _) = tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("PDF version:     1.4"), "{info}");
    let text = qdf(&out);
    assert!(text.contains("/GTS_PDFXVersion (PDF/X-1:2003)"));
    assert!(text.contains("/GTS_PDFXConformance (PDF/X-1a:2003)"));
    assert!(text.contains("/OutputConditionIdentifier (CGATS TR 001)"));
    // X-1a may name a registered condition alone; no transparency either.
    assert!(!text.contains("/DestOutputProfile"));
    assert!(!text.contains("/SMask") && !text.contains("/CA "));
    tools_accept(&out);
}

/// Dark pixels in a rectangle of a grey rendering (x0, y0, x1, y1 in pixels).
fn dark_pixels(img: &[f64], width: usize, rect: (usize, usize, usize, usize)) -> usize {
    let mut n = 0;
    for y in rect.1..rect.3 {
        for x in rect.0..rect.2 {
            if img[y * width + x] < 200.0 {
                n += 1;
            }
        }
    }
    n
}

/// Renders page 1 at 72 dpi (1 px = 1 pt) as luminance, hairlines drawn
/// whole rather than as faint anti-aliased grey.
fn render(pdf: &Path) -> (Vec<f64>, usize, usize) {
    let img = luminance(&render_png(pdf, 72, &["-aaVector", "no", "-gray"]));
    (img.pixels, img.width, img.height)
}

#[test]
fn crop_marks_print_outside_the_bleed_in_registration_colour() {
    let out = tmp("marks.pdf");
    let layout = layout_file(
        "marks.toml",
        "extends = \"a5-flyer\"\n[print]\nfor = \"press\"\nmarks = [\"crop\", \"registration\"]\n",
    );
    build(layout.to_str().unwrap(), &[], &out);
    let b = boxes(&out);
    let (media, bleed, trim) = (b["MediaBox"], b["BleedBox"], b["TrimBox"]);
    // The media box grew to hold the marks.
    assert!(trim[0] - media[0] > mm_to_pt(8.0), "{media:?} {trim:?}");
    let text = qdf(&out);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("/Separation /All /DeviceCMYK"),
        "no registration colour"
    );

    let (px, w, h) = render(&out);
    // PDF y runs upwards; pixel rows run downwards.
    let row = |y: f64| (h as f64 - y).round() as usize;
    let col = |x: f64| x.round() as usize;
    // Left of the bleed, on the line of the trim's bottom edge: the
    // lower-left crop mark...
    let mark = (
        col(media[0]),
        row(trim[1]) - 2,
        col(bleed[0]),
        row(trim[1]) + 2,
    );
    assert!(
        dark_pixels(&px, w, mark) > 0,
        "no crop mark at the lower-left corner"
    );
    // ...and nothing in the corner square outside both edges' lines.
    let corner = (col(media[0]), row(bleed[1]) + 1, col(bleed[0]) - 1, h);
    assert_eq!(dark_pixels(&px, w, corner), 0, "ink in the corner");
    // ...and the bleed strip between trim and bleed edge stays clean (no
    // mark reaches into it; the page has no background to bleed).
    let strip = (
        col(bleed[0]) + 1,
        row(trim[1]) + 1,
        col(trim[0]) - 1,
        row(trim[3]) - 1,
    );
    let strip = (strip.0, strip.3, strip.2, strip.1);
    assert_eq!(dark_pixels(&px, w, strip), 0, "ink inside the left bleed");
    tools_accept(&out);
}

#[test]
fn registration_marks_alone_are_drawn_in_registration_colour() {
    let out = tmp("registration.pdf");
    let layout = layout_file(
        "registration.toml",
        "extends = \"a5-flyer\"\n[print]\nfor = \"press\"\nmarks = [\"registration\"]\n",
    );
    build(layout.to_str().unwrap(), &[], &out);
    let flat = qdf(&out).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("/HbAll CS"),
        "the marks are not in registration colour"
    );
    assert!(
        flat.contains("/Separation /All /DeviceCMYK"),
        "the page does not define the registration colour"
    );
    tools_accept(&out);
}

fn mm_to_pt(mm: f64) -> f64 {
    mm / 25.4 * 72.0
}

#[test]
fn spot_colours_become_separations() {
    let out = tmp("spot.pdf");
    let layout = layout_file(
        "spot.toml",
        "extends = \"a5-flyer\"\n[headline]\ncolor = 'spot(\"PANTONE 485 C\", cmyk(0,95,100,0))'\n[print]\nfor = \"press\"\n",
    );
    build(layout.to_str().unwrap(), &[], &out);
    let text = qdf(&out);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("/Separation /PANTONE#20485#20C /DeviceCMYK"),
        "no Separation colour space for the spot ink"
    );
    assert!(
        flat.contains("/HbSpot0 cs 1 scn"),
        "the headline is not painted with the spot ink"
    );
    assert!(flat.contains("/C1 [ 0 0.95 1 0 ]"), "wrong stand-in CMYK");
    tools_accept(&out);
}

#[test]
fn strict_refuses_warnings_and_keeps_the_old_pdf() {
    let out = tmp("strict.pdf");
    std::fs::write(&out, b"%PDF-1.4 a good old leaflet").unwrap();
    let layout = layout_file(
        "ink.toml",
        "extends = \"a4-leaflet\"\n[headline]\ncolor = \"cmyk(100,100,100,100)\"\n[print]\nfor = \"press\"\n",
    );
    let s = root().join("../shared/seed/000_53f4cf6db800a616.txt");
    let s = if s.exists() { s } else { sample() };
    let layout = layout.to_str().unwrap();
    // Without --strict: a warning, and a PDF.
    let o = run(&s, layout, &[], &out);
    assert!(o.status.success());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("400% ink, more than the limit of 300%"),
        "{stderr}"
    );
    // With it: an error, exit 1, the old file untouched.
    std::fs::write(&out, b"%PDF-1.4 a good old leaflet").unwrap();
    let o = run(&s, layout, &["--strict"], &out);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("error:") && stderr.contains("400% ink"),
        "{stderr}"
    );
    assert!(stderr.contains("--strict"), "{stderr}");
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.4 a good old leaflet");
}

#[test]
fn office_refuses_text_in_the_unprintable_edge() {
    let out = tmp("edge.pdf");
    let layout = layout_file(
        "edge.toml",
        "extends = \"a4-leaflet\"\n[page]\nmargin = \"3mm\"\n",
    );
    let o = run(&sample(), layout.to_str().unwrap(), &[], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    // A word an office printer leaves blank is a word missing from every copy.
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("mm from the paper edge, where office printers print nothing"),
        "{stderr}"
    );
    assert!(!out.exists());
    // The built-in layouts keep to the safe margin.
    let o = build("a4-leaflet", &[], &out);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("safe margin"));
}

#[test]
fn imposed_sheets_keep_their_cut_marks_inside_the_printable_area() {
    let out = tmp("imposed.pdf");
    // A sample the statement stage finds nothing to tidy in, so --strict
    // sees only preflight's findings.
    let s = root().join("samples/pl-pielegniarki.md");
    build_statement(&s, "a5-flyer", &["--impose", "2up", "--strict"], &out);
}

#[test]
fn bad_print_settings_name_the_key() {
    let cases: &[(&str, &str)] = &[
        ("[print]\nfor = \"pres\"\n", "did you mean \"press\"?"),
        ("[print]\nmarks = [\"crops\"]\n", "did you mean \"crop\"?"),
        ("[print]\nbleed = \"-1mm\"\n", "must be zero or more"),
        ("[print]\nbleed = \"40mm\"\n", "must be at most 25mm"),
        ("[print]\nink-limit = 500\n", "between 100 and 400"),
        ("[print]\nstandard = \"pdf/x-3\"\n", "must be \"pdf/x-4\""),
        (
            "[print]\noutput-condition = \"FOGRA40\"\n",
            "did you mean \"FOGRA39\"?",
        ),
        ("[print]\nicc-profile = \"nowhere.icc\"\n", "does not exist"),
        ("[print]\nbleeds = \"3mm\"\n", "did you mean `bleed`?"),
        (
            "[print]\nfor = \"press\"\noutput-condition = \"FOGRA52\"\n",
            "icc-profile",
        ),
        ("[print]\nfor = \"press\"\nimpose = \"2up\"\n", "print shop"),
    ];
    for (i, (toml, want)) in cases.iter().enumerate() {
        let layout = layout_file(&format!("bad{i}.toml"), toml);
        let out = tmp(&format!("bad{i}.pdf"));
        let o = run(&sample(), layout.to_str().unwrap(), &[], &out);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{toml}: {stderr}");
        assert!(stderr.contains(want), "{toml}: wanted {want:?} in {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(layout.file_name().unwrap().to_str().unwrap()));
        assert!(!out.exists());
    }
}

#[test]
fn a_users_icc_profile_must_be_cmyk() {
    let rgb = tmp("srgb.icc");
    // A made-up RGB display profile header: enough for the check to read.
    let mut data = vec![0u8; 132];
    data[0..4].copy_from_slice(&132u32.to_be_bytes());
    data[12..16].copy_from_slice(b"mntr");
    data[16..20].copy_from_slice(b"RGB ");
    data[36..40].copy_from_slice(b"acsp");
    std::fs::write(&rgb, data).unwrap();
    let layout = layout_file(
        "rgbicc.toml",
        &format!(
            "[print]\nfor = \"press\"\nicc-profile = \"{}\"\n",
            rgb.display()
        ),
    );
    let out = tmp("rgbicc.pdf");
    let o = run(&sample(), layout.to_str().unwrap(), &[], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not CMYK"), "{stderr}");
}

/// The first paragraphs of the long sample, about `words` words: text for
/// a tri-fold to fill its six panels.
fn trifold_statement(words: usize) -> ScratchFile {
    let long = std::fs::read_to_string(root().join("samples/en-long-campaign.md")).unwrap();
    let mut out = String::new();
    let mut n = 0;
    for para in long.split("\n\n") {
        if n >= words {
            break;
        }
        n += para.split_whitespace().count();
        out.push_str(para);
        out.push_str("\n\n");
    }
    let p = tmp(&format!("trifold-{words}.md"));
    std::fs::write(&p, out).unwrap();
    p
}

/// Words of one panel: pdftotext cropped to the panel's strip of the page.
fn panel_text(pdf: &Path, page: usize, x0: f64, x1: f64) -> String {
    let (ok, text, err) = tool(
        "pdftotext",
        &[
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-x",
            &(x0.round() as i64).to_string(),
            "-y",
            "0",
            "-W",
            &((x1 - x0).round() as i64).to_string(),
            "-H",
            "600",
            "-r",
            "72",
            "-layout",
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    assert!(ok, "{err}");
    text
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
fn trifold_panels_read_in_folding_order() {
    let statement = trifold_statement(1300);
    let out = tmp("trifold.pdf");
    build_statement(&statement, "a4-trifold", &["--strict"], &out);
    let (_, info, _) = tool("pdfinfo", &[out.to_str().unwrap()]);
    assert!(info.contains("Pages:           2"), "{info}");
    assert!(info.contains("841.89 x 595.276"), "{info}");
    // Panels in pt: the outside is flap (97mm), back, cover; the inside
    // three panels with the narrow one on the right.
    let pt = |mm: f64| mm / 25.4 * 72.0;
    let reading = [
        (1, pt(197.0), pt(297.0)), // cover
        (1, 0.0, pt(97.0)),        // inside flap
        (2, 0.0, pt(100.0)),
        (2, pt(100.0), pt(200.0)),
        (2, pt(200.0), pt(297.0)),
        (1, pt(97.0), pt(197.0)), // back
    ];
    let mut got = String::new();
    for (i, &(page, x0, x1)) in reading.iter().enumerate() {
        let t = panel_text(&out, page, x0, x1);
        assert!(!t.trim().is_empty(), "panel {} is empty", i + 1);
        got.push_str(&t);
    }
    // Every word of the statement, in reading order, across the folds.
    // (Hyphenated line ends are joined by dropping the hyphen: letters only.)
    let (ok, all, _) = tool("pdftotext", &[out.to_str().unwrap(), "-"]);
    assert!(ok);
    assert_eq!(
        letters(&got).len(),
        letters(&all).len(),
        "a word crosses a fold"
    );
    let src = std::fs::read_to_string(&statement).unwrap();
    let body: String = src
        .lines()
        .skip_while(|l| !l.starts_with('#'))
        .skip(1)
        .collect::<Vec<_>>()
        .join(" ");
    let first_words: String = letters(&body.split_whitespace().take(12).collect::<String>());
    let last_words: String = letters(
        &body
            .split_whitespace()
            .rev()
            .take(6)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<String>(),
    );
    let got = letters(&got);
    assert!(
        got.contains(&first_words),
        "the text does not start on the cover"
    );
    assert!(got.ends_with(&last_words) || got.contains(&last_words));
    // The first words come before the last, panel order being reading order.
    assert!(got.find(&first_words) < got.find(&last_words));
    tools_accept(&out);
}

#[test]
fn a_short_text_on_a_trifold_is_reported_and_a_long_one_refused() {
    // A one-page text is set across the cover and the inside spread; a
    // text of two paragraphs fills too little even of the spread.
    let one_page = root().join("samples/en-tenants.txt");
    let out = tmp("trifold-short.pdf");
    let o = build_statement(&one_page, "a4-trifold", &[], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("folded leaflet"), "{stderr}");
    let short = tmp("trifold-short.txt");
    let text = std::fs::read_to_string(&one_page).unwrap();
    let two: Vec<&str> = text.split("\n\n").take(6).collect();
    std::fs::write(&short, two.join("\n\n")).unwrap();
    let o = build_statement(&short, "a4-trifold", &[], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("of the inside spread of the folded leaflet"),
        "{stderr}"
    );

    let long = root().join("samples/en-long-campaign.md");
    let o = run(&long, "a4-trifold", &[], &out);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("does not fit the 6 panels"), "{stderr}");
    assert!(stderr.contains("overflows by"), "{stderr}");
}

/// A poster statement with a where/when band and its own picture: an RGB
/// photo with a transparent corner, written next to it.
fn poster_statement(tag: &str) -> ScratchFile {
    let p = ScratchFile::new(&format!("handbill-print-ready-{tag}-"), "poster.md");
    let dir = p.dir();
    let mut img = image::RgbaImage::new(600, 400);
    for (x, y, p) in img.enumerate_pixels_mut() {
        let a = if x < 100 && y < 100 { 0 } else { 255 };
        *p = image::Rgba([(x % 256) as u8, (y % 256) as u8, 180, a]);
    }
    img.save(dir.join("photo.png")).unwrap();
    let text = "+++\nwhere = \"Town Hall Square\"\nwhen = \"Saturday, 2 pm\"\nimage = \"photo.png\"\n+++\n\n\
                Save Our Library\n\nThe council wants to close the Mill Lane library. Come and say no.\n";
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn press_posters_bleed_their_band_and_carry_only_cmyk_pictures() {
    let statement = poster_statement("poster-x4");
    let out = tmp("poster-x4.pdf");
    let o = build_statement(&statement, "a3-poster", &["--for", "press"], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("photo.png` is RGB; converted to CMYK"),
        "{stderr}"
    );
    let text = qdf(&out);
    assert!(
        !text.contains("/DeviceRGB"),
        "an RGB picture in the press PDF"
    );
    assert!(text.contains("/ColorSpace /DeviceCMYK"), "no CMYK picture");
    // PDF/X-4 keeps transparency: the photo's corner stays see-through.
    assert!(text.contains("/SMask"));

    // The band reaches past the trim into the bleed at the foot of the page.
    let b = boxes(&out);
    let (bleed, trim) = (b["BleedBox"], b["TrimBox"]);
    let (px, w, h) = render(&out);
    let row = |y: f64| (h as f64 - y).round() as usize;
    let strip = (
        (trim[0] + 20.0) as usize,
        row(trim[1]) + 2,
        (trim[2] - 20.0) as usize,
        row(bleed[1]) - 1,
    );
    let area = (strip.2 - strip.0) * (strip.3 - strip.1);
    assert!(
        dark_pixels(&px, w, strip) * 10 > area * 9,
        "the band does not run into the bleed"
    );
    tools_accept(&out);
}

#[test]
fn pdf_x1a_pictures_are_flattened_and_office_bands_stay_printable() {
    let statement = poster_statement("poster-x1a");
    let out = tmp("poster-x1a.pdf");
    let o = build_statement(&statement, "tabloid-poster", &["--for", "press"], &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("flattened onto white"), "{stderr}");
    let text = qdf(&out);
    assert!(text.contains("/GTS_PDFXConformance (PDF/X-1a:2003)"));
    assert!(!text.contains("/SMask"), "transparency in a PDF/X-1a file");
    assert!(!text.contains("/DeviceRGB"));
    tools_accept(&out);

    // For the office printer the band stops 5mm from the paper's edges.
    let out = tmp("poster-office.pdf");
    build_statement(&statement, "a3-poster", &[], &out);
    let (px, w, h) = render(&out);
    let mm = |v: f64| (v / 25.4 * 72.0) as usize;
    // The bottom 4mm of the sheet are blank; just above 6mm the band is ink.
    assert_eq!(dark_pixels(&px, w, (0, h - mm(4.0), w, h)), 0);
    let row = h - mm(6.0);
    assert!(dark_pixels(&px, w, (mm(10.0), row, w - mm(10.0), row + 1)) > 0);
    assert_eq!(dark_pixels(&px, w, (0, h - mm(30.0), mm(4.0), h)), 0);
}

#[test]
fn imposed_sheets_with_a_band_pass_their_own_preflight() {
    // On an A4 sheet two A5 pages leave half a millimetre at the sides:
    // the band, edge to edge on its page, must still stop at the office
    // printer's safe margin, so the sheet raises no warning about itself.
    let statement =
        "+++\ntitle = \"Stop the evictions\"\nlang = \"en\"\nwhere = \"Town Hall Square\"\n\
                     when = \"Saturday, 2 pm\"\n+++\n\nWe are the tenants of the estate. Come.\n";
    for (layout, n) in [
        ("a5-flyer", handbill::layout::print::NUp::Two),
        ("a5-flyer", handbill::layout::print::NUp::Four),
        ("a6-handout", handbill::layout::print::NUp::Four),
    ] {
        let l = handbill::layout::load(layout).unwrap();
        let out = handbill::build(&handbill::BuildRequest {
            impose: Some(Some(n)),
            ..handbill::BuildRequest::new(statement.as_bytes(), "band.md", &l)
        })
        .unwrap();
        assert!(
            out.warnings.is_empty(),
            "{layout} {n:?}: {:?}",
            out.warnings
        );
    }
}

/// An A5 flyer with a band: what an organiser takes to a copy shop.
fn flyer_with_band(name: &str) -> ScratchFile {
    let p = tmp(name);
    std::fs::write(
        &p,
        "+++\ntitle = \"Keep the library open\"\nlang = \"en\"\nwhere = \"Riverside Library\"\n\
         when = \"Saturday, 11 am\"\n+++\n\nThe council wants to close our library. Come and \
         tell them no.\n",
    )
    .unwrap();
    p
}

#[test]
fn a_copy_shop_gets_a5_two_up_on_a4_with_cut_marks_and_an_order_to_give() {
    let statement = flyer_with_band("shop.md");
    let out = tmp("shop.pdf");
    // --strict: the sheet raises no finding of its own preflight.
    let o = build_statement(
        &statement,
        "a5-flyer",
        &["--for", "copyshop", "--strict"],
        &out,
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    let b = boxes(&out);
    assert!(
        (mm(b["MediaBox"][2]) - 297.0).abs() < 0.01 && (mm(b["MediaBox"][3]) - 210.0).abs() < 0.01,
        "not A4 landscape: {b:?}"
    );
    assert!(
        stderr.contains("for the copy shop: print on A4 paper (landscape) at 100%")
            && stderr.contains("each sheet gives 2 A5 leaflets"),
        "{stderr}"
    );
    // The cut down the middle is marked at the top and bottom of the sheet,
    // inside the printable area; nothing is drawn in the outer 5 mm.
    let (px, w, h) = render(&out);
    let pt = |v: f64| (v / 25.4 * 72.0).round() as usize;
    let mid = pt(148.5);
    assert!(dark_pixels(&px, w, (mid - 1, pt(6.0), mid + 2, pt(12.0))) >= 4);
    assert!(dark_pixels(&px, w, (mid - 1, h - pt(12.0), mid + 2, h - pt(6.0))) >= 4);
    // The bottom mark lies in the dark band, which leaves paper around it
    // so that the mark can be seen.
    assert!(dark_pixels(&px, w, (pt(100.0), h - pt(11.0), pt(110.0), h - pt(7.0))) > 50);
    assert_eq!(
        dark_pixels(&px, w, (mid - 2, h - pt(11.0), mid - 1, h - pt(7.0))),
        0
    );
    assert_eq!(dark_pixels(&px, w, (0, 0, w, pt(4.5))), 0);
    assert_eq!(dark_pixels(&px, w, (0, h - pt(4.5), w, h)), 0);
    tools_accept(&out);

    // --impose none hands over the A5 pages themselves.
    let single = tmp("shop-single.pdf");
    let o = build_statement(
        &statement,
        "a5-flyer",
        &["--for", "copyshop", "--impose", "none"],
        &single,
    );
    let b = boxes(&single);
    assert!((mm(b["MediaBox"][2]) - 148.0).abs() < 0.01, "{b:?}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("print on A5 paper (portrait)") && !stderr.contains("cut along"),
        "{stderr}"
    );
}

#[test]
fn a_copy_shop_prints_a4_as_it_is_and_a6_four_up() {
    let statement = flyer_with_band("shop-sizes.md");
    let a4 = tmp("shop-a4.pdf");
    build_statement(
        &statement,
        "a4-leaflet",
        &["--for", "copyshop", "--strict"],
        &a4,
    );
    let b = boxes(&a4);
    assert!((mm(b["MediaBox"][2]) - 210.0).abs() < 0.01, "{b:?}");
    let a6 = tmp("shop-a6.pdf");
    let o = build_statement(
        &statement,
        "a6-handout",
        &["--for", "copyshop", "--strict"],
        &a6,
    );
    let b = boxes(&a6);
    assert!(
        (mm(b["MediaBox"][2]) - 210.0).abs() < 0.01 && (mm(b["MediaBox"][3]) - 297.0).abs() < 0.01,
        "{b:?}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("each sheet gives 4 A6 leaflets"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    tools_accept(&a6);
}
