//! End-to-end tests of the analysis commands (docs/cli.md): `compare`, `jp`, `activity add|list|delete`,
//! `needs`, `export siasn`, needs forms imported without a program, and users limited to some OPDs.
//!
//! Every test runs the real `tilik` binary on its own temporary database, with the environment pinned as in
//! tests/cli.rs (no `TILIK_DB`, `LANG=C`, `HOME`/`XDG_*` inside the test folder). Expected figures are
//! computed here, independently of tilik's own aggregation: either from a small database whose every value
//! is known, or from the demo's raw listings (rosters, activities, program list, reports).
//!
//! Programs' completion has no command of its own yet; the small database sets it through the library's
//! store (the same code path the terminal interface uses), as the database's admin.

use rstest::rstest;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;
use tilik::domain::enrollment::{Completion, EnrollmentData};
use tilik::store::{OpenMode, Store};

type Row = Map<String, Value>;

// ── Harness (as in tests/cli.rs) ─────────────────────────────────────────────────────────────────────────

/// One temporary folder with one database path in it, and the binary to run against it.
struct Tilik {
    dir: TempDir,
    db: PathBuf,
}

impl Tilik {
    fn new() -> Tilik {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join("x.db");
        Tilik { dir, db }
    }

    /// A freshly initialised, empty database.
    fn init() -> Tilik {
        let t = Tilik::new();
        t.ok(&["init"]);
        t
    }

    /// The Palembang demo database.
    fn demo() -> Tilik {
        let t = Tilik::new();
        t.ok(&["init", "--demo"]);
        t
    }

    fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// A process with a pinned environment and no `--db` yet.
    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tilik"));
        cmd.env_remove("TILIK_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LIB_BACKTRACE")
            .env("LANG", "C")
            .env("HOME", self.dir())
            .env("XDG_CONFIG_HOME", self.dir().join("config"))
            .env("XDG_DATA_HOME", self.dir().join("data"))
            .current_dir(self.dir());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command()
            .arg("--db")
            .arg(&self.db)
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
        stdout(&out)
    }

    /// Runs, asserts a failure (with exactly `code` when given), returns stderr.
    fn fails(&self, args: &[&str], code: Option<i32>) -> String {
        expect_failure(&self.run(args), args, code)
    }

    /// Runs a `… --format json` listing and returns its rows.
    fn json(&self, args: &[&str]) -> Vec<Row> {
        rows_of(&self.ok(args), args)
    }

    /// Writes a file into the test folder and returns its path as an argument.
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir().join(name);
        std::fs::write(&path, bytes).expect("write input file");
        arg(&path)
    }

    fn participants(&self) -> Vec<Row> {
        self.json(&["participant", "list", "--format", "json"])
    }

    fn roster(&self, code: &str) -> Vec<Row> {
        self.json(&["participant", "list", "--program", code, "--format", "json"])
    }

    fn programs(&self) -> Vec<Row> {
        self.json(&["program", "list", "--format", "json"])
    }

    fn activities(&self, extra: &[&str]) -> Vec<Row> {
        let mut args = vec!["activity", "list", "--format", "json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    fn jp(&self, extra: &[&str]) -> Vec<Row> {
        let mut args = vec!["jp", "--format", "json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    fn compare(&self, extra: &[&str]) -> Vec<Row> {
        let mut args = vec!["compare", "--format", "json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    fn siasn(&self, year: &str) -> Vec<Row> {
        self.json(&["export", "siasn", "--year", year, "--format", "json"])
    }

    fn needs(&self, extra: &[&str]) -> Vec<Row> {
        let mut args = vec!["needs", "--format", "json"];
        args.extend_from_slice(extra);
        self.json(&args)
    }

    /// Imports a CSV written from `text`, asserting success; returns stdout.
    fn import_csv(&self, name: &str, text: &str, extra: &[&str]) -> String {
        let path = self.file(name, text.as_bytes());
        let mut args = vec!["import", "participants", path.as_str()];
        args.extend_from_slice(extra);
        self.ok(&args)
    }

    /// `activity add`, asserting success; returns the new activity's id (from the confirmation).
    fn add_activity(&self, nip: &str, date: &str, kind: &str, title: &str, jp: &str) -> i64 {
        self.add_activity_with(nip, date, kind, title, jp, &[])
    }

    fn add_activity_with(
        &self,
        nip: &str,
        date: &str,
        kind: &str,
        title: &str,
        jp: &str,
        extra: &[&str],
    ) -> i64 {
        let mut args = vec![
            "activity", "add", "--nip", nip, "--date", date, "--kind", kind, "--title", title,
            "--jp", jp,
        ];
        args.extend_from_slice(extra);
        activity_id(&self.ok(&args))
    }
}

fn arg(path: &Path) -> String {
    path.to_str()
        .expect("temporary paths are UTF-8")
        .to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn describe(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn expect_failure(out: &Output, args: &[&str], code: Option<i32>) -> String {
    match code {
        Some(c) => assert_eq!(
            out.status.code(),
            Some(c),
            "tilik {args:?} should exit with {c}\n{}",
            describe(out)
        ),
        None => assert!(
            out.status.code().is_some_and(|c| c != 0),
            "tilik {args:?} should fail\n{}",
            describe(out)
        ),
    }
    assert!(
        out.stdout.is_empty(),
        "a refused command prints nothing on stdout:\n{}",
        describe(out)
    );
    let err = stderr(out);
    if code != Some(2) {
        // Usage errors (2) are clap's; everything else is tilik's one report.
        assert!(err.starts_with("tilik: "), "{err}");
    }
    for bad in [
        "panicked",
        "backtrace",
        "RUST_BACKTRACE",
        "Sqlite",
        "unwrap",
    ] {
        assert!(
            !err.contains(bad),
            "stderr must not contain {bad:?}:\n{err}"
        );
    }
    err
}

fn rows_of(text: &str, args: &[&str]) -> Vec<Row> {
    let value: Value = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("tilik {args:?} printed no JSON ({e}):\n{text}"));
    let Value::Array(items) = value else {
        panic!("tilik {args:?}: JSON output must be an array:\n{text}");
    };
    items
        .into_iter()
        .map(|v| match v {
            Value::Object(m) => m,
            other => panic!("tilik {args:?}: every element must be an object, got {other}"),
        })
        .collect()
}

/// The id in `kegiatan 12 dicatat: …`.
fn activity_id(out: &str) -> i64 {
    out.strip_prefix("kegiatan ")
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no activity id in the confirmation {out:?}"))
}

fn text(row: &Row, key: &str) -> String {
    match row.get(key) {
        Some(Value::String(s)) => s.clone(),
        other => panic!("{key} should be a string in {row:?}, got {other:?}"),
    }
}

fn num(row: &Row, key: &str) -> f64 {
    row.get(key)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("{key} should be a number in {row:?}"))
}

fn int(row: &Row, key: &str) -> i64 {
    row.get(key)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("{key} should be an integer in {row:?}"))
}

fn opt_num(row: &Row, key: &str) -> Option<f64> {
    match row.get(key) {
        Some(Value::Null) => None,
        Some(v) => Some(
            v.as_f64()
                .unwrap_or_else(|| panic!("{key} should be a number or null in {row:?}")),
        ),
        None => panic!("no key {key} in {row:?}"),
    }
}

fn flag(row: &Row, key: &str) -> bool {
    row.get(key)
        .and_then(Value::as_bool)
        .unwrap_or_else(|| panic!("{key} should be a JSON boolean in {row:?}"))
}

fn keys(row: &Row) -> Vec<&str> {
    row.keys().map(String::as_str).collect()
}

fn by<'a>(rows: &'a [Row], key: &str, value: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.get(key) == Some(&Value::from(value)))
        .unwrap_or_else(|| panic!("no row with {key} = {value} in {rows:#?}"))
}

fn column(rows: &[Row], key: &str) -> Vec<String> {
    rows.iter().map(|r| text(r, key)).collect()
}

/// Two decimals, as tilik rounds its figures.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn assert_close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() < 1e-9,
        "{what}: got {got}, expected {want}"
    );
}

