//! Display lines broken by sense: where a headline may end a line, in the
//! line breaker's own terms.
//!
//! A reader takes a headline in at a glance, one line at a time, so each
//! line should be a piece of meaning. "A call / for solidarity with the /
//! Serbian people" is three shards; "A call for solidarity / with the
//! Serbian people / in Kosovo" is three phrases. Good display setting gets
//! there by a few old rules, which this module turns into a cost for the
//! break at each gap between two words, for the Knuth–Plass breaker to
//! weigh against the lines' lengths like any other penalty:
//!
//! - never after an article, preposition or conjunction, nor before a
//!   postposition, nor between the syllables of a Vietnamese word that
//!   the language writes apart (the `words` module has the lists per
//!   language), nor between a word and the day or hour it names
//!   ("jueves 14", "saat 11.00"): [`CLINGING`], high enough to
//!   outweigh all but a nearly empty line, yet finite, so that a headline
//!   with no other break is still set;
//! - not inside a short phrase: a number and what it counts ("50 people",
//!   "14 June", "14. März"), a capitalised word and its number ("April
//!   2026", "Article 50"), an abbreviation and what follows it ("godz.
//!   12:00"), a name of two capitalised words ("Julian Assange"):
//!   [`PHRASE`];
//! - better where a phrase starts inside the clause, before an article,
//!   preposition or conjunction or after a postposition ("Water is a
//!   right / for every home"): [`BEFORE_PHRASE`], below the
//!   [`WITHIN_CLAUSE`] of any other gap, which may part an adjective from
//!   its noun ("Зберегти сільську / школу");
//! - best after a comma, colon, full stop or dash, where a clause ends:
//!   [`AFTER_CLAUSE`], below the others, so that of two equally even
//!   settings the one breaking there wins.
//!
//! Text without spaces (Chinese, Japanese, Thai) is priced between its
//! characters by the `phrases` module's rules, with the same costs.
//!
//! Balancing the lines' lengths is the breaker's and the balanced
//! measure's job (see [`crate::typeset::paragraph::Setter::balanced_measure`]);
//! the costs here only say which breaks read well.

mod phrases;
mod words;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::error::Result;
use crate::script::{is_ideographic, is_southeast_asian};
use crate::statement::document::Span;
use crate::typeset::hyphenate::is_combining;
use crate::typeset::lang::primary;
use crate::typeset::paragraph::{Paragraph, Setter, TextStyle};
use crate::units::Length;

/// Cost of a break after a word that leads into the next one (an article,
/// preposition or conjunction), or before one that belongs to the word
/// before it (a postposition): its square, the demerits it adds, is that
/// of a line with badness 5000, a line short by some eleven ems of ragged
/// stretch; no headline line is that short, so the breaker only takes
/// such a break when there is no other.
pub const CLINGING: f64 = 5000.0;

/// Cost of a break inside a short phrase (a number and its noun or unit,
/// a two-word name): a fifth of [`CLINGING`], since these are found by
/// their form, not known from a list, and may be wrong.
pub const PHRASE: f64 = 1000.0;

/// Cost of a break between two words of one clause: about what a fairly
/// loose ragged line costs, enough to prefer [`AFTER_CLAUSE`] breaks when
/// the lines come out as even, too little to buy a ragged setting.
pub const WITHIN_CLAUSE: f64 = 100.0;

/// Cost of a break where a phrase starts inside a clause: before a word
/// that leads into its own phrase (an article, preposition or
/// conjunction: "Water is a right / for every home") or after one that
/// ends the phrase before it (a postposition: "हर घर को / साफ़ पानी").
/// Any other gap in a clause may part an adjective from its noun or a
/// determiner from what it determines ("зелену / површину", "for every /
/// home"), which no list tells from a gap between phrases; this one
/// cannot. Its square, the demerits it adds, is half that of
/// [`WITHIN_CLAUSE`]: enough to choose it where the lines come out about
/// as even, not enough to buy a much rougher shape. Still above
/// [`AFTER_CLAUSE`]: a comma is the stronger pause.
pub const BEFORE_PHRASE: f64 = 70.0;

