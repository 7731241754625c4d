//! Helpers shared by the integration tests: running the real `faqbot` binary.
// Each test crate compiles this module and uses only part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The result of one run of the binary, with its output decoded.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Variables that would make a test depend on the machine it runs on.
const MACHINE_ENV: [&str; 13] = [
    "DISCORD_TOKEN",
    "DISCORD_API_URL",
    "DISCORD_PUBLIC_KEY",
    "RUST_LOG",
    "FAQBOT_LOG_FORMAT",
    "FAQBOT_DATABASE_URL",
    "STATE_DIRECTORY",
    "XDG_STATE_HOME",
    "CREDENTIALS_DIRECTORY",
    "NOTIFY_SOCKET",
    "WATCHDOG_USEC",
    "WATCHDOG_PID",
    "HOME",
];

/// The faqbot binary, to run in `dir` with an environment of its own: none of the machine's
/// Discord, systemd or faqbot settings, and its state folder (where insight goes by default)
/// in `state`.
pub fn command(dir: &Path, state: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_faqbot"));
    isolate(&mut command, dir, state);
    command
}

/// Gives `command` an environment of its own (see [`command`]), to run in `dir`.
pub fn isolate(command: &mut Command, dir: &Path, state: &Path) {
    command.current_dir(dir);
    for var in MACHINE_ENV {
        command.env_remove(var);
    }
    command.env("XDG_STATE_HOME", state);
}

/// A state folder for the runs whose insight no test reads: in cargo's folder for tests, never
/// the machine's own.
pub fn scratch_state() -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("state")
}

/// `GET url`: its status and its body.
pub async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Where `faqbot` run with `XDG_STATE_HOME=state` keeps insight.
pub fn insights_db(state: &Path) -> std::path::PathBuf {
    state.join("faqbot").join("faqbot-insights.db")
}

