//! Roles: which paragraph is the headline, the meta lines, the salutation,
//! the sign-off; plain-text lists. The rules are described in the parent
//! module's documentation.

use super::clean::{clean_spans_with, clean_text, is_space, TableTabs};
use super::frontmatter::{Field, FrontMatter};
use super::plain::{is_separator, list_marker, Marker};
use super::{dates, deck, heading, meta};
use super::{Line, Para, ParaKind};
use crate::error::Warning;
use crate::statement::document::{Block, BlockKind, Span, Style, LINE_BREAK};

const HEADLINE_MAX_CHARS: usize = 300;
const META_MAX_CHARS: usize = 120;
const META_MAX_LINES: usize = 6;
/// The longest paragraph, in characters, that is taken as the subtitle
/// for being bold under the headline: a line or two of a leaflet's head
/// ("Open meeting: Thursday 14 January, 7 pm, Civic Centre"). A longer
/// bold paragraph is a lead, set as body text.
const BOLD_SUBTITLE_MAX_CHARS: usize = 200;
const SALUTATION_MAX_CHARS: usize = 60;
const SIGNOFF_MAX_CHARS: usize = 80;
const SIGNOFF_MAX_PARAS: usize = 3;
const SIGNOFF_MAX_LINES: usize = 4;

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
pub(super) const CLOSINGS: &[&str] = &[
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

/// Closing quotes and brackets, looked through to find a line's final mark.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '’'
            | '”'
            | '“'
            | '„'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '*'
            | '_'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
    )
}

/// The last character of `text`, looking through closing quotes and
/// brackets; another script's full stop, comma, colon, semicolon,
/// question or exclamation mark is given as its Latin equivalent, so that
/// the rules for headings and meta lines read every language's sentences.
pub(super) fn final_mark(text: &str) -> Option<char> {
    text.trim_end_matches(is_closer)
        .chars()
        .last()
        .map(latin_equivalent)
}

/// The Latin punctuation mark that does the job of `c` in its script.
fn latin_equivalent(c: char) -> char {
    match c {
        // Chinese and Japanese, Devanagari and Bengali dandas, Ethiopic,
        // Khmer, Myanmar, Armenian and Urdu full stops.
        '。' | '．' | '।' | '॥' | '።' | '។' | '៕' | '။' | '։' | '۔' => '.',
        '，' | '、' | '،' | '፣' | '၊' => ',',
        '；' | '؛' | '፤' => ';',
        '：' | '፥' => ':',
        '！' => '!',
        // Greek's question mark looks like a semicolon.
        '？' | '؟' | '፧' | '\u{37E}' => '?',
        other => other,
    }
}

