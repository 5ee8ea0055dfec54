//! Footnotes and endnotes, written after the text as Markdown footnotes.

use std::collections::HashMap;

use roxmltree::Node;

use super::Writer;
use crate::statement::docx::xml::{attr, LocalName};

impl Writer {
    /// The notes as Markdown footnotes (`[^1]: …`) after the statement's
    /// text, in the order the text refers to them: the Markdown reader sets
    /// them as endnotes, a leaflet having no page foot.
    pub(in crate::statement::docx) fn notes_after(
        &mut self,
        parts: &[Option<&roxmltree::Document>; 2],
    ) {
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
