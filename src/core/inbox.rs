//! The keeper's inbox: what faqbot did not answer well, gathered so that one question asked in
//! several ways is one line to act on. The evidence comes from insight (questions refused or
//! left unsure, answers marked 👎, never who asked); questions that are near-copies of each
//! other (the same words, or [`NEAR_COPY`] of them shared) count together, shown in their most
//! frequent wording, most asked first. Each line is something to teach (`faqbot teach`) or to
//! add to the FAQ.

use serde::Serialize;

use crate::core::eval::NEAR_COPY;
use crate::core::text::{overlap, word_set};

/// One piece of evidence, as insight counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub question: String,
    pub count: u64,
    pub what: What,
}

/// What went wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// `/ask` had no sure answer: refused, or unsure in `unsure` of the times.
    Unanswered { unsure: u64 },
    /// Members said the answer with `topic` did not help.
    Unhelpful { topic: String },
    /// A helper picked `topic` for it when faqbot was unsure: a suggested label.
    Picked { topic: String },
}

/// A line of the inbox: a question, however it was worded, and what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Its most frequent wording.
    pub question: String,
    /// How often it came, all wordings together.
    pub count: u64,
    /// Times `/ask` refused it, and times it was unsure.
    pub refused: u64,
    pub unsure: u64,
    /// The topics given that got 👎, with how often.
    pub unhelpful: Vec<Unhelpful>,
    /// The topics helpers picked for it, with how often: the label to teach, most likely.
    pub picked: Vec<Unhelpful>,
    /// How many different wordings were gathered in it.
    pub wordings: usize,
}

/// A topic and how often it came up for a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unhelpful {
    pub topic: String,
    pub count: u64,
}

/// The inbox of `evidence`: near-copies gathered, most frequent first (then alphabetically).
/// Evidence without words (a 👎 whose question's wording was not kept) has nothing to teach
/// and is left out, and so is every line one of whose wordings is, or nearly is, `settled`:
/// a question the keeper taught or dismissed.
pub fn gather(mut evidence: Vec<Evidence>, settled: &[&str]) -> Vec<Entry> {
    let settled: Vec<Vec<String>> = settled.iter().map(|q| word_set(q)).collect();
    evidence.sort_by(|a, b| b.count.cmp(&a.count).then(a.question.cmp(&b.question)));
    // Each entry with the words of its wordings, to compare new evidence with.
    let mut entries: Vec<(Entry, Vec<Vec<String>>)> = Vec::new();
    for item in evidence {
        let words = word_set(&item.question);
        if words.is_empty() {
            continue;
        }
        let near = entries
            .iter()
            .position(|(_, seen)| seen.iter().any(|known| overlap(known, &words) >= NEAR_COPY));
        let (entry, seen) = match near {
            Some(at) => &mut entries[at],
            None => {
                entries.push((
                    Entry {
                        question: item.question.clone(),
                        count: 0,
                        refused: 0,
                        unsure: 0,
                        unhelpful: Vec::new(),
                        picked: Vec::new(),
                        wordings: 0,
                    },
                    Vec::new(),
                ));
                entries.last_mut().expect("just pushed")
            }
        };
        entry.count += item.count;
        if !seen.contains(&words) {
            seen.push(words);
            entry.wordings += 1;
        }
        match item.what {
            What::Unanswered { unsure } => {
                entry.unsure += unsure;
                entry.refused += item.count.saturating_sub(unsure);
            }
            What::Unhelpful { topic } => add(&mut entry.unhelpful, topic, item.count),
            What::Picked { topic } => add(&mut entry.picked, topic, item.count),
        }
    }
    let settled = |seen: &[Vec<String>]| {
        seen.iter()
            .any(|words| settled.iter().any(|s| overlap(s, words) >= NEAR_COPY))
    };
    let mut entries: Vec<Entry> = entries
        .into_iter()
        .filter(|(_, seen)| !settled(seen))
        .map(|(mut entry, _)| {
            entry.picked.sort_by_key(|p| std::cmp::Reverse(p.count));
            entry
        })
        .collect();
    entries.sort_by(|a, b| b.count.cmp(&a.count).then(a.question.cmp(&b.question)));
    entries
}

/// Counts `count` more for `topic` in `topics`.
fn add(topics: &mut Vec<Unhelpful>, topic: String, count: u64) {
    match topics.iter_mut().find(|u| u.topic == topic) {
        Some(known) => known.count += count,
        None => topics.push(Unhelpful { topic, count }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(question: &str, count: u64, unsure: u64) -> Evidence {
        Evidence {
            question: question.to_owned(),
            count,
            what: What::Unanswered { unsure },
        }
    }

    fn disliked(question: &str, count: u64, topic: &str) -> Evidence {
        Evidence {
            question: question.to_owned(),
            count,
            what: What::Unhelpful {
                topic: topic.to_owned(),
            },
        }
    }

    #[test]
    fn one_question_asked_several_ways_is_one_line() {
        let inbox = gather(
            vec![
                asked("how do i mount an iso file", 3, 0),
                asked("standards", 1, 1),
                asked("how do I mount an ISO file on windows", 2, 1),
                disliked("can we print the logo on our boxes", 2, "logo"),
                disliked("can we print the ISO logo on our boxes?", 1, "logo"),
                disliked("", 4, "membership"),
                asked("who makes the standards", 1, 0),
            ],
            &[],
        );
        let lines: Vec<(&str, u64, u64, u64, usize)> = inbox
            .iter()
            .map(|e| {
                (
                    e.question.as_str(),
                    e.count,
                    e.refused,
                    e.unsure,
                    e.wordings,
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("how do i mount an iso file", 5, 4, 1, 2),
                ("can we print the logo on our boxes", 3, 0, 0, 2),
                ("standards", 1, 0, 1, 1),
                ("who makes the standards", 1, 1, 0, 1),
            ]
        );
        assert_eq!(
            inbox[1].unhelpful,
            [Unhelpful {
                topic: "logo".to_owned(),
                count: 3
            }]
        );
    }

    #[test]
    fn helpers_picks_are_suggested_and_settled_questions_leave() {
        let picked = |question: &str, count, topic: &str| Evidence {
            question: question.to_owned(),
            count,
            what: What::Picked {
                topic: topic.to_owned(),
            },
        };
        let evidence = vec![
            asked("who pays for iso", 2, 2),
            picked("who pays for ISO?", 1, "funding"),
            picked("who pays for iso", 3, "membership"),
            asked("how do i mount an iso file", 3, 0),
            asked("can my dog join iso", 1, 0),
        ];
        let inbox = gather(evidence.clone(), &[]);
        assert_eq!(inbox[0].question, "who pays for iso");
        assert_eq!(inbox[0].count, 6);
        let topics: Vec<(&str, u64)> = inbox[0]
            .picked
            .iter()
            .map(|p| (p.topic.as_str(), p.count))
            .collect();
        assert_eq!(topics, [("membership", 3), ("funding", 1)]);
        // Taught in another wording, dismissed in another case: both lines leave.
        let inbox = gather(
            evidence,
            &["Who pays for ISO", "how do I mount an ISO file?"],
        );
        let left: Vec<&str> = inbox.iter().map(|e| e.question.as_str()).collect();
        assert_eq!(left, ["can my dog join iso"]);
    }
}
