//! Level 4 and what follows from the evaluation, end to end: the unit's indicators and the ROI estimate on
//! a program's page (section "Hasil"), the same figures in `tilik report` (JSON and HTML), the
//! recommendations kept and edited on the dashboard, counts checked in observation checklists (entry and
//! import), follow-ups planned again without losing decisions, and the clerks' active time. Driven by keys
//! through the real keymap, update and store on the demo data with a fixed clock (2026-11-30), and by the
//! real binary for the command line. Expected figures are computed here from the inputs, not read back
//! from tilik's own formulas.

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tilik::app::action::Action;
use tilik::app::harness::{Harness, test_today};
use tilik::domain::followup::{Due, FollowupPlan};
use tilik::domain::ids::{AsnId, ProgramId, Version};
use tilik::domain::instrument::Phase;
use tilik::domain::results::{IndicatorField, IndicatorInput, RoiField, RoiInput};
use tilik::domain::user::{Role, Username};
use tilik::i18n::{Lang, Msg};
use tilik::screens::dashboard::{DashboardScreen, Section as DashSection};
use tilik::screens::entry::{EntryScreen, Stage};
use tilik::screens::entry_setup::SetupField;
use tilik::screens::program_detail::{ProgramDetailScreen, Section};
use tilik::screens::text_form::TextField;
use tilik::screens::{Modal, Screen};
use tilik::store::followup::{Work, WorkFilter, WorkView};
use tilik::store::response::{Batch, Keying, Respondent};
use tilik::store::results::KeptRecommendation;
use tilik::store::{OpenMode, Store};

const ME: &str = "evaluator1";
const KOM: &str = "KOM-2026-01";
const PPP: &str = "PPP-2026-01";
const MWK: &str = "MWK-2026-01";
const PKP: &str = "PKP-2026-01";
const PRAKOM: &str = "PRAKOM-2026-01";
const LATSAR: &str = "LATSAR-2026-01";

// ── Databases ────────────────────────────────────────────────────────────────────────────────────────────

fn user(name: &str) -> Username {
    Username::parse(name).expect("valid name")
}

fn fixed(store: &mut Store) {
    store.fix_clock(
        Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
            .single()
            .expect("valid time"),
    );
}

/// The demo in memory, written by `evaluator1` (an admin) on 2026-11-30 01:00 UTC.
fn demo_store() -> Store {
    let mut store = Store::open_in_memory(user(ME)).expect("store");
    fixed(&mut store);
    store.add_user(&user(ME), "", Role::Admin).expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    store
}

fn demo() -> Harness {
    Harness::new(demo_store(), Role::Admin)
}

/// The operating-system account the tests run as: the binary acts as this user.
fn current_user() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid)
        .expect("password database")
        .expect("the test runs as a real account")
        .name
}

/// The demo in a database file, with `admins` registered as admins (the first one writes it).
fn demo_file(dir: &Path, admins: &[&str]) -> PathBuf {
    let path = dir.join("tilik.db");
    let mut store = Store::open(&path, user(admins[0]), OpenMode::Create).expect("store");
    fixed(&mut store);
    for name in admins {
        store.add_user(&user(name), "", Role::Admin).expect("user");
    }
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    path
}

fn open_as(path: &Path, name: &str) -> Store {
    let mut store = Store::open(path, user(name), OpenMode::Existing).expect("open");
    fixed(&mut store);
    store
}

fn program_id(store: &Store, code: &str) -> ProgramId {
    store
        .program_by_code(code)
        .expect("query")
        .expect("program")
        .id
}

fn total_cost(store: &Store, program: ProgramId) -> i64 {
    store
        .cost_lines(program)
        .expect("costs")
        .iter()
        .map(|c| c.amount)
        .sum()
}

// ── The binary ───────────────────────────────────────────────────────────────────────────────────────────

/// `tilik --db DB ARGS…` with a pinned environment (Indonesian, no config file).
fn tilik(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tilik"))
        .env_remove("TILIK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("RUST_BACKTRACE")
        .env("LANG", "C")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .current_dir(dir)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the tilik binary runs")
}

fn describe(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn ok(dir: &Path, db: &Path, args: &[&str]) -> String {
    let out = tilik(dir, db, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "tilik {args:?}\n{}",
        describe(&out)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn report_json(dir: &Path, db: &Path, code: &str) -> Value {
    let text = ok(dir, db, &["report", "--program", code, "--format", "json"]);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("no JSON ({e}):\n{text}"))
}

fn report_html(dir: &Path, db: &Path, code: &str) -> String {
    ok(dir, db, &["report", "--program", code, "--format", "html"])
}

// ── Numbers as a reader sees them ────────────────────────────────────────────────────────────────────────

/// Rupiah with thousands dots: `Rp 84.000.000`.
fn rp(amount: i64) -> String {
    assert!(amount >= 0);
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("Rp {out}")
}

/// A number with `places` decimals and a decimal comma.
fn comma(v: f64, places: usize) -> String {
    format!("{v:.places$}").replace('.', ",")
}

/// The change of an indicator in percent of the value before, better positive, as the results table
/// shows it (`+50%`, `-15%`).
fn change(before: f64, after: f64, higher_better: bool) -> String {
    let sign = if higher_better { 1.0 } else { -1.0 };
    let pct = sign * (after - before) / before * 100.0;
    if pct > 0.0 {
        format!("+{pct:.0}%")
    } else {
        format!("{pct:.0}%")
    }
}

/// Phillips: (adjusted benefit, BCR, ROI %) from the benefit, the training's share and the confidence.
fn phillips(benefit: i64, share: f64, confidence: f64, cost: i64) -> (f64, f64, f64) {
    let adjusted = benefit as f64 * share / 100.0 * confidence / 100.0;
    (
        adjusted,
        adjusted / cost as f64,
        (adjusted - cost as f64) / cost as f64 * 100.0,
    )
}

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 1e-9 * want.abs().max(1.0),
        "{what}: got {got}, want {want}"
    );
}

fn num(v: &Value, what: &str) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("{what} should be a number, got {v}"))
}

// ── The screen ───────────────────────────────────────────────────────────────────────────────────────────

fn id(msg: Msg) -> &'static str {
    msg.text(Lang::Id)
}

/// The first 60 characters of a message (long lines are cut at 80 columns).
fn start(msg: Msg) -> String {
    id(msg).chars().take(60).collect()
}

fn notice(h: &Harness) -> String {
    h.state
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn line_with(screen: &str, needle: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}:\n{screen}"))
        .to_string()
}

/// The last `n` words of a line (the right-aligned figures of a table row).
fn tail(line: &str, n: usize) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words[words.len().saturating_sub(n)..]
        .iter()
        .map(|w| w.to_string())
        .collect()
}

fn open_program(h: &mut Harness, code: &str) {
    h.press(KeyCode::Char('1'));
    h.type_str(&format!("/{code}"));
    h.press(KeyCode::Enter);
    match h.state.top() {
        Some(Screen::ProgramDetail(d)) => assert_eq!(d.id, program_id(&h.store, code)),
        _ => panic!("not on the program page:\n{}", h.screen()),
    }
}

fn detail(h: &Harness) -> &ProgramDetailScreen {
    match h.state.top() {
        Some(Screen::ProgramDetail(d)) => d,
        _ => panic!("not on the program page:\n{}", h.screen()),
    }
}

/// From the Ringkasan, Tab to the section "Hasil".
fn to_results(h: &mut Harness) {
    assert_eq!(detail(h).section, Section::Summary);
    for _ in 0..4 {
        h.press(KeyCode::Tab);
    }
    assert_eq!(detail(h).section, Section::Results, "{}", h.screen());
}

fn indicator_form_value(h: &Harness, field: IndicatorField) -> String {
    match h.state.top() {
        Some(Screen::IndicatorForm(f)) => f.form.value(field),
        _ => panic!("not on the indicator form:\n{}", h.screen()),
    }
}

fn roi_form_value(h: &Harness, field: RoiField) -> String {
    match h.state.top() {
        Some(Screen::RoiForm(f)) => f.form.value(field),
        _ => panic!("not on the ROI form:\n{}", h.screen()),
    }
}

/// The ROI line of the results section, as a reader should see it.
fn roi_line(benefit: i64, adjusted: f64, cost: i64, bcr: f64, roi: f64) -> String {
    format!(
        "ROI {}% · BCR {} · manfaat disesuaikan {} (dari {}/tahun) · biaya {}",
        comma(roi, 0),
        comma(bcr, 2),
        rp(adjusted.round() as i64),
        rp(benefit),
        rp(cost)
    )
}

// ── 1. Indicators on the program page ────────────────────────────────────────────────────────────────────

fn indicator(
    name: &str,
    unit: &str,
    before: f64,
    after: f64,
    higher_better: bool,
    source: &str,
) -> IndicatorInput {
    IndicatorInput {
        name: name.into(),
        unit: unit.into(),
        before: Some(before),
        after: Some(after),
        higher_better,
        source: source.into(),
    }
}

