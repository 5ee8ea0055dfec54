//! The README's gallery (`docs/gallery/`, drawn by `scripts/gallery.sh`)
//! has exactly one picture per built-in layout, each of that layout's
//! page shape: a new layout without a picture, a picture left behind by a
//! removed layout, or a paper change not redrawn fails here.

use std::collections::BTreeSet;
use std::path::Path;

/// Width and height of a PNG, from its header (the IHDR chunk comes first).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.len() > 24 && &bytes[..8] == b"\x89PNG\r\n\x1a\n" && &bytes[12..16] == b"IHDR",
        "not a PNG"
    );
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

#[test]
fn the_gallery_has_one_picture_per_built_in_layout() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/gallery");
    let pictures: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}; run scripts/gallery.sh", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let layouts: BTreeSet<String> = handbill::layout::builtin_names()
        .iter()
        .map(|n| format!("{n}.png"))
        .collect();
    assert_eq!(
        pictures, layouts,
        "docs/gallery/ should hold one PNG per built-in layout and nothing else: \
         run scripts/gallery.sh and commit what it draws"
    );
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for name in handbill::layout::builtin_names() {
        let file = dir.join(format!("{name}.png"));
        let bytes = std::fs::read(&file).unwrap();
        // Small enough to keep in the repository.
        assert!(
            bytes.len() < 150_000,
            "{}: {} bytes",
            file.display(),
            bytes.len()
        );
        let (w, h) = png_size(&bytes);
        let page = handbill::layout::load(name).unwrap().design.page;
        let (pw, ph) = (page.width.to_mm(), page.height.to_mm());
        let (shown, drawn) = (f64::from(w) / f64::from(h), pw / ph);
        assert!(
            (shown / drawn - 1.0).abs() < 0.02,
            "{}: {w}×{h} pixels, but {name} is {pw:.0}×{ph:.0} mm: run scripts/gallery.sh",
            file.display()
        );
        assert!(
            readme.contains(&format!("docs/gallery/{name}.png")),
            "the README does not show docs/gallery/{name}.png"
        );
    }
}
