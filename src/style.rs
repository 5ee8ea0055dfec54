//! Plain style values that every stage shares: colours and spot inks,
//! alignment, weights, font references and paper sizes. They are the
//! vocabulary of a layout, but they are not the layout loader: this module
//! imports only [`crate::units`], so the stages can use it without reaching
//! back into `layout`.

use std::path::PathBuf;

use crate::units::Length;

/// A font, as a layout names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FontRef {
    /// A family name: `serif`, `sans`, `display`, or a bundled font's real name.
    Family(String),
    /// A font file, resolved against the layout file's directory; it existed
    /// when the layout was loaded.
    File(PathBuf),
}

/// The fonts tried, in order, for a character a text's own font lacks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fallback {
    /// Bundled families and font files, in the layout's order.
    pub fonts: Vec<FontRef>,
    /// Whether the system's fonts are searched after them (the layout's
    /// last entry is `"system"`; see `typeset::system_fonts`).
    pub system: bool,
}

/// Horizontal alignment of lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Flush left, ragged right (body `align = "ragged"`).
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Flush on both sides.
    Justify,
}

/// Font weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// The regular face.
    Regular,
    /// The bold face.
    Bold,
}

/// A colour; every component is in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Color {
    /// Gray level: 0 black, 1 white.
    Gray(f64),
    /// Red, green, blue.
    Rgb(f64, f64, f64),
    /// Cyan, magenta, yellow, black.
    Cmyk(f64, f64, f64, f64),
    /// A named spot ink (a `Separation` colour space) at a tint, with the
    /// CMYK mix that stands in for it where the ink is not used.
    Spot {
        /// The ink's name, e.g. "PANTONE 485 C".
        name: SpotName,
        /// How much of the ink, 0..=1.
        tint: f64,
        /// The full-tint CMYK equivalent.
        cmyk: [f64; 4],
    },
}

impl Color {
    // The plain device formulas (K = 1 − max(R, G, B), then C, M, Y from
    // what is left), not colour-managed ones: handbill has no colour
    // management engine, and a layout that needs exact print colours
    // gives them as `cmyk(…)`.

    /// The colour as CMYK fractions (a spot colour as its CMYK stand-in at its tint).
    pub fn to_cmyk(self) -> [f64; 4] {
        match self {
            // Gray is black ink only: black text stays 100% K, never rich black.
            Color::Gray(g) => [0.0, 0.0, 0.0, unit(1.0 - g)],
            Color::Rgb(r, g, b) => {
                if r == g && g == b {
                    return [0.0, 0.0, 0.0, unit(1.0 - r)];
                }
                let k = 1.0 - r.max(g).max(b);
                if k >= 1.0 {
                    return [0.0, 0.0, 0.0, 1.0];
                }
                let f = |x: f64| unit((1.0 - x - k) / (1.0 - k));
                [f(r), f(g), f(b), unit(k)]
            }
            Color::Cmyk(c, m, y, k) => [c, m, y, k],
            Color::Spot { tint, cmyk, .. } => cmyk.map(|x| unit(x * tint)),
        }
    }

    /// The colour as RGB fractions, for drawing previews.
    pub fn to_rgb(self) -> [f64; 3] {
        match self {
            Color::Gray(g) => [g, g, g],
            Color::Rgb(r, g, b) => [r, g, b],
            _ => {
                let [c, m, y, k] = self.to_cmyk();
                [
                    (1.0 - c) * (1.0 - k),
                    (1.0 - m) * (1.0 - k),
                    (1.0 - y) * (1.0 - k),
                ]
            }
        }
    }
}

