//! Markdown (CommonMark, via pulldown-cmark with GitHub's tables,
//! footnotes, strikethrough and task lists as its extensions) → paragraphs.
//!
//! * A level-1 heading outside lists and quotes is a headline candidate
//!   ([`ParaKind::Title`]); `##`…`######` become `Heading(level - 1)` and a
//!   level-1 heading that is not the headline `Heading(1)`.
//! * Paragraphs are body paragraphs, open to the same headline / meta /
//!   salutation / sign-off rules as plain text.
//! * Emphasis → italic, strong → bold, nested → both; `~~strikethrough~~`
//!   → struck (a line drawn through the words). Inline code → text.
//! * Links → their text, then " (URL)" unless the text is the URL
//!   (autolinks, e-mail autolinks); a link with no text → the URL.
//! * Images → their alt text, in a paragraph that stays Body, with a warning.
//! * Lists → ListItem with marker "•" or the number as written ("3." or
//!   "3)", counting from the list's start); depth = nesting level (0 = top).
//!   The first paragraph of an item carries the marker, later paragraphs of
//!   the same item are ListItem blocks with marker "". A task list item's
//!   marker is its box: ☐ to do, ☑ done.
//! * Block quotes → one Quote block per paragraph (lists and headings inside
//!   keep their own kind).
//! * Soft and hard breaks → a space (they separate lines for the meta and
//!   sign-off rules).
//! * HTML blocks and inline HTML → their text, the tags read as what they
//!   mean (bold, italic, breaks, paragraphs, headings, list items, links,
//!   pictures' alternative text; see [`super::html`]), with a warning;
//!   comments, scripts and style sheets left out, with a warning each.
//! * Code blocks → text with a warning; each run of lines between blank
//!   lines is one block (Body, or Quote / ListItem inside those), its lines
//!   joined with spaces — an email pasted with indented paragraphs stays
//!   paragraphs.
//! * Thematic breaks carry no text and are dropped.
//! * Footnotes (`text[^1]` … `[^1]: the note`) → a superscript number where
//!   referred to, numbered in the order of first reference, and the notes
//!   ([`BlockKind::Note`]) under that number after everything else (the
//!   sign-off included), as endnotes: a leaflet has no page foot to put
//!   them at.
//! * Tables → one paragraph of its rows, each a line the print keeps, a
//!   tab before each cell after a row's first, the headings' row bold: set
//!   in columns, or each cell after its heading where too wide (see
//!   `typeset::paragraph::table`). Cells beyond the table's columns (which
//!   GitHub drops) follow the others, with a warning.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

pub(super) mod columns;
mod guard;
mod html_blocks;
mod table;

use html_blocks::HtmlSource;
use table::Table;

use super::clean::{control_error, is_blank, LineIndex};
use super::html;
use super::{Line, Para, ParaKind};
use crate::error::{Location, Result, Warning};
use crate::statement::document::{BlockKind, LinkLabel, Span, Style};

/// A task list item's marker when it is still to do: U+2610 BALLOT BOX.
const TASK_OPEN: &str = "\u{2610}";
/// A task list item's marker when it is done: U+2611 BALLOT BOX WITH CHECK.
const TASK_DONE: &str = "\u{2611}";

enum Container {
    List {
        next: Option<u64>,
    },
    Item {
        marker: String,
        depth: u8,
        used: bool,
        /// A footnote's body, whose paragraphs are notes.
        note: bool,
    },
    Quote,
}

struct Link {
    url: String,
    text: String,
    autolink: bool,
}

struct Code {
    text: String,
    kind: BlockKind,
}

