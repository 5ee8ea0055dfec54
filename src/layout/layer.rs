//! Layers: one file's settings with where each was written, the merging
//! of a file over what it `extends`, and the `extends` chain itself.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::raw::{self, key_name, RawFile, RawImage, SizeOrFit, Sp};
use super::values;
use super::{
    builtin, layout_err, looks_like_path, unknown_builtin, Align, Color, Extent, Fit, FontRef,
    ImageArea, ImagePlace, ImageSpec, Overflow, Paper, Weight, DEFAULT, MAX_DEPTH,
};
use crate::compose::fold::Fold;
use crate::compose::impose::NUp;
use crate::error::{Error, Location, Result};
use crate::output::target::{self, Condition, Marks, PrintTarget, Standard};
use crate::units::Length;

/// Most fonts a fallback chain may list: the bundled chain has eight.
const MAX_FALLBACK: usize = 16;

/// A value and where it was written.
#[derive(Clone, Debug)]
pub(super) struct Val<T> {
    pub(super) v: T,
    pub(super) at: Location,
}

macro_rules! layer {
    ($($field:ident: $ty:ty,)*) => {
        /// The settings of one file, all optional, each with its location.
        #[derive(Clone, Debug, Default)]
        pub(super) struct Layer {
            $(pub(super) $field: Option<Val<$ty>>,)*
        }

        impl Layer {
            /// Every field of `self` that is set, the rest from `parent`.
            fn merge(self, parent: Layer) -> Layer {
                Layer { $($field: self.$field.or(parent.$field),)* }
            }
        }
    };
}

layer! {
    paper: Paper,
    width: Length,
    height: Length,
    landscape: bool,
    margin_top: Length,
    margin_bottom: Length,
    margin_left: Length,
    margin_right: Length,
    columns: i64,
    column_gap: Length,
    column_rule: Length,
    fold: Option<Fold>,
    body_font: FontRef,
    body_size: Length,
    body_leading: Length,
    body_align: Align,
    body_paragraph_spacing: Length,
    body_indent: Length,
    body_widows: i64,
    body_orphans: i64,
    body_color: Color,
    body_fit: bool,
    body_min_size: Length,
    body_max_size: Length,
    body_overflow: Overflow,
    body_fallback: Vec<FontRef>,
    headline_font: FontRef,
    headline_size: SizeOrFit,
    headline_max_lines: i64,
    headline_min_size: Length,
    headline_max_size: Length,
    headline_leading: Length,
    headline_align: Align,
    headline_weight: Weight,
    headline_color: Color,
    headline_space_after: Length,
    meta_font: FontRef,
    meta_size: Length,
    meta_color: Color,
    meta_space_after: Length,
    heading_font: FontRef,
    heading_size: Length,
    heading_weight: Weight,
    heading_space_before: Length,
    heading_space_after: Length,
    hyphenation_enabled: bool,
    hyphenation_lang: String,
    hyphenation_min_left: i64,
    hyphenation_min_right: i64,
    hyphenation_caps: bool,
    pretolerance: f64,
    tolerance: f64,
    line_penalty: f64,
    hyphen_penalty: f64,
    adj_demerits: f64,
    double_hyphen_demerits: f64,
    final_hyphen_demerits: f64,
    emergency_stretch: Length,
    hyphen_limit: i64,
    print_target: PrintTarget,
    print_bleed: Length,
    print_marks: Marks,
    print_mark_offset: Length,
    print_standard: Option<Standard>,
    print_condition: &'static Condition,
    print_icc_profile: PathBuf,
    print_ink_limit: f64,
    print_safe_margin: Length,
    print_min_dpi: f64,
    print_impose: Option<NUp>,
    band_color: Color,
    band_text_color: Color,
    band_font: FontRef,
    band_size: Length,
    band_leading: Length,
    band_weight: Weight,
    band_align: Align,
    band_padding: Length,
    band_where: String,
    band_when: String,
    images: Vec<ImageSpec>,
}

impl Layer {
    /// `self` over `parent`. A named paper in `self` drops the parent's
    /// custom width and height, which belonged to its "custom" paper.
    fn over(self, mut parent: Layer) -> Layer {
        if let Some(p) = &self.paper {
            if p.v != Paper::Custom {
                parent.width = None;
                parent.height = None;
            }
        }
        self.merge(parent)
    }
}

/// One file and the context its values are read in.
struct Ctx<'a> {
    origin: &'a str,
    source: &'a str,
    base_dir: &'a Path,
    lines: raw::LineStarts,
}

