//! Deployment settings: defaults, then `config.toml`, then the environment, which wins.
//!
//! Everything is optional so that `faqbot` runs with nothing but `DISCORD_TOKEN`. Values are
//! checked here, at start-up, with errors that name the file, line and key, or the variable.

use std::fmt;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use toml::Spanned;

use crate::core::diagnostic::{
    looks_secret, syntax_error, type_error, unknown_keys, Diagnostic, LoadError, Source,
};
use crate::ops::logging;
use crate::ops::secrets;

/// The variables that override the file.
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";
pub const API_URL_VAR: &str = "DISCORD_API_URL";
pub const PUBLIC_KEY_VAR: &str = "DISCORD_PUBLIC_KEY";
/// How log lines are written: `text` or `json`.
pub const LOG_FORMAT_VAR: &str = "FAQBOT_LOG_FORMAT";
/// The shared database, in place of the config's `database`.
pub const DATABASE_VAR: &str = "FAQBOT_DATABASE_URL";
/// Where systemd puts the credentials a unit loads (`LoadCredential=`).
pub const CREDENTIALS_VAR: &str = "CREDENTIALS_DIRECTORY";
/// The name of the token's credential: `LoadCredential=discord-token:/etc/faqbot/discord-token`.
pub const TOKEN_CREDENTIAL: &str = "discord-token";
/// The insight database's file name in the state folder.
pub const INSIGHTS_FILE: &str = "faqbot-insights.db";

/// The bot token, kept in a [`SecretString`]: neither `Display` nor a revealing `Debug`, and
/// wiped from memory when dropped. It cannot end up in a log line or an error message by
/// accident, only through [`Token::expose`].
#[derive(Clone)]
pub struct Token(SecretString);

impl Token {
    /// Trims whitespace (token files end in a newline) and a `Bot ` prefix copied with the token.
    /// From then on no output of this process shows it ([`secrets::keep_secret`]), wherever the
    /// token came from.
    pub fn new(raw: &str) -> Option<Self> {
        let token = raw.trim();
        let token = token.strip_prefix("Bot ").unwrap_or(token).trim();
        if token.is_empty() {
            return None;
        }
        secrets::keep_secret(token);
        Some(Self(SecretString::new(token.to_owned())))
    }

    /// The secret itself, for the one place that sends it to Discord.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Where the token came from, for `faqbot check` and for what to do when Discord rejects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSource {
    Environment,
    File,
    /// systemd's credential `discord-token` (`LoadCredential=`), in `$CREDENTIALS_DIRECTORY`.
    Credential,
}

/// Where insight is kept, and why there: said by `check` and logged by `run` and `serve`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InsightsAt {
    /// `insights_db` in the config.
    Configured,
    /// A database that was kept beside the config file before the state folder was the default.
    BesideConfig,
    /// The platform's state folder; the variable that named it.
    StateFolder(&'static str),
    /// `insights = false`.
    Off,
    /// No state folder could be found (no `HOME`, `XDG_STATE_HOME` or `STATE_DIRECTORY`).
    NoStateFolder,
}

/// The PostgreSQL database replicas share (`database`, `FAQBOT_DATABASE_URL`).
#[derive(Debug, Clone)]
pub struct Database {
    /// How to connect, the password included (never printed: its `Debug` hides it, and the
    /// secret filter knows it).
    pub config: tokio_postgres::Config,
    /// The URL without its password, for messages.
    pub shown: String,
}

