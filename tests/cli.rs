//! The command line as users run it: `faqbot check` and `faqbot commands [--json]`.

mod common;

use common::{faqbot, repo};
use serde_json::Value;

#[test]
fn check_passes_on_the_shipped_faq() {
    let run = faqbot(repo(), &["check"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run
        .stdout
        .starts_with("faq.toml: ok\n  13 topics: conformity, certification, logo,"));
    assert!(
        run.stdout.contains(
            "\n  17 commands: 13 topics, /ask, /faq, /hours and the message command “Answer with FAQ” \
             (16 of Discord's 100 slash commands)\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("hours: Mon–Fri 09:00–12:00, 14:00–17:00 (Europe/Zurich)"));
    assert!(run.stdout.contains("token: not set"));
}

#[test]
fn anywhere_else_the_embedded_faq_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let run = faqbot(dir.path(), &["check"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.starts_with("<embedded faq.toml>: ok\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("config: none, using defaults"));
}

#[test]
fn the_config_names_the_faq_and_guilds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("faq.toml"), dir.path().join("iso.toml")).unwrap();
    std::fs::copy(repo().join("examples.tsv"), dir.path().join("examples.tsv")).unwrap();
    std::fs::write(dir.path().join("token"), "Bot secret-token-123\n").unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "faq = \"iso.toml\"\nguilds = [\"81384788765712384\"]\ntoken_file = \"token\"\npublic_answers = false\n",
    )
    .unwrap();
    let token = dir.path().join("token");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = faqbot(dir.path(), &["check"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("iso.toml: ok\n"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "warning: the token file token can be read by other users: run `chmod 600 token`"
        ),
        "{}",
        run.stderr
    );
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(
        faqbot(dir.path(), &["check"], &[]).stderr,
        "",
        "no warning once private"
    );
    assert!(run.stdout.contains("config.toml: ok"));
    assert!(run.stdout.contains("token: read from token_file"));
    assert!(run.stdout.contains("commands: in guilds 81384788765712384"));
    assert!(run.stdout.contains("answers: visible to the asker only"));
    assert!(!run.stdout.contains("secret-token-123"));
}

#[test]
fn the_token_from_the_environment_is_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let run = faqbot(
        dir.path(),
        &["check"],
        &[("DISCORD_TOKEN", "very-secret-value")],
    );
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.contains("token: set by DISCORD_TOKEN"));
    assert!(!run.stdout.contains("very-secret") && !run.stderr.contains("very-secret"));
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["frobnicate"][..], &[], &["commands", "--jsn"]] {
        let run = faqbot(dir.path(), args, &[]);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
    }
    let run = faqbot(dir.path(), &["--config", "missing.toml", "check"], &[]);
    assert_eq!(run.code, Some(2));
    assert!(run
        .stderr
        .starts_with("missing.toml: error: cannot read the file"));
}

#[test]
fn commands_lists_every_command_for_humans() {
    let run = faqbot(repo(), &["commands"], &[]);
    assert_eq!(run.code, Some(0));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "17 commands (global): 16 slash commands (Discord allows 100) and 1 message command"
    );
    assert!(lines[1].trim_start().starts_with("/conformity [for:…]"));
    assert!(run.stdout.contains("/ask question:… [for:…]"));
    assert!(run.stdout.contains("/faq [topic:…] [for:…]"));
    assert!(
        lines[17].contains("[message menu] Answer with FAQ"),
        "{}",
        run.stdout
    );
}

