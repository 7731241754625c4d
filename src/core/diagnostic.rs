//! Problems in the files an admin edits (`faq.toml`, `config.toml`), located and explained.
//!
//! A bot that refuses to start is only friendly when it says exactly where the problem is and how
//! to fix it, so every check reports `file:line:column`, shows the line, and adds a `help:` hint.
//! All problems of a file are collected and reported together: one edit fixes them all.

use std::fmt;
use std::ops::Range;

/// One problem at one place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters so that it matches what an editor shows.
    pub column: usize,
    pub message: String,
    /// How to fix it, phrased as an instruction.
    pub help: Option<String>,
    /// The offending line, and how many characters of it to underline from `column`.
    snippet: String,
    width: usize,
}

/// All the problems found in one file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FileErrors {
    /// The file as the user named it (or a label such as `<embedded faq.toml>`).
    pub path: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// The text of a file being checked, which turns byte spans into diagnostics.
#[derive(Debug)]
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl<'a> Source<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Self { path, text }
    }

    /// A diagnostic for the bytes `span` of the file; spans past the end point at the last line.
    pub fn diagnostic(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Diagnostic {
        let start = floor_char_boundary(self.text, span.start.min(self.text.len()));
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line = self.text[..start].matches('\n').count() + 1;
        let snippet = self.text[line_start..line_end].trim_end_matches('\r');
        let column = self.text[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(self.text, span.end.clamp(start, line_end));
        let width = self.text[start..end].chars().count().max(1);
        // Secrets pasted in the wrong place are the reader's to hide (`ops::secrets`): the core
        // knows no token's shape.
        Diagnostic {
            line,
            column,
            message: message.into(),
            help,
            snippet: snippet.to_owned(),
            width,
        }
    }

    pub fn errors(&self, diagnostics: Vec<Diagnostic>) -> FileErrors {
        FileErrors {
            path: self.path.to_owned(),
            diagnostics,
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl Diagnostic {
    /// Drops the quoted line, for lines that hold a secret.
    pub fn without_snippet(mut self) -> Self {
        self.snippet.clear();
        self
    }

    pub fn snippet(&self) -> &str {
        &self.snippet
    }

    /// The line and its underline, cut to a readable width around the problem.
    fn excerpt(&self) -> (String, String) {
        const WIDTH: usize = 100;
        const LEAD: usize = 30;
        let chars: Vec<char> = self.snippet.chars().collect();
        let at = self.column - 1;
        let from = if at > WIDTH - LEAD { at - LEAD } else { 0 };
        let to = chars.len().min(from + WIDTH);
        let mut line: String = chars[from..to].iter().collect();
        let mut pad: String = chars[from..at.min(to)]
            .iter()
            .map(|&c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        if from > 0 {
            line.insert(0, '…');
            pad.insert(0, ' ');
        }
        if to < chars.len() {
            line.push('…');
        }
        let width = self.width.min(to.saturating_sub(at)).max(1);
        (line, pad + &"^".repeat(width))
    }
}

impl FileErrors {
    /// The same problems with each passed through `scrub` (which hides what must not be shown).
    pub fn map(mut self, scrub: impl Fn(Diagnostic) -> Diagnostic) -> Self {
        self.diagnostics = self.diagnostics.into_iter().map(scrub).collect();
        self
    }

    /// Problems in reading order, however the checks found them.
    pub fn sorted(mut self) -> Self {
        self.diagnostics.sort_by_key(|d| (d.line, d.column));
        self
    }
}

impl fmt::Display for FileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, d) in self.diagnostics.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}:{}:{}: error: {}",
                self.path, d.line, d.column, d.message
            )?;
            if !d.snippet.is_empty() {
                let gutter = d.line.to_string().len();
                let (line, underline) = d.excerpt();
                write!(f, "\n{:>gutter$} |\n{} | {line}", "", d.line)?;
                write!(f, "\n{:>gutter$} | {underline}", "")?;
            }
            if let Some(help) = &d.help {
                write!(f, "\n  help: {help}")?;
            }
        }
        Ok(())
    }
}

/// The closest of `candidates` to a misspelt `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A TOML syntax error, where it is and how to fix it.
pub fn syntax_error(source: &Source<'_>, error: &toml::de::Error) -> Diagnostic {
    let help = "fix the TOML syntax: text goes in \"quotes\" on one line, or in \"\"\"triple \
                quotes\"\"\" across lines";
    toml_diagnostic(source, error, help)
}

