//! Image XObjects. A JPEG goes in byte for byte as a DCTDecode stream;
//! other pictures as Flate-compressed samples, with transparency as a soft
//! mask. For the press every picture is CMYK or grey, and PDF/X-1a (which
//! allows no transparency) gets alpha flattened onto the white paper.

use pdf_writer::{Chunk, Filter, Finish, Name, Ref};

use super::{deflate, Packing};
use crate::compose::picture::{Picture, PixelFormat};
use crate::error::Result;
use crate::layout::print::Standard;
use crate::output::color;
use crate::output::target::{ColorMode, PrintSetup};

/// References for one picture: the image, and its soft mask if it has one.
pub(super) struct ImageRefs {
    pub(super) image: Ref,
    mask: Option<Ref>,
}

impl ImageRefs {
    /// References from `next`: one for the image, one for its soft mask.
    pub(super) fn allocate(
        p: &Picture,
        setup: &PrintSetup,
        next: &mut impl FnMut() -> Ref,
    ) -> ImageRefs {
        ImageRefs {
            image: next(),
            mask: Treatment::of(p, setup).mask.then(&mut *next),
        }
    }
}

/// How a picture goes into the file for a print target.
struct Treatment {
    /// RGB samples become CMYK (for the press).
    convert: bool,
    /// Transparency is flattened onto white (PDF/X-1a).
    flatten: bool,
    /// The JPEG file is embedded as it is.
    passed_through: bool,
    /// Transparency becomes a soft mask.
    mask: bool,
}

impl Treatment {
    fn of(p: &Picture, setup: &PrintSetup) -> Treatment {
        let press = setup.color == ColorMode::Cmyk;
        let flatten = press && setup.standard == Some(Standard::X1a) && p.pixels.alpha.is_some();
        // A CMYK JPEG goes in as it is, not through its RGB preview samples.
        let convert = press && p.pixels.format == PixelFormat::Rgb && !p.is_cmyk_jpeg();
        let passed_through = p.jpeg.is_some() && !(convert || flatten);
        Treatment {
            convert,
            flatten,
            passed_through,
            mask: p.pixels.alpha.is_some() && !passed_through && !flatten,
        }
    }
}

/// The colour space name of samples in `format`.
fn space(format: PixelFormat) -> Name<'static> {
    Name(match format {
        PixelFormat::Gray => b"DeviceGray",
        PixelFormat::Rgb => b"DeviceRGB",
        PixelFormat::Cmyk => b"DeviceCMYK",
    })
}

/// Writes the image XObject (and soft mask) of a picture.
pub(super) fn embed(p: &Picture, setup: &PrintSetup, refs: &ImageRefs) -> Result<Chunk> {
    let Treatment {
        convert,
        flatten,
        passed_through,
        ..
    } = Treatment::of(p, setup);
    let mask = refs.mask.zip(p.pixels.alpha.as_ref());
    let (w, h) = (p.width as i32, p.height as i32);
    let mut chunk = Chunk::new();
    match &p.jpeg {
        Some(jpeg) if passed_through => {
            let mut image = chunk.image_xobject(refs.image, &jpeg.data);
            image
                .width(w)
                .height(h)
                .bits_per_component(8)
                .color_space_name(space(jpeg.format))
                .filter(Filter::DctDecode);
            if jpeg.inverted {
                // Adobe's CMYK JPEGs store ink inverted.
                image.decode([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
            }
        }
        _ => {
            let (format, samples) = if convert || flatten {
                color::for_press(&p.pixels, flatten)
            } else {
                (
                    p.pixels.format,
                    std::borrow::Cow::Borrowed(&p.pixels.samples[..]),
                )
            };
            let packed = deflate(&samples, Packing::General)?;
            let mut image = chunk.image_xobject(refs.image, &packed);
            image
                .width(w)
                .height(h)
                .bits_per_component(8)
                .color_space_name(space(format))
                .filter(Filter::FlateDecode);
            if let Some((mask, _)) = mask {
                image.s_mask(mask);
            }
            image.finish();
        }
    }
    if let Some((mask, alpha)) = mask {
        let packed = deflate(alpha, Packing::General)?;
        chunk
            .image_xobject(mask, &packed)
            .width(w)
            .height(h)
            .bits_per_component(8)
            .color_space_name(space(PixelFormat::Gray))
            .filter(Filter::FlateDecode);
    }
    Ok(chunk)
}
