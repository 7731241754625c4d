//! The matcher on questions whose answer is beyond doubt.

use super::*;

/// The shipped FAQ and its matcher, built once for all tests.
fn matcher() -> &'static (Faq, Matcher) {
    static BUILT: std::sync::LazyLock<(Faq, Matcher)> = std::sync::LazyLock::new(|| {
        let faq = Faq::embedded(&crate::core::limits::Limits::NONE);
        let matcher = Matcher::new(&faq);
        (faq, matcher)
    });
    &BUILT
}

fn answer(matcher: &Matcher, faq: &Faq, question: &str) -> Option<String> {
    matcher.ask(question).topic().map(|t| faq[t].id.clone())
}

#[test]
fn answers_the_faq_questions_themselves() {
    let (faq, matcher) = matcher();
    for topic in &faq.topics {
        assert_eq!(
            answer(matcher, faq, &topic.question).as_deref(),
            Some(topic.id.as_str())
        );
    }
}

#[test]
fn refuses_what_has_no_words_at_all() {
    let (_, matcher) = matcher();
    for empty in ["", "   ", "?!", "👍", "the and of", "\u{200f}\u{0301}"] {
        assert!(
            matches!(matcher.ask(empty), Verdict::Refuse { ref closest, .. } if closest.is_empty()),
            "{empty:?}"
        );
    }
}

#[test]
fn typos_french_and_chat_reach_the_right_topic() {
    let (faq, matcher) = matcher();
    for (question, expected) in [
        ("can companies join ISO?", "membership"),
        ("memebership for companys?", "membership"),
        ("who's the boss at iso", "governance"),
        ("can i slap the iso logo on our packaging", "logo"),
        ("r u guys the ones who do the 9001 audits?", "certification"),
        ("l'ISO fait-elle partie des Nations unies ?", "un"),
        ("does iso belong to the un", "un"),
        ("How is ISO governed?", "governance"),
        ("is iso run by governments", "ngo"),
        ("who pays for iso", "funding"),
        ("why do i have to pay for iso 9001", "pricing"),
    ] {
        assert_eq!(
            answer(matcher, faq, question).as_deref(),
            Some(expected),
            "{question}"
        );
    }
}

#[test]
fn refuses_the_other_isos() {
    let (faq, matcher) = matcher();
    for question in [
        "how do I mount an iso file",
        "my camera iso is stuck at 3200",
        "when was ISO founded",
        "what is ISO 9001 about",
        "comment monter un fichier iso",
    ] {
        assert_eq!(answer(matcher, faq, question), None, "{question}");
    }
}

#[test]
fn long_off_topic_questions_do_not_outscore_short_real_ones() {
    let (_, matcher) = matcher();
    let short = matcher.ask("logo?").score();
    let rambling = "how do I how do I please tell me how do I what is the way to do the thing \
                    with the logo of my old band on the poster for the gig next friday night \
                    at the pub, how do I make it look good and print it cheaply"
        .to_owned();
    let long = matcher.ask(&rambling).score();
    assert!(long < short, "{long} < {short}");
    assert!(matcher.ask(&rambling).topic().is_none());
}

/// The answer and what is offered with it, as topic ids.
fn offered(matcher: &Matcher, faq: &Faq, question: &str) -> (Option<String>, Vec<String>) {
    let verdict = matcher.ask(question);
    let id = |t: TopicId| faq[t].id.clone();
    (
        verdict.topic().map(id),
        verdict.suggestions().iter().map(|&t| id(t)).collect(),
    )
}

#[test]
fn close_runners_up_are_offered_alongside_the_answer() {
    let (faq, matcher) = matcher();
    let (answer, also) = offered(matcher, faq, "is ISO a government body or part of the UN?");
    assert_eq!(answer.as_deref(), Some("ngo"));
    assert_eq!(also.first().map(String::as_str), Some("un"), "{also:?}");
}

#[test]
fn siblings_get_different_answers_and_each_offers_the_other_first() {
    let (faq, matcher) = matcher();
    let now: jiff::Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
    for (question, answer, sibling) in [
        (
            "does ISO certify us?",
            "certification",
            "certification-body",
        ),
        (
            "who certifies us, then?",
            "certification-body",
            "certification",
        ),
        ("why do standards cost money", "pricing", "funding"),
        ("who pays for ISO itself", "funding", "pricing"),
        ("is ISO run by the government?", "ngo", "governance"),
        ("is ISO part of the UN?", "un", "ngo"),
    ] {
        let verdict = matcher.ask(question);
        let reply = crate::core::reply::ask(
            faq,
            question,
            &verdict,
            now,
            crate::core::lang::Lang::ENGLISH,
        );
        assert_eq!(reply.topic(), faq.topic_id(answer), "{question}");
        assert_eq!(
            reply.suggestions().first().map(|s| s.topic.as_str()),
            Some(sibling),
            "{question}: the first button"
        );
    }
}

#[test]
fn a_chatty_message_is_judged_by_its_question_not_its_length() {
    let (faq, matcher) = matcher();
    let bare = "can companies join ISO?";
    let chatty = "hey everyone 👋 hope you're all doing well! I run a small machine shop in Ohio \
                  with twelve people and we've been making brackets for the automotive industry \
                  since 1998, family business, third generation. <@123456> mentioned in another \
                  channel that ISO has members. **can companies join ISO?** thanks in advance 🙏";
    assert_eq!(answer(matcher, faq, bare).as_deref(), Some("membership"));
    assert_eq!(answer(matcher, faq, chatty).as_deref(), Some("membership"));
    let (bare, chatty) = (matcher.ask(bare).score(), matcher.ask(chatty).score());
    assert!(
        chatty > bare * 0.8,
        "context costs little: {chatty} against {bare}"
    );
}

