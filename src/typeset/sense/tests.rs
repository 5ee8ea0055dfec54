use super::words::{clinging, trailing};
use super::*;

fn costs(text: &str, lang: &str) -> Vec<f64> {
    let words: Vec<String> = text.split_whitespace().map(String::from).collect();
    gap_costs(&words, lang)
}

/// The words after which `text` may not break, by their costs.
fn clinging_after(text: &str, lang: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    costs(text, lang)
        .iter()
        .zip(&words)
        .filter(|(c, _)| **c == CLINGING)
        .map(|(_, w)| w.to_string())
        .collect()
}

#[test]
fn the_reference_headline_clings_at_its_function_words() {
    let text = "NCP of Yugoslavia, A call for solidarity with the Serbian people in Kosovo";
    assert_eq!(
        clinging_after(text, "en"),
        ["of", "A", "for", "with", "the", "in"]
    );
    let c = costs(text, "en");
    // After the comma a clause ends: the best break of all.
    assert_eq!(c[2], AFTER_CLAUSE);
    // "call / for", "solidarity / with", "people / in": the next line
    // starts a phrase.
    assert_eq!(c[4], BEFORE_PHRASE);
    assert_eq!(c[6], BEFORE_PHRASE);
    assert_eq!(c[10], BEFORE_PHRASE);
    // "Serbian / people": an ordinary gap, which may part an adjective
    // from its noun.
    assert_eq!(c[9], WITHIN_CLAUSE);
}

#[test]
fn the_dearest_break_of_a_setting_is_read_from_its_lines() {
    let lines = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let dearest = |s: &[&str], lang| dearest_break(&lines(s), lang);
    assert_eq!(dearest(&["Save our park!"], "en"), AFTER_CLAUSE);
    assert_eq!(
        dearest(&["Fair rents now,", "repairs this year"], "en"),
        AFTER_CLAUSE
    );
    assert_eq!(
        dearest(&["Water is a right for every home", "in Al-Nuzha"], "en"),
        BEFORE_PHRASE
    );
    assert_eq!(
        dearest(&["Water is a right for every", "home in Al-Nuzha"], "en"),
        WITHIN_CLAUSE
    );
    assert_eq!(dearest(&["A call for", "solidarity"], "en"), CLINGING);
    // Without spaces the breaks cannot be read back: counted as clauses.
    assert_eq!(
        dearest(&["保育士の", "人員を増やしてください"], "ja"),
        AFTER_CLAUSE
    );
}

