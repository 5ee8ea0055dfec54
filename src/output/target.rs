//! The print target: which kind of printer a PDF is made for, and what that
//! asks of the file.
//!
//! A layout's `[print]` table (or `--for` on the command line) names the
//! target; every other print setting has a default that follows from it and
//! may be overridden one by one. [`PrintSetup::resolve`] turns the layout's
//! settings into the concrete values the PDF writer and preflight use.

use std::borrow::Cow;

use crate::compose::pages::{Page, Rect};
use crate::error::{Error, Location, Result};
use crate::layout::print::NUp;
use crate::layout::print::{Condition, Marks, PrintSpec, PrintTarget, Standard, CONDITIONS};
use crate::style::Paper;
use crate::units::Length;

/// The bundled CMYK profile: basICColor's ISO Coated v2 300% (FOGRA39
/// characterization, zlib licence, taken from Debian's scribus-data package;
/// see `icc/README.md`).
pub static BUNDLED_PROFILE: &[u8] = include_bytes!("../../icc/ISOcoated_v2_300_bas.icc");
/// The bundled profile's description, for the output intent's `Info`.
pub const BUNDLED_PROFILE_INFO: &str = "ISO Coated v2 300% (basICColor)";

/// Checks that `data` is an ICC output profile for CMYK: the `acsp`
/// signature, the CMYK data colour space and a size that matches the header.
pub fn check_cmyk_profile(data: &[u8]) -> std::result::Result<(), String> {
    if data.len() < 132 || &data[36..40] != b"acsp" {
        return Err("is not an ICC profile".into());
    }
    let declared = u32::from_be_bytes([data[0], data[1], data[2], data[3]]) as usize;
    if declared != data.len() {
        return Err(format!(
            "is a damaged ICC profile: its header says {declared} bytes, the file has {}",
            data.len()
        ));
    }
    if &data[16..20] != b"CMYK" {
        let space = String::from_utf8_lossy(&data[16..20]).trim().to_string();
        return Err(format!(
            "is an ICC profile for {space}, not CMYK: a print-shop output intent needs a CMYK profile"
        ));
    }
    Ok(())
}

/// How colours are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorMode {
    /// As the layout writes them (RGB, gray or CMYK).
    AsWritten,
    /// Every colour CMYK or spot: gray and RGB are converted.
    Cmyk,
}

/// The output intent of a PDF/X file.
#[derive(Clone, Debug, PartialEq)]
pub struct OutputIntent {
    /// The characterized printing condition.
    pub condition: &'static Condition,
    /// The ICC profile, when one is embedded, and its description.
    pub profile: Option<(Cow<'static, [u8]>, String)>,
}

/// The concrete print settings of one build.
#[derive(Clone, Debug, PartialEq)]
pub struct PrintSetup {
    /// The printer the PDF is for.
    pub target: PrintTarget,
    /// Bleed on every side of the trimmed page.
    pub bleed: Length,
    /// Printer's marks.
    pub marks: Marks,
    /// Gap between the trim edge and the crop marks (never less than the bleed).
    pub mark_offset: Length,
    /// The PDF/X standard, if any.
    pub standard: Option<Standard>,
    /// The output intent, for PDF/X.
    pub intent: Option<OutputIntent>,
    /// How colours are written.
    pub color: ColorMode,
    /// The most ink a fill may use, as a sum of CMYK fractions (3.0 = 300%).
    pub ink_limit: f64,
    /// How close to the paper edge ink may come.
    pub safe_margin: Length,
    /// The lowest effective resolution a picture may have, in dots per inch.
    pub min_dpi: f64,
    /// Copies per sheet.
    pub impose: Option<NUp>,
    /// Whether the copies per sheet were chosen by the target (a copy
    /// shop's sheet) rather than written in the layout or on the command line.
    pub impose_by_target: bool,
}

/// The page a layout sets, as far as the print settings depend on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageFormat {
    /// The named paper (US sizes get US defaults).
    pub paper: Paper,
    /// The page's width, after orientation.
    pub width: Length,
    /// The page's height, after orientation.
    pub height: Length,
    /// Whether the sheet is folded (a folded sheet is never imposed).
    pub folded: bool,
}

