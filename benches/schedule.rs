//! How long "is customer care open?" takes: the status at random instants, and the full reply.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use faqbot::core::faq::Faq;
use faqbot::core::reply;
use jiff::Timestamp;

/// Random instants from 2000 to 2100, the range the property tests cover.
fn instants(n: usize) -> Vec<Timestamp> {
    let mut rng = fastrand::Rng::with_seed(2026);
    let from = Timestamp::from_second(946_684_800).unwrap().as_second();
    let to = Timestamp::from_second(4_133_980_799).unwrap().as_second();
    (0..n)
        .map(|_| Timestamp::from_second(rng.i64(from..to)).unwrap())
        .collect()
}

fn schedule(c: &mut Criterion) {
    let faq = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let schedule = &faq.contact.schedule;
    let instants = instants(4096);

    let mut next = instants.iter().cycle();
    c.bench_function("status at a random instant", |b| {
        b.iter(|| schedule.status(black_box(*next.next().unwrap())))
    });

    let mut next = instants.iter().cycle();
    c.bench_function("hours reply at a random instant", |b| {
        b.iter(|| {
            let now = *next.next().unwrap();
            let status = schedule.status(black_box(now));
            reply::hours(&faq.contact, &status, now, reply::Lang::ENGLISH)
        })
    });

    let mut next = instants.iter().cycle();
    c.bench_function("presence line at a random instant", |b| {
        b.iter(|| {
            let now = *next.next().unwrap();
            reply::presence(&faq.contact, &schedule.status(black_box(now)), now)
        })
    });
}

criterion_group!(benches, schedule);
criterion_main!(benches);