/// Parses CSV output into its header and records.
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("CSV header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("CSV record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Asserts that the CSV form of a listing has exactly `keys` as its header and as many rows as the JSON.
fn assert_csv_header(t: &Tilik, args: &[&str], keys: &[&str]) {
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json = t.json(&json_args);
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let (header, rows) = parse_csv(&t.ok(&csv_args));
    assert_eq!(header, keys, "CSV header of tilik {args:?}");
    assert_eq!(
        rows.len(),
        json.len(),
        "CSV and JSON rows of tilik {args:?}"
    );
}

/// Sets how participants of a program finished, through the library's store as the database's admin
/// (there is no command for it yet).
fn set_completions(db: &Path, code: &str, outcomes: &[(&str, Completion, &str)]) {
    let me = tilik::identity::current_user().expect("the tests run as a real account");
    let mut store = Store::open(db, me, OpenMode::Existing).expect("open the test database");
    let program = store
        .program_by_code(code)
        .expect("read programs")
        .unwrap_or_else(|| panic!("no program {code}"));
    let roster = store.roster(program.id).expect("roster");
    for (nip, completion, certificate) in outcomes {
        let row = roster
            .iter()
            .find(|r| r.nip == *nip)
            .unwrap_or_else(|| panic!("{nip} is not enrolled in {code}"));
        store
            .update_enrollment(
                row.id,
                row.stamp.version,
                &EnrollmentData {
                    attendance: None,
                    completion: Some(*completion),
                    certificate_no: (*certificate).to_string(),
                },
            )
            .expect("set the completion");
    }
}

/// `(phase, program_id)` of every stored form of an instrument, read straight from the file.
fn stored_forms(db: &Path, instrument: &str) -> Vec<(String, Option<i64>)> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the database read-only");
    let mut stmt = conn
        .prepare("SELECT phase, program_id FROM response WHERE instrument_code = ?1 ORDER BY id")
        .expect("query forms");
    stmt.query_map([instrument], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("forms")
        .collect::<Result<_, _>>()
        .expect("form rows")
}

// ── Keys (docs/cli.md) ───────────────────────────────────────────────────────────────────────────────────

const COMPARE_KEYS: [&str; 13] = [
    "code",
    "name",
    "year",
    "type",
    "provider",
    "participants",
    "passed",
    "pass_pct",
    "reaction_index",
    "reaction_forms",
    "ngain_mean",
    "test_pairs",
    "cost_per_participant",
];
const JP_KEYS: [&str; 8] = [
    "nip",
    "name",
    "unit",
    "year",
    "jp_programs",
    "jp_activities",
    "jp_total",
    "meets_20_jp",
];
const JP_OPD_KEYS: [&str; 6] = [
    "unit",
    "asn",
    "meeting_20_jp",
    "below_20_jp",
    "meeting_pct",
    "mean_jp",
];
const ACTIVITY_KEYS: [&str; 10] = [
    "id",
    "date",
    "nip",
    "name",
    "unit",
    "kind",
    "title",
    "provider",
    "jp",
    "certificate_no",
];
const GAP_KEYS: [&str; 5] = ["competency", "ability", "importance", "gap", "respondents"];
const TOPIC_KEYS: [&str; 4] = ["code", "topic", "respondents", "pct"];
const GROUP_KEYS: [&str; 3] = ["group", "respondents", "top_topics"];
const SIASN_KEYS: [&str; 12] = [
    "nip",
    "nama",
    "jenis_diklat",
    "kategori",
    "nama_diklat",
    "penyelenggara",
    "jp",
    "tanggal_mulai",
    "tanggal_selesai",
    "nomor_sertifikat",
    "tahun",
    "kode_program",
];

// ── A small database whose every figure is known ─────────────────────────────────────────────────────────

const HEADER: &str = "nip,nama,jabatan,golongan,unit";
const BUDI: &str = "198504122010011003";
const SITI: &str = "199001012015032001";
const RINA: &str = "198710202012122002";
/// A valid NIP nobody in the small database has.
const NOBODY: &str = "199203152018011001";
const DINKES: &str = "Dinas Kesehatan";
const BAPENDA: &str = "Badan Pendapatan Daerah";

fn budi_row() -> String {
    format!("{BUDI},Budi Santoso,Kepala Seksi Pelayanan,III/d,{DINKES}")
}
fn siti_row() -> String {
    format!("{SITI},\"Dr. Siti Aminah, M.Si.\",Analis Kepegawaian,III/b,{BAPENDA}")
}
fn rina_row() -> String {
    format!("{RINA},Rina Marlina,Pranata Komputer,III/c,{DINKES}")
}

/// `program add` with valid defaults (KOM-01, teknis, 2–5 March 2026, 32 JP, BKPSDM Kota Palembang);
/// each `(flag, value)` replaces that flag's value, or is appended when the flag is not among them.
fn program_args<'a>(changes: &[(&'a str, &'a str)]) -> Vec<&'a str> {
    let mut args = vec![
        "program",
        "add",
        "--code",
        "KOM-01",
        "--name",
        "Komunikasi Publik dan Penanganan Pengaduan",
        "--type",
        "teknis",
        "--start",
        "2026-03-02",
        "--end",
        "2026-03-05",
        "--jp",
        "32",
        "--provider",
        "BKPSDM Kota Palembang",
        "--location",
        "Palembang",
    ];
    for &(flag, value) in changes {
        match args.iter().position(|a| *a == flag) {
            Some(i) => args[i + 1] = value,
            None => args.extend([flag, value]),
        }
    }
    args
}

/// Three people (Budi and Rina in Dinas Kesehatan, Siti in Badan Pendapatan Daerah) and three programs:
///
/// | program | type, mode | dates | JP | people |
/// |---|---|---|---|---|
/// | KOM-01 | teknis, klasikal, BKPSDM | 2–5 Mar 2026 | 32 | Budi lulus (KOM-01/001), Siti tidak lulus, Rina open |
/// | PKP-25 | pkp, blended, BPSDM | 3 Nov 2025 – 20 Feb 2026 | 40 | Budi lulus (PKP-25/007) |
/// | TND-25 | seminar, klasikal, BKPSDM | 20–21 Oct 2025 | 16 | Siti lulus (TND-25/003) |
///
/// and three activities: Budi coaching 4 JP on 4 May 2026, Siti e-learning 10 JP on 31 Dec 2025, Rina
/// mentoring 12.5 JP on 1 Jan 2026.
///
/// So for 2026: Budi 32 + 40 programme JP and 4 activity JP; Siti nothing; Rina 12.5 activity JP.
/// For 2025: Siti 16 + 10; the others nothing (PKP-25 started in 2025 but ended in 2026).
fn small() -> Tilik {
    let t = Tilik::init();
    t.ok(&program_args(&[]));
    t.ok(&program_args(&[
        ("--code", "PKP-25"),
        ("--name", "Pelatihan Kepemimpinan Pengawas"),
        ("--type", "pkp"),
        ("--mode", "blended"),
        ("--start", "2025-11-03"),
        ("--end", "2026-02-20"),
        ("--jp", "40"),
        ("--provider", "BPSDM Provinsi Sumatera Selatan"),
    ]));
    t.ok(&program_args(&[
        ("--code", "TND-25"),
        ("--name", "Bimbingan Teknis Tata Naskah Dinas"),
        ("--type", "seminar"),
        ("--start", "20/10/2025"),
        ("--end", "21/10/2025"),
        ("--jp", "16"),
    ]));
    t.import_csv(
        "kom.csv",
        &format!("{HEADER}\n{}\n{}\n{}\n", budi_row(), siti_row(), rina_row()),
        &["--program", "KOM-01"],
    );
    t.import_csv(
        "pkp.csv",
        &format!("{HEADER}\n{}\n", budi_row()),
        &["--program", "PKP-25"],
    );
    t.import_csv(
        "tnd.csv",
        &format!("{HEADER}\n{}\n", siti_row()),
        &["--program", "TND-25"],
    );
    set_completions(
        &t.db,
        "KOM-01",
        &[
            (BUDI, Completion::Lulus, "KOM-01/001"),
            (SITI, Completion::TidakLulus, ""),
        ],
    );
    set_completions(&t.db, "PKP-25", &[(BUDI, Completion::Lulus, "PKP-25/007")]);
    set_completions(&t.db, "TND-25", &[(SITI, Completion::Lulus, "TND-25/003")]);
    t.add_activity_with(
        BUDI,
        "2026-05-04",
        "coaching",
        "Coaching penyusunan laporan",
        "4",
        &["--provider", "Atasan langsung", "--certificate", "C-001"],
    );
    t.add_activity_with(
        SITI,
        "31/12/2025",
        "e_learning",
        "Literasi Digital ASN",
        "10",
        &["--provider", "LAN RI"],
    );
    t.add_activity(
        RINA,
        "2026-01-01",
        "mentoring",
        "Mentoring aksi perubahan",
        "12,5",
    );
    t
}

// ── compare ──────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn compare_shows_each_program_s_figures() {
    let t = small();
    // Test scores: gains 0.5 (Budi), 0 (Siti), 0.5 (Rina).
    let scores = t.file(
        "scores.csv",
        format!("nip,pre,post\n{BUDI},40,70\n{SITI},60,60\n{RINA},50,75\n").as_bytes(),
    );
    t.ok(&["import", "scores", &scores, "--program", "KOM-01"]);
    // Reaction forms on a 1–4 scale: Budi 4 and 3, Siti 2 (R02 left empty).
    let reaction = t.file(
        "reaksi.csv",
        format!("nip,R01,R02\n{BUDI},4,3\n{SITI},2,\n").as_bytes(),
    );
    t.ok(&[
        "import",
        "survey",
        &reaction,
        "--program",
        "KOM-01",
        "--instrument",
        "REAKSI-01",
    ]);

    let rows = t.compare(&[]);
    assert_eq!(
        column(&rows, "code"),
        ["KOM-01", "PKP-25", "TND-25"],
        "newest first"
    );
    for r in &rows {
        assert_eq!(keys(r), COMPARE_KEYS);
    }
    let kom = by(&rows, "code", "KOM-01");
    assert_eq!(kom["name"], "Komunikasi Publik dan Penanganan Pengaduan");
    assert_eq!(kom["year"], Value::from(2026));
    assert_eq!(kom["type"], "teknis", "the type as its code in JSON");
    assert_eq!(kom["provider"], "BKPSDM Kota Palembang");
    assert_eq!(int(kom, "participants"), 3);
    assert_eq!(int(kom, "passed"), 1);
    assert_close(num(kom, "pass_pct"), round2(100.0 / 3.0), "KOM-01 pass_pct");
    // Every Likert answer on 0–100: (3 + 2 + 1) / 3 points of 3.
    assert_close(
        num(kom, "reaction_index"),
        round2(100.0 * 6.0 / 9.0),
        "KOM-01 reaction index",
    );
    assert_eq!(int(kom, "reaction_forms"), 2);
    assert_close(num(kom, "ngain_mean"), round2(1.0 / 3.0), "KOM-01 N-gain");
    assert_eq!(int(kom, "test_pairs"), 3);
    assert_eq!(
        kom["cost_per_participant"],
        Value::Null,
        "no costs recorded"
    );

    let pkp = by(&rows, "code", "PKP-25");
    assert_eq!(
        pkp["year"],
        Value::from(2025),
        "the year the program started"
    );
    assert_eq!((int(pkp, "participants"), int(pkp, "passed")), (1, 1));
    assert_close(num(pkp, "pass_pct"), 100.0, "PKP-25 pass_pct");
    assert_eq!(pkp["reaction_index"], Value::Null);
    assert_eq!(int(pkp, "reaction_forms"), 0);
    assert_eq!(pkp["ngain_mean"], Value::Null);
    assert_eq!(int(pkp, "test_pairs"), 0);

    // Only Dinas Kesehatan's people (Budi and Rina) count.
    let dinkes = t.compare(&["--opd", DINKES]);
    let kom = by(&dinkes, "code", "KOM-01");
    assert_eq!((int(kom, "participants"), int(kom, "passed")), (2, 1));
    assert_close(num(kom, "pass_pct"), 50.0, "KOM-01 pass_pct in Dinkes");
    assert_close(
        num(kom, "reaction_index"),
        round2(100.0 * 5.0 / 6.0),
        "Budi's form only",
    );
    assert_eq!(int(kom, "reaction_forms"), 1);
    assert_close(num(kom, "ngain_mean"), 0.5, "Budi's and Rina's gains");
    assert_eq!(int(kom, "test_pairs"), 2);
    let tnd = by(&dinkes, "code", "TND-25");
    assert_eq!(
        int(tnd, "participants"),
        0,
        "Siti is not in Dinas Kesehatan"
    );
    assert_eq!(tnd["pass_pct"], Value::Null, "no participants: no rate");
    // The name in any case (imported OPDs have no code; the demo test covers codes).
    assert_eq!(t.compare(&["--opd", &DINKES.to_uppercase()]), dinkes);
    assert_eq!(t.compare(&["--opd", &DINKES.to_lowercase()]), dinkes);

    assert_csv_header(&t, &["compare"], &COMPARE_KEYS);
    let table = t.ok(&["compare"]);
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("KOM-01") && l.contains("Teknis")),
        "tables show the type's label:\n{table}"
    );
}

