//! A chat message taken apart: which sentences ask, which only set the scene.
//!
//! People on Discord rarely type a bare question. They greet, say who they are and why they
//! ask, paste a mention or an emoji, and somewhere in there is the question. The matcher
//! should judge a message by what it asks, so a greeting and two sentences of context must
//! not count against an answer the way an off-topic word in the question itself does. This
//! module strips chat markup (mentions, custom emoji, links, code blocks), cuts the message
//! into sentences and marks each as asking or as context.

use crate::core::text::{words, MAX_QUESTION_CHARS, MAX_WORDS};
use crate::core::vocabulary::{is_stop_word, vocabulary};

/// What a sentence does in its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// It asks: it ends with a question mark, opens with a question word, or says the writer
    /// wants to know something. A message with no such sentence is all question.
    Asking,
    /// It sets the scene: who is asking, why, what happened.
    Context,
}

/// One sentence of a message: its folded words and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub role: Role,
}

/// The sentences of `message` that have words, in order, with their roles. At most
/// [`MAX_QUESTION_CHARS`] characters and [`MAX_WORDS`] words are read, whatever the input.
pub fn sentences(message: &str) -> Vec<Sentence> {
    let message = match message.char_indices().nth(MAX_QUESTION_CHARS) {
        Some((end, _)) => &message[..end],
        None => message,
    };
    let cleaned = strip_markup(message);
    let mut out: Vec<Sentence> = Vec::new();
    let mut budget = MAX_WORDS;
    for (text, question_mark) in split(&cleaned) {
        if budget == 0 {
            break;
        }
        let words: Vec<String> = words(text).take(budget).collect();
        if words.is_empty() {
            continue;
        }
        budget -= words.len();
        let role = if question_mark || asks(&words) {
            Role::Asking
        } else {
            Role::Context
        };
        out.push(Sentence { words, role });
    }
    // A message with no question, or whose only questions carry no content of their own ("Any
    // ideas?", "Can someone help?"), asks what its other sentences say.
    let has_content = |s: &Sentence| {
        let content = s.words.iter().filter(|w| !is_stop_word(w)).count();
        content >= 2 || content == 1 && s.words.len() > 4
    };
    let asks_something = out.iter().any(|s| s.role == Role::Asking && has_content(s));
    if !asks_something {
        for sentence in &mut out {
            sentence.role = Role::Asking;
        }
    }
    out
}

/// The message without what chat adds around words: code blocks, mentions of users, roles and
/// channels (`<@123>`, `@helpers`), custom emoji and timestamps (`<:name:123>`, `<t:1:R>`),
/// emoji shortcodes (`:wave:`) and links. Each becomes a space.
fn strip_markup(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    let mut word_start = true;
    while let Some(c) = rest.chars().next() {
        let skip = if let Some(code) = rest.strip_prefix("```") {
            code.find("```").map_or(rest.len(), |end| end + 6)
        } else if c == '<' {
            // Tags are short: look no further than this for their end, so a message of many
            // `<` costs linear time.
            let window = &rest.as_bytes()[..rest.len().min(TAG_WINDOW)];
            window
                .iter()
                .position(|&b| b == b'>')
                .filter(|&end| is_discord_tag(&rest[1..end]))
                .map_or(0, |end| end + 1)
        } else if c == '@' && word_start {
            // A mention, not the `@` of an e-mail address.
            1 + word_len(&rest[1..])
        } else if c == ':' {
            let name = &rest[1..1 + word_len(&rest[1..])];
            let emoji = name.len() > 1 && name.bytes().any(|b| b.is_ascii_alphabetic());
            if emoji && rest[1 + name.len()..].starts_with(':') {
                name.len() + 2
            } else {
                0
            }
        } else if rest.starts_with("http://") || rest.starts_with("https://") {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        } else {
            0
        };
        if skip > 0 {
            out.push(' ');
            rest = &rest[skip..];
            word_start = true;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            word_start = !c.is_alphanumeric();
        }
    }
    out
}

/// The longest Discord tag (`<a:name:id>`) looked for.
const TAG_WINDOW: usize = 100;

/// The inside of `<…>` that Discord renders as a mention, channel, emoji or timestamp.
fn is_discord_tag(inside: &str) -> bool {
    let id = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let inside = inside.strip_prefix('a').unwrap_or(inside);
    if let Some(user) = inside.strip_prefix('@') {
        return id(user.trim_start_matches(['!', '&']));
    }
    if let Some(channel) = inside.strip_prefix('#') {
        return id(channel);
    }
    if let Some(time) = inside.strip_prefix("t:") {
        return id(time.split(':').next().unwrap_or_default());
    }
    match inside.strip_prefix(':').and_then(|e| e.rsplit_once(':')) {
        Some((name, emoji)) => !name.is_empty() && id(emoji),
        None => false,
    }
}

/// Length in bytes of the run of word characters (letters, digits, `_`, `-`) `s` starts with.
fn word_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(s.len())
}

