//! Tagged PDF, end to end: a leaflet with a headline, a picture, the band,
//! headings, a nested list, a quote, paragraphs long enough to cross a
//! column and a QR code is built by the library and its structure tree is
//! read back with lopdf (roles, order, alternative text, MCIDs) and with
//! poppler (`pdfinfo`'s Tagged line and the tree's text).

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use handbill::{layout, BuildRequest};
use lopdf::{Document, Object, ObjectId};

mod support;
use support::{tool, tools_accept, ScratchFile};

/// Words no other paragraph has, so that each paragraph can be found.
fn paragraph(k: usize, words: usize) -> String {
    let mut s = format!("Paragraph {k} begins here");
    for w in 0..words {
        s.push_str(&format!(" word{k}x{w}"));
        if w % 9 == 8 {
            s.push('.');
            s.push_str(" And");
        }
    }
    s.push('.');
    s
}

/// The statement: every kind of element once, and paragraphs that cannot
/// all fit in one column of an A4 leaflet.
fn statement() -> String {
    let mut s = String::from(
        "+++\n\
         title = \"Save the Canal Path\"\n\
         subtitle = \"The path by the water is for everyone\"\n\
         date = \"1 May 2026\"\n\
         author = \"Friends of the Canal Path\"\n\
         when = \"Sunday 10 May, 2 pm\"\n\
         where = \"At the lock gates\"\n\
         qr = \"https://example.org/canal\"\n\
         lang = \"en\"\n\
         image = \"pic.png\"\n\
         alt = \"Ducks on the canal at dawn\"\n\
         +++\n\n",
    );
    s.push_str(&paragraph(1, 60));
    s.push_str("\n\n## What we want\n\n");
    s.push_str(&paragraph(2, 120));
    s.push_str("\n\n- Keep the path open\n  - Mend the fence\n- Light the bridge\n\n");
    s.push_str("> Quoted words from a neighbour.\n\n");
    for k in 3..8 {
        s.push_str(&paragraph(k, 110));
        s.push_str("\n\n");
    }
    s
}

/// Builds the statement (with its picture beside it) on `layout`, in a
/// folder of the test's own (`test`); the PDF, its folder removed when
/// it drops.
fn build(layout: &str, test: &str) -> ScratchFile {
    let pdf = ScratchFile::new(&format!("handbill-tagged-{test}-{layout}-"), "canal.pdf");
    let dir = pdf.dir();
    let img = image::RgbImage::from_fn(300, 200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 160])
    });
    let mut png = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    std::fs::write(dir.join("pic.png"), png.into_inner()).unwrap();
    let md = dir.join("canal.md");
    let text = statement();
    std::fs::write(&md, &text).unwrap();
    let layout = layout::load(layout).unwrap();
    let name = md.display().to_string();
    let out = handbill::build(&BuildRequest::new(text.as_bytes(), &name, &layout))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&pdf, &out.pdf).unwrap();
    pdf
}

/// A structure element as read back: its type, /Alt, depth in the tree,
/// and its marked-content references (page, MCID).
#[derive(Debug)]
struct Element {
    role: String,
    alt: Option<String>,
    depth: usize,
    parent_role: String,
    mcrs: Vec<(ObjectId, i64)>,
    /// Objects it refers to (annotations).
    objrs: Vec<ObjectId>,
    /// Its own /Lang.
    lang: Option<String>,
}

/// A PDF text string: UTF-16BE after its byte-order mark, else one byte
/// a character (ASCII is all this test writes that way).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        )
        .unwrap(),
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match obj {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        o => o,
    }
}

/// The structure tree's elements, depth first (the reading order).
fn elements(doc: &Document) -> Vec<Element> {
    let root = doc.catalog().unwrap().get(b"StructTreeRoot").unwrap();
    let root = resolve(doc, root).as_dict().unwrap();
    assert_eq!(
        root.get(b"Type").unwrap().as_name().unwrap(),
        b"StructTreeRoot"
    );
    let mut out = Vec::new();
    walk(doc, root.get(b"K").unwrap(), 0, "", &mut out);
    out
}

