//! Knuth–Plass total-fit line breaking, as TeX does it.
//!
//! A paragraph arrives as a list of [`Item`]s: boxes (words or pieces of
//! words), glue (spaces that stretch and shrink) and penalties (possible breaks
//! with a cost). Instead of filling one line at a time, the breaker weighs every
//! way of cutting the list into lines and keeps the one with the fewest total
//! demerits, so a slightly loose line early on can buy much better lines later.
//!
//! Like TeX it tries up to three passes, each more permissive than the last:
//! without hyphenation, with hyphenation, and an emergency pass that accepts
//! any line that is not overfull and, failing even that, sets an overfull line
//! rather than giving up. Each pass is one forward scan over the items with a
//! list of "active" breakpoints from which a line could still reach the
//! current item; running totals make each line's width a subtraction, so a
//! pass costs O(items × active breakpoints).

use crate::units::Length;

/// Penalty values at or above this forbid a break; at or below `-INFINITY` force one.
///
/// TeX's convention: the two ends of the cost scale mean "never" and
/// "always", so callers express both with an ordinary penalty item.
pub const INFINITY: f64 = 10000.0;

/// Badness of a line that cannot be set acceptably (TeX's `inf_bad`).
/// Badness is capped here so hopeless lines still compare and add up.
const INF_BAD: f64 = 10000.0;

/// How far past full shrink a line may go and still count as fitting. The
/// running sums collect float rounding; a millionth of a point is invisible
/// but keeps a line set exactly at full shrink from being called overfull.
const FIT_SLACK: Length = Length::pt(1e-6);

/// Which passes may break at a penalty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PenaltyKind {
    /// An ordinary break opportunity, usable in every pass.
    Ordinary,
    /// A discretionary hyphen. As in TeX, the first pass tries to do without
    /// hyphenation, so these are usable from the second pass on.
    Hyphen,
    /// A break inside an otherwise unbreakable word or URL: better than an
    /// overfull line, worse than anything else, so only the emergency pass
    /// may use it.
    Emergency,
}

/// One element of a paragraph in TeX's box/glue/penalty model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// Unbreakable material (a word or a piece of one).
    Box {
        /// Width of the material.
        width: Length,
    },
    /// A space that may stretch and shrink. It is a possible break when it
    /// directly follows a box, and it disappears when a line breaks there.
    Glue {
        /// Natural width.
        width: Length,
        /// Growth at adjustment ratio 1. May be negative: Knuth's ragged-right
        /// items cancel stretch that way, and only each line's total matters.
        stretch: Length,
        /// Reduction at adjustment ratio -1, the most a line may shrink.
        shrink: Length,
    },
    /// A possible break with a cost.
    Penalty {
        /// Width added to the line only if it breaks here (a hyphen).
        width: Length,
        /// Cost of breaking here: `>= INFINITY` forbids, `<= -INFINITY` forces.
        cost: f64,
        /// A flagged break (usually a hyphen). Two in a row, or one ending the
        /// second-last line, cost extra demerits because they look bad.
        flagged: bool,
        /// Which passes may break here. Forced breaks are taken in every pass
        /// whatever their kind, since the paragraph cannot go on past them.
        kind: PenaltyKind,
    },
}

/// Tuning of the breaker; the defaults are TeX's plain-format values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Badness limit of the first pass (TeX `\pretolerance`); negative skips
    /// that pass, going straight to hyphenation.
    pub pretolerance: f64,
    /// Badness limit of the second pass (TeX `\tolerance`).
    pub tolerance: f64,
    /// Added to every line's badness before squaring (TeX `\linepenalty`), so
    /// fewer lines are preferred when badness is otherwise equal.
    pub line_penalty: f64,
    /// Demerits for adjacent lines whose fitness classes differ by more than
    /// one (TeX `\adjdemerits`): a tight line next to a loose one shows.
    pub adj_demerits: f64,
    /// Demerits for two flagged (hyphenated) breaks in a row (TeX
    /// `\doublehyphendemerits`).
    pub double_hyphen_demerits: f64,
    /// Demerits when the second-last line ends flagged, i.e. the last line
    /// begins with the rest of a hyphenated word (TeX `\finalhyphendemerits`).
    pub final_hyphen_demerits: f64,
    /// Extra stretch every line is assumed to have when the emergency pass
    /// rates lines (TeX `\emergencystretch`). It only changes which breaks
    /// are chosen; reported ratios use the real stretch.
    pub emergency_stretch: Length,
    /// Most hyphenated lines in a row (0 = no limit). A ladder of hyphens
    /// down the right edge is the most visible flaw of justified columns;
    /// `double_hyphen_demerits` only discourages it, this forbids it.
    pub max_hyphen_run: usize,
}

impl Default for Params {
    /// TeX's values. `emergency_stretch` is 30pt, the customary `3em` for
    /// 10pt type: without it the emergency pass would rate every very loose
    /// line as equally hopeless (badness 10000) and choose among them blindly.
    /// Callers setting larger type should scale it with the font size.
    fn default() -> Params {
        Params {
            pretolerance: 100.0,
            tolerance: 200.0,
            line_penalty: 10.0,
            adj_demerits: 10000.0,
            double_hyphen_demerits: 10000.0,
            final_hyphen_demerits: 5000.0,
            emergency_stretch: Length::pt(30.0),
            max_hyphen_run: 0,
        }
    }
}

/// The pass that produced a set of breaks; later passes mean a harder paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// Without hyphenation, lines within `pretolerance`.
    First,
    /// With hyphenation, lines within `tolerance`.
    Second,
    /// With hyphenation, any badness: the least-demerits setting when no
    /// line-up stays within `tolerance`. Rating by true badness here keeps a
    /// hard paragraph's looseness where it must be, instead of spreading it
    /// (and giving up hyphens) as TeX's emergency stretch does.
    Final,
    /// Any line that is not overfull, emergency breaks allowed, and overfull
    /// lines where nothing else works.
    Emergency,
}

/// Where one line ends and how it must be set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineBreak {
    /// Index into the items of the break (a glue or penalty item). It equals
    /// `items.len()` only when the items lack the final forced penalty and the
    /// paragraph simply ends after the last item.
    pub index: usize,
    /// Adjustment ratio of the line ending here: positive stretches the glue
    /// by that fraction of its stretch, negative shrinks it. Not clamped, so
    /// an overfull line reports below -1. It is 0 when the line cannot adjust
    /// in the needed direction (no stretch or no shrink), as in TeX's `hpack`,
    /// so callers never see an infinity.
    pub ratio: f64,
    /// The break is at a flagged penalty, so the line ends with a hyphen.
    pub hyphenated: bool,
    /// How far the line exceeds its width even at full shrink; ZERO if it fits.
    pub overfull: Length,
}

/// The chosen breaks of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Breaks {
    /// One entry per line, in order; the last ends the paragraph.
    pub lines: Vec<LineBreak>,
    /// The pass that found these breaks.
    pub pass: Pass,
    /// Total demerits of the chosen breaks (lower is better).
    pub demerits: f64,
}

/// Breaks `items` into lines with the fewest total demerits.
///
/// `widths[i]` is the width of line i; the last entry repeats for all further
/// lines. It must be non-empty; if it is empty every line gets width zero,
/// which shows up as overfull lines rather than a panic.
///
/// A line may end at a penalty with cost below `INFINITY` or at glue directly
/// after a box. Glue and penalties after a break, up to the next box (or
/// forced break), are discarded and do not count towards the next line. Unlike
/// TeX this also holds at the start of the paragraph, because the caller drops
/// leading glue when it sets the first line. The items should end with the
/// paragraph end, `Glue { 0, huge stretch, 0 }` then a forced penalty.
///
/// Returns no lines for no items, a single line for items without boxes, and
/// otherwise always at least one line: the emergency pass cannot fail.
pub fn break_lines(items: &[Item], widths: &[Length], params: &Params) -> Breaks {
    if items.is_empty() {
        return Breaks {
            lines: Vec::new(),
            pass: Pass::First,
            demerits: 0.0,
        };
    }
    let para = Paragraph::new(items, widths);
    if !para.has_box(0, items.len()) {
        return para.single_line(params, Pass::First);
    }
    for rules in PassRules::sequence(params) {
        if let Some(breaks) = run_pass(&para, params, &rules) {
            return breaks;
        }
    }
    // The emergency pass keeps its active list non-empty by construction, so
    // this is only a guard against a broken invariant (e.g. NaN everywhere).
    para.single_line(params, Pass::Emergency)
}

