//! Right-to-left statements (issue #15): Arabic set in visual order with
//! its text layer in reading order, pages mirrored, never hyphenated.

use std::process::Command;

use handbill::statement::Format;
use handbill::{layout, BuildRequest};

mod support;

/// An Arabic statement with a number and a Latin name inside its text.
const ARABIC: &str = "+++\nlang = \"ar\"\n+++\n\n# اجتماع السكان\n\n\
نلتقي يوم السبت 25 نيسان مع المهندس Karim Haddad أمام المدرسة الابتدائية في الحي. \
سنكتب معا رسالة إلى البلدية ونختار وفدا يحملها إليها ويطالب بجدول عادل لتوزيع الماء على كل البيوت.\n\n\
الماء حق لكل بيت.\n";

fn build(text: &str, layout: &str) -> handbill::BuildOutput {
    let layout = layout::load(layout).unwrap();
    handbill::build(&BuildRequest::new(text.as_bytes(), "t.md", &layout))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn poppler(pdf: &[u8], tag: &str, args: &[&str]) -> String {
    let path = support::ScratchFile::with("handbill-rtl-", &format!("{tag}.pdf"), pdf);
    let out = Command::new("pdftotext")
        .args(args)
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed for this test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext's text without the directional formatting characters it
/// wraps runs in, and without Arabic vowel signs (it reads a sign placed
/// over its letter before the letter).
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{064B}'..='\u{065F}' | '\u{0670}'))
        .collect()
}

#[test]
fn arabic_text_layer_reads_in_logical_order() {
    let out = build(ARABIC, "a4-leaflet");
    let text = plain(&poppler(&out.pdf, "order", &["-enc", "UTF-8"]));
    // The words in reading order, the number and the name among them.
    let mut last = 0;
    for word in [
        "نلتقي يوم السبت",
        "25",
        "نيسان",
        "Karim",
        "Haddad",
        "أمام المدرسة",
    ] {
        let at = text[last..]
            .find(word)
            .unwrap_or_else(|| panic!("“{word}” not after byte {last} in:\n{text}"));
        last += at + word.len();
    }
}

/// The number in attribute `name` of a tag of pdftotext's box output.
fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    tag[at..].split('"').next().unwrap().parse().unwrap()
}

/// The boxes of the PDF's lines and words as (x min, x max, text) in
/// points (a line's text is empty), and the page width.
fn boxes(pdf: &[u8], tag: &str) -> (Vec<(f64, f64, String)>, f64) {
    let html = poppler(pdf, tag, &["-bbox-layout"]);
    let page = html.lines().find(|l| l.contains("<page ")).unwrap();
    let boxes = html
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with("<line ") || l.starts_with("<word "))
        .map(|l| {
            let text = l.split('>').nth(1).unwrap_or("").split('<').next().unwrap();
            (attr(l, "xMin"), attr(l, "xMax"), text.to_string())
        })
        .collect();
    (boxes, attr(page, "width"))
}

#[test]
fn arabic_starts_in_the_right_column_and_ends_lines_flush_right() {
    // Up to 14pt this short text stays in the leaflet's two columns; larger,
    // it would go across the page in one.
    let layout = support::a4_leaflet_at_most_14pt();
    let out = handbill::build(&BuildRequest::new(ARABIC.as_bytes(), "t.md", &layout))
        .unwrap_or_else(|e| panic!("{e}"));
    let (boxes, width) = boxes(&out.pdf, "mirror");
    // The first word of the body stands in the right-hand column (the
    // boxes give a word's letters in visual order).
    let first = boxes
        .iter()
        .find(|b| b.2.chars().rev().collect::<String>() == "نلتقي")
        .expect("first word");
    assert!(
        first.0 > width / 2.0,
        "first column not on the right: {first:?}"
    );
    // Below the headline, every line of a column ends at the column's
    // right edge: the justified ones and the short last lines of both
    // paragraphs (in the left-hand column here).
    let lines: Vec<_> = boxes.iter().filter(|b| b.2.is_empty()).skip(1).collect();
    for right_column in [true, false] {
        let column: Vec<_> = lines
            .iter()
            .filter(|l| (l.0 > width / 2.0) == right_column)
            .collect();
        assert!(column.len() >= 2, "{lines:?}");
        let edge = column.iter().map(|l| l.1).fold(0.0, f64::max);
        for l in &column {
            assert!((edge - l.1).abs() < 1.5, "not flush right: {l:?} vs {edge}");
        }
        // A last line there is short: flush right, not merely justified.
        if !right_column {
            assert!(column.iter().any(|l| l.1 - l.0 < width / 4.0), "{column:?}");
        }
    }
}

