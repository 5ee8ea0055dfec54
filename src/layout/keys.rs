//! Every key of a layout file, declared once.
//!
//! Each line below names a key as the file writes it, the Rust type the
//! TOML value is read as, what to call that type in an error ("must be …"),
//! and, when the value needs reading (a keyword, a colour, a font), the
//! function that reads it and the type it becomes. From this one table the
//! `keys!` macro makes:
//!
//! - the serde structs a file is read into (`RawPage`, …, `RawFile`), with
//!   unknown keys refused;
//! - [`SECTIONS`], the sections and their keys, for "did you mean" and
//!   "its keys are …" messages;
//! - [`expected`], the phrase for a value of the wrong type;
//! - the layer structs (`PageLayer`, …, [`Layer`]): one file's values with
//!   where each was written, merged over what it `extends` key by key;
//! - [`Layer::read`], which turns a file into its layer.
//!
//! What a key's value may be beyond its type (ranges, relations between
//! keys) is checked in `check`, where the stages' settings are built: so a
//! new key is a line here and its check and use there.

use super::layer::{Ctx, Val};
use super::print::NUp;
use super::print::{self, Condition, Marks, PrintTarget, Standard};
use super::raw::{SizeOrFit, Sp};
use super::values::{self, Orientation};
use super::{Align, Color, Fallback, FontRef, ImageSpec, Overflow, Paper, Weight};
use crate::error::Result;
use crate::layout::design::Arrangement;
use crate::layout::design::Fold;
use crate::units::Length;
use serde::Deserialize;

/// "must be …" for the common value types.
const LENGTH: &str = "a length in quotes, like \"10pt\" or \"15mm\"";
const WHOLE: &str = "a whole number, like 2";
const NUMBER: &str = "a number, like 100";
const BOOL: &str = "true or false";
const TEXT: &str = "a string in quotes";
const FONT: &str = "a string in quotes, like \"serif\" or \"fonts/MyFont.ttf\"";
const COLOR: &str = "a colour in quotes, like \"#000000\" or \"gray(0.35)\"";
const EXTENT: &str = "a length or a percentage in quotes, like \"60mm\" or \"100%\"";

/// The key as the layer holds it: read by its function into `$to`, or as
/// it was written.
macro_rules! layer_type {
    ($raw:ty, $to:ty) => {
        $to
    };
    ($raw:ty) => {
        $raw
    };
}

/// Reads one key of a raw section into the layer.
macro_rules! read_key {
    ($cx:ident, $value:expr, $section:expr, $key:literal, $read:expr) => {
        $cx.conv($value, $section, $key, |v| ($read)(v, $cx))?
    };
    ($cx:ident, $value:expr, $section:expr, $key:literal) => {
        $cx.plain($value)
    };
}

