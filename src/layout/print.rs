//! The layout's `[print]` table: which printer the PDF is for, and each
//! print setting written out. The output stage resolves these into the
//! concrete settings of a build (`output::target::PrintSetup`).

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use crate::error::Location;
use crate::units::Length;

/// The kind of printer a PDF is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintTarget {
    /// A laser or inkjet printer in an office: no bleed, colours as written,
    /// all ink at least 5 mm from the paper edge, pictures at 150 dpi or more.
    Office,
    /// A copy shop's digital printer: like the office, but pictures at
    /// 300 dpi, and a page smaller than half the shop's sheet (A4, or US
    /// letter for US paper) imposed on it as many times as it fits, with
    /// marks for the cutter, so the shop prints sheets and cuts them.
    CopyShop,
    /// A print shop (offset or digital press): bleed, CMYK only, PDF/X.
    Press,
}

impl PrintTarget {
    /// The names accepted for each target, as written in layouts and on the command line.
    pub const NAMES: &'static [&'static str] = &["office", "copyshop", "press"];

    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            PrintTarget::Office => "office",
            PrintTarget::CopyShop => "copyshop",
            PrintTarget::Press => "press",
        }
    }
}

impl fmt::Display for PrintTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PrintTarget {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<PrintTarget, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "office" => Ok(PrintTarget::Office),
            "copyshop" | "copy-shop" => Ok(PrintTarget::CopyShop),
            "press" | "printshop" | "print-shop" => Ok(PrintTarget::Press),
            _ => Err(format!(
                "`{s}` is not a print target: use office, copyshop or press"
            )),
        }
    }
}

/// Printer's marks outside the trimmed page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Crop marks at the four corners, on the lines of the trim edges.
    pub crop: bool,
    /// Registration targets at the middle of each side.
    pub registration: bool,
}

impl Marks {
    /// Whether any mark is drawn.
    pub fn any(self) -> bool {
        self.crop || self.registration
    }
}

/// A PDF/X standard the file conforms to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    /// PDF/X-4 (ISO 15930-7:2010): PDF 1.6, colour-managed, XMP metadata.
    X4,
    /// PDF/X-1a:2003 (ISO 15930-4): PDF 1.4, CMYK and spot only, no transparency.
    X1a,
}

impl Standard {
    /// The names accepted in layouts.
    pub const NAMES: &'static [&'static str] = &["pdf/x-4", "pdf/x-1a", "none"];

    /// `GTS_PDFXVersion` in the document information dictionary.
    pub fn version_key(self) -> &'static str {
        match self {
            Standard::X4 => "PDF/X-4",
            Standard::X1a => "PDF/X-1:2003",
        }
    }

    /// `GTS_PDFXConformance`, which only PDF/X-1a carries.
    pub fn conformance_key(self) -> Option<&'static str> {
        match self {
            Standard::X4 => None,
            Standard::X1a => Some("PDF/X-1a:2003"),
        }
    }

    /// The PDF version the standard is based on.
    pub fn pdf_version(self) -> &'static str {
        match self {
            Standard::X4 => "1.6",
            Standard::X1a => "1.4",
        }
    }

    /// The name as written in layouts.
    pub fn name(self) -> &'static str {
        match self {
            Standard::X4 => "pdf/x-4",
            Standard::X1a => "pdf/x-1a",
        }
    }

    /// Whether the output intent must carry an ICC profile even for a
    /// registered printing condition. PDF/X-4 always needs one (only X-4p may
    /// refer to an external profile); X-1a may name a registered condition alone.
    pub fn needs_profile(self) -> bool {
        matches!(self, Standard::X4)
    }
}

/// Reads `standard`: `Some` standard, or `None` for "none".
pub fn parse_standard(s: &str) -> std::result::Result<Option<Standard>, String> {
    match s.trim().to_ascii_lowercase().replace(' ', "").as_str() {
        "pdf/x-4" | "pdfx-4" | "pdf/x4" | "x-4" | "x4" => Ok(Some(Standard::X4)),
        "pdf/x-1a" | "pdfx-1a" | "pdf/x1a" | "x-1a" | "x1a" | "pdf/x-1a:2003" => {
            Ok(Some(Standard::X1a))
        }
        "none" | "" => Ok(None),
        _ => Err(format!(
            "must be \"pdf/x-4\", \"pdf/x-1a\" or \"none\", not \"{s}\""
        )),
    }
}

/// A characterized printing condition, for the PDF/X output intent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    /// The name users write, e.g. `FOGRA39`.
    pub name: &'static str,
    /// `OutputConditionIdentifier`: the name in the ICC characterization registry.
    pub identifier: &'static str,
    /// `OutputCondition`: what the condition is, in words.
    pub description: &'static str,
    /// Whether this is the condition of the bundled ICC profile.
    pub bundled: bool,
}

