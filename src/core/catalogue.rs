//! The slash commands faqbot offers, built once from the validated FAQ.
//!
//! One list serves both registration and dispatch, so a command can never be registered but
//! unhandled, nor handled but missing from Discord.

use crate::core::faq::{Faq, TopicId};
use crate::core::lang::{Lang, Speaks, DISCORD_LOCALES};
use crate::core::reply::Words;

pub use crate::core::names::{
    ASK_FR, BUILT_IN_COMMANDS, DEFAULT_MENU_NAME, FOR_OPTION, FOR_OPTION_FR, HOURS_FR,
    QUESTION_OPTION, TOPIC_OPTION, TOPIC_OPTION_FR,
};

/// The Discord locale of the French names of `/ask`, `/hours` and the options.
pub const FRENCH: &str = "fr";

/// What a command does when invoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the topic at this index of [`Faq::topics`].
    Topic(TopicId),
    /// Answer a free-text question.
    Ask,
    /// List the topics, or show the one picked.
    Faq,
    /// Whether customer care is open now.
    Hours,
    /// Answer someone else's message, from its context menu.
    AnswerMessage,
}

/// Where a command appears in Discord.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandKind {
    /// A slash command.
    Chat,
    /// An entry in a message's context menu ("Apps → Answer with FAQ").
    Message,
}

/// Words in English, and in the other languages they have been written in: what Discord
/// shows users of each locale.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localized {
    pub english: String,
    /// By Discord locale (`fr`, `de`, …), each locale once.
    pub translations: Vec<(&'static str, String)>,
}

impl Localized {
    /// One phrase of the bot's catalogues: English, and every locale that has a catalogue of
    /// its own.
    fn phrase(phrase: fn(&Words) -> &'static str) -> Self {
        Self {
            english: phrase(Lang::ENGLISH.words()).to_owned(),
            translations: DISCORD_LOCALES
                .iter()
                .map(|&locale| Lang::of(Some(locale)))
                .filter(|lang| lang.speaks() != Speaks::English)
                .map(|lang| (lang.locale(), phrase(lang.words()).to_owned()))
                .collect(),
        }
    }

    /// The words for `locale`, if they have been written in it.
    pub fn get(&self, locale: &str) -> Option<&str> {
        self.translations
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, words)| words.as_str())
    }
}

/// A command as Discord shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: String,
    /// The names users of other locales see, by Discord locale: French names for `/ask` and
    /// `/hours`, and the message command's name in every language of the catalogues.
    pub names: Vec<(&'static str, String)>,
    pub kind: CommandKind,
    /// Empty for a message command, which Discord shows without one.
    pub description: Localized,
    pub action: Action,
    pub options: Vec<CommandOption>,
}

/// What an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    Text,
    /// A member of the server, or anyone in a DM: whom the answer is for.
    User,
}

/// An option of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandOption {
    pub name: &'static str,
    pub name_fr: Option<&'static str>,
    pub kind: OptionKind,
    pub description: Localized,
    pub required: bool,
    /// Whether Discord asks the bot for suggestions while the user types.
    pub autocomplete: bool,
    /// The longest text accepted, as the FAQ's [`Limits`](crate::core::limits::Limits) allow.
    pub max_length: Option<usize>,
}

/// Every command: topics first in FAQ order, then the built-ins, then the message command.
#[derive(Debug, Clone)]
pub struct Catalogue {
    commands: Vec<Command>,
}

/// `for:` on every command that answers.
fn for_option() -> CommandOption {
    CommandOption {
        name: FOR_OPTION,
        name_fr: Some(FOR_OPTION_FR),
        kind: OptionKind::User,
        description: Localized::phrase(|w| w.for_description),
        required: false,
        autocomplete: false,
        max_length: None,
    }
}

impl Catalogue {
    /// The commands of `faq`, with the message command under its default name.
    pub fn new(faq: &Faq) -> Self {
        Self::with_menu(faq, DEFAULT_MENU_NAME)
    }

