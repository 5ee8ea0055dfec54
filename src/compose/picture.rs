//! Pictures: photos and logos from PNG, JPEG or WebP files, read within
//! limits and kept as plain samples (pixel format, bytes, size), so that the
//! PDF writer, the PNG preview and any later colour conversion work from
//! one model. A JPEG also keeps its file, which goes into the PDF unchanged.

use std::io::{Cursor, Read};
use std::path::Path;

use image::{DynamicImage, ImageDecoder, ImageFormat};

use crate::error::{Error, Location, Result};

/// How the samples of a picture are laid out: 8 bits per sample, no padding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PixelFormat {
    /// One grey sample per pixel (0 black, 255 white).
    Gray,
    /// Red, green, blue.
    Rgb,
    /// Cyan, magenta, yellow, black (0 no ink, 255 full ink).
    Cmyk,
}

impl PixelFormat {
    /// Samples per pixel.
    pub fn channels(self) -> usize {
        match self {
            PixelFormat::Gray => 1,
            PixelFormat::Rgb => 3,
            PixelFormat::Cmyk => 4,
        }
    }
}

/// Decoded samples, rows top to bottom, left to right.
#[derive(Clone, Debug, PartialEq)]
pub struct Pixels {
    /// The colour samples' layout.
    pub format: PixelFormat,
    /// `width × height × format.channels()` bytes.
    pub samples: Vec<u8>,
    /// Opacity, one byte a pixel (255 opaque), when any pixel is not opaque.
    pub alpha: Option<Vec<u8>>,
}

/// A JPEG file that goes into the PDF as it is (DCTDecode): no decoding
/// and re-encoding, so no loss and no change of resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Jpeg {
    /// The whole file.
    pub data: Vec<u8>,
    /// The colour space its samples decode to.
    pub format: PixelFormat,
    /// CMYK stored inverted, as Adobe applications write it (an APP14
    /// "Adobe" marker): the PDF needs a /Decode array that inverts it back.
    pub inverted: bool,
}

/// How the stored pixels are turned to be shown upright (EXIF orientation,
/// which phones write instead of turning the pixels).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// As stored.
    #[default]
    Upright,
    /// Turned 90° clockwise.
    Rotate90,
    /// Turned 180°.
    Rotate180,
    /// Turned 270° clockwise (90° counter-clockwise).
    Rotate270,
    /// Mirrored left to right.
    FlipH,
    /// Mirrored top to bottom.
    FlipV,
    /// Turned 90° clockwise, then mirrored left to right.
    Rotate90FlipH,
    /// Turned 270° clockwise, then mirrored left to right.
    Rotate270FlipH,
}

impl Orientation {
    fn from_image(o: image::metadata::Orientation) -> Orientation {
        use image::metadata::Orientation as O;
        match o {
            O::NoTransforms => Orientation::Upright,
            O::Rotate90 => Orientation::Rotate90,
            O::Rotate180 => Orientation::Rotate180,
            O::Rotate270 => Orientation::Rotate270,
            O::FlipHorizontal => Orientation::FlipH,
            O::FlipVertical => Orientation::FlipV,
            O::Rotate90FlipH => Orientation::Rotate90FlipH,
            O::Rotate270FlipH => Orientation::Rotate270FlipH,
        }
    }

    /// True when width and height swap.
    pub fn turns(self) -> bool {
        matches!(
            self,
            Orientation::Rotate90
                | Orientation::Rotate270
                | Orientation::Rotate90FlipH
                | Orientation::Rotate270FlipH
        )
    }

    /// The map from the stored picture's unit square to the shown one's,
    /// both with y up (the PDF's image space).
    pub fn matrix(self) -> Affine {
        let m = |a, b, c, d, e, f| Affine { a, b, c, d, e, f };
        match self {
            Orientation::Upright => m(1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
            Orientation::Rotate90 => m(0.0, -1.0, 1.0, 0.0, 0.0, 1.0),
            Orientation::Rotate180 => m(-1.0, 0.0, 0.0, -1.0, 1.0, 1.0),
            Orientation::Rotate270 => m(0.0, 1.0, -1.0, 0.0, 1.0, 0.0),
            Orientation::FlipH => m(-1.0, 0.0, 0.0, 1.0, 1.0, 0.0),
            Orientation::FlipV => m(1.0, 0.0, 0.0, -1.0, 0.0, 1.0),
            Orientation::Rotate90FlipH => m(0.0, -1.0, -1.0, 0.0, 1.0, 1.0),
            Orientation::Rotate270FlipH => m(0.0, 1.0, 1.0, 0.0, 0.0, 0.0),
        }
    }
}

/// An affine map `x' = a·x + c·y + e`, `y' = b·x + d·y + f` (PDF's order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    /// x scale.
    pub a: f64,
    /// y shear.
    pub b: f64,
    /// x shear.
    pub c: f64,
    /// y scale.
    pub d: f64,
    /// x offset.
    pub e: f64,
    /// y offset.
    pub f: f64,
}

