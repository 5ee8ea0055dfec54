//! Layout specs: the TOML files that say how a statement is set.
//!
//! A layout names the paper, the margins and columns, and the type of each
//! part of the leaflet. handbill ships eight built-in layouts (`handbill
//! layouts` lists them; their files are in `layouts/`); any of them can be
//! copied and changed, or extended by a file that sets only what differs.
//!
//! # The format
//!
//! ```toml
//! name = "my-leaflet"          # optional; defaults to the file name
//! description = "A4, two justified columns"   # optional; one line for `handbill layouts`
//! extends = "a4-leaflet"       # optional: a built-in layout name, or a path to a .toml
//!                              # file relative to this file
//!
//! [page]
//! paper = "a4"             # a0 … a7, b4, b5, letter, legal, tabloid, or "custom"
//! # width = "210mm"        # only with paper = "custom", and then both are required
//! # height = "297mm"
//! orientation = "portrait" # or "landscape", which swaps width and height
//! margin = "15mm"          # all four sides; the four below override it
//! margin-top = "17mm"
//! margin-bottom = "14mm"
//! margin-left = "15mm"
//! margin-right = "15mm"
//! columns = 2              # 1 to 12
//! column-gap = "6mm"
//! column-rule = "0"       # width of a vertical rule between columns, e.g. "0.4pt"; "0" = none
//!
//! [body]                   # the running text
//! font = "serif"           # a font family or a font file, see below
//! size = "10pt"
//! leading = "13pt"         # baseline to baseline
//! align = "justify"        # or "ragged" (also written "left")
//! paragraph-spacing = "6.5pt"  # extra space between paragraphs
//! indent = "0"             # first-line indent of a paragraph that follows another
//! widows = 2               # at least this many lines of a paragraph at the top of a column (1 to 5)
//! orphans = 2              # at least this many lines at the bottom of a column (1 to 5)
//! baseline-grid = true     # body lines of all columns on one grid, spaces in half lines
//! color = "#000000"
//! fit = "page"             # choose the body size (between min-size and max-size) that fills
//!                          # the page; "none" sets it at `size`
//! min-size = "9pt"
//! max-size = "24pt"
//! overflow = "more-pages"  # text that does not fit at min-size: as few pages as it takes
//!                          # there, set as large as fills them; or "error" to stop and say
//!                          # by how much it overflows
//! fallback = ["serif", "sans", "armenian", "georgian", "arabic", "hebrew", "devanagari",
//!             "bengali", "tamil", "telugu", "kannada", "malayalam", "gujarati",
//!             "gurmukhi", "oriya", "sinhala", "thai", "lao", "khmer", "myanmar", "ethiopic",
//!             "math", "symbols", "symbols2", "emoji", "system"]
//!                          # fonts tried, in order, for a character the text's own font
//!                          # lacks (in every part of the leaflet); families or font files
//!
//! [headline]               # the statement's title
//! font = "sans"
//! size = "26pt"            # or "fit": the largest size from min-size to max-size at which
//!                          # the headline takes at most max-lines lines, never hyphenated
//! leading = "29pt"         # with size = "fit": the leading at max-size, scaled with the size
//! align = "left"           # left, center or right
//! weight = "bold"          # regular (also "normal") or bold
//! color = "#000000"
//! space-after = "8pt"
//! max-lines = 3            # these three only with size = "fit"; max-lines is 1 to 10
//! min-size = "20pt"
//! max-size = "30pt"
//!
//! [meta]                   # the small date / organisation line under the headline
//! font = "sans"
//! size = "8.5pt"
//! color = "gray(0.35)"
//! space-after = "10pt"
//!
//! [heading]                # section headings inside the text (Markdown ##, ###)
//! font = "sans"
//! size = "11.5pt"
//! weight = "bold"
//! space-before = "9pt"
//! space-after = "3pt"
//!
//! [hyphenation]
//! enabled = true
//! lang = "en"              # a BCP 47 tag: en, en-GB, en-US, de, fr, sr-Cyrl, sr-Latn, …
//!                          # (any of the 80 the hyphenation patterns cover); the
//!                          # statement's front matter and --lang override it. Set in a
//!                          # built-in layout it is only a default: the statement's
//!                          # language is detected from its text
//! min-left = 2             # shortest fragment before the hyphen (1 to 10)
//! min-right = 2            # shortest fragment after it (1 to 10); each language's own
//!                          # minimum applies as well (English: 2 before, 3 after)
//! caps = false             # also hyphenate words in ALL CAPS
//!
//! [linebreak]              # Knuth–Plass line breaking; these are TeX's defaults
//! pretolerance = 100       # badness allowed in the first pass, without hyphenation; -1 skips it
//! tolerance = 200          # badness allowed in the second pass, with hyphenation
//! line-penalty = 10
//! hyphen-penalty = 50
//! adj-demerits = 10000     # for neighbouring lines of very different tightness
//! double-hyphen-demerits = 10000   # for two hyphenated lines in a row
//! final-hyphen-demerits = 50000    # for a hyphen on the second-last line (TeX: 5000)
//! emergency-stretch = "0"         # TeX's: a pass within tolerance counting this much more stretch; 0 skips it
//! font-expansion = "2%"    # how much wider or narrower a justified line's glyphs may be drawn (0% to 5%)
//! hyphen-limit = 2         # most hyphenated lines in a row (0 = no limit); not in TeX
//!
//! [print]                  # the printer the PDF is for; `--for` overrides `for`
//! for = "office"           # office | copyshop | press; the keys below default by target
//! # bleed = "3mm"          # press: 3mm (0.125in on US paper); others: 0
//! # marks = ["crop"]       # also "registration"; none by default
//! # mark-offset = "3mm"    # trim edge to crop marks, never less than the bleed
//! # standard = "pdf/x-4"   # press: pdf/x-4 (pdf/x-1a on US paper); others: none
//! # output-condition = "FOGRA39"  # FOGRA39, FOGRA51, FOGRA52, FOGRA29, SWOP, GRACoL
//! # icc-profile = "x.icc"  # a CMYK profile for the output intent (FOGRA39's is bundled)
//! # ink-limit = 300        # most ink in a fill, percent
//! # safe-margin = "5mm"    # no ink nearer the paper edge (press: 3mm inside the trim)
//! # min-dpi = 150          # pictures below this are reported (office 150, others 300)
//! # impose = "2up"         # copies per sheet: 2up, 4up, 8up, none (not for press;
//!                          # copyshop: as many as fit A4, or US letter for US paper)
//!
//! [band]                   # the call-to-action band: a colour field across the foot of the
//!                          # first page, to the paper's edges, holding where and when; drawn
//!                          # only when there is such text (front matter `where`/`when`, or below)
//! color = "gray(0.12)"
//! text-color = "#ffffff"
//! font = "sans"
//! size = "14pt"
//! leading = "17pt"
//! weight = "bold"
//! align = "left"           # left, center or right
//! padding = "5mm"          # above the text; below it the band reaches down to the paper's edge
//! # where = "Town Hall Square"   # used when the statement has no `where`
//! # when = "Saturday, 2 pm"      # … no `when`
//!
//! [pair]                   # a statement with its translation (`--with`, or front matter
//!                          # `translation`), both at one body size
//! arrangement = "sides"    # "sides": the first on page 1, the second on page 2 (front and
//!                          # back of the sheet); "columns": side by side on one page, each
//!                          # half with its own headline (the posters' choice). A folded
//!                          # layout takes no pair
//!
//! # Pictures: any number of [[image]] tables, none by default.
//! # [[image]]
//! # file = "logo.png"      # PNG, JPEG or WebP, relative to this file; without `file` this is
//! #                        # the place for the statement's own picture (front matter `image`)
//! # position = "top-right" # top, column, bottom, top-right or bottom-right;
//! # x = "20mm"             # … or x and y: the top-left corner, from the page's top-left
//! # y = "20mm"
//! # width = "30mm"         # a length, or a percentage of the area's width ("100%", the default)
//! # height = "20mm"        # optional: the box height (a length or a percentage of the area's)
//! # fit = "contain"        # contain: all of the picture in the box; cover: fill the box, cropping
//! ```
//!
//! **Every key and section is optional.** A file without `extends` starts
//! from the built-in `a4-leaflet` (the values shown above); a file with
//! `extends` starts from that layout. Either way a key set in the file
//! replaces the inherited one and nothing else changes. Setting `margin`
//! replaces all four inherited margins; setting `paper` to a named size
//! drops an inherited custom `width`/`height`. `name` and `description` are
//! not inherited.
//!
//! **Lengths** are strings with a unit: `"15mm"`, `"1.2cm"`, `"10.5pt"`
//! (PostScript points, 1/72 in), `"0.5in"`. Only zero may be written
//! without one (`"0"` or `0`).
//!
//! **Colours** are `"#rrggbb"` (or `"#rgb"`), `"gray(0.35)"` (0 is black,
//! 1 white; `grey` works too), or `"cmyk(0,100,100,0)"` (percentages, for
//! print shops that want process colour).
//!
//! **Fonts** are either a family: `"serif"` (Noto Serif), `"sans"` (Noto
//! Sans) and `"display"` (Roboto Black) are bundled, and may also be written
//! by those names; or a font file: a value that contains `/` or ends in
//! `.ttf` or `.otf` is a path, relative to the layout file, and the file
//! must exist.
//!
//! Keywords (`paper`, `orientation`, `align`, `weight`) may be written in
//! any case.
//!
//! **Limits** checked when a layout is loaded: the page is 50mm to 2000mm
//! each way; margins are not negative and leave at least 20mm of the page
//! each way; each column is at least 15mm wide; body text is 4pt to 72pt,
//! the headline 4pt to 600pt, meta and headings 4pt to 200pt; leading is
//! 0.8 to 4 times the size; `tolerance` is not negative and `pretolerance`
//! is not negative or is -1.
//!
//! Mistakes are reported as one line naming the file, line and column,
//! with a suggestion where one is close:
//!
//! ```text
//! my.toml:7:1: unknown key `colums` in [page]; did you mean `columns`?
//! ```

