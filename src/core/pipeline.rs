//! The core's one entry point: a [`Request`] in, a [`Decision`] out.
//!
//! The gateway bot, the HTTP interactions endpoint and the command line each turn their input
//! into a `Request` once and render the `Decision` once, so they can never disagree. The
//! decision says everything the front ends and operations need — the reply as structured
//! data, whether the bot could answer, what insight and metrics record, and the key under which
//! the memory of recent answers knows it — so none of them looks inside the reply to find out.

use jiff::Timestamp;

use crate::core::catalogue::{Action, Catalogue};
use crate::core::faq::Faq;
use crate::core::matcher::{Matcher, Verdict};
use crate::core::reply::{self, Choice, Outcome, Reply, Text};
use crate::core::schedule::Status;

/// Everything needed to answer, built once from the validated FAQ and settings.
#[derive(Debug)]
pub struct Pipeline {
    faq: Faq,
    catalogue: Catalogue,
    matcher: Matcher,
    public_answers: bool,
}

/// One thing a user did, as the core understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    /// Where it happened, for the memory of recent answers; `None` outside a channel (the
    /// command line).
    pub channel: Option<u64>,
    /// Who did it; never stored, only passed on.
    pub user: Option<u64>,
    /// The user's language as Discord names it (`fr`, `en-GB`), when known.
    pub locale: Option<String>,
    /// The instant to answer for: every time in the reply is computed from it.
    pub now: Timestamp,
}

/// What the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A slash command, with the options it was given.
    Command { name: String, options: Options },
    /// Suggestions wanted for the option being typed in `command`.
    Autocomplete { command: String, typed: String },
    /// A click on a follow-up button: the topic it shows, or `None` for a button the FAQ no
    /// longer knows.
    Button { topic: Option<String> },
}

/// The options faqbot's commands take, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `/ask question:`.
    pub question: Option<String>,
    /// `/faq topic:`.
    pub topic: Option<String>,
}

/// What to do about a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub response: Response,
    /// What kind of request it was, and which of faqbot's commands, for logs and metrics.
    pub label: Label,
    /// Whether the bot could answer.
    pub outcome: Outcome,
    /// What insight keeps of it, if anything.
    pub insight: Option<Insight>,
    /// The key under which a public answer is remembered, so that the same answer is not
    /// posted twice in a row in one channel; `None` for anything not posted publicly.
    pub repeat: Option<RepeatKey>,
    /// What the reply was decided from, for front ends that show it as data.
    pub detail: Detail,
}

/// What goes back to the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Message(Reply),
    Choices(Vec<Choice>),
}

/// The kind of request, for logs and metrics labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Command,
    Autocomplete,
    Button,
}

impl RequestKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Command => "command",
            Self::Autocomplete => "autocomplete",
            Self::Button => "button",
        }
    }
}

/// Which request this was, in the few words logs and metrics use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub kind: RequestKind,
    /// The command's name as the user sent it (`topic` for a button).
    pub name: String,
    /// Whether `name` is one of faqbot's commands: metrics name only those, so that made-up
    /// names cannot grow their label sets.
    pub known: bool,
    /// The command's action, when it is one of faqbot's.
    pub action: Option<Action>,
}

impl Label {
    /// Whether this was `/ask`, whose refusals have a metric of their own.
    pub fn is_ask(&self) -> bool {
        self.action == Some(Action::Ask)
    }
}

/// What insight keeps of an interaction: never who asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Insight {
    /// A topic was shown.
    Answered { topic: String },
    /// A question got no sure answer.
    Unanswered { question: String, outcome: Outcome },
}

/// A public answer in a channel, as the memory of recent answers knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RepeatKey {
    pub channel: u64,
    /// The answer's words: the same answer, however it was asked for.
    pub answer: u64,
}

/// What a reply was decided from.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    None,
    /// `/ask` (or `/faq` with free text): the question and the matcher's verdict.
    Ask {
        question: String,
        verdict: Verdict,
    },
    /// `/hours` (and the contact topic): customer care's status.
    Hours(Status),
}

impl Pipeline {
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

