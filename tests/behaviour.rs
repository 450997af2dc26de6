//! Behaviour at work after a training, end to end: the follow-up worklist (tab 3), observations and
//! supervisor interviews keyed on the entry screen (session date checks, evidence notes, the multi-line
//! editor, items about the program's objectives), the participant's page (behaviour, atasan, actions,
//! schedule) and the planning of follow-ups when a program ends. Driven by keys through the real keymap,
//! update and store on the demo data, drawn at 80x24, on 2026-11-30.

use chrono::{NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use std::collections::BTreeMap;
use tilik::app::harness::{Harness, test_today};
use tilik::domain::enrollment::Completion;
use tilik::domain::followup::{ActionKind, ActionStatus, Due};
use tilik::domain::ids::{AsnId, ProgramId};
use tilik::domain::instrument::Phase;
use tilik::domain::program::ProgramStatus;
use tilik::domain::user::{Role, Username};
use tilik::i18n::{Lang, Msg};
use tilik::screens::entry::{EntryScreen, Stage};
use tilik::screens::entry_setup::SetupField;
use tilik::screens::participant::{ParticipantScreen, Section};
use tilik::screens::worklist::WorklistScreen;
use tilik::screens::{Modal, Screen};
use tilik::store::Store;
use tilik::store::followup::{Work, WorkFilter, WorkItem, WorkView};
use tilik::store::response::{Batch, Keying, Respondent};

const KOM: &str = "KOM-2026-01";
const OBS: &str = "OBS-KOMUNIKASI";
const INTERVIEW: &str = "WAWANCARA-ATASAN";
const ME: &str = "evaluator1";

// ── The database ─────────────────────────────────────────────────────────────────────────────────────────

fn user(name: &str) -> Username {
    Username::parse(name).expect("valid name")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// The demo, written by `evaluator1` (an admin) on 2026-11-30 01:00 UTC.
fn demo_store() -> Store {
    let mut store = Store::open_in_memory(user(ME)).expect("store");
    store.fix_clock(
        Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0)
            .single()
            .expect("valid time"),
    );
    store.add_user(&user(ME), "", Role::Admin).expect("user");
    tilik::demo::fill(&mut store, test_today()).expect("demo");
    store
}

fn demo() -> Harness {
    Harness::new(demo_store(), Role::Admin)
}

fn program_id(store: &Store, code: &str) -> ProgramId {
    store
        .program_by_code(code)
        .expect("query")
        .expect("program")
        .id
}

fn worklist_of(store: &Store, view: WorkView) -> Vec<WorkItem> {
    store
        .worklist(
            &WorkFilter {
                view,
                ..WorkFilter::default()
            },
            test_today(),
        )
        .expect("worklist")
}

/// The participants the demo follows up in a program: the first ten who passed, by enrollment.
fn followed_up(store: &Store, code: &str) -> Vec<AsnId> {
    let mut roster = store.roster(program_id(store, code)).expect("roster");
    roster.sort_by_key(|r| r.id.0);
    roster
        .into_iter()
        .filter(|r| r.data.completion == Some(Completion::Lulus))
        .take(10)
        .map(|r| r.asn)
        .collect()
}

/// Someone enrolled in KOM with no form of any kind yet.
fn kom_without_forms(store: &Store) -> (AsnId, String, String) {
    let kom = program_id(store, KOM);
    let baseline = Batch {
        program: Some(kom),
        instrument: OBS.into(),
        phase: Phase::Pre,
    };
    store
        .progress(&baseline)
        .expect("progress")
        .missing
        .into_iter()
        .find(|(asn, _, _)| store.person_forms(kom, *asn).expect("forms").is_empty())
        .expect("someone in KOM without any form")
}

/// A complete first keying with its answers.
fn stored(store: &Store, batch: &Batch, asn: AsnId) -> Option<BTreeMap<String, String>> {
    let info = store
        .find_response(batch, &Respondent::Asn(asn), Keying::First)
        .expect("query")?;
    Some(store.answers(info.id).expect("answers"))
}

fn draft_answers(store: &Store, batch: &Batch, asn: AsnId) -> BTreeMap<String, String> {
    stored(store, batch, asn).expect("a form (draft or complete)")
}

fn complete(store: &Store, batch: &Batch, asn: AsnId) -> bool {
    store
        .find_response(batch, &Respondent::Asn(asn), Keying::First)
        .expect("query")
        .is_some_and(|i| i.complete)
}

// ── The screen ───────────────────────────────────────────────────────────────────────────────────────────

fn id(msg: Msg) -> &'static str {
    msg.text(Lang::Id)
}

fn notice(h: &Harness) -> String {
    h.state
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn worklist(h: &Harness) -> &WorklistScreen {
    match h.state.top() {
        Some(Screen::Worklist(w)) => w,
        _ => panic!("not on the worklist:\n{}", h.screen()),
    }
}

fn entry(h: &Harness) -> &EntryScreen {
    match h.state.top() {
        Some(Screen::Entry(e)) => e,
        _ => panic!("not on the entry screen:\n{}", h.screen()),
    }
}

fn participant(h: &Harness) -> &ParticipantScreen {
    match h.state.top() {
        Some(Screen::Participant(p)) => p,
        _ => panic!("not on the participant page:\n{}", h.screen()),
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

/// The screen line containing `needle`.
fn line_with(screen: &str, needle: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?}:\n{screen}"))
        .to_string()
}

/// The table rows the worklist shows (below the filter line and the column heads, above the summary).
fn worklist_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(3)
        .take_while(|l| !l.contains(" baris · "))
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// The state mark of a worklist row (the column after the selection marker).
fn row_mark(row: &str) -> char {
    row.chars().nth(2).unwrap_or(' ')
}

/// The cells of a participant-page row with phases side by side: label, five values, the change mark.
/// At 80 columns the label takes 40 columns and each value 7, from column 2.
fn cells(line: &str) -> (String, Vec<String>, String) {
    let chars: Vec<char> = line.chars().collect();
    let take = |from: usize, len: usize| -> String {
        chars
            .iter()
            .skip(from)
            .take(len)
            .collect::<String>()
            .trim()
            .to_string()
    };
    let values = (0..5).map(|j| take(42 + 7 * j, 7)).collect();
    (take(2, 40), values, take(78, 2))
}

/// Types `letter` until the focused choice of the entry setup is `code`.
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

/// From the Entry tab: program, instrument, phase and first keying, then Enter.
fn open_entry(h: &mut Harness, program: &str, instrument: &str, phase: Phase) {
    h.press(KeyCode::Char('2'));
    let pid = program_id(&h.store, program).0.to_string();
    choose(h, SetupField::Program, &pid, 'k');
    h.press(KeyCode::Tab);
    let letter = instrument.chars().next().unwrap_or(' ');
    choose(h, SetupField::Instrument, instrument, letter);
    h.press(KeyCode::Tab);
    // The phase labels: "Sebelum (pre)", "Tindak lanjut 1"…
    let phase_letter = if phase == Phase::Pre { 's' } else { 't' };
    choose(h, SetupField::Phase, phase.code(), phase_letter);
    h.press(KeyCode::Tab);
    choose(h, SetupField::Keying, "first", 'e');
    h.press(KeyCode::Enter);
    let e = entry(h);
    assert_eq!(
        e.batch,
        Batch {
            program: Some(program_id(&h.store, program)),
            instrument: instrument.into(),
            phase,
        }
    );
    assert_eq!(e.stage, Stage::Respondent, "{}", h.screen());
}

/// Chooses the respondent by NIP on the entry screen.
fn respondent(h: &mut Harness, nip: &str, asn: AsnId) {
    h.type_str(nip);
    h.press(KeyCode::Enter);
    let e = entry(h);
    assert_eq!(e.stage, Stage::Items, "{}", h.screen());
    assert_eq!(
        e.respondent.as_ref().map(|(r, _)| r.clone()),
        Some(Respondent::Asn(asn))
    );
}

/// Types a session date: refused dates leave the field as typed, so it is cleared first.
fn date(h: &mut Harness, typed: &str) {
    h.ctrl('u');
    h.type_str(typed);
    h.press(KeyCode::Enter);
}

/// Leaves the entry screen and its setup (where digits choose options) for the programs tab.
fn leave_entry(h: &mut Harness) {
    h.press(KeyCode::Esc);
    assert!(matches!(h.state.top(), Some(Screen::EntrySetup(_))));
    h.press(KeyCode::Esc);
    assert!(
        matches!(h.state.top(), Some(Screen::Programs(_))),
        "{}",
        h.screen()
    );
}

/// Opens a program's page from the programs tab by searching its code.
fn open_program(h: &mut Harness, code: &str) {
    h.press(KeyCode::Char('1'));
    h.type_str(&format!("/{code}"));
    h.press(KeyCode::Enter);
    match h.state.top() {
        Some(Screen::ProgramDetail(d)) => assert_eq!(d.id, program_id(&h.store, code)),
        _ => panic!("not on the program page:\n{}", h.screen()),
    }
}

/// The participant's page, from the program's participants (p on the chosen line).
fn open_participant(h: &mut Harness, code: &str, asn: AsnId) {
    open_program(h, code);
    let roster = h.store.roster(program_id(&h.store, code)).expect("roster");
    let index = roster
        .iter()
        .position(|r| r.asn == asn)
        .expect("enrolled in the program");
    h.type_str("\t\t");
    for _ in 0..index {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Char('p'));
    let p = participant(h);
    assert_eq!((p.program, p.asn), (program_id(&h.store, code), asn));
    assert!(p.data.is_some(), "{}", h.screen());
}

/// Moves the participant page to a section with Tab.
fn section(h: &mut Harness, wanted: Section) {
    for _ in 0..4 {
        if participant(h).section == wanted {
            return;
        }
        h.press(KeyCode::Tab);
    }
    panic!("section {wanted:?} not reached:\n{}", h.screen());
}

// ── 1. The worklist ──────────────────────────────────────────────────────────────────────────────────────

#[test]
fn the_worklist_shows_what_is_due_and_its_counts_match_the_store() {
    let store = demo_store();
    let due = worklist_of(&store, WorkView::Due);
    let all = worklist_of(&store, WorkView::All);
    // Counted here from every line and its own due date, not from the store's states.
    let overdue = all
        .iter()
        .filter(|w| w.state != Due::Done && w.state != Due::Cancelled && w.due < test_today())
        .count();
    let this_week = all
        .iter()
        .filter(|w| {
            w.state != Due::Done
                && w.state != Due::Cancelled
                && w.due >= test_today()
                && (w.due - test_today()).num_days() < 7
        })
        .count();
    assert!(overdue > 0, "the demo has overdue follow-ups");
    assert_eq!(due.len(), overdue + this_week);
    assert!(
        due.iter()
            .all(|w| matches!(w.state, Due::Overdue | Due::ThisWeek))
    );
    // Forms and steps of actions both appear.
    assert!(due.iter().any(|w| matches!(w.what, Work::Form { .. })));
    assert!(due.iter().any(|w| matches!(w.what, Work::Step { .. })));

    let mut h = Harness::new(store, Role::Admin);
    h.press(KeyCode::Char('3'));
    let screen = h.screen();
    assert_snapshot!("worklist_due", screen);
    assert!(
        screen.contains(&Msg::WorkFilterLine.fill(
            Lang::Id,
            &[
                &id(Msg::WorkViewDue),
                &id(Msg::AllUnits),
                &id(Msg::WorkEveryone),
                &"w",
                &"u",
                &"m"
            ]
        )),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "{} baris · {overdue} terlambat · {this_week} minggu ini",
            due.len()
        )),
        "{screen}"
    );
    assert_eq!(worklist(&h).rows.as_ref().expect("rows"), &due);
    let rows = worklist_rows(&screen);
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| matches!(row_mark(r), '!' | '•')),
        "{screen}"
    );
    // The first line is the earliest.
    let first = &due[0];
    assert!(rows[0].contains(&tilik::domain::date::format(first.due)));
    assert!(due.windows(2).all(|p| p[0].due <= p[1].due), "by due date");
}

