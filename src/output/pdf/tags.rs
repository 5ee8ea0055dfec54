//! The structure tree of a tagged PDF: what screen readers, reflowing
//! phone viewers and text extraction read instead of the page's geometry.
//!
//! The content streams mark each tagged line or picture as a marked-content
//! sequence with an MCID (numbered per page, in drawing order) and
//! everything else as an artifact ([`Marker`]). This module gathers those
//! sequences by the [`ElementId`] composition gave them, in reading order,
//! and writes one structure element per document element: a paragraph
//! split across columns or pages is one P whose kids are marked-content
//! references on each page. Consecutive list items become an L (nested
//! by depth), each LI holding its marker (Lbl) and text (LBody). A web
//! address in the text is a Link inside its element, holding the
//! sequences of its words (one per line it is drawn on) and an object
//! reference to each line's annotation. Heading levels follow the outline
//! ([`Outline`]). The parent tree maps every page's MCIDs, and every
//! annotation, back to their elements.

use std::collections::BTreeMap;
use std::sync::Arc;

use pdf_writer::types::{ActionType, AnnotationFlags, AnnotationType};
use pdf_writer::types::{StructRole, TableHeaderScope};
use pdf_writer::writers::{StructElement, StructTreeRoot};
use pdf_writer::{Chunk, Content, Finish, Name, Rect, Ref, Str, TextStr};

use crate::compose::tag::{ElementId, Role, Tag};

/// Which part of a tagged line a marked-content sequence holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Piece {
    /// All of it.
    Whole,
    /// A list item's marker.
    Label,
    /// A list item's text after its marker.
    Body,
    /// A web address in the line's text (or the part of it on this line);
    /// which one, [`Marker::links`] says. (Kept out of this enum: every
    /// tagged line of a long statement holds a `Piece`, and a byte is
    /// enough for it.)
    Link,
    /// A cell of a table's row: one of the line's pieces between its tabs
    /// (the tab ending it included).
    Cell,
}

/// One marked-content sequence of a page: its MCID is its place in the
/// page's list.
#[derive(Clone, Debug)]
pub(super) struct Marked {
    pub(super) tag: Tag,
    pub(super) piece: Piece,
    /// For a link: where on the page it can be clicked (PDF user space,
    /// left, bottom, right, top).
    pub(super) area: Option<[f32; 4]>,
}

/// Writes marked-content operators into a content stream and keeps the
/// list of tagged sequences, so that MCIDs follow drawing order.
#[derive(Default)]
pub(super) struct Marker {
    pub(super) marked: Vec<Marked>,
    /// The web address of each [`Piece::Link`] sequence: its MCID and the
    /// address's index among the document's (see `weblinks`).
    pub(super) links: Vec<(u32, u32)>,
}

impl Marker {
    /// Opens a tagged sequence for `piece` of `tag`'s element in a stream
    /// written by hand.
    pub(super) fn begin(&mut self, out: &mut Vec<u8>, tag: &Tag, piece: Piece) {
        out.push(b'/');
        out.extend_from_slice(content_name(&tag.role, piece));
        let mcid = self.record(tag, piece);
        out.extend_from_slice(format!(" <</MCID {mcid}>> BDC\n").as_bytes());
    }

    /// Opens a tagged sequence for `tag`, or an artifact without one, in a
    /// stream written with pdf-writer.
    pub(super) fn begin_content(&mut self, c: &mut Content, tag: Option<&Tag>) {
        match tag {
            Some(tag) => {
                let name = content_name(&tag.role, Piece::Whole);
                let mcid = self.record(tag, Piece::Whole);
                c.begin_marked_content_with_properties(Name(name))
                    .properties()
                    .identify(mcid);
            }
            None => {
                c.begin_marked_content(Name(b"Artifact"));
            }
        }
    }

    /// The next MCID, now taken by `piece` of `tag`.
    fn record(&mut self, tag: &Tag, piece: Piece) -> i32 {
        let mcid = self.marked.len() as i32;
        self.marked.push(Marked {
            tag: tag.clone(),
            piece,
            area: None,
        });
        mcid
    }

