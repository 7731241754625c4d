//! What `deploy/` ships, checked by the tools that will read it: systemd's own analyser for the
//! units, Prometheus' promtool for the alert rules. `.ci/run` installs both when missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const UNITS: [&str; 2] = ["faqbot.service", "faqbot-serve.service"];

fn deploy() -> PathBuf {
    common::repo().join("deploy")
}

/// Runs `program args…`, which must be installed: the suite does not pass without it.
fn run(program: &str, args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} cannot run ({e}): install it (`.ci/run` shows how, from Debian's packages)")
        })
}

/// A copy of `unit` in `dir` whose ExecStart runs the faqbot just built: systemd-analyze
/// checks that the program exists.
fn with_this_build(unit: &str, dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(deploy().join(unit)).unwrap();
    assert!(text.contains("ExecStart=/usr/local/bin/faqbot "), "{unit}");
    let path = dir.join(unit);
    std::fs::write(
        &path,
        text.replace("/usr/local/bin/faqbot", env!("CARGO_BIN_EXE_faqbot")),
    )
    .unwrap();
    path
}

#[test]
fn systemd_finds_nothing_wrong_in_the_units() {
    let dir = tempfile::tempdir().unwrap();
    for unit in UNITS {
        let path = with_this_build(unit, dir.path());
        let out = run(
            "systemd-analyze",
            &["verify", path.to_str().unwrap()],
            dir.path(),
        );
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && said.trim().is_empty(),
            "{unit}:\n{said}"
        );
    }
}

#[test]
fn systemd_rates_each_unit_ok_or_better() {
    let dir = tempfile::tempdir().unwrap();
    for unit in UNITS {
        let path = with_this_build(unit, dir.path());
        // The threshold is on systemd's scale of 0–100 (shown as 0.0–10.0): at most 2.0.
        let out = run(
            "systemd-analyze",
            &[
                "security",
                "--offline=true",
                "--threshold=20",
                path.to_str().unwrap(),
            ],
            dir.path(),
        );
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{unit}:\n{report}");
        let overall = report
            .lines()
            .find_map(|l| l.split_once("Overall exposure level for "))
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|score| score.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("{unit}: no overall score:\n{report}"));
        assert!(overall <= 2.0, "{unit}: exposure {overall}:\n{report}");
    }
}

#[test]
fn the_units_speak_sd_notify_and_keep_the_token_a_credential() {
    for unit in UNITS {
        let text = std::fs::read_to_string(deploy().join(unit)).unwrap();
        for line in [
            "Type=notify",
            "WatchdogSec=",
            "ExecReload=/bin/kill -HUP $MAINPID",
            "Restart=on-failure",
            "DynamicUser=yes",
            "StateDirectory=faqbot",
            "ConfigurationDirectory=faqbot",
        ] {
            assert!(
                text.lines().any(|l| l.starts_with(line)),
                "{unit} has {line}"
            );
        }
        assert!(
            !text.contains("DISCORD_TOKEN") && !text.contains("Environment="),
            "{unit}: no secret in the unit or its environment"
        );
    }
    let gateway = std::fs::read_to_string(deploy().join("faqbot.service")).unwrap();
    assert!(gateway.contains("LoadCredential=discord-token:/etc/faqbot/discord-token"));
    assert!(gateway.contains(&format!("discord-token:{}", "/etc/faqbot/discord-token")));
    assert_eq!(
        faqbot::ops::config::TOKEN_CREDENTIAL,
        "discord-token",
        "the name faqbot reads is the one the unit loads"
    );
}

#[test]
fn promtool_checks_the_alert_rules_and_their_tests() {
    let out = run(
        "promtool",
        &["check", "rules", "prometheus-rules.yml"],
        &deploy(),
    );
    assert!(out.status.success(), "{out:?}");
    let out = run(
        "promtool",
        &["test", "rules", "prometheus-rules.test.yml"],
        &deploy(),
    );
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn every_metric_the_rules_use_is_one_faqbot_serves() {
    let rules = std::fs::read_to_string(deploy().join("prometheus-rules.yml")).unwrap();
    // Families with labels show once something was counted in them.
    let metrics = faqbot::ops::metrics::metrics();
    metrics.reloaded(false);
    let label = faqbot::core::pipeline::Label {
        kind: faqbot::core::pipeline::RequestKind::Command,
        name: "ask".to_owned(),
        known: true,
        action: Some(faqbot::core::catalogue::Action::Ask),
    };
    let outcome = faqbot::core::reply::Outcome::Answered;
    metrics.interaction(&label, outcome, true, std::time::Duration::from_millis(2));
    let served = metrics.render();
    let families: Vec<&str> = served
        .lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let used: Vec<&str> = rules
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("faqbot_"))
        .collect();
    assert!(used.len() >= 6, "{used:?}");
    for metric in used {
        let family = ["_total", "_bucket", "_count", "_sum"]
            .iter()
            .find_map(|suffix| metric.strip_suffix(suffix))
            .unwrap_or(metric);
        assert!(
            families.contains(&family),
            "{metric} is not among {families:?}"
        );
    }
    assert!(
        served.contains("le=\"2.0\""),
        "a bucket at 2 s for the slow-answer alert"
    );
}
