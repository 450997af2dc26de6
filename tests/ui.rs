//! The terminal interface, driven by key presses through the real keymap, update and store, drawn at
//! 80x24 into a test backend. Snapshots show exactly what a clerk sees.

use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tilik::app::action::{Action, Stop};
use tilik::app::effect::Effect;
use tilik::app::harness::{Harness, test_today};
use tilik::app::state::Tab;
use tilik::domain::user::{Role, Username};
use tilik::i18n::Lang;
use tilik::screens::{Modal, Screen};
use tilik::store::{OpenMode, Store};

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

/// An in-memory database with the demo data, stamped at a fixed time.
fn demo_store() -> Store {
    let mut store = Store::open_in_memory(user("operator1")).expect("store");
    fixed(&mut store);
    store
        .add_user(&user("operator1"), "", Role::Admin)
        .expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    store
}

fn demo() -> Harness {
    Harness::new(demo_store(), Role::Admin)
}

fn top(h: &Harness) -> &Screen {
    h.state.top().expect("a screen")
}

#[test]
fn programs_screen_is_the_first_screen() {
    let h = demo();
    assert!(matches!(top(&h), Screen::Programs(_)));
    assert_snapshot!(h.screen());
}

#[test]
fn programs_filter_by_year_type_status_and_search() {
    let mut h = demo();
    h.type_str("yy");
    let screen = h.screen();
    assert!(screen.contains("Tahun: 2025"), "{screen}");
    assert!(screen.contains("TND-2025-01"));
    assert!(!screen.contains("KOM-2026-01"));
    h.press(KeyCode::Char('x'));
    h.type_str("t");
    assert!(h.screen().contains("LATSAR-2026-01"));
    assert!(!h.screen().contains("KOM-2026-01"));
    h.type_str("x/");
    h.type_str("waktu");
    assert_snapshot!(h.screen());
    h.press(KeyCode::Enter);
    assert!(matches!(top(&h), Screen::ProgramDetail(_)));
    assert!(h.screen().contains("MWK-2026-01"));
}

#[test]
fn search_escape_clears_the_search() {
    let mut h = demo();
    h.type_str("/zzz");
    assert!(h.screen().contains("Tidak ada program yang cocok"));
    h.press(KeyCode::Esc);
    assert!(h.screen().contains("KOM-2026-01"));
    assert!(matches!(top(&h), Screen::Programs(_)));
}

