//! Opening a database of an older schema from the command line and the interface (issue 8): tilik
//! copies it beside itself first, says so, then migrates.

use rexpect::session::{Options, spawn_with_options};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::Command;
use tilik::store::SCHEMA_VERSION;

const BIN: &str = env!("CARGO_BIN_EXE_tilik");

fn current_user() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid)
        .expect("password database")
        .expect("the test runs as a real account")
        .name
}

/// A database at the previous schema, with the account running the test as its admin and one OPD.
fn older_db(dir: &Path) -> PathBuf {
    let db = dir.join("tilik.db");
    tilik::store::create_at_version(&db, SCHEMA_VERSION - 1).expect("old schema");
    let conn = Connection::open(&db).expect("open");
    conn.execute(
        "INSERT INTO app_user (username, role, created_by, created_at, updated_by, updated_at)
         VALUES (?1, 'admin', ?1, '2026-01-05T01:00:00.000Z', ?1, '2026-01-05T01:00:00.000Z')",
        [current_user()],
    )
    .expect("admin");
    conn.execute_batch(
        "INSERT INTO opd (code, name, kind, created_by, created_at, updated_by, updated_at)
         VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', 'x', '2026-01-05T01:00:00.000Z',
                 'x', '2026-01-05T01:00:00.000Z');",
    )
    .expect("OPD");
    db
}

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

fn backups(dir: &Path) -> Vec<PathBuf> {
    let prefix = format!("tilik.db.bak-v{}-", SCHEMA_VERSION - 1);
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_command_on_an_older_database_says_where_the_copy_is() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = older_db(home.path());
    let out = pinned(Command::new(BIN), home.path())
        .arg("--db")
        .arg(&db)
        .args(["opd", "list", "--format", "csv"])
        .output()
        .expect("tilik runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("DINKES"));
    let copies = backups(home.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "tilik: basis data dimutakhirkan dari skema {} ke {SCHEMA_VERSION}; salinan sebelumnya: {}\n",
        SCHEMA_VERSION - 1,
        copies[0].display()
    );
    assert_eq!(stderr, expected);
    let copy = Connection::open(&copies[0]).expect("the copy opens");
    let version: i64 = copy
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, SCHEMA_VERSION - 1);

    // The second command finds the current schema: no copy, no message.
    let again = pinned(Command::new(BIN), home.path())
        .arg("--db")
        .arg(&db)
        .args(["opd", "list"])
        .output()
        .expect("tilik runs");
    assert!(again.status.success());
    assert!(
        again.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(backups(home.path()).len(), 1);
}

#[test]
fn the_interface_on_an_older_database_says_so_in_its_status_line() {
    let home = tempfile::tempdir().expect("temporary folder");
    let db = older_db(home.path());
    let mut cmd = pinned(Command::new("sh"), home.path());
    cmd.args(["-c", r#"stty cols 200 rows 24; exec "$0" --db "$1""#, BIN])
        .arg(&db)
        .env("TERM", "xterm-256color");
    let options = Options::new().timeout_ms(Some(30_000));
    let mut session = spawn_with_options(cmd, options).expect("tilik starts");
    // Once on stderr, before the interface takes the screen; then in the status line.
    session
        .exp_string("dimutakhirkan")
        .expect("stderr tells about the migration");
    session
        .exp_string("\x1b[?1049h")
        .expect("the interface takes the screen");
    session
        .exp_string("dimutakhirkan")
        .expect("the status line tells about the migration");
    session.send("\x03").expect("Ctrl-C");
    session.flush().expect("flush");
    let _ = session.exp_eof();
    assert_eq!(backups(home.path()).len(), 1);
}
