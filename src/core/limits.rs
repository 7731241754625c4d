//! Discord's limits on what a bot registers and sends, in one place, so that validation catches
//! at load time what Discord would otherwise reject at registration or reply time.

/// Application commands an application may register (global or per guild).
pub const MAX_COMMANDS: usize = 100;
/// A command's or option's description, in characters.
pub const MAX_DESCRIPTION: usize = 100;
/// A command's or option's name, in characters.
pub const MAX_NAME: usize = 32;
/// An embed's description, in characters.
pub const MAX_EMBED_DESCRIPTION: usize = 4096;
/// Choices in one autocomplete answer.
pub const MAX_CHOICES: usize = 25;
/// A choice's name, in characters.
pub const MAX_CHOICE_NAME: usize = 100;
/// A string option's value, in characters.
pub const MAX_STRING_OPTION: u16 = 6000;

/// Whether `name` is a valid chat-input command name: `^[-_\p{L}\p{N}]{1,32}$`, and lowercase.
pub fn is_command_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=MAX_NAME).contains(&count)
        && name
            .chars()
            .all(|c| (c == '-' || c == '_' || c.is_alphanumeric()) && !c.is_uppercase())
}

/// The FAQ's intro, in characters: `/faq` lists the topics under it in one embed, so it leaves
/// room for them.
pub const MAX_INTRO: usize = 3000;

#[cfg(test)]
mod tests {
    use super::*;

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
}
