//! A topic's answer, as its slash command, `/ask`, `/faq` and the buttons show it.

use jiff::Timestamp;

use super::{
    status_line, suggestions, topic_lines, Answer, Audience, Field, Lang, Reply, Shape, Text,
};
use crate::core::faq::{Faq, Topic, TopicId};
use crate::core::lang::Speaks;

/// ISO's answer under the question, with the related topics to read next. The topic that says
/// when to call also says whether the line is open right now.
pub fn topic(faq: &Faq, topic: TopicId, now: Timestamp, lang: Lang) -> Reply {
    answer(faq, topic, &[], now, lang)
}

/// [`topic`]'s answer with the near misses `also` leading the follow-ups ("did you also
/// mean"), and the related topics that are not among them after.
pub(crate) fn answer(
    faq: &Faq,
    id: TopicId,
    also: &[TopicId],
    now: Timestamp,
    lang: Lang,
) -> Reply {
    let words = lang.words();
    let topic = &faq[id];
    let related: Vec<TopicId> = topic
        .related
        .iter()
        .copied()
        .filter(|id| !also.contains(id))
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
    let mut follow_ups = suggestions(faq, also, lang);
    follow_ups.extend(suggestions(faq, &related, lang));
    Reply {
        title: Some(Text::from(topic.question_in(lang))),
        body: whose_words(topic, lang),
        fields,
        shape: Shape::Answer(Answer {
            topic: id,
            follow_ups,
            votes: None,
            audience: Audience::default(),
        }),
    }
}

/// ISO's answer, under a note saying it is in English when the member speaks another language
/// and the FAQ has no translation of it.
fn whose_words(topic: &Topic, lang: Lang) -> Text {
    let answer = topic.answer_in(lang);
    match lang.speaks() == Speaks::English || topic.translates_answer(lang) {
        true => Text::from(answer),
        false => Text::new()
            .strong(lang.words().answer_in_english)
            .line_break()
            .plain(answer),
    }
}

/// The same answer given again in a channel that just got it: the asker still gets it, only
/// privately, with where and when it was posted (`link` to the earlier message when known), so
/// a busy channel is not flooded with copies.
pub fn repeat(reply: &Reply, at: Timestamp, link: Option<&str>, lang: Lang) -> Reply {
    let words = lang.words();
    let mut private = reply.clone();
    private.make_private();
    let note = (words.answered)(at, link);
    private
        .fields
        .insert(0, Field::new(words.already_posted, note, false));
    private
}
