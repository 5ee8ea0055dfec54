//! Reading Word's XML by local names: `w:val` and `val` are one
//! attribute, whatever prefix the document binds to Word's namespace.

use roxmltree::Node;

/// The first child element of `node` with the local name `name`.
pub(super) fn child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// An attribute by local name (`w:val` is `val`, whatever the prefix).
pub(super) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

/// Whether a toggle property (`<w:b/>`, `<w:b w:val="false"/>`) is on.
pub(super) fn on(props: Option<Node>, name: &str) -> bool {
    props
        .and_then(|p| child(p, name))
        .is_some_and(|b| !matches!(attr(b, "val"), Some("0" | "false" | "off" | "none")))
}

pub(super) trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}
