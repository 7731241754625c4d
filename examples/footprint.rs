//! Footprint and speed of `faqbot run` against the test suite's fake Discord on loopback:
//! resident memory after READY and after 1,000 interactions, and the round trip from
//! INTERACTION_CREATE to the bot's callback.
//!
//! ```sh
//! cargo build --release && cargo run --release --example footprint [-- target/release/faqbot]
//! ```

#[path = "../tests/fake_discord/mod.rs"]
mod fake_discord;

use std::time::{Duration, Instant};

use fake_discord::{autocomplete, slash, FakeDiscord, TOKEN};

fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("Linux /proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/PID/status")
}

#[tokio::main]
async fn main() {
    let binary = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/faqbot".to_owned());
    let fake = FakeDiscord::start().await;
    // Insight in a folder of its own, not this machine's state folder.
    let state = tempfile::tempdir().unwrap();
    // FOOTPRINT_CONFIG names a config to run with (`insights = false`, say), to compare.
    let config: Vec<String> = std::env::var("FOOTPRINT_CONFIG")
        .map(|path| vec!["--config".to_owned(), path])
        .unwrap_or_default();
    let mut bot = tokio::process::Command::new(&binary)
        .args(config)
        .arg("run")
        .env("XDG_STATE_HOME", state.path())
        .env_remove("STATE_DIRECTORY")
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_URL", fake.url())
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("{binary}: {e} (build it with cargo build --release)"));
    let pid = bot.id().unwrap();
    fake.identified(1).await;
    fake.request("PUT", "/api/v10/applications/").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after_ready = resident_kib(pid);

    let questions = [
        "can companies join ISO?",
        "how do I mount an iso file",
        "who runs iso",
        "memebership for companys?",
    ];
    let mut round_trips = Vec::with_capacity(1000);
    for n in 0..1000u64 {
        let id = 10_000 + n;
        let interaction = match n % 4 {
            0 => slash(
                id,
                "ask",
                Some(("question", questions[(n / 4) as usize % 4])),
                true,
            ),
            1 => slash(id, "hours", None, true),
            2 => autocomplete(id, "faq", "topic", "memb"),
            _ => slash(id, "logo", None, n % 8 == 3),
        };
        let started = Instant::now();
        fake.interact(interaction).await;
        round_trips.push(started.elapsed());
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after_1000 = resident_kib(pid);
    if std::env::var_os("FOOTPRINT_SMAPS").is_some() {
        print!(
            "{}",
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap()
        );
    }
    round_trips.sort();
    let at =
        |q: f64| round_trips[((round_trips.len() as f64 * q) as usize).min(round_trips.len() - 1)];
    println!(
        "resident memory after READY:              {:.1} MiB",
        after_ready as f64 / 1024.0
    );
    println!(
        "resident memory after 1,000 interactions: {:.1} MiB",
        after_1000 as f64 / 1024.0
    );
    println!(
        "INTERACTION_CREATE → callback round trip: p50 {:?}, p99 {:?}, max {:?}",
        at(0.50),
        at(0.99),
        round_trips.last().unwrap()
    );
    bot.kill().await.ok();
}
