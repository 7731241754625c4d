//! A running `faqbot run` against the fake Discord, and what tests check of its responses.
// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::process::{Child, Command};

use crate::common;
use crate::fake_discord::{FakeDiscord, TOKEN};

/// A running `faqbot run`, with everything it logs.
pub struct Bot {
    pub child: Child,
    pub log: common::Log,
}

impl Bot {
    /// Starts `faqbot run` in the repository; no test reads what insight it keeps.
    pub async fn start(fake: &FakeDiscord, env: &[(&str, &str)]) -> Self {
        Self::start_with(fake, common::repo(), &common::scratch_state(), env).await
    }

    /// Starts `faqbot run` in `dir`, which may hold a `config.toml` and a `faq.toml`, and
    /// keeps its state (insight) there too.
    pub async fn start_in(fake: &FakeDiscord, dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        Self::start_with(fake, dir, dir, env).await
    }

    /// Starts `faqbot run` in `dir` with its state folder in `state`.
    pub async fn start_with(
        fake: &FakeDiscord,
        dir: &std::path::Path,
        state: &std::path::Path,
        env: &[(&str, &str)],
    ) -> Self {
        Self::start_with_args(fake, dir, state, &[], env).await
    }

    /// Starts `faqbot run ARGS…` in `dir` with its state folder in `state`.
    pub async fn start_with_args(
        fake: &FakeDiscord,
        dir: &std::path::Path,
        state: &std::path::Path,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Self {
        let mut command = Command::from(common::command(dir, state));
        command
            .arg("run")
            .args(args)
            .env("DISCORD_TOKEN", TOKEN)
            .env("DISCORD_API_URL", fake.url())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("faqbot starts");
        let log = common::collect_log(child.stderr.take().unwrap());
        Self { child, log }
    }

    /// Waits for the bot to exit by itself, returning its exit code.
    pub async fn exit_code(&mut self, within: Duration) -> Option<i32> {
        let status = tokio::time::timeout(within, self.child.wait())
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "the bot did not exit within {within:?}; log:\n{}",
                    self.log()
                )
            })
            .unwrap();
        self.log.complete().await;
        status.code()
    }

    /// The log so far, for checks of what it does not say: the reader is given a moment to
    /// catch up with what was just written.
    pub fn log(&self) -> String {
        std::thread::sleep(Duration::from_millis(100));
        self.log.text()
    }

    /// Waits (up to 20 s) until the log shows `needle`; fails with the log if it never does.
    pub async fn wait_for_log(&self, needle: &str) {
        let log = self.log.showing(&[needle]).await;
        assert!(log.contains(needle), "`{needle}` was never logged:\n{log}");
    }

    /// The log once it shows every one of `needles` (or as it stands after 20 s, for the
    /// assertion to print).
    pub async fn log_showing(&self, needles: &[&str]) -> String {
        self.log.showing(needles).await
    }

    pub fn terminate(&self) {
        self.signal("-TERM");
    }

    pub fn signal(&self, signal: &str) {
        let pid = self.child.id().expect("the bot is running").to_string();
        let status = std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

/// A fake Discord with a bot connected to it, run in a folder of its own whose `config.toml`
/// says `config`.
pub async fn connected_with(config: &str) -> (FakeDiscord, Bot, tempfile::TempDir) {
    connected_with_env(config, &[]).await
}

/// [`connected_with`], the bot started with `env` besides.
pub async fn connected_with_env(
    config: &str,
    env: &[(&str, &str)],
) -> (FakeDiscord, Bot, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), env).await;
    fake.identified(1).await;
    (fake, bot, dir)
}

/// A fake Discord with a connected, registered bot.
pub async fn connected() -> (FakeDiscord, Bot) {
    let fake = FakeDiscord::start().await;
    let bot = Bot::start(&fake, &[]).await;
    fake.identified(1).await;
    fake.request("PUT", "/api/v10/applications/").await;
    (fake, bot)
}

