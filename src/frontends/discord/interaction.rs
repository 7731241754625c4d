//! One interaction, from the gateway or the HTTP endpoint alike: translated into the core's
//! [`Request`] once, decided by the core, checked against the memory of recent answers,
//! rendered into Discord's response once, and accounted for (metrics, the log line, insight).
//! Both front ends run exactly these steps; they differ only in how the response travels.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use tokio::sync::Notify;

use jiff::Timestamp;
use serenity::all::{
    AuthorizingIntegrationOwner, AuthorizingIntegrationOwners, CommandDataOption, CommandType,
    ComponentInteractionDataKind, CreateInteractionResponse, GuildId, Interaction, Permissions,
    ResolvedTarget,
};

use super::response;
use crate::core::catalogue::{FOR_OPTION, QUESTION_OPTION, TOPIC_OPTION};
use crate::core::pipeline::{
    self, Decision, Kind, Message, Options, Press, RepeatKey, Request, RequestKind, Response,
};
use crate::ops::insights::Insights;
use crate::ops::live::Live;
use crate::ops::metrics::metrics;
use crate::ops::recent::RecentAnswers;

/// What every interaction is answered with.
#[derive(Debug)]
pub struct Shared {
    pub live: Arc<Live>,
    /// Answers this process posted lately. With many `serve` replicas each knows only its own:
    /// a repeat is caught when it reaches the same one.
    pub recent: RecentAnswers,
    pub insights: Option<Insights>,
    /// Interactions begun and not yet finished, so that shutting down can wait for them.
    in_flight: AtomicUsize,
    idle: Notify,
    /// Set when shutting down: new interactions are no longer taken.
    closing: AtomicBool,
    /// Who already voted on which answer.
    votes: crate::ops::recent::Votes,
    /// The bot's own user id, when known (`run` learns it from the token check): its messages
    /// are not questions. Discord gives a bot its application's id, which is checked too.
    bot_user: std::sync::OnceLock<u64>,
}

/// Counts an interaction as in flight for as long as it lives.
#[derive(Debug)]
struct InFlight(Arc<Shared>);

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// One interaction being answered.
#[derive(Debug)]
pub struct Turn {
    pub decision: Decision,
    /// What Discord is sent.
    pub response: CreateInteractionResponse,
    /// Set when this is the first public post of an answer in its channel: once it is sent,
    /// the front end may look up its link for the repeats that will point to it.
    pub first_post: Option<RepeatKey>,
    /// The tracing span every log line about this interaction goes in.
    pub span: tracing::Span,
    /// The user's locale, for an apology in their language.
    pub locale: Option<String>,
    /// The server it happened in, if any: part of a posted answer's link.
    pub guild: Option<GuildId>,
    /// The member and answer of a vote counted by this turn, forgotten if it fails.
    vote: Option<(u64, u64)>,
    started: Instant,
    now: Timestamp,
    _in_flight: InFlight,
}

impl Shared {
    pub fn new(
        live: Arc<Live>,
        repeat_window: std::time::Duration,
        insights: Option<Insights>,
    ) -> Arc<Self> {
        Arc::new(Self {
            live,
            recent: RecentAnswers::new(repeat_window),
            insights,
            in_flight: AtomicUsize::new(0),
            idle: Notify::new(),
            closing: AtomicBool::new(false),
            votes: crate::ops::recent::Votes::default(),
            bot_user: std::sync::OnceLock::new(),
        })
    }

    /// Tells which user the bot is, so that "Answer with FAQ" on its own messages is refused.
    pub fn know_bot_user(&self, id: u64) {
        let _ = self.bot_user.set(id);
    }

    /// Decides the answer to `interaction`; `None` for kinds faqbot does not handle, and for
    /// everything once shutting down. The turn counts as in flight until it is dropped.
    pub fn begin(self: &Arc<Self>, interaction: &Interaction, started: Instant) -> Option<Turn> {
        if self.closing.load(Ordering::SeqCst) {
            tracing::info!(id = %interaction.id(), "shutting down: interaction not taken");
            return None;
        }
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        let in_flight = InFlight(Arc::clone(self));
        let now = Timestamp::now();
        let envelope = Envelope::of(interaction)?;
        let request = request(interaction, &envelope, now, self.bot_user.get().copied())?;
        let pipeline = self.live.pipeline();
        let mut vote = None;
        let mut decision = match (&request.kind, interaction) {
            // One vote per member per answer: the memory holds a hash of the two, never the
            // member's id.
            (Kind::Button(Press::Vote { .. }), Interaction::Component(c)) => {
                let (member, answer) = (c.user.id.get(), c.message.id.get());
                if self.votes.first(member, answer) {
                    vote = Some((member, answer));
                    pipeline.decide(&request)
                } else {
                    pipeline.already_voted(&request)
                }
            }
            _ => pipeline.decide(&request),
        };
        let mut first_post = None;
        if let Some(key) = decision.repeat {
            match self.recent.repeat_of(key, now) {
                Some(earlier) => {
                    decision =
                        pipeline.repeat(decision, &request, earlier.at, earlier.link.as_deref());
                }
                None => first_post = Some(key),
            }
        }
        let response = render(&decision)?;
        let guild = envelope.guild;
        let span = tracing::info_span!(
            "interaction",
            id = %interaction.id(),
            kind = decision.label.kind.label(),
            command = %decision.label.name,
            guild = guild.map(|g| g.get()),
        );
        Some(Turn {
            guild,
            decision,
            response,
            first_post,
            span,
            locale: request.locale.clone(),
            vote,
            started,
            now,
            _in_flight: in_flight,
        })
    }

