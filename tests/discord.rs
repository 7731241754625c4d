//! `faqbot run`, the real binary on the real serenity client, against a fake Discord on
//! 127.0.0.1: registration, every kind of interaction, presence, and the failures a bot meets.

mod bot;
mod common;
mod fake_discord;

use std::process::Stdio;
use std::sync::atomic::Ordering;

use std::time::Duration;

use bot::{assert_safe_message, buttons, connected, connected_with, embed, is_ephemeral, Bot};
use fake_discord::{autocomplete, click, in_channel, slash, FakeDiscord, APPLICATION_ID, TOKEN};
use serde_json::{json, Value};
use tokio::process::Command;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registers_every_command_in_one_put() {
    let (fake, bot) = connected().await;
    let put = fake.request("PUT", "/api/v10/applications/").await;
    assert_eq!(
        put.path,
        format!("/api/v10/applications/{APPLICATION_ID}/commands")
    );
    assert!(put.authorized, "the request carries the bot token");

    let expected = common::faqbot(common::repo(), &["commands", "--json"], &[]);
    let expected: Value = serde_json::from_str(&expected.stdout).unwrap();
    assert_eq!(
        put.body, expected,
        "exactly the payload `faqbot commands --json` shows"
    );
    let names: Vec<&str> = put
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.len(),
        17,
        "13 topics, ask, faq, hours and the message menu"
    );

    // Registration is one bulk overwrite, never a create call per command: once the bot says
    // the commands are registered, that one PUT is every write there was.
    bot.wait_for_log("commands registered").await;
    let writes: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| r.path.contains("/commands"))
        .collect();
    assert_eq!(writes.len(), 1, "{writes:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_topic_command_answers_with_its_embed() {
    let (fake, _bot) = connected().await;
    let faq = faqbot::core::faq::Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    for (n, topic) in faq.topics.iter().enumerate() {
        let callback = fake
            .interact(slash(100 + n as u64, &topic.id, None, true))
            .await;
        assert_safe_message(&callback);
        assert!(
            !is_ephemeral(&callback),
            "topic answers are public by default"
        );
        assert_eq!(embed(&callback)["title"], topic.question.as_str());
        assert_eq!(embed(&callback)["description"], topic.answer.as_str());
        for &related in &topic.related {
            assert!(
                buttons(&callback).contains(&format!("topic:{}", faq[related].id)),
                "/{}",
                topic.id
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_answers_doubts_and_refuses() {
    let (fake, _bot) = connected().await;

    let answered = fake
        .interact(slash(
            200,
            "ask",
            Some(("question", "can companies join ISO?")),
            true,
        ))
        .await;
    assert_safe_message(&answered);
    assert_eq!(
        embed(&answered)["title"],
        "Can individuals or companies join ISO?"
    );
    assert!(!is_ephemeral(&answered));

    let unsure = fake
        .interact(slash(201, "ask", Some(("question", "standards")), true))
        .await;
    assert_safe_message(&unsure);
    assert_eq!(embed(&unsure)["title"], "Did you mean…?");
    assert!(is_ephemeral(&unsure));
    assert_eq!(buttons(&unsure)[0], "topic:new-standards");

    let refused = fake
        .interact(slash(
            202,
            "ask",
            Some(("question", "how do I mount an iso file")),
            true,
        ))
        .await;
    assert_safe_message(&refused);
    assert_eq!(embed(&refused)["title"], "Not in the FAQ");
    assert!(is_ephemeral(&refused));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_at_most_25_topics() {
    let (fake, _bot) = connected().await;
    let all = fake.interact(autocomplete(300, "faq", "topic", "")).await;
    assert_eq!(all["type"], 8);
    let choices = all["data"]["choices"].as_array().unwrap();
    assert_eq!(choices.len(), 13);
    assert_eq!(choices[0]["value"], "conformity");

    let typed = fake
        .interact(autocomplete(301, "ask", "question", "who is the presid"))
        .await;
    let choices = typed["data"]["choices"].as_array().unwrap();
    assert!(choices.len() <= 25);
    assert_eq!(choices[0]["name"], "Who runs ISO and how is it governed?");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faq_hours_buttons_dms_and_unknown_commands() {
    let (fake, _bot) = connected().await;

    let list = fake.interact(slash(400, "faq", None, true)).await;
    assert_safe_message(&list);
    assert!(embed(&list)["description"]
        .as_str()
        .unwrap()
        .contains("`/membership` Can individuals or companies join ISO?"));

    let picked = fake
        .interact(slash(401, "faq", Some(("topic", "logo")), true))
        .await;
    assert_eq!(
        embed(&picked)["title"],
        "Who is allowed to use the ISO logo?"
    );

    let hours = fake.interact(slash(402, "hours", None, true)).await;
    assert_safe_message(&hours);
    let title = embed(&hours)["title"].as_str().unwrap();
    assert!(
        title == "Customer care is open" || title == "Customer care is closed",
        "{title}"
    );
    assert!(embed(&hours)["description"]
        .as_str()
        .unwrap()
        .contains("<t:"));
    assert_eq!(embed(&hours)["fields"][0]["value"], "+41 22 749 08 88");

    let clicked = fake.interact(click(403, "topic:certification-body")).await;
    assert_safe_message(&clicked);
    assert_eq!(
        embed(&clicked)["title"],
        "How do I find a certification body?"
    );

    let in_dm = fake.interact(slash(404, "un", None, false)).await;
    assert_safe_message(&in_dm);
    assert_eq!(embed(&in_dm)["title"], "Is ISO part of the United Nations?");

    let unknown = fake.interact(slash(405, "old-topic", None, true)).await;
    assert_safe_message(&unknown);
    assert!(is_ephemeral(&unknown));
    assert_eq!(embed(&unknown)["title"], "Unknown command");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quoted_mentions_never_ping() {
    let (fake, _bot) = connected().await;
    let question = "@everyone @here <@6000> <@&123> what's up";
    let callback = fake
        .interact(slash(500, "ask", Some(("question", question)), true))
        .await;
    assert_safe_message(&callback);
    let text = serde_json::to_string(&callback["data"]["embeds"]).unwrap();
    for raw in ["@everyone", "@here", "<@6000>", "<@&123>"] {
        assert!(!text.contains(raw), "{raw} is defused: {text}");
    }
    assert!(text.contains("@\u{200b}everyone"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_shows_whether_customer_care_is_open() {
    let (fake, _bot) = connected().await;
    let presence = fake
        .wait_for("a presence update", Duration::from_secs(20), |fake| {
            fake.presences().pop()
        })
        .await;
    assert!(
        presence.starts_with("Customer care open · closes ")
            || presence.starts_with("Customer care closed · opens "),
        "{presence}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keeps_answering_after_the_gateway_drops() {
    let (fake, bot) = connected().await;
    fake.drop_connection();
    fake.wait_for(
        "a resume or a new identify",
        Duration::from_secs(30),
        |fake| (fake.resumes() + fake.identifies() >= 2).then_some(()),
    )
    .await;
    fake.wait_for("the connection back", Duration::from_secs(10), |fake| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            fake.dispatch("TYPING_START", json!({}))
        }))
        .ok()
    })
    .await;
    let callback = fake.interact(slash(600, "logo", None, true)).await;
    assert_eq!(
        embed(&callback)["title"],
        "Who is allowed to use the ISO logo?"
    );
    let puts = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(
        puts,
        1,
        "a reconnect does not register again; log:\n{}",
        bot.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_is_retried_while_interactions_are_answered() {
    let fake = FakeDiscord::start().await;
    fake.faults()
        .registration_failures
        .store(2, Ordering::SeqCst);
    let bot = Bot::start(&fake, &[]).await;
    fake.identified(1).await;
    let callback = fake.interact(slash(700, "logo", None, true)).await;
    assert_eq!(
        embed(&callback)["title"],
        "Who is allowed to use the ISO logo?"
    );
    fake.wait_for(
        "three registration attempts",
        Duration::from_secs(20),
        |fake| {
            let puts = fake
                .requests()
                .into_iter()
                .filter(|r| r.method == "PUT")
                .count();
            (puts >= 3).then_some(())
        },
    )
    .await;
    // The registrar says so once it is done: nothing is retried after that.
    bot.wait_for_log("commands registered").await;
    let puts = fake
        .requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count();
    assert_eq!(puts, 3, "two failures, then success, then no more");
    let log = bot
        .log_showing(&[
            "registering commands failed; retrying",
            "commands registered",
        ])
        .await;
    assert!(
        log.contains("registering commands failed; retrying"),
        "{log}"
    );
    assert!(log.contains("commands registered"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guild_registration_when_configured() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "guilds = [4000, 4001]\n").unwrap();
    let mut command = Command::from(common::command(dir.path(), dir.path()));
    command
        .args(["--config", config.to_str().unwrap(), "run"])
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_URL", fake.url())
        .stderr(Stdio::null())
        .kill_on_drop(true);
    let _child = command.spawn().unwrap();
    let first = fake
        .request("PUT", "/api/v10/applications/2000/guilds/4000/commands")
        .await;
    let second = fake
        .request("PUT", "/api/v10/applications/2000/guilds/4001/commands")
        .await;
    assert_eq!(first.body, second.body);
    // Install types and contexts are for global commands only.
    for command in first.body.as_array().unwrap() {
        assert!(command.get("integration_types").is_none(), "{command}");
        assert!(command.get("contexts").is_none(), "{command}");
    }
    let shown = common::faqbot(
        dir.path(),
        &["--config", config.to_str().unwrap(), "commands", "--json"],
        &[],
    );
    let shown: Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(first.body, shown, "`commands --json` shows the guild body");
}

/// Starts the bot against a fake Discord that rejects the token the way `reject` sets up;
/// the bot must exit 1 with `message`, having identified `identifies` times (no retry loop).
async fn rejected(reject: fn(&fake_discord::Faults), message: &str, identifies: u32) {
    let fake = FakeDiscord::start().await;
    reject(fake.faults());
    let mut bot = Bot::start(&fake, &[]).await;
    assert_eq!(bot.exit_code(Duration::from_secs(20)).await, Some(1));
    let log = bot.log();
    assert!(log.contains(message), "{log}");
    assert_eq!(fake.identifies(), identifies);
    // Said once, by faqbot, as the last line; no library's Rust debug output before it.
    let last = log.trim_end().lines().last().unwrap_or_default();
    assert!(last.starts_with(message), "{log}");
    assert!(!log.contains("ERROR serenity"), "{log}");
    assert!(!log.contains("InvalidAuthentication"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_rejected_by_the_gateway_exits_1() {
    let reject = |f: &fake_discord::Faults| f.reject_token_gateway.store(true, Ordering::SeqCst);
    rejected(
        reject,
        "error: Discord rejected the token (gateway close code 4004)",
        1,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_rejected_over_http_exits_1_before_connecting() {
    let reject = |f: &fake_discord::Faults| f.reject_token_http.store(true, Ordering::SeqCst);
    rejected(reject, "error: Discord rejected the token (HTTP 401)", 0).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_shuts_down_cleanly() {
    let (_fake, mut bot) = connected().await;
    bot.terminate();
    assert_eq!(
        bot.exit_code(Duration::from_secs(10)).await,
        Some(0),
        "log:\n{}",
        bot.log()
    );
    assert!(bot.log().contains("shutting down"));
}

/// The title of the `/logo` answer, asked again until it is `expected` (a reload takes a moment).
async fn logo_becomes(fake: &FakeDiscord, first_id: u64, expected: &str) {
    for attempt in 0..100 {
        let callback = fake
            .interact(slash(first_id + attempt, "logo", None, true))
            .await;
        if embed(&callback)["title"] == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("/logo never answered {expected:?}");
}

fn puts(fake: &FakeDiscord) -> usize {
    fake.requests()
        .into_iter()
        .filter(|r| r.method == "PUT")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_faq_takes_effect_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let faq = dir.path().join("faq.toml");
    let original = std::fs::read_to_string(common::repo().join("faq.toml")).unwrap();
    std::fs::write(&faq, &original).unwrap();
    std::fs::copy(
        common::repo().join("examples.tsv"),
        dir.path().join("examples.tsv"),
    )
    .unwrap();
    std::fs::write(dir.path().join("config.toml"), "watch_faq = true\n").unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    fake.request("PUT", "/api/v10/applications/").await;
    logo_becomes(&fake, 1000, "Who is allowed to use the ISO logo?").await;

    // An answer changes: served at once, nothing registered again.
    let answer_only = original.replace(
        "Read more about our name and logo.",
        "Read more about our logo.",
    );
    std::fs::write(&faq, &answer_only).unwrap();
    bot.wait_for_log("FAQ reloaded").await;
    let callback = fake.interact(slash(1200, "logo", None, true)).await;
    assert!(embed(&callback)["description"]
        .as_str()
        .unwrap()
        .ends_with("Read more about our logo."));
    assert_eq!(puts(&fake), 1, "same commands: no registration");

    // A command's description changes: registered again, in one PUT.
    let renamed = answer_only.replace(
        "Who is allowed to use the ISO logo?",
        "May I use the ISO logo?",
    );
    std::fs::write(&faq, &renamed).unwrap();
    logo_becomes(&fake, 1300, "May I use the ISO logo?").await;
    fake.wait_for("a second registration", Duration::from_secs(10), |fake| {
        (puts(fake) == 2).then_some(())
    })
    .await;
    let put = fake
        .requests()
        .into_iter()
        .rfind(|r| r.method == "PUT")
        .unwrap();
    assert!(put.body.to_string().contains("May I use the ISO logo?"));

    // A broken edit is refused with its place, and the last good FAQ keeps serving.
    std::fs::write(&faq, renamed.replace("id = \"logo\"", "id = \"Logo\"")).unwrap();
    bot.wait_for_log("FAQ not reloaded").await;
    let log = bot
        .log_showing(&[
            "faq.toml:",
            "topic id `Logo` is not a valid Discord command name",
        ])
        .await;
    assert!(
        log.contains("faq.toml:")
            && log.contains("topic id `Logo` is not a valid Discord command name"),
        "{log}"
    );
    let callback = fake.interact(slash(1400, "logo", None, true)).await;
    assert_eq!(embed(&callback)["title"], "May I use the ISO logo?");

    // The examples file the FAQ names is read and watched with it: with the FAQ mended, a
    // broken line there is refused the same way, naming its file and line.
    // Mended back to what is served, it has nothing to reload.
    std::fs::write(&faq, &renamed).unwrap();
    bot.wait_for_log("the FAQ was saved as it is served; nothing to reload")
        .await;
    let examples = dir.path().join("examples.tsv");
    let mut text = std::fs::read_to_string(&examples).unwrap();
    text.push_str("who may print the ISO badge\tlogos\tparaphrase\n");
    std::fs::write(&examples, &text).unwrap();
    bot.wait_for_log("`logos` is not a topic of this FAQ").await;
    let log = bot.log_showing(&["examples.tsv:"]).await;
    assert!(log.contains("examples.tsv:"), "{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_reloads_the_faq() {
    let dir = tempfile::tempdir().unwrap();
    let faq = dir.path().join("faq.toml");
    let original = std::fs::read_to_string(common::repo().join("faq.toml")).unwrap();
    std::fs::write(&faq, &original).unwrap();
    std::fs::copy(
        common::repo().join("examples.tsv"),
        dir.path().join("examples.tsv"),
    )
    .unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    logo_becomes(&fake, 2000, "Who is allowed to use the ISO logo?").await;
    std::fs::write(
        &faq,
        original.replace("Who is allowed to use the ISO logo?", "Can I use the logo?"),
    )
    .unwrap();
    // Not watched: no watcher was ever started, so the save changes nothing until SIGHUP.
    let log = bot.log_showing(&["connected"]).await;
    assert!(!log.contains("watching the FAQ for changes"), "{log}");
    let callback = fake.interact(slash(2100, "logo", None, true)).await;
    assert_eq!(
        embed(&callback)["title"],
        "Who is allowed to use the ISO logo?",
        "not watched: no change yet"
    );
    bot.signal("-HUP");
    logo_becomes(&fake, 2200, "Can I use the logo?").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_interactions_and_failures() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "metrics_listen = \"127.0.0.1:0\"\n",
    )
    .unwrap();
    let fake = FakeDiscord::start().await;
    fake.faults()
        .registration_failures
        .store(1, Ordering::SeqCst);
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    fake.interact(slash(3000, "logo", None, true)).await;
    fake.interact(slash(
        3001,
        "ask",
        Some(("question", "how do I mount an iso file")),
        true,
    ))
    .await;
    fake.interact(slash(3002, "no-such-command", None, true))
        .await;
    fake.wait_for(
        "the retried registration",
        Duration::from_secs(10),
        |fake| (puts(fake) == 2).then_some(()),
    )
    .await;
    let addr = bot.log.value_after("metrics=").await;
    let text = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for line in [
        r#"faqbot_interactions_total{kind="command",command="logo",outcome="answered"} 1"#,
        r#"faqbot_interactions_total{kind="command",command="ask",outcome="refused"} 1"#,
        r#"faqbot_interactions_total{kind="command",command="other",outcome="notice"} 1"#,
        "faqbot_ask_refusals_total 1",
        "faqbot_answer_latency_seconds_count 3",
        "faqbot_registration_failures_total 1",
    ] {
        assert!(text.contains(line), "{line} in:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_answer_twice_in_a_channel_goes_to_the_asker_only() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::start(&fake, &[("RUST_LOG", "info,faqbot=debug")]).await;
    fake.identified(1).await;
    let first = fake
        .interact(in_channel(slash(4000, "logo", None, true), 77))
        .await;
    assert!(!is_ephemeral(&first));
    // Once the answer is out, the bot looks up where it is, for the repeats to link to.
    bot.wait_for_log("repeats link to it").await;
    let again = fake
        .interact(in_channel(
            slash(
                4001,
                "ask",
                Some(("question", "can i use the iso logo")),
                true,
            ),
            77,
        ))
        .await;
    assert_safe_message(&again);
    assert!(is_ephemeral(&again), "{again:#}");
    assert_eq!(
        embed(&again)["title"],
        "Who is allowed to use the ISO logo?",
        "the asker gets the answer itself"
    );
    assert_eq!(embed(&again)["description"], embed(&first)["description"]);
    let pointer = &embed(&again)["fields"][0];
    assert_eq!(pointer["name"], "Already posted here");
    let pointer = pointer["value"].as_str().unwrap();
    assert!(
        pointer.contains("https://discord.com/channels/4000/3000/"),
        "links the earlier message: {pointer}"
    );
    assert_eq!(
        fake.requests()
            .iter()
            .filter(|r| r.path.ends_with("@original"))
            .count(),
        1,
        "a repeat fetches nothing"
    );

    let elsewhere = fake
        .interact(in_channel(slash(4002, "logo", None, true), 78))
        .await;
    assert!(!is_ephemeral(&elsewhere), "another channel gets the answer");
    let other = fake
        .interact(in_channel(slash(4003, "un", None, true), 77))
        .await;
    assert!(
        !is_ephemeral(&other),
        "another answer in the same channel is posted"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn insight_is_recorded_and_reported_while_the_bot_runs() {
    let (fake, _bot, dir) = connected_with("insights_days = 30\n").await;
    fake.interact(slash(5000, "logo", None, true)).await;
    fake.interact(slash(
        5001,
        "ask",
        Some(("question", "can I use the ISO logo?")),
        true,
    ))
    .await;
    fake.interact(slash(
        5002,
        "ask",
        Some(("question", "How do I mount an ISO file?")),
        true,
    ))
    .await;
    fake.interact(slash(
        5003,
        "ask",
        Some(("question", "how do i mount an iso file")),
        true,
    ))
    .await;
    fake.interact(slash(5004, "ask", Some(("question", "standards")), true))
        .await;

    // Records reach the database a moment after the answers: wait until all five are in.
    let all_in = |json: &Value| {
        let counts = |list: &Value, key: &str| -> u64 {
            list.as_array()
                .into_iter()
                .flatten()
                .map(|r| r[key].as_u64().unwrap_or(0))
                .sum()
        };
        counts(&json["topics"], "answers") == 2 && counts(&json["unanswered"], "count") == 3
    };
    let json = common::report_until(dir.path(), all_in).await;
    assert_eq!(
        json["topics"],
        json!([{"topic": "logo", "answers": 2}]),
        "{json:#}"
    );
    // Two wordings of one question count together, shown in the wording recorded last (the
    // answers go out one after the other, but their records may land in either order).
    let first = &json["unanswered"][0];
    assert_eq!((&first["count"], &first["unsure"]), (&json!(2), &json!(0)));
    assert!(
        ["how do i mount an iso file", "How do I mount an ISO file?"]
            .contains(&first["question"].as_str().unwrap()),
        "{first}"
    );
    assert_eq!(
        json["unanswered"][1],
        json!({"question": "standards", "count": 1, "unsure": 1})
    );

    let text = common::faqbot(dir.path(), &["--config", "config.toml", "report"], &[]);
    assert!(
        text.stdout.contains(first["question"].as_str().unwrap()),
        "{}",
        text.stdout
    );
    let db = common::insights_bytes(dir.path());
    assert!(db.contains("mount an iso file"));
    assert!(
        !db.contains("6000") && !db.contains("asker") && !db.contains("4000"),
        "no user or guild ids stored"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_discord_never_delays_a_repeat_answer() {
    let (fake, _bot) = connected().await;
    fake.faults().hold_original.store(true, Ordering::SeqCst);
    fake.interact(in_channel(slash(4100, "logo", None, true), 91))
        .await;
    // The bot's lookup of the first post is now held by Discord, for as long as the test
    // likes; the repeat is answered all the same, pointing "just above".
    fake.request(
        "GET",
        &format!(
            "/api/v10/webhooks/2000/{}/messages/@original",
            fake_discord::interaction_token(4100)
        ),
    )
    .await;
    let again = fake
        .interact(in_channel(slash(4101, "logo", None, true), 91))
        .await;
    assert!(is_ephemeral(&again));
    let pointer = embed(&again)["fields"][0]["value"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(pointer.contains("just above"), "{pointer}");
    fake.release_original();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_guild_holds_back_none_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "guilds = [111, 222]\n").unwrap();
    let fake = FakeDiscord::start().await;
    fake.faults()
        .failing_guilds
        .lock()
        .unwrap()
        .insert("111".to_owned(), 3);
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    bot.wait_for_log("count=17 scope=guild 111").await;
    assert_eq!(
        fake.guild_registrations(),
        [
            "111/commands",
            "222/commands",
            "111/commands",
            "111/commands",
            "111/commands"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusing_guild_is_logged_and_the_others_still_get_their_commands() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "guilds = [111, 222]\n").unwrap();
    let fake = FakeDiscord::start().await;
    fake.faults()
        .refused_guilds
        .lock()
        .unwrap()
        .push("111".to_owned());
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    fake.request("PUT", "/api/v10/applications/2000/guilds/222/commands")
        .await;
    let log = bot
        .log_showing(&["Discord refused the commands in this scope", "guild 111"])
        .await;
    assert!(
        log.contains("Discord refused the commands in this scope") && log.contains("guild 111"),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_newest_commands_win_and_registrations_never_pile_up() {
    let dir = tempfile::tempdir().unwrap();
    let faq = dir.path().join("faq.toml");
    let original = std::fs::read_to_string(common::repo().join("faq.toml")).unwrap();
    std::fs::write(&faq, &original).unwrap();
    std::fs::copy(
        common::repo().join("examples.tsv"),
        dir.path().join("examples.tsv"),
    )
    .unwrap();
    let fake = FakeDiscord::start().await;
    fake.faults()
        .registration_failures
        .store(1_000_000, Ordering::SeqCst);
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    let puts_with = |fake: &FakeDiscord, words: &str| -> Vec<usize> {
        fake.requests()
            .iter()
            .filter(|r| r.method == "PUT")
            .enumerate()
            .filter(|(_, r)| r.body.to_string().contains(words))
            .map(|(i, _)| i)
            .collect()
    };
    const FIRST: &str = "Who is allowed to use the ISO logo?";
    const SECOND: &str = "May I use the ISO logo?";
    const THIRD: &str = "Who may use the ISO logo?";
    fake.wait_for("a first attempt", Duration::from_secs(10), |fake| {
        (!puts_with(fake, FIRST).is_empty()).then_some(())
    })
    .await;
    // Two edits while Discord keeps failing: each reload hands the registrar a newer payload.
    for (from, to) in [(FIRST, SECOND), (SECOND, THIRD)] {
        let text = std::fs::read_to_string(&faq).unwrap().replace(from, to);
        std::fs::write(&faq, text).unwrap();
        bot.signal("-HUP");
        fake.wait_for(
            "an attempt with the edit",
            Duration::from_secs(10),
            |fake| (!puts_with(fake, to).is_empty()).then_some(()),
        )
        .await;
    }
    fake.faults()
        .registration_failures
        .store(0, Ordering::SeqCst);
    bot.wait_for_log("commands registered").await;
    // Once a newer payload existed, no older one was ever sent again.
    let (first, second, third) = (
        puts_with(&fake, FIRST),
        puts_with(&fake, SECOND),
        puts_with(&fake, THIRD),
    );
    assert!(
        first.iter().max() < second.iter().min(),
        "{first:?} {second:?}"
    );
    assert!(
        second.iter().max() < third.iter().min(),
        "{second:?} {third:?}"
    );
    assert_eq!(bot.log().matches("commands registered").count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sighup_never_stops_a_bot_serving_the_built_in_faq() {
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    bot.signal("-HUP");
    bot.wait_for_log("there is no file to reload").await;
    let answered = fake.interact(slash(4200, "logo", None, true)).await;
    assert_eq!(
        embed(&answered)["title"],
        "Who is allowed to use the ISO logo?"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_the_interaction_in_flight_and_writes_its_insight() {
    let (fake, mut bot, dir) = connected_with("insights_days = 30\n").await;
    fake.faults().hold_callbacks.store(true, Ordering::SeqCst);
    fake.dispatch("INTERACTION_CREATE", slash(4300, "logo", None, true));
    fake.request("POST", "/api/v10/interactions/4300/").await;
    // The answer is on its way and Discord has not confirmed it yet: stop the bot now.
    bot.terminate();
    bot.wait_for_log("shutting down").await;
    fake.release_callbacks();
    assert_eq!(
        bot.exit_code(Duration::from_secs(10)).await,
        Some(0),
        "{}",
        bot.log()
    );
    let report = common::faqbot(
        dir.path(),
        &["--config", "config.toml", "report", "--json"],
        &[],
    );
    let report: Value = serde_json::from_str(&report.stdout).unwrap();
    assert_eq!(
        report["topics"],
        serde_json::json!([{"topic": "logo", "answers": 1}]),
        "the interaction in flight was finished and recorded: {}",
        bot.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_gateway_ends_in_one_line_and_signals_work_meanwhile() {
    let fake = FakeDiscord::start().await;
    fake.faults().refuse_gateway.store(true, Ordering::SeqCst);
    let mut bot = Bot::start(&fake, &[]).await;
    assert_eq!(bot.exit_code(Duration::from_secs(30)).await, Some(1));
    let log = bot.log();
    let last = log.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: cannot reach the Discord gateway at ws://127.0.0.1:"),
        "{log}"
    );

    // Stopped while it is still trying: exit 0 at once.
    let fake = FakeDiscord::start().await;
    fake.faults().refuse_gateway.store(true, Ordering::SeqCst);
    let mut bot = Bot::start(&fake, &[]).await;
    fake.request("GET", "/api/v10/gateway/bot").await;
    bot.terminate();
    assert_eq!(
        bot.exit_code(Duration::from_secs(10)).await,
        Some(0),
        "{}",
        bot.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_works_while_reconnecting_to_a_gateway_that_went_away() {
    let (fake, mut bot) = connected().await;
    fake.faults().refuse_gateway.store(true, Ordering::SeqCst);
    fake.drop_connection();
    fake.wait_for("the bot to notice", Duration::from_secs(10), |fake| {
        (fake.identifies() >= 1).then_some(())
    })
    .await;
    bot.terminate();
    assert_eq!(
        bot.exit_code(Duration::from_secs(10)).await,
        Some(0),
        "{}",
        bot.log()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_name_where_the_wrong_setting_came_from() {
    let fake = FakeDiscord::start().await;
    // A URL that is not Discord's API (nor a proxy for it): from the environment…
    let wrong = format!("{}/not-the-api", fake.url());
    let mut bot = Bot::start(&fake, &[("DISCORD_API_URL", &wrong)]).await;
    assert_eq!(bot.exit_code(Duration::from_secs(20)).await, Some(1));
    let log = bot.log();
    assert!(
        log.contains(&format!("error: {wrong} answered 404 to the token check"))
            && log.contains("check DISCORD_API_URL")
            && !log.contains("discordstatus"),
        "{log}"
    );
    // …and from the config file.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        format!("api_url = \"{wrong}\"\n"),
    )
    .unwrap();
    let mut command = Command::from(common::command(dir.path(), dir.path()));
    let output = command
        .arg("run")
        .env("DISCORD_TOKEN", TOKEN)
        .env_remove("DISCORD_API_URL")
        .output()
        .await
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("check `api_url` in the config"), "{stderr}");

    // A rejected token read from a file: the fix is the file, not DISCORD_TOKEN.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("token"), format!("{TOKEN}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let token = dir.path().join("token");
        std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    std::fs::write(
        dir.path().join("config.toml"),
        format!("token_file = \"token\"\napi_url = \"{}\"\n", fake.url()),
    )
    .unwrap();
    fake.faults()
        .reject_token_http
        .store(true, Ordering::SeqCst);
    let output = Command::from(common::command(dir.path(), dir.path()))
        .arg("run")
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_URL")
        .output()
        .await
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr.contains("put the new one in the token file")
            && !stderr.contains("set DISCORD_TOKEN"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_callback_is_logged_counted_and_apologised_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "metrics_listen = \"127.0.0.1:0\"\ninsights = false\n",
    )
    .unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    fake.faults().callback_failures.store(1, Ordering::SeqCst);
    fake.dispatch("INTERACTION_CREATE", slash(4400, "logo", None, true));
    let apology = fake
        .wait_for("the apology", Duration::from_secs(10), |fake| {
            let callbacks: Vec<_> = fake
                .requests()
                .into_iter()
                .filter(|r| r.path.starts_with("/api/v10/interactions/4400/"))
                .collect();
            (callbacks.len() == 2).then(|| callbacks[1].body.clone())
        })
        .await;
    assert_eq!(
        apology["data"]["embeds"][0]["title"],
        "Sorry, something went wrong"
    );
    assert_eq!(apology["data"]["flags"], 64, "privately");
    let log = bot.log_showing(&["the response was refused"]).await;
    assert!(log.contains("the response was refused"), "{log}");
    let addr = bot.log.value_after("metrics=").await;
    let text = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            r#"faqbot_interactions_total{kind="command",command="logo",outcome="failed"} 1"#
        ),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_discord_refused_is_not_taken_as_posted() {
    let (fake, _bot) = connected().await;
    fake.faults().callback_failures.store(1, Ordering::SeqCst);
    fake.dispatch(
        "INTERACTION_CREATE",
        in_channel(slash(4500, "logo", None, true), 92),
    );
    fake.wait_for("the apology", Duration::from_secs(10), |fake| {
        let callbacks = fake
            .requests()
            .iter()
            .filter(|r| r.path.starts_with("/api/v10/interactions/4500/"))
            .count();
        (callbacks == 2).then_some(())
    })
    .await;
    // Nothing was posted: the next asker gets the answer in public, not a pointer to it.
    let next = fake
        .interact(in_channel(slash(4501, "logo", None, true), 92))
        .await;
    assert!(!is_ephemeral(&next), "{next:#}");
}

/// `faqbot teach` beside a running bot: the question it refused is answered as taught once the
/// file of taught questions, which the first lesson creates, is reloaded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_taught_is_answered_by_the_running_bot() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["faq.toml", "examples.tsv"] {
        std::fs::copy(common::repo().join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(dir.path().join("config.toml"), "watch_faq = true\n").unwrap();
    let fake = FakeDiscord::start().await;
    let bot = Bot::start_in(&fake, dir.path(), &[]).await;
    fake.identified(1).await;
    let question = "who translates standards into other languages";
    let before = fake
        .interact(slash(1, "ask", Some(("question", question)), true))
        .await;
    assert!(is_ephemeral(&before), "refused before: {before}");

    let taught = common::faqbot(dir.path(), &["teach", question, "equivalents"], &[]);
    assert_eq!(taught.code, Some(0), "{taught:?}");
    bot.wait_for_log("FAQ reloaded").await;
    let after = fake
        .interact(slash(2, "ask", Some(("question", question)), true))
        .await;
    assert_eq!(
        embed(&after)["title"],
        "Where can I find national standards equivalent to an ISO standard?",
        "{after}"
    );
}

/// `faqbot inbox` after a session: a question refused in two wordings is one line, the
/// question whose answer got 👎 is there with its topic, the unsure one too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inbox_gathers_what_was_not_answered_well() {
    let (fake, _bot, dir) = connected_with("insights_days = 30\n").await;
    let ask =
        |id: u64, question: &'static str| slash(id, "ask", Some(("question", question)), true);
    fake.interact(ask(6000, "How do I mount an ISO file?"))
        .await;
    fake.interact(ask(6001, "how do I mount an ISO file on windows"))
        .await;
    fake.interact(ask(6002, "standards")).await;
    let answer = fake
        .interact(ask(6003, "can we print the logo on our boxes"))
        .await;
    let down = buttons(&answer)
        .into_iter()
        .find(|id| id.starts_with("vote:down:logo:"))
        .unwrap_or_else(|| panic!("no 👎 under {answer}"));
    let mut vote = click(6004, &down);
    vote["message"]["id"] = json!("8500");
    fake.interact(vote).await;
    common::report_until(dir.path(), |json| {
        json["unhelpful"].as_array().is_some_and(|u| !u.is_empty())
            && json["unanswered"].as_array().map_or(0, Vec::len) == 3
    })
    .await;

    let run = common::faqbot(
        dir.path(),
        &["--config", "config.toml", "inbox", "--json"],
        &[],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let inbox: Value = serde_json::from_str(&run.stdout).unwrap();
    let lines = inbox.as_array().unwrap();
    assert_eq!(lines.len(), 3, "{inbox:#}");
    assert_eq!(
        (
            &lines[0]["count"],
            &lines[0]["refused"],
            &lines[0]["wordings"]
        ),
        (&json!(2), &json!(2), &json!(2)),
        "two wordings of one question, together: {inbox:#}"
    );
    let logo = lines
        .iter()
        .find(|l| l["question"] == "can we print the logo on our boxes")
        .unwrap_or_else(|| panic!("the 👎 question: {inbox:#}"));
    assert_eq!(logo["unhelpful"], json!([{"topic": "logo", "count": 1}]));
    let unsure = lines.iter().find(|l| l["question"] == "standards").unwrap();
    assert_eq!(unsure["unsure"], 1);

    let text = common::faqbot(dir.path(), &["--config", "config.toml", "inbox"], &[]);
    assert!(text.stdout.contains("(2 wordings)"), "{}", text.stdout);
    assert!(text.stdout.contains("👎 1 on /logo"), "{}", text.stdout);
    assert!(text.stdout.contains("faqbot teach"), "{}", text.stdout);
}