/// What one pass allows.
#[derive(Clone, Copy, Debug)]
struct PassRules {
    pass: Pass,
    /// Highest badness a line may have.
    threshold: f64,
    /// Stretch added to every line when rating it.
    extra_stretch: Length,
    /// Set an overfull line instead of failing when nothing fits.
    last_resort: bool,
}

impl PassRules {
    /// The passes to try, in order: TeX skips the first when `pretolerance`
    /// is negative, and the emergency pass always comes last.
    fn sequence(params: &Params) -> Vec<PassRules> {
        let first = (params.pretolerance >= 0.0).then_some(Pass::First);
        first
            .into_iter()
            .chain([Pass::Second, Pass::Final, Pass::Emergency])
            .map(|pass| PassRules::of(pass, params))
            .collect()
    }

    /// The rules of `pass`.
    fn of(pass: Pass, params: &Params) -> PassRules {
        let plain = |threshold| PassRules {
            pass,
            threshold,
            extra_stretch: Length::ZERO,
            last_resort: false,
        };
        match pass {
            Pass::First => plain(params.pretolerance),
            Pass::Second => plain(params.tolerance),
            Pass::Final => plain(f64::INFINITY),
            // Only an unbreakable box wider than the line gets here:
            // emergency breaks inside words, extra stretch, and an overfull
            // line as the last resort, so a paragraph always gets set.
            Pass::Emergency => PassRules {
                pass,
                threshold: INF_BAD,
                extra_stretch: params.emergency_stretch,
                last_resort: true,
            },
        }
    }

    /// Whether a non-forced penalty of this kind is a break in this pass.
    fn allows(&self, kind: PenaltyKind) -> bool {
        match kind {
            PenaltyKind::Ordinary => true,
            PenaltyKind::Hyphen => self.pass != Pass::First,
            PenaltyKind::Emergency => self.pass == Pass::Emergency,
        }
    }
}

/// Width, stretch and shrink of a run of items.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Totals {
    width: Length,
    stretch: Length,
    shrink: Length,
}

impl Totals {
    /// These totals with one more item appended; a penalty's width counts
    /// only at a break, so it adds nothing here.
    fn plus(self, item: &Item) -> Totals {
        match *item {
            Item::Box { width } => Totals {
                width: self.width + width,
                ..self
            },
            Item::Glue {
                width,
                stretch,
                shrink,
            } => Totals {
                width: self.width + width,
                stretch: self.stretch + stretch,
                shrink: self.shrink + shrink,
            },
            Item::Penalty { .. } => self,
        }
    }

    /// Totals of the items between two prefix sums.
    fn minus(self, earlier: Totals) -> Totals {
        Totals {
            width: self.width - earlier.width,
            stretch: self.stretch - earlier.stretch,
            shrink: self.shrink - earlier.shrink,
        }
    }
}

/// A place where a line may end, as seen by the algorithm.
#[derive(Clone, Copy, Debug)]
struct Breakpoint {
    position: usize,
    penalty: f64,
    /// Width the break adds to the line (a hyphen).
    width: Length,
    flagged: bool,
    forced: bool,
    kind: PenaltyKind,
    /// The break that ends the paragraph.
    is_end: bool,
}

/// How well a line fits its width.
#[derive(Clone, Copy, Debug)]
struct LineFit {
    /// 100·r³ capped at `INF_BAD`, with r including any extra stretch.
    badness: f64,
    /// The ratio the badness was rated from.
    rating: f64,
    fitness: Fitness,
    /// Not overfull: the line can shrink to its width.
    fits: bool,
    /// The real adjustment ratio, for setting the line.
    ratio: f64,
    overfull: Length,
}

/// TeX's fitness classes; numbered so that adjacent classes differ by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fitness {
    VeryLoose = 0,
    Loose = 1,
    Decent = 2,
    Tight = 3,
}

impl Fitness {
    const COUNT: usize = 4;

    /// The class of a line with adjustment ratio `r`.
    fn of(r: f64) -> Fitness {
        if r > 1.0 {
            Fitness::VeryLoose
        } else if r > 0.5 {
            Fitness::Loose
        } else if r >= -0.5 {
            Fitness::Decent
        } else {
            Fitness::Tight
        }
    }

    /// Whether two classes are far enough apart to earn `adj_demerits`.
    fn clashes_with(self, other: Fitness) -> bool {
        (self as i32 - other as i32).abs() > 1
    }
}

/// A breakpoint reached by the best path of its kind: the path's end.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Item index of the break (0 for the paragraph start).
    position: usize,
    /// Index of the first item of the line that follows this break.
    content_start: usize,
    /// Number of lines ended so far.
    line: usize,
    /// Class of the line ending here.
    fitness: Fitness,
    flagged: bool,
    /// Flagged lines in a row ending here (0 when this break is not flagged).
    run: usize,
    /// Total demerits of the path up to here.
    demerits: f64,
    /// Fit of the line ending here.
    fit: LineFit,
    /// The node where the line ending here began; `None` for the start.
    prev: Option<usize>,
}

/// The best way found so far to reach the current breakpoint from one node.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    prev: usize,
    run: usize,
    demerits: f64,
    fit: LineFit,
    line: usize,
}

/// Candidates whose next line has the same width, best per fitness class.
/// Only those need comparing: paths differing in line width cannot replace
/// one another.
#[derive(Clone, Copy, Debug)]
struct CandidateGroup {
    line_class: usize,
    /// Paths with different hyphen runs cannot replace one another either.
    run: usize,
    best: [Option<Candidate>; Fitness::COUNT],
}

/// The items with precomputed running sums.
struct Paragraph<'a> {
    items: &'a [Item],
    widths: &'a [Length],
    /// `sums[i]`: totals of `items[..i]`.
    sums: Vec<Totals>,
    /// `boxes[i]`: number of boxes in `items[..i]`.
    boxes: Vec<usize>,
    /// `next_content[i]`: first item of the line after a break at `i` (the
    /// next box or forced break after `i`, or the end).
    next_content: Vec<usize>,
    /// Position of the break that ends the paragraph: the final forced
    /// penalty, or `items.len()` if there is none.
    end: usize,
}

