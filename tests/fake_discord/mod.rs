//! A fake Discord on 127.0.0.1: the REST routes faqbot uses and the gateway websocket, enough
//! for the real serenity client to connect, identify, receive interactions and answer them.
//! Every REST request is recorded, so tests assert on what actually went over the wire.
// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::{mpsc, Notify};

/// A bot token shaped as Discord's are (three dot-separated base64url parts), made up.
pub const TOKEN: &str = "MTAwMA.Gf4k3T.fake_token_for_faqbot_tests_never_valid_on_discord";
pub const APPLICATION_ID: &str = "2000";
pub const BOT_USER_ID: &str = "1000";

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub body: Value,
    /// Whether it carried `Authorization: Bot <TOKEN>`.
    pub authorized: bool,
}

/// What the test tells the gateway connection to do.
enum Command {
    Dispatch(String, Value),
    Close(u16),
    Drop,
}

/// Faults the fake can inject.
#[derive(Debug, Default)]
pub struct Faults {
    /// Answer this many command registrations with 500 before accepting one.
    pub registration_failures: AtomicU32,
    /// Answer the token check with 401.
    pub reject_token_http: std::sync::atomic::AtomicBool,
    /// Close the gateway with 4004 after IDENTIFY.
    pub reject_token_gateway: std::sync::atomic::AtomicBool,
    /// Guild ids whose command registration is refused with 403 (the bot was removed).
    pub refused_guilds: Mutex<Vec<String>>,
    /// Guild ids whose command registration fails with 500 this many more times.
    pub failing_guilds: Mutex<std::collections::HashMap<String, u32>>,
    /// Answer this many command registrations with 429 and a `retry_after`.
    pub registration_rate_limits: AtomicU32,
    /// Answer this many interaction callbacks with 500.
    pub callback_failures: AtomicU32,
    /// Hold every `GET …/messages/@original` until [`FakeDiscord::release_original`].
    pub hold_original: std::sync::atomic::AtomicBool,
    /// Hold every interaction callback (recorded at once) until [`FakeDiscord::release_callbacks`].
    pub hold_callbacks: std::sync::atomic::AtomicBool,
    /// Refuse the gateway's websocket handshake, as an unreachable gateway would.
    pub refuse_gateway: std::sync::atomic::AtomicBool,
    /// Answer this many channel message posts with 500 (after creating the message, as a
    /// timeout after the fact would look: only the nonce saves a duplicate).
    pub message_failures: AtomicU32,
    /// Refuse channel message posts with 403, as a channel without the permission would.
    pub refuse_messages: std::sync::atomic::AtomicBool,
    /// Show message text over REST, as Discord does only for an app whose Message Content
    /// intent is enabled in the developer portal. Off, as for faqbot: text reads as empty.
    pub message_content: std::sync::atomic::AtomicBool,
    /// Leave heartbeats unacknowledged, as a gateway connection that went quiet would.
    pub ignore_heartbeats: std::sync::atomic::AtomicBool,
}

struct Shared {
    /// The bot token it accepts.
    token: String,
    ws_url: Mutex<String>,
    requests: Mutex<Vec<Request>>,
    presences: Mutex<Vec<String>>,
    changed: Notify,
    /// Each shard's gateway connection, by shard id.
    connections: Mutex<std::collections::HashMap<u64, mpsc::UnboundedSender<Command>>>,
    /// How many shards `GET /gateway/bot` recommends and dispatches are routed over.
    shard_total: AtomicU64,
    /// Each IDENTIFY's `[shard, total]`, in order.
    identified_shards: Mutex<Vec<(u64, u64)>>,
    /// The shard of each presence update, in order.
    presence_shards: Mutex<Vec<u64>>,
    identifies: AtomicU32,
    /// The intents of the last IDENTIFY.
    intents: AtomicU64,
    /// The heartbeat interval HELLO asks for, in milliseconds.
    heartbeat_ms: AtomicU64,
    /// Heartbeats acknowledged so far.
    acks: AtomicU32,
    resumes: AtomicU32,
    sequence: AtomicU64,
    faults: Faults,
    released: Notify,
    /// Messages posted in channels (by nonce, when enforced), and the first messages of forum
    /// posts as `GET …/messages/{id}` shows them.
    posted: Mutex<Vec<Value>>,
    starters: Mutex<std::collections::HashMap<String, String>>,
}

