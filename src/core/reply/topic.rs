//! A topic's answer, as its slash command, `/ask`, `/faq` and the buttons show it.

use jiff::Timestamp;

use super::{status_line, suggestions, topic_lines, Field, Lang, Outcome, Reply, Text, TimeStyle};
use crate::core::faq::{Faq, Topic};
use crate::core::matcher::TopicIndex;

/// ISO's answer under the question, with the related topics to read next. The topic that says
/// when to call also says whether the line is open right now.
pub fn topic(faq: &Faq, topic: &Topic, now: Timestamp, lang: Lang) -> Reply {
    answer(faq, topic, &[], now, lang)
}

/// [`topic`]'s answer with the near misses `also` leading the follow-ups ("did you also
/// mean"), and the related topics that are not among them after.
pub(crate) fn answer(
    faq: &Faq,
    topic: &Topic,
    also: &[TopicIndex],
    now: Timestamp,
    lang: Lang,
) -> Reply {
    let words = lang.words();
    let related: Vec<TopicIndex> = topic
        .related
        .iter()
        .filter_map(|id| faq.index_of(id))
        .filter(|index| !also.contains(index))
        .collect();
    let mut fields = Vec::new();
    if topic.show_hours {
        let status = faq.contact.schedule.status(now);
        fields.push(Field::new(
            words.right_now,
            status_line(&status, lang),
            false,
        ));
    }
    if !also.is_empty() {
        fields.push(Field::new(
            words.also_mean,
            topic_lines(faq, also, lang),
            false,
        ));
    }
    if !related.is_empty() {
        fields.push(Field::new(
            words.related,
            topic_lines(faq, &related, lang),
            false,
        ));
    }
    let mut offered = suggestions(faq, also, lang);
    offered.extend(suggestions(faq, &related, lang));
    Reply {
        title: Some(Text::from(topic.question_in(lang))),
        body: Text::from(topic.answer_in(lang)),
        fields,
        suggestions: offered,
        ephemeral: false,
        outcome: Outcome::Answered,
        topic: Some(topic.id.clone()),
        ..Reply::default()
    }
}

/// The same answer given again in a channel that just got it: the asker still gets it, only
/// privately, with where and when it was posted (`link` to the earlier message when known), so
/// a busy channel is not flooded with copies.
pub fn repeat(reply: &Reply, at: Timestamp, link: Option<&str>, lang: Lang) -> Reply {
    let words = lang.words();
    let mut private = reply.clone();
    private.ephemeral = true;
    let when = Text::new()
        .plain(format!("{} ", words.answered_here))
        .time(at, TimeStyle::Relative);
    let note = match link {
        Some(link) => when.plain(format!(": {link}")),
        None => when.plain(format!(", {}", words.just_above)),
    };
    private
        .fields
        .insert(0, Field::new(words.already_posted, note, false));
    private
}
