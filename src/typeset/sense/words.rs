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
//! Some languages put the word that ties two others together after the
//! first: Persian marks an object with `را` after it, Hindi, Urdu and
//! Bengali write case endings and postpositions apart (`घर को`, "to the
//! house").
//! A display line must not begin with such a word, so these languages
//! have a second list, [`is_trailing`].
//!
//! Words are stored in lower case, a few lines of them per word class;
//! Greek without its accents, since Greek headlines set in capitals drop
//! them, and Arabic and Hebrew without their vowel points, which few
//! texts write (see [`super::fold`]).

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
        "ar" => ARABIC,
        "fa" => PERSIAN,
        "he" => HEBREW,
        "hi" => HINDI,
        "ur" => URDU,
        "bn" => BENGALI,
        "am" => AMHARIC,
        "uk" => UKRAINIAN,
        "be" => BELARUSIAN,
        "bg" => BULGARIAN,
        "mk" => MACEDONIAN,
        "sk" => SLOVAK,
        "sl" => SLOVENIAN,
        "ro" => ROMANIAN,
        "ca" => CATALAN,
        "sv" => SWEDISH,
        "da" => DANISH,
        "no" | "nb" | "nn" => NORWEGIAN,
        "fi" => FINNISH,
        "et" => ESTONIAN,
        "hu" => HUNGARIAN,
        "tr" => TURKISH,
        "vi" => VIETNAMESE,
        "id" | "ms" => MALAY,
        "tl" | "fil" => TAGALOG,
        "sw" => SWAHILI,
        "lt" => LITHUANIAN,
        "lv" => LATVIAN,
        _ => &[],
    }
}

/// The words before which a display line must not break, for `lang`, in
/// the same form as [`lines`]: words that belong to the one before them.
fn trailing_lines(lang: &str) -> &'static [&'static str] {
    match lang {
        "fa" => PERSIAN_TRAILING,
        "hi" => HINDI_TRAILING,
        "ur" => URDU_TRAILING,
        "bn" => BENGALI_TRAILING,
        "fi" => FINNISH_TRAILING,
        "et" => ESTONIAN_TRAILING,
        "hu" => HUNGARIAN_TRAILING,
        "tr" => TURKISH_TRAILING,
        "id" | "ms" => MALAY_TRAILING,
        _ => &[],
    }
}

/// Whether a display line must not break before `word` (folded as for
/// [`is_clinging`]) in the language `lang`.
pub(super) fn is_trailing(lang: &str, word: &str) -> bool {
    trailing(lang).any(|w| w == word)
}

/// Whether `lang` has either list, so that its phrases can be told apart.
pub(super) fn has_lists(lang: &str) -> bool {
    !lines(lang).is_empty() || !trailing_lines(lang).is_empty()
}

/// The words of `lang`'s list of trailing words, one by one.
pub(super) fn trailing(lang: &str) -> impl Iterator<Item = &'static str> {
    each_word(trailing_lines(lang))
}

/// Whether `first` and `second` (both folded) are the two syllables of one
/// word in `lang`. Vietnamese writes a space after every syllable, so a
/// word of two ("công nhân", "worker") looks like two words to the
/// breaker, and "Công / nhân" splits it as "wor / ker" would. Without a
/// dictionary handbill cannot tell every such word, so the list holds
/// the words of the statements handbill is for: work, pay, housing,
/// public services, rights, days and meetings.
pub(super) fn is_one_word(lang: &str, first: &str, second: &str) -> bool {
    lang == "vi"
        && VIETNAMESE_WORDS
            .iter()
            .flat_map(|l| l.split(", "))
            .any(|w| w.split_once(' ') == Some((first, second)))
}

/// Whether a display line must not break after `word` (lower case, Greek
/// without accents) in the language `lang` (a primary subtag).
pub(super) fn is_clinging(lang: &str, word: &str) -> bool {
    clinging(lang).any(|w| w == word)
}

