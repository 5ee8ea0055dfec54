//! Bytes → text.

use super::{error_at, Encoding};
use crate::error::{Error, Location, Result};

/// Windows-1252 bytes 0x80–0x9F; `None` where the code page defines nothing.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'), // 0x80 €
    None,             // 0x81
    Some('\u{201A}'), // 0x82 ‚
    Some('\u{0192}'), // 0x83 ƒ
    Some('\u{201E}'), // 0x84 „
    Some('\u{2026}'), // 0x85 …
    Some('\u{2020}'), // 0x86 †
    Some('\u{2021}'), // 0x87 ‡
    Some('\u{02C6}'), // 0x88 ˆ
    Some('\u{2030}'), // 0x89 ‰
    Some('\u{0160}'), // 0x8A Š
    Some('\u{2039}'), // 0x8B ‹
    Some('\u{0152}'), // 0x8C Œ
    None,             // 0x8D
    Some('\u{017D}'), // 0x8E Ž
    None,             // 0x8F
    None,             // 0x90
    Some('\u{2018}'), // 0x91 ‘
    Some('\u{2019}'), // 0x92 ’
    Some('\u{201C}'), // 0x93 “
    Some('\u{201D}'), // 0x94 ”
    Some('\u{2022}'), // 0x95 •
    Some('\u{2013}'), // 0x96 –
    Some('\u{2014}'), // 0x97 —
    Some('\u{02DC}'), // 0x98 ˜
    Some('\u{2122}'), // 0x99 ™
    Some('\u{0161}'), // 0x9A š
    Some('\u{203A}'), // 0x9B ›
    Some('\u{0153}'), // 0x9C œ
    None,             // 0x9D
    Some('\u{017E}'), // 0x9E ž
    Some('\u{0178}'), // 0x9F Ÿ
];

/// 1-based line and column after `text`, counting CRLF and lone CR as one
/// line break each, as [`super::parse`] will.
fn position_after(text: impl IntoIterator<Item = char>) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    let mut after_cr = false;
    for c in text {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
        after_cr = c == '\r';
    }
    (line, column)
}

/// Files that are not text, by how they begin, with what they are and
/// what to do: the documents people are sent a statement in, and
/// pictures. Read as text they fail on their first binary byte, with an
/// error about a control character that says nothing of the cause.
const NOT_TEXT: &[(&[u8], &str)] = &[
    (
        b"%PDF-",
        "is a PDF, not text: copy its text into a .txt file (handbill joins the words \
         its lines broke with a hyphen)",
    ),
    (
        b"PK\x03\x04",
        "is a zip archive, such as a LibreOffice (.odt) document, not text: save it as a \
         Word document (.docx) or plain text (.txt) in the word processor, or copy its \
         text into a .txt file",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "is an old Word (.doc) document, not text: save it as plain text (.txt) in the \
         word processor, or copy its text into a .txt file",
    ),
    (
        b"{\\rtf",
        "is an RTF document, not plain text: save it as plain text (.txt) in the word \
         processor",
    ),
    (
        b"\x89PNG",
        "is a picture (PNG), not text: a picture goes in the layout ([[image]]) or the \
         front matter (image = \"…\")",
    ),
    (
        b"\xFF\xD8\xFF",
        "is a picture (JPEG), not text: a picture goes in the layout ([[image]]) or the \
         front matter (image = \"…\")",
    ),
];

/// Bytes → text. UTF-8 (a BOM is removed), or UTF-16 after its byte-order
/// mark, unless `encoding` names Latin-1 or Windows-1252. Invalid UTF-8 is an error naming the line and column of the
/// first bad byte and suggesting `--encoding`; a document or picture that
/// is not text at all is an error saying what it is.
pub fn decode(bytes: &[u8], encoding: Option<Encoding>, file: &str) -> Result<String> {
    if let Some((_, what)) = NOT_TEXT.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Error::Statement {
            at: Location::file(file),
            message: format!("the file {what}"),
        });
    }
    match encoding {
        None | Some(Encoding::Utf8) => utf8(bytes, file),
        Some(enc) => {
            if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
                return Err(Error::Statement {
                    at: Location::file(file),
                    message: format!(
                        "the file starts with a UTF-16 byte-order mark, so it is UTF-16, \
                         not {enc}: leave out --encoding"
                    ),
                });
            }
            if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                return Err(Error::Statement {
                    at: Location::file(file),
                    message: format!(
                        "the file starts with a UTF-8 byte-order mark, so it is UTF-8, \
                         not {enc}: leave out --encoding"
                    ),
                });
            }
            single_byte(bytes, enc, file)
        }
    }
}

fn utf8(bytes: &[u8], file: &str) -> Result<String> {
    // Windows Notepad's "Unicode" and Word's "Unicode text" are UTF-16
    // with a byte-order mark, which says unambiguously how to read them.
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, file);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, file);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
            let (line, column) = position_after(prefix.chars());
            let byte = bytes.get(good).copied().unwrap_or_default();
            let message = match e.error_len() {
                Some(_) => format!(
                    "not UTF-8 (byte 0x{byte:02X}); it looks like Latin-1 or Windows-1252 \
                     text: save it as UTF-8 or pass --encoding windows-1252"
                ),
                None => format!(
                    "not UTF-8 (the file ends inside a character, at byte 0x{byte:02X}); \
                     it may be cut short: save it again as UTF-8"
                ),
            };
            Err(error_at(file, line, column, message))
        }
    }
}

/// UTF-16 after its byte-order mark, each unit read by `unit` (little- or
/// big-endian, as the mark said). A lone surrogate or an odd byte at the
/// end is an error at its line and column, as bad UTF-8 is.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, file: &str) -> Result<String> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => out.push(c),
            Err(e) => {
                let (line, column) = position_after(out.chars());
                return Err(error_at(
                    file,
                    line,
                    column,
                    format!(
                        "not valid UTF-16 (a lone surrogate, 0x{:04X}); save the file \
                         again as UTF-8",
                        e.unpaired_surrogate()
                    ),
                ));
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let (line, column) = position_after(out.chars());
        return Err(error_at(
            file,
            line,
            column,
            "not valid UTF-16 (the file ends inside a character, an odd byte after the \
             last); it may be cut short: save it again as UTF-8"
                .to_string(),
        ));
    }
    Ok(out)
}

fn single_byte(bytes: &[u8], encoding: Encoding, file: &str) -> Result<String> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for (i, &b) in bytes.iter().enumerate() {
        let c = match (encoding, b) {
            (_, 0x00..=0x7F) | (_, 0xA0..=0xFF) => char::from(b),
            (Encoding::Windows1252, _) => match CP1252_HIGH[usize::from(b - 0x80)] {
                Some(c) => c,
                None => {
                    let (line, column) = position_after(bytes[..i].iter().map(|&b| char::from(b)));
                    return Err(error_at(
                        file,
                        line,
                        column,
                        format!(
                            "byte 0x{b:02X} means nothing in Windows-1252; the file is in \
                             another encoding: save it as UTF-8"
                        ),
                    ));
                }
            },
            _ => {
                let (line, column) = position_after(bytes[..i].iter().map(|&b| char::from(b)));
                return Err(error_at(
                    file,
                    line,
                    column,
                    format!(
                        "byte 0x{b:02X} is a control character in Latin-1; the file is \
                         probably Windows-1252: pass --encoding windows-1252"
                    ),
                ));
            }
        };
        out.push(c);
    }
    Ok(out)
}