fn walk(doc: &Document, k: &Object, depth: usize, parent: &str, out: &mut Vec<Element>) {
    let kids: Vec<&Object> = match resolve(doc, k) {
        Object::Array(a) => a.iter().collect(),
        _ => vec![k],
    };
    for kid in kids {
        let dict = resolve(doc, kid).as_dict().unwrap();
        if matches!(
            dict.get(b"Type").ok().and_then(|t| t.as_name().ok()),
            Some(b"MCR" | b"OBJR")
        ) {
            continue;
        }
        let role = String::from_utf8(dict.get(b"S").unwrap().as_name().unwrap().to_vec()).unwrap();
        let alt = dict
            .get(b"Alt")
            .ok()
            .map(|a| text_string(a.as_str().unwrap()));
        let mut mcrs = Vec::new();
        let mut objrs = Vec::new();
        if let Ok(k) = dict.get(b"K") {
            let items: Vec<&Object> = match resolve(doc, k) {
                Object::Array(a) => a.iter().collect(),
                _ => vec![k],
            };
            for item in items {
                if let Ok(d) = resolve(doc, item).as_dict() {
                    if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"MCR") {
                        let page = d.get(b"Pg").unwrap().as_reference().unwrap();
                        let mcid = d.get(b"MCID").unwrap().as_i64().unwrap();
                        mcrs.push((page, mcid));
                    }
                    if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"OBJR") {
                        objrs.push(d.get(b"Obj").unwrap().as_reference().unwrap());
                    }
                }
            }
        }
        out.push(Element {
            role: role.clone(),
            alt,
            depth,
            parent_role: parent.to_string(),
            mcrs,
            objrs,
            lang: dict
                .get(b"Lang")
                .ok()
                .map(|l| text_string(l.as_str().unwrap())),
        });
        if let Ok(k) = dict.get(b"K") {
            walk(doc, k, depth + 1, &role, out);
        }
    }
}

/// A page's content stream, decompressed.
fn page_content(doc: &Document, page: ObjectId) -> String {
    let mut raw = Vec::new();
    for id in doc.get_page_contents(page) {
        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        flate2::read::ZlibDecoder::new(&stream.content[..])
            .read_to_end(&mut raw)
            .unwrap();
    }
    String::from_utf8_lossy(&raw).into_owned()
}

/// Every page's content stream of the PDF at `pdf`, decompressed, in
/// page order.
fn all_content(pdf: &std::path::Path) -> String {
    let doc = Document::load(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|&p| page_content(&doc, p))
        .collect()
}

/// Every MCID in each page's content stream, with the x of the first
/// text placed after it (`Tm`), if any before the next MCID.
fn content_mcids(doc: &Document) -> BTreeMap<(ObjectId, i64), Option<f64>> {
    let mut out = BTreeMap::new();
    for (_, page) in doc.get_pages() {
        let content = page_content(doc, page);
        let parts: Vec<&str> = content.split("/MCID ").collect();
        for part in &parts[1..] {
            let mcid: i64 = part
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let x = part.find(" Tm").map(|at| {
                let before: Vec<&str> = part[..at].split_whitespace().collect();
                before[before.len() - 2].parse::<f64>().unwrap()
            });
            assert!(
                out.insert((page, mcid), x).is_none(),
                "MCID {mcid} twice on a page"
            );
        }
    }
    out
}