#[test]
fn indicators_are_added_edited_and_removed_in_the_results_section() {
    let mut h = demo();
    let ppp = program_id(&h.store, PPP);
    assert!(h.store.indicators(ppp).expect("indicators").is_empty());
    open_program(&mut h, PPP);
    to_results(&mut h);
    let screen = h.screen();
    assert!(
        screen.contains(&Msg::IndicatorsEmpty.fill(Lang::Id, &[&"n"])),
        "{screen}"
    );
    assert!(screen.contains(id(Msg::RoiNoBenefit)), "{screen}");

    // An indicator without a name is refused, field by field; nothing is written.
    h.press(KeyCode::Char('n'));
    assert!(matches!(h.state.top(), Some(Screen::IndicatorForm(_))));
    h.ctrl('s');
    assert_eq!(
        notice(&h),
        Msg::FormHasErrors.fill(Lang::Id, &[&1, &"wajib diisi"])
    );
    assert!(matches!(h.state.top(), Some(Screen::IndicatorForm(_))));
    // (The message is cut at 80 columns.)
    assert!(
        line_with(&h.screen(), "▶ Indikator").contains("✗ wajib di"),
        "{}",
        h.screen()
    );
    assert!(h.store.indicators(ppp).expect("indicators").is_empty());

    // Waiting time at the counter: lower is better (Space turns the direction).
    h.type_str("Waktu tunggu loket\tmenit\t25\t12,5\t");
    assert_eq!(indicator_form_value(&h, IndicatorField::Direction), "1");
    h.press(KeyCode::Char(' '));
    assert_eq!(indicator_form_value(&h, IndicatorField::Direction), "0");
    h.type_str("\tAntrean elektronik");
    h.ctrl('s');
    assert!(
        matches!(h.state.top(), Some(Screen::ProgramDetail(_))),
        "{}",
        h.screen()
    );
    // Two more: complaints settled (higher is better) and files rejected (lower is better, got worse).
    h.press(KeyCode::Char('n'));
    h.type_str("Pengaduan terselesaikan\t%\t60\t75\t\tLaporan bulanan");
    h.ctrl('s');
    h.press(KeyCode::Char('n'));
    h.type_str("Berkas ditolak\tberkas\t40\t46\t \tRegister berkas");
    h.ctrl('s');

    let wait = indicator(
        "Waktu tunggu loket",
        "menit",
        25.0,
        12.5,
        false,
        "Antrean elektronik",
    );
    let settled = indicator(
        "Pengaduan terselesaikan",
        "%",
        60.0,
        75.0,
        true,
        "Laporan bulanan",
    );
    let rejected = indicator(
        "Berkas ditolak",
        "berkas",
        40.0,
        46.0,
        false,
        "Register berkas",
    );
    let rows = h.store.indicators(ppp).expect("indicators");
    assert_eq!(
        rows.iter().map(|r| r.input.clone()).collect::<Vec<_>>(),
        vec![wait.clone(), settled.clone(), rejected.clone()]
    );
    assert!(rows.iter().all(|r| r.version == Version(1)));
    let screen = h.screen();
    for (name, before, after, higher) in [
        ("Waktu tunggu loket", "25", "12,5", false),
        ("Pengaduan terselesaikan", "60", "75", true),
        ("Berkas ditolak", "40", "46", false),
    ] {
        let b: f64 = before.replace(',', ".").parse().expect("number");
        let a: f64 = after.replace(',', ".").parse().expect("number");
        assert_eq!(
            tail(&line_with(&screen, name), 3),
            vec![before.to_string(), after.to_string(), change(b, a, higher)],
            "{screen}"
        );
    }
    // 25 → 12,5 minutes is half the wait: +50%; 40 → 46 rejected files is worse: -15%.
    assert!(line_with(&screen, "Waktu tunggu").ends_with("+50%"));
    assert!(line_with(&screen, "Berkas ditolak").ends_with("-15%"));

    // e on the first row: the form holds the stored values (decimal comma); the wait falls to 10.
    h.press(KeyCode::Home);
    h.press(KeyCode::Char('e'));
    assert_eq!(indicator_form_value(&h, IndicatorField::Name), wait.name);
    assert_eq!(indicator_form_value(&h, IndicatorField::Before), "25");
    assert_eq!(indicator_form_value(&h, IndicatorField::After), "12,5");
    assert_eq!(indicator_form_value(&h, IndicatorField::Direction), "0");
    h.type_str("\t\t\t");
    h.ctrl('u');
    h.type_str("10\t\t");
    h.ctrl('u');
    h.type_str("Antrean elektronik, Jan–Jun");
    h.ctrl('s');
    let rows = h.store.indicators(ppp).expect("indicators");
    let edited = &rows[0];
    assert_eq!(edited.version, Version(2));
    assert_eq!(
        edited.input,
        IndicatorInput {
            after: Some(10.0),
            source: "Antrean elektronik, Jan–Jun".into(),
            ..wait.clone()
        }
    );
    assert_eq!(
        edited.input.improvement(),
        Some(15.0),
        "lower is better: 25 → 10 is +15"
    );
    let screen = h.screen();
    assert_eq!(
        tail(&line_with(&screen, "Waktu tunggu loket"), 3),
        ["25", "10", &change(25.0, 10.0, false)]
    );
    assert!(line_with(&screen, "Waktu tunggu loket").ends_with("+60%"));

    // d on the second row asks first; y removes it.
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('d'));
    assert!(matches!(h.state.modals.last(), Some(Modal::Confirm(_))));
    let question = Msg::ConfirmDeleteIndicator.fill(Lang::Id, &[&"Pengaduan terselesaikan"]);
    assert!(h.screen().contains(&question), "{}", h.screen());
    h.press(KeyCode::Char('y'));
    let rows = h.store.indicators(ppp).expect("indicators");
    assert_eq!(
        rows.iter()
            .map(|r| r.input.name.as_str())
            .collect::<Vec<_>>(),
        ["Waktu tunggu loket", "Berkas ditolak"]
    );
    let screen = h.screen();
    assert!(!screen.contains("Pengaduan terselesaikan"), "{screen}");
    assert_snapshot!("indicators_after_edit_and_delete", screen);
}

#[test]
fn removing_the_last_indicator_keeps_a_row_selected() {
    let mut h = demo();
    let kom = program_id(&h.store, KOM);
    open_program(&mut h, KOM);
    to_results(&mut h);
    let rows = h.store.indicators(kom).expect("indicators");
    assert_eq!(rows.len(), 3);
    h.press(KeyCode::End);
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('y'));
    assert_eq!(h.store.indicators(kom).expect("indicators").len(), 2);
    // The new last row is selected, and d asks about it.
    let name: String = rows[1].input.name.chars().take(20).collect();
    assert!(
        line_with(&h.screen(), &name).starts_with('▶'),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('d'));
    assert!(
        matches!(h.state.modals.last(), Some(Modal::Confirm(_))),
        "{}",
        h.screen()
    );
}

// ── 1. Benefit and ROI on the program page ───────────────────────────────────────────────────────────────

