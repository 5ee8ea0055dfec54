//! Composition: the document's blocks get their roles' styles from the layout
//! and are set into lines; the headline block is placed across the columns and
//! the body is flowed into pages.

pub mod design;
pub mod figure;
pub mod fold;
pub mod impose;
pub mod pages;
pub mod picture;

use std::sync::Arc;

use crate::statement::document::{Block, BlockKind, Document, Span, Style};
use std::collections::BTreeMap;

use crate::compose::pages::{
    BlockLines, ColumnLine, Fill, FirstPage, FlowReport, Grid, Obstacle, Page, PlacedLine,
    PlacedPicture, Rect,
};
use crate::compose::picture::Picture;
use crate::error::{Error, Location, Note, Result, Warning};
use crate::style::{Align, FontRef, Weight};
use crate::typeset::fonts::FontBook;
use crate::typeset::hyphenate::{self, Hyphenator};
use crate::typeset::linebreak;
use crate::typeset::paragraph::{Setter, TextStyle};
use crate::typeset::shape::Shaper;
use crate::units::Length;
use design::{
    Design, Extent, Fit, FitSpec, HeadlineFit, ImageArea, ImagePlace, ImageSpec, LineBreakSpec,
    Overflow,
};

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
    /// How the last page's columns came out.
    pub flow: FlowReport,
    /// The body size used (chosen by fitting, or the layout's).
    pub body_size: Length,
}

