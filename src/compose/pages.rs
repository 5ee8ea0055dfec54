//! The page model: what a finished page holds (placed lines, rules, fills,
//! pictures) and the set lines and blocks waiting to be flowed into columns
//! (see [`crate::compose::flow`]).

use std::sync::Arc;

use crate::compose::figure::Figure;
use crate::compose::picture::Picture;
use crate::compose::tag::{Role, Tag};
use crate::style::Color;
use crate::typeset::line::Line;
use crate::units::Length;

/// A line placed in a frame.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLine {
    /// Left edge of the line, from the page's left edge.
    pub x: Length,
    /// Baseline, from the page's top edge.
    pub baseline: Length,
    /// The line.
    pub line: Line,
    /// A figure standing on this baseline (its bottom edge), if any.
    pub figure: Option<Figure>,
    /// The element it belongs to; `None` for a line that is not part of
    /// the document's content (a repeated copy on an imposed sheet).
    pub tag: Option<Tag>,
}

impl PlacedLine {
    /// Whether the line is one of the headline's.
    pub fn is_title(&self) -> bool {
        self.tag.as_ref().is_some_and(|t| t.role == Role::Title)
    }
}

/// A straight rule (column rules, bands).
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Start point from the page's top-left corner.
    pub from: (Length, Length),
    /// End point from the page's top-left corner.
    pub to: (Length, Length),
    /// Stroke width.
    pub width: Length,
}

impl Rule {
    /// The area its stroke covers: the segment widened by half the stroke
    /// on every side.
    pub fn bounds(&self) -> Rect {
        let half = self.width / 2.0;
        let (x0, x1) = (self.from.0.min(self.to.0), self.from.0.max(self.to.0));
        let (y0, y1) = (self.from.1.min(self.to.1), self.from.1.max(self.to.1));
        Rect {
            x: x0 - half,
            y: y0 - half,
            width: x1 - x0 + self.width,
            height: y1 - y0 + self.width,
        }
    }
}

/// A rectangle from the page's top-left corner (y grows downwards).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: Length,
    /// Top edge.
    pub y: Length,
    /// Width.
    pub width: Length,
    /// Height.
    pub height: Length,
}

impl Rect {
    /// The same rectangle moved by `dx`, `dy`.
    pub fn moved(self, dx: Length, dy: Length) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
    /// Right edge.
    pub fn right(&self) -> Length {
        self.x + self.width
    }
    /// Bottom edge.
    pub fn bottom(&self) -> Length {
        self.y + self.height
    }
    /// Whether the two share some area (touching edges do not count, nor
    /// does an empty rectangle).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.width > Length::ZERO
            && self.height > Length::ZERO
            && self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
}

/// A filled area (the call-to-action band). A fill that reaches the page's
/// edge is meant to run off it (print shops extend it into the bleed).
#[derive(Clone, Debug, PartialEq)]
pub struct Fill {
    /// Where.
    pub rect: Rect,
    /// In which colour.
    pub color: Color,
}

/// A picture placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPicture {
    /// The picture (shared: imposition and fitting trials place it many times).
    pub picture: Arc<Picture>,
    /// What is seen of it: the clip path.
    pub clip: Rect,
    /// Where the whole picture, upright, lands: equal to `clip`, or larger
    /// when `fit = "cover"` crops it.
    pub area: Rect,
    /// The figure element it is, if it says what it shows; `None` for a
    /// picture without alternative text (decoration to a reader).
    pub tag: Option<Tag>,
}

impl PlacedPicture {
    /// The same picture moved by `dx`, `dy`.
    pub fn moved(&self, dx: Length, dy: Length) -> PlacedPicture {
        PlacedPicture {
            picture: self.picture.clone(),
            clip: self.clip.moved(dx, dy),
            area: self.area.moved(dx, dy),
            tag: self.tag.clone(),
        }
    }

    /// The resolution it prints at: its pixels over the inches they cover
    /// (the lower of the two directions; they differ only by rounding).
    pub fn dpi(&self) -> f64 {
        let (w, h) = self.picture.shown_size();
        let across = f64::from(w) / self.area.width.to_in();
        let down = f64::from(h) / self.area.height.to_in();
        across.min(down)
    }
}