/// The registration body, checked against Discord's documented limits for application commands.
#[test]
fn commands_json_is_a_valid_bulk_overwrite() {
    let run = faqbot(repo(), &["commands", "--json"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout.lines().count(),
        1,
        "one JSON document on one line"
    );
    let body: Value = serde_json::from_str(&run.stdout).unwrap();
    let commands = body.as_array().expect("an array of commands");
    assert!(commands.len() <= 100, "at most 100 commands");

    let faq = faqbot::core::faq::Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let mut expected: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
    expected.extend(["ask", "faq", "hours", "Answer with FAQ"]);
    let names: Vec<&str> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, expected);
    let (chat, menus): (Vec<&Value>, Vec<&Value>) = commands.iter().partition(|c| c["type"] == 1);
    assert!(chat.len() <= 100, "at most 100 chat-input commands");
    assert!(menus.len() <= 5, "at most 5 message commands");

    for command in commands {
        let name = command["name"].as_str().unwrap();
        assert_eq!(
            command["contexts"],
            serde_json::json!([0, 1, 2]),
            "{name}: servers, the bot's DMs and private channels"
        );
        assert_eq!(
            command["integration_types"],
            serde_json::json!([0, 1]),
            "{name}: installable by servers and by users"
        );
        for (field, max) in [
            ("name_localizations", 32),
            ("description_localizations", 100),
        ] {
            for (locale, text) in command[field].as_object().into_iter().flatten() {
                assert!(faqbot::core::lang::DISCORD_LOCALES.contains(&locale.as_str()));
                assert!(
                    (1..=max).contains(&text.as_str().unwrap().chars().count()),
                    "{name}"
                );
            }
        }
    }

    for command in &chat {
        let name = command["name"].as_str().unwrap();
        assert!(valid_name(name), "{name}");
        let description = command["description"].as_str().unwrap();
        assert!((1..=100).contains(&description.chars().count()), "{name}");
        let french = command["description_localizations"]["fr"].as_str();
        assert!(
            french.is_some_and(|d| d != description),
            "{name} has a French description"
        );
        if let Some(french_name) = command["name_localizations"]["fr"].as_str() {
            assert!(valid_name(french_name), "{french_name}");
        }
        let options = command["options"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default();
        assert!(options.len() <= 25, "{name}");
        let mut total = name.chars().count() + description.chars().count();
        let mut optional_seen = false;
        for option in options {
            let option_name = option["name"].as_str().unwrap();
            assert!(valid_name(option_name), "{name} {option_name}");
            let option_description = option["description"].as_str().unwrap();
            assert!((1..=100).contains(&option_description.chars().count()));
            assert!(
                option["description_localizations"]["fr"].is_string(),
                "{name} {option_name} has a French description"
            );
            match option["type"].as_u64() {
                Some(3) => {
                    let max = option["max_length"].as_u64().unwrap();
                    assert!((1..=6000).contains(&max));
                }
                Some(6) => assert_eq!(option_name, "for", "{name}: the only user option"),
                other => panic!("{name} {option_name}: unexpected type {other:?}"),
            }
            let required = option["required"].as_bool().unwrap_or(false);
            assert!(
                !(required && optional_seen),
                "{name}: required options come first"
            );
            optional_seen |= !required;
            total += option_name.chars().count() + option_description.chars().count();
        }
        assert!(
            total <= 4000,
            "{name}: names and descriptions total at most 4000 characters"
        );
    }
    let has_for = |name: &str| {
        let command = &commands[names.iter().position(|n| *n == name).unwrap()];
        command["options"]
            .as_array()
            .is_some_and(|o| o.iter().any(|o| o["name"] == "for" && o["type"] == 6))
    };
    for topic in &faq.topics {
        assert!(has_for(&topic.id), "/{} for:", topic.id);
    }
    assert!(has_for("ask") && has_for("faq") && !has_for("hours"));
    let ask = &commands[names.iter().position(|n| *n == "ask").unwrap()];
    assert_eq!(ask["options"][0]["name"], "question");
    assert_eq!(ask["options"][0]["required"], true);
    assert_eq!(ask["options"][0]["autocomplete"], true);

    let menu = menus[0];
    assert_eq!(menu["type"], 3, "a message command");
    assert!(
        menu.get("description").is_none_or(|d| d == ""),
        "message commands have none"
    );
    assert!((1..=32).contains(&menu["name"].as_str().unwrap().chars().count()));
    assert!(menu["name_localizations"]["fr"].is_string());
}

/// `^[-_\p{L}\p{N}]{1,32}$`, lowercase: Discord's rule for chat-input names.
fn valid_name(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| (c.is_alphanumeric() || c == '-' || c == '_') && !c.is_uppercase())
}

