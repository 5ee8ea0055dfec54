//! `+++` TOML front matter.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::clean::{clean_str, control_error, find_control, LineIndex};
use super::{error_at, Format};
use crate::error::{Error, Location, Result};

/// The keys front matter may have.
const KEYS: [&str; 12] = [
    "title",
    "subtitle",
    "date",
    "author",
    "imprint",
    "lang",
    "qr",
    "image",
    "alt",
    "where",
    "when",
    "translation",
];

/// A front matter value, cleaned, with the line of its key.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Field {
    pub(super) value: String,
    pub(super) line: usize,
    /// 1-based column of the value's opening quote, for messages about the
    /// value itself (a translation file that cannot be read).
    pub(super) column: usize,
}

/// What the front matter says. All fields are absent without front matter.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct FrontMatter {
    pub(super) title: Option<Field>,
    pub(super) subtitle: Option<Field>,
    pub(super) date: Option<Field>,
    pub(super) author: Option<Field>,
    pub(super) imprint: Option<Field>,
    pub(super) qr: Option<Field>,
    pub(super) lang: Option<Field>,
    pub(super) image: Option<Field>,
    pub(super) alt: Option<Field>,
    pub(super) place: Option<Field>,
    pub(super) when: Option<Field>,
    pub(super) translation: Option<Field>,
    /// `date` is a TOML date (`date = 2026-12-12`, no quotes), not text:
    /// it is written as the statement's language writes dates.
    pub(super) date_typed: bool,
    /// The time of day a TOML date-time `date` gives, which the leaflet
    /// leaves off (with a warning).
    pub(super) date_time: Option<String>,
}

/// Whether a line is the `+++` fence (trailing blanks allowed).
fn is_fence(line: &str, fence: &str) -> bool {
    line.trim_end_matches([' ', '\t']) == fence
}

/// Reads front matter at the start of `text` (LF line breaks, no BOM).
/// Returns it and the byte offset where the statement's body starts.
pub(super) fn split(
    text: &str,
    index: &LineIndex,
    file: &str,
    format: Format,
) -> Result<(FrontMatter, usize)> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if !is_fence(&text[..first_end], "+++") {
        if format == Format::Markdown {
            reject_yaml(text, file)?;
        }
        return Ok((FrontMatter::default(), 0));
    }
    let toml_start = (first_end + 1).min(text.len());
    let mut pos = toml_start;
    let (toml_end, body_start) = loop {
        if pos >= text.len() {
            return Err(error_at(
                file,
                1,
                1,
                "the front matter opened here with +++ is never closed: end it with a line +++"
                    .to_string(),
            ));
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if is_fence(&text[pos..end], "+++") {
            break (pos, (end + 1).min(text.len()));
        }
        pos = end + 1;
    };
    let front = parse_toml(&text[toml_start..toml_end], toml_start, index, file)?;
    Ok((front, body_start))
}

/// A Markdown file that starts with YAML front matter (`---` … `---`) would
/// otherwise turn into a rule and a heading made of the YAML.
fn reject_yaml(text: &str, file: &str) -> Result<()> {
    let mut lines = text.split('\n');
    if !lines.next().is_some_and(|l| is_fence(l, "---")) {
        return Ok(());
    }
    for (keys, line) in lines.take(50).enumerate() {
        if is_fence(line, "---") {
            if keys > 0 {
                return Err(error_at(
                    file,
                    1,
                    1,
                    "this looks like YAML front matter (between --- lines); handbill reads \
                     TOML front matter between +++ lines, e.g. title = \"…\""
                        .to_string(),
                ));
            }
            return Ok(());
        }
        let key = line.split(':').next().unwrap_or_default();
        let is_key = line.contains(':')
            && !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !is_key {
            return Ok(());
        }
    }
    Ok(())
}

/// The known key nearest to `key`, if it is near enough to be a typo.
fn suggest(key: &str) -> Option<&'static str> {
    crate::names::suggest(key, &KEYS)
}

/// Refuses a front matter `lang` that is not a language tag, with the
/// fix when it is one with `_` for `-`.
fn check_lang(lang: &str, at: Location) -> Result<()> {
    if crate::names::is_language_tag(lang) {
        return Ok(());
    }
    let fix = lang.replace('_', "-");
    let hint = if crate::names::is_language_tag(&fix) {
        format!("write \"{fix}\"")
    } else {
        "e.g. en, de or sr-Cyrl".to_string()
    };
    Err(Error::Statement {
        at,
        message: format!("front matter `lang` = \"{lang}\" is not a BCP 47 language tag; {hint}"),
    })
}