#[test]
fn the_structure_tree_reads_the_leaflet_in_order_with_alt_text_and_language() {
    let pdf = build("a4-leaflet", "tree");
    let bytes = std::fs::read(&pdf).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en");
    let mark = resolve(&doc, catalog.get(b"MarkInfo").unwrap())
        .as_dict()
        .unwrap();
    assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());

    let els = elements(&doc);
    let roles: Vec<&str> = els.iter().map(|e| e.role.as_str()).collect();
    assert_eq!(roles[0], "Document", "{roles:?}");
    assert_eq!(roles[1], "H1", "the headline comes first: {roles:?}");
    assert_eq!(roles.iter().filter(|r| **r == "H1").count(), 1, "{roles:?}");
    // Subtitle, date, author.
    assert_eq!(&roles[2..5], ["P", "P", "P"], "{roles:?}");
    let find = |pred: &dyn Fn(&Element) -> bool| {
        els.iter()
            .position(pred)
            .unwrap_or_else(|| panic!("not in {roles:?}"))
    };
    let picture =
        find(&|e| e.role == "Figure" && e.alt.as_deref() == Some("Ducks on the canal at dawn"));
    let qr = find(&|e| {
        e.role == "Figure" && e.alt.as_deref() == Some("QR code: https://example.org/canal")
    });
    let heading = find(&|e| e.role == "H2");
    let list = find(&|e| e.role == "L" && e.depth == 1);
    let nested = find(&|e| e.role == "L" && e.parent_role == "LI");
    let quote = find(&|e| e.role == "BlockQuote");
    assert!(picture < heading && heading < list && list < nested && nested < quote && quote < qr);
    assert_eq!(
        els[list + 1..]
            .iter()
            .take_while(|e| e.depth > 1)
            .filter(|e| e.role == "LI")
            .count(),
        3,
        "{roles:?}"
    );
    assert!(els.iter().any(|e| e.role == "Lbl" && e.parent_role == "LI"));
    assert!(els
        .iter()
        .any(|e| e.role == "LBody" && e.parent_role == "LI"));
    assert_eq!(roles.iter().filter(|r| **r == "Figure").count(), 2);
    // The QR code and its printed address are links, each a Link element
    // holding its content and its annotation.
    let links: Vec<&Element> = els.iter().filter(|e| e.role == "Link").collect();
    assert_eq!(links.len(), 2, "{roles:?}");
    assert_eq!(els[qr + 1].role, "Link", "{roles:?}");
    for link in &links {
        assert_eq!(link.objrs.len(), 1);
        let annot = doc.get_dictionary(link.objrs[0]).unwrap();
        assert_eq!(annot.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
        let action = resolve(&doc, annot.get(b"A").unwrap()).as_dict().unwrap();
        assert_eq!(
            action.get(b"URI").unwrap().as_str().unwrap(),
            b"https://example.org/canal"
        );
        let key = annot.get(b"StructParent").unwrap().as_i64().unwrap();
        assert!(key >= doc.get_pages().len() as i64);
    }
    let qr_page = doc
        .get_pages()
        .into_values()
        .find(|p| doc.get_dictionary(*p).unwrap().get(b"Annots").is_ok())
        .unwrap();
    let page = doc.get_dictionary(qr_page).unwrap();
    assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");

    // Every MCID of the pages is referenced by exactly one element.
    let in_content = content_mcids(&doc);
    let mut referenced: BTreeMap<(ObjectId, i64), usize> = BTreeMap::new();
    for e in &els {
        for m in &e.mcrs {
            *referenced.entry(*m).or_default() += 1;
        }
    }
    assert!(!in_content.is_empty());
    assert!(referenced.values().all(|n| *n == 1), "referenced twice");
    assert_eq!(
        referenced.keys().collect::<Vec<_>>(),
        in_content.keys().collect::<Vec<_>>(),
        "every MCID in the content is in the tree and no other"
    );

    // A paragraph that continues in the next column is one element: its
    // lines start at two places across the page (or on two pages).
    let crossing = els.iter().filter(|e| e.role == "P").any(|e| {
        let pages: Vec<ObjectId> = e.mcrs.iter().map(|m| m.0).collect();
        let xs: Vec<f64> = e.mcrs.iter().filter_map(|m| in_content[m]).collect();
        let spread = xs.iter().cloned().fold(f64::MIN, f64::max)
            - xs.iter().cloned().fold(f64::MAX, f64::min);
        pages.iter().any(|p| *p != pages[0]) || spread > 150.0
    });
    assert!(crossing, "no paragraph crosses a column");
    tools_accept(&pdf);
}

/// The text of the structure tree as poppler reads it, element by element.
/// The text of the structure tree's elements, in tree order, as
/// `pdfinfo -struct-text` quotes it, run together.
fn tree_text(pdf: &std::path::Path) -> String {
    let (ok, out, err) = tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    assert!(ok, "pdfinfo -struct-text: {err}");
    out.lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix('"')?
                .strip_suffix('"')
                .map(str::to_owned)
        })
        .collect()
}

