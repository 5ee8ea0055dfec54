//! `handbill new-layout`: a layout file to edit, made from a built-in one.
//!
//! The file shows every section and every key, with the comments of the
//! default layout (`a4-leaflet`, the base every layout starts from). The
//! keys the chosen built-in sets to other values than the base are set;
//! the rest are there commented out, with the base's value, so that a
//! user sees what can be changed and what it is now. `lang` is never set:
//! a layout file's language overrides the language detected in each
//! statement, which a copy of a built-in should not do unless asked.

use super::{builtin, unknown_builtin, DEFAULT};
use crate::error::{Error, Location, Result};

/// One line of a layout file, as far as the template cares.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    /// `[page]`, `[[image]]` (also commented out: `# [[image]]`).
    Section(&'a str),
    /// `key = value …`, set or commented out.
    Key { key: &'a str, set: bool },
    /// Anything else: comments, blank lines, top-level keys.
    Other,
}

fn classify(line: &str) -> Line<'_> {
    let t = line.trim();
    let (set, body) = match t.strip_prefix('#') {
        Some(rest) => (false, rest.trim_start()),
        None => (true, t),
    };
    if let Some(name) = body
        .strip_prefix("[[")
        .and_then(|r| r.strip_suffix("]]"))
        .or_else(|| body.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
    {
        if name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return Line::Section(name);
        }
    }
    if let Some((key, _)) = body.split_once('=') {
        let key = key.trim();
        if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return Line::Key { key, set };
        }
    }
    Line::Other
}

/// The set keys of a layout file: (section, key, the line as written).
fn set_keys(source: &str) -> Vec<(&str, &str, &str)> {
    let mut section = "";
    let mut out = Vec::new();
    for line in source.lines() {
        match classify(line) {
            Line::Section(s) if !line.trim_start().starts_with('#') => section = s,
            Line::Key { key, set: true } => out.push((section, key, line)),
            _ => {}
        }
    }
    out
}

/// The text of a new layout file called `name`, from the built-in `from`.
pub fn template(name: &str, from: &str) -> Result<String> {
    let at = || Location::file(format!("builtin:{from}"));
    let source = builtin(from).ok_or_else(|| Error::Layout {
        at: at(),
        message: unknown_builtin(from),
    })?;
    let base = builtin(DEFAULT).unwrap_or_default();
    let base_keys = set_keys(base);
    let own = set_keys(source);
    // What the built-in sets differently from the base, by section.
    let differs = |section: &str, key: &str| {
        own.iter()
            .find(|(s, k, _)| *s == section && *k == key)
            .filter(|(_, _, line)| {
                let base_line = base_keys
                    .iter()
                    .find(|(s, k, _)| *s == section && *k == key);
                base_line.map(|(_, _, b)| value(b)) != Some(value(line))
            })
            .map(|(_, _, line)| *line)
    };
    let description = own
        .iter()
        .find(|(s, k, _)| s.is_empty() && *k == "description")
        .map(|(_, _, line)| *line);
    let mut out = vec![
        format!("# {name}: made with `handbill new-layout {name} --from {from}`."),
        format!("# Set keys are {from}'s own; a key commented out has the value every"),
        "# layout starts from: remove its # to change it.".to_string(),
        String::new(),
        format!("name = \"{name}\""),
    ];
    out.extend(description.map(str::to_string));
    let mut section = "";
    let mut written: Vec<(&str, &str)> = Vec::new();
    let mut started = false;
    for line in base.lines() {
        let kind = classify(line);
        if !started {
            // The base's own header, name and description are not copied.
            if !matches!(kind, Line::Section(_)) {
                continue;
            }
            started = true;
            out.push(String::new());
        }
        match kind {
            Line::Section(s) => {
                // Keys of the built-in that the base never writes (a fold)
                // go at the end of their section.
                out.extend(extra_keys(&own, &base_keys, section, &written));
                section = s;
                if s == "image" && line.trim_start().starts_with('#') {
                    // The built-in's own pictures, as it places them; the
                    // base's commented example follows.
                    let own_images = image_tables(source);
                    if !own_images.is_empty() {
                        out.extend(own_images.iter().map(|l| l.to_string()));
                        out.push(String::new());
                    }
                }
                out.push(line.to_string());
            }
            // The base's [[image]] lines are an example: kept as they are.
            _ if section == "image" => out.push(line.to_string()),
            Line::Key { key, .. } if key == "lang" => {
                // Shown with the built-in's value, never set: set, it would
                // be the language of every statement built with the layout.
                let shown = own
                    .iter()
                    .find(|(s, k, _)| *s == section && *k == key)
                    .map_or(line, |(_, _, l)| *l);
                out.push(format!("# {}", shown.trim_start_matches(['#', ' '])));
                written.push((section, key));
            }
            Line::Key { key, set } => {
                written.push((section, key));
                match differs(section, key) {
                    Some(own_line) => out.push(own_line.to_string()),
                    None if set => out.push(format!("# {line}")),
                    None => out.push(line.to_string()),
                }
            }
            Line::Other => out.push(line.to_string()),
        }
    }
    out.extend(extra_keys(&own, &base_keys, section, &written));
    Ok(out.join("\n") + "\n")
}

