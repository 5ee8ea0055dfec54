//! Checking a merged layer against the limits, and building the layout.

use super::keys::Layer;
use super::layer::Val;
use super::limits::{
    finite, int_range, leading_range, legible, mm, need, not_negative, pick, size_bounds,
    size_range, size_range_key, EPS_PT,
};
use super::print::PrintSpec;
use super::raw::key_name;
use super::raw::SizeOrFit;
use super::values::Orientation;
use super::{
    layout_err, BandSpec, BodySpec, Color, Design, Extent, FitSpec, HeadingSpec, HeadlineFit,
    HeadlineSpec, HyphenationSpec, ImagePlace, ImageSpec, Layout, LineBreakSpec, MetaSpec,
    PageSpec, Paper,
};
use crate::error::{Location, Result};
use crate::layout::design::Panels;
use crate::units::Length;

/// Takes a setting out of the merged layer; every setting has a value
/// there, as the default layout sets them all.
macro_rules! take {
    ($l:ident . $section:ident . $field:ident, $origin:expr) => {
        need(
            $l.$section.$field.take(),
            concat!(stringify!($section), ".", stringify!($field)),
            $origin,
        )?
    };
}

/// Checks the merged layer and builds the layout, one section at a time,
/// in the order the file documents them (which is the order errors are
/// found in).
pub(super) fn finish(
    mut l: Layer,
    origin: &str,
    name: String,
    description: String,
) -> Result<Layout> {
    let print = print_spec(&l, origin)?;
    let page = page(&mut l, origin)?;
    let body = body(&mut l, origin, page.column_width())?;
    let headline = headline(&mut l, origin)?;
    let meta = meta(&mut l, origin)?;
    let heading = heading(&mut l, origin)?;
    let hyphenation = hyphenation(&mut l, origin)?;
    let linebreak = linebreak(&mut l, origin)?;
    let band = band(&mut l, origin)?;
    let images = images(&mut l, &page)?;
    let pair = take!(l.pair.arrangement, origin).v;
    Ok(Layout {
        name,
        description,
        design: Design {
            page,
            body,
            headline,
            meta,
            heading,
            hyphenation,
            linebreak,
            band,
            images,
            pair,
        },
        print,
        sources: Vec::new(),
    })
}

/// The sheet's paper and its width and height after orientation.
fn sheet(l: &mut Layer, origin: &str) -> Result<(Paper, Val<Length>, Val<Length>)> {
    // The sheet.
    let paper = take!(l.page.paper, origin);
    let (mut width, mut height) = if paper.v == Paper::Custom {
        match (l.page.width.take(), l.page.height.take()) {
            (Some(w), Some(h)) => (w, h),
            _ => {
                return Err(layout_err(
                    paper.at,
                    "paper = \"custom\" needs both `width` and `height` in [page]",
                ))
            }
        }
    } else {
        if let Some(x) = l.page.width.as_ref().or(l.page.height.as_ref()) {
            return Err(layout_err(
                x.at.clone(),
                format!(
                    "`width` and `height` in [page] apply only to paper = \"custom\", \
                     and paper is \"{}\": remove them, or set paper = \"custom\"",
                    paper.v
                ),
            ));
        }
        let Some((w, h)) = paper.v.size() else {
            return Err(layout_err(
                paper.at,
                format!("internal error: no size for paper `{}`", paper.v),
            ));
        };
        (
            Val {
                v: w,
                at: paper.at.clone(),
            },
            Val {
                v: h,
                at: paper.at.clone(),
            },
        )
    };
    if take!(l.page.orientation, origin).v == Orientation::Landscape {
        std::mem::swap(&mut width, &mut height);
    }
    for (v, what) in [(&width, "page width"), (&height, "page height")] {
        let x = v.v.to_mm();
        if !(50.0 - 1e-6..=2000.0 + 1e-6).contains(&x) {
            return Err(layout_err(
                v.at.clone(),
                format!("the {what} must be 50mm to 2000mm, not {}", mm(v.v)),
            ));
        }
    }

    Ok((paper.v, width, height))
}

