//! Printing for real through a CUPS queue that writes PDFs (cups-pdf):
//! `.ci/run` installs CUPS, starts it and adds the `HandbillPDF` queue.

mod support;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const QUEUE: &str = "HandbillPDF";

fn handbill(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(args)
        .output()
        .unwrap()
}

/// Luminance of 2 mm blocks of every page, rendered by poppler at 100 dpi.
fn render(pdf: &std::path::Path) -> Vec<f64> {
    let prefix = pdf.with_extension("render");
    let ok = Command::new("pdftoppm")
        .args([
            "-q",
            "-r",
            "100",
            "-png",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    let dir = prefix.parent().unwrap();
    let stem = prefix.file_name().unwrap().to_string_lossy().into_owned();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{stem}-")))
        })
        .collect();
    pages.sort();
    let mut out = Vec::new();
    for page in pages {
        let px = tiny_skia::Pixmap::load_png(&page).unwrap();
        let (w, h) = (px.width() as usize, px.height() as usize);
        let lum: Vec<f64> = px
            .pixels()
            .iter()
            .map(|c| {
                let c = c.demultiply();
                0.299 * f64::from(c.red())
                    + 0.587 * f64::from(c.green())
                    + 0.114 * f64::from(c.blue())
            })
            .collect();
        for by in 0..h / 8 {
            for bx in 0..w / 8 {
                let mut sum = 0.0;
                for y in 0..8 {
                    for x in 0..8 {
                        sum += lum[(by * 8 + y) * w + bx * 8 + x];
                    }
                }
                out.push(sum / 64.0);
            }
        }
        let _ = std::fs::remove_file(page);
    }
    out
}

fn queue_exists() -> bool {
    Command::new("lpstat")
        .args(["-p", QUEUE])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn prints_through_cups_and_the_printed_file_matches() {
    assert!(
        queue_exists(),
        "no CUPS queue `{QUEUE}`: run .ci/run, which installs CUPS and cups-pdf, starts cupsd and adds the queue"
    );
    let scratch = support::scratch_dir("handbill-print-");
    let dir = scratch.path();
    let name = format!("handbill-print-test-{}", std::process::id());
    let pdf = dir.join(format!("{name}.pdf"));
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/en-tenants.txt");
    let o = handbill(&[
        "build",
        sample.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let o = handbill(&["print", "--list"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(QUEUE));
    let o = handbill(&["print", pdf.to_str().unwrap(), "--printer", QUEUE]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // cups-pdf writes to the job owner's ~/PDF, named after the job title.
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let out_dirs = [
        PathBuf::from(&home).join("PDF"),
        PathBuf::from("/root/PDF"),
        PathBuf::from("/var/spool/cups-pdf/ANONYMOUS"),
    ];
    let started = Instant::now();
    let printed = loop {
        let found = out_dirs
            .iter()
            .filter_map(|d| std::fs::read_dir(d).ok())
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&name))
            });
        if let Some(p) = found {
            // Let cups-pdf finish writing.
            std::thread::sleep(Duration::from_millis(500));
            break p;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "nothing printed in {out_dirs:?} after 60 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    // CUPS's filters turn the text into Type 3 glyphs without a text layer,
    // so the pages are compared as a reader would: rendered, in 2 mm blocks.
    let (a, b) = (render(&pdf), render(&printed));
    assert_eq!(a.len(), b.len(), "page count or size changed in printing");
    let mean = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64;
    let inked = b.iter().filter(|&&x| x < 230.0).count();
    // The measure can fail: the original against itself moved by one block.
    let moved = a
        .iter()
        .zip(&a[1..])
        .map(|(x, y)| (x - y).abs())
        .sum::<f64>()
        / a.len() as f64;
    assert!(
        moved > 2.0 * 4.0,
        "the comparison cannot tell a 2 mm shift ({moved:.2})"
    );
    assert!(
        inked > 100 && mean < 4.0,
        "printed page differs: mean block difference {mean:.2}, {inked} inked blocks"
    );
    let info = |p: &std::path::Path| {
        let o = Command::new("pdfinfo").arg(p).output().unwrap();
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .map(|l| l.to_string())
            .unwrap_or_default()
    };
    assert!(
        info(&printed).contains("(A4)"),
        "printed page size: {}",
        info(&printed)
    );
    let _ = std::fs::remove_file(&printed);
}

#[test]
fn clear_errors_for_unknown_printers_and_files() {
    let o = handbill(&["print", "/nonexistent.pdf", "--printer", QUEUE]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file"));
    if queue_exists() {
        let scratch = support::scratch_dir("handbill-print-err-");
        let pdf = scratch.path().join("leaflet.pdf");
        let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/en-tenants.txt");
        assert!(handbill(&[
            "build",
            sample.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "-q"
        ])
        .status
        .success());
        let o = handbill(&["print", pdf.to_str().unwrap(), "--printer", "NoSuchPrinter"]);
        assert_eq!(o.status.code(), Some(3));
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(
            e.contains("no printer `NoSuchPrinter`") && e.contains(QUEUE),
            "{e}"
        );
    }
}
