//! Effects: what `update` asks the runtime to do, as plain data. The runtime executes them against the
//! store (see `exec`) and feeds the results back as actions.

use crate::domain::asn::AsnInput;
use crate::domain::enrollment::EnrollmentData;
use crate::domain::ids::{
    AsnId, BehaviourId, CostLineId, EnrollmentId, ObjectiveId, OpdId, ProgramId, UserId, Version,
};
use crate::domain::instrument::Definition;
use crate::domain::opd::{Opd, OpdInput};
use crate::domain::program::{CostCategory, CostLine, Objective, Program, ProgramInput};
use crate::domain::user::Username;
use crate::store::Entity;
use crate::store::asn::AsnRow;
use crate::store::audit::{AuditFilter, AuditRow};
use crate::store::enrollment::RosterRow;
use crate::store::instrument::{InstrumentRow, StoredInstrument};
use crate::store::opd::OpdRow;
use crate::store::program::{ProgramFilter, ProgramRow};
use crate::store::response::{Batch, EntryBatch, Keying, Respondent, ScoreRow, Test};
use crate::store::user::{User, UserInput};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Load(Load),
    Save(Change),
    /// Keep a form's typed values (JSON) so that nothing is lost if the connection drops.
    KeepDraft {
        form: &'static str,
        record: String,
        payload: String,
    },
    DiscardDraft {
        form: &'static str,
        record: String,
    },
    /// Write a program's report to a file in the user's home folder.
    ExportReport {
        program: ProgramId,
        format: ExportFormat,
    },
    /// Ask whether another process changed the database.
    CheckData,
    Quit,
}

/// The formats a report can be exported to from the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Html,
    Xlsx,
}

/// Reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Programs(ProgramFilter),
    ProgramYears,
    ProgramDetail(ProgramId),
    Program(ProgramId),
    /// People matching a search, for a list or a picker (`purpose` tells them apart).
    AsnSearch {
        query: String,
        purpose: SearchPurpose,
    },
    Asn(AsnId),
    Opds,
    Opd(OpdId),
    Draft {
        form: &'static str,
        record: String,
    },
    Audit(AuditFilter),
    Users,
    /// Everything an entry session needs (instrument, progress, roster, this user's draft).
    EntryBatch(Batch, Keying),
    /// The first keying's answers of a respondent (for blind comparison during the second keying).
    FirstAnswers(Batch, Respondent),
    Instruments,
    Instrument(String),
    Scores(ProgramId),
    Dashboard(ProgramId),
    /// Programs of a year (or all) side by side.
    Comparison(crate::store::analysis::ComparisonFilter),
    /// Provider names (for filters).
    Providers,
    /// One person's programs passed and activities in a year.
    LearningRecord(AsnId, i32),
    /// Everyone's JP in a year (None: the latest year with programs).
    Jp(Option<i32>),
    Needs(String),
    /// The verification report (all days).
    Verification,
    /// Open discrepancies with their items.
    Discrepancies,
    /// The clerks' days in a period up to today.
    EntryStats(crate::store::verification::Period),
    /// A program's forms by verification state.
    Forms(ProgramId, crate::store::verification::Verified),
    /// The follow-up worklist.
    Worklist(crate::store::followup::WorkFilter),
    /// The recommendations kept with a program.
    Kept(ProgramId),
    /// One result indicator (the saved side of a conflict).
    Indicator(i64),
    /// A program's monetary estimate (the saved side of a conflict).
    Roi(ProgramId),
    /// A participant's page (behaviour after the training).
    Participant(ProgramId, AsnId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchPurpose {
    List,
    Picker,
}

/// Writes. Edits carry the version they were based on.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    AddProgram(ProgramInput),
    UpdateProgram(ProgramId, Version, ProgramInput),
    DeleteProgram(ProgramId, Version),
    AddAsn(AsnInput),
    UpdateAsn(AsnId, Version, AsnInput),
    DeleteAsn(AsnId, Version),
    AddOpd(OpdInput),
    UpdateOpd(OpdId, Version, OpdInput),
    DeleteOpd(OpdId, Version),
    Enroll(ProgramId, AsnId),
    UpdateEnrollment(EnrollmentId, Version, EnrollmentData),
    Unenroll(EnrollmentId, Version),
    AddObjective(ProgramId, String),
    UpdateObjective(ObjectiveId, String),
    DeleteObjective(ObjectiveId),
    AddBehaviour(ObjectiveId, String),
    UpdateBehaviour(BehaviourId, String),
    DeleteBehaviour(BehaviourId),
    AddCostLine(ProgramId, CostCategory, String, i64),
    AddActivity(AsnId, crate::domain::activity::Activity),
    DeleteActivity(i64),
    DeleteCostLine(CostLineId),
    AddUser(Username, UserInput),
    SaveUser(UserId, Version, UserInput),
    StartResponse {
        batch: Batch,
        instrument_id: i64,
        respondent: Respondent,
        keying: Keying,
    },
    SetAnswer {
        batch: Batch,
        respondent: Respondent,
        keying: Keying,
        item: String,
        value: Option<String>,
        focus: Option<String>,
    },
    CompleteResponse {
        batch: Batch,
        respondent: Respondent,
        keying: Keying,
        stats: EntryStats,
    },
    DiscardResponse {
        batch: Batch,
        respondent: Respondent,
        keying: Keying,
    },
    Discrepancy {
        batch: Batch,
        respondent: Respondent,
        item: String,
        first: Option<String>,
        second: Option<String>,
    },
    SaveInstrument(Box<Definition>),
    AddIndicator(ProgramId, crate::domain::results::IndicatorInput),
    UpdateIndicator(i64, Version, crate::domain::results::IndicatorInput),
    DeleteIndicator(i64),
    SaveRoi(ProgramId, Option<Version>, crate::domain::results::RoiInput),
    /// Recommendations kept with a program: the suggested ones (when none are kept yet) and the
    /// evaluator's own.
    KeepRecommendations {
        program: ProgramId,
        suggested: Vec<crate::store::results::NewRecommendation>,
        own: Option<crate::store::results::NewRecommendation>,
    },
    EditRecommendation(i64, Version, String),
    DeleteRecommendation(i64),
    AddAction(ProgramId, AsnId, crate::domain::followup::ActionInput),
    UpdateAction(i64, Version, crate::domain::followup::ActionInput),
    CloseAction {
        id: i64,
        version: Version,
        status: crate::domain::followup::ActionStatus,
        outcome: String,
    },
    AddStep(i64, crate::domain::followup::StepInput),
    /// A step done today (`true`) or not done.
    StepDone(i64, bool),
    DeleteStep(i64),
    PlanFollowups(ProgramId),
    SetFollowupPlan(ProgramId, crate::domain::followup::FollowupPlan),
    /// Takes a planned follow-up (`Some(me)`) or gives it back.
    AssignFollowup(i64, Option<String>),
    CancelFollowup(i64, bool),
    /// An adjudicator's decision: the value on paper (`None`: empty).
    ResolveDiscrepancy {
        id: i64,
        version: Version,
        value: Option<String>,
    },
    SetScore {
        program: ProgramId,
        asn: AsnId,
        test: Test,
        value: Option<f64>,
        max: f64,
    },
}

/// What a clerk did while keying one form (for operator statistics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EntryStats {
    pub keystrokes: i64,
    pub corrections: i64,
    pub seconds: i64,
    /// Verification only: the fields compared with the first keying, and how many differed when typed.
    pub compared: i64,
    pub mismatches: i64,
}

/// Everything a program's page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramDetail {
    pub program: Program,
    pub objectives: Vec<Objective>,
    pub roster: Vec<RosterRow>,
    pub costs: Vec<CostLine>,
    pub indicators: Vec<crate::store::results::IndicatorRow>,
    /// The monetary estimate and its version (`None`: none entered yet).
    pub roi: (
        crate::domain::results::RoiInput,
        Option<crate::domain::ids::Version>,
    ),
}

