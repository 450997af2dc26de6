//! Carrying out effects against the store. This is the only part of the interface that touches the
//! database; every result goes back into `update` as an action.

use super::action::Action;
use super::effect::{
    Change, Effect, Failure, FailureKind, Load, Loaded, ProgramDetail, Saved, SearchPurpose,
};
use crate::i18n::{Lang, Localize};
use crate::screens::asn_list;
use crate::store::response::Keying;
use crate::store::{Entity, Store, StoreError};

/// How many people a picker shows.
const PICKER_LIMIT: usize = 50;

fn failure(e: StoreError, lang: Lang) -> Failure {
    let kind = match &e {
        StoreError::Conflict { entity, by, at, .. } => FailureKind::Conflict {
            entity: *entity,
            by: by.clone(),
            at: at.clone(),
        },
        StoreError::Duplicate { .. } => FailureKind::Duplicate,
        _ => FailureKind::Other,
    };
    Failure {
        message: e.localize(lang),
        kind,
    }
}

/// Runs one effect; `None` when it has nothing to report (drafts, quitting).
pub fn execute(store: &mut Store, effect: Effect, lang: Lang) -> Option<Action> {
    match effect {
        Effect::Load(load) => Some(match load_data(store, load, lang) {
            Ok(loaded) => Action::Loaded(loaded),
            Err(e) => Action::Failed(failure(e, lang)),
        }),
        Effect::Save(change) => Some(match save(store, change) {
            Ok(saved) => Action::Saved(saved),
            Err(e) => Action::Failed(failure(e, lang)),
        }),
        Effect::KeepDraft {
            form,
            record,
            payload,
        } => store
            .save_draft(form, &record, &payload)
            .err()
            .map(|e| Action::Failed(failure(e, lang))),
        Effect::DiscardDraft { form, record } => store
            .discard_draft(form, &record)
            .err()
            .map(|e| Action::Failed(failure(e, lang))),
        Effect::ExportReport { program, format } => {
            Some(match export(store, program, format, lang) {
                Ok(path) => Action::Saved(Saved::Exported(path)),
                Err(message) => Action::Failed(Failure {
                    message,
                    kind: FailureKind::Other,
                }),
            })
        }
        Effect::CheckData | Effect::Quit => None,
    }
}

/// Writes a report to `~/laporan-CODE-DATE.ext` with the user's own identity.
fn export(
    store: &Store,
    program: crate::domain::ids::ProgramId,
    format: super::effect::ExportFormat,
    lang: Lang,
) -> Result<std::path::PathBuf, String> {
    use super::effect::ExportFormat;
    let program = store.program(program).map_err(|e| e.localize(lang))?;
    let report = crate::report::build(store, &program, lang).map_err(|e| e.localize(lang))?;
    let (bytes, ext) = match format {
        ExportFormat::Html => (
            crate::report::html::render(&report, lang).into_bytes(),
            "html",
        ),
        ExportFormat::Xlsx => (
            crate::report::xlsx::render(&report, lang)
                .map_err(|e| crate::i18n::Msg::ErrXlsx.fill(lang, &[&e]))?,
            "xlsx",
        ),
    };
    let home = crate::identity::home_folder()
        .ok_or_else(|| crate::i18n::Msg::ErrNoHome.text(lang).to_string())?;
    let day = store.today().format("%Y%m%d");
    let path = home.join(format!("laporan-{}-{day}.{ext}", program.data.code));
    crate::identity::write_as_user(&path, &bytes).map_err(|e| {
        crate::i18n::Msg::ErrFileWrite
            .fill(lang, &[&path.display(), &crate::i18n::io_reason(&e, lang)])
    })?;
    Ok(path)
}

