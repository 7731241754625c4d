//! The bot as a state machine, in quinn-proto's shape: every event the world sends — an
//! interaction, the outcome of answering it, a new forum post, a reload, the clock ticking,
//! shutdown — goes through [`Bot::handle`] with the instant it happened, and comes back as the
//! [`Effect`]s to carry out. The front ends turn wire input into events and effects into wire
//! output; every decision, including those that depend on what the bot remembers (a repeat, a
//! second vote, a post already answered, shutting down), is made here, with no IO, no clock of
//! its own and no lock.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;

use crate::core::ids::{ChannelId, GuildId, UserId};
use crate::core::lang::Lang;
use crate::core::memory::{Doubts, Earlier, Forums, RepeatKey, Repeats, VoteBy, Votes};
use crate::core::pipeline::{
    self, Decision, Insight, Kind, Label, Pipeline, Press, Request, RequestKind, Response,
};
use crate::core::reply::{Outcome, Reply};

/// A new forum post is a thread younger than this: THREAD_CREATE also comes when the bot is
/// added to an old thread, and a reply there would be out of place.
pub const NEW_POST_FOR: Duration = Duration::from_secs(10 * 60);
/// How far this machine's clock may lag Discord's (which minted the thread's id) before a new
/// post would look as if it came from the future.
pub const CLOCK_LAG: Duration = Duration::from_secs(2 * 60);

/// What the bot decides with: the FAQ's pipeline and the memories of recent events.
#[derive(Debug)]
pub struct Bot {
    pipeline: Arc<Pipeline>,
    repeats: Repeats,
    votes: Votes,
    forums: Forums,
    /// Members' messages awaiting a helper's pick, whose words the pick labels.
    doubts: Doubts,
    /// The bot's own user, once known: its messages are not questions.
    me: Option<UserId>,
    /// Set when shutting down: nothing new is taken from then on.
    closing: bool,
    /// Whether first posts and first votes are confirmed with a shared store.
    shared: bool,
}

/// How the deployment wants the memories kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memory {
    /// How long a public answer counts as just posted in its channel; zero turns it off.
    pub repeat_window: Duration,
    /// The forums whose new posts are answered.
    pub forums: Vec<ChannelId>,
    /// Whether a store shared with other replicas stands behind these memories: a first
    /// public post or a first vote is then confirmed with it before it is sent.
    pub shared: bool,
}

/// Something that happened, as the bot needs to know it.
// A turn is what nearly every event carries back: boxing it would allocate once more per
// interaction to save a few hundred bytes of a value that is moved twice and dropped.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Event {
    /// A member used a command, a button, a menu or autocomplete.
    Interaction(Request),
    /// What was decided in `turn` was sent (`sent`) or could not be.
    Done { turn: Turn, sent: bool },
    /// Where the public answer remembered under `key` is, found after it was posted.
    Located { key: RepeatKey, link: String },
    /// What the shared store said of a decision [`Effect::Confirm`] held back (`None`: it
    /// could not say in time, and this replica's memory decides).
    Confirmed {
        pending: Pending,
        recall: Option<Recall>,
    },
    /// Who the bot is.
    Me(UserId),
    /// The language a server prefers, which its forum posts are answered in.
    Server { guild: GuildId, lang: Lang },
    /// A thread was created, or the bot was added to one.
    Thread(Thread),
    /// The first message of a new post, read as [`Effect::ReadPost`] asked (`None`: unreadable).
    PostRead { post: Post, body: Option<String> },
    /// The FAQ was reloaded: answer from this pipeline from now on.
    Reloaded(Arc<Pipeline>),
    /// Time passes: the presence may need changing.
    Tick,
    /// Shutting down: take nothing new.
    Closing,
}

/// A thread, as THREAD_CREATE shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub id: ChannelId,
    pub guild: GuildId,
    /// The channel it was opened in: the forum, for a forum post.
    pub parent: Option<ChannelId>,
    /// Whether it is a public thread (a forum post is one).
    pub public: bool,
    /// When it was created (a thread's id tells).
    pub created: Timestamp,
    /// Whether the event says the bot was added to the thread rather than that it was created.
    pub joined: bool,
    pub title: String,
}