#[test]
fn each_language_knows_its_own_words() {
    let cases = [
        (
            "Solidarität mit dem Volk im Kosovo",
            "de",
            vec!["mit", "dem", "im"],
        ),
        ("Grève à la cantine scolaire", "fr", vec!["à", "la"]),
        (
            "Huelga en la escuela y en el barrio",
            "es",
            vec!["en", "la", "y", "en", "el"],
        ),
        (
            "Sciopero della mensa e del porto",
            "it",
            vec!["della", "e", "del"],
        ),
        ("Greve na cantina da escola", "pt", vec!["na", "da"]),
        (
            "Staking bij de gemeente van Utrecht",
            "nl",
            vec!["bij", "de", "van"],
        ),
        (
            "Plate na vreme, rad bez straha",
            "sr-Latn",
            vec!["na", "bez"],
        ),
        (
            "Плате на време, рад без страха",
            "sr-Cyrl",
            vec!["на", "без"],
        ),
        ("Забастовка в школе и на заводе", "ru", vec!["в", "и", "на"]),
        ("Απεργία για την παιδεία", "el", vec!["για", "την"]),
        ("Strajk w szkole i na poczcie", "pl", vec!["w", "i", "na"]),
        ("Stávka v nemocnici a ve škole", "cs", vec!["v", "a", "ve"]),
        // The subtitle of samples/uk-shkola.md, whose "у" ended a line.
        (
            "Збори громади: субота, 16 січня, о 10:00, у будинку культури",
            "uk",
            vec!["о", "у"],
        ),
        ("Стачка в болницата и на пощата", "bg", vec!["в", "и", "на"]),
        ("Štrajk v nemocnici a na pošte", "sk", vec!["v", "a", "na"]),
        (
            "Stavka v bolnišnici in na pošti",
            "sl",
            vec!["v", "in", "na"],
        ),
        ("Grevă la spital și în port", "ro", vec!["la", "și", "în"]),
        ("Vaga a l'escola i al barri", "ca", vec!["a", "i", "al"]),
        (
            "Strejk på sjukhuset och i hamnen",
            "sv",
            vec!["på", "och", "i"],
        ),
        (
            "Strejke på hospitalet og i havnen",
            "da",
            vec!["på", "og", "i"],
        ),
        (
            "Streik på sykehuset og i havna",
            "nb",
            vec!["på", "og", "i"],
        ),
        ("Lakko sairaalassa ja satamassa", "fi", vec!["ja"]),
        (
            "Sztrájk a kórházban és az iskolában",
            "hu",
            vec!["a", "és", "az"],
        ),
        ("Hastanede ve limanda bir grev", "tr", vec!["ve", "bir"]),
        // With its words of two syllables: "đình công" (strike), "công
        // nhân", "giáo viên".
        (
            "Đình công của công nhân và giáo viên",
            "vi",
            vec!["Đình", "của", "công", "và", "giáo"],
        ),
        (
            "Mogok di pabrik dan di pelabuhan",
            "id",
            vec!["di", "dan", "di"],
        ),
        (
            "Welga sa pabrika at sa daungan",
            "tl",
            vec!["sa", "at", "sa"],
        ),
        ("Mgomo wa walimu na madaktari", "sw", vec!["wa", "na"]),
        ("Streikas ligoninėje ir į gatves", "lt", vec!["ir", "į"]),
        ("Streiks slimnīcā un pie ostas", "lv", vec!["un", "pie"]),
        ("Streik haiglas ja sadamas", "et", vec!["ja"]),
    ];
    for (text, lang, expected) in cases {
        assert_eq!(clinging_after(text, lang), expected, "{lang}: {text}");
    }
}

#[test]
fn greek_capitals_without_accents_are_the_same_words() {
    assert_eq!(
        clinging_after("ΑΠΕΡΓΙΑ ΓΙΑ ΤΗΝ ΠΑΙΔΕΙΑ ΚΑΙ ΤΗΝ ΥΓΕΙΑ", "el"),
        ["ΓΙΑ", "ΤΗΝ", "ΚΑΙ", "ΤΗΝ"]
    );
}

#[test]
fn a_language_without_a_list_and_a_region_subtag_are_handled() {
    assert_eq!(clinging_after("Stop the war", "en-GB"), ["the"]);
    assert!(clinging_after("Stop the war", "fi").is_empty());
    assert_eq!(clinging_after("Stop the war", "EN_gb"), ["the"]);
}

#[test]
fn numbers_keep_what_they_count() {
    let c = costs("Over 50 people marched 3 km on 14 June", "en");
    // Over | 50 | people | marched | 3 | km | on | 14 | June
    assert_eq!(c[1], PHRASE, "50 people");
    assert_eq!(c[4], PHRASE, "3 km");
    assert_eq!(c[7], PHRASE, "14 June");
    assert_eq!(c[2], WITHIN_CLAUSE);
    assert_eq!(costs("Rents up 20 %", "en")[2], PHRASE);
    // An ordinal's full stop ends no sentence.
    assert_eq!(costs("Samstag, 14. März, 11 Uhr", "de")[1], PHRASE);
    assert_eq!(costs("Protest 2. aprila", "sr-Latn")[1], PHRASE);
    // A number that ends a clause lets the line end there.
    assert_eq!(costs("We are 5000, we want more", "en")[2], AFTER_CLAUSE);
    // A capitalised word keeps its number: a year, an article's; a day
    // or an hour as firmly as a function word its noun.
    let c = costs("Demonstration: Saturday 14 March, 2 pm", "en");
    assert_eq!(c[1], CLINGING, "Saturday 14");
    assert_eq!(costs("Repeal Article 5 now", "en")[1], CLINGING);
    assert_eq!(costs("Since April 2026 rents rose", "en")[1], PHRASE);
    assert_eq!(costs("Repeal Article 50 now", "en")[1], PHRASE);
    // Not a preposition, which clings harder, nor a word in lower case.
    assert_eq!(costs("On 14 June", "en")[0], CLINGING);
    assert_eq!(costs("we were 50 strong", "en")[1], WITHIN_CLAUSE);
}

