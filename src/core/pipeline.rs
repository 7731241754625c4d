//! The core's one entry point: a [`Request`] in, a [`Decision`] out.
//!
//! The gateway bot, the HTTP interactions endpoint and the command line each turn their input
//! into a `Request` once and render the `Decision` once, so they can never disagree. The
//! decision says everything the front ends and operations need — the reply as structured
//! data, whether the bot could answer, what insight and metrics record, and the key under which
//! the memory of recent answers knows it — so none of them looks inside the reply to find out.

use jiff::Timestamp;

use crate::core::catalogue::{Action, Catalogue, DEFAULT_MENU_NAME};
use crate::core::faq::{Faq, TopicId};
use crate::core::ids::{ChannelId, MessageId, RoleId, UserId};
use crate::core::lang::Lang;
use crate::core::matcher::{Matcher, Verdict};
pub use crate::core::memory::RepeatKey;
use crate::core::memory::VoteBy;
use crate::core::reply::{
    self, Addressed, Choice, Doubt, Outcome, Pick, Reply, Shape, Target, Text, VoteKey, Votes,
};
use crate::core::schedule::Status;
use crate::core::text;

/// Everything needed to answer, built once from the validated FAQ and settings.
#[derive(Debug)]
pub struct Pipeline {
    faq: Faq,
    catalogue: Catalogue,
    matcher: Matcher,
    settings: Settings,
}

/// How the deployment wants the bot to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `false` makes every reply visible to the asker only.
    pub public_answers: bool,
    /// The name of the message context-menu command.
    pub menu_name: String,
    /// The helpers' role: a forum post faqbot has no sure answer to gets a note calling it,
    /// instead of silence.
    pub helpers_role: Option<RoleId>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            public_answers: true,
            menu_name: DEFAULT_MENU_NAME.to_owned(),
            helpers_role: None,
        }
    }
}

/// One thing a user did, as the core understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: Kind,
    /// Where it happened, for the memory of recent answers; `None` outside a channel (the
    /// command line).
    pub channel: Option<ChannelId>,
    /// Who did it, for one vote per member; `None` when no one did (a forum post's answer, the
    /// command line).
    pub user: Option<UserId>,
    /// The message whose button or menu was used (the answer voted on).
    pub message: Option<MessageId>,
    /// The user's language, resolved from their Discord locale by the front end.
    pub lang: Lang,
    /// Whether Discord shows whatever is sent to this user only: a user-installed app in a
    /// server that does not let its members use external apps publicly. Nothing is then meant
    /// for others: no one is addressed, and nothing counts as posted.
    pub private_only: bool,
}

impl Request {
    /// A request from no one in particular, outside any channel: the command line's.
    pub fn new(kind: Kind, lang: Lang) -> Self {
        Self {
            kind,
            channel: None,
            user: None,
            message: None,
            lang,
            private_only: false,
        }
    }
}

/// What the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A slash command, with the options it was given.
    Command { name: String, options: Options },
    /// Suggestions wanted for the option being typed in `command`.
    Autocomplete { command: String, typed: String },
    /// A click on one of faqbot's buttons or menus.
    Button(Press),
    /// "Answer with FAQ" on a member's message.
    MessageMenu(Message),
    /// A new post in a forum the bot watches: its title, and its first message when known.
    ForumPost { title: String, body: Option<String> },
}

/// The options faqbot's commands take, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `/ask question:`.
    pub question: Option<String>,
    /// `/faq topic:`.
    pub topic: Option<String>,
    /// `for:`: the member the answer is for.
    pub for_user: Option<UserId>,
}

/// A member's message, as "Answer with FAQ" sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: MessageId,
    pub channel: ChannelId,
    pub author: UserId,
    pub content: String,
    /// Whether it holds embeds or attachments (which have no text to answer).
    pub has_embeds: bool,
    /// Whether it is one of this bot's own messages.
    pub from_this_bot: bool,
    /// Where to find it, for the answer to point to.
    pub link: Option<String>,
}

/// Which of faqbot's buttons or menus was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Press {
    /// Show this topic.
    Topic(String),
    /// Post this topic as the answer to a member's message (a helper's choice).
    Pick {
        topic: String,
        target: Target,
        link: Option<String>,
    },
    /// 👍 or 👎 on an answer.
    Vote { helpful: bool, key: VoteKey },
    /// A button faqbot did not make, or no longer understands.
    Unknown,
}

/// What to do about a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub response: Response,
    /// What kind of request it was, and which of faqbot's commands, for logs and metrics.
    pub label: Label,
    /// What insight keeps of it, if anything.
    pub insight: Option<Insight>,
    /// The key under which a public answer is remembered, so that the same answer is not
    /// posted twice in a row in one channel; `None` for anything not posted publicly.
    pub repeat: Option<RepeatKey>,
    /// What the reply was decided from, for front ends that show it as data.
    pub detail: Detail,
}