/// Determiners of `lang`'s list that are a noun or an answer when the word
/// after them is on the list too: English "no" determines "evictions"
/// ("No / evictions" splits the demand), but in "Say no to war" it is
/// what is said, and "Say no / to war" reads right where "Say / no to
/// war" does not.
const NOUN_BEFORE_A_CLINGING_WORD: &[(&str, &str)] = &[("en", "no")];

/// Titles written before a name, by language: a display line must not
/// part one from the name ("Stop the Closure of St / Mary's", where title
/// case hid that the two are one name). Not on the lists above, as the
/// same words after a name are a street's ("Hollow Lane Dr", Drive): see
/// [`is_title`].
const TITLES: &[(&str, &str)] = &[("en", "mr mrs ms mx dr st")];

/// Whether `word` (folded) is a title `lang` writes before a name.
pub(super) fn is_title(lang: &str, word: &str) -> bool {
    TITLES
        .iter()
        .any(|(l, titles)| *l == lang && titles.split(' ').any(|t| t == word))
}

/// Whether `word` clings to the word after it, `next` (both folded), in
/// `lang`: [`is_clinging`], less [`NOUN_BEFORE_A_CLINGING_WORD`].
pub(super) fn clings_to(lang: &str, word: &str, next: Option<&str>) -> bool {
    is_clinging(lang, word)
        && !(NOUN_BEFORE_A_CLINGING_WORD.contains(&(lang, word))
            && next.is_some_and(|n| is_clinging(lang, n)))
}

/// The words of `lang`'s list, one by one.
pub(super) fn clinging(lang: &str) -> impl Iterator<Item = &'static str> {
    each_word(lines(lang))
}

/// Whether byte `at` of `run`, text of the language `lang` written
/// without spaces, falls inside one of the compounds of [`compounds`].
pub(super) fn inside_compound(lang: &str, run: &str, at: usize) -> bool {
    each_word(compounds(lang)).any(|c| {
        run.match_indices(c)
            .any(|(start, _)| start < at && at < start + c.len())
    })
}

/// Words that the segmenter's dictionary cuts into two words of its own,
/// though they are one: a display line must not break inside them. Empty
/// for a language without a list.
pub(super) fn compounds(lang: &str) -> &'static [&'static str] {
    match lang {
        "th" => THAI_COMPOUNDS,
        _ => &[],
    }
}

/// The words of a list kept as lines of words separated by spaces.
fn each_word(lines: &'static [&'static str]) -> impl Iterator<Item = &'static str> {
    lines.iter().flat_map(|l| l.split_whitespace())
}

const ENGLISH: &[&str] = &[
    // Articles and determiners ("no" as in "No evictions", a protest's
    // commonest headline; see `NOUN_BEFORE_A_CLINGING_WORD`).
    "a an the my your his her its our their this these those no",
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
    // The nouns that make a compound noun of the word after them and
    // never stand alone in a headline: ค่า "the cost of" (ค่าเช่า "rent",
    // ค่าจ้าง "wage"), ผู้ "one who" (ผู้เช่า "tenant"), ชาว "the people of"
    // (ชาวบ้าน "villagers"), นัก "one who does", ข้อ "point" (ข้อเรียกร้อง
    // "demands"). ICU4X's dictionary cuts many such compounds after them.
    "ค่า ผู้ ชาว นัก ข้อ",
];

// Thai words that ICU4X's dictionary cuts in two although they are one
// word of the Royal Institute dictionary, so a break inside one would
// split a word ("เรียก / ร้อง", "call / cry" for "demand"). Written for
// handbill from the vocabulary of labour, housing and protest texts: each
// was put through the segmenter, and only those it cuts are listed (a
// unit test keeps it so). The compounds of the prefixes above (ค่า, ผู้,
// ชาว) need no entry.
const THAI_COMPOUNDS: &[&str] = &[
    // Verbs: demand, march, together, oppose, stand firm, unite,
    // cooperate, dismiss, fire, strike (stop work).
    "เรียกร้อง เดินขบวน ร่วมกัน ต่อต้าน ยืนหยัด รวมตัว ร่วมมือ เลิกจ้าง ไล่ออก หยุดงาน",
    // Nouns and adjectives: worker, overtime, fair, minimum, rented house,
    // neighbour, social security, tap water, hospital, village head.
    "คนงาน ล่วงเวลา เป็นธรรม ขั้นต่ำ บ้านเช่า เพื่อนบ้าน ประกันสังคม น้ำประปา โรงพยาบาล ผู้ใหญ่บ้าน",
];