/// A new forum post to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub thread: ChannelId,
    pub guild: GuildId,
    pub title: String,
}

/// What to ask the shared store before a decision goes out: whether the answer was posted in
/// its channel lately by another replica, and whether the vote was cast before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookup {
    pub post: Option<RepeatKey>,
    pub vote: Option<VoteBy>,
}

/// What a shared store remembered, for [`Event::Confirmed`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recall {
    /// The post of the lookup's answer in its channel, within the repeat window.
    pub post: Option<Earlier>,
    /// Whether the lookup's vote was cast before.
    pub voted: bool,
}

/// A public answer posted (and, once found, where), for a shared store to tell other replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub key: RepeatKey,
    pub at: Timestamp,
    pub link: Option<String>,
}

/// A decision held back until the shared store confirms it: carried out by the front end as
/// [`Effect::Confirm`] says, and handed back in [`Event::Confirmed`].
#[derive(Debug)]
pub struct Pending {
    turn: Turn,
    lookup: Lookup,
    /// The reply should the vote prove to be a second one (boxed: only votes carry one).
    already_voted: Option<Box<Decision>>,
}

impl Pending {
    /// What to ask the shared store.
    pub fn lookup(&self) -> Lookup {
        self.lookup
    }
}

/// What the front end is to do.
#[derive(Debug)]
pub enum Effect {
    /// Answer the interaction with `turn`'s response, then report [`Event::Done`].
    Respond(Turn),
    /// Ask the shared store what [`Pending::lookup`] says, then report [`Event::Confirmed`]:
    /// only a first public post or a first vote waits on it, and never longer than the store
    /// allows.
    Confirm(Pending),
    /// The interaction is not taken: the bot is shutting down.
    Refuse,
    /// Tell the member, in place of the answer that could not be sent, that it failed.
    Apologise(Reply),
    /// Find where the first public post of an answer went, and report [`Event::Located`].
    LocatePost(RepeatKey),
    /// Read the first message of a new forum post, and report [`Event::PostRead`].
    ReadPost(Post),
    /// Post `turn`'s answer in `thread`, once only (`nonce`), then report [`Event::Done`].
    Post {
        thread: ChannelId,
        nonce: String,
        turn: Turn,
    },
    /// Keep this in insight.
    Record(Insight),
    /// Tell the other replicas (through the shared store) of this public answer.
    Remember(Posted),
    /// Count this request in metrics and log it.
    Count(Tally),
    /// Show this as the bot's status, until then.
    Presence {
        text: String,
        until: Option<Timestamp>,
    },
}

/// One request answered, as metrics and the log count it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub label: Label,
    pub outcome: Outcome,
    pub note: Note,
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    Answered,
    /// A forum post with no sure answer, left to people on purpose.
    LeftAlone,
    /// Discord did not take the answer.
    Failed,
}

/// A decision on its way out: the front end sends its response and hands it back in
/// [`Event::Done`], which undoes what it counted (a vote, a post) if it could not be sent.
#[derive(Debug)]
pub struct Turn {
    decision: Decision,
    vote: Option<VoteBy>,
    first_post: Option<RepeatKey>,
    lang: Lang,
    /// A helper's pick for a message faqbot was unsure about: recorded once it is posted.
    label: Option<Insight>,
}

impl Turn {
    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    pub fn into_decision(self) -> Decision {
        self.decision
    }

    /// Whether a failed response deserves an apology: not autocomplete, whose window has
    /// passed by the time anyone would read it, nor a forum post, which no one waits for.
    fn apologise(&self) -> bool {
        !matches!(
            self.decision.label.kind,
            RequestKind::Autocomplete | RequestKind::ForumPost
        )
    }
}