impl Ctx<'_> {
    fn at(&self, span: &Range<usize>) -> Location {
        self.lines.location(self.origin, self.source, span.start)
    }

    fn plain<T>(&self, s: Option<Sp<T>>) -> Option<Val<T>> {
        s.map(|s| Val {
            at: self.at(&s.span()),
            v: s.into_inner(),
        })
    }

    fn conv<T, U>(
        &self,
        s: Option<Sp<T>>,
        section: &str,
        key: &str,
        f: impl FnOnce(&T) -> std::result::Result<U, String>,
    ) -> Result<Option<Val<U>>> {
        let Some(s) = s else { return Ok(None) };
        let at = self.at(&s.span());
        match f(s.get_ref()) {
            Ok(v) => Ok(Some(Val { v, at })),
            Err(m) => Err(layout_err(at, format!("{} {m}", key_name(section, key)))),
        }
    }

    fn font(&self, s: Option<Sp<String>>, section: &str) -> Result<Option<Val<FontRef>>> {
        self.conv(s, section, "font", |v| values::font(v, self.base_dir))
    }

    /// The fallback chain: each entry a font family or file; a family must
    /// be a bundled one (the chain has no other way to find it).
    fn fallback(&self, s: Option<Sp<Vec<Sp<String>>>>) -> Result<Option<Val<Vec<FontRef>>>> {
        let Some(s) = s else { return Ok(None) };
        let at = self.at(&s.span());
        let items = s.into_inner();
        if items.len() > MAX_FALLBACK {
            return Err(layout_err(
                at,
                format!(
                    "{} lists {} fonts; {MAX_FALLBACK} at most",
                    key_name("body", "fallback"),
                    items.len()
                ),
            ));
        }
        let mut fonts = Vec::with_capacity(items.len());
        for item in items {
            let item_at = self.at(&item.span());
            let font = values::font(item.get_ref(), self.base_dir)
                .and_then(|f| values::bundled_or_file(f, item.get_ref()))
                .map_err(|m| {
                    layout_err(item_at, format!("{} {m}", key_name("body", "fallback")))
                })?;
            fonts.push(font);
        }
        Ok(Some(Val { v: fonts, at }))
    }

    fn color(&self, s: Option<Sp<String>>, section: &str) -> Result<Option<Val<Color>>> {
        self.conv(s, section, "color", |v| values::color(v))
    }

    fn weight(&self, s: Option<Sp<String>>, section: &str) -> Result<Option<Val<Weight>>> {
        self.conv(s, section, "weight", |v| values::weight(v))
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
        Ok(ImageSpec {
            at: file.as_ref().map_or(at_table, |f| f.at.clone()),
            file: file.map(|f| f.v),
            shown,
            place,
            width,
            height,
            fit,
        })
    }
}

