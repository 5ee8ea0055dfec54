//! The README's walkthrough, "From a text to copies", run as written: its
//! statement saved as `appeal.md` in a temporary folder, each of its
//! commands run there by the shell with `handbill` on the PATH, and what
//! it promises checked (the files, their sheets, the copy shop's order).
//! Printing goes to stand-ins for CUPS's `lp` and `lpstat` that record
//! what they were asked, so no printer is needed.

use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::{tool, tools_accept};

const SECTION: &str = "## From a text to copies";

/// The walkthrough section of the README: from its heading to the next
/// heading outside a fenced block (the statement has headings of its own).
fn section() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find(SECTION)
        .unwrap_or_else(|| panic!("README.md has no `{SECTION}`"));
    let mut out = String::new();
    let mut fenced = false;
    for (i, line) in readme[start..].lines().enumerate() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if i > 0 && !fenced && line.starts_with("## ") {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The fenced blocks of `text` whose opening fence is ```` ```lang ````.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match &mut current {
            None if line == format!("```{lang}") => current = Some(String::new()),
            Some(block) if line == "```" => {
                found.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    found
}

/// The only block of `lang` in the walkthrough.
fn block(text: &str, lang: &str) -> String {
    let mut b = blocks(text, lang);
    assert_eq!(
        b.len(),
        1,
        "the walkthrough should have one ```{lang} block"
    );
    b.remove(0)
}

/// A folder for the walkthrough, with a `bin/` holding `handbill` and the
/// stand-ins for `lp` and `lpstat`; the folder goes when it drops.
fn workshop() -> (tempfile::TempDir, PathBuf) {
    let dir = support::scratch_dir("handbill-walkthrough-");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_handbill"), bin.join("handbill")).unwrap();
    let script = |name: &str, body: &str| {
        let p = bin.join(name);
        std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    script(
        "lpstat",
        "case \"$1\" in\n\
         -p) echo 'printer Office is idle.  enabled since Thu 03 Dec 2026' ;;\n\
         -d) echo 'system default destination: Office' ;;\n\
         esac",
    );
    script(
        "lp",
        "printf '%s\\n' \"$@\" >> \"$LP_LOG\"\necho 'request id is Office-1 (1 file(s))'",
    );
    (dir, bin)
}

/// Runs one command line with `sh` in `dir`: its success and its messages.
fn sh(dir: &Path, bin: &Path, line: &str) -> (bool, String) {
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", path)
        .env("LP_LOG", dir.join("lp.log"))
        .env("SOURCE_DATE_EPOCH", "1795651200")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Width and height of page 1, in millimetres, from `pdfinfo`.
fn page_mm(pdf: &Path) -> (f64, f64) {
    let (ok, out, err) = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(ok, "{err}");
    let line = out.lines().find(|l| l.starts_with("Page size:")).unwrap();
    let v: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let mm = |pt: f64| (pt / 72.0 * 25.4 * 10.0).round() / 10.0;
    (mm(v[0]), mm(v[1]))
}

#[test]
fn the_readme_walkthrough_runs_as_written() {
    let text = section();
    let statement = block(&text, "markdown");
    let commands: Vec<String> = block(&text, "sh")
        .lines()
        // A comment says what a command does; the shell would drop it too.
        .map(|l| l.split(" #").next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let order = block(&text, "text");
    let (scratch, bin) = workshop();
    let dir = scratch.path();
    std::fs::write(dir.join("appeal.md"), &statement).unwrap();

    let mut said = Vec::new();
    for line in &commands {
        assert!(
            line.starts_with("handbill "),
            "not a handbill command: {line}"
        );
        let (ok, stderr) = sh(dir, &bin, line);
        assert!(ok, "`{line}` failed:\n{stderr}");
        said.push((line.clone(), stderr));
    }
    let with = |flag: &str| {
        said.iter()
            .find(|(l, _)| l.contains(flag))
            .unwrap_or_else(|| panic!("the walkthrough has no command with `{flag}`"))
    };

    // To look at: the PDF and a preview of each side.
    for f in ["appeal.pdf", "appeal.png", "appeal-2.png"] {
        assert!(dir.join(f).is_file(), "{f} was not written");
    }
    // The office printer, the copy shop and the print shop each get a
    // PDF every PDF tool reads without complaint.
    let office = dir.join("appeal-office.pdf");
    let shop = dir.join("appeal-copyshop.pdf");
    let press = dir.join("appeal-press.pdf");
    for pdf in [&office, &shop, &press] {
        tools_accept(pdf);
    }
    // Two A5 flyers on a landscape A4 sheet for the office and the shop;
    // the press file is one A5 page with its bleed.
    assert_eq!(page_mm(&office), (297.0, 210.0));
    assert_eq!(page_mm(&shop), (297.0, 210.0));
    let (w, h) = page_mm(&press);
    assert!(
        (w - 154.0).abs() < 0.2 && (h - 216.0).abs() < 0.2,
        "{w}×{h}"
    );
    let (_, info, _) = tool("pdfinfo", &[press.to_str().unwrap()]);
    assert!(info.contains("PDF/X-4"), "{info}");

    // The office print went to the printer as the README says: the A4
    // sheets at full size, two-sided, turned on the short edge.
    with("handbill print");
    let lp = std::fs::read_to_string(dir.join("lp.log")).expect("lp was not called");
    for arg in [
        "media=A4",
        "sides=two-sided-short-edge",
        "print-scaling=none",
        "appeal-office.pdf",
    ] {
        assert!(lp.lines().any(|l| l == arg), "lp got no {arg}: {lp}");
    }

    // The copy shop's order is the line the README quotes.
    let (_, shop_said) = with("--for copyshop");
    let quoted = order.trim();
    assert!(
        shop_said.lines().any(|l| l.trim() == quoted),
        "the README quotes\n{quoted}\nbut the build said\n{shop_said}"
    );
    with("--for press");
}
