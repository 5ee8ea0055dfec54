//! What is left off the Markdown (pictures, comments, tracked deletions),
//! counted while the document is written and told in warnings.

use crate::error::{Location, Warning};

/// What was left off, counted for the warnings.
#[derive(Default)]
pub(super) struct LeftOff {
    pub(super) pictures: usize,
    pub(super) comments: usize,
    pub(super) deleted: usize,
}

impl LeftOff {
    pub(super) fn warnings(&self, file: &str) -> Vec<Warning> {
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