/// A running fake Discord.
pub struct FakeDiscord {
    pub addr: SocketAddr,
    shared: Arc<Shared>,
}

impl FakeDiscord {
    pub async fn start() -> Self {
        Self::accepting(TOKEN).await
    }

    /// A fake Discord whose bot token is `token` (any text: a placeholder a user chose, say).
    pub async fn accepting(token: &str) -> Self {
        let shared = Arc::new(Shared {
            token: token.to_owned(),
            ws_url: Mutex::new(String::new()),
            requests: Mutex::new(Vec::new()),
            presences: Mutex::new(Vec::new()),
            changed: Notify::new(),
            connections: Mutex::new(std::collections::HashMap::new()),
            shard_total: AtomicU64::new(1),
            identified_shards: Mutex::new(Vec::new()),
            presence_shards: Mutex::new(Vec::new()),
            identifies: AtomicU32::new(0),
            intents: AtomicU64::new(u64::MAX),
            heartbeat_ms: AtomicU64::new(41_250),
            acks: AtomicU32::new(0),
            resumes: AtomicU32::new(0),
            sequence: AtomicU64::new(0),
            faults: Faults::default(),
            released: Notify::new(),
            posted: Mutex::new(Vec::new()),
            starters: Mutex::new(std::collections::HashMap::new()),
        });
        let app = Router::new()
            .route("/gateway", get(gateway))
            .fallback(api)
            .with_state(Arc::clone(&shared));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        *shared.ws_url.lock().unwrap() = format!("ws://{addr}/gateway");
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { addr, shared }
    }

    /// The base URL to give the bot as `DISCORD_API_URL`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    /// Asks connections made from now on to heartbeat every `interval` (Discord asks for
    /// some 41 s; tests of heartbeating want it faster).
    pub fn heartbeat_every(&self, interval: Duration) {
        self.shared
            .heartbeat_ms
            .store(interval.as_millis() as u64, Ordering::SeqCst);
    }

    /// Heartbeats acknowledged so far.
    pub fn acks(&self) -> u32 {
        self.shared.acks.load(Ordering::SeqCst)
    }

    /// Lets held interaction callbacks through (see [`Faults::hold_callbacks`]).
    pub fn release_callbacks(&self) {
        self.shared
            .faults
            .hold_callbacks
            .store(false, Ordering::SeqCst);
        self.shared.released.notify_waiters();
    }

    /// Lets held `GET …/@original` requests through (see [`Faults::hold_original`]).
    pub fn release_original(&self) {
        self.shared
            .faults
            .hold_original
            .store(false, Ordering::SeqCst);
        self.shared.released.notify_waiters();
    }

    pub fn requests(&self) -> Vec<Request> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// The guilds' command registrations the bot sent, in order, each as `{guild}/commands`.
    pub fn guild_registrations(&self) -> Vec<String> {
        let prefix = format!("/api/v10/applications/{APPLICATION_ID}/guilds/");
        self.requests()
            .into_iter()
            .filter(|r| r.method == "PUT")
            .filter_map(|r| r.path.strip_prefix(&prefix).map(str::to_owned))
            .collect()
    }

    /// The messages the bot created in channels, once each however often it posted them.
    pub fn posted(&self) -> Vec<Value> {
        self.shared.posted.lock().unwrap().clone()
    }

    /// Makes `GET /channels/{thread}/messages/{thread}` show `content`, as Discord shows a
    /// forum post's first message.
    pub fn set_first_message(&self, thread: &str, content: &str) {
        self.shared
            .starters
            .lock()
            .unwrap()
            .insert(thread.to_owned(), content.to_owned());
    }

    pub fn presences(&self) -> Vec<String> {
        self.shared.presences.lock().unwrap().clone()
    }

    /// A fake Discord that recommends `total` shards and routes each guild's events to shard
    /// `(guild_id >> 22) % total`, as Discord does.
    pub async fn sharded(total: u64) -> Self {
        let fake = Self::start().await;
        fake.shared.shard_total.store(total, Ordering::SeqCst);
        fake
    }

