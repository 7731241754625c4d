//! Registering the commands: one bulk overwrite per scope (globally, or in each configured
//! guild), retried while it may succeed.
//!
//! While the bot runs, one [`Registrar`] task does all registering: a payload handed to it
//! replaces any that is still waiting or retrying, so registrations never pile up and an older
//! payload can never land after a newer one. A guild that refuses (the bot was removed from it)
//! is logged and skipped; the other guilds still get their commands.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{Command, CreateCommand, GuildId, Http};

use super::commands::Payload as Commands;
use super::retryable;
use tokio::sync::watch;

use crate::ops::metrics::metrics;

/// First pause after a failed attempt; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(120);

/// Where commands are registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Guild(GuildId),
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Global => f.write_str("global"),
            Self::Guild(id) => write!(f, "guild {id}"),
        }
    }
}

/// The scopes `guilds` names: each guild, or global when there are none.
pub fn scopes(guilds: &[u64]) -> Vec<Scope> {
    if guilds.is_empty() {
        vec![Scope::Global]
    } else {
        guilds
            .iter()
            .map(|&g| Scope::Guild(GuildId::new(g)))
            .collect()
    }
}

/// How registering went in one scope.
#[derive(Debug)]
pub enum Registered {
    /// Discord took this many commands.
    Done(usize),
    /// Discord refused for good (a bad payload, no access to the guild), or kept failing until
    /// the attempts ran out.
    Failed(serenity::Error),
}

/// Overwrites the commands in every scope, each up to `attempts` times while the failure may
/// pass (server errors, rate limits, network failures), and says how each went. One request
/// per scope: never one per command, which Discord limits to 200 a day.
pub async fn register_once(
    http: &Http,
    commands: &Commands,
    scopes: &[Scope],
    attempts: u32,
) -> Vec<(Scope, Registered)> {
    let mut results = Vec::with_capacity(scopes.len());
    for &scope in scopes {
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 1;
        let result = loop {
            match overwrite(http, commands.for_scope(scope), scope).await {
                Ok(count) => break Registered::Done(count),
                Err(e) if retryable(&e) && attempt < attempts => {
                    tracing::warn!(error = %e, %scope, retry_in = ?backoff, "registering commands failed; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    attempt += 1;
                }
                Err(e) => break Registered::Failed(e),
            }
        };
        results.push((scope, result));
    }
    results
}

/// A payload to register, with the client to register it with.
type Payload = Option<(Arc<Http>, Commands)>;

/// The one task that registers commands while the bot runs.
#[derive(Debug, Clone)]
pub struct Registrar {
    latest: Arc<watch::Sender<Payload>>,
}

impl Registrar {
    /// Starts the task, registering in `scopes` whatever it is handed.
    pub fn start(scopes: Vec<Scope>) -> Self {
        let (latest, newer) = watch::channel(None);
        tokio::spawn(run(scopes, newer));
        Self {
            latest: Arc::new(latest),
        }
    }

    /// Registers `commands` with `http` as soon as possible, in place of any payload still
    /// pending.
    pub fn register(&self, http: Arc<Http>, commands: Commands) {
        self.latest.send_replace(Some((http, commands)));
    }
}

async fn run(scopes: Vec<Scope>, mut newer: watch::Receiver<Payload>) {
    'payloads: while newer.changed().await.is_ok() {
        let Some((http, commands)) = newer.borrow_and_update().clone() else {
            continue;
        };
        for &scope in &scopes {
            let mut backoff = FIRST_BACKOFF;
            loop {
                match overwrite(&http, commands.for_scope(scope), scope).await {
                    Ok(_) => break,
                    Err(e) if retryable(&e) => {
                        tracing::warn!(error = %e, %scope, retry_in = ?backoff, "registering commands failed; retrying");
                        // A newer payload replaces this one at once: no older payload may land
                        // after it.
                        tokio::select! {
                            () = tokio::time::sleep(backoff) => {}
                            changed = newer.changed() => {
                                if changed.is_err() {
                                    return;
                                }
                                newer.mark_changed();
                                continue 'payloads;
                            }
                        }
                        backoff = (backoff * 2).min(MAX_BACKOFF);
                    }
                    Err(e) => {
                        tracing::error!(error = %e, %scope, "Discord refused the commands in this scope; the others are still registered");
                        break;
                    }
                }
            }
        }
    }
}

/// One bulk overwrite in `scope`, counted and logged.
async fn overwrite(
    http: &Http,
    commands: &[CreateCommand],
    scope: Scope,
) -> serenity::Result<usize> {
    let result = match scope {
        Scope::Global => Command::set_global_commands(http, commands.to_vec()).await,
        Scope::Guild(guild) => guild.set_commands(http, commands.to_vec()).await,
    };
    match result {
        Ok(registered) => {
            tracing::info!(count = registered.len(), %scope, "commands registered");
            Ok(registered.len())
        }
        Err(e) => {
            metrics().registration_failed();
            Err(e)
        }
    }
}
