//! The head of the leaflet: headline, subtitle and meta lines, set across
//! the text area before the columns, with the headline's size fitted to
//! its line budget, and the headline and subtitle broken by sense in the
//! statement's language `lang`.

mod prepare;

use super::pages::PlacedLine;
use super::tag::{Part, Role, Tag};
use crate::error::{Location, Result, Warning};
use crate::layout::design::{Design, HeadlineSpec};
use crate::statement::document::{Block, BlockKind};
use crate::style::{Align, Weight};
use crate::typeset::fonts::{FaceId, FontBook};
use crate::typeset::line::Line;
use crate::typeset::paragraph::{Paragraph, Setter, TextStyle};
use crate::units::Length;
use prepare::{prepare_headline, prepare_subtitle};

pub(super) use prepare::HEADLINE_STEP_PT;

/// A subtitle's size as a share of the headline's: clearly second in rank,
/// still display type (and never smaller than the body).
pub(super) const SUBTITLE_SCALE: f64 = 0.55;

/// The most of the headline's height a subtitle's lines may take: half,
/// so that it reads second, as a deck, never as a second headline. At
/// its share of the headline's size a long subtitle ("Bürgerversammlung
/// am Donnerstag, 19. März, 19 Uhr, Gemeindezentrum Nordstadt") took four
/// lines of 64pt under the A3 poster's three-line headline of 116pt, a
/// quarter of the page, and the body was set at 14.86pt under it; it now
/// takes three of about 49pt (see `prepare::prepare_subtitle`). Under a
/// headline of one or two lines it may still take [`SUBTITLE_LINES`]; on
/// a folded sheet's cover, which the head fills alone, any.
const SUBTITLE_HEIGHT_SHARE: f64 = 0.5;

/// The lines a subtitle may take at its share of the headline's size
/// whatever the headline's height: a deck of two lines under a headline
/// of one is as newspapers set it ("Сачувајмо парк Липа" over "не дамо
/// последњу зелену површину / у насељу"); held to half a one-line
/// headline, it was set at the body's size.
const SUBTITLE_LINES: f64 = 2.0;

/// A subtitle's leading as a multiple of its size: between the headline's
/// tight display leading and the body's text leading.
const SUBTITLE_LEADING: f64 = 1.2;

/// Leading of the small meta lines (date, organisation) and of the QR
/// code's printed link, as a multiple of their size: small type needs
/// relatively more air to stay legible.
pub(super) const META_LEADING: f64 = 1.3;

/// The head's meta lines (date, organisation, tags) are set no smaller
/// than this share of the body: small and gray, a step below the text,
/// but read from where the text is. A layout's 8.5pt under a short
/// notice's 24pt body, or its 18pt under a poster's 56pt, read as the
/// fine print of a contract; half the body is still clearly second.
const META_UNDER_BODY: f64 = 0.5;

/// How far the meta lines follow a headline grown past its layout's size
/// on a folded sheet's cover (the A4 tri-fold's 24pt up to 48pt, see
/// `fit::by_layout::on_spread`) or to fill a page (see `fill`): as the
/// square root of its growth, so the
/// date and the organisation under a title twice as large are set 1.41
/// times as large (8.5pt to 12pt), where at 8.5pt they read as fine print
/// under it, and still a step below: halfway, on the type scale, between
/// not growing and growing with the title.
pub(super) const META_WITH_GROWN_HEADLINE: f64 = 0.5;

/// The least white between the ink of a headline or subtitle and the ink
/// of the block under it, as a share of the display type's size: a
/// layout's space after is measured from the baseline, and a descender
/// of 120pt type reaches into it ("Reparaturen" over the date line on
/// the A3 poster came within 1.3mm). A tenth of the size is a visible
/// step at every size, still close enough that the date reads as the
/// headline's.
const HEAD_INK_GAP: f64 = 0.1;

/// The first baseline below the top margin, as a share of the first line's
/// size: about the height of its capitals and ascenders, so that the
/// headline's tops, not its baseline, line up with the margin.
const FIRST_BASELINE: f64 = 0.95;

/// The most of the page's height, from the top margin down to the foot
/// (the bottom margin, or a band), a headline may take above columns of
/// text: a headline longer than its layout was made for ("Statement of
/// the Central Committee on the occasion of …", forty words at the A2
/// poster's 120pt) is set smaller until it does. The samples' headlines
/// take at most 31% on the posters; at more than this a poster is all
/// headline and its text is squeezed into the last third, or runs off it.
pub(super) const HEADLINE_MAX_SHARE: f64 = 0.4;

