//! Heads-down entry of paper forms (issue 3): the entry screen, its setup on the Entry tab and the score
//! grid, driven by key presses through the real keymap, update and store, drawn at 80x24. Each test looks
//! at the state, the database and, where it matters, a snapshot of what the clerk sees.

use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tilik::app::action::{Action, Stop};
use tilik::app::effect::{Failure, FailureKind};
use tilik::app::harness::{Harness, test_today};
use tilik::domain::ids::{AsnId, ProgramId};
use tilik::domain::instrument::Phase;
use tilik::domain::user::{Role, Username};
use tilik::i18n::{Lang, Msg};
use tilik::screens::Screen;
use tilik::screens::entry::{EntryScreen, Stage};
use tilik::screens::entry_setup::SetupField;
use tilik::store::response::{Batch, KEPT_FORM, Keying, Respondent, ResponseInfo, kept_record};
use tilik::store::{OpenMode, Store};

const KOM: &str = "KOM-2026-01";
const REAKSI: &str = "REAKSI-01";
/// Answers to the 21 Likert items of REAKSI-01, one digit each.
const FORM_A: &str = "123412341234123412341";
const FORM_B: &str = "444433332222111144443";

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

/// The demo data and the built-in templates, written by `operator1` (an admin) at a fixed time.
fn fill(mut store: Store) -> Store {
    fixed(&mut store);
    store
        .add_user(&user("operator1"), "", Role::Admin)
        .expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    store
        .install_templates(&tilik::templates::builtin())
        .expect("templates");
    store
}

fn demo_store() -> Store {
    fill(Store::open_in_memory(user("operator1")).expect("store"))
}

fn demo() -> Harness {
    Harness::new(demo_store(), Role::Admin)
}

/// A database file with the demo data, for tests that open it again or read it with plain SQL.
fn demo_file(dir: &Path) -> PathBuf {
    let path = dir.join("tilik.db");
    drop(fill(
        Store::open(&path, user("operator1"), OpenMode::Create).expect("store"),
    ));
    path
}

/// The database file as a new session of `name` opens it.
fn open_as(path: &Path, name: &str) -> Store {
    let mut store = Store::open(path, user(name), OpenMode::Existing).expect("open the database");
    fixed(&mut store);
    store
}

/// An instrument from its TOML text, saved in the database.
fn add_instrument(store: &mut Store, toml: &str) {
    let def = tilik::import::instrument::parse(toml).expect("a valid instrument");
    store.save_instrument(&def, false).expect("saved");
}

/// `n` Likert 1–4 items `Q01`…, nothing else.
fn likert_toml(code: &str, n: usize) -> String {
    let mut toml = format!("code = \"{code}\"\ntitle = \"Survei singkat\"\nlevel = \"reaction\"\n");
    for i in 1..=n {
        toml.push_str(&format!(
            "[[items]]\ncode = \"Q{i:02}\"\ntext = \"Pernyataan {i}\"\ntype = \"likert\"\nscale = [1, 4]\n"
        ));
    }
    toml
}

/// R01 yes/no; R02 only when R01 is yes; R03 always.
const SKIP_TOML: &str = r#"
code = "LOMPAT-01"
title = "Survei dengan lompatan"
level = "reaction"

[[items]]
code = "R01"
text = "Pernah mengikuti pelatihan serupa sebelumnya?"
type = "yesno"

[[items]]
code = "R02"
text = "Pelatihan serupa itu bermanfaat"
type = "likert"
scale = [1, 4]
show_if = "R01 = 1"

[[items]]
code = "R03"
text = "Saya merekomendasikan pelatihan ini"
type = "likert"
scale = [1, 4]
"#;

fn program_id(h: &Harness, code: &str) -> ProgramId {
    h.store
        .program_by_code(code)
        .expect("query")
        .expect("program")
        .id
}

/// The batch of a program and instrument after the training (the phase the setup suggests for reactions).
fn post(h: &Harness, program: &str, instrument: &str) -> Batch {
    Batch {
        program: Some(program_id(h, program)),
        instrument: instrument.into(),
        phase: Phase::Post,
    }
}

/// The form of `who` in the database, with its answers.
fn stored(
    h: &Harness,
    batch: &Batch,
    who: &Respondent,
    keying: Keying,
) -> Option<(ResponseInfo, BTreeMap<String, String>)> {
    let info = h.store.find_response(batch, who, keying).expect("query")?;
    let answers = h.store.answers(info.id).expect("answers");
    Some((info, answers))
}

fn nip_of(h: &Harness, program: &str, who: &Respondent) -> String {
    let Respondent::Asn(id) = who else {
        panic!("not a person: {who:?}")
    };
    h.store
        .roster(program_id(h, program))
        .expect("roster")
        .into_iter()
        .find(|r| r.asn == *id)
        .expect("enrolled")
        .nip
}

/// The answers to R01, R02, … typed one digit each.
fn typed(digits: &str) -> BTreeMap<String, String> {
    (1..)
        .zip(digits.chars())
        .map(|(i, d)| (format!("R{i:02}"), d.to_string()))
        .collect()
}

// ── Screens ──────────────────────────────────────────────────────────────────────────────────────────────

fn entry(h: &Harness) -> &EntryScreen {
    match h.state.top() {
        Some(Screen::Entry(e)) => e,
        _ => panic!("not on the entry screen:\n{}", h.screen()),
    }
}

/// The code of the item with the cursor, or "save" on the save line.
fn focused(h: &Harness) -> String {
    let e = entry(h);
    e.data
        .as_ref()
        .and_then(|d| d.instrument.definition.items.get(e.focus))
        .map_or_else(|| "save".to_string(), |i| i.code.to_string())
}

/// Whose form is being keyed.
fn current(h: &Harness) -> Respondent {
    entry(h)
        .respondent
        .as_ref()
        .map(|(r, _)| r.clone())
        .unwrap_or_else(|| panic!("no respondent chosen:\n{}", h.screen()))
}

