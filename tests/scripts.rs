//! Issue #15: scripts without spaces between words, and Chinese, Japanese
//! and Korean from the system's fonts (`.ci/run` installs fonts-noto-cjk).
//! The samples' text layers on every layout are checked in e2e.rs; here,
//! where their lines break.

mod support;

use std::path::Path;
use std::process::Command;

use support::{root, tool, ScratchFile};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_handbill"))
}

/// Builds `sample` on `layout` into a temporary file, removed when it
/// drops.
fn build(sample: &str, layout: &str) -> ScratchFile {
    let out = ScratchFile::new("handbill-scripts-", &format!("{sample}-{layout}.pdf"));
    let o = bin()
        .arg("build")
        .arg(root().join("samples").join(sample))
        .args(["--layout", layout, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{sample} on {layout}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// The PDF's lines as pdftotext reads them, without empty ones.
fn lines(pdf: &Path) -> Vec<String> {
    let (ok, text, err) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(ok, "{err}");
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

const LAYOUTS: &[&str] = &["a4-leaflet", "a5-flyer", "a6-handout", "a3-poster"];

#[test]
fn chinese_and_japanese_lines_keep_punctuation_where_kinsoku_puts_it() {
    let no_start = [
        '。', '、', '，', '」', '）', '；', '：', '！', '？', 'ッ', 'ー',
    ];
    let no_end = ['「', '（'];
    for sample in ["zh-hans-waimai.md", "zh-hant-gongyu.md", "ja-hoikuen.md"] {
        for layout in LAYOUTS {
            let pdf = build(sample, layout);
            let lines = lines(&pdf);
            assert!(lines.len() > 10, "{sample} on {layout}: {lines:?}");
            for l in &lines {
                assert!(
                    !l.starts_with(no_start),
                    "{sample} on {layout}: a line starts with closing punctuation: {l}"
                );
                assert!(
                    !l.ends_with(no_end),
                    "{sample} on {layout}: a line ends with an opening mark: {l}"
                );
            }
            // Long paragraphs were broken between characters, not left
            // as one unbreakable word sticking out of the column.
            assert!(lines.iter().filter(|l| l.chars().count() > 12).count() > 5);
        }
    }
}

#[test]
fn chinese_japanese_and_korean_come_from_the_system_s_noto_cjk() {
    for (sample, face) in [
        ("zh-hans-waimai.md", "CJKsc"),
        ("zh-hant-gongyu.md", "CJKtc"),
        ("ja-hoikuen.md", "CJKjp"),
        ("ko-sigeup.md", "CJKkr"),
    ] {
        let pdf = build(sample, "a4-leaflet");
        let (ok, fonts, err) = tool("pdffonts", &[pdf.to_str().unwrap()]);
        assert!(ok, "{err}");
        assert!(fonts.contains(face), "{sample}: {fonts}");
    }
}

#[test]
fn korean_breaks_at_spaces_only() {
    let text = std::fs::read_to_string(root().join("samples/ko-sigeup.md")).unwrap();
    let letters = |w: &str| -> String { w.chars().filter(|c| c.is_alphanumeric()).collect() };
    let words: std::collections::HashSet<String> = text.split_whitespace().map(letters).collect();
    for layout in LAYOUTS {
        let pdf = build("ko-sigeup.md", layout);
        for l in lines(&pdf) {
            // The first and last word of every line is a whole word of
            // the statement (punctuation aside).
            for w in [l.split_whitespace().next(), l.split_whitespace().last()]
                .into_iter()
                .flatten()
            {
                assert!(
                    words.contains(&letters(w)),
                    "{layout}: “{w}” is part of a word: {l}"
                );
            }
        }
    }
}

#[test]
fn thai_lines_break_between_words_never_inside_one() {
    // Words of the sample that are one word in the dictionary (compounds
    // such as ค่า|จ้าง, "wage", may break between their parts, as ICU
    // breaks them); none may be cut by a line end.
    let words = ["บริษัท", "ประชุม", "สมาชิก", "อากาศ", "เพื่อน"];
    for layout in LAYOUTS {
        let pdf = build("th-kaengan.md", layout);
        let lines = lines(&pdf);
        for pair in lines.windows(2) {
            let joined = format!("{}{}", pair[0], pair[1]);
            for w in words {
                let whole = pair[0].matches(w).count() + pair[1].matches(w).count();
                assert_eq!(
                    joined.matches(w).count(),
                    whole,
                    "{layout}: “{w}” split between “{}” and “{}”",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn a_missing_chinese_font_names_the_package_to_install() {
    let scratch = support::scratch_dir("handbill-scripts-nofont-");
    let dir = scratch.path();
    let layout = dir.join("latin-only.toml");
    std::fs::write(&layout, "[body]\nfallback = [\"serif\", \"sans\"]\n").unwrap();
    let statement = dir.join("zh.txt");
    std::fs::write(&statement, "团结\n\n我们要求公平的工资。\n").unwrap();
    let o = bin()
        .arg("build")
        .arg(&statement)
        .args(["--layout", layout.to_str().unwrap(), "-o"])
        .arg(dir.join("out.pdf"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("zh.txt:1:1"), "{err}");
    assert!(err.contains("fonts-noto-cjk"), "{err}");
    assert!(!dir.join("out.pdf").exists());
}

#[test]
fn indic_words_come_out_of_the_text_layer_whole() {
    // A cluster whose glyphs carry their text as /ActualText once ended
    // its span at a vowel sign drawn back under its letter, and pdftotext
    // read the gap to the next letter as a space: "स्कू ल", "নতু ন".
    let strip = |w: &str| -> String {
        w.trim_matches(|c: char| c.is_ascii_punctuation() || "“”‘’।॥–—".contains(c))
            .to_string()
    };
    for sample in ["hi-pani.md", "bn-nouka.md", "ta-meenavar.md"] {
        let source = std::fs::read_to_string(root().join("samples").join(sample)).unwrap();
        let words: std::collections::HashSet<String> =
            source.split_whitespace().map(strip).collect();
        for layout in ["a4-leaflet", "a5-flyer"] {
            let pdf = build(sample, layout);
            let (ok, text, err) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
            assert!(ok, "{err}");
            // A word hyphenated at a line's end is put back together.
            let text = text.replace("\u{AD}\n", "").replace("-\n", "");
            let split: Vec<String> = text
                .split_whitespace()
                .map(strip)
                .filter(|w| !w.is_empty() && !words.contains(w))
                .collect();
            assert!(split.is_empty(), "{sample} on {layout}: {split:?}");
        }
    }
}

#[test]
fn indic_words_copy_by_the_font_map_alone() {
    // MuPDF's text (and pdfminer's, and PDF.js's) reads each glyph's
    // ToUnicode entry and never /ActualText. Each glyph's entry is the
    // character the font draws it for, so a word whose letters are drawn
    // in their written order copies whole: हर घर को साफ़ पानी, where
    // entries by cluster once gave "क� स�फ़ पा�न�" (310 of these 384
    // Hindi words lost). A vowel sign drawn before its letter (कि, কে)
    // comes out in drawing order, which no map can mend; those words
    // are left out. The few still lost are conjuncts drawn with a mark
    // of their own (स्कूल), whose parts the font does not name.
    let strip = |w: &str| -> String {
        w.trim_matches(|c: char| c.is_ascii_punctuation() || "“”‘’।॥–—".contains(c))
            .to_string()
    };
    let drawn_before = |w: &str| {
        w.contains(|c| {
            "\u{93F}\u{9BF}\u{9C7}\u{9C8}\u{9CB}\u{9CC}\u{BC6}\u{BC7}\u{BC8}\u{BCA}\u{BCB}\u{BCC}"
                .contains(c)
        }) || w.contains("र्")
            || w.contains("র্")
    };
    for sample in ["hi-pani.md", "bn-nouka.md", "ta-meenavar.md"] {
        let pdf = build(sample, "a4-leaflet");
        let (ok, text, err) = tool(
            "mutool",
            &["draw", "-q", "-F", "txt", pdf.to_str().unwrap()],
        );
        assert!(ok, "{err}");
        let copied: std::collections::HashSet<String> =
            text.split_whitespace().map(strip).collect();
        let source = std::fs::read_to_string(root().join("samples").join(sample)).unwrap();
        let body = source.rsplit("+++").next().unwrap();
        let words: Vec<String> = body
            .split_whitespace()
            .map(strip)
            .filter(|w| !w.is_empty() && !w.is_ascii() && !drawn_before(w))
            .collect();
        let lost: Vec<&String> = words.iter().filter(|w| !copied.contains(*w)).collect();
        assert!(
            lost.len() * 20 <= words.len(),
            "{sample}: {} of {} words lost: {lost:?}",
            lost.len(),
            words.len()
        );
    }
}

#[test]
fn adjacent_full_width_punctuation_closes_up_to_half_an_em() {
    use handbill::statement::Format;
    // "。」" and "」「": the full stop before the closing bracket, and the
    // opening bracket after it, are set half-width (the font's `halt`);
    // a full stop before a letter keeps its whole square.
    let text = "先生は「はい。」「いいえ。」と答えた。子どもたちに伝えた。";
    // At the flyer's own size, not fitted: the two sentences on one line.
    let mut layout = handbill::layout::load("a5-flyer").unwrap();
    layout.design.body.fit = None;
    let composed = support::compose_text(text, Format::Plain, &layout, "ja");
    // Each glyph's text, x and size, and its line.
    let glyphs: Vec<(String, f64, f64, usize)> = composed.pages[0]
        .lines
        .iter()
        .enumerate()
        .flat_map(|(k, l)| l.line.runs.iter().map(move |r| (k, r)))
        .flat_map(|(k, r)| {
            r.glyphs.iter().map(move |g| {
                let text = g.text.text().unwrap_or_default().to_string();
                (text, g.x.to_pt(), r.size.to_pt(), k)
            })
        })
        .collect();
    // The advance from each glyph to the next on its line, in ems, by
    // their texts.
    let step = |a: &str, b: &str| -> f64 {
        let k = glyphs
            .windows(2)
            .position(|w| w[0].0 == a && w[1].0 == b && w[0].3 == w[1].3)
            .unwrap_or_else(|| panic!("no “{a}{b}” in {glyphs:?}"));
        (glyphs[k + 1].1 - glyphs[k].1) / glyphs[k].2
    };
    // Justifying may spread the characters by a few hundredths of an em.
    assert!((step("。", "」") - 0.5).abs() < 0.1, "{}", step("。", "」"));
    assert!((step("い", "。") - 1.0).abs() < 0.1, "{}", step("い", "。"));
    assert!((step("た", "。") - 1.0).abs() < 0.1);
    assert!((step("。", "子") - 1.0).abs() < 0.1, "{}", step("。", "子"));
    // The opening bracket after a closing one: half its square is gone,
    // so the step from the closing bracket to the next letter is 1.5 em.
    let i = (1..glyphs.len())
        .find(|&i| glyphs[i - 1].0 == "」" && glyphs[i].0 == "「")
        .unwrap();
    let to_letter = (glyphs[i + 1].1 - glyphs[i - 1].1) / glyphs[i].2;
    assert!((to_letter - 1.5).abs() < 0.1, "{to_letter}");
}

#[test]
fn chinese_and_japanese_paragraphs_end_on_more_than_a_stub() {
    // A paragraph's last line of one or two characters and its full stop
    // ("定。", "努力。") is what Chinese and Japanese typesetters pull a few
    // characters down to avoid. pdftotext gives a paragraph's lines one
    // after another, so a stub is a short line ending a sentence after a
    // line of text.
    let ends = ['。', '！', '？', '」', '）'];
    let mut stubs = Vec::new();
    for sample in ["zh-hans-waimai.md", "zh-hant-gongyu.md", "ja-hoikuen.md"] {
        for layout in LAYOUTS {
            let pdf = build(sample, layout);
            let (ok, text, err) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
            assert!(ok, "{err}");
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            for pair in lines.windows(2) {
                let letters = pair[1].chars().filter(|c| c.is_alphanumeric()).count();
                if !pair[0].is_empty() && pair[1].ends_with(ends) && letters < 3 {
                    stubs.push(format!("{sample} on {layout}: {} / {}", pair[0], pair[1]));
                }
            }
        }
    }
    assert!(stubs.is_empty(), "stub last lines:\n{}", stubs.join("\n"));
}

#[test]
fn a_narrow_hindi_list_item_does_not_end_on_a_short_word_alone() {
    // A list item's lines on the A4 leaflet are 15 ems of 15pt type: a
    // sixth of that let "उठाए।" (three syllables) stand alone under "4.
    // बीमार बच्चों के इलाज का ख़र्च नगर निगम". A last line must now be three
    // ems wide too. pdftotext gives a paragraph's lines one after another.
    let mut stubs = Vec::new();
    for layout in ["a4-leaflet", "tabloid-poster"] {
        let pdf = build("hi-pani.md", layout);
        let all = lines(&pdf);
        for pair in all.windows(2) {
            let [above, last] = pair else { continue };
            let letters = last.chars().filter(|c| c.is_alphabetic()).count();
            if !last.contains(' ') && last.ends_with('।') && letters < 5 {
                stubs.push(format!("{layout}: {above} / {last}"));
            }
        }
    }
    assert!(stubs.is_empty(), "{}", stubs.join("\n"));
}

/// Lines of full-width characters only in the PDF: the characters of
/// each, its width and its type size, from pdftotext's word boxes (a line
/// without spaces is one word).
fn ideograph_lines(pdf: &Path) -> Vec<(String, f64, f64)> {
    let (ok, text, err) = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    assert!(ok, "{err}");
    text.split("<word ")
        .skip(1)
        .filter_map(|word| {
            let attr = |name: &str| -> f64 {
                let at = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                word[at..].split('"').next().unwrap().parse().unwrap()
            };
            let chars = word.split('>').nth(1)?.split('<').next()?.to_string();
            let full = chars.chars().all(|c| c >= '\u{3000}');
            full.then(|| {
                (
                    chars,
                    attr("xMax") - attr("xMin"),
                    attr("yMax") - attr("yMin"),
                )
            })
        })
        .collect()
}

/// [`ideograph_lines`] of ten characters or more: lines long enough to
/// show how they were justified.
fn long_ideograph_lines(pdf: &Path) -> Vec<(String, f64, f64)> {
    let mut lines = ideograph_lines(pdf);
    lines.retain(|(chars, _, _)| chars.chars().count() >= 10);
    lines
}

#[test]
fn chinese_and_japanese_lines_are_set_solid_on_a_measure_of_whole_characters() {
    // A line of characters an em wide fills a measure of whole ems exactly:
    // the body size is chosen so that the column holds a whole number of
    // them, list items hang by whole characters, and the fonts' kerning
    // (Noto Serif CJK widens "ん。") is off. On the tri-fold's panels, which
    // held 17.9 ems, every line was spread by some 0.05 em a gap.
    for sample in ["zh-hans-waimai.md", "zh-hant-gongyu.md", "ja-hoikuen.md"] {
        for layout in ["a4-trifold", "a5-flyer", "letter-leaflet"] {
            let pdf = build(sample, layout);
            let lines = long_ideograph_lines(&pdf);
            let solid = lines
                .iter()
                .filter(|(chars, width, size)| {
                    (chars.chars().count() as f64 * size - width).abs() < 0.5
                })
                .count();
            assert!(
                solid * 10 >= lines.len() * 7,
                "{sample} on {layout}: {solid} of {} lines set solid",
                lines.len()
            );
        }
    }
}

#[test]
fn no_line_of_chinese_or_japanese_is_visibly_letter_spaced() {
    // Justifying spreads a line of ideographs between its characters; more
    // than about a sixteenth of an em reads as letter-spacing. A paragraph
    // once spread its first line by 0.13 em a gap to carry three
    // characters down to a short last line.
    let mut spread = Vec::new();
    for sample in ["zh-hans-waimai.md", "zh-hant-gongyu.md", "ja-hoikuen.md"] {
        for layout in ["a4-leaflet", "letter-leaflet", "a4-trifold", "a3-poster"] {
            let pdf = build(sample, layout);
            for (chars, width, size) in long_ideograph_lines(&pdf) {
                let n = chars.chars().count() as f64;
                let gap = (width - n * size) / (n - 1.0) / size;
                if gap > 0.08 {
                    spread.push(format!("{sample} on {layout}: {gap:.3} em in {chars}"));
                }
            }
        }
    }
    assert!(spread.is_empty(), "{}", spread.join("\n"));
}

#[test]
fn a_justified_chinese_line_takes_in_a_character_by_closing_up_its_punctuation() {
    // JLREQ's first means of fitting a line: the white half of a comma or
    // full stop. The Letter leaflet's measure of 38 ems (a whole number of
    // characters, each an em wide) then holds lines of 39 and 40
    // characters that have marks to close up.
    let pdf = build("zh-hans-waimai.md", "letter-leaflet");
    let mut taken_in = 0;
    // Lines of full-width characters only: digits and quotation marks are
    // narrower.
    for (chars, width, size) in ideograph_lines(&pdf) {
        let ems = chars.chars().count() as f64;
        if ems * size > width + 1.0 {
            assert!(
                chars.contains(['，', '。', '、']),
                "a line narrower than its characters without marks to close: {chars}"
            );
            taken_in += 1;
        }
    }
    assert!(taken_in > 0, "no line took in a character");
}

#[test]
fn a_chinese_line_takes_in_a_character_by_ending_on_a_half_width_mark() {
    // A comma or full stop may not start a line (kinsoku), so a line one
    // character short of taking "话，" pushed the character down and
    // spread the rest. JLREQ takes it in instead, the line-end mark set
    // half-width: its white half past the measure, its ink inside. In
    // pdftotext's boxes (which take a glyph's full advance) such a line
    // reaches half an em past the column's full lines.
    let mut trimmed = Vec::new();
    for layout in ["a4-trifold", "a5-flyer", "a6-handout"] {
        let pdf = build("zh-hans-waimai.md", layout);
        let lines = long_ideograph_lines(&pdf);
        let mut widths = std::collections::BTreeMap::new();
        for (_, width, _) in &lines {
            *widths.entry((width * 10.0).round() as i64).or_insert(0) += 1;
        }
        let measure = widths.iter().max_by_key(|(_, n)| **n).unwrap().0;
        let measure = *measure as f64 / 10.0;
        for (chars, width, size) in &lines {
            let past = (width - measure) / size;
            if past > 0.05 {
                assert!(
                    chars.ends_with(['，', '。', '、']) && past < 0.55,
                    "{layout}: a line {past:.2} em past its column: {chars}"
                );
                trimmed.push(chars.clone());
            }
        }
    }
    assert!(!trimmed.is_empty(), "no line ended on a half-width mark");
}

#[test]
fn khmer_clusters_with_a_lowered_subscript_come_out_of_the_text_layer_whole() {
    // ផ្ទះ is a letter, a subscript drawn below the baseline and a
    // visarga. The lowered glyph has a run of its own, which once cut the
    // cluster in three and left the visarga outside its text's span:
    // pdftotext read "ផ្ទះ របស់", "រុះ រើ".
    for layout in ["a4-leaflet", "a5-flyer", "tabloid-poster"] {
        let pdf = build("km-dei.md", layout);
        let (ok, text, err) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(ok, "{err}");
        // Khmer lines break between words without a space.
        let joined: String = text.lines().map(str::trim).collect();
        for word in ["ខ្លះត្រូវ", "ផ្ទះរបស់", "រុះរើ", "ចុះហត្ថលេខា"]
        {
            assert!(joined.contains(word), "{layout}: {word} is not whole");
        }
    }
}

/// A call to a meeting in each script the fallback chain bundles since
/// Devanagari, Bengali and Tamil: "All workers, meet on Saturday at ten
/// in front of the town hall. We demand higher wages. Come together."
const SOUTH_ASIAN: &[(&str, &str)] = &[
    ("te", "కార్మికులందరూ శనివారం ఉదయం పది గంటలకు టౌన్ హాల్ వద్ద సమావేశం కావాలి. మా జీతాలు పెంచాలని యాజమాన్యాన్ని డిమాండ్ చేస్తున్నాం. అందరూ కలిసి రండి."),
    ("kn", "ಎಲ್ಲಾ ಕಾರ್ಮಿಕರು ಶನಿವಾರ ಬೆಳಿಗ್ಗೆ ಹತ್ತು ಗಂಟೆಗೆ ಪುರಭವನದ ಮುಂದೆ ಸೇರಬೇಕು. ನಮ್ಮ ಸಂಬಳ ಹೆಚ್ಚಿಸಬೇಕೆಂದು ನಾವು ಆಡಳಿತವನ್ನು ಒತ್ತಾಯಿಸುತ್ತೇವೆ. ಎಲ್ಲರೂ ಒಟ್ಟಿಗೆ ಬನ್ನಿ."),
    ("ml", "എല്ലാ തൊഴിലാളികളും ശനിയാഴ്ച രാവിലെ പത്തു മണിക്ക് ടൗൺ ഹാളിന് മുന്നിൽ ഒത്തുചേരണം. ഞങ്ങളുടെ ശമ്പളം വർദ്ധിപ്പിക്കണമെന്ന് ഞങ്ങൾ മാനേജ്മെന്റിനോട് ആവശ്യപ്പെടുന്നു. എല്ലാവരും ഒരുമിച്ച് വരിക."),
    ("gu", "બધા કામદારોએ શનિવારે સવારે દસ વાગ્યે ટાઉન હોલ સામે ભેગા થવું. અમે માંગ કરીએ છીએ કે અમારો પગાર વધારવામાં આવે. બધા સાથે મળીને આવો."),
    ("pa", "ਸਾਰੇ ਮਜ਼ਦੂਰ ਸ਼ਨੀਵਾਰ ਸਵੇਰੇ ਦਸ ਵਜੇ ਟਾਊਨ ਹਾਲ ਦੇ ਸਾਹਮਣੇ ਇਕੱਠੇ ਹੋਣ। ਅਸੀਂ ਮੰਗ ਕਰਦੇ ਹਾਂ ਕਿ ਸਾਡੀਆਂ ਤਨਖਾਹਾਂ ਵਧਾਈਆਂ ਜਾਣ। ਸਾਰੇ ਮਿਲ ਕੇ ਆਓ।"),
    ("or", "ସମସ୍ତ ଶ୍ରମିକ ଶନିବାର ସକାଳ ଦଶଟାରେ ଟାଉନ ହଲ ସାମ୍ନାରେ ଏକାଠି ହୁଅନ୍ତୁ। ଆମେ ଦାବି କରୁଛୁ ଯେ ଆମର ଦରମା ବୃଦ୍ଧି କରାଯାଉ। ସମସ୍ତେ ମିଶି ଆସନ୍ତୁ।"),
    ("si", "සියලුම කම්කරුවන් සෙනසුරාදා උදේ දහයට නගර ශාලාව ඉදිරිපිට එක්රැස් වන්න. අපේ වැටුප් වැඩි කරන ලෙස අපි කළමනාකාරිත්වයෙන් ඉල්ලා සිටිමු. හැමෝම එකට එන්න."),
];

#[test]
fn telugu_kannada_malayalam_gujarati_punjabi_odia_and_sinhala_are_set_out_of_the_box() {
    // Before: "no font can show “త” (U+0C24) …" for each of them; issue
    // #15 named Telugu among the Indic scripts, and only Devanagari,
    // Bengali and Tamil were bundled.
    let scratch = support::scratch_dir("handbill-south-asian-");
    let dir = scratch.path();
    let strip = |w: &str| -> String {
        w.trim_matches(|c: char| c.is_ascii_punctuation() || "।".contains(c))
            .to_string()
    };
    for (lang, text) in SOUTH_ASIAN {
        let input = dir.join(format!("{lang}.md"));
        let body = [*text; 3].join("\n\n");
        std::fs::write(
            &input,
            format!("+++\nlang = \"{lang}\"\n+++\n\n# {lang}\n\n{body}\n"),
        )
        .unwrap();
        let words: Vec<String> = text.split_whitespace().map(strip).collect();
        for layout in ["a5-flyer", "a6-handout"] {
            let pdf = dir.join(format!("{lang}-{layout}.pdf"));
            let o = bin()
                .arg("build")
                .arg(&input)
                .args(["--layout", layout, "-o"])
                .arg(&pdf)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(o.status.success(), "{lang} on {layout}: {err}");
            // Every word comes back whole from the text layer, in order.
            let (ok, read, e) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
            assert!(ok, "{e}");
            let read = read.replace("\u{AD}\n", "").replace("-\n", "");
            let read: Vec<String> = read
                .split_whitespace()
                .map(strip)
                .filter(|w| !w.is_empty() && w != lang)
                .collect();
            let expected: Vec<String> = words
                .iter()
                .cycle()
                .take(words.len() * 3)
                .cloned()
                .collect();
            assert_eq!(read, expected, "{lang} on {layout}");
        }
    }
}

#[test]
fn chinese_with_digits_breaks_between_characters_not_as_an_address() {
    // Before: a digit made a whole clause written without spaces ("从1月1
    // 日起，平台把…") an address: it broke anywhere as a last resort, with
    // a warning for each cut, and a subtitle broke inside 社区.
    let scratch = support::scratch_dir("handbill-scripts-digits-");
    let dir = scratch.path();
    let src = dir.join("zh.md");
    let clause = "从1月1日起，平台把每单配送费从5元降到3.5元，同时把超时罚款提高到每单10元。\
                  很多骑手每天工作12小时以上，月收入却不到4000元。";
    std::fs::write(
        &src,
        format!(
            "# 外卖骑手的要求\n\n**公开会议：1月14日（星期四）晚上7点，社区文化中心**\n\n\
             各位骑手：\n\n{}\n",
            clause.repeat(3)
        ),
    )
    .unwrap();
    for layout in ["a6-handout", "a3-poster", "a4-leaflet"] {
        let pdf = dir.join(format!("{layout}.pdf"));
        let o = bin()
            .arg("build")
            .arg(&src)
            .args(["--layout", layout, "-o"])
            .arg(&pdf)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{layout}: {stderr}");
        assert!(!stderr.contains("without a hyphen"), "{layout}: {stderr}");
        for l in lines(&pdf) {
            assert!(
                !l.starts_with(['。', '、', '，', '）', '：']),
                "{layout}: a line starts with closing punctuation: {l}"
            );
        }
    }
}

#[test]
fn digits_in_text_of_another_script_take_a_face_made_for_it() {
    // The body's face is a Latin serif; Tamil, Hindi and Bengali letters
    // come from the fallback chain's sans faces, and "15" in "ஆகஸ்ட் 15"
    // stood out in the serif's figures. Their own faces have digits; the
    // Thai, Khmer and Ethiopic faces have none, and theirs come from the
    // Latin sans, the design those faces are drawn to go with.
    use handbill::statement::Format;
    let layout = handbill::layout::load("a4-leaflet").unwrap();
    for (sample, lang, script) in [
        ("ta-meenavar.md", "ta", "Tamil"),
        ("hi-pani.md", "hi", "Devanagari"),
        ("bn-nouka.md", "bn", "Bengali"),
        ("th-kaengan.md", "th", "Noto Sans"),
        ("km-dei.md", "km", "Noto Sans"),
        ("am-taxi.md", "am", "Noto Sans"),
    ] {
        let text = std::fs::read_to_string(root().join("samples").join(sample)).unwrap();
        let c = support::compose_text(&text, Format::Markdown, &layout, lang);
        let (mut in_script, mut elsewhere) = (0, Vec::new());
        for line in c.pages.iter().flat_map(|p| &p.lines) {
            // Lines of the body in the script: their letters are in its face.
            let text = line.line.text();
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
            if letters == 0 || latin > 0 {
                continue;
            }
            for run in &line.line.runs {
                let name = &c.fonts.face(run.face).name;
                for g in &run.glyphs {
                    let Some(t) = g.text.text() else { continue };
                    if t.chars().all(|c| c.is_ascii_digit()) {
                        if name.contains(script) && !name.contains("Serif") {
                            in_script += 1;
                        } else {
                            elsewhere.push(format!("{t} in {name}: {text}"));
                        }
                    }
                }
            }
        }
        assert!(elsewhere.is_empty(), "{sample}: {}", elsewhere.join("\n"));
        assert!(in_script > 0, "{sample}: no digit in a line of its script");
    }
}

#[test]
fn a_figure_set_in_one_scripts_paragraph_keeps_its_own_face_in_another() {
    // Words are remembered between paragraphs set alike; "2026" set first
    // in a Tamil paragraph's face came out in the Tamil face in the English
    // paragraph after it.
    use handbill::statement::Format;
    let text = "+++\nlang = \"en\"\n+++\n\n# Meeting\n\n\
                மீனவர்கள் கூட்டம் 2026 ஆகஸ்ட் மாதம் நடைபெறும். அனைவரும் வருக என்று அழைக்கிறோம்.\n\n\
                The fishers meet in August 2026 at the harbour hall, and everyone is welcome.\n";
    let layout = handbill::layout::load("a4-leaflet").unwrap();
    let c = support::compose_text(text, Format::Markdown, &layout, "en");
    let mut seen = Vec::new();
    for line in c.pages.iter().flat_map(|p| &p.lines) {
        let text = line.line.text();
        let tamil = text.chars().any(|c| ('\u{B80}'..='\u{BFF}').contains(&c));
        for run in &line.line.runs {
            let name = &c.fonts.face(run.face).name;
            let digits = run
                .glyphs
                .iter()
                .filter_map(|g| g.text.text())
                .any(|t| t.chars().any(|c| c.is_ascii_digit()));
            if digits {
                seen.push((tamil, name.contains("Tamil"), text.clone()));
            }
        }
    }
    assert_eq!(seen.len(), 2, "{seen:?}");
    for (tamil, in_tamil_face, text) in seen {
        assert_eq!(tamil, in_tamil_face, "figures of “{text}”");
    }
}
