//! The Discord adapter: the gateway bot (`run`), the HTTP interactions endpoint (`serve`) and
//! one-off registration (`register`), on serenity and axum. It turns interactions (and new forum
//! posts) into the core's [`Request`](crate::core::pipeline::Request)s and the core's decisions
//! into Discord responses; nothing about what the bot says is decided here.

pub mod commands;
pub mod endpoint;
mod forum;
mod handler;
pub mod health;
pub mod interaction;
pub mod limits;
pub mod markup;
pub mod registration;
pub mod response;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serenity::all::{ClientBuilder, GatewayIntents, HttpBuilder};
use serenity::gateway::GatewayError;
use serenity::http::HttpError;

use crate::core::bot::Event;
use crate::core::faq::Faq;
use crate::ops::config::{shown_url, Config, Token, TokenSource};
use crate::ops::live::{reload_when_asked, Live, Reloaded};
use crate::ops::service;
use crate::ops::tasks::watched;
use handler::Handler;
use health::Health;
use registration::{Registered, Registrar};

/// Why the bot stopped, each with what to do about it. All end with exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(
        "no bot token: set DISCORD_TOKEN (or `token_file` in the config) to the token from the \
         Discord developer portal (Bot → Reset Token)"
    )]
    MissingToken,
    #[error(
        "Discord rejected the token ({how}): reset it in the Discord developer portal (Bot → \
         Reset Token) and {fix}"
    )]
    Rejected {
        how: &'static str,
        fix: &'static str,
    },
    #[error("cannot reach the Discord API at {url}: {reason}; check the network{hint}")]
    Unreachable {
        url: String,
        reason: String,
        hint: String,
    },
    #[error(
        "{url} answered {status} to the token check, which Discord's API never does: it is not \
         Discord's API or a proxy for it; check {origin}"
    )]
    NotDiscord {
        url: String,
        status: u16,
        origin: &'static str,
    },
    #[error("Discord answered {status} to {what}; see https://discordstatus.com and try again")]
    Refused { what: &'static str, status: u16 },
    #[error(
        "cannot reach the Discord gateway at {url}: {reason}; check that this machine may open \
         websocket connections to it, or see https://discordstatus.com"
    )]
    GatewayUnreachable { url: String, reason: String },
    #[error("the connection to Discord failed: {0}")]
    Gateway(String),
    #[error(
        "no public key: set DISCORD_PUBLIC_KEY (or `public_key` in the config) to the Public Key \
         from the Discord developer portal (General Information)"
    )]
    MissingPublicKey,
    #[error(
        "DISCORD_PUBLIC_KEY / public_key: {0}; copy the Public Key from the developer portal again"
    )]
    BadPublicKey(String),
    #[error("cannot listen on {addr}: {reason}")]
    Listen { addr: String, reason: String },
    #[error("Discord did not take the commands in {failed} of {scopes} scopes: {detail}")]
    Registration {
        failed: usize,
        scopes: usize,
        detail: String,
    },
}

impl RunError {
    /// 2 for what the admin fixes in the settings before starting again, 1 for what went
    /// wrong while running.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::MissingToken | Self::MissingPublicKey | Self::BadPublicKey(_) => 2,
            _ => 1,
        }
    }
}

/// The Discord API the bot talks to, and where the admin set it, for messages.
#[derive(Debug)]
struct Api {
    url: String,
    origin: Option<&'static str>,
}

impl Api {
    fn of(config: &Config) -> Self {
        Self {
            url: config
                .api_url
                .as_deref()
                .map_or_else(|| "https://discord.com".to_owned(), shown_url),
            origin: config.api_url_origin,
        }
    }
}

/// What to do with a new token, wherever the old one came from.
fn token_fix(source: TokenSource) -> &'static str {
    match source {
        TokenSource::Environment => "set DISCORD_TOKEN to the new one",
        TokenSource::File => "put the new one in the token file (`token_file`)",
        TokenSource::Credential => {
            "put the new one in the file the unit's LoadCredential=discord-token:… names, then \
             restart the service"
        }
    }
}

/// How long shutting down waits for interactions in flight and for insight to be written.
const SHUTDOWN_PATIENCE: Duration = Duration::from_secs(5);
/// Tries at the gateway's handshake before `run` gives up with "cannot reach".
const GATEWAY_PROBES: u32 = 3;

/// What a running gateway bot needs to shut down gracefully.
struct Running {
    shards: Arc<serenity::gateway::ShardManager>,
    shared: Arc<interaction::Shared>,
}