#[test]
fn w_cycles_the_views_and_the_done_view_shows_only_done_work() {
    let store = demo_store();
    let open = worklist_of(&store, WorkView::Open);
    let done = worklist_of(&store, WorkView::Done);
    let all = worklist_of(&store, WorkView::All);
    assert!(!done.is_empty());
    assert!(open.len() > worklist_of(&store, WorkView::Due).len());
    let mut h = Harness::new(store, Role::Admin);
    h.press(KeyCode::Char('3'));

    h.press(KeyCode::Char('w'));
    assert_eq!(worklist(&h).filter.view, WorkView::Open);
    let screen = h.screen();
    assert!(screen.contains(id(Msg::WorkViewOpen)), "{screen}");
    assert!(
        screen.contains(&format!("{} baris", open.len())),
        "{screen}"
    );
    // Later work shows now, but nothing done or cancelled.
    let rows = worklist_rows(&screen);
    assert!(rows.iter().all(|r| matches!(row_mark(r), '!' | '•' | ' ')));
    assert!(
        open.iter()
            .all(|w| matches!(w.state, Due::Overdue | Due::ThisWeek | Due::Later))
    );

    h.press(KeyCode::Char('w'));
    assert_eq!(worklist(&h).filter.view, WorkView::Done);
    let screen = h.screen();
    assert!(
        screen.contains(&format!(
            "{} baris · 0 terlambat · 0 minggu ini",
            done.len()
        )),
        "{screen}"
    );
    let rows = worklist_rows(&screen);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| row_mark(r) == '✓'), "{screen}");
    let shown = worklist(&h).rows.clone().expect("rows");
    assert_eq!(shown, done);
    // Every done form has its complete form in the store.
    for w in &shown {
        if let Work::Form {
            instrument, phase, ..
        } = &w.what
        {
            let batch = Batch {
                program: Some(w.program),
                instrument: instrument.clone(),
                phase: *phase,
            };
            assert!(complete(&h.store, &batch, w.asn), "{w:?}");
        }
    }

    h.press(KeyCode::Char('w'));
    assert_eq!(worklist(&h).filter.view, WorkView::All);
    assert!(
        h.screen().contains(&format!("{} baris", all.len())),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('w'));
    assert_eq!(worklist(&h).filter.view, WorkView::Due);
    // x clears the filters back to the default view.
    h.press(KeyCode::Char('w'));
    h.press(KeyCode::Char('x'));
    assert_eq!(worklist(&h).filter, WorkFilter::default());
}

#[test]
fn taking_a_line_makes_it_mine_and_enter_opens_its_form_for_that_person() {
    let mut h = demo();
    h.press(KeyCode::Char('3'));
    // Nobody has taken anything in the demo.
    h.press(KeyCode::Char('m'));
    assert_eq!(worklist(&h).filter.evaluator.as_deref(), Some(ME));
    let screen = h.screen();
    assert!(screen.contains(id(Msg::WorkMine)), "{screen}");
    assert!(
        screen.contains(&Msg::WorkNone.fill(Lang::Id, &[&"w"])),
        "{screen}"
    );
    assert!(screen.contains("0 baris"), "{screen}");
    h.press(KeyCode::Char('m'));
    assert_eq!(worklist(&h).filter.evaluator, None);

    // a on a step is refused: only planned forms are taken.
    let rows = worklist(&h).rows.clone().expect("rows");
    let step = rows
        .iter()
        .position(|w| matches!(w.what, Work::Step { .. }))
        .expect("a step on the list");
    for _ in 0..step {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Char('a'));
    assert_eq!(notice(&h), id(Msg::WorkOnlyForms));
    h.press(KeyCode::Home);

    // The second line is a form; k takes it.
    h.press(KeyCode::Down);
    let taken = worklist(&h).rows.as_ref().expect("rows")[1].clone();
    let Work::Form {
        id: followup,
        instrument,
        phase,
        ..
    } = taken.what.clone()
    else {
        panic!("the second line is a form: {taken:?}");
    };
    h.press(KeyCode::Char('a'));
    let mine = h
        .store
        .worklist(
            &WorkFilter {
                view: WorkView::All,
                evaluator: Some(ME.into()),
                ..WorkFilter::default()
            },
            test_today(),
        )
        .expect("worklist");
    assert_eq!(mine.len(), 1);
    assert!(matches!(mine[0].what, Work::Form { id, .. } if id == followup));
    assert_eq!(mine[0].evaluator.as_deref(), Some(ME));
    let row = worklist_rows(&h.screen())
        .into_iter()
        // The column is nine wide: "evaluato…".
        .find(|r| r.contains(&ME[..8]))
        .expect("the taken line shows its evaluator");
    assert!(row.contains(&taken.program_code), "{row}");

    // m: only mine.
    h.press(KeyCode::Char('m'));
    let screen = h.screen();
    assert!(screen.contains("1 baris"), "{screen}");
    assert_eq!(worklist_rows(&screen).len(), 1, "{screen}");
    assert_snapshot!("worklist_mine", screen);
    assert_eq!(worklist(&h).rows.as_ref().expect("rows")[0], mine[0]);

    // Enter: the entry screen for this person, with the batch of the line.
    h.press(KeyCode::Enter);
    let e = entry(&h);
    assert_eq!(
        e.batch,
        Batch {
            program: Some(taken.program),
            instrument: instrument.clone(),
            phase,
        }
    );
    assert_eq!(e.keying, Keying::First);
    assert_eq!(e.stage, Stage::Items, "{}", h.screen());
    assert_eq!(
        e.respondent.as_ref().map(|(r, _)| r.clone()),
        Some(Respondent::Asn(taken.asn))
    );
    let screen = h.screen();
    assert!(screen.contains(&taken.name), "{screen}");
    assert!(
        screen.contains(&format!("{} · {instrument}", taken.program_code)),
        "{screen}"
    );
    assert_eq!(focused(&h), "TGL");

    // a again on the taken line gives it back.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('a'));
    assert!(
        h.store
            .worklist(
                &WorkFilter {
                    view: WorkView::All,
                    evaluator: Some(ME.into()),
                    ..WorkFilter::default()
                },
                test_today(),
            )
            .expect("worklist")
            .is_empty()
    );
}