impl<'a> Paragraph<'a> {
    fn new(items: &'a [Item], widths: &'a [Length]) -> Paragraph<'a> {
        let n = items.len();
        let mut sums = Vec::with_capacity(n + 1);
        let mut boxes = Vec::with_capacity(n + 1);
        let mut totals = Totals::default();
        let mut box_count = 0;
        sums.push(totals);
        boxes.push(box_count);
        for item in items {
            totals = totals.plus(item);
            box_count += usize::from(matches!(item, Item::Box { .. }));
            sums.push(totals);
            boxes.push(box_count);
        }
        let end = match items.last() {
            Some(item) if is_forced(item) => n - 1,
            _ => n,
        };
        Paragraph {
            items,
            widths,
            sums,
            boxes,
            next_content: next_content_starts(items),
            end,
        }
    }

    /// Whether `items[from..to]` contains a box.
    fn has_box(&self, from: usize, to: usize) -> bool {
        to > from && self.boxes[to] > self.boxes[from]
    }

    /// Width of line `line` (0-based); the last width repeats.
    fn line_width(&self, line: usize) -> Length {
        self.widths
            .get(line)
            .or(self.widths.last())
            .copied()
            .unwrap_or(Length::ZERO)
    }

    /// Lines from this number on all have the same width.
    fn line_class(&self, line: usize) -> usize {
        line.min(self.widths.len().saturating_sub(1))
    }

    /// The start of the paragraph as a node.
    fn start_node(&self) -> Node {
        Node {
            position: 0,
            content_start: self.content_start_of_paragraph(),
            line: 0,
            fitness: Fitness::Decent,
            flagged: false,
            run: 0,
            demerits: 0.0,
            fit: LineFit {
                badness: 0.0,
                rating: 0.0,
                fitness: Fitness::Decent,
                fits: true,
                ratio: 0.0,
                overfull: Length::ZERO,
            },
            prev: None,
        }
    }

    /// Leading glue and penalties are discarded like those after a break.
    fn content_start_of_paragraph(&self) -> usize {
        match self.items.first() {
            Some(item) if starts_content(item) => 0,
            _ => self.next_content[0],
        }
    }

    /// The breakpoint at item `i`, whatever the pass; `i == items.len()` is
    /// the implied end of a paragraph without a final forced penalty.
    fn breakpoint(&self, i: usize) -> Option<Breakpoint> {
        let plain = Breakpoint {
            position: i,
            penalty: 0.0,
            width: Length::ZERO,
            flagged: false,
            forced: false,
            kind: PenaltyKind::Ordinary,
            is_end: i == self.end,
        };
        match self.items.get(i) {
            None => Some(Breakpoint {
                penalty: -INFINITY,
                forced: true,
                ..plain
            }),
            Some(Item::Box { .. }) => None,
            Some(Item::Glue { .. }) => {
                let after_box = i > 0 && matches!(self.items[i - 1], Item::Box { .. });
                after_box.then_some(plain)
            }
            Some(&Item::Penalty {
                width,
                cost,
                flagged,
                kind,
            }) => (cost < INFINITY).then_some(Breakpoint {
                penalty: cost,
                width,
                flagged,
                forced: cost <= -INFINITY,
                kind,
                ..plain
            }),
        }
    }

    /// How the line from `node` to `bp` fits, rated as `rules`' pass rates.
    fn assess(&self, node: &Node, bp: &Breakpoint, rules: &PassRules) -> LineFit {
        let mut line = self.sums[bp.position].minus(self.sums[node.content_start]);
        line.width += bp.width;
        let mut fit = assess_line(line, self.line_width(node.line), rules.extra_stretch);
        if rules.pass == Pass::Final {
            // Past TeX's cap every loose line is equally "infinitely bad",
            // and the pass could pick a two-word line stretched across the
            // column over one merely loose. Here looser stays worse.
            fit.badness = true_badness(fit.rating);
        }
        fit
    }

    /// The whole paragraph as one line: for input without boxes, and as a
    /// guard should the passes ever fail.
    fn single_line(&self, params: &Params, pass: Pass) -> Breaks {
        let start = self.start_node();
        let Some(bp) = self.breakpoint(self.end) else {
            return Breaks {
                lines: Vec::new(),
                pass,
                demerits: 0.0,
            };
        };
        let fit = self.assess(&start, &bp, &PassRules::of(pass, params));
        Breaks {
            lines: vec![LineBreak {
                index: bp.position,
                ratio: fit.ratio,
                hyphenated: bp.flagged,
                overfull: fit.overfull,
            }],
            pass,
            demerits: transition_demerits(params, &start, &bp, &fit),
        }
    }
}

/// A penalty that forces a break.
fn is_forced(item: &Item) -> bool {
    matches!(item, Item::Penalty { cost, .. } if *cost <= -INFINITY)
}

/// Items that stop the discarding after a break: material, or a forced
/// break (whose line, even if empty, must not be skipped over).
fn starts_content(item: &Item) -> bool {
    matches!(item, Item::Box { .. }) || is_forced(item)
}

/// For each position `i` (and `items.len()`), the first index after `i`
/// that starts content, or `items.len()`.
fn next_content_starts(items: &[Item]) -> Vec<usize> {
    let n = items.len();
    let mut next = vec![n; n + 1];
    for i in (0..n).rev() {
        let j = i + 1;
        next[i] = match items.get(j) {
            Some(item) if !starts_content(item) => next[j],
            _ => j,
        };
    }
    next
}

/// Rates a line with the given totals against its width.
fn assess_line(line: Totals, width: Length, extra_stretch: Length) -> LineFit {
    let shortfall = width - line.width;
    let excess = line.width - line.shrink - width;
    let fits = excess <= FIT_SLACK;
    let rating_ratio = if shortfall > Length::ZERO {
        stretch_ratio(shortfall, line.stretch + extra_stretch)
    } else if shortfall < Length::ZERO {
        shrink_ratio(shortfall, line.shrink, fits)
    } else {
        0.0
    };
    LineFit {
        badness: badness(rating_ratio),
        rating: rating_ratio,
        fitness: Fitness::of(rating_ratio),
        fits,
        ratio: set_ratio(shortfall, line),
        overfull: if fits {
            Length::ZERO
        } else {
            excess.max(Length::ZERO)
        },
    }
}

/// Ratio for rating a line that must stretch; no stretch is infinitely loose.
fn stretch_ratio(shortfall: Length, stretch: Length) -> f64 {
    if stretch > Length::ZERO {
        shortfall / stretch
    } else {
        f64::INFINITY
    }
}

/// Ratio for rating a line that must shrink. A fitting line is never rated
/// below -1 (that is only rounding); an overfull one is infinitely tight.
fn shrink_ratio(shortfall: Length, shrink: Length, fits: bool) -> f64 {
    if !fits {
        f64::NEG_INFINITY
    } else if shrink > Length::ZERO {
        (shortfall / shrink).max(-1.0)
    } else {
        0.0
    }
}

/// TeX's badness, 100·|r|³, capped at `INF_BAD` (also for infinite or NaN r).
fn badness(ratio: f64) -> f64 {
    (100.0 * ratio.abs().powi(3)).min(INF_BAD)
}

/// 100·|r|³ without TeX's cap (bounded only to keep demerits finite), for
/// the pass that must choose among lines all beyond the cap.
fn true_badness(ratio: f64) -> f64 {
    (100.0 * ratio.abs().powi(3)).min(1e12)
}

/// The adjustment ratio to set the line with; 0 where the glue cannot move
/// in the needed direction, as TeX's `hpack` does.
fn set_ratio(shortfall: Length, line: Totals) -> f64 {
    if shortfall > Length::ZERO && line.stretch > Length::ZERO {
        shortfall / line.stretch
    } else if shortfall < Length::ZERO && line.shrink > Length::ZERO {
        shortfall / line.shrink
    } else {
        0.0
    }
}

/// Demerits of one line on its own: its badness and its break's penalty.
fn line_demerits(params: &Params, badness: f64, penalty: f64) -> f64 {
    let base = (params.line_penalty + badness).powi(2);
    if penalty >= 0.0 {
        base + penalty.powi(2)
    } else if penalty > -INFINITY {
        base - penalty.powi(2)
    } else {
        base
    }
}

/// Demerits of the line from `from` to `bp`, including how it sits next to
/// the line before. NaN (from NaN input) becomes infinity so paths compare.
fn transition_demerits(params: &Params, from: &Node, bp: &Breakpoint, fit: &LineFit) -> f64 {
    let mut d = line_demerits(params, fit.badness, bp.penalty);
    if from.flagged {
        if bp.is_end {
            d += params.final_hyphen_demerits;
        } else if bp.flagged {
            d += params.double_hyphen_demerits;
        }
    }
    if fit.fitness.clashes_with(from.fitness) {
        d += params.adj_demerits;
    }
    if d.is_nan() {
        f64::INFINITY
    } else {
        d
    }
}

