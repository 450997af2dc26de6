//! Data shared by the benchmarks: the big synthetic database, the small demo database, and the survey and
//! participant files imported into them. Everything is deterministic and made once per machine under
//! `target/bench-data/` (the big database takes about twenty seconds at 50,000 ASN).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use tilik::app::harness::Harness;
use tilik::domain::instrument::Phase;
use tilik::domain::user::{Role, Username};
use tilik::screens::Screen;
use tilik::screens::entry::EntryScreen;
use tilik::store::response::{Batch, Keying};
use tilik::store::{OpenMode, Store};

/// The user the benchmarks work as.
pub fn user() -> Username {
    Username::parse("bench").expect("a valid user name")
}

/// ASN in the big database: `TILIK_BENCH_SCALE`, else 50,000.
pub fn scale() -> usize {
    std::env::var("TILIK_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000)
}

pub fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data folder");
    dir
}

fn create(path: &Path, fill: impl FnOnce(&mut Store)) {
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    {
        let mut store = Store::open(&partial, user(), OpenMode::Create).expect("new database");
        store.add_user(&user(), "", Role::Admin).expect("admin");
        store
            .install_templates(&tilik::templates::builtin())
            .expect("templates");
        fill(&mut store);
    }
    std::fs::rename(&partial, path).expect("database in place");
}

/// The big database (`init --demo --scale N`): `TILIK_BENCH_DB` when set (scripts/bench makes it with the
/// real binary), else made here once.
pub fn big_db() -> PathBuf {
    if let Some(path) = std::env::var_os("TILIK_BENCH_DB") {
        return PathBuf::from(path);
    }
    let n = scale();
    let path = data_dir().join(format!("scale-{n}.db"));
    if !path.exists() {
        eprintln!("making {} ({n} ASN) once…", path.display());
        create(&path, |store| {
            store.for_bulk_writes().expect("bulk writes");
            tilik::demo::fill_with(store, n).expect("scale data");
        });
    }
    path
}

/// The demo database (`init --demo`): seven programs, 200 ASN.
pub fn demo_db() -> PathBuf {
    let path = data_dir().join("demo.db");
    if !path.exists() {
        create(&path, |store| {
            tilik::demo::fill(store, tilik::app::harness::test_today()).expect("demo data");
        });
    }
    path
}

/// A copy of the demo database to work on (what a benchmark writes must not change the next run).
pub struct Scratch {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn demo_copy() -> Scratch {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("demo.db");
    std::fs::copy(demo_db(), &path).expect("copy of the demo database");
    Scratch { _dir: dir, path }
}

/// An admin's session at 80x24 on a copy of the demo database (keep the copy while the session lives).
pub fn demo_session() -> (Scratch, Harness) {
    let scratch = demo_copy();
    let store = open(&scratch.path);
    (scratch, Harness::new(store, Role::Admin))
}

/// The clerk's entry screen for the REAKSI-01 forms of KOM-2026-01 (phase post, first keying).
pub fn kom_reaction_form(h: &Harness) -> Screen {
    let program = h
        .store
        .program_by_code("KOM-2026-01")
        .expect("programs")
        .expect("KOM-2026-01 in the demo");
    let batch = Batch {
        program: Some(program.id),
        instrument: "REAKSI-01".into(),
        phase: Phase::Post,
    };
    Screen::Entry(Box::new(EntryScreen::new(
        batch,
        Keying::First,
        program.data.code.to_string(),
    )))
}

pub fn open(path: &Path) -> Store {
    let mut store = Store::open(path, user(), OpenMode::Existing).expect("database");
    if store.user_named(user().as_str()).expect("users").is_none() {
        store
            .add_user(&user(), "", Role::Admin)
            .expect("bench user");
    }
    store
}

/// A small deterministic generator (the benchmarks need no statistical quality, only repeatable data).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` anonymous REAKSI-ANON sheets: `sheet,R01..R21,R22,R23`, answers 1–4 leaning to agreement, the two
/// comments empty. The same file scripts/bench gives to `sqlite3 .import`.
pub fn survey_csv(n: usize) -> PathBuf {
    let path = data_dir().join(format!("survey-{n}.csv"));
    if !path.exists() {
        let mut rng = Rng(0x5eed);
        let mut text = String::from("sheet");
        for i in 1..=23 {
            text.push_str(&format!(",R{i:02}"));
        }
        text.push('\n');
        for sheet in 1..=n {
            text.push_str(&sheet.to_string());
            for _ in 0..21 {
                let v = [1, 2, 3, 3, 4, 4, 4][rng.below(7) as usize];
                text.push_str(&format!(",{v}"));
            }
            text.push_str(",,\n");
        }
        std::fs::write(&path, text).expect("survey file");
    }
    path
}

/// A valid PNS NIP for person `i`: a birth date, a TMT CPNS 23 years later, the gender digit and a
/// sequence number.
pub fn nip(i: usize) -> String {
    let year = 1970 + (i / 336) % 30;
    let month = 1 + (i / 28) % 12;
    let day = 1 + i % 28;
    let gender = 1 + (i / 10_080) % 2;
    let seq = 1 + (i / 20_160) % 999;
    format!(
        "{year:04}{month:02}{day:02}{:04}{month:02}{gender}{seq:03}",
        year + 23
    )
}

/// `n` participants with every column a clerk's file has, in 20 units, each but the first 20 with an
/// atasan in the file.
pub fn participants_csv(n: usize) -> PathBuf {
    let path = data_dir().join(format!("participants-{n}.csv"));
    if !path.exists() {
        let mut text = String::from("nip,nama,jabatan,golongan,unit,atasan_nip\n");
        for i in 0..n {
            let atasan = if i < 20 { String::new() } else { nip(i % 20) };
            text.push_str(&format!(
                "{},Peserta Nomor {i},Analis Kebijakan,III/a,Unit Kerja {},{atasan}\n",
                nip(i),
                i % 20
            ));
        }
        std::fs::write(&path, text).expect("participants file");
    }
    path
}