impl Database {
    /// A `postgres://` or `postgresql://` URL (or a `key=value` connection string), its
    /// password kept secret from this moment on.
    pub fn parse(url: &str) -> Result<Self, String> {
        let url = url.trim();
        keep_passwords(url);
        let scheme = url.split("://").next().unwrap_or_default();
        if url.contains("://") && !matches!(scheme, "postgres" | "postgresql") {
            return Err(format!(
                "`{scheme}://` is not a PostgreSQL URL (faqbot keeps SQLite itself: leave `database` out for it)"
            ));
        }
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| format!("not a PostgreSQL connection URL: {e}"))?;
        if let Some(password) = config.get_password() {
            secrets::keep_secret(&String::from_utf8_lossy(password));
        }
        let host = match config.get_hosts().first() {
            Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
            #[cfg(unix)]
            Some(tokio_postgres::config::Host::Unix(path)) => path.display().to_string(),
            None => "localhost".to_owned(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = config
            .get_user()
            .map(|u| format!("{u}@"))
            .unwrap_or_default();
        let dbname = config.get_dbname().unwrap_or_default();
        Ok(Self {
            shown: format!("postgres://{user}{host}:{port}/{dbname}"),
            config,
        })
    }

    /// Uses `password` (read from `database_password_file`), kept secret.
    fn with_password(mut self, password: &secrecy::SecretString) -> Self {
        use secrecy::ExposeSecret;
        secrets::keep_secret(password.expose_secret());
        self.config.password(password.expose_secret().as_bytes());
        self
    }
}

/// Keeps secret every way `text` may hold a password, before anything parses it (a URL that
/// does not parse is still quoted nowhere with its password): a URL's user info, as written
/// and percent-decoded, and a `password=` pair.
fn keep_passwords(text: &str) {
    let keep = |password: &str| {
        secrets::keep_secret(password);
        secrets::keep_secret(&percent_encoding::percent_decode_str(password).decode_utf8_lossy());
    };
    if let Some((_, rest)) = text.split_once("://") {
        let before_query = rest.split('?').next().unwrap_or_default();
        if let Some((user_info, _)) = before_query.rsplit_once('@') {
            if let Some((_, password)) = user_info.split_once(':') {
                keep(password);
            }
        }
    }
    for pair in text.split([' ', '&', '?']) {
        if let Some(password) = pair.strip_prefix("password=") {
            keep(password.trim_matches('\''));
        }
    }
}

const DATABASE_HELP: &str = "write the PostgreSQL database's URL, e.g. \"postgres://faqbot@db.internal/faqbot\", with the password in `database_password_file`; leave `database` out to keep SQLite";

/// The gateway shards one `faqbot run` process connects: `first` to `last` of `total`, so that
/// processes on several machines split one bot between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shards {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl Shards {
    /// `range` ("0-1", or "2" for one shard) of `total`.
    pub fn parse(range: &str, total: i64) -> Result<Self, String> {
        let number = |text: &str| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{range}` is not a shard range"))
        };
        let (first, last) = match range.split_once('-') {
            Some((first, last)) => (number(first)?, number(last)?),
            None => (number(range)?, number(range)?),
        };
        let total = u32::try_from(total)
            .ok()
            .filter(|t| *t >= 1)
            .ok_or_else(|| format!("{total} shards in all is not a number of shards"))?;
        if first > last {
            return Err(format!("the shard range {first}-{last} runs backwards"));
        }
        if last >= total {
            return Err(format!(
                "shard {last} does not exist in a bot of {total} shards (they are numbered 0 to {})",
                total - 1
            ));
        }
        Ok(Self { first, last, total })
    }

    /// How many shards this process runs.
    pub fn count(self) -> u32 {
        self.last - self.first + 1
    }

    /// Whether this process holds shard 0, and so registers the commands (once for the bot).
    pub fn registers(self) -> bool {
        self.first == 0
    }
}

impl std::fmt::Display for Shards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{} of {}", self.first, self.last, self.total)
    }
}

const SHARDS_HELP: &str = "give the shards this process runs as \"FIRST-LAST\" (e.g. \"0-1\") with `shard_total`, the shards of the whole bot (e.g. 4); leave both out to run every shard in one process";

/// The resolved settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file they were read from, if any.
    pub path: Option<PathBuf>,
    pub token: Option<(Token, TokenSource)>,
    /// Guilds to register commands in; empty means global commands.
    pub guilds: Vec<u64>,
    /// Base URL of the Discord HTTP API when it is reached through a proxy, without a trailing `/`.
    pub api_url: Option<String>,
    /// Where `api_url` was set, as a user would look for it: the variable or the config key.
    pub api_url_origin: Option<&'static str>,
    /// The FAQ file named by the config, relative paths taken from the config file's folder.
    pub faq: Option<PathBuf>,
    /// Whether topic answers are visible to the whole channel (refusals are always private).
    pub public_answers: bool,
    /// The application's Ed25519 public key, which signs what Discord posts to `serve`.
    pub public_key: Option<[u8; 32]>,
    /// Where `serve` takes interactions.
    pub interactions_path: String,
    /// How far a signed request's timestamp may be from now before `serve` refuses it.
    pub signature_window: std::time::Duration,
    /// The application whose commands `register` overwrites; asked of Discord when absent.
    pub application_id: Option<u64>,
    /// Whether to reload the FAQ as soon as its file changes (SIGHUP always reloads it).
    pub watch_faq: bool,
    /// The admin listener (`/metrics`, `/healthz`, the keeper's desk at `/`), for `run` and
    /// `serve` alike; off when unset.
    pub metrics_listen: Option<String>,
    /// The desk's password, as an argon2 hash (`admin_password_file`, written by `faqbot
    /// password`): asked for on every listener, and required on any but loopback.
    pub admin_password: Option<String>,
    /// How long the same public answer is not posted again in a channel; zero allows it.
    pub repeat_window: std::time::Duration,
    /// Where insight is kept; `None` when it is off.
    pub insights_db: Option<PathBuf>,
    /// Why insight is kept there (or not at all).
    pub insights_at: InsightsAt,
    /// How log lines are written (`log_format`, `FAQBOT_LOG_FORMAT`).
    pub log_format: logging::Format,
    /// How long insight records are kept.
    pub insights_retention: std::time::Duration,
    /// The message context-menu command's name ("Answer with FAQ").
    pub message_command: String,
    /// Forums whose new posts the gateway bot answers, when sure.
    pub forum_channels: Vec<u64>,
    /// The role a forum post faqbot has no sure answer to is handed to (pinged, alone), rather
    /// than left quietly to people.
    pub helpers_role: Option<u64>,
    /// The gateway shards `run` connects; `None`: as many as Discord recommends, all here.
    pub shards: Option<Shards>,
    /// The PostgreSQL database replicas share; `None`: SQLite, at `insights_db`.
    pub database: Option<Database>,
    /// The password `database_password_file` holds, for a `FAQBOT_DATABASE_URL` without one.
    database_password: Option<secrecy::SecretString>,
    /// Problems that do not stop the bot but deserve the admin's attention, such as a token
    /// file other users can read.
    pub warnings: Vec<String>,
}

impl Config {
    /// What the bot remembers, as the config sets it.
    pub fn memory(&self) -> crate::core::bot::Memory {
        crate::core::bot::Memory {
            repeat_window: self.repeat_window,
            forums: self
                .forum_channels
                .iter()
                .copied()
                .map(crate::core::ids::ChannelId::new)
                .collect(),
            shared: self.database.is_some(),
        }
    }

