//! The bot's words in Dutch.

use super::*;

pub static DUTCH: Words = Words {
    ask_title: "Vraag me iets over ISO",
    ask_hint: || {
        Text::new()
            .plain("Typ een vraag na ")
            .command("ask")
            .plain(", bijvoorbeeld „kunnen bedrijven lid worden van ISO?”, of bekijk alle onderwerpen met ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "Bedoelde je…?",
    helpers_title: "Doorgegeven aan de helpers",
    helpers_note: || {
        Text::new().plain(
            "Ik weet niet zeker welk deel van de FAQ van ISO antwoord geeft op dit bericht, dus ik \
             heb de helpers gevraagd ernaar te kijken. Intussen komen deze onderwerpen het dichtst \
             in de buurt:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("Ik weet niet zeker welk deel van de FAQ van ISO antwoord geeft op „")
            .quote(question)
            .plain("”. Deze onderwerpen komen het dichtst in de buurt:")
    },
    not_in_faq: "Niet in de FAQ",
    no_answer: |question| {
        Text::new()
            .plain("De FAQ van ISO geeft geen antwoord op „")
            .quote(question)
            .plain("”.")
    },
    closest_topics: "De onderwerpen die het dichtst in de buurt komen:",
    also_mean: "Bedoelde je ook",
    related: "Zie ook",
    elsewhere: "Waar je verder kunt zoeken",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Bekijk alle onderwerpen met ")
            .command("faq")
            .plain(format!(", of bel {phone} ({contact})."))
    },
    faq_title: "Veelgestelde vragen over ISO",
    more_topics: |count| {
        Text::new()
            .plain(format!("…en nog {count} andere: typ "))
            .command("faq topic:")
            .plain(" om ze te doorzoeken.")
    },
    right_now: "Op dit moment",
    is_open: |name| format!("{name} is open"),
    is_closed: |name| format!("{name} is gesloten"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Nu open")
            .plain(" · sluit om ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Nu open"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Nu gesloten")
            .plain(" · gaat open op ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Nu gesloten")
            .plain(" · geen heropening gepland"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Vandaag gesloten: {name}")),
        None => Text::from("Vandaag gesloten"),
    },
    phone: "Telefoon",
    hours: |zone| format!("Openingstijden ({zone})"),
    place_time: |place| format!("tijd in {place}"),
    office_time: "tijd van het kantoor",
    no_hours: "Er zijn geen openingstijden ingesteld.",
    closed_on_holidays: "Gesloten op officiële feestdagen in Genève.",
    days: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Nieuwjaarsdag",
        "Good Friday" => "Goede Vrijdag",
        "Easter Monday" => "Tweede paasdag",
        "Ascension Day" => "Hemelvaartsdag",
        "Whit Monday" => "Tweede pinksterdag",
        "Swiss National Day" => "Zwitserse nationale feestdag",
        "Jeûne genevois" => "Geneefse vastendag",
        "Christmas Day" => "Kerstmis",
        "Restauration de la République" => "Herstel van de Republiek",
        other => other,
    },
    already_posted: "Hier al geplaatst",
    answered: |at, link| {
        let when = Text::new()
            .plain("Al beantwoord in dit kanaal (")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!("): {link}")),
            None => when.plain("), net hierboven."),
        }
    },
    sorry_title: "Sorry, er ging iets mis",
    sorry: "Ik kon daar nu even geen antwoord op geven. Probeer het zo nog eens.",
    gone_title: "Dat onderwerp bestaat niet meer",
    gone: || {
        Text::new()
            .plain("De FAQ is gewijzigd sinds deze knop is gemaakt. Gebruik ")
            .command("faq")
            .plain(" om alle onderwerpen te zien die er nu zijn.")
    },
    unknown_title: "Onbekend commando",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" hoort niet (meer) bij deze FAQ. Gebruik ")
            .command("faq")
            .plain(" om alle onderwerpen te zien, of stel met ")
            .command("ask")
            .plain(" een vraag in je eigen woorden.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("dit beantwoordt misschien je vraag ({link}):")),
        None => Text::new().plain("dit beantwoordt misschien je vraag:"),
    },
    pick_title: "Welk onderwerp geeft het antwoord?",
    pick_any: "Of kies zelf een onderwerp…",
    pick: |question| {
        Text::new()
            .plain("Ik weet niet zeker welk deel van de FAQ van ISO antwoord geeft op „")
            .quote(question)
            .plain("”. Kies het onderwerp dat als antwoord geplaatst moet worden:")
    },
    nothing_to_answer_title: "Niets te beantwoorden",
    empty_message: "Dat bericht bevat geen tekst om te beantwoorden.",
    embeds_only:
        "Dat bericht bevat alleen insluitingen of bijlagen, geen tekst om te beantwoorden.",
    own_message: "Dat is een van mijn eigen berichten.",
    helpful: "Nuttig",
    not_helpful: "Niet nuttig",
    thanks: "Bedankt, genoteerd: zo kunnen we de FAQ verbeteren.",
    already_voted: "Je hebt al laten weten wat je van dit antwoord vond. Bedankt!",
    answer_in_english: "Antwoord van ISO (in het Engels)",
    intro_in_english: "Tekst van ISO (in het Engels)",
    menu_name: "Beantwoorden met FAQ",
    ask_description: "Stel een vraag over ISO in je eigen woorden",
    question_description: "Je vraag, bijv. „kunnen bedrijven lid worden van ISO?”",
    faq_description: "Bekijk de FAQ van ISO, of toon een van de onderwerpen",
    topic_description:
        "Het onderwerp dat je wilt zien; laat leeg voor een lijst van alle onderwerpen",
    hours_description: "Is de klantenservice van ISO nu open, en wanneer kan ik bellen?",
    for_description: "Plaats het antwoord voor dit lid: alleen dit lid wordt vermeld",
    weekdays: [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ],
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    date: |weekday, day, month, year| format!("{weekday} {day} {month} {year}"),
    relative: |elapsed, future| {
        let count = |n: i64, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "een paar seconden".to_owned(),
            Elapsed::Minutes(n) => count(n, "minuut", "minuten"),
            // "uur" has no plural after a number: "1 uur", "3 uur".
            Elapsed::Hours(n) => count(n, "uur", "uur"),
            Elapsed::Days(n) => count(n, "dag", "dagen"),
        };
        match future {
            true => format!("over {phrase}"),
            false => format!("{phrase} geleden"),
        }
    },
};
