//! One build: a statement (or a statement and its translation) read,
//! composed and written as PDF for one printer. The stages run in order,
//! each on the last one's result; the command line ([`crate::run`]) and the
//! web editor ([`crate::serve`]) call [`build`].

mod advice;
mod pair;
mod pictures;

use crate::compose::{self, fold, impose, pages, picture};
use crate::error::{Error, Location, Note, Result, Warning};
use crate::layout;
use crate::output::{self, pdf, preflight, raster, target};
use crate::statement::{self, document};
use crate::typeset::{self, hyphenate, lang, typography};
use crate::{date, units};
use advice::{empty_page_note, layout_that_fits, unused_panels_warning};
use pair::{build_pair, translation_of};
use pictures::{load_pictures, low_dpi_warnings, report_pictures};

pub use pair::Translation;

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
    notes.extend(empty_page_note(req, &doc, &opts, &composed));
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
    lang::mark_other_languages(&mut doc, &choice.tag);
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