    /// Opens a tagged sequence for the part of a web address drawn in
    /// `area` on a line of `tag`'s element.
    pub(super) fn begin_link(&mut self, out: &mut Vec<u8>, tag: &Tag, link: u32, area: [f32; 4]) {
        self.begin(out, tag, Piece::Link);
        if let Some(m) = self.marked.last_mut() {
            m.area = Some(area);
        }
        self.links.push((self.marked.len() as u32 - 1, link));
    }

    /// Where the sequence just opened can be clicked, if it is a link.
    pub(super) fn link_area(&mut self, area: [f32; 4]) {
        if let Some(m) = self.marked.last_mut().filter(|m| m.tag.link.is_some()) {
            m.area = Some(area);
        }
    }

    /// Opens an artifact: drawn, but not content (rules, fills, marks,
    /// repeated copies, pictures without alternative text).
    pub(super) fn artifact(out: &mut Vec<u8>) {
        out.extend_from_slice(b"/Artifact BMC\n");
    }

    /// Closes the innermost sequence.
    pub(super) fn end(out: &mut Vec<u8>) {
        out.extend_from_slice(b"EMC\n");
    }
}

/// The tag name written before BDC: the structure type of the element
/// (or list part) the sequence belongs to.
fn content_name(role: &Role, piece: Piece) -> &'static [u8] {
    match (role, piece) {
        (_, Piece::Label) => b"Lbl",
        (_, Piece::Body) => b"LBody",
        (_, Piece::Link) => b"Link",
        (Role::TableRow { header: true, .. }, _) => b"TH",
        (Role::TableRow { .. }, _) => b"TD",
        (Role::Title, _) => b"H1",
        (Role::Heading(_), _) => b"H",
        (Role::Figure { .. }, _) => b"Figure",
        _ => b"P",
    }
}

/// The structure type of an element; headings get their level from
/// [`Outline`].
fn struct_role(role: &Role) -> StructRole {
    match role {
        Role::Title => StructRole::H1,
        Role::Heading(_) => StructRole::H2,
        Role::Paragraph => StructRole::P,
        Role::Quote => StructRole::BlockQuote,
        Role::ListItem { .. } => StructRole::LI,
        Role::Figure { .. } => StructRole::Figure,
        Role::TableRow { .. } => StructRole::Table,
    }
}

/// The heading levels of the tree, without gaps.
///
/// The headline is H1. A body heading is one level below the heading it
/// belongs to: the last one before it at a higher level of the statement
/// (`#` above `##`), or the headline. So a statement that jumps from `#`
/// to `###` gives H2 and H3, not H2 and H4: a screen reader's list of
/// headings, and PDF/UA, want no level skipped. Headings the statement
/// gives the same level keep the same level in the tree when they belong
/// to the same heading.
#[derive(Default)]
struct Outline {
    /// The level of the headline, 0 until there is one: without a
    /// headline the first heading is H1.
    title: u8,
    /// The open headings: the statement's level and the tree's.
    open: Vec<(u8, u8)>,
}

impl Outline {
    /// A new side of a two-language leaflet: a document of its own.
    fn restart(&mut self) {
        *self = Outline::default();
    }

    /// The structure type of the next element, `role`.
    fn role(&mut self, role: &Role) -> StructRole {
        match role {
            Role::Title => {
                self.title = 1;
                self.open.clear();
                StructRole::H1
            }
            Role::Heading(level) => {
                while self.open.last().is_some_and(|(l, _)| l >= level) {
                    self.open.pop();
                }
                let parent = self.open.last().map_or(self.title, |(_, tree)| *tree);
                let tree = (parent + 1).min(6);
                self.open.push((*level, tree));
                match tree {
                    1 => StructRole::H1,
                    2 => StructRole::H2,
                    3 => StructRole::H3,
                    4 => StructRole::H4,
                    5 => StructRole::H5,
                    _ => StructRole::H6,
                }
            }
            other => struct_role(other),
        }
    }
}

/// A marked-content sequence: page index and MCID.
type Mcr = (usize, usize);