/// Begins shutting down: systemd is told, and health says so from now on.
fn stopping(health: &Health) {
    tracing::info!("shutting down");
    service::stopping();
    health.closing();
}

/// Connects to Discord and serves interactions until ctrl-c or SIGTERM, which end it in every
/// state — checking the token, reaching the gateway, connected, reconnecting — with exit code 0
/// once the interactions in flight are answered and insight is written. The FAQ at `faq_path`
/// is reloaded on SIGHUP (and on change, with `watch_faq`).
pub async fn run(config: Config, faq: Faq, faq_path: Option<PathBuf>) -> Result<(), RunError> {
    let running = std::sync::OnceLock::new();
    let health = Health::gateway();
    tokio::select! {
        result = gateway(config, faq, faq_path, &running, Arc::clone(&health)) => result,
        () = shutdown_signal() => {
            stopping(&health);
            if let Some(running) = running.get() {
                let Running { shards, shared } = running;
                // serenity's shutdown waits for nothing when no shard is connected.
                let _ = tokio::time::timeout(Duration::from_secs(2), shards.shutdown_all()).await;
                shared.close(SHUTDOWN_PATIENCE).await;
            }
            Ok(())
        }
    }
}

async fn gateway(
    config: Config,
    faq: Faq,
    faq_path: Option<PathBuf>,
    running: &std::sync::OnceLock<Running>,
    health: Arc<Health>,
) -> Result<(), RunError> {
    let Some((token, source)) = &config.token else {
        return Err(RunError::MissingToken);
    };
    let api = Api::of(&config);
    let live = Arc::new(Live::new(faq, faq_path, config.pipeline_settings()));
    // /healthz answers 503 "connecting" from the start: a health check sees the truth early.
    health::serve_admin(&config, &live, Arc::clone(&health)).await?;
    let http = http(token, config.api_url.as_deref());

    // Check the token and the API before connecting: a rejected token must end the run with a
    // clear message, not a retry loop, and an unreachable API (a wrong DISCORD_API_URL) must not
    // send serenity off to Discord's default gateway instead.
    let user = http
        .get_current_user()
        .await
        .map_err(|e| preflight(e, &api, *source))?;
    tracing::info!(user = %user.name, id = %user.id, "token accepted");
    probe_gateway(&http, &api, *source).await?;

    let registrar = Registrar::start(registration::scopes(&config.guilds));
    let shared = interaction::Shared::new(
        Arc::clone(&live),
        config.memory(),
        crate::ops::store::Store::open(&config),
    );
    let me = crate::core::ids::UserId::new(user.id.get());
    shared.handle(Event::Me(me), jiff::Timestamp::now());
    // Slash commands need no intent; new forum posts come with GUILDS (not privileged).
    let intents = if !config.forum_channels.is_empty() {
        GatewayIntents::GUILDS
    } else {
        GatewayIntents::empty()
    };
    // Processes that split the shards leave registering to the one holding shard 0.
    let registers = config.shards.is_none_or(|shards| shards.registers());
    if let Some(shards) = config.shards {
        health.run_shards(shards.count());
        tracing::info!(%shards, registers, "running a range of the bot's shards");
    }
    let handler = Handler::new(
        Arc::clone(&shared),
        registrar.clone(),
        Arc::clone(&health),
        registers,
    );
    let mut client = ClientBuilder::new_with_http(http, intents)
        .event_handler(handler)
        .await
        .map_err(|e| RunError::Gateway(e.to_string()))?;
    health.watch_shards(Arc::clone(&client.shard_manager));
    let settled = if registers {
        registrar.settled()
    } else {
        tokio::sync::watch::channel(true).1
    };
    watched(
        "health monitor",
        health::monitor(Arc::clone(&health), settled),
    );
    let _ = running.set(Running {
        shards: Arc::clone(&client.shard_manager),
        shared: Arc::clone(&shared),
    });

    let http = Arc::clone(&client.http);
    let reloaded = Arc::clone(&live);
    watched(
        "reload watcher",
        reload_when_asked(live, config.watch_faq, move |what| {
            shared.reloaded();
            if what == Reloaded::Commands && registers {
                let payload = commands::registration(reloaded.pipeline().catalogue());
                registrar.register(Arc::clone(&http), payload);
            }
        }),
    );

    let started = match config.shards {
        // serenity's range is inclusive of its end.
        Some(shards) => {
            client
                .start_shard_range(shards.first..shards.last, shards.total)
                .await
        }
        None => client.start_autosharded().await,
    };
    started.map_err(|e| preflight(e, &api, *source))
}

