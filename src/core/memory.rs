//! What the bot remembers between events, as plain data with the clock passed in: the answers
//! posted lately (no channel spam), who voted on which answer (one vote each), the forum posts
//! already handled (one answer each) and each server's language. Every memory is a
//! least-recently-used map of bounded capacity: it grows with use, and a flood of distinct
//! members, channels or messages pushes out the oldest entries instead of growing past its
//! bound, at O(1) a call.

use std::hash::Hash;
use std::num::NonZeroUsize;
use std::time::Duration;

use jiff::Timestamp;
use lru::LruCache;

use crate::core::ids::{ChannelId, GuildId, MessageId, UserId};
use crate::core::lang::Lang;

/// Entries each memory keeps at most: far more than the channels a bot answers in within a
/// repeat window, the answers voted on at once, or the posts a forum gets in a day.
pub const CAPACITY: usize = 10_000;
/// Servers whose language is remembered at most (only while forums are watched): a server
/// beyond it is answered in English until it says its language again (on the next connection).
pub const SERVERS: usize = 10_000;

/// An empty memory of at most `capacity` entries, which takes room as entries come
/// (`LruCache::sparse`): `LruCache::new` reserves the whole table at once (272 KiB for 10,000
/// entries), which a quiet server's bot would hold for nothing.
pub fn lru<K: Hash + Eq, V>(capacity: usize) -> LruCache<K, V> {
    LruCache::sparse(NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN))
}

/// A public answer in a channel, as the memory of recent answers knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RepeatKey {
    pub channel: ChannelId,
    /// The answer's words: the same answer, however it was asked for.
    pub answer: u64,
}

/// The earlier post of the same answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub at: Timestamp,
    /// A link to the message, once the front end has found it (after posting, never while
    /// the user waits).
    pub link: Option<String>,
}

/// Public answers posted recently, by channel and answer.
#[derive(Debug)]
pub struct Repeats {
    window: Duration,
    posted: LruCache<RepeatKey, Earlier>,
}

impl Repeats {
    /// A zero `window` turns the check off.
    pub fn new(window: Duration) -> Self {
        Self::with_capacity(window, CAPACITY)
    }

    pub fn with_capacity(window: Duration, capacity: usize) -> Self {
        Self {
            window,
            posted: lru(capacity),
        }
    }

    /// Whether repeats are looked for at all (a zero window turns them off).
    pub fn enabled(&self) -> bool {
        !self.window.is_zero()
    }

    /// The earlier post if this answer went public in its channel within the window;
    /// otherwise `None`, and this post is the one later repeats will point to.
    pub fn repeat_of(&mut self, key: RepeatKey, now: Timestamp) -> Option<Earlier> {
        if self.window.is_zero() {
            return None;
        }
        let window = self.window;
        let fresh = |earlier: &Earlier| now.duration_since(earlier.at).unsigned_abs() < window;
        if let Some(earlier) = self.posted.get(&key).filter(|e| fresh(e)) {
            return Some(earlier.clone());
        }
        self.posted.put(
            key,
            Earlier {
                at: now,
                link: None,
            },
        );
        None
    }

    /// Forgets the post remembered under `key`: it never went out (Discord refused it), so the
    /// next asker gets the answer in public rather than a pointer to nothing.
    pub fn forget(&mut self, key: RepeatKey) {
        self.posted.pop(&key);
    }

    /// Records where the post remembered under `key` is, for the repeats that point to it.
    pub fn found(&mut self, key: RepeatKey, link: String) {
        if let Some(earlier) = self.posted.peek_mut(&key) {
            earlier.link = Some(link);
        }
    }

    /// The time and place of the post remembered under `key`, for sharing with other replicas.
    pub fn earlier(&self, key: RepeatKey) -> Option<&Earlier> {
        self.posted.peek(&key)
    }

    /// Another replica posted the answer under `key` (`elsewhere`) while this one was about to:
    /// if that post is within the window, it is the one remembered (this one is never sent)
    /// and returned, for the answer to become a repeat pointing to it.
    pub fn posted_elsewhere(
        &mut self,
        key: RepeatKey,
        elsewhere: Earlier,
        now: Timestamp,
    ) -> Option<Earlier> {
        let fresh = now.duration_since(elsewhere.at).unsigned_abs() < self.window;
        if !fresh {
            return None;
        }
        self.posted.put(key, elsewhere.clone());
        Some(elsewhere)
    }

    /// How many answers are remembered.
    pub fn len(&self) -> usize {
        self.posted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.posted.is_empty()
    }
}

/// Who already said whether an answer helped: one vote per member per answer. Only a hash of
/// the two is kept, for the most recent answers: never a member's id.
#[derive(Debug)]
pub struct Votes {
    seen: LruCache<u64, ()>,
}