#[test]
fn compare_filters_by_year_type_and_provider() {
    let t = small();
    let codes = |extra: &[&str]| column(&t.compare(extra), "code");
    assert_eq!(codes(&["--year", "2026"]), ["KOM-01"]);
    assert_eq!(
        codes(&["--year", "2025"]),
        ["PKP-25", "TND-25"],
        "programs that started in 2025, newest first"
    );
    assert!(codes(&["--year", "2024"]).is_empty());
    assert_eq!(codes(&["--type", "pkp"]), ["PKP-25"]);
    assert_eq!(codes(&["--type", "teknis"]), ["KOM-01"]);
    assert!(codes(&["--type", "latsar"]).is_empty());
    assert_eq!(
        codes(&["--provider", "BKPSDM Kota Palembang"]),
        ["KOM-01", "TND-25"]
    );
    assert_eq!(
        codes(&["--provider", "BKPSDM Kota Palembang", "--year", "2025"]),
        ["TND-25"]
    );
    assert!(codes(&["--provider", "Lembaga Lain"]).is_empty());

    let err = t.fails(&["compare", "--type", "kursus"], Some(3));
    assert!(
        err.contains("--type") && err.contains("kursus") && err.contains("teknis"),
        "names the option, the value and the choices:\n{err}"
    );
    let err = t.fails(&["compare", "--opd", "Dinas Entah"], Some(3));
    assert!(err.contains("Dinas Entah"), "{err}");
}

#[test]
fn an_empty_opd_is_refused() {
    let t = small();
    for args in [
        &["compare", "--opd", "", "--format", "json"][..],
        &["jp", "--year", "2026", "--opd", "", "--format", "json"][..],
        &["compare", "--opd", "  ", "--format", "json"][..],
    ] {
        t.fails(args, Some(3));
    }
}

#[test]
fn compare_agrees_with_rosters_and_reports_on_the_demo() {
    let t = Tilik::demo();
    let programs = t.programs();
    let rows = t.compare(&[]);
    assert_eq!(rows.len(), programs.len(), "every program is compared");
    let mut forms_total = 0;
    for r in &rows {
        assert_eq!(keys(r), COMPARE_KEYS);
        let code = text(r, "code");
        let program = by(&programs, "code", &code);
        assert_eq!(r["name"], program["name"]);
        assert_eq!(r["type"], program["type"]);
        assert_eq!(r["provider"], program["provider"]);
        let start = text(program, "start");
        assert_eq!(int(r, "year").to_string(), start[..4], "{code}: start year");

        let roster = t.roster(&code);
        let passed = roster.iter().filter(|p| p["kelulusan"] == "lulus").count() as i64;
        assert_eq!(int(r, "participants"), roster.len() as i64, "{code}");
        assert_eq!(
            int(r, "participants"),
            int(program, "participants"),
            "{code}"
        );
        assert_eq!(int(r, "passed"), passed, "{code}");
        if roster.is_empty() {
            assert_eq!(r["pass_pct"], Value::Null);
        } else {
            assert_close(
                num(r, "pass_pct"),
                round2(100.0 * passed as f64 / roster.len() as f64),
                &format!("{code} pass_pct"),
            );
        }

        // The program's own report, item by item: the reaction index is the mean of the items' indices
        // (each item's mean on 0–100), as the report's own index is.
        let report: Value =
            serde_json::from_str(&t.ok(&["report", "--program", &code, "--format", "json"]))
                .expect("report JSON");
        let (mut indices, mut respondents) = (Vec::new(), 0);
        for reaction in report["reaction"].as_array().expect("reaction list") {
            respondents += reaction["respondents"].as_i64().expect("respondents");
            for item in reaction["items"].as_array().expect("items") {
                let Some(mean) = item["mean"].as_f64() else {
                    continue;
                };
                let (lo, hi) = (
                    item["scale"][0].as_f64().expect("scale"),
                    item["scale"][1].as_f64().expect("scale"),
                );
                indices.push(100.0 * (mean - lo) / (hi - lo));
            }
            if let Some(own) = reaction["index"].as_f64() {
                assert_close(
                    opt_num(r, "reaction_index").expect("an index"),
                    round2(own),
                    &format!("{code}: compare and report agree"),
                );
            }
        }
        assert_eq!(
            int(r, "reaction_forms"),
            respondents,
            "{code}: reaction forms"
        );
        forms_total += respondents;
        match opt_num(r, "reaction_index") {
            None => assert!(indices.is_empty(), "{code}: answers but no index"),
            Some(index) => {
                let mean = indices.iter().sum::<f64>() / indices.len() as f64;
                assert!(
                    (index - mean).abs() <= 0.005 + 1e-9,
                    "{code}: reaction index {index}, items give {mean}"
                );
            }
        }
        let learning = &report["learning"];
        match opt_num(r, "ngain_mean") {
            None => assert!(
                learning["ngain_mean"].is_null() || learning.is_null(),
                "{code}"
            ),
            Some(g) => assert_close(
                g,
                round2(learning["ngain_mean"].as_f64().expect("report N-gain")),
                &format!("{code} N-gain"),
            ),
        }
        if !learning.is_null() {
            assert_eq!(
                Some(int(r, "test_pairs")),
                learning["pairs"].as_i64(),
                "{code}: pairs"
            );
        }
        assert_eq!(
            r["cost_per_participant"], report["costs"]["per_participant"],
            "{code}: cost per participant"
        );
    }
    // Every reaction form of the demo belongs to one program.
    let instruments = t.json(&["instrument", "list", "--format", "json"]);
    let reaction_forms: i64 = instruments
        .iter()
        .filter(|i| i["level"] == "reaction")
        .map(|i| int(i, "forms"))
        .sum();
    assert_eq!(forms_total, reaction_forms);
    assert!(forms_total > 0, "the demo has reaction forms");

    // Year, type and provider select exactly the matching programs.
    for year in ["2025", "2026"] {
        let want: BTreeSet<String> = programs
            .iter()
            .filter(|p| text(p, "start").starts_with(year))
            .map(|p| text(p, "code"))
            .collect();
        let got: BTreeSet<String> = column(&t.compare(&["--year", year]), "code")
            .into_iter()
            .collect();
        assert_eq!(got, want, "--year {year}");
        assert!(!got.is_empty());
    }
    let kinds: BTreeSet<String> = programs.iter().map(|p| text(p, "type")).collect();
    for kind in &kinds {
        let want: BTreeSet<String> = programs
            .iter()
            .filter(|p| text(p, "type") == *kind)
            .map(|p| text(p, "code"))
            .collect();
        let got: BTreeSet<String> = column(&t.compare(&["--type", kind]), "code")
            .into_iter()
            .collect();
        assert_eq!(got, want, "--type {kind}");
    }
    let providers: BTreeSet<String> = programs.iter().map(|p| text(p, "provider")).collect();
    assert!(providers.len() >= 2);
    for provider in &providers {
        let want: BTreeSet<String> = programs
            .iter()
            .filter(|p| text(p, "provider") == *provider)
            .map(|p| text(p, "code"))
            .collect();
        let got: BTreeSet<String> = column(&t.compare(&["--provider", provider]), "code")
            .into_iter()
            .collect();
        assert_eq!(got, want, "--provider {provider}");
    }
}

#[test]
fn compare_for_one_opd_counts_only_its_participants_on_the_demo() {
    let t = Tilik::demo();
    let all = t.compare(&[]);
    let opds = t.json(&["opd", "list", "--format", "json"]);
    let dinkes = by(&opds, "code", "DINKES");
    let unit = text(dinkes, "name");
    let mine = t.compare(&["--opd", "DINKES"]);
    assert_eq!(
        column(&mine, "code"),
        column(&all, "code"),
        "the same programs"
    );
    let (mut sum_all, mut sum_mine) = (0, 0);
    for r in &mine {
        let code = text(r, "code");
        let whole = by(&all, "code", &code);
        let roster: Vec<Row> = t
            .roster(&code)
            .into_iter()
            .filter(|p| p.get("unit") == Some(&Value::from(unit.as_str())))
            .collect();
        let passed = roster.iter().filter(|p| p["kelulusan"] == "lulus").count() as i64;
        assert_eq!(int(r, "participants"), roster.len() as i64, "{code}");
        assert_eq!(int(r, "passed"), passed, "{code}");
        assert!(int(r, "participants") <= int(whole, "participants"));
        assert!(int(r, "reaction_forms") <= int(whole, "reaction_forms"));
        assert!(int(r, "test_pairs") <= int(whole, "test_pairs"));
        assert_eq!(
            r["cost_per_participant"], whole["cost_per_participant"],
            "{code}: the cost is shared by everyone enrolled"
        );
        sum_all += int(whole, "participants");
        sum_mine += int(r, "participants");
    }
    assert!(sum_mine > 0, "Dinas Kesehatan has participants in the demo");
    assert!(
        sum_mine < sum_all,
        "one OPD's participants ({sum_mine}) are fewer than everyone's ({sum_all})"
    );
    assert_eq!(t.compare(&["--opd", &unit]), mine, "by name as by code");
}

