//! The bot's own words in each language it speaks: one snapshot a Discord locale of what a
//! member with that locale reads (an answer, a near miss, a refusal, the hours on a holiday and
//! on a Friday evening, an answer given again), as Discord shows it and as `faqbot ask|hours
//! --locale` prints it.

mod common;

use common::discord_form;
use faqbot::core::faq::Faq;
use faqbot::core::matcher::Matcher;
use faqbot::core::reply::{self, Lang, Reply};
use faqbot::frontends::terminal;
use jiff::Timestamp;

/// The ten locales that got catalogues of their own after English and French.
const LOCALES: [&str; 10] = [
    "de", "es-ES", "es-419", "pt-BR", "it", "nl", "ru", "ja", "zh-CN", "zh-TW",
];

fn at(instant: &str) -> Timestamp {
    instant.parse().unwrap()
}

/// A reply as Discord shows it, then as the command line prints it.
fn both(title: &str, reply: &Reply, faq: &Faq, now: Timestamp, lang: Lang) -> String {
    let tz = faq.contact.schedule.zone().tz();
    format!(
        "=== {title} ===\n{}--- terminal ---\n{}\n",
        discord_form(reply),
        terminal::reply(reply, tz, now, lang)
    )
}

/// What each scene shows a member of `lang`, at the instant it is shown.
fn scenes(faq: &Faq, matcher: &Matcher, lang: Lang) -> Vec<(&'static str, Reply, Timestamp)> {
    let morning = at("2026-11-25T10:15:00+01:00");
    let friday_evening = at("2026-11-27T18:00:00+01:00");
    let christmas = at("2026-12-25T10:00:00+01:00");
    let ask = |question: &str| reply::ask(faq, question, &matcher.ask(question), morning, lang);
    let topic = |id: &str| reply::topic(faq, faq.topic_id(id).unwrap(), morning, lang);
    let hours = |now| reply::hours(&faq.contact, &faq.contact.schedule.status(now), now, lang);
    let earlier = at("2026-11-25T10:05:00+01:00");
    vec![
        ("/logo", topic("logo"), morning),
        (
            "/ask, a near miss",
            ask("does ISO certify us, or who does then?"),
            morning,
        ),
        ("/ask, unsure", ask("standards"), morning),
        ("/ask, refused", ask("how do I mount an iso file"), morning),
        ("/ask, empty", ask("   "), morning),
        (
            "/hours on a Friday evening",
            hours(friday_evening),
            friday_evening,
        ),
        ("/hours on Christmas Day", hours(christmas), christmas),
        ("/contact", topic("contact"), morning),
        (
            "/logo again",
            reply::repeat(&topic("logo"), earlier, None, lang),
            morning,
        ),
        ("/faq", reply::faq_list(faq, lang), morning),
    ]
}

#[test]
fn every_locale_reads_the_bot_in_its_own_words() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let matcher = Matcher::new(&faq);
    let english = scenes(&faq, &matcher, Lang::ENGLISH);
    for locale in LOCALES {
        let lang = Lang::of(Some(locale));
        assert_eq!(lang.locale(), locale);
        let mut out = String::new();
        for ((title, reply, now), (_, in_english, _)) in
            scenes(&faq, &matcher, lang).iter().zip(&english)
        {
            // ISO's answers, the topics' ids and the phone number stay as written; the
            // bot's own words around them, and the topics' titles, are the locale's.
            assert_ne!(
                discord_form(reply),
                discord_form(in_english),
                "{locale}: {title} is the English reply"
            );
            out.push_str(&both(title, reply, &faq, *now, lang));
        }
        insta::assert_snapshot!(format!("words_{locale}"), out);
    }
}

#[test]
fn an_untranslated_answer_says_whose_words_and_in_which_language() {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let now = at("2026-11-25T10:15:00+01:00");
    let logo = faq.topic_id("logo").unwrap();
    let answer = &faq[logo].answer;
    for (locale, note) in [
        ("de", "Antwort der ISO (auf Englisch)"),
        ("ja", "ISOによる回答（英語）"),
        ("fr", "Réponse de l'ISO (en anglais)"),
    ] {
        let lang = Lang::of(Some(locale));
        let body = reply::topic(&faq, logo, now, lang).body.words();
        assert_eq!(body, format!("{note}\n{answer}"), "{locale}");
    }
    for english in ["en-US", "en-GB"] {
        let body = reply::topic(&faq, logo, now, Lang::of(Some(english)))
            .body
            .words();
        assert_eq!(&body, answer, "{english}: no note in English");
    }
}
