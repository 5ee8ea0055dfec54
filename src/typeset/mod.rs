//! Typesetting: styled text → shaped, hyphenated, justified [`line::Line`]s.
//!
//! The language is chosen ([`lang`], its guess checked against the
//! language's letters, [`alphabets`]) and the text's quotes and dashes set
//! by its rules ([`typography`]); each paragraph's words are shaped with the
//! layout's fonts ([`fonts`], [`shape`]), split at hyphenation points
//! ([`hyphenate`]), turned into Knuth–Plass boxes, glue and penalties
//! ([`paragraph`]) and broken into lines ([`linebreak`]); display lines
//! are broken by sense ([`sense`]); right-to-left text is put in visual
//! order line by line ([`bidi`]); Arabic beside Latin is sized by its
//! letters, not its body ([`optical`]). Nothing here knows
//! about pages: a paragraph is set to a width and a style.

pub mod alphabets;
pub mod bidi;
pub mod fonts;
pub mod hyphenate;
pub(crate) mod kashida;
pub mod lang;
pub mod line;
pub mod linebreak;
pub mod optical;
pub mod paragraph;
mod punctuation;
pub mod segment;
pub mod sense;
pub mod shape;
pub mod system_fonts;
pub mod typography;
