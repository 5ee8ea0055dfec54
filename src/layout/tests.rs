use std::path::{Path, PathBuf};

use super::keys::SECTIONS;
use super::raw::TOP_KEYS;
use super::*;
use crate::names::{distance, suggest};
use crate::units::Length;

fn parse_str(source: &str) -> Result<Layout> {
    parse(source, "test.toml", Path::new(""))
}

/// The error message of a layout that must fail, as displayed.
fn error_of(source: &str) -> String {
    match parse_str(source) {
        Ok(l) => panic!("expected an error for:\n{source}\ngot {l:?}"),
        Err(e) => e.to_string(),
    }
}

fn a4() -> Layout {
    load("a4-leaflet").unwrap()
}

fn close(a: Length, b: Length) -> bool {
    (a.to_pt() - b.to_pt()).abs() < 1e-6
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(tempfile::TempDir);

impl TempDir {
    fn new() -> TempDir {
        TempDir(
            tempfile::Builder::new()
                .prefix("handbill-spec-test-")
                .tempdir()
                .unwrap(),
        )
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, text).unwrap();
        path
    }
}

// --- Built-in layouts ------------------------------------------------------

#[test]
fn every_builtin_parses_and_validates() {
    let names = builtin_names();
    assert_eq!(
        names,
        [
            "a4-leaflet",
            "a5-flyer",
            "letter-leaflet",
            "a3-poster",
            "a2-poster",
            "tabloid-poster",
            "a6-handout",
            "a4-trifold"
        ]
    );
    for name in names {
        let layout = load(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(layout.name, name);
        assert!(!layout.description.is_empty(), "{name} has no description");
        assert!(layout.design.page.column_width().to_mm() >= 15.0);
        // Built-ins are templates to copy: complete, and standing alone.
        let source = builtin(name).unwrap();
        let raw = raw::read(source, name).unwrap();
        assert!(raw.extends.is_none(), "{name} should not use extends");
    }
    assert!(builtin("nope").is_none());
}

#[test]
fn default_layout_sets_every_key() {
    let table: toml::Table = builtin(DEFAULT).unwrap().parse().unwrap();
    for (section, keys) in SECTIONS {
        // Pictures are a list, empty by default (shown in comments).
        if *section == "image" {
            assert!(!table.contains_key("image"));
            continue;
        }
        let t = table[*section].as_table().unwrap();
        for key in *keys {
            let optional = match *section {
                "page" => &["width", "height", "margin-left", "margin-right"][..],
                // Texts, not settings: they come from the statement.
                "band" => &["where", "when"][..],
                _ => &[][..],
            };
            // [print] settings other than the target have defaults that
            // follow the target (`--for` may change it), so they stay unset.
            let by_target = *section == "print" && *key != "for";
            assert!(
                t.contains_key(*key) || optional.contains(key) || by_target,
                "a4-leaflet does not set {key} in [{section}]"
            );
        }
    }
}

#[test]
fn a4_leaflet_values() {
    let l = a4();
    assert_eq!(l.design.page.paper, Paper::A4);
    assert!(close(l.design.page.width, Length::mm(210.0)));
    assert!(close(l.design.page.height, Length::mm(297.0)));
    assert!(close(l.design.page.margin_left, Length::mm(15.0)));
    assert!(close(l.design.page.margin_right, Length::mm(15.0)));
    assert!(close(l.design.page.margin_top, Length::mm(17.0)));
    assert!(close(l.design.page.margin_bottom, Length::mm(14.0)));
    assert_eq!(l.design.page.columns, 2);
    assert_eq!(l.design.page.column_rule, None);
    assert!(close(l.design.page.content_width(), Length::mm(180.0)));
    assert!(close(l.design.page.content_height(), Length::mm(266.0)));
    assert!(close(l.design.page.column_width(), Length::mm(87.0)));
    assert_eq!(l.design.body.font, FontRef::Family("serif".into()));
    assert_eq!(l.design.body.size, Length::pt(10.0));
    assert_eq!(l.design.body.leading, Length::pt(13.0));
    assert_eq!(l.design.body.align, Align::Justify);
    assert_eq!(l.design.body.color, Color::Rgb(0.0, 0.0, 0.0));
    assert_eq!(l.design.headline.font, FontRef::Family("sans".into()));
    assert_eq!(l.design.headline.weight, Weight::Bold);
    assert_eq!(l.design.headline.align, Align::Left);
    assert_eq!(l.design.meta.color, Color::Gray(0.35));
    assert!(l.design.hyphenation.enabled);
    assert_eq!(l.design.hyphenation.lang, "en");
    assert_eq!(
        (
            l.design.hyphenation.min_left,
            l.design.hyphenation.min_right
        ),
        (2, 2)
    );
    assert_eq!(l.design.linebreak.tolerance, 200.0);
    assert_eq!(l.design.linebreak.final_hyphen_demerits, 50000.0);
}

#[test]
fn other_builtins_have_their_character() {
    let a5 = load("a5-flyer").unwrap();
    assert_eq!(a5.design.page.columns, 1);
    assert!(close(a5.design.page.width, Length::mm(148.0)));
    assert_eq!(a5.design.body.size, Length::pt(10.5));
    assert_eq!(a5.design.headline.size, Length::pt(22.0));
    let letter = load("letter-leaflet").unwrap();
    assert!(close(letter.design.page.width, Length::inch(8.5)));
    assert!(close(letter.design.page.margin_top, Length::inch(0.6)));
    assert_eq!(letter.design.hyphenation.lang, "en-US");
    let a3 = load("a3-poster").unwrap();
    assert_eq!(a3.design.headline.font, FontRef::Family("display".into()));
    // The poster's headline is as large as fits three lines.
    let fit = a3.design.headline.fit.expect("a3-poster fits its headline");
    assert_eq!(
        (fit.min_size, fit.max_size, fit.max_lines),
        (Length::pt(40.0), Length::pt(120.0), 3)
    );
    assert_eq!(a3.design.headline.size, Length::pt(120.0));
    assert_eq!(a3.design.body.size, Length::pt(16.0));
    let a6 = load("a6-handout").unwrap();
    assert!(close(a6.design.page.height, Length::mm(148.0)));
    assert_eq!(a6.design.body.leading, Length::pt(11.0));
}

#[test]
fn every_listed_key_is_accepted() {
    // SECTIONS and the serde structs must agree: each listed key parses
    // (values are type-correct for the key; validity is not the point).
    for (section, keys) in SECTIONS {
        for key in *keys {
            let value = match *key {
                "columns" | "widows" | "orphans" | "min-left" | "min-right" | "max-lines" => "2",
                "fallback" => "[\"sans\", \"emoji\"]",
                "enabled" | "caps" | "baseline-grid" => "true",
                "paper" => "\"a4\"",
                "orientation" => "\"portrait\"",
                "align" if *section == "body" => "\"justify\"",
                "align" => "\"left\"",
                "weight" => "\"bold\"",
                "color" | "text-color" => "\"#000000\"",
                "font" => "\"serif\"",
                "position" => "\"top\"",
                "fit" => "\"cover\"",
                "file" => "\"x.png\"",
                "lang" => "\"en\"",
                "for" => "\"office\"",
                "marks" => "[\"crop\"]",
                "standard" => "\"none\"",
                "output-condition" => "\"FOGRA39\"",
                "impose" => "\"2up\"",
                "icc-profile" => "\"x.icc\"",
                "ink-limit" | "min-dpi" => "300",
                "font-expansion" => "\"2%\"",
                _ if *section == "linebreak" && *key != "emergency-stretch" => "100",
                _ => "\"1pt\"",
            };
            let source = if *section == "image" {
                format!("[[{section}]]\n{key} = {value}\n")
            } else {
                format!("[{section}]\n{key} = {value}\n")
            };
            match raw::read(&source, "t.toml") {
                Ok(_) => {}
                Err(e) => panic!("{section}.{key}: {e}"),
            }
        }
    }
    for key in TOP_KEYS {
        raw::read(&format!("{key} = \"a4-leaflet\""), "t.toml").unwrap();
    }
}

#[test]
fn reference_in_module_docs_is_valid() {
    // The format reference at the top of mod.rs is what users copy from.
    let doc: String = include_str!("mod.rs")
        .lines()
        .skip_while(|l| *l != "//! ```toml")
        .skip(1)
        .take_while(|l| *l != "//! ```")
        .map(|l| format!("{}\n", l.strip_prefix("//! ").unwrap_or("")))
        .collect();
    assert!(doc.contains("[linebreak]") && doc.contains("emergency-stretch"));
    let l = parse_str(&doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    assert_eq!(l.name, "my-leaflet");
    // It shows the default values.
    let mut expected = a4();
    expected.name = l.name.clone();
    expected.description = l.description.clone();
    // Written in the file, so meant: the text's language is not detected.
    assert!(l.design.hyphenation.lang_set_at.is_some());
    expected.design.hyphenation.lang_set_at = l.design.hyphenation.lang_set_at.clone();
    // Read from a file, where the built-in was not.
    expected.sources = l.sources.clone();
    assert_eq!(l, expected);
}

// --- Defaults and extends --------------------------------------------------

#[test]
fn empty_file_gets_the_default_layout() {
    let l = parse("", "mine.toml", Path::new("")).unwrap();
    assert_eq!(l.name, "mine");
    assert_eq!(l.description, "");
    let a4 = a4();
    assert_eq!(l.design.page, a4.design.page);
    assert_eq!(l.design.body, a4.design.body);
    assert_eq!(l.design.linebreak, a4.design.linebreak);
}

#[test]
fn extends_overrides_only_what_it_sets() {
    let l = parse_str(
        "name = \"bigger\"\nextends = \"a4-leaflet\"\n[body]\nsize = \"11pt\"\nleading = \"14pt\"\n\
         [page]\ncolumns = 3\n",
    )
    .unwrap();
    let mut expected = a4();
    expected.name = "bigger".into();
    expected.description = String::new();
    expected.design.body.size = Length::pt(11.0);
    expected.design.body.leading = Length::pt(14.0);
    expected.design.page.columns = 3;
    // Read from a file, where the built-in was not.
    expected.sources = l.sources.clone();
    assert_eq!(l, expected);

    // Extending another built-in starts from that one, not from a4.
    let l = parse_str("extends = \"a3-poster\"\n[meta]\nsize = \"14pt\"").unwrap();
    let mut expected = load("a3-poster").unwrap();
    expected.name = "test".into();
    expected.description = String::new();
    expected.design.meta.size = Length::pt(14.0);
    // Read from a file, where the built-in was not.
    expected.sources = l.sources.clone();
    assert_eq!(l, expected);
}

#[test]
fn extends_a_file_by_relative_path() {
    let dir = TempDir::new();
    dir.write(
        "base/parent.toml",
        "[page]\npaper = \"a5\"\ncolumns = 1\n[body]\ncolor = \"gray(0.2)\"\n",
    );
    let child = dir.write(
        "child.toml",
        "extends = \"base/parent.toml\"\n[body]\nsize = \"9pt\"\n",
    );
    let l = load(child.to_str().unwrap()).unwrap();
    assert_eq!(l.name, "child");
    assert_eq!(l.design.page.paper, Paper::A5);
    assert_eq!(l.design.page.columns, 1);
    assert_eq!(l.design.body.color, Color::Gray(0.2));
    assert_eq!(l.design.body.size, Length::pt(9.0));
    assert_eq!(l.design.body.leading, Length::pt(13.0)); // from a4-leaflet, under parent
}

#[test]
fn margin_shorthand_and_sides() {
    let l = parse_str("[page]\nmargin = \"10mm\"\nmargin-left = \"20mm\"").unwrap();
    assert!(close(l.design.page.margin_top, Length::mm(10.0)));
    assert!(close(l.design.page.margin_bottom, Length::mm(10.0)));
    assert!(close(l.design.page.margin_left, Length::mm(20.0)));
    assert!(close(l.design.page.margin_right, Length::mm(10.0)));
    // A child's `margin` replaces all four inherited sides (a4 sets top 17mm).
    let l = parse_str("extends = \"a4-leaflet\"\n[page]\nmargin = \"12mm\"").unwrap();
    assert!(close(l.design.page.margin_top, Length::mm(12.0)));
    assert!(close(l.design.page.margin_bottom, Length::mm(12.0)));
}

#[test]
fn orientation_and_custom_paper() {
    let l = parse_str("[page]\norientation = \"landscape\"").unwrap();
    assert!(close(l.design.page.width, Length::mm(297.0)));
    assert!(close(l.design.page.height, Length::mm(210.0)));
    let l = parse_str("[page]\npaper = \"custom\"\nwidth = \"100mm\"\nheight = \"20cm\"").unwrap();
    assert_eq!(l.design.page.paper, Paper::Custom);
    assert!(close(l.design.page.width, Length::mm(100.0)));
    assert!(close(l.design.page.height, Length::mm(200.0)));
    let l = parse_str("[page]\npaper = \"Letter\"").unwrap();
    assert_eq!(l.design.page.paper, Paper::Letter);
    assert!(close(l.design.page.height, Length::inch(11.0)));
}

#[test]
fn named_paper_in_child_drops_custom_size_of_parent() {
    let dir = TempDir::new();
    dir.write(
        "custom.toml",
        "[page]\npaper = \"custom\"\nwidth = \"120mm\"\nheight = \"180mm\"\ncolumns = 1\n",
    );
    let child = dir.write(
        "child.toml",
        "extends = \"custom.toml\"\n[page]\npaper = \"a5\"\n",
    );
    let l = load(child.to_str().unwrap()).unwrap();
    assert!(close(l.design.page.width, Length::mm(148.0)));
    // …while a child that keeps "custom" keeps the parent's size.
    let child = dir.write(
        "child2.toml",
        "extends = \"custom.toml\"\n[page]\nheight = \"200mm\"\n",
    );
    let l = load(child.to_str().unwrap()).unwrap();
    assert!(close(l.design.page.width, Length::mm(120.0)));
    assert!(close(l.design.page.height, Length::mm(200.0)));
}

#[test]
fn extends_cycle_is_reported() {
    let dir = TempDir::new();
    let a = dir.write("a.toml", "extends = \"b.toml\"\n");
    let b = dir.write("b.toml", "# b\nextends = \"a.toml\"\n");
    let e = load(a.to_str().unwrap()).unwrap_err().to_string();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    assert_eq!(
        e,
        format!("{b}:2:11: extends cycle: {a} → {b} → {a}"),
        "got {e}"
    );

    let me = dir.write("me.toml", "extends = \"me.toml\"\n");
    let e = load(me.to_str().unwrap()).unwrap_err().to_string();
    let me = me.display().to_string();
    assert_eq!(e, format!("{me}:1:11: extends cycle: {me} → {me}"));
}

#[test]
fn extends_depth_is_capped() {
    let dir = TempDir::new();
    for i in 0..20 {
        dir.write(
            &format!("l{i}.toml"),
            &format!("extends = \"l{}.toml\"", i + 1),
        );
    }
    dir.write("l20.toml", "");
    let e = load(dir.path().join("l0.toml").to_str().unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.contains("more than 16 layouts deep"), "{e}");
    // 15 levels is fine.
    let l = load(dir.path().join("l5.toml").to_str().unwrap()).unwrap();
    assert_eq!(l.name, "l5");
}

#[test]
fn extends_missing_file_or_builtin() {
    let e = error_of("\nextends = \"nothere.toml\"");
    assert_eq!(
        e,
        "test.toml:2:11: `extends`: there is no layout file `nothere.toml`"
    );
    let e = error_of("extends = \"a5-flier\"");
    assert_eq!(
        e,
        "test.toml:1:11: `extends`: no built-in layout `a5-flier`; did you mean `a5-flyer`? \
         (handbill layouts lists them)"
    );
    let e = error_of("extends = \"zzz\"");
    assert!(
        e.contains("the built-in layouts are a4-leaflet, a5-flyer"),
        "{e}"
    );
}

#[test]
fn errors_in_a_parent_point_into_the_parent() {
    let dir = TempDir::new();
    let parent = dir.write("parent.toml", "[body]\nwidows = 9\n");
    let child = dir.write("child.toml", "extends = \"parent.toml\"\n");
    let e = load(child.to_str().unwrap()).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}:2:10: `widows` in [body] must be 1 to 5, not 9",
            parent.display()
        )
    );
}