    /// The `[shard, total]` of every IDENTIFY so far.
    pub fn identified_shards(&self) -> Vec<(u64, u64)> {
        self.shared.identified_shards.lock().unwrap().clone()
    }

    /// The shard each presence update came over, in order.
    pub fn presence_shards(&self) -> Vec<u64> {
        self.shared.presence_shards.lock().unwrap().clone()
    }

    /// Waits until each of `shards` is connected.
    pub async fn connected(&self, shards: &[u64]) {
        self.wait_for("every shard connected", Duration::from_secs(30), |fake| {
            let connections = fake.shared.connections.lock().unwrap();
            shards
                .iter()
                .all(|s| connections.contains_key(s))
                .then_some(())
        })
        .await;
    }

    pub fn identifies(&self) -> u32 {
        self.shared.identifies.load(Ordering::SeqCst)
    }

    /// The gateway intents the bot identified with last.
    pub fn intents(&self) -> u64 {
        self.shared.intents.load(Ordering::SeqCst)
    }

    pub fn resumes(&self) -> u32 {
        self.shared.resumes.load(Ordering::SeqCst)
    }

    /// Waits until `found` picks something out of the fake's state (checked at each request and
    /// every 50 ms, for conditions outside the fake), or panics after `timeout`.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        found: impl Fn(&Self) -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.changed.notified();
            if let Some(value) = found(self) {
                return value;
            }
            if tokio::time::Instant::now() >= deadline {
                panic!(
                    "timed out waiting for {what}; requests: {:#?}",
                    self.requests()
                );
            }
            let tick = (tokio::time::Instant::now() + Duration::from_millis(50)).min(deadline);
            let _ = tokio::time::timeout_at(tick, notified).await;
        }
    }

    /// Waits for a REST request matching `method` and a path that starts with `prefix`.
    pub async fn request(&self, method: &str, prefix: &str) -> Request {
        self.wait_for(
            &format!("{method} {prefix}"),
            Duration::from_secs(20),
            |fake| {
                let requests = fake.shared.requests.lock().unwrap();
                requests
                    .iter()
                    .rev()
                    .find(|r| r.method == method && r.path.starts_with(prefix))
                    .cloned()
            },
        )
        .await
    }

    /// Waits until the bot is connected and has identified `count` times in all.
    pub async fn identified(&self, count: u32) {
        self.wait_for("IDENTIFY", Duration::from_secs(20), |fake| {
            (fake.identifies() >= count && !fake.shared.connections.lock().unwrap().is_empty())
                .then_some(())
        })
        .await;
    }

    /// Sends a dispatch event over the gateway connection of the shard its guild belongs to
    /// (shard 0 for events outside guilds).
    pub fn dispatch(&self, event: &str, data: Value) {
        let total = self.shared.shard_total.load(Ordering::SeqCst).max(1);
        let shard = data["guild_id"]
            .as_str()
            .and_then(|id| id.parse::<u64>().ok())
            .map_or(0, |guild| (guild >> 22) % total);
        self.send_to(shard, Command::Dispatch(event.to_owned(), data));
    }

    /// Sends INTERACTION_CREATE and waits for the bot's callback to it.
    pub async fn interact(&self, interaction: Value) -> Value {
        let id = interaction["id"].as_str().unwrap().to_owned();
        self.dispatch("INTERACTION_CREATE", interaction);
        let path = format!("/api/v10/interactions/{id}/");
        self.request("POST", &path).await.body
    }

    /// Closes the gateway connection with a close code.
    pub fn close(&self, code: u16) {
        self.send(Command::Close(code));
    }

    /// Drops the gateway connection without a close frame, as a network failure would.
    pub fn drop_connection(&self) {
        self.send(Command::Drop);
    }

    fn send(&self, command: Command) {
        self.send_to(0, command);
    }

    fn send_to(&self, shard: u64, command: Command) {
        let connections = self.shared.connections.lock().unwrap();
        let sender = connections
            .get(&shard)
            .unwrap_or_else(|| panic!("the bot is connected to the gateway as shard {shard}"));
        let _ = sender.send(command);
    }
}

