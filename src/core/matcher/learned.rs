//! What example questions teach: a naive Bayes model over a message's words, word pairs and
//! question words, learned at start-up from questions labelled with the topic that answers
//! them, or with "none" for questions the FAQ must refuse.
//!
//! The lexical model knows the words the FAQ and its keywords use. People use others: "who
//! picks up the tab", "the ISO stamp", "the bosses of ISO". Examples written by people who
//! did not read the keywords carry those words, and the pairs and question words that tell
//! siblings apart ("who certifies" against "does ISO certify"); the refused examples make a
//! class of their own, so a question that looks like them is weighed against the topics.
//! Counting is all the learning there is, so it takes milliseconds and follows every reload.

use std::hash::BuildHasher;

/// Additive smoothing: how much every feature is assumed seen in every class.
const SMOOTHING: f32 = 0.5;

/// One feature of a message with how much it counts when a question is read (less in sentences
/// that only set the scene). Examples are learned from at full weight.
pub type Feature = (String, f32);

/// Per-class log-likelihoods of the features of the examples: one row for each feature and
/// class it was seen in, sorted by the feature's hash and then the class, in three columns.
/// The model is most of the matcher's memory, held for as long as the bot runs: a map of
/// feature strings to a list per feature took 1.5 MB for the 9,700 features of the examples
/// then; the 36,500 rows of today's 26,000 features take 0.37 MB (10 bytes a row, where a
/// column of 64-bit hashes, one of where each feature's rows start and one of padded
/// `(class, likelihood)` pairs took 0.61 MB).
#[derive(Debug, Default)]
pub struct Learned {
    /// Each row's feature, by its hash. Two features whose 32-bit hashes collide are read as
    /// one, as in any hashed feature space: among the 26,000 features of the repository's
    /// examples the odds of one such pair are about one in twelve (there is none today:
    /// `faqbot eval` gave the same bytes as with 64-bit hashes), and that pair's counts would be
    /// summed, two rare words read as one. A word of a question that no example holds takes a
    /// known feature's likelihoods once in 160,000 words.
    hashes: Vec<u32>,
    /// Each row's class.
    classes: Vec<u16>,
    /// Each row's smoothed log-likelihood of the feature in the class.
    likelihoods: Vec<f32>,
    /// For each class, the log-likelihood of a feature never seen in it.
    unseen: Vec<f32>,
    log_prior: Vec<f32>,
}

/// A feature's hash: the same when learning and when reading, in every run.
fn hash(feature: &str) -> u32 {
    foldhash::quality::FixedState::with_seed(0).hash_one(feature) as u32
}

impl Learned {
    /// Learns from `examples`: each message's features with the classes (any of which is right)
    /// it belongs to. A message in several classes counts a share in each.
    pub fn new<'a>(
        classes: usize,
        examples: impl IntoIterator<Item = (Vec<Feature>, &'a [usize])>,
    ) -> Self {
        let mut log_prior = vec![1.0; classes];
        // For each class, the sum of its feature counts, smoothed: its likelihoods' denominator.
        let mut denominators = vec![0.0f32; classes];
        // Every sighting of a feature in a class, in the examples' order.
        let mut seen_in: Vec<(u32, u16, f32)> = Vec::new();
        for (features, labels) in examples {
            if labels.is_empty() {
                continue;
            }
            let share = 1.0 / labels.len() as f32;
            for &class in labels {
                log_prior[class] += share;
            }
            let mut seen: Vec<&str> = Vec::with_capacity(features.len());
            for (feature, _) in &features {
                if seen.contains(&feature.as_str()) {
                    continue;
                }
                seen.push(feature);
                let hash = hash(feature);
                for &class in labels {
                    denominators[class] += share;
                    seen_in.push((hash, class as u16, share));
                }
            }
        }
        // A stable sort: each count adds its shares in the examples' order.
        seen_in.sort_by_key(|&(hash, class, _)| (hash, class));
        let mut model = Self {
            log_prior,
            ..Self::default()
        };
        let mut distinct = 0;
        for (hash, class, share) in seen_in {
            let last = model.hashes.len().checked_sub(1);
            let same_feature = last.is_some_and(|row| model.hashes[row] == hash);
            if !same_feature {
                distinct += 1;
            }
            match last {
                Some(row) if same_feature && model.classes[row] == class => {
                    model.likelihoods[row] += share;
                }
                _ => {
                    model.hashes.push(hash);
                    model.classes.push(class);
                    model.likelihoods.push(share);
                }
            }
        }
        // Grown by doubling, the columns would keep up to as much room again as they fill,
        // for as long as the bot runs.
        model.hashes.shrink_to_fit();
        model.classes.shrink_to_fit();
        model.likelihoods.shrink_to_fit();
        let vocabulary = distinct as f32;
        for d in &mut denominators {
            *d += SMOOTHING * vocabulary;
        }
        // The counts never change once learned: each question reads their logarithms.
        for (n, &class) in model.likelihoods.iter_mut().zip(&model.classes) {
            *n = ((*n + SMOOTHING) / denominators[class as usize]).ln();
        }
        model.unseen = denominators.iter().map(|d| (SMOOTHING / d).ln()).collect();
        let total: f32 = model.log_prior.iter().sum();
        for p in &mut model.log_prior {
            *p = (*p / total).ln();
        }
        model
    }

