//! List items and their numbers, counted per list and level as Word
//! counts them.

use super::Writer;
use crate::statement::docx::numbering::Level;

/// How deep lists nest in Markdown: Word has nine levels, Markdown readers
/// and a leaflet's measure far fewer.
const MAX_LIST_DEPTH: usize = 5;

impl Writer {
    pub(super) fn level(&self, id: &str, level: usize) -> Level {
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
    pub(super) fn number_text(&mut self, id: &str, level: usize) -> String {
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

    pub(super) fn item(&mut self, text: &str, id: &str, level: usize) {
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

    pub(in crate::statement::docx) fn end_list(&mut self) {
        if self.in_list {
            self.out.push('\n');
            self.in_list = false;
        }
    }
}