#[test]
fn an_arabic_trifold_folds_the_other_way() {
    // Read from the right, the sheet's cover is the outside's left panel,
    // and the body starts on the inside's right one.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/ar-mayah.md"),
    )
    .unwrap();
    let out = build(&text, "a4-trifold");
    let width = 841.89;
    // Each word's left and right edge on page `n`, as poppler finds them.
    let words = |n: &str| -> Vec<(f64, f64)> {
        let html = poppler(&out.pdf, &format!("fold-{n}"), &["-bbox", "-f", n, "-l", n]);
        html.split("<word ")
            .skip(1)
            .map(|w| (attr(w, "xMin"), attr(w, "xMax")))
            .collect()
    };
    let outside = words("1");
    assert!(!outside.is_empty());
    for w in &outside {
        assert!(w.1 < width / 3.0, "outside word off the cover: {w:?}");
    }
    let inside = words("2");
    let first = inside.first().expect("words inside");
    assert!(first.0 > width * 2.0 / 3.0, "body starts at {first:?}");
}

#[test]
fn arabic_is_never_hyphenated() {
    // Long Latin words inside Arabic in a narrow column: breaking them
    // with a hyphen is what a hyphenator would do.
    let long = "internationalization ".repeat(12);
    let text =
        format!("+++\nlang = \"ar\"\n+++\n\nكتبنا {long} في الرسالة إلى البلدية وإلى الشركة.\n");
    let out = build(&text, "a6-handout");
    assert!(
        !out.warnings
            .iter()
            .any(|w| w.message.contains("hyphenation")),
        "{:?}",
        out.warnings
    );
    let layer = plain(&poppler(&out.pdf, "hyphen", &["-enc", "UTF-8"]));
    for line in layer.lines() {
        assert!(!line.trim_end().ends_with('-'), "hyphenated: {line}");
    }
}

/// Every right-to-left sample, on every layout, has its statement's words
/// in the text layer, each word's letters in reading order. (The order of
/// words is checked above, on one column's worth: over whole pages
/// pdftotext guesses columns, and now and then it pulls a word's last
/// letter after a vowel sign onto another line, so up to one word in 50
/// may be missed; text set in visual order misses nearly all.)
#[test]
fn rtl_samples_hold_their_words_on_every_layout() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("samples")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if !["ar-", "fa-", "he-"].iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // The statement's body, after the front matter, as words of
        // letters and digits only.
        let body = source.rsplit("+++").next().unwrap();
        let words: Vec<String> = plain(body)
            .split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        for layout in layout::builtin_names() {
            let out = build(&source, layout);
            let text = plain(&poppler(
                &out.pdf,
                &format!("{name}-{layout}"),
                &["-enc", "UTF-8"],
            ));
            // Letters and digits only: pdftotext moves a space or a colon
            // next to a number inside right-to-left text.
            let text: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
            let missed: Vec<&String> = words
                .iter()
                .filter(|w| !text.contains(w.as_str()))
                .collect();
            assert!(
                missed.len() * 50 <= words.len(),
                "{name} on {layout}: {} of {} words not found: {missed:?}",
                missed.len(),
                words.len()
            );
            checked += 1;
        }
    }
    assert!(checked >= 3 * 8, "{checked}");
}

/// The base font names `pdffonts` lists for a PDF.
fn font_names(pdf: &[u8], tag: &str) -> Vec<String> {
    let path = support::ScratchFile::with("handbill-rtl-", &format!("{tag}.pdf"), pdf);
    let out = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts (poppler-utils) is needed for this test");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|name| name.split_once('+').map_or(name, |(_, n)| n).to_string())
        .collect()
}