    pub fn pipeline_settings(&self) -> crate::core::pipeline::Settings {
        crate::core::pipeline::Settings {
            public_answers: self.public_answers,
            menu_name: self.message_command.clone(),
            helpers_role: self.helpers_role.map(crate::core::ids::RoleId::new),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            path: None,
            token: None,
            guilds: Vec::new(),
            api_url: None,
            api_url_origin: None,
            faq: None,
            public_answers: true,
            public_key: None,
            interactions_path: "/interactions".to_owned(),
            signature_window: std::time::Duration::from_secs(300),
            application_id: None,
            watch_faq: false,
            metrics_listen: None,
            admin_password: None,
            repeat_window: std::time::Duration::from_secs(60),
            insights_db: None,
            insights_at: InsightsAt::Off,
            log_format: logging::Format::Text,
            insights_retention: std::time::Duration::from_secs(90 * 86_400),
            message_command: crate::core::catalogue::DEFAULT_MENU_NAME.to_owned(),
            forum_channels: Vec::new(),
            helpers_role: None,
            shards: None,
            database: None,
            database_password: None,
            warnings: Vec::new(),
        }
    }
}

/// Why the settings are unusable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    File(#[from] LoadError),
    #[error("error: {var}: {message}\n  help: {help}")]
    Environment {
        var: &'static str,
        message: String,
        help: String,
    },
}

/// The type serde reads a value of each [`Kind`] into.
macro_rules! value_type {
    (Bool) => { bool };
    (Text) => { Spanned<String> };
    (Integer) => { Spanned<i64> };
    (Id) => { Spanned<Snowflake> };
    (Ids) => { Vec<Spanned<Snowflake>> };
    (Any) => { Spanned<toml::Value> };
}

/// The keys of `config.toml`, each once with the kind of value it takes: from this come the
/// list of keys (unknown keys are refused with the nearest one), the check of every value's
/// kind before any is read (so that every problem is reported at once), and the struct serde
/// reads them into.
macro_rules! config_keys {
    ($($key:ident: $kind:ident),* $(,)?) => {
        /// Every key `config.toml` accepts; `config.example.toml` documents each.
        pub const KEYS: &[&str] = &[$(stringify!($key)),*];

        fn kind_of(key: &str) -> Option<Kind> {
            match key {
                $(stringify!($key) => Some(Kind::$kind),)*
                _ => None,
            }
        }

        #[derive(Deserialize)]
        struct RawConfig {
            $($key: Option<value_type!($kind)>,)*
        }
    };
}

config_keys! {
    log_format: Text,
    message_command: Text,
    forum_channels: Ids,
    helpers_role: Id,
    insights: Bool,
    insights_db: Text,
    insights_days: Integer,
    database: Text,
    database_password_file: Text,
    shards: Text,
    shard_total: Integer,
    repeat_window_secs: Integer,
    watch_faq: Bool,
    metrics_listen: Text,
    admin_password_file: Text,
    // Only read to refuse it with a helpful message, whatever its value.
    token: Any,
    token_file: Text,
    guilds: Ids,
    public_key: Text,
    interactions_path: Text,
    signature_window_secs: Integer,
    application_id: Id,
    api_url: Text,
    faq: Text,
    public_answers: Bool,
}

/// What each key's value must be, checked before the values are read so that every problem
/// in the file is reported at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bool,
    Text,
    Integer,
    /// A Discord id: a number, or digits in quotes.
    Id,
    /// A list of Discord ids.
    Ids,
    /// Anything: the key is refused whatever its value.
    Any,
}

/// What a value is, in the words of the help texts.
fn kind_name(value: &toml::de::DeValue<'_>) -> &'static str {
    match value.type_str() {
        "string" => "text",
        "integer" | "float" => "a number",
        "boolean" => "true or false",
        "array" => "a list",
        "table" | "inline table" => "a table",
        _ => "a date",
    }
}

impl Kind {
    fn fits(self, value: &toml::de::DeValue<'_>) -> bool {
        let id = |v: &toml::de::DeValue<'_>| v.is_integer() || v.is_str();
        match self {
            Self::Bool => value.is_bool(),
            Self::Text => value.is_str(),
            Self::Integer => value.is_integer(),
            Self::Id => id(value),
            Self::Ids => value
                .as_array()
                .is_some_and(|items| items.iter().all(|item| id(item.get_ref()))),
            Self::Any => true,
        }
    }

    /// What a value of this kind is, in a few words.
    fn expected(self) -> &'static str {
        match self {
            Self::Bool => "true or false",
            Self::Text => "text",
            Self::Integer => "a whole number",
            Self::Id => "a Discord id",
            Self::Ids => "a list of Discord ids",
            Self::Any => "anything",
        }
    }

    /// How to write a value of this kind.
    fn help(self) -> &'static str {
        match self {
            Self::Bool => "write true or false, without quotes",
            Self::Text => "write the value in \"quotes\"",
            Self::Integer => "write a whole number, without quotes",
            Self::Id => "write the id as a number or as digits in quotes",
            Self::Ids => "write a list of ids: [123, 456]",
            Self::Any => "",
        }
    }
}

