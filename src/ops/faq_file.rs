//! The FAQ's files on disk: the core validates text, this reads it.

use std::path::Path;

use crate::core::diagnostic::LoadError;
use crate::core::faq::Faq;
use crate::core::limits::Limits;

/// Reads and validates a FAQ file and the examples file it names, for a front end with these
/// `limits`; a token pasted into either is never shown back in what is wrong with them.
pub fn load(path: &Path, limits: &Limits) -> Result<Faq, LoadError> {
    Faq::load_with(path, limits, |file| std::fs::read_to_string(file))
        .map_err(crate::ops::secrets::redact_load_error)
}
