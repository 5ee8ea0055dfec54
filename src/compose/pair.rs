//! Two-language leaflets: one statement and its translation on one sheet,
//! front and back, or side by side on a poster.
//!
//! Each side is a whole composition of its own statement, in its own
//! language (hyphenation, shaping, quotation marks), with its own headline,
//! meta line, band, pictures and tail. Nothing of one side's setting leaks
//! into the other's but the body size: a pair is set at one size, the
//! largest at which both texts fit their side, so that neither language
//! looks like the poor relation. The longer text decides; both are set
//! again at that size, with the layout's headline and spacing: neither is
//! filled out to its page, which would make it the louder side.
//!
//! The size is one the eye sees, not one in points: a side in Arabic
//! script has its type set larger by its fonts' optical scale (see
//! `compose/optical.rs`), as its letters are drawn small on their body.
//! The subtitles share a size as well, the smaller side's (see
//! `even_subtitles`). On a poster, one more thing passes between the
//! halves: a headline takes no more lines than the other half's where its
//! text allows (see `even_headlines`).
//!
//! As each side is composed as a document alone, a right-to-left side is
//! composed right to left by the same call once composition knows how.

use super::baseline::BaselineGrid;
use super::fit::scaled;
use super::headline::SUBTITLE_SCALE;
use super::optical::Scales;
use super::pages::{Page, PlacedLine, Rule};
use super::tag::Part;
use super::tools::{Budget, Tools};
use super::{compose_in, ComposeOptions, Composed, Fitting};
use crate::error::{Error, Location, Note, Result, Warning};
use crate::layout::design::{Arrangement, Design, HeadlineFit, Overflow};
use crate::statement::document::Document;
use crate::typeset::fonts::FontBook;
use crate::units::Length;

/// The space between the halves of a poster, as a multiple of the
/// layout's column gap: twice the gap between columns of one text, so that
/// the halves read as two texts, not as two columns of one.
const HALF_GUTTER_GAPS: f64 = 2.0;

/// The rule between the halves of a poster: thin, as the gutter already
/// parts them; the rule only says that they are two, not one.
const HALF_RULE_PT: f64 = 0.75;

/// A poster half's headline may be set this much smaller than the
/// layout's `min-size` for its headline: the half has half the measure,
/// and at half the size a line holds the words a full-width line would.
/// Without it a long headline at a full poster's smallest size breaks
/// its words without a hyphen to fit half the width. A little under half,
/// as a translation runs longer than its original: the French "Réparez
/// nos logements avant d'augmenter nos loyers" takes four lines of an A2
/// half at 57pt, 5% under half the layout's 120pt, and five above it.
const HALF_HEADLINE_MIN: f64 = 0.45;

/// The most lines a poster half's headline takes when the layout sets
/// its headline at one size: at half the width a headline written for the
/// full one needs more lines, and four still read as one block above the
/// text; more would push the text down the half.
const HALF_HEADLINE_LINES: u32 = 4;

/// One side: a statement read for composing, and how to compose it.
pub struct Side<'a> {
    /// The statement.
    pub doc: &'a Document,
    /// Its language, name and pictures.
    pub opts: &'a ComposeOptions,
}

/// The pair, composed.
pub struct ComposedPair {
    /// Side one's page then side two's ([`Arrangement::Sides`]), or the
    /// one page that holds both ([`Arrangement::Columns`]).
    pub pages: Vec<Page>,
    /// The fonts both sides use.
    pub fonts: FontBook,
    /// Both sides' warnings, side one's first.
    pub warnings: Vec<Warning>,
    /// Both sides' notes, side one's first.
    pub notes: Vec<Note>,
    /// Each side's language.
    pub langs: [String; 2],
    /// Side one's body size. Side two's is the same, or larger by its
    /// optical scale when only it is in Arabic script.
    pub body_size: Length,
    /// How far down its page (or half) the fuller side's text reaches, as
    /// [`Composed::fill`]; 1 when a side takes more than one page.
    pub fill: f64,
}

/// "one" or "two", for messages.
fn ordinal(side: usize) -> &'static str {
    if side == 0 {
        "one"
    } else {
        "two"
    }
}