#[test]
fn a_day_or_an_hour_stays_with_the_word_that_names_it() {
    // The lines under a poster's headline: a time alone on the last line
    // ("saat / 11.00"), a day cut from its weekday ("jueves / 14").
    assert_eq!(costs("Cumartesi, 23 Ocak, saat 11.00", "tr")[3], CLINGING);
    assert_eq!(
        costs("Asamblea abierta: jueves 14 de enero", "es")[2],
        CLINGING
    );
    assert_eq!(costs("ngày 24 tháng 1, lúc 8 giờ sáng", "vi")[4], CLINGING);
    assert_eq!(costs("à 18h30 devant la mairie", "fr")[0], CLINGING);
    assert_eq!(
        costs("rendez-vous 18h30 devant la mairie", "fr")[0],
        CLINGING
    );
    // An abbreviation's full stop ends no clause: "godz. / 12:00" cut
    // the hour from its time.
    let c = costs("wtorek 19 stycznia, godz. 12:00", "pl");
    assert_eq!(c[2], AFTER_CLAUSE, "after the date's comma");
    assert_eq!(c[3], PHRASE, "godz. 12:00");
    // A sentence's end before a capital stays one; a quantity is no day.
    assert_eq!(costs("We won. Next we march", "en")[1], AFTER_CLAUSE);
    assert_eq!(costs("we were 50 strong", "en")[1], WITHIN_CLAUSE);
    assert_eq!(costs("rents rose 2026 again", "en")[1], WITHIN_CLAUSE);
}

#[test]
fn a_symbol_framing_a_headline_stays_with_its_words() {
    // The A3 poster set "🚨 / EMERGENCY / RALLY 🚨".
    assert_eq!(
        costs("🚨 EMERGENCY RALLY 🚨", "en"),
        [CLINGING, WITHIN_CLAUSE, CLINGING]
    );
    // A skin tone and a variation selector are part of the symbol.
    assert_eq!(costs("✊🏾 Solidarity forever ✊🏾", "en")[2], CLINGING);
    assert_eq!(costs("★\u{FE0F} Vote No", "en")[0], CLINGING);
    // Inside the line a symbol is a word like another; a dash ends a
    // clause, and a word with a letter is no symbol.
    assert_eq!(costs("Jobs ★ Homes ★ Peace", "en")[1], WITHIN_CLAUSE);
    assert_eq!(costs("Hands off – now", "en")[2], AFTER_CLAUSE);
    assert!(!is_symbol("€500") && !is_symbol("–") && is_symbol("€"));
}

#[test]
fn two_capitalised_words_in_a_sentence_are_a_name() {
    let c = costs("Free Julian Assange now", "en");
    // The first word's capital begins the sentence, not a name.
    assert_eq!(c[0], WITHIN_CLAUSE);
    assert_eq!(c[1], PHRASE, "Julian Assange");
    // Acronyms stand on their own.
    assert_eq!(
        costs("the protest at NATO Headquarters", "en")[3],
        WITHIN_CLAUSE
    );
    // After a full stop a capital begins a sentence.
    assert_eq!(
        costs("We won. Next Monday we march", "en")[2],
        WITHIN_CLAUSE
    );
}

#[test]
fn title_case_marks_no_names() {
    let c = costs("Fix Our Homes Before You Raise Our Rents", "en");
    assert!(!c.contains(&PHRASE), "{c:?}");
    assert_eq!(
        clinging_after("Fix Our Homes Before You Raise Our Rents", "en"),
        ["Our", "Before", "Our"]
    );
}

