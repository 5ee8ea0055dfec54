//! `handbill serve`: a web editor with live preview, and the JSON API it
//! uses, served from this machine.
//!
//! The page (`page.html`, inside the binary: no CDN, no Node) sends the
//! statement and settings to the API after each pause in typing; the API
//! builds with [`crate::build()`], as the command line does, and answers
//! with the PDF, page previews and warnings, or sends the PDF to a CUPS
//! printer. See the README for the API.
//!
//! One module per job: [`guard`] decides who may ask (Host, Origin,
//! token), [`api`] turns a request into a build and an answer, [`base64`]
//! packs previews into JSON.
//!
//! # What keeps it safe
//!
//! - It binds 127.0.0.1 unless told otherwise; on any other address the
//!   API asks for a token ([`Options::check`]).
//! - Requests pass [`guard`] before anything else.
//! - A layout sent as text is read with [`crate::layout::parse_sealed`]:
//!   it cannot name a font, picture, profile or layout file on this machine,
//!   and a statement's front matter `image` is refused too. Nothing a
//!   request sends is written to disk (a print job's PDF only to a
//!   temporary file, gone once CUPS has it).
//! - Bodies, statements and layouts have size limits ([`api::MAX_BODY`]);
//!   at most one build per core runs at once (a semaphore), each request
//!   waits at most [`api::BUILD_TIME`], and a client that gives up leaves
//!   the queue.

pub mod api;
pub mod base64;
pub mod guard;
mod open;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::layout::{self, Layout};

/// The page: HTML, CSS and script in one file.
const PAGE: &str = include_str!("page.html");

/// The port `handbill serve` listens on unless told otherwise: unassigned
/// by IANA, and unlikely to collide with a developer's own servers.
pub const DEFAULT_PORT: u16 = 8470;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Options {
    /// The address to listen on.
    pub host: IpAddr,
    /// The port; 0 takes any free one.
    pub port: u16,
    /// The token the API asks for; required off this machine's loopback,
    /// where `None` makes one.
    pub token: Option<String>,
}

impl Options {
    /// The token the server will ask for: the one given, or, for an
    /// address other machines can reach, a new one.
    pub fn check(&self) -> Result<Option<String>> {
        if let Some(t) = &self.token {
            if t.len() < 16 || !t.chars().all(|c| c.is_ascii_graphic()) {
                return Err(Error::Usage {
                    path: "--token".into(),
                    message: "must be at least 16 visible ASCII characters (no spaces), \
                              or leave it out to get a random one"
                        .into(),
                });
            }
            return Ok(Some(t.clone()));
        }
        if self.host.is_loopback() {
            return Ok(None);
        }
        guard::new_token()
            .map(Some)
            .map_err(|e| Error::io("/dev/urandom", &e))
    }
}

/// What every request handler shares.
pub struct App {
    /// The built-in layouts, parsed once: most requests name one.
    pub layouts: Vec<(&'static str, Arc<Layout>)>,
    /// One permit per build that may run at once.
    pub builds: Arc<Semaphore>,
    /// Who may ask.
    pub guard: guard::Policy,
}

/// A bound server, not yet answering: its address is known, so it can be
/// announced before [`Server::run`].
pub struct Server {
    listener: tokio::net::TcpListener,
    runtime: tokio::runtime::Runtime,
    app: Arc<App>,
    token: Option<String>,
}

impl Server {
    /// Binds the socket and readies the built-in layouts.
    pub fn bind(opts: &Options) -> Result<Server> {
        let token = opts.check()?;
        // One async thread is plenty: requests only wait; builds run on
        // tokio's blocking threads, as many at once as there are cores.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::io("the server's runtime", &e))?;
        let addr = SocketAddr::new(opts.host, opts.port);
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(addr))
            .map_err(|e| Error::io(addr.to_string(), &e))?;
        let port = listener
            .local_addr()
            .map_err(|e| Error::io(addr.to_string(), &e))?
            .port();
        let layouts = layout::builtin_names()
            .into_iter()
            .map(|name| Ok((name, Arc::new(layout::load(name)?))))
            .collect::<Result<Vec<_>>>()?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let app = Arc::new(App {
            layouts,
            builds: Arc::new(Semaphore::new(cores)),
            guard: guard::Policy::new(opts.host, port, token.clone()),
        });
        Ok(Server {
            listener,
            runtime,
            app,
            token,
        })
    }

    /// The address to open in a browser, with the token if there is one.
    pub fn url(&self) -> String {
        let addr = self.listener.local_addr().ok();
        let port = addr.map_or(0, |a| a.port());
        let host = match addr.map(|a| a.ip()) {
            Some(ip) if !ip.is_unspecified() && !ip.is_loopback() => match ip {
                IpAddr::V6(v6) => format!("[{v6}]"),
                v4 => v4.to_string(),
            },
            _ => "127.0.0.1".to_string(),
        };
        match &self.token {
            Some(t) => format!("http://{host}:{port}/?token={t}"),
            None => format!("http://{host}:{port}/"),
        }
    }

    /// Answers requests until the process ends.
    pub fn run(self) -> Result<()> {
        let Server {
            listener,
            runtime,
            app,
            ..
        } = self;
        runtime
            .block_on(async move { axum::serve(listener, router(app)).await })
            .map_err(|e| Error::io("the server's socket", &e))
    }
}

/// The routes, behind the guard.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/api/layouts", get(api::layouts))
        .route("/api/build", post(api::build_pdf))
        .route("/api/preview", post(api::preview))
        .route("/api/check", post(api::check))
        .route("/api/open", post(open::open))
        .route("/api/print", post(api::print))
        .route("/api/printers", get(api::printers))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(api::MAX_BODY))
        .layer(middleware::from_fn_with_state(app.clone(), guard_layer))
        .with_state(app)
}

/// Runs [`guard::Policy::check`] on every request.
async fn guard_layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let h = req.headers();
    let text = |name: header::HeaderName| h.get(name).and_then(|v| v.to_str().ok());
    let verdict = app.guard.check(
        text(header::HOST),
        text(header::ORIGIN),
        h.get("sec-fetch-site").and_then(|v| v.to_str().ok()),
        text(header::AUTHORIZATION),
        req.uri().path().starts_with("/api/"),
    );
    match verdict {
        Ok(()) => next.run(req).await,
        Err(guard::Refusal(why)) => api::ApiError::new(StatusCode::FORBIDDEN, why).into_response(),
    }
}

/// `GET /`: the page. It may not be framed by another site.
async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::X_FRAME_OPTIONS, "DENY"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data: blob:; style-src 'unsafe-inline'; \
                 script-src 'unsafe-inline'; frame-ancestors 'none'",
            ),
        ],
        PAGE,
    )
        .into_response()
}

async fn not_found() -> Response {
    api::ApiError::new(StatusCode::NOT_FOUND, "no such page or API call").into_response()
}
