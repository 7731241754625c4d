//! How well `/ask` does on a list of questions whose right answers are known.
//!
//! An FAQ maintainer edits `faq.toml`, then runs `faqbot eval questions.tsv` to see what the
//! edit did: accuracy per kind of question and per topic, which topics are mistaken for which,
//! how often the bot refuses, and every miss. The test suite runs the same code over the
//! repo's tuning and held-out sets, so the figures in the docs are the figures of the product.
//!
//! The file is tab-separated: `question`, `expected` (a topic id, `none` where refusing is
//! right, or several joined by `|` where either is right) and an optional `kind` (direct,
//! chatty, offtopic, …). Lines starting with `#` and a `question	expected…` header are skipped.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::faq::Faq;
use crate::matcher::Matcher;

/// What `expected` holds when the right answer is to refuse.
pub const NONE: &str = "none";
/// The kind of a question whose line names none.
pub const NO_KIND: &str = "other";

/// One question with its right answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub question: String,
    /// Topic ids, or [`NONE`]; any of them is right.
    pub expected: Vec<String>,
    pub kind: String,
    /// Where it is in its file, 1-based, to find it again.
    pub line: usize,
}

impl Case {
    /// Whether refusing is the only right answer.
    pub fn is_off_topic(&self) -> bool {
        self.expected.iter().all(|e| e == NONE)
    }
}

/// A line of a question file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}\n  help: {help}")]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub message: String,
    pub help: String,
}

/// Reads a question file, checking every expected id against the FAQ's topics.
pub fn parse(text: &str, file: &str, faq: &Faq) -> Result<Vec<Case>, ParseError> {
    let error = |line: usize, message: String, help: String| ParseError {
        file: file.to_owned(),
        line,
        message,
        help,
    };
    let mut cases = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let mut columns = raw.split('\t');
        let question = columns.next().unwrap_or_default().trim();
        let expected = columns.next().map(str::trim);
        let kind = columns.next().map(str::trim).filter(|k| !k.is_empty());
        if cases.is_empty() && question == "question" && expected == Some("expected") {
            continue;
        }
        let Some(expected) = expected.filter(|e| !e.is_empty()) else {
            return Err(error(
                line,
                "no expected topic".to_owned(),
                "write the question, a tab, then a topic id or `none`".to_owned(),
            ));
        };
        if columns.next().is_some() {
            return Err(error(
                line,
                "more than three tab-separated columns".to_owned(),
                "a line is: question, tab, expected topic id, optionally tab and kind".to_owned(),
            ));
        }
        let expected: Vec<String> = expected.split('|').map(|e| e.trim().to_owned()).collect();
        if let Some(unknown) = expected
            .iter()
            .find(|e| *e != NONE && faq.topic(e).is_none())
        {
            let ids: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
            return Err(error(
                line,
                format!("`{unknown}` is not a topic of this FAQ"),
                format!("expected is `none` or one of: {}", ids.join(", ")),
            ));
        }
        cases.push(Case {
            question: question.to_owned(),
            expected,
            kind: kind.unwrap_or(NO_KIND).to_owned(),
            line,
        });
    }
    Ok(cases)
}

/// Right out of asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.right += usize::from(right);
        self.total += 1;
    }

    /// The share that was right; 1 for an empty tally, which has nothing wrong in it.
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// How one topic fared: found when it was the answer (recall), right when it was given
/// (precision).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TopicTally {
    /// Questions it answers, and how many got it.
    pub expected: Tally,
    /// Times it was given as the answer, and how many of those were right.
    pub given: Tally,
}

/// How often the bot declined to answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Refusals {
    /// Refused (or unsure, which also gives no answer) out of every question.
    pub refused: Tally,
    /// Off-topic questions rightly refused.
    pub off_topic: Tally,
    /// Answerable questions it refused although a topic answers them.
    pub answerable_refused: Tally,
}

/// A question the bot got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub line: usize,
    pub kind: String,
    pub question: String,
    pub expected: String,
    /// The topic answered with, or `none`.
    pub got: String,
    pub score: f32,
    /// The topics offered instead or as well, best first.
    pub suggestions: Vec<String>,
}

/// Everything `faqbot eval` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub overall: Tally,
    pub by_kind: BTreeMap<String, Tally>,
    pub by_topic: BTreeMap<String, TopicTally>,
    /// `(expected, got)` pairs of the misses with how often each happened, most frequent
    /// first; `none` on either side for refusals and wrong answers to off-topic questions.
    pub confusion: Vec<(String, String, usize)>,
    pub refusals: Refusals,
    pub misses: Vec<Miss>,
}

