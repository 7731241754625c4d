//! What people ask: answers per topic per day, and the `/ask` questions the FAQ could not answer,
//! kept in SQLite for `faqbot report`: the list a FAQ maintainer turns into keywords and topics.
//!
//! Privacy by construction: only question text (capped) and topic ids are stored, never a user,
//! guild or channel id; and only two kinds of text: questions asked of the bot that it could not
//! answer, and questions whose answer someone marked 👎. The wording of other answered
//! questions stays in the writer's memory for a while, to name a 👎 should one come, and is
//! never written. Writing never delays an answer: records go through a bounded queue to one
//! writer thread, and when it falls behind they are dropped and counted. Database errors are
//! logged, never passed to users. SQLite runs in WAL mode, so `report` reads while the bot writes.

use std::path::Path;
use std::time::Duration;
use tokio::sync::mpsc::error::TrySendError;
use tokio::sync::mpsc::{channel, Receiver, Sender};

use jiff::Timestamp;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::core::text::words;

/// Longest question stored, in characters.
const QUESTION_CHARS: usize = 300;
/// Records waiting for the writer before new ones are dropped. tokio's queue takes its room
/// in blocks of 32 as records come, where std's bounded channel reserved all of it at start
/// (88 KiB resident for a bot that may never fall behind).
const QUEUE: usize = 1024;
/// The schema version this build writes; older databases are migrated up to it.
const SCHEMA_VERSION: i64 = 4;
/// Answered questions whose wording is remembered (in memory only) for a 👎 to name.
const REMEMBERED_QUESTIONS: usize = 4096;

/// One thing worth remembering about an interaction, as the core decided it.
pub use crate::core::pipeline::Insight as Record;

/// What the writer thread is sent.
#[derive(Debug)]
enum Message {
    Record(Record, Timestamp),
    /// Everything sent before is written: say so on this channel.
    Flush(std::sync::mpsc::Sender<()>),
    /// Makes the writer panic, as a bug would: what a test of its restart sends.
    #[cfg(test)]
    Panic,
}

/// Why insight cannot be kept.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the folder it goes in: {0}")]
    Folder(std::io::Error),
    #[error(transparent)]
    Database(#[from] rusqlite::Error),
    #[error("cannot start its writer: {0}")]
    Writer(std::io::Error),
}

/// The sending side: cheap to clone, never blocks.
#[derive(Debug, Clone)]
pub struct Insights {
    queue: Sender<Message>,
}

impl Insights {
    /// Opens (creating and migrating) the database at `path` and starts the writer thread,
    /// which also deletes what is older than `retention`.
    pub fn open(path: &Path, retention: Duration) -> Result<Self, OpenError> {
        create_folder(path).map_err(OpenError::Folder)?;
        let connection = open(path)?;
        let (queue, mut records) = channel(QUEUE);
        let path = path.to_path_buf();
        std::thread::Builder::new()
            .name("insights".into())
            .spawn(move || keep_writing(connection, &mut records, &path, retention))
            .map_err(OpenError::Writer)?;
        Ok(Self { queue })
    }

    /// Insight that cannot be kept (its database would not open): every record is counted
    /// as dropped, so that the alert on dropped insight tells the admin.
    pub fn unavailable() -> Self {
        let (queue, _) = channel(1);
        Self { queue }
    }

    /// Queues a record; if the writer is behind, or gone, drops it and counts the drop.
    pub fn record(&self, record: Record, now: Timestamp) {
        match self.queue.try_send(Message::Record(record, now)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => crate::ops::metrics::metrics().insight_dropped(),
            Err(TrySendError::Closed(_)) => {
                static SAID: std::sync::Once = std::sync::Once::new();
                SAID.call_once(|| {
                    tracing::error!("insight is not being written (no database, or its writer stopped): records are dropped and counted");
                });
                crate::ops::metrics::metrics().insight_dropped();
            }
        }
    }

