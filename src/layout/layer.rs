//! Layers: one file's settings with where each was written, the merging
//! of a file over what it `extends`, and the `extends` chain itself.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::keys::{Layer, RawFile, RawImage};
use super::raw::{self, key_name, Sp};
use super::values;
use super::{
    builtin, layout_err, looks_like_path, unknown_builtin, Extent, Fallback, Fit, ImageArea,
    ImagePlace, ImageSpec, Paper, DEFAULT, MAX_DEPTH,
};
use crate::error::{Error, Location, Result};

/// Most fonts a fallback chain may list: the bundled chain has eighteen
/// (and "system" may follow), with room for a layout's own files.
const MAX_FALLBACK: usize = 32;

/// The fallback chain's entry for the system's fonts.
const SYSTEM: &str = "system";

/// A value and where it was written.
#[derive(Clone, Debug)]
pub(super) struct Val<T> {
    pub(super) v: T,
    pub(super) at: Location,
}

/// Why a key's value could not be read: a message about the value as a
/// whole, or about one part of it (an entry of a list) at its own place.
pub(super) enum Miss {
    /// The value is wrong; the message follows the key's name.
    Value(String),
    /// A part of it is wrong, at `at`.
    At(Location, String),
}

impl From<String> for Miss {
    fn from(m: String) -> Miss {
        Miss::Value(m)
    }
}

impl Layer {
    /// `self` over `parent`. A named paper in `self` drops the parent's
    /// custom width and height, which belonged to its "custom" paper.
    fn over(self, mut parent: Layer) -> Layer {
        if let Some(p) = &self.page.paper {
            if p.v != Paper::Custom {
                parent.page.width = None;
                parent.page.height = None;
            }
        }
        self.merge(parent)
    }
}

/// One file and the context its values are read in.
pub(super) struct Ctx<'a> {
    origin: &'a str,
    source: &'a str,
    /// Where relative paths (fonts, pictures, profiles) start; `None` for
    /// a sealed layout, whose file names are refused unread.
    pub(super) base_dir: Option<&'a Path>,
    lines: raw::LineStarts,
}

