//! End-to-end tests of the command-line contract (docs/cli.md, issue 2 "CLI" and "Bad input").
//!
//! Every test runs the real `tilik` binary on its own temporary database. The environment is pinned so
//! that the outcome never depends on the machine: `TILIK_DB` and the locale variables are removed,
//! `LANG=C` (which says nothing about language, so tilik speaks its default, Bahasa Indonesia), and
//! `HOME`/`XDG_*` point into the test's temporary folder so no user config file is read.
//! Input files are generated inside each test.

use rstest::rstest;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

type Row = Map<String, Value>;

// ── Harness ──────────────────────────────────────────────────────────────────────────────────────────────

/// One temporary folder with one database path in it, and the binary to run against it.
struct Tilik {
    dir: TempDir,
    db: PathBuf,
}

impl Tilik {
    /// A folder with no database yet.
    fn new() -> Tilik {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join("x.db");
        Tilik { dir, db }
    }

    /// A folder with a freshly initialised, empty database.
    fn init() -> Tilik {
        let t = Tilik::new();
        t.ok(&["init"]);
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

    /// `tilik --db <db> ARGS…`.
    fn run_on(&self, db: &Path, args: &[&str]) -> Output {
        self.command()
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .expect("the tilik binary runs")
    }

    /// `tilik --db <this test's db> ARGS…`.
    fn run(&self, args: &[&str]) -> Output {
        self.run_on(&self.db, args)
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
        let text = self.ok(args);
        let value: Value = serde_json::from_str(&text)
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

    fn opds(&self) -> Vec<Row> {
        self.json(&["opd", "list", "--format", "json"])
    }

    fn programs(&self) -> Vec<Row> {
        self.json(&["program", "list", "--format", "json"])
    }

    /// Adds the program used by most tests (see [`program_args`]) under `code`.
    fn add_program(&self, code: &str) {
        self.ok(&program_args(&[("--code", code)]));
    }

    /// Imports a CSV written from `text`, asserting success; returns stdout.
    fn import_csv(&self, name: &str, text: &str, extra: &[&str]) -> String {
        let path = self.file(name, text.as_bytes());
        let mut args = vec!["import", "participants", path.as_str()];
        args.extend_from_slice(extra);
        self.ok(&args)
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
    stderr(out)
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
    ] {
        assert!(
            !err.contains(bad),
            "stderr must not contain {bad:?}:\n{err}"
        );
    }
}

fn text(row: &Row, key: &str) -> String {
    match row.get(key) {
        Some(Value::String(s)) => s.clone(),
        other => panic!("{key} should be a string in {row:?}, got {other:?}"),
    }
}

fn keys(row: &Row) -> Vec<&str> {
    row.keys().map(String::as_str).collect()
}

fn by_nip<'a>(rows: &'a [Row], nip: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.get("nip") == Some(&Value::from(nip)))
        .unwrap_or_else(|| panic!("no participant {nip} in {rows:#?}"))
}

fn names(rows: &[Row], key: &str) -> BTreeSet<String> {
    rows.iter().map(|r| text(r, key)).collect()
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

/// Builds an XLSX workbook: every cell is text, except those given in `numbers` (row, column, value).
fn xlsx(path: &Path, cells: &[&[&str]], numbers: &[(u32, u16, f64)]) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            if !numbers.iter().any(|(nr, nc, _)| (*nr, *nc) == (r, c)) {
                sheet.write_string(r, c, *cell).expect("xlsx text cell");
            }
        }
    }
    for (r, c, v) in numbers {
        sheet.write_number(*r, *c, *v).expect("xlsx number cell");
    }
    workbook.save(path).expect("save xlsx");
}

fn current_user() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid)
        .expect("password database")
        .expect("the test runs as a real account")
        .name
}

const HEADER: &str = "nip,nama,jabatan,golongan,unit";
const BUDI: &str = "198504122010011003";
const SITI: &str = "199001012015032001";
const RINA: &str = "198710202012122002";

/// Three valid participants in two units.
fn good_csv() -> String {
    format!(
        "{HEADER}\n\
         {BUDI},Budi Santoso,Kepala Seksi Pelayanan,III/d,Dinas Kesehatan\n\
         {SITI},\"Dr. Siti Aminah, M.Si.\",Analis Kepegawaian,III/b,Badan Pendapatan Daerah\n\
         {RINA},Rina Marlina,Pranata Komputer,III/c,Dinas Kesehatan\n"
    )
}

// ── init ─────────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn init_creates_the_database_and_names_the_admin() {
    let t = Tilik::new();
    assert!(!t.db.exists());
    let out = t.ok(&["init"]);
    assert!(t.db.is_file(), "init must create {}", t.db.display());
    let me = current_user();
    assert!(
        out.contains(&format!("{me} adalah admin")),
        "init should say who the admin is (in Indonesian by default):\n{out}"
    );
    assert!(
        out.contains(&arg(&t.db)),
        "init should name the file:\n{out}"
    );
    // The new database is usable and empty.
    assert!(t.programs().is_empty());
    assert!(t.participants().is_empty());
    assert!(t.opds().is_empty());
}

#[test]
fn init_speaks_english_when_asked() {
    let t = Tilik::new();
    let out = t.ok(&["--lang", "en", "init"]);
    assert!(
        out.contains(&format!("{} is admin", current_user())),
        "{out}"
    );
    assert!(!out.contains("adalah"), "{out}");
}

#[test]
fn init_follows_an_english_locale() {
    let t = Tilik::new();
    let out = t
        .command()
        .env("LANG", "en_US.UTF-8")
        .arg("--db")
        .arg(&t.db)
        .arg("init")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(stdout(&out).contains("is admin"), "{}", describe(&out));
}

#[test]
fn init_again_keeps_the_database_and_its_data() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    t.import_csv("a.csv", &good_csv(), &[]);
    let out = t.ok(&["init"]);
    assert!(
        !out.contains("adalah admin"),
        "a second init migrates, it does not create:\n{out}"
    );
    assert!(out.contains(&arg(&t.db)), "{out}");
    assert_eq!(t.programs().len(), 1, "init must not touch existing data");
    assert_eq!(
        t.participants().len(),
        3,
        "init must not touch existing data"
    );
    // And once more: still a no-op.
    t.ok(&["init"]);
    assert_eq!(t.programs().len(), 1);
}