    /// Waits, at most `patience`, until every record queued so far is in the database: what a
    /// bot shutting down does before it exits. Blocks the calling thread.
    pub fn flush(&self, patience: Duration) -> bool {
        let (done, written) = std::sync::mpsc::channel();
        let deadline = std::time::Instant::now() + patience;
        let mut message = Message::Flush(done);
        // The queue may be full: wait for room, but not past the deadline.
        loop {
            match self.queue.try_send(message) {
                Ok(()) => break,
                Err(TrySendError::Full(back)) if std::time::Instant::now() < deadline => {
                    message = back;
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(_) => return false,
            }
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        written.recv_timeout(left).is_ok()
    }
}

/// Creates the folder the database goes in (the state folder, on first use), readable by
/// this user only: the questions people asked are in it.
fn create_folder(path: &Path) -> std::io::Result<()> {
    let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) else {
        return Ok(());
    };
    // Recursive: a folder that is there already is fine, and keeps its mode.
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// Opens the database and brings its schema up to date.
fn open(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(Duration::from_secs(5))?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    migrate(&connection)?;
    Ok(connection)
}

/// Each step takes the schema from one version to the next; `user_version` says where it is.
fn migrate(connection: &Connection) -> rusqlite::Result<()> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version < 1 {
        connection.execute_batch(
            "BEGIN;
             CREATE TABLE answers (
                 day TEXT NOT NULL,
                 topic TEXT NOT NULL,
                 count INTEGER NOT NULL,
                 PRIMARY KEY (day, topic)
             );
             CREATE TABLE unanswered (
                 id INTEGER PRIMARY KEY,
                 day TEXT NOT NULL,
                 question TEXT NOT NULL,
                 normalized TEXT NOT NULL,
                 outcome TEXT NOT NULL
             );
             CREATE INDEX unanswered_day ON unanswered (day);
             PRAGMA user_version = 1;
             COMMIT;",
        )?;
    }
    if version < 2 {
        // Votes: 👍/👎 per topic and day, and the questions whose answers did not help, by the
        // key of the question, with its wording when it was still remembered. Never who voted.
        connection.execute_batch(
            "BEGIN;
             CREATE TABLE votes (
                 day TEXT NOT NULL,
                 topic TEXT NOT NULL,
                 helpful INTEGER NOT NULL,
                 unhelpful INTEGER NOT NULL,
                 PRIMARY KEY (day, topic)
             );
             CREATE TABLE unhelpful (
                 id INTEGER PRIMARY KEY,
                 day TEXT NOT NULL,
                 key TEXT NOT NULL,
                 topic TEXT NOT NULL,
                 question TEXT NOT NULL
             );
             CREATE INDEX unhelpful_day ON unhelpful (day);
             PRAGMA user_version = 2;
             COMMIT;",
        )?;
    }
    if version < 3 {
        // The votes cast, as a hash of member and answer: a vote counts once, also after a
        // restart has emptied the bot's memory of them.
        connection.execute_batch(
            "BEGIN;
             CREATE TABLE voters (
                 vote INTEGER PRIMARY KEY,
                 day TEXT NOT NULL
             );
             CREATE INDEX voters_day ON voters (day);
             PRAGMA user_version = 3;
             COMMIT;",
        )?;
    }
    if version < 4 {
        // The keeper's desk: the topics helpers picked for messages faqbot was unsure about
        // (their words, never whose), the questions the keeper took off the inbox, and when
        // questions come (hour of the week in the contact's zone; counts only).
        connection.execute_batch(KEEPERS_DESK)?;
    }
    debug_assert_eq!(
        SCHEMA_VERSION, 4,
        "add a migration step for each new version"
    );
    Ok(())
}

/// Schema step 4 (PostgreSQL's is `migrations/postgres/V2__keepers_desk.sql`).
const KEEPERS_DESK: &str = "BEGIN;
CREATE TABLE picked (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    topic TEXT NOT NULL
);
CREATE INDEX picked_day ON picked (day);
CREATE TABLE dismissed (
    normalized TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    day TEXT NOT NULL
);
CREATE TABLE asked (
    day TEXT NOT NULL,
    slot INTEGER NOT NULL,
    about_contact INTEGER NOT NULL,
    while_open INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, slot, about_contact, while_open)
);
PRAGMA user_version = 4;
COMMIT;";

/// Writes until every sender is gone. Should writing panic (a bug), the records of the batch
/// it was writing are counted as dropped, the death is logged and counted, and a fresh writer takes over
/// the same queue: insight is never silently lost for the rest of the run.
fn keep_writing(
    mut connection: Connection,
    records: &mut Receiver<Message>,
    path: &Path,
    retention: Duration,
) {
    // Records of the batch being written, not yet committed: lost if writing panics. What was
    // taken off the queue and not yet written stays for the next writer.
    let pending = std::cell::Cell::new(0);
    let taken = std::cell::RefCell::new(std::collections::VecDeque::new());
    loop {
        let writing = std::panic::AssertUnwindSafe(|| {
            write(&connection, records, &taken, path, retention, &pending)
        });
        if std::panic::catch_unwind(writing).is_ok() {
            return;
        }
        let metrics = crate::ops::metrics::metrics();
        metrics.task_failed("insight writer");
        metrics.insights_dropped(pending.replace(0));
        drop(connection);
        match open(path) {
            Ok(fresh) => {
                tracing::error!(db = %path.display(), "the insight writer panicked; a new one took over (the records it was writing are lost, and counted)");
                connection = fresh;
            }
            Err(e) => {
                tracing::error!(db = %path.display(), error = %e, "the insight writer panicked and the database cannot be opened again: insight is dropped and counted from now on");
                return;
            }
        }
    }
}