// ── jp ───────────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn jp_counts_passed_programs_by_their_end_and_activities_by_their_day() {
    let t = small();
    let rows = t.jp(&["--year", "2026"]);
    assert_eq!(
        column(&rows, "nip"),
        [SITI, BUDI, RINA],
        "every ASN, with or without JP, by OPD name then name"
    );
    for r in &rows {
        assert_eq!(keys(r), JP_KEYS);
        assert_eq!(r["year"], Value::from(2026));
        assert_close(
            num(r, "jp_total"),
            num(r, "jp_programs") + num(r, "jp_activities"),
            "total = programs + activities",
        );
        assert_eq!(flag(r, "meets_20_jp"), num(r, "jp_total") >= 20.0);
    }
    let figures = |rows: &[Row], nip: &str| {
        let r = by(rows, "nip", nip);
        (
            num(r, "jp_programs"),
            num(r, "jp_activities"),
            num(r, "jp_total"),
            flag(r, "meets_20_jp"),
        )
    };
    // Budi passed KOM-01 (2026) and PKP-25 (started 2025, ended 2026), and had 4 JP of coaching.
    assert_eq!(figures(&rows, BUDI), (72.0, 4.0, 76.0, true));
    // Siti failed KOM-01; her TND-25 and e-learning were in 2025.
    assert_eq!(figures(&rows, SITI), (0.0, 0.0, 0.0, false));
    // Rina's KOM-01 is not finished; 12.5 JP of mentoring.
    assert_eq!(figures(&rows, RINA), (0.0, 12.5, 12.5, false));
    let budi = by(&rows, "nip", BUDI);
    assert_eq!(budi["name"], "Budi Santoso");
    assert_eq!(budi["unit"], DINKES);

    let last_year = t.jp(&["--year", "2025"]);
    assert_eq!(figures(&last_year, SITI), (16.0, 10.0, 26.0, true));
    assert_eq!(figures(&last_year, BUDI), (0.0, 0.0, 0.0, false));
    assert_eq!(figures(&last_year, RINA), (0.0, 0.0, 0.0, false));

    // --below: exactly those under 20 JP.
    let below: BTreeSet<String> = column(&t.jp(&["--year", "2026", "--below"]), "nip")
        .into_iter()
        .collect();
    assert_eq!(below, BTreeSet::from([SITI.to_string(), RINA.to_string()]));
    assert_eq!(
        column(&t.jp(&["--year", "2025", "--below"]), "nip")
            .into_iter()
            .collect::<BTreeSet<_>>(),
        BTreeSet::from([BUDI.to_string(), RINA.to_string()])
    );

    // --opd: only that OPD's people.
    let dinkes: BTreeSet<String> = column(&t.jp(&["--year", "2026", "--opd", DINKES]), "nip")
        .into_iter()
        .collect();
    assert_eq!(dinkes, BTreeSet::from([BUDI.to_string(), RINA.to_string()]));
    let err = t.fails(&["jp", "--opd", "Dinas Entah"], Some(3));
    assert!(err.contains("Dinas Entah"), "{err}");

    // --by-opd: Dinas Kesehatan 2 ASN (76 and 12.5 JP), Bapenda 1 ASN (0 JP).
    let groups = t.jp(&["--year", "2026", "--by-opd"]);
    assert_eq!(groups.len(), 2);
    for g in &groups {
        assert_eq!(keys(g), JP_OPD_KEYS);
    }
    let d = by(&groups, "unit", DINKES);
    assert_eq!(
        (
            int(d, "asn"),
            int(d, "meeting_20_jp"),
            int(d, "below_20_jp")
        ),
        (2, 1, 1)
    );
    assert_close(num(d, "meeting_pct"), 50.0, "Dinkes meeting_pct");
    assert_close(
        num(d, "mean_jp"),
        round2((76.0 + 12.5) / 2.0),
        "Dinkes mean",
    );
    let b = by(&groups, "unit", BAPENDA);
    assert_eq!(
        (
            int(b, "asn"),
            int(b, "meeting_20_jp"),
            int(b, "below_20_jp")
        ),
        (1, 0, 1)
    );
    assert_close(num(b, "meeting_pct"), 0.0, "Bapenda meeting_pct");
    assert_close(num(b, "mean_jp"), 0.0, "Bapenda mean");
    let groups_2025 = t.jp(&["--year", "2025", "--by-opd"]);
    let b = by(&groups_2025, "unit", BAPENDA);
    assert_eq!((int(b, "meeting_20_jp"), int(b, "below_20_jp")), (1, 0));

    assert_csv_header(&t, &["jp", "--year", "2026"], &JP_KEYS);
    assert_csv_header(&t, &["jp", "--year", "2026", "--by-opd"], &JP_OPD_KEYS);
    let (_, csv_rows) = parse_csv(&t.ok(&["jp", "--year", "2026", "--format", "csv"]));
    let budi_csv = csv_rows
        .iter()
        .find(|r| r[0] == BUDI)
        .expect("Budi in the CSV");
    assert_eq!(budi_csv[7], "true", "a boolean in CSV");
}

#[test]
fn jp_without_a_year_is_this_year() {
    let t = small();
    // "This year" is the WIB (UTC+7) date's year.
    let year = |at: chrono::DateTime<chrono::Utc>| {
        chrono::Datelike::year(&(at + chrono::Duration::hours(7)).date_naive())
    };
    let before = year(chrono::Utc::now());
    let rows = t.jp(&[]);
    let after = year(chrono::Utc::now());
    let shown = int(&rows[0], "year") as i32;
    assert!(
        shown == before || shown == after,
        "jp without --year shows {shown}, this year is {before}"
    );
    assert_eq!(rows, t.jp(&["--year", &shown.to_string()]));
}

#[test]
fn jp_agrees_with_rosters_and_activities_on_the_demo() {
    let t = Tilik::demo();
    let year = "2026";
    // Independently: JP of every program ending in the year, for each person who passed it …
    let mut programs_jp: BTreeMap<String, f64> = BTreeMap::new();
    for p in t.programs() {
        if !text(&p, "end").starts_with(year) {
            continue;
        }
        let jp = num(&p, "jp");
        for person in t.roster(&text(&p, "code")) {
            if person["kelulusan"] == "lulus" {
                *programs_jp.entry(text(&person, "nip")).or_default() += jp;
            }
        }
    }
    // … and every activity of the year.
    let mut activities_jp: BTreeMap<String, f64> = BTreeMap::new();
    let activities = t.activities(&["--year", year]);
    assert!(!activities.is_empty(), "the demo has activities in {year}");
    for a in &activities {
        assert!(text(a, "date").starts_with(year));
        *activities_jp.entry(text(a, "nip")).or_default() += num(a, "jp");
    }

    let people = t.participants();
    let rows = t.jp(&["--year", year]);
    assert_eq!(rows.len(), people.len(), "one line per ASN");
    let mut meeting = 0;
    for r in &rows {
        assert_eq!(keys(r), JP_KEYS);
        let nip = text(r, "nip");
        let person = by(&people, "nip", &nip);
        assert_eq!(r["unit"], person["unit"].clone(), "{nip}: unit");
        let programs = programs_jp.get(&nip).copied().unwrap_or(0.0);
        let activities = activities_jp.get(&nip).copied().unwrap_or(0.0);
        assert_close(num(r, "jp_programs"), programs, &format!("{nip} programs"));
        assert_close(
            num(r, "jp_activities"),
            activities,
            &format!("{nip} activities"),
        );
        assert_close(
            num(r, "jp_total"),
            num(r, "jp_programs") + num(r, "jp_activities"),
            &format!("{nip} total"),
        );
        assert_eq!(
            flag(r, "meets_20_jp"),
            programs + activities >= 20.0,
            "{nip}"
        );
        meeting += usize::from(flag(r, "meets_20_jp"));
    }
    assert!(
        meeting > 0 && meeting < rows.len(),
        "the demo has people on both sides of 20 JP"
    );

    // --below lists exactly those under 20 JP.
    let want_below: BTreeSet<String> = rows
        .iter()
        .filter(|r| num(r, "jp_total") < 20.0)
        .map(|r| text(r, "nip"))
        .collect();
    let below = t.jp(&["--year", year, "--below"]);
    assert_eq!(
        column(&below, "nip").into_iter().collect::<BTreeSet<_>>(),
        want_below
    );
    assert_eq!(below.len(), want_below.len(), "nobody twice");

    // --by-opd adds up to the per-ASN list.
    let groups = t.jp(&["--year", year, "--by-opd"]);
    let mut per_unit: BTreeMap<String, (i64, i64, f64)> = BTreeMap::new();
    for r in &rows {
        let unit = r["unit"].as_str().unwrap_or_default().to_string();
        let e = per_unit.entry(unit).or_default();
        e.0 += 1;
        e.1 += i64::from(flag(r, "meets_20_jp"));
        e.2 += num(r, "jp_total");
    }
    assert_eq!(groups.len(), per_unit.len(), "one line per unit");
    for g in &groups {
        assert_eq!(keys(g), JP_OPD_KEYS);
        let unit = text(g, "unit");
        let (n, ok, sum) = per_unit[&unit];
        assert_eq!(int(g, "asn"), n, "{unit}");
        assert_eq!(int(g, "meeting_20_jp"), ok, "{unit}");
        assert_eq!(int(g, "below_20_jp"), n - ok, "{unit}");
        assert_close(
            num(g, "meeting_pct"),
            round2(100.0 * ok as f64 / n as f64),
            &format!("{unit} meeting_pct"),
        );
        assert_close(
            num(g, "mean_jp"),
            round2(sum / n as f64),
            &format!("{unit} mean_jp"),
        );
    }
    assert_eq!(
        groups.iter().map(|g| int(g, "asn")).sum::<i64>(),
        rows.len() as i64
    );
    // --by-opd --below: the units where someone is under 20 JP.
    let below_units: BTreeSet<String> = per_unit
        .iter()
        .filter(|(_, (n, ok, _))| ok < n)
        .map(|(u, _)| u.clone())
        .collect();
    assert_eq!(
        column(&t.jp(&["--year", year, "--by-opd", "--below"]), "unit")
            .into_iter()
            .collect::<BTreeSet<_>>(),
        below_units
    );

    // --opd: that OPD's people, as many as `opd list` counts.
    let opds = t.json(&["opd", "list", "--format", "json"]);
    let dinkes = by(&opds, "code", "DINKES");
    let mine = t.jp(&["--year", year, "--opd", "DINKES"]);
    assert_eq!(mine.len() as i64, int(dinkes, "asn"));
    assert!(mine.iter().all(|r| r["unit"] == dinkes["name"]));
    let want: Vec<&Row> = rows
        .iter()
        .filter(|r| r["unit"] == dinkes["name"])
        .collect();
    assert_eq!(mine.iter().collect::<Vec<_>>(), want);
}

// ── activity add / list / delete ─────────────────────────────────────────────────────────────────────────

