//! The FAQ being served, replaced whole when `faq.toml` changes, without a restart.
//!
//! Each interaction takes the current [`Pipeline`] once and answers from it, so an edit takes
//! effect from the next interaction and never halfway through one. A file that does not
//! validate is refused with the same `file:line` messages as `faqbot check`, and the FAQ that was
//! serving keeps serving.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind};
use notify_debouncer_full::notify::{self, EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::core::diagnostic::LoadError;
use crate::core::faq::Faq;
use crate::core::pipeline::{Pipeline, Settings};
use crate::ops::service;

/// The answers in service, and the file they came from.
#[derive(Debug)]
pub struct Live {
    current: ArcSwap<Pipeline>,
    /// `None` when serving the FAQ built into the binary, which cannot change.
    path: Option<PathBuf>,
    settings: Settings,
    /// A hash of the text that was last validated and served: a file event after which the
    /// files hold the same (saved unchanged) reloads nothing. `None` until the first reload,
    /// which therefore always happens: the FAQ served at start was read before the watching
    /// began, and a save in between must not be taken for no change.
    fingerprint: Mutex<Option<u64>>,
    /// Rung when the keeper taught a question from the desk: the files are read again as if
    /// they had been saved (whether or not they are watched).
    taught: tokio::sync::Notify,
}

/// What a reload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reloaded {
    /// The files hold what they held: nothing was reloaded.
    Unchanged,
    /// Answers, keywords or hours changed; the slash commands are the same.
    Answers,
    /// The commands themselves changed (a topic added, removed, renamed or re-described):
    /// they must be registered again.
    Commands,
}

/// Why the FAQ is being reloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The admin asked (SIGHUP, `systemctl reload`): reload whatever the files hold.
    Asked,
    /// A file changed on disk: reload only if what it holds did change.
    FileChanged,
}

impl Live {
    pub fn new(faq: Faq, path: Option<PathBuf>, settings: Settings) -> Self {
        Self {
            current: ArcSwap::from_pointee(Pipeline::new(faq, settings.clone())),
            path,
            settings,
            fingerprint: Mutex::new(None),
            taught: tokio::sync::Notify::new(),
        }
    }

    /// Asks the reload task to read the files again (a lesson was appended to the learned
    /// file). A file that was watched too makes no second reload: what it holds is then
    /// what is served, and that reloads nothing.
    pub fn ask_reload(&self) {
        self.taught.notify_one();
    }

