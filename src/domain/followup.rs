//! After the training: when each participant is followed up (observation and supervisor interview at
//! set offsets after the training ended, results at about six months), and the follow-up actions that
//! help behaviour change — mentoring or coaching by the atasan, an action plan (rencana tindak lanjut),
//! and for leadership programs a small change project (aksi perubahan) with milestones.

use super::date;
use super::instrument::Phase;
use super::problem::{Errors, FieldError, Problem, optional_text, required_text};
use crate::i18n::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days after the training ended for follow-ups 1, 2 and 3, unless a program says otherwise.
pub const DEFAULT_OFFSETS: [u32; 3] = [30, 60, 90];
/// Days after the training ended for the results follow-up.
pub const DEFAULT_RESULTS_OFFSET: u32 = 180;

/// The follow-up offsets as typed ("30,60,90"): one to three increasing day counts.
pub fn parse_offsets(s: &str) -> Result<Vec<u32>, Problem> {
    let mut out = Vec::new();
    for part in s.split([',', ';', ' ']).filter(|p| !p.trim().is_empty()) {
        let v: u32 = part.trim().parse().map_err(|_| Problem::Number)?;
        if !(1..=730).contains(&v) {
            return Err(Problem::Range {
                min: 1.0,
                max: 730.0,
            });
        }
        if out.last().is_some_and(|last| *last >= v) {
            return Err(Problem::NotIncreasing);
        }
        out.push(v);
    }
    match out.len() {
        0 => Err(Problem::Required),
        1..=3 => Ok(out),
        _ => Err(Problem::TooMany { max: 3 }),
    }
}

/// Which instruments follow a program up, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowupPlan {
    /// The observation checklist (code), if observations are planned.
    pub observation: Option<String>,
    /// The supervisor interview guide (code).
    pub interview: Option<String>,
    /// The participant's self-assessment (code).
    pub self_report: Option<String>,
    pub offsets: Vec<u32>,
    pub results_offset: u32,
}

/// One planned follow-up of one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub instrument: String,
    pub phase: Phase,
    pub due: NaiveDate,
}

impl FollowupPlan {
    /// The follow-ups of a program that ended on `end`: at each offset an observation, a supervisor
    /// interview and a self-assessment (those the plan names), and at the results offset an interview.
    pub fn schedule(&self, end: NaiveDate) -> Vec<Planned> {
        let phases = [Phase::F1, Phase::F2, Phase::F3];
        let after = |days: u32| end.checked_add_days(chrono::Days::new(u64::from(days)));
        let mut out = Vec::new();
        for (phase, days) in phases.iter().zip(&self.offsets) {
            let Some(due) = after(*days) else { continue };
            for code in [&self.observation, &self.interview, &self.self_report]
                .into_iter()
                .flatten()
            {
                out.push(Planned {
                    instrument: code.clone(),
                    phase: *phase,
                    due,
                });
            }
        }
        if let (Some(code), Some(due)) = (&self.interview, after(self.results_offset)) {
            out.push(Planned {
                instrument: code.clone(),
                phase: Phase::M6,
                due,
            });
        }
        out
    }
}

/// Where a planned follow-up stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// Its day has passed and the form is not in.
    Overdue,
    /// Due within the next seven days (or today).
    ThisWeek,
    Later,
    /// The form is in.
    Done,
    Cancelled,
}

impl Due {
    /// A follow-up whose form is in is done, even when it had been cancelled: the form was entered after
    /// all, and it counts in the report.
    pub fn of(due: NaiveDate, today: NaiveDate, done: bool, cancelled: bool) -> Due {
        if done {
            Due::Done
        } else if cancelled {
            Due::Cancelled
        } else if due < today {
            Due::Overdue
        } else if (due - today).num_days() < 7 {
            Due::ThisWeek
        } else {
            Due::Later
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Due::Overdue => "overdue",
            Due::ThisWeek => "due",
            Due::Later => "later",
            Due::Done => "done",
            Due::Cancelled => "cancelled",
        }
    }
}

crate::domain::program::coded_enum!(
    /// What kind of follow-up action.
    ActionKind {
        Mentoring = "mentoring" => ActionMentoring,
        Coaching = "coaching" => ActionCoaching,
        Rtl = "rtl" => ActionRtl,
        AksiPerubahan = "aksi_perubahan" => ActionAksiPerubahan,
    }
);

crate::domain::program::coded_enum!(
    /// Where an action stands.
    ActionStatus {
        Open = "open" => ActionOpen,
        Done = "done" => ActionDone,
        Cancelled = "cancelled" => ActionCancelled,
    }
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionField {
    Kind,
    Title,
    Owner,
    Coach,
    Sessions,
    Notes,
}

/// An action as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionDraft {
    pub kind: String,
    pub title: String,
    pub owner: String,
    pub coach: String,
    pub sessions: String,
    pub notes: String,
}

/// A checked action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionInput {
    pub kind: ActionKind,
    pub title: String,
    /// Who carries it: the mentoring atasan, the participant for an action plan, the mentor of a project.
    pub owner: String,
    /// The coach of an aksi perubahan (or a second person), may be empty.
    pub coach: String,
    pub sessions: u32,
    pub notes: String,
}

