//! Word documents (.docx): the statement as most groups receive it. The
//! document's paragraphs, headings, bold and italic runs, lists, tables,
//! links, text boxes and footnotes are written out as Markdown, which the
//! Markdown reader then reads as it reads any statement. Markdown, not a
//! document model of its own: the web editor puts the same text in its box
//! for editing, and every rule of the readers (headlines, lists, tables,
//! quotation marks) applies to a Word statement as to a typed one.
//!
//! A .docx is a zip archive of XML parts (ECMA-376): `word/document.xml`
//! holds the text; `styles.xml` says which paragraph style is a heading
//! (by the style's name, which Word keeps in English whatever the user's
//! language: "heading 1", "Title"); `numbering.xml` says which list is
//! bulleted and which numbered; `_rels/document.xml.rels` holds the
//! links' addresses; `footnotes.xml` and `endnotes.xml` the notes.
//!
//! What is not the statement is left off, each with a warning: the page
//! header and footer (a letterhead, page numbers), comments, pictures,
//! and text deleted in tracked changes (insertions are read, as if
//! accepted). No word of the text itself is dropped: a text box's
//! paragraphs follow the paragraph they stand in, notes follow the text.
//!
//! Why by hand: the crates that read .docx either extract plain text
//! (`docx-lite`, `dotext`: which paragraph is a heading, what is bold and
//! how lists nest are gone) or build a full editing model of the document
//! for writing it back (`docx-rs` and its forks), far more than a reader
//! needs. The container and the XML are read by well-kept crates (`zip`,
//! `roxmltree`); only the mapping to Markdown is written here.

use std::collections::HashMap;
use std::io::Read;

use roxmltree::Node;

use crate::error::{Error, Location, Result, Warning};

/// The most bytes one XML part may inflate to. A .docx is read up to the
/// statement limit (1 MiB); Word's XML compresses about tenfold, so a full
/// one holds some 10 MiB; a part past this is a zip bomb, not a statement,
/// and the parsed tree of one this size stays near 200 MB.
const MAX_PART: u64 = 16 << 20;

/// How deep a style's `basedOn` chain is followed: Word's own chains are
/// two or three deep; a loop ends here too.
const MAX_STYLE_DEPTH: usize = 16;

/// A line break the writer typed (Shift+Enter), as Markdown writes it.
const HARD_BREAK: &str = "\\\n";

/// The longest paragraph all in bold read as a heading: a heading is a
/// few words ("Our demands", "What happens on Saturday"); a longer bold
/// paragraph is emphasis.
const BOLD_HEADING_CHARS: usize = 60;

/// The longest first paragraph read as the headline: a headline is a line
/// or two ("Hands off Mill Lane Park", "NCP of Yugoslavia, A call for
/// solidarity with the Serbian people in Kosovo"); a longer one is the text.
const HEADLINE_CHARS: usize = 150;

/// How deep a part's XML elements may nest: a text box's run in Word's
/// XML stands some 16 deep, a table in a table in a table under 30; the
/// parser's recursion stays far from any thread's stack at this depth.
const MAX_XML_DEPTH: usize = 256;

/// How deep content may nest (a table in a cell, an insertion in a link):
/// Word's own documents stay within a dozen levels; the limit keeps a
/// hostile one from overflowing the stack.
const MAX_NESTING: usize = 64;

/// How deep lists nest in Markdown: Word has nine levels, Markdown readers
/// and a leaflet's measure far fewer.
const MAX_LIST_DEPTH: usize = 5;

/// Whether `bytes` are meant as a Word document: a zip archive naming the
/// main document part. A damaged one is one too: reading it then says
/// what is wrong with it, not that it is no text.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"word/document.xml").is_some()
}

/// A Word document read as Markdown, and what was left off.
#[derive(Debug)]
pub struct Converted {
    /// The statement in Markdown, a blank line after each paragraph.
    pub markdown: String,
    /// What the reader should hear: parts left off, with their first words.
    pub warnings: Vec<Warning>,
}