#[test]
fn a_title_stays_with_the_name_it_comes_before() {
    // Before: "Stop the Closure of St / Mary's Maternity Ward" on the A4
    // leaflet and the A6 handout.
    assert_eq!(
        clinging_after("Stop the Closure of St Mary's Maternity Ward", "en"),
        ["the", "of", "St"]
    );
    assert_eq!(
        clinging_after("STOP THE CLOSURE OF ST MARY'S MATERNITY WARD", "en"),
        ["THE", "OF", "ST"]
    );
    assert_eq!(clinging_after("Save Dr Patel's surgery", "en"), ["Dr"]);
    // After a name it is a street's: "Hollow Lane Dr", "Main St".
    assert_eq!(
        clinging_after("Rally at Hollow Lane Dr on Saturday", "en"),
        ["at", "on"]
    );
    assert_eq!(clinging_after("Meet at 12 Main St Saturday", "en"), ["at"]);
}

#[test]
fn short_texts_have_no_gaps() {
    assert!(costs("", "en").is_empty());
    assert!(costs("Strike!", "en").is_empty());
    assert_eq!(costs("the the", "en"), [CLINGING]);
}

#[test]
fn turkish_capitals_and_romanian_cedillas_are_the_listed_words() {
    // Turkish keeps the dot on its capital İ and has a dotless ı: Unicode's
    // lower case of İÇİN and KARŞI would miss `için` and `karşı`.
    assert_eq!(clinging_before("ÇOCUKLARIMIZ İÇİN", "tr"), ["İÇİN"]);
    assert_eq!(clinging_before("SAVAŞA KARŞI", "tr"), ["KARŞI"]);
    // Romanian ș typed with the Turkish cedilla is the same letter.
    assert_eq!(clinging_after("Grevă şi protest", "ro"), ["şi"]);
    assert_eq!(clinging_after("GREVĂ ŞI PROTEST", "ro"), ["ŞI"]);
    // Only in Turkish is I dotless: an English capital I is not.
    assert_eq!(clinging_after("IN THE CITY", "en"), ["IN", "THE"]);
}

#[test]
fn the_lists_are_lower_case_folded_single_words_without_repeats() {
    for lang in [
        "en", "de", "fr", "es", "it", "pt", "nl", "sr", "ru", "el", "pl", "cs", "ar", "fa", "he",
        "hi", "ur", "bn", "am", "uk", "be", "bg", "mk", "sk", "sl", "ro", "ca", "sv", "da", "nb",
        "fi", "et", "hu", "tr", "vi", "id", "tl", "sw", "lt", "lv",
    ] {
        let before: Vec<&str> = clinging(lang).collect();
        let after: Vec<&str> = trailing(lang).collect();
        assert!(before.len() >= 6, "{lang}: {} words", before.len());
        for list in [before, after] {
            for (k, w) in list.iter().enumerate() {
                assert_eq!(&fold(w), w, "{lang}: {w} is not folded");
                // Indic words carry vowel signs and viramas, which are
                // marks, not letters.
                assert!(
                    !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || is_combining(c)),
                    "{lang}: {w:?}"
                );
                assert!(!list[..k].contains(w), "{lang}: {w} twice");
            }
        }
    }
}

/// The words before which `text` may not break, by their costs.
fn clinging_before(text: &str, lang: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    costs(text, lang)
        .iter()
        .zip(&words[1..])
        .filter(|(c, _)| **c == CLINGING)
        .map(|(_, w)| w.to_string())
        .collect()
}

#[test]
fn right_to_left_headlines_cling_at_their_function_words() {
    // The samples' headlines: "Water is a right for every home in
    // al-Nuzha" must not end a line on لكل ("for every") or في ("in");
    // "We will not leave the Hadar neighbourhood" not on את, the object
    // marker, or לא, "not".
    assert_eq!(
        clinging_after("الماء حقّ لكل بيت في حيّ النزهة", "ar"),
        ["لكل", "في"]
    );
    assert_eq!(clinging_after("לא נעזוב את שכונת הדר", "he"), ["לא", "את"]);
    // A noun and the definite noun it belongs to are one phrase, as a
    // two-word name is: "… / في حيّ النزهة", not "… في حيّ / النزهة".
    let c = costs("الماء حقّ لكل بيت في حيّ النزهة", "ar");
    assert_eq!(c[5], PHRASE);
    assert_eq!(c[0], WITHIN_CLAUSE);
    // Not a preposition fused with the article: "a right for the houses".
    assert_eq!(costs("حقّ للبيوت", "ar"), [WITHIN_CLAUSE]);
    // Vowel points written or not, the word is the same.
    assert_eq!(clinging_after("بيتٌ فِي حيّ", "ar"), ["فِي"]);
    assert_eq!(clinging_after("שָׁלוֹם עַל הָעִיר", "he"), ["עַל"]);
}

