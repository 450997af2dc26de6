//! The persistence layer through its public API, on temporary databases on disk: migrations, refusals,
//! round trips, optimistic concurrency, the audit trail, imports, drafts, demo data, filters and search.

use chrono::NaiveDate;
use proptest::test_runner::{Config, TestRunner};
use rstest::rstest;
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use tilik::demo;
use tilik::domain::asn::AsnImport;
use tilik::domain::enrollment::EnrollmentData;
use tilik::domain::program::{Accreditation, CostCategory, CostLine, LearningMode};
use tilik::domain::{
    AsnId, AsnInput, Attendance, Completion, EmployeeKind, Golongan, Jabatan, JabatanLevel, Nip,
    OpdId, OpdInput, OpdKind, PersonName, ProgramCode, ProgramInput, ProgramStatus, ProgramType,
    Role, Username, Version,
};
use tilik::store::asn::ImportSummary;
use tilik::store::audit::{AuditFilter, AuditRow};
use tilik::store::program::ProgramFilter;
use tilik::store::{Entity, OpenMode, SCHEMA_VERSION, Store, StoreError};

type TestResult = Result<(), Box<dyn std::error::Error>>;

// ---------------------------------------------------------------------------------------------------------
// Helpers

fn today() -> NaiveDate {
    date(2026, 11, 30)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn user(name: &str) -> Username {
    Username::parse(name).expect("valid username")
}

/// A temporary folder and the path of a database inside it (not created yet).
fn temp_db() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("tilik.db");
    (dir, path)
}

fn open(path: &Path, name: &str) -> Store {
    Store::open(path, user(name), OpenMode::Create).expect("database opens")
}

/// A fresh database opened by `budi`.
fn fresh() -> (TempDir, PathBuf, Store) {
    let (dir, path) = temp_db();
    let store = open(&path, "budi");
    (dir, path, store)
}

/// Two users, `budi` and `siti`, on the same fresh database.
fn two_users() -> (TempDir, Store, Store) {
    let (dir, path, budi) = fresh();
    let siti = open(&path, "siti");
    (dir, budi, siti)
}

/// A plain SQLite connection, without tilik's `tilik_user()` function.
fn raw(path: &Path) -> Connection {
    Connection::open(path).expect("raw connection")
}

