//! The search for the largest body size that fits, from a guess.

use super::FIT_PRECISION_PT;
use crate::error::Result;
use crate::units::Length;

/// Where the search starts: the size at which text that takes `n - 1`
/// pages and `fill` of the last at `lo` would take `n` whole pages, as the
/// room text takes grows with the square of its size (lines are longer in
/// words and taller). The head, which does not grow, makes it a little
/// low, which the search corrects.
pub(in crate::compose) fn size_guess(lo: Length, n: usize, fill: f64) -> Length {
    let taken = (n as f64 - 1.0 + fill.clamp(0.0, 1.0)).max(0.5);
    lo * (n as f64 / taken).sqrt()
}

/// [`size_guess`] for a text on one page: the head (`head` of its text
/// area, set apart from the body size) does not grow, so only the room
/// below it is shared out; without this, a poster's guess for the
/// reference statement was 21.7pt where 25.3pt fits.
pub(super) fn one_page_guess(lo: Length, fill: f64, head: f64) -> Length {
    let head = head.clamp(0.0, 0.9);
    let body = (fill.clamp(0.0, 1.0) - head).max(0.05);
    lo * ((1.0 - head) / body).sqrt()
}

/// How many strides the search takes from its guess before it bisects:
/// a step, then two steps more. A guess is usually within a step or two of
/// the answer; one further off costs up to three settings more than
/// bisecting the whole range would, and more strides would cost more.
const GUESS_STRIDES: usize = 2;

/// The largest size between `lo`, which fits, and `hi`, which does not, at
/// which `fits`, to within [`FIT_PRECISION_PT`]. Each answer costs a
/// setting of the text, so the search starts at `guess` (see
/// [`size_guess`]): then it goes away from it, the way the guess says, by
/// [`GUESS_STRIDES`] strides of a step that double, stopping where one
/// crosses, and bisects what is left. Bisecting the whole range took five
/// or six settings of the text; from a guess within a step or two this
/// takes two to four. It ends within the same precision, assuming that
/// what fits at a size fits at every smaller one.
pub(in crate::compose) fn search(
    (mut lo, mut hi): (Length, Length),
    guess: Length,
    mut fits: impl FnMut(Length) -> Result<bool>,
) -> Result<Length> {
    let step = Length::pt(FIT_PRECISION_PT);
    let g = guess.max(lo).min(hi);
    if g - lo > step / 2.0 && hi - g > step / 2.0 {
        let up = fits(g)?;
        if up {
            lo = g
        } else {
            hi = g
        }
        let mut stride = step;
        for _ in 0..GUESS_STRIDES {
            let next = if up { lo + stride } else { hi - stride };
            if next <= lo || next >= hi {
                break;
            }
            let next_fits = fits(next)?;
            if next_fits {
                lo = next;
            } else {
                hi = next;
            }
            if next_fits != up {
                break;
            }
            stride = stride * 2.0;
        }
    }
    while hi - lo > step {
        let mid = (lo + hi) / 2.0;
        if fits(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guess_grows_the_size_by_the_room_left() {
        // Two pages and a quarter at 9pt: three whole pages at 9pt times
        // the square root of 3 / 2.25.
        let g = size_guess(Length::pt(9.0), 3, 0.25);
        assert!((g.to_pt() - 9.0 * (3.0f64 / 2.25).sqrt()).abs() < 1e-9);
        // A full last page leaves nothing to grow.
        assert_eq!(size_guess(Length::pt(9.0), 2, 1.0), Length::pt(9.0));
    }

    #[test]
    fn the_search_ends_a_step_below_the_answer_wherever_the_guess_is() {
        let range = (Length::pt(9.0), Length::pt(18.0));
        for answer in [9.1, 10.0, 12.34, 15.0, 17.9] {
            for guess in [8.0, 9.5, 12.0, 12.4, 16.0, 20.0] {
                let mut tries = 0;
                let found = search(range, Length::pt(guess), |s| {
                    tries += 1;
                    Ok(s.to_pt() <= answer)
                })
                .unwrap()
                .to_pt();
                assert!(
                    found <= answer && answer - found <= FIT_PRECISION_PT,
                    "answer {answer}, guess {guess}: {found}"
                );
                // Bisecting 9pt to a quarter point takes six; a good guess
                // takes two or three.
                assert!(tries <= 9, "answer {answer}, guess {guess}: {tries} tries");
                if (guess - answer).abs() < 0.2 {
                    assert!(tries <= 3, "answer {answer}, guess {guess}: {tries} tries");
                }
            }
        }
    }
}