/// A sequence as an element gathers it.
#[derive(Clone, Copy)]
struct Seq {
    /// Its place in the body's flow, to sort by.
    flow: u32,
    mcr: Mcr,
    /// For part of a web address in the text: which address, and where
    /// this part can be clicked.
    link: Option<(u32, [f32; 4])>,
    /// For a table's cell: its row, whether that is the headings', and
    /// whether its cells are drawn from the right.
    cell: Option<(u32, bool, bool)>,
}

/// A child of a structure element.
enum Kid {
    Node(usize),
    Content(Mcr),
    /// A link annotation, by its place in [`Tree::links`].
    Annot(usize),
}

/// A clickable area: a link annotation on a page.
struct Link {
    page: usize,
    area: [f32; 4],
    uri: Arc<str>,
    /// The Link element it belongs to.
    node: usize,
}

/// The tree before it is written: its nodes (0 is the Document element)
/// and the link annotations they own.
struct Tree {
    nodes: Vec<Node>,
    links: Vec<Link>,
}

/// A structure element before it is written.
struct Node {
    role: StructRole,
    /// The side of a two-language leaflet its element is on.
    side: u8,
    alt: Option<Arc<str>>,
    /// Its own language, when it is in another than its side's.
    lang: Option<Arc<String>>,
    parent: Option<usize>,
    kids: Vec<Kid>,
}

/// An element's marked content as the pages hold it.
struct Gathered {
    role: Role,
    /// Its own language, from its tag (see [`Tag::lang`]).
    lang: Option<Arc<String>>,
    /// Its content (a list item's text after the marker included).
    whole: Vec<Seq>,
    /// A list item's marker.
    label: Vec<Seq>,
    /// Where it can be clicked as a whole (the QR code and its printed
    /// address), by page, and where to.
    links: Vec<(usize, [f32; 4], Arc<str>)>,
}

/// Builds the tree: nodes are added under their parent, in order.
struct Builder<'a> {
    nodes: Vec<Node>,
    annots: Vec<Link>,
    /// The side of the element whose nodes are being added.
    side: u8,
    /// Whether links get annotations (not in PDF/X).
    clickable: bool,
    /// What each web address in the text opens.
    targets: &'a [Arc<str>],
}

impl Builder<'_> {
    /// Adds a node under `parent`; its index.
    fn add(
        &mut self,
        role: StructRole,
        alt: Option<Arc<str>>,
        parent: usize,
        kids: Vec<Kid>,
    ) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            side: self.side,
            alt,
            lang: None,
            parent: Some(parent),
            kids,
        });
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }

    /// Adds an annotation for `area` of page `page`, owned by the Link
    /// element `node`, as that element's next kid.
    fn annotate(&mut self, node: usize, page: usize, area: [f32; 4], uri: Arc<str>) {
        self.nodes[node].kids.push(Kid::Annot(self.annots.len()));
        self.annots.push(Link {
            page,
            area,
            uri,
            node,
        });
    }

    /// Adds `seqs` to `parent` in flow order (page and MCID order for
    /// lines outside the flow: the sort is stable). The parts of a web
    /// address go into a `Link` element of their own, placed where its
    /// first part is read, each part with its annotation.
    fn fill(&mut self, parent: usize, mut seqs: Vec<Seq>) {
        seqs.sort_by_key(|s| s.flow);
        // The Link element of each address met so far.
        let mut open: Vec<(u32, usize)> = Vec::new();
        for s in seqs {
            let Some((link, area)) = s.link.filter(|_| self.clickable) else {
                self.nodes[parent].kids.push(Kid::Content(s.mcr));
                continue;
            };
            let node = match open.iter().find(|(l, _)| *l == link) {
                Some(&(_, node)) => node,
                None => {
                    let node = self.add(StructRole::Link, None, parent, Vec::new());
                    open.push((link, node));
                    node
                }
            };
            self.nodes[node].kids.push(Kid::Content(s.mcr));
            let uri = self.targets.get(link as usize).cloned().unwrap_or_default();
            self.annotate(node, s.mcr.0, area, uri);
        }
    }
}

