//! The shared store: what replicas of faqbot remember together, in PostgreSQL. Insight (the
//! same tables and privacy as the SQLite engine), the votes cast (a hash of member and answer,
//! so that a vote counts once whichever replica takes it, also after restarts) and the public
//! answers posted lately (so that a repeat through another replica is still a repeat).
//!
//! Answering never waits on the database: records go to a bounded queue in memory that one
//! task writes in batches, after the answer went out; what an interaction needs to know (the
//! channel's recent answers, a vote already cast) is asked with a short patience, and when the
//! database does not answer in time the replica decides from its own memory. While the
//! database is down the queue holds what is to be written, up to [`QUEUE`] records (beyond
//! that they are dropped and counted, with one log line a minute); when it is back the queue
//! drains. Each batch carries an id written in its own transaction, so a batch retried after
//! an acknowledgement was lost is not counted twice.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use jiff::Timestamp;
use tokio_postgres::NoTls;

use crate::core::bot::{Lookup, Posted, Recall};
use crate::core::memory::Earlier;
use crate::ops::insights::{
    capped, day, first_reported, normalize, oldest_kept, report_sql, sql, Asked, Record, Report,
    INSIGHT_TABLES,
};
use crate::ops::metrics::metrics;

/// Records waiting to be written at most; beyond it, new ones are dropped and counted. About
/// 2 MB of memory at its fullest, and some minutes of a busy bot's answers.
pub const QUEUE: usize = 10_000;
/// Records written in one transaction at most.
const BATCH: usize = 256;
/// How long an interaction waits for what the other replicas know before it is decided from
/// this replica's memory alone: a small part of Discord's 3-second window.
pub const RECALL_PATIENCE: Duration = Duration::from_millis(250);
/// How long connecting may take before the attempt counts as failed.
const CONNECT_PATIENCE: Duration = Duration::from_secs(3);
/// How long writing a batch (or migrating, or sweeping) may take before it counts as failed:
/// a connection gone quiet must not hold the writer for ever.
const WRITE_PATIENCE: Duration = Duration::from_secs(30);
/// How long a batch is remembered as written: far beyond any retry of it.
const BATCHES_KEPT: jiff::SignedDuration = jiff::SignedDuration::from_hours(48);
/// The advisory lock replicas take to migrate the schema one at a time.
const MIGRATION_LOCK: i64 = 0x6661_7162_6f74; // "faqbot"

/// `config` as faqbot connects with it: connecting gives up after [`CONNECT_PATIENCE`] (unless
/// the URL says otherwise), and a connection whose peer vanished (a database host down, a
/// network cut) is noticed in seconds, not after the kernel's hours.
fn patient(config: &tokio_postgres::Config) -> tokio_postgres::Config {
    let mut config = config.clone();
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(CONNECT_PATIENCE);
    }
    config.application_name("faqbot");
    config.keepalives(true);
    config.keepalives_idle(Duration::from_secs(30));
    #[cfg(target_os = "linux")]
    config.tcp_user_timeout(Duration::from_secs(20));
    config
}

mod embedded {
    refinery::embed_migrations!("migrations/postgres");
}

/// A failure of the database, as the log shows it.
type Failure = Box<dyn std::error::Error + Send + Sync>;

/// One thing to write.
#[derive(Debug)]
enum Item {
    Record(Record, Timestamp),
    Posted(Posted),
    /// A vote cast, with insight off: shared so that it counts once, never counted.
    Voter(crate::core::memory::VoteBy, Timestamp),
}

/// The handle every front end holds: cheap to clone, never blocks.
#[derive(Debug, Clone)]
pub struct Postgres {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    pool: Pool,
    config: tokio_postgres::Config,
    queue: Mutex<VecDeque<Item>>,
    /// Wakes the writer when the queue was empty.
    wake: tokio::sync::Notify,
    /// Records queued or being written: zero when everything is in the database.
    pending: tokio::sync::watch::Sender<usize>,
    /// Whether the last write went through.
    up: AtomicBool,
    /// Whether insight is kept (`insights = false` keeps only what replicas share to decide).
    insight: bool,
    /// How long a public answer counts as just posted.
    window: Duration,
    retention: Duration,
    /// Drops not yet said in the log, and when the log last said so.
    drops: Mutex<(u64, Option<Instant>)>,
}

