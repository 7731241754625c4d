//! Where faqbot keeps what it remembers beyond one interaction, behind one interface with two
//! engines: SQLite, embedded and the default, for a bot that runs as one process; PostgreSQL
//! (`database = "postgres://…"`), for replicas and shard processes that must remember
//! together. Both keep the same insight; PostgreSQL also shares the votes cast and the public
//! answers posted lately, which a single process keeps in its own memory.
//!
//! Front ends never wait on a write: `record` and `remember` queue. Only `recall`, asked
//! before a first public post or a first vote goes out, waits, and never longer than a small
//! part of Discord's window (SQLite has nothing to add to the process's own memory, and
//! answers at once).

use std::time::Duration;

use jiff::Timestamp;

use crate::core::bot::{Lookup, Posted, Recall};
use crate::ops::config::{Config, InsightsAt};
use crate::ops::insights::{Insights, Record};
use crate::ops::postgres::Postgres;

/// The store a bot writes to.
#[derive(Debug, Clone)]
pub enum Store {
    /// SQLite: insight only; the process's memory is the only one that decides.
    Local(Insights),
    /// PostgreSQL, shared by every replica.
    Shared(Postgres),
}

impl Store {
    /// The store the config names, opened; one log line says which, or why there is none.
    /// A store that cannot be opened is logged, and the bot answers without it rather than
    /// not at all. Must be called inside the Tokio runtime.
    pub fn open(config: &Config) -> Option<Self> {
        if let Some(database) = &config.database {
            let insight = config.insights_at != InsightsAt::Off;
            return match Postgres::open(
                &database.config,
                insight,
                config.repeat_window,
                config.insights_retention,
            ) {
                Ok(store) => {
                    tracing::info!(database = %database.shown, insight, "remembering in PostgreSQL, with every replica");
                    Some(Self::Shared(store))
                }
                Err(e) => {
                    tracing::error!(database = %database.shown, error = %e, "cannot use the database; answering without it");
                    Some(Self::Local(Insights::unavailable()))
                }
            };
        }
        let Some(path) = config.insights_db.as_ref() else {
            match config.insights_at {
                InsightsAt::NoStateFolder => tracing::warn!(
                    "insight is off: no state folder (set STATE_DIRECTORY, XDG_STATE_HOME or HOME, \
                     or `insights_db` in the config)"
                ),
                _ => tracing::info!("insight is off (`insights = false`)"),
            }
            return None;
        };
        match Insights::open(path, config.insights_retention) {
            Ok(insights) => {
                tracing::info!(db = %path.display(), "recording insight");
                Some(Self::Local(insights))
            }
            Err(e) => {
                tracing::error!(db = %path.display(), error = %e, "cannot open the insights database; answering without it");
                Some(Self::Local(Insights::unavailable()))
            }
        }
    }

    /// Queues an insight record.
    pub fn record(&self, record: Record, now: Timestamp) {
        match self {
            Self::Local(insights) => insights.record(record, now),
            Self::Shared(store) => store.record(record, now),
        }
    }

    /// Queues a public answer for other replicas to know of (SQLite has none to tell).
    pub fn remember(&self, posted: Posted) {
        if let Self::Shared(store) = self {
            store.remember(posted);
        }
    }

    /// What other replicas know of a first post or vote about to go out, if anything.
    pub async fn recall(&self, lookup: Lookup, now: Timestamp) -> Option<Recall> {
        match self {
            Self::Local(_) => None,
            Self::Shared(store) => store.recall(lookup, now).await,
        }
    }

    /// Waits, at most `patience`, until what was queued is written.
    pub async fn flush(&self, patience: Duration) -> bool {
        match self {
            Self::Local(insights) => {
                let insights = insights.clone();
                tokio::task::spawn_blocking(move || insights.flush(patience))
                    .await
                    .unwrap_or(false)
            }
            Self::Shared(store) => store.flush(patience).await,
        }
    }
}
