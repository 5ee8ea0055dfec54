//! `handbill open FILE` and `build --open`, watched through
//! `HANDBILL_OPENER`: a script that records the file it was asked to open,
//! as no desktop viewer runs where the tests do.

mod support;

use std::path::Path;
use std::process::{Command, Output};

/// A scratch folder for one test, removed when it drops.
fn dir() -> tempfile::TempDir {
    support::scratch_dir("handbill-open-")
}

/// Runs handbill with `opener` as HANDBILL_OPENER.
fn handbill(opener: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(args)
        .env("HANDBILL_OPENER", opener)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// An opener that appends each file it is given to `log`, one a line; the
/// script sits beside the log.
fn recorder(log: &Path) -> String {
    let stem = log.file_stem().unwrap().to_string_lossy();
    let script = log.with_file_name(format!("record-{stem}.sh"));
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n", log.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script.display().to_string()
}

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples/sr-latn-protest.txt")
        .display()
        .to_string()
}

#[test]
fn build_open_and_open_hand_the_file_to_the_viewer() {
    let d = dir();
    let log = d.path().join("opened.log");
    let opener = recorder(&log);
    // A name with a space reaches the viewer as one argument.
    let pdf = d.path().join("my leaflet.pdf");
    let o = handbill(
        &opener,
        &["build", &sample(), "-o", pdf.to_str().unwrap(), "--open"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = d.path().join("preview.png");
    let o = handbill(
        &opener,
        &[
            "build",
            &sample(),
            "-o",
            pdf.to_str().unwrap(),
            "--png",
            png.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = handbill(&opener, &["open", png.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        opened.lines().collect::<Vec<_>>(),
        [pdf.to_str().unwrap(), png.to_str().unwrap()],
        "a build without --open opened nothing, the others one file each"
    );
}

#[test]
fn a_viewer_that_fails_warns_but_the_build_stands() {
    let d = dir();
    let pdf = d.path().join("kept.pdf");
    let o = handbill(
        "false",
        &["build", &sample(), "-o", pdf.to_str().unwrap(), "--open"],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(pdf.is_file());
    assert!(
        stderr.contains("warning:") && stderr.contains("could not open it"),
        "{stderr}"
    );
    // Asked only to open, the failure is the answer: exit 3.
    let o = handbill("false", &["open", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    let o = handbill(
        "false",
        &["open", d.path().join("nothing-here.pdf").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file to open"));
}

#[test]
fn open_needs_one_pdf_in_a_file() {
    let d = dir();
    let log = d.path().join("never.log");
    let opener = recorder(&log);
    let s = sample();
    let o = handbill(
        &opener,
        &[
            "build",
            &s,
            &s,
            "--out-dir",
            d.path().to_str().unwrap(),
            "--open",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = handbill(&opener, &["build", &s, "-o", "-", "--open"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!log.exists(), "something was opened");
}

#[test]
fn a_watch_opens_its_pdf_once_and_the_viewer_follows_the_rebuilds() {
    let d = dir();
    let log = d.path().join("watched.log");
    let opener = recorder(&log);
    let statement = d.path().join("watched.txt");
    std::fs::write(&statement, "Headline\n\nSome text.\n").unwrap();
    let pdf = d.path().join("watched.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args([
            "build",
            statement.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ])
        .args(["--watch", "--open", "-q"])
        .env("HANDBILL_OPENER", &opener)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let wait_for = |what: &str, pred: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !pred() {
            assert!(
                start.elapsed().as_secs() < 20,
                "timed out waiting for {what}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    };
    wait_for("the first open", &|| log.exists());
    let first = std::fs::read(&pdf).unwrap();
    // A second later, so that the modification time differs.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&statement, "Headline\n\nOther text, longer than before.\n").unwrap();
    wait_for("the rebuild", &|| {
        std::fs::read(&pdf).is_ok_and(|b| b != first)
    });
    // Time for a wrong second open to show.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(opened.lines().collect::<Vec<_>>(), [pdf.to_str().unwrap()]);
}
