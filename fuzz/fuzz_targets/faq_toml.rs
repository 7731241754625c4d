//! Any bytes given as `faq.toml` are either a valid FAQ or a list of located problems: the
//! loader never panics, and every problem points inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(errors) = faqbot::core::faq::Faq::parse("fuzz.toml", text) {
        let lines = text.lines().count().max(1);
        for problem in &errors.diagnostics {
            assert!(problem.line >= 1 && problem.line <= lines + 1, "{errors}");
        }
        let _ = errors.to_string();
    }
});