/// The respondent Enter would take.
fn suggested(h: &Harness) -> Respondent {
    entry(h)
        .candidates()
        .first()
        .map(|c| c.0.clone())
        .unwrap_or_else(|| panic!("nobody suggested:\n{}", h.screen()))
}

fn notice(h: &Harness) -> String {
    h.state
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn setup_value(h: &Harness, field: SetupField) -> String {
    match h.state.top() {
        Some(Screen::EntrySetup(s)) => s.form.as_ref().map(|f| f.value(field)),
        _ => None,
    }
    .unwrap_or_else(|| panic!("not on the entry setup:\n{}", h.screen()))
}

/// Types `letter` (the first letter of the wanted option) until the focused choice is `code`.
fn choose(h: &mut Harness, field: SetupField, code: &str, letter: char) {
    for _ in 0..12 {
        if setup_value(h, field) == code {
            return;
        }
        h.press(KeyCode::Char(letter));
    }
    panic!("{code} is not reached with {letter}:\n{}", h.screen());
}

fn initial(code: &str) -> char {
    code.chars().next().unwrap_or(' ')
}

/// From the Entry tab: the program and instrument by their first letters, the phase the instrument
/// suggests, the keying, and Enter on the last field.
fn open_setup(h: &mut Harness, program: &str, instrument: &str, letter: char, keying: Keying) {
    h.press(KeyCode::Char('2'));
    let id = program_id(h, program).0.to_string();
    choose(h, SetupField::Program, &id, initial(program));
    h.press(KeyCode::Tab);
    choose(h, SetupField::Instrument, instrument, letter);
    h.type_str("\t\t");
    match keying {
        Keying::First => choose(h, SetupField::Keying, "first", 'e'),
        Keying::Second => choose(h, SetupField::Keying, "second", 'v'),
    }
    h.press(KeyCode::Enter);
}

/// Opens the entry screen of a batch (phase post) and checks it is there.
fn open_entry(h: &mut Harness, program: &str, instrument: &str, keying: Keying) {
    open_setup(h, program, instrument, initial(instrument), keying);
    let e = entry(h);
    assert_eq!(e.batch.instrument, instrument);
    assert_eq!(e.batch.phase, Phase::Post);
    assert_eq!(e.keying, keying);
}

/// Keys a whole REAKSI-01 form for the highlighted respondent: Enter, 21 digits, Enter on each of the two
/// comments, Enter on the save line. Returns whose form it was.
fn key_form(h: &mut Harness, digits: &str) -> Respondent {
    assert_eq!(digits.len(), 21, "one digit per Likert item");
    h.press(KeyCode::Enter);
    let who = current(h);
    h.type_str(digits);
    h.type_str("\n\n\n");
    assert_eq!(entry(h).stage, Stage::Respondent, "{}", h.screen());
    who
}

/// Chooses a respondent by typing their NIP.
fn by_nip(h: &mut Harness, nip: &str) {
    h.type_str(nip);
    h.press(KeyCode::Enter);
}

// ── The respondent ───────────────────────────────────────────────────────────────────────────────────────

#[test]
fn an_empty_batch_suggests_the_next_participant_without_a_form() {
    let mut h = demo();
    let batch = post(&h, KOM, REAKSI);
    let progress = h.store.progress(&batch).expect("progress");
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    assert_eq!(entry(&h).stage, Stage::Respondent);
    assert!(entry(&h).respondent.is_none());
    // The first of the enrolled participants still missing a form, by name.
    let (first_missing, _, name) = progress.missing.first().expect("someone is missing");
    assert_eq!(suggested(&h), Respondent::Asn(*first_missing));
    let screen = h.screen();
    let highlighted = screen
        .lines()
        .find(|l| l.starts_with('▶'))
        .expect("a highlighted row");
    assert!(highlighted.contains(name.as_str()), "{screen}");
    assert!(
        screen.contains(&format!(
            "{} formulir masuk · {} peserta belum",
            progress.complete,
            progress.missing.len()
        )),
        "{screen}"
    );
    // Looking is not keying: no form was started.
    assert_eq!(h.store.progress(&batch).expect("progress").drafts, 0);
    assert_snapshot!("entry_empty", screen);
}

#[test]
fn a_respondent_already_entered_is_caught_at_the_respondent_field() {
    let mut h = demo();
    let batch = post(&h, KOM, REAKSI);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    let who = key_form(&mut h, FORM_A);
    let (info, _) = stored(&h, &batch, &who, Keying::First).expect("saved");
    let complete = h.store.progress(&batch).expect("progress").complete;
    let nip = nip_of(&h, KOM, &who);
    by_nip(&mut h, &nip);
    assert_eq!(entry(&h).stage, Stage::Respondent, "{}", h.screen());
    assert!(entry(&h).respondent.is_none());
    assert!(notice(&h).contains("sudah dientri"), "{}", h.screen());
    assert_snapshot!("entry_duplicate_respondent", h.screen());
    // Still one form for them, untouched.
    let (again, _) = stored(&h, &batch, &who, Keying::First).expect("kept");
    assert_eq!(again, info);
    assert_eq!(
        h.store.progress(&batch).expect("progress").complete,
        complete
    );
}

// ── Keying a form ────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_whole_reaction_form_is_keyed_and_saved() {
    let mut h = demo();
    let batch = post(&h, KOM, REAKSI);
    let before = h.store.progress(&batch).expect("progress").complete;
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    let who = suggested(&h);
    h.press(KeyCode::Enter);
    assert_eq!(current(&h), who);
    assert_eq!(focused(&h), "R01");
    h.type_str(FORM_A);
    assert_eq!(focused(&h), "R22", "21 digits reach the first comment");
    h.type_str("\n\n");
    assert_eq!(focused(&h), "save", "empty comments are allowed");
    h.press(KeyCode::Enter);

    let (info, answers) = stored(&h, &batch, &who, Keying::First).expect("saved");
    assert!(info.complete);
    assert_eq!(info.focus, None);
    assert_eq!(answers, typed(FORM_A));
    // A fresh form at the respondent, suggesting someone else; the progress counts the form.
    assert_eq!(entry(&h).stage, Stage::Respondent);
    assert_eq!(entry(&h).saved, 1);
    assert_ne!(suggested(&h), who);
    assert!(notice(&h).contains("tersimpan"), "{}", notice(&h));
    assert!(
        h.screen()
            .contains(&format!("{} formulir masuk", before + 1)),
        "{}",
        h.screen()
    );
}

