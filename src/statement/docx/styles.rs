//! Paragraph styles (`styles.xml`): what a style makes of a paragraph
//! (the title, a heading, text) and the list it numbers, through the
//! styles it is based on; and a paragraph's own list and outline level.

use std::collections::HashMap;

use roxmltree::Node;

use super::xml::{attr, child, LocalName};

/// How deep a style's `basedOn` chain is followed: Word's own chains are
/// two or three deep; a loop ends here too.
const MAX_STYLE_DEPTH: usize = 16;

/// What a paragraph style makes of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    Title,
    Subtitle,
    /// A heading of level 1 to 9.
    Heading(usize),
    Text,
}

#[derive(Default)]
pub(super) struct Style {
    pub(super) name: String,
    based_on: Option<String>,
    /// The list a style numbers its paragraphs in ("List Bullet").
    numbering: Option<(String, usize)>,
    outline: Option<usize>,
}

#[derive(Default)]
pub(super) struct Styles(pub(super) HashMap<String, Style>);

impl Styles {
    pub(super) fn read(doc: Option<&roxmltree::Document>) -> Styles {
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
    pub(super) fn kind(&self, id: &str) -> Kind {
        self.chain(id).find_map(Style::kind).unwrap_or(Kind::Text)
    }

    /// The list a style's paragraphs are items of, through `basedOn`.
    pub(super) fn numbering(&self, id: &str) -> Option<(String, usize)> {
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
pub(super) fn numbering_of(ppr: Node) -> Option<(String, usize)> {
    let num = child(ppr, "numPr")?;
    let id = child(num, "numId").and_then(|n| attr(n, "val"))?;
    let level = child(num, "ilvl")
        .and_then(|n| attr(n, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_string(), level))
}

/// A paragraph's outline level (0 is a heading 1); 9 is body text.
pub(super) fn outline_of(ppr: Node) -> Option<usize> {
    child(ppr, "outlineLvl")
        .and_then(|n| attr(n, "val"))
        .and_then(|v| v.parse().ok())
        .filter(|&l: &usize| l < 9)
}