#[test]
fn arabic_headlines_are_set_in_the_sans_and_text_in_naskh() {
    // The A4 leaflet sets its headline in bold Noto Sans and its text in
    // Noto Serif: Arabic follows, sans beside the sans, Naskh beside the
    // serif.
    let fonts = font_names(&build(ARABIC, "a4-leaflet").pdf, "faces");
    let has = |name: &str| fonts.iter().any(|f| f == name);
    assert!(has("NotoSansArabic-Bold"), "{fonts:?}");
    assert!(!has("NotoNaskhArabic-Bold"), "{fonts:?}");
    assert!(has("NotoNaskhArabic-Regular"), "{fonts:?}");
}

#[test]
fn a_kerned_first_letter_keeps_a_hebrew_line_inside_its_column() {
    // The shaper kerns ש into its neighbour by moving it and shortening
    // its advance; the line's extent must still end at its slot, or the
    // mirrored line sticks out of the column by the kern (0.34pt here).
    let text = "+++\nlang = \"he\"\n+++\n\nשכונות ושכנים יקרים,\n\n\
                רבים מאיתנו גרים כאן יותר משלושים שנה. כאן גדלו הילדים שלנו, כאן המכולת, הגן והקופה.\n";
    let (boxes, width) = boxes(&build(text, "a4-leaflet").pdf, "kern");
    // The A4 leaflet's text area ends 15mm from the paper's right edge.
    let edge = width - 15.0 / 25.4 * 72.0;
    for b in boxes.iter().filter(|b| b.2.is_empty()) {
        assert!(b.1 <= edge + 0.05, "line ends at {} beyond {edge}", b.1);
    }
    assert!(boxes.iter().any(|b| (b.1 - edge).abs() < 0.05), "{boxes:?}");
}

#[test]
fn arabic_lines_are_justified_by_kashida_not_by_gaping_spaces() {
    // Spaces are a justified Arabic line's only other stretch: on the A4
    // leaflet's 14pt body (its largest then) they opened to 0.57 em one gap
    // in twenty (0.59 at most). Kashidas take what spaces take beyond a tenth of an em.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("samples/ar-mayah.md")).unwrap();
    let out = build(&text, "a4-leaflet");
    let size = out.body_size.to_pt();
    let html = poppler(&out.pdf, "kashida", &["-bbox-layout"]);
    let mut gaps = Vec::new();
    for line in html.split("<line ").skip(1) {
        let line = line.split("</line>").next().unwrap();
        let mut words: Vec<(f64, f64, f64)> = line
            .split("<word ")
            .skip(1)
            .map(|w| {
                let height = attr(w, "yMax") - attr(w, "yMin");
                (attr(w, "xMin"), attr(w, "xMax"), height)
            })
            .collect();
        // Body lines only: the headline's words stand twice as tall.
        if words.len() < 4 || words.iter().any(|w| w.2 > 2.0 * size) {
            continue;
        }
        words.sort_by(|a, b| a.0.total_cmp(&b.0));
        gaps.extend(words.windows(2).map(|w| (w[1].0 - w[0].1) / size));
    }
    gaps.sort_by(f64::total_cmp);
    assert!(gaps.len() > 200, "{} gaps", gaps.len());
    let p95 = gaps[gaps.len() * 95 / 100];
    let widest = gaps[gaps.len() - 1];
    assert!(
        p95 < 0.45 && widest < 0.5,
        "p95 {p95:.3} em, widest {widest:.3} em"
    );
    // The tatweels are drawn, not copied: the text has none.
    let copied = poppler(&out.pdf, "kashida-text", &["-enc", "UTF-8"]);
    assert!(!copied.contains('\u{0640}'));
}

#[test]
fn a_justified_arabic_script_paragraph_does_not_end_on_a_short_word_alone() {
    // The line breaker counts on the kashidas a line will take: with its
    // word spaces as its only stretch, a Persian paragraph on the A4
    // leaflet ended on "است." alone.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stubs = Vec::new();
    for sample in ["fa-hoghugh.md", "ar-mayah.md"] {
        let text = std::fs::read_to_string(root.join("samples").join(sample)).unwrap();
        for layout in ["a4-leaflet", "letter-leaflet"] {
            let out = build(&text, layout);
            let copied = plain(&poppler(&out.pdf, "stub", &["-enc", "UTF-8"]));
            let lines: Vec<&str> = copied.lines().map(str::trim).collect();
            for pair in lines.windows(2) {
                let [above, last] = pair else { continue };
                let letters = last.chars().filter(|c| c.is_alphabetic()).count();
                let one_word = !last.contains(' ');
                if !above.is_empty() && one_word && (1..4).contains(&letters) {
                    stubs.push(format!("{sample} on {layout}: {above} / {last}"));
                }
            }
        }
    }
    assert!(stubs.is_empty(), "{}", stubs.join("\n"));
}

