//! What the bot says, as structured data: the core decides the words, each front end (Discord
//! embed, terminal, JSON) only lays them out. Texts are [`Text`] values — plain and stressed
//! words, a user's own words, instants, command names — never markup.

use crate::core::ids::{ChannelId, MessageId, UserId};
use crate::core::matcher::TopicIndex;

mod ask;
mod hours;
mod text;
mod topic;
mod words;

pub(crate) use ask::quoted;
pub use ask::{ask, faq_list, question_choices, topic_choices, Choice};
pub use hours::{hours, presence, status_line};
pub use text::{Span, Text, TimeStyle};
pub(crate) use topic::answer;
pub use topic::{repeat, topic};
pub use words::{Lang, Words};

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
    /// The member the answer is for: named at the top, and the only one it may ping.
    pub addressed: Option<Addressed>,
    /// 👍/👎 under the answer, to learn whether it helped.
    pub votes: Option<Votes>,
    /// For a helper choosing the answer to a member's message: the suggestions and the menu
    /// post the chosen topic to that message's author.
    pub pick: Option<Pick>,
}

/// A helper's choice of the topic that answers a member's message: whose message, and a menu
/// of every topic besides the closest ones (the reply's suggestions). The three go together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub target: Target,
    /// Every topic, introduced by `hint`.
    pub menu: Vec<Suggestion>,
    pub hint: &'static str,
}

impl Reply {
    /// A notice instead of an answer, only to the person who asked: an empty question, a
    /// stale button, thanks for a vote, an apology.
    pub fn notice(title: Option<&str>, body: impl Into<Text>) -> Self {
        Self {
            title: title.map(Text::from),
            body: body.into(),
            ephemeral: true,
            outcome: Outcome::Notice,
            ..Self::default()
        }
    }
}

/// Whom an answer is for, and the words that hand it to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressed {
    pub user: UserId,
    pub intro: Text,
}

/// What a vote is about: the topic answered, and the question it answered (by its
/// [`key`](crate::core::text::key)), so that the questions whose answers did not help
/// can be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteKey {
    pub topic: String,
    pub question: u64,
}

/// The 👍/👎 pair under an answer: what it is about, and its labels in the asker's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Votes {
    pub key: VoteKey,
    pub helpful: &'static str,
    pub not_helpful: &'static str,
}

/// A member's message that a helper is answering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub author: UserId,
    pub channel: ChannelId,
    pub message: MessageId,
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

/// Topics as lines of a list, in the order given.
fn topic_lines(faq: &crate::core::faq::Faq, topics: &[TopicIndex], lang: Lang) -> Text {
    Text::lines(topics.iter().map(|&i| topic_line(&faq.topics[i], lang)))
}

/// Topics as follow-ups to offer, in the order given.
pub(crate) fn suggestions(
    faq: &crate::core::faq::Faq,
    topics: &[TopicIndex],
    lang: Lang,
) -> Vec<Suggestion> {
    topics
        .iter()
        .map(|&i| Suggestion {
            topic: faq.topics[i].id.clone(),
            label: faq.topics[i].question_in(lang).to_owned(),
        })
        .collect()
}

/// "/logo Who is allowed to use the ISO logo?": a topic as a line in a list.
fn topic_line(topic: &crate::core::faq::Topic, lang: Lang) -> Text {
    Text::new()
        .command(&topic.id)
        .plain(format!(" {}", topic.question_in(lang)))
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