    /// The rows of the feature with this hash, if the examples have it.
    fn rows(&self, hash: u32) -> Option<std::ops::Range<usize>> {
        let from = self.hashes.partition_point(|&h| h < hash);
        let to = self.hashes.partition_point(|&h| h <= hash);
        (to > from).then_some(from..to)
    }

    /// The probability of each class for a message with these features, flattened by
    /// `temperature` (1: naive Bayes as is; higher: less sure, as its independence
    /// assumption deserves). A feature given twice counts once, at its larger weight; a message
    /// with no feature the examples know gets the classes' prior, so the scale never changes.
    pub fn posterior(&self, features: &[Feature], temperature: f32) -> Vec<f32> {
        let mut known: Vec<(std::ops::Range<usize>, f32)> = Vec::with_capacity(features.len());
        for (feature, weight) in features {
            let Some(rows) = self.rows(hash(feature)) else {
                continue;
            };
            match known.iter_mut().find(|(k, _)| *k == rows) {
                Some((_, w)) => *w = w.max(*weight),
                None => known.push((rows, *weight)),
            }
        }
        let mut scores = self.log_prior.clone();
        for (rows, weight) in known {
            let classes = &self.classes[rows.clone()];
            let likelihoods = &self.likelihoods[rows];
            for (class, score) in scores.iter_mut().enumerate() {
                let likelihood = classes
                    .iter()
                    .position(|&c| c as usize == class)
                    .map_or(self.unseen[class], |i| likelihoods[i]);
                *score += weight * likelihood;
            }
        }
        let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut sum = 0.0;
        for s in &mut scores {
            *s = ((*s - max) / temperature).exp();
            sum += *s;
        }
        for s in &mut scores {
            *s /= sum;
        }
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str) -> Vec<Feature> {
        text.split(' ').map(|w| (w.to_owned(), 1.0)).collect()
    }

    #[test]
    fn learns_which_words_go_with_which_class() {
        let model = Learned::new(
            3,
            [
                (features("who pays bills"), &[0][..]),
                (features("tab pays"), &[0][..]),
                (features("price copies"), &[1][..]),
                (features("camera settings"), &[2][..]),
                (features("both things"), &[0, 1][..]),
            ],
        );
        let p = model.posterior(&features("who picks up the tab"), 1.0);
        assert!(p[0] > p[1] && p[0] > p[2], "{p:?}");
        let p = model.posterior(&features("camera"), 1.0);
        assert!(p[2] > 0.5, "{p:?}");
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        let flat = model.posterior(&features("camera"), 4.0);
        assert!(flat[2] < p[2], "a higher temperature is less sure");
        let unknown = model.posterior(&features("unheard of"), 1.0);
        assert!(
            unknown[0] > unknown[2],
            "nothing known: the prior, which favours class 0"
        );
    }

    #[test]
    fn a_feature_twice_counts_once_at_its_larger_weight() {
        let model = Learned::new(
            2,
            [(features("logo"), &[0][..]), (features("camera"), &[1][..])],
        );
        let once = model.posterior(&[("logo".to_owned(), 1.0)], 1.0);
        let twice = model.posterior(&[("logo".to_owned(), 0.5), ("logo".to_owned(), 1.0)], 1.0);
        assert_eq!(once, twice);
    }

    #[test]
    fn an_empty_model_knows_nothing() {
        let model = Learned::new(2, std::iter::empty());
        assert_eq!(model.posterior(&features("anything"), 1.0), [0.5, 0.5]);
    }
}