#[test]
fn a_persian_half_space_is_kept_and_never_lengthened_by_a_kashida() {
    // A zero-width non-joiner ends a join inside a word ("بخش‌ها", the
    // wards): the shaper hides it, and it was dropped with its glyph, so
    // the copied text lost it and the justifier lengthened "ش" into "ه"
    // with a tatweel, a stroke no Persian reader writes.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("samples/fa-hoghugh.md")).unwrap();
    for name in ["a4-leaflet", "letter-leaflet", "a5-flyer"] {
        let layout = layout::load(name).unwrap();
        let composed = support::compose_text(&text, Format::Markdown, &layout, "fa");
        let (mut half_spaces, mut strokes) = (0, 0);
        for line in composed.pages.iter().flat_map(|p| &p.lines) {
            for run in &line.line.runs {
                for (k, g) in run.glyphs.iter().enumerate() {
                    let text = g.text.text().unwrap_or_default();
                    strokes += usize::from(g.text.text().is_none());
                    if !text.ends_with('\u{200C}') {
                        continue;
                    }
                    half_spaces += 1;
                    // Set right to left: a tatweel after the letter in
                    // reading order stands left of it, before it here.
                    let neighbours = [k.checked_sub(1), Some(k + 1)];
                    for n in neighbours.into_iter().flatten() {
                        let lengthened = run.glyphs.get(n).is_some_and(|n| n.text.text().is_none());
                        assert!(!lengthened, "{name}: a kashida at the half space of {text}");
                    }
                }
            }
        }
        assert!(half_spaces >= 40, "{name}: {half_spaces} half spaces set");
        // Fewer since words of two letters ("به", "تا") take none: the
        // A5 has ten.
        assert!(
            strokes >= 5,
            "{name}: {strokes} kashida strokes, the test needs some"
        );
    }
}