/// A value of the wrong type, found while reading the values (missing and unknown keys are
/// reported before: `missing_keys`, `unknown_keys`).
pub fn type_error(source: &Source<'_>, error: &toml::de::Error) -> Diagnostic {
    let help = "check the value's type: text in quotes, lists in [brackets]";
    toml_diagnostic(source, error, help)
}

fn toml_diagnostic(source: &Source<'_>, error: &toml::de::Error, help: &str) -> Diagnostic {
    let message = error.message().trim().replace('\n', "; ");
    source.diagnostic(error.span().unwrap_or(0..0), message, Some(help.to_owned()))
}

/// Diagnostics for the `required` keys (each with how to add it) that `table`, found at `at`,
/// lacks: checked before any value is read, so that every missing key of every table is
/// reported at once.
pub fn missing_keys(
    source: &Source<'_>,
    table: &toml::de::DeTable<'_>,
    at: Range<usize>,
    required: &[(&str, &str)],
) -> Vec<Diagnostic> {
    required
        .iter()
        .filter(|(key, _)| table.get(*key).is_none())
        .map(|(key, help)| {
            source.diagnostic(
                at.clone(),
                format!("missing field `{key}`"),
                Some((*help).to_owned()),
            )
        })
        .collect()
}

/// Whether a key names something secret (a token, a password, a private key): its value is
/// never quoted in a message, whatever is wrong with it.
pub fn looks_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let names_a_file = key.ends_with("_file") || key.ends_with("_path") || key.ends_with("_db");
    let named = [
        "token",
        "secret",
        "password",
        "passwd",
        "private",
        "credential",
        "apikey",
        "api_key",
    ]
    .iter()
    .any(|s| key.contains(s));
    // Misspelt ("tokn", "toekn") is still a token.
    let misspelt = strsim::osa_distance(&key, "token") <= 2 && key.len() >= 3;
    !names_a_file && (named || misspelt)
}

/// Diagnostics for the keys of `table` that are not in `allowed`, each with the closest
/// allowed key as a hint. A key that looks secret is reported without quoting its line, and
/// `refused` keys (known, but never accepted, like `token`) are never suggested.
pub fn unknown_keys(
    source: &Source<'_>,
    table: &toml::de::DeTable<'_>,
    allowed: &[&str],
    refused: &[&str],
) -> Vec<Diagnostic> {
    let suggestible: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|k| !refused.contains(k))
        .collect();
    let mut problems = Vec::new();
    for (key, _) in table.iter() {
        let name = key.get_ref().as_ref();
        if allowed.contains(&name) {
            continue;
        }
        // A value shaped like a token under an innocent key is hidden by `ops::secrets`.
        let secret = looks_secret(name);
        let help = if secret {
            "never write a secret in this file: the bot token goes in DISCORD_TOKEN, or alone in \
             a file named by `token_file` in config.toml"
                .to_owned()
        } else {
            match did_you_mean(name, &suggestible) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!(
                    "remove it; the keys allowed here are {}",
                    quote_list(&suggestible)
                ),
            }
        };
        let problem = source.diagnostic(key.span(), format!("unknown key `{name}`"), Some(help));
        problems.push(if secret {
            problem.without_snippet()
        } else {
            problem
        });
    }
    problems
}

/// `a`, `b`, `c`: names as they are written in the file.
pub fn quote_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    quoted.join(", ")
}

/// Why a file the bot needs could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: error: cannot read the file: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Invalid(#[from] FileErrors),
    /// Loading failed in a way that is a bug in faqbot, not in the file.
    #[error("error: reading the FAQ failed unexpectedly: {0}")]
    Panicked(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let text = "a = 1\nnamé = \"x\"\n";
        let src = Source::new("f.toml", text);
        let at = text.find("\"x\"").unwrap();
        let d = src.diagnostic(at..at + 3, "bad", Some("fix it".into()));
        assert_eq!((d.line, d.column), (2, 8));
        assert_eq!(
            src.errors(vec![d]).to_string(),
            "f.toml:2:8: error: bad\n  |\n2 | namé = \"x\"\n  |        ^^^\n  help: fix it"
        );
    }

    #[test]
    fn spans_past_the_end_point_at_the_last_line() {
        let src = Source::new("f.toml", "a = 1");
        let d = src.diagnostic(99..120, "missing", None);
        assert_eq!((d.line, d.column), (1, 6));
    }

    #[test]
    fn suggests_close_words_only() {
        let keys = ["id", "question", "answer", "keywords", "related"];
        assert_eq!(did_you_mean("anwser", &keys), Some("answer"));
        assert_eq!(did_you_mean("keyword", &keys), Some("keywords"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
