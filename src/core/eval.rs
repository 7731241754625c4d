//! How well `/ask` does on a list of questions whose right answers are known.
//!
//! An FAQ maintainer edits `faq.toml`, then runs `faqbot eval questions.tsv` to see what the
//! edit did: accuracy per kind of question and per topic, which topics are mistaken for which,
//! how often the bot refuses, and every miss. The test suite runs the same code over the
//! repo's tuning and held-out sets, so the figures in the docs are the figures of the product.
//!
//! The file is tab-separated: `question`, `expected` (a topic id, `none` where refusing is
//! right, or several joined by `|` where either is right) and an optional `kind` (direct,
//! chatty, offtopic, …). Lines starting with `#` and a `question`/`expected` header are skipped.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::faq::{Faq, TopicId};
use crate::core::matcher::{Matcher, Verdict};

use crate::core::diagnostic::FileErrors;
pub use crate::core::faq::examples::{Example as Case, Expected, NONE, NO_KIND};

/// Word overlap (Jaccard, over the words as the matcher folds them) from which two questions
/// are near-copies: a question with a near-copy among the examples the matcher learned from
/// measures what it learned, not how it does on questions it has not met.
pub const NEAR_COPY: f64 = 0.6;

/// A question measured that the matcher learned from, or nearly.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearCopy {
    /// The line of the question in the file measured.
    pub line: usize,
    /// The file the example is in (the examples or the taught questions), its line there,
    /// and its question.
    pub file: String,
    pub example_line: usize,
    pub example: String,
    /// The words' overlap: 1 for the same words.
    pub overlap: f64,
}

/// The questions of `cases` that have a near-copy (the same words, or an overlap of at least
/// [`NEAR_COPY`]) among the labelled questions of `learned` (each file's name and questions),
/// each with its closest one.
pub fn near_copies(cases: &[Case], learned: &[(&str, &[Case])]) -> Vec<NearCopy> {
    use crate::core::text::{overlap, word_set as words};
    let known: Vec<(&str, &Case, Vec<String>)> = learned
        .iter()
        .flat_map(|(file, examples)| examples.iter().map(move |e| (*file, e)))
        .map(|(file, example)| (file, example, words(&example.question)))
        .collect();
    cases
        .iter()
        .filter_map(|case| {
            let asked = words(&case.question);
            let (file, example, overlap) = known
                .iter()
                .map(|(file, example, words)| (file, example, overlap(&asked, words)))
                .max_by(|a, b| a.2.total_cmp(&b.2))?;
            (overlap >= NEAR_COPY).then(|| NearCopy {
                line: case.line,
                file: (*file).to_owned(),
                example_line: example.line,
                example: example.question.clone(),
                overlap,
            })
        })
        .collect()
}

/// Reads a question file, checking every expected id against the FAQ's topics.
pub fn parse(text: &str, file: &str, faq: &Faq) -> Result<Vec<Case>, FileErrors> {
    faq.read_examples(file, text)
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
    tally(
        faq,
        cases.iter().map(|case| (case, matcher.ask(&case.question))),
    )
}

/// What the matcher would do on questions it never learned from: the questions are dealt
/// into `folds` groups, and each group is asked of a matcher taught by the FAQ's examples
/// less every question of the file, plus the other groups. With the FAQ's own examples file
/// this is k-fold cross-validation; with another file, its questions also teach the others.
/// A question's group follows from its words, so copies of one question (which people write
/// more often than one thinks) are always in the same group and never teach each other.
pub fn cross_validate(faq: &Faq, cases: &[Case], folds: usize) -> Report {
    let folds = folds.clamp(2, cases.len().max(2));
    let asked: std::collections::HashSet<&str> =
        cases.iter().map(|c| c.question.as_str()).collect();
    let others: Vec<Case> = faq
        .examples
        .iter()
        .filter(|e| !asked.contains(e.question.as_str()))
        .cloned()
        .collect();
    let group: Vec<usize> = cases.iter().map(|c| fold_of(&c.question, folds)).collect();
    let mut verdicts: Vec<Option<Verdict>> = vec![None; cases.len()];
    for fold in 0..folds {
        let mut teaching = others.clone();
        teaching.extend(
            cases
                .iter()
                .zip(&group)
                .filter(|(_, g)| **g != fold)
                .map(|(c, _)| c.clone()),
        );
        let matcher = Matcher::with_examples(faq, &teaching);
        for (i, case) in cases.iter().enumerate().filter(|(i, _)| group[*i] == fold) {
            verdicts[i] = Some(matcher.ask(&case.question));
        }
    }
    tally(
        faq,
        cases.iter().zip(
            verdicts
                .into_iter()
                .map(|v| v.expect("every case is in one fold")),
        ),
    )
}

