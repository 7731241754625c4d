//! The bot's words in French.

use super::*;
use crate::core::names::{ASK_FR, TOPIC_OPTION_FR};

pub static FRENCH: Words = Words {
    ask_title: "Posez-moi une question sur l'ISO",
    ask_hint: || {
        Text::new()
            .plain("Tapez une question après ")
            .command(ASK_FR)
            .plain(", par exemple « une entreprise peut-elle devenir membre de l'ISO ? », ou parcourez tous les sujets avec ")
            .command("faq")
            .plain(".")
    },
    did_you_mean: "Vouliez-vous dire… ?",
    helpers_title: "Place aux bénévoles",
    helpers_note: || {
        Text::new().plain(
            "Je ne sais pas quelle partie de la FAQ de l'ISO répond à ce message : j'ai demandé \
             aux bénévoles d'y jeter un œil. En attendant, voici les sujets les plus proches :",
        )
    },
    not_sure: |question| {
        Text::new()
            .plain("Je ne sais pas quelle partie de la FAQ de l'ISO répond à « ")
            .quote(question)
            .plain(" ». Voici les sujets les plus proches :")
    },
    not_in_faq: "Pas dans la FAQ",
    no_answer: |question| {
        Text::new()
            .plain("La FAQ de l'ISO ne répond pas à « ")
            .quote(question)
            .plain(" ».")
    },
    closest_topics: "Les sujets les plus proches :",
    also_mean: "Vouliez-vous aussi dire",
    related: "Voir aussi",
    elsewhere: "Où chercher ailleurs",
    browse_or_call: |contact, phone| {
        Text::new()
            .plain("Parcourez tous les sujets avec ")
            .command("faq")
            .plain(format!(", ou appelez le {phone} ({contact})."))
    },
    faq_title: "Les questions fréquentes sur l'ISO",
    more_topics: |count| {
        Text::new()
            .plain(format!("…et {count} autres : tapez "))
            .command(format!("faq {TOPIC_OPTION_FR}:"))
            .plain(" pour les chercher.")
    },
    right_now: "En ce moment",
    is_open: |name| format!("{name} : ouvert"),
    is_closed: |name| format!("{name} : fermé"),
    open_until: |end| match end {
        Some(end) => Text::new()
            .strong("Ouvert")
            .plain(" · ferme à ")
            .time(end, TimeStyle::Time)
            .plain(" (")
            .time(end, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Ouvert"),
    },
    closed_until: |start| match start {
        Some(start) => Text::new()
            .strong("Fermé")
            .plain(" · ouvre le ")
            .time(start, TimeStyle::DayDateTime)
            .plain(" (")
            .time(start, TimeStyle::Relative)
            .plain(")"),
        None => Text::new().strong("Fermé").plain(" · aucune ouverture prévue"),
    },
    closed_today: |holiday| match holiday {
        Some(name) => Text::from(format!("Fermé aujourd'hui : {name}")),
        None => Text::from("Fermé aujourd'hui"),
    },
    phone: "Téléphone",
    hours: |zone| format!("Horaires ({zone})"),
    place_time: |place| format!("heure de {place}"),
    office_time: "heure du bureau",
    no_hours: "Aucun horaire d'ouverture n'est défini.",
    closed_on_holidays: "Fermé les jours fériés genevois.",
    days: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    list: ", ",
    day_hours: |days, times| format!("{days} : {times}"),
    holiday: |english| match english {
        "New Year's Day" => "Nouvel An",
        "Good Friday" => "Vendredi saint",
        "Easter Monday" => "Lundi de Pâques",
        "Ascension Day" => "Ascension",
        "Whit Monday" => "Lundi de Pentecôte",
        "Swiss National Day" => "Fête nationale",
        "Christmas Day" => "Noël",
        other => other,
    },
    already_posted: "Déjà publié ici",
    answered: |at, link| {
        let when = Text::new()
            .plain("Réponse donnée dans ce salon ")
            .time(at, TimeStyle::Relative);
        match link {
            Some(link) => when.plain(format!(" : {link}")),
            None => when.plain(", juste au-dessus."),
        }
    },
    sorry_title: "Désolé, un problème est survenu",
    sorry: "Je n'ai pas pu répondre pour l'instant. Réessayez dans un moment.",
    gone_title: "Ce sujet n'existe plus",
    gone: || {
        Text::new()
            .plain("La FAQ a changé depuis la création de ce bouton. Utilisez ")
            .command("faq")
            .plain(" pour voir tous ses sujets actuels.")
    },
    unknown_title: "Commande inconnue",
    unknown: |name| {
        Text::new()
            .command(name)
            .plain(" ne fait pas (ou plus) partie de cette FAQ. Utilisez ")
            .command("faq")
            .plain(" pour voir tous les sujets, ou ")
            .command(ASK_FR)
            .plain(" pour poser une question avec vos propres mots.")
    },
    for_you: |link| match link {
        Some(link) => Text::new().plain(format!("ceci répond peut-être à votre question ({link}) :")),
        None => Text::new().plain("ceci répond peut-être à votre question :"),
    },
    pick_title: "Quel sujet y répond ?",
    pick_any: "Ou choisissez n'importe quel sujet…",
    pick: |question| {
        Text::new()
            .plain("Je ne sais pas quelle partie de la FAQ de l'ISO répond à « ")
            .quote(question)
            .plain(" ». Choisissez le sujet à publier en réponse :")
    },
    nothing_to_answer_title: "Rien à quoi répondre",
    empty_message: "Ce message n'a pas de texte auquel répondre.",
    embeds_only: "Ce message ne contient que des intégrations ou des pièces jointes, aucun texte auquel répondre.",
    own_message: "C'est un de mes propres messages.",
    helpful: "Utile",
    not_helpful: "Pas utile",
    thanks: "Merci, c'est noté : cela nous aide à améliorer la FAQ.",
    already_voted: "Vous avez déjà donné votre avis sur cette réponse. Merci !",
    answer_in_english: "Réponse de l'ISO (en anglais)",
    intro_in_english: "Texte de l'ISO (en anglais)",
    menu_name: "Répondre avec la FAQ",
    ask_description: "Posez une question sur l'ISO avec vos propres mots",
    question_description: "Votre question, par ex. « une entreprise peut-elle adhérer ? »",
    faq_description: "Parcourir la FAQ de l'ISO, ou afficher l'un de ses sujets",
    topic_description: "Le sujet à afficher ; laissez vide pour tous les lister",
    hours_description: "Le service client de l'ISO est-il ouvert, et quand appeler ?",
    for_description: "Publier la réponse pour ce membre : elle le mentionne, lui seul",
    weekdays: [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    date: |weekday, day, month, year| match day {
        1 => format!("{weekday} 1er {month} {year}"),
        day => format!("{weekday} {day} {month} {year}"),
    },
    relative: |elapsed, future| {
        let plural = |n: i64, unit: &str| match n {
            1 => format!("1 {unit}"),
            n => format!("{n} {unit}s"),
        };
        let phrase = match elapsed {
            Elapsed::FewSeconds => "quelques secondes".to_owned(),
            Elapsed::Minutes(n) => plural(n, "minute"),
            Elapsed::Hours(n) => plural(n, "heure"),
            Elapsed::Days(n) => plural(n, "jour"),
        };
        match future {
            true => format!("dans {phrase}"),
            false => format!("il y a {phrase}"),
        }
    },
};
