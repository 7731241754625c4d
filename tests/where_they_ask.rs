//! Meeting people where they ask, with the real binary against the fake Discord: answering a
//! member's message from its context menu, `for:` someone, user installs outside any server,
//! French, 👍/👎 votes in `faqbot report`, and new forum posts.

mod bot;
mod common;
mod fake_discord;

use std::sync::atomic::Ordering;
use std::time::Duration;

use bot::{
    answer, assert_within_limits, buttons, connected, connected_with, embed, is_ephemeral,
    keep_payload, Bot,
};
use fake_discord::{
    click_by, forum_post, guild_create, in_channel, in_locale, member_user, message_menu,
    message_object, select, slash, slash_for, snowflake, user, user_installed, FakeDiscord,
};
use serde_json::{json, Value};

const MENU: &str = "Answer with FAQ";

/// A member's message in a server channel, as the context menu resolves it.
fn members_message(id: &str, content: &str) -> Value {
    message_object(id, "3100", &member_user("6001"), content)
}

/// Asserts that `callback` is a public answer addressed to `user` and pinging nobody else.
fn assert_addressed_to(callback: &Value, user: &str) {
    assert_eq!(callback["type"], 4, "{callback:#}");
    assert!(!is_ephemeral(callback), "public: {callback:#}");
    let content = callback["data"]["content"].as_str().unwrap_or_default();
    assert!(content.starts_with(&format!("<@{user}>")), "{content}");
    let mentions = &callback["data"]["allowed_mentions"];
    assert_eq!(
        mentions["parse"],
        json!([]),
        "no @everyone, roles or users by parsing"
    );
    assert_eq!(mentions["users"], json!([user]), "exactly that user");
    assert_eq!(mentions["roles"], json!([]));
}

