//! Printing through CUPS: a finished PDF goes to a printer with the options
//! a leaflet needs (its own paper size, no fit-to-page scaling, both sides
//! when it has more than one page).
//!
//! CUPS's own command-line tools (`lp`, `lpstat`) are the interface: they are
//! what every CUPS installation has, and they speak to remote and local
//! queues alike.

use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};

/// How a document is printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrintOptions {
    /// The queue; `None` means CUPS's default printer.
    pub printer: Option<String>,
    /// Number of copies (at least 1).
    pub copies: u32,
    /// Two-sided printing; `None` chooses from the page count.
    pub duplex: Option<Duplex>,
    /// The paper (a CUPS media name such as `A4`, `A5`, `Letter`); `None`
    /// takes it from the PDF's first page.
    pub paper: Option<String>,
    /// The job's title (cups-pdf names its output after it).
    pub title: Option<String>,
}

/// Which edge the sheet turns on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplex {
    /// One-sided.
    Off,
    /// Turned on the long edge (portrait leaflets).
    LongEdge,
    /// Turned on the short edge (landscape, tri-folds).
    ShortEdge,
}

impl std::str::FromStr for Duplex {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Duplex, String> {
        match s {
            "off" | "none" | "one-sided" => Ok(Duplex::Off),
            "long" | "long-edge" => Ok(Duplex::LongEdge),
            "short" | "short-edge" => Ok(Duplex::ShortEdge),
            _ => Err(format!(
                "`{s}` is not a duplex mode: use long, short or off"
            )),
        }
    }
}

/// A printer queue as CUPS lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printer {
    /// The queue name.
    pub name: String,
    /// CUPS's default destination.
    pub default: bool,
    /// CUPS's one-line state ("is idle.", "disabled since …").
    pub state: String,
}

fn cups_missing(tool: &str) -> Error {
    Error::Io {
        path: tool.into(),
        message: "CUPS is not installed or not on PATH (Debian: apt-get install cups-client; a printer needs a CUPS server)".into(),
    }
}

fn run(tool: &str, args: &[&str]) -> Result<(bool, String, String)> {
    let out = Command::new(tool)
        .args(args)
        .output()
        .map_err(|_| cups_missing(tool))?;
    Ok((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).trim().to_string(),
    ))
}

/// The printers CUPS knows.
pub fn printers() -> Result<Vec<Printer>> {
    let (ok, out, err) = run("lpstat", &["-p"])?;
    if !ok && !err.contains("No destinations") {
        return Err(Error::Io {
            path: "lpstat".into(),
            message: format!("CUPS did not answer: {err}"),
        });
    }
    let (_, default_out, _) = run("lpstat", &["-d"])?;
    let default = default_out
        .rsplit(": ")
        .next()
        .map(|s| s.trim().to_string());
    Ok(out
        .lines()
        .filter_map(|l| l.strip_prefix("printer "))
        .filter_map(|l| {
            let (name, state) = l.split_once(' ')?;
            Some(Printer {
                name: name.to_string(),
                default: default.as_deref() == Some(name),
                state: state.trim().to_string(),
            })
        })
        .collect())
}

/// The CUPS media name for a page size in points, if it is a common one.
pub fn media_for(width_pt: f64, height_pt: f64) -> Option<&'static str> {
    const SIZES: &[(&str, f64, f64)] = &[
        ("A3", 841.89, 1190.55),
        ("A4", 595.28, 841.89),
        ("A5", 419.53, 595.28),
        ("A6", 297.64, 419.53),
        ("Letter", 612.0, 792.0),
        ("Legal", 612.0, 1008.0),
        ("Tabloid", 792.0, 1224.0),
    ];
    let (w, h) = (width_pt.min(height_pt), width_pt.max(height_pt));
    SIZES
        .iter()
        .find(|(_, sw, sh)| (w - sw).abs() < 2.0 && (h - sh).abs() < 2.0)
        .map(|(n, _, _)| *n)
}

