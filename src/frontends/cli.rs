//! The command line: what `faqbot check`, `commands`, `ask` and `hours` print, and how files
//! are found.
//!
//! `main` only parses arguments and maps the result to an exit code; everything here is library
//! code so that tests can drive it.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use jiff::Timestamp;
use serde::Serialize;

use crate::core::bot::{Bot, Effect, Event, Memory};
use crate::core::catalogue::{Action, Catalogue};
use crate::core::diagnostic::LoadError;
use crate::core::faq::{Faq, EMBEDDED_LABEL};
use crate::core::lang::Lang;
use crate::core::matcher::Matcher;
use crate::core::pipeline::{Decision, Detail, Kind, Options, Pipeline, Request, Response};
use crate::core::schedule::{Closure, Holidays};
use crate::frontends::discord::limits::LIMITS;
use crate::frontends::terminal;
use crate::ops::config::{Config, ConfigError, InsightsAt, TokenSource, TOKEN_VAR};
use crate::ops::{keeper, logging};

/// Answers questions about ISO on Discord, from ISO's published FAQ.
#[derive(Debug, Parser)]
#[command(name = "faqbot", version)]
pub struct Cli {
    /// Deployment settings [default: ./config.toml when it exists]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The FAQ [default: `faq` from the config, ./faq.toml, or the copy built into faqbot]
    #[arg(long, global = true, value_name = "PATH")]
    pub faq: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect to Discord (gateway) and serve until ctrl-c or SIGTERM
    Run {
        /// Run only these gateway shards, e.g. 0-1 (with --shard-total), so that several
        /// processes split one bot; the one with shard 0 registers the commands
        #[arg(long, value_name = "FIRST-LAST", requires = "shard_total")]
        shards: Option<String>,
        /// How many shards the whole bot has (with --shards)
        #[arg(long, value_name = "N", requires = "shards")]
        shard_total: Option<i64>,
    },
    /// Answer Discord over an HTTP interactions endpoint (run as many replicas as you like,
    /// sharing a PostgreSQL `database` to remember together)
    Serve {
        /// The address to listen on, e.g. 0.0.0.0:8080
        #[arg(long, value_name = "ADDR", value_parser = crate::ops::config::listen_address)]
        listen: String,
    },
    /// Overwrite the application commands once, then exit (for `serve` deployments)
    Register,
    /// Validate the config and the FAQ, and print a summary
    Check,
    /// Print the application commands that would be registered
    Commands {
        /// Print the exact JSON body of the bulk-overwrite request
        #[arg(long)]
        json: bool,
    },
    /// What /ask answers to a question
    Ask {
        /// The question; `-` reads one question a line from standard input and prints JSON
        #[arg(required = true, num_args = 1.., value_name = "QUESTION")]
        question: Vec<String>,
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
        /// Answer as a member whose Discord is in this locale sees it (`fr`, `de`, `ja`, …)
        #[arg(long, value_name = "LOCALE", value_parser = parse_locale, default_value = "en-US")]
        locale: Lang,
    },
    /// Teach /ask a question it missed: appends it, with the topic that answers it (or
    /// `none`), to the FAQ's learned file, which a running bot reloads; or, with --dismiss,
    /// take it off the inbox
    Teach {
        /// The question, as people asked it
        question: String,
        /// The topic that answers it, or `none` when the FAQ must refuse it
        #[arg(required_unless_present = "dismiss")]
        topic: Option<String>,
        /// Take the question (and its near-copies) off the inbox instead of teaching it
        #[arg(long, conflicts_with = "topic")]
        dismiss: bool,
    },
    /// How well /ask answers a list of questions with known answers
    ///
    /// FILE is tab-separated: question, expected topic id (or `none`, or `a|b` when either is
    /// right), and optionally the kind of question. Prints accuracy per kind and per topic,
    /// which topics are mistaken for which, the refusal rate and every miss.
    Eval {
        #[arg(value_name = "FILE.tsv")]
        file: PathBuf,
        /// Ask each question of a matcher that did not learn from it: deal the questions into
        /// K groups, and teach the matcher without each group in turn
        #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(2..=100))]
        folds: Option<u16>,
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
    },
    /// Reads a password for the keeper's desk from standard input and prints its argon2 hash,
    /// for the file `admin_password_file` names
    Password,
    /// What faqbot did not answer well (refused, unsure, 👎, helpers' picks), one line per
    /// question however it was worded, most frequent first: what to teach
    Inbox {
        /// How many days back to look
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// The most shown topics and the most frequent questions the FAQ could not answer
    Report {
        /// How many days back to look
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
    },
    /// Whether customer care is open, now or at a given instant, and when that changes
    Hours {
        /// The instant to ask about, in RFC 3339 with an offset or Z [default: now]
        #[arg(long, value_name = "RFC3339", value_parser = parse_instant)]
        at: Option<Timestamp>,
        /// Print one JSON object instead of text
        #[arg(long)]
        json: bool,
        /// Answer as a member whose Discord is in this locale sees it (`fr`, `de`, `ja`, …)
        #[arg(long, value_name = "LOCALE", value_parser = parse_locale, default_value = "en-US")]
        locale: Lang,
    },
}

/// A Discord locale, as `--locale` takes it (`fr`, `pt-BR`; `fr-FR` is read as `fr`).
fn parse_locale(text: &str) -> Result<Lang, String> {
    let text = text.trim();
    let known = |l: &str| {
        crate::core::lang::DISCORD_LOCALES
            .iter()
            .any(|k| k.eq_ignore_ascii_case(l))
    };
    let base = text.split(['-', '_']).next().unwrap_or_default();
    if known(text) || known(base) {
        Ok(Lang::of(Some(text)))
    } else {
        Err(format!(
            "not a Discord locale; give one of {}",
            crate::core::lang::DISCORD_LOCALES.join(", ")
        ))
    }
}

fn parse_instant(text: &str) -> Result<Timestamp, String> {
    let text = text.trim();
    text.parse().map_err(|_| {
        // Well written but out of reach is not the same mistake as badly written.
        if jiff::fmt::temporal::Pieces::parse(text).is_ok_and(|p| p.offset().is_some()) {
            format!(
                "{text} is beyond the instants faqbot can reckon with ({} to {})",
                format_args!("{:.0}", Timestamp::MIN),
                format_args!("{:.0}", Timestamp::MAX)
            )
        } else {
            "expected an RFC 3339 instant with an offset or Z, e.g. 2026-12-25T10:00:00+01:00 or 2026-12-25T09:00:00Z"
                .to_owned()
        }
    })
}

/// Why a command failed, and so which exit code it ends with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Faq(#[from] LoadError),
    /// Both files are broken; `check` reports them together.
    #[error("{0}\n{1}")]
    Both(ConfigError, LoadError),
    #[error(transparent)]
    Eval(#[from] crate::core::diagnostic::FileErrors),
    #[error("error: cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
    #[error("error: {0}")]
    Run(#[from] crate::frontends::discord::RunError),
    /// Insight is off, or its database cannot be read or written.
    #[error("error: {0}")]
    Store(#[from] keeper::StoreError),
    #[error("error: {0}")]
    Teach(String),
    #[error("error: --shards: {0}\n  help: give the shards this process runs, e.g. --shards 0-1 --shard-total 4")]
    Shards(String),
}

impl CliError {
    /// 2 for anything the user can fix in their files or arguments, 1 for runtime failures.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Config(_)
            | Self::Faq(_)
            | Self::Both(..)
            | Self::Store(keeper::StoreError::NoInsights)
            | Self::Shards(_)
            | Self::Teach(_)
            | Self::Eval(_)
            | Self::Read { .. } => 2,
            Self::Run(e) => e.exit_code(),
            Self::Output(_) | Self::Store(_) => 1,
        }
    }
}

/// The validated inputs every command starts from.
#[derive(Debug)]
pub struct Setup {
    pub config: Config,
    pub faq: Faq,
    /// The FAQ file used, as the user would name it.
    pub faq_label: String,
    /// The FAQ file, to reload; `None` for the copy built into faqbot.
    pub faq_path: Option<PathBuf>,
}

impl Setup {
    /// Finds, reads and checks the config and the FAQ, reporting problems in both at once.
    pub fn load(
        config: Option<&Path>,
        faq: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, CliError> {
        let default_config = Path::new("config.toml");
        let config_path = config.or_else(|| default_config.is_file().then_some(default_config));
        let config = Config::load(config_path, env);
        let faq_path = faq
            .map(Path::to_path_buf)
            .or_else(|| config.as_ref().ok().and_then(|c| c.faq.clone()))
            .or_else(|| {
                let local = PathBuf::from("faq.toml");
                local.is_file().then_some(local)
            });
        let loaded = match &faq_path {
            Some(path) => crate::ops::faq_file::load(path, &LIMITS)
                .map(|faq| (faq, path.display().to_string())),
            None => Ok((Faq::embedded(&LIMITS), EMBEDDED_LABEL.to_owned())),
        };
        match (config, loaded) {
            (Ok(config), Ok((faq, faq_label))) => Ok(Self {
                config,
                faq,
                faq_label,
                faq_path,
            }),
            (Err(c), Err(f)) => Err(CliError::Both(c, f)),
            (Err(c), _) => Err(c.into()),
            (_, Err(f)) => Err(f.into()),
        }
    }
}

/// Runs one command, writing its output to `out`.
pub fn run(
    cli: &Cli,
    env: impl Fn(&str) -> Option<String>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    // The commands that run as a service log; with a JSON log asked for in the environment,
    // even a broken config is reported as JSON.
    let logs = matches!(
        cli.command,
        Command::Run { .. } | Command::Serve { .. } | Command::Register
    );
    let json_env = env(crate::ops::config::LOG_FORMAT_VAR)
        .and_then(|name| logging::Format::parse(&name))
        == Some(logging::Format::Json);
    if logs && json_env {
        logging::init(logging::Format::Json);
    }
    if let Command::Password = cli.command {
        return password(out);
    }
    let mut setup = Setup::load(cli.config.as_deref(), cli.faq.as_deref(), env)?;
    if let Command::Run {
        shards: Some(ref range),
        shard_total: Some(total),
    } = cli.command
    {
        let shards = crate::ops::config::Shards::parse(range, total).map_err(CliError::Shards)?;
        setup.config.shards = Some(shards);
    }
    if logs {
        logging::init(setup.config.log_format);
    }
    for warning in &setup.config.warnings {
        logging::warning(warning);
    }
    match cli.command {
        // Answered before the setup is read.
        Command::Password => {}
        Command::Run { .. } => {
            // One thread answers thousands of interactions a second (the core takes
            // microseconds), and keeps the bot's memory small.
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(crate::frontends::discord::run(
                setup.config,
                setup.faq,
                setup.faq_path,
            ))?;
        }
        Command::Serve { ref listen } => {
            // Checking signatures is the work here, and it is CPU-bound: use every core.
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(crate::frontends::discord::serve(
                setup.config,
                setup.faq,
                setup.faq_path,
                listen,
            ))?;
        }
        Command::Register => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let results =
                runtime.block_on(crate::frontends::discord::register(setup.config, setup.faq))?;
            // One line a scope, whatever happened there; the error names the ones that failed.
            let mut failed = Vec::new();
            for (scope, result) in &results {
                match result {
                    Ok(count) => writeln!(out, "registered {count} commands ({scope})")?,
                    Err(why) => {
                        writeln!(out, "not registered ({scope}): {why}")?;
                        failed.push(scope.as_str());
                    }
                }
            }
            if !failed.is_empty() {
                return Err(crate::frontends::discord::RunError::Registration {
                    failed: failed.len(),
                    scopes: results.len(),
                    detail: failed.join(", "),
                }
                .into());
            }
        }
        Command::Check => check(&setup, out)?,
        Command::Commands { json: true } => {
            let payload = crate::frontends::discord::commands::registration(&Catalogue::with_menu(
                &setup.faq,
                &setup.config.message_command,
            ));
            // The body for the scope the config registers in: global, or its guilds'.
            let scope = crate::frontends::discord::registration::scopes(&setup.config.guilds)[0];
            serde_json::to_writer(&mut *out, scope.commands(&payload)).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        Command::Commands { json: false } => commands(&setup, out)?,
        Command::Ask {
            ref question,
            json,
            locale,
        } => {
            let mut bot = bot(Pipeline::new(
                setup.faq.clone(),
                setup.config.pipeline_settings(),
            ));
            let question = question.join(" ");
            let now = Timestamp::now();
            if question == "-" {
                for line in io::stdin().lock().lines() {
                    ask(&mut bot, &line?, true, now, locale, out)?;
                }
            } else {
                ask(&mut bot, &question, json, now, locale, out)?;
            }
        }
        Command::Eval {
            ref file,
            folds,
            json,
        } => {
            let text = std::fs::read_to_string(file).map_err(|source| CliError::Read {
                path: file.display().to_string(),
                source,
            })?;
            let label = file.display().to_string();
            let cases = crate::core::eval::parse(&text, &label, &setup.faq)
                .map_err(crate::ops::secrets::redact_file_errors)?;
            let report = match folds {
                Some(k) => crate::core::eval::cross_validate(&setup.faq, &cases, k.into()),
                None => crate::core::eval::evaluate(&setup.faq, &Matcher::new(&setup.faq), &cases),
            };
            let name = |file: &Option<crate::core::faq::ExamplesFile>, or: &'static str| {
                file.as_ref().map_or(or.to_owned(), |f| f.name.clone())
            };
            let examples = name(&setup.faq.examples_file, "the examples");
            let learned = name(&setup.faq.learned_file, "the taught questions");
            let near = crate::core::eval::near_copies(
                &cases,
                &[
                    (&examples, &setup.faq.examples),
                    (&learned, &setup.faq.learned),
                ],
            );
            if folds.is_none() && !near.is_empty() {
                let mut lines = format!(
                    "{} of these {} questions are, or nearly are (the same words, or {:.0}% of \
                     them shared), among the questions /ask learned from ({examples}, \
                     {learned}): the figure measures what it learned, not how it does on new \
                     questions (--folds 5 measures that)",
                    near.len(),
                    cases.len(),
                    crate::core::eval::NEAR_COPY * 100.0
                );
                // The first few, each with its closest: enough to see why, and where to look.
                const SHOWN: usize = 10;
                for copy in near.iter().take(SHOWN) {
                    let question = cases
                        .iter()
                        .find(|c| c.line == copy.line)
                        .map_or("", |c| c.question.as_str());
                    lines += &format!(
                        "\n  {label}:{}: {question}\n    ~ {}:{}: {}",
                        copy.line, copy.file, copy.example_line, copy.example
                    );
                }
                if near.len() > SHOWN {
                    lines += &format!("\n  … and {} more", near.len() - SHOWN);
                }
                logging::warning(&lines);
            }
            if json {
                serde_json::to_writer(&mut *out, &report).map_err(io::Error::from)?;
                writeln!(out)?;
            } else {
                print_eval(&label, &report, out)?;
            }
        }
        Command::Report { days, json } => {
            let report = read_report(&setup, days, 20)?;
            if json {
                serde_json::to_writer(&mut *out, &report).map_err(io::Error::from)?;
                writeln!(out)?;
            } else {
                print_report(&report, &setup.faq, out)?;
            }
        }
        Command::Teach {
            ref question,
            ref topic,
            dismiss,
        } => match topic {
            Some(topic) if !dismiss => teach(&setup, question, topic, out)?,
            _ => {
                keeper::block_on(keeper::dismiss(&setup.config, question, Timestamp::now()))??;
                writeln!(out, "dismissed: {question}")?;
            }
        },
        Command::Inbox { days, json } => {
            let inbox = keeper::inbox(&read_report(&setup, days, keeper::INBOX_ROWS)?, &setup.faq);
            if json {
                serde_json::to_writer(&mut *out, &inbox).map_err(io::Error::from)?;
                writeln!(out)?;
            } else {
                print_inbox(&inbox, days, out)?;
            }
        }
        Command::Hours { at, json, locale } => hours(
            &mut bot(Pipeline::new(
                setup.faq.clone(),
                setup.config.pipeline_settings(),
            )),
            at.unwrap_or_else(Timestamp::now),
            json,
            locale,
            out,
        )?,
    }
    Ok(())
}

/// The last `days` days of insight, `limit` rows of each list at most: from the shared database
/// (every replica's), or from SQLite (which reading never creates).
fn read_report(
    setup: &Setup,
    days: u32,
    limit: usize,
) -> Result<crate::ops::insights::Report, CliError> {
    let config = &setup.config;
    if let Some(path) = config
        .insights_db
        .as_deref()
        .filter(|_| config.database.is_none())
    {
        if !path.exists() {
            // Reading must not create it (in a folder the service owns, say).
            logging::warning(&format!(
                "no insight recorded yet: {} does not exist; `faqbot run` or `serve` creates it",
                path.display()
            ));
        }
    }
    Ok(keeper::block_on(keeper::report(
        config,
        days,
        limit,
        Timestamp::now(),
    ))??)
}

fn print_inbox(
    inbox: &[crate::core::inbox::Entry],
    days: u32,
    out: &mut impl Write,
) -> io::Result<()> {
    match days {
        1 => writeln!(out, "What faqbot did not answer well, last day:")?,
        days => writeln!(out, "What faqbot did not answer well, last {days} days:")?,
    }
    if inbox.is_empty() {
        return writeln!(out, "  (nothing yet)");
    }
    let rows = inbox.iter().map(|entry| {
        let mut what = Vec::new();
        if entry.refused > 0 {
            what.push(format!("refused {}", entry.refused));
        }
        if entry.unsure > 0 {
            what.push(format!("unsure {}", entry.unsure));
        }
        for unhelpful in &entry.unhelpful {
            what.push(format!("👎 {} on /{}", unhelpful.count, unhelpful.topic));
        }
        for picked in &entry.picked {
            what.push(format!("helper picked /{} {}", picked.topic, picked.count));
        }
        let wordings = match entry.wordings {
            1 => String::new(),
            n => format!("  ({n} wordings)"),
        };
        vec![
            entry.count.to_string(),
            format!("{}{wordings}", entry.question),
            what.join(", "),
        ]
    });
    write!(out, "{}", terminal::columns(rows, &[0]))?;
    writeln!(
        out,
        "\nTeach one with: faqbot teach \"QUESTION\" TOPIC (or none)"
    )
}

/// Characters a desk password has at least.
const PASSWORD_CHARS: usize = 10;

/// The hash of the password on standard input's first line.
fn password(out: &mut impl Write) -> Result<(), CliError> {
    let mut line = String::new();
    io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']);
    if password.chars().count() < PASSWORD_CHARS {
        return Err(CliError::Teach(format!(
            "a desk password has {PASSWORD_CHARS} characters at least: type one on standard \
             input, e.g. `faqbot password > /etc/faqbot/desk-password`"
        )));
    }
    let hash = crate::frontends::desk::access::hash(password).map_err(CliError::Teach)?;
    writeln!(out, "{hash}")?;
    Ok(())
}

/// Teaches `question`, labelled `topic`, and says what /ask answers now.
fn teach(setup: &Setup, question: &str, topic: &str, out: &mut impl Write) -> Result<(), CliError> {
    let taught = keeper::teach(setup.faq_path.as_deref(), &setup.faq, question, topic);
    match taught.map_err(|e| match e {
        keeper::TeachError::Load(e) => CliError::Faq(e),
        other => CliError::Teach(other.to_string()),
    })? {
        keeper::Taught::Already {
            path,
            line,
            question,
        } => writeln!(out, "already taught: {}:{line}: {question}", path.display())?,
        keeper::Taught::New {
            path,
            line,
            question,
            faq,
        } => {
            writeln!(
                out,
                "taught: {question} → {topic} ({}:{line})",
                path.display()
            )?;
            let mut bot = bot(Pipeline::new(*faq, setup.config.pipeline_settings()));
            write!(out, "/ask now answers: ")?;
            ask(
                &mut bot,
                &question,
                true,
                Timestamp::now(),
                Lang::ENGLISH,
                out,
            )?;
        }
    }
    Ok(())
}

fn check(setup: &Setup, out: &mut impl Write) -> io::Result<()> {
    let Setup {
        config,
        faq,
        faq_label,
        ..
    } = setup;
    let schedule = &faq.contact.schedule;
    writeln!(out, "{faq_label}: ok")?;
    let ids: Vec<&str> = faq.topics.iter().map(|t| t.id.as_str()).collect();
    writeln!(out, "  {} topics: {}", ids.len(), ids.join(", "))?;
    let catalogue = Catalogue::with_menu(faq, &config.message_command);
    writeln!(out, "  {}", command_count(&catalogue))?;
    if let Some(file) = &faq.examples_file {
        writeln!(
            out,
            "  examples: {} labelled questions ({})",
            faq.examples.len(),
            file.name
        )?;
    }
    writeln!(
        out,
        "  contact: {}, {}",
        faq.contact.name, faq.contact.phone
    )?;
    let weekly: Vec<String> = schedule
        .weekly()
        .into_iter()
        .map(|(days, times)| format!("{days} {times}"))
        .collect();
    let holidays = match schedule.holidays() {
        Holidays::Geneva => "Geneva public holidays",
        Holidays::None => "no public holidays",
    };
    writeln!(
        out,
        "  hours: {} ({}); closed on {holidays}",
        if weekly.is_empty() {
            "none".to_owned()
        } else {
            weekly.join("; ")
        },
        schedule.zone().name()
    )?;

    match &config.path {
        Some(path) => writeln!(out, "{}: ok", path.display())?,
        None => writeln!(out, "config: none, using defaults")?,
    }
    let token = match &config.token {
        Some((_, TokenSource::Environment)) => format!("set by {TOKEN_VAR}"),
        Some((_, TokenSource::File)) => "read from token_file".to_owned(),
        Some((_, TokenSource::Credential)) => {
            "read from the systemd credential discord-token".to_owned()
        }
        None => format!("not set; `run` needs {TOKEN_VAR}, token_file or a systemd credential"),
    };
    writeln!(out, "  token: {token}")?;
    let scope = if config.guilds.is_empty() {
        "global".to_owned()
    } else {
        let guilds: Vec<String> = config.guilds.iter().map(u64::to_string).collect();
        format!("in guilds {}", guilds.join(", "))
    };
    writeln!(out, "  commands: {scope}")?;
    writeln!(
        out,
        "  Discord API: {}",
        config.api_url.as_deref().map_or_else(
            || "https://discord.com (direct)".to_owned(),
            crate::ops::config::shown_url
        )
    )?;
    let visibility = if config.public_answers {
        "visible to the channel"
    } else {
        "visible to the asker only"
    };
    writeln!(out, "  answers: {visibility}")?;
    let insight = match (&config.insights_db, &config.insights_at) {
        (_, InsightsAt::Off) => "off (`insights = false`)".to_owned(),
        _ if config.database.is_some() => "in the shared database".to_owned(),
        (Some(db), InsightsAt::Configured) => format!("{} (insights_db)", db.display()),
        (Some(db), InsightsAt::BesideConfig) => {
            format!("{} (found beside the config file)", db.display())
        }
        (Some(db), InsightsAt::StateFolder(var)) => {
            format!("{} (the state folder, from {var})", db.display())
        }
        (_, InsightsAt::NoStateFolder) => {
            "off: no state folder; set `insights_db` in the config".to_owned()
        }
        _ => "off (`insights = false`)".to_owned(),
    };
    writeln!(out, "  insight: {insight}")?;
    match &config.database {
        Some(database) => writeln!(
            out,
            "  memory: shared by every replica in {} (votes, recent answers, insight)",
            database.shown
        )?,
        None => writeln!(out, "  memory: this process's own (SQLite for insight)")?,
    }
    if let Some(shards) = config.shards {
        let registers = if shards.registers() {
            "registers the commands"
        } else {
            "leaves registering to the process with shard 0"
        };
        writeln!(out, "  gateway shards: {shards} ({registers})")?;
    }
    let format = match config.log_format {
        logging::Format::Text => "text",
        logging::Format::Json => "JSON, one object a line",
    };
    writeln!(out, "  log: {format}")
}

/// How many of the catalogue's commands are slash commands (Discord allows 100) and how many
/// message commands.
fn slash_and_menus(catalogue: &Catalogue) -> (usize, usize) {
    let commands = catalogue.commands();
    let menus = commands
        .iter()
        .filter(|c| c.kind == crate::core::catalogue::CommandKind::Message)
        .count();
    (commands.len() - menus, menus)
}

/// "17 commands: 13 topics, /ask, /faq, /hours and the message command “Answer with FAQ”
/// (16 of Discord's 100 slash commands)".
fn command_count(catalogue: &Catalogue) -> String {
    use crate::core::catalogue::CommandKind;
    let commands = catalogue.commands();
    let (slash, _) = slash_and_menus(catalogue);
    let topics = commands
        .iter()
        .filter(|c| matches!(c.action, Action::Topic(_)))
        .count();
    let built_in: Vec<String> = commands
        .iter()
        .filter(|c| c.kind != CommandKind::Message && !matches!(c.action, Action::Topic(_)))
        .map(|c| format!("/{}", c.name))
        .collect();
    let menus: Vec<String> = commands
        .iter()
        .filter(|c| c.kind == CommandKind::Message)
        .map(|c| format!("the message command “{}”", c.name))
        .collect();
    let topics = match topics {
        1 => "1 topic".to_owned(),
        n => format!("{n} topics"),
    };
    let mut parts = vec![topics];
    parts.extend(built_in);
    parts.extend(menus);
    let last = parts.pop().unwrap_or_default();
    let listed = if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    };
    format!(
        "{} commands: {listed} ({slash} of Discord's {} slash commands)",
        commands.len(),
        crate::frontends::discord::limits::COMMANDS
    )
}

