//! The real tilik binary in a pseudo-terminal of 80x24 (issue 3, "Done when"): a clerk keys whole reaction
//! forms with the keyboard alone, and a terminal killed in the middle of a form loses nothing.
//!
//! tilik redraws only the cells that changed, so the output is played into a small terminal model
//! ([`Screen`]) and the tests wait, with rexpect's timed reads, until the screen shows what they expect.

use rexpect::ReadUntil;
use rexpect::process::Signal;
use rexpect::session::{Options, PtySession, spawn_with_options};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthChar;

const BIN: &str = env!("CARGO_BIN_EXE_tilik");
const WAIT: Duration = Duration::from_secs(15);
const KOM: &str = "KOM-2026-01";
/// The hint shown while choosing a respondent.
const CHOOSING: &str = "responden yang disorot";
/// The 21 Likert answers of a REAKSI-01 form.
const DIGITS: &str = "123412341234123412341";

// ── A terminal, just enough of one ──────────────────────────────────────────────────────────────────────

/// Cursor moves, erases and text (colours are ignored): what ratatui and crossterm send.
struct Screen {
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
    state: Parse,
    utf8: Vec<u8>,
}

enum Parse {
    Text,
    Escape,
    Csi(String),
    Osc,
    Charset,
}

impl Screen {
    fn new(cols: usize, rows: usize) -> Screen {
        Screen {
            cells: vec![vec![' '; cols]; rows],
            row: 0,
            col: 0,
            state: Parse::Text,
            utf8: Vec::new(),
        }
    }

    fn feed(&mut self, byte: u8) {
        self.state = match std::mem::replace(&mut self.state, Parse::Text) {
            Parse::Text => return self.text_byte(byte),
            Parse::Escape => match byte {
                b'[' => Parse::Csi(String::new()),
                b']' => Parse::Osc,
                b'(' | b')' => Parse::Charset,
                _ => Parse::Text,
            },
            Parse::Csi(mut params) => {
                if (0x40..=0x7e).contains(&byte) {
                    self.csi(&params, byte);
                    Parse::Text
                } else {
                    params.push(char::from(byte));
                    Parse::Csi(params)
                }
            }
            Parse::Osc if byte == 0x07 => Parse::Text,
            Parse::Osc if byte == 0x1b => Parse::Escape,
            Parse::Osc => Parse::Osc,
            Parse::Charset => Parse::Text,
        };
    }

    fn text_byte(&mut self, byte: u8) {
        match byte {
            0x1b => self.state = Parse::Escape,
            b'\r' => self.col = 0,
            b'\n' => self.row = (self.row + 1).min(self.cells.len() - 1),
            0x08 => self.col = self.col.saturating_sub(1),
            0..=0x1f => {}
            _ => {
                self.utf8.push(byte);
                match std::str::from_utf8(&self.utf8) {
                    Ok(s) => {
                        let c = s.chars().next().unwrap_or(' ');
                        self.utf8.clear();
                        self.put(c);
                    }
                    Err(e) if e.error_len().is_some() => self.utf8.clear(),
                    Err(_) => {}
                }
            }
        }
    }

    fn put(&mut self, c: char) {
        let width = c.width().unwrap_or(0);
        let line = &mut self.cells[self.row];
        if width == 0 || self.col + width > line.len() {
            return;
        }
        line[self.col] = c;
        if width == 2 {
            line[self.col + 1] = '\0';
        }
        self.col += width;
    }

    fn csi(&mut self, params: &str, command: u8) {
        let numbers: Vec<usize> = params
            .trim_start_matches('?')
            .split(';')
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let n = |i: usize| numbers.get(i).copied().unwrap_or(0);
        let (rows, cols) = (self.cells.len(), self.cells[0].len());
        match command {
            b'H' | b'f' => {
                self.row = n(0).max(1).min(rows) - 1;
                self.col = n(1).max(1).min(cols) - 1;
            }
            b'G' => self.col = n(0).max(1).min(cols) - 1,
            b'A' => self.row = self.row.saturating_sub(n(0).max(1)),
            b'B' => self.row = (self.row + n(0).max(1)).min(rows - 1),
            b'C' => self.col = (self.col + n(0).max(1)).min(cols - 1),
            b'D' => self.col = self.col.saturating_sub(n(0).max(1)),
            b'J' if n(0) >= 2 => self.cells.iter_mut().for_each(|l| l.fill(' ')),
            b'J' => {
                self.cells[self.row][self.col..].fill(' ');
                self.cells[self.row + 1..]
                    .iter_mut()
                    .for_each(|l| l.fill(' '));
            }
            b'K' if n(0) == 2 => self.cells[self.row].fill(' '),
            b'K' => self.cells[self.row][self.col..].fill(' '),
            _ => {}
        }
    }

    fn text(&self) -> String {
        self.cells
            .iter()
            .map(|l| {
                let line: String = l.iter().filter(|c| **c != '\0').collect();
                line.trim_end().to_string() + "\n"
            })
            .collect()
    }
}

// ── tilik in the terminal ────────────────────────────────────────────────────────────────────────────────