/// Sets `sides` on the paper of `design` as its `[pair] arrangement`
/// says, both at the one body size at which both fit their side.
pub fn compose_pair(sides: [Side; 2], design: &Design) -> Result<ComposedPair> {
    if let Some(fold) = design.page.fold {
        return Err(folded(fold.panels(), &sides[0].opts.layout));
    }
    let designs = match design.pair {
        Arrangement::Sides => [one_page(design), one_page(design)],
        Arrangement::Columns => [half(design, 0), half(design, 1)],
    };
    let (mut designs, scales, [mut one, mut two]) = each_alone(&sides, designs)?;
    let mut fonts = std::mem::take(&mut two.fonts);
    if design.pair == Arrangement::Columns {
        fonts = even_headlines(&sides, &mut designs, [&mut one, &mut two], fonts)?;
    }
    even_subtitles(&mut designs, [&one, &two], &scales);
    let (sizes, decider, columns) = shared_size(&designs, [&one, &two], &scales);
    let fonts = set_again(
        &sides,
        &designs,
        (sizes, decider, columns),
        [&mut one, &mut two],
        fonts,
    )?;
    // Side two's elements are its own, read after side one's: its ids
    // would otherwise join side one's headline and paragraphs.
    for page in &mut two.pages {
        page.mark_side(1);
    }
    let mut warnings = one.warnings;
    warnings.extend(two.warnings);
    let mut notes = one.notes;
    notes.extend(two.notes);
    // A note for the side set larger than the other by its scale (none
    // when both are scaled alike: Arabic beside Persian).
    for i in (0..2).filter(|&i| scales[i].body() > scales[1 - i].body()) {
        notes.push(scaled_side_note(i, sizes, &scales, &sides[i].opts.origin));
    }
    let fill = if one.pages.len() == 1 && two.pages.len() == 1 {
        one.fill.max(two.fill)
    } else {
        1.0
    };
    let pages = arranged(
        design,
        [one.pages, two.pages],
        (&designs[0], sizes, columns),
    );
    Ok(ComposedPair {
        pages,
        fonts,
        warnings,
        notes,
        langs: [one.lang, two.lang],
        body_size: sizes[0],
        fill,
    })
}

/// Each side fitted alone on its half or page (`designs`), with its
/// optical scale: the designs they were set by, the scales, and the two
/// settings, side two's holding the fonts.
fn each_alone(
    sides: &[Side; 2],
    designs: [Design; 2],
) -> Result<([Design; 2], [Scales; 2], [Composed; 2])> {
    // Both sides' fonts go into one book, handed from composition to
    // composition: faces are only ever added, so each side's stay valid.
    // A side in Arabic script gets its type larger, so that the size the
    // two share is one the eye sees (see `optical`).
    let mut fonts = FontBook::new();
    let mut scales = [Scales::SAME; 2];
    for i in 0..2 {
        (scales[i], fonts) = Scales::of(sides[i].doc, &designs[i], sides[i].opts, fonts)?;
    }
    let larger = [0, 1].map(|i| scales[i].apply(&designs[i]));
    // At the smallest body size a scaled side's headline and headings are
    // still larger than the layout's: a pair that fits only without them
    // is set as the layout says, both sides alike, as before sides were
    // scaled. The fonts are lent, so that a failed try loses none.
    match compose_both(sides, &larger, fonts.clone()) {
        Ok((one, two)) => Ok((larger, scales, [one, two])),
        Err(Error::Typeset { .. }) if scales != [Scales::SAME; 2] => {
            let (one, two) = compose_both(sides, &designs, fonts)?;
            Ok((designs, [Scales::SAME; 2], [one, two]))
        }
        Err(e) => Err(e),
    }
}