/// `[page]`: the sheet, a fold, the margins and the columns.
fn page(l: &mut Layer, origin: &str) -> Result<PageSpec> {
    let safe_margin = l.print.safe_margin.clone();
    let (paper, width, height) = sheet(l, origin)?;
    // A folded sheet: landscape, one column per panel; margins are each panel's.
    let fold = l.page.fold.clone();
    let panel_width = match fold.as_ref().and_then(|f| f.v) {
        Some(f) => {
            let at = fold.as_ref().map(|v| v.at.clone()).unwrap_or_default();
            if width.v <= height.v {
                return Err(layout_err(
                    at,
                    "a tri-fold is folded from a landscape sheet: set orientation = \"landscape\"",
                ));
            }
            f.panel_width(width.v)
        }
        None => width.v,
    };
    let panel = Val {
        v: panel_width,
        at: width.at.clone(),
    };

    let Margins {
        top,
        bottom,
        left,
        right,
    } = margins(l, origin, &panel, &height)?;

    // Columns.
    let columns = take!(l.page.columns, origin);
    let n = int_range(&columns, "page", "columns", 1, 12)?;
    let gap = take!(l.page.column_gap, origin);
    not_negative(&gap, &key_name("page", "column-gap"), mm)?;
    let rule = take!(l.page.column_rule, origin);
    not_negative(&rule, &key_name("page", "column-rule"), |l| l.to_string())?;
    // The rule is centred in the gap; wider than half of it, it comes
    // within a quarter gap of the letters, and an overfull line (allowed
    // half a gap) would be struck through.
    if n > 1 && rule.v > gap.v / 2.0 + Length::pt(EPS_PT) {
        return Err(layout_err(
            pick(&[&rule.at, &gap.at], origin),
            format!(
                "[page] column-rule ({}) must be at most half the column-gap ({}), \
                 or it would strike through the text",
                mm(rule.v),
                mm(gap.v)
            ),
        ));
    }
    let page = PageSpec {
        paper,
        width: width.v,
        height: height.v,
        margin_top: top.v,
        margin_bottom: bottom.v,
        margin_left: left.v,
        margin_right: right.v,
        columns: n,
        column_gap: gap.v,
        column_rule: (rule.v.to_pt() > EPS_PT).then_some(rule.v),
        fold: fold.as_ref().and_then(|f| f.v),
        panels: Panels::default(),
        beside: false,
        top_picture_share: None,
    };
    if let (Some(_), Some(f)) = (page.fold, &fold) {
        if page.columns != 1 {
            return Err(layout_err(
                pick(&[&columns.at, &f.at], origin),
                "a tri-fold has one column per panel: set columns = 1",
            ));
        }
    }
    if let Some(v) = &safe_margin {
        print_length(
            &Some(v.clone()),
            "safe-margin",
            page.width.min(page.height) / 4.0,
        )?;
    }
    let column_width = page.column_width();
    if column_width.to_mm() < 15.0 - 1e-6 {
        return Err(layout_err(
            pick(
                &[&columns.at, &gap.at, &left.at, &right.at, &width.at],
                origin,
            ),
            format!(
                "{n} columns with {} gaps are only {} wide in a {} text area; a column must be \
                 at least 15mm wide: use fewer columns, a smaller `column-gap` or smaller margins",
                mm(gap.v),
                mm(column_width),
                mm(page.content_width())
            ),
        ));
    }

    Ok(page)
}

