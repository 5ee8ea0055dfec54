//! Word spaces a line must not break at, read from the words on either
//! side: a number with the word it counts, an amount with its currency
//! sign, the parts of a spaced abbreviation, a sign with its number
//! ("§ 5"), a form's label with its blank, digits grouped by a space
//! ("10 000", "+44 7700 900123"). A few such spaces (inside a measure, "2 h 30"; after a
//! one-letter word; before a number that closes a clause) a justified
//! line may still break at [`TIE_BREAK_COST`], rather than gape.

use crate::statement::document::{Style, LINE_BREAK};
use crate::style::Align;

use super::chars::{is_ignorable, is_separator};

/// Whether a line may break at a word space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SpaceBreak {
    /// Freely, as at any word space.
    Free,
    /// At [`TIE_BREAK_COST`], in justified text only: inside a time or
    /// measure ("11 h 30"), after a Czech or Polish one-letter word.
    Dear,
    /// Never: a no-break space, a number before what it counts, a spaced
    /// dash after its word.
    Never,
}

/// A run of word spaces and other separators from `chars[i]`, which acts
/// as one space: where it ends, whether a no-break space in it ties the
/// words on either side, and whether it is nothing but zero-width spaces.
pub(super) fn separator_run(chars: &[(char, Style)], i: usize) -> (usize, bool, bool) {
    // Runs of separators act as one: the strongest tie wins.
    let mut j = i;
    let mut tie = false;
    let mut zero_width = true;
    loop {
        while j < chars.len() && is_separator(chars[j].0) {
            tie |= chars[j].0 == '\u{A0}' || chars[j].0 == '\u{202F}';
            zero_width &= chars[j].0 == '\u{200B}';
            j += 1;
        }
        // Format marks alone between two spaces (a stray U+061C
        // or U+200E from a web page) draw nothing and join
        // nothing: the spaces around them are one space.
        let k = j + chars[j..]
            .iter()
            .take_while(|(c, _)| is_ignorable(*c))
            .count();
        if k == j || !chars.get(k).is_some_and(|(c, _)| is_separator(*c)) {
            break;
        }
        j = k;
    }
    (j, tie, zero_width)
}

/// Where a line may break at the space between `before` and `after`, the
/// space itself a tie if `tied`: never where the words on either side
/// belong together (see the functions above), nor in a table's row, which
/// stays one line; at [`TIE_BREAK_COST`] in justified text only (never in
/// ragged) inside a measure, after a one-letter word of
/// `one_letter_words`, or before a number that closes a clause; freely
/// elsewhere.
pub(super) fn space_break(
    before: &[(char, Style)],
    after: &[(char, Style)],
    tied: bool,
    one_letter_words: &str,
    (align, table): (Align, bool),
) -> SpaceBreak {
    let mut tie = tied;
    // A dash set off by spaces is a parenthesis or a pause: it
    // belongs to the words before it, and a line must not
    // start with it ("– the official"). So does a dot or bar set
    // between the parts of a meta line ("Friends of Amal · +44 …"),
    // which opening a line reads as a stray mark.
    // A mark after a mark is a row of them ("- - - -", a cut line), which
    // tied so made one word wider than any column.
    tie |= is_spaced_mark(after) && !is_lone_mark(before);
    // A number stays with the word it counts or dates: "50
    // people", "3 km", "26. März", as TeX users tie them.
    tie |= counts_next(before, after);
    // Digits grouped by a space, as French, Polish, Russian and
    // Swedish write thousands: "10 / 000 euros" read as two.
    tie |= groups_digits(before, after);
    // A telephone number written in groups ("+44 7700 900123", "06 12
    // 34 56 78") is dialled from one line.
    tie |= inside_phone_number(before, after);
    // An abbreviation of several parts ("z. B.", "d. h.", "т. е.")
    // and initials ("J. R. Jones") never part.
    tie |= abbreviation_goes_on(before, after);
    // A sign or abbreviation keeps the number it introduces:
    // "€ 50", "§ 218", "Nr. 12", "Art. 5".
    tie |= introduces_number(before, after);
    // A form's label keeps its blank: "Name: ________".
    tie |= labels_blank(before, after);
    // Inside a time or measure ("11 h 30"), and after a Czech or
    // Polish one-letter word ("v Praze", see
    // `sense::one_letter_words`), a justified line may still
    // break at a price, as a forbidden break could leave it
    // gaping; a ragged one never needs to.
    let dear = inside_measure(before, after)
        || ends_on_letter(before, one_letter_words)
        || numbers_previous(before, after);
    // A table's row stays one line.
    if tie || table || dear && align != Align::Justify {
        SpaceBreak::Never
    } else if dear {
        SpaceBreak::Dear
    } else {
        SpaceBreak::Free
    }
}

