//! The text section of a page's content stream: each line a
//! marked-content sequence, its runs placed and shown by [`super::glyphs`].

use pdf_writer::Content;

use super::glyphs::{show_glyphs, TextState};
use super::{num, pt, pt64, round_to, Resources};
use crate::compose::pages::{Page, PlacedLine};
use crate::compose::tag::{Role, Tag};
use crate::output::pdf::font::FontUse;
use crate::output::pdf::span_lang::{Pieces, SpanLang};
use crate::output::pdf::tags::{Marker, Piece};
use crate::output::pdf::weblinks::Fragment;
use crate::typeset::lang;
use crate::typeset::line::{GlyphRun, PlacedGlyph};
use crate::units::Length;

/// The text section, written here rather than through `pdf_writer::Content`:
/// that writes a string of two-byte glyph codes below 128 as a literal
/// with an octal escape per byte (about eight bytes a glyph), where a hex
/// string takes four. Text is most of a page, so this halves the stream
/// that is then deflated.
///
/// Each line is one marked-content sequence: tagged with its element, or
/// an artifact. A list item's first line is two, its marker and its text,
/// and a web address in a line (`links`, this page's) is a sequence of its
/// own, so that its element's `Link` can hold it.
pub(super) fn text(
    out: &mut Vec<u8>,
    page: &Page,
    res: &Resources,
    marker: &mut Marker,
    links: &[Fragment],
) {
    if page.lines.iter().all(|l| l.line.runs.is_empty()) {
        return;
    }
    out.extend_from_slice(b"BT\n");
    let mut state = TextState::default();
    let mut extra = Vec::new();
    let mut pieces = Pieces::new();
    let mut frags = links;
    for (index, placed) in page.lines.iter().enumerate() {
        // This line's fragments: the next ones, as both lists are in line
        // order.
        let (line_links, rest) =
            frags.split_at(frags.partition_point(|f| f.line as usize <= index));
        frags = rest;
        if placed.line.runs.is_empty() {
            continue;
        }
        let y = page.height - placed.baseline;
        let (label_runs, label_from) = label_runs(placed);
        // A table's row: a sequence for each cell.
        let (row, cells) = cell_starts(placed);
        if placed.tag.is_none() {
            Marker::artifact(out);
        }
        expand(out, &mut state, placed.line.scale);
        let soft = placed.line.added_hyphen();
        // The language of the paragraph's side, which its words in another
        // script may differ from (none for an artifact).
        let own = placed
            .tag
            .as_ref()
            .and_then(|t| res.langs[usize::from(t.element.side.min(1))])
            .map(lang::primary);
        let mut span_lang = SpanLang::default();
        // The piece being written, once one is open.
        let mut open: Option<Piece> = None;
        // Index of the run's first glyph among the line's.
        let mut flat = 0u32;
        for (k, run) in placed.line.runs.iter().enumerate() {
            let n = run.glyphs.len() as u32;
            let base = base_piece(row, k, (label_from, label_runs));
            let mut i = 0u32;
            while i < n {
                let g = flat + i;
                // The piece glyph `g` is in, and where it ends.
                let (piece, until) = piece_at(line_links, base, g);
                // A cell ends where the next opens.
                let next_cell = cells.iter().copied().find(|&c| c > g).unwrap_or(u32::MAX);
                let until = until.min(next_cell).saturating_sub(flat).min(n);
                let new_cell = cells.contains(&g);
                if let Some(tag) = placed
                    .tag
                    .as_ref()
                    .filter(|_| open != Some(piece) || new_cell)
                {
                    if open.is_some() {
                        Marker::end(out);
                    }
                    let slug = (res.setup.slug(), page.height);
                    begin(
                        out,
                        marker,
                        (tag, piece),
                        (placed, line_links, g..flat + until),
                        slug,
                    );
                    open = Some(piece);
                }
                let start = i;
                let glyphs = &run.glyphs[start as usize..until as usize];
                i = until;
                let Some(font) = res.fonts.get(&run.face) else {
                    continue;
                };
                select(out, &mut state, (run, font), res);
                // The added hyphen, if it is among these glyphs.
                let hyphen = soft
                    .filter(|&(r, at)| r == k && (start..until).contains(&(at as u32)))
                    .map(|(_, at)| at - start as usize);
                span_lang.pieces(glyphs, own, &mut pieces);
                let at = (placed.x, y + run.rise);
                let scratch = (&mut state, &mut extra);
                show_pieces(out, at, glyphs, &pieces, (run.size, font), scratch, hyphen);
            }
            flat += n;
        }
        if placed.tag.is_none() || open.is_some() {
            Marker::end(out);
        }
    }
    out.extend_from_slice(b"ET\n");
}

