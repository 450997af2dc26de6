//! Bytes sent to the terminal while a clerk keys a Likert form: the real ratatui/crossterm backend writes
//! into a byte counter instead of a terminal, frame by frame, as the runtime draws them (only what changed
//! since the previous frame is sent). Over a slow SSH link these bytes are the latency the clerk feels.
//!
//! `cargo bench --bench terminal` prints one line per figure (`name value unit`), read by scripts/bench.

mod common;

use crossterm::event::KeyCode;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use tilik::app::harness::{self, Harness};

/// A terminal that counts what it is sent.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn median(mut v: Vec<usize>) -> usize {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that does not name this benchmark skips it.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !args.is_empty() && !args.iter().any(|a| "terminal".contains(a.as_str())) {
        return;
    }
    let (_scratch, mut h) = common::demo_session();
    let counter = Counter::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("terminal");
    let mut sent = |h: &Harness| -> usize {
        let before = counter.0.get();
        harness::draw(&h.state, &mut terminal).expect("frame");
        counter.0.get() - before
    };
    let first = sent(&h);
    h.push(common::kom_reaction_form(&h));
    let screen_change = sent(&h);
    // The participant the form suggests, then the 21 Likert answers of a paper form.
    h.press(KeyCode::Enter);
    let respondent = sent(&h);
    assert!(
        h.screen().contains("▶ R01"),
        "the form starts at its first item:\n{}",
        h.screen()
    );
    let mut digits = Vec::new();
    for d in "123412341234123412341".chars() {
        h.press(KeyCode::Char(d));
        digits.push(sent(&h));
    }
    assert!(
        h.screen().contains("R22") || h.screen().contains("R23"),
        "the form reached its comments:\n{}",
        h.screen()
    );
    // A minute of an idle screen: the runtime draws only after an action, and a tick with nothing new
    // is no action, so nothing is drawn. Drawing the unchanged state anyway shows what it would cost.
    let mut idle = 0;
    for _ in 0..60 {
        idle += sent(&h);
    }
    println!("terminal/first_frame_bytes {first} bytes");
    println!("terminal/open_entry_form_bytes {screen_change} bytes");
    println!("terminal/choose_respondent_bytes {respondent} bytes");
    println!(
        "terminal/likert_digit_bytes_median {} bytes",
        median(digits.clone())
    );
    println!(
        "terminal/likert_digit_bytes_max {} bytes",
        digits.iter().max().copied().unwrap_or(0)
    );
    println!(
        "terminal/likert_form_bytes_total {} bytes",
        digits.iter().sum::<usize>()
    );
    println!("terminal/redraw_unchanged_60_bytes {idle} bytes");
}