/// `faqbot ask --json`: the decision as data.
#[derive(Serialize)]
struct AskJson<'a> {
    /// The answering topic; `None` when the FAQ has no answer.
    topic: Option<&'a str>,
    /// The question as asked (trimmed).
    question: &'a str,
    /// The topic's answer, or what the bot says when it has none.
    answer: String,
    score: f64,
    /// Other topics worth offering, best first.
    suggestions: Vec<&'a str>,
}

/// The bot the command line asks, as every front end does: with nothing to remember.
fn bot(pipeline: Pipeline) -> Bot {
    Bot::new(std::sync::Arc::new(pipeline), Memory::default())
}

/// A command as the command line asks it of the bot: outside any channel, at `now`.
fn decide(
    bot: &mut Bot,
    name: &str,
    question: Option<&str>,
    now: Timestamp,
    lang: Lang,
) -> Option<Decision> {
    let kind = Kind::Command {
        name: name.to_owned(),
        options: Options {
            question: question.map(str::to_owned),
            ..Options::default()
        },
    };
    let request = Request::new(kind, lang);
    bot.handle(Event::Interaction(request), now)
        .into_iter()
        .find_map(|effect| match effect {
            Effect::Respond(turn) => Some(turn.into_decision()),
            _ => None,
        })
}

