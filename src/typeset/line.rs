//! A set line: runs of positioned glyphs, the unit columns and pages are
//! built from and the PDF writer draws.
//!
//! Kept compact on purpose (a glyph is a position, an id and its text): a
//! long statement has millions of them.

use crate::style::Color;
use crate::typeset::fonts::{Face, FaceId, FontBook};
use crate::units::Length;

/// The text a glyph stands for, for text extraction and copy-and-paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cluster {
    /// Another glyph of the previous glyph's cluster (a mark, a split form).
    Continued,
    /// One character (the common case, stored without allocation).
    Char(char),
    /// Several characters (a ligature such as "ffi", or a letter with marks).
    /// Boxed twice so that the pointer is thin: a cluster is then 16 bytes,
    /// not 24, and every glyph of a long statement carries one.
    #[allow(clippy::redundant_allocation)]
    Text(Box<Box<str>>),
}

impl Cluster {
    /// From a cluster's text; `None` for a continuation glyph.
    pub fn new(text: Option<&str>) -> Cluster {
        match text {
            None => Cluster::Continued,
            Some(t) => {
                let mut chars = t.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Cluster::Char(c),
                    _ => Cluster::Text(Box::new(t.into())),
                }
            }
        }
    }

    /// The text, if this glyph starts a cluster.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        match self {
            Cluster::Continued => None,
            Cluster::Char(c) => Some(c.to_string().into()),
            Cluster::Text(t) => Some(t.as_ref().as_ref().into()),
        }
    }

    /// True for a word space, and for the white between two cells of a
    /// table's row ([`Cluster::is_tab`]).
    pub fn is_space(&self) -> bool {
        matches!(self, Cluster::Char(' ' | '\t'))
    }

    /// True for the white between two cells of a table's row set in
    /// columns: a space glyph, which stands for a tab.
    pub fn is_tab(&self) -> bool {
        *self == Cluster::Char('\t')
    }
}

/// A glyph at its place on a line.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedGlyph {
    /// Offset of the glyph's origin from the line's left edge.
    pub x: Length,
    /// Glyph id in the run's face.
    pub gid: u16,
    /// What text it stands for.
    pub text: Cluster,
    /// Its bidi embedding level (UAX #9): even is left to right, odd right
    /// to left. Zero for all text of left-to-right scripts.
    pub level: u8,
    /// How far from its origin its slot on the line ends, in points: its
    /// shaped advance, less the shaper's offset once that has moved the
    /// glyph (a mark drawn back over its letter ends its slot ahead of its
    /// origin; a Hebrew letter kerned into its neighbour still ends where
    /// its slot does). Reordering a line and mirroring a page need it. An
    /// `f32` keeps a glyph at 32 bytes (it fits beside `gid` and `level`).
    pub advance: f32,
}

impl PlacedGlyph {
    /// Whether it is set right to left (an odd bidi level).
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// Glyphs in one face, size, colour and rise.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphRun {
    /// The face.
    pub face: FaceId,
    /// Type size.
    pub size: Length,
    /// Fill colour.
    pub color: Color,
    /// How far above the line's baseline the glyphs sit: zero but for the
    /// marks a shaper moves up or down (a shadda over a fatha, a Thai tone
    /// mark over a vowel sign). Kept per run, not per glyph: such marks
    /// are few, and a glyph of every line has no room for another number.
    pub rise: Length,
    /// Struck through: a line is drawn through the glyphs, from the first
    /// one's origin to the last one's end, at the face's strikeout
    /// position (see [`GlyphRun::strikeout`]).
    pub strike: bool,
    /// The glyphs, left to right.
    pub glyphs: Vec<PlacedGlyph>,
}

impl GlyphRun {
    /// A run of the same face, size, colour and rise, without glyphs: for
    /// a line whose glyphs are laid out again.
    pub fn styled_like(&self) -> GlyphRun {
        GlyphRun {
            face: self.face,
            size: self.size,
            color: self.color,
            rise: self.rise,
            strike: self.strike,
            glyphs: Vec::new(),
        }
    }

