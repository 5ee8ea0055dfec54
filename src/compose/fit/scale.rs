//! A layout's design with its body at another size: what grows with it.

use crate::layout::design::Design;
use crate::units::Length;

/// The layout with its body set at `size`; leading, spacing and indents
/// keep their proportion to the size, and headings too when it is larger
/// than the layout's.
pub(in crate::compose) fn scaled(design: &Design, size: Length) -> Design {
    let mut l = design.clone();
    let k = size / design.body.size;
    l.body.size = size;
    l.body.leading = design.body.leading * k;
    l.body.paragraph_spacing = design.body.paragraph_spacing * k;
    l.body.indent = design.body.indent * k;
    l.linebreak.emergency_stretch = design.linebreak.emergency_stretch * k;
    // Headings grow with a body set larger than the layout's size, so they
    // stay above it (a short text set at 14pt under 11.5pt headings reads
    // upside down); a body set smaller keeps the layout's headings, which
    // then stand out the more.
    let up = k.max(1.0);
    l.heading.size = design.heading.size * up;
    l.heading.space_before = design.heading.space_before * up;
    l.heading.space_after = design.heading.space_after * up;
    // A headline of fixed size stays a step above the grown headings, or
    // the large print of a short text has a section heading as loud as its
    // title: as far above them as the layout sets it, up to a step of
    // HEADLINE_OVER_HEADING, so a layout's own sizes hold at its size. The
    // headline keeps its proportions (leading, space after).
    let step = (design.headline.size / design.heading.size).min(HEADLINE_OVER_HEADING);
    let least = l.heading.size * step;
    let grows = design.headline.fit.is_none_or(|f| f.growth_only);
    if grows && least > design.headline.size {
        let h = least / design.headline.size;
        l.headline.size = least;
        l.headline.leading = design.headline.leading * h;
        l.headline.space_after = design.headline.space_after * h;
        // A headline that may grow (a cover's) grows from there.
        if let Some(f) = l.headline.fit.as_mut() {
            f.min_size = least;
            f.max_size = f.max_size.max(least);
        }
    }
    l
}

/// How much larger than a section heading a fixed-size headline stays
/// when the body (and with it the headings) is set larger than the
/// layout's: a perfect fifth (3:2), the smallest step of the classical type
/// scale that reads as another rank rather than a slip.
const HEADLINE_OVER_HEADING: f64 = 1.5;

#[cfg(test)]
mod tests {
    use super::*;

    fn leaflet() -> Design {
        crate::layout::load("a4-leaflet").unwrap().design
    }

    #[test]
    fn a_fixed_headline_stays_a_step_above_headings_grown_with_the_body() {
        let d = leaflet();
        assert!(d.headline.fit.is_none());
        // At 12pt the grown headings (13.8pt) are far enough below 26pt.
        assert_eq!(scaled(&d, Length::pt(12.0)).headline, d.headline);
        // At 18pt they are 20.7pt: the headline grows to 31.05pt, its leading
        // and space after in proportion.
        let big = scaled(&d, Length::pt(18.0));
        let k = big.headline.size / d.headline.size;
        assert!((big.headline.size.to_pt() - 20.7 * 1.5).abs() < 1e-6);
        assert!((big.headline.leading / d.headline.leading - k).abs() < 1e-9);
        assert!((big.headline.space_after / d.headline.space_after - k).abs() < 1e-9);
    }

    #[test]
    fn a_headline_the_layout_sets_close_to_its_headings_keeps_that_step() {
        let mut d = leaflet();
        d.headline.size = Length::pt(13.0);
        d.heading.size = Length::pt(12.0);
        // At the layout's size and below, the layout's own sizes.
        assert_eq!(scaled(&d, d.body.size).headline.size, Length::pt(13.0));
        // At twice the body size, headings of 24pt, the headline 26pt.
        let big = scaled(&d, d.body.size * 2.0);
        assert!((big.headline.size.to_pt() - 26.0).abs() < 1e-9);
    }

    #[test]
    fn a_fitted_headline_keeps_its_own_sizes() {
        let mut d = leaflet();
        d.headline.fit = Some(crate::layout::design::HeadlineFit {
            min_size: Length::pt(20.0),
            max_size: Length::pt(30.0),
            max_lines: 3,
            growth_only: false,
        });
        assert_eq!(scaled(&d, Length::pt(18.0)).headline, d.headline);
    }
}
