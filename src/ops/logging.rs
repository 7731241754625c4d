//! The log: faqbot's own lines (one per interaction, one per step of its life) on standard
//! error, as text for a terminal or the journal, or as one JSON object a line for a log shipper.
//!
//! - **Filter.** `RUST_LOG` when set; otherwise faqbot at INFO and its dependencies (serenity,
//!   hyper, …) at WARN, so the default log is faqbot's own.
//! - **Never secrets.** tungstenite logs every websocket frame at TRACE, IDENTIFY and its bot
//!   token included; serenity's spans carry request routes and gateway payloads, interaction
//!   tokens included. Neither is ever recorded, whatever `RUST_LOG` says, and every line
//!   passes through [`secrets::scrub`](crate::ops::secrets::scrub) on its way out.
//! - **Said once.** serenity reports a token (or intents) the gateway rejected with two ERROR
//!   lines of Rust debug output; faqbot ends the run with its own one-line message, so those
//!   two, and only those, are dropped.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use tracing::{Event, Metadata};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::{Context, Filter};
use tracing_subscriber::prelude::*;

use crate::ops::secrets::Scrubbed;

/// How log lines are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// One readable line an event (ANSI colours on a terminal only).
    #[default]
    Text,
    /// One JSON object a line, with the fields of the spans around the event.
    Json,
}

impl Format {
    /// The format named `text` or `json`.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" => Some(Self::Text),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// The default filter: faqbot's own lines, and only warnings and errors of everything else.
pub const DEFAULT_FILTER: &str = "warn,faqbot=info";

/// Targets that may print secrets and are never logged.
const SILENCED: [&str; 2] = ["tungstenite", "tokio_tungstenite"];

/// serenity's ERROR lines that faqbot says better, once, when the run ends (serenity 0.12.5 is
/// pinned: these call sites are stable): "Sent invalid authentication", and the shard runner's
/// "Shard handler received err: …" when the error is one that ends the run.
const INVALID_AUTHENTICATION: (&str, u32) = ("src/gateway/shard.rs", 333);
const HANDLER_ERROR: (&str, u32) = ("src/gateway/bridge/shard_runner.rs", 426);
/// The errors that end the run, as serenity's debug output names them.
const ENDING_THE_RUN: [&str; 3] = [
    "InvalidAuthentication",
    "InvalidGatewayIntents",
    "DisallowedGatewayIntents",
];

static JSON: AtomicBool = AtomicBool::new(false);
static STARTED: AtomicBool = AtomicBool::new(false);

/// Whether `meta` may be recorded at all.
fn recordable(meta: &Metadata<'_>) -> bool {
    let target = meta.target();
    let within = |crate_name: &str| {
        target == crate_name
            || target
                .strip_prefix(crate_name)
                .is_some_and(|rest| rest.starts_with("::"))
    };
    if SILENCED.iter().any(|s| within(s)) {
        return false;
    }
    // serenity's spans carry its functions' arguments: request routes, gateway payloads.
    let serenity_span = within("serenity") && meta.is_span();
    !(serenity_span || at(meta, INVALID_AUTHENTICATION))
}

/// Whether `meta` is serenity's ERROR event at `site`.
fn at(meta: &Metadata<'_>, (file, line): (&str, u32)) -> bool {
    *meta.level() == tracing::Level::ERROR
        && meta.target().starts_with("serenity")
        && meta.line() == Some(line)
        && meta.file().is_some_and(|f| f.ends_with(file))
}

/// What the log records: see the module's documentation.
struct Recordable;

impl<S> Filter<S> for Recordable {
    fn enabled(&self, meta: &Metadata<'_>, _: &Context<'_, S>) -> bool {
        recordable(meta)
    }

    fn event_enabled(&self, event: &Event<'_>, _: &Context<'_, S>) -> bool {
        if !at(event.metadata(), HANDLER_ERROR) {
            return true;
        }
        let mut message = Message(String::new());
        event.record(&mut message);
        !ENDING_THE_RUN.iter().any(|error| message.0.contains(error))
    }
}

/// An event's message, as it would be printed.
struct Message(String);

impl tracing::field::Visit for Message {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

/// Standard error, scrubbed of secrets, an event at a time.
struct Stderr;

impl<'a> MakeWriter<'a> for Stderr {
    type Writer = Scrubbed<std::io::Stderr>;

    fn make_writer(&'a self) -> Self::Writer {
        Scrubbed::new(std::io::stderr())
    }
}

/// What is logged unless `RUST_LOG` says otherwise.
fn default_filter() -> Targets {
    DEFAULT_FILTER
        .parse()
        .expect("the default filter is a list of targets and levels")
}

/// Starts logging to standard error in `format`. Later calls change nothing. `RUST_LOG` is a
/// list of `target=level` directives (tracing-subscriber's `Targets`, which needs no regular
/// expressions: leaving span and field filters out keeps 1 MB of regex engine out of the bot).
pub fn init(format: Format) {
    if STARTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let mut refused = None;
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.trim().is_empty() => spec.parse::<Targets>().unwrap_or_else(|e| {
            refused = Some((spec, e));
            default_filter()
        }),
        _ => default_filter(),
    };
    let registry = tracing_subscriber::registry().with(filter);
    let result = match format {
        Format::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(Stderr)
                    .with_ansi(std::io::stderr().is_terminal())
                    .with_filter(Recordable),
            )
            .try_init(),
        Format::Json => {
            JSON.store(true, Ordering::SeqCst);
            registry
                .with(
                    tracing_subscriber::fmt::layer()
                        .json()
                        .with_current_span(true)
                        .with_span_list(true)
                        .with_writer(Stderr)
                        .with_filter(Recordable),
                )
                .try_init()
        }
    };
    if result.is_ok() {
        if let Some((spec, e)) = refused {
            tracing::warn!(target: "faqbot", error = %e, "RUST_LOG={spec} is not a filter; logging with {DEFAULT_FILTER}");
        }
    }
}

/// Says why faqbot stops (an error, a panic), as the last line of its log, whatever `RUST_LOG`
/// filters: a JSON object shaped like the log's own when the log is JSON (so that every line a
/// shipper reads parses), else the plain message.
pub fn fatal(message: &str) {
    let line = if JSON.load(Ordering::SeqCst) {
        let object = serde_json::json!({
            "timestamp": jiff::Timestamp::now().to_string(),
            "level": "ERROR",
            "fields": { "message": message },
            "target": "faqbot",
        });
        object.to_string()
    } else {
        message.to_owned()
    };
    say(&line);
}

/// A warning about the settings, in the log once it is started, else on standard error.
pub fn warning(message: &str) {
    if STARTED.load(Ordering::SeqCst) {
        tracing::warn!(target: "faqbot", "{message}");
    } else {
        say(&format!("warning: {message}"));
    }
}

/// One line on standard error for whoever runs a command, through the secret filter.
pub fn say(line: &str) {
    let mut stderr = Scrubbed::new(std::io::stderr());
    let _ = std::io::Write::write_all(&mut stderr, format!("{line}\n").as_bytes());
}
