//! `/ask` and `/faq`: answers to free-text questions, the topic list, and autocomplete choices.

use jiff::Timestamp;

use super::{
    answer, status_line, suggestions, topic_line, topic_lines, Doubt, Field, Lang, Reply, Shape,
    Text,
};
use crate::core::faq::{Faq, Topic};
use crate::core::lang::Speaks;
use crate::core::matcher::{Matcher, Verdict};

/// Longest stretch of the user's question quoted back to them, in characters.
const QUOTE_CHARS: usize = 200;

/// The reply to `/ask question:…` for the matcher's `verdict` on `question`.
///
/// An answer is the topic's own reply, with near misses offered as "did you also mean". When
/// the FAQ has no answer the reply says so honestly, only to the asker, and points to `/faq`
/// and to customer care.
pub fn ask(faq: &Faq, question: &str, verdict: &Verdict, now: Timestamp, lang: Lang) -> Reply {
    let words = lang.words();
    let question = question.trim();
    if question.is_empty() {
        return Reply::notice(Some(words.ask_title), (words.ask_hint)());
    }
    match verdict {
        Verdict::Answer { topic, also, .. } => answer(faq, *topic, also, now, lang),
        Verdict::Unsure { suggestions: s, .. } => Reply {
            title: Some(Text::from(words.did_you_mean)),
            body: (words.not_sure)(&quoted(question))
                .line_break()
                .then(topic_lines(faq, s, lang)),
            fields: vec![elsewhere(faq, now, lang)],
            shape: Shape::NoAnswer {
                doubt: Doubt::Unsure,
                closest: suggestions(faq, s, lang),
            },
        },
        Verdict::Refuse { closest, .. } => {
            let mut body = (words.no_answer)(&quoted(question));
            if !closest.is_empty() {
                body = body
                    .line_break()
                    .plain(words.closest_topics)
                    .line_break()
                    .then(topic_lines(faq, closest, lang));
            }
            Reply {
                title: Some(Text::from(words.not_in_faq)),
                body,
                fields: vec![elsewhere(faq, now, lang)],
                shape: Shape::NoAnswer {
                    doubt: Doubt::Refused,
                    closest: suggestions(faq, closest, lang),
                },
            }
        }
    }
}

/// The note that hands a forum post the FAQ has no sure answer to to the helpers' `role`,
/// with the closest topics.
pub fn call_helpers(
    faq: &Faq,
    role: crate::core::ids::RoleId,
    verdict: &Verdict,
    lang: Lang,
) -> Reply {
    let words = lang.words();
    let closest = verdict.suggestions();
    let mut body = (words.helpers_note)();
    if !closest.is_empty() {
        body = body.line_break().then(topic_lines(faq, closest, lang));
    }
    Reply {
        title: Some(Text::from(words.helpers_title)),
        body,
        fields: Vec::new(),
        shape: Shape::Call {
            role,
            doubt: match verdict {
                Verdict::Unsure { .. } => Doubt::Unsure,
                _ => Doubt::Refused,
            },
            closest: suggestions(faq, closest, lang),
        },
    }
}

/// Where to go when the FAQ has no answer: the topic list, or a person.
pub(super) fn elsewhere(faq: &Faq, now: Timestamp, lang: Lang) -> Field {
    let words = lang.words();
    let contact = &faq.contact;
    let status = contact.schedule.status(now);
    Field::new(
        words.elsewhere,
        (words.browse_or_call)(contact.name_in(lang), &contact.phone)
            .line_break()
            .then(status_line(&status, lang)),
        false,
    )
}

/// `/faq` without a topic: every topic with its command, after ISO's intro. Only as many
/// topics as fit in one message are listed, and then how to reach the rest.
pub fn faq_list(faq: &Faq, lang: Lang) -> Reply {
    let words = lang.words();
    let intro = faq.intro.trim();
    let mut body = Text::new();
    if !intro.is_empty() {
        // ISO's own words, in English: said so to a member who speaks another language.
        if lang.speaks() != Speaks::English {
            body = body.strong(words.intro_in_english).line_break();
        }
        body = body.plain(intro).line_break().line_break();
    }
    // Room for the pointer to the topics that do not fit, should any not.
    let reserve = 120;
    let mut shown = 0;
    let mut used = body.length_bound();
    for topic in &faq.topics {
        let line = topic_line(topic, lang).line_break();
        let length = line.length_bound();
        if used.saturating_add(length + reserve) > faq.limits.message {
            break;
        }
        body = body.then(line);
        used += length;
        shown += 1;
    }
    if shown < faq.topics.len() {
        body = body.then((words.more_topics)(faq.topics.len() - shown));
    }
    Reply::info(words.faq_title, body, Vec::new())
}

/// One autocomplete choice: what the user sees, and the value Discord sends back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub value: String,
}

/// Choices for `/faq topic:` as the user types: the topics' questions, the value their id.
pub fn topic_choices(faq: &Faq, matcher: &Matcher, typed: &str, lang: Lang) -> Vec<Choice> {
    choices(faq, matcher, typed, lang, |t| t.id.clone())
}

/// Choices for `/ask question:` as the user types: the topics' questions, sent as the question.
pub fn question_choices(faq: &Faq, matcher: &Matcher, typed: &str, lang: Lang) -> Vec<Choice> {
    choices(faq, matcher, typed, lang, |t| {
        t.question_in(lang).to_owned()
    })
}

fn choices(
    faq: &Faq,
    matcher: &Matcher,
    typed: &str,
    lang: Lang,
    value: impl Fn(&Topic) -> String,
) -> Vec<Choice> {
    matcher
        .complete(typed, faq.limits.choices)
        .into_iter()
        .map(|id| {
            let t = &faq[id];
            Choice {
                name: t
                    .question_in(lang)
                    .chars()
                    .take(faq.limits.choice_name)
                    .collect(),
                value: value(t),
            }
        })
        .collect()
}

/// The user's question as quoted back: one line, at most [`QUOTE_CHARS`] characters. Making
/// it safe to show (no formatting, no mentions) is the front end's job: it is a
/// [`Span::Quote`](super::Span::Quote).
pub(crate) fn quoted(text: &str) -> String {
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
