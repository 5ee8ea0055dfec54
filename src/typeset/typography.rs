//! Typographic conventions by language: the straight quotes, double hyphens
//! and three dots people type become the quotation marks, dashes and
//! ellipsis a typesetter would set.
//!
//! This is a stage of its own between the statement and composition: it
//! rewrites the document model's text and nothing else, so `--as-written`
//! can simply skip it.

use crate::statement::document::{Block, Document};

/// The marks one language uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marks {
    /// Outer opening and closing quotation marks.
    open: &'static str,
    close: &'static str,
    /// Inner (nested, or single-quoted) opening and closing marks.
    inner_open: &'static str,
    inner_close: &'static str,
}

/// The narrow no-break space French sets inside guillemets and before
/// `; : ! ?`.
const NNBSP: char = '\u{202F}';

fn marks_for(lang: &str) -> Marks {
    let l = lang.to_lowercase();
    let primary = l.split(['-', '_']).next().unwrap_or("");
    match primary {
        "de" if l.contains("ch") => Marks {
            open: "«",
            close: "»",
            inner_open: "‹",
            inner_close: "›",
        },
        "de" | "cs" | "sk" | "sl" | "et" | "lt" | "lv" | "is" | "mk" | "ka" => Marks {
            open: "„",
            close: "“",
            inner_open: "‚",
            inner_close: "‘",
        },
        "sr" | "hr" | "bs" | "sh" | "me" | "pl" | "hu" | "ro" => Marks {
            open: "„",
            close: "”",
            inner_open: "‚",
            inner_close: "’",
        },
        "fr" => Marks {
            open: "«\u{202F}",
            close: "\u{202F}»",
            inner_open: "“",
            inner_close: "”",
        },
        "da" => Marks {
            open: "»",
            close: "«",
            inner_open: "›",
            inner_close: "‹",
        },
        "ru" | "uk" | "be" | "bg" | "el" | "es" | "it" | "pt" | "ca" | "no" | "nb" | "nn"
        | "hy" | "eu" | "gl" | "sq" => Marks {
            open: "«",
            close: "»",
            inner_open: "„",
            inner_close: "“",
        },
        // Guillemets, as Persian and Urdu print them (CLDR's fa and ur
        // delimiters) and as most Arabic presses do; CLDR's ar data gives
        // ” “ instead, which reads as English quotes turned round. Typed
        // in logical order: « opens, » closes, each drawn pointing the
        // way a right-to-left reader expects.
        "ar" | "fa" | "ur" | "ckb" => Marks {
            open: "«",
            close: "»",
            inner_open: "“",
            inner_close: "”",
        },
        // Hebrew and Yiddish: ” … ” and ’ … ’ (CLDR's he delimiters), the
        // modern usage; the older „ … ” is left to those who type it.
        "he" | "iw" | "yi" | "ji" => Marks {
            open: "”",
            close: "”",
            inner_open: "’",
            inner_close: "’",
        },
        "sv" | "fi" => Marks {
            open: "”",
            close: "”",
            inner_open: "’",
            inner_close: "’",
        },
        _ => Marks {
            open: "“",
            close: "”",
            inner_open: "‘",
            inner_close: "’",
        },
    }
}

/// A letter of the Hebrew alphabet (not a point or punctuation).
fn is_hebrew_letter(c: char) -> bool {
    matches!(c, '\u{5D0}'..='\u{5EA}')
}

/// Rewrites quotes, dashes and ellipses in every block of `doc` for `lang`,
/// and in the link texts it keeps, so that they still match the text as
/// printed (the PDF finds them there to make them clickable).
pub fn apply(doc: &mut Document, lang: &str) {
    let marks = marks_for(lang);
    let french = lang.to_lowercase().starts_with("fr");
    for block in &mut doc.blocks {
        // A block in another language takes its own language's marks.
        match block.lang.clone() {
            Some(own) => {
                let french = own.to_lowercase().starts_with("fr");
                convert_block(block, marks_for(&own), french);
            }
            None => convert_block(block, marks, french),
        }
    }
    for label in &mut doc.labels {
        label.text = convert(&label.text, marks, french, &mut State::default());
    }
}

