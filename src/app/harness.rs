//! A test harness: the real state, keymap, update and executor on a database, drawn to an in-memory
//! terminal. Tests press keys, run the effects, and look at the state, the screen and the database.

use super::action::Action;
use super::effect::Effect;
use super::exec;
use super::keymap;
use super::state::{State, update};
use crate::domain::user::Role;
use crate::i18n::Lang;
use crate::screens::{Screen, View};
use crate::store::Store;
use crate::widgets::Theme;
use crate::widgets::theme::ColorMode;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use std::collections::VecDeque;

pub struct Harness {
    pub state: State,
    pub store: Store,
    /// Effects returned by the last `update` (before they ran).
    pub last_effects: Vec<Effect>,
    queue: VecDeque<Effect>,
}

/// The date tests run on.
pub fn test_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

impl Harness {
    /// A session at 80x24 in Indonesian, as the store's user with `role`.
    pub fn new(store: Store, role: Role) -> Harness {
        Harness::with(store, role, Lang::Id, (80, 24))
    }

    pub fn with(store: Store, role: Role, lang: Lang, size: (u16, u16)) -> Harness {
        let theme = Theme {
            mode: ColorMode::Plain,
        };
        let (state, effects) =
            State::new(lang, test_today(), theme, store.user().clone(), role, size);
        let mut h = Harness {
            state,
            store,
            last_effects: effects.clone(),
            queue: effects.into(),
        };
        h.settle();
        h
    }

    /// Runs queued effects, feeding results back, until nothing is left.
    pub fn settle(&mut self) {
        let mut guard = 0;
        while let Some(effect) = self.queue.pop_front() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            if let Some(action) = exec::execute(&mut self.store, effect, self.state.lang) {
                let more = update(&mut self.state, action);
                self.queue.extend(more);
            }
        }
    }

    /// Feeds an action, then runs what it caused.
    pub fn act(&mut self, action: Action) {
        let effects = update(&mut self.state, action);
        self.last_effects = effects.clone();
        self.queue.extend(effects);
        self.settle();
    }

    /// A key press, resolved through the keymap like the real terminal.
    pub fn key_event(&mut self, key: KeyEvent) {
        if let Some(action) = keymap::resolve(&self.state.key_context(), &key) {
            self.act(action);
        } else {
            self.last_effects.clear();
        }
    }

    pub fn press(&mut self, code: KeyCode) {
        self.key_event(KeyEvent::new(code, KeyModifiers::NONE));
    }

    pub fn ctrl(&mut self, c: char) {
        self.key_event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    pub fn shift_tab(&mut self) {
        self.key_event(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    }

    /// Types each character as its own key press; `\t` is the Tab key and `\n` the Enter key.
    pub fn type_str(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\t' => self.press(KeyCode::Tab),
                '\n' => self.press(KeyCode::Enter),
                c => self.press(KeyCode::Char(c)),
            }
        }
    }

    /// Opens a screen over the current one, as a screen's `Push` reply does, and loads its data.
    pub fn push(&mut self, screen: Screen) {
        let effects = screen.refresh();
        self.state.stack.push(screen);
        self.queue.extend(effects);
        self.settle();
    }

    /// Draws the state on a terminal as the runtime does: the screen and the cursor. Ratatui sends only
    /// the cells that changed since the terminal's last frame.
    pub fn draw<B: Backend>(&self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        draw(&self.state, terminal)
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.act(Action::Resize(w, h));
    }

    /// The screen as text, one line per row (trailing spaces trimmed).
    pub fn screen(&self) -> String {
        let (w, h) = self.state.size;
        let mut terminal = match Terminal::new(TestBackend::new(w, h)) {
            Ok(t) => t,
            Err(_) => return String::new(),
        };
        if self.draw(&mut terminal).is_err() {
            return String::new();
        }
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut line = String::new();
            for x in 0..buffer.area.width {
                line.push_str(buffer[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Draws a state on a terminal as the runtime does: the screen, then the cursor.
pub fn draw<B: Backend>(state: &State, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    terminal.draw(|frame| {
        frame.render_widget(state, frame.area());
        if let Some(p) = super::view::cursor(state, frame.area()) {
            frame.set_cursor_position(p);
        }
    })?;
    Ok(())
}
