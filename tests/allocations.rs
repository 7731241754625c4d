//! Answering questions keeps no memory: whatever a call allocates, it frees, so a bot that
//! answers for months does not grow.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

use faqbot::core::faq::Faq;
use faqbot::core::matcher::Matcher;

/// Counts the bytes currently allocated by this test binary.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn asking_frees_everything_it_allocates() {
    let faq = Faq::embedded();
    let matcher = Matcher::new(&faq);
    let questions = [
        "can companies join ISO?",
        "memebership for companys?",
        "how do I mount an iso file",
        "l'ISO fait-elle partie des Nations unies ?",
        "",
    ];
    // Warm up anything lazily initialised on first use.
    for q in questions {
        matcher.ask(q);
        matcher.complete(q, 25);
    }
    let before = LIVE.load(Ordering::SeqCst);
    for _ in 0..200 {
        for q in questions {
            std::hint::black_box(matcher.ask(q));
            std::hint::black_box(matcher.complete(q, 25));
        }
    }
    assert_eq!(
        LIVE.load(Ordering::SeqCst),
        before,
        "no bytes kept across 2,000 calls"
    );
}
