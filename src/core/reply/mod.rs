//! What the bot says, as structured data: the core decides the words, each front end (Discord
//! embed, terminal, JSON) only lays them out. Texts are [`Text`] values — plain and stressed
//! words, a user's own words, instants, command names — never markup.

use crate::core::faq::TopicId;
use crate::core::ids::{ChannelId, MessageId, RoleId, UserId};

mod ask;
mod hours;
mod text;
mod topic;
mod words;

pub(crate) use ask::quoted;
pub use ask::{ask, call_helpers, faq_list, question_choices, topic_choices, Choice};
pub use hours::{hours, presence, status_line};
pub use text::{Span, Text, TimeStyle};
pub(crate) use topic::answer;
pub use topic::{repeat, topic};
pub use words::{Elapsed, Lang, Words};

/// One message of the bot: its words, and what kind of message it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub title: Option<Text>,
    pub body: Text,
    pub fields: Vec<Field>,
    pub shape: Shape,
}

/// What a reply is, with what only that kind of reply carries, so that what cannot be shown
/// cannot be built: votes under a notice, a helper's menu under an answer, a ping in a message
/// only the asker sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// One topic's answer.
    Answer(Answer),
    /// Information that is no one topic's answer: the hours, the topic list.
    Info(Audience),
    /// The FAQ has no sure answer: said to the asker alone, with the closest topics to show.
    NoAnswer {
        doubt: Doubt,
        closest: Vec<Suggestion>,
    },
    /// A helper picks, privately, the topic to post for a member's message.
    Pick(Pick),
    /// The FAQ has no sure answer to a forum post: a note in its thread hands it to the
    /// helpers' role, the one thing it may ping, with the closest topics.
    Call {
        role: RoleId,
        doubt: Doubt,
        closest: Vec<Suggestion>,
    },
    /// A notice, to the asker alone: an empty question, a stale button, thanks for a vote, an
    /// apology.
    Notice,
}

/// A topic's answer and what comes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub topic: TopicId,
    /// Topics to read next ("did you also mean", then related topics), best first.
    pub follow_ups: Vec<Suggestion>,
    /// 👍/👎 under the answer, to learn whether it helped the question it answered.
    pub votes: Option<Votes>,
    pub audience: Audience,
}

/// Who sees a reply that may be posted for everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// The person who asked, alone.
    Private,
    /// The channel; `addressed` is the member it is for, if someone asked it for one.
    Public { addressed: Option<Addressed> },
}

impl Default for Audience {
    fn default() -> Self {
        Self::Public { addressed: None }
    }
}

/// How far the FAQ is from answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// Some topics are close, none sure enough to answer with.
    Unsure,
    /// The FAQ does not cover it.
    Refused,
}