fn convert_block(block: &mut Block, marks: Marks, french: bool) {
    // Quotes pair across style changes, so the block is read as one text
    // with span boundaries remembered.
    let mut state = State::default();
    for span in &mut block.spans {
        span.text = convert(&span.text, marks, french, &mut state);
    }
}

/// What the text before the current point says.
#[derive(Default)]
struct State {
    /// The last character written, if any.
    prev: Option<char>,
    /// A double quote is open.
    double_open: bool,
    /// A single quote is open.
    single_open: bool,
}

fn convert(text: &str, marks: Marks, french: bool, st: &mut State) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            // Before a Hebrew word's last letter a double quote marks an
            // acronym (צה"ל, ש"ח): the gershayim. After a one-letter prefix
            // and before a longer word (ש"התוכנית) it opens a quotation.
            '"' if st.prev.is_some_and(is_hebrew_letter)
                && next.is_some_and(is_hebrew_letter)
                && !chars.get(i + 2).copied().is_some_and(is_hebrew_letter) =>
            {
                out.push('\u{5F4}')
            }
            '"' => {
                let opening = opens(st.prev, next) || (!st.double_open && !closes(st.prev, next));
                if opening {
                    out.push_str(marks.open);
                    st.double_open = true;
                } else {
                    out.push_str(marks.close);
                    st.double_open = false;
                }
            }
            '\'' => {
                let between_letters = st.prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                let elision = !st.prev.is_some_and(char::is_alphanumeric)
                    && (next.is_some_and(|n| n.is_ascii_digit()) || elides(&chars[i + 1..]));
                if between_letters
                    || elision
                    || (!st.single_open && st.prev.is_some_and(char::is_alphanumeric))
                {
                    // An apostrophe (don't, '90s, 's avonds, workers').
                    out.push('’');
                } else if opens(st.prev, next) {
                    out.push_str(marks.inner_open);
                    st.single_open = true;
                } else {
                    out.push_str(marks.inner_close);
                    st.single_open = false;
                }
            }
            '-' if next == Some('-') => {
                // "---" is an em dash, "--" an en dash.
                if chars.get(i + 2) == Some(&'-') {
                    out.push('—');
                    i += 2;
                } else {
                    out.push('–');
                    i += 1;
                }
            }
            '-' if st.prev == Some(' ') && next == Some(' ') => out.push('–'),
            '.' if next == Some('.') && chars.get(i + 2) == Some(&'.') => {
                out.push('…');
                i += 2;
            }
            // French: a narrow no-break space before ; : ! ? », after «.
            ' ' if french
                && next.is_some_and(|n| matches!(n, ';' | ':' | '!' | '?' | '»' | '›')) =>
            {
                out.push(NNBSP)
            }
            ' ' if french && matches!(st.prev, Some('«' | '‹')) => out.push(NNBSP),
            _ => out.push(c),
        }
        st.prev = out.chars().last();
        i += 1;
    }
    out
}

/// Words that open with an apostrophe for the letters they leave out, not
/// with a quotation mark: Dutch and Afrikaans "'s avonds", "'t", "'n", "'k",
/// and English "'til", "'em", "'tis", "'twas", "rock 'n' roll". A quote
/// opening on one of these would be a one-word quotation of it, which no
/// statement has; set as an opening quote, "‘s avonds" turned the
/// apostrophe round.
const ELISIONS: &[&str] = &["s", "t", "n", "k", "em", "til", "tis", "twas"];

/// Whether `rest`, the text after an apostrophe that opens a word, is one
/// of the [`ELISIONS`], ending there.
fn elides(rest: &[char]) -> bool {
    let len = rest.iter().take_while(|c| c.is_alphabetic()).count();
    let word: String = rest[..len].iter().flat_map(|c| c.to_lowercase()).collect();
    len > 0 && ELISIONS.contains(&word.as_str())
}

/// A quote opens after nothing, a space, an opening bracket or dash, and
/// before a letter.
fn opens(prev: Option<char>, next: Option<char>) -> bool {
    let after_gap = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{–—/„“‘«‹\u{202F}".contains(p),
    };
    after_gap && next.is_some_and(|n| !n.is_whitespace())
}