fn record(shared: &Shared, request: Request) {
    shared.requests.lock().unwrap().push(request);
    shared.changed.notify_waiters();
}

async fn api(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_owned();
    let authorized = headers
        .get("authorization")
        .is_some_and(|v| v.as_bytes() == format!("Bot {}", shared.token).as_bytes());
    let body_json = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let segments: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    // Counted faults are drawn as a request arrives, before it is recorded: a test that has
    // seen a request recorded knows the fault it set afterwards is kept for a later one.
    let drawn = draw_fault(&shared.faults, method.as_str(), &segments);
    record(
        &shared,
        Request {
            method: method.to_string(),
            path: path.clone(),
            body: body_json.clone(),
            authorized,
        },
    );
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["users", "@me"]) => {
            if shared.faults.reject_token_http.load(Ordering::SeqCst) || !authorized {
                return error(StatusCode::UNAUTHORIZED, "401: Unauthorized");
            }
            Json(user()).into_response()
        }
        ("GET", ["oauth2", "applications", "@me"]) => {
            if shared.faults.reject_token_http.load(Ordering::SeqCst) || !authorized {
                return error(StatusCode::UNAUTHORIZED, "401: Unauthorized");
            }
            Json(json!({
                "id": APPLICATION_ID, "name": "faqbot", "icon": null, "description": "",
                "bot_public": true, "bot_require_code_grant": false, "owner": user(),
                "verify_key": "00", "team": null,
            }))
            .into_response()
        }
        ("GET", ["gateway"]) => Json(json!({ "url": *shared.ws_url.lock().unwrap() })).into_response(),
        ("GET", ["gateway", "bot"]) => Json(json!({
            "url": *shared.ws_url.lock().unwrap(),
            "shards": shared.shard_total.load(Ordering::SeqCst),
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
        }))
        .into_response(),
        ("PUT", ["applications", _, "commands"]) | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            if drawn == Some(Fault::ServerError) {
                return error(StatusCode::INTERNAL_SERVER_ERROR, "500: Internal Server Error");
            }
            if drawn == Some(Fault::RateLimited) {
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    [("retry-after", "0.2"), ("x-ratelimit-scope", "user")],
                    Json(json!({"message": "You are being rate limited.", "retry_after": 0.2, "global": false})),
                )
                    .into_response();
            }
            let guild = segments.get(3).map(|g| g.to_string());
            if guild
                .as_ref()
                .is_some_and(|g| shared.faults.refused_guilds.lock().unwrap().contains(g))
            {
                return error(StatusCode::FORBIDDEN, "403: Missing Access");
            }
            let registered: Vec<Value> = body_json
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(i, c)| {
                    let mut c = c.clone();
                    c["id"] = json!(format!("{}", 5000 + i));
                    c["application_id"] = json!(APPLICATION_ID);
                    c["version"] = json!("1");
                    c["type"] = c.get("type").cloned().unwrap_or(json!(1));
                    // Discord gives message commands an empty description.
                    if c.get("description").is_none() {
                        c["description"] = json!("");
                    }
                    if let Some(g) = &guild {
                        c["guild_id"] = json!(g);
                    }
                    c
                })
                .collect();
            Json(registered).into_response()
        }
        ("POST", ["interactions", _, _, "callback"]) => {
            hold(&shared, &shared.faults.hold_callbacks).await;
            if drawn == Some(Fault::ServerError) {
                return error(StatusCode::INTERNAL_SERVER_ERROR, "500: Internal Server Error");
            }
            StatusCode::NO_CONTENT.into_response()
        }
        ("GET", ["webhooks", _, token, "messages", "@original"]) => {
            hold(&shared, &shared.faults.hold_original).await;
            // The interaction's answer: a message of type 20 (a chat input command's reply).
            let mut original = message_object(&format!("{}", 8_000_000 + token.len()), "3000", &user(), "");
            original["type"] = json!(20);
            Json(original).into_response()
        }
        ("POST", ["channels", channel, "messages"]) => {
            if shared.faults.refuse_messages.load(Ordering::SeqCst) {
                return error(StatusCode::FORBIDDEN, "403: Missing Permissions");
            }
            let mut posted = shared.posted.lock().unwrap();
            let nonce = body_json["nonce"].clone();
            let enforced = body_json["enforce_nonce"] == json!(true) && !nonce.is_null();
            // With enforce_nonce, Discord returns the message already made with that nonce.
            let existing = posted
                .iter()
                .find(|m| enforced && m["nonce"] == nonce && m["channel_id"] == json!(channel))
                .cloned();
            let created = existing.unwrap_or_else(|| {
                let mut message = message_object(&format!("{}", 9_000_000 + posted.len()), channel, &user(), "");
                for key in ["content", "embeds", "components", "nonce"] {
                    if let Some(value) = body_json.get(key) {
                        message[key] = value.clone();
                    }
                }
                message["type"] = json!(0);
                posted.push(message.clone());
                message
            });
            drop(posted);
            shared.changed.notify_waiters();
            if drawn == Some(Fault::ServerError) {
                return error(StatusCode::INTERNAL_SERVER_ERROR, "500: Internal Server Error");
            }
            Json(created).into_response()
        }
        ("GET", ["channels", channel, "messages", id]) => {
            let starters = shared.starters.lock().unwrap();
            let readable = shared.faults.message_content.load(Ordering::SeqCst);
            match starters.get(*channel).filter(|_| channel == id) {
                Some(content) => {
                    let content = if readable { content.as_str() } else { "" };
                    Json(message_object(id, channel, &member_user("6001"), content)).into_response()
                }
                None => error(StatusCode::NOT_FOUND, "404: Unknown Message"),
            }
        }
        _ => error(StatusCode::NOT_FOUND, "404: Not Found"),
    }
}

