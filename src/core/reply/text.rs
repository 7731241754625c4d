//! What the bot says, as values: plain words, stressed words, a user's own words, instants and
//! command names. Each front end renders them its way — Discord as markdown with `<t:…>`
//! timestamps that every reader sees in their own zone, the terminal as text in the office's
//! zone — so no markup is ever written here, and none has to be parsed back.

use jiff::Timestamp;

/// A run of text the bot says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<Span>);

/// One piece of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Words shown as they are: the bot's own, or the FAQ's.
    Plain(String),
    /// Words to stress: "Open now".
    Strong(String),
    /// What a user typed, shown exactly as typed: it never formats and never mentions anyone.
    Quote(String),
    /// An instant, shown in the reader's own time zone where the medium allows.
    Time(Timestamp, TimeStyle),
    /// A slash command: `/logo`.
    Command(String),
    /// The end of a line.
    Break,
}

/// How an instant is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStyle {
    /// The time of day: "12:00".
    Time,
    /// Day, date and time: "Monday 28 December 2026 09:00".
    DayDateTime,
    /// Relative to now: "in 2 hours", "5 minutes ago".
    Relative,
}

/// An upper bound on what rendering adds to a span's own characters, in any front end: markup
/// around stressed words and commands, or a written-out date for an instant.
const RENDERING_ALLOWANCE: usize = 40;

impl Text {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn plain(mut self, words: impl Into<String>) -> Self {
        self.0.push(Span::Plain(words.into()));
        self
    }

    pub fn strong(mut self, words: impl Into<String>) -> Self {
        self.0.push(Span::Strong(words.into()));
        self
    }

    pub fn quote(mut self, typed: impl Into<String>) -> Self {
        self.0.push(Span::Quote(typed.into()));
        self
    }

    pub fn time(mut self, at: Timestamp, style: TimeStyle) -> Self {
        self.0.push(Span::Time(at, style));
        self
    }

    pub fn command(mut self, name: impl Into<String>) -> Self {
        self.0.push(Span::Command(name.into()));
        self
    }

    pub fn line_break(mut self) -> Self {
        self.0.push(Span::Break);
        self
    }

    /// This text followed by `more`.
    pub fn then(mut self, more: Text) -> Self {
        self.0.extend(more.0);
        self
    }

    /// The texts one per line.
    pub fn lines(lines: impl IntoIterator<Item = Text>) -> Self {
        let mut out = Self::new();
        for (i, line) in lines.into_iter().enumerate() {
            if i > 0 {
                out.0.push(Span::Break);
            }
            out.0.extend(line.0);
        }
        out
    }

    pub fn spans(&self) -> &[Span] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// At least as many characters as any front end renders this text in: what the core
    /// counts against Discord's limits when it decides how much fits.
    pub fn length_bound(&self) -> usize {
        self.0
            .iter()
            .map(|span| match span {
                Span::Plain(s) => s.chars().count(),
                // A quote may double in length once each character is escaped.
                Span::Quote(s) => 2 * s.chars().count(),
                Span::Strong(s) | Span::Command(s) => s.chars().count() + RENDERING_ALLOWANCE,
                Span::Time(..) => RENDERING_ALLOWANCE,
                Span::Break => 1,
            })
            .sum()
    }

    /// The words alone, with no styling and instants as Unix seconds: for fingerprints and
    /// tests, never for users.
    pub fn words(&self) -> String {
        self.0
            .iter()
            .map(|span| match span {
                Span::Plain(s) | Span::Strong(s) | Span::Quote(s) | Span::Command(s) => s.clone(),
                Span::Time(at, _) => at.as_second().to_string(),
                Span::Break => "\n".to_owned(),
            })
            .collect()
    }
}

impl From<&str> for Text {
    fn from(words: &str) -> Self {
        Self::new().plain(words)
    }
}

impl From<String> for Text {
    fn from(words: String) -> Self {
        Self::new().plain(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_built_from_spans_and_joined_by_lines() {
        let at = Timestamp::from_second(1_800_000_000).unwrap();
        let text = Text::lines([
            Text::new()
                .strong("Open now")
                .plain(" · closes ")
                .time(at, TimeStyle::Time),
            Text::new()
                .command("faq")
                .plain(" lists ")
                .quote("*everything*"),
        ]);
        assert_eq!(text.spans().len(), 7);
        assert_eq!(
            text.words(),
            "Open now · closes 1800000000\nfaq lists *everything*"
        );
        assert!(text.length_bound() >= text.words().chars().count());
        assert!(Text::new().is_empty());
        assert_eq!(Text::from("x").then(Text::from("y")).words(), "xy");
    }
}