/// The body size each side of `settings` is set at, the side that
/// decides them, and its columns.
fn shared_size(
    designs: &[Design; 2],
    settings: [&Composed; 2],
    scales: &[Scales; 2],
) -> ([Length; 2], usize, u32) {
    // Sizes as the eye sees them: a scaled side's over its scale.
    let seen = [0, 1].map(|i| settings[i].body_size / scales[i].body());
    // The side set at the smaller decides it (side one, when both are).
    let decider = usize::from(seen[1] < seen[0]);
    // Each side's body size: the size seen, times its scale, but never
    // below the layout's smallest. Where a scaled side fits only at its
    // smallest, the other is set there too: the pair then shares a point
    // size, as it would without scales. Each size is at most the one the
    // side fitted alone, so each still fits.
    let sizes: [Length; 2] = std::array::from_fn(|i| {
        let floor = designs[i].body.fit.map_or(Length::ZERO, |f| f.min_size);
        (seen[decider] * scales[i].body()).max(floor)
    });
    (sizes, decider, settings[decider].columns)
}

/// Both `settings` set again at their `sizes`, in the `decider`'s
/// `columns` (at that size filling may have found one column across the
/// page more legible than the layout's two), and neither filled out: a
/// short text's filling (a larger headline, more space between
/// paragraphs) would make one side the louder, and two short texts grow
/// their headlines by different amounts. Returns the fonts.
fn set_again(
    sides: &[Side; 2],
    designs: &[Design; 2],
    (sizes, decider, columns): ([Length; 2], usize, u32),
    settings: [&mut Composed; 2],
    mut fonts: FontBook,
) -> Result<FontBook> {
    for (i, composed) in settings.into_iter().enumerate() {
        let design = pinned(&designs[i], sizes[i], columns);
        if i == decider {
            // Its own fitting may have needed a closer-set tail or a
            // smaller headline to fit at this size: then it stays as
            // fitted. The fonts are lent, so that a failed try loses none.
            if let Some(plain) = plain_setting(&sides[i], &design, fonts.clone())? {
                *composed = plain;
                fonts = std::mem::take(&mut composed.fonts);
            }
        } else {
            *composed = compose_side(i, &sides[i], &design, fonts)?;
            fonts = std::mem::take(&mut composed.fonts);
        }
    }
    Ok(fonts)
}

/// The two sides' pages as the layout arranges them: side one's then
/// side two's, or each side one half of one page, their grids levelled
/// when they share a size (`first` is side one's design, which set at
/// `sizes[0]` in `columns` gives that grid).
fn arranged(
    design: &Design,
    mut halves: [Vec<Page>; 2],
    (first, sizes, columns): (&Design, [Length; 2], u32),
) -> Vec<Page> {
    match design.pair {
        Arrangement::Sides => {
            let [one, two] = halves;
            one.into_iter().chain(two).collect()
        }
        Arrangement::Columns => {
            // Halves set at different sizes have lines of different
            // heights: each stays on its own grid.
            if (sizes[0] - sizes[1]).to_pt().abs() < LEVEL_PT {
                level_grids(&pinned(first, sizes[0], columns), &mut halves);
            }
            let [left, right] = halves;
            vec![side_by_side(design, left, right)]
        }
    }
}

/// The note for side `i`, set larger than the other by its scale (see
/// `optical`): at what size, and whether the page had room for all of it.
fn scaled_side_note(i: usize, sizes: [Length; 2], scales: &[Scales; 2], origin: &str) -> Note {
    let other = sizes[1 - i];
    let wanted = scales[i].body() / scales[1 - i].body();
    // Unless a floor held a side up, the sizes are in that ratio
    // exactly (but for rounding).
    let fits = sizes[i] / other > wanted - 1e-6;
    Note {
        at: Location::file(origin.to_string()),
        message: format!(
            "side {} is in Arabic script, whose letters are drawn small on their body: \
             it is set at {} beside side {}'s {other}{}",
            ordinal(i),
            sizes[i],
            ordinal(1 - i),
            if fits {
                ", so that both look the same size".to_string()
            } else {
                format!(
                    "; {wanted:.2} times as large would look the same size, but the page \
                     has no room for that above the layout's min-size"
                )
            }
        ),
    }
}

