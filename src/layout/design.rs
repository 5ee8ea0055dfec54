//! The design a layout gives the compose stage: the page and its columns,
//! the type of each part of the leaflet, the band, the pictures, and the
//! hyphenation and line-breaking settings the typesetter is run with.
//!
//! These are plain checked values; `layout` reads them from TOML, and
//! nothing here knows about files.

use std::path::PathBuf;

use crate::error::Location;
use crate::style::{Align, Color, Fallback, FontRef, Paper, Weight};
use crate::typeset::linebreak;
use crate::units::Length;

/// Everything a layout says about how the leaflet looks.
#[derive(Clone, Debug, PartialEq)]
pub struct Design {
    /// Paper, margins, columns.
    pub page: PageSpec,
    /// The running text.
    pub body: BodySpec,
    /// The statement's title.
    pub headline: HeadlineSpec,
    /// The date / organisation line under the headline.
    pub meta: MetaSpec,
    /// Section headings in the text.
    pub heading: HeadingSpec,
    /// Hyphenation settings.
    pub hyphenation: HyphenationSpec,
    /// Knuth–Plass parameters.
    pub linebreak: LineBreakSpec,
    /// The call-to-action band at the foot of the first page.
    pub band: BandSpec,
    /// Pictures, in the order they are written (`[[image]]`).
    pub images: Vec<ImageSpec>,
    /// How a statement and its translation share the paper.
    pub pair: Arrangement,
}

/// The call-to-action band: a full-width colour field at the foot of the
/// page, holding where and when, drawn only when there is such text.
#[derive(Clone, Debug, PartialEq)]
pub struct BandSpec {
    /// The field's colour.
    pub color: Color,
    /// The text's colour (contrasting with `color`).
    pub text_color: Color,
    /// Typeface.
    pub font: FontRef,
    /// Type size.
    pub size: Length,
    /// Baseline to baseline.
    pub leading: Length,
    /// Weight.
    pub weight: Weight,
    /// `Left`, `Center` or `Right`.
    pub align: Align,
    /// Space between the field's top edge and the text.
    pub padding: Length,
    /// Where, when the statement does not say (`where` in front matter).
    pub place: Option<String>,
    /// When, when the statement does not say (`when` in front matter).
    pub when: Option<String>,
}

/// One picture of a layout (`[[image]]`).
#[derive(Clone, Debug, PartialEq)]
pub struct ImageSpec {
    /// The file, resolved against the layout's directory; `None` is the
    /// place for the statement's own picture (front matter `image`).
    pub file: Option<PathBuf>,
    /// `file` as written, for messages.
    pub shown: String,
    /// Where `file` (or the table) was written.
    pub at: Location,
    /// Where the picture goes.
    pub place: ImagePlace,
    /// Its width: a length or a share of the area's width.
    pub width: Extent,
    /// Its height, if given (else the picture's own proportions decide).
    pub height: Option<Extent>,
    /// How the picture fills a `width` × `height` box.
    pub fit: Fit,
    /// What the picture shows, for readers who cannot see it (a tagged
    /// PDF's /Alt); without it the picture counts as decoration.
    pub alt: Option<String>,
}

/// Where a picture goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ImagePlace {
    /// A named area of the page.
    Area(ImageArea),
    /// Its top-left corner, from the page's top-left corner.
    At {
        /// From the left edge.
        x: Length,
        /// From the top edge.
        y: Length,
    },
}

/// The named places for pictures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageArea {
    /// Across the text area, under the headline, above the columns.
    Top,
    /// At the top of the first column, in the text's flow.
    Column,
    /// Across the text area, at its foot (above the band).
    Bottom,
    /// In the text area's top-right corner (a logo); the headline is set beside it.
    TopRight,
    /// In the text area's bottom-right corner (a logo).
    BottomRight,
}

/// A width or height of a picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    /// An absolute length.
    Length(Length),
    /// A percentage (0–100] of the area's width or height.
    Percent(f64),
}

impl Extent {
    /// The length this is in an area `of` long.
    pub fn of(self, of: Length) -> Length {
        match self {
            Extent::Length(l) => l,
            Extent::Percent(p) => of * (p / 100.0),
        }
    }
}

/// How a picture fills its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// All of it, as large as fits the box.
    Contain,
    /// The whole box, cropping what sticks out (through a clip path).
    Cover,
}