const KHMER: &[&str] = &[
    // Prepositions.
    "របស់ ក្នុង ពី ដល់ សម្រាប់ ដើម្បី ជាមួយ លើ ចំពោះ",
    // Conjunctions.
    "និង ឬ ប៉ុន្តែ ព្រោះ ដែល ថា បើ",
    // The prefixes that make a noun, and the negation before its verb.
    "ការ សេចក្ដី មិន",
];

// Arabic writes its article and the one-letter prepositions and
// conjunctions (ال، ب، ل، ك، و، ف) as part of the next word, so the words
// here are those written apart. Both spellings of a hamzated alef are
// listed, as many texts drop the hamza (إلى and الى).
const ARABIC: &[&str] = &[
    // Prepositions, and "every", which stands before its noun.
    "في من إلى الى على عن مع حتى منذ بين عند لدى نحو حول ضد دون خلال بعد قبل تحت فوق",
    "أمام امام وراء عبر ضمن مثل كل لكل بكل غير",
    // Conjunctions.
    "أو او ثم لكن بل أن ان إن لأن لان كي لكي عندما إذا اذا لو",
    // Demonstratives, the vocative, and the particles that stand before
    // their verb (negation, "will", "has").
    "هذا هذه ذلك تلك هؤلاء يا لا لم لن قد سوف",
];

// Persian spells ye and kaf its own way (ی، ک); the words are in that
// spelling.
const PERSIAN: &[&str] = &[
    // Prepositions.
    "در از به با برای بر بی جز بدون درباره مثل مانند زیر روی میان بین نزد",
    // Conjunctions ("تا" is both "until" and "so that").
    "و یا اما ولی که اگر چون زیرا تا",
    // Determiners.
    "این آن همین همان هر",
];

const PERSIAN_TRAILING: &[&str] = &[
    // The object marker, written after its noun phrase.
    "را",
    // The light verbs of compound verbs ("پرداخت کنید", "pay!"), whose
    // first part carries the meaning: a line must not begin with one.
    "کنید کنیم کند کنند کرد کردند شود شوند شد",
];

// Hebrew writes its article and one-letter prepositions (ה، ב، ל، מ، כ، ו،
// ש) as part of the next word; these are the ones written apart.
const HEBREW: &[&str] = &[
    // Prepositions, the object marker and "every".
    "את של על עם אל מן אחרי לפני בין כמו בלי עד מול ליד אצל נגד למען בשביל עבור כל",
    // Conjunctions, and the negation and "also" that stand before their
    // word.
    "או אבל כי אם גם לא",
];

// Hindi puts its postpositions after the noun (see HINDI_TRAILING); what
// stands before is conjunctions and the determiners of a noun.
const HINDI: &[&str] = &[
    // Conjunctions.
    "और या कि लेकिन तथा एवं अगर यदि क्योंकि अथवा",
    // "Every" and the oblique demonstratives ("this", "that" before a
    // postposition), which only stand before their noun.
    "हर इस उस इन उन",
];

const HINDI_TRAILING: &[&str] = &[
    // The postpositions ("of", "to", "in", "from", the agent marker,
    // "until"). "पर" ("on", but also "but") is left out.
    "का के की को में से ने तक",
];

const BENGALI: &[&str] = &[
    // Conjunctions.
    "এবং বা অথবা কিন্তু যদি",
    // "Every" and the demonstratives before a noun.
    "প্রতি এই ওই সেই",
];

const BENGALI_TRAILING: &[&str] = &[
    // Postpositions written apart: "for", "from", "by", "with", "near",
    // "among", "until", "without".
    "জন্য থেকে দিয়ে সঙ্গে সাথে কাছে মধ্যে পর্যন্ত ছাড়া",
];

