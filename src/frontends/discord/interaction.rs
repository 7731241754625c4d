//! One interaction, from the gateway or the HTTP endpoint alike: translated into the core's
//! [`Event`] once, decided by the core's [`Bot`], rendered into Discord's response once, and
//! accounted for (metrics, the log line, insight) from the effects the bot returns. Both front
//! ends run exactly these steps; they differ only in how the response travels.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use jiff::Timestamp;
use serenity::all::{
    AuthorizingIntegrationOwner, AuthorizingIntegrationOwners, CommandDataOption, CommandType,
    ComponentInteractionDataKind, CreateInteractionResponse, GuildId, Interaction, Permissions,
    ResolvedTarget,
};
use tokio_util::task::task_tracker::{TaskTracker, TaskTrackerToken};

use super::response;
use crate::core::bot::{Bot, Effect, Event, Memory, Note};
use crate::core::catalogue::{FOR_OPTION, QUESTION_OPTION, TOPIC_OPTION};
use crate::core::ids::{ChannelId, MessageId, UserId};
use crate::core::lang::Lang;
use crate::core::pipeline::{Decision, Kind, Message, Options, Press, Request, Response};
use crate::core::reply::Reply;
use crate::ops::live::Live;
use crate::ops::metrics::metrics;
use crate::ops::store::Store;

/// What every interaction is answered with: the bot that decides, behind one lock (it decides
/// in microseconds and never waits inside), and what carries out its effects.
#[derive(Debug)]
pub struct Shared {
    pub live: Arc<Live>,
    bot: Mutex<Bot>,
    /// Work begun and not yet finished (interactions, forum posts), so that shutting down can
    /// wait for it. A token is taken under the bot's lock, so nothing the bot took can start
    /// after shutting down began and be missed by the wait.
    tracker: TaskTracker,
    /// Where insight goes, and what replicas share (SQLite or PostgreSQL), if anywhere.
    pub store: Option<Store>,
}

/// One interaction being answered.
#[derive(Debug)]
pub struct Turn {
    core: crate::core::bot::Turn,
    /// What Discord is sent.
    pub response: CreateInteractionResponse,
    /// The tracing span every log line about this interaction goes in.
    pub span: tracing::Span,
    /// The server it happened in, if any: part of a posted answer's link.
    pub guild: Option<GuildId>,
    started: Instant,
    now: Timestamp,
    in_flight: TaskTrackerToken,
}

/// How an interaction was taken.
// Nearly every interaction is answered: the turn is the value, moved once.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Begun {
    Answer(Turn),
    /// Not taken: shutting down.
    Closing,
    /// Not a kind faqbot handles.
    Unsupported,
}

/// What is left to do once a turn is accounted for: its effects (locate the post, apologise),
/// still counted as in flight until dropped.
#[derive(Debug)]
pub struct Aftermath {
    pub effects: Vec<Effect>,
    _in_flight: TaskTrackerToken,
}

impl Turn {
    pub fn decision(&self) -> &Decision {
        self.core.decision()
    }
}

impl Shared {
    pub fn new(live: Arc<Live>, memory: Memory, store: Option<Store>) -> Arc<Self> {
        Arc::new(Self {
            bot: Mutex::new(Bot::new(live.pipeline(), memory)),
            live,
            tracker: TaskTracker::new(),
            store,
        })
    }

    /// Hands `event` to the bot, and carries out what needs no front end (insight, metrics);
    /// the rest is returned.
    pub fn handle(&self, event: Event, now: Timestamp) -> Vec<Effect> {
        self.decide(event, now, None).0
    }

    /// [`handle`](Self::handle) for an event of work begun at `started`, with a token that
    /// counts what the bot took as in flight.
    pub fn handle_tracked(
        &self,
        event: Event,
        now: Timestamp,
        started: Instant,
    ) -> (Vec<Effect>, TaskTrackerToken) {
        self.decide(event, now, Some(started))
    }