/// Results of loads.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Programs(ProgramFilter, Vec<ProgramRow>),
    ProgramYears(Vec<i32>),
    ProgramDetail(Box<ProgramDetail>),
    Program(Box<Program>),
    AsnSearch {
        query: String,
        purpose: SearchPurpose,
        rows: Vec<AsnRow>,
    },
    Asn(Box<crate::domain::asn::Asn>, Option<AsnRow>),
    Opds(Vec<OpdRow>),
    Opd(Box<Opd>),
    Draft {
        form: &'static str,
        record: String,
        payload: Option<String>,
    },
    Audit(AuditFilter, Vec<AuditRow>),
    Users(Vec<User>),
    EntryBatch(Batch, Keying, Box<EntryBatch>),
    FirstAnswers(Respondent, BTreeMap<String, String>),
    Instruments(Vec<InstrumentRow>),
    Instrument(Option<Box<StoredInstrument>>),
    Scores(ProgramId, Vec<ScoreRow>),
    Dashboard(Box<crate::report::ProgramReport>),
    Comparison(
        crate::store::analysis::ComparisonFilter,
        Vec<crate::store::analysis::ComparisonRow>,
    ),
    Providers(Vec<String>),
    LearningRecord(AsnId, i32, Vec<crate::store::analysis::SiasnRow>),
    Jp(i32, Vec<crate::store::analysis::JpRow>),
    Needs(Box<crate::store::analysis::Needs>),
    Verification(Vec<crate::store::verification::VerificationRow>),
    Discrepancies(
        Vec<(
            crate::store::verification::DiscrepancyRow,
            Option<crate::domain::instrument::Item>,
        )>,
    ),
    EntryStats(
        crate::store::verification::Period,
        Vec<crate::store::verification::EntryStatRow>,
    ),
    Forms(
        ProgramId,
        crate::store::verification::Verified,
        Vec<crate::store::verification::FormRow>,
    ),
    Worklist(
        crate::store::followup::WorkFilter,
        Vec<crate::store::followup::WorkItem>,
    ),
    Participant(Box<crate::store::followup::Participant>),
    Kept(ProgramId, Vec<crate::store::results::KeptRecommendation>),
    /// An indicator as stored, with who saved it last (`None`: removed).
    Indicator(
        i64,
        Option<(
            crate::domain::results::IndicatorInput,
            crate::domain::ids::Stamp,
        )>,
    ),
    /// A program's estimate as stored, with who saved it last (`None`: none entered).
    Roi(
        ProgramId,
        Option<(crate::domain::results::RoiInput, crate::domain::ids::Stamp)>,
    ),
}

/// Results of writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Program(ProgramId),
    Asn(AsnId),
    Opd(OpdId),
    Enrolled {
        asn: AsnId,
        name: String,
    },
    Enrollment,
    Objective,
    CostLine,
    Activity,
    /// A recommendation kept, edited or removed.
    Recommendation,
    /// A program's results (indicators, ROI estimate) changed.
    Results,
    /// Follow-ups or actions changed; how many follow-ups were planned, when planning.
    Followup(usize),
    User,
    ResponseStarted(Respondent),
    Answer,
    ResponseComplete(Respondent),
    ResponseDiscarded,
    Discrepancy,
    Instrument(crate::store::instrument::Saved),
    Exported(std::path::PathBuf),
    Score,
    Deleted(Entity),
}

/// A failed effect, explained for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub message: String,
    pub kind: FailureKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailureKind {
    /// Someone else saved the record first.
    Conflict {
        entity: Entity,
        by: String,
        at: String,
    },
    /// The value already exists (duplicate NIP, code, enrollment).
    Duplicate,
    Other,
}
