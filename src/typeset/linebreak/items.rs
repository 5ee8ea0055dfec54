//! The breaker's input: boxes, glue and penalties, and its tuning.

use crate::units::Length;

/// Penalty values at or above this forbid a break; at or below `-INFINITY` force one.
///
/// TeX's convention: the two ends of the cost scale mean "never" and
/// "always", so callers express both with an ordinary penalty item.
pub const INFINITY: f64 = 10000.0;

/// Which passes may break at a penalty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PenaltyKind {
    /// An ordinary break opportunity, usable in every pass.
    Ordinary,
    /// A discretionary hyphen. As in TeX, the first pass tries to do without
    /// hyphenation, so these are usable from the second pass on.
    Hyphen,
    /// A hyphen inside a capitalised word, usually a name ("Ser-bian",
    /// "Mon-day"): split, a name is harder to recognise. TeX's `\uchyph=0`
    /// forbids these outright; here they are kept for the paragraph that
    /// has no setting within `tolerance` without one, so only the final
    /// passes may use them.
    NameHyphen,
    /// A break after a separator of a web or e-mail address ("/", ".",
    /// "@"), drawn without a hyphen. Usual practice for a long address, but
    /// a split one is harder to type, so only the final passes may use it:
    /// a paragraph that sets well around an unbroken address keeps it whole.
    Address,
    /// A break at a space a reader takes as a tie: inside a time or measure
    /// ("11 h / 30"), after a Czech or Polish one-letter word ("v /
    /// Praze"). A paragraph that sets within `tolerance` keeping them whole
    /// keeps them so; only the final passes may break there, where a line
    /// loose beyond tolerance is the alternative.
    Tie,
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
    /// Extra stretch every line is counted with in TeX's emergency pass
    /// ([`super::Pass::Stretched`], TeX `\emergencystretch`); zero skips
    /// that pass. It only changes which breaks are chosen; reported ratios
    /// use the real stretch.
    pub emergency_stretch: Length,
    /// Demerits for a paragraph's last line shorter than
    /// `short_last_line` of its measure: a lone "gle." under a full
    /// paragraph reads as a printing slip and wastes a line. Not for a
    /// last line after a forced break (a line its writer ended, as the
    /// last line of an address), whose length is the writer's.
    pub short_last_line_demerits: f64,
    /// The share of the measure below which a last line counts as short.
    pub short_last_line: f64,
    /// Whether `short_last_line_demerits` grow with how short the last
    /// line is: those of a line one fifth of `short_last_line` short, and
    /// three times as many for one three fifths short (for text whose
    /// lines stretch too little to avoid every short last line: a stub of
    /// one character should lose to one of three). Otherwise every short
    /// last line costs the same.
    pub grade_short_last_line: bool,
    /// Most hyphenated lines in a row (0 = no limit). A ladder of hyphens
    /// down the right edge is the most visible flaw of justified columns;
    /// `double_hyphen_demerits` only discourages it, this forbids it.
    pub max_hyphen_run: usize,
}

impl Default for Params {
    /// TeX's plain-format values (`emergency_stretch` 0, as in plain TeX).
    /// TeX has no cost for a short last line, so it is off.
    fn default() -> Params {
        Params {
            pretolerance: 100.0,
            tolerance: 200.0,
            line_penalty: 10.0,
            adj_demerits: 10000.0,
            double_hyphen_demerits: 10000.0,
            final_hyphen_demerits: 5000.0,
            emergency_stretch: Length::ZERO,
            short_last_line_demerits: 0.0,
            short_last_line: 0.0,
            grade_short_last_line: false,
            max_hyphen_run: 0,
        }
    }
}
