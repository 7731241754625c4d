//! Giving the heap's freed pages back to the kernel after the bursts of work that free most of
//! what they allocate.
//!
//! Start-up (parsing `faq.toml` and the examples, training the matcher, the gateway's first
//! events, building the registration payload) and every reload allocate several times what the
//! bot then keeps, interleaved with what it keeps. glibc's allocator gives memory back on its
//! own only from the top of its heap: the freed pages below stayed resident for the life of the
//! bot, 0.5 MiB that nothing used (measured in docs/performance.md). `malloc_trim` hands back
//! every whole free page inside the heap as well. It walks the allocator's free lists and
//! returns the pages with `madvise`: for this bot's 2 MiB heap it takes about a tenth of a
//! millisecond (logged at debug level), once after start-up and once after each reload, never
//! on an answer's path. On `faqbot run`'s one runtime thread that pause is one answer's time.

/// Returns the allocator's whole free pages to the kernel. Elsewhere than glibc it does nothing.
pub fn release_free_pages() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let started = std::time::Instant::now();
        // SAFETY: malloc_trim has no preconditions: it works on glibc's own free lists, under
        // the allocator's locks, and may be called from any thread at any time.
        let released = unsafe { libc::malloc_trim(0) } == 1;
        tracing::debug!(released, took = ?started.elapsed(), "freed heap pages handed back");
    }
}
