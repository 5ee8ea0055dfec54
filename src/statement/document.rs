//! The document model: what a statement says, before any typesetting.
//!
//! The statement readers (`statement`) produce a [`Document`]; everything
//! after works from it. It knows roles (headline, meta line, body paragraph,
//! list item, sign-off) and inline emphasis, but nothing about fonts or sizes.

use std::sync::Arc;

/// A parsed statement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// Facts about the statement, from front matter or the text itself.
    pub meta: Metadata,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
    /// The Markdown links whose text is not their address, printed as the
    /// text and then the address in brackets: on paper the address is what
    /// a reader can follow, in the PDF the text is made clickable too.
    pub labels: Vec<LinkLabel>,
}

/// The text of a Markdown link and the address it points to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkLabel {
    /// The link's text, as printed (single spaces).
    pub text: String,
    /// The address, as printed after it.
    pub url: String,
}

/// Facts about a statement, mostly from its TOML front matter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The title (front matter `title`, else the headline's text).
    pub title: Option<String>,
    /// A subtitle set under the headline.
    pub subtitle: Option<String>,
    /// A date, shown in the meta line.
    pub date: Option<String>,
    /// `date` came from a TOML date (`date = 2026-12-12`), not text in
    /// quotes: the meta line writes it as the language writes dates, where
    /// a date in quotes is printed as written.
    pub date_typed: bool,
    /// Who issues the statement.
    pub author: Option<String>,
    /// The imprint line (publisher, responsible person, printer).
    pub imprint: Option<String>,
    /// BCP 47 language tag, e.g. `en`, `de`, `sr-Cyrl`.
    pub lang: Option<String>,
    /// A link (or any text) printed as a QR code after the text, with the
    /// link itself as its caption.
    pub qr: Option<LineText>,
    /// A picture to print with the statement (front matter `image`).
    pub image: Option<PictureRef>,
    /// What that picture shows, in words, for readers who cannot see it
    /// (front matter `alt`): the tagged PDF's alternative text.
    pub alt: Option<String>,
    /// Where the event is (front matter `where`), for the call-to-action band.
    pub place: Option<LineText>,
    /// When it is (front matter `when`), for the call-to-action band.
    pub when: Option<LineText>,
    /// The same statement in a second language, set on the other side of
    /// the sheet or beside it (front matter `translation`).
    pub translation: Option<TranslationRef>,
}

/// A front matter text with the line of its key, for messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineText {
    /// The text, cleaned.
    pub text: String,
    /// 1-based line of the key.
    pub line: usize,
}

/// A picture file a statement names, as written, with the line that names it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PictureRef {
    /// The path as written: relative to the statement file.
    pub path: String,
    /// 1-based line of the `image =` key.
    pub line: usize,
}

/// The file of a statement's translation, as written, with where it is
/// named: a file that cannot be read is reported there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TranslationRef {
    /// The path as written: relative to the statement file.
    pub path: String,
    /// 1-based line of the `translation =` key.
    pub line: usize,
    /// 1-based column of its value.
    pub column: usize,
}

/// One block of the statement: a headline, a paragraph, a list item, …
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// What the block is, which decides how it is set.
    pub kind: BlockKind,
    /// The text, as runs of one style each. Never empty for a kept block.
    pub spans: Vec<Span>,
    /// 1-based line of the statement file where the block starts.
    pub line: usize,
    /// The block's language (a BCP 47 tag) where it is surely another than
    /// the statement's: the Spanish paragraphs of an English and Spanish
    /// leaflet (see [`crate::typeset::lang::mark_other_languages`]). `None`
    /// for the statement's own. The same language is announced to screen
    /// readers (see [`crate::compose::tag::Tag::lang`]).
    pub lang: Option<Arc<String>>,
}

/// The role of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The statement's headline: spans all columns, large.
    Headline,
    /// A subtitle under the headline.
    Subtitle,
    /// A short line right under the headline (a date, a tag line): set small.
    Meta,
    /// A section heading (Markdown `#`…`######`; 1 is the largest inside the body).
    Heading(u8),
    /// An ordinary body paragraph.
    Body,
    /// The opening address ("Dear comrades,"): never indented.
    Salutation,
    /// The closing line(s) ("Comradely greetings from Belgrade!").
    SignOff,
    /// A list item with its marker as written or numbered (`•`, `1.`), nested `depth` levels (0 = top).
    ListItem {
        /// The marker text, e.g. "•" or "3.".
        marker: String,
        /// Nesting depth, 0 for a top-level item.
        depth: u8,
    },
    /// A paragraph inside a block quote.
    Quote,
    /// An endnote (a Markdown footnote) under its number (`marker`, "¹";
    /// empty on the note's later paragraphs): after the sign-off, set
    /// smaller than the body.
    Note {
        /// The note's number, as its references print it.
        marker: String,
    },
    /// The imprint (publisher, responsible person, printer): small, at the end.
    Imprint,
}

/// The line separator: inside a block's text, a line break of the writer's
/// own (a line of an address, of a verse, of a schedule), which the print
/// keeps. Every other source line break is a space.
pub const LINE_BREAK: char = '\u{2028}';

/// Whether a block's `spans` are a table's rows: only those keep a tab
/// (see [`Span::text`]).
pub fn is_table(spans: &[Span]) -> bool {
    spans.iter().any(|s| s.text.contains('\t'))
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The text. Spaces are single U+0020; U+00A0 marks a deliberate no-break
    /// space; U+00AD a soft hyphen; U+2028 ([`LINE_BREAK`]) a line break the
    /// writer made and the print keeps (never at either end of a block, never
    /// beside a space); a tab only before a cell of a table's rows (two in a
    /// row hold an empty cell; one opening a row, an empty first cell), in a
    /// block of two or more rows parted by kept line breaks, none ending
    /// with one; no newlines or other control characters.
    pub text: String,
    /// How the run is emphasised.
    pub style: Style,
}

/// Inline emphasis, mapped to real faces of a font family.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Style {
    /// Set in the italic face.
    pub italic: bool,
    /// Set in the bold face.
    pub bold: bool,
    /// Struck through (Markdown `~~…~~`, HTML `<s>`, `<del>`): a line
    /// through the text, which stays there to be read.
    pub strike: bool,
}

impl Span {
    /// A span in the regular face.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::default(),
        }
    }
}

impl Block {
    /// Its own language's tag, where it has one (see [`Block::lang`]).
    pub fn language(&self) -> Option<&str> {
        self.lang.as_deref().map(String::as_str)
    }

    /// The block's text with styles dropped.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

impl Document {
    /// Fills the placeholders an imprint may use: `{title}`, `{date}` (the
    /// statement's date, else `today`) and `{author}`. Unknown `{…}` stay as
    /// written.
    pub fn expand_placeholders(&mut self, today: &str) {
        let title = self
            .meta
            .title
            .clone()
            .or_else(|| self.headline())
            .unwrap_or_default();
        let date = self.meta.date.clone().unwrap_or_else(|| today.to_string());
        let author = self.meta.author.clone().unwrap_or_default();
        for block in self
            .blocks
            .iter_mut()
            .filter(|b| b.kind == BlockKind::Imprint)
        {
            for span in &mut block.spans {
                span.text = span
                    .text
                    .replace("{title}", &title)
                    .replace("{date}", &date)
                    .replace("{author}", &author);
            }
        }
    }

    /// The headline's text, if the statement has one.
    pub fn headline(&self) -> Option<String> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Headline)
            .map(Block::text)
    }
}
