//! The headline made ready to set: its last two words tied, its breaks
//! priced by sense (see [`crate::typeset::sense`]), and, with `size =
//! "fit"`, its size fitted to the line budget.
//!
//! Sense comes before size, within reason: a fitted headline may come out
//! a little smaller than the largest size that fits, if only there can it
//! break where the sense allows; and a headline keeps its last words
//! together only where that costs no break against sense.

use std::collections::HashMap;

use crate::error::{Location, Result, Warning};
use crate::layout::design::HeadlineFit;
use crate::statement::document::{Block, Span};
use crate::typeset::linebreak::INFINITY;
use crate::typeset::paragraph::{Paragraph, Setter, TextStyle, Trial};
use crate::typeset::segment;
use crate::typeset::sense::{self, KnownCosts};
use crate::units::Length;

/// Steps of the headline size search: finer than anyone sees on a poster.
pub(in crate::compose) const HEADLINE_STEP_PT: f64 = 0.5;

/// How much smaller than the largest size that fits a headline may be set
/// so that it breaks by sense: up to 15%, a step of type size readers do
/// not notice on a poster, where a line ending in "the" reads as a slip.
const SENSE_SHRINK: f64 = 0.15;

/// [`SENSE_SHRINK`] for a headline written without spaces (Chinese,
/// Japanese): up to 30%. A Japanese phrase ("増やしてください", "raise")
/// is as long as three English words, and a poster's line holds only five
/// or six characters at its largest size, so setting by phrase takes a
/// bigger step down; "増や / してください" splits a word, which no
/// designer would trade for a quarter of the type size.
const SENSE_SHRINK_SPACELESS: f64 = 0.3;

/// How much smaller than the layout's one size a headline may be set so
/// that its longest word fits the measure whole: a quarter, as for a
/// clause a line ([`CLAUSE_SHRINK`]), since a word cut anywhere without a
/// hyphen ("Mietpreisbremsenvers / chärfungsgesetz") garbles it worse than
/// a line read across a comma. A longer word is hyphenated instead.
const LONG_WORD_SHRINK: f64 = 0.25;

/// What a headline's breaks may cost, best first: none inside a phrase
/// (nor after a function word), then none after a function word, then any
/// (the breaker has still avoided the costly breaks where it could).
/// Before them, for a headline written with spaces that has a clause end
/// inside it, [`CLAUSES_ONLY`], and for any headline written with spaces,
/// [`PHRASES_ONLY`].
const BREAK_LIMITS: [f64; 3] = [sense::PHRASE, sense::CLINGING, f64::INFINITY];

/// The first limit (after [`CLAUSES_ONLY`]) for a headline written with
/// spaces: each line ends a clause or has the next start a phrase
/// ([`sense::BEFORE_PHRASE`]: "Water is a right / for every home / in
/// Al-Nuzha"), if a size at most [`SENSE_SHRINK`] smaller allows it. A
/// tri-fold's cover grew "for every / home" to fill its panel a word or two
/// a line; here it takes the size at which "for every home" is one line.
/// Not for a headline without spaces: its breaks between words inside a
/// clause ("外卖骑手 / 联合起来", "riders / unite") are as good as a
/// poster's lines get, and this limit would only set it smaller.
const PHRASES_ONLY: f64 = sense::WITHIN_CLAUSE;

/// The first limit for a headline of several clauses: breaks only where
/// a clause ends, so that it takes one a line ("Plate na vreme, / rad bez
/// straha", not "Plate / na vreme, rad / bez straha", which reads across
/// the comma), if a size at most [`CLAUSE_SHRINK`] smaller allows. Not for
/// a headline without spaces, whose phrases are long (a line of a poster
/// holds two or three): there it would only trade two lines for one at a
/// much smaller size.
const CLAUSES_ONLY: f64 = sense::BEFORE_PHRASE;

/// The most lines a headline at one size may take for [`Search::stops_apart`]
/// to give it one more: a kicker and its title take two or three. A
/// statement's first paragraph set as its headline (seventeen lines at
/// the Letter leaflet's 36pt, 96% of the page, found by the fuzzer) is
/// no headline to break by sense, and one more line ran it off the page.
const STOPS_APART_MOST_LINES: usize = 3;