/// `x` held to 0..=1.
fn unit(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// A spot colour's name. Fixed-size so that a [`Color`] stays `Copy`; ink
/// names are short ("PANTONE 485 C", "HKS 13 K").
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpotName {
    bytes: [u8; SpotName::MAX],
    len: u8,
}

impl SpotName {
    /// The longest name, in bytes.
    pub const MAX: usize = 63;

    /// The name, if it is 1 to [`SpotName::MAX`] bytes long.
    pub fn new(name: &str) -> Option<SpotName> {
        let len = name.len();
        if len == 0 || len > SpotName::MAX {
            return None;
        }
        let mut bytes = [0; SpotName::MAX];
        bytes[..len].copy_from_slice(name.as_bytes());
        Some(SpotName {
            bytes,
            len: len as u8,
        })
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        // Always whole UTF-8: `new` copies a whole `str`.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl std::fmt::Debug for SpotName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// A named paper size, or one the layout gives by width and height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// ISO A0, 841 × 1189 mm.
    A0,
    /// ISO A1, 594 × 841 mm.
    A1,
    /// ISO A2, 420 × 594 mm.
    A2,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// ISO A5, 148 × 210 mm.
    A5,
    /// ISO A6, 105 × 148 mm.
    A6,
    /// ISO A7, 74 × 105 mm.
    A7,
    /// ISO B4, 250 × 353 mm.
    B4,
    /// ISO B5, 176 × 250 mm.
    B5,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// US Legal, 8.5 × 14 in.
    Legal,
    /// US Tabloid (Ledger when turned), 11 × 17 in.
    Tabloid,
    /// Any other size: the layout's `width` and `height`.
    Custom,
}

/// A paper's portrait size in the unit it is defined in, so that an inch
/// size stays exact in points.
#[derive(Clone, Copy)]
enum Size {
    Mm(f64, f64),
    Inch(f64, f64),
}

impl Paper {
    /// Every paper, in the order messages list them. The one table of
    /// names and sizes: `layout` reads names with it and `output` asks it
    /// which sizes are American.
    const TABLE: &'static [(Paper, &'static str, Option<Size>)] = &[
        (Paper::A0, "a0", Some(Size::Mm(841.0, 1189.0))),
        (Paper::A1, "a1", Some(Size::Mm(594.0, 841.0))),
        (Paper::A2, "a2", Some(Size::Mm(420.0, 594.0))),
        (Paper::A3, "a3", Some(Size::Mm(297.0, 420.0))),
        (Paper::A4, "a4", Some(Size::Mm(210.0, 297.0))),
        (Paper::A5, "a5", Some(Size::Mm(148.0, 210.0))),
        (Paper::A6, "a6", Some(Size::Mm(105.0, 148.0))),
        (Paper::A7, "a7", Some(Size::Mm(74.0, 105.0))),
        (Paper::B4, "b4", Some(Size::Mm(250.0, 353.0))),
        (Paper::B5, "b5", Some(Size::Mm(176.0, 250.0))),
        (Paper::Letter, "letter", Some(Size::Inch(8.5, 11.0))),
        (Paper::Legal, "legal", Some(Size::Inch(8.5, 14.0))),
        (Paper::Tabloid, "tabloid", Some(Size::Inch(11.0, 17.0))),
        (Paper::Custom, "custom", None),
    ];

    /// The names a layout may write, in order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Paper::TABLE.iter().map(|(_, name, _)| *name)
    }

    /// The paper called `name`, in any case.
    pub fn from_name(name: &str) -> Option<Paper> {
        let name = name.trim();
        Paper::TABLE
            .iter()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(name))
            .map(|(p, _, _)| *p)
    }

    /// The name a layout writes.
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// Portrait width and height; `None` for [`Paper::Custom`].
    pub fn size(self) -> Option<(Length, Length)> {
        Some(match self.row().2? {
            Size::Mm(w, h) => (Length::mm(w), Length::mm(h)),
            Size::Inch(w, h) => (Length::inch(w), Length::inch(h)),
        })
    }

    /// The named paper `w`×`h` is, either way round, to half a millimetre.
    pub fn of_size(w: Length, h: Length) -> Option<Paper> {
        let near = |a: Length, b: Length| (a.to_mm() - b.to_mm()).abs() <= 0.5;
        Paper::TABLE.iter().find_map(|(p, _, _)| {
            let (pw, ph) = p.size()?;
            ((near(w, pw) && near(h, ph)) || (near(w, ph) && near(h, pw))).then_some(*p)
        })
    }

    /// Whether this is an American size, where print shops expect inch
    /// bleeds and SWOP or GRACoL rather than FOGRA.
    pub fn is_us(self) -> bool {
        matches!(self.row().2, Some(Size::Inch(..)))
    }

    fn row(self) -> &'static (Paper, &'static str, Option<Size>) {
        // Every variant has a row: the tests below check it.
        Paper::TABLE
            .iter()
            .find(|(p, _, _)| *p == self)
            .unwrap_or(&Paper::TABLE[Paper::TABLE.len() - 1])
    }
}

impl std::fmt::Display for Paper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_is_black_ink_only() {
        assert_eq!(Color::Gray(0.0).to_cmyk(), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(Color::Rgb(0.0, 0.0, 0.0).to_cmyk(), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(Color::Rgb(0.4, 0.4, 0.4).to_cmyk(), [0.0, 0.0, 0.0, 0.6]);
    }

    #[test]
    fn previews_get_rgb() {
        assert_eq!(Color::Cmyk(0.0, 0.0, 0.0, 1.0).to_rgb(), [0.0, 0.0, 0.0]);
        assert_eq!(Color::Cmyk(0.0, 0.0, 0.0, 0.0).to_rgb(), [1.0, 1.0, 1.0]);
    }

    #[test]
    fn every_paper_has_one_row_and_reads_back_from_its_name() {
        for name in Paper::names() {
            let p = Paper::from_name(&name.to_ascii_uppercase()).unwrap();
            assert_eq!(p.name(), name);
            assert_eq!(Paper::TABLE.iter().filter(|r| r.0 == p).count(), 1);
        }
        assert_eq!(Paper::names().count(), Paper::TABLE.len());
    }

    #[test]
    fn ledger_is_not_a_paper_and_us_sizes_are_the_inch_ones() {
        // "ledger" was once matched as American in one table and rejected
        // by the other; now there is one table, and it has no ledger.
        assert_eq!(Paper::from_name("ledger"), None);
        let us: Vec<_> = Paper::names()
            .filter(|n| Paper::from_name(n).unwrap().is_us())
            .collect();
        assert_eq!(us, ["letter", "legal", "tabloid"]);
        assert_eq!(Paper::Letter.size().unwrap().0.to_pt(), 612.0);
        assert_eq!(Paper::Custom.size(), None);
    }

    #[test]
    fn a_size_names_its_paper_either_way_round() {
        let mm = Length::mm;
        assert_eq!(Paper::of_size(mm(297.0), mm(210.0)), Some(Paper::A4));
        assert_eq!(Paper::of_size(mm(148.0), mm(210.0)), Some(Paper::A5));
        assert_eq!(Paper::of_size(mm(215.9), mm(279.4)), Some(Paper::Letter));
        assert_eq!(Paper::of_size(mm(200.0), mm(200.0)), None);
    }
}