/// Checks, before serenity connects, that the gateway answers a websocket handshake: serenity
/// would otherwise retry an unreachable gateway for ever, saying nothing useful. A few tries a
/// second or two apart, then the one-line error.
async fn probe_gateway(
    http: &serenity::http::Http,
    api: &Api,
    source: TokenSource,
) -> Result<(), RunError> {
    let url = http
        .get_bot_gateway()
        .await
        .map_err(|e| preflight(e, api, source))?
        .url;
    let mut reason = String::new();
    for attempt in 1..=GATEWAY_PROBES {
        let handshake = tokio_tungstenite::connect_async(format!("{url}?v=10"));
        match tokio::time::timeout(Duration::from_secs(10), handshake).await {
            Ok(Ok((mut socket, _))) => {
                let _ = socket.close(None).await;
                return Ok(());
            }
            Ok(Err(e)) => reason = e.to_string(),
            Err(_) => reason = "no answer within 10 s".to_owned(),
        }
        tracing::warn!(%url, attempt, error = %reason, "the gateway did not answer");
        if attempt < GATEWAY_PROBES {
            tokio::time::sleep(Duration::from_secs(u64::from(attempt))).await;
        }
    }
    Err(RunError::GatewayUnreachable { url, reason })
}

/// Answers Discord's signed HTTP interactions on `listen` until ctrl-c or SIGTERM, finishing
/// requests in flight before it exits.
pub async fn serve(
    config: Config,
    faq: Faq,
    faq_path: Option<PathBuf>,
    listen: &str,
) -> Result<(), RunError> {
    let key = config.public_key.ok_or(RunError::MissingPublicKey)?;
    let verifier = serenity::interactions_endpoint::Verifier::try_new(key)
        .map_err(|e| RunError::BadPublicKey(e.to_string()))?;
    if !config.forum_channels.is_empty() {
        tracing::warn!(
            "forum_channels is ignored by `serve`: new forum posts reach a bot over the gateway only (`faqbot run`)"
        );
    }
    // Usage figures are the operator's: never on the public listener Discord posts to.
    let health = Health::endpoint();
    let live = Arc::new(Live::new(faq, faq_path, config.pipeline_settings()));
    health::serve_admin(&config, &live, Arc::clone(&health)).await?;
    let shared = interaction::Shared::new(
        Arc::clone(&live),
        config.memory(),
        crate::ops::store::Store::open(&config),
    );
    let reloaded = Arc::clone(&shared);
    watched(
        "reload watcher",
        reload_when_asked(Arc::clone(&live), config.watch_faq, move |what| {
            reloaded.reloaded();
            if what == Reloaded::Commands {
                // Replicas hold no token: registering is the release step's job.
                tracing::warn!(
                    "the FAQ's commands changed: run `faqbot register` so Discord shows them"
                );
            }
        }),
    );
    let endpoint = Arc::new(endpoint::Endpoint {
        shared: Arc::clone(&shared),
        verifier,
        window: config.signature_window,
    });
    let listener = bind(listen).await?;
    if let Ok(local) = listener.local_addr() {
        tracing::info!(addr = %local, path = %config.interactions_path, "serving interactions");
    }
    health.listening();
    // Nothing else to wait for: ready as soon as it listens.
    let (_, settled) = tokio::sync::watch::channel(true);
    watched(
        "health monitor",
        health::monitor(Arc::clone(&health), settled),
    );
    let stop = Arc::new(tokio::sync::Notify::new());
    let stopped = Arc::clone(&stop);
    let closing = Arc::clone(&shared);
    let serving = axum::serve(
        listener,
        endpoint::router(endpoint, &config.interactions_path, Arc::clone(&health)),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        stopping(&health);
        // An interaction that arrives from now on is refused with 503, which a load balancer
        // retries on another replica; those already begun are finished.
        closing.closing();
        stopped.notify_one();
    });
    // Requests in flight get SHUTDOWN_PATIENCE to finish, not for ever: a client sending
    // its body slowly must not outlast systemd's stop timeout and cost the queued insight.
    let patience = async {
        stop.notified().await;
        tokio::time::sleep(SHUTDOWN_PATIENCE).await;
    };
    tokio::select! {
        result = serving => result.map_err(|e| RunError::Listen {
            addr: listen.to_owned(),
            reason: e.to_string(),
        })?,
        () = patience => tracing::warn!("requests still in flight after {SHUTDOWN_PATIENCE:?}; closing them"),
    }
    // The requests in flight are answered by now; what they recorded is still to be written.
    shared.close(SHUTDOWN_PATIENCE).await;
    Ok(())
}

