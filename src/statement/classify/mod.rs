//! Roles: which paragraph is the headline, the meta lines, the salutation,
//! the sign-off; plain-text lists. The rules are described in the parent
//! module's documentation.

mod blocks;
mod head;
mod letter;
mod meta_lines;
mod text;

use super::frontmatter::FrontMatter;
use super::{deck, meta};
use super::{Line, Para};
use crate::error::Warning;
use crate::statement::document::{Block, BlockKind};
use blocks::{field_block, opens_sections, plain_headings, render};
use head::{push_deck, push_headline, push_subtitle};
use letter::{push_salutation, signoff_start};
use meta_lines::{add_front_meta, take_meta_paras};

// What the other stages of reading a statement use.
pub(super) use blocks::block;
pub(super) use head::{may_be_headline, reads_as_prose};
pub(super) use letter::{is_salutation, CLOSINGS};
pub(super) use meta_lines::opens_with_pictograph;
pub(super) use text::{char_count, ends_unmarked, final_mark, folded, opens_with_any, raw_text};

/// Gives the paragraphs their roles and makes the blocks, in reading
/// order: the headline with its meta lines and subtitle, the salutation,
/// the body, the sign-off, the notes (`notes`, Markdown's footnotes) and
/// the imprint. `next` is the first paragraph no role has taken yet. What
/// tidying the meta lines drops is reported in `warnings`, located in
/// `file`.
pub(super) fn build(
    paras: &[Para],
    notes: &[Para],
    front: &FrontMatter,
    plain: bool,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<Block> {
    let mut out = Vec::with_capacity(paras.len() + 4);
    let mut raw_meta: Vec<Line> = Vec::new();
    let (mut next, has_headline) = push_headline(paras, front, plain, &mut out, &mut raw_meta);
    // The headline's text, which the lines under it may repeat.
    let headline = out
        .iter()
        .rfind(|b| b.kind == BlockKind::Headline)
        .map(Block::text);
    let headline = headline.as_deref();
    // A web page's title over its own heading: the headline once.
    if let (Some(headline), Some(p)) = (headline, paras.get(next)) {
        if deck::is_repeat(&p.lines, headline, file, warnings) {
            next += 1;
        }
    }
    // A heading under the headline, in a text with more headings, opens
    // the first section: no subtitle ("📚 What is happening").
    let sectioned = opens_sections(&plain_headings(paras, next, plain), next);
    let mut next = push_subtitle(
        paras,
        front,
        (has_headline && !sectioned, headline),
        next,
        (file, warnings),
        &mut out,
    );
    if has_headline {
        next = push_deck(paras, next, headline, (file, warnings), &mut out);
    }
    if has_headline {
        let heads = plain_headings(paras, next, plain);
        next = take_meta_paras(paras, next, &heads, &mut raw_meta);
    }
    let mut meta_lines = meta::blocks(&raw_meta, front.date.as_ref(), file, warnings);
    add_front_meta(front, &mut meta_lines);
    out.append(&mut meta_lines);
    let next = push_salutation(paras, next, plain, &mut out);
    let end = signoff_start(paras, next, plain);
    let heads = plain_headings(paras, next, plain);
    render(paras, next..end, plain, &heads, &mut out);
    for p in &paras[end..] {
        for l in &p.lines {
            out.extend(block(BlockKind::SignOff, std::slice::from_ref(l)));
        }
    }
    render(notes, 0..notes.len(), false, &[], &mut out);
    if let Some(imprint) = &front.imprint {
        out.push(field_block(BlockKind::Imprint, imprint));
    }
    out
}
