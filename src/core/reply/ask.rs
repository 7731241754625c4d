//! `/ask` and `/faq`: answers to free-text questions, the topic list, and autocomplete choices.

use jiff::Timestamp;

use super::{status_line, topic, topic_line, Field, Outcome, Reply, Suggestion};
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
            title: Some("Ask me about ISO".to_owned()),
            body: "Type a question after `/ask`, for example “can companies join ISO?”, or browse \
                   every topic with `/faq`."
                .to_owned(),
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
                reply.fields.retain(|f| f.name != "Related");
                reply.fields.push(Field::new(
                    "Did you also mean",
                    topic_lines(faq, also),
                    false,
                ));
                if !related.is_empty() {
                    let lines: Vec<String> = related
                        .iter()
                        .filter_map(|s| faq.topic(&s.topic))
                        .map(topic_line)
                        .collect();
                    reply
                        .fields
                        .push(Field::new("Related", lines.join("\n"), false));
                }
                reply.suggestions = suggestions(faq, also);
                reply.suggestions.extend(related);
            }
            reply
        }
        Verdict::Unsure { suggestions: s, .. } => Reply {
            title: Some("Did you mean…?".to_owned()),
            body: format!(
                "I'm not sure which part of ISO's FAQ answers “{}”. These come closest:\n{}",
                quote(question),
                topic_lines(faq, s)
            ),
            fields: vec![elsewhere(faq, now)],
            suggestions: suggestions(faq, s),
            ephemeral: true,
            outcome: Outcome::Unsure,
            topic: None,
        },
        Verdict::Refuse { closest, .. } => {
            let mut body = format!("ISO's FAQ doesn't answer “{}”.", quote(question));
            if !closest.is_empty() {
                body.push_str("\nThe closest topics:\n");
                body.push_str(&topic_lines(faq, closest));
            }
            Reply {
                title: Some("Not in the FAQ".to_owned()),
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
        format!(
            "Browse every topic with `/faq`, or call {} at {}.\n{}",
            contact.name,
            contact.phone,
            status_line(&status)
        ),
        false,
    )
}

/// `/faq` without a topic: every topic with its command.
pub fn faq_list(faq: &Faq) -> Reply {
    let intro = faq.intro.trim();
    let mut body = if intro.is_empty() {
        String::new()
    } else {
        format!("{intro}\n\n")
    };
    let all: Vec<TopicIndex> = (0..faq.topics.len()).collect();
    let lines = topic_lines(faq, &all);
    let room = limits::MAX_EMBED_DESCRIPTION - body.chars().count();
    if lines.chars().count() <= room {
        body.push_str(&lines);
    } else {
        // More topics than an embed holds: list what fits, and say how to reach the rest.
        let mut shown = 0;
        for line in lines.lines() {
            if body.chars().count() + line.chars().count() + 80 > limits::MAX_EMBED_DESCRIPTION {
                break;
            }
            body.push_str(line);
            body.push('\n');
            shown += 1;
        }
        body.push_str(&format!(
            "…and {} more: type `/faq topic:` to search them.",
            faq.topics.len() - shown
        ));
    }
    Reply {
        title: Some("ISO's frequently asked questions".to_owned()),
        body,
        ..Reply::default()
    }
}

/// `/faq topic:…`: the topic whose id the user picked, or, for anything else typed, what
/// `/ask` would say about it.
pub fn faq_topic(faq: &Faq, matcher: &Matcher, picked: &str, now: Timestamp) -> Reply {
    match faq.topic(picked.trim()) {
        Some(t) => topic(faq, t, now),
        None => ask(faq, picked, &matcher.ask(picked), now),
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

fn topic_lines(faq: &Faq, topics: &[TopicIndex]) -> String {
    let lines: Vec<String> = topics.iter().map(|&i| topic_line(&faq.topics[i])).collect();
    lines.join("\n")
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

/// User text made safe to show inside a reply: one line, at most [`QUOTE_CHARS`], markdown
/// and mention syntax escaped so that it shows as typed and never pings or formats.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(QUOTE_CHARS * 2));
    for (count, c) in text.chars().enumerate() {
        if count == QUOTE_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' | ':'
            | '-' => {
                out.push('\\');
                out.push(c);
            }
            // A zero-width space after @ breaks @everyone, @here and <@id> mentions.
            '@' => out.push_str("@\u{200b}"),
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
    fn quoting_defuses_mentions_and_markdown() {
        assert_eq!(
            quote("@everyone **free** <@123>"),
            "@\u{200b}everyone \\*\\*free\\*\\* \\<@\u{200b}123\\>"
        );
        assert_eq!(quote("a\nb\u{0}c"), "a b c");
        assert_eq!(quote(&"x".repeat(500)).chars().count(), QUOTE_CHARS + 1);
        assert_eq!(
            quote("<t:1:R> [link](http://x)"),
            "\\<t\\:1\\:R\\> \\[link\\]\\(http\\://x\\)"
        );
    }
}