#[test]
fn postpositions_stay_with_the_word_before() {
    // "Pay three months' wages": no line begins with را, the object
    // marker, nor with the light verb of پرداخت کنید.
    assert_eq!(
        clinging_before("حقوق سه ماه را پرداخت کنید", "fa"),
        ["را", "کنید"]
    );
    // "Clean water for every home": हर ("every") leads, को ("to") trails.
    assert_eq!(clinging_after("हर घर को साफ़ पानी", "hi"), ["हर", "घर"]);
    assert_eq!(clinging_after("ہر گھر کو صاف پانی", "ur"), ["ہر", "گھر"]);
    assert_eq!(clinging_before("پانی کے لیے", "ur"), ["کے", "لیے"]);
    assert_eq!(clinging_before("হাসপাতাল থেকে বাড়ি", "bn"), ["থেকে"]);
    // "Against the war", "for our children", "with the workers", "for
    // our rights": the postposition stays with its noun.
    assert_eq!(
        clinging_before("Tüntetés lakbéremelés ellen", "hu"),
        ["ellen"]
    );
    assert_eq!(clinging_before("Çocuklarımız için", "tr"), ["için"]);
    assert_eq!(clinging_before("työläisten kanssa", "fi"), ["kanssa"]);
    assert_eq!(clinging_before("Tolak penggusuran ini", "id"), ["ini"]);
    // The list is Persian's: Arabic has no such word.
    assert!(clinging_before("حقوق سه ماه را پرداخت", "ar").is_empty());
}

#[test]
fn a_vietnamese_word_of_two_syllables_stays_on_one_line() {
    // Vietnamese writes a space after each syllable: "công nhân"
    // ("worker") is one word, as are "khỏe"/"khoẻ" spelt either way.
    let text = "Công nhân đòi tăng lương và bảo hiểm, sức khoẻ cho gia đình";
    assert_eq!(
        clinging_after(text, "vi"),
        ["Công", "tăng", "và", "bảo", "sức", "cho", "gia"]
    );
    let c = costs(text, "vi");
    // Between two words, and after the comma, as before.
    assert_eq!(c[1], WITHIN_CLAUSE);
    assert_eq!(c[7], AFTER_CLAUSE);
    // Only in Vietnamese: the same letters mean nothing to English.
    assert!(!clinging_after("Cong nhan", "en").contains(&"Cong".to_string()));
    // Typed with combining tone marks (as some keyboards send them), the
    // words are the same words.
    use unicode_normalization::UnicodeNormalization;
    let decomposed: String = text.nfd().collect();
    assert_ne!(decomposed, text);
    assert_eq!(clinging_after(&decomposed, "vi").len(), 7);
}

fn phrased(lines: &[&str], lang: &str) -> bool {
    let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    breaks_between_phrases(&lines, lang)
}

#[test]
fn a_headline_breaks_between_phrases_where_a_phrase_begins_or_ends() {
    // Before a determiner, a preposition, a conjunction; after a clause.
    assert!(phrased(&["Save", "our park!"], "en"));
    assert!(phrased(&["Fix", "Our Homes"], "en"));
    assert!(phrased(&["Stop the cuts,", "save the library"], "en"));
    assert!(phrased(&["Rettet", "unseren Park!"], "de"));
    // After a postposition: "to every home / clean water".
    assert!(phrased(&["हर घर को", "साफ़ पानी"], "hi"));
    // Inside a phrase: a compound, a verb and its object, a name.
    assert!(!phrased(&["Rent", "strike meeting"], "en"));
    assert!(!phrased(&["Keep the night", "bus running"], "en"));
    assert!(!phrased(&["Save our park!", "Join", "us"], "en"));
    // Where the lists cannot tell: no list, no spaces.
    assert!(phrased(&["დავიცვათ", "ჩვენი პარკი!"], "ka"));
    assert!(phrased(&["守護我們的", "老公寓"], "zh-Hant"));
    assert!(phrased(&["One line"], "en"));
}
