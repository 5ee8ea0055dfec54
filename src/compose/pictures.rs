//! Pictures on the page: sizing a picture to its box, the corners, the top
//! and the foot of the first page, and pictures in the column flow.

use super::flow::Obstacle;
use super::pages::{BlockLines, ColumnLine, PlacedPicture, Rect};
use super::picture::Picture;
use super::tag::{Part, Role, Tag};
use super::Placeable;
use crate::error::Location;
use crate::layout::design::{Design, Extent, Fit, ImageArea, ImagePlace, ImageSpec};
use crate::units::Length;

/// Space between a picture and the text or the picture next to it, as a
/// share of the body's leading: half a line reads as a pause around the
/// picture without opening a hole in the text.
const PICTURE_GAP: f64 = 0.5;

/// The most a picture under the head is made smaller to fit above the
/// foot (the band, pictures at the foot): half its size still shows what
/// it shows; smaller, it reads as a thumbnail, and the build refuses the
/// page rather than print it over the band's text.
const MIN_SQUEEZE: f64 = 0.5;

/// Space between a picture and the text or the picture next to it.
pub(super) fn picture_gap(design: &Design) -> Length {
    design.body.leading * PICTURE_GAP
}

/// The statement's picture, when the layout has no place for it: across
/// the top, at most 40% of the text area high.
pub fn default_picture_spec(at: Location) -> ImageSpec {
    ImageSpec {
        file: None,
        shown: String::new(),
        at,
        place: ImagePlace::Area(ImageArea::Top),
        width: Extent::Percent(100.0),
        height: Some(Extent::Percent(40.0)),
        fit: Fit::Contain,
        alt: None,
    }
}

/// The size of a picture in a box `width` wide and, if given, `height`
/// high: (what is seen, where the whole picture lands relative to it).
fn fit_in(picture: &Picture, fit: Fit, width: Length, height: Option<Length>) -> (Rect, Rect) {
    let aspect = picture.aspect();
    let rect = |w: Length, h: Length| Rect {
        x: Length::ZERO,
        y: Length::ZERO,
        width: w,
        height: h,
    };
    match (fit, height) {
        (_, None) => {
            let r = rect(width, width / aspect);
            (r, r)
        }
        (Fit::Contain, Some(h)) => {
            let w = width.min(h * aspect);
            let r = rect(w, w / aspect);
            (r, r)
        }
        (Fit::Cover, Some(h)) => {
            let w = width.max(h * aspect);
            let area = Rect {
                x: (width - w) / 2.0,
                y: (h - w / aspect) / 2.0,
                width: w,
                height: w / aspect,
            };
            (rect(width, h), area)
        }
    }
}

/// A picture of `size` (seen, whole) placed with its seen part's top-left
/// at `x`, `y`; a figure, element `element` of `part`, if it has
/// alternative text.
fn put(
    p: &Placeable,
    (clip, area): (Rect, Rect),
    x: Length,
    y: Length,
    (part, element): (Part, usize),
) -> PlacedPicture {
    PlacedPicture {
        picture: p.picture.clone(),
        clip: clip.moved(x, y),
        area: area.moved(x, y),
        tag: p.spec.alt.as_ref().map(|alt| {
            Tag::new(
                Role::Figure {
                    alt: alt.as_str().into(),
                },
                part,
                element,
            )
        }),
    }
}

/// Where the pictures outside the column flow go on the first page, and
/// what the columns must keep clear of.
pub(super) struct PicturePlan<'a> {
    design: &'a Design,
    /// The lowest a picture may reach (above the band, if any).
    foot: Length,
    /// Width the headline leaves for a top-right picture (with a gap).
    pub(super) top_right_width: Length,
    /// Below the lowest top-right picture.
    top_right_bottom: Length,
    pub(super) placed: Vec<PlacedPicture>,
    pub(super) obstacles: Vec<Obstacle>,
}

