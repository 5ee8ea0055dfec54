//! Markdown's marks: bold and italic round a run's words, and what the
//! writer typed that Markdown would read as a mark escaped.

use super::RunStyle;

/// Appends a run's `text` (already escaped) in `style`: the marks go
/// round the words, not the spaces at either end, which Markdown would
/// not read as emphasis.
pub(super) fn push_styled(out: &mut String, text: &str, style: RunStyle) {
    let mark = match (style.bold, style.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    let core = text.trim();
    if mark.is_empty() || core.is_empty() {
        out.push_str(text);
        return;
    }
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    out.push_str(&text[..start]);
    out.push_str(mark);
    out.push_str(core);
    out.push_str(mark);
    out.push_str(&text[end..]);
}

/// A run's text with Markdown's marks escaped, so that a `*`, `_`, `[`
/// or `<` the writer typed prints as typed.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // An ampersand only where it would start an entity (`&amp;`).
            '&' if looks_like_entity(&text[i + 1..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

fn looks_like_entity(after: &str) -> bool {
    let name: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && after[name.len()..].starts_with(';')
}

/// A paragraph's text with what Markdown reads at a line's start escaped:
/// "1. This is no list", "# not a heading", "- not an item", "> no quote".
pub(super) fn escape_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = &text[digits..];
    if digits > 0
        && (after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")")
    {
        return format!("{}\\{}", &text[..digits], after);
    }
    match text.chars().next() {
        Some('#' | '-' | '+' | '=' | '|') => format!("\\{text}"),
        _ => text.to_string(),
    }
}
