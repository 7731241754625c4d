//! The bot's words in German.

use super::*;

pub static GERMAN: Words = Words {
    ask_title: "Frag mich etwas über die ISO",
    ask_hint: || {
        Text::new()
            .plain("Gib nach ")
            .command("ask")
            .plain(" eine Frage ein, zum Beispiel „Können Unternehmen der ISO beitreten?“, oder sieh dir mit ")
            .command("faq")
            .plain(" alle Themen an.")
    },
    did_you_mean: "Meintest du …?",
    helpers_title: "Ein Fall fürs Helferteam",
    helpers_note: || {
        Text::new().plain(
            "Ich weiß nicht genau, welcher Teil der ISO-FAQ diesen Beitrag beantwortet, deshalb \
             habe ich das Helferteam gebeten, sich das anzusehen. In der Zwischenzeit kommen \
             diese Themen am nächsten:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("Ich weiß nicht genau, welcher Teil der ISO-FAQ die Frage „")
            .quote(question)
            .plain("“ beantwortet. Diese Themen kommen am nächsten:")
    },
    not_in_faq: "Nicht in der FAQ",
    no_answer: |question| {
        Text::new()
            .plain("Die ISO-FAQ beantwortet die Frage „")
            .quote(question)
            .plain("“ nicht.")
    },
    closest_topics: "Diese Themen kommen am nächsten:",
    also_mean: "Meintest du auch",
    related: "Verwandte Themen",
    elsewhere: "Weitere Anlaufstellen",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Alle Themen findest du mit ")
            .command("faq")
            .plain(format!(", oder ruf {phone} an ({contact})."))
    },
    faq_title: "Häufig gestellte Fragen zur ISO",
    more_topics: |count| {
        let more = match count {
            1 => "…und 1 weiteres".to_owned(),
            count => format!("…und {count} weitere"),
        };
        Text::new()
            .plain(format!("{more}: Gib "))
            .command("faq topic:")
            .plain(" ein, um danach zu suchen.")
    },
    right_now: "Aktuell",
    is_open: |name| format!("{name}: geöffnet"),
    is_closed: |name| format!("{name}: geschlossen"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Jetzt geöffnet")
            .plain(" · schließt um ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Jetzt geöffnet"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Jetzt geschlossen")
            .plain(" · öffnet am ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Jetzt geschlossen")
            .plain(" · keine Öffnung geplant"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Heute geschlossen: {name}")),
        None => Text::from("Heute geschlossen"),
    },
    phone: "Telefon",
    hours: |zone| format!("Öffnungszeiten ({zone})"),
    place_time: |place| format!("Ortszeit {place}"),
    office_time: "Ortszeit des Büros",
    no_hours: "Es sind keine Öffnungszeiten festgelegt.",
    closed_on_holidays: "An Genfer Feiertagen geschlossen.",
    days: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Neujahr",
        "Good Friday" => "Karfreitag",
        "Easter Monday" => "Ostermontag",
        "Ascension Day" => "Christi Himmelfahrt",
        "Whit Monday" => "Pfingstmontag",
        "Swiss National Day" => "Schweizer Nationalfeiertag",
        "Christmas Day" => "Weihnachten",
        "Jeûne genevois" => "Genfer Bettag",
        "Restauration de la République" => "Wiederherstellung der Republik",
        other => other,
    },
    already_posted: "Hier bereits gepostet",
    answered: |at, link| {
        let when = Text::new()
            .plain("In diesem Kanal schon beantwortet (")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!("): {link}")),
            None => when.plain("), direkt darüber."),
        }
    },
    sorry_title: "Tut mir leid, da ist etwas schiefgelaufen",
    sorry: "Ich konnte das gerade nicht beantworten. Bitte versuch es gleich noch einmal.",
    gone_title: "Dieses Thema gibt es nicht mehr",
    gone: || {
        Text::new()
            .plain("Die FAQ hat sich geändert, seit dieser Button erstellt wurde. Mit ")
            .command("faq")
            .plain(" siehst du alle Themen, die sie jetzt enthält.")
    },
    unknown_title: "Unbekannter Befehl",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" gehört nicht (mehr) zu dieser FAQ. Mit ")
            .command("faq")
            .plain(" siehst du alle Themen, oder stell mit ")
            .command("ask")
            .plain(" eine Frage in deinen eigenen Worten.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("das könnte deine Frage beantworten ({link}):")),
        None => Text::new().plain("das könnte deine Frage beantworten:"),
    },
    pick_title: "Welches Thema beantwortet das?",
    pick_any: "Oder wähle ein beliebiges Thema …",
    pick: |question| {
        Text::new()
            .plain("Ich weiß nicht genau, welcher Teil der ISO-FAQ die Frage „")
            .quote(question)
            .plain("“ beantwortet. Wähle das Thema, das als Antwort gepostet werden soll:")
    },
    nothing_to_answer_title: "Nichts zu beantworten",
    empty_message: "Diese Nachricht enthält keinen Text, auf den ich antworten könnte.",
    embeds_only: "Diese Nachricht enthält nur Einbettungen oder Anhänge, keinen Text, auf den ich antworten könnte.",
    own_message: "Das ist eine meiner eigenen Nachrichten.",
    helpful: "Hilfreich",
    not_helpful: "Nicht hilfreich",
    thanks: "Danke, notiert: Das hilft uns, die FAQ zu verbessern.",
    already_voted: "Du hast schon gesagt, was du von dieser Antwort hältst. Danke!",
    answer_in_english: "Antwort der ISO (auf Englisch)",
    intro_in_english: "Text der ISO (auf Englisch)",
    menu_name: "Mit FAQ antworten",
    ask_description: "Stell eine Frage zur ISO in deinen eigenen Worten",
    question_description: "Deine Frage, z. B. „Können Unternehmen der ISO beitreten?“",
    faq_description: "Durchstöbere die FAQ der ISO oder zeig eines ihrer Themen an",
    topic_description: "Das anzuzeigende Thema; lass es weg, um alle aufzulisten",
    hours_description: "Ist der ISO-Kundenservice gerade geöffnet und wann kann ich anrufen?",
    for_description: "Poste die Antwort für dieses Mitglied: Nur diese Person wird erwähnt",
    weekdays: [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ],
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    date: |weekday, day, month, year| format!("{weekday}, {day}. {month} {year}"),
    relative: |elapsed, future| {
        let plural = |n: i64, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        // "in" and "vor" both take the dative: "in 3 Tagen", "vor 3 Tagen".
        let phrase = match elapsed {
            Elapsed::FewSeconds => "ein paar Sekunden".to_owned(),
            Elapsed::Minutes(n) => plural(n, "Minute", "Minuten"),
            Elapsed::Hours(n) => plural(n, "Stunde", "Stunden"),
            Elapsed::Days(n) => plural(n, "Tag", "Tagen"),
        };
        match future {
            true => format!("in {phrase}"),
            false => format!("vor {phrase}"),
        }
    },
};