/// The sheet and the text area on it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSpec {
    /// The paper, named or custom.
    pub paper: Paper,
    /// The page width, after orientation.
    pub width: Length,
    /// The page height, after orientation.
    pub height: Length,
    /// Top margin.
    pub margin_top: Length,
    /// Bottom margin.
    pub margin_bottom: Length,
    /// Left margin.
    pub margin_left: Length,
    /// Right margin.
    pub margin_right: Length,
    /// Number of columns, 1 to 12.
    pub columns: u32,
    /// Space between columns.
    pub column_gap: Length,
    /// Width of a vertical rule centred in each gap, if any.
    pub column_rule: Option<Length>,
    /// How the sheet is folded; the margins and columns are then each panel's.
    pub fold: Option<Fold>,
    /// Which panels of a folded sheet the text flows through: chosen by
    /// fitting, not by the layout.
    pub panels: Panels,
    /// The page is one half of a two-language poster, the other language
    /// beside it: its columns have a neighbour even when it has one.
    pub beside: bool,
    /// The share of its height a picture across the top keeps, when fitting
    /// made it smaller so that the text keeps to its pages; `None` (the
    /// layout's own size) unless fitting chose it.
    pub top_picture_share: Option<f64>,
}

impl PageSpec {
    /// The pages the text may flow onto: the panels it uses on a folded
    /// sheet, else `None` (as many as it needs).
    pub fn panel_budget(&self) -> Option<usize> {
        self.fold.map(|f| f.pages(self.panels))
    }

    /// Width of the page the text is set on: the sheet, or one panel of a
    /// folded sheet.
    pub fn panel_width(&self) -> Length {
        match self.fold {
            Some(f) => f.panel_width(self.width),
            None => self.width,
        }
    }

    /// Width of the text area: the panel less the left and right margins.
    pub fn content_width(&self) -> Length {
        self.panel_width() - self.margin_left - self.margin_right
    }

    /// Height of the text area: the page less the top and bottom margins.
    pub fn content_height(&self) -> Length {
        self.height - self.margin_top - self.margin_bottom
    }

    /// Width of one column: the text area less the gaps, shared out.
    pub fn column_width(&self) -> Length {
        let n = f64::from(self.columns.max(1));
        (self.content_width() - self.column_gap * (n - 1.0)) / n
    }
}

/// The running text.
#[derive(Clone, Debug, PartialEq)]
pub struct BodySpec {
    /// Fit the text to the page by choosing the body size; `None` keeps `size`.
    pub fit: Option<FitSpec>,
    /// Typeface.
    pub font: FontRef,
    /// Type size.
    pub size: Length,
    /// Baseline to baseline.
    pub leading: Length,
    /// `Justify` or `Left`.
    pub align: Align,
    /// Extra space between paragraphs.
    pub paragraph_spacing: Length,
    /// First-line indent of a paragraph that follows another body paragraph.
    pub indent: Length,
    /// Minimum lines of a paragraph at the top of a column.
    pub widows: u32,
    /// Minimum lines of a paragraph at the bottom of a column.
    pub orphans: u32,
    /// Body lines of every column on one grid of baselines, spaces in
    /// half lines (the compose stage's baseline grid).
    pub baseline_grid: bool,
    /// Text colour.
    pub color: Color,
    /// Fonts tried, in order, for a character the text's own font lacks
    /// (in every part of the leaflet, not only the body).
    pub fallback: Fallback,
}

/// How the body size is chosen to fill the page (`fit = "page"`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitSpec {
    /// The smallest body size allowed.
    pub min_size: Length,
    /// The largest body size allowed.
    pub max_size: Length,
    /// What happens when the text does not fit even at `min_size`.
    pub overflow: Overflow,
}

/// What to do with text that does not fit its pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// Set it at the layout's `size` on as many pages as it needs.
    MorePages,
    /// Stop with an error saying by how much it overflows.
    Error,
}

/// The statement's title.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineSpec {
    /// Typeface.
    pub font: FontRef,
    /// Type size; with `fit`, the largest (`max-size`).
    pub size: Length,
    /// Baseline to baseline at `size`; with `fit` it keeps its proportion
    /// to the size chosen.
    pub leading: Length,
    /// Choose the size that fits (`size = "fit"`); `None` sets it at `size`.
    pub fit: Option<HeadlineFit>,
    /// `Left`, `Center` or `Right`.
    pub align: Align,
    /// Weight.
    pub weight: Weight,
    /// Colour.
    pub color: Color,
    /// Space below the headline.
    pub space_after: Length,
    /// The subtitle's size, where more than this headline decides it (the
    /// halves of a pair share one); `None` scales it from the headline's
    /// size as set. Not a layout key.
    pub subtitle_size: Option<Length>,
}

/// How the headline's size is chosen with `size = "fit"`: the largest
/// between `min_size` and `max_size` at which it takes at most `max_lines`
/// lines of the full measure, never hyphenated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeadlineFit {
    /// The smallest size allowed.
    pub min_size: Length,
    /// The largest size allowed.
    pub max_size: Length,
    /// The most lines the headline may take.
    pub max_lines: u32,
    /// The range is room to grow, not a size to fit: a size above
    /// `min_size` is taken only where the headline breaks there by sense
    /// and evenly; otherwise it is set at `min_size` as a headline of that
    /// fixed size would be. Not a layout key: handbill sets it where a
    /// headline may grow into room it has (a folded sheet's cover).
    pub growth_only: bool,
}

