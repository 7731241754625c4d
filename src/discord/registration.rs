//! Registering the commands: one bulk overwrite per scope, retried while it may succeed.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{Command, CreateCommand, GuildId, Http};
use serenity::http::HttpError;

/// First pause after a failed attempt; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(120);

/// Overwrites the application's commands with `commands`: globally when `guilds` is empty,
/// otherwise in each guild. Runs in the background, so interactions are served meanwhile.
///
/// Server errors, rate limits and network failures are retried with exponential backoff for as
/// long as it takes; any other refusal (a bad payload, missing access to a guild) is logged once,
/// since repeating it cannot help. One request per scope: never one per command, which Discord
/// limits to 200 a day.
pub async fn register(http: Arc<Http>, commands: Vec<CreateCommand>, guilds: Vec<u64>) {
    let scopes: Vec<Option<GuildId>> = if guilds.is_empty() {
        vec![None]
    } else {
        guilds.into_iter().map(|g| Some(GuildId::new(g))).collect()
    };
    for scope in scopes {
        let mut backoff = FIRST_BACKOFF;
        loop {
            let result = match scope {
                None => Command::set_global_commands(&http, commands.clone()).await,
                Some(guild) => guild.set_commands(&http, commands.clone()).await,
            };
            let scope_name = scope.map_or_else(|| "global".to_owned(), |g| format!("guild {g}"));
            match result {
                Ok(registered) => {
                    tracing::info!(count = registered.len(), scope = %scope_name, "commands registered");
                    break;
                }
                Err(e) if retryable(&e) => {
                    tracing::warn!(error = %e, scope = %scope_name, retry_in = ?backoff, "registering commands failed; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
                Err(e) => {
                    tracing::error!(error = %e, scope = %scope_name, "Discord refused the commands; fix the cause and restart");
                    break;
                }
            }
        }
    }
}

fn retryable(error: &serenity::Error) -> bool {
    match error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
            let status = response.status_code;
            status.is_server_error() || status.as_u16() == 429
        }
        serenity::Error::Http(HttpError::Request(_)) => true,
        _ => false,
    }
}