pub fn embed(callback: &Value) -> &Value {
    &callback["data"]["embeds"][0]
}

/// What every message response must be: a channel message that mentions no one.
pub fn assert_safe_message(callback: &Value) {
    assert_eq!(callback["type"], 4, "a channel message: {callback:#}");
    let mentions = &callback["data"]["allowed_mentions"];
    assert_eq!(
        mentions["parse"],
        json!([]),
        "mentions nobody: {callback:#}"
    );
    assert_eq!(mentions["users"], json!([]));
    assert_eq!(mentions["roles"], json!([]));
}

pub fn is_ephemeral(callback: &Value) -> bool {
    callback["data"]["flags"].as_u64().unwrap_or(0) & 64 != 0
}

pub fn buttons(callback: &Value) -> Vec<String> {
    callback["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|b| b["custom_id"].as_str().unwrap().to_owned())
        .collect()
}

/// Discord's documented limits on a message (an interaction callback's `data`, or a message
/// posted in a channel): 2000 characters of content; embeds of at most 256/4096 characters in
/// title/description, 25 fields, 6000 characters in all; 5 rows of 5 buttons or one select menu
/// of 1–25 options; labels of 80 (buttons) and 100 (options) characters; custom ids of 100,
/// unique in the message.
pub fn assert_within_limits(message: &Value) {
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(chars(&message["content"]) <= 2000, "content: {message:#}");
    let embeds = message["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10);
    for embed in &embeds {
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        assert!(chars(&embed["title"]) <= 256 && chars(&embed["description"]) <= 4096);
        assert!(fields.len() <= 25);
        let mut total = chars(&embed["title"]) + chars(&embed["description"]);
        for field in &fields {
            assert!(chars(&field["name"]) <= 256 && chars(&field["value"]) <= 1024);
            total += chars(&field["name"]) + chars(&field["value"]);
        }
        assert!(total <= 6000, "embed total: {embed:#}");
    }
    let rows = message["components"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(rows.len() <= 5, "at most 5 rows: {message:#}");
    let mut ids = std::collections::HashSet::new();
    for row in &rows {
        assert_eq!(row["type"], 1, "an action row");
        let parts = row["components"].as_array().cloned().unwrap_or_default();
        assert!(!parts.is_empty());
        let selects = parts.iter().filter(|c| c["type"] == 3).count();
        assert!(
            (selects == 0 && parts.len() <= 5) || (selects == 1 && parts.len() == 1),
            "five buttons or one menu a row: {row:#}"
        );
        for part in &parts {
            let id = part["custom_id"].as_str().expect("a custom id");
            assert!((1..=100).contains(&id.chars().count()), "{id}");
            assert!(ids.insert(id.to_owned()), "custom ids are unique: {id}");
            if part["type"] == 2 {
                assert!(chars(&part["label"]) <= 80);
            } else {
                let options = part["options"].as_array().expect("options");
                assert!((1..=25).contains(&options.len()), "1–25 options");
                for option in options {
                    assert!((1..=100).contains(&chars(&option["label"])));
                    assert!((1..=100).contains(&chars(&option["value"])));
                }
            }
        }
    }
}

/// Keeps `callback` for `../shared/tools/discord_check.py callback` when `DISCORD_PAYLOADS_DIR`
/// is set (the suite itself never needs the tool).
pub fn keep_payload(callback: &Value) {
    if let Some(dir) = std::env::var_os("DISCORD_PAYLOADS_DIR") {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let path = std::path::Path::new(&dir).join(format!("{}-{n}.json", std::process::id()));
        std::fs::write(path, callback.to_string()).unwrap();
    }
}

/// Sends an interaction and returns the bot's callback, checked against Discord's limits.
pub async fn answer(fake: &FakeDiscord, interaction: Value) -> Value {
    let callback = fake.interact(interaction).await;
    if callback["type"] == 4 {
        assert_within_limits(&callback["data"]);
    }
    keep_payload(&callback);
    callback
}
