//! The Markdown writer: the document's body, walked element by element,
//! written out as Markdown. Each of its jobs is a module with its own
//! `impl Writer`: paragraphs and headings, list items, tables, runs (with
//! links and text boxes), notes, and escaping what Markdown would read as
//! its marks.

use std::collections::HashMap;

use super::left_off::LeftOff;
use super::numbering::Lists;
use super::styles::Styles;

mod escape;
mod lists;
mod notes;
mod paragraphs;
mod runs;
mod tables;

use escape::push_styled;

/// A line break the writer typed (Shift+Enter), as Markdown writes it.
const HARD_BREAK: &str = "\\\n";

/// How deep content may nest (a table in a cell, an insertion in a link):
/// Word's own documents stay within a dozen levels; the limit keeps a
/// hostile one from overflowing the stack.
pub(super) const MAX_NESTING: usize = 64;

pub(super) struct Writer {
    styles: Styles,
    lists: Lists,
    links: HashMap<String, String>,
    /// The notes referred to in the text, in the order of their
    /// references (the text shows each one's place here as its number):
    /// whether it is an endnote, and its id in its part.
    notes: Vec<(bool, String)>,
    pub(super) out: String,
    /// The next number of each numbered list's level.
    counters: HashMap<(String, usize), u32>,
    in_list: bool,
    pub(super) has_title: bool,
    pub(super) left_off: LeftOff,
    /// Paragraphs with text so far.
    paragraphs: usize,
    /// A paragraph all bold, short, without a sentence's end: a heading
    /// typed as bold text, if text follows it (else it stays bold: a
    /// sign-off is often bold too).
    pending: Option<String>,
    /// How deep the reading has gone into nested content (tables in cells,
    /// insertions in insertions); past [`MAX_NESTING`] the document is
    /// refused rather than the stack overflowed.
    depth: usize,
    pub(super) too_deep: bool,
    /// Reading every paragraph under a node in turn, as one line (a table
    /// cell's, a note's): a text box's paragraphs are among them, so a
    /// drawing does not write its boxes again (which would count their
    /// notes and pictures twice).
    flat: bool,
}

/// A paragraph's inline text being written, as Markdown and plain.
#[derive(Default)]
struct Inline {
    text: String,
    /// The same without the marks of bold and italic.
    plain: String,
    /// Letters and figures in bold runs, and in others: a paragraph all
    /// bold may be a heading.
    bold_letters: usize,
    other_letters: usize,
    /// Paragraphs of text boxes met inside, written after this one.
    boxes: Vec<String>,
}

impl Inline {
    fn push(&mut self, text: &str, style: RunStyle) {
        push_styled(&mut self.text, text, style);
        self.plain.push_str(text);
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        if style.bold {
            self.bold_letters += letters;
        } else {
            self.other_letters += letters;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Default)]
struct RunStyle {
    bold: bool,
    italic: bool,
}

impl Writer {
    /// A writer with nothing written yet, for a document of these styles,
    /// lists and links.
    pub(super) fn new(styles: Styles, lists: Lists, links: HashMap<String, String>) -> Writer {
        Writer {
            styles,
            lists,
            links,
            notes: Vec::new(),
            out: String::new(),
            counters: HashMap::new(),
            in_list: false,
            has_title: false,
            left_off: LeftOff::default(),
            paragraphs: 0,
            pending: None,
            depth: 0,
            too_deep: false,
            flat: false,
        }
    }

    /// Whether one more level of nesting may be read (then it is counted:
    /// the caller takes it off again).
    fn deeper(&mut self) -> bool {
        if self.depth >= MAX_NESTING {
            self.too_deep = true;
            return false;
        }
        self.depth += 1;
        true
    }
}