/// A counted fault spent on one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    ServerError,
    RateLimited,
}

/// The counted fault, if any, that the request `method` `segments` spends.
fn draw_fault(faults: &Faults, method: &str, segments: &[&str]) -> Option<Fault> {
    let counter = |c: &AtomicU32| {
        c.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok()
    };
    match (method, segments) {
        ("PUT", ["applications", _, "guilds", guild, "commands"])
            if faults
                .failing_guilds
                .lock()
                .unwrap()
                .get_mut(*guild)
                .is_some_and(|left| {
                    let failing = *left > 0;
                    *left = left.saturating_sub(1);
                    failing
                }) =>
        {
            Some(Fault::ServerError)
        }
        ("PUT", ["applications", _, "commands"])
        | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            if counter(&faults.registration_failures) {
                Some(Fault::ServerError)
            } else if counter(&faults.registration_rate_limits) {
                Some(Fault::RateLimited)
            } else {
                None
            }
        }
        ("POST", ["interactions", _, _, "callback"]) => {
            counter(&faults.callback_failures).then_some(Fault::ServerError)
        }
        ("POST", ["channels", _, "messages"]) => {
            counter(&faults.message_failures).then_some(Fault::ServerError)
        }
        _ => None,
    }
}

/// Waits while `held` is set, until the test releases it.
async fn hold(shared: &Shared, held: &std::sync::atomic::AtomicBool) {
    while held.load(Ordering::SeqCst) {
        let released = shared.released.notified();
        if !held.load(Ordering::SeqCst) {
            break;
        }
        released.await;
    }
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "message": message, "code": 0 }))).into_response()
}

pub fn user() -> Value {
    json!({"id": BOT_USER_ID, "username": "faqbot", "discriminator": "0", "avatar": null, "bot": true})
}

async fn gateway(State(shared): State<Arc<Shared>>, upgrade: WebSocketUpgrade) -> Response {
    if shared.faults.refuse_gateway.load(Ordering::SeqCst) {
        return error(StatusCode::SERVICE_UNAVAILABLE, "503: Service Unavailable");
    }
    upgrade.on_upgrade(move |socket| connection(shared, socket))
}

