//! An interaction, from the gateway or the HTTP endpoint alike, to the core and back.

use jiff::Timestamp;
use serenity::all::{CreateInteractionResponse, GuildId, Interaction};

use super::response;
use crate::core::answers::Answers;
use crate::core::reply::{already_posted, Outcome, Reply};
use crate::ops::insights::Record;
use crate::ops::metrics::metrics;
use crate::ops::recent::{Earlier, RecentAnswers};

/// The response to one interaction, with what the logs say about it.
#[derive(Debug)]
pub struct Prepared {
    /// `command`, `autocomplete`, `button` or `ping`.
    pub kind: &'static str,
    /// The command's name or the button's id.
    pub name: String,
    pub guild: Option<GuildId>,
    pub response: CreateInteractionResponse,
    /// Whether the bot could answer, for metrics.
    pub outcome: Outcome,
    /// Whether `name` is one of faqbot's commands (metrics only label those by name).
    pub known: bool,
    /// The message, for replies that are one (not autocomplete or ping).
    pub reply: Option<Reply>,
    /// The question asked with `/ask`, for insight into what the FAQ misses.
    pub question: Option<String>,
}

impl Prepared {
    /// The tracing span that every log line about this interaction goes in.
    pub fn span(&self, interaction: &Interaction) -> tracing::Span {
        tracing::info_span!(
            "interaction",
            id = %interaction.id(),
            kind = self.kind,
            command = %self.name,
            guild = self.guild.map(|g| g.get()),
        )
    }

    /// The earlier post, when this public answer repeats one given in the same channel moments
    /// ago; the adapter then sends [`Prepared::instead_repeat`] with a link it can find.
    pub fn repeat(
        &self,
        recent: &RecentAnswers,
        interaction: &Interaction,
        now: Timestamp,
    ) -> Option<Earlier> {
        let reply = self.reply.as_ref()?;
        let (channel, token) = match interaction {
            Interaction::Command(c) => (c.channel_id, &c.token),
            Interaction::Component(c) => (c.channel_id, &c.token),
            _ => return None,
        };
        recent.repeat_of(channel.get(), reply, token, now)
    }

    /// What insight keeps of this interaction: the topic shown, or the question not answered.
    pub fn insight(&self) -> Option<Record> {
        let reply = self.reply.as_ref()?;
        match reply.outcome {
            Outcome::Answered => Some(Record::Answered {
                topic: reply.topic.clone()?,
            }),
            Outcome::Unsure | Outcome::Refused => Some(Record::Unanswered {
                question: self.question.clone()?,
                outcome: reply.outcome.label(),
            }),
            Outcome::Notice => None,
        }
    }

    /// Turns this answer into the private pointer to its earlier post.
    pub fn instead_repeat(&mut self, earlier: &Earlier, link: Option<&str>) {
        if let Some(reply) = &self.reply {
            let pointer = already_posted(reply, earlier.at, link);
            self.response = response::message(&pointer);
            self.outcome = pointer.outcome;
            self.reply = Some(pointer);
        }
    }

    /// Counts this interaction, answered (or `failed`) after `took`.
    pub fn count(&self, failed: bool, took: std::time::Duration) {
        let (command, known) = match self.kind {
            "button" => ("topic", true),
            _ => (self.name.as_str(), self.known),
        };
        let outcome = if failed {
            "failed"
        } else {
            self.outcome.label()
        };
        metrics().interaction(self.kind, command, known, outcome, took);
    }
}

/// What the bot answers to `interaction` at `now`; `None` for kinds it does not handle.
pub fn prepare(answers: &Answers, interaction: &Interaction, now: Timestamp) -> Option<Prepared> {
    let prepared = match interaction {
        Interaction::Ping(_) => Prepared {
            kind: "ping",
            name: String::new(),
            guild: None,
            response: CreateInteractionResponse::Pong,
            outcome: Outcome::Answered,
            known: false,
            reply: None,
            question: None,
        },
        Interaction::Command(c) => {
            let option = c.data.options.iter().find_map(|o| o.value.as_str());
            let reply = answers.command(&c.data.name, option, now);
            Prepared {
                kind: "command",
                name: c.data.name.clone(),
                guild: c.guild_id,
                response: response::message(&reply),
                outcome: reply.outcome,
                known: answers.catalogue().action(&c.data.name).is_some(),
                reply: Some(reply),
                question: option.map(str::to_owned),
            }
        }
        Interaction::Autocomplete(c) => {
            let typed = c.data.autocomplete().map_or("", |o| o.value);
            Prepared {
                kind: "autocomplete",
                name: c.data.name.clone(),
                guild: c.guild_id,
                response: response::autocomplete(answers.autocomplete(&c.data.name, typed)),
                outcome: Outcome::Answered,
                known: answers.catalogue().action(&c.data.name).is_some(),
                reply: None,
                question: None,
            }
        }
        Interaction::Component(c) => {
            let reply = answers.button(&c.data.custom_id, now);
            Prepared {
                kind: "button",
                name: c.data.custom_id.clone(),
                guild: c.guild_id,
                response: response::message(&reply),
                outcome: reply.outcome,
                known: true,
                reply: Some(reply),
                question: None,
            }
        }
        _ => return None,
    };
    Some(prepared)
}
