//! Reading the string-valued keys (paper, keywords, colours, fonts,
//! language tags), and the near-miss suggestions used in messages.
//!
//! Each reader returns the rest of a sentence on error ("must be …, not
//! …"); the caller puts the key's name in front.

use std::path::Path;

use super::print::NUp;
use super::print::{Marks, PrintTarget};
use super::{Align, Color, Extent, Fit, FontRef, ImageArea, Overflow, Paper, SpotName, Weight};
use crate::layout::design::Arrangement;
use crate::layout::design::Fold;
use crate::names::{is_language_tag, suggest};
use crate::typeset::fonts::check_font_file;
use crate::units::Length;

/// "a, b or c".
fn either(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// "must be a, b or c, not \"x\"", with a suggestion if one is close.
fn not_one_of(value: &str, allowed: &[&str]) -> String {
    let base = format!("must be {}, not \"{value}\"", either(allowed));
    match suggest(value, allowed) {
        Some(s) => format!("{base}; did you mean \"{s}\"?"),
        None => base,
    }
}

/// `value` as one of `allowed` (any case).
fn keyword<'a>(value: &str, allowed: &[&'a str]) -> Result<&'a str, String> {
    let v = value.trim().to_ascii_lowercase();
    allowed
        .iter()
        .find(|a| **a == v)
        .copied()
        .ok_or_else(|| not_one_of(value, allowed))
}

/// The `paper` value: a name from [`Paper`]'s table, in any case.
pub(super) fn paper(value: &str) -> Result<Paper, String> {
    Paper::from_name(value).ok_or_else(|| {
        let names: Vec<&str> = Paper::names().collect();
        not_one_of(value, &names)
    })
}

/// Which way up the paper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall: width and height swap.
    Landscape,
}

/// `orientation`: portrait or landscape.
pub(super) fn orientation(value: &str) -> Result<Orientation, String> {
    Ok(match keyword(value, &["portrait", "landscape"])? {
        "landscape" => Orientation::Landscape,
        _ => Orientation::Portrait,
    })
}

/// Body `align`: justify or ragged (also "left").
pub(super) fn body_align(value: &str) -> Result<Align, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "justify" => Ok(Align::Justify),
        "ragged" | "left" => Ok(Align::Left),
        _ => Err(not_one_of(value, &["justify", "ragged"])),
    }
}

/// Body `fit`: "page" fills the page(s), "none" keeps the size as set.
pub(super) fn fit_page(value: &str) -> Result<bool, String> {
    Ok(keyword(value, &["page", "none"])? == "page")
}

/// Body `overflow`: what to do when the text does not fit at `min-size`.
pub(super) fn overflow(value: &str) -> Result<Overflow, String> {
    Ok(match keyword(value, &["more-pages", "error"])? {
        "more-pages" => Overflow::MorePages,
        _ => Overflow::Error,
    })
}

/// Pair `arrangement`: how a statement and its translation share the paper.
pub(super) fn arrangement(value: &str) -> Result<Arrangement, String> {
    Ok(match keyword(value, &["sides", "columns"])? {
        "sides" => Arrangement::Sides,
        _ => Arrangement::Columns,
    })
}

/// Headline `align`: left, center or right.
pub(super) fn headline_align(value: &str) -> Result<Align, String> {
    Ok(match keyword(value, &["left", "center", "right"])? {
        "left" => Align::Left,
        "center" => Align::Center,
        _ => Align::Right,
    })
}

/// `weight`: regular (also "normal") or bold.
pub(super) fn weight(value: &str) -> Result<Weight, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "regular" | "normal" => Ok(Weight::Regular),
        "bold" => Ok(Weight::Bold),
        _ => Err(not_one_of(value, &["regular", "bold"])),
    }
}

