//! The bot's words in Latin American Spanish (Discord locale `es-419`): Spain's catalogue
//! with the phrases the region says its own way (preterite for the recent past, "escoger",
//! "feriados", “…” quotes).

use super::es::SPAIN;
use super::*;

pub static LATIN_AMERICAN_SPANISH: Words = Words {
    ask_hint: || {
        Text::new()
            .plain("Escribe una pregunta después de ")
            .command("ask")
            .plain(", por ejemplo “¿las empresas pueden ser miembros de la ISO?”, o explora todos los temas con ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "¿Quisiste decir…?",
    helpers_note: || {
        Text::new().plain(
            "No sé bien qué parte de las preguntas frecuentes de la ISO responde a esta \
             publicación, así que les pedí a los ayudantes que la revisen. Mientras tanto, estos \
             son los temas más cercanos:",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("No sé bien qué parte de las preguntas frecuentes de la ISO responde a “")
            .quote(question)
            .plain("”. Estos son los temas más cercanos:")
    },
    no_answer: |question| {
        Text::new()
            .plain("Las preguntas frecuentes de la ISO no responden a “")
            .quote(question)
            .plain("”.")
    },
    also_mean: "¿También quisiste decir…?",
    elsewhere: "Dónde más buscar",
    right_now: "En este momento",
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
            .plain(" · no hay ninguna apertura programada"),
    },
    no_hours: "No hay ningún horario de atención establecido.",
    closed_on_holidays: "Cerrado los días feriados de Ginebra.",
    already_posted: "Ya se publicó aquí",
    sorry_title: "Lo siento, algo salió mal",
    sorry: "No pude responder eso en este momento. Vuelve a intentarlo en un rato.",
    gone: || {
        Text::new()
            .plain("Las preguntas frecuentes cambiaron desde que se creó este botón. Usa ")
            .command("faq")
            .plain(" para ver todos sus temas actuales.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("esto podría responder tu pregunta ({link}):")),
        None => Text::new().plain("esto podría responder tu pregunta:"),
    },
    pick_any: "O escoge cualquier tema…",
    pick: |question| {
        Text::new()
            .plain("No sé bien qué parte de las preguntas frecuentes de la ISO responde a “")
            .quote(question)
            .plain("”. Escoge el tema que quieres publicar como respuesta:")
    },
    empty_message: "Ese mensaje no tiene texto para responder.",
    embeds_only: "Ese mensaje solo tiene contenido incrustado o archivos adjuntos, no hay texto para responder.",
    already_voted: "Ya nos dijiste qué te pareció esta respuesta. ¡Gracias!",
    question_description: "Tu pregunta; p. ej., “¿las empresas pueden ser miembros de la ISO?”",
    hours_description: "¿El servicio al cliente de la ISO está abierto ahora y cuándo puedo llamar?",
    ..SPAIN
};
