//! Dates on meta lines: recognising the numeric dates and clock times a web
//! clipping brings ("6/1/23 12:04 PM"), and writing an unambiguous date the
//! way the statement's language writes dates ("1 June 2023", "1. Juni
//! 2023", "1er juin 2023").
//!
//! # Which numeric dates are unambiguous
//!
//! A numeric date is three groups of digits joined by one separator, `/`,
//! `-` or `.`:
//!
//! * year first (`2023-06-01`, four digits): ISO order, always year, month,
//!   day;
//! * with dots (`1.6.2023`, `1.6.2023.`): day, month, year, the only order
//!   the dotted form is written in (German, Slavic, Nordic usage);
//! * with `/` or `-` (`13/6/2023`, `6/13/23`): day-first or month-first
//!   depending on the country, so the order is known only when one of the
//!   first two numbers is over 12 (it must be the day) or both are equal
//!   (the order does not matter). `6/1/23` could be 6 January or 1 June
//!   and is kept as written.
//!
//! A two-digit year is taken as 20yy: clippings are of this century.
//!
//! # The time of day
//!
//! A clock time (`12:04`, `12:04:33`, `12:04 PM`, `9:30 a.m.`) right after a
//! numeric date, at the end of a meta line, is the moment a page was posted
//! or saved, not part of the statement: the reader drops it (with a warning
//! that names where). A time after a spelled date ("1 May 2024, 14:00") is
//! kept: that is far more likely an event's time, which the author wrote.

use crate::statement::document::{BlockKind, Document};

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    /// The year, e.g. 2023.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31, valid for the month.
    pub day: u8,
}

/// A numeric date as written: the date when its order is certain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numeric {
    /// The order of day and month is known.
    Unambiguous(Date),
    /// Day-first and month-first readings are both valid dates.
    Ambiguous,
}

/// Days in `month` of `year` (Gregorian).
fn days_in(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date, if `day` and `month` make one in `year`.
fn date(year: i32, month: u32, day: u32) -> Option<Date> {
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok()?;
    (day >= 1 && day <= days_in(year, month)).then_some(Date { year, month, day })
}

/// Reads `token` as a numeric date: three groups of digits with one
/// separator (a dotted date may end with a dot). `None` when it is not one.
pub fn numeric(token: &str) -> Option<Numeric> {
    let sep = token.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let body = if sep == '.' {
        token.strip_suffix('.').unwrap_or(token)
    } else {
        token
    };
    let parts: Vec<&str> = body.split(sep).collect();
    let all_digits =
        |p: &&str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !parts.iter().all(all_digits) {
        return None;
    }
    let n = |i: usize| parts[i].parse::<u32>().ok();
    let (a, b, c) = (n(0)?, n(1)?, n(2)?);
    if parts[0].len() == 4 {
        let year = i32::try_from(a).ok()?;
        return (parts[1].len() <= 2 && parts[2].len() <= 2)
            .then(|| date(year, b, c))
            .flatten()
            .map(Numeric::Unambiguous);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 || !matches!(parts[2].len(), 2 | 4) {
        return None;
    }
    let year = i32::try_from(if parts[2].len() == 2 { 2000 + c } else { c }).ok()?;
    let day_first = date(year, b, a);
    let month_first = date(year, a, b);
    Some(match (day_first, month_first) {
        (Some(d), _) if sep == '.' => Numeric::Unambiguous(d),
        (_, _) if sep == '.' => return None,
        (Some(d), Some(m)) if d == m => Numeric::Unambiguous(d),
        (Some(_), Some(_)) => Numeric::Ambiguous,
        (Some(d), None) | (None, Some(d)) => Numeric::Unambiguous(d),
        (None, None) => return None,
    })
}

/// The days of the week, in the languages whose months [`MONTHS`] has in
/// the nominative (lower case): a dateline may open with one ("Thursday
/// 12 March 2026", "jeudi 12 mars 2026").
const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday \
    montag dienstag mittwoch donnerstag freitag samstag sonntag \
    lundi mardi mercredi jeudi vendredi samedi dimanche \
    lunes martes miércoles jueves viernes sábado domingo \
    lunedì martedì mercoledì giovedì venerdì sabato domenica \
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira \
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag";

/// The short forms of English months a dateline may use ("12 Mar 2026").
const ENGLISH_MONTH_ABBREVIATIONS: &str = "jan feb mar apr jun jul aug sep sept oct nov dec";

/// The words a written date joins its parts with ("12 de marzo de 2026",
/// "the 12th of March").
const DATE_JOINERS: &[&str] = &["de", "of", "the", "le", "der", "den"];

/// The most words of a line that is a date alone.
const DATE_LINE_MAX_WORDS: usize = 7;

/// Years that mark a word as a year (in a place-and-date line, a
/// timestamp, a dateline).
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2099;

/// Whether `word` is a year: four digits within [`YEARS`].
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<u16>().is_ok_and(|y| YEARS.contains(&y))
}

/// Whether `text` is a date alone, as a dateline over a press release or
/// a letter writes it: "12 March 2026", "Thursday, 12 March 2026", "12 de
/// marzo de 2026", "March 12, 2026", "12.03.2026"; its words only a day, a
/// month's name, a year, a weekday, the joiners a language writes between
/// them, or a numeric date. A month with a day or a year, or a numeric
/// date, must be there: "May Day 2026" is a title, "2026" a year.
pub fn is_date_line(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > DATE_LINE_MAX_WORDS {
        return false;
    }
    let month = |w: &str| {
        MONTHS
            .iter()
            .any(|(_, names)| names.split(' ').any(|m| m.to_lowercase() == w))
            || ENGLISH_MONTH_ABBREVIATIONS.split(' ').any(|m| m == w)
    };
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic() || c == 'º' || c == 'ª');
        (1..=2).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
            && matches!(
                &w[digits.len()..],
                "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "ª"
            )
    };
    let weekday = |w: &str| WEEKDAYS.split_whitespace().any(|d| d == w);
    let (mut months, mut days, mut years, mut numerics) = (0, 0, 0, 0);
    for w in &words {
        if month(w) {
            months += 1;
        } else if day(w) {
            days += 1;
        } else if is_year(w) {
            years += 1;
        } else if numeric(w).is_some() {
            numerics += 1;
        } else if !weekday(w) && !DATE_JOINERS.contains(&w.as_str()) {
            return false;
        }
    }
    match (months, numerics) {
        (1, 0) => days + years >= 1 && days <= 1 && years <= 1,
        (0, 1) => days + years == 0,
        _ => false,
    }
}