impl<'a> PicturePlan<'a> {
    pub(super) fn new(design: &'a Design, foot: Length) -> PicturePlan<'a> {
        PicturePlan {
            design,
            foot,
            top_right_width: Length::ZERO,
            top_right_bottom: design.page.margin_top,
            placed: Vec::new(),
            obstacles: Vec::new(),
        }
    }

    /// The element the next picture outside the flow is, if it is one:
    /// they are read in the order they are placed (top right, by
    /// coordinates, top, foot).
    fn next_figure(&self) -> (Part, usize) {
        (Part::Pictures, self.placed.len())
    }

    /// Space between a picture and text or another picture.
    pub(super) fn gap(&self) -> Length {
        picture_gap(self.design)
    }

    /// Records a placed picture and the area the columns keep clear of.
    fn add(&mut self, p: PlacedPicture) {
        let bottom = p.clip.bottom() + self.gap();
        self.add_down_to(p, bottom);
    }

    /// Records a placed picture whose columns stay clear down to `bottom`
    /// (the page's foot, for pictures at the foot: no text under them).
    fn add_down_to(&mut self, p: PlacedPicture, bottom: Length) {
        let body = &self.design.body;
        let c = p.clip;
        self.obstacles.push(Obstacle {
            left: c.x - body.size,
            right: c.right() + body.size,
            // Room for the descenders of the line above, and some air.
            top: c.y - body.size,
            bottom,
        });
        self.placed.push(p);
    }

    /// Corner pictures and pictures placed by coordinates.
    pub(super) fn place_corners(&mut self, pictures: &[Placeable]) {
        let page = &self.design.page;
        let (cw, ch) = (page.content_width(), page.content_height());
        let right = page.width - page.margin_right;
        for p in pictures {
            let s = &p.spec;
            match s.place {
                ImagePlace::Area(ImageArea::TopRight) => {
                    let size = fit_in(
                        &p.picture,
                        s.fit,
                        s.width.of(cw),
                        s.height.map(|h| h.of(ch)),
                    );
                    let y = self.top_right_bottom;
                    let placed = put(p, size, right - size.0.width, y, self.next_figure());
                    self.top_right_width = self
                        .top_right_width
                        .max(size.0.width + self.design.page.column_gap.max(self.gap()));
                    self.top_right_bottom = placed.clip.bottom() + self.gap();
                    self.add(placed);
                }
                ImagePlace::At { x, y } => {
                    let size = fit_in(
                        &p.picture,
                        s.fit,
                        s.width.of(page.width),
                        s.height.map(|h| h.of(page.height)),
                    );
                    self.add(put(p, size, x, y, self.next_figure()));
                }
                _ => {}
            }
        }
    }

    /// Pictures across the text area: under the head (and any top-right
    /// picture), from `top`, and at the foot, the lowest first; then
    /// bottom-right pictures above those at the foot.
    pub(super) fn place_top_and_bottom(&mut self, pictures: &[Placeable], top: Length) {
        let page = &self.design.page;
        let (cw, ch) = (page.content_width(), page.content_height());
        let right = page.width - page.margin_right;
        let mut y = if self.top_right_width > Length::ZERO {
            top.max(self.top_right_bottom)
        } else {
            top
        };
        let below = page.height;
        for area in [ImageArea::Top, ImageArea::Bottom, ImageArea::BottomRight] {
            for p in pictures
                .iter()
                .filter(|p| p.spec.place == ImagePlace::Area(area))
            {
                let s = &p.spec;
                let mut size = fit_in(
                    &p.picture,
                    s.fit,
                    s.width.of(cw),
                    s.height.map(|h| h.of(ch)),
                );
                if let (ImageArea::Top, Some(share)) = (area, page.top_picture_share) {
                    // Made smaller by fitting, to keep the text on its
                    // pages (see `fit::variants`).
                    let height = size.0.height * share;
                    size = fit_in(&p.picture, s.fit, s.width.of(cw), Some(height));
                }
                if area == ImageArea::Top {
                    // A long head (a folded sheet's cover headline, a
                    // deck) may leave less room above the foot's band than
                    // the picture takes: it is made smaller to fit rather
                    // than printed over the band's text, unless that would
                    // shrink it past legibility.
                    let room = self.foot - y;
                    if size.0.height > room && room >= size.0.height * MIN_SQUEEZE {
                        size = fit_in(&p.picture, s.fit, s.width.of(cw), Some(room));
                    }
                }
                let centred = page.margin_left + (cw - size.0.width) / 2.0;
                if area == ImageArea::Top {
                    let placed = put(p, size, centred, y, self.next_figure());
                    y = placed.clip.bottom() + self.gap();
                    self.add(placed);
                    continue;
                }
                let x = if area == ImageArea::Bottom {
                    centred
                } else {
                    right - size.0.width
                };
                let placed = put(p, size, x, self.foot - size.0.height, self.next_figure());
                self.foot = placed.clip.y - self.gap();
                self.add_down_to(placed, below);
            }
        }
    }
}

/// Pictures in the column flow, each a block of one "line" its height,
/// centred in the column.
pub(super) fn column_pictures(
    pictures: &[Placeable],
    design: &Design,
    column: Length,
) -> Vec<BlockLines> {
    let ch = design.page.content_height();
    pictures
        .iter()
        .filter(|p| p.spec.place == ImagePlace::Area(ImageArea::Column))
        .enumerate()
        .map(|(k, p)| {
            let s = &p.spec;
            let size = fit_in(
                &p.picture,
                s.fit,
                s.width.of(column),
                s.height.map(|h| h.of(ch)),
            );
            let height = size.0.height;
            BlockLines {
                header: None,
                lines: vec![ColumnLine {
                    x: (column - size.0.width) / 2.0,
                    leading: height,
                    line: Default::default(),
                    figure: None,
                    picture: Some(put(p, size, Length::ZERO, Length::ZERO, (Part::Body, k))),
                    tag: None,
                }],
                space_before: if k == 0 {
                    Length::ZERO
                } else {
                    picture_gap(design)
                },
                keep_with_next: false,
                widows: 1,
                orphans: 1,
                // It stands at the column's top as it is; the text below
                // goes down to the grid.
                on_grid: false,
            }
        })
        .collect()
}
