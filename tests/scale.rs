//! `tilik init --demo --scale N`: a synthetic organisation and its training history, deterministic for
//! a given N, in proportion to N, valid by tilik's own rules, and audited again once loaded.

use chrono::NaiveDate;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tilik::domain::instrument::Definition;
use tilik::domain::nip::{EmployeeKind, Nip};

fn tilik(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tilik"))
        .env_remove("TILIK_DB")
        .env("LANG", "C")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the tilik binary runs")
}

fn scaled(dir: &Path, name: &str, n: u32) -> PathBuf {
    let db = dir.join(name);
    let out = tilik(dir, &db, &["init", "--demo", "--scale", &n.to_string()]);
    assert!(
        out.status.success(),
        "init failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn one<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> T {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A fingerprint of everything generated (not of the times it was written at).
fn fingerprint(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).expect("open");
    [
        "SELECT group_concat(nip || name || jabatan || coalesce(atasan_id, 0), ',') FROM (SELECT * FROM asn ORDER BY id)",
        "SELECT group_concat(code || start_date || end_date || status, ',') FROM (SELECT * FROM program ORDER BY id)",
        "SELECT group_concat(program_id || '-' || asn_id || coalesce(completion, ''), ',') FROM (SELECT * FROM enrollment ORDER BY id)",
        "SELECT count(*) || '/' || sum(length(value)) || '/' || sum(length(value) * (response_id % 97) + unicode(value)) FROM answer",
        "SELECT count(*) || '/' || sum(pre) || '/' || sum(post) FROM test_score",
        "SELECT count(*) || '' FROM followup",
    ]
    .iter()
    .map(|sql| one::<String>(&conn, sql))
    .collect()
}

#[test]
fn the_same_n_gives_the_same_database() {
    let dir = tempfile::tempdir().expect("dir");
    let a = scaled(dir.path(), "a.db", 700);
    let b = scaled(dir.path(), "b.db", 700);
    assert_eq!(fingerprint(&a), fingerprint(&b));
    let c = scaled(dir.path(), "c.db", 701);
    assert_ne!(fingerprint(&a), fingerprint(&c), "another N, other people");
}

#[test]
fn a_scaled_organisation_is_valid_and_in_proportion() {
    let dir = tempfile::tempdir().expect("dir");
    let n = 3000;
    let db = scaled(dir.path(), "s.db", n);
    let conn = Connection::open(&db).expect("open");

    // N people with valid, different NIPs; everyone but the heads of OPD has an atasan in their OPD.
    assert_eq!(one::<i64>(&conn, "SELECT count(*) FROM asn"), i64::from(n));
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let mut stmt = conn.prepare("SELECT nip FROM asn").expect("query");
    let nips: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("nips");
    for nip in &nips {
        Nip::parse(nip, EmployeeKind::Pns, today).unwrap_or_else(|e| panic!("{nip}: {e:?}"));
    }
    let opds: i64 = one(&conn, "SELECT count(*) FROM opd WHERE valid_to IS NULL");
    assert_eq!(
        one::<i64>(&conn, "SELECT count(*) FROM asn WHERE atasan_id IS NULL"),
        opds
    );
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT count(*) FROM asn a JOIN asn s ON s.id = a.atasan_id WHERE s.opd_id <> a.opd_id"
        ),
        0
    );
    // No pengawas with more than about fifteen staff.
    let widest: i64 = one(
        &conn,
        "SELECT max(c) FROM (SELECT count(*) c FROM asn GROUP BY atasan_id)",
    );
    assert!(widest <= 40, "{widest} people under one atasan");

    // About one program per 30 ASN a year, over three years, besides the usual demo's seven.
    let programs: i64 = one(&conn, "SELECT count(*) FROM program");
    let expected = i64::from(n) / 30 * 3 + 7;
    assert_eq!(programs, expected);
    let years: i64 = one(
        &conn,
        "SELECT count(DISTINCT substr(start_date, 1, 4)) FROM program",
    );
    assert!(years >= 3);
    // Finished programs have their participants' completion, forms and scores; later ones do not.
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT count(*) FROM program p WHERE status IN ('selesai', 'dievaluasi')
               AND NOT EXISTS (SELECT 1 FROM response r WHERE r.program_id = p.id AND r.instrument_code = 'REAKSI-01')"
        ),
        0
    );
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT count(*) FROM enrollment e JOIN program p ON p.id = e.program_id
              WHERE p.status IN ('direncanakan', 'berjalan') AND e.completion IS NOT NULL"
        ),
        0
    );
    let enrollments: i64 = one(&conn, "SELECT count(*) FROM enrollment");
    assert!(enrollments > programs * 15, "{enrollments} enrollments");
    for code in [
        "REAKSI-01",
        "OBS-KOMUNIKASI",
        "OBS-WAKTU",
        "OBS-PELAYANAN",
        "OBS-KEPEMIMPINAN",
        "WAWANCARA-ATASAN",
        "DIRI-PERILAKU",
    ] {
        let forms: i64 = conn
            .query_row(
                "SELECT count(*) FROM response WHERE instrument_code = ?1",
                [code],
                |r| r.get(0),
            )
            .expect("count");
        assert!(forms > 10, "{code}: {forms} forms");
    }
    // Follow-up observations are dated after their program, baselines before it.
    assert_eq!(
        one::<i64>(
            &conn,
            "SELECT count(*) FROM response r JOIN answer a ON a.response_id = r.id AND a.item = 'TGL'
               JOIN program p ON p.id = r.program_id
              WHERE (r.phase = 'pre' AND a.value >= p.start_date)
                 OR (r.phase IN ('f1', 'f2', 'f3') AND a.value <= p.end_date)"
        ),
        0
    );
    // Every answer is one its instrument allows, as typed into the entry form.
    let mut stmt = conn
        .prepare(
            "SELECT i.definition, a.item, a.value FROM answer a JOIN response r ON r.id = a.response_id
               JOIN instrument i ON i.id = r.instrument_id
              WHERE r.program_id IN (SELECT id FROM program WHERE code GLOB '*-[0-9][0-9][0-9]')",
        )
        .expect("query");
    let mut defs: std::collections::HashMap<String, Definition> = Default::default();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .expect("rows");
    let mut checked = 0;
    for row in rows {
        let (json, item, value) = row.expect("row");
        let def = defs
            .entry(json.clone())
            .or_insert_with(|| serde_json::from_str(&json).expect("definition"));
        let item = def
            .item(&item)
            .unwrap_or_else(|| panic!("{}: no item {item}", def.code));
        assert_eq!(
            item.parse_answer(&value, false),
            Ok(Some(value.clone())),
            "{} {}",
            def.code,
            item.code.as_str()
        );
        checked += 1;
    }
    assert!(checked > 10_000, "{checked} answers");
    let out = tilik(dir.path(), &db, &["check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // The triggers are back: a change made now is audited.
    let before: i64 = one(&conn, "SELECT count(*) FROM audit");
    let out = tilik(
        dir.path(),
        &db,
        &[
            "program",
            "add",
            "--code",
            "BARU-2027-01",
            "--name",
            "Pelatihan baru",
            "--type",
            "teknis",
            "--start",
            "11/01/2027",
            "--end",
            "12/01/2027",
            "--jp",
            "16",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(one::<i64>(&conn, "SELECT count(*) FROM audit") > before);
}

#[test]
fn scale_needs_demo_and_a_sensible_n() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("x.db");
    for args in [
        &["init", "--scale", "1000"][..],
        &["init", "--demo", "--scale", "50"][..],
        &["init", "--demo", "--scale", "many"][..],
    ] {
        let out = tilik(dir.path(), &db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(!db.exists());
}
