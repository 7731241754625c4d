//! The development set: real-sounding questions with the topic that answers them, or `none`.
//! Reports accuracy per kind of question and fails below the floors set from measured results.

use std::collections::BTreeMap;

use faqbot::faq::Faq;
use faqbot::matcher::Matcher;

/// Floors, from the measured results with a margin for honest keyword edits.
const OVERALL_FLOOR: f64 = 0.95;
const OFFTOPIC_REFUSED_FLOOR: f64 = 0.90;
const KIND_FLOOR: f64 = 0.85;

struct Case {
    kind: String,
    /// The right outcomes: topic ids, or `none` where refusing is right.
    expected: Vec<String>,
    question: String,
}

fn cases() -> Vec<Case> {
    include_str!("data/questions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|line| {
            let mut cols = line.splitn(3, '\t');
            let (kind, expected, question) = (
                cols.next().unwrap(),
                cols.next().unwrap(),
                cols.next().unwrap_or(""),
            );
            Case {
                kind: kind.to_owned(),
                expected: expected.split('|').map(str::to_owned).collect(),
                question: question.to_owned(),
            }
        })
        .collect()
}

#[test]
fn development_set_accuracy() {
    let faq = Faq::embedded();
    let matcher = Matcher::new(&faq);
    let cases = cases();
    assert!(cases.len() >= 200, "at least 200 questions");
    let ids: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases {
        for expected in &case.expected {
            assert!(
                expected == "none" || ids.contains(&expected.as_str()),
                "unknown topic {expected}"
            );
        }
        let verdict = matcher.ask(&case.question);
        let got = verdict.topic().map_or("none", |t| ids[t]).to_owned();
        let right = case.expected.contains(&got);
        let entry = by_kind.entry(case.kind.as_str()).or_default();
        entry.0 += usize::from(right);
        entry.1 += 1;
        if !right {
            failures.push(format!(
                "  [{}] {:?}: expected {}, got {} ({:.2}, suggests {:?})",
                case.kind,
                case.question,
                case.expected.join("|"),
                got,
                verdict.score(),
                verdict
                    .suggestions()
                    .iter()
                    .map(|&t| ids[t])
                    .collect::<Vec<_>>()
            ));
        }
    }
    let right: usize = by_kind.values().map(|v| v.0).sum();
    let overall = right as f64 / cases.len() as f64;
    println!(
        "development set: {right}/{} right ({:.1}%)",
        cases.len(),
        overall * 100.0
    );
    for (kind, (r, n)) in &by_kind {
        println!(
            "  {kind:<9} {r:>3}/{n:<3} {:.1}%",
            *r as f64 * 100.0 / *n as f64
        );
    }
    println!("misses:\n{}", failures.join("\n"));
    let (off_right, off_total) = by_kind["offtopic"];
    assert!(
        overall >= OVERALL_FLOOR,
        "overall {overall:.3} below {OVERALL_FLOOR}"
    );
    assert!(
        off_right as f64 / off_total as f64 >= OFFTOPIC_REFUSED_FLOOR,
        "off-topic refusals below {OFFTOPIC_REFUSED_FLOOR}"
    );
    for (kind, (r, n)) in &by_kind {
        assert!(
            *r as f64 / *n as f64 >= KIND_FLOOR,
            "{kind} below {KIND_FLOOR}"
        );
    }
}