#[test]
fn a_form_filled_from_the_worklist_leaves_the_due_view_and_shows_as_done() {
    let mut h = demo();
    h.press(KeyCode::Char('3'));
    // The first self-assessment on the list.
    let rows = worklist(&h).rows.clone().expect("rows");
    let index = rows
        .iter()
        .position(
            |w| matches!(&w.what, Work::Form { instrument, .. } if instrument == "DIRI-PERILAKU"),
        )
        .expect("a self-assessment due");
    let line = rows[index].clone();
    let Work::Form { phase, .. } = line.what else {
        unreachable!()
    };
    let objectives = h.store.objectives(line.program).expect("objectives").len();
    assert_eq!(objectives, 2, "{}", line.program_code);
    for _ in 0..index {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    assert_eq!(focused(&h), "TGL");
    // Date, two ratings each with an empty example, barriers, drivers, no note, save.
    h.type_str("20/11/2026\n4\n3\n6\n1\n\n");
    assert_eq!(focused(&h), "save", "{}", h.screen());
    h.press(KeyCode::Enter);
    let batch = Batch {
        program: Some(line.program),
        instrument: "DIRI-PERILAKU".into(),
        phase,
    };
    assert!(complete(&h.store, &batch, line.asn), "{}", h.screen());
    let answers = stored(&h.store, &batch, line.asn).expect("saved");
    let expected: BTreeMap<String, String> = [
        ("TGL", "2026-11-20"),
        ("T1", "4"),
        ("T2", "3"),
        ("HAMBATAN", "6"),
        ("PENDORONG", "1"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(answers, expected);
    // Back on the worklist: gone from the due view, among the done.
    h.press(KeyCode::Esc);
    let now = worklist(&h).rows.clone().expect("rows");
    assert_eq!(now.len(), rows.len() - 1);
    assert!(!now.iter().any(|w| w.what == line.what));
    h.type_str("ww");
    let done = worklist(&h).rows.clone().expect("rows");
    let it = done.iter().find(|w| w.what == line.what).expect("done now");
    assert_eq!(it.state, Due::Done);
}

#[test]
fn u_filters_the_worklist_by_unit_and_c_cancels_and_restores_a_line() {
    let mut h = demo();
    h.press(KeyCode::Char('3'));
    let due = worklist(&h).rows.clone().expect("rows");
    // u: the unit of the participant on the first line, chosen by name.
    let unit = due[0].opd.clone();
    let opd = h
        .store
        .opds()
        .expect("opds")
        .into_iter()
        .find(|o| o.opd.name == unit)
        .expect("the unit");
    h.press(KeyCode::Char('u'));
    h.type_str(&unit);
    h.press(KeyCode::Enter);
    assert_eq!(worklist(&h).filter.opd, Some(opd.opd.id));
    assert_eq!(worklist(&h).opd_name.as_deref(), Some(unit.as_str()));
    let of_unit = worklist(&h).rows.clone().expect("rows");
    let expected: Vec<WorkItem> = due.iter().filter(|w| w.opd == unit).cloned().collect();
    assert_eq!(of_unit, expected);
    assert!(!of_unit.is_empty() && of_unit.len() < due.len());
    let screen = h.screen();
    assert!(
        screen.contains(&format!("· {unit} (u)")) || screen.contains(&unit[..20]),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("{} baris", of_unit.len())),
        "{screen}"
    );
    h.press(KeyCode::Char('x'));
    assert_eq!(worklist(&h).rows.as_ref().expect("rows"), &due);

    // c: the first line is cancelled (after a yes) and leaves the due view; c in the full view restores
    // it without asking.
    let first = due[0].clone();
    h.press(KeyCode::Char('c'));
    assert!(
        matches!(h.state.modals.last(), Some(Modal::Confirm(_))),
        "cancelling asks first"
    );
    assert_eq!(worklist(&h).rows.as_ref().expect("rows"), &due);
    h.press(KeyCode::Char('y'));
    let now = worklist(&h).rows.clone().expect("rows");
    assert_eq!(now.len(), due.len() - 1);
    assert!(!now.iter().any(|w| w.what == first.what));
    let all = worklist_of(&h.store, WorkView::All);
    let cancelled = all.iter().find(|w| w.what == first.what).expect("kept");
    assert_eq!(cancelled.state, Due::Cancelled);
    h.type_str("www");
    assert_eq!(worklist(&h).filter.view, WorkView::All);
    let rows = worklist(&h).rows.clone().expect("rows");
    let at = rows
        .iter()
        .position(|w| w.what == first.what)
        .expect("listed");
    for _ in 0..at {
        h.press(KeyCode::Down);
    }
    assert_eq!(
        row_mark(&line_with(&h.screen(), "▶")),
        '×',
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('c'));
    let restored = worklist_of(&h.store, WorkView::All)
        .into_iter()
        .find(|w| w.what == first.what)
        .expect("kept");
    assert_eq!(restored.state, Due::Overdue);
    assert_eq!(worklist_of(&h.store, WorkView::Due), due);

    // An operator may fill forms in but not cancel them.
    let mut operator = Harness::new(demo_store(), Role::Operator);
    operator.press(KeyCode::Char('3'));
    operator.press(KeyCode::Char('c'));
    assert_eq!(notice(&operator), id(Msg::NotAllowed));
    assert_eq!(worklist_of(&operator.store, WorkView::Due).len(), due.len());
}

// ── 2. Observations: baseline and follow-up ──────────────────────────────────────────────────────────────

fn kom_batch(store: &Store, instrument: &str, phase: Phase) -> Batch {
    Batch {
        program: Some(program_id(store, KOM)),
        instrument: instrument.into(),
        phase,
    }
}

/// The observation items B01–B07 answered one key each.
fn behaviours(h: &mut Harness, keys: &str) {
    assert_eq!(keys.len(), 7);
    assert_eq!(focused(h), "B01");
    h.type_str(keys);
    assert_eq!(focused(h), "RUBRIK", "{}", h.screen());
}

/// Keys the baseline observation of `who`: refused dates first, an evidence note on B03, and a
/// two-line observer's note.
fn key_baseline(h: &mut Harness, nip: &str, who: AsnId) {
    open_entry(h, KOM, OBS, Phase::Pre);
    respondent(h, nip, who);
    let batch = kom_batch(&h.store, OBS, Phase::Pre);
    assert_eq!(focused(h), "TGL");
    // Not in the future, not after the training began (09/03/2026).
    date(h, "01/12/2026");
    assert_eq!(notice(h), id(Msg::EntryDateFuture));
    assert_eq!(focused(h), "TGL");
    date(h, "10/03/2026");
    assert_eq!(
        notice(h),
        Msg::EntryDateAfterStart.fill(Lang::Id, &[&"09/03/2026"])
    );
    assert_eq!(focused(h), "TGL");
    assert!(!draft_answers(&h.store, &batch, who).contains_key("TGL"));
    date(h, "02/03/2026");
    assert_eq!(focused(h), "PENGAMAT");
    h.type_str("Yuni Astuti\nLoket pengaduan\n");
    // F4 where there is no note to write.
    h.press(KeyCode::Up);
    assert_eq!(focused(h), "TEMPAT");
    h.press(KeyCode::F(4));
    assert_eq!(notice(h), id(Msg::EntryNoNote));
    h.press(KeyCode::Down);
    h.type_str("00");
    assert_eq!(focused(h), "B03");
    // The evidence note of B03: written in the editor, kept with Tab, the cursor stays.
    h.press(KeyCode::F(4));
    let editor = entry(h).editor.as_ref().expect("the editor is open");
    assert_eq!(editor.key, "B03.note");
    let screen = h.screen();
    assert!(
        screen.contains(&Msg::EditorNoteTitle.fill(Lang::Id, &[&"B03"])),
        "{screen}"
    );
    h.type_str("Langsung menjawab tanpa mengulang keluhan");
    assert_snapshot!("entry_evidence_note", h.screen());
    h.press(KeyCode::Tab);
    assert!(entry(h).editor.is_none());
    assert_eq!(focused(h), "B03");
    assert_eq!(
        draft_answers(&h.store, &batch, who)
            .get("B03.note")
            .map(String::as_str),
        Some("Langsung menjawab tanpa mengulang keluhan")
    );
    h.type_str("00191");
    assert_eq!(focused(h), "RUBRIK");
    // The evidence note is marked beside B03's answer.
    let b03 = line_with(&h.screen(), "B03 ");
    assert!(b03.contains("✎"), "{b03}");
    h.press(KeyCode::Char('2'));
    assert_eq!(focused(h), "CATATAN");
    // Typing opens the editor; Enter is a new line; Tab keeps the text and moves on.
    h.type_str("Belum mengulang pokok keluhan");
    assert!(entry(h).editor.is_some(), "{}", h.screen());
    h.press(KeyCode::Enter);
    h.type_str("Register pengaduan belum dipakai");
    assert!(entry(h).editor.is_some());
    h.press(KeyCode::Tab);
    assert!(entry(h).editor.is_none());
    assert_eq!(focused(h), "save");
    // (Item codes get five columns: "CATA…".)
    let catatan = line_with(&h.screen(), "Catatan pengamat");
    assert!(
        catatan.contains(&Msg::EntryLines.fill(Lang::Id, &[&2])),
        "{catatan}"
    );
    // F2 reopens it on the text; Esc drops what was typed since.
    h.press(KeyCode::Up);
    assert_eq!(focused(h), "CATATAN");
    h.press(KeyCode::F(2));
    h.type_str(" (dibuang)");
    h.press(KeyCode::Esc);
    assert!(entry(h).editor.is_none());
    assert_eq!(entry(h).stage, Stage::Items, "Esc closes the editor only");
    h.press(KeyCode::Enter);
    assert_eq!(focused(h), "save");
    h.press(KeyCode::Enter);
    assert!(complete(&h.store, &batch, who), "{}", h.screen());
    leave_entry(h);
}

/// Keys the first follow-up of `who`: a day before the training ended is refused, an evidence note on
/// B01, no observer's note.
fn key_followup(h: &mut Harness, nip: &str, who: AsnId) {
    open_entry(h, KOM, OBS, Phase::F1);
    respondent(h, nip, who);
    date(h, "01/12/2026");
    assert_eq!(notice(h), id(Msg::EntryDateFuture));
    date(h, "11/03/2026");
    assert_eq!(
        notice(h),
        Msg::EntryDateBeforeEnd.fill(Lang::Id, &[&"12/03/2026"])
    );
    assert_eq!(focused(h), "TGL");
    // The last day of the training itself is allowed.
    date(h, "12/03/2026");
    assert_eq!(focused(h), "PENGAMAT");
    h.press(KeyCode::Up);
    date(h, "15/04/2026");
    h.type_str("Yuni Astuti\n\n");
    h.press(KeyCode::F(4));
    h.type_str("Menyapa pelapor dan memperkenalkan diri");
    h.press(KeyCode::F(2));
    assert_eq!(focused(h), "B01");
    // 1 1 1 0 1 9 0: three better, two the same, one not applicable, one worse.
    behaviours(h, "1110190");
    h.press(KeyCode::Char('3'));
    // An empty observer's note costs one key.
    assert_eq!(focused(h), "CATATAN");
    h.press(KeyCode::Enter);
    assert_eq!(focused(h), "save");
    h.press(KeyCode::Enter);
    assert!(complete(
        &h.store,
        &kom_batch(&h.store, OBS, Phase::F1),
        who
    ));
    leave_entry(h);
}

#[test]
fn a_baseline_and_a_follow_up_observation_show_side_by_side_with_the_change() {
    let mut h = demo();
    let (who, nip, _name) = kom_without_forms(&h.store);
    key_baseline(&mut h, &nip, who);
    key_followup(&mut h, &nip, who);

    // The store: what was typed, the two-line note with its line break, the notes beside their items.
    let base = stored(&h.store, &kom_batch(&h.store, OBS, Phase::Pre), who).expect("baseline");
    let expected: BTreeMap<String, String> = [
        ("TGL", "2026-03-02"),
        ("PENGAMAT", "Yuni Astuti"),
        ("TEMPAT", "Loket pengaduan"),
        ("B01", "0"),
        ("B02", "0"),
        ("B03", "0"),
        ("B03.note", "Langsung menjawab tanpa mengulang keluhan"),
        ("B04", "0"),
        ("B05", "1"),
        ("B06", "9"),
        ("B07", "1"),
        ("RUBRIK", "2"),
        (
            "CATATAN",
            "Belum mengulang pokok keluhan\nRegister pengaduan belum dipakai",
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(base, expected);
    let follow = stored(&h.store, &kom_batch(&h.store, OBS, Phase::F1), who).expect("follow-up");
    assert_eq!(follow.get("TGL").map(String::as_str), Some("2026-04-15"));
    assert_eq!(
        follow.get("B01.note").map(String::as_str),
        Some("Menyapa pelapor dan memperkenalkan diri")
    );
    assert!(!follow.contains_key("TEMPAT"));
    assert!(!follow.contains_key("CATATAN"));
    let forms = h
        .store
        .person_forms(program_id(&h.store, KOM), who)
        .expect("forms");
    assert_eq!(
        forms
            .iter()
            .map(|f| (f.instrument.as_str(), f.phase))
            .collect::<Vec<_>>(),
        vec![(OBS, Phase::Pre), (OBS, Phase::F1)]
    );

    // The participant's page.
    open_participant(&mut h, KOM, who);
    assert_eq!(participant(&h).section, Section::Behaviour);
    let screen = h.screen();
    let heads = line_with(&screen, "Awal");
    for head in ["Awal", "TL1", "TL2", "TL3", "Hasil"] {
        assert!(heads.contains(head), "{heads}");
    }
    assert!(
        screen.contains(&format!(
            "{OBS} · Observasi komunikasi dan penanganan pengaduan"
        )),
        "{screen}"
    );
    let def = h
        .store
        .instrument(OBS)
        .expect("query")
        .expect("instrument")
        .definition;
    let row = |code: &str| {
        let text = &def
            .items
            .iter()
            .find(|i| i.code.as_str() == code)
            .expect("item")
            .text;
        let start: String = text.chars().take(30).collect();
        cells(&line_with(&screen, &start))
    };
    let expect = |code: &str, base: &str, tl1: &str, mark: &str| {
        let (_, values, m) = row(code);
        assert_eq!(values, vec![base, tl1, "·", "·", "·"], "{code}:\n{screen}");
        assert_eq!(m, mark, "{code}:\n{screen}");
    };
    expect("B01", "tidak", "ya", "▲");
    expect("B02", "tidak", "ya", "▲");
    expect("B03", "tidak", "ya", "▲");
    expect("B04", "tidak", "tidak", "=");
    expect("B05", "ya", "ya", "=");
    // Not applicable: no change can be told.
    expect("B06", "–", "–", "");
    expect("B07", "ya", "tidak", "▼");
    expect("RUBRIK", "2", "3", "▲");
    // Behaviours observed, of those applicable: 2 of 6 at the baseline, 4 of 6 at the follow-up.
    let (_, observed, _) = cells(&line_with(&screen, id(Msg::PartObserved)));
    assert_eq!(observed, vec!["33%", "67%", "·", "·", "·"], "{screen}");
    let (_, rubric, _) = cells(&line_with(&screen, "Rubrik rata-rata"));
    assert_eq!(rubric, vec!["2,0", "3,0", "·", "·", "·"], "{screen}");
    // Notes, latest first; the observer's note on one line.
    let notes: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Tindak lanjut 1 B01:") || l.contains("Sebelum (pre)"))
        .collect();
    assert_eq!(notes.len(), 3, "{screen}");
    assert!(notes[0].contains("Tindak lanjut 1 B01: Menyapa pelapor dan memperkenalkan diri"));
    assert!(notes[1].contains("Sebelum (pre) B03: Langsung menjawab tanpa mengulang keluhan"));
    assert!(
        notes[2].contains(
            "Sebelum (pre): Belum mengulang pokok keluhan Register pengaduan belum dipakai"
        )
    );
    assert_snapshot!("participant_new_observations", screen);
}

// ── 3. The supervisor interview ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_supervisor_interview_lists_ratings_per_objective_barriers_and_notes() {
    let mut h = demo();
    let kom = program_id(&h.store, KOM);
    let objectives: Vec<String> = h
        .store
        .objectives(kom)
        .expect("objectives")
        .into_iter()
        .map(|o| o.text)
        .collect();
    // The demo program has two objectives; the guide asks about up to five.
    assert_eq!(objectives.len(), 2);
    let (who, nip, _) = kom_without_forms(&h.store);
    let batch = kom_batch(&h.store, INTERVIEW, Phase::F1);
    open_entry(&mut h, KOM, INTERVIEW, Phase::F1);
    respondent(&mut h, &nip, who);
    date(&mut h, "11/03/2026");
    assert_eq!(
        notice(&h),
        Msg::EntryDateBeforeEnd.fill(Lang::Id, &[&"12/03/2026"])
    );
    date(&mut h, "20/04/2026");
    h.type_str("Hendra Saputra\nKepala Seksi Pengaduan\n");
    // T1 asks about the program's first objective, in its own words.
    assert_eq!(focused(&h), "T1");
    let screen = h.screen();
    assert!(
        screen.contains(&format!("T1 {}", objectives[0])),
        "{screen}"
    );
    assert!(!screen.contains("tujuan pelatihan ke-1"), "{screen}");
    h.press(KeyCode::Char('3'));
    assert_eq!(focused(&h), "T1C");
    let first_page = h.screen();
    assert!(
        first_page.contains("Contoh perilaku yang terlihat — Peserta menangani"),
        "{first_page}"
    );
    h.type_str("Mencatat setiap pengaduan di register\n");
    h.press(KeyCode::Char('4'));
    h.press(KeyCode::Enter);
    // Objectives 3 to 5 do not exist: their items are passed over and shown as skipped.
    assert_eq!(focused(&h), "HAMBATAN", "{}", h.screen());
    let screen = h.screen();
    for code in ["T3", "T4", "T5"] {
        let line = line_with(&screen, &format!("  {code}  "));
        assert!(line.contains(id(Msg::EntrySkippedMark)), "{line}");
    }
    // The first two objectives exist: asked, on the form's first page.
    for code in ["T1 ", "T2 "] {
        let line = line_with(&first_page, &format!("  {code}"));
        assert!(!line.contains(id(Msg::EntrySkippedMark)), "{line}");
    }
    assert_snapshot!("interview_objectives_skipped", screen);
    // Several barriers in one field.
    h.type_str("1;4\n");
    assert_eq!(focused(&h), "PENDORONG", "{}", h.screen());
    h.type_str("3\n");
    assert_eq!(focused(&h), "DUKUNGAN", "{}", h.screen());
    h.press(KeyCode::Char('2'));
    assert_eq!(focused(&h), "CATATAN");
    let note = [
        "Atasan menilai pencatatan pengaduan sudah rutin dilakukan setiap hari kerja di loket.",
        "Tenggat jawaban kepada pelapor belum selalu disampaikan.",
        "Disepakati mentoring dua kali sebulan oleh kepala seksi.",
    ];
    h.type_str(&note.join("\n"));
    // Ctrl-S in the editor keeps the text; the form itself is saved on the save line.
    h.ctrl('s');
    assert!(entry(&h).editor.is_none());
    assert_eq!(focused(&h), "save", "{}", h.screen());
    assert!(!complete(&h.store, &batch, who));
    assert_eq!(
        draft_answers(&h.store, &batch, who).get("CATATAN"),
        Some(&note.join("\n"))
    );
    h.press(KeyCode::Enter);
    assert!(complete(&h.store, &batch, who), "{}", h.screen());

    let answers = stored(&h.store, &batch, who).expect("saved");
    let expected: BTreeMap<String, String> = [
        ("TGL", "2026-04-20"),
        ("PEWAWANCARA", "Hendra Saputra"),
        ("ATASAN", "Kepala Seksi Pengaduan"),
        ("T1", "3"),
        ("T1C", "Mencatat setiap pengaduan di register"),
        ("T2", "4"),
        ("HAMBATAN", "1;4"),
        ("PENDORONG", "3"),
        ("DUKUNGAN", "2"),
        ("CATATAN", &note.join("\n")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(answers, expected);
    leave_entry(&mut h);

    open_participant(&mut h, KOM, who);
    // No observation: the behaviour section says so.
    assert!(
        h.screen().contains(id(Msg::PartNoObservation)),
        "{}",
        h.screen()
    );
    section(&mut h, Section::Supervisor);
    let screen = h.screen();
    assert_snapshot!("participant_new_interview", screen);
    let heads = line_with(&screen, "Diri");
    for head in ["TL1", "TL2", "TL3", "Hasil", "Diri"] {
        assert!(heads.contains(head), "{heads}");
    }
    assert!(screen.contains(id(Msg::PartRatingHead)), "{screen}");
    // One line per objective of the program, with its own text and the rating at TL1.
    let ratings: Vec<(String, Vec<String>, String)> = screen
        .lines()
        .filter(|l| {
            let t = l.trim_start_matches(['▶', ' ']);
            t.starts_with(|c: char| c.is_ascii_digit()) && t.chars().nth(1) == Some('.')
        })
        .map(cells)
        .collect();
    assert_eq!(ratings.len(), objectives.len(), "{screen}");
    for (n, ((label, values, _), (objective, rating))) in ratings
        .iter()
        .zip(objectives.iter().zip(["3", "4"]))
        .enumerate()
    {
        let full = format!("{}. {objective}", n + 1);
        let shown = label.trim_end_matches('…');
        assert!(full.starts_with(shown), "{label} / {full}");
        assert!(shown.chars().count() >= 30, "{label}");
        assert_eq!(values, &vec![rating, "·", "·", "·", "·"], "{screen}");
    }
    // Barriers and drivers by name, with the phase they were named in.
    let after = |head: Msg| -> Vec<String> {
        screen
            .lines()
            .skip_while(|l| !l.contains(id(head)))
            .skip(1)
            .take_while(|l| l.trim_start().starts_with('•'))
            .map(|l| l.trim().to_string())
            .collect()
    };
    assert_eq!(
        after(Msg::PartBarriers),
        vec![
            "• Tidak ada dukungan dari atasan (Tindak lanjut 1)",
            "• Beban kerja tinggi (Tindak lanjut 1)"
        ],
        "{screen}"
    );
    assert_eq!(
        after(Msg::PartDrivers),
        vec!["• Tindak lanjut/monitoring setelah pelatihan (Tindak lanjut 1)"],
        "{screen}"
    );
    // The interview note, line by line (cut at the width of the screen).
    let lines: Vec<String> = screen
        .lines()
        .skip_while(|l| !l.contains(&Msg::PartNoteOf.fill(Lang::Id, &[&"Tindak lanjut 1"])))
        .skip(1)
        .take(3)
        .map(|l| l.trim().to_string())
        .collect();
    assert_eq!(lines.len(), 3, "{screen}");
    for (shown, written) in lines.iter().zip(note) {
        let shown = shown.trim_end_matches('…');
        assert!(written.starts_with(shown), "{shown} / {written}");
    }
    assert_eq!(lines[1], note[1]);
    assert_eq!(lines[2], note[2]);
}

// ── 4. Follow-up actions ─────────────────────────────────────────────────────────────────────────────────

/// A new step on the selected action: title, due date, Ctrl-S.
fn add_step(h: &mut Harness, title: &str, due: &str) {
    h.press(KeyCode::Char('t'));
    assert!(
        matches!(h.state.top(), Some(Screen::StepForm(_))),
        "{}",
        h.screen()
    );
    h.type_str(title);
    h.press(KeyCode::Tab);
    h.type_str(due);
    h.ctrl('s');
    participant(h);
}

/// Selects a line of the participant page.
fn select(h: &mut Harness, index: usize) {
    h.press(KeyCode::Home);
    for _ in 0..index {
        h.press(KeyCode::Down);
    }
    assert_eq!(participant(h).scroll.selected, index);
}

#[test]
fn an_aksi_perubahan_with_steps_is_followed_on_the_worklist_and_closed_with_its_outcome() {
    let mut h = demo();
    let kom = program_id(&h.store, KOM);
    let (who, _, name) = kom_without_forms(&h.store);
    open_participant(&mut h, KOM, who);
    section(&mut h, Section::Actions);
    assert!(
        h.screen().contains("Belum ada aksi tindak lanjut"),
        "{}",
        h.screen()
    );
    // n: somewhere else, refused with a pointer to the right section.
    h.press(KeyCode::BackTab);
    h.press(KeyCode::Char('n'));
    assert_eq!(notice(&h), id(Msg::PartNewOnlyActions));
    section(&mut h, Section::Actions);
    // t and space need an action or a step.
    h.press(KeyCode::Char('t'));
    assert_eq!(notice(&h), id(Msg::PartChooseAction));
    h.press(KeyCode::Char(' '));
    assert_eq!(notice(&h), id(Msg::PartChooseStep));

    h.press(KeyCode::Char('n'));
    assert!(
        matches!(h.state.top(), Some(Screen::ActionForm(_))),
        "{}",
        h.screen()
    );
    assert!(h.screen().contains(&name), "{}", h.screen());
    // The kind by its first letter, then a title; no owner yet.
    h.press(KeyCode::Char('a'));
    h.press(KeyCode::Tab);
    h.type_str("Register digital");
    h.ctrl('s');
    let required = id(Msg::ProblemRequired);
    assert_eq!(
        notice(&h),
        Msg::FormHasErrors.fill(Lang::Id, &[&1, &required])
    );
    assert!(matches!(h.state.top(), Some(Screen::ActionForm(_))));
    // The cursor goes to the owner, which says why.
    let owner_line = line_with(&h.screen(), id(Msg::ActionOwner));
    assert!(owner_line.contains(required), "{}", h.screen());
    assert!(owner_line.starts_with('▶'), "{}", h.screen());
    assert!(h.store.actions(kom, who).expect("actions").is_empty());
    h.type_str("Kasi Pelayanan");
    h.press(KeyCode::Tab);
    h.type_str("Widyaiswara BPSDM");
    h.ctrl('s');
    participant(&h);
    let actions = h.store.actions(kom, who).expect("actions");
    assert_eq!(actions.len(), 1);
    let action = &actions[0];
    assert_eq!(action.input.kind, ActionKind::AksiPerubahan);
    assert_eq!(action.input.title, "Register digital");
    assert_eq!(action.input.owner, "Kasi Pelayanan");
    assert_eq!(action.input.coach, "Widyaiswara BPSDM");
    assert_eq!(action.status, ActionStatus::Open);
    assert_eq!((action.closed_on, action.outcome.as_str()), (None, ""));

    // Steps: one overdue already, one this week, one removed again.
    select(&mut h, 0);
    add_step(&mut h, "Rancangan alur pengaduan", "20/11/2026");
    select(&mut h, 0);
    add_step(&mut h, "Uji coba di loket", "03/12/2026");
    select(&mut h, 0);
    add_step(&mut h, "Langkah yang salah", "31/12/2026");
    let steps = h.store.actions(kom, who).expect("actions")[0].steps.clone();
    assert_eq!(
        steps
            .iter()
            .map(|s| (s.title.as_str(), s.due, s.done_on))
            .collect::<Vec<_>>(),
        vec![
            ("Rancangan alur pengaduan", day(2026, 11, 20), None),
            ("Uji coba di loket", day(2026, 12, 3), None),
            ("Langkah yang salah", day(2026, 12, 31), None),
        ]
    );
    select(&mut h, 3);
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('y'));
    let steps = h.store.actions(kom, who).expect("actions")[0].steps.clone();
    assert_eq!(steps.len(), 2);
    let screen = h.screen();
    // (A short title and owner, so that the status and the steps fit in 80 columns.)
    let head = line_with(&screen, "langkah: Register");
    assert!(
        head.contains("Aksi perubahan · Berjalan · 0/2 langkah: Register digital · Kasi Pelayanan"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Rancangan alur pengaduan")
            .contains("· 20/11/2026 Rancangan alur pengaduan (terlambat)"),
        "{screen}"
    );
    assert!(
        !line_with(&screen, "Uji coba di loket").contains("terlambat"),
        "{screen}"
    );

    // The worklist: the overdue step and the one due this week.
    let due = worklist_of(&h.store, WorkView::Due);
    let step_state = |rows: &[WorkItem], id: i64| {
        rows.iter()
            .find(|w| matches!(w.what, Work::Step { id: s, .. } if s == id))
            .map(|w| w.state)
    };
    assert_eq!(step_state(&due, steps[0].id), Some(Due::Overdue));
    assert_eq!(step_state(&due, steps[1].id), Some(Due::ThisWeek));
    h.press(KeyCode::Char('3'));
    let screen = h.screen();
    let overdue = due.iter().filter(|w| w.state == Due::Overdue).count();
    assert!(
        screen.contains(&format!(
            "{} baris · {overdue} terlambat · 1 minggu ini",
            due.len()
        )),
        "{screen}"
    );
    let rows = worklist(&h).rows.clone().expect("rows");
    let at = rows
        .iter()
        .position(|w| matches!(w.what, Work::Step { id, .. } if id == steps[0].id))
        .expect("the overdue step is listed");
    assert_eq!(rows[at].asn, who);
    for _ in 0..at {
        h.press(KeyCode::Down);
    }
    let row = line_with(&h.screen(), "▶");
    assert!(row.contains("! 20/11/2026 KOM-2026-01"), "{row}");
    assert!(row.contains("Aksi perubahan: "), "{row}");
    // a is for forms only; p goes to the participant's page.
    h.press(KeyCode::Char('a'));
    assert_eq!(notice(&h), id(Msg::WorkOnlyForms));
    h.press(KeyCode::Char('p'));
    assert_eq!(participant(&h).asn, who);
    section(&mut h, Section::Actions);

    // Space marks the second step done today.
    select(&mut h, 2);
    h.press(KeyCode::Char(' '));
    let steps = h.store.actions(kom, who).expect("actions")[0].steps.clone();
    assert_eq!(steps[1].done_on, Some(test_today()));
    assert_eq!(steps[0].done_on, None);
    assert!(
        line_with(&h.screen(), "langkah: Register").contains("1/2 langkah"),
        "{}",
        h.screen()
    );
    assert!(
        line_with(&h.screen(), "Uji coba di loket").contains("✓ 03/12/2026"),
        "{}",
        h.screen()
    );
    assert_snapshot!("participant_new_action", h.screen());

    // s: done needs an outcome.
    h.press(KeyCode::Char('s'));
    assert!(
        matches!(h.state.top(), Some(Screen::CloseActionForm(_))),
        "{}",
        h.screen()
    );
    h.ctrl('s');
    assert_eq!(
        notice(&h),
        Msg::FormHasErrors.fill(Lang::Id, &[&1, &id(Msg::ActionOutcomeNeeded)])
    );
    assert!(h.screen().contains(id(Msg::ActionOutcomeNeeded)));
    let action = h.store.actions(kom, who).expect("actions")[0].clone();
    assert_eq!(action.status, ActionStatus::Open);
    assert!(
        line_with(&h.screen(), id(Msg::ActionOutcome)).starts_with('▶'),
        "{}",
        h.screen()
    );
    h.type_str("Register dipakai di dua kelurahan");
    h.ctrl('s');
    participant(&h);
    let action = h.store.actions(kom, who).expect("actions")[0].clone();
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.outcome, "Register dipakai di dua kelurahan");
    assert_eq!(action.closed_on, Some(test_today()));
    assert!(
        line_with(&h.screen(), "langkah: Register").contains("· Selesai ·"),
        "{}",
        h.screen()
    );
    // A closed action's steps are off the due list and among the done.
    let due = worklist_of(&h.store, WorkView::Due);
    assert_eq!(step_state(&due, steps[0].id), None);
    let done = worklist_of(&h.store, WorkView::Done);
    assert_eq!(step_state(&done, steps[0].id), Some(Due::Done));
    assert_eq!(step_state(&done, steps[1].id), Some(Due::Done));
}

// ── 5. Planning follow-ups when a program ends ───────────────────────────────────────────────────────────

/// The planned forms of a program: (person, instrument, phase, due).
fn planned(store: &Store, program: ProgramId) -> Vec<(AsnId, String, Phase, NaiveDate)> {
    let mut out: Vec<_> = store
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
                instrument, phase, ..
            } => Some((w.asn, instrument, phase, w.due)),
            Work::Step { .. } => None,
        })
        .collect();
    out.sort_by(|a, b| (a.0.0, &a.1, a.3).cmp(&(b.0.0, &b.1, b.3)));
    out
}

#[test]
fn a_finished_program_plans_follow_ups_for_everyone_who_did_not_withdraw() {
    let mut h = demo();
    let code = "PRAKOM-2026-01";
    let prakom = program_id(&h.store, code);
    let roster = h.store.roster(prakom).expect("roster");
    assert!(roster.len() >= 3, "{}", roster.len());
    assert!(
        planned(&h.store, prakom).is_empty(),
        "planned before it ends"
    );
    // One participant withdraws before the end.
    let gone = roster[1].clone();
    let mut data = gone.data.clone();
    data.completion = Some(Completion::MengundurkanDiri);
    h.store
        .update_enrollment(gone.id, gone.stamp.version, &data)
        .expect("withdrawn");

    // The program ends on 11/12/2026 and is marked finished.
    let program = h.store.program(prakom).expect("program");
    assert_eq!(program.data.end, day(2026, 12, 11));
    let mut input = program.data.clone();
    input.status = ProgramStatus::Selesai;
    h.store
        .update_program(prakom, program.stamp.version, &input)
        .expect("finished");

    // No checklist was chosen: the service one (the program is about IT services, neither leadership,
    // time nor complaints), the supervisor interview and the self-assessment.
    let plan = h.store.followup_plan(prakom).expect("plan");
    assert_eq!(plan.observation.as_deref(), Some("OBS-PELAYANAN"));
    assert_eq!(plan.interview.as_deref(), Some(INTERVIEW));
    assert_eq!(plan.self_report.as_deref(), Some("DIRI-PERILAKU"));
    // Each at 30, 60 and 90 days after the end; the interview again at 180 days.
    let f1 = day(2027, 1, 10);
    let f2 = day(2027, 2, 9);
    let f3 = day(2027, 3, 11);
    let m6 = day(2027, 6, 9);
    let mut per_person: Vec<(String, Phase, NaiveDate)> = Vec::new();
    for (phase, due) in [(Phase::F1, f1), (Phase::F2, f2), (Phase::F3, f3)] {
        for instrument in ["OBS-PELAYANAN", INTERVIEW, "DIRI-PERILAKU"] {
            per_person.push((instrument.to_string(), phase, due));
        }
    }
    per_person.push((INTERVIEW.to_string(), Phase::M6, m6));
    per_person.sort_by(|a, b| (&a.0, a.2).cmp(&(&b.0, b.2)));
    let mut expected: Vec<(AsnId, String, Phase, NaiveDate)> = roster
        .iter()
        .filter(|r| r.asn != gone.asn)
        .flat_map(|r| {
            per_person
                .iter()
                .map(move |(i, p, d)| (r.asn, i.clone(), *p, *d))
        })
        .collect();
    expected.sort_by(|a, b| (a.0.0, &a.1, a.3).cmp(&(b.0.0, &b.1, b.3)));
    let first = planned(&h.store, prakom);
    assert_eq!(first.len(), 10 * (roster.len() - 1));
    assert_eq!(first, expected);
    assert!(!first.iter().any(|p| p.0 == gone.asn));
    // Nothing of it is due yet, and nobody has taken it.
    let all = h
        .store
        .worklist(
            &WorkFilter {
                view: WorkView::All,
                program: Some(prakom),
                ..WorkFilter::default()
            },
            test_today(),
        )
        .expect("worklist");
    assert!(
        all.iter()
            .all(|w| w.state == Due::Later && w.evaluator.is_none())
    );

    // Planning again adds nothing: through the store, a second status change, and j on the program page.
    assert_eq!(h.store.plan_followups(prakom).expect("plan"), 0);
    let program = h.store.program(prakom).expect("program");
    let mut input = program.data.clone();
    input.status = ProgramStatus::Dievaluasi;
    h.store
        .update_program(prakom, program.stamp.version, &input)
        .expect("evaluated");
    assert_eq!(planned(&h.store, prakom), first);
    open_program(&mut h, code);
    h.press(KeyCode::Char('t'));
    assert!(
        matches!(h.state.modals.last(), Some(Modal::Confirm(_))),
        "planning follow-ups asks first"
    );
    h.press(KeyCode::Char('y'));
    assert_eq!(notice(&h), Msg::FollowupsPlanned.fill(Lang::Id, &[&0]));
    assert_eq!(planned(&h.store, prakom), first);

    // The participant's schedule lists their ten.
    let stayed = roster[0].asn;
    open_participant(&mut h, code, stayed);
    section(&mut h, Section::Schedule);
    let screen = h.screen();
    let lines: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(id(Msg::DueLater)))
        .collect();
    assert_eq!(lines.len(), 10, "{screen}");
    assert!(lines[0].contains("10/01/2027"), "{screen}");
    assert!(
        line_with(&screen, "09/06/2027").contains(&format!("{INTERVIEW} Hasil")),
        "{screen}"
    );
}