    /// Whether `other` is drawn in the same face, size, colour, rise and
    /// strike, so that the two can be one run (`face` is this run's face).
    pub fn same_style(&self, other: &GlyphRun) -> bool {
        self.face == other.face
            && self.size == other.size
            && self.color == other.color
            && self.rise == other.rise
            && self.strike == other.strike
    }

    /// The line through a struck run: where it begins and ends across the
    /// line (from the line's left edge), how far above the baseline its
    /// middle is, and how thick it is; `None` for a run not struck or
    /// without glyphs. Position and thickness are the face's own (its
    /// OS/2 strikeout metrics, see [`crate::typeset::fonts::Face::strikeout_em`]),
    /// so the line crosses the lower-case letters as the type designer
    /// meant.
    pub fn strikeout(&self, face: &Face) -> Option<Strikeout> {
        if !self.strike {
            return None;
        }
        let from = self.glyphs.iter().map(|g| g.x).reduce(Length::min)?;
        let to = self
            .glyphs
            .iter()
            .map(|g| g.x + Length::pt(f64::from(g.advance)))
            .reduce(Length::max)?;
        let (position, thickness) = face.strikeout_em();
        Some(Strikeout {
            from,
            to,
            rise: self.rise + self.size * position,
            thickness: self.size * thickness,
        })
    }
}

/// The line drawn through a struck run (see [`GlyphRun::strikeout`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Strikeout {
    /// Where it begins, from the line's left edge.
    pub from: Length,
    /// Where it ends, from the line's left edge.
    pub to: Length,
    /// How far its middle is above the baseline.
    pub rise: Length,
    /// Its thickness.
    pub thickness: Length,
}

/// How a line ends: what stands between its last glyph and the next
/// line's first, for whoever puts the text back together (a screen
/// reader, text extraction, finding a web address broken across lines).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineEnd {
    /// Between words: a space of the text, or a break the script allows
    /// between words without one (and the paragraph's last line).
    #[default]
    Gap,
    /// Inside a word, with a hyphen added that the text does not have.
    Hyphen,
    /// Inside a word or address, with nothing added: after a hyphen or
    /// dash of the text, after an address's separator, or in an emergency.
    Split,
    /// At a line break of the text's writer, inside its paragraph (see
    /// [`LINE_BREAK`](crate::statement::document::LINE_BREAK)): the line
    /// is short by choice, not full.
    Break,
}

/// One set line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The glyph runs, left to right.
    pub runs: Vec<GlyphRun>,
    /// Width of the inked part (from 0 to the end of the last glyph).
    pub width: Length,
    /// The line ends inside a word (with an inserted hyphen, or after a
    /// hyphen of the text): a page or fold should not come after it.
    pub hyphenated: bool,
    /// What separates it from the next line. (A byte in what was padding:
    /// a line stays 48 bytes.)
    pub end: LineEnd,
    /// How far the line exceeds its measure (zero when it fits).
    pub overfull: Length,
    /// How many times as wide as their fonts have them its glyphs are
    /// drawn: font expansion of justified text, one for any other line.
    /// The glyphs' positions and advances include it.
    pub scale: f32,
}

impl Default for Line {
    fn default() -> Line {
        Line {
            runs: Vec::new(),
            width: Length::ZERO,
            hyphenated: false,
            end: LineEnd::default(),
            overfull: Length::ZERO,
            scale: 1.0,
        }
    }
}

impl Line {
    /// Appends a glyph on the baseline, starting a new run when face, size
    /// or colour change.
    pub fn push(&mut self, face: FaceId, size: Length, color: Color, glyph: PlacedGlyph) {
        self.push_raised(face, size, color, Length::ZERO, false, glyph);
    }

