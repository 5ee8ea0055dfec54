//! HTML in a Markdown statement: what of it is text to print.
//!
//! A statement copied into Markdown from a web page or a campaign site's
//! editor brings tags along (`<p>`, `<b>`, `<br>`, `<span style=…>`), and
//! CommonMark passes them through as raw HTML. Printed as they are, the
//! tags put markup on a leaflet; dropped, they take their words with them.
//! So the tags are read with html5gum, a tokenizer that follows the WHATWG
//! rules browsers follow (entities decoded, broken tags recovered), and
//! turned into what a statement has: text, bold and italic, line and
//! paragraph breaks, headings, list items, links and pictures. Comments,
//! scripts and style sheets are not words of the statement; they are left
//! out, and the caller says so.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::clean::opening_words;

/// One thing the HTML says, in the statement's terms.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Piece {
    /// Text, entities decoded, whitespace as written.
    Text(String),
    /// `<b>`, `<strong>` open (true) or close (false).
    Bold(bool),
    /// `<i>`, `<em>`, `<cite>` open or close.
    Italic(bool),
    /// `<s>`, `<del>`, `<strike>` open or close.
    Strike(bool),
    /// `<br>`.
    LineBreak,
    /// A block element (`<p>`, `<div>`, `<ul>`, …) opens or closes: a
    /// paragraph ends here.
    Block,
    /// `<h1>`…`<h6>` opens.
    Heading(u8),
    /// `<ol>` (numbered from `start`, 1 unless it says) or `<ul>` (`None`)
    /// opens.
    List(Option<u64>),
    /// `</ol>` or `</ul>`.
    ListEnd,
    /// `<li>` opens.
    Item,
    /// `<a href>` opens, with its address (empty without one).
    Link(String),
    /// `</a>`.
    LinkEnd,
    /// `<tr>` opens: a table's row, a line of its own.
    Row,
    /// `<td>` or `<th>` opens: a cell, after a tab when it is not its
    /// row's first.
    Cell,
    /// `<img>`, with its alternative text.
    Image(String),
    /// A tag that carries no more than its text (`<span>`, `<font>`, `<u>`).
    Plain,
    /// `<main>` or `<article>` opens (true) or closes: a page's own text,
    /// and a paragraph's end.
    Main(bool),
    /// Something left out (a comment, a script, a style sheet), named.
    LeftOut(&'static str),
}

/// Elements that end a paragraph where they open or close.
const BLOCKS: &[&str] = &[
    "address",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hr",
    "nav",
    "p",
    "section",
    "caption",
    "table",
];

/// Whether element `name`, inside a table's cell, would end the cell's
/// row (a line break, a block, a heading, a list or its item's end): there
/// it is a space instead.
fn breaks_a_cell(name: &str) -> bool {
    matches!(name, "br" | "li" | "ol" | "ul")
        || heading_level(name).is_some()
        || BLOCKS.contains(&name)
}

/// Elements whose content is not text of the statement, with how a
/// warning names them.
const NOT_TEXT: &[(&str, &str)] = &[
    ("script", "script"),
    ("style", "style sheet"),
    ("template", "template"),
    ("noscript", "noscript block"),
    // A page saved whole: its head (the title the browser's tab shows),
    // its menus and its forms are the site's, not the statement's.
    ("head", "page head"),
    ("nav", "navigation menu"),
    ("form", "form"),
];