macro_rules! keys {
    (
        sections {
            $($section:ident: $Raw:ident / $Layer:ident {
                $($field:ident = $key:literal: $raw:ty $(=> $to:ty = $read:expr)?, $expected:expr;)*
            })*
        }
        tables {
            $($table:ident: $RawTable:ident {
                $($tfield:ident = $tkey:literal: $traw:ty, $texpected:expr;)*
            })*
        }
    ) => {
        $(
            #[derive(Debug, Default, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub(super) struct $Raw {
                $(#[serde(rename = $key)] pub $field: Option<Sp<$raw>>,)*
            }

            /// One section of one file's settings (or of a merge), each
            /// with where it was written.
            #[derive(Clone, Debug, Default)]
            pub(super) struct $Layer {
                $(pub(super) $field: Option<Val<layer_type!($raw $(, $to)?)>>,)*
            }

            impl $Layer {
                /// The values of `raw`, read.
                fn read(raw: $Raw, cx: &Ctx) -> Result<$Layer> {
                    Ok($Layer {
                        $($field: read_key!(cx, raw.$field, stringify!($section), $key $(, $read)?),)*
                    })
                }

                /// Every value of `self` that is set, the rest from `parent`.
                fn merge(self, parent: $Layer) -> $Layer {
                    $Layer { $($field: self.$field.or(parent.$field),)* }
                }
            }
        )*

        $(
            #[derive(Debug, Default, Deserialize)]
            #[serde(deny_unknown_fields)]
            pub(super) struct $RawTable {
                $(#[serde(rename = $tkey)] pub $tfield: Option<Sp<$traw>>,)*
            }
        )*

        /// A layout file as written: every key optional.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct RawFile {
            pub name: Option<Sp<String>>,
            pub description: Option<Sp<String>>,
            pub extends: Option<Sp<String>>,
            $(pub $section: Option<$Raw>,)*
            $(pub $table: Option<Sp<Vec<Sp<$RawTable>>>>,)*
        }

        /// Each section and its keys, as written in files; the array
        /// tables (`[[image]]`) last.
        pub(super) const SECTIONS: &[(&str, &[&str])] = &[
            $((stringify!($section), &[$($key),*]),)*
            $((stringify!($table), &[$($tkey),*]),)*
        ];

        /// What `key` of `section` takes, for "must be …".
        pub(super) fn expected(section: &str, key: &str) -> Option<&'static str> {
            $($(if section == stringify!($section) && key == $key {
                return Some($expected);
            })*)*
            $($(if section == stringify!($table) && key == $tkey {
                return Some($texpected);
            })*)*
            None
        }

        /// One file's settings, or several merged, all optional.
        #[derive(Clone, Debug, Default)]
        pub(super) struct Layer {
            $(pub(super) $section: $Layer,)*
            /// The `[[image]]` tables, read: a file that has any replaces
            /// the list it extends.
            pub(super) images: Option<Val<Vec<ImageSpec>>>,
        }

        impl Layer {
            /// The values of a file, read; `images` are its `[[image]]`
            /// tables, already read.
            pub(super) fn read(
                raw: RawFile,
                images: Option<Val<Vec<ImageSpec>>>,
                cx: &Ctx,
            ) -> Result<Layer> {
                Ok(Layer {
                    $($section: $Layer::read(raw.$section.unwrap_or_default(), cx)?,)*
                    images,
                })
            }

            /// Every value of `self` that is set, the rest from `parent`.
            pub(super) fn merge(self, parent: Layer) -> Layer {
                Layer {
                    $($section: self.$section.merge(parent.$section),)*
                    images: self.images.or(parent.images),
                }
            }
        }
    };
}