impl Affine {
    /// `self` first, then `then`.
    pub fn then(self, then: Affine) -> Affine {
        let t = then;
        Affine {
            a: t.a * self.a + t.c * self.b,
            b: t.b * self.a + t.d * self.b,
            c: t.a * self.c + t.c * self.d,
            d: t.b * self.c + t.d * self.d,
            e: t.a * self.e + t.c * self.f + t.e,
            f: t.b * self.e + t.d * self.f + t.f,
        }
    }

    /// Where the map sends a point.
    pub fn apply(self, x: f64, y: f64) -> (f64, f64) {
        (
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }
}

/// A picture, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// The file as named in the layout or statement, for messages.
    pub source: String,
    /// Stored width in pixels.
    pub width: u32,
    /// Stored height in pixels.
    pub height: u32,
    /// The decoded samples (for the preview, and for the PDF unless `jpeg`).
    pub pixels: Pixels,
    /// The JPEG file to pass through to the PDF, when the picture is one.
    pub jpeg: Option<Jpeg>,
    /// How to turn the stored pixels to show them upright.
    pub orientation: Orientation,
}

impl Picture {
    /// Whether the picture's own file is a CMYK JPEG kept to go into the
    /// PDF as it is: its inks are already what a press prints, whatever
    /// the decoded samples (which are RGB, for the preview) say.
    pub fn is_cmyk_jpeg(&self) -> bool {
        self.jpeg
            .as_ref()
            .is_some_and(|j| j.format == PixelFormat::Cmyk)
    }

    /// Width and height in pixels as shown (turned by the orientation).
    pub fn shown_size(&self) -> (u32, u32) {
        if self.orientation.turns() {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }

    /// Shown width over shown height.
    pub fn aspect(&self) -> f64 {
        let (w, h) = self.shown_size();
        f64::from(w) / f64::from(h.max(1))
    }
}

/// What a picture may be: a pixel bomb (a tiny file that claims a huge
/// size) is refused before anything is allocated for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most pixels a side.
    pub max_side: u32,
    /// Most bytes the decoded picture may take (the decoder's allocation
    /// limit, too).
    pub max_decoded: u64,
    /// Largest file read.
    pub max_file: u64,
}

impl Default for Limits {
    /// 20,000 pixels a side is A0 at 600 dpi; 512 MB decoded is a 128-megapixel
    /// photo with transparency, or 64 megapixels at 16 bits a sample.
    fn default() -> Limits {
        Limits {
            max_side: 20_000,
            max_decoded: 512 * 1024 * 1024,
            max_file: 256 * 1024 * 1024,
        }
    }
}

/// Reads the picture at `path` (shown as `shown` in messages) named at `at`.
pub fn load(path: &Path, shown: &str, at: &Location, limits: &Limits) -> Result<Picture> {
    let fail = |message: String| Error::Image {
        at: at.clone(),
        message,
    };
    if path.is_dir() {
        return Err(fail(format!(
            "picture `{shown}` is a directory, not a picture file"
        )));
    }
    // Devices and pipes (/dev/zero, /dev/stdin) would be read forever or block.
    if path.exists() && !path.is_file() {
        return Err(fail(format!("picture `{shown}` is not a regular file")));
    }
    let file = std::fs::File::open(path).map_err(|e| {
        let why = match Error::io(path, &e) {
            Error::Io { message, .. } => message,
            other => other.to_string(),
        };
        fail(format!("picture `{shown}`: {why}"))
    })?;
    let mut bytes = Vec::new();
    file.take(limits.max_file + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("picture `{shown}` cannot be read: {e}")))?;
    if bytes.len() as u64 > limits.max_file {
        return Err(fail(format!(
            "picture `{shown}` is larger than {} MB, the most handbill reads",
            limits.max_file >> 20
        )));
    }
    decode(bytes, shown, at, limits)
}