/// How much smaller than the largest size that fits a headline may be set
/// so that it takes a clause a line: up to 25%. More than [`SENSE_SHRINK`],
/// as a line reading across a comma ("Fair rents / now, repairs / this
/// year") garbles the headline's two statements, where a line ending on
/// a weak word only slows it; "Fair rents now, / repairs this year" takes
/// a fifth off the size on the A3 poster.
const CLAUSE_SHRINK: f64 = 0.25;

/// A line of a headline, neither its first nor its last, narrower than
/// this share of its widest line is a hole in the headline's shape: "Fix
/// Our Homes / Before You / Raise / Our Rents". Under each limit of sense a
/// size without one is tried first ("Fix Our Homes / Before You / Raise
/// Our Rents", 9% smaller). A short first line is not one: "Grève / à la
/// cantine scolaire" opens on its strongest word, as posters often do.
const HOLE_SHARE: f64 = 0.5;

/// The headline ready to set, and its size. A headline of three or more
/// words has its last two tied, so that no word stands alone on its last
/// line, unless that costs a break against sense or even the pair is too
/// wide for the measure. With `fit`, the size is the largest on a 0.5pt
/// grid from `min-size` up to `max-size` at which the headline takes at
/// most `max-lines` lines of `width`, each broken between words (never
/// hyphenated, never inside a word), and by sense if a size at most
/// [`SENSE_SHRINK`] smaller allows it. With `fit.growth_only`, only a
/// size at which it breaks by sense and without a hole is taken, however
/// far below the largest, and the tie gives way where the setting as
/// written is larger and ends on no stub (see [`Search::fitted_grown`]);
/// failing that, it is set at `min-size` as if it had no `fit`. A word
/// wider than the measure is the one exception to "never hyphenated" (see
/// [`Search::for_a_long_word`]).
pub(super) fn prepare_headline(
    setter: &mut Setter,
    block: &Block,
    style: &TextStyle,
    width: Length,
    fit: Option<HeadlineFit>,
    lang: &str,
) -> Result<(Paragraph, Length)> {
    let tied = tie_last_words(&block.spans);
    let spaceless = written_without_spaces(&block.spans);
    let mut search = Search::new(setter, block, &tied, style, width, fit, lang);
    let plain = search.variants.len() - 1;
    if !spaceless {
        let words = search.prepare(plain, 0)?.words();
        let costs = sense::gap_costs(&words, lang);
        search.clauses = costs.contains(&sense::AFTER_CLAUSE);
    }
    let Some(fit) = fit else {
        return search.fixed(plain);
    };
    if fit.growth_only && spaceless {
        // Grown, a headline without spaces takes more breaks, and they fall
        // where a dictionary puts them, not the writer: "ความเป็น / ธรรม"
        // splits the Thai word for fairness. It grows in its own lines.
        search.max_lines = search.max_lines.min(search.trial(plain, 0)?.lines);
    }
    let mut tiers = search.tiers();
    if fit.growth_only {
        // Only a setting by sense and without a hole, at any size down to
        // the smallest: growth must not cost what the fixed size has.
        tiers.retain(|t| t.even && t.limit.is_finite());
        for t in &mut tiers {
            t.shrink = 1.0;
        }
    }
    let found = if fit.growth_only {
        search.fitted_grown(&tiers)?
    } else {
        search.fitted(&tiers)?
    };
    if let Some((v, k)) = found {
        return Ok((search.prepare(v, k)?, search.sizes[k]));
    }
    if fit.growth_only {
        search.sizes = vec![fit.min_size];
        search.max_lines = usize::MAX;
        search.trials.clear();
        return search.fixed(plain);
    }
    if !search.trial(plain, 0)?.clean {
        // A word too wide for the measure even at `min-size`, which is
        // the layout's to set: hyphenated there.
        search.sizes = vec![fit.min_size];
        search.trials.clear();
        return search.for_a_long_word(plain, 0.0);
    }
    let p = search.prepare(plain, 0)?;
    let lines = search.setter.trial(&p, width).lines;
    search.setter.warnings.push(Warning {
        at: Location::line(search.setter.origin, block.line),
        message: format!(
            "the headline does not fit in {} line{} even at min-size {}; set at {} in {lines} lines",
            fit.max_lines,
            if fit.max_lines == 1 { "" } else { "s" },
            fit.min_size,
            fit.min_size
        ),
    });
    Ok((p, fit.min_size))
}

