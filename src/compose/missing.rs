//! The error for characters that no font of the chain can show: a blank
//! box on 500 printed copies is worse than no leaflet tonight.

use std::collections::BTreeMap;

use super::ComposeOptions;
use crate::error::{Error, Location};
use crate::layout::design::Design;
use crate::script::is_cjk;
use crate::style::FontRef;
use crate::typeset::system_fonts::{CJK_INSTALL_HINT, SCRIPT_INSTALL_HINT};

/// Most characters a missing-font error names one by one.
const MISSING_LISTED: usize = 8;

/// A character no font has, and where it first occurs.
struct Missing {
    c: char,
    /// The line of the first block it is in.
    block_line: usize,
    /// Its line and column, when the statement's text was given.
    at: Option<(usize, usize)>,
}

impl Missing {
    /// `line:column`, or `line` when the column is not known.
    fn place(&self) -> String {
        match self.at {
            Some((line, column)) => format!("{line}:{column}"),
            None => self.block_line.to_string(),
        }
    }
}

/// The error for characters no font of the chain has: each with its line and
/// column (its first occurrence), all in one line.
pub(super) fn missing_error(
    missing: &BTreeMap<char, usize>,
    design: &Design,
    opts: &ComposeOptions,
) -> Error {
    let mut found: Vec<Missing> = missing
        .iter()
        .map(|(&c, &block_line)| Missing {
            c,
            block_line,
            at: opts
                .source
                .as_deref()
                .and_then(|s| crate::statement::locate(s, block_line, c)),
        })
        .collect();
    found.sort_by_key(|m| m.at.unwrap_or((m.block_line, 0)));
    let first = &found[0];
    let at = match first.at {
        Some((line, column)) => Location::at(opts.origin.clone(), line, column),
        None => Location::line(opts.origin.clone(), first.block_line),
    };
    let mut listed: Vec<String> = found
        .iter()
        .take(MISSING_LISTED)
        .enumerate()
        .map(|(k, m)| {
            let name = format!("“{}” (U+{:04X})", m.c, m.c as u32);
            // The first one's place leads the message.
            if k == 0 {
                name
            } else {
                format!("{name} at {}", m.place())
            }
        })
        .collect();
    if found.len() > MISSING_LISTED {
        listed.push(format!("and {} more", found.len() - MISSING_LISTED));
    }
    let fallback = &design.body.fallback;
    let mut chain: Vec<String> = fallback
        .fonts
        .iter()
        .map(|f| match f {
            FontRef::Family(n) => n.clone(),
            FontRef::File(p) => p.display().to_string(),
        })
        .collect();
    if fallback.system {
        chain.push("the system's fonts".into());
    }
    let them = if found.len() == 1 { "it" } else { "them" };
    let mut message = format!(
        "no font can show {}: neither the text's font nor the fallback chain ({}) has {them}; \
         remove {them}, or add a font that has {them} to `fallback` in [body] of the layout",
        listed.join(", "),
        chain.join(", "),
    );
    // Chinese, Japanese and Korean are not bundled, nor are the scripts of
    // fewer readers (Tibetan, Tifinagh, Cherokee, Syriac …): the fix is a
    // package, which the chain's "system" then finds.
    if found.iter().any(|m| is_cjk(m.c)) {
        message.push_str(" (for Chinese, Japanese and Korean: ");
        message.push_str(CJK_INSTALL_HINT);
        message.push(')');
    }
    if found.iter().any(|m| !is_cjk(m.c) && m.c.is_alphabetic()) {
        message.push_str(" (for a script handbill does not bundle: ");
        message.push_str(SCRIPT_INSTALL_HINT);
        message.push(')');
    }
    Error::Typeset { at, message }
}
