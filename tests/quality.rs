//! Data quality after double entry: the verification report per clerk and instrument, adjudication by
//! a third person, the clerks' statistics, and forms filtered by verification — in the store, in the
//! terminal interface (80x24) and on the command line.

use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use std::path::Path;
use tilik::app::harness::{Harness, test_today};
use tilik::app::state::Tab;
use tilik::domain::instrument::Phase;
use tilik::domain::user::{Role, Username};
use tilik::domain::{AsnId, ProgramId};
use tilik::screens::Screen;
use tilik::screens::analysis::{AnalysisScreen, Section};
use tilik::store::response::{Batch, Keying, Respondent};
use tilik::store::verification::{Period, Verified};
use tilik::store::{OpenMode, Store, StoreError};

fn user(name: &str) -> Username {
    Username::parse(name).expect("valid name")
}

fn fix(store: &mut Store) {
    store.fix_clock(
        Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
            .single()
            .expect("valid time"),
    );
}

/// The demo on disk, opened as `name` (who must be one of its users).
fn demo_on_disk(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("demo.db");
    let mut store = Store::open(&path, user("root"), OpenMode::Create).expect("store");
    fix(&mut store);
    store
        .add_user(&user("root"), "", Role::Admin)
        .expect("admin");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    path
}

fn open_as(path: &Path, name: &str) -> Store {
    let mut store = Store::open(path, user(name), OpenMode::Existing).expect("store");
    fix(&mut store);
    store
}

fn kom(store: &Store) -> ProgramId {
    store
        .program_by_code("KOM-2026-01")
        .expect("query")
        .expect("KOM")
        .id
}

fn batch(program: ProgramId) -> Batch {
    Batch {
        program: Some(program),
        instrument: "REAKSI-01".into(),
        phase: Phase::Post,
    }
}

// ── The store ────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn the_demo_report_adds_up_per_clerk() {
    let dir = tempfile::tempdir().expect("dir");
    let path = demo_on_disk(dir.path());
    let store = open_as(&path, "root");
    let rows = store.verification_report(None, None).expect("report");
    assert_eq!(
        rows.iter().map(|r| r.clerk.as_str()).collect::<Vec<_>>(),
        ["operator1", "operator2"]
    );
    // Every verified form of KOM is counted once, under the clerk who keyed it first.
    let forms = store.forms(kom(&store), Verified::All).expect("forms");
    let verified_or_disputed = forms.iter().filter(|f| f.verified || f.open > 0).count();
    let counted: i64 = rows.iter().map(|r| r.forms).sum();
    assert_eq!(counted as usize, verified_or_disputed);
    for r in &rows {
        assert!(r.fields >= r.forms * 19, "{r:?}");
        assert!(r.mismatches >= r.discrepancies, "{r:?}");
        let rate = r.per_thousand().expect("fields compared");
        assert!((rate - 1000.0 * r.mismatches as f64 / r.fields as f64).abs() < 1e-9);
    }
    assert_eq!(rows.iter().map(|r| r.open).sum::<i64>(), 1);
    assert_eq!(rows.iter().map(|r| r.first_wrong).sum::<i64>(), 1);
}