#[test]
fn init_demo_fills_a_fresh_database() {
    let t = Tilik::new();
    let out = t.ok(&["init", "--demo"]);
    assert!(out.contains("adalah admin"), "{out}");

    let opds = t.opds();
    assert!(opds.len() >= 8, "at least 8 OPDs, got {}", opds.len());

    let people = t.participants();
    assert_eq!(people.len(), 200, "200 ASN in the demo");
    let nips = names(&people, "nip");
    assert_eq!(nips.len(), 200, "demo NIPs are unique");
    for p in &people {
        let nip = text(p, "nip");
        assert!(
            nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit()),
            "bad demo NIP {nip}"
        );
        // Every atasan is one of the demo people.
        if let Some(Value::String(boss)) = p.get("atasan_nip") {
            assert!(
                nips.contains(boss),
                "{nip}'s atasan {boss} is not in the demo"
            );
        }
    }
    assert!(
        people
            .iter()
            .filter(|p| p.get("atasan_nip").is_some_and(Value::is_string))
            .count()
            >= 150,
        "most demo ASN have an atasan"
    );

    let programs = t.programs();
    assert!(
        programs.len() >= 6,
        "at least 6 programs, got {programs:#?}"
    );
    let types = names(&programs, "type");
    assert!(types.len() >= 3, "programs of different types: {types:?}");
    let enrolled: i64 = programs
        .iter()
        .map(|p| {
            p["participants"]
                .as_i64()
                .expect("participants is a number")
        })
        .sum();
    assert!(enrolled > 0, "the demo programs have enrollments");
}

#[test]
fn init_demo_people_pass_the_importer_checks() {
    // The demo's own people, exported as CSV and imported into a new database, must pass every NIP,
    // golongan, name and atasan check that the importer applies.
    let demo = Tilik::new();
    demo.ok(&["init", "--demo"]);
    let csv = demo.ok(&["participant", "list", "--format", "csv"]);
    let fresh = Tilik::init();
    let out = fresh.import_csv("demo.csv", &csv, &[]);
    assert!(out.contains("200 pegawai baru"), "{out}");
    assert_eq!(fresh.participants().len(), 200);
}

#[test]
fn init_demo_is_refused_on_a_database_with_data() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let err = t.fails(&["init", "--demo"], None);
    assert!(err.contains("sudah berisi data"), "{err}");
    assert_one_clear_sentence(&err);
    assert_eq!(t.programs().len(), 1, "nothing added");
    assert!(t.participants().is_empty(), "no demo people added");
}

#[test]
fn init_demo_twice_is_refused() {
    let t = Tilik::new();
    t.ok(&["init", "--demo"]);
    let programs = t.programs().len();
    let err = t.fails(&["--lang", "en", "init", "--demo"], None);
    assert!(err.contains("already holds data"), "{err}");
    assert_eq!(t.participants().len(), 200, "no second demo");
    assert_eq!(t.programs().len(), programs, "no second demo");
}

// ── program add / list ───────────────────────────────────────────────────────────────────────────────────

#[test]
fn program_add_then_list_as_json() {
    let t = Tilik::init();
    let out = t.ok(&program_args(&[("--name", "Komunikasi Publik")]));
    assert!(out.contains("KOM-01"), "{out}");

    let programs = t.programs();
    assert_eq!(programs.len(), 1);
    let p = &programs[0];
    assert_eq!(
        keys(p),
        [
            "code",
            "name",
            "type",
            "mode",
            "provider",
            "location",
            "start",
            "end",
            "jp",
            "quota",
            "status",
            "participants"
        ]
    );
    assert_eq!(p["code"], "KOM-01");
    assert_eq!(p["name"], "Komunikasi Publik");
    assert_eq!(p["type"], "teknis");
    assert_eq!(p["mode"], "klasikal");
    assert_eq!(p["provider"], "BKPSDM Kota Palembang");
    assert_eq!(p["location"], "Palembang");
    assert_eq!(p["start"], "2026-03-02");
    assert_eq!(p["end"], "2026-03-05");
    assert_eq!(p["jp"], Value::from(32), "jp is a JSON number");
    assert_eq!(p["quota"], Value::Null);
    assert_eq!(p["status"], "direncanakan");
    assert_eq!(p["participants"], Value::from(0));
}

#[test]
fn program_add_accepts_dd_mm_yyyy_dates() {
    let t = Tilik::init();
    t.ok(&program_args(&[
        ("--code", "PKP-2026"),
        ("--type", "pkp"),
        ("--start", "09/02/2026"),
        ("--end", "30/06/2026"),
        ("--jp", "470"),
        ("--quota", "30"),
    ]));
    let p = &t.programs()[0];
    assert_eq!(p["start"], "2026-02-09");
    assert_eq!(p["end"], "2026-06-30");
    assert_eq!(p["type"], "pkp");
    assert_eq!(p["quota"], Value::from(30));
}

#[test]
fn program_list_as_csv_has_the_key_header() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let out = t.ok(&["program", "list", "--format", "csv"]);
    let (header, rows) = parse_csv(&out);
    assert_eq!(
        header.join(","),
        "code,name,type,mode,provider,location,start,end,jp,quota,status,participants"
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "KOM-01");
    assert_eq!(rows[0][6], "2026-03-02", "ISO dates in CSV");
    assert_eq!(rows[0][8], "32");
}

#[test]
fn program_list_as_table_is_for_people() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let out = t.ok(&["program", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "header, rule and one row:\n{out}");
    for h in ["Kode", "Nama", "Jenis", "Mulai", "Selesai", "JP", "Peserta"] {
        assert!(lines[0].contains(h), "column {h} missing:\n{out}");
    }
    let row = lines
        .iter()
        .find(|l| l.starts_with("KOM-01"))
        .unwrap_or_else(|| panic!("no KOM-01 row:\n{out}"));
    assert!(row.contains("02/03/2026"), "dates as dd/mm/yyyy:\n{out}");
    assert!(row.contains("05/03/2026"), "{out}");
    assert!(row.contains("Teknis"), "type label:\n{out}");
    assert!(
        !out.contains("2026-03-02"),
        "no ISO dates in a table:\n{out}"
    );

    let en = t.ok(&["--lang", "en", "program", "list"]);
    let header = en.lines().next().unwrap_or_default();
    for h in ["Code", "Name", "Start", "End", "Participants"] {
        assert!(header.contains(h), "English column {h} missing:\n{en}");
    }
}

/// `program add` with valid defaults (KOM-01, teknis, 2–5 March 2026, 32 JP, a provider and a location);
/// each `(flag, value)` replaces that flag's value, or is appended when the flag is not among the defaults.
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