/// The lines of a layout file's `[[image]]` tables, each from its header
/// to the next section.
fn image_tables(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in source.lines() {
        let active = !line.trim_start().starts_with('#');
        if let Line::Section(s) = classify(line) {
            if active {
                inside = s == "image";
            }
        }
        if inside {
            out.push(line);
        }
    }
    // Trailing blank lines belong to no table.
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out
}

/// The built-in's keys in `section` that the base does not write at all.
fn extra_keys(
    own: &[(&str, &str, &str)],
    base: &[(&str, &str, &str)],
    section: &str,
    written: &[(&str, &str)],
) -> Vec<String> {
    own.iter()
        .filter(|(s, _, _)| *s == section && !section.is_empty() && section != "image")
        .filter(|(s, k, _)| {
            !written.contains(&(*s, *k)) && !base.iter().any(|(bs, bk, _)| bs == s && bk == k)
        })
        .map(|(_, _, line)| line.to_string())
        .collect()
}

/// The value part of a `key = value  # comment` line, for comparing.
fn value(line: &str) -> &str {
    let v = line.split_once('=').map_or("", |(_, v)| v);
    // A `#` inside quotes is part of the value ("#000000").
    let mut quoted = false;
    for (i, c) in v.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '#' if !quoted => return v[..i].trim(),
            _ => {}
        }
    }
    v.trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{builtin_names, parse};
    use std::path::Path;

    #[test]
    fn a_template_is_its_built_in_except_the_language() {
        for from in builtin_names() {
            let text = template("mine", from).unwrap();
            let made = parse(&text, "mine.toml", Path::new(""))
                .unwrap_or_else(|e| panic!("{from}: {e}\n{text}"));
            let mut original = crate::layout::load(from).unwrap();
            original.name = "mine".into();
            original.sources = made.sources.clone();
            // A layout file's `lang` overrides detection; the template
            // leaves it to the base's default, detected over.
            original.design.hyphenation.lang = made.design.hyphenation.lang.clone();
            // Where things were written differs, naturally.
            for (o, m) in original.design.images.iter_mut().zip(&made.design.images) {
                o.at = m.at.clone();
            }
            let keys = |p: &crate::layout::print::PrintSpec| -> Vec<&'static str> {
                p.written_at.iter().map(|(k, _)| *k).collect()
            };
            assert_eq!(keys(&original.print), keys(&made.print), "{from}");
            original.print.origin = made.print.origin.clone();
            original.print.written_at = made.print.written_at.clone();
            assert_eq!(made.design.hyphenation.lang_set_at, None, "{from}");
            assert_eq!(made, original, "{from}:\n{text}");
        }
    }

    #[test]
    fn a_template_shows_every_section() {
        let text = template("mine", "a5-flyer").unwrap();
        for section in [
            "[page]",
            "[body]",
            "[headline]",
            "[meta]",
            "[heading]",
            "[hyphenation]",
            "[linebreak]",
            "[band]",
            "# [[image]]",
            "[print]",
        ] {
            assert!(text.contains(section), "{section} missing:\n{text}");
        }
        // The band's colour is there to change, at the base's value.
        assert!(text.contains("# color = \"gray(0.12)\""), "{text}");
        // a5-flyer's own values are set.
        assert!(text.contains("\npaper = \"a5\""), "{text}");
        assert!(!text.contains("\nlang ="), "{text}");
    }

    #[test]
    fn a_quoted_hash_is_part_of_the_value() {
        assert_eq!(value("color = \"#000000\"   # black"), "\"#000000\"");
        assert_eq!(value("size = \"10pt\""), "\"10pt\"");
    }
}
