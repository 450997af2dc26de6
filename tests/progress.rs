//! Progress on long work, and Ctrl-C during it (issue 8, "Ready for an agency"): a bar with counts and
//! time left on a terminal, nothing extra when standard error is piped, and an interrupted job leaves
//! nothing half-written.

use nix::sys::wait::WaitStatus;
use rexpect::process::Signal;
use rexpect::session::{Options, PtySession, spawn_with_options};
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tilik");

/// A command with a pinned environment (no user config, Bahasa Indonesia).
fn pinned(mut cmd: Command, home: &Path) -> Command {
    cmd.env_remove("TILIK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
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
    cmd.output().expect("tilik runs")
}

fn ok(home: &Path, db: &Path, args: &[&str]) -> Output {
    let out = run(home, db, args);
    assert!(
        out.status.success(),
        "tilik {args:?}: {:?}\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `n` valid participants (distinct NIPs) in a few units.
fn participants_csv(n: usize) -> String {
    let mut csv = String::from("nip,nama,jabatan,golongan,unit\n");
    let units = [
        "Dinas Kesehatan",
        "Badan Pendapatan Daerah",
        "Dinas Pendidikan",
    ];
    for i in 0..n {
        let seq = i % 999 + 1;
        let d = i / 999;
        let (day, month, year) = (d % 28 + 1, (d / 28) % 12 + 1, 1970 + (d / 336) % 26);
        let gender = 1 + i % 2;
        let nip = format!("{year}{month:02}{day:02}{}01{gender}{seq:03}", year + 25);
        let unit = units[i % units.len()];
        csv.push_str(&format!(
            "{nip},Budi Santoso,Analis Kepegawaian,III/b,{unit}\n"
        ));
    }
    csv
}

/// The number of participants in the database.
fn participant_count(home: &Path, db: &Path) -> usize {
    let out = ok(home, db, &["participant", "list", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    rows.as_array().map_or(0, Vec::len)
}

/// Starts `tilik ARGS…` in a pseudo-terminal, so that standard error is a terminal.
fn in_terminal(home: &Path, args: &[&str]) -> PtySession {
    let mut cmd = pinned(Command::new(BIN), home);
    cmd.args(args).env("TERM", "xterm-256color");
    let options = Options::new().timeout_ms(Some(60_000));
    spawn_with_options(cmd, options).expect("tilik starts in a pseudo-terminal")
}

/// Sends SIGINT (what Ctrl-C sends) and returns the exit status.
fn interrupt(mut session: PtySession) -> i32 {
    session
        .process_mut()
        .signal(Signal::SIGINT)
        .expect("kill -INT");
    let _ = session.exp_eof();
    match session.process().wait().expect("tilik ends") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("tilik did not exit by itself: {other:?}"),
    }
}

#[test]
fn a_piped_demo_at_scale_writes_no_progress() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    let out = ok(home.path(), &db, &["init", "--demo", "--scale", "600"]);
    assert!(
        out.stderr.is_empty(),
        "stderr must stay empty when piped: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("600 pegawai"));
}

#[test]
fn a_piped_import_and_backup_write_no_progress() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    ok(home.path(), &db, &["init"]);
    let file = home.path().join("peserta.csv");
    std::fs::write(&file, participants_csv(500)).expect("write");
    let out = ok(home.path(), &db, &["import", "participants", "peserta.csv"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(participant_count(home.path(), &db), 500);
    let out = ok(home.path(), &db, &["backup", "copy.db"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(home.path().join("copy.db").is_file());
}

#[test]
fn a_terminal_sees_a_bar_with_counts() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    ok(home.path(), &db, &["init"]);
    std::fs::write(home.path().join("peserta.csv"), participants_csv(3000)).expect("write");
    let db_arg = db.to_string_lossy().into_owned();
    let mut session = in_terminal(
        home.path(),
        &["--db", &db_arg, "import", "participants", "peserta.csv"],
    );
    // The label, then the total of the stage (every row counted twice: written, then linked).
    session.exp_string("baris").expect("a progress bar");
    session
        .exp_string("6.000")
        .or_else(|_| session.exp_string("6,000"))
        .expect("the total");
    session
        .exp_string("3000 pegawai baru")
        .expect("the summary");
    let _ = session.exp_eof();
    assert_eq!(participant_count(home.path(), &db), 3000);
}

#[test]
fn ctrl_c_during_an_import_leaves_the_database_unchanged() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    ok(home.path(), &db, &["init"]);
    std::fs::write(home.path().join("first.csv"), participants_csv(10)).expect("write");
    ok(home.path(), &db, &["import", "participants", "first.csv"]);
    std::fs::write(home.path().join("peserta.csv"), participants_csv(150_000)).expect("write");
    let db_arg = db.to_string_lossy().into_owned();
    let mut session = in_terminal(
        home.path(),
        &["--db", &db_arg, "import", "participants", "peserta.csv"],
    );
    // Wait until the import is writing (the bar shows), then press Ctrl-C.
    session.exp_string("baris").expect("the import is writing");
    let code = interrupt(session);
    assert_eq!(code, 130, "exit status after Ctrl-C");
    assert_eq!(
        participant_count(home.path(), &db),
        10,
        "nothing of the import was kept"
    );
    let check = ok(home.path(), &db, &["check"]);
    assert!(check.stderr.is_empty());
}

#[test]
fn ctrl_c_during_the_demo_at_scale_leaves_no_database() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    let db_arg = db.to_string_lossy().into_owned();
    let mut session = in_terminal(
        home.path(),
        &["--db", &db_arg, "init", "--demo", "--scale", "300000"],
    );
    session
        .exp_string("pegawai")
        .expect("the demo is being written");
    let code = interrupt(session);
    assert_eq!(code, 130, "exit status after Ctrl-C");
    let left: Vec<_> = std::fs::read_dir(home.path())
        .expect("folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("tilik.db"))
        .collect();
    assert!(
        left.is_empty(),
        "a database this run created is removed: {left:?}"
    );
}

#[test]
fn ctrl_c_during_the_demo_on_an_existing_database_keeps_it_as_it_was() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    ok(home.path(), &db, &["init"]);
    let db_arg = db.to_string_lossy().into_owned();
    let mut session = in_terminal(
        home.path(),
        &["--db", &db_arg, "init", "--demo", "--scale", "300000"],
    );
    session
        .exp_string("pegawai")
        .expect("the demo is being written");
    let code = interrupt(session);
    assert_eq!(code, 130);
    assert_eq!(participant_count(home.path(), &db), 0);
    let programs = ok(home.path(), &db, &["program", "list", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&programs.stdout).trim(), "[]");
}

#[test]
fn report_and_export_files_are_replaced_whole_and_leave_no_temporary_file() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    ok(home.path(), &db, &["init", "--demo"]);
    std::fs::write(home.path().join("laporan.html"), "old").expect("write");
    let out = ok(
        home.path(),
        &db,
        &[
            "report",
            "--program",
            "KOM-2026-01",
            "--format",
            "html",
            "-o",
            "laporan.html",
        ],
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(home.path().join("laporan.html")).expect("read");
    assert!(
        html.contains("</html>"),
        "the whole report replaced the old file"
    );
    let out = ok(
        home.path(),
        &db,
        &["export", "siasn", "--year", "2026", "-o", "siasn.csv"],
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(home.path().join("siasn.csv")).expect("read");
    assert!(csv.starts_with("nip,"), "{csv}");
    let temporary: Vec<String> = std::fs::read_dir(home.path())
        .expect("folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(temporary.is_empty(), "{temporary:?}");
}

#[test]
fn ctrl_c_during_a_backup_leaves_no_file() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = home.path().join("tilik.db");
    ok(home.path(), &db, &["init", "--demo", "--scale", "6000"]);
    let mut cmd = pinned(Command::new(BIN), home.path());
    let mut child = cmd
        .arg("--db")
        .arg(&db)
        .args(["backup", "copy.db"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("tilik starts");
    // Wait until the copy is being written (its temporary file appears), then press Ctrl-C.
    let copying = |dir: &Path| {
        std::fs::read_dir(dir).is_ok_and(|entries| {
            entries
                .filter_map(|e| e.ok())
                .any(|e| e.file_name().to_string_lossy().starts_with(".copy.db.tmp-"))
        })
    };
    while !copying(home.path()) {
        assert!(
            child.try_wait().expect("status").is_none(),
            "the backup ended before its copy was seen"
        );
        std::thread::yield_now();
    }
    let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("pid"));
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).expect("kill -INT");
    let out = child.wait_with_output().expect("tilik ends");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<String> = std::fs::read_dir(home.path())
        .expect("folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("copy.db"))
        .collect();
    assert!(left.is_empty(), "nothing of the copy is left: {left:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tilik: dihentikan sebelum selesai; tidak ada yang ditulis\n"
    );
}