/// The four margins: not negative, and leaving at least 20 mm of the
/// panel's width and the page's height.
fn margins(
    l: &mut Layer,
    origin: &str,
    panel: &Val<Length>,
    height: &Val<Length>,
) -> Result<Margins> {
    let top = take!(l.page.margin_top, origin);
    let bottom = take!(l.page.margin_bottom, origin);
    let left = take!(l.page.margin_left, origin);
    let right = take!(l.page.margin_right, origin);
    for (v, side) in [
        (&top, "top"),
        (&bottom, "bottom"),
        (&left, "left"),
        (&right, "right"),
    ] {
        not_negative(v, &format!("the {side} margin"), mm)?;
    }
    for (a, b, pair, extent, what) in [
        (&left, &right, "left and right", panel, "width"),
        (&top, &bottom, "top and bottom", height, "height"),
    ] {
        let room = extent.v - a.v - b.v;
        if room.to_mm() < 20.0 - 1e-6 {
            let left_over = if room.to_pt() > 0.0 {
                format!("only {}", mm(room))
            } else {
                "nothing".to_string()
            };
            return Err(layout_err(
                pick(&[&a.at, &b.at, &extent.at], origin),
                format!(
                    "the {pair} margins ({} + {}) leave {left_over} of the {} page {what}; \
                     at least 20mm must remain",
                    mm(a.v),
                    mm(b.v),
                    mm(extent.v)
                ),
            ));
        }
    }

    Ok(Margins {
        top,
        bottom,
        left,
        right,
    })
}

/// The four margins as written.
struct Margins {
    top: Val<Length>,
    bottom: Val<Length>,
    left: Val<Length>,
    right: Val<Length>,
}

/// A text colour printed on the white paper, checked to be legible there.
fn paper_text(color: Val<Color>, section: &str) -> Result<Color> {
    legible(
        &color,
        section,
        "color",
        Color::Gray(1.0),
        "white paper",
        color.at.clone(),
    )?;
    Ok(color.v)
}

/// `[body]`; `column_width` bounds the indent.
fn body(l: &mut Layer, origin: &str, column_width: Length) -> Result<BodySpec> {
    // Body.
    let size = take!(l.body.size, origin);
    size_range(&size, "body", 72.0)?;
    let leading = take!(l.body.leading, origin);
    leading_range(&leading, &size, "body", origin)?;
    let spacing = take!(l.body.paragraph_spacing, origin);
    not_negative(&spacing, &key_name("body", "paragraph-spacing"), |l| {
        l.to_string()
    })?;
    let indent = take!(l.body.indent, origin);
    not_negative(&indent, &key_name("body", "indent"), |l| l.to_string())?;
    if indent.v.to_pt() >= column_width.to_pt() {
        return Err(layout_err(
            indent.at,
            format!(
                "{} ({}) must be less than the column width ({})",
                key_name("body", "indent"),
                mm(indent.v),
                mm(column_width)
            ),
        ));
    }
    let fit = if take!(l.body.fit, origin).v {
        let min = take!(l.body.min_size, origin);
        size_range_key(&min, "body", "min-size", 72.0)?;
        let max = take!(l.body.max_size, origin);
        size_range_key(&max, "body", "max-size", 72.0)?;
        size_bounds(&min, &max, "body", origin)?;
        Some(FitSpec {
            min_size: min.v,
            max_size: max.v,
            overflow: take!(l.body.overflow, origin).v,
        })
    } else {
        None
    };
    let body = BodySpec {
        fit,
        font: take!(l.body.font, origin).v,
        size: size.v,
        leading: leading.v,
        align: take!(l.body.align, origin).v,
        paragraph_spacing: spacing.v,
        indent: indent.v,
        widows: int_range(&take!(l.body.widows, origin), "body", "widows", 1, 5)?,
        orphans: int_range(&take!(l.body.orphans, origin), "body", "orphans", 1, 5)?,
        baseline_grid: take!(l.body.baseline_grid, origin).v,
        color: paper_text(take!(l.body.color, origin), "body")?,
        fallback: take!(l.body.fallback, origin).v,
    };

    Ok(body)
}

