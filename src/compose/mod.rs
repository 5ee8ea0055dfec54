//! Composition: the document's blocks get their roles' styles from the layout
//! and are set into lines; the headline block is placed across the columns and
//! the body is flowed into pages.

mod band;
pub mod baseline;
mod body;
pub mod figure;
mod fill;
mod fit;
pub mod flow;
pub mod fold;
mod headline;
pub mod impose;
mod kept;
mod measure;
mod mirror;
mod missing;
mod more_pages;
mod optical;
pub mod pages;
pub mod pair;
pub mod picture;
mod pictures;
mod qr;
mod squares;
pub mod tag;
mod tail;
pub mod verify;

pub use pictures::default_picture_spec;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::{Error, Location, Note, Result, Warning};
use crate::layout::design::Panels;
use crate::layout::design::{Design, ImageSpec};
use crate::statement::document::{is_table, Block, BlockKind, Document, LINE_BREAK};
use crate::typeset::bidi::Direction;
use crate::typeset::fonts::FontBook;
use crate::typeset::hyphenate::{self, Hyphenator};
use crate::typeset::lang;
use crate::typeset::linebreak;
use crate::typeset::paragraph::Setter;
use crate::typeset::shape::Shaper;
use crate::typeset::system_fonts::HanRegion;
use crate::units::Length;
use band::set_band;
use baseline::BaselineGrid;
use body::{set_body_block, WordGaps};
use fit::fit_to_page;
pub use fit::LEGIBLE_BODY_PT;
use flow::{FirstPage, Grid, Obstacle};
use headline::{set_head, Head, HEADLINE_MAX_SHARE};
use kept::KeptBody;
use missing::missing_error;
use pages::{BlockLines, Page};
use picture::Picture;
use pictures::{column_pictures, picture_gap, PicturePlan};
use tail::Tail;

/// Options that do not come from the design.
#[derive(Clone, Debug, Default)]
pub struct ComposeOptions {
    /// The layout's name, for messages.
    pub layout: String,
    /// The language to set in, as [`crate::typeset::lang::choose`] chose it.
    pub lang: String,
    /// The statement's name, for messages.
    pub origin: String,
    /// The statement's text as its lines are counted (see
    /// [`crate::statement::Parsed::source`]), to give the line and column of
    /// a character no font has; without it messages give the line only.
    pub source: Option<Arc<str>>,
    /// The pictures to place, read from their files: the layout's and the
    /// statement's.
    pub pictures: Vec<Placeable>,
}

/// A picture read from its file, and where the layout puts it.
#[derive(Clone, Debug)]
pub struct Placeable {
    /// Where and how large.
    pub spec: ImageSpec,
    /// The picture.
    pub picture: Arc<Picture>,
}

/// The typeset statement.
pub struct Composed {
    /// The pages.
    pub pages: Vec<Page>,
    /// The fonts the pages use.
    pub fonts: FontBook,
    /// Things the user should know.
    pub warnings: Vec<Warning>,
    /// Things worth saying that are not problems (fallback fonts used).
    pub notes: Vec<Note>,
    /// The language the text was hyphenated and shaped in.
    pub lang: String,
    /// The body size used (chosen by fitting, or the layout's).
    pub body_size: Length,
    /// The columns the text was set in: the layout's, or one where
    /// filling found two too narrow for the size.
    pub columns: u32,
    /// The panels of a folded sheet the pages go on.
    pub panels: Panels,
    /// How far down the text area of the last page (or panel) the text
    /// reaches, from 0 (its top) to 1 (its last baseline).
    pub fill: f64,
}