/// The pieces of `html`, in order, each with the byte offset in `html`
/// where it starts; `in_cell` when `html` begins inside a table's cell
/// (HTML written into a Markdown table's cell).
pub(super) fn pieces(html: &str, in_cell: bool) -> Vec<Located> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // The tokenizer alone cannot know that a script's or style sheet's
    // content is raw text (the tree builder tells it); this switch does it
    // by the tag's name, so a "<" in a script is not read as a tag.
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    // Inside an element that is not text: its name, until it closes.
    let mut skipping: Option<String> = None;
    // Inside a table's cell, where a paragraph, heading or line break (Word
    // puts a <p> in every cell; GitHub's tables take no line breaks, so
    // writers put a <br> or a list there) is a space and a list item a
    // bullet: the row stays one line of the table.
    let mut in_cell = in_cell;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if skipping.is_some() {
                    continue;
                }
                let at = tag.span.start;
                if let Some((_, what)) = NOT_TEXT.iter().find(|(n, _)| *n == name) {
                    out.push((at, Piece::LeftOut(what)));
                    if !tag.self_closing {
                        skipping = Some(name);
                    }
                    continue;
                }
                let attribute = |key: &str| {
                    tag.attributes
                        .iter()
                        .find(|(k, _)| k.as_slice() == key.as_bytes())
                        .map(|(_, v)| String::from_utf8_lossy(&v.value).into_owned())
                        .unwrap_or_default()
                };
                match name.as_str() {
                    "td" | "th" => in_cell = true,
                    "tr" | "table" => in_cell = false,
                    _ => {}
                }
                let piece = match name.as_str() {
                    "li" if in_cell => Piece::Text(" • ".into()),
                    n if in_cell && breaks_a_cell(n) => Piece::Text(" ".into()),
                    "b" | "strong" => Piece::Bold(true),
                    "i" | "em" | "cite" => Piece::Italic(true),
                    "s" | "del" | "strike" => Piece::Strike(true),
                    "br" => Piece::LineBreak,
                    "li" => Piece::Item,
                    "tr" => Piece::Row,
                    "td" | "th" => Piece::Cell,
                    "ol" => Piece::List(Some(attribute("start").trim().parse().unwrap_or(1))),
                    "ul" => Piece::List(None),
                    "a" => Piece::Link(attribute("href")),
                    "img" => Piece::Image(attribute("alt")),
                    "main" | "article" => Piece::Main(true),
                    n => match heading_level(n) {
                        Some(level) => Piece::Heading(level),
                        None if BLOCKS.contains(&n) => Piece::Block,
                        None => Piece::Plain,
                    },
                };
                out.push((at, piece));
                // A heading cell is bold.
                if name == "th" {
                    out.push((at, Piece::Bold(true)));
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(open) = &skipping {
                    if *open == name {
                        skipping = None;
                    }
                    continue;
                }
                match name.as_str() {
                    "td" | "th" | "tr" | "table" => in_cell = false,
                    _ => {}
                }
                let piece = match name.as_str() {
                    n if in_cell && breaks_a_cell(n) => Piece::Text(" ".into()),
                    "b" | "strong" | "th" => Piece::Bold(false),
                    "i" | "em" | "cite" => Piece::Italic(false),
                    "s" | "del" | "strike" => Piece::Strike(false),
                    "a" => Piece::LinkEnd,
                    "li" => Piece::Block,
                    "ol" | "ul" => Piece::ListEnd,
                    "main" | "article" => Piece::Main(false),
                    n if heading_level(n).is_some() || BLOCKS.contains(&n) => Piece::Block,
                    _ => Piece::Plain,
                };
                out.push((tag.span.start, piece));
            }
            Token::String(text) if skipping.is_none() => {
                let at = text.span.start;
                let text = String::from_utf8_lossy(&text.value).into_owned();
                match out.last_mut() {
                    Some((_, Piece::Text(before))) => before.push_str(&text),
                    _ => out.push((at, Piece::Text(text))),
                }
            }
            Token::Comment(c) if skipping.is_none() => {
                out.push((c.span.start, Piece::LeftOut("comment")))
            }
            // A doctype, a parse error the tokenizer recovered from, or the
            // content of an element that is not text.
            _ => {}
        }
    }
    out
}

/// How much of the text a page has outside its main content the warning
/// quotes, in characters.
const OUTSIDE_QUOTE_CHARS: usize = 60;

/// A piece and the byte offset where it starts.
pub(super) type Located = (usize, Piece);

/// A page's main content: when it marks one (`<main>` or `<article>`),
/// the pieces inside it; what is outside (menus, sidebars, footers, a
/// cookie notice) is the site's. Returns the pieces kept and, when text
/// was left out, where the first of it starts and how it begins.
pub(super) fn main_content(pieces: Vec<Located>) -> (Vec<Located>, Option<(usize, String)>) {
    if !pieces.iter().any(|(_, p)| *p == Piece::Main(true)) {
        return (pieces, None);
    }
    let mut depth = 0usize;
    let mut kept = Vec::with_capacity(pieces.len());
    // Where the text left out starts, enough of it to quote, and whether
    // there is more.
    let mut left: Option<(usize, String, bool)> = None;
    for (at, piece) in pieces {
        match piece {
            Piece::Main(true) => depth += 1,
            Piece::Main(false) => depth = depth.saturating_sub(1),
            _ => {}
        }
        // What is left out anyway is said wherever it is.
        let inside = depth > 0 || matches!(piece, Piece::Main(false) | Piece::LeftOut(_));
        if inside {
            kept.push((at, piece));
        } else if let Piece::Text(text) = &piece {
            if text.trim().is_empty() {
                continue;
            }
            let (_, seen, more) = left.get_or_insert((at, String::new(), false));
            if seen.chars().count() > OUTSIDE_QUOTE_CHARS {
                *more = true;
            } else {
                seen.push(' ');
                seen.push_str(text);
            }
        }
    }
    let left = left.map(|(at, seen, more)| {
        let (quote, cut) = opening_words(&seen, OUTSIDE_QUOTE_CHARS);
        (
            at,
            if cut || more {
                format!("{quote} …")
            } else {
                quote
            },
        )
    });
    (kept, left)
}