fn load_data(store: &Store, load: Load, lang: Lang) -> Result<Loaded, StoreError> {
    Ok(match load {
        Load::Programs(filter) => {
            let rows = store.programs(&filter)?;
            Loaded::Programs(filter, rows)
        }
        Load::ProgramYears => Loaded::ProgramYears(store.program_years()?),
        Load::ProgramDetail(id) => Loaded::ProgramDetail(Box::new(ProgramDetail {
            program: store.program(id)?,
            objectives: store.objectives(id)?,
            roster: store.roster(id)?,
            costs: store.cost_lines(id)?,
            indicators: store.indicators(id)?,
            roi: store.roi_input(id)?,
        })),
        Load::Program(id) => Loaded::Program(Box::new(store.program(id)?)),
        Load::AsnSearch { query, purpose } => {
            let limit = match purpose {
                SearchPurpose::List => asn_list::LIMIT,
                SearchPurpose::Picker => PICKER_LIMIT,
            };
            let rows = store.search_asn(&query, limit)?;
            Loaded::AsnSearch {
                query,
                purpose,
                rows,
            }
        }
        Load::Asn(id) => Loaded::Asn(Box::new(store.asn(id)?), store.asn_row(id)?),
        Load::Opds => Loaded::Opds(store.opds()?),
        Load::Opd(id) => Loaded::Opd(Box::new(store.opd(id)?)),
        Load::Draft { form, record } => {
            let payload = store.load_draft(form, &record)?;
            Loaded::Draft {
                form,
                record,
                payload,
            }
        }
        Load::Audit(filter) => {
            let rows = store.audit(&filter)?;
            Loaded::Audit(filter, rows)
        }
        Load::Users => Loaded::Users(store.users()?),
        Load::EntryBatch(batch, keying) => {
            let data = store.entry_batch(&batch, keying)?;
            Loaded::EntryBatch(batch, keying, Box::new(data))
        }
        Load::Instruments => Loaded::Instruments(store.instruments()?),
        Load::Instrument(code) => Loaded::Instrument(store.instrument(&code)?.map(Box::new)),
        Load::Scores(program) => Loaded::Scores(program, store.scores(program)?),
        Load::Comparison(filter) => {
            let rows = store.comparison(&filter)?;
            Loaded::Comparison(filter, rows)
        }
        Load::Providers => Loaded::Providers(store.provider_names()?),
        Load::LearningRecord(asn, year) => {
            Loaded::LearningRecord(asn, year, store.learning_record(asn, year)?)
        }
        Load::Jp(year) => {
            use chrono::Datelike;
            let year = match year {
                Some(y) => y,
                None => store
                    .program_years()?
                    .first()
                    .copied()
                    .unwrap_or_else(|| store.today().year()),
            };
            Loaded::Jp(year, store.jp_year(year)?)
        }
        Load::Needs(code) => Loaded::Needs(Box::new(store.needs(&code, None)?)),
        Load::Verification => Loaded::Verification(store.verification_report(None, None)?),
        Load::Discrepancies => {
            let mut out = Vec::new();
            for row in store.open_discrepancies()? {
                let item = store
                    .instrument_revision(row.instrument_id)?
                    .definition
                    .items
                    .into_iter()
                    .find(|i| i.code.as_str() == row.item);
                out.push((row, item));
            }
            Loaded::Discrepancies(out)
        }
        Load::EntryStats(period) => {
            let from = period.from(store.today());
            Loaded::EntryStats(period, store.entry_stats(from, None)?)
        }
        Load::Worklist(filter) => {
            let rows = store.worklist(&filter, store.today())?;
            Loaded::Worklist(filter, rows)
        }
        Load::Kept(program) => Loaded::Kept(program, store.kept_recommendations(program)?),
        Load::Indicator(id) => Loaded::Indicator(id, store.indicator(id)?),
        Load::Roi(program) => Loaded::Roi(program, store.roi_record(program)?),
        Load::Participant(program, asn) => {
            Loaded::Participant(Box::new(store.participant(program, asn, store.today())?))
        }
        Load::Forms(program, verified) => {
            Loaded::Forms(program, verified, store.forms(program, verified)?)
        }
        Load::Dashboard(program) => {
            let program = store.program(program)?;
            Loaded::Dashboard(Box::new(crate::report::build(store, &program, lang)?))
        }
        Load::FirstAnswers(batch, respondent) => {
            let answers = match store.find_response(&batch, &respondent, Keying::First)? {
                Some(info) => store.answers(info.id)?,
                None => Default::default(),
            };
            Loaded::FirstAnswers(respondent, answers)
        }
    })
}