/// A helper's choice of the topic that answers a member's message: whose message, the closest
/// topics as buttons, and a menu of every topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub doubt: Doubt,
    pub target: Target,
    pub closest: Vec<Suggestion>,
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
            fields: Vec::new(),
            shape: Shape::Notice,
        }
    }

    /// Information for everyone who may see it: the hours, the topic list.
    pub fn info(title: impl Into<Text>, body: impl Into<Text>, fields: Vec<Field>) -> Self {
        Self {
            title: Some(title.into()),
            body: body.into(),
            fields,
            shape: Shape::Info(Audience::default()),
        }
    }

    /// Whether the bot could answer.
    pub fn outcome(&self) -> Outcome {
        match &self.shape {
            Shape::Answer(_) | Shape::Info(_) => Outcome::Answered,
            Shape::NoAnswer { doubt, .. }
            | Shape::Pick(Pick { doubt, .. })
            | Shape::Call { doubt, .. } => doubt.outcome(),
            Shape::Notice => Outcome::Notice,
        }
    }

    /// Whether only the person who asked sees it.
    pub fn ephemeral(&self) -> bool {
        !matches!(
            &self.shape,
            Shape::Answer(Answer {
                audience: Audience::Public { .. },
                ..
            }) | Shape::Info(Audience::Public { .. })
                | Shape::Call { .. }
        )
    }

    /// The role a note calls: the only one it may ping.
    pub fn called(&self) -> Option<RoleId> {
        match &self.shape {
            Shape::Call { role, .. } => Some(*role),
            _ => None,
        }
    }

    /// The member a public reply is for: named at the top, and the only one it may ping.
    pub fn addressed(&self) -> Option<&Addressed> {
        match &self.shape {
            Shape::Answer(Answer {
                audience: Audience::Public { addressed },
                ..
            })
            | Shape::Info(Audience::Public { addressed }) => addressed.as_ref(),
            _ => None,
        }
    }

    /// The topics offered under it, best first: follow-ups to an answer, or the closest
    /// topics when there is none.
    pub fn suggestions(&self) -> &[Suggestion] {
        match &self.shape {
            Shape::Answer(answer) => &answer.follow_ups,
            Shape::NoAnswer { closest, .. }
            | Shape::Pick(Pick { closest, .. })
            | Shape::Call { closest, .. } => closest,
            Shape::Info(_) | Shape::Notice => &[],
        }
    }

    /// The topic it answers with, if it is one topic's answer.
    pub fn topic(&self) -> Option<TopicId> {
        match &self.shape {
            Shape::Answer(answer) => Some(answer.topic),
            _ => None,
        }
    }

    pub fn votes(&self) -> Option<&Votes> {
        match &self.shape {
            Shape::Answer(answer) => answer.votes.as_ref(),
            _ => None,
        }
    }

    pub fn pick(&self) -> Option<&Pick> {
        match &self.shape {
            Shape::Pick(pick) => Some(pick),
            _ => None,
        }
    }

    /// Shown to the person who asked alone from now on: there is no one to hand it to, and
    /// no one to ping.
    pub fn make_private(&mut self) {
        if let Some(audience) = self.audience_mut() {
            *audience = Audience::Private;
        }
    }

    /// Handed to a member, when it is posted for everyone; a private reply is for the asker.
    pub fn address(&mut self, to: Addressed) {
        if let Some(Audience::Public { addressed }) = self.audience_mut() {
            *addressed = Some(to);
        }
    }

    fn audience_mut(&mut self) -> Option<&mut Audience> {
        match &mut self.shape {
            Shape::Answer(Answer { audience, .. }) | Shape::Info(audience) => Some(audience),
            _ => None,
        }
    }
}

impl Doubt {
    pub fn outcome(self) -> Outcome {
        match self {
            Self::Unsure => Outcome::Unsure,
            Self::Refused => Outcome::Refused,
        }
    }
}

/// Whom an answer is for, and the words that hand it to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressed {
    pub user: UserId,
    pub intro: Text,
}

/// What a vote is about: the topic answered (by name: the vote comes back after reloads that
/// may renumber topics), and the question it answered (by its
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A topic, the topic list or the hours.
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
    /// The topic's name, which is also its command: a button carries it, since the topic's
    /// place in the FAQ may change with a reload before the button is pressed.
    pub topic: String,
    /// What the user sees: the topic's question.
    pub label: String,
}

/// Topics as lines of a list, in the order given.
fn topic_lines(faq: &crate::core::faq::Faq, topics: &[TopicId], lang: Lang) -> Text {
    Text::lines(topics.iter().map(|&id| topic_line(&faq[id], lang)))
}

/// Topics as follow-ups to offer, in the order given.
pub(crate) fn suggestions(
    faq: &crate::core::faq::Faq,
    topics: &[TopicId],
    lang: Lang,
) -> Vec<Suggestion> {
    topics
        .iter()
        .map(|&id| Suggestion {
            topic: faq[id].id.clone(),
            label: faq[id].question_in(lang).to_owned(),
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
