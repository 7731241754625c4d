//! Who may use the desk: everyone who reaches a loopback listener (the admin on the machine,
//! or through an SSH tunnel), and on any other address only who knows the password, whose
//! argon2 hash `admin_password_file` holds. A session is a random token in a cookie that
//! scripts cannot read (HttpOnly) and other sites cannot send (SameSite=Strict); every form
//! carries the session's own CSRF token as well, so a page elsewhere cannot teach the bot.

use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::{PasswordHash, PasswordVerifier};
use axum::http::{HeaderMap, HeaderValue};

/// The session cookie's name.
pub const COOKIE: &str = "faqbot_desk";
/// How long a session lasts.
const SESSION: Duration = Duration::from_secs(12 * 3600);
/// Sessions kept at once, at most: the oldest is forgotten first.
const SESSIONS: usize = 64;

/// Who may use the desk.
#[derive(Clone, PartialEq, Eq)]
pub enum Access {
    /// A loopback listener without a password: whoever reaches it is on the machine.
    Open,
    /// The password whose argon2 hash this is.
    Password(String),
    /// Another address and no password: the desk stays shut (metrics and health still
    /// answer), saying how to open it.
    Shut,
}

/// Never the hash, not even in a debug line.
impl std::fmt::Debug for Access {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Open => "Open",
            Self::Password(_) => "Password(…)",
            Self::Shut => "Shut",
        })
    }
}

impl Access {
    /// The access a listener on `addr` gives, with or without a password hash.
    pub fn of(addr: SocketAddr, password: Option<&str>) -> Self {
        match password {
            Some(hash) => Self::Password(hash.to_owned()),
            None if addr.ip().is_loopback() => Self::Open,
            None => Self::Shut,
        }
    }

    /// Whether `password` is the desk's.
    pub fn admits(&self, password: &str) -> bool {
        match self {
            Self::Open => true,
            Self::Shut => false,
            Self::Password(hash) => PasswordHash::new(hash).is_ok_and(|hash| {
                argon2::Argon2::default()
                    .verify_password(password.as_bytes(), &hash)
                    .is_ok()
            }),
        }
    }
}

/// The argon2id hash (PHC string) of `password`, with a fresh salt: what `faqbot password`
/// writes for `admin_password_file`.
pub fn hash(password: &str) -> Result<String, String> {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| e.to_string())?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| e.to_string())
}

/// One browser's session.
#[derive(Debug, Clone)]
pub struct Session {
    /// The token its forms carry.
    pub csrf: String,
    /// Whether the password was given (always, on an open desk).
    pub signed_in: bool,
    /// What the last action did, shown once.
    pub notice: Option<String>,
    expires: Instant,
}

/// The sessions open now: signed in, and waiting on the sign-in form, each in a pool of its
/// own, so that strangers opening forms can never push a keeper's session out.
#[derive(Debug)]
pub struct Sessions(Mutex<Pools>);

#[derive(Debug)]
struct Pools {
    signed: lru::LruCache<String, Session>,
    waiting: lru::LruCache<String, Session>,
}

impl Pools {
    fn of(&mut self, signed_in: bool) -> &mut lru::LruCache<String, Session> {
        if signed_in {
            &mut self.signed
        } else {
            &mut self.waiting
        }
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Session> {
        if self.signed.contains(id) {
            return self.signed.get_mut(id);
        }
        self.waiting.get_mut(id)
    }
}

impl Default for Sessions {
    fn default() -> Self {
        let pool = || crate::core::memory::lru(SESSIONS);
        Self(Mutex::new(Pools {
            signed: pool(),
            waiting: pool(),
        }))
    }
}

/// 32 random bytes, as hex.
fn token() -> String {
    let mut bytes = [0u8; 32];
    // Without the system's randomness no session can be safe: the desk then opens none.
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    hex::encode(bytes)
}

impl Sessions {
    /// Opens a session; returns its cookie token. An empty token (no randomness) opens none.
    pub fn open(&self, signed_in: bool) -> Option<String> {
        let id = token();
        let csrf = token();
        if id.is_empty() || csrf.is_empty() {
            return None;
        }
        let session = Session {
            csrf,
            signed_in,
            notice: None,
            expires: Instant::now() + SESSION,
        };
        self.lock().of(signed_in).put(id.clone(), session);
        Some(id)
    }

    /// The session the request's cookie names, if it is open and not expired.
    pub fn of(&self, headers: &HeaderMap) -> Option<(String, Session)> {
        let id = cookie(headers)?;
        let mut pools = self.lock();
        let session = pools.get_mut(&id)?.clone();
        if session.expires <= Instant::now() {
            pools.of(session.signed_in).pop(&id);
            return None;
        }
        Some((id, session))
    }

    /// Ends a session.
    pub fn close(&self, id: &str) {
        let mut pools = self.lock();
        pools.signed.pop(id);
        pools.waiting.pop(id);
    }

