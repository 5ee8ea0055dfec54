//! A page's content stream: fills, pictures, rules, QR codes, text and
//! printer's marks, in that order (later ones paint over earlier ones).

use std::collections::BTreeMap;
use std::sync::Arc;

use pdf_writer::{Content, Name};

use super::font::FontUse;
use super::paint::Painter;
use super::span_lang::{Pieces, SpanLang};
use super::tags::{Marker, Piece};
use super::weblinks::Fragment;
use crate::compose::pages::{Page, PlacedLine, PlacedPicture, Rect};
use crate::compose::picture::{Affine, Picture};
use crate::compose::tag::{Role, Tag};
use crate::output::marks::{MarkSet, MARK_WIDTH};
use crate::output::target::PrintSetup;
use crate::style::Color;
use crate::typeset::fonts::FaceId;
use crate::typeset::lang;
use crate::typeset::line::{Cluster, PlacedGlyph};
use crate::units::Length;

/// What every page's content refers to.
pub(super) struct Resources<'a> {
    pub(super) fonts: &'a BTreeMap<FaceId, FontUse<'a>>,
    /// Image XObject names by picture (one per picture, however often placed).
    pub(super) images: &'a [(Arc<Picture>, String)],
    pub(super) painter: &'a Painter,
    pub(super) setup: &'a PrintSetup,
    /// The document's language and a two-language leaflet's second side's.
    pub(super) langs: [Option<&'a str>; 2],
}

/// Points, as the file gets them, rounded to a thousandth: finer than any
/// printer, and it keeps float noise out of the file. In `f64` for the
/// numbers written by hand, which `f32` could not hold to a thousandth.
pub(super) fn pt64(l: Length) -> f64 {
    (l.to_pt() * 1000.0).round() / 1000.0
}

/// [`pt64`] for pdf-writer, which takes `f32`.
pub(super) fn pt(l: Length) -> f32 {
    pt64(l) as f32
}

/// The uncompressed content stream of `page`, with its printer's `marks`
/// and the fragments of web addresses in its text (`links`), and its
/// tagged sequences in MCID order. Everything drawn is either
/// tagged or an artifact.
pub(super) fn page_content(
    page: &Page,
    marks: &MarkSet,
    res: &Resources,
    links: &[Fragment],
) -> (Vec<u8>, Marker) {
    let mut marker = Marker::default();
    let mut c = Content::with_capacity(4096 + page.lines.len() * 160);
    let h = page.height;
    // Everything is drawn in the trimmed page's coordinates, moved in by
    // the bleed and marks around it.
    c.save_state();
    let slug = res.setup.slug();
    if slug > Length::ZERO {
        c.transform([1.0, 0.0, 0.0, 1.0, pt(slug), pt(slug)]);
    }
    // Fills first, then pictures: both lie under rules and text.
    if !page.fills.is_empty() {
        marker.begin_content(&mut c, None);
        for fill in &page.fills {
            res.painter.fill(&mut c, fill.color);
            rect(&mut c, &fill.rect, h);
            c.fill_nonzero();
        }
        c.end_marked_content();
    }
    for placed in &page.pictures {
        if let Some((_, name)) = res
            .images
            .iter()
            .find(|(p, _)| Arc::ptr_eq(p, &placed.picture))
        {
            marker.begin_content(&mut c, placed.tag.as_ref());
            picture(&mut c, placed, name, h);
            c.end_marked_content();
        }
    }
    if !page.rules.is_empty() {
        marker.begin_content(&mut c, None);
        res.painter.stroke(&mut c, Color::Gray(0.0));
        for rule in &page.rules {
            c.set_line_width(pt(rule.width));
            c.move_to(pt(rule.from.0), pt(h - rule.from.1));
            c.line_to(pt(rule.to.0), pt(h - rule.to.1));
            c.stroke();
        }
        c.end_marked_content();
    }
    // QR codes, outside the text section.
    for placed in &page.lines {
        if let Some(fig) = &placed.figure {
            marker.begin_content(&mut c, placed.tag.as_ref());
            let (x, y) = (placed.x + slug, h - placed.baseline + slug);
            marker.link_area([pt(x), pt(y), pt(x + fig.width), pt(y + fig.height)]);
            res.painter.fill(&mut c, Color::Gray(0.0));
            let top = placed.baseline - fig.height;
            for r in &fig.rects {
                c.rect(
                    pt(placed.x + r.x),
                    pt(h - (top + r.y + r.height)),
                    pt(r.width),
                    pt(r.height),
                );
            }
            c.fill_nonzero();
            c.end_marked_content();
        }
    }
    let mut out = c.finish().into_vec();
    // pdf-writer separates operators but ends without a separator.
    out.push(b'\n');
    text(&mut out, page, res, &mut marker, links);
    let mut c = Content::new();
    strikeouts(&mut c, page, res, &mut marker);
    draw_marks(&mut c, page, marks, res);
    c.restore_state();
    out.extend_from_slice(&c.finish());
    (out, marker)
}