fn save(store: &mut Store, change: Change) -> Result<Saved, StoreError> {
    Ok(match change {
        Change::AddProgram(input) => Saved::Program(store.add_program(&input)?),
        Change::UpdateProgram(id, base, input) => {
            store.update_program(id, base, &input)?;
            Saved::Program(id)
        }
        Change::DeleteProgram(id, base) => {
            store.delete_program(id, base)?;
            Saved::Deleted(Entity::Program)
        }
        Change::AddAsn(input) => Saved::Asn(store.add_asn(&input)?),
        Change::UpdateAsn(id, base, input) => {
            store.update_asn(id, base, &input)?;
            Saved::Asn(id)
        }
        Change::DeleteAsn(id, base) => {
            store.delete_asn(id, base)?;
            Saved::Deleted(Entity::Asn)
        }
        Change::AddOpd(input) => Saved::Opd(store.add_opd(&input)?),
        Change::UpdateOpd(id, base, input) => {
            store.update_opd(id, base, &input)?;
            Saved::Opd(id)
        }
        Change::DeleteOpd(id, base) => {
            store.delete_opd(id, base)?;
            Saved::Deleted(Entity::Opd)
        }
        Change::Enroll(program, asn) => {
            store.enroll(program, asn)?;
            let name = store.asn(asn)?.data.name.display();
            Saved::Enrolled { asn, name }
        }
        Change::UpdateEnrollment(id, base, data) => {
            store.update_enrollment(id, base, &data)?;
            Saved::Enrollment
        }
        Change::Unenroll(id, base) => {
            store.unenroll(id, base)?;
            Saved::Deleted(Entity::Enrollment)
        }
        Change::AddObjective(program, text) => {
            store.add_objective(program, &text)?;
            Saved::Objective
        }
        Change::UpdateObjective(id, text) => {
            store.update_objective(id, &text)?;
            Saved::Objective
        }
        Change::DeleteObjective(id) => {
            store.delete_objective(id)?;
            Saved::Deleted(Entity::Objective)
        }
        Change::AddBehaviour(objective, text) => {
            store.add_behaviour(objective, &text)?;
            Saved::Objective
        }
        Change::UpdateBehaviour(id, text) => {
            store.update_behaviour(id, &text)?;
            Saved::Objective
        }
        Change::DeleteBehaviour(id) => {
            store.delete_behaviour(id)?;
            Saved::Deleted(Entity::Behaviour)
        }
        Change::AddCostLine(program, category, description, amount) => {
            store.add_cost_line(program, category, &description, amount)?;
            Saved::CostLine
        }
        Change::AddActivity(asn, activity) => {
            store.add_activity(asn, &activity)?;
            Saved::Activity
        }
        Change::DeleteActivity(id) => {
            store.delete_activity(id)?;
            Saved::Deleted(Entity::Activity)
        }
        Change::DeleteCostLine(id) => {
            store.delete_cost_line(id)?;
            Saved::Deleted(Entity::CostLine)
        }
        Change::AddUser(name, input) => {
            store.add_user_with(&name, &input)?;
            Saved::User
        }
        Change::SaveUser(id, base, input) => {
            store.save_user(id, base, &input)?;
            Saved::User
        }
        Change::StartResponse {
            batch,
            instrument_id,
            respondent,
            keying,
        } => {
            store.start_response(&batch, instrument_id, &respondent, keying)?;
            Saved::ResponseStarted(respondent)
        }
        Change::SetAnswer {
            batch,
            respondent,
            keying,
            item,
            value,
            focus,
        } => {
            store.set_answer_of(
                &batch,
                &respondent,
                keying,
                &item,
                value.as_deref(),
                focus.as_deref(),
            )?;
            Saved::Answer
        }
        Change::CompleteResponse {
            batch,
            respondent,
            keying,
            stats,
        } => {
            store.complete_response_of(
                &batch,
                &respondent,
                keying,
                (stats.compared, stats.mismatches),
            )?;
            let day = store.today();
            store.add_entry_stats(day, 1, stats.keystrokes, stats.corrections, stats.seconds)?;
            Saved::ResponseComplete(respondent)
        }
        Change::DiscardResponse {
            batch,
            respondent,
            keying,
        } => {
            store.discard_response_of(&batch, &respondent, keying)?;
            Saved::ResponseDiscarded
        }
        Change::SaveInstrument(def) => {
            let (_, _, outcome) = store.save_instrument(&def, false)?;
            Saved::Instrument(outcome)
        }
        Change::SetScore {
            program,
            asn,
            test,
            value,
            max,
        } => {
            store.set_score(program, asn, test, value, max)?;
            Saved::Score
        }
        Change::AddIndicator(program, input) => {
            store.add_indicator(program, &input)?;
            Saved::Results
        }
        Change::UpdateIndicator(id, version, input) => {
            store.update_indicator(id, version, &input)?;
            Saved::Results
        }
        Change::DeleteIndicator(id) => {
            store.delete_indicator(id)?;
            Saved::Results
        }
        Change::SaveRoi(program, base, input) => {
            store.save_roi(program, base, &input)?;
            Saved::Results
        }
        Change::KeepRecommendations {
            program,
            suggested,
            own,
        } => {
            store.keep_recommendations(program, &suggested, own.as_ref())?;
            Saved::Recommendation
        }
        Change::EditRecommendation(id, version, text) => {
            store.edit_recommendation(id, version, &text)?;
            Saved::Recommendation
        }
        Change::DeleteRecommendation(id) => {
            store.delete_recommendation(id)?;
            Saved::Recommendation
        }
        Change::AddAction(program, asn, input) => {
            store.add_action(program, asn, &input)?;
            Saved::Followup(0)
        }
        Change::UpdateAction(id, version, input) => {
            store.update_action(id, version, &input)?;
            Saved::Followup(0)
        }
        Change::CloseAction {
            id,
            version,
            status,
            outcome,
        } => {
            let today = store.today();
            store.close_action(id, version, status, &outcome, today)?;
            Saved::Followup(0)
        }
        Change::AddStep(action, step) => {
            store.add_step(action, &step)?;
            Saved::Followup(0)
        }
        Change::StepDone(id, done) => {
            let today = store.today();
            store.set_step_done(id, done.then_some(today))?;
            Saved::Followup(0)
        }
        Change::DeleteStep(id) => {
            store.delete_step(id)?;
            Saved::Followup(0)
        }
        Change::PlanFollowups(program) => Saved::Followup(store.plan_followups(program)?),
        Change::SetFollowupPlan(program, plan) => {
            Saved::Followup(store.set_followup_plan(program, &plan)?)
        }
        Change::AssignFollowup(id, who) => {
            store.assign_followup(id, who.as_deref())?;
            Saved::Followup(0)
        }
        Change::CancelFollowup(id, cancelled) => {
            store.cancel_followup(id, cancelled)?;
            Saved::Followup(0)
        }
        Change::ResolveDiscrepancy { id, version, value } => {
            store.resolve_discrepancy(id, version, value.as_deref())?;
            Saved::Discrepancy
        }
        Change::Discrepancy {
            batch,
            respondent,
            item,
            first,
            second,
        } => {
            store.record_discrepancy(
                &batch,
                &respondent,
                &item,
                first.as_deref(),
                second.as_deref(),
            )?;
            Saved::Discrepancy
        }
    })
}