#[test]
fn twenty_likert_items_take_at_most_twenty_two_keystrokes() {
    let mut store = demo_store();
    add_instrument(&mut store, &likert_toml("CEPAT-20", 20));
    let mut h = Harness::new(store, Role::Admin);
    open_entry(&mut h, KOM, "CEPAT-20", Keying::First);
    let who = suggested(&h);
    // Respondent, one digit per item, save.
    let mut keys = vec![KeyCode::Enter];
    keys.extend("42314231423142314231".chars().map(KeyCode::Char));
    keys.push(KeyCode::Enter);
    assert!(keys.len() <= 22, "{} keystrokes", keys.len());
    for key in keys {
        h.press(key);
    }
    let batch = post(&h, KOM, "CEPAT-20");
    let (info, answers) = stored(&h, &batch, &who, Keying::First).expect("saved");
    assert!(info.complete, "{}", h.screen());
    assert_eq!(answers.len(), 20);
    assert_eq!(answers.get("Q01").map(String::as_str), Some("4"));
    assert_eq!(answers.get("Q20").map(String::as_str), Some("1"));
    assert_eq!(entry(&h).stage, Stage::Respondent);
}

#[test]
fn mid_form_shows_each_label_beside_its_value() {
    let mut h = demo();
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    h.type_str("432");
    assert_eq!(focused(&h), "R04");
    let screen = h.screen();
    for (code, label) in [
        ("R01", "Sangat setuju"),
        ("R02", "Setuju"),
        ("R03", "Tidak setuju"),
    ] {
        let line = screen
            .lines()
            .find(|l| l.trim_start().starts_with(code))
            .expect("item row");
        assert!(line.ends_with(label), "{line}");
    }
    // Each digit is already in the database: a draft that knows where it stopped.
    let batch = post(&h, KOM, REAKSI);
    let (info, answers) = stored(&h, &batch, &current(&h), Keying::First).expect("draft");
    assert!(!info.complete);
    assert_eq!(info.focus.as_deref(), Some("R04"));
    assert_eq!(answers, typed("432"));
    assert_snapshot!("entry_mid_form", screen);
}

#[test]
fn an_invalid_key_does_not_move_and_says_why() {
    let mut h = demo();
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    h.type_str("12");
    let batch = post(&h, KOM, REAKSI);
    let who = current(&h);
    h.press(KeyCode::Char('7'));
    assert_eq!(focused(&h), "R03");
    assert!(
        notice(&h).contains("Tombol 7 bukan jawaban yang sah di sini; pilih: 1, 2, 3, 4"),
        "{}",
        h.screen()
    );
    assert_snapshot!("entry_invalid_key", h.screen());
    // A letter, even the one that quits elsewhere, is no answer either.
    h.press(KeyCode::Char('q'));
    assert!(!h.state.quit);
    assert_eq!(focused(&h), "R03");
    assert!(notice(&h).contains("Tombol q"), "{}", h.screen());
    let (_, answers) = stored(&h, &batch, &who, Keying::First).expect("draft");
    assert_eq!(answers, typed("12"));
    assert!(!entry(&h).answers.contains_key("R03"));
}

#[test]
fn a_skipped_item_is_shown_as_skipped_and_its_answer_goes_when_it_is_hidden() {
    let mut store = demo_store();
    add_instrument(&mut store, SKIP_TOML);
    let mut h = Harness::new(store, Role::Admin);
    let batch = post(&h, KOM, "LOMPAT-01");
    open_entry(&mut h, KOM, "LOMPAT-01", Keying::First);
    h.press(KeyCode::Enter);
    let who = current(&h);
    h.type_str("0");
    assert_eq!(focused(&h), "R03", "the cursor jumps over R02");
    let screen = h.screen();
    let r02 = screen
        .lines()
        .find(|l| l.trim_start().starts_with("R02"))
        .expect("R02 row");
    assert!(r02.contains("dilewati"), "{screen}");
    assert_snapshot!("entry_skipped_item", screen);
    // Going back does not stop on the skipped item either.
    h.press(KeyCode::Up);
    assert_eq!(focused(&h), "R01");
    // Yes: R02 is asked now.
    h.type_str("1");
    assert_eq!(focused(&h), "R02");
    h.type_str("3");
    assert_eq!(focused(&h), "R03");
    let (_, answers) = stored(&h, &batch, &who, Keying::First).expect("draft");
    assert_eq!(answers, typed("13"));
    // No again: R02's answer is removed, on screen and in the database.
    h.press(KeyCode::Up);
    h.press(KeyCode::Up);
    assert_eq!(focused(&h), "R01");
    h.type_str("0");
    assert_eq!(focused(&h), "R03");
    assert!(!entry(&h).answers.contains_key("R02"));
    let (_, answers) = stored(&h, &batch, &who, Keying::First).expect("draft");
    assert_eq!(answers, typed("0"));
}

#[test]
fn ditto_copies_the_previous_forms_answer_and_moves_on() {
    let mut h = demo();
    let batch = post(&h, KOM, REAKSI);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    // Nothing to copy on the first form of the session.
    h.press(KeyCode::F(3));
    assert_eq!(focused(&h), "R01");
    assert!(notice(&h).contains("tidak punya jawaban"), "{}", h.screen());
    h.type_str(FORM_B);
    h.type_str("\n\n\n");
    h.press(KeyCode::Enter);
    let second = current(&h);
    h.type_str("1");
    h.press(KeyCode::F(3));
    assert_eq!(focused(&h), "R03");
    let (_, answers) = stored(&h, &batch, &second, Keying::First).expect("draft");
    assert_eq!(answers, typed("14"));
}