/// The smallest a headline is set to keep within [`HEADLINE_MAX_SHARE`],
/// as a multiple of the layout's body size: still clearly display type
/// above the text.
const HEADLINE_MIN_OVER_BODY: f64 = 1.5;

/// How many smaller sizes a headline too tall for its page is tried at:
/// each step aims at the budget directly (a headline's height goes as
/// the square of its size), so two or three do it.
const HEADLINE_SHRINK_STEPS: usize = 8;

/// The head placed.
pub(super) struct Head {
    /// Its lines.
    pub(super) lines: Vec<PlacedLine>,
    /// The y where the body starts.
    pub(super) body_top: Length,
    /// Where the head ends: the last baseline and the space after it (the
    /// top margin without a head).
    pub(super) end: Length,
    /// The headline was set smaller than its layout's size (or the size
    /// a fill trial gave it) to keep within [`HEADLINE_MAX_SHARE`].
    pub(super) shrunk: bool,
}

/// Sets the head as [`set_head_at`] does, with its headline at most
/// `share` of `room` (the height from the top margin to the foot) tall
/// and the whole head within `room`: a headline too long for that at
/// its layout's size is set smaller, by sense still, down to
/// [`HEADLINE_MIN_OVER_BODY`] times the body size, with a warning.
pub(super) fn set_head(
    setter: &mut Setter,
    blocks: &[Block],
    design: &Design,
    width: Length,
    room: Length,
    share: f64,
    lang: &str,
) -> Result<Head> {
    // What setting the head warns of (a fitted headline's lines, a word
    // too wide) is of the setting kept: a retry's replace the first's.
    let warned = setter.warnings.len();
    let head = set_head_at(setter, blocks, design, width, lang)?;
    let Some(headline) = blocks.first().filter(|b| b.kind == BlockKind::Headline) else {
        return Ok(head);
    };
    let top = design.page.margin_top;
    let budget = room * share;
    let too_tall = |head: &Head| {
        let title = head
            .lines
            .iter()
            .filter(|l| l.is_title())
            .map(|l| l.baseline - top)
            .fold(Length::ZERO, Length::max);
        (title > budget || head.end - top > room).then_some(title)
    };
    let Some(mut height) = too_tall(&head) else {
        return Ok(head);
    };
    let first_size = title_size(&head.lines).unwrap_or(design.headline.size);
    // Never larger than it was: a headline the layout sets small (the A6
    // handout's) is not the one to shrink.
    let floor = (design.body.size * HEADLINE_MIN_OVER_BODY).min(first_size);
    let at = Location::line(setter.origin, headline.line);
    let mut size = first_size;
    let mut head = head;
    for _ in 0..HEADLINE_SHRINK_STEPS {
        if size <= floor {
            break;
        }
        let aim = size * (budget / height.max(Length::pt(1.0))).sqrt();
        let grid = (aim.to_pt() / HEADLINE_STEP_PT).floor() * HEADLINE_STEP_PT;
        size = Length::pt(grid)
            .min(size - Length::pt(HEADLINE_STEP_PT))
            .max(floor);
        let smaller = Design {
            headline: HeadlineSpec {
                size,
                leading: design.headline.leading * (size / design.headline.size),
                fit: None,
                ..design.headline.clone()
            },
            ..design.clone()
        };
        setter.warnings.truncate(warned);
        head = set_head_at(setter, blocks, &smaller, width, lang)?;
        head.shrunk = true;
        match too_tall(&head) {
            Some(h) => height = h,
            None => {
                setter.warnings.push(Warning {
                    at,
                    message: format!(
                        "the headline is too long to take less than {:.0}% of the page at \
                         {first_size}; set at {size} so that the text has room",
                        share * 100.0,
                    ),
                });
                return Ok(head);
            }
        }
    }
    // A head taller than the page even so is left as it is: a fitting
    // trial with a smaller body (and so a smaller floor) may hold it, and
    // if none does, the check of the finished pages names the headline.
    setter.warnings.push(Warning {
        at,
        message: format!(
            "the headline takes {:.0}% of the page even at {size}: a shorter headline leaves \
             the text more room",
            height / room * 100.0
        ),
    });
    Ok(head)
}

/// The size of the headline's lines in a placed head.
fn title_size(head: &[PlacedLine]) -> Option<Length> {
    head.iter()
        .find(|l| l.is_title())
        .and_then(|l| l.line.runs.first())
        .map(|r| r.size)
}

