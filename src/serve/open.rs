//! `POST /api/open`: a statement file chosen in the page ("Open a file…"),
//! read by the library as `handbill build` reads one, its text sent back
//! for the editor's box.
//!
//! The browser could read the file itself, but only as UTF-8: a file saved
//! by Windows Notepad as "ANSI" would come back with its accented letters
//! replaced by U+FFFD, and a Word document as a screen of zip bytes. Here
//! the statement module's decoding says what a file is (a PDF, a Word
//! document, UTF-16 text) as it does on the command line.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::json;

use super::api::{json_response, read_json, shown_name, upload_bytes, ApiError};
use super::App;
use crate::statement::{self, Encoding, Format, MAX_STATEMENT};

/// A request's body: the file's name (for its format, and shown in
/// messages; never a path on the server) and its bytes in base64.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Opened {
    name: String,
    data: String,
}

/// Reads the file and answers `{text, format, note}`: the editor's text,
/// "markdown", "text" or "html" by the file's extension, and what the
/// page should say about how it was read (or null).
pub async fn open(
    State(_app): State<Arc<App>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let opened: Opened = read_json(body, "{\"name\": \"…\", \"data\": \"base64\"}")?;
    let name = shown_name(&opened.name, "statement.txt");
    let bytes = upload_bytes(
        "statement file",
        &name,
        &opened.data,
        MAX_STATEMENT as usize,
    )?;
    let (text, note, word) = decoded(&bytes, &name)?;
    let format = if word {
        Format::Markdown
    } else {
        statement::format_for_path(&name)
    };
    let format = match format {
        Format::Markdown => "markdown",
        Format::Html => "html",
        Format::Plain => "text",
    };
    Ok(json_response(
        StatusCode::OK,
        &json!({ "text": text, "format": format, "note": note }),
    ))
}

/// The file's text, a note when it was not UTF-8 or was a Word document,
/// and whether it was one (its text is then Markdown). A file that is not
/// UTF-8 but holds no NUL byte is read as Windows-1252, the code page
/// Notepad's "ANSI" means on Western European Windows: the page cannot
/// ask for `--encoding` as the command line does, and the text shows in
/// the box, where wrong letters are seen before anything is printed.
fn decoded(bytes: &[u8], name: &str) -> Result<(String, Option<String>, bool), ApiError> {
    // The command line's advice, and the page's own way round it.
    let unreadable = |e: crate::error::Error| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("{e}; or copy its text and paste it into the box"),
        )
    };
    if statement::docx::is_docx(bytes) {
        let converted = statement::docx::to_markdown(bytes, name).map_err(unreadable)?;
        let mut note = format!(
            "{name} is a Word document: its text is in the box as Markdown (# headline, \
             ## heading, **bold**, - list)."
        );
        for w in converted.warnings {
            note.push_str(&format!(" Also: {}.", w.message));
        }
        return Ok((converted.markdown, Some(note), true));
    }
    match statement::decode(bytes, None, name) {
        Ok(text) => Ok((text, None, false)),
        Err(first) => {
            let single_byte = std::str::from_utf8(bytes).is_err()
                && !bytes.starts_with(&[0xFF, 0xFE])
                && !bytes.starts_with(&[0xFE, 0xFF])
                && !bytes.contains(&0);
            if !single_byte {
                return Err(unreadable(first));
            }
            let text = statement::decode(bytes, Some(Encoding::Windows1252), name)
                .map_err(|_| unreadable(first))?;
            let note = format!(
                "{name} is not UTF-8: it was read as Windows-1252 (Western European). If \
                 letters look wrong, save it as UTF-8 in your text editor and open it again."
            );
            Ok((text, Some(note), false))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_as_the_command_line_reads_it() {
        let (text, note, _) = decoded("Grève à 10 h".as_bytes(), "a.txt").unwrap();
        assert_eq!((text.as_str(), note), ("Grève à 10 h", None));
        // Notepad's "ANSI" on a Western European Windows.
        let (text, note, _) = decoded(b"Gr\xE8ve \x96 10 h", "a.txt").unwrap();
        assert_eq!(text, "Grève – 10 h");
        assert!(note.unwrap().starts_with("a.txt is not UTF-8"));
        // A LibreOffice document says what it is; so does broken UTF-16.
        let odt = decoded(b"PK\x03\x04\x14\x00", "a.odt").unwrap_err();
        assert!(odt.message().contains("(.odt)"), "{}", odt.message());
        let lone = decoded(b"\xFF\xFEa\x00\x00\xDC", "u.txt").unwrap_err();
        assert!(
            lone.message().contains("not valid UTF-16"),
            "{}",
            lone.message()
        );
    }

    #[test]
    fn a_files_name_is_never_a_path() {
        let shown = |n| shown_name(n, "statement.txt");
        assert_eq!(shown("../../etc/passwd"), "passwd");
        assert_eq!(shown("C:\\Users\\me\\appeal.md"), "appeal.md");
        assert_eq!(shown(".."), "statement.txt");
        assert_eq!(shown("a\u{7}b.txt"), "ab.txt");
    }
}
