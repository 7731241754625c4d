//! `/ask` measured on questions with known answers, through the same code as `faqbot eval`.
//!
//! Two sets: `tuning.tsv`, which the matcher was fitted to and which guards against
//! regressions, and `heldout.tsv`, written in one go by someone who had not seen the keywords
//! or the matcher and never tuned on, which says how the bot does on questions it has not met.
//! The floors are the product's targets; each set's figures are printed for the notes.

use faqbot::eval::{self, Report, Tally};
use faqbot::faq::Faq;
use faqbot::matcher::Matcher;

struct Floors {
    overall: f64,
    off_topic_refused: f64,
    /// Per kind, for the kinds named; `any_kind` for every other.
    kinds: &'static [(&'static str, f64)],
    any_kind: f64,
}

fn measure(file: &str, text: &str) -> Report {
    let faq = Faq::embedded();
    let cases = eval::parse(text, file, &faq).unwrap_or_else(|e| panic!("{e}"));
    let report = eval::evaluate(&faq, &Matcher::new(&faq), &cases);
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
    for miss in &report.misses {
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
        failed.push(format!("overall {:.3} < {}", report.overall.rate(), floors.overall));
    }
    let refused = report.refusals.off_topic.rate();
    if refused < floors.off_topic_refused {
        failed.push(format!(
            "off-topic refused {refused:.3} < {}",
            floors.off_topic_refused
        ));
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

#[test]
fn tuning_set_accuracy() {
    let report = measure("tuning.tsv", include_str!("data/tuning.tsv"));
    assert!(report.overall.total >= 500, "the tuning set is whole");
    check(
        &report,
        &Floors {
            overall: 0.95,
            off_topic_refused: 0.92,
            kinds: &[],
            any_kind: 0.88,
        },
    );
}

#[test]
fn held_out_set_accuracy() {
    let report = measure("heldout.tsv", include_str!("data/heldout.tsv"));
    assert!(report.overall.total >= 200, "the held-out set is whole");
    check(
        &report,
        &Floors {
            overall: 0.90,
            off_topic_refused: 0.90,
            kinds: &[("chatty", 0.85), ("direct", 0.95)],
            any_kind: 0.80,
        },
    );
}
