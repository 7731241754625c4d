//! `/ask` and `/faq`: answers to free-text questions, the topic list, and autocomplete choices.

use jiff::Timestamp;

use super::{status_line, topic, topic_line, Field, Outcome, Reply, Suggestion, Text};
use crate::core::faq::{Faq, Topic};
use crate::core::limits;
use crate::core::matcher::{Matcher, TopicIndex, Verdict};

/// Longest stretch of the user's question quoted back to them, in characters.
const QUOTE_CHARS: usize = 200;

/// The reply to `/ask question:…` for the matcher's `verdict` on `question`.
///
/// An answer is the topic's own reply, with near misses offered as "did you also mean". When
/// the FAQ has no answer the reply says so honestly, only to the asker, and points to `/faq`
/// and to customer care.
pub fn ask(faq: &Faq, question: &str, verdict: &Verdict, now: Timestamp) -> Reply {
    let question = question.trim();
    if question.is_empty() {
        return Reply {
            title: Some(Text::from("Ask me about ISO")),
            body: Text::new()
                .plain("Type a question after ")
                .command("ask")
                .plain(", for example “can companies join ISO?”, or browse every topic with ")
                .command("faq")
                .plain("."),
            ephemeral: true,
            outcome: Outcome::Notice,
            ..Reply::default()
        };
    }
    match verdict {
        Verdict::Answer { topic: t, also, .. } => {
            let mut reply = topic(faq, &faq.topics[*t], now);
            if !also.is_empty() {
                // The near misses lead the follow-ups, and are not listed twice.
                let also_ids: Vec<&str> = also.iter().map(|&a| faq.topics[a].id.as_str()).collect();
                let related: Vec<Suggestion> = reply
                    .suggestions
                    .into_iter()
                    .filter(|s| !also_ids.contains(&s.topic.as_str()))
                    .collect();
                reply.fields.retain(|f| f.name != Text::from("Related"));
                reply.fields.push(Field::new(
                    "Did you also mean",
                    topic_lines(faq, also),
                    false,
                ));
                if !related.is_empty() {
                    let lines = related
                        .iter()
                        .filter_map(|s| faq.topic(&s.topic))
                        .map(topic_line);
                    reply
                        .fields
                        .push(Field::new("Related", Text::lines(lines), false));
                }
                reply.suggestions = suggestions(faq, also);
                reply.suggestions.extend(related);
            }
            reply
        }
        Verdict::Unsure { suggestions: s, .. } => Reply {
            title: Some(Text::from("Did you mean…?")),
            body: Text::new()
                .plain("I'm not sure which part of ISO's FAQ answers “")
                .quote(quoted(question))
                .plain("”. These come closest:")
                .line_break()
                .then(topic_lines(faq, s)),
            fields: vec![elsewhere(faq, now)],
            suggestions: suggestions(faq, s),
            ephemeral: true,
            outcome: Outcome::Unsure,
            topic: None,
        },
        Verdict::Refuse { closest, .. } => {
            let mut body = Text::new()
                .plain("ISO's FAQ doesn't answer “")
                .quote(quoted(question))
                .plain("”.");
            if !closest.is_empty() {
                body = body
                    .line_break()
                    .plain("The closest topics:")
                    .line_break()
                    .then(topic_lines(faq, closest));
            }
            Reply {
                title: Some(Text::from("Not in the FAQ")),
                body,
                fields: vec![elsewhere(faq, now)],
                suggestions: suggestions(faq, closest),
                ephemeral: true,
                outcome: Outcome::Refused,
                topic: None,
            }
        }
    }
}

/// Where to go when the FAQ has no answer: the topic list, or a person.
fn elsewhere(faq: &Faq, now: Timestamp) -> Field {
    let contact = &faq.contact;
    let status = contact.schedule.status(now);
    Field::new(
        "Where else to look",
        Text::new()
            .plain("Browse every topic with ")
            .command("faq")
            .plain(format!(", or call {} at {}.", contact.name, contact.phone))
            .line_break()
            .then(status_line(&status)),
        false,
    )
}

/// `/faq` without a topic: every topic with its command, after ISO's intro. Only as many
/// topics as fit in one message are listed, and then how to reach the rest.
pub fn faq_list(faq: &Faq) -> Reply {
    let intro = faq.intro.trim();
    let mut body = Text::new();
    if !intro.is_empty() {
        body = body.plain(intro).line_break().line_break();
    }
    // Room for the pointer to the topics that do not fit, should any not.
    let reserve = 120;
    let mut shown = 0;
    for topic in &faq.topics {
        let line = topic_line(topic).line_break();
        if body.length_bound() + line.length_bound() + reserve > limits::MAX_EMBED_DESCRIPTION {
            break;
        }
        body = body.then(line);
        shown += 1;
    }
    if shown < faq.topics.len() {
        body = body
            .plain(format!("…and {} more: type ", faq.topics.len() - shown))
            .command("faq topic:")
            .plain(" to search them.");
    }
    Reply {
        title: Some(Text::from("ISO's frequently asked questions")),
        body,
        ..Reply::default()
    }
}

/// One autocomplete choice: what the user sees, and the value Discord sends back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

/// Choices for `/faq topic:` as the user types: the topics' questions, the value their id.
pub fn topic_choices(faq: &Faq, matcher: &Matcher, typed: &str) -> Vec<Choice> {
    choices(faq, matcher, typed, |t| t.id.clone())
}

/// Choices for `/ask question:` as the user types: the topics' questions, sent as the question.
pub fn question_choices(faq: &Faq, matcher: &Matcher, typed: &str) -> Vec<Choice> {
    choices(faq, matcher, typed, |t| t.question.clone())
}

fn choices(
    faq: &Faq,
    matcher: &Matcher,
    typed: &str,
    value: impl Fn(&Topic) -> String,
) -> Vec<Choice> {
    matcher
        .complete(typed, limits::MAX_CHOICES)
        .into_iter()
        .map(|i| {
            let t = &faq.topics[i];
            Choice {
                name: t.question.chars().take(limits::MAX_CHOICE_NAME).collect(),
                value: value(t),
            }
        })
        .collect()
}

fn topic_lines(faq: &Faq, topics: &[TopicIndex]) -> Text {
    Text::lines(topics.iter().map(|&i| topic_line(&faq.topics[i])))
}

fn suggestions(faq: &Faq, topics: &[TopicIndex]) -> Vec<Suggestion> {
    topics
        .iter()
        .map(|&i| Suggestion {
            topic: faq.topics[i].id.clone(),
            label: faq.topics[i].question.clone(),
        })
        .collect()
}

/// The user's question as quoted back: one line, at most [`QUOTE_CHARS`] characters. Making
/// it safe to show (no formatting, no mentions) is the front end's job: it is a
/// [`Span::Quote`](super::Span::Quote).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(QUOTE_CHARS * 4));
    for (count, c) in text.chars().enumerate() {
        if count == QUOTE_CHARS {
            out.push('…');
            break;
        }
        match c {
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_questions_are_one_bounded_line() {
        assert_eq!(quoted("a\nb\u{0}c"), "a b c");
        assert_eq!(quoted(&"x".repeat(500)).chars().count(), QUOTE_CHARS + 1);
    }
}