/// Whether lower-cased `text` opens with `phrase` as whole words.
fn opens_with(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase).is_some_and(|rest| {
        phrase.ends_with(|c: char| !c.is_alphabetic())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

pub(super) fn opens_with_any(text: &str, phrases: &[&str]) -> bool {
    let lower = text.to_lowercase();
    phrases.iter().any(|p| opens_with(&lower, p))
}

pub(super) fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// "Dear comrades,", "Liebe Nachbarinnen und Nachbarn,", "Genossinnen und Genossen!".
pub(super) fn is_salutation(text: &str) -> bool {
    if text.is_empty() || char_count(text) > SALUTATION_MAX_CHARS {
        return false;
    }
    match text.chars().last() {
        Some(',') | Some(':') => true,
        last => {
            opens_with_any(text, SALUTATION_WORDS)
                && last.is_some_and(|c| c == '!' || c.is_alphanumeric())
        }
    }
}

/// The raw text of a line (no cleaning).
pub(super) fn raw_text(line: &Line) -> String {
    line.spans.iter().map(|s| s.text.as_str()).collect()
}

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
fn is_meta_line(line: &Line) -> bool {
    let raw = raw_text(line);
    let shown = clean_text(&strip_bullet(&line.spans));
    let non_bullet_marker =
        list_marker(&raw).is_some() && !raw.trim_start_matches(is_space).starts_with('•');
    // A table's row (cells between tabs) is text, however short.
    let row = raw.trim_matches(is_space).contains('\t');
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
pub(super) fn opens_with_pictograph(text: &str) -> bool {
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

/// A sign-off's first (or only) line.
fn is_signoff_line(text: &str) -> bool {
    if text.is_empty() || char_count(text) > SIGNOFF_MAX_CHARS {
        return false;
    }
    if opens_with_any(text, CLOSINGS) {
        return true;
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

/// Text equality for headline ≟ title: only letters and digits count, case
/// ignored, so a headline with its "!" still matches a title without it.
fn same_text(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

/// The letters and figures of `s` in lower case: what [`same_text`]
/// compares, and what a deck line's repeat of the headline is matched by.
pub(super) fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// A block from raw lines (joined with line breaks, then cleaned). A
/// break the writer kept ([`Line::kept`]) stays a line break in running
/// text; a headline, subtitle, meta line or heading is broken by sense
/// (`typeset::sense`) instead, so there it is a space like any other.
pub(super) fn block(kind: BlockKind, lines: &[Line]) -> Option<Block> {
    let first = lines.first()?;
    let display = matches!(
        kind,
        BlockKind::Headline | BlockKind::Subtitle | BlockKind::Meta | BlockKind::Heading(_)
    );
    let mut raw: Vec<Span> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            // A break inside a styled run keeps the run's style.
            let before = raw.last().map(|s| s.style);
            let after = line.spans.first().map(|s| s.style);
            // Display lines are broken by sense, not where the source
            // broke them; but in a subtitle, a line a pictograph opens
            // is an item of its own ("📍 Town Hall" / "📅 Saturday").
            let kept = if display {
                kind == BlockKind::Subtitle && (line.kept || opens_with_pictograph(&raw_text(line)))
            } else {
                line.kept
            };
            raw.push(Span {
                text: if kept { LINE_BREAK } else { '\n' }.to_string(),
                style: if before == after {
                    before.unwrap_or_default()
                } else {
                    Style::default()
                },
            });
        }
        if display {
            // A line separator typed into the source, likewise.
            raw.extend(line.spans.iter().map(|s| Span {
                text: s.text.replace(LINE_BREAK, " "),
                style: s.style,
            }));
        } else {
            raw.extend(line.spans.iter().cloned());
        }
    }
    let table = if display { None } else { table_tabs(lines) };
    let spans = clean_spans_with(&raw, table);
    if spans.is_empty() {
        return None;
    }
    Some(Block {
        kind,
        spans,
        line: first.no,
        lang: None,
    })
}

/// Whether `lines` are a table's rows, and how their tabs part cells.
///
/// Rows are two or more lines, each a line of its own (see [`Line::kept`]),
/// each with two or more cells between its tabs. Tabs come two ways:
/// - **Copied** from a spreadsheet or a word processor's table: every row
///   has as many tabs (one fewer than the columns), and each tab parts two
///   cells, so an empty cell is nothing between two tabs. Without it,
///   "Banners" of "10:00⇥March⇥⇥Banners" stood under "Where". Rows that
///   all open with empty cells are indented, not a column: those go, and
///   so do the empty cells that end a row.
/// - **Aligned** by hand in a text editor, where a run of tabs moves the
///   next cell to a tab stop ("March starts⇥⇥Town Hall"): the rows have as
///   many cells with text, a run of tabs parts two of them.
///
/// The tabs then stay in the text, for the typesetter to line the cells
/// up in columns.
fn table_tabs(lines: &[Line]) -> Option<TableTabs> {
    if lines.len() < 2 || !lines[1..].iter().all(|l| l.kept) {
        return None;
    }
    let texts: Vec<String> = lines.iter().map(raw_text).collect();
    let blank = |c: &&str| c.trim_matches(is_space).is_empty();
    let tabs = |t: &str| {
        t.trim_end_matches(|c| is_space(c) && c != '\t')
            .matches('\t')
            .count()
    };
    let columns = tabs(&texts[0]) + 1;
    if texts.iter().all(|t| tabs(t) + 1 == columns) {
        let lead = texts
            .iter()
            .map(|t| t.split('\t').take_while(blank).count())
            .min()?;
        if columns - lead >= 2 {
            return Some(TableTabs::Copied { lead });
        }
    }
    let cells = |t: &String| t.split('\t').filter(|c| !blank(c)).count();
    let n = cells(&texts[0]);
    (n >= 2 && texts.iter().all(|t| cells(t) == n)).then_some(TableTabs::Aligned)
}

fn field_block(kind: BlockKind, field: &Field) -> Block {
    Block {
        kind,
        spans: vec![Span::plain(field.value.clone())],
        line: field.line,
        lang: None,
    }
}

fn para_text(p: &Para) -> String {
    block(BlockKind::Body, &p.lines)
        .map(|b| b.text())
        .unwrap_or_default()
}

/// Whether the first paragraph may be the headline (without a title to match).
pub(super) fn may_be_headline(p: &Para, plain: bool) -> bool {
    match &p.kind {
        ParaKind::Title | ParaKind::Fixed(BlockKind::Heading(_)) => true,
        ParaKind::Fixed(_) => false,
        ParaKind::Body => {
            let text = para_text(p);
            let raw = raw_text(&p.lines[0]);
            let list = plain && list_marker(&raw).is_some();
            // A table's rows are records, never a title: as a headline
            // their cells ran together ("Town / Hall 12:00").
            let table = table_tabs(&p.lines).is_some();
            !(text.is_empty()
                || table
                || char_count(&text) > HEADLINE_MAX_CHARS
                || text.ends_with(',')
                || opens_with_any(&text, SALUTATION_WORDS)
                || is_separator(&raw)
                || list)
        }
    }
}

/// Plain-text numbered list lines in a paragraph.
fn numbered_lines(p: &Para) -> usize {
    p.lines
        .iter()
        .filter(|l| matches!(list_marker(&raw_text(l)), Some((Marker::Number(_), _))))
        .count()
}

/// Whether a Markdown paragraph holds a list Markdown does not read: a
/// line opened by a bullet other than Markdown's own `-`, `*` and `+`
/// (and `–`, a dash in wrapped text), or two or more opened by an
/// enumerator Markdown does not know ("a)", "iv.", "[2]").
fn copied_list(p: &Para) -> bool {
    let bullet = p.lines.iter().any(|l| {
        let raw = raw_text(l);
        matches!(list_marker(&raw), Some((Marker::Bullet(..), _)))
            && !raw
                .trim_start_matches(is_space)
                .starts_with(['-', '*', '+', '–'])
    });
    bullet || numbered_lines(p) >= 2
}

/// A plain-text body paragraph: body text, list items and separators.
fn split_plain(p: &Para, numbers_ok: bool, out: &mut Vec<Block>) {
    let mut kind = BlockKind::Body;
    let mut lines: Vec<Line> = Vec::new();
    for line in &p.lines {
        let raw = raw_text(line);
        let marker =
            list_marker(&raw).filter(|(m, _)| numbers_ok || matches!(m, Marker::Bullet(..)));
        if is_separator(&raw) {
            out.extend(block(kind.clone(), &lines));
            lines.clear();
            out.extend(block(BlockKind::Body, std::slice::from_ref(line)));
            kind = BlockKind::Body;
        } else if let Some((m, rest)) = marker {
            out.extend(block(kind, &lines));
            lines.clear();
            let (marker, depth) = match m {
                Marker::Bullet(depth, shown) => (shown.to_string(), depth),
                Marker::Number(n) => (n, 0),
            };
            kind = BlockKind::ListItem { marker, depth };
            lines.push(Line {
                no: line.no,
                spans: vec![Span::plain(rest)],
                kept: line.kept,
            });
        } else {
            lines.push(line.clone());
        }
    }
    out.extend(block(kind, &lines));
}

/// Which paragraphs are plain-text headings (in Markdown, only numbered
/// sections' headings it read as lists), for a body that starts at `next`.
fn plain_headings(paras: &[Para], next: usize, plain: bool) -> Vec<bool> {
    let end = signoff_start(paras, next, plain);
    if plain {
        heading::headings(paras, end)
    } else {
        heading::markdown_sections(paras, end)
    }
}

/// Body-range paragraphs whose role markup fixed, or plain paragraphs
/// (`heads` marks the plain-text headings).
fn render(
    paras: &[Para],
    range: std::ops::Range<usize>,
    plain: bool,
    heads: &[bool],
    out: &mut Vec<Block>,
) {
    for i in range {
        let p = &paras[i];
        match &p.kind {
            ParaKind::Body if heads.get(i) == Some(&true) => {
                out.extend(block(BlockKind::Heading(1), &p.lines));
            }
            // A numbered section's heading Markdown read as a list's item:
            // its number is a part of it.
            ParaKind::Fixed(BlockKind::ListItem { marker, .. }) if heads.get(i) == Some(&true) => {
                let mut line = p.lines[0].clone();
                line.spans.insert(0, Span::plain(format!("{marker} ")));
                out.extend(block(BlockKind::Heading(1), &[line]));
            }
            ParaKind::Body if plain => {
                let near = |j: Option<usize>| {
                    j.and_then(|j| paras.get(j))
                        .is_some_and(|q| q.kind == ParaKind::Body && numbered_lines(q) > 0)
                };
                let numbers_ok =
                    numbered_lines(p) >= 2 || near(i.checked_sub(1)) || near(Some(i + 1));
                split_plain(p, numbers_ok, out);
            }
            // Markdown has its own lists; a list copied from a word
            // processor into it ("●⇥…", "a) …") is still one.
            ParaKind::Body if copied_list(p) => split_plain(p, numbered_lines(p) >= 2, out),
            ParaKind::Body => out.extend(block(BlockKind::Body, &p.lines)),
            ParaKind::Title => out.extend(block(BlockKind::Heading(1), &p.lines)),
            ParaKind::Fixed(kind) => out.extend(block(kind.clone(), &p.lines)),
        }
    }
}

/// Gives the paragraphs their roles and makes the blocks, in reading
/// order: the headline with its meta lines and subtitle, the salutation,
/// the body, the sign-off, the notes (`notes`, Markdown's footnotes) and
/// the imprint. `next` is the first paragraph no role has taken yet. What
/// tidying the meta lines drops is reported in `warnings`, located in
/// `file`.
pub(super) fn build(
    paras: &[Para],
    notes: &[Para],
    front: &FrontMatter,
    plain: bool,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<Block> {
    let mut out = Vec::with_capacity(paras.len() + 4);
    let mut raw_meta: Vec<Line> = Vec::new();
    let (mut next, has_headline) = push_headline(paras, front, plain, &mut out, &mut raw_meta);
    // The headline's text, which the lines under it may repeat.
    let headline = out
        .iter()
        .rfind(|b| b.kind == BlockKind::Headline)
        .map(Block::text);
    let headline = headline.as_deref();
    // A web page's title over its own heading: the headline once.
    if let (Some(headline), Some(p)) = (headline, paras.get(next)) {
        if deck::is_repeat(&p.lines, headline, file, warnings) {
            next += 1;
        }
    }
    let mut next = push_subtitle(
        paras,
        front,
        (has_headline, headline),
        next,
        (file, warnings),
        &mut out,
    );
    if has_headline {
        next = push_deck(paras, next, headline, (file, warnings), &mut out);
    }
    if has_headline {
        let heads = plain_headings(paras, next, plain);
        next = take_meta_paras(paras, next, &heads, &mut raw_meta);
    }
    let mut meta_lines = meta::blocks(&raw_meta, front.date.as_ref(), file, warnings);
    add_front_meta(front, &mut meta_lines);
    out.append(&mut meta_lines);
    let next = push_salutation(paras, next, plain, &mut out);
    let end = signoff_start(paras, next, plain);
    let heads = plain_headings(paras, next, plain);
    render(paras, next..end, plain, &heads, &mut out);
    for p in &paras[end..] {
        for l in &p.lines {
            out.extend(block(BlockKind::SignOff, std::slice::from_ref(l)));
        }
    }
    render(notes, 0..notes.len(), false, &[], &mut out);
    if let Some(imprint) = &front.imprint {
        out.push(field_block(BlockKind::Imprint, imprint));
    }
    out
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

/// The paragraph that is the headline: one marked as the title, else a
/// first paragraph that may be one. With a title in the front matter, only
/// a paragraph saying the same (it is then not set twice).
fn headline_para(paras: &[Para], front: &FrontMatter, plain: bool) -> Option<usize> {
    let candidate = paras
        .iter()
        .position(|p| p.kind == ParaKind::Title)
        .or_else(|| {
            paras
                .first()
                .filter(|p| may_be_headline(p, plain))
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

/// The headline, from the text or else the front matter's title, with what
/// comes before it as body text and its own meta lines into `raw_meta`.
/// Returns the next paragraph and whether there is a headline.
fn push_headline(
    paras: &[Para],
    front: &FrontMatter,
    plain: bool,
    out: &mut Vec<Block>,
    raw_meta: &mut Vec<Line>,
) -> (usize, bool) {
    if let Some(i) = headline_para(paras, front, plain) {
        render(paras, 0..i, plain, &[], out);
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
fn push_subtitle(
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
fn push_deck(
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
        && !opens_with_any(&text, SALUTATION_WORDS)
        && list_marker(&raw_text(&p.lines[0])).is_none()
        && table_tabs(&p.lines).is_none()
}

/// Meta paragraphs under the headline, while they fit the meta line limit,
/// into `raw_meta`. A heading (`heads`) in a statement with more headings
/// after it opens the first section instead. Returns the next paragraph.
fn take_meta_paras(
    paras: &[Para],
    mut next: usize,
    heads: &[bool],
    raw_meta: &mut Vec<Line>,
) -> usize {
    while let Some(p) = paras.get(next) {
        let sectioned = heads.get(next) == Some(&true) && heads[next + 1..].contains(&true);
        if sectioned || !is_meta_para(p, META_MAX_LINES.saturating_sub(raw_meta.len())) {
            break;
        }
        raw_meta.extend_from_slice(&p.lines);
        next += 1;
    }
    next
}

/// The front matter's date and author as meta lines, unless the text's
/// meta lines already say them.
fn add_front_meta(front: &FrontMatter, meta_lines: &mut Vec<Block>) {
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

/// The salutation: a one-line body paragraph opening with a greeting (and
/// not a plain-text list item). Returns the next paragraph.
fn push_salutation(paras: &[Para], next: usize, plain: bool, out: &mut Vec<Block>) -> usize {
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
fn signoff_start(paras: &[Para], next: usize, plain: bool) -> usize {
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