impl ActionDraft {
    pub fn parse(&self) -> Result<ActionInput, Vec<FieldError<ActionField>>> {
        use ActionField as F;
        let mut e = Errors::default();
        let kind = e.check(
            F::Kind,
            ActionKind::from_code(self.kind.trim())
                .ok_or_else(|| Problem::UnknownChoice(self.kind.trim().to_string())),
        );
        let title = e.check(F::Title, required_text(&self.title, 200));
        let owner = e.check(F::Owner, required_text(&self.owner, 120));
        let coach = e.check(F::Coach, optional_text(&self.coach, 120));
        let sessions = e.check(
            F::Sessions,
            super::problem::optional_int(&self.sessions, 0, 500).map(|v| v.unwrap_or(0)),
        );
        let notes = if self.notes.chars().count() > 4000 {
            e.push(F::Notes, Problem::TooLong { max: 4000 });
            None
        } else {
            Some(self.notes.trim().to_string())
        };
        match (kind, title, owner, coach, sessions, notes) {
            (Some(kind), Some(title), Some(owner), Some(coach), Some(sessions), Some(notes))
                if e.is_empty() =>
            {
                Ok(ActionInput {
                    kind,
                    title,
                    owner,
                    coach,
                    sessions: u32::try_from(sessions).unwrap_or(0),
                    notes,
                })
            }
            _ => Err(e.into_vec()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    Title,
    Due,
}

/// A milestone (of an aksi perubahan) or an item of an action plan, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepDraft {
    pub title: String,
    pub due: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepInput {
    pub title: String,
    pub due: NaiveDate,
}

impl StepDraft {
    pub fn parse(&self) -> Result<StepInput, Vec<FieldError<StepField>>> {
        let mut e = Errors::default();
        let title = e.check(StepField::Title, required_text(&self.title, 200));
        let due = e.check(
            StepField::Due,
            if self.due.trim().is_empty() {
                Err(Problem::Required)
            } else {
                date::parse(&self.due).map_err(|_| Problem::Date)
            },
        );
        match (title, due) {
            (Some(title), Some(due)) if e.is_empty() => Ok(StepInput { title, due }),
            _ => Err(e.into_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[rstest]
    #[case("30,60,90", Ok(vec![30, 60, 90]))]
    #[case("14; 45", Ok(vec![14, 45]))]
    #[case("30", Ok(vec![30]))]
    #[case("", Err(Problem::Required))]
    #[case("30,x", Err(Problem::Number))]
    #[case("60,30", Err(Problem::NotIncreasing))]
    #[case("30,30", Err(Problem::NotIncreasing))]
    #[case("0", Err(Problem::Range { min: 1.0, max: 730.0 }))]
    #[case("10,20,30,40", Err(Problem::TooMany { max: 3 }))]
    fn offsets(#[case] input: &str, #[case] expected: Result<Vec<u32>, Problem>) {
        assert_eq!(parse_offsets(input), expected);
    }

    #[test]
    fn a_plan_schedules_each_instrument_at_each_offset_and_results_at_the_end() {
        let plan = FollowupPlan {
            observation: Some("OBS-KOMUNIKASI".into()),
            interview: Some("WAWANCARA-ATASAN".into()),
            self_report: None,
            offsets: vec![30, 60, 90],
            results_offset: 180,
        };
        let s = plan.schedule(day(2026, 3, 12));
        assert_eq!(s.len(), 7);
        assert_eq!(
            s[0],
            Planned {
                instrument: "OBS-KOMUNIKASI".into(),
                phase: Phase::F1,
                due: day(2026, 4, 11)
            }
        );
        assert_eq!(s[5].phase, Phase::F3);
        assert_eq!(s[5].due, day(2026, 6, 10));
        assert_eq!(
            s[6],
            Planned {
                instrument: "WAWANCARA-ATASAN".into(),
                phase: Phase::M6,
                due: day(2026, 9, 8)
            }
        );
    }

    #[rstest]
    #[case(day(2026, 11, 29), false, Due::Overdue)]
    #[case(day(2026, 11, 30), false, Due::ThisWeek)]
    #[case(day(2026, 12, 6), false, Due::ThisWeek)]
    #[case(day(2026, 12, 7), false, Due::Later)]
    #[case(day(2026, 11, 1), true, Due::Done)]
    fn due_states(#[case] due: NaiveDate, #[case] done: bool, #[case] expected: Due) {
        assert_eq!(Due::of(due, day(2026, 11, 30), done, false), expected);
    }

    #[test]
    fn a_cancelled_follow_up_whose_form_is_in_is_done() {
        let today = day(2026, 11, 30);
        assert_eq!(
            Due::of(day(2026, 11, 1), today, false, true),
            Due::Cancelled
        );
        assert_eq!(
            Due::of(day(2026, 12, 20), today, false, true),
            Due::Cancelled
        );
        assert_eq!(Due::of(day(2026, 11, 1), today, true, true), Due::Done);
        assert_eq!(Due::of(day(2026, 12, 20), today, true, true), Due::Done);
    }

    #[test]
    fn an_action_needs_an_owner_and_a_title() {
        let bad = ActionDraft {
            kind: "aksi_perubahan".into(),
            ..ActionDraft::default()
        };
        let fields: Vec<ActionField> = bad
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec![ActionField::Title, ActionField::Owner]);
        let ok = ActionDraft {
            kind: "mentoring".into(),
            title: " Mentoring  penyusunan SOP ".into(),
            owner: "Kepala Seksi".into(),
            sessions: "3".into(),
            ..ActionDraft::default()
        }
        .parse()
        .expect("valid");
        assert_eq!(ok.title, "Mentoring penyusunan SOP");
        assert_eq!(ok.sessions, 3);
    }

    #[test]
    fn a_step_needs_a_valid_due_date() {
        let e = StepDraft {
            title: "Rancangan".into(),
            due: "31/02/2026".into(),
        }
        .parse()
        .expect_err("bad date");
        assert_eq!(e[0].field, StepField::Due);
    }
}