#[test]
fn the_config_template_is_valid_and_documents_every_key() {
    let run = faqbot(repo(), &["--config", "config.example.toml", "check"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let template = std::fs::read_to_string(repo().join("config.example.toml")).unwrap();
    for key in faqbot::ops::config::KEYS.iter().filter(|k| **k != "token") {
        assert!(
            template.contains(&format!("{key} =")),
            "config.example.toml documents `{key}`"
        );
    }
}

/// A FAQ of `topics` topics, each a copy of the shipped first topic under another id.
fn faq_of(topics: usize) -> String {
    let shipped = std::fs::read_to_string(repo().join("faq.toml")).unwrap();
    let head = &shipped[..shipped.find("\n[[topic]]\n").unwrap()];
    let head = head.replace("examples = \"examples.tsv\"", "");
    let mut faq = head.to_owned();
    for n in 0..topics {
        faq.push_str(&format!(
            "[[topic]]\nid = \"topic-{n}\"\nquestion = \"Question {n}?\"\nanswer = \"Answer {n}.\"\n\n"
        ));
    }
    faq
}

#[test]
fn check_counts_commands_against_discords_limit_on_slash_commands() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("faq.toml"), faq_of(97)).unwrap();
    let run = faqbot(dir.path(), &["check"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains(
            "  101 commands: 97 topics, /ask, /faq, /hours and the message command “Answer with FAQ” \
             (100 of Discord's 100 slash commands)\n"
        ),
        "{}",
        run.stdout
    );
    let run = faqbot(dir.path(), &["commands"], &[]);
    assert!(run.stdout.starts_with(
        "101 commands (global): 100 slash commands (Discord allows 100) and 1 message command\n"
    ));
    std::fs::write(dir.path().join("faq.toml"), faq_of(98)).unwrap();
    let run = faqbot(dir.path(), &["check"], &[]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("faqbot can register at most 97"));
}

#[test]
fn report_finds_insight_in_the_state_folder_and_never_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    // No config at all: the state folder, which reading does not create.
    let run = faqbot(dir.path(), &["report"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("Last 30 days\n"), "{}", run.stdout);
    let db = common::insights_db(dir.path());
    assert!(
        run.stderr.contains(&format!(
            "warning: no insight recorded yet: {} does not exist",
            db.display()
        )),
        "{}",
        run.stderr
    );
    assert!(!db.parent().unwrap().exists(), "report creates nothing");
    let run = faqbot(dir.path(), &["report", "--days", "1"], &[]);
    assert!(run.stdout.starts_with("Last day\n"), "{}", run.stdout);
    let run = faqbot(dir.path(), &["check"], &[]);
    assert!(
        run.stdout.contains(&format!(
            "  insight: {} (the state folder, from XDG_STATE_HOME)",
            db.display()
        )),
        "{}",
        run.stdout
    );
    // Under systemd, its StateDirectory= comes first.
    let run = faqbot(
        dir.path(),
        &["check"],
        &[("STATE_DIRECTORY", "/var/lib/faqbot:/var/lib/other")],
    );
    assert!(
        run.stdout
            .contains("  insight: /var/lib/faqbot/faqbot-insights.db (the state folder, from STATE_DIRECTORY)"),
        "{}",
        run.stdout
    );

    std::fs::write(dir.path().join("config.toml"), "insights = false\n").unwrap();
    let run = faqbot(dir.path(), &["report"], &[]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.starts_with("error: no insights database"),
        "{}",
        run.stderr
    );
    std::fs::write(
        dir.path().join("config.toml"),
        "insights_db = \"data/insight.db\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let run = faqbot(dir.path(), &["report"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout
            .starts_with("Last 30 days\n\nMost shown topics:\n  (none yet)"),
        "{}",
        run.stdout
    );
}

#[test]
fn eval_reports_kinds_topics_confusion_refusals_and_misses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("questions.tsv"),
        "# three questions\nquestion\texpected\tkind\n\
         can companies join ISO?\tmembership\tdirect\n\
         how do I mount an iso file\tnone\tofftopic\n\
         how do I mount an iso file\tlogo\tdirect\n",
    )
    .unwrap();
    let run = faqbot(dir.path(), &["eval", "questions.tsv"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.starts_with("questions.tsv: 2/3  66.7% right\n"),
        "{}",
        run.stdout
    );
    for part in [
        "By kind:\n  direct    1/2   50.0%\n  offtopic  1/1  100.0%\n",
        "  logo        0/1    0.0%  given  0/0       -\n",
        "  membership  1/1  100.0%  given  1/1  100.0%\n\n",
        "  off-topic refused      1/1  100.0%\n",
        "Confusion (expected -> got):\n  1  logo -> none\n",
        "Misses:\n  line 5 [direct] expected logo, got none",
    ] {
        assert!(run.stdout.contains(part), "{part:?} in\n{}", run.stdout);
    }

    let json = faqbot(dir.path(), &["eval", "questions.tsv", "--json"], &[]);
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        report["overall"],
        serde_json::json!({"right": 2, "total": 3})
    );
    assert_eq!(report["misses"][0]["line"], 5);
    assert_eq!(report["refusals"]["off_topic"]["right"], 1);

    let folds = faqbot(
        dir.path(),
        &["eval", "questions.tsv", "--folds", "3", "--json"],
        &[],
    );
    assert_eq!(folds.code, Some(0), "{folds:?}");
    let report: Value = serde_json::from_str(&folds.stdout).unwrap();
    assert_eq!(report["overall"]["total"], 3);
}