/// Sets a document in a design. With `fit = "page"` the body size is the
/// largest between the layout's `min-size` and `max-size` that sets the
/// whole statement on one page, found by a search; shaping is cached across
/// the trials, so fitting costs a few compositions, not a few builds.
pub fn compose(doc: &Document, design: &Design, opts: &ComposeOptions) -> Result<Composed> {
    match compose_in(doc, design, opts, None, FontBook::new())? {
        Fitting::Set(composed) => Ok(*composed),
        // Only `--fit` asks for a fit that may fail without an error.
        Fitting::Over(message) => Err(Error::Typeset {
            at: Location::file(opts.origin.clone()),
            message,
        }),
    }
}

/// Sets a document on `pages` pages (`--fit N`): the body as large as the
/// layout allows and fits them, going below the layout's `min-size` down
/// to [`LEGIBLE_BODY_PT`] if it must, the QR code and imprint shrunk within
/// their limits first. A note says what was done. When even that does not
/// fit, the answer is [`Fitting::Over`], saying how much to cut, so that
/// the caller can add which other layout would hold the text.
pub fn compose_to_fit(
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: usize,
) -> Result<Fitting> {
    compose_in(doc, design, opts, Some(pages.max(1)), FontBook::new())
}

/// True when [`compose_to_fit`] would set the statement on `pages` pages;
/// cheaper, as it does not measure what to cut when it would not, nor
/// check the result.
pub fn would_fit(
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    pages: usize,
) -> Result<bool> {
    let n = fit_budget(design, opts, pages.max(1))?;
    let mut tools = Tools::new(design, opts, &mut Vec::new(), FontBook::new(), doc);
    fit::would_fit(&mut tools, doc, design, opts, fit::goal_for(design, n))
}

/// The pages `--fit N` fits: N, or the panels of a folded leaflet, which
/// is one sheet (so N must be 1).
fn fit_budget(design: &Design, opts: &ComposeOptions, n: usize) -> Result<usize> {
    match design.page.fold {
        Some(fold) if n > 1 => Err(Error::Layout {
            at: Location::file(opts.layout.clone()),
            message: format!(
                "--fit {n}: a folded leaflet is one sheet; --fit 1 fits the text \
                 on its {} panels",
                fold.panels()
            ),
        }),
        Some(fold) => Ok(fold.panels()),
        None => Ok(n),
    }
}

/// What [`compose_to_fit`] made of a statement.
pub enum Fitting {
    /// It fits, set (boxed: a composition is large, the other case small).
    Set(Box<Composed>),
    /// It does not fit, even at the smallest legible size: what to say,
    /// without the file's name.
    Over(String),
}

