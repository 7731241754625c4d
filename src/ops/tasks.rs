//! Long-running tasks that must not die unseen: the admin listener, the health monitor, the
//! presence updater, the reload watcher. Each runs for the life of the process; should one
//! return or panic, one error line names it and `faqbot_task_failures_total{task}` counts it,
//! so that an alert sees what the log says.

use std::future::Future;

use tokio::task::JoinHandle;

use crate::ops::metrics::metrics;

/// Spawns `work`, a task meant to run for the life of the process, and watches it: its end,
/// by returning or by panicking, is logged and counted under `task` (one of
/// [`TASKS`](crate::ops::metrics::TASKS)). The handle aborts the watch and the task alike.
pub fn watched<F>(task: &'static str, work: F) -> JoinHandle<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        let handle = tokio::spawn(work);
        let abort = handle.abort_handle();
        // Aborting the watcher aborts the work too.
        let _guard = AbortOnDrop(abort);
        match handle.await {
            Ok(()) => tracing::error!(task, "a task that runs for the life of faqbot stopped"),
            Err(e) if e.is_panic() => {
                tracing::error!(task, "a task that runs for the life of faqbot panicked")
            }
            Err(_) => return,
        }
        metrics().task_failed(task);
    })
}

struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failures(task: &str) -> u64 {
        let rendered = metrics().render();
        let line = format!("faqbot_task_failures_total{{task=\"{task}\"}} ");
        rendered
            .lines()
            .find_map(|l| l.strip_prefix(line.as_str()))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    }

    #[tokio::test]
    async fn a_task_that_stops_or_panics_is_counted_and_one_aborted_is_not() {
        let before = failures("presence");
        watched("presence", async {}).await.unwrap();
        assert_eq!(failures("presence"), before + 1, "a task that returned");
        watched("presence", async { panic!("on purpose") })
            .await
            .unwrap();
        assert_eq!(failures("presence"), before + 2, "a task that panicked");
        let forever = watched("presence", std::future::pending());
        forever.abort();
        let _ = forever.await;
        tokio::task::yield_now().await;
        assert_eq!(failures("presence"), before + 2, "aborted on purpose");
    }
}
