//! Gateway shards split over processes: two `faqbot run` processes, shards 0–1 and 2–3 of 4,
//! against a fake Discord that routes each guild to its shard as Discord does.

mod bot;
mod common;
mod fake_discord;

use bot::Bot;
use fake_discord::{slash, FakeDiscord};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_split_four_shards_and_answer_each_guild_once() {
    let fake = FakeDiscord::sharded(4).await;
    let (a_state, b_state) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let run = |range: &'static str, state: std::path::PathBuf| {
        let fake = &fake;
        async move {
            let args = ["--shards", range, "--shard-total", "4"];
            Bot::start_with_args(fake, common::repo(), &state, &args, &[]).await
        }
    };
    let a = run("0-1", a_state.path().to_path_buf()).await;
    let b = run("2-3", b_state.path().to_path_buf()).await;
    fake.connected(&[0, 1, 2, 3]).await;
    let mut identified = fake.identified_shards();
    identified.sort_unstable();
    assert_eq!(
        identified,
        [(0, 4), (1, 4), (2, 4), (3, 4)],
        "each shard connected once, by the process that runs it"
    );

    // Each shard shows the presence, whichever process runs it.
    fake.wait_for(
        "a presence on each shard",
        std::time::Duration::from_secs(20),
        |fake| {
            let shards = fake.presence_shards();
            (0..4).all(|s| shards.contains(&s)).then_some(())
        },
    )
    .await;

    // A server on each shard: its interactions reach one process only, and are answered.
    for shard in 0..4u64 {
        let mut ask = slash(100 + shard, "logo", None, true);
        let guild = (shard + 4) << 22;
        ask["guild_id"] = json!(guild.to_string());
        let callback = fake.interact(ask).await;
        assert_eq!(callback["type"], 4, "shard {shard}: {callback}");
    }
    for id in 100..104 {
        let answers = fake
            .requests()
            .iter()
            .filter(|r| r.path.starts_with(&format!("/api/v10/interactions/{id}/")))
            .count();
        assert_eq!(answers, 1, "interaction {id} answered once");
    }

    // Only the process holding shard 0 registers the commands.
    a.wait_for_log("commands registered").await;
    let b_log = b
        .log_showing(&["registers=false", "shard=2", "shard=3"])
        .await;
    for shard in ["shard=2", "shard=3"] {
        assert!(
            b_log
                .lines()
                .any(|l| l.contains("connected") && l.contains(shard)),
            "{b_log}"
        );
    }
    assert!(b_log.contains("registers=false"), "{b_log}");
    assert!(!b_log.contains("commands registered"), "{b_log}");
    let puts = fake
        .requests()
        .iter()
        .filter(|r| r.method == "PUT" && r.path.ends_with("/commands"))
        .count();
    assert_eq!(puts, 1, "the commands are registered once for the bot");
}

#[test]
fn a_shard_range_outside_the_bot_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (
            &["run", "--shards", "3-4", "--shard-total", "4"][..],
            "does not exist",
        ),
        (
            &["run", "--shards", "2-1", "--shard-total", "4"][..],
            "backwards",
        ),
        (
            &["run", "--shards", "two", "--shard-total", "4"][..],
            "not a shard range",
        ),
    ] {
        let run = common::faqbot(dir.path(), args, &[("DISCORD_TOKEN", fake_discord::TOKEN)]);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
}
