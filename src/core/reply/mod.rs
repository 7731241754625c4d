//! What the bot says, as structured data: the core decides the words, each front end (Discord
//! embed, terminal, JSON) only lays them out. Texts are [`Text`] values — plain and stressed
//! words, a user's own words, instants, command names — never markup.

mod ask;
mod hours;
mod text;
mod topic;

pub use ask::{ask, faq_list, question_choices, topic_choices, Choice};
pub use hours::{hours, presence, status_line};
pub use text::{Span, Text, TimeStyle};
pub use topic::{repeat, topic};

/// One message of the bot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    pub title: Option<Text>,
    pub body: Text,
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
    pub name: Text,
    pub value: Text,
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

/// "/logo Who is allowed to use the ISO logo?": a topic as a line in a list.
fn topic_line(topic: &crate::core::faq::Topic) -> Text {
    Text::new()
        .command(&topic.id)
        .plain(format!(" {}", topic.question))
}

impl Field {
    pub fn new(name: impl Into<Text>, value: impl Into<Text>, inline: bool) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
            inline,
        }
    }
}