/// A subtitle ready to set, and its size: its lines times its size at
/// most `most` (see `SUBTITLE_HEIGHT_SHARE`), at the largest size on the
/// half-point grid that keeps to it (not below `floor`, the body's
/// size); broken by sense at that size,
/// unless that leaves a hole in its shape (see [`HOLE_SHARE`]): then the
/// largest size at most [`SENSE_SHRINK`] smaller (not below `floor`)
/// that has none and breaks no worse by sense. Under a
/// tri-fold's cover headline "The council / decides / on 15 December."
/// left "decides" alone between wider lines; 6% smaller, "The council
/// decides" takes a line. Only then: a smaller subtitle is no better in
/// itself, and the search's other rules (a tie, a clause a line) moved
/// breaks that read well ("lúc / 8 giờ sáng", 8 in the morning) where
/// they read worse.
pub(super) fn prepare_subtitle(
    setter: &mut Setter,
    block: &Block,
    style: &TextStyle,
    width: Length,
    (floor, most): (Length, Option<Length>),
    lang: &str,
) -> Result<(Paragraph, Length)> {
    let style = match most {
        Some(most) => &TextStyle {
            size: no_taller(setter, block, style, width, (floor, most), lang)?,
            ..style.clone()
        },
        None => style,
    };
    let fit = HeadlineFit {
        min_size: (style.size * (1.0 - SENSE_SHRINK))
            .max(floor)
            .min(style.size),
        max_size: style.size,
        max_lines: u32::MAX,
        growth_only: false,
    };
    let mut search = Search::new(setter, block, &None, style, width, Some(fit), lang);
    let top = search.sizes.len() - 1;
    let full = search.trial(0, top)?;
    if full.clean && full.narrowest_inner < HOLE_SHARE {
        let limit = BREAK_LIMITS
            .into_iter()
            .find(|&l| full.worst_break < l)
            .unwrap_or(f64::INFINITY);
        let tier = Tier {
            limit,
            shrink: 1.0,
            even: true,
            no_stub: false,
        };
        if let Some(k) = search.walk_down(0, top, tier)? {
            return Ok((search.prepare(0, k)?, search.sizes[k]));
        }
    }
    Ok((search.prepare(0, top)?, style.size))
}

/// The largest size, `style`'s or one on the half-point grid below it
/// down to `floor`, at which a subtitle's lines at `width` times its size
/// come to at most `most`; `floor` when none does.
fn no_taller(
    setter: &mut Setter,
    block: &Block,
    style: &TextStyle,
    width: Length,
    (floor, most): (Length, Length),
    lang: &str,
) -> Result<Length> {
    if floor >= style.size {
        return Ok(style.size);
    }
    let fit = HeadlineFit {
        min_size: floor,
        max_size: style.size,
        max_lines: u32::MAX,
        growth_only: false,
    };
    let mut search = Search::new(setter, block, &None, style, width, Some(fit), lang);
    for k in (0..search.sizes.len()).rev() {
        let size = search.sizes[k];
        if size * search.trial(0, k)?.lines as f64 <= most {
            return Ok(size);
        }
    }
    Ok(floor)
}

