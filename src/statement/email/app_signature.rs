//! The line a mail app signs what it sends with ("Sent from my iPhone",
//! "Von meinem iPhone gesendet"): read in the languages of the most used
//! clients, only when it names a device or an app, and left off.

use super::left_off;
use crate::error::Warning;
use crate::statement::classify::raw_text;
use crate::statement::clean::is_space;
use crate::statement::{Para, ParaKind};

/// How a mail app signs a message it sent ("Sent from my iPhone", "Get
/// Outlook for Android", "Von meinem iPhone gesendet"), in the languages
/// of the header list (lower case): the start of the line. The line must
/// also name a device or an app ([`APP_WORDS`]), so that "Sent from my
/// kitchen table" stays.
const APP_SIGNATURES: &[&str] = &[
    "sent from my ",
    "sent from ",
    "sent with ",
    "sent via ",
    "get outlook for ",
    "von meinem ",
    "gesendet von ",
    "gesendet mit ",
    "envoyé de mon ",
    "envoyé depuis ",
    "envoyé à partir de ",
    "enviado desde ",
    "enviado do meu ",
    "enviado de meu ",
    "inviato da ",
    "inviato dal mio ",
    "verzonden vanaf ",
    "verstuurd vanaf ",
    "verzonden met ",
    "wysłane z ",
    "отправлено с ",
    "послато са ",
    "poslato sa ",
    "poslano s ",
];

/// The devices and apps a mail app's signature names (lower case, found
/// as words).
const APP_WORDS: &[&str] = &[
    "iphone",
    "ipad",
    "android",
    "samsung",
    "galaxy",
    "blackberry",
    "huawei",
    "xiaomi",
    "pixel",
    "smartphone",
    "mobile",
    "handy",
    "outlook",
    "yahoo",
    "gmail",
    "proton",
    "aol",
    "windows",
    "ios",
    "mail",
    "móvil",
    "celular",
    "cellulare",
    "telefoon",
    "телефона",
];

/// A device named by its kind ("Sent from my phone", "Envoyé de mon
/// téléphone"), as some apps sign and many people set their signature:
/// read only as a short line's last word, so that "Sent via the union's
/// phone tree" stays.
const DEVICE_WORDS: &[&str] = &[
    "phone",
    "tablet",
    "cellphone",
    "téléphone",
    "teléfono",
    "telefono",
    "telefone",
    "telefon",
    "telefoon",
    "tablette",
];

/// The most words of a line that names its device by kind (see
/// [`DEVICE_WORDS`]): "Enviado desde mi teléfono móvil" has five.
const DEVICE_LINE_WORDS: usize = 5;

/// The longest line read as a mail app's signature, in characters.
const APP_SIGNATURE_MAX_CHARS: usize = 80;

/// `paras` without the lines a mail app signs with ("Sent from my
/// iPhone"), each reported in `warnings`.
pub(super) fn drop_app_signatures(
    mut paras: Vec<Para>,
    file: &str,
    warnings: &mut Vec<Warning>,
) -> Vec<Para> {
    for para in paras.iter_mut().filter(|p| p.kind == ParaKind::Body) {
        para.lines.retain(|line| {
            let text = raw_text(line);
            let trimmed = text.trim_matches(is_space);
            if !is_app_signature(trimmed) {
                return true;
            }
            warnings.push(left_off(
                file,
                line.no,
                &format!("“{trimmed}”, the signature a mail app adds, is left off"),
            ));
            false
        });
    }
    paras.retain(|p| !p.lines.is_empty());
    paras
}

/// Whether a line is the signature a mail app adds under what it sends
/// ("Sent from my iPhone"): one of [`APP_SIGNATURES`], naming a device or
/// an app, and nothing more.
fn is_app_signature(text: &str) -> bool {
    if text.chars().count() > APP_SIGNATURE_MAX_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let by_kind = words.len() <= DEVICE_LINE_WORDS
        && words.iter().rev().take(2).any(|w| DEVICE_WORDS.contains(w));
    APP_SIGNATURES.iter().any(|s| lower.starts_with(s))
        && (by_kind || words.iter().any(|w| APP_WORDS.contains(w)))
}
