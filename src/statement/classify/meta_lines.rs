//! Meta lines under the headline: a clipping's date, author and tag lines,
//! short unpunctuated lines set small and gray; and the front matter's date
//! and author added to them. How they are tidied is the `meta` module's.

use super::blocks::{field_block, opens_sections};
use super::letter::is_salutation;
use super::text::{char_count, ends_unmarked, final_mark, raw_text};
use crate::statement::clean::{clean_text, is_space};
use crate::statement::document::{Block, BlockKind, Span};
use crate::statement::frontmatter::FrontMatter;
use crate::statement::plain::{is_separator, list_marker};
use crate::statement::{Line, Para, ParaKind};

const META_MAX_CHARS: usize = 120;
const META_MAX_LINES: usize = 6;

/// `spans` without a leading "•" (a tag-line decoration).
fn strip_bullet(spans: &[Span]) -> Vec<Span> {
    let mut out = spans.to_vec();
    for span in &mut out {
        let trimmed = span.text.trim_start_matches(is_space);
        if trimmed.is_empty() {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix('•') {
            span.text = rest.to_string();
        }
        break;
    }
    out
}

/// Whether a lone `text` line qualifies as a meta line (after its bullet is
/// stripped into `shown`).
pub(super) fn is_meta_line(line: &Line) -> bool {
    let raw = raw_text(line);
    let shown = clean_text(&strip_bullet(&line.spans));
    let non_bullet_marker =
        list_marker(&raw).is_some() && !raw.trim_start_matches(is_space).starts_with('•');
    // A table's row (cells between tabs) is text, however short.
    let row = raw.trim_matches(is_space).contains('\t');
    // Thai and Lao end a sentence with no mark: there, only a line with a
    // figure in it (a date, a time) can be told from the text.
    let unmarked = ends_unmarked(&shown) && !shown.chars().any(|c| c.is_numeric());
    // What the writer made bold ("**When:** Saturday, 2 pm") is a part of
    // the text they want seen, never a clipping's date or tags, which
    // come plain: set small and gray, a leaflet's time and place were
    // its faintest line.
    let bold = line
        .spans
        .iter()
        .any(|s| s.style.bold && !s.text.trim_matches(is_space).is_empty());
    // So is a line opened with a pictograph ("📍 Town Hall", "📅 Saturday"),
    // as chat messages mark the time and place.
    !shown.is_empty()
        && !row
        && !unmarked
        && !bold
        && !opens_with_pictograph(&shown)
        && char_count(&shown) <= META_MAX_CHARS
        && !matches!(final_mark(&shown), Some('.' | ',' | ';' | ':' | '!' | '?'))
        && !is_salutation(&shown)
        && !is_separator(&raw)
        && !non_bullet_marker
}

/// Whether `text` opens with a pictograph, as a chat message marks its
/// lines ("📍 Town Hall", "📅 Saturday", "⏰ 11am", "✊ Join us"): an emoji
/// (UTS #51) that is not a component of one (digits, "#", "*", regional
/// indicators) and not one of the text symbols before U+2300 that are
/// emoji only in emoji presentation ("©", "™", "‼", arrows), which a
/// clipping's imprint line may open with.
pub(in crate::statement) fn opens_with_pictograph(text: &str) -> bool {
    use unicode_properties::UnicodeEmoji;
    let mut chars = text.trim_start_matches(is_space).chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let presented = chars.next() == Some(EMOJI_PRESENTATION);
    first.is_emoji_char()
        && !first.is_emoji_component()
        && (u32::from(first) >= FIRST_PICTOGRAPH || presented)
}

/// VARIATION SELECTOR-16: the character before it is shown as an emoji.
const EMOJI_PRESENTATION: char = '\u{FE0F}';

/// Where the emoji that are pictographs in any presentation start: the
/// Miscellaneous Technical block (⌚ ⏰ ⏳), then symbols, dingbats and the
/// emoji planes. Before it, "©", "®", "™", "‼" and arrows are text.
const FIRST_PICTOGRAPH: u32 = 0x2300;

/// Whether a whole paragraph is meta lines.
fn is_meta_para(p: &Para, room: usize) -> bool {
    if p.kind != ParaKind::Body || p.lines.len() > room {
        return false;
    }
    if !p.lines.iter().all(is_meta_line) {
        return false;
    }
    if p.lines.len() > 1 {
        let all_listed = p.lines.iter().all(|l| list_marker(&raw_text(l)).is_some());
        let wrapped = p.lines[1..].iter().any(|l| {
            clean_text(&strip_bullet(&l.spans))
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        });
        if all_listed || wrapped {
            return false;
        }
    }
    true
}

/// Meta paragraphs under the headline, while they fit the meta line limit,
/// into `raw_meta`. A heading (`heads`) in a statement with more headings
/// after it opens the first section instead. Returns the next paragraph.
///
/// Lines that would be all of the text under the headline are its text,
/// however short and unpunctuated: a clipping's date and tags stand over
/// a body, and a poster's "Monday 9 March" / "Picket lines from 6am" under
/// its headline are what it has to say, to be read from across the street.
pub(super) fn take_meta_paras(
    paras: &[Para],
    start: usize,
    heads: &[bool],
    raw_meta: &mut Vec<Line>,
) -> usize {
    let mut next = start;
    let mut taken = Vec::new();
    while let Some(p) = paras.get(next) {
        let room = META_MAX_LINES.saturating_sub(raw_meta.len() + taken.len());
        if opens_sections(heads, next) || !is_meta_para(p, room) {
            break;
        }
        taken.extend_from_slice(&p.lines);
        next += 1;
    }
    if next == paras.len() {
        return start;
    }
    raw_meta.append(&mut taken);
    next
}

/// The front matter's date and author as meta lines, unless the text's
/// meta lines already say them.
pub(super) fn add_front_meta(front: &FrontMatter, meta_lines: &mut Vec<Block>) {
    if let Some(date) = &front.date {
        let wanted = date.value.to_lowercase();
        if !meta_lines
            .iter()
            .any(|b| b.text().to_lowercase().contains(&wanted))
        {
            meta_lines.insert(0, field_block(BlockKind::Meta, date));
        }
    }
    // Who issues the statement belongs under the headline too, unless the
    // text already says it.
    if let Some(author) = &front.author {
        let wanted = author.value.to_lowercase();
        if !meta_lines
            .iter()
            .any(|b| b.text().to_lowercase().contains(&wanted))
        {
            // Right after the date, which front matter puts first.
            let at = usize::from(
                front
                    .date
                    .as_ref()
                    .is_some_and(|d| meta_lines.first().is_some_and(|b| b.line == d.line)),
            );
            meta_lines.insert(at, field_block(BlockKind::Meta, author));
        }
    }
}