/// The sizes a fitted headline may take, smallest first: `min-size` up to
/// `max-size` in [`HEADLINE_STEP_PT`] steps (and `max-size` itself); the
/// layout's size alone without fitting.
fn size_grid(fit: Option<HeadlineFit>, size: Length) -> Vec<Length> {
    let Some(fit) = fit else {
        return vec![size];
    };
    let steps = ((fit.max_size - fit.min_size).to_pt() / HEADLINE_STEP_PT).floor() as usize;
    let mut sizes: Vec<Length> = (0..=steps)
        .map(|i| fit.min_size + Length::pt(HEADLINE_STEP_PT * i as f64))
        .collect();
    if sizes
        .last()
        .is_some_and(|l| (fit.max_size - *l).to_pt() > 1e-6)
    {
        sizes.push(fit.max_size);
    }
    sizes
}

/// The search for a headline's setting: its variants (tied, then as
/// written), the sizes it may take, and the trials made so far.
struct Search<'s, 'a> {
    setter: &'s mut Setter<'a>,
    block: &'s Block,
    style: &'s TextStyle,
    lang: &'s str,
    width: Length,
    variants: Vec<&'s [Span]>,
    sizes: Vec<Length>,
    max_lines: usize,
    /// How much smaller a size may be to break by sense: [`SENSE_SHRINK`]
    /// or [`SENSE_SHRINK_SPACELESS`].
    sense_shrink: f64,
    /// Whether to try [`CLAUSES_ONLY`] first: a headline with spaces and
    /// a clause end inside it.
    clauses: bool,
    /// Written without spaces (see [`written_without_spaces`]).
    spaceless: bool,
    /// By (variant, size index): a size is tried for several limits.
    trials: HashMap<(usize, usize), Trial>,
    /// The variants' breaks priced by sense, the same at every size.
    costs: KnownCosts,
}

impl<'s, 'a> Search<'s, 'a> {
    /// The search for `block` across `width`: its variants `tied` (see
    /// [`tie_last_words`]) then as written, on the sizes `fit` allows;
    /// `clauses` off (a headline's caller decides it).
    fn new(
        setter: &'s mut Setter<'a>,
        block: &'s Block,
        tied: &'s Option<Vec<Span>>,
        style: &'s TextStyle,
        width: Length,
        fit: Option<HeadlineFit>,
        lang: &'s str,
    ) -> Self {
        let variants: Vec<&[Span]> = tied
            .iter()
            .map(Vec::as_slice)
            .chain([block.spans.as_slice()])
            .collect();
        let spaceless = written_without_spaces(&block.spans);
        Search {
            setter,
            block,
            style,
            lang,
            width,
            variants,
            sizes: size_grid(fit, style.size),
            max_lines: fit.map_or(usize::MAX, |f| f.max_lines as usize),
            sense_shrink: if spaceless {
                SENSE_SHRINK_SPACELESS
            } else {
                SENSE_SHRINK
            },
            clauses: false,
            spaceless,
            trials: HashMap::new(),
            costs: KnownCosts::default(),
        }
    }

    /// The headline's style at size `sizes[k]`.
    fn style_at(&self, k: usize) -> TextStyle {
        TextStyle {
            size: self.sizes[k],
            ..self.style.clone()
        }
    }

    /// Variant `v` prepared at size `sizes[k]`, its breaks priced by sense.
    fn prepare(&mut self, v: usize, k: usize) -> Result<Paragraph> {
        let style = self.style_at(k);
        let spans = self.variants[v];
        prepared(
            self.setter,
            (spans, &style),
            self.block.line,
            self.lang,
            &mut self.costs,
        )
    }

    /// How variant `v` breaks at size `sizes[k]` across the width: made
    /// once a build (see [`Setter::known_trial`]), as fitting sets the
    /// head again for each body size it tries.
    fn trial(&mut self, v: usize, k: usize) -> Result<Trial> {
        if let Some(t) = self.trials.get(&(v, k)) {
            return Ok(*t);
        }
        let style = self.style_at(k);
        let (spans, line, lang) = (self.variants[v], self.block.line, self.lang);
        let costs = &mut self.costs;
        let t = self
            .setter
            .known_trial(spans, &style, self.width, lang, |setter| {
                prepared(setter, (spans, &style), line, lang, costs)
            })?;
        self.trials.insert((v, k), t);
        Ok(t)
    }

