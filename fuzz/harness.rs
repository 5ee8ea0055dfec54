//! What each fuzz target does with its input, shared by the targets in
//! `fuzz_targets/` and by the regression test `tests/fuzz_regressions.rs`
//! (which includes this file with `#[path]`), so a saved crash input is
//! replayed through exactly the code path that found it.
//!
//! Errors are fine; a panic (or a hang, or running out of memory) is a bug.
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use handbill::statement::{self, Encoding, Format};
use handbill::{layout, BuildOutput, BuildRequest};

/// `pipeline` skips longer inputs so each execution stays fast.
pub const PIPELINE_MAX_LEN: usize = 20 * 1024;

/// `statement`: the bytes as plain text and as Markdown, each with no
/// encoding (UTF-8 expected) and as Windows-1252.
pub fn statement(data: &[u8]) -> Vec<handbill::Result<statement::Parsed>> {
    let mut out = Vec::with_capacity(6);
    for format in [Format::Plain, Format::Markdown, Format::Html] {
        for encoding in [None, Some(Encoding::Windows1252)] {
            out.push(statement::read(data, format, encoding, "fuzz"));
        }
    }
    out
}

/// `docx`: the bytes as the XML parts of a Word document, split at each
/// 0xFF byte (which UTF-8 never holds): the main document, its styles, its
/// numbering, its footnotes and its links; stored in a zip and read as a
/// statement, so that the fuzzer works on the XML, not on the zip's
/// checksums.
pub fn docx(data: &[u8]) -> handbill::Result<statement::Parsed> {
    use std::io::Write;
    const PARTS: [&str; 5] = [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "word/_rels/document.xml.rels",
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in PARTS.iter().zip(data.split(|&b| b == 0xFF)) {
        zip.start_file(*name, stored).expect("a zip entry starts");
        zip.write_all(bytes).expect("a zip entry is written");
    }
    let bytes = zip.finish().expect("the zip is finished").into_inner();
    statement::read(&bytes, Format::Markdown, None, "fuzz.docx")
}

/// `layout`: the bytes, when they are UTF-8, as a layout spec. The base
/// directory does not exist, so relative `extends` and font paths fail.
/// `None` when the input is not UTF-8.
pub fn layout(data: &[u8]) -> Option<handbill::Result<layout::Layout>> {
    let text = std::str::from_utf8(data).ok()?;
    Some(layout::parse(
        text,
        "fuzz.toml",
        Path::new("/nonexistent-dir"),
    ))
}

/// The built-in layouts, loaded once.
pub fn builtin_layouts() -> &'static [layout::Layout] {
    static LAYOUTS: OnceLock<Vec<layout::Layout>> = OnceLock::new();
    LAYOUTS.get_or_init(|| {
        layout::builtin_names()
            .into_iter()
            .map(|name| layout::load(name).expect("built-in layout loads"))
            .collect()
    })
}

/// `pipeline`: byte 0 picks a built-in layout (index modulo their number),
/// byte 1 the format (bit 0 clear: plain text, set: Markdown) and whether to
/// keep quotes and dashes as written (bit 1 set) and whether to build for a
/// print shop (bit 2 set: bleed, CMYK, PDF/X), bit 3 set reads it as HTML
/// (over bit 0), bits 4 and 5 give the statement a picture of its own (see
/// [`picture`]), the rest is the statement,
/// built into a PDF (no PNG previews). `None` when the input is shorter than
/// two bytes or longer than [`PIPELINE_MAX_LEN`].
pub fn pipeline(data: &[u8]) -> Option<handbill::Result<BuildOutput>> {
    if data.len() < 2 || data.len() > PIPELINE_MAX_LEN {
        return None;
    }
    let layouts = builtin_layouts();
    let layout = &layouts[data[0] as usize % layouts.len()];
    let format = match (data[1] & 1, data[1] & 8) {
        (_, 8) => Format::Html,
        (0, _) => Format::Plain,
        _ => Format::Markdown,
    };
    let result = handbill::build(&BuildRequest {
        format,
        as_written: data[1] & 2 != 0,
        target: (data[1] & 4 != 0).then_some(handbill::layout::print::PrintTarget::Press),
        picture: picture(data[1] >> 4).map(|png| ("fuzz.png", png)),
        ..BuildRequest::new(&data[2..], "fuzz", layout)
    });
    // The no-lost-word check as the oracle: text composition did not place
    // is handbill's fault whatever the input, so the fuzzer must see it.
    if let Err(e @ handbill::Error::Lost { .. }) = &result {
        panic!("text lost: {e}");
    }
    Some(result)
}

/// The statement's own picture for `pipeline`, by bits 4 and 5 of its
/// second byte: none (0), wide (1), tall (2) or square (3), so that fitting
/// searches the page around a picture across the top (which it may make
/// smaller), beside the text and on a folded sheet's cover. PNGs encoded
/// once; the pixels do not matter, the proportions do.
pub fn picture(bits: u8) -> Option<&'static [u8]> {
    static PNGS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let pngs = PNGS.get_or_init(|| {
        [(600, 240), (240, 600), (400, 400)]
            .into_iter()
            .map(|(w, h)| {
                let img = image::RgbImage::from_fn(w, h, |x, y| {
                    image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
                });
                let mut out = std::io::Cursor::new(Vec::new());
                img.write_to(&mut out, image::ImageFormat::Png)
                    .expect("a PNG is encoded");
                out.into_inner()
            })
            .collect()
    });
    match bits & 3 {
        0 => None,
        k => Some(&pngs[usize::from(k - 1)]),
    }
}