#[test]
fn the_benefit_form_refuses_bad_shares_and_the_roi_line_follows_phillips() {
    // Wide enough for the whole ROI line.
    let mut h = Harness::with(demo_store(), Role::Admin, Lang::Id, (140, 30));
    let ppp = program_id(&h.store, PPP);
    let cost = total_cost(&h.store, ppp);
    assert_eq!(cost, 15_000_000 + 27_000_000 + 18_000_000 + 36_000_000);
    open_program(&mut h, PPP);
    to_results(&mut h);
    h.press(KeyCode::Char('i'));
    assert_eq!(roi_form_value(&h, RoiField::Benefit), "");
    assert_eq!(roi_form_value(&h, RoiField::Isolation), "");

    // A share of 120% and a confidence that is no number are refused beside their fields.
    h.type_str("250.000.000\te\t120\t4-5\tAntrean lebih tertib; Keluhan berkurang");
    assert_eq!(roi_form_value(&h, RoiField::Isolation), "estimasi_peserta");
    h.ctrl('s');
    assert_eq!(
        notice(&h),
        Msg::FormHasErrors.fill(Lang::Id, &[&2, &"harus antara 0 dan 100"])
    );
    let screen = h.screen();
    assert!(
        line_with(&screen, "Porsi pelatihan").contains("✗ harus antara 0 dan 100"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Keyakinan (%)").contains("✗ harus berupa angka"),
        "{screen}"
    );
    h.resize(80, 24);
    assert_snapshot!("roi_form_refused", h.screen());
    h.resize(140, 30);
    assert_eq!(
        h.store.roi_input(ppp).expect("roi"),
        (RoiInput::default(), None)
    );

    // 37,5% of the benefit is put down to the training, with 80% confidence.
    h.ctrl('u');
    h.type_str("37,5\t");
    h.ctrl('u');
    h.type_str("80");
    h.ctrl('s');
    assert!(
        matches!(h.state.top(), Some(Screen::ProgramDetail(_))),
        "{}",
        h.screen()
    );
    let stored = RoiInput {
        benefit: Some(250_000_000),
        isolation: "estimasi_peserta".into(),
        isolation_pct: Some(37.5),
        confidence_pct: Some(80.0),
        intangibles: "Antrean lebih tertib\nKeluhan berkurang".into(),
    };
    assert_eq!(
        h.store.roi_input(ppp).expect("roi"),
        (stored.clone(), Some(Version(1)))
    );
    // 250 juta × 37,5% × 80% = 75 juta against 96 juta: BCR 0,78 and ROI -22%.
    let (adjusted, bcr, roi) = phillips(250_000_000, 37.5, 80.0, cost);
    assert_eq!(adjusted, 75_000_000.0);
    let screen = h.screen();
    assert!(
        screen.contains(&roi_line(250_000_000, adjusted, cost, bcr, roi)),
        "{screen}"
    );
    assert!(
        screen.contains("ROI -22% · BCR 0,78 · manfaat disesuaikan Rp 75.000.000"),
        "{screen}"
    );
    assert!(
        screen.contains("Isolasi: Estimasi peserta, porsi pelatihan 37,5%, keyakinan 80%"),
        "{screen}"
    );
    assert!(
        screen.contains("Tak berwujud: Antrean lebih tertib; Keluhan berkurang"),
        "{screen}"
    );

    // The dashboard's Hasil section says the same.
    h.press(KeyCode::Char('r'));
    for _ in 0..5 {
        h.press(KeyCode::Tab);
    }
    assert_eq!(
        dashboard(&h).section,
        DashSection::Results,
        "{}",
        h.screen()
    );
    let screen = h.screen();
    assert!(
        screen.contains(&roi_line(250_000_000, adjusted, cost, bcr, roi)),
        "{screen}"
    );
    assert!(screen.contains("• Keluhan berkurang"), "{screen}");
    h.press(KeyCode::Esc);
    assert_eq!(detail(&h).section, Section::Results);

    // Opened again, the form shows what is stored: thousands dots, a decimal comma, "; " between
    // intangibles. Without share and confidence the whole benefit counts.
    h.press(KeyCode::Char('i'));
    assert_eq!(roi_form_value(&h, RoiField::Benefit), "250.000.000");
    assert_eq!(roi_form_value(&h, RoiField::IsolationPct), "37,5");
    assert_eq!(roi_form_value(&h, RoiField::ConfidencePct), "80");
    assert_eq!(
        roi_form_value(&h, RoiField::Intangibles),
        "Antrean lebih tertib; Keluhan berkurang"
    );
    h.type_str("\t\t");
    h.ctrl('u');
    h.press(KeyCode::Tab);
    h.ctrl('u');
    h.ctrl('s');
    let (input, version) = h.store.roi_input(ppp).expect("roi");
    assert_eq!(version, Some(Version(2)));
    assert_eq!((input.isolation_pct, input.confidence_pct), (None, None));
    let (adjusted, bcr, roi) = phillips(250_000_000, 100.0, 100.0, cost);
    let screen = h.screen();
    assert!(
        screen.contains(&roi_line(250_000_000, adjusted, cost, bcr, roi)),
        "{screen}"
    );
    assert!(screen.contains("ROI 160% · BCR 2,60"), "{screen}");
    assert!(
        screen.contains("Isolasi: Estimasi peserta, porsi pelatihan -, keyakinan -"),
        "{screen}"
    );

    // Without cost lines there is nothing to divide by.
    for line in h.store.cost_lines(ppp).expect("costs") {
        h.store.delete_cost_line(line.id).expect("deleted");
    }
    h.act(Action::DataChanged);
    let screen = h.screen();
    assert!(screen.contains(id(Msg::RoiNoCost)), "{screen}");
    assert!(!screen.contains("BCR"), "{screen}");
}

/// Two sessions on one database file: budi's page on `code`, siti's store.
fn two_sessions() -> (tempfile::TempDir, Harness, Store) {
    let dir = tempfile::tempdir().expect("dir");
    let path = demo_file(dir.path(), &["budi", "siti"]);
    let a = open_as(&path, "budi");
    let b = open_as(&path, "siti");
    (dir, Harness::new(a, Role::Admin), b)
}

#[test]
fn a_second_save_of_the_roi_estimate_is_refused_as_a_conflict() {
    let (_dir, mut h, mut siti) = two_sessions();
    let kom = program_id(&h.store, KOM);
    let (demo_input, base) = h.store.roi_input(kom).expect("roi");
    assert_eq!(base, Some(Version(1)));
    open_program(&mut h, KOM);
    to_results(&mut h);
    // budi opens the estimate and lowers the confidence to 75%…
    h.press(KeyCode::Char('i'));
    h.type_str("\t\t\t");
    h.ctrl('u');
    h.type_str("75");
    // …while siti saves hers (90%).
    let theirs = RoiInput {
        confidence_pct: Some(90.0),
        ..demo_input.clone()
    };
    siti.save_roi(kom, base, &theirs).expect("siti saves first");
    h.ctrl('s');
    // budi's save is refused: nothing of it is written, the form stays open with his values.
    assert!(
        notice(&h).contains(" ini baru saja diubah oleh siti ("),
        "{}",
        h.screen()
    );
    assert!(
        matches!(h.state.top(), Some(Screen::RoiForm(_))),
        "{}",
        h.screen()
    );
    assert_eq!(roi_form_value(&h, RoiField::ConfidencePct), "75");
    assert_eq!(
        h.store.roi_input(kom).expect("roi"),
        (theirs.clone(), Some(Version(2)))
    );

    // A first estimate meets another first estimate the same way (PPP has none yet).
    let ppp = program_id(&h.store, PPP);
    h.press(KeyCode::Esc);
    if matches!(h.state.modals.last(), Some(Modal::Confirm(_))) {
        h.press(KeyCode::Char('y'));
    }
    h.press(KeyCode::Esc);
    open_program(&mut h, PPP);
    to_results(&mut h);
    h.press(KeyCode::Char('i'));
    h.type_str("100.000.000");
    let first = RoiInput {
        benefit: Some(50_000_000),
        ..RoiInput::default()
    };
    siti.save_roi(ppp, None, &first)
        .expect("siti's first estimate");
    h.ctrl('s');
    assert!(
        notice(&h).contains(" ini baru saja diubah oleh siti ("),
        "{}",
        h.screen()
    );
    assert_eq!(
        h.store.roi_input(ppp).expect("roi"),
        (first, Some(Version(1)))
    );
}

#[test]
fn a_conflict_on_the_roi_estimate_shows_the_conflict_view_and_mine_can_be_saved_over() {
    let (_dir, mut h, mut siti) = two_sessions();
    let kom = program_id(&h.store, KOM);
    let (demo_input, base) = h.store.roi_input(kom).expect("roi");
    open_program(&mut h, KOM);
    to_results(&mut h);
    h.press(KeyCode::Char('i'));
    h.type_str("\t\t\t");
    h.ctrl('u');
    h.type_str("75");
    let theirs = RoiInput {
        confidence_pct: Some(90.0),
        ..demo_input.clone()
    };
    siti.save_roi(kom, base, &theirs).expect("siti saves first");
    h.ctrl('s');
    assert!(
        matches!(h.state.modals.last(), Some(Modal::Conflict(_))),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('s'));
    let (input, version) = h.store.roi_input(kom).expect("roi");
    assert_eq!(input.confidence_pct, Some(75.0));
    assert_eq!(version, Some(Version(3)));
}

// ── 2. The report: JSON and HTML ─────────────────────────────────────────────────────────────────────────

#[test]
fn the_report_carries_indicators_and_roi_in_json_and_html() {
    let dir = tempfile::tempdir().expect("dir");
    let me = current_user();
    let db = demo_file(dir.path(), &[&me]);
    let mut store = open_as(&db, &me);
    let (kom, ppp, mwk, pkp, latsar) = (
        program_id(&store, KOM),
        program_id(&store, PPP),
        program_id(&store, MWK),
        program_id(&store, PKP),
        program_id(&store, LATSAR),
    );
    // PPP: three indicators (one without a value after) and an estimate with a decimal share.
    let wait = indicator("Waktu tunggu loket", "menit", 25.0, 10.0, false, "Antrean");
    let rejected = indicator("Berkas ditolak", "berkas", 40.0, 46.0, false, "Register");
    let open = IndicatorInput {
        after: None,
        ..indicator("Izin terbit", "izin", 120.0, 0.0, true, "")
    };
    for i in [&wait, &rejected, &open] {
        store.add_indicator(ppp, i).expect("indicator");
    }
    store
        .save_roi(
            ppp,
            None,
            &RoiInput {
                benefit: Some(250_000_000),
                isolation: "estimasi_peserta".into(),
                isolation_pct: Some(37.5),
                confidence_pct: Some(80.0),
                intangibles: "Antrean lebih tertib\nKeluhan berkurang".into(),
            },
        )
        .expect("roi");
    // LATSAR: intangibles only, no benefit. PKP: an estimate but no cost lines any more.
    store
        .save_roi(
            latsar,
            None,
            &RoiInput {
                intangibles: "Budaya kerja membaik".into(),
                ..RoiInput::default()
            },
        )
        .expect("roi");
    for line in store.cost_lines(pkp).expect("costs") {
        store.delete_cost_line(line.id).expect("deleted");
    }

    // KOM, as the demo has it: 300 juta × 40% × 70% = 84 juta.
    let r = &report_json(dir.path(), &db, KOM)["results"];
    let cost = total_cost(&store, kom);
    assert_eq!(r["cost"].as_i64(), Some(cost));
    assert_eq!(r["benefit"].as_i64(), Some(300_000_000));
    assert_eq!(r["isolation"], "estimasi_atasan");
    close(
        num(&r["isolation_pct"], "isolation_pct"),
        40.0,
        "isolation_pct",
    );
    close(
        num(&r["confidence_pct"], "confidence_pct"),
        70.0,
        "confidence_pct",
    );
    let (adjusted, bcr, roi) = phillips(300_000_000, 40.0, 70.0, cost);
    close(
        num(&r["adjusted_benefit"], "adjusted"),
        adjusted,
        "adjusted",
    );
    close(num(&r["bcr"], "bcr"), bcr, "bcr");
    close(num(&r["roi_pct"], "roi_pct"), roi, "roi_pct");
    assert_eq!(r["roi_reason"], Value::Null);
    assert_eq!(
        r["intangibles"],
        serde_json::json!([
            "Warga lebih jarang mengadu ulang",
            "Kepercayaan pada unit pengaduan meningkat"
        ])
    );
    let stored = store.indicators(kom).expect("indicators");
    let shown = r["indicators"].as_array().expect("indicators");
    assert_eq!(shown.len(), stored.len());
    for (s, j) in stored.iter().zip(shown) {
        let i = &s.input;
        let (b, a) = (i.before.expect("before"), i.after.expect("after"));
        let better = if i.higher_better { a - b } else { b - a };
        assert_eq!(j["name"], i.name.as_str());
        assert_eq!(j["higher_better"], i.higher_better);
        close(num(&j["improvement"], "improvement"), better, &i.name);
        close(
            num(&j["improvement_pct"], "improvement_pct"),
            better / b * 100.0,
            &i.name,
        );
    }
    // Service time 7,5 → 4,2 days: lower is better, so the improvement is positive.
    assert_eq!(shown[1]["higher_better"], false);
    assert!(num(&shown[1]["improvement"], "improvement") > 0.0);

    // PPP: what was entered above.
    let r = &report_json(dir.path(), &db, PPP)["results"];
    let cost = total_cost(&store, ppp);
    let (adjusted, bcr, roi) = phillips(250_000_000, 37.5, 80.0, cost);
    assert_eq!(r["cost"].as_i64(), Some(96_000_000));
    assert_eq!(r["benefit"].as_i64(), Some(250_000_000));
    assert_eq!(r["isolation"], "estimasi_peserta");
    close(
        num(&r["confidence_pct"], "confidence_pct"),
        80.0,
        "confidence_pct",
    );
    close(
        num(&r["isolation_pct"], "isolation_pct"),
        37.5,
        "isolation_pct",
    );
    close(
        num(&r["adjusted_benefit"], "adjusted"),
        75_000_000.0,
        "adjusted",
    );
    close(
        num(&r["adjusted_benefit"], "adjusted"),
        adjusted,
        "adjusted",
    );
    close(num(&r["bcr"], "bcr"), bcr, "bcr");
    close(num(&r["roi_pct"], "roi_pct"), roi, "roi_pct");
    close(roi, -21.875, "(75 − 96) / 96 × 100");
    assert_eq!(r["roi_reason"], Value::Null);
    assert_eq!(
        r["intangibles"],
        serde_json::json!(["Antrean lebih tertib", "Keluhan berkurang"])
    );
    let shown = r["indicators"].as_array().expect("indicators");
    assert_eq!(shown.len(), 3);
    assert_eq!(shown[0]["name"], "Waktu tunggu loket");
    close(
        num(&shown[0]["improvement"], "improvement"),
        15.0,
        "25 → 10, lower better",
    );
    close(num(&shown[0]["improvement_pct"], "pct"), 60.0, "15 / 25");
    close(
        num(&shown[1]["improvement"], "improvement"),
        -6.0,
        "40 → 46, lower better",
    );
    close(num(&shown[1]["improvement_pct"], "pct"), -15.0, "-6 / 40");
    assert_eq!(shown[2]["after"], Value::Null);
    assert_eq!(shown[2]["improvement"], Value::Null);
    assert_eq!(shown[2]["improvement_pct"], Value::Null);

    // MWK: nothing entered.
    let r = &report_json(dir.path(), &db, MWK)["results"];
    assert_eq!(r["roi_reason"], "no_benefit");
    assert_eq!(r["benefit"], Value::Null);
    for key in ["adjusted_benefit", "bcr", "roi_pct"] {
        assert_eq!(r[key], Value::Null, "{key}");
    }
    assert_eq!(r["cost"].as_i64(), Some(total_cost(&store, mwk)));
    assert_eq!(r["indicators"], serde_json::json!([]));
    assert_eq!(r["intangibles"], serde_json::json!([]));
    // LATSAR: intangibles without a benefit.
    let r = &report_json(dir.path(), &db, LATSAR)["results"];
    assert_eq!(r["roi_reason"], "no_benefit");
    assert_eq!(
        r["intangibles"],
        serde_json::json!(["Budaya kerja membaik"])
    );
    // PKP: a benefit but no cost.
    let r = &report_json(dir.path(), &db, PKP)["results"];
    assert_eq!(r["roi_reason"], "no_cost");
    assert_eq!(r["cost"].as_i64(), Some(0));
    assert_eq!(r["benefit"].as_i64(), Some(320_000_000));
    for key in ["adjusted_benefit", "bcr", "roi_pct"] {
        assert_eq!(r[key], Value::Null, "{key}");
    }

    // The HTML report says it in a sentence, numbers the Indonesian way.
    let html = report_html(dir.path(), &db, KOM);
    let cost = total_cost(&store, kom);
    let (adjusted, bcr, roi) = phillips(300_000_000, 40.0, 70.0, cost);
    let sentence = format!(
        "Manfaat yang diperkirakan {} per tahun; dengan estimasi atasan, porsi yang berasal dari pelatihan 40% \
         dan tingkat keyakinan 70%, manfaat yang disesuaikan {}. Dibandingkan biaya {}, rasio manfaat-biaya \
         (BCR) {} dan ROI {}%.",
        rp(300_000_000),
        rp(adjusted.round() as i64),
        rp(cost),
        comma(bcr, 2),
        comma(roi, 0)
    );
    assert!(
        html.contains(&format!("<p>{sentence}</p>")),
        "{sentence}\n{html}"
    );
    assert!(html.contains("(BCR) 1,24 dan ROI 24%."), "{html}");
    assert!(html.contains("<li>Warga lebih jarang mengadu ulang</li>"));
    let html = report_html(dir.path(), &db, PPP);
    let cost = total_cost(&store, ppp);
    let (adjusted, bcr, roi) = phillips(250_000_000, 37.5, 80.0, cost);
    let sentence = format!(
        "Manfaat yang diperkirakan Rp 250.000.000 per tahun; dengan estimasi peserta, porsi yang berasal dari \
         pelatihan 37,5% dan tingkat keyakinan 80%, manfaat yang disesuaikan {}. Dibandingkan biaya {}, rasio \
         manfaat-biaya (BCR) {} dan ROI {}%.",
        rp(adjusted.round() as i64),
        rp(cost),
        comma(bcr, 2),
        comma(roi, 0)
    );
    assert!(html.contains(&sentence), "{sentence}\n{html}");
    assert!(html.contains("(BCR) 0,78 dan ROI -22%."), "{html}");
    // The indicators' table: 25 → 10 is +60%, with the decimal comma where there are decimals.
    assert!(
        html.contains(r#"<td>Waktu tunggu loket (menit)</td><td class="n">25</td><td class="n">10</td><td class="n">60%</td>"#),
        "{html}"
    );
    assert!(report_html(dir.path(), &db, MWK).contains(&format!("<p>{}</p>", id(Msg::HtmlNoRoi))));
    assert!(report_html(dir.path(), &db, PKP).contains(&format!("<p>{}</p>", id(Msg::RoiNoCost))));
}

// ── 3. Recommendations kept on the dashboard ─────────────────────────────────────────────────────────────

fn dashboard(h: &Harness) -> &DashboardScreen {
    match h.state.top() {
        Some(Screen::Dashboard(d)) => d,
        _ => panic!("not on the dashboard:\n{}", h.screen()),
    }
}

/// (rule, text, because) of each recommendation of a JSON report.
fn json_recommendations(report: &Value, key: &str) -> Vec<(String, String, String)> {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is a list"))
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().expect("rule").to_string(),
                r["text"].as_str().expect("text").to_string(),
                r["because"].as_str().expect("because").to_string(),
            )
        })
        .collect()
}

