//! Speaking to systemd (`sd_notify`): READY once faqbot answers, WATCHDOG while it is healthy,
//! RELOADING around a reload the admin asked for, STOPPING on the way out.
//!
//! Every call is a no-op outside systemd (no `NOTIFY_SOCKET`), and a failure to notify is
//! logged once, never fatal: systemd's view of the bot must not be what stops it answering.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sd_notify::NotifyState;

/// Set once READY=1 was sent: a reload before it must not announce readiness early.
static READY: AtomicBool = AtomicBool::new(false);
/// Set once a failure to notify was logged, so that a broken socket logs one line, not one a tick.
static FAILED: AtomicBool = AtomicBool::new(false);

fn notify(states: &[NotifyState<'_>]) {
    if let Err(e) = sd_notify::notify(states) {
        if !FAILED.swap(true, Ordering::SeqCst) {
            tracing::warn!(error = %e, "cannot notify systemd (NOTIFY_SOCKET)");
        }
    }
}

/// faqbot answers now: the unit is started. `status` says how, for `systemctl status`.
pub fn ready(status: &str) {
    READY.store(true, Ordering::SeqCst);
    notify(&[NotifyState::Ready, NotifyState::Status(status)]);
}

/// A reload the admin asked for begins (SIGHUP, `systemctl reload`).
pub fn reloading() {
    if !READY.load(Ordering::SeqCst) {
        return;
    }
    let mut states = vec![NotifyState::Reloading];
    // systemd asks for the moment of the reload with RELOADING=1, to tell reloads apart.
    if let Ok(now) = NotifyState::monotonic_usec_now() {
        states.push(now);
    }
    notify(&states);
}

/// The reload is over, whatever its result: the FAQ that serves is the new one or the old one.
pub fn reloaded() {
    if READY.load(Ordering::SeqCst) {
        notify(&[NotifyState::Ready]);
    }
}

/// faqbot is shutting down: systemd should not take the exit for a crash.
pub fn stopping() {
    notify(&[NotifyState::Stopping, NotifyState::Status("shutting down")]);
}

/// Tells systemd faqbot is alive and well; sent only while it is.
pub fn watchdog() {
    notify(&[NotifyState::Watchdog]);
}

/// How often to tell systemd faqbot is well, when the unit sets `WatchdogSec=`: twice per
/// period, as systemd advises.
pub fn watchdog_interval() -> Option<Duration> {
    sd_notify::watchdog_enabled().map(|period| (period / 2).max(Duration::from_millis(10)))
}