/// Reads the Word document `bytes` (named `file` in messages).
pub fn to_markdown(bytes: &[u8], file: &str) -> Result<Converted> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| {
            bad(
                file,
                format!("the Word document cannot be opened ({e}): it may be damaged or cut short; save it again"),
            )
        })?;
    let document = part(&mut zip, "word/document.xml", file)?.ok_or_else(|| {
        bad(
            file,
            "the zip archive has no word/document.xml: it is not a Word document".into(),
        )
    })?;
    let styles = part(&mut zip, "word/styles.xml", file)?;
    let numbering = part(&mut zip, "word/numbering.xml", file)?;
    let rels = part(&mut zip, "word/_rels/document.xml.rels", file)?;
    let footnotes = part(&mut zip, "word/footnotes.xml", file)?;
    let endnotes = part(&mut zip, "word/endnotes.xml", file)?;

    let styles = parsed(styles.as_deref(), "styles.xml", file)?;
    let numbering = parsed(numbering.as_deref(), "numbering.xml", file)?;
    let rels = parsed(rels.as_deref(), "document.xml.rels", file)?;
    let footnotes = parsed(footnotes.as_deref(), "footnotes.xml", file)?;
    let endnotes = parsed(endnotes.as_deref(), "endnotes.xml", file)?;
    let document = roxmltree::Document::parse(&document).map_err(|e| {
        bad(
            file,
            format!("word/document.xml is not well-formed XML ({e})"),
        )
    })?;

    let mut writer = Writer {
        styles: Styles::read(styles.as_ref()),
        lists: Lists::read(numbering.as_ref()),
        links: links(rels.as_ref()),
        notes: Vec::new(),
        out: String::new(),
        counters: HashMap::new(),
        in_list: false,
        has_title: false,
        left_off: LeftOff::default(),
        paragraphs: 0,
        pending: None,
        depth: 0,
        too_deep: false,
        flat: false,
    };
    writer.has_title = writer.has_title_in(document.root_element());
    if let Some(body) = child(document.root_element(), "body") {
        writer.blocks(body);
    }
    writer.end_list();
    writer.flush_pending(false);
    writer.notes_after(&[footnotes.as_ref(), endnotes.as_ref()]);

    if writer.too_deep {
        return Err(bad(
            file,
            format!(
                "the Word document nests its content more than {MAX_NESTING} levels deep (tables \
                 in tables, or changes in changes); no statement is built so: save it again, or \
                 copy its text into a .txt file"
            ),
        ));
    }
    let mut warnings = writer.left_off.warnings(file);
    if let Some(words) = header_and_footer_words(&mut zip, file)? {
        warnings.push(Warning {
            at: Location::file(file),
            message: format!(
                "the Word document's page header and footer (“{words}”) are left off: a \
                 leaflet's pages have their own; put what they say in the text if it belongs \
                 on the leaflet"
            ),
        });
    }
    Ok(Converted {
        markdown: writer.out,
        warnings,
    })
}

fn bad(file: &str, message: String) -> Error {
    Error::Statement {
        at: Location::file(file),
        message,
    }
}

/// One part's text, `None` when the document has no such part.
fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    file: &str,
) -> Result<Option<String>> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let entry = zip.by_index(index).map_err(|e| {
        bad(
            file,
            format!("{name} in the Word document cannot be read ({e})"),
        )
    })?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            bad(
                file,
                format!("{name} in the Word document cannot be read ({e})"),
            )
        })?;
    if bytes.len() as u64 > MAX_PART {
        return Err(bad(
            file,
            format!(
                "{name} in the Word document unpacks to more than {} MiB: no statement is that \
                 long (a zip bomb?)",
                MAX_PART >> 20
            ),
        ));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        bad(
            file,
            format!("{name} in the Word document is not UTF-8 XML"),
        )
    })?;
    if element_depth(&text) > MAX_XML_DEPTH {
        return Err(bad(
            file,
            format!(
                "{name} in the Word document nests its elements more than {MAX_XML_DEPTH} deep: \
                 no document Word writes does (a damaged or hostile file?)"
            ),
        ));
    }
    Ok(Some(text))
}

