//! Reliability on a shared server (issue 6, "Reliability test suite"): many processes writing at once, lost
//! updates, `kill -9` in the middle of an import and of a form, signals to the terminal interface, hostile
//! text on other people's terminals, resizes, forged identities, the append-only audit trail, databases
//! from a newer tilik, backups while others write, read-only files and full disks.
//!
//! Every test runs the real `tilik` binary (or the library, for worker processes) on its own temporary
//! database, with the environment pinned as in `tests/cli.rs`. Terminal tests run tilik in a
//! pseudo-terminal and read the raw bytes it writes; a tiny screen emulator turns them into the screen a
//! clerk would see. Nothing here sleeps to synchronise: we wait for an expected output or condition with a
//! deadline (one test also waits for tilik's output to go quiet before it resizes the terminal, to stay
//! clear of the resize bug that `rapid_resizes_never_kill_the_interface` shows).
//!
//! Worker processes are this test binary started again on the ignored test [`worker_saves_opds`], told by
//! an environment variable which database to write to.

use nix::sys::signal::Signal;
use nix::sys::wait::WaitStatus;
use rexpect::process::PtyProcess;
use rusqlite::Connection;
use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::io::AsRawFd;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use unicode_width::UnicodeWidthChar;

const BIN: &str = env!("CARGO_BIN_EXE_tilik");

/// Tests that start many processes or measure how fast tilik reacts take this lock, so that they do not
/// run at the same time on a small machine (2 cores) and make each other's deadlines flaky.
static HEAVY: Mutex<()> = Mutex::new(());

fn heavy() -> MutexGuard<'static, ()> {
    HEAVY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

// ── Harness: databases and processes ─────────────────────────────────────────────────────────────────────

/// One temporary folder with one database path in it.
struct Db {
    dir: TempDir,
    path: PathBuf,
}

impl Db {
    /// A folder with no database yet.
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("tilik.db");
        Db { dir, path }
    }

    /// A freshly initialised, empty database (the account running the tests is its admin).
    fn init() -> Db {
        let db = Db::new();
        db.ok(&["init"]);
        db
    }

    /// A database with the demo data (200 ASN, OPD such as DINKES, programs such as KOM-2026-01).
    fn demo() -> Db {
        let db = Db::new();
        db.ok(&["init", "--demo"]);
        db
    }

    fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `tilik --db <db>` with a pinned environment, no arguments yet.
    fn command(&self) -> Command {
        tilik_command(self.dir(), &self.path)
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command()
            .args(args)
            .output()
            .expect("the tilik binary runs")
    }

    /// Runs, asserts exit status 0, returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "tilik {args:?} should succeed\n{}",
            describe(&out)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Writes a file into the test folder and returns its path.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir().join(name);
        std::fs::write(&path, bytes).expect("write input file");
        path
    }

    fn conn(&self) -> Connection {
        raw(&self.path)
    }

    fn count(&self, sql: &str) -> i64 {
        count(&self.path, sql)
    }
}