#[test]
fn backspace_on_a_one_key_item_clears_its_answer() {
    let mut h = demo();
    let batch = post(&h, KOM, REAKSI);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    let who = current(&h);
    h.type_str("34");
    h.press(KeyCode::Up);
    assert_eq!(focused(&h), "R02");
    h.press(KeyCode::Backspace);
    assert_eq!(focused(&h), "R02");
    assert!(!entry(&h).answers.contains_key("R02"));
    let (_, answers) = stored(&h, &batch, &who, Keying::First).expect("draft");
    assert_eq!(answers, typed("3"));
    let row = h
        .screen()
        .lines()
        .find(|l| l.contains("R02"))
        .map(str::to_string)
        .expect("R02 row");
    assert!(row.contains("[·]"), "{row}");
}

#[test]
fn a_lost_session_loses_nothing_and_the_draft_reopens_where_it_stopped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_file(dir.path());
    let mut h = Harness::new(open_as(&path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    let who = current(&h);
    h.type_str(&FORM_A[..9]);
    assert_eq!(focused(&h), "R10");
    // The connection drops: no save, no goodbye.
    drop(h);

    let mut h = Harness::new(open_as(&path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    assert_eq!(entry(&h).stage, Stage::Items, "{}", h.screen());
    assert_eq!(current(&h), who);
    assert_eq!(focused(&h), "R10");
    assert_eq!(entry(&h).answers, typed(&FORM_A[..9]));
    assert!(
        notice(&h).contains("Melanjutkan formulir"),
        "{}",
        notice(&h)
    );
    // Carry on to the end.
    h.type_str(&FORM_A[9..]);
    h.type_str("\n\n\n");
    let batch = post(&h, KOM, REAKSI);
    let (info, answers) = stored(&h, &batch, &who, Keying::First).expect("saved");
    assert!(info.complete);
    assert_eq!(answers, typed(FORM_A));
}

// ── Double entry ─────────────────────────────────────────────────────────────────────────────────────────

/// The open discrepancies recorded against first keyings: (first response id, item, first, second).
/// Open discrepancies recorded in this test (the demo brings one of its own, by its verifier).
fn discrepancies(path: &Path) -> Vec<(i64, String, Option<String>, Option<String>)> {
    let conn = rusqlite::Connection::open(path).expect("open with rusqlite");
    let mut stmt = conn
        .prepare(
            "SELECT response_id, item, first_value, second_value FROM discrepancy
             WHERE status = 'open' AND created_by <> 'verifikator1' ORDER BY id",
        )
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("discrepancies")
}

fn verified(path: &Path, response: i64) -> bool {
    let conn = rusqlite::Connection::open(path).expect("open with rusqlite");
    conn.query_row(
        "SELECT verified FROM response WHERE id = ?1",
        [response],
        |r| r.get(0),
    )
    .expect("response")
}

/// A database where the clerk `operator1` keyed REAKSI-01 forms (first keying), and the verifier `siti`.
struct Keyed {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// Each form: whose it is, the id of its first keying, their NIP.
    forms: Vec<(Respondent, i64, String)>,
}

impl Keyed {
    fn new(forms: &[&str]) -> Keyed {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = demo_file(dir.path());
        open_as(&path, "operator1")
            .add_user(&user("siti"), "", Role::Verifier)
            .expect("verifier");
        let mut clerk = Harness::new(open_as(&path, "operator1"), Role::Operator);
        open_entry(&mut clerk, KOM, REAKSI, Keying::First);
        let batch = post(&clerk, KOM, REAKSI);
        let forms = forms
            .iter()
            .map(|digits| {
                let who = key_form(&mut clerk, digits);
                let id = stored(&clerk, &batch, &who, Keying::First)
                    .expect("keyed")
                    .0
                    .id;
                let nip = nip_of(&clerk, KOM, &who);
                (who, id, nip)
            })
            .collect();
        Keyed {
            _dir: dir,
            path,
            forms,
        }
    }

    /// The verifier's session, at the second keying of the batch.
    fn verifier(&self) -> Harness {
        let mut h = Harness::new(open_as(&self.path, "siti"), Role::Verifier);
        open_entry(&mut h, KOM, REAKSI, Keying::Second);
        h
    }
}

#[test]
fn verification_stops_at_a_mismatch_and_records_what_the_paper_says_twice() {
    let keyed = Keyed::new(&[FORM_A, FORM_B]);
    let path = keyed.path.clone();
    let (a, first_a, nip_a) = keyed.forms[0].clone();
    let (b, first_b, nip_b) = keyed.forms[1].clone();
    let mut h = keyed.verifier();
    let batch = post(&h, KOM, REAKSI);
    // Form A: R05 is 1 on paper; the verifier slips and types 4.
    by_nip(&mut h, &nip_a);
    assert_eq!(current(&h), a);
    h.type_str(&FORM_A[..4]);
    h.type_str("4");
    assert_eq!(focused(&h), "R05", "a mismatch stops at the field");
    assert!(entry(&h).mismatch.is_some());
    assert!(
        notice(&h).contains("Berbeda dengan entri pertama"),
        "{}",
        h.screen()
    );
    assert_snapshot!("entry_verification_mismatch", h.screen());
    // The paper, read again, says 1: accepted, nothing for the adjudicator.
    h.type_str("1");
    assert_eq!(focused(&h), "R06");
    assert!(entry(&h).mismatch.is_none());
    h.type_str(&FORM_A[5..]);
    h.type_str("\n\n\n");
    assert_eq!(entry(&h).stage, Stage::Respondent, "{}", h.screen());
    assert!(discrepancies(&path).is_empty());
    assert!(
        verified(&path, first_a),
        "a second keying without discrepancies verifies the first"
    );
    let second_a = stored(&h, &batch, &a, Keying::Second)
        .expect("second keying")
        .0;
    assert!(second_a.complete);

    // Form B: R07 is 3 on paper, but the verifier reads 1 twice: a discrepancy.
    by_nip(&mut h, &nip_b);
    assert_eq!(current(&h), b);
    h.type_str(&FORM_B[..6]);
    h.type_str("1");
    assert_eq!(focused(&h), "R07");
    h.type_str("1");
    assert_eq!(focused(&h), "R08", "the second reading stands");
    assert!(notice(&h).contains("perbedaan"), "{}", notice(&h));
    h.type_str(&FORM_B[7..]);
    h.type_str("\n\n\n");
    assert_eq!(
        discrepancies(&path),
        vec![(
            first_b,
            "R07".to_string(),
            Some("3".to_string()),
            Some("1".to_string())
        )]
    );
    assert!(
        !verified(&path, first_b),
        "an open discrepancy is not verified"
    );
    // The first keying itself is left as it was.
    let (_, first_answers) = stored(&h, &batch, &b, Keying::First).expect("b");
    assert_eq!(first_answers.get("R07").map(String::as_str), Some("3"));
}

#[test]
fn enter_through_a_second_keying_does_not_verify_the_form() {
    let keyed = Keyed::new(&[FORM_A]);
    let (a, first_a, nip_a) = keyed.forms[0].clone();
    let mut h = keyed.verifier();
    by_nip(&mut h, &nip_a);
    assert_eq!(current(&h), a);
    // Nothing typed: the first keying says 1 for R01.
    h.press(KeyCode::Enter);
    assert_eq!(focused(&h), "R01", "a blank against 1 is a mismatch");
    assert!(entry(&h).mismatch.is_some());
    for _ in 0..25 {
        h.press(KeyCode::Enter);
    }
    assert!(
        !verified(&keyed.path, first_a),
        "21 answers were never compared"
    );
}

#[test]
fn a_mismatch_is_not_left_with_enter() {
    let keyed = Keyed::new(&[FORM_A]);
    let (_, _, nip_a) = keyed.forms[0].clone();
    let mut h = keyed.verifier();
    by_nip(&mut h, &nip_a);
    h.type_str(&FORM_A[..4]);
    h.type_str("4");
    assert_eq!(focused(&h), "R05");
    h.press(KeyCode::Enter);
    assert_eq!(focused(&h), "R05", "the paper must be read again first");
    assert!(entry(&h).mismatch.is_some());
}

#[test]
fn the_entry_tab_is_left_with_esc_and_q_quits() {
    let mut h = demo();
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Esc);
    assert!(matches!(h.state.top(), Some(Screen::EntrySetup(_))));
    h.press(KeyCode::Esc);
    assert!(
        !matches!(h.state.top(), Some(Screen::EntrySetup(_))),
        "the bar says Esc Batal:\n{}",
        h.screen()
    );
    h.press(KeyCode::Char('q'));
    assert!(h.state.quit, "{}", h.screen());
}

#[test]
fn a_yes_no_answer_shows_its_label() {
    let mut store = demo_store();
    add_instrument(&mut store, SKIP_TOML);
    let mut h = Harness::new(store, Role::Admin);
    open_entry(&mut h, KOM, "LOMPAT-01", Keying::First);
    h.press(KeyCode::Enter);
    h.type_str("0");
    let screen = h.screen();
    let r01 = screen
        .lines()
        .find(|l| l.trim_start().starts_with("R01"))
        .expect("R01 row");
    assert!(r01.ends_with("Tidak"), "{screen}");
}

// ── Anonymous sheets and scores ──────────────────────────────────────────────────────────────────────────

#[test]
fn anonymous_forms_are_numbered_sheets() {
    let mut h = demo();
    let batch = post(&h, KOM, "REAKSI-ANON");
    open_entry(&mut h, KOM, "REAKSI-ANON", Keying::First);
    let sheet = |n: &str| Respondent::Sheet(n.to_string());
    assert_eq!(suggested(&h), sheet("1"));
    assert!(h.screen().contains("nomor lembar 1"), "{}", h.screen());
    assert_eq!(key_form(&mut h, FORM_A), sheet("1"));
    let (info, answers) = stored(&h, &batch, &sheet("1"), Keying::First).expect("saved");
    assert!(info.complete);
    assert_eq!(answers.len(), 21);
    assert_eq!(suggested(&h), sheet("2"));
    assert!(h.screen().contains("nomor lembar 2"), "{}", h.screen());
    // Sheet 1 cannot be keyed twice.
    by_nip(&mut h, "1");
    assert_eq!(entry(&h).stage, Stage::Respondent);
    assert!(notice(&h).contains("sudah dientri"), "{}", h.screen());
}

fn scores(h: &Harness, program: &str) -> Vec<(AsnId, Option<f64>, Option<f64>)> {
    h.store
        .scores(program_id(h, program))
        .expect("scores")
        .into_iter()
        .map(|r| (r.asn, r.pre, r.post))
        .collect()
}

fn grid_row(h: &Harness) -> usize {
    match h.state.top() {
        Some(Screen::Scores(s)) => s.scroll.selected,
        _ => panic!("not on the score grid:\n{}", h.screen()),
    }
}

#[test]
fn scores_are_typed_into_a_grid() {
    // A program whose tests have no scores yet.
    const PROGRAM: &str = "PRAKOM-2026-01";
    let mut h = demo();
    let before = scores(&h, PROGRAM);
    assert!(before.iter().all(|r| r.1.is_none() && r.2.is_none()));
    open_setup(&mut h, PROGRAM, "=scores", 'N', Keying::First);
    assert_eq!(grid_row(&h), 0);
    h.type_str("55\n60,5\n");
    assert_eq!(grid_row(&h), 2);
    // Above the maximum: refused, the cursor stays, nothing is stored.
    h.type_str("101\n");
    assert_eq!(grid_row(&h), 2);
    assert!(notice(&h).contains("antara 0 dan 100"), "{}", h.screen());
    assert_eq!(scores(&h, PROGRAM)[2], before[2]);
    h.ctrl('u');
    h.type_str("70\n");
    assert_eq!(grid_row(&h), 3);
    // Up to the first row, Tab to the post column.
    for _ in 0..3 {
        h.press(KeyCode::Up);
    }
    h.press(KeyCode::Tab);
    h.type_str("80\n");
    let after = scores(&h, PROGRAM);
    assert_eq!(after[0].1, Some(55.0));
    assert_eq!(after[0].2, Some(80.0));
    assert_eq!(after[1].1, Some(60.5));
    assert_eq!(after[2].1, Some(70.0));
    assert_eq!(after[3..], before[3..]);
    assert_snapshot!("scores_grid", h.screen());
}

// ── Forms that belong to no program ─────────────────────────────────────────────────────────────────────

#[test]
fn a_needs_form_is_keyed_without_a_program_for_anyone() {
    let mut h = demo();
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Tab);
    choose(&mut h, SetupField::Instrument, "TNA-ASN", 'T');
    // A needs analysis belongs to no program, and is filled before training.
    assert_eq!(setup_value(&h, SetupField::Program), "-");
    assert_eq!(setup_value(&h, SetupField::Phase), "pre");
    assert!(h.screen().contains("tanpa program"), "{}", h.screen());
    h.type_str("\t\t");
    h.press(KeyCode::Enter);
    let e = entry(&h);
    assert_eq!(e.batch.program, None);
    assert_eq!(e.batch.phase, Phase::Pre);

    // Anyone can answer, enrolled or not: someone in no program at all.
    let nobody: (AsnId, String) = {
        let all = h.store.all_asn().expect("everyone");
        let batch = Batch {
            program: None,
            instrument: "TNA-ASN".into(),
            phase: Phase::Pre,
        };
        let done: Vec<Respondent> = h
            .store
            .responses(&batch)
            .expect("forms")
            .into_iter()
            .map(|f| f.info.respondent)
            .collect();
        all.into_iter()
            .find(|a| {
                h.store
                    .learning_record(a.id, 2026)
                    .expect("record")
                    .is_empty()
                    && !done.contains(&Respondent::Asn(a.id))
            })
            .map(|a| (a.id, a.nip))
            .expect("someone without programs and without a TNA form")
    };
    by_nip(&mut h, &nobody.1);
    assert_eq!(current(&h), Respondent::Asn(nobody.0), "{}", h.screen());
    // Nine abilities, nine importances, then topics (typed, codes go to 10), form, priority, hours, note.
    h.type_str("234123412");
    h.type_str("444344343");
    h.type_str("5;1\n");
    h.type_str("2");
    h.type_str("1");
    h.type_str("40\n");
    h.type_str("\n");
    h.press(KeyCode::Enter);
    assert_eq!(entry(&h).stage, Stage::Respondent, "{}", h.screen());

    let batch = Batch {
        program: None,
        instrument: "TNA-ASN".into(),
        phase: Phase::Pre,
    };
    let forms = h.store.responses(&batch).expect("forms");
    let ours = forms
        .iter()
        .find(|f| f.info.respondent == Respondent::Asn(nobody.0))
        .expect("the form is saved");
    assert_eq!(ours.answers.get("K04").map(String::as_str), Some("1"));
    assert_eq!(ours.answers.get("P05").map(String::as_str), Some("4"));
    assert_eq!(ours.answers.get("N01").map(String::as_str), Some("1;5"));
    assert_eq!(ours.answers.get("N04").map(String::as_str), Some("40"));
    // And the needs analysis counts it.
    let needs = h.store.needs("TNA-ASN", None).expect("needs");
    assert_eq!(needs.respondents, forms.len());
}

#[test]
fn a_reaction_form_without_a_program_is_refused() {
    let mut h = demo();
    h.press(KeyCode::Char('2'));
    choose(&mut h, SetupField::Program, "-", '—');
    h.press(KeyCode::Tab);
    choose(&mut h, SetupField::Instrument, REAKSI, 'R');
    // Choosing a reaction instrument brings a program back.
    assert_ne!(setup_value(&h, SetupField::Program), "-");
    h.shift_tab();
    choose(&mut h, SetupField::Program, "-", '—');
    h.type_str("\t\t\t");
    h.press(KeyCode::Enter);
    assert!(matches!(h.state.top(), Some(Screen::EntrySetup(_))));
    assert!(h.screen().contains("Pilih program dulu"), "{}", h.screen());
}

// ── Nothing typed is lost; verification; saving (issue 19) ──────────────────────────────────────────────

/// N01 a number typed into a field; T01 a long text; T02 a line of text.
const TYPED_TOML: &str = r#"
code = "KETIK-01"
title = "Survei isian"
level = "reaction"

[[items]]
code = "N01"
text = "Berapa jam pelatihan yang Anda ikuti?"
type = "number"
min = 0
max = 100

[[items]]
code = "T01"
text = "Ceritakan manfaat pelatihan"
type = "text"
multiline = true
max = 2000
"#;

/// The session ends as when the terminal is closed: what `update` asks for on SIGHUP is carried out.
fn hang_up(mut h: Harness) {
    h.act(Action::Stop(Stop::Hangup));
    assert!(h.state.quit);
}

#[test]
fn text_in_an_open_editor_and_the_statistics_survive_a_hangup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_file(dir.path());
    let mut h = Harness::new(open_as(&path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    let who = current(&h);
    h.type_str(FORM_A);
    h.act(Action::Active(4_000));
    // A correction: R21 typed again.
    h.press(KeyCode::Up);
    h.type_str("2");
    assert_eq!(focused(&h), "R22");
    h.type_str("Materi sangat berguna\nterutama praktik");
    assert!(entry(&h).editor.is_some());
    let stats = entry(&h).stats;
    assert_eq!(stats.corrections, 1);
    assert!(stats.keystrokes > 40, "{stats:?}");
    hang_up(h);

    let mut h = Harness::new(open_as(&path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    assert_eq!(current(&h), who);
    assert_eq!(focused(&h), "R22");
    let e = entry(&h);
    let editor = e.editor.as_ref().expect("the editor is open again");
    assert_eq!(
        editor.text.value(),
        "Materi sangat berguna\nterutama praktik"
    );
    assert_eq!(
        (e.stats.keystrokes, e.stats.corrections),
        (stats.keystrokes, stats.corrections),
        "the clerk's statistics carry on"
    );
    assert_eq!(e.active_ms, 4_000);
    let screen = h.screen();
    assert!(screen.contains("terutama praktik"), "{screen}");
    // Tab keeps the text; the form is saved with it.
    h.press(KeyCode::Tab);
    assert_eq!(focused(&h), "R23");
    h.type_str("\n\n");
    assert_eq!(entry(&h).stage, Stage::Respondent, "{}", h.screen());
    let batch = post(&h, KOM, REAKSI);
    let (info, answers) = stored(&h, &batch, &who, Keying::First).expect("saved");
    assert!(info.complete);
    assert_eq!(
        answers.get("R22").map(String::as_str),
        Some("Materi sangat berguna\nterutama praktik")
    );
    // Nothing is left over for a later form.
    assert_eq!(
        h.store
            .load_draft(KEPT_FORM, &kept_record(&batch, Keying::First, &who))
            .expect("drafts"),
        None
    );
}

#[test]
fn typing_not_yet_accepted_survives_a_hangup_and_leaving_with_esc() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = demo_file(dir.path());
    add_instrument(&mut open_as(&path, "operator1"), TYPED_TOML);
    let mut h = Harness::new(open_as(&path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, "KETIK-01", Keying::First);
    h.press(KeyCode::Enter);
    assert_eq!(focused(&h), "N01");
    h.type_str("3");
    assert_eq!(entry(&h).input.value(), "3");
    hang_up(h);

    let mut h = Harness::new(open_as(&path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, "KETIK-01", Keying::First);
    assert_eq!(focused(&h), "N01");
    assert_eq!(entry(&h).input.value(), "3", "{}", h.screen());
    // More typing, then Esc out of the entry screen and back in.
    h.type_str("2");
    h.press(KeyCode::Esc);
    assert!(matches!(h.state.top(), Some(Screen::EntrySetup(_))));
    // The setup is still at its last field: Enter opens the same batch again.
    h.press(KeyCode::Enter);
    assert_eq!(entry(&h).stage, Stage::Items, "{}", h.screen());
    assert_eq!(focused(&h), "N01", "{}", h.screen());
    assert_eq!(entry(&h).input.value(), "32");
    h.press(KeyCode::Enter);
    assert_eq!(focused(&h), "T01");
    assert_eq!(entry(&h).answers.get("N01").map(String::as_str), Some("32"));
}

#[test]
fn a_pending_mismatch_survives_a_hangup() {
    let keyed = Keyed::new(&[FORM_A]);
    let (_, _, nip_a) = keyed.forms[0].clone();
    let mut h = keyed.verifier();
    by_nip(&mut h, &nip_a);
    h.type_str(&FORM_A[..4]);
    h.type_str("4");
    assert_eq!(focused(&h), "R05");
    assert!(entry(&h).mismatch.is_some());
    assert_eq!(entry(&h).stats.mismatches, 1);
    hang_up(h);

    let mut h = keyed.verifier();
    assert_eq!(focused(&h), "R05");
    let e = entry(&h);
    assert_eq!(e.mismatch.as_ref().map(|m| m.item.as_str()), Some("R05"));
    assert_eq!(e.stats.mismatches, 1, "the mismatch is still counted once");
    // The paper says 1: the mismatch is settled as before.
    h.type_str("1");
    assert_eq!(focused(&h), "R06");
    assert!(entry(&h).mismatch.is_none());
    assert_eq!(entry(&h).stats.mismatches, 1);
}

#[test]
fn nobody_verifies_a_form_they_keyed_first() {
    let keyed = Keyed::new(&[FORM_A, FORM_B]);
    let (a, _, nip_a) = keyed.forms[0].clone();
    let (b, _, nip_b) = keyed.forms[1].clone();
    // operator1 keyed both: in the second keying they are not suggested, and refused by NIP.
    let mut h = Harness::new(open_as(&keyed.path, "operator1"), Role::Admin);
    open_entry(&mut h, KOM, REAKSI, Keying::Second);
    assert!(
        entry(&h).candidates().iter().all(|c| c.0 != a && c.0 != b),
        "{}",
        h.screen()
    );
    by_nip(&mut h, &nip_a);
    assert_eq!(entry(&h).stage, Stage::Respondent, "{}", h.screen());
    assert!(entry(&h).respondent.is_none());
    assert!(notice(&h).contains("oleh Anda sendiri"), "{}", notice(&h));
    let batch = post(&h, KOM, REAKSI);
    assert!(stored(&h, &batch, &a, Keying::Second).is_none());

    // Another verifier: after the form is saved, a fresh respondent, and the form is counted.
    let mut h = keyed.verifier();
    by_nip(&mut h, &nip_b);
    assert_eq!(current(&h), b);
    h.type_str(FORM_B);
    h.type_str("\n\n\n");
    let e = entry(&h);
    assert_eq!(e.stage, Stage::Respondent, "{}", h.screen());
    assert!(e.respondent.is_none());
    assert_eq!(e.saved, 1);
    assert!(h.screen().contains("1 disimpan sesi ini"), "{}", h.screen());
}

#[test]
fn a_form_whose_start_fails_goes_back_to_the_respondent() {
    let keyed = Keyed::new(&[FORM_A]);
    let (_, _, nip_a) = keyed.forms[0].clone();
    let mut h = keyed.verifier();
    by_nip(&mut h, &nip_a);
    assert_eq!(entry(&h).stage, Stage::Items);
    // As if the store had refused to start it (someone else started it a moment before).
    if let Some(Screen::Entry(e)) = h.state.stack.last_mut() {
        e.started = false;
    }
    h.act(Action::Failed(Failure {
        message: "sudah ada".into(),
        kind: FailureKind::Duplicate,
    }));
    let e = entry(&h);
    assert_eq!(e.stage, Stage::Respondent, "{}", h.screen());
    assert!(e.respondent.is_none());
    assert_eq!(e.saved, 0);
}

#[test]
fn saving_a_form_without_any_answer_is_refused() {
    let mut h = demo();
    let batch = post(&h, KOM, REAKSI);
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    let who = current(&h);
    h.ctrl('s');
    assert_eq!(entry(&h).stage, Stage::Items, "{}", h.screen());
    assert_eq!(
        notice(&h),
        Msg::EntryEmptyForm.fill(Lang::Id, &[&"Ctrl-D"]),
        "{}",
        h.screen()
    );
    let (info, answers) = stored(&h, &batch, &who, Keying::First).expect("draft");
    assert!(!info.complete && answers.is_empty());
    assert_eq!(entry(&h).saved, 0);
    // Ctrl-D throws it away.
    h.ctrl('d');
    h.press(KeyCode::Char('y'));
    assert_eq!(entry(&h).stage, Stage::Respondent);
    assert!(stored(&h, &batch, &who, Keying::First).is_none());
}

#[test]
fn a_long_text_says_how_its_editor_works_and_the_editor_covers_the_form() {
    let mut h = demo();
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    h.press(KeyCode::Enter);
    h.type_str(FORM_A);
    assert_eq!(focused(&h), "R22");
    let screen = h.screen();
    let hint = Msg::EntryLongTextHint.fill(Lang::Id, &[&"F2", &"Enter"]);
    let shown: String = screen
        .lines()
        .rev()
        .skip(2)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        hint.split_whitespace().take(6).all(|w| shown.contains(w)),
        "{hint}\n{screen}"
    );
    h.type_str("Bagus");
    let screen = h.screen();
    assert!(
        screen.contains("Tulis: Tab selesai · Enter baris baru · Esc batal"),
        "{screen}"
    );
    assert!(screen.contains("Tab menyimpan teks"), "{screen}");
    // The frame's rows show the editor alone: no focus mark, no cut mark beside it.
    let top = screen.lines().position(|l| l.contains('┌')).expect("frame");
    let bottom = screen.lines().position(|l| l.contains('└')).expect("frame");
    for line in screen.lines().take(bottom + 1).skip(top) {
        assert!(
            !line.contains('▶') && !line.contains('…'),
            "{line:?}\n{screen}"
        );
    }
    assert_snapshot!("entry_long_text_editor", screen);
}

#[test]
fn the_mode_shows_in_the_header_at_80_columns() {
    let keyed = Keyed::new(&[FORM_A]);
    let h = keyed.verifier();
    let header = h.screen().lines().nth(1).unwrap_or_default().to_string();
    assert!(header.ends_with("VERIFIKASI (entri kedua)"), "{header}");
    let mut h = demo();
    open_entry(&mut h, KOM, REAKSI, Keying::First);
    let header = h.screen().lines().nth(1).unwrap_or_default().to_string();
    assert!(header.ends_with("entri pertama"), "{header}");
}

#[test]
fn setup_digits_choose_the_nth_option_and_other_keys_say_why_not() {
    let mut h = demo();
    h.press(KeyCode::Char('2'));
    h.press(KeyCode::Char('2'));
    let second = match h.state.top() {
        Some(Screen::EntrySetup(s)) => s
            .programs
            .as_ref()
            .and_then(|p| p.get(1))
            .map(|p| p.program.id.0.to_string()),
        _ => None,
    };
    assert_eq!(Some(setup_value(&h, SetupField::Program)), second);
    h.press(KeyCode::Char('9'));
    assert!(
        notice(&h).contains("Tombol 9 tidak memilih"),
        "{}",
        h.screen()
    );
    assert_eq!(
        Some(setup_value(&h, SetupField::Program)),
        second,
        "nothing chosen"
    );
    // The keying: 2 is verification.
    h.type_str("\t\t\t");
    h.press(KeyCode::Char('2'));
    assert_eq!(setup_value(&h, SetupField::Keying), "second");
    h.press(KeyCode::Char('3'));
    assert_eq!(
        notice(&h),
        "Tombol 3 tidak memilih apa pun: pakai angka 1–2, ←/→, Spasi, atau huruf awal",
        "{}",
        h.screen()
    );
    assert!(
        h.screen()
            .contains("Pilih dengan ←/→, Spasi, angka (pilihan ke-n) atau huruf awal; Tab ke"),
        "{}",
        h.screen()
    );
}

// ── Importing forms: skip logic before counts ───────────────────────────────────────────────────────────

#[test]
fn a_survey_import_judges_skip_logic_before_the_counts() {
    let def = tilik::import::instrument::parse(
        r#"
code = "HITUNG-01"
title = "Tugas"
level = "behavior"

[[items]]
code = "TUGAS"
text = "Tugas jatuh tempo"
type = "number"
min = 0
max = 200
role = "count_due"
required = true

[[items]]
code = "TEPAT"
text = "Tugas tepat waktu"
type = "number"
min = 0
max = 200
role = "count_done"
show_if = "TUGAS > 0"
required = true
note = true
"#,
    )
    .expect("a valid instrument");
    let csv = "nip,TUGAS,TEPAT,TEPAT.note\n\
               198504122010011003,0,,\n\
               198504122010011004,0,3,\n\
               198504122010011005,5,,\n\
               198504122010011006,x,3,\n\
               198504122010011007,4,6,\n\
               198504122010011008,0,,lihat buku agenda\n\
               198504122010011009,4,4,ok\n";
    let table = tilik::import::table::read_csv_bytes(csv.as_bytes()).expect("csv");
    let checked = tilik::import::survey::check_survey(&table, &def);
    use tilik::domain::problem::Problem;
    let got: Vec<(usize, &str, &Problem)> = checked
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_str(), &e.problem))
        .collect();
    assert_eq!(
        got,
        vec![
            // An answer to an item TUGAS = 0 hides: an error at its cell, not "more than due".
            (3, "TEPAT", &Problem::AnsweredSkipped),
            // Shown and required, left empty.
            (4, "TEPAT", &Problem::Required),
            // A bad value is reported once, not again as a skip error.
            (5, "TUGAS", &Problem::Number),
            // Shown: the counts are checked.
            (6, "TEPAT", &Problem::MoreThanDue(4.0)),
            // A note beside an item that is not asked.
            (7, "TEPAT.note", &Problem::AnsweredSkipped),
        ],
        "{:?}",
        checked.errors
    );
    let lines: Vec<usize> = checked.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 8]);
    assert_eq!(
        checked.rows[1]
            .answers
            .get("TEPAT.note")
            .map(String::as_str),
        Some("ok")
    );
}
