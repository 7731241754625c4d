//! docs/operating.md, run: every command of every `sh` block, in order, in a scratch copy of
//! the layout it installs (`/etc/faqbot`, `/var/lib/faqbot`, … inside a temporary folder), with
//! `systemctl` stood in for by a script that starts the unit's own `ExecStart=` the way systemd
//! would (its credential, state folder, umask and notification socket: `start` returns on
//! READY=1, `stop` expects STOPPING=1), against the fake Discord. Only the release build is not
//! run: the test installs the build it has instead. What the stand-in cannot show (the
//! sandbox, the dynamic user, restarts) is systemd's own, checked by `systemd-analyze`.

mod common;
mod fake_discord;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use fake_discord::{slash, FakeDiscord, TOKEN};

/// The guide's `sh` blocks, each as its lines.
fn blocks(guide: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in guide.lines() {
        let trimmed = line.trim();
        match (&mut current, trimmed) {
            (None, "```sh") => current = Some(Vec::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), command) if !command.is_empty() => block.push(command.to_owned()),
            _ => {}
        }
    }
    assert!(current.is_none(), "an unclosed block");
    blocks
}

/// What someone asks once the bot runs, which the FAQ does not answer.
const QUESTION: &str = "how do I mount an iso file";

/// Stops what the stand-in systemd started, however the test ends.
struct Started(PathBuf);

impl Drop for Started {
    fn drop(&mut self) {
        for file in ["faqbot.service.pid", "faqbot.service.notify.pid"] {
            if let Ok(pid) = std::fs::read_to_string(self.0.join("run").join(file)) {
                let _ = Command::new("kill")
                    .args(["-KILL", pid.trim()])
                    .stderr(Stdio::null())
                    .status();
            }
        }
    }
}

/// Lines the test does not run, and why.
fn not_run_here(line: &str) -> bool {
    // The release build takes minutes; the test installs its own build in its place.
    line == "cargo build --release"
}

/// Stands in for systemd's `systemctl` for the units the guide installs.
const SYSTEMCTL: &str = r#"#!/usr/bin/env bash
# systemctl, as far as docs/operating.md uses it: the unit's ExecStart= run as systemd runs it.
set -euo pipefail
action="$1"; shift
if [ "$action" = daemon-reload ]; then exit 0; fi
if [ "$action" = enable ] && [ "${1:-}" = --now ]; then action=start; shift; fi
unit="${1%.service}.service"
file="$SANDBOX/etc/systemd/system/$unit"
pidfile="$SANDBOX/run/$unit.pid"
mkdir -p "$SANDBOX/run"
start() {
    local exec credentials state notify
    exec="$(sed -n 's/^ExecStart=//p' "$file")"
    credentials="$SANDBOX/run/credentials/$unit"
    mkdir -p "$credentials"
    sed -n 's/^LoadCredential=//p' "$file" | while IFS=: read -r name path; do
        install -m 400 "$path" "$credentials/$name"
    done
    state="$SANDBOX/var/lib/$(sed -n 's/^StateDirectory=//p' "$file")"
    install -d -m 700 "$state"
    # Type=notify: a socket to hear READY=1 on, as systemd listens on NOTIFY_SOCKET.
    notify="$SANDBOX/run/$unit.notify"
    rm -f "$notify" "$notify.log"
    python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
while True:
    print(s.recv(4096).decode(), flush=True)
' "$notify" > "$notify.log" 2>&1 &
    echo $! > "$notify.pid"
    for _ in $(seq 200); do [ -S "$notify" ] && break; sleep 0.01; done
    (
        umask "$(sed -n 's/^UMask=//p' "$file")"
        export CREDENTIALS_DIRECTORY="$credentials" STATE_DIRECTORY="$state" NOTIFY_SOCKET="$notify"
        exec $exec >> "$SANDBOX/run/$unit.log" 2>&1 < /dev/null
    ) &
    echo $! > "$pidfile"
    # Like systemctl start, return once the service says it is ready.
    for _ in $(seq 600); do
        if grep -qx 'READY=1' "$notify.log"; then return 0; fi
        kill -0 "$(cat "$pidfile")" 2> /dev/null || { echo "$unit exited" >&2; exit 1; }
        sleep 0.05
    done
    echo "$unit never said READY=1" >&2
    exit 1
}
stop() {
    local pid
    pid="$(cat "$pidfile")"
    kill -TERM "$pid"
    for _ in $(seq 400); do
        if ! kill -0 "$pid" 2> /dev/null; then
            grep -qx 'STOPPING=1' "$SANDBOX/run/$unit.notify.log" || { echo "no STOPPING=1" >&2; exit 1; }
            kill "$(cat "$SANDBOX/run/$unit.notify.pid")"
            return 0
        fi
        sleep 0.05
    done
    echo "$unit did not stop" >&2
    exit 1
}
case "$action" in
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    reload) kill -HUP "$(cat "$pidfile")" ;;
    *) echo "systemctl $action: not part of the guide" >&2; exit 1 ;;
