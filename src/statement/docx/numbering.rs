//! List definitions (`numbering.xml`): whether each level of a list is
//! bulleted or numbered, the number it starts at and how Word writes it.

use std::collections::HashMap;

use super::xml::{attr, child, LocalName};

/// One level of a list, as numbering.xml defines it.
#[derive(Clone, Debug)]
pub(super) struct Level {
    pub(super) bullet: bool,
    pub(super) start: u32,
    /// How its number is written: "%1.", "%1.%2." (the numbers of levels
    /// 1 and 2), "(%1)".
    pub(super) text: String,
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
pub(super) struct Lists(pub(super) HashMap<(String, usize), Level>);

impl Lists {
    pub(super) fn read(doc: Option<&roxmltree::Document>) -> Lists {
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
