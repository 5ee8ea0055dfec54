//! Colour operators as the print target needs them, and the spot colour
//! spaces (`Separation`) they use.

use std::cell::RefCell;

use printpdf::{Cmyk, Color as PdfColor, DictItem, Greyscale, Op, Rgb};

use crate::color;
use crate::spec::{Color, SpotName};
use crate::target::{ColorMode, PrintSetup};

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

/// Writes colours for one document and remembers the spot inks it used.
pub(super) struct Painter {
    mode: ColorMode,
    used: RefCell<Vec<Separation>>,
}

impl Painter {
    /// A painter for `setup`'s colour mode.
    pub(super) fn new(setup: &PrintSetup) -> Painter {
        Painter {
            mode: setup.color,
            used: RefCell::new(Vec::new()),
        }
    }

    /// Operators that set the fill colour.
    pub(super) fn fill(&self, c: Color) -> Vec<Op> {
        self.set(c, false)
    }

    /// Operators that set the stroke colour.
    pub(super) fn stroke(&self, c: Color) -> Vec<Op> {
        self.set(c, true)
    }

    /// Operators that stroke in registration colour (`/Separation /All`),
    /// which prints on every plate: for printer's marks only.
    pub(super) fn registration_stroke(&self) -> Vec<Op> {
        self.separation(REGISTRATION, "All", [1.0; 4], 1.0, true)
    }

    /// The separations used so far, in the order of first use.
    pub(super) fn separations(&self) -> Vec<Separation> {
        self.used.borrow().clone()
    }

    fn set(&self, c: Color, stroke: bool) -> Vec<Op> {
        let col = match color::for_output(c, self.mode) {
            Color::Spot { name, tint, cmyk } => {
                let resource = self.resource_for(name);
                return self.separation(&resource, name.as_str(), cmyk, tint, stroke);
            }
            Color::Gray(g) => PdfColor::Greyscale(Greyscale {
                percent: g as f32,
                icc_profile: None,
            }),
            Color::Rgb(r, g, b) => PdfColor::Rgb(Rgb {
                r: r as f32,
                g: g as f32,
                b: b as f32,
                icc_profile: None,
            }),
            Color::Cmyk(c, m, y, k) => PdfColor::Cmyk(Cmyk {
                c: c as f32,
                m: m as f32,
                y: y as f32,
                k: k as f32,
                icc_profile: None,
            }),
        };
        vec![if stroke {
            Op::SetOutlineColor { col }
        } else {
            Op::SetFillColor { col }
        }]
    }

    /// The resource name of a spot ink: the one it already has, or the next free one.
    fn resource_for(&self, name: SpotName) -> String {
        let used = self.used.borrow();
        if let Some(s) = used
            .iter()
            .find(|s| s.ink == name.as_str() && s.resource != REGISTRATION)
        {
            return s.resource.clone();
        }
        let spots = used.iter().filter(|s| s.resource != REGISTRATION).count();
        format!("HbSpot{spots}")
    }

    fn separation(
        &self,
        resource: &str,
        ink: &str,
        cmyk: [f64; 4],
        tint: f64,
        stroke: bool,
    ) -> Vec<Op> {
        {
            let mut used = self.used.borrow_mut();
            if !used.iter().any(|s| s.resource == resource) {
                used.push(Separation {
                    resource: resource.to_string(),
                    ink: ink.to_string(),
                    cmyk,
                });
            }
        }
        let tint = vec![DictItem::Real(tint as f32)];
        if stroke {
            vec![
                Op::SetColorSpaceStroke {
                    id: resource.to_string(),
                },
                Op::Unknown {
                    key: "SCN".into(),
                    value: tint,
                },
            ]
        } else {
            vec![
                Op::SetColorSpaceFill {
                    id: resource.to_string(),
                },
                Op::Unknown {
                    key: "scn".into(),
                    value: tint,
                },
            ]
        }
    }
}
