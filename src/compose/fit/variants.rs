//! The ways to set a text that does not fit at the layout's largest
//! size: a smaller tail, a smaller fitted headline, a smaller picture.

use super::{largest_size, set_at, Fitted, Goal};
use crate::compose::tail::{self, Tail};
use crate::compose::tools::{Budget, Tools};
use crate::compose::ComposeOptions;
use crate::error::Result;
use crate::layout::design::{Design, ImageArea, ImagePlace};
use crate::statement::document::Document;
use crate::units::Length;

/// One way to set the text, tried at several body sizes.
pub(super) struct Variant {
    pub(super) design: Design,
    pub(super) tail: Tail,
}

/// The ways to set the text when the layout's largest size does not fit,
/// in the order they are tried: the layout as it is; with the tail shrunk
/// (when there is one to shrink); then, for a headline fitted to the width,
/// with that headline smaller (halfway, then its minimum), as it may have
/// taken the room; last, on a flat sheet with a picture across the top,
/// that picture smaller (see [`TOP_PICTURE_SHARES`]), as a designer makes
/// a picture smaller before a short text runs onto another page.
pub(super) fn variants(doc: &Document, design: &Design, opts: &ComposeOptions) -> Vec<Variant> {
    let shrinkable = tail::shrinkable(&doc.blocks, doc.meta.qr.is_some());
    let tail = if shrinkable {
        Tail::Compact
    } else {
        Tail::Full
    };
    let mut out = vec![Variant {
        design: design.clone(),
        tail: Tail::Full,
    }];
    if shrinkable {
        out.push(Variant {
            design: design.clone(),
            tail,
        });
    }
    if let Some(hf) = design.headline.fit {
        if hf.max_size > hf.min_size + Length::pt(crate::compose::headline::HEADLINE_STEP_PT) {
            for cap in [(hf.max_size + hf.min_size) / 2.0, hf.min_size] {
                let mut smaller = design.clone();
                if let Some(f) = smaller.headline.fit.as_mut() {
                    f.max_size = cap;
                }
                out.push(Variant {
                    design: smaller,
                    tail,
                });
            }
        }
    }
    let top_picture = opts
        .pictures
        .iter()
        .any(|p| p.spec.place == ImagePlace::Area(ImageArea::Top));
    if top_picture && design.page.fold.is_none() {
        // From the most compact setting so far: the picture gives way last.
        let base = out.last().map_or(design, |v| &v.design).clone();
        for share in TOP_PICTURE_SHARES {
            let mut smaller = base.clone();
            smaller.page.top_picture_share = Some(share);
            out.push(Variant {
                design: smaller,
                tail,
            });
        }
    }
    out
}

/// The shares of its height a picture across the top of a flat page is
/// tried at when the text does not fit its pages beside it: three
/// quarters, then half. The Portuguese call with a photo, a band, a QR
/// code and an imprint ran onto a second A5 page even at 9pt beside a
/// picture 40% of the text area high; a designer makes the picture
/// smaller first. Below half it reads as a thumbnail (the tri-fold cover's
/// limit too, `pictures::MIN_SQUEEZE`).
const TOP_PICTURE_SHARES: [f64; 2] = [0.75, 0.5];

/// How much larger the body must come out beside a picture made smaller
/// still (half its height instead of three quarters) for fitting to take
/// it: a tenth, about a point at the 9–10pt an A5 flyer comes down to
/// beside a picture, the least a reader sees at arm's length. For less the
/// picture, which the statement's author chose, keeps its room.
const BODY_FOR_PICTURE: f64 = 1.1;

/// Whether `w` is `v` with its picture across the top smaller still. A
/// picture at its full height stays so whenever the text fits beside it:
/// it gives way for another page, and only then for a larger body.
pub(super) fn gives_way(v: &Variant, w: &Variant) -> bool {
    let share = |x: &Variant| x.design.page.top_picture_share;
    matches!((share(v), share(w)), (Some(a), Some(b)) if b < a)
}

/// `fitted`, set beside a picture made smaller, or the setting in `w`
/// (the picture smaller still) when that sets the body
/// [`BODY_FOR_PICTURE`] larger: the first share that fits at the smallest
/// size may leave the text there, where a little less picture gives a
/// body a reader sees is larger (the tenants' letter on the A4: 10pt
/// beside three quarters of its photo, 11.2pt beside half). One setting
/// when the smaller picture buys too little, a search when it buys more.
pub(super) fn larger_beside_less_picture(
    tools: &mut Tools,
    doc: &Document,
    w: &Variant,
    opts: &ComposeOptions,
    goal: Goal,
    fitted: Fitted,
) -> Result<Fitted> {
    let (n, fit) = (goal.pages, goal.fit);
    // Within a tenth of the largest size allowed, no smaller picture can
    // buy a tenth more.
    let enough = fitted.size * BODY_FOR_PICTURE;
    if enough > fit.max_size {
        return Ok(fitted);
    }
    let larger = set_at(
        tools,
        doc,
        (&w.design, enough),
        opts,
        Budget::Pages(n),
        w.tail,
    )?;
    if !larger.trial.fits(n) {
        return Ok(fitted);
    }
    if enough >= fit.max_size {
        return Ok(larger);
    }
    largest_size(tools, doc, w, opts, n, (enough, fit.max_size), larger.trial)
}
