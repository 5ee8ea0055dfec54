//! What a paragraph is made of: its style, the glyphs it draws, and the
//! items and pieces line breaking and setting work on.

use std::sync::Arc;

use crate::statement::document::Style;
use crate::style::{Align, Color, FontRef};
use crate::typeset::bidi::Direction;
use crate::typeset::fonts::FaceId;
use crate::typeset::line::Cluster;
use crate::typeset::linebreak::{Item, PenaltyKind};
use crate::typeset::segment::SegmentBreak;
use crate::units::Length;

/// How a paragraph's text is set.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// The font family or file.
    pub font: FontRef,
    /// Extra emphasis applied to every span (e.g. bold headlines).
    pub base: Style,
    /// Type size.
    pub size: Length,
    /// Text colour.
    pub color: Color,
    /// Alignment of the lines.
    pub align: Align,
    /// Whether words may be hyphenated by the patterns.
    pub hyphenate: bool,
    /// Indent of the first line.
    pub indent: Length,
}

impl TextStyle {
    /// The style of display lines (headlines, subtitles, meta lines, the
    /// band, a QR code's link): never hyphenated, no first-line indent.
    pub fn display(
        font: FontRef,
        bold: bool,
        size: Length,
        color: Color,
        align: Align,
    ) -> TextStyle {
        TextStyle {
            font,
            base: Style {
                bold,
                italic: false,
                strike: false,
            },
            size,
            color,
            align,
            hyphenate: false,
            indent: Length::ZERO,
        }
    }
}

/// A glyph as it will be drawn.
///
/// Its size and colour are the paragraph's: a long statement has hundreds
/// of thousands of glyphs, and a colour is a hundred bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// The face.
    pub face: FaceId,
    /// Glyph id in the face.
    pub gid: u16,
    /// Distance to the next glyph's origin (after justification).
    pub advance: Length,
    /// The text this glyph stands for (the first glyph of a cluster
    /// carries it), for text extraction.
    pub text: Cluster,
    /// Its bidi embedding level (see [`crate::typeset::bidi`]).
    pub level: u8,
    /// How far it is drawn right of its pen position (the shaper's mark
    /// placement). A right-to-left line applies it only once in visual
    /// order, see [`crate::typeset::bidi::reorder_line`]. In points, as an
    /// `f32`: it then fits in the glyph's padding.
    pub x_offset: f32,
    /// How far it is drawn above the baseline, in points (the shaper's
    /// mark stacking); it becomes the rise of the glyph's run.
    pub y_offset: f32,
    /// Struck through (see [`crate::typeset::line::GlyphRun::strike`]).
    pub strike: bool,
}

/// What an item draws.
#[derive(Clone, Debug)]
pub(super) enum Piece {
    /// Nothing visible (indent boxes, ragged-right helper glue, plain penalties).
    Nothing,
    /// Glyphs of a box, or a hyphen drawn only when the line breaks at this
    /// penalty. Shared: a word set again reuses its glyphs.
    Glyphs(Arc<[Glyph]>),
    /// A word space: the space glyph, stretched to the glue's set width.
    /// In justified text its stretch includes letter spacing for the
    /// `tracked` glyphs just before it.
    Space {
        /// The space glyph.
        glyph: Glyph,
        /// Glyphs before this glue whose letter spacing its stretch includes.
        tracked: usize,
    },
    /// The glyphs of a ligature with a hyphenation point inside, drawn by
    /// the glue of a discretionary only when the line does not break there.
    Unbroken(Arc<[Glyph]>),
    /// The glyphs that start the next line when a line breaks inside a
    /// ligature (its part after the hyphen, shaped on its own): drawn only
    /// at a line's start.
    PostBreak(Arc<[Glyph]>),
    /// Zero-width glue after a hyphenation point carrying the letter spacing
    /// of the `tracked` glyphs before it (never a break itself).
    Tracking {
        /// Glyphs covered.
        tracked: usize,
    },
}

impl Piece {
    /// What the width of an item drawing this is multiplied by on a line
    /// whose glyphs are drawn `scale` times as wide: a word's, a
    /// ligature's or its halves', not a space's or an indent's.
    pub(super) fn scaled(&self, scale: f64) -> f64 {
        if self.draws_glyphs() {
            scale
        } else {
            1.0
        }
    }

    /// Whether its item's width is that of glyphs it draws (or of a
    /// ligature's half, drawn by its neighbour).
    pub(super) fn draws_glyphs(&self) -> bool {
        matches!(
            self,
            Piece::Glyphs(_) | Piece::Unbroken(_) | Piece::PostBreak(_)
        )
    }

    /// The glyphs whose letter spacing this glue's stretch carries (none
    /// for anything but a word space or tracking glue).
    pub(super) fn tracked(&self) -> usize {
        match self {
            Piece::Space { tracked, .. } | Piece::Tracking { tracked } => *tracked,
            _ => 0,
        }
    }
}