/// The reply of a decision as terminal text, in the office's time zone and `lang`.
fn text(pipeline: &Pipeline, decision: &Decision, now: Timestamp, lang: Lang) -> String {
    let tz = pipeline.faq().contact.schedule.zone().tz();
    match &decision.response {
        Response::Message(reply) => terminal::reply(reply, tz, now, lang),
        Response::Choices(_) | Response::Nothing => String::new(),
    }
}

fn ask(
    bot: &mut Bot,
    question: &str,
    json: bool,
    now: Timestamp,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let Some(decision) = decide(bot, "ask", Some(question), now, lang) else {
        return Ok(());
    };
    let pipeline = std::sync::Arc::clone(bot.pipeline());
    let pipeline = pipeline.as_ref();
    if !json {
        return write!(out, "{}", text(pipeline, &decision, now, lang));
    }
    let faq = pipeline.faq();
    let (topic, score, suggestions) = match &decision.detail {
        Detail::Ask { verdict, .. } => (
            verdict.topic().map(|t| &faq[t]),
            verdict.score(),
            verdict
                .suggestions()
                .iter()
                .map(|&t| faq[t].id.as_str())
                .collect(),
        ),
        // An empty question: no verdict, only the invitation to ask.
        _ => (None, 0.0, Vec::new()),
    };
    let body = AskJson {
        topic: topic.map(|t| t.id.as_str()),
        question: question.trim(),
        answer: match topic {
            Some(t) => t.answer.clone(),
            None => text(pipeline, &decision, now, lang).trim_end().to_owned(),
        },
        score: (f64::from(score) * 100.0).round() / 100.0,
        suggestions,
    };
    serde_json::to_writer(&mut *out, &body)?;
    writeln!(out)
}

