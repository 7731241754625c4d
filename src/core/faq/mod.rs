//! ISO's FAQ as data: the topics, the intro and the customer-care contact, loaded from
//! `faq.toml` and checked so that everything the bot later builds from them is known to be valid.

pub mod examples;
mod load;

use std::path::{Path, PathBuf};

use crate::core::diagnostic::LoadError;
use crate::core::lang::Lang;
use crate::core::limits::Limits;
use crate::core::schedule::Schedule;
pub use examples::{Example, Expected, NONE};

/// The repo's `faq.toml`, built into the binary so that it runs from anywhere with zero setup.
pub const EMBEDDED: &str = include_str!("../../../faq.toml");
/// How the embedded copy is named in messages.
pub const EMBEDDED_LABEL: &str = "<embedded faq.toml>";
/// The repo's `examples.tsv`, which the embedded `faq.toml` names.
pub const EMBEDDED_EXAMPLES: &str = include_str!("../../../examples.tsv");

/// A validated FAQ: ids are unique valid command names, `related` ids exist, texts fit Discord.
#[derive(Debug, Clone)]
pub struct Faq {
    /// ISO's opening paragraph of the FAQ page.
    pub intro: String,
    /// Words that mark a question as being about something the FAQ does not cover, such as
    /// the other things called "ISO" (disk images, camera sensitivity): `/ask` refuses rather
    /// than answer such a question with a topic that merely shares a word with it.
    pub off_topic: Vec<String>,
    /// What people call the organisation this FAQ speaks for ("ISO"): a question that names
    /// it is about it, whatever else it names.
    pub names: Vec<String>,
    /// Other organisations people ask about ("ANSI", "the IEC"): a question that names one of
    /// them and not this FAQ's own is about that one, and refused.
    pub others: Vec<String>,
    pub contact: Contact,
    /// In file order, which is also the order users see them listed.
    pub topics: Vec<Topic>,
    /// The `examples` file as `faq.toml` names it, relative to `faq.toml`'s folder.
    pub examples_file: Option<ExamplesFile>,
    /// Questions labelled with the topics that answer them, read from `examples_file`:
    /// `/ask` learns from them. Empty until [`Faq::load_with`] or [`Faq::embedded`] reads them.
    pub examples: Vec<Example>,
    /// The file of questions the keeper taught (`faqbot teach`), as `faq.toml` names it (the
    /// `learned` key): created on first use, beside faq.toml.
    pub learned_file: Option<ExamplesFile>,
    /// The questions taught, read from `learned_file` (none while it does not exist): `/ask`
    /// learns from them as from the examples.
    pub learned: Vec<Example>,
    /// What the front end it was validated for can show: replies size themselves by it.
    pub limits: Limits,
}

/// The file of labelled questions a FAQ names, and where it names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamplesFile {
    /// As written in `faq.toml`: relative to its folder.
    pub name: String,
    /// The bytes of the name in `faq.toml`, to point at when the file cannot be read.
    span: std::ops::Range<usize>,
}

impl ExamplesFile {
    /// Where the file is, for the FAQ file at `faq_path`: its name is relative to that folder.
    pub fn beside(&self, faq_path: &Path) -> PathBuf {
        faq_path.parent().unwrap_or(Path::new("")).join(&self.name)
    }

    pub(crate) fn new(name: String, span: std::ops::Range<usize>) -> Self {
        Self { name, span }
    }
}

/// Which topic of one loaded FAQ: its place in [`Faq::topics`], resolved from its name once,
/// at load or when a name arrives from outside (a button, a command). It is only meaningful
/// for the FAQ it came from: what crosses a reload, or the wire, is the topic's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicId(u16);

impl TopicId {
    /// The `index`th topic. A FAQ has at most a hundred topics (Discord's command limit),
    /// so an index always fits.
    pub fn new(index: usize) -> Self {
        Self(u16::try_from(index).expect("a FAQ has fewer than 65,536 topics"))
    }

