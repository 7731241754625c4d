//! Typo tolerance: the FAQ word a misspelt word most likely meant, found through a
//! symmetric-delete index (as in SymSpell), so a lookup costs a few binary searches, not a scan.

use std::hash::BuildHasher;

/// Words of the FAQ's vocabulary, indexed by every variant with one or two letters deleted.
#[derive(Debug, Default)]
pub struct Fuzzy<T> {
    words: Vec<(String, T)>,
    /// For every variant, its hash and the word it came from in one number ([`entry`]),
    /// sorted. Only hashes are kept, not the variants: tens of thousands of short strings
    /// would be most of the bot's heap. A colliding hash changes no answer: every word within
    /// the allowed edits shares a real variant with the typo (a substitution or a transposition
    /// is one deletion on each side), so what a collision brings in is either found anyway or
    /// turned away by its real distance.
    deletes: Vec<u64>,
}

/// Bits of an index entry that name the word; the hash of the variant has the rest. 40 bits of
/// hash leave a collision among the index's tens of thousands of entries one lookup in
/// millions, and a vocabulary of 16 million words is far beyond any FAQ's.
const WORD_BITS: u32 = 24;

/// An entry of the index: half the size of a `(u64, u32)` pair, which pads to 16 bytes.
fn entry(hash: u64, word: u32) -> u64 {
    hash << WORD_BITS | u64::from(word)
}

/// The hash a variant is indexed by: the same in every run.
fn hash(variant: &str) -> u64 {
    foldhash::quality::FixedState::with_seed(0).hash_one(variant)
}

/// How many edits a word of `len` letters may carry: short words have too many neighbours to
/// guess safely.
/// Words longer than any real word are not typos of one, and their deletion variants would
/// cost quadratic time.
fn allowed(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        8..=MAX_WORD => 2,
        _ => 0,
    }
}

const MAX_WORD: usize = 24;

impl<T: Copy> Fuzzy<T> {
    /// Indexes `words`, which should be distinct: a repeated word adds nothing but work.
    pub fn new(words: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut index = Self {
            words: Vec::new(),
            deletes: Vec::new(),
        };
        for (word, value) in words {
            let len = word.chars().count();
            // Words past 16 million are not indexed (their typos go uncorrected): no FAQ
            // comes near, and an entry has no room to name them.
            if allowed(len) == 0 || index.words.len() >= 1 << WORD_BITS {
                continue;
            }
            let id = index.words.len() as u32;
            index.deletes.extend(
                variants(&word, allowed(len))
                    .iter()
                    .map(|variant| entry(hash(variant), id)),
            );
            index.words.push((word, value));
        }
        index.deletes.sort_unstable();
        index.deletes.dedup();
        index.deletes.shrink_to_fit();
        index
    }

    /// The closest vocabulary word within the edits `word`'s length allows, with the distance.
    /// Ties go to the word that shares the longer prefix, then to the earlier one.
    pub fn lookup(&self, word: &str) -> Option<(T, usize)> {
        let len = word.chars().count();
        let max = allowed(len);
        if max == 0 {
            return None;
        }
        let mut best: Option<(usize, usize, u32)> = None;
        for variant in variants(word, max) {
            let key = entry(hash(&variant), 0);
            let from = self.deletes.partition_point(|&e| e < key);
            let same = self.deletes[from..]
                .iter()
                .take_while(|&&e| e >> WORD_BITS == key >> WORD_BITS);
            for &e in same {
                let id = (e & ((1 << WORD_BITS) - 1)) as u32;
                let candidate = &self.words[id as usize].0;
                let distance = strsim::osa_distance(word, candidate);
                // Within both words' index depths: what makes a colliding hash harmless (the
                // index's comment), so loosening this bound would change more than it says.
                if distance == 0 || distance > max.min(allowed(candidate.chars().count())) {
                    continue;
                }
                // Four-letter words only forgive a slip after the first letter.
                if len == 4 && word.chars().next() != candidate.chars().next() {
                    continue;
                }
                let prefix = word
                    .chars()
                    .zip(candidate.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let key = (distance, usize::MAX - prefix, id);
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
        }
        best.map(|(distance, _, id)| (self.words[id as usize].1, distance))
    }
}

/// `word` and every string made by deleting up to `depth` of its letters.
fn variants(word: &str, depth: usize) -> Vec<String> {
    let mut seen = foldhash::HashSet::default();
    seen.insert(word.to_owned());
    let mut out = vec![word.to_owned()];
    let mut frontier = vec![word.to_owned()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for w in &frontier {
            let chars: Vec<char> = w.chars().collect();
            for skip in 0..chars.len() {
                let variant: String = chars
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, c)| *c)
                    .collect();
                if seen.insert(variant.clone()) {
                    out.push(variant.clone());
                    next.push(variant);
                }
            }
        }
        frontier = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Fuzzy<u8> {
        Fuzzy::new(
            [
                "membership",
                "certification",
                "logo",
                "join",
                "funded",
                "president",
            ]
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i as u8)),
        )
    }

    #[test]
    fn finds_the_word_a_typo_meant() {
        let index = index();
        assert_eq!(index.lookup("memebership"), Some((0, 1)));
        assert_eq!(index.lookup("certifcation"), Some((1, 1)));
        assert_eq!(index.lookup("sertificaton"), Some((1, 2)));
        assert_eq!(index.lookup("logoo"), Some((2, 1)));
        assert_eq!(index.lookup("jion"), Some((3, 1)));
        assert_eq!(index.lookup("presedent"), Some((5, 1)));
    }

    #[test]
    fn leaves_exact_short_and_distant_words_alone() {
        let index = index();
        assert_eq!(index.lookup("logo"), None, "exact words are not typos");
        assert_eq!(index.lookup("lgo"), None, "too short to guess");
        assert_eq!(
            index.lookup("coin"),
            None,
            "four-letter words keep their first letter"
        );
        assert_eq!(index.lookup("mountain"), None);
        assert_eq!(
            index.lookup(&"m".repeat(5000)),
            None,
            "no quadratic work on huge words"
        );
    }
}
