//! The letter's frame: the salutation that opens it ("Dear comrades,") and
//! the sign-off that closes it ("In solidarity," / "The committee"), found
//! by the greetings and closing formulas of the languages groups write in.

use super::blocks::block;
use super::text::{char_count, ends_unmarked, final_mark, opens_with_any, raw_text};
use crate::statement::clean::clean_text;
use crate::statement::document::{Block, BlockKind};
use crate::statement::plain::{is_separator, list_marker};
use crate::statement::{Para, ParaKind};

const SALUTATION_MAX_CHARS: usize = 60;
const SIGNOFF_MAX_CHARS: usize = 80;
const SIGNOFF_MAX_PARAS: usize = 3;
const SIGNOFF_MAX_LINES: usize = 4;

/// Longest sign-off line in Thai or Lao, which end a sentence with no
/// mark: a name or a group's, where a longer line ending in a letter is
/// the text's last sentence ("วันเสาร์ที่ 12 ธันวาคม เวลา 9 นาฬิกา ที่…"), not
/// a signature.
const SIGNOFF_UNMARKED_MAX_CHARS: usize = 40;

/// Words that open a salutation (lower case; matched as whole words).
const SALUTATION_WORDS: &[&str] = &[
    "dear",
    "dearest",
    "hello",
    "hi",
    "greetings",
    "comrades",
    "friends",
    "sisters",
    "brothers",
    "liebe",
    "lieber",
    "liebes",
    "hallo",
    "sehr geehrte",
    "sehr geehrter",
    "werte",
    "werter",
    "genossinnen",
    "genossen",
    "cher",
    "chère",
    "chers",
    "chères",
    "camarades",
    "bonjour",
    "queridos",
    "queridas",
    "querido",
    "querida",
    "estimados",
    "estimadas",
    "compañeros",
    "compañeras",
    "camaradas",
    "caros",
    "caras",
    "cari",
    "care",
    "compagni",
    "compagne",
    "beste",
    "geachte",
    "beste kameraden",
    "kamraters",
    "drodzy",
    "drogi",
    "droga",
    "dragi",
    "drage",
    "poštovani",
    "poštovane",
    "drugovi",
    "drugarice",
    "драги",
    "драге",
    "поштовани",
    "другови",
    "другарице",
    "дорогие",
    "уважаемые",
    "товарищи",
    "шановні",
    "друзі",
    "αγαπητοί",
    "αγαπητές",
    "σύντροφοι",
    "sevgili",
    "değerli",
    "kedves",
    "drazí",
    "milí",
    "dragă",
    "dragi tovarăși",
];

/// Formulas that open a sign-off line (lower case; matched as a prefix of
/// whole words).
pub(in crate::statement) const CLOSINGS: &[&str] = &[
    "comradely greetings",
    "comradely regards",
    "comradely",
    "with comradely",
    "revolutionary greetings",
    "with revolutionary",
    "fraternal greetings",
    "with fraternal",
    "internationalist greetings",
    "in solidarity",
    "with solidarity",
    "solidarity greetings",
    "solidarity,",
    "greetings",
    "best regards",
    "kind regards",
    "warm regards",
    "regards",
    "best wishes",
    "sincerely",
    "yours",
    "long live",
    "mit solidarischen",
    "solidarische grüße",
    "solidarische grüsse",
    "mit freundlichen",
    "mit kämpferischen",
    "kämpferische grüße",
    "mit sozialistischen",
    "rote grüße",
    "viele grüße",
    "herzliche grüße",
    "liebe grüße",
    "beste grüße",
    "grüße",
    "gruß",
    "salutations",
    "fraternellement",
    "cordialement",
    "salut fraternel",
    "saludos",
    "un saludo",
    "saluti",
    "cordiali saluti",
    "un abbraccio",
    "saudações",
    "com saudações",
    "met vriendelijke",
    "met kameradschappelijke",
    "groeten",
    "kameradschappelijke",
    "pozdrav",
    "drugarski pozdrav",
    "drugarski",
    "s poštovanjem",
    "srdačan pozdrav",
    "другарски",
    "поздрав",
    "са поштовањем",
    "с уважением",
    "с товарищеским",
    "товарищеский привет",
    "з повагою",
    "σύντροφικοί",
    "με συντροφικούς",
    "z pozdrowieniami",
    "pozdrawiamy",
    "hasta la victoria",
    "venceremos",
];

/// "Dear comrades,", "Liebe Nachbarinnen und Nachbarn,", "Genossinnen und Genossen!".
pub(in crate::statement) fn is_salutation(text: &str) -> bool {
    if text.is_empty() || char_count(text) > SALUTATION_MAX_CHARS {
        return false;
    }
    match text.chars().last() {
        Some(',') | Some(':') => true,
        last => {
            opens_with_greeting(text)
                && last.is_some_and(|c| c == '!' || c.is_alphanumeric())
                && !names_a_group(text)
        }
    }
}

