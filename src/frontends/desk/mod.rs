//! The keeper's desk: a small web page on the admin listener (beside `/metrics` and
//! `/healthz`) that shows customer care and the bot now, what people asked and when, and the
//! inbox of what faqbot did not answer well, with Teach and Dismiss on each line and a box to
//! try a question. Server-rendered HTML that needs no JavaScript; the same actions as `faqbot
//! inbox` and `faqbot teach` (`ops/keeper.rs`), so the two never disagree.
//!
//! Safe by default: open on loopback only, behind a password anywhere else
//! ([`access`]); a strict Content-Security-Policy, a CSRF token on every form, every question
//! escaped and shown without ids.

pub mod access;
pub mod chart;
pub mod page;

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;

use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use jiff::Timestamp;
use serde::Deserialize;

use crate::core::faq::Faq;
use crate::core::lang::Lang;
use crate::core::matcher::Verdict;
use crate::core::pipeline::{Detail, Kind, Options, Request};
use crate::ops::config::Config;
use crate::ops::keeper;
use crate::ops::live::Live;

use access::{Access, Sessions};

/// Days the desk looks back.
const DAYS: u32 = 30;

/// Whether the bot answers now, in the words of `/healthz`.
pub type StatusLine = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = String> + Send>> + Send + Sync>;

/// What the desk reads and acts on.
pub struct Desk {
    live: Arc<Live>,
    config: Config,
    status: StatusLine,
    access: Access,
    sessions: Sessions,
    /// One lesson at a time: two appends to the learned file never interleave.
    teaching: Arc<tokio::sync::Mutex<()>>,
    /// One password check at a time.
    checking: Arc<tokio::sync::Semaphore>,
}

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk")
            .field("access", &self.access)
            .finish()
    }
}

impl Desk {
    /// The desk of a listener bound to `addr`.
    pub fn new(live: Arc<Live>, config: Config, status: StatusLine, addr: SocketAddr) -> Self {
        let access = Access::of(addr, config.admin_password.as_deref());
        Self {
            live,
            config,
            status,
            access,
            sessions: Sessions::default(),
            teaching: Arc::new(tokio::sync::Mutex::new(())),
            checking: Arc::new(tokio::sync::Semaphore::new(1)),
        }
    }

    /// Whether the desk is open to a browser here, and how.
    pub fn access(&self) -> &Access {
        &self.access
    }
}

/// The desk's routes, each answer with the desk's security headers.
pub fn routes(desk: Arc<Desk>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/desk.css", get(stylesheet))
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/teach", post(teach))
        .route("/dismiss", post(dismiss))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&desk),
            guard,
        ))
        .layer(axum::middleware::map_response(secure))
        .with_state(desk)
}

/// Refuses what the desk must not take, before any handler sees it:
/// - on an open (loopback) desk, a request through a proxy (`Forwarded`, `X-Forwarded-*`,
///   `X-Real-IP`: the proxy would open the desk to whoever reaches it) or naming a host that is
///   not this machine (a page elsewhere whose name was re-pointed at 127.0.0.1: DNS rebinding);
/// - on any desk, a form posted from another site (`Origin` not this host, or `Sec-Fetch-Site`
///   saying so), which the CSRF token refuses too.
async fn guard(
    State(desk): State<Arc<Desk>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let headers = request.headers();
    if desk.access == Access::Open {
        let proxied = [
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-real-ip",
        ]
        .iter()
        .any(|name| headers.contains_key(*name));
        if proxied {
            tracing::warn!("the desk refused a request that came through a proxy: set admin_password_file to open it there");
            return shut();
        }
        if !headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .is_some_and(access::loopback_host)
        {
            return (
                StatusCode::MISDIRECTED_REQUEST,
                "This desk answers to 127.0.0.1 and localhost only.\n",
            )
                .into_response();
        }
    }
    if request.method() == axum::http::Method::POST && !access::same_site(headers) {
        return forbidden();
    }
    next.run(request).await
}

