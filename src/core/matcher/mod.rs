//! `/ask`: which FAQ topic answers a free-text question, or that none does.
//!
//! A weighted lexical model, built once from the validated FAQ: every topic is a bag of stems
//! from its keywords (strongest, with multi-word phrases stronger still), its question and its
//! answer, weighted by how rare each stem is across topics. A question is scored against each
//! topic by the evidence its words give, and that evidence is set against what the question
//! says that the topic does not explain. The result is a confidence in `[0, 1)` that means the
//! same for a two-word question and a paragraph, so one threshold decides for both.

mod fuzzy;
mod learned;
pub mod message;

use foldhash::{HashMap, HashMapExt, HashSet};

pub use crate::core::faq::TopicId;
use crate::core::faq::{Example, Expected, Faq};
use crate::core::text::{words, Stemmers};
use crate::core::vocabulary::{
    is_cue_word, is_english_function_word, is_french_article, is_french_function_word,
    is_real_word, is_stop_word, vocabulary,
};
use fuzzy::Fuzzy;
use learned::{Feature, Learned};
use message::Role;

/// Field weights: what a word means when it appears among a topic's keywords, in its question
/// or only in its answer.
const KEYWORD: f32 = 3.0;
const QUESTION: f32 = 2.0;
const ANSWER: f32 = 1.0;
/// A word that only appears as part of a multi-word keyword: weak alone ("9001" of
/// "9001 certified"), strong with its partners, through [`PHRASE`].
const PHRASE_PART: f32 = 1.0;
/// How much the learned model's probabilities count, against the lexical confidence's
/// `1 - LEARNED_WEIGHT`. This, [`LEARNED_TEMPERATURE`], [`LEARNED_CONTEXT`], [`ANSWER_AT`] and
/// [`NONE_MARGIN`] were chosen together by 5-fold cross-validation on the examples: the best
/// overall accuracy among settings that refuse at least 90% of off-topic questions
/// (docs/matching.md).
const LEARNED_WEIGHT: f32 = 0.6;
/// How much the learned model's certainty is flattened (see [`Learned::posterior`]).
const LEARNED_TEMPERATURE: f32 = 2.0;
/// How much a feature of a sentence that does not ask counts in the learned model.
const LEARNED_CONTEXT: f32 = 0.8;
/// A question word's weight inside a phrase.
const CUE_IDF: f32 = 1.0;
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
/// What naming another organisation, and not this FAQ's, leaves of a confidence.
const OTHER_ORGANISATION_FACTOR: f32 = 0.25;
/// The least that off-topic words leave of a confidence: eight of them in the question.
const MIN_DAMPING: f32 = 1.0 / 256.0;
/// How much a word of a sentence that does not ask (a greeting, who is asking and why) counts
/// for a topic, and against every topic that does not explain it, next to a word of the
/// question itself.
const CONTEXT_EVIDENCE: f32 = 0.6;
const CONTEXT_UNEXPLAINED: f32 = 0.25;
/// What an off-topic word in such a sentence leaves of the confidence.
const CONTEXT_OFF_TOPIC_FACTOR: f32 = 0.85;
/// How much a typo-corrected word is trusted, by edit distance.
const FUZZY_QUALITY: [f32; 3] = [1.0, 0.8, 0.6];
/// Confidence = evidence / (evidence + UNEXPLAINED × unexplained + PRIOR). A word explains
/// fully when it is the topic's keyword; a word only found in the answer explains a third, and
/// a word the FAQ never uses explains nothing. The prior keeps a single weak word from being
/// certain; the unexplained part keeps long off-topic questions from riding on one shared word.
const UNEXPLAINED: f32 = 0.4;
const PRIOR: f32 = 2.0;