/// Opens a program from the programs screen by searching its code.
fn open_program(h: &mut Harness, code: &str) {
    h.type_str("/");
    h.type_str(code);
    h.press(KeyCode::Esc);
    h.type_str(&format!("/{code}"));
    for _ in 0..5 {
        if let Screen::Programs(p) = top(h)
            && p.rows
                .get(p.scroll.selected)
                .is_some_and(|r| r.program.data.code.as_str() == code)
        {
            break;
        }
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    match top(h) {
        Screen::ProgramDetail(d) => assert_eq!(d.id, program_id(h, code)),
        _ => panic!("not on the program page:\n{}", h.screen()),
    }
}

#[test]
fn program_detail_sections() {
    let mut h = demo();
    open_program(&mut h, "KOM-2026-01");
    assert_snapshot!("detail_summary", h.screen());
    h.press(KeyCode::Tab);
    assert_snapshot!("detail_objectives", h.screen());
    h.press(KeyCode::Tab);
    assert_snapshot!("detail_participants", h.screen());
    h.press(KeyCode::Tab);
    assert_snapshot!("detail_costs", h.screen());
    h.press(KeyCode::Tab);
    assert_snapshot!("detail_results", h.screen());
    assert!(
        h.screen().contains("Pengaduan selesai tepat waktu"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Tab);
    assert!(h.screen().contains("Formulir: semua"), "{}", h.screen());
    h.press(KeyCode::Tab);
    assert!(h.screen().contains("Biaya total"));
    h.press(KeyCode::Esc);
    assert!(matches!(top(&h), Screen::Programs(_)));
}

#[test]
fn enroll_participants_one_after_another_from_the_picker() {
    let mut h = demo();
    open_program(&mut h, "PRAKOM-2026-01");
    let before = h
        .store
        .roster(program_id(&h, "PRAKOM-2026-01"))
        .expect("roster")
        .len();
    h.press(KeyCode::Char('a'));
    assert!(matches!(h.state.modals.last(), Some(Modal::Picker(_))));
    h.type_str("siti");
    assert_snapshot!("enroll_picker", h.screen());
    h.press(KeyCode::Enter);
    assert!(
        matches!(h.state.modals.last(), Some(Modal::Picker(_))),
        "the picker stays open"
    );
    h.type_str("1975");
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    assert!(h.state.modals.is_empty());
    let after = h
        .store
        .roster(program_id(&h, "PRAKOM-2026-01"))
        .expect("roster")
        .len();
    assert_eq!(after, before + 2);
}

fn program_id(h: &Harness, code: &str) -> tilik::domain::ids::ProgramId {
    h.store
        .program_by_code(code)
        .expect("query")
        .expect("program")
        .id
}

#[test]
fn enrolling_someone_twice_says_so_and_keeps_one_row() {
    let mut h = demo();
    open_program(&mut h, "KOM-2026-01");
    let roster = h
        .store
        .roster(program_id(&h, "KOM-2026-01"))
        .expect("roster");
    let nip = roster[0].nip.clone();
    h.press(KeyCode::Char('a'));
    h.type_str(&nip);
    h.press(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("sudah ada"), "{screen}");
    let after = h
        .store
        .roster(program_id(&h, "KOM-2026-01"))
        .expect("roster");
    assert_eq!(after.len(), roster.len());
}

#[test]
fn attendance_and_completion_are_edited_from_the_roster() {
    let mut h = demo();
    open_program(&mut h, "KOM-2026-01");
    h.type_str("\t\t");
    h.press(KeyCode::Enter);
    assert!(
        matches!(top(&h), Screen::EnrollmentForm(_)),
        "{}",
        h.screen()
    );
    h.ctrl('u');
    h.type_str("150");
    h.ctrl('s');
    assert!(
        h.screen().contains("harus antara 0 dan 100"),
        "{}",
        h.screen()
    );
    h.ctrl('u');
    h.type_str("77");
    h.press(KeyCode::Tab);
    h.type_str("t");
    assert_snapshot!("enrollment_form", h.screen());
    h.ctrl('s');
    assert!(matches!(top(&h), Screen::ProgramDetail(_)));
    let roster = h
        .store
        .roster(program_id(&h, "KOM-2026-01"))
        .expect("roster");
    let row = roster
        .iter()
        .find(|r| r.data.attendance.map(|a| a.percent()) == Some(77))
        .expect("edited row");
    assert_eq!(
        row.data.completion,
        Some(tilik::domain::enrollment::Completion::TidakLulus)
    );
}

#[test]
fn objectives_and_behaviours_are_added_edited_and_deleted() {
    let mut h = demo();
    open_program(&mut h, "PRAKOM-2026-01");
    let id = program_id(&h, "PRAKOM-2026-01");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Char('n'));
    assert_snapshot!("objective_form", h.screen());
    h.type_str("Peserta mendokumentasikan sistem");
    h.press(KeyCode::Enter);
    let objectives = h.store.objectives(id).expect("objectives");
    assert_eq!(objectives.len(), 2);
    h.press(KeyCode::End);
    h.press(KeyCode::Char('b'));
    h.type_str("Menulis panduan pengguna");
    h.ctrl('s');
    let objectives = h.store.objectives(id).expect("objectives");
    assert_eq!(objectives[1].behaviours.len(), 1);
    h.press(KeyCode::End);
    h.press(KeyCode::Char('d'));
    assert!(matches!(h.state.modals.last(), Some(Modal::Confirm(_))));
    h.press(KeyCode::Char('y'));
    let objectives = h.store.objectives(id).expect("objectives");
    assert!(objectives[1].behaviours.is_empty());
}

#[test]
fn cost_lines_are_added_and_summed() {
    let mut h = demo();
    open_program(&mut h, "PRAKOM-2026-01");
    // Back from the summary: the forms, the results, then the costs.
    h.press(KeyCode::BackTab);
    h.press(KeyCode::BackTab);
    h.press(KeyCode::BackTab);
    h.press(KeyCode::Char('n'));
    h.type_str("k");
    h.press(KeyCode::Tab);
    h.type_str("Snack daring");
    h.press(KeyCode::Tab);
    h.type_str("1.500.000");
    h.press(KeyCode::Enter);
    let costs = h
        .store
        .cost_lines(program_id(&h, "PRAKOM-2026-01"))
        .expect("costs");
    assert_eq!(costs.len(), 2);
    assert_eq!(costs[1].amount, 1_500_000);
    assert!(h.screen().contains("Rp 9.500.000"), "{}", h.screen());
}

#[test]
fn a_new_program_is_checked_before_it_is_saved() {
    let mut h = demo();
    h.press(KeyCode::Char('n'));
    assert_snapshot!("program_form_empty", h.screen());
    h.type_str("SOP-2027-01\tPelatihan Penyusunan SOP\t");
    // Type, mode, competency, provider, accreditation, location.
    h.type_str("\t\tTata kelola\tBKPSDM Kota Palembang\t\tAula BKPSDM\t");
    h.type_str("10022027\t08022027\t-5\t");
    h.ctrl('s');
    assert_snapshot!("program_form_errors", h.screen());
    assert!(
        h.store
            .program_by_code("SOP-2027-01")
            .expect("query")
            .is_none()
    );
    // The focus went to the first field with an error: the end date.
    h.ctrl('u');
    h.type_str("12022027");
    h.press(KeyCode::Tab);
    h.ctrl('u');
    h.type_str("24");
    h.ctrl('s');
    let p = h
        .store
        .program_by_code("SOP-2027-01")
        .expect("query")
        .expect("saved");
    assert_eq!(p.data.jp, 24);
    assert!(matches!(top(&h), Screen::Programs(_)));
    assert!(h.screen().contains("Tersimpan"));
}

#[test]
fn asn_search_and_form_check_the_nip_as_it_is_typed() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Asn.key()));
    assert!(matches!(top(&h), Screen::AsnList(_)));
    assert_snapshot!("asn_list", h.screen());
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('n'));
    assert!(matches!(top(&h), Screen::AsnForm(_)));
    h.type_str("19850231");
    assert_snapshot!("asn_form_bad_nip", h.screen());
    h.ctrl('u');
    h.type_str("198504122010011");
    h.type_str("999");
    assert!(
        h.screen()
            .contains("lahir 12/04/1985, TMT 01/2010, laki-laki"),
        "{}",
        h.screen()
    );
}