impl Bot {
    pub fn new(pipeline: Arc<Pipeline>, memory: Memory) -> Self {
        Self {
            pipeline,
            repeats: Repeats::new(memory.repeat_window),
            votes: Votes::default(),
            forums: Forums::new(memory.forums),
            doubts: Doubts::default(),
            shared: memory.shared,
            me: None,
            closing: false,
        }
    }

    /// The pipeline answering now.
    pub fn pipeline(&self) -> &Arc<Pipeline> {
        &self.pipeline
    }

    /// What to do about `event`, which happened at `now`.
    pub fn handle(&mut self, event: Event, now: Timestamp) -> Vec<Effect> {
        match event {
            Event::Interaction(request) => vec![self.interaction(request, now)],
            Event::Done { turn, sent } => self.done(turn, sent, now),
            Event::Located { key, link } => {
                self.repeats.found(key, link);
                self.shared(key).into_iter().collect()
            }
            Event::Confirmed { pending, recall } => vec![self.confirmed(pending, recall, now)],
            Event::Me(user) => {
                self.me = Some(user);
                Vec::new()
            }
            Event::Server { guild, lang } => {
                self.forums.server_lang(guild, lang);
                Vec::new()
            }
            Event::Thread(thread) => self.thread(thread, now).into_iter().collect(),
            Event::PostRead { post, body } => self.post(post, body, now),
            Event::Reloaded(pipeline) => {
                self.pipeline = pipeline;
                Vec::new()
            }
            Event::Tick => {
                let (text, until) = self.pipeline.presence(now);
                vec![Effect::Presence { text, until }]
            }
            Event::Closing => {
                self.closing = true;
                Vec::new()
            }
        }
    }

    /// How much each memory holds: (recent answers, votes, forum posts, servers, messages
    /// awaiting a helper's pick).
    pub fn remembered(&self) -> (usize, usize, usize, usize, usize) {
        let (posts, servers) = self.forums.len();
        (
            self.repeats.len(),
            self.votes.len(),
            posts,
            servers,
            self.doubts.len(),
        )
    }

    fn interaction(&mut self, mut request: Request, now: Timestamp) -> Effect {
        if self.closing {
            return Effect::Refuse;
        }
        if let (Kind::MessageMenu(message), Some(me)) = (&mut request.kind, self.me) {
            message.from_this_bot |= message.author == me;
        }
        let lang = request.lang;
        let mut vote = None;
        let mut already_voted = None;
        let mut decision = match (&request.kind, request.user, request.message) {
            // One vote per member per answer: the memory holds a hash of the two, never the
            // member's id.
            (Kind::Button(Press::Vote { .. }), Some(user), Some(answer)) => {
                let by = VoteBy::of(user, answer);
                if self.votes.first(by) {
                    vote = Some(by);
                    if self.shared {
                        already_voted = Some(Box::new(self.pipeline.already_voted(&request)));
                    }
                    self.pipeline.decide(&request, now)
                } else {
                    self.pipeline.already_voted(&request)
                }
            }
            _ => self.pipeline.decide(&request, now),
        };
        let label = self.label(&request, &decision);
        let mut first_post = None;
        if let Some(key) = decision.repeat.take() {
            match self.repeats.repeat_of(key, now) {
                Some(earlier) => {
                    decision =
                        self.pipeline
                            .repeat(decision, lang, earlier.at, earlier.link.as_deref());
                }
                // Where it went is looked up only for repeats to point to.
                None if self.repeats.enabled() => first_post = Some(key),
                None => {}
            }
        }
        let turn = Turn {
            decision,
            vote,
            first_post,
            lang,
            label,
        };
        // What this replica takes for a first may have happened through another: the shared
        // store confirms it first. Repeats it knows of, refusals and notices need no asking.
        if self.shared && (first_post.is_some() || vote.is_some()) {
            return Effect::Confirm(Pending {
                turn,
                lookup: Lookup {
                    post: first_post,
                    vote,
                },
                already_voted,
            });
        }
        Effect::Respond(turn)
    }

