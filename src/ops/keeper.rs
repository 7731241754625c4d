//! The keeper's work, the same from the command line (`faqbot inbox`, `teach`) and from the
//! desk page: the inbox of what faqbot did not answer well, teaching it a question (appended to
//! the learned file faq.toml names, never to faq.toml), and taking a question off the inbox.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::core::eval::NONE;
use crate::core::faq::Faq;
use crate::core::inbox::{gather, Entry, Evidence, What};
use crate::ops::config::Config;
use crate::ops::faq_file;
use crate::ops::insights::Report;

/// Rows of each list of insight the inbox gathers from.
pub const INBOX_ROWS: usize = 1_000;
/// `question` as the keeper sees and teaches it: Discord mentions without their ids (`@…`,
/// `#…`: no words for the matcher to learn), no long digit runs (ids typed out), no token.
/// What the inbox gathers, the desk shows and a lesson or a dismissal stores are all masked
/// alike, so that they match one another.
pub fn masked(question: &str) -> String {
    let scrubbed = crate::ops::secrets::scrub(question);
    let mut out = String::with_capacity(scrubbed.len());
    let mut rest = scrubbed.as_ref();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let mention = [("<@&", "@…"), ("<@!", "@…"), ("<@", "@…"), ("<#", "#…")]
            .into_iter()
            .find_map(|(start, name)| {
                let digits = tail.strip_prefix(start)?;
                let end = digits.find(|c: char| !c.is_ascii_digit())?;
                (end > 0 && digits[end..].starts_with('>')).then_some((start.len() + end + 1, name))
            });
        match mention {
            Some((len, name)) => {
                out.push_str(name);
                rest = &tail[len..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    hide_ids(&out)
}

/// Runs of 15 digits or more (a Discord id is 17 to 20) replaced by `#…`.
fn hide_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.len() >= 15 {
            out.push_str("#…");
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// The keeper's inbox from a report: questions refused or left unsure, answers marked 👎 and
/// helpers' picks, less what was dismissed or already taught (in `faq`'s learned file).
pub fn inbox(report: &Report, faq: &Faq) -> Vec<Entry> {
    let unanswered = report.unanswered.iter().map(|q| Evidence {
        question: masked(&q.question),
        count: q.count,
        what: What::Unanswered { unsure: q.unsure },
    });
    let unhelpful = report.unhelpful.iter().map(|q| Evidence {
        question: masked(&q.question),
        count: q.count,
        what: What::Unhelpful {
            topic: q.topic.clone(),
        },
    });
    let picked = report.picked.iter().map(|q| Evidence {
        question: masked(&q.question),
        count: q.count,
        what: What::Picked {
            topic: q.topic.clone(),
        },
    });
    let settled: Vec<&str> = report
        .dismissed
        .iter()
        .map(String::as_str)
        .chain(faq.learned.iter().map(|e| e.question.as_str()))
        .collect();
    gather(
        unanswered.chain(unhelpful).chain(picked).collect(),
        &settled,
    )
}

/// Why a question was not taught.
#[derive(Debug, thiserror::Error)]
pub enum TeachError {
    /// The lesson itself is wrong (no such topic, no question, no learned file): what to do.
    #[error("{0}")]
    Refused(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    /// The FAQ does not load with the lesson (it did before): the file and line say why.
    #[error(transparent)]
    Load(#[from] crate::core::diagnostic::LoadError),
}

/// What teaching did.
#[derive(Debug)]
pub enum Taught {
    /// The question was taught before, at this line of the learned file.
    Already {
        path: PathBuf,
        line: usize,
        question: String,
    },
    /// The question is appended; `faq` is the FAQ loaded with it.
    New {
        path: PathBuf,
        line: usize,
        question: String,
        faq: Box<Faq>,
    },
}

/// Appends `question`, labelled `topic` (or `none`), to the learned file `faq` names (created
/// with its header on first use), and loads the FAQ again to check it still validates.
pub fn teach(
    faq_path: Option<&Path>,
    faq: &Faq,
    question: &str,
    topic: &str,
) -> Result<Taught, TeachError> {
    let refuse = |why: String| Err(TeachError::Refused(why));
    let Some(faq_path) = faq_path else {
        return refuse(
            "the FAQ in use is the one built into faqbot, which cannot learn: name your \
             faq.toml with --faq or `faq` in the config"
                .to_owned(),
        );
    };
    let Some(file) = &faq.learned_file else {
        return refuse(format!(
            "{} names no file of taught questions: add `learned = \"learned.tsv\"` to it",
            faq_path.display()
        ));
    };
    if topic != NONE && faq.topic_id(topic).is_none() {
        let topics: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
        return refuse(format!(
            "`{topic}` is not a topic of {}: give one of {}, or `none` for a question the FAQ \
             must refuse",
            faq_path.display(),
            topics.join(", ")
        ));
    }
    // One line of the learned file, no longer than insight keeps a question.
    let question =
        crate::ops::insights::capped(&question.split_whitespace().collect::<Vec<_>>().join(" "));
    if crate::core::text::words(&question).next().is_none() || question.starts_with('#') {
        return refuse(format!("`{question}` is not a question to teach"));
    }
    let path = file.beside(faq_path);
    let key = |q: &str| crate::core::text::words(q).collect::<Vec<_>>().join(" ");
    if let Some(before) = faq
        .learned
        .iter()
        .find(|e| key(&e.question) == key(&question))
    {
        return Ok(Taught::Already {
            path,
            line: before.line,
            question: before.question.clone(),
        });
    }
    let mut lines = String::new();
    if !path.exists() {
        lines += "# Questions taught with `faqbot teach`: the question, the topic that answers it \
                  (or none), and `taught`.\nquestion\texpected\tkind\n";
    }
    lines += &format!("{question}\t{topic}\ttaught\n");
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(lines.as_bytes()))
        .map_err(|source| TeachError::Write {
            path: path.display().to_string(),
            source,
        })?;
    let faq = faq_file::load(faq_path, &faq.limits)?;
    let line = faq.learned.last().map_or(0, |e| e.line);
    Ok(Taught::New {
        path,
        line,
        question,
        faq: Box::new(faq),
    })
}

/// Why the store could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "no insights database: insight is off (`insights = false`), or there is no state \
         folder (no STATE_DIRECTORY, XDG_STATE_HOME or HOME); set `insights_db` in the config"
    )]
    NoInsights,
    #[error("cannot use the insights database {path}: {reason}")]
    Sqlite { path: String, reason: String },
    #[error("cannot use the database {shown}: {reason}")]
    Postgres { shown: String, reason: String },
}

/// The report of the last `days` days from the store the config names (every replica's, with
/// a shared database; an SQLite database that does not exist yet is an empty report, and is not
/// created). Async: the desk reads it while the bot runs.
pub async fn report(
    config: &Config,
    days: u32,
    limit: usize,
    now: Timestamp,
) -> Result<Report, StoreError> {
    match &config.database {
        Some(database) => crate::ops::postgres::report(&database.config, days, limit, now)
            .await
            .map_err(|e| postgres_failed(database, &e)),
        None => {
            in_sqlite(config, move |path| {
                crate::ops::insights::report(path, days, limit, now).map_err(|e| e.to_string())
            })
            .await
        }
    }
}

/// Takes `question` (and its near-copies) off the inbox, in the store the config names.
pub async fn dismiss(config: &Config, question: &str, now: Timestamp) -> Result<(), StoreError> {
    match &config.database {
        Some(database) => crate::ops::postgres::dismiss(&database.config, question, now)
            .await
            .map_err(|e| postgres_failed(database, &e)),
        None => {
            let question = question.to_owned();
            in_sqlite(config, move |path| {
                crate::ops::insights::dismiss(path, &question, now).map_err(|e| e.to_string())
            })
            .await
        }
    }
}

fn postgres_failed(
    database: &crate::ops::config::Database,
    e: &dyn std::fmt::Display,
) -> StoreError {
    StoreError::Postgres {
        shown: database.shown.clone(),
        reason: e.to_string(),
    }
}

/// `work` on the SQLite database the config names, off the threads that answer.
async fn in_sqlite<T: Send + 'static>(
    config: &Config,
    work: impl FnOnce(&Path) -> Result<T, String> + Send + 'static,
) -> Result<T, StoreError> {
    let path = config.insights_db.clone().ok_or(StoreError::NoInsights)?;
    let shown = path.display().to_string();
    tokio::task::spawn_blocking(move || work(&path))
        .await
        .unwrap_or_else(|e| Err(e.to_string()))
        .map_err(|reason| StoreError::Sqlite {
            path: shown,
            reason,
        })
}

/// Runs one of this module's async functions to its end, from the command line.
pub fn block_on<T>(work: impl std::future::Future<Output = T>) -> std::io::Result<T> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(work))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_masked_without_ids_tokens_or_words_for_the_matcher() {
        assert_eq!(
            masked("ask <@123456789012345678> or <@&42> in <#9876543210987654321>"),
            "ask @… or @… in #…"
        );
        assert_eq!(masked("my id is 123456789012345678!"), "my id is #…!");
        assert_eq!(masked("iso 9001:2015 < 14001"), "iso 9001:2015 < 14001");
        assert_eq!(masked("<@not a mention>"), "<@not a mention>");
        assert_eq!(
            crate::core::text::words(&masked("<@12> hi <#34>")).count(),
            1
        );
    }
}