async fn connection(shared: Arc<Shared>, socket: WebSocket) {
    let (mut sink, mut stream) = socket.split();
    let (commands, mut receive) = mpsc::unbounded_channel();
    let interval = shared.heartbeat_ms.load(Ordering::SeqCst);
    let hello = json!({"op": 10, "d": {"heartbeat_interval": interval}});
    if sink
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    let next = |shared: &Shared| shared.sequence.fetch_add(1, Ordering::SeqCst) + 1;
    // The shard this connection is, once it identified or resumed.
    let mut this_shard = 0;
    loop {
        tokio::select! {
            incoming = stream.next() => {
                let Some(Ok(message)) = incoming else { break };
                let text = match message {
                    Message::Text(t) => t.to_string(),
                    Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                    Message::Close(_) => break,
                    _ => continue,
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                let reply = match payload["op"].as_u64() {
                    Some(1) if shared.faults.ignore_heartbeats.load(Ordering::SeqCst) => None,
                    Some(1) => {
                        shared.acks.fetch_add(1, Ordering::SeqCst);
                        shared.changed.notify_waiters();
                        Some(json!({"op": 11}))
                    }
                    Some(2) => {
                        shared.identifies.fetch_add(1, Ordering::SeqCst);
                        let intents = payload["d"]["intents"].as_u64().unwrap_or(u64::MAX);
                        shared.intents.store(intents, Ordering::SeqCst);
                        let token_ok = payload["d"]["token"] == format!("Bot {}", shared.token)
                            || payload["d"]["token"] == shared.token.as_str();
                        if shared.faults.reject_token_gateway.load(Ordering::SeqCst) || !token_ok {
                            let close = CloseFrame { code: 4004, reason: "Authentication failed.".into() };
                            let _ = sink.send(Message::Close(Some(close))).await;
                            break;
                        }
                        let shard = payload["d"]["shard"][0].as_u64().unwrap_or(0);
                        let total = payload["d"]["shard"][1].as_u64().unwrap_or(1);
                        this_shard = shard;
                        shared.identified_shards.lock().unwrap().push((shard, total));
                        shared.connections.lock().unwrap().insert(shard, commands.clone());
                        shared.changed.notify_waiters();
                        Some(json!({"op": 0, "t": "READY", "s": next(&shared), "d": {
                            "v": 10,
                            "user": user(),
                            "guilds": [],
                            "shard": [shard, total],
                            "session_id": format!("fake-session-{shard}"),
                            "resume_gateway_url": *shared.ws_url.lock().unwrap(),
                            "application": {"id": APPLICATION_ID, "flags": 0},
                        }}))
                    }
                    Some(3) => {
                        let state = payload["d"]["activities"][0]["state"].as_str().unwrap_or_default();
                        shared.presences.lock().unwrap().push(state.to_owned());
                        shared.presence_shards.lock().unwrap().push(this_shard);
                        shared.changed.notify_waiters();
                        None
                    }
                    Some(6) => {
                        shared.resumes.fetch_add(1, Ordering::SeqCst);
                        let shard = payload["d"]["session_id"]
                            .as_str()
                            .and_then(|id| id.strip_prefix("fake-session-")?.parse().ok())
                            .unwrap_or(0);
                        this_shard = shard;
                        shared.connections.lock().unwrap().insert(shard, commands.clone());
                        shared.changed.notify_waiters();
                        Some(json!({"op": 0, "t": "RESUMED", "s": next(&shared), "d": {}}))
                    }
                    _ => None,
                };
                if let Some(reply) = reply {
                    if sink.send(Message::Text(reply.to_string().into())).await.is_err() {
                        break;
                    }
                }
            }
            command = receive.recv() => {
                match command {
                    Some(Command::Dispatch(event, data)) => {
                        let frame = json!({"op": 0, "t": event, "s": next(&shared), "d": data});
                        if sink.send(Message::Text(frame.to_string().into())).await.is_err() {
                            break;
                        }
                    }
                    Some(Command::Close(code)) => {
                        let _ = sink.send(Message::Close(Some(CloseFrame { code, reason: "closed by the test".into() }))).await;
                        break;
                    }
                    Some(Command::Drop) | None => break,
                }
            }
        }
    }
    shared
        .connections
        .lock()
        .unwrap()
        .retain(|_, c| !c.same_channel(&commands));
    shared.changed.notify_waiters();
}

/// The token of interaction `id`, shaped as Discord's: base64 of `interaction:<id>:<secret>`.
pub fn interaction_token(id: u64) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!(
        "interaction:{id}:a-secret-of-interaction-{id}-valid-15-minutes"
    ))
}

