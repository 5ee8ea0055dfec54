//! Colours on their way to paper: colours and pictures converted to CMYK
//! for print shops, and total ink coverage.
//!
//! The conversion ([`Color::to_cmyk`]) is the plain device formula, not a
//! colour-managed one; preflight reports every colour converted this way.

use std::borrow::Cow;

use crate::compose::picture::{PixelFormat, Pixels};
use crate::output::target::ColorMode;
use crate::style::Color;

/// Total ink coverage as a sum of fractions (3.0 = 300%). A spot ink counts
/// its tint: it is one ink on its own plate.
pub fn ink(c: Color) -> f64 {
    match c {
        Color::Spot { tint, .. } => tint,
        _ => c.to_cmyk().iter().sum(),
    }
}

/// The colour as it is written for `mode`: in CMYK mode gray and RGB become
/// CMYK; spot colours stay spot colours.
pub fn for_output(c: Color, mode: ColorMode) -> Color {
    match (mode, c) {
        (ColorMode::AsWritten, _) | (_, Color::Cmyk(..)) | (_, Color::Spot { .. }) => c,
        (ColorMode::Cmyk, _) => {
            let [c, m, y, k] = c.to_cmyk();
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

/// A picture's samples for the press: RGB becomes CMYK by the same plain
/// formula as colours (neutral greys on black ink alone), and with
/// `flatten` the alpha channel is composited onto white paper first.
pub fn for_press(px: &Pixels, flatten: bool) -> (PixelFormat, Cow<'_, [u8]>) {
    let n = px.format.channels();
    let alpha = if flatten { px.alpha.as_deref() } else { None };
    let format = match px.format {
        PixelFormat::Rgb => PixelFormat::Cmyk,
        f => f,
    };
    if alpha.is_none() && px.format != PixelFormat::Rgb {
        return (format, Cow::Borrowed(&px.samples));
    }
    let pixels = px.samples.len() / n.max(1);
    let mut out = Vec::with_capacity(pixels * format.channels());
    for (i, s) in px.samples.chunks_exact(n).enumerate() {
        let a = alpha
            .and_then(|a| a.get(i))
            .map_or(255u32, |&a| u32::from(a));
        // Light (RGB, grey) fades to white; ink (CMYK) fades to none.
        let light = |v: u8| (255 - (255 - u32::from(v)) * a / 255) as u8;
        let ink = |v: u8| (u32::from(v) * a / 255) as u8;
        match px.format {
            PixelFormat::Gray => out.push(light(s[0])),
            PixelFormat::Cmyk => out.extend(s.iter().map(|&v| ink(v))),
            PixelFormat::Rgb => {
                let (r, g, b) = (light(s[0]), light(s[1]), light(s[2]));
                let f = |v: u8| f64::from(v) / 255.0;
                let [c, m, y, k] = Color::Rgb(f(r), f(g), f(b)).to_cmyk();
                out.extend([c, m, y, k].map(|x| (x * 255.0).round() as u8));
            }
        }
    }
    (format, Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::SpotName;

    #[test]
    fn rgb_red_becomes_magenta_and_yellow() {
        let [c, m, y, k] = Color::Rgb(0.8, 0.0, 0.0).to_cmyk();
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
    fn press_pictures_are_cmyk_and_flattened() {
        let px = Pixels {
            format: PixelFormat::Rgb,
            samples: vec![255, 0, 0, 0, 0, 0, 128, 128, 128],
            alpha: Some(vec![255, 0, 255]),
        };
        let (f, s) = for_press(&px, true);
        assert_eq!(f, PixelFormat::Cmyk);
        // Red → magenta + yellow; black fully transparent → white paper;
        // mid grey → black ink only.
        assert_eq!(&s[..], &[0, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 127]);
        let (_, kept) = for_press(&px, false);
        assert_eq!(&kept[4..8], &[0, 0, 0, 255]);
        let grey = Pixels {
            format: PixelFormat::Gray,
            samples: vec![0, 100],
            alpha: None,
        };
        assert!(matches!(for_press(&grey, true).1, Cow::Borrowed(_)));
    }
}
