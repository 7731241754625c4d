//! Who may use the desk: everyone who reaches a loopback listener (the admin on the machine,
//! or through an SSH tunnel), and on any other address only who knows the password, whose
//! argon2 hash `admin_password_file` holds. A session is a random token in a cookie that
//! scripts cannot read (HttpOnly) and other sites cannot send (SameSite=Strict); every form
//! carries the session's own CSRF token as well, so a page elsewhere cannot teach the bot.

use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::{PasswordHash, PasswordVerifier};
use axum::http::HeaderMap;

/// The session cookie's name.
pub const COOKIE: &str = "faqbot_desk";
/// How long a session lasts.
const SESSION: Duration = Duration::from_secs(12 * 3600);
/// Sessions kept at once, at most: the oldest is forgotten first.
const SESSIONS: usize = 64;

/// Who may use the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// A loopback listener without a password: whoever reaches it is on the machine.
    Open,
    /// The password whose argon2 hash this is.
    Password(String),
    /// Another address and no password: the desk stays shut (metrics and health still
    /// answer), saying how to open it.
    Shut,
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

/// The sessions open now.
#[derive(Debug)]
pub struct Sessions(Mutex<lru::LruCache<String, Session>>);

impl Default for Sessions {
    fn default() -> Self {
        Self(Mutex::new(lru::LruCache::new(
            std::num::NonZeroUsize::new(SESSIONS).unwrap_or(std::num::NonZeroUsize::MIN),
        )))
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
        self.lock().put(id.clone(), session);
        Some(id)
    }

    /// The session the request's cookie names, if it is open and not expired.
    pub fn of(&self, headers: &HeaderMap) -> Option<(String, Session)> {
        let id = cookie(headers)?;
        let mut sessions = self.lock();
        let session = sessions.get(&id)?.clone();
        if session.expires <= Instant::now() {
            sessions.pop(&id);
            return None;
        }
        Some((id, session))
    }

    /// Ends a session.
    pub fn close(&self, id: &str) {
        self.lock().pop(id);
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

    fn lock(&self) -> std::sync::MutexGuard<'_, lru::LruCache<String, Session>> {
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
        let cookie = set_cookie(&id, &HeaderMap::new());
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assert!(!cookie.contains("Secure"));
        let mut proxied = HeaderMap::new();
        proxied.insert("x-forwarded-proto", "https".parse().unwrap());
        assert!(set_cookie(&id, &proxied).ends_with("; Secure"));
    }
}
