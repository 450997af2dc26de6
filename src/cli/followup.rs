//! Follow-ups from the command line: the worklist, and how a program is followed up.

use super::commands::print_listing;
use super::output::{Cell, Format, Listing};
use super::{CliError, Context, FollowupCommand};
use crate::domain::date;
use crate::domain::followup::{
    DEFAULT_OFFSETS, DEFAULT_RESULTS_OFFSET, FollowupPlan, parse_offsets,
};
use crate::domain::problem::Problem;
use crate::domain::user::Capability;
use crate::i18n::{Localize, Msg};
use crate::store::followup::{Work, WorkFilter, WorkView};
use std::process::ExitCode;

pub fn followup(ctx: &Context, cmd: FollowupCommand) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    match cmd {
        FollowupCommand::List {
            due,
            overdue,
            open,
            done,
            all,
            program,
            opd,
            evaluator,
            format,
        } => {
            let store = ctx.open(None)?;
            let view = if all {
                WorkView::All
            } else if done {
                WorkView::Done
            } else if open || overdue || due {
                WorkView::Open
            } else {
                WorkView::Due
            };
            let program = match program {
                Some(code) => Some(
                    store
                        .program_by_code(&code)?
                        .ok_or(CliError::UnknownProgram(code))?
                        .id,
                ),
                None => None,
            };
            let opd = opd
                .map(|o| super::analysis::opd_arg(&store, l, &o))
                .transpose()?;
            let rows = store.worklist(
                &WorkFilter {
                    view,
                    program,
                    opd,
                    evaluator,
                },
                ctx.today,
            )?;
            use crate::domain::followup::Due;
            let rows: Vec<_> = rows
                .into_iter()
                .filter(|r| {
                    (!overdue || r.state == Due::Overdue) && (!due || r.state == Due::ThisWeek)
                })
                .collect();
            let human = format == Format::Table;
            let listing = Listing {
                keys: vec![
                    "due",
                    "state",
                    "program",
                    "nip",
                    "name",
                    "unit",
                    "kind",
                    "instrument",
                    "phase",
                    "title",
                    "evaluator",
                    "id",
                ],
                headers: [
                    Msg::StepDue,
                    Msg::ColStatus,
                    Msg::SetupProgram,
                    Msg::ColNip,
                    Msg::ColName,
                    Msg::ColUnit,
                    Msg::ColKind,
                    Msg::ColInstrument,
                    Msg::SetupPhase,
                    Msg::ColTitle,
                    Msg::WorkWho,
                    Msg::ColId,
                ]
                .iter()
                .map(|m| m.text(l).to_string())
                .collect(),
                rows: rows
                    .iter()
                    .map(|r| {
                        let (kind, instrument, phase, title, id) = match &r.what {
                            Work::Form {
                                id,
                                instrument,
                                phase,
                                ..
                            } => (
                                "form",
                                Cell::text(instrument),
                                Cell::text(phase.code()),
                                Cell::Null,
                                *id,
                            ),
                            Work::Step {
                                id, kind, title, ..
                            } => (
                                "step",
                                Cell::Null,
                                Cell::Null,
                                Cell::text(if human {
                                    format!("{}: {title}", kind.label().text(l))
                                } else {
                                    title.clone()
                                }),
                                *id,
                            ),
                        };
                        vec![
                            Cell::text(if human {
                                date::format(r.due)
                            } else {
                                date::iso(r.due)
                            }),
                            Cell::text(if human {
                                r.state.label().text(l).to_string()
                            } else {
                                r.state.code().to_string()
                            }),
                            Cell::text(&r.program_code),
                            Cell::text(&r.nip),
                            Cell::text(&r.name),
                            Cell::text(&r.opd),
                            Cell::text(kind),
                            instrument,
                            phase,
                            title,
                            Cell::opt_text(r.evaluator.clone()),
                            Cell::Int(id),
                        ]
                    })
                    .collect(),
            };
            print_listing(&listing, format)
        }
        FollowupCommand::Plan {
            program,
            offsets,
            results,
            observation,
            interview,
            self_report,
        } => {
            let mut store = ctx.open(Some(Capability::EditPrograms))?;
            let p = store
                .program_by_code(&program)?
                .ok_or(CliError::UnknownProgram(program))?;
            let current = store.followup_plan(p.id)?;
            let mut problems = Vec::new();
            let offsets = match offsets {
                None => current.offsets.clone(),
                Some(o) => parse_offsets(&o).unwrap_or_else(|e| {
                    problems.push(Msg::CliFieldError.fill(l, &[&"--offsets", &e.localize(l)]));
                    DEFAULT_OFFSETS.to_vec()
                }),
            };
            let results_offset = match results {
                Some(r) if !(1..=1000).contains(&r) => {
                    problems.push(
                        Msg::CliFieldError.fill(
                            l,
                            &[
                                &"--results",
                                &Problem::Range {
                                    min: 1.0,
                                    max: 1000.0,
                                }
                                .localize(l),
                            ],
                        ),
                    );
                    DEFAULT_RESULTS_OFFSET
                }
                Some(r) => r,
                None => current.results_offset,
            };
            use crate::domain::instrument::{Definition, ItemRole, Level};
            // Each slot takes its kind of form: a checklist, an interview guide (with the atasan named),
            // a self-assessment (ratings per objective, no atasan).
            let is_interview =
                |d: &Definition| d.items.iter().any(|i| i.role == Some(ItemRole::Atasan));
            let is_checklist = |d: &Definition| {
                d.items
                    .iter()
                    .all(|i| i.objective.is_none() && i.role != Some(ItemRole::Atasan))
            };
            let is_self =
                |d: &Definition| d.items.iter().any(|i| i.objective.is_some()) && !is_interview(d);
            let mut instrument =
                |flag: &str,
                 given: Option<String>,
                 now: Option<String>,
                 fits: &dyn Fn(&Definition) -> bool| {
                    match given.as_deref().map(str::trim) {
                        None => now,
                        Some("none" | "-" | "") => None,
                        Some(code) => match store.instrument(code) {
                            Ok(Some(i))
                                if i.definition.level == Level::Behavior && fits(&i.definition) =>
                            {
                                Some(i.definition.code)
                            }
                            _ => {
                                problems.push(Msg::ErrWrongSlot.fill(l, &[&flag, &code]));
                                None
                            }
                        },
                    }
                };
            let plan = FollowupPlan {
                observation: instrument(
                    "--observation",
                    observation,
                    current.observation.clone(),
                    &is_checklist,
                ),
                interview: instrument(
                    "--interview",
                    interview,
                    current.interview.clone(),
                    &is_interview,
                ),
                self_report: instrument(
                    "--self",
                    self_report,
                    current.self_report.clone(),
                    &is_self,
                ),
                offsets,
                results_offset,
            };
            if !problems.is_empty() {
                return Err(CliError::Refused(problems));
            }
            let added = store.set_followup_plan(p.id, &plan)?;
            let name = |c: &Option<String>| c.clone().unwrap_or_else(|| "-".into());
            super::say(
                &Msg::FollowupPlanSet.fill(
                    l,
                    &[
                        &p.data.code,
                        &name(&plan.observation),
                        &name(&plan.interview),
                        &name(&plan.self_report),
                        &plan
                            .offsets
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(","),
                        &plan.results_offset,
                        &added,
                    ],
                ),
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