/// Sets a document in a design. With `fit = "page"` the body size is the
/// largest between the layout's `min-size` and `max-size` that sets the
/// whole statement on one page, found by bisection; shaping is cached across
/// the trials, so fitting costs a few compositions, not a few builds.
pub fn compose(doc: &Document, design: &Design, opts: &ComposeOptions) -> Result<Composed> {
    let lang = &opts.lang;
    let mut warnings = Vec::new();
    let h = &design.hyphenation;
    let hyphenator = if h.enabled {
        Hyphenator::new(lang, h.min_left, h.min_right, h.caps).unwrap_or_else(|| {
            warnings.push(Warning {
                at: Location::file(opts.origin.clone()),
                message: match hyphenate::suggest_tag(lang) {
                    Some(s) => format!(
                        "no hyphenation patterns for language `{lang}`; setting without hyphenation (did you mean `{s}`?)"
                    ),
                    None => format!(
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
    let mut tools = Tools {
        fonts: FontBook::new(),
        shaper: Shaper::new(lang),
        hyphenator,
        missing: BTreeMap::new(),
    };
    let composed = match design.body.fit {
        None => tools
            .compose_once(doc, design, opts, Budget::All)
            .map(|t| (t, design.body.size)),
        Some(fit) => fit_to_page(&mut tools, doc, design, opts, fit, &mut warnings),
    };
    // The last composition set the whole text (fitting always ends with
    // one that does), so every character no font has is known by now; that
    // error comes before any other.
    if !tools.missing.is_empty() {
        return Err(missing_error(&tools.missing, design, opts));
    }
    let (trial, body_size) = composed?;
    warnings.extend(trial.warnings);
    Ok(Composed {
        pages: trial.pages,
        fonts: tools.fonts,
        warnings,
        notes: trial.notes,
        lang: lang.clone(),
        flow: trial.flow,
        body_size,
    })
}

/// Most characters a missing-font error names one by one.
const MISSING_LISTED: usize = 8;

/// A character no font has, and where it first occurs.
struct Missing {
    c: char,
    /// The line of the first block it is in.
    block_line: usize,
    /// Its line and column, when the statement's text was given.
    at: Option<(usize, usize)>,
}

impl Missing {
    /// `line:column`, or `line` when the column is not known.
    fn place(&self) -> String {
        match self.at {
            Some((line, column)) => format!("{line}:{column}"),
            None => self.block_line.to_string(),
        }
    }
}

/// The error for characters no font of the chain has: each with its line and
/// column (its first occurrence), all in one line.
fn missing_error(missing: &BTreeMap<char, usize>, design: &Design, opts: &ComposeOptions) -> Error {
    let mut found: Vec<Missing> = missing
        .iter()
        .map(|(&c, &block_line)| Missing {
            c,
            block_line,
            at: opts
                .source
                .as_deref()
                .and_then(|s| crate::statement::locate(s, block_line, c)),
        })
        .collect();
    found.sort_by_key(|m| m.at.unwrap_or((m.block_line, 0)));
    let first = &found[0];
    let at = match first.at {
        Some((line, column)) => Location::at(opts.origin.clone(), line, column),
        None => Location {
            file: opts.origin.clone(),
            line: Some(first.block_line),
            column: None,
        },
    };
    let mut listed: Vec<String> = found
        .iter()
        .take(MISSING_LISTED)
        .enumerate()
        .map(|(k, m)| {
            let name = format!("“{}” (U+{:04X})", m.c, m.c as u32);
            // The first one's place leads the message.
            if k == 0 {
                name
            } else {
                format!("{name} at {}", m.place())
            }
        })
        .collect();
    if found.len() > MISSING_LISTED {
        listed.push(format!("and {} more", found.len() - MISSING_LISTED));
    }
    let chain: Vec<String> = design
        .body
        .fallback
        .iter()
        .map(|f| match f {
            FontRef::Family(n) => n.clone(),
            FontRef::File(p) => p.display().to_string(),
        })
        .collect();
    let them = if found.len() == 1 { "it" } else { "them" };
    Error::Typeset {
        at,
        message: format!(
            "no font can show {}: neither the text's font nor the fallback chain ({}) has {them}; \
             remove {them}, or add a font that has {them} to `fallback` in [body] of the layout",
            listed.join(", "),
            chain.join(", "),
        ),
    }
}

/// What fitting needs across trials: fonts and shaping caches, and the
/// characters no font has.
struct Tools {
    fonts: FontBook,
    shaper: Shaper,
    hyphenator: Hyphenator,
    missing: BTreeMap<char, usize>,
}

/// One composition: pages and the warnings it raised.
struct Trial {
    pages: Vec<Page>,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
    flow: FlowReport,
    /// Setting stopped early: the text cannot fit the budget.
    stopped: bool,
}

/// The layout with its body set at `size`; leading, spacing and indents
/// keep their proportion to the size.
fn scaled(design: &Design, size: Length) -> Design {
    let mut l = design.clone();
    let k = size / design.body.size;
    l.body.size = size;
    l.body.leading = design.body.leading * k;
    l.body.paragraph_spacing = design.body.paragraph_spacing * k;
    l.body.indent = design.body.indent * k;
    l.linebreak.emergency_stretch = design.linebreak.emergency_stretch * k;
    l
}

/// Finds the largest body size that keeps the statement on one page.
/// Trials stop setting text as soon as it cannot fit one page any more, so a
/// long statement costs little more than one full composition.
fn fit_to_page(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit: FitSpec,
    warnings: &mut Vec<Warning>,
) -> Result<(Trial, Length)> {
    let n = page_budget(design);
    let budget = Budget::Pages(n);
    let largest = tools.compose_once(doc, &scaled(design, fit.max_size), opts, budget)?;
    if largest.fits(n) {
        return Ok((largest, fit.max_size));
    }
    drop(largest);
    let smallest = tools.compose_once(doc, &scaled(design, fit.min_size), opts, budget)?;
    if !smallest.fits(n) {
        drop(smallest);
        // A headline fitted to the width may have taken the room: before
        // giving up, let it be smaller (halfway, then its minimum).
        if let Some(hf) = design.headline.fit {
            if hf.max_size > hf.min_size + Length::pt(0.5) {
                for cap in [(hf.max_size + hf.min_size) / 2.0, hf.min_size] {
                    let mut smaller = design.clone();
                    if let Some(f) = smaller.headline.fit.as_mut() {
                        f.max_size = cap;
                    }
                    let trial =
                        tools.compose_once(doc, &scaled(&smaller, fit.min_size), opts, budget)?;
                    if trial.fits(n) {
                        // `trial` is the smaller layout's smallest setting:
                        // try its largest, then bisect between the two.
                        let largest = tools.compose_once(
                            doc,
                            &scaled(&smaller, fit.max_size),
                            opts,
                            budget,
                        )?;
                        if largest.fits(n) {
                            return Ok((largest, fit.max_size));
                        }
                        return bisect(tools, doc, &smaller, opts, fit, trial);
                    }
                }
            }
        }
        let headline = match design.page.fold {
            Some(_) => format!(
                "the statement does not fit the {n} panels of a tri-fold even at {}",
                fit.min_size
            ),
            None => format!(
                "the statement does not fit on one page even at {}",
                fit.min_size
            ),
        };
        // A folded sheet cannot take more pages.
        let overflow = if design.page.fold.is_some() {
            Overflow::Error
        } else {
            fit.overflow
        };
        return match overflow {
            Overflow::Error => {
                // Only now is the whole text set at the smallest size, to say by how much.
                let full =
                    tools.compose_once(doc, &scaled(design, fit.min_size), opts, Budget::All)?;
                let over: usize = full.pages.iter().skip(n).map(|p| p.lines.len()).sum();
                Err(Error::Typeset {
                    at: Location::file(opts.origin.clone()),
                    message: format!(
                        "{headline}: it overflows by {over} line{}; shorten it, or {}",
                        if over == 1 { "" } else { "s" },
                        if design.page.fold.is_some() {
                            "give the layout a smaller min-size"
                        } else {
                            "set overflow = \"more-pages\" or a smaller min-size in the layout"
                        }
                    ),
                })
            }
            Overflow::MorePages => {
                let trial = tools.compose_once(doc, design, opts, Budget::All)?;
                warnings.push(Warning {
                    at: Location::file(opts.origin.clone()),
                    message: format!(
                        "{headline}; set at {} on {} pages",
                        design.body.size,
                        trial.pages.len()
                    ),
                });
                Ok((trial, design.body.size))
            }
        };
    }
    bisect(tools, doc, design, opts, fit, smallest)
}

/// The largest body size between `fit`'s bounds that fits the page budget,
/// given `smallest`, the setting at `min_size` (which fits), and knowing
/// that `max_size` does not.
fn bisect(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    fit: FitSpec,
    smallest: Trial,
) -> Result<(Trial, Length)> {
    let n = page_budget(design);
    let budget = Budget::Pages(n);
    // Bisection: `lo` fits, `hi` does not. A quarter point is finer than
    // anyone can see and takes about five trials.
    let (mut lo, mut hi) = (fit.min_size, fit.max_size);
    let mut best = smallest;
    while hi - lo > Length::pt(0.25) {
        let mid = (lo + hi) / 2.0;
        let trial = tools.compose_once(doc, &scaled(design, mid), opts, budget)?;
        if trial.fits(n) {
            lo = mid;
            best = trial;
        } else {
            hi = mid;
        }
    }
    Ok((best, lo))
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

/// The pages the text is fitted to: the panels of a folded sheet, else one page.
fn page_budget(design: &Design) -> usize {
    design.page.fold.map_or(1, |f| f.panels())
}

impl Tools {
    /// Sets the document once, in exactly this design.
    fn compose_once(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        budget: Budget,
    ) -> Result<Trial> {
        let mut warnings = Vec::new();
        let lb = &design.linebreak;
        let params = linebreak_params(lb);
        let page = &design.page;
        let grid = Grid {
            page_width: page.panel_width(),
            page_height: page.height,
            left: page.margin_left,
            top: page.margin_top,
            bottom: page.height - page.margin_bottom,
            column_width: page.column_width(),
            gap: page.column_gap,
            columns: page.columns as usize,
            top_skip: design.body.size,
            rule: page.column_rule.filter(|w| *w > Length::ZERO),
        };
        let layout_origin = opts.layout.clone();
        let mut setter = Setter {
            fonts: &mut self.fonts,
            shaper: &mut self.shaper,
            hyphenator: &self.hyphenator,
            params: &params,
            hyphen_penalty: lb.hyphen_penalty,
            origin: &opts.origin,
            layout_origin: &layout_origin,
            warnings: &mut warnings,
            fallback: &design.body.fallback,
            missing: &mut self.missing,
            measure: grid.column_width.min(page.content_width()),
            fallbacks_reported: Default::default(),
            fallback_chars: Default::default(),
            memo: Default::default(),
        };

        // The headline block: headline, subtitle and meta lines before the body.
        let split = doc
            .blocks
            .iter()
            .position(|b| {
                !matches!(
                    b.kind,
                    BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta
                )
            })
            .unwrap_or(doc.blocks.len());
        let (head_blocks, body_blocks) = doc.blocks.split_at(split);

        // The band and the pictures outside the flow come first: they decide
        // the headline's measure and what the columns flow around.
        let band = set_band(&mut setter, doc, design)?;
        let foot = band.as_ref().map_or(page.height - page.margin_bottom, |b| {
            (b.fill.rect.y - design.body.size).min(page.height - page.margin_bottom)
        });
        let mut plan = PicturePlan::new(design, foot);
        plan.place_corners(&opts.pictures);
        let head_width = page.content_width() - plan.top_right_width;
        let (head, body_top, head_end) = set_head(&mut setter, head_blocks, design, head_width)?;
        // Under a head, air for its descenders (its `space-after` alone is
        // made for text that follows, not for a picture's hard edge).
        // The head's last line's descenders (at a poster's headline size they
        // reach further down than any space-after).
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

        // What the budget's columns hold if packed perfectly, plus a line per
        // column: text taller than that cannot fit, whatever the flow does.
        let capacity = match budget {
            Budget::Pages(n) => Some(
                (grid.bottom - body_top + design.body.leading) * grid.columns as f64
                    + (grid.bottom - grid.top + design.body.leading)
                        * (grid.columns * n.saturating_sub(1)) as f64,
            ),
            Budget::All => None,
        };
        let mut used = Length::ZERO;
        let mut blocks = Vec::with_capacity(body_blocks.len() + 1);
        // Pictures in the column flow stand first, at the top of the first column.
        for p in column_pictures(&opts.pictures, design, grid.column_width) {
            used += p.lines.iter().map(|l| l.leading).sum();
            blocks.push(p);
        }
        let after_picture = !blocks.is_empty();
        let mut prev: Option<&BlockKind> = None;
        for block in body_blocks {
            let mut set = set_body_block(&mut setter, block, prev, design, grid.column_width)?;
            if prev.is_none() && after_picture {
                // Air between a picture and the text under it.
                set.space_before = design.body.leading * 0.5;
            }
            used += set.space_before + set.lines.iter().map(|l| l.leading).sum();
            blocks.push(set);
            prev = Some(&block.kind);
            if capacity.is_some_and(|c| used > c) {
                let notes = setter.fallback_note().into_iter().collect();
                return Ok(Trial {
                    pages: Vec::new(),
                    warnings,
                    notes,
                    flow: FlowReport::default(),
                    stopped: true,
                });
            }
        }
        if let Some(link) = &doc.meta.qr {
            blocks.extend(qr_blocks(
                &mut setter,
                link,
                design,
                grid.column_width,
                &opts.origin,
            )?);
        }
        let notes = setter.fallback_note().into_iter().collect();
        let (pages, flow) = pages::flow_around(blocks, &grid, first);
        Ok(Trial {
            pages,
            warnings,
            notes,
            flow,
            stopped: false,
        })
    }
}

/// Side of a printed QR code: phones read codes of 2 cm and up from arm's
/// length; 25 mm leaves room for a poor print.
const QR_SIZE_MM: f64 = 25.0;

/// The QR code block and its caption (the link itself, for people without a
/// phone), kept together at the end of the text.
fn qr_blocks(
    setter: &mut Setter,
    link: &str,
    design: &Design,
    column: Length,
    origin: &str,
) -> Result<Vec<BlockLines>> {
    let size = Length::mm(QR_SIZE_MM).min(column);
    let figure = crate::compose::figure::qr_code(link, size, origin)?;
    let body = &design.body;
    let code = BlockLines {
        lines: vec![ColumnLine {
            x: Length::ZERO,
            leading: size,
            line: Default::default(),
            figure: Some(figure),
            picture: None,
        }],
        space_before: body.leading,
        keep_with_next: true,
        widows: 1,
        orphans: 1,
    };
    let ms = &design.meta;
    let style = TextStyle::display(ms.font.clone(), false, ms.size, ms.color, Align::Left);
    let p = setter.prepare(&[Span::plain(link)], &style, 1)?;
    let lines = setter
        .set(&p, &[column])
        .into_iter()
        .map(|line| ColumnLine {
            x: Length::ZERO,
            leading: ms.size * 1.3,
            line,
            figure: None,
            picture: None,
        })
        .collect();
    let caption = BlockLines {
        lines,
        space_before: Length::ZERO,
        keep_with_next: false,
        widows: 1,
        orphans: 1,
    };
    Ok(vec![code, caption])
}

/// The call-to-action band, set.
struct Band {
    fill: Fill,
    lines: Vec<PlacedLine>,
}

/// Cap height of a typical face, as a share of the size: the band's text is
/// placed so that `padding` is the space above its capitals.
const CAP_HEIGHT: f64 = 0.72;

/// Sets the band: when, then where, across the text area's width, on a
/// field from the paper's left, right and bottom edges up to `padding`
/// above the text. No text, no band.
fn set_band(setter: &mut Setter, doc: &Document, design: &Design) -> Result<Option<Band>> {
    let bs = &design.band;
    // The statement's own text, with its line for messages; else the layout's.
    fn pick<'a>(
        own: &'a Option<crate::statement::document::LineText>,
        design: &'a Option<String>,
    ) -> Option<(&'a str, usize)> {
        own.as_ref()
            .map(|t| (t.text.as_str(), t.line))
            .or(design.as_deref().map(|t| (t, 1)))
    }
    let texts: Vec<(&str, usize)> = [
        pick(&doc.meta.when, &bs.when),
        pick(&doc.meta.place, &bs.place),
    ]
    .into_iter()
    .flatten()
    .map(|(t, line)| (t.trim(), line))
    .filter(|(t, _)| !t.is_empty())
    .collect();
    if texts.is_empty() {
        return Ok(None);
    }
    let page = &design.page;
    let width = page.content_width();
    let style = TextStyle::display(
        bs.font.clone(),
        bs.weight == Weight::Bold,
        bs.size,
        bs.text_color,
        bs.align,
    );
    let mut lines = Vec::new();
    for (text, line) in texts {
        let p = setter.prepare(&[Span::plain(text)], &style, line)?;
        lines.extend(setter.set(&p, &[width]));
    }
    // Below the last baseline: the padding, but never closer to the paper's
    // edge than 8mm (or the bottom margin, if that is less), where office
    // printers stop printing.
    let inset = bs.padding.max(page.margin_bottom.min(Length::mm(8.0)));
    let last = page.height - inset;
    let n = lines.len();
    let first = last - bs.leading * (n.saturating_sub(1)) as f64;
    let top = first - bs.size * CAP_HEIGHT - bs.padding;
    let placed = lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| PlacedLine {
            x: page.margin_left,
            baseline: first + bs.leading * k as f64,
            line,
            figure: None,
        })
        .collect();
    Ok(Some(Band {
        // Exactly to the paper's edges: print shops extend such a fill into
        // the bleed.
        fill: Fill {
            rect: Rect {
                x: Length::ZERO,
                y: top,
                width: page.width,
                height: page.height - top,
            },
            color: bs.color,
        },
        lines: placed,
    }))
}

/// The statement's picture, when the layout has no place for it: across
/// the top, at most 40% of the text area high.
pub fn default_picture_spec(at: Location) -> ImageSpec {
    ImageSpec {
        file: None,
        shown: String::new(),
        at,
        place: ImagePlace::Area(ImageArea::Top),
        width: Extent::Percent(100.0),
        height: Some(Extent::Percent(40.0)),
        fit: Fit::Contain,
    }
}

/// The size of a picture in a box `width` wide and, if given, `height`
/// high: (what is seen, where the whole picture lands relative to it).
fn fit_in(picture: &Picture, fit: Fit, width: Length, height: Option<Length>) -> (Rect, Rect) {
    let aspect = picture.aspect();
    let rect = |w: Length, h: Length| Rect {
        x: Length::ZERO,
        y: Length::ZERO,
        width: w,
        height: h,
    };
    match (fit, height) {
        (_, None) => {
            let r = rect(width, width / aspect);
            (r, r)
        }
        (Fit::Contain, Some(h)) => {
            let w = width.min(h * aspect);
            let r = rect(w, w / aspect);
            (r, r)
        }
        (Fit::Cover, Some(h)) => {
            let w = width.max(h * aspect);
            let area = Rect {
                x: (width - w) / 2.0,
                y: (h - w / aspect) / 2.0,
                width: w,
                height: w / aspect,
            };
            (rect(width, h), area)
        }
    }
}

/// A picture of `size` (seen, whole) placed with its seen part's top-left at `x`, `y`.
fn put(p: &Placeable, (clip, area): (Rect, Rect), x: Length, y: Length) -> PlacedPicture {
    PlacedPicture {
        picture: p.picture.clone(),
        clip: clip.moved(x, y),
        area: area.moved(x, y),
    }
}

/// Where the pictures outside the column flow go on the first page, and
/// what the columns must keep clear of.
struct PicturePlan<'a> {
    design: &'a Design,
    /// The lowest a picture may reach (above the band, if any).
    foot: Length,
    /// Width the headline leaves for a top-right picture (with a gap).
    top_right_width: Length,
    /// Below the lowest top-right picture.
    top_right_bottom: Length,
    placed: Vec<PlacedPicture>,
    obstacles: Vec<Obstacle>,
}

impl<'a> PicturePlan<'a> {
    fn new(design: &'a Design, foot: Length) -> PicturePlan<'a> {
        PicturePlan {
            design,
            foot,
            top_right_width: Length::ZERO,
            top_right_bottom: design.page.margin_top,
            placed: Vec::new(),
            obstacles: Vec::new(),
        }
    }

    /// Space between a picture and text or another picture.
    fn gap(&self) -> Length {
        self.design.body.leading * 0.5
    }

    /// Records a placed picture and the area the columns keep clear of.
    fn add(&mut self, p: PlacedPicture) {
        let bottom = p.clip.bottom() + self.gap();
        self.add_down_to(p, bottom);
    }

    /// Records a placed picture whose columns stay clear down to `bottom`
    /// (the page's foot, for pictures at the foot: no text under them).
    fn add_down_to(&mut self, p: PlacedPicture, bottom: Length) {
        let body = &self.design.body;
        let c = p.clip;
        self.obstacles.push(Obstacle {
            left: c.x - body.size,
            right: c.right() + body.size,
            // Room for the descenders of the line above, and some air.
            top: c.y - body.size,
            bottom,
        });
        self.placed.push(p);
    }

    /// Corner pictures and pictures placed by coordinates.
    fn place_corners(&mut self, pictures: &[Placeable]) {
        let page = &self.design.page;
        let (cw, ch) = (page.content_width(), page.content_height());
        let right = page.width - page.margin_right;
        for p in pictures {
            let s = &p.spec;
            match s.place {
                ImagePlace::Area(ImageArea::TopRight) => {
                    let size = fit_in(
                        &p.picture,
                        s.fit,
                        s.width.of(cw),
                        s.height.map(|h| h.of(ch)),
                    );
                    let y = self.top_right_bottom;
                    let placed = put(p, size, right - size.0.width, y);
                    self.top_right_width = self
                        .top_right_width
                        .max(size.0.width + self.design.page.column_gap.max(self.gap()));
                    self.top_right_bottom = placed.clip.bottom() + self.gap();
                    self.add(placed);
                }
                ImagePlace::At { x, y } => {
                    let size = fit_in(
                        &p.picture,
                        s.fit,
                        s.width.of(page.width),
                        s.height.map(|h| h.of(page.height)),
                    );
                    self.add(put(p, size, x, y));
                }
                _ => {}
            }
        }
    }

    /// Pictures across the text area: under the head (and any top-right
    /// picture), from `top`, and at the foot, the lowest first; then
    /// bottom-right pictures above those at the foot.
    fn place_top_and_bottom(&mut self, pictures: &[Placeable], top: Length) {
        let page = &self.design.page;
        let (cw, ch) = (page.content_width(), page.content_height());
        let right = page.width - page.margin_right;
        let mut y = if self.top_right_width > Length::ZERO {
            top.max(self.top_right_bottom)
        } else {
            top
        };
        let below = page.height;
        for area in [ImageArea::Top, ImageArea::Bottom, ImageArea::BottomRight] {
            for p in pictures
                .iter()
                .filter(|p| p.spec.place == ImagePlace::Area(area))
            {
                let s = &p.spec;
                let size = fit_in(
                    &p.picture,
                    s.fit,
                    s.width.of(cw),
                    s.height.map(|h| h.of(ch)),
                );
                let centred = page.margin_left + (cw - size.0.width) / 2.0;
                if area == ImageArea::Top {
                    let placed = put(p, size, centred, y);
                    y = placed.clip.bottom() + self.gap();
                    self.add(placed);
                    continue;
                }
                let x = if area == ImageArea::Bottom {
                    centred
                } else {
                    right - size.0.width
                };
                let placed = put(p, size, x, self.foot - size.0.height);
                self.foot = placed.clip.y - self.gap();
                self.add_down_to(placed, below);
            }
        }
    }
}

/// Pictures in the column flow, each a block of one "line" its height,
/// centred in the column.
fn column_pictures(pictures: &[Placeable], design: &Design, column: Length) -> Vec<BlockLines> {
    let ch = design.page.content_height();
    pictures
        .iter()
        .filter(|p| p.spec.place == ImagePlace::Area(ImageArea::Column))
        .enumerate()
        .map(|(k, p)| {
            let s = &p.spec;
            let size = fit_in(
                &p.picture,
                s.fit,
                s.width.of(column),
                s.height.map(|h| h.of(ch)),
            );
            let height = size.0.height;
            BlockLines {
                lines: vec![ColumnLine {
                    x: (column - size.0.width) / 2.0,
                    leading: height,
                    line: Default::default(),
                    figure: None,
                    picture: Some(put(p, size, Length::ZERO, Length::ZERO)),
                }],
                space_before: if k == 0 {
                    Length::ZERO
                } else {
                    design.body.leading * 0.5
                },
                keep_with_next: false,
                widows: 1,
                orphans: 1,
            }
        })
        .collect()
}

/// The line breaker's parameters from a layout's `[linebreak]` table.
pub fn linebreak_params(lb: &LineBreakSpec) -> linebreak::Params {
    linebreak::Params {
        pretolerance: lb.pretolerance,
        tolerance: lb.tolerance,
        line_penalty: lb.line_penalty,
        adj_demerits: lb.adj_demerits,
        double_hyphen_demerits: lb.double_hyphen_demerits,
        final_hyphen_demerits: lb.final_hyphen_demerits,
        emergency_stretch: lb.emergency_stretch,
        max_hyphen_run: lb.hyphen_limit as usize,
    }
}

/// Sets the headline, subtitle and meta lines across `width` (the text
/// area's width, less a logo in the top-right corner). Returns the placed
/// lines, the y where the body starts, and where the head ends (the last
/// baseline and the space after it; the top margin without a head).
fn set_head(
    setter: &mut Setter,
    blocks: &[Block],
    design: &Design,
    width: Length,
) -> Result<(Vec<PlacedLine>, Length, Length)> {
    let page = &design.page;
    let mut placed = Vec::new();
    let mut y = page.margin_top;
    let mut first = true;
    // The headline's size: the layout's, or the one fitting chose.
    let mut headline_size = design.headline.size;
    for (k, block) in blocks.iter().enumerate() {
        let mut prepared = None;
        let (style, leading, space_after) = match block.kind {
            BlockKind::Headline => {
                let hs = &design.headline;
                let style = TextStyle::display(
                    hs.font.clone(),
                    hs.weight == Weight::Bold,
                    hs.size,
                    hs.color,
                    hs.align,
                );
                let (p, size) = prepare_headline(setter, block, &style, width, hs.fit)?;
                prepared = Some(p);
                headline_size = size;
                (
                    TextStyle { size, ..style },
                    // Leading keeps its proportion to the size.
                    hs.leading * (size / hs.size),
                    hs.space_after,
                )
            }
            BlockKind::Subtitle => {
                let hs = &design.headline;
                let size = (headline_size * 0.55).max(design.body.size);
                (
                    TextStyle::display(hs.font.clone(), false, size, hs.color, hs.align),
                    size * 1.2,
                    hs.space_after,
                )
            }
            _ => {
                let ms = &design.meta;
                let last_meta =
                    !matches!(blocks.get(k + 1).map(|b| &b.kind), Some(BlockKind::Meta));
                (
                    TextStyle::display(
                        ms.font.clone(),
                        false,
                        ms.size,
                        ms.color,
                        design.headline.align,
                    ),
                    ms.size * 1.3,
                    if last_meta {
                        ms.space_after
                    } else {
                        Length::ZERO
                    },
                )
            }
        };
        let p = match prepared {
            Some(p) => p,
            None => setter.prepare(&block.spans, &style, block.line)?,
        };
        let measure = match block.kind {
            BlockKind::Headline | BlockKind::Subtitle => setter.balanced_measure(&p, width),
            _ => width,
        };
        let shift = match style.align {
            Align::Center => (width - measure) / 2.0,
            Align::Right => width - measure,
            _ => Length::ZERO,
        };
        for line in setter.set(&p, &[measure]) {
            y += if first { style.size * 0.95 } else { leading };
            first = false;
            placed.push(PlacedLine {
                x: page.margin_left + shift,
                baseline: y,
                line,
                figure: None,
            });
        }
        // Space after applies before the next block's first line.
        y += space_after;
    }
    if placed.is_empty() {
        return Ok((placed, page.margin_top, page.margin_top));
    }
    // The body's first baseline comes `top_skip` below this point.
    let body_top = y + design.body.leading - design.body.size;
    Ok((placed, body_top, y))
}

/// Steps of the headline size search: finer than anyone sees on a poster.
const HEADLINE_STEP_PT: f64 = 0.5;

/// The headline ready to set, and its size. A headline of three or more
/// words has its last two tied, so that no word stands alone on its last
/// line (unless even the pair is too wide for the measure). With `fit`, the
/// size is the largest on a 0.5pt grid from `min-size` up to `max-size` at
/// which the headline takes at most `max-lines` lines of `width`, each
/// broken between words (never hyphenated, never inside a word).
fn prepare_headline(
    setter: &mut Setter,
    block: &Block,
    style: &TextStyle,
    width: Length,
    fit: Option<HeadlineFit>,
) -> Result<(crate::typeset::paragraph::Paragraph, Length)> {
    let tied = tie_last_words(&block.spans);
    let prepare = |setter: &mut Setter, spans: &[Span], size: Length| {
        let st = TextStyle {
            size,
            ..style.clone()
        };
        setter.prepare(spans, &st, block.line)
    };
    let Some(fit) = fit else {
        if let Some(spans) = &tied {
            let p = prepare(setter, spans, style.size)?;
            if setter.clean_lines(&p, width).1 {
                return Ok((p, style.size));
            }
        }
        let p = prepare(setter, &block.spans, style.size)?;
        return Ok((p, style.size));
    };
    let steps = ((fit.max_size - fit.min_size).to_pt() / HEADLINE_STEP_PT).floor() as usize;
    let mut sizes: Vec<Length> = (0..=steps)
        .map(|i| fit.min_size + Length::pt(HEADLINE_STEP_PT * i as f64))
        .collect();
    if sizes
        .last()
        .is_some_and(|l| (fit.max_size - *l).to_pt() > 1e-6)
    {
        sizes.push(fit.max_size);
    }
    let max_lines = fit.max_lines as usize;
    let fits = |setter: &mut Setter, spans: &[Span], size: Length| -> Result<bool> {
        let p = prepare(setter, spans, size)?;
        let (lines, clean) = setter.clean_lines(&p, width);
        Ok(clean && lines <= max_lines)
    };
    // Tied if the tie can be kept at all, else as written.
    let mut chosen = None;
    for spans in tied
        .iter()
        .map(Vec::as_slice)
        .chain([block.spans.as_slice()])
    {
        if !fits(setter, spans, sizes[0])? {
            continue;
        }
        // Bisection: `lo` fits, `hi` does not (or is one past the end).
        let (mut lo, mut hi) = (0, sizes.len());
        if fits(setter, spans, sizes[sizes.len() - 1])? {
            lo = sizes.len() - 1;
        }
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if fits(setter, spans, sizes[mid])? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        chosen = Some((spans, sizes[lo]));
        break;
    }
    let (spans, size) = match chosen {
        Some(c) => c,
        None => {
            let p = prepare(setter, &block.spans, fit.min_size)?;
            let (lines, _) = setter.clean_lines(&p, width);
            setter.warnings.push(Warning {
                at: Location {
                    file: setter.origin.to_string(),
                    line: Some(block.line),
                    column: None,
                },
                message: format!(
                    "the headline does not fit in {} line{} even at min-size {}; set at {} in {lines} lines",
                    fit.max_lines,
                    if fit.max_lines == 1 { "" } else { "s" },
                    fit.min_size,
                    fit.min_size
                ),
            });
            return Ok((p, fit.min_size));
        }
    };
    let p = prepare(setter, spans, size)?;
    Ok((p, size))
}

/// The spans with the space before the last word made a tie (a no-break
/// space), when the text has three or more words; `None` otherwise.
fn tie_last_words(spans: &[Span]) -> Option<Vec<Span>> {
    let words: usize = spans
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    if words < 3 {
        return None;
    }
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let space = text.trim_end().rfind(' ')?;
    let mut tied = spans.to_vec();
    let mut offset = 0;
    for span in &mut tied {
        let len = span.text.len();
        if space < offset + len {
            let at = space - offset;
            span.text.replace_range(at..at + 1, "\u{A0}");
            return Some(tied);
        }
        offset += len;
    }
    None
}

/// Sets one body block into column lines with its spacing and keep rules.
fn set_body_block(
    setter: &mut Setter,
    block: &Block,
    prev: Option<&BlockKind>,
    design: &Design,
    column: Length,
) -> Result<BlockLines> {
    let body = &design.body;
    let base_style = TextStyle {
        font: body.font.clone(),
        base: Style::default(),
        size: body.size,
        color: body.color,
        align: body.align,
        hyphenate: true,
        indent: Length::ZERO,
    };
    let follows_body = matches!(prev, Some(BlockKind::Body) | Some(BlockKind::Quote));
    let mut out = BlockLines {
        lines: Vec::new(),
        space_before: body.paragraph_spacing,
        keep_with_next: false,
        widows: body.widows as usize,
        orphans: body.orphans as usize,
    };
    if prev.is_none() {
        out.space_before = Length::ZERO;
    }
    let (style, x, widths, marker) = match &block.kind {
        BlockKind::Heading(level) => {
            let hs = &design.heading;
            let size = if *level <= 1 {
                hs.size
            } else {
                (hs.size * 0.9).max(body.size)
            };
            out.space_before = hs.space_before;
            out.keep_with_next = true;
            let style = TextStyle {
                font: hs.font.clone(),
                base: Style {
                    bold: hs.weight == Weight::Bold,
                    italic: false,
                },
                size,
                align: Align::Left,
                hyphenate: false,
                ..base_style
            };
            (style, Length::ZERO, vec![column], None)
        }
        BlockKind::Body if follows_body && body.indent > Length::ZERO => {
            out.space_before = if body.indent > Length::ZERO {
                Length::ZERO
            } else {
                body.paragraph_spacing
            };
            (
                TextStyle {
                    indent: body.indent,
                    ..base_style
                },
                Length::ZERO,
                vec![column],
                None,
            )
        }
        BlockKind::Body | BlockKind::Salutation => (base_style, Length::ZERO, vec![column], None),
        BlockKind::SignOff => {
            if !matches!(prev, Some(BlockKind::SignOff)) {
                out.space_before = body.paragraph_spacing.max(body.leading * 0.5);
            } else {
                out.space_before = Length::ZERO;
            }
            (
                TextStyle {
                    align: Align::Left,
                    ..base_style
                },
                Length::ZERO,
                vec![column],
                None,
            )
        }
        BlockKind::Quote => {
            let inset = body.size * 1.5;
            (
                TextStyle { ..base_style },
                inset,
                vec![column - inset * 2.0],
                None,
            )
        }
        BlockKind::ListItem { marker, depth } => {
            if matches!(prev, Some(BlockKind::ListItem { .. })) {
                out.space_before = body.paragraph_spacing * 0.4;
            }
            let hang = body.size * (1.4 + 1.4 * f64::from(*depth));
            let marker_style = TextStyle {
                align: Align::Left,
                hyphenate: false,
                ..base_style.clone()
            };
            let marker_line = if marker.is_empty() {
                None
            } else {
                let m =
                    setter.prepare(&[Span::plain(marker.clone())], &marker_style, block.line)?;
                setter.set(&m, &[hang]).into_iter().next()
            };
            (
                base_style,
                hang,
                vec![(column - hang).max(body.size * 4.0)],
                marker_line,
            )
        }
        BlockKind::Imprint => {
            let ms = &design.meta;
            out.space_before = body.leading;
            let style = TextStyle {
                font: ms.font.clone(),
                size: ms.size,
                color: ms.color,
                align: Align::Left,
                hyphenate: false,
                ..base_style
            };
            (style, Length::ZERO, vec![column], None)
        }
        // Head blocks after the body started are set like a heading.
        BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta => {
            out.keep_with_next = true;
            let hs = &design.heading;
            (
                TextStyle {
                    font: hs.font.clone(),
                    base: Style {
                        bold: true,
                        italic: false,
                    },
                    size: hs.size,
                    align: Align::Left,
                    hyphenate: false,
                    ..base_style
                },
                Length::ZERO,
                vec![column],
                None,
            )
        }
    };
    let leading = if style.size > body.size {
        style.size * 1.25
    } else {
        body.leading
    };
    let p = setter.prepare(&block.spans, &style, block.line)?;
    let lines = setter.set(&p, &widths);
    // A word space between marker and text: wider, and the markers read as a
    // column of their own.
    let marker_x = marker.as_ref().map(|m| x - m.width - body.size * 0.3);
    for (k, line) in lines.into_iter().enumerate() {
        let mut cl = ColumnLine {
            x,
            leading,
            line,
            figure: None,
            picture: None,
        };
        if k == 0 {
            if let (Some(m), Some(mx)) = (&marker, marker_x) {
                // The marker hangs left of the item's text, on its first line:
                // the line starts at the marker, the text keeps its place.
                cl.line.shift(x - mx);
                let mut runs = m.runs.clone();
                runs.append(&mut cl.line.runs);
                cl.line.runs = runs;
                cl.x = mx;
            }
        }
        out.lines.push(cl);
    }
    Ok(out)
}