/// A colour: "#rrggbb", "#rgb", "gray(0.5)", "cmyk(0,100,100,0)", or a spot
/// ink `spot("PANTONE 485 C", cmyk(0,95,100,0))` with an optional tint
/// (`spot("…", cmyk(…), 40%)`).
pub(super) fn color(value: &str) -> Result<Color, String> {
    if let Some(args) = call(value.trim(), "spot") {
        return spot(args);
    }
    let t = value.trim().to_ascii_lowercase();
    let bad = || {
        format!(
            "must be a colour like \"#1a1a1a\", \"gray(0.35)\" or \"cmyk(0,100,100,0)\", \
             not \"{value}\""
        )
    };
    if let Some(hex) = t.strip_prefix('#') {
        let digits: Vec<u32> = hex
            .chars()
            .map(|c| c.to_digit(16))
            .collect::<Option<_>>()
            .ok_or_else(bad)?;
        let rgb = match digits[..] {
            [r1, r2, g1, g2, b1, b2] => [r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2],
            [r, g, b] => [r * 17, g * 17, b * 17],
            _ => return Err(bad()),
        };
        let [r, g, b] = rgb.map(|c| f64::from(c) / 255.0);
        return Ok(Color::Rgb(r, g, b));
    }
    if let Some(args) = call(&t, "gray").or_else(|| call(&t, "grey")) {
        let [v] = numbers::<1>(args, false).ok_or_else(bad)?;
        if !(0.0..=1.0).contains(&v) {
            return Err(format!(
                "has gray({}) out of range: gray runs from 0 (black) to 1 (white)",
                args.trim()
            ));
        }
        return Ok(Color::Gray(v));
    }
    if let Some(args) = call(&t, "cmyk") {
        let v = numbers::<4>(args, true).ok_or_else(bad)?;
        if v.iter().any(|c| !(0.0..=100.0).contains(c)) {
            return Err(format!(
                "has cmyk({}) out of range: each of c, m, y and k is a percentage, 0 to 100",
                args.trim()
            ));
        }
        let [c, m, y, k] = v.map(|c| c / 100.0);
        return Ok(Color::Cmyk(c, m, y, k));
    }
    Err(bad())
}

/// The arguments of `spot(…)`: a quoted name, a `cmyk(…)` stand-in, a tint.
fn spot(args: &str) -> Result<Color, String> {
    let bad = || {
        format!(
            "must be a spot colour like 'spot(\"PANTONE 485 C\", cmyk(0,95,100,0))', \
             not 'spot({args})'"
        )
    };
    let args = args.trim();
    let quote = args
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')
        .ok_or_else(bad)?;
    let rest = &args[1..];
    let end = rest.find(quote).ok_or_else(bad)?;
    let name = rest[..end].trim();
    let name = SpotName::new(name).ok_or_else(|| {
        format!(
            "needs a spot colour name of 1 to {} bytes, not \"{name}\"",
            SpotName::MAX
        )
    })?;
    let rest = rest[end + 1..]
        .trim_start()
        .strip_prefix(',')
        .ok_or_else(bad)?;
    let rest = rest.trim_start();
    let close = rest.find(')').ok_or_else(bad)?;
    let alt = match color(&rest[..=close])? {
        Color::Cmyk(c, m, y, k) => [c, m, y, k],
        _ => {
            return Err(
                "needs a cmyk(…) stand-in for its spot ink, e.g. 'spot(\"HKS 13 K\", cmyk(0,100,90,0))'"
                    .to_string(),
            )
        }
    };
    let tail = rest[close + 1..].trim();
    let tint = if tail.is_empty() {
        1.0
    } else {
        let t = tail.strip_prefix(',').ok_or_else(bad)?.trim();
        let v = t
            .strip_suffix('%')
            .unwrap_or(t)
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| (0.0..=100.0).contains(v))
            .ok_or_else(|| format!("has the spot tint `{t}`: give a percentage, 0 to 100"))?;
        v / 100.0
    };
    Ok(Color::Spot {
        name,
        tint,
        cmyk: alt,
    })
}

/// The arguments of `name(…)`, if `t` is such a call.
fn call<'a>(t: &'a str, name: &str) -> Option<&'a str> {
    t.strip_prefix(name)?
        .trim_start()
        .strip_prefix('(')?
        .strip_suffix(')')
}

/// Exactly `N` finite comma-separated numbers (a `%` after each allowed if
/// `percent`).
fn numbers<const N: usize>(args: &str, percent: bool) -> Option<[f64; N]> {
    let v: Vec<f64> = args
        .split(',')
        .map(|a| {
            let a = a.trim();
            let a = if percent {
                a.strip_suffix('%').unwrap_or(a).trim_end()
            } else {
                a
            };
            a.parse::<f64>().ok().filter(|x| x.is_finite())
        })
        .collect::<Option<_>>()?;
    v.try_into().ok()
}