/// Discord ids are snowflakes; people paste them as numbers or as strings, so both are accepted.
#[derive(Deserialize)]
#[serde(untagged)]
enum Snowflake {
    Number(i64),
    Text(String),
}

impl Config {
    /// Reads `path` (if any) and applies the environment, read through `env`.
    pub fn load(
        path: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let set = |var: &str| env(var).filter(|value| !value.trim().is_empty());
        // Made (and so kept secret) before the file is read, so that no message can show it.
        let env_token = set(TOKEN_VAR).map(|token| Token::new(&token));
        let (mut config, insights) = match path {
            Some(path) => Self::read(path)?,
            None => (Self::default(), Insights::Default),
        };
        if let Some(token) = env_token {
            let token = token.ok_or_else(|| ConfigError::Environment {
                var: TOKEN_VAR,
                message: "the token is empty".into(),
                help: "set it to the bot token from the Discord developer portal".into(),
            })?;
            config.token = Some((token, TokenSource::Environment));
        } else if let Some(folder) = set(CREDENTIALS_VAR) {
            // Under systemd, the unit's `LoadCredential=discord-token:…` puts it here.
            let file = Path::new(&folder).join(TOKEN_CREDENTIAL);
            let unusable = |message: String| ConfigError::Environment {
                var: CREDENTIALS_VAR,
                message,
                help: "write the bot token into the file the unit's \
                       LoadCredential=discord-token:… names"
                    .into(),
            };
            match std::fs::read_to_string(&file) {
                Ok(text) => {
                    let token = Token::new(&text).ok_or_else(|| {
                        unusable(format!("the credential {} is empty", file.display()))
                    })?;
                    config.token = Some((token, TokenSource::Credential));
                }
                // Other credentials, not this one: the token comes from elsewhere, or not.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(unusable(format!(
                        "cannot read the credential {}: {e}",
                        file.display()
                    )))
                }
            }
        }
        if let Some(key) = set(PUBLIC_KEY_VAR) {
            config.public_key =
                Some(
                    public_key(&key).map_err(|message| ConfigError::Environment {
                        var: PUBLIC_KEY_VAR,
                        message,
                        help: PUBLIC_KEY_HELP.into(),
                    })?,
                );
        }
        if let Some(url) = set(API_URL_VAR) {
            config.api_url = Some(api_url(&url).map_err(|message| ConfigError::Environment {
                var: API_URL_VAR,
                message: secrets::redact_tokens(&message),
                help: API_URL_HELP.into(),
            })?);
            config.api_url_origin = Some(API_URL_VAR);
        }
        if let Some(url) = set(DATABASE_VAR) {
            let database = Database::parse(&url).map_err(|message| ConfigError::Environment {
                var: DATABASE_VAR,
                message: secrets::scrub(&message).into_owned(),
                help: DATABASE_HELP.into(),
            })?;
            config.database = Some(match &config.database_password {
                Some(password) if database.config.get_password().is_none() => {
                    database.with_password(password)
                }
                _ => database,
            });
        }
        if let Some(name) = set(LOG_FORMAT_VAR) {
            config.log_format =
                logging::Format::parse(&name).ok_or_else(|| ConfigError::Environment {
                    var: LOG_FORMAT_VAR,
                    message: format!("`{}` is not a log format", name.trim()),
                    help: LOG_FORMAT_HELP.into(),
                })?;
        }
        (config.insights_db, config.insights_at) = match insights {
            Insights::Off => (None, InsightsAt::Off),
            Insights::File(path) => (Some(path), InsightsAt::Configured),
            Insights::Default => match path.map(default_beside).filter(|db| db.is_file()) {
                Some(old) => (Some(old), InsightsAt::BesideConfig),
                None => match state_folder(&set) {
                    Some((folder, var)) => (
                        Some(folder.join(INSIGHTS_FILE)),
                        InsightsAt::StateFolder(var),
                    ),
                    None => (None, InsightsAt::NoStateFolder),
                },
            },
        };
        Ok(config)
    }

    fn read(path: &Path) -> Result<(Self, Insights), LoadError> {
        let label = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
            path: label.clone(),
            source,
        })?;
        let source = Source::new(&label, &text);
        let (table, syntax) = toml::de::DeTable::parse_recoverable(&text);
        if !syntax.is_empty() {
            let problems = syntax
                .iter()
                .map(|e| redact_secrets(syntax_error(&source, e)))
                .collect();
            return Err(source.errors(problems).sorted().into());
        }
        // Every unknown key and every value of the wrong kind, before any value is read.
        let mut early = unknown_keys(&source, table.get_ref(), KEYS, &["token"]);
        let mut unusable: Vec<String> = Vec::new();
        for (key, value) in table.get_ref().iter() {
            let name = key.get_ref().as_ref();
            match kind_of(name) {
                None => unusable.push(name.to_owned()),
                Some(kind) if !kind.fits(value.get_ref()) => {
                    early.push(source.diagnostic(
                        value.span(),
                        format!(
                            "`{name}` must be {}, not {}",
                            kind.expected(),
                            kind_name(value.get_ref())
                        ),
                        Some(kind.help().to_owned()),
                    ));
                    unusable.push(name.to_owned());
                }
                Some(_) => {}
            }
        }
        let span = table.span();
        let usable: toml::de::DeTable<'_> = table
            .into_inner()
            .into_iter()
            .filter(|(key, _)| !unusable.iter().any(|u| u == key.get_ref().as_ref()))
            .collect();
        let table = toml::Spanned::new(span, usable);
        let raw = RawConfig::deserialize(toml::de::Deserializer::from(table))
            .map_err(|e| source.errors(vec![redact_secrets(type_error(&source, &e))]))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut problems: Vec<Diagnostic> = early;
        let mut problem = |span, message: String, help: &str| {
            problems.push(source.diagnostic(span, message, Some(help.to_owned())));
        };

        if let Some(token) = &raw.token {
            problem(
                token.span(),
                "the token does not belong in the config file".into(),
                "set DISCORD_TOKEN, or put the token alone in a file and name it with `token_file`",
            );
        }
        let mut warnings = Vec::new();
        let token = raw.token_file.as_ref().and_then(|file| {
            let token_path = dir.join(file.get_ref());
            if readable_by_others(&token_path) {
                warnings.push(format!(
                    "the token file {} can be read by other users: run `chmod 600 {}`",
                    token_path.display(),
                    token_path.display()
                ));
            }
            match std::fs::read_to_string(&token_path) {
                Ok(text) => match Token::new(&text) {
                    Some(token) => Some((token, TokenSource::File)),
                    None => {
                        problem(
                            file.span(),
                            format!("token file `{}` is empty", token_path.display()),
                            "write the bot token into it",
                        );
                        None
                    }
                },
                Err(e) => {
                    problem(
                        file.span(),
                        format!("cannot read token file `{}`: {e}", token_path.display()),
                        "check the path; a relative one starts from the config file's folder",
                    );
                    None
                }
            }
        });
        // Every id of a list, each that is not one reported.
        let mut ids = |list: &Option<Vec<Spanned<Snowflake>>>, message: &str, help: &str| {
            let mut ids = Vec::new();
            for id in list.iter().flatten() {
                match snowflake(id.get_ref()) {
                    Some(valid) => ids.push(valid),
                    None => problem(id.span(), message.into(), help),
                }
            }
            ids
        };
        let guilds = ids(
            &raw.guilds,
            "not a guild id",
            "copy the server's id (Developer Mode → right-click the server → Copy Server ID)",
        );
        let forum_channels = ids(
            &raw.forum_channels,
            "not a channel id",
            "copy the forum's id (Developer Mode → right-click the forum → Copy Channel ID)",
        );
        let message_command = match &raw.message_command {
            Some(name) if !(1..=32).contains(&name.get_ref().trim().chars().count()) => {
                problem(
                    name.span(),
                    format!("`{}` is not a command name Discord accepts", name.get_ref()),
                    "give the message command a name of 1 to 32 characters, e.g. \"Answer with FAQ\"",
                );
                None
            }
            name => name.as_ref().map(|n| n.get_ref().trim().to_owned()),
        };
        let api_url = raw.api_url.as_ref().and_then(|url| {
            api_url(url.get_ref())
                .map_err(|message| problem(url.span(), message, API_URL_HELP))
                .ok()
        });
        let public_key = raw.public_key.as_ref().and_then(|key| {
            public_key(key.get_ref())
                .map_err(|message| problem(key.span(), message, PUBLIC_KEY_HELP))
                .ok()
        });
        let database_password = raw.database_password_file.as_ref().and_then(|file| {
            let password_path = dir.join(file.get_ref());
            match std::fs::read_to_string(&password_path) {
                Ok(text) if !text.trim().is_empty() => {
                    Some(secrecy::SecretString::new(text.trim().to_owned()))
                }
                Ok(_) => {
                    problem(
                        file.span(),
                        format!("password file `{}` is empty", password_path.display()),
                        "write the database user's password into it",
                    );
                    None
                }
                Err(e) => {
                    problem(
                        file.span(),
                        format!(
                            "cannot read password file `{}`: {e}",
                            password_path.display()
                        ),
                        "check the path; a relative one starts from the config file's folder",
                    );
                    None
                }
            }
        });
        let database = raw.database.as_ref().and_then(|url| {
            Database::parse(url.get_ref())
                .map_err(|message| problem(url.span(), message, DATABASE_HELP))
                .ok()
        });
        let database = match (database, &database_password) {
            (Some(database), Some(password)) => Some(database.with_password(password)),
            (database, _) => database,
        };
        let shards = match (&raw.shards, &raw.shard_total) {
            (None, None) => None,
            (Some(range), Some(total)) => Shards::parse(range.get_ref(), *total.get_ref())
                .map_err(|message| problem(range.span(), message, SHARDS_HELP))
                .ok(),
            (Some(range), None) => {
                problem(
                    range.span(),
                    "`shards` needs `shard_total`".into(),
                    SHARDS_HELP,
                );
                None
            }
            (None, Some(total)) => {
                problem(
                    total.span(),
                    "`shard_total` needs `shards`".into(),
                    SHARDS_HELP,
                );
                None
            }
        };
        let interactions_path = match &raw.interactions_path {
            Some(path)
                if !path.get_ref().starts_with('/')
                    || path.get_ref().contains(char::is_whitespace) =>
            {
                problem(
                    path.span(),
                    format!("`{}` is not a URL path", path.get_ref()),
                    "write a path that starts with /, e.g. \"/interactions\"",
                );
                None
            }
            path => path.as_ref().map(|p| p.get_ref().clone()),
        };
        // A whole number of `unit_secs` seconds within `range`, as a duration.
        let mut duration = |value: &Option<Spanned<i64>>,
                            range: std::ops::RangeInclusive<i64>,
                            (unit, unit_secs): (&str, u64),
                            help: &str| {
            let value = value.as_ref()?;
            let n = *value.get_ref();
            if range.contains(&n) {
                return Some(std::time::Duration::from_secs(n as u64 * unit_secs));
            }
            let (low, high) = (range.start(), range.end());
            problem(
                value.span(),
                format!("{n} {unit} is outside {low} to {high}"),
                help,
            );
            None
        };
        let signature_window = duration(
            &raw.signature_window_secs,
            1..=3600,
            ("seconds", 1),
            "give the largest clock difference to accept, in seconds; Discord signs requests as it sends them, so a few minutes is plenty",
        );
        let repeat_window = duration(
            &raw.repeat_window_secs,
            0..=86_400,
            ("seconds", 1),
            "give how long the same answer is not posted twice in a channel, in seconds; 0 turns it off",
        );
        let insights_retention = duration(
            &raw.insights_days,
            1..=3650,
            ("days", 86_400),
            "give how many days of insight to keep, e.g. 90",
        );
        let insights = match (raw.insights, &raw.insights_db) {
            (Some(false), _) => Insights::Off,
            (_, Some(file)) => Insights::File(dir.join(file.get_ref())),
            (_, None) => Insights::Default,
        };
        let log_format = raw.log_format.as_ref().and_then(|name| {
            logging::Format::parse(name.get_ref()).or_else(|| {
                problem(
                    name.span(),
                    format!("`{}` is not a log format", name.get_ref()),
                    LOG_FORMAT_HELP,
                );
                None
            })
        });
        let helpers_role = raw.helpers_role.as_ref().and_then(|id| {
            snowflake(id.get_ref()).or_else(|| {
                problem(
                    id.span(),
                    "not a role id".into(),
                    "copy the helpers' role id (Developer Mode → Server Settings → Roles → right-click the role → Copy Role ID)",
                );
                None
            })
        });
        if let (Some(role), Some(id)) = (helpers_role, raw.helpers_role.as_ref()) {
            if guilds.contains(&role) {
                problem(
                    id.span(),
                    "this is a server's id, which is its @everyone role".into(),
                    "give the helpers' own role, so that a note pings them and not the whole server",
                );
            }
        }
        let application_id = raw.application_id.as_ref().and_then(|id| {
            snowflake(id.get_ref()).or_else(|| {
                problem(
                    id.span(),
                    "not an application id".into(),
                    "copy the Application ID from the developer portal (General Information)",
                );
                None
            })
        });
        let metrics_listen = raw.metrics_listen.as_ref().and_then(|listen| {
            listen_address(listen.get_ref())
                .map_err(|message| {
                    problem(
                        listen.span(),
                        message,
                        "give the address to serve /metrics on, e.g. \"127.0.0.1:9100\"",
                    )
                })
                .ok()
        });
        let admin_password = raw.admin_password_file.as_ref().and_then(|file| {
            let hash_path = dir.join(file.get_ref());
            let read = std::fs::read_to_string(&hash_path);
            match read.as_deref().map(str::trim) {
                Ok(hash) if argon2::PasswordHash::new(hash).is_ok() => Some(hash.to_owned()),
                Ok(_) => {
                    problem(
                        file.span(),
                        format!(
                            "`{}` does not hold a password hash",
                            hash_path.display()
                        ),
                        "write one with `faqbot password > FILE` (it reads the password from standard input); the file holds the hash, never the password",
                    );
                    None
                }
                Err(e) => {
                    problem(
                        file.span(),
                        format!("cannot read `{}`: {e}", hash_path.display()),
                        "check the path; a relative one starts from the config file's folder",
                    );
                    None
                }
            }
        });
        if !problems.is_empty() {
            let problems = problems.into_iter().map(redact_secrets).collect();
            return Err(source.errors(problems).sorted().into());
        }
        let config = Self {
            path: Some(path.to_owned()),
            token,
            guilds,
            api_url_origin: api_url.as_ref().map(|_| "`api_url` in the config"),
            api_url,
            faq: raw.faq.map(|f| dir.join(f.into_inner())),
            public_answers: raw.public_answers.unwrap_or(true),
            public_key,
            interactions_path: interactions_path
                .unwrap_or_else(|| Self::default().interactions_path),
            signature_window: signature_window.unwrap_or(Self::default().signature_window),
            application_id,
            watch_faq: raw.watch_faq.unwrap_or(false),
            metrics_listen,
            admin_password,
            repeat_window: repeat_window.unwrap_or(Self::default().repeat_window),
            insights_retention: insights_retention.unwrap_or(Self::default().insights_retention),
            message_command: message_command.unwrap_or(Self::default().message_command),
            forum_channels,
            helpers_role,
            shards,
            database,
            database_password,
            log_format: log_format.unwrap_or_default(),
            warnings,
            ..Self::default()
        };
        Ok((config, insights))
    }
}