/// Cost of a break after a word that ends a clause: free, as a break at
/// the end of a paragraph's line ordinarily is.
pub const AFTER_CLAUSE: f64 = 0.0;

/// The one-letter words that no line, of running text too, may end on in
/// the language `lang` (a BCP 47 tag), as one string of letters in both
/// cases: Czech and Slovak typesetting (the Czech standard ČSN 01 6910)
/// and Polish keep a one-letter preposition or conjunction with the word
/// after it ("v / Praze" is an error there, as TeX users' `vlna` tool
/// knows). Russian, Ukrainian and Belarusian book typography has the
/// same rule for its one-letter prepositions and conjunctions ("в / школе"
/// is a "hanging preposition", which Russian editors' handbooks and the
/// typograph tools that insert a no-break space after it both avoid).
/// Empty for other languages, where such a line end is allowed.
pub fn one_letter_words(lang: &str) -> &'static str {
    match primary(lang).to_lowercase().as_str() {
        "cs" | "sk" => "kKsSvVzZoOuUaAiI",
        "pl" => "wWzZoOuUiIaA",
        "ru" => "вВкКсСуУоОиИаА",
        "uk" => "вВуУзЗіІйЙоОаА",
        "be" => "уУўЎзЗіІаА",
        _ => "",
    }
}

/// Prices the break at every word space of a display paragraph (a
/// headline, subtitle or band line) by the rules above, for the language
/// `lang` (a BCP 47 tag).
pub fn break_by_sense(p: &mut Paragraph, lang: &str) {
    break_by_sense_known(p, lang, &mut KnownCosts::default());
}

/// [`break_by_sense`], with the costs of words priced before looked up in
/// `known`: a headline's search prepares the same words at thirty sizes.
pub fn break_by_sense_known(p: &mut Paragraph, lang: &str, known: &mut KnownCosts) {
    let primary_lang = primary(lang).to_lowercase();
    // First: the places are found by their items, which pricing the word
    // gaps may move.
    p.weigh_segment_breaks(|place| phrases::segment_cost(place, &primary_lang));
    let words = p.words();
    p.weigh_gaps(known.of(words, lang));
}

/// The costs [`gap_costs`] gave, by the words and language they were
/// priced for (see [`break_by_sense_known`]); a search's few word lists.
#[derive(Debug, Default)]
pub struct KnownCosts(Vec<(Vec<String>, String, Vec<f64>)>);

impl KnownCosts {
    /// [`gap_costs`] of `words` in `lang`, priced once.
    pub fn of(&mut self, words: Vec<String>, lang: &str) -> &[f64] {
        let at = match self.0.iter().position(|(w, l, _)| *w == words && l == lang) {
            Some(at) => at,
            None => {
                let costs = gap_costs(&words, lang);
                self.0.push((words, lang.to_string(), costs));
                self.0.len() - 1
            }
        };
        &self.0[at].2
    }
}

/// A display line's `spans` prepared again in `style` with the language's
/// hyphenation in the words wider than `width` (only there: see
/// [`Paragraph::divide_only_words_wider_than`]), its breaks priced by sense
/// as [`break_by_sense`] prices them; `None` when no line of it would end
/// on a pattern hyphen at `width` (an address, or a word the patterns
/// cannot break), so that hyphenation does not help. `line` is the
/// block's source line.
pub fn hyphenated(
    setter: &mut Setter,
    spans: &[Span],
    style: &TextStyle,
    line: usize,
    lang: &str,
    width: Length,
) -> Result<Option<Paragraph>> {
    let style = TextStyle {
        hyphenate: true,
        ..style.clone()
    };
    let mut p = setter.prepare(spans, &style, line)?;
    p.divide_only_words_wider_than(width);
    break_by_sense(&mut p, lang);
    Ok((setter.trial(&p, width).hyphens > 0).then_some(p))
}