    /// A held-back decision, corrected by what the shared store remembers: a vote cast
    /// through another replica is a second vote, an answer posted through another replica
    /// within the window is a repeat.
    fn confirmed(&mut self, pending: Pending, recall: Option<Recall>, now: Timestamp) -> Effect {
        let Pending {
            mut turn,
            already_voted,
            ..
        } = pending;
        let Some(recall) = recall else {
            return Effect::Respond(turn);
        };
        if recall.voted && turn.vote.take().is_some() {
            if let Some(second) = already_voted {
                turn.decision = *second;
            }
        }
        if let (Some(key), Some(earlier)) = (turn.first_post, recall.post) {
            if let Some(earlier) = self.repeats.posted_elsewhere(key, earlier, now) {
                turn.decision = self.pipeline.repeat(
                    turn.decision,
                    turn.lang,
                    earlier.at,
                    earlier.link.as_deref(),
                );
                turn.first_post = None;
            }
        }
        Effect::Respond(turn)
    }

    /// What a helper's pick teaches: a message faqbot was unsure about is noted when the
    /// helper is shown the pick list, and the topic picked for it labels its words.
    fn label(&mut self, request: &Request, decision: &Decision) -> Option<Insight> {
        match (&request.kind, &decision.response) {
            (Kind::MessageMenu(message), Response::Message(reply))
                if matches!(reply.shape, crate::core::reply::Shape::Pick(_)) =>
            {
                self.doubts.note(message.id, &message.content);
                None
            }
            (Kind::Button(Press::Pick { topic, target, .. }), _)
                if self.pipeline.faq().topic_id(topic).is_some() =>
            {
                let question = self.doubts.take(target.message)?;
                Some(Insight::Picked {
                    question,
                    topic: topic.clone(),
                })
            }
            _ => None,
        }
    }

    /// What insight keeps of `decision`, taken at `now`: its record, and when it came.
    fn records(&self, decision: &Decision, now: Timestamp) -> impl Iterator<Item = Effect> {
        let moment = self.pipeline.moment(decision, now);
        decision
            .insight
            .clone()
            .into_iter()
            .chain(moment.map(Insight::Asked))
            .map(Effect::Record)
    }

    fn done(&mut self, turn: Turn, sent: bool, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        let note = if sent {
            if let Some(key) = turn.first_post {
                effects.extend(self.shared(key));
                effects.push(Effect::LocatePost(key));
            }
            effects.extend(self.records(&turn.decision, now));
            effects.extend(turn.label.map(Effect::Record));
            Note::Answered
        } else {
            // What was counted as done by this turn is undone: the member may vote again, and
            // the next asker gets the answer in public rather than a pointer to nothing.
            if let Some(vote) = turn.vote {
                self.votes.forget(vote);
            }
            if let Some(key) = turn.first_post {
                self.repeats.forget(key);
            }
            if turn.apologise() {
                effects.push(Effect::Apologise(pipeline::apology(turn.lang)));
            }
            Note::Failed
        };
        effects.insert(0, Effect::Count(tally(&turn.decision, note)));
        effects
    }

    /// The post remembered under `key`, to share.
    fn shared(&self, key: RepeatKey) -> Option<Effect> {
        let earlier = self.repeats.earlier(key)?;
        Some(Effect::Remember(Posted {
            key,
            at: earlier.at,
            link: earlier.link.clone(),
        }))
    }

    /// Whether `thread` is a post opened lately in a watched forum, seen for the first time.
    fn thread(&mut self, thread: Thread, now: Timestamp) -> Option<Effect> {
        if self.closing {
            return None;
        }
        let in_forum = thread
            .parent
            .is_some_and(|forum| self.forums.watches(forum));
        let age = now.as_second().saturating_sub(thread.created.as_second());
        let recent = (-(CLOCK_LAG.as_secs() as i64)..=NEW_POST_FOR.as_secs() as i64).contains(&age);
        let new = in_forum && thread.public && recent && !thread.joined;
        (new && self.forums.first(thread.id)).then_some(Effect::ReadPost(Post {
            thread: thread.id,
            guild: thread.guild,
            title: thread.title,
        }))
    }