/// Records written in one transaction at most: what queued while the last batch was written
/// goes in together, so a busy bot commits once for many records instead of once for each.
const BATCH: usize = 256;

fn write(
    connection: &Connection,
    records: &mut Receiver<Message>,
    taken: &std::cell::RefCell<std::collections::VecDeque<Message>>,
    path: &Path,
    retention: Duration,
    pending: &std::cell::Cell<u64>,
) {
    let mut last_sweep: Option<Timestamp> = None;
    let mut asked = Asked::default();
    let mut failures: u64 = 0;
    let mut last_said: Option<std::time::Instant> = None;
    let mut failed = |e: &rusqlite::Error, count: u64| {
        crate::ops::metrics::metrics().insights_dropped(count);
        // A full disk fails every write: one line a minute says so, with how many.
        failures += count;
        if last_said.is_none_or(|at: std::time::Instant| at.elapsed() >= Duration::from_secs(60)) {
            tracing::error!(db = %path.display(), error = %e, failures, "insights: cannot write; records are dropped and counted");
            last_said = Some(std::time::Instant::now());
            failures = 0;
        }
    };
    loop {
        if taken.borrow().is_empty() {
            // The writer is a thread of its own, outside the runtime: it may block.
            let Some(first) = records.blocking_recv() else {
                return;
            };
            let mut taken = taken.borrow_mut();
            taken.push_back(first);
            while taken.len() < BATCH {
                match records.try_recv() {
                    Ok(message) => taken.push_back(message),
                    Err(_) => break,
                }
            }
        }
        let mut flushes = Vec::new();
        let mut written = 0;
        let transaction = connection.execute_batch("BEGIN");
        loop {
            let Some(message) = taken.borrow_mut().pop_front() else {
                break;
            };
            let (record, now) = match message {
                Message::Record(record, now) => {
                    pending.set(pending.get() + 1);
                    (record, now)
                }
                // Answered once what came before it is committed.
                Message::Flush(done) => {
                    flushes.push(done);
                    continue;
                }
                #[cfg(test)]
                Message::Panic => panic!("the insight writer, made to panic by a test"),
            };
            if last_sweep.is_none_or(|at| now.duration_since(at).as_secs() > 3600) {
                if let Err(e) = sweep(connection, now, retention) {
                    tracing::error!(db = %path.display(), error = %e, "insights: cannot delete old records");
                }
                last_sweep = Some(now);
            }
            match insert(connection, &mut asked, &record, now) {
                Ok(()) => written += 1,
                Err(e) => failed(&e, 1),
            }
        }
        if transaction.is_ok() {
            if let Err(e) = connection.execute_batch("COMMIT") {
                // Nothing of the batch reached the disk.
                let _ = connection.execute_batch("ROLLBACK");
                failed(&e, written);
            }
        }
        pending.set(0);
        for done in flushes {
            let _ = done.send(());
        }
    }
}

pub(crate) fn day(now: Timestamp) -> String {
    now.strftime("%Y-%m-%d").to_string()
}

/// The wording of recently answered questions, by key: in memory only, for a 👎 to name.
#[derive(Debug)]
pub(crate) struct Asked(lru::LruCache<u64, String>);

impl Asked {
    /// Keeps the wording of the question answered under `key`, capped.
    pub(crate) fn remember(&mut self, key: u64, question: &str) {
        self.0.put(key, capped(question));
    }

    /// The wording of the question answered under `key`; empty when it is forgotten.
    pub(crate) fn wording(&mut self, key: u64) -> String {
        self.0.get(&key).cloned().unwrap_or_default()
    }
}

impl Default for Asked {
    fn default() -> Self {
        Self(crate::core::memory::lru(REMEMBERED_QUESTIONS))
    }
}

/// `question` trimmed and capped to [`QUESTION_CHARS`].
pub(crate) fn capped(question: &str) -> String {
    // No NUL: PostgreSQL's text refuses it, and no question needs one.
    let question: String = question
        .trim()
        .chars()
        .filter(|c| *c != '\0')
        .take(QUESTION_CHARS)
        .collect();
    question.trim_end().to_owned()
}

