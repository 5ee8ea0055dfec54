//! Web addresses in running text: where one begins and ends, and the
//! address a click on it opens.
//!
//! Prose is not a URL grammar: an address is followed by a full stop, a
//! comma, a closing bracket or quotation mark that belong to the sentence,
//! and a leaflet prints `www.example.org` without a scheme. The rules here
//! are the ones readers apply: an address starts with `http://`,
//! `https://` or `www.` at the start of a word, runs to the next space,
//! and loses the punctuation that ends the sentence around it.

/// A web address in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct WebAddress {
    /// Byte offset of its first character.
    pub(super) start: usize,
    /// Byte offset just past its last character.
    pub(super) end: usize,
    /// What a click opens: the address as printed, with a scheme added to
    /// a bare `www.` address, and anything outside ASCII percent-encoded
    /// (a URI action holds ASCII only).
    pub(super) target: String,
}

/// The schemes that make a word an address. Others (`mailto:`, `tel:`) are
/// left alone: a leaflet prints them rarely, and a word with a colon in it
/// is more often not an address at all.
const SCHEMES: [&str; 2] = ["http://", "https://"];

/// The scheme given to a bare `www.` address. Browsers try https first
/// for a typed address, and a site still on plain http redirects.
const BARE_SCHEME: &str = "https://";

/// Every web address in `text`, in order.
pub(super) fn find(text: &str) -> Vec<WebAddress> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = next_start(text, from) {
        let end = address_end(text, start);
        if let Some(target) = target(&text[start..end]) {
            out.push(WebAddress { start, end, target });
        }
        from = end.max(start + 1);
    }
    out
}

/// Where the next address may begin, at or after `from`: a scheme or
/// `www.` at the start of a word.
fn next_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find(|&i| {
        let rest = &bytes[i..];
        let starts =
            |p: &str| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        (SCHEMES.iter().any(|s| starts(s)) || starts("www."))
            && text.is_char_boundary(i)
            && text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && !"/.@:-_".contains(c))
    })
}

/// Where the address starting at `start` ends: at the next space or
/// character that cannot be part of a printed address, less the
/// punctuation of the sentence around it.
fn address_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let mut end = start
        + rest
            .find(|c: char| c.is_whitespace() || "<>\"“”‘’«»„‹›".contains(c))
            .unwrap_or(rest.len());
    loop {
        let Some(last) = text[start..end].chars().next_back() else {
            return end;
        };
        let unbalanced = |open: char| {
            let s = &text[start..end];
            s.matches(open).count() < s.matches(last).count()
        };
        let trailing = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
            // Brackets close the sentence's bracket unless the address
            // opened one itself (Wikipedia's addresses do).
            ')' => unbalanced('('),
            ']' => unbalanced('['),
            _ => false,
        };
        if !trailing {
            return end;
        }
        end -= last.len_utf8();
    }
}

/// The target of a printed address, or `None` if it has no host to go to
/// (a scheme alone, `www.` and no name) or a host outside ASCII (which a
/// URI would need in Punycode).
fn target(printed: &str) -> Option<String> {
    let lower = printed.to_ascii_lowercase();
    let (scheme, rest, bare) = match SCHEMES.iter().find(|s| lower.starts_with(**s)) {
        Some(s) => (&printed[..s.len()], &printed[s.len()..], false),
        None => (BARE_SCHEME, printed, true),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let named = host.split('.').filter(|p| !p.is_empty()).count();
    // A bare address needs a name after "www." ("www.example.org").
    let needed = if bare { 3 } else { 1 };
    if named < needed || !host.is_ascii() || !host.chars().any(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut target = String::with_capacity(scheme.len() + rest.len());
    target.push_str(scheme);
    for c in rest.chars() {
        if c.is_ascii() {
            target.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                target.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printed addresses and their targets.
    fn found(text: &str) -> Vec<(&str, String)> {
        find(text)
            .into_iter()
            .map(|a| (&text[a.start..a.end], a.target))
            .collect()
    }

    #[test]
    fn addresses_lose_the_punctuation_of_their_sentence() {
        assert_eq!(
            found("Sign at https://example.org/petition. Or write to us."),
            [(
                "https://example.org/petition",
                "https://example.org/petition".into()
            )]
        );
        assert_eq!(
            found("(see www.example.org/a_(b), and HTTP://x.org!)"),
            [
                (
                    "www.example.org/a_(b)",
                    "https://www.example.org/a_(b)".into()
                ),
                ("HTTP://x.org", "HTTP://x.org".into())
            ]
        );
        assert_eq!(
            found("“https://example.org/?q=1&r=2#top”"),
            [(
                "https://example.org/?q=1&r=2#top",
                "https://example.org/?q=1&r=2#top".into()
            )]
        );
    }

    #[test]
    fn only_whole_words_with_a_host_are_addresses() {
        assert!(found("no www. here, nor https:// alone").is_empty());
        assert_eq!(found("https://example.org").len(), 1);
        assert!(found("awww.example.org xhttp://x.org a/www.b.org").is_empty());
        assert!(found("mailto:a@b.org ftp://x.org www.org").is_empty());
        assert!(found("https://bücher.example/").is_empty());
    }

    #[test]
    fn letters_outside_ascii_are_percent_encoded() {
        assert_eq!(
            found("https://example.org/straße"),
            [(
                "https://example.org/straße",
                "https://example.org/stra%C3%9Fe".into()
            )]
        );
    }
}