    /// A new post's answer, posted in its thread when the FAQ is sure; otherwise it is left to
    /// people.
    fn post(&mut self, post: Post, body: Option<String>, now: Timestamp) -> Vec<Effect> {
        let request = Request {
            kind: Kind::ForumPost {
                title: post.title,
                body,
            },
            channel: Some(post.thread),
            user: None,
            message: None,
            lang: self.forums.lang_of(post.guild),
            private_only: false,
        };
        let decision = self.pipeline.decide(&request, now);
        if let Response::Nothing = decision.response {
            let mut effects = vec![Effect::Count(tally(&decision, Note::LeftAlone))];
            effects.extend(self.records(&decision, now));
            return effects;
        }
        vec![Effect::Post {
            thread: post.thread,
            // The thread's id, enforced as the nonce: Discord keeps one answer per post even if
            // posting is retried after an attempt that went through.
            nonce: post.thread.to_string(),
            turn: Turn {
                decision,
                vote: None,
                first_post: None,
                lang: request.lang,
                label: None,
            },
        }]
    }
}

fn tally(decision: &Decision, note: Note) -> Tally {
    Tally {
        label: decision.label.clone(),
        outcome: decision.outcome(),
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::faq::Faq;
    use crate::core::ids::MessageId;
    use crate::core::pipeline::{Message, Options, Settings};
    use crate::core::reply::VoteKey;

    fn now() -> Timestamp {
        "2026-11-25T10:15:00+01:00".parse().unwrap()
    }

    fn bot() -> Bot {
        let pipeline = Arc::new(Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        ));
        Bot::new(
            pipeline,
            Memory {
                repeat_window: Duration::from_secs(60),
                forums: vec![ChannelId::new(500)],
                shared: false,
            },
        )
    }

    fn request(kind: Kind, user: u64) -> Request {
        Request {
            channel: Some(ChannelId::new(7)),
            user: Some(UserId::new(user)),
            message: Some(MessageId::new(31)),
            ..Request::new(kind, Lang::ENGLISH)
        }
    }

    fn command(name: &str, question: Option<&str>) -> Request {
        let options = Options {
            question: question.map(str::to_owned),
            ..Options::default()
        };
        let kind = Kind::Command {
            name: name.to_owned(),
            options,
        };
        request(kind, 20)
    }

    fn vote(user: u64) -> Request {
        let key = VoteKey {
            topic: "logo".to_owned(),
            question: 9,
        };
        let press = Press::Vote { helpful: true, key };
        request(Kind::Button(press), user)
    }

    /// The one response to an interaction.
    fn turn(bot: &mut Bot, request: Request) -> Turn {
        let mut effects = bot.handle(Event::Interaction(request), now());
        match (effects.pop(), effects.is_empty()) {
            (Some(Effect::Respond(turn)), true) => turn,
            other => panic!("one response, not {other:?}"),
        }
    }

    fn reply(turn: &Turn) -> &Reply {
        match &turn.decision().response {
            Response::Message(reply) => reply,
            other => panic!("a message, not {other:?}"),
        }
    }

    /// What the bot does once `turn` was sent (or not).
    fn finish(bot: &mut Bot, turn: Turn, sent: bool) -> Vec<Effect> {
        bot.handle(Event::Done { turn, sent }, now())
    }

    fn records(effects: &[Effect]) -> usize {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::Record(_)))
            .count()
    }

    /// The decision a shared store is asked to confirm, and what the bot makes of its answer.
    fn confirm(bot: &mut Bot, request: Request, recall: Option<Recall>) -> (Lookup, Turn) {
        let mut effects = bot.handle(Event::Interaction(request), now());
        let Some(Effect::Confirm(pending)) = effects.pop() else {
            panic!("held back for the shared store, not {effects:?}");
        };
        let lookup = pending.lookup();
        match bot
            .handle(Event::Confirmed { pending, recall }, now())
            .pop()
        {
            Some(Effect::Respond(turn)) => (lookup, turn),
            other => panic!("a response, not {other:?}"),
        }
    }

    #[test]
    fn with_a_shared_store_first_posts_and_votes_are_confirmed_and_nothing_else() {
        let mut bot = bot();
        bot.shared = true;
        let elsewhere = Earlier {
            at: now() - jiff::SignedDuration::from_secs(20),
            link: Some("https://discord.com/channels/1/7/99".to_owned()),
        };
        // Another replica posted this answer in the channel 20 s ago: a repeat, pointing there.
        let recall = Recall {
            post: Some(elsewhere.clone()),
            voted: false,
        };
        let (lookup, repeat) = confirm(&mut bot, command("logo", None), Some(recall));
        assert_eq!(lookup.post.map(|key| key.channel), Some(ChannelId::new(7)));
        assert!(reply(&repeat).ephemeral(), "a repeat is private");
        assert!(finish(&mut bot, repeat, true)
            .iter()
            .all(|e| !matches!(e, Effect::Remember(_) | Effect::LocatePost(_))));
        // Now this replica knows: the next is a repeat without asking.
        let again = turn(&mut bot, command("logo", None));
        assert!(reply(&again).ephemeral());

        // No word from the store: this replica's memory decides, and tells the others.
        let (_, first) = confirm(&mut bot, command("membership", None), None);
        assert!(!reply(&first).ephemeral(), "a first post is public");
        let effects = finish(&mut bot, first, true);
        assert!(effects
            .iter()
            .any(|e| matches!(e, Effect::Remember(p) if p.at == now())));

        // A vote cast through another replica is a second vote: thanked, not counted.
        let recall = Recall {
            post: None,
            voted: true,
        };
        let (lookup, second) = confirm(&mut bot, vote(41), Some(recall));
        assert!(lookup.vote.is_some() && lookup.post.is_none());
        assert_eq!(second.decision().insight, None, "not counted again");
        let (_, first_vote) = confirm(&mut bot, vote(42), Some(Recall::default()));
        assert!(
            first_vote.decision().insight.is_some(),
            "a first vote counts"
        );

        // Refusals and notices never wait on the store.
        let refused = bot.handle(
            Event::Interaction(command("ask", Some("how do I cook rice"))),
            now(),
        );
        assert!(
            matches!(refused.as_slice(), [Effect::Respond(_)]),
            "{refused:?}"
        );
    }

    #[test]
    fn nothing_new_is_taken_once_closing_but_what_was_taken_finishes() {
        let mut bot = bot();
        let taken = turn(&mut bot, command("logo", None));
        assert!(bot.handle(Event::Closing, now()).is_empty());
        let refused = bot.handle(Event::Interaction(command("logo", None)), now());
        assert!(
            matches!(refused.as_slice(), [Effect::Refuse]),
            "{refused:?}"
        );
        let thread = new_thread(900, now());
        assert!(bot.handle(Event::Thread(thread), now()).is_empty());
        let done = finish(&mut bot, taken, true);
        assert!(
            matches!(done.first(), Some(Effect::Count(tally)) if tally.note == Note::Answered),
            "what was taken is accounted for: {done:?}"
        );
    }

    #[test]
    fn one_vote_per_member_and_answer_and_a_failed_one_may_be_cast_again() {
        let mut bot = bot();
        let first = turn(&mut bot, vote(1));
        let done = finish(&mut bot, first, true);
        assert_eq!(records(&done), 1, "the vote is recorded: {done:?}");
        let again = turn(&mut bot, vote(1));
        assert_eq!(
            again.decision().insight,
            None,
            "a second vote records nothing"
        );
        assert!(
            turn(&mut bot, vote(2)).decision().insight.is_some(),
            "another member"
        );

        let lost = turn(&mut bot, vote(3));
        let failed = finish(&mut bot, lost, false);
        assert_eq!(records(&failed), 0);
        assert!(
            failed.iter().any(|e| matches!(e, Effect::Apologise(_))),
            "the member hears it failed: {failed:?}"
        );
        assert!(
            turn(&mut bot, vote(3)).decision().insight.is_some(),
            "a vote Discord never acknowledged may be cast again"
        );
    }

    #[test]
    fn a_repeat_points_to_the_located_post_unless_it_never_went_out() {
        let mut bot = bot();
        let first = turn(&mut bot, command("logo", None));
        assert!(!reply(&first).ephemeral());
        let done = finish(&mut bot, first, true);
        let key = done
            .iter()
            .find_map(|e| match e {
                Effect::LocatePost(key) => Some(*key),
                _ => None,
            })
            .expect("the first public post is to be located");
        let link = "https://discord.com/channels/1/7/99".to_owned();
        bot.handle(Event::Located { key, link }, now());
        let again = turn(&mut bot, command("logo", None));
        assert!(reply(&again).ephemeral(), "the repeat is private");
        let pointer = reply(&again).fields[0].value.words();
        assert!(
            pointer.ends_with(": https://discord.com/channels/1/7/99"),
            "{pointer}"
        );

        // In another channel the same answer is new; refused by Discord, it is forgotten.
        let elsewhere = Request {
            channel: Some(ChannelId::new(8)),
            ..command("logo", None)
        };
        let refused = turn(&mut bot, elsewhere.clone());
        finish(&mut bot, refused, false);
        assert!(!reply(&turn(&mut bot, elsewhere)).ephemeral());
    }

    #[test]
    fn with_repeats_off_no_post_is_looked_up() {
        let pipeline = Arc::new(Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        ));
        let mut bot = Bot::new(pipeline, Memory::default());
        let first = turn(&mut bot, command("logo", None));
        let done = finish(&mut bot, first, true);
        assert!(
            !done.iter().any(|e| matches!(e, Effect::LocatePost(_))),
            "{done:?}"
        );
        assert!(!reply(&turn(&mut bot, command("logo", None))).ephemeral());
    }

    #[test]
    fn the_bots_own_messages_are_not_questions() {
        let mut bot = bot();
        bot.handle(Event::Me(UserId::new(77)), now());
        let message = |author: u64| {
            let kind = Kind::MessageMenu(Message {
                id: MessageId::new(30),
                channel: ChannelId::new(7),
                author: UserId::new(author),
                content: "can companies join ISO?".to_owned(),
                has_embeds: false,
                from_this_bot: false,
                link: None,
            });
            request(kind, 20)
        };
        let own = turn(&mut bot, message(77));
        assert_eq!(own.decision().outcome(), Outcome::Notice);
        let members = turn(&mut bot, message(21));
        assert_eq!(members.decision().outcome(), Outcome::Answered);
    }

    #[test]
    fn a_helpers_pick_labels_the_words_of_the_message_it_was_unsure_about() {
        let mut bot = bot();
        let target = crate::core::reply::Target {
            author: UserId::new(21),
            channel: ChannelId::new(7),
            message: MessageId::new(30),
        };
        let menu = request(
            Kind::MessageMenu(Message {
                id: target.message,
                channel: target.channel,
                author: target.author,
                content: "  purple elephants dancing on the roof?  ".to_owned(),
                has_embeds: false,
                from_this_bot: false,
                link: None,
            }),
            20,
        );
        let shown = turn(&mut bot, menu);
        assert!(matches!(
            reply(&shown).shape,
            crate::core::reply::Shape::Pick(_)
        ));
        let shown_effects = finish(&mut bot, shown, true);
        assert_eq!(records(&shown_effects), 0, "a pick list is no answer");
        let pick = |topic: &str| {
            request(
                Kind::Button(Press::Pick {
                    topic: topic.to_owned(),
                    target: target.clone(),
                    link: None,
                }),
                20,
            )
        };
        let picked = turn(&mut bot, pick("funding"));
        let effects = finish(&mut bot, picked, true);
        let labels: Vec<&Insight> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::Record(insight @ Insight::Picked { .. }) => Some(insight),
                _ => None,
            })
            .collect();
        assert_eq!(
            labels,
            [&Insight::Picked {
                question: "purple elephants dancing on the roof?".to_owned(),
                topic: "funding".to_owned()
            }]
        );
        // Labelled once: a second pick for the same message teaches nothing more.
        let again = turn(&mut bot, pick("funding"));
        let effects = finish(&mut bot, again, true);
        assert!(!effects
            .iter()
            .any(|e| matches!(e, Effect::Record(Insight::Picked { .. }))));
    }

    fn new_thread(id: u64, created: Timestamp) -> Thread {
        Thread {
            id: ChannelId::new(id),
            guild: GuildId::new(1),
            parent: Some(ChannelId::new(500)),
            public: true,
            created,
            joined: false,
            title: "Can companies become members of ISO?".to_owned(),
        }
    }

    #[test]
    fn a_new_post_in_a_watched_forum_is_read_once_and_answered_in_its_servers_language() {
        let mut bot = bot();
        bot.handle(
            Event::Server {
                guild: GuildId::new(1),
                lang: Lang::FRENCH,
            },
            now(),
        );
        let post = match bot
            .handle(Event::Thread(new_thread(900, now())), now())
            .pop()
        {
            Some(Effect::ReadPost(post)) => post,
            other => panic!("the post is read, not {other:?}"),
        };
        assert!(
            bot.handle(Event::Thread(new_thread(900, now())), now())
                .is_empty(),
            "announced twice, answered once"
        );
        let old = new_thread(901, now() - jiff::SignedDuration::from_hours(1));
        let joined = Thread {
            joined: true,
            ..new_thread(902, now())
        };
        let elsewhere = Thread {
            parent: Some(ChannelId::new(501)),
            ..new_thread(903, now())
        };
        for thread in [old, joined, elsewhere] {
            assert!(bot.handle(Event::Thread(thread), now()).is_empty());
        }
        let effects = bot.handle(Event::PostRead { post, body: None }, now());
        match effects.as_slice() {
            [Effect::Post {
                thread,
                nonce,
                turn,
            }] => {
                assert_eq!((thread.get(), nonce.as_str()), (900, "900"));
                assert!(!reply(turn).ephemeral(), "a post's answer is public");
                let title = reply(turn).title.as_ref().map(|t| t.words());
                let title = title.unwrap_or_default();
                assert!(title.contains("ISO"), "{title}");
            }
            other => panic!("an answer posted in the thread, not {other:?}"),
        }
        let unsure = Post {
            thread: ChannelId::new(904),
            guild: GuildId::new(1),
            title: "what's the best pizza in Geneva?".to_owned(),
        };
        let effects = bot.handle(
            Event::PostRead {
                post: unsure,
                body: None,
            },
            now(),
        );
        // Left to people, and kept for the keeper's inbox (its words, and when it came).
        assert!(
            matches!(
                effects.as_slice(),
                [
                    Effect::Count(tally),
                    Effect::Record(Insight::Unanswered { question, .. }),
                    Effect::Record(Insight::Asked(moment)),
                ] if tally.note == Note::LeftAlone
                    && question == "what's the best pizza in Geneva?"
                    && !moment.contact
            ),
            "{effects:?}"
        );
    }

    #[test]
    fn ticks_give_the_presence_and_a_reload_answers_from_the_new_faq() {
        let mut bot = bot();
        let effects = bot.handle(Event::Tick, now());
        assert!(
            matches!(
                effects.as_slice(),
                [Effect::Presence { until: Some(_), .. }]
            ),
            "{effects:?}"
        );
        let fresh = Arc::new(Pipeline::new(
            Faq::embedded(&crate::core::limits::Limits::NONE),
            Settings::default(),
        ));
        bot.handle(Event::Reloaded(Arc::clone(&fresh)), now());
        assert!(Arc::ptr_eq(bot.pipeline(), &fresh));
    }
}
