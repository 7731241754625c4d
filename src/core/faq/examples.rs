//! Questions labelled with the topic that answers them: what `/ask` learns from
//! (`examples = "examples.tsv"` in `faq.toml`) and what `faqbot eval` measures it on.
//!
//! The file is tab-separated, one question a line: the question, the expected topic id (`none`
//! where the FAQ has no answer, several joined by `|` where either is right), and optionally
//! the kind of question (`direct`, `chatty`, `offtopic`, …) for the per-kind figures. Lines
//! starting with `#` and a header naming the columns (`question`, `expected`, `kind`) are skipped.

use std::ops::Range;

use super::TopicId;
use crate::core::diagnostic::{did_you_mean, Diagnostic, FileErrors, Source};

/// The label of a question the FAQ must refuse.
pub const NONE: &str = "none";
/// The kind of a question whose line names none.
pub const NO_KIND: &str = "other";

/// What a labelled question expects: a topic (by its place in the FAQ, resolved when the file
/// is read), or a refusal (written [`NONE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Expected {
    Topic(TopicId),
    Refusal,
}

/// One labelled question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub question: String,
    /// Any of them is right.
    pub expected: Vec<Expected>,
    pub kind: String,
    /// Where it is in its file, 1-based, to find it again.
    pub line: usize,
}

impl Example {
    /// Whether refusing is the only right answer.
    pub fn is_off_topic(&self) -> bool {
        self.expected.iter().all(|e| *e == Expected::Refusal)
    }
}

/// Reads a question file; every expected id must be one of `topics` (and is read as its place
/// there) or [`NONE`]. All bad
/// lines are reported at once, each at its line and column with how to fix it.
pub fn parse(path: &str, text: &str, topics: &[&str]) -> Result<Vec<Example>, FileErrors> {
    let source = Source::new(path, text);
    let mut examples = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut offset = 0;
    let mut header_allowed = true;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<(Range<usize>, &str)> = spans(line)
            .map(|(r, c)| (start + r.start..start + r.end, c))
            .collect();
        let question = columns[0].1.trim();
        let expected = columns.get(1).map(|(_, c)| c.trim());
        if std::mem::take(&mut header_allowed)
            && question == "question"
            && expected == Some("expected")
        {
            continue;
        }
        let mut problem = |span: Range<usize>, message: String, help: &str| {
            problems.push(source.diagnostic(span, message, Some(help.to_owned())));
        };
        let Some((expected_span, expected)) = columns
            .get(1)
            .map(|(r, c)| (r.clone(), c.trim()))
            .filter(|(_, c)| !c.is_empty())
        else {
            problem(
                start + line.len()..start + line.len(),
                "no expected topic after the question".to_owned(),
                "write the question, a tab, then a topic id or `none`",
            );
            continue;
        };
        if let Some((span, _)) = columns.get(3) {
            problem(
                span.clone(),
                "more than three tab-separated columns".to_owned(),
                "a line is: question, tab, expected topic id, and optionally tab and kind",
            );
            continue;
        }
        let mut labels = Vec::new();
        let mut at = expected_span.start + columns[1].1.find(expected).unwrap_or(0);
        for label in expected.split('|') {
            let span = at..at + label.len();
            at += label.len() + 1;
            let label = label.trim();
            let known = match topics.iter().position(|t| *t == label) {
                Some(topic) => Expected::Topic(TopicId::new(topic)),
                None if label == NONE => Expected::Refusal,
                None => {
                    let help = match did_you_mean(label, topics) {
                        Some(close) => format!("did you mean `{close}`? (or `{NONE}`)"),
                        None => format!("use `{NONE}` or one of: {}", topics.join(", ")),
                    };
                    problem(span, format!("`{label}` is not a topic of this FAQ"), &help);
                    continue;
                }
            };
            labels.push(known);
        }
        if labels.len() != expected.split('|').count() {
            continue;
        }
        examples.push(Example {
            question: question.to_owned(),
            expected: labels,
            kind: columns
                .get(2)
                .map(|(_, k)| k.trim())
                .filter(|k| !k.is_empty())
                .unwrap_or(NO_KIND)
                .to_owned(),
            line: index + 1,
        });
    }
    if problems.is_empty() {
        Ok(examples)
    } else {
        Err(source.errors(problems))
    }
}

/// The tab-separated columns of a line with their byte ranges in it.
fn spans(line: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut start = 0;
    line.split('\t').map(move |column| {
        let range = start..start + column.len();
        start = range.end + 1;
        (range, column)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPICS: &[&str] = &["logo", "un", "ngo"];

    #[test]
    fn reads_lines_with_and_without_header_and_kind() {
        let text = "# comment\nquestion\texpected\tkind\nwho can use the logo\tlogo\tdirect\n\
                    how do I mount an iso\tnone\n\nis iso a UN body\tun|ngo\tparaphrase\r\n\
                    \tnone\toff\n";
        let examples = parse("q.tsv", text, TOPICS).unwrap();
        assert_eq!(examples.len(), 4);
        assert_eq!(examples[0].kind, "direct");
        assert_eq!(examples[0].line, 3);
        assert_eq!(examples[1].kind, NO_KIND);
        assert!(examples[1].is_off_topic());
        assert_eq!(
            examples[2].expected,
            [
                Expected::Topic(TopicId::new(1)),
                Expected::Topic(TopicId::new(2))
            ]
        );
        assert_eq!(examples[2].kind, "paraphrase");
        assert_eq!(
            examples[3].question, "",
            "an empty question is fair: it must be refused"
        );
    }

    #[test]
    fn every_bad_line_is_reported_with_place_and_fix() {
        let text = "fine\tlogo\nhello\tlogos\nonly a question\na\tun|nope\tx\nb\tlogo\tk\textra\n";
        let errors = parse("q.tsv", text, TOPICS).unwrap_err().to_string();
        assert!(
            errors.contains("q.tsv:2:7: error: `logos` is not a topic of this FAQ"),
            "{errors}"
        );
        assert!(errors.contains("help: did you mean `logo`?"), "{errors}");
        assert!(
            errors.contains("q.tsv:3:16: error: no expected topic"),
            "{errors}"
        );
        assert!(errors.contains("q.tsv:4:6: error: `nope`"), "{errors}");
        assert!(
            errors.contains("help: use `none` or one of: logo, un, ngo"),
            "{errors}"
        );
        assert!(
            errors.contains("q.tsv:5:10: error: more than three"),
            "{errors}"
        );
    }
}
