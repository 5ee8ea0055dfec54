//! Figures: vector drawings placed in the text flow. For now, QR codes — the
//! link to a petition or a meeting page that people scan from a leaflet.

use crate::error::{Error, Location, Result};
use crate::units::Length;

/// A filled rectangle, from the figure's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct FilledRect {
    /// Left edge.
    pub x: Length,
    /// Top edge.
    pub y: Length,
    /// Width.
    pub width: Length,
    /// Height.
    pub height: Length,
}

/// A black-on-white vector figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Width, quiet zone included.
    pub width: Length,
    /// Height, quiet zone included.
    pub height: Length,
    /// The dark parts.
    pub rects: Vec<FilledRect>,
}

/// Modules of white around a QR code: the standard's quiet zone, which
/// phones need to find the code.
const QUIET_ZONE: usize = 4;

/// Draws `text` as a QR code `size` wide (quiet zone included). Runs of dark
/// modules in a row are merged into one rectangle, so a code is a few
/// hundred rectangles rather than a thousand squares.
pub fn qr_code(text: &str, size: Length, at: Location) -> Result<Figure> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| Error::Typeset {
            at,
            message: format!("`qr` cannot be made into a QR code ({e}); use a shorter link"),
        })?;
    let n = code.width();
    let colors = code.to_colors();
    let total = n + 2 * QUIET_ZONE;
    let module = size / total as f64;
    let mut rects = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                rects.push(FilledRect {
                    x: module * (start + QUIET_ZONE) as f64,
                    y: module * (row + QUIET_ZONE) as f64,
                    width: module * (col - start) as f64,
                    height: module,
                });
            } else {
                col += 1;
            }
        }
    }
    Ok(Figure {
        width: size,
        height: size,
        rects,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_code_with_a_quiet_zone() {
        let f = qr_code(
            "https://example.org/petition",
            Length::mm(25.0),
            Location::file("t"),
        )
        .unwrap();
        assert_eq!(f.width, f.height);
        let quiet = f.width / 41.0 * QUIET_ZONE as f64; // version 3 (29 modules) + 8
        assert!(f.rects.iter().all(|r| r.x >= quiet * 0.99
            && r.y >= quiet * 0.99
            && r.x + r.width <= f.width - quiet * 0.99));
        assert!(f.rects.len() > 50);
    }

    #[test]
    fn text_too_long_is_an_error() {
        let long = "x".repeat(5000);
        assert!(qr_code(&long, Length::mm(25.0), Location::file("t"))
            .unwrap_err()
            .to_string()
            .contains("shorter link"));
    }
}