impl Builder<'_> {
    /// Adds a table's cells to `table`: a TR for each row, holding a TH
    /// (in the headings' row) or TD for each cell, in the order they are
    /// read (a right-to-left row's from the last drawn).
    fn table(&mut self, table: usize, mut cells: Vec<Seq>) {
        cells.sort_by_key(|s| s.flow);
        for row in cells.chunk_by(|a, b| a.cell.map(|c| c.0) == b.cell.map(|c| c.0)) {
            let (_, header, rtl) = row[0].cell.unwrap_or_default();
            let tr = self.add(StructRole::TR, None, table, Vec::new());
            let role = if header {
                StructRole::TH
            } else {
                StructRole::TD
            };
            let mut order: Vec<&Seq> = row.iter().collect();
            if rtl {
                order.reverse();
            }
            for s in order {
                self.add(role, None, tr, vec![Kid::Content(s.mcr)]);
            }
        }
    }
}

/// The tree from each page's marked sequences; link annotations only
/// when `links` (PDF/X keeps annotations off the printed page). `targets`
/// are what the web addresses in the text open.
fn build(pages: &[Marker], links: bool, targets: &[Arc<str>]) -> Tree {
    let elements = gather(pages, links);
    let mut b = Builder {
        nodes: vec![Node {
            role: StructRole::Document,
            side: 0,
            alt: None,
            lang: None,
            parent: None,
            kids: Vec::new(),
        }],
        annots: Vec::new(),
        side: 0,
        clickable: links,
        targets,
    };
    let mut outline = Outline::default();
    // Open lists, outermost first: (depth, the L, its last LI).
    let mut lists: Vec<(u8, usize, usize)> = Vec::new();
    for (id, e) in elements {
        if id.side != b.side {
            outline.restart();
        }
        b.side = id.side;
        match e.role {
            Role::ListItem { depth, .. } => b.list_item(&mut lists, depth, e),
            Role::TableRow { .. } => {
                lists.clear();
                let table = b.add(StructRole::Table, None, 0, Vec::new());
                b.nodes[table].lang = e.lang;
                b.table(table, e.whole);
            }
            _ => {
                lists.clear();
                let role = outline.role(&e.role);
                b.element(role, e);
            }
        }
    }
    Tree {
        nodes: b.nodes,
        links: b.annots,
    }
}

/// Each page's marked sequences gathered by the element they are part
/// of, in the elements' order; a link's area and address kept when
/// `links`.
fn gather(pages: &[Marker], links: bool) -> BTreeMap<ElementId, Gathered> {
    let mut elements: BTreeMap<ElementId, Gathered> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        // The address of each link sequence, in MCID order as recorded.
        let mut links_here = page.links.iter().peekable();
        for (mcid, m) in page.marked.iter().enumerate() {
            let e = elements.entry(m.tag.element).or_insert_with(|| Gathered {
                role: m.tag.role.clone(),
                lang: m.tag.lang.clone(),
                whole: Vec::new(),
                label: Vec::new(),
                links: Vec::new(),
            });
            let mut seq = Seq {
                flow: m.tag.flow,
                mcr: (p, mcid),
                link: None,
                cell: None,
            };
            match m.piece {
                Piece::Whole | Piece::Body => {
                    if let (Some(area), Some(uri), true) = (m.area, &m.tag.link, links) {
                        e.links.push((p, area, uri.as_str().into()));
                    }
                    e.whole.push(seq);
                }
                Piece::Label => e.label.push(seq),
                Piece::Cell => {
                    if let Role::TableRow { row, header, rtl } = m.tag.role {
                        seq.cell = Some((row, header, rtl));
                    }
                    e.whole.push(seq);
                }
                Piece::Link => {
                    let link = links_here
                        .next_if(|(at, _)| *at as usize == mcid)
                        .map(|(_, link)| *link);
                    seq.link = link.zip(m.area);
                    e.whole.push(seq);
                }
            }
        }
    }
    elements
}