#[test]
fn an_activity_adds_exactly_its_jp_and_deleting_it_takes_them_back() {
    let t = Tilik::demo();
    let year = "2026";
    let before = t.jp(&["--year", year]);
    // Someone with no JP at all this year.
    let person = before
        .iter()
        .find(|r| num(r, "jp_total") == 0.0)
        .expect("someone in the demo has no JP in 2026")
        .clone();
    let nip = text(&person, "nip");
    let unit = text(&person, "unit");
    let groups_before = t.jp(&["--year", year, "--by-opd"]);
    let activities_before = t.activities(&[]).len();

    let first = t.add_activity(
        &nip,
        "2026-06-15",
        "coaching",
        "Coaching laporan kinerja",
        "4",
    );
    let after = t.jp(&["--year", year]);
    let r = by(&after, "nip", &nip);
    assert_close(num(r, "jp_activities"), 4.0, "activities rise by 4");
    assert_close(num(r, "jp_programs"), 0.0, "programs unchanged");
    assert_close(num(r, "jp_total"), 4.0, "total rises by 4");
    assert!(!flag(r, "meets_20_jp"));
    // Nobody else changed.
    for (b, a) in before.iter().zip(&after) {
        if text(b, "nip") != nip {
            assert_eq!(a, b);
        }
    }

    // 16 more, on 31 December: exactly 20 JP meets the target.
    let second = t.add_activity_with(
        &nip,
        "31/12/2026",
        "e_learning",
        "Literasi Digital ASN",
        "16",
        &["--provider", "LAN RI", "--certificate", "00999/SERT/2026"],
    );
    let after = t.jp(&["--year", year]);
    let r = by(&after, "nip", &nip);
    assert_close(num(r, "jp_activities"), 20.0, "4 + 16");
    assert_close(num(r, "jp_total"), 20.0, "4 + 16");
    assert!(flag(r, "meets_20_jp"), "exactly 20 JP meets the target");
    assert!(
        !column(&t.jp(&["--year", year, "--below"]), "nip").contains(&nip),
        "20 JP is not below"
    );
    let g_before = by(&groups_before, "unit", &unit);
    let groups_after = t.jp(&["--year", year, "--by-opd"]);
    let g_after = by(&groups_after, "unit", &unit);
    assert_eq!(
        int(g_after, "meeting_20_jp"),
        int(g_before, "meeting_20_jp") + 1
    );
    assert_eq!(
        int(g_after, "below_20_jp"),
        int(g_before, "below_20_jp") - 1
    );
    // Nothing of 2027 changes.
    assert_eq!(
        by(&t.jp(&["--year", "2027"]), "nip", &nip)["jp_activities"],
        Value::from(0.0)
    );

    // Both are listed for the person, newest first, with the documented keys.
    let listed = t.activities(&["--nip", &nip]);
    assert_eq!(
        listed.iter().map(|a| int(a, "id")).collect::<Vec<_>>(),
        [second, first]
    );
    let e = &listed[0];
    assert_eq!(keys(e), ACTIVITY_KEYS);
    assert_eq!(e["date"], "2026-12-31", "ISO dates in JSON");
    assert_eq!(e["nip"], Value::from(nip.as_str()));
    assert_eq!(e["name"], person["name"]);
    assert_eq!(e["unit"], Value::from(unit.as_str()));
    assert_eq!(e["kind"], "e_learning", "the kind's code in JSON");
    assert_eq!(e["title"], "Literasi Digital ASN");
    assert_eq!(e["provider"], "LAN RI");
    assert_close(num(e, "jp"), 16.0, "jp");
    assert_eq!(e["certificate_no"], "00999/SERT/2026");
    assert_eq!(t.activities(&[]).len(), activities_before + 2);

    // Deleting both gives the figures of before back.
    let out = t.ok(&["activity", "delete", &second.to_string()]);
    assert!(out.contains(&second.to_string()), "{out}");
    t.ok(&["activity", "delete", &first.to_string()]);
    assert_eq!(t.jp(&["--year", year]), before);
    assert!(t.activities(&["--nip", &nip]).is_empty());
    assert_eq!(t.activities(&[]).len(), activities_before);
    // Deleting again: not found, nothing else touched.
    let err = t.fails(&["activity", "delete", &first.to_string()], Some(1));
    assert!(err.contains(&first.to_string()), "{err}");
    assert_eq!(t.activities(&[]).len(), activities_before);
}

#[test]
fn activity_list_filters_by_person_and_year_newest_first() {
    let t = small();
    let all = t.activities(&[]);
    assert_eq!(all.len(), 3);
    assert_eq!(
        column(&all, "date"),
        ["2026-05-04", "2026-01-01", "2025-12-31"],
        "newest first; dd/mm/yyyy input stored as the same day"
    );
    for a in &all {
        assert_eq!(keys(a), ACTIVITY_KEYS);
    }
    let budi = by(&all, "nip", BUDI);
    assert_eq!(budi["name"], "Budi Santoso");
    assert_eq!(budi["unit"], DINKES);
    assert_eq!(budi["kind"], "coaching");
    assert_eq!(budi["provider"], "Atasan langsung");
    assert_eq!(budi["certificate_no"], "C-001");
    let rina = by(&all, "nip", RINA);
    assert_close(num(rina, "jp"), 12.5, "a decimal comma is accepted");
    assert_eq!(rina["provider"], "", "no provider: empty");
    let siti = by(&all, "nip", SITI);
    assert_eq!(siti["name"], "Dr. Siti Aminah, M.Si.");

    assert_eq!(column(&t.activities(&["--nip", BUDI]), "nip"), [BUDI]);
    assert_eq!(column(&t.activities(&["--year", "2025"]), "nip"), [SITI]);
    assert_eq!(
        column(&t.activities(&["--year", "2026"]), "nip"),
        [BUDI, RINA]
    );
    assert!(t.activities(&["--nip", SITI, "--year", "2026"]).is_empty());
    // A NIP may be written with spaces.
    let spaced = "19850412 201001 1 003";
    assert_eq!(column(&t.activities(&["--nip", spaced]), "nip"), [BUDI]);
    let err = t.fails(&["activity", "list", "--nip", NOBODY], Some(3));
    assert!(err.contains("--nip") && err.contains(NOBODY), "{err}");

    assert_csv_header(&t, &["activity", "list"], &ACTIVITY_KEYS);
    let table = t.ok(&["activity", "list"]);
    let line = table
        .lines()
        .find(|l| l.contains(BUDI))
        .unwrap_or_else(|| panic!("Budi's activity in the table:\n{table}"));
    assert!(
        line.contains("04/05/2026"),
        "dd/mm/yyyy in tables:\n{table}"
    );
    assert!(
        line.contains("Coaching"),
        "the kind's label in tables:\n{table}"
    );
    assert!(!table.contains("2026-05-04"), "{table}");
}

#[rstest]
#[case::date_31_february("--date", "31/02/2026", "bukan tanggal yang valid")]
#[case::date_not_a_date("--date", "kemarin", "bukan tanggal yang valid")]
#[case::unknown_kind("--kind", "kursus", "kursus")]
#[case::empty_title("--title", "", "wajib diisi")]
#[case::blank_title("--title", "   ", "wajib diisi")]
#[case::negative_jp("--jp", "-3", "harus antara")]
#[case::zero_jp("--jp", "0", "harus antara")]
#[case::jp_letters("--jp", "empat", "--jp")]
#[case::jp_too_many("--jp", "2001", "harus antara")]
#[case::jp_two_decimals("--jp", "1,25", "desimal")]
#[case::unknown_nip("--nip", NOBODY, NOBODY)]
fn activity_add_refuses_bad_input(#[case] flag: &str, #[case] value: &str, #[case] reason: &str) {
    let t = small();
    let before = t.activities(&[]);
    let jp_before = t.jp(&["--year", "2026"]);
    let mut args = vec![
        "activity",
        "add",
        "--nip",
        BUDI,
        "--date",
        "2026-06-01",
        "--kind",
        "mentoring",
        "--title",
        "Mentoring",
        "--jp",
        "4",
    ];
    let i = args.iter().position(|a| *a == flag).expect("a known flag");
    args[i + 1] = value;
    let err = t.fails(&args, Some(3));
    assert!(err.contains("tidak ada yang disimpan; 1 masalah"), "{err}");
    assert!(err.contains(flag), "the message names {flag}:\n{err}");
    assert!(err.contains(reason), "expected {reason:?} in:\n{err}");
    assert_eq!(t.activities(&[]), before, "nothing written");
    assert_eq!(t.jp(&["--year", "2026"]), jp_before, "nothing written");
}

#[test]
fn activity_add_lists_every_problem_at_once() {
    let t = small();
    let before = t.activities(&[]);
    let args = [
        "activity",
        "add",
        "--nip",
        BUDI,
        "--date",
        "31/02/2026",
        "--kind",
        "kursus",
        "--title",
        "",
        "--jp",
        "-3",
    ];
    let err = t.fails(&args, Some(3));
    assert!(err.contains("tidak ada yang disimpan; 4 masalah"), "{err}");
    for f in ["--date", "--kind", "--title", "--jp"] {
        assert!(err.contains(f), "{f} is listed:\n{err}");
    }
    assert_eq!(
        err.lines().count(),
        5,
        "a header and one line per problem:\n{err}"
    );
    let en = t.fails(&[&["--lang", "en"][..], &args[..]].concat(), Some(3));
    assert!(en.contains("nothing was saved; 4 problem(s)"), "{en}");
    assert_eq!(t.activities(&[]), before, "nothing written");
}

#[test]
fn activity_add_lists_an_unknown_nip_with_the_other_problems() {
    let t = small();
    let before = t.activities(&[]);
    let err = t.fails(
        &[
            "activity",
            "add",
            "--nip",
            NOBODY,
            "--date",
            "31/02/2026",
            "--kind",
            "kursus",
            "--title",
            "",
            "--jp",
            "-3",
        ],
        Some(3),
    );
    assert!(err.contains("5 masalah"), "{err}");
    for f in ["--nip", "--date", "--kind", "--title", "--jp"] {
        assert!(err.contains(f), "{f} is listed:\n{err}");
    }
    assert_eq!(t.activities(&[]), before, "nothing written");
}