/// The error for a pair on a folded layout (`layout`, of `panels`
/// panels).
fn folded(panels: usize, layout: &str) -> Error {
    // A folded sheet's panels are one text read in a fixed order, the
    // cover on the outside: one language would get the cover and the
    // other the inside, never the equal sides a pair is for.
    Error::Layout {
        at: Location::file(layout.to_string()),
        message: format!(
            "a folded leaflet ({} panels read in one order) cannot carry two languages \
             as equals; use --layout a4-leaflet or a5-flyer (one language on each \
             side of the sheet), or a poster layout (side by side)",
            panels
        ),
    }
}

/// Both sides composed, each in its design, with the fonts handed from
/// one to the other (two's hold both).
fn compose_both(
    sides: &[Side; 2],
    designs: &[Design; 2],
    fonts: FontBook,
) -> Result<(Composed, Composed)> {
    let mut one = compose_side(0, &sides[0], &designs[0], fonts)?;
    let two = compose_side(1, &sides[1], &designs[1], std::mem::take(&mut one.fonts))?;
    Ok((one, two))
}

/// Gives a poster half whose headline takes more lines than the other
/// half's that many lines at most, as a designer sets the two headlines
/// to one shape: the half is fitted again with that line budget for its
/// headline, which then comes out smaller. The pair's water sample set
/// its Arabic headline in four lines beside three English ones on the A2
/// and Tabloid posters ("… / في حيّ / النزهة", a name split from the noun
/// it belongs to); in three it keeps "في حيّ النزهة" whole. Done before
/// the pair's size is chosen, so the room the smaller headline leaves
/// goes to the text. The half stays as it was when its text does not fit
/// that way. Returns the fonts, with any the new setting used.
fn even_headlines(
    sides: &[Side; 2],
    designs: &mut [Design; 2],
    settings: [&mut Composed; 2],
    fonts: FontBook,
) -> Result<FontBook> {
    let counts = [&*settings[0], &*settings[1]].map(headline_lines);
    let more = usize::from(counts[1] > counts[0]);
    let fewer = counts[1 - more];
    if counts[more] <= fewer || fewer == 0 {
        return Ok(fonts);
    }
    let mut design = designs[more].clone();
    let Some(fit) = design.headline.fit.as_mut() else {
        return Ok(fonts);
    };
    fit.max_lines = fewer as u32;
    match plain_setting(&sides[more], &design, fonts.clone())? {
        Some(mut even) if headline_lines(&even) <= fewer => {
            let fonts = std::mem::take(&mut even.fonts);
            let [one, two] = settings;
            *(if more == 0 { one } else { two }) = even;
            designs[more] = design;
            Ok(fonts)
        }
        _ => Ok(fonts),
    }
}

/// Gives both sides the smaller of their subtitles' sizes, as the eye
/// sees them. A subtitle is scaled from its own side's headline, and a
/// short headline is set the larger: "No more evictions" over an English
/// half made its subtitle five lines of display type beside the Spanish
/// half's two, the louder side by far.
fn even_subtitles(designs: &mut [Design; 2], settings: [&Composed; 2], scales: &[Scales; 2]) {
    let seen =
        [0, 1].map(|i| head_size(settings[i]).map(|h| h * SUBTITLE_SCALE / scales[i].headline()));
    let [Some(one), Some(two)] = seen else {
        return;
    };
    let shared = one.min(two);
    for i in 0..2 {
        designs[i].headline.subtitle_size = Some(shared * scales[i].headline());
    }
}

/// A side's head lines.
fn head_lines(side: &Composed) -> impl Iterator<Item = &PlacedLine> {
    side.pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.tag.as_ref().is_some_and(|t| t.element.part == Part::Head))
}

/// The size of a line's first run: its type size.
fn line_size(l: &PlacedLine) -> Length {
    l.line.runs.first().map_or(Length::ZERO, |r| r.size)
}

/// The largest type of a side's head: its headline's size.
fn head_size(side: &Composed) -> Option<Length> {
    head_lines(side).map(line_size).reduce(Length::max)
}

/// How many lines a side's headline takes: its head lines in the largest
/// type.
fn headline_lines(side: &Composed) -> usize {
    let Some(largest) = head_size(side) else {
        return 0;
    };
    head_lines(side).filter(|l| line_size(l) == largest).count()
}

