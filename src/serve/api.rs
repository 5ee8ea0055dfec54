//! The JSON API: what a request may ask, how it becomes a library build,
//! and how the answer (a PDF, a PNG, JSON or an error) is sent back.
//!
//! Every build goes through [`crate::build()`], as the command line's do, so
//! the same statement and settings give the same bytes.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{base64, App};
use crate::error::{Error, Location};
use crate::layout::print::NUp;
use crate::layout::print::PrintTarget;
use crate::layout::{self, Layout};
use crate::output;
use crate::output::print::PrintOptions;
use crate::statement::MAX_STATEMENT;
use crate::statement::{self, Format};
use crate::{build, BuildOutput, BuildRequest};

/// Largest uploaded picture: a phone photo is 2–6 MB, and a picture printed
/// on a leaflet needs no more pixels than such a photo has.
pub const MAX_PICTURE: usize = 8 * 1024 * 1024;

/// Largest request body: a statement at the command line's limit, written
/// as a JSON string (escaped quotes and line breaks make it longer), with
/// room for a layout and a picture in base64 (four characters for three
/// bytes).
pub const MAX_BODY: usize = 2 * MAX_STATEMENT as usize + MAX_PICTURE / 3 * 4 + 4096;

/// Largest layout text: the longest built-in layout, fully commented, is
/// under 10 KiB.
pub const MAX_LAYOUT: usize = 256 * 1024;

/// The resolutions a preview may be drawn at: enough to read the smallest
/// type on screen; an A2 poster at the top one is already 35 MB of pixels.
pub const PREVIEW_DPI: std::ops::RangeInclusive<f64> = 10.0..=150.0;

/// How long a request may wait for a build slot and build: far beyond a
/// leaflet's fraction of a second. Past it the client gets an error; a
/// build already running finishes on its thread (a build cannot be stopped
/// half-way) and holds its slot until then, so the limit on concurrent
/// builds still holds.
pub const BUILD_TIME: Duration = Duration::from_secs(60);

/// The name a statement from the browser goes by in messages and in the
/// JSON answers' `file`, where the page looks for it. Its format comes from
/// the request's `format`, not from this extension.
const STATEMENT_NAME: &str = "statement.md";

/// The name a layout sent as TOML text goes by in messages.
const LAYOUT_NAME: &str = "layout.toml";

/// A request's body: only `statement` is required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Job {
    /// The statement, with or without `+++` front matter.
    statement: String,
    /// A built-in layout's name, or the text of a TOML layout (which may
    /// `extends` a built-in, but may not name files).
    layout: Option<String>,
    /// office, copyshop or press (the layout's `[print] for` otherwise).
    target: Option<String>,
    /// none, 2up, 4up or 8up (the layout's `[print] impose` otherwise).
    impose: Option<String>,
    /// "markdown" (the default), "text" or "html" (a saved web page).
    format: Option<String>,
    /// A language tag overriding the statement's and the layout's.
    lang: Option<String>,
    /// The page to preview, from 1.
    page: Option<usize>,
    /// The preview's resolution.
    dpi: Option<f64>,
    /// Printing: the CUPS queue (else the default printer).
    printer: Option<String>,
    /// Printing: how many copies.
    copies: Option<u32>,
    /// Printing: the job's name in the queue.
    title: Option<String>,
    /// The statement's picture, uploaded: placed where front matter
    /// `image` would place it.
    picture: Option<Upload>,
}

/// An uploaded file: its name (shown in messages, never used as a path)
/// and its bytes in base64.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upload {
    name: String,
    data: String,
}

/// Most copies one print request may ask for: the command line's limit.
const MAX_COPIES: u32 = 10_000;

/// An answer that is not what was asked for: a status and a message, with
/// where in the statement or layout the problem is.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    at: Option<Location>,
}

impl ApiError {
    /// A problem with the request itself (not its statement or layout).
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            at: None,
        }
    }

    /// What the answer says.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A build's error: the statement's or layout's mistakes are the
    /// client's to fix (422, with their place); anything else is the
    /// server's (500).
    fn from_build(e: Error) -> ApiError {
        match e {
            Error::Statement { at, message }
            | Error::Layout { at, message }
            | Error::Font { at, message }
            | Error::Image { at, message }
            | Error::Typeset { at, message }
            | Error::Lost { at, message } => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                message,
                at: Some(at),
            },
            Error::Strict { ref at, .. } => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                message: e.to_string(),
                at: Some(at.clone()),
            },
            other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let at = self.at.as_ref();
        let body = json!({
            "error": self.message,
            "file": at.map(|a| a.file.clone()),
            "line": at.and_then(|a| a.line),
            "column": at.and_then(|a| a.column),
        });
        json_response(self.status, &body)
    }
}