impl Ctx<'_> {
    fn at(&self, span: &Range<usize>) -> Location {
        self.lines.location(self.origin, self.source, span.start)
    }

    pub(super) fn plain<T>(&self, s: Option<Sp<T>>) -> Option<Val<T>> {
        s.map(|s| Val {
            at: self.at(&s.span()),
            v: s.into_inner(),
        })
    }

    /// The value `s` of `key` in `section`, read by `f`; an error names
    /// the key and points at the value (or at the part `f` names).
    pub(super) fn conv<T, U, E: Into<Miss>>(
        &self,
        s: Option<Sp<T>>,
        section: &str,
        key: &str,
        f: impl FnOnce(&T) -> std::result::Result<U, E>,
    ) -> Result<Option<Val<U>>> {
        let Some(s) = s else { return Ok(None) };
        let at = self.at(&s.span());
        match f(s.get_ref()).map_err(Into::into) {
            Ok(v) => Ok(Some(Val { v, at })),
            Err(Miss::Value(m)) => Err(layout_err(at, format!("{} {m}", key_name(section, key)))),
            Err(Miss::At(at, m)) => Err(layout_err(at, format!("{} {m}", key_name(section, key)))),
        }
    }

    /// The fallback chain: each entry a font family or file; a family must
    /// be a bundled one (the chain has no other way to find it).
    /// `"system"`, last, adds the system's fonts.
    pub(super) fn fallback(&self, items: &[Sp<String>]) -> std::result::Result<Fallback, Miss> {
        if items.len() > MAX_FALLBACK {
            return Err(Miss::Value(format!(
                "lists {} fonts; {MAX_FALLBACK} at most",
                items.len()
            )));
        }
        let is_system = |item: &Sp<String>| item.get_ref().trim().eq_ignore_ascii_case(SYSTEM);
        let system = items.last().is_some_and(is_system);
        let named = &items[..items.len() - usize::from(system)];
        if let Some(misplaced) = named.iter().find(|item| is_system(item)) {
            return Err(Miss::At(
                self.at(&misplaced.span()),
                format!(
                    "lists \"{SYSTEM}\" before other fonts; it must be the last entry \
                     (the system's fonts are searched after every font the layout names)"
                ),
            ));
        }
        let fonts = named
            .iter()
            .map(|item| {
                values::font(item.get_ref(), self.base_dir)
                    .and_then(|f| values::bundled_or_file(f, item.get_ref()))
                    .map_err(|m| Miss::At(self.at(&item.span()), m))
            })
            .collect::<std::result::Result<_, _>>()?;
        Ok(Fallback { fonts, system })
    }

    /// One `[[image]]` table, its values read and checked on their own
    /// (whether it fits the page is checked with the page, in `check`).
    fn image(&self, table: Sp<RawImage>) -> Result<ImageSpec> {
        let at_table = self.at(&table.span());
        let raw = table.into_inner();
        let s = "image";
        let file = self.conv(raw.file.clone(), s, "file", |v| {
            values::picture_file(v, self.base_dir)
        })?;
        let shown = raw
            .file
            .as_ref()
            .map(|f| f.get_ref().trim().to_string())
            .unwrap_or_default();
        let position = self.conv(raw.position, s, "position", |v| values::image_area(v))?;
        let x = self.plain(raw.x);
        let y = self.plain(raw.y);
        let place = match (position, x, y) {
            (Some(p), None, None) => ImagePlace::Area(p.v),
            (None, None, None) => ImagePlace::Area(ImageArea::Top),
            (None, Some(x), Some(y)) => {
                for (v, key) in [(&x, "x"), (&y, "y")] {
                    if v.v.to_pt() < 0.0 {
                        return Err(layout_err(
                            v.at.clone(),
                            format!(
                                "{} must be zero or more (from the page's top-left corner), not {}",
                                key_name(s, key),
                                v.v
                            ),
                        ));
                    }
                }
                ImagePlace::At { x: x.v, y: y.v }
            }
            (Some(_), Some(v), _) | (Some(_), _, Some(v)) => {
                return Err(layout_err(
                    v.at,
                    "an [[image]] is placed either by `position` or by `x` and `y`, not both: \
                     remove one",
                ))
            }
            (None, Some(v), None) | (None, None, Some(v)) => {
                return Err(layout_err(
                    v.at,
                    "an [[image]] placed by coordinates needs both `x` and `y`",
                ))
            }
        };
        let width = self
            .conv(raw.width, s, "width", |v| values::extent(v))?
            .map_or(Extent::Percent(100.0), |v| v.v);
        let height = self
            .conv(raw.height, s, "height", |v| values::extent(v))?
            .map(|v| v.v);
        let fit = self
            .conv(raw.fit, s, "fit", |v| values::image_fit(v))?
            .map_or(Fit::Contain, |v| v.v);
        if fit == Fit::Cover && height.is_none() {
            return Err(layout_err(
                at_table,
                "an [[image]] with fit = \"cover\" needs a `height`: cover fills a box of \
                 `width` × `height`, cropping the picture",
            ));
        }
        // What the picture shows, for the tagged PDF; blank is none.
        let alt = raw
            .alt
            .map(|a| a.get_ref().trim().to_string())
            .filter(|a| !a.is_empty());
        Ok(ImageSpec {
            at: file.as_ref().map_or(at_table, |f| f.at.clone()),
            file: file.map(|f| f.v),
            shown,
            place,
            width,
            height,
            fit,
            alt,
        })
    }
}

/// One file's raw settings as a layer, with its keyword values read: its
/// `[[image]]` tables first, then the sections in order, so that the
/// first mistake in that order is the one reported.
fn to_layer(mut raw: RawFile, cx: &Ctx) -> Result<Layer> {
    let images = match raw.image.take() {
        None => None,
        Some(list) => {
            let at = cx.at(&list.span());
            let specs = list
                .into_inner()
                .into_iter()
                .map(|table| cx.image(table))
                .collect::<Result<Vec<_>>>()?;
            Some(Val { v: specs, at })
        }
    };
    let mut layer = Layer::read(raw, images, cx)?;
    // `margin` sets the four margins a file does not set one by one.
    let page = &mut layer.page;
    for side in [
        &mut page.margin_top,
        &mut page.margin_bottom,
        &mut page.margin_left,
        &mut page.margin_right,
    ] {
        if side.is_none() {
            side.clone_from(&page.margin);
        }
    }
    Ok(layer)
}

// `extends`

/// A file in the `extends` chain.
pub(super) struct Link {
    /// What makes two files the same: `builtin:NAME` or the canonical path.
    pub(super) id: String,
    /// How it is shown in a cycle message.
    pub(super) shown: String,
}

pub(super) fn identity(origin: &str, path: &Path) -> String {
    if origin.starts_with("builtin:") {
        return origin.to_string();
    }
    match std::fs::canonicalize(path) {
        Ok(p) => p.to_string_lossy().into_owned(),
        Err(_) => path.to_string_lossy().into_owned(),
    }
}

