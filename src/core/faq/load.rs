//! `faq.toml` → [`Faq`], with every problem reported at its line and column.
//!
//! The file is first read into "raw" structs that keep each value's span, then checked as a
//! whole; all problems are collected so that one round of edits fixes them all.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{Contact, Faq, Topic, TopicId};
use crate::core::diagnostic::{
    did_you_mean, missing_keys, quote_list, syntax_error, type_error, unknown_keys, Diagnostic,
    FileErrors, Source,
};
use crate::core::lang::DISCORD_LOCALES;
use crate::core::limits::{Limits, ANSWER_NOTE_ROOM};
use crate::core::names::{ASK_FR, BUILT_IN_COMMANDS, HOURS_FR};

/// The French names of faqbot's own commands, which no topic may take either: Discord shows
/// a French user both under the same name.
const FRENCH_NAMES: [(&str, &str); 2] = [(ASK_FR, "ask"), (HOURS_FR, "hours")];
use crate::core::schedule::{day_name, Holidays, HoursLine, Schedule, Zone, CALENDARS};
use crate::core::text::words;
use crate::core::vocabulary::is_stop_word;

#[derive(Deserialize)]
struct RawFaq {
    #[serde(default)]
    intro: Option<Spanned<String>>,
    #[serde(default)]
    off_topic: Vec<Spanned<String>>,
    #[serde(default)]
    names: Vec<Spanned<String>>,
    #[serde(default)]
    others: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Option<Spanned<String>>,
    #[serde(default)]
    learned: Option<Spanned<String>>,
    contact: RawContact,
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
}

#[derive(Deserialize)]
struct RawContact {
    name: Spanned<String>,
    phone: Spanned<String>,
    #[serde(default)]
    location: Option<Spanned<String>>,
    timezone: Spanned<String>,
    hours: Vec<Spanned<String>>,
    #[serde(default)]
    holidays: Option<Spanned<String>>,
    #[serde(default)]
    closed: Vec<Spanned<String>>,
    /// The contact's name and place in other languages: `[contact.localized.fr]`.
    #[serde(default)]
    localized: std::collections::BTreeMap<String, Spanned<RawContactLocalized>>,
}

#[derive(Deserialize)]
struct RawContactLocalized {
    #[serde(default)]
    name: Option<Spanned<String>>,
    #[serde(default)]
    location: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: Spanned<String>,
    question: Spanned<String>,
    answer: Spanned<String>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    #[serde(default)]
    show_hours: bool,
    /// Translations, by Discord locale: `[topic.localized.fr]`.
    #[serde(default)]
    localized: std::collections::BTreeMap<String, Spanned<RawLocalized>>,
}

#[derive(Deserialize)]
struct RawLocalized {
    #[serde(default)]
    question: Option<Spanned<String>>,
    #[serde(default)]
    answer: Option<Spanned<String>>,
}

/// The keys of each table.
const TOP_KEYS: [&str; 8] = [
    "intro",
    "off_topic",
    "names",
    "others",
    "examples",
    "learned",
    "contact",
    "topic",
];
const CONTACT_KEYS: [&str; 8] = [
    "name",
    "phone",
    "location",
    "timezone",
    "hours",
    "holidays",
    "closed",
    "localized",
];
const CONTACT_LOCALIZED_KEYS: [&str; 2] = ["name", "location"];
const TOPIC_KEYS: [&str; 7] = [
    "id",
    "question",
    "answer",
    "keywords",
    "related",
    "show_hours",
    "localized",
];
const LOCALIZED_KEYS: [&str; 2] = ["question", "answer"];

