//! Rebuilding whenever a statement, the layout file or a picture changes.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{build_one, Job, Report};
use crate::error::{Error, Result};
use crate::layout;

/// How often the files are looked at: twice a second feels immediate after
/// a save, and polling needs no platform-specific file events.
const POLL: std::time::Duration = std::time::Duration::from_millis(500);

/// Builds, then rebuilds whenever a statement or the layout file changes,
/// until the process is stopped. Errors are reported and the watch goes
/// on: the next save may fix them.
pub fn watch(job: &Job, report: &dyn Report) -> Result<()> {
    if job.inputs.iter().any(|i| i == "-") {
        return Err(Error::Io {
            path: "-".into(),
            message: "--watch needs statement files, not standard input".into(),
        });
    }
    let mut files = watched_files(job);
    let mut last = None;
    loop {
        let now = stamps(&files);
        if last.as_ref() != Some(&now) {
            // The layout is read again too: it may be what changed.
            let result = layout::load(&job.layout).and_then(|layout| {
                let mut pictures = Vec::new();
                for i in &job.inputs {
                    let output = job.output.as_deref();
                    pictures.extend(build_one(i, output, &layout, job, !job.quiet, report)?);
                }
                Ok(pictures)
            });
            // Watch the pictures the build placed as well: replacing a photo
            // is an edit too. (After a failed build, the last list stays.)
            let before = files.clone();
            match result {
                Ok(pictures) => {
                    files = watched_files(job);
                    for p in pictures {
                        if !files.contains(&p) {
                            files.push(p);
                        }
                    }
                }
                Err(e) => report.error(&e),
            }
            // The times from before the build, so that a save during it
            // still triggers the next one; a new list starts from now.
            last = Some(if files == before { now } else { stamps(&files) });
            if !job.quiet {
                report.wrote(&format!(
                    "watching {} file{} (Ctrl-C stops)",
                    files.len(),
                    if files.len() == 1 { "" } else { "s" }
                ));
            }
        }
        std::thread::sleep(POLL);
    }
}

/// The files a watch follows: the statements, and the layout if it is a file.
fn watched_files(job: &Job) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = job
        .inputs
        .iter()
        .filter(|i| *i != "-")
        .map(PathBuf::from)
        .collect();
    let layout = Path::new(&job.layout);
    if layout.is_file() {
        files.push(layout.to_path_buf());
    }
    files
}

/// Modification times of `files` (a missing file counts as a change too).
fn stamps(files: &[PathBuf]) -> Vec<Option<SystemTime>> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok())
        .collect()
}