mod check;
pub mod design;
mod keys;
mod layer;
mod limits;
pub mod print;
mod raw;
mod template;
#[cfg(test)]
mod tests;
mod values;

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};

use crate::layout::design::{
    BandSpec, BodySpec, Design, Extent, Fit, FitSpec, HeadingSpec, HeadlineFit, HeadlineSpec,
    HyphenationSpec, ImageArea, ImagePlace, ImageSpec, LineBreakSpec, MetaSpec, Overflow, PageSpec,
};
use crate::style::{Align, Color, Fallback, FontRef, Paper, SpotName, Weight};
use layer::Link;
use print::PrintSpec;
pub use template::template;

/// How deep `extends` may chain (a file, its parent, its grandparent…).
const MAX_DEPTH: usize = 16;

/// The built-in layouts, in the order `handbill layouts` lists them. The
/// first is the default and the base of every other layout.
const BUILTINS: &[(&str, &str)] = &[
    ("a4-leaflet", include_str!("../../layouts/a4-leaflet.toml")),
    ("a5-flyer", include_str!("../../layouts/a5-flyer.toml")),
    (
        "letter-leaflet",
        include_str!("../../layouts/letter-leaflet.toml"),
    ),
    ("a3-poster", include_str!("../../layouts/a3-poster.toml")),
    ("a2-poster", include_str!("../../layouts/a2-poster.toml")),
    (
        "tabloid-poster",
        include_str!("../../layouts/tabloid-poster.toml"),
    ),
    ("a6-handout", include_str!("../../layouts/a6-handout.toml")),
    ("a4-trifold", include_str!("../../layouts/a4-trifold.toml")),
];

