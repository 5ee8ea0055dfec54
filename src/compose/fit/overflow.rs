//! What to say when a text does not fit: by how many lines it
//! overflows, what `--fit` would do, and how much to cut.

use super::{at_floor, goal_for, scaled, variants};
use crate::compose::flow::flow_around;
use crate::compose::tail::{self, Tail};
use crate::compose::tools::{Budget, Tools, Trial};
use crate::compose::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::Document;
use crate::units::Length;

impl Tools {
    /// The lines the text would have to lose, from the end of its last
    /// paragraphs (the tail stays), to fit `n` pages when set in `design`:
    /// found by flowing the set lines again with fewer of them, which is
    /// cheap, as nothing is set twice. `None` when even no body text at all
    /// would fit. This measures what the keep and widow rules cost too, which
    /// an estimate from the lines that overflow would miss.
    pub(super) fn lines_to_cut(
        &mut self,
        doc: &Document,
        design: &Design,
        opts: &ComposeOptions,
        tail: Tail,
        n: usize,
    ) -> Result<Option<(usize, usize)>> {
        let set = self.set_blocks(doc, design, opts, Budget::All, tail)?;
        let (Some(blocks), Some(last)) = (set.blocks, set.tail.last_text) else {
            return Ok(None);
        };
        let text = last + 1 - set.tail.pictures;
        let fits = |cut: usize| {
            let fewer = tail::without_last_lines(&blocks, set.tail.pictures..last + 1, cut);
            flow_around(fewer, &set.grid, set.first.clone()).pages.len() <= n
        };
        let all: usize = blocks[set.tail.pictures..set.tail.pictures + text]
            .iter()
            .map(|b| b.lines.len())
            .sum();
        if !fits(all) {
            return Ok(None);
        }
        // Bisection: `hi` lines cut fits, `lo` does not.
        let (mut lo, mut hi) = (0, all);
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            if fits(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Ok(Some((hi, hi * tail::words_per_line(&blocks))))
    }
}

/// The lines on the pages after page `n`: by how much a text set on more
/// pages overflows them.
pub(super) fn lines_over(trial: &Trial, n: usize) -> usize {
    trial.pages.iter().skip(n).map(|p| p.lines.len()).sum()
}

/// "N line(s)".
pub(super) fn lines(n: usize) -> String {
    format!("{n} line{}", if n == 1 { "" } else { "s" })
}

/// "N page(s)", or "N panels" of a folded sheet.
pub(in crate::compose) fn pages(design: &Design, n: usize) -> String {
    match design.page.fold {
        Some(_) => format!("the {n} panels"),
        None if n == 1 => "one page".to_string(),
        None => format!("{n} pages"),
    }
}

/// What `--fit N` would do for a text the layout's fitting could not fit:
/// a short clause for a message. Costs a few trials that stop as soon as
/// the text cannot fit, only when fitting has already failed.
pub(super) fn fit_hint(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    n: usize,
) -> Result<String> {
    let floor = goal_for(design, n).floor.unwrap_or(design.body.size);
    // On a folded leaflet `--fit 1` means its one sheet.
    let asked = if design.page.fold.is_some() { 1 } else { n };
    let variants = variants(doc, design, opts);
    if at_floor(tools, doc, &variants, opts, n, floor)?.is_some() {
        return Ok(format!(
            "--fit {asked} sets it on {} by going below min-size (not below {floor})",
            pages(design, n)
        ));
    }
    // How much to cut is left to `--fit` itself: measuring it sets the
    // whole text once more, too dear for every long text's warning.
    Ok(format!(
        "not even --fit {asked} fits it on {} (down to {floor}); \
         --fit {asked} says how much to cut",
        pages(design, n)
    ))
}

/// What to cut for the text to fit `n` pages at `floor`, the tail shrunk
/// if it can be: lines and about as many words, measured by flowing the
/// text with fewer lines (see `Tools::lines_to_cut`). `None` when even
/// cutting all the text would not do (a head taller than the pages).
pub(super) fn over_at_floor(
    tools: &mut Tools,
    doc: &Document,
    design: &Design,
    opts: &ComposeOptions,
    n: usize,
    floor: Length,
) -> Result<Option<(usize, usize)>> {
    let tail = variants(doc, design, opts)
        .get(1)
        .map_or(Tail::Full, |v| v.tail);
    tools.lines_to_cut(doc, &scaled(design, floor), opts, tail, n)
}

/// "cut about N words (M lines)", or what to do when cutting would not help.
pub(super) fn cut_advice(cut: Option<(usize, usize)>) -> String {
    match cut {
        Some((lines, words)) => format!(
            "cut about {words} word{} ({})",
            if words == 1 { "" } else { "s" },
            self::lines(lines)
        ),
        None => "make the headline or pictures smaller".to_string(),
    }
}
