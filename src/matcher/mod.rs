//! `/ask`: which FAQ topic answers a free-text question, or that none does.
//!
//! A weighted lexical model, built once from the validated FAQ: every topic is a bag of stems
//! from its keywords (strongest, with multi-word phrases stronger still), its question and its
//! answer, weighted by how rare each stem is across topics. A question is scored against each
//! topic by the evidence its words give, and that evidence is set against what the question
//! says that the topic does not explain. The result is a confidence in `[0, 1)` that means the
//! same for a two-word question and a paragraph, so one threshold decides for both.

mod fuzzy;
pub mod text;

use std::collections::HashMap;

use crate::faq::Faq;
use fuzzy::Fuzzy;
use text::{is_stop_word, words, Stemmers};

/// Field weights: what a word means when it appears among a topic's keywords, in its question
/// or only in its answer.
const KEYWORD: f32 = 3.0;
const QUESTION: f32 = 2.0;
const ANSWER: f32 = 1.0;
/// A word that only appears as part of a multi-word keyword: weak alone ("9001" of
/// "9001 certified"), strong with its partners, through [`PHRASE`].
const PHRASE_PART: f32 = 1.0;
/// Extra weight per word of a multi-word keyword found whole in the question.
const PHRASE: f32 = 3.0;
/// How many other words may stand between two words of a phrase.
const PHRASE_GAP: usize = 2;
/// How much a word the FAQ never uses counts against every topic, as an idf.
const UNKNOWN_IDF: f32 = 1.0;
/// Extra weight when the question uses the very word form of a topic's single-word keyword or
/// its question,
/// which tells apart topics whose words share a stem ("governed" and "government").
const SAME_WORD: f32 = 2.0;
/// What each word of the FAQ's `off_topic` list leaves of the confidence.
const OFF_TOPIC_FACTOR: f32 = 0.5;
/// How much a typo-corrected word is trusted, by edit distance.
const FUZZY_QUALITY: [f32; 3] = [1.0, 0.8, 0.6];
/// Confidence = evidence / (evidence + UNEXPLAINED × unexplained + PRIOR). A word explains
/// fully when it is the topic's keyword; a word only found in the answer explains a third, and
/// a word the FAQ never uses explains nothing. The prior keeps a single weak word from being
/// certain; the unexplained part keeps long off-topic questions from riding on one shared word.
const UNEXPLAINED: f32 = 0.4;
const PRIOR: f32 = 2.0;

/// Decision thresholds on the confidence.
const ANSWER_AT: f32 = 0.5;
/// A runner-up this close to the answer is offered as "did you also mean".
const ALSO_RATIO: f32 = 0.8;
/// Below [`ANSWER_AT`] but at least this: not sure enough to answer, sure enough to suggest.
const SUGGEST_AT: f32 = 0.3;
/// How many topics a refusal or an unsure answer offers.
const SUGGESTIONS: usize = 3;
/// A refusal names a topic as close only from this confidence on.
const CLOSEST_AT: f32 = 0.1;

type TermId = u32;

/// The index of a topic in [`Faq::topics`].
pub type TopicIndex = usize;

/// What to do with a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// This topic answers it; `also` are runners-up nearly as likely, best first.
    Answer {
        topic: TopicIndex,
        score: f32,
        also: Vec<TopicIndex>,
    },
    /// No topic is likely enough to answer with, but these are worth offering, best first.
    Unsure {
        suggestions: Vec<TopicIndex>,
        score: f32,
    },
    /// The FAQ does not cover it; the closest topics, if any share a word with it.
    Refuse {
        closest: Vec<TopicIndex>,
        score: f32,
    },
}

impl Verdict {
    /// The answering topic, if any.
    pub fn topic(&self) -> Option<TopicIndex> {
        match self {
            Self::Answer { topic, .. } => Some(*topic),
            _ => None,
        }
    }

    /// The confidence in the best topic.
    pub fn score(&self) -> f32 {
        match self {
            Self::Answer { score, .. }
            | Self::Unsure { score, .. }
            | Self::Refuse { score, .. } => *score,
        }
    }

    /// Other topics worth offering, best first.
    pub fn suggestions(&self) -> &[TopicIndex] {
        match self {
            Self::Answer { also, .. } => also,
            Self::Unsure { suggestions, .. } => suggestions,
            Self::Refuse { closest, .. } => closest,
        }
    }
}

/// A multi-word keyword: the stems of each position (English and French readings), in order.
#[derive(Debug)]
struct Phrase {
    topic: TopicIndex,
    positions: Vec<[TermId; 2]>,
    idf: f32,
}