/// The layout every other layout starts from.
const DEFAULT: &str = "a4-leaflet";

/// A complete, checked layout: how the leaflet looks, and what printer it
/// is for. Its parts are the settings of the stages that use them.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// The `name` key, or else the file's stem or the built-in's name.
    pub name: String,
    /// The `description` key, or else empty.
    pub description: String,
    /// Page, type, band and pictures: what the compose stage sets.
    pub design: Design,
    /// The print target and its settings (`[print]`).
    pub print: PrintSpec,
    /// The layout file and every file it extends, as read (none for a
    /// built-in layout).
    pub sources: Vec<PathBuf>,
}

impl Layout {
    /// Every file this layout reads, each with what it is ("the layout",
    /// "the font", "the picture", "the ICC profile"): itself and what it
    /// extends, its font files, its pictures and its ICC profile. A build
    /// must never write over one of them.
    pub fn files(&self) -> Vec<(PathBuf, &'static str)> {
        let d = &self.design;
        let fonts = [
            &d.body.font,
            &d.headline.font,
            &d.meta.font,
            &d.heading.font,
            &d.band.font,
        ]
        .into_iter()
        .chain(&d.body.fallback.fonts)
        .filter_map(|f| match f {
            FontRef::File(p) => Some((p.clone(), "the font")),
            FontRef::Family(_) => None,
        });
        let pictures = d
            .images
            .iter()
            .filter_map(|i| Some((i.file.clone()?, "the picture")));
        let profile = self
            .print
            .icc_profile
            .clone()
            .map(|p| (p, "the ICC profile"));
        self.sources
            .iter()
            .map(|p| (p.clone(), "the layout"))
            .chain(fonts)
            .chain(pictures)
            .chain(profile)
            .collect()
    }
}