impl Decision {
    /// Whether the bot could answer: the reply says; suggestions while typing are an answer,
    /// and a post left to people is a refusal.
    pub fn outcome(&self) -> Outcome {
        match &self.response {
            Response::Message(reply) => reply.outcome(),
            Response::Choices(_) => Outcome::Answered,
            Response::Nothing => Outcome::Refused,
        }
    }
}

/// What goes back to the user.
// A message is what nearly every request gets: boxing it would allocate on every answer to
// save a few hundred bytes on the rare autocomplete, in a value that lives for one request.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    Message(Reply),
    Choices(Vec<Choice>),
    /// Nothing at all: a forum post the FAQ has no sure answer to.
    Nothing,
}

/// The kind of request, for logs and metrics labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    Command,
    Autocomplete,
    Button,
    MessageMenu,
    ForumPost,
}

impl RequestKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Command => "command",
            Self::Autocomplete => "autocomplete",
            Self::Button => "button",
            Self::MessageMenu => "message",
            Self::ForumPost => "forum",
        }
    }
}

/// Which request this was, in the few words logs and metrics use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub kind: RequestKind,
    /// The command's name as the user sent it (`topic`, `pick` or `vote` for a button).
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

    fn of(kind: RequestKind, name: &str) -> Self {
        Self {
            kind,
            name: name.to_owned(),
            known: true,
            action: None,
        }
    }
}

/// What insight keeps of an interaction: never who asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Insight {
    /// A topic was shown; with the question it answered, when it answered one.
    Answered {
        topic: String,
        question: Option<(u64, String)>,
    },
    /// A question got no sure answer.
    Unanswered { question: String, outcome: Outcome },
    /// Someone said whether an answer helped; `by` is the member's vote on that answer (a
    /// hash), which a store counts once however many replicas pass it on.
    Voted {
        topic: String,
        helpful: bool,
        question: u64,
        by: Option<VoteBy>,
    },
    /// A helper picked `topic` for a member's message faqbot was unsure about: a label the
    /// keeper may teach. The message's words only, never whose.
    Picked { question: String, topic: String },
    /// When a question came, for the keeper's week grid.
    Asked(Moment),
}

/// When a question came, as the keeper's week grid counts it: the hour of the week in the
/// contact's time zone, whether it was about reaching customer care, and whether the line was
/// open then. Counts only: no words, no one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// Hours since Monday 00:00 in the contact's zone: 0 to 167.
    pub slot: u8,
    /// Answered with the hours (`/hours`, or a topic that shows them).
    pub contact: bool,
    /// Whether customer care was open at that instant (holidays and closures included).
    pub open: bool,
}

/// What a reply was decided from.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    None,
    /// `/ask` (or `/faq` with free text, or a message): the question and the verdict.
    Ask {
        question: String,
        verdict: Verdict,
    },
    /// `/hours` (and the contact topic): customer care's status.
    Hours(Status),
}

impl Pipeline {
    pub fn new(mut faq: Faq, settings: Settings) -> Self {
        let matcher = Matcher::new(&faq);
        // Learned: nothing reads the labelled questions again while the bot runs, and a
        // reload reads them from the file.
        faq.examples = Vec::new();
        faq.learned = Vec::new();
        Self {
            catalogue: Catalogue::with_menu(&faq, &settings.menu_name),
            matcher,
            faq,
            settings,
        }
    }