#[rstest]
#[case::end_before_start("--end", "2026-03-01", "tanggal selesai sebelum tanggal mulai")]
#[case::negative_jp("--jp", "-4", "harus antara")]
#[case::jp_letters("--jp", "dua puluh", "harus berupa angka")]
#[case::jp_zero("--jp", "0", "harus antara")]
#[case::unknown_type("--type", "kursus", "kursus")]
#[case::start_30_february("--start", "2026-02-30", "bukan tanggal yang valid")]
#[case::end_31_april("--end", "2026-04-31", "bukan tanggal yang valid")]
#[case::end_not_a_date("--end", "besok", "bukan tanggal yang valid")]
#[case::empty_name("--name", "", "wajib diisi")]
#[case::jp_too_many("--jp", "2001", "harus antara")]
#[case::code_with_space("--code", "KOM 01", "hanya huruf")]
#[case::code_too_long("--code", "ABCDEFGHIJKLMNOPQRSTUVWXY", "terlalu panjang")]
#[case::unknown_status("--status", "batal", "batal")]
#[case::unknown_mode("--mode", "tatap_muka", "tatap_muka")]
fn program_add_refuses_bad_input(#[case] flag: &str, #[case] value: &str, #[case] reason: &str) {
    let t = Tilik::init();
    let args = program_args(&[(flag, value)]);
    let err = t.fails(&args, Some(3));
    assert!(
        err.contains(&format!("{flag}:")) || err.contains(&format!("{flag} ")),
        "the message must name the field {flag}:\n{err}"
    );
    assert!(err.contains(reason), "expected {reason:?} in:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(t.programs().is_empty(), "nothing may be written");
}

#[rstest]
#[case::end_before_start("--end", "2026-03-01", "the end date is before the start date")]
#[case::negative_jp("--jp", "-4", "must be between")]
#[case::jp_letters("--jp", "abc", "must be a number")]
#[case::start_30_february("--start", "2026-02-30", "is not a valid date")]
#[case::unknown_type("--type", "kursus", "is not known")]
fn program_add_refuses_bad_input_in_english(
    #[case] flag: &str,
    #[case] value: &str,
    #[case] reason: &str,
) {
    let t = Tilik::init();
    let mut args = vec!["--lang", "en"];
    args.extend(program_args(&[(flag, value)]));
    let err = t.fails(&args, Some(3));
    assert!(err.contains(flag), "the message must name {flag}:\n{err}");
    assert!(err.contains(reason), "expected {reason:?} in:\n{err}");
    assert!(err.contains("nothing was saved"), "{err}");
    assert!(t.programs().is_empty());
}

#[test]
fn program_add_lists_every_problem_at_once() {
    let t = Tilik::init();
    let mut args = vec!["--lang", "en"];
    args.extend(program_args(&[("--end", "2026-02-30"), ("--jp", "-4")]));
    let err = t.fails(&args, Some(3));
    assert!(err.contains("--end"), "{err}");
    assert!(err.contains("--jp"), "{err}");
}

#[test]
fn program_add_refuses_a_duplicate_code() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let err = t.fails(&program_args(&[]), Some(3));
    assert!(
        err.contains("KOM-01") && err.contains("kode") && err.contains("sudah ada"),
        "{err}"
    );
    let programs = t.programs();
    assert_eq!(programs.len(), 1, "no second program");
    assert_eq!(
        programs[0]["name"], "Komunikasi Publik dan Penanganan Pengaduan",
        "the first program is untouched"
    );
    let en = t.fails(
        &[&["--lang", "en"][..], &program_args(&[])[..]].concat(),
        Some(3),
    );
    assert!(en.contains("code KOM-01 already exists"), "{en}");
}

// ── import participants ──────────────────────────────────────────────────────────────────────────────────

#[test]
fn import_with_program_enrolls_everyone() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let out = t.import_csv("peserta.csv", &good_csv(), &["--program", "KOM-01"]);
    assert!(
        out.contains("3 pegawai baru") && out.contains("3 didaftarkan"),
        "{out}"
    );

    let roster = t.roster("KOM-01");
    assert_eq!(roster.len(), 3);
    assert_eq!(
        keys(&roster[0]),
        [
            "nip",
            "nama",
            "jabatan",
            "golongan",
            "unit",
            "jenis",
            "kehadiran",
            "kelulusan",
            "nomor_sertifikat"
        ]
    );
    let budi = by_nip(&roster, BUDI);
    assert_eq!(budi["nama"], "Budi Santoso");
    assert_eq!(budi["jabatan"], "Kepala Seksi Pelayanan");
    assert_eq!(budi["golongan"], "III/d");
    assert_eq!(budi["unit"], "Dinas Kesehatan");
    assert_eq!(budi["jenis"], "pns");
    assert_eq!(budi["kehadiran"], Value::Null, "no attendance yet");
    assert_eq!(budi["kelulusan"], Value::Null, "no completion yet");
    let siti = by_nip(&roster, SITI);
    assert_eq!(
        siti["nama"], "Dr. Siti Aminah, M.Si.",
        "academic titles kept"
    );

    assert_eq!(t.programs()[0]["participants"], Value::from(3));
    assert_eq!(t.participants().len(), 3);
}

#[test]
fn roster_csv_has_the_roster_keys() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    t.import_csv("peserta.csv", &good_csv(), &["--program", "KOM-01"]);
    let out = t.ok(&[
        "participant",
        "list",
        "--program",
        "KOM-01",
        "--format",
        "csv",
    ]);
    let (header, rows) = parse_csv(&out);
    assert_eq!(
        header.join(","),
        "nip,nama,jabatan,golongan,unit,jenis,kehadiran,kelulusan,nomor_sertifikat"
    );
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().any(|r| r[0] == BUDI), "{out}");
}

#[test]
fn a_second_import_updates_by_nip() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    t.import_csv("a.csv", &good_csv(), &["--program", "KOM-01"]);

    let changed = format!(
        "{HEADER}\n\
         {BUDI},Budi Santoso,Kepala Bidang Pelayanan,IV/a,Dinas Kesehatan\n\
         {SITI},\"Dr. Siti Aminah, M.Si.\",Analis Kepegawaian,III/b,Badan Pendapatan Daerah\n"
    );
    let out = t.import_csv("b.csv", &changed, &["--program", "KOM-01"]);
    assert!(
        out.contains("0 pegawai baru") && out.contains("1 diperbarui"),
        "{out}"
    );

    let people = t.participants();
    assert_eq!(people.len(), 3, "upsert, not insert");
    let budi = by_nip(&people, BUDI);
    assert_eq!(budi["jabatan"], "Kepala Bidang Pelayanan");
    assert_eq!(budi["golongan"], "IV/a");
    assert_eq!(by_nip(&people, SITI)["jabatan"], "Analis Kepegawaian");
    assert_eq!(
        by_nip(&people, RINA)["jabatan"],
        "Pranata Komputer",
        "people missing from the second file are kept as they were"
    );
    assert_eq!(t.roster("KOM-01").len(), 3, "no double enrollment");
}

#[test]
fn units_become_opds_once() {
    let t = Tilik::init();
    let out = t.import_csv("a.csv", &good_csv(), &[]);
    assert!(
        out.contains("Dinas Kesehatan"),
        "new OPDs are named:\n{out}"
    );
    let opds = t.opds();
    assert_eq!(
        names(&opds, "name"),
        BTreeSet::from([
            "Badan Pendapatan Daerah".to_string(),
            "Dinas Kesehatan".to_string()
        ])
    );
    let dinkes = opds
        .iter()
        .find(|o| o["name"] == "Dinas Kesehatan")
        .expect("Dinas Kesehatan");
    assert_eq!(dinkes["asn"], Value::from(2));

    // Importing again with the same units matches them by name.
    let more = format!("{HEADER}\n198203152008011001,Andi Wijaya,Staf,II/c,Dinas Kesehatan\n");
    t.import_csv("b.csv", &more, &[]);
    let opds = t.opds();
    assert_eq!(opds.len(), 2, "no duplicate OPD: {opds:#?}");
    let dinkes = opds
        .iter()
        .find(|o| o["name"] == "Dinas Kesehatan")
        .expect("Dinas Kesehatan");
    assert_eq!(dinkes["asn"], Value::from(3));
}

