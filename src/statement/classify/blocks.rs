//! Blocks from paragraphs: raw lines joined and cleaned into a block, a
//! table's tabs, and the body's plain-text lists, separators and headings.

use super::letter::signoff_start;
use super::meta_lines::opens_with_pictograph;
use super::text::raw_text;
use crate::statement::clean::{clean_spans_with, is_space, TableTabs};
use crate::statement::document::{Block, BlockKind, Span, Style, LINE_BREAK};
use crate::statement::frontmatter::Field;
use crate::statement::heading;
use crate::statement::plain::{is_separator, list_marker, Marker};
use crate::statement::{Line, Para, ParaKind};

/// A block from raw lines (joined with line breaks, then cleaned). A
/// break the writer kept ([`Line::kept`]) stays a line break in running
/// text; a headline, subtitle, meta line or heading is broken by sense
/// (`typeset::sense`) instead, so there it is a space like any other.
pub(in crate::statement) fn block(kind: BlockKind, lines: &[Line]) -> Option<Block> {
    let first = lines.first()?;
    let display = matches!(
        kind,
        BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta | BlockKind::Heading(_)
    );
    let mut raw: Vec<Span> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            // A break inside a styled run keeps the run's style.
            let before = raw.last().map(|s| s.style);
            let after = line.spans.first().map(|s| s.style);
            // Display lines are broken by sense, not where the source
            // broke them; but in a subtitle, a line a pictograph opens
            // is an item of its own ("📍 Town Hall" / "📅 Saturday").
            let kept = if display {
                kind == BlockKind::Subtitle && (line.kept || opens_with_pictograph(&raw_text(line)))
            } else {
                line.kept
            };
            raw.push(Span {
                text: if kept { LINE_BREAK } else { '\n' }.to_string(),
                style: if before == after {
                    before.unwrap_or_default()
                } else {
                    Style::default()
                },
            });
        }
        if display {
            // A line separator typed into the source, likewise.
            raw.extend(line.spans.iter().map(|s| Span {
                text: s.text.replace(LINE_BREAK, " "),
                style: s.style,
            }));
        } else {
            raw.extend(line.spans.iter().cloned());
        }
    }
    let table = if display { None } else { table_tabs(lines) };
    let spans = clean_spans_with(&raw, table);
    if spans.is_empty() {
        return None;
    }
    Some(Block {
        kind,
        spans,
        line: first.no,
        lang: None,
    })
}

/// Whether `lines` are a table's rows, and how their tabs part cells.
///
/// Rows are two or more lines, each a line of its own (see [`Line::kept`]),
/// each with two or more cells between its tabs. Tabs come two ways:
/// - **Copied** from a spreadsheet or a word processor's table: every row
///   has as many tabs (one fewer than the columns), and each tab parts two
///   cells, so an empty cell is nothing between two tabs. Without it,
///   "Banners" of "10:00⇥March⇥⇥Banners" stood under "Where". Rows that
///   all open with empty cells are indented, not a column: those go, and
///   so do the empty cells that end a row.
/// - **Aligned** by hand in a text editor, where a run of tabs moves the
///   next cell to a tab stop ("March starts⇥⇥Town Hall"): the rows have as
///   many cells with text, a run of tabs parts two of them.
///
/// The tabs then stay in the text, for the typesetter to line the cells
/// up in columns.
pub(super) fn table_tabs(lines: &[Line]) -> Option<TableTabs> {
    if lines.len() < 2 || !lines[1..].iter().all(|l| l.kept) {
        return None;
    }
    let texts: Vec<String> = lines.iter().map(raw_text).collect();
    let blank = |c: &&str| c.trim_matches(is_space).is_empty();
    let tabs = |t: &str| {
        t.trim_end_matches(|c| is_space(c) && c != '\t')
            .matches('\t')
            .count()
    };
    let columns = tabs(&texts[0]) + 1;
    if texts.iter().all(|t| tabs(t) + 1 == columns) {
        let lead = texts
            .iter()
            .map(|t| t.split('\t').take_while(blank).count())
            .min()?;
        if columns - lead >= 2 {
            return Some(TableTabs::Copied { lead });
        }
    }
    let cells = |t: &String| t.split('\t').filter(|c| !blank(c)).count();
    let n = cells(&texts[0]);
    (n >= 2 && texts.iter().all(|t| cells(t) == n)).then_some(TableTabs::Aligned)
}

pub(super) fn field_block(kind: BlockKind, field: &Field) -> Block {
    Block {
        kind,
        spans: vec![Span::plain(field.value.clone())],
        line: field.line,
        lang: None,
    }
}

/// Plain-text numbered list lines in a paragraph.
fn numbered_lines(p: &Para) -> usize {
    p.lines
        .iter()
        .filter(|l| matches!(list_marker(&raw_text(l)), Some((Marker::Number(_), _))))
        .count()
}