/// Font expansion: a line's glyphs drawn wider or narrower by `scale`,
/// written as a percentage to a thousandth (what the pen moves by is
/// worked out from the percentage written), when it changes.
fn expand(out: &mut Vec<u8>, state: &mut TextState, scale: f32) {
    let percent = round_to(scale * 100.0, 1000.0);
    if state.percent.unwrap_or(100.0) != percent {
        num(out, f64::from(percent));
        out.extend_from_slice(b" Tz\n");
        state.percent = Some(percent);
    }
}

/// What run `k` of a line is, before its web addresses: a table row's
/// cell, a list item's label (`label_runs` runs from `label_from`) or
/// the text after it, or the whole line.
fn base_piece(row: bool, k: usize, (label_from, label_runs): (usize, usize)) -> Piece {
    if row {
        Piece::Cell
    } else if (label_from..label_from + label_runs).contains(&k) {
        Piece::Label
    } else if label_runs > 0 {
        Piece::Body
    } else {
        Piece::Whole
    }
}

/// Opens the marked-content sequence of `piece` of `tag`'s element for
/// the glyphs `glyphs` of `placed` (a web address among `links`, with
/// its clickable area; a whole line, with the line's). `slug` and
/// `page_height` place the areas.
fn begin(
    out: &mut Vec<u8>,
    marker: &mut Marker,
    (tag, piece): (&Tag, Piece),
    (placed, links, glyphs): (&PlacedLine, &[Fragment], std::ops::Range<u32>),
    (slug, page_height): (Length, Length),
) {
    let g = glyphs.start;
    match piece {
        Piece::Link => {
            let link = links
                .iter()
                .find(|f| f.from <= g && g < f.to)
                .map_or(0, |f| f.link);
            let area = glyphs_area(placed, g, glyphs.end, slug, page_height);
            marker.begin_link(out, tag, link, area);
        }
        _ => {
            marker.begin(out, tag, piece);
            if piece == Piece::Whole {
                marker.link_area(line_area(placed, slug, page_height));
            }
        }
    }
}

/// The piece a line's glyph `g` is in: a web address among `links`, or
/// `base`; and the glyph it ends before (the next address's first, or
/// `u32::MAX`).
fn piece_at(links: &[Fragment], base: Piece, g: u32) -> (Piece, u32) {
    match links.iter().find(|f| f.from <= g && g < f.to) {
        Some(f) => (Piece::Link, f.to),
        None => (
            base,
            links
                .iter()
                .filter(|f| f.from > g)
                .map(|f| f.from)
                .min()
                .unwrap_or(u32::MAX),
        ),
    }
}

/// How many of `placed`'s runs are a list item's marker, and the first of
/// them: the line's first runs, or its last on a right-to-left page.
fn label_runs(placed: &PlacedLine) -> (usize, usize) {
    let runs = placed.line.runs.len();
    match &placed.tag {
        Some(Tag {
            role:
                Role::ListItem {
                    label_runs,
                    label_at_end,
                    ..
                },
            ..
        }) => {
            let n = usize::from(*label_runs).min(runs);
            (n, if *label_at_end { runs - n } else { 0 })
        }
        _ => (0, 0),
    }
}