#[test]
fn a_new_asn_is_saved_with_opd_and_atasan_from_pickers() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Asn.key()));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('n'));
    h.type_str("199001012015031999\t\t\tRahmat Hidayat\tS.T.\tPranata Komputer Ahli Muda\t\t");
    // Golongan: type "3" ... choose III/c by letters is ambiguous; step with → from "-".
    for _ in 0..11 {
        h.press(KeyCode::Right);
    }
    h.press(KeyCode::Tab);
    h.press(KeyCode::Enter);
    h.type_str("kesehatan");
    h.press(KeyCode::Enter);
    assert!(h.state.modals.is_empty());
    h.press(KeyCode::Enter);
    h.type_str("a");
    h.press(KeyCode::Enter);
    assert!(h.state.modals.is_empty());
    assert_snapshot!("asn_form_filled", h.screen());
    h.ctrl('s');
    let saved = h
        .store
        .asn_by_nip("199001012015031999")
        .expect("query")
        .expect("saved");
    assert_eq!(saved.data.name.display(), "Rahmat Hidayat, S.T.");
    assert_eq!(saved.data.golongan.map(|g| g.code()), Some("III/c"));
    assert!(saved.data.opd.is_some());
    assert!(saved.data.atasan.is_some());
    assert_eq!(
        saved.data.jabatan.level,
        Some(tilik::domain::jabatan::JabatanLevel::AhliMuda)
    );
}

#[test]
fn escape_asks_before_throwing_changes_away() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Char('n'));
    h.type_str("X1\tDinas Baru");
    h.press(KeyCode::Esc);
    assert_snapshot!("discard_question", h.screen());
    h.press(KeyCode::Char('n'));
    assert!(matches!(top(&h), Screen::OpdForm(_)));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('y'));
    assert!(matches!(top(&h), Screen::OpdList(_)));
    assert!(!h.screen().contains("Dinas Baru"));
}

#[test]
fn opd_list_and_form() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Opd.key()));
    assert_snapshot!("opd_list", h.screen());
    h.press(KeyCode::Char('n'));
    h.type_str("DLH\tDinas Lingkungan Hidup\t\t01012027\t01012026");
    h.ctrl('s');
    assert!(
        h.screen().contains("tanggal selesai sebelum tanggal mulai"),
        "{}",
        h.screen()
    );
    h.ctrl('u');
    h.ctrl('s');
    assert!(matches!(top(&h), Screen::OpdList(_)));
    assert!(h.screen().contains("Dinas Lingkungan Hidup"));
}

#[test]
fn help_overlay_lists_the_keys_of_the_screen() {
    let mut h = demo();
    h.press(KeyCode::Char('?'));
    assert_snapshot!("help_programs", h.screen());
    h.press(KeyCode::Esc);
    assert!(h.state.modals.is_empty());
}

#[test]
fn help_in_a_form_is_on_f1_because_question_marks_are_text() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Tab);
    h.type_str("?");
    assert!(h.state.modals.is_empty());
    h.press(KeyCode::F(1));
    assert!(matches!(h.state.modals.last(), Some(Modal::Help)));
    assert!(h.screen().contains("Ctrl-S/F10"), "{}", h.screen());
}

#[test]
fn q_quits_only_from_the_top_screen() {
    let mut h = demo();
    open_program(&mut h, "KOM-2026-01");
    h.press(KeyCode::Char('q'));
    assert!(!h.state.quit);
    assert!(matches!(top(&h), Screen::Programs(_)));
    h.press(KeyCode::Char('q'));
    assert!(h.state.quit);
    assert_eq!(h.last_effects, vec![Effect::Quit]);
}