/// Headers every desk answer carries: nothing but the desk's own stylesheet may load, no form
/// may post elsewhere, no site may frame it, nothing is cached or sent as a referrer to
/// another site.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        "content-security-policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'",
    );
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    // Same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the
    // desk's own forms, and the origin check could not tell them from a forgery.
    set(headers, "referrer-policy", "same-origin");
    if !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, "cache-control", "no-store");
    }
    response
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        page::CSS,
    )
        .into_response()
}

fn html(markup: maud::Markup) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

fn see(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A redirect that also sets the session cookie.
fn see_with_cookie(to: &str, id: &str, headers: &HeaderMap) -> Response {
    let mut response = see(to);
    if let Ok(cookie) = HeaderValue::from_str(&access::set_cookie(id, headers)) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

fn shut() -> Response {
    (StatusCode::FORBIDDEN, html(page::shut())).into_response()
}

#[derive(Debug, Deserialize)]
struct Try {
    q: Option<String>,
}

async fn home(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Query(tried): Query<Try>,
) -> Response {
    let session = desk.sessions.of(&headers);
    let (id, session) = match (&desk.access, session) {
        (Access::Shut, _) => return shut(),
        (_, Some((id, session))) if session.signed_in => (id, session),
        (Access::Open, _) => match desk.sessions.open(true) {
            // A first visit: a session, then the page with it.
            Some(id) => return see_with_cookie("/", &id, &headers),
            None => return (StatusCode::SERVICE_UNAVAILABLE, "no randomness").into_response(),
        },
        (Access::Password(_), _) => return see("/login"),
    };
    let notice = desk.sessions.take_notice(&id);
    let view = view(&desk, session.csrf, notice, tried.q).await;
    html(page::desk(&view))
}

/// The FAQ as its files hold it now, learned questions included (the pipeline in service
/// keeps none of them), or the one built in.
fn faq_now(live: &Live, fallback: &Faq) -> Faq {
    match live.path() {
        Some(path) => {
            crate::ops::faq_file::load(path, &fallback.limits).unwrap_or_else(|_| fallback.clone())
        }
        None => fallback.clone(),
    }
}

async fn view(
    desk: &Desk,
    csrf: String,
    notice: Option<String>,
    question: Option<String>,
) -> page::View {
    let now = Timestamp::now();
    let pipeline = desk.live.pipeline();
    let live = Arc::clone(&desk.live);
    let served = pipeline.faq().clone();
    let faq = tokio::task::spawn_blocking(move || faq_now(&live, &served))
        .await
        .unwrap_or_else(|_| pipeline.faq().clone());
    let report = keeper::report(&desk.config, DAYS, keeper::INBOX_ROWS, now)
        .await
        .map_err(|e| e.to_string());
    let inbox = report
        .as_ref()
        .map(|report| keeper::inbox(report, &faq))
        .unwrap_or_default();
    let contact = &faq.contact;
    let schedule = &contact.schedule;
    let status = schedule.status(now);
    let topic = |id: crate::core::faq::TopicId| {
        let topic = &faq[id];
        (topic.id.clone(), topic.question.clone())
    };
    let tried = question
        .map(|q| q.trim().chars().take(300).collect::<String>())
        .filter(|q| !q.is_empty())
        .map(|question| {
            let options = Options {
                question: Some(question.clone()),
                ..Options::default()
            };
            let request = Request::new(
                Kind::Command {
                    name: "ask".to_owned(),
                    options,
                },
                Lang::ENGLISH,
            );
            let decision = pipeline.decide(&request, now);
            let (outcome, topic_of, score, others) = match &decision.detail {
                Detail::Ask { verdict, .. } => (
                    match verdict {
                        Verdict::Answer { .. } => "answered",
                        Verdict::Unsure { .. } => "unsure",
                        Verdict::Refuse { .. } => "refused",
                    },
                    verdict.topic(),
                    verdict.score(),
                    verdict.suggestions().to_vec(),
                ),
                _ => ("refused", None, 0.0, Vec::new()),
            };
            // The pipeline's FAQ is the one that answered: name its topics.
            let name = |id: crate::core::faq::TopicId| {
                let topic = &pipeline.faq()[id];
                (topic.id.clone(), topic.question.clone())
            };
            page::Tried {
                question,
                outcome,
                topic: topic_of.map(name),
                score,
                others: others.into_iter().map(name).collect(),
            }
        });
    let days = (0..DAYS)
        .rev()
        .filter_map(|back| {
            now.checked_sub(jiff::SignedDuration::from_hours(24 * i64::from(back)))
                .ok()
        })
        .map(|at| at.strftime("%Y-%m-%d").to_string())
        .collect();
    page::View {
        care: page::Care {
            name: contact.name.clone(),
            phone: contact.phone.clone(),
            open: status.open,
            next_change: status.next_change,
            zone: schedule.zone().tz().clone(),
            zone_name: schedule.zone().name().to_owned(),
            hours: schedule.lines().to_vec(),
            weekly: schedule
                .weekly()
                .into_iter()
                .map(|(days, times)| format!("{days} {times}"))
                .collect(),
        },
        state: (desk.status)().await,
        faq: page::FaqState {
            topics: faq.topics.len(),
            examples: faq.examples.len(),
            learned: faq.learned.len(),
            learned_file: faq.learned_file.as_ref().map(|f| f.name.clone()),
        },
        topics: faq.topic_ids().map(topic).collect(),
        report,
        inbox,
        tried,
        days,
        csrf,
        notice,
        guarded: matches!(desk.access, Access::Password(_)),
    }
}

async fn login_page(State(desk): State<Arc<Desk>>, headers: HeaderMap) -> Response {
    match desk.access {
        Access::Shut => return shut(),
        Access::Open => return see("/"),
        Access::Password(_) => {}
    }
    match desk.sessions.of(&headers) {
        Some((_, session)) if session.signed_in => see("/"),
        Some((id, session)) => {
            let notice = desk.sessions.take_notice(&id);
            html(page::login(&session.csrf, notice.as_deref()))
        }
        // The sign-in form has its own session, so that its CSRF token is one.
        None => match desk.sessions.open(false) {
            Some(id) => see_with_cookie("/login", &id, &headers),
            None => (StatusCode::SERVICE_UNAVAILABLE, "no randomness").into_response(),
        },
    }
}

#[derive(Deserialize)]
struct Login {
    csrf: String,
    password: String,
}

/// How long a wrong password waits before its answer: guessing stays slow.
const WRONG_PASSWORD_PAUSE: std::time::Duration = std::time::Duration::from_secs(1);

async fn login(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Login>,
) -> Response {
    if desk.access == Access::Shut {
        return shut();
    }
    let Some((id, session)) = desk.sessions.of(&headers) else {
        return see("/login");
    };
    if !access::same(&form.csrf, &session.csrf) {
        return forbidden();
    }
    // One password checked at a time, its pause included: guesses in parallel wait their turn
    // or are turned away, so neither the CPU nor the blocking pool can be flooded.
    let Ok(_turn) = Arc::clone(&desk.checking).try_acquire_owned() else {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "1")],
            "Another sign-in is being checked: try again in a moment.\n",
        )
            .into_response();
    };
    let checking = Arc::clone(&desk);
    // argon2 takes tens of milliseconds of one core on purpose: off the threads that answer.
    let admitted = tokio::task::spawn_blocking(move || checking.access.admits(&form.password))
        .await
        .unwrap_or(false);
    if !admitted {
        tracing::warn!("the desk refused a wrong password");
        tokio::time::sleep(WRONG_PASSWORD_PAUSE).await;
        desk.sessions
            .tell(&id, "That is not the password.".to_owned());
        return see("/login");
    }
    // A fresh session once signed in: a token seen before signing in is worth nothing after.
    desk.sessions.close(&id);
    match desk.sessions.open(true) {
        Some(id) => see_with_cookie("/", &id, &headers),
        None => (StatusCode::SERVICE_UNAVAILABLE, "no randomness").into_response(),
    }
}