    /// The pipeline to answer one interaction with.
    pub fn pipeline(&self) -> Arc<Pipeline> {
        self.current.load_full()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Reads the file again and, if it validates, serves it from now on. A file change that
    /// left the files as they were reloads nothing.
    pub fn reload(&self, trigger: Trigger) -> Result<Reloaded, LoadError> {
        let Some(path) = &self.path else {
            return Ok(Reloaded::Unchanged);
        };
        // The hash of exactly the text validated: a save landing while this runs is seen as a
        // change by the next event, never hidden by a second read.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        // Validated for the front end the FAQ in service was loaded for.
        let limits = self.pipeline().faq().limits;
        let faq = Faq::load_with(path, &limits, |file| {
            let text = std::fs::read_to_string(file)?;
            text.hash(&mut hasher);
            Ok(text)
        })
        .map_err(crate::ops::secrets::redact_load_error)?;
        let fresh_print = Some(hasher.finish());
        let mut last_print = self.fingerprint.lock().unwrap_or_else(|e| e.into_inner());
        if trigger == Trigger::FileChanged && *last_print == fresh_print {
            return Ok(Reloaded::Unchanged);
        }
        let fresh = Arc::new(Pipeline::new(faq, self.settings.clone()));
        // Reloads are one at a time (under the fingerprint's lock): what is compared with is
        // what is replaced.
        let changed = if self
            .current
            .load()
            .catalogue()
            .same_commands(fresh.catalogue())
        {
            Reloaded::Answers
        } else {
            Reloaded::Commands
        };
        self.current.store(fresh);
        *last_print = fresh_print;
        // The pipeline replaced goes with the last interaction answering from it; what building
        // the new one freed goes back now.
        crate::ops::heap::release_free_pages();
        Ok(changed)
    }
}

/// Reloads `live` on SIGHUP and, with `watch`, whenever its files change, calling `changed`
/// after each reload that changed something. Runs until the process ends.
pub async fn reload_when_asked(live: Arc<Live>, watch: bool, changed: impl Fn(Reloaded)) {
    let Some(path) = live.path().map(Path::to_path_buf) else {
        // SIGHUP must never stop the bot (`systemctl reload` sends it): with nothing to reload,
        // say so each time.
        #[cfg(unix)]
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
            Ok(mut hangup) => {
                while hangup.recv().await.is_some() {
                    service::reloading();
                    tracing::warn!(
                        "SIGHUP: serving the FAQ built into faqbot, there is no file to reload; \
                         give one with --faq or `faq` in the config"
                    );
                    service::reloaded();
                }
            }
            Err(e) => tracing::error!(error = %e, "cannot listen for SIGHUP"),
        }
        return;
    };
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Trigger>(16);
    // The files watched, and the watcher, kept alive for as long as this task runs: dropping
    // it stops the watching. Replaced when a reload names another examples file.
    let (mut watched, mut _watcher) = if watch {
        watch_faq(&live, &path, tx.clone())
    } else {
        (Vec::new(), None)
    };
    #[cfg(unix)]
    {
        let hangup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup());
        match hangup {
            Ok(mut hangup) => {
                let tx = tx.clone();
                tokio::spawn(async move {
                    while hangup.recv().await.is_some() {
                        let _ = tx.send(Trigger::Asked).await;
                    }
                });
            }
            Err(e) => tracing::error!(error = %e, "cannot listen for SIGHUP"),
        }
    }
    {
        let tx = tx.clone();
        let live = Arc::clone(&live);
        tokio::spawn(async move {
            loop {
                live.taught.notified().await;
                if tx.send(Trigger::FileChanged).await.is_err() {
                    return;
                }
            }
        });
    }
    let rewatch = tx.clone();
    drop(tx);
    while let Some(mut trigger) = rx.recv().await {
        // Requests that queued meanwhile make one reload; one the admin asked for wins.
        while let Ok(more) = rx.try_recv() {
            if more == Trigger::Asked {
                trigger = Trigger::Asked;
            }
        }
        if trigger == Trigger::Asked {
            service::reloading();
        }
        // Rebuilding the matcher takes tens of milliseconds: off the threads that answer.
        let reloading = Arc::clone(&live);
        let result = tokio::task::spawn_blocking(move || reloading.reload(trigger))
            .await
            .unwrap_or_else(|e| Err(LoadError::Panicked(e.to_string())));
        if trigger == Trigger::Asked {
            service::reloaded();
        }
        match result {
            Ok(Reloaded::Unchanged) => {
                crate::ops::metrics::metrics().faq_file_valid(true);
                tracing::info!(file = %path.display(), "the FAQ was saved as it is served; nothing to reload");
            }
            Ok(what) => {
                crate::ops::metrics::metrics().reloaded(true);
                tracing::info!(file = %path.display(), commands_changed = (what == Reloaded::Commands), "FAQ reloaded");
                changed(what);
                if watch && faq_files(&live, &path) != watched {
                    (watched, _watcher) = watch_faq(&live, &path, rewatch.clone());
                }
            }
            Err(e) => {
                crate::ops::metrics::metrics().reloaded(false);
                tracing::error!("FAQ not reloaded, the previous one keeps serving:\n{e}");
            }
        }
    }
}

/// The files the FAQ being served is read from: `faq.toml`, the examples file it names and
/// the file of taught questions (watched before it exists: `faqbot teach` creates it).
fn faq_files(live: &Live, path: &Path) -> Vec<PathBuf> {
    let pipeline = live.pipeline();
    let faq = pipeline.faq();
    let named = [&faq.examples_file, &faq.learned_file];
    std::iter::once(path.to_path_buf())
        .chain(named.into_iter().flatten().map(|file| file.beside(path)))
        .collect()
}

/// A watcher on the FAQ's files, and the files it watches.
fn watch_faq(
    live: &Live,
    path: &Path,
    tx: tokio::sync::mpsc::Sender<Trigger>,
) -> (Vec<PathBuf>, Option<FileWatcher>) {
    let files = faq_files(live, path);
    match watch_files(&files, tx) {
        Ok(watcher) => {
            tracing::info!(file = %path.display(), "watching the FAQ for changes");
            (files, Some(watcher))
        }
        Err(e) => {
            tracing::error!(file = %path.display(), error = %e, "cannot watch the FAQ; SIGHUP still reloads it");
            (files, None)
        }
    }
}

/// How old a file event is before it is passed on: editors write a file in several steps.
/// notify's debouncer passes events on as they reach that age, so one save may still come as
/// two batches; what makes one save one reload is that a reload compares what the files hold
/// with what is served.
const DEBOUNCE: Duration = Duration::from_millis(200);

type FileWatcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Watches the files' folders (editors replace files by renaming, which a watch on the file
/// itself would miss) and signals `tx` when one of the files may have changed, or when the
/// system lost track of events and the files must be looked at again.
fn watch_files(
    paths: &[PathBuf],
    tx: tokio::sync::mpsc::Sender<Trigger>,
) -> notify::Result<FileWatcher> {
    let folder_of = |path: &Path| match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut folders: Vec<PathBuf> = paths.iter().map(|p| folder_of(p)).collect();
    folders.sort();
    folders.dedup();
    // Events may name the folder differently than it was given (absolute, say): compare names.
    let names: Vec<std::ffi::OsString> = paths
        .iter()
        .filter_map(|p| p.file_name().map(ToOwned::to_owned))
        .collect();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |events: DebounceEventResult| {
        let events = match events {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    tracing::warn!(error = %e, "watching the FAQ: an error; SIGHUP still reloads it");
                }
                return;
            }
        };
        let ours = events.iter().any(|event| {
            let named = event.paths.iter().any(|path| {
                names
                    .iter()
                    .any(|name| path.file_name() == Some(name.as_os_str()))
            });
            event.need_rescan() || (named && may_change_content(&event.kind))
        });
        if tracing::enabled!(tracing::Level::DEBUG) {
            let mut files: Vec<std::borrow::Cow<'_, str>> = events
                .iter()
                .flat_map(|event| &event.paths)
                .filter_map(|path| path.file_name())
                .map(|name| name.to_string_lossy())
                .collect();
            files.dedup();
            tracing::debug!(?files, save = ours, "file events");
        }
        if ours {
            let _ = tx.try_send(Trigger::FileChanged);
        }
    })?;
    for folder in &folders {
        debouncer.watch(folder, RecursiveMode::NonRecursive)?;
    }
    Ok(debouncer)
}

/// Whether a file event may mean that the file holds something new. Opening and reading it
/// cannot (the reload itself reads it, and so do `faqbot check` and `report`), nor can a change
/// of its permissions or times.
fn may_change_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::event::{CreateKind, DataChange, MetadataKind, RenameMode};

    #[test]
    fn reading_a_file_is_not_changing_it() {
        let changes = [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Remove(notify::event::RemoveKind::File),
        ];
        let readings = [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
        ];
        assert!(changes.iter().all(may_change_content));
        assert!(!readings.iter().any(may_change_content));
    }
    use crate::core::faq::{EMBEDDED, EMBEDDED_EXAMPLES};

    #[test]
    fn a_valid_edit_takes_effect_and_a_broken_one_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("faq.toml");
        std::fs::write(&path, EMBEDDED).unwrap();
        std::fs::write(dir.path().join("examples.tsv"), EMBEDDED_EXAMPLES).unwrap();
        let live = Live::new(
            crate::ops::faq_file::load(&path, &crate::core::limits::Limits::NONE).unwrap(),
            Some(path.clone()),
            Settings::default(),
        );
        let question = |live: &Live| live.pipeline().faq().topics[2].question.clone();
        assert_eq!(question(&live), "Who is allowed to use the ISO logo?");

        let edited = EMBEDDED.replace(
            "Who is allowed to use the ISO logo?",
            "May I use the ISO logo?",
        );
        std::fs::write(&path, &edited).unwrap();
        assert_eq!(
            live.reload(Trigger::FileChanged).unwrap(),
            Reloaded::Commands,
            "a description changed"
        );
        assert_eq!(question(&live), "May I use the ISO logo?");

        let answer_only = edited.replace(
            "Read more about our name and logo.",
            "Read more about our logo.",
        );
        std::fs::write(&path, &answer_only).unwrap();
        assert_eq!(
            live.reload(Trigger::FileChanged).unwrap(),
            Reloaded::Answers
        );
        assert_eq!(
            live.reload(Trigger::FileChanged).unwrap(),
            Reloaded::Unchanged,
            "the files hold what they held"
        );
        assert_eq!(
            live.reload(Trigger::Asked).unwrap(),
            Reloaded::Answers,
            "asked for, a reload reloads"
        );

        std::fs::write(
            &path,
            answer_only.replace("id = \"logo\"", "id = \"lo go\""),
        )
        .unwrap();
        let error = live.reload(Trigger::Asked).unwrap_err().to_string();
        assert!(
            error.contains("faq.toml:") && error.contains("topic id `lo go`"),
            "{error}"
        );
        assert_eq!(
            question(&live),
            "May I use the ISO logo?",
            "the old FAQ keeps serving"
        );
    }
}