#[test]
fn poppler_sees_a_tagged_pdf_whose_tree_reads_each_paragraph_whole_and_in_order() {
    for layout in ["a4-leaflet", "a4-trifold", "a5-flyer"] {
        let pdf = build(layout, "poppler");
        let (ok, info, err) = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(ok, "{err}");
        assert!(
            info.lines()
                .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
            "{layout}: {info}"
        );
        // Letters of the tree's text, in tree order: each paragraph of the
        // statement is found whole (its lines one after another, whatever
        // columns or pages they were set in) and after the one before it.
        let tree: String = tree_text(&pdf)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let mut from = 0;
        for k in 1..8 {
            let words = if k == 1 {
                60
            } else if k == 2 {
                120
            } else {
                110
            };
            let letters: String = paragraph(k, words)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            let at = tree[from..].find(&letters).unwrap_or_else(|| {
                panic!("{layout}: paragraph {k} not whole after the one before")
            });
            from += at + letters.len();
        }
    }
}

/// Builds `text` (Markdown) on `layout` with `adjust` applied to the
/// request; the PDF, its folder removed when it drops.
fn build_text(
    text: &str,
    layout: &str,
    test: &str,
    adjust: impl FnOnce(&mut BuildRequest),
) -> ScratchFile {
    let pdf = ScratchFile::new(&format!("handbill-tagged-{test}-"), "links.pdf");
    let layout = layout::load(layout).unwrap();
    let mut req = BuildRequest::new(text.as_bytes(), "links.md", &layout);
    adjust(&mut req);
    let out = handbill::build(&req).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&pdf, &out.pdf).unwrap();
    pdf
}

/// An address too long for any column: it is broken across lines.
const LONG: &str = "https://example.org/campaigns/library/keep-the-library-open/\
                    petition/sign/the-petition-for-opening-hours-for-everyone";

/// A statement with web addresses in its text: one that breaks across
/// lines, a bare www address, one in brackets and one in a Markdown link
/// (its text a link too), beside an e-mail address (not a link). No address is followed by a
/// full stop: the words pdftotext reads are then exactly the addresses.
fn linked_statement(lang: &str, words: &str) -> String {
    format!(
        "+++\ntitle = \"Keep the library open\"\nlang = \"{lang}\"\n+++\n\n\
         # Keep the library open\n\n\
         {words} {LONG} {words} www.example.org/library {words} \
         (https://example.net/a) {words} [our page](https://example.com/page) \
         {words} write to info@example.org {words}\n"
    )
}

/// Each text link (not the QR code's): its address and its annotations.
fn text_links(doc: &Document) -> Vec<(String, Vec<ObjectId>)> {
    elements(doc)
        .into_iter()
        .filter(|e| e.role == "Link" && e.parent_role != "Figure")
        .map(|e| {
            let uri = e
                .objrs
                .iter()
                .map(|a| {
                    let annot = doc.get_dictionary(*a).unwrap();
                    let action = resolve(doc, annot.get(b"A").unwrap()).as_dict().unwrap();
                    String::from_utf8(action.get(b"URI").unwrap().as_str().unwrap().to_vec())
                        .unwrap()
                })
                .reduce(|a, b| {
                    assert_eq!(a, b, "one link, one address");
                    a
                })
                .unwrap_or_default();
            (uri, e.objrs)
        })
        .collect()
}

/// Words as `pdftotext -bbox` reads them: page (from 1), box (from the
/// top left) and text.
fn word_boxes(pdf: &std::path::Path) -> Vec<(usize, [f64; 4], String)> {
    let (ok, xml, err) = tool(
        "pdftotext",
        &["-enc", "UTF-8", "-bbox", pdf.to_str().unwrap(), "-"],
    );
    assert!(ok, "{err}");
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut page = 0;
    let mut out = Vec::new();
    for line in xml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').unwrap();
            let tag = &rest[..close];
            let text = rest[close + 1..]
                .trim_end_matches("</word>")
                .replace("&amp;", "&");
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|n| attr(tag, n));
            out.push((page, b, text));
        }
    }
    out
}

