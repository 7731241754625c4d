//! The shipped `faq.toml` is ISO's FAQ, word for word: every sentence of ISO's page is in it, and
//! every answer is ISO's text. `tests/data/iso-faq-page.txt` is the page as published.

use faqbot::core::faq::{Faq, EMBEDDED};

/// Obvious slips on ISO's page that the FAQ mends, as (published, mended).
const MENDS: [(&str, &str); 1] = [("but we we have", "but we have")];

/// Whitespace differs between the page and TOML strings (line breaks, double spaces); words don't.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page, mended, one string per line of the published text.
fn page_lines() -> Vec<String> {
    let mut page = include_str!("data/iso-faq-page.txt").to_owned();
    for (published, mended) in MENDS {
        assert!(page.contains(published), "the page still has `{published}`");
        page = page.replace(published, mended);
    }
    page.lines().map(words).filter(|l| !l.is_empty()).collect()
}

fn page() -> String {
    page_lines().join(" ")
}

fn faq() -> Faq {
    Faq::parse(
        "faq.toml",
        EMBEDDED,
        &faqbot::frontends::discord::limits::LIMITS,
    )
    .expect("the shipped faq.toml is valid")
}

#[test]
fn every_sentence_of_the_page_is_in_the_faq() {
    let faq = faq();
    let mut all = vec![faq.intro.clone()];
    all.extend(faq.topics.iter().map(|t| t.answer.clone()));
    let all = words(&all.join(" "));
    let lines = page_lines();
    let sentences: Vec<&str> = lines
        .iter()
        .flat_map(|line| line.split_inclusive(['.', '?', '!']))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert!(sentences.len() > 50, "the page splits into sentences");
    for sentence in sentences {
        assert!(
            all.contains(sentence),
            "missing from faq.toml: {sentence:?}"
        );
    }
}

#[test]
fn every_answer_is_iso_text_verbatim() {
    let faq = faq();
    let page = page();
    assert!(
        page.starts_with(&words(&faq.intro)),
        "the intro opens the page"
    );
    for topic in &faq.topics {
        assert!(
            page.contains(&words(&topic.answer)),
            "/{}: the answer is not ISO's text: {:?}",
            topic.id,
            topic.answer
        );
    }
}

#[test]
fn thirteen_topics_with_obvious_commands() {
    let faq = faq();
    let ids: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "conformity",
            "certification",
            "logo",
            "certification-body",
            "equivalents",
            "new-standards",
            "pricing",
            "ngo",
            "funding",
            "governance",
            "un",
            "membership",
            "contact",
        ]
    );
    for topic in &faq.topics {
        assert!(!topic.keywords.is_empty(), "/{} has keywords", topic.id);
        assert!(
            !topic.related.is_empty(),
            "/{} names related topics",
            topic.id
        );
        assert!(
            topic.question.ends_with('?'),
            "/{} is asked as a question",
            topic.id
        );
    }
}

#[test]
fn the_contact_is_iso_customer_care() {
    let faq = faq();
    assert_eq!(faq.contact.name, "Customer care");
    assert_eq!(faq.contact.phone, "+41 22 749 08 88");
    let schedule = &faq.contact.schedule;
    assert_eq!(schedule.zone().name(), "Europe/Zurich");
    assert_eq!(
        schedule.weekly(),
        [("Mon–Fri".to_owned(), "09:00–12:00, 14:00–17:00".to_owned())]
    );
    assert_eq!(
        schedule.holidays(),
        faqbot::core::schedule::Holidays::Geneva
    );
}

#[test]
fn the_file_and_the_embedded_copy_are_the_same() {
    let on_disk =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.toml")).unwrap();
    assert_eq!(on_disk, EMBEDDED);
}