/// `[headline]`, with its fitted size range when `size = "fit"`.
fn headline(l: &mut Layer, origin: &str) -> Result<HeadlineSpec> {
    // Headline.
    let written = take!(l.headline.size, origin);
    let (size, fit) = match written.v {
        SizeOrFit::Size(v) => (
            Val {
                v,
                at: written.at.clone(),
            },
            None,
        ),
        SizeOrFit::Fit => {
            let min = take!(l.headline.min_size, origin);
            size_range_key(&min, "headline", "min-size", 600.0)?;
            let max = take!(l.headline.max_size, origin);
            size_range_key(&max, "headline", "max-size", 600.0)?;
            size_bounds(&min, &max, "headline", origin)?;
            let lines = int_range(
                &take!(l.headline.max_lines, origin),
                "headline",
                "max-lines",
                1,
                10,
            )?;
            let fit = HeadlineFit {
                min_size: min.v,
                max_size: max.v,
                max_lines: lines,
                growth_only: false,
            };
            (max, Some(fit))
        }
    };
    size_range(&size, "headline", 600.0)?;
    let leading = take!(l.headline.leading, origin);
    leading_range(&leading, &size, "headline", origin)?;
    let space_after = take!(l.headline.space_after, origin);
    not_negative(&space_after, &key_name("headline", "space-after"), |l| {
        l.to_string()
    })?;
    let headline = HeadlineSpec {
        font: take!(l.headline.font, origin).v,
        size: size.v,
        leading: leading.v,
        fit,
        align: take!(l.headline.align, origin).v,
        weight: take!(l.headline.weight, origin).v,
        color: paper_text(take!(l.headline.color, origin), "headline")?,
        space_after: space_after.v,
        subtitle_size: None,
    };

    Ok(headline)
}

/// `[meta]`.
fn meta(l: &mut Layer, origin: &str) -> Result<MetaSpec> {
    // Meta line.
    let size = take!(l.meta.size, origin);
    size_range(&size, "meta", 200.0)?;
    let space_after = take!(l.meta.space_after, origin);
    not_negative(&space_after, &key_name("meta", "space-after"), |l| {
        l.to_string()
    })?;
    let meta = MetaSpec {
        font: take!(l.meta.font, origin).v,
        size: size.v,
        color: paper_text(take!(l.meta.color, origin), "meta")?,
        space_after: space_after.v,
    };

    Ok(meta)
}

/// `[heading]`.
fn heading(l: &mut Layer, origin: &str) -> Result<HeadingSpec> {
    // Headings.
    let size = take!(l.heading.size, origin);
    size_range(&size, "heading", 200.0)?;
    let space_before = take!(l.heading.space_before, origin);
    not_negative(&space_before, &key_name("heading", "space-before"), |l| {
        l.to_string()
    })?;
    let space_after = take!(l.heading.space_after, origin);
    not_negative(&space_after, &key_name("heading", "space-after"), |l| {
        l.to_string()
    })?;
    let heading = HeadingSpec {
        font: take!(l.heading.font, origin).v,
        size: size.v,
        weight: take!(l.heading.weight, origin).v,
        space_before: space_before.v,
        space_after: space_after.v,
    };

    Ok(heading)
}

/// `[hyphenation]`.
fn hyphenation(l: &mut Layer, origin: &str) -> Result<HyphenationSpec> {
    // Hyphenation.
    let enabled = take!(l.hyphenation.enabled, origin);
    let lang = take!(l.hyphenation.lang, origin);
    // A language without patterns (Arabic, Sinhala) is set without
    // hyphenation; only a tag that names no language is refused.
    if enabled.v && !crate::typeset::lang::is_language(&lang.v) {
        let hint = match crate::typeset::hyphenate::suggest_tag(&lang.v) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => format!(
                "handbill hyphenates {}",
                crate::typeset::hyphenate::known_tags().join(", ")
            ),
        };
        return Err(layout_err(
            lang.at,
            format!(
                "{} is \"{}\", which names no language handbill knows; {hint} \
                 (or set enabled = false to set the text without hyphenation)",
                key_name("hyphenation", "lang"),
                lang.v
            ),
        ));
    }
    // A built-in layout's language is only a default: the statement's own
    // language is detected over it. One a user's layout file sets is meant.
    let lang_set_at = (!lang.at.file.starts_with("builtin:")).then(|| lang.at.clone());
    let hyphenation = HyphenationSpec {
        enabled: enabled.v,
        lang: lang.v,
        lang_set_at,
        min_left: int_range(
            &take!(l.hyphenation.min_left, origin),
            "hyphenation",
            "min-left",
            1,
            10,
        )? as usize,
        min_right: int_range(
            &take!(l.hyphenation.min_right, origin),
            "hyphenation",
            "min-right",
            1,
            10,
        )? as usize,
        caps: take!(l.hyphenation.caps, origin).v,
    };

    Ok(hyphenation)
}