fn insert(
    connection: &Connection,
    asked: &mut Asked,
    record: &Record,
    now: Timestamp,
) -> rusqlite::Result<()> {
    match record {
        Record::Answered { topic, question } => {
            if let Some((key, question)) = question {
                asked.remember(*key, question);
            }
            connection
                .prepare_cached(
                    "INSERT INTO answers (day, topic, count) VALUES (?1, ?2, 1)
                 ON CONFLICT (day, topic) DO UPDATE SET count = count + 1",
                )?
                .execute(params![day(now), topic])?
        }
        Record::Voted {
            topic,
            helpful,
            question,
            by,
        } => {
            if let Some(by) = by {
                let first = connection
                    .prepare_cached("INSERT OR IGNORE INTO voters (vote, day) VALUES (?1, ?2)")?
                    .execute(params![by.get() as i64, day(now)])?;
                if first == 0 {
                    // Cast before this restart: counted once.
                    return Ok(());
                }
            }
            let (up, down) = if *helpful { (1, 0) } else { (0, 1) };
            connection
                .prepare_cached(
                    "INSERT INTO votes (day, topic, helpful, unhelpful) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (day, topic) DO UPDATE SET helpful = helpful + ?3,
                                                         unhelpful = unhelpful + ?4",
                )?
                .execute(params![day(now), topic, up, down])?;
            if !helpful {
                let wording = asked.wording(*question);
                connection
                    .prepare_cached(
                        "INSERT INTO unhelpful (day, key, topic, question) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![
                        day(now),
                        format!("{question:016x}"),
                        topic,
                        wording
                    ])?;
            }
            1
        }
        Record::Unanswered { question, outcome } => {
            let question = capped(question);
            let question = question.as_str();
            connection
                .prepare_cached("INSERT INTO unanswered (day, question, normalized, outcome) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![day(now), question, normalize(question), outcome.label()])?
        }
        Record::Picked { question, topic } => {
            let question = capped(question);
            connection.prepare_cached(sql::PICKED)?.execute(params![
                day(now),
                question,
                normalize(&question),
                topic
            ])?
        }
        Record::Asked(moment) => connection.prepare_cached(sql::ASKED)?.execute(params![
            day(now),
            moment.slot,
            moment.contact,
            moment.open
        ])?,
    };
    Ok(())
}

/// The tables of insight, each with its `day`: what the retention window deletes from.
pub(crate) const INSIGHT_TABLES: [&str; 8] = [
    "answers",
    "unanswered",
    "votes",
    "unhelpful",
    "voters",
    "picked",
    "dismissed",
    "asked",
];

/// Statements both engines run, in the `$n` form both read.
pub(crate) mod sql {
    /// A helper's pick: day, question, normalized, topic.
    pub const PICKED: &str =
        "INSERT INTO picked (day, question, normalized, topic) VALUES ($1, $2, $3, $4)";
    /// A question's moment: day, slot, about the contact, while open.
    pub const ASKED: &str = "INSERT INTO asked (day, slot, about_contact, while_open, count)
         VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (day, slot, about_contact, while_open) DO UPDATE SET count = asked.count + 1";
    /// A question taken off the inbox: normalized, question, day.
    pub const DISMISS: &str =
        "INSERT INTO dismissed (normalized, question, day) VALUES ($1, $2, $3)
         ON CONFLICT (normalized) DO UPDATE SET question = $2, day = $3";
}

/// The first day kept when records older than `retention` are deleted.
pub(crate) fn oldest_kept(now: Timestamp, retention: Duration) -> String {
    day(now
        .checked_sub(jiff::SignedDuration::try_from(retention).unwrap_or_default())
        .unwrap_or(now))
}

/// The first day a report of the last `days` days reads.
pub(crate) fn first_reported(days: u32, now: Timestamp) -> String {
    day(now
        .checked_sub(jiff::SignedDuration::from_hours(
            24 * i64::from(days.saturating_sub(1)),
        ))
        .unwrap_or(now))
}

