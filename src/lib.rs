//! handbill: typesets a statement into a print-ready PDF leaflet.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! 1. [`statement`]: bytes of a plain-text or Markdown statement → [`document::Document`]
//! 2. [`typography`]: quotes, dashes and ellipses set by the language's rules
//! 3. [`spec`]: a TOML layout spec → [`spec::Layout`]
//! 4. [`paragraph`] (with [`fonts`], [`shape`], [`hyphenate`]): styled text →
//!    Knuth–Plass items (boxes, glue, penalties) → [`line::Line`]s via [`linebreak`]
//! 5. [`pages`] (driven by [`compose`]): lines → columns → [`pages::Page`]s
//! 6. [`pdf`]: pages → PDF bytes (and [`raster`]: pages → PNG previews)
//!
//! [`build`] runs them all; the `handbill` binary is a thin shell around it.

// A panic is never an answer to bad input: no unwrap()/expect() in the
// library (tests may; see clippy.toml). The few reasoned exceptions say why.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod color;
pub mod compose;
pub mod date;
pub mod document;
pub mod error;
pub mod figure;
pub mod fold;
pub mod fonts;
pub mod hyphenate;
pub mod impose;
pub mod line;
pub mod linebreak;
pub mod marks;
pub mod names;
pub mod output;
pub mod pages;
pub mod paragraph;
pub mod pdf;
pub mod preflight;
pub mod print;
pub mod raster;
pub mod shape;
pub mod spec;
pub mod statement;
pub mod target;
pub mod typography;
pub mod units;

pub use error::{Error, Location, Result, Warning};

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
    pub layout: &'a spec::Layout,
    /// A language tag overriding the statement's and the layout's.
    pub lang: Option<String>,
    /// Keep quotes, dashes and dots as typed instead of setting the
    /// language's typographic forms.
    pub as_written: bool,
    /// Also draw PNG previews of the pages at this resolution (dots per inch).
    pub png_dpi: Option<f64>,
    /// Put copies of each page side by side on a larger sheet (overrides
    /// the layout's `impose`).
    pub impose: Option<impose::NUp>,
    /// The printer the PDF is for (overrides the layout's `[print] for`).
    pub target: Option<target::PrintTarget>,
    /// Fail with [`Error::Strict`] instead of returning warnings.
    pub strict: bool,
}

impl<'a> BuildRequest<'a> {
    /// A request with the usual settings: the format from the name's
    /// extension, UTF-8, the statement's or layout's language, typographic
    /// quotes, no PNG.
    pub fn new(statement: &'a [u8], name: &'a str, layout: &'a spec::Layout) -> BuildRequest<'a> {
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
        }
    }
}

/// What a build produced.
#[derive(Clone, Debug)]
pub struct BuildOutput {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Warnings from every stage, in order.
    pub warnings: Vec<Warning>,
    /// Number of pages.
    pub pages: usize,
    /// The language used for hyphenation and shaping.
    pub lang: String,
    /// The body size used: chosen to fill the page with `fit = "page"`.
    pub body_size: units::Length,
    /// PNG previews, one per page, when asked for.
    pub png: Vec<Vec<u8>>,
}

/// Builds a statement into PDF bytes.
pub fn build(req: &BuildRequest) -> Result<BuildOutput> {
    let setup = target::PrintSetup::resolve(
        &req.layout.print,
        req.target,
        req.impose,
        &req.layout.page.paper,
    )?;
    let parsed = statement::read(req.statement, req.format, req.encoding, req.name)?;
    let mut warnings = parsed.warnings;
    let mut doc = parsed.document;
    doc.expand_placeholders(&date::ymd(creation_time()));
    if !req.as_written {
        let lang = compose::language(&doc, req.layout, req.lang.as_deref());
        typography::apply(&mut doc, &lang);
    }
    let composed = compose::compose(
        &doc,
        req.layout,
        &compose::ComposeOptions {
            lang: req.lang.clone(),
            origin: req.name.to_string(),
        },
    )?;
    warnings.extend(composed.warnings.iter().cloned());
    let meta = pdf::PdfMeta {
        title: doc
            .meta
            .title
            .clone()
            .or_else(|| doc.headline())
            .unwrap_or_default(),
        author: doc.meta.author.clone().unwrap_or_default(),
        lang: composed.lang.clone(),
        created: creation_time(),
    };
    if let Some(f) = req.layout.page.fold {
        let used = composed
            .pages
            .iter()
            .filter(|p| !p.lines.is_empty())
            .count();
        if used < f.panels() {
            warnings.push(Warning {
                at: Location::file(req.name),
                message: format!(
                    "the statement fills only {used} of the {} panels of the folded leaflet, \
                     set at {}; a4-leaflet or a5-flyer suits a text this short",
                    f.panels(),
                    composed.body_size
                ),
            });
        }
    }
    let pages = match req.layout.page.fold {
        Some(f) => fold::fold(
            composed.pages,
            f,
            (req.layout.page.width, req.layout.page.height),
            req.name,
        )?,
        None => composed.pages,
    };
    if let (Some(_), Some(_)) = (req.layout.page.fold, setup.impose) {
        return Err(Error::Layout {
            at: Location::file(req.layout.name.clone()),
            message: "a folded leaflet fills its sheet; it cannot also be imposed n-up".into(),
        });
    }
    let sheets = match setup.impose {
        Some(n) => impose::impose(pages, n),
        None => pages,
    };
    warnings.extend(preflight::check(&sheets, &composed.fonts, &setup, req.name));
    if req.strict && !warnings.is_empty() {
        return Err(Error::Strict {
            at: Location::file(req.name),
            warnings,
        });
    }
    let pages = sheets.len();
    let png = match req.png_dpi {
        Some(dpi) => raster::png_pages(&sheets, &composed.fonts, dpi)?,
        None => Vec::new(),
    };
    let bytes = pdf::write(sheets, &composed.fonts, &meta, &setup)?;
    Ok(BuildOutput {
        pdf: bytes,
        warnings,
        pages,
        lang: composed.lang,
        body_size: composed.body_size,
        png,
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