/// `[linebreak]`.
fn linebreak(l: &mut Layer, origin: &str) -> Result<LineBreakSpec> {
    // Line breaking.
    let pre = take!(l.linebreak.pretolerance, origin);
    let pretolerance = finite(&pre, "linebreak", "pretolerance")?;
    if pretolerance < 0.0 && pretolerance != -1.0 {
        return Err(layout_err(
            pre.at,
            format!(
                "{} must be zero or more, or -1 to skip the first pass, not {pretolerance}",
                key_name("linebreak", "pretolerance")
            ),
        ));
    }
    let tol = take!(l.linebreak.tolerance, origin);
    let tolerance = finite(&tol, "linebreak", "tolerance")?;
    if tolerance < 0.0 {
        return Err(layout_err(
            tol.at,
            format!(
                "{} must be zero or more, not {tolerance}",
                key_name("linebreak", "tolerance")
            ),
        ));
    }
    let stretch = take!(l.linebreak.emergency_stretch, origin);
    not_negative(&stretch, &key_name("linebreak", "emergency-stretch"), |l| {
        l.to_string()
    })?;
    let linebreak = LineBreakSpec {
        pretolerance,
        tolerance,
        line_penalty: finite(
            &take!(l.linebreak.line_penalty, origin),
            "linebreak",
            "line-penalty",
        )?,
        hyphen_penalty: finite(
            &take!(l.linebreak.hyphen_penalty, origin),
            "linebreak",
            "hyphen-penalty",
        )?,
        adj_demerits: finite(
            &take!(l.linebreak.adj_demerits, origin),
            "linebreak",
            "adj-demerits",
        )?,
        double_hyphen_demerits: finite(
            &take!(l.linebreak.double_hyphen_demerits, origin),
            "linebreak",
            "double-hyphen-demerits",
        )?,
        final_hyphen_demerits: finite(
            &take!(l.linebreak.final_hyphen_demerits, origin),
            "linebreak",
            "final-hyphen-demerits",
        )?,
        emergency_stretch: stretch.v,
        font_expansion: take!(l.linebreak.font_expansion, origin).v,
        hyphen_limit: int_range(
            &take!(l.linebreak.hyphen_limit, origin),
            "linebreak",
            "hyphen-limit",
            0,
            10,
        )?,
    };

    Ok(linebreak)
}

/// `[band]`.
fn band(l: &mut Layer, origin: &str) -> Result<BandSpec> {
    // The call-to-action band.
    let size = take!(l.band.size, origin);
    size_range(&size, "band", 200.0)?;
    let leading = take!(l.band.leading, origin);
    leading_range(&leading, &size, "band", origin)?;
    let padding = take!(l.band.padding, origin);
    not_negative(&padding, &key_name("band", "padding"), |l| l.to_string())?;
    let text = |v: Option<Val<String>>| v.map(|v| v.v.trim().to_string()).filter(|t| !t.is_empty());
    let field = take!(l.band.color, origin);
    let text_color = take!(l.band.text_color, origin);
    let at = pick(&[&text_color.at, &field.at], origin);
    legible(
        &text_color,
        "band",
        "text-color",
        field.v,
        "the band's colour",
        at,
    )?;
    let band = BandSpec {
        color: field.v,
        text_color: text_color.v,
        font: take!(l.band.font, origin).v,
        size: size.v,
        leading: leading.v,
        weight: take!(l.band.weight, origin).v,
        align: take!(l.band.align, origin).v,
        padding: padding.v,
        place: text(l.band.place.take()),
        when: text(l.band.when.take()),
    };

    Ok(band)
}