/// Marks set off by spaces between words: an en or em dash (a
/// parenthesis, a pause), and a middle dot, a bullet or a bar between the
/// parts of a list set so.
const SPACED_MARKS: [char; 5] = ['\u{2013}', '\u{2014}', '\u{B7}', '\u{2022}', '|'];

/// Whether `rest` starts with one of [`SPACED_MARKS`] standing alone as a
/// word (with a space or the paragraph's end after it).
fn is_spaced_mark(rest: &[(char, Style)]) -> bool {
    rest.first().is_some_and(|(c, _)| SPACED_MARKS.contains(c))
        && rest.get(1).is_none_or(|(c, _)| is_separator(*c))
}

/// Whether the word that ends `before` is a mark alone: one of
/// [`SPACED_MARKS`], or a hyphen typed for a dash.
fn is_lone_mark(before: &[(char, Style)]) -> bool {
    let mut word = before.iter().rev().take_while(|(c, _)| !is_separator(*c));
    match (word.next(), word.next()) {
        (Some((c, _)), None) => *c == '-' || SPACED_MARKS.contains(c),
        _ => false,
    }
}

/// The most characters of a number that is tied to the word after it: a
/// count, a day, an hour or an amount ("50", "26.", "18.30", "2,5"). A
/// year or a longer figure is not: "in 2026 the" needs no tie.
const COUNT_CHARS: usize = 5;

/// Signs written after an amount, a space apart in most of Europe
/// ("11,20 €", "15 %"): the currency signs in use and the per cent and
/// per mille signs. A line ending on "11.20" with "€" starting the next
/// leaves the amount without its unit (seen in a table's row on the A4
/// leaflet).
const AMOUNT_SIGNS: &[char] = &[
    '€', '$', '£', '¥', '¢', '₹', '₽', '₺', '₴', '₦', '₩', '₪', '₫', '₱', '₸', '₾', '₼', '%', '‰',
];

/// Whether the word that ends `before` is a number and the word that
/// starts `after` begins with a letter or is the sign of an amount (see
/// [`AMOUNT_SIGNS`]): then the space between them is a tie, as a number
/// read at a line's end without what it counts means nothing yet.
fn counts_next(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let number = last_word(before);
    let figure = number.first().is_some_and(|(c, _)| c.is_numeric())
        && number.len() <= COUNT_CHARS
        && number
            .iter()
            .all(|(c, _)| c.is_numeric() || matches!(c, '.' | ',' | ':'));
    figure
        && after
            .first()
            .is_some_and(|(c, _)| c.is_alphabetic() || AMOUNT_SIGNS.contains(c))
}

/// The most letters of a part of a spaced abbreviation ("z. B.", "u. a.",
/// "i. d. R.", "т. е.") or of an initial: two; a longer word with a full
/// stop ends a sentence as often as not.
const ABBREVIATION_LETTERS: usize = 2;