/// A plain SQLite connection that registers its own `tilik_user()`.
fn raw_with_user(path: &Path, name: &'static str) -> Connection {
    let conn = raw(path);
    conn.create_scalar_function(
        "tilik_user",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
        move |_| Ok(name.to_string()),
    )
    .expect("function registered");
    conn
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// A valid PNS NIP that differs per `seq` (1..=29) from its first digits on.
fn nip(seq: u32) -> Nip {
    let birth = 1970 + seq;
    let text = format!("{birth:04}0412{:04}011{seq:03}", birth + 25);
    Nip::parse(&text, EmployeeKind::Pns, today()).expect("valid NIP")
}

fn person(seq: u32, name: &str, opd: Option<OpdId>) -> AsnInput {
    AsnInput {
        nip: nip(seq),
        kind: EmployeeKind::Pns,
        name: PersonName::new("", name, "").expect("valid name"),
        jabatan: Jabatan {
            title: "Pengadministrasi Umum".into(),
            level: Some(JabatanLevel::Pelaksana),
        },
        golongan: Some(Golongan::IIB),
        opd,
        atasan: None,
        phone: String::new(),
        email: String::new(),
    }
}

fn opd_input(name: &str) -> OpdInput {
    OpdInput {
        code: String::new(),
        name: name.into(),
        kind: OpdKind::guess(name),
        valid_from: None,
        valid_to: None,
    }
}

fn program(code: &str, kind: ProgramType, start: NaiveDate, status: ProgramStatus) -> ProgramInput {
    ProgramInput {
        code: ProgramCode::parse(code).expect("valid code"),
        name: format!("Pelatihan {code}"),
        kind,
        mode: LearningMode::Klasikal,
        competency: String::new(),
        provider: String::new(),
        accreditation: Accreditation::Unknown,
        location: "Palembang".into(),
        start,
        end: start + chrono::Days::new(3),
        jp: 24,
        quota: Some(30),
        status,
    }
}

fn teknis(code: &str) -> ProgramInput {
    program(
        code,
        ProgramType::Teknis,
        date(2026, 3, 2),
        ProgramStatus::Direncanakan,
    )
}

fn all_audit(store: &Store) -> Vec<AuditRow> {
    let filter = AuditFilter {
        limit: 100_000,
        ..AuditFilter::default()
    };
    store.audit(&filter).expect("audit")
}

/// The audit rows of one record, newest first.
fn audit_of(store: &Store, table: &str, row_id: i64) -> Vec<AuditRow> {
    let filter = AuditFilter {
        table: Some(table.into()),
        row_id: Some(row_id),
        limit: 100,
        ..AuditFilter::default()
    };
    store.audit(&filter).expect("audit")
}

fn json(text: &Option<String>) -> Value {
    serde_json::from_str(text.as_deref().expect("JSON present")).expect("valid JSON")
}

fn assert_conflict(err: StoreError, entity: Entity, id: i64, by: &str) {
    match err {
        StoreError::Conflict {
            entity: e,
            id: i,
            by: b,
            at,
        } => {
            assert_eq!((e, i, b.as_str()), (entity, id, by));
            assert!(!at.is_empty(), "the conflict names when");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------------------
// 1. Migrations

#[test]
fn a_new_file_is_migrated_to_the_current_schema_in_wal_mode() -> TestResult {
    let (_dir, path, store) = fresh();
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    let conn = raw(&path);
    assert_eq!(count(&conn, "PRAGMA user_version"), SCHEMA_VERSION);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    assert_eq!(mode, "wal");
    let tables = count(
        &conn,
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('opd', 'asn', 'audit', 'draft')",
    );
    assert_eq!(tables, 4);
    Ok(())
}

#[test]
fn foreign_keys_are_enforced() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let err = store
        .add_asn(&person(1, "Budi Santoso", Some(OpdId(999))))
        .expect_err("no OPD 999");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    assert_eq!(store.asn_count()?, 0);
    Ok(())
}

#[test]
fn opening_a_current_database_again_changes_nothing() -> TestResult {
    let (_dir, path, mut store) = fresh();
    store.add_opd(&opd_input("Dinas Kesehatan"))?;
    drop(store);
    let conn = raw(&path);
    // The schema cookie goes up on every schema change, including dropping and re-creating triggers.
    let cookie = count(&conn, "PRAGMA schema_version");
    let audit = count(&conn, "SELECT count(*) FROM audit");

    for mode in [OpenMode::Existing, OpenMode::Create] {
        let again = Store::open(&path, user("siti"), mode)?;
        assert_eq!(again.schema_version()?, SCHEMA_VERSION);
        assert_eq!(again.opds()?.len(), 1);
    }
    assert_eq!(count(&conn, "PRAGMA schema_version"), cookie);
    assert_eq!(count(&conn, "SELECT count(*) FROM audit"), audit);
    Ok(())
}

/// The files in `dir` whose names start with `prefix`.
fn files_starting(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn an_older_database_is_copied_beside_itself_before_it_is_migrated() -> TestResult {
    let (dir, path) = temp_db();
    let old = SCHEMA_VERSION - 1;
    tilik::store::create_at_version(&path, old)?;
    raw(&path).execute_batch(
        "INSERT INTO opd (code, name, kind, created_by, created_at, updated_by, updated_at)
         VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', 'budi', '2026-01-05T01:00:00.000Z',
                 'budi', '2026-01-05T01:00:00.000Z'),
                ('BAPPEDA', 'Badan Perencanaan', 'badan', 'budi', '2026-01-05T01:00:00.000Z',
                 'budi', '2026-01-05T01:00:00.000Z');",
    )?;
    let opds_before: Vec<(String, String)> = raw(&path)
        .prepare("SELECT code, name FROM opd ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;

    let store = Store::open(&path, user("budi"), OpenMode::Existing)?;
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    let migrated = store.migrated().expect("opening migrated").clone();
    assert_eq!((migrated.from, migrated.to), (old, SCHEMA_VERSION));
    let backups = files_starting(dir.path(), &format!("tilik.db.bak-v{old}-"));
    assert_eq!(
        backups,
        std::slice::from_ref(&migrated.backup),
        "one copy, beside the database"
    );
    let name = migrated
        .backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // tilik.db.bak-v8-YYYYMMDD-HHMMSS
    let stamp = name.rsplitn(3, '-').collect::<Vec<_>>();
    assert_eq!(stamp.len(), 3, "{name}");
    assert!(
        stamp[0].len() == 6 && stamp[0].chars().all(|c| c.is_ascii_digit()),
        "{name}"
    );
    assert!(
        stamp[1].len() == 8 && stamp[1].chars().all(|c| c.is_ascii_digit()),
        "{name}"
    );
    assert!(
        files_starting(dir.path(), ".tilik.db").is_empty(),
        "no temporary file left"
    );

    // The copy is the old database: its version and its data.
    let copy = raw(&migrated.backup);
    assert_eq!(count(&copy, "PRAGMA user_version"), old);
    let opds_copied: Vec<(String, String)> = copy
        .prepare("SELECT code, name FROM opd ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    assert_eq!(opds_copied, opds_before);
    let integrity: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(integrity, "ok");
    // The migrated database still has them.
    assert_eq!(store.opds()?.len(), 2);
    drop(store);

    // Opening the current database again neither migrates nor copies.
    let again = Store::open(&path, user("siti"), OpenMode::Existing)?;
    assert!(again.migrated().is_none());
    assert_eq!(files_starting(dir.path(), "tilik.db.bak-").len(), 1);
    Ok(())
}

#[test]
fn several_processes_opening_an_older_database_at_once_leave_one_copy() -> TestResult {
    let (dir, path) = temp_db();
    tilik::store::create_at_version(&path, SCHEMA_VERSION - 1)?;
    let barrier = std::sync::Barrier::new(4);
    let reported: Vec<bool> = std::thread::scope(|scope| {
        let handles: Vec<_> = ["budi", "siti", "rina", "agus"]
            .iter()
            .map(|name| {
                let (path, barrier) = (&path, &barrier);
                scope.spawn(move || {
                    barrier.wait();
                    let store = Store::open(path, user(name), OpenMode::Existing)
                        .expect("every opening succeeds");
                    store.migrated().is_some()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    assert_eq!(reported.iter().filter(|r| **r).count(), 1, "{reported:?}");
    let copies = files_starting(dir.path(), "tilik.db.bak-");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(
        count(&raw(&copies[0]), "PRAGMA user_version"),
        SCHEMA_VERSION - 1
    );
    assert_eq!(count(&raw(&path), "PRAGMA user_version"), SCHEMA_VERSION);
    Ok(())
}

#[test]
fn a_new_database_is_not_copied() -> TestResult {
    let (dir, _path, store) = fresh();
    assert!(store.migrated().is_none());
    assert!(files_starting(dir.path(), "tilik.db.bak-").is_empty());
    Ok(())
}

#[test]
fn an_older_database_is_not_migrated_when_its_copy_cannot_be_written() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    if nix_is_root() {
        eprintln!("skipped: root may write in a read-only folder");
        return Ok(());
    }
    let (dir, path) = temp_db();
    let old = SCHEMA_VERSION - 1;
    tilik::store::create_at_version(&path, old)?;
    // The folder may not take new files; the database itself (and its WAL) stays writable.
    let _ = raw(&path);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))?;
    let result = Store::open(&path, user("budi"), OpenMode::Existing);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))?;
    assert!(
        matches!(result, Err(StoreError::BackupBeforeMigrating { .. })),
        "{:?}",
        result.map(|_| ())
    );
    assert_eq!(
        count(&raw(&path), "PRAGMA user_version"),
        old,
        "not migrated"
    );
    Ok(())
}

fn nix_is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .is_some_and(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

// ---------------------------------------------------------------------------------------------------------
// 2. Refusals

#[rstest]
fn a_database_from_a_newer_tilik_is_refused(
    #[values(OpenMode::Existing, OpenMode::Create)] mode: OpenMode,
) -> TestResult {
    let (_dir, path, store) = fresh();
    drop(store);
    raw(&path).pragma_update(None, "user_version", SCHEMA_VERSION + 1)?;

    match Store::open(&path, user("budi"), mode) {
        Err(StoreError::TooNew { found, supported }) => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected TooNew, got {:?}", other.map(|_| ())),
    }
    assert_eq!(
        count(&raw(&path), "PRAGMA user_version"),
        SCHEMA_VERSION + 1
    );
    Ok(())
}

#[rstest]
fn a_file_that_is_not_a_database_is_refused(
    #[values(OpenMode::Existing, OpenMode::Create)] mode: OpenMode,
) -> TestResult {
    let (_dir, path) = temp_db();
    // Deterministic noise (xorshift), never a valid SQLite header.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x.to_le_bytes()[0]
        })
        .collect();
    std::fs::write(&path, &bytes)?;

    let result = Store::open(&path, user("budi"), mode);
    assert!(
        matches!(result, Err(StoreError::Corrupt)),
        "{:?}",
        result.map(|_| ())
    );
    assert_eq!(std::fs::read(&path)?, bytes, "the file is left untouched");
    Ok(())
}

#[test]
fn an_existing_database_that_is_missing_is_refused() {
    let (_dir, path) = temp_db();
    match Store::open(&path, user("budi"), OpenMode::Existing) {
        Err(StoreError::Missing(p)) => assert_eq!(p, path),
        other => panic!("expected Missing, got {:?}", other.map(|_| ())),
    }
    assert!(!path.exists(), "nothing is created");
}

#[test]
fn create_makes_missing_parent_folders() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("data").join("bkpsdm").join("tilik.db");
    let store = Store::open(&path, user("budi"), OpenMode::Create)?;
    assert!(path.is_file());
    assert_eq!(store.schema_version()?, SCHEMA_VERSION);
    assert_eq!(store.path(), Some(path.as_path()));
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 3. Round trips

#[test]
fn opd_round_trip_and_in_use() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let first = OpdInput {
        code: "DINKES".into(),
        valid_from: Some(date(2017, 1, 1)),
        ..opd_input("Dinas Kesehatan")
    };
    let id = store.add_opd(&first)?;
    let opd = store.opd(id)?;
    assert_eq!(
        (&opd.code, &opd.name, opd.kind, opd.valid_from, opd.valid_to),
        (
            &first.code,
            &first.name,
            OpdKind::Dinas,
            first.valid_from,
            None
        )
    );
    assert_eq!(opd.stamp.version, Version(1));
    assert_eq!(
        (opd.stamp.created_by.as_str(), opd.stamp.updated_by.as_str()),
        ("budi", "budi")
    );

    let changed = OpdInput {
        code: "DINKES-2".into(),
        name: "Dinas Kesehatan Kota".into(),
        kind: OpdKind::Badan,
        valid_from: Some(date(2018, 1, 1)),
        valid_to: Some(date(2030, 12, 31)),
    };
    let v2 = store.update_opd(id, Version(1), &changed)?;
    assert_eq!(v2, Version(2));
    let opd = store.opd(id)?;
    assert_eq!(
        (&opd.code, &opd.name, opd.kind, opd.valid_from, opd.valid_to),
        (
            &changed.code,
            &changed.name,
            changed.kind,
            changed.valid_from,
            changed.valid_to
        )
    );
    assert_eq!(opd.stamp.version, v2);

    let err = store
        .add_opd(&opd_input("dinas KESEHATAN kota"))
        .expect_err("same name, other case");
    assert!(
        matches!(
            err,
            StoreError::Duplicate {
                entity: Entity::Opd,
                ..
            }
        ),
        "{err:?}"
    );

    store.add_asn(&person(1, "Budi Santoso", Some(id)))?;
    let rows = store.opds()?;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].asn_count, 1);
    let err = store.delete_opd(id, v2).expect_err("has ASN");
    assert!(
        matches!(
            err,
            StoreError::InUse {
                entity: Entity::Opd,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(store.opd(id).is_ok());

    let unused = store.add_opd(&opd_input("Dinas Perhubungan"))?;
    store.delete_opd(unused, Version(1))?;
    assert!(matches!(
        store.opd(unused),
        Err(StoreError::NotFound {
            entity: Entity::Opd,
            ..
        })
    ));
    Ok(())
}

#[test]
fn asn_round_trip_with_unit_history() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let a = store.add_opd(&opd_input("Dinas A"))?;
    let b = store.add_opd(&opd_input("Dinas B"))?;
    let input = AsnInput {
        name: PersonName::new("Dr.", "Budi Santoso", "S.Kom., M.T.")?,
        jabatan: Jabatan {
            title: "Pranata Komputer Ahli Muda".into(),
            level: Some(JabatanLevel::AhliMuda),
        },
        golongan: Some(Golongan::IIIC),
        phone: "081234567890".into(),
        email: "budi@palembang.go.id".into(),
        ..person(1, "x", Some(a))
    };
    let id = store.add_asn(&input)?;
    let stored = store.asn(id)?;
    assert_eq!(stored.data, input);
    assert_eq!(stored.stamp.version, Version(1));
    assert_eq!(
        store.asn_by_nip(input.nip.as_str())?.map(|x| x.id),
        Some(id)
    );
    let history = store.unit_history(id)?;
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].0.as_str(), history[0].2), ("Dinas A", None));

    // Same OPD: no new unit row.
    let mut changed = input.clone();
    changed.phone = "089876543210".into();
    let v2 = store.update_asn(id, Version(1), &changed)?;
    assert_eq!(v2, Version(2));
    assert_eq!(store.unit_history(id)?, history);

    // Another OPD: the old row closes where the new one opens.
    changed.opd = Some(b);
    let v3 = store.update_asn(id, v2, &changed)?;
    assert_eq!(v3, Version(3));
    let history = store.unit_history(id)?;
    assert_eq!(history.len(), 2, "{history:?}");
    assert_eq!(history[0].0, "Dinas A");
    assert_eq!(history[0].2, Some(history[1].1));
    assert_eq!((history[1].0.as_str(), history[1].2), ("Dinas B", None));
    let stored = store.asn(id)?;
    assert_eq!((stored.data, stored.stamp.version), (changed.clone(), v3));

    // The list row names the OPD and the atasan.
    let staff = store.add_asn(&AsnInput {
        atasan: Some(id),
        ..person(2, "Siti Aminah", Some(b))
    })?;
    let row = store.asn_row(staff)?.expect("row");
    assert_eq!(row.opd.as_deref(), Some("Dinas B"));
    assert_eq!(
        row.atasan.as_deref(),
        Some("Dr. Budi Santoso, S.Kom., M.T.")
    );
    assert_eq!(row.atasan_nip.as_deref(), Some(input.nip.as_str()));

    let err = store
        .add_asn(&person(1, "Orang Lain", None))
        .expect_err("same NIP");
    match err {
        StoreError::Duplicate { entity, key } => {
            assert_eq!((entity, key.as_str()), (Entity::Asn, nip(1).as_str()));
        }
        other => panic!("expected Duplicate, got {other:?}"),
    }

    store.delete_asn(id, v3)?;
    assert!(matches!(
        store.asn(id),
        Err(StoreError::NotFound {
            entity: Entity::Asn,
            ..
        })
    ));
    assert!(store.unit_history(id)?.is_empty());
    assert_eq!(store.asn(staff)?.data.atasan, None, "atasan link cleared");
    Ok(())
}

#[test]
fn program_round_trip_with_shared_provider() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let input = ProgramInput {
        provider: "BPSDM Sumsel".into(),
        accreditation: Accreditation::A,
        competency: "Pelayanan publik".into(),
        ..teknis("TEK-2026-01")
    };
    let id = store.add_program(&input)?;
    let stored = store.program(id)?;
    assert_eq!(stored.data, input);
    assert_eq!(stored.stamp.version, Version(1));
    assert_eq!(
        store.program_by_code(" tek-2026-01 ")?.map(|p| p.id),
        Some(id)
    );

    // The same provider, written in another case: reused, accreditation updated.
    let second = ProgramInput {
        provider: "bpsdm SUMSEL".into(),
        accreditation: Accreditation::B,
        ..teknis("TEK-2026-02")
    };
    let id2 = store.add_program(&second)?;
    let providers = store.providers()?;
    assert_eq!(providers.len(), 1, "{providers:?}");
    assert_eq!(
        (providers[0].1.as_str(), providers[0].2),
        ("BPSDM Sumsel", Accreditation::B)
    );
    assert_eq!(store.program(id2)?.data.provider, "BPSDM Sumsel");
    assert_eq!(store.program(id)?.data.accreditation, Accreditation::B);

    // An unknown accreditation does not erase a known one.
    store.add_program(&ProgramInput {
        provider: "BPSDM SUMSEL".into(),
        ..teknis("TEK-2026-03")
    })?;
    let providers = store.providers()?;
    assert_eq!(providers.len(), 1);
    assert_eq!(providers[0].2, Accreditation::B);

    let changed = ProgramInput {
        name: "Pelatihan Pelayanan Prima".into(),
        kind: ProgramType::Fungsional,
        mode: LearningMode::Blended,
        provider: "BKPSDM Kota Palembang".into(),
        accreditation: Accreditation::C,
        end: date(2026, 3, 20),
        jp: 40,
        quota: None,
        status: ProgramStatus::Berjalan,
        ..input.clone()
    };
    assert_eq!(store.update_program(id, Version(1), &changed)?, Version(2));
    let stored = store.program(id)?;
    assert_eq!((stored.data, stored.stamp.version), (changed, Version(2)));
    assert_eq!(store.providers()?.len(), 2);

    let err = store.add_program(&second).expect_err("same code");
    assert!(
        matches!(
            err,
            StoreError::Duplicate {
                entity: Entity::Program,
                ..
            }
        ),
        "{err:?}"
    );
    Ok(())
}

