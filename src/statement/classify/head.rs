//! The statement's head: which paragraph is the headline (or the front
//! matter's title), and the subtitle or deck under it.

use super::blocks::{block, field_block, render, table_tabs};
use super::letter::{is_salutation, opens_with_greeting};
use super::meta_lines::{is_meta_line, opens_with_pictograph};
use super::text::{char_count, final_mark, raw_text, same_text, sentence_count};
use crate::error::Warning;
use crate::statement::clean::is_space;
use crate::statement::document::{Block, BlockKind};
use crate::statement::frontmatter::FrontMatter;
use crate::statement::plain::{is_separator, list_marker, Marker};
use crate::statement::{dates, deck, heading};
use crate::statement::{Line, Para, ParaKind};

const HEADLINE_MAX_CHARS: usize = 300;

/// The longest a first paragraph of two sentences or more may be, in
/// characters, and still be taken for the headline: "Stop the cuts! Save
/// our library." is a headline; "The council plans to close Riverside
/// Library in March. We think this is wrong, and ask every neighbour to
/// come on Thursday." is a statement that opens without one, and as a
/// headline it took seven lines of 37pt. About two lines of a leaflet's
/// headline; every headline of the samples is under 80.
const PROSE_HEADLINE_CHARS: usize = 100;

/// The longest a first paragraph ending in a full stop may be, in
/// characters, and still be taken for the headline: a headline may end so
/// ("We will not be moved."), but one sentence of 20 words and more with a
/// full stop is the opening of the text.
const SENTENCE_HEADLINE_CHARS: usize = 120;

/// Whether a first paragraph reads as the opening of the text rather than
/// its title: several sentences, or one long one closed by a full stop.
pub(in crate::statement) fn reads_as_prose(text: &str) -> bool {
    let n = char_count(text);
    (n > PROSE_HEADLINE_CHARS && sentence_count(text) > 1)
        || (n > SENTENCE_HEADLINE_CHARS && final_mark(text) == Some('.'))
}

/// The longest paragraph, in characters, that is taken as the subtitle
/// for being bold under the headline: a line or two of a leaflet's head
/// ("Open meeting: Thursday 14 January, 7 pm, Civic Centre"). A longer
/// bold paragraph is a lead, set as body text.
const BOLD_SUBTITLE_MAX_CHARS: usize = 200;

fn para_text(p: &Para) -> String {
    block(BlockKind::Body, &p.lines)
        .map(|b| b.text())
        .unwrap_or_default()
}

/// Whether the first paragraph may be the headline (without a title to match).
pub(in crate::statement) fn may_be_headline(p: &Para, plain: bool) -> bool {
    match &p.kind {
        ParaKind::Title | ParaKind::Fixed(BlockKind::Heading(_)) => true,
        ParaKind::Fixed(_) => false,
        ParaKind::Body => {
            let text = para_text(p);
            let raw = raw_text(&p.lines[0]);
            // A mark that says more than a bullet may open a title of one
            // line ("✅ We won the rent freeze"); a plain bullet opens an
            // item.
            let list = plain
                && list_marker(&raw).is_some_and(|(m, _)| p.lines.len() > 1 || !says_more(&m));
            // A table's rows are records, never a title: as a headline
            // their cells ran together ("Town / Hall 12:00").
            let table = table_tabs(&p.lines).is_some();
            !(text.is_empty()
                || table
                || char_count(&text) > HEADLINE_MAX_CHARS
                || reads_as_prose(&text)
                || text.ends_with(',')
                || opens_with_greeting(&text)
                || is_separator(&raw)
                || list)
        }
    }
}

/// How many of a headline paragraph's lines are the headline. A plain
/// first paragraph whose later lines are all dated or bulleted meta lines
/// is a one-line headline over meta lines; and a headline holds no date:
/// it ends at a line with a date or a time of day, when that line and all
/// after it are meta lines ("Community Picnic Against Racism" / "Sunday 22
/// March 2026, 12:00" / "Northside Park").
fn headline_lines(p: &Para, plain: bool) -> usize {
    if !plain || p.lines.len() < 2 {
        return p.lines.len();
    }
    let later = &p.lines[1..];
    let split = later.iter().all(|l| {
        let raw = raw_text(l);
        is_meta_line(l)
            && (raw.trim_start_matches(is_space).starts_with('•')
                || raw.chars().any(|c| c.is_ascii_digit()))
    });
    if split {
        return 1;
    }
    let dated = |l: &Line| {
        let text = raw_text(l);
        heading::holds_date(&text) || dates::holds_clock(&text)
    };
    match later.iter().position(dated) {
        Some(k) if later[k..].iter().all(is_meta_line) => k + 1,
        _ => p.lines.len(),
    }
}

