//! New posts in the forums faqbot watches (`forum_channels`): the post's title, and its first
//! message when Discord shows it, go to the core as a question; a sure answer is posted in the
//! post's thread, anything else leaves the post alone. Gateway only, on the GUILDS intent: a
//! forum post is a thread, and THREAD_CREATE announces it.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use lru::LruCache;
use serenity::all::{ChannelType, Context, GuildChannel, GuildId, MessageId, Nonce};
use tracing::Instrument;

use super::interaction::Shared;
use super::{response, retryable};
use crate::core::pipeline::{Kind, Request, Response};

/// A thread older than this is not a new post: THREAD_CREATE also comes when the bot is added
/// to an old thread, and a reply there would be out of place.
const NEW_FOR: Duration = Duration::from_secs(10 * 60);
/// How far this machine's clock may lag Discord's (which minted the thread's id) before a new
/// post would look as if it came from the future.
const CLOCK_LAG: Duration = Duration::from_secs(2 * 60);
/// Posts remembered as handled, so that a second THREAD_CREATE for one never answers twice.
const REMEMBERED: usize = 4096;
/// Attempts at posting an answer before giving up (429, 5xx and network failures only).
const ATTEMPTS: u32 = 3;
/// How long the first message of a post may take to fetch before the title alone is used.
const FIRST_MESSAGE_WAIT: Duration = Duration::from_secs(2);

/// The forums to answer new posts in, and what answering them needs to remember.
#[derive(Debug)]
pub(super) struct Forums {
    channels: Vec<u64>,
    /// Posts already handled (by thread id).
    handled: Mutex<LruCache<u64, ()>>,
    /// Each server's language, from GUILD_CREATE: a post is answered in it.
    locales: Mutex<HashMap<GuildId, String>>,
}

impl Forums {
    pub(super) fn new(channels: Vec<u64>) -> Self {
        Self {
            channels,
            handled: Mutex::new(LruCache::new(
                NonZeroUsize::new(REMEMBERED).unwrap_or(NonZeroUsize::MIN),
            )),
            locales: Mutex::new(HashMap::new()),
        }
    }

    /// Notes the language a server prefers (its Community setting; `en-US` by default).
    pub(super) fn server_locale(&self, guild: GuildId, locale: &str) {
        if self.any() {
            let mut locales = self.locales.lock().unwrap_or_else(|e| e.into_inner());
            locales.insert(guild, locale.to_owned());
        }
    }

    /// Whether any forum is watched, and so whether the gateway needs the GUILDS intent.
    pub(super) fn any(&self) -> bool {
        !self.channels.is_empty()
    }

    /// Whether `thread` is a post opened lately in a watched forum, seen for the first time.
    fn is_new_post(&self, thread: &GuildChannel, now: Timestamp) -> bool {
        let in_forum = thread
            .parent_id
            .is_some_and(|parent| self.channels.contains(&parent.get()));
        // A thread's id is minted when it is created, so it tells its age.
        let created = thread.id.created_at().unix_timestamp();
        let age = now.as_second().saturating_sub(created);
        let recent = (-(CLOCK_LAG.as_secs() as i64)..=NEW_FOR.as_secs() as i64).contains(&age);
        // THREAD_CREATE also says the bot was added to a thread (when it posts there, say):
        // then it carries the bot's thread membership.
        let created_now = thread.member.is_none();
        in_forum
            && thread.kind == ChannelType::PublicThread
            && recent
            && created_now
            && self
                .handled
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .put(thread.id.get(), ())
                .is_none()
    }
}

/// Answers `thread` if it is a new post in a watched forum and the FAQ is sure of its answer.
pub(super) async fn answer_post(
    ctx: &Context,
    shared: &Arc<Shared>,
    forums: &Forums,
    thread: GuildChannel,
) {
    let now = Timestamp::now();
    if !forums.is_new_post(&thread, now) {
        return;
    }
    let span = tracing::info_span!(
        "forum post",
        thread = thread.id.get(),
        forum = thread.parent_id.map(|p| p.get())
    );
    answer_new_post(ctx, shared, forums, thread, now)
        .instrument(span)
        .await;
}

async fn answer_new_post(
    ctx: &Context,
    shared: &Arc<Shared>,
    forums: &Forums,
    thread: GuildChannel,
    now: Timestamp,
) {
    let started = Instant::now();
    // A forum post's first message has the thread's id. Its text is empty without the Message
    // Content intent (which faqbot does not ask for) unless the post mentions the bot: then the
    // title alone is the question.
    let first = ctx
        .http
        .get_message(thread.id, MessageId::new(thread.id.get()));
    let body = match tokio::time::timeout(FIRST_MESSAGE_WAIT, first).await {
        Ok(Ok(message)) => Some(message.content),
        Ok(Err(e)) => {
            tracing::debug!(error = %e, "the post's first message is not readable; answering its title");
            None
        }
        Err(_) => None,
    };
    let request = Request {
        kind: Kind::ForumPost {
            title: thread.name.clone(),
            body,
        },
        channel: Some(thread.id.get()),
        locale: forums
            .locales
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&thread.guild_id)
            .cloned(),
        private_only: false,
        now,
    };
    let decision = shared.live.pipeline().decide(&request);
    let Response::Message(reply) = &decision.response else {
        shared.account(&decision, true, started, now);
        return;
    };
    // The thread's id as nonce, enforced: Discord keeps one answer per post even if this is
    // retried after a post that went through, or THREAD_CREATE comes twice.
    let message = response::channel_message(reply)
        .nonce(Nonce::String(thread.id.to_string()))
        .enforce_nonce(true);
    let mut attempt = 1;
    let sent = loop {
        match thread.id.send_message(&ctx.http, message.clone()).await {
            Ok(_) => break true,
            Err(e) if attempt < ATTEMPTS && retryable(&e) => {
                tracing::warn!(error = %e, attempt, "posting the answer failed; retrying");
                tokio::time::sleep(Duration::from_millis(500) * 2u32.pow(attempt - 1)).await;
                attempt += 1;
            }
            Err(e) => {
                tracing::error!(
                    error = %e,
                    "posting the answer failed; the bot needs View Channel and Send Messages in Threads in the forum"
                );
                break false;
            }
        }
    };
    shared.account(&decision, sent, started, now);
}