/// The keys each table must have, with how to add each.
const TOP_REQUIRED: [(&str, &str); 1] = [(
    "contact",
    "add a [contact] table with `name`, `phone`, `timezone` and `hours`",
)];
const CONTACT_REQUIRED: [(&str, &str); 4] = [
    (
        "name",
        "add `name = \"…\"` to [contact]: who answers, as people know them",
    ),
    (
        "phone",
        "add `phone = \"…\"` to [contact], in international form (+41 22 …)",
    ),
    (
        "timezone",
        "add `timezone = \"…\"` to [contact]: the IANA zone the hours are in, or UTC+1",
    ),
    (
        "hours",
        "add `hours = [\"mon-fri 09:00-12:00\"]` to [contact]",
    ),
];
const TOPIC_REQUIRED: [(&str, &str); 3] = [
    (
        "id",
        "add `id = \"…\"` to this [[topic]]: its slash command's name",
    ),
    (
        "question",
        "add `question = \"…\"` to this [[topic]]: the question it answers",
    ),
    (
        "answer",
        "add `answer = \"…\"` to this [[topic]]: the FAQ's answer, word for word",
    ),
];

pub(super) fn parse(path: &str, text: &str, limits: &Limits) -> Result<Faq, FileErrors> {
    let source = Source::new(path, text);
    let (table, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        let problems = syntax.iter().map(|e| syntax_error(&source, e)).collect();
        return Err(source.errors(problems).sorted());
    }
    // Every misspelt and missing key of every table at once, before any value is read.
    let mut unknown = unknown_keys(&source, table.get_ref(), &TOP_KEYS, &[]);
    let mut missing = missing_keys(&source, table.get_ref(), 0..0, &TOP_REQUIRED);
    if let Some((contact, at)) = table
        .get_ref()
        .get("contact")
        .and_then(|c| Some((c.get_ref().as_table()?, c.span())))
    {
        unknown.extend(unknown_keys(&source, contact, &CONTACT_KEYS, &[]));
        missing.extend(missing_keys(&source, contact, at, &CONTACT_REQUIRED));
        let locales = contact
            .get("localized")
            .and_then(|l| l.get_ref().as_table());
        for (_, translation) in locales.into_iter().flatten() {
            if let Some(translation) = translation.get_ref().as_table() {
                unknown.extend(unknown_keys(
                    &source,
                    translation,
                    &CONTACT_LOCALIZED_KEYS,
                    &[],
                ));
            }
        }
    }
    let topics = table
        .get_ref()
        .get("topic")
        .and_then(|t| t.get_ref().as_array());
    for topic in topics.into_iter().flatten() {
        let at = topic.span();
        if let Some(topic) = topic.get_ref().as_table() {
            unknown.extend(unknown_keys(&source, topic, &TOPIC_KEYS, &[]));
            missing.extend(missing_keys(&source, topic, at, &TOPIC_REQUIRED));
            let locales = topic.get("localized").and_then(|l| l.get_ref().as_table());
            for (_, translation) in locales.into_iter().flatten() {
                if let Some(translation) = translation.get_ref().as_table() {
                    unknown.extend(unknown_keys(&source, translation, &LOCALIZED_KEYS, &[]));
                }
            }
        }
    }
    // Values are read only from tables that have every key they need.
    if !missing.is_empty() {
        unknown.extend(missing);
        return Err(source.errors(unknown).sorted());
    }
    let raw = RawFaq::deserialize(toml::de::Deserializer::from(table));
    let raw = match raw {
        Ok(raw) => raw,
        Err(e) => {
            unknown.push(type_error(&source, &e));
            return Err(source.errors(unknown).sorted());
        }
    };
    let mut checker = Checker {
        source: &source,
        problems: unknown,
        limits,
    };
    let faq = checker.faq(raw);
    if checker.problems.is_empty() {
        Ok(faq)
    } else {
        Err(source.errors(checker.problems).sorted())
    }
}

struct Checker<'s> {
    source: &'s Source<'s>,
    problems: Vec<Diagnostic>,
    /// What the front end the FAQ is loaded for can register and show.
    limits: &'s Limits,
}

