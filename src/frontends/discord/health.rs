//! Whether faqbot can answer right now, told truthfully to whoever asks: `/healthz` (200, or
//! 503 with the reason), the `faqbot_ready` metric, and systemd (READY once, WATCHDOG while
//! healthy).
//!
//! The gateway bot (`run`) is ready while each of its shards is connected. Its watchdog is fed
//! only while, in addition, each shard's heartbeats are being acknowledged: serenity notes the
//! latency of each acknowledged heartbeat (and clears it when the shard reconnects), so a shard
//! whose last heartbeat went unacknowledged, or whose latency has not moved for
//! [`ACKNOWLEDGED_WITHIN`] (a shard runner that stopped running), stops the watchdog, and
//! systemd restarts faqbot. The endpoint (`serve`) is ready while it listens and is not
//! shutting down.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serenity::all::{ShardId, ShardManager};
use serenity::gateway::ConnectionStage;
use tokio::sync::watch;

use super::{bind, RunError};
use crate::frontends::desk;
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
    NotReady(Why),
}

/// Why faqbot cannot answer now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// `serve` does not listen yet.
    Starting,
    /// `run` checks the token, reaches the gateway, identifies.
    Connecting,
    /// A shard that was connected is not: serenity reconnects it.
    Reconnecting,
    ShuttingDown,
}

impl std::fmt::Display for Status {
    /// What `/healthz` and the keeper's desk say: `ok`, or why not.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Ready => f.write_str("ok"),
            Self::NotReady(why) => why.fmt(f),
        }
    }
}

impl std::fmt::Display for Why {
    /// The one line `/healthz` answers with.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Starting => "starting",
            Self::Connecting => "connecting",
            Self::Reconnecting => "reconnecting",
            Self::ShuttingDown => "shutting down",
        })
    }
}

/// How long a shard's heartbeat latency may stay the same before the watchdog takes the shard
/// for stuck: Discord asks for a heartbeat every 41¼ s, each acknowledgement gives a new
/// latency, so two missed ones and a little more.
pub const ACKNOWLEDGED_WITHIN: Duration = Duration::from_secs(100);

/// When a shard's heartbeat latency last changed, to tell a shard whose heartbeats are being
/// acknowledged from one whose last acknowledgement is old news.
#[derive(Debug, Clone, Copy)]
struct Heartbeats {
    latency: Option<Duration>,
    since: Instant,
}

impl Heartbeats {
    /// Takes note of the latency serenity shows at `now`; whether heartbeats are being
    /// acknowledged.
    fn acknowledged(&mut self, latency: Option<Duration>, now: Instant) -> bool {
        if latency != self.latency {
            *self = Self {
                latency,
                since: now,
            };
        }
        latency.is_some() && now.duration_since(self.since) < ACKNOWLEDGED_WITHIN
    }
}

