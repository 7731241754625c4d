//! ISO's FAQ as data: the topics, the intro and the customer-care contact, loaded from
//! `faq.toml` and checked so that everything the bot later builds from them is known to be valid.

mod load;

use std::path::Path;

use crate::diagnostic::LoadError;
use crate::schedule::Schedule;

/// The repo's `faq.toml`, built into the binary so that it runs from anywhere with zero setup.
pub const EMBEDDED: &str = include_str!("../../faq.toml");
/// How the embedded copy is named in messages.
pub const EMBEDDED_LABEL: &str = "<embedded faq.toml>";

/// A validated FAQ: ids are unique valid command names, `related` ids exist, texts fit Discord.
#[derive(Debug, Clone)]
pub struct Faq {
    /// ISO's opening paragraph of the FAQ page.
    pub intro: String,
    /// Words that mark a question as being about something the FAQ does not cover, such as
    /// the other things called "ISO" (disk images, camera sensitivity): `/ask` refuses rather
    /// than answer such a question with a topic that merely shares a word with it.
    pub off_topic: Vec<String>,
    pub contact: Contact,
    /// In file order, which is also the order users see them listed.
    pub topics: Vec<Topic>,
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
    /// Ids of topics worth reading next.
    pub related: Vec<String>,
    /// Whether the answer is followed by customer care's live open/closed status, for the
    /// topic that tells people when to call.
    pub show_hours: bool,
}

/// Who to call, and when they answer.
#[derive(Debug, Clone)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    /// Where the office is, to name its local time ("Geneva time"); `None` says "office time".
    pub location: Option<String>,
    pub schedule: Schedule,
}

impl Faq {
    /// Parses and validates FAQ text; `path` names the file in error messages.
    pub fn parse(path: &str, text: &str) -> Result<Self, crate::diagnostic::FileErrors> {
        load::parse(path, text)
    }

    /// Reads and validates a FAQ file.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let label = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
            path: label.clone(),
            source,
        })?;
        Ok(Self::parse(&label, &text)?)
    }

    /// The FAQ built into the binary.
    pub fn embedded() -> Self {
        Self::parse(EMBEDDED_LABEL, EMBEDDED)
            .expect("the embedded faq.toml is checked by the test suite")
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}
