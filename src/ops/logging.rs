//! Logs to standard error, filtered by `RUST_LOG` (default `info`).
//!
//! At trace level, tungstenite logs every websocket frame, including IDENTIFY with the bot
//! token in it, through tracing's `log` bridge. Those targets are silenced whatever `RUST_LOG`
//! says, so no log level can leak the token.

use std::io::IsTerminal;

use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::prelude::*;

/// Targets that may print secrets and are never logged.
const SILENCED: [&str; 2] = ["tungstenite", "tokio_tungstenite"];

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let never_secrets = filter_fn(|meta| {
        let target = meta.target();
        !SILENCED
            .iter()
            .any(|s| target == *s || target.starts_with(&format!("{s}::")))
    });
    let _ = tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(std::io::stderr().is_terminal())
                .with_filter(never_secrets),
        )
        .with(filter)
        .try_init();
}
