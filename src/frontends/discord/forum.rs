//! New posts in the forums faqbot watches (`forum_channels`): THREAD_CREATE becomes the core's
//! [`Event::Thread`]; when the bot says it is a new post, its first message is read (when
//! Discord shows it) and handed back, and a sure answer is posted in the post's thread.
//! Gateway only, on the GUILDS intent: a forum post is a thread, and THREAD_CREATE announces it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use backon::{ExponentialBuilder, Retryable};
use jiff::Timestamp;
use serenity::all::{ChannelType, Context, GuildChannel, MessageId, Nonce};
use tracing::Instrument;

use super::interaction::Shared;
use super::{response, retryable};
use crate::core::bot::{Effect, Event, Post, Thread};
use crate::core::ids::{ChannelId, GuildId};
use crate::core::pipeline::Response;

/// Attempts at posting an answer before giving up (429, 5xx and network failures only).
const ATTEMPTS: usize = 3;
/// How long the first message of a post may take to fetch before the title alone is used.
const FIRST_MESSAGE_WAIT: Duration = Duration::from_secs(2);

/// The thread as the core knows it.
fn thread(thread: &GuildChannel) -> Thread {
    Thread {
        id: ChannelId::new(thread.id.get()),
        guild: GuildId::new(thread.guild_id.get()),
        parent: thread.parent_id.map(|p| ChannelId::new(p.get())),
        public: thread.kind == ChannelType::PublicThread,
        // A thread's id is minted when it is created, so it tells its age.
        created: Timestamp::from_second(thread.id.created_at().unix_timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH),
        // THREAD_CREATE also says the bot was added to a thread (when it posts there, say):
        // then it carries the bot's thread membership.
        joined: thread.member.is_some(),
        title: thread.name.clone(),
    }
}

/// Answers `thread` if the bot takes it for a new post in a watched forum and the FAQ is sure
/// of its answer.
pub(super) async fn answer_post(ctx: &Context, shared: &Arc<Shared>, new: GuildChannel) {
    let started = Instant::now();
    let (effects, _in_flight) =
        shared.handle_tracked(Event::Thread(thread(&new)), Timestamp::now(), started);
    if effects.is_empty() {
        tracing::debug!(
            thread = new.id.get(),
            "passed over: not a new post in a watched forum, or one already answered"
        );
    }
    for effect in effects {
        if let Effect::ReadPost(post) = effect {
            let span = tracing::info_span!(
                "forum post",
                thread = post.thread.get(),
                forum = new.parent_id.map(|p| p.get())
            );
            answer(ctx, shared, post, started).instrument(span).await;
        }
    }
}

async fn answer(ctx: &Context, shared: &Shared, post: Post, started: Instant) {
    let id = serenity::all::ChannelId::new(post.thread.get());
    // A forum post's first message has the thread's id. Its text is empty without the Message
    // Content intent (which faqbot does not ask for) unless the post mentions the bot: then the
    // title alone is the question.
    let first = ctx.http.get_message(id, MessageId::new(post.thread.get()));
    let body = match tokio::time::timeout(FIRST_MESSAGE_WAIT, first).await {
        Ok(Ok(message)) => Some(message.content),
        Ok(Err(e)) => {
            tracing::debug!(error = %e, "the post's first message is not readable; answering its title");
            None
        }
        Err(_) => None,
    };
    let now = Timestamp::now();
    let (effects, _) = shared.handle_tracked(Event::PostRead { post, body }, now, started);
    for effect in effects {
        let Effect::Post { nonce, turn, .. } = effect else {
            continue;
        };
        let Response::Message(reply) = &turn.decision().response else {
            continue;
        };
        let message = response::channel_message(reply)
            .nonce(Nonce::String(nonce))
            .enforce_nonce(true);
        let send = || async { id.send_message(&ctx.http, message.clone()).await };
        let sent = send
            .retry(backoff())
            .sleep(tokio::time::sleep)
            .when(retryable)
            .notify(|e, wait| {
                tracing::warn!(error = %e, ?wait, "posting the answer failed; retrying");
            })
            .await;
        if let Err(e) = &sent {
            tracing::error!(
                error = %e,
                "posting the answer failed; the bot needs View Channel and Send Messages in Threads in the forum"
            );
        }
        shared.done(turn, sent.is_ok(), started, now);
    }
}

/// Half a second, then a second, with jitter: Discord's 429s and 5xx pass quickly, and
/// replicas retrying together do not retry in step.
fn backoff() -> ExponentialBuilder {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(500))
        .with_max_delay(Duration::from_secs(4))
        .with_max_times(ATTEMPTS - 1)
        .with_jitter()
}