    /// The FAQ answered from, without its examples: the matcher learned them, and they are
    /// not kept.
    pub fn faq(&self) -> &Faq {
        &self.faq
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// What to answer to `request`.
    pub(crate) fn decide(&self, request: &Request, now: Timestamp) -> Decision {
        let lang = request.lang;
        match &request.kind {
            Kind::Command { name, options } => {
                let action = self.catalogue.action(name);
                let label = Label {
                    kind: RequestKind::Command,
                    name: name.clone(),
                    known: action.is_some(),
                    action,
                };
                let (mut reply, detail) = match action {
                    Some(Action::Topic(topic)) => {
                        (reply::topic(&self.faq, topic, now, lang), Detail::None)
                    }
                    Some(Action::Ask) => {
                        let question = options.question.clone().unwrap_or_default();
                        self.ask(&question, now, lang)
                    }
                    Some(Action::Faq) => {
                        let typed = options.topic.as_deref().map_or("", str::trim);
                        match self.faq.topic_id(typed) {
                            Some(topic) => {
                                (reply::topic(&self.faq, topic, now, lang), Detail::None)
                            }
                            None if !typed.is_empty() => self.ask(typed, now, lang),
                            None => (reply::faq_list(&self.faq, lang), Detail::None),
                        }
                    }
                    Some(Action::Hours) => {
                        let contact = &self.faq.contact;
                        let status = contact.schedule.status(now);
                        let reply = reply::hours(contact, &status, now, lang);
                        (reply, Detail::Hours(status))
                    }
                    // A message command's name sent as a slash command: nothing to answer.
                    Some(Action::AnswerMessage) | None => {
                        (unknown_command(name, lang), Detail::None)
                    }
                };
                // Only a public answer is aimed at someone: `message` drops it from a reply
                // that ends up private.
                if let Some(user) = options.for_user {
                    reply.address(Addressed {
                        user,
                        intro: Text::new(),
                    });
                }
                self.message(request, label, reply, detail)
            }
            Kind::Autocomplete { command, typed } => {
                let action = self.catalogue.action(command);
                let choices = match action {
                    Some(Action::Ask) => {
                        reply::question_choices(&self.faq, &self.matcher, typed, lang)
                    }
                    Some(Action::Faq) => {
                        reply::topic_choices(&self.faq, &self.matcher, typed, lang)
                    }
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
                    insight: None,
                    repeat: None,
                    detail: Detail::None,
                }
            }
            Kind::Button(press) => self.press(request, press, now, lang),
            Kind::MessageMenu(message) => self.answer_message(request, message, now, lang),
            Kind::ForumPost { title, body } => {
                let question = match body {
                    Some(body) if !body.trim().is_empty() => format!("{title}\n{body}"),
                    _ => title.clone(),
                };
                // The server's language is not the poster's: the words alone decide.
                let verdict = self.matcher.ask(&question);
                let label = Label::of(RequestKind::ForumPost, "forum");
                if let (None, Some(role)) = (verdict.topic(), self.settings.helpers_role) {
                    // The helpers are called, and the post's words kept for the keeper, as
                    // below.
                    let reply = reply::call_helpers(&self.faq, role, &verdict, lang);
                    let detail = Detail::Ask { question, verdict };
                    return self.message(request, label, reply, detail);
                }
                let Some(topic) = verdict.topic() else {
                    // Unsure: a forum post is not the place for "did you mean…?". Stay quiet.
                    // Its words are kept, as an /ask refused is: a post in a forum the bot
                    // watches was asked of the bot, and the keeper may teach it.
                    let outcome = match verdict {
                        Verdict::Unsure { .. } => Outcome::Unsure,
                        _ => Outcome::Refused,
                    };
                    return Decision {
                        response: Response::Nothing,
                        label,
                        insight: Some(Insight::Unanswered {
                            question: question.clone(),
                            outcome,
                        }),
                        repeat: None,
                        detail: Detail::Ask { question, verdict },
                    };
                };
                let mut reply = reply::topic(&self.faq, topic, now, lang);
                self.add_votes(&mut reply, &question, lang);
                let detail = Detail::Ask { question, verdict };
                self.message(request, label, reply, detail)
            }
        }
    }

    /// When `decision` came, for the week grid: only for questions (a topic shown, a question
    /// without a sure answer), not votes, notices or autocomplete.
    pub fn moment(&self, decision: &Decision, now: Timestamp) -> Option<Moment> {
        let schedule = &self.faq.contact.schedule;
        // `/hours` worked out whether the line is open already.
        let (contact, open) = match (&decision.detail, &decision.insight) {
            (Detail::Hours(status), _) => (true, Some(status.open)),
            (_, Some(Insight::Answered { .. })) => {
                let topic = match &decision.response {
                    Response::Message(reply) => reply.topic(),
                    _ => None,
                };
                (topic.is_some_and(|topic| self.faq[topic].show_hours), None)
            }
            (_, Some(Insight::Unanswered { .. })) => (false, None),
            _ => return None,
        };
        let local = schedule.zone().tz().to_datetime(now);
        let weekday = local.weekday().to_monday_zero_offset() as u8;
        Some(Moment {
            slot: weekday * 24 + local.hour() as u8,
            contact,
            open: open.unwrap_or_else(|| schedule.status(now).open),
        })
    }

    /// The decision for the same answer asked for again in a channel that has just had it
    /// (the memory of recent answers knows when, and the front end maybe where): the asker
    /// gets the answer itself, privately, with a pointer to the public one.
    pub(crate) fn repeat(
        &self,
        decision: Decision,
        lang: Lang,
        at: Timestamp,
        link: Option<&str>,
    ) -> Decision {
        let Response::Message(reply) = &decision.response else {
            return decision;
        };
        let private = reply::repeat(reply, at, link, lang);
        Decision {
            response: Response::Message(private),
            repeat: None,
            ..decision
        }
    }

    /// The reply to a second vote on the same answer by the same member (the front end keeps
    /// count): thanks again, and nothing recorded.
    pub(crate) fn already_voted(&self, request: &Request) -> Decision {
        let words = request.lang.words();
        self.message(
            request,
            Label::of(RequestKind::Button, "vote"),
            Reply::notice(None, words.already_voted),
            Detail::None,
        )
    }

    /// The bot's status line now, and when it next needs changing.
    pub fn presence(&self, now: Timestamp) -> (String, Option<Timestamp>) {
        let contact = &self.faq.contact;
        let status = contact.schedule.status(now);
        (reply::presence(contact, &status, now), status.next_change)
    }

    fn ask(&self, question: &str, now: Timestamp, lang: Lang) -> (Reply, Detail) {
        let verdict = self.matcher.ask_in(question, lang.language());
        let mut reply = reply::ask(&self.faq, question, &verdict, now, lang);
        self.add_votes(&mut reply, question, lang);
        let detail = Detail::Ask {
            question: question.trim().to_owned(),
            verdict,
        };
        (reply, detail)
    }

    /// 👍/👎 under an answer to `question`, tied to the topic it answered and the question.
    fn add_votes(&self, reply: &mut Reply, question: &str, lang: Lang) {
        let Shape::Answer(answer) = &mut reply.shape else {
            return;
        };
        let words = lang.words();
        answer.votes = Some(Votes {
            key: VoteKey {
                topic: self.faq[answer.topic].id.clone(),
                question: text::key(question),
            },
            helpful: words.helpful,
            not_helpful: words.not_helpful,
        });
    }

    /// A member's message answered from its context menu: posted for its author when the FAQ
    /// is sure, otherwise the helper picks, privately, which topic to post.
    fn answer_message(
        &self,
        request: &Request,
        message: &Message,
        now: Timestamp,
        lang: Lang,
    ) -> Decision {
        let words = lang.words();
        let label = Label {
            kind: RequestKind::MessageMenu,
            name: self.settings.menu_name.clone(),
            known: true,
            action: Some(Action::AnswerMessage),
        };
        let note = |text: &str| Reply::notice(Some(words.nothing_to_answer_title), text);
        let question = message.content.trim();
        if message.from_this_bot {
            return self.message(request, label, note(words.own_message), Detail::None);
        }
        if question.is_empty() {
            let why = if message.has_embeds {
                words.embeds_only
            } else {
                words.empty_message
            };
            return self.message(request, label, note(why), Detail::None);
        }
        // `lang` is the helper's, not the language of whoever wrote the message.
        let verdict = self.matcher.ask(question);
        let detail = Detail::Ask {
            question: question.to_owned(),
            verdict: verdict.clone(),
        };
        let target = Target {
            author: message.author,
            channel: message.channel,
            message: message.id,
        };
        let reply = match verdict.topic() {
            Some(topic) => {
                let mut reply = self.for_author(topic, &target, message.link.as_deref(), now, lang);
                self.add_votes(&mut reply, question, lang);
                reply
            }
            None => {
                let every: Vec<TopicId> = self.faq.topic_ids().collect();
                Reply {
                    title: Some(Text::from(words.pick_title)),
                    body: (words.pick)(&reply::quoted(question)),
                    fields: Vec::new(),
                    shape: Shape::Pick(Pick {
                        doubt: match verdict {
                            Verdict::Unsure { .. } => Doubt::Unsure,
                            _ => Doubt::Refused,
                        },
                        target,
                        closest: reply::suggestions(&self.faq, verdict.suggestions(), lang),
                        menu: reply::suggestions(&self.faq, &every, lang),
                        hint: words.pick_any,
                    }),
                }
            }
        };
        self.message(request, label, reply, detail)
    }

    /// `topic` posted publicly for the author of `target`, pointing to their message.
    fn for_author(
        &self,
        topic: TopicId,
        target: &Target,
        link: Option<&str>,
        now: Timestamp,
        lang: Lang,
    ) -> Reply {
        let mut reply = reply::topic(&self.faq, topic, now, lang);
        reply.address(Addressed {
            user: target.author,
            intro: (lang.words().for_you)(link),
        });
        reply
    }

    fn press(&self, request: &Request, press: &Press, now: Timestamp, lang: Lang) -> Decision {
        let words = lang.words();
        match press {
            Press::Topic(id) => {
                let reply = match self.faq.topic_id(id) {
                    Some(topic) => reply::topic(&self.faq, topic, now, lang),
                    None => stale_button(lang),
                };
                self.message(
                    request,
                    Label::of(RequestKind::Button, "topic"),
                    reply,
                    Detail::None,
                )
            }
            Press::Pick {
                topic,
                target,
                link,
            } => {
                let label = Label::of(RequestKind::Button, "pick");
                let Some(index) = self.faq.topic_id(topic) else {
                    return self.message(request, label, stale_button(lang), Detail::None);
                };
                // The helper chose it: no vote key (there is no question of the author's to
                // tie it to). A second pick of the same answer for the same member is a
                // repeat, answered privately: the member is pinged once.
                let reply = self.for_author(index, target, link.as_deref(), now, lang);
                self.message(request, label, reply, Detail::None)
            }
            Press::Vote { helpful, key } => {
                let mut decision = self.message(
                    request,
                    Label::of(RequestKind::Button, "vote"),
                    Reply::notice(None, words.thanks),
                    Detail::None,
                );
                decision.insight = Some(Insight::Voted {
                    topic: key.topic.clone(),
                    helpful: *helpful,
                    question: key.question,
                    by: request
                        .user
                        .zip(request.message)
                        .map(|(user, answer)| VoteBy::of(user, answer)),
                });
                decision
            }
            Press::Unknown => self.message(
                request,
                Label::of(RequestKind::Button, "topic"),
                stale_button(lang),
                Detail::None,
            ),
        }
    }

    fn message(
        &self,
        request: &Request,
        label: Label,
        mut reply: Reply,
        detail: Detail,
    ) -> Decision {
        // A forum post's answer goes in the post's own thread: never private, never a repeat.
        let in_its_thread = matches!(request.kind, Kind::ForumPost { .. });
        if !in_its_thread && (!self.settings.public_answers || request.private_only) {
            reply.make_private();
        }
        // The wording of a question the FAQ could not answer is kept only when it was asked of
        // the bot (`/ask`, `/faq`, a post in a watched forum), never a member's message that a
        // helper pointed it at (unless the helper labels it: `Insight::Picked`).
        let asked_of_the_bot =
            matches!(request.kind, Kind::Command { .. } | Kind::ForumPost { .. });
        let name = |topic: TopicId| self.faq[topic].id.clone();
        let insight = match (reply.outcome(), &detail) {
            (Outcome::Answered, Detail::Ask { question, verdict }) if verdict.topic().is_some() => {
                reply.topic().map(|topic| Insight::Answered {
                    topic: name(topic),
                    question: Some((text::key(question), question.clone())),
                })
            }
            (Outcome::Answered, _) => reply.topic().map(|topic| Insight::Answered {
                topic: name(topic),
                question: None,
            }),
            (outcome @ (Outcome::Unsure | Outcome::Refused), Detail::Ask { question, .. })
                if asked_of_the_bot =>
            {
                Some(Insight::Unanswered {
                    question: question.clone(),
                    outcome,
                })
            }
            _ => None,
        };
        let repeat = match request.channel {
            Some(channel) if !reply.ephemeral() && !in_its_thread => Some(RepeatKey {
                channel,
                answer: fingerprint(&reply),
            }),
            _ => None,
        };
        Decision {
            response: Response::Message(reply),
            label,
            insight,
            repeat,
            detail,
        }
    }
}

/// What a user sees when the bot failed to answer: said by the front end that failed.
pub fn apology(lang: Lang) -> Reply {
    let words = lang.words();
    Reply::notice(Some(words.sorry_title), words.sorry)
}

/// What makes two replies the same answer: their words and the member they are for (who would
/// be pinged again), not when or by whom they were asked for.
fn fingerprint(reply: &Reply) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    reply.title.as_ref().map(Text::words).hash(&mut hasher);
    reply.body.words().hash(&mut hasher);
    reply.addressed().map(|a| a.user).hash(&mut hasher);
    hasher.finish()
}

