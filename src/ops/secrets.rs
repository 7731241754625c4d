//! Secrets are never printed, in any form: everything faqbot writes to its log, to standard
//! error and to standard output passes through [`scrub`] on its way out.
//!
//! Keeping a secret out of each message by hand is not enough: a token pasted into the wrong
//! setting comes back inside a URL, an error from a library, a "did you mean" hint, cut or
//! lower-cased. So the last step before any output removes:
//! - the secrets faqbot knows ([`keep_secret`]: the bot token), whole or any piece of
//!   [`PIECE`] characters or more, in any case (a secret too short for pieces to be safe to
//!   look for, whole words only);
//! - interaction tokens, which Discord mints per interaction (a 15-minute credential to post as
//!   the bot), by their shape: base64 of `interaction:…`;
//! - anything shaped like a Discord bot token, known or not.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::RwLock;

use secrecy::{ExposeSecret, SecretString};

use crate::core::diagnostic::{Diagnostic, FileErrors, LoadError};

/// The shortest piece of a known secret that is recognised as part of it. Bot tokens are some
/// 70 random characters: ten of them in a row never occur by chance.
pub const PIECE: usize = 10;

/// A known secret shorter than this is only looked for as a whole word: its pieces could be
/// ordinary words.
const SHORT: usize = 2 * PIECE;

/// Base64 of `interaction:`, the start of every interaction token Discord mints.
const INTERACTION_TOKEN: &str = "aW50ZXJhY3Rpb246";

/// The secrets this process holds, lower-cased, wiped from memory when replaced.
static KNOWN: RwLock<Vec<SecretString>> = RwLock::new(Vec::new());

/// Remembers `secret` so that no output of this process ever shows it.
pub fn keep_secret(secret: &str) {
    let secret = secret.trim().to_ascii_lowercase();
    if secret.is_empty() {
        return;
    }
    let mut known = KNOWN.write().unwrap_or_else(|e| e.into_inner());
    if !known.iter().any(|k| k.expose_secret() == &secret) {
        known.push(SecretString::new(secret));
    }
}

/// `text` without any secret: each is replaced by [`REDACTED`].
pub fn scrub(text: &str) -> Cow<'_, str> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let lower = text.to_ascii_lowercase();
    for secret in KNOWN.read().unwrap_or_else(|e| e.into_inner()).iter() {
        pieces_of(secret.expose_secret(), &lower, &mut found);
    }
    interaction_tokens(text, &mut found);
    found.extend(token_ranges(text));
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(redact(text, found))
}

/// Where any piece of `secret` of [`PIECE`] characters occurs in `lower` (the output,
/// lower-cased the same way): together they cover whatever part of the secret is shown. A
/// short secret is looked for whole, as a word.
fn pieces_of(secret: &str, lower: &str, found: &mut Vec<Range<usize>>) {
    if secret.len() < SHORT {
        let bytes = lower.as_bytes();
        // Whether the byte at `i` (if any) is not part of a word.
        let edge =
            |i: Option<usize>| i.is_none_or(|i| i >= bytes.len() || !is_token_byte(bytes[i]));
        for (at, _) in lower.match_indices(secret) {
            let end = at + secret.len();
            if edge(at.checked_sub(1)) && edge(Some(end)) {
                found.push(at..end);
            }
        }
        return;
    }
    let starts = (0..=secret.len() - PIECE)
        .filter(|&i| secret.is_char_boundary(i) && secret.is_char_boundary(i + PIECE));
    for i in starts {
        for (at, _) in lower.match_indices(&secret[i..i + PIECE]) {
            found.push(at..at + PIECE);
        }
    }
}

/// Where interaction tokens occur: from their fixed start to the end of the base64 that
/// follows it.
fn interaction_tokens(text: &str, found: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices(INTERACTION_TOKEN) {
        let mut end = at + INTERACTION_TOKEN.len();
        // base64url, as the token goes into URL paths, with its padding.
        while end < bytes.len() && (is_token_byte(bytes[end]) || bytes[end] == b'=') {
            end += 1;
        }
        found.push(at..end);
    }
}