/// [`compose`] and [`compose_to_fit`]: fits the text to `fit_pages` if given,
/// else as the layout says; then checks that every word was placed. The
/// faces loaded go into `fonts`, which may hold another composition's
/// already (the other side of a two-language leaflet, see [`pair`]).
fn compose_in(
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit_pages: Option<usize>,
    fonts: FontBook,
) -> Result<Fitting> {
    let lang = &opts.lang;
    let mut warnings = Vec::new();
    let mut tools = Tools::new(design, opts, &mut warnings, fonts, doc);
    let mut notes = Vec::new();
    let composed = match (fit_pages, design.body.fit) {
        (Some(n), _) => {
            let n = fit_budget(design, opts, n)?;
            let goal = fit::goal_for(design, n);
            match fit::fit_pages(&mut tools, doc, design, opts, goal)? {
                Ok(fitted) => {
                    notes.push(fit_note(design, &fitted, goal, opts));
                    Ok(fitted)
                }
                Err(message) if tools.missing.is_empty() => return Ok(Fitting::Over(message)),
                Err(_) => Err(missing_error(&tools.missing, design, opts)),
            }
        }
        (None, None) => tools
            .compose_once(doc, design, opts, Budget::All, Tail::Full)
            .map(|trial| fit::Fitted {
                trial,
                size: design.body.size,
                design: design.clone(),
                tail: Tail::Full,
            }),
        (None, Some(fit)) => fit_to_page(&mut tools, doc, design, opts, fit, &mut warnings),
    };
    let composed = match composed {
        Ok(fitted) => {
            // Where the fitting chose the size: within its limits (`--fit`
            // goes down to its goal's floor), the one that puts whole
            // characters on a line of Chinese or Japanese.
            let floor = match (fit_pages, design.body.fit) {
                (None, None) => None,
                (None, Some(fit)) => Some(fit.min_size),
                (Some(n), _) => fit::goal_for(design, n).floor,
            };
            let fitted = match floor {
                Some(floor) => tools.whole_characters(doc, opts, fitted, floor)?,
                None => fitted,
            };
            let settled = tools.settle(doc, opts, fitted)?;
            let page = &settled.design.page;
            let set_in = (page.columns, page.panels);
            Ok((settled.trial, settled.size, set_in))
        }
        Err(e) => Err(e),
    };
    // The last composition set the whole text (fitting always ends with
    // one that does), so every character no font has is known by now; that
    // error comes before any other.
    if !tools.missing.is_empty() {
        return Err(missing_error(&tools.missing, design, opts));
    }
    let (mut trial, body_size, (columns, panels)) = composed?;
    // Only the composition kept is mirrored: fitting trials only measure.
    if Direction::of_language(lang).is_rtl() {
        trial.pages.iter_mut().for_each(mirror::mirror_page);
    }
    verify::check(doc, design, &trial.pages, &tools.fonts, &opts.origin)?;
    warnings.extend(trial.warnings);
    notes.extend(trial.notes);
    Ok(Fitting::Set(Box::new(Composed {
        pages: trial.pages,
        fonts: tools.fonts,
        warnings,
        notes,
        lang: lang.clone(),
        body_size,
        columns,
        panels,
        fill: trial.fill,
    })))
}

/// What `--fit` did, in one line: "fitted on one page: body 8.63pt (layout
/// min-size 9pt), QR code and imprint closer set (code 20 mm)".
fn fit_note(design: &Design, fitted: &fit::Fitted, goal: fit::Goal, opts: &ComposeOptions) -> Note {
    // A folded sheet's panels are its budget, however many the text fills.
    let pages = match design.page.fold {
        Some(_) => goal.pages,
        None => fitted.trial.pages.len().max(1),
    };
    let mut message = format!(
        "fitted on {}: body {}",
        fit::pages(design, pages),
        fitted.size
    );
    if fitted.size < goal.fit.min_size {
        message.push_str(&format!(" (layout min-size {})", goal.fit.min_size));
    }
    if fitted.tail == Tail::Compact {
        message.push_str(&format!(
            ", QR code and imprint closer set (code {:.0} mm)",
            qr::side(Tail::Compact).to_mm()
        ));
    }
    Note {
        at: Location::file(opts.origin.clone()),
        message,
    }
}

/// What fitting needs across trials: fonts and shaping caches, and the
/// characters no font has.
///
/// Tools serve one document with one set of options (those they were made
/// for): the kept body below is only valid for them.
struct Tools {
    fonts: FontBook,
    shaper: Shaper,
    hyphenator: Hyphenator,
    /// The hyphenators of the languages of blocks in another language than
    /// the statement's, by tag.
    others: Vec<(String, Hyphenator)>,
    missing: BTreeMap<char, usize>,
    /// The body as last set in full, when the document is short enough to
    /// keep a copy (see [`kept::small_enough_to_keep`]).
    kept: Option<KeptBody>,
    /// Whether to keep one.
    keep_body: bool,
}

/// One composition: pages and the warnings it raised.
struct Trial {
    pages: Vec<Page>,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
    /// Setting stopped early: the text cannot fit the budget.
    stopped: bool,
    /// Lines of the tail (sign-off, imprint, QR code) after the last line
    /// of text; see [`tail::alone`].
    tail_lines: usize,
    /// How far down the text area of the last page (or panel) the text
    /// reaches, from 0 (its top) to 1 (its last baseline).
    fill: f64,
    /// How far down the first page's text area the body starts, below the
    /// head, in the same measure: what a larger body size does not grow.
    head: f64,
    /// The headline's lines.
    headline_lines: HeadlineLines,
    /// The word gaps of the body's justified lines.
    gaps: WordGaps,
}

