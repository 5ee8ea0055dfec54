//! Printer's marks: crop marks at the corners of the trimmed page and
//! registration targets at the middle of its sides, placed outside the bleed.
//!
//! Coordinates are from the trim box's top-left corner, y downwards, like the
//! rest of the page model; marks have negative coordinates or ones past the
//! page size, since they lie outside it.

use crate::output::target::{PrintSetup, CROP_MARK_LENGTH, REGISTRATION_SIZE};
use crate::units::Length;

/// A straight stroke.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Start point.
    pub from: (Length, Length),
    /// End point.
    pub to: (Length, Length),
}

/// A circle, stroked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Circle {
    /// Centre.
    pub center: (Length, Length),
    /// Radius.
    pub radius: Length,
}

/// All marks of one page, drawn with one hairline in registration colour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkSet {
    /// Straight strokes: crop marks and the cross hairs of targets.
    pub strokes: Vec<Stroke>,
    /// The circles of registration targets.
    pub circles: Vec<Circle>,
}

/// Line width of every mark: 0.25 pt, the usual hairline; a zero-width
/// line would be device-dependent and some preflights reject it.
pub const MARK_WIDTH: Length = Length::pt(0.25);

/// The marks for a trimmed page of `width`×`height` under `setup`.
pub fn marks(width: Length, height: Length, setup: &PrintSetup) -> MarkSet {
    let mut set = MarkSet::default();
    let off = setup.mark_offset;
    if setup.marks.crop {
        let len = Length::mm(CROP_MARK_LENGTH);
        for (x, dx) in [(Length::ZERO, -1.0), (width, 1.0)] {
            for (y, dy) in [(Length::ZERO, -1.0), (height, 1.0)] {
                // Along the horizontal trim edge, pointing outwards sideways...
                set.strokes.push(Stroke {
                    from: (x + off * dx, y),
                    to: (x + (off + len) * dx, y),
                });
                // ...and along the vertical one, pointing outwards up or down.
                set.strokes.push(Stroke {
                    from: (x, y + off * dy),
                    to: (x, y + (off + len) * dy),
                });
            }
        }
    }
    if setup.marks.registration {
        let r = Length::mm(REGISTRATION_SIZE / 2.0);
        let d = off + r;
        let centres = [
            (width / 2.0, -d),
            (width / 2.0, height + d),
            (-d, height / 2.0),
            (width + d, height / 2.0),
        ];
        for (cx, cy) in centres {
            set.circles.push(Circle {
                center: (cx, cy),
                radius: r * 0.6,
            });
            set.strokes.push(Stroke {
                from: (cx - r, cy),
                to: (cx + r, cy),
            });
            set.strokes.push(Stroke {
                from: (cx, cy - r),
                to: (cx, cy + r),
            });
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::print::{Marks, PrintSpec, PrintTarget};
    use crate::style::Paper;

    fn setup(marks: Marks, bleed: f64) -> PrintSetup {
        let spec = PrintSpec {
            target: Some(PrintTarget::Press),
            bleed: Some(Length::mm(bleed)),
            marks: Some(marks),
            ..PrintSpec::default()
        };
        PrintSetup::resolve(
            &spec,
            None,
            None,
            crate::output::target::PageFormat::of(Paper::A4),
        )
        .unwrap()
    }

    /// Rounding in millimetre-to-point arithmetic.
    const EPS: Length = Length::pt(1e-9);

    /// Distance of a point outside the trim box from it (0 inside).
    fn outside(p: (Length, Length), w: Length, h: Length) -> Length {
        let dx = (-p.0).max(p.0 - w).max(Length::ZERO);
        let dy = (-p.1).max(p.1 - h).max(Length::ZERO);
        dx.max(dy)
    }

    #[test]
    fn crop_marks_line_up_with_the_trim_and_stay_out_of_the_bleed() {
        let (w, h) = (Length::mm(210.0), Length::mm(297.0));
        let s = setup(
            Marks {
                crop: true,
                registration: false,
            },
            3.0,
        );
        let set = marks(w, h, &s);
        assert_eq!(set.strokes.len(), 8);
        for st in &set.strokes {
            // On a trim edge's line...
            let on_x = [Length::ZERO, w].contains(&st.from.0) && st.from.0 == st.to.0;
            let on_y = [Length::ZERO, h].contains(&st.from.1) && st.from.1 == st.to.1;
            assert!(on_x || on_y, "{st:?}");
            // ...and no nearer the page than the bleed edge.
            for p in [st.from, st.to] {
                assert!(outside(p, w, h) >= s.bleed - EPS, "{st:?}");
                assert!(outside(p, w, h) <= s.slug(), "{st:?} beyond the media box");
            }
        }
    }

    #[test]
    fn registration_targets_sit_mid_side_outside_the_bleed() {
        let (w, h) = (Length::mm(148.0), Length::mm(210.0));
        let s = setup(
            Marks {
                crop: false,
                registration: true,
            },
            5.0,
        );
        let set = marks(w, h, &s);
        assert_eq!(set.circles.len(), 4);
        for c in &set.circles {
            assert!(outside(c.center, w, h) - c.radius >= s.bleed - EPS);
        }
        for st in &set.strokes {
            for p in [st.from, st.to] {
                assert!(outside(p, w, h) >= s.bleed - EPS);
                assert!(outside(p, w, h) <= s.slug());
            }
        }
    }
}
