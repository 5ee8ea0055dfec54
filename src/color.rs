//! Colours on their way to paper: conversion to CMYK for print shops, total
//! ink coverage, and RGB for previews.
//!
//! The conversion from RGB to CMYK here is the plain device formula
//! (K = 1 − max(R, G, B), then C, M, Y from what is left), not a
//! colour-managed one: handbill has no colour management engine, and a
//! layout that needs exact print colours should give them as `cmyk(…)`.
//! Preflight reports every colour converted this way.

use crate::spec::Color;
use crate::target::ColorMode;

/// The colour as CMYK fractions (a spot colour as its CMYK stand-in at its tint).
pub fn to_cmyk(c: Color) -> [f64; 4] {
    match c {
        // Gray is black ink only: black text stays 100% K, never rich black.
        Color::Gray(g) => [0.0, 0.0, 0.0, clamp(1.0 - g)],
        Color::Rgb(r, g, b) => {
            if r == g && g == b {
                return [0.0, 0.0, 0.0, clamp(1.0 - r)];
            }
            let k = 1.0 - r.max(g).max(b);
            if k >= 1.0 {
                return [0.0, 0.0, 0.0, 1.0];
            }
            let f = |x: f64| clamp((1.0 - x - k) / (1.0 - k));
            [f(r), f(g), f(b), clamp(k)]
        }
        Color::Cmyk(c, m, y, k) => [c, m, y, k],
        Color::Spot { tint, cmyk, .. } => cmyk.map(|x| clamp(x * tint)),
    }
}

/// The colour as RGB fractions, for drawing previews.
pub fn to_rgb(c: Color) -> [f64; 3] {
    match c {
        Color::Gray(g) => [g, g, g],
        Color::Rgb(r, g, b) => [r, g, b],
        _ => {
            let [c, m, y, k] = to_cmyk(c);
            [
                (1.0 - c) * (1.0 - k),
                (1.0 - m) * (1.0 - k),
                (1.0 - y) * (1.0 - k),
            ]
        }
    }
}

/// Total ink coverage as a sum of fractions (3.0 = 300%). A spot ink counts
/// its tint: it is one ink on its own plate.
pub fn ink(c: Color) -> f64 {
    match c {
        Color::Spot { tint, .. } => tint,
        _ => to_cmyk(c).iter().sum(),
    }
}

/// The colour as it is written for `mode`: in CMYK mode gray and RGB become
/// CMYK; spot colours stay spot colours.
pub fn for_output(c: Color, mode: ColorMode) -> Color {
    match (mode, c) {
        (ColorMode::AsWritten, _) | (_, Color::Cmyk(..)) | (_, Color::Spot { .. }) => c,
        (ColorMode::Cmyk, _) => {
            let [c, m, y, k] = to_cmyk(c);
            Color::Cmyk(c, m, y, k)
        }
    }
}

/// Whether writing `c` in `mode` converts it from RGB with a guess (which
/// preflight reports). Neutral RGB becomes black ink alone, exactly.
pub fn converted_from_rgb(c: Color, mode: ColorMode) -> bool {
    mode == ColorMode::Cmyk && matches!(c, Color::Rgb(r, g, b) if !(r == g && g == b))
}

/// The colour as a layout would write it, for messages.
pub fn describe(c: Color) -> String {
    let pct = |x: f64| (x * 100.0).round();
    match c {
        Color::Gray(g) => format!("gray({})", (g * 1000.0).round() / 1000.0),
        Color::Rgb(r, g, b) => {
            let h = |x: f64| (x * 255.0).round().clamp(0.0, 255.0) as u8;
            format!("#{:02x}{:02x}{:02x}", h(r), h(g), h(b))
        }
        Color::Cmyk(c, m, y, k) => {
            format!("cmyk({},{},{},{})", pct(c), pct(m), pct(y), pct(k))
        }
        Color::Spot { name, tint, .. } => {
            format!("spot(\"{}\") at {}%", name.as_str(), pct(tint))
        }
    }
}

fn clamp(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::SpotName;

    #[test]
    fn black_is_black_ink_only() {
        assert_eq!(to_cmyk(Color::Gray(0.0)), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(to_cmyk(Color::Rgb(0.0, 0.0, 0.0)), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(to_cmyk(Color::Rgb(0.4, 0.4, 0.4)), [0.0, 0.0, 0.0, 0.6]);
    }

    #[test]
    fn rgb_red_becomes_magenta_and_yellow() {
        let [c, m, y, k] = to_cmyk(Color::Rgb(0.8, 0.0, 0.0));
        assert_eq!(c, 0.0);
        assert!((m - 1.0).abs() < 1e-9 && (y - 1.0).abs() < 1e-9);
        assert!((k - 0.2).abs() < 1e-9);
        assert_eq!(describe(Color::Rgb(0.8, 0.0, 0.0)), "#cc0000");
    }

    #[test]
    fn cmyk_mode_leaves_no_rgb_or_gray() {
        for c in [Color::Gray(0.35), Color::Rgb(0.1, 0.5, 0.9)] {
            assert!(matches!(for_output(c, ColorMode::Cmyk), Color::Cmyk(..)));
            assert_eq!(for_output(c, ColorMode::AsWritten), c);
        }
        let spot = Color::Spot {
            name: SpotName::new("HKS 13 K").unwrap(),
            tint: 0.5,
            cmyk: [0.0, 1.0, 0.9, 0.0],
        };
        assert_eq!(for_output(spot, ColorMode::Cmyk), spot);
        assert_eq!(ink(spot), 0.5);
    }

    #[test]
    fn ink_adds_up_the_plates() {
        assert!((ink(Color::Cmyk(1.0, 1.0, 1.0, 1.0)) - 4.0).abs() < 1e-9);
        assert!((ink(Color::Gray(0.0)) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn previews_get_rgb() {
        assert_eq!(to_rgb(Color::Cmyk(0.0, 0.0, 0.0, 1.0)), [0.0, 0.0, 0.0]);
        assert_eq!(to_rgb(Color::Cmyk(0.0, 0.0, 0.0, 0.0)), [1.0, 1.0, 1.0]);
    }
}
