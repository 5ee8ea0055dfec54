//! Resource limits: peak memory of whole runs, measured by GNU time on the
//! real binary (.ci/run installs it).

use std::path::PathBuf;
use std::process::Command;

/// Peak resident memory of `handbill build <input>`, in MB.
fn peak_mb(input: &str, out: &str) -> f64 {
    let o = Command::new("/usr/bin/time")
        .args([
            "-f",
            "%M",
            env!("CARGO_BIN_EXE_handbill"),
            "build",
            input,
            "-o",
            out,
            "--quiet",
        ])
        .output()
        .expect("GNU time (/usr/bin/time) is needed for this test; .ci/run installs it");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    let kb: f64 = err
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("time's %M output");
    kb / 1024.0
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("handbill-limits-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn reference_statement_stays_under_50_mb() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("../shared/seed/000_53f4cf6db800a616.txt");
    let input = if seed.exists() {
        seed
    } else {
        root.join("samples/en-tenants.txt")
    };
    let mb = peak_mb(input.to_str().unwrap(), tmp("seed.pdf").to_str().unwrap());
    assert!(mb < 50.0, "peak {mb:.1} MB");
}

#[test]
fn ten_megabyte_statement_stays_under_1_gb() {
    // Ten million characters of ordinary prose in 80-word paragraphs.
    let words = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/en-long-campaign.md"),
    )
    .unwrap();
    let words: Vec<&str> = words
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || ",.;:'".contains(c))
        })
        .collect();
    let mut text = String::from("A very long statement\n\n");
    let mut i = 0usize;
    while text.len() < 10_000_000 {
        for _ in 0..80 {
            text.push_str(words[i % words.len()]);
            text.push(' ');
            i = i.wrapping_mul(31).wrapping_add(17) % 100_003;
        }
        text.push_str("\n\n");
    }
    let input = tmp("big.txt");
    std::fs::write(&input, &text).unwrap();
    let mb = peak_mb(input.to_str().unwrap(), tmp("big.pdf").to_str().unwrap());
    assert!(mb < 1024.0, "peak {mb:.0} MB");
    let _ = std::fs::remove_file(&input);
}
