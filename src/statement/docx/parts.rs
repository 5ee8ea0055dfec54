//! The parts of the zip container, read as text within limits: a part
//! that inflates too far or nests its elements too deep is an error, not
//! an exhausted machine or an overflowed stack. Also the page headers' and
//! footers' words, which are left off with a warning.

use std::io::Read;

use super::bad;
use super::xml::LocalName;
use crate::error::Result;

/// The most bytes one XML part may inflate to. A .docx is read up to the
/// statement limit (1 MiB); Word's XML compresses about tenfold, so a full
/// one holds some 10 MiB; a part past this is a zip bomb, not a statement,
/// and the parsed tree of one this size stays near 200 MB.
pub(super) const MAX_PART: u64 = 16 << 20;

/// How deep a part's XML elements may nest: a text box's run in Word's
/// XML stands some 16 deep, a table in a table in a table under 30; the
/// parser's recursion stays far from any thread's stack at this depth.
const MAX_XML_DEPTH: usize = 256;

/// One part's text, `None` when the document has no such part.
pub(super) fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    file: &str,
) -> Result<Option<String>> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let entry = zip.by_index(index).map_err(|e| {
        bad(
            file,
            format!("{name} in the Word document cannot be read ({e})"),
        )
    })?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            bad(
                file,
                format!("{name} in the Word document cannot be read ({e})"),
            )
        })?;
    if bytes.len() as u64 > MAX_PART {
        return Err(bad(
            file,
            format!(
                "{name} in the Word document unpacks to more than {} MiB: no statement is that \
                 long (a zip bomb?)",
                MAX_PART >> 20
            ),
        ));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        bad(
            file,
            format!("{name} in the Word document is not UTF-8 XML"),
        )
    })?;
    if element_depth(&text) > MAX_XML_DEPTH {
        return Err(bad(
            file,
            format!(
                "{name} in the Word document nests its elements more than {MAX_XML_DEPTH} deep: \
                 no document Word writes does (a damaged or hostile file?)"
            ),
        ));
    }
    Ok(Some(text))
}

/// How deeply the elements of `xml` nest, at the most, found by a scan
/// of its tags (comments, CDATA, processing instructions and quoted
/// attribute values skipped). The XML parser builds its tree by
/// recursion and would overflow the stack on a hostile file's thousands
/// of nested elements, so the depth is known before it parses.
pub(super) fn element_depth(xml: &str) -> usize {
    let b = xml.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    let skip_to = |from: usize, end: &[u8]| {
        memchr::memmem::find(&b[from..], end).map_or(b.len(), |k| from + k + end.len())
    };
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        i += k + 1;
        match b.get(i) {
            Some(b'/') => {
                depth = depth.saturating_sub(1);
                i = skip_to(i, b">");
            }
            Some(b'?') => i = skip_to(i, b"?>"),
            Some(b'!') if b[i..].starts_with(b"!--") => i = skip_to(i, b"-->"),
            Some(b'!') if b[i..].starts_with(b"![CDATA[") => i = skip_to(i, b"]]>"),
            Some(b'!') => i = skip_to(i, b">"),
            _ => {
                // To the tag's end, past any ">" inside a quoted value.
                let mut quote = None;
                while let Some(&c) = b.get(i) {
                    match (quote, c) {
                        (None, b'"' | b'\'') => quote = Some(c),
                        (Some(q), _) if c == q => quote = None,
                        (None, b'>') => break,
                        _ => {}
                    }
                    i += 1;
                }
                if i > 0 && b.get(i - 1) != Some(&b'/') {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
        }
    }
    deepest
}

/// A part parsed, if the document has it.
pub(super) fn parsed<'a>(
    text: Option<&'a str>,
    name: &str,
    file: &str,
) -> Result<Option<roxmltree::Document<'a>>> {
    text.map(|t| {
        roxmltree::Document::parse(t).map_err(|e| {
            bad(
                file,
                format!("{name} in the Word document is not well-formed XML ({e})"),
            )
        })
    })
    .transpose()
}

/// The first words of the page headers' and footers' text, if they hold
/// any.
pub(super) fn header_and_footer_words<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    file: &str,
) -> Result<Option<String>> {
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| {
            n.starts_with("word/")
                && (n[5..].starts_with("header") || n[5..].starts_with("footer"))
                && n.ends_with(".xml")
        })
        .map(String::from)
        .collect();
    let mut words = String::new();
    for name in names {
        let Some(text) = part(zip, &name, file)? else {
            continue;
        };
        let Ok(doc) = roxmltree::Document::parse(&text) else {
            continue;
        };
        for t in doc.descendants().filter(|n| n.has_tag_name_local("t")) {
            words.push_str(t.text().unwrap_or(""));
        }
        words.push(' ');
    }
    let words: Vec<&str> = words.split_whitespace().collect();
    Ok((!words.is_empty()).then(|| {
        let mut shown = words[..words.len().min(8)].join(" ");
        if words.len() > 8 {
            shown.push('…');
        }
        shown
    }))
}
