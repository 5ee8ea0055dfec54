//! The tools a composition is set with, and one composition with them.
//!
//! Fitting tries a statement at many sizes; what does not change from one
//! trial to the next (fonts, shaping caches, hyphenators, the body as last
//! set) is kept in [`Tools`], so that a trial costs a composition, not a
//! build. One composition ([`Tools::compose_once`]) sets the first page's
//! fixed parts and the body's blocks ([`Tools::set_blocks`]), then flows
//! them into pages. Fitting (`fit`, `squares`), settling the tail (`tail`)
//! and the legible measure (`measure`) add their own methods to `Tools`
//! in their modules.

use std::collections::BTreeMap;

use super::back;
use super::baseline::BaselineGrid;
use super::body::WordGaps;
use super::first_page::{first_page, split_head};
use super::flow::{self, FirstPage, Grid};
use super::kept::{self, KeptBody};
use super::pages::{BlockLines, Page};
use super::set_body::set_body;
use super::tail::{self, Tail};
use super::ComposeOptions;
use crate::error::{Location, Note, Result, Warning};
use crate::layout::design::{Design, Panels};
use crate::statement::document::Document;
use crate::typeset::bidi::Direction;
use crate::typeset::fonts::FontBook;
use crate::typeset::hyphenate::{self, Hyphenator};
use crate::typeset::lang;
use crate::typeset::linebreak;
use crate::typeset::paragraph::{KnownTrials, Setter};
use crate::typeset::shape::Shaper;
use crate::typeset::system_fonts::HanRegion;
use crate::units::Length;

/// What fitting needs across trials: fonts and shaping caches, and the
/// characters no font has.
///
/// Tools serve one document with one set of options (those they were made
/// for): the kept body below is only valid for them.
pub(super) struct Tools {
    pub(super) fonts: FontBook,
    shaper: Shaper,
    /// Trials of the head's lines, kept from one composition to the next.
    known: KnownTrials,
    hyphenator: Hyphenator,
    /// The hyphenators of the languages of blocks in another language than
    /// the statement's, by tag.
    others: Vec<(String, Hyphenator)>,
    pub(super) missing: BTreeMap<char, usize>,
    /// The body as last set in full, when the document is short enough to
    /// keep a copy (see [`kept::small_enough_to_keep`]).
    pub(super) kept: Option<KeptBody>,
    /// Whether to keep one.
    pub(super) keep_body: bool,
}

/// One composition: pages and the warnings it raised.
pub(super) struct Trial {
    pub(super) pages: Vec<Page>,
    pub(super) warnings: Vec<Warning>,
    pub(super) notes: Vec<Note>,
    /// Setting stopped early: the text cannot fit the budget.
    stopped: bool,
    /// Lines of the tail (sign-off, imprint, QR code) after the last line
    /// of text; see [`tail::alone`].
    pub(super) tail_lines: usize,
    /// How far down the text area of the last page (or panel) the text
    /// reaches, from 0 (its top) to 1 (its last baseline).
    pub(super) fill: f64,
    /// How far down the first page's text area the body starts, below the
    /// head, in the same measure: what a larger body size does not grow.
    pub(super) head: f64,
    /// The headline's lines.
    pub(super) headline_lines: HeadlineLines,
    /// The word gaps of the body's justified lines.
    pub(super) gaps: WordGaps,
    /// A folded sheet's back panel, when the text is set on its cover and
    /// spread and has an imprint or a QR code (see [`back`]).
    pub(super) back: Option<Page>,
}

/// How a fixed-size headline was broken: what growing it may not spoil.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct HeadlineLines {
    /// Its lines.
    pub(super) count: usize,
    /// Words on its last line.
    pub(super) last_words: usize,
    /// Lines ending in a hyphen: a word too wide for the measure (see
    /// `headline::prepare`), which growing must not add.
    pub(super) hyphenated: usize,
    /// Set smaller than its design's size to leave the text room: a
    /// headline grown into that is no larger.
    pub(super) shrunk: bool,
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
pub(super) enum Budget {
    /// All of it.
    All,
    /// Stop once it cannot fit this many pages (a fitting trial).
    Pages(usize),
}

impl Trial {
    /// True when everything was set, on at most `pages` pages.
    pub(super) fn fits(&self, pages: usize) -> bool {
        !self.stopped && self.pages.len() <= pages
    }
}

impl Tools {
    /// Fresh tools for setting in `design`: a shaper and a hyphenator for
    /// the language (without one, a warning says so), with `fonts`.
    pub(super) fn new(
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
        // A text whose language handbill cannot tell is hyphenated by none,
        // as the language warning has said.
        let undetermined = lang == lang::UNDETERMINED;
        let hyphenator = if h.enabled && !undetermined && !hyphenate::writes_without_hyphens(lang) {
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
            known: KnownTrials::default(),
            hyphenator,
            others,
            missing: BTreeMap::new(),
            kept: None,
            keep_body: kept::small_enough_to_keep(doc),
        }
    }