/// The text links of `pdf`, each with the words under its annotations
/// (those whose middle is inside one), in the order of the annotations.
fn words_under_links(pdf: &std::path::Path) -> Vec<(String, usize, String)> {
    let doc = Document::load(pdf).unwrap();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let words = word_boxes(pdf);
    let mut out = Vec::new();
    for (uri, annots) in text_links(&doc) {
        let mut under = String::new();
        for a in &annots {
            let page = pages
                .iter()
                .position(|p| {
                    let d = doc.get_dictionary(*p).unwrap();
                    d.get(b"Annots").is_ok_and(|list| {
                        resolve(&doc, list)
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|r| r.as_reference().ok() == Some(*a))
                    })
                })
                .expect("the annotation is on a page");
            let page_dict = doc.get_dictionary(pages[page]).unwrap();
            let media = resolve(&doc, page_dict.get(b"MediaBox").unwrap())
                .as_array()
                .unwrap();
            let height = media[3].as_float().unwrap() as f64;
            let annot = doc.get_dictionary(*a).unwrap();
            assert!(
                annot.get(b"Contents").is_ok(),
                "an annotation says what it is"
            );
            assert!(annot.get(b"StructParent").is_ok());
            let r: Vec<f64> = annot
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_float().unwrap() as f64)
                .collect();
            for (p, b, text) in &words {
                let (mx, my) = ((b[0] + b[2]) / 2.0, height - (b[1] + b[3]) / 2.0);
                if *p == page + 1 && r[0] <= mx && mx <= r[2] && r[1] <= my && my <= r[3] {
                    under.push_str(text);
                }
            }
        }
        out.push((uri, annots.len(), under));
    }
    out
}

#[test]
fn web_addresses_in_the_text_are_links_over_their_words_wherever_the_lines_go() {
    let words = "We ask the council to keep the library open for everyone who needs it";
    let cases: [(&str, &str, &str, Option<handbill::layout::print::NUp>); 5] = [
        ("en", "a5-flyer", "flyer", None),
        ("en", "a4-trifold", "trifold", None),
        ("en", "a4-leaflet", "leaflet", None),
        (
            "en",
            "a5-flyer",
            "imposed",
            Some(handbill::layout::print::NUp::Two),
        ),
        ("he", "a5-flyer", "mirrored", None),
    ];
    for (lang, layout, test, impose) in cases {
        let words = if lang == "he" {
            "אנחנו מבקשים מהעירייה להשאיר את הספרייה פתוחה לכל מי שצריך אותה"
        } else {
            words
        };
        let pdf = build_text(&linked_statement(lang, words), layout, test, |r| {
            r.impose = impose.map(Some);
        });
        let links = words_under_links(&pdf);
        // The Markdown link's text is a link of its own, before its
        // printed address.
        let want = [
            LONG,
            "https://www.example.org/library",
            "https://example.net/a",
            "https://example.com/page",
            "https://example.com/page",
        ];
        assert_eq!(
            links.iter().map(|l| l.0.as_str()).collect::<Vec<_>>(),
            want,
            "{test}: the addresses in reading order, no e-mail"
        );
        let (_, parts, under) = &links[0];
        assert!(
            *parts >= 2,
            "{test}: the long address is one link over {parts} lines"
        );
        assert_eq!(
            under, LONG,
            "{test}: its annotations cover its words, no others"
        );
        assert_eq!(links[1].2, "www.example.org/library", "{test}");
        // pdftotext reads the brackets (mirrored in Hebrew) as part of the
        // word.
        assert_eq!(
            links[2].2.trim_matches(['(', ')']),
            "https://example.net/a",
            "{test}"
        );
        // "our page (https://example.com/page)": the two words, then the
        // address in its brackets.
        let label = if lang == "he" { "pageour" } else { "ourpage" };
        assert!(
            links[3].2 == "ourpage" || links[3].2 == label,
            "{test}: {:?}",
            links[3]
        );
        assert_eq!(
            links[4].2.trim_matches(['(', ')']),
            "https://example.com/page",
            "{test}"
        );
        tools_accept(&pdf);
    }
}

#[test]
fn the_press_gets_no_annotations_for_web_addresses() {
    let pdf = build_text(
        &linked_statement("en", "Keep it open"),
        "a5-flyer",
        "press",
        |r| {
            r.target = Some(handbill::layout::print::PrintTarget::Press);
        },
    );
    let doc = Document::load(&pdf).unwrap();
    for (_, page) in doc.get_pages() {
        assert!(doc.get_dictionary(page).unwrap().get(b"Annots").is_err());
    }
    assert!(text_links(&doc).is_empty());
    // The addresses are still text of their paragraph.
    let tree = tree_text(&pdf);
    assert!(tree.contains("www.example.org/library"), "{tree}");
    assert!(tree.contains(LONG), "{tree}");
}

