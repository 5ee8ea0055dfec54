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
//! Imports follow the data: [`layout`] owns the settings types it builds
//! ([`layout::design::Design`] for [`compose`], [`layout::print::PrintSpec`]
//! for [`output`]), so they import it and it imports neither. The order a
//! module may import from is [`STAGES`]; `tests/stages.rs` checks every
//! `use crate::` against it.
//!
//! [`build()`] runs them all (the [`mod@build`] module); the `handbill`
//! binary is a thin shell around it.

// A panic is never an answer to bad input: no unwrap()/expect() in the
// library (tests may; see clippy.toml). The few reasoned exceptions say why.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod date;
pub mod error;
pub mod names;
pub mod script;
pub mod style;
pub mod units;

pub mod build;
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
/// the print setup ([`output`]). [`mod@build`] runs the stages for one
/// statement; [`run`] (builds as the command line runs them: batches,
/// watching) and [`serve`] (builds as the web editor asks for them) call
/// it. The crate root and the binary may use everything.
pub const STAGES: &[&[&str]] = &[
    &["error", "units", "names", "date", "script"],
    &["style"],
    &["statement"],
    &["typeset"],
    &["layout"],
    &["compose"],
    &["output"],
    &["build"],
    &["run"],
    &["serve"],
];

pub use error::{Error, Location, Note, Result, Warning};

pub use build::{build, BuildOutput, BuildRequest, PictureReport, Translation};
