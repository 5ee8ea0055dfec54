//! Helpers shared by the end-to-end tests: comparing two renderings of a
//! page as a reader would, in small blocks rather than pixel by pixel.

// Each test crate includes this module and uses only part of it.
#![allow(dead_code)]

/// A rendered page as luminance, 0 (black) to 255 (white), row by row.
pub struct Luma {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<f64>,
}

/// Reads a PNG's pixels as luminance.
pub fn luminance(png: &[u8]) -> Luma {
    let img = image::load_from_memory(png).expect("a PNG").to_rgb8();
    let pixels = img
        .pixels()
        .map(|p| 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]))
        .collect();
    Luma {
        width: img.width() as usize,
        height: img.height() as usize,
        pixels,
    }
}

/// Mean luminance of 4×4-pixel blocks over `w`×`h` pixels of `img`
/// (leaving an 8-pixel margin), starting `dx` pixels to the right. Poppler
/// hints glyphs and tiny-skia does not, so single pixels differ at every
/// stem; blocks show what a reader sees.
pub fn blocks(img: &Luma, w: usize, h: usize, dx: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for by in 0..(h - 8) / 4 {
        for bx in 0..(w - 8) / 4 {
            let mut sum = 0.0;
            for y in 0..4 {
                for x in 0..4 {
                    sum += img.pixels[(by * 4 + y) * img.width + bx * 4 + x + dx];
                }
            }
            out.push(sum / 16.0);
        }
    }
    out
}

/// Blocks per row for a `w`-pixel-wide comparison.
pub fn blocks_per_row(w: usize) -> usize {
    (w - 8) / 4
}

/// The mean difference of two block lists, and the share of blocks that
/// differ by more than `far` (a glyph or picture present in one only).
pub fn block_diff(a: &[f64], b: &[f64], far: f64) -> (f64, f64) {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| (x - y).abs()).collect();
    let mean = d.iter().sum::<f64>() / d.len() as f64;
    let off = d.iter().filter(|&&x| x > far).count() as f64 / d.len() as f64;
    (mean, off)
}

/// The size two renderings are compared at; they may differ by a pixel
/// of rounding, not more.
pub fn common_size(a: &Luma, b: &Luma) -> (usize, usize) {
    assert!(
        a.width.abs_diff(b.width) <= 1 && a.height.abs_diff(b.height) <= 1,
        "{}×{} vs {}×{}",
        a.width,
        a.height,
        b.width,
        b.height
    );
    (a.width.min(b.width), a.height.min(b.height))
}