#[test]
fn a_hyphen_added_at_a_line_break_is_a_soft_hyphen_and_the_texts_stay() {
    // Long words on the Letter leaflet: some line ends in an added hyphen.
    // (On the A6 they would be set flush left, unbroken; on the A4 the
    // sentence happens to fill three lines exactly.)
    let sentence = "Internationalisation notwithstanding, the well-known administration \
                    acknowledged extraordinarily complicated responsibilities, and the \
                    neighbourhood representatives demanded comprehensive accountability. ";
    let text = format!(
        "+++\nlang = \"en\"\n+++\n\n# Hyphens\n\n{}\n",
        sentence.repeat(12)
    );
    let pdf = build_text(&text, "letter-leaflet", "hyphen", |_| {});
    let (ok, raw, err) = tool(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    );
    assert!(ok, "{err}");
    let soft = raw.matches("\u{AD}\n").count();
    assert!(soft >= 2, "no line ends in a soft hyphen: {raw}");
    assert_eq!(raw.matches('\u{AD}').count(), soft, "only at line ends");
    // Every hyphen of the text is a hyphen still, and none other.
    assert_eq!(raw.matches('-').count(), text.matches('-').count(), "{raw}");
    // Joined at the soft hyphens, every word is a word of the statement.
    let joined = raw.replace("\u{AD}\n", "");
    for word in joined.split_whitespace() {
        assert!(text.contains(word), "{word:?} is not in the statement");
    }
}

#[test]
fn headings_skip_no_level_in_the_tree() {
    let text = "+++\nlang = \"en\"\n+++\n\n# Title of it all\n\nSome text here.\n\n\
                ### Deep at once\n\nText.\n\n#### Deeper\n\nText.\n\n## Back up\n\nText.\n";
    let pdf = build_text(text, "a5-flyer", "headings", |_| {});
    let doc = Document::load(&pdf).unwrap();
    let heads: Vec<String> = elements(&doc)
        .into_iter()
        .map(|e| e.role)
        .filter(|r| r.starts_with('H'))
        .collect();
    assert_eq!(heads, ["H1", "H2", "H3", "H2"], "{heads:?}");
}

#[test]
fn a_paragraph_surely_in_another_language_says_so_and_a_short_one_does_not() {
    let english = "The library on the corner has been open for sixty years, and the council \
                   now wants to close it to save money that it spends elsewhere.";
    let spanish = "La biblioteca de la esquina lleva sesenta años abierta, y el ayuntamiento \
                   ahora quiere cerrarla para ahorrar un dinero que gasta en otras cosas. \
                   Nos vemos el jueves en la puerta.";
    let text = format!(
        "+++\nlang = \"en\"\n+++\n\n# Keep the library open\n\n{english}\n\n{spanish}\n\n\
         La biblioteca sigue abierta.\n\n- {spanish}\n- {english}\n"
    );
    let pdf = build_text(&text, "a5-flyer", "lang", |_| {});
    let doc = Document::load(&pdf).unwrap();
    let langs: Vec<(String, Option<String>)> = elements(&doc)
        .into_iter()
        .filter(|e| e.role == "P" || e.role == "LI")
        .map(|e| (e.role, e.lang))
        .collect();
    let es = || Some("es".to_string());
    assert_eq!(
        langs,
        [
            ("P".to_string(), None),
            ("P".to_string(), es()),
            ("P".to_string(), None),
            ("LI".to_string(), es()),
            ("LI".to_string(), None),
        ],
        "the short Spanish paragraph keeps the document's language"
    );
}

#[test]
fn files_read_on_screens_carry_title_and_language_in_xmp_without_claiming_pdf_ua() {
    let pdf = build_text(
        &linked_statement("en", "Keep it open"),
        "a5-flyer",
        "xmp",
        |_| {},
    );
    let doc = Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let xmp = String::from_utf8(
        doc.get_object(id)
            .unwrap()
            .as_stream()
            .unwrap()
            .content
            .clone(),
    )
    .unwrap();
    assert!(xmp.contains(">Keep the library open</rdf:li>"), "{xmp}");
    assert!(
        xmp.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag>"),
        "{xmp}"
    );
    assert!(!xmp.contains("pdfuaid"), "no claim that is not checked");
    assert!(!xmp.contains("GTS_PDFXVersion"), "not a PDF/X file");
}

