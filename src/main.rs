//! The `handbill` command: a thin shell over the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use handbill::run::{self, Job, Preview};
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

Exit codes: 0 ok, 1 bad statement/layout/font, 2 usage error or an output that
would overwrite an input or a file that is not a PDF, 3 file I/O error, 130
interrupted (143 on SIGTERM, 129 on SIGHUP). NO_COLOR turns coloured messages off."
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
  handbill build appeal.md --layout a5-flyer --fit 1   onto one page, smaller type if need be
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
    /// Start the web editor: write, pick a layout, see every page, download the PDF.
    #[command(after_help = "Examples:
  handbill serve                          on this machine only: open the address it prints
  handbill serve --open                   … and open it in the browser
  handbill serve --host 0.0.0.0           for an office sharing one computer (asks for a token)

The page and the JSON API (POST /api/build, /api/preview, /api/check; GET
/api/layouts) are described in the README.")]
    Serve {
        /// The address to listen on; other than 127.0.0.1, the API asks for a token.
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
        /// The port (0: any free port).
        #[arg(long, default_value_t = handbill::serve::DEFAULT_PORT)]
        port: u16,
        /// The token the API asks for (default: a new random one when --host is not 127.0.0.1).
        #[arg(long)]
        token: Option<String>,
        /// Open the page in the browser (xdg-open, open, start; or $HANDBILL_OPENER).
        #[arg(long)]
        open: bool,
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
    /// Open a PDF or PNG in the desktop's viewer (xdg-open, open, start; or $HANDBILL_OPENER).
    #[command(after_help = "Examples:
  handbill open leaflet.pdf
  HANDBILL_OPENER=evince handbill open leaflet.pdf")]
    Open {
        /// The file to open.
        file: PathBuf,
    },
    /// Print the man page (roff), or write one page per command into a folder.
    #[command(after_help = "Examples:
  handbill man > handbill.1 && man ./handbill.1
  handbill man --dir man/      writes man/handbill.1, man/handbill-build.1, …")]
    Man {
        /// Write handbill.1 and a page for each command (handbill-build.1, …)
        /// into DIR, made if missing, instead of printing handbill.1.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
struct BuildArgs {
    /// Statement files (`.md` is read as Markdown, `.html` as a web page, a Word `.docx` as its text), or `-` for standard input.
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
    /// Also write a PNG preview: to FILE.png, or without a name beside the PDF
    /// (pages after the first get -2, -3, … before .png).
    #[arg(long, value_name = "FILE.png", num_args = 0..=1, value_parser = parse_png)]
    png: Option<Option<PathBuf>>,
    /// Resolution of the PNG preview, in dots per inch.
    #[arg(long, default_value_t = 150.0, value_parser = parse_dpi)]
    png_dpi: f64,
    /// Print several copies per sheet, with cut marks: 2up (A5 on A4), 4up (A6 on A4), 8up;
    /// none for one page per sheet (a copy shop build otherwise imposes small pages).
    #[arg(long, value_name = "2up|4up|8up|none", value_parser = parse_impose)]
    impose: Option<Impose>,
    /// The printer the PDF is for: office (the default), copyshop (small pages
    /// imposed on A4 with cut marks, 300 dpi pictures), or press (bleed, CMYK
    /// only, PDF/X); overrides the layout's `[print] for`.
    #[arg(long = "for", value_name = "office|copyshop|press")]
    target: Option<handbill::layout::print::PrintTarget>,
    /// Fit the statement onto N pages: the body as large as fits, below the
    /// layout's min-size if it must be (not below 7.5pt), the QR code and
    /// imprint closer set before they move; says what it did, or how much
    /// to cut and which layout would hold it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    fit: Option<u32>,
    /// The statement's translation: both on one sheet, front and back (or side
    /// by side on a poster), at one body size; wins over front matter
    /// `translation`.
    #[arg(long, value_name = "FILE")]
    with: Option<String>,
    /// Treat every warning (preflight findings included) as an error: no PDF
    /// is written unless the build is clean.
    #[arg(long)]
    strict: bool,
    /// Rebuild whenever the statement, the layout file or a picture changes (until Ctrl-C).
    #[arg(long)]
    watch: bool,
    /// Open the PDF in the desktop's viewer once it is written (see `handbill open`;
    /// with --watch, after the first build); a viewer that cannot be started is
    /// a warning, not a failed build.
    #[arg(long)]
    open: bool,
    /// Print nothing but errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Also say, for each statement, the language and how long it took.
    #[arg(short, long)]
    verbose: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Interrupted or told to stop (Ctrl-C, SIGTERM, SIGHUP): leave no
    // half-written file, and say so with the shell's convention for a
    // signal, 128 + its number.
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Between builds (a watch waiting for a change) nothing was
                // being written, and what was written stays.
                if handbill::output::file::remove_pending() {
                    eprintln!("handbill: interrupted; nothing was written");
                } else {
                    eprintln!("handbill: stopped");
                }
                std::process::exit(128 + signal);
            }
        });
    }
    let result = match cli.command {
        Command::Build(args) => build(&args),
        Command::Layouts => list_layouts(),
        Command::Fonts { layout } => list_fonts(&layout),
        Command::NewLayout { name, from } => new_layout(&name, &from),
        Command::Serve {
            host,
            port,
            token,
            open,
        } => serve(&handbill::serve::Options { host, port, token }, open),
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
        Command::Open { file } => handbill::output::open::open(&file),
        Command::Man { dir: None } => man_pages()
            .swap_remove(0)
            .render(&mut std::io::stdout())
            .map_err(|e| Error::io("<standard output>", &e)),
        Command::Man { dir: Some(dir) } => write_man_pages(&dir),
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
    let job = Job {
        inputs: args.inputs.clone(),
        layout: args.layout.clone(),
        output: args.output.clone(),
        out_dir: args.out_dir.clone(),
        lang: args.lang.clone(),
        encoding,
        as_written: args.as_written,
        png: args.png.clone().map(|p| match p {
            Some(file) => Preview::File(file),
            None => Preview::Beside,
        }),
        png_dpi: args.png_dpi,
        impose: args.impose.map(|i| i.0),
        target: args.target,
        fit: args.fit.map(|n| n as usize),
        with: args.with.clone(),
        strict: args.strict,
        quiet: args.quiet,
        verbose: args.verbose,
    };
    // A batch shows a progress bar on a terminal.
    let bar =
        (args.inputs.len() > 1 && !args.watch && std::io::stderr().is_terminal() && !args.quiet)
            .then(|| {
                let bar = indicatif::ProgressBar::new(args.inputs.len() as u64);
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                {
                    bar.set_style(style);
                }
                bar
            });
    if args.open {
        match args.inputs.as_slice() {
            [input] => {
                if run::output_path(input, job.output.as_deref(), job.out_dir.as_deref())
                    == run::Target::Stdout
                {
                    return Err(Error::Usage {
                        path: "--open".into(),
                        message: "a PDF on standard output cannot be opened; name it with -o"
                            .into(),
                    });
                }
            }
            _ => {
                return Err(Error::Usage {
                    path: "--open".into(),
                    message: "opens the PDF of one statement; build the others without it".into(),
                })
            }
        }
    }
    let report = Stderr {
        bar,
        open: args.open.then(|| std::sync::atomic::AtomicBool::new(false)),
        quiet: args.quiet,
    };
    let result = run::run(&job, args.watch, &report);
    if let Some(bar) = report.bar {
        bar.finish_and_clear();
    }
    result
}