    /// Appends a glyph `rise` above the baseline, struck through or not,
    /// starting a new run when face, size, colour, rise or strike change.
    pub fn push_raised(
        &mut self,
        face: FaceId,
        size: Length,
        color: Color,
        rise: Length,
        strike: bool,
        glyph: PlacedGlyph,
    ) {
        match self.runs.last_mut() {
            Some(r)
                if r.face == face
                    && r.size == size
                    && r.color == color
                    && r.rise == rise
                    && r.strike == strike =>
            {
                r.glyphs.push(glyph)
            }
            _ => {
                // Room for a line's worth without growing glyph by glyph;
                // a raised mark is mostly alone in its run.
                let room = if rise == Length::ZERO { 32 } else { 1 };
                let mut glyphs = Vec::with_capacity(room);
                glyphs.push(glyph);
                self.runs.push(GlyphRun {
                    face,
                    size,
                    color,
                    rise,
                    strike,
                    glyphs,
                });
            }
        }
    }

    /// Gives back the room [`Line::push`] keeps for growing: a set line
    /// stays as it is until the PDF is written, and a statement of many
    /// one-word paragraphs would otherwise hold a line's worth of glyphs
    /// for each word.
    ///
    /// Each run's glyphs move to a block of their own size rather than
    /// shrinking in place: a shrunk block leaves the rest of its room as a
    /// hole between live blocks, which a text of many short runs (a style
    /// change every word) piles up into more memory than the glyphs
    /// themselves, while a freed block of the usual size is taken again by
    /// the next line's runs.
    pub fn shrink_to_fit(&mut self) {
        for r in &mut self.runs {
            if r.glyphs.capacity() > r.glyphs.len() {
                r.glyphs = r.glyphs.as_slice().to_vec();
            }
        }
        if self.runs.capacity() > self.runs.len() {
            let mut runs = Vec::with_capacity(self.runs.len());
            runs.append(&mut self.runs);
            self.runs = runs;
        }
    }

    /// How far the line's ink reaches above and below its baseline, from
    /// its glyphs' outlines (a raised mark included); `None` for a line
    /// that draws nothing. Finer than the fonts' ascender and descender,
    /// which make room for marks and scripts the line may not have.
    pub fn ink(&self, fonts: &FontBook) -> Option<(Length, Length)> {
        self.ink_of(fonts, |_| true)
    }

    /// [`Line::ink`] of the glyphs of the faces `counted` accepts.
    pub fn ink_of(
        &self,
        fonts: &FontBook,
        counted: impl Fn(FaceId) -> bool,
    ) -> Option<(Length, Length)> {
        let mut ink: Option<(Length, Length)> = None;
        for run in self.runs.iter().filter(|r| counted(r.face)) {
            let face = fonts.face(run.face);
            for g in &run.glyphs {
                let Some((top, bottom)) = face.ink_em(g.gid) else {
                    continue;
                };
                let above = run.size * top + run.rise;
                let below = run.rise - run.size * bottom;
                ink = Some(match ink {
                    None => (above, below),
                    Some((a, b)) => (a.max(above), b.max(below)),
                });
            }
        }
        ink
    }