/// Sets the headline, subtitle and meta lines across `width` (the text
/// area's width, less a logo in the top-right corner), the headline and
/// subtitle broken by sense for the language `lang`. Returns the placed
/// head.
fn set_head_at(
    setter: &mut Setter,
    blocks: &[Block],
    design: &Design,
    width: Length,
    lang: &str,
) -> Result<Head> {
    let page = &design.page;
    let mut placed = Vec::new();
    let mut y = page.margin_top;
    let mut first = true;
    // The headline's size: the layout's, or the one fitting chose.
    let mut headline_size = design.headline.size;
    // And its height, lines times leading, once it is set.
    let mut headline_height = None;
    // The display block just placed: its last baseline, how far its ink
    // reaches below it, and its size (see `HEAD_INK_GAP`).
    let mut above: Option<(Length, Length, Length)> = None;
    for (k, block) in blocks.iter().enumerate() {
        let last_meta = !matches!(blocks.get(k + 1).map(|b| &b.kind), Some(BlockKind::Meta));
        let HeadBlock {
            style,
            leading,
            space_after,
            prepared,
        } = head_block(
            setter,
            block,
            design,
            width,
            (headline_size, headline_height),
            last_meta,
            lang,
        )?;
        if block.kind == BlockKind::Headline {
            headline_size = style.size;
        }
        let p = match prepared {
            Some(p) => p,
            None => setter.prepare(&block.spans, &style, block.line)?,
        };
        // A meta line that wraps (a clipping's tag list) is balanced too, so
        // that no word is left alone on its last line.
        let measure = match block.kind {
            BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta => {
                setter.balanced_measure(&p, width)
            }
            _ => width,
        };
        let shift = match style.align {
            Align::Center => (width - measure) / 2.0,
            Align::Right => width - measure,
            _ => Length::ZERO,
        };
        let mut reach = FallbackReach::new(setter, &style)?;
        let mut extra_depth = Length::ZERO;
        let lines = setter.set(&p, &[measure]);
        let count = lines.len();
        if block.kind == BlockKind::Headline {
            headline_height = Some(leading * count as f64);
        }
        for (n, line) in lines.into_iter().enumerate() {
            y += reach.step(&line, setter.fonts, first, leading);
            first = false;
            if let (0, Some((baseline, below, size))) = (n, above) {
                let ink_top = line
                    .ink_of(setter.fonts, |_| true)
                    .map_or(Length::ZERO, |i| i.0);
                y = y.max(baseline + below + size * HEAD_INK_GAP + ink_top);
            }
            above = (n + 1 == count && block.kind != BlockKind::Meta).then(|| {
                let below = line
                    .ink_of(setter.fonts, |_| true)
                    .map_or(Length::ZERO, |i| i.1);
                (y, below, style.size)
            });
            extra_depth = reach.below_descender(&line, setter.fonts);
            let role = match block.kind {
                BlockKind::Headline => Role::Title,
                _ => Role::Paragraph,
            };
            placed.push(PlacedLine {
                x: page.margin_left + shift,
                baseline: y,
                line,
                figure: None,
                tag: Some(Tag::new(role, Part::Head, k).in_lang(block.lang.as_ref())),
            });
        }
        // Space after applies before the next block's first line.
        y += space_after + extra_depth;
    }
    if placed.is_empty() {
        return Ok(Head {
            lines: placed,
            body_top: page.margin_top,
            end: page.margin_top,
            shrunk: false,
        });
    }
    // The body's first baseline comes `top_skip` below this point.
    Ok(Head {
        lines: placed,
        body_top: y + design.body.leading - design.body.size,
        end: y,
        shrunk: false,
    })
}

/// What glyphs of fallback faces in a head block reach beyond its own
/// font. The layout's spacing is made for its own font: a line set partly
/// from a face that reaches higher or deeper (a shadda, the tail of ق,
/// Naskh's dots under the line below a Latin display face's descenders)
/// moves its neighbours apart by the difference, or they touch.
struct FallbackReach {
    /// The block's own face.
    own: FaceId,
    /// Its ascender and descender depth at the block's size.
    height: Length,
    depth: Length,
    /// The first baseline below the block's top at its size.
    first_baseline: Length,
    /// How far the previous line's fallback glyphs reached below the own
    /// descender.
    deeper: Length,
}

impl FallbackReach {
    fn new(setter: &mut Setter, style: &TextStyle) -> Result<FallbackReach> {
        let own = setter.face_for(style, Default::default())?;
        let face = setter.fonts.face(own);
        Ok(FallbackReach {
            own,
            height: style.size * face.ascender,
            depth: style.size * -face.descender,
            first_baseline: style.size * FIRST_BASELINE,
            deeper: Length::ZERO,
        })
    }