fn print_eval(
    label: &str,
    report: &crate::core::eval::Report,
    out: &mut impl Write,
) -> io::Result<()> {
    use crate::core::eval::Tally;
    // Right, of how many, and the share right.
    let share = |t: &Tally| -> [String; 2] {
        match t.total {
            0 => ["0/0".to_owned(), "-".to_owned()],
            _ => [
                format!("{}/{}", t.right, t.total),
                format!("{:.1}%", t.rate() * 100.0),
            ],
        }
    };
    let [overall, rate] = share(&report.overall);
    writeln!(out, "{label}: {overall}  {rate} right")?;
    writeln!(out, "\nBy kind:")?;
    let kinds = report.by_kind.iter().map(|(kind, tally)| {
        let [count, rate] = share(tally);
        vec![kind.clone(), count, rate]
    });
    write!(out, "{}", terminal::columns(kinds, &[1, 2]))?;
    writeln!(
        out,
        "\nBy topic (found when it is the answer; right when given):"
    )?;
    let topics = report
        .by_topic
        .iter()
        .filter(|(_, tally)| tally.expected.total + tally.given.total > 0)
        .map(|(topic, tally)| {
            let [found, found_rate] = share(&tally.expected);
            let [given, given_rate] = share(&tally.given);
            vec![
                topic.clone(),
                found,
                found_rate,
                "given".to_owned(),
                given,
                given_rate,
            ]
        });
    write!(out, "{}", terminal::columns(topics, &[1, 2, 4, 5]))?;
    let r = &report.refusals;
    writeln!(out, "\nRefusals:")?;
    let refusals = [
        ("all questions refused", &r.refused),
        ("off-topic refused", &r.off_topic),
        ("answerable refused", &r.answerable_refused),
    ]
    .map(|(what, tally)| {
        let [count, rate] = share(tally);
        vec![what.to_owned(), count, rate]
    });
    write!(out, "{}", terminal::columns(refusals, &[1, 2]))?;
    if !report.confusion.is_empty() {
        writeln!(out, "\nConfusion (expected -> got):")?;
        let rows = report
            .confusion
            .iter()
            .map(|(expected, got, count)| vec![count.to_string(), format!("{expected} -> {got}")]);
        write!(out, "{}", terminal::columns(rows, &[0]))?;
    }
    if !report.misses.is_empty() {
        writeln!(out, "\nMisses:")?;
        for miss in &report.misses {
            let offered = if miss.suggestions.is_empty() {
                String::new()
            } else {
                format!("; offered {}", miss.suggestions.join(", "))
            };
            writeln!(
                out,
                "  line {} [{}] expected {}, got {} ({:.2}{offered})\n    {}",
                miss.line, miss.kind, miss.expected, miss.got, miss.score, miss.question
            )?;
        }
    }
    Ok(())
}