    /// Its place in [`Faq::topics`].
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// One question and ISO's answer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// The slash command that shows this topic.
    pub id: String,
    /// The question as people ask it; the answer's title and the command's description.
    pub question: String,
    /// ISO's words, verbatim.
    pub answer: String,
    /// Words and phrases people type when they mean this topic.
    pub keywords: Vec<String>,
    /// Topics worth reading next, resolved from their names at load.
    pub related: Vec<TopicId>,
    /// Whether the answer is followed by customer care's live open/closed status, for the
    /// topic that tells people when to call.
    pub show_hours: bool,
    /// Translations of the question and the answer, by Discord locale. The answer is ISO's:
    /// only the FAQ's owner translates it.
    pub localized: Vec<Localized>,
}

/// A topic's question and answer in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    /// A Discord locale: `fr`, `de`, `pt-BR`…
    pub locale: String,
    pub question: Option<String>,
    pub answer: Option<String>,
}

/// The translation in `translations` for `lang`'s locale, else one for the same language
/// (`es-ES` for a user in `es-419`).
fn translation_for<T>(translations: &[T], locale: impl Fn(&T) -> &str, lang: Lang) -> Option<&T> {
    let language = |t: &T| locale(t).split('-').next() == Some(lang.language());
    translations
        .iter()
        .find(|t| locale(t) == lang.locale())
        .or_else(|| translations.iter().find(|t| language(t)))
}

impl Topic {
    fn translation(&self, lang: Lang) -> Option<&Localized> {
        translation_for(&self.localized, |l| &l.locale, lang)
    }

    /// The question in `lang` if the FAQ translates it, in its own language otherwise.
    pub fn question_in(&self, lang: Lang) -> &str {
        self.translation(lang)
            .and_then(|l| l.question.as_deref())
            .unwrap_or(&self.question)
    }

    /// Whether the FAQ gives this topic's answer in `lang`: if not, a member of that language
    /// reads ISO's words as written, and is told so.
    pub fn translates_answer(&self, lang: Lang) -> bool {
        self.translation(lang).is_some_and(|l| l.answer.is_some())
    }

    /// The answer in `lang` if the FAQ translates it, as written otherwise.
    pub fn answer_in(&self, lang: Lang) -> &str {
        self.translation(lang)
            .and_then(|l| l.answer.as_deref())
            .unwrap_or(&self.answer)
    }
}

/// Who to call, and when they answer.
#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    /// Where the office is, to name its local time ("Geneva time"); `None` says "office time".
    pub location: Option<String>,
    /// The name and place in other languages (`[contact.localized.fr]`), so that a French
    /// `/hours` says "Service clientèle" and "heure de Genève", not half in English.
    pub localized: Vec<ContactLocalized>,
    pub schedule: Schedule,
}

/// The contact's name and place in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactLocalized {
    /// A Discord locale: `fr`, `de`, `pt-BR`…
    pub locale: String,
    /// The contact's name in that language ("Service clientèle"), if translated.
    pub name: Option<String>,
    /// Where the office is, in that language ("Genève"), if translated.
    pub location: Option<String>,
}

impl Contact {
    /// The contact's name in `lang` if the FAQ translates it, as written otherwise.
    pub fn name_in(&self, lang: Lang) -> &str {
        translation_for(&self.localized, |l| &l.locale, lang)
            .and_then(|l| l.name.as_deref())
            .unwrap_or(&self.name)
    }

    /// Where the office is, in `lang` if the FAQ translates it.
    pub fn location_in(&self, lang: Lang) -> Option<&str> {
        translation_for(&self.localized, |l| &l.locale, lang)
            .and_then(|l| l.location.as_deref())
            .or(self.location.as_deref())
    }
}

impl Faq {
    /// Parses and validates FAQ text for a front end with these `limits`; `path` names the
    /// file in error messages. The examples file it names is not read: see [`Faq::load_with`].
    pub fn parse(
        path: &str,
        text: &str,
        limits: &Limits,
    ) -> Result<Self, crate::core::diagnostic::FileErrors> {
        load::parse(path, text, limits)
    }