/// `tilik --db <db>` with the environment pinned: no `TILIK_DB`, no locale (Bahasa Indonesia), `HOME` and
/// `XDG_*` in the test folder so no user config is read.
fn tilik_command(home: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("TILIK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("NO_COLOR")
        .env("LANG", "C")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .current_dir(home)
        .arg("--db")
        .arg(db);
    cmd
}

fn describe(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A plain SQLite connection, outside tilik (no `tilik_user()` function, so audited tables cannot be
/// written through it — which is the point).
fn raw(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open the database with rusqlite");
    conn.busy_timeout(Duration::from_secs(30))
        .expect("busy timeout");
    conn
}

fn count(path: &Path, sql: &str) -> i64 {
    raw(path)
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// `PRAGMA integrity_check` of a database file, asserted to be "ok".
fn assert_integrity(path: &Path) {
    let conn = raw(path);
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .expect("integrity_check");
    let lines: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("integrity_check runs")
        .collect::<Result<_, _>>()
        .expect("integrity_check rows");
    assert_eq!(lines, vec!["ok".to_string()], "{}", path.display());
}

/// Polls `condition` until it holds or `limit` passes.
fn wait_until(limit: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if condition() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The name of the account running the tests, from the password database (what tilik must record).
fn real_user() -> String {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .expect("password database")
        .expect("the tests run as a real account")
        .name
}

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// The error report of a failed command is one plain sentence, never a panic or a debug dump.
fn assert_one_clear_sentence(err: &str) {
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "expected one line on stderr, got:\n{err}");
    assert!(lines[0].starts_with("tilik: "), "{err}");
    for bad in [
        "panicked",
        "backtrace",
        "RUST_BACKTRACE",
        "Error {",
        "Os {",
        "kind:",
        "Sqlite",
        "unwrap",
        "SqliteFailure",
    ] {
        assert!(
            !err.contains(bad),
            "stderr must not contain {bad:?}:\n{err}"
        );
    }
}

// ── Harness: participant files ───────────────────────────────────────────────────────────────────────────

/// A small deterministic generator (no randomness between runs).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// `n` distinct valid PNS NIPs: birth 1970–1999, TMT CPNS 20–25 years later, gender 1/2, sequence 001–999.
fn valid_nips(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Lcg(seed);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let year = rng.range(1970, 1999);
        let nip = format!(
            "{year:04}{:02}{:02}{:04}{:02}{}{:03}",
            rng.range(1, 12),
            rng.range(1, 28),
            year + rng.range(20, 25),
            rng.range(1, 12),
            rng.range(1, 2),
            rng.range(1, 999)
        );
        if seen.insert(nip.clone()) {
            out.push(nip);
        }
    }
    out
}

/// A participant CSV of `n` valid rows in 20 units.
fn participants_csv(n: usize, seed: u64) -> String {
    let mut csv = String::from("nip,nama,jabatan,golongan,unit\n");
    for (i, nip) in valid_nips(n, seed).iter().enumerate() {
        csv.push_str(&format!(
            "{nip},Peserta Nomor {i},Pelaksana,III/a,Dinas Uji {}\n",
            i % 20
        ));
    }
    csv
}

// ── Harness: worker processes ────────────────────────────────────────────────────────────────────────────

/// `<database>|<worker number>|<saves>`; set only in worker processes.
const WORKER_ENV: &str = "TILIK_RELIABILITY_WORKER";
const WORKER_TEST: &str = "worker_saves_opds";

/// Not a test: the body of a worker process. Waits until every worker is ready, then saves OPDs through
/// the library, each save its own transaction, and panics (non-zero exit, message on stderr) on the first
/// error. Prints when it started and finished saving (microseconds since the epoch).
#[test]
#[ignore = "worker process, started by the concurrency tests with TILIK_RELIABILITY_WORKER set"]
fn worker_saves_opds() {
    use tilik::domain::opd::{OpdDraft, OpdKind};
    use tilik::domain::user::Username;
    use tilik::store::{OpenMode, Store};
    let Ok(spec) = std::env::var(WORKER_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.split('|').collect();
    let [db, worker, saves, barrier] = parts[..] else {
        panic!("bad {WORKER_ENV}: {spec}");
    };
    let worker: usize = worker.parse().expect("worker number");
    let saves: usize = saves.parse().expect("number of saves");
    let barrier = Path::new(barrier);
    let user = Username::parse(&real_user()).expect("account name");
    let mut store =
        Store::open(Path::new(db), user, OpenMode::Existing).expect("worker opens the database");
    File::create(barrier.join(format!("ready-{worker}"))).expect("say ready");
    assert!(
        wait_until(Duration::from_secs(30), || barrier.join("go").exists()),
        "worker {worker}: no go"
    );
    let start = epoch_micros();
    for i in 0..saves {
        let input = OpdDraft {
            code: format!("W{worker}-{i}"),
            name: format!("Unit Pekerja {worker} Nomor {i}"),
            kind: OpdKind::Kantor,
            ..Default::default()
        }
        .parse()
        .expect("a valid OPD");
        if let Err(e) = store.add_opd(&input) {
            panic!("worker {worker}, save {i}: {e}");
        }
    }
    println!("active={start}..{}", epoch_micros());
}

fn epoch_micros() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_micros()
}

/// Starts `n` worker processes, each making `saves` saves into `db`, and lets them start their saves at
/// the same moment once all are ready.
fn spawn_workers(db: &Path, n: usize, saves: usize) -> Workers {
    let exe = std::env::current_exe().expect("the test binary");
    let barrier = tempfile::tempdir().expect("barrier folder");
    let mut workers: Vec<Child> = (0..n)
        .map(|w| {
            Command::new(&exe)
                .args([
                    WORKER_TEST,
                    "--exact",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(
                    WORKER_ENV,
                    format!("{}|{w}|{saves}|{}", db.display(), barrier.path().display()),
                )
                .env_remove("RUST_BACKTRACE")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start a worker process")
        })
        .collect();
    let ready = wait_until(Duration::from_secs(30), || {
        (0..n).all(|w| barrier.path().join(format!("ready-{w}")).exists())
            || workers
                .iter_mut()
                .any(|c| c.try_wait().ok().flatten().is_some())
    });
    assert!(ready, "the workers never got ready");
    File::create(barrier.path().join("go")).expect("go");
    Workers {
        children: workers,
        _barrier: barrier,
    }
}

/// Worker processes and the folder through which they start together.
struct Workers {
    children: Vec<Child>,
    _barrier: TempDir,
}

/// Waits for every worker and asserts that each exited 0 with nothing on stderr. Returns when each was
/// saving (microseconds since the epoch).
fn assert_workers_succeed(workers: Workers) -> Vec<(u128, u128)> {
    let mut active = Vec::new();
    for (w, child) in workers.children.into_iter().enumerate() {
        let out = child.wait_with_output().expect("wait for a worker");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && err.trim().is_empty(),
            "worker {w} reported an error\n{}",
            describe(&out)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("1 passed"),
            "worker {w} did not run its saves:\n{stdout}"
        );
        let span = stdout
            .split("active=")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|span| span.split_once(".."))
            .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
            .unwrap_or_else(|| panic!("worker {w} did not say when it saved:\n{stdout}"));
        active.push(span);
    }
    active
}

// ── Harness: a pseudo-terminal and a tiny screen emulator ────────────────────────────────────────────────

/// Everything the program wrote to its terminal, and whether the terminal closed.
#[derive(Default)]
struct Captured {
    bytes: Vec<u8>,
    closed: bool,
}

/// tilik's terminal interface running in a pseudo-terminal.
struct Tui {
    process: PtyProcess,
    master: File,
    captured: Arc<(Mutex<Captured>, Condvar)>,
    /// The terminal sizes so far: from which byte of the output on, how many columns and rows.
    sizes: Vec<(usize, u16, u16)>,
}

const TUI_WAIT: Duration = Duration::from_secs(10);

impl Tui {
    /// Starts `tilik --db <db>` (the interface) in a terminal of `cols` x `rows`.
    fn start(db: &Db, cols: u16, rows: u16) -> Tui {
        // The size is set inside the terminal before tilik starts, so its first frame already fits.
        let mut cmd = Command::new("sh");
        cmd.args([
            "-c",
            r#"stty cols "$1" rows "$2" && shift 2 && exec "$0" "$@""#,
            BIN,
            &cols.to_string(),
            &rows.to_string(),
            "--db",
        ])
        .arg(&db.path)
        .env_remove("TILIK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("NO_COLOR")
        .env("LANG", "C")
        .env("TERM", "xterm-256color")
        .env("HOME", db.dir())
        .env("XDG_CONFIG_HOME", db.dir().join("config"))
        .env("XDG_DATA_HOME", db.dir().join("data"))
        .current_dir(db.dir());
        let mut process = PtyProcess::new(cmd).expect("start tilik in a pseudo-terminal");
        process.set_kill_timeout(Some(3000));
        let master = process.get_file_handle().expect("terminal handle");
        let mut reader = master.try_clone().expect("terminal reader");
        let mut answer = master.try_clone().expect("terminal writer");
        let captured = Arc::new((Mutex::new(Captured::default()), Condvar::new()));
        let sink = Arc::clone(&captured);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut answered = 0;
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let (lock, cv) = &*sink;
                let mut c = lock.lock().expect("capture lock");
                if n == 0 {
                    c.closed = true;
                    cv.notify_all();
                    return;
                }
                c.bytes.extend_from_slice(&buf[..n]);
                // Like a real terminal, answer "where is the cursor?" (DSR 6); a full-screen program
                // only uses the answer as a starting point, so the top-left corner will do.
                let query = b"\x1b[6n";
                while let Some(at) = c.bytes[answered..]
                    .windows(query.len())
                    .position(|w| w == query)
                {
                    answered += at + query.len();
                    let _ = answer.write_all(b"\x1b[1;1R");
                }
                answered = answered.max(c.bytes.len().saturating_sub(query.len() - 1));
                cv.notify_all();
            }
        });
        Tui {
            process,
            master,
            captured,
            sizes: vec![(0, cols, rows)],
        }
    }

    fn send(&mut self, keys: &str) {
        self.master
            .write_all(keys.as_bytes())
            .expect("write to the terminal");
        self.master.flush().expect("flush the terminal");
    }

    /// Presses the number of the tab called `label` in the tab bar (" 1 Program  2 Pegawai  3 OPD …"), so
    /// that the tests do not depend on the order of the tabs.
    fn go_tab(&mut self, label: &str) {
        let screen = self.wait_screen(&format!("the tab bar with {label}"), |s| {
            tab_number(s, label).is_some()
        });
        let key = tab_number(&screen, label).expect("tab number");
        self.send(&key);
    }

    /// Waits until the program has written nothing for a moment: whatever it was drawing is finished.
    fn settle(&self) {
        let quiet = Duration::from_millis(300);
        let deadline = Instant::now() + TUI_WAIT;
        let (lock, cv) = &*self.captured;
        let mut guard = lock.lock().expect("capture lock");
        loop {
            let seen = guard.bytes.len();
            let (next, timeout) = cv.wait_timeout(guard, quiet).expect("wait");
            guard = next;
            if timeout.timed_out() && guard.bytes.len() == seen {
                return;
            }
            assert!(Instant::now() < deadline, "tilik never stopped drawing");
        }
    }

    /// Everything written so far.
    fn raw(&self) -> Vec<u8> {
        self.captured.0.lock().expect("capture lock").bytes.clone()
    }

    /// The screen as a clerk sees it now.
    fn screen(&self) -> String {
        self.replay(&self.raw())
    }

    /// Plays the output into a screen, changing its size where the terminal's size changed.
    fn replay(&self, raw: &[u8]) -> String {
        let (_, cols, rows) = self.sizes[0];
        let mut screen = Screen::new(cols, rows);
        let mut at = 0;
        for &(from, cols, rows) in &self.sizes[1..] {
            let from = from.min(raw.len());
            screen.feed(&raw[at..from]);
            screen.resize(cols, rows);
            at = from;
        }
        screen.feed(&raw[at..]);
        screen.text()
    }

    /// Waits until the screen satisfies `what`, or fails showing the screen.
    fn wait_screen(&self, label: &str, what: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TUI_WAIT;
        let (lock, cv) = &*self.captured;
        let mut guard = lock.lock().expect("capture lock");
        loop {
            let text = self.replay(&guard.bytes);
            if what(&text) {
                return text;
            }
            let now = Instant::now();
            if guard.closed || now >= deadline {
                let tail = plain_tail(&guard.bytes);
                if let Ok(d) = std::env::var("TILIK_PTY_DUMP") {
                    let _ = std::fs::write(d, &guard.bytes);
                }
                drop(guard);
                panic!(
                    "waiting for {label}: {}; the screen is:\n{text}\n--- last output, without escapes ---\n{tail}",
                    if now >= deadline {
                        "timed out"
                    } else {
                        "the terminal closed"
                    }
                );
            }
            guard = cv.wait_timeout(guard, deadline - now).expect("wait").0;
        }
    }

    fn wait_text(&self, needle: &str) -> String {
        self.wait_screen(&format!("{needle:?} on screen"), |s| s.contains(needle))
    }

    /// Changes the terminal size; the kernel tells tilik with SIGWINCH.
    fn resize(&mut self, cols: u16, rows: u16) {
        let size = nix::libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let since = self.raw().len();
        // SAFETY: TIOCSWINSZ reads one `winsize` from a valid pointer; the descriptor is our terminal.
        let rc = unsafe {
            nix::libc::ioctl(
                self.master.as_raw_fd(),
                nix::libc::TIOCSWINSZ,
                &size as *const nix::libc::winsize,
            )
        };
        assert_eq!(rc, 0, "TIOCSWINSZ failed");
        self.sizes.push((since, cols, rows));
    }

    fn signal(&mut self, signal: Signal) {
        self.process.signal(signal).expect("send a signal");
    }

    /// Waits until the terminal closes (the process is gone), at most `limit`; returns how the process
    /// ended and how long it took, or `None` when it is still running.
    fn wait_exit(&self, limit: Duration) -> Option<(WaitStatus, Duration)> {
        let start = Instant::now();
        let deadline = start + limit;
        let (lock, cv) = &*self.captured;
        let mut guard = lock.lock().expect("capture lock");
        while !guard.closed {
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            guard = cv.wait_timeout(guard, deadline - now).expect("wait").0;
        }
        drop(guard);
        let status = self.process.wait().expect("waitpid");
        Some((status, start.elapsed()))
    }

    /// Whether the process is still running.
    fn alive(&self) -> bool {
        matches!(self.process.status(), Some(WaitStatus::StillAlive))
    }

    /// Whether the terminal is back in line mode (canonical input), as a shell expects it.
    fn canonical(&self) -> bool {
        let attrs = nix::sys::termios::tcgetattr(&self.master).expect("tcgetattr");
        attrs
            .local_flags
            .contains(nix::sys::termios::LocalFlags::ICANON)
    }
}

/// The key of the tab called `label` in the tab bar, the first line of the screen.
fn tab_number(screen: &str, label: &str) -> Option<String> {
    let words: Vec<&str> = screen.lines().next()?.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| w[1] == label && w[0].len() == 1 && w[0].chars().all(|c| c.is_ascii_digit()))
        .map(|w| w[0].to_string())
}

