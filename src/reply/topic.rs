//! A topic's answer, as its slash command (and later `/ask` and `/faq`) shows it.

use jiff::Timestamp;

use super::{status_line, topic_line, Field, Outcome, Reply, Suggestion};
use crate::faq::{Faq, Topic};

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
    }
}
