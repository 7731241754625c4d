//! `/ask`, `/faq` and autocomplete as users see them, and `faqbot ask` on the command line.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{discord_form, faqbot, repo};
use faqbot::core::bot::{Bot, Effect, Event, Memory};
use faqbot::core::faq::Faq;
use faqbot::core::ids::{ChannelId, MessageId, UserId};
use faqbot::core::matcher::Matcher;
use faqbot::core::pipeline::{Decision, Kind, Options, Pipeline, Request, Response, Settings};
use faqbot::core::reply::{self, Lang};
use faqbot::frontends::discord::markup::render;
use jiff::Timestamp;
use serde_json::Value;

fn now() -> Timestamp {
    "2026-11-25T10:15:00+01:00".parse().unwrap()
}

/// What a fresh bot decides for `request`, as every front end asks it.
fn decide(pipeline: &std::sync::Arc<Pipeline>, request: Request) -> Decision {
    let mut bot = Bot::new(std::sync::Arc::clone(pipeline), Memory::default());
    match bot.handle(Event::Interaction(request), now()).pop() {
        Some(Effect::Respond(turn)) => turn.into_decision(),
        other => panic!("a response, not {other:?}"),
    }
}

#[test]
fn ask_replies() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let matcher = Matcher::new(&faq);
    for (name, question) in [
        ("answer", "can companies join ISO?"),
        ("answer_with_also", "does ISO certify us, or who does then?"),
        ("unsure", "standards"),
        ("refuse", "how do I mount an iso file"),
        (
            "refuse_quotes_safely",
            "@everyone what's **ISO 9001** about? <@123> `code`",
        ),
        ("empty", "   "),
    ] {
        let verdict = matcher.ask(question);
        let reply = reply::ask(&faq, question, &verdict, now(), Lang::ENGLISH);
        insta::assert_snapshot!(format!("ask_{name}"), discord_form(&reply));
        let reply = reply::ask(&faq, question, &verdict, now(), Lang::FRENCH);
        insta::assert_snapshot!(format!("ask_{name}_fr"), discord_form(&reply));
    }
}

/// "Answer with FAQ" on a member's message, sure and unsure, and `for:` someone: what the
/// pipeline decides, in both languages.
#[test]
fn answers_for_someone_replies() {
    use faqbot::core::pipeline::Message;
    let pipeline = std::sync::Arc::new(Pipeline::new(
        Faq::embedded(&faqbot::frontends::discord::limits::LIMITS),
        Settings::default(),
    ));
    let on_message = |content: &str, locale: &str| {
        let kind = Kind::MessageMenu(Message {
            id: MessageId::new(30),
            channel: ChannelId::new(7),
            author: UserId::new(20),
            content: content.to_owned(),
            has_embeds: false,
            from_this_bot: false,
            link: Some("https://discord.com/channels/1/7/30".to_owned()),
        });
        let request = Request {
            channel: Some(ChannelId::new(7)),
            ..Request::new(kind, Lang::of(Some(locale)))
        };
        let decision = decide(&pipeline, request);
        match decision.response {
            Response::Message(reply) => discord_form(&reply),
            other => panic!("a message, not {other:?}"),
        }
    };
    for (lang, locale) in [("en", "en-US"), ("fr", "fr")] {
        insta::assert_snapshot!(
            format!("menu_sure_{lang}"),
            on_message("can we put the ISO logo on our packaging?", locale)
        );
        insta::assert_snapshot!(
            format!("menu_unsure_{lang}"),
            on_message("what's the best pizza in Geneva?", locale)
        );
    }
}

#[test]
fn refusals_and_doubts_are_private_answers_are_not() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let matcher = Matcher::new(&faq);
    let private = |q: &str| reply::ask(&faq, q, &matcher.ask(q), now(), Lang::ENGLISH).ephemeral();
    assert!(!private("can companies join ISO?"));
    assert!(private("how do I mount an iso file"));
    assert!(private("standards"));
    assert!(private(""));
}

#[test]
fn faq_lists_every_topic_with_its_command() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let reply = reply::faq_list(&faq, Lang::ENGLISH);
    let body = render(&reply.body);
    for topic in &faq.topics {
        assert!(body.contains(&format!("`/{}` {}", topic.id, topic.question)));
    }
    assert!(body.starts_with("ISO standards are used around the world"));
    insta::assert_snapshot!("faq_list", discord_form(&reply));
    let french = reply::faq_list(&faq, Lang::FRENCH);
    insta::assert_snapshot!("faq_list_fr", discord_form(&french));
}