    /// Stops taking interactions, waits (at most `patience`) for those in flight to finish,
    /// then for insight to reach its database: how a bot shuts down without losing anything it
    /// had started.
    pub async fn close(&self, patience: std::time::Duration) {
        self.closing.store(true, Ordering::SeqCst);
        let deadline = tokio::time::Instant::now() + patience;
        loop {
            let idle = self.idle.notified();
            let left = self.in_flight.load(Ordering::SeqCst);
            if left == 0 {
                break;
            }
            if tokio::time::timeout_at(deadline, idle).await.is_err() {
                tracing::warn!(left, "shutting down with interactions still in flight");
                break;
            }
        }
        if let Some(insights) = self.insights.clone() {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let flushed = tokio::task::spawn_blocking(move || {
                insights.flush(left.max(std::time::Duration::from_secs(1)))
            })
            .await
            .unwrap_or(false);
            if !flushed {
                tracing::warn!("shutting down before every insight record was written");
            }
        }
    }

    /// Accounts for a turn once its response was sent (`sent`) or could not be: metrics, the
    /// log line and, for what was sent, insight.
    pub fn finish(&self, turn: &Turn, sent: bool) {
        let _entered = turn.span.enter();
        // What was counted as done by this turn is undone if Discord refused it.
        if !sent {
            if let Some((member, answer)) = turn.vote {
                self.votes.forget(member, answer);
            }
            if let Some(key) = turn.first_post {
                self.recent.forget(key);
            }
        }
        self.account(&turn.decision, sent, turn.started, turn.now);
    }

    /// Accounts for a decision acted on (`sent`) or not, in the caller's tracing span: what
    /// interactions and forum posts alike leave behind.
    pub fn account(&self, decision: &Decision, sent: bool, started: Instant, now: Timestamp) {
        let took = started.elapsed();
        metrics().interaction(&decision.label, decision.outcome, !sent, took);
        if sent {
            let latency_us = took.as_micros() as u64;
            match decision.response {
                // Only a forum post is ever left unanswered on purpose.
                Response::Nothing => {
                    tracing::info!(latency_us, "no sure answer; the post is left to people");
                }
                _ => tracing::info!(latency_us, "answered"),
            }
            if let (Some(insights), Some(insight)) = (&self.insights, &decision.insight) {
                insights.record(insight.clone(), now);
            }
        } else {
            tracing::error!("answering failed");
        }
    }
}

impl Turn {
    /// Whether a failed response deserves an apology: not autocomplete, whose window has
    /// passed by the time anyone would read it.
    pub fn apologise(&self) -> bool {
        self.decision.label.kind != RequestKind::Autocomplete
    }
}

/// What every interaction faqbot handles carries besides what was done: where, by whom and in
/// which language. `None` for kinds faqbot does not handle (a ping is answered before this,
/// by the endpoint).
struct Envelope<'a> {
    channel: u64,
    locale: &'a str,
    guild: Option<GuildId>,
    owners: &'a AuthorizingIntegrationOwners,
    member: Option<&'a serenity::all::Member>,
}

impl<'a> Envelope<'a> {
    fn of(interaction: &'a Interaction) -> Option<Self> {
        match interaction {
            Interaction::Command(c) | Interaction::Autocomplete(c) => Some(Self {
                channel: c.channel_id.get(),
                locale: &c.locale,
                guild: c.guild_id,
                owners: &c.authorizing_integration_owners,
                member: c.member.as_deref(),
            }),
            Interaction::Component(c) => Some(Self {
                channel: c.channel_id.get(),
                locale: &c.locale,
                guild: c.guild_id,
                owners: &c.authorizing_integration_owners,
                member: c.member.as_ref(),
            }),
            _ => None,
        }
    }
}