    /// A paragraph setter for `design`, with these tools' fonts and caches.
    pub(super) fn setter<'a>(
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
            known: &mut self.known,
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
    pub(super) fn compose_once(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        budget: Budget,
        tail: Tail,
    ) -> Result<Trial> {
        let mut set = self.set_blocks(doc, design, opts, budget, tail)?;
        let stopped = set.blocks.is_none();
        let body_top = set.first.top;
        let mut back = None;
        let mut tail_lines = set.tail.lines;
        if let (Some(blocks), Some(k), Panels::CoverAndSpread) =
            (&mut set.blocks, set.tail.back, design.page.panels)
        {
            back = blocks
                .get(k..)
                .filter(|moving| !moving.is_empty())
                .and_then(|moving| back::panel(moving, &set.grid, design.page.panel_width()));
            if back.is_some() {
                let moved = blocks.split_off(k);
                let lines: usize = moved.iter().map(|b| b.lines.len()).sum();
                tail_lines = tail_lines.saturating_sub(lines);
            }
        }
        let mut flow = match set.blocks {
            Some(blocks) => flow::flow_around(blocks, &set.grid, set.first),
            None => flow::Flow::default(),
        };
        if let Some(back) = &mut back {
            back::after(back, &flow.pages);
        }
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
            tail_lines,
            back,
        })
    }

    /// The first page's fixed parts and the body's blocks, set, not yet
    /// flowed into pages; no blocks when setting stopped early (the text
    /// cannot fit the budget).
    pub(super) fn set_blocks(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        budget: Budget,
        tail: Tail,
    ) -> Result<SetBlocks> {
        let mut warnings = Vec::new();
        let params = design.linebreak.params();
        let grid = body_grid(design);
        let kept = self.kept.take();
        let keep = self.keep_body;
        let mut setter = self.setter(design, opts, &params, &mut warnings);

        // The head: headline, subtitle and meta lines before the body.
        let (head_blocks, body_blocks) = split_head(&doc.blocks);
        let (first, shrunk) = first_page(&mut setter, doc, head_blocks, design, opts)?;
        let headline_lines = HeadlineLines::of(&first, shrunk);

        let capacity = capacity(&grid, first.top, design, budget);
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
        let (blocks, shape) = match set {
            Some(mut blocks) => {
                let shape = tail::finish(&mut setter, doc, body_blocks, design, &mut blocks, tail)?;
                (Some(blocks), shape)
            }
            None => (None, tail::Shape::default()),
        };
        let notes = setter.fallback_note().into_iter().collect();
        self.kept = kept;
        Ok(SetBlocks {
            grid,
            first,
            blocks,
            warnings,
            notes,
            tail: shape,
            headline_lines,
            gaps,
        })
    }
}

/// The grid the body of `design` flows in: its page's columns, or on a
/// folded sheet set as cover and spread, the spread's.
fn body_grid(design: &Design) -> Grid {
    let page = &design.page;
    let (page_width, columns, gap) = match (page.fold, page.panels) {
        // The body's one page on a folded sheet's inside spread.
        (Some(fold), Panels::CoverAndSpread) => {
            let (columns, gap) = fold.spread(page.width, page.column_width());
            (page.width, columns, gap)
        }
        _ => (page.panel_width(), page.columns as usize, page.column_gap),
    };
    Grid {
        page_width,
        page_height: page.height,
        left: page.margin_left,
        top: page.margin_top,
        bottom: page.height - page.margin_bottom,
        column_width: page.column_width(),
        gap,
        columns,
        top_skip: design.body.size,
        leading: design.body.leading,
        baseline: BaselineGrid::of(design),
        rule: page.column_rule.filter(|w| *w > Length::ZERO),
        columns_apart: page.panels == Panels::CoverAndSpread,
    }
}

/// What the columns of `budget` hold if packed perfectly, plus a line per
/// column, the body starting at `top` on the first page: text taller than
/// that cannot fit, whatever the flow does. `None` for no budget.
fn capacity(grid: &Grid, top: Length, design: &Design, budget: Budget) -> Option<Length> {
    let first_room = match design.page.panels {
        Panels::CoverAndSpread => Length::ZERO,
        Panels::All => (grid.bottom - top + design.body.leading) * grid.columns as f64,
    };
    match budget {
        Budget::Pages(n) => Some(
            first_room
                + (grid.bottom - grid.top + design.body.leading)
                    * (grid.columns * n.saturating_sub(1)) as f64,
        ),
        Budget::All => None,
    }
}

/// A composition before its flow into pages.
pub(super) struct SetBlocks {
    pub(super) grid: Grid,
    pub(super) first: FirstPage,
    /// The body's blocks; `None` when setting stopped early.
    pub(super) blocks: Option<Vec<BlockLines>>,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
    /// Where the text ends and the tail begins among `blocks`.
    pub(super) tail: tail::Shape,
    /// The headline's lines (see [`Trial::headline_lines`]).
    headline_lines: HeadlineLines,
    /// See [`Trial::gaps`].
    gaps: WordGaps,
}