// --- load ------------------------------------------------------------------

#[test]
fn load_unknown_builtin_suggests() {
    let e = load("a4-leaflat").unwrap_err().to_string();
    assert_eq!(
        e,
        "--layout: no built-in layout `a4-leaflat`; did you mean `a4-leaflet`? \
         (handbill layouts lists them)"
    );
    let e = load("poster").unwrap_err().to_string();
    assert!(e.contains("the built-in layouts are"), "{e}");
}

#[test]
fn load_missing_file_is_an_io_error() {
    let dir = TempDir::new();
    let path = dir.path().join("missing.toml");
    let e = load(path.to_str().unwrap()).unwrap_err();
    assert!(matches!(e, Error::Io { .. }), "{e:?}");
    assert!(e.to_string().ends_with("no such file or directory"));
}

#[test]
fn load_existing_file_without_extension() {
    let dir = TempDir::new();
    let path = dir.write("layoutfile", "[page]\ncolumns = 1");
    let l = load(path.to_str().unwrap()).unwrap();
    assert_eq!(l.design.page.columns, 1);
    assert_eq!(l.name, "layoutfile");
}

// --- Syntax, unknown keys, types --------------------------------------------

#[test]
fn syntax_error_has_location() {
    let e = error_of("name = \"x\"\n[page\ncolumns = 2\n");
    assert_eq!(
        e,
        "test.toml:2:6: TOML syntax error: invalid table header: expected `.`, `]`"
    );
    let e = error_of("[body]\nsize = \n");
    assert!(e.starts_with("test.toml:2:8: TOML syntax error: "), "{e}");
    let e = error_of("[page]\ncolumns = 2\ncolumns = 3\n");
    assert!(
        e.starts_with("test.toml:3:1: TOML syntax error: duplicate key"),
        "{e}"
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let e = error_of("description = \"Ünïcödé\"; x = 1\n");
    // `;` is the 24th character but the 28th byte.
    assert!(e.starts_with("test.toml:1:24: "), "{e}");
}

#[test]
fn unknown_key_has_location_and_suggestion() {
    let e = error_of("name = \"x\"\n\n[page]\npaper = \"a4\"\ncolumns = 2\n\ncolums = 3\n");
    assert_eq!(
        e,
        "test.toml:7:1: unknown key `colums` in [page]; did you mean `columns`?"
    );
    let e = error_of("[body]\n  colour = \"#000000\"");
    assert_eq!(
        e,
        "test.toml:2:3: unknown key `colour` in [body]; did you mean `color`?"
    );
}

#[test]
fn unknown_key_far_from_any_lists_the_keys() {
    let e = error_of("[meta]\nzzzzzz = 1");
    assert_eq!(
        e,
        "test.toml:2:1: unknown key `zzzzzz` in [meta]; its keys are font, size, color, space-after"
    );
    let e = error_of("[body]\nweight = \"bold\"");
    assert_eq!(
        e,
        "test.toml:2:1: unknown key `weight` in [body]; `weight` is a key of [headline], [heading], [band]"
    );
}

#[test]
fn unknown_top_level_key() {
    let e = error_of("nmae = \"x\"");
    assert_eq!(e, "test.toml:1:1: unknown key `nmae`; did you mean `name`?");
    let e = error_of("columns = 2\n[page]\n");
    assert!(
        e.starts_with(
            "test.toml:1:1: unknown key `columns` at the top level; it belongs in [page]"
        ),
        "{e}"
    );
}

#[test]
fn unknown_section() {
    let e = error_of("[page]\ncolumns = 2\n\n[bdoy]\nsize = \"10pt\"\n");
    assert_eq!(
        e,
        "test.toml:4:2: unknown section [bdoy]; did you mean [body]?"
    );
    let e = error_of("[colors]\nx = 1");
    assert!(
        e.starts_with("test.toml:1:2: unknown section [colors]; the sections are [page], [body]"),
        "{e}"
    );
    // Dotted keys and inline tables are found too.
    let e = error_of("page.colums = 2");
    assert_eq!(
        e,
        "test.toml:1:6: unknown key `colums` in [page]; did you mean `columns`?"
    );
    let e = error_of("body = { sise = \"10pt\" }");
    assert_eq!(
        e,
        "test.toml:1:10: unknown key `sise` in [body]; did you mean `size`?"
    );
}

#[test]
fn wrong_types_have_location() {
    let e = error_of("[page]\ncolumns = \"two\"");
    assert_eq!(
        e,
        "test.toml:2:11: `columns` in [page] must be a whole number, like 2, not the string \"two\""
    );
    let e = error_of("[body]\nsize = 10");
    assert_eq!(
        e,
        "test.toml:2:8: `size` in [body]: 10 has no unit: write \"10mm\", \"10pt\" or \"10in\" (in quotes)"
    );
    let e = error_of("[body]\nsize = \"10px\"");
    assert!(e.starts_with("test.toml:2:8: `size` in [body]: "), "{e}");
    assert!(e.contains("unknown unit `px`"), "{e}");
    let e = error_of("[hyphenation]\nenabled = \"yes\"");
    assert_eq!(
        e,
        "test.toml:2:11: `enabled` in [hyphenation] must be true or false, not the string \"yes\""
    );
    let e = error_of("[page]\ncolumns = 2.5");
    assert!(
        e.ends_with("must be a whole number, like 2, not the number `2.5`"),
        "{e}"
    );
    let e = error_of("[linebreak]\ntolerance = \"200\"");
    assert!(
        e.contains("must be a number, like 100, not the string \"200\""),
        "{e}"
    );
    let e = error_of("page = 3");
    assert_eq!(
        e,
        "test.toml:1:8: `page` must be a table (a [page] section), not the number `3`"
    );
    let e = error_of("[body]\ncolor = 0");
    assert!(
        e.starts_with("test.toml:2:9: `color` in [body] must be a colour"),
        "{e}"
    );
    let e = error_of("[body]\nsize = 1979-05-27");
    assert!(e.starts_with("test.toml:2:8: `size` in [body]"), "{e}");
    assert!(e.ends_with("not a date or time"), "{e}");
}

#[test]
fn bad_keyword_values_suggest() {
    let e = error_of("[headline]\nalign = \"centre\"");
    assert_eq!(
        e,
        "test.toml:2:9: `align` in [headline] must be left, center or right, not \"centre\"; \
         did you mean \"center\"?"
    );
    let e = error_of("[body]\nalign = \"justified\"");
    assert!(e.ends_with("did you mean \"justify\"?"), "{e}");
    let e = error_of("[body]\nalign = \"center\"");
    assert_eq!(
        e,
        "test.toml:2:9: `align` in [body] must be justify or ragged, not \"center\""
    );
    let e = error_of("[page]\npaper = \"leter\"");
    assert!(e.ends_with("did you mean \"letter\"?"), "{e}");
    let e = error_of("[page]\npaper = \"a8\"");
    assert!(e.contains("must be a0, a1,"), "{e}");
    let e = error_of("[page]\norientation = \"landscpe\"");
    assert!(e.ends_with("did you mean \"landscape\"?"), "{e}");
    let e = error_of("[heading]\nweight = \"blod\"");
    assert!(e.ends_with("did you mean \"bold\"?"), "{e}");
    let l = parse_str("[body]\nalign = \"ragged\"\n[heading]\nweight = \"Normal\"").unwrap();
    assert_eq!(l.design.body.align, Align::Left);
    assert_eq!(l.design.heading.weight, Weight::Regular);
    let l = parse_str("[headline]\nalign = \"CENTER\"").unwrap();
    assert_eq!(l.design.headline.align, Align::Center);
}

#[test]
fn colours() {
    let c = |s: &str| {
        parse_str(&format!("[body]\ncolor = \"{s}\""))
            .map(|l| l.design.body.color)
            .map_err(|e| e.to_string())
    };
    assert_eq!(c("#ff0000"), Ok(Color::Rgb(1.0, 0.0, 0.0)));
    assert_eq!(c("#00F"), Ok(Color::Rgb(0.0, 0.0, 1.0)));
    assert_eq!(c("gray(0.3)"), Ok(Color::Gray(0.3)));
    // Text that cannot be read on the paper is a word lost.
    assert_eq!(
        c("#FFF").unwrap_err(),
        "test.toml:2:9: `color` in [body] would print text that cannot be read on white paper \
         (contrast 1.0:1, at least 2:1 is needed): choose a darker or lighter colour"
    );
    assert!(c("gray(0.8)").unwrap_err().contains("cannot be read"));
    assert_eq!(c("grey( 0 )"), Ok(Color::Gray(0.0)));
    assert_eq!(c("cmyk(0,100,100,0)"), Ok(Color::Cmyk(0.0, 1.0, 1.0, 0.0)));
    assert_eq!(
        c("cmyk(0%, 50%, 0%, 100%)"),
        Ok(Color::Cmyk(0.0, 0.5, 0.0, 1.0))
    );
    assert_eq!(
        c("gray(1.5)").unwrap_err(),
        "test.toml:2:9: `color` in [body] has gray(1.5) out of range: gray runs from 0 (black) to 1 (white)"
    );
    assert!(c("cmyk(0,120,0,0)").unwrap_err().contains("out of range"));
    assert!(c("cmyk(0,1,0)").unwrap_err().contains("must be a colour"));
    assert!(c("#12345").unwrap_err().contains("must be a colour"));
    assert!(c("red").unwrap_err().contains("not \"red\""));
    assert!(c("gray(nan)").unwrap_err().contains("must be a colour"));
}

// --- Validation rules --------------------------------------------------------

/// Each rule: a source that breaks it, the location and a piece of the message.
#[test]
fn validation_rules() {
    let cases: &[(&str, &str, &str)] = &[
        // Page size.
        (
            "[page]\npaper = \"custom\"\nwidth = \"40mm\"\nheight = \"100mm\"\ncolumns = 1",
            "3:9",
            "the page width must be 50mm to 2000mm, not 40mm",
        ),
        (
            "[page]\npaper = \"custom\"\nwidth = \"100mm\"\nheight = \"2001mm\"\ncolumns = 1",
            "4:10",
            "the page height must be 50mm to 2000mm, not 2001mm",
        ),
        (
            "[page]\npaper = \"custom\"\nwidth = \"100mm\"",
            "2:9",
            "paper = \"custom\" needs both `width` and `height`",
        ),
        (
            "[page]\nwidth = \"100mm\"",
            "2:9",
            "apply only to paper = \"custom\", and paper is \"a4\"",
        ),
        // Margins.
        (
            "[page]\nmargin-left = \"-1mm\"",
            "2:15",
            "the left margin must be zero or more, not -1mm",
        ),
        (
            "[page]\nmargin-left = \"100mm\"\nmargin-right = \"95mm\"",
            "2:15",
            "the left and right margins (100mm + 95mm) leave only 15mm of the 210mm page width",
        ),
        (
            "[page]\nmargin-top = \"150mm\"\nmargin-bottom = \"150mm\"",
            "2:14",
            "the top and bottom margins (150mm + 150mm) leave nothing of the 297mm page height",
        ),
        // Columns.
        ("[page]\ncolumns = 0", "2:11", "`columns` in [page] must be 1 to 12, not 0"),
        ("[page]\ncolumns = 13", "2:11", "must be 1 to 12, not 13"),
        (
            "[page]\ncolumn-gap = \"-2mm\"",
            "2:14",
            "`column-gap` in [page] must be zero or more",
        ),
        (
            "[page]\ncolumns = 9",
            "2:11",
            "9 columns with 6mm gaps are only 14.67mm wide in a 180mm text area",
        ),
        (
            "[page]\ncolumns = 10",
            "2:11",
            "a column must be at least 15mm wide",
        ),
        (
            "[page]\ncolumn-rule = \"-1pt\"",
            "2:15",
            "`column-rule` in [page] must be zero or more, not -1pt",
        ),
        // Type sizes.
        ("[body]\nsize = \"3pt\"", "2:8", "`size` in [body] must be between 4pt and 72pt, not 3pt"),
        ("[body]\nsize = \"73pt\"\nleading = \"80pt\"", "2:8", "between 4pt and 72pt"),
        (
            "[headline]\nsize = \"601pt\"\nleading = \"601pt\"",
            "2:8",
            "`size` in [headline] must be between 4pt and 600pt, not 601pt",
        ),
        ("[meta]\nsize = \"201pt\"", "2:8", "`size` in [meta] must be between 4pt and 200pt"),
        ("[heading]\nsize = \"3.5pt\"", "2:8", "`size` in [heading] must be between 4pt and 200pt"),
        // Leading.
        (
            "[body]\nleading = \"7pt\"",
            "2:11",
            "`leading` in [body] must be 0.8 to 4 times the size (8pt to 40pt for size 10pt), not 7pt",
        ),
        ("[body]\nleading = \"41pt\"", "2:11", "0.8 to 4 times the size"),
        ("[headline]\nleading = \"10pt\"", "2:11", "`leading` in [headline] must be 0.8 to 4"),
        // A size change that makes the inherited leading too small is
        // reported at the size, the key this file changed.
        (
            "[body]\nsize = \"20pt\"",
            "2:8",
            "(16pt to 80pt for size 20pt), not 13pt; set `leading` along with `size`",
        ),
        // Spacing.
        ("[body]\nparagraph-spacing = \"-1pt\"", "2:21", "must be zero or more"),
        ("[body]\nindent = \"-1pt\"", "2:10", "`indent` in [body] must be zero or more"),
        ("[body]\nindent = \"90mm\"", "2:10", "must be less than the column width (87mm)"),
        ("[headline]\nspace-after = \"-1pt\"", "2:15", "`space-after` in [headline]"),
        ("[meta]\nspace-after = \"-1pt\"", "2:15", "`space-after` in [meta]"),
        ("[heading]\nspace-before = \"-1pt\"", "2:16", "`space-before` in [heading]"),
        ("[heading]\nspace-after = \"-1pt\"", "2:15", "`space-after` in [heading]"),
        // Widows, orphans.
        ("[body]\nwidows = 0", "2:10", "`widows` in [body] must be 1 to 5, not 0"),
        ("[body]\nwidows = 6", "2:10", "must be 1 to 5, not 6"),
        ("[body]\norphans = -1", "2:11", "`orphans` in [body] must be 1 to 5, not -1"),
        // Hyphenation.
        ("[hyphenation]\nmin-left = 0", "2:12", "`min-left` in [hyphenation] must be 1 to 10"),
        ("[hyphenation]\nmin-right = 11", "2:13", "`min-right` in [hyphenation] must be 1 to 10"),
        ("[hyphenation]\nlang = \"english\"", "2:8", "must be a language tag like"),
        ("[hyphenation]\nlang = \"en_GB\"", "2:8", "with hyphens, like \"en-GB\""),
        // Line breaking.
        ("[linebreak]\ntolerance = -1", "2:13", "`tolerance` in [linebreak] must be zero or more"),
        ("[linebreak]\npretolerance = -2", "2:16", "or -1 to skip the first pass, not -2"),
        (
            "[linebreak]\npretolerance = -0.5",
            "2:16",
            "or -1 to skip the first pass, not -0.5",
        ),
        ("[linebreak]\nline-penalty = nan", "2:16", "`line-penalty` in [linebreak] must be a finite number"),
        ("[linebreak]\nadj-demerits = inf", "2:16", "must be a finite number, not inf"),
        ("[linebreak]\ntolerance = -inf", "2:13", "must be a finite number"),
        ("[linebreak]\nemergency-stretch = \"-3pt\"", "2:21", "`emergency-stretch` in [linebreak] must be zero or more"),
        ("[linebreak]\nfont-expansion = \"7%\"", "2:18", "`font-expansion` in [linebreak] must be a percentage from 0% to 5%, like \"2%\", not \"7%\""),
        ("[linebreak]\nfont-expansion = \"0.02\"", "2:18", "must be a percentage from 0% to 5%"),
        // Fonts.
        ("[body]\nfont = \"\"", "2:8", "`font` in [body] must name a font family"),
        ("[meta]\nfont = \"fonts/Nope.ttf\"", "2:8", "`font` in [meta] names the font file `fonts/Nope.ttf`, which does not exist"),
    ];
    for (source, at, message) in cases {
        let e = error_of(source);
        let prefix = format!("test.toml:{at}: ");
        assert!(
            e.starts_with(&prefix) && e.contains(message),
            "for\n{source}\nexpected `{prefix}…{message}…`\ngot `{e}`"
        );
        assert!(!e.contains('\n'), "multi-line message: {e}");
    }
}

#[test]
fn limits_are_inclusive() {
    let ok = [
        "[page]\npaper = \"custom\"\nwidth = \"50mm\"\nheight = \"2000mm\"\ncolumns = 1\nmargin = \"5mm\"",
        "[body]\nsize = \"4pt\"\nleading = \"16pt\"",
        "[body]\nsize = \"72pt\"\nleading = \"57.6pt\"",
        "[headline]\nsize = \"600pt\"\nleading = \"480pt\"",
        "[body]\nwidows = 5\norphans = 1",
        "[hyphenation]\nmin-left = 10\nmin-right = 1",
        "[page]\ncolumns = 12\nmargin = \"0\"\ncolumn-gap = \"0\"",
        "[linebreak]\npretolerance = -1\ntolerance = 0\nhyphen-penalty = -10000",
        "[page]\ncolumn-rule = \"0.4pt\"",
    ];
    for source in ok {
        if let Err(e) = parse_str(source) {
            panic!("{source}\n→ {e}");
        }
    }
    let l = parse_str("[page]\ncolumn-rule = \"0.4pt\"").unwrap();
    assert_eq!(l.design.page.column_rule, Some(Length::pt(0.4)));
    let l = parse_str("[linebreak]\npretolerance = -1").unwrap();
    assert_eq!(l.design.linebreak.pretolerance, -1.0);
}

// --- Units and fonts ----------------------------------------------------------

#[test]
fn every_length_key_takes_every_unit() {
    type Get = fn(&Layout) -> Length;
    // (section, key, value, expected, accessor); extra keys keep the
    // layout valid where the tested value needs it.
    let cases: &[(&str, &str, &str, Length, Get)] = &[
        ("page", "margin", "0.5in", Length::inch(0.5), |l| {
            l.design.page.margin_right
        }),
        ("page", "margin-top", "2cm", Length::cm(2.0), |l| {
            l.design.page.margin_top
        }),
        ("page", "margin-bottom", "30pt", Length::pt(30.0), |l| {
            l.design.page.margin_bottom
        }),
        ("page", "margin-left", "12mm", Length::mm(12.0), |l| {
            l.design.page.margin_left
        }),
        ("page", "margin-right", "0.75in", Length::inch(0.75), |l| {
            l.design.page.margin_right
        }),
        ("page", "column-gap", "0.5cm", Length::cm(0.5), |l| {
            l.design.page.column_gap
        }),
        ("page", "column-rule", "0.5pt", Length::pt(0.5), |l| {
            l.design.page.column_rule.unwrap()
        }),
        ("body", "size", "0.15in", Length::inch(0.15), |l| {
            l.design.body.size
        }),
        ("body", "leading", "5mm", Length::mm(5.0), |l| {
            l.design.body.leading
        }),
        ("body", "paragraph-spacing", "0.2cm", Length::cm(0.2), |l| {
            l.design.body.paragraph_spacing
        }),
        ("body", "indent", "1cm", Length::cm(1.0), |l| {
            l.design.body.indent
        }),
        ("headline", "size", "1cm", Length::cm(1.0), |l| {
            l.design.headline.size
        }),
        ("headline", "leading", "0.5in", Length::inch(0.5), |l| {
            l.design.headline.leading
        }),
        ("headline", "space-after", "3mm", Length::mm(3.0), |l| {
            l.design.headline.space_after
        }),
        ("meta", "size", "3mm", Length::mm(3.0), |l| {
            l.design.meta.size
        }),
        ("meta", "space-after", "0.1in", Length::inch(0.1), |l| {
            l.design.meta.space_after
        }),
        ("heading", "size", "0.5cm", Length::cm(0.5), |l| {
            l.design.heading.size
        }),
        ("heading", "space-before", "4mm", Length::mm(4.0), |l| {
            l.design.heading.space_before
        }),
        ("heading", "space-after", "2pt", Length::pt(2.0), |l| {
            l.design.heading.space_after
        }),
        (
            "linebreak",
            "emergency-stretch",
            "0.25in",
            Length::inch(0.25),
            |l| l.design.linebreak.emergency_stretch,
        ),
    ];
    for (section, key, value, expected, get) in cases {
        let source = format!("[{section}]\n{key} = \"{value}\"\n");
        let l = parse_str(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        assert!(
            close(get(&l), *expected),
            "{section}.{key} = {value}: got {}",
            get(&l)
        );
    }
    // Custom page size in every unit.
    let l = parse_str("[page]\npaper = \"custom\"\nwidth = \"8in\"\nheight = \"30cm\"").unwrap();
    assert!(close(l.design.page.width, Length::inch(8.0)));
    assert!(close(l.design.page.height, Length::cm(30.0)));
    let l = parse_str("[page]\npaper = \"custom\"\nwidth = \"500pt\"\nheight = \"250mm\"").unwrap();
    assert!(close(l.design.page.width, Length::pt(500.0)));
    // Zero may be written bare.
    let l = parse_str("[body]\nindent = 0").unwrap();
    assert_eq!(l.design.body.indent, Length::ZERO);
}

#[test]
fn font_refs_are_files_or_families() {
    let dir = TempDir::new();
    // Real fonts: a font file is read when the layout is loaded.
    let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSans-Regular.ttf");
    let my_font = dir.write("fonts/My Font.ttf", "");
    std::fs::copy(&real, my_font).unwrap();
    std::fs::copy(&real, dir.write("Other.OTF", "")).unwrap();
    let layout = dir.write(
        "l.toml",
        "[body]\nfont = \"fonts/My Font.ttf\"\n[headline]\nfont = \"Other.OTF\"\n\
         [meta]\nfont = \"Noto Sans\"\n[heading]\nfont = \"display\"\n",
    );
    let l = load(layout.to_str().unwrap()).unwrap();
    assert_eq!(
        l.design.body.font,
        FontRef::File(dir.path().join("fonts/My Font.ttf"))
    );
    assert_eq!(
        l.design.headline.font,
        FontRef::File(dir.path().join("Other.OTF"))
    );
    assert_eq!(l.design.meta.font, FontRef::Family("Noto Sans".into()));
    assert_eq!(l.design.heading.font, FontRef::Family("display".into()));

    // A missing file is reported at the key, with the path looked at.
    let bad = dir.write("bad.toml", "[body]\nfont = \"Missing.ttf\"\n");
    let e = load(bad.to_str().unwrap()).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}:2:8: `font` in [body] names the font file `{}`, which does not exist",
            bad.display(),
            dir.path().join("Missing.ttf").display()
        )
    );
    // A directory is not a font file.
    let bad = dir.write("bad2.toml", "[body]\nfont = \"fonts/\"\n");
    let e = load(bad.to_str().unwrap()).unwrap_err().to_string();
    assert!(e.contains("which is not a file"), "{e}");
}

