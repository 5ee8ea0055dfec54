//! Writing results without ever leaving a half-written file: bytes go to a
//! temporary file in the target's directory, are flushed to disk, and only
//! then renamed over the target.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The temporary file being written, if any, for [`remove_pending`].
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the temporary file of a write in progress. Called when the user
/// interrupts handbill (Ctrl-C), so no half-written file is left behind.
pub fn remove_pending() {
    let mut pending = PENDING.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(tmp) = pending.take() {
        let _ = std::fs::remove_file(tmp);
    }
}

/// Writes `bytes` to `path` atomically: either the whole new file is there,
/// or the old one (if any) is untouched. An existing target that is not a
/// regular file (`/dev/stdout`, a pipe) is written directly: it cannot be
/// replaced by renaming, and holds nothing to protect.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() && !meta.is_dir() {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes).and_then(|_| f.flush()))
                .map_err(|e| Error::io(path, &e));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            message: format!("the directory {} does not exist", dir.display()),
        });
    }
    if path.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            message: "is a directory; give a file name for the PDF".into(),
        });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out.pdf".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    *PENDING.lock().unwrap_or_else(|p| p.into_inner()) = Some(tmp.clone());
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        // Costs about a tenth of a one-page build, and stays: a full disk
        // or a network share may report a failed write only here, and after
        // the rename the old file would be gone.
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    PENDING.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, &e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let dir = std::env::temp_dir().join(format!("handbill-out-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.pdf");
        write_atomically(&p, b"one").unwrap();
        write_atomically(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_directory_is_an_error() {
        let e = write_atomically(Path::new("/nonexistent-dir/x.pdf"), b"x").unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        assert_eq!(e.exit_code(), 3);
    }

    #[test]
    fn a_full_device_is_an_io_error() {
        let e = write_atomically(Path::new("/dev/full"), b"%PDF-1.7").unwrap_err();
        assert!(e.to_string().starts_with("/dev/full: "), "{e}");
        assert_eq!(e.exit_code(), 3);
        assert!(
            Path::new("/dev/full").exists(),
            "the device must not be replaced"
        );
    }

    #[test]
    fn an_unwritable_directory_is_an_error_and_nothing_is_left() {
        // /proc refuses new files even to root.
        let e = write_atomically(Path::new("/proc/handbill-test.pdf"), b"x").unwrap_err();
        assert_eq!(e.exit_code(), 3, "{e}");
    }
}
