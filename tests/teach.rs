//! What teaching does to the matcher, measured on questions written blind by another hand from
//! the taught questions alone (`tests/data/taught-paraphrases.tsv`): the lessons `faqbot teach`
//! would write, learned as a running bot learns them, make the paraphrases of what was taught
//! answered as taught, and do not undo what was right.

use faqbot::core::eval;
use faqbot::core::faq::Faq;
use faqbot::core::matcher::Matcher;

/// The learned file three lessons leave, as `faqbot teach` writes it.
const LESSONS: &str = "question\texpected\tkind\n\
    who translates standards into other languages\tequivalents\ttaught\n\
    can I work at ISO in Geneva\tnone\ttaught\n\
    is there a student discount on standards\tpricing\ttaught\n";

fn measure(faq: &Faq) -> eval::Report {
    let cases = eval::parse(
        include_str!("data/taught-paraphrases.tsv"),
        "taught-paraphrases.tsv",
        faq,
    )
    .unwrap();
    eval::evaluate(faq, &Matcher::new(faq), &cases)
}

#[test]
fn paraphrases_of_a_taught_question_are_answered_as_taught() {
    let untaught = Faq::embedded(&faqbot::frontends::discord::limits::LIMITS);
    let mut taught = untaught.clone();
    taught.learned = taught.read_examples("learned.tsv", LESSONS).unwrap();
    let (before, after) = (measure(&untaught), measure(&taught));
    let right = |report: &eval::Report, kind: &str| report.by_kind[kind].right;
    println!(
        "before {}/{} (translations {}), after {}/{} (translations {})",
        before.overall.right,
        before.overall.total,
        right(&before, "translations"),
        after.overall.right,
        after.overall.total,
        right(&after, "translations"),
    );
    assert_eq!(after.overall.total, 18, "the blind file is whole");
    // Asked in other words, who translates standards was mostly refused: taught, it is answered.
    assert!(right(&before, "translations") <= 3, "{:?}", before.by_kind);
    assert!(right(&after, "translations") >= 5, "{:?}", after.by_kind);
    // The lessons that confirm what the bot already did change nothing for the worse.
    for kind in ["jobs", "student-discount"] {
        assert!(
            right(&after, kind) >= right(&before, kind),
            "{kind}: {:?}",
            after.by_kind
        );
    }
    assert!(after.overall.right >= 16, "{:?}", after.by_kind);
}
