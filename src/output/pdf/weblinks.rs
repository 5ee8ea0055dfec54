//! Web addresses printed in the text, found on the set pages so that the
//! writer can make them clickable.
//!
//! An address belongs to a paragraph, not to a line: a long one is broken
//! after a separator (`/`, `.`) and continues on the next line, in the
//! next column, or on the next page. So the text of each element that may
//! hold one is put back together in reading order (lines joined by a
//! space, or by nothing where the line ended inside a word, without the
//! hyphen a break added), the addresses are found in that text, and each
//! is mapped back to the glyphs it was drawn with: one fragment per line
//! it touches. The writer then tags each fragment as part of one `Link`
//! element and gives it a link annotation of its own.
//!
//! A Markdown link is printed as its text and then its address in
//! brackets ("our page (`https://example.com/page`)"): on paper only the
//! address can be followed. Where the text stands right before its
//! address, it is made a link of its own to the same address, so that in
//! the PDF the words a reader would click are clickable.
//!
//! Only tagged lines are read: on an imposed sheet that is the first copy
//! of each page (the others are artifacts, and an annotation must belong
//! to the structure tree). Positions are taken from the set pages, after
//! mirroring, folding and imposition moved the lines, so the clickable
//! area is where the words are drawn.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::web_address;
use crate::compose::pages::Page;
use crate::compose::tag::{ElementId, Role};
use crate::statement::document::LinkLabel;
use crate::typeset::bidi;
use crate::typeset::line::{Cluster, Line, LineEnd, PlacedGlyph};

/// The part of an address drawn on one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Fragment {
    /// The line's index among the page's lines.
    pub(super) line: u32,
    /// Its glyphs, as indexes into the line's glyphs in drawing order
    /// (runs one after another): `from..to`.
    pub(super) from: u32,
    pub(super) to: u32,
    /// Which address, an index into [`WebLinks::targets`].
    pub(super) link: u32,
}

/// The addresses of a document and where they are drawn.
#[derive(Debug, Default)]
pub(super) struct WebLinks {
    /// Each page's fragments, by line and then glyph.
    pub(super) pages: Vec<Vec<Fragment>>,
    /// What each address opens.
    pub(super) targets: Vec<Arc<str>>,
}

impl WebLinks {
    /// The fragments on page `page`.
    pub(super) fn on_page(&self, page: usize) -> &[Fragment] {
        self.pages.get(page).map_or(&[], Vec::as_slice)
    }
}

/// Finds the web addresses in the text of `pages`, and the texts of the
/// Markdown links `labels` before theirs.
pub(super) fn find(pages: &[Page], labels: &[LinkLabel]) -> WebLinks {
    let mut found = WebLinks {
        pages: vec![Vec::new(); pages.len()],
        targets: Vec::new(),
    };
    // A cheap look at every line first: only the few elements with an
    // address in them are put together and read.
    let mut buf = String::new();
    let mut candidates = BTreeSet::new();
    for page in pages {
        for placed in &page.lines {
            let Some(tag) = readable(placed.tag.as_ref()) else {
                continue;
            };
            buf.clear();
            for (_, g) in placed.line.glyphs() {
                match &g.text {
                    Cluster::Char(c) => buf.push(c.to_ascii_lowercase()),
                    Cluster::Text(t) => buf.push_str(&t.to_ascii_lowercase()),
                    Cluster::Continued => {}
                }
            }
            // "://" and "www." are never broken across lines: an address
            // breaks after a separator only when no other follows.
            if buf.contains("://") || buf.contains("www.") {
                candidates.insert(tag.element);
            }
        }
    }
    if candidates.is_empty() {
        return found;
    }
    // The candidates' lines, each element's in reading order.
    let mut lines: Vec<(ElementId, u32, usize, usize)> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for (l, placed) in page.lines.iter().enumerate() {
            if let Some(tag) = readable(placed.tag.as_ref()) {
                if candidates.contains(&tag.element) {
                    lines.push((tag.element, tag.flow, p, l));
                }
            }
        }
    }
    lines.sort_unstable();
    for element in lines.chunk_by(|a, b| a.0 == b.0) {
        let at: Vec<(usize, usize)> = element.iter().map(|&(_, _, p, l)| (p, l)).collect();
        read_element(pages, &at, labels, &mut found);
    }
    for frags in &mut found.pages {
        frags.sort_unstable_by_key(|f| (f.line, f.from));
    }
    found
}

