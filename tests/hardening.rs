//! Whatever users type — control characters, bidi overrides, combining marks, markdown, mention
//! and timestamp syntax, up to Discord's 6000 characters — the path from an interaction to the
//! response never panics and never produces a live mention; and shutting down never loses an
//! interaction taken at the moment it began.

use std::sync::Arc;
use std::time::Instant;

use faqbot::core::faq::Faq;
use faqbot::frontends::discord::interaction::{Begun, Shared};
use faqbot::ops::live::Live;
use futures_util::FutureExt;
use proptest::prelude::*;
use serde_json::{json, Value};
use serenity::all::Interaction;

/// Pieces of hostile or merely unusual text, mixed with arbitrary characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        any::<char>().prop_map(String::from),
        prop::sample::select(vec![
            "@everyone",
            "@here",
            "<@123456789012345678>",
            "<@!42>",
            "<@&99>",
            "<#7>",
            "</ask:1>",
            "<t:1700000000:R>",
            "<t:abc>",
            "**",
            "__",
            "~~",
            "||",
            "`",
            "```",
            "> ",
            "# ",
            "-# ",
            "[x](https://example.com)",
            "https://discord.gg/abc",
            "\u{202e}",
            "\u{200f}",
            "\u{2066}",
            "\u{0301}",
            "\u{0336}",
            "\u{200b}",
            "\u{feff}",
            "\0",
            "\n",
            "\r\n",
            "\t",
            "\u{7f}",
            "\u{2028}",
            "👍🏽",
            "🏳️‍🌈",
            "ﷺ",
            "𝕚𝕤𝕠",
            "ISO",
            "logo",
            "join",
            "certif",
            "l'",
            "\\",
        ])
        .prop_map(str::to_owned),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..200).prop_map(|parts| {
        let text: String = parts.concat();
        text.chars().take(6000).collect()
    })
}

fn interaction(kind: u8, name: &str, option: &str, value: &str) -> Interaction {
    let mut options = json!([{"name": option, "type": 3, "value": value}]);
    if kind == 4 {
        options[0]["focused"] = json!(true);
    }
    let data = if kind == 3 {
        json!({"custom_id": value, "component_type": 2})
    } else {
        json!({"id": "5000", "name": name, "type": 1, "options": options})
    };
    let mut event = json!({
        "id": "1", "application_id": "2000", "type": kind, "token": "t", "version": 1,
        "channel_id": "3", "locale": "en-US", "entitlements": [], "attachment_size_limit": 8_388_608,
        "user": {"id": "6", "username": "u", "discriminator": "0", "avatar": null},
        "data": data,
    });
    if kind == 3 {
        event["message"] = json!({
            "id": "7", "channel_id": "3", "author": {"id": "1", "username": "b", "avatar": null},
            "content": "", "timestamp": "2026-01-01T00:00:00Z", "edited_timestamp": null, "tts": false,
            "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": [], "pinned": false, "type": 20,
        });
    }
    serde_json::from_value(event).expect("a well-formed interaction")
}

/// Every string the user will see in a response.
fn texts(response: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for embed in response["data"]["embeds"].as_array().into_iter().flatten() {
        for key in ["title", "description"] {
            out.extend(embed[key].as_str().map(str::to_owned));
        }
        for field in embed["fields"].as_array().into_iter().flatten() {
            out.extend(field["name"].as_str().map(str::to_owned));
            out.extend(field["value"].as_str().map(str::to_owned));
        }
    }
    for choice in response["data"]["choices"].as_array().into_iter().flatten() {
        out.extend(choice["name"].as_str().map(str::to_owned));
    }
    out
}

/// A mention Discord would render: `<@id>`, `<@!id>`, `<@&id>`, or a bare `@everyone`/`@here`.
fn has_live_mention(text: &str) -> bool {
    if text.contains("@everyone") || text.contains("@here") {
        return true;
    }
    text.match_indices("<@").any(|(at, _)| {
        let rest = &text[at + 2..];
        let rest = rest.strip_prefix(['!', '&']).unwrap_or(rest);
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with('>')
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_in_any_interaction_is_answered_safely(question in text()) {
        static SHARED: std::sync::LazyLock<Arc<Shared>> = std::sync::LazyLock::new(|| {
            Shared::new(Arc::new(Live::new(Faq::embedded(&faqbot::frontends::discord::limits::LIMITS), None, faqbot::core::pipeline::Settings::default())), faqbot::core::bot::Memory::default(), None)
        });
        for interaction in [
            interaction(2, "ask", "question", &question),
            interaction(2, "faq", "topic", &question),
            interaction(4, "ask", "question", &question),
            interaction(4, "faq", "topic", &question),
            interaction(3, "", "", &question.chars().take(100).collect::<String>()),
        ] {
            let Begun::Answer(turn) = SHARED.begin(&interaction, Instant::now()).now_or_never().expect("without a store, begun at once") else {
                panic!("answered")
            };
            let response = serde_json::to_value(&turn.response).unwrap();
            if response["type"] == 4 {
                prop_assert_eq!(&response["data"]["allowed_mentions"]["parse"], &json!([]));
            }
            for text in texts(&response) {
                prop_assert!(!has_live_mention(&text), "live mention in {:?}", text);
            }
            let choices = response["data"]["choices"].as_array().map_or(0, Vec::len);
            prop_assert!(choices <= 25);
        }
    }
}

#[test]
fn the_mention_detector_detects() {
    assert!(has_live_mention("hi @everyone"));
    assert!(has_live_mention("<@123>") && has_live_mention("<@!1>") && has_live_mention("<@&9>"));
    assert!(!has_live_mention("@\u{200b}everyone \\<@\u{200b}123\\>"));
}

/// Shutting down waits for every interaction taken and takes none after, even when an
/// interaction is taken on one thread at the very moment another begins closing: when `close`
/// returns, no turn is left unanswered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_never_misses_an_interaction_taken_at_the_same_moment() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let live = Arc::new(Live::new(
        Faq::embedded(&faqbot::frontends::discord::limits::LIMITS),
        None,
        faqbot::core::pipeline::Settings::default(),
    ));
    for round in 0..200 {
        let shared = Shared::new(
            Arc::clone(&live),
            faqbot::core::bot::Memory::default(),
            None,
        );
        let unanswered = Arc::new(AtomicUsize::new(0));
        let worker = {
            let (shared, unanswered) = (Arc::clone(&shared), Arc::clone(&unanswered));
            std::thread::spawn(move || loop {
                let ask = interaction(2, "logo", "x", "");
                match shared
                    .begin(&ask, Instant::now())
                    .now_or_never()
                    .expect("without a store, begun at once")
                {
                    Begun::Answer(turn) => {
                        unanswered.fetch_add(1, Ordering::SeqCst);
                        std::thread::yield_now();
                        unanswered.fetch_sub(1, Ordering::SeqCst);
                        drop(shared.finish(turn, true));
                    }
                    Begun::Closing => break,
                    Begun::Unsupported => panic!("a slash command is supported"),
                }
            })
        };
        if round % 2 == 1 {
            tokio::task::yield_now().await;
        }
        shared.close(std::time::Duration::from_secs(10)).await;
        assert_eq!(
            unanswered.load(Ordering::SeqCst),
            0,
            "round {round}: close returned with an interaction still being answered"
        );
        worker.join().unwrap();
    }
}