/// Runs one pass; `None` if it finds no acceptable set of breaks.
fn run_pass(para: &Paragraph, params: &Params, rules: &PassRules) -> Option<Breaks> {
    let mut state = PassState::new(para, params, rules);
    for i in 0..=para.end {
        let Some(bp) = para.breakpoint(i) else {
            continue;
        };
        if !bp.forced && !rules.allows(bp.kind) {
            continue;
        }
        state.try_break(&bp);
        if state.active.is_empty() {
            return None;
        }
    }
    state.best_breaks()
}

/// The working state of one pass.
struct PassState<'p> {
    para: &'p Paragraph<'p>,
    params: &'p Params,
    rules: &'p PassRules,
    /// Every node created; paths link back through `Node::prev`.
    nodes: Vec<Node>,
    /// Nodes from which a line can still reach the current item.
    active: Vec<usize>,
    /// Nodes dropped at the current breakpoint, for the last resort.
    deactivated: Vec<usize>,
    groups: Vec<CandidateGroup>,
}

impl<'p> PassState<'p> {
    fn new(para: &'p Paragraph<'p>, params: &'p Params, rules: &'p PassRules) -> PassState<'p> {
        PassState {
            para,
            params,
            rules,
            nodes: vec![para.start_node()],
            active: vec![0],
            deactivated: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Considers ending a line at `bp` after every active node, drops the
    /// nodes that can no longer reach further, and records the best new ones.
    fn try_break(&mut self, bp: &Breakpoint) {
        self.groups.clear();
        self.deactivated.clear();
        let mut kept = 0;
        for k in 0..self.active.len() {
            let a = self.active[k];
            if self.consider(a, bp) {
                self.active[kept] = a;
                kept += 1;
            } else {
                self.deactivated.push(a);
            }
        }
        self.active.truncate(kept);
        if self.groups.is_empty() && self.active.is_empty() && self.rules.last_resort {
            self.add_last_resort(bp);
        }
        self.add_nodes(bp);
    }

    /// Offers the line from node `a` to `bp` as a candidate if acceptable;
    /// returns whether `a` stays active.
    fn consider(&mut self, a: usize, bp: &Breakpoint) -> bool {
        let node = self.nodes[a];
        // A line needs some material; a node whose next line has not begun
        // yet (glue right after it) simply waits.
        if !bp.forced && !self.para.has_box(node.content_start, bp.position) {
            return true;
        }
        let fit = self.para.assess(&node, bp, self.rules);
        let limit = self.params.max_hyphen_run;
        let too_many_hyphens = bp.flagged && !bp.forced && limit > 0 && node.run >= limit;
        if fit.fits && fit.badness <= self.rules.threshold && !too_many_hyphens {
            self.offer(a, bp, fit);
        }
        fit.fits && !bp.forced
    }

    /// Records the line from node `a` to `bp` if it is the best of its group.
    fn offer(&mut self, a: usize, bp: &Breakpoint, fit: LineFit) {
        let node = &self.nodes[a];
        let candidate = Candidate {
            prev: a,
            run: if bp.flagged { node.run + 1 } else { 0 },
            demerits: node.demerits + transition_demerits(self.params, node, bp, &fit),
            fit,
            line: node.line + 1,
        };
        let line_class = self.para.line_class(candidate.line);
        let run = candidate.run;
        let group = match self
            .groups
            .iter()
            .position(|g| g.line_class == line_class && g.run == run)
        {
            Some(g) => &mut self.groups[g],
            None => {
                self.groups.push(CandidateGroup {
                    line_class,
                    run,
                    best: [None; Fitness::COUNT],
                });
                let last = self.groups.len() - 1;
                &mut self.groups[last]
            }
        };
        let slot = &mut group.best[fit.fitness as usize];
        if slot.is_none_or(|best| candidate.demerits < best.demerits) {
            *slot = Some(candidate);
        }
    }

    /// TeX's last resort: nothing can reach `bp` without being overfull and
    /// no node is left, so set an overfull line from the dropped node that
    /// sticks out least (then has fewest demerits) to keep the paragraph going.
    fn add_last_resort(&mut self, bp: &Breakpoint) {
        let mut best: Option<(usize, LineFit, f64)> = None;
        for &a in &self.deactivated {
            let node = &self.nodes[a];
            let fit = self.para.assess(node, bp, self.rules);
            let demerits = node.demerits + transition_demerits(self.params, node, bp, &fit);
            let better = best.is_none_or(|(_, best_fit, best_demerits)| {
                let by_overfull = fit.overfull.to_pt().total_cmp(&best_fit.overfull.to_pt());
                by_overfull.then(demerits.total_cmp(&best_demerits)).is_lt()
            });
            if better {
                best = Some((a, fit, demerits));
            }
        }
        if let Some((a, fit, _)) = best {
            self.offer(a, bp, fit);
        }
    }

    /// Turns this breakpoint's candidates into active nodes, dropping those
    /// so much worse than the best of their group that even `adj_demerits`
    /// saved later could not make up for it (TeX's pruning; exact).
    fn add_nodes(&mut self, bp: &Breakpoint) {
        let margin = self.params.adj_demerits.max(0.0);
        let content_start = self.para.next_content[bp.position];
        for g in 0..self.groups.len() {
            let best = self.groups[g].best;
            let least = best
                .iter()
                .flatten()
                .map(|c| c.demerits)
                .fold(f64::INFINITY, f64::min);
            for candidate in best.iter().flatten() {
                if candidate.demerits > least + margin {
                    continue;
                }
                self.active.push(self.nodes.len());
                self.nodes.push(Node {
                    position: bp.position,
                    content_start,
                    line: candidate.line,
                    fitness: candidate.fit.fitness,
                    flagged: bp.flagged,
                    run: candidate.run,
                    demerits: candidate.demerits,
                    fit: candidate.fit,
                    prev: Some(candidate.prev),
                });
            }
        }
    }

    /// After the paragraph end only nodes at the end remain active; the
    /// cheapest of them, traced back, gives the breaks.
    fn best_breaks(&self) -> Option<Breaks> {
        let best = self
            .active
            .iter()
            .map(|&a| &self.nodes[a])
            .min_by(|x, y| x.demerits.total_cmp(&y.demerits))?;
        let mut lines = Vec::with_capacity(best.line);
        let mut node = best;
        while let Some(prev) = node.prev {
            lines.push(LineBreak {
                index: node.position,
                ratio: node.fit.ratio,
                hyphenated: node.flagged,
                overfull: node.fit.overfull,
            });
            node = &self.nodes[prev];
        }
        lines.reverse();
        Some(Breaks {
            lines,
            pass: self.rules.pass,
            demerits: best.demerits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// TeX's interword space for 10pt type.
    const SPACE: f64 = 3.33;
    const SPACE_STRETCH: f64 = 1.67;
    const SPACE_SHRINK: f64 = 1.11;
    const HYPHEN_WIDTH: f64 = 3.33;
    /// TeX's `\hyphenpenalty`.
    const HYPHEN_COST: f64 = 50.0;

    /// The opening of "The Frog King", Knuth and Plass's own test paragraph.
    const FROG_KING: &str = "In olden times when wishing still helped one, there lived a \
        king whose daughters were all beautiful; and the youngest was so beautiful that the \
        sun itself, which has seen so much, was astonished whenever it shone in her face. \
        Close by the king's castle lay a great dark forest, and under an old lime-tree in the \
        forest was a well, and when the day was very warm, the king's child went out into the \
        forest and sat down by the side of the cool fountain; and when she was bored she took \
        a golden ball, and threw it up on high and caught it; and this ball was her favorite \
        plaything.";

    fn pt(v: f64) -> Length {
        Length::pt(v)
    }

    fn word(width: f64) -> Item {
        Item::Box { width: pt(width) }
    }

    fn space() -> Item {
        Item::Glue {
            width: pt(SPACE),
            stretch: pt(SPACE_STRETCH),
            shrink: pt(SPACE_SHRINK),
        }
    }

    fn hyphen() -> Item {
        Item::Penalty {
            width: pt(HYPHEN_WIDTH),
            cost: HYPHEN_COST,
            flagged: true,
            kind: PenaltyKind::Hyphen,
        }
    }

    fn emergency_break() -> Item {
        Item::Penalty {
            width: Length::ZERO,
            cost: 1000.0,
            flagged: false,
            kind: PenaltyKind::Emergency,
        }
    }

    fn forced_break() -> Item {
        Item::Penalty {
            width: Length::ZERO,
            cost: -INFINITY,
            flagged: false,
            kind: PenaltyKind::Ordinary,
        }
    }

    /// The paragraph end the caller appends: fill glue, then a forced break.
    fn finish(items: &mut Vec<Item>) {
        items.push(Item::Glue {
            width: Length::ZERO,
            stretch: pt(1.0e6),
            shrink: Length::ZERO,
        });
        items.push(forced_break());
    }

    /// Words given as lists of pieces; pieces of one word are joined by
    /// hyphenation points.
    fn hyphenated_paragraph(words: &[&[f64]]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, pieces) in words.iter().enumerate() {
            if i > 0 {
                items.push(space());
            }
            for (j, &piece) in pieces.iter().enumerate() {
                if j > 0 {
                    items.push(hyphen());
                }
                items.push(word(piece));
            }
        }
        finish(&mut items);
        items
    }

    fn plain_paragraph(words: &[f64]) -> Vec<Item> {
        let pieces: Vec<[f64; 1]> = words.iter().map(|&w| [w]).collect();
        let refs: Vec<&[f64]> = pieces.iter().map(|p| &p[..]).collect();
        hyphenated_paragraph(&refs)
    }

    /// Rough Computer Modern widths at 10pt, enough for realistic variety.
    fn text_width(word: &str) -> f64 {
        word.chars()
            .map(|c| match c {
                'i' | 'l' | 'j' | '.' | ',' | ';' | '\'' => 2.78,
                'f' | 't' | 'r' | '-' => 3.89,
                'm' => 8.33,
                'w' => 7.22,
                c if c.is_uppercase() => 7.5,
                _ => 5.0,
            })
            .sum()
    }

    fn text_paragraph(text: &str) -> Vec<Item> {
        let widths: Vec<f64> = text.split_whitespace().map(text_width).collect();
        plain_paragraph(&widths)
    }

    /// A small deterministic PRNG (xorshift64*), so tests need no crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn range(&mut self, low: f64, high: f64) -> f64 {
            let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
            low + unit * (high - low)
        }

        fn chance(&mut self, p: f64) -> bool {
            self.range(0.0, 1.0) < p
        }
    }

    /// Random words of 5–45pt, now and then a 60–90pt monster; words over
    /// 25pt get a hyphenation point when `hyphens` is set.
    fn random_paragraph(rng: &mut Rng, words: usize, hyphens: bool) -> Vec<Item> {
        let mut items = Vec::new();
        for i in 0..words {
            if i > 0 {
                items.push(space());
            }
            let width = if rng.chance(0.03) {
                rng.range(60.0, 90.0)
            } else {
                rng.range(5.0, 45.0)
            };
            if hyphens && width > 25.0 {
                let left = rng.range(10.0, width - 10.0);
                items.push(word(left));
                items.push(hyphen());
                items.push(word(width - left));
            } else {
                items.push(word(width));
            }
        }
        finish(&mut items);
        items
    }

    /// One line measured independently of the module's running sums.
    #[derive(Debug)]
    struct Measured {
        natural: f64,
        stretch: f64,
        shrink: f64,
        widest_box: f64,
        boxes: usize,
    }

    /// Measures each line: items after the previous break up to the break,
    /// leading glue and penalties dropped, plus the break's penalty width.
    fn measure_lines(items: &[Item], breaks: &Breaks) -> Vec<Measured> {
        let mut start = 0;
        let mut lines = Vec::new();
        for br in &breaks.lines {
            while start < br.index && !matches!(items[start], Item::Box { .. }) {
                start += 1;
            }
            let mut m = Measured {
                natural: 0.0,
                stretch: 0.0,
                shrink: 0.0,
                widest_box: 0.0,
                boxes: 0,
            };
            for item in &items[start..br.index] {
                match *item {
                    Item::Box { width } => {
                        m.natural += width.to_pt();
                        m.widest_box = m.widest_box.max(width.to_pt());
                        m.boxes += 1;
                    }
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    } => {
                        m.natural += width.to_pt();
                        m.stretch += stretch.to_pt();
                        m.shrink += shrink.to_pt();
                    }
                    Item::Penalty { .. } => {}
                }
            }
            if let Some(Item::Penalty { width, .. }) = items.get(br.index) {
                m.natural += width.to_pt();
            }
            lines.push(m);
            start = br.index + 1;
        }
        lines
    }