/// 1–6 for `h1`…`h6`.
fn heading_level(name: &str) -> Option<u8> {
    let level = name.strip_prefix('h')?.parse::<u8>().ok()?;
    (1..=6).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::Piece::*;
    use super::*;

    fn text(s: &str) -> Piece {
        Text(s.to_string())
    }

    /// The pieces without their offsets.
    fn pieces(html: &str) -> Vec<Piece> {
        super::pieces(html, false)
            .into_iter()
            .map(|(_, p)| p)
            .collect()
    }

    #[test]
    fn tags_become_styles_and_breaks_and_their_text_stays() {
        assert_eq!(
            pieces("<p>Rents <b>down</b>, <em>now</em>!<br/>Tuesday</p>"),
            [
                Block,
                text("Rents "),
                Bold(true),
                text("down"),
                Bold(false),
                text(", "),
                Italic(true),
                text("now"),
                Italic(false),
                text("!"),
                LineBreak,
                text("Tuesday"),
                Block
            ]
        );
        assert_eq!(
            pieces("<span style=\"color:red\">Fish &amp; chips&nbsp;&#8211; 5&euro;</span>"),
            [Plain, text("Fish & chips\u{a0}– 5€"), Plain]
        );
        assert_eq!(
            pieces("<H2 class=x>Our demands</H2><ol start=3><li>One</li></ol><ul>"),
            [
                Heading(2),
                text("Our demands"),
                Block,
                List(Some(3)),
                Item,
                text("One"),
                Block,
                ListEnd,
                List(None)
            ]
        );
        assert_eq!(
            pieces("<a href=\"https://example.org\">our site</a><img src=x.png alt=\"A march\">"),
            [
                Link("https://example.org".into()),
                text("our site"),
                LinkEnd,
                Image("A march".into())
            ]
        );
    }

    #[test]
    fn comments_scripts_and_style_sheets_are_left_out_and_named() {
        assert_eq!(
            pieces("a<!-- draft: ask Maria -->b<script>if (x < y) { alert('<b>') }</script>c<style>p{}</style>"),
            [
                text("a"),
                LeftOut("comment"),
                text("b"),
                LeftOut("script"),
                text("c"),
                LeftOut("style sheet")
            ]
        );
    }

    #[test]
    fn each_piece_knows_where_it_starts() {
        let at: Vec<usize> = super::pieces("<p>ab<!-- c -->\n<b>d</b>", false)
            .into_iter()
            .map(|(at, _)| at)
            .collect();
        assert_eq!(at, [0, 3, 5, 15, 16, 19, 20]);
    }

    #[test]
    fn a_pages_main_content_is_what_its_main_or_article_holds() {
        let (kept, left) = main_content(super::pieces(
            "<nav>x</nav><header>Riverside Tenants</header><article><h1>Rents</h1><p>Down.</p></article><footer>© 2026 <a href=/>Home</a></footer>",
            false,
        ));
        let kept: Vec<Piece> = kept.into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            kept,
            [
                LeftOut("navigation menu"),
                Main(true),
                Heading(1),
                text("Rents"),
                Block,
                Block,
                text("Down."),
                Block,
                Main(false)
            ]
        );
        assert_eq!(
            left,
            Some((20, "Riverside Tenants © 2026 Home".to_string()))
        );
        // A long outside is quoted up to a word, and said to go on.
        let (_, left) = main_content(super::pieces(
            "<header>Riverside Tenants' Union, 4 Mill Lane, Northbridge, open Monday to Friday</header><main>x</main><footer>a b</footer>",
            false,
        ));
        assert_eq!(
            left.map(|(_, q)| q).as_deref(),
            Some("Riverside Tenants' Union, 4 Mill Lane, Northbridge, open …")
        );
        // A page (or a snippet) without either keeps everything.
        let (kept, left) = main_content(super::pieces("<p>One</p>", false));
        assert_eq!(kept.len(), 3);
        assert_eq!(left, None);
    }

    #[test]
    fn broken_html_loses_no_text() {
        assert_eq!(
            pieces("5 < 6 and <b>bold"),
            [text("5 < 6 and "), Bold(true), text("bold")]
        );
        assert_eq!(pieces("</b>x"), [Bold(false), text("x")]);
    }
}
