//! The core's [`Text`] as Discord markdown: stressed words in `**bold**`, commands in code
//! spans, instants as `<t:UNIX:STYLE>` timestamps that Discord shows in each reader's own time
//! zone, and users' own words escaped so that they show as typed, format nothing and ping no one.
//! The only place faqbot writes Discord markup.

use crate::core::reply::{Span, Text, TimeStyle};

/// `text` as Discord markdown.
pub fn render(text: &Text) -> String {
    let mut out = String::new();
    for span in text.spans() {
        match span {
            Span::Plain(words) => out.push_str(words),
            Span::Strong(words) => {
                out.push_str("**");
                out.push_str(&escape(words));
                out.push_str("**");
            }
            Span::Quote(typed) => out.push_str(&escape(typed)),
            Span::Time(at, style) => {
                let style = match style {
                    TimeStyle::Time => 't',
                    TimeStyle::DayDateTime => 'F',
                    TimeStyle::Relative => 'R',
                };
                out.push_str(&format!("<t:{}:{style}>", at.as_second()));
            }
            Span::Command(name) => {
                // Backticks cannot be escaped inside a code span: a name holding one is quoted.
                if name.contains('`') {
                    out.push('/');
                    out.push_str(&escape(name));
                } else {
                    out.push_str(&format!("`/{name}`"));
                }
            }
            Span::Break => out.push('\n'),
        }
    }
    out
}

/// Text shown exactly as typed: markdown and mention syntax escaped, and a zero-width space
/// after `@`, so `@everyone`, `<@id>`, `**bold**` and `<t:…>` are letters, not markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' | ':'
            | '-' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200b}"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    #[test]
    fn spans_become_markdown_and_timestamps() {
        let at = Timestamp::from_second(1_800_000_000).unwrap();
        let text = Text::new()
            .plain("🟢 ")
            .strong("Open now")
            .plain(" · closes ")
            .time(at, TimeStyle::Time)
            .plain(" (")
            .time(at, TimeStyle::Relative)
            .plain(")")
            .line_break()
            .plain("See ")
            .command("hours");
        assert_eq!(
            render(&text),
            "🟢 **Open now** · closes <t:1800000000:t> (<t:1800000000:R>)\nSee `/hours`"
        );
    }

    #[test]
    fn users_words_defuse_mentions_and_markdown() {
        assert_eq!(
            render(&Text::new().quote("@everyone **free** <@123>")),
            "@\u{200b}everyone \\*\\*free\\*\\* \\<@\u{200b}123\\>"
        );
        assert_eq!(
            render(&Text::new().quote("<t:1:R> [link](http://x)")),
            "\\<t\\:1\\:R\\> \\[link\\]\\(http\\://x\\)"
        );
        assert_eq!(render(&Text::new().command("a`b")), "/a\\`b");
    }
}