/// Listens on `addr` (port 0 picks a free one).
async fn bind(addr: &str) -> Result<tokio::net::TcpListener, RunError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| RunError::Listen {
            addr: addr.to_owned(),
            reason: e.to_string(),
        })
}

/// How registering went in one scope, as `register` reports it: the scope, and how many
/// commands Discord took or why it did not.
pub type ScopeResult = (String, Result<usize, String>);

/// Overwrites the commands once over HTTP in every configured scope, then says how it went in
/// each: the release step of a `serve` deployment, which has no READY event to do it on. Every
/// scope is tried before any is retried; a rejected token is the one error for all.
pub async fn register(config: Config, faq: Faq) -> Result<Vec<ScopeResult>, RunError> {
    let Some((token, source)) = &config.token else {
        return Err(RunError::MissingToken);
    };
    let api = Api::of(&config);
    let http = http(token, config.api_url.as_deref());
    let application = match config.application_id {
        Some(id) => serenity::all::ApplicationId::new(id),
        None => {
            http.get_current_application_info()
                .await
                .map_err(|e| preflight(e, &api, *source))?
                .id
        }
    };
    http.set_application_id(application);
    let payload = commands::registration(&crate::core::catalogue::Catalogue::with_menu(
        &faq,
        &config.message_command,
    ));
    let scopes = registration::scopes(&config.guilds);
    let results = registration::register_once(&http, &payload, &scopes, 5).await;
    let rejected = results.iter().any(|(_, result)| {
        matches!(result, Registered::Failed(serenity::Error::Http(HttpError::UnsuccessfulRequest(r))) if r.status_code.as_u16() == 401)
    });
    if rejected {
        return Err(RunError::Rejected {
            how: "HTTP 401",
            fix: token_fix(*source),
        });
    }
    Ok(results
        .into_iter()
        .map(|(scope, result)| match result {
            Registered::Done(count) => (scope.to_string(), Ok(count)),
            Registered::Failed(e) => (scope.to_string(), Err(e.to_string())),
        })
        .collect())
}

/// Whether Discord may accept the same request later: a rate limit, its own failures and the
/// network's, never a refusal (missing permission, unknown channel).
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

/// The HTTP client. Through a proxy (`api_url`), serenity's own rate limiter must be off for
/// the proxy's URL to be used at all; the proxy then owns rate limiting. Whatever is sent
/// without its own `allowed_mentions` pings no one: every reply names the one user it may
/// ping, and a send path added later cannot fall back to Discord's "parse everything".
fn http(token: &Token, api_url: Option<&str>) -> serenity::http::Http {
    let builder = HttpBuilder::new(token.expose())
        .default_allowed_mentions(serenity::all::CreateAllowedMentions::new());
    match api_url {
        Some(url) => builder.proxy(url).ratelimiter_disabled(true).build(),
        None => builder.build(),
    }
}

fn preflight(error: serenity::Error, api: &Api, source: TokenSource) -> RunError {
    match error {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => {
            match (response.status_code.as_u16(), api.origin) {
                (401, _) => RunError::Rejected {
                    how: "HTTP 401",
                    fix: token_fix(source),
                },
                // Discord's API answers the token check with 200 or 401; a 404 or 405 means
                // the configured URL is something else.
                (status @ (404 | 405), Some(origin)) => RunError::NotDiscord {
                    url: api.url.clone(),
                    status,
                    origin,
                },
                (status, _) => RunError::Refused {
                    what: "the token check",
                    status,
                },
            }
        }
        serenity::Error::Http(HttpError::Request(e)) => RunError::Unreachable {
            url: api.url.clone(),
            // reqwest's message names the URL; the root cause says why it failed.
            reason: root_cause(&e),
            hint: api
                .origin
                .map(|origin| format!(", or {origin}"))
                .unwrap_or_default(),
        },
        serenity::Error::Gateway(GatewayError::InvalidAuthentication) => RunError::Rejected {
            how: "gateway close code 4004",
            fix: token_fix(source),
        },
        other => RunError::Gateway(other.to_string()),
    }
}

fn root_cause(error: &dyn std::error::Error) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM; only ctrl-c stops faqbot");
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
