//! Writing results without ever leaving a half-written file: bytes go to a
//! temporary file in the target's directory, are flushed to disk, and only
//! then renamed over the target.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The temporary file being written, if any, for [`remove_pending`].
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the temporary file of a write in progress. Called when handbill
/// is interrupted or told to stop (Ctrl-C, SIGTERM, SIGHUP), so no
/// half-written file is left behind.
/// Returns whether a write was in progress.
pub fn remove_pending() -> bool {
    let mut pending = PENDING.lock().unwrap_or_else(|p| p.into_inner());
    match pending.take() {
        Some(tmp) => {
            let _ = std::fs::remove_file(tmp);
            true
        }
        None => false,
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
    // An unpredictable name, created exclusively (O_EXCL, so a symlink
    // planted in a shared folder is never followed), short enough for any
    // legal output name, and readable as the user's umask allows, like
    // any file they make.
    let mut tmp = tempfile::Builder::new()
        .prefix(".handbill-")
        .suffix(".tmp")
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(&dir)
        .map_err(|e| Error::io(path, &e))?;
    *PENDING.lock().unwrap_or_else(|p| p.into_inner()) = Some(tmp.path().to_path_buf());
    let result = (|| {
        tmp.write_all(bytes)?;
        // Costs about a tenth of a one-page build, and stays: a full disk
        // or a network share may report a failed write only here, and after
        // the rename the old file would be gone.
        tmp.as_file().sync_all()?;
        tmp.persist(path).map(drop).map_err(|e| e.error)
    })();
    // A failed write's temporary file was removed when `tmp` was dropped.
    PENDING.lock().unwrap_or_else(|p| p.into_inner()).take();
    result.map_err(|e| Error::io(path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of the test's own, removed when it drops.
    fn scratch_dir(prefix: &str) -> tempfile::TempDir {
        tempfile::Builder::new().prefix(prefix).tempdir().unwrap()
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temp() {
        let scratch = scratch_dir("handbill-out-");
        let dir = scratch.path();
        let p = dir.join("a.pdf");
        write_atomically(&p, b"one").unwrap();
        write_atomically(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
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

    #[test]
    fn the_longest_legal_name_works_and_a_planted_link_is_not_followed() {
        let scratch = scratch_dir("handbill-long-");
        let dir = scratch.path();
        // 255 bytes is the longest name most file systems allow; a
        // temporary name built from it would not fit.
        let p = dir.join(format!("{}.pdf", "a".repeat(251)));
        write_atomically(&p, b"one").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        // A link at the name the old scheme predicted leads nowhere now.
        let victim = dir.join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let planted = dir.join(format!(".b.pdf.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomically(&dir.join("b.pdf"), b"two").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(dir.join("b.pdf")).unwrap(), b"two");
    }

    #[test]
    fn the_file_is_readable_as_the_umask_allows() {
        let scratch = scratch_dir("handbill-mode-");
        let dir = scratch.path();
        let p = dir.join("a.pdf");
        write_atomically(&p, b"x").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        // Not the 0600 of a bare temporary file: a copy shop's other
        // accounts may need to read it (umask 022 gives 0644).
        assert_ne!(mode & 0o777, 0o600, "{mode:o}");
    }
}