/// Whether `placed` is a table's row, and if so where each of its cells
/// but the first opens: after a tab, as the index of its first glyph.
fn cell_starts(placed: &PlacedLine) -> (bool, Vec<u32>) {
    let row = matches!(
        &placed.tag,
        Some(Tag {
            role: Role::TableRow { .. },
            ..
        })
    );
    let cells = if row {
        placed
            .line
            .glyphs()
            .enumerate()
            .filter(|(_, (_, g))| g.text.is_tab())
            .map(|(k, _)| k as u32 + 1)
            .collect()
    } else {
        Vec::new()
    };
    (row, cells)
}

/// Makes `run`'s colour and its font (`font`, at its size) the current
/// ones, where they are not yet.
fn select(
    out: &mut Vec<u8>,
    state: &mut TextState,
    (run, font): (&GlyphRun, &FontUse),
    res: &Resources,
) {
    if state.color != Some(run.color) {
        let mut c = Content::new();
        res.painter.fill(&mut c, run.color);
        out.extend_from_slice(&c.finish());
        out.push(b'\n');
        state.color = Some(run.color);
    }
    if state.font != Some((run.face, run.size)) {
        out.push(b'/');
        out.extend_from_slice(font.resource.as_bytes());
        out.push(b' ');
        num(out, pt64(run.size));
        out.extend_from_slice(b" Tf\n");
        state.font = Some((run.face, run.size));
    }
}

/// Draws `glyphs` from `x` on the baseline `y` (both in page
/// coordinates) in their `pieces` (see [`SpanLang::pieces`]), one in
/// another language inside a `/Span` with its `/Lang`. `hyphen` is the
/// added hyphen's index among `glyphs`, if it is there.
fn show_pieces(
    out: &mut Vec<u8>,
    (x, y): (Length, Length),
    glyphs: &[PlacedGlyph],
    pieces: &[(usize, usize, Option<&str>)],
    (size, font): (Length, &FontUse),
    (state, extra): (&mut TextState, &mut Vec<f32>),
    hyphen: Option<usize>,
) {
    for &(from, to, lang) in pieces {
        if let Some(lang) = lang {
            out.extend_from_slice(b"/Span <</Lang (");
            out.extend_from_slice(lang.as_bytes());
            out.extend_from_slice(b")>> BDC\n");
        }
        out.extend_from_slice(b"1 0 0 1 ");
        num(out, pt64(x + glyphs[from].x));
        out.push(b' ');
        num(out, pt64(y));
        out.extend_from_slice(b" Tm\n");
        let hyphen = hyphen.filter(|h| (from..to).contains(h)).map(|h| h - from);
        show_glyphs(out, &glyphs[from..to], size, font, state, extra, hyphen);
        if lang.is_some() {
            out.extend_from_slice(b"EMC\n");
        }
    }
}

/// Where the glyphs `from..to` of a line (in drawing order, across its
/// runs) can be clicked: from the leftmost glyph's origin to the end of
/// the rightmost, as high as [`line_area`].
fn glyphs_area(
    placed: &PlacedLine,
    from: u32,
    to: u32,
    slug: Length,
    page_height: Length,
) -> [f32; 4] {
    let [_, y0, _, y1] = line_area(placed, slug, page_height);
    let (mut lo, mut hi) = (Length::pt(f64::MAX), Length::pt(f64::MIN));
    for (_, g) in placed
        .line
        .glyphs()
        .skip(from as usize)
        .take(to.saturating_sub(from) as usize)
    {
        lo = lo.min(g.x);
        hi = hi.max(g.x + Length::pt(f64::from(g.advance)));
    }
    let x = placed.x + slug;
    [pt(x + lo), y0, pt(x + hi), y1]
}

/// Where a line of text can be clicked: its width, from a little above
/// its tallest letters to below its descenders (by its largest type size,
/// as the font's own metrics are not at hand here).
fn line_area(placed: &PlacedLine, slug: Length, page_height: Length) -> [f32; 4] {
    let size = placed
        .line
        .runs
        .iter()
        .map(|r| r.size)
        .fold(Length::ZERO, Length::max);
    let x = placed.x + slug;
    let y = page_height - placed.baseline + slug;
    [
        pt(x),
        pt(y - size * 0.3),
        pt(x + placed.line.width),
        pt(y + size * 0.95),
    ]
}
