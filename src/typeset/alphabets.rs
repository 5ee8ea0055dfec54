//! The letters each Latin-script language writes, to check the language
//! detector's guess against.
//!
//! `whatlang` knows some 70 languages and reads a text by its letter
//! triples, so a text in a language it does not know comes out as the
//! known one whose triples are nearest, often quite sure of it: an
//! Albanian statement as French (confidence 1.00), Kurmanji Kurdish as
//! Afrikaans, Yoruba as Vietnamese, Icelandic as Norwegian. Set by that
//! guess, a leaflet is hyphenated by another language's patterns and
//! quoted and spaced by its rules ("Ne kërkojmë ?" with French spacing).
//! Each language's alphabet tells many of these apart: French is not
//! written with "ë" in every tenth word, nor Afrikaans with "ş", nor
//! Norwegian with "ð". The detector has alphabets of its own but only
//! weighs them with the triples; none of its public calls rejects a guess
//! for its letters, so handbill checks them here. The lists are the
//! letters each language writes beyond a to z, from its standard
//! orthography, with the few that its loanwords commonly keep.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

/// Letters beyond `a`–`z` (lower case, composed) that each language
/// writes, by its primary language tag. A language not listed is not
/// checked.
const EXTRA_LETTERS: &[(&str, &str)] = &[
    ("af", "áäéèêëíîïóôöúûüýŉ"),
    ("ak", "ɔɛ"),
    ("az", "çəğıöşü\u{307}"),
    ("ca", "àçéèíïòóúü"),
    ("cs", "áčďéěíňóřšťúůýž"),
    ("cy", "àáâäèéêëìíîïòóôöùúûüýÿŵŷẁẃẅỳ"),
    ("da", "åæøéá"),
    ("de", "äöüßé"),
    ("en", "é"),
    ("eo", "ĉĝĥĵŝŭ"),
    ("et", "äöõüšž"),
    ("fi", "äöåšž"),
    // "ë", "ï", "ü", "ÿ" and "æ" are rare enough (Noël, naïf) to count as
    // foreign: an Albanian text, which the detector took for French, has
    // "ë" in every fifth word.
    ("fr", "àâçéèêîôœùû"),
    ("hr", "čćđšž"),
    ("bs", "čćđšž"),
    ("sr", "čćđšž"),
    ("hu", "áéíóöőúüű"),
    ("id", "é"),
    ("ms", "é"),
    ("it", "àèéìíîòóùú"),
    ("jv", "éèê"),
    ("la", "āēīōūȳæœ"),
    ("lv", "āčēģīķļņōŗšūž"),
    ("lt", "ąčęėįšųūž"),
    ("nl", "áéíóúàèëïöüĳ"),
    ("nb", "åæøéèêóòô"),
    ("nn", "åæøéèêóòô"),
    ("pl", "ąćęłńóśźż"),
    ("pt", "áâãàçéêíóôõúü"),
    // Both the comma below (the standard's) and the cedilla (older fonts'
    // and keyboards').
    ("ro", "ăâîșțşţ"),
    ("sk", "áäčďéíĺľňóôŕšťúýž"),
    ("sl", "čšžćđ"),
    ("sn", ""),
    ("es", "áéíñóúü"),
    ("sv", "åäöé"),
    ("tl", "áàâéèêíìîñóòôúùû"),
    ("tk", "äçňöşüýž"),
    // The dot of "i̇", which "İ" lowercases to, is a mark of its own.
    ("tr", "çğıöşüâîû\u{307}"),
    ("uz", "ʻʼ"),
    ("zu", ""),
];

/// Vietnamese's letters beyond `a`–`z`: đ, the vowels ă â ê ô ơ ư, and
/// every vowel with each of its five tone marks (grave, acute, hook,
/// tilde, dot below), each one composed character.
fn vietnamese_letters() -> String {
    let mut letters = String::from("đăâêôơư");
    for vowel in "aăâeêioôơuưy".chars() {
        for tone in ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'] {
            letters.extend([vowel, tone].into_iter().nfc());
        }
    }
    letters
}

/// The share of a text's words in Latin letters that may hold a letter
/// its language does not write: names and loanwords ("Müller", "São
/// Paulo", "Łódź") in an English statement. In the texts the detector
/// mistook, every fifth word or more held one (Albanian's "ë", Yoruba's
/// "ẹ" with a tone, Icelandic's "ð").
const FOREIGN_WORD_SHARE: f64 = 0.05;

/// The fewest such words that reject a guess: two names in a short text
/// do not.
const MIN_FOREIGN_WORDS: usize = 3;

/// The most foreign letters a message lists.
const SHOWN_LETTERS: usize = 4;