/// The core's view of an interaction; `None` for kinds faqbot does not handle.
fn request(
    interaction: &Interaction,
    envelope: &Envelope<'_>,
    now: Timestamp,
    bot_user: Option<u64>,
) -> Option<Request> {
    let kind = match interaction {
        Interaction::Command(c) if c.data.kind == CommandType::Message => {
            let message = match c.data.target() {
                Some(ResolvedTarget::Message(message)) => Message {
                    id: message.id.get(),
                    channel: message.channel_id.get(),
                    author: message.author.id.get(),
                    content: message.content.clone(),
                    has_embeds: !message.embeds.is_empty() || !message.attachments.is_empty(),
                    from_this_bot: message.author.id.get() == c.application_id.get()
                        || Some(message.author.id.get()) == bot_user,
                    link: Some(message_link(
                        c.guild_id,
                        message.channel_id.get(),
                        message.id.get(),
                    )),
                },
                // Discord always resolves the target; should it not, the helper is told there
                // is nothing to answer rather than left without a reply.
                _ => Message {
                    id: c.data.target_id.map_or(0, |t| t.get()),
                    channel: c.channel_id.get(),
                    author: 0,
                    content: String::new(),
                    has_embeds: false,
                    from_this_bot: false,
                    link: None,
                },
            };
            Kind::MessageMenu(message)
        }
        Interaction::Command(c) => Kind::Command {
            name: c.data.name.clone(),
            options: options(&c.data.options),
        },
        Interaction::Autocomplete(c) => Kind::Autocomplete {
            command: c.data.name.clone(),
            typed: c
                .data
                .autocomplete()
                .map_or_else(String::new, |o| o.value.to_owned()),
        },
        Interaction::Component(c) => {
            let chosen = match &c.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => values.first(),
                _ => None,
            };
            let press = response::press(&c.data.custom_id, chosen.map(String::as_str));
            let press = match press {
                response::Pressed::Pick { topic, target } => Press::Pick {
                    link: Some(message_link(c.guild_id, target.channel, target.message)),
                    topic,
                    target,
                },
                response::Pressed::Other(press) => press,
            };
            Kind::Button(press)
        }
        _ => return None,
    };
    Some(Request {
        kind,
        channel: Some(envelope.channel),
        locale: Some(envelope.locale.to_owned()),
        private_only: private_only(envelope.guild, envelope.owners, envelope.member),
        now,
    })
}

/// Whether Discord shows only to the user whatever faqbot sends: in a server that did not
/// install faqbot (the user did), when the server does not let this member use external apps
/// publicly (the Use External Apps permission). An interaction that does not say who
/// installed faqbot is taken as before user installs: public.
fn private_only(
    guild: Option<GuildId>,
    owners: &AuthorizingIntegrationOwners,
    member: Option<&serenity::all::Member>,
) -> bool {
    let by_this_server = owners
        .0
        .iter()
        .any(|o| matches!(o, AuthorizingIntegrationOwner::GuildInstall(Some(_))));
    let may_post = member
        .and_then(|m| m.permissions)
        .is_none_or(|p| p.contains(Permissions::USE_EXTERNAL_APPS));
    guild.is_some() && !owners.0.is_empty() && !by_this_server && !may_post
}

/// The web link to a message, which Discord shows as a jump to it.
pub fn message_link(guild: Option<GuildId>, channel: u64, message: u64) -> String {
    let place = guild.map_or_else(|| "@me".to_owned(), |g| g.get().to_string());
    format!("https://discord.com/channels/{place}/{channel}/{message}")
}

/// The options faqbot's commands take, by name.
fn options(given: &[CommandDataOption]) -> Options {
    let text = |name: &str| {
        given
            .iter()
            .find(|o| o.name == name)
            .and_then(|o| o.value.as_str())
            .map(str::to_owned)
    };
    Options {
        question: text(QUESTION_OPTION),
        topic: text(TOPIC_OPTION),
        for_user: given
            .iter()
            .find(|o| o.name == FOR_OPTION)
            .and_then(|o| o.value.as_user_id())
            .map(|u| u.get()),
    }
}

/// The decision as Discord's response; `None` when there is nothing to send.
fn render(decision: &Decision) -> Option<CreateInteractionResponse> {
    match &decision.response {
        Response::Message(reply) => Some(response::message(reply)),
        Response::Choices(choices) => Some(response::autocomplete(choices.clone())),
        Response::Nothing => None,
    }
}

/// What is sent when answering failed, in the asker's language.
pub fn apology(locale: Option<&str>) -> CreateInteractionResponse {
    response::message(&pipeline::apology(locale))
}