#[test]
fn eval_of_the_examples_says_they_were_learned_from() {
    let run = faqbot(repo(), &["eval", "examples.tsv"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.contains("--folds 5 measures that"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("… and "),
        "the first few only: {}",
        run.stderr
    );
}

#[test]
fn eval_refuses_a_bad_file_with_its_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("q.tsv"), "fine\tlogo\nhello\tlogos\n").unwrap();
    let run = faqbot(dir.path(), &["eval", "q.tsv"], &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .starts_with("q.tsv:2:7: error: `logos` is not a topic"),
        "{}",
        run.stderr
    );
    let missing = faqbot(dir.path(), &["eval", "nothing.tsv"], &[]);
    assert_eq!(missing.code, Some(2), "{missing:?}");
    assert!(
        missing.stderr.starts_with("error: cannot read nothing.tsv"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    use std::io::Read;
    let mut child = common::command(repo(), &common::scratch_state())
        .args(["eval", "examples.tsv"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is closed here, with most of the report unread.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("Broken pipe"));
}

/// The shared database and the shard range, as `check` shows them: the database's password,
/// from the URL or its file, never printed, and every mistake named with its line.
#[test]
fn check_shows_the_shared_database_and_shards_never_the_password() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("db-password"), "file-secret-b7Qz\n").unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "database = \"postgres://faqbot@db.internal:5433/faqbot\"\n\
         database_password_file = \"db-password\"\nshards = \"2-3\"\nshard_total = 4\n",
    )
    .unwrap();
    let run = faqbot(dir.path(), &["check"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.contains(
            "  memory: shared by every replica in postgres://faqbot@db.internal:5433/faqbot"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("  insight: in the shared database"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "  gateway shards: 2-3 of 4 (leaves registering to the process with shard 0)"
        ),
        "{}",
        run.stdout
    );
    let from_env = faqbot(
        dir.path(),
        &["check"],
        &[(
            "FAQBOT_DATABASE_URL",
            "postgres://bot:url-secret-9xKp@10.0.0.5/faq",
        )],
    );
    assert!(
        from_env
            .stdout
            .contains("in postgres://bot@10.0.0.5:5432/faq"),
        "{}",
        from_env.stdout
    );
    for run in [&run, &from_env] {
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !all.contains("file-secret") && !all.contains("url-secret"),
            "{all}"
        );
    }

    std::fs::write(
        dir.path().join("config.toml"),
        "database = \"mysql://faqbot@db/faqbot\"\nshards = \"4-5\"\nshard_total = 4\n",
    )
    .unwrap();
    let run = faqbot(dir.path(), &["check"], &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("config.toml:1:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("not a PostgreSQL URL"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("config.toml:2:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("shard 5 does not exist"),
        "{}",
        run.stderr
    );

    // A URL that does not parse, or holds its password in a form of its own, still never
    // shows the password.
    for url in [
        "postgres://faqbot:hunter2-Qx7@db:54x2/faqbot",
        "host=db port=x password=hunter2-Qx7",
        "postgres://faqbot:hunter2@Qx7@db/faqbot?sslmode=nonsense",
    ] {
        std::fs::write(
            dir.path().join("config.toml"),
            format!("database = {url:?}\n"),
        )
        .unwrap();
        let run = faqbot(dir.path(), &["check"], &[]);
        assert_eq!(run.code, Some(2), "{url}: {run:?}");
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains("hunter2"), "{url}: {all}");
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        let run = faqbot(dir.path(), &["check"], &[("FAQBOT_DATABASE_URL", url)]);
        assert_eq!(run.code, Some(2), "{url}: {run:?}");
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(!all.contains("hunter2"), "{url}: {all}");
    }
}

/// `faqbot eval` on questions the matcher learned from, or nearly, says which and where: such
/// a figure is not a held-out one.
#[test]
fn eval_names_the_questions_that_are_near_copies_of_examples() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("q.tsv"),
        "question\texpected\n\
         how can we prove our service complies with a standard\tconformity\n\
         how can we prove that our service complies with a standard?\tconformity\n\
         who may print the logo on a brochure\tlogo\n",
    )
    .unwrap();
    let run = faqbot(
        repo(),
        &["eval", &dir.path().join("q.tsv").display().to_string()],
        &[],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    let q = dir.path().join("q.tsv").display().to_string();
    assert!(
        run.stderr
            .contains("warning: 2 of these 3 questions are, or nearly are"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("{q}:2: how can we prove our service")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("{q}:3: how can we prove that our")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("~ examples.tsv:13: how can we prove"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(":4: who may print"), "{}", run.stderr);
    let folds = faqbot(repo(), &["eval", &q, "--folds", "2"], &[]);
    assert!(!folds.stderr.contains("nearly are"), "{}", folds.stderr);
}

/// `faqbot teach` appends the question to the file of taught questions (created with its
/// header by the first lesson), refuses what it cannot teach with the fix, and `eval` then
/// counts a question like it as learned.
#[test]
fn teach_appends_to_the_learned_file_and_refuses_what_it_cannot_teach() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["faq.toml", "examples.tsv"] {
        std::fs::copy(repo().join(file), dir.path().join(file)).unwrap();
    }
    let question = "who translates standards into other languages";
    let run = faqbot(dir.path(), &["teach", question, "equivalents"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let learned = dir.path().join("learned.tsv");
    assert!(
        run.stdout
            .starts_with(&format!("taught: {question} → equivalents (learned.tsv:3)")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\"topic\":\"equivalents\""),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(&learned).unwrap();
    assert!(
        text.ends_with(&format!("{question}\tequivalents\ttaught\n")),
        "{text}"
    );
    assert!(
        text.lines().nth(1) == Some("question\texpected\tkind"),
        "{text}"
    );

    let again = faqbot(
        dir.path(),
        &[
            "teach",
            &format!("  {}?", question.to_uppercase()),
            "equivalents",
        ],
        &[],
    );
    assert_eq!(again.code, Some(0), "{again:?}");
    assert!(
        again.stdout.starts_with("already taught:"),
        "{}",
        again.stdout
    );
    let none = faqbot(
        dir.path(),
        &["teach", "what does ISO stand for", "none"],
        &[],
    );
    assert_eq!(none.code, Some(0), "{none:?}");
    assert_eq!(
        std::fs::read_to_string(&learned).unwrap().lines().count(),
        4
    );

    let bad = faqbot(dir.path(), &["teach", "who runs iso", "board"], &[]);
    assert_eq!(bad.code, Some(2), "{bad:?}");
    assert!(
        bad.stderr.contains("`board` is not a topic") && bad.stderr.contains("governance"),
        "{}",
        bad.stderr
    );

    // eval names a question like a taught one, and where it was taught.
    std::fs::write(
        dir.path().join("q.tsv"),
        "question\texpected\nwho translates the standards into other languages\tequivalents\n",
    )
    .unwrap();
    let eval = faqbot(dir.path(), &["eval", "q.tsv"], &[]);
    assert!(
        eval.stderr.contains("~ learned.tsv:3: who translates"),
        "{}",
        eval.stderr
    );

    // Without a file to learn into, or with the FAQ built into faqbot, teaching says how.
    let faq = std::fs::read_to_string(dir.path().join("faq.toml")).unwrap();
    std::fs::write(
        dir.path().join("faq.toml"),
        faq.replace("learned = \"learned.tsv\"", ""),
    )
    .unwrap();
    let nowhere = faqbot(dir.path(), &["teach", question, "equivalents"], &[]);
    assert_eq!(nowhere.code, Some(2), "{nowhere:?}");
    assert!(
        nowhere.stderr.contains("add `learned = \"learned.tsv\"`"),
        "{}",
        nowhere.stderr
    );
    let empty = tempfile::tempdir().unwrap();
    let embedded = faqbot(empty.path(), &["teach", question, "equivalents"], &[]);
    assert_eq!(embedded.code, Some(2), "{embedded:?}");
    assert!(
        embedded.stderr.contains("built into faqbot"),
        "{}",
        embedded.stderr
    );
}

/// `--locale` shows on the command line what a member with that Discord locale sees, and a
/// locale Discord does not have is a usage error naming the ones it has.
#[test]
fn ask_and_hours_speak_the_locale_asked_for() {
    let refused = faqbot(
        repo(),
        &["ask", "--locale", "fr", "how do I mount an iso file"],
        &[],
    );
    assert_eq!(refused.code, Some(0), "{refused:?}");
    assert!(
        refused.stdout.starts_with("Pas dans la FAQ"),
        "{}",
        refused.stdout
    );
    let english = faqbot(repo(), &["ask", "how do I mount an iso file"], &[]);
    assert!(
        english.stdout.starts_with("Not in the FAQ"),
        "{}",
        english.stdout
    );
    let hours = faqbot(
        repo(),
        &[
            "hours",
            "--locale",
            "fr-FR",
            "--at",
            "2026-12-07T10:00:00+01:00",
        ],
        &[],
    );
    assert!(hours.stdout.contains("Ouvert"), "{}", hours.stdout);
    let unknown = faqbot(repo(), &["ask", "--locale", "xx", "hi"], &[]);
    assert_eq!(unknown.code, Some(2));
    assert!(
        unknown.stderr.contains("not a Discord locale") && unknown.stderr.contains("pt-BR"),
        "{}",
        unknown.stderr
    );
}
