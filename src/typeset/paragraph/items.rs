//! The small items every paragraph uses: spaces, breaks and the fill.

use crate::typeset::linebreak::{Item, PenaltyKind, INFINITY};
use crate::units::Length;

/// TeX's word space: stretch by half, shrink by a third.
pub(super) fn justified_space(width: Length) -> Item {
    Item::Glue {
        width,
        stretch: width / 2.0,
        shrink: width / 3.0,
    }
}

/// A penalty that forbids a break here (before ties and fills).
pub(super) fn no_break() -> Item {
    Item::Penalty {
        width: Length::ZERO,
        cost: INFINITY,
        flagged: false,
        kind: PenaltyKind::Ordinary,
    }
}

/// A break that costs nothing (a zero-width space, a ragged line end).
pub(super) fn free_break() -> Item {
    Item::Penalty {
        width: Length::ZERO,
        cost: 0.0,
        flagged: false,
        kind: PenaltyKind::Ordinary,
    }
}

/// The paragraph's end: a break that must be taken.
pub(super) fn forced_break() -> Item {
    Item::Penalty {
        width: Length::ZERO,
        cost: -INFINITY,
        flagged: false,
        kind: PenaltyKind::Ordinary,
    }
}

/// TeX's `\parfillskip`: glue that stretches without limit, so the last
/// line is set at its natural width.
pub(super) fn fill() -> Item {
    Item::Glue {
        width: Length::ZERO,
        stretch: Length::pt(1.0e6),
        shrink: Length::ZERO,
    }
}