impl Postgres {
    /// The store on the database `config` points to. Nothing is connected yet: the writer
    /// migrates the schema (under an advisory lock, so replicas starting together take turns)
    /// and retries until the database answers, while the bot answers regardless. Must be
    /// called inside the Tokio runtime, which the writer runs on.
    pub fn open(
        config: &tokio_postgres::Config,
        insight: bool,
        window: Duration,
        retention: Duration,
    ) -> Result<Self, Failure> {
        let config = patient(config);
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(8)
            .runtime(Runtime::Tokio1)
            .create_timeout(Some(CONNECT_PATIENCE))
            .wait_timeout(Some(CONNECT_PATIENCE))
            .build()?;
        let inner = Arc::new(Inner {
            pool,
            config,
            queue: Mutex::new(VecDeque::new()),
            wake: tokio::sync::Notify::new(),
            pending: tokio::sync::watch::Sender::new(0),
            up: AtomicBool::new(true),
            insight,
            window,
            retention,
            drops: Mutex::new((0, None)),
        });
        crate::ops::tasks::watched("database writer", keep_writing(Arc::clone(&inner)));
        Ok(Self { inner })
    }

    /// Queues an insight record, to be written after the answer went out.
    pub fn record(&self, record: Record, now: Timestamp) {
        match record {
            _ if self.inner.insight => self.inner.push(Item::Record(record, now)),
            Record::Voted { by: Some(by), .. } => self.inner.push(Item::Voter(by, now)),
            _ => {}
        }
    }

    /// Queues a public answer for the other replicas to know.
    pub fn remember(&self, posted: Posted) {
        if !self.inner.window.is_zero() {
            self.inner.push(Item::Posted(posted));
        }
    }

    /// What the other replicas know of a first post or vote about to go out: `None` when the
    /// database is down or slower than [`RECALL_PATIENCE`] (the replica then decides alone).
    pub async fn recall(&self, lookup: Lookup, now: Timestamp) -> Option<Recall> {
        if !self.inner.up.load(Ordering::Relaxed) {
            return None;
        }
        match tokio::time::timeout(RECALL_PATIENCE, self.inner.recall(lookup, now)).await {
            Ok(Ok(recall)) => Some(recall),
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "the shared store could not say what it knows; deciding alone");
                None
            }
            Err(_) => {
                tracing::debug!("the shared store is slow; deciding alone");
                None
            }
        }
    }

    /// Waits, at most `patience`, until every record queued so far is written.
    pub async fn flush(&self, patience: Duration) -> bool {
        let mut pending = self.inner.pending.subscribe();
        tokio::time::timeout(patience, pending.wait_for(|n| *n == 0))
            .await
            .is_ok_and(|seen| seen.is_ok())
    }
}

impl Inner {
    fn push(&self, item: Item) {
        {
            let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
            if queue.len() >= QUEUE {
                drop(queue);
                self.dropped();
                return;
            }
            queue.push_back(item);
            // Counted under the queue's lock: the writer takes what it counts off the same way.
            self.pending.send_modify(|n| *n += 1);
        }
        metrics().set_database_queue(*self.pending.borrow());
        self.wake.notify_one();
    }

    /// Counts a record dropped for want of room; says so once a minute at most.
    fn dropped(&self) {
        metrics().insight_dropped();
        let mut drops = self.drops.lock().unwrap_or_else(|e| e.into_inner());
        drops.0 += 1;
        if drops
            .1
            .is_none_or(|at| at.elapsed() >= Duration::from_secs(60))
        {
            tracing::error!(
                dropped = drops.0,
                queue = QUEUE,
                "the database is not taking writes and the queue is full: records are dropped and counted"
            );
            *drops = (0, Some(Instant::now()));
        }
    }

    /// The database failed to take a write: said in the metric, and in the log once a minute.
    fn down(&self, error: &Failure, last_said: &mut Option<Instant>) {
        self.up.store(false, Ordering::Relaxed);
        metrics().set_database_up(false);
        if last_said.is_none_or(|at| at.elapsed() >= Duration::from_secs(60)) {
            let queued = *self.pending.borrow();
            tracing::error!(error = %error, queued, "the database is not taking writes; records wait in memory and are retried");
            *last_said = Some(Instant::now());
        }
    }