// ── CSV safety ───────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let t = small();
    let title = "=HYPERLINK(\"http://x.example\",\"klik\")";
    let provider = "+62 811 Lembaga";
    let certificate = "@SUM(A1:A9)";
    t.add_activity_with(
        RINA,
        "2026-07-01",
        "magang",
        title,
        "8",
        &["--provider", provider, "--certificate", certificate],
    );
    // A value starting with '-' is given as `--title=…` (clap would take it for an option).
    let minus = "-1+1 Kajian";
    let title_arg = format!("--title={minus}");
    activity_id(&t.ok(&[
        "activity",
        "add",
        "--nip",
        RINA,
        "--date",
        "2026-07-02",
        "--kind",
        "lainnya",
        &title_arg,
        "--jp",
        "2",
    ]));

    // JSON keeps the text as it is.
    let json = t.activities(&["--nip", RINA]);
    let a = by(&json, "title", title);
    assert_eq!(a["provider"], provider);
    assert_eq!(a["certificate_no"], certificate);
    by(&json, "title", minus);

    let check = |csv: &str, what: &str| {
        let (header, rows) = parse_csv(csv);
        let cell = |row: &[String], key: &str| {
            let i = header
                .iter()
                .position(|h| h == key)
                .unwrap_or_else(|| panic!("{what}: no column {key}"));
            row[i].clone()
        };
        let title_key = if header.contains(&"title".to_string()) {
            ("title", "provider", "certificate_no")
        } else {
            ("nama_diklat", "penyelenggara", "nomor_sertifikat")
        };
        let row = rows
            .iter()
            .find(|r| cell(r, title_key.0).contains("HYPERLINK"))
            .unwrap_or_else(|| panic!("{what}: the activity is listed:\n{csv}"));
        assert_eq!(cell(row, title_key.0), format!("'{title}"), "{what}");
        assert_eq!(cell(row, title_key.1), format!("'{provider}"), "{what}");
        assert_eq!(cell(row, title_key.2), format!("'{certificate}"), "{what}");
        let row = rows
            .iter()
            .find(|r| cell(r, title_key.0).contains("Kajian"))
            .unwrap_or_else(|| panic!("{what}: the second activity is listed:\n{csv}"));
        assert_eq!(cell(row, title_key.0), format!("'{minus}"), "{what}");
        // No cell of the file starts a formula.
        for r in &rows {
            for c in r {
                // A negative number would be fine; text starting with '-' is not.
                let formula = c.starts_with(['=', '+', '@'])
                    || (c.starts_with('-') && c.parse::<f64>().is_err());
                assert!(!formula, "{what}: a formula cell {c:?}");
            }
        }
    };
    check(
        &t.ok(&["activity", "list", "--format", "csv"]),
        "activity list",
    );
    check(
        &t.ok(&["export", "siasn", "--year", "2026", "--format", "csv"]),
        "export siasn",
    );
    let file = t.dir().join("siasn.csv");
    t.ok(&["export", "siasn", "--year", "2026", "-o", &arg(&file)]);
    check(
        &std::fs::read_to_string(&file).expect("the export file"),
        "export siasn -o",
    );
}

// ── export siasn ─────────────────────────────────────────────────────────────────────────────────────────

/// The parts of a SIASN line that identify it.
fn siasn_key(r: &Row) -> (String, String, String, String) {
    (
        text(r, "nip"),
        text(r, "kode_program"),
        text(r, "nama_diklat"),
        text(r, "tanggal_mulai"),
    )
}

#[test]
fn export_siasn_lists_passed_programs_ending_in_the_year_and_the_year_s_activities() {
    let t = small();
    let rows = t.siasn("2026");
    for r in &rows {
        assert_eq!(keys(r), SIASN_KEYS);
        assert_eq!(r["tahun"], Value::from(2026));
    }
    // Budi: KOM-01 and PKP-25 (ended 2026) and his coaching; Rina: her mentoring. Siti failed KOM-01.
    // By person, then start date.
    assert_eq!(
        rows.iter()
            .map(|r| (text(r, "nip"), text(r, "tanggal_mulai")))
            .collect::<Vec<_>>(),
        [
            (BUDI.to_string(), "2025-11-03".to_string()),
            (BUDI.to_string(), "2026-03-02".to_string()),
            (BUDI.to_string(), "2026-05-04".to_string()),
            (RINA.to_string(), "2026-01-01".to_string()),
        ],
        "{rows:#?}"
    );
    let line = |code: &str, title: &str| {
        rows.iter()
            .find(|r| r["kode_program"] == code && r["nama_diklat"] == title)
            .unwrap_or_else(|| panic!("no line {code} {title} in {rows:#?}"))
    };
    let kom = line("KOM-01", "Komunikasi Publik dan Penanganan Pengaduan");
    assert_eq!(kom["nip"], BUDI);
    assert_eq!(kom["nama"], "Budi Santoso");
    assert_eq!(kom["jenis_diklat"], "teknis");
    assert_eq!(kom["kategori"], "klasikal");
    assert_eq!(kom["penyelenggara"], "BKPSDM Kota Palembang");
    assert_close(num(kom, "jp"), 32.0, "KOM-01 jp");
    assert_eq!(kom["tanggal_mulai"], "2026-03-02");
    assert_eq!(kom["tanggal_selesai"], "2026-03-05");
    assert_eq!(kom["nomor_sertifikat"], "KOM-01/001");
    let pkp = line("PKP-25", "Pelatihan Kepemimpinan Pengawas");
    assert_eq!(pkp["nip"], BUDI);
    assert_eq!(pkp["jenis_diklat"], "pkp");
    assert_eq!(pkp["kategori"], "nonklasikal", "a blended program");
    assert_eq!(pkp["tanggal_mulai"], "2025-11-03");
    assert_eq!(pkp["tanggal_selesai"], "2026-02-20");
    assert_eq!(pkp["nomor_sertifikat"], "PKP-25/007");
    assert_close(num(pkp, "jp"), 40.0, "PKP-25 jp");
    let coaching = line("", "Coaching penyusunan laporan");
    assert_eq!(coaching["nip"], BUDI);
    assert_eq!(coaching["jenis_diklat"], "coaching");
    assert_eq!(coaching["kategori"], "nonklasikal");
    assert_eq!(coaching["penyelenggara"], "Atasan langsung");
    assert_eq!(coaching["tanggal_mulai"], "2026-05-04");
    assert_eq!(coaching["tanggal_selesai"], "2026-05-04");
    assert_eq!(coaching["nomor_sertifikat"], "C-001");
    assert_close(num(coaching, "jp"), 4.0, "coaching jp");
    let mentoring = line("", "Mentoring aksi perubahan");
    assert_eq!(mentoring["nip"], RINA);
    assert_close(num(mentoring, "jp"), 12.5, "mentoring jp");

    let last_year = t.siasn("2025");
    assert_eq!(
        last_year
            .iter()
            .map(|r| (
                text(r, "nip"),
                text(r, "kode_program"),
                num(r, "jp").to_string()
            ))
            .collect::<BTreeSet<_>>(),
        BTreeSet::from([
            (SITI.to_string(), "TND-25".to_string(), "16".to_string()),
            (SITI.to_string(), String::new(), "10".to_string()),
        ])
    );
    assert!(last_year.iter().all(|r| r["tahun"] == 2025));
    let tnd = by(&last_year, "kode_program", "TND-25");
    assert_eq!(tnd["jenis_diklat"], "seminar");
    assert_eq!(tnd["kategori"], "klasikal");
    assert_eq!(tnd["nama"], "Dr. Siti Aminah, M.Si.");
    assert!(t.siasn("2024").is_empty());

    // The SIASN JP of a year are the jp command's totals of that year.
    for year in ["2025", "2026"] {
        let mut per_nip: BTreeMap<String, f64> = BTreeMap::new();
        for r in t.siasn(year) {
            *per_nip.entry(text(&r, "nip")).or_default() += num(&r, "jp");
        }
        for r in t.jp(&["--year", year]) {
            assert_close(
                per_nip.get(&text(&r, "nip")).copied().unwrap_or(0.0),
                num(&r, "jp_total"),
                &format!("{year}: {}", text(&r, "nip")),
            );
        }
    }

    // CSV is the default; -o writes the same bytes to a file and says how many lines.
    let csv = t.ok(&["export", "siasn", "--year", "2026"]);
    let (header, csv_rows) = parse_csv(&csv);
    assert_eq!(header, SIASN_KEYS);
    assert_eq!(csv_rows.len(), 4);
    let file = t.dir().join("siasn-2026.csv");
    let out = t.ok(&["export", "siasn", "--year", "2026", "-o", &arg(&file)]);
    assert!(
        out.contains("4 baris") && out.contains(&arg(&file)),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("the export"), csv);
    let json_file = t.dir().join("siasn-2026.json");
    t.ok(&[
        "export",
        "siasn",
        "--year",
        "2026",
        "--format",
        "json",
        "--output",
        &arg(&json_file),
    ]);
    assert_eq!(
        rows_of(
            &std::fs::read_to_string(&json_file).expect("the JSON export"),
            &["export"]
        ),
        rows
    );

    // Tables are for people: dd/mm/yyyy and the type's label.
    let table = t.ok(&["export", "siasn", "--year", "2026", "--format", "table"]);
    assert!(
        table.contains("02/03/2026") && table.contains("20/02/2026"),
        "{table}"
    );
    assert!(!table.contains("2026-03-02"), "{table}");
    assert!(
        table.contains("Teknis") && table.contains("Coaching"),
        "{table}"
    );

    let err = t.fails(&["export", "siasn"], Some(2));
    assert!(err.contains("--year"), "{err}");
}