// ── 6. A demo participant's page ─────────────────────────────────────────────────────────────────────────

/// "ya"/"tidak"/"–" as the page shows a yes/no answer.
fn yes_no(v: Option<&String>) -> &'static str {
    match v.map(String::as_str) {
        Some("1") => "ya",
        Some("0") => "tidak",
        Some("9") => "–",
        None => "·",
        Some(_) => "?",
    }
}

#[test]
fn the_first_followed_up_participant_of_kom_shows_change_ratings_and_schedule() {
    let mut h = demo();
    let kom = program_id(&h.store, KOM);
    // The first of the ten the demo follows up: observed, interviewed, and assessed themself.
    let who = followed_up(&h.store, KOM)[0];
    let forms = h.store.person_forms(kom, who).expect("forms");
    let form = |instrument: &str, phase: Phase| {
        forms
            .iter()
            .find(|f| f.instrument == instrument && f.phase == phase)
            .unwrap_or_else(|| panic!("no {instrument} {phase:?}"))
    };
    let base = form(OBS, Phase::Pre);
    let f1 = form(OBS, Phase::F1);
    let f2 = form(OBS, Phase::F2);
    open_participant(&mut h, KOM, who);
    let screen = h.screen();
    assert_snapshot!("participant_demo_behaviour", screen);
    // At the baseline every third behaviour was seen (B01, B04, B07); at the first follow-up all seven.
    for (i, code) in ["B01", "B02", "B03", "B04", "B05", "B06", "B07"]
        .iter()
        .enumerate()
    {
        let text = &f1
            .definition
            .items
            .iter()
            .find(|it| it.code.as_str() == *code)
            .expect("item")
            .text;
        let start: String = text.chars().take(30).collect();
        let (_, values, mark) = cells(&line_with(&screen, &start));
        let at_base = if i % 3 == 0 { "ya" } else { "tidak" };
        assert_eq!(values[0], at_base, "{code}:\n{screen}");
        assert_eq!(yes_no(base.answers.get(*code)), at_base);
        assert_eq!(values[1], "ya", "{code}:\n{screen}");
        assert_eq!(values[2], yes_no(f2.answers.get(*code)), "{code}");
        assert_eq!(&values[3..], ["·", "·"]);
        // The change from the baseline to the latest follow-up (the second).
        let expected = match (values[0].as_str(), values[2].as_str()) {
            ("tidak", "ya") => "▲",
            ("ya", "tidak") => "▼",
            _ => "=",
        };
        assert_eq!(mark, expected, "{code}:\n{screen}");
    }
    let (_, rubric, mark) = cells(&line_with(&screen, "Kualitas penanganan pengaduan"));
    assert_eq!(&rubric[..3], ["2", "3", "4"], "{screen}");
    assert_eq!(mark, "▲");
    let yes_of = |f: &tilik::store::followup::PersonForm| {
        (1..=7)
            .filter(|i| f.answers.get(&format!("B0{i}")).map(String::as_str) == Some("1"))
            .count()
    };
    let share = |f| format!("{:.0}%", 100.0 * yes_of(f) as f64 / 7.0);
    let (_, observed, _) = cells(&line_with(&screen, id(Msg::PartObserved)));
    assert_eq!(observed[0], "43%");
    assert_eq!(observed[1], "100%");
    assert_eq!(
        observed[..3],
        [share(base), share(f1), share(f2)],
        "{screen}"
    );
    // The evidence note on B03, latest first.
    let notes: Vec<&str> = screen.lines().filter(|l| l.contains(" B03: ")).collect();
    assert_eq!(notes.len(), 2, "{screen}");
    assert!(notes[0].contains("Tindak lanjut 2 B03: Mengulang inti keluhan"));
    assert!(notes[1].contains("Tindak lanjut 1 B03: Mengulang inti keluhan"));

    // The atasan at the first follow-up and the participant's own view, per objective.
    section(&mut h, Section::Supervisor);
    let screen = h.screen();
    assert_snapshot!("participant_demo_supervisor", screen);
    let interview = form(INTERVIEW, Phase::F1);
    let own = form("DIRI-PERILAKU", Phase::F1);
    let objectives = h.store.objectives(kom).expect("objectives");
    for (n, o) in objectives.iter().enumerate() {
        let start: String = format!("{}. {}", n + 1, o.text).chars().take(30).collect();
        let (_, values, _) = cells(&line_with(&screen, &start));
        let code = format!("T{}", n + 1);
        assert_eq!(
            values,
            vec![
                interview.answers[&code].as_str(),
                "·",
                "·",
                "·",
                own.answers[&code].as_str()
            ],
            "{screen}"
        );
    }
    assert_eq!(interview.answers["T1"], "4");
    assert_eq!(own.answers["T1"], "4");
    // "No barrier", said by the atasan and by the participant.
    assert!(
        screen.contains("• Tidak ada hambatan (Tindak lanjut 1, Diri)"),
        "{screen}"
    );
    assert!(
        screen.contains("• Mentoring oleh atasan (Tindak lanjut 1)"),
        "{screen}"
    );
    assert!(
        screen.contains("Perubahan terlihat sejak minggu kedua setelah pelatihan."),
        "{screen}"
    );

    section(&mut h, Section::Actions);
    assert!(
        h.screen().contains("Belum ada aksi tindak lanjut"),
        "{}",
        h.screen()
    );

    // The schedule: what came in is done; what was missed long ago was given up.
    section(&mut h, Section::Schedule);
    let screen = h.screen();
    assert_snapshot!("participant_demo_schedule", screen);
    let work = h
        .store
        .participant(kom, who, test_today())
        .expect("participant")
        .work;
    assert_eq!(work.len(), 10);
    let done = work
        .iter()
        .filter(|w| match &w.what {
            Work::Form {
                instrument, phase, ..
            } => forms
                .iter()
                .any(|f| &f.instrument == instrument && f.phase == *phase),
            Work::Step { .. } => false,
        })
        .count();
    // Observation, interview and self-assessment at TL1, the observation at TL2.
    assert_eq!(done, 4);
    let count = |label: Msg| {
        screen
            .lines()
            .filter(|l| l.contains(&format!(" {} ", id(label))))
            .count()
    };
    assert_eq!(count(Msg::DueDone), done, "{screen}");
    assert_eq!(count(Msg::DueCancelled), 10 - done, "{screen}");
    assert!(
        line_with(&screen, "11/04/2026 Selesai").contains(&format!("{OBS} TL1")),
        "{screen}"
    );
    // Enter on a form that is in says so; on one given up, it opens that form for this participant.
    select(&mut h, 0);
    h.press(KeyCode::Enter);
    assert_eq!(notice(&h), id(Msg::WorkAlreadyDone));
    participant(&h);
    let (at, missed) = work
        .iter()
        .enumerate()
        .find(|(_, w)| w.state == Due::Cancelled)
        .expect("a follow-up given up");
    let Work::Form {
        instrument, phase, ..
    } = &missed.what
    else {
        panic!("a form: {missed:?}");
    };
    select(&mut h, at);
    h.press(KeyCode::Enter);
    let e = entry(&h);
    assert_eq!(
        e.batch,
        Batch {
            program: Some(kom),
            instrument: instrument.clone(),
            phase: *phase,
        }
    );
    assert_eq!(
        e.respondent.as_ref().map(|(r, _)| r.clone()),
        Some(Respondent::Asn(who))
    );
}