#[test]
fn ctrl_c_quits_from_a_form_and_keeps_the_draft() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Char('n'));
    h.type_str("DLH\tDinas Lingkungan Hidup");
    h.ctrl('c');
    assert!(h.state.quit);
    assert!(matches!(
        h.last_effects.first(),
        Some(Effect::KeepDraft { form: "opd", .. })
    ));
    assert_eq!(h.last_effects.last(), Some(&Effect::Quit));
    // A new session finds the draft in the same form.
    let store = std::mem::replace(
        &mut h.store,
        Store::open_in_memory(user("x")).expect("store"),
    );
    let mut again = Harness::new(store, Role::Admin);
    again.press(KeyCode::Char(Tab::Opd.key()));
    again.press(KeyCode::Char('n'));
    let screen = again.screen();
    assert!(screen.contains("Dinas Lingkungan Hidup"), "{screen}");
    assert!(screen.contains("dipulihkan"), "{screen}");
}

#[test]
fn hangup_keeps_the_draft_of_every_open_form() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Asn.key()));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('n'));
    h.type_str("1985");
    h.act(Action::Stop(Stop::Hangup));
    assert!(h.state.quit);
    let draft = h
        .store
        .load_draft("asn", "")
        .expect("query")
        .expect("draft kept");
    assert!(draft.contains("1985"), "{draft}");
}

#[test]
fn a_viewer_is_not_offered_changes() {
    let mut h = Harness::new(demo_store(), Role::Viewer);
    h.press(KeyCode::Char('n'));
    assert!(matches!(top(&h), Screen::Programs(_)));
    assert!(h.screen().contains("tidak berwenang"), "{}", h.screen());
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Enter);
    assert!(matches!(top(&h), Screen::OpdList(_)));
}

#[test]
fn english_interface() {
    let h = Harness::with(demo_store(), Role::Admin, Lang::En, (80, 24));
    assert_snapshot!("programs_english", h.screen());
}

#[test]
fn too_small_terminals_say_so() {
    let mut h = demo();
    h.resize(79, 23);
    assert_snapshot!("too_small", h.screen());
    h.resize(80, 24);
    assert!(h.screen().contains("KOM-2026-01"));
}

#[test]
fn every_screen_draws_at_any_size_without_panic() {
    let sizes = [
        (1, 1),
        (40, 10),
        (79, 23),
        (80, 24),
        (200, 60),
        (0, 0),
        (300, 5),
    ];
    let mut h = demo();
    let paths: Vec<Vec<KeyCode>> = vec![
        vec![],
        vec![KeyCode::Enter],
        vec![KeyCode::Enter, KeyCode::Tab],
        vec![KeyCode::Enter, KeyCode::Tab, KeyCode::Tab],
        vec![KeyCode::Enter, KeyCode::Tab, KeyCode::Tab, KeyCode::Tab],
        vec![KeyCode::Char('n')],
        vec![KeyCode::Char('?')],
        vec![KeyCode::Char(Tab::Asn.key())],
        vec![KeyCode::Char(Tab::Asn.key()), KeyCode::Enter],
        vec![KeyCode::Char(Tab::Opd.key())],
        vec![KeyCode::Char(Tab::Opd.key()), KeyCode::Char('n')],
    ];
    for path in paths {
        h.resize(80, 24);
        h.press(KeyCode::Char('1'));
        h.press(KeyCode::Esc);
        h.press(KeyCode::Esc);
        for key in &path {
            h.press(*key);
        }
        for (w, hh) in sizes {
            h.resize(w, hh);
            let _ = h.screen();
        }
        h.resize(80, 24);
        // Leave forms without saving.
        for _ in 0..3 {
            h.press(KeyCode::Esc);
            h.press(KeyCode::Char('y'));
        }
    }
}

#[test]
fn someone_elses_save_is_shown_as_a_conflict_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, user("budi"), OpenMode::Create).expect("store");
    fixed(&mut a);
    a.add_user(&user("budi"), "", Role::Admin).expect("user");
    a.add_user(&user("siti"), "", Role::Operator).expect("user");
    tilik::demo::fill(&mut a, test_today()).expect("demo");
    let mut b = Store::open(&path, user("siti"), OpenMode::Existing).expect("store");
    fixed(&mut b);
    let mut h = Harness::new(a, Role::Admin);
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Enter);
    assert!(matches!(top(&h), Screen::OpdForm(_)));
    h.press(KeyCode::Tab);
    h.press(KeyCode::End);
    h.type_str(" (budi)");
    // Meanwhile siti renames the same OPD.
    let first = b.opds().expect("opds").remove(0).opd;
    let mut input = tilik::domain::opd::OpdDraft::from(&first)
        .parse()
        .expect("valid");
    input.name = format!("{} (siti)", first.name);
    b.update_opd(first.id, first.stamp.version, &input)
        .expect("siti saves");
    h.ctrl('s');
    assert!(
        matches!(h.state.modals.last(), Some(Modal::Conflict(_))),
        "{}",
        h.screen()
    );
    // At 80x24 the dialog wraps its text instead of cutting it: who saved and when, and every key.
    assert_eq!(h.state.size, (80, 24));
    let screen = h.screen();
    let dialog: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.trim_end().strip_prefix(" │ "))
        .map(|l| l.trim_end_matches('│').trim_end())
        .collect();
    let text = dialog.join(" ");
    for whole in [
        "siti menyimpan pada 30/11/2026 08:00 selagi Anda mengubahnya; belum ada yang ditimpa.",
        "[t] Pakai data tersimpan",
        "[s] Simpan isian saya",
        "[Esc] Kembali ke formulir",
    ] {
        assert!(text.contains(whole), "{whole:?} not whole in\n{screen}");
    }
    assert_snapshot!("conflict", screen);
    assert!(h.store.opd(first.id).expect("opd").name.ends_with("(siti)"));
    h.press(KeyCode::Char('s'));
    assert!(matches!(top(&h), Screen::OpdList(_)), "{}", h.screen());
    let now = h.store.opd(first.id).expect("opd");
    assert!(now.name.ends_with("(budi)"), "{}", now.name);
    assert_eq!(now.stamp.version.0, first.stamp.version.0 + 2);
}

