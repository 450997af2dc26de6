//! The Analysis tab: programs side by side, the 20 JP a year per OPD and person, and training needs,
//! driven by keys through the real keymap, update and store on the demo data, drawn at 80x24.

use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tilik::app::harness::{Harness, test_today};
use tilik::app::state::Tab;
use tilik::domain::user::{Role, Username};
use tilik::screens::Screen;
use tilik::screens::analysis::{AnalysisScreen, Section};
use tilik::store::Store;

fn user(name: &str) -> Username {
    Username::parse(name).expect("valid name")
}

fn demo_store() -> Store {
    let mut store = Store::open_in_memory(user("evaluator1")).expect("store");
    store.fix_clock(
        Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
            .single()
            .expect("valid time"),
    );
    store
        .add_user(&user("evaluator1"), "", Role::Admin)
        .expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    store
}

fn open(role: Role) -> Harness {
    let mut h = Harness::new(demo_store(), role);
    h.press(KeyCode::Char(Tab::Analysis.key()));
    h
}

fn analysis(h: &Harness) -> &AnalysisScreen {
    match h.state.top() {
        Some(Screen::Analysis(a)) => a,
        other => panic!("not the analysis screen: {other:?}"),
    }
}

/// The program codes in the order the comparison table shows them.
fn codes_in_order(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            l.trim_start_matches(['▶', ' '])
                .split_whitespace()
                .next()
                .filter(|w| w.contains("-20"))
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn comparison_lists_every_program_and_sorts_by_the_chosen_measure() {
    let mut h = open(Role::Evaluator);
    let screen = h.screen();
    assert_snapshot!("analysis_compare", screen);
    let by_start = codes_in_order(&screen);
    assert_eq!(by_start.len(), 7, "{screen}");
    assert_eq!(by_start[0], "PRAKOM-2026-01");
    assert_eq!(by_start[6], "TND-2025-01");

    // o: by reaction, highest first; the planned program without forms goes last.
    h.press(KeyCode::Char('o'));
    let screen = h.screen();
    assert!(screen.contains("urut Reaksi"), "{screen}");
    let by_reaction = codes_in_order(&screen);
    assert_eq!(by_reaction[0], "PKP-2026-01", "{screen}");
    assert_eq!(by_reaction[6], "PRAKOM-2026-01", "{screen}");

    // Enter opens the dashboard of the selected program.
    h.press(KeyCode::Enter);
    assert!(matches!(h.state.top(), Some(Screen::Dashboard(_))));
    assert!(h.screen().contains("PKP-2026-01"));
    h.press(KeyCode::Esc);
    assert!(matches!(h.state.top(), Some(Screen::Analysis(_))));
}

#[test]
fn comparison_filters_by_year() {
    let mut h = open(Role::Evaluator);
    h.press(KeyCode::Char('y'));
    let screen = h.screen();
    assert!(screen.contains("Tahun 2026"), "{screen}");
    assert!(!screen.contains("TND-2025-01"), "{screen}");
    assert_eq!(codes_in_order(&screen).len(), 6);
    h.press(KeyCode::Char('y'));
    let screen = h.screen();
    assert!(screen.contains("Tahun 2025"), "{screen}");
    assert_eq!(codes_in_order(&screen), vec!["TND-2025-01".to_string()]);
    h.press(KeyCode::Char('y'));
    assert_eq!(codes_in_order(&h.screen()).len(), 7);
}

#[test]
fn comparison_filters_by_type_provider_and_the_participants_unit() {
    let mut h = open(Role::Evaluator);
    // t: the first type (Latsar CPNS), then on to the next ones, x clears.
    h.press(KeyCode::Char('t'));
    assert_eq!(
        codes_in_order(&h.screen()),
        vec!["LATSAR-2026-01".to_string()]
    );
    h.press(KeyCode::Char('x'));
    assert_eq!(codes_in_order(&h.screen()).len(), 7);

    // v: programs of one provider only.
    h.press(KeyCode::Char('v'));
    let provider = analysis(&h).provider.clone().expect("a provider");
    let shown = analysis(&h).comparison.clone().expect("rows");
    assert!(!shown.is_empty() && shown.iter().all(|r| r.provider == provider));
    h.press(KeyCode::Char('x'));

    // u: an OPD picker; then only that OPD's participants count.
    let everyone: i64 = analysis(&h)
        .comparison
        .as_ref()
        .expect("rows")
        .iter()
        .map(|r| r.participants)
        .sum();
    h.press(KeyCode::Char('u'));
    h.type_str("kesehatan");
    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("Dinas Kesehatan"), "{screen}");
    let rows = analysis(&h).comparison.clone().expect("rows");
    let of_unit: i64 = rows.iter().map(|r| r.participants).sum();
    assert!(of_unit > 0 && of_unit < everyone, "{of_unit} of {everyone}");
    let store = demo_store();
    let dinkes = store
        .opds()
        .expect("opds")
        .into_iter()
        .find(|o| o.opd.name == "Dinas Kesehatan")
        .expect("Dinas Kesehatan");
    let kom = rows.iter().find(|r| r.code == "KOM-2026-01").expect("KOM");
    let program = store
        .program_by_code("KOM-2026-01")
        .expect("query")
        .expect("KOM");
    let enrolled = store
        .roster(program.id)
        .expect("roster")
        .iter()
        .filter(|r| r.opd.as_deref() == Some(dinkes.opd.name.as_str()))
        .count();
    assert_eq!(kom.participants, enrolled as i64);
}

