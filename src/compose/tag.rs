//! What a placed line or picture is, for readers that cannot see the page:
//! its role (headline, heading, paragraph, list item, figure …) and the
//! element it belongs to.
//!
//! Composition knows both; the PDF writer turns them into a tagged PDF's
//! structure tree. A paragraph broken across columns or pages has one
//! [`ElementId`] on all its lines, so it stays one element however the
//! flow cut it. Element ids sort in reading order, the order the text is
//! meant to be read in (which, on a multi-column page, is not the order
//! of positions on the page).

use std::sync::Arc;

/// The part of the leaflet an element belongs to, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Headline, subtitle and meta lines.
    Head,
    /// Pictures outside the column flow (top right, top, foot): what the
    /// first page shows beside the headline.
    Pictures,
    /// The call-to-action band (where and when). Read right after the head:
    /// it is the leaflet's summary, printed at the foot of the first page
    /// only because that is where the eye looks last.
    Band,
    /// The body: pictures in the column, paragraphs, headings, lists,
    /// sign-off and imprint, in the statement's order.
    Body,
    /// What follows the body: the QR code and its printed link.
    Tail,
}

/// One element of the document: the same id on every line of a paragraph.
/// Ordered as the document is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ElementId {
    /// Which side of a two-language leaflet (0 for a leaflet in one
    /// language): each side is a document of its own, read after the other.
    pub side: u8,
    /// Where in the leaflet.
    pub part: Part,
    /// Its place within the part.
    pub index: u32,
}

impl ElementId {
    /// The `index`th element of `part`.
    pub fn new(part: Part, index: usize) -> ElementId {
        ElementId {
            side: 0,
            part,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        }
    }
}

/// What an element is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// The headline: the document's title, heading level 1.
    Title,
    /// A heading in the body; level 1 is the largest there (below the title).
    Heading(u8),
    /// A paragraph: body text, subtitle, meta line, salutation, sign-off,
    /// imprint, a line of the band, the QR code's printed link.
    Paragraph,
    /// A paragraph of a block quote.
    Quote,
    /// A list item, `depth` levels deep (0 = top). `label_runs` glyph runs
    /// of its line are the marker ("•", "3."), set on its first line only:
    /// the first ones, or the last on a right-to-left page.
    ListItem {
        /// Nesting depth.
        depth: u8,
        /// Glyph runs of the marker.
        label_runs: u8,
        /// Whether they end the line's runs rather than start them.
        label_at_end: bool,
    },
    /// A row of a table set in columns: one line, its cells parted by
    /// tabs. The rows of one table are one element.
    TableRow {
        /// Which row, from 0.
        row: u32,
        /// Whether its cells are the columns' headings.
        header: bool,
        /// Whether its cells are drawn from the right: read last to first
        /// in drawing order.
        rtl: bool,
    },
    /// A picture or QR code, with the text that stands for it.
    Figure {
        /// What it shows, for those who cannot see it.
        alt: Arc<str>,
    },
}

/// A placed line's or picture's role and element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// What it is.
    pub role: Role,
    /// Which element it belongs to.
    pub element: ElementId,
    /// The web address it links to, if it is a link (the QR code and its
    /// printed address): viewers make it clickable. Like `lang`, a thin
    /// pointer.
    pub link: Option<Arc<String>>,
    /// Its place in the body's flow (0 outside it): the order of an
    /// element's lines when they end up on pages out of reading order (a
    /// fold puts the sixth panel on the outside, before the inside).
    pub flow: u32,
    /// Its own language, when the statement stage found its block surely
    /// in another than its side's ([`crate::statement::document::Block::lang`]):
    /// the language it was hyphenated and quoted in is the one a screen
    /// reader reads it in. A thin pointer: every line carries its tag until
    /// the PDF is written, and an `Arc<str>` is twice as large.
    pub lang: Option<Arc<String>>,
}

impl Tag {
    /// A tag for element `index` of `part`.
    pub fn new(role: Role, part: Part, index: usize) -> Tag {
        Tag {
            role,
            element: ElementId::new(part, index),
            link: None,
            flow: 0,
            lang: None,
        }
    }

    /// The same tag, in its block's own language `lang` (`None`: its side's).
    pub fn in_lang(self, lang: Option<&Arc<String>>) -> Tag {
        Tag {
            lang: lang.cloned(),
            ..self
        }
    }

    /// The same tag, linking to `target` if it is a web address (a QR code
    /// may hold any text; only http and https addresses are followed).
    pub fn linking(self, target: &str) -> Tag {
        let t = target.trim();
        let web = ["http://", "https://"]
            .iter()
            .any(|s| t.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)));
        Tag {
            link: web.then(|| Arc::new(t.to_string())),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_link() {
        let tag = || Tag::new(Role::Paragraph, Part::Tail, 1);
        assert_eq!(
            tag()
                .linking(" HTTPS://example.org/a ")
                .link
                .as_deref()
                .map(String::as_str),
            Some("HTTPS://example.org/a")
        );
        assert_eq!(
            tag()
                .linking("http://x.org")
                .link
                .as_deref()
                .map(String::as_str),
            Some("http://x.org")
        );
        assert_eq!(tag().linking("WIFI:S:home;;").link, None);
        assert_eq!(tag().linking("ftp://x.org").link, None);
    }
}