/// Asks every question and tallies the answers.
pub fn evaluate(faq: &Faq, matcher: &Matcher, cases: &[Case]) -> Report {
    let id = |t: usize| faq.topics[t].id.clone();
    let mut report = Report {
        overall: Tally::default(),
        by_kind: BTreeMap::new(),
        by_topic: faq
            .topics
            .iter()
            .map(|t| (t.id.clone(), TopicTally::default()))
            .collect(),
        confusion: Vec::new(),
        refusals: Refusals::default(),
        misses: Vec::new(),
    };
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for case in cases {
        let verdict = matcher.ask(&case.question);
        let got = verdict.topic().map_or_else(|| NONE.to_owned(), id);
        let right = case.expected.contains(&got);
        report.overall.add(right);
        report.by_kind.entry(case.kind.clone()).or_default().add(right);
        for expected in case.expected.iter().filter(|e| *e != NONE) {
            if let Some(tally) = report.by_topic.get_mut(expected) {
                tally.expected.add(right);
            }
        }
        if let Some(tally) = report.by_topic.get_mut(&got) {
            tally.given.add(right);
        }
        let refused = got == NONE;
        report.refusals.refused.add(refused);
        if case.is_off_topic() {
            report.refusals.off_topic.add(refused);
        } else if !case.expected.iter().any(|e| e == NONE) {
            report.refusals.answerable_refused.add(refused);
        }
        if !right {
            *confusion
                .entry((case.expected.join("|"), got.clone()))
                .or_default() += 1;
            report.misses.push(Miss {
                line: case.line,
                kind: case.kind.clone(),
                question: case.question.clone(),
                expected: case.expected.join("|"),
                got,
                score: (verdict.score() * 100.0).round() / 100.0,
                suggestions: verdict.suggestions().iter().map(|&t| id(t)).collect(),
            });
        }
    }
    report.confusion = confusion.into_iter().map(|((e, g), n)| (e, g, n)).collect();
    report
        .confusion
        .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_and_without_header_and_kind() {
        let faq = Faq::embedded();
        let text = "# comment\nquestion\texpected\tkind\nwho can use the logo\tlogo\tdirect\n\
                    how do I mount an iso\tnone\nis iso a UN body\tun|ngo\tparaphrase\n";
        let cases = parse(text, "q.tsv", &faq).unwrap();
        assert_eq!(cases.len(), 3);
        assert_eq!(cases[0].kind, "direct");
        assert_eq!(cases[0].line, 3);
        assert_eq!(cases[1].kind, NO_KIND);
        assert!(cases[1].is_off_topic());
        assert_eq!(cases[2].expected, ["un", "ngo"]);
    }

    #[test]
    fn bad_lines_name_file_line_and_fix() {
        let faq = Faq::embedded();
        let unknown = parse("hello\tlogos\n", "q.tsv", &faq).unwrap_err();
        assert_eq!(unknown.line, 1);
        assert!(unknown.to_string().starts_with("q.tsv:1: `logos` is not a topic"));
        assert!(unknown.help.contains("logo"));
        let missing = parse("# x\nonly a question\n", "q.tsv", &faq).unwrap_err();
        assert_eq!(missing.line, 2);
        let empty = parse("\tnone\toff\n", "q.tsv", &faq).unwrap();
        assert_eq!(empty[0].question, "", "an empty question is a fair test: it is refused");
        assert!(parse("a\tlogo\tdirect\textra\n", "q.tsv", &faq).is_err());
    }

    #[test]
    fn tallies_kinds_topics_refusals_and_misses() {
        let faq = Faq::embedded();
        let matcher = Matcher::new(&faq);
        let text = "Who is allowed to use the ISO logo?\tlogo\tdirect\n\
                    how do I mount an iso file\tnone\toff\n\
                    how do I mount an iso file\tlogo\tdirect\n";
        let cases = parse(text, "q.tsv", &faq).unwrap();
        let report = evaluate(&faq, &matcher, &cases);
        assert_eq!(report.overall, Tally { right: 2, total: 3 });
        assert_eq!(report.by_kind["direct"], Tally { right: 1, total: 2 });
        assert_eq!(report.by_kind["off"], Tally { right: 1, total: 1 });
        assert_eq!(report.by_topic["logo"].expected, Tally { right: 1, total: 2 });
        assert_eq!(report.by_topic["logo"].given, Tally { right: 1, total: 1 });
        assert_eq!(report.refusals.refused, Tally { right: 2, total: 3 });
        assert_eq!(report.refusals.off_topic, Tally { right: 1, total: 1 });
        assert_eq!(
            report.refusals.answerable_refused,
            Tally { right: 1, total: 2 }
        );
        assert_eq!(
            report.confusion,
            [("logo".to_owned(), NONE.to_owned(), 1)]
        );
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.misses[0].line, 3);
    }
}