    fn width_of_line(widths: &[Length], line: usize) -> f64 {
        widths[line.min(widths.len() - 1)].to_pt()
    }

    /// Checks every reported ratio and overfull amount against an independent
    /// measurement with the right line width, and that only a box too wide for
    /// its line (with the hyphen that must follow it) makes a line overfull.
    fn check_lines(items: &[Item], widths: &[Length], breaks: &Breaks) {
        for (i, (m, br)) in measure_lines(items, breaks)
            .iter()
            .zip(&breaks.lines)
            .enumerate()
        {
            let width = width_of_line(widths, i);
            let shortfall = width - m.natural;
            let ratio = if shortfall > 0.0 && m.stretch > 0.0 {
                shortfall / m.stretch
            } else if shortfall < 0.0 && m.shrink > 0.0 {
                shortfall / m.shrink
            } else {
                0.0
            };
            assert!(
                (ratio - br.ratio).abs() < 1e-6,
                "line {i}: ratio {} reported, {ratio} measured",
                br.ratio
            );
            let excess = (m.natural - m.shrink - width).max(0.0);
            assert!(
                (excess - br.overfull.to_pt()).abs() < 1e-6,
                "line {i}: overfull {} reported, {excess} measured",
                br.overfull
            );
            if excess > 1e-6 {
                assert!(
                    m.boxes == 1 && m.natural > width,
                    "line {i} is overfull by {excess}pt but is not a single box too wide \
                     for {width}pt: {m:?}"
                );
            }
        }
    }

    /// Demerits and worst badness of a given set of breaks, computed with
    /// the module's own rating functions.
    struct PathCost {
        demerits: f64,
        worst_badness: f64,
        all_fit: bool,
    }

    fn path_cost(para: &Paragraph, params: &Params, breaks: &[usize], pass: Pass) -> PathCost {
        let rules = PassRules::of(pass, params);
        let mut node = para.start_node();
        let mut cost = PathCost {
            demerits: 0.0,
            worst_badness: 0.0,
            all_fit: true,
        };
        for &b in breaks {
            let bp = para.breakpoint(b).expect("not a legal breakpoint");
            let fit = para.assess(&node, &bp, &rules);
            cost.demerits += transition_demerits(params, &node, &bp, &fit);
            cost.worst_badness = cost.worst_badness.max(fit.badness);
            cost.all_fit &= fit.fits;
            node = Node {
                position: b,
                content_start: para.next_content[b],
                line: node.line + 1,
                fitness: fit.fitness,
                flagged: bp.flagged,
                run: if bp.flagged { node.run + 1 } else { 0 },
                demerits: cost.demerits,
                fit,
                prev: None,
            };
        }
        cost
    }