/// Decision thresholds on the score: answer from this on, if the best topic also beats "none"
/// by [`NONE_MARGIN`].
const ANSWER_AT: f32 = 0.3;
const NONE_MARGIN: f32 = 1.3;
/// A runner-up this close to the answer is offered as "did you also mean".
const ALSO_RATIO: f32 = 0.8;
/// A runner-up among the answer's `related` topics is offered first from this ratio on.
const SIBLING_RATIO: f32 = 0.4;
/// Below [`ANSWER_AT`] but at least this: not sure enough to answer, sure enough to suggest.
const SUGGEST_AT: f32 = 0.15;
/// How many topics a refusal or an unsure answer offers.
const SUGGESTIONS: usize = 3;
/// A refusal names a topic as close only from this confidence on.
const CLOSEST_AT: f32 = 0.12;

type TermId = u32;

/// What to do with a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// This topic answers it; `also` are runners-up nearly as likely, best first.
    Answer {
        topic: TopicId,
        score: f32,
        also: Vec<TopicId>,
    },
    /// No topic is likely enough to answer with, but these are worth offering, best first.
    Unsure {
        suggestions: Vec<TopicId>,
        score: f32,
    },
    /// The FAQ does not cover it; the closest topics, if any share a word with it.
    Refuse { closest: Vec<TopicId>, score: f32 },
}

impl Verdict {
    /// The answering topic, if any.
    pub fn topic(&self) -> Option<TopicId> {
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
    pub fn suggestions(&self) -> &[TopicId] {
        match self {
            Self::Answer { also, .. } => also,
            Self::Unsure { suggestions, .. } => suggestions,
            Self::Refuse { closest, .. } => closest,
        }
    }
}

/// A message taken apart once for every model that reads it.
#[derive(Debug)]
struct Reading {
    sentences: Vec<message::Sentence>,
    /// The words that can mean something (content words and question words), each with the
    /// role of its sentence.
    tokens: Vec<(String, Role)>,
    /// Which tokens belong to which sentence.
    bounds: Vec<std::ops::Range<usize>>,
    /// Each token's stems, English and French.
    stems: Vec<[String; 2]>,
    /// More of its function words are French than English, or as many and the member's
    /// Discord is French: "un" is then the article, not the United Nations.
    french: bool,
    /// More of its function words are English than French.
    english: bool,
}

/// Letters of a word that stand for all its forms when the English stemmer cannot help: the
/// first four, the length that did best among 4, 5 and 6 in cross-validation on the examples
/// (docs/matching.md).
const PREFIX_LETTERS: usize = 4;

impl Reading {
    /// What the learned model reads: each word's stem (a question word marked as such), and
    /// each pair of neighbouring words in a sentence, counting less in a sentence that only
    /// sets the scene.
    fn features(&self) -> Vec<Feature> {
        let mut features = Vec::with_capacity(self.stems.len() * 2);
        for (sentence, range) in self.sentences.iter().zip(&self.bounds) {
            let weight = match sentence.role {
                Role::Asking => 1.0,
                Role::Context => LEARNED_CONTEXT,
            };
            let names: Vec<String> = range
                .clone()
                .map(|i| {
                    let [en, _] = &self.stems[i];
                    if is_cue_word(&self.tokens[i].0) {
                        format!("?{en}")
                    } else {
                        en.clone()
                    }
                })
                .collect();
            for pair in names.windows(2) {
                features.push((format!("{} {}", pair[0], pair[1]), weight));
            }
            features.extend(names.into_iter().map(|n| (n, weight)));
            if !self.english {
                // Words English stemming leaves as they are, in a question not in English:
                // their first letters stand for their other forms ("lidmaatschap",
                // "членство", "членства").
                for i in range.clone() {
                    let [stem, _] = &self.stems[i];
                    let word = &self.tokens[i].0;
                    if *stem == *word && word.chars().nth(PREFIX_LETTERS).is_some() {
                        let prefix: String = word.chars().take(PREFIX_LETTERS).collect();
                        features.push((format!("^{prefix}"), weight));
                    }
                }
            }
        }
        features
    }