// --- Helpers -----------------------------------------------------------------

#[test]
fn edit_distance_and_suggestions() {
    assert_eq!(distance("", ""), 0);
    assert_eq!(distance("colums", "columns"), 1);
    assert_eq!(distance("centre", "center"), 1); // a swap counts once
    assert_eq!(distance("kitten", "sitting"), 3);
    assert_eq!(distance("abc", ""), 3);
    assert_eq!(suggest("Colums", &["paper", "columns"]), Some("columns"));
    assert_eq!(suggest("xyz", &["paper", "columns"]), None);
    assert_eq!(suggest("a8", &["a4", "a5"]), None);
}

#[test]
fn errors_name_the_key_and_section_that_hold_the_value() {
    // A number that is not finite is reported in its own section, not
    // always in [linebreak].
    let e = error_of("[print]\nink-limit = nan");
    assert!(
        e.contains("`ink-limit` in [print] must be a finite number"),
        "{e}"
    );
    let e = error_of("[print]\nmin-dpi = inf");
    assert!(
        e.contains("`min-dpi` in [print] must be a finite number"),
        "{e}"
    );
    // The body's size limits are named for themselves, not for `size`.
    let e = error_of("[body]\nmin-size = \"0.01pt\"");
    assert!(
        e.starts_with("test.toml:2:12: `min-size` in [body] must be between"),
        "{e}"
    );
    let e = error_of("[body]\nmax-size = \"100pt\"");
    assert!(
        e.contains("`max-size` in [body] must be between 4pt and 72pt"),
        "{e}"
    );
}