/// A [`Job`] read and checked: everything a build needs, owned, to move to
/// a build thread.
struct Prepared {
    statement: Vec<u8>,
    /// The uploaded picture's name and bytes.
    picture: Option<(String, Vec<u8>)>,
    format: Format,
    layout: Arc<Layout>,
    target: Option<PrintTarget>,
    impose: Option<Option<NUp>>,
    lang: Option<String>,
}

impl Prepared {
    /// Builds it, with previews at `png_dpi` if asked.
    fn build(&self, png_dpi: Option<f64>) -> Result<BuildOutput, ApiError> {
        build(&BuildRequest {
            format: self.format,
            lang: self.lang.clone(),
            impose: self.impose,
            target: self.target,
            png_dpi,
            picture: self
                .picture
                .as_ref()
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
            ..BuildRequest::new(&self.statement, STATEMENT_NAME, &self.layout)
        })
        .map_err(ApiError::from_build)
    }
}

/// Reads a request body as a [`Job`]: JSON mistakes are answered with
/// their line and column in the body.
fn read_job(body: Result<Bytes, BytesRejection>) -> Result<Job, ApiError> {
    read_json(body, "at least {\"statement\": \"…\"}")
}

/// Reads a request body as the JSON of a `T`, `shape` saying what to send
/// when it is not: JSON mistakes are answered with their line and column.
pub(super) fn read_json<T: serde::de::DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
    shape: &str,
) -> Result<T, ApiError> {
    let body = body.map_err(|r| {
        let status = r.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("the request is larger than {} MiB", MAX_BODY >> 20)
        } else {
            format!("the request's body cannot be read: {}", r.body_text())
        };
        ApiError::new(status, message)
    })?;
    serde_json::from_slice(&body).map_err(|e| ApiError {
        status: StatusCode::BAD_REQUEST,
        message: format!("the request is not the JSON the API takes ({e}); send {shape}"),
        at: Some(Location::at("request", e.line(), e.column())),
    })
}

/// Checks a job and resolves its layout, target and imposition.
fn prepare(app: &App, job: Job) -> Result<Prepared, ApiError> {
    if job.statement.len() as u64 > MAX_STATEMENT {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the statement is {:.2} MiB; at most {} MiB is read",
                job.statement.len() as f64 / 1048576.0,
                MAX_STATEMENT >> 20
            ),
        ));
    }
    let format = match job.format.as_deref().map(str::trim) {
        None | Some("markdown") | Some("md") => Format::Markdown,
        Some("text") | Some("plain") => Format::Plain,
        Some("html") => Format::Html,
        Some(other) => {
            return Err(bad(format!(
                "`format` is \"{other}\"; use \"markdown\", \"text\" or \"html\""
            )))
        }
    };
    refuse_picture(job.statement.as_bytes(), format)?;
    let picture = job.picture.map(read_upload).transpose()?;
    let layout = resolve_layout(app, job.layout.as_deref())?;
    let target = job
        .target
        .as_deref()
        .map(str::parse::<PrintTarget>)
        .transpose()
        .map_err(|e| bad(format!("`target`: {e}")))?;
    // "none" is a choice too: it overrides a layout or copy shop that imposes.
    let impose = job
        .impose
        .as_deref()
        .map(|n| NUp::parse_or_none(n.trim()))
        .transpose()
        .map_err(|e| bad(format!("`impose`: {e}")))?;
    Ok(Prepared {
        statement: job.statement.into_bytes(),
        picture,
        format,
        layout,
        target,
        impose,
        lang: job.lang.filter(|l| !l.trim().is_empty()),
    })
}

/// An upload's name and bytes. The name is only ever shown: it is cut to
/// its last path component, so a name like `../../etc/passwd` can neither
/// reach a file nor pretend to be a path in a message.
fn read_upload(upload: Upload) -> Result<(String, Vec<u8>), ApiError> {
    let name = shown_name(&upload.name, "picture");
    let bytes = upload_bytes("picture", &name, &upload.data, MAX_PICTURE)?;
    Ok((name, bytes))
}

/// An upload's bytes from their base64 `data`, at most `max` of them; `what`
/// and `name` say which upload in messages.
pub(super) fn upload_bytes(
    what: &str,
    name: &str,
    data: &str,
    max: usize,
) -> Result<Vec<u8>, ApiError> {
    let bytes = base64::decode(data.trim())
        .ok_or_else(|| bad(format!("`{what}` `{name}`: `data` is not base64")))?;
    if bytes.len() > max {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the {what} `{name}` is {:.1} MiB; at most {} MiB is taken",
                bytes.len() as f64 / 1048576.0,
                max >> 20
            ),
        ));
    }
    Ok(bytes)
}