#[test]
fn a_participant_without_change_has_barriers_named_and_a_mentoring_action() {
    let mut h = demo();
    let kom = program_id(&h.store, KOM);
    // The fourth of the ten shows no change; the atasan names no support and the workload.
    let who = followed_up(&h.store, KOM)[3];
    open_participant(&mut h, KOM, who);
    section(&mut h, Section::Supervisor);
    let screen = h.screen();
    assert_snapshot!("participant_demo_no_change_supervisor", screen);
    let (_, values, _) = cells(&line_with(&screen, "1. Peserta menangani"));
    assert_eq!(values, vec!["1", "·", "·", "·", "·"], "{screen}");
    assert!(
        screen.contains("• Tidak ada dukungan dari atasan (Tindak lanjut 1)"),
        "{screen}"
    );
    assert!(
        screen.contains("• Beban kerja tinggi (Tindak lanjut 1)"),
        "{screen}"
    );

    section(&mut h, Section::Actions);
    let screen = h.screen();
    assert_snapshot!("participant_demo_actions", screen);
    let actions = h.store.actions(kom, who).expect("actions");
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].input.kind, ActionKind::Mentoring);
    assert!(
        screen
            .contains("Mentoring oleh atasan · Berjalan · 0/2 langkah: Mentoring penerapan hasil"),
        "{screen}"
    );
    // Two sessions, ten and twenty-four days from today, neither late.
    for (title, due) in [
        ("Sesi mentoring pertama", "10/12/2026"),
        ("Sesi mentoring kedua", "24/12/2026"),
    ] {
        let line = line_with(&screen, title);
        assert!(line.contains(&format!("· {due} {title}")), "{line}");
        assert!(!line.contains("terlambat"), "{line}");
    }
}