/// How deeply the elements of `xml` nest, at the most, found by a scan
/// of its tags (comments, CDATA, processing instructions and quoted
/// attribute values skipped). The XML parser builds its tree by
/// recursion and would overflow the stack on a hostile file's thousands
/// of nested elements, so the depth is known before it parses.
fn element_depth(xml: &str) -> usize {
    let b = xml.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    let skip_to = |from: usize, end: &[u8]| {
        memchr::memmem::find(&b[from..], end).map_or(b.len(), |k| from + k + end.len())
    };
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        i += k + 1;
        match b.get(i) {
            Some(b'/') => {
                depth = depth.saturating_sub(1);
                i = skip_to(i, b">");
            }
            Some(b'?') => i = skip_to(i, b"?>"),
            Some(b'!') if b[i..].starts_with(b"!--") => i = skip_to(i, b"-->"),
            Some(b'!') if b[i..].starts_with(b"![CDATA[") => i = skip_to(i, b"]]>"),
            Some(b'!') => i = skip_to(i, b">"),
            _ => {
                // To the tag's end, past any ">" inside a quoted value.
                let mut quote = None;
                while let Some(&c) = b.get(i) {
                    match (quote, c) {
                        (None, b'"' | b'\'') => quote = Some(c),
                        (Some(q), _) if c == q => quote = None,
                        (None, b'>') => break,
                        _ => {}
                    }
                    i += 1;
                }
                if i > 0 && b.get(i - 1) != Some(&b'/') {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
        }
    }
    deepest
}

/// A part parsed, if the document has it.
fn parsed<'a>(
    text: Option<&'a str>,
    name: &str,
    file: &str,
) -> Result<Option<roxmltree::Document<'a>>> {
    text.map(|t| {
        roxmltree::Document::parse(t).map_err(|e| {
            bad(
                file,
                format!("{name} in the Word document is not well-formed XML ({e})"),
            )
        })
    })
    .transpose()
}

/// The first child element of `node` with the local name `name`.
fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// An attribute by local name (`w:val` is `val`, whatever the prefix).
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

/// Whether a toggle property (`<w:b/>`, `<w:b w:val="false"/>`) is on.
fn on(props: Option<Node>, name: &str) -> bool {
    props
        .and_then(|p| child(p, name))
        .is_some_and(|b| !matches!(attr(b, "val"), Some("0" | "false" | "off" | "none")))
}

/// What a paragraph style makes of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Title,
    Subtitle,
    /// A heading of level 1 to 9.
    Heading(usize),
    Text,
}

#[derive(Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// The list a style numbers its paragraphs in ("List Bullet").
    numbering: Option<(String, usize)>,
    outline: Option<usize>,
}

#[derive(Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(doc: Option<&roxmltree::Document>) -> Styles {
        let mut styles = HashMap::new();
        let Some(doc) = doc else {
            return Styles(styles);
        };
        for s in doc.descendants().filter(|n| n.has_tag_name_local("style")) {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let ppr = child(s, "pPr");
            styles.insert(
                id.to_string(),
                Style {
                    name: child(s, "name")
                        .and_then(|n| attr(n, "val"))
                        .unwrap_or(id)
                        .to_lowercase(),
                    based_on: child(s, "basedOn")
                        .and_then(|b| attr(b, "val"))
                        .map(String::from),
                    numbering: ppr.and_then(numbering_of),
                    outline: ppr.and_then(outline_of),
                },
            );
        }
        Styles(styles)
    }

    /// Style `id` and the styles it is based on, nearest first.
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Style> {
        std::iter::successors(self.0.get(id), |s| {
            s.based_on.as_deref().and_then(|b| self.0.get(b))
        })
        .take(MAX_STYLE_DEPTH)
    }

    /// The kind of a paragraph of style `id`, its own name first, then
    /// what it is based on.
    fn kind(&self, id: &str) -> Kind {
        self.chain(id).find_map(Style::kind).unwrap_or(Kind::Text)
    }

    /// The list a style's paragraphs are items of, through `basedOn`.
    fn numbering(&self, id: &str) -> Option<(String, usize)> {
        self.chain(id).find_map(|s| s.numbering.clone())
    }
}