/// What a layout that may not name files is told when it does (see
/// [`super::parse_sealed`]).
const SEALED: &str = "a layout sent from elsewhere may not name files on this machine";

/// A font: a file if the value contains `/` or ends in `.ttf` / `.otf`
/// (resolved against `base_dir`, and it must exist), else a family name.
/// Without `base_dir` (a sealed layout) a file is refused before anything
/// is looked up.
pub(super) fn font(value: &str, base_dir: Option<&Path>) -> Result<FontRef, String> {
    let t = value.trim();
    if t.is_empty() {
        return Err(
            "must name a font family (\"serif\", \"sans\", \"display\") or a font file, \
                    not \"\""
                .to_string(),
        );
    }
    let lower = t.to_ascii_lowercase();
    if !(t.contains('/') || lower.ends_with(".ttf") || lower.ends_with(".otf")) {
        return Ok(FontRef::Family(t.to_string()));
    }
    let Some(base_dir) = base_dir else {
        return Err(format!(
            "names the font file `{t}`; {SEALED}: use a bundled family \
             (\"serif\", \"sans\", \"display\")"
        ));
    };
    let path = base_dir.join(t);
    if path.is_file() {
        // Read now, as the build would: a broken fallback font would
        // otherwise pass until a character needed it.
        check_font_file(&path)
            .map_err(|m| format!("names the font file `{}`: {m}", path.display()))?;
        Ok(FontRef::File(path))
    } else if path.exists() {
        Err(format!("names `{}`, which is not a file", path.display()))
    } else {
        Err(format!(
            "names the font file `{}`, which does not exist",
            path.display()
        ))
    }
}

/// A font of the fallback chain: a file, or a family handbill bundles
/// (with the nearest bundled name suggested for a slip).
pub(super) fn bundled_or_file(font: FontRef, written: &str) -> Result<FontRef, String> {
    let FontRef::Family(name) = &font else {
        return Ok(font);
    };
    if crate::typeset::fonts::is_bundled_family(name) {
        return Ok(font);
    }
    let names = crate::typeset::fonts::family_aliases();
    Err(match suggest(name, &names) {
        Some(s) => format!("names no bundled font family `{written}`; did you mean `{s}`?"),
        None => format!(
            "names no bundled font family `{written}`; the bundled ones are {}, or give a font file path",
            names.join(", ")
        ),
    })
}

/// A BCP 47 language tag, checked for shape only ("en", "en-GB",
/// "sr-Latn"); whether handbill can hyphenate it is decided elsewhere.
pub(super) fn lang(value: &str) -> Result<String, String> {
    let t = value.trim();
    if is_language_tag(t) {
        return Ok(t.to_string());
    }
    if t.contains('_') && lang(&t.replace('_', "-")).is_ok() {
        return Err(format!(
            "must be a language tag with hyphens, like \"{}\", not \"{value}\"",
            t.replace('_', "-")
        ));
    }
    let base = format!(
        "must be a language tag like \"en\", \"en-GB\", \"de\" or \"sr-Latn\", not \"{value}\""
    );
    match crate::typeset::hyphenate::suggest_tag(t) {
        Some(s) => Err(format!("{base}; did you mean \"{s}\"?")),
        None => Err(base),
    }
}

/// `for`: the print target.
pub(super) fn target(value: &str) -> Result<PrintTarget, String> {
    value.parse::<PrintTarget>().map_err(|_| {
        let hint = match suggest(value.trim(), PrintTarget::NAMES) {
            Some(s) => format!("; did you mean \"{s}\"?"),
            None => String::new(),
        };
        format!("must be \"office\", \"copyshop\" or \"press\", not \"{value}\"{hint}")
    })
}

/// `marks`: a list of "crop" and "registration" (empty for none).
pub(super) fn marks(values: &[String]) -> Result<Marks, String> {
    let mut marks = Marks::default();
    for v in values {
        match v.trim().to_ascii_lowercase().as_str() {
            "crop" | "trim" => marks.crop = true,
            "registration" => marks.registration = true,
            _ => {
                let hint = match suggest(v.trim(), &["crop", "registration"]) {
                    Some(s) => format!("; did you mean \"{s}\"?"),
                    None => String::new(),
                };
                return Err(format!(
                    "may hold \"crop\" and \"registration\", not \"{v}\"{hint}"
                ));
            }
        }
    }
    Ok(marks)
}

