//! One pass of the breaker: a forward scan keeping the active breakpoints,
//! the best candidates per line width, fitness class and hyphen run, and
//! TeX's last resort when nothing fits.

use crate::units::Length;

use super::items::{Params, PenaltyKind};
use super::prepared::{Breakpoint, Paragraph};
use super::rating::{transition_demerits, Fitness, LineFit};
use super::{Breaks, LineBreak, Pass};

/// The loosest line the pass that avoids a hyphen before a paragraph's
/// last line may set ([`Pass::WithoutFinalHyphen`]): badness 400, a glue
/// ratio of about 1.6, which puts a word space of a quarter em at half an
/// em, the widest gap issue #14 accepts in most of a column (its p95
/// goal). Past that, the hyphen is the lesser evil, as the demerits say.
const FINAL_HYPHEN_ESCAPE_BADNESS: f64 = 400.0;

/// What one pass allows.
#[derive(Clone, Copy, Debug)]
pub(super) struct PassRules {
    pub(super) pass: Pass,
    /// Highest badness a line may have.
    pub(super) threshold: f64,
    /// Stretch added to every line when rating it.
    pub(super) extra_stretch: Length,
    /// Rate lines by their true badness, uncapped (see [`Pass::Final`]).
    pub(super) true_badness: bool,
    /// Set an overfull line instead of failing when nothing fits.
    pub(super) last_resort: bool,
    /// Whether the line before the last may end in a hyphen.
    pub(super) final_hyphen: bool,
}

impl PassRules {
    /// The passes to try, in order: TeX skips the first when `pretolerance`
    /// is negative and the stretched one without `emergency_stretch`; the
    /// final and emergency passes always come last.
    pub(super) fn sequence(params: &Params) -> Vec<PassRules> {
        let first = (params.pretolerance >= 0.0).then_some(Pass::First);
        let stretched = (params.emergency_stretch > Length::ZERO).then_some(Pass::Stretched);
        first
            .into_iter()
            .chain([Pass::Second])
            .chain(stretched)
            .chain([Pass::Final, Pass::Emergency])
            .map(|pass| PassRules::of(pass, params))
            .collect()
    }

    /// The rules of `pass`.
    pub(super) fn of(pass: Pass, params: &Params) -> PassRules {
        let plain = |threshold| PassRules {
            pass,
            threshold,
            extra_stretch: Length::ZERO,
            true_badness: false,
            last_resort: false,
            final_hyphen: true,
        };
        match pass {
            Pass::First => plain(params.pretolerance),
            Pass::Second => plain(params.tolerance),
            Pass::Stretched => PassRules {
                extra_stretch: params.emergency_stretch,
                ..plain(params.tolerance)
            },
            Pass::Final => PassRules {
                true_badness: true,
                ..plain(f64::INFINITY)
            },
            // Only an unbreakable box wider than the line gets here:
            // emergency breaks inside words, and an overfull line as the
            // last resort, so a paragraph always gets set.
            Pass::Emergency => PassRules {
                true_badness: true,
                last_resort: true,
                ..plain(f64::INFINITY)
            },
            Pass::WithoutFinalHyphen => PassRules {
                true_badness: true,
                final_hyphen: false,
                ..plain(FINAL_HYPHEN_ESCAPE_BADNESS)
            },
        }
    }

    /// Whether a non-forced penalty of this kind is a break in this pass.
    pub(super) fn allows(&self, kind: PenaltyKind) -> bool {
        match kind {
            PenaltyKind::Ordinary => true,
            PenaltyKind::Hyphen => self.pass != Pass::First,
            // Names, addresses and ties are no price for avoiding a hyphen.
            PenaltyKind::NameHyphen | PenaltyKind::Address | PenaltyKind::Tie => {
                matches!(self.pass, Pass::Final | Pass::Emergency)
            }
            PenaltyKind::Emergency => self.pass == Pass::Emergency,
        }
    }
}

/// A breakpoint reached by the best path of its kind: the path's end.
#[derive(Clone, Copy, Debug)]
pub(super) struct Node {
    /// Item index of the break (0 for the paragraph start).
    pub(super) position: usize,
    /// Index of the first item of the line that follows this break.
    pub(super) content_start: usize,
    /// Number of lines ended so far.
    pub(super) line: usize,
    /// Class of the line ending here.
    pub(super) fitness: Fitness,
    pub(super) flagged: bool,
    /// A forced break inside the paragraph (a line its writer ended): the
    /// line after it is as long as the writer made it, so no short last
    /// line is held against it.
    pub(super) forced: bool,
    /// Flagged lines in a row ending here (0 when this break is not flagged).
    pub(super) run: usize,
    /// Total demerits of the path up to here.
    pub(super) demerits: f64,
    /// Fit of the line ending here.
    pub(super) fit: LineFit,
    /// The node where the line ending here began; `None` for the start.
    pub(super) prev: Option<usize>,
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

/// Runs one pass; `None` if it finds no acceptable set of breaks.
pub(super) fn run_pass(para: &Paragraph, params: &Params, rules: &PassRules) -> Option<Breaks> {
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
    /// A pass that starts with the paragraph's start as its only node.
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
        // The last pass lets a word wider than two lines take the hyphens
        // it needs: a ladder of three is a flaw, but cutting the word
        // anywhere without a hyphen ("Donaudampfschifff / ahrtsgesell…")
        // garbles it.
        let limit = self.params.max_hyphen_run;
        let too_many_hyphens = bp.flagged
            && !bp.forced
            && limit > 0
            && node.run >= limit
            && self.rules.pass != Pass::Emergency;
        // A short last line ("able.", or the rest of a hyphenated word) is
        // not accepted within tolerance, where demerits could not weigh it
        // against the looser lines that avoid it; the final passes do. Nor
        // by the pass that avoids a final hyphen: one flaw is no price for
        // the other. A
        // graded stub (Chinese, Japanese) is weighed in every pass: the
        // first pass then pulls characters down only as far as its
        // tolerance spreads the lines above, and keeps the stub rather than
        // let a later pass spread a line of ideographs visibly (0.13 em a
        // gap on the Letter leaflet).
        let stub = bp.is_end
            && fit.share < self.params.short_last_line
            && node.line > 0
            && !node.forced
            && !matches!(self.rules.pass, Pass::Final | Pass::Emergency)
            && !self.params.grade_short_last_line;
        let final_hyphen = bp.is_end && node.flagged && !self.rules.final_hyphen;
        if fit.fits
            && fit.badness <= self.rules.threshold
            && !too_many_hyphens
            && !stub
            && !final_hyphen
        {
            self.offer(a, bp, fit);
        }
        fit.fits && !bp.forced
    }

    /// Records the line from node `a` to `bp` if it is the best of its group.
    fn offer(&mut self, a: usize, bp: &Breakpoint, fit: LineFit) {
        let node = &self.nodes[a];
        let candidate = Candidate {
            prev: a,
            // Counted up to the limit only: past it (the last pass, see
            // `consider`) runs are alike, and telling them apart kept a
            // group of candidates per run length, thousands in a paragraph
            // of words a thousand letters long.
            run: if bp.flagged {
                (node.run + 1).min(self.params.max_hyphen_run.max(1))
            } else {
                0
            },
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
                    forced: bp.forced,
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
                natural: node.fit.natural,
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