/// Whether a Markdown paragraph holds a list Markdown does not read: a
/// line opened by a bullet other than Markdown's own `-`, `*` and `+`
/// (and `–`, a dash in wrapped text), or two or more opened by an
/// enumerator Markdown does not know ("a)", "iv.", "\[2\]").
fn copied_list(p: &Para) -> bool {
    let bullet = p.lines.iter().any(|l| {
        let raw = raw_text(l);
        matches!(list_marker(&raw), Some((Marker::Bullet(..), _)))
            && !raw
                .trim_start_matches(is_space)
                .starts_with(['-', '*', '+', '–'])
    });
    bullet || numbered_lines(p) >= 2
}

/// A plain-text body paragraph: body text, list items and separators.
/// A line without a marker goes on the item above it, as a wrapped
/// item's next line does, unless the items are typed a line each (see
/// [`OneLineItems`]). Within a list item (`within`, its marker and
/// depth), the paragraph's first lines are that item's and the items
/// found under it a level deeper.
fn split_plain(p: &Para, numbers_ok: bool, within: Option<(&str, u8)>, out: &mut Vec<Block>) {
    let mut kind = within.map_or(BlockKind::Body, |(marker, depth)| BlockKind::ListItem {
        marker: marker.to_string(),
        depth,
    });
    let below = within.map_or(0, |(_, depth)| depth.saturating_add(1));
    let mut lines: Vec<Line> = Vec::new();
    let mut items = OneLineItems::default();
    let mut nesting = Nesting::default();
    for line in &p.lines {
        let raw = raw_text(line);
        let marker =
            list_marker(&raw).filter(|(m, _)| numbers_ok || matches!(m, Marker::Bullet(..)));
        let mut item = matches!(kind, BlockKind::ListItem { .. });
        if marker.is_none() && item && items.ended(&lines, &raw) {
            out.extend(block(kind, &lines));
            lines.clear();
            kind = BlockKind::Body;
            items = OneLineItems::default();
            item = false;
        }
        if marker.is_none() && !is_separator(&raw) && item {
            items.broken = true;
        }
        if marker.is_some() {
            items.open(&lines, item);
        }
        if is_separator(&raw) {
            out.extend(block(kind.clone(), &lines));
            lines.clear();
            out.extend(block(BlockKind::Body, std::slice::from_ref(line)));
            kind = BlockKind::Body;
        } else if let Some((m, rest)) = marker {
            out.extend(block(kind, &lines));
            lines.clear();
            let (marker, shape_depth) = match m {
                Marker::Bullet(depth, shown) => (shown.to_string(), depth),
                Marker::Number(n) => (n, 0),
            };
            let depth = below.saturating_add(shape_depth.max(nesting.depth(indent_columns(&raw))));
            kind = BlockKind::ListItem { marker, depth };
            lines.push(Line {
                no: line.no,
                spans: vec![Span::plain(rest)],
                kept: line.kept,
            });
        } else {
            lines.push(line.clone());
        }
    }
    out.extend(block(kind, &lines));
}

/// How far in a line's first character stands, in columns: a tab goes on
/// to the next stop of [`TAB_COLUMNS`], any other space takes one.
fn indent_columns(line: &str) -> usize {
    line.chars()
        .take_while(|c| is_space(*c))
        .fold(0, |col, c| match c {
            '\t' => (col / TAB_COLUMNS + 1) * TAB_COLUMNS,
            _ => col + 1,
        })
}

/// The tab stops a plain-text editor sets, every four columns (the
/// smallest common setting: with eight, a tabbed item is deeper still,
/// and the depth is the same).
const TAB_COLUMNS: usize = 4;

/// How much further in than the item above an item must stand to be
/// one level deeper: two columns, as people indent a sub-item under a
/// bullet ("- item" / "  - sub-item"); one is a number set flush right
/// (" 9." over "10.") or a stray space.
const NEST_STEP: usize = 2;

/// The depth plain text gives a list item by its indentation: an item
/// standing [`NEST_STEP`] or more further in than the item above is one
/// level deeper ("5. Election of officers" / "   a) Chair"), and one
/// standing back goes back to the level of the item it lines up with. A
/// list that only word processors' bullet shapes nest (Word's `·`, `o`,
/// `§`, all at the margin) keeps the depth of its shapes.
#[derive(Default)]
struct Nesting {
    /// The indentation of the open levels, outermost first.
    open: Vec<usize>,
}

impl Nesting {
    /// The depth of an item indented by `indent` columns.
    fn depth(&mut self, indent: usize) -> u8 {
        while self.open.last().is_some_and(|&top| indent < top) {
            self.open.pop();
        }
        match self.open.last() {
            Some(&top) if indent >= top + NEST_STEP => self.open.push(indent),
            Some(_) => {}
            None => self.open.push(indent),
        }
        u8::try_from(self.open.len() - 1).unwrap_or(u8::MAX)
    }
}