/// A user as Discord sends it inside interactions.
pub fn member_user(id: &str) -> Value {
    json!({"id": id, "username": "asker", "discriminator": "0", "global_name": "Asker", "avatar": null})
}

/// INTERACTION_CREATE data, shaped like Discord's, for interaction `id` of `kind` (2 command,
/// 3 component, 4 autocomplete), in a guild or, with `guild` false, in the bot's DMs.
pub fn interaction(id: u64, kind: u8, data: Value, guild: bool) -> Value {
    let mut event = json!({
        "id": id.to_string(),
        "application_id": APPLICATION_ID,
        "type": kind,
        "token": interaction_token(id),
        "version": 1,
        // Each interaction in a channel of its own, unless a test moves it (see `in_channel`).
        "channel_id": (3_000_000 + id).to_string(),
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 8_388_608,
        "app_permissions": "0",
        "data": data,
    });
    if guild {
        event["guild_id"] = json!("4000");
        event["guild_locale"] = json!("en-US");
        // Installed by the server, as Discord says of every interaction since user installs.
        event["authorizing_integration_owners"] = json!({"0": "4000"});
        event["context"] = json!(0);
        event["member"] = json!({
            "user": member_user("6000"), "roles": [], "deaf": false, "mute": false, "flags": 0,
            "joined_at": "2026-01-01T00:00:00.000000+00:00", "permissions": "0",
        });
    } else {
        event["context"] = json!(1);
        event["user"] = member_user("6000");
        // The bot's DM with a server install: Discord gives the guild owner as 0.
        event["authorizing_integration_owners"] = json!({"0": "0"});
    }
    if kind == 3 {
        event["message"] = message_object("7000", "3000", &user(), "");
        event["message"]["type"] = json!(20);
    }
    event
}

/// The interaction, moved to `channel`.
pub fn in_channel(mut interaction: Value, channel: u64) -> Value {
    interaction["channel_id"] = json!(channel.to_string());
    interaction
}

/// A slash command with an optional string option.
pub fn slash(id: u64, name: &str, option: Option<(&str, &str)>, guild: bool) -> Value {
    let options: Vec<Value> = option
        .map(|(name, value)| json!({"name": name, "type": 3, "value": value}))
        .into_iter()
        .collect();
    interaction(
        id,
        2,
        json!({"id": "5000", "name": name, "type": 1, "options": options}),
        guild,
    )
}

/// An autocomplete request while the user types `typed` into option `option`.
pub fn autocomplete(id: u64, name: &str, option: &str, typed: &str) -> Value {
    let options = json!([{"name": option, "type": 3, "value": typed, "focused": true}]);
    interaction(
        id,
        4,
        json!({"id": "5000", "name": name, "type": 1, "options": options}),
        true,
    )
}

/// A click on the button `custom_id`.
pub fn click(id: u64, custom_id: &str) -> Value {
    interaction(
        id,
        3,
        json!({"custom_id": custom_id, "component_type": 2}),
        true,
    )
}

/// A message as Discord sends it.
pub fn message_object(id: &str, channel: &str, author: &Value, content: &str) -> Value {
    json!({
        "id": id, "channel_id": channel, "author": author, "content": content,
        "timestamp": "2026-01-01T00:00:00.000000+00:00", "edited_timestamp": null,
        "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": false, "type": 0, "flags": 0,
    })
}

/// "Apps → Answer with FAQ" on `message` (see [`message_object`]): a message command (data type
/// 3) whose target Discord resolves in full, so no Message Content intent is needed.
pub fn message_menu(id: u64, name: &str, message: Value) -> Value {
    let target = message["id"].clone();
    let mut event = interaction(
        id,
        2,
        json!({
            "id": "5100", "name": name, "type": 3, "target_id": target,
            "resolved": {"messages": {target.as_str().unwrap(): message}},
        }),
        true,
    );
    event["channel_id"] = message["channel_id"].clone();
    event
}

