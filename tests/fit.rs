//! `--fit N`: a statement onto N pages, in smaller type if it must be, with
//! its QR code and imprint kept with the text; and, when not even that
//! fits, how much to cut and which layout would hold it.
//!
//! The case is issue 12's: a short appeal with front matter (title,
//! subtitle, where, when, qr, imprint) just too long for an A5 flyer.

mod support;
use support::{root, with_tail};

use std::process::{Command, Output};

use handbill::compose::pages::Page;
use handbill::compose::{compose, compose_to_fit, ComposeOptions, Fitting, LEGIBLE_BODY_PT};
use handbill::layout::{self, Layout};
use handbill::statement::{parse, Format};
use handbill::units::Length;
use handbill::{build, BuildRequest, Error};

const LINK: &str = "https://example.org/eastfield-library";

/// The paragraph that makes the appeal too long for the flyer's own
/// fitting; without it, only the QR code and imprint are too many.
const SAVINGS: &str = "The savings are small: the council's own figures put them at less \
than one per cent of its yearly spending on consultants.\n\n";

fn appeal() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/appeal.md")).unwrap()
}

/// The appeal without [`SAVINGS`]: it fits the flyer at 9pt, but only just.
fn short_appeal() -> String {
    let text = appeal();
    assert!(text.contains(SAVINGS), "the fixture changed");
    text.replace(SAVINGS, "")
}

fn a5() -> Layout {
    layout::load("a5-flyer").unwrap()
}

fn opts(layout: &Layout) -> ComposeOptions {
    ComposeOptions {
        layout: layout.name.clone(),
        lang: "en".into(),
        origin: "appeal.md".into(),
        ..Default::default()
    }
}

/// True when the page shows the QR code (a figure) and its printed link.
fn has_qr_code(page: &Page) -> bool {
    page.lines.iter().any(|l| l.figure.is_some())
        && page.lines.iter().any(|l| l.line.text().contains(LINK))
}