#[derive(Deserialize)]
struct Csrf {
    csrf: String,
}

async fn logout(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Csrf>,
) -> Response {
    if let Some((id, session)) = desk.sessions.of(&headers) {
        if !access::same(&form.csrf, &session.csrf) {
            return forbidden();
        }
        desk.sessions.close(&id);
    }
    see("/login")
}

fn forbidden() -> Response {
    (
        StatusCode::FORBIDDEN,
        "This form is out of date or came from another site: reload the desk and try again.\n",
    )
        .into_response()
}

/// Why a form post is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// The desk is shut on this address.
    Shut,
    /// Signed in, but the form's token is not the session's: a page elsewhere, or an old tab.
    Forged,
    /// Not signed in.
    SignIn,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::Shut => shut(),
            Self::Forged => forbidden(),
            Self::SignIn => see("/login"),
        }
    }
}

/// The signed-in session of a form post whose CSRF token is the session's.
fn signed_in(desk: &Desk, headers: &HeaderMap, csrf: &str) -> Result<String, Refusal> {
    if desk.access == Access::Shut {
        return Err(Refusal::Shut);
    }
    match desk.sessions.of(headers) {
        Some((id, session)) if session.signed_in && access::same(csrf, &session.csrf) => Ok(id),
        Some((_, session)) if session.signed_in => Err(Refusal::Forged),
        _ => Err(Refusal::SignIn),
    }
}