/// The cost of a break at each gap of a display line's `words`, in the
/// language `lang` (a BCP 47 tag): one cost per gap, so one fewer than
/// there are words. `words` are as written, punctuation and all.
pub fn gap_costs(words: &[String], lang: &str) -> Vec<f64> {
    // `sr` of `sr-Latn`, `en` of `EN_us`: the lists are by language.
    let lang = primary(lang).to_lowercase();
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold(&as_listed(&lang, core(w))))
        .collect();
    let leads: Vec<bool> = folded
        .iter()
        .enumerate()
        .map(|(k, w)| words::clings_to(&lang, w, folded.get(k + 1).map(String::as_str)))
        .collect();
    let trails: Vec<bool> = folded
        .iter()
        .map(|w| words::is_trailing(&lang, w))
        .collect();
    let leads = |k: usize| leads[k];
    let title_case = is_title_case(words, &leads);
    words
        .windows(2)
        .enumerate()
        .map(|(k, pair)| {
            let (before, after) = (pair[0].as_str(), pair[1].as_str());
            // A symbol that opens or closes the line ("🚨 EMERGENCY RALLY
            // 🚨", "★ Vote No ★") frames it; alone on a line of its own
            // it reads as a stray mark.
            let framing = k == 0 && is_symbol(before) || k + 2 == words.len() && is_symbol(after);
            // A number's full stop makes it an ordinal ("14. März",
            // "2. aprila"), not the end of a sentence.
            let counted = is_number(before)
                && counts(after)
                && (before.ends_with('.') || !ends_clause(before));
            // A name and its number: "April 2026", "Article 50" (a
            // small one, "Saturday 14", is a day it names: see below).
            let numbered = capitalised(before) && !ends_clause(before) && is_number(after);
            if framing {
                CLINGING
            } else if counted || is_abbreviation(before, after) {
                PHRASE
            } else if ends_clause(before) {
                AFTER_CLAUSE
            } else if is_day_or_time(after) {
                // Any word and a day or an hour: "jueves 14", "saat 11.00",
                // "lúc 8". The time is what a poster's reader looks for;
                // left alone at a line's start it reads as a stray number.
                CLINGING
            } else if leads(k)
                || trails[k + 1]
                || words::is_one_word(&lang, &folded[k], &folded[k + 1])
                || titles_name(&lang, words, &folded, k, &leads)
            {
                CLINGING
            } else if numbered
                || lang == "ar" && is_construct(before, after)
                || !title_case && starts_sentence(words, k) == Some(false) && is_name(pair)
            {
                // A name and its number, a two-word name, or an Arabic
                // noun and the noun it is "of".
                PHRASE
            } else if leads(k + 1) || trails[k] {
                BEFORE_PHRASE
            } else {
                WITHIN_CLAUSE
            }
        })
        .collect()
}

/// The share of `text`'s words that are on `lang`'s list of function
/// words (articles, prepositions, conjunctions: see the `words` module), 0 for a
/// language without a list. In a text in that language they are every
/// fourth word or more; in another they are rare. The language detector
/// does not know Swahili and reads it as Tagalog: a Swahili statement
/// has a quarter of its words on Swahili's list and one in a hundred on
/// Tagalog's, a Tagalog one the other way round.
pub fn listed_share(text: &str, lang: &str) -> f64 {
    let lang = primary(lang).to_lowercase();
    let mut all = 0usize;
    let mut listed = 0usize;
    for word in text.split_whitespace() {
        let core = core(word);
        if !core.chars().any(char::is_alphabetic) {
            continue;
        }
        all += 1;
        listed += usize::from(words::is_clinging(&lang, &fold(&as_listed(&lang, core))));
    }
    if all == 0 {
        0.0
    } else {
        listed as f64 / all as f64
    }
}

/// Whether the display `lines` break between phrases, not inside one:
/// each line ends a clause ("Hands off, / hands up"), ends on a word that
/// belongs to the one before it (a postposition: "घर को / साफ़ पानी"), or
/// has the next begin with a word that leads into its own phrase (an
/// article, preposition or conjunction: "Save / our park!"). "Rent /
/// strike meeting" breaks a compound the lists cannot see, and so does not.
/// True where that cannot be told: in a language without word lists, or
/// a line without spaces.
pub fn breaks_between_phrases(lines: &[String], lang: &str) -> bool {
    let lang = primary(lang).to_lowercase();
    if !words::has_lists(&lang) || unspaced(lines) {
        return true;
    }
    let listed = |w: &str| fold(&as_listed(&lang, core(w)));
    lines.windows(2).all(|pair| {
        let before: Vec<&str> = pair[0].split_whitespace().collect();
        let after: Vec<&str> = pair[1].split_whitespace().collect();
        let (Some(last), Some(first)) = (before.last(), after.first()) else {
            return true;
        };
        let next = after.get(1).map(|w| listed(w));
        ends_clause(last)
            || words::is_trailing(&lang, &listed(last))
            || words::clings_to(&lang, &listed(first), next.as_deref())
    })
}

