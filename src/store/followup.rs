//! Behaviour at work in the database: which instruments follow a program up and when, the planned
//! follow-ups per participant (done when the form is in), the worklist, the forms of one participant,
//! and follow-up actions with their steps.

use super::{Entity, Result, Store, StoreError, Tx, conflict_or_missing};
use crate::domain::followup::{
    ActionInput, ActionKind, ActionStatus, DEFAULT_OFFSETS, DEFAULT_RESULTS_OFFSET, Due,
    FollowupPlan, StepInput,
};
use crate::domain::ids::{AsnId, ProgramId, Version};
use crate::domain::instrument::{Definition, Level, Phase};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::collections::BTreeMap;

/// One line of the worklist: a planned follow-up, or a step of an action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkItem {
    pub due: NaiveDate,
    pub state: Due,
    pub program: ProgramId,
    pub program_code: String,
    pub asn: AsnId,
    pub nip: String,
    pub name: String,
    pub opd: String,
    pub what: Work,
    pub evaluator: Option<String>,
}

/// What is to be done.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Work {
    /// A form to fill in: the planned follow-up's id, instrument and phase.
    Form {
        id: i64,
        instrument: String,
        level: Option<Level>,
        phase: Phase,
    },
    /// A step of a follow-up action.
    Step {
        id: i64,
        action: i64,
        kind: ActionKind,
        title: String,
    },
}

/// Which worklist lines to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WorkView {
    /// Overdue and due within a week.
    #[default]
    Due,
    /// Everything not done yet.
    Open,
    /// Done.
    Done,
    All,
}

/// A worklist query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkFilter {
    pub view: WorkView,
    pub program: Option<ProgramId>,
    pub opd: Option<crate::domain::ids::OpdId>,
    pub evaluator: Option<String>,
}

/// One complete form of a participant after (or before) a training.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonForm {
    pub instrument: String,
    pub phase: Phase,
    pub definition: Definition,
    pub answers: BTreeMap<String, String>,
}