fn print_report(
    report: &crate::ops::insights::Report,
    faq: &Faq,
    out: &mut impl Write,
) -> io::Result<()> {
    match report.days {
        1 => writeln!(out, "Last day")?,
        days => writeln!(out, "Last {days} days")?,
    }
    writeln!(out, "\nMost shown topics:")?;
    if report.topics.is_empty() {
        writeln!(out, "  (none yet)")?;
    }
    let topics = report.topics.iter().map(|t| {
        let question = faq
            .topic(&t.topic)
            .map_or("(no longer in the FAQ)", |t| &t.question);
        vec![
            t.answers.to_string(),
            format!("/{}", t.topic),
            question.to_owned(),
        ]
    });
    write!(out, "{}", terminal::columns(topics, &[0]))?;
    writeln!(
        out,
        "\nQuestions the FAQ could not answer, most frequent first:"
    )?;
    if report.unanswered.is_empty() {
        writeln!(out, "  (none yet)")?;
    }
    let unanswered = report.unanswered.iter().map(|q| {
        let unsure = if q.unsure > 0 {
            format!("  ({} unsure)", q.unsure)
        } else {
            String::new()
        };
        vec![q.count.to_string(), format!("{}{unsure}", q.question)]
    });
    write!(out, "{}", terminal::columns(unanswered, &[0]))?;
    writeln!(out, "\nWas it helpful? 👍 and 👎 per topic:")?;
    if report.helpfulness.is_empty() {
        writeln!(out, "  (no votes yet)")?;
    }
    let helpfulness = report.helpfulness.iter().map(|h| {
        let total = h.helpful + h.unhelpful;
        let share = h.helpful * 100 / total.max(1);
        vec![
            format!("{} 👍", h.helpful),
            format!("{} 👎", h.unhelpful),
            format!("{share}% helpful"),
            format!("/{}", h.topic),
        ]
    });
    write!(out, "{}", terminal::columns(helpfulness, &[0, 1, 2]))?;
    writeln!(out, "\nAnswers that did not help (👎), most often first:")?;
    if report.unhelpful.is_empty() {
        writeln!(out, "  (none yet)")?;
    }
    let unhelpful = report.unhelpful.iter().map(|u| {
        let question = if u.question.is_empty() {
            "(wording not kept)"
        } else {
            &u.question
        };
        vec![u.count.to_string(), format!("{question}  → /{}", u.topic)]
    });
    write!(out, "{}", terminal::columns(unhelpful, &[0]))?;
    Ok(())
}