fn kept_triples(kept: &[KeptRecommendation]) -> Vec<(String, String, String)> {
    kept.iter()
        .map(|k| (k.rule.clone(), k.text.clone(), k.because.clone()))
        .collect()
}

#[test]
fn recommendations_are_kept_edited_added_and_removed_from_the_dashboard() {
    let dir = tempfile::tempdir().expect("dir");
    let me = current_user();
    let db = demo_file(dir.path(), &[&me]);
    let mut h = Harness::new(open_as(&db, &me), Role::Admin);
    let prakom = program_id(&h.store, PRAKOM);

    // Before anything is kept the report's recommendations are the suggested ones.
    let before = report_json(dir.path(), &db, PRAKOM);
    assert_eq!(before["recommendations_kept"], false);
    let suggested = json_recommendations(&before, "suggested");
    assert_eq!(suggested.len(), 3, "{suggested:?}");
    assert_eq!(json_recommendations(&before, "recommendations"), suggested);

    open_program(&mut h, PRAKOM);
    h.press(KeyCode::Char('r'));
    for _ in 0..7 {
        h.press(KeyCode::Tab);
    }
    assert_eq!(dashboard(&h).section, DashSection::Advice, "{}", h.screen());
    let screen = h.screen();
    assert!(screen.contains(&start(Msg::RecSuggestedNote)), "{screen}");
    // Only kept ones can be edited or removed.
    h.press(KeyCode::Char('e'));
    assert_eq!(notice(&h), id(Msg::RecKeepFirst));
    h.press(KeyCode::Char('d'));
    assert_eq!(notice(&h), id(Msg::RecKeepFirst));
    assert!(
        h.store
            .kept_recommendations(prakom)
            .expect("kept")
            .is_empty()
    );

    // s keeps them all, as suggested on the screen.
    let on_screen: Vec<(String, String, String)> = dashboard(&h)
        .report
        .as_ref()
        .expect("report")
        .suggested
        .iter()
        .map(|r| (r.rule.code(), r.text.clone(), r.because.clone()))
        .collect();
    h.press(KeyCode::Char('s'));
    let kept = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(kept_triples(&kept), on_screen);
    assert!(
        h.screen().contains(&start(Msg::RecKeptNote)),
        "{}",
        h.screen()
    );
    let after = report_json(dir.path(), &db, PRAKOM);
    assert_eq!(after["recommendations_kept"], true);
    assert_eq!(
        json_recommendations(&after, "recommendations"),
        kept_triples(&kept)
    );
    assert_eq!(json_recommendations(&after, "suggested"), suggested);

    // s again is refused and keeps nothing twice.
    h.press(KeyCode::Char('s'));
    assert_eq!(notice(&h), id(Msg::RecAlreadyKept));
    assert_eq!(h.store.kept_recommendations(prakom).expect("kept"), kept);

    // e on the second: the text changes, the rule and the reason stay.
    h.press(KeyCode::Down);
    assert_eq!(dashboard(&h).selected, 1);
    h.press(KeyCode::Char('e'));
    match h.state.top() {
        Some(Screen::TextForm(f)) => assert_eq!(f.form.value(TextField::Text), kept[1].text),
        _ => panic!("not on the text form:\n{}", h.screen()),
    }
    let new_text = "Jadwalkan pre-test dan post-test pada angkatan berikutnya";
    h.ctrl('u');
    h.type_str(new_text);
    h.ctrl('s');
    assert!(matches!(h.state.top(), Some(Screen::Dashboard(_))));
    let now = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(now.len(), 3);
    assert_eq!(now[1].text, new_text);
    assert_eq!(now[1].version, Version(kept[1].version.0 + 1));
    assert_eq!(
        (&now[1].rule, &now[1].because),
        (&kept[1].rule, &kept[1].because)
    );
    assert_eq!((&now[0], &now[2]), (&kept[0], &kept[2]));
    assert!(
        h.screen().contains(&format!("2. {new_text}")),
        "{}",
        h.screen()
    );
    let report = report_json(dir.path(), &db, PRAKOM);
    let mut expected = kept_triples(&kept);
    expected[1].1 = new_text.to_string();
    assert_eq!(json_recommendations(&report, "recommendations"), expected);

    // n: one of the evaluator's own, rule "manual".
    let manual = "Libatkan pranata komputer senior sebagai mentor";
    h.press(KeyCode::Char('n'));
    h.type_str(manual);
    h.ctrl('s');
    let now = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(now.len(), 4);
    assert_eq!(
        (
            now[3].rule.as_str(),
            now[3].text.as_str(),
            now[3].because.as_str()
        ),
        ("manual", manual, "")
    );
    let report = report_json(dir.path(), &db, PRAKOM);
    expected.push(("manual".into(), manual.into(), String::new()));
    assert_eq!(json_recommendations(&report, "recommendations"), expected);
    let screen = h.screen();
    assert!(screen.contains(&format!("4. {manual}")), "{screen}");
    assert_snapshot!("recommendations_kept_edited_and_added", screen);

    // d on it asks first, y removes it from the store and the report.
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    assert_eq!(dashboard(&h).selected, 3);
    h.press(KeyCode::Char('d'));
    let question = Msg::RecDeleteQuestion.fill(Lang::Id, &[&manual]);
    match h.state.modals.last() {
        Some(Modal::Confirm(c)) => assert_eq!(c.question, question),
        _ => panic!("no question:\n{}", h.screen()),
    }
    h.press(KeyCode::Char('y'));
    let now = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(now.len(), 3);
    assert!(now.iter().all(|k| k.rule != "manual"));
    let report = report_json(dir.path(), &db, PRAKOM);
    expected.pop();
    assert_eq!(json_recommendations(&report, "recommendations"), expected);
    assert!(!h.screen().contains(manual), "{}", h.screen());
}