fn page_text(page: &Page) -> String {
    page.lines
        .iter()
        .map(|l| l.line.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn tmpdir(tag: &str) -> tempfile::TempDir {
    support::scratch_dir(&format!("handbill-fit-{tag}-"))
}

#[test]
fn fit_1_sets_the_appeal_on_one_a5_page_with_its_qr_code() {
    let layout = a5();
    let doc = parse(&appeal(), Format::Markdown, "appeal.md")
        .unwrap()
        .document;
    let Fitting::Set(c) = compose_to_fit(&doc, &layout.design, &opts(&layout), 1).unwrap() else {
        panic!("the appeal does not fit one page with --fit 1");
    };
    assert_eq!(c.pages.len(), 1);
    assert!(has_qr_code(&c.pages[0]));
    let text = page_text(&c.pages[0]);
    assert!(
        text.contains("Published by Friends of Eastfield Library"),
        "{text}"
    );
    // Below the layout's min-size (it does not fit at 9pt), not below the floor.
    let min = layout.design.body.fit.unwrap().min_size;
    assert!(
        c.body_size < min && c.body_size >= Length::pt(LEGIBLE_BODY_PT),
        "{}",
        c.body_size
    );

    // The command line says what it did.
    let scratch = tmpdir("one");
    let d = scratch.path();
    let out = d.join("appeal.pdf");
    let o = bin()
        .args([
            "build",
            "tests/fixtures/appeal.md",
            "--layout",
            "a5-flyer",
            "--fit",
            "1",
            "-o",
        ])
        .arg(&out)
        .current_dir(root())
        .output()
        .unwrap();
    let said = stderr(&o);
    assert!(o.status.success(), "{said}");
    assert!(
        said.contains("fitted on one page: body ") && said.contains("(layout min-size 9pt)"),
        "{said}"
    );
    assert!(said.contains("(1 page, body "), "{said}");
}

#[test]
fn the_shrunk_qr_code_still_scans() {
    // The 20 mm code of the fitted appeal, drawn at 150 dpi (an office
    // printer's coarsest), read back to its link.
    let layout = a5();
    let text = appeal();
    let out = build(&BuildRequest {
        fit_pages: Some(1),
        ..BuildRequest::new(text.as_bytes(), "appeal.md", &layout)
    })
    .unwrap();
    let pdf = support::ScratchFile::with("handbill-fit-scan-", "appeal.pdf", &out.pdf);
    let lum = support::luminance(&support::render_png(&pdf, 150, &["-gray"]));
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(lum.width, lum.height, |x, y| {
        lum.pixels[y * lum.width + x] as u8
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "found {} QR codes", grids.len());
    let (_, content) = grids[0].decode().expect("the code decodes");
    assert_eq!(content, LINK);
}

#[test]
fn without_fit_the_warning_says_what_to_do_and_the_qr_code_is_not_alone() {
    let layout = a5();
    let text = appeal();
    let out = build(&BuildRequest::new(text.as_bytes(), "appeal.md", &layout)).unwrap();
    assert_eq!(out.pages, 2);
    assert!(
        out.warnings.iter().any(|w| w.message.contains(&format!(
            "does not fit on one page even at 9pt; at {} it takes 2 pages; \
             --fit 1 sets it on one page",
            out.body_size
        ))),
        "{:?}",
        out.warnings
    );
    // Page 2 is not the QR code and imprint on their own: the last lines
    // of text went over with them.
    let doc = parse(&text, Format::Markdown, "appeal.md")
        .unwrap()
        .document;
    let c = compose(&doc, &layout.design, &opts(&layout)).unwrap();
    assert_eq!(c.pages.len(), 2);
    assert!(has_qr_code(&c.pages[1]));
    let back = page_text(&c.pages[1]);
    assert!(back.contains("does not give up quietly"), "{back}");
}

#[test]
fn a_qr_code_and_imprint_that_only_just_spill_shrink_and_stay() {
    // At 9pt the text fits the flyer, but not with a 25 mm QR code and the
    // imprint below it: they went to page 2 alone. A 20 mm code keeps them.
    let layout = a5();
    let text = short_appeal();
    let out = build(&BuildRequest::new(text.as_bytes(), "appeal.md", &layout)).unwrap();
    assert_eq!(out.pages, 1, "{:?}", out.warnings);
    let doc = parse(&text, Format::Markdown, "appeal.md")
        .unwrap()
        .document;
    let c = compose(&doc, &layout.design, &opts(&layout)).unwrap();
    assert_eq!(c.pages.len(), 1);
    assert!(has_qr_code(&c.pages[0]));
    let qr = c.pages[0]
        .lines
        .iter()
        .find_map(|l| l.figure.as_ref())
        .unwrap();
    assert!(
        (qr.width.to_mm() - 20.0).abs() < 0.01,
        "{} mm",
        qr.width.to_mm()
    );
}

#[test]
fn too_long_even_for_fit_says_what_to_cut_and_which_layout_holds_it() {
    let scratch = tmpdir("over");
    let d = scratch.path();
    let o = bin()
        .args([
            "build",
            "samples/en-tenants.txt",
            "--layout",
            "a6-handout",
            "--fit",
            "1",
            "-o",
        ])
        .arg(d.join("x.pdf"))
        .current_dir(root())
        .output()
        .unwrap();
    let said = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(!d.join("x.pdf").exists());
    assert!(
        said.contains("does not fit on one page of a6-handout even at 7.5pt"),
        "{said}"
    );
    // How much to cut, in words and lines.
    let cut = said.split("cut about ").nth(1).expect(&said);
    let words: usize = cut.split(' ').next().unwrap().parse().expect(&said);
    assert!(words > 0 && words < 408, "{said}");
    assert!(cut.contains(" lines)"), "{said}");
    // The layout it names does hold it: build it there.
    let named = said
        .split("use --layout ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap_or_else(|| panic!("no layout named: {said}"));
    let there = layout::load(named).unwrap();
    let text = std::fs::read(root().join("samples/en-tenants.txt")).unwrap();
    let out = build(&BuildRequest {
        fit_pages: Some(1),
        ..BuildRequest::new(&text, "en-tenants.txt", &there)
    })
    .unwrap();
    assert_eq!(out.pages, 1);
}

#[test]
fn a_folded_leaflet_is_one_sheet() {
    let trifold = layout::load("a4-trifold").unwrap();
    let text = std::fs::read(root().join("samples/en-tenants.txt")).unwrap();
    let e = build(&BuildRequest {
        fit_pages: Some(2),
        ..BuildRequest::new(&text, "en-tenants.txt", &trifold)
    })
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("--fit 1 fits the text on its 6 panels"),
        "{e}"
    );
    let out = build(&BuildRequest {
        fit_pages: Some(1),
        ..BuildRequest::new(&text, "en-tenants.txt", &trifold)
    })
    .unwrap();
    assert!(
        out.notes
            .iter()
            .any(|n| n.message.starts_with("fitted on the 6 panels")),
        "{:?}",
        out.notes
    );
}

#[test]
fn fit_places_every_word_or_says_what_to_cut() {
    // Every sample, as it is and with a QR code and imprint, on the flat
    // built-in layouts, as the layout fits it and onto one and two pages:
    // set (so the no-lost-word check passed) or, with --fit, refused with
    // what to cut; never lost text.
    let mut samples: Vec<(String, String)> = Vec::new();
    for e in std::fs::read_dir(root().join("samples")).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !(name.ends_with(".md") || name.ends_with(".txt")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        samples.push((format!("qr-{name}"), with_tail(&text)));
        samples.push((name, text));
    }
    for name in layout::builtin_names() {
        let l = layout::load(name).unwrap();
        if l.design.page.fold.is_some() {
            continue;
        }
        let floor = Length::pt(LEGIBLE_BODY_PT)
            .min(l.design.body.fit.map_or(l.design.body.size, |f| f.min_size));
        for (shown, text) in &samples {
            for n in [None, Some(1), Some(2)] {
                let req = BuildRequest {
                    fit_pages: n,
                    ..BuildRequest::new(text.as_bytes(), shown, &l)
                };
                match (build(&req), n) {
                    (Ok(out), Some(n)) => {
                        assert!(out.pages <= n, "{shown} on {name}: {} pages", out.pages);
                        assert!(out.body_size >= floor, "{shown} on {name}");
                    }
                    (Ok(out), None) => {
                        // The warning counts the pages as written.
                        for w in &out.warnings {
                            if let Some(k) = w.message.split(" it takes ").nth(1) {
                                let said = format!("{} pages", out.pages);
                                assert!(k.starts_with(&said), "{shown} on {name}: {}", w.message);
                            }
                        }
                    }
                    (Err(Error::Typeset { message, .. }), Some(_)) => {
                        assert!(
                            message.contains("cut about"),
                            "{shown} on {name}: {message}"
                        )
                    }
                    (Err(e), _) => panic!("{shown} on {name}, --fit {n:?}: {e}"),
                }
            }
        }
    }
}

#[test]
fn build_help_documents_fit() {
    let o = bin().args(["build", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("--fit <N>"), "{help}");
    assert!(help.contains("--fit 1"), "{help}");
}