/// `faqbot hours --json`: the status as data, with instants in the office's offset.
#[derive(Serialize)]
struct HoursJson<'a> {
    open: bool,
    now: String,
    next_change: Option<String>,
    timezone: &'a str,
    closed_today: Option<&'a str>,
}

fn hours(
    bot: &mut Bot,
    now: Timestamp,
    json: bool,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let Some(decision) = decide(bot, "hours", None, now, lang) else {
        return Ok(());
    };
    let pipeline = std::sync::Arc::clone(bot.pipeline());
    let pipeline = pipeline.as_ref();
    let status = match &decision.detail {
        Detail::Hours(status) if json => status,
        _ => return write!(out, "{}", text(pipeline, &decision, now, lang)),
    };
    let schedule = &pipeline.faq().contact.schedule;
    let tz = schedule.zone().tz();
    let rfc3339 = |t: Timestamp| {
        t.to_zoned(tz.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string()
    };
    let body = HoursJson {
        open: status.open,
        now: rfc3339(now),
        next_change: status.next_change.map(rfc3339),
        timezone: schedule.zone().name(),
        closed_today: match status.closure {
            Some(Closure::Holiday(name)) => Some(name),
            Some(Closure::Closed) => Some("closed"),
            None => None,
        },
    };
    serde_json::to_writer(&mut *out, &body)?;
    writeln!(out)
}

fn commands(setup: &Setup, out: &mut impl Write) -> io::Result<()> {
    let catalogue = Catalogue::with_menu(&setup.faq, &setup.config.message_command);
    let scope = if setup.config.guilds.is_empty() {
        "global"
    } else {
        "per guild"
    };
    let (slash, menus) = slash_and_menus(&catalogue);
    writeln!(
        out,
        "{} commands ({scope}): {slash} slash commands (Discord allows {}) and {menus} message command{}",
        catalogue.commands().len(),
        crate::frontends::discord::limits::COMMANDS,
        if menus == 1 { "" } else { "s" }
    )?;
    let usage = |c: &crate::core::catalogue::Command| {
        if c.kind == crate::core::catalogue::CommandKind::Message {
            return format!("[message menu] {}", c.name);
        }
        let mut usage = format!("/{}", c.name);
        for o in &c.options {
            let (open, close) = if o.required { ("", "") } else { ("[", "]") };
            usage.push_str(&format!(" {open}{}:…{close}", o.name));
        }
        usage
    };
    let rows = catalogue.commands().iter().map(|command| {
        let (kind, description) = match command.action {
            Action::Topic(_) => ("topic", command.description.english.as_str()),
            Action::AnswerMessage => ("built-in", "answer someone's message from its Apps menu"),
            _ => ("built-in", command.description.english.as_str()),
        };
        vec![usage(command), kind.to_owned(), description.to_owned()]
    });
    write!(out, "{}", terminal::columns(rows, &[]))?;
    Ok(())
}
