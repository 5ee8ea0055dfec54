//! handbill: typesets a statement into a print-ready PDF leaflet.
//!
//! One folder per stage, data flowing one way:
//!
//! 1. [`statement`]: bytes of a plain-text or Markdown statement →
//!    [`statement::document::Document`]
//! 2. [`layout`]: a TOML layout file → [`layout::Layout`], the settings of
//!    every later stage
//! 3. [`typeset`]: styled text → shaped, hyphenated, justified lines
//! 4. [`compose`]: lines, pictures and figures → [`compose::pages::Page`]s
//!    (fitting, headline, band, folding, imposing)
//! 5. [`output`]: pages → PDF bytes for one printer, PNG previews, files,
//!    print queues
//!
//! Beside them sit the shared leaves every stage may use: [`error`],
//! [`units`] (lengths), [`style`] (colours, alignment, weights, font
//! references, paper), [`names`] and [`date`].
//!
//! Imports follow the data, with one turn: [`layout`] builds the settings
//! types that [`typeset`], [`compose`] and [`output`] own, so it imports
//! them and none of them imports it. The order a module may import from is
//! [`STAGES`]; `tests/stages.rs` checks every `use crate::` against it.
//!
//! [`build`] runs them all; the `handbill` binary is a thin shell around it.

// A panic is never an answer to bad input: no unwrap()/expect() in the
// library (tests may; see clippy.toml). The few reasoned exceptions say why.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod date;
pub mod error;
pub mod names;
pub mod script;
pub mod style;
pub mod units;

pub mod compose;
pub mod layout;

pub mod output;
pub mod run;
pub mod serve;
pub mod statement;
pub mod typeset;

/// The modules in import order: each may import the ones on the lines
/// above its own, never its neighbours or those below, so there can be no
/// circle. The shared leaves come first ([`style`] uses [`units`]); the
/// stages follow the data. [`layout`] comes after [`typeset`], whose fonts
/// and hyphenation languages it checks a layout's names against, and
/// before the stages that read its settings: the design ([`compose`]) and
/// the print setup ([`output`]). [`run`] (builds as the command line runs
/// them: batches, watching) and [`serve`] (builds as the web editor asks
/// for them) come last; the crate root ([`build`]) and the binary may use
/// everything.
pub const STAGES: &[&[&str]] = &[
    &["error", "units", "names", "date", "script"],
    &["style"],
    &["statement"],
    &["typeset"],
    &["layout"],
    &["compose"],
    &["output"],
    &["run"],
    &["serve"],
];

pub use error::{Error, Location, Note, Result, Warning};

use compose::{fold, impose, pages, picture};
use output::{pdf, preflight, raster, target};
use statement::document;
use typeset::{hyphenate, lang, typography};

/// One statement to build.
#[derive(Clone, Debug)]
pub struct BuildRequest<'a> {
    /// The statement file's bytes.
    pub statement: &'a [u8],
    /// Its name for messages (`-` for standard input).
    pub name: &'a str,
    /// Plain text or Markdown.
    pub format: statement::Format,
    /// An explicit encoding for non-UTF-8 input.
    pub encoding: Option<statement::Encoding>,
    /// The layout.
    pub layout: &'a layout::Layout,
    /// A language tag overriding the statement's and the layout's.
    pub lang: Option<String>,
    /// Keep quotes, dashes and dots as typed instead of setting the
    /// language's typographic forms.
    pub as_written: bool,
    /// Also draw PNG previews of the pages at this resolution (dots per inch).
    pub png_dpi: Option<f64>,
    /// Put copies of each page side by side on a larger sheet, or
    /// (`Some(None)`) not, overriding the layout's `impose` and the copy
    /// shop's own choice.
    pub impose: Option<Option<crate::layout::print::NUp>>,
    /// The printer the PDF is for (overrides the layout's `[print] for`).
    pub target: Option<crate::layout::print::PrintTarget>,
    /// Fail with [`Error::Strict`] instead of returning warnings.
    pub strict: bool,
    /// Warn about a picture that prints at fewer dots per inch than this;
    /// `None` takes the print target's threshold (150 for the office, 300
    /// for copy shops and print shops).
    pub min_dpi: Option<f64>,
    /// What a picture may be (pixels a side, decoded size, file size).
    pub picture_limits: picture::Limits,
    /// Fit the statement onto this many pages (`--fit N`), the body below
    /// the layout's `min-size` if it must be (see
    /// [`compose::compose_to_fit`]); `None` fits as the layout says.
    pub fit_pages: Option<usize>,
    /// The statement's own picture as a file's bytes with the name it is
    /// shown by (a picture uploaded to `handbill serve`): placed where
    /// front matter `image` would place one, and used instead of it, so
    /// that nothing is read from disk.
    pub picture: Option<(&'a str, &'a [u8])>,
    /// The statement's translation (`--with`), set with it as a
    /// two-language leaflet; it wins over front matter `translation`.
    pub translation: Option<Translation<'a>>,
}

