//! A broken `faq.toml` or `config.toml` is refused before anything connects, with exit code 2
//! and a message naming the file, line and column, the value at fault and the fix.
//!
//! One fixture per problem in `tests/fixtures/`; the exact messages are insta snapshots.

mod common;

use common::faqbot;

#[test]
fn every_broken_faq_is_refused_with_place_and_fix() {
    insta::glob!("fixtures/faq/*.toml", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let run = faqbot(path.parent().unwrap(), &["--faq", name, "check"], &[]);
        assert_eq!(run.code, Some(2), "{name}: {run:?}");
        assert_eq!(run.stdout, "", "{name}");
        assert!(
            run.stderr.starts_with(&format!("{name}:")),
            "{name}: {}",
            run.stderr
        );
        insta::assert_snapshot!(run.stderr);
    });
}

#[test]
fn every_broken_config_is_refused_with_place_and_fix() {
    insta::glob!("fixtures/config/*.toml", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let run = faqbot(path.parent().unwrap(), &["--config", name, "check"], &[]);
        assert_eq!(run.code, Some(2), "{name}: {run:?}");
        assert!(
            run.stderr.starts_with(&format!("{name}:")),
            "{name}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("MTIz"), "the token is never echoed");
        insta::assert_snapshot!(run.stderr);
    });
}

#[test]
fn too_many_topics_for_discord() {
    let mut text =
        std::fs::read_to_string(common::repo().join("tests/fixtures/faq/no_topics.toml")).unwrap();
    for n in 0..98 {
        text.push_str(&format!(
            "\n[[topic]]\nid = \"extra-{n}\"\nquestion = \"Question {n}?\"\nanswer = \"Answer {n}.\"\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.toml"), text).unwrap();
    let run = faqbot(dir.path(), &["--faq", "big.toml", "check"], &[]);
    assert_eq!(run.code, Some(2));
    insta::assert_snapshot!(run.stderr, @r#"
    big.toml:494:6: error: too many topics: this is topic 98, and faqbot can register at most 97
        |
    494 | id = "extra-97"
        |      ^^^^^^^^^^
      help: Discord allows 100 commands per application, and /ask, /faq and /hours take 3; merge some topics
    "#);
}

#[test]
fn a_faq_that_cannot_be_read_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = faqbot(dir.path(), &["--faq", "nowhere.toml", "check"], &[]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .starts_with("nowhere.toml: error: cannot read the file:"),
        "{}",
        run.stderr
    );
}

#[test]
fn broken_config_and_broken_faq_are_reported_together() {
    let fixtures = common::repo().join("tests/fixtures");
    let run = faqbot(
        &fixtures,
        &[
            "--config",
            "config/bad_api_url.toml",
            "--faq",
            "faq/id_uppercase.toml",
            "check",
        ],
        &[],
    );
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("config/bad_api_url.toml:1:11: error"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("faq/id_uppercase.toml:9:6: error"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_environment_variable_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let run = faqbot(dir.path(), &["check"], &[("DISCORD_API_URL", "ftp://x")]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "error: DISCORD_API_URL: `ftp://x` is not an http:// or https:// URL\n  help: give the base URL of the API or of a rate-limit proxy, e.g. \"http://127.0.0.1:8080\"\n"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The loader takes anything: random text, or the shipped FAQ cut and spliced at random
    /// places. It never panics, and every problem it reports points inside the file.
    #[test]
    fn any_text_is_a_faq_or_located_problems(
        random in "\\PC{0,400}",
        cut in 0usize..20_000,
        splice in "[\\[\\]=\"'#\\n a-z0-9]{0,12}",
    ) {
        let shipped = faqbot::core::faq::EMBEDDED;
        let at = shipped.char_indices().map(|(i, _)| i).nth(cut % shipped.chars().count()).unwrap_or(0);
        let mutated = format!("{}{splice}{}", &shipped[..at], &shipped[at..]);
        for text in [random.as_str(), &mutated] {
            if let Err(errors) = faqbot::core::faq::Faq::parse("p.toml", text, &faqbot::frontends::discord::limits::LIMITS) {
                let lines = text.lines().count().max(1);
                proptest::prop_assert!(!errors.diagnostics.is_empty());
                for problem in &errors.diagnostics {
                    proptest::prop_assert!((1..=lines + 1).contains(&problem.line), "{}", errors);
                }
            }
        }
    }
}

#[test]
fn a_broken_examples_file_is_refused_at_its_line() {
    let dir = common::repo().join("tests/fixtures/examples");
    let run = faqbot(&dir, &["--faq", "faq.toml", "check"], &[]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.starts_with("broken.tsv:4:"), "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_topic_may_be_called_help_but_not_after_a_built_in_command() {
    let faq = |id: &str| {
        format!(
            "[contact]\nname = \"Customer care\"\nphone = \"+41 22 749 08 88\"\n\
             timezone = \"Europe/Zurich\"\nhours = [\"mon-fri 09:00-12:00\"]\n\n\
             [[topic]]\nid = \"{id}\"\nquestion = \"How do I use this bot?\"\nanswer = \"Ask.\"\n"
        )
    };
    assert!(faqbot::core::faq::Faq::parse(
        "faq.toml",
        &faq("help"),
        &faqbot::frontends::discord::limits::LIMITS
    )
    .is_ok());
    let taken = faqbot::core::faq::Faq::parse(
        "faq.toml",
        &faq("ask"),
        &faqbot::frontends::discord::limits::LIMITS,
    )
    .unwrap_err();
    assert!(
        taken
            .to_string()
            .contains("taken by faqbot's own /ask command"),
        "{taken}"
    );
}

/// A token pasted where it does not belong, in either file or in the environment, is never
/// shown back: not in a quoted line, not in a message.
#[test]
fn a_token_pasted_anywhere_is_never_shown_back() {
    const PASTED: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GAbCdE.qwertyuiopasdfghjklzxcvbnm1234";
    let dir = tempfile::tempdir().unwrap();
    let faq = std::fs::read_to_string(common::repo().join("faq.toml")).unwrap();
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "alone.toml",
            format!("{PASTED}\n"),
            vec!["--config", "alone.toml", "check"],
        ),
        (
            "listen.toml",
            format!("metrics_listen = \"{PASTED}\"\n"),
            vec!["--config", "listen.toml", "check"],
        ),
        (
            "path.toml",
            format!("interactions_path = \"{PASTED}\"\n"),
            vec!["--config", "path.toml", "check"],
        ),
        (
            "api.toml",
            format!("api_url = \"{PASTED}\"\n"),
            vec!["--config", "api.toml", "check"],
        ),
        (
            "faq.toml",
            format!("{PASTED}\n{faq}"),
            vec!["--faq", "faq.toml", "check"],
        ),
    ];
    for (file, text, args) in &cases {
        std::fs::write(dir.path().join(file), text).unwrap();
        let run = faqbot(dir.path(), args, &[]);
        assert_eq!(run.code, Some(2), "{file}: {run:?}");
        assert!(
            run.stderr.starts_with(&format!("{file}:")),
            "{file}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains(PASTED), "{file}: {}", run.stderr);
    }
    let run = faqbot(dir.path(), &["check"], &[("DISCORD_API_URL", PASTED)]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("DISCORD_API_URL"), "{}", run.stderr);
    assert!(!run.stderr.contains(PASTED), "{}", run.stderr);
}