    /// Reads `question`, asked in `language` as far as the member's Discord says (empty when
    /// unknown): the tie-breaker where its words do not tell French from English.
    fn new(stem: &Stemmers, question: &str, prefix: bool, language: &str) -> Self {
        let sentences = if prefix {
            // A half-typed question is one unfinished sentence.
            vec![message::Sentence {
                words: words(question).collect(),
                role: Role::Asking,
            }]
        } else {
            message::sentences(question)
        };
        // What "un" means, and whether a word's first letters count, follow the question's
        // function words; the member's language breaks a French-English tie.
        let (french, english) = function_words(sentences.iter().flat_map(|s| &s.words));
        let mut reading = Reading {
            french: french > english || french == english && language == "fr",
            english: english > french,
            sentences: Vec::new(),
            tokens: Vec::new(),
            bounds: Vec::with_capacity(sentences.len()),
            stems: Vec::new(),
        };
        for sentence in &sentences {
            let start = reading.stems.len();
            for word in &sentence.words {
                let skip = is_stop_word(word) && !is_cue_word(word)
                    || reading.french && is_french_article(word);
                if !skip {
                    reading.stems.push([stem.english(word), stem.french(word)]);
                    reading.tokens.push((word.clone(), sentence.role));
                }
            }
            reading.bounds.push(start..reading.stems.len());
        }
        reading.sentences = sentences;
        reading
    }
}

/// How likely each topic answers a message, and how much it looks like a question the FAQ
/// does not answer, in the same units.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// One score per topic, in FAQ order.
    pub topics: Vec<f32>,
    pub none: f32,
}

impl Scores {
    /// The topics with a positive score, best first (ties in FAQ order).
    pub fn ranked(&self) -> Vec<(TopicId, f32)> {
        let mut ranked: Vec<(TopicId, f32)> = self
            .topics
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, s)| *s > 0.0)
            .map(|(t, s)| (TopicId::new(t), s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }
}

/// One vocabulary term of a message, at its strongest use.
#[derive(Debug, Clone, Copy)]
struct Use<'a> {
    term: TermId,
    /// How much it counts for the topics that use it, by the role of its sentence.
    strength: f32,
    /// How much it counts against the topics that do not.
    against: f32,
    quality: f32,
    word: Option<&'a str>,
}

/// Teaches the learned model with each topic's question and keywords, and the examples.
fn learn(stem: &Stemmers, faq: &Faq, examples: &[Example]) -> Learned {
    let none = faq.topics.len();
    let labels: Vec<Vec<usize>> = examples
        .iter()
        .map(|e| {
            let mut labels: Vec<usize> = e
                .expected
                .iter()
                .map(|expected| match *expected {
                    Expected::Topic(topic) => topic.index(),
                    Expected::Refusal => none,
                })
                .collect();
            labels.sort_unstable();
            labels.dedup();
            labels
        })
        .collect();
    let topic_labels: Vec<[usize; 1]> = (0..none).map(|t| [t]).collect();
    let own_words = faq.topics.iter().enumerate().flat_map(|(t, topic)| {
        [topic.question.clone(), topic.keywords.join(". ")]
            .into_iter()
            .map(move |text| (text, t))
    });
    let training = own_words
        .map(|(text, t)| {
            (
                Reading::new(stem, &text, false, "").features(),
                &topic_labels[t][..],
            )
        })
        .chain(examples.iter().zip(&labels).map(|(e, labels)| {
            (
                Reading::new(stem, &e.question, false, "").features(),
                &labels[..],
            )
        }));
    Learned::new(none + 1, training)
}

