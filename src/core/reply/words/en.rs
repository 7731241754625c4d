//! The bot's words in English: every other catalogue translates these.

use super::*;

pub static ENGLISH: Words = Words {
    ask_title: "Ask me about ISO",
    ask_hint: || {
        Text::new()
            .plain("Type a question after ")
            .command("ask")
            .plain(", for example “can companies join ISO?”, or browse every topic with ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "Did you mean…?",
    helpers_title: "Over to the helpers",
    helpers_note: || {
        Text::new().plain(
            "I'm not sure which part of ISO's FAQ answers this post, so I've asked the helpers \
             to take a look. Meanwhile, these topics come closest:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("I'm not sure which part of ISO's FAQ answers “")
            .quote(question)
            .plain("”. These come closest:")
    },
    not_in_faq: "Not in the FAQ",
    no_answer: |question| {
        Text::new()
            .plain("ISO's FAQ doesn't answer “")
            .quote(question)
            .plain("”.")
    },
    closest_topics: "The closest topics:",
    also_mean: "Did you also mean",
    related: "Related",
    elsewhere: "Where else to look",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Browse every topic with ")
            .command("faq")
            .plain(format!(", or call {contact} at {phone}."))
    },
    faq_title: "ISO's frequently asked questions",
    more_topics: |count| {
        Text::new()
            .plain(format!("…and {count} more: type "))
            .command("faq topic:")
            .plain(" to search them.")
    },
    right_now: "Right now",
    is_open: |name| format!("{name} is open"),
    is_closed: |name| format!("{name} is closed"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Open now")
            .plain(" · closes ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Open now"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Closed now")
            .plain(" · opens ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Closed now")
            .plain(" · no opening is scheduled"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Closed today: {name}")),
        None => Text::from("Closed today"),
    },
    phone: "Phone",
    hours: |zone| format!("Hours ({zone})"),
    place_time: |place| format!("{place} time"),
    office_time: "office time",
    no_hours: "No opening hours are set.",
    closed_on_holidays: "Closed on Geneva public holidays.",
    days: crate::core::schedule::ENGLISH_DAYS,
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| english,
    already_posted: "Already posted here",
    answered: |at, link| {
        let when = Text::new()
            .plain("Answered in this channel ")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!(": {link}")),
            None => when.plain(", just above."),
        }
    },
    sorry_title: "Sorry, something went wrong",
    sorry: "I couldn't answer that just now. Please try again in a moment.",
    gone_title: "That topic is gone",
    gone: || {
        Text::new()
            .plain("The FAQ has changed since this button was made. Use ")
            .command("faq")
            .plain(" to see every topic it has now.")
    },
    unknown_title: "Unknown command",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" is not part of this FAQ (any more). Use ")
            .command("faq")
            .plain(" to see every topic, or ")
            .command("ask")
            .plain(" a question in your own words.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("this may answer your question ({link}):")),
        None => Text::new().plain("this may answer your question:"),
    },
    pick_title: "Which topic answers it?",
    pick_any: "Or choose any topic…",
    pick: |question| {
        Text::new()
            .plain("I'm not sure which part of ISO's FAQ answers “")
            .quote(question)
            .plain("”. Pick the topic to post as an answer:")
    },
    nothing_to_answer_title: "Nothing to answer",
    empty_message: "That message has no text to answer.",
    embeds_only: "That message holds only embeds or attachments, no text to answer.",
    own_message: "That is one of my own messages.",
    helpful: "Helpful",
    not_helpful: "Not helpful",
    thanks: "Thanks, noted: it helps us improve the FAQ.",
    already_voted: "You have already said what you thought of this answer. Thanks!",
    answer_in_english: "ISO's answer (in English)",
    intro_in_english: "ISO's words (in English)",
    menu_name: "Answer with FAQ",
    ask_description: "Ask anything about ISO in your own words",
    question_description: "Your question, e.g. “can companies join ISO?”",
    faq_description: "Browse ISO's FAQ, or show one of its topics",
    topic_description: "The topic to show; leave it out to list them all",
    hours_description: "Is ISO customer care open right now, and when can I call?",
    for_description: "Post the answer for this member: it mentions them, and only them",
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date: |weekday, day, month, year| format!("{weekday} {day} {month} {year}"),
    relative: |elapsed, future| {
        let plural = |n: i64, unit: &str| match n {
            1 => format!("1 {unit}"),
            n => format!("{n} {unit}s"),
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "a few seconds".to_owned(),
            Elapsed::Minutes(n) => plural(n, "minute"),
            Elapsed::Hours(n) => plural(n, "hour"),
            Elapsed::Days(n) => plural(n, "day"),
        };
        match future {
            true => format!("in {phrase}"),
            false => format!("{phrase} ago"),
        }
    },
};