    async fn recall(&self, lookup: Lookup, now: Timestamp) -> Result<Recall, Failure> {
        let client = self.pool.get().await?;
        let post = async {
            let Some(key) = lookup.post else {
                return Ok(None);
            };
            let since = now.as_millisecond() - self.window.as_millis() as i64;
            let statement = client
                .prepare_cached(
                    "SELECT at, link FROM posts WHERE channel = $1 AND answer = $2 AND at > $3",
                )
                .await?;
            let (channel, answer) = (key.channel.get() as i64, key.answer as i64);
            let row = client
                .query_opt(&statement, &[&channel, &answer, &since])
                .await?;
            Ok::<_, tokio_postgres::Error>(row.and_then(|row| {
                let at = Timestamp::from_millisecond(row.get(0)).ok()?;
                Some(Earlier {
                    at,
                    link: row.get(1),
                })
            }))
        };
        let voted = async {
            let Some(vote) = lookup.vote else {
                return Ok(false);
            };
            let statement = client
                .prepare_cached("SELECT vote FROM voters WHERE vote = $1")
                .await?;
            let row = client
                .query_opt(&statement, &[&(vote.get() as i64)])
                .await?;
            Ok::<_, tokio_postgres::Error>(row.is_some())
        };
        let (post, voted) = tokio::try_join!(post, voted)?;
        Ok(Recall { post, voted })
    }
}

/// Writes what is queued, batch after batch, for the life of the process; a batch the
/// database refuses is retried (with jittered backoff) until it goes in, while what comes
/// meanwhile waits in the queue.
async fn keep_writing(inner: Arc<Inner>) {
    use backon::BackoffBuilder;
    let replica = replica_id();
    let backoff = || {
        backon::ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(200))
            .with_max_delay(Duration::from_secs(5))
            .with_jitter()
            .without_max_times()
            .build()
    };
    let mut last_said: Option<Instant> = None;
    let mut delays = backoff();
    // The schema first, at start-up; until the database answers, records wait in the queue.
    loop {
        let ready = async {
            migrate(&inner.config).await?;
            // A connection in the pool before the first interaction needs one.
            drop(inner.pool.get().await?);
            Ok::<_, Failure>(())
        };
        match tokio::time::timeout(WRITE_PATIENCE, ready).await {
            Ok(Ok(())) => break,
            Ok(Err(e)) => inner.down(&e, &mut last_said),
            Err(_) => inner.down(&"no answer in time".into(), &mut last_said),
        }
        tokio::time::sleep(delays.next().unwrap_or(Duration::from_secs(5))).await;
    }
    inner.up.store(true, Ordering::Relaxed);
    metrics().set_database_up(true);
    tracing::info!("the database is ready");
    let mut asked = Asked::default();
    let mut last_sweep: Option<Timestamp> = None;
    let mut written: u64 = 0;
    loop {
        let batch: Vec<Item> = loop {
            {
                let mut queue = inner.queue.lock().unwrap_or_else(|e| e.into_inner());
                if !queue.is_empty() {
                    let take = queue.len().min(BATCH);
                    break queue.drain(..take).collect();
                }
            }
            inner.wake.notified().await;
        };
        written += 1;
        let id = format!("{replica}-{written}");
        let mut delays = backoff();
        loop {
            let written = tokio::time::timeout(
                WRITE_PATIENCE,
                write_or_skip(&inner.pool, &id, &batch, &mut asked),
            )
            .await
            .unwrap_or_else(|_| Err("no answer in time".into()));
            match written {
                Ok(()) => {
                    if !inner.up.swap(true, Ordering::Relaxed) {
                        tracing::info!("the database takes writes again; the queue drains");
                    }
                    metrics().set_database_up(true);
                    break;
                }
                Err(e) => {
                    inner.down(&e, &mut last_said);
                    tokio::time::sleep(delays.next().unwrap_or(Duration::from_secs(5))).await;
                }
            }
        }
        inner
            .pending
            .send_modify(|n| *n = n.saturating_sub(batch.len()));
        metrics().set_database_queue(*inner.pending.borrow());
        let now = Timestamp::now();
        if last_sweep.is_none_or(|at| now.duration_since(at).as_secs() > 3600) {
            match tokio::time::timeout(WRITE_PATIENCE, sweep(&inner.pool, now, inner.retention))
                .await
            {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "the database: cannot delete old records")
                }
                Err(_) => tracing::error!("the database: deleting old records took too long"),
            }
            last_sweep = Some(now);
        }
    }
}

/// An id no other replica (or earlier run of this one) uses: batches are known by it.
fn replica_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_i64(Timestamp::now().as_nanosecond() as i64);
    format!("{:016x}", hasher.finish())
}