// ── Bugs ─────────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn enter_on_a_worklist_line_opens_that_persons_form_even_with_a_draft_of_another() {
    let mut h = demo();
    h.press(KeyCode::Char('3'));
    let rows = worklist(&h).rows.clone().expect("rows");
    // Two people due for the same form (program, instrument, phase).
    let same = |a: &WorkItem, b: &WorkItem| match (&a.what, &b.what) {
        (
            Work::Form {
                instrument: i,
                phase: p,
                ..
            },
            Work::Form {
                instrument: j,
                phase: q,
                ..
            },
        ) => a.program == b.program && i == j && p == q && a.asn != b.asn,
        _ => false,
    };
    let (first, second) = rows
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            rows.iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, b)| same(a, b))
                .map(|(j, _)| (i, j))
        })
        .expect("two people due for the same form");
    for _ in 0..first {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    assert_eq!(
        entry(&h).respondent.as_ref().map(|(r, _)| r.clone()),
        Some(Respondent::Asn(rows[first].asn))
    );
    // The first person's form is started (a draft) and left for later.
    h.type_str("20/11/2026\n");
    h.press(KeyCode::Esc);
    for _ in first..second {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Enter);
    // The line chosen is the second person's: their form should open.
    assert_eq!(
        entry(&h).respondent.as_ref().map(|(r, _)| r.clone()),
        Some(Respondent::Asn(rows[second].asn)),
        "{}",
        h.screen()
    );
}

