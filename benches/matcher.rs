//! How long `/ask` takes: one question end to end (normalize → rank → decide), and one
//! autocomplete, over the questions of the development set.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use faqbot::core::faq::Faq;
use faqbot::core::matcher::Matcher;

fn questions() -> Vec<String> {
    include_str!("../examples.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_owned)
        .collect()
}

fn matcher(c: &mut Criterion) {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    c.bench_function("build the matcher from the FAQ", |b| {
        b.iter(|| Matcher::new(black_box(&faq)))
    });

    let matcher = Matcher::new(&faq);
    let questions = questions();
    let mut next = questions.iter().cycle();
    c.bench_function("ask one question", |b| {
        b.iter(|| matcher.ask(black_box(next.next().unwrap())))
    });
    c.bench_function("ask a 60-word chatty message", |b| {
        let message = "hey everyone 👋 hope you're all doing well! quick question from a newbie: \
                       I run a small machine shop in Ohio with about twelve people, and our \
                       biggest customer just told us we need to be **ISO 9001 certified** by \
                       next spring or they'll drop us. does ISO itself do the certifying, or \
                       who do we actually go to for that? thanks in advance 🙏";
        assert!((55..=65).contains(&message.split_whitespace().count()));
        b.iter(|| matcher.ask(black_box(message)))
    });
    c.bench_function("ask a long off-topic paragraph", |b| {
        let paragraph = "how do I burn an iso image of my linux distribution onto a usb stick \
                         so that the laptop boots from it, the file is 4 GB and windows says \
                         the disk is not bootable, what am I doing wrong please help"
            .repeat(4);
        b.iter(|| matcher.ask(black_box(&paragraph)))
    });
    let partials: Vec<String> = questions
        .iter()
        .map(|q| q.chars().take(q.chars().count() / 2 + 1).collect())
        .collect();
    let mut next = partials.iter().cycle();
    c.bench_function("autocomplete a half-typed question", |b| {
        b.iter(|| {
            faqbot::core::reply::question_choices(
                &faq,
                &matcher,
                black_box(next.next().unwrap()),
                faqbot::core::lang::Lang::ENGLISH,
            )
        })
    });
}

criterion_group!(benches, matcher);
criterion_main!(benches);