impl Style {
    /// What the style itself (not what it is based on) makes of a
    /// paragraph, if anything.
    fn kind(&self) -> Option<Kind> {
        let name = self.name.as_str();
        match name {
            "title" => Some(Kind::Title),
            "subtitle" => Some(Kind::Subtitle),
            _ => name
                .strip_prefix("heading ")
                .and_then(|n| n.parse().ok())
                .or(self.outline.map(|level| level + 1))
                .map(Kind::Heading),
        }
    }
}

/// A paragraph's (or style's) `numPr`: the list and the level. List 0 is
/// "no list", how Word takes a style's numbering off one paragraph.
fn numbering_of(ppr: Node) -> Option<(String, usize)> {
    let num = child(ppr, "numPr")?;
    let id = child(num, "numId").and_then(|n| attr(n, "val"))?;
    let level = child(num, "ilvl")
        .and_then(|n| attr(n, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_string(), level))
}

/// A paragraph's outline level (0 is a heading 1); 9 is body text.
fn outline_of(ppr: Node) -> Option<usize> {
    child(ppr, "outlineLvl")
        .and_then(|n| attr(n, "val"))
        .and_then(|v| v.parse().ok())
        .filter(|&l: &usize| l < 9)
}

/// One level of a list, as numbering.xml defines it.
#[derive(Clone, Debug)]
struct Level {
    bullet: bool,
    start: u32,
    /// How its number is written: "%1.", "%1.%2." (the numbers of levels
    /// 1 and 2), "(%1)".
    text: String,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            bullet: true,
            start: 1,
            text: String::new(),
        }
    }
}

/// The lists' levels, by list (`numId`) and level.
#[derive(Default)]
struct Lists(HashMap<(String, usize), Level>);

