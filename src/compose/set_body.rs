//! The body's blocks set one after another, before their flow into
//! pages: the column pictures first, then each block (see
//! [`super::body`]) with its spacing, and the keeps between blocks that
//! the flow must honour (a sentence leading into a list, a list's ends).
//! Setting stops as soon as the text cannot fit a fitting trial's budget.

use super::body::{set_body_block, set_label_rows, WordGaps};
use super::pages::BlockLines;
use super::pictures::{column_pictures, picture_gap};
use super::ComposeOptions;
use crate::error::Result;
use crate::layout::design::Design;
use crate::statement::document::{is_table, Block, BlockKind, LINE_BREAK};
use crate::typeset::paragraph::Setter;
use crate::units::Length;

/// The colons a sentence leading into a list ends with, in the scripts
/// that have their own: the common one (Latin, Greek, Cyrillic, Arabic,
/// Hebrew, Indic), the full-width and small ones of Chinese and Japanese,
/// Khmer's camnuc pii kuuh, Ethiopic's preface colon and colon, and the
/// Mongolian colon.
const COLONS: &[char] = &[':', '：', '﹕', '៖', '፦', '፥', '᠄'];

/// Most cells of tables a statement may have for them to be tagged as
/// tables (a `TD` for each cell): each costs the PDF an element of its
/// own, about 300 bytes of memory while it is written, which for a
/// statement of nothing but a membership list of 40,000 rows broke the
/// memory goal of `statement::limits` (1 MB of such tables took 128 MB,
/// 86 before). 10,000 cells is a list of 3,000 members; past that the
/// rows are read as lines of text, as every table was before.
const MAX_TAGGED_CELLS: usize = 10_000;

/// The cells of the tables among `blocks`.
fn tables_cells(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| is_table(&b.spans))
        .map(|b| {
            let chars = b.spans.iter().flat_map(|s| s.text.chars());
            chars.filter(|&c| c == '\t' || c == LINE_BREAK).count() + 1
        })
        .sum()
}

/// The most items of a list that moves on whole rather than leave an item
/// or two of it behind: with two on each side, a list of three cannot part.
const WHOLE_LIST_ITEMS: usize = 3;

/// Marks a list's first item and its last but one to go with the item
/// after them, so that a list broken across columns or pages leaves at
/// least two of its items on each side: "We demand:" and one point at the
/// foot of a column, the other three at the head of the next, reads as a
/// list of one, and a last point alone overleaf as an afterthought (as
/// widows and orphans, a paragraph's lines). A list of three items moves
/// on whole. Keeping every list whole cost too much: a 4-point list on
/// the A6 handout then took its heading to page 2 and the fitting set the
/// body 10% smaller. An item over a list of its own ("2. Rents" over its
/// points) goes with the first of them, as a heading does with its text,
/// and the list under it is kept as a list is, whole up to three items:
/// the tri-fold had set "2. Rents" alone at a column's foot, then with
/// one of its two points. (`set` holds the lines of `blocks`, block `k`'s
/// first at `firsts[k]`: a list item's are one block of lines.)
fn keep_list_ends_together(blocks: &[Block], set: &mut [BlockLines], firsts: &[usize]) {
    let depth = |b: &Block| match b.kind {
        BlockKind::ListItem { depth, .. } => Some(depth),
        _ => None,
    };
    let mut k = 0;
    while k < blocks.len() {
        let items = blocks[k..]
            .iter()
            .take_while(|b| depth(b).is_some())
            .count();
        if items > 1 {
            set[firsts[k]].keep_with_next = true;
            set[firsts[k + items - 2]].keep_with_next = true;
        }
        for j in k..k + items.saturating_sub(1) {
            let under = blocks[j + 1..k + items]
                .iter()
                .take_while(|b| depth(b) > depth(&blocks[j]))
                .count();
            if under == 0 {
                continue;
            }
            set[firsts[j]].keep_with_next = true;
            if under <= WHOLE_LIST_ITEMS {
                for i in j + 1..j + under {
                    set[firsts[i]].keep_with_next = true;
                }
            } else {
                set[firsts[j + 1]].keep_with_next = true;
                set[firsts[j + under - 1]].keep_with_next = true;
            }
        }
        k += items.max(1);
    }
}

