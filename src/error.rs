//! Errors and warnings, with the place in the input they are about.
//!
//! Every error handbill reports is one line: `file:line:column: message`
//! where a line and column apply. The CLI maps each kind to an exit code
//! (see [`Error::exit_code`]).

use std::fmt;
use std::path::PathBuf;

/// A place in an input file, for messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (`-` for standard input, `builtin:NAME` for built-in layouts).
    pub file: String,
    /// 1-based line, where it applies.
    pub line: Option<usize>,
    /// 1-based column in characters, where it applies.
    pub column: Option<usize>,
}

impl Location {
    /// A whole file.
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: None,
            column: None,
        }
    }
    /// A line of a file.
    pub fn line(file: impl Into<String>, line: usize) -> Location {
        Location {
            file: file.into(),
            line: Some(line),
            column: None,
        }
    }
    /// A line and column in a file.
    pub fn at(file: impl Into<String>, line: usize, column: usize) -> Location {
        Location {
            file: file.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        Ok(())
    }
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The statement cannot be read as a statement (encoding, control characters, empty…).
    #[error("{at}: {message}")]
    Statement {
        /// Where.
        at: Location,
        /// What is wrong, and what to do.
        message: String,
    },
    /// The layout spec is wrong (syntax, unknown key, bad value, cycle…).
    #[error("{at}: {message}")]
    Layout {
        /// Where.
        at: Location,
        /// What is wrong, and what to do.
        message: String,
    },
    /// A font cannot be used (missing, corrupt, licence forbids embedding, lacks glyphs).
    #[error("{at}: {message}")]
    Font {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A picture cannot be used (missing, not an image, truncated, too many
    /// pixels). `at` is where it was named (layout key or front matter line);
    /// the message names the picture file.
    #[error("{at}: {message}")]
    Image {
        /// Where the picture was named.
        at: Location,
        /// What is wrong with the file, naming it.
        message: String,
    },
    /// The text cannot be set as asked (a character no font has, overflow…).
    #[error("{at}: {message}")]
    Typeset {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// `--strict` and the build had warnings (preflight findings among them);
    /// nothing was written.
    #[error("{at}: --strict: {} warning{} (listed above), so no PDF was written", warnings.len(), if warnings.len() == 1 { "" } else { "s" })]
    Strict {
        /// The statement.
        at: Location,
        /// Every warning, each to be reported as an error.
        warnings: Vec<Warning>,
    },
    /// Several statements were built and some failed (each was reported).
    #[error("{message}")]
    Batch {
        /// How many failed.
        message: String,
        /// The worst failure's exit code.
        exit_code: i32,
    },
    /// Text of the statement that composition did not place: always a
    /// fault of handbill's (fitting and the overflow rules exist so that
    /// text is placed or refused with a reason), caught before writing.
    #[error("{at}: {message}")]
    Lost {
        /// The statement.
        at: Location,
        /// What is missing, quoted.
        message: String,
    },
    /// A command that would write over one of its own inputs, or write
    /// two outputs to one file: refused before anything is written.
    #[error("{}: {message}", path.display())]
    Usage {
        /// The output in question.
        path: PathBuf,
        /// What it would overwrite, in words.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{}: {message}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What failed, in words.
        message: String,
    },
}

impl Error {
    /// The process exit code for this error: 1 for bad input (statement,
    /// layout, font, picture, typesetting), 2 for a command that would
    /// overwrite its own inputs (as for clap's usage errors), 3 for I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Io { .. } => 3,
            Error::Usage { .. } => 2,
            Error::Batch { exit_code, .. } => *exit_code,
            _ => 1,
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, err: &std::io::Error) -> Error {
        let message = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => {
                // The OS text without Rust's " (os error N)" tail.
                let s = err.to_string();
                match s.find(" (os error") {
                    Some(i) => s[..i].to_string(),
                    None => s,
                }
            }
        };
        Error::Io {
            path: path.into(),
            message,
        }
    }
}

/// Something the user should know that does not stop the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub at: Location,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: warning: {}", self.at, self.message)
    }
}

/// Something worth saying at normal verbosity that is not a problem, such
/// as the language detected in a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What it is about.
    pub at: Location,
    /// What to say.
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Shorthand for handbill results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
