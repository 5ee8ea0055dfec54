//! How much one statement may hold: limits that keep a build's memory and
//! time in proportion to its size (see docs/benchmarks.md), each far past
//! anything a leaflet or poster needs, each an error that says which part
//! of the statement is too big and what to do.

use crate::error::{Error, Location, Result};
use crate::statement::document::{is_table, Block};

use super::clean::LineIndex;

/// Most characters in one word. A word wider than its column is broken
/// anywhere as a last resort, which costs an item per character; and a
/// link of more than a few hundred characters cannot be typed from paper
/// anyway (a QR code or a short link can).
pub const MAX_WORD_CHARS: usize = 1_000;

/// Most characters in one paragraph: about 3,300 words, eight columns of
/// an A4 leaflet without a break. A paragraph is line-broken as a whole, so
/// its size bounds the working memory of setting it (about 1 KB a
/// character where every character is a break, as in over-long words).
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;

/// Most paragraphs (headings, list items and quotes included) in one
/// statement: a set paragraph keeps a few hundred bytes of its own however
/// short it is, and 20,000 is hundreds of pages.
pub const MAX_BLOCKS: usize = 20_000;

/// Checks `blocks` (parsed from `source`, located by `index`) against the
/// limits above.
pub(super) fn check(blocks: &[Block], source: &str, index: &LineIndex, file: &str) -> Result<()> {
    let on_line = |line: usize| Location::line(file, line);
    if let Some(b) = blocks.get(MAX_BLOCKS) {
        return Err(Error::Statement {
            at: on_line(b.line),
            message: format!(
                "the statement has more than {MAX_BLOCKS} paragraphs (this is the first past \
                 the limit); split it into several statements"
            ),
        });
    }
    for b in blocks {
        let text = b.text();
        if let Some(word) = text
            .split_whitespace()
            .find(|w| w.chars().nth(MAX_WORD_CHARS).is_some())
        {
            let prefix: String = word.chars().take(30).collect();
            let at = match source.find(prefix.as_str()) {
                Some(offset) => {
                    let (line, column) = index.line_col(offset);
                    Location::at(file, line, column)
                }
                None => on_line(b.line),
            };
            return Err(Error::Statement {
                at,
                message: format!(
                    "“{prefix}…” is one word of {} characters; handbill sets words of up to \
                     {MAX_WORD_CHARS}: for a long link, print a QR code (qr = in the front \
                     matter) or a short link",
                    word.chars().count()
                ),
            });
        }
        let chars = text.chars().count();
        // A table's rows are one paragraph, under the same limit; split
        // with blank lines alone, its second part would lose its headings.
        if chars > MAX_PARAGRAPH_CHARS && is_table(&b.spans) {
            return Err(Error::Statement {
                at: on_line(b.line),
                message: format!(
                    "this table has {chars} characters; handbill sets tables of up to \
                     {MAX_PARAGRAPH_CHARS}: split it into several tables, each with its headings"
                ),
            });
        }
        if chars > MAX_PARAGRAPH_CHARS {
            return Err(Error::Statement {
                at: on_line(b.line),
                message: format!(
                    "this paragraph has {chars} characters; handbill sets paragraphs of up to \
                     {MAX_PARAGRAPH_CHARS}: split it with blank lines"
                ),
            });
        }
    }
    Ok(())
}