#[test]
fn removing_the_last_kept_recommendation_selects_the_one_before() {
    let mut h = demo();
    let prakom = program_id(&h.store, PRAKOM);
    open_program(&mut h, PRAKOM);
    h.press(KeyCode::Char('r'));
    h.shift_tab();
    assert_eq!(dashboard(&h).section, DashSection::Advice, "{}", h.screen());
    h.press(KeyCode::Char('s'));
    let kept = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(kept.len(), 3);
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('y'));
    assert_eq!(h.store.kept_recommendations(prakom).expect("kept").len(), 2);
    h.press(KeyCode::Char('e'));
    match h.state.top() {
        Some(Screen::TextForm(f)) => assert_eq!(f.form.value(TextField::Text), kept[1].text),
        _ => panic!("not editing the last one:\n{}", h.screen()),
    }
}

#[test]
fn a_recommendation_of_ones_own_shows_no_empty_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let me = current_user();
    let db = demo_file(dir.path(), &[&me]);
    let mut h = Harness::new(open_as(&db, &me), Role::Admin);
    open_program(&mut h, PRAKOM);
    h.press(KeyCode::Char('r'));
    h.shift_tab();
    h.press(KeyCode::Char('n'));
    h.type_str("Libatkan pranata komputer senior sebagai mentor");
    h.ctrl('s');
    let screen = h.screen();
    assert!(screen.contains("4. Libatkan pranata komputer"), "{screen}");
    assert!(!screen.lines().any(|l| l.trim() == "karena"), "{screen}");
    let html = report_html(dir.path(), &db, PRAKOM);
    assert!(
        !html.contains(r#"<span class="why">karena </span>"#),
        "{html}"
    );
}

#[test]
fn removing_every_kept_recommendation_leaves_none_and_the_suggestions_stay_away() {
    let dir = tempfile::tempdir().expect("dir");
    let me = current_user();
    let db = demo_file(dir.path(), &[&me]);
    let mut h = Harness::new(open_as(&db, &me), Role::Admin);
    let prakom = program_id(&h.store, PRAKOM);
    open_program(&mut h, PRAKOM);
    h.press(KeyCode::Char('r'));
    h.shift_tab();
    h.press(KeyCode::Char('s'));
    let kept = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(kept.len(), 3);
    for left in (0..3).rev() {
        h.press(KeyCode::Char('d'));
        h.press(KeyCode::Char('y'));
        assert_eq!(
            h.store.kept_recommendations(prakom).expect("kept").len(),
            left
        );
    }
    let screen = h.screen();
    assert!(screen.contains(&start(Msg::RecNoneKept)), "{screen}");
    assert!(screen.contains(&start(Msg::RecKeptNote)), "{screen}");
    let first: String = kept[0].text.chars().take(30).collect();
    assert!(!screen.contains(&first), "{screen}");
    // e and d say none is kept (not "keep the suggestions first"); k does not bring the suggestions back.
    h.press(KeyCode::Char('e'));
    assert_eq!(notice(&h), id(Msg::RecNoneKept));
    h.press(KeyCode::Char('d'));
    assert_eq!(notice(&h), id(Msg::RecNoneKept));
    h.press(KeyCode::Char('s'));
    assert_eq!(notice(&h), id(Msg::RecAlreadyKept));
    assert!(
        h.store
            .kept_recommendations(prakom)
            .expect("kept")
            .is_empty()
    );
    let report = report_json(dir.path(), &db, PRAKOM);
    assert_eq!(report["recommendations_kept"], true);
    assert!(json_recommendations(&report, "recommendations").is_empty());
    assert_eq!(json_recommendations(&report, "suggested").len(), 3);
    let html = report_html(dir.path(), &db, PRAKOM);
    assert!(html.contains(id(Msg::HtmlNoneKept)), "{html}");
    // One of the evaluator's own is then the only one.
    h.press(KeyCode::Char('n'));
    h.type_str("Libatkan pranata komputer senior sebagai mentor");
    h.ctrl('s');
    let now = h.store.kept_recommendations(prakom).expect("kept");
    assert_eq!(now.len(), 1, "{now:?}");
    assert!(
        h.screen()
            .contains("1. Libatkan pranata komputer senior sebagai mentor"),
        "{}",
        h.screen()
    );
}

// ── 4. Counts in observation checklists ──────────────────────────────────────────────────────────────────

fn choose(h: &mut Harness, field: SetupField, code: &str, letter: char) {
    for _ in 0..12 {
        let value = match h.state.top() {
            Some(Screen::EntrySetup(s)) => s.form.as_ref().map(|f| f.value(field)),
            _ => None,
        }
        .unwrap_or_else(|| panic!("not on the entry setup:\n{}", h.screen()));
        if value == code {
            return;
        }
        h.press(KeyCode::Char(letter));
    }
    panic!("{code} is not reached with {letter}:\n{}", h.screen());
}

/// From the Entry tab: program, instrument and phase by their letters, first keying, Enter.
fn open_entry(h: &mut Harness, program: &str, instrument: &str, phase: Phase, letters: [char; 3]) {
    h.press(KeyCode::Char('2'));
    let pid = program_id(&h.store, program).0.to_string();
    choose(h, SetupField::Program, &pid, letters[0]);
    h.press(KeyCode::Tab);
    choose(h, SetupField::Instrument, instrument, letters[1]);
    h.press(KeyCode::Tab);
    choose(h, SetupField::Phase, phase.code(), letters[2]);
    h.press(KeyCode::Tab);
    choose(h, SetupField::Keying, "first", 'e');
    h.press(KeyCode::Enter);
    assert_eq!(entry(h).stage, Stage::Respondent, "{}", h.screen());
}

fn entry(h: &Harness) -> &EntryScreen {
    match h.state.top() {
        Some(Screen::Entry(e)) => e,
        _ => panic!("not on the entry screen:\n{}", h.screen()),
    }
}

fn focused(h: &Harness) -> String {
    let e = entry(h);
    e.data
        .as_ref()
        .and_then(|d| d.instrument.definition.items.get(e.focus))
        .map_or_else(|| "save".to_string(), |i| i.code.to_string())
}

fn answers(store: &Store, batch: &Batch, asn: AsnId) -> BTreeMap<String, String> {
    let info = store
        .find_response(batch, &Respondent::Asn(asn), Keying::First)
        .expect("query")
        .expect("a form");
    store.answers(info.id).expect("answers")
}

fn mwk_baseline(store: &Store) -> Batch {
    Batch {
        program: Some(program_id(store, MWK)),
        instrument: "OBS-WAKTU".into(),
        phase: Phase::Pre,
    }
}

