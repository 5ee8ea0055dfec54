//! Many statements at once, on every core.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::{build_one, Job, Report};
use crate::error::{Error, Result};
use crate::layout::Layout;

/// Builds the job's statements on all cores; one failure does not stop the
/// others, each is reported, and the worst decides the exit code.
pub(super) fn build_many(layout: &Layout, job: &Job, report: &dyn Report) -> Result<()> {
    let inputs = &job.inputs;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len());
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, Error)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(input) = inputs.get(i) else { break };
                // A batch is quiet about each statement unless asked for
                // details: the report shows its progress instead.
                let result = build_one(input, None, layout, job, job.verbose, report).map(|_| ());
                if let Err(e) = result {
                    failures
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push((input.clone(), e));
                }
                report.progress(input);
            });
        }
    });
    let failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    let Some(worst) = failures.iter().map(|(_, e)| e.exit_code()).max() else {
        return Ok(());
    };
    for (_, e) in &failures {
        report.error(e);
    }
    Err(Error::Batch {
        message: format!("{} of {} statements failed", failures.len(), inputs.len()),
        exit_code: worst,
    })
}