/// How a fixed-size headline was broken: what growing it may not spoil.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct HeadlineLines {
    /// Its lines.
    count: usize,
    /// Words on its last line.
    last_words: usize,
    /// Lines ending in a hyphen: a word too wide for the measure (see
    /// `headline::prepare`), which growing must not add.
    hyphenated: usize,
    /// Set smaller than its design's size to leave the text room: a
    /// headline grown into that is no larger.
    shrunk: bool,
}

impl HeadlineLines {
    /// The headline's lines on the first page: the head's lines tagged
    /// as its title (set at the layout's size, or smaller for a word too
    /// wide for the measure).
    fn of(first: &FirstPage, shrunk: bool) -> HeadlineLines {
        let mut lines = first
            .head
            .iter()
            .filter(|l| l.baseline < first.top)
            .filter(|l| l.is_title());
        let count = lines.clone().count();
        let hyphenated = lines.clone().filter(|l| l.line.hyphenated).count();
        let last_words = lines
            .next_back()
            .map_or(0, |l| l.line.text().split_whitespace().count());
        HeadlineLines {
            count,
            last_words,
            hyphenated,
            shrunk,
        }
    }
}

/// How much of the text a composition must set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Budget {
    /// All of it.
    All,
    /// Stop once it cannot fit this many pages (a fitting trial).
    Pages(usize),
}

impl Trial {
    /// True when everything was set, on at most `pages` pages.
    fn fits(&self, pages: usize) -> bool {
        !self.stopped && self.pages.len() <= pages
    }
}

impl Tools {
    /// Fresh tools for setting in `design`: a shaper and a hyphenator for
    /// the language (without one, a warning says so), with `fonts`.
    fn new(
        design: &Design,
        opts: &ComposeOptions,
        warnings: &mut Vec<Warning>,
        fonts: FontBook,
        doc: &Document,
    ) -> Tools {
        let lang = &opts.lang;
        let h = &design.hyphenation;
        // A block in another language is hyphenated by its own patterns,
        // or not at all where there are none (no warning: the statement's
        // language is the one the reader was told of).
        let mut others: Vec<(String, Hyphenator)> = Vec::new();
        for tag in doc.blocks.iter().filter_map(|b| b.language()) {
            if h.enabled && !others.iter().any(|(t, _)| t == tag) {
                let hyphenator = Hyphenator::new(tag, h.min_left, h.min_right, h.caps)
                    .filter(|_| !hyphenate::writes_without_hyphens(tag))
                    .unwrap_or_else(Hyphenator::disabled);
                others.push((tag.to_string(), hyphenator));
            }
        }
        let hyphenator = if h.enabled && !hyphenate::writes_without_hyphens(lang) {
            Hyphenator::new(lang, h.min_left, h.min_right, h.caps).unwrap_or_else(|| {
                warnings.push(Warning {
                    at: Location::file(opts.origin.clone()),
                    message: match (lang::name_of(lang), hyphenate::suggest_tag(lang)) {
                        // A language of its own, not a slip for one with patterns.
                        (Some(name), _) => format!(
                            "no hyphenation patterns for {name} (`{lang}`); setting without hyphenation"
                        ),
                        (None, Some(s)) => format!(
                            "no hyphenation patterns for language `{lang}`; setting without hyphenation (did you mean `{s}`?)"
                        ),
                        (None, None) => format!(
                            "no hyphenation patterns for language `{lang}`; setting without hyphenation (known: {})",
                            hyphenate::known_tags_hint()
                        ),
                    },
                });
                Hyphenator::disabled()
            })
        } else {
            Hyphenator::disabled()
        };
        Tools {
            fonts,
            shaper: Shaper::new(lang),
            hyphenator,
            others,
            missing: BTreeMap::new(),
            kept: None,
            keep_body: kept::small_enough_to_keep(doc),
        }
    }