/// The characters tokens are written with (base64url, and the dots of a bot token).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')
}

/// A writer that passes everything through [`scrub`], a line at a time (a secret split over
/// two writes is still found), before it reaches `inner`.
#[derive(Debug)]
pub struct Scrubbed<W: Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: Write> Scrubbed<W> {
    /// Scrubs what is written before it reaches `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            line: Vec::new(),
        }
    }

    /// Writes out the first `end` bytes held, scrubbed.
    fn write_out(&mut self, end: usize) -> io::Result<()> {
        let text = String::from_utf8_lossy(&self.line[..end]);
        let clean = scrub(&text);
        self.inner.write_all(clean.as_bytes())?;
        self.line.drain(..end);
        Ok(())
    }
}

impl<W: Write> Write for Scrubbed<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let held = self.line.len();
        self.line.extend_from_slice(buf);
        // Only the new bytes can hold a new end of line.
        if let Some(newline) = buf.iter().rposition(|&b| b == b'\n') {
            self.write_out(held + newline + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A character cut between two writes waits for the rest of it.
        let whole = match std::str::from_utf8(&self.line) {
            Ok(_) => self.line.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.line.len(),
        };
        self.write_out(whole)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Scrubbed<W> {
    fn drop(&mut self) {
        let end = self.line.len();
        let _ = self.write_out(end);
        let _ = self.inner.flush();
    }
}

/// Where the words of `text` that look like a Discord bot token are. A real one is some 70
/// characters long; shorter dotted words (`topic.localized.french`, host names) are left alone.
/// A word ends at anything but a letter, digit, `-`, `_` or `.` (so `token=…` and `…/token/…`
/// are found), a full stop after it is not part of it, and neither is the letter of an escape
/// just before it (`\n` in JSON) or the tail of a terminal colour code (`ESC[0m`).
pub fn token_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    const SHORTEST_TOKEN: usize = 50;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            continue;
        }
        let (mut from, mut to) = (start, i);
        start = i + c.len_utf8();
        // Too short to be a token, whatever is trimmed off it below.
        if to - from < SHORTEST_TOKEN {
            continue;
        }
        if from > 0 && bytes[from - 1] == b'\\' {
            from += 1;
        }
        if from >= 2 && bytes[from - 1] == b'[' && bytes[from - 2] == 0x1b {
            let codes = bytes[from..to]
                .iter()
                .position(|&b| !(b.is_ascii_digit() || b == b';'));
            if let Some(n) = codes.filter(|&n| bytes[from + n] == b'm') {
                from += n + 1;
            }
        }
        while to > from && bytes[to - 1] == b'.' {
            to -= 1;
        }
        let word = &text[from..to];
        if word.len() >= SHORTEST_TOKEN && looks_like_a_token(word) {
            found.push(from..to);
        }
    }
    found
}

/// What a secret is replaced with, wherever it would have been shown.
pub const REDACTED: &str = "<redacted>";

/// `text` with every word that looks like a token replaced: for messages that repeat a value
/// someone typed, which may be a token pasted in the wrong place.
pub fn redact_tokens(text: &str) -> String {
    redact(text, token_ranges(text))
}