#[test]
fn every_key_of_the_wrong_type_is_named_with_its_section_and_type() {
    // Each key declared in keys.rs, given a table where it wants something
    // else, is reported by its own name and section with what it takes.
    for (section, keys) in SECTIONS {
        for key in *keys {
            let header = if *section == "image" {
                "[[image]]".to_string()
            } else {
                format!("[{section}]")
            };
            let e = error_of(&format!("{header}\n{key} = {{ a = 1 }}\n"));
            let expected = super::keys::expected(section, key).unwrap();
            let label = super::raw::label(section);
            assert!(
                e.contains(&format!(
                    "`{key}` in {label} must be {expected}, not a table"
                )),
                "{section}.{key}: {e}"
            );
        }
    }
}

#[test]
fn band_text_must_stand_out_from_the_band() {
    let e = error_of("[band]\ncolor = \"#ff0000\"\ntext-color = \"#ff2020\"");
    assert!(
        e.starts_with("test.toml:3:14: `text-color` in [band] would print text that cannot be read on the band's colour"),
        "{e}"
    );
    // Changing only the field reports it where it was changed.
    let e = error_of("[band]\ncolor = \"#ffffff\"");
    assert!(
        e.starts_with("test.toml:2:9: `text-color` in [band]"),
        "{e}"
    );
    assert!(parse_str("[band]\ncolor = \"cmyk(0,100,100,0)\"").is_ok());
}