/// A slash command with a string option (or none) and `for:` naming `user`, resolved as
/// Discord resolves user options.
pub fn slash_for(id: u64, name: &str, option: Option<(&str, &str)>, user: &str) -> Value {
    let mut event = slash(id, name, option, true);
    event["data"]["options"]
        .as_array_mut()
        .unwrap()
        .push(json!({"name": "for", "type": 6, "value": user}));
    event["data"]["resolved"] = json!({"users": {user: member_user(user)}});
    event
}

/// The interaction as a user-installed app receives it outside any server (context 2, a DM
/// between users, or 1, the bot's DM): no `guild_id`, no `member`, the user who installed it
/// as the authorizing owner.
pub fn user_installed(mut interaction: Value, context: u8) -> Value {
    let event = interaction.as_object_mut().unwrap();
    event.remove("guild_id");
    event.remove("guild_locale");
    event.remove("member");
    event.insert("user".into(), member_user("6000"));
    event.insert("context".into(), json!(context));
    event.insert(
        "authorizing_integration_owners".into(),
        json!({"1": "6000"}),
    );
    event.insert("app_permissions".into(), json!("0"));
    interaction
}

/// The interaction, from a user whose Discord is in `locale`.
pub fn in_locale(mut interaction: Value, locale: &str) -> Value {
    interaction["locale"] = json!(locale);
    interaction
}

/// A choice of `values` in the select menu `custom_id`.
pub fn select(id: u64, custom_id: &str, values: &[&str]) -> Value {
    interaction(
        id,
        3,
        json!({"custom_id": custom_id, "component_type": 3, "values": values}),
        true,
    )
}

/// A click on `custom_id` under the message `message`, by `user`: votes are per user and answer.
pub fn click_by(id: u64, custom_id: &str, message: &str, user: &str) -> Value {
    let mut event = click(id, custom_id);
    event["message"]["id"] = json!(message);
    event["member"]["user"] = member_user(user);
    event
}

/// THREAD_CREATE for a new post `name` by `owner` in the forum `forum`, created now.
pub fn forum_post(thread: u64, forum: &str, name: &str, owner: &str) -> Value {
    json!({
        "id": thread.to_string(), "type": 11, "guild_id": "4000", "parent_id": forum,
        "owner_id": owner, "name": name, "last_message_id": thread.to_string(),
        "rate_limit_per_user": 0, "message_count": 0, "member_count": 1, "flags": 0,
        "total_message_sent": 0, "applied_tags": [],
        "thread_metadata": {
            "archived": false, "auto_archive_duration": 4320, "locked": false,
            "archive_timestamp": "2026-01-01T00:00:00.000000+00:00",
        },
        "newly_created": true,
    })
}

/// A snowflake minted `seconds` from now (negative: earlier), as Discord mints thread and
/// message ids.
pub fn snowflake(seconds: i64) -> u64 {
    const DISCORD_EPOCH_MS: i64 = 1_420_070_400_000;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    ((now + seconds * 1000 - DISCORD_EPOCH_MS) as u64) << 22
}

/// GUILD_CREATE for server `id`, whose Community language is `locale`.
pub fn guild_create(id: &str, locale: &str) -> Value {
    json!({
        "id": id, "name": "ISO fans", "icon": null, "icon_hash": null, "splash": null,
        "discovery_splash": null, "owner_id": "6000", "afk_channel_id": null, "afk_timeout": 300,
        "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "roles": [], "emojis": [], "features": [], "mfa_level": 0,
        "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
        "rules_channel_id": null, "vanity_url_code": null, "description": null, "banner": null,
        "premium_tier": 0, "preferred_locale": locale, "public_updates_channel_id": null,
        "nsfw_level": 0, "stickers": [], "premium_progress_bar_enabled": false,
        "joined_at": "2026-01-01T00:00:00.000000+00:00", "large": false, "unavailable": false,
        "member_count": 2, "voice_states": [], "members": [], "channels": [], "threads": [],
        "presences": [], "stage_instances": [], "guild_scheduled_events": [],
    })
}