/// `[[image]]`: a picture placed by coordinates must start on the page,
/// and a fixed size must fit on it.
fn images(l: &mut Layer, page: &PageSpec) -> Result<Vec<ImageSpec>> {
    // Pictures: a picture placed by coordinates must start on the page,
    // and a fixed size must fit on it.
    let images = l.images.take().map(|v| v.v).unwrap_or_default();
    for image in &images {
        let fixed = |e: Extent| match e {
            Extent::Length(l) => Some(l),
            Extent::Percent(_) => None,
        };
        let (x, y) = match image.place {
            ImagePlace::At { x, y } => (x, y),
            ImagePlace::Area(_) => (Length::ZERO, Length::ZERO),
        };
        let too_wide = fixed(image.width).is_some_and(|w| x + w > page.width + Length::pt(EPS_PT));
        let too_tall = image
            .height
            .and_then(fixed)
            .is_some_and(|h| y + h > page.height + Length::pt(EPS_PT));
        if x >= page.width || y >= page.height || too_wide || too_tall {
            return Err(layout_err(
                image.at.clone(),
                format!(
                    "this [[image]] does not fit on the {} × {} page; make it smaller or move it",
                    mm(page.width),
                    mm(page.height)
                ),
            ));
        }
    }

    Ok(images)
}

/// A length key of [print] within `lo..=hi`, if set.
fn print_length(v: &Option<Val<Length>>, key: &str, hi: Length) -> Result<Option<Length>> {
    let Some(v) = v else { return Ok(None) };
    let name = key_name("print", key);
    not_negative(v, &name, mm)?;
    if v.v > hi + Length::pt(EPS_PT) {
        return Err(layout_err(
            v.at.clone(),
            format!("{name} must be at most {}, not {}", mm(hi), mm(v.v)),
        ));
    }
    Ok(Some(v.v))
}

/// A number key of [print] within `lo..=hi`, if set.
fn print_number(v: &Option<Val<f64>>, key: &str, lo: f64, hi: f64) -> Result<Option<f64>> {
    let Some(v) = v else { return Ok(None) };
    let x = finite(v, "print", key)?;
    if !(lo..=hi).contains(&x) {
        return Err(layout_err(
            v.at.clone(),
            format!(
                "{} must be between {lo} and {hi}, not {x}",
                key_name("print", key)
            ),
        ));
    }
    Ok(Some(x))
}

/// The `[print]` table, checked. Unset keys stay unset: their defaults
/// depend on the print target, which `--for` may still change.
fn print_spec(l: &Layer, origin: &str) -> Result<PrintSpec> {
    let mut written_at = Vec::new();
    let mut note = |key: &'static str, at: Option<&Location>| {
        if let Some(at) = at {
            written_at.push((key, at.clone()));
        }
    };
    note("standard", l.print.standard.as_ref().map(|v| &v.at));
    note(
        "output-condition",
        l.print.output_condition.as_ref().map(|v| &v.at),
    );
    note("impose", l.print.impose.as_ref().map(|v| &v.at));
    Ok(PrintSpec {
        origin: origin.to_string(),
        written_at,
        target: l.print.target.as_ref().map(|v| v.v),
        // Print shops ask for 2 to 5 mm; more than 25 mm is a mistake.
        bleed: print_length(&l.print.bleed, "bleed", Length::mm(25.0))?,
        marks: l.print.marks.as_ref().map(|v| v.v),
        mark_offset: print_length(&l.print.mark_offset, "mark-offset", Length::mm(20.0))?,
        standard: l.print.standard.as_ref().map(|v| v.v),
        condition: l.print.output_condition.as_ref().map(|v| v.v),
        icc_profile: l.print.icc_profile.as_ref().map(|v| v.v.clone()),
        // Below 100% not even one process colour could print solid; 400% is all four.
        ink_limit: print_number(&l.print.ink_limit, "ink-limit", 100.0, 400.0)?,
        // Checked against the paper in `finish`.
        safe_margin: print_length(&l.print.safe_margin, "safe-margin", Length::mm(50.0))?,
        min_dpi: print_number(&l.print.min_dpi, "min-dpi", 1.0, 2400.0)?,
        impose: l.print.impose.as_ref().map(|v| v.v),
    })
}