    /// What to answer to `request`.
    pub fn decide(&self, request: &Request) -> Decision {
        let now = request.now;
        match &request.kind {
            Kind::Command { name, options } => {
                let action = self.catalogue.action(name);
                let label = Label {
                    kind: RequestKind::Command,
                    name: name.clone(),
                    known: action.is_some(),
                    action,
                };
                let (reply, detail) = match action {
                    Some(Action::Topic(index)) => {
                        let topic = &self.faq.topics[index];
                        (reply::topic(&self.faq, topic, now), Detail::None)
                    }
                    Some(Action::Ask) => {
                        let question = options.question.clone().unwrap_or_default();
                        self.ask(&question, now)
                    }
                    Some(Action::Faq) => match options.topic.as_deref().map(str::trim) {
                        Some(id) if self.faq.topic(id).is_some() => {
                            let topic = self.faq.topic(id).expect("just found");
                            (reply::topic(&self.faq, topic, now), Detail::None)
                        }
                        Some(typed) if !typed.is_empty() => self.ask(typed, now),
                        _ => (reply::faq_list(&self.faq), Detail::None),
                    },
                    Some(Action::Hours) => {
                        let contact = &self.faq.contact;
                        let status = contact.schedule.status(now);
                        (reply::hours(contact, &status, now), Detail::Hours(status))
                    }
                    None => (unknown_command(name), Detail::None),
                };
                self.message(request, label, reply, detail)
            }
            Kind::Autocomplete { command, typed } => {
                let action = self.catalogue.action(command);
                let choices = match action {
                    Some(Action::Ask) => reply::question_choices(&self.faq, &self.matcher, typed),
                    Some(Action::Faq) => reply::topic_choices(&self.faq, &self.matcher, typed),
                    _ => Vec::new(),
                };
                Decision {
                    response: Response::Choices(choices),
                    label: Label {
                        kind: RequestKind::Autocomplete,
                        name: command.clone(),
                        known: action.is_some(),
                        action,
                    },
                    outcome: Outcome::Answered,
                    insight: None,
                    repeat: None,
                    detail: Detail::None,
                }
            }
            Kind::Button { topic } => {
                let reply = match topic.as_deref().and_then(|id| self.faq.topic(id)) {
                    Some(topic) => reply::topic(&self.faq, topic, now),
                    None => stale_button(),
                };
                let label = Label {
                    kind: RequestKind::Button,
                    name: "topic".to_owned(),
                    known: true,
                    action: None,
                };
                self.message(request, label, reply, Detail::None)
            }
        }
    }

    /// The decision for the same answer asked for again in a channel that has just had it
    /// (the memory of recent answers knows when, and the front end maybe where): the asker
    /// gets the answer itself, privately, with a pointer to the public one.
    pub fn repeat(&self, decision: Decision, at: Timestamp, link: Option<&str>) -> Decision {
        let Response::Message(reply) = &decision.response else {
            return decision;
        };
        Decision {
            response: Response::Message(reply::repeat(reply, at, link)),
            repeat: None,
            ..decision
        }
    }

    /// The bot's status line now, and when it next needs changing.
    pub fn presence(&self, now: Timestamp) -> (String, Option<Timestamp>) {
        let contact = &self.faq.contact;
        let status = contact.schedule.status(now);
        (reply::presence(contact, &status, now), status.next_change)
    }

    fn ask(&self, question: &str, now: Timestamp) -> (Reply, Detail) {
        let verdict = self.matcher.ask(question);
        let reply = reply::ask(&self.faq, question, &verdict, now);
        let detail = Detail::Ask {
            question: question.trim().to_owned(),
            verdict,
        };
        (reply, detail)
    }

    fn message(
        &self,
        request: &Request,
        label: Label,
        mut reply: Reply,
        detail: Detail,
    ) -> Decision {
        reply.ephemeral |= !self.public_answers;
        let insight = match (reply.outcome, &detail) {
            (Outcome::Answered, _) => reply.topic.clone().map(|topic| Insight::Answered { topic }),
            (Outcome::Unsure | Outcome::Refused, Detail::Ask { question, .. }) => {
                Some(Insight::Unanswered {
                    question: question.clone(),
                    outcome: reply.outcome,
                })
            }
            _ => None,
        };
        let repeat = match request.channel {
            Some(channel) if !reply.ephemeral => Some(RepeatKey {
                channel,
                answer: fingerprint(&reply),
            }),
            _ => None,
        };
        Decision {
            outcome: reply.outcome,
            response: Response::Message(reply),
            label,
            insight,
            repeat,
            detail,
        }
    }
}

/// What a user sees when the bot failed to answer: said by the front end that failed.
pub fn apology() -> Reply {
    Reply {
        title: Some(Text::from("Sorry, something went wrong")),
        body: Text::from("I couldn't answer that just now. Please try again in a moment."),
        ephemeral: true,
        outcome: Outcome::Notice,
        ..Reply::default()
    }
}

/// What makes two replies the same answer: their words, not when or to whom they were sent.
fn fingerprint(reply: &Reply) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    reply.title.as_ref().map(Text::words).hash(&mut hasher);
    reply.body.words().hash(&mut hasher);
    hasher.finish()
}

fn stale_button() -> Reply {
    Reply {
        title: Some(Text::from("That topic is gone")),
        body: Text::new()
            .plain("The FAQ has changed since this button was made. Use ")
            .command("faq")
            .plain(" to see every topic it has now."),
        ephemeral: true,
        outcome: Outcome::Notice,
        ..Reply::default()
    }
}

