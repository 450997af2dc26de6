//! The runtime: the terminal, three small threads (keys, signals, a one-second tick), and the store worker
//! that executes effects in order. The main thread only updates the state and draws — and draws only when
//! something changed, so an idle screen sends nothing over the connection.

use super::action::{Action, Stop};
use super::effect::Effect;
use super::exec;
use super::keymap;
use super::state::{State, update};
use super::view;
use crate::domain::user::Role;
use crate::i18n::Lang;
use crate::store::{BUSY_WAITS, Store};
use crate::widgets::Theme;
use chrono::NaiveDate;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

/// Everything the main loop waits for.
enum Incoming {
    Event(Event),
    Result(Action),
    /// The store worker finished every effect up to `Quit`.
    Drained,
    Stop(Stop),
    Tick,
}

type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Puts the terminal back as it was; safe to call more than once.
fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

fn setup_terminal() -> io::Result<Term> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    // Cleared by hand: `Terminal::clear` would ask the terminal where its cursor is, and a terminal that
    // does not answer would stall the start.
    execute!(
        out,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        16 * 1024,
        io::stdout(),
    )))
}

fn spawn_input(tx: Sender<Incoming>) {
    thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if tx.send(Incoming::Event(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    // The terminal is gone: stop instead of spinning on a dead descriptor.
                    let _ = tx.send(Incoming::Stop(Stop::Hangup));
                    return;
                }
            }
        }
    });
}

fn spawn_signals(tx: Sender<Incoming>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            let stop = if signal == SIGHUP {
                Stop::Hangup
            } else {
                Stop::Terminate
            };
            if tx.send(Incoming::Stop(stop)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

fn spawn_ticks(tx: Sender<Incoming>) {
    thread::spawn(move || {
        loop {
            thread::sleep(Duration::from_secs(1));
            if tx.send(Incoming::Tick).is_err() {
                return;
            }
        }
    });
}

/// The store worker: executes effects in the order they were asked for.
fn spawn_worker(mut store: Store, lang: Lang, results: Sender<Incoming>) -> Sender<Effect> {
    let (tx, rx): (Sender<Effect>, Receiver<Effect>) = mpsc::channel();
    thread::spawn(move || {
        let mut data_version = store.data_version().ok();
        for effect in rx {
            match effect {
                Effect::Quit => {
                    let _ = results.send(Incoming::Drained);
                    return;
                }
                Effect::CheckData => {
                    let now = store.data_version().ok();
                    if now.is_some() && now != data_version {
                        data_version = now;
                        let _ = results.send(Incoming::Result(Action::DataChanged));
                    }
                }
                other => {
                    if let Some(action) = exec::execute(&mut store, other, lang) {
                        let _ = results.send(Incoming::Result(action));
                    }
                    // Our own writes change nothing for others to tell us about.
                    data_version = store.data_version().ok().or(data_version);
                }
            }
        }
    });
    tx
}

/// Runs the interface until the user quits or the session ends.
pub fn run(store: Store, lang: Lang, today: NaiveDate, role: Role) -> io::Result<()> {
    let user = store.user().clone();
    // Said on stderr too, but the interface's screen covers it: the status line repeats it.
    let migrated = store
        .migrated()
        .map(|m| crate::i18n::Msg::DbMigrated.fill(lang, &[&m.from, &m.to, &m.backup.display()]));
    let (tx, rx) = mpsc::channel();
    let worker = spawn_worker(store, lang, tx.clone());
    spawn_signals(tx.clone())?;
    let mut terminal = setup_terminal()?;
    spawn_input(tx.clone());
    spawn_ticks(tx);
    let size = terminal.size()?;
    let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
    let (mut state, effects) =
        State::new(lang, today, theme, user, role, (size.width, size.height));
    if let Some(text) = migrated {
        state.notice = Some(crate::screens::Notice::info(text));
    }
    for e in effects {
        let _ = worker.send(e);
    }
    let result = main_loop(&mut terminal, &mut state, &rx, &worker);
    restore_terminal();
    result
}

fn draw(terminal: &mut Term, state: &State) -> io::Result<()> {
    terminal.draw(|frame| {
        frame.render_widget(state, frame.area());
        if let Some(p) = view::cursor(state, frame.area()) {
            frame.set_cursor_position(p);
        }
    })?;
    Ok(())
}

fn main_loop(
    terminal: &mut Term,
    state: &mut State,
    rx: &Receiver<Incoming>,
    worker: &Sender<Effect>,
) -> io::Result<()> {
    let mut dirty = true;
    let mut busy_seen = 0;
    let mut last_key: Option<std::time::Instant> = None;
    loop {
        if dirty {
            // A terminal that went away cannot be drawn on; stopping is handled below.
            if draw(terminal, state).is_err() {
                return finish(state, rx, worker, Stop::Hangup);
            }
            dirty = false;
        }
        let Ok(incoming) = rx.recv() else {
            return Ok(());
        };
        if let Incoming::Event(Event::Key(_)) = incoming {
            let now = std::time::Instant::now();
            if let Some(gap) = last_key.map(|t| now.duration_since(t))
                && gap < Duration::from_secs(60)
            {
                let _ = update(
                    state,
                    Action::Active(u32::try_from(gap.as_millis()).unwrap_or(u32::MAX)),
                );
            }
            last_key = Some(now);
        }
        let action = match incoming {
            Incoming::Event(Event::Key(key)) => keymap::resolve(&state.key_context(), &key),
            Incoming::Event(Event::Paste(text)) => Some(Action::Paste(text)),
            Incoming::Event(Event::Resize(w, h)) => {
                let _ = terminal.autoresize();
                Some(Action::Resize(w, h))
            }
            Incoming::Event(_) => None,
            Incoming::Result(action) => Some(action),
            Incoming::Drained => return Ok(()),
            Incoming::Stop(stop) => return finish(state, rx, worker, stop),
            Incoming::Tick => {
                let _ = worker.send(Effect::CheckData);
                let waits = BUSY_WAITS.load(Ordering::Relaxed);
                if waits != busy_seen {
                    busy_seen = waits;
                    Some(Action::Busy(waits))
                } else {
                    None
                }
            }
        };
        let Some(action) = action else { continue };
        let effects = update(state, action);
        dirty = true;
        for effect in effects {
            let quitting = effect == Effect::Quit;
            let _ = worker.send(effect);
            if quitting {
                return wait_drained(rx, Duration::from_millis(1500));
            }
        }
    }
}

/// Stops on a signal or a lost terminal: keeps drafts, then waits (briefly) for the worker to write them.
fn finish(
    state: &mut State,
    rx: &Receiver<Incoming>,
    worker: &Sender<Effect>,
    stop: Stop,
) -> io::Result<()> {
    for effect in update(state, Action::Stop(stop)) {
        let _ = worker.send(effect);
    }
    wait_drained(rx, Duration::from_millis(1500))
}

fn wait_drained(rx: &Receiver<Incoming>, limit: Duration) -> io::Result<()> {
    let deadline = Instant::now() + limit;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(Incoming::Drained) | Err(_) => break,
            Ok(_) => {}
        }
    }
    Ok(())
}