/// The lines through struck text, after the text (a path cannot be drawn
/// inside a text object), each in its run's colour, in the trimmed page's
/// coordinates as the text is; decoration, not content, as a reader reads
/// the words.
fn strikeouts(c: &mut Content, page: &Page, res: &Resources, marker: &mut Marker) {
    let mut began = false;
    for placed in &page.lines {
        for run in &placed.line.runs {
            let Some(font) = res.fonts.get(&run.face) else {
                continue;
            };
            let Some(s) = run.strikeout(font.face) else {
                continue;
            };
            if !began {
                marker.begin_content(c, None);
                began = true;
            }
            res.painter.fill(c, run.color);
            let bottom = page.height - placed.baseline + s.rise - s.thickness / 2.0;
            c.rect(
                pt(placed.x + s.from),
                pt(bottom),
                pt(s.to - s.from),
                pt(s.thickness),
            );
            c.fill_nonzero();
        }
    }
    if began {
        c.end_marked_content();
    }
}

fn rect(c: &mut Content, r: &Rect, page_height: Length) {
    c.rect(
        pt(r.x),
        pt(page_height - r.bottom()),
        pt(r.width),
        pt(r.height),
    );
}

/// The text state the stream is in, so that unchanged settings are not
/// written again.
#[derive(Default)]
struct TextState {
    font: Option<(FaceId, Length)>,
    color: Option<Color>,
    char_spacing: f32,
    /// The horizontal scaling (`Tz`) in force, in percent as written,
    /// once one is set (a page starts at 100).
    percent: Option<f32>,
}

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
fn text(out: &mut Vec<u8>, page: &Page, res: &Resources, marker: &mut Marker, links: &[Fragment]) {
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
        // The runs of a list item's marker: the first, or the last.
        let runs = placed.line.runs.len();
        let (label_runs, label_from) = match &placed.tag {
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
        };
        // A table's row: a sequence for each cell, each opening after a
        // tab (the glyph index of each such start).
        let cells: Vec<u32> = match &placed.tag {
            Some(Tag {
                role: Role::TableRow { .. },
                ..
            }) => placed
                .line
                .glyphs()
                .enumerate()
                .filter(|(_, (_, g))| g.text.is_tab())
                .map(|(k, _)| k as u32 + 1)
                .collect(),
            _ => Vec::new(),
        };
        let row = matches!(
            &placed.tag,
            Some(Tag {
                role: Role::TableRow { .. },
                ..
            })
        );
        if placed.tag.is_none() {
            Marker::artifact(out);
        }
        // Font expansion: the line's glyphs drawn wider or narrower, as a
        // percentage to a thousandth (what the pen moves by is worked out
        // from the percentage written).
        let percent = round_to(placed.line.scale * 100.0, 1000.0);
        if state.percent.unwrap_or(100.0) != percent {
            num(out, f64::from(percent));
            out.extend_from_slice(b" Tz\n");
            state.percent = Some(percent);
        }
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
            let base = if row {
                Piece::Cell
            } else if (label_from..label_from + label_runs).contains(&k) {
                Piece::Label
            } else if label_runs > 0 {
                Piece::Body
            } else {
                Piece::Whole
            };
            let mut i = 0u32;
            while i < n {
                let g = flat + i;
                // The piece glyph `g` is in, and where it ends in this run.
                let (piece, until) = match line_links.iter().find(|f| f.from <= g && g < f.to) {
                    Some(f) => (Piece::Link, f.to),
                    None => (
                        base,
                        line_links
                            .iter()
                            .filter(|f| f.from > g)
                            .map(|f| f.from)
                            .min()
                            .unwrap_or(u32::MAX),
                    ),
                };
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
                    match piece {
                        Piece::Link => {
                            let link = line_links
                                .iter()
                                .find(|f| f.from <= g && g < f.to)
                                .map_or(0, |f| f.link);
                            let area =
                                glyphs_area(placed, g, flat + until, res.setup.slug(), page.height);
                            marker.begin_link(out, tag, link, area);
                        }
                        _ => {
                            marker.begin(out, tag, piece);
                            if piece == Piece::Whole {
                                marker.link_area(line_area(placed, res.setup.slug(), page.height));
                            }
                        }
                    }
                    open = Some(piece);
                }
                let start = i;
                let glyphs = &run.glyphs[start as usize..until as usize];
                i = until;
                let Some(font) = res.fonts.get(&run.face) else {
                    continue;
                };
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

/// A number as PDF wants it, to four decimals (every number written here
/// is rounded coarser than that): no exponent, no trailing zeros. By hand,
/// as `Display` for floats cost a third of writing a page.
fn num(out: &mut Vec<u8>, v: f64) {
    let scaled = (v * 10_000.0).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let a = scaled.unsigned_abs();
    let (int, frac) = (a / 10_000, a % 10_000);
    let mut digits = [0u8; 20];
    let mut n = int;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
    if frac != 0 {
        out.push(b'.');
        let mut f = frac;
        let mut places = 4;
        while f % 10 == 0 {
            f /= 10;
            places -= 1;
        }
        for p in (0..places).rev() {
            out.push(b'0' + (f / 10u64.pow(p) % 10) as u8);
        }
    }
}

/// Shows glyphs of one run where the layout put them.
///
/// A viewer advances each glyph by its /W width plus the character spacing
/// (Tc); the TJ numbers correct the rest (kerning, word spaces, justifying).
/// Justified lines spread letters evenly, so the run's most common gap is
/// set once as Tc, and only the other glyphs need a number.
///
/// `hyphen` is the index of the hyphen the line break added, if it is
/// among `glyphs`: it is drawn, but carries the text of a soft hyphen
/// (U+00AD) as /ActualText. ISO 32000 asks for exactly that, so that
/// whoever takes the text out (copying, a screen reader, text extraction
/// that follows the standard) can tell it from a hyphen of the text
/// ("well-known") and put the word back together. An artifact would
/// hide it from the structure tree too, but then nothing would say the
/// word goes on: an extractor would see two words.
fn show_glyphs(
    out: &mut Vec<u8>,
    glyphs: &[PlacedGlyph],
    size: Length,
    font: &FontUse,
    state: &mut TextState,
    extra: &mut Vec<f32>,
    hyphen: Option<usize>,
) {
    let size = size.to_pt() as f32;
    // The glyphs' width on the page: `Tz` widens their advances, and the
    // numbers that move the pen, by the line's scale.
    let wide = size * state.percent.unwrap_or(100.0) / 100.0;
    // Extra advance after each glyph beyond its /W width, in thousandths of an em.
    extra.clear();
    extra.extend(
        glyphs
            .windows(2)
            .map(|w| ((w[1].x - w[0].x).to_pt() as f32 / wide * 1000.0) - font.width(w[0].gid)),
    );
    // Where /ActualText spans part the glyphs into several TJ arrays, no
    // Tc: pdfminer (which typometer and many text tools read PDFs with)
    // leaves out the character spacing after each array's last glyph, and
    // would push the rest of the line along by it at every span, out of
    // its column. TJ numbers then place each glyph, read the same by all.
    let spanned = hyphen.is_some()
        || clusters(glyphs).any(|(k, end)| needs_span(glyphs, (k, end), font, wide));
    let spacing = if spanned { 0.0 } else { most_common(extra) };
    let char_spacing = round_to(spacing * size / 1000.0, 10_000.0);
    if char_spacing != state.char_spacing {
        num(out, f64::from(char_spacing));
        out.extend_from_slice(b" Tc\n");
        state.char_spacing = char_spacing;
    }
    // What Tc really adds, in thousandths of an em.
    let spacing = char_spacing / size * 1000.0;

    // Whether a TJ array (and a hex string in it) is open.
    let mut open = false;
    let mut k = 0;
    while k < glyphs.len() {
        let end = cluster_end(glyphs, k);
        let soft = hyphen == Some(k);
        let actual = soft || needs_span(glyphs, (k, end), font, wide);
        // A spanned cluster of a left-to-right word takes the rest of its
        // word into its span (see [`word_rest`]).
        let end = if actual && !soft && !glyphs[k].is_rtl() {
            word_rest(glyphs, end, hyphen)
        } else {
            end
        };
        if actual {
            // Marked content cannot sit inside a TJ array: the array is
            // closed and reopened around the cluster. The pen moves on
            // across arrays, so the glyphs stay where they were.
            if open {
                out.extend_from_slice(b">] TJ\n");
                open = false;
            }
            out.extend_from_slice(b"/Span <</ActualText ");
            if soft {
                out.extend_from_slice(SOFT_HYPHEN);
            } else {
                out.extend_from_slice(b"<FEFF");
                for g in &glyphs[k..end] {
                    actual_text(out, g);
                }
                out.push(b'>');
            }
            out.extend_from_slice(b">> BDC\n");
        }
        for (j, g) in glyphs.iter().enumerate().take(end).skip(k) {
            if !open {
                out.extend_from_slice(b"[<");
                open = true;
            }
            push_hex(out, font.cid(g.gid));
            let Some(&e) = extra.get(j) else { continue };
            // TJ numbers move the pen back (positive) or on (negative).
            let adjust = round_to(spacing - e, 100.0);
            if adjust != 0.0 {
                out.extend_from_slice(b"> ");
                num(out, f64::from(adjust));
                out.extend_from_slice(b" <");
            }
        }
        if actual {
            out.extend_from_slice(b">] TJ\nEMC\n");
            open = false;
        }
        k = end;
    }
    if open {
        out.extend_from_slice(b">] TJ\n");
    }
}

/// Where the cluster starting at glyph `k` ends: after it and the glyphs
/// continuing it.
fn cluster_end(glyphs: &[PlacedGlyph], k: usize) -> usize {
    k + 1
        + glyphs[k + 1..]
            .iter()
            .take_while(|g| g.text == Cluster::Continued)
            .count()
}

/// Each cluster's start and end among `glyphs`.
fn clusters(glyphs: &[PlacedGlyph]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut k = 0;
    std::iter::from_fn(move || {
        (k < glyphs.len()).then(|| {
            let start = k;
            k = cluster_end(glyphs, k);
            (start, k)
        })
    })
}

/// U+00AD SOFT HYPHEN as a PDF text string: what a hyphen added at a
/// line break stands for.
const SOFT_HYPHEN: &[u8] = b"<FEFF00AD>";

/// Writes a 16-bit value (a CID, a UTF-16 unit) as four hex digits.
fn push_hex(out: &mut Vec<u8>, value: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.to_be_bytes() {
        out.push(HEX[usize::from(byte >> 4)]);
        out.push(HEX[usize::from(byte & 15)]);
    }
}

/// Whether a cluster carries its text as /ActualText, which viewers and
/// text extraction use instead of the glyphs' ToUnicode entries.
///
/// A cluster of one glyph does when the glyph's entry is other text (see
/// [`super::glyph_text`]): a "1" that here begins a keycap, a "B" followed
/// by a variation selector.
///
/// A cluster of several glyphs always does, even where its glyphs' entries
/// spell its text (Devanagari टं, ट and the anusvara above it): poppler
/// places each glyph's text by the glyph's box, from its origin its /W
/// width wide, and a mark or vowel sign drawn back over its letter ends
/// its box early or starts it late. The jump reads as a word space, "टं
/// की" for टंकी. In a span the text takes the span's extent, which is
/// where the cluster is. (Vowel signs drawn before their letter, Bengali
/// কে, would need the span anyway: their entries spell "েক".)
///
/// Glyphs drawn apart from the start of their cluster (a mark raised or
/// lowered is shown by a text matrix of its own) copy as nothing: where
/// their entries are text, an empty span says so.
fn needs_actual_text(cluster: &[PlacedGlyph], font: &FontUse) -> bool {
    match cluster {
        [] => false,
        // A table's tab is its space glyph, copied as a space.
        [only] if only.text.is_tab() => *font.unicode(only.gid) != Cluster::Char(' '),
        [only] => *font.unicode(only.gid) != only.text,
        [_, _, ..] => true,
    }
}

/// Whether the cluster `k..end` of `glyphs` (set at `size` points) is
/// drawn inside an /ActualText span: its glyphs' text would not copy as
/// its own ([`needs_actual_text`]), or its box as a reader computes it
/// (from its origin, its /W width wide) reaches into the next cluster by
/// more than [`OVERLAP_EM`]. poppler ends a word where the next glyph
/// starts that far back, and reads the rest of the line as a word of its
/// own, even on a line of its own: a Chinese comma after a closing
/// bracket set half-width ("」，", see `typeset::punctuation`) came out
/// at the start of the next line. In a span, the text takes the span's
/// extent, which is where the glyphs are.
fn needs_span(glyphs: &[PlacedGlyph], (k, end): (usize, usize), font: &FontUse, size: f32) -> bool {
    if needs_actual_text(&glyphs[k..end], font) {
        return true;
    }
    let (Some(last), Some(next)) = (glyphs.get(end - 1), glyphs.get(end)) else {
        return false;
    };
    let reach = (last.x - next.x).to_pt() as f32 + font.width(last.gid) / 1000.0 * size;
    reach > OVERLAP_EM * size
}

/// How far a glyph's box may reach into the next cluster's before text
/// extraction takes them for two words, in em: kerning (a tenth of an em
/// at most in text faces) stays below it, a half-width mark's lost half
/// is far above.
const OVERLAP_EM: f32 = 0.25;

/// Where the span of a cluster that ends at `end` should end: at the end
/// of its word (before the next space, or the added hyphen, or the end of
/// the glyphs).
///
/// Extraction (poppler's) gives a span the extent from its first glyph's
/// origin to the end of its last glyph's advance. A cluster ending in a
/// vowel sign drawn back under its letter (Devanagari कु, Bengali নতু)
/// so ends a fifth of an em before the letter does, and the gap to the
/// next letter reads as a space: "स्कू ल". Spanning to the word's end
/// leaves the early end where a space stands anyway.
fn word_rest(glyphs: &[PlacedGlyph], end: usize, hyphen: Option<usize>) -> usize {
    let stop = hyphen.filter(|&h| h >= end).unwrap_or(glyphs.len());
    end + glyphs[end..stop]
        .iter()
        .take_while(|g| !g.text.is_space() && !g.is_rtl())
        .count()
}

/// Writes a glyph's text (nothing for a continuing glyph) as UTF-16BE hex
/// digits, for an /ActualText string.
fn actual_text(out: &mut Vec<u8>, glyph: &PlacedGlyph) {
    let mut units = [0u16; 2];
    for c in glyph.text.text().unwrap_or_default().chars() {
        for &mut unit in c.encode_utf16(&mut units) {
            push_hex(out, unit);
        }
    }
}

fn round_to(x: f32, scale: f32) -> f32 {
    let r = (x * scale).round() / scale;
    // No "-0" in the file.
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// The most common value (to a hundredth), or 0 for none.
fn most_common(values: &[f32]) -> f32 {
    let mut keys: Vec<i32> = values.iter().map(|v| (v * 100.0).round() as i32).collect();
    keys.sort_unstable();
    let mut best = (0usize, 0i32);
    let mut i = 0;
    while i < keys.len() {
        let j = keys[i..].partition_point(|&k| k == keys[i]) + i;
        if j - i > best.0 {
            best = (j - i, keys[i]);
        }
        i = j;
    }
    // On a line of text the letter gaps outnumber the word spaces; should
    // they not, the result is only longer, never wrong.
    best.1 as f32 / 100.0
}

/// Paints a placed picture: clipped to what is seen of it, the image's unit
/// square turned upright and stretched over its area.
fn picture(c: &mut Content, placed: &PlacedPicture, name: &str, page_height: Length) {
    let a = &placed.area;
    let place = Affine {
        a: a.width.to_pt(),
        b: 0.0,
        c: 0.0,
        d: a.height.to_pt(),
        e: a.x.to_pt(),
        f: (page_height - a.bottom()).to_pt(),
    };
    let m = placed.picture.orientation.matrix().then(place);
    c.save_state();
    rect(c, &placed.clip, page_height);
    c.clip_nonzero();
    c.end_path();
    c.transform([
        m.a as f32, m.b as f32, m.c as f32, m.d as f32, m.e as f32, m.f as f32,
    ]);
    c.x_object(Name(name.as_bytes()));
    c.restore_state();
}

/// Draws printer's marks in registration colour, in trim coordinates.
fn draw_marks(c: &mut Content, page: &Page, set: &MarkSet, res: &Resources) {
    if set.strokes.is_empty() && set.circles.is_empty() {
        return;
    }
    c.begin_marked_content(Name(b"Artifact"));
    // PDF user space: y upwards from the trim's bottom edge.
    let p = |(x, y): (Length, Length)| (pt(x), pt(page.height - y));
    res.painter.registration_stroke(c);
    c.set_line_width(MARK_WIDTH.to_pt() as f32);
    for s in &set.strokes {
        let (x0, y0) = p(s.from);
        let (x1, y1) = p(s.to);
        c.move_to(x0, y0);
        c.line_to(x1, y1);
        c.stroke();
    }
    // A circle as four Bézier quarters; 0.5523 puts the control points
    // where the curve stays within 0.03% of the true circle.
    for circle in &set.circles {
        let (cx, cy) = p(circle.center);
        let r = circle.radius.to_pt() as f32;
        let k = r * 0.552_284_8;
        c.move_to(cx + r, cy);
        c.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        c.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        c.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        c.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        c.stroke();
    }
    c.end_marked_content();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_without_exponent_or_trailing_zeros() {
        let text = |v: f64| {
            let mut out = Vec::new();
            num(&mut out, v);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(text(0.0), "0");
        assert_eq!(text(-0.0), "0");
        assert_eq!(text(26.0), "26");
        assert_eq!(text(42.52), "42.52");
        assert_eq!(text(-69.07), "-69.07");
        assert_eq!(text(0.0036), "0.0036");
        assert_eq!(text(769.001), "769.001");
        assert_eq!(text(-0.5), "-0.5");
        assert_eq!(text(1207.56), "1207.56");
    }

    #[test]
    fn the_letter_gap_is_the_most_common_one() {
        // Five letter gaps of 1.5, two word spaces of 80, one kern.
        let gaps = [1.5, 1.5, 80.0, 1.5, -20.0, 1.5, 80.0, 1.5];
        assert_eq!(most_common(&gaps), 1.5);
        assert_eq!(most_common(&[]), 0.0);
    }
}