#[test]
fn export_siasn_agrees_with_rosters_and_activities_on_the_demo() {
    let t = Tilik::demo();
    for year in ["2025", "2026"] {
        let mut want: Vec<(String, String, String, String)> = Vec::new();
        let mut detail: BTreeMap<(String, String, String, String), Row> = BTreeMap::new();
        for p in t.programs() {
            if !text(&p, "end").starts_with(year) {
                continue;
            }
            for person in t.roster(&text(&p, "code")) {
                if person["kelulusan"] != "lulus" {
                    continue;
                }
                let key = (
                    text(&person, "nip"),
                    text(&p, "code"),
                    text(&p, "name"),
                    text(&p, "start"),
                );
                let mut row = Row::new();
                row.insert("jenis_diklat".into(), p["type"].clone());
                row.insert(
                    "kategori".into(),
                    Value::from(if p["mode"] == "klasikal" {
                        "klasikal"
                    } else {
                        "nonklasikal"
                    }),
                );
                row.insert("penyelenggara".into(), p["provider"].clone());
                row.insert("jp".into(), p["jp"].clone());
                row.insert("tanggal_selesai".into(), p["end"].clone());
                row.insert(
                    "nomor_sertifikat".into(),
                    person["nomor_sertifikat"].clone(),
                );
                detail.insert(key.clone(), row);
                want.push(key);
            }
        }
        for a in t.activities(&["--year", year]) {
            let key = (
                text(&a, "nip"),
                String::new(),
                text(&a, "title"),
                text(&a, "date"),
            );
            let mut row = Row::new();
            row.insert("jenis_diklat".into(), a["kind"].clone());
            row.insert(
                "kategori".into(),
                Value::from(if a["kind"] == "klasikal" {
                    "klasikal"
                } else {
                    "nonklasikal"
                }),
            );
            row.insert("penyelenggara".into(), a["provider"].clone());
            row.insert("jp".into(), a["jp"].clone());
            row.insert("tanggal_selesai".into(), a["date"].clone());
            row.insert("nomor_sertifikat".into(), a["certificate_no"].clone());
            detail.insert(key.clone(), row);
            want.push(key);
        }
        let rows = t.siasn(year);
        let mut got: Vec<_> = rows.iter().map(siasn_key).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{year}: the same lines");
        assert!(!rows.is_empty(), "the demo has SIASN lines in {year}");
        let people = t.participants();
        for r in &rows {
            assert_eq!(keys(r), SIASN_KEYS);
            assert_eq!(int(r, "tahun").to_string(), year);
            let expected = &detail[&siasn_key(r)];
            for (k, v) in expected {
                if k == "jp" {
                    assert_close(
                        num(r, k),
                        v.as_f64().expect("jp"),
                        &format!("{year} {:?} jp", siasn_key(r)),
                    );
                } else {
                    assert_eq!(&r[k], v, "{year} {:?}: {k}", siasn_key(r));
                }
            }
            let person = by(&people, "nip", &text(r, "nip"));
            assert_eq!(r["nama"], person["nama"]);
        }
    }
}

// ── import survey without a program; needs ───────────────────────────────────────────────────────────────

/// Three TNA-ASN forms: abilities (K) and importances (P) of three competencies, and wished topics (N01).
fn tna_csv() -> String {
    format!(
        "nip,K01,K02,K03,P01,P02,P03,N01\n\
         {BUDI},1,3,2,4,3,4,1;5\n\
         {SITI},2,4,2,4,2,3,5\n\
         {RINA},3,2,1,3,4,4,5;4;1\n"
    )
}

fn people_only() -> Tilik {
    let t = Tilik::init();
    t.import_csv(
        "people.csv",
        &format!("{HEADER}\n{}\n{}\n{}\n", budi_row(), siti_row(), rina_row()),
        &[],
    );
    t
}

fn forms_of(t: &Tilik, instrument: &str) -> i64 {
    let list = t.json(&["instrument", "list", "--format", "json"]);
    int(by(&list, "code", instrument), "forms")
}

#[test]
fn needs_forms_are_imported_without_a_program_as_pre() {
    let t = people_only();
    assert!(t.programs().is_empty(), "no program at all");
    let file = t.file("tna.csv", tna_csv().as_bytes());
    let out = t.ok(&["import", "survey", &file, "--instrument", "TNA-ASN"]);
    assert!(out.contains("3 formulir baru"), "{out}");
    assert_eq!(forms_of(&t, "TNA-ASN"), 3);
    assert_eq!(
        stored_forms(&t.db, "TNA-ASN"),
        vec![("pre".to_string(), None); 3],
        "phase pre by default, no program"
    );
    // The same respondents again: refused, nothing added.
    let err = t.fails(
        &["import", "survey", &file, "--instrument", "TNA-ASN"],
        Some(3),
    );
    assert!(err.contains("3 masalah"), "one problem per form:\n{err}");
    assert_eq!(forms_of(&t, "TNA-ASN"), 3);
    // An explicit phase is kept.
    let atasan = t.file(
        "atasan.csv",
        format!("nip,K01,P01\n{BUDI},2,4\n").as_bytes(),
    );
    t.ok(&[
        "import",
        "survey",
        &atasan,
        "--instrument",
        "TNA-ATASAN",
        "--phase",
        "followup",
    ]);
    assert_eq!(
        stored_forms(&t.db, "TNA-ATASAN"),
        vec![("followup".to_string(), None)]
    );
}

#[test]
fn a_reaction_form_without_a_program_is_refused() {
    let t = people_only();
    let file = t.file(
        "reaksi.csv",
        format!("nip,R01,R02\n{BUDI},4,3\n").as_bytes(),
    );
    let err = t.fails(
        &["import", "survey", &file, "--instrument", "REAKSI-01"],
        Some(3),
    );
    assert!(
        err.contains("REAKSI-01") && err.contains("--program"),
        "says that the form needs a program:\n{err}"
    );
    let en = t.fails(
        &[
            "--lang",
            "en",
            "import",
            "survey",
            &file,
            "--instrument",
            "REAKSI-01",
        ],
        Some(3),
    );
    assert!(en.contains("give --program"), "{en}");
    assert_eq!(forms_of(&t, "REAKSI-01"), 0, "nothing written");
    assert!(
        stored_forms(&t.db, "REAKSI-01").is_empty(),
        "nothing written"
    );
}

#[test]
fn needs_shows_gaps_topics_and_groups_of_known_forms() {
    let t = people_only();
    let file = t.file("tna.csv", tna_csv().as_bytes());
    t.ok(&["import", "survey", &file, "--instrument", "TNA-ASN"]);

    // Gaps: mean importance − mean ability, widest first; only competencies with answers.
    let mean = |v: [f64; 3]| v.iter().sum::<f64>() / 3.0;
    let want = [
        (
            "manajemen waktu",
            mean([2.0, 2.0, 1.0]),
            mean([4.0, 3.0, 4.0]),
        ),
        (
            "pelayanan publik",
            mean([1.0, 2.0, 3.0]),
            mean([4.0, 4.0, 3.0]),
        ),
        (
            "komunikasi lisan dan tertulis",
            mean([3.0, 4.0, 2.0]),
            mean([3.0, 2.0, 4.0]),
        ),
    ];
    let gaps = t.needs(&[]);
    assert_eq!(
        gaps,
        t.needs(&["--instrument", "TNA-ASN", "--show", "gaps"])
    );
    assert_eq!(gaps.len(), want.len(), "{gaps:#?}");
    for (g, (competency, ability, importance)) in gaps.iter().zip(want) {
        assert_eq!(keys(g), GAP_KEYS);
        assert_eq!(g["competency"], competency);
        assert_close(num(g, "ability"), round2(ability), competency);
        assert_close(num(g, "importance"), round2(importance), competency);
        assert_close(num(g, "gap"), round2(importance - ability), competency);
        assert_eq!(int(g, "respondents"), 3);
    }

    // Topics: option 5 by all three, 1 by two, 4 by one, the others by nobody.
    let topics = t.needs(&["--show", "topics"]);
    for r in &topics {
        assert_eq!(keys(r), TOPIC_KEYS);
    }
    assert_eq!(
        column(&topics[..3], "code"),
        ["5", "1", "4"],
        "most asked first"
    );
    let expected = [("5", 3), ("1", 2), ("4", 1)];
    for r in &topics {
        let code = text(r, "code");
        let n = expected
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(0, |(_, n)| *n);
        assert_eq!(int(r, "respondents"), n, "topic {code}");
        assert_close(
            num(r, "pct"),
            round2(100.0 * n as f64 / 3.0),
            &format!("topic {code} pct"),
        );
    }
    assert!(topics.len() > 3, "every option is listed");
    let label = |code: &str| text(by(&topics, "code", code), "topic");
    assert_eq!(label("5"), "Literasi digital dan aplikasi SRIKANDI");

    // Per OPD: Dinas Kesehatan (Budi, Rina) wished 1, 5 (twice each) and 4; Bapenda (Siti) only 5.
    let opd = t.needs(&["--show", "opd"]);
    assert_eq!(opd.len(), 2);
    for r in &opd {
        assert_eq!(keys(r), GROUP_KEYS);
    }
    let top = |r: &Row| -> BTreeSet<String> {
        text(r, "top_topics")
            .split("; ")
            .map(str::to_string)
            .collect()
    };
    let d = by(&opd, "group", DINKES);
    assert_eq!(int(d, "respondents"), 2);
    assert_eq!(top(d), BTreeSet::from([label("1"), label("5"), label("4")]));
    let b = by(&opd, "group", BAPENDA);
    assert_eq!(int(b, "respondents"), 1);
    assert_eq!(text(b, "top_topics"), label("5"));

    // Per position level: everyone counted once; Budi (Kepala Seksi) is a pengawas.
    let level = t.needs(&["--show", "level"]);
    for r in &level {
        assert_eq!(keys(r), GROUP_KEYS);
    }
    assert_eq!(level.iter().map(|r| int(r, "respondents")).sum::<i64>(), 3);
    let pengawas = by(&level, "group", "pengawas");
    assert_eq!(top(pengawas), BTreeSet::from([label("1"), label("5")]));

    // The year is the year the forms were keyed.
    let this_year = chrono::Datelike::year(&chrono::Utc::now()).to_string();
    assert_eq!(t.needs(&["--year", &this_year]), gaps);
    assert!(t.needs(&["--year", "1999"]).is_empty());
    assert!(
        t.needs(&["--year", "1999", "--show", "topics"])
            .iter()
            .all(|r| int(r, "respondents") == 0)
    );
    // The other needs instrument has no forms.
    assert!(t.needs(&["--instrument", "TNA-ATASAN"]).is_empty());

    assert_csv_header(&t, &["needs"], &GAP_KEYS);
    assert_csv_header(&t, &["needs", "--show", "topics"], &TOPIC_KEYS);
    assert_csv_header(&t, &["needs", "--show", "opd"], &GROUP_KEYS);
    assert_csv_header(&t, &["needs", "--show", "level"], &GROUP_KEYS);
}

#[test]
fn needs_refuses_other_instruments() {
    let t = Tilik::init();
    let err = t.fails(&["needs", "--instrument", "REAKSI-01"], Some(3));
    assert!(err.contains("REAKSI-01"), "{err}");
    let err = t.fails(&["needs", "--instrument", "TIDAK-ADA"], Some(3));
    assert!(err.contains("TIDAK-ADA"), "{err}");
    let err = t.fails(&["needs", "--show", "semua"], Some(2));
    assert!(err.contains("semua"), "{err}");
}

