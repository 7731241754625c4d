//! The bot's own words in each language it speaks, as typed catalogues: one [`Words`] per
//! language, each phrase a field, each phrase with a slot (a question, a count, a place) a
//! function that builds the [`Text`]. Nothing is assembled from fragments at the call site, so
//! a translation can reorder a sentence freely and the compiler checks that every language says
//! everything.
//!
//! ISO's own answers are not here: they stay as `faq.toml` gives them, in English unless the
//! file has a translation (`[topic.localized.fr]`).

use jiff::Timestamp;

use super::{Text, TimeStyle};
use crate::core::catalogue::{ASK_FR, TOPIC_OPTION_FR};
pub use crate::core::lang::Lang;
use crate::core::lang::Speaks;

impl Lang {
    /// What the bot says in this language.
    pub fn words(self) -> &'static Words {
        match self.speaks() {
            Speaks::English => &ENGLISH,
            Speaks::French => &FRENCH,
        }
    }
}

/// Everything the bot says in its own words, in one language.
#[derive(Debug)]
pub struct Words {
    // `/ask`
    pub ask_title: &'static str,
    pub ask_hint: fn() -> Text,
    pub did_you_mean: &'static str,
    pub not_sure: fn(question: &str) -> Text,
    pub not_in_faq: &'static str,
    pub no_answer: fn(question: &str) -> Text,
    /// A forum post handed to the helpers' role.
    pub helpers_title: &'static str,
    pub helpers_note: fn() -> Text,
    pub closest_topics: &'static str,
    pub also_mean: &'static str,
    pub related: &'static str,
    pub elsewhere: &'static str,
    pub browse_or_call: fn(contact: &str, phone: &str) -> Text,
    // `/faq`
    pub faq_title: &'static str,
    pub more_topics: fn(count: usize) -> Text,
    // topics and hours
    pub right_now: &'static str,
    pub is_open: fn(name: &str) -> String,
    pub is_closed: fn(name: &str) -> String,
    /// Open, and until when (`None`: no closing is scheduled).
    pub open_until: fn(end: Option<Timestamp>) -> Text,
    /// Closed, and until when (`None`: no opening is scheduled).
    pub closed_until: fn(start: Option<Timestamp>) -> Text,
    /// Closed all day, for a holiday (its local name) or a closure date.
    pub closed_today: fn(holiday: Option<&str>) -> Text,
    pub phone: &'static str,
    pub hours: fn(zone: &str) -> String,
    pub place_time: fn(place: &str) -> String,
    pub office_time: &'static str,
    pub no_hours: &'static str,
    pub closed_on_holidays: &'static str,
    /// Monday first.
    pub days: [&'static str; 7],
    /// One line of the weekly hours: "Mon–Fri: 09:00–12:00, 14:00–17:00".
    pub day_hours: fn(days: &str, times: &str) -> String,
    /// The local name of a Geneva holiday, from its English name.
    pub holiday: fn(english: &'static str) -> &'static str,
    // repeats, errors, notices
    pub already_posted: &'static str,
    pub answered_here: &'static str,
    pub just_above: &'static str,
    pub sorry_title: &'static str,
    pub sorry: &'static str,
    pub gone_title: &'static str,
    pub gone: fn() -> Text,
    pub unknown_title: &'static str,
    pub unknown: fn(name: &str) -> Text,
    // answers aimed at someone, the message menu, votes
    pub for_you: fn(link: Option<&str>) -> Text,
    pub pick_title: &'static str,
    pub pick: fn(question: &str) -> Text,
    /// What the menu of every topic says before one is chosen.
    pub pick_any: &'static str,
    pub nothing_to_answer_title: &'static str,
    pub empty_message: &'static str,
    pub embeds_only: &'static str,
    pub own_message: &'static str,
    pub helpful: &'static str,
    pub not_helpful: &'static str,
    pub thanks: &'static str,
    pub already_voted: &'static str,
}

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
    day_hours: |days, times| format!("{days}: {times}"),
    holiday: |english| english,
    already_posted: "Already posted here",
    answered_here: "Answered in this channel",
    just_above: "just above.",
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
};

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
    answered_here: "Réponse donnée dans ce salon",
    just_above: "juste au-dessus.",
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
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_have_french_names() {
        assert_eq!((FRENCH.holiday)("Christmas Day"), "Noël");
        assert_eq!((FRENCH.holiday)("Jeûne genevois"), "Jeûne genevois");
        assert_eq!((ENGLISH.holiday)("Christmas Day"), "Christmas Day");
    }
}