/// The paragraph that is the headline: one marked as the title, else the
/// second when `dated` (a date alone over it, see [`dateline`]), else a
/// first paragraph that may be one. With a title in the front matter, only
/// a paragraph saying the same (it is then not set twice).
fn headline_para(
    paras: &[Para],
    front: &FrontMatter,
    (plain, dated): (bool, bool),
) -> Option<usize> {
    let candidate = paras
        .iter()
        .position(|p| p.kind == ParaKind::Title)
        .or_else(|| {
            if dated {
                return Some(1);
            }
            paras
                .first()
                .filter(|p| {
                    may_be_headline(p, plain) && !dates_a_letter(paras) && !marks_items(paras)
                })
                .map(|_| 0)
        });
    match (&front.title, candidate) {
        (Some(title), Some(i)) => {
            let lines = &paras[i].lines[..headline_lines(&paras[i], plain)];
            let text = block(BlockKind::Headline, lines).map(|b| b.text());
            text.filter(|t| same_text(t, &title.value)).map(|_| i)
        }
        (Some(_), None) => None,
        (None, i) => i,
    }
}

/// Whether the statement opens with a date alone over its headline and
/// more text ("12 March 2026" / "Care workers vote to strike…" / …), as a
/// press release or a letter dates itself: the headline is the second
/// paragraph and the date its meta line. Taken for the headline, the date
/// was set as one, the real headline as a line of body text under it.
fn dateline(paras: &[Para]) -> bool {
    let [first, second, _, ..] = paras else {
        return false;
    };
    date_alone(first)
        && match second.kind {
            ParaKind::Title => true,
            ParaKind::Body => {
                second.lines.len() <= 2
                    && may_be_headline(second, true)
                    && !matches!(final_mark(&para_text(second)), Some('.' | ',' | ';' | ':'))
            }
            _ => false,
        }
}

/// Whether a paragraph is a date alone on one line ("12 March 2026"),
/// over a headline ([`dateline`]) or a salutation ([`dates_a_letter`]).
fn date_alone(p: &Para) -> bool {
    p.kind == ParaKind::Body && p.lines.len() == 1 && dates::is_date_line(&raw_text(&p.lines[0]))
}

/// Whether a list marker is a mark that says more than a bullet (`✔`,
/// `✅`, `►`), which the text keeps as written.
fn says_more(marker: &Marker) -> bool {
    matches!(marker, Marker::Bullet(_, c) if *c != '•')
}

/// Whether the first two paragraphs open with the same mark that says
/// more ("✅ Free school meals" / "✅ A rent cap"): items of a list typed
/// a paragraph each, not a title over its text.
fn marks_items(paras: &[Para]) -> bool {
    let mark = |p: &Para| {
        list_marker(&raw_text(&p.lines[0]))
            .map(|(m, _)| m)
            .filter(says_more)
    };
    match paras {
        [first, second, ..] => mark(first).is_some() && mark(first) == mark(second),
        _ => false,
    }
}

/// Whether the statement opens with a date alone over a salutation ("3
/// December 2026" / "Dear neighbours,"): a letter's date, which was set
/// as its headline, in the headline's size. A letter without a title has
/// no headline, and its date is the first line of its text.
fn dates_a_letter(paras: &[Para]) -> bool {
    let [first, second, ..] = paras else {
        return false;
    };
    date_alone(first)
        && second.kind == ParaKind::Body
        && is_salutation(raw_text(&second.lines[0]).trim())
}

/// The headline, from the text or else the front matter's title, with what
/// comes before it as body text and its own meta lines into `raw_meta`.
/// Returns the next paragraph and whether there is a headline.
pub(super) fn push_headline(
    paras: &[Para],
    front: &FrontMatter,
    plain: bool,
    out: &mut Vec<Block>,
    raw_meta: &mut Vec<Line>,
) -> (usize, bool) {
    let dated = dateline(paras);
    if let Some(i) = headline_para(paras, front, (plain, dated)) {
        // A date over the headline is its meta line, set under it.
        let from = if i == 1 && dated {
            raw_meta.extend_from_slice(&paras[0].lines);
            1
        } else {
            0
        };
        render(paras, from..i, plain, &[], out);
        let p = &paras[i];
        let n = headline_lines(p, plain);
        out.extend(block(BlockKind::Headline, &p.lines[..n]));
        raw_meta.extend_from_slice(&p.lines[n..]);
        (i + 1, true)
    } else if let Some(title) = &front.title {
        out.push(field_block(BlockKind::Headline, title));
        (0, true)
    } else {
        (0, false)
    }
}