impl Lists {
    fn read(doc: Option<&roxmltree::Document>) -> Lists {
        let mut lists = HashMap::new();
        let Some(doc) = doc else {
            return Lists(lists);
        };
        let mut abstracts: HashMap<&str, Vec<(usize, Level)>> = HashMap::new();
        for a in doc
            .descendants()
            .filter(|n| n.has_tag_name_local("abstractNum"))
        {
            let Some(id) = attr(a, "abstractNumId") else {
                continue;
            };
            let levels = a
                .children()
                .filter(|l| l.has_tag_name_local("lvl"))
                .map(|l| {
                    let level = attr(l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let format = child(l, "numFmt").and_then(|f| attr(f, "val"));
                    let start = child(l, "start")
                        .and_then(|s| attr(s, "val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1);
                    let text = child(l, "lvlText")
                        .and_then(|t| attr(t, "val"))
                        .unwrap_or_default()
                        .to_string();
                    let bullet = matches!(format, Some("bullet") | None);
                    (
                        level,
                        Level {
                            bullet,
                            start,
                            text,
                        },
                    )
                })
                .collect();
            abstracts.insert(id, levels);
        }
        for n in doc.descendants().filter(|n| n.has_tag_name_local("num")) {
            let (Some(id), Some(abs)) = (
                attr(n, "numId"),
                child(n, "abstractNumId").and_then(|a| attr(a, "val")),
            ) else {
                continue;
            };
            for (level, l) in abstracts.get(abs).into_iter().flatten() {
                lists.insert((id.to_string(), *level), l.clone());
            }
        }
        Lists(lists)
    }
}

/// The links' addresses by relationship id.
fn links(rels: Option<&roxmltree::Document>) -> HashMap<String, String> {
    let Some(rels) = rels else {
        return HashMap::new();
    };
    rels.descendants()
        .filter(|n| n.has_tag_name_local("Relationship"))
        .filter(|n| attr(*n, "Type").is_some_and(|t| t.ends_with("/hyperlink")))
        .filter_map(|n| Some((attr(n, "Id")?.to_string(), attr(n, "Target")?.to_string())))
        .collect()
}

trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}

/// What was left off, counted for the warnings.
#[derive(Default)]
struct LeftOff {
    pictures: usize,
    comments: usize,
    deleted: usize,
}

impl LeftOff {
    fn warnings(&self, file: &str) -> Vec<Warning> {
        let mut out = Vec::new();
        let mut say = |message: String| {
            out.push(Warning {
                at: Location::file(file),
                message,
            })
        };
        if self.pictures > 0 {
            say(format!(
                "{} picture{} in the Word document {} not placed: give one as `image` in the \
                 front matter (or the web editor's Picture)",
                self.pictures,
                plural(self.pictures),
                if self.pictures == 1 { "is" } else { "are" }
            ));
        }
        if self.comments > 0 {
            say(format!(
                "{} comment{} in the Word document left off the leaflet",
                self.comments,
                plural(self.comments)
            ));
        }
        if self.deleted > 0 {
            say(format!(
                "the Word document has tracked changes: read as if accepted ({} deleted \
                 passage{} left off)",
                self.deleted,
                plural(self.deleted)
            ));
        }
        out
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

struct Writer {
    styles: Styles,
    lists: Lists,
    links: HashMap<String, String>,
    /// The notes referred to in the text, in the order of their
    /// references (the text shows each one's place here as its number):
    /// whether it is an endnote, and its id in its part.
    notes: Vec<(bool, String)>,
    out: String,
    /// The next number of each numbered list's level.
    counters: HashMap<(String, usize), u32>,
    in_list: bool,
    has_title: bool,
    left_off: LeftOff,
    /// Paragraphs with text so far.
    paragraphs: usize,
    /// A paragraph all bold, short, without a sentence's end: a heading
    /// typed as bold text, if text follows it (else it stays bold: a
    /// sign-off is often bold too).
    pending: Option<String>,
    /// How deep the reading has gone into nested content (tables in cells,
    /// insertions in insertions); past [`MAX_NESTING`] the document is
    /// refused rather than the stack overflowed.
    depth: usize,
    too_deep: bool,
    /// Reading every paragraph under a node in turn, as one line (a table
    /// cell's, a note's): a text box's paragraphs are among them, so a
    /// drawing does not write its boxes again (which would count their
    /// notes and pictures twice).
    flat: bool,
}

/// A paragraph's inline text being written, as Markdown and plain.
#[derive(Default)]
struct Inline {
    text: String,
    /// The same without the marks of bold and italic.
    plain: String,
    /// Letters and figures in bold runs, and in others: a paragraph all
    /// bold may be a heading.
    bold_letters: usize,
    other_letters: usize,
    /// Paragraphs of text boxes met inside, written after this one.
    boxes: Vec<String>,
}

impl Inline {
    fn push(&mut self, text: &str, style: RunStyle) {
        push_styled(&mut self.text, text, style);
        self.plain.push_str(text);
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        if style.bold {
            self.bold_letters += letters;
        } else {
            self.other_letters += letters;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Default)]
struct RunStyle {
    bold: bool,
    italic: bool,
}

impl Writer {
    fn has_title_in(&self, root: Node) -> bool {
        root.descendants()
            .filter(|n| n.has_tag_name_local("pStyle"))
            .any(|s| attr(s, "val").is_some_and(|id| self.styles.kind(id) == Kind::Title))
    }

    /// The block-level content of the body, a table cell or a text box.
    fn blocks(&mut self, parent: Node) {
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
            let short = inline.plain.trim().chars().count() <= HEADLINE_CHARS;
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
    fn flush_pending(&mut self, text_follows: bool) {
        if let Some(text) = self.pending.take() {
            if text_follows {
                self.out.push_str(&format!("## {text}\n\n"));
            } else {
                self.out.push_str(&format!("**{text}**\n\n"));
            }
        }
    }

    fn level(&self, id: &str, level: usize) -> Level {
        self.lists
            .0
            .get(&(id.to_string(), level))
            .cloned()
            .unwrap_or_default()
    }

    /// The number of the next paragraph at `level` of list `id`: one more
    /// than the last there, and the levels below start again.
    fn count(&mut self, id: &str, level: usize) -> u32 {
        let start = self.level(id, level).start;
        self.counters
            .retain(|(list, l), _| list != id || *l <= level);
        let next = self
            .counters
            .entry((id.to_string(), level))
            .or_insert(start);
        let n = *next;
        *next += 1;
        n
    }

    /// A numbered heading's number as Word shows it: its level's text with
    /// each `%k` the current number of level k ("%1.%2." is "2.3.").
    fn number_text(&mut self, id: &str, level: usize) -> String {
        self.count(id, level);
        let mut out = self.level(id, level).text;
        for k in (1..=level + 1).rev() {
            let current = self
                .counters
                .get(&(id.to_string(), k - 1))
                .map_or(self.level(id, k - 1).start, |next| next - 1);
            out = out.replace(&format!("%{k}"), &current.to_string());
        }
        out
    }

    fn item(&mut self, text: &str, id: &str, level: usize) {
        self.flush_pending(true);
        let level = level.min(MAX_LIST_DEPTH - 1);
        // Markdown numbers its lists with figures: a list Word letters
        // ("a)") or numbers in Roman figures keeps its order and count.
        let marker = if self.level(id, level).bullet {
            "-".to_string()
        } else {
            format!("{}.", self.count(id, level))
        };
        self.out.push_str(&" ".repeat(4 * level));
        self.out.push_str(&marker);
        self.out.push(' ');
        self.out.push_str(text);
        self.out.push('\n');
        self.in_list = true;
    }

    fn end_list(&mut self) {
        if self.in_list {
            self.out.push('\n');
            self.in_list = false;
        }
    }

    /// A table as a Markdown table, its first row the headings' row.
    fn table(&mut self, tbl: Node) {
        // A table of one column is a frame round text, not a table: a
        // flyer made in Word often holds its whole text in one cell. Its
        // cells' content is read as the body's, paragraph by paragraph.
        let rows: Vec<Vec<Node>> = tbl
            .children()
            .filter(|r| r.has_tag_name_local("tr"))
            .map(|r| {
                r.children()
                    .filter(|c| c.has_tag_name_local("tc"))
                    .collect()
            })
            .collect();
        if rows.iter().all(|r| r.len() <= 1) {
            for &cell in rows.iter().flatten() {
                self.blocks(cell);
            }
            self.end_list();
            return;
        }
        let rows: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| r.iter().map(|&c| self.cell(c)).collect())
            .collect();
        let Some(width) = rows.iter().map(Vec::len).max() else {
            return;
        };
        for (k, row) in rows.iter().enumerate() {
            self.out.push('|');
            for i in 0..width {
                self.out.push(' ');
                self.out.push_str(row.get(i).map_or("", String::as_str));
                self.out.push_str(" |");
            }
            self.out.push('\n');
            if k == 0 {
                self.out.push('|');
                self.out.push_str(&" --- |".repeat(width));
                self.out.push('\n');
            }
        }
        self.out.push('\n');
    }

    /// A cell's text on one line: its paragraphs a space apart.
    fn cell(&mut self, tc: Node) -> String {
        // A table's row is one line, its cells' line breaks spaces.
        let texts: Vec<String> = self
            .texts(tc)
            .iter()
            .map(|t| t.replace(HARD_BREAK, " ").replace('|', "\\|"))
            .collect();
        texts.join(" ")
    }

    /// The Markdown text of each paragraph under `node` that has any,
    /// trimmed: a nested table's and a text box's too, a text box's
    /// fallback copy (mc:Fallback) only once.
    fn texts(&mut self, node: Node) -> Vec<String> {
        let paragraphs = node
            .descendants()
            .filter(|n| n.has_tag_name_local("p"))
            .filter(|n| !n.ancestors().any(|a| a.has_tag_name_local("Fallback")));
        let flat = std::mem::replace(&mut self.flat, true);
        let mut out = Vec::new();
        for p in paragraphs {
            let mut inline = Inline::default();
            self.inline(p, RunStyle::default(), None, &mut inline);
            let text = inline.text.trim();
            if !text.is_empty() {
                out.push(text.to_string());
            }
        }
        self.flat = flat;
        out
    }

    /// A paragraph's runs, as Markdown text.
    fn inline(&mut self, node: Node, base: RunStyle, link: Option<&str>, out: &mut Inline) {
        if self.deeper() {
            self.inline_within(node, base, link, out);
            self.depth -= 1;
        }
    }

    /// Whether one more level of nesting may be read (then it is counted:
    /// the caller takes it off again).
    fn deeper(&mut self) -> bool {
        if self.depth >= MAX_NESTING {
            self.too_deep = true;
            return false;
        }
        self.depth += 1;
        true
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

    /// The notes as Markdown footnotes (`[^1]: …`) after the statement's
    /// text, in the order the text refers to them: the Markdown reader sets
    /// them as endnotes, a leaflet having no page foot.
    fn notes_after(&mut self, parts: &[Option<&roxmltree::Document>; 2]) {
        let refs = std::mem::take(&mut self.notes);
        // Each part's notes by id, looked up once each.
        let by_id: [HashMap<&str, Node>; 2] = [("footnote", 0), ("endnote", 1)].map(|(name, k)| {
            parts[k]
                .map(|doc| {
                    doc.descendants()
                        .filter(|n| n.has_tag_name_local(name))
                        .filter_map(|n| Some((attr(n, "id")?, n)))
                        .collect()
                })
                .unwrap_or_default()
        });
        for (k, (end, id)) in refs.iter().enumerate() {
            let Some(&note) = by_id[usize::from(*end)].get(id.as_str()) else {
                continue;
            };
            let text = self.texts(note).join(" ");
            self.out.push_str(&format!("[^{}]: {text}\n\n", k + 1));
        }
    }
}

/// Appends a run's `text` (already escaped) in `style`: the marks go
/// round the words, not the spaces at either end, which Markdown would
/// not read as emphasis.
fn push_styled(out: &mut String, text: &str, style: RunStyle) {
    let mark = match (style.bold, style.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        (false, false) => "",
    };
    let core = text.trim();
    if mark.is_empty() || core.is_empty() {
        out.push_str(text);
        return;
    }
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    out.push_str(&text[..start]);
    out.push_str(mark);
    out.push_str(core);
    out.push_str(mark);
    out.push_str(&text[end..]);
}

/// A run's text with Markdown's marks escaped, so that a `*`, `_`, `[`
/// or `<` the writer typed prints as typed.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // An ampersand only where it would start an entity (`&amp;`).
            '&' if looks_like_entity(&text[i + 1..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

fn looks_like_entity(after: &str) -> bool {
    let name: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && after[name.len()..].starts_with(';')
}

/// A paragraph's text with what Markdown reads at a line's start escaped:
/// "1. This is no list", "# not a heading", "- not an item", "> no quote".
fn escape_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = &text[digits..];
    if digits > 0
        && (after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")")
    {
        return format!("{}\\{}", &text[..digits], after);
    }
    match text.chars().next() {
        Some('#' | '-' | '+' | '=' | '|') => format!("\\{text}"),
        _ => text.to_string(),
    }
}

/// The first words of the page headers' and footers' text, if they hold
/// any.
fn header_and_footer_words<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    file: &str,
) -> Result<Option<String>> {
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| {
            n.starts_with("word/")
                && (n[5..].starts_with("header") || n[5..].starts_with("footer"))
                && n.ends_with(".xml")
        })
        .map(String::from)
        .collect();
    let mut words = String::new();
    for name in names {
        let Some(text) = part(zip, &name, file)? else {
            continue;
        };
        let Ok(doc) = roxmltree::Document::parse(&text) else {
            continue;
        };
        for t in doc.descendants().filter(|n| n.has_tag_name_local("t")) {
            words.push_str(t.text().unwrap_or(""));
        }
        words.push(' ');
    }
    let words: Vec<&str> = words.split_whitespace().collect();
    Ok((!words.is_empty()).then(|| {
        let mut shown = words[..words.len().min(8)].join(" ");
        if words.len() > 8 {
            shown.push('…');
        }
        shown
    }))
}

#[cfg(test)]
mod tests;