/// A follow-up action with its steps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionRow {
    pub id: i64,
    pub version: Version,
    pub input: ActionInput,
    pub status: ActionStatus,
    pub outcome: String,
    pub closed_on: Option<NaiveDate>,
    pub steps: Vec<StepRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepRow {
    pub id: i64,
    pub title: String,
    pub due: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

/// The instruments a program is followed up with when none were chosen: the checklist that fits its
/// competency (by words in its name and competency area, leadership for PKP/PKA/PKN), the supervisor
/// interview and the self-assessment — those that exist.
fn guess_plan(tx: &Tx<'_>, program: ProgramId) -> Result<FollowupPlan> {
    let (name, competency, kind): (String, String, String) = tx.query_row(
        "SELECT name, competency, kind FROM program WHERE id = ?1",
        [program.0],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let text = format!("{name} {competency}").to_lowercase();
    let observation = if matches!(kind.as_str(), "pkp" | "pka" | "pkn") || text.contains("pimpin") {
        "OBS-KEPEMIMPINAN"
    } else if text.contains("waktu") {
        "OBS-WAKTU"
    } else if text.contains("komunikasi") || text.contains("pengaduan") {
        "OBS-KOMUNIKASI"
    } else {
        "OBS-PELAYANAN"
    };
    let exists = |code: &str| -> Result<Option<String>> {
        Ok(tx
            .query_row(
                "SELECT code FROM instrument WHERE code = ?1 AND current = 1",
                [code],
                |r| r.get(0),
            )
            .optional()?)
    };
    Ok(FollowupPlan {
        observation: exists(observation)?,
        interview: exists("WAWANCARA-ATASAN")?,
        self_report: exists("DIRI-PERILAKU")?,
        offsets: DEFAULT_OFFSETS.to_vec(),
        results_offset: DEFAULT_RESULTS_OFFSET,
    })
}

/// A `program_followup` row: observation, interview, self-assessment, offsets, results offset.
type PlanRow = (Option<String>, Option<String>, Option<String>, String, u32);

fn stored_plan(tx: &rusqlite::Connection, program: ProgramId) -> Result<Option<FollowupPlan>> {
    let row: Option<PlanRow> = tx
        .query_row(
            "SELECT observation, interview, self_report, offsets, results_offset
             FROM program_followup WHERE program_id = ?1",
            [program.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    Ok(row.map(
        |(observation, interview, self_report, offsets, results_offset)| FollowupPlan {
            observation,
            interview,
            self_report,
            offsets: crate::domain::followup::parse_offsets(&offsets)
                .unwrap_or_else(|_| DEFAULT_OFFSETS.to_vec()),
            results_offset,
        },
    ))
}

/// Plans the follow-ups of every participant who did not withdraw, from the program's last day;
/// what is planned already stays. Returns how many were added.
pub(crate) fn plan(tx: &Tx<'_>, program: ProgramId) -> Result<usize> {
    plan_people(tx, program, None)
}

/// Plans one newly enrolled participant's follow-ups when the program is already completed.
pub(crate) fn plan_if_completed(tx: &Tx<'_>, program: ProgramId, asn: AsnId) -> Result<usize> {
    let status: String = tx
        .prepare_cached("SELECT status FROM program WHERE id = ?1")?
        .query_row([program.0], |r| r.get(0))?;
    if status == "selesai" || status == "dievaluasi" {
        plan_people(tx, program, Some(asn))
    } else {
        Ok(0)
    }
}

fn plan_people(tx: &Tx<'_>, program: ProgramId, only: Option<AsnId>) -> Result<usize> {
    let plan = match stored_plan(tx, program)? {
        Some(p) => p,
        None => guess_plan(tx, program)?,
    };
    let end: NaiveDate = tx.query_row(
        "SELECT end_date FROM program WHERE id = ?1",
        [program.0],
        |r| r.get(0),
    )?;
    let people: Vec<i64> = {
        let mut stmt = tx.prepare_cached(
            "SELECT asn_id FROM enrollment WHERE program_id = ?1
               AND coalesce(completion, '') <> 'mengundurkan_diri' AND (?2 IS NULL OR asn_id = ?2)
             ORDER BY id",
        )?;
        let rows = stmt.query_map(params![program.0, only.map(|a| a.0)], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut added = 0;
    for asn in people {
        for p in plan.schedule(end) {
            added += tx.execute(
                "INSERT OR IGNORE INTO followup (program_id, asn_id, instrument_code, phase, due,
                                                 created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
                params![
                    program.0,
                    asn,
                    p.instrument,
                    p.phase.code(),
                    p.due,
                    tx.user(),
                    tx.now()
                ],
            )?;
        }
    }
    Ok(added)
}

impl Store {
    /// The plan a program is (or would be) followed up with.
    pub fn followup_plan(&mut self, program: ProgramId) -> Result<FollowupPlan> {
        if let Some(p) = stored_plan(self.conn(), program)? {
            return Ok(p);
        }
        // Guessing reads only; it runs in a transaction for the helper's sake and writes nothing.
        self.write(|tx| guess_plan(tx, program))
    }

    /// Sets which instruments follow a program up and when, and plans (again) what is missing.
    pub fn set_followup_plan(&mut self, program: ProgramId, p: &FollowupPlan) -> Result<usize> {
        let offsets = p
            .offsets
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        self.write(|tx| {
            tx.execute(
                "INSERT INTO program_followup (program_id, observation, interview, self_report, offsets,
                                               results_offset, created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)
                 ON CONFLICT (program_id) DO UPDATE SET observation = excluded.observation,
                     interview = excluded.interview, self_report = excluded.self_report,
                     offsets = excluded.offsets, results_offset = excluded.results_offset,
                     version = version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                params![
                    program.0,
                    p.observation,
                    p.interview,
                    p.self_report,
                    offsets,
                    p.results_offset,
                    tx.user(),
                    tx.now()
                ],
            )?;
            // What is still planned moves to the new days (cancelled ones and who takes them stay);
            // follow-ups the new plan no longer has go, unless their form is in.
            let end: NaiveDate = tx.query_row(
                "SELECT end_date FROM program WHERE id = ?1",
                [program.0],
                |r| r.get(0),
            )?;
            let schedule = p.schedule(end);
            let existing: Vec<(i64, String, String)> = {
                let mut stmt = tx.prepare(
                    "SELECT f.id, f.instrument_code, f.phase FROM followup f WHERE f.program_id = ?1
                       AND NOT EXISTS (SELECT 1 FROM response r WHERE r.program_id = f.program_id
                           AND r.asn_id = f.asn_id AND r.instrument_code = f.instrument_code
                           AND r.phase = f.phase AND r.keying = 'first' AND r.status = 'complete')",
                )?;
                let rows = stmt.query_map([program.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for (id, instrument, phase) in existing {
                match schedule
                    .iter()
                    .find(|s| s.instrument == instrument && s.phase.code() == phase)
                {
                    Some(s) => {
                        tx.execute(
                            "UPDATE followup SET due = ?2, version = version + 1, updated_by = ?3, updated_at = ?4
                             WHERE id = ?1 AND due <> ?2",
                            params![id, s.due, tx.user(), tx.now()],
                        )?;
                    }
                    None => {
                        tx.execute("DELETE FROM followup WHERE id = ?1", [id])?;
                    }
                }
            }
            plan(tx, program)
        })
    }

    /// Plans the follow-ups of a program's participants (what is planned already stays).
    pub fn plan_followups(&mut self, program: ProgramId) -> Result<usize> {
        self.write(|tx| plan(tx, program))
    }

    /// Assigns a planned follow-up to an evaluator (`None`: to nobody in particular).
    pub fn assign_followup(&mut self, id: i64, evaluator: Option<&str>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE followup SET evaluator = ?2, version = version + 1, updated_by = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![id, evaluator, tx.user(), tx.now()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: Entity::Followup,
                    key: id.to_string(),
                });
            }
            Ok(())
        })
    }

    /// Cancels (or with `false` restores) a planned follow-up.
    pub fn cancel_followup(&mut self, id: i64, cancelled: bool) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE followup SET status = ?2, version = version + 1, updated_by = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![
                    id,
                    if cancelled { "cancelled" } else { "planned" },
                    tx.user(),
                    tx.now()
                ],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: Entity::Followup,
                    key: id.to_string(),
                });
            }
            Ok(())
        })
    }

    /// The worklist on `today`: planned follow-ups (done when a complete form is in) and open steps of
    /// open actions, by due date. A user limited to some OPDs sees their people's only.
    pub fn worklist(&self, filter: &WorkFilter, today: NaiveDate) -> Result<Vec<WorkItem>> {
        let scope = super::schema::opd_in_scope("a.opd_id");
        let person = "a.nip, a.front_title, a.name, a.back_title, coalesce(o.name, '')";
        let sql = format!(
            "SELECT 'form', f.id, f.due, f.program_id, p.code, f.asn_id, {person},
                    f.instrument_code, f.phase, f.evaluator, f.status = 'cancelled',
                    EXISTS (SELECT 1 FROM response r WHERE r.program_id = f.program_id AND r.asn_id = f.asn_id
                              AND r.instrument_code = f.instrument_code AND r.phase = f.phase
                              AND r.keying = 'first' AND r.status = 'complete'),
                    (SELECT level FROM instrument i WHERE i.code = f.instrument_code AND i.current = 1),
                    NULL, NULL
             FROM followup f JOIN program p ON p.id = f.program_id JOIN asn a ON a.id = f.asn_id
                  LEFT JOIN opd o ON o.id = a.opd_id
             WHERE (?1 IS NULL OR f.program_id = ?1) AND (?2 IS NULL OR a.opd_id = ?2)
               AND (?3 IS NULL OR f.evaluator = ?3) AND {scope}
             UNION ALL
             SELECT 'step', s.id, s.due, x.program_id, p.code, x.asn_id, {person},
                    x.kind, s.title, x.owner, x.status = 'cancelled', s.done_on IS NOT NULL OR x.status = 'done',
                    NULL, x.id, NULL
             FROM action_step s JOIN action x ON x.id = s.action_id JOIN program p ON p.id = x.program_id
                  JOIN asn a ON a.id = x.asn_id LEFT JOIN opd o ON o.id = a.opd_id
             WHERE (?1 IS NULL OR x.program_id = ?1) AND (?2 IS NULL OR a.opd_id = ?2)
               AND (?3 IS NULL OR x.owner = ?3) AND {scope}
             ORDER BY 3, 9, 5, 1, 2"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.program.map(|p| p.0),
                filter.opd.map(|o| o.0),
                filter.evaluator
            ],
            |r| {
                let kind: String = r.get(0)?;
                let due: NaiveDate = r.get(2)?;
                let cancelled: bool = r.get(14)?;
                let done: bool = r.get(15)?;
                let name = crate::domain::name::PersonName::new(
                    &r.get::<_, String>(7)?,
                    &r.get::<_, String>(8)?,
                    &r.get::<_, String>(9)?,
                )
                .map(|n| n.display())
                .unwrap_or_default();
                let what = if kind == "form" {
                    let phase: String = r.get(12)?;
                    let level: Option<String> = r.get(16)?;
                    Work::Form {
                        id: r.get(1)?,
                        instrument: r.get(11)?,
                        level: level.as_deref().and_then(Level::from_code),
                        phase: Phase::from_code(&phase).unwrap_or(Phase::Followup),
                    }
                } else {
                    let kind: String = r.get(11)?;
                    Work::Step {
                        id: r.get(1)?,
                        action: r.get(17)?,
                        kind: ActionKind::from_code(&kind).unwrap_or(ActionKind::Rtl),
                        title: r.get(12)?,
                    }
                };
                Ok(WorkItem {
                    due,
                    state: Due::of(due, today, done, cancelled),
                    program: ProgramId(r.get(3)?),
                    program_code: r.get(4)?,
                    asn: AsnId(r.get(5)?),
                    nip: r.get(6)?,
                    name,
                    opd: r.get(10)?,
                    what,
                    evaluator: r.get(13)?,
                })
            },
        )?;
        let all: Vec<WorkItem> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(all
            .into_iter()
            .filter(|w| match filter.view {
                WorkView::Due => matches!(w.state, Due::Overdue | Due::ThisWeek),
                WorkView::Open => matches!(w.state, Due::Overdue | Due::ThisWeek | Due::Later),
                WorkView::Done => w.state == Due::Done,
                WorkView::All => true,
            })
            .collect())
    }

    /// A participant's complete forms of a program (first keyings), with the instrument revision each
    /// was keyed with, in the order of the phases.
    pub fn person_forms(&self, program: ProgramId, asn: AsnId) -> Result<Vec<PersonForm>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.id, r.instrument_code, r.phase, r.instrument_id FROM response r
             WHERE r.program_id = ?1 AND r.asn_id = ?2 AND r.keying = 'first' AND r.status = 'complete'
             ORDER BY r.instrument_code, r.id",
        )?;
        let heads: Vec<(i64, String, String, i64)> = stmt
            .query_map(params![program.0, asn.0], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (id, instrument, phase, revision) in heads {
            let definition = self.instrument_revision(revision)?.definition;
            let mut answers = BTreeMap::new();
            let mut a = self
                .conn()
                .prepare_cached("SELECT item, value FROM answer WHERE response_id = ?1")?;
            for row in a.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))? {
                let (k, v): (String, String) = row?;
                answers.insert(k, v);
            }
            out.push(PersonForm {
                instrument,
                phase: Phase::from_code(&phase).unwrap_or(Phase::Followup),
                definition,
                answers,
            });
        }
        out.sort_by_key(|f| {
            (
                f.instrument.clone(),
                Phase::ALL.iter().position(|p| *p == f.phase),
            )
        });
        Ok(out)
    }

    /// A participant's follow-up actions in a program, with their steps by due date.
    pub fn actions(&self, program: ProgramId, asn: AsnId) -> Result<Vec<ActionRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, version, kind, title, owner, coach, sessions, notes, status, outcome, closed_on
             FROM action WHERE program_id = ?1 AND asn_id = ?2 ORDER BY id",
        )?;
        let mut out: Vec<ActionRow> = stmt
            .query_map(params![program.0, asn.0], |r| {
                let kind: String = r.get(2)?;
                let status: String = r.get(8)?;
                Ok(ActionRow {
                    id: r.get(0)?,
                    version: Version(r.get(1)?),
                    input: ActionInput {
                        kind: ActionKind::from_code(&kind).unwrap_or(ActionKind::Rtl),
                        title: r.get(3)?,
                        owner: r.get(4)?,
                        coach: r.get(5)?,
                        sessions: r.get(6)?,
                        notes: r.get(7)?,
                    },
                    status: ActionStatus::from_code(&status).unwrap_or(ActionStatus::Open),
                    outcome: r.get(9)?,
                    closed_on: r.get(10)?,
                    steps: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut steps = self.conn().prepare_cached(
            "SELECT id, title, due, done_on FROM action_step WHERE action_id = ?1 ORDER BY due, id",
        )?;
        for a in &mut out {
            a.steps = steps
                .query_map([a.id], |r| {
                    Ok(StepRow {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        due: r.get(2)?,
                        done_on: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(out)
    }

    pub fn add_action(
        &mut self,
        program: ProgramId,
        asn: AsnId,
        input: &ActionInput,
    ) -> Result<i64> {
        self.write(|tx| insert_action(tx, program, asn, input))
    }

    pub fn update_action(&mut self, id: i64, base: Version, input: &ActionInput) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE action SET kind = ?1, title = ?2, owner = ?3, coach = ?4, sessions = ?5, notes = ?6,
                     version = version + 1, updated_by = ?7, updated_at = ?8
                 WHERE id = ?9 AND version = ?10",
                params![
                    input.kind.code(),
                    input.title,
                    input.owner,
                    input.coach,
                    input.sessions,
                    input.notes,
                    tx.user(),
                    tx.now(),
                    id,
                    base.0
                ],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "action", Entity::Action, id));
            }
            Ok(())
        })
    }

    /// Closes an action as done (with its outcome) or cancelled, on `day`; `Open` reopens it.
    pub fn close_action(
        &mut self,
        id: i64,
        base: Version,
        status: ActionStatus,
        outcome: &str,
        day: NaiveDate,
    ) -> Result<()> {
        self.write(|tx| {
            let closed = (status != ActionStatus::Open).then_some(day);
            let n = tx.execute(
                "UPDATE action SET status = ?1, outcome = ?2, closed_on = ?3, version = version + 1,
                     updated_by = ?4, updated_at = ?5
                 WHERE id = ?6 AND version = ?7",
                params![
                    status.code(),
                    outcome,
                    closed,
                    tx.user(),
                    tx.now(),
                    id,
                    base.0
                ],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "action", Entity::Action, id));
            }
            Ok(())
        })
    }

    pub fn add_step(&mut self, action: i64, step: &StepInput) -> Result<i64> {
        self.write(|tx| insert_step(tx, action, step))
    }

    /// Marks a step done on `day`, or not done with `None`.
    pub fn set_step_done(&mut self, id: i64, day: Option<NaiveDate>) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE action_step SET done_on = ?2, version = version + 1, updated_by = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![id, day, tx.user(), tx.now()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: Entity::Action,
                    key: id.to_string(),
                });
            }
            Ok(())
        })
    }

    pub fn delete_step(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM action_step WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}

