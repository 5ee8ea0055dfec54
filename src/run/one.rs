//! One statement: read it, build it, write the PDF (and previews) where the
//! user asked, never over the statement itself.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::guard::{input_roles, refuse_overlaps, Role};
use super::{Job, Report};
use crate::error::{Error, Result};
use crate::layout::Layout;
use crate::output::file::write_atomically;
use crate::statement::read_input;
use crate::{build, BuildRequest};

/// Builds `input` on `layout` and writes its PDF to `output` (or where
/// [`output_target`] puts it), saying what it wrote when `announce`.
/// Returns the picture files it placed, for a watch to follow.
pub fn build_one(
    input: &str,
    output: Option<&str>,
    layout: &Layout,
    job: &Job,
    announce: bool,
    report: &dyn Report,
) -> Result<Vec<PathBuf>> {
    let started = std::time::Instant::now();
    let bytes = read_input(input)?;
    let translation = job.with.as_deref().map(read_input).transpose()?;
    let target = output_target(input, output, job.out_dir.as_deref())?;
    let out = build(&BuildRequest {
        encoding: job.encoding,
        lang: job.lang.clone(),
        as_written: job.as_written,
        png_dpi: job.png.as_ref().map(|_| job.png_dpi),
        impose: job.impose,
        target: job.target,
        strict: job.strict,
        fit_pages: job.fit,
        translation: job
            .with
            .as_deref()
            .zip(translation.as_deref())
            .map(|(name, statement)| crate::Translation { statement, name }),
        ..BuildRequest::new(&bytes, input, layout)
    })?;
    if announce {
        for n in &out.notes {
            report.note(n);
        }
    }
    if !job.quiet {
        for w in &out.warnings {
            report.warning(w);
        }
    }
    refuse_overwriting_what_it_read(input, &target, job, layout, &out)?;
    if let Some(png) = job.png_for(input) {
        write_pngs(&png, &out.png)?;
    }
    let written = match target {
        Target::Stdout => {
            // A PDF that goes nowhere must not be reported as written. A
            // closed standard output reaches here as the null device (Rust
            // opens /dev/null on a closed descriptor 0, 1 or 2 before main).
            if stdout_is_null() {
                return Err(Error::Io {
                    path: "<standard output>".into(),
                    message: "is closed or /dev/null, so the PDF would be lost; \
                              name a file with -o"
                        .into(),
                });
            }
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&out.pdf)
                .and_then(|_| stdout.flush())
                .map_err(|e| Error::io("<standard output>", &e))?;
            "standard output".to_string()
        }
        Target::File(path) => {
            write_atomically(&path, &out.pdf)?;
            report.written(&path);
            path.display().to_string()
        }
    };
    if announce {
        let pages = format!(
            "{} page{}",
            out.pages,
            if out.pages == 1 { "" } else { "s" }
        );
        report.wrote(&if job.verbose {
            format!(
                "wrote {written} ({pages}, body {}, language {}, {:.0} ms)",
                out.body_size,
                out.lang,
                started.elapsed().as_secs_f64() * 1000.0
            )
        } else {
            format!("wrote {written} ({pages}, body {})", out.body_size)
        });
    }
    let mut pictures: Vec<PathBuf> = out
        .pictures
        .iter()
        .map(|p| PathBuf::from(&p.file))
        .collect();
    pictures.dedup();
    Ok(pictures)
}

/// Refuses, before writing, outputs that only the build could name: a
/// picture the statement's front matter placed, and the previews of pages
/// after the first (`out-2.png`, …), checked against everything read.
fn refuse_overwriting_what_it_read(
    input: &str,
    target: &Target,
    job: &Job,
    layout: &Layout,
    out: &crate::BuildOutput,
) -> Result<()> {
    let mut outputs = Vec::new();
    if let Target::File(p) = target {
        outputs.push(Role::pdf(p, input));
    }
    if let Some(png) = job.png_for(input) {
        outputs.extend(
            png_paths(&png, out.png.len())
                .into_iter()
                .map(|p| Role::preview(p, input)),
        );
    }
    let mut inputs = input_roles([input], layout);
    inputs.extend(
        out.pictures
            .iter()
            .map(|p| Role::new(&p.file, format!("the picture {}", p.file))),
    );
    refuse_overlaps(&outputs, &inputs)
}

/// Whether standard output is the null device (or was closed).
fn stdout_is_null() -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(out), Ok(null)) = (
        std::fs::metadata("/proc/self/fd/1"),
        std::fs::metadata("/dev/null"),
    ) else {
        return false;
    };
    out.rdev() == null.rdev() && out.dev() == null.dev() && out.ino() == null.ino()
}

/// Writes page previews: `out.png` for the first page, `out-2.png`, … for the rest.
pub fn write_pngs(first: &Path, pages: &[Vec<u8>]) -> Result<()> {
    for (path, png) in png_paths(first, pages.len()).iter().zip(pages) {
        write_atomically(path, png)?;
    }
    Ok(())
}

/// The files of `pages` page previews, the first at `first`.
fn png_paths(first: &Path, pages: usize) -> Vec<PathBuf> {
    let stem = first
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (0..pages)
        .map(|i| {
            if i == 0 {
                first.to_path_buf()
            } else {
                first.with_file_name(format!("{stem}-{}.png", i + 1))
            }
        })
        .collect()
}

/// Where a PDF goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

/// Where the PDF of `input` goes: `output` if given (`-` is standard
/// output), else beside the statement (or in `out_dir`) with `.pdf`, else,
/// for standard input, standard output.
pub fn output_path(input: &str, output: Option<&str>, out_dir: Option<&Path>) -> Target {
    Target::File(match output {
        Some("-") => return Target::Stdout,
        Some(o) => PathBuf::from(o),
        None if input == "-" && out_dir.is_none() => return Target::Stdout,
        None if input == "-" => out_dir.unwrap_or(Path::new(".")).join("statement.pdf"),
        None => {
            let beside = Path::new(input).with_extension("pdf");
            match (out_dir, beside.file_name()) {
                (Some(dir), Some(name)) => dir.join(name),
                _ => beside,
            }
        }
    })
}

/// [`output_path`], refused when it is the statement itself.
pub fn output_target(input: &str, output: Option<&str>, out_dir: Option<&Path>) -> Result<Target> {
    let target = output_path(input, output, out_dir);
    if let Target::File(path) = &target {
        if input != "-" {
            let outputs = [Role::pdf(path, input)];
            let inputs = [Role::new(input, format!("the statement {input}"))];
            refuse_overlaps(&outputs, &inputs)?;
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_goes_beside_the_statement_or_into_the_directory() {
        let t = output_target("a/b.txt", None, None).unwrap();
        assert_eq!(t, Target::File(PathBuf::from("a/b.pdf")));
        let t = output_target("a/b.txt", None, Some(Path::new("out"))).unwrap();
        assert_eq!(t, Target::File(PathBuf::from("out/b.pdf")));
        assert_eq!(output_target("-", None, None).unwrap(), Target::Stdout);
        assert_eq!(
            output_target("a.txt", Some("-"), None).unwrap(),
            Target::Stdout
        );
    }

    #[test]
    fn the_statement_is_never_its_own_output() {
        let e = output_target("a.pdf", None, None).unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.contains("the PDF of a.pdf would overwrite the statement a.pdf"),
            "{shown}"
        );
        assert_eq!(e.exit_code(), 2);
    }
}