struct Builder<'a> {
    src: &'a str,
    /// Whether `src` holds [`guard`]'s placeholders, to be turned back in
    /// its text: only then, so that a control character a numeric
    /// reference brings in stays an error.
    guarded: bool,
    index: LineIndex<'a>,
    file: &'a str,
    paras: Vec<Para>,
    warnings: &'a mut Vec<Warning>,
    cur: Option<Para>,
    cur_html_warned: bool,
    containers: Vec<Container>,
    italic: u32,
    bold: u32,
    strike: u32,
    links: Vec<Link>,
    /// The finished links printed as "text (address)".
    labels: Vec<LinkLabel>,
    code: Option<Code>,
    table: Option<Table>,
    /// The HTML block being read: read whole at its end, as a tag may run
    /// over several of its lines.
    html_block: Option<HtmlSource>,
    /// The HTML lists open, innermost last: the next item's number, or
    /// `None` for bullets.
    html_lists: Vec<Option<u64>>,
    /// HTML's bold and italic tags open, and its links: each ends with its
    /// paragraph, so that a `<b>` never closed does not embolden the rest
    /// of the statement, nor an `<a>` lose its address.
    html_bold: u32,
    html_italic: u32,
    html_strike: u32,
    html_links: usize,
    /// Cells begun in the HTML table row being read.
    html_cells: usize,
    /// Footnote labels, numbered from 1 in the order first met.
    note_labels: Vec<String>,
    /// The footnote being read: its number, and its first paragraph's
    /// index in `paras`.
    note: Option<(usize, usize)>,
    /// The notes read, with their numbers.
    notes: Vec<(usize, Vec<Para>)>,
}

/// What a Markdown statement holds.
pub(super) struct Markdown {
    pub(super) paras: Vec<Para>,
    /// The links whose text is printed before their address.
    pub(super) labels: Vec<LinkLabel>,
    /// The footnotes, in the order of their numbers, to follow the rest.
    pub(super) notes: Vec<Para>,
}

