//! Helpers shared by the integration tests: running the real `faqbot` binary.

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