    /// Whether a setting is clean, within the line budget, breaks
    /// nowhere at a cost of the tier's limit or more, and, if the tier
    /// asks for it, has no hole (see [`HOLE_SHARE`]).
    fn accepts(&self, t: &Trial, tier: Tier) -> bool {
        t.clean
            && t.lines <= self.max_lines
            && t.worst_break < tier.limit
            && (!tier.even || t.narrowest_inner >= HOLE_SHARE)
            && (!tier.no_stub || t.last_share >= HOLE_SHARE)
    }

    /// The (variant, size index) `tiers` find best over the size grid:
    /// from each variant's largest clean size down, by each tier's shrink.
    fn fitted(&mut self, tiers: &[Tier]) -> Result<Option<(usize, usize)>> {
        let tops = self.largest_clean_each()?;
        self.first_choice(tiers, |search, v, tier| match tops[v] {
            Some(top) => search.walk_down(v, top, tier),
            None => Ok(None),
        })
    }

    /// As [`Self::fitted`], for a headline growing into a folded sheet's
    /// cover (`growth_only`): under each tier, the larger of the tied
    /// setting and the one as written, whose last word may then stand
    /// alone, but not as a stub narrower than [`HOLE_SHARE`] of the widest
    /// line. The tie keeps "Raise Our / Rents" from ending on a stub; on a
    /// cover it also held "İşçi sağlığı pazarlık konusu değildir" to the
    /// 28.5pt at which "konusu değildir" fits a line, where one word a
    /// line, "değildir" as wide as the rest, fills the panel at 48pt.
    /// [`PHRASES_ONLY`] counts only where it leaves two lines or more.
    fn fitted_grown(&mut self, tiers: &[Tier]) -> Result<Option<(usize, usize)>> {
        let plain = self.variants.len() - 1;
        let tops = self.largest_clean_each()?;
        for &tier in tiers {
            let mut best: Option<(usize, usize)> = None;
            for (v, top) in tops.iter().enumerate() {
                let Some(top) = *top else {
                    continue;
                };
                let tier = Tier {
                    no_stub: v == plain && plain > 0,
                    ..tier
                };
                if let Some(k) = self.walk_down(v, top, tier)? {
                    if best.is_none_or(|(_, b)| k > b) {
                        best = Some((v, k));
                    }
                }
            }
            // One line is no setting by phrases on a cover but the headline
            // not grown at all: "Creche pública já!" stayed at 28pt where
            // "Creche / pública já!" fills the panel.
            if let Some((v, k)) = best {
                if tier.limit == PHRASES_ONLY && self.trial(v, k)?.lines < 2 {
                    continue;
                }
            }
            if best.is_some() {
                return Ok(best);
            }
        }
        Ok(None)
    }

    /// The headline at its one size (`sizes[0]`), broken as
    /// [`Self::first_choice`] finds best; as written if nothing is
    /// accepted, unless a word is too wide for the measure (see
    /// [`Self::for_a_long_word`]).
    fn fixed(&mut self, plain: usize) -> Result<(Paragraph, Length)> {
        let tiers = self.tiers();
        let choice = self.first_choice(&tiers, |search, v, tier| {
            let t = search.trial(v, 0)?;
            Ok(search.accepts(&t, tier).then_some(0))
        })?;
        if choice.is_none() && !self.trial(plain, 0)?.clean {
            return self.for_a_long_word(plain, LONG_WORD_SHRINK);
        }
        let (v, _) = choice.unwrap_or((plain, 0));
        if let Some((v, k)) = self.a_clause_a_line(v)? {
            return Ok((self.prepare(v, k)?, self.sizes[k]));
        }
        if let Some(p) = self.stops_apart(v)? {
            return Ok((p, self.sizes[0]));
        }
        Ok((self.prepare(v, 0)?, self.sizes[0]))
    }

