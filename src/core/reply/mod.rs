//! What the bot says, as plain data: the core decides the words, each front end (Discord embed,
//! HTTP interaction response, terminal) only lays them out.
//!
//! Text is Discord-flavoured markdown, and instants are Discord timestamps (`<t:UNIX:t>`), which
//! Discord shows in each reader's own time zone; [`Reply::to_plain`] renders both for a terminal.

mod ask;
mod hours;
mod plain;
mod topic;

pub use ask::{ask, faq_list, faq_topic, question_choices, quote, topic_choices, Choice};
pub use hours::{hours, presence, status_line};
pub use topic::{already_posted, topic};

use jiff::tz::TimeZone;
use jiff::Timestamp;

/// One message of the bot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    pub title: Option<String>,
    pub body: String,
    pub fields: Vec<Field>,
    /// Topics to offer as follow-ups ("did you mean", related topics), best first.
    pub suggestions: Vec<Suggestion>,
    /// Shown only to the person who asked.
    pub ephemeral: bool,
    /// What kind of answer this is, for metrics and insight.
    pub outcome: Outcome,
    /// The topic it answers with, if it is one topic's answer.
    pub topic: Option<String>,
}

/// Whether the bot could answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Outcome {
    /// A topic, the topic list or the hours.
    #[default]
    Answered,
    /// `/ask` was not sure enough to answer and offered topics instead.
    Unsure,
    /// `/ask` found no answer in the FAQ.
    Refused,
    /// A notice instead of an answer: an empty question, an unknown command, a stale button.
    Notice,
}

impl Outcome {
    /// The label used in metrics.
    pub fn label(self) -> &'static str {
        match self {
            Self::Answered => "answered",
            Self::Unsure => "unsure",
            Self::Refused => "refused",
            Self::Notice => "notice",
        }
    }
}

/// A titled block under the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
    /// Whether it may sit beside its neighbours rather than on a line of its own.
    pub inline: bool,
}

/// A topic offered as a follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The topic's id, which is also its command.
    pub topic: String,
    /// What the user sees: the topic's question.
    pub label: String,
}

/// "`/logo` Who is allowed to use the ISO logo?": a topic as a line in a list.
fn topic_line(topic: &crate::core::faq::Topic) -> String {
    format!("`/{}` {}", topic.id, topic.question)
}

impl Field {
    pub fn new(name: impl Into<String>, value: impl Into<String>, inline: bool) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
            inline,
        }
    }
}

impl Reply {
    /// The reply as terminal text: markdown emphasis dropped, timestamps written out in `tz`
    /// (the office's zone, which a terminal reader can relate to) and relative to `now`.
    pub fn to_plain(&self, tz: &TimeZone, now: Timestamp) -> String {
        let render = |text: &str| plain::render(text, tz, now);
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(&render(title));
            out.push('\n');
        }
        out.push_str(&render(&self.body));
        out.push('\n');
        if !self.fields.is_empty() {
            out.push('\n');
        }
        for field in &self.fields {
            let value = render(&field.value);
            if value.contains('\n') {
                out.push_str(&format!("{}:\n", render(&field.name)));
                for line in value.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            } else {
                out.push_str(&format!("{}: {value}\n", render(&field.name)));
            }
        }
        out
    }
}