/// Decodes a picture file's bytes.
pub fn decode(bytes: Vec<u8>, shown: &str, at: &Location, limits: &Limits) -> Result<Picture> {
    let format = readable_format(&bytes, shown, at)?;
    let jpeg_info = if format == ImageFormat::Jpeg {
        // The JPEG decoder is lenient and fills a cut-off file with grey; a
        // JPEG that does not end its last scan is refused here instead.
        let info = jpeg_header(&bytes);
        if !jpeg_complete(&bytes) {
            return Err(image_error(
                at,
                format!("picture `{shown}` is truncated or damaged (the JPEG data ends early)"),
            ));
        }
        info
    } else {
        None
    };
    let mut decoder = open_decoder(&bytes, format, shown, at, limits)?;
    let (width, height) = decoder.dimensions();
    // A broken EXIF block is no reason to refuse a picture: it is shown as stored.
    let orientation = decoder
        .orientation()
        .map(Orientation::from_image)
        .unwrap_or_default();
    let img = DynamicImage::from_decoder(decoder).map_err(|e| damaged(at, shown, &e))?;
    let pixels = samples(img);
    let jpeg = kept_jpeg(jpeg_info, width, height, bytes);
    Ok(Picture {
        source: shown.to_string(),
        width,
        height,
        pixels,
        jpeg,
        orientation,
    })
}

/// A picture error at `at`.
fn image_error(at: &Location, message: String) -> Error {
    Error::Image {
        at: at.clone(),
        message,
    }
}

/// The error for a file the decoder could not read, its message on one line.
fn damaged(at: &Location, shown: &str, e: &dyn std::fmt::Display) -> Error {
    image_error(
        at,
        format!(
            "picture `{shown}` is truncated or damaged ({})",
            one_line(&e.to_string())
        ),
    )
}

/// The file's format, if it is one handbill reads (PNG, JPEG, WebP); any
/// other is refused by name, so the user knows what to convert.
fn readable_format(bytes: &[u8], shown: &str, at: &Location) -> Result<ImageFormat> {
    match image::guess_format(bytes).ok() {
        Some(format @ (ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)) => Ok(format),
        Some(other) => Err(image_error(
            at,
            format!(
                "picture `{shown}` is a {} file; handbill reads PNG, JPEG and WebP: convert it",
                other
                    .extensions_str()
                    .first()
                    .unwrap_or(&"?")
                    .to_uppercase()
            ),
        )),
        None => Err(image_error(
            at,
            format!("picture `{shown}` is not a PNG, JPEG or WebP picture"),
        )),
    }
}

/// A decoder for the file, refusing a picture too large or empty before
/// anything is allocated for its pixels.
fn open_decoder<'b>(
    bytes: &'b [u8],
    format: ImageFormat,
    shown: &str,
    at: &Location,
    limits: &Limits,
) -> Result<impl ImageDecoder + 'b> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes));
    reader.set_format(format);
    // The size check comes first and with its own message; the limits are
    // set on the decoder too, which bounds what it allocates.
    let mut decoder_limits = image::Limits::default();
    decoder_limits.max_alloc = Some(limits.max_decoded);
    reader.limits(decoder_limits);
    let mut decoder = reader.into_decoder().map_err(|e| damaged(at, shown, &e))?;
    let (w, h) = decoder.dimensions();
    let decoded = decoder.total_bytes();
    if w > limits.max_side || h > limits.max_side || decoded > limits.max_decoded {
        return Err(image_error(
            at,
            format!(
                "picture `{shown}` is {w}×{h} pixels; handbill takes at most {} pixels a side \
                 and {} MB decoded: scale it down",
                limits.max_side,
                limits.max_decoded >> 20
            ),
        ));
    }
    if w == 0 || h == 0 {
        return Err(image_error(at, format!("picture `{shown}` has no pixels")));
    }
    let mut strict = image::Limits::default();
    strict.max_image_width = Some(limits.max_side);
    strict.max_image_height = Some(limits.max_side);
    strict.max_alloc = Some(limits.max_decoded);
    decoder
        .set_limits(strict)
        .map_err(|e| damaged(at, shown, &e))?;
    Ok(decoder)
}