/// The report's queries, in the SQL SQLite and PostgreSQL both read: `$1` is the first day to
/// read, `$2` the most rows; counts are BIGINT.
pub(crate) mod report_sql {
    pub const TOPICS: &str = "SELECT topic, CAST(SUM(count) AS BIGINT) AS n FROM answers
         WHERE day >= $1 GROUP BY topic ORDER BY n DESC, topic LIMIT $2";
    /// Grouped by normalized text, shown in the wording recorded last.
    pub const UNANSWERED: &str = "SELECT (SELECT question FROM unanswered AS latest
             WHERE latest.normalized = u.normalized ORDER BY id DESC LIMIT 1),
             COUNT(*) AS n, COUNT(*) FILTER (WHERE outcome = 'unsure')
         FROM unanswered AS u WHERE day >= $1 AND normalized != ''
         GROUP BY normalized ORDER BY n DESC, normalized LIMIT $2";
    pub const HELPFULNESS: &str =
        "SELECT topic, CAST(SUM(helpful) AS BIGINT), CAST(SUM(unhelpful) AS BIGINT)
         FROM votes WHERE day >= $1
         GROUP BY topic ORDER BY SUM(helpful) + SUM(unhelpful) DESC, topic LIMIT $2";
    /// By question key and topic, in the last wording kept (empty when none was).
    pub const UNHELPFUL: &str = "SELECT COALESCE((SELECT question FROM unhelpful AS latest
             WHERE latest.key = u.key AND latest.question != '' ORDER BY id DESC LIMIT 1), ''),
             u.topic, COUNT(*) AS n
         FROM unhelpful AS u WHERE u.day >= $1
         GROUP BY u.key, u.topic ORDER BY n DESC, u.topic LIMIT $2";
    /// Questions per day by outcome: `answered` (topics shown), `unsure`, `refused`.
    pub const DAILY: &str = "SELECT day, 'answered' AS outcome, CAST(SUM(count) AS BIGINT) AS n
         FROM answers WHERE day >= $1 GROUP BY day
         UNION ALL
         SELECT day, outcome, COUNT(*) AS n FROM unanswered WHERE day >= $1 GROUP BY day, outcome
         ORDER BY 1, 2 LIMIT $2";
    /// Questions by hour of the week, about the contact or not, while open or not.
    pub const WEEK: &str = "SELECT CAST(slot AS BIGINT), CAST(about_contact AS BIGINT),
             CAST(while_open AS BIGINT), CAST(SUM(count) AS BIGINT)
         FROM asked WHERE day >= $1
         GROUP BY slot, about_contact, while_open ORDER BY 1, 2, 3 LIMIT $2";
    /// The topics helpers picked, by question (grouped by normalized text) and topic.
    pub const PICKED: &str = "SELECT (SELECT question FROM picked AS latest
             WHERE latest.normalized = p.normalized ORDER BY id DESC LIMIT 1),
             p.topic, COUNT(*) AS n
         FROM picked AS p WHERE p.day >= $1 AND p.normalized != ''
         GROUP BY p.normalized, p.topic ORDER BY n DESC, p.topic LIMIT $2";
    /// The questions taken off the inbox (read with the first day empty: all kept).
    pub const DISMISSED: &str =
        "SELECT question FROM dismissed WHERE day >= $1 ORDER BY question LIMIT $2";
}

/// Deletes what is older than the retention window.
fn sweep(connection: &Connection, now: Timestamp, retention: Duration) -> rusqlite::Result<()> {
    let oldest = oldest_kept(now, retention);
    for table in INSIGHT_TABLES {
        connection.execute(
            &format!("DELETE FROM {table} WHERE day < ?1"),
            params![oldest],
        )?;
    }
    Ok(())
}

/// Questions that differ only in case, accents and punctuation count as one.
pub(crate) fn normalize(question: &str) -> String {
    words(question).collect::<Vec<_>>().join(" ")
}

/// What `faqbot report` shows.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct Report {
    pub days: u32,
    /// Topics by how often they were shown, most first.
    pub topics: Vec<TopicCount>,
    /// Questions without a sure answer, grouped by normalized text, most frequent first.
    pub unanswered: Vec<QuestionCount>,
    /// 👍 and 👎 per topic, most voted first.
    pub helpfulness: Vec<Helpfulness>,
    /// Questions whose answer got 👎, most often first: the FAQ maintainer's to-do list.
    pub unhelpful: Vec<Unhelpful>,
    /// Questions per day, by outcome, oldest day first (days with none left out).
    pub daily: Vec<DayCount>,
    /// Questions by hour of the week in the contact's zone.
    pub week: Vec<SlotCount>,
    /// The topics helpers picked for messages faqbot was unsure about, most often first.
    pub picked: Vec<Picked>,
    /// Questions the keeper took off the inbox.
    pub dismissed: Vec<String>,
}

/// One day's questions by outcome.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct DayCount {
    pub day: String,
    pub answered: u64,
    pub unsure: u64,
    pub refused: u64,
}

/// Questions in one hour of the week.
#[derive(Debug, Serialize, PartialEq)]
pub struct SlotCount {
    /// Hours since Monday 00:00, in the contact's zone: 0 to 167.
    pub slot: u8,
    /// Answered with the hours (about reaching customer care).
    pub contact: bool,
    /// Whether the line was open.
    pub open: bool,
    pub count: u64,
}

/// A helper's pick: a suggested label for a question.
#[derive(Debug, Serialize, PartialEq)]
pub struct Picked {
    pub question: String,
    pub topic: String,
    pub count: u64,
}