impl Checker<'_> {
    fn problem(&mut self, span: Range<usize>, message: String, help: impl Into<String>) {
        let help = Some(help.into());
        self.problems
            .push(self.source.diagnostic(span, message, help));
    }

    fn faq(&mut self, raw: RawFaq) -> Faq {
        let contact = self.contact(raw.contact);
        if raw.topic.is_empty() {
            self.problem(
                0..0,
                "the FAQ has no topics".to_owned(),
                "add a [[topic]] table with `id`, `question` and `answer`",
            );
        }
        let ids: Vec<&str> = raw
            .topic
            .iter()
            .map(|t| t.get_ref().id.get_ref().as_str())
            .collect();
        let mut seen = HashSet::new();
        let mut topics = Vec::with_capacity(raw.topic.len());
        for (index, topic) in raw.topic.iter().enumerate() {
            let topic = topic.get_ref();
            self.id(&topic.id, &mut seen, index);
            self.related(topic, &ids);
            topics.push(Topic {
                id: topic.id.get_ref().clone(),
                question: self.question(&topic.question),
                answer: self.answer(&topic.answer),
                keywords: self.keywords(&topic.keywords),
                related: topic
                    .related
                    .iter()
                    .filter_map(|r| ids.iter().position(|id| *id == r.get_ref().as_str()))
                    .map(TopicId::new)
                    .collect(),
                show_hours: topic.show_hours,
                localized: self.localized(&topic.localized),
            });
        }
        Faq {
            intro: raw.intro.map(|i| self.intro(&i)).unwrap_or_default(),
            off_topic: self.keywords(&raw.off_topic),
            names: self.keywords(&raw.names),
            others: self.keywords(&raw.others),
            contact,
            topics,
            examples_file: raw
                .examples
                .and_then(|file| self.examples_file("examples", &file)),
            examples: Vec::new(),
            learned_file: raw
                .learned
                .and_then(|file| self.examples_file("learned", &file)),
            learned: Vec::new(),
            limits: *self.limits,
        }
    }

    fn examples_file(&mut self, key: &str, file: &Spanned<String>) -> Option<super::ExamplesFile> {
        let name = file.get_ref().trim();
        if name.is_empty() {
            self.problem(
                file.span(),
                format!("`{key}` names no file"),
                format!("name a tab-separated file of labelled questions, e.g. `{key} = \"{key}.tsv\"`, or remove the key"),
            );
            return None;
        }
        Some(super::ExamplesFile::new(name.to_owned(), file.span()))
    }

    fn id(&mut self, id: &Spanned<String>, seen: &mut HashSet<String>, index: usize) {
        let value = id.get_ref();
        if !self.limits.is_command_name(value) {
            let suggestion = command_name_like(value, self.limits);
            self.problem(
                id.span(),
                format!(
                    "topic id `{value}` is not a valid {} command name",
                    self.limits.platform
                ),
                format!(
                    "use {}{}",
                    self.limits.command_names,
                    suggestion
                        .map(|s| format!(", e.g. `{s}`"))
                        .unwrap_or_default()
                ),
            );
        } else if BUILT_IN_COMMANDS.contains(&value.as_str()) {
            self.problem(
                id.span(),
                format!("topic id `{value}` is taken by faqbot's own /{value} command"),
                format!("choose another id, e.g. `{value}-topic`"),
            );
        } else if let Some(built_in) = FRENCH_NAMES.iter().find(|(fr, _)| *fr == value) {
            self.problem(
                id.span(),
                format!(
                    "topic id `{value}` is what French users see as faqbot's own /{} command",
                    built_in.1
                ),
                format!("choose another id, e.g. `{value}-topic`"),
            );
        } else if !seen.insert(value.clone()) {
            self.problem(
                id.span(),
                format!("topic id `{value}` is used by another topic already"),
                "give every topic its own id: it is the topic's slash command",
            );
        }
        let max_topics = self.limits.commands.saturating_sub(BUILT_IN_COMMANDS.len());
        if index == max_topics {
            self.problem(
                id.span(),
                format!("too many topics: this is topic {}, and faqbot can register at most {max_topics}", index + 1),
                format!(
                    "{} allows {} commands per application, and /ask, /faq and /hours take {}; merge some topics",
                    self.limits.platform,
                    self.limits.commands,
                    BUILT_IN_COMMANDS.len()
                ),
            );
        }
    }

    fn question(&mut self, question: &Spanned<String>) -> String {
        let text = question.get_ref().trim();
        let count = text.chars().count();
        if count == 0 || count > self.limits.description || text.contains('\n') {
            self.problem(
                question.span(),
                format!(
                    "question is {count} characters long{}",
                    if text.contains('\n') {
                        " and spans lines"
                    } else {
                        ""
                    }
                ),
                format!(
                    "write it on one line in 1–{} characters: it is also the command's description",
                    self.limits.description
                ),
            );
        }
        text.to_owned()
    }

    /// Whether `locale` is one Discord knows; reported at `span` if not.
    fn known_locale(&mut self, locale: &str, span: std::ops::Range<usize>) -> bool {
        if DISCORD_LOCALES.contains(&locale) {
            return true;
        }
        self.problem(
            span,
            format!("`{locale}` is not a locale Discord knows"),
            format!(
                "use one of Discord's locales: {}",
                DISCORD_LOCALES.join(", ")
            ),
        );
        false
    }

    fn localized(
        &mut self,
        translations: &std::collections::BTreeMap<String, Spanned<RawLocalized>>,
    ) -> Vec<super::Localized> {
        let mut out = Vec::new();
        for (locale, translation) in translations {
            if !self.known_locale(locale, translation.span()) {
                continue;
            }
            let raw = translation.get_ref();
            if raw.question.is_none() && raw.answer.is_none() {
                self.problem(
                    translation.span(),
                    format!("the `{locale}` translation is empty"),
                    "give it a `question`, an `answer`, or both; or remove it",
                );
                continue;
            }
            out.push(super::Localized {
                locale: locale.clone(),
                question: raw.question.as_ref().map(|q| self.question(q)),
                answer: raw.answer.as_ref().map(|a| self.answer(a)),
            });
        }
        out
    }

    fn answer(&mut self, answer: &Spanned<String>) -> String {
        let text = answer.get_ref().trim();
        let count = text.chars().count();
        // Room is kept for the note that tells members of other languages the answer is in
        // English.
        let most = self.limits.message.saturating_sub(ANSWER_NOTE_ROOM);
        if count == 0 {
            self.problem(
                answer.span(),
                "answer is empty".to_owned(),
                "write the answer text between the quotes",
            );
        } else if count > most {
            self.problem(
                answer.span(),
                format!("answer is {count} characters long"),
                format!(
                    "shorten it to at most {most} characters ({}'s limit for {}, less room for the \"in English\" note), or split the topic in two",
                    self.limits.platform, self.limits.message_kind
                ),
            );
        }
        text.to_owned()
    }

    fn intro(&mut self, intro: &Spanned<String>) -> String {
        let text = intro.get_ref().trim();
        let count = text.chars().count();
        if count > self.limits.intro {
            self.problem(
                intro.span(),
                format!("intro is {count} characters long"),
                format!(
                    "shorten it to at most {} characters: /faq shows it above the list of topics, \
                     and both must fit in {} on {} ({} characters)",
                    self.limits.intro,
                    self.limits.message_kind,
                    self.limits.platform,
                    self.limits.message
                ),
            );
        }
        text.to_owned()
    }

    fn keywords(&mut self, keywords: &[Spanned<String>]) -> Vec<String> {
        let mut out = Vec::with_capacity(keywords.len());
        for keyword in keywords {
            let text = keyword.get_ref().trim();
            if text.is_empty() {
                self.problem(
                    keyword.span(),
                    "empty keyword".to_owned(),
                    "remove it, or write the word people type",
                );
            } else if words(text).all(|w| is_stop_word(&w)) {
                self.problem(
                    keyword.span(),
                    format!(
                        "`{text}` is only words /ask ignores (such as \"the\", \"how\", \"who\")"
                    ),
                    "remove it, or write a word that carries meaning",
                );
            } else {
                out.push(text.to_owned());
            }
        }
        out
    }

    fn related(&mut self, topic: &RawTopic, ids: &[&str]) {
        for related in &topic.related {
            let value = related.get_ref();
            if value == topic.id.get_ref() {
                self.problem(
                    related.span(),
                    format!("topic `{value}` names itself as related"),
                    "remove it",
                );
            } else if !ids.contains(&value.as_str()) {
                self.problem(
                    related.span(),
                    format!("related topic `{value}` does not exist"),
                    match did_you_mean(value, ids) {
                        Some(id) => format!("did you mean `{id}`?"),
                        None => format!("use one of the topic ids: {}", quote_list(ids)),
                    },
                );
            }
        }
    }

    /// The contact's name and place in other languages.
    fn contact_localized(
        &mut self,
        translations: &std::collections::BTreeMap<String, Spanned<RawContactLocalized>>,
    ) -> Vec<super::ContactLocalized> {
        let mut out = Vec::new();
        for (locale, translation) in translations {
            if !self.known_locale(locale, translation.span()) {
                continue;
            }
            let raw = translation.get_ref();
            let mut text = |field: &Option<Spanned<String>>| {
                let field = field.as_ref()?;
                let value = field.get_ref().trim();
                if value.is_empty() || value.contains('\n') {
                    self.problem(
                        field.span(),
                        "a contact detail must be one line of text".to_owned(),
                        "write the translation between the quotes, on one line",
                    );
                    return None;
                }
                Some(value.to_owned())
            };
            let (name, location) = (text(&raw.name), text(&raw.location));
            if raw.name.is_none() && raw.location.is_none() {
                self.problem(
                    translation.span(),
                    format!("the `{locale}` translation of the contact is empty"),
                    "give it a `name`, a `location`, or both; or remove it",
                );
                continue;
            }
            out.push(super::ContactLocalized {
                locale: locale.clone(),
                name,
                location,
            });
        }
        out
    }

    fn contact(&mut self, raw: RawContact) -> Contact {
        let localized = self.contact_localized(&raw.localized);
        for field in [&raw.name, &raw.phone] {
            if field.get_ref().trim().is_empty() {
                self.problem(
                    field.span(),
                    "empty contact detail".to_owned(),
                    "write the text between the quotes",
                );
            }
        }
        let zone = Zone::parse(raw.timezone.get_ref()).unwrap_or_else(|message| {
            self.problem(
                raw.timezone.span(),
                message,
                "use an IANA zone such as \"Europe/Zurich\", or a fixed offset such as \"UTC+01:00\"",
            );
            Zone::parse("UTC").expect("UTC is always known")
        });
        let mut lines: Vec<(HoursLine, &Spanned<String>)> = Vec::new();
        for text in &raw.hours {
            match HoursLine::parse(text.get_ref()) {
                Ok(line) => {
                    let earlier = lines.iter().find_map(|(l, t)| Some((l.overlap(&line)?, t)));
                    if let Some((weekday, earlier)) = earlier {
                        self.problem(
                            text.span(),
                            format!(
                                "`{}` overlaps `{}` on {}",
                                text.get_ref(),
                                earlier.get_ref(),
                                day_name(weekday)
                            ),
                            "make the intervals disjoint: one may end exactly where the next starts",
                        );
                    }
                    lines.push((line, text));
                }
                Err(e) => self.problem(text.span(), e.message, e.help),
            }
        }
        let holidays = match &raw.holidays {
            None => Holidays::None,
            Some(name) => Holidays::parse(name.get_ref()).unwrap_or_else(|| {
                self.problem(
                    name.span(),
                    format!("unknown holiday calendar `{}`", name.get_ref()),
                    format!("use one of {}", quote_list(&CALENDARS)),
                );
                Holidays::None
            }),
        };
        let mut closed = Vec::new();
        for date in &raw.closed {
            match date.get_ref().trim().parse::<jiff::civil::Date>() {
                Ok(d) if d.to_string() == date.get_ref().trim() => closed.push(d),
                _ => self.problem(
                    date.span(),
                    format!("`{}` is not a date", date.get_ref()),
                    "write closure dates as \"YYYY-MM-DD\", e.g. \"2026-12-24\"",
                ),
            }
        }
        Contact {
            name: raw.name.into_inner().trim().to_owned(),
            phone: raw.phone.into_inner().trim().to_owned(),
            location: raw
                .location
                .map(|l| l.into_inner().trim().to_owned())
                .filter(|l| !l.is_empty()),
            localized,
            schedule: Schedule::new(
                zone,
                lines.into_iter().map(|(l, _)| l).collect(),
                holidays,
                closed,
            ),
        }
    }
}