#[test]
fn import_reads_semicolons_a_bom_and_crlf() {
    let t = Tilik::init();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        format!(
            "NIP;Nama;Jabatan;Golongan;Unit\r\n\
             {BUDI};Budi Santoso;Kepala Seksi;III/d;Kecamatan Ilir Barat I\r\n\
             {SITI};Dr. Siti Aminah, M.Si.;Analis;III/b;Kecamatan Ilir Barat I\r\n"
        )
        .as_bytes(),
    );
    let path = t.file("excel-id.csv", &bytes);
    let out = t.ok(&["import", "participants", &path]);
    assert!(out.contains("2 pegawai baru"), "{out}");
    let people = t.participants();
    assert_eq!(people.len(), 2);
    assert_eq!(
        by_nip(&people, SITI)["nama"],
        "Dr. Siti Aminah, M.Si.",
        "a comma inside a semicolon-separated cell is text"
    );
    assert_eq!(by_nip(&people, BUDI)["unit"], "Kecamatan Ilir Barat I");
    assert_eq!(
        by_nip(&people, BUDI)["golongan"],
        "III/d",
        "no stray \\r in the last column"
    );
}

#[test]
fn import_reads_windows_1252() {
    let t = Tilik::init();
    // "René Sihombing" with é as the single byte 0xE9, and an en dash as 0x96 (a C1 control in Latin-1,
    // a dash in Windows-1252).
    let mut bytes = format!("{HEADER}\r\n{SITI},Ren").into_bytes();
    bytes.extend_from_slice(b"\xe9 Sihombing,Staf,III/a,Dinas PU \x96 Bina Marga\r\n");
    let path = t.file("ansi.csv", &bytes);
    t.ok(&["import", "participants", &path]);
    let people = t.participants();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0]["nama"], "René Sihombing");
    assert_eq!(people[0]["unit"], "Dinas PU – Bina Marga");
}

#[test]
fn import_reads_xlsx_with_text_nips() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let path = t.dir().join("peserta.xlsx");
    xlsx(
        &path,
        &[
            &["NIP", "Nama", "Jabatan", "Golongan", "Unit"],
            &[
                BUDI,
                "Budi Santoso",
                "Kepala Seksi",
                "III/d",
                "Dinas Kesehatan",
            ],
            &[
                SITI,
                "Dr. Siti Aminah, M.Si.",
                "Analis",
                "III/b",
                "Badan Pendapatan Daerah",
            ],
        ],
        &[],
    );
    let out = t.ok(&["import", "participants", &arg(&path), "--program", "KOM-01"]);
    assert!(out.contains("2 pegawai baru"), "{out}");
    let roster = t.roster("KOM-01");
    assert_eq!(roster.len(), 2);
    assert_eq!(by_nip(&roster, BUDI)["jabatan"], "Kepala Seksi");
    assert_eq!(by_nip(&roster, SITI)["unit"], "Badan Pendapatan Daerah");
}

#[test]
fn import_refuses_xlsx_nips_stored_as_numbers() {
    let t = Tilik::init();
    let path = t.dir().join("angka.xlsx");
    xlsx(
        &path,
        &[
            &["nip", "nama", "jabatan", "golongan", "unit"],
            &[
                "",
                "Budi Santoso",
                "Kepala Seksi",
                "III/d",
                "Dinas Kesehatan",
            ],
        ],
        &[(1, 0, 198_504_122_010_011_003.0)],
    );
    let args = ["import", "participants", &arg(&path)];
    let err = t.fails(&args, Some(3));
    assert!(err.contains("baris 2, kolom nip"), "{err}");
    assert!(err.contains("tersimpan sebagai angka"), "{err}");
    let en = t.fails(&[&["--lang", "en"][..], &args[..]].concat(), Some(3));
    assert!(en.contains("line 2, column nip"), "{en}");
    assert!(
        en.contains("as a number") && en.contains("Text"),
        "the English text explains the fix:\n{en}"
    );
    assert!(t.participants().is_empty());
    assert!(t.opds().is_empty());
}

#[test]
fn import_warns_about_unknown_columns_but_succeeds() {
    let t = Tilik::init();
    let csv = format!(
        "nip,nama,Catatan,jabatan,golongan,unit,Hobi\n\
         {BUDI},Budi Santoso,pindahan,Kepala Seksi,III/d,Dinas Kesehatan,catur\n"
    );
    let path = t.file("extra.csv", csv.as_bytes());
    let out = t.run(&["import", "participants", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Catatan") && err.contains("Hobi"),
        "the warning names the columns:\n{err}"
    );
    assert!(err.contains("tidak dikenal"), "{err}");
    assert!(
        !err.contains("jabatan"),
        "known columns are not named:\n{err}"
    );
    let people = t.participants();
    assert_eq!(people.len(), 1);
    assert_eq!(
        people[0]["jabatan"], "Kepala Seksi",
        "columns still line up"
    );
}

/// One good row, then every kind of bad row, then the second half of a duplicate.
fn bad_csv() -> String {
    format!(
        "{HEADER}\n\
         198502312010011003,Tanggal Tiga Puluh Satu,Staf,III/a,Dinas A\n\
         198513012010011003,Bulan Tiga Belas,Staf,III/a,Dinas B\n\
         198504122010013003,Digit Jenis Kelamin,Staf,III/a,Dinas C\n\
         19850412201001100,Tujuh Belas Digit,Staf,III/a,Dinas D\n\
         1985O4122010011003,Ada Huruf,Staf,III/a,Dinas E\n\
         198504122010011004,Golongan Salah,Staf,V/z,Dinas F\n\
         198504122010011005,,Staf,III/a,Dinas G\n\
         {SITI},Siti Pertama,Staf,III/b,Dinas H\n\
         {SITI},Siti Kedua,Staf,III/b,Dinas I\n\
         {BUDI},Budi Baik,Staf,III/d,Dinas J\n"
    )
}

#[test]
fn import_is_all_or_nothing_and_lists_every_bad_row() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let path = t.file("rusak.csv", bad_csv().as_bytes());
    let args = [
        "import",
        "participants",
        path.as_str(),
        "--program",
        "KOM-01",
    ];
    let err = t.fails(&args, Some(3));
    for expected in [
        "baris 2, kolom nip",
        "baris 3, kolom nip",
        "baris 4, kolom nip",
        "baris 5, kolom nip",
        "baris 6, kolom nip",
        "baris 7, kolom golongan",
        "baris 8, kolom nama",
        "baris 10, kolom nip",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("tidak ada yang disimpan"), "{err}");
    assert!(err.contains("8 masalah"), "{err}");
    assert!(err.contains("V/z"), "the bad golongan is quoted:\n{err}");
    assert!(err.contains("18 digit"), "{err}");
    assert!(
        err.contains("baris 9"),
        "the duplicate points at the first line:\n{err}"
    );
    for good in ["baris 9,", "baris 11,"] {
        assert!(
            !err.contains(good),
            "good rows are not reported ({good}):\n{err}"
        );
    }
    // The good rows were not written either.
    assert!(t.participants().is_empty(), "nothing written");
    assert!(t.opds().is_empty(), "no OPDs created");
    assert!(t.roster("KOM-01").is_empty(), "no one enrolled");
    assert_eq!(t.programs()[0]["participants"], Value::from(0));
}