/// The layer of a file (already read as `raw`) over all it extends; the
/// files it extends are added to `files`. Without `base_dir` the layout is
/// sealed: it may extend only built-in layouts, and nothing is looked up
/// on disk (not even whether a name is a file).
pub(super) fn resolve(
    mut raw: RawFile,
    source: &str,
    origin: &str,
    base_dir: Option<&Path>,
    chain: &mut Vec<Link>,
    files: &mut Vec<PathBuf>,
) -> Result<Layer> {
    let cx = Ctx {
        origin,
        source,
        base_dir,
        lines: raw::LineStarts::new(source),
    };
    let extends = raw.extends.take();
    let own = to_layer(raw, &cx)?;
    let parent = match extends {
        // The default layout over itself is itself: not read twice.
        None if origin == format!("builtin:{DEFAULT}") && builtin(DEFAULT) == Some(source) => {
            Layer::default()
        }
        None => defaults()?,
        Some(ext) => {
            let at = cx.at(&ext.span());
            let value = ext.get_ref().trim();
            let file_dir = match base_dir {
                Some(dir)
                    if looks_like_path(value)
                        || (builtin(value).is_none() && dir.join(value).is_file()) =>
                {
                    Some(dir)
                }
                None if builtin(value).is_none() => {
                    return Err(layout_err(
                        at,
                        format!(
                            "`extends` names `{value}`, which is not a built-in layout; a layout \
                             sent from elsewhere may extend only those ({})",
                            super::builtin_names().join(", ")
                        ),
                    ))
                }
                _ => None,
            };
            let (parent_source, parent_origin, parent_dir, id): (String, String, PathBuf, String) =
                if let Some(dir) = file_dir {
                    let path = dir.join(value);
                    let shown = path.display().to_string();
                    let id = identity(&shown, &path);
                    check_chain(chain, &id, &shown, &at)?;
                    let text = read_extended(&path, &shown, &at)?;
                    let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
                    files.push(path);
                    (text, shown, dir, id)
                } else if let Some(text) = builtin(value) {
                    let origin = format!("builtin:{value}");
                    check_chain(chain, &origin, &origin, &at)?;
                    (text.to_string(), origin.clone(), PathBuf::new(), origin)
                } else {
                    return Err(layout_err(
                        at,
                        format!("`extends`: {}", unknown_builtin(value)),
                    ));
                };
            chain.push(Link {
                id,
                shown: parent_origin.clone(),
            });
            let parent_raw = raw::read(&parent_source, &parent_origin)?;
            // A built-in's parent is found by name, never on disk; a
            // sealed layout's stays sealed.
            let layer = resolve(
                parent_raw,
                &parent_source,
                &parent_origin,
                base_dir.map(|_| parent_dir.as_path()),
                chain,
                files,
            )?;
            chain.pop();
            layer
        }
    };
    Ok(own.over(parent))
}

/// The text of a layout file that another `extends` (named `shown`, at
/// `at`), or an error there saying why it cannot be read.
fn read_extended(path: &Path, shown: &str, at: &Location) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            return layout_err(
                at.clone(),
                format!("`extends`: there is no layout file `{shown}`"),
            );
        }
        let message = match Error::io(path, &e) {
            Error::Io { message, .. } => message,
            other => other.to_string(),
        };
        layout_err(
            at.clone(),
            format!("`extends`: cannot read `{shown}`: {message}"),
        )
    })
}

/// Refuses a file that is already in the chain, or a chain too deep.
fn check_chain(chain: &[Link], id: &str, shown: &str, at: &Location) -> Result<()> {
    if chain.iter().any(|l| l.id == id) {
        let mut names: Vec<&str> = chain.iter().map(|l| l.shown.as_str()).collect();
        names.push(shown);
        return Err(layout_err(
            at.clone(),
            format!("extends cycle: {}", names.join(" → ")),
        ));
    }
    if chain.len() >= MAX_DEPTH {
        return Err(layout_err(
            at.clone(),
            format!("`extends` goes more than {MAX_DEPTH} layouts deep; is that meant?"),
        ));
    }
    Ok(())
}

/// The base layer: the built-in default layout on its own.
fn defaults() -> Result<Layer> {
    let origin = format!("builtin:{DEFAULT}");
    let source = builtin(DEFAULT).unwrap_or_default();
    let raw = raw::read(source, &origin)?;
    let cx = Ctx {
        origin: &origin,
        source,
        base_dir: None,
        lines: raw::LineStarts::new(source),
    };
    to_layer(raw, &cx)
}
