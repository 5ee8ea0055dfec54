//! Reading a layout file into the structs `keys` declares, and
//! the translation of TOML's errors into one-line messages with a line,
//! a column and, where one is close, a suggestion.

use std::ops::Range;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::keys::{RawFile, SECTIONS};
use crate::error::{Error, Location, Result};
use crate::names::suggest;
use crate::units::Length;

/// A value and the byte range it was written at.
pub(super) type Sp<T> = toml::Spanned<T>;

/// The keys allowed at the top level, besides the sections.
pub(super) const TOP_KEYS: &[&str] = &["name", "description", "extends"];

/// The headline's `size`: a length, or `"fit"` (the largest size between
/// `min-size` and `max-size` that keeps it within `max-lines`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum SizeOrFit {
    Size(Length),
    Fit,
}

impl<'de> Deserialize<'de> for SizeOrFit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<SizeOrFit, D::Error> {
        use serde::de::IntoDeserializer;
        struct V;
        impl Visitor<'_> for V {
            type Value = SizeOrFit;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a length with a unit, like \"26pt\", or \"fit\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<SizeOrFit, E> {
                if s.trim().eq_ignore_ascii_case("fit") {
                    return Ok(SizeOrFit::Fit);
                }
                s.parse::<Length>().map(SizeOrFit::Size).map_err(|e| {
                    E::custom(format!(
                        "{e}; or \"fit\" for the largest size that keeps the headline within `max-lines`"
                    ))
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<SizeOrFit, E> {
                Length::deserialize(v.into_deserializer()).map(SizeOrFit::Size)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<SizeOrFit, E> {
                Length::deserialize(v.into_deserializer()).map(SizeOrFit::Size)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<SizeOrFit, E> {
                Length::deserialize(v.into_deserializer()).map(SizeOrFit::Size)
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads a layout file's text into its raw settings.
pub(super) fn read(source: &str, origin: &str) -> Result<RawFile> {
    let e = match toml::from_str::<RawFile>(source) {
        Ok(raw) => return Ok(raw),
        Err(e) => e,
    };
    // A syntax error is reported as one (the typed reading may stumble
    // on something else first); a file that reads at all is valid TOML.
    if let Err(e) = source.parse::<toml::Table>() {
        let at = match e.span() {
            Some(s) => location(origin, source, s.start),
            None => Location::file(origin),
        };
        return Err(Error::Layout {
            at,
            message: format!("TOML syntax error: {}", one_line(e.message())),
        });
    }
    Err(describe(&e, source, origin))
}

/// The 1-based line and column (in characters) of byte `offset`.
pub(super) fn location(origin: &str, source: &str, offset: usize) -> Location {
    LineStarts::new(source).location(origin, source, offset)
}

/// Where a source's lines start: every value of a layout gets a location,
/// and counting lines from the top for each was most of reading a layout.
pub(super) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(super) fn new(source: &str) -> LineStarts {
        let starts = source.match_indices('\n').map(|(i, _)| i + 1);
        LineStarts(std::iter::once(0).chain(starts).collect())
    }

    /// The 1-based line and column (in characters) of byte `offset` in
    /// `source`, the text these line starts are of.
    pub(super) fn location(&self, origin: &str, source: &str, offset: usize) -> Location {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        // Lines starting at or before `offset`: the first always does.
        let line = self.0.partition_point(|&start| start <= offset);
        let start = self.0[line - 1];
        let column = source[start..offset].chars().count() + 1;
        Location::at(origin, line, column)
    }
}

/// ``"`key` in [section]"``, or ``"`key`"`` at the top level.
pub(super) fn key_name(section: &str, key: &str) -> String {
    if section.is_empty() {
        format!("`{key}`")
    } else {
        format!("`{key}` in {}", label(section))
    }
}

/// The sections written as arrays of tables (`[[image]]`).
const ARRAY_SECTIONS: &[&str] = &["image"];

/// A section as it is written in the file: `[page]`, or `[[image]]` for an
/// array of tables.
pub(super) fn label(section: &str) -> String {
    if ARRAY_SECTIONS.contains(&section) {
        format!("[[{section}]]")
    } else {
        format!("[{section}]")
    }
}

/// A parser message on one line.
fn one_line(message: &str) -> String {
    let parts: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if parts.is_empty() {
        "expected a value".to_string()
    } else {
        parts.join(": ")
    }
}

/// Turns a deserialisation error into a layout error.
fn describe(e: &toml::de::Error, source: &str, origin: &str) -> Error {
    let message = one_line(e.message());
    let Some(offset) = e.span().map(|s| s.start) else {
        return Error::Layout {
            at: Location::file(origin),
            message,
        };
    };
    let at = location(origin, source, offset);
    let tree = toml::from_str::<Node>(source).ok();
    let hit = tree.as_ref().and_then(|t| locate(t, offset));

    let message = if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default();
        match &hit {
            Some((path, node)) => unknown_key(
                key,
                &path[..path.len() - 1].join("."),
                matches!(node, Node::Table(_)),
            ),
            None => unknown_key(key, section_from_expected(rest), false),
        }
    } else if let Some((path, _)) = &hit {
        let (section, key) = match path.split_last() {
            Some((key, sections)) => (sections.join("."), key.as_str()),
            None => (String::new(), ""),
        };
        let name = key_name(&section, key);
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let found = rest.split(", expected").next().unwrap_or(rest);
            let date = source
                .get(offset..)
                .unwrap_or("")
                .starts_with(|c: char| c.is_ascii_digit());
            format!(
                "{name} must be {}, not {}",
                expected(&section, key),
                found_phrase(found, date)
            )
        } else {
            format!("{name}: {message}")
        }
    } else {
        message
    };
    Error::Layout { at, message }
}

/// What a key takes, for "must be …".
fn expected(section: &str, key: &str) -> String {
    if section.is_empty() {
        if ARRAY_SECTIONS.contains(&key) {
            return format!("a list of [[{key}]] tables");
        }
        if SECTIONS.iter().any(|(s, _)| *s == key) {
            return format!("a table (a [{key}] section)");
        }
        return "a string in quotes".to_string();
    }
    super::keys::expected(section, key)
        .unwrap_or("a value of another type")
        .to_string()
}

/// serde's "string \"two\"", "integer `10`"… as a phrase.
fn found_phrase(found: &str, looks_like_date: bool) -> String {
    if let Some(r) = found.strip_prefix("string ") {
        format!("the string {r}")
    } else if let Some(r) = found.strip_prefix("integer ") {
        format!("the number {r}")
    } else if let Some(r) = found.strip_prefix("floating point ") {
        format!("the number {r}")
    } else if let Some(r) = found.strip_prefix("boolean ") {
        r.to_string()
    } else if found == "map" && looks_like_date {
        "a date or time".to_string()
    } else if found == "map" {
        "a table".to_string()
    } else if found == "sequence" {
        "an array".to_string()
    } else {
        found.to_string()
    }
}

/// The section an "unknown field" message is about, from the fields it
/// says it expected (used only when the key cannot be found in the tree).
fn section_from_expected(rest: &str) -> &'static str {
    let first = rest.split('`').nth(2).unwrap_or_default();
    SECTIONS
        .iter()
        .find(|(_, keys)| keys.first() == Some(&first))
        .map_or("", |(s, _)| s)
}

/// The message for a key that `section` ("" for the top level) does not have.
fn unknown_key(key: &str, section: &str, is_table: bool) -> String {
    let section_names: Vec<&str> = SECTIONS.iter().map(|(s, _)| *s).collect();
    let list = |names: &[&str], open: &str, close: &str| {
        names
            .iter()
            .map(|n| format!("{open}{n}{close}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Sections that do have this key, for "it belongs in …".
    let owners: Vec<&str> = SECTIONS
        .iter()
        .filter(|(s, keys)| *s != section && keys.contains(&key))
        .map(|(s, _)| *s)
        .collect();
    let owners_text = owners
        .iter()
        .map(|s| label(s))
        .collect::<Vec<_>>()
        .join(", ");

    if section.is_empty() {
        if is_table {
            return match suggest(key, &section_names) {
                Some(s) => format!("unknown section [{key}]; did you mean [{s}]?"),
                None => format!(
                    "unknown section [{key}]; the sections are {}",
                    list(&section_names, "[", "]")
                ),
            };
        }
        let mut top: Vec<&str> = TOP_KEYS.to_vec();
        top.extend(&section_names);
        if let Some(s) = suggest(key, &top) {
            return format!("unknown key `{key}`; did you mean `{s}`?");
        }
        if !owners.is_empty() {
            return format!(
                "unknown key `{key}` at the top level; it belongs in {owners_text} \
                 (keys after a [section] line belong to that section)"
            );
        }
        return format!(
            "unknown key `{key}`; the top level has {} and the sections {}",
            list(TOP_KEYS, "`", "`"),
            list(&section_names, "[", "]")
        );
    }

    let here = label(section);
    let Some((_, keys)) = SECTIONS.iter().find(|(s, _)| *s == section) else {
        return format!("unknown key `{key}` in {here}");
    };
    if let Some(s) = suggest(key, keys) {
        format!("unknown key `{key}` in {here}; did you mean `{s}`?")
    } else if !owners.is_empty() {
        format!("unknown key `{key}` in {here}; `{key}` is a key of {owners_text}")
    } else {
        format!(
            "unknown key `{key}` in {here}; its keys are {}",
            list(keys, "", "")
        )
    }
}

// ---------------------------------------------------------------------------
// A tree of the file's keys with their spans, to find which key an error's
// span belongs to.

pub(super) enum Node {
    Table(Vec<(Sp<String>, Sp<Node>)>),
    /// An array; its tables (`[[image]]`) are searched for keys too.
    Array(Vec<Sp<Node>>),
    Leaf,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any TOML value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Node, E> {
        Ok(Node::Leaf)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Sp<Node>>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Node, A::Error> {
        let mut entries = Vec::new();
        loop {
            // A date-time arrives as a map whose key has no span: it is a
            // leaf, not a table.
            let key = match map.next_key::<Sp<String>>() {
                Ok(Some(k)) => k,
                Ok(None) => break,
                Err(_) => return Ok(Node::Leaf),
            };
            let value = map.next_value::<Sp<Node>>()?;
            entries.push((key, value));
        }
        Ok(Node::Table(entries))
    }
}

/// The key path whose key or value is at `offset`, and that value.
fn locate(tree: &Node, offset: usize) -> Option<(Vec<String>, &Node)> {
    fn at(span: Range<usize>, offset: usize) -> bool {
        span.contains(&offset) || span.start == offset
    }
    fn walk<'n>(
        entries: &'n [(Sp<String>, Sp<Node>)],
        offset: usize,
        path: &mut Vec<String>,
    ) -> Option<&'n Node> {
        for (k, v) in entries {
            path.push(k.get_ref().clone());
            if at(k.span(), offset) {
                return Some(v.get_ref());
            }
            if let Node::Table(inner) = v.get_ref() {
                if let Some(found) = walk(inner, offset, path) {
                    return Some(found);
                }
            }
            // A key inside one of an array's tables belongs to the array's
            // section: `image.file`, whichever [[image]] it is in.
            if let Node::Array(items) = v.get_ref() {
                for item in items {
                    if let Node::Table(inner) = item.get_ref() {
                        if let Some(found) = walk(inner, offset, path) {
                            return Some(found);
                        }
                    }
                }
            }
            if at(v.span(), offset) {
                return Some(v.get_ref());
            }
            path.pop();
        }
        None
    }
    let Node::Table(entries) = tree else {
        return None;
    };
    let mut path = Vec::new();
    walk(entries, offset, &mut path).map(|n| (path, n))
}