#[test]
fn taking_their_values_replaces_the_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, user("budi"), OpenMode::Create).expect("store");
    fixed(&mut a);
    a.add_user(&user("budi"), "", Role::Admin).expect("user");
    tilik::demo::fill(&mut a, test_today()).expect("demo");
    let mut b = Store::open(&path, user("siti"), OpenMode::Existing).expect("store");
    let mut h = Harness::new(a, Role::Admin);
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Enter);
    h.type_str("Z");
    let first = b.opds().expect("opds").remove(0).opd;
    let mut input = tilik::domain::opd::OpdDraft::from(&first)
        .parse()
        .expect("valid");
    input.code = "SITI".into();
    b.update_opd(first.id, first.stamp.version, &input)
        .expect("siti saves");
    h.ctrl('s');
    h.press(KeyCode::Char('t'));
    assert!(matches!(top(&h), Screen::OpdForm(_)));
    assert!(h.screen().contains("SITI"), "{}", h.screen());
    h.ctrl('s');
    assert!(matches!(top(&h), Screen::OpdList(_)));
    assert_eq!(h.store.opd(first.id).expect("opd").code, "SITI");
}

#[test]
fn data_changed_elsewhere_refreshes_the_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut a = Store::open(&path, user("budi"), OpenMode::Create).expect("store");
    a.add_user(&user("budi"), "", Role::Admin).expect("user");
    tilik::demo::fill(&mut a, test_today()).expect("demo");
    let mut b = Store::open(&path, user("siti"), OpenMode::Existing).expect("store");
    let mut h = Harness::new(a, Role::Admin);
    h.press(KeyCode::Char(Tab::Opd.key()));
    let input = tilik::domain::opd::OpdDraft {
        name: "Dinas Pemadam Kebakaran".into(),
        ..Default::default()
    }
    .parse()
    .expect("valid");
    b.add_opd(&input).expect("siti adds");
    assert!(!h.screen().contains("Pemadam"));
    h.act(Action::DataChanged);
    assert!(
        h.screen().contains("Dinas Pemadam Kebakaran"),
        "{}",
        h.screen()
    );
}

#[test]
fn audit_screen_filters_and_shows_a_records_history() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Opd.key()));
    h.press(KeyCode::Enter);
    h.type_str("\t");
    h.press(KeyCode::End);
    h.type_str(" Kota");
    h.ctrl('s');
    h.press(KeyCode::Char(Tab::Audit.key()));
    assert!(matches!(top(&h), Screen::Audit(_)));
    h.type_str("/");
    h.type_str("o");
    h.press(KeyCode::Enter);
    assert_snapshot!("audit_list", h.screen());
    h.press(KeyCode::Enter);
    assert!(matches!(top(&h), Screen::AuditHistory(_)));
    let screen = h.screen();
    assert!(screen.contains("→"), "{screen}");
    assert!(screen.contains("Kota"), "{screen}");
    assert_snapshot!("audit_history", screen);
}

#[test]
fn audit_filter_refuses_a_bad_date() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Audit.key()));
    h.press(KeyCode::Char('/'));
    // The hint names the keys of the table.
    assert!(
        h.screen()
            .contains("Isi saringan · Tab isian berikut · Enter terapkan · Esc batal"),
        "{}",
        h.screen()
    );
    h.type_str("\t\t31022026\n");
    assert!(h.screen().contains("bukan tanggal"), "{}", h.screen());
}

#[test]
fn users_screen_adds_and_limits_an_account() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Users.key()));
    assert!(matches!(top(&h), Screen::Users(_)));
    h.press(KeyCode::Char('n'));
    h.type_str("siti\tSiti Aminah\t\t\tDINKES, kec-ib1");
    assert_snapshot!("user_form", h.screen());
    h.ctrl('s');
    assert!(matches!(top(&h), Screen::Users(_)), "{}", h.screen());
    let siti = h.store.user_named("siti").expect("query").expect("added");
    assert_eq!(siti.role, Role::Operator);
    assert_eq!(siti.opds.len(), 2);
    assert_snapshot!("users", h.screen());
}