/// The model built from one FAQ.
#[derive(Debug)]
pub struct Matcher {
    stem: Stemmers,
    /// Stems of the FAQ's words, read as English (every field) and as French (keywords, which
    /// hold the French terms), kept apart so that one language's stem never stands for another's.
    english: HashMap<String, TermId>,
    french: HashMap<String, TermId>,
    idf: Vec<f32>,
    /// For each term, the topics it appears in, with its field weight there.
    postings: Vec<Vec<(TopicIndex, f32)>>,
    /// Phrases, by the term of their first word.
    phrases: HashMap<TermId, Vec<Phrase>>,
    /// Stems of the FAQ's off-topic words, read as English and as French.
    off_topic: [std::collections::HashSet<String>; 2],
    /// Exact word forms of keywords and questions, with the topics that use them.
    same_words: HashMap<String, Vec<TopicIndex>>,
    /// Indexes into `surface`.
    fuzzy: Fuzzy<u32>,
    /// Folded surface words with their terms, for typos and half-typed words.
    surface: Vec<(String, TermId)>,
    topics: usize,
}

/// One word of a question, resolved against the vocabulary.
#[derive(Debug, Clone, Copy)]
struct Resolved<'a> {
    term: Option<TermId>,
    quality: f32,
    /// The word as written (or as corrected), to look up among exact word forms.
    word: Option<&'a str>,
}

impl Matcher {
    pub fn new(faq: &Faq) -> Self {
        let stem = Stemmers::default();
        let mut builder = Builder {
            english: HashMap::new(),
            french: HashMap::new(),
            weights: Vec::new(),
            surface: Vec::new(),
            seen: Default::default(),
        };
        let mut raw_phrases = Vec::new();
        let mut same_words: HashMap<String, Vec<TopicIndex>> = HashMap::new();
        let mut same_word = |word: &str, topic: TopicIndex| {
            let topics = same_words.entry(word.to_owned()).or_default();
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        };
        for (topic, t) in faq.topics.iter().enumerate() {
            for word in content_words(&t.answer) {
                let id = builder.english(stem.english(&word), &word);
                builder.weigh(id, topic, ANSWER);
            }
            for word in content_words(&t.question) {
                let id = builder.english(stem.english(&word), &word);
                builder.weigh(id, topic, QUESTION);
                same_word(&word, topic);
            }
            for keyword in &t.keywords {
                let parts: Vec<String> = content_words(keyword).collect();
                let weight = if parts.len() == 1 {
                    KEYWORD
                } else {
                    PHRASE_PART
                };
                let mut positions = Vec::with_capacity(parts.len());
                for word in &parts {
                    if parts.len() == 1 {
                        same_word(word, topic);
                    }
                    let (english, french) = (stem.english(word), stem.french(word));
                    // A French reading is only kept where it differs: where the stems agree,
                    // French questions find the word through the English one anyway.
                    let french_differs = french != english;
                    let en = builder.english(english, word);
                    let fr = if french_differs {
                        builder.french(french)
                    } else {
                        en
                    };
                    builder.weigh(en, topic, weight);
                    if french_differs {
                        builder.weigh(fr, topic, weight);
                    }
                    positions.push([en, fr]);
                }
                if positions.len() > 1 {
                    raw_phrases.push((topic, positions));
                }
            }
        }
        let topics = faq.topics.len();
        let idf: Vec<f32> = builder
            .weights
            .iter()
            .map(|w| {
                let n = w.len() as f32;
                (1.0 + (topics as f32 - n + 0.5) / (n + 0.5)).ln()
            })
            .collect();
        let mut phrases: HashMap<TermId, Vec<Phrase>> = HashMap::new();
        for (topic, positions) in raw_phrases {
            let phrase_idf = positions.iter().map(|p| idf[p[0] as usize]).sum();
            phrases.entry(positions[0][0]).or_default().push(Phrase {
                topic,
                positions: positions.clone(),
                idf: phrase_idf,
            });
            if positions[0][1] != positions[0][0] {
                phrases.entry(positions[0][1]).or_default().push(Phrase {
                    topic,
                    positions,
                    idf: phrase_idf,
                });
            }
        }
        let postings = builder
            .weights
            .into_iter()
            .map(|w| w.into_iter().collect())
            .collect();
        Self {
            fuzzy: Fuzzy::new(
                builder
                    .surface
                    .iter()
                    .enumerate()
                    .map(|(i, (w, _))| (w.clone(), i as u32)),
            ),
            surface: builder.surface,
            english: builder.english,
            french: builder.french,
            idf,
            postings,
            phrases,
            same_words,
            off_topic: [Stemmers::english, Stemmers::french].map(|in_language| {
                faq.off_topic
                    .iter()
                    .flat_map(|w| content_words(w).collect::<Vec<_>>())
                    .map(|w| in_language(&stem, &w))
                    .collect()
            }),
            topics,
            stem,
        }
    }

