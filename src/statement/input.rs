//! A statement's bytes, from its file or standard input: bounded in size
//! before anything else reads them.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Location, Result};

/// Largest statement handbill reads: 1 MB is about 170,000 words, 400 A4
/// pages, far beyond any leaflet or booklet. The bound keeps every build
/// within 64 MB plus 30 times the statement's size (tests/limits.rs), and
/// refuses a wrong file (a video, a disk image) at once.
pub const MAX_STATEMENT: u64 = 1024 * 1024;

/// The statement's bytes, from a file or (`-`) standard input, at most
/// [`MAX_STATEMENT`] of them.
pub fn read_input(input: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_STATEMENT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<standard input>", &e))?;
    } else {
        let path = Path::new(input);
        if path.is_dir() {
            return Err(Error::Io {
                path: path.into(),
                message: "is a directory, not a statement file".into(),
            });
        }
        let f = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        f.take(MAX_STATEMENT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, &e))?;
    }
    if bytes.len() as u64 > MAX_STATEMENT {
        return Err(Error::Statement {
            at: Location::file(input),
            message: format!(
                "is larger than {} MB, the most handbill reads",
                MAX_STATEMENT >> 20
            ),
        });
    }
    Ok(bytes)
}