#[test]
fn needs_on_the_demo_counts_every_form() {
    let t = Tilik::demo();
    for instrument in ["TNA-ASN", "TNA-ATASAN"] {
        let forms = forms_of(&t, instrument);
        assert!(forms > 0, "the demo has {instrument} forms");
        let arg = ["--instrument", instrument];
        for show in ["opd", "level"] {
            let groups = t.needs(&[&arg[..], &["--show", show]].concat());
            assert_eq!(
                groups.iter().map(|g| int(g, "respondents")).sum::<i64>(),
                forms,
                "{instrument} --show {show}"
            );
        }
        let gaps = t.needs(&arg);
        assert!(!gaps.is_empty());
        let mut last = f64::INFINITY;
        for g in &gaps {
            assert!(int(g, "respondents") <= forms);
            // Each figure is rounded on its own: the gap may differ from the rounded difference by 0.01.
            let difference = num(g, "importance") - num(g, "ability");
            assert!(
                (num(g, "gap") - difference).abs() <= 0.01 + 1e-9,
                "{instrument}: gap of {g:?}"
            );
            assert!(num(g, "gap") <= last, "widest gap first");
            last = num(g, "gap");
        }
        let topics = t.needs(&[&arg[..], &["--show", "topics"]].concat());
        let mut last = i64::MAX;
        for r in &topics {
            let n = int(r, "respondents");
            assert!(n <= last, "most asked first");
            last = n;
            assert!(
                (num(r, "pct") - 100.0 * n as f64 / forms as f64).abs() <= 0.005 + 1e-9,
                "{instrument}: pct of {r:?}"
            );
        }
    }
}

// ── Closing the pipe early ───────────────────────────────────────────────────────────────────────────────

#[test]
fn closing_the_pipe_early_is_not_an_error() {
    let t = Tilik::demo();
    let db = arg(&t.db);
    let status = arg(&t.dir().join("status"));
    for args in [
        "export siasn --year 2026 --format json",
        "export siasn --year 2026",
        "jp --year 2026 --format json",
        "jp --year 2026",
        "activity list --format csv",
        "compare --format json",
        "needs --show topics",
    ] {
        // `tilik … | head -1`, keeping tilik's own exit status.
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "( \"$0\" --db \"$1\" {args}; echo $? > \"$2\" ) | head -1"
            ))
            .arg(env!("CARGO_BIN_EXE_tilik"))
            .arg(&db)
            .arg(&status)
            .env_remove("TILIK_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env("LANG", "C")
            .env("HOME", t.dir())
            .env("XDG_CONFIG_HOME", t.dir().join("config"))
            .env("XDG_DATA_HOME", t.dir().join("data"))
            .current_dir(t.dir())
            .output()
            .expect("sh runs");
        assert_eq!(out.status.code(), Some(0), "{args}\n{}", describe(&out));
        assert_eq!(
            stdout(&out).lines().count(),
            1,
            "{args}\n{}",
            describe(&out)
        );
        assert_eq!(stderr(&out), "", "no message for a closed pipe: {args}");
        let code = std::fs::read_to_string(&status).expect("tilik's exit status");
        assert_eq!(code.trim(), "0", "tilik {args} exits with 0");
    }

    // A reader that is gone before tilik writes anything (more than a pipe holds: it must notice).
    let mut child = t
        .command()
        .arg("--db")
        .arg(&t.db)
        .args(["export", "siasn", "--year", "2026", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tilik starts");
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    let status = child.wait().expect("tilik ends");
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert_eq!(err, "", "no message for a closed pipe");
}

// ── A user limited to one OPD ────────────────────────────────────────────────────────────────────────────

/// An existing account the tests may run tilik as, when they run as root.
struct Other {
    name: String,
    uid: u32,
    gid: u32,
}

fn other_account(test: &str, t: &Tilik) -> Option<Other> {
    let skip = |why: &str| {
        println!("skipped: cli_analysis::{test}: {why}");
        None
    };
    if !nix::unistd::Uid::effective().is_root() {
        return skip(
            "tilik's user is the real uid's account; acting as another account needs root \
             (run the tests as root, e.g. in CI)",
        );
    }
    let Ok(Some(user)) = nix::unistd::User::from_name("nobody") else {
        return skip("there is no account `nobody` to act as");
    };
    let other = Other {
        name: user.name,
        uid: user.uid.as_raw(),
        gid: user.gid.as_raw(),
    };
    // The account must be able to run the binary (a build folder inside a private home cannot).
    let probe = Command::new(env!("CARGO_BIN_EXE_tilik"))
        .arg("--version")
        .uid(other.uid)
        .gid(other.gid)
        .current_dir(t.dir())
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        return skip("the account `nobody` cannot run the tilik binary from the build folder");
    }
    Some(other)
}

impl Tilik {
    /// Lets any account work in the test folder and on its database.
    fn share(&self) {
        use std::os::unix::fs::PermissionsExt;
        for entry in std::fs::read_dir(self.dir()).expect("the test folder") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666))
                    .expect("chmod 666");
            }
        }
        std::fs::set_permissions(self.dir(), std::fs::Permissions::from_mode(0o777))
            .expect("chmod 777");
    }

    /// `tilik --db <db> ARGS…` as another account.
    fn run_as(&self, who: &Other, args: &[&str]) -> Output {
        self.command()
            .uid(who.uid)
            .gid(who.gid)
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .output()
            .expect("the tilik binary runs")
    }

    fn ok_as(&self, who: &Other, args: &[&str]) -> String {
        let out = self.run_as(who, args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "tilik {args:?} as {} should succeed\n{}",
            who.name,
            describe(&out)
        );
        stdout(&out)
    }
}

/// The demo with an operator limited to Dinas Kesehatan, as whom the test may run tilik.
fn demo_with_limited_operator(test: &str) -> Option<(Tilik, Other)> {
    let t = Tilik::demo();
    let other = other_account(test, &t)?;
    t.ok(&[
        "user",
        "add",
        &other.name,
        "--role",
        "operator",
        "--opd",
        "DINKES",
    ]);
    t.share();
    Some((t, other))
}

#[test]
fn a_user_limited_to_an_opd_works_only_on_its_people() {
    let Some((t, clerk)) =
        demo_with_limited_operator("a_user_limited_to_an_opd_works_only_on_its_people")
    else {
        return;
    };
    let people = t.participants();
    let unit = |r: &Row| r["unit"].as_str().unwrap_or_default().to_string();
    let mine: BTreeSet<String> = people
        .iter()
        .filter(|p| unit(p) == DINKES)
        .map(|p| text(p, "nip"))
        .collect();
    assert!(!mine.is_empty());
    let theirs = people
        .iter()
        .find(|p| unit(p) == "Dinas Pendidikan")
        .map(|p| text(p, "nip"))
        .expect("someone in Dinas Pendidikan");
    let own = mine
        .iter()
        .next()
        .expect("someone in Dinas Kesehatan")
        .clone();
    let all_activities = t.activities(&[]);
    let audit_before = t.json(&["audit", "--table", "activity", "--format", "json"]);

    // Another OPD's person: refused by the database, nothing written.
    let args = [
        "activity",
        "add",
        "--nip",
        theirs.as_str(),
        "--date",
        "2026-06-01",
        "--kind",
        "coaching",
        "--title",
        "Coaching",
        "--jp",
        "4",
    ];
    let out = t.run_as(&clerk, &args);
    let err = expect_failure(&out, &args, None);
    assert!(
        err.contains("di luar OPD"),
        "a clear message that the person is outside the user's OPDs:\n{err}"
    );
    assert_eq!(err.lines().count(), 1, "one sentence:\n{err}");
    let en_args = [&["--lang", "en"][..], &args[..]].concat();
    let en = expect_failure(&t.run_as(&clerk, &en_args), &en_args, None);
    assert!(en.contains("outside the OPDs you are limited to"), "{en}");
    assert_eq!(t.activities(&[]), all_activities, "nothing written");
    assert_eq!(
        t.json(&["audit", "--table", "activity", "--format", "json"]),
        audit_before,
        "nothing audited"
    );

    // Nor may they delete another OPD's activity.
    let foreign = all_activities
        .iter()
        .find(|a| unit(a) != DINKES)
        .expect("an activity outside Dinas Kesehatan");
    let id = int(foreign, "id").to_string();
    let del = ["activity", "delete", id.as_str()];
    let err = expect_failure(&t.run_as(&clerk, &del), &del, None);
    assert!(err.contains("di luar OPD"), "{err}");
    assert_eq!(t.activities(&[]), all_activities, "nothing deleted");

    // Their own OPD's person: fine.
    let added = activity_id(&t.ok_as(
        &clerk,
        &[
            "activity",
            "add",
            "--nip",
            &own,
            "--date",
            "2026-06-01",
            "--kind",
            "coaching",
            "--title",
            "Coaching",
            "--jp",
            "4",
        ],
    ));
    let everything = t.activities(&[]);
    assert_eq!(everything.len(), all_activities.len() + 1);
    assert_eq!(text(by_id(&everything, added), "nip"), own);

    // Lists show only their OPD's people.
    let listed = rows_of(
        &t.ok_as(&clerk, &["activity", "list", "--format", "json"]),
        &["activity", "list"],
    );
    let want: Vec<Row> = everything
        .iter()
        .filter(|a| unit(a) == DINKES)
        .cloned()
        .collect();
    assert!(!want.is_empty());
    assert_eq!(
        listed, want,
        "activity list: Dinas Kesehatan's activities only"
    );
    let listed = rows_of(
        &t.ok_as(&clerk, &["participant", "list", "--format", "json"]),
        &["participant", "list"],
    );
    assert_eq!(
        column(&listed, "nip").into_iter().collect::<BTreeSet<_>>(),
        mine,
        "participant list: Dinas Kesehatan's people only"
    );
    // An activity list for another OPD's person shows nothing of them (or does not know them).
    let args = [
        "activity",
        "list",
        "--nip",
        theirs.as_str(),
        "--format",
        "json",
    ];
    let out = t.run_as(&clerk, &args);
    if out.status.code() == Some(0) {
        let listed = rows_of(&stdout(&out), &args);
        assert!(listed.is_empty(), "{listed:#?}");
    } else {
        let err = expect_failure(&out, &args, Some(3));
        assert!(err.contains(&theirs), "{err}");
    }
}

fn by_id(rows: &[Row], id: i64) -> &Row {
    rows.iter()
        .find(|r| r.get("id") == Some(&Value::from(id)))
        .unwrap_or_else(|| panic!("no activity {id}"))
}