/// `tilik --db <db>` with a pinned environment: Bahasa Indonesia, no user config, no `TILIK_DB`.
fn pinned(mut cmd: Command, home: &Path) -> Command {
    cmd.env_remove("TILIK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("NO_COLOR")
        .env("LANG", "C")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .current_dir(home);
    cmd
}

fn run(home: &Path, db: &Path, args: &[&str]) -> Output {
    let mut cmd = pinned(Command::new(BIN), home);
    cmd.arg("--db").arg(db).args(args);
    let out = cmd.output().expect("tilik runs");
    assert!(
        out.status.success(),
        "tilik {args:?}: {:?}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

struct Tui {
    session: PtySession,
    screen: Screen,
}

impl Tui {
    /// Starts the interface in a terminal of 80x24 (set before tilik starts, so its first frame fits).
    fn start(home: &Path, db: &Path) -> Tui {
        let mut cmd = pinned(Command::new("sh"), home);
        cmd.args(["-c", r#"stty cols 80 rows 24; exec "$0" --db "$1""#, BIN])
            .arg(db)
            .env("TERM", "xterm-256color");
        let options = Options::new().timeout_ms(Some(WAIT.as_millis() as u64));
        let session = spawn_with_options(cmd, options).expect("tilik starts in a pseudo-terminal");
        let mut tui = Tui {
            session,
            screen: Screen::new(80, 24),
        };
        tui.wait_text("1 Program");
        tui
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("write to the terminal");
        self.session.flush().expect("flush the terminal");
    }

    /// Plays everything tilik has written so far into the screen.
    fn pump(&mut self) {
        while let Some(c) = self.session.try_read() {
            // rexpect hands each byte over as the char of the same number.
            self.screen.feed(c as u32 as u8);
        }
    }

    /// Waits until the screen satisfies `ok`, or fails showing the screen.
    fn wait(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            self.pump();
            let text = self.screen.text();
            if ok(&text) {
                return text;
            }
            let more = self.session.exp_any(vec![ReadUntil::NBytes(1)]);
            match more {
                Ok((_, s)) if Instant::now() < deadline => {
                    s.chars().for_each(|c| self.screen.feed(c as u32 as u8));
                }
                Ok(_) => panic!("waiting for {what}: timed out; the screen is:\n{text}"),
                Err(e) => panic!("waiting for {what}: {e}; the screen is:\n{text}"),
            }
        }
    }

    fn wait_text(&mut self, needle: &str) -> String {
        self.wait(&format!("{needle:?}"), |s| s.contains(needle))
    }

    /// Waits until the row with the cursor mark (▶) starts with `start`.
    fn wait_focus(&mut self, start: &str) -> String {
        let wanted = format!("▶ {start}");
        self.wait(&format!("the cursor on {start}"), |s| {
            s.lines().any(|l| l.starts_with(&wanted))
        })
    }

    /// Chooses KOM-2026-01, REAKSI-01 (phase post, first keying) on the Entry tab by letters.
    fn open_reaksi(&mut self) {
        self.send("2");
        self.wait_text("Jenis entri");
        self.send("K\tR\t\t\r");
    }

    /// Keys a whole form for the highlighted respondent and waits until it is saved.
    fn key_form(&mut self) {
        self.send("\r");
        self.wait_focus("R01");
        self.send(DIGITS);
        self.wait_focus("R22");
        self.send("\r\r\r");
        self.wait_text("tersimpan");
        self.wait_text(CHOOSING);
    }

    /// Leaves the entry screen with Esc, then quits. Ctrl-C, not q: on the entry setup Esc does nothing
    /// and q is taken as a choice letter (tests/entry.rs, `the_entry_tab_is_left_with_esc_and_q_quits`).
    fn quit(&mut self) {
        self.send("\x1b");
        self.wait_text("Jenis entri");
        self.send("\x03");
        self.session.exp_eof().expect("tilik quits");
    }

    /// Closes the terminal on tilik (SIGHUP, as when an SSH connection drops) and waits until it is gone.
    fn hang_up(mut self) {
        self.session
            .process_mut()
            .signal(Signal::SIGHUP)
            .expect("hang up");
        self.session.process().wait().expect("tilik is gone");
    }

    fn kill(mut self) {
        self.session
            .process_mut()
            .signal(Signal::SIGKILL)
            .expect("kill -9");
        self.session.process().wait().expect("tilik is gone");
    }
}

// ── The database ─────────────────────────────────────────────────────────────────────────────────────────

fn demo_db(home: &Path) -> PathBuf {
    let db = home.join("tilik.db");
    run(home, &db, &["init", "--demo"]);
    db
}

/// How many respondents the report counts for REAKSI-01 (post) of KOM-2026-01.
fn reaction_respondents(home: &Path, db: &Path) -> u64 {
    let out = run(home, db, &["report", "--program", KOM, "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("the report is JSON");
    report["reaction"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["instrument"] == "REAKSI-01" && r["phase"] == "post")
        .and_then(|r| r["respondents"].as_u64())
        .unwrap_or(0)
}

/// The draft (unfinished first keying) of REAKSI-01 and how many answers it holds.
fn drafts(db: &Path) -> Vec<(i64, i64)> {
    let conn = rusqlite::Connection::open(db).expect("open with rusqlite");
    let mut stmt = conn
        .prepare(
            "SELECT r.id, (SELECT count(*) FROM answer a WHERE a.response_id = r.id) FROM response r
             WHERE r.instrument_code = 'REAKSI-01' AND r.status = 'draft'",
        )
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("drafts")
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_clerk_keys_whole_forms_in_a_real_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let db = demo_db(home.path());
    let before = reaction_respondents(home.path(), &db);

    let mut tui = Tui::start(home.path(), &db);
    tui.open_reaksi();
    tui.wait_text(CHOOSING);
    tui.key_form();
    tui.key_form();
    tui.wait_text(&format!("{} formulir masuk", before + 2));
    tui.quit();

    assert_eq!(reaction_respondents(home.path(), &db), before + 2);
    assert!(drafts(&db).is_empty(), "both forms are complete");
}

#[test]
fn a_killed_terminal_loses_nothing_and_the_form_carries_on() {
    let home = tempfile::tempdir().expect("tempdir");
    let db = demo_db(home.path());
    let before = reaction_respondents(home.path(), &db);

    let mut tui = Tui::start(home.path(), &db);
    tui.open_reaksi();
    tui.wait_text(CHOOSING);
    tui.key_form();
    tui.key_form();
    // A third form, five answers in.
    tui.send("\r");
    tui.wait_focus("R01");
    let respondent = tui
        .screen
        .text()
        .lines()
        .find_map(|l| l.trim().strip_prefix("Responden: ").map(str::to_string))
        .expect("the respondent line");
    tui.send(&DIGITS[..5]);
    tui.wait_focus("R06");
    // On screen means in the database: each answer is written as it is accepted.
    tui.wait("the five answers in the database", |_| {
        drafts(&db).first().is_some_and(|d| d.1 == 5)
    });
    tui.kill();

    let mut tui = Tui::start(home.path(), &db);
    tui.open_reaksi();
    let screen = tui.wait_focus("R06");
    assert!(screen.contains("Melanjutkan formulir"), "{screen}");
    assert!(screen.contains(&respondent), "{respondent}\n{screen}");
    for (i, d) in DIGITS[..5].chars().enumerate() {
        let row = screen
            .lines()
            .find(|l| l.contains(&format!("R{:02} ", i + 1)))
            .expect("item row");
        assert!(row.contains(&format!("[{d}]")), "{row}");
    }
    tui.send(&DIGITS[5..]);
    tui.wait_focus("R22");
    tui.send("\r\r\r");
    tui.wait_text("tersimpan");
    tui.quit();

    assert_eq!(reaction_respondents(home.path(), &db), before + 3);
    assert!(drafts(&db).is_empty());
}

/// The long answer R22 of the REAKSI-01 form keyed last (by this test: the demo's are older), if it has
/// one.
fn last_r22(db: &Path) -> Option<String> {
    let conn = rusqlite::Connection::open(db).expect("open with rusqlite");
    conn.query_row(
        "SELECT a.value FROM response r JOIN answer a ON r.id = a.response_id AND a.item = 'R22'
         WHERE r.id = (SELECT max(id) FROM response WHERE instrument_code = 'REAKSI-01')",
        [],
        |r| r.get(0),
    )
    .ok()
}

#[test]
fn a_hangup_in_the_long_text_editor_keeps_the_text() {
    let home = tempfile::tempdir().expect("tempdir");
    let db = demo_db(home.path());

    let mut tui = Tui::start(home.path(), &db);
    tui.open_reaksi();
    tui.wait_text(CHOOSING);
    tui.send("\r");
    tui.wait_focus("R01");
    tui.send(DIGITS);
    tui.wait_focus("R22");
    // Typing opens the editor; two lines, not accepted yet.
    tui.send("Materi praktik sangat berguna\rterutama latihan kasus");
    tui.wait_text("terutama latihan kasus");
    tui.wait_text("Tulis:");
    assert_eq!(last_r22(&db), None, "the text is not an answer yet");
    tui.hang_up();

    let mut tui = Tui::start(home.path(), &db);
    tui.open_reaksi();
    let screen = tui.wait_text("terutama latihan kasus");
    assert!(screen.contains("Materi praktik sangat berguna"), "{screen}");
    assert!(
        screen.contains("Tulis:"),
        "the editor is open again:\n{screen}"
    );
    assert!(screen.contains("Melanjutkan formulir"), "{screen}");
    // Tab keeps the text and moves on; the form is saved with it.
    tui.send("\t");
    tui.wait_focus("R23");
    tui.send("\r\r");
    tui.wait_text("tersimpan");
    tui.quit();

    assert_eq!(
        last_r22(&db).as_deref(),
        Some("Materi praktik sangat berguna\nterutama latihan kasus")
    );
    assert!(drafts(&db).is_empty());
}
