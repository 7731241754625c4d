//! `faqbot serve` under load with each store engine, in one run on one machine: SQLite (the
//! embedded default) and PostgreSQL (a throwaway cluster, as the tests start one). wrk sends
//! signed `/ask` interactions in 512 channels over 32 connections for a while; the figures are requests a
//! second and the resident memory once listening (and connected to its database) and after
//! the load.
//!
//! `cargo bench --bench serve_throughput` (needs wrk and PostgreSQL's server programs); the
//! figures are in docs/scaling.md.

#[path = "../tests/fake_discord/mod.rs"]
mod fake_discord;
#[path = "../tests/common/postgres.rs"]
#[allow(dead_code)]
mod postgres;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use ed25519_dalek::{Signer, SigningKey};

/// Runs of each engine and workload, alternated.
const RUNS: usize = 3;

/// What wrk sends: signed /ask interactions in `channels` channels, round and round, for
/// `load`.
struct Workload {
    name: &'static str,
    channels: u64,
    load: &'static str,
}

/// Busy channels: 512 of them, each asking again within the repeat window, as a busy
/// server's channels would (after the first round, a replica knows each answer is a repeat and
/// asks the shared store nothing). First posts: every request in a channel of its own, the
/// shared store asked before each answer (the worst case for PostgreSQL).
const WORKLOADS: [Workload; 2] = [
    Workload {
        name: "busy channels",
        channels: 512,
        load: "10s",
    },
    Workload {
        name: "first posts",
        channels: 20_000,
        load: "2s",
    },
];

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

/// Resident memory of `pid`, in MiB.
fn rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A `faqbot serve` on a free port, and the address it listens on once it says so.
fn serve(state: &std::path::Path, database: Option<&str>) -> (Child, String) {
    std::fs::write(state.join("config.toml"), "signature_window_secs = 3600\n").unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_faqbot"));
    command
        .current_dir(state)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("FAQBOT_DATABASE_URL")
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key().verifying_key().to_bytes()),
        )
        .env("XDG_STATE_HOME", state)
        .env("FAQBOT_LOG_FORMAT", "text")
        .env("RUST_LOG", "warn,faqbot=info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(url) = database {
        command.env("FAQBOT_DATABASE_URL", url);
    }
    let mut child = command.spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("serve logs where it listens").unwrap();
        if let Some(addr) = line
            .split_whitespace()
            .find_map(|w| w.strip_prefix("addr="))
        {
            break addr.to_owned();
        }
    };
    // Keep reading the log, so that serve never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, addr)
}

/// The wrk script: signed /ask interactions, each in its own channel, sent round and round.
fn script(folder: &std::path::Path, channels: u64) -> std::path::PathBuf {
    let timestamp = jiff::Timestamp::now().as_second().to_string();
    let mut bodies = String::new();
    let mut signatures = String::new();
    for n in 0..channels {
        let mut ask = fake_discord::slash(
            n + 1,
            "ask",
            Some(("question", "can my company use the ISO logo")),
            true,
        );
        ask["channel_id"] = serde_json::json!((3000 + n).to_string());
        let body = ask.to_string();
        let message = [timestamp.as_bytes(), body.as_bytes()].concat();
        let signature = hex::encode(key().sign(&message).to_bytes());
        bodies += &format!("{body:?},\n");
        signatures += &format!("{signature:?},\n");
    }
    let lua = format!(
        "local bodies = {{\n{bodies}}}\nlocal signatures = {{\n{signatures}}}\nlocal i = 0\n\
         wrk.method = \"POST\"\n\
         wrk.headers[\"Content-Type\"] = \"application/json\"\n\
         wrk.headers[\"X-Signature-Timestamp\"] = \"{timestamp}\"\n\
         request = function()\n  i = i % #bodies + 1\n  \
         wrk.headers[\"X-Signature-Ed25519\"] = signatures[i]\n  \
         return wrk.format(nil, nil, nil, bodies[i])\nend\n"
    );
    let path = folder.join(format!("ask-{channels}.lua"));
    std::fs::write(&path, lua).unwrap();
    path
}

/// Requests a second that wrk saw answered with 200, over 32 connections.
fn load(addr: &str, script: &std::path::Path, duration: &str) -> f64 {
    let out = Command::new("wrk")
        .args(["-t", "2", "-c", "32", "-d", duration, "-s"])
        .arg(script)
        .arg(format!("http://{addr}/interactions"))
        .output()
        .expect("wrk is installed (Debian's wrk package)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("Non-2xx"),
        "every request is answered with 200: {text}"
    );
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("wrk said: {text}"))
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let cluster = postgres::Cluster::start().expect("PostgreSQL is installed");
    let folder = tempfile::tempdir().unwrap();
    for workload in WORKLOADS {
        let script = script(folder.path(), workload.channels);
        let mut rows = Vec::new();
        for run in 0..RUNS {
            for engine in ["sqlite", "postgres"] {
                let state = tempfile::tempdir().unwrap();
                let url = cluster.url();
                let database = (engine == "postgres").then_some(url.as_str());
                let (mut child, addr) = serve(state.path(), database);
                // Settled: the database migrated and connected.
                std::thread::sleep(Duration::from_secs(2));
                let idle = rss_mib(child.id());
                let rate = load(&addr, &script, workload.load);
                let loaded = rss_mib(child.id());
                let _ = child.kill();
                let _ = child.wait();
                println!(
                    "{} run {run} {engine:8} {rate:8.0} req/s  RSS listening {idle:5.1} MiB, after load {loaded:5.1} MiB",
                    workload.name
                );
                rows.push((engine, rate, idle, loaded));
            }
            // A fresh database for the next run: no post of one run is a repeat in the next.
            cluster.query("TRUNCATE posts, voters, answers, unanswered, batches");
        }
        let median = |engine: &str, pick: fn(&(&str, f64, f64, f64)) -> f64| {
            let mut values: Vec<f64> = rows.iter().filter(|r| r.0 == engine).map(pick).collect();
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        let (sqlite, pg) = (median("sqlite", |r| r.1), median("postgres", |r| r.1));
        println!(
            "{}, median: sqlite {sqlite:.0} req/s, postgres {pg:.0} req/s ({:.2}×); RSS listening sqlite {:.1} MiB, postgres {:.1} MiB; after load sqlite {:.1} MiB, postgres {:.1} MiB",
            workload.name,
            pg / sqlite,
            median("sqlite", |r| r.2),
            median("postgres", |r| r.2),
            median("sqlite", |r| r.3),
            median("postgres", |r| r.3),
        );
    }
}