/// What the config file says of insight, before the environment is known.
#[derive(Debug)]
enum Insights {
    /// Nothing: the state folder (or an older database beside the config file).
    Default,
    Off,
    File(PathBuf),
}

const LOG_FORMAT_HELP: &str =
    "write \"text\" (one readable line an event) or \"json\" (one JSON object a line)";

/// Error messages quote the offending line; never when that line's key looks secret or its
/// value like a token (a line holding a full-length token anywhere is never quoted at all: see
/// `Source::diagnostic`).
fn redact_secrets(diagnostic: Diagnostic) -> Diagnostic {
    let diagnostic = secrets::redact_diagnostic(diagnostic);
    let line = diagnostic.snippet().trim_start();
    let key = line.split(['=', ' ', '\t']).next().unwrap_or_default();
    let value = line
        .split_once('=')
        .map_or("", |(_, v)| v.trim().trim_matches(['"', '\'']));
    let key = key.trim_matches(['"', '\'']);
    // A database URL may hold a password, in forms no parser recognised.
    if looks_secret(key) || key == "database" || secrets::looks_like_a_token(value) {
        diagnostic.without_snippet()
    } else {
        diagnostic
    }
}

/// `HOST:PORT`, with a port number: an address a listener can bind to.
pub fn listen_address(text: &str) -> Result<String, String> {
    let text = text.trim();
    match text.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() && port.parse::<u16>().is_ok() => {
            Ok(text.to_owned())
        }
        _ => Err(format!(
            "`{text}` is not an address to listen on: expected HOST:PORT, e.g. 0.0.0.0:8080 or \
             127.0.0.1:8080"
        )),
    }
}

