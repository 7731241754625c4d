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

/// First pause after a failed round; it doubles up to [`MAX_BACKOFF`], with jitter so that
/// replicas or restarts retrying together do not hit Discord in step.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(120);

/// The pauses between rounds: backon's exponential policy, with jitter and no end.
fn pauses() -> impl Iterator<Item = Duration> {
    use backon::BackoffBuilder;
    backon::ExponentialBuilder::default()
        .with_min_delay(FIRST_BACKOFF)
        .with_max_delay(MAX_BACKOFF)
        .with_jitter()
        .without_max_times()
        .build()
}

/// Where commands are registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every server and DM the application is installed in (commands take up to an hour).
    Global,
    /// One server: commands appear at once.
    Guild(GuildId),
}

impl Scope {
    /// The commands this scope is sent.
    pub fn commands(self, payload: &Commands) -> &[CreateCommand] {
        match self {
            Self::Global => payload.global(),
            Self::Guild(_) => payload.guild(),
        }
    }
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

/// Overwrites the commands in every scope, up to `attempts` rounds while a failure may pass
/// (server errors, rate limits, network failures), and says how each went. Every scope is tried
/// before any is tried again: a guild that keeps failing never holds back the others. One
/// request per scope and round: never one per command, which Discord limits to 200 a day.
pub async fn register_once(
    http: &Http,
    commands: &Commands,
    scopes: &[Scope],
    attempts: u32,
) -> Vec<(Scope, Registered)> {
    let sleep = |pause| async move {
        tokio::time::sleep(pause).await;
        true
    };
    let rounds = rounds(http, commands, scopes, Some(attempts), sleep, || {});
    // Never interrupted: the pause always ends in another round.
    rounds.await.unwrap_or_default()
}

/// Tries each scope in turn, then, after a pause that grows each round, the scopes whose
/// failure may pass, for at most `limit` rounds (or until each has succeeded or been refused).
/// `pause` waits; `None` when it returns false (a newer payload came meanwhile). `tried` is
/// called after each round.
async fn rounds<P, F>(
    http: &Http,
    commands: &Commands,
    scopes: &[Scope],
    limit: Option<u32>,
    mut pause: P,
    mut tried: impl FnMut(),
) -> Option<Vec<(Scope, Registered)>>
where
    P: FnMut(Duration) -> F,
    F: std::future::Future<Output = bool>,
{
    let mut results: Vec<(Scope, Option<Registered>)> =
        scopes.iter().map(|&scope| (scope, None)).collect();
    let mut pauses = pauses();
    let mut round = 1;
    loop {
        let last = limit.is_some_and(|limit| round >= limit);
        let backoff = pauses.next().unwrap_or(MAX_BACKOFF);
        let mut again = 0;
        for (scope, result) in results.iter_mut().filter(|(_, r)| r.is_none()) {
            match overwrite(http, scope.commands(commands), *scope).await {
                Ok(count) => *result = Some(Registered::Done(count)),
                Err(e) if retryable(&e) && !last => {
                    let retry_in = backoff;
                    tracing::warn!(error = %e, %scope, ?retry_in, "registering commands failed; retrying");
                    again += 1;
                }
                Err(e) => *result = Some(Registered::Failed(e)),
            }
        }
        tried();
        if again == 0 {
            break;
        }
        if !pause(backoff).await {
            return None;
        }
        round += 1;
    }
    Some(
        results
            .into_iter()
            .filter_map(|(scope, result)| Some((scope, result?)))
            .collect(),
    )
}

/// A payload to register, with the client to register it with.
type Payload = Option<(Arc<Http>, Arc<Commands>)>;

/// The one task that registers commands while the bot runs.
#[derive(Debug, Clone)]
pub struct Registrar {
    latest: Arc<watch::Sender<Payload>>,
    settled: watch::Receiver<bool>,
}

impl Registrar {
    /// Starts the task, registering in `scopes` whatever it is handed.
    pub fn start(scopes: Vec<Scope>) -> Self {
        let (latest, newer) = watch::channel(None);
        let latest = Arc::new(latest);
        let (settle, settled) = watch::channel(false);
        // Weak: the task ends, as before, once every Registrar is gone.
        tokio::spawn(run(scopes, Arc::downgrade(&latest), newer, settle));
        Self { latest, settled }
    }

    /// Registers `commands` with `http` as soon as possible, in place of any payload still
    /// pending.
    pub fn register(&self, http: Arc<Http>, commands: Commands) {
        self.latest.send_replace(Some((http, Arc::new(commands))));
    }

    /// Becomes true once a payload has been tried in every scope: the bot's start-up is then
    /// complete (what is still failing is retried meanwhile).
    pub fn settled(&self) -> watch::Receiver<bool> {
        self.settled.clone()
    }
}

async fn run(
    scopes: Vec<Scope>,
    latest: std::sync::Weak<watch::Sender<Payload>>,
    mut newer: watch::Receiver<Payload>,
    settle: watch::Sender<bool>,
) {
    while newer.changed().await.is_ok() {
        let Some((http, commands)) = newer.borrow_and_update().clone() else {
            continue;
        };
        // A newer payload replaces this one at once: no older payload may land after it.
        let waiting = newer.clone();
        let pause = |pause| {
            let mut newer = waiting.clone();
            async move {
                tokio::select! {
                    () = tokio::time::sleep(pause) => true,
                    Ok(()) = newer.changed() => false,
                }
            }
        };
        // Start-up is done once every scope was tried: the bot answers meanwhile, and a Discord
        // that keeps failing must not keep it from being called ready.
        let tried = || {
            settle.send_replace(true);
        };
        let Some(results) = rounds(&http, &commands, &scopes, None, pause, tried).await else {
            continue;
        };
        // Done with: the bodies (tens of KiB in eleven languages) are not kept for the life of
        // the bot. A newer payload that came meanwhile stays, and nothing is announced.
        if let Some(latest) = latest.upgrade() {
            latest.send_if_modified(|payload| {
                if payload
                    .as_ref()
                    .is_some_and(|(_, pending)| Arc::ptr_eq(pending, &commands))
                {
                    *payload = None;
                }
                false
            });
        }
        let taken = results
            .iter()
            .filter(|(_, result)| matches!(result, Registered::Done(_)))
            .count();
        for (scope, result) in results {
            match result {
                Registered::Done(count) => tracing::info!(count, %scope, "commands registered"),
                Registered::Failed(e) if taken > 0 => {
                    let others =
                        "Discord refused the commands in this scope; the other scopes have theirs";
                    tracing::error!(error = %e, %scope, "{others}");
                }
                Registered::Failed(e) => {
                    tracing::error!(error = %e, %scope, "Discord refused the commands");
                }
            }
        }
    }
}

/// One bulk overwrite in `scope`, counted when it fails.
async fn overwrite(
    http: &Http,
    commands: &[CreateCommand],
    scope: Scope,
) -> serenity::Result<usize> {
    let result = match scope {
        Scope::Global => Command::set_global_commands(http, commands.to_vec()).await,
        Scope::Guild(guild) => guild.set_commands(http, commands.to_vec()).await,
    };
    result.map(|registered| registered.len()).inspect_err(|_| {
        metrics().registration_failed();
    })
}