/// What faqbot knows of its own health.
pub struct Health {
    mode: Mode,
    /// The gateway's shards, once the client exists (`run`).
    shards: OnceLock<Arc<ShardManager>>,
    /// Shards that have been ready once, and what their heartbeats showed last: each must be
    /// connected for the bot to be.
    known: Mutex<HashMap<ShardId, Heartbeats>>,
    /// How many shards the gateway gave the bot: until each has been ready, it is connecting.
    shards_total: AtomicU32,
    /// How many shards this process runs, when it runs a range of them (0: all of them).
    shards_here: AtomicU32,
    /// `serve` listens.
    listening: AtomicBool,
    /// Every shard has been connected at once: from then on, a shard not connected is one
    /// reconnecting.
    was_ready: AtomicBool,
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
            known: Mutex::new(HashMap::new()),
            shards_total: AtomicU32::new(1),
            shards_here: AtomicU32::new(0),
            listening: AtomicBool::new(false),
            was_ready: AtomicBool::new(false),
            closing: AtomicBool::new(false),
        }
    }

    /// The gateway client's shards, to watch.
    pub fn watch_shards(&self, shards: Arc<ShardManager>) {
        let _ = self.shards.set(shards);
    }

    /// This process runs `count` of the bot's shards: it is connected when those are.
    pub fn run_shards(&self, count: u32) {
        self.shards_here.store(count, Ordering::SeqCst);
    }

    /// Shard `shard` of `total` said READY: from now on it must stay connected.
    pub fn shard_ready(&self, shard: ShardId, total: u32) {
        self.shards_total.fetch_max(total, Ordering::SeqCst);
        self.known
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(shard)
            .or_insert(Heartbeats {
                latency: None,
                since: Instant::now(),
            });
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

    /// Whether faqbot can answer now, and whether every shard's heartbeats are being
    /// acknowledged (always, for `serve`).
    async fn check(&self) -> (Status, bool) {
        if self.closing.load(Ordering::SeqCst) {
            return (Status::NotReady(Why::ShuttingDown), false);
        }
        if self.mode == Mode::Endpoint {
            return if self.listening.load(Ordering::SeqCst) {
                (Status::Ready, true)
            } else {
                (Status::NotReady(Why::Starting), false)
            };
        }
        let Some(shards) = self.shards.get() else {
            return (Status::NotReady(Why::Connecting), false);
        };
        // serenity's view first (its lock is held briefly), then faqbot's own.
        let runners: Vec<(ShardId, ConnectionStage, Option<Duration>)> = shards
            .runners
            .lock()
            .await
            .iter()
            .map(|(id, runner)| (*id, runner.stage, runner.latency))
            .collect();
        let now = Instant::now();
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        let total = match self.shards_here.load(Ordering::SeqCst) {
            0 => self.shards_total.load(Ordering::SeqCst),
            here => here,
        } as usize;
        let mut acknowledged = true;
        let mut connected = known.len() >= total;
        for (shard, heartbeats) in known.iter_mut() {
            match runners.iter().find(|(id, ..)| id == shard) {
                Some((_, ConnectionStage::Connected, latency)) => {
                    acknowledged &= heartbeats.acknowledged(*latency, now);
                }
                _ => connected = false,
            }
        }
        if !connected {
            let why = if self.was_ready.load(Ordering::SeqCst) {
                Why::Reconnecting
            } else {
                Why::Connecting
            };
            return (Status::NotReady(why), false);
        }
        self.was_ready.store(true, Ordering::SeqCst);
        (Status::Ready, acknowledged)
    }

    /// Whether faqbot can answer now.
    pub async fn status(&self) -> Status {
        self.check().await.0
    }
}

/// `GET /healthz`: 200 `ok` while faqbot can answer, else 503 with the reason.
pub async fn healthz(State(health): State<Arc<Health>>) -> Response {
    let status = health.status().await;
    let code = match status {
        Status::Ready => StatusCode::OK,
        Status::NotReady(_) => StatusCode::SERVICE_UNAVAILABLE,
    };
    (code, format!("{status}\n")).into_response()
}

