//! Running builds the way the command line does: one statement to a file,
//! many on all cores, or again whenever a file changes.
//!
//! The `handbill` binary parses its arguments into a [`Job`] and hands it
//! here with a [`Report`] that prints to the terminal; tests and other
//! front ends can pass their own.

mod batch;
mod guard;
mod one;
mod watch;

use std::path::PathBuf;

use crate::error::{Error, Note, Result, Warning};
use crate::layout;
use crate::layout::print::NUp;
use crate::layout::print::PrintTarget;
use crate::output::raster;
use crate::statement::Encoding;

pub use one::{build_one, output_path, output_target, write_pngs, Target};
pub use watch::watch;

/// What to build, and how; the same for every statement of a run.
#[derive(Clone, Debug, Default)]
pub struct Job {
    /// Statement files, or `-` for standard input.
    pub inputs: Vec<String>,
    /// A built-in layout name or a layout file.
    pub layout: String,
    /// The PDF for a single statement (`-` for standard output).
    pub output: Option<String>,
    /// Where the PDFs go (default: beside each statement).
    pub out_dir: Option<PathBuf>,
    /// A language tag overriding the statement's and the layout's.
    pub lang: Option<String>,
    /// The encoding of a non-UTF-8 statement.
    pub encoding: Option<Encoding>,
    /// Keep quotes, dashes and dots as typed.
    pub as_written: bool,
    /// Also write PNG previews.
    pub png: Option<Preview>,
    /// The previews' resolution, in dots per inch.
    pub png_dpi: f64,
    /// Copies per sheet, or (`Some(None)`) none, whatever the layout or
    /// the target would choose.
    pub impose: Option<Option<NUp>>,
    /// The printer the PDF is for.
    pub target: Option<PrintTarget>,
    /// Fit each statement onto this many pages, below the layout's
    /// `min-size` if it must be (`--fit N`).
    pub fit: Option<usize>,
    /// The statement's translation (`--with`): the two set as one
    /// two-language leaflet.
    pub with: Option<String>,
    /// Fail on any warning.
    pub strict: bool,
    /// Say nothing but errors.
    pub quiet: bool,
    /// Also say the language and the time of each build.
    pub verbose: bool,
}

/// Where the PNG previews of a statement go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Preview {
    /// Beside its PDF, with `.png` for `.pdf` (`--png` without a name).
    Beside,
    /// The first page to this file, the others beside it as `-2`, `-3`, ….
    File(PathBuf),
}

impl Job {
    /// The file of the first preview page of `input`, if previews are asked for.
    pub fn png_for(&self, input: &str) -> Option<PathBuf> {
        match self.png.as_ref()? {
            Preview::File(p) => Some(p.clone()),
            Preview::Beside => Some(
                match output_path(input, self.output.as_deref(), self.out_dir.as_deref()) {
                    Target::File(pdf) => pdf.with_extension("png"),
                    // A PDF on standard output: the preview in the folder.
                    Target::Stdout => self
                        .out_dir
                        .clone()
                        .unwrap_or_default()
                        .join("statement.png"),
                },
            ),
        }
    }
}

/// Where a run's messages go.
pub trait Report: Sync {
    /// Something worth saying that is not a problem (the language detected).
    fn note(&self, note: &Note);
    /// A problem that did not stop the build.
    fn warning(&self, warning: &Warning);
    /// A build that failed (in a batch or a watch, where the run goes on).
    fn error(&self, error: &Error);
    /// What was written, one line.
    fn wrote(&self, line: &str);
    /// A statement's PDF is now in this file (not said for standard output),
    /// whether or not the build is announced: for a front end that opens it.
    fn written(&self, _pdf: &std::path::Path) {}
    /// One more statement of a batch is done; `name` is the last one.
    fn progress(&self, _name: &str) {}
}

/// Builds every statement of `job`: one to its file, several in parallel
/// (each failure reported, the worst deciding the error), or, with
/// `watch`, again and again as files change (returning only on a usage
/// error).
pub fn run(job: &Job, watch: bool, report: &dyn Report) -> Result<()> {
    let layout = layout::load(&job.layout)?;
    if let Some(dir) = &job.out_dir {
        // Named as where the outputs go: made if it is not there yet.
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    }
    if let Some(tag) = &job.lang {
        check_lang(tag)?;
    }
    if job.png.is_some() {
        // Before any work: the page at least must fit the preview's limit
        // (an imposed sheet is larger, and is checked when it is drawn).
        let page = &layout.design.page;
        if !raster::fits(page.width, page.height, job.png_dpi) {
            return Err(raster::too_many_pixels(
                page.width,
                page.height,
                job.png_dpi,
            ));
        }
    }
    refuse_overwrites(job, &layout)?;
    if let (Some(with), true) = (&job.with, job.inputs.len() > 1) {
        return Err(Error::Usage {
            path: PathBuf::from(with),
            message: "--with is the translation of one statement; give one statement with it"
                .into(),
        });
    }
    if watch {
        return watch::watch(job, report);
    }
    if let [input] = job.inputs.as_slice() {
        let announce = !job.quiet;
        return build_one(input, job.output.as_deref(), &layout, job, announce, report).map(|_| ());
    }
    if job.output.is_some() {
        return Err(Error::Io {
            path: PathBuf::from(job.output.clone().unwrap_or_default()),
            message: "-o names one file; for several statements use --out-dir".into(),
        });
    }
    batch::build_many(&layout, job, report)
}

/// Refuses a run that would write over one of its inputs (a statement,
/// the layout and what it extends, a font, a picture, the ICC profile) or
/// write two outputs to one file, before anything is built.
fn refuse_overwrites(job: &Job, layout: &layout::Layout) -> Result<()> {
    let inputs = guard::input_roles(
        job.inputs.iter().chain(&job.with).map(String::as_str),
        layout,
    );
    let mut outputs = Vec::new();
    for input in &job.inputs {
        if let Target::File(p) = output_path(input, job.output.as_deref(), job.out_dir.as_deref()) {
            outputs.push(guard::Role::pdf(p, input));
        }
        if let Some(png) = job.png_for(input) {
            outputs.push(guard::Role::preview(png, input));
        }
    }
    guard::refuse_overlaps(&outputs, &inputs)
}

/// `--lang` must name a language, as a layout's `lang` must: set on the
/// command line it is meant for every statement, and a slip ("dk") would
/// set them all in the wrong one. A language without hyphenation patterns
/// (Arabic, Thai, Sinhala) is a language all the same: the detector's own
/// warning tells its users to name it here.
fn check_lang(tag: &str) -> Result<()> {
    use crate::typeset::hyphenate::{known_tags_hint, suggest_tag};
    if crate::typeset::lang::is_language(tag) {
        return Ok(());
    }
    let hint = match suggest_tag(tag) {
        Some(s) => format!("did you mean \"{s}\"?"),
        None => format!("handbill hyphenates {}", known_tags_hint()),
    };
    Err(Error::Usage {
        path: "--lang".into(),
        message: format!("\"{tag}\" names no language handbill knows; {hint}"),
    })
}