/// A valid command name resembling `text`, to suggest in the error message; none for text
/// far longer than a name, which is no name misspelt (a secret pasted in the wrong place, say,
/// which a suggestion would print back, cut and lower-cased, past any filter).
fn command_name_like(text: &str, limits: &Limits) -> Option<String> {
    if text.trim().chars().count() > limits.name.saturating_mul(2) {
        return None;
    }
    let mut name = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name: String = name.trim_matches('-').chars().take(limits.name).collect();
    limits.is_command_name(&name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_missing_key_of_every_table_is_reported_at_once() {
        let text = "[contact]\nname = \"Customer care\"\ntimezone = \"UTC+1\"\n\n\
                    [[topic]]\nid = \"logo\"\nquestion = \"Who may use the logo?\"\n\n\
                    [[topic]]\nid = \"un\"\nanswer = \"No.\"\n";
        let errors = parse("faq.toml", text, &Limits::NONE)
            .unwrap_err()
            .to_string();
        for expected in [
            "faq.toml:1:1: error: missing field `phone`",
            "faq.toml:1:1: error: missing field `hours`",
            "faq.toml:5:1: error: missing field `answer`",
            "faq.toml:9:1: error: missing field `question`",
        ] {
            assert!(errors.contains(expected), "{expected}\n{errors}");
        }
        assert!(
            errors.contains("help: add `phone = \"…\"` to [contact]"),
            "{errors}"
        );
    }

    #[test]
    fn the_front_end_sets_the_sizes_and_names_itself_in_the_errors() {
        let text = "[contact]\nname = \"Customer care\"\nphone = \"+41\"\ntimezone = \"UTC+1\"\n\
                    hours = [\"mon-fri 09:00-12:00\"]\n\n\
                    [[topic]]\nid = \"logo\"\nquestion = \"Who may use the logo?\"\n\
                    answer = \"Only ISO itself, and only in ways it agrees to.\"\n";
        assert!(parse("faq.toml", text, &Limits::NONE).is_ok());
        let tiny = Limits {
            platform: "Tiny",
            description: 10,
            message: 100,
            ..Limits::NONE
        };
        let errors = parse("faq.toml", text, &tiny).unwrap_err().to_string();
        for expected in [
            "question is 21 characters long",
            "in 1–10 characters",
            "answer is 47 characters long",
            // 100 less the room kept for the note "ISO's answer (in English)".
            "at most 36 characters (Tiny's limit for one message, less room",
        ] {
            assert!(errors.contains(expected), "{expected}\n{errors}");
        }
        let faq = parse(
            "faq.toml",
            text,
            &Limits {
                message: 47 + ANSWER_NOTE_ROOM,
                ..tiny
            },
        );
        let errors = faq.unwrap_err().to_string();
        assert!(!errors.contains("answer is"), "{errors}");
        assert!(
            errors.contains("question is 21"),
            "the question is still too long"
        );
    }
}