    /// For a headline at one size (`sizes[0]`) whose setting, variant `v`,
    /// reads across a stop (see [`sense::reads_across_a_stop`]) and takes
    /// no clause a line at any size [`Self::a_clause_a_line`] may try: the
    /// same size with a line ended at each stop, if that takes at most
    /// one line more, leaves no hole and breaks no phrase. The A6 handout,
    /// the Letter leaflet and the Tabloid poster set "Bus cuts: what /
    /// changes on 1 May", which reads "Bus cuts: what" as a line; "Bus
    /// cuts: / what changes / on 1 May" fits at the same size. The
    /// breaker, which prices lines and not how they read, took two lines
    /// over three. Only at a stop: across a comma ("NCP of Yugoslavia, A
    /// call for solidarity / with the Serbian people in Kosovo", the
    /// reference statement's A4) a line may go on, and a third line
    /// would cost the body more than it gains.
    fn stops_apart(&mut self, v: usize) -> Result<Option<Paragraph>> {
        // Only a headline with a stop before its last word can read
        // across one: most have none, and are not set again to see.
        let text: String = self.variants[v].iter().map(|s| s.text.as_str()).collect();
        if !self.clauses || !sense::has_a_stop_inside(&text) {
            return Ok(None);
        }
        let before = self.trial(v, 0)?;
        if !(2..=STOPS_APART_MOST_LINES).contains(&before.lines) {
            return Ok(None);
        }
        let mut apart = self.prepare(v, 0)?;
        if !sense::reads_across_a_stop(&self.lines_as_set(&apart)) {
            return Ok(None);
        }
        let words = apart.words();
        let costs: Vec<f64> = self
            .costs
            .of(words.clone(), self.lang)
            .iter()
            .zip(&words)
            .map(|(&c, w)| {
                if c < CLAUSES_ONLY && sense::ends_with_a_stop(w) {
                    -INFINITY
                } else {
                    c
                }
            })
            .collect();
        apart.weigh_gaps(&costs);
        let t = self.setter.trial(&apart, self.width);
        let reads = t.clean
            && t.lines <= self.max_lines.min(before.lines + 1)
            && t.narrowest_inner >= HOLE_SHARE
            && t.worst_break < sense::PHRASE
            && !sense::reads_across_a_stop(&self.lines_as_set(&apart));
        Ok(reads.then_some(apart))
    }

    /// The text of `p`'s lines as the head sets them: at the measure that
    /// balances its lines, where it may break better than across the
    /// full width.
    fn lines_as_set(&mut self, p: &Paragraph) -> Vec<String> {
        let measure = self.setter.balanced_measure(p, self.width);
        self.setter
            .set(p, &[measure])
            .iter()
            .map(|l| l.text())
            .collect()
    }

    /// Lets a headline at one size (`sizes[0]`, which it returns) take
    /// the sizes down to `shrink` (a share) smaller: itself and those of
    /// the [`HEADLINE_STEP_PT`] grid below it, counted from zero, not from
    /// the size. Fitting sets the head again with the headline grown by
    /// other shares (see `fill`): 26.08pt, 26.94pt, 26.51pt on the
    /// reference statement's A4 leaflet, each trying a clause a line at
    /// the sizes below. On one grid they try the same sizes, and find
    /// their trials made (see [`Setter::known_trial`]).
    fn shrinkable(&mut self, shrink: f64) -> Length {
        let size = self.sizes[0];
        let steps = (size * (1.0 - shrink)).to_pt() / HEADLINE_STEP_PT;
        self.sizes = size_grid(
            Some(HeadlineFit {
                min_size: Length::pt(steps.ceil() * HEADLINE_STEP_PT).min(size),
                max_size: size,
                max_lines: u32::MAX,
                growth_only: false,
            }),
            size,
        );
        self.trials.clear();
        size
    }