/// Whether the display `lines`, two or more, read across the end of a
/// clause: a line has a comma, colon, full stop or dash after a word
/// other than its last ("Plate na vreme, rad / bez straha"), so that its
/// reader takes the start of the next clause with the end of this one.
pub fn reads_across_a_clause(lines: &[String]) -> bool {
    reads_across(lines, ends_clause)
}

/// Whether the display `lines`, two or more, read across a stop: a colon,
/// semicolon, full stop, question or exclamation mark after a word other
/// than a line's last ("Bus cuts: what / changes on 1 May"). A stronger
/// end than a comma's or a dash's: a kicker and its title, or two
/// sentences.
pub fn reads_across_a_stop(lines: &[String]) -> bool {
    reads_across(lines, ends_with_a_stop)
}

/// Whether `word` ends with a stop (see [`reads_across_a_stop`]).
pub fn ends_with_a_stop(word: &str) -> bool {
    ends_clause(word)
        && !word
            .trim_end_matches(is_closing_mark)
            .ends_with([',', '–', '—'])
}

/// Whether a line of `lines`, two or more, has a word that `ends` a
/// clause before its last.
fn reads_across(lines: &[String], ends: fn(&str) -> bool) -> bool {
    lines.len() >= 2 && lines.iter().any(|line| ends_before_its_last(line, ends))
}

/// Whether `text` has a stop after a word before its last: set on one
/// line, it would read across it (see [`reads_across_a_stop`]).
pub fn has_a_stop_inside(text: &str) -> bool {
    ends_before_its_last(text, ends_with_a_stop)
}

/// Whether a word of `line` before its last `ends` a clause.
fn ends_before_its_last(line: &str, ends: fn(&str) -> bool) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        .split_last()
        .is_some_and(|(_, before)| before.iter().any(|w| ends(w)))
}

/// The dearest of the breaks between the display `lines` (see
/// [`gap_costs`]), [`AFTER_CLAUSE`] for a single line. A line without
/// spaces, whose breaks are not between words, counts as breaking after a
/// clause: there the costs cannot be read back from the lines' text.
pub fn dearest_break(lines: &[String], lang: &str) -> f64 {
    if unspaced(lines) {
        return AFTER_CLAUSE;
    }
    let mut words = Vec::new();
    let mut ends = Vec::new();
    for line in lines {
        words.extend(line.split_whitespace().map(str::to_string));
        ends.push(words.len());
    }
    let costs = gap_costs(&words, lang);
    // The gap after a line's last word, word `end - 1`, is gap `end - 1`.
    ends.iter()
        .filter_map(|&end| end.checked_sub(1).and_then(|gap| costs.get(gap)))
        .fold(AFTER_CLAUSE, |a, &b| a.max(b))
}

/// Whether any of the display `lines` is in a script written without
/// spaces between words (Chinese, Japanese, Thai, Khmer): a space there, if
/// any, is not between words, and their breaks cannot be read from them.
fn unspaced(lines: &[String]) -> bool {
    lines.iter().any(|l| {
        l.chars()
            .any(|c| is_southeast_asian(c) || is_ideographic(c))
    })
}

/// Whether two Arabic words are likely a construct (iḍāfa), a noun and
/// the definite noun it is "of": حيّ النزهة ("the al-Nuzha district"),
/// مدرسة الحيّ ("the neighbourhood's school"), as tight a phrase as a
/// two-word name. Known by its form: a word without the article before
/// one with it (ال, not a preposition fused to it, للبيوت). A verb before
/// its definite subject has the same form, hence only [`PHRASE`]'s cost.
fn is_construct(before: &str, after: &str) -> bool {
    let (before, after) = (core(before), core(after));
    !before.starts_with("ال") && after.starts_with("ال") && after.chars().count() > 3
}