esac
"#;

/// The machine's paths as the guide writes them, and where they are in the scratch copy.
struct Layout {
    sandbox: PathBuf,
    port: u16,
}

impl Layout {
    /// `text` with the guide's paths moved into the scratch copy.
    fn moved(&self, text: &str) -> String {
        let sandbox = self.sandbox.display().to_string();
        let mut text = text.replace("target/release/faqbot", env!("CARGO_BIN_EXE_faqbot"));
        for path in [
            "/etc/faqbot",
            "/etc/systemd/system",
            "/var/lib/faqbot",
            "/var/backups",
            "/usr/local/bin",
            "/usr/local/share/doc/faqbot",
        ] {
            text = text.replace(path, &format!("{sandbox}{path}"));
        }
        text.replace("127.0.0.1:9100", &format!("127.0.0.1:{}", self.port))
    }

    /// Moves the paths inside what the guide installed under `/etc`, as the commands were.
    fn move_installed(&self) {
        for folder in ["etc/faqbot", "etc/systemd/system"] {
            let Ok(entries) = std::fs::read_dir(self.sandbox.join(folder)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if name.ends_with(".toml") || name.ends_with(".service") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if !text.contains(&self.sandbox.display().to_string()) {
                        std::fs::write(&path, self.moved(&text)).unwrap();
                    }
                }
            }
        }
    }

    fn bot_log(&self) -> String {
        std::fs::read_to_string(self.sandbox.join("run/faqbot.service.log")).unwrap_or_default()
    }
}

