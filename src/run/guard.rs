//! A build writes only the files the user named as outputs: never one of
//! its inputs (the statement, the layout and what it extends, fonts,
//! pictures, the ICC profile), and never two outputs to one file, where
//! one leaflet would silently replace another. Nor a file that is there
//! and is not what the build writes: `-o notes.txt` over a text file is a
//! slip of the keyboard far more often than a wish to lose it.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::layout::Layout;

/// A file, and what it is to this run ("the statement a.md", "the PDF of
/// a.md"), for messages.
pub(super) struct Role {
    path: PathBuf,
    what: String,
    /// For an output: how its kind of file begins, so that a file already
    /// there and of another kind is not written over.
    magic: Option<Kind>,
}

/// The kinds of file a build writes.
#[derive(Clone, Copy)]
enum Kind {
    Pdf,
    Png,
}

impl Kind {
    /// The bytes every file of this kind begins with.
    fn signature(self) -> &'static [u8] {
        match self {
            Kind::Pdf => b"%PDF-",
            Kind::Png => b"\x89PNG",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "a PDF",
            Kind::Png => "a PNG picture",
        }
    }
}

impl Role {
    /// `path` as `what`.
    pub(super) fn new(path: impl Into<PathBuf>, what: impl Into<String>) -> Role {
        Role {
            path: path.into(),
            what: what.into(),
            magic: None,
        }
    }

    /// `path` as the PDF built from the statement `input`.
    pub(super) fn pdf(path: impl Into<PathBuf>, input: &str) -> Role {
        Role {
            magic: Some(Kind::Pdf),
            ..Role::new(path, format!("the PDF of {input}"))
        }
    }

    /// `path` as a PNG preview of the statement `input`.
    pub(super) fn preview(path: impl Into<PathBuf>, input: &str) -> Role {
        Role {
            magic: Some(Kind::Png),
            ..Role::new(path, format!("the preview of {input}"))
        }
    }
}

/// What a run reads: the statements (standard input aside) and every
/// file of the layout.
pub(super) fn input_roles<'a>(
    statements: impl IntoIterator<Item = &'a str>,
    layout: &Layout,
) -> Vec<Role> {
    statements
        .into_iter()
        .filter(|i| *i != "-")
        .map(|i| Role::new(i, format!("the statement {i}")))
        .chain(layout.files().into_iter().map(|(p, what)| {
            let shown = format!("{what} {}", p.display());
            Role::new(p, shown)
        }))
        .collect()
}

/// Refuses `outputs` that are one of `inputs` or one another, with an
/// error naming both (exit 2), or that are a file of another kind than
/// the output, before anything is written.
pub(super) fn refuse_overlaps(outputs: &[Role], inputs: &[Role]) -> Result<()> {
    let inputs: Vec<(PathBuf, &Role)> = inputs.iter().map(|r| (same(&r.path), r)).collect();
    let mut seen: Vec<(PathBuf, &Role)> = Vec::with_capacity(outputs.len());
    for out in outputs {
        let key = same(&out.path);
        if let Some((_, input)) = inputs.iter().find(|(k, _)| *k == key) {
            return Err(Error::Usage {
                path: out.path.clone(),
                message: format!(
                    "{} would overwrite {}; nothing was written: choose another output name",
                    out.what, input.what
                ),
            });
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            return Err(Error::Usage {
                path: out.path.clone(),
                message: format!(
                    "{} and {} would both be written here, and one would be lost; \
                     nothing was written: give them different names",
                    first.what, out.what
                ),
            });
        }
        refuse_foreign(out)?;
        seen.push((key, out));
    }
    Ok(())
}

/// Refuses an output whose file is there, holds something, and is not of
/// the output's kind. An empty file (as `mktemp` leaves) and one of the
/// same kind (the last build's PDF) are written over.
fn refuse_foreign(out: &Role) -> Result<()> {
    use std::io::Read;
    let Some(kind) = out.magic else {
        return Ok(());
    };
    let Ok(mut file) = std::fs::File::open(&out.path) else {
        return Ok(());
    };
    if !file.metadata().is_ok_and(|m| m.is_file() && m.len() > 0) {
        return Ok(());
    }
    let signature = kind.signature();
    let mut head = vec![0; signature.len()];
    let read = file.read(&mut head).unwrap_or(0);
    if read == signature.len() && head == signature {
        return Ok(());
    }
    Err(Error::Usage {
        path: out.path.clone(),
        message: format!(
            "{} would overwrite a file that is not {}; nothing was written: \
             choose another output name, or delete the file first",
            out.what,
            kind.name()
        ),
    })
}

/// What makes two paths the same file: the file itself when it exists
/// (links and `..` resolved), else its directory resolved and its name.
fn same(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(dir), path.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of the test's own, removed when it drops.
    fn dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("handbill-guard-{name}-"))
            .tempdir()
            .unwrap()
    }

    #[test]
    fn an_output_that_is_an_input_is_refused_however_it_is_written() {
        let scratch = dir("input");
        let d = scratch.path();
        std::fs::write(d.join("layout.toml"), "").unwrap();
        let inputs = [Role::new(d.join("layout.toml"), "the layout layout.toml")];
        let outputs = [Role::new(d.join("sub/../layout.toml"), "the PDF of s.md")];
        std::fs::create_dir_all(d.join("sub")).unwrap();
        let e = refuse_overlaps(&outputs, &inputs).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.to_string()
                .ends_with("the PDF of s.md would overwrite the layout layout.toml; nothing was written: choose another output name"),
            "{e}"
        );
    }

    #[test]
    fn two_outputs_to_one_file_are_refused() {
        let scratch = dir("twice");
        let d = scratch.path();
        let outputs = [
            Role::new(d.join("s.pdf"), "the PDF of a/s.md"),
            Role::new(d.join("s.pdf"), "the PDF of b/s.md"),
        ];
        let e = refuse_overlaps(&outputs, &[]).unwrap_err();
        assert!(
            e.to_string()
                .contains("the PDF of a/s.md and the PDF of b/s.md would both be written here"),
            "{e}"
        );
        let fine = [
            Role::new(d.join("a.pdf"), "a"),
            Role::new(d.join("b.pdf"), "b"),
        ];
        assert!(refuse_overlaps(&fine, &[]).is_ok());
    }

    #[test]
    fn an_output_over_a_file_of_another_kind_is_refused() {
        let scratch = dir("foreign");
        let d = scratch.path();
        std::fs::write(d.join("notes.txt"), "Our demands\n").unwrap();
        let e = refuse_overlaps(&[Role::pdf(d.join("notes.txt"), "s.md")], &[]).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.to_string()
                .ends_with("the PDF of s.md would overwrite a file that is not a PDF; nothing was written: choose another output name, or delete the file first"),
            "{e}"
        );
        let e = refuse_overlaps(&[Role::preview(d.join("notes.txt"), "s.md")], &[]).unwrap_err();
        assert!(e.to_string().contains("not a PNG picture"), "{e}");
        // The last build's PDF, an empty file and a new name are fine.
        std::fs::write(d.join("old.pdf"), "%PDF-1.7\n").unwrap();
        std::fs::write(d.join("empty"), "").unwrap();
        for name in ["old.pdf", "empty", "new.pdf"] {
            assert!(refuse_overlaps(&[Role::pdf(d.join(name), "s.md")], &[]).is_ok());
        }
    }
}
