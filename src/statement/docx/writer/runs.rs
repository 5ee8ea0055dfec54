//! A paragraph's inline content: runs of text in bold and italic, links,
//! note references, equations, and drawings (text boxes, pictures).

use roxmltree::Node;

use super::escape::escape;
use super::{Inline, RunStyle, Writer, HARD_BREAK};
use crate::statement::docx::xml::{attr, child, on, LocalName};

impl Writer {
    /// A paragraph's runs, as Markdown text.
    pub(super) fn inline(
        &mut self,
        node: Node,
        base: RunStyle,
        link: Option<&str>,
        out: &mut Inline,
    ) {
        if self.deeper() {
            self.inline_within(node, base, link, out);
            self.depth -= 1;
        }
    }

    fn inline_within(&mut self, node: Node, base: RunStyle, link: Option<&str>, out: &mut Inline) {
        for n in node.children().filter(Node::is_element) {
            match n.tag_name().name() {
                "r" => self.run(n, base, out),
                "hyperlink" => {
                    let target = attr(n, "id").and_then(|id| self.links.get(id)).cloned();
                    match target {
                        Some(url) if link.is_none() => {
                            let mut inner = Inline::default();
                            self.inline(n, base, Some(&url), &mut inner);
                            let text = inner.text.trim();
                            if !text.is_empty() {
                                out.text.push_str(&format!(
                                    "[{text}](<{}>)",
                                    url.replace(['<', '>'], "")
                                ));
                                out.plain.push_str(inner.plain.trim());
                                out.bold_letters += inner.bold_letters;
                                out.other_letters += inner.other_letters;
                            }
                            out.boxes.extend(inner.boxes);
                        }
                        _ => self.inline(n, base, link, out),
                    }
                }
                "ins" | "moveTo" | "smartTag" | "customXml" | "fldSimple" | "sdt"
                | "sdtContent" | "bdo" | "dir" => self.inline(n, base, link, out),
                "del" | "moveFrom" => self.left_off.deleted += 1,
                // An equation: its text as written, in order ("E = mc2"),
                // which keeps every character if not the layout of a formula.
                "oMath" | "oMathPara" => {
                    let text: String = n
                        .descendants()
                        .filter(|t| t.has_tag_name_local("t"))
                        .filter_map(|t| t.text())
                        .collect();
                    out.push(&escape(&text), base);
                }
                "AlternateContent" => {
                    if let Some(choice) = child(n, "Choice") {
                        self.inline(choice, base, link, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: Node, base: RunStyle, out: &mut Inline) {
        let rpr = child(r, "rPr");
        let named = rpr
            .and_then(|p| child(p, "rStyle"))
            .and_then(|s| attr(s, "val"))
            .map(|id| {
                self.styles
                    .0
                    .get(id)
                    .map_or(id.to_lowercase(), |s| s.name.clone())
            });
        let style = RunStyle {
            bold: base.bold || on(rpr, "b") || named.as_deref() == Some("strong"),
            italic: base.italic || on(rpr, "i") || named.as_deref() == Some("emphasis"),
        };
        let mut text = String::new();
        for n in r.children().filter(Node::is_element) {
            match n.tag_name().name() {
                "t" => text.push_str(&escape(n.text().unwrap_or(""))),
                "tab" | "ptab" => text.push(' '),
                "br" | "cr" => match attr(n, "type") {
                    Some("page" | "column") => text.push(' '),
                    _ => text.push_str(HARD_BREAK),
                },
                "noBreakHyphen" => text.push('\u{2011}'),
                // Word's optional hyphen: the hyphenator finds its own.
                "softHyphen" => {}
                "sym" => {
                    if let Some(c) = attr(n, "char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                    {
                        text.push(c);
                    }
                }
                "footnoteReference" | "endnoteReference" => {
                    if let Some(id) = attr(n, "id") {
                        let end = n.tag_name().name() == "endnoteReference";
                        self.notes.push((end, id.to_string()));
                        text.push_str(&format!("[^{}]", self.notes.len()));
                    }
                }
                "commentReference" => self.left_off.comments += 1,
                // Ruby (furigana over Japanese): the base text is the
                // text; the reading over it is an aid, left off.
                "ruby" => {
                    out.push(&text, style);
                    text.clear();
                    for r in child(n, "rubyBase")
                        .into_iter()
                        .flat_map(|b| b.children())
                        .filter(|r| r.has_tag_name_local("r"))
                    {
                        self.run(r, style, out);
                    }
                }
                "drawing" | "pict" | "object" => self.drawing(n, out),
                "AlternateContent" => {
                    if let Some(choice) = child(n, "Choice") {
                        for d in choice.children().filter(Node::is_element) {
                            self.drawing(d, out);
                        }
                    }
                }
                _ => {}
            }
        }
        out.push(&text, style);
    }

    /// A drawing: its text boxes' paragraphs, else a picture left off.
    fn drawing(&mut self, node: Node, out: &mut Inline) {
        let boxes: Vec<Node> = node
            .descendants()
            .filter(|n| n.has_tag_name_local("txbxContent"))
            .collect();
        if boxes.is_empty() {
            if node
                .descendants()
                .any(|n| n.has_tag_name_local("blip") || n.has_tag_name_local("imagedata"))
            {
                self.left_off.pictures += 1;
            }
            return;
        }
        // Read flat, the boxes' paragraphs are read with the others.
        if self.flat {
            return;
        }
        for b in boxes {
            // Written apart, to follow the paragraph the box stands in: the
            // paragraph's output state is set aside meanwhile (a box never
            // opens the document, so it holds no headline).
            let out_text = std::mem::take(&mut self.out);
            let counters = std::mem::take(&mut self.counters);
            let in_list = std::mem::replace(&mut self.in_list, false);
            let pending = self.pending.take();
            let paragraphs = std::mem::replace(&mut self.paragraphs, 2);
            self.blocks(b);
            self.end_list();
            self.flush_pending(false);
            (self.counters, self.in_list, self.pending, self.paragraphs) =
                (counters, in_list, pending, paragraphs);
            out.boxes.push(std::mem::replace(&mut self.out, out_text));
        }
    }
}