/// The front matter's subtitle: the next paragraph if it says the same,
/// else the field itself; without one, a next paragraph bold throughout
/// or opened by pictographs ([`is_subtitle`]), its first line's repeat of
/// the `headline` text left off as a deck's is (see the `deck` module; the
/// warning goes to `warnings`, located in `file`). Returns the next
/// paragraph.
pub(super) fn push_subtitle(
    paras: &[Para],
    front: &FrontMatter,
    (has_headline, headline): (bool, Option<&str>),
    next: usize,
    (file, warnings): (&str, &mut Vec<Warning>),
    out: &mut Vec<Block>,
) -> usize {
    let Some(subtitle) = &front.subtitle else {
        return match paras.get(next) {
            Some(p) if has_headline && (is_subtitle(p) || p.kind == SUBTITLE) => {
                let deck = headline
                    .zip(p.lines.first())
                    .and_then(|(h, first)| deck::after_headline(first, h, file, warnings));
                match deck {
                    Some(first) => {
                        let lines: Vec<Line> = std::iter::once(first)
                            .chain(p.lines[1..].iter().cloned())
                            .collect();
                        out.extend(block(BlockKind::Subtitle, &lines));
                    }
                    None => out.extend(block(BlockKind::Subtitle, &p.lines)),
                }
                next + 1
            }
            _ => next,
        };
    };
    match paras.get(next) {
        Some(p)
            if p.kind == ParaKind::Body
                && p.lines.len() == 1
                && same_text(&para_text(p), &subtitle.value) =>
        {
            out.extend(block(BlockKind::Subtitle, &p.lines));
            next + 1
        }
        _ => {
            out.push(field_block(BlockKind::Subtitle, subtitle));
            next
        }
    }
}

/// A one-line paragraph under the headline that repeats it before a
/// separator ("Save Lipa Park – we will not give up …"): the rest is the
/// subtitle, when there is none yet (a front matter `subtitle`, or a bold
/// line taken as one; see the `deck` module); `headline` is its text.
/// Returns the next paragraph.
pub(super) fn push_deck(
    paras: &[Para],
    next: usize,
    headline: Option<&str>,
    (file, warnings): (&str, &mut Vec<Warning>),
    out: &mut Vec<Block>,
) -> usize {
    let has_subtitle = out.iter().any(|b| b.kind == BlockKind::Subtitle);
    let (Some(headline), Some(p)) = (headline, paras.get(next)) else {
        return next;
    };
    if has_subtitle || p.kind != ParaKind::Body || p.lines.len() != 1 || !is_meta_line(&p.lines[0])
    {
        return next;
    }
    match deck::after_headline(&p.lines[0], headline, file, warnings) {
        Some(line) => {
            out.extend(block(BlockKind::Subtitle, &[line]));
            next + 1
        }
        None => next,
    }
}

/// A paragraph read as a subtitle before classifying: a copied event's date
/// and place (see `events`).
const SUBTITLE: ParaKind = ParaKind::Fixed(BlockKind::Subtitle);

/// Whether `p`, right under the headline, is its subtitle for being bold
/// throughout, or for a pictograph opening each of its lines: a short
/// paragraph the writer set apart and marked (the time and place of a
/// meeting, "📍 Town Hall / 📅 Saturday 14 March", a slogan), not a
/// salutation, a list or a table. Set as a meta line, small and gray, it
/// was the leaflet's faintest line; as body text, lost in a column.
fn is_subtitle(p: &Para) -> bool {
    let text = para_text(p);
    let mut inked = p
        .lines
        .iter()
        .flat_map(|l| &l.spans)
        .filter(|s| !s.text.trim_matches(is_space).is_empty());
    let bold = inked.clone().next().is_some() && inked.all(|s| s.style.bold);
    // Items, not sentences: "📢 All drivers: meeting on Monday. Bring
    // your card." is a paragraph of text that opens with an emoji.
    let pictographs = p.lines.iter().all(|l| {
        let text = raw_text(l);
        let text = text.trim_matches(is_space);
        opens_with_pictograph(text)
            && !matches!(final_mark(text), Some('.' | '!' | '?'))
            && !text.contains(". ")
    });
    p.kind == ParaKind::Body
        && (bold || pictographs)
        && char_count(&text) <= BOLD_SUBTITLE_MAX_CHARS
        && !is_salutation(&text)
        && !opens_with_greeting(&text)
        && list_marker(&raw_text(&p.lines[0])).is_none()
        && table_tabs(&p.lines).is_none()
}