#[test]
fn objectives_and_behaviours_keep_their_order() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let pid = store.add_program(&teknis("TEK-2026-01"))?;
    let other = store.add_program(&teknis("TEK-2026-02"))?;
    let o1 = store.add_objective(pid, "Tujuan satu")?;
    let o2 = store.add_objective(pid, "Tujuan dua")?;
    let o3 = store.add_objective(pid, "Tujuan tiga")?;
    store.add_objective(other, "Tujuan program lain")?;
    let b1 = store.add_behaviour(o1, "Perilaku 1a")?;
    let b2 = store.add_behaviour(o1, "Perilaku 1b")?;
    let b3 = store.add_behaviour(o3, "Perilaku 3a")?;
    store.add_behaviour(o2, "Perilaku 2a")?;
    let b4 = store.add_behaviour(o1, "Perilaku 1c")?;

    store.delete_behaviour(b2)?;
    store.delete_objective(o2)?;
    let o4 = store.add_objective(pid, "Tujuan empat")?;
    store.update_objective(o1, "Tujuan satu (revisi)")?;
    store.update_behaviour(b4, "Perilaku 1c (revisi)")?;

    let shape: Vec<(_, String, Vec<_>)> = store
        .objectives(pid)?
        .into_iter()
        .map(|o| {
            let behaviours = o.behaviours.into_iter().map(|b| (b.id, b.text)).collect();
            (o.id, o.text, behaviours)
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (
                o1,
                "Tujuan satu (revisi)".to_string(),
                vec![
                    (b1, "Perilaku 1a".to_string()),
                    (b4, "Perilaku 1c (revisi)".to_string())
                ]
            ),
            (
                o3,
                "Tujuan tiga".to_string(),
                vec![(b3, "Perilaku 3a".to_string())]
            ),
            (o4, "Tujuan empat".to_string(), vec![]),
        ]
    );
    assert_eq!(store.objectives(other)?.len(), 1);
    assert!(matches!(
        store.update_objective(o2, "hilang"),
        Err(StoreError::NotFound {
            entity: Entity::Objective,
            ..
        })
    ));
    Ok(())
}