#[test]
fn import_errors_in_english() {
    let t = Tilik::init();
    let path = t.file("rusak.csv", bad_csv().as_bytes());
    let err = t.fails(&["--lang", "en", "import", "participants", &path], Some(3));
    for expected in [
        "line 2, column nip",
        "line 3, column nip",
        "line 4, column nip",
        "line 5, column nip",
        "line 6, column nip",
        "line 7, column golongan",
        "line 8, column nama",
        "line 10, column nip",
        "nothing was saved",
        "birth date",
        "18 digits",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(
        !err.contains("baris"),
        "no Indonesian in English output:\n{err}"
    );
    assert!(t.participants().is_empty());
}

#[test]
fn import_with_an_unknown_program_is_refused() {
    let t = Tilik::init();
    let path = t.file("peserta.csv", good_csv().as_bytes());
    let err = t.fails(
        &["import", "participants", &path, "--program", "TIDAK-ADA"],
        None,
    );
    assert!(err.contains("TIDAK-ADA"), "the code is named:\n{err}");
    assert!(err.contains("program"), "{err}");
    assert_one_clear_sentence(&err);
    assert!(t.participants().is_empty(), "nothing written");
    assert!(t.opds().is_empty(), "nothing written");
}

#[test]
fn import_of_a_missing_file_is_one_sentence() {
    let t = Tilik::init();
    let missing = arg(&t.dir().join("tidak-ada.csv"));
    let err = t.fails(&["import", "participants", &missing], Some(1));
    assert!(err.contains("tidak-ada.csv"), "{err}");
    assert_one_clear_sentence(&err);
}

// ── participant list ─────────────────────────────────────────────────────────────────────────────────────

#[test]
fn participant_list_json_and_csv_agree() {
    let t = Tilik::init();
    t.import_csv("a.csv", &good_csv(), &[]);
    let people = t.participants();
    assert_eq!(people.len(), 3);
    assert_eq!(
        keys(&people[0]),
        [
            "nip",
            "nama",
            "jabatan",
            "golongan",
            "unit",
            "jenis",
            "atasan_nip"
        ]
    );
    assert_eq!(by_nip(&people, RINA)["atasan_nip"], Value::Null);

    let out = t.ok(&["participant", "list", "--format", "csv"]);
    let (header, rows) = parse_csv(&out);
    assert_eq!(
        header.join(","),
        "nip,nama,jabatan,golongan,unit,jenis,atasan_nip"
    );
    assert_eq!(rows.len(), 3);
    let siti = rows.iter().find(|r| r[0] == SITI).expect("Siti in CSV");
    assert_eq!(siti[1], "Dr. Siti Aminah, M.Si.");
    assert_eq!(siti[4], "Badan Pendapatan Daerah");
    assert_eq!(siti[6], "", "a missing atasan is an empty cell");
}

#[test]
fn participant_list_csv_neutralises_formulas() {
    let t = Tilik::init();
    let csv = format!(
        "{HEADER}\n\
         {BUDI},\"=HYPERLINK(\"\"x\"\")\",Staf,III/a,Dinas A\n\
         {SITI},+Siti,-Analis,III/b,@Dinas\n\
         {RINA},Rina Marlina,Staf,III/c,Dinas A\n"
    );
    t.import_csv("formula.csv", &csv, &[]);

    // JSON keeps the names as given.
    let people = t.participants();
    assert_eq!(by_nip(&people, BUDI)["nama"], "=HYPERLINK(\"x\")");

    let out = t.ok(&["participant", "list", "--format", "csv"]);
    let (_, rows) = parse_csv(&out);
    let row = |nip: &str| {
        rows.iter()
            .find(|r| r[0] == nip)
            .unwrap_or_else(|| panic!("{nip} missing:\n{out}"))
            .clone()
    };
    assert_eq!(row(BUDI)[1], "'=HYPERLINK(\"x\")", "{out}");
    assert_eq!(row(SITI)[1], "'+Siti", "{out}");
    assert_eq!(row(SITI)[2], "'-Analis", "{out}");
    assert_eq!(row(SITI)[4], "'@Dinas", "{out}");
    assert_eq!(row(RINA)[1], "Rina Marlina", "ordinary text is untouched");
    assert_eq!(row(RINA)[0], RINA, "NIPs are not prefixed");
}

#[test]
fn participant_list_for_an_unknown_program_is_refused() {
    let t = Tilik::init();
    let err = t.fails(&["participant", "list", "--program", "NOPE-9"], None);
    assert!(err.contains("NOPE-9"), "{err}");
    assert_one_clear_sentence(&err);
}

// ── errors at the edge ───────────────────────────────────────────────────────────────────────────────────

#[rstest]
#[case::init(&["init"])]
#[case::program_list(&["program", "list"])]
#[case::participant_list(&["participant", "list", "--format", "json"])]
fn a_db_under_a_regular_file_is_one_sentence(#[case] args: &[&str]) {
    let t = Tilik::new();
    let file = t.dir().join("file.txt");
    std::fs::write(&file, "bukan folder\n").expect("write");
    let db = file.join("x.db");

    let out = t.run_on(&db, args);
    let err = expect_failure(&out, args, Some(1));
    assert_one_clear_sentence(&err);
    assert!(err.contains("file.txt"), "the path is named:\n{err}");
    assert!(
        !err.contains("could not") && !err.contains("cannot"),
        "Indonesian by default:\n{err}"
    );
    assert!(stdout(&out).is_empty(), "{}", describe(&out));

    let en = t.run_on(&db, &[&["--lang", "en"][..], args].concat());
    let err = expect_failure(&en, args, Some(1));
    assert_one_clear_sentence(&err);
    assert!(err.contains("file.txt"), "{err}");
    assert!(
        err.contains("cannot") || err.contains("does not exist"),
        "English with --lang en:\n{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "bukan folder\n",
        "the file is untouched"
    );
}

#[test]
fn a_missing_database_is_one_sentence_and_not_created() {
    let t = Tilik::new();
    let err = t.fails(&["program", "list"], Some(1));
    assert_one_clear_sentence(&err);
    assert!(err.contains("x.db"), "the path is named:\n{err}");
    assert!(err.contains("tilik init"), "says how to fix it:\n{err}");
    assert!(err.contains("belum ada"), "Indonesian by default:\n{err}");
    assert!(!t.db.exists(), "listing must not create the database");

    let en = t.fails(&["--lang", "en", "program", "list"], Some(1));
    assert_one_clear_sentence(&en);
    assert!(en.contains("does not exist"), "{en}");
    assert!(!t.db.exists());
}

#[test]
fn a_missing_database_in_a_missing_folder_is_not_created() {
    let t = Tilik::new();
    let db = t.dir().join("tidak").join("ada").join("x.db");
    let out = t.run_on(&db, &["participant", "list"]);
    let err = expect_failure(&out, &["participant", "list"], Some(1));
    assert_one_clear_sentence(&err);
    assert!(!db.exists());
}

#[test]
fn a_file_that_is_not_a_database_is_one_sentence() {
    let t = Tilik::new();
    std::fs::write(&t.db, "nip,nama\n1,2\n".repeat(200)).expect("write");
    let err = t.fails(&["program", "list"], Some(1));
    assert_one_clear_sentence(&err);
    assert!(err.contains("bukan basis data"), "{err}");
}

#[test]
fn usage_errors_exit_with_2() {
    let t = Tilik::init();
    let err = t.fails(&["program", "add", "--code", "X"], Some(2));
    assert!(
        err.contains("--name"),
        "clap names the missing flag:\n{err}"
    );
    let err = t.fails(&["program", "list", "--format", "xml"], Some(2));
    assert!(err.contains("xml"), "{err}");
    assert!(t.programs().is_empty());
}

// ── terminal safety ──────────────────────────────────────────────────────────────────────────────────────

const NASTY: &str = "Budi\x1b[31mMerah \x1b]0;title\x07Judul \u{9b}2J Balik\u{202e}kilab";

fn assert_terminal_safe(out: &str) {
    for (bad, what) in [
        ('\x1b', "ESC"),
        ('\x07', "BEL"),
        ('\u{9b}', "CSI (U+009B)"),
        ('\u{202e}', "RLO (U+202E)"),
    ] {
        assert!(!out.contains(bad), "{what} reached the terminal:\n{out:?}");
    }
    assert!(
        !out.bytes().any(|b| b == 0x1b || b == 0x07),
        "raw control bytes in output"
    );
    assert!(out.contains('␛'), "ESC shown as ␛:\n{out}");
    assert!(out.contains('⇄'), "bidi override shown as ⇄:\n{out}");
}

#[test]
fn participant_table_shows_placeholders_not_controls() {
    let t = Tilik::init();
    t.add_program("KOM-01");
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["nip", "nama", "jabatan", "golongan", "unit"])
        .expect("csv");
    csv.write_record([BUDI, NASTY, "Staf\x1b[2J", "III/a", "Dinas\u{202e} A"])
        .expect("csv");
    let bytes = csv.into_inner().expect("csv bytes");
    let path = t.file("nakal.csv", &bytes);
    t.ok(&["import", "participants", &path, "--program", "KOM-01"]);

    let table = t.ok(&["participant", "list"]);
    assert_terminal_safe(&table);
    assert!(table.contains("Budi␛[31mMerah"), "{table}");
    assert!(table.contains('␇'), "BEL shown as ␇:\n{table}");

    let roster = t.ok(&["participant", "list", "--program", "KOM-01"]);
    assert_terminal_safe(&roster);

    let opds = t.ok(&["opd", "list"]);
    assert!(!opds.contains('\u{202e}'), "{opds:?}");
    assert!(opds.contains("Dinas⇄ A"), "{opds}");
}