keys! {
    sections {
        page: RawPage / PageLayer {
            paper = "paper": String => Paper = |v: &String, _| values::paper(v), TEXT;
            width = "width": Length, LENGTH;
            height = "height": Length, LENGTH;
            orientation = "orientation": String => Orientation = |v: &String, _| values::orientation(v), TEXT;
            // Sets all four margins; each of the four below overrides it.
            margin = "margin": Length, LENGTH;
            margin_top = "margin-top": Length, LENGTH;
            margin_bottom = "margin-bottom": Length, LENGTH;
            margin_left = "margin-left": Length, LENGTH;
            margin_right = "margin-right": Length, LENGTH;
            columns = "columns": i64, WHOLE;
            column_gap = "column-gap": Length, LENGTH;
            column_rule = "column-rule": Length, LENGTH;
            fold = "fold": String => Option<Fold> = |v: &String, _| values::fold(v), TEXT;
        }
        body: RawBody / BodyLayer {
            font = "font": String => FontRef = |v: &String, cx: &Ctx| values::font(v, cx.base_dir), FONT;
            size = "size": Length, LENGTH;
            leading = "leading": Length, LENGTH;
            align = "align": String => Align = |v: &String, _| values::body_align(v), TEXT;
            paragraph_spacing = "paragraph-spacing": Length, LENGTH;
            indent = "indent": Length, LENGTH;
            widows = "widows": i64, WHOLE;
            orphans = "orphans": i64, WHOLE;
            baseline_grid = "baseline-grid": bool, BOOL;
            color = "color": String => Color = |v: &String, _| values::color(v), COLOR;
            fit = "fit": String => bool = |v: &String, _| values::fit_page(v), TEXT;
            min_size = "min-size": Length, LENGTH;
            max_size = "max-size": Length, LENGTH;
            overflow = "overflow": String => Overflow = |v: &String, _| values::overflow(v), TEXT;
            fallback = "fallback": Vec<Sp<String>> => Fallback = |v: &Vec<Sp<String>>, cx: &Ctx| cx.fallback(v),
                "a list of fonts, like [\"sans\", \"fonts/MyFont.ttf\"]";
        }
        headline: RawHeadline / HeadlineLayer {
            font = "font": String => FontRef = |v: &String, cx: &Ctx| values::font(v, cx.base_dir), FONT;
            size = "size": SizeOrFit, "a length in quotes, like \"26pt\", or \"fit\"";
            leading = "leading": Length, LENGTH;
            align = "align": String => Align = |v: &String, _| values::headline_align(v), TEXT;
            weight = "weight": String => Weight = |v: &String, _| values::weight(v), TEXT;
            color = "color": String => Color = |v: &String, _| values::color(v), COLOR;
            space_after = "space-after": Length, LENGTH;
            max_lines = "max-lines": i64, WHOLE;
            min_size = "min-size": Length, LENGTH;
            max_size = "max-size": Length, LENGTH;
        }
        meta: RawMeta / MetaLayer {
            font = "font": String => FontRef = |v: &String, cx: &Ctx| values::font(v, cx.base_dir), FONT;
            size = "size": Length, LENGTH;
            color = "color": String => Color = |v: &String, _| values::color(v), COLOR;
            space_after = "space-after": Length, LENGTH;
        }
        heading: RawHeading / HeadingLayer {
            font = "font": String => FontRef = |v: &String, cx: &Ctx| values::font(v, cx.base_dir), FONT;
            size = "size": Length, LENGTH;
            weight = "weight": String => Weight = |v: &String, _| values::weight(v), TEXT;
            space_before = "space-before": Length, LENGTH;
            space_after = "space-after": Length, LENGTH;
        }
        hyphenation: RawHyphenation / HyphenationLayer {
            enabled = "enabled": bool, BOOL;
            lang = "lang": String => String = |v: &String, _| values::lang(v), TEXT;
            min_left = "min-left": i64, WHOLE;
            min_right = "min-right": i64, WHOLE;
            caps = "caps": bool, BOOL;
        }
        linebreak: RawLineBreak / LineBreakLayer {
            pretolerance = "pretolerance": f64, NUMBER;
            tolerance = "tolerance": f64, NUMBER;
            line_penalty = "line-penalty": f64, NUMBER;
            hyphen_penalty = "hyphen-penalty": f64, NUMBER;
            adj_demerits = "adj-demerits": f64, NUMBER;
            double_hyphen_demerits = "double-hyphen-demerits": f64, NUMBER;
            final_hyphen_demerits = "final-hyphen-demerits": f64, NUMBER;
            emergency_stretch = "emergency-stretch": Length, LENGTH;
            font_expansion = "font-expansion": String => f64 = |v: &String, _| values::expansion(v), TEXT;
            hyphen_limit = "hyphen-limit": i64, WHOLE;
        }
        print: RawPrint / PrintLayer {
            target = "for": String => PrintTarget = |v: &String, _| values::target(v), TEXT;
            bleed = "bleed": Length, LENGTH;
            marks = "marks": Vec<String> => Marks = |v: &Vec<String>, _| values::marks(v),
                "an array of strings, like [\"crop\"] or [\"crop\", \"registration\"]";
            mark_offset = "mark-offset": Length, LENGTH;
            standard = "standard": String => Option<Standard> = |v: &String, _| print::parse_standard(v), TEXT;
            output_condition = "output-condition": String => &'static Condition =
                |v: &String, _| print::condition(v), TEXT;
            icc_profile = "icc-profile": String => std::path::PathBuf =
                |v: &String, cx: &Ctx| values::existing_file(v, cx.base_dir), "a file path in quotes";
            ink_limit = "ink-limit": f64, "a number of percent, like 300";
            safe_margin = "safe-margin": Length, LENGTH;
            min_dpi = "min-dpi": f64, "a number, like 300";
            impose = "impose": String => Option<NUp> = |v: &String, _| values::impose(v), TEXT;
        }
        band: RawBand / BandLayer {
            color = "color": String => Color = |v: &String, _| values::color(v), COLOR;
            text_color = "text-color": String => Color = |v: &String, _| values::color(v), COLOR;
            font = "font": String => FontRef = |v: &String, cx: &Ctx| values::font(v, cx.base_dir), FONT;
            size = "size": Length, LENGTH;
            leading = "leading": Length, LENGTH;
            weight = "weight": String => Weight = |v: &String, _| values::weight(v), TEXT;
            align = "align": String => Align = |v: &String, _| values::headline_align(v), TEXT;
            padding = "padding": Length, LENGTH;
            place = "where": String, TEXT;
            when = "when": String, TEXT;
        }
        pair: RawPair / PairLayer {
            arrangement = "arrangement": String => Arrangement = |v: &String, _| values::arrangement(v), TEXT;
        }
    }
    tables {
        // An array of tables: each `[[image]]` is one picture, read on its
        // own (layer::Ctx::image) and placed as a whole list.
        image: RawImage {
            file = "file": String, TEXT;
            position = "position": String, TEXT;
            x = "x": Length, LENGTH;
            y = "y": Length, LENGTH;
            width = "width": String, EXTENT;
            height = "height": String, EXTENT;
            fit = "fit": String, TEXT;
            alt = "alt": String, TEXT;
        }
    }
}