    /// Leaves `notice` for the session's next page.
    pub fn tell(&self, id: &str, notice: String) {
        if let Some(session) = self.lock().get_mut(id) {
            session.notice = Some(notice);
        }
    }

    /// The notice left for the session, taken.
    pub fn take_notice(&self, id: &str) -> Option<String> {
        self.lock().get_mut(id)?.notice.take()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pools> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The session token in the request's cookies.
fn cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The `Set-Cookie` value for session `id`: Secure when the request came through TLS (a
/// proxy in front says so with `X-Forwarded-Proto: https`).
pub fn set_cookie(id: &str, headers: &HeaderMap) -> String {
    let tls = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.eq_ignore_ascii_case("https"));
    format!(
        "{COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        SESSION.as_secs(),
        if tls { "; Secure" } else { "" }
    )
}

/// Whether a `Host` header names this machine: `localhost` or a loopback address, with or
/// without a port.
pub fn loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        // [::1]:9100
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                name
            } else {
                host
            }
        }),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Whether a form post comes from the desk's own pages, as far as the browser says: an
/// `Origin` naming this host, and a `Sec-Fetch-Site` of `same-origin` (or none of either,
/// from a client that sends neither, which the CSRF token still checks).
pub fn same_site(headers: &HeaderMap) -> bool {
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let site = text("sec-fetch-site").is_none_or(|site| matches!(site, "same-origin" | "none"));
    let origin = match (text("origin"), text("host")) {
        (None, _) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host)),
        (Some(_), None) => false,
    };
    site && origin
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_needed_off_loopback_and_checked_against_its_hash() {
        let local: SocketAddr = "127.0.0.1:9100".parse().unwrap();
        let wide: SocketAddr = "0.0.0.0:9100".parse().unwrap();
        let v6: SocketAddr = "[::1]:9100".parse().unwrap();
        assert_eq!(Access::of(local, None), Access::Open);
        assert_eq!(Access::of(v6, None), Access::Open);
        assert_eq!(Access::of(wide, None), Access::Shut);
        let hash = hash("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        let access = Access::of(wide, Some(&hash));
        assert!(access.admits("correct horse"));
        assert!(!access.admits("correct horse "));
        assert!(!access.admits(""));
        assert!(!Access::Shut.admits("anything"));
    }

    #[test]
    fn sessions_come_from_their_cookie_and_tokens_compare_whole() {
        let sessions = Sessions::default();
        let id = sessions.open(true).unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            format!("other=1; {COOKIE}={id}").parse().unwrap(),
        );
        let (found, session) = sessions.of(&headers).unwrap();
        assert_eq!(found, id);
        assert!(session.signed_in);
        assert!(same(&session.csrf, &session.csrf.clone()));
        assert!(!same(&session.csrf, &session.csrf[1..]));
        assert!(!same("", ""));
        sessions.close(&id);
        assert!(sessions.of(&headers).is_none());
        // However many sign-in forms strangers open, a keeper stays signed in.
        let keeper = sessions.open(true).unwrap();
        for _ in 0..(SESSIONS * 3) {
            sessions.open(false).unwrap();
        }
        let mut keepers = HeaderMap::new();
        keepers.insert(
            axum::http::header::COOKIE,
            format!("{COOKIE}={keeper}").parse().unwrap(),
        );
        assert!(sessions.of(&keepers).is_some_and(|(_, s)| s.signed_in));
        let cookie = set_cookie(&id, &HeaderMap::new());
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assert!(!cookie.contains("Secure"));
        let mut proxied = HeaderMap::new();
        proxied.insert("x-forwarded-proto", "https".parse().unwrap());
        assert!(set_cookie(&id, &proxied).ends_with("; Secure"));
    }

    #[test]
    fn only_this_machine_and_this_site_are_taken() {
        for host in [
            "127.0.0.1:9100",
            "localhost:9100",
            "LOCALHOST",
            "[::1]:9100",
            "127.9.9.9",
        ] {
            assert!(loopback_host(host), "{host}");
        }
        for host in [
            "evil.example:9100",
            "10.0.0.2:9100",
            "localhost.evil.example",
            "[::2]:1",
        ] {
            assert!(!loopback_host(host), "{host}");
        }
        let headers = |pairs: &[(&'static str, &str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.insert(*name, value.parse().unwrap());
            }
            map
        };
        assert!(same_site(&headers(&[])));
        assert!(same_site(&headers(&[
            ("host", "127.0.0.1:9100"),
            ("origin", "http://127.0.0.1:9100"),
            ("sec-fetch-site", "same-origin"),
        ])));
        assert!(!same_site(&headers(&[
            ("host", "127.0.0.1:9100"),
            ("origin", "http://evil.example"),
        ])));
        assert!(!same_site(&headers(&[("sec-fetch-site", "cross-site")])));
    }
}
