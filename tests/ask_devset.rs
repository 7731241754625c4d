//! `/ask` measured on questions with known answers, through the same code as `faqbot eval`.
//!
//! Two sets: the FAQ's `examples.tsv`, which the matcher learns from and was tuned on, asked
//! by 5-fold cross-validation (each question of a matcher that did not learn from it) and as
//! learned; and `heldout.tsv`, written in one go by someone who had not seen the keywords or
//! the matcher and never tuned on, which says how the bot does on questions it has not met.
//! The floors are the product's targets; each set's figures are printed for the notes.

use faqbot::core::eval::{self, Report, Tally};
use faqbot::core::faq::Faq;
use faqbot::core::matcher::Matcher;

struct Floors {
    overall: f64,
    off_topic_refused: f64,
    /// Per kind, for the kinds named; `any_kind` for every other.
    kinds: &'static [(&'static str, f64)],
    any_kind: f64,
}

fn measure(file: &str, text: &str, folds: Option<usize>, show_misses: bool) -> Report {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let cases = eval::parse(text, file, &faq).unwrap_or_else(|e| panic!("{e}"));
    let report = match folds {
        Some(k) => eval::cross_validate(&faq, &cases, k),
        None => eval::evaluate(&faq, &Matcher::new(&faq), &cases),
    };
    let share = |t: &Tally| format!("{}/{} = {:.1}%", t.right, t.total, t.rate() * 100.0);
    println!("{file}: {}", share(&report.overall));
    for (kind, tally) in &report.by_kind {
        println!("  {kind:<11} {}", share(tally));
    }
    println!(
        "  off-topic refused {}; answerable refused {}",
        share(&report.refusals.off_topic),
        share(&report.refusals.answerable_refused)
    );
    // The held-out set's misses are never shown: it must not become a tuning set.
    for miss in report.misses.iter().filter(|_| show_misses) {
        println!(
            "  miss line {} [{}] expected {}, got {} ({:.2}): {}",
            miss.line, miss.kind, miss.expected, miss.got, miss.score, miss.question
        );
    }
    report
}

fn check(report: &Report, floors: &Floors) {
    let mut failed = Vec::new();
    if report.overall.rate() < floors.overall {
        failed.push(format!(
            "overall {:.3} < {}",
            report.overall.rate(),
            floors.overall
        ));
    }
    let refused = report.refusals.off_topic.rate();
    if refused < floors.off_topic_refused {
        failed.push(format!(
            "off-topic refused {refused:.3} < {}",
            floors.off_topic_refused
        ));
    }
    if report.refusals.off_topic.total == 0 {
        failed.push("no off-topic questions to measure refusals on".to_owned());
    }
    for (kind, _) in floors.kinds {
        if report.by_kind.get(*kind).is_none_or(|t| t.total == 0) {
            failed.push(format!("no `{kind}` questions to hold to their floor"));
        }
    }
    for (kind, tally) in &report.by_kind {
        let floor = floors
            .kinds
            .iter()
            .find(|(k, _)| k == kind)
            .map_or(floors.any_kind, |(_, f)| *f);
        if tally.rate() < floor {
            failed.push(format!("{kind} {:.3} < {floor}", tally.rate()));
        }
    }
    assert!(failed.is_empty(), "below the floors: {}", failed.join("; "));
}

/// The kinds of the examples in the languages added by issue 19: each language's code.
const LANGUAGE_KINDS: [&str; 8] = ["de", "es", "pt", "it", "nl", "ru", "ja", "zh"];

