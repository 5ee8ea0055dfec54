//! Names users type: suggestions for misspelt keys and names, and the shape
//! of language tags. Shared by the layout and front-matter readers.

/// Edit distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of neighbours each count 1).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // prev2, prev, row: the rows for i-2, i-1 and i.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, row);
    }
    prev[b.len()]
}

/// The candidate nearest to `word` (ignoring case), if it is close enough to
/// be what was meant: a few edits for its length, or one is the start of the
/// other ("language" for `lang`).
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let w = word.trim().to_lowercase();
    let limit = match w.chars().count() {
        0..=2 => 0,
        3..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let prefix = |c: &str| {
        let (short, long) = if c.len() < w.len() {
            (c, w.as_str())
        } else {
            (w.as_str(), c)
        };
        short.chars().count() >= 3 && long.starts_with(short)
    };
    candidates
        .iter()
        .map(|c| (c.to_lowercase(), *c))
        .map(|(lower, c)| {
            (
                if prefix(&lower) {
                    0
                } else {
                    distance(&w, &lower)
                },
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Whether `tag` is shaped like a BCP 47 tag: a 2–3 letter language, then
/// subtags of 1–8 letters or digits ("en", "en-GB", "sr-Latn", "de-CH-1996").
/// Whether handbill can hyphenate it is decided elsewhere.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("colums", "columns"), 1);
        assert_eq!(distance("titel", "title"), 1);
        assert_eq!(distance("", "lang"), 4);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("Colums", &["paper", "columns"]), Some("columns"));
        assert_eq!(suggest("language", &["title", "lang"]), Some("lang"));
        assert_eq!(suggest("xyz", &["paper", "columns"]), None);
        assert_eq!(suggest("a8", &["a4", "a5"]), None);
        assert_eq!(suggest("colour", &["title", "author", "lang"]), None);
    }

    #[test]
    fn language_tags() {
        assert!(
            is_language_tag("en") && is_language_tag("sr-Cyrl") && is_language_tag("de-CH-1996")
        );
        assert!(!is_language_tag("English") && !is_language_tag("en_US") && !is_language_tag(""));
    }
}