// Sealed layouts (`parse_sealed`): sent from elsewhere, they may not name
// files on this machine.

/// The error of a sealed layout that must fail, as displayed.
fn sealed_error(source: &str) -> String {
    match parse_sealed(source, "sent.toml") {
        Ok(l) => panic!("expected a sealed layout to fail:\n{source}\ngot {l:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_sealed_layout_names_no_font_picture_or_profile_file() {
    // The same file must be refused whether it exists or not, so that the
    // answer says nothing about this machine's files.
    for path in ["/etc/passwd", "/no/such/file.ttf"] {
        let e = sealed_error(&format!("[body]\nfont = \"{path}\"\n"));
        assert!(e.starts_with("sent.toml:2:8: "), "{e}");
        assert!(e.contains("may not name files"), "{e}");
        let e = sealed_error(&format!("[body]\nfallback = [\"sans\", \"{path}\"]\n"));
        assert!(e.contains("may not name files"), "{e}");
        let e = sealed_error(&format!("[[image]]\nfile = \"{path}\"\n"));
        assert!(e.starts_with("sent.toml:2:8: "), "{e}");
        let e = sealed_error(&format!("[print]\nicc-profile = \"{path}\"\n"));
        assert!(e.contains("may not name files"), "{e}");
    }
    for key in ["headline", "meta", "heading", "band"] {
        let e = sealed_error(&format!("[{key}]\nfont = \"x.otf\"\n"));
        assert!(e.contains("may not name files"), "{key}: {e}");
    }
}

#[test]
fn a_sealed_layout_extends_built_in_layouts_only() {
    let dir = TempDir::new();
    let parent = dir.write("parent.toml", "[page]\ncolumns = 3\n");
    for value in [
        parent.display().to_string(),
        "parent.toml".into(),
        "parent".into(),
    ] {
        let e = sealed_error(&format!("extends = \"{value}\"\n"));
        assert!(e.starts_with("sent.toml:1:11: "), "{e}");
        assert!(e.contains("not a built-in layout"), "{e}");
    }
    let l = parse_sealed(
        "extends = \"a5-flyer\"\n[page]\ncolumns = 2\n[body]\nfont = \"sans\"\n",
        "sent.toml",
    )
    .unwrap();
    assert_eq!(l.design.page.columns, 2);
    assert_eq!(
        l.design.page.paper,
        load("a5-flyer").unwrap().design.page.paper
    );
    assert!(l.sources.is_empty(), "{:?}", l.sources);
    assert!(l.files().is_empty());
}

#[test]
fn a_sealed_layout_reads_like_any_other_otherwise() {
    let source = "[page]\nmargin = \"20mm\"\n[print]\nfor = \"copyshop\"\n";
    let sealed = parse_sealed(source, "sent.toml").unwrap();
    let open = parse(source, "sent.toml", Path::new("")).unwrap();
    assert_eq!(sealed.design, open.design);
    assert_eq!(sealed.print.target, open.print.target);
}