#[test]
fn program_table_shows_placeholders_not_controls() {
    let t = Tilik::init();
    t.ok(&program_args(&[
        ("--name", NASTY),
        ("--provider", "Penyelenggara\x1b]8;;http://x\x07"),
    ]));
    let table = t.ok(&["program", "list"]);
    assert_terminal_safe(&table);
}

// ── more of the contract ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn init_creates_missing_parent_folders() {
    let t = Tilik::new();
    let db = t.dir().join("baru").join("sub").join("x.db");
    let out = t.run_on(&db, &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(db.is_file(), "init creates the parent folders and the file");
}

#[test]
fn tilik_db_is_used_when_there_is_no_flag_and_the_flag_wins() {
    let t = Tilik::new();
    let from_env = t.dir().join("env.db");
    let out = t
        .command()
        .env("TILIK_DB", &from_env)
        .arg("init")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(from_env.is_file(), "$TILIK_DB is the database without --db");

    let out = t
        .command()
        .env("TILIK_DB", &from_env)
        .arg("--db")
        .arg(&t.db)
        .arg("init")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert!(t.db.is_file(), "--db wins over $TILIK_DB");
}

#[test]
fn program_list_filters_by_year() {
    let t = Tilik::init();
    t.add_program("KOM-2026");
    t.ok(&program_args(&[
        ("--code", "KOM-2025"),
        ("--start", "2025-05-05"),
        ("--end", "2025-05-07"),
    ]));
    assert_eq!(t.programs().len(), 2);
    let only = t.json(&["program", "list", "--year", "2025", "--format", "json"]);
    assert_eq!(
        names(&only, "code"),
        BTreeSet::from(["KOM-2025".to_string()])
    );
}

#[test]
fn opd_list_json_has_stable_keys() {
    let t = Tilik::init();
    t.import_csv("a.csv", &good_csv(), &[]);
    let opds = t.opds();
    assert_eq!(
        keys(&opds[0]),
        ["code", "name", "kind", "valid_from", "valid_to", "asn"]
    );
    let bapenda = opds
        .iter()
        .find(|o| o["name"] == "Badan Pendapatan Daerah")
        .expect("created from the unit column");
    assert_eq!(
        bapenda["kind"], "badan",
        "the kind is guessed from the name"
    );
    assert_eq!(bapenda["asn"], Value::from(1));
}

#[test]
fn units_match_existing_opds_ignoring_case() {
    let t = Tilik::init();
    t.import_csv("a.csv", &good_csv(), &[]);
    let more = format!("{HEADER}\n198203152008011001,Andi Wijaya,Staf,II/c,DINAS KESEHATAN\n");
    let out = t.import_csv("b.csv", &more, &[]);
    assert!(!out.contains("OPD baru"), "no new OPD:\n{out}");
    assert_eq!(t.opds().len(), 2);
    assert_eq!(
        by_nip(&t.participants(), "198203152008011001")["unit"],
        "Dinas Kesehatan"
    );
}

#[test]
fn pppk_numbers_are_checked_for_length_only() {
    let t = Tilik::init();
    let csv = "nip,nama,jenis\n123456789012345678,Dewi Lestari,PPPK\n";
    t.import_csv("pppk.csv", csv, &[]);
    let people = t.participants();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0]["jenis"], "pppk");

    let short = t.file(
        "pendek.csv",
        b"nip,nama,jenis\n12345678901234567,Dewi,pppk\n",
    );
    let err = t.fails(&["import", "participants", &short], Some(3));
    assert!(err.contains("baris 2, kolom nip"), "{err}");
    assert!(err.contains("18 digit"), "{err}");
}