/// Whether the word ending `before` and the one starting `after` are each
/// a letter or two and a full stop: parts of one abbreviation, which
/// German (Duden), Russian and Czech typesetting keep on one line ("d. /
/// h." on the A6 handout), or initials.
fn abbreviation_goes_on(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let part = |word: &[(char, Style)]| {
        word.split_last().is_some_and(|((stop, _), letters)| {
            *stop == '.'
                && (1..=ABBREVIATION_LETTERS).contains(&letters.len())
                && letters.iter().all(|(c, _)| c.is_alphabetic())
        })
    };
    let next = after
        .iter()
        .position(|(c, _)| is_separator(*c) || *c == LINE_BREAK)
        .map_or(after, |k| &after[..k]);
    // "B.," or "h.)": what closes the abbreviation may follow it.
    let next = match next.iter().position(|(c, _)| *c == '.') {
        Some(k) => &next[..=k],
        None => next,
    };
    part(last_word(before)) && part(next)
}

/// The signs a number is written after, with a space: currencies (see
/// [`AMOUNT_SIGNS`]), the section and number signs.
const NUMBER_SIGNS: &[char] = &['§', '№', '#'];

/// The most letters of an abbreviation that numbers what follows: "Nr.",
/// "No.", "Art.", "Abs.", "S.".
const NUMBERING_LETTERS: usize = 4;

/// Whether the word ending `before` is a sign or a capitalised
/// abbreviation that introduces the number starting `after` ("€ 50", "§
/// 218", "Nr. 12", "Art. 5"): a line ending on the sign or "Nr." leaves
/// it without its number.
fn introduces_number(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    if !after.first().is_some_and(|(c, _)| c.is_ascii_digit()) {
        return false;
    }
    match last_word(before) {
        // A per cent or per mille sign follows its number instead.
        [(c, _)] => {
            (AMOUNT_SIGNS.contains(c) && !matches!(c, '%' | '‰')) || NUMBER_SIGNS.contains(c)
        }
        [(first, _), letters @ .., (stop, _)] => {
            *stop == '.'
                && first.is_uppercase()
                && letters.len() < NUMBERING_LETTERS
                && letters.iter().all(|(c, _)| c.is_alphabetic())
        }
        _ => false,
    }
}

/// The fewest marks of a blank to write in ("____", "……", "....").
const BLANK_MARKS: usize = 3;

/// Whether the word ending `before` is a label (its last character a
/// colon) and `after` starts with a blank of underscores or dots: a
/// petition's or a form's "Name: ________", which a line ending on
/// "Address:" parts from the line to write on.
fn labels_blank(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let label = last_word(before)
        .last()
        .is_some_and(|(c, _)| matches!(c, ':' | '：'));
    // An ellipsis is three dots.
    let marks: usize = after
        .iter()
        .map_while(|(c, _)| match c {
            '_' | '.' => Some(1),
            '…' => Some(3),
            _ => None,
        })
        .sum();
    label && marks >= BLANK_MARKS
}

/// The digits of a group of thousands, which a space may part from the
/// digits before it: three, in every language that groups them so.
const THOUSANDS: usize = 3;

/// Whether the word that ends `before` is one to [`THOUSANDS`] digits
/// and `after` starts with a group of exactly that many ("10 000", "1
/// 500,50", "25 000 000"): the space is a thousands separator, inside one
/// number.
fn groups_digits(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let digit = |c: &char| c.is_ascii_digit();
    let head = last_word(before);
    let group = after.iter().take_while(|(c, _)| digit(c)).count();
    (1..=THOUSANDS).contains(&head.len())
        && head.iter().all(|(c, _)| digit(c))
        && group == THOUSANDS
        && !after
            .get(THOUSANDS)
            .is_some_and(|(c, _)| c.is_alphanumeric() && !digit(c))
}

/// The fewest and most digits of a telephone number: a local number has
/// six or more, and ITU-T E.164 allows fifteen with the country code.
const PHONE_DIGITS: std::ops::RangeInclusive<usize> = 6..=15;

/// The most digits of a group of a telephone number after its first
/// ("030 12345678" in Germany).
const PHONE_GROUP_DIGITS: usize = 8;

