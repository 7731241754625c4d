//! Running faqbot for real, as an admin does: the real binary against the fake Discord, with the
//! FAQ edited while it runs, no config at all, systemd's notification socket stood in for, a
//! health check, JSON logs, and secrets pasted where they do not belong.

mod bot;
mod common;
mod fake_discord;

use std::sync::atomic::Ordering;
use std::time::Duration;

use bot::{connected_with, embed, Bot};
use common::Systemd;
use fake_discord::{interaction_token, slash, FakeDiscord, TOKEN};
use serde_json::Value;

/// A folder holding a copy of the shipped FAQ and its examples, and `config`.
fn folder_with_faq(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["faq.toml", "examples.tsv"] {
        std::fs::copy(common::repo().join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(dir.path().join("config.toml"), config).unwrap();
    dir
}

fn reloads(bot: &Bot) -> usize {
    bot.log.text().matches("FAQ reloaded").count()
}

/// Waits until the bot has reloaded `count` times in all (up to 20 s).
async fn reloaded(fake: &FakeDiscord, bot: &Bot, count: usize) {
    fake.wait_for("a reload", Duration::from_secs(20), |_| {
        (reloads(bot) >= count).then_some(())
    })
    .await;
}

/// Writes `name`, a file beside the FAQ, and waits (up to 20 s) until the watcher has judged
/// it: file events come in order, so every event before it has been judged too, and logged.
async fn settled(fake: &FakeDiscord, bot: &Bot, dir: &std::path::Path, name: &str) {
    std::fs::write(dir.join(name), "").unwrap();
    fake.wait_for("the file events judged", Duration::from_secs(20), |_| {
        bot.log
            .text()
            .lines()
            .any(|l| l.contains("file events") && l.contains(name))
            .then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_save_is_one_reload_then_quiet() {
    // The insight database sits beside the FAQ, so the writer works in the watched folder.
    let dir = folder_with_faq("watch_faq = true\ninsights_db = \"faqbot-insights.db\"\n");
    let faq = dir.path().join("faq.toml");
    let fake = FakeDiscord::start().await;
    // At debug, the watcher names the files of each batch of events, and whether it is a save.
    let bot = Bot::start_in(&fake, dir.path(), &[("RUST_LOG", "warn,faqbot=debug")]).await;
    fake.identified(1).await;
    bot.wait_for_log("watching the FAQ for changes").await;

    // A save as `echo >> faq.toml` makes it.
    let mut text = std::fs::read_to_string(&faq).unwrap();
    text.push_str("# saved\n");
    std::fs::write(&faq, &text).unwrap();
    reloaded(&fake, &bot, 1).await;
    settled(&fake, &bot, dir.path(), "settled.txt").await;
    let before_reads = bot.log.text().len();

    // Reading the FAQ, and the insight writer at work beside it, are no saves.
    let unchanged = "nothing to reload";
    for (n, args) in [["check"], ["report"]].iter().enumerate() {
        let run = common::faqbot(dir.path(), &args[..], &[]);
        assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
        let callback = fake
            .interact(slash(100 + n as u64, "logo", None, true))
            .await;
        assert_eq!(
            embed(&callback)["title"],
            "Who is allowed to use the ISO logo?"
        );
    }
    settled(&fake, &bot, dir.path(), "after-reads.txt").await;
    let since = bot.log.text()[before_reads..].to_owned();
    assert!(
        since.contains("faq.toml") && !since.contains("save=true"),
        "the reads were seen, and judged no save:\n{since}"
    );
    assert_eq!(
        reloads(&bot),
        1,
        "one save, one reload:\n{}",
        bot.log.text()
    );
    // Reading is not saving: nothing even looked at the files again.
    assert!(!bot.log.text().contains(unchanged), "{}", bot.log.text());

    // An editor's save: a new file renamed over the old one.
    let staged = dir.path().join(".faq.toml.swp");
    std::fs::write(&staged, text.replace("# saved\n", "# saved again\n")).unwrap();
    std::fs::rename(&staged, &faq).unwrap();
    reloaded(&fake, &bot, 2).await;
    // Whatever of the rename's events came after the reload was judged before a later file.
    settled(&fake, &bot, dir.path(), "later.txt").await;
    assert_eq!(reloads(&bot), 2, "{}", bot.log.text());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_no_config_at_all_insight_is_kept_in_the_state_folder() {
    let work = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_with(&fake, work.path(), state.path(), &[]).await;
    fake.identified(1).await;
    let db = common::insights_db(state.path());
    let log = bot.log_showing(&["recording insight"]).await;
    let line = log
        .lines()
        .find(|l| l.contains("recording insight"))
        .unwrap_or_else(|| panic!("where insight goes is logged:\n{log}"));
    assert!(line.contains(&db.display().to_string()), "{line}");
    assert_eq!(log.matches("recording insight").count(), 1);

    let question = "how do I mount an iso file on linux";
    fake.interact(slash(300, "ask", Some(("question", question)), true))
        .await;
    // `report` from anywhere else finds the same database.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut listed = Value::Null;
    for _ in 0..200 {
        let run = common::command(elsewhere.path(), state.path())
            .args(["report", "--json"])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{run:?}");
        listed = serde_json::from_slice(&run.stdout).unwrap();
        if listed["unanswered"][0]["question"] == question {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(listed["unanswered"][0]["question"], question, "{listed:#}");
    assert!(db.is_file());
    assert!(
        !work.path().join("faqbot-insights.db").exists(),
        "nothing beside where it ran"
    );
}

/// No piece of `secret` (ten characters in a row, in any case) is in `text`.
fn assert_no_piece_of(secret: &str, text: &str, what: &str) {
    let text = text.to_lowercase();
    for i in 0..=secret.len().saturating_sub(10) {
        let piece = secret[i..(i + 10).min(secret.len())].to_lowercase();
        assert!(
            !text.contains(&piece),
            "{what}: `{piece}` of the secret is shown:\n{text}"
        );
    }
}

/// A realistic token that no fake accepts.
const PASTED: &str = "MTEzNzQ5ODc2NTQzMjEwOTg3Ng.GhX2qP.9dKf83JqLmZ0pWnR7sTuVbXyC1eA4oI6hG5jN8kE";

#[test]
fn a_token_pasted_anywhere_is_never_shown() {
    // As a topic's id: no "e.g." made of it, whole, cut or lower-cased.
    let dir = folder_with_faq("");
    let faq = std::fs::read_to_string(dir.path().join("faq.toml")).unwrap();
    std::fs::write(
        dir.path().join("faq.toml"),
        faq.replace("id = \"logo\"", &format!("id = \"{PASTED}\"")),
    )
    .unwrap();
    for env in [vec![], vec![("DISCORD_TOKEN", PASTED)]] {
        let run = common::faqbot(dir.path(), &["check"], &env);
        assert_eq!(run.code, Some(2), "{run:?}");
        assert!(run.stderr.contains("is not a valid Discord command name"));
        assert_no_piece_of(PASTED, &format!("{}{}", run.stdout, run.stderr), "check");
    }

    // Inside the API's URL, in its path or as its password.
    let dir = tempfile::tempdir().unwrap();
    for url in [
        format!("http://127.0.0.1:9/{PASTED}"),
        format!("http://user:{PASTED}@127.0.0.1:9"),
    ] {
        for command in ["check", "run"] {
            let run = common::faqbot(
                dir.path(),
                &[command],
                &[("DISCORD_TOKEN", PASTED), ("DISCORD_API_URL", &url)],
            );
            let shown = format!("{}{}", run.stdout, run.stderr);
            assert_no_piece_of(PASTED, &shown, &format!("{command} with {url}"));
            if command == "run" {
                assert_eq!(run.code, Some(1), "{run:?}");
                assert!(
                    run.stderr
                        .contains("cannot reach the Discord API at http://")
                        && run.stderr.contains("<redacted>"),
                    "{}",
                    run.stderr
                );
            } else {
                assert!(run.stdout.contains("Discord API: http://"), "{shown}");
            }
        }
    }
    // Given where an instant goes, the usage error that repeats it does not repeat the token.
    let run = common::faqbot(dir.path(), &["hours", "--at", PASTED], &[]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("invalid value"), "{}", run.stderr);
    assert_no_piece_of(PASTED, &run.stderr, "a usage error");

    // Not known as the token (DISCORD_TOKEN unset), a token is still known by its shape.
    let run = common::faqbot(
        dir.path(),
        &["check"],
        &[("DISCORD_API_URL", &format!("http://127.0.0.1:9/{PASTED}"))],
    );
    assert_no_piece_of(PASTED, &run.stdout, "check without DISCORD_TOKEN");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_token_of_the_bot_or_of_an_interaction_reaches_the_log_at_trace() {
    // A token shaped as Discord's, and one that is not (found only because faqbot knows it).
    let unshaped = "a-placeholder-token-that-does-not-look-like-one";
    for (token, format) in [(TOKEN, "text"), (TOKEN, "json"), (unshaped, "text")] {
        let fake = FakeDiscord::accepting(token).await;
        let mut bot = Bot::start(
            &fake,
            &[
                ("RUST_LOG", "trace"),
                ("FAQBOT_LOG_FORMAT", format),
                ("DISCORD_TOKEN", token),
            ],
        )
        .await;
        fake.identified(1).await;
        fake.request("PUT", "/api/v10/applications/").await;
        // One answered where its link is looked up (GET …/{token}/messages/@original) and one
        // whose callback fails (logged, apologised for).
        fake.interact(slash(800, "logo", None, true)).await;
        fake.request("GET", "/api/v10/webhooks/").await;
        fake.faults().callback_failures.store(1, Ordering::SeqCst);
        fake.interact(slash(801, "ask", Some(("question", "who runs iso")), true))
            .await;
        bot.wait_for_log("the response was refused").await;
        bot.terminate();
        bot.exit_code(Duration::from_secs(10)).await;
        let log = bot.log.complete().await;
        assert!(
            log.len() > 10_000,
            "trace logging is on: {} bytes",
            log.len()
        );
        assert_no_piece_of(token, &log, "the bot token");
        for id in [800, 801] {
            assert_no_piece_of(&interaction_token(id), &log, "an interaction token");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn systemd_hears_ready_watchdog_while_heartbeats_are_acknowledged_reloading_and_stopping() {
    let dir = folder_with_faq("");
    let (systemd, socket) = Systemd::listen(dir.path());
    let fake = FakeDiscord::start().await;
    fake.heartbeat_every(Duration::from_millis(300));
    let bot = Bot::start_in(
        &fake,
        dir.path(),
        &[("NOTIFY_SOCKET", &socket), ("WATCHDOG_USEC", "400000")],
    )
    .await;
    fake.identified(1).await;
    systemd.received("READY=1", 1).await;
    let puts = fake.requests().iter().filter(|r| r.method == "PUT").count();
    assert_eq!(puts, 1, "READY=1 comes once the commands are registered");

    // Healthy: heartbeats acknowledged, the watchdog is fed (every 200 ms here).
    systemd.received("WATCHDOG=1", 5).await;

    // The gateway goes quiet without closing: no more WATCHDOG=1, so systemd would restart.
    // The window is counted in the bot's own steps, not in the test's seconds (a slow machine
    // slows both alike): serenity finds the connection dead and identifies again, twice, and
    // between the two nothing was acknowledged, so nothing may feed the watchdog.
    fake.faults()
        .ignore_heartbeats
        .store(true, Ordering::SeqCst);
    fake.identified(2).await;
    let fed = systemd.count("WATCHDOG=1");
    fake.identified(3).await;
    assert_eq!(
        systemd.count("WATCHDOG=1"),
        fed,
        "no WATCHDOG=1 from one reconnection to the next while heartbeats go unacknowledged: {:?}",
        bot.log.text()
    );

    // Acknowledged again (serenity reconnects by itself): fed again.
    fake.faults()
        .ignore_heartbeats
        .store(false, Ordering::SeqCst);
    systemd.received("WATCHDOG=1", fed + 3).await;

    // SIGHUP: RELOADING=1 with the moment, then READY=1 again.
    bot.signal("-HUP");
    systemd.received("READY=1", 2).await;
    let messages = systemd.messages();
    let reloading = messages
        .iter()
        .position(|m| m.lines().any(|l| l == "RELOADING=1"))
        .unwrap_or_else(|| panic!("RELOADING=1: {messages:?}"));
    assert!(messages[reloading].contains("MONOTONIC_USEC="));
    let ready_again = messages
        .iter()
        .rposition(|m| m.lines().any(|l| l == "READY=1"))
        .unwrap();
    assert!(reloading < ready_again, "{messages:?}");

    bot.terminate();
    systemd.received("STOPPING=1", 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_tells_connecting_connected_reconnecting_and_shutting_down_apart() {
    let fake = FakeDiscord::start().await;
    fake.faults().refuse_gateway.store(true, Ordering::SeqCst);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "metrics_listen = \"127.0.0.1:0\"\n",
    )
    .unwrap();
    let mut bot = Bot::start_in(&fake, dir.path(), &[]).await;
    let admin = format!("http://{}", bot.log.value_after("metrics=").await);
    let health = || async { common::get(&format!("{admin}/healthz")).await };
    // The health check once it answers `code` (or as it stands after 5 s).
    let health_becomes = |code: u16| async move {
        let mut status = health().await;
        for _ in 0..250 {
            if status.0 == code {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
            status = health().await;
        }
        status
    };
    let metric = || async {
        let (_, text) = common::get(&format!("{admin}/metrics")).await;
        text.lines()
            .find_map(|l| l.strip_prefix("faqbot_ready "))
            .map(str::to_owned)
    };
    assert_eq!(health().await, (503, "connecting\n".to_owned()));

    fake.faults().refuse_gateway.store(false, Ordering::SeqCst);
    fake.identified(1).await;
    assert_eq!(health_becomes(200).await, (200, "ok\n".to_owned()));
    let ready = |value: &'static str| async move {
        for _ in 0..100 {
            if metric().await.as_deref() == Some(value) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    };
    assert!(ready("1").await, "faqbot_ready 1 once connected");

    // The connection drops and the gateway refuses to take it back.
    fake.faults().refuse_gateway.store(true, Ordering::SeqCst);
    fake.drop_connection();
    assert_eq!(
        health_becomes(503).await,
        (503, "reconnecting\n".to_owned())
    );
    bot.wait_for_log("the gateway connection is down; reconnecting")
        .await;
    assert!(ready("0").await, "faqbot_ready 0 while reconnecting");

    fake.faults().refuse_gateway.store(false, Ordering::SeqCst);
    bot.wait_for_log("the gateway connection is back").await;
    assert_eq!(health().await.0, 200);

    // Shutting down while an interaction is in flight: not ready any more.
    fake.faults().hold_callbacks.store(true, Ordering::SeqCst);
    fake.dispatch("INTERACTION_CREATE", slash(900, "logo", None, true));
    fake.request("POST", "/api/v10/interactions/900/").await;
    bot.terminate();
    assert_eq!(
        health_becomes(503).await,
        (503, "shutting down\n".to_owned())
    );
    fake.release_callbacks();
    assert_eq!(bot.exit_code(Duration::from_secs(10)).await, Some(0));
}

/// Every line of `log` is one JSON object; returns them.
fn json_lines(log: &str) -> Vec<Value> {
    log.lines()
        .map(|line| {
            serde_json::from_str::<Value>(line)
                .unwrap_or_else(|e| panic!("not JSON ({e}): {line}\nin:\n{log}"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_json_log_is_one_object_a_line_with_the_spans_fields() {
    for (config, env) in [
        ("log_format = \"json\"\n", vec![]),
        ("", vec![("FAQBOT_LOG_FORMAT", "json")]),
    ] {
        let dir = folder_with_faq(config);
        let fake = FakeDiscord::start().await;
        let mut bot = Bot::start_in(&fake, dir.path(), &env).await;
        fake.identified(1).await;
        fake.interact(slash(500, "ask", Some(("question", "who runs iso")), true))
            .await;
        bot.signal("-HUP");
        bot.wait_for_log("FAQ reloaded").await;
        bot.terminate();
        assert_eq!(bot.exit_code(Duration::from_secs(10)).await, Some(0));
        let lines = json_lines(&bot.log.complete().await);
        let answered = lines
            .iter()
            .find(|l| l["fields"]["message"] == "answered")
            .unwrap_or_else(|| panic!("{lines:#?}"));
        assert_eq!(answered["span"]["command"], "ask", "{answered:#}");
        assert_eq!(answered["span"]["id"], "500", "{answered:#}");
        assert!(lines
            .iter()
            .any(|l| l["fields"]["message"] == "shutting down"));
    }

    // A run that fails says why as JSON too, even when the config is what is broken.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "guilds = \"all\"\n").unwrap();
    let run = common::faqbot(dir.path(), &["run"], &[("FAQBOT_LOG_FORMAT", "json")]);
    assert_eq!(run.code, Some(2));
    let lines = json_lines(&run.stderr);
    assert!(lines[0]["fields"]["message"]
        .as_str()
        .unwrap()
        .contains("`guilds` must be a list of Discord ids"));
    let dir = tempfile::tempdir().unwrap();
    let run = common::faqbot(dir.path(), &["run"], &[("FAQBOT_LOG_FORMAT", "yaml")]);
    assert_eq!(run.code, Some(2));
    assert!(run
        .stderr
        .contains("FAQBOT_LOG_FORMAT: `yaml` is not a log format"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_log_is_faqbots_own() {
    let (fake, mut bot, _dir) = connected_with("").await;
    fake.request("PUT", "/api/v10/applications/").await;
    fake.interact(slash(600, "hours", None, true)).await;
    fake.drop_connection();
    fake.wait_for("a reconnection", Duration::from_secs(20), |fake| {
        (fake.resumes() + fake.identifies() >= 2).then_some(())
    })
    .await;
    bot.terminate();
    bot.exit_code(Duration::from_secs(10)).await;
    let log = bot.log.complete().await;
    for line in log.lines() {
        let own = line.contains(" faqbot::") || line.contains(" faqbot:");
        let warning = line.contains(" WARN ") || line.contains(" ERROR ");
        assert!(own || warning, "not faqbot's own: {line}\nin:\n{log}");
    }
    assert!(!log.contains(" INFO serenity"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_comes_as_a_systemd_credential() {
    let dir = tempfile::tempdir().unwrap();
    let credentials = dir.path().join("credentials");
    std::fs::create_dir(&credentials).unwrap();
    std::fs::write(credentials.join("discord-token"), format!("{TOKEN}\n")).unwrap();
    let credentials = credentials.display().to_string();
    let run = common::faqbot(
        dir.path(),
        &["check"],
        &[("CREDENTIALS_DIRECTORY", &credentials)],
    );
    assert!(
        run.stdout
            .contains("token: read from the systemd credential discord-token"),
        "{run:?}"
    );

    let fake = FakeDiscord::start().await;
    let mut command = tokio::process::Command::from(common::command(dir.path(), dir.path()));
    command
        .arg("run")
        .env("CREDENTIALS_DIRECTORY", &credentials)
        .env("DISCORD_API_URL", fake.url())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true);
    let _bot = command.spawn().unwrap();
    fake.identified(1).await;

    // Rejected, the fix is the credential's file.
    fake.faults()
        .reject_token_http
        .store(true, Ordering::SeqCst);
    let run = common::faqbot(
        dir.path(),
        &["run"],
        &[
            ("CREDENTIALS_DIRECTORY", &credentials),
            ("DISCORD_API_URL", &fake.url()),
        ],
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains(
            "put the new one in the file the unit's LoadCredential=discord-token:… names"
        ),
        "{}",
        run.stderr
    );
}