#[test]
fn a_viewer_cannot_take_work() {
    let mut h = Harness::new(demo_store(), Role::Viewer);
    h.press(KeyCode::Char('3'));
    assert!(worklist(&h).rows.as_ref().is_some_and(|r| !r.is_empty()));
    h.press(KeyCode::Char('a'));
    assert_eq!(notice(&h), id(Msg::NotAllowed));
    let all = worklist_of(&h.store, WorkView::All);
    // Planned forms have nobody assigned (steps show their action's owner).
    assert!(
        all.iter()
            .filter(|w| matches!(w.what, tilik::store::followup::Work::Form { .. }))
            .all(|w| w.evaluator.is_none()),
        "nothing assigned"
    );
}

// ── 7. A cancelled follow-up whose form came in after all ────────────────────────────────────────────────

#[test]
fn a_cancelled_follow_up_whose_form_is_entered_shows_as_done_everywhere() {
    let mut store = demo_store();
    // A planned form that is due and has none yet.
    let line = worklist_of(&store, WorkView::Due)
        .into_iter()
        .find(|w| matches!(&w.what, Work::Form { .. }))
        .expect("a form due");
    let Work::Form {
        id,
        phase,
        instrument: code,
        ..
    } = line.what.clone()
    else {
        unreachable!()
    };
    let program = line.program;
    store.cancel_followup(id, true).expect("cancelled");
    let state = |store: &Store, view: WorkView| {
        worklist_of(store, view)
            .into_iter()
            .find(|w| w.what == line.what)
            .map(|w| w.state)
    };
    assert_eq!(state(&store, WorkView::All), Some(Due::Cancelled));
    assert_eq!(
        state(&store, WorkView::Due),
        None,
        "a cancelled one is not due"
    );

    // The observation is entered after all: the line is done, not "Batal".
    let batch = Batch {
        program: Some(program),
        instrument: code.clone(),
        phase,
    };
    let instrument = store.instrument(&code).expect("query").expect("instrument");
    let form = store
        .start_response(
            &batch,
            instrument.id,
            &Respondent::Asn(line.asn),
            Keying::First,
        )
        .expect("form");
    let first = instrument.definition.items[0].code.to_string();
    store
        .set_answer(form, &first, Some("1"), None)
        .expect("answer");
    store.complete_response(form).expect("complete");
    assert_eq!(state(&store, WorkView::All), Some(Due::Done));
    assert_eq!(state(&store, WorkView::Done), Some(Due::Done));
    assert_eq!(state(&store, WorkView::Open), None);
    // The participant's page reads the same lines.
    let page = store
        .participant(program, line.asn, test_today())
        .expect("participant");
    let on_page = page
        .work
        .iter()
        .find(|w| w.what == line.what)
        .expect("on the page");
    assert_eq!(on_page.state, Due::Done);

    // On the worklist screen, in the full view, it carries the done mark.
    let mut h = Harness::new(store, Role::Admin);
    h.press(KeyCode::Char('3'));
    h.type_str("www");
    assert_eq!(worklist(&h).filter.view, WorkView::All);
    let rows = worklist(&h).rows.clone().expect("rows");
    let at = rows
        .iter()
        .position(|w| w.what == line.what)
        .expect("listed");
    assert_eq!(rows[at].state, Due::Done);
}