    fn decide(
        &self,
        event: Event,
        now: Timestamp,
        started: Option<Instant>,
    ) -> (Vec<Effect>, TaskTrackerToken) {
        let (effects, token) = {
            let mut bot = self.bot.lock().unwrap_or_else(|e| e.into_inner());
            (bot.handle(event, now), self.tracker.token())
        };
        let effects = effects
            .into_iter()
            .filter_map(|effect| self.carry_out(effect, started, now))
            .collect();
        (effects, token)
    }

    /// The FAQ was reloaded: the bot answers from it from now on.
    pub fn reloaded(&self) {
        self.handle(Event::Reloaded(self.live.pipeline()), Timestamp::now());
    }

    /// Decides the answer to `interaction`; the turn counts as in flight until it is finished.
    /// With a shared store, a first public post or a first vote is confirmed with it (briefly)
    /// before it goes out, as the bot asks.
    pub async fn begin(&self, interaction: &Interaction, started: Instant) -> Begun {
        let Some(envelope) = Envelope::of(interaction) else {
            return Begun::Unsupported;
        };
        let Some(request) = request(interaction, &envelope) else {
            return Begun::Unsupported;
        };
        let now = Timestamp::now();
        let (mut effects, in_flight) =
            self.handle_tracked(Event::Interaction(request), now, started);
        if let Some(Effect::Confirm(pending)) = effects.pop_if(|e| matches!(e, Effect::Confirm(_)))
        {
            let recall = match &self.store {
                Some(store) => store.recall(pending.lookup(), now).await,
                None => None,
            };
            effects = self.handle(Event::Confirmed { pending, recall }, Timestamp::now());
        }
        for effect in effects {
            match effect {
                Effect::Respond(core) => {
                    let Some(response) = render(core.decision()) else {
                        return Begun::Unsupported;
                    };
                    let label = &core.decision().label;
                    let span = tracing::info_span!(
                        "interaction",
                        id = %interaction.id(),
                        kind = label.kind.label(),
                        command = %label.name,
                        guild = envelope.guild.map(|g| g.get()),
                    );
                    return Begun::Answer(Turn {
                        core,
                        response,
                        span,
                        guild: envelope.guild,
                        started,
                        now,
                        in_flight,
                    });
                }
                Effect::Refuse => {
                    tracing::info!(id = %interaction.id(), "shutting down: interaction not taken");
                    return Begun::Closing;
                }
                other => tracing::debug!(?other, "unexpected effect of an interaction"),
            }
        }
        Begun::Unsupported
    }

    /// Accounts for a turn once its response was sent (`sent`) or could not be: metrics, the
    /// log line and, for what was sent, insight. What is left (locating the post, an apology)
    /// is the front end's.
    pub fn finish(&self, turn: Turn, sent: bool) -> Aftermath {
        let _entered = turn.span.enter();
        Aftermath {
            effects: self.done(turn.core, sent, turn.started, turn.now),
            _in_flight: turn.in_flight,
        }
    }

    /// Reports a decision acted on (`sent`) or not, in the caller's tracing span: what
    /// interactions and forum posts alike leave behind.
    pub fn done(
        &self,
        turn: crate::core::bot::Turn,
        sent: bool,
        started: Instant,
        now: Timestamp,
    ) -> Vec<Effect> {
        self.decide(Event::Done { turn, sent }, now, Some(started))
            .0
    }

    /// Carries out what every front end does alike; returns the effects it does not.
    fn carry_out(
        &self,
        effect: Effect,
        started: Option<Instant>,
        now: Timestamp,
    ) -> Option<Effect> {
        match effect {
            Effect::Record(insight) => {
                if let Some(store) = &self.store {
                    store.record(insight, now);
                }
                None
            }
            Effect::Remember(posted) => {
                if let Some(store) = &self.store {
                    store.remember(posted);
                }
                None
            }
            Effect::Count(tally) => {
                let took = started.map(|s| s.elapsed()).unwrap_or_default();
                let failed = tally.note == Note::Failed;
                metrics().interaction(&tally.label, tally.outcome, failed, took);
                let latency_us = took.as_micros() as u64;
                match tally.note {
                    Note::Answered => tracing::info!(latency_us, "answered"),
                    Note::LeftAlone => {
                        tracing::info!(latency_us, "no sure answer; the post is left to people");
                    }
                    Note::Failed => tracing::error!("answering failed"),
                }
                None
            }
            other => Some(other),
        }
    }

