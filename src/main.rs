//! The `handbill` command: a thin shell over the library.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use clap::{CommandFactory, Parser, Subcommand};

use handbill::{layout, statement, Error, Location};

#[derive(Parser)]
#[command(
    name = "handbill",
    version,
    about = "Typesets a statement into a print-ready PDF leaflet",
    after_help = "Examples:
  handbill build statement.txt                        default layout (a4-leaflet), writes statement.pdf
  handbill build statement.md --layout a5-flyer -o flyer.pdf
  handbill build - --layout my-layout.toml < statement.txt > out.pdf
  handbill build statements/*.md --out-dir out/       many at once, in parallel
  handbill layouts                                    the built-in layouts
  handbill fonts                                      the bundled font families
  handbill new-layout my-leaflet --from a4-leaflet    a commented layout to edit

Exit codes: 0 ok, 1 bad statement/layout/font, 2 usage error, 3 file I/O error,
130 interrupted. NO_COLOR turns coloured messages off."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build leaflet PDFs from statements (plain text or Markdown).
    #[command(after_help = "Examples:
  handbill build statement.txt
  handbill build statement.md --layout a5-flyer -o flyer.pdf
  handbill build - --layout ./my-layout.toml < statement.txt > out.pdf
  handbill build appeal.txt --lang de
  handbill build statements/*.md --layout a4-leaflet --out-dir out/")]
    Build(BuildArgs),
    /// List the built-in layouts.
    Layouts,
    /// List the bundled font families, the scripts they cover, and a layout's fallback chain.
    Fonts {
        /// The layout whose fallback chain to show (a built-in name or a .toml file).
        #[arg(short, long, default_value = "a4-leaflet")]
        layout: String,
    },
    /// Print a PDF through CUPS, at its own paper size and without scaling.
    #[command(after_help = "Examples:
  handbill print leaflet.pdf --copies 50
  handbill print leaflet.pdf --printer Office --duplex long --paper A4
  handbill print --list")]
    Print {
        /// The PDF to print.
        #[arg(required_unless_present = "list")]
        file: Option<PathBuf>,
        /// The CUPS queue (default: the default printer).
        #[arg(long)]
        printer: Option<String>,
        /// Copies.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10000))]
        copies: u32,
        /// Two-sided: long, short or off (default: long when the PDF has more than one page).
        #[arg(long)]
        duplex: Option<handbill::output::print::Duplex>,
        /// Paper (CUPS media name: A4, A5, Letter, …; default: the PDF's page size).
        #[arg(long)]
        paper: Option<String>,
        /// List the printers instead.
        #[arg(long)]
        list: bool,
    },
    /// Write a commented copy of a built-in layout to edit.
    #[command(after_help = "Example:
  handbill new-layout union-flyer --from a5-flyer     writes union-flyer.toml")]
    NewLayout {
        /// Name of the new layout; the file is NAME.toml unless NAME ends in .toml.
        name: String,
        /// The built-in layout to copy.
        #[arg(long, default_value = "a4-leaflet")]
        from: String,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(after_help = "Example:
  handbill completions bash > ~/.local/share/bash-completion/completions/handbill")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = "Example:
  handbill man > handbill.1 && man ./handbill.1")]
    Man,
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Statement files (`.md` is read as Markdown), or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// A built-in layout name (see `handbill layouts`) or a layout file (.toml).
    #[arg(short, long, default_value = "a4-leaflet")]
    layout: String,
    /// Output PDF for a single statement; default: the input's name with .pdf,
    /// or standard output for `-`. `-` writes to standard output.
    #[arg(short, long, conflicts_with = "out_dir")]
    output: Option<String>,
    /// Directory for the PDFs (default: beside each statement).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// Language tag (BCP 47, e.g. en, de, fr, sr-Cyrl, sr-Latn) for hyphenation; overrides front matter and layout.
    #[arg(long)]
    lang: Option<String>,
    /// Read a non-UTF-8 statement in this encoding (latin1, windows-1252).
    #[arg(long)]
    encoding: Option<String>,
    /// Keep quotes, dashes and "..." as typed (no “curly quotes”, en dashes or ellipses).
    #[arg(long)]
    as_written: bool,
    /// Also write a PNG preview (pages after the first get -2, -3, … before .png).
    #[arg(long, value_name = "FILE.png")]
    png: Option<PathBuf>,
    /// Resolution of the PNG preview, in dots per inch.
    #[arg(long, default_value_t = 150.0, value_parser = parse_dpi)]
    png_dpi: f64,
    /// Print several copies per sheet, with cut marks: 2up (A5 on A4), 4up (A6 on A4), 8up.
    #[arg(long, value_name = "2up|4up|8up")]
    impose: Option<handbill::compose::impose::NUp>,
    /// The printer the PDF is for: office (the default), copyshop, or press
    /// (bleed, CMYK only, PDF/X); overrides the layout's `[print] for`.
    #[arg(long = "for", value_name = "office|copyshop|press")]
    target: Option<handbill::output::target::PrintTarget>,
    /// Treat every warning (preflight findings included) as an error: no PDF
    /// is written unless the build is clean.
    #[arg(long)]
    strict: bool,
    /// Rebuild whenever the statement, the layout file or a picture changes (until Ctrl-C).
    #[arg(long)]
    watch: bool,
    /// Print nothing but errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Also say, for each statement, the language and how long it took.
    #[arg(short, long)]
    verbose: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Interrupted: leave no half-written file, and say so with the shell's
    // conventional code for SIGINT.
    let _ = ctrlc::set_handler(|| {
        handbill::output::file::remove_pending();
        eprintln!("handbill: interrupted; nothing was written");
        std::process::exit(130);
    });
    let result = match cli.command {
        Command::Build(args) => build(&args),
        Command::Layouts => list_layouts(),
        Command::Fonts { layout } => list_fonts(&layout),
        Command::NewLayout { name, from } => new_layout(&name, &from),
        Command::Print {
            file,
            printer,
            copies,
            duplex,
            paper,
            list,
        } => {
            if list {
                list_printers()
            } else {
                let opts = handbill::output::print::PrintOptions {
                    printer,
                    copies,
                    duplex,
                    paper,
                    title: None,
                };
                print_file(file.as_deref(), &opts)
            }
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "handbill",
                &mut std::io::stdout(),
            );
            Ok(())
        }
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut std::io::stdout())
            .map_err(|e| Error::io("<standard output>", &e)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(&e);
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

/// Colour for messages on a terminal, unless NO_COLOR is set.
fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn report_error(e: &Error) {
    if let Error::Strict { warnings, .. } = e {
        for w in warnings {
            if colour() {
                eprintln!("handbill: \x1b[1;31merror\x1b[0m: {}: {}", w.at, w.message);
            } else {
                eprintln!("handbill: error: {}: {}", w.at, w.message);
            }
        }
    }
    if colour() {
        eprintln!("handbill: \x1b[1;31merror\x1b[0m: {e}");
    } else {
        eprintln!("handbill: error: {e}");
    }
}

fn report_warning(w: &handbill::Warning) {
    if colour() {
        eprintln!(
            "handbill: {}: \x1b[1;33mwarning\x1b[0m: {}",
            w.at, w.message
        );
    } else {
        eprintln!("handbill: {w}");
    }
}

fn build(args: &BuildArgs) -> Result<(), Error> {
    let encoding = args
        .encoding
        .as_deref()
        .map(|e| {
            e.parse::<statement::Encoding>()
                .map_err(|_| Error::Statement {
                    at: Location::file(args.inputs[0].clone()),
                    message: format!("unknown encoding `{e}`: use utf-8, latin1 or windows-1252"),
                })
        })
        .transpose()?;
    let layout = layout::load(&args.layout)?;
    if let Some(dir) = &args.out_dir {
        if !dir.is_dir() {
            return Err(Error::Io {
                path: dir.clone(),
                message: "the output directory does not exist".into(),
            });
        }
    }
    if args.watch {
        return watch(args, encoding);
    }
    if args.inputs.len() == 1 {
        return build_one(
            &args.inputs[0],
            args.output.as_deref(),
            &layout,
            encoding,
            args,
            !args.quiet,
        )
        .map(|_| ());
    }
    if args.output.is_some() {
        return Err(Error::Io {
            path: PathBuf::from(args.output.clone().unwrap_or_default()),
            message: "-o names one file; for several statements use --out-dir".into(),
        });
    }
    build_many(&args.inputs, &layout, encoding, args)
}

/// The files a watch follows: the statements, and the layout if it is a file.
fn watched_files(args: &BuildArgs) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = args
        .inputs
        .iter()
        .filter(|i| *i != "-")
        .map(PathBuf::from)
        .collect();
    let layout = Path::new(&args.layout);
    if layout.is_file() {
        files.push(layout.to_path_buf());
    }
    files
}

/// Modification times of `files` (a missing file counts as a change too).
fn stamps(files: &[PathBuf]) -> Vec<Option<std::time::SystemTime>> {
    files
        .iter()
        .map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok())
        .collect()
}

/// Builds, then rebuilds whenever a statement or the layout file changes.
/// Errors are reported and the watch goes on: the next save may fix them.
/// Polling twice a second needs no platform-specific file events and costs
/// nothing noticeable.
fn watch(args: &BuildArgs, encoding: Option<statement::Encoding>) -> Result<(), Error> {
    if args.inputs.iter().any(|i| i == "-") {
        return Err(Error::Io {
            path: "-".into(),
            message: "--watch needs statement files, not standard input".into(),
        });
    }
    let mut files = watched_files(args);
    let mut last = None;
    loop {
        let now = stamps(&files);
        if last.as_ref() != Some(&now) {
            // The layout is read again too: it may be what changed.
            let result = layout::load(&args.layout).and_then(|layout| {
                let mut pictures = Vec::new();
                for i in &args.inputs {
                    pictures.extend(build_one(
                        i,
                        args.output.as_deref(),
                        &layout,
                        encoding,
                        args,
                        !args.quiet,
                    )?);
                }
                Ok(pictures)
            });
            // Watch the pictures the build placed as well: replacing a photo
            // is an edit too. (After a failed build, the last list stays.)
            let before = files.clone();
            match result {
                Ok(pictures) => {
                    files = watched_files(args);
                    for p in pictures {
                        if !files.contains(&p) {
                            files.push(p);
                        }
                    }
                }
                Err(e) => report_error(&e),
            }
            // The times from before the build, so that a save during it
            // still triggers the next one; a new list starts from now.
            last = Some(if files == before { now } else { stamps(&files) });
            if !args.quiet {
                eprintln!(
                    "handbill: watching {} file{} (Ctrl-C stops)",
                    files.len(),
                    if files.len() == 1 { "" } else { "s" }
                );
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
}

/// Builds several statements on all cores; one failure does not stop the
/// others, and the worst failure decides the exit code.
fn build_many(
    inputs: &[String],
    layout: &layout::Layout,
    encoding: Option<statement::Encoding>,
    args: &BuildArgs,
) -> Result<(), Error> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len());
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, Error)>> = Mutex::new(Vec::new());
    let bar = (std::io::stderr().is_terminal() && !args.quiet).then(|| {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}") {
            bar.set_style(style);
        }
        bar
    });
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(input) = inputs.get(i) else { break };
                // A batch shows a progress bar on a terminal and is quiet
                // otherwise, unless asked for details.
                let result =
                    build_one(input, None, layout, encoding, args, args.verbose).map(|_| ());
                if let Err(e) = result {
                    failures
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push((input.clone(), e));
                }
                if let Some(bar) = &bar {
                    bar.set_message(input.clone());
                    bar.inc(1);
                }
            });
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    let Some(worst) = failures.iter().map(|(_, e)| e.exit_code()).max() else {
        return Ok(());
    };
    for (_, e) in &failures {
        report_error(e);
    }
    let count = failures.len();
    Err(Error::Batch {
        message: format!("{count} of {} statements failed", inputs.len()),
        exit_code: worst,
    })
}

fn build_one(
    input: &str,
    output: Option<&str>,
    layout: &layout::Layout,
    encoding: Option<statement::Encoding>,
    args: &BuildArgs,
    announce: bool,
) -> Result<Vec<PathBuf>, Error> {
    let started = std::time::Instant::now();
    let bytes = read_input(input)?;
    let target = output_target(input, output, args.out_dir.as_deref())?;
    let out = handbill::build(&handbill::BuildRequest {
        statement: &bytes,
        name: input,
        format: statement::format_for_path(input),
        encoding,
        layout,
        lang: args.lang.clone(),
        as_written: args.as_written,
        png_dpi: args.png.as_ref().map(|_| args.png_dpi),
        impose: args.impose,
        target: args.target,
        strict: args.strict,
        ..handbill::BuildRequest::new(&bytes, input, layout)
    })?;
    if announce {
        for n in &out.notes {
            eprintln!("handbill: {n}");
        }
    }
    if !args.quiet {
        for w in &out.warnings {
            report_warning(w);
        }
    }
    if let Some(png) = &args.png {
        write_pngs(png, &out.png)?;
    }
    let written = match target {
        Target::Stdout => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&out.pdf)
                .and_then(|_| stdout.flush())
                .map_err(|e| Error::io("<standard output>", &e))?;
            "standard output".to_string()
        }
        Target::File(path) => {
            handbill::output::file::write_atomically(&path, &out.pdf)?;
            path.display().to_string()
        }
    };
    if announce {
        let pages = format!(
            "{} page{}",
            out.pages,
            if out.pages == 1 { "" } else { "s" }
        );
        if args.verbose {
            eprintln!(
                "handbill: wrote {written} ({pages}, body {}, language {}, {:.0} ms)",
                out.body_size,
                out.lang,
                started.elapsed().as_secs_f64() * 1000.0
            );
        } else {
            eprintln!(
                "handbill: wrote {written} ({pages}, body {})",
                out.body_size
            );
        }
    }
    // The pictures it placed, for --watch.
    let mut pictures: Vec<PathBuf> = out
        .pictures
        .iter()
        .map(|p| PathBuf::from(&p.file))
        .collect();
    pictures.dedup();
    Ok(pictures)
}

/// A resolution between 10 and 1200 dpi.
fn parse_dpi(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (10.0..=1200.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} dpi is outside 10 to 1200"))
    }
}

/// Writes page previews: `out.png` for the first page, `out-2.png`, … for the rest.
fn write_pngs(first: &Path, pages: &[Vec<u8>]) -> Result<(), Error> {
    for (i, png) in pages.iter().enumerate() {
        let path = if i == 0 {
            first.to_path_buf()
        } else {
            let stem = first
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            first.with_file_name(format!("{stem}-{}.png", i + 1))
        };
        handbill::output::file::write_atomically(&path, png)?;
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
            at: Location::file(input),
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

fn output_target(
    input: &str,
    output: Option<&str>,
    out_dir: Option<&Path>,
) -> Result<Target, Error> {
    let path = match output {
        Some("-") => return Ok(Target::Stdout),
        Some(o) => PathBuf::from(o),
        None if input == "-" && out_dir.is_none() => return Ok(Target::Stdout),
        None if input == "-" => out_dir.unwrap_or(Path::new(".")).join("statement.pdf"),
        None => {
            let beside = Path::new(input).with_extension("pdf");
            match (out_dir, beside.file_name()) {
                (Some(dir), Some(name)) => dir.join(name),
                _ => beside,
            }
        }
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
    let mut rows = Vec::new();
    for name in layout::builtin_names() {
        let l = layout::load(name)?;
        let p = &l.design.page;
        let grid = match p.fold {
            Some(f) => format!("{} panels", f.panels()),
            None if p.columns == 1 => "1 column".to_string(),
            None => format!("{} columns", p.columns),
        };
        let size = format!(
            "{} {:.0}×{:.0} mm",
            p.paper,
            p.width.to_mm(),
            p.height.to_mm()
        );
        rows.push((name, size, grid, l.description));
    }
    let name_w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let size_w = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (name, size, grid, description) in rows {
        out.push_str(&format!(
            "{name:<name_w$}  {size:<size_w$}  {grid:<10}  {description}\n"
        ));
    }
    print!("{out}");
    Ok(())
}

fn list_fonts(layout: &str) -> Result<(), Error> {
    for f in handbill::typeset::fonts::bundled_families()? {
        println!(
            "{:<9} {:<19} {:<40} {}  [{}]",
            f.alias,
            f.name,
            f.use_for,
            f.scripts.join(", "),
            f.styles.join(", ")
        );
    }
    let spec = layout::load(layout)?;
    println!();
    println!(
        "Fallback chain of {} (tried in order for a character the text's font lacks):",
        spec.name
    );
    let chain = handbill::typeset::fonts::chain_info(&spec.design.body.fallback, &spec.name)?;
    for (k, entry) in chain.iter().enumerate() {
        println!(
            "{:>2}. {:<9} {:<28} {}",
            k + 1,
            entry.written,
            entry.name,
            entry.scripts.join(", ")
        );
    }
    Ok(())
}

fn list_printers() -> Result<(), Error> {
    let printers = handbill::output::print::printers()?;
    if printers.is_empty() {
        eprintln!("handbill: CUPS has no printers");
    }
    for p in printers {
        println!(
            "{}{} {}",
            p.name,
            if p.default { " (default)" } else { "" },
            p.state
        );
    }
    Ok(())
}

fn print_file(
    file: Option<&Path>,
    opts: &handbill::output::print::PrintOptions,
) -> Result<(), Error> {
    let file = file.ok_or_else(|| Error::Io {
        path: "".into(),
        message: "name a PDF to print".into(),
    })?;
    let id = handbill::output::print::print(file, opts)?;
    eprintln!("handbill: sent {} to CUPS as {id}", file.display());
    Ok(())
}

/// Writes a built-in layout's commented source under a new name.
fn new_layout(name: &str, from: &str) -> Result<(), Error> {
    let source = layout::builtin(from).ok_or_else(|| match layout::load(from) {
        Err(e) => e,
        Ok(_) => Error::Layout {
            at: Location::file(from),
            message: "is not a built-in layout".into(),
        },
    })?;
    let path = if name.ends_with(".toml") {
        PathBuf::from(name)
    } else {
        PathBuf::from(format!("{name}.toml"))
    };
    if path.exists() {
        return Err(Error::Io {
            path,
            message: "already exists; choose another name".into(),
        });
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text: String = source
        .lines()
        .map(|l| {
            if l.starts_with("name = ") {
                format!("name = \"{stem}\"")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let text = format!(
        "# Made with `handbill new-layout {name} --from {from}`: edit what differs.\n{text}\n"
    );
    handbill::output::file::write_atomically(&path, text.as_bytes())?;
    eprintln!(
        "handbill: wrote {} (from {from}); use it with --layout {}",
        path.display(),
        path.display()
    );
    Ok(())
}
