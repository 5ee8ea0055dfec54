//! Advice that names another layout: for a text `--fit` cannot fit, for
//! a folded leaflet a short text leaves half empty, and for a page a text
//! leaves mostly empty even at the largest size the layout sets. Each
//! layout named is tried by setting the text on it, so the advice is true.

use crate::compose;
use crate::error::{Location, Note, Warning};
use crate::layout;
use crate::statement::document;

use super::pictures::load_pictures;
use super::BuildRequest;

/// For a statement that `--fit N` could not fit on its layout: the
/// smallest other built-in layout that holds it on N pages, as a clause to
/// add to the message (empty when none does). Each is tried by composing
/// the statement on it, its pictures placed as it places them, so the
/// advice is true. Folded layouts are left out: their pages are panels.
pub(super) fn layout_that_fits(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
    n: usize,
) -> String {
    for other in other_layouts(req) {
        let Some(opts) = options_on(&other, req, doc, opts) else {
            continue;
        };
        // A cheap look first; the one named is set in full, and checked.
        if !compose::would_fit(doc, &other.design, &opts, n).unwrap_or(false) {
            continue;
        }
        if let Ok(compose::Fitting::Set(c)) = compose::compose_to_fit(doc, &other.design, &opts, n)
        {
            return format!(
                ", or use --layout {} --fit {n}, which holds it (body {})",
                other.name, c.body_size
            );
        }
    }
    String::new()
}

/// The other built-in layouts that are not folded, in the order to
/// suggest them: paper of the same family first (ISO or American: what
/// the printer has), then the smallest: the nearest thing to what was
/// asked for.
pub(super) fn other_layouts(req: &BuildRequest) -> Vec<layout::Layout> {
    let mut others: Vec<layout::Layout> = layout::builtin_names()
        .into_iter()
        .filter(|name| *name != req.layout.name)
        .filter_map(|name| layout::load(name).ok())
        .filter(|l| l.design.page.fold.is_none())
        .collect();
    let us = req.layout.design.page.paper.is_us();
    let key = |l: &layout::Layout| {
        let p = &l.design.page;
        (p.paper.is_us() != us, p.width.to_pt() * p.height.to_pt())
    };
    others.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
    });
    others
}

/// How full the inside spread of a folded leaflet should be, at least,
/// when the body is set across it alone: issue #14's "last page at least
/// half full"; less reads as a leftover.
const SPREAD_FILL: f64 = 0.5;

/// A warning when a folded leaflet's text leaves panels empty, or the
/// inside spread it is set across less than half full, even at the
/// largest size that keeps a readable line: it names the smallest other
/// layout that holds the text on one page at no less than its usual body
/// size, set as that layout sets it.
pub(super) fn unused_panels_warning(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
    composed: &compose::Composed,
) -> Option<Warning> {
    let f = req.layout.design.page.fold?;
    let used = composed
        .pages
        .iter()
        .filter(|p| !p.lines.is_empty())
        .count();
    let short = match composed.panels {
        layout::design::Panels::All if used < f.panels() => format!(
            "the statement fills only {used} of the {} panels of the folded leaflet",
            f.panels()
        ),
        // The flap (and the back but for an imprint and QR code) is left
        // free on purpose here.
        layout::design::Panels::CoverAndSpread if composed.fill < SPREAD_FILL => format!(
            "the statement fills only {:.0}% of the inside spread of the folded leaflet, \
             where its body is set (the cover holds the headline)",
            composed.fill * 100.0
        ),
        _ => return None,
    };
    // Tried only now, when the warning is due: a short text sets fast.
    let better = first_other(req, doc, opts, |other, c| {
        // On one page, and not in small print: at least the layout's own size.
        (c.pages.len() == 1 && c.body_size >= other.design.body.size)
            .then(|| format!("{} holds it on one page (body {})", other.name, c.body_size))
    });
    Some(Warning {
        at: Location::file(req.name),
        message: format!(
            "{short}, set at {}, as large as keeps a readable line; {}",
            composed.body_size,
            better.unwrap_or_else(|| "a shorter format suits a text this short".to_string())
        ),
    })
}

/// How full a statement's one page should be, at least, before a note
/// says the text is too short for the layout: half, as for a folded
/// leaflet's spread. Fitting has already set it as large as the layout
/// allows, with a larger headline and more space between paragraphs, so
/// less reads as a notice lost on its sheet.
pub(super) const PAGE_FILL: f64 = 0.5;

/// A note when a statement on one page of a layout that is not folded
/// fills less than half of it, even set as large as the layout allows: it
/// names the first other layout (same paper family first, then the
/// smallest: the smallest sheet it does not leave mostly empty) that sets
/// the text on one page, at no less than its usual body size, at least
/// half full, and how full. A note, not a warning: a short notice on
/// a large sheet may be what was meant, and `--strict` must not refuse it.
pub(super) fn empty_page_note(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
    composed: &compose::Composed,
) -> Option<Note> {
    if req.layout.design.page.fold.is_some()
        || composed.pages.len() != 1
        || composed.fill >= PAGE_FILL
    {
        return None;
    }
    // Tried only now, when the note is due: a short text sets fast.
    let better = first_other(req, doc, opts, |other, c| {
        let fills = c.pages.len() == 1 && c.fill >= PAGE_FILL;
        (fills && c.body_size >= other.design.body.size).then(|| {
            let full = c.fill * 100.0;
            format!(
                "{} sets it {full:.0}% full (body {})",
                other.name, c.body_size
            )
        })
    });
    // A layout that fits its body has set it as large as it allows; one
    // that does not has set it at its own size.
    let size = match req.layout.design.body.fit {
        Some(_) => format!(
            "even at body {}, the largest this layout allows",
            composed.body_size
        ),
        None => format!("at body {}, this layout's size", composed.body_size),
    };
    Some(Note {
        at: Location::file(req.name),
        message: format!(
            "the statement fills only {:.0}% of the page, {size}; {}",
            composed.fill * 100.0,
            better.unwrap_or_else(|| {
                "no other built-in layout sets it even half full: a text this short needs \
                 more words, or a picture"
                    .to_string()
            })
        ),
    })
}

/// The first of the other built-in layouts (see [`other_layouts`]) for
/// which `says` has something to say of the statement set on it, its
/// pictures placed as it places them, and what it says.
fn first_other(
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
    says: impl Fn(&layout::Layout, &compose::Composed) -> Option<String>,
) -> Option<String> {
    other_layouts(req).into_iter().find_map(|other| {
        let opts = options_on(&other, req, doc, opts)?;
        let c = compose::compose(doc, &other.design, &opts).ok()?;
        says(&other, &c)
    })
}

/// `opts` for the statement `doc` of `req` set on `other` instead, its
/// pictures loaded as that layout places them; `None` when they cannot be.
pub(super) fn options_on(
    other: &layout::Layout,
    req: &BuildRequest,
    doc: &document::Document,
    opts: &compose::ComposeOptions,
) -> Option<compose::ComposeOptions> {
    let on_other = BuildRequest {
        layout: other,
        ..req.clone()
    };
    Some(compose::ComposeOptions {
        layout: other.name.clone(),
        pictures: load_pictures(&on_other, doc).ok()?,
        ..opts.clone()
    })
}