/// Sentences of plain text, each with whether it ended in a question mark. Sentences end at
/// a line break, `?`, `!`, `;`, and at `.` or `:` before a space (not in "8.5" or "9001:2015").
fn split(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let before_space = chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        let ends = match c {
            '\n' | '?' | '!' | ';' | '…' | '¿' | '？' | '！' => true,
            '.' | ':' | '。' => before_space,
            _ => false,
        };
        if ends {
            out.push((&text[start..i], c == '?' || c == '？'));
            start = i + c.len_utf8();
        }
    }
    out.push((&text[start..], false));
    out
}

/// Whether a sentence without a question mark still asks: it opens with a question word or a
/// request, perhaps after a filler ("so", "also", "quick question"), or it says the writer
/// wants to know.
fn asks(words: &[String]) -> bool {
    let vocabulary = vocabulary();
    let first = words.iter().find(|w| !vocabulary.is_opening_filler(w));
    if first.is_some_and(|w| vocabulary.is_question_opener(w)) {
        return true;
    }
    words
        .windows(2)
        .any(|pair| vocabulary.wants_to_know(&pair[0], &pair[1]))
        || words.iter().any(|w| w == "whether" || w == "wondering")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(message: &str) -> Vec<(String, Role)> {
        sentences(message)
            .into_iter()
            .map(|s| (s.words.join(" "), s.role))
            .collect()
    }

    #[test]
    fn finds_the_sentence_that_asks() {
        assert_eq!(
            roles(
                "Hi all 👋 We're a small bakery in Lyon. Our biggest customer wants ISO 9001. \
                 Does ISO certify us, or who does? thanks!!"
            ),
            [
                // An emoji is no full stop: the greeting runs into the next sentence.
                (
                    "hi all we re a small bakery in lyon".to_owned(),
                    Role::Context
                ),
                (
                    "our biggest customer wants iso 9001".to_owned(),
                    Role::Context
                ),
                (
                    "does iso certify us, or who does".replace(',', ""),
                    Role::Asking
                ),
                ("thanks".to_owned(), Role::Context),
            ]
        );
    }

    #[test]
    fn a_message_that_never_asks_is_all_question() {
        assert!(sentences("certification body. in Kenya")
            .iter()
            .all(|s| s.role == Role::Asking));
        assert!(sentences("iso logo rules for packaging")
            .iter()
            .all(|s| s.role == Role::Asking));
    }

    #[test]
    fn question_words_and_wanting_to_know_ask_without_a_question_mark() {
        let asking =
            |text: &str| sentences(&format!("Context here. {text}. Why is the sky blue?"))[1].role;
        assert_eq!(asking("so how do we join"), Role::Asking);
        assert_eq!(asking("quick question who runs iso"), Role::Asking);
        assert_eq!(
            asking("I'd like to know whether companies can join"),
            Role::Asking
        );
        assert_eq!(asking("comment adhérer à l'iso"), Role::Asking);
        assert_eq!(asking("We make bread"), Role::Context);
    }

    #[test]
    fn chat_markup_is_not_words() {
        let words: Vec<String> = sentences(
            "<@123> <@!45> <@&6> <#7> @helpers <:iso:8> <a:spin:9> <t:1700000000:R> :wave: \
             ```fn main() {}``` https://example.com/a?b logo",
        )
        .into_iter()
        .flat_map(|s| s.words)
        .collect();
        assert_eq!(words, ["logo"]);
        // What only looks like markup stays.
        let kept: Vec<String> = sentences("a <b> c: ISO 9001:2015 section 8.5")
            .into_iter()
            .flat_map(|s| s.words)
            .collect();
        assert_eq!(
            kept,
            ["a", "b", "c", "iso", "9001", "2015", "section", "8", "5"]
        );
    }

    #[test]
    fn a_question_without_content_asks_what_the_rest_says() {
        let read = sentences("We want the ISO logo on our packaging. Any ideas?");
        assert!(read.iter().all(|s| s.role == Role::Asking), "{read:?}");
        let read = sentences("We make bread. Can ISO certify bakeries?");
        assert_eq!(read[0].role, Role::Context);
    }

    #[test]
    fn addresses_and_times_are_not_markup() {
        let words: Vec<String> = sentences("mail info@iso.org at 10:30:45 :wave:")
            .into_iter()
            .flat_map(|s| s.words)
            .collect();
        assert_eq!(
            words,
            ["mail", "info", "iso", "org", "at", "10", "30", "45"]
        );
    }

    #[test]
    fn thousands_of_angle_brackets_make_no_sentence() {
        let many = format!("{}>", "<:".repeat(3000));
        assert!(sentences(&many).is_empty());
    }

    #[test]
    fn words_are_bounded_over_the_whole_message() {
        let long = "why is this so. ".repeat(1000);
        let total: usize = sentences(&long).iter().map(|s| s.words.len()).sum();
        assert_eq!(total, MAX_WORDS);
        let unclosed = format!("```{}", "x".repeat(10_000));
        assert!(sentences(&unclosed).is_empty());
    }
}
