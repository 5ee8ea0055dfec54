//! Replays fuzzing finds and the fuzz seeds through the fuzz targets' own
//! code paths (`fuzz/harness.rs`), on stable Rust, under `cargo test`.
//!
//! * Every file in `tests/fuzz_regressions/` is run through the target its
//!   name starts with (`statement-…`, `layout-…`, `pipeline-…`, `docx-…`) and must
//!   return (`Ok` or `Err`) without panicking. A file with no known prefix
//!   fails the test, so a misnamed input is not skipped silently.
//! * The seed inputs (`samples/*.txt` and `*.md`, `layouts/*.toml`) go through all three
//!   paths too; being known good, they must also succeed, which proves the
//!   harness reaches past the first error check.
//!
//! Each input runs under `catch_unwind`, and all failures are reported
//! together, by file name. See docs/fuzzing.md.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The statements in `dir`: the `.txt` and `.md` files, sorted. A PDF or
/// PNG a build left beside a sample (as the README's first command does)
/// is not a statement and is not read.
fn statements(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    v.sort();
    v
}

/// Files in `dir` (not subdirectories), sorted; `.md` notes beside the
/// inputs and dot files are skipped. A missing directory has no files.
fn files(dir: &Path) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => panic!("reading {}: {e}", dir.display()),
    };
    let mut v: Vec<PathBuf> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with('.') && !name.ends_with(".md")
        })
        .collect();
    v.sort();
    v
}

/// Runs `f`; a panic becomes `Err` with its message, so one bad input does
/// not hide the others.
fn no_panic<T>(label: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-string panic payload)".to_string());
        format!("{label}: panicked: {msg}")
    })
}

/// Which target a regression file belongs to, by its name's prefix.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Statement,
    Layout,
    Pipeline,
    Docx,
}

fn target_of(name: &str) -> Option<Target> {
    if name.starts_with("statement-") {
        Some(Target::Statement)
    } else if name.starts_with("layout-") {
        Some(Target::Layout)
    } else if name.starts_with("pipeline-") {
        Some(Target::Pipeline)
    } else if name.starts_with("docx-") {
        Some(Target::Docx)
    } else {
        None
    }
}

/// Runs `data` through `target`'s path; `Err` only for a panic.
fn replay(label: &str, target: Target, data: &[u8]) -> Result<(), String> {
    no_panic(label, || match target {
        Target::Statement => drop(harness::statement(data)),
        Target::Layout => drop(harness::layout(data)),
        Target::Pipeline => drop(harness::pipeline(data)),
        Target::Docx => drop(harness::docx(data)),
    })
}

fn report(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} fuzz input(s) failed:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}

#[test]
fn saved_crash_inputs_do_not_panic() {
    let dir = root().join("tests/fuzz_regressions");
    let mut failures = Vec::new();
    for path in files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = fs::read(&path).expect("readable regression input");
        match target_of(&name) {
            Some(target) => {
                if let Err(e) = replay(&name, target, &data) {
                    failures.push(e);
                }
            }
            None => failures.push(format!(
                "{name}: no target prefix (statement-, layout-, pipeline-, docx-)"
            )),
        }
    }
    report(&failures);
}

#[test]
fn seed_statements_through_statement_and_pipeline() {
    let n_layouts = harness::builtin_layouts().len();
    let mut failures = Vec::new();
    let samples = statements(&root().join("samples"));
    assert!(!samples.is_empty(), "no samples to replay");
    for (i, path) in samples.iter().enumerate() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = fs::read(path).expect("readable sample");

        // statement: UTF-8 samples must read in both formats with no
        // encoding; as Windows-1252 they only must not panic.
        match no_panic(&format!("statement {name}"), || harness::statement(&data)) {
            Ok(results) => {
                for (j, r) in results.iter().enumerate() {
                    let utf8 = j % 2 == 0;
                    if utf8 {
                        if let Err(e) = r {
                            failures.push(format!("statement {name} (case {j}): {e}"));
                        }
                    }
                }
            }
            Err(e) => failures.push(e),
        }

        // pipeline: the format the extension implies, one built-in layout
        // per sample in turn (every layout is used across the samples), and
        // in turn no picture, a wide, a tall and a square one.
        let markdown =
            handbill::statement::format_for_path(&name) == handbill::statement::Format::Markdown;
        let picture = (i % 4) as u8;
        let mut input = vec![(i % n_layouts) as u8, markdown as u8 | picture << 4];
        input.extend_from_slice(&data);
        let label = format!(
            "pipeline {name} (layout {}, picture {picture})",
            i % n_layouts
        );
        match no_panic(&label, || harness::pipeline(&input)) {
            Ok(Some(Ok(out))) => {
                if !out.pdf.starts_with(b"%PDF-") {
                    failures.push(format!("{label}: output is not a PDF"));
                }
                if out.pictures.is_empty() != (picture == 0) {
                    failures.push(format!("{label}: {} pictures placed", out.pictures.len()));
                }
            }
            Ok(Some(Err(e))) => failures.push(format!("{label}: {e}")),
            Ok(None) => failures.push(format!("{label}: input skipped (too long?)")),
            Err(e) => failures.push(e),
        }
    }
    report(&failures);
}

#[test]
fn seed_layouts_through_layout() {
    let mut failures = Vec::new();
    let layouts: Vec<PathBuf> = files(&root().join("layouts"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert!(!layouts.is_empty(), "no layouts to replay");
    for path in layouts {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = fs::read(&path).expect("readable layout");
        match no_panic(&format!("layout {name}"), || harness::layout(&data)) {
            Ok(Some(Ok(_))) => {}
            Ok(Some(Err(e))) => failures.push(format!("layout {name}: {e}")),
            Ok(None) => failures.push(format!("layout {name}: not UTF-8")),
            Err(e) => failures.push(e),
        }
    }
    report(&failures);
}

/// The harness itself: a panic is caught and reported under the input's
/// name, and a misnamed file is recognised as such.
#[test]
fn a_panic_is_reported_by_name() {
    let caught = no_panic("statement-example", || panic!("boom {}", 1));
    assert_eq!(
        caught.unwrap_err(),
        "statement-example: panicked: boom 1".to_string()
    );
    assert_eq!(target_of("pipeline-x"), Some(Target::Pipeline));
    assert_eq!(target_of("layout-x"), Some(Target::Layout));
    assert_eq!(target_of("statement-x"), Some(Target::Statement));
    assert_eq!(target_of("docx-x"), Some(Target::Docx));
    assert_eq!(target_of("README"), None);
}