// ── 8. The report's barriers and who did not improve ─────────────────────────────────────────────────────

/// A program's behaviour forms, its objectives, and its people's NIP and name.
type BehaviourInput = (
    Vec<(AsnId, tilik::store::followup::PersonForm)>,
    Vec<String>,
    BTreeMap<AsnId, (String, String)>,
);

/// Every form of KOM's participants at the behaviour level, with the people's NIP and name.
fn kom_forms(store: &Store) -> BehaviourInput {
    let kom = program_id(store, KOM);
    let forms = store.behaviour_forms(kom).expect("forms");
    let objectives = store
        .objectives(kom)
        .expect("objectives")
        .into_iter()
        .map(|o| o.text)
        .collect();
    let people = store
        .roster(kom)
        .expect("roster")
        .into_iter()
        .map(|r| (r.asn, (r.nip, r.name)))
        .collect();
    (forms, objectives, people)
}

fn is_interview(f: &tilik::store::followup::PersonForm) -> bool {
    f.definition.items.iter().any(|i| i.objective.is_some())
}

#[test]
fn no_barrier_is_its_own_share_and_the_base_is_every_interview_and_self_assessment() {
    let store = demo_store();
    let (forms, objectives, people) = kom_forms(&store);
    let b = tilik::report::behaviour::build(&forms, &objectives, &people);
    // Counted here from the forms: every supervisor interview and self-assessment, of every phase, that
    // answered the barrier question.
    let answers: Vec<Vec<&str>> = forms
        .iter()
        .filter(|(_, f)| is_interview(f))
        .filter_map(|(_, f)| f.answers.get("HAMBATAN"))
        .map(|v| v.split(';').collect())
        .collect();
    assert!(
        answers.len() > 5,
        "the demo has interviews: {}",
        answers.len()
    );
    assert_eq!(b.barrier_forms, answers.len());
    assert_eq!(
        b.interviews + b.self_assessments,
        forms.iter().filter(|(_, f)| is_interview(f)).count()
    );
    let said = |code: &str| answers.iter().filter(|a| a.contains(&code)).count();
    let none = b.no_barrier.clone().expect("the question was asked");
    assert_eq!(none.code, "6");
    assert_eq!(none.label, "Tidak ada hambatan");
    assert_eq!(none.count, said("6"));
    assert!(none.count > 0);
    assert!((none.pct - 100.0 * said("6") as f64 / answers.len() as f64).abs() < 1e-9);
    assert!(
        b.barriers.iter().all(|n| n.code != "6"),
        "no barrier is not a barrier: {:?}",
        b.barriers
    );
    for n in &b.barriers {
        assert_eq!(n.count, said(&n.code), "{}", n.label);
        assert!((n.pct - 100.0 * n.count as f64 / answers.len() as f64).abs() < 1e-9);
    }

    // The dashboard says what is counted, and shows "no barrier" as a share, not as a bar.
    let mut h = demo();
    open_program(&mut h, KOM);
    h.press(KeyCode::Char('r'));
    for _ in 0..4 {
        h.press(KeyCode::Tab);
    }
    let screen = h.screen();
    assert!(
        screen.contains(&format!(
            "Hambatan yang disebut di {} wawancara atasan dan penilaian diri (semua tahap)",
            answers.len()
        )),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "Menyatakan tidak ada hambatan: {} dari {} ({}%)",
            none.count,
            answers.len(),
            (100.0 * none.count as f64 / answers.len() as f64).round()
        )),
        "{screen}"
    );
    assert!(
        !screen
            .lines()
            .any(|l| l.trim_start().starts_with("Tidak ada hambatan")),
        "{screen}"
    );
}

#[test]
fn whoever_got_worse_is_listed_with_the_unchanged_only_where_there_are_interviews() {
    use tilik::app::effect::Loaded;
    let store = demo_store();
    let (mut forms, objectives, people) = kom_forms(&store);
    let before = tilik::report::behaviour::build(&forms, &objectives, &people);
    let o = &before.observations[0];
    assert_eq!(o.paired, o.improved + o.same + o.worse);
    assert_eq!(before.unchanged.len(), o.same);
    let who = people
        .iter()
        .find(|(_, (_, name))| before.unchanged.iter().any(|u| &u.name == name))
        .map(|(a, _)| *a)
        .expect("someone unchanged");
    // Their latest observation now shows none of the behaviours, and their atasan said "no barrier".
    let latest = [Phase::M6, Phase::F3, Phase::F2, Phase::F1, Phase::Followup]
        .into_iter()
        .find(|p| {
            forms
                .iter()
                .any(|(a, f)| *a == who && f.instrument == OBS && f.phase == *p)
        })
        .expect("a follow-up");
    for (a, f) in forms.iter_mut().filter(|(a, _)| *a == who) {
        if f.instrument == OBS && f.phase == latest {
            for code in ["B01", "B02", "B03", "B04", "B05", "B06", "B07"] {
                f.answers.insert(code.into(), "0".into());
            }
        }
        if is_interview(f) && *a == who {
            f.answers.insert("HAMBATAN".into(), "6".into());
        }
    }
    let after = tilik::report::behaviour::build(&forms, &objectives, &people);
    let o = &after.observations[0];
    assert_eq!((o.same, o.worse), (before.observations[0].same - 1, 1));
    assert_eq!(o.paired, o.improved + o.same + o.worse);
    assert_eq!(after.worse.len(), 1);
    assert_eq!(after.worse[0].nip, people[&who].0);
    assert!(after.worse[0].barriers.is_empty() && after.worse[0].no_barrier);
    assert!(after.unchanged.iter().all(|u| u.nip != people[&who].0));

    // On the dashboard: the split of the observed, then who got worse with what was said.
    let kom = program_id(&store, KOM);
    let program = store.program(kom).expect("program");
    let mut report = tilik::report::build(&store, &program, Lang::Id).expect("report");
    report.behaviour = after.clone();
    let mut h = Harness::new(store, Role::Admin);
    open_program(&mut h, KOM);
    h.press(KeyCode::Char('r'));
    h.act(tilik::app::action::Action::Loaded(Loaded::Dashboard(
        Box::new(report.clone()),
    )));
    for _ in 0..3 {
        h.press(KeyCode::Tab);
    }
    let screen = h.screen();
    assert!(
        screen.contains(&format!(
            "dari {} peserta yang diamati awal dan sesudahnya: {} membaik, {} sama, 1",
            o.paired, o.improved, o.same
        )),
        "{screen}"
    );
    h.press(KeyCode::Tab);
    let screen = h.screen();
    assert!(
        screen.contains("Peserta yang perilakunya menurun: 1"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "{} — menyatakan tidak ada hambatan",
            people[&who].1
        )),
        "{screen}"
    );

    // The printed report says the same.
    let html = tilik::report::html::render(&report, Lang::Id);
    assert!(
        html.contains(&format!(
            "dari {} peserta yang diamati awal dan sesudahnya: {} membaik, {} sama, 1 menurun",
            o.paired, o.improved, o.same
        )),
        "the split in the HTML"
    );
    assert!(html.contains("Peserta yang perilakunya menurun: 1"));
    assert!(html.contains(&format!(
        "<li>{} — menyatakan tidak ada hambatan</li>",
        people[&who].1
    )));
    let none = after.no_barrier.clone().expect("asked");
    assert!(html.contains(&format!(
        "Menyatakan tidak ada hambatan: {} dari {}",
        none.count, after.barrier_forms
    )));
    assert!(html.contains(&format!(
        "Hambatan yang disebut di {} wawancara atasan dan penilaian diri (semua tahap)",
        after.barrier_forms
    )));

    // Observations without any interview or self-assessment: nobody was asked why, so no list.
    let observed: Vec<_> = forms
        .iter()
        .filter(|(_, f)| !is_interview(f))
        .cloned()
        .collect();
    report.behaviour = tilik::report::behaviour::build(&observed, &objectives, &people);
    assert_eq!(
        report.behaviour.interviews + report.behaviour.self_assessments,
        0
    );
    assert!(!report.behaviour.worse.is_empty(), "still computed");
    h.act(tilik::app::action::Action::Loaded(Loaded::Dashboard(
        Box::new(report),
    )));
    let screen = h.screen();
    assert!(!screen.contains("Peserta tanpa perubahan"), "{screen}");
    assert!(
        !screen.contains("Peserta yang perilakunya menurun"),
        "{screen}"
    );
    assert!(screen.contains(id(Msg::DashNoBarriers)), "{screen}");
}
