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
pub use crate::core::lang::Lang;
use crate::core::lang::Speaks;

mod de;
mod en;
mod es;
mod es_419;
mod fr;
mod it;
mod ja;
mod nl;
mod pt_br;
mod ru;
mod zh_cn;
mod zh_tw;

pub use de::GERMAN;
pub use en::ENGLISH;
pub use es::SPANISH;
pub use es_419::LATIN_AMERICAN_SPANISH;
pub use fr::FRENCH;
pub use it::ITALIAN;
pub use ja::JAPANESE;
pub use nl::DUTCH;
pub use pt_br::PORTUGUESE;
pub use ru::RUSSIAN;
pub use zh_cn::SIMPLIFIED_CHINESE;
pub use zh_tw::TRADITIONAL_CHINESE;

impl Lang {
    /// What the bot says in this language.
    pub fn words(self) -> &'static Words {
        match self.speaks() {
            Speaks::English => &ENGLISH,
            Speaks::German => &GERMAN,
            Speaks::Spanish => &SPANISH,
            Speaks::LatinAmericanSpanish => &LATIN_AMERICAN_SPANISH,
            Speaks::French => &FRENCH,
            Speaks::Italian => &ITALIAN,
            Speaks::Japanese => &JAPANESE,
            Speaks::Dutch => &DUTCH,
            Speaks::Portuguese => &PORTUGUESE,
            Speaks::Russian => &RUSSIAN,
            Speaks::SimplifiedChinese => &SIMPLIFIED_CHINESE,
            Speaks::TraditionalChinese => &TRADITIONAL_CHINESE,
        }
    }
}

