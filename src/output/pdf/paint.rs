//! Colour operators as the print target needs them, and the spot colour
//! spaces (`Separation`) they use.

use pdf_writer::{Content, Name};

use crate::compose::pages::Page;
use crate::output::color;
use crate::output::target::{ColorMode, PrintSetup};
use crate::style::Color;

/// The resource name of the registration colour: ink on every plate.
pub(super) const REGISTRATION: &str = "HbAll";

/// A `Separation` colour space the content uses.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Separation {
    /// The resource name in the page's /ColorSpace dictionary.
    pub(super) resource: String,
    /// The ink's name: a spot ink, or `All` for registration.
    pub(super) ink: String,
    /// The CMYK the full tint stands for on a proof or a 4-colour press.
    pub(super) cmyk: [f64; 4],
}

/// Writes colours for one document. The spot inks are gathered from the
/// pages before any content is written, so that pages can be written in
/// any order (and in parallel) with the same resource names.
pub(super) struct Painter {
    mode: ColorMode,
    separations: Vec<Separation>,
}

impl Painter {
    /// A painter for `setup`'s colour mode and every spot ink `pages` use
    /// (and the registration colour when `marks` are drawn), in the order
    /// of first use.
    pub(super) fn new(setup: &PrintSetup, pages: &[Page], marks: bool) -> Painter {
        let mut painter = Painter {
            mode: setup.color,
            separations: Vec::new(),
        };
        for page in pages {
            let fills = page.fills.iter().map(|f| f.color);
            let text = page
                .lines
                .iter()
                .flat_map(|l| &l.line.runs)
                .map(|r| r.color);
            for c in fills.chain(text) {
                if let Color::Spot { name, cmyk, .. } = color::for_output(c, painter.mode) {
                    if !painter
                        .separations
                        .iter()
                        .any(|s| s.resource != REGISTRATION && s.ink == name.as_str())
                    {
                        let spots = painter.spot_count();
                        painter.separations.push(Separation {
                            resource: format!("HbSpot{spots}"),
                            ink: name.as_str().to_string(),
                            cmyk,
                        });
                    }
                }
            }
        }
        if marks {
            painter.separations.push(Separation {
                resource: REGISTRATION.into(),
                ink: "All".into(),
                cmyk: [1.0; 4],
            });
        }
        painter
    }

    /// The separation of a spot ink, if the pages use it.
    fn spot(&self, ink: &str) -> Option<&Separation> {
        self.separations
            .iter()
            .find(|s| s.resource != REGISTRATION && s.ink == ink)
    }

    fn spot_count(&self) -> usize {
        self.separations
            .iter()
            .filter(|s| s.resource != REGISTRATION)
            .count()
    }

    /// Sets the fill colour.
    pub(super) fn fill(&self, content: &mut Content, c: Color) {
        self.set(content, c, false);
    }

    /// Sets the stroke colour.
    pub(super) fn stroke(&self, content: &mut Content, c: Color) {
        self.set(content, c, true);
    }

    /// Strokes in registration colour (`/Separation /All`), which prints on
    /// every plate: for printer's marks only.
    pub(super) fn registration_stroke(&self, content: &mut Content) {
        content.set_stroke_color_space(Name(REGISTRATION.as_bytes()));
        content.set_stroke_color([1.0]);
    }

    /// The separations the document uses.
    pub(super) fn separations(&self) -> &[Separation] {
        &self.separations
    }

    fn set(&self, content: &mut Content, c: Color, stroke: bool) {
        let f = |x: f64| x as f32;
        match color::for_output(c, self.mode) {
            Color::Spot { name, tint, cmyk } => {
                match self.spot(name.as_str()) {
                    Some(s) if stroke => {
                        content.set_stroke_color_space(Name(s.resource.as_bytes()));
                        content.set_stroke_color([f(tint)]);
                    }
                    Some(s) => {
                        content.set_fill_color_space(Name(s.resource.as_bytes()));
                        content.set_fill_color([f(tint)]);
                    }
                    // Painter::new gathers every ink the pages use; should a
                    // new kind of drawing miss it, its CMYK stand-in still prints.
                    None => {
                        let [c, m, y, k] = cmyk.map(|x| x * tint);
                        self.set(content, Color::Cmyk(c, m, y, k), stroke);
                    }
                }
            }
            Color::Gray(g) if stroke => {
                content.set_stroke_gray(f(g));
            }
            Color::Gray(g) => {
                content.set_fill_gray(f(g));
            }
            Color::Rgb(r, g, b) if stroke => {
                content.set_stroke_rgb(f(r), f(g), f(b));
            }
            Color::Rgb(r, g, b) => {
                content.set_fill_rgb(f(r), f(g), f(b));
            }
            Color::Cmyk(c, m, y, k) if stroke => {
                content.set_stroke_cmyk(f(c), f(m), f(y), f(k));
            }
            Color::Cmyk(c, m, y, k) => {
                content.set_fill_cmyk(f(c), f(m), f(y), f(k));
            }
        }
    }
}