    /// Decides which topic answers `question`, if any.
    pub fn ask(&self, question: &str) -> Verdict {
        let ranked = self.rank(question, false);
        let best = ranked.first().copied();
        let score = best.map_or(0.0, |(_, s)| s);
        let topics = |from: usize, min: f32| -> Vec<TopicIndex> {
            ranked
                .iter()
                .skip(from)
                .take_while(|(_, s)| *s > min)
                .take(SUGGESTIONS)
                .map(|(t, _)| *t)
                .collect()
        };
        match best {
            Some((topic, score)) if score >= ANSWER_AT => Verdict::Answer {
                topic,
                score,
                also: topics(1, (score * ALSO_RATIO).max(SUGGEST_AT)),
            },
            Some(_) if score >= SUGGEST_AT => Verdict::Unsure {
                suggestions: topics(0, SUGGEST_AT / 2.0),
                score,
            },
            _ => Verdict::Refuse {
                closest: topics(0, CLOSEST_AT),
                score,
            },
        }
    }

    /// Topics for a half-typed question, best first, for autocomplete: the last word also
    /// matches the words it begins. Empty input lists every topic in FAQ order.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<TopicIndex> {
        if words(partial).all(|w| is_stop_word(&w)) {
            return (0..self.topics).take(limit).collect();
        }
        self.rank(partial, true)
            .into_iter()
            .filter(|(_, s)| *s > 0.0)
            .map(|(t, _)| t)
            .take(limit)
            .collect()
    }

    /// Every topic with a positive confidence, best first (ties in FAQ order).
    fn rank(&self, question: &str, prefix: bool) -> Vec<(TopicIndex, f32)> {
        let all: Vec<String> = words(question).collect();
        let french = is_french(&all);
        let tokens: Vec<&str> = all
            .iter()
            .map(String::as_str)
            .filter(|w| !(is_stop_word(w) || french && text::is_french_article(w)))
            .collect();
        // Each word is stemmed once, in both languages, for every use below.
        let stems: Vec<[String; 2]> = tokens
            .iter()
            .map(|t| [self.stem.english(t), self.stem.french(t)])
            .collect();
        let off_topic = stems
            .iter()
            .filter(|[en, fr]| {
                self.off_topic[0].contains(en) || (french && self.off_topic[1].contains(fr))
            })
            .count();
        let damping = OFF_TOPIC_FACTOR.powi(off_topic.min(8) as i32);
        let mut resolved: Vec<Resolved<'_>> = tokens
            .iter()
            .zip(&stems)
            .map(|(t, stems)| self.resolve(t, stems, french))
            .collect();
        if prefix {
            if let (Some(last), Some(word)) = (resolved.last_mut(), tokens.last()) {
                if last.term.is_none() {
                    *last = self.complete_word(word);
                }
            }
        }

        let mut evidence = vec![0.0f32; self.topics];
        // What each topic leaves unexplained, less what every topic leaves: `unexplained[t]`
        // starts at the question's whole mass and each matching word takes its share off.
        let mut explained = vec![0.0f32; self.topics];
        let mut total = 0.0f32;
        let mut seen: Vec<TermId> = Vec::with_capacity(resolved.len());
        for r in &resolved {
            let Some(term) = r.term else {
                total += UNKNOWN_IDF * KEYWORD;
                continue;
            };
            if seen.contains(&term) {
                continue;
            }
            seen.push(term);
            let idf = self.idf[term as usize];
            total += idf * KEYWORD;
            for &(topic, weight) in &self.postings[term as usize] {
                let e = idf * weight * r.quality;
                evidence[topic] += e;
                explained[topic] += e;
            }
            if let Some(word) = r.word {
                for &topic in self.same_words.get(word).into_iter().flatten() {
                    evidence[topic] += idf * SAME_WORD * r.quality;
                }
            }
        }
        for (start, r) in resolved.iter().enumerate() {
            let Some(term) = r.term else { continue };
            for phrase in self.phrases.get(&term).into_iter().flatten() {
                if let Some(gaps) = phrase_at(&phrase.positions, &resolved[start..]) {
                    evidence[phrase.topic] += phrase.idf * PHRASE / (1 + gaps) as f32;
                }
            }
        }

        let mut ranked: Vec<(TopicIndex, f32)> = (0..self.topics)
            .filter(|&t| evidence[t] > 0.0)
            .map(|t| {
                let unexplained = (total - explained[t]).max(0.0);
                let confidence = evidence[t] / (evidence[t] + UNEXPLAINED * unexplained + PRIOR);
                (t, confidence * damping)
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// A question word as a vocabulary term: its stem in the question's language, else in the
    /// other, else the word its spelling most likely meant.
    fn resolve<'a>(&'a self, word: &'a str, [en, fr]: &[String; 2], french: bool) -> Resolved<'a> {
        let english = || self.english.get(en);
        let in_french = || self.french.get(fr);
        let exact = if french {
            in_french().or_else(english)
        } else {
            english().or_else(in_french)
        };
        if let Some(&term) = exact {
            return Resolved {
                term: Some(term),
                quality: 1.0,
                word: Some(word),
            };
        }
        let guessable = !word.chars().all(|c| c.is_ascii_digit()) && !text::is_real_word(word);
        match self.fuzzy.lookup(word).filter(|_| guessable) {
            Some((index, distance)) => {
                let (surface, term) = &self.surface[index as usize];
                Resolved {
                    term: Some(*term),
                    quality: FUZZY_QUALITY[distance.min(2)],
                    word: Some(surface),
                }
            }
            None => Resolved {
                term: None,
                quality: 0.0,
                word: None,
            },
        }
    }

    /// The half-typed last word as the term of the first vocabulary word it begins.
    fn complete_word(&self, prefix: &str) -> Resolved<'_> {
        let found = (prefix.chars().count() >= 2)
            .then(|| self.surface.iter().find(|(w, _)| w.starts_with(prefix)))
            .flatten();
        Resolved {
            term: found.map(|(_, t)| *t),
            quality: if found.is_some() { 0.8 } else { 0.0 },
            word: found.map(|(w, _)| w.as_str()),
        }
    }
}

/// Whether the phrase's words follow one another from the start of `words`, each at most
/// [`PHRASE_GAP`] words after the one before ("membership annual fee" still says "membership
/// fee"); returns how many words were skipped, which weakens the match.
fn phrase_at(positions: &[[TermId; 2]], words: &[Resolved<'_>]) -> Option<usize> {
    let mut at = 0;
    let mut gaps = 0;
    for (i, position) in positions.iter().enumerate() {
        let window = if i == 0 { 1 } else { PHRASE_GAP + 1 };
        let found = words
            .iter()
            .skip(at)
            .take(window)
            .position(|w| w.term.is_some_and(|t| position.contains(&t)))?;
        gaps += found;
        at += found + 1;
    }
    Some(gaps)
}

/// Whether a question is in French, by its function words: that decides what "un" means.
fn is_french(words: &[String]) -> bool {
    let (mut french, mut english) = (0, 0);
    for word in words {
        french += usize::from(text::is_french_function_word(word));
        english += usize::from(text::is_english_function_word(word));
    }
    french > english
}

/// The words of `text` that carry meaning.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).filter(|w| !is_stop_word(w))
}

struct Builder {
    english: HashMap<String, TermId>,
    french: HashMap<String, TermId>,
    /// For each term, each topic's strongest field weight.
    weights: Vec<std::collections::BTreeMap<TopicIndex, f32>>,
    surface: Vec<(String, TermId)>,
    /// The words already in `surface`.
    seen: std::collections::HashSet<String>,
}

impl Builder {
    fn english(&mut self, stem: String, surface: &str) -> TermId {
        let id = Self::intern(&mut self.english, &mut self.weights, stem);
        if self.seen.insert(surface.to_owned()) {
            self.surface.push((surface.to_owned(), id));
        }
        id
    }

    fn french(&mut self, stem: String) -> TermId {
        Self::intern(&mut self.french, &mut self.weights, stem)
    }

    fn intern(
        map: &mut HashMap<String, TermId>,
        weights: &mut Vec<std::collections::BTreeMap<TopicIndex, f32>>,
        stem: String,
    ) -> TermId {
        *map.entry(stem).or_insert_with(|| {
            weights.push(Default::default());
            (weights.len() - 1) as TermId
        })
    }

    fn weigh(&mut self, term: TermId, topic: TopicIndex, weight: f32) {
        let w = self.weights[term as usize].entry(topic).or_insert(0.0);
        *w = w.max(weight);
    }
}

#[cfg(test)]
mod tests;