/// `text` with the bytes of each of `ranges` (in any order, overlapping or not, on character
/// boundaries) replaced by [`REDACTED`], once where they overlap or touch.
pub fn redact(text: &str, mut ranges: Vec<std::ops::Range<usize>>) -> String {
    ranges.sort_by_key(|r| r.start);
    let mut ranges = ranges.into_iter().peekable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(mut range) = ranges.next() {
        while let Some(next) = ranges.next_if(|next| next.start <= range.end) {
            range.end = range.end.max(next.end);
        }
        out.push_str(&text[at..range.start]);
        out.push_str(REDACTED);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether a value looks like a Discord bot token (three dot-separated base64 parts), whatever
/// key it sits under: it is never quoted either.
pub fn looks_like_a_token(value: &str) -> bool {
    let parts: Vec<&str> = value.trim().split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            p.len() >= 5
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// A diagnostic that shows no token: the line it quotes is dropped when a token is anywhere in
/// it, and the message and help (which may repeat the value at fault) have theirs redacted.
pub fn redact_diagnostic(diagnostic: Diagnostic) -> Diagnostic {
    let quotes_a_token = !token_ranges(diagnostic.snippet()).is_empty();
    let mut diagnostic = if quotes_a_token {
        diagnostic.without_snippet()
    } else {
        diagnostic
    };
    diagnostic.message = redact_tokens(&diagnostic.message);
    diagnostic.help = diagnostic.help.as_deref().map(redact_tokens);
    diagnostic
}

/// [`redact_diagnostic`] for every problem of a file that failed to load.
pub fn redact_load_error(error: LoadError) -> LoadError {
    match error {
        LoadError::Invalid(errors) => LoadError::Invalid(redact_file_errors(errors)),
        other => other,
    }
}

/// [`redact_diagnostic`] for every problem of one file.
pub fn redact_file_errors(errors: FileErrors) -> FileErrors {
    errors.map(redact_diagnostic)
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
    fn what_surrounds_a_token_is_left_intact() {
        keep_secret(TOKEN);
        // A JSON escape before it, a terminal colour code around it, a full stop after it, a
        // `key=value` field: the token goes, they stay.
        let json = format!(r#"{{"message":"line\n{TOKEN}\tend"}}"#);
        let clean = scrub(&json);
        assert_eq!(clean, format!(r#"{{"message":"line\n{REDACTED}\tend"}}"#));
        assert!(serde_json::from_str::<serde_json::Value>(&clean).is_ok());
        let coloured = format!("\u{1b}[3mtoken\u{1b}[0m\u{1b}[2m=\u{1b}[0m{TOKEN}.");
        assert_eq!(
            scrub(&coloured),
            format!("\u{1b}[3mtoken\u{1b}[0m\u{1b}[2m=\u{1b}[0m{REDACTED}.")
        );
    }

    #[test]
    fn an_unknown_token_is_found_by_its_shape_even_as_a_field() {
        let unknown = "MjIyMjIyMjIyMjIyMjIyMjIy.Ab_cd3.zyxwvutsrqponmlkjihgfedcba0987654321ZYXW";
        for (text, clean) in [
            (format!("token={unknown}"), format!("token={REDACTED}")),
            (format!("it was {unknown}."), format!("it was {REDACTED}.")),
        ] {
            assert_eq!(scrub(&text), clean);
        }
    }

    #[test]
    fn a_short_secret_is_only_removed_as_a_word() {
        keep_secret("hunter2");
        assert_eq!(scrub("pw hunter2, ok"), format!("pw {REDACTED}, ok"));
        assert_eq!(scrub("hunter2"), REDACTED);
        assert_eq!(scrub("hunter22 xhunter2"), "hunter22 xhunter2");
    }

    #[test]
    fn a_long_line_written_byte_by_byte_is_scrubbed_whole() {
        let mut out = Vec::new();
        {
            let mut writer = Scrubbed::new(&mut out);
            for b in format!("{} {TOKEN} é\n", "x".repeat(100_000)).bytes() {
                writer.write_all(&[b]).unwrap();
            }
        }
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.ends_with(&format!(" {REDACTED} é\n")),
            "{}",
            &out[100_000..]
        );
    }

    proptest::proptest! {
        /// Whatever is written, scrubbing never panics and never leaves a piece of a known
        /// secret, wherever in the text it was put.
        #[test]
        fn any_text_is_scrubbed(before in "\\PC{0,80}", after in "\\PC{0,80}", cut in 0usize..60) {
            keep_secret(TOKEN);
            let piece = &TOKEN[cut..(cut + PIECE).min(TOKEN.len())];
            let clean = scrub(&format!("{before}{piece}{after}")).to_ascii_lowercase();
            proptest::prop_assert!(!clean.contains(&piece.to_ascii_lowercase()));
        }
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