/// Brings the schema up to date, one replica at a time: the lock is held on a connection of
/// its own, released when it closes.
async fn migrate(config: &tokio_postgres::Config) -> Result<(), Failure> {
    let (mut client, connection) = config.connect(NoTls).await?;
    let connection = tokio::spawn(connection);
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    // A database a newer faqbot migrated further still serves this one (a rolling upgrade, a
    // rollback): its migrations only ever add.
    let report = embedded::migrations::runner()
        .set_abort_missing(false)
        .run_async(&mut client)
        .await?;
    for migration in report.applied_migrations() {
        tracing::info!(migration = %migration, "the database's schema was migrated");
    }
    drop(client);
    let _ = connection.await;
    Ok(())
}

/// Whether the database refused what it was sent rather than failed to take it: an error
/// that sending it again cannot mend (bad data, a schema another version changed), as
/// opposed to a connection lost, a timeout, a serialization failure or a server shutting down
/// (SQLSTATE classes 08, 40, 53, 57).
fn refused(error: &Failure) -> bool {
    let Some(error) = error.downcast_ref::<tokio_postgres::Error>() else {
        return false;
    };
    error.code().is_some_and(|code| {
        !["08", "40", "53", "57"]
            .iter()
            .any(|class| code.code().starts_with(class))
    })
}

/// Writes the batch; should the database refuse it (not merely fail to take it), writes its
/// items one by one instead, dropping and counting those it refuses, so that one bad record
/// never stops the writer.
async fn write_or_skip(
    pool: &Pool,
    id: &str,
    batch: &[Item],
    asked: &mut Asked,
) -> Result<(), Failure> {
    match write(pool, id, batch, asked).await {
        Err(e) if refused(&e) => {
            for (n, item) in batch.iter().enumerate() {
                let one = std::slice::from_ref(item);
                match write(pool, &format!("{id}/{n}"), one, asked).await {
                    Err(e) if refused(&e) => {
                        tracing::error!(error = %e, "the database refused a record; it is dropped and counted");
                        metrics().insight_dropped();
                    }
                    other => other?,
                }
            }
            Ok(())
        }
        other => other,
    }
}

/// Writes one batch in one transaction, unless a transaction with its id was committed before.
async fn write(pool: &Pool, id: &str, batch: &[Item], asked: &mut Asked) -> Result<(), Failure> {
    let mut client = pool.get().await?;
    let transaction = client.transaction().await?;
    let today = day(Timestamp::now());
    let fresh = transaction
        .execute(
            "INSERT INTO batches (id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&id, &today],
        )
        .await?;
    if fresh == 1 {
        // Answers are counted per day and topic: a batch adds each count once, however many
        // answers of it the batch holds.
        let mut answers: std::collections::BTreeMap<(String, &str), i64> = Default::default();
        for item in batch {
            if let Item::Record(Record::Answered { topic, question }, now) = item {
                if let Some((key, question)) = question {
                    asked.remember(*key, question);
                }
                *answers.entry((day(*now), topic.as_str())).or_default() += 1;
            } else {
                apply(&transaction, item, asked).await?;
            }
        }
        if !answers.is_empty() {
            let statement = transaction
                .prepare_cached(
                    "INSERT INTO answers (day, topic, count) VALUES ($1, $2, $3)
                     ON CONFLICT (day, topic) DO UPDATE SET count = answers.count + $3",
                )
                .await?;
            for ((day, topic), count) in &answers {
                transaction
                    .execute(&statement, &[day, topic, count])
                    .await?;
            }
        }
    }
    transaction.commit().await?;
    Ok(())
}