#[test]
fn cost_lines_round_trip() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let pid = store.add_program(&teknis("TEK-2026-01"))?;
    let other = store.add_program(&teknis("TEK-2026-02"))?;
    let c1 = store.add_cost_line(pid, CostCategory::Honorarium, "Honor narasumber", 9_600_000)?;
    let c2 = store.add_cost_line(pid, CostCategory::Konsumsi, "Konsumsi 3 hari", 8_400_000)?;
    let c3 = store.add_cost_line(pid, CostCategory::WaktuPeserta, "", 0)?;
    let line = |id, category, description: &str, amount| CostLine {
        id,
        category,
        description: description.into(),
        amount,
    };
    assert_eq!(
        store.cost_lines(pid)?,
        vec![
            line(c1, CostCategory::Honorarium, "Honor narasumber", 9_600_000),
            line(c2, CostCategory::Konsumsi, "Konsumsi 3 hari", 8_400_000),
            line(c3, CostCategory::WaktuPeserta, "", 0),
        ]
    );
    assert!(store.cost_lines(other)?.is_empty());

    store.delete_cost_line(c2)?;
    assert!(
        store
            .add_cost_line(pid, CostCategory::Bahan, "negatif", -1)
            .is_err()
    );
    let ids: Vec<_> = store.cost_lines(pid)?.into_iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![c1, c3]);
    Ok(())
}

#[test]
fn enrollments_round_trip_and_block_deletes() -> TestResult {
    let (_dir, path, mut store) = fresh();
    let pid = store.add_program(&teknis("TEK-2026-01"))?;
    let o = store.add_objective(pid, "Tujuan")?;
    store.add_behaviour(o, "Perilaku")?;
    store.add_cost_line(pid, CostCategory::Honorarium, "Honor", 1_000)?;
    let budi = store.add_asn(&person(1, "Budi Santoso", None))?;
    let ani = store.add_asn(&person(2, "Ani Lestari", None))?;
    let e1 = store.enroll(pid, budi)?;
    let e2 = store.enroll(pid, ani)?;

    let err = store.enroll(pid, budi).expect_err("already enrolled");
    assert!(
        matches!(
            err,
            StoreError::Duplicate {
                entity: Entity::Enrollment,
                ..
            }
        ),
        "{err:?}"
    );
    let roster = store.roster(pid)?;
    let names: Vec<_> = roster.iter().map(|r| (r.id, r.name.as_str())).collect();
    assert_eq!(names, vec![(e2, "Ani Lestari"), (e1, "Budi Santoso")]);

    let data = EnrollmentData {
        attendance: Some(Attendance::new(95).expect("valid")),
        completion: Some(Completion::Lulus),
        certificate_no: "TEK-2026-01/001".into(),
    };
    assert_eq!(store.update_enrollment(e1, Version(1), &data)?, Version(2));
    let row = store
        .roster(pid)?
        .into_iter()
        .find(|r| r.id == e1)
        .expect("enrolled");
    assert_eq!((row.data, row.stamp.version), (data, Version(2)));
    assert_eq!(store.enrollment_count(budi)?, 1);

    let err = store.delete_asn(budi, Version(1)).expect_err("enrolled");
    assert!(
        matches!(
            err,
            StoreError::InUse {
                entity: Entity::Asn,
                ..
            }
        ),
        "{err:?}"
    );
    let err = store
        .delete_program(pid, Version(1))
        .expect_err("participants");
    assert!(
        matches!(
            err,
            StoreError::InUse {
                entity: Entity::Program,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(store.program(pid).is_ok());

    store.unenroll(e1, Version(2))?;
    store.unenroll(e2, Version(1))?;
    assert!(store.roster(pid)?.is_empty());
    store.delete_program(pid, Version(1))?;
    assert!(matches!(
        store.program(pid),
        Err(StoreError::NotFound {
            entity: Entity::Program,
            ..
        })
    ));
    let conn = raw(&path);
    for table in ["objective", "behaviour", "cost_line"] {
        let n = count(&conn, &format!("SELECT count(*) FROM {table}"));
        assert_eq!(n, 0, "{table} rows go with the program");
    }
    store.delete_asn(budi, Version(1))?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 4. Optimistic concurrency

#[test]
fn asn_second_save_on_the_same_version_is_refused() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    let id = budi.add_asn(&person(1, "Budi Santoso", None))?;
    let (mine, theirs) = (budi.asn(id)?, siti.asn(id)?);
    let base = mine.stamp.version;
    assert_eq!(theirs.stamp.version, base);

    let budi_edit = AsnInput {
        phone: "0811111111".into(),
        ..mine.data.clone()
    };
    let siti_edit = AsnInput {
        phone: "0822222222".into(),
        ..theirs.data.clone()
    };
    budi.update_asn(id, base, &budi_edit)?;
    let err = siti.update_asn(id, base, &siti_edit).expect_err("stale");
    assert_conflict(err, Entity::Asn, id.0, "budi");
    let stored = siti.asn(id)?;
    assert_eq!(stored.data, budi_edit);
    assert_eq!(stored.stamp.version, Version(base.0 + 1));
    assert_eq!(stored.stamp.updated_by, "budi");

    let err = siti.delete_asn(id, base).expect_err("stale delete");
    assert_conflict(err, Entity::Asn, id.0, "budi");
    // After reloading, siti's save goes through.
    siti.update_asn(id, stored.stamp.version, &siti_edit)?;
    assert_eq!(budi.asn(id)?.stamp.updated_by, "siti");
    Ok(())
}

#[test]
fn program_second_save_on_the_same_version_is_refused() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    let id = budi.add_program(&teknis("TEK-2026-01"))?;
    let base = siti.program(id)?.stamp.version;
    let budi_edit = ProgramInput {
        name: "Versi Budi".into(),
        ..teknis("TEK-2026-01")
    };
    let siti_edit = ProgramInput {
        name: "Versi Siti".into(),
        ..teknis("TEK-2026-01")
    };
    budi.update_program(id, base, &budi_edit)?;
    let err = siti
        .update_program(id, base, &siti_edit)
        .expect_err("stale");
    assert_conflict(err, Entity::Program, id.0, "budi");
    assert_eq!(siti.program(id)?.data, budi_edit);
    let err = siti.delete_program(id, base).expect_err("stale delete");
    assert_conflict(err, Entity::Program, id.0, "budi");
    Ok(())
}

#[test]
fn opd_second_save_on_the_same_version_is_refused() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    let id = budi.add_opd(&opd_input("Dinas Kesehatan"))?;
    let base = siti.opd(id)?.stamp.version;
    budi.update_opd(id, base, &opd_input("Dinas Kesehatan Kota"))?;
    let err = siti
        .update_opd(id, base, &opd_input("Dinas Kesehatan Daerah"))
        .expect_err("stale");
    assert_conflict(err, Entity::Opd, id.0, "budi");
    assert_eq!(siti.opd(id)?.name, "Dinas Kesehatan Kota");

    // Gone meanwhile: not found rather than a conflict.
    budi.delete_opd(id, Version(base.0 + 1))?;
    let err = siti
        .update_opd(id, Version(base.0 + 1), &opd_input("Dinas X"))
        .expect_err("deleted");
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                entity: Entity::Opd,
                ..
            }
        ),
        "{err:?}"
    );
    Ok(())
}

#[test]
fn enrollment_second_save_on_the_same_version_is_refused() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    let pid = budi.add_program(&teknis("TEK-2026-01"))?;
    let asn = budi.add_asn(&person(1, "Ani Lestari", None))?;
    let eid = budi.enroll(pid, asn)?;
    let base = siti.roster(pid)?[0].stamp.version;
    let passed = EnrollmentData {
        attendance: Some(Attendance::new(100).expect("valid")),
        completion: Some(Completion::Lulus),
        certificate_no: "A/1".into(),
    };
    let failed = EnrollmentData {
        attendance: Some(Attendance::new(40).expect("valid")),
        completion: Some(Completion::TidakLulus),
        certificate_no: String::new(),
    };
    budi.update_enrollment(eid, base, &passed)?;
    let err = siti
        .update_enrollment(eid, base, &failed)
        .expect_err("stale");
    assert_conflict(err, Entity::Enrollment, eid.0, "budi");
    assert_eq!(siti.roster(pid)?[0].data, passed);
    let err = siti.unenroll(eid, base).expect_err("stale unenroll");
    assert_conflict(err, Entity::Enrollment, eid.0, "budi");
    assert_eq!(siti.roster(pid)?.len(), 1);
    Ok(())
}