/// An uploaded file's name as messages show it: its last path component,
/// without control characters, at most 100 characters; `fallback` when
/// nothing is left.
pub(super) fn shown_name(name: &str, fallback: &str) -> String {
    let name: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect();
    if name.trim().is_empty() || name == ".." {
        fallback.to_string()
    } else {
        name
    }
}

fn bad(message: String) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, message)
}

/// A statement's own picture (front matter `image`) is a file name on the
/// server's disk: refused, as a layout's file names are (a picture is
/// uploaded instead, as `picture`); so is its `translation`.
fn refuse_picture(statement: &[u8], format: Format) -> Result<(), ApiError> {
    // A statement that cannot be read fails the same way in the build.
    let Ok(parsed) = statement::read(statement, format, None, STATEMENT_NAME) else {
        return Ok(());
    };
    if let Some(t) = parsed.document.meta.translation {
        // Two-language leaflets are the command line's: the server would
        // read the translation from its own disk.
        return Err(ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: format!(
                "front matter `translation` names the file `{}`; a statement sent to the \
                 server may not name files on it, and the web editor sets one language: \
                 use `handbill build --with` for a two-language leaflet",
                t.path
            ),
            at: Some(Location {
                file: STATEMENT_NAME.into(),
                line: Some(t.line),
                column: Some(t.column),
            }),
        });
    }
    match parsed.document.meta.image {
        Some(picture) => Err(ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: format!(
                "front matter `image` names the file `{}`; a statement sent to the server \
                 may not name files on it: upload the picture instead",
                picture.path
            ),
            at: Some(Location::line(STATEMENT_NAME, picture.line)),
        }),
        None => Ok(()),
    }
}

/// The layout a job names: a built-in (parsed once, at start), or TOML
/// text, read sealed so that it cannot name files.
fn resolve_layout(app: &App, layout: Option<&str>) -> Result<Arc<Layout>, ApiError> {
    let value = layout.unwrap_or(app.layouts[0].0);
    if let Some((_, l)) = app.layouts.iter().find(|(n, _)| *n == value.trim()) {
        return Ok(l.clone());
    }
    if !value.contains('\n') && !value.contains('=') && !value.contains('[') {
        return Err(bad(format!(
            "`layout` is \"{value}\", which is neither a built-in layout ({}) nor the text \
             of a TOML layout",
            app.layouts
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    if value.len() > MAX_LAYOUT {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the layout is longer than {} KiB", MAX_LAYOUT >> 10),
        ));
    }
    layout::parse_sealed(value, LAYOUT_NAME)
        .map(Arc::new)
        .map_err(ApiError::from_build)
}

/// Runs `work` on a build thread once a build slot is free, within
/// [`BUILD_TIME`]. A client that goes away while waiting leaves the queue
/// (its request is dropped), so stale previews are never built.
async fn in_slot<T: Send + 'static>(
    app: &Arc<App>,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let busy = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the build did not finish within {} s; try a shorter statement",
                BUILD_TIME.as_secs()
            ),
        )
    };
    let app = app.clone();
    tokio::time::timeout(BUILD_TIME, async move {
        let permit = app
            .builds
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
        let task = tokio::task::spawn_blocking(move || {
            let out = work();
            drop(permit);
            out
        });
        task.await.map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the build stopped: {e}"),
            )
        })?
    })
    .await
    .map_err(|_| busy())?
}

/// `POST /api/build`: the PDF.
pub async fn build_pdf(
    State(app): State<Arc<App>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let prepared = prepare(&app, read_job(body)?)?;
    let out = in_slot(&app, move || prepared.build(None)).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"leaflet.pdf\"".to_string(),
            ),
            (
                header::HeaderName::from_static("x-handbill-pages"),
                out.pages.to_string(),
            ),
        ],
        out.pdf,
    )
        .into_response())
}

/// The resolution a job asks its previews at, checked.
fn preview_dpi(job: &Job, default: f64) -> Result<f64, ApiError> {
    let dpi = job.dpi.unwrap_or(default);
    if PREVIEW_DPI.contains(&dpi) {
        Ok(dpi)
    } else {
        Err(bad(format!(
            "`dpi` is {dpi}; previews are drawn at {} to {} dpi",
            PREVIEW_DPI.start(),
            PREVIEW_DPI.end()
        )))
    }
}