    /// The commands of `faq`, with the message command called `menu_name`.
    pub fn with_menu(faq: &Faq, menu_name: &str) -> Self {
        let topics = faq.topics.iter().enumerate().map(|(i, t)| Command {
            name: t.id.clone(),
            names: Vec::new(),
            kind: CommandKind::Chat,
            description: Localized {
                english: t.question.clone(),
                // A translated question is the command's description in that locale.
                translations: DISCORD_LOCALES
                    .iter()
                    .filter_map(|&locale| {
                        let translated = t.localized.iter().find(|l| l.locale == locale)?;
                        Some((locale, translated.question.clone()?))
                    })
                    .collect(),
            },
            action: Action::Topic(TopicId::new(i)),
            options: vec![for_option()],
        });
        let built_in = [
            Command {
                name: "ask".into(),
                names: vec![(FRENCH, ASK_FR.into())],
                kind: CommandKind::Chat,
                description: Localized::phrase(|w| w.ask_description),
                action: Action::Ask,
                options: vec![
                    CommandOption {
                        name: QUESTION_OPTION,
                        name_fr: None,
                        kind: OptionKind::Text,
                        description: Localized::phrase(|w| w.question_description),
                        required: true,
                        autocomplete: true,
                        max_length: Some(faq.limits.question),
                    },
                    for_option(),
                ],
            },
            Command {
                name: "faq".into(),
                names: Vec::new(),
                kind: CommandKind::Chat,
                description: Localized::phrase(|w| w.faq_description),
                action: Action::Faq,
                options: vec![
                    CommandOption {
                        name: TOPIC_OPTION,
                        name_fr: Some(TOPIC_OPTION_FR),
                        kind: OptionKind::Text,
                        description: Localized::phrase(|w| w.topic_description),
                        required: false,
                        autocomplete: true,
                        max_length: Some(faq.limits.choice_name),
                    },
                    for_option(),
                ],
            },
            Command {
                name: "hours".into(),
                names: vec![(FRENCH, HOURS_FR.into())],
                kind: CommandKind::Chat,
                description: Localized::phrase(|w| w.hours_description),
                action: Action::Hours,
                options: Vec::new(),
            },
            Command {
                name: menu_name.to_owned(),
                names: if menu_name == DEFAULT_MENU_NAME {
                    Localized::phrase(|w| w.menu_name).translations
                } else {
                    Vec::new()
                },
                kind: CommandKind::Message,
                description: Localized::default(),
                action: Action::AnswerMessage,
                options: Vec::new(),
            },
        ];
        Self {
            commands: topics.chain(built_in).collect(),
        }
    }

    pub fn commands(&self) -> &[Command] {
        &self.commands
    }

    /// Whether both register the same commands, so that a reload can skip registering again.
    pub fn same_commands(&self, other: &Catalogue) -> bool {
        self.commands == other.commands
    }

    /// What the command called `name` does; `None` for a command this FAQ no longer has.
    pub fn action(&self, name: &str) -> Option<Action> {
        self.commands
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_command_per_topic_then_the_built_ins() {
        let faq = Faq::embedded(&crate::core::limits::Limits::NONE);
        let catalogue = Catalogue::new(&faq);
        let names: Vec<&str> = catalogue
            .commands()
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names.len(), faq.topics.len() + BUILT_IN_COMMANDS.len() + 1);
        assert_eq!(&names[faq.topics.len()..names.len() - 1], BUILT_IN_COMMANDS);
        assert_eq!(names.last(), Some(&DEFAULT_MENU_NAME));
        assert_eq!(
            catalogue.action(DEFAULT_MENU_NAME),
            Some(Action::AnswerMessage)
        );
        for (i, topic) in faq.topics.iter().enumerate() {
            assert_eq!(
                catalogue.action(&topic.id),
                Some(Action::Topic(TopicId::new(i)))
            );
        }
        assert_eq!(catalogue.action("ask"), Some(Action::Ask));
        assert_eq!(catalogue.action("hours"), Some(Action::Hours));
        assert_eq!(catalogue.action("no-such-topic"), None);
    }
}
