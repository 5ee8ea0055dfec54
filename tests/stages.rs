//! The tree shows the pipeline, and the imports follow it: every
//! `crate::` path in `src/` names a module at the same level of
//! `handbill::STAGES` as the file it is in, or an earlier one. Paths inside
//! one stage's own folder are free; a stage importing a later one, and so
//! any circle between stages, fails here with the file and line.

use std::path::{Path, PathBuf};

/// The top-level module a file under `src/` belongs to: `src/typeset/shape.rs`
/// → `typeset`, `src/units.rs` → `units`; `None` for the crate root and the
/// binary, which may use everything.
fn owner(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

fn level(module: &str) -> Option<usize> {
    handbill::STAGES.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every module `text` names with a `crate::` path, with its line number:
/// `use crate::compose::pages::Page;` and `crate::output::color::x()` both
/// name `compose` or `output`; `use crate::{a, b}` names both.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                group.split('}').next().unwrap_or("").split(',').collect()
            } else {
                vec![rest]
            };
            for n in names {
                let n = n.trim();
                let end = n.find(|c: char| !(c.is_alphanumeric() || c == '_'));
                let name = &n[..end.unwrap_or(n.len())];
                if !name.is_empty() {
                    found.push((i + 1, name.to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn every_module_has_a_place_in_the_stage_order() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut missing: Vec<String> = files
        .iter()
        .filter_map(|f| owner(&src, f))
        .filter(|m| level(m).is_none())
        .collect();
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "modules not in handbill::STAGES: {missing:?}"
    );
}

#[test]
fn no_stage_imports_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        let Some(me) = owner(&src, file) else {
            continue;
        };
        let mine = level(&me).unwrap();
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in crate_paths(&text) {
            if used == me {
                continue;
            }
            // Re-exports at the crate root (`crate::Error`) belong to
            // `error`; the root's own `build` runs every stage up to
            // `layout`, so only what comes after may call it.
            let used_level = level(&used).or_else(|| {
                if ["Error", "Location", "Note", "Result", "Warning"].contains(&used.as_str()) {
                    level("error")
                } else if [
                    "build",
                    "BuildRequest",
                    "BuildOutput",
                    "PictureReport",
                    "Translation",
                ]
                .contains(&used.as_str())
                {
                    level("layout")
                } else {
                    None
                }
            });
            match used_level {
                Some(l) if l < mine => {}
                _ => wrong.push(format!(
                    "{}:{line}: `{me}` uses `crate::{used}`",
                    file.strip_prefix(&src).unwrap().display()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the stage order of handbill::STAGES:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_paths_in_every_form() {
    let text = "use crate::compose::pages::Page;\n\
                let x = crate::output::color::convert(y); // crate::layout in a comment\n\
                use crate::{typeset, style::Color};\n";
    let found: Vec<String> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(found, ["compose", "output", "typeset", "style"]);
}