    /// For a headline at one size (`sizes[0]`) whose setting, variant `v`,
    /// reads across a clause's end ("Công nhân may cần lương / đủ sống,
    /// không cần lời hứa", "Plate na vreme, rad / bez straha"): the
    /// largest size up to [`CLAUSE_SHRINK`] smaller that sets a clause a
    /// line ("… lương đủ sống, / không cần lời hứa"), as a fitted
    /// headline would take; `None`, and the one size kept, where there is
    /// none or the setting does not read across a clause. Only then: a
    /// smaller headline is no better in itself, and one that only breaks
    /// inside a clause, with its commas at its lines' ends ("Podwyżki /
    /// dla pielęgniarek, / a nie obietnice!"), reads well as it is.
    fn a_clause_a_line(&mut self, v: usize) -> Result<Option<(usize, usize)>> {
        let t = self.trial(v, 0)?;
        if !self.clauses || t.lines < 2 || t.worst_break < CLAUSES_ONLY {
            return Ok(None);
        }
        let p = self.prepare(v, 0)?;
        if !sense::reads_across_a_clause(&self.lines_as_set(&p)) {
            return Ok(None);
        }
        let size = self.shrinkable(CLAUSE_SHRINK);
        let tiers = [true, false].map(|even| Tier {
            limit: CLAUSES_ONLY,
            shrink: CLAUSE_SHRINK,
            even,
            no_stub: false,
        });
        let found = self.fitted(&tiers)?;
        if found.is_none() {
            self.sizes = vec![size];
            self.trials.clear();
        }
        Ok(found)
    }

    /// A headline at one size (`sizes[0]`) with a word wider than the
    /// measure ("Mietpreisbremsenverschärfungsgesetz" across the A4
    /// leaflet at 26pt), which the line breaker would cut wherever the
    /// line runs out, without a hyphen. As a designer would: the largest
    /// size up to `shrink` (a share) smaller at which every word fits
    /// whole, broken by sense as a fitted headline is; failing that, that
    /// one size with its words hyphenated where the language's patterns
    /// allow ("Mietpreisbremsenver- / schärfungsgesetz jetzt!"), and a
    /// warning, as the writer may prefer a shorter word.
    fn for_a_long_word(&mut self, plain: usize, shrink: f64) -> Result<(Paragraph, Length)> {
        let size = self.shrinkable(shrink);
        let tiers = self.tiers();
        if let Some((v, k)) = self.fitted(&tiers)? {
            return Ok((self.prepare(v, k)?, self.sizes[k]));
        }
        let style = TextStyle {
            size,
            ..self.style.clone()
        };
        let hyphenated = sense::hyphenated(
            self.setter,
            self.variants[plain],
            &style,
            self.block.line,
            self.lang,
            self.width,
        )?;
        let Some(p) = hyphenated else {
            // An address, or a word the patterns cannot break: it breaks
            // after its separators or, failing those, anywhere, as the
            // setter reports.
            self.sizes = vec![size];
            self.trials.clear();
            return Ok((self.prepare(plain, 0)?, size));
        };
        self.setter.warnings.push(Warning {
            at: Location::line(self.setter.origin, self.block.line),
            message: format!(
                "the headline does not fit its measure at {size}: a word is wider than a line, \
                 so it is hyphenated"
            ),
        });
        Ok((p, size))
    }

    /// What a setting must meet, best first: the limits of
    /// [`BREAK_LIMITS`] in turn (after [`CLAUSES_ONLY`] for a headline of
    /// several clauses), each with how far the size may shrink for it and
    /// first without a hole.
    fn tiers(&self) -> Vec<Tier> {
        let clauses = self.clauses.then_some((CLAUSES_ONLY, CLAUSE_SHRINK));
        let phrases = (!self.spaceless).then_some((PHRASES_ONLY, self.sense_shrink));
        let others = BREAK_LIMITS.map(|limit| (limit, self.sense_shrink));
        clauses
            .into_iter()
            .chain(phrases)
            .chain(others)
            .flat_map(|(limit, shrink)| {
                [true, false].map(|even| Tier {
                    limit,
                    shrink,
                    even,
                    no_stub: false,
                })
            })
            .collect()
    }

