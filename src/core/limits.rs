//! What a front end can register and show, as the core is told it: the FAQ is validated
//! against it when loaded, so that an admin hears at load time what the platform would
//! otherwise refuse at registration or reply time, and replies size themselves by it. The core
//! knows no platform's numbers: Discord's are in `frontends/discord/limits.rs`.

/// The sizes one front end allows, in characters unless said otherwise.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Who sets them, for error messages ("Discord allows 100 commands…").
    pub platform: &'static str,
    /// Commands one application may register.
    pub commands: usize,
    /// A command's name.
    pub name: usize,
    /// A command's description: a topic's question is one.
    pub description: usize,
    /// The main text of one message: a topic's answer, the topic list.
    pub message: usize,
    /// What holds that text there, as error messages name it ("one embed").
    pub message_kind: &'static str,
    /// The FAQ's intro, which the topic list shows above the topics in one message.
    pub intro: usize,
    /// Choices offered at once while a member types.
    pub choices: usize,
    /// One choice's text.
    pub choice_name: usize,
    /// A question typed into a command.
    pub question: usize,
    /// Whether a text can be a command's name there.
    pub is_command_name: fn(&str) -> bool,
    /// What a command's name may be, as the help of an error says it.
    pub command_names: &'static str,
}

/// The room a topic's answer leaves in its message for the note above it that says it is in
/// English (`Words::answer_in_english` and a line break), so that no translation of the note
/// can push an answer past the front end's limit.
pub const ANSWER_NOTE_ROOM: usize = 64;

impl Limits {
    /// No front end's limits: for the core's own tests and for tools that show nothing on a
    /// platform. A command's name is still one word of letters, digits, `-` and `_`, which
    /// buttons and logs can carry.
    pub const NONE: Self = Self {
        platform: "no front end",
        commands: usize::MAX,
        name: usize::MAX,
        description: usize::MAX,
        message: usize::MAX,
        message_kind: "one message",
        intro: usize::MAX,
        choices: usize::MAX,
        choice_name: usize::MAX,
        question: usize::MAX,
        is_command_name: is_word,
        command_names: "one word of letters, digits, `-` or `_`",
    };

    /// Whether `name` can be a command's name.
    pub fn is_command_name(&self, name: &str) -> bool {
        (self.is_command_name)(name)
    }
}

fn is_word(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || c.is_alphanumeric())
}