    /// A paragraph setter for `design`, with these tools' fonts and caches.
    fn setter<'a>(
        &'a mut self,
        design: &'a Design,
        opts: &'a ComposeOptions,
        params: &'a linebreak::Params,
        warnings: &'a mut Vec<Warning>,
    ) -> Setter<'a> {
        let page = &design.page;
        Setter {
            fonts: &mut self.fonts,
            shaper: &mut self.shaper,
            hyphenator: &self.hyphenator,
            others: &self.others,
            params,
            hyphen_penalty: design.linebreak.hyphen_penalty,
            origin: &opts.origin,
            layout_origin: &opts.layout,
            warnings,
            fallback: &design.body.fallback,
            han: HanRegion::for_lang(&opts.lang),
            missing: &mut self.missing,
            measure: page.column_width().min(page.content_width()),
            fallbacks_reported: Default::default(),
            fallback_chars: Default::default(),
            memo: Default::default(),
            direction: Direction::of_language(&opts.lang),
            letter_shrink: true,
            font_expansion: design.linebreak.font_expansion,
            one_letter_words: crate::typeset::sense::one_letter_words(&opts.lang),
            main_letter: None,
        }
    }

    /// Sets the document once, in exactly this design: the first page's
    /// fixed parts (band, pictures, head), then the body blocks, which are
    /// flowed into pages around them, the tail set as `tail` says.
    fn compose_once(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        budget: Budget,
        tail: Tail,
    ) -> Result<Trial> {
        let set = self.set_blocks(doc, design, opts, budget, tail)?;
        let stopped = set.blocks.is_none();
        let body_top = set.first.top;
        let mut flow = match set.blocks {
            Some(blocks) => flow::flow_around(blocks, &set.grid, set.first),
            None => flow::Flow::default(),
        };
        if design.page.panels == Panels::CoverAndSpread {
            // The cover is a panel; only the spread after it is sheet-wide.
            if let Some(cover) = flow.pages.first_mut() {
                cover.width = design.page.panel_width();
            }
        }
        let area = set.grid.bottom - set.grid.top;
        let head = (body_top - set.grid.top) / area;
        let headline_lines = set.headline_lines;
        Ok(Trial {
            headline_lines,
            gaps: set.gaps,
            stopped,
            fill: (flow.last_bottom - set.grid.top) / area,
            head,
            pages: flow.pages,
            warnings: set.warnings,
            notes: set.notes,
            tail_lines: set.tail.lines,
        })
    }

    /// The first page's fixed parts and the body's blocks, set, not yet
    /// flowed into pages; no blocks when setting stopped early (the text
    /// cannot fit the budget).
    fn set_blocks(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        budget: Budget,
        tail: Tail,
    ) -> Result<SetBlocks> {
        let mut warnings = Vec::new();
        let lb = &design.linebreak;
        let params = lb.params();
        let page = &design.page;
        let (page_width, columns, gap) = match (page.fold, page.panels) {
            // The body's one page on a folded sheet's inside spread.
            (Some(fold), Panels::CoverAndSpread) => {
                let (columns, gap) = fold.spread(page.width, page.column_width());
                (page.width, columns, gap)
            }
            _ => (page.panel_width(), page.columns as usize, page.column_gap),
        };
        let grid = Grid {
            page_width,
            page_height: page.height,
            left: page.margin_left,
            top: page.margin_top,
            bottom: page.height - page.margin_bottom,
            column_width: page.column_width(),
            gap,
            columns,
            top_skip: design.body.size,
            baseline: BaselineGrid::of(design),
            rule: page.column_rule.filter(|w| *w > Length::ZERO),
            columns_apart: page.panels == Panels::CoverAndSpread,
        };
        let kept = self.kept.take();
        let keep = self.keep_body;
        let mut setter = self.setter(design, opts, &params, &mut warnings);

        // The head: headline, subtitle and meta lines before the body.
        let (head_blocks, body_blocks) = split_head(&doc.blocks);
        let (first, shrunk) = first_page(&mut setter, doc, head_blocks, design, opts)?;
        let headline_lines = HeadlineLines::of(&first, shrunk);

        // What the budget's columns hold if packed perfectly, plus a line per
        // column: text taller than that cannot fit, whatever the flow does.
        let first_room = match page.panels {
            Panels::CoverAndSpread => Length::ZERO,
            Panels::All => (grid.bottom - first.top + design.body.leading) * grid.columns as f64,
        };
        let capacity = match budget {
            Budget::Pages(n) => Some(
                first_room
                    + (grid.bottom - grid.top + design.body.leading)
                        * (grid.columns * n.saturating_sub(1)) as f64,
            ),
            Budget::All => None,
        };
        let mut gaps = WordGaps::default();
        let reuse = kept.as_ref().filter(|k| k.serves(design, capacity));
        let (set, kept) = match reuse {
            Some(k) => (Some(k.restore(&mut setter, &mut gaps)), kept),
            None => {
                // Let go before the text is set again: kept beside the new
                // setting and its copy, it would make three in memory.
                drop(kept);
                let column = grid.column_width;
                let set = set_body(
                    &mut setter,
                    body_blocks,
                    design,
                    opts,
                    column,
                    capacity,
                    &mut gaps,
                )?;
                let fresh = match &set {
                    Some((blocks, used)) if keep => {
                        Some(KeptBody::new(design, (blocks, *used), &gaps, &setter))
                    }
                    _ => None,
                };
                (set.map(|(blocks, _)| blocks), fresh)
            }
        };
        let Some(mut blocks) = set else {
            let notes = setter.fallback_note().into_iter().collect();
            self.kept = kept;
            return Ok(SetBlocks {
                grid,
                first,
                blocks: None,
                warnings,
                notes,
                tail: tail::Shape::default(),
                headline_lines,
                gaps,
            });
        };
        let shape = tail::finish(&mut setter, doc, body_blocks, design, &mut blocks, tail)?;
        let notes = setter.fallback_note().into_iter().collect();
        self.kept = kept;
        Ok(SetBlocks {
            grid,
            first,
            blocks: Some(blocks),
            warnings,
            notes,
            tail: shape,
            headline_lines,
            gaps,
        })
    }
}