#[test]
fn the_last_admin_cannot_be_disabled() {
    let mut h = demo();
    h.press(KeyCode::Char(Tab::Users.key()));
    // The demo's clerks come first by name; the only admin is this session's account.
    for _ in 0..10 {
        if h.screen()
            .lines()
            .any(|l| l.starts_with('▶') && l.contains("operator1 "))
        {
            break;
        }
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('y'));
    assert!(
        h.screen().contains("paling sedikit satu admin"),
        "{}",
        h.screen()
    );
    let me = h
        .store
        .user_named("operator1")
        .expect("query")
        .expect("user");
    assert!(me.active);
}

#[test]
fn only_admins_see_users_and_only_evaluators_and_admins_see_audit() {
    let mut h = Harness::new(demo_store(), Role::Operator);
    assert!(!h.screen().contains("Pengguna"));
    assert!(!h.screen().contains("Audit"));
    h.press(KeyCode::Char(Tab::Users.key()));
    assert!(matches!(top(&h), Screen::Programs(_)));
    let mut e = Harness::new(demo_store(), Role::Evaluator);
    e.press(KeyCode::Char(Tab::Audit.key()));
    assert!(matches!(top(&e), Screen::Audit(_)));
    e.press(KeyCode::Char(Tab::Users.key()));
    assert!(matches!(top(&e), Screen::Audit(_)));
}

/// Over a slow link a clerk may press Enter before the results of what they typed arrive: tilik must not
/// open (or choose) a row of the earlier results.
#[test]
fn enter_waits_for_the_results_of_the_latest_search() {
    use tilik::app::{exec, update};
    let mut h = demo();
    let mut pending = Vec::new();
    for c in "/waktu".chars() {
        let action = tilik::app::keymap::resolve(
            &h.state.key_context(),
            &crossterm::event::KeyEvent::new(
                KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ),
        )
        .expect("a key");
        pending.extend(update(&mut h.state, action));
    }
    let enter = tilik::app::keymap::resolve(
        &h.state.key_context(),
        &crossterm::event::KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::NONE),
    )
    .expect("enter");
    pending.extend(update(&mut h.state, enter));
    assert!(
        matches!(top(&h), Screen::Programs(_)),
        "nothing opens before the results arrive"
    );
    for effect in pending {
        if let Some(result) = exec::execute(&mut h.store, effect, Lang::Id) {
            let more = update(&mut h.state, result);
            for e in more {
                if let Some(r) = exec::execute(&mut h.store, e, Lang::Id) {
                    update(&mut h.state, r);
                }
            }
        }
    }
    match top(&h) {
        Screen::ProgramDetail(d) => assert_eq!(d.id, program_id(&h, "MWK-2026-01")),
        _ => panic!("the searched program should open:\n{}", h.screen()),
    }
}

// ── The keymap: one meaning per key ──────────────────────────────────────────────────────────────────

use tilik::app::action::Command;
use tilik::app::keymap::{BINDINGS, Key, KeyContext, Scope};

/// Every set of active scopes the screens and dialogs build (`View::scopes` plus the global layer, and
/// `State::key_context` for dialogs). `every_reached_key_context_is_listed` keeps this list honest.
fn all_contexts() -> Vec<KeyContext> {
    use Scope as S;
    let screen = |scopes: &[Scope], typing: bool| {
        let mut scopes = scopes.to_vec();
        scopes.push(S::Global);
        KeyContext { scopes, typing }
    };
    let mut out = vec![
        KeyContext {
            scopes: vec![S::Help],
            typing: false,
        },
        KeyContext {
            scopes: vec![S::Confirm],
            typing: false,
        },
        KeyContext {
            scopes: vec![S::Conflict],
            typing: false,
        },
        screen(&[S::Picker, S::Text, S::List, S::Scroll], true),
        // Lists.
        screen(&[S::Rows, S::List, S::Scroll], false),
        screen(&[S::Search, S::Text, S::List, S::Scroll], true),
        screen(&[S::Searchable, S::Rows, S::List, S::Scroll], false),
        screen(
            &[S::Programs, S::Searchable, S::Rows, S::List, S::Scroll],
            false,
        ),
        screen(&[S::Instruments, S::List, S::Scroll], false),
        screen(&[S::Worklist, S::List, S::Scroll], false),
        screen(&[S::Search, S::Form, S::Text], true),
        screen(&[S::Searchable, S::List, S::Scroll], false),
        screen(&[S::Scroll], false),
        // Pages.
        screen(&[S::ProgramDetail, S::Rows, S::List, S::Scroll], false),
        screen(&[S::ParticipantPage, S::List, S::Scroll], false),
        screen(&[S::Advice, S::Dashboard, S::Scroll], false),
        screen(&[S::Dashboard, S::Scroll], false),
        screen(&[S::Adjudication, S::Scroll], false),
        screen(&[S::AdjudicationValue, S::Text], true),
        // Entry.
        screen(&[S::Entry], false),
        screen(&[S::Entry, S::Text], true),
        screen(&[S::Editor, S::Text], true),
        screen(&[S::EntryRespondent, S::Text], true),
        screen(&[S::Grid, S::Text], true),
        // Forms: a lookup field, a text field, a field of another kind.
        screen(&[S::Form, S::Text], true),
        screen(&[S::Form, S::Text], false),
        screen(&[S::Lookup, S::Form, S::Text], true),
        screen(&[S::Lookup, S::Form], false),
        screen(&[S::Form], false),
    ];
    for section in [
        vec![S::Compare],
        vec![S::Activities, S::Jp],
        vec![S::Jp],
        vec![S::Needs],
        vec![S::Verification],
        vec![S::Operators],
    ] {
        let mut scopes = section;
        scopes.extend([S::Analysis, S::List, S::Scroll]);
        out.push(screen(&scopes, false));
    }
    out
}