/// The printing conditions handbill knows by name. All are entries of the
/// ICC's characterization data registry (<http://www.color.org>).
pub const CONDITIONS: &[Condition] = &[
    Condition {
        name: "FOGRA39",
        identifier: "FOGRA39",
        description: "Offset, coated paper (ISO 12647-2:2004/Amd 1, paper type 1 or 2)",
        bundled: true,
    },
    Condition {
        name: "FOGRA51",
        identifier: "FOGRA51",
        description: "Offset, premium coated paper (ISO 12647-2:2013, PS1)",
        bundled: false,
    },
    Condition {
        name: "FOGRA52",
        identifier: "FOGRA52",
        description: "Offset, wood-free uncoated paper (ISO 12647-2:2013, PS5)",
        bundled: false,
    },
    Condition {
        name: "FOGRA29",
        identifier: "FOGRA29",
        description: "Offset, uncoated white paper (ISO 12647-2:2004, paper type 4)",
        bundled: false,
    },
    Condition {
        name: "SWOP",
        identifier: "CGATS TR 001",
        description: "Web offset, publication coated paper in the US (SWOP, CGATS TR 001)",
        bundled: false,
    },
    Condition {
        name: "GRACoL",
        identifier: "CGATS 21-2 CRPC6",
        description: "Sheet-fed offset, premium coated paper in the US (GRACoL, CGATS 21-2 CRPC6)",
        bundled: false,
    },
];

/// Finds a printing condition by its name or registry identifier (any case).
pub fn condition(name: &str) -> std::result::Result<&'static Condition, String> {
    let t = name.trim();
    CONDITIONS
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(t) || c.identifier.eq_ignore_ascii_case(t))
        .ok_or_else(|| {
            let names: Vec<&str> = CONDITIONS.iter().map(|c| c.name).collect();
            match crate::names::suggest(t, &names) {
                Some(s) => format!("names no printing condition \"{t}\"; did you mean \"{s}\"?"),
                None => format!(
                    "names no printing condition \"{t}\"; handbill knows {}",
                    names.join(", ")
                ),
            }
        })
}

/// The layout's `[print]` table: the target and any setting written out.
/// Whatever is `None` takes the target's default.
#[derive(Clone, Debug, Default)]
pub struct PrintSpec {
    /// `for`: the printer the PDF is for; office when not given.
    pub target: Option<PrintTarget>,
    /// `bleed`: how far backgrounds reach past the trim edge.
    pub bleed: Option<Length>,
    /// `marks`: printer's marks.
    pub marks: Option<Marks>,
    /// `mark-offset`: gap between the trim edge and the crop marks.
    pub mark_offset: Option<Length>,
    /// `standard`: a PDF/X standard, or `Some(None)` for "none".
    pub standard: Option<Option<Standard>>,
    /// `output-condition`: the printing condition of the output intent.
    pub condition: Option<&'static Condition>,
    /// `icc-profile`: a CMYK ICC profile file for the output intent.
    pub icc_profile: Option<PathBuf>,
    /// `ink-limit`: the most ink a fill may use, in percent (CMYK sum).
    pub ink_limit: Option<f64>,
    /// `safe-margin`: how close to the paper edge ink may come.
    pub safe_margin: Option<Length>,
    /// `min-dpi`: the lowest effective resolution a picture may have.
    pub min_dpi: Option<f64>,
    /// `impose`: copies per sheet, or `Some(None)` for "none".
    pub impose: Option<Option<NUp>>,
    /// The layout file, for messages about settings that were not written.
    pub origin: String,
    /// Where each key that was written was written, for messages.
    pub written_at: Vec<(&'static str, Location)>,
}

/// Two specs are equal when their settings are; where they were written
/// (`origin`, `written_at`) is for messages only.
impl PartialEq for PrintSpec {
    fn eq(&self, other: &PrintSpec) -> bool {
        self.target == other.target
            && self.bleed == other.bleed
            && self.marks == other.marks
            && self.mark_offset == other.mark_offset
            && self.standard == other.standard
            && self.condition == other.condition
            && self.icc_profile == other.icc_profile
            && self.ink_limit == other.ink_limit
            && self.safe_margin == other.safe_margin
            && self.min_dpi == other.min_dpi
            && self.impose == other.impose
    }
}

impl PrintSpec {
    /// Where `key` was written, or else the layout file.
    pub fn at(&self, key: &str) -> Location {
        self.written_at
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, at)| at.clone())
            .unwrap_or_else(|| Location::file(self.origin.clone()))
    }
}

/// How many copies go on a sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NUp {
    /// Two copies side by side (A5 on A4, A6 on A5).
    Two,
    /// Two by two (A6 on A4).
    Four,
    /// Four by two (A7 on A4).
    Eight,
}

impl std::str::FromStr for NUp {
    type Err = String;
    fn from_str(s: &str) -> Result<NUp, String> {
        match s {
            "2up" | "2" => Ok(NUp::Two),
            "4up" | "4" => Ok(NUp::Four),
            "8up" | "8" => Ok(NUp::Eight),
            _ => Err(format!("`{s}` is not an imposition: use 2up, 4up or 8up")),
        }
    }
}

impl NUp {
    /// Reads an imposition as a layout or the command line writes it:
    /// `Some` copies per sheet, or `None` for "none" (also "1up").
    pub fn parse_or_none(value: &str) -> Result<Option<NUp>, String> {
        let t = value.trim().to_ascii_lowercase();
        if t == "none" || t == "1up" {
            return Ok(None);
        }
        t.parse::<NUp>()
            .map(Some)
            .map_err(|_| format!("must be \"2up\", \"4up\", \"8up\" or \"none\", not \"{value}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_by_name_or_identifier() {
        assert_eq!(condition("fogra39").unwrap().name, "FOGRA39");
        assert_eq!(condition("CGATS TR 001").unwrap().name, "SWOP");
        assert!(condition("FOGRA93").unwrap_err().contains("did you mean"));
    }
}