#[test]
fn a_faq_too_long_for_one_embed_is_cut_with_a_pointer() {
    let mut faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let template = faq.topics[0].clone();
    for n in 0..84 {
        let mut topic = template.clone();
        topic.id = format!("extra-{n}");
        topic.question = format!(
            "{} Is this extra question number {n} long enough?",
            "Well,".repeat(8)
        );
        faq.topics.push(topic);
    }
    let reply = reply::faq_list(&faq, Lang::ENGLISH);
    let body = render(&reply.body);
    assert!(body.chars().count() <= 4096);
    assert!(body.contains("more: type `/faq topic:` to search them."));
}

#[test]
fn faq_with_a_topic_shows_it_and_with_free_text_asks() {
    let pipeline = std::sync::Arc::new(Pipeline::new(
        Faq::embedded(&faqbot::frontends::discord::limits::LIMITS),
        Settings::default(),
    ));
    let title = |topic: &str| {
        let kind = Kind::Command {
            name: "faq".to_owned(),
            options: Options {
                topic: Some(topic.to_owned()),
                ..Options::default()
            },
        };
        let decision = decide(&pipeline, Request::new(kind, Lang::ENGLISH));
        match decision.response {
            Response::Message(reply) => render(&reply.title.unwrap()),
            other => panic!("a message, not {other:?}"),
        }
    };
    assert_eq!(title("logo"), "Who is allowed to use the ISO logo?");
    assert_eq!(
        title("can my company join"),
        "Can individuals or companies join ISO?"
    );
    assert_eq!(title("zzzz"), "Not in the FAQ");
}

#[test]
fn autocomplete_choices() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let matcher = Matcher::new(&faq);
    let all = reply::topic_choices(&faq, &matcher, "", Lang::ENGLISH);
    assert_eq!(all.len(), faq.topics.len());
    assert_eq!(all[0].value, "conformity");
    for choice in &all {
        assert!((1..=100).contains(&choice.name.chars().count()));
    }
    let typed = reply::topic_choices(&faq, &matcher, "memb", Lang::ENGLISH);
    assert_eq!(typed[0].value, "membership");
    assert_eq!(typed[0].name, "Can individuals or companies join ISO?");
    let questions = reply::question_choices(&faq, &matcher, "who is the presid", Lang::ENGLISH);
    assert_eq!(questions[0].value, "Who runs ISO and how is it governed?");
    assert!(reply::question_choices(&faq, &matcher, &"x".repeat(6000), Lang::ENGLISH).len() <= 25);
}

fn ask_json(question: &str) -> Value {
    let run = faqbot(repo(), &["ask", question, "--json"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn cli_answers_can_companies_join_with_membership() {
    let json = ask_json("can companies join ISO?");
    assert_eq!(json["topic"], "membership");
    assert_eq!(json["question"], "can companies join ISO?");
    assert!(json["answer"]
        .as_str()
        .unwrap()
        .starts_with("No: neither private individuals nor companies"));
    assert!(json["score"].as_f64().unwrap() >= 0.5);
    assert!(json["suggestions"].is_array());
}

#[test]
fn cli_refuses_mounting_an_iso_file() {
    let json = ask_json("how do I mount an iso file");
    assert_eq!(json["topic"], Value::Null);
    assert!(json["answer"]
        .as_str()
        .unwrap()
        .contains("ISO's FAQ doesn't answer"));
}

#[test]
fn cli_takes_unquoted_words_and_prints_text() {
    let run = faqbot(repo(), &["ask", "who", "runs", "iso"], &[]);
    assert_eq!(run.code, Some(0));
    assert!(run
        .stdout
        .starts_with("Who runs ISO and how is it governed?\nThe General Assembly"));
}

#[test]
fn cli_reads_one_question_a_line_from_stdin() {
    let mut child = common::command(repo(), &common::scratch_state())
        .args(["ask", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let huge = "iso ".repeat(100_000);
    let input =
        format!("who runs iso\n\nl'iso est une ong ?\n{huge}\nhow do I mount an iso file\n");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let topics: Vec<&Value> = lines.iter().map(|l| &l["topic"]).collect();
    assert_eq!(
        topics,
        [
            &Value::from("governance"),
            &Value::Null,
            &Value::from("ngo"),
            &Value::Null,
            &Value::Null
        ]
    );
}
