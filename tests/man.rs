//! `handbill man --dir DIR`: a page for handbill and one for each command,
//! each documenting the options its `--help` lists, and each read by groff
//! without a warning.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn handbill(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let o = handbill(args);
    assert!(
        o.status.success(),
        "handbill {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The commands `handbill --help` lists (without clap's own `help`).
fn commands() -> Vec<String> {
    let help = stdout(&["--help"]);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// The long options a command's `--help` lists.
fn long_options(command: &[&str]) -> Vec<String> {
    let mut args = command.to_vec();
    args.push("--help");
    stdout(&args)
        .lines()
        .filter(|l| l.starts_with("  "))
        .filter_map(|l| {
            let l = l.trim_start();
            let l = l
                .strip_prefix('-')
                .filter(|r| r.chars().nth(1) == Some(','))
                .map_or(l, |r| r[2..].trim_start());
            let name = l.strip_prefix("--")?;
            Some(
                name.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .next()?
                    .to_string(),
            )
        })
        .collect()
}

/// A scratch folder, removed when it drops.
fn tmp() -> tempfile::TempDir {
    support::scratch_dir("handbill-man-")
}

#[test]
fn man_dir_writes_a_page_per_command_with_its_options() {
    // Folders that are not there yet: `man --dir` makes them.
    let scratch = tmp();
    let dir = scratch.path().join("share/man1");
    let o = handbill(&["man", "--dir", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let written: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let commands = commands();
    assert!(commands.iter().any(|c| c == "build"), "{commands:?}");
    let mut expected: BTreeSet<String> =
        commands.iter().map(|c| format!("handbill-{c}.1")).collect();
    expected.insert("handbill.1".into());
    assert_eq!(written, expected);

    let top = std::fs::read_to_string(dir.join("handbill.1")).unwrap();
    // `handbill man` alone prints the same top page.
    assert_eq!(stdout(&["man"]), top);
    for c in &commands {
        // The top page points to each command's page, which now exists.
        let reference = format!("handbill\\-{}(1)", c.replace('-', "\\-"));
        assert!(
            top.contains(&reference),
            "handbill.1 does not refer to {reference}"
        );
        let page = std::fs::read_to_string(dir.join(format!("handbill-{c}.1"))).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH handbill-"),
            "{c}: {page}"
        );
        for option in long_options(&[c]) {
            let roff = format!("\\-\\-{}", option.replace('-', "\\-"));
            assert!(
                page.contains(&roff),
                "handbill-{c}.1 does not document --{option}"
            );
        }
    }
    // The build page documents the options a newcomer needs most.
    let build = std::fs::read_to_string(dir.join("handbill-build.1")).unwrap();
    for option in ["layout", "for", "impose", "open", "png"] {
        assert!(build.contains(&format!("\\-\\-{option}")), "no --{option}");
    }
    assert!(long_options(&["build"]).len() >= 10);
    groff_reads_cleanly(&dir, &expected);
}

/// groff (as `man` runs it: -k for UTF-8 input) renders every page with all
/// warnings on and says nothing. Skipped, saying so, where groff is missing.
fn groff_reads_cleanly(dir: &Path, pages: &BTreeSet<String>) {
    if Command::new("groff").arg("--version").output().is_err() {
        eprintln!("groff is not installed: the pages were not rendered");
        return;
    }
    for page in pages {
        let path = dir.join(page);
        let o = Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .arg(&path)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            o.status.success() && err.is_empty(),
            "groff on {page}: {err}"
        );
    }
}
