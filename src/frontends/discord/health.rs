//! Whether faqbot can answer right now, told truthfully to whoever asks: `/healthz` (200, or
//! 503 with the reason), the `faqbot_ready` metric, and systemd (READY once, WATCHDOG while
//! healthy).
//!
//! The gateway bot (`run`) is ready while every shard that has connected is connected; its
//! watchdog is fed only while, in addition, each shard's last heartbeat was acknowledged, so a
//! connection that went quiet without closing stops the watchdog and systemd restarts faqbot.
//! The endpoint (`serve`) is ready while it listens and is not shutting down.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serenity::all::{ShardId, ShardManager};
use serenity::gateway::ConnectionStage;
use tokio::sync::watch;

use super::{bind, RunError};
use crate::ops::metrics::metrics;
use crate::ops::service;

/// How faqbot reaches Discord, which decides what "ready" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Gateway,
    Endpoint,
}

/// Can faqbot answer now, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ready,
    /// Not ready, with the one-line reason `/healthz` gives.
    NotReady(&'static str),
}

/// What faqbot knows of its own health.
pub struct Health {
    mode: Mode,
    /// The gateway's shards, once the client exists (`run`).
    shards: OnceLock<Arc<ShardManager>>,
    /// Shards that have been ready once: each must be connected for the bot to be.
    known: Mutex<HashSet<ShardId>>,
    /// `serve` listens.
    listening: AtomicBool,
    closing: AtomicBool,
}

impl std::fmt::Debug for Health {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Health")
            .field("mode", &self.mode)
            .field("closing", &self.closing)
            .finish_non_exhaustive()
    }
}

impl Health {
    /// The health of a gateway bot, not connected yet.
    pub fn gateway() -> Arc<Self> {
        Arc::new(Self::new(Mode::Gateway))
    }

    /// The health of an interactions endpoint, not listening yet.
    pub fn endpoint() -> Arc<Self> {
        Arc::new(Self::new(Mode::Endpoint))
    }

    fn new(mode: Mode) -> Self {
        Self {
            mode,
            shards: OnceLock::new(),
            known: Mutex::new(HashSet::new()),
            listening: AtomicBool::new(false),
            closing: AtomicBool::new(false),
        }
    }

    /// The gateway client's shards, to watch.
    pub fn watch_shards(&self, shards: Arc<ShardManager>) {
        let _ = self.shards.set(shards);
    }

    /// A shard said READY: from now on it must stay connected.
    pub fn shard_ready(&self, shard: ShardId) {
        self.known
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(shard);
    }

    /// The endpoint takes requests.
    pub fn listening(&self) {
        self.listening.store(true, Ordering::SeqCst);
    }

    /// Shutting down: no longer ready, whatever else holds.
    pub fn closing(&self) {
        self.closing.store(true, Ordering::SeqCst);
        metrics().set_ready(false);
    }

    /// Whether faqbot can answer now, and each shard's heartbeat state (gateway only).
    async fn check(&self) -> (Status, bool) {
        if self.closing.load(Ordering::SeqCst) {
            return (Status::NotReady("shutting down"), false);
        }
        if self.mode == Mode::Endpoint {
            return if self.listening.load(Ordering::SeqCst) {
                (Status::Ready, true)
            } else {
                (Status::NotReady("starting"), false)
            };
        }
        let known: Vec<ShardId> = self
            .known
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .copied()
            .collect();
        let Some(shards) = self.shards.get().filter(|_| !known.is_empty()) else {
            return (Status::NotReady("connecting"), false);
        };
        let runners = shards.runners.lock().await;
        let mut acknowledged = true;
        for shard in &known {
            match runners.get(shard) {
                Some(runner) if runner.stage == ConnectionStage::Connected => {
                    // serenity keeps the latency of the last heartbeat acknowledged since the
                    // shard (re)connected; none means no acknowledgement yet.
                    acknowledged &= runner.latency.is_some();
                }
                _ => return (Status::NotReady("reconnecting"), false),
            }
        }
        (Status::Ready, acknowledged)
    }

    /// Whether faqbot can answer now.
    pub async fn status(&self) -> Status {
        self.check().await.0
    }
}

/// `GET /healthz`: 200 `ok` while faqbot can answer, else 503 with the reason.
pub async fn healthz(State(health): State<Arc<Health>>) -> Response {
    match health.status().await {
        Status::Ready => (StatusCode::OK, "ok\n").into_response(),
        Status::NotReady(reason) => {
            (StatusCode::SERVICE_UNAVAILABLE, format!("{reason}\n")).into_response()
        }
    }
}

/// Serves `/metrics` and `/healthz` on the admin listener, when the admin named one.
pub async fn serve_admin(listen: Option<&str>, health: Arc<Health>) -> Result<(), RunError> {
    let Some(listen) = listen else {
        return Ok(());
    };
    let listener = bind(listen).await?;
    if let Ok(local) = listener.local_addr() {
        tracing::info!(metrics = %local, "serving metrics and health");
    }
    let routes = axum::Router::new()
        .route("/metrics", get(super::endpoint::metrics))
        .route("/healthz", get(healthz))
        .with_state(health);
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, routes).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
    Ok(())
}

/// How often health is looked at when systemd asks for no faster watchdog.
const TICK: Duration = Duration::from_secs(1);

/// Watches health for the life of the process: keeps `faqbot_ready` current, logs each change
/// of state once, tells systemd READY=1 the first time faqbot is ready and `settled` says the
/// rest of start-up is done (the commands registered), and feeds systemd's watchdog while
/// healthy.
pub async fn monitor(health: Arc<Health>, mut settled: watch::Receiver<bool>) {
    let watchdog = service::watchdog_interval();
    let mut tick = tokio::time::interval(watchdog.map_or(TICK, |w| w.min(TICK)));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut fed: Option<tokio::time::Instant> = None;
    let mut announced = false;
    let mut last = Status::NotReady("starting");
    let mut was_ready = false;
    loop {
        tick.tick().await;
        let (status, acknowledged) = health.check().await;
        metrics().set_ready(status == Status::Ready);
        if status != last {
            match status {
                Status::Ready if was_ready => tracing::info!("the gateway connection is back"),
                Status::NotReady("reconnecting") => {
                    tracing::warn!("the gateway connection is down; reconnecting");
                }
                _ => {}
            }
            last = status;
        }
        was_ready |= status == Status::Ready;
        if status == Status::NotReady("shutting down") {
            return;
        }
        if !announced && status == Status::Ready && *settled.borrow_and_update() {
            announced = true;
            service::ready(match health.mode {
                Mode::Gateway => "connected; commands registered",
                Mode::Endpoint => "answering interactions",
            });
        }
        let due = |every: Duration| fed.is_none_or(|at| at.elapsed() + every / 10 >= every);
        if announced && acknowledged && watchdog.is_some_and(due) {
            service::watchdog();
            fed = Some(tokio::time::Instant::now());
        }
    }
}
