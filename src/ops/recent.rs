//! No channel spam: the memory of the answers posted publicly of late. When the same answer is
//! asked for again in the same channel within a short window, the asker gets it privately with
//! a pointer to the public one.
//!
//! The memory is bounded in entries and costs O(1) a call: a least-recently-used map, so a
//! flood of distinct answers pushes out the oldest instead of growing or sweeping.

use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::Duration;

use jiff::Timestamp;
use lru::LruCache;

use crate::core::pipeline::RepeatKey;

/// Answers remembered at most; far more than the channels a bot answers in within a window.
pub const CAPACITY: usize = 10_000;

/// Public answers posted recently, by channel and answer.
#[derive(Debug)]
pub struct RecentAnswers {
    window: Duration,
    posted: Mutex<LruCache<RepeatKey, Earlier>>,
}

/// The earlier post of the same answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub at: Timestamp,
    /// A link to the message, once the front end has found it (after posting, never while
    /// the user waits).
    pub link: Option<String>,
}

impl RecentAnswers {
    /// A zero `window` turns the check off.
    pub fn new(window: Duration) -> Self {
        Self::with_capacity(window, CAPACITY)
    }

    fn with_capacity(window: Duration, capacity: usize) -> Self {
        Self {
            window,
            posted: Mutex::new(LruCache::new(
                NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN),
            )),
        }
    }

    /// The earlier post if this answer went public in its channel within the window;
    /// otherwise `None`, and this post is the one later repeats will point to.
    pub fn repeat_of(&self, key: RepeatKey, now: Timestamp) -> Option<Earlier> {
        if self.window.is_zero() {
            return None;
        }
        let mut posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        let fresh = |earlier: &Earlier| now.duration_since(earlier.at).unsigned_abs() < self.window;
        if let Some(earlier) = posted.get(&key).filter(|e| fresh(e)) {
            return Some(earlier.clone());
        }
        posted.put(
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
    pub fn forget(&self, key: RepeatKey) {
        let mut posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        posted.pop(&key);
    }

    /// Records where the post remembered under `key` is, for the repeats that point to it.
    pub fn found(&self, key: RepeatKey, link: String) {
        let mut posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(earlier) = posted.peek_mut(&key) {
            earlier.link = Some(link);
        }
    }

    /// How many answers are remembered.
    pub fn len(&self) -> usize {
        self.posted.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Who already said whether an answer helped: one vote per member per answer. Only a hash of
/// the two is kept, in memory and for the most recent answers: never a member's id.
#[derive(Debug)]
pub struct Votes {
    seen: Mutex<LruCache<u64, ()>>,
}

impl Default for Votes {
    fn default() -> Self {
        Self {
            seen: Mutex::new(LruCache::new(
                NonZeroUsize::new(CAPACITY).unwrap_or(NonZeroUsize::MIN),
            )),
        }
    }
}

impl Votes {
    /// Whether this is `user`'s first vote on the answer `message`; it counts from now on.
    pub fn first(&self, user: u64, message: u64) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.put(Self::key(user, message), ()).is_none()
    }

    /// Forgets a vote that could not be acknowledged, so that the member may vote again.
    pub fn forget(&self, user: u64, message: u64) {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        seen.pop(&Self::key(user, message));
    }

    fn key(user: u64, message: u64) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (user, message).hash(&mut hasher);
        hasher.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_vote_per_member_and_answer_unless_it_was_forgotten() {
        let votes = Votes::default();
        assert!(votes.first(1, 10));
        assert!(!votes.first(1, 10), "the same member on the same answer");
        assert!(
            votes.first(2, 10) && votes.first(1, 11),
            "others and other answers count"
        );
        votes.forget(1, 10);
        assert!(
            votes.first(1, 10),
            "a vote that could not be acknowledged may be cast again"
        );
    }

    fn key(channel: u64, answer: u64) -> RepeatKey {
        RepeatKey { channel, answer }
    }

    #[test]
    fn the_same_answer_in_the_same_channel_within_the_window_is_a_repeat() {
        let recent = RecentAnswers::new(Duration::from_secs(60));
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
        let recent = RecentAnswers::new(Duration::from_secs(60));
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
    fn one_vote_per_member_per_answer() {
        let votes = Votes::default();
        assert!(votes.first(1, 100));
        assert!(!votes.first(1, 100), "the same member on the same answer");
        assert!(votes.first(2, 100), "another member");
        assert!(votes.first(1, 101), "another answer");
    }

    #[test]
    fn a_zero_window_is_never_a_repeat() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let off = RecentAnswers::new(Duration::ZERO);
        off.repeat_of(key(1, 1), now);
        assert_eq!(off.repeat_of(key(1, 1), now), None);
        assert!(off.is_empty());
    }

    #[test]
    fn memory_is_bounded_and_fresh_entries_survive_a_flood_in_order() {
        let recent = RecentAnswers::with_capacity(Duration::from_secs(60), 100);
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
}
