//! Replicas of `faqbot serve` sharing one PostgreSQL, a real server started for the test: they
//! agree on votes and repeats, `faqbot report` shows every replica's answers, and when the
//! database goes away every interaction is still answered, what was to be written waits, and
//! nothing is lost or doubled when it comes back.

mod common;
mod fake_discord;

use std::path::Path;
use std::time::{Duration, Instant};

use common::postgres::Cluster;
use common::serve::{signed, Server};
use fake_discord::{click_by, in_channel, slash};
use serde_json::Value;

/// A replica in its own folder (its own state, as on its own machine), on `cluster`, once it
/// says the database is ready (migrated, a connection in its pool).
async fn replica(dir: &Path, cluster: &Cluster, config: &str) -> Server {
    std::fs::write(dir.join("config.toml"), config).unwrap();
    let server = Server::start_in(dir, &[("FAQBOT_DATABASE_URL", &cluster.url())]).await;
    let log = server.log.showing(&["the database is ready"]).await;
    assert!(log.contains("the database is ready"), "{log}");
    server
}

/// `faqbot report --json` against the shared database, once `done` says the records are in
/// (they are written a moment after the answers), or as it stands after 30 s.
async fn report_until(cluster: &Cluster, done: impl Fn(&Value) -> bool) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let report = || {
        let run = common::faqbot(
            dir.path(),
            &["report", "--json"],
            &[("FAQBOT_DATABASE_URL", &cluster.url())],
        );
        assert_eq!(run.code, Some(0), "{run:?}");
        serde_json::from_str::<Value>(&run.stdout).unwrap()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut json = report();
    while !done(&json) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        json = report();
    }
    json
}