/// The word without the punctuation around it: `Kosovo` of `“Kosovo,”`.
/// Marks stay: Thai ที่ and Khmer របស់ end with one.
fn core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && !is_combining(c))
}

/// `word` with the letters its language writes in two ways written as the
/// lists write them: Turkish capitals keep their dot (`İÇİN` is `için`,
/// `KARŞI` is `karşı`, where Unicode's lower case would give `i̇çi̇n`
/// and `karşi`), and Romanian's ș and ț, often typed with the Turkish
/// cedilla (ş, ţ) that old keyboards offered, have their comma.
fn as_listed<'a>(lang: &str, word: &'a str) -> Cow<'a, str> {
    match lang {
        "tr" if word.contains(['I', 'İ']) => word
            .chars()
            .map(|c| match c {
                'I' => 'ı',
                'İ' => 'i',
                c => c,
            })
            .collect(),
        "ro" if word.contains(['ş', 'ţ', 'Ş', 'Ţ']) => word
            .chars()
            .map(|c| match c {
                'ş' => 'ș',
                'ţ' => 'ț',
                'Ş' => 'Ș',
                'Ţ' => 'Ț',
                c => c,
            })
            .collect(),
        _ => word.into(),
    }
}

/// A word's core in lower case and, for Greek, without accents: headlines
/// in Greek capitals drop them, so `ΓΙΑ` and `για` are one word. Arabic
/// and Hebrew lose their vowel points and Arabic its tatweel, which a
/// text may write or not: `فِي` is `في`. Letters typed as a base and
/// combining marks are composed first (NFC), as the lists write them:
/// Vietnamese keyboards often send "ô" and its tone mark as two code
/// points, and "công" typed so is still "công".
fn fold(core: &str) -> String {
    core.nfc()
        .filter(|&c| !is_arabic_or_hebrew_point(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ά' => 'α',
            'έ' => 'ε',
            'ή' => 'η',
            'ί' | 'ϊ' | 'ΐ' => 'ι',
            'ό' => 'ο',
            'ύ' | 'ϋ' | 'ΰ' => 'υ',
            'ώ' => 'ω',
            c => c,
        })
        .collect()
}

/// Arabic harakat, the superscript alef and tatweel; Hebrew cantillation
/// marks and vowel points (not the maqaf, paseq or sof pasuq, which are
/// punctuation).
fn is_arabic_or_hebrew_point(c: char) -> bool {
    matches!(c, '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{640}')
        || matches!(
            c,
            '\u{591}'
                ..='\u{5BD}'
                    | '\u{5BF}'
                    | '\u{5C1}'
                    | '\u{5C2}'
                    | '\u{5C4}'
                    | '\u{5C5}'
                    | '\u{5C7}'
        )
}

/// Whether a clause ends with this word: it ends (before any closing
/// quote or bracket) in a comma, colon, semicolon, full stop, question or
/// exclamation mark, ellipsis or dash, or is a dash standing alone.
fn ends_clause(word: &str) -> bool {
    // The Greek question mark (U+037E) and upper stop (U+0387) end
    // clauses too.
    word.trim_end_matches(is_closing_mark).ends_with([
        ',', ';', ':', '.', '!', '?', '…', '–', '—', '\u{37E}', '\u{387}',
    ])
}

/// Whether `word` is a symbol, not a word: a pictograph, an arrow, a star
/// ("🚨", "✊🏾", "→", "★"), with no letter or digit and no mark of
/// punctuation (a dash ends a clause, see [`ends_clause`]).
fn is_symbol(word: &str) -> bool {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    word.chars()
        .any(|c| c.general_category_group() == GeneralCategoryGroup::Symbol)
        && word.chars().all(|c| {
            matches!(
                c.general_category_group(),
                GeneralCategoryGroup::Symbol
                    | GeneralCategoryGroup::Other
                    | GeneralCategoryGroup::Mark
            )
        })
}

/// A quotation mark or bracket that may close a clause after its stop.
fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '“' | ')' | ']')
}