/// The last output as text, escape sequences removed (to show a panic message printed after the
/// terminal was restored).
fn plain_tail(raw: &[u8]) -> String {
    let from = raw.len().saturating_sub(12_000);
    let text = String::from_utf8_lossy(&raw[from..]).into_owned();
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.next() == Some('[') {
                for n in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&n) {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Just enough of a terminal to know what is on screen: cursor moves, clears, text. Colours and modes are
/// ignored. What is drawn stays in a large grid when the window shrinks, and shows again when it grows.
struct Screen {
    cols: usize,
    rows: usize,
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
}

const GRID_COLS: usize = 256;
const GRID_ROWS: usize = 100;

impl Screen {
    fn new(cols: u16, rows: u16) -> Screen {
        let mut screen = Screen {
            cols: 1,
            rows: 1,
            cells: vec![vec![' '; GRID_COLS]; GRID_ROWS],
            row: 0,
            col: 0,
        };
        screen.resize(cols, rows);
        screen
    }

    /// The window changes size; what was drawn stays where it was.
    fn resize(&mut self, cols: u16, rows: u16) {
        self.cols = usize::from(cols).clamp(1, GRID_COLS);
        self.rows = usize::from(rows).clamp(1, GRID_ROWS);
        self.row = self.row.min(self.rows - 1);
        self.col = self.col.min(self.cols - 1);
    }

    fn feed(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        let mut chars = text.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '\x1b' => match chars.next() {
                    Some('[') => {
                        let mut params = String::new();
                        let mut last = None;
                        for n in chars.by_ref() {
                            if ('\x40'..='\x7e').contains(&n) {
                                last = Some(n);
                                break;
                            }
                            params.push(n);
                        }
                        self.csi(&params, last);
                    }
                    Some(']') => {
                        while let Some(n) = chars.next() {
                            if n == '\x07' {
                                break;
                            }
                            if n == '\x1b' {
                                chars.next();
                                break;
                            }
                        }
                    }
                    _ => {}
                },
                '\r' => self.col = 0,
                '\n' => self.row = (self.row + 1).min(self.rows - 1),
                c if c.is_control() => {}
                c => {
                    let width = c.width().unwrap_or(0);
                    if width == 0 {
                        continue;
                    }
                    if self.row < self.rows && self.col < self.cols {
                        self.cells[self.row][self.col] = c;
                        if width == 2 && self.col + 1 < self.cols {
                            self.cells[self.row][self.col + 1] = '\0';
                        }
                    }
                    self.col += width;
                }
            }
        }
    }

    fn csi(&mut self, params: &str, last: Option<char>) {
        let nums: Vec<usize> = params
            .split(';')
            .map(|p| p.trim_start_matches('?').parse().unwrap_or(0))
            .collect();
        let n = |i: usize| nums.get(i).copied().filter(|v| *v > 0).unwrap_or(1);
        match last {
            Some('H' | 'f') => {
                self.row = (n(0) - 1).min(self.rows - 1);
                self.col = n(1) - 1;
            }
            Some('J') if params == "2" || params == "3" => {
                for line in &mut self.cells {
                    line.fill(' ');
                }
            }
            Some('J') if params.is_empty() || params == "0" => {
                self.erase_line_from_cursor();
                for line in self.cells.iter_mut().skip(self.row + 1) {
                    line.fill(' ');
                }
            }
            Some('K') if params.is_empty() || params == "0" => self.erase_line_from_cursor(),
            Some('A') => self.row = self.row.saturating_sub(n(0)),
            Some('B') => self.row = (self.row + n(0)).min(self.rows - 1),
            Some('C') => self.col += n(0),
            Some('D') => self.col = self.col.saturating_sub(n(0)),
            Some('G') => self.col = n(0) - 1,
            _ => {}
        }
    }

    fn erase_line_from_cursor(&mut self) {
        let from = self.col.min(self.cols);
        if let Some(line) = self.cells.get_mut(self.row) {
            line[from..].fill(' ');
        }
    }

    fn text(&self) -> String {
        self.cells[..self.rows]
            .iter()
            .map(|l| {
                l[..self.cols]
                    .iter()
                    .filter(|c| **c != '\0')
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Control sequences and characters in terminal output that tilik itself does not send: any OSC, any ESC
/// that is not a plain CSI sequence of the kinds a full-screen program uses, C0 controls other than CR and
/// LF, DEL, C1 controls and bidirectional overrides. Returns a description of each.
fn foreign_controls(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\x1b' => {
                if chars.get(i + 1) == Some(&'[') {
                    let mut j = i + 2;
                    while j < chars.len() && !('\x40'..='\x7e').contains(&chars[j]) {
                        j += 1;
                    }
                    let seq: String = chars[i..(j + 1).min(chars.len())].iter().collect();
                    let params: String = chars[(i + 2).min(j)..j.min(chars.len())].iter().collect();
                    let last = chars.get(j).copied();
                    let plain = params.chars().all(|p| p.is_ascii_digit() || p == ';');
                    let private = params.starts_with('?')
                        && params[1..].chars().all(|p| p.is_ascii_digit() || p == ';');
                    let ok = match last {
                        Some('H' | 'm' | 'K' | 'A' | 'B' | 'C' | 'D' | 'G') => plain,
                        Some('J' | 'n') => plain,
                        Some('h' | 'l') => private,
                        Some('q') => params.ends_with(' ') || plain,
                        _ => false,
                    };
                    if !ok {
                        found.push(format!("{seq:?}"));
                    }
                    i = j + 1;
                } else {
                    let seq: String = chars[i..(i + 8).min(chars.len())].iter().collect();
                    found.push(format!("{seq:?}"));
                    i += 2;
                }
                continue;
            }
            '\r' | '\n' => {}
            c if c < ' ' || c == '\x7f' => found.push(format!("{c:?}")),
            '\u{80}'..='\u{9f}' => found.push(format!("C1 {c:?}")),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
                found.push(format!("bidi {c:?}"));
            }
            _ => {}
        }
        i += 1;
    }
    found
}

fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The stored draft of the new-OPD form, if any.
fn opd_draft(db: &Db) -> Option<String> {
    db.conn()
        .query_row(
            "SELECT payload FROM draft WHERE form = 'opd' AND record_key = ''",
            [],
            |r| r.get(0),
        )
        .ok()
}

/// Opens the interface on the demo database, goes to the OPD screen and opens the new-OPD form.
fn open_new_opd_form(db: &Db) -> Tui {
    let mut tui = Tui::start(db, 80, 24);
    tui.wait_text("KOM-2026-01");
    tui.go_tab("OPD");
    tui.wait_text("DINKES");
    tui.send("n");
    tui.wait_screen("the new-OPD form", |s| {
        s.contains("Kode") && s.contains("Berlaku")
    });
    tui
}

// ── 1. Many writers at once ──────────────────────────────────────────────────────────────────────────────

#[test]
fn eight_processes_times_250_saves_all_arrive() {
    let _serial = heavy();
    let db = Db::init();
    let start = Instant::now();
    let workers = spawn_workers(&db.path, 8, 250);
    let active = assert_workers_succeed(workers);
    eprintln!("8 x 250 saves took {:?}", start.elapsed());
    // All eight were saving at the same time: the last to start started before the first to finish ended.
    let last_start = active.iter().map(|a| a.0).max().expect("workers");
    let first_end = active.iter().map(|a| a.1).min().expect("workers");
    assert!(
        last_start < first_end,
        "the workers did not write at the same time: {active:?}"
    );
    let turns = db.count(
        "SELECT count(*) FROM (SELECT substr(code, 1, 2) AS w, \
         lag(substr(code, 1, 2)) OVER (ORDER BY id) AS prev FROM opd) WHERE w <> prev",
    );
    eprintln!("in commit order, the lock changed hands {turns} times");
    assert_eq!(db.count("SELECT count(*) FROM opd"), 2000);
    assert_eq!(
        db.count("SELECT count(DISTINCT name) FROM opd WHERE name LIKE 'Unit Pekerja %'"),
        2000
    );
    for w in 0..8 {
        assert_eq!(
            db.count(&format!(
                "SELECT count(*) FROM opd WHERE name LIKE 'Unit Pekerja {w} Nomor %'"
            )),
            250,
            "worker {w}"
        );
    }
    assert_integrity(&db.path);
    assert_eq!(
        db.count("SELECT count(*) FROM audit WHERE tbl = 'opd' AND op = 'insert'"),
        2000
    );
    let who: String = db
        .conn()
        .query_row(
            "SELECT group_concat(DISTINCT username) FROM audit WHERE tbl = 'opd'",
            [],
            |r| r.get(0),
        )
        .expect("audit users");
    assert_eq!(who, real_user());
}

// ── 2. Lost update ───────────────────────────────────────────────────────────────────────────────────────