    /// How far below the previous baseline (the block's top for the
    /// `first` line) `line`'s baseline goes: the leading (the height of
    /// the tallest letters for the first), and more by what the glyphs
    /// of fallback faces on this line and the one above really draw
    /// (their outlines) beyond the own font.
    fn step(&mut self, line: &Line, fonts: &FontBook, first: bool, leading: Length) -> Length {
        let (above, below) = line
            .ink_of(fonts, |f| f != self.own)
            .unwrap_or((Length::ZERO, Length::ZERO));
        let step = if first {
            self.first_baseline.max(above)
        } else {
            leading + self.deeper + (above - self.height).max(Length::ZERO)
        };
        self.deeper = (below - self.depth).max(Length::ZERO);
        step
    }

    /// How far the faces of `line` descend below the own font's descender
    /// (by their metrics): what the space after the block grows by.
    fn below_descender(&self, line: &Line, fonts: &FontBook) -> Length {
        let depth = line
            .runs
            .iter()
            .map(|r| r.size * -fonts.face(r.face).descender)
            .fold(Length::ZERO, Length::max);
        (depth - self.depth).max(Length::ZERO)
    }
}

/// One block of the head, styled: its type, leading, the space after it,
/// and the headline already prepared at its fitted size.
struct HeadBlock {
    style: TextStyle,
    leading: Length,
    space_after: Length,
    prepared: Option<Paragraph>,
}

/// The style of a head block: the headline (fitted to `width`, broken by
/// sense in `lang`), a subtitle scaled from the headline's
/// `headline_size` and no taller than [`SUBTITLE_HEIGHT_SHARE`] of its
/// `headline_height` (when set), or a meta line (space after only below
/// the last of them).
fn head_block(
    setter: &mut Setter,
    block: &Block,
    design: &Design,
    width: Length,
    (headline_size, headline_height): (Length, Option<Length>),
    last_meta: bool,
    lang: &str,
) -> Result<HeadBlock> {
    let hs = &design.headline;
    Ok(match block.kind {
        BlockKind::Headline => {
            let style = TextStyle::display(
                hs.font.clone(),
                hs.weight == Weight::Bold,
                hs.size,
                hs.color,
                hs.align,
            );
            let (p, size) = prepare_headline(setter, block, &style, width, hs.fit, lang)?;
            HeadBlock {
                style: TextStyle { size, ..style },
                // Leading keeps its proportion to the size.
                leading: hs.leading * (size / hs.size),
                space_after: hs.space_after,
                prepared: Some(p),
            }
        }
        BlockKind::Subtitle => {
            let size = hs
                .subtitle_size
                .unwrap_or(headline_size * SUBTITLE_SCALE)
                .max(design.body.size);
            let style = TextStyle::display(hs.font.clone(), false, size, hs.color, hs.align);
            // Lines times size, as the leading keeps its proportion. Not
            // on a folded sheet's cover, where the head stands alone and
            // is grown to fill it, nor at a size given (the two halves of
            // a pair share theirs, see `pair`).
            let most = headline_height
                .filter(|_| design.page.fold.is_none() && hs.subtitle_size.is_none())
                .map(|h| (h * SUBTITLE_HEIGHT_SHARE / SUBTITLE_LEADING).max(size * SUBTITLE_LINES));
            let (p, size) =
                prepare_subtitle(setter, block, &style, width, (design.body.size, most), lang)?;
            HeadBlock {
                style: TextStyle { size, ..style },
                // Leading keeps its proportion to the size.
                leading: size * SUBTITLE_LEADING,
                space_after: hs.space_after,
                prepared: Some(p),
            }
        }
        _ => {
            let ms = &design.meta;
            let grown = match hs.fit {
                Some(f) if f.growth_only => (headline_size / hs.size).max(1.0),
                _ => 1.0,
            };
            let size = (ms.size * grown.powf(META_WITH_GROWN_HEADLINE))
                .max(design.body.size * META_UNDER_BODY);
            HeadBlock {
                style: TextStyle::display(ms.font.clone(), false, size, ms.color, hs.align),
                leading: size * META_LEADING,
                // The space keeps its proportion to the size.
                space_after: if last_meta {
                    ms.space_after * (size / ms.size)
                } else {
                    Length::ZERO
                },
                prepared: None,
            }
        }
    })
}