#[test]
fn a_question_about_another_organisation_is_refused() {
    let (faq, matcher) = matcher();
    for question in [
        "is ANSI a government agency?",
        "how do I join DIN as a member",
        "what's the phone number for BSI customer service",
    ] {
        assert_eq!(answer(matcher, faq, question), None, "{question}");
    }
    // Naming ISO as well makes it a question about ISO.
    assert_eq!(
        answer(matcher, faq, "is ISO a government agency like ANSI?").as_deref(),
        Some("ngo")
    );
}

#[test]
fn autocomplete_ranks_topics_as_the_user_types() {
    let (faq, matcher) = matcher();
    let ids = |typed: &str| -> Vec<&str> {
        matcher
            .complete(typed, 25)
            .into_iter()
            .map(|t| faq[t].id.as_str())
            .collect()
    };
    let all: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids(""), all, "empty input lists every topic in FAQ order");
    assert_eq!(ids("   "), all);
    assert_eq!(ids("memb")[0], "membership", "a half-typed word completes");
    assert_eq!(ids("can i use the lo")[0], "logo");
    assert_eq!(ids("who runs")[0], "governance");
    assert!(matcher.complete("", 5).len() == 5, "the limit holds");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(100))]

    /// Any text at all: no panic, a confidence in [0, 1), suggestions that are real topics.
    #[test]
    fn any_input_is_safe(
        question in "\\PC{0,300}",
        noise in proptest::collection::vec(proptest::prelude::any::<char>(), 0..6000),
        chat in "(<@!?[0-9]{1,20}>|<a?:[a-z_]{1,10}:[0-9]{1,6}>|<t:[0-9]{1,10}(:[tR])?>|<#[0-9]{1,5}>|:[a-z0-9_]{1,8}:|```|@[a-z]{1,8}|https?://[a-z./]{1,20}|[a-zA-Zéà ]{1,12}|[<>:@`?!.;\n]|👍|🤔){0,80}",
    ) {
        let (faq, matcher) = matcher();
        for text in [question.clone(), noise.iter().collect::<String>(), chat.clone(), format!("{question} {}", "logo ".repeat(2000))] {
            let verdict = matcher.ask(&text);
            proptest::prop_assert!((0.0..1.0).contains(&verdict.score()));
            proptest::prop_assert!(verdict.suggestions().iter().all(|&t| t.index() < faq.topics.len()));
            proptest::prop_assert!(matcher.complete(&text, 25).len() <= 25);
        }
    }
}

#[test]
fn a_lexicon_finds_each_entry_once_with_at_most_one_word_between_its_words() {
    let stem = crate::core::text::Stemmers::default();
    let entries = ["lead auditor", "usb", "boot disk"].map(str::to_owned);
    let lexicon = Lexicon::new(&entries, &stem, |_| Vec::new());
    let found = |sentence: &str| -> Vec<String> {
        let stems: Vec<[String; 2]> = crate::core::text::words(sentence)
            .map(|w| [stem.english(&w), stem.french(&w)])
            .collect();
        lexicon
            .found(&stems, false)
            .iter()
            .map(|e| {
                e.parts
                    .iter()
                    .map(|[en, _]| en.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    assert_eq!(found("a lead auditor course"), ["lead auditor"]);
    assert_eq!(
        found("lead senior auditor"),
        ["lead auditor"],
        "one word between"
    );
    assert!(
        found("lead the team of auditors").is_empty(),
        "two words between"
    );
    assert!(found("an auditor lead").is_empty(), "in order only");
    assert_eq!(
        found("usb boot disk, usb again, lead auditor"),
        ["lead auditor", "usb", "boot disk"],
        "each once, in lexicon order"
    );
}

/// "un" is the United Nations in English and an article in French; a question too short to
/// say its language (no function word of either) is read in the member's.
#[test]
fn the_members_language_decides_what_the_words_leave_open() {
    let (faq, matcher) = matcher();
    let topic = |question: &str, language: &str| {
        matcher
            .ask_in(question, language)
            .topic()
            .map(|t| faq[t].id.clone())
    };
    assert_eq!(topic("iso un", "en").as_deref(), Some("un"));
    assert_eq!(topic("iso un", ""), topic("iso un", "en"));
    assert_eq!(
        topic("iso un", "fr"),
        None,
        "\"un\" is only an article in French"
    );
    // The words decide when they can, whatever the member's language.
    assert_eq!(topic("is iso part of the un", "fr").as_deref(), Some("un"));
    assert_eq!(
        topic("est-ce que l'iso a un logo ?", "en").as_deref(),
        Some("logo")
    );
}

/// A word the English stemmer leaves as it is also counts by its first four letters, in a
/// question whose function words are not more English than French: "членство" and "членства"
/// meet on "^член", where nothing else would join them. A question that reads as English keeps
/// its stems alone (one of bare keywords, with no function word, gets the letters too).
#[test]
fn words_stemming_cannot_reach_count_by_their_first_letters_outside_english() {
    let stem = Stemmers::default();
    let features = |question: &str| -> Vec<String> {
        Reading::new(&stem, question, false, "")
            .features()
            .into_iter()
            .map(|(feature, _)| feature)
            .collect()
    };
    assert!(features("как получить членство в iso").contains(&"^член".to_owned()));
    assert!(features("условия членства").contains(&"^член".to_owned()));
    assert!(features("wie bekommt man eine mitgliedschaft").contains(&"^mitg".to_owned()));
    let english = features("how do companies get a membership of iso");
    assert!(english.iter().all(|f| !f.starts_with('^')), "{english:?}");
}
