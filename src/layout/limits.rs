//! The checks layout values share: present, not negative, a type size or
//! a leading in range, a whole number in range, a finite number; and how
//! lengths are shown in their messages.

use super::layer::Val;
use super::layout_err;
use super::raw::key_name;
use super::Color;
use crate::error::{Location, Result};
use crate::units::Length;

pub(super) fn need<T>(v: Option<Val<T>>, what: &str, origin: &str) -> Result<Val<T>> {
    v.ok_or_else(|| {
        layout_err(
            Location::file(origin),
            format!("internal error: the default layout does not set {what}"),
        )
    })
}

/// Lengths in messages: millimetres for the page, points for type.
pub(super) fn mm(l: Length) -> String {
    let v = (l.to_mm() * 100.0).round() / 100.0;
    format!("{v}mm")
}

/// Tolerance for comparing lengths converted between units.
pub(super) const EPS_PT: f64 = 1e-6;

/// The location among `cands` that is in the top file, if any: a rule that
/// involves several keys is best reported where the user changed one.
pub(super) fn pick(cands: &[&Location], origin: &str) -> Location {
    cands
        .iter()
        .find(|l| l.file == origin)
        .or(cands.first())
        .map(|l| (*l).clone())
        .unwrap_or_else(|| Location::file(origin))
}

pub(super) fn not_negative(v: &Val<Length>, what: &str, unit: fn(Length) -> String) -> Result<()> {
    if v.v.to_pt() < -EPS_PT {
        return Err(layout_err(
            v.at.clone(),
            format!("{what} must be zero or more, not {}", unit(v.v)),
        ));
    }
    Ok(())
}

pub(super) fn size_range(v: &Val<Length>, section: &str, max_pt: f64) -> Result<()> {
    size_range_key(v, section, "size", max_pt)
}

pub(super) fn size_range_key(v: &Val<Length>, section: &str, key: &str, max_pt: f64) -> Result<()> {
    let pt = v.v.to_pt();
    if !(4.0 - EPS_PT..=max_pt + EPS_PT).contains(&pt) {
        return Err(layout_err(
            v.at.clone(),
            format!(
                "{} must be between 4pt and {max_pt}pt, not {}",
                key_name(section, key),
                v.v
            ),
        ));
    }
    Ok(())
}

pub(super) fn leading_range(
    leading: &Val<Length>,
    size: &Val<Length>,
    section: &str,
    origin: &str,
) -> Result<()> {
    let (lo, hi) = (size.v * 0.8, size.v * 4.0);
    if leading.v.to_pt() < lo.to_pt() - EPS_PT || leading.v.to_pt() > hi.to_pt() + EPS_PT {
        let at = pick(&[&leading.at, &size.at], origin);
        // Reported at the size when only the size was changed here.
        let hint = if at == leading.at {
            ""
        } else {
            "; set `leading` along with `size`"
        };
        return Err(layout_err(
            at,
            format!(
                "{} must be 0.8 to 4 times the size ({lo} to {hi} for size {}), not {}{hint}",
                key_name(section, "leading"),
                size.v,
                leading.v
            ),
        ));
    }
    Ok(())
}

pub(super) fn int_range(v: &Val<i64>, section: &str, key: &str, lo: i64, hi: i64) -> Result<u32> {
    if !(lo..=hi).contains(&v.v) {
        return Err(layout_err(
            v.at.clone(),
            format!(
                "{} must be {lo} to {hi}, not {}",
                key_name(section, key),
                v.v
            ),
        ));
    }
    Ok(v.v as u32)
}

pub(super) fn finite(v: &Val<f64>, section: &str, key: &str) -> Result<f64> {
    if !v.v.is_finite() {
        return Err(layout_err(
            v.at.clone(),
            format!(
                "{} must be a finite number, not {}",
                key_name(section, key),
                v.v
            ),
        ));
    }
    Ok(v.v)
}

/// `min-size` no larger than `max-size` in `section`.
pub(super) fn size_bounds(
    min: &Val<Length>,
    max: &Val<Length>,
    section: &str,
    origin: &str,
) -> Result<()> {
    if min.v > max.v {
        return Err(layout_err(
            pick(&[&min.at, &max.at], origin),
            format!(
                "{} ({}) is larger than {} ({})",
                key_name(section, "min-size"),
                min.v,
                key_name(section, "max-size"),
                max.v
            ),
        ));
    }
    Ok(())
}

/// The least contrast text may have with what it is printed on, as WCAG
/// computes it (1 is none, 21 is black on white): below 2:1 even a poster's
/// headline is hard to read, and a cheap office print loses it entirely.
/// WCAG asks 4.5 for body text on screens; a leaflet designer may choose a
/// pale grey for a date line, so only the unreadable is refused.
const MIN_CONTRAST: f64 = 2.0;

/// Refuses text of colour `text` printed on `ground`, named `on`, when the
/// two are too alike to read: a word in white on the paper, or in the
/// band's own colour, is a word lost.
pub(super) fn legible(
    text: &Val<Color>,
    section: &str,
    key: &str,
    ground: Color,
    on: &str,
    at: Location,
) -> Result<()> {
    let ratio = contrast(text.v, ground);
    if ratio < MIN_CONTRAST {
        return Err(layout_err(
            at,
            format!(
                "{} would print text that cannot be read on {on} (contrast {ratio:.1}:1, \
                 at least {MIN_CONTRAST}:1 is needed): choose a darker or lighter colour",
                key_name(section, key)
            ),
        ));
    }
    Ok(())
}

/// WCAG's contrast ratio of two colours, from their relative luminance.
fn contrast(a: Color, b: Color) -> f64 {
    let luminance = |c: Color| {
        let lin = |v: f64| {
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = c.to_rgb();
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcag_s() {
        assert!((contrast(Color::Gray(0.0), Color::Gray(1.0)) - 21.0).abs() < 1e-9);
        assert!((contrast(Color::Gray(0.5), Color::Gray(0.5)) - 1.0).abs() < 1e-9);
        // The built-in band: near-black field, white text.
        assert!(contrast(Color::Rgb(1.0, 1.0, 1.0), Color::Gray(0.12)) > 10.0);
        // Yellow on white: there, but not readable.
        assert!(contrast(Color::Rgb(1.0, 1.0, 0.0), Color::Gray(1.0)) < MIN_CONTRAST);
    }
}