#[test]
fn a_second_keying_records_what_verification_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = demo_on_disk(dir.path());
    let mut admin = open_as(&path, "root");
    admin
        .add_user(&user("budi"), "", Role::Operator)
        .expect("budi");
    admin
        .add_user(&user("sari"), "", Role::Verifier)
        .expect("sari");
    let program = kom(&admin);
    let b = batch(program);
    let instrument = admin
        .instrument("REAKSI-01")
        .expect("query")
        .expect("instrument")
        .id;
    // Someone enrolled without a form yet.
    let missing = admin.progress(&b).expect("progress").missing;
    let (asn, _, _) = missing.first().expect("someone without a form").clone();
    let who = Respondent::Asn(asn);

    let mut budi = open_as(&path, "budi");
    budi.start_response(&b, instrument, &who, Keying::First)
        .expect("start");
    for (item, v) in [("R01", "4"), ("R02", "3"), ("R03", "2")] {
        budi.set_answer_of(&b, &who, Keying::First, item, Some(v), None)
            .expect("answer");
    }
    budi.complete_response_of(&b, &who, Keying::First, (0, 0))
        .expect("complete");

    let mut sari = open_as(&path, "sari");
    sari.start_response(&b, instrument, &who, Keying::Second)
        .expect("start");
    for (item, v) in [("R01", "4"), ("R02", "3"), ("R03", "3")] {
        sari.set_answer_of(&b, &who, Keying::Second, item, Some(v), None)
            .expect("answer");
    }
    sari.record_discrepancy(&b, &who, "R03", Some("2"), Some("3"))
        .expect("discrepancy");
    // Three fields compared; two differed when typed (one was sari's slip, one stayed).
    sari.complete_response_of(&b, &who, Keying::Second, (3, 2))
        .expect("complete");

    let row = admin
        .verification_report(None, None)
        .expect("report")
        .into_iter()
        .find(|r| r.clerk == "budi")
        .expect("budi's row");
    assert_eq!(
        (
            row.forms,
            row.fields,
            row.mismatches,
            row.discrepancies,
            row.open
        ),
        (1, 3, 2, 1, 1)
    );
    assert!((row.per_thousand().expect("rate") - 2000.0 / 3.0).abs() < 1e-9);
    // Not verified while the dispute is open.
    let unverified = admin.forms(program, Verified::No).expect("forms");
    assert!(
        unverified
            .iter()
            .any(|f| f.open == 1 && f.keyed_by == "budi")
    );

    // Neither keyer may settle it; a third person may, and the first keying takes the paper's value.
    let d = admin
        .open_discrepancies()
        .expect("open")
        .into_iter()
        .find(|d| d.first_keyer == "budi")
        .expect("the dispute");
    assert_eq!(
        (d.first_value.as_deref(), d.second_value.as_deref()),
        (Some("2"), Some("3"))
    );
    for keyer in [&mut budi, &mut sari] {
        assert!(matches!(
            keyer.resolve_discrepancy(d.id, d.version, Some("3")),
            Err(StoreError::OwnKeying)
        ));
    }
    admin
        .resolve_discrepancy(d.id, d.version, Some("3"))
        .expect("settled");
    let first = admin
        .responses(&b)
        .expect("forms")
        .into_iter()
        .find(|f| f.info.respondent == who)
        .expect("first keying");
    assert_eq!(first.answers.get("R03").map(String::as_str), Some("3"));
    let verified = admin.forms(program, Verified::Yes).expect("forms");
    assert!(verified.iter().any(|f| f.keyed_by == "budi"));
    let row = admin
        .verification_report(None, None)
        .expect("report")
        .into_iter()
        .find(|r| r.clerk == "budi")
        .expect("budi's row");
    assert_eq!((row.open, row.first_wrong), (0, 1));
    // Settled once: a second decision on the same version is a conflict, not a silent overwrite.
    assert!(matches!(
        admin.resolve_discrepancy(d.id, d.version, Some("2")),
        Err(StoreError::Conflict { .. })
    ));
}

#[test]
fn clerk_statistics_follow_the_period() {
    let dir = tempfile::tempdir().expect("dir");
    let path = demo_on_disk(dir.path());
    let store = open_as(&path, "root");
    let all = store.entry_stats(None, None).expect("stats");
    let week = store
        .entry_stats(Period::Week.from(store.today()), None)
        .expect("stats");
    assert!(!all.is_empty());
    assert!(
        week.iter()
            .all(|r| r.day >= test_today() - chrono::Days::new(6))
    );
    assert_eq!(week.len(), all.len(), "the demo's days are this week");
    assert!(all.windows(2).all(|w| w[0].day >= w[1].day), "newest first");
}

// ── The terminal interface ───────────────────────────────────────────────────────────────────────────────

fn demo_harness(role: Role) -> Harness {
    let mut store = Store::open_in_memory(user("evaluator1")).expect("store");
    fix(&mut store);
    store
        .add_user(&user("evaluator1"), "", Role::Admin)
        .expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    Harness::new(store, role)
}

fn analysis(h: &Harness) -> &AnalysisScreen {
    match h.state.top() {
        Some(Screen::Analysis(a)) => a,
        other => panic!("not the analysis screen: {other:?}"),
    }
}

fn to_section(h: &mut Harness, section: Section) {
    h.press(KeyCode::Char(Tab::Analysis.key()));
    for _ in 0..5 {
        if analysis(h).section == section {
            return;
        }
        h.press(KeyCode::Tab);
    }
    panic!("{section:?} not reached");
}

