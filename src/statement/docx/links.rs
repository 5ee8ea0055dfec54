//! The links' addresses, from the document's relationships
//! (`_rels/document.xml.rels`): the text names a link by its id only.

use std::collections::HashMap;

use super::xml::{attr, LocalName};

/// The links' addresses by relationship id.
pub(super) fn links(rels: Option<&roxmltree::Document>) -> HashMap<String, String> {
    let Some(rels) = rels else {
        return HashMap::new();
    };
    rels.descendants()
        .filter(|n| n.has_tag_name_local("Relationship"))
        .filter(|n| attr(*n, "Type").is_some_and(|t| t.ends_with("/hyperlink")))
        .filter_map(|n| Some((attr(n, "Id")?.to_string(), attr(n, "Target")?.to_string())))
        .collect()
}