/// The JPEG file itself, to go into the PDF unchanged, when its header
/// agrees with what was decoded and its samples are 8-bit grey, RGB or
/// CMYK (an Adobe CMYK JPEG stores its inks inverted).
fn kept_jpeg(info: Option<JpegInfo>, width: u32, height: u32, bytes: Vec<u8>) -> Option<Jpeg> {
    let info = info.filter(|i| i.width == width && i.height == height && i.precision == 8)?;
    let format = match info.components {
        1 => PixelFormat::Gray,
        3 => PixelFormat::Rgb,
        4 => PixelFormat::Cmyk,
        _ => return None,
    };
    Some(Jpeg {
        data: bytes,
        format,
        inverted: format == PixelFormat::Cmyk && info.adobe,
    })
}

/// A message on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The decoded picture as 8-bit grey or RGB samples and, if any pixel is
/// not opaque, an alpha channel.
fn samples(img: DynamicImage) -> Pixels {
    let colour = img.color().has_color();
    let has_alpha = img.color().has_alpha();
    let (format, samples, alpha) = match (colour, has_alpha) {
        (false, false) => (PixelFormat::Gray, img.into_luma8().into_raw(), None),
        (true, false) => (PixelFormat::Rgb, img.into_rgb8().into_raw(), None),
        (false, true) => {
            let raw = img.into_luma_alpha8().into_raw();
            let (s, a) = split_alpha(&raw, 1);
            (PixelFormat::Gray, s, Some(a))
        }
        (true, true) => {
            let raw = img.into_rgba8().into_raw();
            let (s, a) = split_alpha(&raw, 3);
            (PixelFormat::Rgb, s, Some(a))
        }
    };
    // An alpha channel that is opaque everywhere would only cost an SMask.
    let alpha = alpha.filter(|a| a.iter().any(|&v| v != 255));
    Pixels {
        format,
        samples,
        alpha,
    }
}

/// Colour samples and alpha from interleaved pixels of `channels` + 1 bytes.
fn split_alpha(raw: &[u8], channels: usize) -> (Vec<u8>, Vec<u8>) {
    let n = raw.len() / (channels + 1);
    let mut colour = Vec::with_capacity(n * channels);
    let mut alpha = Vec::with_capacity(n);
    for px in raw.chunks_exact(channels + 1) {
        colour.extend_from_slice(&px[..channels]);
        alpha.push(px[channels]);
    }
    (colour, alpha)
}

/// What a JPEG's frame header says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct JpegInfo {
    width: u32,
    height: u32,
    precision: u8,
    components: u8,
    /// An APP14 "Adobe" segment is present.
    adobe: bool,
}

/// Reads the markers of a JPEG up to its first scan: the frame header
/// (size, precision, components) and whether Adobe's APP14 segment is there.
fn jpeg_header(data: &[u8]) -> Option<JpegInfo> {
    if data.get(..2) != Some(&[0xFF, 0xD8][..]) {
        return None;
    }
    let mut i = 2;
    let mut adobe = false;
    let mut frame = None;
    while i + 4 <= data.len() {
        if data[i] != 0xFF {
            return None;
        }
        let marker = data[i + 1];
        if marker == 0xFF {
            // Fill byte.
            i += 1;
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
        let body = data.get(i + 4..i + 2 + len)?;
        match marker {
            0xEE if body.starts_with(b"Adobe") => adobe = true,
            // Start of frame: baseline, extended, progressive, lossless (not
            // DHT C4, JPG C8 or DAC CC).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                if body.len() < 6 {
                    return None;
                }
                frame = Some((
                    body[0],
                    u32::from(u16::from_be_bytes([body[1], body[2]])),
                    u32::from(u16::from_be_bytes([body[3], body[4]])),
                    body[5],
                ));
            }
            0xDA => break,
            _ => {}
        }
        i += 2 + len;
    }
    let (precision, height, width, components) = frame?;
    Some(JpegInfo {
        width,
        height,
        precision,
        components,
        adobe,
    })
}