    fn indices(breaks: &Breaks) -> Vec<usize> {
        breaks.lines.iter().map(|l| l.index).collect()
    }

    /// Legal breaks at glue after a box, plus the final break.
    fn glue_breaks(items: &[Item]) -> Vec<usize> {
        let mut legal: Vec<usize> = (1..items.len())
            .filter(|&i| {
                matches!(items[i], Item::Glue { .. }) && matches!(items[i - 1], Item::Box { .. })
            })
            .collect();
        legal.push(items.len() - 1);
        legal
    }

    /// Minimum width (natural minus shrink) of the line from after `from`
    /// (or the start) to the break at `to`.
    fn min_width(items: &[Item], from: Option<usize>, to: usize) -> f64 {
        let mut start = from.map_or(0, |f| f + 1);
        while start < to && !matches!(items[start], Item::Box { .. }) {
            start += 1;
        }
        items[start..to]
            .iter()
            .map(|item| match *item {
                Item::Box { width } => width.to_pt(),
                Item::Glue { width, shrink, .. } => (width - shrink).to_pt(),
                Item::Penalty { .. } => 0.0,
            })
            .sum()
    }

    /// First fit: each line takes as many words as fit at full shrink.
    fn greedy_breaks(items: &[Item], widths: &[Length]) -> Vec<usize> {
        let legal = glue_breaks(items);
        let mut breaks: Vec<usize> = Vec::new();
        let mut next = 0;
        while next < legal.len() {
            let from = breaks.last().copied();
            let width = width_of_line(widths, breaks.len());
            let mut chosen = next;
            while chosen + 1 < legal.len() && min_width(items, from, legal[chosen + 1]) <= width {
                chosen += 1;
            }
            breaks.push(legal[chosen]);
            next = chosen + 1;
        }
        breaks
    }

    #[test]
    fn total_fit_never_loses_to_first_fit_and_often_wins() {
        let items = text_paragraph(FROG_KING);
        assert!(
            items
                .iter()
                .filter(|i| matches!(i, Item::Box { .. }))
                .count()
                > 60
        );
        let params = Params::default();
        let mut strict_wins = 0;
        for width in [150.0, 180.0, 200.0, 250.0, 300.0, 390.0] {
            let widths = [pt(width)];
            let kp = break_lines(&items, &widths, &params);
            check_lines(&items, &widths, &kp);
            let para = Paragraph::new(&items, &widths);
            let kp_cost = path_cost(&para, &params, &indices(&kp), kp.pass);
            assert!(
                (kp_cost.demerits - kp.demerits).abs() <= 1e-9 * kp.demerits.abs(),
                "reported demerits {} differ from recomputed {}",
                kp.demerits,
                kp_cost.demerits
            );
            let greedy = greedy_breaks(&items, &widths);
            let greedy_cost = path_cost(&para, &params, &greedy, kp.pass);
            assert!(
                kp.demerits <= greedy_cost.demerits,
                "width {width}: total fit {} worse than first fit {}",
                kp.demerits,
                greedy_cost.demerits
            );
            if kp.demerits < greedy_cost.demerits {
                strict_wins += 1;
            }
        }
        assert!(strict_wins >= 3, "total fit won only {strict_wins} times");
    }

    #[test]
    fn total_fit_is_strictly_better_than_first_fit_on_frog_king() {
        let items = text_paragraph(FROG_KING);
        let widths = [pt(200.0)];
        let params = Params::default();
        let kp = break_lines(&items, &widths, &params);
        assert_eq!(kp.pass, Pass::First);
        let greedy = greedy_breaks(&items, &widths);
        let para = Paragraph::new(&items, &widths);
        let greedy_cost = path_cost(&para, &params, &greedy, Pass::First);
        assert_ne!(indices(&kp), greedy);
        assert!(kp.demerits < greedy_cost.demerits);
    }

    /// Line widths for the brute-force paragraphs; uneven ones check that
    /// paths with different line counts are kept apart.
    const BRUTE_FORCE_WIDTHS: [&[f64]; 9] = [
        &[90.0],
        &[60.0, 110.0],
        &[110.0, 70.0, 90.0],
        &[160.0],
        &[120.0, 200.0],
        &[200.0, 150.0, 170.0],
        &[60.0, 60.0, 200.0],
        &[200.0, 60.0, 100.0],
        &[80.0, 130.0, 60.0, 100.0],
    ];

    /// Seeds whose paragraphs once exposed subtle mistakes: merging paths of
    /// different line counts, and pruning candidates that adj_demerits
    /// could still redeem.
    const HARD_SEEDS: [u64; 4] = [593, 1771, 2053, 2230];

    /// Breaks the small paragraph made from `seed` and compares its demerits
    /// with the cheapest acceptable break set found by trying every subset
    /// of the breakpoints the reported pass may use. Returns the pass, or
    /// `None` when the case is skipped (too big, or emergency results with
    /// overfull lines, where no acceptable set exists).
    fn brute_force_check(seed: u64) -> Result<Option<Pass>, String> {
        let params = Params::default();
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let set = BRUTE_FORCE_WIDTHS[seed as usize % BRUTE_FORCE_WIDTHS.len()];
        let widths: Vec<Length> = set.iter().map(|&w| pt(w)).collect();
        let items = random_paragraph(&mut rng, 9, seed.is_multiple_of(2));
        let kp = break_lines(&items, &widths, &params);
        if kp.lines.iter().any(|l| l.overfull > Length::ZERO) {
            return Ok(None);
        }
        let rules = PassRules::sequence(&params)[kp.pass as usize];
        let para = Paragraph::new(&items, &widths);
        let legal: Vec<usize> = (0..para.end)
            .filter(|&i| {
                para.breakpoint(i)
                    .is_some_and(|bp| bp.forced || rules.allows(bp.kind))
            })
            .collect();
        if legal.len() > 16 {
            return Ok(None);
        }
        let mut best = f64::INFINITY;
        for mask in 0u32..(1 << legal.len()) {
            let mut breaks: Vec<usize> = (0..legal.len())
                .filter(|&k| mask & (1 << k) != 0)
                .map(|k| legal[k])
                .collect();
            breaks.push(para.end);
            let cost = path_cost(&para, &params, &breaks, rules.pass);
            if cost.all_fit && cost.worst_badness <= rules.threshold {
                best = best.min(cost.demerits);
            }
        }
        if (best - kp.demerits).abs() <= 1e-9 * best.abs() {
            Ok(Some(kp.pass))
        } else {
            Err(format!(
                "seed {seed}: brute force {best}, algorithm {} in {:?}",
                kp.demerits, kp.pass
            ))
        }
    }

    #[test]
    fn a_hopeless_paragraph_spreads_its_looseness_instead_of_one_absurd_line() {
        // Poster-sized words in a narrow column (the reference statement on
        // a3-poster at 19pt): no setting stays within the tolerance, and
        // every first line is beyond TeX's badness cap. Its cap made "The
        // New" alone, stretched across the column, as good as anything.
        let items = hyphenated_paragraph(&[
            &[34.0],
            &[42.0],
            &[41.0, 30.0, 34.0],
            &[49.0],
            &[18.0],
            &[24.0, 75.0],
            &[41.0],
            &[24.0],
            &[23.0],
            &[105.0],
            &[23.0],
            &[18.0],
            &[60.0, 70.0],
        ]);
        let widths = [pt(355.0)];
        let kp = break_lines(&items, &widths, &Params::default());
        assert_eq!(kp.pass, Pass::Final);
        check_lines(&items, &widths, &kp);
        // The first line holds more than two words...
        assert!(kp.lines[0].index > 4, "{:?}", kp.lines);
        // ...and no line is stretched to many times its stretch.
        let worst = kp.lines.iter().map(|l| l.ratio).fold(0.0, f64::max);
        assert!(worst < 10.0, "{:?}", kp.lines);
    }