/// Page count and first page size (points) of a PDF.
fn pdf_pages(path: &Path) -> Result<(usize, f64, f64)> {
    let doc = lopdf::Document::load(path).map_err(|e| Error::Io {
        path: path.into(),
        message: format!("not a readable PDF ({e})"),
    })?;
    let pages = doc.get_pages();
    let first = pages.values().next().copied();
    let size = first
        .and_then(|id| doc.get_object(id).ok())
        .and_then(|o| o.as_dict().ok())
        .and_then(|d| d.get(b"MediaBox").ok())
        .and_then(|b| b.as_array().ok())
        .and_then(|a| {
            let n: Vec<f64> = a
                .iter()
                .filter_map(|v| {
                    v.as_float()
                        .ok()
                        .map(f64::from)
                        .or_else(|| v.as_i64().ok().map(|i| i as f64))
                })
                .collect();
            (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
        })
        .unwrap_or((595.28, 841.89));
    Ok((pages.len(), size.0, size.1))
}

/// The `lp` arguments for printing `path` (without running anything).
pub fn lp_args(path: &Path, opts: &PrintOptions, pages: usize, size: (f64, f64)) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(p) = &opts.printer {
        args.extend(["-d".to_string(), p.clone()]);
    }
    args.extend(["-n".to_string(), opts.copies.max(1).to_string()]);
    if let Some(t) = &opts.title {
        args.extend(["-t".to_string(), t.clone()]);
    }
    // A leaflet is made for its paper: never shrink it to fit the margins.
    args.extend(["-o".to_string(), "fit-to-page=false".to_string()]);
    args.extend(["-o".to_string(), "print-scaling=none".to_string()]);
    if let Some(media) = opts
        .paper
        .clone()
        .or_else(|| media_for(size.0, size.1).map(str::to_string))
    {
        args.extend(["-o".to_string(), format!("media={media}")]);
    }
    // Portrait leaflets turn like a book page; landscape sheets (tri-folds,
    // 2-up A5 on A4) turn on the short edge, or the back comes out upside
    // down and the fold-in flap lands behind the wrong panel.
    let duplex = opts.duplex.unwrap_or(if pages < 2 {
        Duplex::Off
    } else if size.0 > size.1 {
        Duplex::ShortEdge
    } else {
        Duplex::LongEdge
    });
    let sides = match duplex {
        Duplex::Off => "one-sided",
        Duplex::LongEdge => "two-sided-long-edge",
        Duplex::ShortEdge => "two-sided-short-edge",
    };
    args.extend(["-o".to_string(), format!("sides={sides}")]);
    args.push("--".to_string());
    args.push(path.display().to_string());
    args
}

/// Sends a PDF to CUPS; returns the request id CUPS gave the job.
pub fn print(path: &Path, opts: &PrintOptions) -> Result<String> {
    if !path.is_file() {
        return Err(Error::Io {
            path: path.into(),
            message: "no such file".into(),
        });
    }
    let (pages, w, h) = pdf_pages(path)?;
    let known = printers()?;
    match &opts.printer {
        Some(name) if !known.iter().any(|p| &p.name == name) => {
            let names: Vec<&str> = known.iter().map(|p| p.name.as_str()).collect();
            return Err(Error::Io {
                path: path.into(),
                message: if names.is_empty() {
                    format!("no printer `{name}`: CUPS has no printers (add one with lpadmin or the CUPS web page)")
                } else {
                    format!(
                        "no printer `{name}`; the printers are: {}",
                        names.join(", ")
                    )
                },
            });
        }
        None if !known.iter().any(|p| p.default) => {
            return Err(Error::Io {
                path: path.into(),
                message:
                    "no default printer: name one with --printer (handbill print --list shows them)"
                        .into(),
            })
        }
        _ => {}
    }
    let args = lp_args(path, opts, pages, (w, h));
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (ok, out, err) = run("lp", &arg_refs)?;
    if !ok {
        return Err(Error::Io {
            path: path.into(),
            message: format!("CUPS refused the job: {err}"),
        });
    }
    // "request id is Printer-12 (1 file(s))"
    Ok(out
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .unwrap_or_default()
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_names() {
        assert_eq!(media_for(595.28, 841.89), Some("A4"));
        assert_eq!(media_for(841.89, 595.28), Some("A4"));
        assert_eq!(media_for(612.0, 792.0), Some("Letter"));
        assert_eq!(media_for(500.0, 500.0), None);
    }

    #[test]
    fn leaflet_options() {
        let opts = PrintOptions {
            printer: Some("Office".into()),
            copies: 3,
            ..PrintOptions::default()
        };
        let one = lp_args(Path::new("a.pdf"), &opts, 1, (595.28, 841.89)).join(" ");
        assert_eq!(one, "-d Office -n 3 -o fit-to-page=false -o print-scaling=none -o media=A4 -o sides=one-sided -- a.pdf");
        let two = lp_args(
            Path::new("a.pdf"),
            &PrintOptions {
                copies: 1,
                ..PrintOptions::default()
            },
            2,
            (419.53, 595.28),
        )
        .join(" ");
        assert!(
            two.contains("media=A5") && two.contains("sides=two-sided-long-edge"),
            "{two}"
        );
        let short = PrintOptions {
            duplex: Some(Duplex::ShortEdge),
            paper: Some("Letter".into()),
            copies: 0,
            ..PrintOptions::default()
        };
        let s = lp_args(Path::new("a.pdf"), &short, 2, (595.28, 841.89)).join(" ");
        assert!(
            s.contains("-n 1") && s.contains("media=Letter") && s.contains("two-sided-short-edge"),
            "{s}"
        );
        // A tri-fold: two landscape A4 sides turn on the short edge.
        let tri = lp_args(
            Path::new("t.pdf"),
            &PrintOptions::default(),
            2,
            (841.89, 595.28),
        );
        let tri = tri.join(" ");
        assert!(
            tri.contains("media=A4") && tri.contains("sides=two-sided-short-edge"),
            "{tri}"
        );
    }
}
