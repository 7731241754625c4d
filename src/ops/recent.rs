//! No channel spam: the same public answer twice in a channel within a short window is sent the
//! second time only to the asker, pointing to the first.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::time::Duration;

use jiff::Timestamp;

use crate::core::reply::Reply;

/// Entries kept before old ones are swept out, which bounds memory whatever the traffic.
const SWEEP_AT: usize = 4096;

/// Public answers posted recently, by channel.
#[derive(Debug)]
pub struct RecentAnswers {
    window: Duration,
    posted: Mutex<HashMap<(u64, u64), Earlier>>,
}

/// The earlier post of the same answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub at: Timestamp,
    /// The interaction token it was posted with, which can fetch the message for a link.
    pub token: String,
}

impl RecentAnswers {
    /// A zero `window` turns the check off.
    pub fn new(window: Duration) -> Self {
        Self {
            window,
            posted: Mutex::new(HashMap::new()),
        }
    }

    /// The earlier post if `reply` went public in `channel` within the window; otherwise `None`,
    /// and this post (made with `token`) is the one later duplicates will point to.
    pub fn repeat_of(
        &self,
        channel: u64,
        reply: &Reply,
        token: &str,
        now: Timestamp,
    ) -> Option<Earlier> {
        if self.window.is_zero() || reply.ephemeral {
            return None;
        }
        let key = (channel, fingerprint(reply));
        let mut posted = self.posted.lock().unwrap_or_else(|e| e.into_inner());
        let fresh = |earlier: &Earlier| now.duration_since(earlier.at).unsigned_abs() < self.window;
        if let Some(earlier) = posted.get(&key).filter(|e| fresh(e)) {
            return Some(earlier.clone());
        }
        if posted.len() >= SWEEP_AT {
            posted.retain(|_, earlier| fresh(earlier));
        }
        posted.insert(
            key,
            Earlier {
                at: now,
                token: token.to_owned(),
            },
        );
        None
    }
}

/// What makes two replies the same answer: their text, not when or to whom they were sent.
fn fingerprint(reply: &Reply) -> u64 {
    let mut hasher = DefaultHasher::new();
    reply.title.hash(&mut hasher);
    reply.body.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(title: &str) -> Reply {
        Reply {
            title: Some(title.to_owned()),
            body: "answer".to_owned(),
            ..Reply::default()
        }
    }

    #[test]
    fn the_same_answer_in_the_same_channel_within_the_window_is_a_repeat() {
        let recent = RecentAnswers::new(Duration::from_secs(60));
        let t0 = Timestamp::from_second(1_800_000_000).unwrap();
        let later = |s: i64| Timestamp::from_second(t0.as_second() + s).unwrap();
        assert_eq!(recent.repeat_of(1, &reply("logo"), "first", t0), None);
        let repeat = recent
            .repeat_of(1, &reply("logo"), "second", later(30))
            .unwrap();
        assert_eq!((repeat.at, repeat.token.as_str()), (t0, "first"));
        assert_eq!(
            recent.repeat_of(2, &reply("logo"), "elsewhere", later(31)),
            None,
            "another channel"
        );
        assert_eq!(
            recent.repeat_of(1, &reply("un"), "other", later(32)),
            None,
            "another answer"
        );
        assert_eq!(
            recent.repeat_of(1, &reply("logo"), "third", later(61)),
            None,
            "the window passed"
        );
        assert!(recent
            .repeat_of(1, &reply("logo"), "fourth", later(62))
            .is_some());
    }

    #[test]
    fn private_replies_and_a_zero_window_are_never_repeats() {
        let now = Timestamp::from_second(1_800_000_000).unwrap();
        let off = RecentAnswers::new(Duration::ZERO);
        off.repeat_of(1, &reply("logo"), "a", now);
        assert_eq!(off.repeat_of(1, &reply("logo"), "b", now), None);
        let on = RecentAnswers::new(Duration::from_secs(60));
        let private = Reply {
            ephemeral: true,
            ..reply("logo")
        };
        on.repeat_of(1, &private, "a", now);
        assert_eq!(on.repeat_of(1, &private, "b", now), None);
    }
}