/// Whether `text` opens with a salutation word ([`SALUTATION_WORDS`]) that
/// greets without a mark after it.
pub(super) fn opens_with_greeting(text: &str) -> bool {
    opens_with_any(text, SALUTATION_WORDS) && !opens_with_any(text, GREETINGS_WITH_THEIR_COMMA)
}

/// Salutation words that open other languages' text too, and greet only
/// with the comma or colon after the greeting: Italian "Care" ("Care
/// compagne,") opens English "Care workers vote to strike over unpaid
/// travel time", which was set as a greeting (and a date over it taken
/// for the headline).
const GREETINGS_WITH_THEIR_COMMA: &[&str] = &["care"];

/// Words that, second in a line, make the salutation word before them a
/// group's name: "Friends of the Earth", "Friends of Amal", "Comrades
/// for Peace", "Sisters against Evictions". Under a headline such a line
/// without a comma is who issues the statement, its meta line; read as
/// a greeting, it was set as the body's first paragraph.
const GROUP_NAME_WORDS: &[&str] = &["of", "for", "against"];

/// Whether `text`'s second word is one of [`GROUP_NAME_WORDS`].
fn names_a_group(text: &str) -> bool {
    text.split_whitespace()
        .nth(1)
        .is_some_and(|w| GROUP_NAME_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A sign-off's first (or only) line.
fn is_signoff_line(text: &str) -> bool {
    if text.is_empty() || char_count(text) > SIGNOFF_MAX_CHARS {
        return false;
    }
    if opens_with_any(text, CLOSINGS) {
        return true;
    }
    if ends_unmarked(text) {
        return char_count(text) <= SIGNOFF_UNMARKED_MAX_CHARS;
    }
    let open_end = match final_mark(text) {
        Some('!') | Some(',') => true,
        Some(c) => !matches!(c, '.' | ';' | ':' | '?' | '…'),
        None => false,
    };
    open_end && !text.contains(". ") && !text.contains("? ")
}

/// Whether a paragraph is (part of) the sign-off; `plain` for plain-text
/// syntax (list lines are not sign-offs).
fn is_signoff_para(p: &Para, plain: bool) -> bool {
    if p.kind != ParaKind::Body || p.lines.len() > SIGNOFF_MAX_LINES {
        return false;
    }
    let first = &p.lines[0];
    let raw = raw_text(first);
    if is_separator(&raw) || (plain && p.lines.iter().any(|l| list_marker(&raw_text(l)).is_some()))
    {
        return false;
    }
    let text = clean_text(&first.spans);
    if !is_signoff_line(&text) {
        return false;
    }
    if p.lines.len() == 1 {
        return true;
    }
    let opens = text.ends_with(',') || opens_with_any(&text, CLOSINGS);
    opens
        && p.lines[1..].iter().all(|l| {
            let t = clean_text(&l.spans);
            !t.is_empty()
                && char_count(&t) <= SIGNOFF_MAX_CHARS
                && !t.contains(". ")
                && !matches!(final_mark(&t), Some(':' | '?'))
        })
}

/// The salutation: a one-line body paragraph opening with a greeting (and
/// not a plain-text list item). Returns the next paragraph.
pub(super) fn push_salutation(
    paras: &[Para],
    next: usize,
    plain: bool,
    out: &mut Vec<Block>,
) -> usize {
    let Some(p) = paras.get(next) else {
        return next;
    };
    let raw = raw_text(&p.lines[0]);
    if p.kind == ParaKind::Body
        && p.lines.len() == 1
        && is_salutation(&clean_text(&p.lines[0].spans))
        && !(plain && list_marker(&raw).is_some())
    {
        out.extend(block(BlockKind::Salutation, &p.lines));
        return next + 1;
    }
    next
}

/// Where the sign-off starts: trailing short paragraphs after a body
/// paragraph; `paras.len()` when there is none.
pub(super) fn signoff_start(paras: &[Para], next: usize, plain: bool) -> usize {
    let mut end = paras.len();
    let mut lines = 0;
    while end > next && paras.len() - end < SIGNOFF_MAX_PARAS {
        let p = &paras[end - 1];
        if lines + p.lines.len() > SIGNOFF_MAX_LINES || !is_signoff_para(p, plain) {
            break;
        }
        lines += p.lines.len();
        end -= 1;
    }
    let after_body = end > next
        && matches!(
            &paras[end - 1].kind,
            ParaKind::Body
                | ParaKind::Fixed(BlockKind::Body | BlockKind::ListItem { .. } | BlockKind::Quote)
        );
    if after_body {
        end
    } else {
        paras.len()
    }
}
