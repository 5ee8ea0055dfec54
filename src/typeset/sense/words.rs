//! The short words a display line must not end on, per language.
//!
//! Each list holds closed word classes: articles and other determiners
//! that stand before a noun (possessives, demonstratives), prepositions,
//! conjunctions, and a few particles that only ever stand before the word
//! they belong to (French `ne`, Greek `να`, `θα`, `δεν`, Russian and Polish
//! `не`/`nie`). A line ending on one of them leaves the reader holding half
//! a phrase: "A call for solidarity with the / Serbian people".
//!
//! Where they come from: written for handbill from the grammar of each
//! language (these classes are small and fixed, the ones any grammar book
//! lists), not copied from a corpus or another program. Words that are as
//! often something else were left out on purpose, because the list's
//! mistakes cost more than its gaps: English `like`, `no`, `all`; Dutch
//! `zijn` ("his", but also "to be") and `haar`; German `ihr`; Greek
//! `γιατί` ("because", but also "why"). The one-letter Slavic words are
//! the old Czech and Polish typesetting rule (Czech writing guides cite
//! the standard ČSN 01 6910 for it): `a i k o s u v z` never end a line.
//!
//! Words are stored in lower case, a few lines of them per word class;
//! Greek without its accents, since Greek headlines set in capitals drop
//! them (see [`super::fold`]).

/// The words after which a display line must not break, for the primary
/// language subtag `lang` (`en`, `sr`, …), as lines of words separated by
/// spaces; empty for a language without a list. Serbian has both scripts
/// in one list: a word only ever matches its own script. Croatian and
/// Bosnian share Serbian's function words (the ijekavian forms are in the
/// list), so they share its list.
fn lines(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => ENGLISH,
        "de" => GERMAN,
        "fr" => FRENCH,
        "es" => SPANISH,
        "it" => ITALIAN,
        "pt" => PORTUGUESE,
        "nl" => DUTCH,
        "sr" | "hr" | "bs" => SERBIAN,
        "ru" => RUSSIAN,
        "el" => GREEK,
        "pl" => POLISH,
        "cs" => CZECH,
        "th" => THAI,
        "km" => KHMER,
        _ => &[],
    }
}

/// Whether a display line must not break after `word` (lower case, Greek
/// without accents) in the language `lang` (a primary subtag).
pub(super) fn is_clinging(lang: &str, word: &str) -> bool {
    clinging(lang).any(|w| w == word)
}

/// The words of `lang`'s list, one by one.
pub(super) fn clinging(lang: &str) -> impl Iterator<Item = &'static str> {
    lines(lang).iter().flat_map(|l| l.split_whitespace())
}

const ENGLISH: &[&str] = &[
    // Articles and determiners.
    "a an the my your his her its our their this these those",
    // Prepositions.
    "of in on at to for from with by about above across after against along amid among around",
    "before behind below beneath beside between beyond despite during except inside into near",
    "onto over per since than through throughout toward towards under until upon via within",
    "without",
    // Conjunctions.
    "and or but nor because if unless while whereas although though whether as that when",
];

const GERMAN: &[&str] = &[
    // Articles and determiners.
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner",
    "keines unser unsere unseren unserem unserer unseres eure euren eurem eurer ihre ihren",
    "ihrem ihrer seine seinen seinem seiner diese dieser diesen diesem dieses",
    // Prepositions, alone and fused with an article.
    "an am auf aus bei beim bis durch für fürs gegen hinter im in ins mit nach neben ohne seit",
    "über um unter vom von vor zu zum zur zwischen wegen trotz während statt anstatt",
    // Conjunctions.
    "und oder aber denn sondern dass ob weil wenn als wie sowie",
];

const FRENCH: &[&str] = &[
    // Articles and determiners.
    "le la les un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre",
    "nos votre vos leur leurs",
    // Prepositions.
    "à de en dans par pour sur sous avec sans chez contre entre vers depuis pendant avant",
    "après selon malgré parmi dès",
    // Conjunctions, and the negation that stands before its verb.
    "et ou mais ni car que si comme quand lorsque puisque ne",
];

const SPANISH: &[&str] = &[
    // Articles and determiners.
    "el la los las un una unos unas lo al del mi mis tu tus su sus nuestro nuestra nuestros",
    "nuestras este esta estos estas ese esa esos esas",
    // Prepositions.
    "a ante bajo con contra de desde durante en entre hacia hasta mediante para por según sin",
    "sobre tras",
    // Conjunctions.
    "y e o u ni pero sino que si porque como cuando aunque mientras",
];