/// A composition before its flow into pages.
struct SetBlocks {
    grid: Grid,
    first: FirstPage,
    /// The body's blocks; `None` when setting stopped early.
    blocks: Option<Vec<BlockLines>>,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
    /// Where the text ends and the tail begins among `blocks`.
    tail: tail::Shape,
    /// The headline's lines (see [`Trial::headline_lines`]).
    headline_lines: HeadlineLines,
    /// See [`Trial::gaps`].
    gaps: WordGaps,
}

/// The head (the headline, subtitle and meta lines the document starts
/// with, set across the columns) and the body after it. Composition and
/// the no-lost-word check must agree on it.
fn split_head(blocks: &[Block]) -> (&[Block], &[Block]) {
    let head = blocks
        .iter()
        .take_while(|b| {
            matches!(
                b.kind,
                BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta
            )
        })
        .count();
    blocks.split_at(head)
}

/// The first page's fixed parts: the band and the pictures outside the flow
/// come first, as they decide the headline's measure and what the columns
/// flow around; then the head is set across what they leave. Also whether
/// the headline was set smaller to leave the text room (see
/// [`headline::Head::shrunk`]).
fn first_page(
    setter: &mut Setter,
    doc: &Document,
    head_blocks: &[Block],
    design: &Design,
    opts: &ComposeOptions,
) -> Result<(FirstPage, bool)> {
    let page = &design.page;
    let band = set_band(setter, doc, design, &opts.lang)?;
    let foot = band.as_ref().map_or(page.height - page.margin_bottom, |b| {
        (b.fill.rect.y - design.body.size).min(page.height - page.margin_bottom)
    });
    let mut plan = PicturePlan::new(design, foot);
    plan.place_corners(&opts.pictures);
    let head_width = page.content_width() - plan.top_right_width;
    // On a folded sheet's cover the head stands alone and may fill it.
    let share = if page.panels == Panels::CoverAndSpread {
        1.0
    } else {
        HEADLINE_MAX_SHARE
    };
    let room = foot - page.margin_top;
    let Head {
        lines: mut head,
        body_top,
        end: head_end,
        shrunk,
    } = set_head(
        setter,
        head_blocks,
        design,
        head_width,
        room,
        share,
        &opts.lang,
    )?;
    // Pictures under a head keep clear of its last line's descenders (at a
    // poster's headline size they reach further down than any
    // space-after, which is made for text that follows, not for a
    // picture's hard edge).
    let descent = head.last().map_or(Length::ZERO, |l| {
        l.line
            .runs
            .iter()
            .map(|r| l.baseline + r.size * -setter.fonts.face(r.face).descender)
            .fold(Length::ZERO, Length::max)
    });
    let pictures_top = if head.is_empty() {
        head_end
    } else {
        head_end.max(descent) + plan.gap()
    };
    plan.place_top_and_bottom(&opts.pictures, pictures_top);
    if page.panels == Panels::CoverAndSpread && plan.placed.is_empty() && !head.is_empty() {
        // The cover holds nothing but the head: set as a title page, not
        // as the top of a page whose text went missing.
        let top_space = cover_top_space(room, descent - page.margin_top);
        for l in &mut head {
            l.baseline += top_space;
        }
    }
    let mut first = FirstPage {
        top: body_top,
        head,
        obstacles: plan.obstacles,
        fills: Vec::new(),
        pictures: plan.placed,
    };
    if let Some(b) = band {
        first.obstacles.push(Obstacle {
            left: Length::ZERO,
            right: page.width,
            top: b.fill.rect.y - design.body.size,
            bottom: page.height,
        });
        first.fills.push(b.fill);
        first.head.extend(b.lines);
    }
    if page.panels == Panels::CoverAndSpread {
        // The cover holds the head alone; the body starts on the spread.
        first.obstacles.push(Obstacle {
            left: Length::ZERO,
            right: page.width,
            top: first.top,
            bottom: page.height,
        });
    }
    Ok((first, shrunk))
}

