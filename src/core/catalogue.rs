//! The slash commands faqbot offers, built once from the validated FAQ.
//!
//! One list serves both registration and dispatch, so a command can never be registered but
//! unhandled, nor handled but missing from Discord.

use crate::core::faq::Faq;
use crate::core::limits;

pub use crate::core::limits::BUILT_IN_COMMANDS;

/// What a command does when invoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the topic at this index of [`Faq::topics`].
    Topic(usize),
    /// Answer a free-text question.
    Ask,
    /// List the topics, or show the one picked.
    Faq,
    /// Whether customer care is open now.
    Hours,
}

/// A chat-input command as Discord shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: String,
    pub description: String,
    pub action: Action,
    pub options: Vec<CommandOption>,
}

/// A string option of a command; faqbot's commands take text only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandOption {
    pub name: &'static str,
    pub description: &'static str,
    pub required: bool,
    /// Whether Discord asks the bot for suggestions while the user types.
    pub autocomplete: bool,
    pub max_length: u16,
}

/// The option of `/ask`.
pub const QUESTION_OPTION: &str = "question";
/// The option of `/faq`.
pub const TOPIC_OPTION: &str = "topic";

/// Every command, topics first in FAQ order, then the built-ins.
#[derive(Debug, Clone)]
pub struct Catalogue {
    commands: Vec<Command>,
}

impl Catalogue {
    pub fn new(faq: &Faq) -> Self {
        let topics = faq.topics.iter().enumerate().map(|(i, t)| Command {
            name: t.id.clone(),
            description: t.question.clone(),
            action: Action::Topic(i),
            options: Vec::new(),
        });
        let built_in = [
            Command {
                name: "ask".into(),
                description: "Ask anything about ISO in your own words".into(),
                action: Action::Ask,
                options: vec![CommandOption {
                    name: QUESTION_OPTION,
                    description: "Your question, e.g. “can companies join ISO?”",
                    required: true,
                    autocomplete: true,
                    max_length: limits::MAX_STRING_OPTION,
                }],
            },
            Command {
                name: "faq".into(),
                description: "Browse ISO's FAQ, or show one of its topics".into(),
                action: Action::Faq,
                options: vec![CommandOption {
                    name: TOPIC_OPTION,
                    description: "The topic to show; leave it out to list them all",
                    required: false,
                    autocomplete: true,
                    max_length: limits::MAX_CHOICE_NAME as u16,
                }],
            },
            Command {
                name: "hours".into(),
                description: "Is ISO customer care open right now, and when can I call?".into(),
                action: Action::Hours,
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
        fn key(c: &Command) -> (&str, &str, &[CommandOption]) {
            (&c.name, &c.description, &c.options)
        }
        self.commands
            .iter()
            .map(key)
            .eq(other.commands.iter().map(key))
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
        let faq = Faq::embedded();
        let catalogue = Catalogue::new(&faq);
        let names: Vec<&str> = catalogue
            .commands()
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names.len(), faq.topics.len() + BUILT_IN_COMMANDS.len());
        assert_eq!(&names[faq.topics.len()..], BUILT_IN_COMMANDS);
        for (i, topic) in faq.topics.iter().enumerate() {
            assert_eq!(catalogue.action(&topic.id), Some(Action::Topic(i)));
        }
        assert_eq!(catalogue.action("ask"), Some(Action::Ask));
        assert_eq!(catalogue.action("hours"), Some(Action::Hours));
        assert_eq!(catalogue.action("no-such-topic"), None);
    }

    #[test]
    fn built_in_texts_fit_discord() {
        let catalogue = Catalogue::new(&Faq::embedded());
        for command in catalogue.commands() {
            assert!(limits::is_command_name(&command.name));
            assert!((1..=limits::MAX_DESCRIPTION).contains(&command.description.chars().count()));
            for option in &command.options {
                assert!(limits::is_command_name(option.name));
                assert!((1..=limits::MAX_DESCRIPTION).contains(&option.description.chars().count()));
            }
        }
    }
}