/// A paragraph as boxes, glue and penalties, ready for line breaking.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The items line breaking works on.
    pub(super) items: Vec<Item>,
    /// What each item draws, one per item.
    pub(super) pieces: Vec<Piece>,
    /// Alignment of the lines.
    pub(super) align: Align,
    /// Type size of every glyph.
    pub(super) size: Length,
    /// Fill colour of every glyph.
    pub(super) color: Color,
    /// The block's source line, for messages.
    pub(super) line: usize,
    /// The caller priced the breaks between words (see
    /// [`Paragraph::weigh_gaps`]), so it is broken with every line length
    /// open to weighing against those prices.
    pub(super) weighed: bool,
    /// Its glyphs have bidi levels (it has right-to-left text, or is in a
    /// right-to-left document): each set line is put in visual order.
    pub(super) bidi: bool,
    /// The direction it reads in (see
    /// [`crate::typeset::bidi::paragraph_direction`]).
    pub(super) direction: Direction,
    /// Its letters may be drawn together in a shrunk line (see
    /// `LETTER_SHRINK_EM`): justified, and set by a setter that allows it.
    pub(super) shrinks_letters: bool,
    /// How far its glyphs may widen and narrow (none unless justified;
    /// see `GlyphScaling`).
    pub(super) scaling: GlyphScaling,
    /// The breaks between characters of text written without spaces
    /// (Chinese, Japanese, Thai, …), for a display line to price by sense
    /// (see [`Paragraph::weigh_segment_breaks`]).
    pub(super) segment_breaks: Vec<SegmentGap>,
    /// Whether its Chinese or Japanese is a name or phrase in text that
    /// spaces its words (see [`ScriptShare::ideographs_few`]), kept whole
    /// where it is short (see `NAME_RUN_SHARE`).
    ///
    /// [`ScriptShare::ideographs_few`]: super::ScriptShare::ideographs_few
    pub(super) ideographs_few: bool,
    /// The shortest its last line should be, where the measure's share
    /// (`SHORT_LAST_LINE`) says too little: see `CJK_LAST_LINE_EM`.
    pub(super) min_last_line: Length,
    /// Whether a last line under `min_last_line` costs more the shorter
    /// it is, as for Chinese and Japanese (see `CJK_LAST_LINE_EM`).
    pub(super) graded_last_line: bool,
    /// A table too wide for its column, set by its headings (see
    /// [`super::by_headings`]): each line the writer broke begins a row,
    /// which the caller sets apart.
    pub(super) rows_apart: bool,
}

/// Font expansion, Hermann Zapf's hz-program as pdfTeX has it: how much
/// wider a justified paragraph's glyphs may be drawn at a glue ratio of 1,
/// and how much narrower at -1, as shares of their width (the layout's
/// `font-expansion`, 2%, microtype's default too).
///
/// A word space is all a line has to give when only its spaces stretch;
/// letter spacing adds a little, but past a hundredth of an em it shows as
/// grey gaps between letters. Drawing the glyphs a little wider shares
/// the slack out over the whole line without a gap anywhere: 2% of a
/// line of 60 letters is more than a word space. Each glue counts the
/// widening of the word before it, as the letter spacing is counted;
/// a line's glyphs all take one factor, so the line keeps one texture,
/// and it is never more than the stretch share (a looser line puts the
/// rest into its spaces).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct GlyphScaling {
    pub stretch: f64,
    pub shrink: f64,
}

impl GlyphScaling {
    /// Glyphs drawn as the font has them.
    pub const NONE: GlyphScaling = GlyphScaling {
        stretch: 0.0,
        shrink: 0.0,
    };
}

/// A place inside text without spaces where a line may break.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct SegmentGap {
    /// The breakable item: a penalty (ragged) or a glue (justified).
    pub item: usize,
    /// The characters on either side.
    pub before: char,
    pub after: char,
}

/// A typed position inside a word where it may break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum WordBreak {
    /// A discretionary hyphen (patterns or soft hyphen): draw a hyphen.
    Hyphen,
    /// A pattern hyphen in a capitalised word: a hyphen too, but only for a
    /// paragraph that cannot be set well without it.
    NameHyphen,
    /// After an explicit hyphen or dash: nothing to draw.
    Explicit,
    /// Between characters of Chinese or Japanese, or words of Thai, Lao,
    /// Khmer or Burmese (see `typeset::segment`): nothing drawn, and in
    /// justified text a little stretch.
    Segment(SegmentBreak),
    /// After a separator of a web or e-mail address, without a hyphen.
    Address,
    /// Only in an emergency (any position of an over-long word).
    Emergency,
    /// Inside an address wider than the column, between two of its
    /// separators: the last resort, after every separator.
    Anywhere,
}

impl WordBreak {
    /// The kind of penalty a hyphen of this kind is.
    pub(super) fn penalty_kind(self) -> PenaltyKind {
        match self {
            WordBreak::NameHyphen => PenaltyKind::NameHyphen,
            WordBreak::Hyphen => PenaltyKind::Hyphen,
            WordBreak::Explicit => PenaltyKind::Ordinary,
            WordBreak::Address => PenaltyKind::Address,
            WordBreak::Emergency | WordBreak::Anywhere => PenaltyKind::Emergency,
            WordBreak::Segment(_) => PenaltyKind::Ordinary,
        }
    }
}

impl Paragraph {
    /// Appends an item with what it draws; the two lists stay in step.
    pub(super) fn push(&mut self, item: Item, piece: Piece) {
        self.items.push(item);
        self.pieces.push(piece);
    }

    /// The items, for inspection and benchmarks.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Whether each line after a break the writer made begins a row of a
    /// table set as lines of text by its headings, to be set apart.
    pub fn rows_apart(&self) -> bool {
        self.rows_apart
    }

    /// The direction it reads in: an Arabic paragraph's right to left in
    /// an English leaflet, an English one's left to right in an Arabic one.
    pub fn direction(&self) -> Direction {
        self.direction
    }
}
