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

/// Runs `faqbot args…` in `dir` with a clean Discord environment (plus `env`).
pub fn faqbot(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_faqbot"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_URL")
        .env_remove("RUST_LOG");
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
        reply.ephemeral,
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
    for suggestion in &reply.suggestions {
        out.push_str(&format!(
            "button /{}: {}\n",
            suggestion.topic, suggestion.label
        ));
    }
    if let Some(addressed) = &reply.addressed {
        out.push_str(&format!(
            "for <@{}>: {}\n",
            addressed.user,
            render(&addressed.intro)
        ));
    }
    if !reply.menu.is_empty() {
        let labels: Vec<&str> = reply.menu.iter().map(|s| s.label.as_str()).collect();
        out.push_str(&format!("menu: {}\n", labels.join(" | ")));
    }
    if let Some(votes) = &reply.votes {
        out.push_str(&format!(
            "votes: 👍 {} / 👎 {}\n",
            votes.helpful, votes.not_helpful
        ));
    }
    out
}

/// Collects everything a child process writes to standard error, as it comes.
pub fn collect_log(
    mut stderr: tokio::process::ChildStderr,
) -> std::sync::Arc<std::sync::Mutex<String>> {
    use tokio::io::AsyncReadExt;
    let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = std::sync::Arc::clone(&log);
    tokio::spawn(async move {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stderr.read(&mut buffer).await {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    log
}