#[test]
fn the_second_of_two_edits_from_the_same_version_is_refused() {
    use tilik::domain::opd::OpdDraft;
    use tilik::domain::user::Username;
    use tilik::store::{OpenMode, Store, StoreError};

    let db = Db::demo();
    let open = |name: &str| {
        Store::open(
            &db.path,
            Username::parse(name).expect("name"),
            OpenMode::Existing,
        )
        .expect("open")
    };
    let mut first = open("klerk1");
    let mut second = open("klerk2");

    let row = first
        .opds()
        .expect("opds")
        .into_iter()
        .find(|r| r.opd.code == "DINKES")
        .expect("the demo has DINKES")
        .opd;
    let seen_by_second = second.opd(row.id).expect("second reads the same OPD");
    assert_eq!(seen_by_second.stamp.version, row.stamp.version);

    let edit = |opd: &tilik::domain::opd::Opd, name: &str| {
        OpdDraft {
            name: name.to_string(),
            ..OpdDraft::from(opd)
        }
        .parse()
        .expect("valid")
    };
    let updates = |db: &Db| {
        db.count(&format!(
            "SELECT count(*) FROM audit WHERE tbl = 'opd' AND op = 'update' AND row_id = {}",
            row.id.0
        ))
    };
    let audit_before = db.count("SELECT count(*) FROM audit");

    let v1 = first
        .update_opd(
            row.id,
            row.stamp.version,
            &edit(&row, "Dinas Kesehatan Kota (klerk1)"),
        )
        .expect("the first save goes through");
    assert_eq!(updates(&db), 1);

    let refused = second.update_opd(
        row.id,
        seen_by_second.stamp.version,
        &edit(&seen_by_second, "Dinas Kesehatan Kota (klerk2)"),
    );
    match refused {
        Err(StoreError::Conflict { by, .. }) => assert_eq!(by, "klerk1"),
        other => panic!("the second save must be refused as a conflict, got {other:?}"),
    }
    let stored = second.opd(row.id).expect("read back");
    assert_eq!(stored.name, "Dinas Kesehatan Kota (klerk1)");
    assert_eq!(stored.stamp.version, v1);
    assert_eq!(stored.stamp.updated_by, "klerk1");
    assert_eq!(
        db.count("SELECT count(*) FROM audit"),
        audit_before + 1,
        "a refused save writes nothing to the audit trail"
    );

    // Knowingly saving over the newer version is a second change, with its own audit row.
    second
        .update_opd(
            row.id,
            stored.stamp.version,
            &edit(&stored, "Dinas Kesehatan Kota (klerk2)"),
        )
        .expect("a save from the current version goes through");
    assert_eq!(updates(&db), 2);
    let by: Vec<String> = {
        let conn = db.conn();
        let mut stmt = conn
            .prepare("SELECT username FROM audit WHERE tbl = 'opd' AND op = 'update' AND row_id = ?1 ORDER BY id")
            .expect("prepare");
        stmt.query_map([row.id.0], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert_eq!(by, vec!["klerk1".to_string(), "klerk2".to_string()]);
}

// ── 3. kill -9 during an import ──────────────────────────────────────────────────────────────────────────

/// When to kill the import: a description and a condition on (pid, wal size).
type Moment = (&'static str, fn(u32, u64) -> bool);

fn has_db_open(pid: u32, db_name: &str) -> bool {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|entries| {
            entries.flatten().any(|e| {
                std::fs::read_link(e.path())
                    .is_ok_and(|t| t.file_name().is_some_and(|n| n == db_name))
            })
        })
        .unwrap_or(false)
}

#[test]
fn kill_9_during_an_import_leaves_all_or_nothing() {
    let _serial = heavy();
    const ROWS: usize = 20_000;
    let dir = tempfile::tempdir().expect("folder");
    let csv = dir.path().join("peserta.csv");
    std::fs::write(&csv, participants_csv(ROWS, 3)).expect("write csv");
    let moments: [Moment; 4] = [
        ("as soon as it has the database open", |pid, _| {
            has_db_open(pid, "tilik.db")
        }),
        ("once the import writes (WAL > 0)", |_, wal| wal > 0),
        ("in the middle (WAL > 6 MB)", |_, wal| wal > 6_000_000),
        ("late (WAL > 14 MB)", |_, wal| wal > 14_000_000),
    ];
    let mut interrupted = 0;
    for (label, moment) in moments {
        let db = Db::demo();
        let old = db.count("SELECT count(*) FROM asn");
        let wal = PathBuf::from(format!("{}-wal", db.path.display()));
        let mut child = db
            .command()
            .args(["import", "participants"])
            .arg(&csv)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the import");
        let pid = child.id();
        let reached = wait_until(Duration::from_secs(20), || {
            let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
            moment(pid, size) || child.try_wait().ok().flatten().is_some()
        });
        assert!(reached, "{label}: never reached");
        let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid as i32), Signal::SIGKILL);
        let status = child.wait().expect("wait");
        let killed = status.signal() == Some(Signal::SIGKILL as i32);
        if !killed {
            assert!(status.success(), "{label}: the import failed: {status:?}");
        }

        assert_integrity(&db.path);
        let now = db.count("SELECT count(*) FROM asn");
        assert!(
            now == old || now == old + ROWS as i64,
            "{label}: {now} ASN after kill -9; expected {old} or {} (all or nothing)",
            old + ROWS as i64
        );
        let opds = db.count("SELECT count(*) FROM opd WHERE name LIKE 'Dinas Uji %'");
        assert!(
            (now == old && opds == 0) || (now != old && opds == 20),
            "{label}: {opds} new OPDs with {now} ASN"
        );
        db.ok(&["check"]);
        if killed && now == old {
            interrupted += 1;
        }
        eprintln!("kill -9 {label}: killed={killed}, ASN {old} -> {now}");
    }
    assert!(
        interrupted >= 2,
        "the import finished before it could be killed; make the file bigger"
    );
}

// ── 4. kill -9 during a form ─────────────────────────────────────────────────────────────────────────────

#[test]
fn kill_9_during_a_form_keeps_the_draft_for_the_next_session() {
    let _serial = heavy();
    let db = Db::demo();
    let mut tui = open_new_opd_form(&db);
    tui.send("UJI9\tLembagaKetahananUji\t");
    let stored = wait_until(TUI_WAIT, || {
        opd_draft(&db).is_some_and(|d| d.contains("LembagaKetahananUji"))
    });
    assert!(
        stored,
        "leaving the name field must store a draft; draft: {:?}\nscreen:\n{}",
        opd_draft(&db),
        tui.screen()
    );
    tui.signal(Signal::SIGKILL);
    let (status, _) = tui.wait_exit(Duration::from_secs(5)).expect("killed");
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
        "{status:?}"
    );
    drop(tui);
    assert_integrity(&db.path);

    let mut again = Tui::start(&db, 80, 24);
    again.wait_text("KOM-2026-01");
    again.go_tab("OPD");
    again.wait_text("DINKES");
    again.send("n");
    let screen = again.wait_screen("the restored draft", |s| {
        s.contains("LembagaKetahananUji") && s.contains("dipulihkan")
    });
    assert!(screen.contains("UJI9"), "{screen}");
    again.send("\x1b");
}

// ── 5, 6. SIGHUP and SIGTERM mid-form ────────────────────────────────────────────────────────────────────

/// Types into the code field of a new-OPD form without leaving it, sends `signal`, and checks that tilik
/// exits within 2 s and keeps what was typed. Returns the terminal for further checks.
fn signal_mid_form(db: &Db, signal: Signal, typed: &str) -> Tui {
    let mut tui = open_new_opd_form(db);
    tui.send(typed);
    tui.wait_text(typed);
    assert!(opd_draft(db).is_none(), "no draft before the signal");
    tui.signal(signal);
    let Some((status, took)) = tui.wait_exit(Duration::from_secs(2)) else {
        panic!(
            "tilik did not exit within 2 s of {signal}; screen:\n{}",
            tui.screen()
        );
    };
    assert!(
        matches!(status, WaitStatus::Exited(..)),
        "tilik must handle {signal} and exit by itself, not die of it: {status:?}"
    );
    eprintln!("{signal}: exited in {took:?} with {status:?}");
    let draft = opd_draft(db).unwrap_or_else(|| panic!("no draft kept after {signal}"));
    assert!(draft.contains(typed), "{draft}");
    tui
}

/// After tilik is gone, another process writes at once: no lock is left behind.
fn assert_others_can_write_at_once(db: &Db) {
    let conn = raw(&db.path);
    conn.busy_timeout(Duration::ZERO).expect("no busy wait");
    conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")
        .expect("the write lock is free at once");
    drop(conn);
    let start = Instant::now();
    db.ok(&["user", "add", "klerkbaru", "--role", "viewer"]);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(2), "user add took {took:?}");
    assert_eq!(
        db.count("SELECT count(*) FROM app_user WHERE username = 'klerkbaru'"),
        1
    );
}

#[test]
fn sighup_mid_form_exits_keeps_the_draft_and_frees_the_database() {
    let _serial = heavy();
    let db = Db::demo();
    let tui = signal_mid_form(&db, Signal::SIGHUP, "HUPKODE7");
    drop(tui);
    assert_others_can_write_at_once(&db);
    assert_integrity(&db.path);
}

