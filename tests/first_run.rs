//! The first run (issue 8): `tilik` where its database does not exist shows where it looked, why there, and
//! what a clerk and an admin do — and creates nothing.

use insta::assert_snapshot;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rexpect::session::{Options, spawn_with_options};
use std::path::Path;
use std::process::{Command, Output};
use tilik::app::first_run::{FirstRun, PathFrom};
use tilik::i18n::Lang;
use tilik::widgets::Theme;

const BIN: &str = env!("CARGO_BIN_EXE_tilik");

/// tilik with a pinned environment: Bahasa Indonesia, no `TILIK_DB`, config and data below `home`.
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

fn tilik(home: &Path, args: &[&str]) -> Output {
    pinned(Command::new(BIN), home)
        .args(args)
        .output()
        .expect("tilik runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_missing_database_named_by_db_is_explained_and_not_created() {
    let home = tempfile::tempdir().expect("dir");
    let db = home.path().join("kantor.db");
    let out = tilik(home.path(), &["--db", &db.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    assert!(text.contains("basis data belum ada"), "{text}");
    assert!(text.contains(&format!("  {}\n", db.display())), "{text}");
    assert!(text.contains("dari --db di baris perintah"), "{text}");
    assert!(text.contains("Minta admin"), "{text}");
    assert!(
        text.contains(&format!("  tilik --db {} init\n", db.display())),
        "{text}"
    );
    assert!(!text.contains("Tekan tombol"), "{text}");
    assert!(!db.exists());
}

#[test]
fn a_missing_database_from_tilik_db_or_the_config_or_the_default_says_where_it_came_from() {
    let home = tempfile::tempdir().expect("dir");
    let db = home.path().join("env.db");
    let out = pinned(Command::new(BIN), home.path())
        .env("TILIK_DB", &db)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("tilik runs");
    let text = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("from the environment variable TILIK_DB"),
        "{text}"
    );
    assert!(text.contains("  tilik init\n"), "{text}");
    assert!(!db.exists());

    let config = home.path().join("config/tilik");
    std::fs::create_dir_all(&config).expect("config dir");
    let from_config = home.path().join("cfg.db");
    std::fs::write(
        config.join("config.toml"),
        format!("db = \"{}\"\n", from_config.display()),
    )
    .expect("config");
    let text = stderr(&tilik(home.path(), &[]));
    assert!(
        text.contains(&format!("  {}\n", from_config.display())),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "berkas konfigurasi {}",
            config.join("config.toml").display()
        )),
        "{text}"
    );
    assert!(!from_config.exists());

    std::fs::remove_file(config.join("config.toml")).expect("removed");
    let text = stderr(&tilik(home.path(), &[]));
    assert!(text.contains("Path ini bawaan"), "{text}");
    assert!(!home.path().join("data/tilik/tilik.db").exists(), "{text}");
}

#[test]
fn the_first_run_page_shows_in_the_terminal_until_a_key_and_creates_nothing() {
    let home = tempfile::tempdir().expect("dir");
    let db = home.path().join("none.db");
    let mut cmd = pinned(Command::new("sh"), home.path());
    cmd.args(["-c", r#"stty cols 80 rows 24; exec "$0" --db "$1""#, BIN])
        .arg(&db)
        .env("TERM", "xterm-256color");
    let mut session = spawn_with_options(cmd, Options::new().timeout_ms(Some(15_000)))
        .expect("tilik starts in a pseudo-terminal");
    session
        .exp_string("untuk keluar")
        .expect("the page asks for a key");
    assert!(!db.exists());
    session.send("x").expect("a key");
    session.flush().expect("flush");
    // After the page closes, its text stays on the terminal.
    session.exp_string("init --demo").expect("the text stays");
    session.exp_eof().expect("tilik ends");
    assert!(!db.exists());
}

fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    (area.y..area.y + area.height)
        .map(|y| {
            let line: String = (area.x..area.x + area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.trim_end().to_string() + "\n"
        })
        .collect()
}

#[test]
fn first_run_page() {
    let page = FirstRun::new(
        Lang::Id,
        Path::new("/home/rina/.local/share/tilik/tilik.db"),
        &PathFrom::Default,
        Path::new("/etc/tilik/config.toml"),
        "/home/rina/.config/tilik/config.toml",
    );
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = Buffer::empty(area);
    page.render(area, &mut buf, Theme::from_env(Some("1".into())));
    assert_snapshot!("first_run_default", buffer_text(&buf));
    let server = FirstRun::new(
        Lang::En,
        Path::new("/var/lib/tilik/tilik.db"),
        &PathFrom::Enforced("/etc/tilik/config.toml".into()),
        Path::new("/etc/tilik/config.toml"),
        "",
    );
    let mut buf = Buffer::empty(area);
    server.render(area, &mut buf, Theme::from_env(Some("1".into())));
    assert_snapshot!("first_run_server_english", buffer_text(&buf));
}