/// Runs `faqbot args…` in `dir` with a clean environment (plus `env`); its state folder is in
/// `dir` too, unless `dir` is the repository, which is never written to.
pub fn faqbot(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let state = if dir == repo() {
        scratch_state()
    } else {
        dir.to_path_buf()
    };
    let mut command = command(dir, &state);
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("the faqbot binary runs");
    Run {
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// The repository's root, where the shipped `faq.toml` lives.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A reply as the adapter would send it (Discord markdown, fields, buttons), for snapshots.
pub fn discord_form(reply: &faqbot::core::reply::Reply) -> String {
    use faqbot::frontends::discord::markup::render;
    let mut out = format!(
        "title: {}\nephemeral: {}\nbody:\n{}\n",
        reply.title.as_ref().map_or_else(|| "-".to_owned(), render),
        reply.ephemeral(),
        render(&reply.body)
    );
    for field in &reply.fields {
        out.push_str(&format!(
            "field {:?} (inline: {}):\n{}\n",
            render(&field.name),
            field.inline,
            render(&field.value)
        ));
    }
    for suggestion in reply.suggestions() {
        out.push_str(&format!(
            "button /{}: {}\n",
            suggestion.topic, suggestion.label
        ));
    }
    if let Some(addressed) = reply.addressed() {
        out.push_str(&format!(
            "for <@{}>: {}\n",
            addressed.user,
            render(&addressed.intro)
        ));
    }
    if let Some(pick) = reply.pick() {
        let labels: Vec<&str> = pick.menu.iter().map(|s| s.label.as_str()).collect();
        out.push_str(&format!("menu: {}\n", labels.join(" | ")));
    }
    if let Some(votes) = reply.votes() {
        out.push_str(&format!(
            "votes: 👍 {} / 👎 {}\n",
            votes.helpful, votes.not_helpful
        ));
    }
    out
}

/// `faqbot report --json` on the insight database of a bot run in `dir`, once `done` says all
/// expected records are in (they reach the database a moment after the answers), or as it
/// stands after 20 s for the caller's assertions to show.
pub async fn report_until(
    dir: &Path,
    done: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let report = || {
        let run = faqbot(dir, &["--config", "config.toml", "report", "--json"], &[]);
        assert_eq!(run.code, Some(0), "{run:?}");
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()
    };
    let mut json = report();
    for _ in 0..200 {
        if done(&json) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        json = report();
    }
    json
}

/// The raw bytes of the insight database of a bot run in `dir`, its write-ahead log included:
/// for checks of what it never holds.
pub fn insights_bytes(dir: &Path) -> String {
    let mut db = Vec::new();
    let path = insights_db(dir);
    for file in [path.clone(), path.with_extension("db-wal")] {
        db.extend(std::fs::read(file).unwrap_or_default());
    }
    String::from_utf8_lossy(&db).into_owned()
}

/// Everything a child process writes to standard error, collected as it comes.
#[derive(Clone, Default)]
pub struct Log {
    /// The bytes as they came: a character may be split between two reads.
    bytes: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Log {
    /// What has been read so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes.lock().unwrap()).into_owned()
    }

    /// The log once it shows every one of `needles`, or once the process has closed it, or
    /// after 20 s: the reader runs beside the test, so a line written a moment ago may not
    /// have been read yet.
    pub async fn showing(&self, needles: &[&str]) -> String {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            // Read `ended` first: once it is set, the text is complete.
            let ended = self.ended.load(std::sync::atomic::Ordering::SeqCst);
            let text = self.text();
            if ended
                || needles.iter().all(|n| text.contains(n))
                || tokio::time::Instant::now() > deadline
            {
                return text;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// The word the log gives after `key` (`addr=`, `metrics=`), once it does (up to 20 s).
    pub async fn value_after(&self, key: &str) -> String {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let text = self.text();
            let found = text
                .split_whitespace()
                .find_map(|w| w.strip_prefix(key).map(str::to_owned));
            if let Some(found) = found {
                return found;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{key} never logged: {text}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Waits (up to 10 s) until the process has closed its standard error and all of it is read.
    pub async fn complete(&self) -> String {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
        while !self.ended.load(std::sync::atomic::Ordering::SeqCst)
            && tokio::time::Instant::now() < deadline
        {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        self.text()
    }
}

/// Collects everything a child process writes to standard error, as it comes.
pub fn collect_log(mut stderr: tokio::process::ChildStderr) -> Log {
    use tokio::io::AsyncReadExt;
    let log = Log::default();
    let sink = log.clone();
    tokio::spawn(async move {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buffer).await {
            if n == 0 {
                break;
            }
            sink.bytes.lock().unwrap().extend_from_slice(&buffer[..n]);
        }
        sink.ended.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    log
}

/// What a stand-in for systemd receives on its notification socket.
#[derive(Clone)]
pub struct Systemd {
    received: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Systemd {
    /// Listens on `dir/notify`, as systemd listens on NOTIFY_SOCKET.
    pub fn listen(dir: &Path) -> (Self, String) {
        let path = dir.join("notify");
        let socket = std::os::unix::net::UnixDatagram::bind(&path).unwrap();
        socket
            .set_read_timeout(Some(std::time::Duration::from_millis(100)))
            .unwrap();
        let systemd = Self {
            received: std::sync::Arc::new(std::sync::Mutex::new(Vec::new())),
        };
        let received = std::sync::Arc::clone(&systemd.received);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            loop {
                match socket.recv(&mut buffer) {
                    Ok(n) => received
                        .lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&buffer[..n]).into_owned()),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
                    Err(_) => return,
                }
                if std::sync::Arc::strong_count(&received) == 1 {
                    return;
                }
            }
        });
        (systemd, path.display().to_string())
    }

    pub fn messages(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }

    pub fn count(&self, state: &str) -> usize {
        self.messages()
            .iter()
            .filter(|m| m.lines().any(|l| l == state))
            .count()
    }

    /// Waits until `state` has been received `count` times in all (up to 20 s).
    pub async fn received(&self, state: &str, count: usize) {
        for _ in 0..400 {
            if self.count(state) >= count {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!(
            "{state} was not received {count} times: {:?}",
            self.messages()
        );
    }
}
pub mod postgres;
pub mod serve;