/// Writes one item other than an answer (which [`write`] counts per batch).
async fn apply(
    client: &impl GenericClient,
    item: &Item,
    asked: &mut Asked,
) -> Result<(), tokio_postgres::Error> {
    let (record, now) = match item {
        Item::Posted(posted) => {
            let statement = client
                .prepare_cached(
                    "INSERT INTO posts (channel, answer, at, link) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (channel, answer) DO UPDATE
                     SET at = EXCLUDED.at, link = COALESCE(EXCLUDED.link, posts.link)
                     WHERE posts.at <= EXCLUDED.at",
                )
                .await?;
            let channel = posted.key.channel.get() as i64;
            let answer = posted.key.answer as i64;
            let at = posted.at.as_millisecond();
            client
                .execute(&statement, &[&channel, &answer, &at, &posted.link])
                .await?;
            return Ok(());
        }
        Item::Voter(by, now) => {
            let statement = client
                .prepare_cached(
                    "INSERT INTO voters (vote, day) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .await?;
            client
                .execute(&statement, &[&(by.get() as i64), &day(*now)])
                .await?;
            return Ok(());
        }
        Item::Record(record, now) => (record, day(*now)),
    };
    match record {
        Record::Answered { .. } => {}
        Record::Voted {
            topic,
            helpful,
            question,
            by,
        } => {
            if let Some(by) = by {
                let statement = client
                    .prepare_cached(
                        "INSERT INTO voters (vote, day) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    )
                    .await?;
                let first = client
                    .execute(&statement, &[&(by.get() as i64), &now])
                    .await?;
                if first == 0 {
                    // Cast before, through another replica or before a restart: counted once.
                    return Ok(());
                }
            }
            let (up, down) = if *helpful { (1i64, 0i64) } else { (0, 1) };
            let statement = client
                .prepare_cached(
                    "INSERT INTO votes (day, topic, helpful, unhelpful) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (day, topic) DO UPDATE SET helpful = votes.helpful + $3,
                                                             unhelpful = votes.unhelpful + $4",
                )
                .await?;
            client
                .execute(&statement, &[&now, topic, &up, &down])
                .await?;
            if !helpful {
                let wording = asked.wording(*question);
                let statement = client
                    .prepare_cached(
                        "INSERT INTO unhelpful (day, key, topic, question) VALUES ($1, $2, $3, $4)",
                    )
                    .await?;
                let key = format!("{question:016x}");
                client
                    .execute(&statement, &[&now, &key, topic, &wording])
                    .await?;
            }
        }
        Record::Unanswered { question, outcome } => {
            let question = capped(question);
            let statement = client
                .prepare_cached(
                    "INSERT INTO unanswered (day, question, normalized, outcome)
                     VALUES ($1, $2, $3, $4)",
                )
                .await?;
            client
                .execute(
                    &statement,
                    &[&now, &question, &normalize(&question), &outcome.label()],
                )
                .await?;
        }
        Record::Picked { question, topic } => {
            let question = capped(question);
            let statement = client.prepare_cached(sql::PICKED).await?;
            client
                .execute(&statement, &[&now, &question, &normalize(&question), topic])
                .await?;
        }
        Record::Asked(moment) => {
            let statement = client.prepare_cached(sql::ASKED).await?;
            let flag = |on: bool| i32::from(on);
            client
                .execute(
                    &statement,
                    &[
                        &now,
                        &i32::from(moment.slot),
                        &flag(moment.contact),
                        &flag(moment.open),
                    ],
                )
                .await?;
        }
    }
    Ok(())
}

/// Deletes insight older than the retention window, posts older than a day and batch ids
/// older than two.
async fn sweep(pool: &Pool, now: Timestamp, retention: Duration) -> Result<(), Failure> {
    let client = pool.get().await?;
    let oldest = oldest_kept(now, retention);
    for table in INSIGHT_TABLES {
        client
            .execute(&format!("DELETE FROM {table} WHERE day < $1"), &[&oldest])
            .await?;
    }
    let batches = day(now.checked_sub(BATCHES_KEPT).unwrap_or(now));
    client
        .execute("DELETE FROM batches WHERE day < $1", &[&batches])
        .await?;
    let posts = now.as_millisecond() - 86_400_000;
    client
        .execute("DELETE FROM posts WHERE at < $1", &[&posts])
        .await?;
    Ok(())
}

/// What `faqbot report` shows, from the shared database: every replica's insight. Reading
/// changes nothing: a database no faqbot has written to yet is an empty report.
pub async fn report(
    config: &tokio_postgres::Config,
    days: u32,
    limit: usize,
    now: Timestamp,
) -> Result<Report, Failure> {
    match read_report(config, days, limit, now).await {
        Err(e)
            if e.downcast_ref::<tokio_postgres::Error>()
                .and_then(tokio_postgres::Error::code)
                == Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE) =>
        {
            Ok(Report {
                days,
                ..Report::default()
            })
        }
        other => other,
    }
}

async fn read_report(
    config: &tokio_postgres::Config,
    days: u32,
    limit: usize,
    now: Timestamp,
) -> Result<Report, Failure> {
    let (client, connection) = patient(config).connect(NoTls).await?;
    let connection = tokio::spawn(connection);
    let since = first_reported(days, now);
    let limit = limit as i64;
    let rows = |sql: &'static str| {
        let client = &client;
        let since = &since;
        async move { client.query(sql, &[since, &limit]).await }
    };
    let count = |row: &tokio_postgres::Row, i: usize| row.get::<_, i64>(i) as u64;
    let topics = rows(report_sql::TOPICS)
        .await?
        .iter()
        .map(|row| crate::ops::insights::TopicCount {
            topic: row.get(0),
            answers: count(row, 1),
        })
        .collect();
    let unanswered = rows(report_sql::UNANSWERED)
        .await?
        .iter()
        .map(|row| crate::ops::insights::QuestionCount {
            question: row.get(0),
            count: count(row, 1),
            unsure: count(row, 2),
        })
        .collect();
    let helpfulness = rows(report_sql::HELPFULNESS)
        .await?
        .iter()
        .map(|row| crate::ops::insights::Helpfulness {
            topic: row.get(0),
            helpful: count(row, 1),
            unhelpful: count(row, 2),
        })
        .collect();
    let unhelpful = rows(report_sql::UNHELPFUL)
        .await?
        .iter()
        .map(|row| crate::ops::insights::Unhelpful {
            question: row.get(0),
            topic: row.get(1),
            count: count(row, 2),
        })
        .collect();
    let every = |sql: &'static str, since: String| {
        let client = &client;
        async move { client.query(sql, &[&since, &i64::MAX]).await }
    };
    let daily = crate::ops::insights::days(
        every(report_sql::DAILY, since.clone())
            .await?
            .iter()
            .map(|row| (row.get(0), row.get(1), count(row, 2))),
    );
    let week = every(report_sql::WEEK, since.clone())
        .await?
        .iter()
        .map(|row| crate::ops::insights::SlotCount {
            slot: row.get::<_, i64>(0).clamp(0, 167) as u8,
            contact: row.get::<_, i64>(1) != 0,
            open: row.get::<_, i64>(2) != 0,
            count: count(row, 3),
        })
        .collect();
    let picked = rows(report_sql::PICKED)
        .await?
        .iter()
        .map(|row| crate::ops::insights::Picked {
            question: row.get(0),
            topic: row.get(1),
            count: count(row, 2),
        })
        .collect();
    let dismissed = every(report_sql::DISMISSED, String::new())
        .await?
        .iter()
        .map(|row| row.get(0))
        .collect();
    drop(client);
    let _ = connection.await;
    Ok(Report {
        days,
        topics,
        unanswered,
        helpfulness,
        unhelpful,
        daily,
        week,
        picked,
        dismissed,
    })
}