impl Default for Votes {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

/// A member's vote on an answer, as the memory of votes keeps it: a hash of the two. The hash
/// (FNV-1a of both ids) is the same in every build, since a shared store keeps it for months
/// and replicas of different versions must agree on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VoteBy(u64);

impl VoteBy {
    pub fn of(user: UserId, answer: MessageId) -> Self {
        let bytes = user.get().to_le_bytes().into_iter();
        let bytes = bytes.chain(answer.get().to_le_bytes());
        Self(bytes.fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        }))
    }

    /// The hash, as a store keeps it.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl Votes {
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            seen: lru(capacity),
        }
    }

    /// Whether this is the member's first vote on the answer; it counts from now on.
    pub fn first(&mut self, vote: VoteBy) -> bool {
        self.seen.put(vote.0, ()).is_none()
    }

    /// Forgets a vote that could not be acknowledged, so that the member may vote again.
    pub fn forget(&mut self, vote: VoteBy) {
        self.seen.pop(&vote.0);
    }

    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

/// The forum posts already handled, so that a second announcement of one never answers twice,
/// and the language each server prefers, which its posts are answered in.
#[derive(Debug)]
pub struct Forums {
    watched: Vec<ChannelId>,
    handled: LruCache<ChannelId, ()>,
    langs: LruCache<GuildId, Lang>,
}

impl Forums {
    pub fn new(watched: Vec<ChannelId>) -> Self {
        Self::with_capacity(watched, CAPACITY, SERVERS)
    }

    pub fn with_capacity(watched: Vec<ChannelId>, posts: usize, servers: usize) -> Self {
        Self {
            watched,
            handled: lru(posts),
            langs: lru(servers),
        }
    }

    /// Whether `forum` is one of the forums watched.
    pub fn watches(&self, forum: ChannelId) -> bool {
        self.watched.contains(&forum)
    }

    /// Whether any forum is watched (and so whether servers' languages matter).
    pub fn any(&self) -> bool {
        !self.watched.is_empty()
    }

    /// Whether `post` is handled for the first time; it counts as handled from now on.
    pub fn first(&mut self, post: ChannelId) -> bool {
        self.handled.put(post, ()).is_none()
    }

    /// Notes the language `guild` prefers.
    pub fn server_lang(&mut self, guild: GuildId, lang: Lang) {
        if self.any() {
            self.langs.put(guild, lang);
        }
    }

    /// The language `guild`'s posts are answered in: English when it never said.
    pub fn lang_of(&mut self, guild: GuildId) -> Lang {
        self.langs.get(&guild).copied().unwrap_or_default()
    }

    /// Posts and servers remembered.
    pub fn len(&self) -> (usize, usize) {
        (self.handled.len(), self.langs.len())
    }
}

/// Members' messages faqbot was unsure about when a helper asked it to answer one, until the
/// helper picks a topic: the pick is then a label for the message's words (a suggestion in the
/// keeper's inbox). Only the text is kept, by the message's id, and a handful of them: a helper
/// picks within minutes or not at all. A ring of bounded size, searched from the newest: it
/// grows with use up to its bound, and a thousand ids are compared in about a microsecond.
#[derive(Debug, Default)]
pub struct Doubts(std::collections::VecDeque<(MessageId, String)>);

/// Messages awaiting a helper's pick, at most.
pub const DOUBTS: usize = 1_000;
/// Characters of a message kept for its label, at most (what insight stores of a question).
const DOUBT_CHARS: usize = 300;

impl Doubts {
    /// Keeps the words of `message`, which a helper is asked to pick a topic for.
    pub fn note(&mut self, message: MessageId, text: &str) {
        self.take(message);
        if self.0.len() == DOUBTS {
            self.0.pop_front();
        }
        let text = text.trim().chars().take(DOUBT_CHARS).collect();
        self.0.push_back((message, text));
    }