#[test]
fn words_in_a_script_of_one_language_carry_its_lang_and_others_none() {
    // Greek, Thai and Armenian words in an English paragraph: each script
    // is written in one language, so each gets a /Lang span. Cyrillic is
    // written in several, and gets none.
    let english = "We marched with our neighbours from the harbour and sang the old song of \
                   the dockers, Όχι στον πόλεμο, all the way to the town hall; the Thai cooks \
                   from the market called it ไม่เอาสงคราม and the Armenian bakers \
                   Ոչ պատերազմին, and the students wrote Нет войне on their banner.";
    let text = format!("+++\nlang = \"en\"\n+++\n\n# No to war\n\n{english}\n");
    let pdf = build_text(&text, "a5-flyer", "span-lang", |_| {});
    let content = all_content(&pdf);
    let spans = |lang: &str| {
        content
            .matches(&format!("/Span <</Lang ({lang})>> BDC"))
            .count()
    };
    for lang in ["el", "th", "hy"] {
        assert!(spans(lang) >= 1, "no {lang} span");
    }
    assert_eq!(
        content.matches("/Lang (").count(),
        spans("el") + spans("th") + spans("hy")
    );
    // The spans nest within the line's sequence: every BDC has its EMC.
    assert_eq!(
        content.matches(" BDC").count(),
        content.matches("EMC").count()
    );
    // Readers still get the words whole.
    let (ok, out, err) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(ok, "{err}");
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in ["Όχι στον πόλεμο", "Ոչ պատերազմին", "Нет войне"]
    {
        assert!(flat.contains(words), "{words} not in {flat}");
    }

    // In a Greek leaflet, Greek is the paragraph's own language.
    let greek =
        "+++\nlang = \"el\"\n+++\n\n# Όχι στον πόλεμο\n\nΣυναντιόμαστε στην πλατεία το Σάββατο.\n";
    let pdf = build_text(greek, "a5-flyer", "span-lang-el", |_| {});
    let content = all_content(&pdf);
    assert!(!content.contains("/Lang ("), "a Greek leaflet marks Greek");
}

#[test]
fn a_link_text_with_an_apostrophe_is_clickable_as_printed() {
    // The link text is kept as written ("tenants'") and printed with a
    // typographic apostrophe ("tenants’"): it must still be found.
    let text = "+++\nlang = \"en\"\n+++\n\n# Rents\n\n\
                Read [the tenants' page](https://example.com/t) before the meeting.\n";
    let pdf = build_text(text, "a5-flyer", "apostrophe", |_| {});
    let links = words_under_links(&pdf);
    let uris: Vec<&str> = links.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(uris, ["https://example.com/t", "https://example.com/t"]);
    assert_eq!(links[0].2, "thetenants’page");
}

#[test]
fn glyphs_parted_by_actual_text_spans_carry_no_character_spacing() {
    // pdfminer, which typometer and many text tools read PDFs with, leaves
    // out the character spacing (Tc) after the last glyph of each TJ
    // array. An /ActualText span parts a run's glyphs into several arrays,
    // so with a Tc in effect pdfminer pushed the rest of the line along at
    // every span: a Hindi line on the A5 flyer ended 4.2 pt outside its
    // column. Such runs are placed by TJ numbers alone.
    let text = std::fs::read_to_string(support::root().join("samples/hi-pani.md")).unwrap();
    for layout in ["a5-flyer", "a4-leaflet"] {
        let pdf = build_text(&text, layout, &format!("tc-{layout}"), |_| {});
        let content = all_content(&pdf);
        let (mut tc, mut spans) = ("0", 0);
        for line in content.lines() {
            if let Some(value) = line.strip_suffix(" Tc") {
                tc = value;
            }
            if line.starts_with("/Span <</ActualText") {
                spans += 1;
                assert_eq!(tc, "0", "{layout}: a span under {tc} Tc");
            }
        }
        assert!(spans > 100, "{layout}: only {spans} spans");
    }
}