/// The byte range of a clock time that ends `text` and directly follows a
/// numeric date, with the spaces (and a comma) between them and any after
/// it; `None` when `text` does not end so.
pub fn clipped_time(text: &str) -> Option<std::ops::Range<usize>> {
    let words = words_at(text);
    // The time is its last word, or its last two with an AM/PM mark.
    let n = words.len();
    let clock_at = match words.last() {
        Some((_, w)) if is_meridiem(w) => n.checked_sub(2)?,
        _ => n.checked_sub(1)?,
    };
    let (start, clock) = words[clock_at];
    let (date_at, date_word) = *words.get(clock_at.checked_sub(1)?)?;
    let date_core = date_word.strip_suffix(',').unwrap_or(date_word);
    if !is_clock(clock) || numeric(date_core).is_none() {
        return None;
    }
    debug_assert!(date_at + date_word.len() <= start);
    Some(date_at + date_core.len()..text.len())
}

/// The words of `text` (runs of anything but white space) with their
/// byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    words
}

/// "AM" or "PM", as a word after a clock time.
pub fn is_meridiem(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a.m." | "p.m."
    )
}

/// Whether `text` holds a clock time ("12:00", "7:30pm", "from
/// 12:00-17:00"): a word, or a part of one between dashes, that is one.
pub fn holds_clock(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | ',' | '(' | ')'))
        .any(is_clock)
}

/// `12:04`, `9:30:15`, `12:04PM`: hours, minutes, maybe seconds, maybe a
/// meridiem glued on.
pub fn is_clock(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let digits = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
        .unwrap_or(&lower);
    let parts: Vec<&str> = digits.split(':').collect();
    let number = |p: &str, max: u32| {
        (1..=2).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|v| v <= max)
    };
    matches!(parts.len(), 2 | 3)
        && number(parts[0], 23)
        && parts[1].len() == 2
        && parts[1..].iter().all(|p| number(p, 59))
}