#[test]
fn the_verification_section_shows_the_report_and_leads_to_adjudication() {
    let mut h = demo_harness(Role::Evaluator);
    to_section(&mut h, Section::Verification);
    let screen = h.screen();
    assert_snapshot!("verification_section", screen);
    assert!(screen.contains("operator1") && screen.contains("operator2"));
    assert!(
        screen.contains("1 perbedaan menunggu keputusan"),
        "{screen}"
    );

    h.press(KeyCode::Char('a'));
    assert!(matches!(h.state.top(), Some(Screen::Adjudication(_))));
    let screen = h.screen();
    assert_snapshot!("adjudication", screen);
    assert!(screen.contains("R07"), "{screen}");

    // A value the item cannot take is refused and nothing changes.
    h.press(KeyCode::Char('e'));
    h.type_str("9");
    h.press(KeyCode::Enter);
    assert!(
        h.screen().contains("harus antara 1 dan 4"),
        "{}",
        h.screen()
    );
    assert_eq!(h.store.open_discrepancies().expect("open").len(), 1);
    h.press(KeyCode::Esc);

    // b: the second keying's value is what the paper says.
    let d = h.store.open_discrepancies().expect("open").remove(0);
    h.press(KeyCode::Char('b'));
    assert!(h.store.open_discrepancies().expect("open").is_empty());
    assert!(h.screen().contains("Tidak ada perbedaan terbuka"));
    let form = h
        .store
        .responses(&batch(kom(&h.store)))
        .expect("forms")
        .into_iter()
        .find(|f| {
            matches!(&f.info.respondent, Respondent::Asn(a)
                if d.respondent.starts_with(&nip_of(&h.store, *a)))
        })
        .expect("the disputed form");
    assert_eq!(
        form.answers.get(d.item.as_str()),
        d.second_value.as_ref(),
        "the first keying now has the paper's value"
    );
    h.press(KeyCode::Esc);
    assert!(
        h.screen().contains("0 perbedaan menunggu keputusan"),
        "{}",
        h.screen()
    );
}

fn nip_of(store: &Store, asn: AsnId) -> String {
    store
        .asn(asn)
        .expect("person")
        .data
        .nip
        .as_str()
        .to_string()
}

#[test]
fn a_keyer_cannot_settle_their_own_form() {
    // operator2 keyed the disputed form first; as an admin they may open the screen, not decide.
    let mut store = Store::open_in_memory(user("operator2")).expect("store");
    fix(&mut store);
    store
        .add_user(&user("operator2"), "", Role::Admin)
        .expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    let mut h = Harness::new(store, Role::Admin);
    to_section(&mut h, Section::Verification);
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Char('a'));
    assert!(
        h.screen().contains("Anda mengentri formulir ini"),
        "{}",
        h.screen()
    );
    assert_eq!(h.store.open_discrepancies().expect("open").len(), 1);
}

#[test]
fn a_viewer_sees_the_report_but_cannot_adjudicate() {
    let mut h = demo_harness(Role::Viewer);
    to_section(&mut h, Section::Verification);
    h.press(KeyCode::Char('a'));
    assert!(matches!(h.state.top(), Some(Screen::Analysis(_))));
    assert!(h.screen().contains("tidak berwenang"));
}

#[test]
fn the_clerks_section_changes_period() {
    let mut h = demo_harness(Role::Evaluator);
    to_section(&mut h, Section::Operators);
    let screen = h.screen();
    assert_snapshot!("operators_section", screen);
    assert!(screen.contains("7 hari terakhir"), "{screen}");
    assert!(screen.contains("verifikator1"), "{screen}");
    h.press(KeyCode::Char('y'));
    assert!(h.screen().contains("30 hari terakhir"));
    h.press(KeyCode::Char('y'));
    assert!(h.screen().contains("Periode: semua"));
    assert_eq!(
        analysis(&h).quality.stats.as_ref().map(|s| s.0),
        Some(Period::All)
    );
}

#[test]
fn a_programs_forms_are_filtered_by_verification() {
    let mut h = demo_harness(Role::Evaluator);
    let program = kom(&h.store);
    // Open KOM from the programs list by searching its name.
    h.type_str("/komunikasi");
    h.press(KeyCode::Enter);
    h.shift_tab();
    let all = h.store.forms(program, Verified::All).expect("forms").len();
    let no = h.store.forms(program, Verified::No).expect("forms").len();
    let yes = h.store.forms(program, Verified::Yes).expect("forms").len();
    assert_eq!(no + yes, all);
    assert!(
        h.screen()
            .contains(&format!("semua (v saring) · {all} formulir")),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('v'));
    let screen = h.screen();
    assert_snapshot!("forms_unverified", screen);
    assert!(
        screen.contains(&format!("belum diverifikasi (v saring) · {no} formulir")),
        "{screen}"
    );
    // The disputed reaction form is at the end (forms are by instrument).
    h.press(KeyCode::End);
    assert!(h.screen().contains("! 1 sengketa"), "{}", h.screen());
    h.press(KeyCode::Char('v'));
    assert!(
        h.screen()
            .contains(&format!("terverifikasi (v saring) · {yes} formulir"))
    );
    assert!(!h.screen().contains("– belum"));
}

// ── The command line ─────────────────────────────────────────────────────────────────────────────────────

fn tilik(db: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tilik"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("TILIK_DB")
        .env("HOME", db.parent().expect("dir"))
        .output()
        .expect("runs")
}

