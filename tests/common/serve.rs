//! `faqbot serve` run as a test runs it: on an ephemeral port, signed requests as Discord signs
//! them, its log collected.

use std::process::Stdio;

use ed25519_dalek::{Signer, SigningKey};
use serde_json::Value;
use tokio::process::{Child, Command};

/// The application's key pair, made here: the public half is what the portal shows.
pub fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

pub fn public_key_hex() -> String {
    hex::encode(key().verifying_key().to_bytes())
}

pub fn now_secs() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// A running `faqbot serve` on an ephemeral port.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub log: super::Log,
}

impl Server {
    pub async fn start(env: &[(&str, &str)]) -> Self {
        Self::start_with(super::repo(), &super::scratch_state(), env).await
    }

    /// Starts `faqbot serve` in `dir`, which may hold a `config.toml`, with its state there too.
    pub async fn start_in(dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        Self::start_with(dir, dir, env).await
    }

    /// Starts `faqbot serve` in `dir` with its state folder in `state`.
    pub async fn start_with(
        dir: &std::path::Path,
        state: &std::path::Path,
        env: &[(&str, &str)],
    ) -> Self {
        let mut child = serve_command(env)
            .current_dir(dir)
            .env("XDG_STATE_HOME", state)
            .spawn()
            .unwrap();
        let log = super::collect_log(child.stderr.take().unwrap());
        let addr = log.value_after("addr=").await;
        Self {
            child,
            base: format!("http://{addr}"),
            log,
        }
    }
}

pub fn serve_command(env: &[(&str, &str)]) -> Command {
    let mut command = Command::from(super::command(super::repo(), &super::scratch_state()));
    command
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("DISCORD_PUBLIC_KEY", public_key_hex())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// POSTs `body` to /interactions, signed by `signer` at `timestamp` unless told otherwise.
pub async fn post(server: &Server, body: &[u8], headers: &[(&str, String)]) -> (u16, Vec<u8>) {
    let client = reqwest::Client::new();
    let mut request = client
        .post(format!("{}/interactions", server.base))
        .body(body.to_vec());
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.bytes().await.unwrap().to_vec())
}

/// Request headers, by name.
pub type Headers = Vec<(&'static str, String)>;

pub fn signed_headers(signer: &SigningKey, timestamp: &str, body: &[u8]) -> Headers {
    let message = [timestamp.as_bytes(), body].concat();
    vec![
        ("content-type", "application/json".to_owned()),
        (
            "x-signature-ed25519",
            hex::encode(signer.sign(&message).to_bytes()),
        ),
        ("x-signature-timestamp", timestamp.to_owned()),
    ]
}

pub async fn signed(server: &Server, body: &Value) -> (u16, Value) {
    let bytes = serde_json::to_vec(body).unwrap();
    let (status, reply) = post(
        server,
        &bytes,
        &signed_headers(&key(), &now_secs().to_string(), &bytes),
    )
    .await;
    (
        status,
        serde_json::from_slice(&reply).unwrap_or(Value::Null),
    )
}