#[test]
fn twenty_jp_shows_opds_weakest_first_and_the_people_behind_them() {
    let mut h = open(Role::Evaluator);
    h.press(KeyCode::Tab);
    assert_eq!(analysis(&h).section, Section::Jp);
    let screen = h.screen();
    assert_snapshot!("analysis_jp_opds", screen);
    assert!(screen.contains("Tahun 2026: 200 ASN"), "{screen}");

    // The share meeting 20 JP never falls down the list.
    let shares: Vec<u32> = screen
        .lines()
        .skip(4)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols.len() >= 4)
                .then(|| cols[cols.len() - 2].parse().ok())
                .flatten()
        })
        .collect();
    assert!(shares.len() >= 10, "{screen}");
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");

    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert_snapshot!("analysis_jp_people", screen);
    assert!(screen.contains("! = kurang dari 20 JP"), "{screen}");
    assert!(analysis(&h).opd.is_some());

    // Esc goes back to the OPDs, not out of the tab.
    h.press(KeyCode::Esc);
    assert!(analysis(&h).opd.is_none());
    assert!(matches!(h.state.top(), Some(Screen::Analysis(_))));
}

#[test]
fn jp_counts_match_the_store() {
    let store = demo_store();
    let rows = store.jp_year(2026).expect("jp");
    let below = rows
        .iter()
        .filter(|r| r.total() < tilik::store::analysis::JP_TARGET)
        .count();
    let mut h = open(Role::Evaluator);
    h.press(KeyCode::Tab);
    let screen = h.screen();
    assert!(
        screen.contains(&format!("{} ASN, {below} di bawah 20 JP", rows.len())),
        "{screen}"
    );
    assert!(below > 0 && below < rows.len());
}

#[test]
fn needs_show_gaps_and_topics_and_a_topic_becomes_a_planned_program() {
    let mut h = open(Role::Admin);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    assert_eq!(analysis(&h).section, Section::Needs);
    let screen = h.screen();
    assert_snapshot!("analysis_needs", screen);
    assert!(screen.contains("TNA-ASN:"), "{screen}");

    // i switches to the supervisors' forms.
    h.press(KeyCode::Char('i'));
    assert!(h.screen().contains("TNA-ATASAN:"), "{}", h.screen());
    h.press(KeyCode::Char('i'));

    // The most wished topic turns into the name of a new planned program.
    let top = analysis(&h)
        .needs
        .as_ref()
        .and_then(|n| n.topics.first())
        .map(|t| t.label.clone())
        .expect("a topic");
    h.press(KeyCode::Char('p'));
    assert!(matches!(h.state.top(), Some(Screen::ProgramForm(_))));
    let screen = h.screen();
    assert!(
        screen.contains(&format!("Pelatihan {}", &top[..20])),
        "{screen}"
    );
}

#[test]
fn operators_do_not_see_the_tab() {
    let mut h = Harness::new(demo_store(), Role::Operator);
    assert!(!h.screen().contains("Analisis"));
    h.press(KeyCode::Char(Tab::Analysis.key()));
    assert!(matches!(h.state.top(), Some(Screen::Programs(_))));
}

#[test]
fn a_viewer_reads_needs_but_cannot_plan_programs() {
    let mut h = open(Role::Viewer);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Char('p'));
    assert!(matches!(h.state.top(), Some(Screen::Analysis(_))));
    assert!(h.screen().contains("tidak berwenang"), "{}", h.screen());
}