/// One group of a telephone number: its digits, whether it is written
/// as only a first group is (after "+", or with a trunk "0"), and whether
/// it is in parentheses ("(020)", the "(0)" of "+44 (0) 20").
struct PhoneGroup {
    digits: usize,
    opens: bool,
    bracketed: bool,
}

/// `word` as a group of a telephone number: digits, perhaps after "+" or
/// in parentheses, perhaps with a comma or full stop after them when
/// `closing`. Hyphens may join digits inside a group, as Russian and
/// American numbers are written ("+7 912 345-67-89", "(555) 123-4567");
/// a group's digits are counted without them.
fn phone_group(word: &[(char, Style)], closing: bool) -> Option<PhoneGroup> {
    let mut w = word;
    if closing
        && w.last()
            .is_some_and(|(c, _)| matches!(c, ',' | '.' | ';' | ':'))
    {
        w = &w[..w.len() - 1];
    }
    let plus = w.first().is_some_and(|(c, _)| *c == '+');
    let bracketed = w.len() > 2 && w[0].0 == '(' && w[w.len() - 1].0 == ')';
    let digits = match (plus, bracketed) {
        (true, _) => &w[1..],
        (_, true) => &w[1..w.len() - 1],
        _ => w,
    };
    let joined = |k: usize| {
        k > 0
            && k + 1 < digits.len()
            && digits[k - 1].0.is_ascii_digit()
            && digits[k + 1].0.is_ascii_digit()
    };
    let valid = !digits.is_empty()
        && digits
            .iter()
            .enumerate()
            .all(|(k, (c, _))| c.is_ascii_digit() || (*c == '-' && joined(k)));
    valid.then(|| PhoneGroup {
        digits: digits.iter().filter(|(c, _)| c.is_ascii_digit()).count(),
        opens: plus || digits[0].0 == '0',
        bracketed,
    })
}

/// Whether the space between `before` and `after` is inside a telephone
/// number written in groups of digits: "+44 7700 900123", "(020) 7946
/// 0958", "06 12 34 56 78", "347 123 4567". Two groups of plain digits
/// are a number only when the first opens one as a telephone number does
/// ("+", parentheses, a trunk "0"): "in 2026 100 people" is two numbers.
/// A line that breaks one leaves a reader dialling half of it.
fn inside_phone_number(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    // Most spaces have a letter on one side: nothing more to read.
    let digit_before = before
        .last()
        .is_some_and(|(c, _)| c.is_ascii_digit() || *c == ')');
    let digit_after = after
        .first()
        .is_some_and(|(c, _)| c.is_ascii_digit() || *c == '(');
    if !digit_before || !digit_after {
        return false;
    }
    // The groups before the space, last first, each one space apart, back
    // to one that opens with "+" or a parenthesis. A run of more digits
    // than a number has is none, and is read no further: a line of
    // figures ("1 2 3 4 …") would otherwise be read back to its start at
    // every space.
    let too_many = |groups: &[PhoneGroup]| {
        groups.iter().map(|g| g.digits).sum::<usize>() > *PHONE_DIGITS.end()
    };
    let mut groups = Vec::new();
    let mut end = before.len();
    loop {
        let word = last_word(&before[..end]);
        let Some(group) = phone_group(word, false) else {
            break;
        };
        let first = matches!(word[0].0, '+' | '(');
        end -= word.len();
        groups.push(group);
        if too_many(&groups) {
            return false;
        }
        let one_space =
            end >= 2 && is_separator(before[end - 1].0) && !is_separator(before[end - 2].0);
        if first || !one_space {
            break;
        }
        end -= 1;
    }
    groups.reverse();
    // The groups after it, up to one closed by punctuation.
    let mut rest = after;
    loop {
        let len = rest
            .iter()
            .position(|(c, _)| is_separator(*c) || *c == LINE_BREAK)
            .unwrap_or(rest.len());
        let word = &rest[..len];
        match phone_group(word, true) {
            Some(g) if word[0].0 != '+' => groups.push(g),
            _ => break,
        }
        if too_many(&groups) {
            return false;
        }
        let closed = word
            .last()
            .is_some_and(|(c, _)| matches!(c, ',' | '.' | ';' | ':'));
        if closed || rest.get(len).is_none_or(|(c, _)| !is_separator(*c)) {
            break;
        }
        rest = &rest[len + 1..];
    }
    let Some((first, later)) = groups.split_first() else {
        return false;
    };
    let total: usize = groups.iter().map(|g| g.digits).sum();
    !later.is_empty()
        && later
            .iter()
            .all(|g| g.bracketed || (2..=PHONE_GROUP_DIGITS).contains(&g.digits))
        && PHONE_DIGITS.contains(&total)
        && (first.opens || first.bracketed || groups.len() >= 3)
}

