//! Prometheus metrics: what the bot answered, how fast, and what went wrong, in the text format
//! a Prometheus server scrapes from `/metrics`.

use std::sync::LazyLock;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use crate::core::pipeline::Label;
use crate::core::reply::Outcome;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InteractionLabels {
    /// `command`, `autocomplete`, `button` or `ping`.
    kind: &'static str,
    /// The command; `other` for names faqbot does not register, so labels stay few.
    command: String,
    /// `answered`, `unsure`, `refused`, `notice` or `failed`.
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct TaskLabels {
    /// Which of faqbot's long-running tasks: `admin listener`, `insight writer`, …
    task: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ResultLabels {
    result: &'static str,
}

/// Every metric faqbot keeps.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    interactions: Family<InteractionLabels, Counter>,
    refusals: Counter,
    latency: Histogram,
    registration_failures: Counter,
    reloads: Family<ResultLabels, Counter>,
    insight_drops: Counter,
    task_failures: Family<TaskLabels, Counter>,
    ready: Gauge,
    faq_valid: Gauge,
    database_up: Gauge,
    database_queue: Gauge,
}

/// The long-running tasks whose failures are counted, shown at 0 from the start so that the
/// first failure is an increase an alert can see.
pub const TASKS: [&str; 6] = [
    "admin listener",
    "insight writer",
    "database writer",
    "health monitor",
    "presence",
    "reload watcher",
];

static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

/// The process's metrics.
pub fn metrics() -> &'static Metrics {
    &METRICS
}