/// The body's blocks, set: the column pictures first, then each block
/// with its spacing. `None` as soon as the text is taller than `capacity`
/// (a fitting trial that cannot succeed stops early).
pub(super) fn set_body(
    setter: &mut Setter,
    body_blocks: &[Block],
    design: &Design,
    opts: &ComposeOptions,
    column: Length,
    capacity: Option<Length>,
    gaps: &mut WordGaps,
) -> Result<Option<(Vec<BlockLines>, Length)>> {
    let mut used = Length::ZERO;
    let mut blocks = Vec::with_capacity(body_blocks.len() + 1);
    // Pictures in the column flow stand first, at the top of the first column.
    for p in column_pictures(&opts.pictures, design, column) {
        used += p.lines.iter().map(|l| l.leading).sum();
        blocks.push(p);
    }
    let after_picture = !blocks.is_empty();
    let first_text = blocks.len();
    let tag_tables = tables_cells(body_blocks) <= MAX_TAGGED_CELLS;
    let mut prev: Option<&BlockKind> = None;
    // Where each block's first lines are in `blocks`: a table set as a
    // programme is a block of lines for each row.
    let mut firsts = Vec::with_capacity(body_blocks.len());
    for (k, block) in body_blocks.iter().enumerate() {
        firsts.push(blocks.len() - first_text);
        if let Some(rows) = set_label_rows(setter, block, prev, design, (column, blocks.len()))? {
            for row in rows {
                used += row.space_before + row.lines.iter().map(|l| l.leading).sum();
                blocks.push(row);
            }
            prev = Some(&block.kind);
            if capacity.is_some_and(|c| used > c) {
                return Ok(None);
            }
            continue;
        }
        let mut set = set_body_block(
            setter,
            block,
            prev,
            design,
            (column, blocks.len()),
            (gaps, &opts.lang, tag_tables),
        )?;
        // A sentence that leads into a list ("Our demands are clear:")
        // goes with the list's start, as a heading does with its text. It
        // stays on the baseline grid: it is text, not a heading.
        let next = body_blocks.get(k + 1).map(|b| &b.kind);
        if block.kind == BlockKind::Body
            && matches!(next, Some(BlockKind::ListItem { .. }))
            && block.text().trim_end().ends_with(COLONS)
        {
            set.keep_with_next = true;
        }
        if prev.is_none() && after_picture {
            set.space_before = picture_gap(design);
        }
        used += set.space_before + set.lines.iter().map(|l| l.leading).sum();
        blocks.push(set);
        prev = Some(&block.kind);
        if capacity.is_some_and(|c| used > c) {
            return Ok(None);
        }
    }
    keep_list_ends_together(body_blocks, &mut blocks[first_text..], &firsts);
    Ok(Some((blocks, used)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::document::Span;
    use crate::typeset::line::Line;

    fn item(depth: u8, text: &str) -> Block {
        Block {
            kind: BlockKind::ListItem {
                marker: "•".into(),
                depth,
            },
            spans: vec![Span::plain(text)],
            line: 1,
            lang: None,
        }
    }

    /// Which of `blocks` go with the block after them.
    fn kept(blocks: &[Block]) -> Vec<bool> {
        let mut set: Vec<BlockLines> = blocks
            .iter()
            .map(|_| BlockLines::of_lines(1, &Line::default(), Length::ZERO))
            .collect();
        let firsts: Vec<usize> = (0..blocks.len()).collect();
        keep_list_ends_together(blocks, &mut set, &firsts);
        set.iter().map(|s| s.keep_with_next).collect()
    }

    #[test]
    fn an_item_over_a_list_of_its_own_goes_with_it() {
        // Before: "2. Rents" alone at the foot of the tri-fold's first
        // column, its two points in the next.
        let blocks = [
            item(0, "1. Repairs"),
            item(1, "fixed in 28 days"),
            item(1, "damp treated"),
            item(0, "2. Rents"),
            item(1, "no rise"),
            item(1, "a freeze"),
            item(0, "3. Say"),
            item(1, "a seat"),
        ];
        let k = kept(&blocks);
        // Each heading item with its points, and a list of two whole.
        assert!(k[0] && k[1] && k[3] && k[4] && k[6], "{k:?}");
        // Between one point and the next item, the list may part.
        assert!(!k[2] && !k[5] && !k[7], "{k:?}");
        // A long list under an item keeps two points at each end (and
        // the whole list its last two items).
        let mut long = vec![item(0, "Our demands")];
        long.extend((0..6).map(|n| item(1, &format!("point {n}"))));
        long.push(item(0, "Next"));
        let k = kept(&long);
        assert_eq!(
            k,
            [true, true, false, false, false, true, true, false],
            "{k:?}"
        );
    }
}
