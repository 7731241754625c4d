//! The names of faqbot's own commands and options, in English and in French (Discord shows a
//! command under its name in the user's language): what the catalogue registers, what the
//! bot's words call them, and what no topic of the FAQ may take.

/// faqbot's own commands, besides one per topic: names no topic may take.
pub const BUILT_IN_COMMANDS: [&str; 3] = ["ask", "faq", "hours"];

/// The option of `/ask`.
pub const QUESTION_OPTION: &str = "question";
/// The option of `/faq`.
pub const TOPIC_OPTION: &str = "topic";
/// The option of every command that answers: whom the answer is for.
pub const FOR_OPTION: &str = "for";
/// The message command's name unless the config names it otherwise.
pub const DEFAULT_MENU_NAME: &str = "Answer with FAQ";

/// The names French users see, so that the bot's French words name the commands as they
/// appear.
pub const ASK_FR: &str = "demander";
pub const HOURS_FR: &str = "horaires";
pub const TOPIC_OPTION_FR: &str = "sujet";
pub const FOR_OPTION_FR: &str = "pour";