#[test]
fn atasan_may_be_in_the_file_or_the_database() {
    let t = Tilik::init();
    t.import_csv("a.csv", &good_csv(), &[]);
    let csv = format!(
        "nip,nama,atasan_nip\n\
         198203152008011001,Andi Wijaya,{BUDI}\n\
         199505052020012003,Wulan Sari,198203152008011001\n"
    );
    t.import_csv("b.csv", &csv, &[]);
    let people = t.participants();
    assert_eq!(by_nip(&people, "198203152008011001")["atasan_nip"], BUDI);
    assert_eq!(
        by_nip(&people, "199505052020012003")["atasan_nip"],
        "198203152008011001"
    );
}

#[test]
fn an_unknown_atasan_is_refused() {
    let t = Tilik::init();
    let csv = "nip,nama,atasan_nip\n198504122010011003,Budi Santoso,199901012020011999\n";
    let path = t.file("atasan.csv", csv.as_bytes());
    let err = t.fails(&["import", "participants", &path], Some(3));
    assert!(err.contains("baris 2, kolom atasan_nip"), "{err}");
    assert!(err.contains("199901012020011999"), "{err}");
    assert!(t.participants().is_empty());
}

#[test]
fn an_unknown_atasan_is_listed_with_the_other_bad_rows() {
    // "every bad row is listed": a clerk who fixes the reported rows must not then meet new ones.
    let t = Tilik::init();
    let csv = "nip,nama,atasan_nip\n\
               198504122010011003,Budi Santoso,199901012020011999\n\
               198502312010011003,Tanggal Salah,\n";
    let path = t.file("atasan.csv", csv.as_bytes());
    let err = t.fails(&["import", "participants", &path], Some(3));
    assert!(err.contains("baris 3, kolom nip"), "{err}");
    assert!(
        err.contains("baris 2, kolom atasan_nip"),
        "the unknown atasan on line 2 must be listed too:\n{err}"
    );
    assert!(err.contains("2 masalah"), "{err}");
}

#[test]
fn a_person_cannot_be_their_own_atasan() {
    let t = Tilik::init();
    let csv = format!("nip,nama,atasan_nip\n{BUDI},Budi Santoso,{BUDI}\n");
    let path = t.file("diri.csv", csv.as_bytes());
    let out = t.run(&["import", "participants", &path]);
    let err = expect_failure(&out, &["import", "participants"], Some(3));
    assert!(
        err.contains("baris 2, kolom atasan_nip"),
        "a self-supervisor must be refused like in the form:\n{}",
        describe(&out)
    );
    assert!(err.contains("atasan dirinya sendiri"), "{err}");
    assert!(t.participants().is_empty());
}

#[rstest]
#[case::empty("kosong.csv", b"", "berkas kosong")]
#[case::old_excel("lama.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "tidak didukung")]
#[case::unclosed_quote("kutip.csv", b"nip,nama\n\"198504122010011003,Budi\n", "baris 2")]
#[case::duplicate_column("ganda.csv", b"nip,nama,NIP\n1,2,3\n", "NIP")]
fn unreadable_import_files_are_one_sentence(
    #[case] name: &str,
    #[case] bytes: &[u8],
    #[case] reason: &str,
) {
    let t = Tilik::init();
    let path = t.file(name, bytes);
    let err = t.fails(&["import", "participants", &path], Some(1));
    assert_one_clear_sentence(&err);
    assert!(err.contains(reason), "expected {reason:?}:\n{err}");
    assert!(t.participants().is_empty());
}

#[test]
fn a_file_without_the_nip_column_is_refused_on_line_1() {
    let t = Tilik::init();
    let path = t.file("tanpa-nip.csv", b"nomor,nama\n1,Budi\n");
    let err = t.fails(&["import", "participants", &path], Some(3));
    assert!(err.contains("baris 1, kolom nip"), "{err}");
    assert!(t.participants().is_empty());
}