/// Whether users other than the owner may read the file (group or world read permission).
#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o044 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_: &Path) -> bool {
    false
}

fn snowflake(id: &Snowflake) -> Option<u64> {
    let id = match id {
        Snowflake::Number(n) => u64::try_from(*n).ok(),
        Snowflake::Text(s) => s.trim().parse::<u64>().ok(),
    };
    id.filter(|&id| id > 0)
}

const PUBLIC_KEY_HELP: &str =
    "copy the Public Key from the developer portal (General Information): 64 hexadecimal digits";

/// The 32 bytes of a hex-encoded Ed25519 public key.
fn public_key(text: &str) -> Result<[u8; 32], String> {
    let text = text.trim();
    let mut key = [0u8; 32];
    hex::decode_to_slice(text, &mut key)
        .map(|()| key)
        .map_err(|_| {
            format!(
                "the public key is not 64 hexadecimal digits (got {} characters)",
                text.chars().count()
            )
        })
}

const API_URL_HELP: &str =
    "give the base URL of the API or of a rate-limit proxy, e.g. \"http://127.0.0.1:8080\"";

/// `url` as it may be shown: a password in it replaced (a proxy's, or a token pasted there).
pub fn shown_url(url: &str) -> String {
    let parsed = url::Url::parse(url).ok();
    match parsed
        .as_ref()
        .and_then(|u| Some((u.as_str(), u.password()?)))
    {
        Some((whole, password)) => whole
            .replacen(
                &format!(":{password}@"),
                &format!(":{}@", secrets::REDACTED),
                1,
            )
            .trim_end_matches('/')
            .to_owned(),
        None => url.to_owned(),
    }
}