/// A port nothing listens on now, for the admin listener the guide configures.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_operating_guide_works_as_written() {
    let guide = std::fs::read_to_string(common::repo().join("docs/operating.md")).unwrap();
    let blocks = blocks(&guide);
    assert!(blocks.len() >= 10, "{blocks:#?}");
    let scratch = tempfile::tempdir().unwrap();
    let layout = Layout {
        sandbox: scratch.path().to_path_buf(),
        port: free_port(),
    };
    let bin = scratch.path().join("usr/local/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(scratch.path().join("etc/systemd/system")).unwrap();
    std::fs::create_dir_all(scratch.path().join("var/backups")).unwrap();
    let systemctl = scratch.path().join("systemctl-bin");
    std::fs::create_dir_all(&systemctl).unwrap();
    std::fs::write(systemctl.join("systemctl"), SYSTEMCTL).unwrap();
    std::fs::write(systemctl.join("sudo"), "#!/bin/sh\nexec env \"$@\"\n").unwrap();
    for tool in ["systemctl", "sudo"] {
        use std::os::unix::fs::PermissionsExt;
        let path = systemctl.join(tool);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let fake = FakeDiscord::start().await;
    let _started = Started(scratch.path().to_path_buf());
    let path = format!(
        "{}:{}:{}",
        bin.display(),
        systemctl.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut skipped = Vec::new();
    let mut asked = false;
    for (n, block) in blocks.iter().enumerate() {
        let script: Vec<String> = block
            .iter()
            .filter(|line| {
                let skip = not_run_here(line);
                if skip {
                    skipped.push((*line).clone());
                }
                !skip
            })
            .map(|line| layout.moved(line))
            .collect();
        // What systemd reads must be in place when systemctl runs: each systemctl line runs
        // apart, after what the lines before it installed was moved into the scratch copy.
        let mut segments: Vec<Vec<String>> = Vec::new();
        for line in script {
            let starts = segments.is_empty() || line.contains("systemctl ");
            if starts {
                segments.push(Vec::new());
            }
            let last = segments.len() - 1;
            segments[last].push(line.clone());
            if line.contains("systemctl ") {
                segments.push(Vec::new());
            }
        }
        let mut stdout = String::new();
        for segment in segments.iter().filter(|s| !s.is_empty()) {
            layout.move_installed();
            let output = run_script(segment, &layout, &path, &fake).await;
            let out = String::from_utf8_lossy(&output.stdout).into_owned();
            let err = String::from_utf8_lossy(&output.stderr).into_owned();
            assert!(
                output.status.success(),
                "block {n} failed at:\n{}\n--- stdout\n{out}\n--- stderr\n{err}\n--- bot\n{}",
                segment.join("\n"),
                layout.bot_log()
            );
            stdout.push_str(&out);
        }
        layout.move_installed();
        check_block(block, &stdout, &layout);

        // Once it runs, someone asks what the FAQ does not answer: insight to report, back
        // up and restore.
        if !asked
            && block
                .iter()
                .any(|l| l.contains("systemctl enable --now faqbot"))
        {
            fake.identified(1).await;
            fake.interact(slash(700, "ask", Some(("question", QUESTION)), true))
                .await;
            // Insight reaches the database a moment after the answer.
            let config = scratch.path().join("etc/faqbot/config.toml");
            let reported = || {
                let run = common::command(common::repo(), scratch.path())
                    .args(["--config", config.to_str().unwrap(), "report"])
                    .output()
                    .unwrap();
                String::from_utf8_lossy(&run.stdout).contains(QUESTION)
            };
            for _ in 0..200 {
                if reported() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert!(reported(), "{}", layout.bot_log());
            asked = true;
        }
    }
    assert!(asked, "the guide starts the bot");
    assert_eq!(skipped, ["cargo build --release", "cargo build --release"]);

    // The bot ran as the unit runs it, insight where the unit keeps it.
    let db = scratch.path().join("var/lib/faqbot/faqbot-insights.db");
    assert!(db.is_file());
    let stop = Command::new(systemctl.join("systemctl"))
        .args(["stop", "faqbot"])
        .env("SANDBOX", scratch.path())
        .env("PATH", &path)
        .status()
        .unwrap();
    assert!(stop.success());
    // Logged when the bot started, long before it was stopped.
    let log = layout.bot_log();
    assert!(log.contains("recording insight"), "{log}");
}

/// Runs `lines` as one bash script in the scratch layout, the token waiting on its input.
async fn run_script(
    lines: &[String],
    layout: &Layout,
    path: &str,
    fake: &FakeDiscord,
) -> std::process::Output {
    let mut bash = Command::new("bash");
    common::isolate(
        &mut bash,
        common::repo(),
        &layout.sandbox.join("home-state"),
    );
    let mut child = bash
        .args(["-c", &format!("set -euo pipefail\n{}", lines.join("\n"))])
        .env("PATH", path)
        .env("SANDBOX", &layout.sandbox)
        .env("DISCORD_API_URL", fake.url())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The token, for the lines that read it from the keyboard.
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{TOKEN}\n").as_bytes())
        .unwrap();
    tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .unwrap()
        .unwrap()
}

/// What a block must have printed, beyond succeeding.
fn check_block(block: &[String], stdout: &str, layout: &Layout) {
    let has = |needle: &str| block.iter().any(|l| l.contains(needle));
    if has("config.toml check") && has("CREDENTIALS_DIRECTORY") {
        assert!(
            stdout.contains("token: read from the systemd credential discord-token"),
            "{stdout}"
        );
        let db = layout.sandbox.join("var/lib/faqbot/faqbot-insights.db");
        assert!(
            stdout.contains(&format!("insight: {} (insights_db)", db.display())),
            "{stdout}"
        );
    }
    if has("/healthz") {
        assert_eq!(stdout, "ok\n");
    }
    if has("report --days 7") {
        assert!(stdout.contains(QUESTION), "{stdout}");
    }
    if has(" register") {
        assert_eq!(stdout, "registered 17 commands (global)\n");
    }
    if has("promtool test rules") {
        assert!(stdout.contains("SUCCESS"), "{stdout}");
    }
}

#[test]
fn every_block_of_the_guide_is_a_shell_block() {
    let guide = std::fs::read_to_string(common::repo().join("docs/operating.md")).unwrap();
    let fences = guide
        .lines()
        .filter(|l| l.trim_start().starts_with("```") && l.trim() != "```")
        .collect::<Vec<_>>();
    assert!(
        fences.iter().all(|f| f.trim() == "```sh"),
        "commands go in ```sh blocks, which the test runs: {fences:?}"
    );
}