/// A number as written in a headline: `50`, `1.5`, `10:00`, `1/2`.
fn is_number(word: &str) -> bool {
    let core = core(word);
    core.starts_with(|c: char| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
}

/// A time of day (`11.00`, `12:00`, `8h30`) or a whole number up to 31
/// (a day of the month, an hour): what the word before it names, whatever
/// its case ("jueves 14", "saat 11.00", "lúc 8 giờ"), and holds as a
/// preposition holds its noun. A larger number is a quantity, which a
/// lower-case word before it does not hold ("we were / 50 strong").
fn is_day_or_time(word: &str) -> bool {
    let core = core(word);
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((hour, minutes)) = core.split_once([':', '.', 'h']) {
        return digits(hour) && minutes.len() == 2 && digits(minutes);
    }
    digits(core) && core.parse::<u8>().is_ok_and(|n| (1..=31).contains(&n))
}

/// Whether `before` is an abbreviation of a word that names `after`: a
/// short word with a full stop, followed by a number or a word in lower
/// case, where a sentence's end would be followed by a capital
/// ("godz. 12:00", the Polish "hour", "ca. 300", "tel. 0800"). A full stop
/// otherwise ends a clause, and breaking after it is free.
fn is_abbreviation(before: &str, after: &str) -> bool {
    let letters = core(before).chars().filter(|c| c.is_alphabetic()).count();
    before.ends_with('.')
        && !is_number(before)
        && (1..=5).contains(&letters)
        && (is_number(after) || after.starts_with(char::is_lowercase))
}

/// Whether `word` can be what a number before it counts or measures: a
/// word (`people`, `km`, `June`) or a unit sign (`%`, `€`, `°C`).
fn counts(word: &str) -> bool {
    word.starts_with(|c: char| c.is_alphabetic() || matches!(c, '%' | '‰' | '°' | '€' | '$' | '£'))
}

/// Whether the first letter of `word` is a capital.
fn capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Whether `words[k]` is a title before the name `words[k + 1]` ("St
/// Mary's", "Dr Patel"): a title of `lang` (see [`words::is_title`])
/// before a capitalised word, and not itself after a capitalised word
/// that is not on the lists and does not start a sentence, where it ends
/// a street's name ("Hollow Lane Dr", "Main St"). In capitals "OF ST
/// MARY'S" reads as a title, as "of" is on the list. `folded` holds the
/// words as the lists do.
fn titles_name(
    lang: &str,
    words: &[String],
    folded: &[String],
    k: usize,
    leads: &dyn Fn(usize) -> bool,
) -> bool {
    let after_name = k > 0
        && capitalised(&words[k - 1])
        && !leads(k - 1)
        && starts_sentence(words, k - 1) == Some(false);
    words::is_title(lang, &folded[k]) && capitalised(&words[k + 1]) && !after_name
}

/// Two capitalised words that are likely one name: both begin with a
/// capital and neither is wholly in capitals (an acronym like `NATO`
/// stands on its own).
fn is_name(pair: &[String]) -> bool {
    let proper = |w: &str| capitalised(w) && core(w).chars().any(char::is_lowercase);
    proper(&pair[0]) && proper(&pair[1])
}

/// Whether word `k` begins a sentence (the first word, or the first after
/// a full stop, question or exclamation mark or colon), where a capital
/// says nothing about names. `None` past the end.
fn starts_sentence(words: &[String], k: usize) -> Option<bool> {
    let ends = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric() && !".!?:…".contains(c));
        w.ends_with(['.', '!', '?', ':', '…'])
    };
    match k {
        0 => Some(!words.is_empty()),
        k if k < words.len() => Some(ends(&words[k - 1])),
        _ => None,
    }
}

/// Whether the headline is set in title case or capitals: every content
/// word after the first (one not on the language's list, with a letter)
/// is capitalised. Then a capital marks no name, and no two words are
/// kept together for it. One lower-case word is enough to tell: "Free
/// Julian Assange now" is in sentence case.
fn is_title_case(words: &[String], leads: &dyn Fn(usize) -> bool) -> bool {
    let mut content = words
        .iter()
        .enumerate()
        .skip(1)
        .filter(|&(k, w)| !leads(k) && core(w).chars().any(char::is_alphabetic))
        .peekable();
    content.peek().is_some() && content.all(|(_, w)| capitalised(w))
}

#[cfg(test)]
mod tests;