/// A multi-word keyword: the stems of each position (English and French readings), in order.
#[derive(Debug)]
struct Phrase {
    topic: TopicId,
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
    postings: Vec<Vec<(TopicId, f32)>>,
    /// Phrases, by the term of their first word.
    phrases: HashMap<TermId, Vec<Phrase>>,
    /// The FAQ's off-topic words and phrases.
    off_topic: Lexicon,
    /// What people call the organisation the FAQ speaks for ("ISO"), and other
    /// organisations they might ask about instead.
    own_names: Lexicon,
    others: Lexicon,
    /// Exact word forms of keywords and questions, with the topics that use them.
    same_words: HashMap<String, Vec<TopicId>>,
    /// Indexes into `surface`.
    fuzzy: Fuzzy<u32>,
    /// Folded surface words with their terms, for typos and half-typed words.
    surface: Vec<(String, TermId)>,
    topics: usize,
    /// What the example questions and the topics' own words teach, over the topics and,
    /// last, "none".
    learned: Learned,
    /// Each topic's `related` topics: the siblings a close runner-up is offered from.
    related: Vec<Vec<TopicId>>,
    /// Terms below this are question words, which only count inside phrases.
    cues: TermId,
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
    /// The model of `faq`, taught by its examples and the questions its keeper taught.
    pub fn new(faq: &Faq) -> Self {
        if faq.learned.is_empty() {
            return Self::with_examples(faq, &faq.examples);
        }
        let labelled: Vec<Example> = faq.labelled().cloned().collect();
        Self::with_examples(faq, &labelled)
    }