/// Opens the MWK baseline checklist for the first participant without one and keys it up to TUGAS.
fn key_up_to_counts(h: &mut Harness) -> AsnId {
    let batch = mwk_baseline(&h.store);
    let (asn, nip, _) = h.store.progress(&batch).expect("progress").missing[0].clone();
    open_entry(h, MWK, "OBS-WAKTU", Phase::Pre, ['m', 'o', 's']);
    h.type_str(&nip);
    h.press(KeyCode::Enter);
    assert_eq!(entry(h).stage, Stage::Items, "{}", h.screen());
    h.type_str("06/04/2026\nYuni Astuti\nRuang kerja\n1010");
    assert_eq!(focused(h), "TUGAS", "{}", h.screen());
    asn
}

#[test]
fn more_tasks_on_time_than_due_is_refused_on_the_entry_screen() {
    let mut h = demo();
    let batch = mwk_baseline(&h.store);
    let asn = key_up_to_counts(&mut h);
    h.type_str("5\n");
    assert_eq!(focused(&h), "TEPAT");
    h.type_str("7\n");
    assert_eq!(
        notice(&h),
        Msg::EntryMoreThanDue.fill(Lang::Id, &[&"5"]),
        "{}",
        h.screen()
    );
    assert_eq!(
        notice(&h),
        "Tugas tepat waktu tidak boleh melebihi tugas yang jatuh tempo (5)"
    );
    assert_eq!(focused(&h), "TEPAT");
    assert_snapshot!("counts_refused_in_entry", h.screen());
    assert!(!answers(&h.store, &batch, asn).contains_key("TEPAT"));
    // As many as were due is fine.
    h.ctrl('u');
    h.type_str("5\n");
    assert_eq!(focused(&h), "RUBRIK");
    // Fewer tasks due than those already done on time is refused too.
    h.press(KeyCode::Up);
    h.press(KeyCode::Up);
    assert_eq!(focused(&h), "TUGAS");
    h.ctrl('u');
    h.type_str("3\n");
    assert_eq!(notice(&h), Msg::EntryMoreThanDue.fill(Lang::Id, &[&"3"]));
    assert_eq!(focused(&h), "TUGAS");
    h.ctrl('u');
    h.type_str("8\n");
    assert_eq!(focused(&h), "TEPAT");
    h.type_str("\n3\n");
    assert_eq!(focused(&h), "save", "{}", h.screen());
    h.press(KeyCode::Enter);
    let stored = answers(&h.store, &batch, asn);
    assert_eq!(
        (
            stored.get("TUGAS").map(String::as_str),
            stored.get("TEPAT").map(String::as_str)
        ),
        (Some("8"), Some("5"))
    );
    assert!(
        h.store
            .find_response(&batch, &Respondent::Asn(asn), Keying::First)
            .expect("query")
            .expect("form")
            .complete
    );
}

#[test]
fn no_task_due_hides_the_tasks_on_time_instead_of_refusing() {
    let mut h = demo();
    let batch = mwk_baseline(&h.store);
    let asn = key_up_to_counts(&mut h);
    h.type_str("5\n5\n");
    assert_eq!(focused(&h), "RUBRIK");
    h.press(KeyCode::Up);
    h.press(KeyCode::Up);
    h.ctrl('u');
    h.type_str("0\n");
    assert_eq!(notice(&h), "", "{}", h.screen());
    let stored = answers(&h.store, &batch, asn);
    assert_eq!(stored.get("TUGAS").map(String::as_str), Some("0"));
    assert!(!stored.contains_key("TEPAT"));
}

#[test]
fn more_tasks_on_time_than_due_is_refused_by_the_import() {
    let dir = tempfile::tempdir().expect("dir");
    let me = current_user();
    let db = demo_file(dir.path(), &[&me]);
    let store = open_as(&db, &me);
    let mwk = program_id(&store, MWK);
    let f3 = Batch {
        program: Some(mwk),
        instrument: "OBS-WAKTU".into(),
        phase: Phase::F3,
    };
    let missing = store.progress(&f3).expect("progress").missing;
    let (a, b) = (&missing[0], &missing[1]);
    let header = "nip;TGL;PENGAMAT;TEMPAT;B01;B02;B03;B04;TUGAS;TEPAT;RUBRIK";
    // The second row has as many on time as due: fine; the first has more: the whole file is refused.
    let bad = format!(
        "{header}\n{};20/08/2026;Yuni Astuti;Ruang kerja;1;1;0;1;5;7;3\n{};21/08/2026;Yuni Astuti;Ruang kerja;1;1;1;1;6;6;3\n",
        a.1, b.1
    );
    let path = dir.path().join("obs.csv");
    std::fs::write(&path, bad).expect("write");
    let args = [
        "import",
        "observations",
        path.to_str().expect("UTF-8"),
        "--program",
        MWK,
        "--instrument",
        "OBS-WAKTU",
        "--phase",
        "f3",
    ];
    let out = tilik(dir.path(), &db, &args);
    assert_eq!(out.status.code(), Some(3), "{}", describe(&out));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "tilik: tidak ada yang disimpan; 1 masalah:",
            &format!(
                "  baris 2, kolom TEPAT: {}",
                Msg::ProblemMoreThanDue.fill(Lang::Id, &[&"5"])
            ),
        ],
        "{err}"
    );
    assert!(err.contains("melebihi jumlah tugas yang jatuh tempo (5)"));
    assert_eq!(store.progress(&f3).expect("progress").complete, 0);
    // Seven due and seven on time goes in.
    let good = format!(
        "{header}\n{};20/08/2026;Yuni Astuti;Ruang kerja;1;1;0;1;7;7;3\n",
        a.1
    );
    std::fs::write(&path, good).expect("write");
    let out = ok(dir.path(), &db, &args);
    assert!(out.starts_with("1 formulir baru"), "{out}");
    let stored = answers(&store, &f3, a.0);
    assert_eq!(
        (
            stored.get("TUGAS").map(String::as_str),
            stored.get("TEPAT").map(String::as_str)
        ),
        (Some("7"), Some("7"))
    );
}

// ── 5. Planning follow-ups again ─────────────────────────────────────────────────────────────────────────

/// One planned follow-up form as the worklist has it.
#[derive(Debug, Clone, PartialEq)]
struct Planned {
    id: i64,
    asn: AsnId,
    instrument: String,
    phase: Phase,
    due: NaiveDate,
    state: Due,
    evaluator: Option<String>,
}

fn planned(store: &Store, program: ProgramId) -> Vec<Planned> {
    let mut out: Vec<Planned> = store
        .worklist(
            &WorkFilter {
                view: WorkView::All,
                program: Some(program),
                ..WorkFilter::default()
            },
            test_today(),
        )
        .expect("worklist")
        .into_iter()
        .filter_map(|w| match w.what {
            Work::Form {
                id,
                instrument,
                phase,
                ..
            } => Some(Planned {
                id,
                asn: w.asn,
                instrument,
                phase,
                due: w.due,
                state: w.state,
                evaluator: w.evaluator,
            }),
            Work::Step { .. } => None,
        })
        .collect();
    out.sort_by_key(|p| p.id);
    out
}

fn days_after(end: NaiveDate, days: u32) -> NaiveDate {
    end + chrono::Duration::days(i64::from(days))
}