impl PageFormat {
    /// A named paper, upright and not folded (a custom paper as A4).
    pub fn of(paper: Paper) -> PageFormat {
        let (width, height) = paper
            .size()
            .unwrap_or((Length::mm(210.0), Length::mm(297.0)));
        PageFormat {
            paper,
            width,
            height,
            folded: false,
        }
    }

    /// The sheet a copy shop prints this page on: US letter for US paper,
    /// else A4, upright.
    pub fn shop_sheet(self) -> (Paper, Length, Length) {
        let paper = if self.paper.is_us() {
            Paper::Letter
        } else {
            Paper::A4
        };
        let (w, h) = paper
            .size()
            .unwrap_or((Length::mm(210.0), Length::mm(297.0)));
        (paper, w, h)
    }
}

/// Length of a crop mark.
pub const CROP_MARK_LENGTH: f64 = 5.0;
/// Diameter of a registration target.
pub const REGISTRATION_SIZE: f64 = 5.0;

impl PrintSetup {
    /// The settings for `spec`, with `over` (from `--for`) replacing its
    /// target, `impose` (from `--impose`; `Some(None)` for none) its
    /// imposition, and `page` (the layout's page) choosing US or ISO
    /// defaults and a copy shop's imposition.
    pub fn resolve(
        spec: &PrintSpec,
        over: Option<PrintTarget>,
        impose: Option<Option<NUp>>,
        page: PageFormat,
    ) -> Result<PrintSetup> {
        let target = over.or(spec.target).unwrap_or(PrintTarget::Office);
        let us = page.paper.is_us();
        let press = target == PrintTarget::Press;
        let bleed = spec.bleed.unwrap_or(match (press, us) {
            (true, true) => Length::inch(0.125),
            (true, false) => Length::mm(3.0),
            (false, _) => Length::ZERO,
        });
        let marks = spec.marks.unwrap_or_default();
        let mark_offset = spec.mark_offset.unwrap_or(Length::mm(3.0)).max(bleed);
        let standard = spec.standard.unwrap_or(match (press, us) {
            (true, true) => Some(Standard::X1a),
            (true, false) => Some(Standard::X4),
            (false, _) => None,
        });
        let condition = spec.condition.unwrap_or_else(|| {
            let name = if us && spec.icc_profile.is_none() {
                "SWOP"
            } else {
                "FOGRA39"
            };
            CONDITIONS
                .iter()
                .find(|c| c.name == name)
                .unwrap_or(&CONDITIONS[0])
        });
        let intent = match standard {
            None => None,
            Some(std) => Some(OutputIntent {
                condition,
                profile: profile_for(std, condition, spec)?,
            }),
        };
        let color = if press || standard.is_some() {
            ColorMode::Cmyk
        } else {
            ColorMode::AsWritten
        };
        // What was written wins, "none" included.
        let written = impose.or(spec.impose);
        if press && written.flatten().is_some() {
            let at = if impose.is_some() {
                Location::file("--impose")
            } else {
                spec.at("impose")
            };
            return Err(Error::Layout {
                at,
                message: "imposing copies on a sheet is for office and copy-shop printing; \
                          a print shop imposes the pages itself (leave `impose` out, or \
                          build --for copyshop)"
                    .into(),
            });
        }
        // Unwritten, a copy shop gets as many copies as fit its sheet,
        // since it prints sheets and cuts them.
        let by_target = written.is_none() && target == PrintTarget::CopyShop && !page.folded;
        let impose = match written {
            Some(chosen) => chosen,
            None if by_target => {
                let (_, sw, sh) = page.shop_sheet();
                NUp::most_on(page.width, page.height, sw, sh)
            }
            None => None,
        };
        Ok(PrintSetup {
            target,
            bleed,
            marks,
            mark_offset,
            standard,
            intent,
            color,
            ink_limit: spec.ink_limit.unwrap_or(300.0) / 100.0,
            safe_margin: spec.safe_margin.unwrap_or(if press {
                Length::mm(3.0)
            } else {
                Length::mm(5.0)
            }),
            min_dpi: spec.min_dpi.unwrap_or(if target == PrintTarget::Office {
                150.0
            } else {
                300.0
            }),
            impose,
            impose_by_target: by_target && impose.is_some(),
        })
    }