/// The man pages: handbill's own first, then one per command.
fn man_pages() -> Vec<clap_mangen::Man> {
    // Built, the subcommands carry their display names (handbill-build),
    // which become the pages' titles and the top page's references; clap's
    // `help` command needs no page.
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let mut commands = vec![cli.clone()];
    commands.extend(cli.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
    commands
        .into_iter()
        // Every page is from handbill, not from a program called "build".
        .map(|c| clap_mangen::Man::new(c).source(format!("handbill {}", env!("CARGO_PKG_VERSION"))))
        .collect()
}

/// `handbill man --dir DIR`: handbill.1 and one page per command
/// (handbill-build.1, …), each with its own options, which the single
/// page only lists by name.
fn write_man_pages(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
    for man in man_pages() {
        let mut roff = Vec::new();
        let path = dir.join(man.get_filename());
        man.render(&mut roff).map_err(|e| Error::io(&path, &e))?;
        handbill::output::file::write_atomically(&path, &roff)?;
        eprintln!("handbill: wrote {}", path.display());
    }
    Ok(())
}

/// Messages to standard error, in colour on a terminal.
struct Stderr {
    bar: Option<indicatif::ProgressBar>,
    /// With `--open`: whether the PDF has been opened yet. A watch opens it
    /// once; the viewer shows each rebuild as it reloads the file.
    open: Option<std::sync::atomic::AtomicBool>,
    quiet: bool,
}

impl run::Report for Stderr {
    fn note(&self, note: &handbill::Note) {
        eprintln!("handbill: {note}");
    }
    fn warning(&self, warning: &handbill::Warning) {
        report_warning(warning);
    }
    fn error(&self, error: &Error) {
        report_error(error);
    }
    fn wrote(&self, line: &str) {
        eprintln!("handbill: {line}");
    }
    fn written(&self, pdf: &Path) {
        let Some(opened) = &self.open else { return };
        if opened.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        // The PDF is written: a viewer that will not start is worth a
        // warning, not a failed build.
        if let Err(e) = handbill::output::open::open(pdf) {
            let message = match e {
                Error::Io { message, .. } => message,
                other => other.to_string(),
            };
            if !self.quiet {
                report_warning(&handbill::Warning {
                    at: Location::file(pdf.display().to_string()),
                    message,
                });
            }
        }
    }
    fn progress(&self, name: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(name.to_string());
            bar.inc(1);
        }
    }
}