#[test]
fn the_cli_reports_settles_and_lists() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("x.db");
    let out = tilik(&db, &["init", "--demo"]);
    assert!(out.status.success(), "{out:?}");
    let json = |args: &[&str]| -> serde_json::Value {
        let out = tilik(&db, args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let report = json(&["verification", "--format", "json"]);
    let rows = report.as_array().expect("rows");
    assert_eq!(rows.len(), 2);
    for r in rows {
        let fields = r["fields_compared"].as_f64().expect("fields");
        let mismatches = r["mismatches"].as_f64().expect("mismatches");
        let rate = r["per_1000_fields"].as_f64().expect("rate");
        assert!((rate - (1000.0 * mismatches / fields * 100.0).round() / 100.0).abs() < 1e-9);
    }
    let open = json(&["discrepancy", "list", "--format", "json"]);
    let d = &open.as_array().expect("rows")[0];
    let id = d["id"].as_i64().expect("id").to_string();
    // Out of range, then settled.
    let out = tilik(&db, &["discrepancy", "resolve", &id, "--value", "9"]);
    assert_eq!(out.status.code(), Some(3));
    let out = tilik(&db, &["discrepancy", "resolve", &id, "--value", "3"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        json(&["discrepancy", "list", "--format", "json"]),
        serde_json::json!([])
    );
    let out = tilik(&db, &["discrepancy", "resolve", &id, "--empty"]);
    assert_eq!(out.status.code(), Some(3), "already settled");

    let stats = json(&["operators", "--format", "json"]);
    let first = &stats.as_array().expect("rows")[0];
    let forms = first["forms"].as_f64().expect("forms");
    let keys = first["keystrokes"].as_f64().expect("keys");
    assert!(
        (first["keystrokes_per_form"].as_f64().expect("kpf")
            - (keys / forms * 100.0).round() / 100.0)
            .abs()
            < 1e-9
    );

    let all = json(&[
        "form",
        "list",
        "--program",
        "KOM-2026-01",
        "--format",
        "json",
    ]);
    let no = json(&[
        "form",
        "list",
        "--program",
        "KOM-2026-01",
        "--verified",
        "no",
        "--format",
        "json",
    ]);
    let yes = json(&[
        "form",
        "list",
        "--program",
        "KOM-2026-01",
        "--verified",
        "yes",
        "--format",
        "json",
    ]);
    let n = |v: &serde_json::Value| v.as_array().map_or(0, Vec::len);
    assert_eq!(n(&no) + n(&yes), n(&all));
    assert!(
        yes.as_array()
            .expect("rows")
            .iter()
            .all(|f| f["verified"] == true)
    );
    assert!(
        no.as_array()
            .expect("rows")
            .iter()
            .all(|f| f["verified"] == false)
    );
    let out = tilik(
        &db,
        &[
            "form",
            "list",
            "--program",
            "KOM-2026-01",
            "--verified",
            "maybe",
        ],
    );
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn a_new_answer_is_audited_with_its_form_and_a_change_with_its_old_value() {
    use tilik::store::audit::AuditFilter;
    let dir = tempfile::tempdir().expect("dir");
    let path = demo_on_disk(dir.path());
    let mut admin = open_as(&path, "root");
    admin
        .add_user(&user("budi"), "", Role::Operator)
        .expect("budi");
    let program = kom(&admin);
    let b = batch(program);
    let instrument = admin
        .instrument("REAKSI-01")
        .expect("query")
        .expect("instrument")
        .id;
    let missing = admin.progress(&b).expect("progress").missing;
    let (asn, _, _) = missing.first().expect("someone without a form").clone();
    let who = Respondent::Asn(asn);
    let mut budi = open_as(&path, "budi");
    let response = budi
        .start_response(&b, instrument, &who, Keying::First)
        .expect("start");
    budi.set_answer_of(&b, &who, Keying::First, "R01", Some("2"), None)
        .expect("answer");
    budi.set_answer_of(&b, &who, Keying::First, "R01", Some("4"), None)
        .expect("corrected");
    let by_budi = |table: &str| {
        admin
            .audit(&AuditFilter {
                table: Some(table.into()),
                username: Some("budi".into()),
                ..AuditFilter::default()
            })
            .expect("audit")
    };
    let forms = by_budi("response");
    assert!(
        forms
            .iter()
            .any(|r| r.op == "insert" && r.row_id == response),
        "the form's insert says who keyed it and when: {forms:?}"
    );
    let answers = by_budi("answer");
    assert_eq!(
        answers.iter().map(|r| r.op.as_str()).collect::<Vec<_>>(),
        ["update"],
        "no line for the new answer, one for the change"
    );
    let old: serde_json::Value =
        serde_json::from_str(answers[0].old.as_deref().expect("old")).expect("json");
    assert_eq!(old["value"], "2");
}