fn select_menu(callback: &Value) -> Option<&Value> {
    callback["data"]["components"]
        .as_array()?
        .iter()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .find(|c| c["type"] == 3)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sure_message_is_answered_publicly_for_its_author_only() {
    let (fake, _bot) = connected().await;
    let question = "hey @everyone <@&777> <@6009> does anyone know if we can put the iso logo on our website??";
    let callback = answer(
        &fake,
        message_menu(6000, MENU, members_message("8100", question)),
    )
    .await;
    assert_addressed_to(&callback, "6001");
    let content = callback["data"]["content"].as_str().unwrap();
    assert!(
        content.contains("https://discord.com/channels/4000/3100/8100"),
        "links to the question: {content}"
    );
    assert!(
        !content.contains("everyone") && !content.contains("6009"),
        "{content}"
    );
    assert_eq!(
        embed(&callback)["title"],
        "Who is allowed to use the ISO logo?"
    );
    let ids = buttons(&callback);
    assert!(
        ids.iter().any(|id| id.starts_with("vote:up:logo:")),
        "{ids:?}"
    );
    assert!(
        ids.iter().any(|id| id.starts_with("vote:down:logo:")),
        "{ids:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unsure_message_lets_the_helper_choose_privately_then_posts_the_choice() {
    let (fake, _bot) = connected().await;
    let callback = answer(
        &fake,
        message_menu(
            6000,
            MENU,
            members_message("8101", "what's the best pizza in Geneva?"),
        ),
    )
    .await;
    assert!(
        is_ephemeral(&callback),
        "the helper's choice is private: {callback:#}"
    );
    assert_eq!(
        callback["data"]["allowed_mentions"]["users"],
        json!([]),
        "no one pinged yet"
    );
    assert!(callback["data"]["content"]
        .as_str()
        .unwrap_or_default()
        .is_empty());
    let menu = select_menu(&callback).expect("a menu of topics");
    let options: Vec<&str> = menu["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        options.len(),
        faqbot::core::faq::Faq::embedded(&faqbot::frontends::discord::limits::LIMITS)
            .topics
            .len()
    );
    let menu_id = menu["custom_id"].as_str().unwrap().to_owned();

    // From the menu…
    // The picker is in the member's channel, as the answer will be.
    let in_3100 = |interaction| in_channel(interaction, 3100);
    let chosen = answer(&fake, in_3100(select(6001, &menu_id, &["membership"]))).await;
    assert_addressed_to(&chosen, "6001");
    assert_eq!(
        embed(&chosen)["title"],
        "Can individuals or companies join ISO?"
    );
    assert!(chosen["data"]["content"]
        .as_str()
        .unwrap()
        .contains("https://discord.com/channels/4000/3100/8101"));

    // …or from a button of the closest topics.
    let picks: Vec<String> = buttons(&callback)
        .into_iter()
        .filter(|id| id.starts_with("pick:") && *id != menu_id)
        .collect();
    let pick = picks.first().expect("buttons for the closest topics");
    let topic = pick.split(':').nth(1).unwrap();
    let posted = answer(&fake, fake_discord::click(6002, pick)).await;
    assert_addressed_to(&posted, "6001");
    let faq = faqbot::core::faq::Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    assert_eq!(
        embed(&posted)["title"],
        faq.topic(topic).unwrap().question.as_str()
    );

    // The same pick again (the picker stays open, or a second helper): the member is not
    // pinged twice; the helper gets the answer privately, pointing to the first.
    let again = answer(&fake, in_3100(select(6004, &menu_id, &["membership"]))).await;
    assert!(is_ephemeral(&again), "{again:#}");
    assert_eq!(again["data"]["allowed_mentions"]["users"], json!([]));
    assert_eq!(again["data"]["content"].as_str().unwrap_or_default(), "");

    // A made-up pick (a stale or forged id) is refused politely, pinging no one.
    let forged = answer(&fake, select(6003, &menu_id, &["no-such-topic"])).await;
    assert!(is_ephemeral(&forged));
    assert_eq!(forged["data"]["allowed_mentions"]["users"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_embed_only_and_own_messages_get_a_private_note() {
    let (fake, _bot) = connected().await;
    let note = |callback: &Value| {
        assert!(is_ephemeral(callback), "{callback:#}");
        assert_eq!(callback["data"]["allowed_mentions"]["users"], json!([]));
        embed(callback)["description"].as_str().unwrap().to_owned()
    };
    let empty = answer(
        &fake,
        message_menu(6000, MENU, members_message("8102", "   ")),
    )
    .await;
    assert_eq!(note(&empty), "That message has no text to answer.");

    let mut image = members_message("8103", "");
    image["attachments"] = json!([{
        "id": "1", "filename": "cert.png", "size": 10, "url": "https://cdn.example/cert.png",
        "proxy_url": "https://cdn.example/cert.png",
    }]);
    let image = answer(&fake, message_menu(6001, MENU, image)).await;
    assert!(note(&image).contains("only embeds or attachments"));

    let own = message_object(
        "8104",
        "3100",
        &user(),
        "Who is allowed to use the ISO logo?",
    );
    let own = answer(&fake, message_menu(6002, MENU, own)).await;
    assert_eq!(note(&own), "That is one of my own messages.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn for_someone_pings_only_them() {
    let (fake, _bot) = connected().await;
    let callback = answer(&fake, slash_for(6000, "membership", None, "6002")).await;
    assert_addressed_to(&callback, "6002");
    assert_eq!(
        embed(&callback)["title"],
        "Can individuals or companies join ISO?"
    );

    let asked = answer(
        &fake,
        slash_for(
            6001,
            "ask",
            Some(("question", "how do companies join iso")),
            "6003",
        ),
    )
    .await;
    assert_addressed_to(&asked, "6003");

    // Not sure: the asker gets the suggestions privately, and nobody is pinged.
    let unsure = answer(
        &fake,
        slash_for(
            6002,
            "ask",
            Some(("question", "what's the weather in Geneva")),
            "6004",
        ),
    )
    .await;
    assert!(is_ephemeral(&unsure));
    assert_eq!(unsure["data"]["allowed_mentions"]["users"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_install_answers_outside_any_server() {
    let (fake, _bot) = connected().await;
    // A DM between two users (context 2), where only a user-installed app can be used.
    let callback = answer(&fake, user_installed(slash(6000, "logo", None, false), 2)).await;
    assert_eq!(callback["type"], 4, "{callback:#}");
    assert_eq!(
        embed(&callback)["title"],
        "Who is allowed to use the ISO logo?"
    );

    // The menu on a message in the bot's DM: the link has no server.
    let mut message = members_message("8105", "can i use the iso logo on my site");
    message["channel_id"] = json!("3200");
    let callback = answer(&fake, user_installed(message_menu(6001, MENU, message), 1)).await;
    assert_addressed_to(&callback, "6001");
    assert!(callback["data"]["content"]
        .as_str()
        .unwrap()
        .contains("https://discord.com/channels/@me/3200/8105"));

    let hours = answer(&fake, user_installed(slash(6002, "hours", None, false), 2)).await;
    assert_eq!(hours["type"], 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_install_in_a_server_without_external_apps_answers_privately() {
    let (fake, _bot) = connected().await;
    // Installed by the user, used in a server that did not install it.
    let in_server = |id, permissions: u64| {
        let mut interaction = slash_for(id, "membership", None, "6002");
        interaction["authorizing_integration_owners"] = json!({"1": "6000"});
        interaction["member"]["permissions"] = json!(permissions.to_string());
        interaction
    };
    const USE_EXTERNAL_APPS: u64 = 1 << 50;
    // Without Use External Apps, Discord shows the answer to the asker only: faqbot says it
    // privately and pings no one.
    let hidden = answer(&fake, in_server(6000, 0)).await;
    assert!(is_ephemeral(&hidden), "{hidden:#}");
    assert_eq!(hidden["data"]["allowed_mentions"]["users"], json!([]));
    assert_eq!(
        embed(&hidden)["title"],
        "Can individuals or companies join ISO?"
    );
    // With it, the answer is public, for the member named.
    let shown = answer(&fake, in_server(6001, USE_EXTERNAL_APPS)).await;
    assert_addressed_to(&shown, "6002");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_locale_gets_its_words_english_for_the_others() {
    let (fake, _bot) = connected().await;
    let hours = |id, locale| in_locale(slash(id, "hours", None, true), locale);
    let french = answer(&fake, hours(6000, "fr")).await;
    let english = answer(&fake, hours(6001, "en-GB")).await;
    let german = answer(&fake, hours(6002, "de")).await;
    let danish = answer(&fake, hours(6006, "da")).await;
    let field = |callback: &Value| embed(callback)["fields"][0]["name"].clone();
    assert_eq!(field(&french), "Téléphone");
    assert_eq!(field(&english), "Phone");
    assert_eq!(field(&german), "Telefon");
    assert_eq!(
        field(&danish),
        "Phone",
        "English for a locale with no catalogue"
    );
    let hours_field = |callback: &Value| embed(callback)["fields"][1]["value"].clone();
    assert!(hours_field(&french)
        .as_str()
        .unwrap()
        .starts_with("lun.–ven. : 09:00–12:00"));

    let logo = answer(&fake, in_locale(slash(6003, "logo", None, true), "fr")).await;
    assert_eq!(
        embed(&logo)["title"],
        "Qui a le droit d’utiliser le logo ISO ?"
    );
    assert!(
        embed(&logo)["description"]
            .as_str()
            .unwrap()
            .starts_with("**Réponse de l'ISO \\(en anglais\\)**\nOnly ISO, ISO members"),
        "ISO's answer stays verbatim, and says it is in English"
    );

    let refused = answer(
        &fake,
        in_locale(
            slash(
                6004,
                "ask",
                Some(("question", "comment monter un fichier iso sous linux")),
                true,
            ),
            "fr",
        ),
    )
    .await;
    assert_eq!(embed(&refused)["title"], "Pas dans la FAQ");

    let asked = answer(
        &fake,
        in_locale(
            slash(
                6005,
                "ask",
                Some(("question", "puis-je utiliser le logo ISO ?")),
                true,
            ),
            "fr",
        ),
    )
    .await;
    let labels: Vec<&str> = asked["data"]["components"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|row| row["components"].as_array().unwrap())
        .filter_map(|b| b["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"Utile") && labels.contains(&"Pas utile"),
        "{labels:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_are_thanked_counted_once_and_reported() {
    let (fake, bot, dir) = connected_with("insights_days = 30\n").await;
    const QUESTION: &str = "can we print the iso logo on our product boxes";
    let asked = answer(
        &fake,
        slash(6000, "ask", Some(("question", QUESTION)), true),
    )
    .await;
    let vote = |way: &str| {
        buttons(&asked)
            .into_iter()
            .find(|id| id.starts_with(&format!("vote:{way}:")))
            .expect("a vote button")
    };
    let (up, down) = (vote("up"), vote("down"));
    let thanks = answer(&fake, click_by(6001, &down, "8200", "6101")).await;
    assert!(is_ephemeral(&thanks));
    assert!(embed(&thanks)["description"]
        .as_str()
        .unwrap()
        .starts_with("Thanks"));
    // The same member again on the same answer: thanked, not counted.
    let again = answer(&fake, click_by(6002, &up, "8200", "6101")).await;
    assert!(is_ephemeral(&again));
    assert!(embed(&again)["description"]
        .as_str()
        .unwrap()
        .contains("already"));
    answer(&fake, click_by(6003, &down, "8200", "6102")).await;
    answer(&fake, click_by(6004, &up, "8200", "6103")).await;

    // A vote whose thanks Discord refused is not counted, and may be cast again.
    fake.faults().callback_failures.store(1, Ordering::SeqCst);
    fake.dispatch("INTERACTION_CREATE", click_by(6005, &down, "8200", "6104"));
    bot.wait_for_log("the response was refused").await;
    let retried = answer(&fake, click_by(6006, &down, "8200", "6104")).await;
    assert!(embed(&retried)["description"]
        .as_str()
        .unwrap()
        .starts_with("Thanks"));

    let expected = json!([{"topic": "logo", "helpful": 1, "unhelpful": 3}]);
    let json = common::report_until(dir.path(), |json| json["helpfulness"] == expected).await;
    assert_eq!(json["helpfulness"], expected, "{json:#}");
    assert_eq!(
        json["unhelpful"],
        json!([{"question": QUESTION, "topic": "logo", "count": 3}])
    );
    let text = common::faqbot(dir.path(), &["--config", "config.toml", "report"], &[]).stdout;
    assert!(
        text.contains("👍") && text.contains("25% helpful  /logo"),
        "{text}"
    );
    assert!(text.contains(&format!("3  {QUESTION}  → /logo")), "{text}");

    let db = common::insights_bytes(dir.path());
    assert!(
        !db.contains("6101") && !db.contains("6102"),
        "no voter stored"
    );
}

/// A bot watching forum 7700, connected.
async fn watching_forum() -> (FakeDiscord, Bot, tempfile::TempDir) {
    connected_with("forum_channels = [7700]\n").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_with_no_sure_answer_calls_the_helpers_role_and_pings_nothing_else() {
    let (fake, _bot, dir) =
        connected_with("forum_channels = [7700]\nhelpers_role = \"5550\"\n").await;
    let thread = snowflake(0) + 3;
    fake.set_first_message(&thread.to_string(), "@everyone <@6009> it jams on page two");
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(thread, "7700", "Printer jammed again", "6001"),
    );
    let posted = fake
        .wait_for("the note in the thread", Duration::from_secs(10), |fake| {
            fake.posted().into_iter().next()
        })
        .await;
    assert_eq!(posted["channel_id"], json!(thread.to_string()));
    assert_eq!(
        posted["embeds"][0]["title"], "Over to the helpers",
        "{posted}"
    );
    let post = fake
        .request("POST", &format!("/api/v10/channels/{thread}/messages"))
        .await;
    assert_eq!(
        post.body["content"], "<@&5550>",
        "the role, and nothing else"
    );
    let mentions = &post.body["allowed_mentions"];
    assert_eq!(mentions["parse"], json!([]), "{mentions}");
    assert_eq!(mentions["roles"], json!(["5550"]), "that role alone");
    assert!(
        mentions["users"].as_array().is_none_or(Vec::is_empty),
        "{mentions}"
    );
    assert_eq!(
        post.body["nonce"],
        json!(thread.to_string()),
        "one note per post"
    );
    assert_within_limits(&post.body);
    keep_payload(&json!({"type": 4, "data": post.body}));
    // The post is in the keeper's inbox.
    common::report_until(dir.path(), |json| {
        json["unanswered"].as_array().is_some_and(|u| {
            u.iter().any(|q| {
                q["question"]
                    .as_str()
                    .is_some_and(|q| q.starts_with("Printer jammed again"))
            })
        })
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_forum_posts_get_a_sure_answer_in_their_thread_or_nothing() {
    // At debug, the bot says which threads it passes over.
    let (fake, bot, _dir) = bot::connected_with_env(
        "forum_channels = [7700]\n",
        &[("RUST_LOG", "warn,faqbot=debug")],
    )
    .await;
    assert_eq!(fake.intents(), 1, "GUILDS, and nothing privileged");

    // Ignored: another forum, an old thread, a post the FAQ is not sure about.
    let elsewhere = snowflake(0);
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(elsewhere, "7701", "Can I use the ISO logo?", "6001"),
    );
    let old = snowflake(-3600);
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(old, "7700", "Can I use the ISO logo?", "6001"),
    );
    let unsure = snowflake(0) + 1;
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(unsure, "7700", "Printer jammed again", "6001"),
    );
    bot.wait_for_log("no sure answer; the post is left to people")
        .await;
    let about_it: Vec<String> = bot
        .log()
        .lines()
        .filter(|l| l.contains(" INFO ") && l.contains(&format!("thread={unsure}")))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        about_it.len(),
        1,
        "one line, which says what happened: {about_it:#?}"
    );

    // Answered from its title: without the Message Content intent, Discord shows the first
    // message's text as empty.
    let thread = snowflake(0) + 2;
    fake.set_first_message(
        &thread.to_string(),
        "we want to print it on our product boxes",
    );
    let title = "Can we print the ISO logo on our product boxes?";
    fake.dispatch("THREAD_CREATE", forum_post(thread, "7700", title, "6001"));
    let posted = fake
        .wait_for(
            "the answer in the thread",
            Duration::from_secs(10),
            |fake| fake.posted().into_iter().next(),
        )
        .await;
    assert_eq!(
        posted["channel_id"],
        json!(thread.to_string()),
        "in the post's own thread"
    );
    assert_eq!(
        posted["embeds"][0]["title"],
        "Who is allowed to use the ISO logo?"
    );
    let post = fake
        .request("POST", &format!("/api/v10/channels/{thread}/messages"))
        .await;
    assert_eq!(post.body["nonce"], json!(thread.to_string()));
    assert_eq!(
        post.body["enforce_nonce"],
        json!(true),
        "one answer per post, whatever happens"
    );
    assert_eq!(post.body["allowed_mentions"]["parse"], json!([]));
    assert_within_limits(&post.body);
    keep_payload(&json!({"type": 4, "data": post.body}));
    let components = post.body["components"].to_string();
    assert!(components.contains("vote:up:logo:") && components.contains("vote:down:logo:"));

    // The same post announced again, or the bot added to it (when it posted): nothing more.
    fake.dispatch("THREAD_CREATE", forum_post(thread, "7700", title, "6001"));
    let mut joined = forum_post(thread, "7700", title, "6001");
    joined["member"] = json!({"id": thread.to_string(), "user_id": "1000",
        "join_timestamp": "2026-01-01T00:00:00.000000+00:00", "flags": 1});
    fake.dispatch("THREAD_CREATE", joined);

    // Every one of them passed over, and said so: the post twice more, the others once.
    let passed_over = |id: u64| {
        let needle = format!("thread={id}");
        bot.log
            .text()
            .lines()
            .filter(|l| l.contains("passed over") && l.contains(&needle))
            .count()
    };
    fake.wait_for(
        "the ignored posts passed over",
        Duration::from_secs(20),
        |_| {
            (passed_over(thread) == 2 && passed_over(elsewhere) == 1 && passed_over(old) == 1)
                .then_some(())
        },
    )
    .await;
    assert_eq!(fake.posted().len(), 1, "nothing for the ignored posts");
    let touching = |id: u64| {
        fake.requests()
            .iter()
            .filter(|r| r.path.contains(&id.to_string()))
            .count()
    };
    assert_eq!(
        touching(elsewhere) + touching(old),
        0,
        "ignored posts are not even read"
    );
    assert_eq!(
        touching(thread),
        2,
        "one read of the first message, one answer"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forum_posts_are_read_whole_when_discord_shows_the_text_and_answered_in_the_servers_language(
) {
    let (fake, _bot, _dir) = watching_forum().await;
    fake.faults().message_content.store(true, Ordering::SeqCst);
    fake.dispatch("GUILD_CREATE", guild_create("4000", "fr"));
    // A clock a minute behind Discord's still takes the post as new.
    let thread = snowflake(60);
    fake.set_first_message(
        &thread.to_string(),
        "can our company put the iso logo on our product boxes?",
    );
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(thread, "7700", "Question", "6001"),
    );
    let posted = fake
        .wait_for(
            "the answer in the thread",
            Duration::from_secs(10),
            |fake| fake.posted().into_iter().next(),
        )
        .await;
    assert_eq!(
        posted["embeds"][0]["title"],
        "Qui a le droit d’utiliser le logo ISO ?"
    );
    assert!(
        posted["components"].to_string().contains("Pas utile"),
        "{posted:#}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forum_answer_is_retried_once_posted_and_a_refusal_is_logged() {
    let (fake, bot, _dir) = watching_forum().await;
    // Discord creates the message but answers 500: the retry carries the same nonce, and
    // Discord's deduplication keeps a single answer.
    fake.faults().message_failures.store(1, Ordering::SeqCst);
    let thread = snowflake(0);
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(thread, "7700", "Can my company join ISO?", "6001"),
    );
    fake.wait_for("a retry", Duration::from_secs(10), |fake| {
        let path = format!("/api/v10/channels/{thread}/messages");
        (fake
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path == path)
            .count()
            == 2)
            .then_some(())
    })
    .await;
    assert_eq!(fake.posted().len(), 1, "one answer");
    let log = bot
        .log_showing(&["posting the answer failed; retrying"])
        .await;
    assert!(log.contains("posting the answer failed; retrying"), "{log}");

    // No permission: logged with what to grant, and the bot carries on.
    fake.faults().refuse_messages.store(true, Ordering::SeqCst);
    let refused = snowflake(0) + 1;
    fake.dispatch(
        "THREAD_CREATE",
        forum_post(refused, "7700", "Is ISO part of the UN?", "6001"),
    );
    bot.wait_for_log("Send Messages in Threads").await;
    let path = format!("/api/v10/channels/{refused}/messages");
    let attempts = fake.requests().iter().filter(|r| r.path == path).count();
    assert_eq!(attempts, 1, "a refusal is not retried");
    let logo = answer(&fake, slash(6000, "logo", None, true)).await;
    assert_eq!(logo["type"], 4, "still answering");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_forums_the_bot_asks_for_no_intent() {
    let (fake, _bot) = connected().await;
    assert_eq!(fake.intents(), 0);
}

/// A question in Japanese from a member whose Discord is in English, and one in German from a
/// member in German: answered with the right topic (ISO's words, as the FAQ holds them), in
/// English words for the one and German words for the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_in_other_languages_are_answered() {
    let (fake, _bot) = connected().await;
    let japanese = answer(
        &fake,
        slash(
            6300,
            "ask",
            Some(("question", "ISOのロゴを自社の製品に載せてもいいですか")),
            true,
        ),
    )
    .await;
    assert_eq!(
        embed(&japanese)["title"],
        "Who is allowed to use the ISO logo?",
        "{japanese}"
    );
    let german = answer(
        &fake,
        in_locale(
            slash(
                6301,
                "ask",
                Some((
                    "question",
                    "Darf meine Firma das ISO-Logo auf die Verpackung drucken?",
                )),
                true,
            ),
            "de",
        ),
    )
    .await;
    // German words around ISO's English answer, which says whose words they are.
    assert_eq!(
        embed(&german)["title"],
        "Wer darf das ISO-Logo verwenden?",
        "{german}"
    );
    let description = embed(&german)["description"].as_str().unwrap().to_owned();
    assert!(
        description.starts_with("**Antwort der ISO \\(auf Englisch\\)**\nOnly ISO, ISO members"),
        "{description}"
    );
    let buttons = german["data"]["components"].to_string();
    assert!(
        buttons.contains("Bietet die ISO Zertifizierungen an?"),
        "{buttons}"
    );
}
