//! The heap's freed pages go back to the kernel when faqbot says so: after start-up and after a
//! reload, the bursts that free most of what they allocate (src/ops/heap.rs).

/// Resident anonymous memory of this process, in KiB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn resident_anonymous() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("RssAnon:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn freed_pages_below_the_heaps_top_go_back() {
    // 32 MiB in small blocks, as parsing and training allocate; one block in a hundred is
    // kept, so every freed stretch lies below a live block and glibc cannot give it back by
    // itself.
    let blocks: Vec<Box<[u8; 320]>> = (0..100_000).map(|i| Box::new([i as u8; 320])).collect();
    let kept: Vec<Box<[u8; 320]>> = blocks
        .into_iter()
        .enumerate()
        .filter_map(|(i, b)| (i % 100 == 0).then_some(b))
        .collect();
    let before = resident_anonymous();
    faqbot::ops::heap::release_free_pages();
    let after = resident_anonymous();
    assert!(
        before >= after + 16 * 1024,
        "at least 16 of the 32 MiB freed go back: {before} KiB resident before, {after} KiB after"
    );
    assert_eq!(kept.len(), 1000);
    assert!(kept
        .iter()
        .enumerate()
        .all(|(i, b)| b[0] == (i * 100) as u8));
}
