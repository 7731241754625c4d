//! Gateway events: READY registers the commands and starts the presence; each interaction is
//! answered by the core; a new thread may be a forum post to answer.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use serenity::all::{
    ActivityData, Context, CreateInteractionResponse, EventHandler, Guild, GuildChannel, GuildId,
    Http, Interaction, OnlineStatus, Ready, ShardId, ShardMessenger,
};
use serenity::builder::Builder;
use tokio::task::JoinHandle;
use tracing::Instrument;

use super::commands;
use super::forum;
use super::health::Health;
use super::interaction::{apology, Begun, Shared};
use super::registration::Registrar;
use crate::core::bot::{Effect, Event};
use crate::core::lang::Lang;
use crate::core::memory::RepeatKey;

pub(super) struct Handler {
    /// The FAQ served (`shared.live`), and what answering interactions needs.
    shared: Arc<Shared>,
    registrar: Registrar,
    /// Commands are registered once per run, not again on every reconnect (and never by a
    /// process whose shards leave registering to the one with shard 0).
    registered: AtomicBool,
    /// Each shard's presence updater, replaced when the shard is ready again.
    presence: Mutex<HashMap<ShardId, JoinHandle<()>>>,
    health: Arc<Health>,
}

impl Handler {
    pub(super) fn new(
        shared: Arc<Shared>,
        registrar: Registrar,
        health: Arc<Health>,
        registers: bool,
    ) -> Self {
        Self {
            health,
            shared,
            registrar,
            registered: AtomicBool::new(!registers),
            presence: Mutex::new(HashMap::new()),
        }
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(shard = ctx.shard_id.0, user = %ready.user.name, guilds = ready.guilds.len(), "connected");
        let total = ready.shard.map_or(1, |shard| shard.total);
        self.health.shard_ready(ctx.shard_id, total);
        if !self.registered.swap(true, Ordering::SeqCst) {
            // In the background, so interactions are answered meanwhile; a refusal is logged.
            let payload = commands::registration(self.shared.live.pipeline().catalogue());
            self.registrar.register(Arc::clone(&ctx.http), payload);
        }
        let updater = crate::ops::tasks::watched(
            "presence",
            keep_presence(Arc::clone(&self.shared), ctx.shard.clone()),
        );
        let mut presence = self.presence.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = presence.insert(ctx.shard_id, updater) {
            old.abort();
        }
    }

    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        // Only with forums watched does GUILD_CREATE come (the GUILDS intent), and only then
        // does the bot keep the language.
        let event = Event::Server {
            guild: crate::core::ids::GuildId::new(guild.id.get()),
            lang: Lang::of(Some(&guild.preferred_locale)),
        };
        self.shared.handle(event, Timestamp::now());
    }

    async fn thread_create(&self, ctx: Context, thread: GuildChannel) {
        forum::answer_post(&ctx, &self.shared, thread).await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let started = Instant::now();
        let turn = match self.shared.begin(&interaction, started).await {
            Begun::Answer(turn) => turn,
            Begun::Closing => return,
            Begun::Unsupported => {
                tracing::debug!(kind = ?interaction.kind(), "interaction ignored");
                return;
            }
        };
        let span = turn.span.clone();
        let guild = turn.guild;
        async {
            let result = respond(&ctx, &interaction, turn.response.clone()).await;
            if let Err(e) = &result {
                tracing::error!(error = %e, "the response was refused");
            }
            let aftermath = self.shared.finish(turn, result.is_ok());
            for effect in &aftermath.effects {
                match effect {
                    Effect::LocatePost(key) => {
                        let token = interaction_token(&interaction).to_owned();
                        let found = locate_post(
                            Arc::clone(&ctx.http),
                            Arc::clone(&self.shared),
                            token,
                            guild,
                            *key,
                        );
                        tokio::spawn(found.in_current_span());
                    }
                    Effect::Apologise(reply) => {
                        if let Err(e) = respond(&ctx, &interaction, apology(reply)).await {
                            tracing::warn!(error = %e, "the apology failed too");
                        }
                    }
                    other => tracing::debug!(?other, "unexpected effect of an answer"),
                }
            }
        }
        .instrument(span)
        .await;
    }
}

/// Where the first public post of an answer is, for the repeats that will point to it: looked
/// up after the answer is out, never while the user waits.
async fn locate_post(
    http: Arc<Http>,
    shared: Arc<Shared>,
    token: String,
    guild: Option<GuildId>,
    key: RepeatKey,
) {
    match http.get_original_interaction_response(&token).await {
        Ok(message) => {
            let link = message.id.link(message.channel_id, guild);
            tracing::debug!(%link, "the answer is posted; repeats link to it");
            shared.handle(Event::Located { key, link }, Timestamp::now());
        }
        Err(e) => tracing::debug!(
            error = %e,
            "the posted answer could not be located; repeats will say it is above"
        ),
    }
}

/// The token an interaction is answered with (only kinds that `Shared::begin` takes get here).
fn interaction_token(interaction: &Interaction) -> &str {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => &c.token,
        Interaction::Component(c) => &c.token,
        _ => "",
    }
}

async fn respond(
    ctx: &Context,
    interaction: &Interaction,
    response: CreateInteractionResponse,
) -> serenity::Result<()> {
    response
        .execute(
            &ctx.http,
            (interaction.id(), interaction_token(interaction)),
        )
        .await
}

/// Shows customer care's status as the bot's presence, updated the moment it changes.
async fn keep_presence(shared: Arc<Shared>, shard: ShardMessenger) {
    loop {
        let now = Timestamp::now();
        let mut until = None;
        for effect in shared.handle(Event::Tick, now) {
            if let Effect::Presence { text, until: next } = effect {
                shard.set_presence(Some(ActivityData::custom(text)), OnlineStatus::Online);
                until = next;
            }
        }
        // Wake just after the change; at least hourly, so a suspended machine catches up.
        let wait = until
            .map(|next| next.duration_since(now).unsigned_abs())
            .unwrap_or(Duration::from_secs(3600))
            .clamp(Duration::from_secs(1), Duration::from_secs(3600));
        tokio::time::sleep(wait + Duration::from_millis(500)).await;
    }
}