/// The examples in English and French: every line but those of [`LANGUAGE_KINDS`], on which
/// the product's floors were set (the other languages have floors of their own, below).
fn english_and_french_examples() -> String {
    include_str!("../examples.tsv")
        .lines()
        .filter(|line| {
            !LANGUAGE_KINDS
                .iter()
                .any(|kind| line.ends_with(&format!("\t{kind}")))
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn examples_cross_validated() {
    let report = measure(
        "examples.tsv (en, fr)",
        &english_and_french_examples(),
        Some(5),
        true,
    );
    assert!(report.overall.total >= 1600, "the examples are whole");
    check(
        &report,
        &Floors {
            overall: 0.92,
            off_topic_refused: 0.89,
            kinds: &[("chatty", 0.93), ("direct", 0.97)],
            any_kind: 0.90,
        },
    );
}

/// The eight languages' examples, cross-validated with all the others: a training figure
/// (each language has about 200 examples from three writers), held near where it stood when
/// they came (2026-12-04: 57% to 88%), so that a change that loses a language is seen.
#[test]
fn examples_in_eight_more_languages_cross_validated() {
    let report = measure(
        "examples.tsv",
        include_str!("../examples.tsv"),
        Some(5),
        false,
    );
    for kind in LANGUAGE_KINDS {
        let tally = &report.by_kind[kind];
        assert!(tally.total >= 120, "{kind}: {} examples", tally.total);
        assert!(tally.rate() >= 0.52, "{kind}: {:.3}", tally.rate());
    }
}

/// The held-out file of each language added by issue 19, written blind before the matcher
/// changed. Floors below where the first examples brought them (75% to 97%, 2026-12-04), below
/// the target of 90% in each: a regression guard, not the goal.
#[test]
fn held_out_questions_in_eight_more_languages() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let matcher = Matcher::new(&faq);
    let (mut refused, mut off_topic) = (0, 0);
    for (name, text) in HELD_OUT_LANGUAGES {
        let cases = eval::parse(text, name, &faq).unwrap();
        assert!(cases.len() >= 25, "{name}: {} questions", cases.len());
        let report = eval::evaluate(&faq, &matcher, &cases);
        println!("{name}: {}/{}", report.overall.right, report.overall.total);
        assert!(
            report.overall.rate() >= 0.70,
            "{name}: {:.3}",
            report.overall.rate()
        );
        refused += report.refusals.off_topic.right;
        off_topic += report.refusals.off_topic.total;
        assert!(
            report.refusals.off_topic.total >= 5,
            "{name}: off-topic questions"
        );
    }
    assert!(
        refused as f64 >= 0.85 * off_topic as f64,
        "off-topic refused {refused}/{off_topic}"
    );
}

#[test]
fn examples_as_learned() {
    let report = measure("examples.tsv", include_str!("../examples.tsv"), None, true);
    check(
        &report,
        &Floors {
            overall: 0.97,
            off_topic_refused: 0.95,
            // The eight languages' examples, as learned: a training figure.
            kinds: &[
                ("de", 0.88),
                ("es", 0.88),
                ("pt", 0.88),
                ("it", 0.88),
                ("nl", 0.88),
                ("ru", 0.88),
                ("ja", 0.88),
                ("zh", 0.88),
            ],
            any_kind: 0.95,
        },
    );
}

#[test]
fn held_out_set_accuracy() {
    let report = measure("heldout.tsv", include_str!("data/heldout.tsv"), None, false);
    assert!(report.overall.total >= 200, "the held-out set is whole");
    check(
        &report,
        &Floors {
            overall: 0.90,
            off_topic_refused: 0.90,
            kinds: &[("chatty", 0.85), ("direct", 0.95)],
            any_kind: 0.85,
        },
    );
}

#[test]
fn no_example_is_a_near_copy_of_a_held_out_question() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let mut held = eval::parse(include_str!("data/heldout.tsv"), "heldout.tsv", &faq).unwrap();
    for (name, text) in HELD_OUT_LANGUAGES {
        held.extend(eval::parse(text, name, &faq).unwrap());
    }
    let near: Vec<String> = eval::near_copies(&held, &[("examples.tsv", &faq.examples)])
        .iter()
        .map(|c| format!("{}:{}: {}", c.file, c.example_line, c.example))
        .collect();
    assert!(
        near.is_empty(),
        "{} examples are near-copies of held-out questions; remove them from examples.tsv:\n{}",
        near.len(),
        near.join("\n")
    );
}

/// The held-out files of the languages added by issue 19, each written blind by a helper.
const HELD_OUT_LANGUAGES: [(&str, &str); 8] = [
    ("heldout-de.tsv", include_str!("data/heldout-de.tsv")),
    ("heldout-es.tsv", include_str!("data/heldout-es.tsv")),
    ("heldout-pt.tsv", include_str!("data/heldout-pt.tsv")),
    ("heldout-it.tsv", include_str!("data/heldout-it.tsv")),
    ("heldout-nl.tsv", include_str!("data/heldout-nl.tsv")),
    ("heldout-ru.tsv", include_str!("data/heldout-ru.tsv")),
    ("heldout-ja.tsv", include_str!("data/heldout-ja.tsv")),
    ("heldout-zh.tsv", include_str!("data/heldout-zh.tsv")),
];

#[test]
fn no_held_out_question_is_an_example() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let key = |q: &str| faqbot::core::text::words(q).collect::<Vec<_>>().join(" ");
    let examples: std::collections::HashSet<String> =
        faq.examples.iter().map(|e| key(&e.question)).collect();
    let held = eval::parse(include_str!("data/heldout.tsv"), "heldout.tsv", &faq).unwrap();
    let shared: Vec<&str> = held
        .iter()
        .filter(|c| examples.contains(&key(&c.question)))
        .map(|c| c.question.as_str())
        .collect();
    assert!(
        shared.is_empty(),
        "{} held-out questions are also examples; remove them from examples.tsv",
        shared.len()
    );
}