/// The group of a question in cross-validation: from its words, case and punctuation aside, by
/// a hash that is the same on every machine and in every run.
fn fold_of(question: &str, folds: usize) -> usize {
    (crate::core::text::key(question) % folds as u64) as usize
}

/// Tallies verdicts obtained elsewhere (by a matcher extended outside faqbot, say), one per
/// case in order.
pub fn tally_verdicts(faq: &Faq, cases: &[Case], verdicts: Vec<Verdict>) -> Report {
    tally(faq, cases.iter().zip(verdicts))
}

fn tally<'c>(faq: &Faq, answered: impl Iterator<Item = (&'c Case, Verdict)>) -> Report {
    let id = |t: TopicId| faq[t].id.clone();
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
    let name = |expected: &Expected| match *expected {
        Expected::Topic(topic) => id(topic),
        Expected::Refusal => NONE.to_owned(),
    };
    let names = |expected: &[Expected]| {
        let names: Vec<String> = expected.iter().map(name).collect();
        names.join("|")
    };
    for (case, verdict) in answered {
        let given = verdict.topic().map_or(Expected::Refusal, Expected::Topic);
        let got = name(&given);
        let right = case.expected.contains(&given);
        report.overall.add(right);
        report
            .by_kind
            .entry(case.kind.clone())
            .or_default()
            .add(right);
        // A question with several right topics counts once: for the one answered when it
        // was right, for the first listed when it was not.
        let credited = if right {
            Some(given)
        } else {
            case.expected
                .iter()
                .copied()
                .find(|e| *e != Expected::Refusal)
        };
        if let Some(tally) = credited.and_then(|t| report.by_topic.get_mut(&name(&t))) {
            tally.expected.add(right);
        }
        if let Some(tally) = report.by_topic.get_mut(&got) {
            tally.given.add(right);
        }
        let refused = given == Expected::Refusal;
        report.refusals.refused.add(refused);
        if case.is_off_topic() {
            report.refusals.off_topic.add(refused);
        } else if !case.expected.contains(&Expected::Refusal) {
            report.refusals.answerable_refused.add(refused);
        }
        if !right {
            *confusion
                .entry((names(&case.expected), got.clone()))
                .or_default() += 1;
            report.misses.push(Miss {
                line: case.line,
                kind: case.kind.clone(),
                question: case.question.clone(),
                expected: names(&case.expected),
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
    fn cross_validation_asks_each_question_of_a_matcher_that_never_saw_it() {
        let faq = Faq::embedded(&crate::core::limits::Limits::NONE);
        let text = "who may put the ISO badge on a mug\tlogo\tparaphrase\n\
                    how do I mount an iso file\tnone\toff\n\
                    can companies join ISO?\tmembership\tdirect\n";
        let cases = parse(text, "q.tsv", &faq).unwrap();
        let report = cross_validate(&faq, &cases, 3);
        assert_eq!(report.overall.total, 3);
        let trained = evaluate(&faq, &Matcher::with_examples(&faq, &cases), &cases);
        assert_eq!(
            trained.overall.right, 3,
            "taught the very questions, it gets them right"
        );
    }

    #[test]
    fn tallies_kinds_topics_refusals_and_misses() {
        let faq = Faq::embedded(&crate::core::limits::Limits::NONE);
        let matcher = Matcher::new(&faq);
        let text = "Who is allowed to use the ISO logo?\tlogo\tdirect\n\
                    how do I mount an iso file\tnone\toff\n\
                    how do I mount an iso file\tlogo\tdirect\n";
        let cases = parse(text, "q.tsv", &faq).unwrap();
        let report = evaluate(&faq, &matcher, &cases);
        assert_eq!(report.overall, Tally { right: 2, total: 3 });
        assert_eq!(report.by_kind["direct"], Tally { right: 1, total: 2 });
        assert_eq!(report.by_kind["off"], Tally { right: 1, total: 1 });
        assert_eq!(
            report.by_topic["logo"].expected,
            Tally { right: 1, total: 2 }
        );
        assert_eq!(report.by_topic["logo"].given, Tally { right: 1, total: 1 });
        assert_eq!(report.refusals.refused, Tally { right: 2, total: 3 });
        assert_eq!(report.refusals.off_topic, Tally { right: 1, total: 1 });
        assert_eq!(
            report.refusals.answerable_refused,
            Tally { right: 1, total: 2 }
        );
        assert_eq!(report.confusion, [("logo".to_owned(), NONE.to_owned(), 1)]);
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.misses[0].line, 3);
    }
}
