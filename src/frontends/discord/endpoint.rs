//! `faqbot serve`: Discord's HTTP interactions endpoint. Discord POSTs each interaction, signed
//! with the application's Ed25519 key, and takes the response from the HTTP reply. No gateway,
//! no state: any number of identical replicas can run behind a load balancer.
//!
//! Every request is checked before its body is parsed — method, size, content type, signature,
//! age — and a rejected request never reaches the core.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use jiff::Timestamp;
use serenity::all::Interaction;
use serenity::interactions_endpoint::Verifier;

use super::interaction::{apology, Begun, Shared};
use crate::core::bot::Effect;

/// Largest body accepted; Discord's interaction payloads are a few kilobytes.
pub const BODY_LIMIT: usize = 64 * 1024;
/// How long a client may take to send its body.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// What the endpoint needs to check and answer requests.
pub struct Endpoint {
    pub shared: Arc<Shared>,
    pub verifier: Verifier,
    /// How far the signed timestamp may be from now.
    pub window: Duration,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

/// The routes: `POST path` for interactions, `GET /healthz` for load balancers (200 while
/// answering, 503 while shutting down). Metrics are not here: they are served on
/// `metrics_listen` only.
pub fn router(endpoint: Arc<Endpoint>, path: &str, health: Arc<super::health::Health>) -> Router {
    Router::new()
        .route(path, post(interaction))
        .route("/healthz", get(super::health::healthz).with_state(health))
        .with_state(endpoint)
}

async fn interaction(State(endpoint): State<Arc<Endpoint>>, request: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let headers = &parts.headers;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > BODY_LIMIT) {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
    }
    if !is_json(headers) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "expected application/json",
        );
    }
    let (Some(signature), Some(timestamp)) = (
        header_str(headers, "x-signature-ed25519"),
        header_str(headers, "x-signature-timestamp"),
    ) else {
        return refuse(StatusCode::UNAUTHORIZED, "missing signature");
    };
    let body = match read(body).await {
        Ok(body) => body,
        Err(status) => return refuse(status, "body unreadable"),
    };
    if endpoint
        .verifier
        .verify(signature, timestamp, &body)
        .is_err()
    {
        return refuse(StatusCode::UNAUTHORIZED, "bad signature");
    }
    if !fresh(timestamp, Timestamp::now(), endpoint.window) {
        return refuse(StatusCode::UNAUTHORIZED, "stale signature");
    }
    let interaction: Interaction = match serde_json::from_slice(&body) {
        Ok(interaction) => interaction,
        Err(e) => {
            tracing::warn!(error = %e, "signed but malformed interaction");
            return refuse(StatusCode::BAD_REQUEST, "malformed interaction");
        }
    };
    if let Interaction::Ping(_) = interaction {
        // Exactly what Discord documents; serenity would add `"data": null`.
        return (
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"type":1}"#,
        )
            .into_response();
    }
    let turn = match endpoint.shared.begin(&interaction, started).await {
        Begun::Answer(turn) => turn,
        // A load balancer retries another replica on 503; Discord shows the member that the
        // application did not respond, and they may ask again.
        Begun::Closing => return refuse(StatusCode::SERVICE_UNAVAILABLE, "shutting down"),
        Begun::Unsupported => {
            return refuse(StatusCode::BAD_REQUEST, "unsupported interaction type");
        }
    };
    // An endpoint holds no token to look up the posted message with: repeats point "just
    // above" instead of linking.
    let span = turn.span.clone();
    let json = serde_json::to_vec(&turn.response);
    let aftermath = endpoint.shared.finish(turn, json.is_ok());
    let json = json.unwrap_or_else(|e| {
        let _entered = span.enter();
        tracing::error!(error = %e, "the response could not be written");
        aftermath
            .effects
            .iter()
            .find_map(|effect| match effect {
                Effect::Apologise(reply) => serde_json::to_vec(&apology(reply)).ok(),
                _ => None,
            })
            .unwrap_or_default()
    });
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

/// Reads the body, stopping at [`BODY_LIMIT`] bytes and after [`READ_TIMEOUT`].
async fn read(body: Body) -> Result<Bytes, StatusCode> {
    match tokio::time::timeout(READ_TIMEOUT, axum::body::to_bytes(body, BODY_LIMIT)).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(_)) => Err(StatusCode::PAYLOAD_TOO_LARGE),
        Err(_) => Err(StatusCode::REQUEST_TIMEOUT),
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    header_str(headers, header::CONTENT_TYPE.as_str()).is_some_and(|v| {
        v.split(';')
            .next()
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
    })
}

fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Whether the signed timestamp (Unix seconds) is within `window` of `now`: a replayed request
/// is refused once it is old.
fn fresh(timestamp: &str, now: Timestamp, window: Duration) -> bool {
    timestamp
        .parse::<i64>()
        .is_ok_and(|signed| (now.as_second() - signed).unsigned_abs() <= window.as_secs())
}

fn refuse(status: StatusCode, why: &'static str) -> Response {
    tracing::debug!(status = status.as_u16(), why, "request refused");
    (status, why).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_must_be_recent_unix_seconds() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let window = Duration::from_secs(300);
        assert!(fresh("1800000000", now, window));
        assert!(fresh("1799999700", now, window));
        assert!(!fresh("1799999699", now, window));
        assert!(!fresh("1800000301", now, window));
        assert!(!fresh("soon", now, window));
        assert!(!fresh("", now, window));
    }

    #[test]
    fn only_json_bodies() {
        let mut headers = HeaderMap::new();
        assert!(!is_json(&headers));
        headers.insert(
            header::CONTENT_TYPE,
            "application/json; charset=utf-8".parse().unwrap(),
        );
        assert!(is_json(&headers));
        headers.insert(header::CONTENT_TYPE, "text/plain".parse().unwrap());
        assert!(!is_json(&headers));
    }
}
