//! The `handbill` command: a thin shell over the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use handbill::{spec, statement, Error};

#[derive(Parser)]
#[command(
    name = "handbill",
    version,
    about = "Typesets a statement into a print-ready PDF leaflet",
    after_help = "Examples:
  handbill build statement.txt                        default layout (a4-leaflet), writes statement.pdf
  handbill build statement.md --layout a5-flyer -o flyer.pdf
  handbill build - --layout my-layout.toml < statement.txt > out.pdf
  handbill layouts                                    the built-in layouts
  handbill fonts                                      the bundled font families

Exit codes: 0 ok, 1 bad statement/layout/font, 2 usage error, 3 file I/O error,
130 interrupted."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a leaflet PDF from a statement (plain text or Markdown).
    #[command(after_help = "Examples:
  handbill build statement.txt
  handbill build statement.md --layout a5-flyer -o flyer.pdf
  handbill build - --layout ./my-layout.toml < statement.txt > out.pdf
  handbill build appeal.txt --lang de")]
    Build {
        /// The statement file (`.md` is read as Markdown), or `-` for standard input.
        input: String,
        /// A built-in layout name (see `handbill layouts`) or a layout file (.toml).
        #[arg(short, long, default_value = "a4-leaflet")]
        layout: String,
        /// Output PDF; default: the input's name with .pdf, or standard output for `-` input. `-` writes to standard output.
        #[arg(short, long)]
        output: Option<String>,
        /// Language tag (BCP 47, e.g. en, de, fr, sr-Cyrl, sr-Latn) for hyphenation; overrides front matter and layout.
        #[arg(long)]
        lang: Option<String>,
        /// Read a non-UTF-8 statement in this encoding (latin1, windows-1252).
        #[arg(long)]
        encoding: Option<String>,
        /// Keep quotes, dashes and "..." as typed (no “curly quotes”, en dashes or ellipses).
        #[arg(long)]
        as_written: bool,
        /// Print no warnings.
        #[arg(short, long)]
        quiet: bool,
    },
    /// List the built-in layouts.
    Layouts,
    /// List the bundled font families and the scripts they cover.
    Fonts,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Interrupted: leave no half-written file, and say so with the shell's
    // conventional code for SIGINT.
    let _ = ctrlc::set_handler(|| {
        handbill::output::remove_pending();
        eprintln!("handbill: interrupted; nothing was written");
        std::process::exit(130);
    });
    let result = match cli.command {
        Command::Build {
            input,
            layout,
            output,
            lang,
            encoding,
            as_written,
            quiet,
        } => build(
            &input,
            &layout,
            output.as_deref(),
            lang,
            encoding.as_deref(),
            as_written,
            quiet,
        ),
        Command::Layouts => list_layouts(),
        Command::Fonts => list_fonts(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("handbill: error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn build(
    input: &str,
    layout: &str,
    output: Option<&str>,
    lang: Option<String>,
    encoding: Option<&str>,
    as_written: bool,
    quiet: bool,
) -> Result<(), Error> {
    let encoding = encoding
        .map(|e| {
            e.parse::<statement::Encoding>()
                .map_err(|_| Error::Statement {
                    at: handbill::Location::file(input),
                    message: format!("unknown encoding `{e}`: use utf-8, latin1 or windows-1252"),
                })
        })
        .transpose()?;
    let bytes = read_input(input)?;
    let layout = spec::load(layout)?;
    let target = output_target(input, output)?;
    let out = handbill::build(&handbill::BuildRequest {
        statement: &bytes,
        name: input,
        format: statement::format_for_path(input),
        encoding,
        layout: &layout,
        lang,
        as_written,
    })?;
    if !quiet {
        for w in &out.warnings {
            eprintln!("handbill: {w}");
        }
    }
    match target {
        Target::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&out.pdf)
                .and_then(|_| stdout.flush())
                .map_err(|e| Error::io("<standard output>", &e))?;
        }
        Target::File(path) => {
            handbill::output::write_atomically(&path, &out.pdf)?;
            if !quiet {
                eprintln!(
                    "handbill: wrote {} ({} page{}, body {})",
                    path.display(),
                    out.pages,
                    if out.pages == 1 { "" } else { "s" },
                    out.body_size
                );
            }
        }
    }
    Ok(())
}

/// Largest statement handbill reads: far beyond any leaflet or booklet, small
/// enough that a wrong file (a video, a disk image) is refused at once.
const MAX_STATEMENT: u64 = 16 * 1024 * 1024;

fn read_input(input: &str) -> Result<Vec<u8>, Error> {
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
            at: handbill::Location::file(input),
            message: format!(
                "is larger than {} MB, the most handbill reads",
                MAX_STATEMENT >> 20
            ),
        });
    }
    Ok(bytes)
}

enum Target {
    Stdout,
    File(PathBuf),
}

fn output_target(input: &str, output: Option<&str>) -> Result<Target, Error> {
    let path = match output {
        Some("-") => return Ok(Target::Stdout),
        Some(o) => PathBuf::from(o),
        None if input == "-" => return Ok(Target::Stdout),
        None => Path::new(input).with_extension("pdf"),
    };
    if input != "-" {
        let same = match (std::fs::canonicalize(input), std::fs::canonicalize(&path)) {
            (Ok(a), Ok(b)) => a == b,
            _ => Path::new(input) == path,
        };
        if same {
            return Err(Error::Io {
                path,
                message:
                    "the output would overwrite the statement itself; choose another name with -o"
                        .into(),
            });
        }
    }
    Ok(Target::File(path))
}

fn list_layouts() -> Result<(), Error> {
    let mut out = String::new();
    for name in spec::builtin_names() {
        let l = spec::load(name)?;
        let p = &l.page;
        out.push_str(&format!(
            "{:<16} {:>4} {:>3.0}×{:<3.0} mm  {} column{}  {}\n",
            name,
            p.paper,
            p.width.to_mm(),
            p.height.to_mm(),
            p.columns,
            if p.columns == 1 { " " } else { "s" },
            l.description
        ));
    }
    print!("{out}");
    Ok(())
}

fn list_fonts() -> Result<(), Error> {
    for f in handbill::fonts::bundled_families()? {
        println!(
            "{:<9} {:<13} {:<34} {}  [{}]",
            f.alias,
            f.name,
            f.use_for,
            f.scripts.join(", "),
            f.styles.join(", ")
        );
    }
    Ok(())
}