/// A preview's file name: it must end in .png, so that a statement written
/// after a bare `--png` is not taken for the preview's name and overwritten.
fn parse_png(s: &str) -> Result<PathBuf, String> {
    if s.to_ascii_lowercase().ends_with(".png") {
        Ok(PathBuf::from(s))
    } else {
        Err(format!(
            "`{s}` does not end in .png; name the preview FILE.png, or put a bare --png \
             after the statements"
        ))
    }
}

/// `--impose`: copies per sheet, or `None` for "none". A wrapper, since
/// clap reads an `Option<Option<_>>` field as a flag with an optional value.
#[derive(Clone, Copy)]
struct Impose(Option<handbill::layout::print::NUp>);

fn parse_impose(s: &str) -> Result<Impose, String> {
    handbill::layout::print::NUp::parse_or_none(s).map(Impose)
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
        let name = if name == layout::builtin_names()[0] {
            format!("{name} (default)")
        } else {
            name.to_string()
        };
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

/// Serves the web editor until interrupted; says where, on standard output
/// (a script can read the address from its first line).
fn serve(opts: &handbill::serve::Options, open: bool) -> Result<(), Error> {
    use std::io::Write;
    let server = handbill::serve::Server::bind(opts)?;
    let url = server.url();
    let mut out = std::io::stdout().lock();
    // Nowhere to say it means nowhere to open it: carry on regardless.
    let _ = writeln!(out, "{url}").and_then(|_| out.flush());
    drop(out);
    eprintln!("handbill: serving the editor at {url} (Ctrl-C stops it)");
    if open {
        // On its own thread: an opener that is the browser itself keeps
        // running, and the server must answer it meanwhile.
        let url = url.clone();
        std::thread::spawn(move || {
            if let Err(e) = handbill::output::open::open_address(&url) {
                eprintln!("handbill: warning: {e}");
            }
        });
    }
    server.run()
}

/// Writes a layout file to edit, made from a built-in layout: every
/// section and key, the built-in's own values set (see `layout::template`).
fn new_layout(name: &str, from: &str) -> Result<(), Error> {
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
    let text = layout::template(&stem, from)?;
    handbill::output::file::write_atomically(&path, text.as_bytes())?;
    eprintln!(
        "handbill: wrote {} (from {from}); use it with --layout {}",
        path.display(),
        path.display()
    );
    Ok(())
}