    /// The model of `faq`, taught also by example questions labelled with the topics that
    /// answer them (or [`NONE`] for questions the FAQ must refuse). Each example lends its
    /// words to its topic, a little more for every example that uses them; refused examples
    /// make a class of their own that competes with the topics. Labels that are not topics
    /// of this FAQ are skipped, so an FAQ edited since the examples were written still works.
    pub fn with_examples(faq: &Faq, examples: &[Example]) -> Self {
        let stem = Stemmers::default();
        let mut builder = Builder {
            english: HashMap::new(),
            french: HashMap::new(),
            weights: Vec::new(),
            surface: Vec::new(),
            seen: Default::default(),
        };
        // Question words come first: terms `0..cues`, with no topic of their own.
        for cue in vocabulary().question_words() {
            builder.cue(stem.english(cue));
        }
        let cues = builder.weights.len() as TermId;
        let mut raw_phrases = Vec::new();
        let mut same_words: HashMap<String, Vec<TopicId>> = HashMap::new();
        let mut same_word = |word: &str, topic: TopicId| {
            let topics = same_words.entry(word.to_owned()).or_default();
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        };
        for (topic, t) in faq.topic_ids().zip(&faq.topics) {
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
                let parts: Vec<String> = words(keyword)
                    .filter(|w| !is_stop_word(w) || is_cue_word(w))
                    .collect();
                if parts.iter().all(|w| is_cue_word(w)) {
                    continue;
                }
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
                    if en >= cues {
                        builder.weigh(en, topic, weight);
                    }
                    if french_differs && fr >= cues {
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
            .enumerate()
            .map(|(term, w)| {
                if (term as TermId) < cues {
                    return CUE_IDF;
                }
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
        let postings: Vec<Vec<(TopicId, f32)>> = builder
            .weights
            .into_iter()
            .map(|w| w.into_iter().collect())
            .collect();
        let learned = learn(&stem, faq, examples);
        let keyword_of = |word: &str| -> Vec<TopicId> {
            let term = builder
                .english
                .get(&stem.english(word))
                .or_else(|| builder.french.get(&stem.french(word)));
            term.map(|&t| {
                postings[t as usize]
                    .iter()
                    .filter(|(_, weight)| *weight >= KEYWORD)
                    .map(|(topic, _)| *topic)
                    .collect()
            })
            .unwrap_or_default()
        };
        let off_topic = Lexicon::new(&faq.off_topic, &stem, keyword_of);
        let own_names = Lexicon::new(&faq.names, &stem, |_| Vec::new());
        let others = Lexicon::new(&faq.others, &stem, keyword_of);
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
            off_topic,
            own_names,
            others,
            topics,
            cues,
            learned,
            related: faq.topics.iter().map(|t| t.related.clone()).collect(),
            stem,
        }
    }

    /// Decides which topic answers `question`, if any.
    pub fn ask(&self, question: &str) -> Verdict {
        self.ask_in(question, "")
    }

    /// Decides which topic answers `question`, asked by a member whose Discord speaks
    /// `language` (`fr`, `de`, ...): the question's words say what language it is in, and the
    /// member's language decides only where they do not ("un logo ?" from a French member is
    /// "a logo", not the United Nations and a logo).
    pub fn ask_in(&self, question: &str, language: &str) -> Verdict {
        self.decide(&self.score(question, false, language))
    }

    /// How likely each topic answers `question`, and how likely none does: what
    /// [`Matcher::ask`] decides from, for tools that study or extend the matcher.
    pub fn scores(&self, question: &str) -> Scores {
        self.score(question, false, "")
    }

    /// The verdict on a message with these scores.
    pub fn decide(&self, scores: &Scores) -> Verdict {
        let none = scores.none;
        let ranked = scores.ranked();
        let best = ranked.first().copied();
        let score = best.map_or(0.0, |(_, s)| s);
        let topics = |from: usize, min: f32| -> Vec<TopicId> {
            ranked
                .iter()
                .skip(from)
                .take_while(|(_, s)| *s > min)
                .take(SUGGESTIONS)
                .map(|(t, _)| *t)
                .collect()
        };
        match best {
            Some((topic, score)) if score >= ANSWER_AT && score > NONE_MARGIN * none => {
                let mut also = topics(1, (score * ALSO_RATIO).max(SUGGEST_AT));
                // A sibling the question also points at leads the follow-ups, even when it
                // is not as close: "does ISO certify us?" answered, "who does, then?" offered.
                let sibling = ranked.iter().skip(1).find(|(t, s)| {
                    self.related[topic.index()].contains(t)
                        && *s >= (score * SIBLING_RATIO).max(SUGGEST_AT / 2.0)
                });
                if let Some(&(sibling, _)) = sibling {
                    also.retain(|&t| t != sibling);
                    also.insert(0, sibling);
                    also.truncate(SUGGESTIONS);
                }
                Verdict::Answer { topic, score, also }
            }
            // Ahead of "none" but not sure enough: offer the closest topics.
            Some(_) if score >= SUGGEST_AT && score >= none => Verdict::Unsure {
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
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<TopicId> {
        if words(partial).all(|w| is_stop_word(&w)) {
            return (0..self.topics).take(limit).map(TopicId::new).collect();
        }
        self.score(partial, true, "")
            .ranked()
            .into_iter()
            .map(|(t, _)| t)
            .take(limit)
            .collect()
    }

    /// Each topic's score for `question`, and the score of "none of them".
    ///
    /// A message is read sentence by sentence: the words of the sentences that ask count in
    /// full, for a topic and against it; the words of the sentences around them (greetings,
    /// who is asking and why) count for a topic at [`CONTEXT_EVIDENCE`] and against it at
    /// [`CONTEXT_UNEXPLAINED`], so context neither drowns nor fakes a question.
    fn score(&self, question: &str, prefix: bool, language: &str) -> Scores {
        let reading = Reading::new(&self.stem, question, prefix, language);
        let (lexical, damping) = self.lexical(&reading, prefix);
        let learned = (!prefix).then(|| {
            self.learned
                .posterior(&reading.features(), LEARNED_TEMPERATURE)
        });
        let (topics, none) = match &learned {
            Some(p) => {
                let weight = LEARNED_WEIGHT;
                let topics: Vec<f32> = lexical
                    .iter()
                    .zip(p)
                    .zip(&damping)
                    .map(|((l, p), d)| ((1.0 - weight) * l + weight * p) * d)
                    .collect();
                (topics, weight * p[self.topics])
            }
            None => (
                lexical.iter().zip(&damping).map(|(l, d)| l * d).collect(),
                0.0,
            ),
        };
        Scores { topics, none }
    }

    /// Each topic's confidence from the words of the FAQ alone, and what of any confidence
    /// in it is left after what the message says about other subjects and organisations.
    fn lexical(&self, reading: &Reading, prefix: bool) -> (Vec<f32>, Vec<f32>) {
        let Reading {
            sentences,
            tokens,
            bounds,
            stems,
            french,
            english: _,
        } = reading;
        let french = *french;
        let mut damping = vec![1.0f32; self.topics];
        // A question about another organisation ("is ANSI a government agency?") that does
        // not name this FAQ's own is not for this FAQ, however alike the questions sound.
        let asking = || {
            sentences
                .iter()
                .zip(bounds)
                .filter(|(s, _)| s.role == Role::Asking)
                .map(|(_, range)| &stems[range.clone()])
        };
        if asking().all(|stems| self.own_names.found(stems, french).is_empty()) {
            let others: Vec<&LexiconEntry> = asking()
                .flat_map(|stems| self.others.found(stems, french))
                .collect();
            for entry in others {
                for (topic, damping) in damping.iter_mut().enumerate() {
                    if !entry.claimed_by.contains(&TopicId::new(topic)) {
                        *damping = (*damping * OTHER_ORGANISATION_FACTOR).max(MIN_DAMPING);
                    }
                }
            }
        }
        for (sentence, range) in sentences.iter().zip(bounds) {
            let factor = match sentence.role {
                Role::Asking => OFF_TOPIC_FACTOR,
                Role::Context => CONTEXT_OFF_TOPIC_FACTOR,
            };
            for entry in self.off_topic.found(&stems[range.clone()], french) {
                for (topic, damping) in damping.iter_mut().enumerate() {
                    if !entry.claimed_by.contains(&TopicId::new(topic)) {
                        *damping = (*damping * factor).max(MIN_DAMPING);
                    }
                }
            }
        }
        // A word resolves the same wherever it is: each is looked up once.
        let mut seen: HashMap<&str, Resolved<'_>> = HashMap::with_capacity(tokens.len());
        let mut resolved: Vec<Resolved<'_>> = tokens
            .iter()
            .zip(stems)
            .map(|((t, _), stems)| {
                *seen
                    .entry(t.as_str())
                    .or_insert_with(|| self.resolve(t, stems, french))
            })
            .collect();
        if prefix {
            if let (Some(last), Some((word, _))) = (resolved.last_mut(), tokens.last()) {
                if last.term.is_none() {
                    *last = self.complete_word(word);
                }
            }
        }
        let weights = |role: Role| match role {
            Role::Asking => (1.0, 1.0),
            Role::Context => (CONTEXT_EVIDENCE, CONTEXT_UNEXPLAINED),
        };

        // Each term counts once, as strongly as its strongest use: a word asked about and
        // also mentioned in passing counts as asked about.
        let mut terms: Vec<Use<'_>> = Vec::with_capacity(tokens.len());
        let mut total = 0.0f32;
        // Words the FAQ never uses count once each too, at their strongest.
        let mut unknown: Vec<(&str, f32)> = Vec::new();
        for (r, (word, role)) in resolved.iter().zip(tokens) {
            let (strength, against) = weights(*role);
            let Some(term) = r.term else {
                match unknown.iter_mut().find(|(w, _)| w == word) {
                    Some((_, a)) => *a = a.max(against),
                    None => unknown.push((word, against)),
                }
                continue;
            };
            if term < self.cues {
                continue;
            }
            let new = Use {
                term,
                strength,
                against,
                quality: r.quality,
                word: r.word,
            };
            match terms.iter_mut().find(|u| u.term == term) {
                Some(old) => {
                    let against = old.against.max(against);
                    if new.strength * new.quality > old.strength * old.quality {
                        *old = new;
                    }
                    old.against = against;
                }
                None => terms.push(new),
            }
        }
        total += unknown
            .iter()
            .map(|(_, against)| UNKNOWN_IDF * KEYWORD * against)
            .sum::<f32>();
        let mut evidence = vec![0.0f32; self.topics];
        // What each topic leaves unexplained, less what every topic leaves: `unexplained[t]`
        // starts at the question's whole mass and each matching word takes its share off.
        let mut explained = vec![0.0f32; self.topics];
        for u in &terms {
            let idf = self.idf[u.term as usize];
            total += idf * KEYWORD * u.against;
            for &(topic, weight) in &self.postings[u.term as usize] {
                evidence[topic.index()] += idf * weight * u.strength * u.quality;
                explained[topic.index()] += idf * weight * u.against * u.quality;
            }
            if let Some(word) = u.word {
                for &topic in self.same_words.get(word).into_iter().flatten() {
                    evidence[topic.index()] += idf * SAME_WORD * u.strength * u.quality;
                }
            }
        }
        // Each phrase counts once, where it is found best: repeating it proves nothing more.
        let mut found: Vec<(*const Phrase, TopicId, f32)> = Vec::new();
        for (sentence, range) in sentences.iter().zip(bounds) {
            let (strength, _) = weights(sentence.role);
            let words = &resolved[range.clone()];
            for (start, r) in words.iter().enumerate() {
                let Some(term) = r.term else { continue };
                for phrase in self.phrases.get(&term).into_iter().flatten() {
                    if let Some(gaps) = phrase_at(&phrase.positions, &words[start..]) {
                        let gain = strength * phrase.idf * PHRASE / (1 + gaps) as f32;
                        let id: *const Phrase = phrase;
                        match found.iter_mut().find(|(p, _, _)| *p == id) {
                            Some((_, _, best)) => *best = best.max(gain),
                            None => found.push((id, phrase.topic, gain)),
                        }
                    }
                }
            }
        }
        for (_, topic, gain) in found {
            evidence[topic.index()] += gain;
        }

        let confidence = (0..self.topics)
            .map(|t| {
                if evidence[t] <= 0.0 {
                    return 0.0;
                }
                let unexplained = (total - explained[t]).max(0.0);
                evidence[t] / (evidence[t] + UNEXPLAINED * unexplained + PRIOR)
            })
            .collect();
        (confidence, damping)
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
        let guessable = !word.chars().all(|c| c.is_ascii_digit()) && !is_real_word(word);
        // Only a word that is not one already is looked for among the FAQ's, by its typos.
        match guessable.then(|| self.fuzzy.lookup(word)).flatten() {
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

/// How many of a question's words are French function words, and how many English ones: what
/// tells the two languages apart.
fn function_words<'a>(words: impl IntoIterator<Item = &'a String>) -> (usize, usize) {
    let (mut french, mut english) = (0, 0);
    for word in words {
        french += usize::from(is_french_function_word(word));
        english += usize::from(is_english_function_word(word));
    }
    (french, english)
}

/// The words of `text` that carry meaning.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).filter(|w| !is_stop_word(w))
}

/// Words and phrases of one of the FAQ's lists (`off_topic`, `names`, `others`): single words
/// by their stems, and phrases ("lead auditor") whose words must follow one another, so that
/// each word alone ("auditor") stays free to mean what a topic means by it.
#[derive(Debug, Default)]
struct Lexicon {
    entries: Vec<LexiconEntry>,
    /// Which entries start with a stem: `[0]` by their first word's English stem, `[1]` by its
    /// French one. A sentence is read once, whatever the size of the lexicon.
    by_first: [HashMap<String, Vec<usize>>; 2],
}

#[derive(Debug)]
struct LexiconEntry {
    /// The stems of each word, read as English and as French.
    parts: Vec<[String; 2]>,
    /// Topics that have every word of it among their own keywords: it is theirs to mean.
    claimed_by: Vec<TopicId>,
}

impl Lexicon {
    fn new(entries: &[String], stem: &Stemmers, keyword_of: impl Fn(&str) -> Vec<TopicId>) -> Self {
        let entries = entries
            .iter()
            .filter_map(|entry| {
                let words: Vec<String> = content_words(entry).collect();
                let parts: Vec<[String; 2]> = words
                    .iter()
                    .map(|w| [stem.english(w), stem.french(w)])
                    .collect();
                let mut claimed_by = words.first().map(|w| keyword_of(w))?;
                for word in &words[1..] {
                    let topics = keyword_of(word);
                    claimed_by.retain(|t| topics.contains(t));
                }
                Some(LexiconEntry { parts, claimed_by })
            })
            .collect::<Vec<LexiconEntry>>();
        let mut by_first: [HashMap<String, Vec<usize>>; 2] = Default::default();
        for (i, entry) in entries.iter().enumerate() {
            for (index, stem) in by_first.iter_mut().zip(&entry.parts[0]) {
                index.entry(stem.clone()).or_default().push(i);
            }
        }
        Self { entries, by_first }
    }

    /// The entries a sentence holds, given its words' stems, each once, in lexicon order.
    fn found(&self, stems: &[[String; 2]], french: bool) -> Vec<&LexiconEntry> {
        let is =
            |[en, fr]: &[String; 2], [pen, pfr]: &[String; 2]| en == pen || french && fr == pfr;
        let mut hits: Vec<usize> = Vec::new();
        for (start, [en, fr]) in stems.iter().enumerate() {
            let french_starts = self.by_first[1].get(fr).filter(|_| french);
            let starting_here = self.by_first[0]
                .get(en)
                .into_iter()
                .chain(french_starts)
                .flatten();
            for &i in starting_here {
                if hits.contains(&i) {
                    continue;
                }
                // The first word where the match starts; each next within one word of it.
                let mut at = start + 1;
                let whole = self.entries[i].parts[1..].iter().all(|part| {
                    let found = stems[at.min(stems.len())..]
                        .iter()
                        .take(2)
                        .position(|s| is(s, part));
                    found.inspect(|f| at += f + 1).is_some()
                });
                if whole {
                    hits.push(i);
                }
            }
        }
        hits.sort_unstable();
        hits.into_iter().map(|i| &self.entries[i]).collect()
    }
}

struct Builder {
    english: HashMap<String, TermId>,
    french: HashMap<String, TermId>,
    /// For each term, each topic's strongest field weight.
    weights: Vec<std::collections::BTreeMap<TopicId, f32>>,
    surface: Vec<(String, TermId)>,
    /// The words already in `surface`.
    seen: HashSet<String>,
}

impl Builder {
    fn english(&mut self, stem: String, surface: &str) -> TermId {
        let id = Self::intern(&mut self.english, &mut self.weights, stem);
        if self.seen.insert(surface.to_owned()) {
            self.surface.push((surface.to_owned(), id));
        }
        id
    }

    /// A question word's term. It has no surface form of its own for typos to reach, though a
    /// keyword phrase holding it may add one.
    fn cue(&mut self, stem: String) -> TermId {
        Self::intern(&mut self.english, &mut self.weights, stem)
    }

    fn french(&mut self, stem: String) -> TermId {
        Self::intern(&mut self.french, &mut self.weights, stem)
    }

    fn intern(
        map: &mut HashMap<String, TermId>,
        weights: &mut Vec<std::collections::BTreeMap<TopicId, f32>>,
        stem: String,
    ) -> TermId {
        *map.entry(stem).or_insert_with(|| {
            weights.push(Default::default());
            (weights.len() - 1) as TermId
        })
    }

    fn weigh(&mut self, term: TermId, topic: TopicId, weight: f32) {
        let w = self.weights[term as usize].entry(topic).or_insert(0.0);
        *w = w.max(weight);
    }
}

#[cfg(test)]
mod tests;
