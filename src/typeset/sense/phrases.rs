//! Breaks by sense in text written without spaces.
//!
//! A Chinese or Japanese headline may break between any two characters,
//! and a break inside a word reads as badly as "Soli- / darity": "保育士の人
//! / 員を増やし / てください" cuts 人員 ("staff") in two. Good display
//! setting breaks between phrases, as Japanese *bunsetsu* line breaking
//! (CSS `word-break: auto-phrase`) does: "保育士の / 人員を / 増やしてください".
//!
//! Finding phrases exactly takes a morphological analyser. The form of
//! the text, and for Chinese a dictionary, tell enough for a headline's few
//! breaks:
//!
//! - **Japanese** writes a phrase as a content word in kanji or katakana
//!   followed by hiragana (particles, verb endings): "人員を", "増やして".
//!   So a phrase ends where hiragana is followed by anything else; a
//!   change between kanji and katakana is a likely word boundary; every
//!   other place is inside a phrase.
//! - **Chinese** has no such marks, but a few grammatical particles only
//!   ever end a phrase (的, 了, 们, …): a line never starts with one. And
//!   a break inside a word of ICU4X's Chinese dictionary (要求, "demand";
//!   公平, "fair") costs as much as one inside a phrase. The dictionary is
//!   only a guess at words it lacks (it cuts 老公寓, "old flats", into
//!   老公|寓, "husband" and a stray character), so it only makes breaks
//!   dearer, and Japanese, which its dictionary cuts worse (保育|士), keeps
//!   to the rule above.
//! - In both, a clause ends after a comma, colon, full stop or closing
//!   bracket, the best place of all; a line may start with an opening
//!   bracket.
//! - **Thai and Khmer** break only between dictionary words, never after
//!   a preposition, conjunction or the prefix that makes a noun (Thai
//!   ความ, การ; Khmer ការ), from the lists of the `words` module: those
//!   lead into the words after them. A phrase starts before one of them,
//!   so a break there is between phrases. Elsewhere two dictionary words
//!   are often the parts of one compound, which the dictionary cuts: คน|งาน
//!   ("worker"), เรียก|ร้อง ("demand"), เป็น|ธรรม ("fair"). A break inside
//!   a compound of the `words` module's list costs as much as one after a
//!   preposition; any other is priced as one inside a phrase, as it is in
//!   Japanese, since without a morphological analyser it cannot be told
//!   from a compound the list lacks: "คนงานโรงงาน / เรียกร้อง /
//!   ความเป็นธรรม", not "…เรียก / ร้องความเป็นธรรม".
//!
//! The costs are the ones [`super`] gives the gaps between words.

use super::words;
use super::{AFTER_CLAUSE, CLINGING, PHRASE, WITHIN_CLAUSE};
use crate::script::{is_closing, is_ideographic, is_opening};
use crate::typeset::paragraph::SegmentPlace;
use crate::typeset::segment::{self, between_dictionary_words};

/// The cost of a break between `before` and `after`, two characters of a
/// display line without spaces in the language `lang` (its primary
/// subtag, lower case); `segment` is the text since the last place the
/// line might break.
pub fn segment_cost(place: &SegmentPlace, lang: &str) -> f64 {
    let (before, after) = (place.before, place.after);
    if ends_clause(before) {
        return AFTER_CLAUSE;
    }
    if ends_clause(after) {
        // Kinsoku offers no such break; were there one, it would be inside.
        return PHRASE;
    }
    if opens(after) {
        return WITHIN_CLAUSE;
    }
    if !is_ideographic(before) && !is_ideographic(after) {
        // Thai, Khmer and the like: between two dictionary words.
        return if words::is_clinging(lang, place.segment())
            || words::inside_compound(lang, place.run, place.at)
        {
            CLINGING
        } else if words::is_clinging(lang, next_word(place)) {
            WITHIN_CLAUSE
        } else {
            PHRASE
        };
    }
    let japanese = lang == "ja" || is_kana(before) || is_kana(after);
    if japanese {
        let phrase_end = is_hiragana(before) && !is_hiragana(after);
        let word_change =
            (is_han(before) && is_katakana(after)) || (is_katakana(before) && is_han(after));
        if phrase_end || word_change {
            WITHIN_CLAUSE
        } else {
            PHRASE
        }
    } else if is_han(after) && ENDS_PHRASE_ZH.contains(&after)
        || is_han(before) && is_han(after) && !between_dictionary_words(place.run, place.at)
    {
        PHRASE
    } else {
        WITHIN_CLAUSE
    }
}

/// The dictionary word after a place in text without spaces: up to the
/// next place a line may break, or the end of the run.
fn next_word<'a>(place: &SegmentPlace<'a>) -> &'a str {
    let rest = &place.run[place.at..];
    let mut found = Vec::new();
    segment::breaks(rest, &mut found);
    found.first().map_or(rest, |&(end, _)| &rest[..end])
}

/// Chinese particles that close the phrase before them, Simplified and
/// Traditional: the possessive 的, aspect 了 着 過, plural 们, adverbial 地
/// and complement 得, and the sentence-final question and mood particles.
/// Some also begin words (地方, 得到, 着急), hence only [`PHRASE`]'s cost.
const ENDS_PHRASE_ZH: [char; 15] = [
    '的', '了', '着', '著', '过', '過', '们', '們', '地', '得', '吗', '嗎', '呢', '吧', '啊',
];