/// The small date / organisation line under the headline.
#[derive(Clone, Debug, PartialEq)]
pub struct MetaSpec {
    /// Typeface.
    pub font: FontRef,
    /// Type size.
    pub size: Length,
    /// Colour.
    pub color: Color,
    /// Space below the line.
    pub space_after: Length,
}

/// Section headings in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadingSpec {
    /// Typeface.
    pub font: FontRef,
    /// Type size.
    pub size: Length,
    /// Weight.
    pub weight: Weight,
    /// Space above a heading.
    pub space_before: Length,
    /// Space below a heading.
    pub space_after: Length,
}

/// Hyphenation settings.
#[derive(Clone, Debug, PartialEq)]
pub struct HyphenationSpec {
    /// Whether to hyphenate at all.
    pub enabled: bool,
    /// BCP 47 language tag, as written.
    pub lang: String,
    /// Where a user's layout file sets `lang`; `None` when it comes from a
    /// built-in layout, where it is only a default: the statement's language
    /// is then detected from its text.
    pub lang_set_at: Option<Location>,
    /// Shortest fragment before a hyphen, in characters.
    pub min_left: usize,
    /// Shortest fragment after a hyphen, in characters.
    pub min_right: usize,
    /// Whether to hyphenate words written in capitals.
    pub caps: bool,
}

/// A paragraph's last line narrower than this share of the measure is
/// short: about eight characters on a column of sixty ("gle.", "able."),
/// too little for a line of its own.
pub(crate) const SHORT_LAST_LINE: f64 = 0.15;

/// Demerits for a short last line: what a line stretched to about 1.7
/// times its spaces' stretch costs (badness 490), so the breaker sets a
/// line that loose rather than leave a stub. Within tolerance a short last
/// line is not accepted at all (see the line breaker's passes).
const SHORT_LAST_LINE_DEMERITS: f64 = 250000.0;

/// Knuth–Plass line-breaking parameters, as in TeX.
#[derive(Clone, Debug, PartialEq)]
pub struct LineBreakSpec {
    /// Badness allowed in the first pass (no hyphenation); -1 skips it.
    pub pretolerance: f64,
    /// Badness allowed in the second pass.
    pub tolerance: f64,
    /// Added to every line's badness before squaring.
    pub line_penalty: f64,
    /// Penalty for breaking at a hyphen.
    pub hyphen_penalty: f64,
    /// Demerits for adjacent lines of incompatible fitness classes.
    pub adj_demerits: f64,
    /// Demerits for two consecutive hyphenated lines.
    pub double_hyphen_demerits: f64,
    /// Demerits for a hyphenated second-last line.
    pub final_hyphen_demerits: f64,
    /// Extra stretch per line in the emergency pass.
    pub emergency_stretch: Length,
    /// How much wider or narrower than the font has them a justified
    /// line's glyphs may be drawn, as a share (0.02 for 2%; see
    /// `GlyphScaling` in the typesetter).
    pub font_expansion: f64,
    /// Most hyphenated lines in a row; 0 means no limit.
    pub hyphen_limit: u32,
}

impl LineBreakSpec {
    /// The line breaker's parameters.
    pub fn params(&self) -> linebreak::Params {
        linebreak::Params {
            pretolerance: self.pretolerance,
            tolerance: self.tolerance,
            line_penalty: self.line_penalty,
            adj_demerits: self.adj_demerits,
            double_hyphen_demerits: self.double_hyphen_demerits,
            final_hyphen_demerits: self.final_hyphen_demerits,
            emergency_stretch: self.emergency_stretch,
            short_last_line: SHORT_LAST_LINE,
            short_last_line_demerits: SHORT_LAST_LINE_DEMERITS,
            grade_short_last_line: false,
            max_hyphen_run: self.hyphen_limit as usize,
        }
    }
}

/// How a sheet is folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    /// Two parallel folds, one panel rolled inside the other: six panels.
    Trifold,
}

/// Which of a folded sheet's panels the text flows through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panels {
    /// Every panel, in reading order: the head and the body's start on
    /// the cover, then the flap, the inside spread and the back.
    #[default]
    All,
    /// The head alone on the cover, then the body across the inside
    /// spread's three panels, which are read side by side when the sheet is
    /// open. The back holds the imprint and QR code, if there are any, at
    /// its foot; the flap stays free.
    CoverAndSpread,
}

impl Fold {
    /// The names accepted for `fold`.
    pub const NAMES: &'static [&'static str] = &["none", "trifold"];
}

/// How the two statements of a pair share the paper (layout `[pair]
/// arrangement`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// The first on page 1, the second on page 2: front and back of the
    /// sheet when printed on both sides. For leaflets and flyers, which
    /// are turned over in the hand.
    Sides,
    /// Both on one page, the first on the left half, the second on the
    /// right, a rule between them. For posters, which have one side to
    /// be seen from.
    Columns,
}