/// The side set in `design` as it is, when that fits its one page.
fn plain_setting(side: &Side, design: &Design, fonts: FontBook) -> Result<Option<Composed>> {
    match compose_in(side.doc, design, side.opts, None, fonts) {
        Ok(Fitting::Set(composed)) if composed.pages.len() == 1 => Ok(Some(*composed)),
        Ok(_) | Err(Error::Typeset { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Composes side `i` on its page with the fonts so far, or says which side
/// does not fit and by how much.
fn compose_side(i: usize, side: &Side, design: &Design, fonts: FontBook) -> Result<Composed> {
    let composed = match compose_in(side.doc, design, side.opts, None, fonts) {
        Ok(Fitting::Set(composed)) => *composed,
        // Only `--fit` asks for an answer instead of an error.
        Ok(Fitting::Over(message)) => {
            return Err(Error::Typeset {
                at: Location::file(side.opts.origin.clone()),
                message,
            })
        }
        Err(e @ Error::Typeset { .. }) => {
            return Err(match overflow(i, side, design)? {
                Some(over) => over,
                None => e,
            })
        }
        Err(e) => return Err(e),
    };
    if composed.pages.len() > 1 {
        // A layout that does not fit its body size sets it at `size`.
        return Err(
            overflow(i, side, design)?.unwrap_or_else(|| Error::Typeset {
                at: Location::file(side.opts.origin.clone()),
                message: format!(
                    "side {} of the two-language leaflet takes {} pages; each language has one",
                    ordinal(i),
                    composed.pages.len()
                ),
            }),
        );
    }
    Ok(composed)
}

/// The error for side `i` when its text overflows its page even at the
/// smallest size the layout allows: by how many lines. `None` when it
/// does not overflow there (the error was another).
fn overflow(i: usize, side: &Side, design: &Design) -> Result<Option<Error>> {
    let smallest = design.body.fit.map_or(design.body.size, |f| f.min_size);
    let mut tools = Tools::new(
        design,
        side.opts,
        &mut Vec::new(),
        FontBook::new(),
        side.doc,
    );
    let trial = tools.compose_once(
        side.doc,
        &scaled(design, smallest),
        side.opts,
        Budget::All,
        super::tail::Tail::Full,
    )?;
    let over: usize = trial.pages.iter().skip(1).map(|p| p.lines.len()).sum();
    if over == 0 {
        return Ok(None);
    }
    Ok(Some(Error::Typeset {
        at: Location::file(side.opts.origin.clone()),
        message: format!(
            "side {} of the two-language leaflet does not fit its {} even at {smallest}: \
             it overflows by {over} line{}; both languages are set at one size, so shorten \
             this text, or use a larger layout",
            ordinal(i),
            match design.pair {
                Arrangement::Sides => "page",
                Arrangement::Columns => "half of the page",
            },
            if over == 1 { "" } else { "s" }
        ),
    }))
}

/// The design for one side of a sheet: the layout's, but never more than
/// its one page (the other side belongs to the other language).
fn one_page(design: &Design) -> Design {
    let mut d = design.clone();
    if let Some(fit) = d.body.fit.as_mut() {
        fit.overflow = Overflow::Error;
    }
    d
}

/// The gutter between the halves of a poster.
fn gutter(design: &Design) -> Length {
    design.page.column_gap * HALF_GUTTER_GAPS
}

/// The design for half `i` (0 left, 1 right) of a poster: a page half as
/// wide, the outer margin the layout's and the inner one half the gutter,
/// with half the columns (at least one), as each half holds half the text.
fn half(design: &Design, i: usize) -> Design {
    let mut d = one_page(design);
    let page = &mut d.page;
    page.width = design.page.width / 2.0;
    let inner = gutter(design) / 2.0;
    if i == 0 {
        page.margin_right = inner;
    } else {
        page.margin_left = inner;
    }
    page.columns = (design.page.columns / 2).max(1);
    // Even a half of one column has a neighbour: the other half.
    page.beside = true;
    // The headline is fitted to the half's width: a size made for the
    // full width would break its words.
    let fit = d.headline.fit.get_or_insert(HeadlineFit {
        min_size: design.headline.size,
        max_size: design.headline.size,
        max_lines: HALF_HEADLINE_LINES,
        growth_only: false,
    });
    fit.min_size = fit.min_size * HALF_HEADLINE_MIN;
    d
}

/// `design` with its body set at exactly `size` in `columns`, without
/// fitting, so without filling out: the shorter text ends higher on its
/// page instead of getting a larger headline and more space.
fn pinned(design: &Design, size: Length, columns: u32) -> Design {
    let mut d = scaled(design, size);
    d.body.fit = None;
    d.page.columns = columns;
    d
}

/// Baselines closer than this, in points, are level: far below what an
/// eye or a printer can tell, above the rounding of sums of lengths.
const LEVEL_PT: f64 = 0.01;

/// The body of a poster half: its text, in the column flow, and the QR
/// code after it; not the headline, meta line or band.
fn in_body(line: &PlacedLine) -> bool {
    line.tag
        .as_ref()
        .is_none_or(|t| matches!(t.element.part, Part::Body | Part::Tail))
}

/// Puts the body lines of both halves of a poster on one grid: each half
/// is set on its own grid, which starts at its first body line, below its
/// own headline, and an Arabic headline is taller than an English one. So
/// one half's body goes down by what its grid is off the other's (less
/// than a line), as a designer adds space under the shorter headline: the
/// half with the room for it, the smaller move first. Headlines stay level
/// at the top. A half with pictures, or one too full for the move, stays
/// as it is: a picture is placed by the flow, and moving text beside it
/// could bring the two together.
fn level_grids(design: &Design, halves: &mut [Vec<Page>; 2]) {
    let Some(grid) = BaselineGrid::of(design) else {
        return;
    };
    let step = grid.step();
    let first_body = |pages: &[Page]| {
        pages
            .first()?
            .lines
            .iter()
            .filter(|l| in_body(l))
            .map(|l| l.baseline)
            .reduce(Length::min)
    };
    let (Some(a), Some(b)) = (first_body(&halves[0]), first_body(&halves[1])) else {
        return;
    };
    // How far the left half's grid is above the right's, within a line.
    let off = (b - a).to_pt().rem_euclid(step.to_pt());
    if off < LEVEL_PT || step.to_pt() - off < LEVEL_PT {
        return;
    }
    let page = &design.page;
    let mut order = [(0, Length::pt(off)), (1, step - Length::pt(off))];
    order.sort_by(|x, y| x.1.to_pt().total_cmp(&y.1.to_pt()));
    for (side, by) in order {
        let Some(half) = halves[side].first_mut() else {
            continue;
        };
        if !half.pictures.is_empty() {
            continue;
        }
        // The lowest baseline the half's text may take: above the foot
        // margin, and a line clear of a band at the foot.
        let foot = half
            .fills
            .iter()
            .map(|f| f.rect.y - design.body.leading)
            .fold(page.height - page.margin_bottom, Length::min);
        let lowest = half
            .lines
            .iter()
            .filter(|l| in_body(l))
            .map(|l| l.baseline)
            .reduce(Length::max);
        if lowest.is_some_and(|y| y + by <= foot) {
            for l in half.lines.iter_mut().filter(|l| in_body(l)) {
                l.baseline += by;
            }
            return;
        }
    }
}

/// One page holding the left half's page and the right half's, the rule
/// between them down the text area, stopping above any fill (a band) at
/// the foot.
fn side_by_side(design: &Design, left: Vec<Page>, right: Vec<Page>) -> Page {
    let page = &design.page;
    let mut out = Page {
        width: page.width,
        height: page.height,
        ..Page::default()
    };
    for p in left {
        out.place(p, Length::ZERO, Length::ZERO);
    }
    for p in right {
        out.place(p, page.width / 2.0, Length::ZERO);
    }
    let foot = out
        .fills
        .iter()
        .map(|f| f.rect.y - design.body.leading)
        .fold(page.height - page.margin_bottom, Length::min);
    let x = page.width / 2.0;
    out.rules.push(Rule {
        from: (x, page.margin_top),
        to: (x, foot),
        width: Length::pt(HALF_RULE_PT),
    });
    out
}