/// The names of the built-in layouts; the first is the default.
pub fn builtin_names() -> Vec<&'static str> {
    BUILTINS.iter().map(|(name, _)| *name).collect()
}

/// The TOML source of a built-in layout.
pub fn builtin(name: &str) -> Option<&'static str> {
    BUILTINS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
}

/// Loads a layout by built-in name or file path.
///
/// `name_or_path` is a path if it contains `/`, ends in `.toml` or names an
/// existing file; otherwise it is a built-in name.
pub fn load(name_or_path: &str) -> Result<Layout> {
    if looks_like_path(name_or_path) || Path::new(name_or_path).is_file() {
        let path = Path::new(name_or_path);
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        let base_dir = path.parent().unwrap_or(Path::new(""));
        parse(&source, name_or_path, base_dir)
    } else {
        match builtin(name_or_path) {
            Some(source) => parse(source, &format!("builtin:{name_or_path}"), Path::new("")),
            // Not a file: the name given with --layout (or its default).
            None => Err(layout_err(
                Location::file("--layout"),
                unknown_builtin(name_or_path),
            )),
        }
    }
}

/// Parses a layout from TOML text.
///
/// `origin` names it in errors (a path, or `builtin:NAME`); `base_dir`
/// resolves relative paths in it (`extends`, font files).
pub fn parse(source: &str, origin: &str, base_dir: &Path) -> Result<Layout> {
    let id = layer::identity(origin, Path::new(origin));
    parse_in(source, origin, id, Some(base_dir))
}

/// Parses a layout that may not name files: one that came from someone
/// who must not be able to read this machine's files (a browser talking
/// to `handbill serve`). A font file, a picture, an ICC profile or an
/// `extends` that is not a built-in layout is refused with the line and
/// column where it is written, before any file is looked up, so the answer
/// cannot tell whether such a file exists either.
pub fn parse_sealed(source: &str, origin: &str) -> Result<Layout> {
    parse_in(source, origin, format!("sealed:{origin}"), None)
}

/// Parses a layout: its file names resolved against `base_dir`, or
/// refused without one.
fn parse_in(source: &str, origin: &str, id: String, base_dir: Option<&Path>) -> Result<Layout> {
    let mut chain = vec![Link {
        id,
        shown: origin.to_string(),
    }];
    let raw = raw::read(source, origin)?;
    let name = match &raw.name {
        Some(n) => n.get_ref().clone(),
        None => default_name(origin),
    };
    let description = raw
        .description
        .as_ref()
        .map(|d| d.get_ref().clone())
        .unwrap_or_default();
    let mut files = Vec::new();
    if !origin.starts_with("builtin:") && base_dir.is_some() {
        files.push(PathBuf::from(origin));
    }
    let layer = layer::resolve(raw, source, origin, base_dir, &mut chain, &mut files)?;
    let mut layout = check::finish(layer, origin, name, description)?;
    layout.sources = files;
    Ok(layout)
}

fn looks_like_path(s: &str) -> bool {
    s.contains('/') || s.contains(std::path::MAIN_SEPARATOR) || s.ends_with(".toml")
}

fn default_name(origin: &str) -> String {
    if let Some(name) = origin.strip_prefix("builtin:") {
        return name.to_string();
    }
    Path::new(origin)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| origin.to_string())
}

fn unknown_builtin(name: &str) -> String {
    let names = builtin_names();
    match crate::names::suggest(name, &names) {
        Some(s) => format!(
            "no built-in layout `{name}`; did you mean `{s}`? (handbill layouts lists them)"
        ),
        None => format!(
            "no built-in layout `{name}`; the built-in layouts are {} (or give a path to a .toml file)",
            names.join(", ")
        ),
    }
}

fn layout_err(at: Location, message: impl Into<String>) -> Error {
    Error::Layout {
        at,
        message: message.into(),
    }
}