#[test]

fn deleting_an_atasan_makes_stale_edits_of_their_staff_conflict() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    let boss = budi.add_asn(&person(1, "Hendra Wijaya", None))?;
    let staff = budi.add_asn(&AsnInput {
        atasan: Some(boss),
        ..person(2, "Ani Lestari", None)
    })?;
    let loaded = siti.asn(staff)?;

    budi.delete_asn(boss, Version(1))?;
    assert_eq!(budi.asn(staff)?.data.atasan, None);
    assert!(
        budi.asn(staff)?.stamp.version > loaded.stamp.version,
        "the staff record changed, so its version must change"
    );
    let edit = AsnInput {
        phone: "0811".into(),
        ..loaded.data
    };
    let err = siti
        .update_asn(staff, loaded.stamp.version, &edit)
        .expect_err("stale");
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 5. Audit trail

#[test]
fn audit_records_who_changed_what_from_which_values() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    let id = budi.add_opd(&opd_input("Dinas Kesehatan"))?;
    let rows = audit_of(&budi, "opd", id.0);
    assert_eq!(rows.len(), 1);
    let insert = &rows[0];
    assert_eq!(
        (insert.op.as_str(), insert.username.as_str(), insert.row_id),
        ("insert", "budi", id.0)
    );
    assert_eq!(insert.old, None);
    let new = json(&insert.new);
    assert_eq!(new["name"], "Dinas Kesehatan");
    assert_eq!(new["kind"], "dinas");
    assert_eq!(new["version"], 1);

    siti.update_opd(id, Version(1), &opd_input("Dinas Kesehatan Kota"))?;
    let rows = audit_of(&budi, "opd", id.0);
    assert_eq!(rows.len(), 2);
    let update = &rows[0];
    assert_eq!(
        (update.op.as_str(), update.username.as_str()),
        ("update", "siti")
    );
    let (old, new) = (json(&update.old), json(&update.new));
    assert_eq!(
        (&old["name"], &new["name"]),
        (
            &Value::from("Dinas Kesehatan"),
            &Value::from("Dinas Kesehatan Kota")
        )
    );
    assert_eq!(
        (&old["version"], &new["version"]),
        (&Value::from(1), &Value::from(2))
    );
    assert_eq!(new["updated_by"], "siti");

    siti.delete_opd(id, Version(2))?;
    let rows = audit_of(&budi, "opd", id.0);
    assert_eq!(rows.len(), 3);
    let delete = &rows[0];
    assert_eq!(
        (delete.op.as_str(), delete.username.as_str()),
        ("delete", "siti")
    );
    assert_eq!(json(&delete.old)["name"], "Dinas Kesehatan Kota");
    assert_eq!(delete.new, None);
    assert!(delete.at >= insert.at, "{} < {}", delete.at, insert.at);
    Ok(())
}

/// The audit rows written since `last` as sorted (table, op, username); moves `last` past them.
fn audit_since(store: &Store, last: &mut i64) -> Vec<(String, String, String)> {
    let rows: Vec<_> = all_audit(store)
        .into_iter()
        .filter(|r| r.id > *last)
        .collect();
    *last = rows.iter().map(|r| r.id).max().unwrap_or(*last);
    let mut out: Vec<_> = rows
        .into_iter()
        .map(|r| (r.table, r.op, r.username))
        .collect();
    out.sort();
    out
}

