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

pub mod compose;
pub mod document;
pub mod error;
pub mod figure;
pub mod fonts;
pub mod hyphenate;
pub mod impose;
pub mod lang;
pub mod line;
pub mod linebreak;
pub mod names;
pub mod output;
pub mod pages;
pub mod paragraph;
pub mod pdf;
pub mod print;
pub mod raster;
pub mod shape;
pub mod spec;
pub mod statement;
pub mod typography;
pub mod units;

pub use error::{Error, Location, Note, Result, Warning};

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
    /// Put copies of each page side by side on a larger sheet.
    pub impose: Option<impose::NUp>,
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
    /// Things worth saying that are not problems (the language detected).
    pub notes: Vec<Note>,
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
    let parsed = statement::read(req.statement, req.format, req.encoding, req.name)?;
    let mut warnings = parsed.warnings;
    let mut doc = parsed.document;
    let source: std::sync::Arc<str> = parsed.source.into();
    doc.expand_placeholders(&today(creation_time()));
    let choice = lang::choose(&doc, req.layout, req.lang.as_deref());
    let notes: Vec<Note> = choice.note(req.name).into_iter().collect();
    warnings.extend(choice.warning(req.name));
    warnings.extend(lang::mismatch_warning(&doc, &choice, req.name));
    if !req.as_written {
        typography::apply(&mut doc, &choice.tag);
    }
    let composed = compose::compose(
        &doc,
        req.layout,
        &compose::ComposeOptions {
            lang: Some(choice.tag.clone()),
            origin: req.name.to_string(),
            source: Some(source),
        },
    )?;
    warnings.extend(composed.warnings.iter().cloned());
    let mut notes = notes;
    notes.extend(composed.notes.iter().cloned());
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
    let sheets = match req.impose {
        Some(n) => impose::impose(composed.pages, n),
        None => composed.pages,
    };
    let pages = sheets.len();
    let png = match req.png_dpi {
        Some(dpi) => raster::png_pages(&sheets, &composed.fonts, dpi)?,
        None => Vec::new(),
    };
    let bytes = pdf::write(sheets, &composed.fonts, &meta)?;
    Ok(BuildOutput {
        pdf: bytes,
        warnings,
        notes,
        pages,
        lang: composed.lang,
        body_size: composed.body_size,
        png,
    })
}

/// The date of `secs` since 1970 as YYYY-MM-DD (UTC), for `{date}`.
fn today(secs: i64) -> String {
    // Civil-from-days (Howard Hinnant's algorithm): no date crate needed for one date.
    let days = secs.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
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

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::today(0), "1970-01-01");
        assert_eq!(super::today(1_795_651_200), "2026-11-26");
        assert_eq!(super::today(951_782_400), "2000-02-29");
    }
}