fn stale_button(lang: Lang) -> Reply {
    let words = lang.words();
    Reply::notice(Some(words.gone_title), (words.gone)())
}

/// A command this FAQ does not have, say one left registered by an older FAQ, gets a polite
/// pointer to `/faq` rather than silence.
fn unknown_command(name: &str, lang: Lang) -> Reply {
    let words = lang.words();
    Reply::notice(Some(words.unknown_title), (words.unknown)(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::CommandKind;

    fn now() -> Timestamp {
        "2026-11-25T10:15:00+01:00".parse().unwrap()
    }

    fn command(name: &str, question: Option<&str>) -> Request {
        Request {
            kind: Kind::Command {
                name: name.to_owned(),
                options: Options {
                    question: question.map(str::to_owned),
                    ..Options::default()
                },
            },
            channel: Some(ChannelId::new(7)),
            user: Some(UserId::new(20)),
            message: Some(MessageId::new(31)),
            lang: Lang::ENGLISH,
            private_only: false,
        }
    }

    /// The embedded FAQ's topic called `name`.
    fn topic_id(name: &str) -> Option<TopicId> {
        Faq::embedded(&crate::core::limits::Limits::NONE).topic_id(name)
    }

    fn message(decision: &Decision) -> &Reply {
        match &decision.response {
            Response::Message(reply) => reply,
            _ => panic!("a message"),
        }
    }

    fn on_message(content: &str) -> Request {
        Request {
            kind: Kind::MessageMenu(Message {
                id: MessageId::new(30),
                channel: ChannelId::new(7),
                author: UserId::new(20),
                content: content.to_owned(),
                has_embeds: false,
                from_this_bot: false,
                link: Some("https://discord.com/channels/1/7/30".to_owned()),
            }),
            channel: Some(ChannelId::new(7)),
            user: Some(UserId::new(20)),
            message: Some(MessageId::new(31)),
            lang: Lang::ENGLISH,
            private_only: false,
        }
    }

    #[test]
    fn every_registered_command_is_answered() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        for command in pipeline.catalogue().commands() {
            let request = match command.kind {
                CommandKind::Chat => self::command(&command.name, Some("logo")),
                CommandKind::Message => on_message("Can I use the ISO logo on my website?"),
            };
            let decision = pipeline.decide(&request, now());
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
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let unknown = pipeline.decide(&command("old-topic", None), now());
        assert!(message(&unknown).ephemeral());
        assert!(!unknown.label.known);
        assert_eq!(unknown.repeat, None, "private replies are never repeats");
        let button = |topic: Option<&str>| Request {
            kind: Kind::Button(match topic {
                Some(t) => Press::Topic(t.to_owned()),
                None => Press::Unknown,
            }),
            ..command("x", None)
        };
        assert!(message(&pipeline.decide(&button(Some("old-topic")), now())).ephemeral());
        assert!(message(&pipeline.decide(&button(None), now())).ephemeral());
        let fine = pipeline.decide(&button(Some("logo")), now());
        assert_eq!(
            message(&fine).title,
            Some(Text::from("Who is allowed to use the ISO logo?"))
        );
        assert_eq!(
            fine.insight,
            Some(Insight::Answered {
                topic: "logo".to_owned(),
                question: None,
            })
        );
    }

    #[test]
    fn ask_decisions_carry_the_verdict_and_what_insight_keeps() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let answered = pipeline.decide(&command("ask", Some("can companies join ISO?")), now());
        assert_eq!(answered.outcome(), Outcome::Answered);
        assert!(answered.label.is_ask());
        assert!(answered.repeat.is_some(), "a public answer in a channel");
        let refused = pipeline.decide(&command("ask", Some("how do I mount an iso file")), now());
        assert_eq!(refused.outcome(), Outcome::Refused);
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
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let by_command = pipeline.decide(&command("membership", None), now());
        let by_ask = pipeline.decide(&command("ask", Some("can companies join ISO?")), now());
        assert_eq!(by_command.repeat, by_ask.repeat);
        assert_ne!(
            by_command.repeat,
            pipeline.decide(&command("logo", None), now()).repeat
        );
    }

    #[test]
    fn a_repeat_gives_the_asker_the_answer_itself_privately() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let first = pipeline.decide(&command("logo", None), now());
        let request = command("logo", None);
        let again = pipeline.repeat(
            first.clone(),
            request.lang,
            now(),
            Some("https://discord.com/channels/1/2/3"),
        );
        let (public, private) = (message(&first), message(&again));
        assert!(private.ephemeral() && !public.ephemeral());
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
        let private = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings {
                public_answers: false,
                ..Settings::default()
            },
        );
        let decision = private.decide(&command("logo", None), now());
        assert!(message(&decision).ephemeral());
        assert_eq!(decision.repeat, None);
    }

    #[test]
    fn autocomplete_only_for_commands_with_options() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let complete = |command: &str, typed: &str| {
            let decision = pipeline.decide(
                &Request {
                    kind: Kind::Autocomplete {
                        command: command.to_owned(),
                        typed: typed.to_owned(),
                    },
                    ..self::command("x", None)
                },
                now(),
            );
            match decision.response {
                Response::Choices(choices) => choices.len(),
                _ => panic!("choices"),
            }
        };
        assert_eq!(complete("faq", ""), pipeline.faq().topics.len());
        assert!(complete("ask", "logo") > 0);
        assert_eq!(complete("hours", "x"), 0);
    }

    #[test]
    fn a_sure_message_answer_is_posted_for_its_author_with_votes() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let decision = pipeline.decide(
            &on_message("hey, am I allowed to put the ISO logo on our packaging?"),
            now(),
        );
        assert_eq!(decision.label.action, Some(Action::AnswerMessage));
        let reply = message(&decision);
        assert!(!reply.ephemeral(), "posted for everyone");
        assert_eq!(reply.topic(), topic_id("logo"));
        let addressed = reply.addressed().expect("addressed");
        assert_eq!(
            addressed.user,
            UserId::new(20),
            "to the message's author, not the helper"
        );
        assert!(addressed
            .intro
            .words()
            .contains("https://discord.com/channels/1/7/30"));
        let votes = reply.votes().expect("votes");
        assert_eq!(votes.key.topic, "logo");
        // The same answer for the same member again soon is a repeat (pinged once); for
        // another member, or another answer, it is not.
        let again = pipeline.decide(&on_message("can i put the iso logo on my site"), now());
        assert!(decision.repeat.is_some());
        assert_eq!(again.repeat, decision.repeat);
        let mut other = on_message("hey, am I allowed to put the ISO logo on our packaging?");
        if let Kind::MessageMenu(message) = &mut other.kind {
            message.author = UserId::new(21);
        }
        assert_ne!(pipeline.decide(&other, now()).repeat, decision.repeat);
        assert!(matches!(
            &decision.insight,
            Some(Insight::Answered { topic, question: Some((key, _)) })
                if topic == "logo" && *key == votes.key.question
        ));
    }

    #[test]
    fn an_unsure_message_answer_lets_the_helper_pick_privately() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let decision = pipeline.decide(&on_message("what's the best pizza in Geneva?"), now());
        let reply = message(&decision);
        assert!(reply.ephemeral());
        assert_eq!(
            reply.addressed(),
            None,
            "nobody is pinged until the helper picks"
        );
        let pick = reply.pick().cloned().expect("a pick");
        let target = pick.target;
        assert_eq!(
            (
                target.author.get(),
                target.channel.get(),
                target.message.get()
            ),
            (20, 7, 30)
        );
        assert_eq!(pick.menu.len(), pipeline.faq().topics.len(), "every topic");

        let picked = pipeline.decide(
            &Request {
                kind: Kind::Button(Press::Pick {
                    topic: "membership".to_owned(),
                    target,
                    link: Some("https://discord.com/channels/1/7/30".to_owned()),
                }),
                ..on_message("")
            },
            now(),
        );
        let posted = message(&picked);
        assert!(!posted.ephemeral());
        assert_eq!(posted.topic(), topic_id("membership"));
        assert_eq!(posted.addressed().map(|a| a.user), Some(UserId::new(20)));
        assert_eq!(
            posted.votes(),
            None,
            "the helper chose; there is no question to vote on"
        );
    }

    #[test]
    fn nothing_to_answer_in_empty_embed_only_or_own_messages() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let words = Lang::ENGLISH.words();
        let note = |message: Message| {
            let decision = pipeline.decide(
                &Request {
                    kind: Kind::MessageMenu(message),
                    ..on_message("")
                },
                now(),
            );
            let reply = message_of(decision);
            assert!(reply.ephemeral() && reply.addressed().is_none());
            reply.body.words()
        };
        let base = match on_message("").kind {
            Kind::MessageMenu(message) => message,
            _ => unreachable!(),
        };
        assert_eq!(note(base.clone()), words.empty_message);
        let embeds = Message {
            has_embeds: true,
            ..base.clone()
        };
        assert_eq!(note(embeds), words.embeds_only);
        let own = Message {
            from_this_bot: true,
            content: "Who is allowed to use the ISO logo?".to_owned(),
            ..base
        };
        assert_eq!(note(own), words.own_message);
    }

    fn message_of(decision: Decision) -> Reply {
        match decision.response {
            Response::Message(reply) => reply,
            other => panic!("a message, not {other:?}"),
        }
    }

    #[test]
    fn for_someone_addresses_public_answers_only() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let mut request = command("membership", None);
        if let Kind::Command { options, .. } = &mut request.kind {
            options.for_user = Some(UserId::new(42));
        }
        let decision = pipeline.decide(&request, now());
        assert_eq!(
            message(&decision).addressed().map(|a| a.user),
            Some(UserId::new(42))
        );
        let plain = pipeline.decide(&command("membership", None), now());
        assert!(decision.repeat.is_some());
        assert_ne!(
            decision.repeat, plain.repeat,
            "for someone, it pings them: not a repeat"
        );

        // Where Discord shows only the asker what is sent, no one is addressed or pinged.
        let mut hidden = request.clone();
        hidden.private_only = true;
        let hidden = pipeline.decide(&hidden, now());
        assert!(message(&hidden).ephemeral());
        assert_eq!(message(&hidden).addressed(), None);
        assert_eq!(hidden.repeat, None);

        let private = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings {
                public_answers: false,
                ..Settings::default()
            },
        );
        assert_eq!(message(&private.decide(&request, now())).addressed(), None);
    }

    #[test]
    fn votes_are_recorded_once_with_the_question_they_judge() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let key = VoteKey {
            topic: "logo".to_owned(),
            question: 99,
        };
        let vote = Request {
            kind: Kind::Button(Press::Vote {
                helpful: false,
                key,
            }),
            ..command("x", None)
        };
        let decision = pipeline.decide(&vote, now());
        assert!(message(&decision).ephemeral());
        assert_eq!(
            decision.insight,
            Some(Insight::Voted {
                topic: "logo".to_owned(),
                helpful: false,
                question: 99,
                by: Some(VoteBy::of(UserId::new(20), MessageId::new(31))),
            })
        );
        let again = pipeline.already_voted(&vote);
        assert_eq!(again.insight, None);
        assert!(message(&again).ephemeral());
    }

    #[test]
    fn french_users_get_french_words_and_french_titles() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let mut request = command("ask", Some("can I use the ISO logo on my website"));
        request.lang = Lang::FRENCH;
        let french = message(&pipeline.decide(&request, now())).clone();
        request.lang = Lang::of(Some("en-GB"));
        let english = message(&pipeline.decide(&request, now())).clone();
        assert_eq!(french.topic(), english.topic());
        assert_ne!(french.title, english.title, "the topic's French title");
        assert_eq!(
            french.votes().map(|v| v.helpful),
            Some(Lang::FRENCH.words().helpful)
        );
        let hours = |locale: &str| {
            let mut request = command("hours", None);
            request.lang = Lang::of(Some(locale));
            message(&pipeline.decide(&request, now())).fields[0]
                .name
                .words()
        };
        assert_ne!(hours("fr"), hours("en-US"));
    }

    #[test]
    fn forum_posts_get_a_public_answer_or_nothing() {
        let pipeline = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings {
                public_answers: false,
                ..Settings::default()
            },
        );
        let post = |title: &str, body: Option<&str>| {
            pipeline.decide(
                &Request {
                    kind: Kind::ForumPost {
                        title: title.to_owned(),
                        body: body.map(str::to_owned),
                    },
                    ..command("x", None)
                },
                now(),
            )
        };
        let sure = post(
            "Logo question",
            Some("Can we print the ISO logo on our products?"),
        );
        assert_eq!(sure.label.kind, RequestKind::ForumPost);
        let reply = message(&sure);
        assert!(
            !reply.ephemeral(),
            "a post's thread is public whatever the setting"
        );
        assert_eq!(reply.topic(), topic_id("logo"));
        assert_eq!(sure.repeat, None);
        let unsure = post("Pizza", Some("Where is the best pizza in Geneva?"));
        assert_eq!(unsure.response, Response::Nothing);
        // A post in a forum the bot watches was asked of the bot: the keeper's inbox shows it.
        assert_eq!(
            unsure.insight,
            Some(Insight::Unanswered {
                question: "Pizza\nWhere is the best pizza in Geneva?".to_owned(),
                outcome: Outcome::Refused
            })
        );
    }

    #[test]
    fn private_answers_address_no_one_and_keep_no_strangers_words() {
        let private = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings {
                public_answers: false,
                ..Settings::default()
            },
        );
        let sure = private.decide(
            &on_message("can we put the ISO logo on our packaging?"),
            now(),
        );
        assert!(message(&sure).ephemeral());
        assert_eq!(
            message(&sure).addressed(),
            None,
            "no mention the helper alone would see"
        );
        let picked = private.decide(
            &Request {
                kind: Kind::Button(Press::Pick {
                    topic: "logo".to_owned(),
                    target: Target {
                        author: UserId::new(20),
                        channel: ChannelId::new(7),
                        message: MessageId::new(30),
                    },
                    link: None,
                }),
                ..on_message("")
            },
            now(),
        );
        assert!(
            message(&picked).ephemeral(),
            "a pick follows public_answers too"
        );

        let public = Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        );
        let unsure = public.decide(&on_message("what's the best pizza in Geneva?"), now());
        assert_eq!(unsure.insight, None, "a member's message is not kept");
        let asked = public.decide(
            &command("ask", Some("what's the best pizza in Geneva?")),
            now(),
        );
        assert!(matches!(asked.insight, Some(Insight::Unanswered { .. })));
    }
}