    #[test]
    fn matches_brute_force_optimum() {
        let mut checked = [0; 3];
        for seed in (0..100).chain(HARD_SEEDS) {
            match brute_force_check(seed) {
                Ok(Some(pass)) => checked[pass as usize] += 1,
                Ok(None) => {}
                Err(message) => panic!("{message}"),
            }
        }
        assert!(
            checked.iter().all(|&n| n >= 5),
            "too few paragraphs checked per pass: {checked:?}"
        );
    }

    #[test]
    fn random_paragraphs_are_never_overfull_without_a_wide_box() {
        let params = Params::default();
        let mut rng = Rng(42);
        let mut passes_seen = [false; 4];
        for round in 0..60 {
            let items = random_paragraph(&mut rng, 80, round % 3 != 0);
            for width in [60.0, 100.0, 180.0, 300.0] {
                let widths = [pt(width)];
                let breaks = break_lines(&items, &widths, &params);
                assert_eq!(breaks.lines.last().map(|l| l.index), Some(items.len() - 1));
                check_lines(&items, &widths, &breaks);
                if breaks.pass != Pass::Emergency {
                    assert!(breaks.lines.iter().all(|l| l.overfull == Length::ZERO));
                }
                passes_seen[breaks.pass as usize] = true;
            }
        }
        assert_eq!(
            [passes_seen[0], passes_seen[1], passes_seen[3]],
            [true; 3],
            "every pass should have been exercised"
        );
    }

    #[test]
    fn easy_paragraph_takes_the_first_pass() {
        let items = text_paragraph(FROG_KING);
        let breaks = break_lines(&items, &[pt(300.0)], &Params::default());
        assert_eq!(breaks.pass, Pass::First);
        assert!(breaks.lines.len() > 3);
        assert!(breaks.lines.iter().all(|l| !l.hyphenated));
    }

    #[test]
    fn needed_hyphen_takes_the_second_pass() {
        // Five 15pt words leave line one too loose (badness ~535); the sixth
        // word whole makes it overfull; its first half plus a hyphen fits.
        let items = hyphenated_paragraph(&[
            &[15.0],
            &[15.0],
            &[15.0],
            &[15.0],
            &[15.0],
            &[10.0, 10.0],
            &[20.0],
            &[20.0],
        ]);
        let widths = [pt(100.0)];
        let breaks = break_lines(&items, &widths, &Params::default());
        check_lines(&items, &widths, &breaks);
        assert_eq!(breaks.pass, Pass::Second);
        assert_eq!(breaks.lines.len(), 2);
        assert!(breaks.lines[0].hyphenated);
        assert!(matches!(items[breaks.lines[0].index], Item::Penalty { .. }));
        assert!(breaks.lines[0].ratio < 0.0 && breaks.lines[0].ratio >= -1.0);
    }

    #[test]
    fn box_wider_than_the_line_is_set_overfull_in_the_emergency_pass() {
        let items = plain_paragraph(&[30.0, 20.0, 150.0, 30.0, 25.0]);
        let widths = [pt(100.0)];
        let breaks = break_lines(&items, &widths, &Params::default());
        check_lines(&items, &widths, &breaks);
        assert_eq!(breaks.pass, Pass::Emergency);
        let overfull: Vec<f64> = breaks.lines.iter().map(|l| l.overfull.to_pt()).collect();
        // Only the line holding the 150pt box sticks out, by exactly 50pt.
        assert_eq!(
            overfull.iter().filter(|&&o| o > 0.0).count(),
            1,
            "{overfull:?}"
        );
        assert!(
            overfull.iter().any(|&o| (o - 50.0).abs() < 1e-9),
            "{overfull:?}"
        );
        assert!(breaks
            .lines
            .iter()
            .any(|l| l.ratio < -1.0 || l.overfull > Length::ZERO));
    }

    #[test]
    fn emergency_breaks_inside_a_long_word_avoid_overfull_lines() {
        // A 150pt word in six 25pt pieces. Four pieces fill a 100pt line
        // exactly, so even the first pass would succeed if it could break
        // there: the result must still come from the emergency pass.
        let mut items = vec![
            word(31.0),
            space(),
            word(31.0),
            space(),
            word(31.0),
            space(),
        ];
        for k in 0..6 {
            if k > 0 {
                items.push(emergency_break());
            }
            items.push(word(25.0));
        }
        items.extend([space(), word(30.0)]);
        finish(&mut items);
        let widths = [pt(100.0)];
        let breaks = break_lines(&items, &widths, &Params::default());
        check_lines(&items, &widths, &breaks);
        assert_eq!(breaks.pass, Pass::Emergency);
        assert!(breaks.lines.iter().all(|l| l.overfull == Length::ZERO));
        assert!(breaks.lines.iter().any(|l| matches!(
            items[l.index],
            Item::Penalty {
                kind: PenaltyKind::Emergency,
                ..
            }
        )));
    }

    fn has_consecutive_hyphens(breaks: &Breaks) -> bool {
        breaks
            .lines
            .windows(2)
            .any(|pair| pair[0].hyphenated && pair[1].hyphenated)
    }

    #[test]
    fn double_hyphen_demerits_avoid_consecutive_hyphenated_lines() {
        // Line one can only end hyphenated (before the word it is far too
        // loose, after it overfull). Line two is perfect (r = 0) ending at a
        // hyphen, about 2600 demerits, or loose (r = 0.95) ending before that
        // word, about 9200: the hyphen wins unless two hyphens in a row cost
        // 10000 more. Line three is decent either way, and a fourth line
        // keeps final_hyphen_demerits out of the picture.
        let items = hyphenated_paragraph(&[
            &[20.0],
            &[20.0],
            &[20.0],
            &[20.0],
            &[3.35, 16.0],
            &[14.0],
            &[12.0],
            &[10.0],
            &[12.0],
            &[11.42],
            &[1.27, 20.0],
            &[7.0],
            &[6.0],
            &[7.0],
            &[6.0],
            &[7.0],
            &[6.0],
            &[6.0],
            &[6.06],
            &[20.0],
            &[20.0],
        ]);
        let widths = [pt(100.0)];
        let free = Params {
            pretolerance: -1.0,
            double_hyphen_demerits: 0.0,
            ..Params::default()
        };
        let costly = Params {
            double_hyphen_demerits: 10000.0,
            ..free
        };
        let without = break_lines(&items, &widths, &free);
        let with = break_lines(&items, &widths, &costly);
        check_lines(&items, &widths, &with);
        assert_eq!(without.lines.len(), 4);
        assert!(
            has_consecutive_hyphens(&without),
            "the test paragraph should prefer two hyphens when they are free"
        );
        assert!(!has_consecutive_hyphens(&with));
        assert_eq!(with.pass, Pass::Second);
        assert!(with.lines[0].hyphenated, "line one can only end hyphenated");
        assert!(with.demerits > without.demerits);
    }

    #[test]
    fn last_line_is_not_stretched() {
        let items = text_paragraph(FROG_KING);
        for width in [150.0, 250.0, 390.0] {
            let breaks = break_lines(&items, &[pt(width)], &Params::default());
            let last = breaks.lines.last().expect("at least one line");
            assert_eq!(last.index, items.len() - 1);
            assert!(
                last.ratio >= 0.0 && last.ratio < 1e-3,
                "ratio {}",
                last.ratio
            );
        }
    }