#[test]
fn planning_again_moves_days_but_keeps_cancellations_assignments_and_done_forms() {
    let mut store = demo_store();
    let pkp = program_id(&store, PKP);
    let end = store.program(pkp).expect("program").data.end;
    let before = planned(&store, pkp);
    let plan = store.followup_plan(pkp).expect("plan");
    assert_eq!(plan.offsets, [30, 60, 90]);
    assert_eq!(plan.results_offset, 180);
    assert_eq!(plan.self_report.as_deref(), Some("DIRI-PERILAKU"));
    let open = |p: &&Planned| p.state != Due::Done && p.state != Due::Cancelled;
    // The demo has done, overdue and later follow-ups of PKP.
    assert!(before.iter().any(|p| p.state == Due::Done));
    assert!(before.iter().any(|p| p.state == Due::Overdue));
    assert!(before.iter().any(|p| p.state == Due::Later));
    // Some self-assessments are done already.
    let done_self: Vec<&Planned> = before
        .iter()
        .filter(|p| p.instrument == "DIRI-PERILAKU" && p.state == Due::Done)
        .collect();
    assert!(!done_self.is_empty());
    // One planned observation is cancelled, one interview assigned.
    let cancelled = before
        .iter()
        .filter(open)
        .find(|p| p.instrument == "OBS-KEPEMIMPINAN" && p.phase == Phase::F3)
        .expect("an open observation")
        .clone();
    let assigned = before
        .iter()
        .filter(open)
        .find(|p| p.instrument == "WAWANCARA-ATASAN" && p.phase == Phase::F2)
        .expect("an open interview")
        .clone();
    store.cancel_followup(cancelled.id, true).expect("cancel");
    store
        .assign_followup(assigned.id, Some(ME))
        .expect("assign");

    // New days, and no self-assessment any more.
    let new = FollowupPlan {
        observation: plan.observation.clone(),
        interview: plan.interview.clone(),
        self_report: None,
        offsets: vec![45, 75, 120],
        results_offset: 200,
    };
    let added = store.set_followup_plan(pkp, &new).expect("planned again");
    assert_eq!(store.followup_plan(pkp).expect("plan"), new);
    let after = planned(&store, pkp);
    let offset = |phase: Phase| match phase {
        Phase::F1 => 45,
        Phase::F2 => 75,
        Phase::F3 => 120,
        Phase::M6 => 200,
        other => panic!("no follow-up phase {other:?}"),
    };
    let by_id: BTreeMap<i64, &Planned> = after.iter().map(|p| (p.id, p)).collect();
    for p in &before {
        let now = by_id.get(&p.id);
        if p.state == Due::Done {
            // Done stays as it was, self-assessments included.
            assert_eq!(now, Some(&p), "done: {p:?}");
        } else if p.instrument == "DIRI-PERILAKU" {
            assert_eq!(now, None, "self-assessment not done is gone: {p:?}");
        } else {
            let now = now.unwrap_or_else(|| panic!("still planned: {p:?}"));
            let due = days_after(end, offset(p.phase));
            assert_eq!(now.due, due, "{p:?}");
            let cancelled_now = p.state == Due::Cancelled || p.id == cancelled.id;
            let state = if cancelled_now {
                Due::Cancelled
            } else if due < test_today() {
                Due::Overdue
            } else if (due - test_today()).num_days() < 7 {
                Due::ThisWeek
            } else {
                Due::Later
            };
            assert_eq!(now.state, state, "{p:?}");
            let evaluator = if p.id == assigned.id {
                Some(ME.to_string())
            } else {
                p.evaluator.clone()
            };
            assert_eq!(now.evaluator, evaluator, "{p:?}");
        }
    }
    let c = by_id[&cancelled.id];
    assert_eq!((c.state, c.due), (Due::Cancelled, days_after(end, 120)));
    let a = by_id[&assigned.id];
    assert_eq!(
        (a.evaluator.as_deref(), a.due),
        (Some(ME), days_after(end, 75))
    );
    assert_eq!(a.state, Due::Later, "due {} after 30/11", a.due);
    // What was added is exactly what the new plan misses for people who did not withdraw.
    let known: Vec<i64> = before.iter().map(|p| p.id).collect();
    let fresh: Vec<&Planned> = after.iter().filter(|p| !known.contains(&p.id)).collect();
    assert_eq!(fresh.len(), added);
    let roster = store.roster(pkp).expect("roster");
    let mut expected_new = 0;
    for r in roster.iter().filter(|r| {
        r.data.completion != Some(tilik::domain::enrollment::Completion::MengundurkanDiri)
    }) {
        for (instrument, phase) in [
            ("OBS-KEPEMIMPINAN", Phase::F1),
            ("OBS-KEPEMIMPINAN", Phase::F2),
            ("OBS-KEPEMIMPINAN", Phase::F3),
            ("WAWANCARA-ATASAN", Phase::F1),
            ("WAWANCARA-ATASAN", Phase::F2),
            ("WAWANCARA-ATASAN", Phase::F3),
            ("WAWANCARA-ATASAN", Phase::M6),
        ] {
            let had = before
                .iter()
                .any(|p| p.asn == r.asn && p.instrument == instrument && p.phase == phase);
            if !had {
                expected_new += 1;
                assert!(
                    fresh.iter().any(|p| p.asn == r.asn
                        && p.instrument == instrument
                        && p.phase == phase
                        && p.due == days_after(end, offset(phase))
                        && p.evaluator.is_none()),
                    "{instrument} {phase:?} of {:?}",
                    r.asn
                );
            }
        }
    }
    assert_eq!(added, expected_new);
    assert!(fresh.iter().all(|p| p.instrument != "DIRI-PERILAKU"));
    let self_left: Vec<&Planned> = after
        .iter()
        .filter(|p| p.instrument == "DIRI-PERILAKU")
        .collect();
    assert_eq!(self_left, done_self, "only the done self-assessments stay");

    // Someone enrolled into the completed program is planned with the new days at once.
    let newcomer = store
        .all_asn()
        .expect("people")
        .into_iter()
        .find(|a| !roster.iter().any(|r| r.asn == a.id))
        .expect("someone not in PKP")
        .id;
    store.enroll(pkp, newcomer).expect("enrolled");
    let mut theirs: Vec<(String, Phase, NaiveDate)> = planned(&store, pkp)
        .into_iter()
        .filter(|p| p.asn == newcomer)
        .map(|p| (p.instrument, p.phase, p.due))
        .collect();
    theirs.sort_by(|a, b| (&a.0, a.2).cmp(&(&b.0, b.2)));
    let mut want: Vec<(String, Phase, NaiveDate)> = Vec::new();
    for instrument in ["OBS-KEPEMIMPINAN", "WAWANCARA-ATASAN"] {
        for phase in [Phase::F1, Phase::F2, Phase::F3] {
            want.push((instrument.into(), phase, days_after(end, offset(phase))));
        }
    }
    want.push(("WAWANCARA-ATASAN".into(), Phase::M6, days_after(end, 200)));
    want.sort_by(|a, b| (&a.0, a.2).cmp(&(&b.0, b.2)));
    assert_eq!(theirs, want);
    // A program still running plans nothing for a newcomer.
    let prakom = program_id(&store, PRAKOM);
    let outsider = store
        .all_asn()
        .expect("people")
        .into_iter()
        .find(|a| {
            !store
                .roster(prakom)
                .expect("roster")
                .iter()
                .any(|r| r.asn == a.id)
        })
        .expect("someone not in PRAKOM")
        .id;
    store.enroll(prakom, outsider).expect("enrolled");
    assert!(planned(&store, prakom).is_empty());

    // Two offsets only: the third follow-ups that are not done go, cancelled or not.
    let shorter = FollowupPlan {
        offsets: vec![45, 75],
        ..new.clone()
    };
    store
        .set_followup_plan(pkp, &shorter)
        .expect("planned again");
    let last = planned(&store, pkp);
    assert!(
        last.iter()
            .all(|p| p.phase != Phase::F3 || p.state == Due::Done),
        "{last:?}"
    );
    assert!(!last.iter().any(|p| p.id == cancelled.id));
    assert!(
        last.iter()
            .any(|p| p.id == assigned.id && p.evaluator.as_deref() == Some(ME))
    );
}

// ── 6. The clerks' active time ───────────────────────────────────────────────────────────────────────────

/// (forms, active seconds) of `clerk` over every day.
fn clerk_totals(store: &Store, clerk: &str) -> (i64, i64) {
    store
        .entry_stats(None, None)
        .expect("stats")
        .iter()
        .filter(|r| r.clerk == clerk)
        .fold((0, 0), |(f, s), r| (f + r.forms, s + r.active_seconds))
}

/// Keys a REAKSI-01 form for the suggested respondent, with `Active(ms)` before each key but the first;
/// returns the milliseconds sent.
fn key_reaction_with_pauses(h: &mut Harness, pauses: &mut impl Iterator<Item = u32>) -> u64 {
    let mut sent = 0u64;
    let mut keys: Vec<KeyCode> = vec![KeyCode::Enter];
    keys.extend("123412341234123412341".chars().map(KeyCode::Char));
    keys.extend([KeyCode::Enter, KeyCode::Enter, KeyCode::Enter]);
    for (n, key) in keys.into_iter().enumerate() {
        if n > 0 {
            let ms = pauses.next().expect("a pause");
            sent += u64::from(ms);
            h.act(Action::Active(ms));
        }
        h.press(key);
    }
    assert_eq!(entry(h).stage, Stage::Respondent, "{}", h.screen());
    sent
}

#[test]
fn active_time_between_keys_is_counted_in_whole_seconds_per_form() {
    let mut h = demo();
    let batch = Batch {
        program: Some(program_id(&h.store, KOM)),
        instrument: "REAKSI-01".into(),
        phase: Phase::Post,
    };
    let (forms, seconds) = clerk_totals(&h.store, ME);
    let complete = h.store.progress(&batch).expect("progress").complete;
    // Time on other screens is not time on a form.
    h.act(Action::Active(30_000));
    open_entry(&mut h, KOM, "REAKSI-01", Phase::Post, ['k', 'r', 's']);
    assert_eq!(entry(&h).active_ms, 0);
    // Pauses under a minute, as the runtime sends them: 25 keys, 24 gaps.
    let mut pauses = [
        900u32, 450, 1_200, 300, 2_750, 610, 480, 505, 1_999, 333, 700, 820, 410, 390, 1_500, 640,
        720, 260, 4_100, 550, 880, 46_020, 1_001,
    ]
    .into_iter()
    .chain(
        [800u32, 1_234, 999, 300, 450, 2_001, 600]
            .into_iter()
            .cycle(),
    );
    let first = key_reaction_with_pauses(&mut h, &mut pauses);
    assert_eq!(first, 68_318);
    assert_eq!(
        h.store.progress(&batch).expect("progress").complete,
        complete + 1
    );
    assert_eq!(
        clerk_totals(&h.store, ME),
        (forms + 1, seconds + 68),
        "68 318 ms is 68 whole seconds"
    );
    // The next form starts from nothing.
    assert_eq!(entry(&h).active_ms, 0);
    let second = key_reaction_with_pauses(&mut h, &mut pauses);
    assert_eq!(
        clerk_totals(&h.store, ME),
        (
            forms + 2,
            seconds + 68 + i64::try_from(second / 1000).expect("small")
        )
    );
}