    /// Every glyph with its run, left to right.
    pub fn glyphs(&self) -> impl Iterator<Item = (&GlyphRun, &PlacedGlyph)> {
        self.runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(move |g| (r, g)))
    }

    /// Where the ink of the line begins and ends (from its first glyph's
    /// origin to the end of its last glyph's advance), relative to its
    /// origin; `None` for a line without glyphs.
    pub fn span(&self) -> Option<(Length, Length)> {
        let mut glyphs = self.glyphs().map(|(_, g)| g);
        let first = glyphs.next()?;
        let start = |g: &PlacedGlyph| g.x;
        let end = |g: &PlacedGlyph| g.x + Length::pt(f64::from(g.advance));
        Some(glyphs.fold((start(first), end(first)), |(lo, hi), g| {
            (lo.min(start(g)), hi.max(end(g)))
        }))
    }

    /// Moves every glyph right by `dx`.
    pub fn shift(&mut self, dx: Length) {
        for r in &mut self.runs {
            for g in &mut r.glyphs {
                g.x += dx;
            }
        }
    }

    /// Removes trailing word spaces (they carry no ink).
    pub fn trim_end(&mut self) {
        while let Some(run) = self.runs.last_mut() {
            while run.glyphs.last().is_some_and(|g| g.text.is_space()) {
                run.glyphs.pop();
            }
            if !run.glyphs.is_empty() {
                break;
            }
            self.runs.pop();
        }
    }

    /// Where the hyphen added at the line's end is (run, glyph), if one
    /// was: the last glyph in reading order, which on a line with
    /// right-to-left text need not be the last one drawn.
    pub fn added_hyphen(&self) -> Option<(usize, usize)> {
        if self.end != LineEnd::Hyphen {
            return None;
        }
        let last: &PlacedGlyph = if self.glyphs().all(|(_, g)| g.level == 0) {
            self.runs.last()?.glyphs.last()?
        } else {
            *crate::typeset::bidi::logical_order(self).last()?
        };
        if last.text != Cluster::Char('-') {
            return None;
        }
        self.runs.iter().enumerate().find_map(|(r, run)| {
            let at = run.glyphs.iter().position(|g| std::ptr::eq(g, last))?;
            Some((r, at))
        })
    }

    /// The line's text (spaces included) in logical order, the order it
    /// is read in, whatever order its glyphs stand in; for messages, checks
    /// and tests.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    /// Appends [`Line::text`] to `out`, without a string for each glyph.
    pub fn push_text(&self, out: &mut String) {
        let mut push = |g: &PlacedGlyph| match &g.text {
            Cluster::Char(c) => out.push(*c),
            Cluster::Text(t) => out.push_str(t),
            Cluster::Continued => {}
        };
        if self.glyphs().all(|(_, g)| g.level == 0) {
            self.glyphs().for_each(|(_, g)| push(g));
        } else {
            crate::typeset::bidi::logical_order(self)
                .into_iter()
                .for_each(push);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(x: f64, c: char) -> PlacedGlyph {
        PlacedGlyph {
            x: Length::pt(x),
            gid: 1,
            text: Cluster::Char(c),
            level: 0,
            advance: 5.0,
        }
    }

    #[test]
    fn runs_split_on_style_and_trim_spaces() {
        let mut l = Line::default();
        let black = Color::Gray(0.0);
        l.push(FaceId(0), Length::pt(10.0), black, g(0.0, 'a'));
        l.push(FaceId(0), Length::pt(10.0), black, g(5.0, ' '));
        l.push(FaceId(1), Length::pt(10.0), black, g(8.0, 'b'));
        l.push(FaceId(1), Length::pt(10.0), black, g(13.0, ' '));
        assert_eq!(l.runs.len(), 2);
        l.trim_end();
        assert_eq!(l.text(), "a b");
        l.shift(Length::pt(2.0));
        assert_eq!(l.runs[1].glyphs[0].x, Length::pt(10.0));
    }

    #[test]
    fn the_added_hyphen_is_found_only_on_a_line_that_got_one() {
        let black = Color::Gray(0.0);
        let mut l = Line::default();
        for (k, c) in "com-".chars().enumerate() {
            l.push(FaceId(0), Length::pt(10.0), black, g(5.0 * k as f64, c));
        }
        assert_eq!(l.added_hyphen(), None, "a hyphen of the text");
        l.end = LineEnd::Hyphen;
        assert_eq!(l.added_hyphen(), Some((0, 3)));
    }

    #[test]
    fn clusters() {
        assert_eq!(Cluster::new(Some("f")), Cluster::Char('f'));
        assert_eq!(
            Cluster::new(Some("ffi")),
            Cluster::Text(Box::new("ffi".into()))
        );
        assert_eq!(std::mem::size_of::<Cluster>(), 16);
        assert_eq!(std::mem::size_of::<PlacedGlyph>(), 32);
        assert_eq!(std::mem::size_of::<Line>(), 48);
        assert_eq!(Cluster::new(None), Cluster::Continued);
        assert_eq!(Cluster::new(Some("ffi")).text().as_deref(), Some("ffi"));
    }
}
