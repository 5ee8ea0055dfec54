//! Opening a finished file in the desktop's viewer, as most people want to
//! look at a leaflet the moment it is built (`handbill open`, `build --open`).
//!
//! The viewer is the desktop's choice: `xdg-open` on Linux and the BSDs,
//! `open` on macOS, `start` on Windows. `HANDBILL_OPENER` overrides it with
//! a command of the user's (run by `sh` with the file as its last
//! argument), which is also how the tests watch what would be opened
//! without a desktop.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The environment variable naming a command to open files with.
pub const OPENER_VAR: &str = "HANDBILL_OPENER";

/// How long to wait for the opener to say whether it worked. `xdg-open`
/// and `open` hand the file to the viewer and return at once; an opener
/// that is the viewer itself keeps running, and is left to run.
const PATIENCE: Duration = Duration::from_secs(5);

/// Opens `file` in the desktop's viewer (or with `HANDBILL_OPENER`).
/// An error says why it could not be opened; the file itself is untouched.
pub fn open(file: &Path) -> Result<()> {
    if !file.is_file() {
        return Err(Error::Io {
            path: file.into(),
            message: "no such file to open".into(),
        });
    }
    launch(file.as_os_str(), file)
}

/// Opens a web address (`handbill serve --open`) in the desktop's browser,
/// by the same opener as files.
pub fn open_address(url: &str) -> Result<()> {
    launch(OsStr::new(url), Path::new(url))
}

/// Hands `target` to the opener; `file` names it in errors.
fn launch(target: &OsStr, file: &Path) -> Result<()> {
    let (mut command, shown) = opener(target);
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| Error::Io {
            path: file.into(),
            message: format!("could not run {shown} to open it ({e})"),
        })?;
    let started = Instant::now();
    while started.elapsed() < PATIENCE {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(Error::Io {
                    path: file.into(),
                    message: format!(
                        "{shown} could not open it ({status}); open it yourself, or set \
                         {OPENER_VAR} to a viewer command"
                    ),
                })
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// The command that opens `file` (a path or an address), and its name for
/// messages.
fn opener(file: &OsStr) -> (Command, String) {
    if let Some(custom) = std::env::var_os(OPENER_VAR).filter(|v| !v.is_empty()) {
        // Through the shell, so the variable may hold arguments
        // ("evince --presentation"); the file is passed as "$1", never
        // pasted into the command line.
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("{} \"$1\"", custom.to_string_lossy()))
            .arg("handbill-open")
            .arg(file);
        return (c, format!("{OPENER_VAR} ({})", custom.to_string_lossy()));
    }
    if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(file);
        (c, "open".into())
    } else if cfg!(windows) {
        // `start` is built into cmd; its first quoted argument is a
        // window title, so an empty one goes first.
        let mut c = Command::new("cmd");
        c.args(["/c", "start", ""]).arg(file);
        (c, "start".into())
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(file);
        (c, "xdg-open".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_not_handed_to_the_viewer() {
        let e = open(Path::new("/nonexistent/handbill-leaflet.pdf")).unwrap_err();
        assert!(e.to_string().contains("no such file to open"), "{e}");
        assert_eq!(e.exit_code(), 3);
    }
}