const ITALIAN: &[&str] = &[
    // Articles and determiners, alone and fused with a preposition.
    "il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle",
    "dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui",
    "sugli sulle col nostro nostra nostri nostre vostro vostra vostri vostre questo questa",
    "questi queste",
    // Prepositions.
    "di a da in con su per tra fra contro senza verso dopo durante",
    // Conjunctions.
    "e ed o od ma né che se perché come quando mentre",
];

const PORTUGUESE: &[&str] = &[
    // Articles and determiners, alone and fused with a preposition.
    "o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas",
    "num numa dum duma nosso nossa nossos nossas este esta estes estas",
    // Prepositions.
    "de em para por com sem sob sobre entre contra desde até após perante",
    // Conjunctions.
    "e ou mas nem que se porque como quando embora enquanto",
];

const DUTCH: &[&str] = &[
    // Articles and determiners.
    "de het een mijn jouw uw ons onze deze dit die dat",
    // Prepositions.
    "van in op aan met voor naar bij uit door over om tot tegen zonder onder tussen na sinds",
    "tijdens binnen achter langs via per",
    // Conjunctions.
    "en of maar want als omdat hoewel terwijl toen noch",
];

const SERBIAN: &[&str] = &[
    // Latin script. Prepositions (the one-letter ones first).
    "u o s k sa ka na za od do iz po pod nad pred prema kroz bez kod uz oko posle poslije pre",
    "prije tokom između protiv radi zbog ispred iza pored umesto umjesto preko među osim",
    // Conjunctions.
    "i a ili ni niti ali pa te da već nego jer ako kad kada dok što kao",
    // Cyrillic script, the same words. Prepositions.
    "у о с к са ка на за од до из по под над пред према кроз без код уз око после послије пре",
    "прије током између против ради због испред иза поред уместо умјесто преко међу осим",
    // Conjunctions.
    "и а или ни нити али па те да већ него јер ако кад када док што као",
];

const RUSSIAN: &[&str] = &[
    // Prepositions.
    "в во на с со к ко о об обо у по за из изо от до для без под над перед при про через",
    "между после около против вокруг ради",
    // Conjunctions, and the negation that stands before its word.
    "и а но или да что чтобы как если когда пока хотя ни не",
];

const GREEK: &[&str] = &[
    // Articles, definite and indefinite, in their common cases.
    "ο η το οι τα του της των τον την τη τους τις ενας μια ενα ενος μιας εναν",
    // Prepositions, alone and fused with the article.
    "σε στο στη στην στον στα στους στις στου στης με για απο προς χωρις κατα μετα παρα αντι",
    "ως εως μεχρι υπερ",
    // Conjunctions ("ή", "or", folds to the article "η" above), and the
    // particles that stand before their verb.
    "και κι αλλα οτι πως που αν οταν ενω επειδη ουτε ειτε να θα δεν μην",
];

const POLISH: &[&str] = &[
    // Prepositions (the one-letter ones first).
    "w z o u we ze ku na do od po za pod nad przed przez przy bez dla spod znad zza między",
    "wokół obok około oprócz według podczas wśród",
    // Conjunctions, and the negation that stands before its word.
    "i a ani albo lub czy ale lecz że żeby aby bo gdy jeśli jeżeli choć chociaż oraz iż niż",
    "jak nie",
];

const CZECH: &[&str] = &[
    // Prepositions (the one-letter ones first).
    "k s v z o u ke ku se ve ze na do od po za pro při před pod nad přes bez mezi kolem podle",
    "během kvůli proti vedle",
    // Conjunctions.
    "a i ani nebo ale že aby když protože jestli pokud než jako či",
];

// Thai and Khmer write no spaces between words: these are matched against
// the dictionary words a line may break between (see `phrases`).
const THAI: &[&str] = &[
    // Prepositions.
    "ของ ใน ที่ กับ แก่ แด่ ต่อ จาก โดย เพื่อ สำหรับ ตาม บน ใต้ ระหว่าง แห่ง ถึง",
    // Conjunctions.
    "และ หรือ แต่ เพราะ ถ้า ว่า ซึ่ง เมื่อ",
    // The prefixes that make a noun of a verb or adjective, and the
    // negation that stands before its verb.
    "ความ การ ไม่",
];

const KHMER: &[&str] = &[
    // Prepositions.
    "របស់ ក្នុង ពី ដល់ សម្រាប់ ដើម្បី ជាមួយ លើ ចំពោះ",
    // Conjunctions.
    "និង ឬ ប៉ុន្តែ ព្រោះ ដែល ថា បើ",
    // The prefixes that make a noun, and the negation before its verb.
    "ការ សេចក្ដី មិន",
];
