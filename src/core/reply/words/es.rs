//! The bot's words in Spanish as spoken in Spain (Discord locale `es-ES`).

use super::*;

pub static SPANISH: Words = SPAIN;

/// Spain's words, which Latin American Spanish takes where it says the same.
pub(super) const SPAIN: Words = Words {
    ask_title: "Pregúntame sobre la ISO",
    ask_hint: || {
        Text::new()
            .plain("Escribe una pregunta después de ")
            .command("ask")
            .plain(", por ejemplo «¿pueden las empresas hacerse miembros de la ISO?», o explora todos los temas con ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "¿Querías decir…?",
    helpers_title: "Se lo paso a los ayudantes",
    helpers_note: || {
        Text::new().plain(
            "No sé bien qué parte de las preguntas frecuentes de la ISO responde a esta \
             publicación, así que he pedido a los ayudantes que le echen un vistazo. Mientras \
             tanto, estos son los temas más cercanos:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("No sé bien qué parte de las preguntas frecuentes de la ISO responde a «")
            .quote(question)
            .plain("». Estos son los temas más cercanos:")
    },
    not_in_faq: "No está en las preguntas frecuentes",
    no_answer: |question| {
        Text::new()
            .plain("Las preguntas frecuentes de la ISO no responden a «")
            .quote(question)
            .plain("».")
    },
    closest_topics: "Los temas más cercanos:",
    also_mean: "¿También querías decir…?",
    related: "Temas relacionados",
    elsewhere: "Dónde seguir buscando",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Explora todos los temas con ")
            .command("faq")
            .plain(format!(", o llama al {phone} ({contact})."))
    },
    faq_title: "Preguntas frecuentes sobre la ISO",
    more_topics: |count| {
        Text::new()
            .plain(format!("…y {count} más: escribe "))
            .command("faq topic:")
            .plain(" para buscarlos.")
    },
    right_now: "Ahora mismo",
    is_open: |name| format!("{name}: abierto"),
    is_closed: |name| format!("{name}: cerrado"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Abierto ahora")
            .plain(" · cierra a las ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Abierto ahora"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Cerrado ahora")
            .plain(" · abre el ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new()
            .strong("Cerrado ahora")
            .plain(" · no hay ninguna apertura prevista"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Cerrado hoy: {name}")),
        None => Text::from("Cerrado hoy"),
    },
    phone: "Teléfono",
    hours: |zone| format!("Horario ({zone})"),
    place_time: |place| format!("hora de {place}"),
    office_time: "hora de la oficina",
    no_hours: "No hay ningún horario de apertura definido.",
    closed_on_holidays: "Cerrado los días festivos de Ginebra.",
    days: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    list: ", ",
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Año Nuevo",
        "Good Friday" => "Viernes Santo",
        "Easter Monday" => "Lunes de Pascua",
        "Ascension Day" => "Ascensión",
        "Whit Monday" => "Lunes de Pentecostés",
        "Swiss National Day" => "Fiesta Nacional de Suiza",
        "Jeûne genevois" => "Ayuno de Ginebra",
        "Christmas Day" => "Navidad",
        "Restauration de la République" => "Restauración de la República",
        other => other,
    },
    already_posted: "Ya se ha publicado aquí",
    answered: |at, link| {
        let when = Text::new()
            .plain("Respondido en este canal ")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!(": {link}")),
            None => when.plain(", justo arriba."),
        }
    },
    sorry_title: "Lo siento, algo ha salido mal",
    sorry: "Ahora mismo no he podido responder a eso. Vuelve a intentarlo dentro de un momento.",
    gone_title: "Ese tema ya no existe",
    gone: || {
        Text::new()
            .plain("Las preguntas frecuentes han cambiado desde que se creó este botón. Usa ")
            .command("faq")
            .plain(" para ver todos los temas que tienen ahora.")
    },
    unknown_title: "Comando desconocido",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" no está (o ya no está) en estas preguntas frecuentes. Usa ")
            .command("faq")
            .plain(" para ver todos los temas, o ")
            .command("ask")
            .plain(" para hacer una pregunta con tus propias palabras.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("puede que esto responda a tu pregunta ({link}):")),
        None => Text::new().plain("puede que esto responda a tu pregunta:"),
    },
    pick_title: "¿Qué tema responde a esto?",
    pick_any: "O elige cualquier tema…",
    pick: |question| {
        Text::new()
            .plain("No sé bien qué parte de las preguntas frecuentes de la ISO responde a «")
            .quote(question)
            .plain("». Elige el tema que quieres publicar como respuesta:")
    },
    nothing_to_answer_title: "Nada que responder",
    empty_message: "Ese mensaje no tiene texto al que responder.",
    embeds_only: "Ese mensaje solo contiene contenido incrustado o archivos adjuntos, no hay texto al que responder.",
    own_message: "Ese es uno de mis propios mensajes.",
    helpful: "Útil",
    not_helpful: "No es útil",
    thanks: "Gracias, tomamos nota: esto nos ayuda a mejorar las preguntas frecuentes.",
    already_voted: "Ya nos has dicho qué te ha parecido esta respuesta. ¡Gracias!",
    answer_in_english: "Respuesta de la ISO (en inglés)",
    intro_in_english: "Texto de la ISO (en inglés)",
    menu_name: "Responder con las FAQ",
    ask_description: "Pregunta lo que quieras sobre la ISO con tus propias palabras",
    question_description: "Tu pregunta; p. ej., «¿pueden las empresas hacerse miembros de la ISO?»",
    faq_description: "Explora las preguntas frecuentes de la ISO o muestra uno de sus temas",
    topic_description: "El tema que quieres ver; déjalo en blanco para verlos todos",
    hours_description: "¿Está abierta ahora mismo la atención al cliente de la ISO y cuándo puedo llamar?",
    for_description: "Publica la respuesta dirigida a este miembro: solo se mencionará a esa persona",
    weekdays: [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    date: |weekday, day, month, year| format!("{weekday}, {day} de {month} de {year}"),
    relative: |elapsed, future| {
        let plural = |n: i64, unit: &str| match n {
            1 => format!("1 {unit}"),
            n => format!("{n} {unit}s"),
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "unos segundos".to_owned(),
            Elapsed::Minutes(n) => plural(n, "minuto"),
            Elapsed::Hours(n) => plural(n, "hora"),
            Elapsed::Days(n) => plural(n, "día"),
        };
        match future {
            true => format!("dentro de {phrase}"),
            false => format!("hace {phrase}"),
        }
    },
};
