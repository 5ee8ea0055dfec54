//! Font files, named by a layout or found among the system's fonts: each
//! read once per path and kept for the whole process, as the shaper
//! borrows a face's bytes for as long as the face exists.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::face::Face;
use crate::error::{Error, Location, Result};

/// Largest font file handbill reads: bigger than any Latin/Cyrillic/Greek
/// font, small enough that a wrong path (a video, a disk image) fails fast.
const MAX_FONT_FILE: u64 = 64 * 1024 * 1024;

/// Whether `path` is a font handbill can set and embed, read as a build
/// would read it (and kept, so the build does not read it again); the
/// error's words, for a layout that names it.
pub fn check_font_file(path: &Path) -> std::result::Result<(), String> {
    file_face(path).map(drop).map_err(|e| match e {
        Error::Font { message, .. } | Error::Io { message, .. } => message,
        other => other.to_string(),
    })
}

/// A font file, read once per path (and size/mtime) for the life of the process.
pub(super) fn file_face(path: &Path) -> Result<Arc<Face>> {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "font".into());
    collection_face(path, 0, name)
}

/// Face `index` of a font file (a collection, `.ttc`, holds several), named
/// `name`; parsed once per face and file version, and the file read once
/// for all its faces.
pub(super) fn collection_face(path: &Path, index: u32, name: String) -> Result<Arc<Face>> {
    // A file's path, size and modification time: a changed file is read again.
    type Key = (PathBuf, u64, Option<std::time::SystemTime>);
    type Faces = Mutex<HashMap<(Key, u32), Arc<Face>>>;
    static FILES: OnceLock<Mutex<HashMap<Key, &'static [u8]>>> = OnceLock::new();
    static FACES: OnceLock<Faces> = OnceLock::new();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if meta.is_dir() {
        return Err(Error::Font {
            at: Location::file(path.display().to_string()),
            message: "is a directory, not a font file".into(),
        });
    }
    if meta.len() > MAX_FONT_FILE {
        return Err(Error::Font {
            at: Location::file(path.display().to_string()),
            message: format!(
                "is {} MB; handbill reads font files up to {} MB",
                meta.len() >> 20,
                MAX_FONT_FILE >> 20
            ),
        });
    }
    let key = (path.to_path_buf(), meta.len(), meta.modified().ok());
    let faces = FACES.get_or_init(Default::default);
    let mut faces = faces.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(f) = faces.get(&(key.clone(), index)) {
        return Ok(f.clone());
    }
    let files = FILES.get_or_init(Default::default);
    let mut files = files.lock().unwrap_or_else(|p| p.into_inner());
    let data = match files.get(&key) {
        Some(&data) => data,
        None => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
            // Kept for the process's life: the shaper borrows it (see module docs).
            let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            files.insert(key.clone(), data);
            data
        }
    };
    let face = Arc::new(Face::parse(name, data, index, &path.display().to_string())?);
    faces.insert((key, index), face.clone());
    Ok(face)
}