/// A tag whose lines are read for addresses: text of the document that is
/// not a link already (the QR code's printed address is one as a whole).
/// A table's cells are not: their tags are cells, which hold no `Link`.
fn readable(tag: Option<&crate::compose::tag::Tag>) -> Option<&crate::compose::tag::Tag> {
    tag.filter(|t| {
        t.link.is_none() && !matches!(t.role, Role::Figure { .. } | Role::TableRow { .. })
    })
}

/// Where a character of an element's text was drawn: its byte offset in
/// the text, the line (an index into the element's lines) and the glyph.
type Owner = (usize, usize, u32);

/// Reads the addresses in the element whose lines are `at` (page, line),
/// in reading order, and adds them to `found`, each after its link text
/// when it has one.
fn read_element(pages: &[Page], at: &[(usize, usize)], labels: &[LinkLabel], found: &mut WebLinks) {
    let mut text = String::new();
    let mut owners: Vec<Owner> = Vec::new();
    for (k, &(p, l)) in at.iter().enumerate() {
        let line = &pages[p].lines[l].line;
        let skip = line.added_hyphen().map(|(r, g)| flat_index(line, r, g));
        for (flat, g) in reading_order(line) {
            if Some(flat) == skip {
                continue;
            }
            if let Some(t) = g.text.text() {
                owners.push((text.len(), k, flat));
                text.push_str(&t);
            }
        }
        if matches!(line.end, LineEnd::Gap | LineEnd::Break) {
            text.push(' ');
        }
    }
    for address in web_address::find(&text) {
        let target: Arc<str> = address.target.into();
        let printed = &text[address.start..address.end];
        let before = &text[..address.start];
        let label = labels.iter().find_map(|l| {
            let at = before
                .strip_suffix(" (")?
                .strip_suffix(l.text.as_str())?
                .len();
            (l.url == printed).then_some(at..at + l.text.len())
        });
        if let Some(range) = label {
            add_link(pages, at, &owners, range, target.clone(), found);
        }
        add_link(
            pages,
            at,
            &owners,
            address.start..address.end,
            target,
            found,
        );
    }
}

/// Adds a link to `target` over the characters `range` of an element's
/// text (whose lines are `at`, whose characters `owners` places): one
/// fragment on each line it touches.
fn add_link(
    pages: &[Page],
    at: &[(usize, usize)],
    owners: &[Owner],
    range: std::ops::Range<usize>,
    target: Arc<str>,
    found: &mut WebLinks,
) {
    let link = found.targets.len() as u32;
    found.targets.push(target);
    let first = owners.partition_point(|o| o.0 < range.start);
    let last = owners.partition_point(|o| o.0 < range.end);
    // Its glyphs, line by line: one fragment for each line.
    let mut spans: Vec<(usize, u32, u32)> = Vec::new();
    for &(_, k, flat) in &owners[first..last] {
        match spans.last_mut() {
            Some(s) if s.0 == k => {
                s.1 = s.1.min(flat);
                s.2 = s.2.max(flat + 1);
            }
            _ => spans.push((k, flat, flat + 1)),
        }
    }
    for (k, from, to) in spans {
        let (p, l) = at[k];
        let line = &pages[p].lines[l].line;
        // Marks and other glyphs continuing the last cluster go with it.
        let to = to
            + line
                .glyphs()
                .skip(to as usize)
                .take_while(|(_, g)| g.text == Cluster::Continued)
                .count() as u32;
        found.pages[p].push(Fragment {
            line: l as u32,
            from,
            to,
            link,
        });
    }
}

/// The index of glyph `g` of run `r` among all of the line's glyphs.
fn flat_index(line: &Line, r: usize, g: usize) -> u32 {
    (line.runs[..r]
        .iter()
        .map(|run| run.glyphs.len())
        .sum::<usize>()
        + g) as u32
}

/// The line's glyphs in reading order, each with its index in drawing
/// order.
fn reading_order(line: &Line) -> Vec<(u32, &PlacedGlyph)> {
    let drawn: Vec<&PlacedGlyph> = line.glyphs().map(|(_, g)| g).collect();
    if drawn.iter().all(|g| g.level == 0) {
        return drawn
            .into_iter()
            .enumerate()
            .map(|(k, g)| (k as u32, g))
            .collect();
    }
    let index: HashMap<*const PlacedGlyph, u32> = drawn
        .iter()
        .enumerate()
        .map(|(k, g)| (*g as *const PlacedGlyph, k as u32))
        .collect();
    bidi::logical_order(line)
        .into_iter()
        .filter_map(|g| Some((*index.get(&(g as *const PlacedGlyph))?, g)))
        .collect()
}