    /// Validates a FAQ file and the examples file it names, each read through `read`: the
    /// core reads no file itself (`ops::faq_file` reads them from disk), and the caller sees
    /// exactly the text that was validated (a live reload remembers what it served, to tell a
    /// real save from a read).
    pub fn load_with(
        path: &Path,
        limits: &Limits,
        mut read: impl FnMut(&Path) -> std::io::Result<String>,
    ) -> Result<Self, LoadError> {
        let label = path.display().to_string();
        let text = read(path).map_err(|source| LoadError::Read {
            path: label.clone(),
            source,
        })?;
        let mut faq = Self::parse(&label, &text, limits)?;
        if let Some(file) = &faq.examples_file {
            let examples = file.beside(path);
            let examples_text = read(&examples).map_err(|e| {
                let source = crate::core::diagnostic::Source::new(&label, &text);
                let problem = source.diagnostic(
                    file.span.clone(),
                    format!("cannot read the examples file {}: {e}", examples.display()),
                    Some(
                        "put the file of labelled questions beside faq.toml (tab-separated: \
                         question, topic id or `none`, kind), or remove the `examples` key"
                            .to_owned(),
                    ),
                );
                LoadError::Invalid(source.errors(vec![problem]))
            })?;
            faq.examples = faq.read_examples(&examples.display().to_string(), &examples_text)?;
        }
        if let Some(file) = &faq.learned_file {
            let learned = file.beside(path);
            match read(&learned) {
                Ok(text) => {
                    faq.learned = faq.read_examples(&learned.display().to_string(), &text)?
                }
                // Nothing taught yet: `faqbot teach` creates it.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    let source = crate::core::diagnostic::Source::new(&label, &text);
                    let problem = source.diagnostic(
                        file.span.clone(),
                        format!("cannot read the learned file {}: {e}", learned.display()),
                        Some("let faqbot read the file of taught questions beside faq.toml, or remove the `learned` key".to_owned()),
                    );
                    return Err(LoadError::Invalid(source.errors(vec![problem])));
                }
            }
        }
        Ok(faq)
    }

    /// Every labelled question the matcher learns from: the examples, then what was taught.
    pub fn labelled(&self) -> impl Iterator<Item = &Example> {
        self.examples.iter().chain(&self.learned)
    }

    /// The FAQ built into the binary, with its examples, for a front end with these `limits`.
    pub fn embedded(limits: &Limits) -> Self {
        let mut faq = Self::parse(EMBEDDED_LABEL, EMBEDDED, limits)
            .expect("the embedded faq.toml is checked by the test suite");
        if faq.examples_file.is_some() {
            faq.examples = faq
                .read_examples("<embedded examples.tsv>", EMBEDDED_EXAMPLES)
                .expect("the embedded examples.tsv is checked by the test suite");
        }
        faq
    }

    /// Parses labelled questions against this FAQ's topics.
    pub fn read_examples(
        &self,
        path: &str,
        text: &str,
    ) -> Result<Vec<Example>, crate::core::diagnostic::FileErrors> {
        let ids: Vec<&str> = self.topics.iter().map(|t| t.id.as_str()).collect();
        examples::parse(path, text, &ids)
    }

    /// The topic called `name`.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        self.topic_id(name).map(|id| &self[id])
    }

    /// The topic called `name`, as the matcher and replies know it. A scan of at most a
    /// hundred short names: as quick as hashing them, and with no second copy of the names
    /// to keep in step with [`Faq::topics`].
    pub fn topic_id(&self, name: &str) -> Option<TopicId> {
        self.topics
            .iter()
            .position(|t| t.id == name)
            .map(TopicId::new)
    }

    /// Every topic's id, in file order.
    pub fn topic_ids(&self) -> impl Iterator<Item = TopicId> + '_ {
        (0..self.topics.len()).map(TopicId::new)
    }
}

impl std::ops::Index<TopicId> for Faq {
    type Output = Topic;

    fn index(&self, id: TopicId) -> &Topic {
        &self.topics[id.index()]
    }
}