// Urdu shares Hindi's grammar (see HINDI) in Arabic script, spelled with
// Urdu's own letters (ی، ک، ہ، ے), as the words are here.
const URDU: &[&str] = &[
    // Conjunctions.
    "اور یا کہ لیکن مگر اگر کیونکہ بلکہ",
    // "Every" and the oblique demonstratives, which only stand before
    // their noun.
    "ہر اس ان",
];

const URDU_TRAILING: &[&str] = &[
    // The postpositions ("of", "to", "from", the agent marker, "until")
    // and the "for" of "کے لیے" in both spellings. "میں" ("in") is left
    // out: it is also "I", which may begin a line.
    "کا کے کی کو سے نے تک لیے لئے",
];

// Amharic joins its commonest prepositions to the noun (በ, ለ, ከ, የ).
const AMHARIC: &[&str] = &[
    // Prepositions written apart, and "and", "or".
    "ወደ እስከ ስለ እንደ እና ወይም",
];

// The languages below have no sample of their own (Ukrainian, Turkish and
// Vietnamese have one); a statement in any of them arrives by the same
// paste, so its headline is broken by the same rules. Each list keeps to
// the words that are the class and nothing else in a headline: where a
// word is as often a verb, a noun or a pronoun, it is left out (Swedish
// and Danish `det`, `den`, "it"; Norwegian `si`, "say"; Vietnamese `là`,
// "is"; Turkish `doğru`, "towards" and "true").
const UKRAINIAN: &[&str] = &[
    // Prepositions (the one-letter ones first).
    "в у з о до від на за по під над перед при про через без для між біля після проти серед",
    "крізь щодо навколо замість із зі об",
    // Conjunctions, and the negation that stands before its word.
    "і й та а але або чи що щоб як якщо коли поки хоча ні не",
];
const BELARUSIAN: &[&str] = &[
    // Prepositions.
    "у ў з са да ад на за па пад над перад пры пра праз без для між каля пасля супраць сярод",
    // Conjunctions, and the negation.
    "і й а але або ці што каб як калі пакуль хоць ні не",
];
const BULGARIAN: &[&str] = &[
    // Prepositions (Bulgarian writes its article on the end of the noun).
    "в във на с със към от до за по под над пред при през без между около след срещу според",
    "чрез заради из у",
    // Conjunctions, the particle of the verb's infinitive, the negation.
    "и а но или ако че да като когато докато нито не",
];
const MACEDONIAN: &[&str] = &[
    // Prepositions.
    "во на со од до за по под над пред при преку без меѓу околу после против кон низ според врз",
    // Conjunctions, the particle of the verb, the negation.
    "и а но или ако дека да како кога додека ниту не",
];
const SLOVAK: &[&str] = &[
    // Prepositions (the one-letter ones first).
    "k s v z o u ku so vo zo na do od po za pre pri pred pod nad cez bez medzi okolo podľa",
    "počas kvôli proti vedľa",
    // Conjunctions.
    "a i ani alebo ale že aby keď pretože ak než ako či",
];
const SLOVENIAN: &[&str] = &[
    // Prepositions (the one-letter ones first).
    "v z s k h o na po za pri pred pod nad med brez do od iz zaradi proti skozi čez ob",
    // Conjunctions, the relative `ki`, the negation.
    "in ali ter a ampak da ker če ko kot ki ne",
];
const ROMANIAN: &[&str] = &[
    // Articles and determiners (the definite article is written on the
    // end of the noun; `al`, `a`, `ai`, `ale` stand before a possessor).
    "un o niște al a ai ale acest această aceste acești cel cea cei cele",
    // Prepositions.
    "de la în pe cu din spre pentru prin fără după sub peste între despre până lângă către",
    "contra asupra dintre printre",
    // Conjunctions, and the negation that stands before its verb.
    "și sau dar iar ci că dacă când fiindcă deoarece ca să nici nu",
];
const CATALAN: &[&str] = &[
    // Articles and determiners, alone and fused with a preposition.
    "el la els les un una uns unes al als del dels pel pels nostre nostra nostres vostre",
    "vostra vostres aquest aquesta aquests aquestes",
    // Prepositions.
    "a de en amb per sobre sota entre des fins contra sense durant segons envers",
    // Conjunctions.
    "i o però ni que si perquè com quan mentre",
];
const SWEDISH: &[&str] = &[
    // Articles and determiners.
    "en ett min mitt mina din ditt dina vår vårt våra er ert era sin sitt sina hans hennes",
    "deras denna detta dessa",
    // Prepositions.
    "i på av till för med om från vid hos under över efter före mot utan genom mellan bland",
    "åt enligt trots kring inför",
    // Conjunctions and the infinitive's `att`.
    "och eller men att som när eftersom samt",
];
const DANISH: &[&str] = &[
    // Articles and determiners.
    "en et min mit mine din dit dine vores jeres deres hans hendes sin sit sine denne dette",
    "disse",
    // Prepositions.
    "i på af til for med om fra ved hos under over efter før mod uden gennem mellem blandt",
    "trods",
    // Conjunctions and the infinitive's `at`.
    "og eller men at som når fordi hvis end samt",
];
// Bokmål and Nynorsk in one list: where they spell a word apart, both
// spellings are here (`en`/`ein`, `fra`/`frå`, `uten`/`utan`).
const NORWEGIAN: &[&str] = &[
    // Articles and determiners.
    "en ei et ein eit min mitt mine din ditt dine vår vårt våre deres hans hennes sin sitt",
    "sine denne dette disse",
    // Prepositions.
    "i på av til for med om fra frå ved hos under over etter før mot uten utan gjennom mellom",
    "blant",
    // Conjunctions and the infinitive's `å`.
    "og eller men at som når fordi hvis enn samt å",
];
// Finnish marks case with endings; the words that stand apart are the
// conjunctions, the negation verb, and the postpositions (FINNISH_TRAILING).
const FINNISH: &[&str] = &[
    // Conjunctions, and the negation that stands before its verb.
    "ja sekä tai vai mutta että kun jos koska vaikka kuin eli ei",
    // Prepositions that only stand before their noun.
    "ilman kohti",
];
const FINNISH_TRAILING: &[&str] = &[
    // Postpositions after a noun in the genitive: "with", "for", "because
    // of", "for the sake of", "for (a purpose)", "during".
    "kanssa puolesta takia vuoksi varten aikana",
];
const ESTONIAN: &[&str] = &[
    // Conjunctions, and the negation.
    "ja ning või aga et kui sest kuid ega ei",
];
const ESTONIAN_TRAILING: &[&str] = &[
    // Postpositions: "for", "for (a purpose)", "after", "during",
    // "through", "according to", "because of".
    "eest jaoks pärast ajal kaudu järgi tõttu",
];
const HUNGARIAN: &[&str] = &[
    // Articles, conjunctions, and the negations before their verb.
    "a az egy és vagy de hogy ha mert mint nem ne",
];
const HUNGARIAN_TRAILING: &[&str] = &[
    // Postpositions ("against", "under", "after", "before", "beside",
    // "because of", "without", "instead of", "according to", "between",
    // "towards", "since", "for"), and the enclitic `is`, "too".
    "ellen alatt után előtt mellett miatt nélkül helyett szerint között felé óta számára is",
];
const TURKISH: &[&str] = &[
    // Conjunctions.
    "ve veya ama fakat ancak çünkü",
    // Determiners: "a", "this", "that", "every", "no", "all".
    "bir bu şu her hiçbir tüm bütün",
];
const TURKISH_TRAILING: &[&str] = &[
    // Postpositions ("for", "like", "until", "according to", "against",
    // "despite", "since", "about", "with"), the enclitic `de`/`da`, "too",
    // and the question particle.
    "için gibi kadar göre karşı rağmen beri dair ile de da mi mı mu mü",
];
// Vietnamese writes a space after every syllable, so a word of two
// syllables is two "words" here; only the function words are listed.
const VIETNAMESE: &[&str] = &[
    // Prepositions.
    "của với cho tại ở trong từ đến về để theo bằng",
    // Conjunctions.
    "và hoặc nhưng mà vì nếu khi",
    // Plural markers and "one", which stand before their noun.
    "các những mọi một",
];
// Vietnamese words of two syllables (see `is_one_word`), written for
// handbill from everyday Vietnamese, in lower case, with both spellings
// where the tone mark's place varies (`hóa`/`hoá`, `khỏe`/`khoẻ`).
const VIETNAMESE_WORDS: &[&str] = &[
    // Work and pay.
    "công nhân, lao động, công đoàn, tiền lương, mức lương, tăng lương, tăng ca, làm thêm",
    "làm việc, việc làm, thu nhập, công nghiệp, nông nghiệp, giá cả, vật giá, khó khăn",
    "nhà máy, công ty, xí nghiệp, doanh nghiệp, hợp đồng, giám đốc, thất nghiệp, sa thải",
    "bảo hiểm, xã hội, phúc lợi, quyền lợi, an toàn, tai nạn, sức khỏe, sức khoẻ, nghỉ phép",
    "đình công, biểu tình, đấu tranh, đoàn kết, kiến nghị, yêu cầu, thương lượng, đối thoại",
    // Housing and services.
    "nhà ở, phòng trọ, giá thuê, tiền thuê, tiền nhà, chủ nhà, chung cư, điện nước, nước sạch",
    "giải tỏa, giải toả, cưỡng chế, đất đai, bồi thường, định cư, khu phố, thành phố",
    "bệnh viện, bác sĩ, y tá, y tế, trường học, giáo dục, giáo viên, học sinh, sinh viên",
    // People and society.
    "gia đình, trẻ em, phụ nữ, thanh niên, nông dân, ngư dân, người dân, nhân dân, cộng đồng",
    "chính quyền, chính phủ, nhà nước, quốc hội, pháp luật, công lý, công bằng, tự do, dân chủ",
    "nhân quyền, môi trường, ô nhiễm, văn hóa, văn hoá, kinh tế, chính sách, cuộc sống, đời sống",
    // Days and meetings.
    "chủ nhật, thứ hai, thứ ba, thứ tư, thứ năm, thứ sáu, thứ bảy, buổi sáng, buổi chiều",
    "buổi tối, hôm nay, ngày mai, cuộc họp, hội nghị, hội trường, tập trung, tham gia, ủng hộ",
    // Verbs of demands.
    "bảo vệ, bảo đảm, đảm bảo, chấm dứt, hỗ trợ, giải quyết, cải thiện, lên tiếng",
];
// Indonesian and Malay, with both spellings where they differ
// (`karena`/`kerana`, `bahwa`/`bahawa`).
const MALAY: &[&str] = &[
    // Prepositions.
    "di ke dari pada dalam oleh kepada bagi untuk dengan tentang terhadap sejak hingga antara",
    "tanpa",
    // Conjunctions and the relative `yang`.
    "dan atau tetapi namun karena kerana jika kalau bahwa bahawa yang",
    // The plural of persons and the honorific article.
    "para sang",
];
const MALAY_TRAILING: &[&str] = &[
    // "This" and "that", written after their noun.
    "ini itu",
];
const TAGALOG: &[&str] = &[
    // Markers of the noun phrase, prepositions, conjunctions.
    "ang ng mga sa si ni kay para at o ay nang",
];
const SWAHILI: &[&str] = &[
    // The "of" of each noun class, prepositions, conjunctions.
    "ya wa za la cha vya kwa na katika kwenye bila au lakini kwamba kama ili hadi",
];
const LITHUANIAN: &[&str] = &[
    // Prepositions.
    "į iš su be per prie už nuo po ant pas apie dėl iki tarp prieš virš",
    // Conjunctions, and the negation.
    "ir ar bet kad jei nes o arba nei ne",
];
const LATVIAN: &[&str] = &[
    // Prepositions.
    "uz no ar par pie bez pēc pa līdz pret starp caur aiz zem virs",
    // Conjunctions.
    "un vai bet ka ja jo lai nevis",
];
