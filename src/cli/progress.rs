//! Progress bars for long commands, and stopping them cleanly on Ctrl-C.
//!
//! A bar (counts and time left) is drawn on standard error only when it is a terminal; piped or
//! redirected, nothing extra is written. The first Ctrl-C (or SIGTERM, or a hang-up of the SSH session)
//! asks the running job to stop: the store rolls its transaction back, temporary files are removed and
//! tilik exits with status 130. A second one ends tilik at once.

use crate::i18n::{Lang, Msg};
use crate::store::progress::{Progress, Unit, Watcher};
use crate::store::{Store, StoreError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Set by the first SIGINT, SIGTERM or SIGHUP once [`catch_signals`] ran.
static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// From now on the first SIGINT, SIGTERM or SIGHUP asks the job to stop ([`stop_requested`]) and a
/// second one ends the process (status 130). Only for headless commands: the terminal interface has
/// its own handling (drafts are kept).
pub fn catch_signals() -> std::io::Result<()> {
    let Ok(mut handlers) = HANDLERS.lock() else {
        return Ok(());
    };
    if !handlers.is_empty() {
        return Ok(());
    }
    let flag = STOP.get_or_init(|| Arc::new(AtomicBool::new(false)));
    flag.store(false, Ordering::Relaxed);
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        // The order matters: the shutdown checks the flag before the second handler sets it.
        handlers.push(signal_hook::flag::register_conditional_shutdown(
            signal,
            130,
            Arc::clone(flag),
        )?);
        handlers.push(signal_hook::flag::register(signal, Arc::clone(flag))?);
    }
    Ok(())
}

/// Gives the signals back (before the terminal interface starts, which handles them itself).
pub fn release_signals() {
    if let Ok(mut handlers) = HANDLERS.lock() {
        for id in handlers.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The handlers [`catch_signals`] registered.
static HANDLERS: std::sync::Mutex<Vec<signal_hook::SigId>> = std::sync::Mutex::new(Vec::new());

/// Whether the user asked to stop.
pub fn stop_requested() -> bool {
    STOP.get().is_some_and(|f| f.load(Ordering::Relaxed))
}

/// Fails with [`StoreError::Interrupted`] when the user asked to stop.
pub fn check_stop() -> Result<(), StoreError> {
    if stop_requested() {
        Err(StoreError::Interrupted)
    } else {
        Ok(())
    }
}

/// Prepares `store` for a long job: signals are caught, and a bar follows the job on a terminal.
pub fn follow(store: &mut Store, lang: Lang) -> Result<(), super::CliError> {
    catch_signals().map_err(|e| super::CliError::Terminal(e.to_string()))?;
    let watcher: Progress = Arc::new(Bar::new(lang));
    store.watch(watcher)?;
    Ok(())
}

/// A progress bar on standard error (hidden when that is not a terminal).
struct Bar {
    bar: ProgressBar,
    lang: Lang,
    /// Whether standard error is a terminal: the bar is drawn only then.
    terminal: bool,
}

impl Bar {
    fn new(lang: Lang) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            .with_finish(ProgressFinish::AndClear);
        Bar {
            bar,
            lang,
            terminal: std::io::stderr().is_terminal(),
        }
    }
}

fn style(unit: Unit, lang: Lang) -> ProgressStyle {
    let left = Msg::ProgressLeft.text(lang);
    let counts = match unit {
        Unit::Bytes => "{bytes}/{total_bytes}",
        Unit::Rows | Unit::People | Unit::Programs => "{done}/{total}",
    };
    let template = format!("{{msg:>9}} [{{bar:30}}] {counts} · {left} {{eta}}");
    let separator = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "done",
            move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&grouped(state.pos(), separator));
            },
        )
        .with_key(
            "total",
            move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&grouped(state.len().unwrap_or(0), separator));
            },
        )
        .progress_chars("=> ")
}

/// `52113` as `52.113` (Indonesian) or `52,113` (English).
fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn label(unit: Unit) -> Msg {
    match unit {
        Unit::Rows => Msg::ProgressRows,
        Unit::People => Msg::ProgressPeople,
        Unit::Programs => Msg::ProgressPrograms,
        Unit::Bytes => Msg::ProgressBytes,
    }
}

impl Watcher for Bar {
    fn begin(&self, unit: Unit, total: u64) {
        // Configured out of sight: each change alone would draw a half-set bar.
        self.bar.set_draw_target(ProgressDrawTarget::hidden());
        self.bar.set_style(style(unit, self.lang));
        self.bar.set_message(label(unit).text(self.lang));
        self.bar.set_length(total);
        self.bar.reset();
        if self.terminal {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }

    fn end(&self) {
        if !self.bar.is_finished() && self.bar.length().is_some() {
            self.bar.finish_and_clear();
        }
    }

    fn stop(&self) -> bool {
        stop_requested()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands_in_the_language() {
        assert_eq!(super::grouped(0, '.'), "0");
        assert_eq!(super::grouped(999, '.'), "999");
        assert_eq!(super::grouped(52_113, '.'), "52.113");
        assert_eq!(super::grouped(1_000_000, ','), "1,000,000");
    }
}
