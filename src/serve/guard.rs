//! Who may talk to the server: the checks every request passes before it
//! reaches the page or the API.
//!
//! A server on 127.0.0.1 is still reachable from every web page the user
//! opens, in two ways this module closes:
//!
//! - **DNS rebinding**: a site makes its own name resolve to 127.0.0.1, and
//!   its script then talks to this server as if it were same-origin. The
//!   browser still sends the site's name in `Host`, so a `Host` other than
//!   the address the server was started on is refused.
//! - **Cross-site requests**: a page elsewhere posts to
//!   `http://127.0.0.1:PORT/api/build`. Browsers send `Origin` with every
//!   such POST (and `Sec-Fetch-Site`), so a request whose origin is not
//!   this server is refused. Scripts and `curl` send no `Origin` and pass.
//!
//! On a shared machine (`--host 0.0.0.0`) anyone on the network can reach
//! the server, and any name may lead to it; there the API asks for a
//! token, as Jupyter does: random, printed at start, sent by the page as
//! `Authorization: Bearer TOKEN`.

use std::net::IpAddr;

/// The rules one server applies.
#[derive(Clone, Debug)]
pub struct Policy {
    /// The names `Host` may carry (lowercase, IPv6 in brackets); empty means
    /// any, which only a server with a token allows.
    hosts: Vec<String>,
    /// The port `Host` must name.
    port: u16,
    /// The token the API asks for, if any.
    token: Option<String>,
}

/// Why a request was refused: an answer for the client, in words.
#[derive(Debug, PartialEq)]
pub struct Refusal(pub String);

impl Policy {
    /// The rules for a server bound to `ip` and `port`. A server bound to
    /// every address (0.0.0.0 or ::) accepts any `Host`: it must have a
    /// token, which [`super::Options::check`] makes sure of.
    pub fn new(ip: IpAddr, port: u16, token: Option<String>) -> Policy {
        let hosts = if ip.is_unspecified() {
            Vec::new()
        } else {
            let mut hosts = vec![
                "localhost".to_string(),
                "127.0.0.1".to_string(),
                "[::1]".to_string(),
            ];
            let own = match ip {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            };
            if !hosts.contains(&own) {
                hosts.push(own);
            }
            hosts
        };
        Policy { hosts, port, token }
    }

    /// Checks one request: its `Host`, its `Origin` and `Sec-Fetch-Site`,
    /// and for the API the token. `api` says whether the path is under
    /// `/api/`; `authorization` is that header's value.
    pub fn check(
        &self,
        host: Option<&str>,
        origin: Option<&str>,
        fetch_site: Option<&str>,
        authorization: Option<&str>,
        api: bool,
    ) -> Result<(), Refusal> {
        let host = host.ok_or_else(|| Refusal("the request has no Host header".into()))?;
        let host = host.trim().to_ascii_lowercase();
        if !self.hosts.is_empty() && !self.host_allowed(&host) {
            return Err(Refusal(format!(
                "Host `{host}` is not this server; open http://127.0.0.1:{}/ instead",
                self.port
            )));
        }
        if let Some(origin) = origin {
            let own = format!("http://{host}");
            if !origin.trim().eq_ignore_ascii_case(&own) {
                return Err(Refusal(format!(
                    "requests from `{origin}` are refused: only the page this server gives may call it"
                )));
            }
        }
        // Sent by browsers even where `Origin` is left out (a GET).
        if fetch_site.is_some_and(|s| s.eq_ignore_ascii_case("cross-site")) {
            return Err(Refusal("cross-site requests are refused".into()));
        }
        if let (true, Some(token)) = (api, &self.token) {
            let given = authorization
                .and_then(|a| a.trim().strip_prefix("Bearer "))
                .map(str::trim);
            if !given.is_some_and(|g| same(g.as_bytes(), token.as_bytes())) {
                return Err(Refusal(
                    "this server asks for its token: open the address it printed at start \
                     (with ?token=…), or send `Authorization: Bearer TOKEN`"
                        .into(),
                ));
            }
        }
        Ok(())
    }

    /// Whether `host` (lowercase, `name:port` or `name` for port 80) names
    /// this server.
    fn host_allowed(&self, host: &str) -> bool {
        let (name, port) = match host.rsplit_once(':') {
            // `[::1]` alone has colons but no port after its bracket.
            Some((name, port)) if !port.contains(']') => (name, port.parse::<u16>().ok()),
            _ => (host, Some(80)),
        };
        port == Some(self.port) && self.hosts.iter().any(|h| h == name)
    }
}

/// Compares two secrets in time that depends only on their lengths, so
/// that timing answers cannot reveal a token byte by byte.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new token: 128 random bits from the kernel, as hex.
pub fn new_token() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local() -> Policy {
        Policy::new("127.0.0.1".parse().unwrap(), 8470, None)
    }

    #[test]
    fn a_local_server_answers_to_its_own_names_only() {
        let p = local();
        for host in [
            "127.0.0.1:8470",
            "localhost:8470",
            "[::1]:8470",
            "LocalHost:8470",
        ] {
            assert_eq!(
                p.check(Some(host), None, None, None, true),
                Ok(()),
                "{host}"
            );
        }
        for host in [
            "evil.example:8470",
            "127.0.0.1:8471",
            "127.0.0.1",
            "localhost.evil.example:8470",
            "",
        ] {
            assert!(
                p.check(Some(host), None, None, None, true).is_err(),
                "{host}"
            );
        }
        assert!(p.check(None, None, None, None, false).is_err());
    }

    #[test]
    fn only_its_own_origin_may_call_it() {
        let p = local();
        let host = Some("127.0.0.1:8470");
        assert!(p
            .check(host, Some("http://127.0.0.1:8470"), None, None, true)
            .is_ok());
        for origin in [
            "http://evil.example",
            "http://localhost:8470",
            "https://127.0.0.1:8470",
            "null",
        ] {
            assert!(
                p.check(host, Some(origin), None, None, true).is_err(),
                "{origin}"
            );
        }
        assert!(p
            .check(host, None, Some("cross-site"), None, false)
            .is_err());
        assert!(p.check(host, None, Some("same-origin"), None, true).is_ok());
    }

    #[test]
    fn a_shared_server_takes_any_name_but_asks_for_its_token() {
        let p = Policy::new("0.0.0.0".parse().unwrap(), 8470, Some("abc123".into()));
        let host = Some("office-pc.local:8470");
        assert!(p.check(host, None, None, None, false).is_ok(), "the page");
        assert!(p.check(host, None, None, None, true).is_err());
        assert!(p
            .check(host, None, None, Some("Bearer abc124"), true)
            .is_err());
        assert!(p
            .check(host, None, None, Some("Bearer abc12"), true)
            .is_err());
        assert!(p
            .check(host, None, None, Some("Bearer abc123"), true)
            .is_ok());
    }

    #[test]
    fn tokens_are_long_and_new_each_time() {
        let a = new_token().unwrap();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_token().unwrap());
    }
}