/// A quote closes after text and before a space, punctuation or the end.
fn closes(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::{BlockKind, Span, Style};

    fn set(text: &str, lang: &str) -> String {
        let mut doc = Document {
            blocks: vec![Block {
                kind: BlockKind::Body,
                spans: vec![Span::plain(text)],
                line: 1,
                lang: None,
            }],
            ..Document::default()
        };
        apply(&mut doc, lang);
        doc.blocks[0].text()
    }

    #[test]
    fn quotes_by_language() {
        let s = r#"the so-called "Republic of Kosovo" and 'ours'"#;
        assert_eq!(
            set(s, "en"),
            "the so-called “Republic of Kosovo” and ‘ours’"
        );
        assert_eq!(
            set(s, "de"),
            "the so-called „Republic of Kosovo“ and ‚ours‘"
        );
        assert_eq!(
            set(s, "sr-Latn"),
            "the so-called „Republic of Kosovo” and ‚ours’"
        );
        assert_eq!(
            set(s, "sr-Cyrl"),
            "the so-called „Republic of Kosovo” and ‚ours’"
        );
        assert_eq!(
            set(s, "ru"),
            "the so-called «Republic of Kosovo» and „ours“"
        );
        assert_eq!(
            set(s, "fr"),
            "the so-called «\u{202F}Republic of Kosovo\u{202F}» and “ours”"
        );
    }

    #[test]
    fn right_to_left_quotes() {
        assert_eq!(set(r#"قال "لا" اليوم"#, "ar"), "قال «لا» اليوم");
        assert_eq!(set(r#"گفت "نه" امروز"#, "fa"), "گفت «نه» امروز");
        assert_eq!(set(r#"אמר "לא" היום"#, "he"), "אמר ”לא” היום");
        // An acronym's double quote is a gershayim.
        assert_eq!(set(r#"חיילי צה"ל"#, "he"), "חיילי צה\u{5F4}ל");
        assert_eq!(set(r#"אמרו ש"לא" שוב"#, "he"), "אמרו ש”לא” שוב");
    }

    #[test]
    fn apostrophes_stay_apostrophes() {
        assert_eq!(
            set("don't stop the workers' strike in the '90s", "en"),
            "don’t stop the workers’ strike in the ’90s"
        );
        assert_eq!(
            set("'Tis \"quoted\", isn't it?", "en"),
            "’Tis “quoted”, isn’t it?"
        );
        // Elisions that open a word, in Dutch and English; a quotation
        // still opens with its mark.
        assert_eq!(
            set("'s avonds bij 't stadhuis, 'n idee", "nl"),
            "’s avonds bij ’t stadhuis, ’n idee"
        );
        assert_eq!(
            set("march 'til then, rock 'n' roll, 'solidarity'", "en"),
            "march ’til then, rock ’n’ roll, ‘solidarity’"
        );
    }

    #[test]
    fn dashes_and_ellipsis() {
        assert_eq!(set("KFOR - the forces", "en"), "KFOR – the forces");
        assert_eq!(
            set("1990--2000 and now---always", "en"),
            "1990–2000 and now—always"
        );
        assert_eq!(set("wait...", "en"), "wait…");
        assert_eq!(set("anti-imperialist", "en"), "anti-imperialist");
    }

    #[test]
    fn french_guillemets_typed_with_spaces_get_narrow_ties() {
        assert_eq!(
            set("la « situation » reste", "fr"),
            "la «\u{202F}situation\u{202F}» reste"
        );
        assert_eq!(
            set("la « situation » reste", "en"),
            "la « situation » reste"
        );
    }

    #[test]
    fn french_spacing() {
        assert_eq!(
            set("Pourquoi ? Parce que : voilà !", "fr"),
            "Pourquoi\u{202F}? Parce que\u{202F}: voilà\u{202F}!"
        );
    }

    #[test]
    fn quotes_pair_across_styles() {
        let mut doc = Document {
            blocks: vec![Block {
                kind: BlockKind::Body,
                spans: vec![
                    Span::plain("say \""),
                    Span {
                        text: "no".into(),
                        style: Style {
                            italic: true,
                            bold: false,
                            strike: false,
                        },
                    },
                    Span::plain("\" now"),
                ],
                line: 1,
                lang: None,
            }],
            ..Document::default()
        };
        apply(&mut doc, "en");
        assert_eq!(doc.blocks[0].text(), "say “no” now");
    }
}
