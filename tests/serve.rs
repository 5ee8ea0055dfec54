//! `handbill serve` over real sockets: the binary is started on a free
//! port, and spoken to in HTTP/1.1 written by hand, as a browser or a
//! script would, including the requests it must refuse.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The date stamped into PDFs, the same for the server and the CLI.
const EPOCH: &str = "1700000000";

/// A running `handbill serve`, stopped when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    addr: String,
    /// The address it printed.
    url: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        Server::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_handbill"))
            .args(["serve", "--port", "0"])
            .args(args)
            .envs(env.iter().copied())
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().to_string();
        let port = url
            .strip_prefix("http://127.0.0.1:")
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("unexpected first line {url:?}"));
        Server {
            addr: format!("127.0.0.1:{port}"),
            url,
            child,
        }
    }

    fn local() -> Server {
        Server::start(&[])
    }

    /// A request with the right `Host`, and `extra` header lines.
    fn send(&self, method: &str, path: &str, extra: &[&str], body: &[u8]) -> Answer {
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !extra
            .iter()
            .any(|h| h.to_ascii_lowercase().starts_with("host:"))
        {
            head.push_str(&format!("Host: {}\r\n", self.addr));
        }
        for h in extra {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        raw(&self.addr, head.as_bytes(), body)
    }

    fn post(&self, path: &str, json: &serde_json::Value) -> Answer {
        self.send(
            "POST",
            path,
            &["Content-Type: application/json"],
            json.to_string().as_bytes(),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        assert_eq!(
            self.header("content-type"),
            Some("application/json"),
            "{self:?}"
        );
        serde_json::from_slice(&self.body).unwrap()
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `head` and `body` and reads the whole answer. The body is written
/// from another thread, so that a server that answers before reading it
/// all (a body too large) is heard rather than dead-locked on.
fn raw(addr: &str, head: &[u8], body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    stream.write_all(head).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let body = body.to_vec();
    let sending = std::thread::spawn(move || {
        // The server may close early; what it said is read below.
        let _ = writer.write_all(&body);
    });
    let bytes = read_answer(&mut stream);
    // Ends a body still being sent to a server that has answered.
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = sending.join();
    parse(&bytes)
}

/// An answer's bytes: up to its `Content-Length` where it has one (a
/// WebDriver keeps the connection open), else to the end. A reset after
/// the answer (the server closing with a body unread) ends the read; what
/// came before it is the answer.
fn read_answer(stream: &mut TcpStream) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        if let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|n| bytes.len() >= end + 4 + n) {
                return bytes;
            }
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return bytes,
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
        }
    }
}

fn parse(bytes: &[u8]) -> Answer {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(bytes)));
    let head = String::from_utf8_lossy(&bytes[..end]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = bytes[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&rest[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
        rest = &rest[eol + 4 + size..];
    }
}

fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn tmpdir(tag: &str) -> tempfile::TempDir {
    support::scratch_dir(&format!("handbill-serve-{tag}-"))
}

/// The CLI's PDF of `statement` (written as `name`) with `args`.
fn cli_pdf(tag: &str, name: &str, statement: &str, args: &[&str]) -> Vec<u8> {
    let scratch = tmpdir(tag);
    let d = scratch.path();
    let input = d.join(name);
    std::fs::write(&input, statement).unwrap();
    let out = d.join("out.pdf");
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .current_dir(d)
        .arg("build")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read(out).unwrap()
}

fn is_pdf(a: &Answer) -> bool {
    a.status == 200
        && a.header("content-type") == Some("application/pdf")
        && a.body.starts_with(b"%PDF-")
}

#[test]
fn the_api_builds_the_same_bytes_as_the_command_line() {
    let s = Server::local();
    let statement = sample("de-mieten.md");
    let a = s.post("/api/build", &serde_json::json!({ "statement": statement }));
    assert!(is_pdf(&a), "{a:?}");
    assert_eq!(a.body, cli_pdf("same-1", "statement.md", &statement, &[]));

    let a = s.post(
        "/api/build",
        &serde_json::json!({
            "statement": statement,
            "layout": "a5-flyer",
            "target": "copyshop",
            "impose": "2up",
        }),
    );
    assert!(is_pdf(&a), "{a:?}");
    let cli = cli_pdf(
        "same-2",
        "statement.md",
        &statement,
        &[
            "--layout", "a5-flyer", "--for", "copyshop", "--impose", "2up",
        ],
    );
    assert_eq!(a.body, cli);

    // A layout sent as text, against the same text in a file.
    let toml = "name = \"mine\"\nextends = \"a4-leaflet\"\n[page]\ncolumns = 3\n\
                [body]\nfont = \"sans\"\n";
    let a = s.post(
        "/api/build",
        &serde_json::json!({ "statement": statement, "layout": toml, "impose": "none" }),
    );
    assert!(is_pdf(&a), "{a:?}");
    let scratch = tmpdir("same-3-layout");
    let d = scratch.path();
    let layout = d.join("mine.toml");
    std::fs::write(&layout, toml).unwrap();
    let cli = cli_pdf(
        "same-3",
        "statement.md",
        &statement,
        &["--layout", layout.to_str().unwrap(), "--impose", "none"],
    );
    assert_eq!(a.body, cli);
}

#[test]
fn layouts_are_listed_default_first() {
    let s = Server::local();
    let a = s.send("GET", "/api/layouts", &[], b"");
    assert_eq!(a.status, 200, "{a:?}");
    let list = a.json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, handbill::layout::builtin_names());
    assert_eq!(list[0]["default"], true);
    assert_eq!(list[0]["width_mm"], 210.0);
}