#[test]
fn a_right_to_left_lists_labels_are_its_markers() {
    // Before: on a right-to-left page the marker is set after the item's
    // text, yet the first run was tagged Lbl: "." of "1." and the text's
    // last word. And an item in Latin letters in a Hebrew leaflet failed
    // the build ("the text from “•Norentincrease…” is not on any page").
    let text = "+++\nlang = \"he\"\n+++\n\n# הדיירים\n\n\
                1. הקפאה מיידית של כל הליכי הפינוי.\n2. דיון פתוח בוועדה המקומית.\n\n\
                - No rent increase until every repair is done\n- A named repairs officer\n";
    let pdf = build_text(text, "a5-flyer", "rtl-labels", |_| {});
    let (ok, out, err) = tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let labels: Vec<&str> = lines
        .windows(2)
        .filter(|w| w[0].starts_with("Lbl"))
        .map(|w| w[1].trim_matches('"'))
        .collect();
    // pdfinfo prints a right-to-left label's glyphs as drawn: ".1".
    assert_eq!(labels, [".1", ".2", "•", "•"], "{out}");
}

#[test]
fn a_table_in_columns_is_a_table_of_rows_and_cells_in_reading_order() {
    // Before: one P, its rows' glyphs run together for a screen reader.
    let text = "+++\nlang = \"en\"\n+++\n\n# Pay\n\nWhat the council pays, and what we ask.\n\n\
                | Grade | Now | We ask |\n|---|---|---|\n| Cleaner | 9.80 € | 14 € |\n\
                | Porter | | 15 € |\n\nCome to the meeting.\n";
    let pdf = build_text(text, "a5-flyer", "table", |_| {});
    let doc = Document::load(&pdf).unwrap();
    let all = elements(&doc);
    let at = all.iter().position(|e| e.role == "Table").expect("a Table");
    let table: Vec<(&str, &str, usize)> = all[at + 1..]
        .iter()
        .take_while(|e| e.depth > all[at].depth)
        .map(|e| (e.role.as_str(), e.parent_role.as_str(), e.mcrs.len()))
        .collect();
    let row = |cell| {
        [
            ("TR", "Table", 0),
            (cell, "TR", 1),
            (cell, "TR", 1),
            (cell, "TR", 1),
        ]
    };
    let want: Vec<(&str, &str, usize)> = [row("TH"), row("TD"), row("TD")].concat();
    assert_eq!(table, want);
    // Each cell's text, the empty one a space, in the order they are read.
    let (ok, out, err) = tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    assert!(ok, "{err}");
    let cells: Vec<&str> = out
        .lines()
        .skip_while(|l| l.trim() != "Table (block)")
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .take(9)
        .map(str::trim)
        .collect();
    assert_eq!(
        cells,
        ["Grade", "Now", "We ask", "Cleaner", "9.80 €", "14 €", "Porter", "", "15 €"]
    );
    // Heading cells head their columns.
    let th_scope = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .any(|d| {
            d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"TH")
                && d.get(b"A")
                    .is_ok_and(|a| format!("{a:?}").contains("Column"))
        });
    assert!(th_scope);
}

#[test]
fn a_right_to_left_tables_cells_are_read_from_the_right() {
    // Drawn from the left, the last column first: the tree reads the
    // first column's first.
    let text =
        "+++\nlang = \"ar\"\n+++\n\n# أجورنا\n\nهذه أجور العاملين في البلدية وما نطالب به.\n\n\
                | الفئة | الأجر الآن | المطلب |\n|---|---|---|\n| عامل نظافة | 9.80 € | 14 € |\n\n\
                تعالوا إلى الاجتماع.\n";
    let pdf = build_text(text, "a5-flyer", "rtl-table", |_| {});
    let (ok, out, err) = tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    assert!(ok, "{err}");
    // poppler quotes Arabic in drawing order, from the left.
    let cells: Vec<String> = out
        .lines()
        .skip_while(|l| l.trim() != "Table (block)")
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .take(4)
        .map(|c| c.trim().chars().rev().collect())
        .collect();
    assert_eq!(cells, ["الفئة", "الأجر الآن", "المطلب", "عامل نظافة"]);
}
