//! Secrets are never printed, in any form: everything faqbot writes to its log, to standard
//! error and to standard output passes through [`scrub`] on its way out.
//!
//! Keeping a secret out of each message by hand is not enough: a token pasted into the wrong
//! setting comes back inside a URL, an error from a library, a "did you mean" hint, cut or
//! lower-cased. So the last step before any output removes:
//! - the secrets faqbot knows ([`keep_secret`]: the bot token), whole or any piece of
//!   [`PIECE`] characters or more, in any case;
//! - interaction tokens, which Discord mints per interaction (a 15-minute credential to post as
//!   the bot), by their shape: base64 of `interaction:…`;
//! - anything shaped like a Discord bot token, known or not.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::RwLock;

/// What a secret is replaced with.
pub const REDACTED: &str = "<redacted>";

/// The shortest piece of a known secret that is recognised as part of it. Bot tokens are some
/// 70 random characters: ten of them in a row never occur by chance.
pub const PIECE: usize = 10;

/// Base64 of `interaction:`, the start of every interaction token Discord mints.
const INTERACTION_TOKEN: &str = "aW50ZXJhY3Rpb246";

/// The secrets this process holds, lower-cased.
static KNOWN: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Remembers `secret` so that no output of this process ever shows it.
pub fn keep_secret(secret: &str) {
    let secret = secret.trim().to_ascii_lowercase();
    if secret.is_empty() {
        return;
    }
    let mut known = KNOWN.write().unwrap_or_else(|e| e.into_inner());
    if !known.contains(&secret) {
        known.push(secret);
    }
}

/// `text` without any secret: each is replaced by [`REDACTED`].
pub fn scrub(text: &str) -> Cow<'_, str> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let lower = text.to_ascii_lowercase();
    for secret in KNOWN.read().unwrap_or_else(|e| e.into_inner()).iter() {
        pieces_of(secret, &lower, &mut found);
    }
    interaction_tokens(text, &mut found);
    bot_tokens(text, &mut found);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    found.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in merged {
        out.push_str(&text[at..range.start]);
        out.push_str(REDACTED);
        at = range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Where any piece of `secret` of [`PIECE`] characters or more (the whole of a shorter one)
/// occurs in `lower`, the output lower-cased the same way.
fn pieces_of(secret: &str, lower: &str, found: &mut Vec<Range<usize>>) {
    let piece = PIECE.min(secret.len());
    let starts = (0..=secret.len() - piece)
        .filter(|&i| secret.is_char_boundary(i) && secret.is_char_boundary(i + piece));
    for i in starts {
        let needle = &secret[i..i + piece];
        for (at, _) in lower.match_indices(needle) {
            found.push(widen(lower, at..at + piece));
        }
    }
}

/// Where interaction tokens occur: from their fixed start to the end of the base64 word.
fn interaction_tokens(text: &str, found: &mut Vec<Range<usize>>) {
    for (at, _) in text.match_indices(INTERACTION_TOKEN) {
        found.push(widen(text, at..at + INTERACTION_TOKEN.len()));
    }
}

/// Where words shaped like a bot token occur, known or not.
fn bot_tokens(text: &str, found: &mut Vec<Range<usize>>) {
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_token_char(c) {
            continue;
        }
        let word = &text[start..i];
        if word.len() >= 50 && crate::core::diagnostic::looks_like_a_token(word) {
            found.push(start..i);
        }
        start = i + c.len_utf8();
    }
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=')
}

/// `range` grown to the whole word of token characters around it: what is left of a secret
/// beside a recognised piece is secret too.
fn widen(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let token_byte = |b: u8| is_token_char(char::from(b)) && b.is_ascii();
    let mut start = range.start;
    while start > 0 && token_byte(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = range.end;
    while end < bytes.len() && token_byte(bytes[end]) {
        end += 1;
    }
    start..end
}

/// A writer that passes everything through [`scrub`], a line at a time (a secret split over
/// two writes is still found), before it reaches `inner`.
#[derive(Debug)]
pub struct Scrubbed<W: Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: Write> Scrubbed<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            line: Vec::new(),
        }
    }

    fn write_lines(&mut self, everything: bool) -> io::Result<()> {
        let end = if everything {
            self.line.len()
        } else {
            match self.line.iter().rposition(|&b| b == b'\n') {
                Some(newline) => newline + 1,
                None => return Ok(()),
            }
        };
        let text = String::from_utf8_lossy(&self.line[..end]);
        let clean = scrub(&text);
        self.inner.write_all(clean.as_bytes())?;
        self.line.drain(..end);
        Ok(())
    }
}

impl<W: Write> Write for Scrubbed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.line.extend_from_slice(buf);
        self.write_lines(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_lines(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Scrubbed<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token shaped like Discord's (base64 of the id, a timestamp, an HMAC), made up.
    const TOKEN: &str =
        "MTEzNzQ5ODc2NTQzMjEwOTg3Ng.GhX2qP.9dKf83JqLmZ0pWnR7sTuVbXyC1eA4oI6hG5jN8kE";

    #[test]
    fn a_known_secret_is_removed_whole_cut_or_lower_cased() {
        keep_secret(TOKEN);
        let cases = [
            format!("token {TOKEN} here"),
            format!("e.g. `{}-topic`", TOKEN[..32].to_ascii_lowercase()),
            format!("http://user:{TOKEN}@host/"),
            format!("http://127.0.0.1:9/{TOKEN}"),
            format!("the tail {}", &TOKEN[40..]),
            TOKEN.to_ascii_uppercase(),
        ];
        for case in &cases {
            let clean = scrub(case);
            for i in 0..=TOKEN.len() - PIECE {
                let piece = TOKEN[i..i + PIECE].to_ascii_lowercase();
                assert!(
                    !clean.to_ascii_lowercase().contains(&piece),
                    "{case} → {clean}"
                );
            }
            assert!(clean.contains(REDACTED), "{clean}");
        }
        assert_eq!(scrub("http://127.0.0.1:9/abc"), "http://127.0.0.1:9/abc");
        assert_eq!(
            scrub(&format!("http://user:{TOKEN}@host/")),
            format!("http://user:{REDACTED}@host/")
        );
    }

    #[test]
    fn interaction_tokens_are_removed_by_their_shape() {
        let route = "POST /api/v10/interactions/123/aW50ZXJhY3Rpb246MTIzOnNlY3JldA==/callback";
        assert_eq!(
            scrub(route),
            format!("POST /api/v10/interactions/123/{REDACTED}/callback")
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "",
            "FAQ reloaded",
            "commands registered count=17 scope=global",
        ] {
            assert!(matches!(scrub(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn the_writer_scrubs_a_secret_split_over_writes() {
        let secret = "s3cr3t-value-for-the-writer-test";
        keep_secret(secret);
        let mut out = Vec::new();
        {
            let mut writer = Scrubbed::new(&mut out);
            write!(writer, "a {}", &secret[..12]).unwrap();
            writeln!(writer, "{} b", &secret[12..]).unwrap();
            write!(writer, "no newline {secret}").unwrap();
        }
        let out = String::from_utf8(out).unwrap();
        assert_eq!(out, format!("a {REDACTED} b\nno newline {REDACTED}"));
    }
}