pub(crate) fn insert_action(
    tx: &Tx<'_>,
    program: ProgramId,
    asn: AsnId,
    input: &ActionInput,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO action (program_id, asn_id, kind, title, owner, coach, sessions, notes,
                             created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
        params![
            program.0,
            asn.0,
            input.kind.code(),
            input.title,
            input.owner,
            input.coach,
            input.sessions,
            input.notes,
            tx.user(),
            tx.now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn insert_step(tx: &Tx<'_>, action: i64, step: &StepInput) -> Result<i64> {
    tx.execute(
        "INSERT INTO action_step (action_id, title, due, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)",
        params![action, step.title, step.due, tx.user(), tx.now()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Everything a participant's page shows about their behaviour after a training.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub program: ProgramId,
    pub program_code: String,
    pub program_name: String,
    pub end: NaiveDate,
    pub objectives: Vec<String>,
    pub asn: AsnId,
    pub nip: String,
    pub name: String,
    pub forms: Vec<PersonForm>,
    pub actions: Vec<ActionRow>,
    /// This person's planned follow-ups and action steps.
    pub work: Vec<WorkItem>,
}

impl Store {
    pub fn participant(
        &self,
        program: ProgramId,
        asn: AsnId,
        today: NaiveDate,
    ) -> Result<Participant> {
        let p = self.program(program)?;
        let person = self.asn(asn)?;
        let work = self
            .worklist(
                &WorkFilter {
                    view: WorkView::All,
                    program: Some(program),
                    ..WorkFilter::default()
                },
                today,
            )?
            .into_iter()
            .filter(|w| w.asn == asn)
            .collect();
        Ok(Participant {
            program,
            program_code: p.data.code.to_string(),
            program_name: p.data.name.clone(),
            end: p.data.end,
            objectives: self
                .objectives(program)?
                .into_iter()
                .map(|o| o.text)
                .collect(),
            asn,
            nip: person.data.nip.as_str().to_string(),
            name: person.data.name.display(),
            forms: self.person_forms(program, asn)?,
            actions: self.actions(program, asn)?,
            work,
        })
    }
}

impl Store {
    /// Every complete behaviour-level form of a program's participants (first keyings), by person.
    pub fn behaviour_forms(&self, program: ProgramId) -> Result<Vec<(AsnId, PersonForm)>> {
        let people: Vec<i64> = {
            let mut stmt = self.conn().prepare_cached(
                "SELECT DISTINCT r.asn_id FROM response r JOIN instrument i ON i.id = r.instrument_id
                 WHERE r.program_id = ?1 AND r.asn_id IS NOT NULL AND r.keying = 'first'
                   AND r.status = 'complete' AND i.level = 'behavior' ORDER BY r.asn_id",
            )?;
            let rows = stmt.query_map([program.0], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mut out = Vec::new();
        for asn in people {
            for form in self.person_forms(program, AsnId(asn))? {
                if form.definition.level == Level::Behavior {
                    out.push((AsnId(asn), form));
                }
            }
        }
        Ok(out)
    }
}