#[test]
fn an_arabic_name_in_an_english_line_is_not_drawn_longer() {
    // Kashidas justify a paragraph that reads right to left. Quoted in an
    // English one, an Arabic name was drawn out to fill the English line
    // ("Amal Haddad (أمـــل حـــداد) has lived in Leeds for", the A4
    // leaflet); its spaces take the white instead.
    let text = "# Justice for Amal Haddad\n\n\
        Amal Haddad (أمل حداد) has lived in Leeds for eleven years. She teaches \
        Arabic at the Chapeltown community school, volunteers at the food bank \
        on Mondays and looks after her neighbour, who is ninety-one. Her \
        friends (أصدقاء أمل) ask you to write to your MP today.\n";
    let (mut arabic_lines, mut strokes) = (0, 0);
    for name in ["a4-leaflet", "a6-handout", "a4-trifold"] {
        let layout = layout::load(name).unwrap();
        let composed = support::compose_text(text, Format::Markdown, &layout, "en");
        for line in composed.pages.iter().flat_map(|p| &p.lines) {
            let glyphs = line.line.runs.iter().flat_map(|r| &r.glyphs);
            let arabic = glyphs.clone().any(|g| {
                g.text
                    .text()
                    .is_some_and(|t| t.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
            });
            arabic_lines += usize::from(arabic);
            strokes += glyphs.filter(|g| g.text.text().is_none()).count();
        }
    }
    assert!(arabic_lines >= 6, "{arabic_lines} lines with Arabic");
    assert_eq!(strokes, 0, "kashida strokes in an English paragraph");
}

#[test]
fn an_arabic_paragraph_in_an_english_leaflet_ends_flush_right() {
    // The English text decides the page (left to right); the Arabic
    // paragraph reads from the right, and its short last line, and each
    // line of it on a ragged poster, ends at the column's right edge, as
    // its justified lines do.
    let text = "# Water for every home\n\n\
        The council cut the water to the east side for the third time this month. \
        We call on every tenant to come to the meeting on Thursday and bring a neighbour, \
        so that the council hears all of us at once.\n\n\
        قطعت البلدية المياه عن الجانب الشرقي للمرة الثالثة هذا الشهر. \
        ندعو كل المستأجرين إلى حضور الاجتماع يوم الخميس وإحضار جار معهم.\n\n\
        See you on Thursday.\n";
    for layout in ["a5-flyer", "a3-poster"] {
        let out = build(text, layout);
        assert_eq!(out.lang, "en", "{layout}");
        let (boxes, _) = boxes(&out.pdf, layout);
        // pdftotext's line boxes in reading order; the Arabic ones are
        // those that hold Arabic words.
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        let mut lines: Vec<(f64, f64, bool)> = Vec::new();
        for b in &boxes {
            if b.2.is_empty() {
                lines.push((b.0, b.1, false));
            } else if arabic(&b.2) {
                if let Some(l) = lines.last_mut() {
                    l.2 = true;
                }
            }
        }
        let ar: Vec<_> = lines.iter().filter(|l| l.2).collect();
        let en_right = lines
            .iter()
            .filter(|l| !l.2)
            .map(|l| l.1)
            .fold(0.0, f64::max);
        assert!(ar.len() >= 2, "{layout}: {lines:?}");
        for l in &ar {
            assert!(
                (en_right - l.1).abs() < 2.0,
                "{layout}: an Arabic line not flush right: {l:?}, the column ends at {en_right}"
            );
        }
        // Its last line is short: flush right, not merely justified.
        let last = ar.last().unwrap();
        assert!(last.0 > lines[0].0 + 20.0, "{layout}: {ar:?}");
    }
}

#[test]
fn an_english_paragraph_in_an_arabic_leaflet_starts_flush_left() {
    // The mirror image of the test above: the Arabic text decides the page
    // (right to left, mirrored once composed), and an English paragraph
    // in it reads from the left, so its short last line, and each line
    // on a ragged poster, starts at its column's left edge. Long enough
    // for two columns on the leaflet: a line in the left-hand column once
    // had its origin left of the page, as far as its ink had moved.
    let arabic = "قطعت البلدية المياه عن الجانب الشرقي للمرة الثالثة هذا الشهر. \
        ندعو كل المستأجرين إلى حضور الاجتماع يوم الخميس وإحضار جار معهم، \
        حتى تسمعنا البلدية كلنا معا.";
    let english = "The council cut the water to the east side for the third time \
        this month. We call on every tenant to come to the meeting on Thursday.";
    let mut text = String::from("+++\nlang = \"ar\"\n+++\n# الماء حق لكل بيت\n\n");
    for _ in 0..6 {
        text.push_str(&format!("{arabic}\n\n{english}\n\n"));
    }
    let leaflet = support::a4_leaflet_at_most_14pt();
    let poster = layout::load("a3-poster").unwrap();
    for (name, layout) in [("a4-leaflet", &leaflet), ("a3-poster", &poster)] {
        let out = handbill::build(&BuildRequest::new(text.as_bytes(), "t.md", layout))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(out.lang, "ar", "{name}");
        let (boxes, width) = boxes(&out.pdf, name);
        // Line boxes, each marked English when its first word is Latin.
        let mut lines: Vec<(f64, f64, Option<bool>)> = Vec::new();
        for b in &boxes {
            if b.2.is_empty() {
                lines.push((b.0, b.1, None));
            } else if let Some(l) = lines.last_mut() {
                if l.2.is_none() {
                    l.2 = Some(b.2.chars().any(|c| c.is_ascii_alphabetic()));
                }
            }
        }
        let mut short = 0;
        for half in [true, false] {
            let column: Vec<_> = lines
                .iter()
                .filter(|l| (l.0 < width / 2.0) == half)
                .collect();
            let Some(left) = column.iter().map(|l| l.0).reduce(f64::min) else {
                continue;
            };
            let right = column.iter().map(|l| l.1).fold(0.0, f64::max);
            for l in column.iter().filter(|l| l.2 == Some(true)) {
                assert!(
                    (l.0 - left).abs() < 2.0,
                    "{name}: an English line not flush left: {l:?}, the column starts at {left}"
                );
                if l.1 < right - 20.0 {
                    short += 1;
                }
            }
        }
        assert!(short >= 2, "{name}: no short English line: {lines:?}");
    }
}