/// One file's raw settings as a layer, with its keyword values read.
fn to_layer(raw: RawFile, cx: &Ctx) -> Result<Layer> {
    let p = raw.page.unwrap_or_default();
    let b = raw.body.unwrap_or_default();
    let hl = raw.headline.unwrap_or_default();
    let m = raw.meta.unwrap_or_default();
    let hd = raw.heading.unwrap_or_default();
    let hy = raw.hyphenation.unwrap_or_default();
    let lb = raw.linebreak.unwrap_or_default();
    let pr = raw.print.unwrap_or_default();
    let bd = raw.band.unwrap_or_default();
    let images = match raw.image {
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
    Ok(Layer {
        paper: cx.conv(p.paper, "page", "paper", |v| values::paper(v))?,
        width: cx.plain(p.width),
        height: cx.plain(p.height),
        landscape: cx.conv(p.orientation, "page", "orientation", |v| {
            values::landscape(v)
        })?,
        margin_top: cx.plain(p.margin_top.or_else(|| p.margin.clone())),
        margin_bottom: cx.plain(p.margin_bottom.or_else(|| p.margin.clone())),
        margin_left: cx.plain(p.margin_left.or_else(|| p.margin.clone())),
        margin_right: cx.plain(p.margin_right.or(p.margin)),
        columns: cx.plain(p.columns),
        column_gap: cx.plain(p.column_gap),
        column_rule: cx.plain(p.column_rule),
        fold: cx.conv(p.fold, "page", "fold", |v| values::fold(v))?,
        body_font: cx.font(b.font, "body")?,
        body_size: cx.plain(b.size),
        body_leading: cx.plain(b.leading),
        body_align: cx.conv(b.align, "body", "align", |v| values::body_align(v))?,
        body_paragraph_spacing: cx.plain(b.paragraph_spacing),
        body_indent: cx.plain(b.indent),
        body_widows: cx.plain(b.widows),
        body_orphans: cx.plain(b.orphans),
        body_color: cx.color(b.color, "body")?,
        body_fit: cx.conv(b.fit, "body", "fit", |v| values::fit_page(v))?,
        body_min_size: cx.plain(b.min_size),
        body_max_size: cx.plain(b.max_size),
        body_overflow: cx.conv(b.overflow, "body", "overflow", |v| values::overflow(v))?,
        body_fallback: cx.fallback(b.fallback)?,
        headline_font: cx.font(hl.font, "headline")?,
        headline_size: cx.plain(hl.size),
        headline_max_lines: cx.plain(hl.max_lines),
        headline_min_size: cx.plain(hl.min_size),
        headline_max_size: cx.plain(hl.max_size),
        headline_leading: cx.plain(hl.leading),
        headline_align: cx.conv(hl.align, "headline", "align", |v| values::headline_align(v))?,
        headline_weight: cx.weight(hl.weight, "headline")?,
        headline_color: cx.color(hl.color, "headline")?,
        headline_space_after: cx.plain(hl.space_after),
        meta_font: cx.font(m.font, "meta")?,
        meta_size: cx.plain(m.size),
        meta_color: cx.color(m.color, "meta")?,
        meta_space_after: cx.plain(m.space_after),
        heading_font: cx.font(hd.font, "heading")?,
        heading_size: cx.plain(hd.size),
        heading_weight: cx.weight(hd.weight, "heading")?,
        heading_space_before: cx.plain(hd.space_before),
        heading_space_after: cx.plain(hd.space_after),
        hyphenation_enabled: cx.plain(hy.enabled),
        hyphenation_lang: cx.conv(hy.lang, "hyphenation", "lang", |v| values::lang(v))?,
        hyphenation_min_left: cx.plain(hy.min_left),
        hyphenation_min_right: cx.plain(hy.min_right),
        hyphenation_caps: cx.plain(hy.caps),
        pretolerance: cx.plain(lb.pretolerance),
        tolerance: cx.plain(lb.tolerance),
        line_penalty: cx.plain(lb.line_penalty),
        hyphen_penalty: cx.plain(lb.hyphen_penalty),
        adj_demerits: cx.plain(lb.adj_demerits),
        double_hyphen_demerits: cx.plain(lb.double_hyphen_demerits),
        final_hyphen_demerits: cx.plain(lb.final_hyphen_demerits),
        emergency_stretch: cx.plain(lb.emergency_stretch),
        hyphen_limit: cx.plain(lb.hyphen_limit),
        print_target: cx.conv(pr.target, "print", "for", |v| values::target(v))?,
        print_bleed: cx.plain(pr.bleed),
        print_marks: cx.conv(pr.marks, "print", "marks", |v| values::marks(v))?,
        print_mark_offset: cx.plain(pr.mark_offset),
        print_standard: cx.conv(pr.standard, "print", "standard", |v| {
            target::parse_standard(v)
        })?,
        print_condition: cx.conv(pr.output_condition, "print", "output-condition", |v| {
            target::condition(v)
        })?,
        print_icc_profile: cx.conv(pr.icc_profile, "print", "icc-profile", |v| {
            values::existing_file(v, cx.base_dir)
        })?,
        print_ink_limit: cx.plain(pr.ink_limit),
        print_safe_margin: cx.plain(pr.safe_margin),
        print_min_dpi: cx.plain(pr.min_dpi),
        print_impose: cx.conv(pr.impose, "print", "impose", |v| values::impose(v))?,
        band_color: cx.color(bd.color, "band")?,
        band_text_color: cx.conv(bd.text_color, "band", "text-color", |v| values::color(v))?,
        band_font: cx.font(bd.font, "band")?,
        band_size: cx.plain(bd.size),
        band_leading: cx.plain(bd.leading),
        band_weight: cx.weight(bd.weight, "band")?,
        band_align: cx.conv(bd.align, "band", "align", |v| values::headline_align(v))?,
        band_padding: cx.plain(bd.padding),
        band_where: cx.plain(bd.place),
        band_when: cx.plain(bd.when),
        images,
    })
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

/// The layer of a file (already read as `raw`) over all it extends.
pub(super) fn resolve(
    mut raw: RawFile,
    source: &str,
    origin: &str,
    base_dir: &Path,
    chain: &mut Vec<Link>,
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
            let (parent_source, parent_origin, parent_dir, id): (String, String, PathBuf, String) =
                if looks_like_path(value)
                    || (builtin(value).is_none() && base_dir.join(value).is_file())
                {
                    let path = base_dir.join(value);
                    let shown = path.display().to_string();
                    let id = identity(&shown, &path);
                    check_chain(chain, &id, &shown, &at)?;
                    let text = match std::fs::read_to_string(&path) {
                        Ok(t) => t,
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                            return Err(layout_err(
                                at,
                                format!("`extends`: there is no layout file `{shown}`"),
                            ))
                        }
                        Err(e) => {
                            let message = match Error::io(&path, &e) {
                                Error::Io { message, .. } => message,
                                other => other.to_string(),
                            };
                            return Err(layout_err(
                                at,
                                format!("`extends`: cannot read `{shown}`: {message}"),
                            ));
                        }
                    };
                    let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
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
            let layer = resolve(
                parent_raw,
                &parent_source,
                &parent_origin,
                &parent_dir,
                chain,
            )?;
            chain.pop();
            layer
        }
    };
    Ok(own.over(parent))
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
        base_dir: Path::new(""),
        lines: raw::LineStarts::new(source),
    };
    to_layer(raw, &cx)
}
