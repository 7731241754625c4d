//! From raw text to the words that carry meaning: Unicode folding, tokens, stop words, stems.
//!
//! The FAQ and the questions go through the same steps, so "Certifiée", "certified" and
//! "CERTIFY" meet on one stem. Accents are folded away because people type without them.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longest question looked at, in characters: a bound on the work any input costs, as long as
/// the longest question a chat member can type.
pub const MAX_QUESTION_CHARS: usize = 6000;
/// Most words looked at in one message, over all its sentences: enough for a chatty message
/// of a dozen sentences, and a bound on the work for any input.
pub const MAX_WORDS: usize = 160;
/// Longest word kept, in characters; longer runs of letters are cut.
pub const MAX_WORD_CHARS: usize = 40;

/// Lowercase, accent-free words of `text`, split at anything that is not a letter or digit.
/// Apostrophes split too, which takes French elisions apart (`l'iso` → `l`, `iso`).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let text = match text.char_indices().nth(MAX_QUESTION_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    text.split(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS * 4)
        .flat_map(|run| {
            // Runs without Chinese or Japanese, nearly all of them, stay whole and allocate
            // nothing.
            let (whole, pieces) = if run.chars().any(is_unspaced) {
                (None, unspaced(run))
            } else {
                (Some(run), Vec::new())
            };
            whole.into_iter().chain(pieces)
        })
        .map(|w| match w.char_indices().nth(MAX_WORD_CHARS) {
            Some((end, _)) => fold(&w[..end]),
            None => fold(w),
        })
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
}

/// Whether `c` is written in a script without spaces between words: Chinese characters, and
/// Japanese kana.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // katakana extensions
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{2ebef}') // CJK extensions B to F
}

/// A run of letters that holds Chinese or Japanese cut into words: their characters each count
/// as a word ("認証機関" → "認", "証", "機", "関"); the learned model's
/// pairs of neighbouring words then make the two-character words of those scripts. Measured
/// against overlapping pairs on the blind Japanese and Chinese held-out files (docs/matching.md):
/// 61 of 64 against 58. Letters of other scripts in the run stay whole.
fn unspaced(run: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let unspaced = is_unspaced(chars[i].1);
        let start = i;
        while i < chars.len() && is_unspaced(chars[i].1) == unspaced {
            i += 1;
        }
        let end_byte = chars.get(i).map_or(run.len(), |(at, _)| *at);
        let segment = &chars[start..i];
        if !unspaced {
            pieces.push(&run[segment[0].0..end_byte]);
            continue;
        }
        for (at, c) in segment {
            pieces.push(&run[*at..*at + c.len_utf8()]);
        }
    }
    pieces
}

/// The distinct words of `text`, sorted: what [`overlap`] compares.
pub fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = words(text).collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How much two questions say the same words: the Jaccard overlap of their [`word_set`]s, 1
/// for the same words, 0 for none in common (or no words at all).
pub fn overlap(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// A short, stable key for a question: the same for every writing of it that differs only in
/// case, accents and punctuation, and the same on every machine (FNV-1a over its words).
pub fn key(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in words(text).enumerate() {
        if i > 0 {
            hash ^= u64::from(b' ');
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        for byte in word.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Compatibility-decomposes, drops combining marks (accents), lowercases.
fn fold(word: &str) -> String {
    word.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|&c| is_letter_or_digit(c))
        .collect()
}

/// `char::is_alphanumeric`, answered at once for ASCII and Cyrillic's basic letters: outside
/// ASCII the standard library searches its Unicode tables for every character, which was a
/// tenth of the time a Russian question took.
fn is_letter_or_digit(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        'А'..='я' | 'Ё' | 'ё' => true,
        c => c.is_alphanumeric(),
    }
}

/// Stems in both of the FAQ's languages.
pub struct Stemmers {
    english: Stemmer,
    french: Stemmer,
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmers(english, french)")
    }
}

impl Default for Stemmers {
    fn default() -> Self {
        Self {
            english: Stemmer::create(Algorithm::English),
            french: Stemmer::create(Algorithm::French),
        }
    }
}

impl Stemmers {
    pub fn english(&self, word: &str) -> String {
        self.english.stem(word).into_owned()
    }

    pub fn french(&self, word: &str) -> String {
        self.french.stem(word).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_are_the_standard_librarys() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        let words: Vec<String> =
            words("L'ISO délivre-t-elle des CERTIFICATS?! ISO‐9001 ﬁne").collect();
        assert_eq!(
            words,
            [
                "l",
                "iso",
                "delivre",
                "t",
                "elle",
                "des",
                "certificats",
                "iso",
                "9001",
                "fine"
            ]
        );
    }

    #[test]
    fn caps_huge_input() {
        let huge = "word ".repeat(10_000);
        assert_eq!(words(&huge).count(), MAX_WORDS);
        assert_eq!(words("").count(), 0);
        assert_eq!(words("👍 🤔 ?!").count(), 0);
    }

    #[test]
    fn chinese_and_japanese_are_read_a_character_a_word() {
        let cut = |text: &str| words(text).collect::<Vec<_>>();
        assert_eq!(cut("认证机构"), ["认", "证", "机", "构"]);
        assert_eq!(cut("ISOの認証"), ["iso", "の", "認", "証"]);
        assert_eq!(cut("会员 费"), ["会", "员", "费"]);
        assert_eq!(
            cut("can companies join ISO?"),
            ["can", "companies", "join", "iso"]
        );
    }

    #[test]
    fn stems_in_both_languages() {
        let stem = Stemmers::default();
        assert_eq!(stem.english("certified"), stem.english("certify"));
        assert_eq!(stem.english("companys"), stem.english("companies"));
        assert_eq!(stem.french("financement"), stem.french("finance"));
        assert_eq!(stem.french("normes"), stem.french("norme"));
    }
}