    /// Stops taking interactions and posts: from now on they are refused, and those already
    /// taken are the ones [`close`](Self::close) waits for.
    pub fn closing(&self) {
        let mut bot = self.bot.lock().unwrap_or_else(|e| e.into_inner());
        bot.handle(Event::Closing, Timestamp::now());
        self.tracker.close();
    }

    /// Stops taking interactions and posts, waits (at most `patience`) for those in flight to
    /// finish, then for insight to reach its database: how a bot shuts down without losing
    /// anything it had started.
    pub async fn close(&self, patience: std::time::Duration) {
        self.closing();
        let deadline = tokio::time::Instant::now() + patience;
        if tokio::time::timeout_at(deadline, self.tracker.wait())
            .await
            .is_err()
        {
            let left = self.tracker.len();
            tracing::warn!(left, "shutting down with interactions still in flight");
        }
        if let Some(store) = &self.store {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let flushed = store
                .flush(left.max(std::time::Duration::from_secs(1)))
                .await;
            if !flushed {
                tracing::warn!("shutting down before every insight record was written");
            }
        }
    }
}

/// What every interaction faqbot handles carries besides what was done: where, by whom and in
/// which language. `None` for kinds faqbot does not handle (a ping is answered before this,
/// by the endpoint).
struct Envelope<'a> {
    channel: u64,
    user: u64,
    /// The message whose button or menu was used.
    message: Option<u64>,
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
                user: c.user.id.get(),
                message: None,
                locale: &c.locale,
                guild: c.guild_id,
                owners: &c.authorizing_integration_owners,
                member: c.member.as_deref(),
            }),
            Interaction::Component(c) => Some(Self {
                channel: c.channel_id.get(),
                user: c.user.id.get(),
                message: Some(c.message.id.get()),
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
fn request(interaction: &Interaction, envelope: &Envelope<'_>) -> Option<Request> {
    let kind = match interaction {
        Interaction::Command(c) if c.data.kind == CommandType::Message => {
            let message = match c.data.target() {
                Some(ResolvedTarget::Message(message)) => Message {
                    id: MessageId::new(message.id.get()),
                    channel: ChannelId::new(message.channel_id.get()),
                    author: UserId::new(message.author.id.get()),
                    content: message.content.clone(),
                    has_embeds: !message.embeds.is_empty() || !message.attachments.is_empty(),
                    // The bot's own user is known to the core; a bot's user is also its
                    // application's id.
                    from_this_bot: message.author.id.get() == c.application_id.get(),
                    link: Some(message_link(
                        c.guild_id,
                        message.channel_id.get(),
                        message.id.get(),
                    )),
                },
                // Discord always resolves the target; should it not, the helper is told there
                // is nothing to answer rather than left without a reply.
                _ => Message {
                    id: MessageId::new(c.data.target_id.map_or(0, |t| t.get())),
                    channel: ChannelId::new(c.channel_id.get()),
                    author: UserId::new(0),
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
                    link: Some(message_link(
                        c.guild_id,
                        target.channel.get(),
                        target.message.get(),
                    )),
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
        channel: Some(ChannelId::new(envelope.channel)),
        user: Some(UserId::new(envelope.user)),
        message: envelope.message.map(MessageId::new),
        lang: Lang::of(Some(envelope.locale)),
        private_only: private_only(envelope.guild, envelope.owners, envelope.member),
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
            .map(|u| UserId::new(u.get())),
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
pub fn apology(reply: &Reply) -> CreateInteractionResponse {
    response::message(reply)
}
