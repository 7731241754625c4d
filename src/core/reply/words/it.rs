//! The bot's words in Italian.

use super::*;

pub static ITALIAN: Words = Words {
    ask_title: "Chiedimi qualcosa sull'ISO",
    ask_hint: || {
        Text::new()
            .plain("Scrivi una domanda dopo ")
            .command("ask")
            .plain(", ad esempio «le aziende possono aderire all'ISO?», oppure sfoglia tutti gli argomenti con ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "Forse intendevi…?",
    helpers_title: "La parola ai volontari",
    helpers_note: || {
        Text::new().plain(
            "Non so bene quale parte delle FAQ dell'ISO risponda a questo post, quindi ho chiesto \
             ai volontari di darci un'occhiata. Nel frattempo, ecco gli argomenti più pertinenti:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("Non so bene quale parte delle FAQ dell'ISO risponda a «")
            .quote(question)
            .plain("». Ecco gli argomenti più pertinenti:")
    },
    not_in_faq: "Non presente nelle FAQ",
    no_answer: |question| {
        Text::new()
            .plain("Le FAQ dell'ISO non rispondono a «")
            .quote(question)
            .plain("».")
    },
    closest_topics: "Gli argomenti più pertinenti:",
    also_mean: "Forse intendevi anche",
    related: "Vedi anche",
    elsewhere: "Dove altro cercare",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Sfoglia tutti gli argomenti con ")
            .command("faq")
            .plain(format!(", oppure chiama il numero {phone} ({contact})."))
    },
    faq_title: "Le domande frequenti sull'ISO",
    more_topics: |count| {
        let (more, search) = match count {
            1 => ("…e un altro: scrivi ".to_owned(), " per cercarlo."),
            count => (format!("…e altri {count}: scrivi "), " per cercarli."),
        };
        Text::new().plain(more).command("faq topic:").plain(search)
    },
    right_now: "In questo momento",
    is_open: |name| format!("{name}: aperto"),
    is_closed: |name| format!("{name}: chiuso"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Aperto ora")
            .plain(" · chiude alle ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Aperto ora"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Chiuso ora")
            .plain(" · riapre ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Chiuso ora")
            .plain(" · nessuna apertura in programma"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Chiuso oggi: {name}")),
        None => Text::from("Chiuso oggi"),
    },
    phone: "Telefono",
    hours: |zone| format!("Orari ({zone})"),
    place_time: |place| format!("ora di {place}"),
    office_time: "ora dell'ufficio",
    no_hours: "Nessun orario di apertura definito.",
    closed_on_holidays: "Chiuso nei giorni festivi di Ginevra.",
    days: ["lun", "mar", "mer", "gio", "ven", "sab", "dom"],
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Capodanno",
        "Good Friday" => "Venerdì santo",
        "Easter Monday" => "Lunedì di Pasqua",
        "Ascension Day" => "Ascensione",
        "Whit Monday" => "Lunedì di Pentecoste",
        "Swiss National Day" => "Festa nazionale",
        "Christmas Day" => "Natale",
        "Jeûne genevois" => "Digiuno ginevrino",
        "Restauration de la République" => "Restaurazione della Repubblica",
        other => other,
    },
    already_posted: "Già pubblicato qui",
    answered: |at, link| {
        let when = Text::new()
            .plain("Risposta data in questo canale ")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!(": {link}")),
            None => when.plain(", qui sopra."),
        }
    },
    sorry_title: "Mi dispiace, qualcosa è andato storto",
    sorry: "Non è stato possibile rispondere in questo momento. Riprova tra poco.",
    gone_title: "Questo argomento non esiste più",
    gone: || {
        Text::new()
            .plain("Le FAQ sono cambiate da quando è stato creato questo pulsante. Usa ")
            .command("faq")
            .plain(" per vedere tutti gli argomenti attuali.")
    },
    unknown_title: "Comando sconosciuto",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" non fa (più) parte di queste FAQ. Usa ")
            .command("faq")
            .plain(" per vedere tutti gli argomenti, oppure ")
            .command("ask")
            .plain(" per fare una domanda con parole tue.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!(
            "questo potrebbe rispondere alla tua domanda ({link}):"
        )),
        None => Text::new().plain("questo potrebbe rispondere alla tua domanda:"),
    },
    pick_title: "Quale argomento risponde alla domanda?",
    pick_any: "Oppure scegli un argomento qualsiasi…",
    pick: |question| {
        Text::new()
            .plain("Non so bene quale parte delle FAQ dell'ISO risponda a «")
            .quote(question)
            .plain("». Scegli l'argomento da pubblicare come risposta:")
    },
    nothing_to_answer_title: "Niente a cui rispondere",
    empty_message: "Questo messaggio non ha testo a cui rispondere.",
    embeds_only:
        "Questo messaggio contiene solo incorporamenti o allegati, nessun testo a cui rispondere.",
    own_message: "Questo è uno dei miei messaggi.",
    helpful: "Utile",
    not_helpful: "Non utile",
    thanks: "Grazie, ne terremo conto: ci aiuta a migliorare le FAQ.",
    already_voted: "Hai già detto cosa ne pensi di questa risposta. Grazie!",
    answer_in_english: "Risposta dell'ISO (in inglese)",
    intro_in_english: "Testo dell'ISO (in inglese)",
    menu_name: "Rispondi con le FAQ",
    ask_description: "Chiedi qualsiasi cosa sull'ISO con parole tue",
    question_description: "La tua domanda, ad es. «le aziende possono aderire all'ISO?»",
    faq_description: "Sfoglia le FAQ dell'ISO o mostra uno dei loro argomenti",
    topic_description: "L'argomento da mostrare; lascia vuoto per elencarli tutti",
    hours_description: "Il servizio clienti dell'ISO è aperto adesso? Quando posso chiamare?",
    for_description: "Pubblica la risposta per questo membro: menziona solo questa persona",
    weekdays: [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ],
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    date: |weekday, day, month, year| match day {
        1 => format!("{weekday} 1º {month} {year}"),
        day => format!("{weekday} {day} {month} {year}"),
    },
    relative: |elapsed, future| {
        let plural = |n: i64, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "qualche secondo".to_owned(),
            Elapsed::Minutes(n) => plural(n, "minuto", "minuti"),
            Elapsed::Hours(n) => plural(n, "ora", "ore"),
            Elapsed::Days(n) => plural(n, "giorno", "giorni"),
        };
        match future {
            true => format!("tra {phrase}"),
            false => format!("{phrase} fa"),
        }
    },
};