    /// The first (variant, size index) `pick` finds, trying `tiers` in
    /// turn: tied then as written under the strict ones (sense before a
    /// lone last word), then under none.
    fn first_choice(
        &mut self,
        tiers: &[Tier],
        mut pick: impl FnMut(&mut Self, usize, Tier) -> Result<Option<usize>>,
    ) -> Result<Option<(usize, usize)>> {
        for &tier in tiers {
            for v in 0..self.variants.len() {
                if let Some(k) = pick(self, v, tier)? {
                    return Ok(Some((v, k)));
                }
            }
        }
        Ok(None)
    }

    /// [`Self::largest_clean`] of each variant, in their order.
    fn largest_clean_each(&mut self) -> Result<Vec<Option<usize>>> {
        (0..self.variants.len())
            .map(|v| self.largest_clean(v))
            .collect()
    }

    /// The largest size at which variant `v` sets cleanly within the line
    /// budget, whatever its breaks cost, by bisection (fewer lines as the
    /// size falls); `None` if not even the smallest does.
    fn largest_clean(&mut self, v: usize) -> Result<Option<usize>> {
        let clean = |s: &mut Self, k: usize| -> Result<bool> {
            let t = s.trial(v, k)?;
            Ok(s.accepts(&t, Tier::ANY))
        };
        let last = self.sizes.len() - 1;
        if !clean(self, 0)? {
            return Ok(None);
        }
        if clean(self, last)? {
            return Ok(Some(last));
        }
        // `lo` sets cleanly, `hi` does not.
        let (mut lo, mut hi) = (0, last);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if clean(self, mid)? {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Ok(Some(lo))
    }

    /// The largest size from `sizes[top]` down, by at most the tier's
    /// shrink (a share of it), at which variant `v` is accepted under it.
    fn walk_down(&mut self, v: usize, top: usize, tier: Tier) -> Result<Option<usize>> {
        let floor = self.sizes[top] * (1.0 - tier.shrink);
        for k in (0..=top).rev() {
            if self.sizes[k] < floor {
                break;
            }
            let t = self.trial(v, k)?;
            if self.accepts(&t, tier) {
                return Ok(Some(k));
            }
        }
        Ok(None)
    }
}

/// `spans` prepared in `style`, its breaks priced by sense in `lang`;
/// `line` is the block's source line.
fn prepared(
    setter: &mut Setter,
    (spans, style): (&[Span], &TextStyle),
    line: usize,
    lang: &str,
    costs: &mut KnownCosts,
) -> Result<Paragraph> {
    let mut p = setter.prepare(spans, style, line)?;
    sense::break_by_sense_known(&mut p, lang, costs);
    Ok(p)
}

/// What a headline's setting must meet to be taken at one step of the
/// search.
#[derive(Clone, Copy)]
struct Tier {
    /// Breaks must cost less than this.
    limit: f64,
    /// How much smaller than the largest clean size it may be set for it.
    shrink: f64,
    /// No hole in its shape (see [`HOLE_SHARE`]).
    even: bool,
    /// No last line narrower than [`HOLE_SHARE`] of the widest: asked of
    /// a grown headline set without its last two words tied.
    no_stub: bool,
}

impl Tier {
    /// Any clean setting within the line budget.
    const ANY: Tier = Tier {
        limit: f64::INFINITY,
        shrink: 0.0,
        even: false,
        no_stub: false,
    };
}

/// Whether a headline is one run of text without spaces: Chinese or
/// Japanese, or Thai, Khmer and the like.
fn written_without_spaces(spans: &[Span]) -> bool {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    !text.trim().contains(char::is_whitespace) && segment::needs_segmenting(&text)
}

/// The spans with the space before the last word made a tie (a no-break
/// space), when the text has three or more words; `None` otherwise.
fn tie_last_words(spans: &[Span]) -> Option<Vec<Span>> {
    let words: usize = spans
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    if words < 3 {
        return None;
    }
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let space = text.trim_end().rfind(' ')?;
    let mut tied = spans.to_vec();
    let mut offset = 0;
    for span in &mut tied {
        let len = span.text.len();
        if space < offset + len {
            let at = space - offset;
            span.text.replace_range(at..at + 1, "\u{A0}");
            return Some(tied);
        }
        offset += len;
    }
    None
}