#[test]
fn sigterm_mid_form_exits_restores_the_terminal_and_keeps_the_draft() {
    let _serial = heavy();
    let db = Db::demo();
    let tui = signal_mid_form(&db, Signal::SIGTERM, "TERMKODE8");
    let raw = tui.raw();
    let enter = b"\x1b[?1049h";
    let leave = b"\x1b[?1049l";
    let last_leave = raw
        .windows(leave.len())
        .rposition(|w| w == leave)
        .unwrap_or_else(|| panic!("the alternate screen was never left"));
    let last_enter = raw
        .windows(enter.len())
        .rposition(|w| w == enter)
        .expect("the alternate screen was used");
    assert!(last_leave > last_enter);
    let tail = String::from_utf8_lossy(&raw[last_leave + leave.len()..]).into_owned();
    let rest = tail
        .replace("\x1b[?25h", "")
        .replace("\x1b[?2004l", "")
        .replace("\x1b[0m", "");
    assert!(
        rest.trim().is_empty(),
        "nothing may follow the restore sequences: {tail:?}"
    );
    assert!(
        tail.contains("\x1b[?25h"),
        "the cursor is shown again: {tail:?}"
    );
    assert!(
        tui.canonical(),
        "the terminal is back in line mode (raw mode off)"
    );
    drop(tui);
    assert_others_can_write_at_once(&db);
}

#[test]
fn sigint_mid_form_exits_and_keeps_the_draft() {
    let _serial = heavy();
    let db = Db::demo();
    let tui = signal_mid_form(&db, Signal::SIGINT, "INTKODE9");
    assert!(tui.canonical(), "the terminal is back in line mode");
}

// ── 7. Terminal safety ───────────────────────────────────────────────────────────────────────────────────

/// Names carrying what a hostile clerk could type: colour, clear screen, OSC 0 title, OSC 52 clipboard,
/// an 8-bit CSI and a right-to-left override.
const HOSTILE: [&str; 6] = [
    "Nakal Satu\x1b[31mMERAH",
    "Nakal Dua\x1b[2JBersih",
    "Nakal Tiga\x1b]0;JUDUL\x07",
    "Nakal Empat\x1b]52;c;cGF3bmVk\x07",
    "Nakal Lima\u{9b}2J",
    "Nakal Enam\u{202e}Balik",
];

fn import_hostile(db: &Db) {
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["nip", "nama", "jabatan", "golongan", "unit"])
        .expect("csv");
    for (nip, name) in valid_nips(HOSTILE.len(), 7).iter().zip(HOSTILE) {
        csv.write_record([nip.as_str(), name, "Pelaksana", "III/a", "Dinas Uji"])
            .expect("csv");
    }
    let path = db.file("nakal.csv", &csv.into_inner().expect("csv bytes"));
    db.ok(&["import", "participants", path.to_str().expect("utf-8 path")]);
}

/// The raw sequences that must never reach a terminal.
const INJECTED: [(&str, &str); 6] = [
    ("\x1b[31mMERAH", "SGR colour"),
    ("\x1b[2JBersih", "clear screen"),
    ("\x1b]0;JUDUL", "OSC 0 title"),
    ("\x1b]52;", "OSC 52 clipboard"),
    ("\u{9b}", "C1 CSI"),
    ("\u{202e}", "RLO"),
];

#[test]
fn hostile_names_are_shown_as_placeholders_in_cli_tables() {
    let db = Db::init();
    import_hostile(&db);
    let table = db.ok(&["participant", "list"]);
    for (seq, what) in INJECTED {
        assert!(
            !table.contains(seq),
            "{what} reached the terminal:\n{table:?}"
        );
    }
    assert!(
        !table.bytes().any(|b| b == 0x1b || b == 0x07),
        "raw ESC/BEL in the table:\n{table:?}"
    );
    assert_eq!(foreign_controls(table.as_bytes()), Vec::<String>::new());
    for shown in [
        "␛[31mMERAH",
        "␛[2JBersih",
        "␛]0;JUDUL␇",
        "␛]52;c;cGF3bmVk␇",
        "Lima�2J",
        "Enam⇄Balik",
    ] {
        assert!(table.contains(shown), "{shown} is visible:\n{table}");
    }
}

#[test]
fn hostile_names_are_shown_as_placeholders_in_the_interface() {
    let _serial = heavy();
    let db = Db::demo();
    import_hostile(&db);
    // Wide enough that no name is cut short.
    let mut tui = Tui::start(&db, 200, 50);
    tui.wait_text("KOM-2026-01");
    tui.go_tab("Pegawai");
    tui.wait_screen("the ASN screen", |s| s.contains("NIP"));
    tui.send("nakal");
    let screen = tui.wait_screen("every hostile name found", |s| {
        ["Satu", "Dua", "Tiga", "Empat", "Lima", "Enam"]
            .iter()
            .all(|n| s.contains(&format!("Nakal {n}")))
    });
    for shown in [
        "␛[31mMERAH",
        "␛[2JBersih",
        "␛]0;JUDUL␇",
        "␛]52;c;cGF3bmVk␇",
        "Lima�2J",
        "Enam⇄Balik",
    ] {
        assert!(screen.contains(shown), "{shown} is visible:\n{screen}");
    }
    leave_asn_search(&mut tui);
    tui.go_tab("Program");
    tui.wait_text("KOM-2026-01");
    tui.send("q");
    let (status, _) = tui.wait_exit(Duration::from_secs(5)).expect("q quits");
    assert_eq!(status, WaitStatus::Exited(status_pid(&status), 0));

    let raw = tui.raw();
    for (seq, what) in INJECTED {
        assert!(
            !contains_bytes(&raw, seq.as_bytes()),
            "{what} ({seq:?}) reached the terminal"
        );
    }
    assert!(
        contains_bytes(&raw, "␛[31mMERAH".as_bytes()),
        "MERAH is preceded by the ␛[31m placeholder"
    );
    assert_eq!(
        foreign_controls(&raw),
        Vec::<String>::new(),
        "only tilik's own control sequences reach the terminal"
    );
}

/// Esc on the ASN screen ends the search; the next key must wait for it, or the terminal reads the pair
/// as Alt+key.
fn leave_asn_search(tui: &mut Tui) {
    tui.send("\x1b");
    tui.wait_screen("the search to end", |s| {
        let help = last_line(s);
        !help.trim().is_empty() && !help.contains("Selesai mencari")
    });
}

/// The bottom line of a screen (the help bar), drawn last in every frame.
fn last_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// Whether a whole frame has arrived: the tab bar at the top and the help bar at the bottom.
fn complete(screen: &str) -> bool {
    screen
        .lines()
        .next()
        .is_some_and(|l| l.contains("1 Program"))
        && !last_line(screen).trim().is_empty()
}

fn status_pid(status: &WaitStatus) -> nix::unistd::Pid {
    status.pid().expect("a process status")
}

// ── 8. Resizes ───────────────────────────────────────────────────────────────────────────────────────────

/// The sizes the issue names, then random ones (the same every run).
fn resize_sizes(seed: u64, random: usize) -> Vec<(u16, u16)> {
    let mut rng = Lcg(seed);
    let mut sizes: Vec<(u16, u16)> = vec![(1, 1), (40, 10), (79, 23), (80, 24), (200, 60)];
    sizes.extend((0..random).map(|_| (rng.range(1, 220) as u16, rng.range(1, 70) as u16)));
    sizes
}

/// Goes to the next screen of the tour: programs, ASN, OPD, a form on top of the OPD list.
fn tour_step(tui: &mut Tui, step: &str) {
    match step {
        "asn" => {
            tui.go_tab("Pegawai");
            tui.wait_text("Cari NIP");
        }
        "opd" => {
            leave_asn_search(tui);
            tui.go_tab("OPD");
            tui.wait_text("DINKES");
        }
        "form" => {
            tui.send("n");
            tui.wait_text("Berlaku");
        }
        _ => {}
    }
}