/// True when a JPEG has its end-of-image marker after the first scan. In
/// entropy-coded data a 0xFF byte is always followed by 0x00 or a restart
/// marker, so 0xFF 0xD9 there can only be the real end.
fn jpeg_complete(data: &[u8]) -> bool {
    let Some(sos) = data.windows(2).position(|w| w == [0xFF, 0xDA]) else {
        return false;
    };
    data[sos..].windows(2).any(|w| w == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> Location {
        Location::file("test")
    }

    fn png(img: DynamicImage) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn grey_png_stays_grey_and_opaque_alpha_is_dropped() {
        let grey = DynamicImage::ImageLuma8(image::GrayImage::from_fn(4, 3, |x, _| {
            image::Luma([x as u8 * 60])
        }));
        let p = decode(png(grey), "g.png", &at(), &Limits::default()).unwrap();
        assert_eq!(p.pixels.format, PixelFormat::Gray);
        assert_eq!(p.pixels.samples.len(), 12);
        assert!(p.pixels.alpha.is_none() && p.jpeg.is_none());

        let opaque = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            2,
            2,
            image::Rgba([10, 20, 30, 255]),
        ));
        let p = decode(png(opaque), "o.png", &at(), &Limits::default()).unwrap();
        assert_eq!(p.pixels.format, PixelFormat::Rgb);
        assert_eq!(p.pixels.samples, [10, 20, 30].repeat(4));
        assert!(p.pixels.alpha.is_none());
    }

    #[test]
    fn jpeg_keeps_its_file_and_reads_its_frame_header() {
        let img = DynamicImage::ImageRgb8(image::RgbImage::from_fn(33, 17, |x, y| {
            image::Rgb([x as u8 * 7, y as u8 * 13, 90])
        }));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Jpeg).unwrap();
        let bytes = out.into_inner();
        let info = jpeg_header(&bytes).unwrap();
        assert_eq!((info.width, info.height, info.components), (33, 17, 3));
        let p = decode(bytes.clone(), "p.jpg", &at(), &Limits::default()).unwrap();
        let j = p.jpeg.unwrap();
        assert_eq!(j.data, bytes);
        assert_eq!(j.format, PixelFormat::Rgb);
        assert!(!j.inverted);
        // Cut off: refused, though the decoder itself would fill it in.
        let cut = bytes[..bytes.len() - 40].to_vec();
        let e = decode(cut, "p.jpg", &at(), &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("truncated"), "{e}");
    }

    #[test]
    fn webp_is_read_as_samples() {
        let img = DynamicImage::ImageRgba8(image::RgbaImage::from_fn(6, 4, |x, _| {
            image::Rgba([200, 100, 50, if x < 3 { 255 } else { 0 }])
        }));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::WebP).unwrap();
        let p = decode(out.into_inner(), "w.webp", &at(), &Limits::default()).unwrap();
        assert_eq!(
            (p.width, p.height, p.pixels.format),
            (6, 4, PixelFormat::Rgb)
        );
        let alpha = p.pixels.alpha.unwrap();
        assert_eq!(&alpha[..6], &[255, 255, 255, 0, 0, 0]);
        assert!(p.jpeg.is_none());
    }

    #[test]
    fn other_formats_and_non_pictures_are_named() {
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
        let e = decode(gif, "a.gif", &at(), &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("a GIF file"), "{e}");
        let e = decode(b"hello".to_vec(), "a.png", &at(), &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("not a PNG, JPEG or WebP"), "{e}");
    }

    #[test]
    fn limits_refuse_large_pictures_before_decoding() {
        let img = DynamicImage::ImageRgb8(image::RgbImage::new(50, 40));
        let limits = Limits {
            max_side: 45,
            ..Limits::default()
        };
        let e = decode(png(img), "big.png", &at(), &limits).unwrap_err();
        assert!(e.to_string().contains("50×40 pixels"), "{e}");
    }

    #[test]
    fn orientation_matrices_map_the_unit_square_onto_itself() {
        for o in [
            Orientation::Upright,
            Orientation::Rotate90,
            Orientation::Rotate180,
            Orientation::Rotate270,
            Orientation::FlipH,
            Orientation::FlipV,
            Orientation::Rotate90FlipH,
            Orientation::Rotate270FlipH,
        ] {
            let m = o.matrix();
            let mut corners: Vec<(i64, i64)> = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
                .iter()
                .map(|&(x, y)| {
                    let (u, v) = m.apply(x, y);
                    (u.round() as i64, v.round() as i64)
                })
                .collect();
            corners.sort();
            assert_eq!(corners, [(0, 0), (0, 1), (1, 0), (1, 1)], "{o:?}");
        }
        // Turned clockwise: the stored top-left corner ends top-right.
        assert_eq!(Orientation::Rotate90.matrix().apply(0.0, 1.0), (1.0, 1.0));
    }
}