/// Waits until `sql` (a count) says `expected`, as the replicas write in the background.
async fn until_count(cluster: &Cluster, sql: &str, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now = cluster.try_query(sql);
        if now.as_deref() == Ok(expected) {
            return;
        }
        assert!(Instant::now() < deadline, "{sql}: {now:?}, not {expected}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn text_of(reply: &Value) -> String {
    let embed = &reply["data"]["embeds"][0];
    let mut text = reply["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    text += embed["description"].as_str().unwrap_or_default();
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_agree_on_votes_repeats_and_the_report() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // Both start at once on a fresh database: the schema is migrated once, by one of them
    // (each migration applied once).
    let (a, b) = tokio::join!(
        replica(a_dir.path(), &cluster, ""),
        replica(b_dir.path(), &cluster, "")
    );
    let migrations = std::fs::read_dir(common::repo().join("migrations/postgres"))
        .unwrap()
        .count()
        .to_string();
    until_count(
        &cluster,
        "SELECT count(*) FROM refinery_schema_history",
        &migrations,
    )
    .await;

    // An answer posted through A is a repeat through B, sent to the asker alone.
    let (status, first) = signed(&a, &in_channel(slash(1, "funding", None, true), 5)).await;
    assert_eq!(status, 200);
    assert_eq!(first["data"]["flags"], 0, "public: {first}");
    until_count(
        &cluster,
        "SELECT count(*) FROM posts WHERE channel = 5",
        "1",
    )
    .await;
    let (_, again) = signed(&b, &in_channel(slash(2, "funding", None, true), 5)).await;
    assert_eq!(again["data"]["flags"], 64, "a repeat, private: {again}");
    let pointer = again["data"]["embeds"][0]["fields"][0]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(
        pointer.starts_with("Answered in this channel <t:"),
        "{again}"
    );
    let (_, elsewhere) = signed(&b, &in_channel(slash(3, "funding", None, true), 6)).await;
    assert_eq!(elsewhere["data"]["flags"], 0, "another channel: public");

    // A member's 👍 through A, and again through B: thanked once, counted once.
    // The 👍 under an /ask answer: the topic and a hash of the question.
    let vote = "vote:up:funding:00000000000000aa";
    let (_, thanked) = signed(&a, &click_by(4, vote, "8300", "6101")).await;
    assert!(text_of(&thanked).contains("Thanks, noted"), "{thanked}");
    until_count(&cluster, "SELECT count(*) FROM voters", "1").await;
    let (_, twice) = signed(&b, &click_by(5, vote, "8300", "6101")).await;
    assert!(
        text_of(&twice).contains("already said"),
        "the second vote, through the other replica: {twice}"
    );
    let (_, another) = signed(&b, &click_by(6, vote, "8300", "6102")).await;
    assert!(
        text_of(&another).contains("Thanks, noted"),
        "another member"
    );

    // Both restart, with empty memories (once what they answered is written): the vote
    // still counts once.
    until_count(&cluster, "SELECT sum(count) FROM answers", "3").await;
    until_count(&cluster, "SELECT count(*) FROM voters", "2").await;
    drop((a, b));
    let a = replica(a_dir.path(), &cluster, "").await;
    let (_, after_restart) = signed(&a, &click_by(7, vote, "8300", "6101")).await;
    assert!(
        text_of(&after_restart).contains("already said"),
        "{after_restart}"
    );

    // The report from the database has every replica's answers and each vote once.
    let report = report_until(&cluster, |r| {
        r["helpfulness"][0]["helpful"] == 2 && r["topics"][0]["answers"] == 3
    })
    .await;
    assert_eq!(report["topics"][0]["topic"], "funding", "{report}");
    assert_eq!(
        report["topics"][0]["answers"], 3,
        "one through A, two through B: {report}"
    );
    assert_eq!(
        report["helpfulness"][0]["helpful"], 2,
        "two members: {report}"
    );

    // The keeper's desk reads the same from the database: when questions came, and what was
    // refused, until the keeper dismisses it (for every replica).
    let refused = "how do I mount an ISO file";
    let (_, answer) = signed(&a, &slash(8, "ask", Some(("question", refused)), true)).await;
    assert_eq!(answer["data"]["flags"], 64, "refused, privately: {answer}");
    let report = report_until(&cluster, |r| {
        r["unanswered"].as_array().is_some_and(|u| !u.is_empty())
    })
    .await;
    let asked: u64 = report["week"]
        .as_array()
        .unwrap()
        .iter()
        .map(|slot| slot["count"].as_u64().unwrap())
        .sum();
    assert_eq!(asked, 4, "three answers and a refusal, by hour: {report}");
    assert_eq!(report["daily"][0]["answered"], 3, "{report}");
    assert_eq!(report["daily"][0]["refused"], 1, "{report}");
    let env = [("FAQBOT_DATABASE_URL", cluster.url())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let keeper = tempfile::tempdir().unwrap();
    let inbox = || {
        let run = common::faqbot(keeper.path(), &["inbox", "--json"], &env);
        assert_eq!(run.code, Some(0), "{run:?}");
        run.stdout
    };
    assert!(inbox().contains(refused), "{}", inbox());
    let dismissed = common::faqbot(
        keeper.path(),
        &["teach", "--dismiss", "How do I mount an ISO file?"],
        &env,
    );
    assert_eq!(dismissed.code, Some(0), "{dismissed:?}");
    assert_eq!(inbox().trim(), "[]", "dismissed for every replica");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_database_down_every_interaction_is_answered_and_nothing_is_lost() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = replica(dir.path(), &cluster, "metrics_listen = \"127.0.0.1:0\"\n").await;
    let admin = format!("http://{}", server.log.value_after("metrics=").await);
    let metric = |text: &str, name: &str| -> f64 {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse().ok())
            .unwrap_or(-1.0)
    };
    // Written while the database is up.
    let (status, _) = signed(
        &server,
        &slash(1, "ask", Some(("question", "who won the match")), true),
    )
    .await;
    assert_eq!(status, 200);
    until_count(&cluster, "SELECT count(*) FROM unanswered", "1").await;

    cluster.down();
    for n in 0..5 {
        let asked = Instant::now();
        let question = format!("what is the capital of place {n}");
        let (status, reply) = signed(
            &server,
            &slash(10 + n, "ask", Some(("question", &question)), true),
        )
        .await;
        assert_eq!(status, 200, "answered with the database down: {reply}");
        assert_eq!(reply["type"], 4);
        assert!(
            asked.elapsed() < Duration::from_secs(3),
            "within Discord's window"
        );
    }
    let (_, logo) = signed(&server, &in_channel(slash(20, "logo", None, true), 9)).await;
    assert_eq!(logo["data"]["flags"], 0);
    let (_, repeat) = signed(&server, &in_channel(slash(21, "logo", None, true), 9)).await;
    assert_eq!(
        repeat["data"]["flags"], 64,
        "the replica's own memory of repeats"
    );
    // The writer notices, says so in a metric and in the log, and keeps what waits.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (_, text) = common::get(&format!("{admin}/metrics")).await;
        if metric(&text, "faqbot_database_up ") == 0.0 {
            assert!(metric(&text, "faqbot_database_queue ") >= 1.0, "{text}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "database_up never went to 0: {text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    server
        .log
        .showing(&["the database is not taking writes"])
        .await;

    cluster.up();
    // The queue drains: the five questions and the logo answers are in, the first question
    // is not written twice.
    let report = report_until(&cluster, |r| {
        r["unanswered"].as_array().map_or(0, Vec::len) == 6 && r["topics"][0]["answers"] == 2
    })
    .await;
    let unanswered = report["unanswered"].as_array().unwrap();
    assert_eq!(unanswered.len(), 6, "{report}");
    assert!(
        unanswered.iter().all(|q| q["count"] == 1),
        "none doubled: {report}"
    );
    assert_eq!(report["topics"][0]["answers"], 2, "{report}");
    let (_, text) = common::get(&format!("{admin}/metrics")).await;
    assert_eq!(metric(&text, "faqbot_database_up "), 1.0, "{text}");
    assert_eq!(metric(&text, "faqbot_database_queue "), 0.0, "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_the_database_refuses_is_dropped_and_the_rest_still_written() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = replica(dir.path(), &cluster, "").await;
    // A schema another hand broke: every question without an answer is refused from now on.
    cluster.query("DROP TABLE unanswered");
    let (_, refused) = signed(
        &server,
        &slash(1, "ask", Some(("question", "who won the match")), true),
    )
    .await;
    assert_eq!(refused["type"], 4, "answered regardless");
    signed(&server, &slash(2, "logo", None, true)).await;
    until_count(&cluster, "SELECT sum(count) FROM answers", "1").await;
    let log = server.log.showing(&["the database refused a record"]).await;
    assert!(log.contains("the database refused a record"), "{log}");
    signed(&server, &slash(3, "logo", None, true)).await;
    until_count(&cluster, "SELECT sum(count) FROM answers", "2").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_insight_off_replicas_still_count_a_vote_once() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let a = replica(a_dir.path(), &cluster, "insights = false\n").await;
    let b = replica(b_dir.path(), &cluster, "insights = false\n").await;
    let vote = "vote:up:logo:00000000000000bb";
    let (_, first) = signed(&a, &click_by(1, vote, "8400", "6201")).await;
    assert!(text_of(&first).contains("Thanks, noted"), "{first}");
    until_count(&cluster, "SELECT count(*) FROM voters", "1").await;
    let (_, second) = signed(&b, &click_by(2, vote, "8400", "6201")).await;
    assert!(text_of(&second).contains("already said"), "{second}");
    assert_eq!(
        cluster.query("SELECT count(*) FROM votes"),
        "0",
        "nothing counted: insight is off"
    );
}