/// The letters of `text` that the language `tag` does not write, most
/// frequent first, when enough of its words hold them to show the text
/// is not in that language (one word in twenty, and at least three);
/// `None` when the text may be in it, or `tag` is a language whose
/// letters are not listed (one not written in Latin letters). A combining mark left over
/// after composing is foreign to every listed language, which write each
/// of their accented letters as one character.
pub fn foreign_letters(text: &str, tag: &str) -> Option<Vec<char>> {
    let primary = crate::typeset::lang::primary(tag).to_ascii_lowercase();
    let own: String = match primary.as_str() {
        "vi" => vietnamese_letters(),
        p => EXTRA_LETTERS.iter().find(|(t, _)| *t == p)?.1.to_string(),
    };
    let mut words = 0usize;
    let mut foreign_words = 0usize;
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for word in text.split(|c: char| !c.is_alphabetic() && !is_mark(c)) {
        let word: String = word.nfc().flat_map(char::to_lowercase).collect();
        let latin = word.chars().any(|c| c.is_ascii_lowercase());
        if word.is_empty() || !latin || word.chars().any(|c| c.is_alphabetic() && !is_latin(c)) {
            continue;
        }
        words += 1;
        let mut foreign = false;
        for c in word.chars() {
            if !c.is_ascii_lowercase() && !own.contains(c) {
                foreign = true;
                *counts.entry(c).or_default() += 1;
            }
        }
        foreign_words += usize::from(foreign);
    }
    let contradicted = foreign_words >= MIN_FOREIGN_WORDS
        && foreign_words as f64 >= FOREIGN_WORD_SHARE * words as f64;
    contradicted.then(|| {
        let mut letters: Vec<(char, usize)> = counts.into_iter().collect();
        letters.sort_by_key(|l| std::cmp::Reverse(l.1));
        letters
            .into_iter()
            .take(SHOWN_LETTERS)
            .map(|(c, _)| c)
            .collect()
    })
}

/// Whether `c` is a combining mark (general categories Mn and Mc).
fn is_mark(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    matches!(
        c.general_category(),
        GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark
    )
}

/// Whether `c`, a letter or mark, is written in Latin script: the Latin
/// blocks (to Latin Extended Additional), IPA letters such as "ɔ" and
/// "ɛ", spacing modifier letters such as Uzbek's "ʻ", and the combining
/// diacritics.
fn is_latin(c: char) -> bool {
    matches!(c, 'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{250}'..='\u{2FF}'
        | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}')
        && c != '\u{D7}'
        && c != '\u{F7}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_a_language_the_detector_lacks_contradicts_its_guess() {
        // Albanian, which the detector read as French, sure of it.
        let albanian = "Banorët e lagjes ftojnë të gjithë qytetarët në një protestë \
                        të shtunën në orën dhjetë para bashkisë. Ne kërkojmë që \
                        bashkia të anulojë lejen e ndërtimit.";
        assert!(foreign_letters(albanian, "fr").is_some_and(|l| l[0] == 'ë'));
        assert!(foreign_letters(albanian, "en").is_some());
        // Yoruba, read as Vietnamese: "ṣ", and tones over a dotted vowel
        // that composing leaves as marks.
        let yoruba = "Ìjọba ìbílẹ̀ ti kéde pé wọn yóò wó àwọn ṣọ́ọ̀bù tó wà \
                      lẹ́gbẹ̀ẹ́ ọ̀nà láìsí ìkìlọ̀ tó tọ́.";
        let letters = foreign_letters(yoruba, "vi").expect("not Vietnamese");
        assert!(letters.contains(&'ṣ') && letters.contains(&'\u{300}'));
        // Icelandic, read as Norwegian.
        let icelandic = "Við boðum til mótmæla fyrir framan Alþingishúsið á \
                         laugardaginn klukkan tvö. Biðlistar eftir aðgerðum hafa \
                         lengst á hverju ári.";
        assert!(foreign_letters(icelandic, "nb").is_some_and(|l| l.contains(&'ð')));
        // Kurmanji, read as Afrikaans.
        let kurdish = "Em dêûbav û mamoste we vedixwînin civîneke giştî ya roja \
                       şemiyê li navenda çandê. Zarokên me li dibistanê nikarin \
                       bi zimanê xwe bixwînin.";
        assert!(foreign_letters(kurdish, "af").is_some_and(|l| l.contains(&'ş')));
    }

    #[test]
    fn a_language_s_own_letters_and_a_few_names_do_not() {
        let vietnamese = "Công nhân may cần lương đủ sống, không cần lời hứa. \
                          Chúng tôi yêu cầu tăng lương tối thiểu và bảo hiểm xã hội.";
        assert_eq!(foreign_letters(vietnamese, "vi"), None);
        let french = "Les salariés de l'hôpital font grève jeudi à Noël : « Ça suffit ! »";
        assert_eq!(foreign_letters(french, "fr"), None);
        let romanian = "Asistentele, medicii și părinții cer menținerea secției.";
        assert_eq!(foreign_letters(romanian, "ro-RO"), None);
        // Two names in an English text, and words in another script.
        let english = "Mrs Łukasiewicz and Mr Müller met the council on Monday to \
                       ask for a new lease, and Amal Haddad (أمل حداد) spoke for \
                       the tenants of the estate, who want repairs before any \
                       rise in the rent they pay each month.";
        assert_eq!(foreign_letters(english, "en-GB"), None);
        // A language whose letters are not listed is not checked.
        assert_eq!(
            foreign_letters("Ne kërkojmë që bashkia të anulojë", "sq"),
            None
        );
    }
}