    /// How far the media box reaches past the trim edge on every side: the
    /// bleed, or room for the marks.
    pub fn slug(&self) -> Length {
        if self.marks.any() {
            let mark_room = Length::mm(CROP_MARK_LENGTH.max(REGISTRATION_SIZE) + 1.0);
            self.bleed.max(self.mark_offset + mark_room)
        } else {
            self.bleed
        }
    }
}

/// The ICC profile for a PDF/X output intent: the user's file, the bundled
/// one for its condition, or none where the standard allows a registered
/// condition alone.
fn profile_for(
    std: Standard,
    condition: &'static Condition,
    spec: &PrintSpec,
) -> Result<Option<(Cow<'static, [u8]>, String)>> {
    if let Some(path) = &spec.icc_profile {
        let data = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        check_cmyk_profile(&data).map_err(|m| Error::Layout {
            at: Location::file(path.display().to_string()),
            message: format!("`icc-profile` {m}"),
        })?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Ok(Some((Cow::Owned(data), name)));
    }
    if condition.bundled {
        return Ok(Some((
            Cow::Borrowed(BUNDLED_PROFILE),
            BUNDLED_PROFILE_INFO.to_string(),
        )));
    }
    if std.needs_profile() {
        let key = if spec.condition.is_some() {
            "output-condition"
        } else {
            "standard"
        };
        return Err(Error::Layout {
            at: spec.at(key),
            message: format!(
                "{} needs the ICC profile of the printing condition {}, and handbill \
                 bundles only FOGRA39's: set `icc-profile = \"…\"` in [print] to the profile \
                 your print shop gives you, or use standard = \"pdf/x-1a\"",
                std.version_key(),
                condition.name
            ),
        });
    }
    Ok(None)
}

/// How far from a page edge counts as touching it.
const TOUCH: Length = Length::pt(0.01);

impl PrintSetup {
    /// Fits what runs off the page to the printer. With a bleed, fills and
    /// pictures that touch the trim edge are extended past it by the bleed,
    /// so the cut never leaves a white sliver. Without one (office and copy
    /// shop), a fill that runs off the page stops at the safe margin
    /// instead, as the printer could not print the rest; pictures are left
    /// alone, and preflight reports them if they reach into the margin.
    pub fn adapt(&self, pages: &mut [Page]) {
        for page in pages {
            let (w, h) = (page.width, page.height);
            for fill in &mut page.fills {
                fill.rect = if self.bleed > Length::ZERO {
                    grow_at_edges(fill.rect, w, h, self.bleed)
                } else {
                    shrink_at_edges(fill.rect, w, h, self.safe_margin)
                };
            }
            if self.bleed > Length::ZERO {
                for pic in &mut page.pictures {
                    let clip = grow_at_edges(pic.clip, w, h, self.bleed);
                    pic.area = cover(pic.area, clip);
                    pic.clip = clip;
                }
            }
        }
    }
}

/// Which edges of the page `r` touches: (left, top, right, bottom).
fn touching(r: Rect, w: Length, h: Length) -> (bool, bool, bool, bool) {
    (
        r.x <= TOUCH,
        r.y <= TOUCH,
        r.right() >= w - TOUCH,
        r.bottom() >= h - TOUCH,
    )
}