#[derive(Deserialize)]
struct Lesson {
    csrf: String,
    question: String,
    topic: String,
}

async fn teach(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Lesson>,
) -> Response {
    let id = match signed_in(&desk, &headers, &form.csrf) {
        Ok(id) => id,
        Err(refusal) => return refusal.into_response(),
    };
    // Held by the work itself: a browser that goes away cannot let a second lesson in while
    // the first is still being written.
    let one = Arc::clone(&desk.teaching).lock_owned().await;
    let live = Arc::clone(&desk.live);
    let Lesson {
        question, topic, ..
    } = form;
    let lesson = topic.clone();
    let taught = tokio::task::spawn_blocking(move || {
        let _one = one;
        let faq = faq_now(&live, live.pipeline().faq());
        keeper::teach(live.path(), &faq, &question, &lesson)
    })
    .await;
    let notice = match taught {
        Ok(Ok(keeper::Taught::New {
            question,
            line,
            path,
            ..
        })) => {
            tracing::info!(file = %path.display(), line, topic = %topic, "taught from the desk");
            desk.live.ask_reload();
            format!("Taught: “{}” → {topic}. The bot answers it so once the FAQ is reloaded (a moment).", keeper::masked(&question))
        }
        Ok(Ok(keeper::Taught::Already { question, .. })) => {
            format!("“{}” was taught before.", keeper::masked(&question))
        }
        Ok(Err(e)) => format!("Not taught: {e}"),
        Err(e) => format!("Not taught: {e}"),
    };
    desk.sessions.tell(&id, notice);
    see("/#inbox")
}

#[derive(Deserialize)]
struct Dismissal {
    csrf: String,
    question: String,
}

async fn dismiss(
    State(desk): State<Arc<Desk>>,
    headers: HeaderMap,
    Form(form): Form<Dismissal>,
) -> Response {
    let id = match signed_in(&desk, &headers, &form.csrf) {
        Ok(id) => id,
        Err(refusal) => return refusal.into_response(),
    };
    // As insight keeps a question: the notice shows what is stored.
    let question = crate::ops::insights::capped(&form.question);
    let notice = match keeper::dismiss(&desk.config, &question, Timestamp::now()).await {
        Ok(()) => format!("Dismissed: “{}”.", keeper::masked(&question)),
        Err(e) => format!("Not dismissed: {e}"),
    };
    desk.sessions.tell(&id, notice);
    see("/#inbox")
}