/// The items of a plain-text list read so far, to tell the line after the
/// last of them: a list copied from a PDF has no blank line after it
/// ("3. Ein fester Ansprechpartner für Reparaturen vor Ort." / "Bringt
/// eure Nachbarn … mit!"), and its next line ran on as the last item's.
/// Where every item before the last took one line, the last is one
/// line too if it is no wider than the widest of them and ends a
/// sentence: a line after it that does not go on in lower case is the
/// text after the list. (A wrapped item's first line is as wide as the
/// wrap, and where it ends a sentence the next word did not fit.)
#[derive(Default)]
struct OneLineItems {
    /// Items before the current one, each of one line.
    count: usize,
    /// The widest of them, in characters.
    widest: usize,
    /// An item took more than one line: the list is wrapped.
    broken: bool,
}

impl OneLineItems {
    /// A marker opens an item after `lines`, an item's (`after_item`)
    /// or the text before the list.
    fn open(&mut self, lines: &[Line], after_item: bool) {
        if after_item && lines.len() == 1 {
            self.count += 1;
            let text = raw_text(&lines[0]);
            self.widest = self.widest.max(text.trim().chars().count());
        }
    }

    /// Whether the item of `lines` has ended before `next`, a line
    /// without a marker.
    fn ended(&self, lines: &[Line], next: &str) -> bool {
        let [line] = lines else {
            return false;
        };
        let text = raw_text(line);
        let text = text.trim();
        !self.broken
            && self.count >= 1
            && text.chars().count() <= self.widest
            && text.ends_with(['.', '!', '?', '…'])
            && !next.trim_start().starts_with(char::is_lowercase)
    }
}

/// Whether paragraph `i` is a heading (`heads`, see [`plain_headings`])
/// with more headings after it: the first of the statement's sections,
/// right under the headline no meta line or subtitle ("Preamble" before
/// "Article 1", "📚 What is happening").
pub(super) fn opens_sections(heads: &[bool], i: usize) -> bool {
    heads.get(i) == Some(&true) && heads[i + 1..].contains(&true)
}

/// Which paragraphs are plain-text headings (in Markdown, only numbered
/// sections' headings it read as lists), for a body that starts at `next`.
pub(super) fn plain_headings(paras: &[Para], next: usize, plain: bool) -> Vec<bool> {
    let end = signoff_start(paras, next, plain);
    if plain {
        heading::headings(paras, end)
    } else {
        heading::markdown_sections(paras, end)
    }
}

/// Body-range paragraphs whose role markup fixed, or plain paragraphs
/// (`heads` marks the plain-text headings).
pub(super) fn render(
    paras: &[Para],
    range: std::ops::Range<usize>,
    plain: bool,
    heads: &[bool],
    out: &mut Vec<Block>,
) {
    for i in range {
        let p = &paras[i];
        match &p.kind {
            ParaKind::Body if heads.get(i) == Some(&true) => {
                out.extend(block(BlockKind::Heading(1), &p.lines));
            }
            // A numbered section's heading Markdown read as a list's item:
            // its number is a part of it.
            ParaKind::Fixed(BlockKind::ListItem { marker, .. }) if heads.get(i) == Some(&true) => {
                let mut line = p.lines[0].clone();
                line.spans.insert(0, Span::plain(format!("{marker} ")));
                out.extend(block(BlockKind::Heading(1), &[line]));
            }
            ParaKind::Body if plain => {
                let near = |j: Option<usize>| {
                    j.and_then(|j| paras.get(j))
                        .is_some_and(|q| q.kind == ParaKind::Body && numbered_lines(q) > 0)
                };
                let numbers_ok =
                    numbered_lines(p) >= 2 || near(i.checked_sub(1)) || near(Some(i + 1));
                split_plain(p, numbers_ok, None, out);
            }
            // Markdown has its own lists; a list copied from a word
            // processor into it ("●⇥…", "a) …") is still one.
            ParaKind::Body if copied_list(p) => split_plain(p, numbered_lines(p) >= 2, None, out),
            // And under an item of its own lists ("5. Election of
            // officers" / "   a) Chair" / "   b) Secretary"), where it ran
            // into the item's text: "Election of officers a) Chair b)…".
            ParaKind::Fixed(BlockKind::ListItem { marker, depth }) if copied_list(p) => {
                split_plain(p, numbered_lines(p) >= 2, Some((marker, *depth)), out);
            }
            ParaKind::Body => out.extend(block(BlockKind::Body, &p.lines)),
            ParaKind::Title => out.extend(block(BlockKind::Heading(1), &p.lines)),
            ParaKind::Fixed(kind) => out.extend(block(kind.clone(), &p.lines)),
        }
    }
}