/// Back at 80x24 after resizing: a whole frame is drawn, then the form is left, and `q` on the first
/// screen quits with status 0 — the interface still answers keys.
fn back_to_normal_and_quit(mut tui: Tui) {
    tui.resize(80, 24);
    tui.wait_screen("a full screen at 80x24", |s| {
        !s.contains("terlalu kecil") && complete(s)
    });
    tui.send("\x1b");
    tui.wait_screen("the OPD list", |s| s.contains("DINKES"));
    tui.go_tab("Program");
    tui.wait_text("KOM-2026-01");
    tui.send("q");
    let (status, _) = tui.wait_exit(Duration::from_secs(5)).expect("q quits");
    assert_eq!(status, WaitStatus::Exited(status_pid(&status), 0));
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    assert!(!raw.contains("panicked"), "{raw}");
}

#[test]
fn every_screen_draws_at_every_size_in_a_real_terminal() {
    let _serial = heavy();
    let db = Db::demo();
    let mut tui = Tui::start(&db, 80, 24);
    tui.wait_text("KOM-2026-01");
    let sizes = resize_sizes(2026, 8);
    for step in ["programs", "asn", "opd", "form"] {
        tour_step(&mut tui, step);
        // Resize only once tilik has finished drawing what it loaded: a redraw for any other reason between
        // a size change and its resize event hits the bug `rapid_resizes_never_kill_the_interface` shows.
        tui.settle();
        for &(cols, rows) in &sizes {
            let before = tui.raw().len();
            tui.resize(cols, rows);
            // Wait for the frame of this size before the next change.
            if cols < 80 || rows < 24 {
                if cols >= 40 && rows >= 8 {
                    let now = format!("sekarang {cols}x{rows}");
                    tui.wait_screen(&format!("the too-small notice at {cols}x{rows}"), |s| {
                        s.split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .contains(&now)
                    });
                } else {
                    let grew = wait_until(TUI_WAIT, || tui.raw().len() > before);
                    assert!(grew, "nothing drawn at {cols}x{rows} on {step}");
                }
            } else {
                tui.wait_screen(&format!("a whole frame at {cols}x{rows} on {step}"), |s| {
                    complete(s) && !s.contains("terlalu kecil")
                });
            }
            assert!(tui.alive(), "tilik died at {cols}x{rows} on {step}");
        }
        tui.resize(80, 24);
        tui.wait_screen(&format!("a full screen at 80x24 on {step}"), |s| {
            !s.contains("terlalu kecil") && complete(s)
        });
    }
    back_to_normal_and_quit(tui);
}

#[test]
fn rapid_resizes_never_kill_the_interface() {
    let _serial = heavy();
    let db = Db::demo();
    let mut tui = Tui::start(&db, 80, 24);
    tui.wait_text("KOM-2026-01");
    let mut rng = Lcg(7);
    for step in ["programs", "asn", "opd", "form"] {
        tour_step(&mut tui, step);
        // A clerk dragging a window corner: a random size, and at once a smaller one; each pair is drawn
        // before the next.
        for _ in 0..40 {
            let before = tui.raw().len();
            let big = (rng.range(81, 220) as u16, rng.range(25, 70) as u16);
            let small = (
                rng.range(80, u64::from(big.0)) as u16,
                rng.range(24, u64::from(big.1)) as u16,
            );
            tui.resize(big.0, big.1);
            tui.resize(small.0, small.1);
            let drawn = wait_until(TUI_WAIT, || tui.raw().len() > before || !tui.alive());
            assert!(drawn, "nothing drawn after resizing on {step}");
            assert!(
                tui.alive(),
                "tilik died resizing to {}x{} then {}x{} on {step}:\n{}",
                big.0,
                big.1,
                small.0,
                small.1,
                plain_tail(&tui.raw())
            );
        }
        tui.resize(80, 24);
        tui.wait_screen(&format!("a full screen at 80x24 on {step}"), |s| {
            !s.contains("terlalu kecil") && complete(s)
        });
    }
    back_to_normal_and_quit(tui);
}

