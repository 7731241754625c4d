//! A topic's answer, as its slash command (and later `/ask` and `/faq`) shows it.

use jiff::Timestamp;

use super::{status_line, topic_line, Field, Outcome, Reply, Suggestion};
use crate::core::faq::{Faq, Topic};

/// ISO's answer under the question, with the related topics to read next. The topic that says
/// when to call also says whether the line is open right now.
pub fn topic(faq: &Faq, topic: &Topic, now: Timestamp) -> Reply {
    let related: Vec<&Topic> = topic
        .related
        .iter()
        .filter_map(|id| faq.topic(id))
        .collect();
    let mut fields = Vec::new();
    if topic.show_hours {
        let status = faq.contact.schedule.status(now);
        fields.push(Field::new("Right now", status_line(&status), false));
    }
    if !related.is_empty() {
        let lines: Vec<String> = related.iter().map(|t| topic_line(t)).collect();
        fields.push(Field::new("Related", lines.join("\n"), false));
    }
    Reply {
        title: Some(topic.question.clone()),
        body: topic.answer.clone(),
        fields,
        suggestions: related
            .iter()
            .map(|t| Suggestion {
                topic: t.id.clone(),
                label: t.question.clone(),
            })
            .collect(),
        ephemeral: false,
        outcome: Outcome::Answered,
        topic: Some(topic.id.clone()),
    }
}

/// Sent, only to the asker, instead of posting the same answer again in a channel that just got
/// it; `link` points to the earlier message when it is known.
pub fn already_posted(reply: &Reply, at: Timestamp, link: Option<&str>) -> Reply {
    let when = format!("<t:{}:R>", at.as_second());
    let title = reply.title.as_deref().unwrap_or("This answer");
    let body = match link {
        Some(link) => format!("“{title}” was answered in this channel {when}: {link}"),
        None => format!("“{title}” was answered in this channel {when}, just above."),
    };
    Reply {
        title: Some("Already answered here".to_owned()),
        body,
        suggestions: reply.suggestions.clone(),
        ephemeral: true,
        outcome: Outcome::Notice,
        ..Reply::default()
    }
}
