//! Load on `faqbot serve`: many concurrent clients POST signed `/ask` interactions over
//! loopback for a few seconds; prints requests per second and latency percentiles.
//!
//! ```sh
//! cargo build --release && cargo run --release --example load [-- target/release/faqbot]
//! ```
//! The clients run on the same machine as the server and share its cores.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ed25519_dalek::{Signer, SigningKey};
use serde_json::json;
use tokio::io::AsyncReadExt;

const CLIENTS: usize = 64;
const RUN: Duration = Duration::from_secs(5);

#[tokio::main]
async fn main() {
    let binary = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/faqbot".to_owned());
    let key = SigningKey::from_bytes(&[7; 32]);
    // Insight in a folder of its own, not this machine's state folder.
    let state = tempfile::tempdir().unwrap();
    let mut server = tokio::process::Command::new(&binary)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("XDG_STATE_HOME", state.path())
        .env_remove("STATE_DIRECTORY")
        .env(
            "DISCORD_PUBLIC_KEY",
            hex::encode(key.verifying_key().to_bytes()),
        )
        .env("RUST_LOG", "warn,faqbot::frontends::discord=info")
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("{binary}: {e} (build it with cargo build --release)"));
    let mut stderr = server.stderr.take().unwrap();
    let mut log = String::new();
    let addr = loop {
        let mut buffer = [0u8; 1024];
        let n = stderr.read(&mut buffer).await.unwrap();
        assert!(n > 0, "serve exited: {log}");
        log.push_str(&String::from_utf8_lossy(&buffer[..n]));
        if let Some(addr) = log.split_whitespace().find_map(|w| w.strip_prefix("addr=")) {
            break addr.to_owned();
        }
    };
    // Keep draining the log so the server never blocks on a full pipe.
    tokio::spawn(async move { while stderr.read(&mut [0u8; 4096]).await.is_ok_and(|n| n > 0) {} });

    // Sign a pool of requests up front: the clients share the machine's two cores with the
    // server, and signing is not what is measured.
    let questions = [
        "can companies join ISO?",
        "who runs iso",
        "how do I mount an iso file",
        "memebership for companys?",
    ];
    let timestamp = jiff::Timestamp::now().as_second().to_string();
    let requests: Arc<Vec<(Vec<u8>, String)>> = Arc::new(
        (0..256)
            .map(|n| {
                let body = serde_json::to_vec(&json!({
                    "id": (100_000 + n).to_string(), "application_id": "2000", "type": 2,
                    "token": "t", "version": 1, "channel_id": "3000", "guild_id": "4000",
                    "locale": "en-US", "entitlements": [], "attachment_size_limit": 8_388_608,
                    "member": {"user": {"id": "6000", "username": "asker", "discriminator": "0", "avatar": null},
                               "roles": [], "deaf": false, "mute": false, "flags": 0, "joined_at": null},
                    "data": {"id": "5000", "name": "ask", "type": 1,
                             "options": [{"name": "question", "type": 3, "value": questions[n % 4]}]},
                }))
                .unwrap();
                let signature = key.sign(&[timestamp.as_bytes(), &body].concat());
                (body, hex::encode(signature.to_bytes()))
            })
            .collect(),
    );
    let url = format!("http://{addr}/interactions");
    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (requests, url, timestamp) =
                (Arc::clone(&requests), url.clone(), timestamp.clone());
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut latencies = Vec::new();
                let mut n = c;
                while started.elapsed() < RUN {
                    let (body, signature) = &requests[n % requests.len()];
                    let sent = Instant::now();
                    let response = client
                        .post(&url)
                        .header("content-type", "application/json")
                        .header("x-signature-ed25519", signature)
                        .header("x-signature-timestamp", &timestamp)
                        .body(body.clone())
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(response.status(), 200);
                    response.bytes().await.unwrap();
                    latencies.push(sent.elapsed());
                    n += CLIENTS;
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "{} signed /ask requests from {CLIENTS} clients in {:.1} s: {:.0} requests/s",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency: p50 {:?}, p99 {:?}, max {:?}",
        at(0.5),
        at(0.99),
        latencies.last().unwrap()
    );
    server.kill().await.ok();
}
