//! The core's one entry point: a command name, its option and the time in, a [`Reply`] out.
//!
//! The gateway bot, the HTTP interactions endpoint and the command line all answer through
//! this, so they can never disagree. It knows nothing of Discord's wire format.

use jiff::Timestamp;

use crate::core::catalogue::{Action, Catalogue};
use crate::core::faq::Faq;
use crate::core::matcher::Matcher;
use crate::core::reply::{self, Choice, Outcome, Reply};

/// Follow-up buttons carry this before the topic id, so their clicks can be told apart.
const TOPIC_BUTTON: &str = "topic:";

/// Everything needed to answer, built once from the validated FAQ and settings.
#[derive(Debug)]
pub struct Answers {
    faq: Faq,
    catalogue: Catalogue,
    matcher: Matcher,
    public_answers: bool,
}

impl Answers {
    /// `public_answers = false` makes every reply visible to the asker only.
    pub fn new(faq: Faq, public_answers: bool) -> Self {
        Self {
            catalogue: Catalogue::new(&faq),
            matcher: Matcher::new(&faq),
            faq,
            public_answers,
        }
    }

    pub fn faq(&self) -> &Faq {
        &self.faq
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The reply to the slash command `name` with its one text option (`/ask question:`,
    /// `/faq topic:`), if given. A command this FAQ does not have, say one left registered by an
    /// older FAQ, gets a polite pointer to `/faq` rather than silence.
    pub fn command(&self, name: &str, option: Option<&str>, now: Timestamp) -> Reply {
        let reply = match self.catalogue.action(name) {
            Some(Action::Topic(index)) => reply::topic(&self.faq, &self.faq.topics[index], now),
            Some(Action::Ask) => {
                let question = option.unwrap_or_default();
                reply::ask(&self.faq, question, &self.matcher.ask(question), now)
            }
            Some(Action::Faq) => match option.map(str::trim).filter(|t| !t.is_empty()) {
                Some(topic) => reply::faq_topic(&self.faq, &self.matcher, topic, now),
                None => reply::faq_list(&self.faq),
            },
            Some(Action::Hours) => {
                let contact = &self.faq.contact;
                reply::hours(contact, &contact.schedule.status(now), now)
            }
            None => unknown_command(name),
        };
        self.visibility(reply)
    }

    /// Autocomplete choices for the option being typed in the command `name`.
    pub fn autocomplete(&self, name: &str, typed: &str) -> Vec<Choice> {
        match self.catalogue.action(name) {
            Some(Action::Ask) => reply::question_choices(&self.faq, &self.matcher, typed),
            Some(Action::Faq) => reply::topic_choices(&self.faq, &self.matcher, typed),
            _ => Vec::new(),
        }
    }

    /// The reply to a click on a follow-up button: the topic it names.
    pub fn button(&self, custom_id: &str, now: Timestamp) -> Reply {
        let topic = custom_id
            .strip_prefix(TOPIC_BUTTON)
            .and_then(|id| self.faq.topic(id));
        let reply = match topic {
            Some(topic) => reply::topic(&self.faq, topic, now),
            None => Reply {
                title: Some("That topic is gone".to_owned()),
                body: "The FAQ has changed since this button was made. Use `/faq` to see every \
                       topic it has now."
                    .to_owned(),
                ephemeral: true,
                outcome: Outcome::Notice,
                ..Reply::default()
            },
        };
        self.visibility(reply)
    }

    /// The bot's status line now, and when it next needs changing.
    pub fn presence(&self, now: Timestamp) -> (String, Option<Timestamp>) {
        let contact = &self.faq.contact;
        let status = contact.schedule.status(now);
        (reply::presence(contact, &status, now), status.next_change)
    }

    fn visibility(&self, mut reply: Reply) -> Reply {
        reply.ephemeral |= !self.public_answers;
        reply
    }
}

/// The id of the button that shows `topic`.
pub fn topic_button(topic: &str) -> String {
    format!("{TOPIC_BUTTON}{topic}")
}

/// What a user sees who apologises for nothing: the bot failed to answer.
pub fn apology() -> Reply {
    Reply {
        title: Some("Sorry, something went wrong".to_owned()),
        body: "I couldn't answer that just now. Please try again in a moment.".to_owned(),
        ephemeral: true,
        outcome: Outcome::Notice,
        ..Reply::default()
    }
}

fn unknown_command(name: &str) -> Reply {
    Reply {
        title: Some("Unknown command".to_owned()),
        body: format!(
            "`/{}` is not part of this FAQ (any more). Use `/faq` to see every topic, or `/ask` \
             a question in your own words.",
            reply::quote(name)
        ),
        ephemeral: true,
        outcome: Outcome::Notice,
        ..Reply::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-25T10:15:00+01:00".parse().unwrap()
    }

    #[test]
    fn every_registered_command_is_answered() {
        let answers = Answers::new(Faq::embedded(), true);
        for command in answers.catalogue().commands() {
            let reply = answers.command(&command.name, Some("logo"), now());
            assert!(reply.title.is_some(), "/{}", command.name);
            assert_ne!(
                reply.title.as_deref(),
                Some("Unknown command"),
                "/{}",
                command.name
            );
        }
    }

    #[test]
    fn unknown_commands_and_stale_buttons_get_polite_private_replies() {
        let answers = Answers::new(Faq::embedded(), true);
        let unknown = answers.command("old-topic", None, now());
        assert!(unknown.ephemeral);
        assert!(unknown
            .body
            .contains("`/old\\-topic` is not part of this FAQ"));
        let stale = answers.button("topic:old-topic", now());
        assert!(stale.ephemeral);
        let fine = answers.button(&topic_button("logo"), now());
        assert_eq!(
            fine.title.as_deref(),
            Some("Who is allowed to use the ISO logo?")
        );
    }

    #[test]
    fn private_answers_when_configured() {
        let public = Answers::new(Faq::embedded(), true);
        let private = Answers::new(Faq::embedded(), false);
        assert!(!public.command("logo", None, now()).ephemeral);
        assert!(private.command("logo", None, now()).ephemeral);
        assert!(private.button("topic:logo", now()).ephemeral);
    }

    #[test]
    fn autocomplete_only_for_commands_with_options() {
        let answers = Answers::new(Faq::embedded(), true);
        assert_eq!(
            answers.autocomplete("faq", "").len(),
            answers.faq().topics.len()
        );
        assert!(!answers.autocomplete("ask", "logo").is_empty());
        assert!(answers.autocomplete("hours", "x").is_empty());
    }
}