/// The most letters of a unit that a number after it continues: the `h`
/// of "11 h 30", the `m` of "1 m 80". A range's two-letter "to" or "do"
/// ("9 to 16 minutes") is tied too, which reads as well; longer words
/// ("and", "bis") leave "5 and 6" free to break.
const MEASURE_UNIT_CHARS: usize = 2;

/// The cost of a break at a tie of justified text ("11 h / 30", "v /
/// Praze"): a line should keep it whole, but not at any price. In a narrow
/// column a forbidden break there left a justified line gaping by an em
/// ("Rendez-vous le jeudi 26 mars à", the French sample on the tri-fold).
/// Such a break is only tried by the final passes (see
/// [`PenaltyKind::Tie`]), where every setting has a line beyond
/// tolerance; there its square, the demerits it adds, is what a line of
/// badness 1000 costs, one whose spaces have stretched twice as far as
/// they are meant to.
///
/// [`PenaltyKind::Tie`]: crate::typeset::linebreak::PenaltyKind::Tie
pub(super) const TIE_BREAK_COST: f64 = 1000.0;

/// Whether the words ending `before` are a number and a unit of at most
/// [`MEASURE_UNIT_CHARS`] letters and `after` starts with a figure: the
/// space inside a time or measure written in two units ("11 h 30", half
/// past eleven as French writes it), which a line must not split either.
fn inside_measure(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    if !after.first().is_some_and(|(c, _)| c.is_numeric()) {
        return false;
    }
    let unit = last_word(before);
    let start = before.len() - unit.len();
    if unit.is_empty()
        || unit.len() > MEASURE_UNIT_CHARS
        || !unit.iter().all(|(c, _)| c.is_alphabetic())
    {
        return false;
    }
    let mut end = start;
    while end > 0 && is_separator(before[end - 1].0) {
        end -= 1;
    }
    end < start && counts_next(&before[..end], unit)
}

/// The most digits of a number that closes a clause and stays with the
/// word before it: a house or room number ("Lindenstraße 8,", "broj
/// 14.", "Gate 3a."). Years ("in 2026.") have four and go with it too.
const NUMBERED_DIGITS: usize = 4;

/// Whether `after` starts with a short number (and perhaps one letter,
/// "8a") that ends a clause or the paragraph, and `before` ends with a
/// word that does not: the number belongs to that word, the street or
/// room it numbers, and a line starting "8, Erdgeschoss." reads as a
/// stray figure ("Gemeinschaftsraum Lindenstraße / 8, Erdgeschoss.").
fn numbers_previous(before: &[(char, Style)], after: &[(char, Style)]) -> bool {
    let word = last_word(before);
    if !word.last().is_some_and(|(c, _)| c.is_alphabetic()) {
        return false;
    }
    let end = after
        .iter()
        .position(|(c, _)| is_separator(*c))
        .unwrap_or(after.len());
    let token: Vec<char> = after[..end].iter().map(|(c, _)| *c).collect();
    let digits = token.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &token[digits..];
    let rest = match rest {
        [l, tail @ ..] if l.is_lowercase() => tail,
        _ => rest,
    };
    (1..=NUMBERED_DIGITS).contains(&digits) && matches!(rest, [',' | '.' | ';' | ':' | ')'])
}

