//! The benchmark suite of docs/performance.md: what a clerk and an evaluator wait for, on the big
//! synthetic database (`init --demo --scale`, 50,000 ASN unless `TILIK_BENCH_SCALE` says otherwise).
//!
//! `cargo bench --bench tilik` runs it; `scripts/bench` runs it with the physical limits beside it.

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use tilik::app::harness::{self, Harness};
use tilik::app::keymap;
use tilik::app::state::update;
use tilik::domain::ids::ProgramId;
use tilik::domain::instrument::Phase;
use tilik::domain::user::Role;
use tilik::i18n::Lang;
use tilik::import::{participants, survey, table};
use tilik::store::Store;
use tilik::store::response::{Batch, Keying, Respondent};

/// The clerk's REAKSI-01 form for KOM-2026-01, opened on the first suggested participant.
fn entry_form() -> (common::Scratch, Harness) {
    let (scratch, mut h) = common::demo_session();
    h.push(common::kom_reaction_form(&h));
    h.press(KeyCode::Enter);
    (scratch, h)
}

/// One Likert digit typed on the form: the key resolved through the keymap, the update, and the frame
/// drawn (ratatui's diff against the previous frame included). The answer's write to the database is the
/// store worker's, off this path, and not counted.
fn keystroke(c: &mut Criterion) {
    let (_scratch, h) = entry_form();
    assert!(
        h.screen().contains("▶ R01"),
        "the entry form is open:\n{}",
        h.screen()
    );
    let key = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
    c.bench_function("entry/keystroke_to_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut state = h.state.clone();
                let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
                // The frame before the key, as the clerk sees it.
                harness::draw(&state, &mut terminal).expect("frame");
                let start = Instant::now();
                if let Some(action) = keymap::resolve(&state.key_context(), &key) {
                    black_box(update(&mut state, action));
                }
                harness::draw(&state, &mut terminal).expect("frame");
                total += start.elapsed();
            }
            total
        });
    });
}

/// Open the big database and draw the first screen (its data loaded).
fn startup(c: &mut Criterion) {
    let path = common::big_db();
    drop(common::open(&path));
    c.bench_function("startup/open_and_first_frame", |b| {
        b.iter(|| {
            let store =
                tilik::store::Store::open(&path, common::user(), tilik::store::OpenMode::Existing)
                    .expect("database");
            let h = Harness::with(store, Role::Admin, Lang::Id, (80, 24));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            h.draw(&mut terminal).expect("frame");
            black_box(terminal);
        });
    });
}

/// The program dashboard (the whole report behind it) of LATSAR-2026-01 (40 participants) on the big
/// database, and the comparison over all programs.
fn analysis(c: &mut Criterion) {
    let store = common::open(&common::big_db());
    let program = store
        .program_by_code("LATSAR-2026-01")
        .expect("programs")
        .expect("LATSAR-2026-01 in the scale data");
    c.bench_function("dashboard/program_40_participants", |b| {
        b.iter(|| black_box(tilik::report::build(&store, &program, Lang::Id).expect("report")));
    });
    let mut group = c.benchmark_group("comparison");
    group.sample_size(20);
    group.bench_function("all_programs", |b| {
        b.iter(|| black_box(store.comparison(&Default::default()).expect("comparison")));
    });
    group.finish();
}

/// The anonymous reaction sheets of `file` imported into KOM-2026-01 as `tilik import survey` does:
/// read, checked against the instrument and the program, written in one transaction. Returns the forms
/// added.
fn import_sheets(store: &mut Store, file: &Path) -> usize {
    let stored = store
        .instrument("REAKSI-ANON")
        .expect("instruments")
        .expect("REAKSI-ANON");
    let program = store
        .program_by_code("KOM-2026-01")
        .expect("programs")
        .expect("KOM-2026-01");
    let raw = table::read_table(file).expect("survey file");
    let frame = survey::Frame {
        objectives: Some(store.objectives(program.id).expect("objectives").len()),
        dates: Some((program.data.start, program.data.end)),
        phase: Phase::Post,
        today: tilik::app::harness::test_today(),
    };
    let checked = survey::check_survey_in(&raw, &stored.definition, Some(&frame));
    assert!(checked.errors.is_empty(), "{:?}", checked.errors.first());
    let batch = sheets_batch(program.id);
    let entered = store
        .respondents_with_forms(&batch, Keying::First)
        .expect("entered");
    let forms: Vec<_> = checked
        .rows
        .into_iter()
        .filter_map(|r| match r.who {
            survey::Who::Sheet(s) => Some((Respondent::Sheet(s), r.answers)),
            survey::Who::Nip(_) => None,
        })
        .filter(|(who, _)| !entered.contains(who))
        .collect();
    store
        .import_forms(&batch, stored.id, &forms, false)
        .expect("import")
        .added
}

