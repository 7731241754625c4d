//! The log: faqbot's own lines (one per interaction, one per step of its life) on standard
//! error, as text for a terminal or the journal, or as one JSON object a line for a log shipper.
//!
//! - **Filter.** `RUST_LOG` when set; otherwise faqbot at INFO and its dependencies (serenity,
//!   hyper, …) at WARN, so the default log is faqbot's own.
//! - **Never secrets.** tungstenite logs every websocket frame at TRACE, IDENTIFY and its bot
//!   token included; serenity's spans carry request routes and gateway payloads, interaction
//!   tokens included. Neither is ever recorded, whatever `RUST_LOG` says, and every line
//!   passes through [`secrets::scrub`](crate::ops::secrets::scrub) on its way out.
//! - **Said once.** serenity reports a token the gateway rejected with two ERROR lines of Rust
//!   debug output; faqbot ends the run with its own one-line message, so those are dropped.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use tracing::Metadata;
use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::fmt::MakeWriter;
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

/// serenity's lines that faqbot says better, once, when the run ends: the gateway closed for a
/// rejected token or refused intents (serenity 0.12.5 is pinned: these call sites are stable).
const SAID_BY_FAQBOT: [(&str, u32); 2] = [
    ("src/gateway/bridge/shard_runner.rs", 426),
    ("src/gateway/shard.rs", 333),
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
    if within("serenity") {
        if meta.is_span() {
            return false;
        }
        let site = (meta.file().unwrap_or_default(), meta.line().unwrap_or(0));
        if *meta.level() == tracing::Level::ERROR
            && SAID_BY_FAQBOT
                .iter()
                .any(|(file, line)| site.0.ends_with(file) && site.1 == *line)
        {
            return false;
        }
    }
    true
}

/// Standard error, scrubbed of secrets, an event at a time.
struct Stderr;

impl<'a> MakeWriter<'a> for Stderr {
    type Writer = Scrubbed<std::io::Stderr>;

    fn make_writer(&'a self) -> Self::Writer {
        Scrubbed::new(std::io::stderr())
    }
}

/// Starts logging to standard error in `format`. Later calls change nothing.
pub fn init(format: Format) {
    if STARTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let filter = match std::env::var("RUST_LOG") {
        Ok(spec) if !spec.trim().is_empty() => {
            EnvFilter::try_new(spec).unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER))
        }
        _ => EnvFilter::new(DEFAULT_FILTER),
    };
    let registry = tracing_subscriber::registry().with(filter);
    let result = match format {
        Format::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(Stderr)
                    .with_ansi(std::io::stderr().is_terminal())
                    .with_filter(filter_fn(recordable)),
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
                        .with_filter(filter_fn(recordable)),
                )
                .try_init()
        }
    };
    let _ = result;
}

/// Says why faqbot stops, as the last line of its log: a JSON object when the log is JSON (so
/// that every line a shipper reads parses), else the plain message.
pub fn fatal(message: &str) {
    if JSON.load(Ordering::SeqCst) {
        tracing::error!(target: "faqbot", "{message}");
    } else {
        let mut stderr = Scrubbed::new(std::io::stderr());
        let _ = std::io::Write::write_all(&mut stderr, format!("{message}\n").as_bytes());
    }
}

/// A warning about the settings, in the log once it is started, else on standard error.
pub fn warning(message: &str) {
    if STARTED.load(Ordering::SeqCst) {
        tracing::warn!(target: "faqbot", "{message}");
    } else {
        let mut stderr = Scrubbed::new(std::io::stderr());
        let _ = std::io::Write::write_all(&mut stderr, format!("warning: {message}\n").as_bytes());
    }
}