/// Whether the word that ends `before` is one letter of `letters`.
fn ends_on_letter(before: &[(char, Style)], letters: &str) -> bool {
    matches!(last_word(before), [(c, _)] if letters.contains(*c))
}

/// The characters of `before` after its last separator: the word it ends
/// with, empty when it ends with a separator.
fn last_word(before: &[(char, Style)]) -> &[(char, Style)] {
    let start = before
        .iter()
        .rposition(|(c, _)| is_separator(*c))
        .map_or(0, |k| k + 1);
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styled(text: &str) -> Vec<(char, Style)> {
        text.chars().map(|c| (c, Style::default())).collect()
    }

    #[test]
    fn a_number_that_closes_a_clause_stays_with_the_word_it_numbers() {
        let tied = |before: &str, after: &str| numbers_previous(&styled(before), &styled(after));
        assert!(tied("im Gemeinschaftsraum Lindenstraße", "8, Erdgeschoss."));
        assert!(tied("u ulici broj", "14. Pozivamo"));
        assert!(tied("at Gate", "3a."));
        // Not after a clause's end, not a number that counts the next
        // word, not a figure with a point inside it, not a long one.
        assert!(!tied("26. März,", "18.30 Uhr"));
        assert!(!tied("we are", "50 people"));
        assert!(!tied("costs", "2.50."));
        assert!(!tied("population", "120000."));
        assert!(!tied("items 1,", "2, 3"));
    }

    #[test]
    fn an_amount_stays_with_its_currency_or_per_cent_sign() {
        let tied = |before: &str, after: &str| counts_next(&styled(before), &styled(after));
        assert!(tied("Now: 11.20", "€ · We ask"));
        assert!(tied("um 15", "% erhöht"));
        assert!(tied("we are 50", "people"));
        // Not a year before its sign, nor a sign after a word.
        assert!(!tied("in 202612", "€"));
        assert!(!tied("costs", "€ 5"));
    }

    #[test]
    fn a_spaced_abbreviation_is_one_word() {
        // Before: "höhere Löhne, d. / h. echte Verbesserungen, u. / a." on
        // the A6 handout.
        let tied =
            |before: &str, after: &str| abbreviation_goes_on(&styled(before), &styled(after));
        assert!(tied("Löhne, d.", "h. echte"));
        assert!(tied("z.", "B."));
        assert!(tied("i. d.", "R., mehr"));
        assert!(tied("и т.", "д."));
        assert!(tied("by J.", "R. Jones"));
        // Not a sentence's end before a word, nor a word of three letters.
        assert!(!tied("Das ist so.", "Er kommt."));
        assert!(!tied("bis 5.", "Mai"));
        assert!(!tied("vgl.", "S. 5"));
    }

    #[test]
    fn a_sign_or_abbreviation_keeps_its_number() {
        let tied = |before: &str, after: &str| introduces_number(&styled(before), &styled(after));
        assert!(tied("costs €", "50 a month"));
        assert!(tied("nach §", "218"));
        assert!(tied("Haus Nr.", "12"));
        assert!(tied("see Art.", "5,"));
        assert!(tied("at No.", "10"));
        // Not a per cent sign (it follows its number), a word, or a long
        // abbreviation.
        assert!(!tied("up %", "5"));
        assert!(!tied("rooms", "12"));
        assert!(!tied("Gemeinschaftsr.", "8"));
        assert!(!tied("costs €", "a lot"));
    }

    #[test]
    fn a_forms_label_keeps_its_blank() {
        let tied = |before: &str, after: &str| labels_blank(&styled(before), &styled(after));
        assert!(tied("Name:", "________ Address:"));
        assert!(tied("____ Signature:", "....... "));
        assert!(tied("Datum:", "……"));
        // Not a label, a short mark, or words after a colon.
        assert!(!tied("Name", "________"));
        assert!(!tied("Note:", "__"));
        assert!(!tied("We ask:", "rents down"));
    }

    #[test]
    fn digits_grouped_by_a_space_are_one_number() {
        // Before: "réclament 10 / 000 euros" on the A6 handout.
        let tied = |before: &str, after: &str| groups_digits(&styled(before), &styled(after));
        assert!(tied("réclament 10", "000 euros"));
        assert!(tied("soit 1", "500,50 €"));
        assert!(tied("25 000", "000."));
        // Not a group of two or four, a word before, or a code's letters.
        assert!(!tied("items 1", "23 and"));
        assert!(!tied("in 2026", "100 people"));
        assert!(!tied("room", "123"));
        assert!(!tied("page 1", "234b"));
    }

    #[test]
    fn a_spaced_dash_or_separator_stays_with_the_word_before_it() {
        for rest in [
            "– the official",
            "— and",
            "· +44 7700 900123",
            "• Serbia",
            "| Tuesday",
        ] {
            assert!(is_spaced_mark(&styled(rest)), "{rest}");
        }
        // Not a dash or dot inside a word or a figure.
        for rest in ["–5 °C", "·x", "e-mail", "|a|"] {
            assert!(!is_spaced_mark(&styled(rest)), "{rest}");
        }
        // Nor a mark after a mark: a row of them breaks where it must.
        // Before: "- – – – … –" was one word wider than the A6's column,
        // and the build failed.
        for before in ["✂ -", "and –", "a ·", "|"] {
            assert!(is_lone_mark(&styled(before)), "{before}");
        }
        for before in ["word", "e-", "–5", ""] {
            assert!(!is_lone_mark(&styled(before)), "{before}");
        }
    }

    #[test]
    fn a_telephone_number_is_dialled_from_one_line() {
        // Before: "Friends of Amal · … · +44 / 7700 900123" on the A4
        // leaflet's meta line.
        let tied = |before: &str, after: &str| inside_phone_number(&styled(before), &styled(after));
        assert!(tied("amal@example.org · +44", "7700 900123"));
        assert!(tied("· +44 7700", "900123"));
        assert!(tied("call (020)", "7946 0958."));
        assert!(tied("ring 06 12", "34 56 78, or"));
        assert!(tied("ring 06", "12 34 56 78"));
        assert!(tied("chiamate il 347", "123 4567"));
        assert!(tied("Tel. 030", "12345678"));
        // Not two numbers in a sentence, a year and a count, digits too
        // few or too many, or a number after a word.
        assert!(!tied("in 2026", "100 people"));
        assert!(!tied("rooms 12", "14 and"));
        assert!(!tied("+44", "77"));
        assert!(!tied("+44 7700 9001", "2345 6789 0123"));
        assert!(!tied("room", "7946 0958"));
        assert!(tied("ring +44", "(0) 20 7946 0958"));
        assert!(!tied("Line 1 (2)", "3 4"));
        // Groups joined by hyphens inside.
        assert!(tied("телефон +7", "912 345-67-89"));
        assert!(tied("+7 912", "345-67-89"));
        assert!(tied("call (555)", "123-4567."));
        // Not a range of years, nor a hyphen at a group's end.
        assert!(!tied("in 2026", "2027-2028 and"));
        assert!(!tied("+44", "7700- 900123"));
    }

    #[test]
    fn a_time_in_two_units_is_one_measure() {
        let tied = |before: &str, after: &str| inside_measure(&styled(before), &styled(after));
        assert!(tied("à 11 h", "30, devant"));
        assert!(tied("1 m", "80"));
        // Not a unit after a number, or no number after it.
        assert!(!tied("from 5 and", "6"));
        assert!(!tied("Plan B", "2"));
        assert!(!tied("à 11 h", "devant"));
        assert!(!tied("h", "30"));
    }
}