    #[test]
    fn first_line_width_is_honoured() {
        let items = text_paragraph(FROG_KING);
        let params = Params::default();
        let uniform = break_lines(&items, &[pt(300.0)], &params);
        let indented = [pt(150.0), pt(300.0)];
        let breaks = break_lines(&items, &indented, &params);
        check_lines(&items, &indented, &breaks);
        assert_eq!(breaks.pass, Pass::First);
        let lines = measure_lines(&items, &breaks);
        assert!(lines[0].natural - lines[0].shrink <= 150.0);
        assert!(lines[0].natural > 140.0, "first line should fill its 150pt");
        assert!(lines[1].natural > 280.0, "second line should fill 300pt");
        assert!(breaks.lines[0].index < uniform.lines[0].index);

        let three = [pt(150.0), pt(200.0), pt(390.0)];
        let breaks = break_lines(&items, &three, &params);
        check_lines(&items, &three, &breaks);
        assert_ne!(breaks.pass, Pass::Emergency);
        let lines = measure_lines(&items, &breaks);
        for (i, line) in lines.iter().enumerate().take(lines.len() - 1) {
            let width = width_of_line(&three, i);
            assert!(
                line.natural > 0.8 * width,
                "line {i} is too short for {width}pt"
            );
        }
    }

    #[test]
    fn ragged_right_items_with_negative_stretch() {
        // Knuth's ragged-right spaces: glue(0, +3em), penalty(0), glue(space, -3em).
        let rag = pt(30.0);
        let mut items = Vec::new();
        for (i, w) in FROG_KING.split_whitespace().map(text_width).enumerate() {
            if i > 0 {
                items.push(Item::Glue {
                    width: Length::ZERO,
                    stretch: rag,
                    shrink: Length::ZERO,
                });
                items.push(Item::Penalty {
                    width: Length::ZERO,
                    cost: 0.0,
                    flagged: false,
                    kind: PenaltyKind::Ordinary,
                });
                items.push(Item::Glue {
                    width: pt(SPACE),
                    stretch: -rag,
                    shrink: Length::ZERO,
                });
            }
            items.push(word(w));
        }
        finish(&mut items);
        let widths = [pt(200.0)];
        let breaks = break_lines(&items, &widths, &Params::default());
        check_lines(&items, &widths, &breaks);
        assert_eq!(breaks.pass, Pass::First);
        let lines = measure_lines(&items, &breaks);
        for (line, br) in lines.iter().zip(&breaks.lines).take(lines.len() - 1) {
            assert!(matches!(items[br.index], Item::Penalty { .. }));
            assert!(
                (line.stretch - 30.0).abs() < 1e-9,
                "each line keeps one 3em stretch"
            );
            assert!(line.natural <= 200.0 && line.natural > 170.0);
        }
    }

    #[test]
    fn forced_break_inside_the_paragraph_is_taken() {
        let mut items = plain_paragraph(&[20.0, 25.0, 30.0]);
        let first_end = items.len() - 1;
        items.extend(plain_paragraph(&[40.0, 35.0]));
        let widths = [pt(200.0)];
        let breaks = break_lines(&items, &widths, &Params::default());
        assert_eq!(indices(&breaks), vec![first_end, items.len() - 1]);
        assert_eq!(breaks.pass, Pass::First);
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let params = Params::default();
        let widths = [pt(100.0)];

        assert!(break_lines(&[], &widths, &params).lines.is_empty());

        let mut end_only = Vec::new();
        finish(&mut end_only);
        let breaks = break_lines(&end_only, &widths, &params);
        assert_eq!(indices(&breaks), vec![1]);
        assert_eq!(breaks.lines[0].overfull, Length::ZERO);

        let breaks = break_lines(&[forced_break()], &widths, &params);
        assert_eq!(indices(&breaks), vec![0]);

        let no_boxes = [space(), forced_break(), space(), forced_break()];
        assert_eq!(indices(&break_lines(&no_boxes, &widths, &params)), vec![3]);

        // Without the final penalty the paragraph ends after the last item.
        let unfinished = [word(10.0), space(), word(20.0)];
        let breaks = break_lines(&unfinished, &widths, &params);
        assert_eq!(indices(&breaks), vec![3]);

        let items = text_paragraph(FROG_KING);
        for widths in [&[][..], &[Length::ZERO], &[pt(-5.0)], &[pt(f64::NAN)]] {
            let breaks = break_lines(&items, widths, &params);
            assert!(!breaks.lines.is_empty());
            assert_eq!(breaks.lines.last().map(|l| l.index), Some(items.len() - 1));
        }

        let mut nan_items = plain_paragraph(&[20.0, f64::NAN, 30.0]);
        nan_items.insert(0, word(f64::INFINITY));
        let breaks = break_lines(&nan_items, &widths, &params);
        assert!(!breaks.lines.is_empty());

        let weird = Params {
            pretolerance: f64::NAN,
            tolerance: -1.0,
            emergency_stretch: Length::ZERO,
            ..params
        };
        let breaks = break_lines(&items, &widths, &weird);
        assert!(
            matches!(breaks.pass, Pass::Final | Pass::Emergency),
            "{:?}",
            breaks.pass
        );
        check_lines(&items, &widths, &breaks);
    }

    #[test]
    fn badness_and_fitness_follow_tex() {
        assert_eq!(badness(0.0), 0.0);
        assert!((badness(1.0) - 100.0).abs() < 1e-9);
        assert!((badness(-0.5) - 12.5).abs() < 1e-9);
        assert_eq!(badness(5.0), INF_BAD);
        assert_eq!(badness(f64::INFINITY), INF_BAD);
        assert_eq!(Fitness::of(1.5), Fitness::VeryLoose);
        assert_eq!(Fitness::of(0.75), Fitness::Loose);
        assert_eq!(Fitness::of(0.5), Fitness::Decent);
        assert_eq!(Fitness::of(-0.5), Fitness::Decent);
        assert_eq!(Fitness::of(-0.6), Fitness::Tight);
        assert!(Fitness::VeryLoose.clashes_with(Fitness::Decent));
        assert!(!Fitness::Loose.clashes_with(Fitness::Decent));
        assert!(Params::default().emergency_stretch > Length::ZERO);
    }

    #[test]
    fn demerits_follow_tex() {
        let params = Params::default();
        // Badness 0 plus line penalty 10 gives 100 before penalties.
        assert_eq!(line_demerits(&params, 0.0, 50.0), 100.0 + 2500.0);
        assert_eq!(line_demerits(&params, 0.0, -50.0), 100.0 - 2500.0);
        assert_eq!(line_demerits(&params, 0.0, -INFINITY), 100.0);
        assert_eq!(line_demerits(&params, 90.0, 0.0), 10000.0);

        let items = hyphenated_paragraph(&[&[20.0, 20.0], &[20.0, 20.0], &[30.0]]);
        let widths = [pt(1000.0)];
        let para = Paragraph::new(&items, &widths);
        let flagged_start = Node {
            flagged: true,
            ..para.start_node()
        };
        let decent = assess_line(Totals::default(), Length::ZERO, Length::ZERO);
        let at = |i: usize| para.breakpoint(i).expect("a breakpoint");
        let (hyphen_at, end) = (1, items.len() - 1);
        let base = line_demerits(&params, 0.0, HYPHEN_COST);
        assert_eq!(
            transition_demerits(&params, &flagged_start, &at(hyphen_at), &decent),
            base + params.double_hyphen_demerits
        );
        assert_eq!(
            transition_demerits(&params, &flagged_start, &at(end), &decent),
            line_demerits(&params, 0.0, -INFINITY) + params.final_hyphen_demerits
        );
        let very_loose = LineFit {
            fitness: Fitness::VeryLoose,
            ..decent
        };
        assert_eq!(
            transition_demerits(&params, &para.start_node(), &at(hyphen_at), &very_loose),
            base + params.adj_demerits
        );
    }

    #[test]
    fn two_thousand_words_break_feasibly() {
        let mut rng = Rng(2000);
        let items = random_paragraph(&mut rng, 2000, true);
        let widths = [pt(300.0)];
        let breaks = break_lines(&items, &widths, &Params::default());
        check_lines(&items, &widths, &breaks);
        assert!(breaks.lines.len() > 150);
    }
}