fn api_url(text: &str) -> Result<String, String> {
    let text = text.trim();
    let not_a_url = || format!("`{text}` is not an http:// or https:// URL");
    let url = url::Url::parse(text).map_err(|_| not_a_url())?;
    if !matches!(url.scheme(), "http" | "https") || !url.has_host() || url.query().is_some() {
        return Err(not_a_url());
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// Where the insight database was kept by default before the state folder: beside the config
/// file. A database found there is still used, so an upgrade loses no insight.
fn default_beside(config_file: &Path) -> PathBuf {
    config_file
        .parent()
        .unwrap_or(Path::new("."))
        .join(INSIGHTS_FILE)
}

/// The folder where faqbot keeps its state, as the platform expects, and the variable that
/// named it: systemd's `$STATE_DIRECTORY` (`StateDirectory=`; the first of several), else
/// `$XDG_STATE_HOME/faqbot`, else `~/.local/state/faqbot`.
pub fn state_folder(env: &impl Fn(&str) -> Option<String>) -> Option<(PathBuf, &'static str)> {
    let absolute = |value: String| {
        let path = PathBuf::from(value.split(':').next().unwrap_or_default());
        path.is_absolute().then_some(path)
    };
    if let Some(folder) = env("STATE_DIRECTORY").and_then(absolute) {
        return Some((folder, "STATE_DIRECTORY"));
    }
    if let Some(folder) = env("XDG_STATE_HOME").and_then(absolute) {
        return Some((folder.join("faqbot"), "XDG_STATE_HOME"));
    }
    let home = env("HOME").and_then(absolute)?;
    Some((home.join(".local/state/faqbot"), "HOME"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn token_never_shows_in_debug_output() {
        let token = Token::new("Bot abc.def.ghi\n").unwrap();
        assert_eq!(token.expose(), "abc.def.ghi");
        assert_eq!(format!("{token:?}"), "Token(<redacted>)");
        let config = Config {
            token: Some((token, TokenSource::Environment)),
            ..Config::default()
        };
        assert!(!format!("{config:?}").contains("abc"));
    }

    #[test]
    fn the_state_folder_is_systemds_then_xdgs_then_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |var: &str| {
                vars.iter()
                    .find(|(k, _)| *k == var)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        static ALL: [(&str, &str); 3] = [
            ("STATE_DIRECTORY", "/var/lib/faqbot:/var/lib/more"),
            ("XDG_STATE_HOME", "/home/a/.state"),
            ("HOME", "/home/a"),
        ];
        let all = &ALL;
        let folder = |vars| state_folder(&env(vars));
        assert_eq!(
            folder(all),
            Some((PathBuf::from("/var/lib/faqbot"), "STATE_DIRECTORY"))
        );
        assert_eq!(
            folder(&all[1..]),
            Some((PathBuf::from("/home/a/.state/faqbot"), "XDG_STATE_HOME"))
        );
        // XDG says a relative path is to be ignored.
        assert_eq!(
            folder(&[("XDG_STATE_HOME", "state"), ("HOME", "/home/a")]),
            Some((PathBuf::from("/home/a/.local/state/faqbot"), "HOME"))
        );
        assert_eq!(folder(&[]), None);
        let config = Config::load(None, env(all)).unwrap();
        assert_eq!(
            config.insights_db,
            Some(PathBuf::from("/var/lib/faqbot/faqbot-insights.db"))
        );
        let config = Config::load(None, env(&[])).unwrap();
        assert_eq!(
            (config.insights_db, config.insights_at),
            (None, InsightsAt::NoStateFolder)
        );
    }

    #[test]
    fn a_database_beside_the_config_file_is_still_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "").unwrap();
        let home = |var: &str| (var == "HOME").then(|| "/home/a".to_owned());
        let fresh = Config::load(Some(&path), home).unwrap();
        assert_eq!(fresh.insights_at, InsightsAt::StateFolder("HOME"));
        std::fs::write(dir.path().join(INSIGHTS_FILE), "").unwrap();
        let upgraded = Config::load(Some(&path), home).unwrap();
        assert_eq!(upgraded.insights_at, InsightsAt::BesideConfig);
        assert_eq!(upgraded.insights_db, Some(dir.path().join(INSIGHTS_FILE)));
    }

    #[test]
    fn the_desk_password_file_holds_a_hash_and_the_helpers_role_is_no_server() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let load = |text: &str| {
            std::fs::write(&path, text).unwrap();
            Config::load(Some(&path), |_: &str| None).map_err(|e| e.to_string())
        };
        std::fs::write(dir.path().join("plain"), "hunter22hunter22\n").unwrap();
        let hash = {
            use argon2::password_hash::{PasswordHasher, SaltString};
            let salt = SaltString::encode_b64(b"sixteen bytes!!!").unwrap();
            let hashed = argon2::Argon2::default().hash_password(b"hunter22hunter22", &salt);
            hashed.unwrap().to_string()
        };
        std::fs::write(dir.path().join("hashed"), format!("{hash}\n")).unwrap();
        let plain = load("admin_password_file = \"plain\"\n").unwrap_err();
        assert!(plain.contains("does not hold a password hash"), "{plain}");
        assert!(plain.contains("faqbot password"), "{plain}");
        assert!(!plain.contains("hunter22"), "{plain}");
        let config = load("admin_password_file = \"hashed\"\n").unwrap();
        assert_eq!(config.admin_password.as_deref(), Some(hash.as_str()));
        let everyone = load("guilds = [\"4000\"]\nhelpers_role = \"4000\"\n").unwrap_err();
        assert!(everyone.contains("@everyone"), "{everyone}");
        let helpers = load("guilds = [\"4000\"]\nhelpers_role = \"5550\"\n").unwrap();
        assert_eq!(helpers.helpers_role, Some(5550));
    }

    #[test]
    fn a_password_in_a_url_is_never_shown() {
        assert_eq!(
            shown_url("http://user:s3cret@proxy:8080/api"),
            "http://user:<redacted>@proxy:8080/api"
        );
        assert_eq!(shown_url("http://proxy:8080"), "http://proxy:8080");
    }

    #[test]
    fn the_environment_wins_over_a_credential_which_wins_over_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(TOKEN_CREDENTIAL), "from-systemd\n").unwrap();
        let folder = dir.path().display().to_string();
        let with = |token: Option<&'static str>| {
            let folder = folder.clone();
            move |var: &str| match var {
                CREDENTIALS_VAR => Some(folder.clone()),
                TOKEN_VAR => token.map(str::to_owned),
                _ => None,
            }
        };
        let (token, source) = Config::load(None, with(None)).unwrap().token.unwrap();
        assert_eq!(
            (token.expose(), source),
            ("from-systemd", TokenSource::Credential)
        );
        let (token, source) = Config::load(None, with(Some("from-env")))
            .unwrap()
            .token
            .unwrap();
        assert_eq!(
            (token.expose(), source),
            ("from-env", TokenSource::Environment)
        );
    }

    #[test]
    fn defaults_without_a_file() {
        let config = Config::load(None, no_env).unwrap();
        assert!(config.token.is_none() && config.guilds.is_empty() && config.public_answers);
    }

    #[test]
    fn environment_overrides_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let path = dir.join("config.toml");
        std::fs::write(
            &path,
            "api_url = \"http://proxy:1\"\nguilds = [1, \"2\"]\nfaq = \"my.toml\"\n",
        )
        .unwrap();
        let env = |var: &str| match var {
            TOKEN_VAR => Some(" secret ".to_owned()),
            API_URL_VAR => Some("http://127.0.0.1:9/".to_owned()),
            _ => None,
        };
        let config = Config::load(Some(&path), env).unwrap();
        assert_eq!(config.token.unwrap().0.expose(), "secret");
        assert_eq!(config.api_url.as_deref(), Some("http://127.0.0.1:9"));
        assert_eq!(config.guilds, [1, 2]);
        assert_eq!(config.faq, Some(dir.join("my.toml")));
    }
}