impl<'a> BuildRequest<'a> {
    /// A request with the usual settings: the format from the name's
    /// extension, UTF-8, the statement's or layout's language, typographic
    /// quotes, no PNG.
    pub fn new(statement: &'a [u8], name: &'a str, layout: &'a layout::Layout) -> BuildRequest<'a> {
        BuildRequest {
            statement,
            name,
            format: statement::format_for_path(name),
            encoding: None,
            layout,
            lang: None,
            as_written: false,
            png_dpi: None,
            impose: None,
            target: None,
            strict: false,
            min_dpi: None,
            picture_limits: picture::Limits::default(),
            fit_pages: None,
            picture: None,
            translation: None,
        }
    }
}

/// A picture as placed in the output, for reports and preflight checks.
#[derive(Clone, Debug, PartialEq)]
pub struct PictureReport {
    /// The picture file, as named.
    pub file: String,
    /// The page it is on (1-based, before imposition).
    pub page: usize,
    /// Its size in pixels, upright.
    pub pixels: (u32, u32),
    /// What is seen of it on the page, from the page's top-left corner.
    pub clip: pages::Rect,
    /// The size it is printed at (the whole picture, cropped parts included).
    pub width: units::Length,
    /// The size it is printed at.
    pub height: units::Length,
    /// Pixels per inch as printed: what a preflight compares with its threshold.
    pub dpi: f64,
}

/// What a build produced.
#[derive(Clone, Debug)]
pub struct BuildOutput {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Warnings from every stage, in order.
    pub warnings: Vec<Warning>,
    /// Things worth saying that are not problems (the language detected).
    pub notes: Vec<Note>,
    /// Number of pages.
    pub pages: usize,
    /// The language used for hyphenation and shaping; for a two-language
    /// leaflet both, joined by `+` (`en+fr`).
    pub lang: String,
    /// The body size used: chosen to fill the page with `fit = "page"`.
    pub body_size: units::Length,
    /// PNG previews, one per page, when asked for.
    pub png: Vec<Vec<u8>>,
    /// Every picture placed, with its effective resolution.
    pub pictures: Vec<PictureReport>,
}

/// Builds a statement into PDF bytes: alone, or with its translation
/// ([`BuildRequest::translation`], else front matter `translation`) as a
/// two-language leaflet.
pub fn build(req: &BuildRequest) -> Result<BuildOutput> {
    if req.layout.design.hyphenation.enabled {
        hyphenate::preload(&req.layout.design.hyphenation.lang);
    }
    let page = &req.layout.design.page;
    let format = target::PageFormat {
        paper: page.paper,
        width: page.width,
        height: page.height,
        folded: page.fold.is_some(),
    };
    let setup = target::PrintSetup::resolve(&req.layout.print, req.target, req.impose, format)?;
    let read = read_statement(req)?;
    if let Some(translation) = translation_of(req, &read.doc)? {
        return build_pair(req, &setup, format, read, translation);
    }
    let Read {
        doc,
        source,
        lang,
        mut warnings,
        mut notes,
    } = read;
    let pictures = load_pictures(req, &doc)?;
    let opts = compose::ComposeOptions {
        layout: req.layout.name.clone(),
        lang,
        origin: req.name.to_string(),
        pictures: pictures.clone(),
        source: Some(source),
    };
    let composed = compose_statement(req, &doc, &opts)?;
    warnings.extend(composed.warnings.iter().cloned());
    notes.extend(composed.notes.iter().cloned());
    let meta = pdf::PdfMeta {
        title: title_of(&doc),
        author: doc.meta.author.clone().unwrap_or_default(),
        lang: composed.lang.clone(),
        second_lang: None,
        created: creation_time(),
        labels: doc.labels.clone(),
    };
    let unused = unused_panels_warning(req, &doc, &opts, &composed);
    finish(
        req,
        (&setup, format),
        Set {
            pages: composed.pages,
            fonts: composed.fonts,
            pictures,
            warnings,
            notes,
            unused,
            lang: composed.lang,
            body_size: composed.body_size,
            panels: composed.panels,
        },
        &meta,
    )
}

/// A statement or a pair, composed, with what the build said so far.
struct Set {
    pages: Vec<pages::Page>,
    fonts: typeset::fonts::FontBook,
    /// The pictures that were to be placed, for where each was named.
    pictures: Vec<compose::Placeable>,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
    /// A warning about empty panels, said after those about pictures.
    unused: Option<Warning>,
    lang: String,
    body_size: units::Length,
    /// The panels of a folded sheet the pages go on.
    panels: layout::design::Panels,
}

/// The title of the PDF: the statement's, else its headline.
fn title_of(doc: &document::Document) -> String {
    doc.meta
        .title
        .clone()
        .or_else(|| doc.headline())
        .unwrap_or_default()
}

/// The output stage of a build, alone or paired: pictures' resolution
/// checked, pages arranged on sheets for the printer, checked before
/// printing, drawn as previews and written as PDF.
fn finish(
    req: &BuildRequest,
    (setup, format): (&target::PrintSetup, target::PageFormat),
    set: Set,
    meta: &pdf::PdfMeta,
) -> Result<BuildOutput> {
    let Set {
        pages,
        fonts,
        pictures,
        mut warnings,
        mut notes,
        unused,
        lang,
        body_size,
        panels,
    } = set;
    let picture_reports = report_pictures(&pages);
    let min_dpi = req.min_dpi.unwrap_or(setup.min_dpi);
    for w in low_dpi_warnings(req, setup, min_dpi, &pictures, &pages, &picture_reports) {
        // The same picture at the same size (imposed copies, or placed
        // twice) is one thing to fix.
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    warnings.extend(unused);
    let direction = typeset::bidi::Direction::of_language(&lang);
    let mut sheets = arrange(req, setup, (pages, panels, direction))?;
    setup.adapt(&mut sheets);
    preflight::unprintable_text(&sheets, &fonts, setup, req.name)?;
    warnings.extend(preflight::check(&sheets, &fonts, setup, req.name));
    if req.strict && !warnings.is_empty() {
        return Err(Error::Strict {
            at: Location::file(req.name),
            warnings,
        });
    }
    notes.extend(
        output::ticket::copy_shop_order(setup, &sheets, format).map(|message| Note {
            at: Location::file(req.name),
            message,
        }),
    );
    let pages = sheets.len();
    let png = match req.png_dpi {
        Some(dpi) => raster::png_pages(&sheets, &fonts, dpi)?,
        None => Vec::new(),
    };
    let bytes = pdf::write(sheets, &fonts, meta, setup)?;
    Ok(BuildOutput {
        pdf: bytes,
        warnings,
        notes,
        pages,
        lang,
        body_size,
        png,
        pictures: picture_reports,
    })
}

/// A statement's translation: its bytes and the name it is shown by.
#[derive(Clone, Copy, Debug)]
pub struct Translation<'a> {
    /// The translation file's bytes.
    pub statement: &'a [u8],
    /// Its name for messages, and the folder its pictures are relative to.
    pub name: &'a str,
}

/// The translation to pair the statement with: the request's (`--with`),
/// else the one its front matter names, read from beside the statement.
/// A file that cannot be read is an error naming it and where it was named.
fn translation_of(
    req: &BuildRequest,
    doc: &document::Document,
) -> Result<Option<(Vec<u8>, String)>> {
    if let Some(t) = req.translation {
        return Ok(Some((t.statement.to_vec(), t.name.to_string())));
    }
    let Some(named) = &doc.meta.translation else {
        return Ok(None);
    };
    let path = beside(req.name).join(&named.path);
    let shown = path.display().to_string();
    match run::read_input(&shown) {
        Ok(bytes) => Ok(Some((bytes, shown))),
        Err(Error::Io { path, message }) => Err(Error::Io {
            path,
            message: format!(
                "{message} (the translation named at {})",
                Location::at(req.name, named.line, named.column)
            ),
        }),
        Err(e) => Err(e),
    }
}

/// The folder a statement's relative paths start from: its own, or the
/// working folder for standard input.
fn beside(name: &str) -> &std::path::Path {
    if name == "-" {
        std::path::Path::new("")
    } else {
        std::path::Path::new(name)
            .parent()
            .unwrap_or(std::path::Path::new(""))
    }
}

/// Builds the statement read as `one` with its translation as a
/// two-language leaflet (see [`compose::pair`]). The translation is read
/// as a statement of its own: its own format, language and pictures; a
/// `--lang` is the first statement's only, and the translation's own
/// `translation` key is not followed (it usually names the first).
fn build_pair(
    req: &BuildRequest,
    setup: &target::PrintSetup,
    format: target::PageFormat,
    one: Read,
    (bytes, name): (Vec<u8>, String),
) -> Result<BuildOutput> {
    if let Some(n) = req.fit_pages {
        return Err(Error::Usage {
            path: format!("--fit {n}").into(),
            message: "a two-language leaflet has one page (or half a poster) a side; \
                      --fit does not apply to it"
                .into(),
        });
    }
    let second = BuildRequest {
        statement: &bytes,
        name: &name,
        format: statement::format_for_path(&name),
        lang: None,
        picture: None,
        translation: None,
        ..req.clone()
    };
    let two = read_statement(&second)?;
    let opts_of = |r: &BuildRequest, read: &Read| -> Result<compose::ComposeOptions> {
        Ok(compose::ComposeOptions {
            layout: r.layout.name.clone(),
            lang: read.lang.clone(),
            origin: r.name.to_string(),
            pictures: load_pictures(r, &read.doc)?,
            source: Some(read.source.clone()),
        })
    };
    let opts = [opts_of(req, &one)?, opts_of(&second, &two)?];
    let composed = compose::pair::compose_pair(
        [
            compose::pair::Side {
                doc: &one.doc,
                opts: &opts[0],
            },
            compose::pair::Side {
                doc: &two.doc,
                opts: &opts[1],
            },
        ],
        &req.layout.design,
    )?;
    let [lang, second_lang] = composed.langs;
    let mut warnings = one.warnings;
    warnings.extend(two.warnings);
    warnings.extend(composed.warnings);
    let mut notes = one.notes;
    notes.extend(two.notes);
    notes.extend(composed.notes);
    let meta = pdf::PdfMeta {
        title: title_of(&one.doc),
        author: one.doc.meta.author.clone().unwrap_or_default(),
        lang: lang.clone(),
        second_lang: Some(second_lang.clone()),
        created: creation_time(),
        labels: [&one.doc, &two.doc]
            .iter()
            .flat_map(|d| d.labels.iter().cloned())
            .collect(),
    };
    let [first_pictures, second_pictures] = opts.map(|o| o.pictures);
    finish(
        req,
        (setup, format),
        Set {
            pages: composed.pages,
            fonts: composed.fonts,
            pictures: first_pictures.into_iter().chain(second_pictures).collect(),
            warnings,
            notes,
            unused: None,
            lang: format!("{lang}+{second_lang}"),
            body_size: composed.body_size,
            // Folded sheets refuse a second language.
            panels: layout::design::Panels::All,
        },
        &meta,
    )
}

/// A statement read and made ready to compose.
struct Read {
    doc: document::Document,
    /// The statement's text, for messages that quote it.
    source: std::sync::Arc<str>,
    /// The language it is set in (BCP 47).
    lang: String,
    warnings: Vec<Warning>,
    notes: Vec<Note>,
}

/// The statement stage of a build: parsed, placeholders filled, its
/// language chosen once for every later stage, its quotes and dashes made
/// typographic and its meta lines' unambiguous numeric dates written the
/// language's way (unless `--as-written`).
fn read_statement(req: &BuildRequest) -> Result<Read> {
    let parsed = statement::read(req.statement, req.format, req.encoding, req.name)?;
    let mut warnings = parsed.warnings;
    let mut doc = parsed.document;
    doc.expand_placeholders(&date::ymd(creation_time()));
    let hyphenation = &req.layout.design.hyphenation;
    let choice = lang::choose(
        &doc,
        &hyphenation.lang,
        hyphenation.lang_set_at.as_ref(),
        req.lang.as_deref(),
    );
    let notes: Vec<Note> = choice.note(req.name).into_iter().collect();
    warnings.extend(choice.warning(req.name));
    warnings.extend(lang::mismatch_warning(&doc, &choice, req.name));
    if !req.as_written {
        statement::dates::localize(&mut doc, &choice.tag);
        typography::apply(&mut doc, &choice.tag);
    }
    Ok(Read {
        doc,
        source: parsed.source.into(),
        lang: choice.tag,
        warnings,
        notes,
    })
}

/// Composes the statement as the layout says, or with `--fit N`; a text
/// that not even `--fit` fits is an error naming a layout that would hold it.
fn compose_statement(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
) -> Result<compose::Composed> {
    let Some(n) = req.fit_pages else {
        return compose::compose(doc, &req.layout.design, opts);
    };
    match compose::compose_to_fit(doc, &req.layout.design, opts, n)? {
        compose::Fitting::Set(composed) => Ok(*composed),
        compose::Fitting::Over(message) => Err(Error::Typeset {
            at: Location::file(req.name),
            message: format!("{message}{}", layout_that_fits(req, doc, opts, n)),
        }),
    }
}

/// For a statement that `--fit N` could not fit on its layout: the
/// smallest other built-in layout that holds it on N pages, as a clause to
/// add to the message (empty when none does). Each is tried by composing
/// the statement on it, its pictures placed as it places them, so the
/// advice is true. Folded layouts are left out: their pages are panels.
fn layout_that_fits(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
    n: usize,
) -> String {
    for other in other_layouts(req) {
        let on_other = BuildRequest {
            layout: &other,
            ..req.clone()
        };
        let Ok(pictures) = load_pictures(&on_other, doc) else {
            continue;
        };
        let opts = compose::ComposeOptions {
            layout: other.name.clone(),
            pictures,
            ..opts.clone()
        };
        // A cheap look first; the one named is set in full, and checked.
        if !compose::would_fit(doc, &other.design, &opts, n).unwrap_or(false) {
            continue;
        }
        if let Ok(compose::Fitting::Set(c)) = compose::compose_to_fit(doc, &other.design, &opts, n)
        {
            return format!(
                ", or use --layout {} --fit {n}, which holds it (body {})",
                other.name, c.body_size
            );
        }
    }
    String::new()
}

/// The other built-in layouts that are not folded, in the order to
/// suggest them: paper of the same family first (ISO or American: what
/// the printer has), then the smallest: the nearest thing to what was
/// asked for.
fn other_layouts(req: &BuildRequest) -> Vec<layout::Layout> {
    let mut others: Vec<layout::Layout> = layout::builtin_names()
        .into_iter()
        .filter(|name| *name != req.layout.name)
        .filter_map(|name| layout::load(name).ok())
        .filter(|l| l.design.page.fold.is_none())
        .collect();
    let us = req.layout.design.page.paper.is_us();
    let key = |l: &layout::Layout| {
        let p = &l.design.page;
        (p.paper.is_us() != us, p.width.to_pt() * p.height.to_pt())
    };
    others.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    others
}

/// A warning for each placed picture that prints below `min_dpi`, where
/// the picture was named (the layout's key or the front matter line).
fn low_dpi_warnings(
    req: &BuildRequest,
    setup: &target::PrintSetup,
    min_dpi: f64,
    pictures: &[compose::Placeable],
    pages: &[pages::Page],
    reports: &[PictureReport],
) -> Vec<Warning> {
    let placed = pages.iter().flat_map(|p| &p.pictures);
    reports
        .iter()
        .zip(placed)
        .filter(|(r, _)| r.dpi < min_dpi)
        .map(|(r, placed)| {
            let at = pictures
                .iter()
                .find(|p| std::sync::Arc::ptr_eq(&p.picture, &placed.picture))
                .map_or_else(|| Location::file(req.name), |p| p.spec.at.clone());
            Warning {
                at,
                message: format!(
                    "picture `{}` prints at {:.0} dpi ({}×{} pixels over {:.0}×{:.0} mm); \
                     {} printing wants {:.0} dpi: use a larger picture or print it smaller",
                    r.file,
                    r.dpi,
                    r.pixels.0,
                    r.pixels.1,
                    r.width.to_mm(),
                    r.height.to_mm(),
                    setup.target,
                    min_dpi
                ),
            }
        })
        .collect()
}

/// How full the inside spread of a folded leaflet should be, at least,
/// when the body is set across it alone: issue #14's "last page at least
/// half full"; less reads as a leftover.
const SPREAD_FILL: f64 = 0.5;

/// A warning when a folded leaflet's text leaves panels empty, or the
/// inside spread it is set across less than half full, even at the
/// largest size that keeps a readable line: it names the smallest other
/// layout that holds the text on one page at no less than its usual body
/// size, set as that layout sets it.
fn unused_panels_warning(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
    composed: &compose::Composed,
) -> Option<Warning> {
    let f = req.layout.design.page.fold?;
    let used = composed
        .pages
        .iter()
        .filter(|p| !p.lines.is_empty())
        .count();
    let short = match composed.panels {
        layout::design::Panels::All if used < f.panels() => format!(
            "the statement fills only {used} of the {} panels of the folded leaflet",
            f.panels()
        ),
        // Flap and back are left free on purpose here.
        layout::design::Panels::CoverAndSpread if composed.fill < SPREAD_FILL => format!(
            "the statement fills only {:.0}% of the inside spread of the folded leaflet \
             (the headline alone on its cover)",
            composed.fill * 100.0
        ),
        _ => return None,
    };
    // Tried only now, when the warning is due: a short text sets fast.
    let better = other_layouts(req).into_iter().find_map(|other| {
        let on_other = BuildRequest {
            layout: &other,
            ..req.clone()
        };
        let opts = compose::ComposeOptions {
            layout: other.name.clone(),
            pictures: load_pictures(&on_other, doc).ok()?,
            ..opts.clone()
        };
        let c = compose::compose(doc, &other.design, &opts).ok()?;
        // On one page, and not in small print: at least the layout's own size.
        (c.pages.len() == 1 && c.body_size >= other.design.body.size)
            .then(|| format!("{} holds it on one page (body {})", other.name, c.body_size))
    });
    Some(Warning {
        at: Location::file(req.name),
        message: format!(
            "{short}, set at {}, as large as keeps a readable line; {}",
            composed.body_size,
            better.unwrap_or_else(|| "a shorter format suits a text this short".to_string())
        ),
    })
}

/// The pages as printed: a folded sheet's panels put on its two sides, or
/// copies of each page imposed on a larger sheet.
fn arrange(
    req: &BuildRequest,
    setup: &target::PrintSetup,
    (pages, panels, direction): (
        Vec<pages::Page>,
        layout::design::Panels,
        typeset::bidi::Direction,
    ),
) -> Result<Vec<pages::Page>> {
    let page = &req.layout.design.page;
    let sheet = (page.width, page.height);
    let pages = match page.fold {
        Some(f) => fold::fold(pages, (f, panels, direction), sheet, req.name)?,
        None => pages,
    };
    if let (Some(_), Some(_)) = (page.fold, setup.impose) {
        return Err(Error::Layout {
            at: Location::file(req.layout.name.clone()),
            message: "a folded leaflet fills its sheet; it cannot also be imposed n-up".into(),
        });
    }
    Ok(match setup.impose {
        Some(n) => impose::impose(pages, n),
        None => pages,
    })
}

/// Reads the layout's pictures and the statement's (front matter `image`,
/// relative to the statement). The statement's goes where the layout has
/// an `[[image]]` without `file`, else across the top.
fn load_pictures(req: &BuildRequest, doc: &document::Document) -> Result<Vec<compose::Placeable>> {
    let limits = &req.picture_limits;
    let mut out = Vec::new();
    // The statement's own picture: uploaded bytes, else front matter
    // `image`, a path beside the statement.
    enum Own<'b> {
        Bytes(&'b [u8]),
        Path(std::path::PathBuf),
    }
    let own: Option<(Own, Location)> = match (req.picture, &doc.meta.image) {
        (Some((name, bytes)), _) => Some((Own::Bytes(bytes), Location::file(name))),
        (None, Some(r)) => {
            let base = beside(req.name);
            let at = Location {
                file: req.name.to_string(),
                line: Some(r.line),
                column: None,
            };
            Some((Own::Path(base.join(&r.path)), at))
        }
        (None, None) => None,
    };
    let mut own_placed = false;
    let load_own = |spec: crate::layout::design::ImageSpec| -> Result<Option<compose::Placeable>> {
        let Some((source, at)) = &own else {
            return Ok(None);
        };
        let picture = match source {
            // Its size was bounded by whoever received it (the server's
            // request limit), as a file's is by `picture::load`.
            Own::Bytes(bytes) => picture::decode(bytes.to_vec(), &at.file, at, limits)?,
            Own::Path(path) => picture::load(path, &path.display().to_string(), at, limits)?,
        };
        Ok(Some(compose::Placeable {
            spec: crate::layout::design::ImageSpec {
                at: at.clone(),
                // The statement says what its own picture shows.
                alt: doc.meta.alt.clone().or(spec.alt),
                ..spec
            },
            picture: std::sync::Arc::new(picture),
        }))
    };
    // A file placed twice is read once, and goes into the PDF once.
    let mut read: Vec<(&std::path::Path, std::sync::Arc<picture::Picture>)> = Vec::new();
    for spec in &req.layout.design.images {
        match &spec.file {
            Some(path) => {
                let picture = match read.iter().find(|(p, _)| p == path) {
                    Some((_, picture)) => picture.clone(),
                    None => {
                        let shown = path.display().to_string();
                        let picture =
                            std::sync::Arc::new(picture::load(path, &shown, &spec.at, limits)?);
                        read.push((path, picture.clone()));
                        picture
                    }
                };
                out.push(compose::Placeable {
                    spec: spec.clone(),
                    picture,
                });
            }
            // Only the first place for the statement's picture is used.
            None if !own_placed => {
                if let Some(p) = load_own(spec.clone())? {
                    out.push(p);
                    own_placed = true;
                }
            }
            None => {}
        }
    }
    if !own_placed {
        if let Some((_, at)) = &own {
            if let Some(p) = load_own(compose::default_picture_spec(at.clone()))? {
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// Each placed picture with the resolution it prints at.
fn report_pictures(pages: &[pages::Page]) -> Vec<PictureReport> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| {
            page.pictures.iter().map(move |p| PictureReport {
                file: p.picture.source.clone(),
                page: i + 1,
                pixels: p.picture.shown_size(),
                clip: p.clip,
                width: p.area.width,
                height: p.area.height,
                dpi: p.dpi(),
            })
        })
        .collect()
}

/// The time stamped into the PDF: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else now.
fn creation_time() -> i64 {
    if let Some(t) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return t;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