fn parse_toml(src: &str, base: usize, index: &LineIndex, file: &str) -> Result<FrontMatter> {
    let at = |span: Range<usize>| {
        let (line, column) = index.line_col(base + span.start);
        Location::at(file, line, column)
    };
    let table = toml_table(src, file, &at)?;
    // Report problems in file order.
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);

    let mut front = FrontMatter::default();
    for (key, value) in entries {
        let name = key.get_ref().as_str();
        let Some(slot) = front.slot(name) else {
            return Err(unknown_key(name, at(key.span())));
        };
        let (raw, typed_date) = raw_value(name, value, &at)?;
        if let Some((_, c)) = find_control(&raw) {
            let (line, column) = index.line_col(base + value.span().start);
            return Err(control_error(file, line, column, c));
        }
        let cleaned = clean_str(&raw);
        if cleaned.is_empty() && name == "qr" {
            // Meant to print a code, and none would appear.
            return Err(Error::Statement {
                at: at(value.span()),
                message: "front matter `qr` is empty: give the link to print as a QR code, \
                          or remove the line"
                    .into(),
            });
        }
        if cleaned.is_empty() {
            continue;
        }
        if name == "lang" {
            check_lang(&cleaned, at(value.span()))?;
        }
        *slot = Some(Field {
            value: cleaned,
            line: index.line(base + key.span().start),
            column: index.line_col(base + value.span().start).1,
        });
        if let Some(time) = typed_date {
            front.date_typed = true;
            front.date_time = time;
        }
    }
    Ok(front)
}

/// The front matter's text `src` read as a TOML table, its keys and
/// values with where they stand; a syntax error at the place `at` gives
/// its span (the file's start where the parser names none).
fn toml_table(
    src: &str,
    file: &str,
    at: &dyn Fn(Range<usize>) -> Location,
) -> Result<BTreeMap<Spanned<String>, Spanned<toml::Value>>> {
    toml::from_str(src).map_err(|e| {
        let message: Vec<&str> = e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        Error::Statement {
            at: e.span().map_or_else(|| Location::at(file, 1, 1), at),
            message: format!("the front matter is not valid TOML: {}", message.join("; ")),
        }
    })
}

impl FrontMatter {
    /// The field the front matter key `name` sets; `None` for a key it
    /// does not have.
    fn slot(&mut self, name: &str) -> Option<&mut Option<Field>> {
        Some(match name {
            "title" => &mut self.title,
            "subtitle" => &mut self.subtitle,
            "date" => &mut self.date,
            "author" => &mut self.author,
            "imprint" => &mut self.imprint,
            "qr" => &mut self.qr,
            "lang" => &mut self.lang,
            "image" => &mut self.image,
            "alt" => &mut self.alt,
            "where" => &mut self.place,
            "when" => &mut self.when,
            "translation" => &mut self.translation,
            _ => return None,
        })
    }
}

/// The error for a key the front matter does not have, at `at`, with the
/// nearest known key where one is near.
fn unknown_key(name: &str, at: Location) -> Error {
    let hint = match suggest(name) {
        Some(k) => format!("did you mean `{k}`? "),
        None => String::new(),
    };
    Error::Statement {
        at,
        message: format!(
            "unknown front matter key `{name}`; {hint}(known keys: {})",
            KEYS.join(", ")
        ),
    }
}

/// The text of the value of key `name`, and for a TOML date its time of
/// day, if it has one (`Some(None)` for a date without one); an error at
/// the value (the place `at` gives its span) for any other kind of value.
fn raw_value(
    name: &str,
    value: &Spanned<toml::Value>,
    at: &dyn Fn(Range<usize>) -> Location,
) -> Result<(String, Option<Option<String>>)> {
    match value.get_ref() {
        toml::Value::String(s) => Ok((s.clone(), None)),
        // A TOML date, as a website's front matter gives one: the day in
        // ISO order, for the language to write. Its time of day
        // (`2026-12-12T10:00:00+01:00`) is when the page was saved.
        toml::Value::Datetime(d) if name == "date" => Ok(match d.date {
            Some(day) => (
                format!("{:04}-{:02}-{:02}", day.year, day.month, day.day),
                Some(d.time.map(|t| format!("{:02}:{:02}", t.hour, t.minute))),
            ),
            None => (d.to_string(), None),
        }),
        other => {
            // "an integer", "an array", "a boolean": TOML's names for them.
            let kind = other.type_str();
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            Err(Error::Statement {
                at: at(value.span()),
                message: format!(
                    "front matter `{name}` must be a string in quotes, e.g. {name} = \"…\", \
                     not {article} {kind}"
                ),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_another_kind_is_named_with_its_article() {
        for (src, kind) in [
            ("title = 5", "not an integer"),
            ("title = [\"a\"]", "not an array"),
            ("title = true", "not a boolean"),
            ("title = 1.5", "not a float"),
        ] {
            let index = LineIndex::new(src, 1);
            let e = parse_toml(src, 0, &index, "s.md").unwrap_err().to_string();
            assert!(e.ends_with(kind), "{src}: {e}");
        }
    }

    #[test]
    fn suggestions_for_front_matter_keys() {
        assert_eq!(suggest("titel"), Some("title"));
        assert_eq!(suggest("authors"), Some("author"));
        assert_eq!(suggest("Title"), Some("title"));
        assert_eq!(suggest("language"), Some("lang"));
        assert_eq!(suggest("colour"), None);
    }
}