/// `r` with every side that touches the page's edge moved out by `by`.
fn grow_at_edges(r: Rect, w: Length, h: Length, by: Length) -> Rect {
    let (l, t, rt, b) = touching(r, w, h);
    let x0 = if l { r.x - by } else { r.x };
    let y0 = if t { r.y - by } else { r.y };
    let x1 = if rt { r.right() + by } else { r.right() };
    let y1 = if b { r.bottom() + by } else { r.bottom() };
    Rect {
        x: x0,
        y: y0,
        width: x1 - x0,
        height: y1 - y0,
    }
}

/// `r` kept out of the unprinted edge of the sheet: every side nearer an
/// edge than `margin` is moved in to it. Not only sides that touch the
/// edge: on an imposed sheet a page's edge-to-edge band ends half a
/// millimetre from the sheet's edge, where no office printer prints either.
fn shrink_at_edges(r: Rect, w: Length, h: Length, margin: Length) -> Rect {
    let x0 = r.x.max(margin);
    let y0 = r.y.max(margin);
    let x1 = r.right().min(w - margin);
    let y1 = r.bottom().min(h - margin);
    Rect {
        x: x0,
        y: y0,
        width: (x1 - x0).max(Length::ZERO),
        height: (y1 - y0).max(Length::ZERO),
    }
}