/// How far away an instant is, rounded as Discord rounds its relative timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elapsed {
    /// Under 45 seconds.
    FewSeconds,
    Minutes(i64),
    Hours(i64),
    Days(i64),
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
    /// Between the items of a list ("Mon, Wed", "09:00–12:00, 14:00–17:00"): ", ", or "、" in
    /// Chinese and Japanese.
    pub list: &'static str,
    /// One line of the weekly hours: "Mon–Fri: 09:00–12:00, 14:00–17:00".
    pub day_hours: fn(days: &str, times: &str) -> String,
    /// The local name of a Geneva holiday, from its English name.
    pub holiday: fn(english: &'static str) -> &'static str,
    // repeats, errors, notices
    pub already_posted: &'static str,
    /// Where an answer given again was posted and when: by `link` to it when known, else
    /// "just above".
    pub answered: fn(at: Timestamp, link: Option<&str>) -> Text,
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
    /// Above ISO's answer when it has no translation in this language, so the member knows
    /// whose words, and in which language, they are reading.
    pub answer_in_english: &'static str,
    /// Above ISO's introduction in `/faq`, which the FAQ never translates, for the same reason.
    pub intro_in_english: &'static str,
    /// The message command's name in this language ("Apps → Answer with FAQ"), when the
    /// config keeps the default name.
    pub menu_name: &'static str,
    // what Discord shows beside the commands (the names stay English outside French)
    pub ask_description: &'static str,
    pub question_description: &'static str,
    pub faq_description: &'static str,
    pub topic_description: &'static str,
    pub hours_description: &'static str,
    pub for_description: &'static str,
    // dates and times as the command line writes them (Discord writes its own in its clients)
    /// Full names, Monday first.
    pub weekdays: [&'static str; 7],
    /// Full names, January first; in the form a date uses (Russian's genitive).
    pub months: [&'static str; 12],
    /// A day as this language writes it: "Friday 4 December 2026".
    pub date: fn(weekday: &str, day: i8, month: &str, year: i16) -> String,
    /// "in 3 hours", "5 minutes ago".
    pub relative: fn(elapsed: Elapsed, future: bool) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every catalogue, by the Discord locale that picks it.
    fn catalogues() -> impl Iterator<Item = (&'static str, &'static Words)> {
        crate::core::lang::DISCORD_LOCALES
            .iter()
            .map(|&locale| (locale, Lang::of(Some(locale)).words()))
    }

    #[test]
    fn every_note_fits_the_room_answers_leave_for_it() {
        for (locale, words) in catalogues() {
            let note = words.answer_in_english.chars().count() + 1;
            assert!(
                note <= crate::core::limits::ANSWER_NOTE_ROOM,
                "{locale}: {note}"
            );
        }
    }

    #[test]
    fn command_descriptions_fit_discord() {
        for (locale, words) in catalogues() {
            for description in [
                words.ask_description,
                words.question_description,
                words.faq_description,
                words.topic_description,
                words.hours_description,
                words.for_description,
            ] {
                let length = description.chars().count();
                assert!((1..=100).contains(&length), "{locale}: {description}");
            }
        }
    }

    #[test]
    fn ten_more_locales_have_catalogues_of_their_own() {
        let own: Vec<&str> = catalogues()
            .filter(|(_, words)| !std::ptr::eq(*words, &ENGLISH))
            .map(|(locale, _)| locale)
            .collect();
        assert_eq!(
            own,
            ["de", "es-ES", "es-419", "fr", "it", "nl", "pt-BR", "ru", "zh-CN", "ja", "zh-TW"]
        );
        let distinct: std::collections::HashSet<*const Words> = catalogues()
            .map(|(_, words)| words as *const Words)
            .collect();
        assert_eq!(distinct.len(), 12);
    }

    #[test]
    fn no_catalogue_copies_an_english_phrase() {
        type Phrase = fn(&Words) -> &'static str;
        let phrases: [(&str, Phrase); 26] = [
            ("ask_title", |w| w.ask_title),
            ("did_you_mean", |w| w.did_you_mean),
            ("not_in_faq", |w| w.not_in_faq),
            ("helpers_title", |w| w.helpers_title),
            ("closest_topics", |w| w.closest_topics),
            ("also_mean", |w| w.also_mean),
            ("related", |w| w.related),
            ("elsewhere", |w| w.elsewhere),
            ("faq_title", |w| w.faq_title),
            ("right_now", |w| w.right_now),
            ("no_hours", |w| w.no_hours),
            ("closed_on_holidays", |w| w.closed_on_holidays),
            ("sorry", |w| w.sorry),
            ("gone_title", |w| w.gone_title),
            ("unknown_title", |w| w.unknown_title),
            ("pick_title", |w| w.pick_title),
            ("pick_any", |w| w.pick_any),
            ("empty_message", |w| w.empty_message),
            ("embeds_only", |w| w.embeds_only),
            ("own_message", |w| w.own_message),
            ("thanks", |w| w.thanks),
            ("already_voted", |w| w.already_voted),
            ("answer_in_english", |w| w.answer_in_english),
            ("intro_in_english", |w| w.intro_in_english),
            ("menu_name", |w| w.menu_name),
            ("hours_description", |w| w.hours_description),
        ];
        for (locale, words) in catalogues().filter(|(_, w)| !std::ptr::eq(*w, &ENGLISH)) {
            for (name, phrase) in phrases {
                assert_ne!(phrase(words), phrase(&ENGLISH), "{locale}: {name}");
            }
            assert_ne!(words.weekdays, ENGLISH.weekdays, "{locale}");
            assert_ne!(words.months, ENGLISH.months, "{locale}");
            assert_ne!(
                (words.holiday)("Christmas Day"),
                "Christmas Day",
                "{locale}"
            );
        }
    }

    #[test]
    fn holidays_have_french_names() {
        assert_eq!((FRENCH.holiday)("Christmas Day"), "Noël");
        assert_eq!((FRENCH.holiday)("Jeûne genevois"), "Jeûne genevois");
        assert_eq!((ENGLISH.holiday)("Christmas Day"), "Christmas Day");
    }
}