/// Punctuation after which a clause ends: the full-width closing marks
/// (brackets, comma, full stop; [`is_closing`]), the other
/// full-width stops, and their Latin counterparts.
fn ends_clause(c: char) -> bool {
    is_closing(c)
        || matches!(
            c,
            '！' | '？' | '：' | '；' | '…' | '—' | ',' | '.' | '!' | '?' | ':' | ';'
        )
}

/// Opening brackets and quotation marks, before which a phrase starts.
fn opens(c: char) -> bool {
    is_opening(c) || matches!(c, '“' | '(')
}

fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x309F)
}

fn is_katakana(c: char) -> bool {
    // The prolonged sound mark ー (U+30FC) is in the block and belongs to
    // its katakana word.
    matches!(c as u32, 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

fn is_kana(c: char) -> bool {
    is_hiragana(c) || is_katakana(c)
}

/// A Han character (kanji, hanzi), with the iteration mark 々 that
/// repeats one.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place at byte `at` of `run`, the segment starting at `from`.
    fn place(run: &str, from: usize, at: usize) -> SegmentPlace<'_> {
        SegmentPlace {
            run,
            from,
            at,
            before: run[..at].chars().next_back().unwrap(),
            after: run[at..].chars().next().unwrap(),
        }
    }

    /// The cost of a break between `a` and `b`, the text's last and
    /// first characters, with `a` ending `run_before`.
    fn cost_after(run_before: &str, rest: &str, lang: &str) -> f64 {
        let run = format!("{run_before}{rest}");
        segment_cost(&place(&run, 0, run_before.len()), lang)
    }

    /// The phrases of `text` as the costs cut it: at every place that
    /// costs no more than a break between words of one clause.
    fn phrases(text: &str, lang: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut from = 0;
        for (at, c) in text.char_indices() {
            if at > 0 && segment_cost(&place(text, from, at), lang) <= WITHIN_CLAUSE {
                out.push(String::new());
            }
            if at > 0 {
                from = at;
            }
            out.last_mut().unwrap().push(c);
        }
        out
    }

    #[test]
    fn japanese_breaks_after_the_hiragana_that_ends_a_phrase() {
        assert_eq!(
            phrases("保育士の人員を増やしてください", "ja"),
            ["保育士の", "人員を", "増やしてください"]
        );
        assert_eq!(
            phrases("子どもたちの安全のために、保育士を", "ja"),
            ["子どもたちの", "安全のために、", "保育士を"]
        );
        // Katakana and kanji words side by side part.
        assert_eq!(phrases("ストライキ実施中", "ja"), ["ストライキ", "実施中"]);
    }

    #[test]
    fn chinese_keeps_its_particles_with_the_phrase_before() {
        let cost = |a: &str, b: &str| cost_after(a, b, "zh");
        assert_eq!(cost("們", "的"), PHRASE);
        assert_eq!(cost("我", "們"), PHRASE);
        assert_eq!(cost("的", "老"), WITHIN_CLAUSE);
        assert_eq!(cost("：", "外"), AFTER_CLAUSE);
    }

    #[test]
    fn chinese_breaks_between_dictionary_words_first() {
        // "Riders demand fair pay": never 要 / 求 ("de- / mand") or
        // 公 / 平 ("fa- / ir").
        let text = "骑手要求公平的报酬";
        let cut = phrases(text, "zh");
        assert_eq!(cut, ["骑", "手", "要求", "公平的", "报酬"]);
    }

    #[test]
    fn every_listed_thai_compound_is_one_the_dictionary_cuts() {
        // The list is for the segmenter's mistakes: a compound it keeps
        // whole needs no entry, and one it cuts must cost a clinging break
        // at every cut.
        for compound in words::compounds("th")
            .iter()
            .flat_map(|l| l.split_whitespace())
        {
            let mut found = Vec::new();
            segment::breaks(compound, &mut found);
            assert!(!found.is_empty(), "{compound} is not cut by the dictionary");
            for (at, _) in found {
                let (a, b) = compound.split_at(at);
                assert_eq!(cost_after(a, b, "th"), CLINGING, "{a}|{b}");
            }
        }
    }

    #[test]
    fn thai_and_khmer_never_break_after_a_word_that_leads_into_the_next() {
        // "demand | fairness": ความ makes a noun of what follows.
        assert_eq!(cost_after("ความ", "เป็นธรรม", "th"), CLINGING);
        assert_eq!(cost_after("เรียกร้อง", "ความ", "th"), WITHIN_CLAUSE);
        // "factory | demand": two words the dictionary knows, so inside a
        // phrase as far as can be told.
        assert_eq!(cost_after("คนงานโรงงาน", "เรียกร้อง", "th"), PHRASE);
        // "call | cry", the two halves of "demand", which the dictionary
        // cuts apart: inside a listed compound.
        assert_eq!(cost_after("คนงานโรงงานเรียก", "ร้องความ", "th"), CLINGING);
        // "cost of | hire", a wage: after a prefix that makes a compound.
        assert_eq!(cost_after("ค่า", "จ้าง", "th"), CLINGING);
        // "land | of | us": របស់ ("of") leads into its noun.
        assert_eq!(cost_after("របស់", "យើង", "km"), CLINGING);
        assert_eq!(cost_after("ដីធ្លី", "របស់", "km"), WITHIN_CLAUSE);
        assert_eq!(cost_after("ការពារ", "ដីធ្លីរបស់", "km"), PHRASE);
    }
}