/// Commands that are one meaning in different layers: Esc leaves the innermost thing, Enter does the
/// focused thing, Home/End go to the start/end of what has focus, ↑/↓ move to the previous/next line.
const SAME_MEANING: &[&[Command]] = &[
    &[Command::Back, Command::Cancel],
    &[
        Command::Open,
        Command::Submit,
        Command::Pick,
        Command::Confirm,
    ],
    &[Command::Top, Command::LineStart],
    &[Command::Bottom, Command::LineEnd],
    &[Command::Up, Command::PrevField],
    &[Command::Down, Command::NextField],
];

fn same_meaning(a: Command, b: Command) -> bool {
    a == b
        || SAME_MEANING
            .iter()
            .any(|g| g.contains(&a) && g.contains(&b))
}

/// Keys bound to two different things in one set of active scopes (plain characters do not count while
/// an input takes them).
fn clashes(ctx: &KeyContext) -> Vec<String> {
    let active: Vec<_> = ctx
        .scopes
        .iter()
        .flat_map(|s| BINDINGS.iter().filter(move |b| b.scope == *s))
        .collect();
    let typed = |k: &Key| ctx.typing && matches!(k.code, KeyCode::Char(_)) && k.mods.is_empty();
    let mut out = Vec::new();
    for (i, a) in active.iter().enumerate() {
        for b in &active[i + 1..] {
            for key in a.keys.iter().filter(|k| !typed(k)) {
                if b.keys.contains(key) && !same_meaning(a.command, b.command) {
                    out.push(format!(
                        "{} in {:?}: {:?} ({:?}) and {:?} ({:?})",
                        key.label(Lang::En),
                        ctx.scopes,
                        a.command,
                        a.scope,
                        b.command,
                        b.scope
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn no_key_means_two_things_in_one_screen() {
    let found: Vec<String> = all_contexts().iter().flat_map(clashes).collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
    // Every scope of the table is active somewhere (the list above covers every screen).
    for binding in BINDINGS {
        assert!(
            all_contexts()
                .iter()
                .any(|c| c.scopes.contains(&binding.scope)),
            "{:?} is in no context",
            binding.scope
        );
    }
}

#[test]
fn vim_movement_letters_only_move() {
    use Command as C;
    for binding in BINDINGS {
        for key in binding.keys {
            if matches!(key.code, KeyCode::Char('h' | 'j' | 'k' | 'l')) && key.mods.is_empty() {
                assert!(
                    matches!(
                        binding.command,
                        C::Up | C::Down | C::PrevSection | C::NextSection
                    ),
                    "{} is bound to {:?} in {:?}",
                    key.label(Lang::En),
                    binding.command,
                    binding.scope
                );
            }
        }
    }
}

#[test]
fn every_reached_key_context_is_listed() {
    let known = all_contexts();
    let mut h = demo();
    let check = |h: &Harness| {
        let ctx = h.state.key_context();
        assert!(
            known.contains(&ctx),
            "unlisted key context {ctx:?}\n{}",
            h.screen()
        );
        assert!(clashes(&ctx).is_empty(), "{:?}", clashes(&ctx));
    };
    let paths: &[&[KeyCode]] = &[
        &[KeyCode::Char('/')],
        &[KeyCode::Char('?')],
        &[KeyCode::Char('n')],
        &[KeyCode::Enter, KeyCode::Char('a')],
        &[KeyCode::Enter, KeyCode::Tab, KeyCode::Char('d')],
        &[
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Char('p'),
            KeyCode::Tab,
            KeyCode::Tab,
        ],
        &[KeyCode::Enter, KeyCode::Char('t')],
        &[KeyCode::Enter, KeyCode::Char('r'), KeyCode::BackTab],
        &[KeyCode::Char('2')],
        &[KeyCode::Char('3')],
        &[
            KeyCode::Char('4'),
            KeyCode::Tab,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Char('a'),
            KeyCode::Char('e'),
        ],
        &[KeyCode::Char('5'), KeyCode::Char('/')],
        &[
            KeyCode::Char('5'),
            KeyCode::Esc,
            KeyCode::Char('n'),
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
        ],
        &[KeyCode::Char('6'), KeyCode::Char('n')],
        &[KeyCode::Char('7'), KeyCode::Enter],
        &[
            KeyCode::Char('8'),
            KeyCode::Char('/'),
            KeyCode::Esc,
            KeyCode::Enter,
        ],
        &[KeyCode::Char('9')],
    ];
    for path in paths {
        for _ in 0..4 {
            h.press(KeyCode::Esc);
            if matches!(h.state.modals.last(), Some(Modal::Confirm(_))) {
                h.press(KeyCode::Char('y'));
            }
        }
        h.press(KeyCode::Char('1'));
        check(&h);
        for key in *path {
            h.press(*key);
            check(&h);
        }
    }
}

#[test]
fn a_long_notice_is_read_whole_on_two_lines_until_the_next_key() {
    let mut h = demo();
    let text = tilik::i18n::Msg::EntryLeftDraft.text(Lang::Id);
    assert!(text.chars().count() > 78, "{text}");
    h.state.notice = Some(tilik::screens::Notice::info(text));
    let screen = h.screen();
    assert_snapshot!("long_notice", screen);
    let bottom: String = screen
        .lines()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(bottom, format!("✓ {text}"));
    // The next key clears it and the key bar is back.
    h.press(KeyCode::Down);
    assert!(
        h.screen()
            .lines()
            .last()
            .is_some_and(|l| l.contains("Enter"))
    );
}

// ── Empty states: every empty list says what to do, with the key from the keymap table ──────────────

fn empty_store() -> Store {
    let mut store = Store::open_in_memory(user("operator1")).expect("store");
    fixed(&mut store);
    store
        .add_user(&user("operator1"), "", Role::Admin)
        .expect("user");
    store
}

#[test]
fn empty_lists_say_which_key_adds_one() {
    let mut h = Harness::new(empty_store(), Role::Admin);
    let screen = h.screen();
    assert_snapshot!("empty_programs", screen);
    assert!(
        screen.contains("Belum ada program. Tekan n untuk menambah program."),
        "{screen}"
    );
    h.press(KeyCode::Char(Tab::Asn.key()));
    h.press(KeyCode::Esc);
    let screen = h.screen();
    assert!(
        screen.contains("Belum ada pegawai. Tekan n untuk menambah"),
        "{screen}"
    );
    h.press(KeyCode::Char(Tab::Opd.key()));
    assert!(
        h.screen().contains("Belum ada OPD. Tekan n"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char(Tab::Instruments.key()));
    assert!(
        h.screen().contains("tilik import instrument"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char(Tab::Worklist.key()));
    let screen = h.screen();
    assert_snapshot!("empty_worklist", screen);
    assert!(screen.contains("w tampilan lain"), "{screen}");
    assert!(screen.contains("halaman program (t)"), "{screen}");

    // A new program: no participants, no forms.
    h.press(KeyCode::Char(Tab::Programs.key()));
    h.press(KeyCode::Char('n'));
    h.type_str("SOP-2027-01\tPelatihan Penyusunan SOP\t");
    h.type_str("\t\tTata kelola\tBKPSDM Kota Palembang\t\tAula BKPSDM\t");
    h.type_str("10022027\t12022027\t24\t");
    h.ctrl('s');
    h.press(KeyCode::Enter);
    assert!(
        matches!(top(&h), Screen::ProgramDetail(_)),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Tab);
    assert!(
        h.screen()
            .contains("Belum ada tujuan. Tekan n untuk menambah tujuan, lalu b"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Tab);
    let screen = h.screen();
    assert_snapshot!("empty_participants", screen);
    assert!(
        screen.contains("Belum ada peserta. Tekan a untuk menambah peserta."),
        "{screen}"
    );
    h.press(KeyCode::Tab);
    assert!(
        h.screen().contains("Belum ada biaya. Tekan n"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Tab);
    assert!(
        h.screen().contains("Belum ada indikator hasil unit · n"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Tab);
    let screen = h.screen();
    assert_snapshot!("empty_forms", screen);
    assert!(
        screen.contains("Belum ada formulir. Tekan f untuk mengentri formulir program ini."),
        "{screen}"
    );
    h.press(KeyCode::Char('v'));
    assert!(
        h.screen()
            .contains("Tidak ada formulir pada saringan ini (v ganti saringan)"),
        "{}",
        h.screen()
    );
}