impl Builder<'_> {
    /// `e`, an element that is neither a list item nor a table, added
    /// under the document in `role`: a link as a whole (the QR code, its
    /// printed address) holds a Link, which holds the content and the
    /// annotations that make it clickable.
    fn element(&mut self, role: StructRole, e: Gathered) {
        let alt = match &e.role {
            Role::Figure { alt } => Some(alt.clone()),
            _ => None,
        };
        let el = self.add(role, alt, 0, Vec::new());
        self.nodes[el].lang = e.lang;
        if e.links.is_empty() {
            self.fill(el, e.whole);
            return;
        }
        let link = self.add(StructRole::Link, None, el, Vec::new());
        self.fill(link, e.whole);
        for (page, area, uri) in e.links {
            self.annotate(link, page, area, uri);
        }
    }

    /// `e`, a list item at `depth`, added as an LI (its marker a Lbl, its
    /// text an LBody) to the open list of its depth in `lists` (outermost
    /// first: depth, the L, its last LI), opening one under the item above
    /// for a deeper item and closing deeper ones for a shallower.
    fn list_item(&mut self, lists: &mut Vec<(u8, usize, usize)>, depth: u8, e: Gathered) {
        while lists.last().is_some_and(|(d, _, _)| *d > depth) {
            lists.pop();
        }
        let list = match lists.last() {
            Some(&(d, l, _)) if d == depth => l,
            // A deeper list belongs to the item above it.
            outer => {
                let parent = outer.map_or(0, |&(_, _, li)| li);
                let l = self.add(StructRole::L, None, parent, Vec::new());
                lists.push((depth, l, l));
                l
            }
        };
        let li = self.add(StructRole::LI, None, list, Vec::new());
        self.nodes[li].lang = e.lang;
        if let Some(top) = lists.last_mut() {
            top.2 = li;
        }
        if !e.label.is_empty() {
            let lbl = self.add(StructRole::Lbl, None, li, Vec::new());
            self.fill(lbl, e.label);
        }
        let body = self.add(StructRole::LBody, None, li, Vec::new());
        self.fill(body, e.whole);
    }
}

/// The structure tree as written: its root, and each page's link
/// annotations (for the page's /Annots).
pub(super) struct Written {
    pub(super) root: Ref,
    pub(super) annots: Vec<Vec<Ref>>,
}

