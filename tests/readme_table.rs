//! The README's table of hostile inputs is checked against the code and
//! the tests: every row names the tests that exercise it, those tests
//! exist, and every message the row quotes is one handbill really prints
//! (each literal stretch of it is in the source, or in the named tests
//! that check the output holds it, so rewording a message without the
//! README fails here).

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, read and joined, with string
/// continuations (a backslash, the line end and the next line's indent)
/// taken out, so that a message split over source lines reads whole.
fn sources(dir: &Path) -> String {
    let mut out = String::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
                out.push('\n');
            }
        }
    }
    let mut joined = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek() == Some(&'\n') {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
        } else {
            joined.push(c);
        }
    }
    joined
}

/// The table's rows: (input, what handbill does, exit, tests).
fn rows() -> Vec<[String; 4]> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut lines = readme
        .lines()
        .skip_while(|l| !l.starts_with("| input | what handbill does | exit | tested by |"))
        .skip(2);
    let mut out = Vec::new();
    for line in lines.by_ref() {
        if !line.starts_with('|') {
            break;
        }
        // Cells split at " | " (a `|` inside code is always unspaced).
        let inner = line.trim().trim_start_matches("| ").trim_end_matches(" |");
        let cells: Vec<String> = inner.split(" | ").map(str::to_string).collect();
        assert_eq!(cells.len(), 4, "a row needs four cells: {line}");
        out.push([
            cells[0].clone(),
            cells[1].clone(),
            cells[2].clone(),
            cells[3].clone(),
        ]);
    }
    assert!(out.len() > 30, "the table was not found or is cut short");
    out
}

/// The code spans of a cell (text between single backticks; a double
/// backtick span, used around text holding a backtick, counts too).
fn code_spans(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = cell;
    while let Some(start) = rest.find('`') {
        let fence = if rest[start..].starts_with("``") {
            "``"
        } else {
            "`"
        };
        let body = &rest[start + fence.len()..];
        let Some(end) = body.find(fence) else { break };
        out.push(body[..end].trim().to_string());
        rest = &body[end + fence.len()..];
    }
    out
}

/// The literal stretches of a quoted message worth checking: runs of at
/// least three words between the parts an example makes up (file names,
/// paths, numbers, quoted text, arrows, a format's name such as GIF, a
/// program's name such as xdg-open),
/// without the leading
/// `file:line:column: `.
fn stretches(message: &str) -> Vec<String> {
    let body = match message.find(": ") {
        Some(i) if !message[..i].contains(' ') => &message[i + 2..],
        _ => message,
    };
    // The reporter's own prefix, not the message's.
    let body = body.strip_prefix("warning: ").unwrap_or(body);
    let made_up = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        acronym
            || w.chars().any(|c| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '.' | '/'
                            | '-'
                            | '→'
                            | '…'
                            | '“'
                            | '”'
                            | '"'
                            | '`'
                            | '×'
                            | '('
                            | ')'
                            | '['
                            | ']'
                            | '<'
                            | '>'
                    )
            })
    };
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for w in body.split(' ').chain(std::iter::once(".")) {
        if made_up(w) || w.is_empty() {
            if run.len() >= 3 {
                out.push(run.join(" "));
            }
            run.clear();
        } else {
            run.push(w);
        }
    }
    out
}

/// The file a row's test reference names: `name` (of `name::function`) is
/// tests/name.rs; a path names a file of unit tests.
fn test_file(file: &str) -> PathBuf {
    if file.contains('/') {
        root().join(file)
    } else {
        root().join("tests").join(format!("{file}.rs"))
    }
}

/// The sources of the tests a row names (`file::function`, or a path).
fn named_tests(tests: &str) -> String {
    tests
        .split(',')
        .filter_map(|t| t.trim().trim_matches('`').split_once("::"))
        .filter_map(|(file, _)| std::fs::read_to_string(test_file(file)).ok())
        .collect()
}

#[test]
fn every_row_names_tests_that_exist() {
    let mut problems = Vec::new();
    for [input, _, _, tests] in rows() {
        let names: Vec<&str> = tests
            .split(',')
            .map(|t| t.trim().trim_matches('`'))
            .filter(|t| !t.is_empty())
            .collect();
        if names.is_empty() {
            problems.push(format!("{input}: names no test"));
        }
        for name in names {
            let Some((file, func)) = name.split_once("::") else {
                problems.push(format!("{input}: `{name}` is not file::function"));
                continue;
            };
            let path = test_file(file);
            let found = std::fs::read_to_string(&path)
                .map(|s| s.contains(&format!("fn {func}(")))
                .unwrap_or(false);
            if !found {
                problems.push(format!("{input}: no test `{func}` in {}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_quoted_message_is_one_handbill_prints() {
    let code = sources(&root().join("src"));
    let mut problems = Vec::new();
    for [input, does, _, tests] in rows() {
        let tests = named_tests(&tests);
        for span in code_spans(&does) {
            for s in stretches(&span) {
                // In the code that prints it, or (a message of the
                // system's, an example's own words) in a test that checks
                // handbill's output holds it.
                if !code.contains(&s) && !tests.contains(&s) {
                    problems.push(format!("{input}: “{s}” is in neither src/ nor its tests"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_exit_code_is_a_documented_one() {
    for [input, _, exit, _] in rows() {
        for code in exit.split('/').map(str::trim) {
            assert!(
                matches!(code, "0" | "1" | "2" | "3" | "129" | "130" | "143"),
                "{input}: exit {code}"
            );
        }
    }
}
