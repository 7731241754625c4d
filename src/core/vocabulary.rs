//! What each language's words do for the matcher, as data: `languages/<code>.toml` holds a
//! language's stop words, question words, function words, words never taken for typos and the
//! words that open a question. `build.rs` finds the files, so a language's words are added
//! without code.
//!
//! Every language's lists apply to every question: a question's language is not known before
//! it is read, and English mixes into every language's questions. Only English and French have
//! files: for the other languages, the examples teach the learned model which words count, and
//! NLTK's stop-word lists for them, measured, made it worse (docs/matching.md).

use std::sync::OnceLock;

use foldhash::{HashSet, HashSetExt};
use serde::Deserialize;

use crate::core::text::words;

mod files {
    // `LANGUAGES: &[(&str, &str)]`: each language's code and its file's text, English and
    // French first, written by build.rs.
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
}

/// One `languages/<code>.toml`, every list optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Language {
    stop_words: Vec<String>,
    question_words: Vec<String>,
    function_words: Vec<String>,
    real_words: Vec<String>,
    question_openers: Vec<String>,
    opening_fillers: Vec<String>,
    wants_to_know: Vec<[String; 2]>,
}

/// Every language's lists, read once.
#[derive(Debug, Default)]
pub struct Vocabulary {
    stop: HashSet<String>,
    /// In the files' order: the matcher's first terms.
    question_words: Vec<String>,
    /// The same, to look a word up.
    is_question: HashSet<String>,
    /// Each language's function words, by its code.
    function: Vec<(String, HashSet<String>)>,
    real: HashSet<String>,
    openers: HashSet<String>,
    fillers: HashSet<String>,
    wants_to_know: Vec<[String; 2]>,
}

/// A list's words as the matcher folds a question's (lower case, no accents; "don't" gives
/// "don" and "t"), added to `into`.
fn fold_into<C: Extend<String>>(into: &mut C, list: impl IntoIterator<Item = impl AsRef<str>>) {
    for entry in list {
        into.extend(words(entry.as_ref()));
    }
}

impl Vocabulary {
    /// Reads the languages' files, `(code, text)` each.
    fn read(files: &[(&str, &str)]) -> Result<Self, String> {
        let mut vocabulary = Self::default();
        for (code, text) in files {
            let language: Language =
                toml::from_str(text).map_err(|e| format!("languages/{code}.toml: {e}"))?;
            fold_into(&mut vocabulary.stop, &language.stop_words);
            for word in &language.question_words {
                for word in words(word) {
                    if vocabulary.is_question.insert(word.clone()) {
                        vocabulary.question_words.push(word);
                    }
                }
            }
            fold_into(&mut vocabulary.real, &language.real_words);
            fold_into(&mut vocabulary.openers, &language.question_openers);
            fold_into(&mut vocabulary.fillers, &language.opening_fillers);
            for [a, b] in &language.wants_to_know {
                let fold = |w: &str| words(w).next().unwrap_or_default();
                vocabulary.wants_to_know.push([fold(a), fold(b)]);
            }
            let mut function = HashSet::new();
            fold_into(&mut function, &language.function_words);
            vocabulary.function.push(((*code).to_owned(), function));
        }
        Ok(vocabulary)
    }

    /// Whether `word` carries no topic in any language: the stop words the files list.
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// Question words, every language's, in the files' order.
    pub fn question_words(&self) -> &[String] {
        &self.question_words
    }

    pub fn is_question_word(&self, word: &str) -> bool {
        self.is_question.contains(word)
    }

    /// Whether `word` is one of the function words of the language `code`.
    pub fn is_function_word(&self, code: &str, word: &str) -> bool {
        self.function
            .iter()
            .any(|(c, words)| c == code && words.contains(word))
    }

    pub fn is_real_word(&self, word: &str) -> bool {
        self.real.contains(word)
    }

    pub fn is_question_opener(&self, word: &str) -> bool {
        self.openers.contains(word)
    }

    pub fn is_opening_filler(&self, word: &str) -> bool {
        self.fillers.contains(word)
    }

    /// Whether two words in a row say "I want to know".
    pub fn wants_to_know(&self, first: &str, second: &str) -> bool {
        self.wants_to_know
            .iter()
            .any(|[a, b]| a == first && b == second)
    }
}

/// Whether a word carries no topic: the stop words of `languages/*.toml` (function words of
/// English and French, and the fillers of chat: "pls", "u", "guys").
pub fn is_stop_word(word: &str) -> bool {
    vocabulary().is_stop(word)
}

/// Question words: no topic of their own, so they are stop words, but a keyword phrase may
/// hold one to tell apart questions about the same thing ("who certifies" is not "does ISO
/// certify").
pub fn is_cue_word(word: &str) -> bool {
    vocabulary().is_question_word(word)
}

/// "un" is the French article and the United Nations' initials: a stop word only in French.
pub fn is_french_article(word: &str) -> bool {
    word == "un"
}

pub fn is_french_function_word(word: &str) -> bool {
    vocabulary().is_function_word("fr", word)
}

pub fn is_english_function_word(word: &str) -> bool {
    vocabulary().is_function_word("en", word)
}

/// Whether a word is a common word that merely looks like a misspelling of a FAQ word
/// ("founded" is not a typo of "funded", "tours" not of "hours"): such words are never corrected.
pub fn is_real_word(word: &str) -> bool {
    vocabulary().is_real_word(word)
}

/// The languages' lists, read from the files built into faqbot the first time they are needed.
pub fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        // The files are part of the build and read by a test (`every_language_file_reads`):
        // a broken one fails that test, never a running bot.
        Vocabulary::read(files::LANGUAGES).unwrap_or_else(|e| {
            if cfg!(debug_assertions) {
                panic!("{e}");
            }
            Vocabulary::default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_file_reads() {
        let vocabulary = Vocabulary::read(files::LANGUAGES).unwrap();
        assert_eq!(files::LANGUAGES[0].0, "en");
        assert_eq!(files::LANGUAGES[1].0, "fr");
        assert!(vocabulary.is_stop("the") && vocabulary.is_stop("les"));
        assert!(!vocabulary.is_stop("logo") && !vocabulary.is_stop("un"));
        assert!(vocabulary.is_question_word("who") && vocabulary.is_question_word("pourquoi"));
        assert!(vocabulary.is_real_word("founded"));
        assert!(vocabulary.wants_to_know("to", "know"));
        assert!(is_stop_word("the") && is_stop_word("les") && !is_stop_word("logo"));
    }

    #[test]
    fn a_broken_file_is_named() {
        let error = Vocabulary::read(&[("xx", "stopwords = []\n")]).unwrap_err();
        assert!(
            error.contains("languages/xx.toml") && error.contains("stopwords"),
            "{error}"
        );
    }
}