/// One finished page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// Page width (the trim size).
    pub width: Length,
    /// Page height (the trim size).
    pub height: Length,
    /// Every line on the page.
    pub lines: Vec<PlacedLine>,
    /// Rules drawn on the page.
    pub rules: Vec<Rule>,
    /// Filled areas, drawn first.
    pub fills: Vec<Fill>,
    /// Pictures, drawn after the fills and before the text.
    pub pictures: Vec<PlacedPicture>,
}

impl Page {
    /// Puts every tagged line and picture on side `side` of a two-language
    /// leaflet (see [`crate::compose::tag::ElementId::side`]).
    pub fn mark_side(&mut self, side: u8) {
        let tags = self
            .lines
            .iter_mut()
            .filter_map(|l| l.tag.as_mut())
            .chain(self.pictures.iter_mut().filter_map(|p| p.tag.as_mut()));
        for tag in tags {
            tag.element.side = side;
        }
    }

    /// The page with no element on it: what is drawn stays, but is no part
    /// of the document's structure (see [`crate::compose::tag`]).
    pub fn untagged(mut self) -> Page {
        for l in &mut self.lines {
            l.tag = None;
        }
        for p in &mut self.pictures {
            p.tag = None;
        }
        self
    }

    /// Puts everything on `other` onto this page, moved by `dx`, `dy`
    /// (imposition and folding place whole pages on sheets).
    pub fn place(&mut self, other: Page, dx: Length, dy: Length) {
        self.lines
            .extend(other.lines.into_iter().map(|l| PlacedLine {
                x: l.x + dx,
                baseline: l.baseline + dy,
                ..l
            }));
        self.rules.extend(other.rules.into_iter().map(|r| Rule {
            from: (r.from.0 + dx, r.from.1 + dy),
            to: (r.to.0 + dx, r.to.1 + dy),
            width: r.width,
        }));
        self.fills.extend(other.fills.into_iter().map(|f| Fill {
            rect: f.rect.moved(dx, dy),
            color: f.color,
        }));
        self.pictures
            .extend(other.pictures.iter().map(|p| p.moved(dx, dy)));
    }
}

/// A line waiting to be placed in a column, with its horizontal offset inside the column.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnLine {
    /// Offset from the column's left edge (list indents, centring).
    pub x: Length,
    /// Baseline-to-baseline distance above this line.
    pub leading: Length,
    /// The line.
    pub line: Line,
    /// A figure whose bottom stands on the baseline; `leading` is its height.
    pub figure: Option<Figure>,
    /// A picture standing on the baseline, its rectangles relative to the
    /// line's left edge and top (`leading` above the baseline); `leading`
    /// is its height.
    pub picture: Option<PlacedPicture>,
    /// The element it belongs to.
    pub tag: Option<Tag>,
}

/// A block's lines with its vertical rules.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockLines {
    /// The lines, top to bottom.
    pub lines: Vec<ColumnLine>,
    /// Extra space above the block (dropped at the top of a column).
    pub space_before: Length,
    /// A heading: never the last thing in a column.
    pub keep_with_next: bool,
    /// Fewest lines of the block at the top of a column after a split.
    pub widows: usize,
    /// Fewest lines of the block at the bottom of a column before a split.
    pub orphans: usize,
    /// Its lines stand on the baseline grid, if there is one: body text.
    /// A heading's lines do not (its block is whole lines instead), nor
    /// the QR code and its caption, which stand together.
    pub on_grid: bool,
    /// A table's headings' row, set again at the top of each column the
    /// table goes on in (untagged: the reader has read it once).
    pub header: Option<ColumnLine>,
}

#[cfg(test)]
impl BlockLines {
    /// For tests: a paragraph of `n` copies of `line`, 12pt apart, with
    /// `space_before` above it, two widows and orphans, on the grid.
    pub(crate) fn of_lines(n: usize, line: &Line, space_before: Length) -> BlockLines {
        BlockLines {
            header: None,
            lines: (0..n)
                .map(|_| ColumnLine {
                    x: Length::ZERO,
                    leading: Length::pt(12.0),
                    line: line.clone(),
                    figure: None,
                    picture: None,
                    tag: None,
                })
                .collect(),
            space_before,
            keep_with_next: false,
            widows: 2,
            orphans: 2,
            on_grid: true,
        }
    }
}