/// The share of a folded sheet's cover left white above its head when
/// nothing else stands on the cover: two fifths, three below, so that the
/// head sits a little above the middle of the panel, at its optical
/// centre, as a title page's title does. At the top with the panel blank
/// under it (the tri-fold's cover is three times as tall as it is wide),
/// a title of two lines reads as a page whose text went missing.
const COVER_WHITE_ABOVE: f64 = 0.4;

/// How far down a folded sheet's cover head of `height` (from the top
/// margin to its last line's descenders) goes in `room`: its share
/// ([`COVER_WHITE_ABOVE`]) of the white the head leaves.
fn cover_top_space(room: Length, height: Length) -> Length {
    ((room - height) * COVER_WHITE_ABOVE).max(Length::ZERO)
}

/// The colons a sentence leading into a list ends with, in the scripts
/// that have their own: the common one (Latin, Greek, Cyrillic, Arabic,
/// Hebrew, Indic), the full-width and small ones of Chinese and Japanese,
/// Khmer's camnuc pii kuuh, Ethiopic's preface colon and colon, and the
/// Mongolian colon.
const COLONS: &[char] = &[':', '：', '﹕', '៖', '፦', '፥', '᠄'];

/// Most cells of tables a statement may have for them to be tagged as
/// tables (a `TD` for each cell): each costs the PDF an element of its
/// own, about 300 bytes of memory while it is written, which for a
/// statement of nothing but a membership list of 40,000 rows broke the
/// memory goal of `statement::limits` (1 MB of such tables took 128 MB,
/// 86 before). 10,000 cells is a list of 3,000 members; past that the
/// rows are read as lines of text, as every table was before.
const MAX_TAGGED_CELLS: usize = 10_000;