fn expected(rows: &[(&str, &str)], username: &str) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = rows
        .iter()
        .map(|(t, o)| (t.to_string(), o.to_string(), username.to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_write_to_an_audited_table_writes_one_audit_row() -> TestResult {
    let (_dir, _path, mut s) = fresh();
    let mut last = 0;
    let mut check = |s: &Store, rows: &[(&str, &str)], what: &str| {
        assert_eq!(audit_since(s, &mut last), expected(rows, "budi"), "{what}");
    };

    let a = s.add_opd(&opd_input("Dinas A"))?;
    check(&s, &[("opd", "insert")], "add_opd");
    let b = s.add_opd(&opd_input("Dinas B"))?;
    check(&s, &[("opd", "insert")], "add_opd");
    s.update_opd(b, Version(1), &opd_input("Dinas B Baru"))?;
    check(&s, &[("opd", "update")], "update_opd");

    let input = person(1, "Budi Santoso", Some(a));
    let asn = s.add_asn(&input)?;
    check(&s, &[("asn", "insert"), ("asn_unit", "insert")], "add_asn");
    let input = AsnInput {
        phone: "0811".into(),
        ..input
    };
    let v = s.update_asn(asn, Version(1), &input)?;
    check(&s, &[("asn", "update")], "update_asn same OPD");
    let input = AsnInput {
        opd: Some(b),
        ..input
    };
    let v = s.update_asn(asn, v, &input)?;
    check(
        &s,
        &[
            ("asn", "update"),
            ("asn_unit", "update"),
            ("asn_unit", "insert"),
        ],
        "update_asn other OPD",
    );

    let with_provider = ProgramInput {
        provider: "BPSDM Sumsel".into(),
        ..teknis("TEK-2026-01")
    };
    let pid = s.add_program(&with_provider)?;
    check(
        &s,
        &[("provider", "insert"), ("program", "insert")],
        "add_program",
    );
    let renamed = ProgramInput {
        name: "Baru".into(),
        ..with_provider
    };
    s.update_program(pid, Version(1), &renamed)?;
    check(&s, &[("program", "update")], "update_program");
    let o = s.add_objective(pid, "Tujuan")?;
    check(&s, &[("objective", "insert")], "add_objective");
    s.update_objective(o, "Tujuan revisi")?;
    check(&s, &[("objective", "update")], "update_objective");
    let beh = s.add_behaviour(o, "Perilaku")?;
    check(&s, &[("behaviour", "insert")], "add_behaviour");
    s.update_behaviour(beh, "Perilaku revisi")?;
    check(&s, &[("behaviour", "update")], "update_behaviour");
    let c = s.add_cost_line(pid, CostCategory::Bahan, "Modul", 100)?;
    check(&s, &[("cost_line", "insert")], "add_cost_line");
    s.delete_cost_line(c)?;
    check(&s, &[("cost_line", "delete")], "delete_cost_line");
    s.add_cost_line(pid, CostCategory::Bahan, "Modul", 100)?;
    check(&s, &[("cost_line", "insert")], "add_cost_line");

    let e = s.enroll(pid, asn)?;
    check(&s, &[("enrollment", "insert")], "enroll");
    let data = EnrollmentData {
        attendance: Some(Attendance::new(90).expect("valid")),
        completion: None,
        certificate_no: String::new(),
    };
    s.update_enrollment(e, Version(1), &data)?;
    check(&s, &[("enrollment", "update")], "update_enrollment");
    s.unenroll(e, Version(2))?;
    check(&s, &[("enrollment", "delete")], "unenroll");

    s.delete_program(pid, Version(2))?;
    check(
        &s,
        &[
            ("program", "delete"),
            ("objective", "delete"),
            ("behaviour", "delete"),
            ("cost_line", "delete"),
        ],
        "delete_program with its parts",
    );
    s.delete_asn(asn, v)?;
    check(
        &s,
        &[
            ("asn", "delete"),
            ("asn_unit", "delete"),
            ("asn_unit", "delete"),
        ],
        "delete_asn with its unit history",
    );
    s.delete_opd(a, Version(1))?;
    check(&s, &[("opd", "delete")], "delete_opd");

    let siti = user("siti");
    s.add_user(&siti, "Siti Aminah", Role::Operator)?;
    check(&s, &[("app_user", "insert")], "add_user");
    s.set_user_role(&siti, Role::Evaluator)?;
    check(&s, &[("app_user", "update")], "set_user_role");
    s.set_user_opds(&siti, &[b])?;
    check(&s, &[("user_opd", "insert")], "set_user_opds");

    s.save_draft("asn", "", "{}")?;
    check(&s, &[], "drafts are not audited");
    Ok(())
}

#[test]
fn audit_update_values_hold_the_changed_columns() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let input = person(1, "Budi Santoso", None);
    let id = store.add_asn(&input)?;
    let changed = AsnInput {
        phone: "081234".into(),
        golongan: Some(Golongan::IIC),
        ..input
    };
    store.update_asn(id, Version(1), &changed)?;
    let update = &audit_of(&store, "asn", id.0)[0];
    assert_eq!(update.op, "update");
    let (old, new) = (json(&update.old), json(&update.new));
    assert_eq!(
        (&old["phone"], &new["phone"]),
        (&Value::from(""), &Value::from("081234"))
    );
    assert_eq!(
        (&old["golongan"], &new["golongan"]),
        (&Value::from("II/b"), &Value::from("II/c"))
    );
    assert_eq!(old["nip"], new["nip"]);
    assert_eq!(new["nip"], nip(1).as_str());
    Ok(())
}

#[test]
fn the_audit_trail_is_append_only() -> TestResult {
    let (_dir, path, mut store) = fresh();
    store.add_opd(&opd_input("Dinas Kesehatan"))?;
    let before = all_audit(&store);
    assert!(!before.is_empty());

    let conn = raw_with_user(&path, "mallory");
    for sql in [
        "UPDATE audit SET username = 'mallory'",
        "UPDATE audit SET new = NULL WHERE id = 1",
        "DELETE FROM audit",
        "DELETE FROM audit WHERE id = 1",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    assert_eq!(all_audit(&store), before);
    Ok(())
}

#[test]
fn audited_tables_cannot_be_changed_without_tilik() -> TestResult {
    let (_dir, path, mut store) = fresh();
    let id = store.add_opd(&opd_input("Dinas Kesehatan"))?;
    let audit = all_audit(&store).len();

    let conn = raw(&path);
    for sql in [
        "UPDATE opd SET name = 'Dinas Lain'",
        "DELETE FROM opd",
        "INSERT INTO opd (name, kind, created_by, created_at, updated_by, updated_at)
         VALUES ('Dinas Gelap', 'dinas', 'x', 'x', 'x', 'x')",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(
            err.to_string().contains("no such function: tilik_"),
            "{sql}: {err}"
        );
    }
    let opds = store.opds()?;
    assert_eq!(opds.len(), 1);
    assert_eq!(
        (opds[0].opd.id, opds[0].opd.name.as_str()),
        (id, "Dinas Kesehatan")
    );
    assert_eq!(all_audit(&store).len(), audit);
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 6. Imports

fn import(seq: u32, name: &str, unit: Option<&str>, atasan: Option<u32>) -> AsnImport {
    AsnImport {
        person: person(seq, name, None),
        unit: unit.map(str::to_string),
        atasan_nip: atasan.map(nip),
    }
}

fn id_of(store: &Store, seq: u32) -> AsnId {
    store
        .asn_by_nip(nip(seq).as_str())
        .expect("read")
        .expect("imported")
        .id
}

#[test]
fn import_upserts_by_nip_and_links_units_atasan_and_program() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let pid = store.add_program(&teknis("TEK-2026-01"))?;
    let mut rina = import(3, "Rina Lestari", Some("DINAS KESEHATAN"), Some(1));
    rina.person.phone = "0812".into();
    rina.person.email = "rina@palembang.go.id".into();
    rina.person.jabatan.title = "Analis Kebijakan Ahli Pertama".into();
    // The staff come before their atasan in the file.
    let people = vec![
        import(2, "Siti Aminah", Some("dinas kesehatan"), Some(1)),
        import(1, "Hendra Wijaya", Some("Dinas Kesehatan"), None),
        rina.clone(),
    ];
    let summary = store.import_people(&people, Some(pid))?;
    assert_eq!(
        summary,
        ImportSummary {
            inserted: 3,
            enrolled: 3,
            opds_created: vec!["dinas kesehatan".into()],
            ..ImportSummary::default()
        }
    );
    let opds = store.opds()?;
    assert_eq!(opds.len(), 1, "one OPD whatever the case");
    assert_eq!(opds[0].asn_count, 3);
    let head = id_of(&store, 1);
    assert_eq!(store.asn(head)?.data.atasan, None);
    for seq in [2, 3] {
        let data = store.asn(id_of(&store, seq))?.data;
        assert_eq!((data.atasan, data.opd), (Some(head), Some(opds[0].opd.id)));
    }
    assert_eq!(store.roster(pid)?.len(), 3);
    let head_version = store.asn(head)?.stamp.version;

    // Again: Siti's jabatan changes; Rina's file leaves phone, e-mail and jabatan empty but changes golongan.
    let mut siti = import(2, "Siti Aminah", Some("Dinas KESEHATAN"), Some(1));
    siti.person.jabatan.title = "Pranata Komputer Terampil".into();
    let mut rina_again = import(3, "Rina Lestari", Some("dinas kesehatan"), Some(1));
    rina_again.person.jabatan.title = String::new();
    rina_again.person.golongan = Some(Golongan::IIIB);
    let again = vec![
        import(1, "Hendra Wijaya", Some("Dinas Kesehatan"), None),
        siti,
        rina_again,
    ];
    let summary = store.import_people(&again, Some(pid))?;
    assert_eq!(
        summary,
        ImportSummary {
            updated: 2,
            unchanged: 1,
            ..ImportSummary::default()
        }
    );
    assert_eq!(store.asn_count()?, 3);
    assert_eq!(store.opds()?.len(), 1);
    assert_eq!(store.roster(pid)?.len(), 3, "enrolled once");
    assert_eq!(
        store.asn(head)?.stamp.version,
        head_version,
        "unchanged is not written"
    );
    assert_eq!(
        store.asn(id_of(&store, 2))?.data.jabatan.title,
        "Pranata Komputer Terampil"
    );
    let rina_now = store.asn(id_of(&store, 3))?.data;
    assert_eq!(rina_now.golongan, Some(Golongan::IIIB));
    assert_eq!(
        (
            rina_now.phone.as_str(),
            rina_now.email.as_str(),
            rina_now.jabatan.title.as_str()
        ),
        (
            "0812",
            "rina@palembang.go.id",
            "Analis Kebijakan Ahli Pertama"
        ),
        "fields left empty are kept"
    );
    Ok(())
}

#[test]

fn import_reports_a_new_atasan_as_an_update() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let first = vec![
        import(1, "Hendra Wijaya", Some("Dinas A"), None),
        import(2, "Siti Aminah", Some("Dinas A"), Some(1)),
        import(4, "Yudi Pratama", Some("Dinas A"), None),
    ];
    store.import_people(&first, None)?;
    let before = store.asn(id_of(&store, 2))?.stamp.version;

    let second = vec![
        import(1, "Hendra Wijaya", Some("Dinas A"), None),
        import(2, "Siti Aminah", Some("Dinas A"), Some(4)),
        import(4, "Yudi Pratama", Some("Dinas A"), None),
    ];
    let summary = store.import_people(&second, None)?;
    let siti = store.asn(id_of(&store, 2))?;
    assert_eq!(siti.data.atasan, Some(id_of(&store, 4)));
    assert!(siti.stamp.version > before);
    assert_eq!(
        (summary.updated, summary.unchanged),
        (1, 2),
        "Siti's record changed (new atasan): {summary:?}"
    );
    Ok(())
}