/// `impose`: "2up", "4up", "8up" or "none".
pub(super) fn impose(value: &str) -> Result<Option<NUp>, String> {
    NUp::parse_or_none(value)
}

/// A path to a file that exists, resolved against `base_dir`; refused
/// without one (a sealed layout).
pub(super) fn existing_file(
    value: &str,
    base_dir: Option<&Path>,
) -> Result<std::path::PathBuf, String> {
    let Some(base_dir) = base_dir else {
        return Err(format!("names the file `{}`; {SEALED}", value.trim()));
    };
    let path = base_dir.join(value.trim());
    if path.is_file() {
        Ok(path)
    } else if path.exists() {
        Err(format!("names `{}`, which is not a file", path.display()))
    } else {
        Err(format!("names `{}`, which does not exist", path.display()))
    }
}

/// `fold`: "none" or "trifold".
pub(super) fn fold(value: &str) -> Result<Option<Fold>, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "none" => Ok(None),
        "trifold" | "tri-fold" | "roll" | "roll-fold" => Ok(Some(Fold::Trifold)),
        _ => Err(not_one_of(value, Fold::NAMES)),
    }
}

/// An `[[image]]`'s `position`.
pub(super) fn image_area(value: &str) -> Result<ImageArea, String> {
    Ok(
        match keyword(
            value,
            &["top", "column", "bottom", "top-right", "bottom-right"],
        )? {
            "top" => ImageArea::Top,
            "column" => ImageArea::Column,
            "bottom" => ImageArea::Bottom,
            "top-right" => ImageArea::TopRight,
            _ => ImageArea::BottomRight,
        },
    )
}

/// An `[[image]]`'s `fit`.
pub(super) fn image_fit(value: &str) -> Result<Fit, String> {
    Ok(match keyword(value, &["contain", "cover"])? {
        "contain" => Fit::Contain,
        _ => Fit::Cover,
    })
}

/// The most a justified line's glyphs may widen or narrow, written as a
/// percentage (`"2%"`), as a share. At most 5%: past that a reader sees
/// letters drawn out of shape (pdfTeX users keep to 2–3%).
pub(super) fn expansion(value: &str) -> Result<f64, String> {
    let wrong = || format!("must be a percentage from 0% to 5%, like \"2%\", not \"{value}\"");
    let p = value.trim().strip_suffix('%').ok_or_else(wrong)?;
    match p.trim().parse::<f64>() {
        Ok(v) if (0.0..=5.0).contains(&v) => Ok(v / 100.0),
        _ => Err(wrong()),
    }
}

/// A width or height: a length, or a percentage of the area (`"100%"`);
/// more than zero either way.
pub(super) fn extent(value: &str) -> Result<Extent, String> {
    let t = value.trim();
    if let Some(p) = t.strip_suffix('%') {
        return match p.trim().parse::<f64>() {
            Ok(v) if v > 0.0 && v <= 100.0 => Ok(Extent::Percent(v)),
            Ok(_) => Err(format!(
                "must be a percentage above 0% and at most 100%, not \"{value}\""
            )),
            Err(_) => Err(format!(
                "must be a length or a percentage, like \"60mm\" or \"100%\", not \"{value}\""
            )),
        };
    }
    match t.parse::<Length>() {
        Ok(l) if l.to_pt() > 0.0 => Ok(Extent::Length(l)),
        Ok(_) => Err(format!("must be more than zero, not \"{value}\"")),
        Err(e) => Err(format!("must be a length or a percentage: {e}")),
    }
}

/// A picture file: relative to the layout file's directory, and it must
/// exist (it is read when a statement is built); refused without a
/// directory (a sealed layout).
pub(super) fn picture_file(
    value: &str,
    base_dir: Option<&Path>,
) -> Result<std::path::PathBuf, String> {
    let t = value.trim();
    if t.is_empty() {
        return Err("must name a picture file (PNG, JPEG or WebP), not \"\"".to_string());
    }
    let Some(base_dir) = base_dir else {
        return Err(format!("names the picture `{t}`; {SEALED}"));
    };
    let path = base_dir.join(t);
    if path.is_file() {
        Ok(path)
    } else if path.exists() {
        Err(format!("names `{}`, which is not a file", path.display()))
    } else {
        Err(format!(
            "names the picture `{}`, which does not exist",
            path.display()
        ))
    }
}
