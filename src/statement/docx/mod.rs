//! Word documents (.docx): the statement as most groups receive it. The
//! document's paragraphs, headings, bold and italic runs, lists, tables,
//! links, text boxes and footnotes are written out as Markdown, which the
//! Markdown reader then reads as it reads any statement. Markdown, not a
//! document model of its own: the web editor puts the same text in its box
//! for editing, and every rule of the readers (headlines, lists, tables,
//! quotation marks) applies to a Word statement as to a typed one.
//!
//! A .docx is a zip archive of XML parts (ECMA-376): `word/document.xml`
//! holds the text; `styles.xml` says which paragraph style is a heading
//! (by the style's name, which Word keeps in English whatever the user's
//! language: "heading 1", "Title"); `numbering.xml` says which list is
//! bulleted and which numbered; `_rels/document.xml.rels` holds the
//! links' addresses; `footnotes.xml` and `endnotes.xml` the notes.
//!
//! What is not the statement is left off, each with a warning: the page
//! header and footer (a letterhead, page numbers), comments, pictures,
//! and text deleted in tracked changes (insertions are read, as if
//! accepted). No word of the text itself is dropped: a text box's
//! paragraphs follow the paragraph they stand in, notes follow the text.
//!
//! Why by hand: the crates that read .docx either extract plain text
//! (`docx-lite`, `dotext`: which paragraph is a heading, what is bold and
//! how lists nest are gone) or build a full editing model of the document
//! for writing it back (`docx-rs` and its forks), far more than a reader
//! needs. The container and the XML are read by well-kept crates (`zip`,
//! `roxmltree`); only the mapping to Markdown is written here.

use crate::error::{Error, Location, Result, Warning};

mod left_off;
mod links;
mod numbering;
mod parts;
mod styles;
mod writer;
mod xml;

use links::links;
use numbering::Lists;
use parts::{header_and_footer_words, parsed, part};
use styles::Styles;
use writer::{Writer, MAX_NESTING};
use xml::child;

/// Whether `bytes` are meant as a Word document: a zip archive naming the
/// main document part. A damaged one is one too: reading it then says
/// what is wrong with it, not that it is no text.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"word/document.xml").is_some()
}

/// A Word document read as Markdown, and what was left off.
#[derive(Debug)]
pub struct Converted {
    /// The statement in Markdown, a blank line after each paragraph.
    pub markdown: String,
    /// What the reader should hear: parts left off, with their first words.
    pub warnings: Vec<Warning>,
}

/// Reads the Word document `bytes` (named `file` in messages).
pub fn to_markdown(bytes: &[u8], file: &str) -> Result<Converted> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| {
            bad(
                file,
                format!("the Word document cannot be opened ({e}): it may be damaged or cut short; save it again"),
            )
        })?;
    let document = part(&mut zip, "word/document.xml", file)?.ok_or_else(|| {
        bad(
            file,
            "the zip archive has no word/document.xml: it is not a Word document".into(),
        )
    })?;
    let styles = part(&mut zip, "word/styles.xml", file)?;
    let numbering = part(&mut zip, "word/numbering.xml", file)?;
    let rels = part(&mut zip, "word/_rels/document.xml.rels", file)?;
    let footnotes = part(&mut zip, "word/footnotes.xml", file)?;
    let endnotes = part(&mut zip, "word/endnotes.xml", file)?;

    let styles = parsed(styles.as_deref(), "styles.xml", file)?;
    let numbering = parsed(numbering.as_deref(), "numbering.xml", file)?;
    let rels = parsed(rels.as_deref(), "document.xml.rels", file)?;
    let footnotes = parsed(footnotes.as_deref(), "footnotes.xml", file)?;
    let endnotes = parsed(endnotes.as_deref(), "endnotes.xml", file)?;
    let document = roxmltree::Document::parse(&document).map_err(|e| {
        bad(
            file,
            format!("word/document.xml is not well-formed XML ({e})"),
        )
    })?;

    let mut writer = Writer::new(
        Styles::read(styles.as_ref()),
        Lists::read(numbering.as_ref()),
        links(rels.as_ref()),
    );
    writer.has_title = writer.has_title_in(document.root_element());
    if let Some(body) = child(document.root_element(), "body") {
        writer.blocks(body);
    }
    writer.end_list();
    writer.flush_pending(false);
    writer.notes_after(&[footnotes.as_ref(), endnotes.as_ref()]);

    if writer.too_deep {
        return Err(bad(
            file,
            format!(
                "the Word document nests its content more than {MAX_NESTING} levels deep (tables \
                 in tables, or changes in changes); no statement is built so: save it again, or \
                 copy its text into a .txt file"
            ),
        ));
    }
    let mut warnings = writer.left_off.warnings(file);
    if let Some(words) = header_and_footer_words(&mut zip, file)? {
        warnings.push(Warning {
            at: Location::file(file),
            message: format!(
                "the Word document's page header and footer (“{words}”) are left off: a \
                 leaflet's pages have their own; put what they say in the text if it belongs \
                 on the leaflet"
            ),
        });
    }
    Ok(Converted {
        markdown: writer.out,
        warnings,
    })
}

fn bad(file: &str, message: String) -> Error {
    Error::Statement {
        at: Location::file(file),
        message,
    }
}

#[cfg(test)]
mod tests;