/// Parses Markdown `body` (LF line breaks; its first line is `first_line`
/// of the file) into paragraphs, with the links whose text is printed
/// before their address and the footnotes.
pub(super) fn paragraphs(
    body: &str,
    first_line: usize,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Markdown> {
    // "Kolleg*innen" keeps its star, "am / 1. Mai" its paragraph (see `guard`).
    let body = guard::guard(body);
    let mut b = Builder::new(&body, first_line, file, warnings);
    b.guarded = matches!(body, std::borrow::Cow::Owned(_));
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(&body, options).into_offset_iter() {
        b.event(event, range.start, range.end)?;
    }
    Ok(b.finish())
}

/// Reads an HTML page (a `.html` file, a web page saved whole) as one
/// block of HTML in Markdown: its text, the tags read for what they mean,
/// its head, menus, forms, scripts and style sheets left out.
pub(super) fn html_page(
    body: &str,
    first_line: usize,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Markdown> {
    let mut b = Builder::new(body, first_line, file, warnings);
    let mut page = HtmlSource::default();
    page.push(body, 0);
    let (pieces, left) = html::main_content(html::pieces(body, false));
    if let Some((at, quote)) = left {
        b.warn(
            at,
            &format!(
                "the page's text outside its <main> or <article> (“{quote}”) is left off: \
                 the site's menus, sidebars and footer, not the statement"
            ),
        );
    }
    b.html_pieces(&page, pieces, true)?;
    Ok(b.finish())
}

/// `n` in superscript digits: "¹²" for 12.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect()
}

impl<'a> Builder<'a> {
    fn new(
        src: &'a str,
        first_line: usize,
        file: &'a str,
        warnings: &'a mut Vec<Warning>,
    ) -> Builder<'a> {
        Builder {
            src,
            guarded: false,
            index: LineIndex::new(src, first_line),
            file,
            paras: Vec::new(),
            warnings,
            cur: None,
            cur_html_warned: false,
            containers: Vec::new(),
            italic: 0,
            bold: 0,
            strike: 0,
            links: Vec::new(),
            labels: Vec::new(),
            code: None,
            table: None,
            html_block: None,
            html_lists: Vec::new(),
            html_bold: 0,
            html_cells: 0,
            html_italic: 0,
            html_strike: 0,
            html_links: 0,
            note_labels: Vec::new(),
            note: None,
            notes: Vec::new(),
        }
    }

    /// What was read, the last paragraph ended and the notes in order.
    fn finish(mut self) -> Markdown {
        self.flush();
        self.notes.sort_by_key(|(n, _)| *n);
        Markdown {
            paras: self.paras,
            labels: self.labels,
            notes: self.notes.into_iter().flat_map(|(_, p)| p).collect(),
        }
    }

    fn warn(&mut self, offset: usize, message: &str) {
        let (line, column) = self.index.line_col(offset);
        self.warnings.push(Warning {
            at: Location::at(self.file, line, column),
            message: message.to_string(),
        });
    }

    fn style(&self) -> Style {
        Style {
            italic: self.italic + self.html_italic > 0,
            bold: self.bold + self.html_bold > 0 || self.table.as_ref().is_some_and(|t| t.in_head),
            strike: self.strike + self.html_strike > 0,
        }
    }

    /// The kind a paragraph opened here gets from its containers.
    fn context_kind(&mut self, plain_body: bool) -> ParaKind {
        for c in self.containers.iter_mut().rev() {
            match c {
                Container::Item {
                    marker,
                    depth,
                    used,
                    note,
                } => {
                    let marker = if *used { String::new() } else { marker.clone() };
                    *used = true;
                    return ParaKind::Fixed(if *note {
                        BlockKind::Note { marker }
                    } else {
                        BlockKind::ListItem {
                            marker,
                            depth: *depth,
                        }
                    });
                }
                Container::Quote => return ParaKind::Fixed(BlockKind::Quote),
                Container::List { .. } => {}
            }
        }
        if plain_body {
            ParaKind::Body
        } else {
            ParaKind::Fixed(BlockKind::Body)
        }
    }

    fn open(&mut self, kind: ParaKind, offset: usize) {
        self.flush();
        self.cur = Some(Para {
            kind,
            lines: vec![Line {
                no: self.index.line(offset),
                spans: Vec::new(),
                kept: false,
            }],
        });
        self.cur_html_warned = false;
    }

    fn ensure_open(&mut self, offset: usize) {
        if self.cur.is_none() {
            let kind = self.context_kind(true);
            self.open(kind, offset);
        }
    }

    fn flush(&mut self) {
        self.html_bold = 0;
        self.html_italic = 0;
        self.html_strike = 0;
        // An HTML link still open ends here, its address printed.
        while self.html_links > 0 {
            self.html_links -= 1;
            if self.cur.is_some() {
                // The paragraph is open, so ending the link opens none.
                let at = self.src.len();
                if self.end_link(at).is_err() {
                    self.links.pop();
                }
            } else {
                self.links.pop();
            }
        }
        if let Some(para) = self.cur.take() {
            let visible = para
                .lines
                .iter()
                .any(|l| l.spans.iter().any(|s| !is_blank(&s.text)));
            if visible {
                self.paras.push(para);
            }
        }
    }

    fn push_text(&mut self, text: &str, style: Style, offset: usize) -> Result<()> {
        let text = if self.guarded {
            guard::restore(text)
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let text = &*text;
        if let Some(c) = text.chars().find(|&c| super::clean::is_control(c)) {
            // Only an entity such as `&#7;` can bring one in here.
            let (line, column) = self.index.line_col(offset);
            return Err(control_error(self.file, line, column, c));
        }
        if let Some(code) = &mut self.code {
            code.text.push_str(text);
            return Ok(());
        }
        self.ensure_open(offset);
        for link in &mut self.links {
            link.text.push_str(text);
        }
        if let Some(line) = self.cur.as_mut().and_then(|p| p.lines.last_mut()) {
            match line.spans.last_mut() {
                Some(last) if last.style == style => last.text.push_str(text),
                _ => line.spans.push(Span {
                    text: text.to_string(),
                    style,
                }),
            }
        }
        Ok(())
    }

    fn line_break(&mut self, offset: usize, kept: bool) {
        if let Some(para) = &mut self.cur {
            para.lines.push(Line {
                no: self.index.line(offset) + 1,
                spans: Vec::new(),
                kept,
            });
        }
        for link in &mut self.links {
            link.text.push(' ');
        }
    }

    /// A task list item's box ("- \[ \] bring flags", "- \[x\] print"): its
    /// marker instead of the bullet, an empty box or a ticked one, as the
    /// list is a list of things to do and done.
    fn task(&mut self, done: bool) {
        let mark = if done { TASK_DONE } else { TASK_OPEN };
        for c in self.containers.iter_mut().rev() {
            if let Container::Item { marker, .. } = c {
                *marker = mark.to_string();
                break;
            }
        }
        // A tight item's paragraph is open already, with the bullet.
        if let Some(Para {
            kind: ParaKind::Fixed(BlockKind::ListItem { marker, .. }),
            ..
        }) = &mut self.cur
        {
            if !marker.is_empty() {
                *marker = mark.to_string();
            }
        }
    }

    /// `3.` or `3)`: the delimiter as written at the item's start.
    fn number_marker(&self, n: u64, offset: usize) -> String {
        let rest = self.src.get(offset..).unwrap_or_default();
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let delim = if rest.starts_with(')') { ')' } else { '.' };
        format!("{n}{delim}")
    }

    fn event(&mut self, event: Event, start: usize, end: usize) -> Result<()> {
        match event {
            Event::Start(tag) => self.start(tag, start),
            Event::End(tag) => self.end(tag, start, end)?,
            Event::Text(t) => self.push_text(&t, self.style(), start)?,
            Event::Code(t) => self.push_text(&t, self.style(), start)?,
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_text(&t, self.style(), start)?
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if let Some(block) = &mut self.html_block {
                    block.push(&t, start);
                } else {
                    let mut inline = HtmlSource::default();
                    inline.push(&t, start);
                    self.html(&inline, false)?;
                }
            }
            Event::FootnoteReference(label) => {
                let n = self.note_number(&label);
                self.push_text(&superscript(n), self.style(), start)?
            }
            Event::SoftBreak => self.line_break(start, false),
            // Two spaces or a backslash at the line's end: CommonMark's
            // line break inside a paragraph, the print keeps it.
            Event::HardBreak => self.line_break(start, true),
            Event::Rule => self.flush(),
            Event::TaskListMarker(done) => self.task(done),
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag, offset: usize) {
        match tag {
            Tag::Paragraph => {
                let kind = self.context_kind(true);
                self.open(kind, offset);
            }
            Tag::Heading { level, .. } => {
                let kind = if level == HeadingLevel::H1 && self.containers.is_empty() {
                    ParaKind::Title
                } else {
                    let n = (level as u8).saturating_sub(1).max(1);
                    ParaKind::Fixed(BlockKind::Heading(n))
                };
                self.open(kind, offset);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::Quote);
            }
            Tag::List(start) => {
                self.flush();
                self.containers.push(Container::List { next: start });
            }
            Tag::Item => self.start_item(offset),
            Tag::CodeBlock(_) => self.start_code(),
            Tag::HtmlBlock => {
                self.flush();
                self.html_block = Some(HtmlSource::default());
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.links.push(Link {
                url: dest_url.to_string(),
                text: String::new(),
                autolink: matches!(link_type, LinkType::Autolink | LinkType::Email),
            }),
            Tag::Image { .. } => self.start_image(offset),
            Tag::Table(_) => {
                self.flush();
                self.table_start(offset);
            }
            Tag::TableHead => self.table_row(offset, true),
            Tag::TableRow => self.table_row(offset, false),
            Tag::TableCell => self.table_cell(),
            Tag::FootnoteDefinition(label) => self.start_note(&label),
            // Not enabled: definition lists, metadata,
            // strikethrough, super/subscript. Their text flows on.
            _ => {}
        }
    }

    /// A list item begins at `offset`: its marker, the next number of a
    /// numbered list or a bullet, and how deep its list is nested.
    fn start_item(&mut self, offset: usize) {
        self.flush();
        let depth = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .count()
            .saturating_sub(1);
        let number = self.containers.iter_mut().rev().find_map(|c| match c {
            Container::List { next } => Some(next),
            _ => None,
        });
        let marker = match number {
            Some(Some(n)) => {
                let current = *n;
                *n = n.saturating_add(1);
                self.number_marker(current, offset)
            }
            _ => "•".to_string(),
        };
        self.containers.push(Container::Item {
            marker,
            depth: u8::try_from(depth).unwrap_or(u8::MAX),
            used: false,
            note: false,
        });
    }

    /// A code block begins: its lines are kept as written, in the kind of
    /// block its container makes (a quote's, a list item's, or the body's).
    fn start_code(&mut self) {
        self.flush();
        let kind = match self.context_kind(false) {
            ParaKind::Fixed(k) => k,
            _ => BlockKind::Body,
        };
        self.code = Some(Code {
            text: String::new(),
            kind,
        });
    }

    /// An image at `offset`: not placed (pictures are the layout's), said
    /// so; the paragraph around it is running text, whatever `classify`
    /// would make of what is left of it (a headline, a meta line).
    fn start_image(&mut self, offset: usize) {
        self.ensure_open(offset);
        if let Some(para) = &mut self.cur {
            if para.kind == ParaKind::Body {
                para.kind = ParaKind::Fixed(BlockKind::Body);
            }
        }
        self.warn(
            offset,
            "images in the statement are not placed; put pictures in the layout",
        );
    }

    /// A footnote's definition begins: set as an item of the notes, its
    /// marker the note's number as a superscript.
    fn start_note(&mut self, label: &str) {
        self.flush();
        let n = self.note_number(label);
        self.note = Some((n, self.paras.len()));
        self.containers.push(Container::Item {
            marker: superscript(n),
            depth: 0,
            used: false,
            note: true,
        });
    }

    fn end(&mut self, tag: TagEnd, start: usize, end: usize) -> Result<()> {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::HtmlBlock => {
                if let Some(block) = self.html_block.take() {
                    self.flush();
                    self.html(&block, true)?;
                    self.flush();
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.flush();
                self.containers.pop();
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    // Rows of cells between tabs, indented by an empty first
                    // cell, are a table pasted in, not code (see
                    // `breaks::table_rows`).
                    let rows = code.text.lines().all(|l| l.trim().contains('\t'));
                    if !rows {
                        self.warn(start, "a code block is set as ordinary text");
                    }
                    self.code_paragraphs(code, start, end);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => self.table_row_end(start, end)?,
            TagEnd::Table => {
                self.flush();
                self.table = None;
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => self.end_link(start)?,
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.containers.pop();
                if let Some((n, first)) = self.note.take() {
                    let note = self.paras.split_off(first.min(self.paras.len()));
                    self.notes.push((n, note));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The number of the footnote `label`: the next one when it is new.
    fn note_number(&mut self, label: &str) -> usize {
        match self.note_labels.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.note_labels.push(label.to_string());
                self.note_labels.len()
            }
        }
    }

    /// Ends the innermost link: its address follows its text in brackets,
    /// unless the text is the address.
    fn end_link(&mut self, start: usize) -> Result<()> {
        if let Some(link) = self.links.pop() {
            let text = link.text.trim();
            let same =
                link.autolink || text == link.url || link.url.strip_prefix("mailto:") == Some(text);
            if !link.url.is_empty() && !same {
                let tail = if text.is_empty() {
                    format!(" {}", link.url)
                } else {
                    self.labels.push(LinkLabel {
                        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
                        url: link.url.clone(),
                    });
                    format!(" ({})", link.url)
                };
                self.push_text(&tail, self.style(), start)?;
            }
        }
        Ok(())
    }

    /// A code block's text: one paragraph per run of non-blank lines.
    fn code_paragraphs(&mut self, code: Code, start: usize, end: usize) {
        // The first content line: the block's first line, or the one after
        // an opening fence.
        let block = self.src.get(start..end).unwrap_or_default();
        let fenced = block.trim_start().starts_with("```") || block.trim_start().starts_with("~~~");
        let first = self.index.line(start) + usize::from(fenced);
        let mut kind = code.kind;
        let mut lines: Vec<Line> = Vec::new();
        for (i, text) in code.text.split('\n').enumerate() {
            if is_blank(text) {
                if !lines.is_empty() {
                    self.paras.push(Para {
                        kind: ParaKind::Fixed(kind.clone()),
                        lines: std::mem::take(&mut lines),
                    });
                    if let BlockKind::ListItem { depth, .. } = kind {
                        kind = BlockKind::ListItem {
                            marker: String::new(),
                            depth,
                        };
                    }
                }
            } else {
                lines.push(Line {
                    no: first + i,
                    spans: vec![Span::plain(text)],
                    kept: false,
                });
            }
        }
        if !lines.is_empty() {
            self.paras.push(Para {
                kind: ParaKind::Fixed(kind),
                lines,
            });
        }
    }
}
