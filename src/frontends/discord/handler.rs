//! Gateway events: READY registers the commands and starts the presence; each interaction is
//! answered by the core.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use serenity::all::{
    ActivityData, Context, CreateInteractionResponse, EventHandler, Interaction, OnlineStatus,
    Ready, ShardId, ShardMessenger,
};
use tokio::task::JoinHandle;
use tracing::Instrument;

use super::dispatch::prepare;
use super::{commands, registration, response};
use crate::core::answers::apology;
use crate::ops::insights::Insights;
use crate::ops::live::Live;
use crate::ops::recent::RecentAnswers;

pub(super) struct Handler {
    live: Arc<Live>,
    recent: RecentAnswers,
    insights: Option<Insights>,
    guilds: Vec<u64>,
    /// Commands are registered once per run, not again on every reconnect.
    registered: AtomicBool,
    /// Each shard's presence updater, replaced when the shard is ready again.
    presence: Mutex<HashMap<ShardId, JoinHandle<()>>>,
}

impl Handler {
    pub(super) fn new(
        live: Arc<Live>,
        guilds: Vec<u64>,
        repeat_window: Duration,
        insights: Option<Insights>,
    ) -> Self {
        Self {
            live,
            recent: RecentAnswers::new(repeat_window),
            insights,
            guilds,
            registered: AtomicBool::new(false),
            presence: Mutex::new(HashMap::new()),
        }
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(shard = ctx.shard_id.0, user = %ready.user.name, guilds = ready.guilds.len(), "connected");
        ctx.http.set_application_id(ready.application.id);
        if !self.registered.swap(true, Ordering::SeqCst) {
            let payload = commands::registration(self.live.answers().catalogue());
            let (http, guilds) = (Arc::clone(&ctx.http), self.guilds.clone());
            // In the background, so interactions are answered meanwhile; a refusal is logged.
            tokio::spawn(async move { registration::register(http, payload, guilds, None).await });
        }
        let updater = tokio::spawn(keep_presence(Arc::clone(&self.live), ctx.shard.clone()));
        let mut presence = self.presence.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(old) = presence.insert(ctx.shard_id, updater) {
            old.abort();
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let started = Instant::now();
        let now = Timestamp::now();
        let Some(mut prepared) = prepare(&self.live.answers(), &interaction, now) else {
            tracing::debug!(kind = ?interaction.kind(), "interaction ignored");
            return;
        };
        if let Some(earlier) = prepared.repeat(&self.recent, &interaction, now) {
            // Link to the earlier post: its interaction token can still fetch it.
            let link = ctx
                .http
                .get_original_interaction_response(&earlier.token)
                .await
                .ok()
                .map(|m| m.id.link(m.channel_id, prepared.guild));
            prepared.instead_repeat(&earlier, link.as_deref());
        }
        let span = prepared.span(&interaction);
        // The response is sent once; the rest of `prepared` is still needed for the records.
        let response = std::mem::replace(&mut prepared.response, CreateInteractionResponse::Pong);
        async {
            let result = respond(&ctx, &interaction, response).await;
            prepared.count(result.is_err(), started.elapsed());
            match result {
                Ok(()) => {
                    tracing::info!(
                        latency_us = started.elapsed().as_micros() as u64,
                        "answered"
                    );
                    if let (Some(insights), Some(record)) = (&self.insights, prepared.insight()) {
                        insights.record(record, now);
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "answering failed");
                    if prepared.kind != "autocomplete" {
                        if let Err(e) =
                            respond(&ctx, &interaction, response::message(&apology())).await
                        {
                            tracing::warn!(error = %e, "the apology failed too");
                        }
                    }
                }
            }
        }
        .instrument(span)
        .await;
    }
}

async fn respond(
    ctx: &Context,
    interaction: &Interaction,
    response: CreateInteractionResponse,
) -> serenity::Result<()> {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => {
            c.create_response(&ctx.http, response).await
        }
        Interaction::Component(c) => c.create_response(&ctx.http, response).await,
        _ => Ok(()),
    }
}

/// Shows customer care's status as the bot's presence, updated the moment it changes.
async fn keep_presence(live: Arc<Live>, shard: ShardMessenger) {
    loop {
        let now = Timestamp::now();
        let (text, next_change) = live.answers().presence(now);
        shard.set_presence(Some(ActivityData::custom(text)), OnlineStatus::Online);
        // Wake just after the change; at least hourly, so a suspended machine catches up.
        let wait = next_change
            .map(|next| next.duration_since(now).unsigned_abs())
            .unwrap_or(Duration::from_secs(3600))
            .clamp(Duration::from_secs(1), Duration::from_secs(3600));
        tokio::time::sleep(wait + Duration::from_millis(500)).await;
    }
}