/// The JP section, drilled down to the first OPD and its first person (fewest JP).
fn first_person(h: &mut Harness) -> (tilik::domain::AsnId, f64) {
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    let a = analysis(h);
    let (_, rows) = a.jp.as_ref().expect("jp loaded");
    let opd = a.opd.expect("an OPD chosen");
    let mut people: Vec<_> = rows.iter().filter(|r| r.opd == opd).collect();
    people.sort_by(|x, y| x.total().partial_cmp(&y.total()).expect("numbers"));
    let first = people[0];
    let found = (first.asn, first.total());
    h.press(KeyCode::Enter);
    found
}

#[test]
fn a_clerk_records_an_activity_and_the_jp_rise_by_it() {
    let mut h = open(Role::Evaluator);
    let (asn, before) = first_person(&mut h);
    assert_eq!(
        analysis(&h).person.as_ref().map(|p| p.0),
        Some(asn),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('n'));
    assert!(matches!(h.state.top(), Some(Screen::ActivityForm(_))));
    // Date is today already; kind: the next choice after e-learning is coaching.
    h.press(KeyCode::Tab);
    h.press(KeyCode::Right);
    h.press(KeyCode::Tab);
    h.type_str("Coaching penyusunan SKP");
    h.press(KeyCode::Tab);
    h.type_str("Kepala Bidang");
    h.press(KeyCode::Tab);
    h.type_str("6,5");
    h.press(KeyCode::Tab);
    h.type_str("CO-77/2026");
    assert_snapshot!("activity_form", h.screen());
    h.ctrl('s');
    assert!(matches!(h.state.top(), Some(Screen::Analysis(_))));
    let screen = h.screen();
    assert_snapshot!("jp_person_record", screen);
    assert!(screen.contains("Coaching penyusunan SKP"), "{screen}");

    // The store agrees: the person's JP rose by exactly 6.5, from an activity.
    let store = &h.store;
    let after = store
        .jp_year(2026)
        .expect("jp")
        .into_iter()
        .find(|r| r.asn == asn)
        .expect("person")
        .total();
    assert!((after - before - 6.5).abs() < 1e-9, "{before} → {after}");
    let acts = store.activities(Some(asn), Some(2026)).expect("activities");
    let ours = acts
        .iter()
        .find(|a| a.activity.title == "Coaching penyusunan SKP")
        .expect("saved");
    assert_eq!(
        ours.activity.kind,
        tilik::domain::program::LearningMode::Coaching
    );
    assert_eq!(ours.activity.certificate_no, "CO-77/2026");
    assert_eq!(ours.activity.day, test_today());
}

#[test]
fn an_invalid_activity_is_not_saved_and_says_why() {
    let mut h = open(Role::Evaluator);
    let (asn, _) = first_person(&mut h);
    let before = h.store.activities(Some(asn), None).expect("list").len();
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.type_str("0");
    h.ctrl('s');
    assert!(matches!(h.state.top(), Some(Screen::ActivityForm(_))));
    let screen = h.screen();
    assert!(screen.contains("wajib diisi"), "{screen}");
    assert!(screen.contains("harus antara 0,5 dan 2000"), "{screen}");
    assert_eq!(
        h.store.activities(Some(asn), None).expect("list").len(),
        before
    );
}

#[test]
fn an_activity_is_removed_after_a_yes() {
    let mut h = open(Role::Evaluator);
    let (asn, _) = first_person(&mut h);
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.type_str("Webinar SRIKANDI");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.type_str("2");
    h.ctrl('s');
    let count = |h: &Harness| h.store.activities(Some(asn), None).expect("list").len();
    let with = count(&h);
    let row = analysis(&h)
        .record
        .as_ref()
        .expect("record")
        .iter()
        .position(|r| r.title == "Webinar SRIKANDI")
        .expect("shown");
    for _ in 0..row {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Char('d'));
    assert!(
        h.screen()
            .contains("Hapus kegiatan \"Webinar SRIKANDI\" (2 JP)?")
    );
    h.press(KeyCode::Char('n'));
    assert_eq!(count(&h), with);
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('y'));
    assert_eq!(count(&h), with - 1);
    assert!(!h.screen().contains("Webinar SRIKANDI"));
}

#[test]
fn a_viewer_cannot_record_activities() {
    let mut h = open(Role::Viewer);
    first_person(&mut h);
    h.press(KeyCode::Char('n'));
    assert!(matches!(h.state.top(), Some(Screen::Analysis(_))));
    assert!(h.screen().contains("tidak berwenang"));
}