/// Serves `/metrics`, `/healthz` and the keeper's desk (`/`) on the admin listener, when the
/// admin named one.
pub async fn serve_admin(
    config: &crate::ops::config::Config,
    live: &Arc<crate::ops::live::Live>,
    health: Arc<Health>,
) -> Result<(), RunError> {
    let Some(listen) = config.metrics_listen.as_deref() else {
        return Ok(());
    };
    let listener = bind(listen).await?;
    let local = listener.local_addr().map_err(|e| RunError::Listen {
        addr: listen.to_owned(),
        reason: e.to_string(),
    })?;
    let checked = Arc::clone(&health);
    let status: desk::StatusLine = Arc::new(move || {
        let health = Arc::clone(&checked);
        Box::pin(async move { health.status().await.to_string() })
    });
    let desk = desk::Desk::new(Arc::clone(live), config.clone(), status, local);
    let access = match desk.access() {
        desk::access::Access::Open => "open (loopback)",
        desk::access::Access::Password(_) => "behind the password",
        desk::access::Access::Shut => {
            "shut: this address is not loopback and no admin_password_file is set"
        }
    };
    tracing::info!(metrics = %local, desk = access, "serving metrics, health and the keeper's desk");
    if matches!(desk.access(), desk::access::Access::Password(_)) && !local.ip().is_loopback() {
        tracing::warn!(metrics = %local, "the desk's password and session cross the network in clear on this address: put a TLS proxy in front of it (one that sets X-Forwarded-Proto: https), or listen on 127.0.0.1 and reach it through an SSH tunnel");
    }
    let routes = axum::Router::new()
        .route("/metrics", get(scrape))
        .route("/healthz", get(healthz))
        .with_state(health)
        .merge(desk::routes(Arc::new(desk)));
    crate::ops::tasks::watched("admin listener", async move {
        if let Err(e) = axum::serve(listener, routes).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
    Ok(())
}

/// Prometheus' scrape endpoint.
async fn scrape() -> axum::response::Response {
    use axum::response::IntoResponse;
    let content_type = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    (
        [(axum::http::header::CONTENT_TYPE, content_type)],
        metrics().render(),
    )
        .into_response()
}

/// How often health is looked at when systemd asks for no faster watchdog.
const TICK: Duration = Duration::from_secs(1);

/// Watches health for the life of the process: keeps `faqbot_ready` current, logs each change
/// of state once, tells systemd READY=1 the first time faqbot is ready and `settled` says the
/// rest of start-up is done (the commands tried in every scope), and feeds systemd's watchdog
/// while healthy. It runs on while faqbot stops and finishes the interactions in flight: its
/// end would be a task's failure, logged as an error, which an orderly stop must not be.
pub async fn monitor(health: Arc<Health>, mut settled: watch::Receiver<bool>) {
    let watchdog = service::watchdog_interval();
    let mut tick = tokio::time::interval(watchdog.map_or(TICK, |w| w.min(TICK)));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut fed: Option<tokio::time::Instant> = None;
    let mut announced = false;
    let mut last = Status::NotReady(Why::Starting);
    loop {
        tick.tick().await;
        let (status, acknowledged) = health.check().await;
        metrics().set_ready(status == Status::Ready);
        if status != last {
            match status {
                Status::Ready if last == Status::NotReady(Why::Reconnecting) => {
                    tracing::info!("the gateway connection is back");
                }
                Status::NotReady(Why::Reconnecting) => {
                    tracing::warn!("the gateway connection is down; reconnecting");
                }
                _ => {}
            }
            last = status;
        }
        if !announced && status == Status::Ready && *settled.borrow_and_update() {
            announced = true;
            service::ready(match health.mode {
                Mode::Gateway => "connected; commands sent to Discord",
                Mode::Endpoint => "answering interactions",
            });
            // Start-up is over: what it allocated and freed goes back to the kernel.
            crate::ops::heap::release_free_pages();
        }
        let due = |every: Duration| fed.is_none_or(|at| at.elapsed() + every / 10 >= every);
        if announced && acknowledged && watchdog.is_some_and(due) {
            service::watchdog();
            fed = Some(tokio::time::Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heartbeats_are_acknowledged_while_the_latency_moves() {
        let start = Instant::now();
        let at = |secs: u64| start + Duration::from_secs(secs);
        let mut heartbeats = Heartbeats {
            latency: None,
            since: start,
        };
        // Connected, no heartbeat acknowledged yet.
        assert!(!heartbeats.acknowledged(None, at(1)));
        let ms = Duration::from_millis;
        assert!(heartbeats.acknowledged(Some(ms(40)), at(42)));
        assert!(heartbeats.acknowledged(Some(ms(38)), at(83)));
        // The runner stopped: the same latency, minute after minute.
        assert!(heartbeats.acknowledged(Some(ms(38)), at(120)));
        assert!(!heartbeats.acknowledged(Some(ms(38)), at(184)));
        // Reconnected: serenity starts again with none.
        assert!(!heartbeats.acknowledged(None, at(190)));
        assert!(heartbeats.acknowledged(Some(ms(45)), at(231)));
    }

    /// The monitor is a task for the life of the process, watched as such (`ops::tasks`): if it
    /// ended when faqbot began to stop, every orderly stop that finishes an interaction in
    /// flight would log a task's failure.
    #[tokio::test(start_paused = true)]
    async fn the_monitor_runs_on_while_faqbot_stops() {
        let health = Health::endpoint();
        health.listening();
        let (_settled, settled) = watch::channel(true);
        let monitor = tokio::spawn(monitor(Arc::clone(&health), settled));
        tokio::time::sleep(TICK * 3).await;
        health.closing();
        tokio::time::sleep(TICK * 3).await;
        assert!(
            !monitor.is_finished(),
            "the monitor ended when faqbot began to stop"
        );
        monitor.abort();
    }
}
