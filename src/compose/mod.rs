//! Composition: the document's blocks get their roles' styles from the layout
//! and are set into lines; the headline block is placed across the columns and
//! the body is flowed into pages.

mod back;
mod band;
pub mod baseline;
mod body;
pub mod figure;
mod fill;
mod first_page;
mod fit;
pub mod flow;
pub mod fold;
mod headline;
pub mod impose;
mod kept;
mod leading;
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
mod set_body;
mod squares;
pub mod tag;
mod tail;
mod tools;
pub mod verify;

pub use pictures::default_picture_spec;

use std::sync::Arc;

use crate::error::{Error, Location, Note, Result, Warning};
use crate::layout::design::Panels;
use crate::layout::design::{Design, ImageSpec};
use crate::statement::document::Document;
use crate::typeset::bidi::Direction;
use crate::typeset::fonts::FontBook;
use crate::units::Length;
use fit::fit_to_page;
pub use fit::LEGIBLE_BODY_PT;
use missing::missing_error;
use pages::Page;
use picture::Picture;
use tail::Tail;
use tools::{Budget, Tools};

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
    let opened = tools.opened_leading(doc, design, opts)?;
    let design = opened.as_ref().unwrap_or(design);
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
    let opened = tools.opened_leading(doc, design, opts)?;
    let design = opened.as_ref().unwrap_or(design);
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
    // A folded sheet's back comes after the spread in reading order.
    trial.pages.extend(trial.back.take());
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
