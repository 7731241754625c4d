//! Registering the commands: one bulk overwrite per scope, retried while it may succeed.

use std::sync::Arc;
use std::time::Duration;

use serenity::all::{Command, CreateCommand, GuildId, Http};
use serenity::http::HttpError;

/// First pause after a failed attempt; it doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(120);

/// Overwrites the application's commands with `commands`: globally when `guilds` is empty,
/// otherwise in each guild, and returns how many Discord registered in the last scope.
///
/// Server errors, rate limits and network failures are retried with exponential backoff, up to
/// `attempts` times per scope (`None`: for as long as it takes, as the bot does in the
/// background while it already answers); any other refusal (a bad payload, no access to a guild)
/// ends at once, since repeating it cannot help. One request per scope: never one per command,
/// which Discord limits to 200 a day.
pub async fn register(
    http: Arc<Http>,
    commands: Vec<CreateCommand>,
    guilds: Vec<u64>,
    attempts: Option<u32>,
) -> Result<usize, serenity::Error> {
    let mut count = 0;
    let scopes: Vec<Option<GuildId>> = if guilds.is_empty() {
        vec![None]
    } else {
        guilds.into_iter().map(|g| Some(GuildId::new(g))).collect()
    };
    for scope in scopes {
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = match scope {
                None => Command::set_global_commands(&http, commands.clone()).await,
                Some(guild) => guild.set_commands(&http, commands.clone()).await,
            };
            let scope_name = scope.map_or_else(|| "global".to_owned(), |g| format!("guild {g}"));
            match result {
                Ok(registered) => {
                    count = registered.len();
                    tracing::info!(count, scope = %scope_name, "commands registered");
                    break;
                }
                Err(e) if retryable(&e) && attempts.is_none_or(|max| attempt < max) => {
                    crate::ops::metrics::metrics().registration_failed();
                    tracing::warn!(error = %e, scope = %scope_name, retry_in = ?backoff, "registering commands failed; retrying");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
                Err(e) => {
                    crate::ops::metrics::metrics().registration_failed();
                    tracing::error!(error = %e, scope = %scope_name, "registering commands failed");
                    return Err(e);
                }
            }
        }
    }
    Ok(count)
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