/// The cells of the tables among `blocks`.
fn tables_cells(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| is_table(&b.spans))
        .map(|b| {
            let chars = b.spans.iter().flat_map(|s| s.text.chars());
            chars.filter(|&c| c == '\t' || c == LINE_BREAK).count() + 1
        })
        .sum()
}

/// Marks a list's first item and its last but one to go with the item
/// after them, so that a list broken across columns or pages leaves at
/// least two of its items on each side: "We demand:" and one point at the
/// foot of a column, the other three at the head of the next, reads as a
/// list of one, and a last point alone overleaf as an afterthought (as
/// widows and orphans, a paragraph's lines). A list of three items moves
/// on whole. Keeping every list whole cost too much: a 4-point list on
/// the A6 handout then took its heading to page 2 and the fitting set the
/// body 10% smaller. (`set` holds the lines of `blocks`, one for one.)
fn keep_list_ends_together(blocks: &[Block], set: &mut [BlockLines]) {
    let is_item = |b: &Block| matches!(b.kind, BlockKind::ListItem { .. });
    let mut k = 0;
    while k < blocks.len() {
        let items = blocks[k..].iter().take_while(|b| is_item(b)).count();
        if items > 1 {
            set[k].keep_with_next = true;
            set[k + items - 2].keep_with_next = true;
        }
        k += items.max(1);
    }
}

/// The body's blocks, set: the column pictures first, then each block
/// with its spacing. `None` as soon as the text is taller than `capacity`
/// (a fitting trial that cannot succeed stops early).
fn set_body(
    setter: &mut Setter,
    body_blocks: &[Block],
    design: &Design,
    opts: &ComposeOptions,
    column: Length,
    capacity: Option<Length>,
    gaps: &mut WordGaps,
) -> Result<Option<(Vec<BlockLines>, Length)>> {
    let mut used = Length::ZERO;
    let mut blocks = Vec::with_capacity(body_blocks.len() + 1);
    // Pictures in the column flow stand first, at the top of the first column.
    for p in column_pictures(&opts.pictures, design, column) {
        used += p.lines.iter().map(|l| l.leading).sum();
        blocks.push(p);
    }
    let after_picture = !blocks.is_empty();
    let first_text = blocks.len();
    let tag_tables = tables_cells(body_blocks) <= MAX_TAGGED_CELLS;
    let mut prev: Option<&BlockKind> = None;
    for (k, block) in body_blocks.iter().enumerate() {
        let mut set = set_body_block(
            setter,
            block,
            prev,
            design,
            (column, blocks.len()),
            (gaps, &opts.lang, tag_tables),
        )?;
        // A sentence that leads into a list ("Our demands are clear:")
        // goes with the list's start, as a heading does with its text. It
        // stays on the baseline grid: it is text, not a heading.
        let next = body_blocks.get(k + 1).map(|b| &b.kind);
        if block.kind == BlockKind::Body
            && matches!(next, Some(BlockKind::ListItem { .. }))
            && block.text().trim_end().ends_with(COLONS)
        {
            set.keep_with_next = true;
        }
        if prev.is_none() && after_picture {
            set.space_before = picture_gap(design);
        }
        used += set.space_before + set.lines.iter().map(|l| l.leading).sum();
        blocks.push(set);
        prev = Some(&block.kind);
        if capacity.is_some_and(|c| used > c) {
            return Ok(None);
        }
    }
    keep_list_ends_together(body_blocks, &mut blocks[first_text..]);
    Ok(Some((blocks, used)))
}