/// The days' rows of [`report_sql::DAILY`], one [`DayCount`] a day.
pub(crate) fn days(rows: impl IntoIterator<Item = (String, String, u64)>) -> Vec<DayCount> {
    let mut days: Vec<DayCount> = Vec::new();
    for (day, outcome, n) in rows {
        if days.last().is_none_or(|last| last.day != day) {
            days.push(DayCount {
                day,
                ..DayCount::default()
            });
        }
        let Some(last) = days.last_mut() else {
            continue;
        };
        match outcome.as_str() {
            "answered" => last.answered += n,
            "unsure" => last.unsure += n,
            _ => last.refused += n,
        }
    }
    days
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Helpfulness {
    pub topic: String,
    pub helpful: u64,
    pub unhelpful: u64,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Unhelpful {
    /// The question as last asked; empty when its wording was not kept.
    pub question: String,
    /// The topic it was answered with.
    pub topic: String,
    pub count: u64,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct TopicCount {
    pub topic: String,
    pub answers: u64,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct QuestionCount {
    /// The most recent wording of the question.
    pub question: String,
    pub count: u64,
    /// How often the bot was unsure (offered topics) rather than refusing.
    pub unsure: u64,
}

/// The days and the number of rows a report reads.
struct Window<'a> {
    connection: &'a Connection,
    since: String,
    limit: i64,
}

impl Window<'_> {
    /// The rows of `sql`, whose `$1` is the first day to read and `$2` the most rows.
    fn rows<T>(
        &self,
        sql: &str,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        self.connection
            .prepare(sql)?
            .query_map(params![self.since, self.limit], row)?
            .collect()
    }
}

/// Takes `question` off the keeper's inbox (and its near-copies with it), in the database at
/// `path`, created if need be.
pub fn dismiss(path: &Path, question: &str, now: Timestamp) -> Result<(), OpenError> {
    create_folder(path).map_err(OpenError::Folder)?;
    let connection = open(path)?;
    let question = capped(question);
    connection.execute(
        sql::DISMISS,
        params![normalize(&question), question, day(now)],
    )?;
    Ok(())
}

/// Reads the last `days` days from the database at `path`, `limit` rows of each list at most.
/// A database that does not exist yet is an empty report: reading never creates one.
pub fn report(path: &Path, days: u32, limit: usize, now: Timestamp) -> rusqlite::Result<Report> {
    if !path.exists() {
        return Ok(Report {
            days,
            ..Report::default()
        });
    }
    let connection = open(path)?;
    let window = Window {
        connection: &connection,
        since: first_reported(days, now),
        limit: limit as i64,
    };
    let count = |row: &rusqlite::Row<'_>, i| row.get::<_, i64>(i).map(|n| n as u64);
    let topics = window.rows(report_sql::TOPICS, |row| {
        Ok(TopicCount {
            topic: row.get(0)?,
            answers: count(row, 1)?,
        })
    })?;
    let unanswered = window.rows(report_sql::UNANSWERED, |row| {
        Ok(QuestionCount {
            question: row.get(0)?,
            count: count(row, 1)?,
            unsure: count(row, 2)?,
        })
    })?;
    let helpfulness = window.rows(report_sql::HELPFULNESS, |row| {
        Ok(Helpfulness {
            topic: row.get(0)?,
            helpful: count(row, 1)?,
            unhelpful: count(row, 2)?,
        })
    })?;
    let unhelpful = window.rows(report_sql::UNHELPFUL, |row| {
        Ok(Unhelpful {
            question: row.get(0)?,
            topic: row.get(1)?,
            count: count(row, 2)?,
        })
    })?;
    let picked = window.rows(report_sql::PICKED, |row| {
        Ok(Picked {
            question: row.get(0)?,
            topic: row.get(1)?,
            count: count(row, 2)?,
        })
    })?;
    let every = Window {
        limit: i64::MAX,
        ..window
    };
    let daily = self::days(every.rows(report_sql::DAILY, |row| {
        Ok((row.get(0)?, row.get(1)?, count(row, 2)?))
    })?);
    let week = every.rows(report_sql::WEEK, |row| {
        Ok(SlotCount {
            slot: row.get::<_, i64>(0)?.clamp(0, 167) as u8,
            contact: row.get::<_, i64>(1)? != 0,
            open: row.get::<_, i64>(2)? != 0,
            count: count(row, 3)?,
        })
    })?;
    let dismissed = Window {
        since: String::new(),
        ..every
    }
    .rows(report_sql::DISMISSED, |row| row.get(0))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::reply::Outcome;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn records_are_counted_grouped_and_expire() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        let connection = open(&path).unwrap();
        let mut asked = Asked::default();
        let now = at("2026-11-25T10:00:00Z");
        let answered = |topic: &str| Record::Answered {
            topic: topic.into(),
            question: None,
        };
        let unanswered = |q: &str, outcome| Record::Unanswered {
            question: q.into(),
            outcome,
        };
        for record in [
            answered("logo"),
            answered("logo"),
            answered("un"),
            unanswered("How do I mount an ISO file?", Outcome::Refused),
            unanswered("how do i mount an iso file", Outcome::Refused),
            unanswered("who writes the standards", Outcome::Unsure),
            unanswered(&"long ".repeat(500), Outcome::Refused),
        ] {
            insert(&connection, &mut asked, &record, now).unwrap();
        }
        insert(
            &connection,
            &mut asked,
            &answered("funding"),
            at("2026-06-01T10:00:00Z"),
        )
        .unwrap();

        let report = report(&path, 30, 10, now).unwrap();
        assert_eq!(
            report.topics,
            [
                TopicCount {
                    topic: "logo".into(),
                    answers: 2
                },
                TopicCount {
                    topic: "un".into(),
                    answers: 1
                },
            ]
        );
        assert_eq!(report.unanswered[0].question, "how do i mount an iso file");
        assert_eq!(
            (report.unanswered[0].count, report.unanswered[0].unsure),
            (2, 0)
        );
        let long = report
            .unanswered
            .iter()
            .find(|q| q.question.starts_with("long"))
            .unwrap();
        assert_eq!(
            long.question.chars().count(),
            QUESTION_CHARS - 1,
            "capped (and trimmed)"
        );

        sweep(&connection, now, Duration::from_secs(90 * 86_400)).unwrap();
        let old: i64 = connection
            .query_row(
                "SELECT COUNT(*) FROM answers WHERE topic = 'funding'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(old, 0, "older than 90 days: gone");
    }

    /// A writer on a fresh database in a folder of its own (kept while the folder lives).
    fn writer() -> (tempfile::TempDir, std::path::PathBuf, Insights) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        let insights = Insights::open(&path, Duration::from_secs(90 * 86_400)).unwrap();
        (dir, path, insights)
    }

    #[test]
    fn the_writer_thread_stores_what_is_queued() {
        let (_dir, path, insights) = writer();
        let now = Timestamp::now();
        for _ in 0..500 {
            insights.record(
                Record::Answered {
                    topic: "logo".into(),
                    question: None,
                },
                now,
            );
        }
        assert!(insights.flush(Duration::from_secs(30)), "flushed");
        let report = report(&path, 1, 10, now).unwrap();
        assert_eq!(
            report.topics[0].answers, 500,
            "every queued record is written"
        );
    }

    #[test]
    fn a_writer_that_panics_is_replaced_and_nothing_after_it_is_lost() {
        let (_dir, path, insights) = writer();
        let now = Timestamp::now();
        let logo = || Record::Answered {
            topic: "logo".into(),
            question: None,
        };
        insights.record(logo(), now);
        assert!(insights.flush(Duration::from_secs(30)));
        insights.queue.blocking_send(Message::Panic).unwrap();
        for _ in 0..3 {
            insights.record(logo(), now);
        }
        assert!(
            insights.flush(Duration::from_secs(30)),
            "the new writer flushes"
        );
        let report = report(&path, 1, 10, now).unwrap();
        assert_eq!(report.topics[0].answers, 4, "before and after the panic");
        let rendered = crate::ops::metrics::metrics().render();
        assert!(
            rendered.lines().any(|l| l
                .starts_with("faqbot_task_failures_total{task=\"insight writer\"} ")
                && !l.ends_with(" 0")),
            "counted"
        );
    }

    #[test]
    fn votes_count_per_topic_and_name_the_questions_that_did_not_help() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        let connection = open(&path).unwrap();
        let mut asked = Asked::default();
        let now = at("2026-11-25T10:00:00Z");
        let answer = |key: u64, question: &str, topic: &str| Record::Answered {
            topic: topic.into(),
            question: Some((key, question.into())),
        };
        let vote = |key: u64, topic: &str, helpful| Record::Voted {
            topic: topic.into(),
            helpful,
            question: key,
            by: None,
        };
        for record in [
            answer(1, "can we print the logo on our boxes", "logo"),
            answer(2, "how do I join ISO as a person", "membership"),
            vote(1, "logo", false),
            vote(1, "logo", false),
            vote(1, "logo", true),
            vote(2, "membership", true),
            // A 👎 on a question whose wording has expired still counts.
            vote(3, "membership", false),
        ] {
            insert(&connection, &mut asked, &record, now).unwrap();
        }
        let report = report(&path, 30, 10, now).unwrap();
        assert_eq!(
            report.helpfulness,
            [
                Helpfulness {
                    topic: "logo".into(),
                    helpful: 1,
                    unhelpful: 2
                },
                Helpfulness {
                    topic: "membership".into(),
                    helpful: 1,
                    unhelpful: 1
                },
            ]
        );
        assert_eq!(
            report.unhelpful,
            [
                Unhelpful {
                    question: "can we print the logo on our boxes".into(),
                    topic: "logo".into(),
                    count: 2
                },
                Unhelpful {
                    question: String::new(),
                    topic: "membership".into(),
                    count: 1
                },
            ]
        );
        let mut db = std::fs::read(&path).unwrap_or_default();
        db.extend(std::fs::read(path.with_extension("db-wal")).unwrap_or_default());
        let db = String::from_utf8_lossy(&db);
        assert!(
            db.contains("can we print the logo on our boxes"),
            "a 👎 keeps its question"
        );
        assert!(
            !db.contains("how do I join ISO as a person"),
            "an answer nobody marked 👎 leaves no text behind"
        );
    }

    #[test]
    fn the_desk_reads_days_hours_picks_and_dismissals() {
        use crate::core::pipeline::Moment;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        let monday = at("2026-11-23T09:30:00Z");
        let tuesday = at("2026-11-24T20:00:00Z");
        {
            let connection = open(&path).unwrap();
            let mut asked = Asked::default();
            let mut put =
                |record: Record, now| insert(&connection, &mut asked, &record, now).unwrap();
            let answered = || Record::Answered {
                topic: "logo".into(),
                question: None,
            };
            put(answered(), monday);
            put(answered(), monday);
            put(
                Record::Unanswered {
                    question: "who pays for iso".into(),
                    outcome: Outcome::Unsure,
                },
                tuesday,
            );
            let moment = |slot, contact, open| {
                Record::Asked(Moment {
                    slot,
                    contact,
                    open,
                })
            };
            put(moment(10, true, true), monday);
            put(moment(10, true, true), monday);
            put(moment(44, true, false), tuesday);
            put(
                Record::Picked {
                    question: "who pays for ISO?".into(),
                    topic: "funding".into(),
                },
                tuesday,
            );
        }
        dismiss(&path, "How do I mount an ISO?", tuesday).unwrap();
        let report = report(&path, 30, 10, tuesday).unwrap();
        let days: Vec<(&str, u64, u64, u64)> = report
            .daily
            .iter()
            .map(|d| (d.day.as_str(), d.answered, d.unsure, d.refused))
            .collect();
        assert_eq!(days, [("2026-11-23", 2, 0, 0), ("2026-11-24", 0, 1, 0)]);
        assert_eq!(
            report.week,
            [
                SlotCount {
                    slot: 10,
                    contact: true,
                    open: true,
                    count: 2
                },
                SlotCount {
                    slot: 44,
                    contact: true,
                    open: false,
                    count: 1
                },
            ]
        );
        assert_eq!(
            report.picked,
            [Picked {
                question: "who pays for ISO?".into(),
                topic: "funding".into(),
                count: 1
            }]
        );
        assert_eq!(report.dismissed, ["How do I mount an ISO?"]);
    }

    #[test]
    fn a_database_from_before_votes_is_upgraded_and_keeps_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        let now = at("2026-11-25T10:00:00Z");
        {
            let connection = open(&path).unwrap();
            let record = Record::Answered {
                topic: "logo".into(),
                question: None,
            };
            insert(&connection, &mut Asked::default(), &record, now).unwrap();
            // Back to the schema of version 1.
            connection
                .execute_batch(
                    "DROP TABLE votes; DROP TABLE unhelpful; DROP TABLE voters;
                     DROP TABLE picked; DROP TABLE dismissed; DROP TABLE asked;
                     PRAGMA user_version = 1;",
                )
                .unwrap();
        }
        let connection = open(&path).unwrap();
        insert(
            &connection,
            &mut Asked::default(),
            &Record::Voted {
                topic: "logo".into(),
                helpful: true,
                question: 1,
                by: None,
            },
            now,
        )
        .unwrap();
        let report = report(&path, 30, 10, now).unwrap();
        assert_eq!(report.topics[0].answers, 1, "kept");
        assert_eq!(
            report.helpfulness[0].helpful, 1,
            "votes work after the upgrade"
        );
    }

    #[test]
    fn a_members_vote_on_an_answer_counts_once_also_after_a_restart() {
        use crate::core::ids::{MessageId, UserId};
        use crate::core::memory::VoteBy;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        let now = at("2026-11-25T10:00:00Z");
        let vote = |user: u64| Record::Voted {
            topic: "logo".into(),
            helpful: true,
            question: 1,
            by: Some(VoteBy::of(UserId::new(user), MessageId::new(77))),
        };
        for user in [1, 1, 2] {
            // Each vote through a freshly opened database, as after a restart.
            let connection = open(&path).unwrap();
            insert(&connection, &mut Asked::default(), &vote(user), now).unwrap();
        }
        let report = report(&path, 30, 10, now).unwrap();
        assert_eq!(report.helpfulness[0].helpful, 2, "{report:?}");
    }

    #[test]
    fn opening_twice_keeps_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("insights.db");
        drop(open(&path).unwrap());
        let connection = open(&path).unwrap();
        let version: i64 = connection
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