/// A command this FAQ does not have, say one left registered by an older FAQ, gets a polite
/// pointer to `/faq` rather than silence.
fn unknown_command(name: &str) -> Reply {
    Reply {
        title: Some(Text::from("Unknown command")),
        body: Text::new()
            .command(name)
            .plain(" is not part of this FAQ (any more). Use ")
            .command("faq")
            .plain(" to see every topic, or ")
            .command("ask")
            .plain(" a question in your own words."),
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

    fn command(name: &str, question: Option<&str>) -> Request {
        Request {
            kind: Kind::Command {
                name: name.to_owned(),
                options: Options {
                    question: question.map(str::to_owned),
                    topic: None,
                },
            },
            channel: Some(7),
            user: Some(1),
            locale: None,
            now: now(),
        }
    }

    fn message(decision: &Decision) -> &Reply {
        match &decision.response {
            Response::Message(reply) => reply,
            Response::Choices(_) => panic!("a message"),
        }
    }

    #[test]
    fn every_registered_command_is_answered() {
        let pipeline = Pipeline::new(Faq::embedded(), true);
        for command in pipeline.catalogue().commands() {
            let decision = pipeline.decide(&self::command(&command.name, Some("logo")));
            assert!(decision.label.known, "/{}", command.name);
            assert_ne!(
                message(&decision).title,
                Some(Text::from("Unknown command")),
                "/{}",
                command.name
            );
        }
    }

    #[test]
    fn unknown_commands_and_stale_buttons_get_polite_private_replies() {
        let pipeline = Pipeline::new(Faq::embedded(), true);
        let unknown = pipeline.decide(&command("old-topic", None));
        assert!(message(&unknown).ephemeral);
        assert!(!unknown.label.known);
        assert_eq!(unknown.repeat, None, "private replies are never repeats");
        let button = |topic: Option<&str>| Request {
            kind: Kind::Button {
                topic: topic.map(str::to_owned),
            },
            ..command("x", None)
        };
        assert!(message(&pipeline.decide(&button(Some("old-topic")))).ephemeral);
        assert!(message(&pipeline.decide(&button(None))).ephemeral);
        let fine = pipeline.decide(&button(Some("logo")));
        assert_eq!(
            message(&fine).title,
            Some(Text::from("Who is allowed to use the ISO logo?"))
        );
        assert_eq!(
            fine.insight,
            Some(Insight::Answered {
                topic: "logo".to_owned()
            })
        );
    }

    #[test]
    fn ask_decisions_carry_the_verdict_and_what_insight_keeps() {
        let pipeline = Pipeline::new(Faq::embedded(), true);
        let answered = pipeline.decide(&command("ask", Some("can companies join ISO?")));
        assert_eq!(answered.outcome, Outcome::Answered);
        assert!(answered.label.is_ask());
        assert!(answered.repeat.is_some(), "a public answer in a channel");
        let refused = pipeline.decide(&command("ask", Some("how do I mount an iso file")));
        assert_eq!(refused.outcome, Outcome::Refused);
        assert_eq!(
            refused.insight,
            Some(Insight::Unanswered {
                question: "how do I mount an iso file".to_owned(),
                outcome: Outcome::Refused
            })
        );
        assert!(matches!(refused.detail, Detail::Ask { .. }));
    }

    #[test]
    fn the_same_answer_has_the_same_key_however_it_was_asked() {
        let pipeline = Pipeline::new(Faq::embedded(), true);
        let by_command = pipeline.decide(&command("membership", None));
        let by_ask = pipeline.decide(&command("ask", Some("can companies join ISO?")));
        assert_eq!(by_command.repeat, by_ask.repeat);
        assert_ne!(
            by_command.repeat,
            pipeline.decide(&command("logo", None)).repeat
        );
    }

    #[test]
    fn a_repeat_gives_the_asker_the_answer_itself_privately() {
        let pipeline = Pipeline::new(Faq::embedded(), true);
        let first = pipeline.decide(&command("logo", None));
        let again = pipeline.repeat(
            first.clone(),
            now(),
            Some("https://discord.com/channels/1/2/3"),
        );
        let (public, private) = (message(&first), message(&again));
        assert!(private.ephemeral && !public.ephemeral);
        assert_eq!(private.body, public.body, "the answer itself");
        assert!(private.fields[0]
            .value
            .words()
            .contains("https://discord.com/channels/1/2/3"));
        assert_eq!(again.repeat, None);
        assert_eq!(again.insight, first.insight);
    }

    #[test]
    fn private_answers_when_configured() {
        let private = Pipeline::new(Faq::embedded(), false);
        let decision = private.decide(&command("logo", None));
        assert!(message(&decision).ephemeral);
        assert_eq!(decision.repeat, None);
    }

    #[test]
    fn autocomplete_only_for_commands_with_options() {
        let pipeline = Pipeline::new(Faq::embedded(), true);
        let complete = |command: &str, typed: &str| {
            let decision = pipeline.decide(&Request {
                kind: Kind::Autocomplete {
                    command: command.to_owned(),
                    typed: typed.to_owned(),
                },
                ..self::command("x", None)
            });
            match decision.response {
                Response::Choices(choices) => choices.len(),
                Response::Message(_) => panic!("choices"),
            }
        };
        assert_eq!(complete("faq", ""), pipeline.faq().topics.len());
        assert!(complete("ask", "logo") > 0);
        assert_eq!(complete("hours", "x"), 0);
    }
}