    /// The words of `message`, if it is one faqbot was unsure about; forgotten once taken.
    pub fn take(&mut self, message: MessageId) -> Option<String> {
        let at = self.0.iter().rposition(|(id, _)| *id == message)?;
        self.0.remove(at).map(|(_, text)| text)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(user: u64, answer: u64) -> VoteBy {
        VoteBy::of(UserId::new(user), MessageId::new(answer))
    }

    #[test]
    fn one_vote_per_member_and_answer_unless_it_was_forgotten() {
        let mut votes = Votes::default();
        assert!(votes.first(vote(1, 10)));
        assert!(
            !votes.first(vote(1, 10)),
            "the same member on the same answer"
        );
        assert!(
            votes.first(vote(2, 10)) && votes.first(vote(1, 11)),
            "others and other answers count"
        );
        votes.forget(vote(1, 10));
        assert!(
            votes.first(vote(1, 10)),
            "a vote that could not be acknowledged may be cast again"
        );
    }

    fn key(channel: u64, answer: u64) -> RepeatKey {
        RepeatKey {
            channel: ChannelId::new(channel),
            answer,
        }
    }

    #[test]
    fn the_same_answer_in_the_same_channel_within_the_window_is_a_repeat() {
        let mut recent = Repeats::new(Duration::from_secs(60));
        let t0 = Timestamp::from_second(1_800_000_000).unwrap();
        let later = |s: i64| Timestamp::from_second(t0.as_second() + s).unwrap();
        assert_eq!(recent.repeat_of(key(1, 9), t0), None);
        assert_eq!(recent.repeat_of(key(1, 9), later(30)).unwrap().at, t0);
        assert_eq!(
            recent.repeat_of(key(2, 9), later(31)),
            None,
            "another channel"
        );
        assert_eq!(
            recent.repeat_of(key(1, 8), later(32)),
            None,
            "another answer"
        );
        assert_eq!(
            recent.repeat_of(key(1, 9), later(61)),
            None,
            "the window passed"
        );
        assert!(recent.repeat_of(key(1, 9), later(62)).is_some());
    }

    #[test]
    fn the_link_found_after_posting_reaches_later_repeats() {
        let mut recent = Repeats::new(Duration::from_secs(60));
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        recent.repeat_of(key(1, 9), now);
        recent.found(key(1, 9), "https://discord.com/channels/5/1/3".to_owned());
        recent.found(key(4, 4), "nowhere".to_owned());
        let earlier = recent.repeat_of(key(1, 9), now).unwrap();
        assert_eq!(
            earlier.link.as_deref(),
            Some("https://discord.com/channels/5/1/3")
        );
        assert_eq!(recent.len(), 1, "a link for an unknown post adds nothing");
    }

    #[test]
    fn a_post_another_replica_made_within_the_window_is_the_one_remembered() {
        let mut recent = Repeats::new(Duration::from_secs(60));
        let t0 = Timestamp::from_second(1_800_000_000).unwrap();
        let later = |s: i64| Timestamp::from_second(t0.as_second() + s).unwrap();
        let elsewhere = Earlier {
            at: t0,
            link: Some("link".to_owned()),
        };
        assert_eq!(recent.repeat_of(key(1, 9), later(5)), None, "a first here");
        assert_eq!(
            recent.posted_elsewhere(key(1, 9), elsewhere.clone(), later(5)),
            Some(elsewhere.clone())
        );
        assert_eq!(
            recent.repeat_of(key(1, 9), later(6)),
            Some(elsewhere.clone()),
            "later repeats point to the other replica's post"
        );
        recent.repeat_of(key(2, 9), later(100));
        assert_eq!(
            recent.posted_elsewhere(key(2, 9), elsewhere, later(100)),
            None,
            "a post older than the window is no reason to hold back"
        );
        assert_eq!(
            VoteBy::of(UserId::new(1), MessageId::new(2)).get(),
            0x7717_9803_63c8_e066,
            "the vote's hash is the same in every build"
        );
    }

    #[test]
    fn a_zero_window_is_never_a_repeat() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let mut off = Repeats::new(Duration::ZERO);
        off.repeat_of(key(1, 1), now);
        assert_eq!(off.repeat_of(key(1, 1), now), None);
        assert!(off.is_empty());
    }

    #[test]
    fn memory_is_bounded_and_fresh_entries_survive_a_flood_in_order() {
        let mut recent = Repeats::with_capacity(Duration::from_secs(60), 100);
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        for answer in 0..10_000 {
            recent.repeat_of(key(1, answer), now);
        }
        assert_eq!(recent.len(), 100, "bounded however many fresh answers come");
        assert!(
            recent.repeat_of(key(1, 9_999), now).is_some(),
            "the newest is kept"
        );
        assert!(
            recent.repeat_of(key(1, 0), now).is_none(),
            "the oldest went first"
        );
    }

    #[test]
    fn forum_posts_are_handled_once_and_servers_keep_their_language() {
        let mut forums = Forums::with_capacity(vec![ChannelId::new(5)], 2, 2);
        assert!(forums.watches(ChannelId::new(5)) && !forums.watches(ChannelId::new(6)));
        assert!(forums.first(ChannelId::new(100)));
        assert!(!forums.first(ChannelId::new(100)), "the same post again");
        forums.server_lang(GuildId::new(1), Lang::FRENCH);
        assert_eq!(forums.lang_of(GuildId::new(1)), Lang::FRENCH);
        assert_eq!(forums.lang_of(GuildId::new(2)), Lang::ENGLISH, "never said");
        for post in 0..1_000 {
            forums.first(ChannelId::new(post));
            forums.server_lang(GuildId::new(post), Lang::FRENCH);
        }
        assert_eq!(forums.len(), (2, 2), "bounded however many come");
    }
}