fn sheets_batch(program: ProgramId) -> Batch {
    Batch {
        program: Some(program),
        instrument: "REAKSI-ANON".into(),
        phase: Phase::Post,
    }
}

/// The mean of every Likert item over 10,000 sheets, as the program report computes it (its forms read
/// from the database, then each item's n, mean, SD, counts and share in agreement): the figure set
/// beside `SELECT avg(R01), …` in the sqlite3 shell by scripts/bench.
fn item_means(c: &mut Criterion) {
    let scratch = common::demo_copy();
    let mut store = common::open(&scratch.path);
    store.for_bulk_writes().expect("bulk writes");
    import_sheets(&mut store, &common::survey_csv(10_000));
    let program = store
        .program_by_code("KOM-2026-01")
        .expect("programs")
        .expect("KOM-2026-01");
    let def = store
        .instrument("REAKSI-ANON")
        .expect("instruments")
        .expect("REAKSI-ANON")
        .definition;
    let batch = sheets_batch(program.id);
    c.bench_function("reaction/item_means_10000_forms", |b| {
        b.iter(|| {
            let forms = store.responses(&batch).expect("forms");
            let means: Vec<_> = def
                .items
                .iter()
                .filter_map(|item| {
                    let scale = item.scale()?;
                    let answers: Vec<Option<u8>> = forms
                        .iter()
                        .map(|f| {
                            f.answers
                                .get(item.code.as_str())
                                .and_then(|v| v.parse().ok())
                        })
                        .collect();
                    Some(tilik::stats::likert_item(&answers, scale))
                })
                .collect();
            assert_eq!(means.len(), 21);
            black_box(means)
        });
    });
}

/// Importing files as `tilik import` does (read, check, write in one transaction), each time into a
/// fresh copy of the demo database.
fn imports(c: &mut Criterion) {
    let demo = common::demo_db();
    let dir = tempfile::tempdir().expect("temporary folder");
    let fresh = || {
        let path = dir.path().join("import.db");
        let _ = std::fs::remove_file(path.with_extension("db-wal"));
        std::fs::copy(&demo, &path).expect("copy of the demo database");
        let mut store = common::open(&path);
        store.for_bulk_writes().expect("bulk writes");
        store
    };
    let mut group = c.benchmark_group("import");
    group.sample_size(10);

    let sheets = common::survey_csv(10_000);
    group.bench_function("survey_10000_sheets", |b| {
        b.iter_batched(
            fresh,
            |mut store| {
                assert_eq!(import_sheets(&mut store, &sheets), 10_000);
                store
            },
            BatchSize::PerIteration,
        );
    });

    let people = common::participants_csv(10_000);
    group.bench_function("participants_10000", |b| {
        b.iter_batched(
            fresh,
            |mut store| {
                let raw = table::read_table(&people).expect("participants file");
                let mut checked = participants::check(&raw, tilik::app::harness::test_today());
                let outside = checked.atasan_outside_file();
                let missing = store.unknown_nips(outside.iter().copied()).expect("atasan");
                let known: Vec<String> = outside
                    .iter()
                    .filter(|n| !missing.iter().any(|m| m == *n))
                    .map(|n| n.to_string())
                    .collect();
                checked.check_atasan(&known);
                assert!(checked.errors.is_empty(), "{:?}", checked.errors.first());
                let rows: Vec<_> = checked.rows.into_iter().map(|r| r.data).collect();
                let done = store.import_people(&rows, None).expect("import");
                assert_eq!(done.inserted, 10_000);
                store
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// Alpha over 21 items, the paired t-test and Wilcoxon's signed-rank test on 10,000 respondents.
fn statistics(c: &mut Criterion) {
    let mut rng = common::Rng(42);
    let rows: Vec<Vec<Option<f64>>> = (0..10_000)
        .map(|_| {
            let base = rng.below(3) as f64;
            (0..21)
                .map(|_| Some(1.0 + (base + rng.below(2) as f64).min(3.0)))
                .collect()
        })
        .collect();
    let pairs: Vec<(f64, f64)> = (0..10_000)
        .map(|_| {
            let pre = 40.0 + rng.below(40) as f64;
            (pre, pre + rng.below(30) as f64 - 5.0)
        })
        .collect();
    let mut group = c.benchmark_group("stats_10000");
    group.bench_function("cronbach_alpha_21_items", |b| {
        b.iter(|| black_box(tilik::stats::cronbach_alpha(&rows).expect("alpha")));
    });
    group.bench_function("paired_t", |b| {
        b.iter(|| black_box(tilik::stats::paired_t(&pairs).expect("t")));
    });
    group.bench_function("wilcoxon_signed_rank", |b| {
        b.iter(|| black_box(tilik::stats::wilcoxon_signed_rank(&pairs).expect("wilcoxon")));
    });
    group.finish();
}

criterion_group!(
    benches, keystroke, startup, analysis, imports, item_means, statistics
);
criterion_main!(benches);