/// Takes `question` off the keeper's inbox, for every replica.
pub async fn dismiss(
    config: &tokio_postgres::Config,
    question: &str,
    now: Timestamp,
) -> Result<(), Failure> {
    let (client, connection) = patient(config).connect(NoTls).await?;
    let connection = tokio::spawn(connection);
    let question = capped(question);
    client
        .execute(
            crate::ops::insights::sql::DISMISS,
            &[&normalize(&question), &question, &day(now)],
        )
        .await?;
    drop(client);
    let _ = connection.await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::ChannelId;
    use crate::core::memory::RepeatKey;
    use crate::core::reply::Outcome;

    fn drops() -> f64 {
        metrics()
            .render()
            .lines()
            .find_map(|line| {
                line.strip_prefix("faqbot_insight_drops_total ")?
                    .parse()
                    .ok()
            })
            .unwrap_or(0.0)
    }

    /// With no database to write to, the queue holds what it can and no more: the rest is
    /// dropped and counted, and the bot decides from its own memory without waiting.
    #[tokio::test]
    async fn a_full_queue_drops_and_counts_what_does_not_fit() {
        // Nothing listens on port 1: every attempt to connect fails at once.
        let config: tokio_postgres::Config =
            "postgres://faqbot@127.0.0.1:1/faqbot".parse().unwrap();
        let store = Postgres::open(
            &config,
            true,
            Duration::from_secs(60),
            Duration::from_secs(86_400),
        )
        .unwrap();
        let before = drops();
        let now = Timestamp::now();
        for n in 0..QUEUE + 3 {
            store.record(
                Record::Unanswered {
                    question: format!("question {n}"),
                    outcome: Outcome::Refused,
                },
                now,
            );
        }
        assert_eq!(*store.inner.pending.borrow(), QUEUE, "the queue is bounded");
        assert!(drops() - before >= 3.0, "the drops are counted");
        assert!(
            !store.flush(Duration::from_millis(50)).await,
            "nothing was written"
        );
        let lookup = Lookup {
            post: Some(RepeatKey {
                channel: ChannelId::new(5),
                answer: 9,
            }),
            vote: None,
        };
        assert_eq!(store.recall(lookup, now).await, None, "decided alone");
    }
}
