//! The FAQ's files on disk: the core validates text, this reads it.

use std::path::Path;

use crate::core::diagnostic::LoadError;
use crate::core::faq::Faq;

/// Reads and validates a FAQ file and the examples file it names.
pub fn load(path: &Path) -> Result<Faq, LoadError> {
    Faq::load_with(path, |file| std::fs::read_to_string(file))
}