/// Writes the structure tree for `pages`' marked sequences (one list per
/// page, `page_refs` their page objects), with link annotations if
/// `links`; `targets` are what the web addresses in the text open. Page
/// `i` must carry `/StructParents i`. `langs` are the languages of the
/// document and of a two-language leaflet's second side; an element in
/// another language carries its own in its tag.
pub(super) fn write(
    chunk: &mut Chunk,
    pages: &[Marker],
    page_refs: &[Ref],
    langs: &[Option<&str>; 2],
    links: bool,
    targets: &[Arc<str>],
    next: &mut impl FnMut() -> Ref,
) -> Written {
    let Tree { nodes, links } = build(pages, links, targets);
    let root = next();
    let refs: Vec<Ref> = nodes.iter().map(|_| next()).collect();
    let annot_refs: Vec<Ref> = links.iter().map(|_| next()).collect();
    // Which element each MCID of each page belongs to.
    let mut parents: Vec<Vec<Option<Ref>>> =
        pages.iter().map(|m| vec![None; m.marked.len()]).collect();
    for (node, r) in nodes.iter().zip(&refs) {
        let mut el = chunk.indirect(*r).start::<StructElement>();
        el.kind(node.role);
        el.parent(node.parent.map_or(root, |p| refs[p]));
        // The document's language, an element's own, and the second
        // side's on that side's top-level elements.
        let lang = match (node.role, node.parent) {
            (StructRole::Document, _) => langs[0],
            _ if node.lang.is_some() => node.lang.as_deref().map(String::as_str),
            (_, Some(0)) if node.side > 0 => langs.get(usize::from(node.side)).copied().flatten(),
            _ => None,
        };
        if let Some(lang) = lang.filter(|l| !l.is_empty()) {
            el.lang(TextStr(lang));
        }
        if let Some(alt) = &node.alt {
            el.alt(TextStr(alt));
        }
        // A heading cell heads its column (the headings' row is a table's
        // first).
        if node.role == StructRole::TH {
            el.attributes()
                .push()
                .table()
                .scope(TableHeaderScope::Column);
        }
        let mut kids = el.children();
        for kid in &node.kids {
            match kid {
                Kid::Node(k) => {
                    kids.struct_element(refs[*k]);
                }
                Kid::Content((p, mcid)) => {
                    kids.marked_content_ref()
                        .page(page_refs[*p])
                        .marked_content_id(*mcid as i32);
                    parents[*p][*mcid] = Some(*r);
                }
                Kid::Annot(a) => {
                    kids.object_ref()
                        .page(page_refs[links[*a].page])
                        .object(annot_refs[*a]);
                }
            }
        }
    }
    // Annotations follow the pages in the parent tree.
    let mut annots = vec![Vec::new(); pages.len()];
    for (k, (link, r)) in links.iter().zip(&annot_refs).enumerate() {
        let [x0, y0, x1, y1] = link.area;
        let mut a = chunk.annotation(*r);
        a.subtype(AnnotationType::Link)
            .rect(Rect::new(x0, y0, x1, y1))
            .contents(TextStr(&link.uri))
            .border(0.0, 0.0, 0.0, None)
            .flags(AnnotationFlags::PRINT)
            .struct_parent((pages.len() + k) as i32);
        a.action()
            .action_type(ActionType::Uri)
            .uri(Str(link.uri.as_bytes()));
        a.finish();
        annots[link.page].push(*r);
    }
    let arrays: Vec<Ref> = parents.iter().map(|_| next()).collect();
    for (a, list) in arrays.iter().zip(&parents) {
        chunk
            .indirect(*a)
            .array()
            .items(list.iter().map(|r| r.unwrap_or(refs[0])));
    }
    let mut tree = chunk.indirect(root).start::<StructTreeRoot>();
    tree.child(refs[0]);
    let mut tree_nums = tree.parent_tree();
    let mut nums = tree_nums.nums();
    for (i, a) in arrays.iter().enumerate() {
        nums.insert(i as i32, *a);
    }
    for (k, link) in links.iter().enumerate() {
        nums.insert((pages.len() + k) as i32, refs[link.node]);
    }
    nums.finish();
    tree_nums.finish();
    tree.parent_tree_next_key((pages.len() + links.len()) as i32);
    Written { root, annots }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::tag::Part;

    fn marked(element: usize, flow: u32) -> Marked {
        Marked {
            tag: Tag {
                flow,
                ..Tag::new(Role::Paragraph, Part::Body, element)
            },
            piece: Piece::Whole,
            area: None,
        }
    }

    /// The contents of node `n`, as (page, MCID).
    fn contents(tree: &Tree, n: usize) -> Vec<Mcr> {
        tree.nodes[n]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Content(m) => Some(*m),
                _ => None,
            })
            .collect()
    }

    /// Every tagged line of a long statement has a `Marked` until the tree
    /// is written: links must not make it larger.
    #[test]
    fn a_marked_sequence_stays_small() {
        assert_eq!(std::mem::size_of::<Piece>(), 1);
        assert_eq!(std::mem::size_of::<Marked>(), 80);
    }

    /// A folded sheet's first page holds the sixth panel, its second the
    /// fifth: a paragraph running from the fifth onto the sixth is read in
    /// its flow's order, not the pages', and elements in their own order.
    #[test]
    fn an_element_is_read_in_flow_order_across_pages() {
        let page = |marked| Marker {
            marked,
            links: Vec::new(),
        };
        let pages = vec![
            page(vec![marked(0, 1), marked(2, 9)]),
            page(vec![marked(1, 5), marked(2, 8)]),
        ];
        let tree = build(&pages, false, &[]);
        let roots: Vec<usize> = tree.nodes[0]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Node(n) => Some(*n),
                _ => None,
            })
            .collect();
        assert_eq!(roots.len(), 3);
        assert_eq!(contents(&tree, roots[0]), [(0, 0)]);
        assert_eq!(contents(&tree, roots[1]), [(1, 0)]);
        assert_eq!(contents(&tree, roots[2]), [(1, 1), (0, 1)]);
    }
}