/// `area` scaled (keeping its proportions) and moved as little as possible
/// so that it covers `clip`: a picture grown into the bleed must still fill
/// what is seen of it.
fn cover(area: Rect, clip: Rect) -> Rect {
    if area.x <= clip.x
        && area.y <= clip.y
        && area.right() >= clip.right()
        && area.bottom() >= clip.bottom()
    {
        return area;
    }
    let s = (clip.width / area.width)
        .max(clip.height / area.height)
        .max(1.0);
    let (w, h) = (area.width * s, area.height * s);
    // Keep the side that did not move where it was; centre otherwise.
    let place = |a0: Length, a1: Length, c0: Length, c1: Length, size: Length| {
        if c0 < a0 && c1 <= a1 {
            (a1 - size).min(c0)
        } else if c1 > a1 && c0 >= a0 {
            a0.max(c1 - size)
        } else {
            (a0 + a1) / 2.0 - size / 2.0
        }
    };
    let x = place(area.x, area.right(), clip.x, clip.right(), w);
    let y = place(area.y, area.bottom(), clip.y, clip.bottom(), h);
    Rect {
        x: x.min(clip.x),
        y: y.min(clip.y),
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::print::condition;

    fn setup(spec: &PrintSpec, paper: Paper) -> PrintSetup {
        PrintSetup::resolve(spec, None, None, PageFormat::of(paper)).unwrap()
    }

    #[test]
    fn office_is_the_default_and_has_no_bleed() {
        let s = setup(&PrintSpec::default(), Paper::A4);
        assert_eq!(s.target, PrintTarget::Office);
        assert_eq!(s.bleed, Length::ZERO);
        assert_eq!(s.slug(), Length::ZERO);
        assert_eq!(s.color, ColorMode::AsWritten);
        assert!(s.standard.is_none());
        assert_eq!(s.min_dpi, 150.0);
        assert_eq!(s.safe_margin, Length::mm(5.0));
    }

    #[test]
    fn press_defaults_follow_the_paper() {
        let spec = PrintSpec {
            target: Some(PrintTarget::Press),
            ..PrintSpec::default()
        };
        let iso = setup(&spec, Paper::A4);
        assert_eq!(iso.bleed, Length::mm(3.0));
        assert_eq!(iso.standard, Some(Standard::X4));
        assert_eq!(iso.color, ColorMode::Cmyk);
        let intent = iso.intent.unwrap();
        assert_eq!(intent.condition.identifier, "FOGRA39");
        assert!(intent.profile.is_some());

        let us = setup(&spec, Paper::Letter);
        assert_eq!(us.bleed, Length::inch(0.125));
        assert_eq!(us.standard, Some(Standard::X1a));
        let intent = us.intent.unwrap();
        assert_eq!(intent.condition.identifier, "CGATS TR 001");
        assert!(intent.profile.is_none());
    }

    #[test]
    fn the_command_line_target_wins() {
        let spec = PrintSpec {
            target: Some(PrintTarget::Office),
            ..PrintSpec::default()
        };
        let s = PrintSetup::resolve(
            &spec,
            Some(PrintTarget::Press),
            None,
            PageFormat::of(Paper::A5),
        )
        .unwrap();
        assert_eq!(s.target, PrintTarget::Press);
        assert_eq!(s.bleed, Length::mm(3.0));
    }

    #[test]
    fn marks_sit_outside_the_bleed_and_grow_the_media() {
        let spec = PrintSpec {
            target: Some(PrintTarget::Press),
            bleed: Some(Length::mm(5.0)),
            mark_offset: Some(Length::mm(2.0)),
            marks: Some(Marks {
                crop: true,
                registration: false,
            }),
            ..PrintSpec::default()
        };
        let s = setup(&spec, Paper::A4);
        assert_eq!(s.mark_offset, Length::mm(5.0));
        assert!(s.slug() >= s.mark_offset + Length::mm(CROP_MARK_LENGTH));
    }

    #[test]
    fn x4_without_a_profile_for_its_condition_is_refused() {
        let spec = PrintSpec {
            target: Some(PrintTarget::Press),
            standard: Some(Some(Standard::X4)),
            condition: Some(condition("FOGRA52").unwrap()),
            ..PrintSpec::default()
        };
        let e = PrintSetup::resolve(&spec, None, None, PageFormat::of(Paper::A4)).unwrap_err();
        assert!(e.to_string().contains("icc-profile"), "{e}");
        // X-1a may name the registered condition alone.
        let spec = PrintSpec {
            standard: Some(Some(Standard::X1a)),
            ..spec
        };
        let s = setup(&spec, Paper::A4);
        assert!(s.intent.unwrap().profile.is_none());
    }

    #[test]
    fn press_refuses_imposition() {
        let spec = PrintSpec {
            target: Some(PrintTarget::Press),
            impose: Some(Some(NUp::Two)),
            ..PrintSpec::default()
        };
        assert!(PrintSetup::resolve(&spec, None, None, PageFormat::of(Paper::A5)).is_err());
        let spec = PrintSpec {
            impose: None,
            ..spec
        };
        assert!(PrintSetup::resolve(
            &spec,
            None,
            Some(Some(NUp::Four)),
            PageFormat::of(Paper::A5)
        )
        .is_err());
    }

    #[test]
    fn a_copy_shop_imposes_small_pages_on_its_sheet_unless_told_otherwise() {
        let shop = PrintSpec {
            target: Some(PrintTarget::CopyShop),
            ..PrintSpec::default()
        };
        let on = |spec: &PrintSpec, paper: Paper, cli: Option<Option<NUp>>| {
            PrintSetup::resolve(spec, None, cli, PageFormat::of(paper)).unwrap()
        };
        let a5 = on(&shop, Paper::A5, None);
        assert_eq!((a5.impose, a5.impose_by_target), (Some(NUp::Two), true));
        assert_eq!(a5.min_dpi, 300.0);
        assert_eq!(on(&shop, Paper::A6, None).impose, Some(NUp::Four));
        assert_eq!(on(&shop, Paper::A7, None).impose, Some(NUp::Eight));
        // A4 and larger are printed as they are.
        let a4 = on(&shop, Paper::A4, None);
        assert_eq!((a4.impose, a4.impose_by_target), (None, false));
        assert_eq!(on(&shop, Paper::Letter, None).impose, None);
        // "none", on the command line or in the layout, is obeyed; so is 4up.
        assert_eq!(on(&shop, Paper::A5, Some(None)).impose, None);
        let four = on(&shop, Paper::A5, Some(Some(NUp::Four)));
        assert_eq!(
            (four.impose, four.impose_by_target),
            (Some(NUp::Four), false)
        );
        let none = PrintSpec {
            impose: Some(None),
            ..shop.clone()
        };
        assert_eq!(on(&none, Paper::A5, None).impose, None);
        // The office is never imposed unless asked; a folded sheet never.
        assert_eq!(on(&PrintSpec::default(), Paper::A5, None).impose, None);
        let folded = PageFormat {
            folded: true,
            ..PageFormat::of(Paper::A5)
        };
        assert_eq!(
            PrintSetup::resolve(&shop, None, None, folded)
                .unwrap()
                .impose,
            None
        );
        // --impose none lets a press build go through a layout's 2up.
        let press = PrintSpec {
            target: Some(PrintTarget::Press),
            impose: Some(Some(NUp::Two)),
            ..PrintSpec::default()
        };
        assert_eq!(on(&press, Paper::A5, Some(None)).impose, None);
    }

    #[test]
    fn the_bundled_profile_is_a_cmyk_profile() {
        check_cmyk_profile(BUNDLED_PROFILE).unwrap();
        assert!(check_cmyk_profile(b"not a profile").is_err());
        let mut rgb = BUNDLED_PROFILE.to_vec();
        rgb[16..20].copy_from_slice(b"RGB ");
        assert!(check_cmyk_profile(&rgb).unwrap_err().contains("RGB"));
    }

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x: Length::mm(x),
            y: Length::mm(y),
            width: Length::mm(w),
            height: Length::mm(h),
        }
    }

    #[test]
    fn a_band_runs_into_the_bleed_or_stops_at_the_safe_margin() {
        let band = crate::compose::pages::Fill {
            rect: rect(0.0, 260.0, 210.0, 37.0),
            color: crate::style::Color::Gray(0.1),
        };
        let page = Page {
            width: Length::mm(210.0),
            height: Length::mm(297.0),
            fills: vec![band],
            ..Page::default()
        };
        let press = PrintSpec {
            target: Some(PrintTarget::Press),
            ..PrintSpec::default()
        };
        let mut pages = vec![page.clone()];
        setup(&press, Paper::A4).adapt(&mut pages);
        let r = pages[0].fills[0].rect;
        // Left, right and bottom run 3mm past the trim; the top stays.
        assert!((r.x.to_mm() + 3.0).abs() < 1e-9 && (r.right().to_mm() - 213.0).abs() < 1e-9);
        assert!((r.y.to_mm() - 260.0).abs() < 1e-9 && (r.bottom().to_mm() - 300.0).abs() < 1e-9);

        let mut pages = vec![page];
        setup(&PrintSpec::default(), Paper::A4).adapt(&mut pages);
        let r = pages[0].fills[0].rect;
        assert!((r.x.to_mm() - 5.0).abs() < 1e-9 && (r.right().to_mm() - 205.0).abs() < 1e-9);
        assert!((r.bottom().to_mm() - 292.0).abs() < 1e-9);
    }

    #[test]
    fn a_picture_grown_into_the_bleed_still_covers_its_clip() {
        let area = rect(0.0, 0.0, 100.0, 50.0);
        let clip = rect(-3.0, -3.0, 103.0, 53.0);
        let a = cover(area, clip);
        assert!(a.x <= clip.x && a.y <= clip.y);
        assert!(a.right() >= clip.right() - Length::pt(1e-9));
        assert!(a.bottom() >= clip.bottom() - Length::pt(1e-9));
        // Proportions kept.
        assert!((a.width / a.height - 2.0).abs() < 1e-9);
        // An area that already covers stays as it is.
        assert_eq!(
            cover(rect(-5.0, -5.0, 120.0, 70.0), clip),
            rect(-5.0, -5.0, 120.0, 70.0)
        );
    }
}