#[test]
fn import_reads_a_file_whose_name_is_windows_1252() {
    use std::os::unix::ffi::OsStrExt;
    let t = Tilik::init();
    // Both the file name and the content carry é as the single byte 0xE9 (not UTF-8).
    let path = t
        .dir()
        .join(std::ffi::OsStr::from_bytes(b"peserta-Ren\xe9.csv"));
    let mut bytes = format!("{HEADER}\r\n{SITI},Ren").into_bytes();
    bytes.extend_from_slice(b"\xe9 Sihombing,Staf,III/a,Dinas Pendidikan\r\n");
    std::fs::write(&path, bytes).expect("write");
    let out = t
        .command()
        .arg("--db")
        .arg(&t.db)
        .args(["import", "participants"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", describe(&out));
    assert_eq!(t.participants()[0]["nama"], "René Sihombing");

    // A missing file with such a name is still reported in one readable (UTF-8) sentence.
    let missing = t
        .dir()
        .join(std::ffi::OsStr::from_bytes(b"hilang-\xe9.csv"));
    let out = t
        .command()
        .arg("--db")
        .arg(&t.db)
        .args(["import", "participants"])
        .arg(&missing)
        .output()
        .expect("runs");
    let err = expect_failure(&out, &["import", "participants"], Some(1));
    assert_one_clear_sentence(&err);
    assert!(err.contains("hilang-"), "{err}");
}

#[test]
fn demo_rosters_match_the_program_counts() {
    let t = Tilik::new();
    t.ok(&["init", "--demo"]);
    let mut completions = BTreeSet::new();
    for program in t.programs() {
        let code = text(&program, "code");
        let roster = t.roster(&code);
        assert_eq!(
            Some(roster.len() as i64),
            program["participants"].as_i64(),
            "{code}: roster size and participants column agree"
        );
        for r in &roster {
            match &r["kehadiran"] {
                Value::Null => {}
                v => {
                    let pct = v.as_i64().expect("kehadiran is a whole number");
                    assert!((0..=100).contains(&pct), "{code}: kehadiran {pct}");
                }
            }
            match &r["kelulusan"] {
                Value::Null => {}
                Value::String(s) => {
                    completions.insert(s.clone());
                }
                other => panic!("{code}: kelulusan {other}"),
            }
        }
    }
    let allowed = BTreeSet::from(["lulus", "tidak_lulus", "mengundurkan_diri"].map(String::from));
    assert!(
        completions.is_subset(&allowed) && completions.contains("lulus"),
        "kelulusan is a stable code in JSON: {completions:?}"
    );
}

#[test]
fn program_codes_are_stored_upper_case_and_unique_ignoring_case() {
    let t = Tilik::init();
    t.ok(&program_args(&[
        ("--code", "kom-01"),
        ("--start", "2026-03-02"),
        ("--end", "2026-03-02"),
        ("--jp", "2000"),
    ]));
    let p = &t.programs()[0];
    assert_eq!(p["code"], "KOM-01");
    assert_eq!(p["jp"], Value::from(2000), "2000 JP is the upper bound");
    assert_eq!(p["end"], "2026-03-02", "a one-day program is fine");

    let err = t.fails(&program_args(&[("--code", "KOM-01")]), Some(3));
    assert!(err.contains("KOM-01"), "{err}");
    assert_eq!(t.programs().len(), 1);

    // The roster and the import find the program whatever the case.
    t.import_csv("a.csv", &good_csv(), &["--program", "kom-01"]);
    assert_eq!(t.roster("Kom-01").len(), 3);
}

// ── Scores, backups, output and exit codes (review fixes) ──────────────────────────────────────────────

/// A program with the three participants of `good_csv`.
fn with_roster() -> Tilik {
    let t = Tilik::init();
    t.add_program("KOM-01");
    t.import_csv("peserta.csv", &good_csv(), &["--program", "KOM-01"]);
    t
}

#[test]
fn a_score_row_with_empty_cells_leaves_stored_scores_alone() {
    let t = with_roster();
    let first = t.file(
        "skor1.csv",
        format!("nip,pre,post\n{BUDI},40,70\n").as_bytes(),
    );
    t.ok(&["import", "scores", &first, "--program", "KOM-01"]);
    let empty = t.file("skor2.csv", format!("nip,pre,post\n{BUDI},,\n").as_bytes());
    t.ok(&["import", "scores", &empty, "--program", "KOM-01"]);
    let report: Value =
        serde_json::from_str(&t.ok(&["report", "--program", "KOM-01", "--format", "json"]))
            .expect("report JSON");
    assert_eq!(report["learning"]["pairs"].as_i64(), Some(1), "{report}");
    assert_eq!(report["learning"]["pre_mean"].as_f64(), Some(40.0));
    assert_eq!(report["learning"]["post_mean"].as_f64(), Some(70.0));
}

#[test]
fn a_lower_maximum_that_a_stored_score_exceeds_is_refused_clearly() {
    let t = with_roster();
    let first = t.file(
        "skor1.csv",
        format!("nip,pre,post\n{BUDI},40,80\n").as_bytes(),
    );
    t.ok(&["import", "scores", &first, "--program", "KOM-01"]);
    // Only the pre-test again, out of 50: the stored post-test (80) would not fit.
    let pre = t.file("skor2.csv", format!("nip,pre\n{BUDI},20\n").as_bytes());
    let err = t.fails(
        &[
            "import",
            "scores",
            &pre,
            "--program",
            "KOM-01",
            "--max",
            "50",
        ],
        Some(3),
    );
    assert!(
        err.contains("nilai tersimpan 80 melebihi nilai maksimum baru 50"),
        "{err}"
    );
    assert!(err.contains("baris 2"), "{err}");
    assert!(!err.contains("CHECK"), "no raw database error: {err}");
}

#[test]
fn a_maximum_of_zero_is_refused_in_words() {
    let t = with_roster();
    let f = t.file("skor.csv", format!("nip,pre\n{BUDI},20\n").as_bytes());
    let err = t.fails(
        &["import", "scores", &f, "--program", "KOM-01", "--max", "0"],
        Some(3),
    );
    assert!(err.contains("--max: harus lebih dari 0"), "{err}");
    assert!(err.len() < 200, "{err}");
}

#[test]
fn the_gain_uses_the_scale_of_the_paired_scores() {
    let t = with_roster();
    // Out of 50: Budi 10 → 40 gains 30 of the 40 he could: 0.75. Siti and Rina have no scores.
    let f = t.file(
        "skor.csv",
        format!("nip,pre,post\n{BUDI},10,40\n").as_bytes(),
    );
    t.ok(&["import", "scores", &f, "--program", "KOM-01", "--max", "50"]);
    let report: Value =
        serde_json::from_str(&t.ok(&["report", "--program", "KOM-01", "--format", "json"]))
            .expect("report JSON");
    let g = report["learning"]["ngain_mean"].as_f64().expect("gain");
    assert!((g - 0.75).abs() < 1e-9, "{g}");
    let compare = t.json(&["compare", "--format", "json"]);
    assert_eq!(compare[0]["ngain_mean"].as_f64(), Some(0.75));
}

#[test]
fn a_backup_does_not_replace_a_file_unless_asked() {
    let t = Tilik::init();
    let dest = t.dir().join("cadangan.db");
    std::fs::write(&dest, b"yesterday").expect("write");
    let err = t.fails(&["backup", &arg(&dest)], Some(3));
    assert!(
        err.contains("sudah ada") && err.contains("--replace"),
        "{err}"
    );
    assert_eq!(std::fs::read(&dest).expect("read"), b"yesterday");
    t.ok(&["backup", &arg(&dest), "--replace"]);
    assert!(
        std::fs::read(&dest)
            .expect("read")
            .starts_with(b"SQLite format 3")
    );
}

#[test]
fn a_full_disk_on_standard_output_is_a_failure() {
    let t = Tilik::init();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists on Linux");
    for args in [
        &["instrument", "export", "REAKSI-01"][..],
        &["opd", "list"][..],
        &["program", "list", "--format", "csv"][..],
    ] {
        let out = t
            .command()
            .arg("--db")
            .arg(&t.db)
            .args(args)
            .stdout(full.try_clone().expect("clone"))
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}\n{}", describe(&out));
        assert!(
            stderr(&out).contains("gagal menulis keluaran"),
            "{}",
            describe(&out)
        );
    }
}

#[test]
fn files_that_cannot_be_read_or_written_fail_with_status_one() {
    let t = with_roster();
    let missing = arg(&t.dir().join("tidak-ada.toml"));
    let err = t.fails(&["import", "instrument", &missing], Some(1));
    assert!(err.contains("tidak-ada.toml"), "{err}");
    let nowhere = arg(&t.dir().join("tidak/ada/laporan.json"));
    t.fails(
        &[
            "report",
            "--program",
            "KOM-01",
            "--format",
            "json",
            "-o",
            &nowhere,
        ],
        Some(1),
    );
    t.fails(
        &["export", "siasn", "--year", "2026", "-o", &nowhere],
        Some(1),
    );
}

#[test]
fn a_duplicate_user_is_refused_input() {
    let t = Tilik::init();
    t.ok(&["user", "add", "budi", "--role", "operator"]);
    let err = t.fails(&["user", "add", "budi", "--role", "viewer"], Some(3));
    assert!(err.contains("budi"), "{err}");
}

#[test]
fn survey_text_with_escape_sequences_is_stored_visible() {
    let t = with_roster();
    let csv = format!("nip,R01,R22\n{BUDI},4,\"Bagus\x1b]0;owned\x07 sekali\x1b[2J\"\n");
    let f = t.file("survei.csv", csv.as_bytes());
    t.ok(&[
        "import",
        "survey",
        &f,
        "--program",
        "KOM-01",
        "--instrument",
        "REAKSI-01",
    ]);
    let report = t.ok(&["report", "--program", "KOM-01", "--format", "json"]);
    assert!(
        !report.contains('\u{1b}') && !report.contains("\\u001b"),
        "{report}"
    );
    assert!(report.contains("Bagus␛]0;owned␇ sekali␛[2J"), "{report}");
}
