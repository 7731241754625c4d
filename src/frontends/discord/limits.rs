//! Discord's limits on what a bot registers and sends, in one place: the core is handed them
//! as [`LIMITS`] (the FAQ is validated against them at load, and replies size themselves by
//! them), and `response.rs` cuts what it sends to the embed and component limits.

use crate::core::limits::Limits;

/// Application commands an application may register (global or per guild).
pub const COMMANDS: usize = 100;
/// A command's or option's name.
pub const NAME: usize = 32;
/// A command's or option's description.
pub const DESCRIPTION: usize = 100;
/// Choices in one autocomplete answer.
pub const CHOICES: usize = 25;
/// A choice's name.
pub const CHOICE_NAME: usize = 100;
/// A string option's value.
pub const STRING_OPTION: usize = 6000;

/// An embed's title.
pub const TITLE: usize = 256;
/// An embed's description.
pub const EMBED_DESCRIPTION: usize = 4096;
/// A field's name and value.
pub const FIELD_NAME: usize = 256;
pub const FIELD_VALUE: usize = 1024;
/// Fields in one embed.
pub const FIELDS: usize = 25;
/// All the texts of one embed together: title, description, field names and values.
pub const EMBED: usize = 6000;
/// A message's content (outside its embeds).
pub const CONTENT: usize = 2000;
/// A button's label.
pub const BUTTON_LABEL: usize = 80;
pub const BUTTONS_PER_ROW: usize = 5;
/// Rows of components under one message.
pub const ROWS: usize = 5;
/// Options of one select menu, each label's length, and its placeholder's.
pub const OPTIONS: usize = 25;
pub const OPTION_LABEL: usize = 100;
pub const PLACEHOLDER: usize = 150;

/// What the core is told: a topic's answer is an embed's description, and `/faq` lists the
/// topics under the intro in one.
pub const LIMITS: Limits = Limits {
    platform: "Discord",
    commands: COMMANDS,
    name: NAME,
    description: DESCRIPTION,
    message: EMBED_DESCRIPTION,
    message_kind: "one embed",
    // Room left under it for the topics' lines.
    intro: 3000,
    choices: CHOICES,
    choice_name: CHOICE_NAME,
    question: STRING_OPTION,
    is_command_name,
    command_names: "1–32 lowercase letters, digits, `-` or `_`",
};

/// Whether `name` is a valid chat-input command name: `^[-_\p{L}\p{N}]{1,32}$`, and lowercase.
pub fn is_command_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=NAME).contains(&count)
        && name
            .chars()
            .all(|c| (c == '-' || c == '_' || c.is_alphanumeric()) && !c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::{Catalogue, CommandKind};
    use crate::core::faq::Faq;

    #[test]
    fn command_names_follow_discord() {
        for good in [
            "logo",
            "new-standards",
            "iso_9001",
            "adhésion",
            "会员",
            "a",
            &"x".repeat(32),
        ] {
            assert!(is_command_name(good), "{good}");
        }
        for bad in [
            "",
            "Logo",
            "new standards",
            "logo!",
            "we'll",
            &"x".repeat(33),
        ] {
            assert!(!is_command_name(bad), "{bad}");
        }
    }

    #[test]
    fn the_catalogue_fits_discord() {
        let catalogue = Catalogue::new(&Faq::embedded(&LIMITS));
        let fits = |text: &str| (1..=DESCRIPTION).contains(&text.chars().count());
        for command in catalogue.commands() {
            if command.kind == CommandKind::Message {
                assert!((1..=NAME).contains(&command.name.chars().count()));
                assert_eq!(
                    command.names.len(),
                    11,
                    "the menu's name in every catalogue"
                );
                for (locale, name) in &command.names {
                    assert!((1..=NAME).contains(&name.chars().count()), "{locale}");
                }
                continue;
            }
            assert!(is_command_name(&command.name));
            assert!(command.names.iter().all(|(_, name)| is_command_name(name)));
            assert!(fits(&command.description.english), "/{}", command.name);
            let french = command.description.get("fr");
            assert!(french.is_some_and(fits), "/{} in French", command.name);
            for option in &command.options {
                assert!(is_command_name(option.name));
                assert!(option.name_fr.is_none_or(is_command_name));
                assert!(fits(&option.description.english));
                assert!(
                    option.description.get("fr").is_some_and(fits),
                    "{}",
                    option.name
                );
            }
        }
    }
}