// ── 9. Identity ──────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn forged_user_variables_do_not_change_the_recorded_account() {
    let db = Db::init();
    let me = real_user();
    assert_ne!(me, "someone-else");
    let out = db
        .command()
        .env("USER", "someone-else")
        .env("LOGNAME", "someone-else")
        .args(["user", "add", "tamu", "--role", "viewer"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", describe(&out));
    let csv = db.file("p.csv", participants_csv(3, 11).as_bytes());
    let out = db
        .command()
        .env("USER", "someone-else")
        .env("LOGNAME", "someone-else")
        .args(["import", "participants"])
        .arg(&csv)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", describe(&out));

    let text = db.ok(&["audit", "--format", "json", "--limit", "1000"]);
    assert!(!text.contains("someone-else"), "{text}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text).expect("json");
    assert!(
        rows.iter()
            .any(|r| r["table"] == "app_user"
                && r["new"].as_str().is_some_and(|n| n.contains("tamu"))),
        "the user add is audited:\n{text}"
    );
    assert!(rows.iter().any(|r| r["table"] == "asn"), "{text}");
    for r in &rows {
        assert_eq!(r["username"], serde_json::Value::from(me.as_str()), "{r}");
    }
    assert_eq!(
        db.count("SELECT count(*) FROM asn WHERE created_by <> (SELECT username FROM app_user WHERE role = 'admin')"),
        0
    );
}

// ── 10. The audit trail is append-only ───────────────────────────────────────────────────────────────────

#[test]
fn the_audit_trail_refuses_update_and_delete() {
    let db = Db::demo();
    let conn = db.conn();
    let before: i64 = conn
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("count");
    assert!(before > 0);
    let update = conn.execute("UPDATE audit SET username = 'penyusup'", []);
    assert!(update.is_err(), "UPDATE on audit must fail");
    let delete = conn.execute("DELETE FROM audit", []);
    assert!(delete.is_err(), "DELETE on audit must fail");
    let one = conn.execute(
        "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
        [],
    );
    assert!(one.is_err(), "deleting one row must fail too");
    drop(conn);
    assert_eq!(db.count("SELECT count(*) FROM audit"), before);
    assert_eq!(
        db.count("SELECT count(*) FROM audit WHERE username = 'penyusup'"),
        0
    );
}

// ── 11. A database from a newer tilik ────────────────────────────────────────────────────────────────────

#[test]
fn a_database_from_a_newer_tilik_is_refused_and_left_alone() {
    let db = Db::demo();
    let newer = tilik::store::SCHEMA_VERSION + 1;
    {
        let conn = db.conn();
        let written: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(written, tilik::store::SCHEMA_VERSION);
        conn.pragma_update(None, "user_version", newer)
            .expect("set version");
    }
    let before = std::fs::read(&db.path).expect("read db");
    let backup = db.dir().join("cadangan.db");
    let backup_arg = backup.to_str().expect("utf-8").to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec![],
        vec!["init"],
        vec!["participant", "list"],
        vec!["opd", "list", "--format", "json"],
        vec!["user", "add", "baru", "--role", "viewer"],
        vec!["audit"],
        vec!["check"],
        vec!["backup", &backup_arg],
    ];
    for args in &commands {
        let out = db
            .command()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run");
        assert_ne!(
            out.status.code(),
            Some(0),
            "tilik {args:?}\n{}",
            describe(&out)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("lebih baru"),
            "tilik {args:?} must say the database is from a newer tilik:\n{err}"
        );
        assert_one_clear_sentence(&err);
    }
    let out = db
        .command()
        .args(["--lang", "en", "participant", "list"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer tilik"));
    assert!(!backup.exists(), "no backup of a refused database");
    assert_eq!(
        std::fs::read(&db.path).expect("read db"),
        before,
        "the file is unchanged"
    );
    assert_eq!(
        count(&db.path, "PRAGMA user_version"),
        newer,
        "the version is untouched"
    );
}

// ── 12. Backups while others write ───────────────────────────────────────────────────────────────────────

#[test]
fn backups_taken_during_concurrent_writes_are_sound() {
    let _serial = heavy();
    let db = Db::init();
    let workers = spawn_workers(&db.path, 4, 250);
    assert!(
        wait_until(Duration::from_secs(20), || {
            db.count("SELECT count(*) FROM opd") > 0
        }),
        "the workers never wrote"
    );
    let mut backups = Vec::new();
    let mut during = 0;
    for i in 0..3 {
        let file = db.dir().join(format!("cadangan-{i}.db"));
        db.ok(&["backup", file.to_str().expect("utf-8")]);
        backups.push(file);
        if count(&db.path, "SELECT count(*) FROM opd") < 1000 {
            during += 1;
        }
    }
    assert_workers_succeed(workers);
    assert!(
        during > 0,
        "the workers finished before the backups; the test proves nothing"
    );
    let mut last = 0;
    for file in &backups {
        assert_integrity(file);
        let copy = tilik_command(db.dir(), file)
            .arg("check")
            .output()
            .expect("check");
        assert!(
            copy.status.success(),
            "tilik check on {}\n{}",
            file.display(),
            describe(&copy)
        );
        let n = count(file, "SELECT count(*) FROM opd");
        let audited = count(
            file,
            "SELECT count(*) FROM audit WHERE tbl = 'opd' AND op = 'insert'",
        );
        assert_eq!(n, audited, "each backup is one consistent snapshot");
        eprintln!("{}: {n} OPDs", file.display());
        assert!(n >= last && n <= 1000, "{n} OPDs in {}", file.display());
        last = n;
    }
    assert_eq!(db.count("SELECT count(*) FROM opd"), 1000);
    assert_integrity(&db.path);
}

// ── 13. Read-only database, full disk ────────────────────────────────────────────────────────────────────

fn mode(path: &Path, bits: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).expect("chmod");
}

#[test]
fn a_read_only_database_gives_one_clear_sentence_and_keeps_the_data() {
    // As root, permissions do not stop us: tilik runs as `nobody`, which can read but not write.
    let as_other = if is_root() {
        match nix::unistd::User::from_name("nobody") {
            Ok(Some(u)) => Some(u),
            _ => {
                eprintln!(
                    "SKIPPED: running as root and there is no account `nobody` to run tilik as"
                );
                return;
            }
        }
    } else {
        None
    };
    let db = Db::demo();
    if let Some(user) = &as_other {
        db.ok(&["user", "add", &user.name, "--role", "admin"]);
    }
    // An existing account, so that `user add` has nothing to warn about.
    let other_account = ["daemon", "bin", "sys"]
        .into_iter()
        .find(|n| matches!(nix::unistd::User::from_name(n), Ok(Some(_))))
        .unwrap_or("nobody")
        .to_string();
    let small = db.file("sedikit.csv", participants_csv(5, 13).as_bytes());
    mode(&small, 0o644);
    mode(db.dir(), 0o755);
    let folder = db.dir().join("data");
    std::fs::create_dir(&folder).expect("folder");
    let path = folder.join("ro.db");
    std::fs::rename(&db.path, &path).expect("move db");
    let before = std::fs::read(&path).expect("read");
    let asn_before = count(&path, "SELECT count(*) FROM asn");
    assert!(!PathBuf::from(format!("{}-wal", path.display())).exists());

    // Both a read-only file in a read-only folder and a read-only file in a folder tilik may write to.
    for folder_mode in [0o555, 0o777] {
        mode(&path, 0o444);
        mode(&folder, folder_mode);
        for args in [
            vec!["import", "participants", small.to_str().expect("utf-8")],
            vec!["user", "add", &other_account, "--role", "viewer"],
        ] {
            let mut cmd = tilik_command(db.dir(), &path);
            cmd.args(&args);
            if let Some(user) = &as_other {
                cmd.uid(user.uid.as_raw()).gid(user.gid.as_raw());
            }
            let out = cmd.output().expect("run");
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            eprintln!("read-only ({folder_mode:o}) {args:?}: {}", err.trim());
            assert_ne!(out.status.code(), Some(0), "{}", describe(&out));
            assert_one_clear_sentence(&err);
            assert!(
                err.contains("hanya bisa dibaca") || err.contains("izin"),
                "the message should say the database cannot be written (permissions):\n{err}"
            );
        }
        mode(&folder, 0o755);
        mode(&path, 0o644);
        assert_eq!(std::fs::read(&path).expect("read"), before, "data intact");
        for leftover in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{leftover}", path.display()));
        }
    }
    assert_eq!(count(&path, "SELECT count(*) FROM asn"), asn_before);
    assert_integrity(&path);
}

/// A small tmpfs, unmounted when dropped.
struct SmallDisk {
    dir: TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Result<SmallDisk, String> {
        if !is_root() {
            return Err("not running as root, cannot mount a small file system".into());
        }
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "mount -t tmpfs failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(SmallDisk { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

#[test]
fn a_full_disk_gives_a_clear_message_and_writes_nothing_half() {
    let disk = match SmallDisk::mount("6m") {
        Ok(d) => d,
        Err(why) => {
            eprintln!("SKIPPED full-disk test: {why}");
            return;
        }
    };
    let home = tempfile::tempdir().expect("folder");
    let db_path = disk.dir.path().join("tilik.db");
    let init = tilik_command(home.path(), &db_path)
        .args(["init", "--demo"])
        .output()
        .expect("init");
    assert!(init.status.success(), "{}", describe(&init));
    let old = count(&db_path, "SELECT count(*) FROM asn");
    let audit_old = count(&db_path, "SELECT count(*) FROM audit");
    let csv = home.path().join("banyak.csv");
    std::fs::write(&csv, participants_csv(5_000, 17)).expect("csv");

    // Fill the disk, then leave a little room so the database opens but the import cannot fit.
    let filler = disk.dir.path().join("isi");
    {
        let mut f = File::create(&filler).expect("filler");
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
        let len = f.metadata().expect("len").len();
        f.set_len(len.saturating_sub(256 * 1024)).expect("truncate");
    }
    let out = tilik_command(home.path(), &db_path)
        .args(["import", "participants"])
        .arg(&csv)
        .output()
        .expect("import");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    eprintln!("full disk: {}", err.trim());
    assert_ne!(out.status.code(), Some(0), "{}", describe(&out));
    assert_one_clear_sentence(&err);
    assert!(err.contains("disk penuh"), "{err}");

    std::fs::remove_file(&filler).expect("free the disk");
    assert_integrity(&db_path);
    assert_eq!(count(&db_path, "SELECT count(*) FROM asn"), old);
    assert_eq!(count(&db_path, "SELECT count(*) FROM audit"), audit_old);
    let check = tilik_command(home.path(), &db_path)
        .arg("check")
        .output()
        .expect("check");
    assert!(check.status.success(), "{}", describe(&check));
}