#[test]
fn active_time_is_counted_on_the_stores_day() {
    let mut store = demo_store();
    // A session whose clock says 20/11/2026 (08:00 WIB).
    store.fix_clock(
        Utc.with_ymd_and_hms(2026, 11, 20, 1, 0, 0)
            .single()
            .expect("valid time"),
    );
    let day = store.today();
    assert_eq!(day, NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"));
    let mut h = Harness::new(store, Role::Admin);
    open_entry(&mut h, KOM, "REAKSI-01", Phase::Post, ['k', 'r', 's']);
    let mut pauses = std::iter::repeat(2_000u32);
    key_reaction_with_pauses(&mut h, &mut pauses);
    let rows = h.store.entry_stats(Some(day), Some(day)).expect("stats");
    let mine: Vec<_> = rows.iter().filter(|r| r.clerk == ME).collect();
    assert_eq!(mine.len(), 1, "{rows:?}");
    assert_eq!((mine[0].forms, mine[0].active_seconds), (1, 48));
}

// ── 7. The dashboard at 80x24: every section fits, no value is cut ───────────────────────────────────────

/// Complete anonymous IKM-9 forms (0: left empty) for a program and phase, keyed in the store.
fn ikm_forms(store: &mut Store, program: ProgramId, phase: Phase, rows: &[[u8; 9]]) {
    let instrument = store
        .instrument("IKM-9")
        .expect("query")
        .expect("the built-in IKM-9");
    let batch = Batch {
        program: Some(program),
        instrument: "IKM-9".into(),
        phase,
    };
    for (n, row) in rows.iter().enumerate() {
        let form = store
            .start_response(
                &batch,
                instrument.id,
                &Respondent::Sheet(format!("{phase:?}-{}", n + 1)),
                Keying::First,
            )
            .expect("form");
        for (k, v) in row.iter().enumerate().filter(|(_, v)| **v > 0) {
            store
                .set_answer(form, &format!("U{}", k + 1), Some(&v.to_string()), None)
                .expect("answer");
        }
        store.complete_response(form).expect("complete");
    }
}

/// The demo with PPP's unit surveyed before the training and six months after (the IKM of
/// tests/report.rs: 71.53 C → 85.42 B), and a first follow-up survey where nobody answered U9.
fn demo_with_ikm() -> Store {
    let mut store = demo_store();
    let ppp = program_id(&store, PPP);
    ikm_forms(
        &mut store,
        ppp,
        Phase::Pre,
        &[
            [3, 3, 2, 3, 3, 3, 3, 2, 3],
            [3, 2, 2, 3, 3, 3, 3, 3, 3],
            [2, 3, 3, 3, 3, 3, 4, 2, 3],
            [3, 3, 2, 4, 3, 3, 3, 3, 3],
        ],
    );
    ikm_forms(
        &mut store,
        ppp,
        Phase::F1,
        &[[4, 3, 3, 4, 3, 4, 4, 3, 0], [3, 3, 3, 4, 4, 3, 4, 3, 0]],
    );
    ikm_forms(
        &mut store,
        ppp,
        Phase::M6,
        &[
            [4, 3, 3, 4, 3, 4, 4, 3, 3],
            [3, 3, 3, 4, 4, 3, 4, 3, 3],
            [4, 4, 3, 4, 3, 3, 4, 3, 4],
            [3, 3, 3, 4, 3, 4, 4, 3, 3],
        ],
    );
    store
}

/// The dashboard's tab bar shows every section in full, and no line ends cut (`…`): long text is
/// wrapped and values keep their column (only a bar's label may be shortened).
fn assert_fits(screen: &str, tabs: &[&str]) {
    let bar = screen.lines().nth(1).expect("the tab bar");
    let mut rest = bar;
    for tab in tabs {
        let at = rest
            .find(tab)
            .unwrap_or_else(|| panic!("tab {tab:?} missing or cut:\n{screen}"));
        rest = &rest[at + tab.len()..];
    }
    for line in screen.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "wider than 80: {line:?}"
        );
        let end = line.trim_end().trim_end_matches('↓').trim_end();
        assert!(!end.ends_with('…'), "cut: {line:?}\n{screen}");
    }
}

const TABS_ID: [&str; 8] = [
    "Ringkasan",
    "Reaksi",
    "Pembelajaran",
    "Perilaku",
    "Hambatan",
    "Hasil",
    "Mutu",
    "Rekomendasi",
];

#[test]
fn every_dashboard_section_fits_80x24_without_cutting_values() {
    for code in [KOM, PPP] {
        let mut h = Harness::new(demo_with_ikm(), Role::Admin);
        open_program(&mut h, code);
        h.press(KeyCode::Char('r'));
        for (n, name) in [
            "summary",
            "reaction",
            "learning",
            "behaviour",
            "barriers",
            "results",
            "quality",
            "advice",
        ]
        .iter()
        .enumerate()
        {
            let screen = h.screen();
            assert_fits(&screen, &TABS_ID);
            // Scrolled to the end too: the bottom of long sections.
            h.press(KeyCode::End);
            assert_fits(&h.screen(), &TABS_ID);
            h.press(KeyCode::Home);
            let tag = code.split('-').next().unwrap_or(code).to_lowercase();
            assert_snapshot!(format!("dashboard_{tag}_{n}_{name}"), screen);
            h.press(KeyCode::Tab);
        }
        assert_eq!(dashboard(&h).section, DashSection::Summary, "round trip");
    }
    // In English too.
    let mut h = Harness::with(demo_with_ikm(), Role::Admin, Lang::En, (80, 24));
    open_program(&mut h, KOM);
    h.press(KeyCode::Char('r'));
    let tabs = [
        "Summary",
        "Reaction",
        "Learning",
        "Behaviour",
        "Barriers",
        "Results",
        "Quality",
        "Advice",
    ];
    for _ in tabs {
        assert_fits(&h.screen(), &tabs);
        h.press(KeyCode::Tab);
    }
}

#[test]
fn the_dashboards_results_show_the_ikm_before_and_after_and_why_one_is_missing() {
    let mut h = Harness::new(demo_with_ikm(), Role::Admin);
    open_program(&mut h, PPP);
    h.press(KeyCode::Char('r'));
    for _ in 0..5 {
        h.press(KeyCode::Tab);
    }
    assert_eq!(dashboard(&h).section, DashSection::Results);
    let screen = h.screen();
    // 25 × 25.75 / 9 = 71.53 (C); 25 × 30.75 / 9 = 85.42 (B); the change 13.89 points.
    assert!(
        screen.contains("Sebelum (pre): IKM 71,53 · mutu C (Kurang Baik) · 4 responden"),
        "{screen}"
    );
    assert!(
        screen.contains("Hasil (±6 bulan): IKM 85,42 · mutu B (Baik) · 4 responden"),
        "{screen}"
    );
    assert!(
        screen.contains("Tindak lanjut 1: IKM tidak dapat dihitung: unsur U9 tanpa jawaban"),
        "{screen}"
    );
    assert!(screen.contains("71,53 → 85,42 (+13,89"), "{screen}");
    assert!(
        line_with(&screen, "U3 waktu").ends_with("2,25 → 3,00"),
        "{screen}"
    );
    h.press(KeyCode::End);
    let screen = h.screen();
    assert!(
        line_with(&screen, "U9 sarana").contains("3,00 → 3,25"),
        "{screen}"
    );
    assert!(screen.contains(id(Msg::RoiTitle)), "ROI follows: {screen}");

    // Only a survey after the training: its NRR, and why there is no change.
    let mut store = demo_store();
    let ppp = program_id(&store, PPP);
    ikm_forms(&mut store, ppp, Phase::M6, &[[4, 4, 4, 4, 4, 4, 4, 4, 4]]);
    let mut h = Harness::new(store, Role::Admin);
    open_program(&mut h, PPP);
    h.press(KeyCode::Char('r'));
    for _ in 0..5 {
        h.press(KeyCode::Tab);
    }
    let screen = h.screen();
    assert!(
        screen.contains("Hasil (±6 bulan): IKM 100,00 · mutu A (Sangat Baik) · 1 responden"),
        "{screen}"
    );
    assert!(
        screen.contains("Perubahan IKM belum dapat dihitung"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "U1 persyaratan").ends_with("4,00 · n 1"),
        "{screen}"
    );
}

#[test]
fn withdrawn_participants_are_left_out_of_cost_per_participant_and_response_rate() {
    let store = demo_store();
    let kom = program_id(&store, KOM);
    let roster = store.roster(kom).expect("roster");
    let withdrawn: Vec<AsnId> = roster
        .iter()
        .filter(|r| {
            r.data.completion == Some(tilik::domain::enrollment::Completion::MengundurkanDiri)
        })
        .map(|r| r.asn)
        .collect();
    assert!(!withdrawn.is_empty(), "the demo's KOM has withdrawals");
    let stayed = roster.len() - withdrawn.len();
    let reaction = store
        .responses(&Batch {
            program: Some(kom),
            instrument: "REAKSI-01".into(),
            phase: Phase::Post,
        })
        .expect("forms");
    let answered = reaction
        .iter()
        .filter(|f| !matches!(&f.info.respondent, Respondent::Asn(a) if withdrawn.contains(a)))
        .count();
    let cost = total_cost(&store, kom);

    let dir = tempfile::tempdir().expect("dir");
    let db = demo_file(dir.path(), &[&current_user()]);
    let v = report_json(dir.path(), &db, KOM);
    assert_eq!(v["program"]["participants"], roster.len());
    assert_eq!(v["program"]["withdrawn"], withdrawn.len());
    assert_eq!(v["costs"]["total"], cost);
    assert_eq!(v["costs"]["per_participant"], cost / stayed as i64);
    assert_eq!(
        v["costs"]["per_participant_jp"],
        cost / (stayed as i64 * 32)
    );
    close(
        num(&v["data_quality"]["response_rate"], "response rate"),
        100.0 * answered as f64 / stayed as f64,
        "response rate",
    );
    let html = report_html(dir.path(), &db, KOM);
    assert!(
        html.contains(&format!(
            "{} peserta, {} lulus, {} mengundurkan diri",
            roster.len(),
            v["program"]["passed"],
            withdrawn.len()
        )),
        "the report's table says who withdrew"
    );

    // The dashboard says it in its first line, and the cost per participant is the report's.
    let mut h = Harness::new(store, Role::Admin);
    open_program(&mut h, KOM);
    h.press(KeyCode::Char('r'));
    let screen = h.screen();
    assert!(
        screen.contains(&format!(", {} mengundurkan diri", withdrawn.len())),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("per peserta {}", rp(cost / stayed as i64))),
        "{screen}"
    );
}
