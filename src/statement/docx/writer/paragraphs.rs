//! Block content (paragraphs, tables, content controls) in order, and each
//! paragraph as what it is: the headline, a heading, a list item, text.

use roxmltree::Node;

use super::escape::escape_start;
use super::{Inline, RunStyle, Writer, HARD_BREAK};
use crate::statement::docx::styles::{numbering_of, outline_of, Kind};
use crate::statement::docx::xml::{attr, child, LocalName};

/// The longest paragraph all in bold read as a heading: a heading is a
/// few words ("Our demands", "What happens on Saturday"); a longer bold
/// paragraph is emphasis.
const BOLD_HEADING_CHARS: usize = 60;

/// The longest first paragraph read as the headline: a headline is a line
/// or two ("Hands off Mill Lane Park", "NCP of Yugoslavia, A call for
/// solidarity with the Serbian people in Kosovo"); a longer one is the text.
const HEADLINE_CHARS: usize = 150;

impl Writer {
    pub(in crate::statement::docx) fn has_title_in(&self, root: Node) -> bool {
        root.descendants()
            .filter(|n| n.has_tag_name_local("pStyle"))
            .any(|s| attr(s, "val").is_some_and(|id| self.styles.kind(id) == Kind::Title))
    }

    /// The block-level content of the body, a table cell or a text box.
    pub(in crate::statement::docx) fn blocks(&mut self, parent: Node) {
        if self.deeper() {
            self.blocks_within(parent);
            self.depth -= 1;
        }
    }

    fn blocks_within(&mut self, parent: Node) {
        for node in parent.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "p" => self.paragraph(node),
                "tbl" => {
                    self.flush_pending(true);
                    self.end_list();
                    self.table(node);
                }
                // Content controls, custom XML, tracked insertions of
                // whole paragraphs: their content is the document's.
                "sdt" | "sdtContent" | "customXml" | "ins" | "moveTo" => self.blocks(node),
                "AlternateContent" => {
                    if let Some(choice) = child(node, "Choice") {
                        self.blocks(choice);
                    }
                }
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let ppr = child(p, "pPr");
        let style = ppr
            .and_then(|ppr| child(ppr, "pStyle"))
            .and_then(|s| attr(s, "val"))
            .unwrap_or("");
        let mut inline = Inline::default();
        self.inline(p, RunStyle::default(), None, &mut inline);
        let text = inline.text.trim().to_string();
        let numbering = ppr
            .and_then(numbering_of)
            .or_else(|| self.styles.numbering(style))
            .filter(|(id, _)| id != "0");
        let kind = match ppr.and_then(outline_of) {
            Some(level) => Kind::Heading(level + 1),
            None => self.styles.kind(style),
        };
        // The first paragraph with text is the headline, as the first
        // paragraph of a plain text is, unless it is long (a document that
        // opens with its text) or an item: a Word user types the headline
        // in a heading style, or in ordinary text made large.
        if !text.is_empty() && self.paragraphs == 0 {
            self.paragraphs = 1;
            let plain = inline.plain.trim();
            // Nor when it reads as the text's opening, as in a plain text.
            let short = plain.chars().count() <= HEADLINE_CHARS
                && !crate::statement::classify::reads_as_prose(plain);
            // A numbered heading opens a section, not the leaflet.
            if numbering.is_none() && (kind != Kind::Text || short) {
                self.has_title = true;
                // A headline all bold is bold anyway: no marks round it.
                let head = if inline.other_letters == 0 {
                    inline.plain.trim()
                } else {
                    text.as_str()
                };
                self.out
                    .push_str(&format!("# {}\n\n", head.replace(HARD_BREAK, " ")));
                for b in inline.boxes {
                    self.out.push_str(&b);
                }
                return;
            }
        }
        if !text.is_empty()
            && kind == Kind::Text
            && numbering.is_none()
            && self.bold_heading(&inline)
        {
            self.flush_pending(false);
            self.end_list();
            self.pending = Some(inline.plain.trim().to_string());
            self.paragraphs += 1;
        } else if !text.is_empty() {
            self.flush_pending(kind == Kind::Text);
            self.paragraphs += 1;
            // A numbered heading ("1. Introduction") shows its number.
            let text = match (&kind, &numbering) {
                (Kind::Heading(_) | Kind::Title, Some((id, level)))
                    if !self.level(id, *level).bullet =>
                {
                    let number = self.number_text(id, *level);
                    match number.trim() {
                        "" => text,
                        number => format!("{number} {text}"),
                    }
                }
                _ => text,
            };
            match (kind, numbering) {
                (Kind::Text, Some((id, level))) => self.item(&text, &id, level),
                _ => {
                    self.end_list();
                    let shift = usize::from(self.has_title);
                    // A Markdown heading is one line: a line break typed
                    // in a title ("SAVE OUR / LIBRARY") is a space there,
                    // and the headline is broken by sense anyway.
                    let text = match kind {
                        Kind::Text => text,
                        _ => text.replace(HARD_BREAK, " "),
                    };
                    let line = match kind {
                        Kind::Title => format!("# {text}"),
                        Kind::Heading(n) => {
                            format!("{} {text}", "#".repeat((n + shift).min(6)))
                        }
                        Kind::Subtitle => format!("**{text}**"),
                        Kind::Text => escape_start(&text),
                    };
                    self.out.push_str(&line);
                    self.out.push_str("\n\n");
                }
            }
        }
        for b in inline.boxes {
            self.flush_pending(true);
            self.end_list();
            self.out.push_str(&b);
        }
    }

    /// Whether a paragraph of ordinary style is a heading typed as bold
    /// text: all bold, at most [`BOLD_HEADING_CHARS`] characters on one
    /// line, not ending as a sentence or a lead-in does (". ! ? : ; ,"),
    /// and not the first two paragraphs, which the Markdown reader makes
    /// the headline and the line under it.
    fn bold_heading(&self, inline: &Inline) -> bool {
        let plain = inline.plain.trim();
        self.paragraphs >= 2
            && inline.bold_letters > 0
            && inline.other_letters == 0
            && plain.chars().count() <= BOLD_HEADING_CHARS
            && !plain.contains(HARD_BREAK)
            && !plain.ends_with(['.', '!', '?', ':', ';', ','])
    }

    /// Writes the bold paragraph held back: a heading when `text_follows`,
    /// else the bold paragraph it was.
    pub(in crate::statement::docx) fn flush_pending(&mut self, text_follows: bool) {
        if let Some(text) = self.pending.take() {
            if text_follows {
                self.out.push_str(&format!("## {text}\n\n"));
            } else {
                self.out.push_str(&format!("**{text}**\n\n"));
            }
        }
    }
}
