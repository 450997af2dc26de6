//! Long writes (imports, the demo at scale, backups) say how far they got and can be stopped.
//!
//! The store knows nothing about terminals: the caller hands a [`Watcher`] to [`Store::watch`] (the
//! command line draws a progress bar with it). A watcher that asks to stop makes the running
//! statement fail with [`StoreError::Interrupted`], so the transaction is rolled back and nothing is
//! written: SQLite asks it every few thousand steps of any statement, and long loops ask it between
//! rows ([`Tx::advance`]).

use super::{Result, Store, StoreError, Tx};
use std::sync::Arc;

/// What the units of a stage count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Rows of an imported file.
    Rows,
    /// Employees (ASN) generated.
    People,
    /// Training programs generated.
    Programs,
    /// Bytes of a copy.
    Bytes,
}

/// Follows a long job.
pub trait Watcher: Send + Sync {
    /// A stage of `total` units begins.
    fn begin(&self, unit: Unit, total: u64);
    /// `n` more units are done.
    fn advance(&self, n: u64);
    /// The stage is over (done, failed or stopped).
    fn end(&self);
    /// Whether the job must stop now (the user pressed Ctrl-C, the session ended).
    fn stop(&self) -> bool;
}

/// A shared watcher.
pub type Progress = Arc<dyn Watcher>;

/// How many SQLite virtual-machine steps pass between two questions to the watcher whether to stop.
const STEPS_BETWEEN_ASKING: i32 = 10_000;

impl Store {
    /// Follows every later long write with `watcher`, which may also stop it.
    pub fn watch(&mut self, watcher: Progress) -> Result<()> {
        let asked = Arc::clone(&watcher);
        self.conn
            .progress_handler(STEPS_BETWEEN_ASKING, Some(move || asked.stop()))?;
        self.progress = Some(watcher);
        Ok(())
    }

    /// The watcher, if any.
    pub(crate) fn watcher(&self) -> Option<&dyn Watcher> {
        self.progress.as_deref()
    }
}

impl Tx<'_> {
    /// Starts a stage of `total` units.
    pub(crate) fn begin_stage(&self, unit: Unit, total: u64) {
        if let Some(w) = self.progress {
            w.begin(unit, total);
        }
    }

    /// `n` more units are done; fails with [`StoreError::Interrupted`] (so the transaction is rolled
    /// back) when the watcher asks to stop.
    pub(crate) fn advance(&self, n: u64) -> Result<()> {
        match self.progress {
            Some(w) if w.stop() => Err(StoreError::Interrupted),
            Some(w) => {
                w.advance(n);
                Ok(())
            }
            None => Ok(()),
        }
    }
}
