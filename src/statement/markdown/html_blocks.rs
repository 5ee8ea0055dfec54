//! HTML in Markdown (and a page read whole): the pieces
//! [`crate::statement::html`] reads from it, set as the builder's
//! paragraphs, styles, list items and links.

use super::{Builder, Container, Link};
use crate::error::Result;
use crate::statement::document::BlockKind;
use crate::statement::html::{self, Piece};
use crate::statement::ParaKind;

/// HTML as read, and where its pieces are in the statement: each of the
/// parser's lines of it (a block's lines inside a quote or list item lose
/// their "> " or indent) from its offset in `text` and in the source.
#[derive(Default)]
pub(super) struct HtmlSource {
    text: String,
    lines: Vec<(usize, usize)>,
}

impl HtmlSource {
    pub(super) fn push(&mut self, text: &str, offset: usize) {
        self.lines.push((self.text.len(), offset));
        self.text.push_str(text);
    }

    /// The source offset of byte `at` of `text`.
    fn offset(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|&(from, _)| from <= at);
        match i.checked_sub(1).and_then(|i| self.lines.get(i)) {
            Some(&(from, offset)) => offset + (at - from),
            None => 0,
        }
    }
}

impl Builder<'_> {
    /// HTML, a whole block of it or one inline tag: its text set, its tags
    /// read for what they mean (see [`html`]), with one warning a
    /// paragraph for the tags and one for each thing left out.
    pub(super) fn html(&mut self, source: &HtmlSource, block: bool) -> Result<()> {
        let pieces = html::pieces(&source.text, self.table.is_some());
        self.html_pieces(source, pieces, block)
    }

    /// [`Builder::html`] for the `pieces` of `source`.
    pub(super) fn html_pieces(
        &mut self,
        source: &HtmlSource,
        pieces: Vec<html::Located>,
        block: bool,
    ) -> Result<()> {
        // Inline tags are warned of once a paragraph, a block's once.
        let mut warn_tags = block || !self.cur_html_warned;
        for (at, piece) in pieces {
            let offset = source.offset(at);
            let tag = !matches!(piece, Piece::Text(_) | Piece::LeftOut(_) | Piece::Image(_));
            if tag && warn_tags {
                warn_tags = false;
                self.cur_html_warned = true;
                self.warn(
                    offset,
                    "HTML tags in the statement are not printed; their text is set as they mark it",
                );
            }
            match piece {
                Piece::Text(raw) => self.html_text(&raw, offset)?,
                Piece::Bold(open) => self.html_bold = nested(self.html_bold, open),
                Piece::Strike(open) => self.html_strike = nested(self.html_strike, open),
                Piece::Italic(open) => self.html_italic = nested(self.html_italic, open),
                Piece::LineBreak => {
                    self.line_break(offset, true);
                }
                // A table's rows are one paragraph's lines, its cells
                // apart by tabs: set in columns where they fit (see
                // `typeset::paragraph::table`), else as lines of text.
                Piece::Row => {
                    if self.cur.is_some() {
                        self.line_break(offset, true);
                    }
                    self.html_cells = 0;
                }
                // A cell after the row's first opens with a tab, even after
                // an empty one: the top left cell of a table of figures is
                // often empty, and the headings must stay over their
                // columns.
                Piece::Cell => {
                    if self.html_cells > 0 {
                        self.push_text("\t", self.style(), offset)?;
                    }
                    self.html_cells += 1;
                }
                Piece::Block | Piece::Main(_) => {
                    self.flush();
                }
                Piece::Heading(level) => {
                    let kind = if level == 1 && self.containers.is_empty() {
                        ParaKind::Title
                    } else {
                        ParaKind::Fixed(BlockKind::Heading(level.saturating_sub(1).max(1)))
                    };
                    self.open(kind, offset);
                }
                Piece::List(start) => {
                    self.flush();
                    self.html_lists.push(start);
                }
                Piece::ListEnd => {
                    self.flush();
                    self.html_lists.pop();
                }
                Piece::Item => self.html_item(offset),
                Piece::Link(url) => {
                    self.html_links += 1;
                    self.links.push(Link {
                        url,
                        text: String::new(),
                        autolink: false,
                    });
                }
                // A "</a>" with no "<a>" of HTML's open ends nothing.
                Piece::LinkEnd if self.html_links > 0 => {
                    self.html_links -= 1;
                    self.end_link(offset)?;
                }
                Piece::LinkEnd => {}
                Piece::Image(alt) => self.html_image(&alt, offset)?,
                Piece::Plain => {}
                Piece::LeftOut(what) => {
                    self.warn(
                        offset,
                        &format!("an HTML {what} in the statement is not printed"),
                    );
                }
            }
        }
        Ok(())
    }

    /// HTML's text `raw`, at `offset`: its runs of whitespace, line ends
    /// included, are one space, and open no paragraph.
    fn html_text(&mut self, raw: &str, offset: usize) -> Result<()> {
        let text = raw.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        let before = raw.starts_with(|c: char| c.is_ascii_whitespace());
        let after = raw.ends_with(|c: char| c.is_ascii_whitespace());
        if text.is_empty() {
            if self.cur.is_some() && before {
                self.push_text(" ", self.style(), offset)?;
            }
            return Ok(());
        }
        let lead = if before && self.cur.is_some() {
            " "
        } else {
            ""
        };
        let trail = if after { " " } else { "" };
        self.push_text(&format!("{lead}{text}{trail}"), self.style(), offset)
    }

    /// An HTML list item at `offset`: numbered in an `<ol>`, nested as
    /// deep as the Markdown lists around it and the HTML lists in it.
    fn html_item(&mut self, offset: usize) {
        let depth = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .count()
            + self.html_lists.len().saturating_sub(1);
        let marker = match self.html_lists.last_mut() {
            Some(Some(n)) => {
                let marker = format!("{n}.");
                *n = n.saturating_add(1);
                marker
            }
            _ => "•".to_string(),
        };
        let kind = ParaKind::Fixed(BlockKind::ListItem {
            marker,
            depth: u8::try_from(depth).unwrap_or(u8::MAX),
        });
        self.open(kind, offset);
    }

    /// An HTML image at `offset`: not placed (with a warning), its `alt`
    /// text set in its place, so that what it said is not lost.
    fn html_image(&mut self, alt: &str, offset: usize) -> Result<()> {
        self.warn(
            offset,
            "images in the statement are not placed; put pictures in the layout",
        );
        if !alt.trim().is_empty() {
            self.push_text(alt.trim(), self.style(), offset)?;
        }
        Ok(())
    }
}

/// How deep a style's tags nest (`<b>` in `<b>`) after one opens (`open`)
/// or closes: a closing tag with none open leaves it at none.
fn nested(depth: u32, open: bool) -> u32 {
    if open {
        depth + 1
    } else {
        depth.saturating_sub(1)
    }
}