#[test]
fn a_preview_is_a_png_of_the_page_asked_for() {
    let s = Server::local();
    let statement = sample("en-long-campaign.md");
    let a = s.post(
        "/api/preview",
        &serde_json::json!({ "statement": statement, "page": 1, "dpi": 30 }),
    );
    assert_eq!(a.status, 200, "{}", a.text());
    assert_eq!(a.header("content-type"), Some("image/png"));
    assert!(a.body.starts_with(b"\x89PNG\r\n\x1a\n"));
    // A4 at 30 dpi: 249 pixels wide (248.0…, rounded up) (the IHDR's width, big-endian).
    let width = u32::from_be_bytes(a.body[16..20].try_into().unwrap());
    assert_eq!(width, 249);

    let a = s.post(
        "/api/preview",
        &serde_json::json!({ "statement": statement, "page": 99, "dpi": 30 }),
    );
    assert_eq!(a.status, 400);
    assert!(a.json()["error"].as_str().unwrap().contains("`page` is 99"));
    let a = s.post(
        "/api/preview",
        &serde_json::json!({ "statement": statement, "dpi": 1200 }),
    );
    assert_eq!(a.status, 400, "a huge preview is refused");
}

#[test]
fn check_gives_every_page_and_the_warnings_with_their_lines() {
    let s = Server::local();
    // A Markdown picture is not placed: a warning at its line.
    let statement = "+++\ntitle = \"Rent strike\"\n+++\n\nWe meet.\n\n![a photo](photo.jpg)\n";
    let a = s.post("/api/check", &serde_json::json!({ "statement": statement }));
    assert_eq!(a.status, 200, "{}", a.text());
    let v = a.json();
    assert_eq!(v["pages"], 1);
    let previews = v["previews"].as_array().unwrap();
    assert_eq!(previews.len(), 1);
    assert!(previews[0]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,iVBORw0KGgo"));
    let warnings = v["warnings"].as_array().unwrap();
    let picture = warnings
        .iter()
        .find(|w| {
            w["message"]
                .as_str()
                .unwrap()
                .contains("images in the statement")
        })
        .unwrap_or_else(|| panic!("{warnings:?}"));
    assert_eq!(picture["line"], 7);
    assert_eq!(picture["file"], "statement.md");
}

#[test]
fn text_pasted_from_a_word_processor_keeps_its_paragraphs() {
    // The text box's default is Markdown; a word processor's copy has a
    // paragraph a line and no blank lines between them.
    let s = Server::local();
    let long = "Last week every household on Mill Lane received a letter announcing \
                a rent increase of eight per cent from the first of May, and nothing else.";
    let statement = format!("Fix Our Homes\nDear neighbours,\n{long}\n{long}\nSee you there!\n");
    let a = s.post("/api/check", &serde_json::json!({ "statement": statement }));
    assert_eq!(a.status, 200, "{}", a.text());
    let v = a.json();
    let warnings = v["warnings"].as_array().unwrap();
    let found = warnings
        .iter()
        .find(|w| {
            w["message"]
                .as_str()
                .unwrap()
                .starts_with("lines 1–5 have no blank lines between paragraphs")
        })
        .unwrap_or_else(|| panic!("{warnings:?}"));
    assert_eq!(found["line"], 1);
    // The headline is its own: set larger than the body, on lines of its
    // own (grown to fill the page, it may take two).
    let a = s.post("/api/build", &serde_json::json!({ "statement": statement }));
    assert!(is_pdf(&a), "{}", a.text());
    let scratch = tmpdir("pasted");
    let dir = scratch.path();
    let pdf = dir.join("pasted.pdf");
    std::fs::write(&pdf, &a.body).unwrap();
    let (_, shown, _) = support::tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let head: Vec<&str> = shown
        .lines()
        .take_while(|l| *l != "Dear neighbours,")
        .collect();
    assert_eq!(head.join(" "), "Fix Our Homes", "{shown}");
}

#[test]
fn a_table_pasted_from_a_chat_assistant_is_set_as_a_table() {
    // What a chat assistant's answer holds, pasted into the text box.
    let s = Server::local();
    let statement = "# Cleaners' pay: where we stand\n\n\
                     Here is what the council pays and what we ask, grade by grade:\n\n\
                     | Grade | Now | We ask |\n|---|---:|---:|\n\
                     | Cleaner | 9.80 € | 14 € |\n| Supervisor | 13.40 € | 17.50 € |\n\n\
                     **Meeting: Thursday 7pm, Weavers Court.**\n";
    let a = s.post("/api/check", &serde_json::json!({ "statement": statement }));
    assert_eq!(a.status, 200, "{}", a.text());
    let warnings = a.json()["warnings"].as_array().unwrap().clone();
    assert!(
        !warnings
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains("table")),
        "{warnings:?}"
    );
    let a = s.post("/api/build", &serde_json::json!({ "statement": statement }));
    assert!(is_pdf(&a), "{}", a.text());
    let scratch = tmpdir("chat-table");
    let dir = scratch.path();
    let pdf = dir.join("table.pdf");
    std::fs::write(&pdf, &a.body).unwrap();
    let (_, shown, _) = support::tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    // Each row one line, in its order, with no heading before a cell
    // (as when each row was a paragraph: "Grade: Cleaner · Now: 9.80 €").
    let row = |first: &str| {
        let line = shown
            .lines()
            .find(|l| l.split_whitespace().next() == Some(first));
        line.unwrap_or_else(|| panic!("{shown}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row("Grade"), "Grade Now We ask");
    assert_eq!(row("Cleaner"), "Cleaner 9.80 € 14 €");
    assert_eq!(row("Supervisor"), "Supervisor 13.40 € 17.50 €");
}

#[test]
fn a_statement_file_is_opened_as_the_command_line_reads_it() {
    let s = Server::local();
    let open = |name: &str, bytes: &[u8]| {
        s.post(
            "/api/open",
            &serde_json::json!({ "name": name, "data": handbill::serve::base64::encode(bytes) }),
        )
    };
    // Markdown by its name; UTF-16 from Notepad's "Unicode".
    let a = open("appeal.md", "# Grève\n\nÀ 10 h.\n".as_bytes());
    assert_eq!(a.status, 200);
    let v = a.json();
    assert_eq!(v["text"], "# Grève\n\nÀ 10 h.\n");
    assert_eq!(v["format"], "markdown");
    assert!(v["note"].is_null(), "{v}");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Strike\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let v = open("C:\\Users\\me\\strike.txt", &utf16).json();
    assert_eq!(
        (v["text"].as_str(), v["format"].as_str()),
        (Some("Strike\r\n"), Some("text"))
    );
    assert_eq!(open("page.htm", b"<p>x</p>").json()["format"], "html");
    // Notepad's "ANSI": read as Windows-1252, and the page is told so.
    let v = open("ansi.txt", b"Gr\xE8ve \x96 10 h").json();
    assert_eq!(v["text"], "Grève – 10 h");
    assert!(v["note"].as_str().unwrap().contains("Windows-1252"), "{v}");
    // A Word document: its text as Markdown, to edit in the box.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(
        &mut zip,
        b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
          <w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Strike</w:t></w:r></w:p></w:body></w:document>",
    )
    .unwrap();
    let v = open("appeal.docx", &zip.finish().unwrap().into_inner()).json();
    assert_eq!(
        (v["text"].as_str(), v["format"].as_str()),
        (Some("# Strike\n\n"), Some("markdown"))
    );
    assert!(
        v["note"].as_str().unwrap().contains("is a Word document"),
        "{v}"
    );
    // A LibreOffice document is not text: said as on the command line.
    let a = open("appeal.odt", b"PK\x03\x04\x14\x00\x06\x00");
    assert_eq!(a.status, 422);
    assert!(a.json()["error"].as_str().unwrap().contains("(.odt)"));
    // And what the page sends is checked.
    let a = s.post(
        "/api/open",
        &serde_json::json!({ "name": "a.txt", "data": "no base64!" }),
    );
    assert_eq!(a.status, 400);
    // The format it names is one /api/check takes.
    let a = s.post(
        "/api/check",
        &serde_json::json!({ "statement": "<h1>Strike</h1><p>We stop work on Monday.</p>", "format": "html" }),
    );
    assert_eq!(a.status, 200, "{}", a.text());
}

#[test]
fn mistakes_come_back_as_json_with_their_place() {
    let s = Server::local();
    let a = s.send(
        "POST",
        "/api/build",
        &[],
        b"{\"statement\": \"x\",\n \"layot\": 1}",
    );
    assert_eq!(a.status, 400);
    let v = a.json();
    assert!(v["error"].as_str().unwrap().contains("layot"), "{v}");
    assert_eq!(v["line"], 2);

    let a = s.post(
        "/api/build",
        &serde_json::json!({ "statement": "x", "layout": "[page]\ncolums = 2\n" }),
    );
    assert_eq!(a.status, 422);
    let v = a.json();
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .contains("did you mean `columns`"),
        "{v}"
    );

    let a = s.post(
        "/api/build",
        &serde_json::json!({ "statement": "x", "layout": "a9-poster" }),
    );
    assert_eq!(a.status, 400);
    let a = s.post(
        "/api/build",
        &serde_json::json!({ "statement": "x", "target": "moon" }),
    );
    assert_eq!(a.status, 400);
    let a = s.post("/api/build", &serde_json::json!({ "statement": "" }));
    assert_eq!(a.status, 422, "{}", a.text());
    assert!(a.json()["error"].is_string());
    let a = s.send("GET", "/etc/passwd", &[], b"");
    assert_eq!(a.status, 404);
}

#[test]
fn a_wrong_host_is_refused() {
    let s = Server::local();
    for host in [
        "Host: evil.example",
        "Host: rebind.evil.example:80",
        "Host: 127.0.0.1:1",
    ] {
        let a = s.send("GET", "/api/layouts", &[host], b"");
        assert_eq!(a.status, 403, "{host}: {a:?}");
        assert!(a.json()["error"]
            .as_str()
            .unwrap()
            .contains("not this server"));
        let a = s.send("GET", "/", &[host], b"");
        assert_eq!(a.status, 403, "the page too, for {host}");
    }
    let port = s.addr.rsplit(':').next().unwrap();
    let a = s.send(
        "GET",
        "/api/layouts",
        &[&format!("Host: localhost:{port}")],
        b"",
    );
    assert_eq!(a.status, 200);
}

#[test]
fn a_cross_site_origin_is_refused() {
    let s = Server::local();
    let body = serde_json::json!({ "statement": "We meet." }).to_string();
    for origin in ["Origin: http://evil.example", "Origin: null"] {
        let a = s.send("POST", "/api/build", &[origin], body.as_bytes());
        assert_eq!(a.status, 403, "{origin}");
    }
    let a = s.send(
        "POST",
        "/api/build",
        &["Sec-Fetch-Site: cross-site"],
        body.as_bytes(),
    );
    assert_eq!(a.status, 403);
    let own = format!("Origin: http://{}", s.addr);
    let a = s.send(
        "POST",
        "/api/build",
        &[&own, "Sec-Fetch-Site: same-origin"],
        body.as_bytes(),
    );
    assert!(is_pdf(&a), "its own page may: {a:?}");
}

#[test]
fn a_layout_or_statement_cannot_make_the_server_read_a_file() {
    let s = Server::local();
    let tries = [
        ("[body]\nfont = \"/etc/passwd\"\n", 2, 8),
        ("[headline]\nfont = \"../../etc/passwd.ttf\"\n", 2, 8),
        ("[body]\nfallback = [\"sans\", \"/etc/passwd\"]\n", 2, 21),
        ("[[image]]\nfile = \"/etc/passwd\"\n", 2, 8),
        ("[print]\nicc-profile = \"/etc/passwd\"\n", 2, 15),
        ("extends = \"/etc/passwd\"\n", 1, 11),
        ("extends = \"../../../../etc/passwd\"\n", 1, 11),
    ];
    for (layout, line, column) in tries {
        let a = s.post(
            "/api/build",
            &serde_json::json!({ "statement": "We meet.", "layout": layout }),
        );
        assert_eq!(a.status, 422, "{layout}: {}", a.text());
        let v = a.json();
        let e = v["error"].as_str().unwrap();
        assert!(
            e.contains("may not name files") || e.contains("not a built-in layout"),
            "{layout}: {e}"
        );
        assert!(!e.contains("root:"), "nothing of the file is shown: {e}");
        assert_eq!(
            (v["line"].as_u64(), v["column"].as_u64()),
            (Some(line), Some(column)),
            "{layout}"
        );
    }
    let statement = "+++\ntitle = \"x\"\nimage = \"/etc/passwd\"\n+++\nWe meet.\n";
    let a = s.post("/api/build", &serde_json::json!({ "statement": statement }));
    assert_eq!(a.status, 422, "{}", a.text());
    let v = a.json();
    assert_eq!(v["line"], 3);
    assert!(v["error"].as_str().unwrap().contains("may not name files"));
    // Nor does a translation (a two-language leaflet is the command line's).
    let statement = "+++\ntranslation = \"/etc/passwd\"\n+++\nWe meet.\n";
    let a = s.post("/api/build", &serde_json::json!({ "statement": statement }));
    assert_eq!(a.status, 422, "{}", a.text());
    let v = a.json();
    assert_eq!(
        (v["line"].as_u64(), v["column"].as_u64()),
        (Some(2), Some(15))
    );
    let e = v["error"].as_str().unwrap();
    assert!(e.contains("may not name files"), "{e}");
    assert!(!e.contains("root:"), "nothing of the file is shown: {e}");
}

#[test]
fn oversized_requests_are_refused() {
    let s = Server::local();
    // A statement over the CLI's limit, in a body the server takes.
    let limit = handbill::statement::MAX_STATEMENT as usize;
    let big = "word ".repeat(limit / 5 + 1000);
    let a = s.post("/api/build", &serde_json::json!({ "statement": big }));
    assert_eq!(a.status, 413, "{}", a.text());
    let said = format!("at most {} MiB", limit >> 20);
    assert!(a.json()["error"].as_str().unwrap().contains(&said));
    // A body over the limit is refused before it is read.
    let huge = vec![b' '; handbill::serve::api::MAX_BODY + 1];
    let a = s.send("POST", "/api/build", &[], &huge);
    assert_eq!(a.status, 413, "{}", a.text());
    // A layout over its own limit.
    let layout = format!("[page]\ncolumns = 2\n{}", "# x\n".repeat(100_000));
    let a = s.post(
        "/api/build",
        &serde_json::json!({ "statement": "We meet.", "layout": layout }),
    );
    assert_eq!(a.status, 413, "{}", a.text());
    // The server still answers.
    let a = s.post(
        "/api/build",
        &serde_json::json!({ "statement": "We meet." }),
    );
    assert!(is_pdf(&a));
}

#[test]
fn concurrent_requests_each_get_their_own_answer() {
    let s = Server::local();
    let statements: Vec<String> = ["de-mieten.md", "fr-greve.md", "en-long-campaign.md"]
        .iter()
        .map(|n| sample(n))
        .collect();
    let alone: Vec<Vec<u8>> = statements
        .iter()
        .map(|st| {
            s.post("/api/build", &serde_json::json!({ "statement": st }))
                .body
        })
        .collect();
    let answers: Vec<(usize, Answer)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|i| {
                let s = &s;
                let st = &statements[i % 3];
                scope.spawn(move || {
                    (
                        i % 3,
                        s.post("/api/build", &serde_json::json!({ "statement": st })),
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (k, a) in answers {
        assert!(is_pdf(&a), "{a:?}");
        assert_eq!(
            a.body, alone[k],
            "statement {k} built at the same time as others"
        );
    }
}

#[test]
fn a_token_is_asked_for_when_given_or_when_shared() {
    let token = "correct-horse-battery-staple";
    let s = Server::start(&["--token", token]);
    assert!(s.url.ends_with(&format!("/?token={token}")), "{}", s.url);
    let body = serde_json::json!({ "statement": "We meet." }).to_string();
    let a = s.send("POST", "/api/build", &[], body.as_bytes());
    assert_eq!(a.status, 403);
    assert!(a.json()["error"].as_str().unwrap().contains("token"));
    let a = s.send(
        "POST",
        "/api/build",
        &["Authorization: Bearer correct-horse-battery-stapler"],
        body.as_bytes(),
    );
    assert_eq!(a.status, 403);
    let a = s.send(
        "POST",
        "/api/build",
        &[&format!("Authorization: Bearer {token}")],
        body.as_bytes(),
    );
    assert!(is_pdf(&a));
    // The page itself holds no secret.
    assert_eq!(s.send("GET", "/", &[], b"").status, 200);

    // On every address, a token is made and printed.
    let s = Server::start(&["--host", "0.0.0.0"]);
    let printed = s.url.split("?token=").nth(1).unwrap().to_string();
    assert_eq!(printed.len(), 32);
    let a = s.send("GET", "/api/layouts", &["Host: office-pc.local:1234"], b"");
    assert_eq!(a.status, 403);
    let a = s.send(
        "GET",
        "/api/layouts",
        &[
            "Host: office-pc.local:1234",
            &format!("Authorization: Bearer {printed}"),
        ],
        b"",
    );
    assert_eq!(a.status, 200);
    // A short token is refused at start.
    let o = Command::new(env!("CARGO_BIN_EXE_handbill"))
        .args(["serve", "--port", "0", "--token", "1234"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "a usage error");
}

#[test]
fn the_page_is_served_whole_from_the_binary() {
    let s = Server::local();
    let a = s.send("GET", "/", &[], b"");
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(a.header("x-frame-options"), Some("DENY"));
    let page = a.text();
    for part in [
        "<script>",
        "/api/check",
        "/api/build",
        "/api/layouts",
        "AbortController",
    ] {
        assert!(page.contains(part), "the page lacks {part}");
    }
    // Nothing is fetched from elsewhere: no CDN, no web fonts.
    for outside in ["http://", "https://", "//cdn", "@import"] {
        assert!(!page.contains(outside), "the page names {outside}");
    }
}

// The page in a real browser: Debian's chromium driven through
// chromedriver's WebDriver protocol (JSON over HTTP, spoken by hand like
// the API above). `.ci/run` installs both.

/// A chromedriver and one browser session, ended when dropped.
struct Browser {
    driver: Child,
    addr: String,
    session: String,
    /// The browser's profile and temporary folders. Left to chromedriver,
    /// the profile (/tmp/org.chromium.Chromium.scoped_dir.*) and
    /// chromium's lock folder (/tmp/org.chromium.Chromium.*) stayed
    /// behind after every run. Removed once the browser and its driver
    /// have ended: fields drop after `drop` has run.
    scratch: tempfile::TempDir,
}

impl Browser {
    fn start(downloads: &std::path::Path) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let scratch = support::scratch_dir("handbill-serve-chromium-");
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            // Whatever else the driver or the browser makes in TMPDIR
            // goes with the scratch folder too.
            .env("TMPDIR", scratch.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver: apt-get install chromium chromium-driver (.ci/run does)");
        let addr = format!("127.0.0.1:{port}");
        let mut browser = Browser {
            driver,
            addr,
            session: String::new(),
            scratch,
        };
        for _ in 0..100 {
            if TcpStream::connect(&browser.addr).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = format!(
            "--user-data-dir={}",
            browser.scratch.path().join("profile").display()
        );
        let v = browser.call(
            "POST",
            "/session",
            serde_json::json!({ "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                             "--window-size=1300,1000", profile],
                    "prefs": {
                        "download.default_directory": downloads.to_str().unwrap(),
                        "download.prompt_for_download": false,
                    },
                },
            }}}),
        );
        browser.session = v["sessionId"].as_str().unwrap().to_string();
        browser
    }

    /// One WebDriver command; its `value`.
    fn call(&self, method: &str, path: &str, body: serde_json::Value) -> serde_json::Value {
        let body = body.to_string();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            self.addr,
            body.len()
        );
        let a = raw(&self.addr, head.as_bytes(), body.as_bytes());
        let v: serde_json::Value = serde_json::from_slice(&a.body).unwrap();
        assert_eq!(a.status, 200, "WebDriver {method} {path}: {v}");
        v["value"].clone()
    }

    fn session(&self, method: &str, path: &str, body: serde_json::Value) -> serde_json::Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    /// Runs `script` (a function body) in the page; its result.
    fn run(&self, script: &str) -> serde_json::Value {
        self.session(
            "POST",
            "/execute/sync",
            serde_json::json!({ "script": script, "args": [] }),
        )
    }

    /// Waits up to 20 s for `script` to give something other than
    /// false or null; that.
    fn wait(&self, what: &str, script: &str) -> serde_json::Value {
        for _ in 0..200 {
            let v = self.run(script);
            if !(v.is_null() || v == false) {
                return v;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("waited 20 s for {what}");
    }

    fn element(&self, css: &str) -> String {
        let v = self.session(
            "POST",
            "/element",
            serde_json::json!({ "using": "css selector", "value": css }),
        );
        v.as_object()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    fn clear(&self, css: &str) {
        let e = self.element(css);
        self.session(
            "POST",
            &format!("/element/{e}/clear"),
            serde_json::json!({}),
        );
    }

    fn type_in(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.session(
            "POST",
            &format!("/element/{e}/value"),
            serde_json::json!({ "text": text }),
        );
    }

    fn click(&self, css: &str) {
        let e = self.element(css);
        self.session(
            "POST",
            &format!("/element/{e}/click"),
            serde_json::json!({}),
        );
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            // Closes the browser; chromedriver alone would leave it running.
            let head = format!(
                "DELETE /session/{} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.session, self.addr
            );
            raw(&self.addr, head.as_bytes(), b"");
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// The preview is up to date (no build waiting or running), and its first
/// page's picture.
const UP_TO_DATE: &str = "const s = document.getElementById('status').textContent; \
    const img = document.querySelector('#pages img'); \
    return s.startsWith('Up to date') && img && !document.getElementById('pages') \
      .classList.contains('stale') ? img.src : null;";

#[test]
fn in_a_browser_the_starters_meeting_goes_with_its_text() {
    // Before: a statement pasted over the starter's went to print with
    // "Northside community hall, Thursday, 7 pm" at its foot.
    let s = Server::local();
    let scratch = tmpdir("browser-starter");
    let downloads = scratch.path();
    let b = Browser::start(downloads);
    b.session("POST", "/url", serde_json::json!({ "url": s.url }));
    b.wait("the first preview", UP_TO_DATE);
    let fields = "return [document.getElementById('f-where').value, \
                  document.getElementById('f-when').value];";
    assert_eq!(
        b.run(fields),
        serde_json::json!(["Northside community hall", "Thursday, 7 pm"])
    );
    b.clear("#statement");
    b.type_in(
        "#statement",
        "# Pay now\n\nThe council owes us three months of wages.\n",
    );
    b.wait("the preview of the typed statement", UP_TO_DATE);
    assert_eq!(b.run(fields), serde_json::json!(["", ""]));
    // A place of one's own stays.
    b.type_in("#f-where", "Town Hall steps");
    b.type_in("#statement", "Come on Friday.\n");
    b.wait("the preview with the place", UP_TO_DATE);
    assert_eq!(b.run(fields), serde_json::json!(["Town Hall steps", ""]));
}

#[test]
fn in_a_browser_a_statement_becomes_a_leaflet() {
    let s = Server::local();
    let scratch = tmpdir("browser-downloads");
    let downloads = scratch.path();
    let b = Browser::start(downloads);
    b.session("POST", "/url", serde_json::json!({ "url": s.url }));
    b.wait("the first preview", UP_TO_DATE);

    // Type a statement of one's own, with the fields left empty.
    for field in ["#f-where", "#f-when", "#statement"] {
        b.clear(field);
    }
    let statement = "# General strike\n\nWe stop work on Monday at noon, \
                     all of us, until the wage offer is withdrawn.\n";
    b.type_in("#statement", statement);
    let first = b.wait("the preview of the typed statement", UP_TO_DATE);
    assert!(first
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));

    // Another layout from the gallery: the preview changes.
    b.wait(
        "the gallery's thumbnails",
        "return document.querySelectorAll('.card img').length === 8;",
    );
    b.click(".card[data-layout='a5-flyer']");
    let second = b.wait(
        "the preview on a5-flyer",
        &format!(
            "const src = (function() {{ {UP_TO_DATE} }})(); \
             return src && src !== {} ? src : null;",
            first
        ),
    );
    assert_ne!(first, second);
    assert_eq!(
        b.run("return document.querySelector('.card[aria-pressed=true]').dataset.layout;"),
        "a5-flyer"
    );

    // Download the PDF: the CLI's bytes.
    b.click("#download-pdf");
    let pdf = downloads.join("general-strike.pdf");
    let mut waited = 0;
    while !pdf.exists() && waited < 200 {
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
    }
    std::thread::sleep(Duration::from_millis(300));
    let got = std::fs::read(&pdf).expect("the PDF was not downloaded");
    let cli = cli_pdf(
        "browser-cli",
        "statement.md",
        statement,
        &["--layout", "a5-flyer"],
    );
    assert_eq!(got, cli, "the browser's PDF is not the CLI's");

    // Upload a picture: the preview shows it (it changes), and no error.
    let photo = support::ScratchFile::with(
        "handbill-serve-browser-photo-",
        "photo.jpg",
        &jpeg(600, 400),
    );
    // (The status says the PDF was downloaded; the preview is up to date.)
    let before = b.run("return document.querySelector('#pages img').src;");
    b.type_in("#f-picture", photo.to_str().unwrap());
    b.wait(
        "the preview with the picture",
        &format!(
            "const src = (function() {{ {UP_TO_DATE} }})(); \
             return src && src !== {} ? src : null;",
            before
        ),
    );
    assert_eq!(
        b.run("return document.querySelectorAll('#problems li.error').length;"),
        0
    );

    // Open a statement file: its text replaces the box's, as Markdown.
    let file = support::ScratchFile::with(
        "handbill-serve-browser-open-",
        "appeal.md",
        b"# Hands off our library\n\nThe council meets on Monday.\n",
    );
    b.type_in("#f-open", file.to_str().unwrap());
    b.wait(
        "the opened file in the box",
        "return document.getElementById('statement').value.startsWith('# Hands off our library') \
           && document.getElementById('format').value === 'markdown';",
    );
    b.wait("the preview of the opened file", UP_TO_DATE);
    b.clear("#statement");
    b.type_in("#statement", statement);

    // A picture in the text is a warning at its line; a wrong layout key
    // an error at its line; clicking it selects that line.
    b.type_in("#statement", "\n![photo](x.jpg)\n");
    b.wait(
        "the warning about the picture",
        "const li = [...document.querySelectorAll('#problems li.warning')] \
           .find(l => l.textContent.includes('images in the statement')); \
         return li ? li.querySelector('.where').textContent === 'line 5:' : null;",
    );
    b.click("#custom summary");
    b.type_in("#layout-text", "[page]\ncolums = 2\n");
    b.wait(
        "the layout's error at its line",
        "const li = document.querySelector('#problems li.error'); \
         return li && li.textContent.startsWith('layout line 2:') \
           && li.textContent.includes('columns');",
    );
    b.click("#problems li.error");
    let selected = b.run(
        "const t = document.getElementById('layout-text'); \
         return t.value.substring(t.selectionStart, t.selectionEnd);",
    );
    assert_eq!(selected, "colums = 2");

    // Print: the CUPS queues are offered, and a job goes to one.
    b.clear("#layout-text");
    b.wait(
        "the printers",
        "return !document.getElementById('print-box').hidden \
           && [...document.querySelectorAll('#printer option')].some(o => o.value === 'HandbillPDF');",
    );
    b.run("document.getElementById('printer').value = 'HandbillPDF';");
    b.wait("the preview without errors", UP_TO_DATE);
    b.click("#print");
    b.wait(
        "the print job",
        "return document.getElementById('status').textContent.startsWith('Sent to HandbillPDF (HandbillPDF-');",
    );
    // Wait for cups-pdf's copy, and delete it: each run left one in ~/PDF.
    let status = b.run("return document.getElementById('status').textContent;");
    let job = status
        .as_str()
        .and_then(|s| s.split("(HandbillPDF-").nth(1))
        .and_then(|s| s.split(')').next())
        .expect("a job number in the status")
        .to_string();
    let suffix = format!("-job_{job}.pdf");
    let _ = std::fs::remove_file(printed_copy(&job, |name| name.ends_with(&suffix)));

    // With a field filled, the server reads two more lines of front
    // matter above the text; a message's own line numbers are the
    // editor's, as its place is.
    b.clear("#statement");
    b.type_in("#f-where", "Town hall");
    b.type_in(
        "#statement",
        "# Strike\n\nThe organi-\nsation of the strike goes on.\n",
    );
    b.wait(
        "the joined word's warning, at the editor's line",
        "const li = [...document.querySelectorAll('#problems li.warning')] \
           .find(l => l.textContent.includes('organisation')); \
         return li ? li.querySelector('.where').textContent === 'line 3:' \
           && li.textContent.includes('“organisation” (line 3)') : null;",
    );
}

#[test]
fn print_sends_the_leaflet_to_a_cups_printer() {
    const QUEUE: &str = "HandbillPDF";
    let s = Server::local();
    let a = s.send("GET", "/api/printers", &[], b"");
    assert_eq!(a.status, 200);
    let printers = a.json();
    assert!(
        printers
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == QUEUE),
        "no CUPS queue `{QUEUE}` in {printers}: run .ci/run, which adds it"
    );
    let title = format!("handbill-serve-test-{}", std::process::id());
    let a = s.post(
        "/api/print",
        &serde_json::json!({
            "statement": "# Strike\n\nWe stop work at noon.",
            "printer": QUEUE,
            "title": title,
        }),
    );
    assert_eq!(a.status, 200, "{}", a.text());
    let id = a.json()["job"].as_str().unwrap().to_string();
    assert!(id.starts_with(&format!("{QUEUE}-")), "{id}");
    let printed = printed_copy(&id, |name| name.starts_with(&title));

    let a = s.post(
        "/api/print",
        &serde_json::json!({ "statement": "We meet.", "printer": "NoSuchQueue" }),
    );
    assert_eq!(a.status, 422);
    assert!(a.json()["error"]
        .as_str()
        .unwrap()
        .contains("no printer `NoSuchQueue`"));
    let a = s.post(
        "/api/print",
        &serde_json::json!({ "statement": "We meet.", "printer": QUEUE, "copies": 0 }),
    );
    assert_eq!(a.status, 400);
    // The printed copy is of no more use; each run left one in ~/PDF.
    let _ = std::fs::remove_file(printed);
}

/// The file cups-pdf wrote for print job `job`, whose name passes
/// `is_it`, once it is there: cups-pdf writes to the job owner's ~/PDF
/// (or its spool folder for anonymous jobs), named after the job's title
/// and number. Fails after a minute.
fn printed_copy(job: &str, is_it: impl Fn(&str) -> bool) -> PathBuf {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let dirs = [
        PathBuf::from(&home).join("PDF"),
        PathBuf::from("/root/PDF"),
        PathBuf::from("/var/spool/cups-pdf/ANONYMOUS"),
    ];
    let started = std::time::Instant::now();
    loop {
        let found = dirs
            .iter()
            .filter_map(|d| std::fs::read_dir(d).ok())
            .flatten()
            .filter_map(|e| e.ok())
            .find(|e| is_it(&e.file_name().to_string_lossy()));
        if let Some(e) = found {
            return e.path();
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "job {job} did not come out of its queue in 60 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// A JPEG of `w`×`h` pixels, a smooth gradient like a photo.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .unwrap();
    out.into_inner()
}

#[test]
fn an_uploaded_picture_is_placed_and_never_touches_the_disk() {
    let s = Server::local();
    let photo = jpeg(900, 600);
    let data = handbill::serve::base64::encode(&photo);
    let statement = "+++\ntitle = \"Save the library\"\n+++\nCome to the meeting.\n";
    let a = s.post(
        "/api/build",
        &serde_json::json!({
            "statement": statement,
            "picture": { "name": "../../etc/passwd", "data": data },
        }),
    );
    assert!(is_pdf(&a), "{}", a.text());
    // A JPEG goes into the PDF as it is: the upload is on the page.
    assert!(
        a.body.windows(photo.len()).any(|w| w == photo.as_slice()),
        "the uploaded JPEG is not in the PDF"
    );
    // A file that is not a picture is named by its name alone: the name is
    // never a path.
    let a = s.post(
        "/api/build",
        &serde_json::json!({
            "statement": statement,
            "picture": { "name": "../../etc/passwd", "data": handbill::serve::base64::encode(b"root:x:0:0") },
        }),
    );
    assert_eq!(a.status, 422, "{}", a.text());
    let v = a.json();
    let e = v["error"].as_str().unwrap();
    assert!(e.contains("picture `passwd`") && !e.contains("etc"), "{e}");
    assert_eq!(v["file"], "passwd");
    // Data that is not base64.
    let a = s.post(
        "/api/build",
        &serde_json::json!({
            "statement": statement,
            "picture": { "name": "p.png", "data": "not base64!" },
        }),
    );
    assert_eq!(a.status, 400, "{}", a.text());
    assert!(a.json()["error"].as_str().unwrap().contains("not base64"));
    // A picture over the upload limit, in a body the server takes.
    let big = vec![0u8; handbill::serve::api::MAX_PICTURE + 1];
    let a = s.post(
        "/api/build",
        &serde_json::json!({
            "statement": statement,
            "picture": { "name": "big.jpg", "data": handbill::serve::base64::encode(&big) },
        }),
    );
    assert_eq!(a.status, 413, "{}", a.text());
    assert!(a.json()["error"].as_str().unwrap().contains("big.jpg"));
}

#[test]
fn open_hands_the_address_to_the_desktops_opener() {
    let scratch = tmpdir("serve-open");
    let dir = scratch.path();
    let record = dir.join("opened.txt");
    let opener = format!("printf '%s' > '{}'", record.display());
    let s = Server::start_with(&["--open"], &[("HANDBILL_OPENER", &opener)]);
    let mut waited = 0;
    let written = || std::fs::read_to_string(&record).is_ok_and(|t| !t.is_empty());
    while !written() && waited < 100 {
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    }
    assert_eq!(std::fs::read_to_string(&record).unwrap(), s.url);
}