/// Month names as a date uses them (genitive where the language declines
/// the month after a day number), January first, by language key: the
/// primary subtag, and `sr-cyrl` for Serbian in Cyrillic.
const MONTHS: &[(&str, &str)] = &[
    ("en", "January February March April May June July August September October November December"),
    ("de", "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    ("fr", "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    ("es", "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    ("it", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    ("pt", "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
    ("nl", "januari februari maart april mei juni juli augustus september oktober november december"),
    ("sr", "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar"),
    ("sr-cyrl", "јануар фебруар март април мај јун јул август септембар октобар новембар децембар"),
    ("hr", "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca"),
    ("pl", "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"),
    ("cs", "ledna února března dubna května června července srpna září října listopadu prosince"),
    ("ru", "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    ("uk", "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),
    ("el", "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου"),
];

/// The name of `month` (1 to 12) in a date of language `key`.
fn month_name(key: &str, month: u8) -> Option<&'static str> {
    let (_, names) = MONTHS.iter().find(|(k, _)| *k == key)?;
    names.split(' ').nth(usize::from(month).checked_sub(1)?)
}

/// `date` written as the language of BCP 47 tag `lang` writes a date in
/// running text; `None` for a language handbill has no date form for (the
/// date then stays as written). English is written day-first ("1 June
/// 2023"), as in most of the English-speaking world and in the layouts'
/// A-series paper countries; `en-US` month-first ("June 1, 2023").
pub fn write(date: Date, lang: &str) -> Option<String> {
    let lower = lang.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    let rest: Vec<&str> = subtags.collect();
    let key = if primary == "sr" && rest.contains(&"cyrl") {
        "sr-cyrl"
    } else {
        primary
    };
    let month = month_name(key, date.month)?;
    let (d, y) = (date.day, date.year);
    Some(match primary {
        "en" if rest.contains(&"us") => format!("{month} {d}, {y}"),
        "fr" if d == 1 => format!("1er {month} {y}"),
        "it" if d == 1 => format!("1º {month} {y}"),
        "es" | "pt" => format!("{d} de {month} de {y}"),
        "de" | "cs" => format!("{d}. {month} {y}"),
        "sr" | "hr" => format!("{d}. {month} {y}."),
        _ => format!("{d} {month} {y}"),
    })
}

/// Rewrites, in `lang`'s way, every unambiguous numeric date on the
/// document's meta lines, except the front matter's `date` in quotes,
/// which is set as its author wrote it (a TOML date, unquoted, is
/// rewritten). A date followed by a comma keeps its comma.
pub fn localize(doc: &mut Document, lang: &str) {
    let front = doc.meta.date.clone().filter(|_| !doc.meta.date_typed);
    for block in doc.blocks.iter_mut().filter(|b| b.kind == BlockKind::Meta) {
        for span in &mut block.spans {
            span.text = localize_words(&span.text, lang, front.as_deref());
        }
    }
}

/// `text` with each unambiguous numeric date word rewritten, except one
/// that is the front matter's date `keep`.
fn localize_words(text: &str, lang: &str, keep: Option<&str>) -> String {
    text.split(' ')
        .map(|word| {
            let (core, comma) = match word.strip_suffix(',') {
                Some(core) => (core, ","),
                None => (word, ""),
            };
            if keep == Some(core) {
                return word.to_string();
            }
            match numeric(core) {
                Some(Numeric::Unambiguous(d)) => write(d, lang)
                    .map(|w| format!("{w}{comma}"))
                    .unwrap_or_else(|| word.to_string()),
                _ => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u8, day: u8) -> Numeric {
        Numeric::Unambiguous(Date { year, month, day })
    }

    #[test]
    fn unambiguous_numeric_dates() {
        assert_eq!(numeric("2023-06-01"), Some(ymd(2023, 6, 1)));
        assert_eq!(numeric("13/6/2023"), Some(ymd(2023, 6, 13)));
        assert_eq!(numeric("6/13/23"), Some(ymd(2023, 6, 13)));
        assert_eq!(numeric("1.6.2023"), Some(ymd(2023, 6, 1)));
        assert_eq!(numeric("1.6.2023."), Some(ymd(2023, 6, 1)));
        assert_eq!(numeric("5/5/24"), Some(ymd(2024, 5, 5)));
        assert_eq!(numeric("29-02-2024"), Some(ymd(2024, 2, 29)));
    }

    #[test]
    fn ambiguous_and_non_dates() {
        assert_eq!(numeric("6/1/23"), Some(Numeric::Ambiguous));
        assert_eq!(numeric("01-02-2023"), Some(Numeric::Ambiguous));
        assert_eq!(numeric("29/02/2023"), None);
        assert_eq!(numeric("32/1/2023"), None);
        assert_eq!(numeric("3.14"), None);
        assert_eq!(numeric("1/2"), None);
        assert_eq!(numeric("2023"), None);
        assert_eq!(numeric("12/13/2023.5"), None);
        assert_eq!(numeric("6/1/123"), None);
        assert_eq!(numeric("a/b/c"), None);
    }

    #[test]
    fn a_date_alone_on_a_line_is_told_from_a_title() {
        for line in [
            "12 March 2026",
            "Thursday, 12 March 2026",
            "March 12, 2026",
            "12 de marzo de 2026",
            "jeudi 12 mars 2026",
            "12.03.2026",
            "1st May 2026",
            "12 Mar 2026",
        ] {
            assert!(is_date_line(line), "{line}");
        }
        for line in [
            "May Day 2026",
            "2026",
            "Budget 2027",
            "March for homes",
            "12 demands",
            "March 12, 2026: the day we struck",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn a_clock_time_is_found_in_a_line() {
        for line in ["from 12:00-17:00", "Thursday, 7:30pm", "doors (18:30)"] {
            assert!(holds_clock(line), "{line}");
        }
        for line in ["Ratio 99:99", "Psalm 23", "11am", "ISBN 1:234"] {
            assert!(!holds_clock(line), "{line}");
        }
    }

    #[test]
    fn clipped_times_follow_a_numeric_date() {
        let cut = |t: &str| clipped_time(t).map(|r| t[..r.start].to_string());
        assert_eq!(cut("6/1/23 12:04 PM"), Some("6/1/23".into()));
        assert_eq!(cut("2023-06-01, 09:15"), Some("2023-06-01".into()));
        assert_eq!(cut("13/6/2023 9:30:15 a.m. "), Some("13/6/2023".into()));
        assert_eq!(cut("6/1/23 12:04PM"), Some("6/1/23".into()));
        assert_eq!(cut("•\t6/1/23\u{a0}12:04 PM"), Some("•\t6/1/23".into()));
        // A spelled date's time is an event's: kept.
        assert_eq!(cut("1 May 2024, 14:00"), None);
        assert_eq!(cut("12:04 PM"), None);
        assert_eq!(cut("6/1/23 25:04"), None);
        assert_eq!(cut("6/1/23 12:4"), None);
        assert_eq!(cut("6/1/23 12:04 then"), None);
    }

    #[test]
    fn dates_in_each_language() {
        let june1 = Date {
            year: 2023,
            month: 6,
            day: 1,
        };
        let w = |lang: &str| write(june1, lang);
        assert_eq!(w("en").as_deref(), Some("1 June 2023"));
        assert_eq!(w("en-GB").as_deref(), Some("1 June 2023"));
        assert_eq!(w("en-US").as_deref(), Some("June 1, 2023"));
        assert_eq!(w("de").as_deref(), Some("1. Juni 2023"));
        assert_eq!(w("fr").as_deref(), Some("1er juin 2023"));
        assert_eq!(w("it").as_deref(), Some("1º giugno 2023"));
        assert_eq!(w("es").as_deref(), Some("1 de junio de 2023"));
        assert_eq!(w("sr-Cyrl").as_deref(), Some("1. јун 2023."));
        assert_eq!(w("sr-Latn").as_deref(), Some("1. jun 2023."));
        assert_eq!(w("ru").as_deref(), Some("1 июня 2023"));
        assert_eq!(w("el").as_deref(), Some("1 Ιουνίου 2023"));
        assert_eq!(w("ja"), None);
        let may13 = Date {
            year: 2024,
            month: 5,
            day: 13,
        };
        assert_eq!(write(may13, "fr").as_deref(), Some("13 mai 2024"));
    }

    #[test]
    fn localize_rewrites_only_unambiguous_words() {
        assert_eq!(
            localize_words("13/6/2023, Berlin", "de", None),
            "13. Juni 2023, Berlin"
        );
        assert_eq!(
            localize_words("6/1/23 • Serbia", "en", None),
            "6/1/23 • Serbia"
        );
        assert_eq!(localize_words("13/6/2023", "ja", None), "13/6/2023");
        // The front matter's date is set as its author wrote it.
        let front = Some("2023-06-13");
        assert_eq!(
            localize_words("2023-06-13 • Serbia", "en", front),
            "2023-06-13 • Serbia"
        );
        assert_eq!(
            localize_words("2023-06-13 • Serbia", "en", None),
            "13 June 2023 • Serbia"
        );
    }
}