/// `POST /api/preview`: one page as PNG.
pub async fn preview(
    State(app): State<Arc<App>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let job = read_job(body)?;
    let dpi = preview_dpi(&job, 100.0)?;
    let page = job.page.unwrap_or(1);
    let prepared = prepare(&app, job)?;
    let png = in_slot(&app, move || {
        let mut out = prepared.build(Some(dpi))?;
        let pages = out.png.len();
        if page == 0 || page > pages {
            return Err(bad(format!(
                "`page` is {page}; the leaflet has {pages} page{}",
                if pages == 1 { "" } else { "s" }
            )));
        }
        Ok(out.png.swap_remove(page - 1))
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}

/// `POST /api/check`: what the page shows after each pause in typing,
/// from one build: every page as a PNG `data:` URL, the warnings with
/// their places, and facts about the result.
pub async fn check(
    State(app): State<Arc<App>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let job = read_job(body)?;
    let dpi = preview_dpi(&job, 60.0)?;
    let prepared = prepare(&app, job)?;
    let answer = in_slot(&app, move || {
        let out = prepared.build(Some(dpi))?;
        let place = |at: &Location, message: &str| {
            json!({
                "message": message,
                "file": at.file,
                "line": at.line,
                "column": at.column,
            })
        };
        Ok(json!({
            "pages": out.pages,
            "lang": out.lang,
            "body_size": out.body_size.to_string(),
            "warnings": out.warnings.iter().map(|w| place(&w.at, &w.message)).collect::<Vec<_>>(),
            "notes": out.notes.iter().map(|n| place(&n.at, &n.message)).collect::<Vec<_>>(),
            "previews": out
                .png
                .iter()
                .map(|p| format!("data:image/png;base64,{}", base64::encode(p)))
                .collect::<Vec<_>>(),
        }))
    })
    .await?;
    Ok(json_response(StatusCode::OK, &answer))
}

/// `POST /api/print`: builds the PDF and sends it to a CUPS printer, as
/// `handbill print` does. The PDF goes through a temporary file (what
/// `lp` takes), removed as soon as CUPS has its copy.
pub async fn print(
    State(app): State<Arc<App>>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let job = read_job(body)?;
    let copies = job.copies.unwrap_or(1);
    if !(1..=MAX_COPIES).contains(&copies) {
        return Err(bad(format!("`copies` is {copies}; from 1 to {MAX_COPIES}")));
    }
    let opts = PrintOptions {
        printer: job.printer.clone().filter(|p| !p.trim().is_empty()),
        copies,
        duplex: None,
        paper: None,
        title: job.title.clone().filter(|t| !t.trim().is_empty()),
    };
    let prepared = prepare(&app, job)?;
    let id = in_slot(&app, move || {
        let out = prepared.build(None)?;
        let file = tempfile::Builder::new()
            .prefix("handbill-serve-")
            .suffix(".pdf")
            .tempfile()
            .map_err(|e| server_error(format!("no temporary file for the PDF: {e}")))?;
        std::fs::write(file.path(), &out.pdf)
            .map_err(|e| server_error(format!("cannot write the temporary PDF: {e}")))?;
        // A printer that is missing or refuses is the user's to fix.
        output::print::print(file.path(), &opts)
            .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, print_message(e)))
    })
    .await?;
    Ok(json_response(StatusCode::OK, &json!({ "job": id })))
}

/// A printing error's words, without the temporary file's name.
fn print_message(e: Error) -> String {
    match e {
        Error::Io { message, .. } => message,
        other => other.to_string(),
    }
}

fn server_error(message: String) -> ApiError {
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
}

/// `GET /api/printers`: the CUPS printers (an empty list without CUPS).
pub async fn printers(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let list = in_slot(&app, || Ok(output::print::printers().unwrap_or_default())).await?;
    let list: Vec<_> = list
        .iter()
        .map(|p| json!({ "name": p.name, "default": p.default, "state": p.state }))
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &serde_json::Value::from(list),
    ))
}

/// `GET /api/layouts`: the built-in layouts, the default first.
pub async fn layouts(State(app): State<Arc<App>>) -> Response {
    let list: Vec<_> = app
        .layouts
        .iter()
        .enumerate()
        .map(|(i, (name, l))| {
            let p = &l.design.page;
            json!({
                "name": name,
                "description": l.description,
                "paper": p.paper.to_string(),
                "width_mm": (p.width.to_mm() * 10.0).round() / 10.0,
                "height_mm": (p.height.to_mm() * 10.0).round() / 10.0,
                "columns": p.columns,
                "panels": p.fold.map(|f| f.panels()),
                "default": i == 0,
            })
        })
        .collect();
    json_response(StatusCode::OK, &serde_json::Value::from(list))
}

/// `value` as a JSON answer.
pub fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}