impl Metrics {
    fn new() -> Self {
        let mut registry = Registry::with_prefix("faqbot");
        let interactions = Family::default();
        registry.register(
            "interactions",
            "Interactions answered, by kind, command and outcome",
            interactions.clone(),
        );
        let refusals = Counter::default();
        registry.register(
            "ask_refusals",
            "/ask questions the FAQ had no sure answer to",
            refusals.clone(),
        );
        // 50 µs to about 1.6 s: the core answers in microseconds, Discord's HTTP in milliseconds;
        // then 2, 3, 5 and 10 s, around Discord's 3-second window, for the slow-answer alert.
        let latency =
            Histogram::new(exponential_buckets(0.000_05, 2.0, 16).chain([2.0, 3.0, 5.0, 10.0]));
        registry.register(
            "answer_latency_seconds",
            "From receiving an interaction to having answered it",
            latency.clone(),
        );
        let registration_failures = Counter::default();
        registry.register(
            "registration_failures",
            "Failed attempts to register the commands",
            registration_failures.clone(),
        );
        let reloads = Family::<ResultLabels, Counter>::default();
        registry.register("faq_reloads", "FAQ reloads, by result", reloads.clone());
        // Both results from the start: the first refusal is an increase an alert can see.
        for result in ["ok", "refused"] {
            let _ = reloads.get_or_create(&ResultLabels { result });
        }
        let faq_valid = Gauge::default();
        faq_valid.set(1);
        registry.register(
            "faq_file_valid",
            "1 while the FAQ's files on disk are the ones served or a valid edit of them; 0 after an edit was refused (a restart would fail)",
            faq_valid.clone(),
        );
        let started: Gauge = Gauge::default();
        started.set(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64),
        );
        registry.register(
            "start_time_seconds",
            "When this faqbot process started, in seconds since 1970: restarts show as changes",
            started,
        );
        let insight_drops = Counter::default();
        registry.register(
            "insight_drops",
            "Insight records dropped because the writer fell behind",
            insight_drops.clone(),
        );
        let task_failures = Family::<TaskLabels, Counter>::default();
        registry.register(
            "task_failures",
            "Long-running tasks that stopped or panicked (restarted where they can be), by task",
            task_failures.clone(),
        );
        for task in TASKS {
            let _ = task_failures.get_or_create(&TaskLabels { task });
        }
        let database_up = Gauge::default();
        registry.register(
            "database_up",
            "1 while the shared database (PostgreSQL) takes writes; 0 while it cannot be reached and records wait in memory. Absent meaning: SQLite, always 1",
            database_up.clone(),
        );
        database_up.set(1);
        let database_queue = Gauge::default();
        registry.register(
            "database_queue",
            "Records (insight, votes, posts) waiting in memory to be written to the database",
            database_queue.clone(),
        );
        let ready = Gauge::default();
        registry.register(
            "ready",
            "1 while faqbot can answer (run: connected to the gateway; serve: listening), as /healthz says",
            ready.clone(),
        );
        Self {
            ready,
            faq_valid,
            database_up,
            database_queue,
            registry,
            interactions,
            refusals,
            latency,
            registration_failures,
            reloads,
            insight_drops,
            task_failures,
        }
    }

    /// Counts one interaction and how long answering it took.
    ///
    /// Commands are labelled by name only when they are faqbot's (`other` otherwise), so that
    /// made-up names cannot grow the label set; `/ask`'s refusals are counted apart, and only
    /// `/ask`'s: a `/faq topic:` that matched nothing is not an unanswered question.
    pub fn interaction(&self, label: &Label, outcome: Outcome, failed: bool, took: Duration) {
        let command = if label.known {
            label.name.clone()
        } else {
            "other".to_owned()
        };
        let outcome_label = if failed { "failed" } else { outcome.label() };
        self.interactions
            .get_or_create(&InteractionLabels {
                kind: label.kind.label(),
                command,
                outcome: outcome_label,
            })
            .inc();
        if label.is_ask() && !failed && matches!(outcome, Outcome::Unsure | Outcome::Refused) {
            self.refusals.inc();
        }
        self.latency.observe(took.as_secs_f64());
    }

    pub fn registration_failed(&self) {
        self.registration_failures.inc();
    }

    /// Counts a reload of the FAQ (`ok` false: its files were refused).
    pub fn reloaded(&self, ok: bool) {
        let result = if ok { "ok" } else { "refused" };
        self.reloads.get_or_create(&ResultLabels { result }).inc();
        self.faq_file_valid(ok);
    }

    /// Whether the FAQ's files on disk validate (what a restart would load).
    pub fn faq_file_valid(&self, valid: bool) {
        self.faq_valid.set(i64::from(valid));
    }

    /// Whether faqbot can answer now (what `/healthz` says).
    pub fn set_ready(&self, ready: bool) {
        self.ready.set(i64::from(ready));
    }

    pub fn insight_dropped(&self) {
        self.insights_dropped(1);
    }

    /// Counts `count` insight records dropped at once (a batch that could not be committed).
    pub fn insights_dropped(&self, count: u64) {
        self.insight_drops.inc_by(count);
    }

    /// Whether the database takes writes now.
    pub fn set_database_up(&self, up: bool) {
        self.database_up.set(i64::from(up));
    }

    /// How many records wait to be written.
    pub fn set_database_queue(&self, depth: usize) {
        self.database_queue.set(depth as i64);
    }

    /// Counts a long-running task that stopped or panicked.
    pub fn task_failed(&self, task: &'static str) {
        self.task_failures.get_or_create(&TaskLabels { task }).inc();
    }

    /// The metrics in Prometheus' text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::Action;
    use crate::core::pipeline::RequestKind;

    #[test]
    fn renders_counters_and_the_latency_histogram() {
        let metrics = Metrics::new();
        let label = |name: &str, known: bool| Label {
            kind: RequestKind::Command,
            name: name.to_owned(),
            known,
            action: known.then_some(if name == "ask" {
                Action::Ask
            } else {
                Action::Faq
            }),
        };
        let micros = Duration::from_micros;
        metrics.interaction(&label("logo", true), Outcome::Answered, false, micros(300));
        metrics.interaction(&label("made-up", false), Outcome::Notice, false, micros(80));
        metrics.interaction(&label("ask", true), Outcome::Refused, false, micros(2000));
        // A `/faq topic:` that matched nothing is not an `/ask` refusal.
        metrics.interaction(&label("faq", true), Outcome::Refused, false, micros(90));
        metrics.reloaded(false);
        let text = metrics.render();
        assert!(
            text.contains(
                r#"faqbot_interactions_total{kind="command",command="logo",outcome="answered"} 1"#
            ),
            "{text}"
        );
        assert!(text.contains(r#"command="other""#));
        assert!(text.contains("faqbot_ask_refusals_total 1"));
        assert!(text.contains("faqbot_answer_latency_seconds_count 4"));
        assert!(text.contains(r#"faqbot_faq_reloads_total{result="refused"} 1"#));
        assert!(text.ends_with("# EOF\n"));
    }
}