#[test]
fn import_with_an_unknown_atasan_writes_nothing() -> TestResult {
    let (_dir, _path, mut store) = fresh();
    let pid = store.add_program(&teknis("TEK-2026-01"))?;
    store.add_asn(&person(1, "Hendra Wijaya", None))?;
    let (asn, opds, audit) = (
        store.asn_count()?,
        store.opds()?.len(),
        all_audit(&store).len(),
    );

    let people = vec![
        import(5, "Siti Aminah", Some("Dinas Baru"), Some(1)),
        import(6, "Rina Lestari", Some("Dinas Baru"), Some(29)),
    ];
    match store.import_people(&people, Some(pid)) {
        Err(StoreError::NotFound { entity, key }) => {
            assert_eq!((entity, key.as_str()), (Entity::Asn, nip(29).as_str()));
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert_eq!(store.asn_count()?, asn);
    assert_eq!(store.opds()?.len(), opds);
    assert_eq!(all_audit(&store).len(), audit);
    assert!(store.roster(pid)?.is_empty());
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 7. Drafts

#[test]
fn drafts_are_per_user_form_and_record() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    budi.save_draft("asn", "", r#"{"name":"Bu"}"#)?;
    assert_eq!(siti.load_draft("asn", "")?, None);
    siti.save_draft("asn", "", r#"{"name":"Si"}"#)?;
    budi.save_draft("asn", "", r#"{"name":"Budi"}"#)?;
    budi.save_draft("asn", "7", r#"{"name":"Tujuh"}"#)?;
    budi.save_draft("program", "", r#"{"code":"TEK"}"#)?;

    assert_eq!(
        budi.load_draft("asn", "")?.as_deref(),
        Some(r#"{"name":"Budi"}"#)
    );
    assert_eq!(
        siti.load_draft("asn", "")?.as_deref(),
        Some(r#"{"name":"Si"}"#)
    );
    assert_eq!(
        budi.load_draft("asn", "7")?.as_deref(),
        Some(r#"{"name":"Tujuh"}"#)
    );
    assert_eq!(siti.load_draft("asn", "7")?, None);
    assert_eq!(
        budi.load_draft("program", "")?.as_deref(),
        Some(r#"{"code":"TEK"}"#)
    );

    budi.discard_draft("asn", "")?;
    assert_eq!(budi.load_draft("asn", "")?, None);
    assert_eq!(
        siti.load_draft("asn", "")?.as_deref(),
        Some(r#"{"name":"Si"}"#)
    );
    assert!(budi.load_draft("asn", "7")?.is_some());
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 8. Demo data

fn demo_store() -> (TempDir, Store) {
    let (dir, _path, mut store) = fresh();
    demo::fill(&mut store, today()).expect("demo fills");
    (dir, store)
}

#[test]
fn demo_fills_a_realistic_organisation() -> TestResult {
    let (_dir, store) = demo_store();
    assert!(store.opds()?.len() >= 8);
    assert_eq!(store.asn_count()?, 200);

    let people: Vec<_> = store
        .all_asn()?
        .iter()
        .map(|r| store.asn(r.id))
        .collect::<Result<_, _>>()?;
    let mut heads: BTreeMap<OpdId, usize> = BTreeMap::new();
    let mut units = BTreeSet::new();
    for p in &people {
        let unit = p.data.opd.expect("everyone has an OPD");
        units.insert(unit);
        assert!(
            Nip::parse(p.data.nip.as_str(), EmployeeKind::Pns, today()).is_ok(),
            "invalid NIP {}",
            p.data.nip.as_str()
        );
        match p.data.atasan {
            None => *heads.entry(unit).or_default() += 1,
            Some(atasan) => {
                let boss = store.asn(atasan)?;
                assert_eq!(boss.data.opd, Some(unit), "{} works elsewhere", p.data.name);
            }
        }
    }
    assert_eq!(heads.len(), units.len(), "every OPD has a head");
    assert!(
        heads.values().all(|n| *n == 1),
        "one head per OPD: {heads:?}"
    );

    let programs = store.programs(&ProgramFilter::default())?;
    assert!(programs.len() >= 6);
    let kinds: BTreeSet<_> = programs.iter().map(|p| p.program.data.kind).collect();
    assert!(kinds.len() >= 4, "{kinds:?}");
    assert!(programs.iter().map(|p| p.participants).sum::<i64>() > 0);
    Ok(())
}

#[test]
fn demo_is_deterministic() -> TestResult {
    let (_a, first) = demo_store();
    let (_b, second) = demo_store();
    let nips = |s: &Store| -> Vec<String> {
        s.all_asn()
            .expect("list")
            .into_iter()
            .map(|r| r.nip)
            .collect()
    };
    assert_eq!(nips(&first).len(), 200);
    assert_eq!(nips(&first), nips(&second));
    assert_eq!(first.all_asn()?, second.all_asn()?);
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// 9. Filters and search

/// Four programs over two years, three kinds and three statuses.
fn filtered_programs() -> (TempDir, Store) {
    use ProgramStatus::*;
    use ProgramType::*;
    #[rustfmt::skip]
    let rows = [
        ("TEK-2026-01", Teknis, (2026, 3, 2), Selesai, "Pelatihan Pelayanan Prima", "BPSDM Sumsel", "Pelayanan publik"),
        ("PKP-2026-01", Pkp, (2026, 6, 1), Berjalan, "Kepemimpinan Pengawas", "PPSDM Kemendagri", "Kepemimpinan"),
        ("TEK-2025-02", Teknis, (2025, 10, 20), Selesai, "Tata Naskah Dinas", "BKPSDM Kota", "Administrasi"),
        ("LATSAR-2026-01", Latsar, (2026, 7, 6), Direncanakan, "Pelatihan Dasar CPNS", "", "BerAKHLAK"),
    ];
    let (dir, _path, mut store) = fresh();
    for (code, kind, (y, m, d), status, name, provider, competency) in rows {
        store
            .add_program(&ProgramInput {
                name: name.into(),
                provider: provider.into(),
                competency: competency.into(),
                ..program(code, kind, date(y, m, d), status)
            })
            .expect("added");
    }
    (dir, store)
}

#[rstest]
#[case::everything(None, None, None, "", &["LATSAR-2026-01", "PKP-2026-01", "TEK-2026-01", "TEK-2025-02"])]
#[case::year_2025(Some(2025), None, None, "", &["TEK-2025-02"])]
#[case::year_2026(Some(2026), None, None, "", &["LATSAR-2026-01", "PKP-2026-01", "TEK-2026-01"])]
#[case::year_without_programs(Some(2024), None, None, "", &[])]
#[case::kind(None, Some(ProgramType::Teknis), None, "", &["TEK-2026-01", "TEK-2025-02"])]
#[case::status(None, None, Some(ProgramStatus::Berjalan), "", &["PKP-2026-01"])]
#[case::all_three(Some(2026), Some(ProgramType::Teknis), Some(ProgramStatus::Selesai), "", &["TEK-2026-01"])]
#[case::text_in_provider(None, None, None, "bpsdm", &["TEK-2026-01"])]
#[case::text_in_name(None, None, None, "PELATIHAN", &["LATSAR-2026-01", "TEK-2026-01"])]
#[case::text_in_code(None, None, None, "tek-2025", &["TEK-2025-02"])]
#[case::text_in_competency(None, None, None, "  administrasi ", &["TEK-2025-02"])]
#[case::text_and_year(Some(2025), None, None, "pelatihan", &[])]
#[case::text_nowhere(None, None, None, "tidak ada", &[])]
fn programs_filter(
    #[case] year: Option<i32>,
    #[case] kind: Option<ProgramType>,
    #[case] status: Option<ProgramStatus>,
    #[case] text: &str,
    #[case] codes: &[&str],
) -> TestResult {
    let (_dir, store) = filtered_programs();
    let filter = ProgramFilter {
        year,
        kind,
        status,
        text: text.into(),
    };
    let got: Vec<String> = store
        .programs(&filter)?
        .into_iter()
        .map(|r| r.program.data.code.to_string())
        .collect();
    assert_eq!(got, codes);
    Ok(())
}

#[test]
fn program_rows_count_participants_and_years() -> TestResult {
    let (_dir, mut store) = filtered_programs();
    let pid = store.program_by_code("PKP-2026-01")?.expect("exists").id;
    let a = store.add_asn(&person(1, "Budi Santoso", None))?;
    let b = store.add_asn(&person(2, "Ani Lestari", None))?;
    store.enroll(pid, a)?;
    store.enroll(pid, b)?;
    let counts: Vec<(String, i64)> = store
        .programs(&ProgramFilter::default())?
        .into_iter()
        .map(|r| (r.program.data.code.to_string(), r.participants))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("LATSAR-2026-01".to_string(), 0),
            ("PKP-2026-01".to_string(), 2),
            ("TEK-2026-01".to_string(), 0),
            ("TEK-2025-02".to_string(), 0),
        ]
    );
    assert_eq!(store.program_years()?, vec![2026, 2025]);
    Ok(())
}

/// People to search among, added in an order unrelated to the expected results.
fn search_store(names: &[&str]) -> (TempDir, Store) {
    let (dir, _path, mut store) = fresh();
    for (seq, name) in (1..).zip(names) {
        let name = PersonName::parse_full(name).expect("valid name");
        store
            .add_asn(&AsnInput {
                name,
                ..person(seq, "x", None)
            })
            .expect("added");
    }
    (dir, store)
}

fn names(store: &Store, query: &str, limit: usize) -> Vec<String> {
    store
        .search_asn(query, limit)
        .expect("search")
        .into_iter()
        .map(|r| r.name)
        .collect()
}

const PEOPLE: &[&str] = &[
    "Ahmad Budi Hartono",
    "Siti Aminah",
    "Budiman Hakim",
    "José Rizal",
    "Budi Santoso",
];

#[rstest]
#[case::lower("budi", &["Budi Santoso", "Budiman Hakim", "Ahmad Budi Hartono"])]
#[case::upper("BUDI", &["Budi Santoso", "Budiman Hakim", "Ahmad Budi Hartono"])]
#[case::two_words("budi santoso", &["Budi Santoso"])]
#[case::inside("aminah", &["Siti Aminah"])]
#[case::accent_typed("JOSÉ", &["José Rizal"])]
#[case::accent_not_typed("jose rizal", &["José Rizal"])]
#[case::nothing("xyz", &[])]
fn search_by_name(#[case] query: &str, #[case] expected: &[&str]) {
    let (_dir, store) = search_store(PEOPLE);
    assert_eq!(names(&store, query, 50), expected);
}

#[test]
fn search_respects_the_limit_after_ordering() {
    let (_dir, store) = search_store(PEOPLE);
    assert_eq!(
        names(&store, "budi", 2),
        vec!["Budi Santoso", "Budiman Hakim"]
    );
}

#[test]

fn search_matches_each_word_typed_anywhere_in_the_name() {
    let (_dir, store) = search_store(PEOPLE);
    assert_eq!(names(&store, "santoso budi", 50), vec!["Budi Santoso"]);
    assert_eq!(
        names(&store, "ahmad hartono", 50),
        vec!["Ahmad Budi Hartono"]
    );
}

#[test]
fn search_ranks_a_name_starting_with_the_term_first_despite_front_titles() {
    let (_dir, store) = search_store(&["Ahmad Budiono", "Dr. Budi Raharjo"]);
    assert_eq!(
        names(&store, "budi", 50),
        vec!["Dr. Budi Raharjo", "Ahmad Budiono"]
    );
}

#[test]
fn search_by_nip_prefix_finds_exactly_the_matching_nips() {
    let (_dir, store) = search_store(&[
        "Satu",
        "Dua",
        "Tiga",
        "Empat",
        "Lima",
        "Enam",
        "Tujuh",
        "Delapan",
        "Sembilan",
        "Sepuluh",
        "Sebelas",
        "Dua Belas",
    ]);
    let all: Vec<String> = (1..=12).map(|s| nip(s).as_str().to_string()).collect();
    let mut runner = TestRunner::new(Config::with_cases(64));
    runner
        .run(
            &(0..all.len(), 1..=18usize, proptest::bool::ANY),
            |(i, len, spaced)| {
                let prefix = &all[i][..len];
                // Digits may be typed with spaces between groups.
                let query = if spaced && len > 8 {
                    format!("{} {}", &prefix[..8], &prefix[8..])
                } else {
                    prefix.to_string()
                };
                let mut got: Vec<String> = store
                    .search_asn(&query, 100)
                    .expect("search")
                    .into_iter()
                    .map(|r| r.nip)
                    .collect();
                got.sort();
                let want: Vec<String> = all
                    .iter()
                    .filter(|n| n.starts_with(prefix))
                    .cloned()
                    .collect();
                proptest::prop_assert_eq!(got, want, "query {:?}", query);
                Ok(())
            },
        )
        .expect("every prefix finds exactly its NIPs");
}

// ---------------------------------------------------------------------------------------------------------
// Users limited to some OPDs

#[test]
fn a_user_limited_to_an_opd_sees_and_changes_only_its_people() -> TestResult {
    let (_dir, mut budi, mut siti) = two_users();
    budi.add_user(&user("budi"), "", Role::Admin)?;
    budi.add_user(&user("siti"), "", Role::Operator)?;
    let dinkes = budi.add_opd(&opd_input("Dinas Kesehatan"))?;
    let disdik = budi.add_opd(&opd_input("Dinas Pendidikan"))?;
    let ani = budi.add_asn(&person(1, "Ani", Some(dinkes)))?;
    let bayu = budi.add_asn(&person(2, "Bayu", Some(disdik)))?;
    let program = budi.add_program(&teknis("KOM-2026-01"))?;
    // Without a limit siti sees everyone.
    assert_eq!(siti.search_asn("", 50)?.len(), 2);
    budi.set_user_opds(&user("siti"), &[dinkes])?;

    let seen: Vec<AsnId> = siti.search_asn("", 50)?.iter().map(|r| r.id).collect();
    assert_eq!(seen, vec![ani]);
    assert!(siti.search_asn("Bayu", 50)?.is_empty());
    assert_eq!(siti.all_asn()?.len(), 1);

    // Her own OPD's people she may enroll and change; the others' not, whatever the path.
    siti.enroll(program, ani)?;
    assert!(matches!(
        siti.enroll(program, bayu),
        Err(StoreError::OutOfScope)
    ));
    assert!(matches!(
        siti.add_asn(&person(3, "Citra", Some(disdik))),
        Err(StoreError::OutOfScope)
    ));
    assert!(matches!(
        siti.add_asn(&person(4, "Dodi", None)),
        Err(StoreError::OutOfScope)
    ));
    let b = budi.asn(bayu)?;
    let mut moved = person(2, "Bayu", Some(disdik));
    moved.opd = Some(dinkes);
    assert!(matches!(
        siti.update_asn(bayu, b.stamp.version, &moved),
        Err(StoreError::OutOfScope)
    ));
    // Nor may she move her own person out of reach.
    let a = budi.asn(ani)?;
    assert!(matches!(
        siti.update_asn(ani, a.stamp.version, &person(1, "Ani", Some(disdik))),
        Err(StoreError::OutOfScope)
    ));
    assert!(matches!(
        siti.set_score(
            program,
            bayu,
            tilik::store::response::Test::Pre,
            Some(50.0),
            100.0
        ),
        Err(StoreError::OutOfScope)
    ));
    siti.set_score(
        program,
        ani,
        tilik::store::response::Test::Pre,
        Some(50.0),
        100.0,
    )?;
    // Nothing of the refused writes is in the database; budi, unlimited, still does everything.
    assert_eq!(budi.search_asn("", 50)?.len(), 2);
    budi.enroll(program, bayu)?;
    // Lifting the limit gives everything back.
    budi.set_user_opds(&user("siti"), &[])?;
    assert_eq!(siti.search_asn("", 50)?.len(), 2);
    Ok(())
}

#[test]
fn a_search_for_the_start_of_a_code_finds_that_program_first() -> TestResult {
    let (_dir, store) = demo_store();
    let found = store.programs(&ProgramFilter {
        text: "KOM".into(),
        ..Default::default()
    })?;
    let codes: Vec<String> = found
        .iter()
        .map(|r| r.program.data.code.to_string())
        .collect();
    assert_eq!(codes, ["KOM-2026-01", "PRAKOM-2026-01"]);
    Ok(())
}
