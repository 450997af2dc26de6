//! Instruments and forms from the command line: importing definitions, surveys and scores.

use super::output::{Cell, Format, Listing};
use super::{CliError, Context, InstrumentCommand};
use crate::domain::instrument::Phase;
use crate::domain::problem::Problem;
use crate::domain::user::Capability;
use crate::i18n::{Localize, Msg};
use crate::import::participants::RowError;
use crate::import::{instrument, survey, table};
use crate::store::StoreError;
use crate::store::response::{Batch, Respondent};
use std::path::Path;
use std::process::ExitCode;

fn refuse_rows(ctx: &Context, mut errors: Vec<RowError>) -> CliError {
    errors.sort_by_key(|e| e.line);
    CliError::Refused(
        errors
            .iter()
            .map(|e| {
                Msg::RowError.fill(
                    ctx.lang,
                    &[&e.line, &e.column, &e.problem.localize(ctx.lang)],
                )
            })
            .collect(),
    )
}

pub fn import_instrument(ctx: &Context, file: &Path) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let text = std::fs::read_to_string(file).map_err(|source| CliError::ReadFile {
        path: file.to_path_buf(),
        source,
    })?;
    let def = instrument::parse(&text).map_err(|e| {
        let place = match (e.line, e.column) {
            (Some(line), Some(col)) => Msg::AtLineColumn.fill(l, &[&line, &col]),
            (Some(line), None) => Msg::AtLine.fill(l, &[&line]),
            _ => String::new(),
        };
        CliError::Refused(vec![format!("{place}{}", e.error.localize(l))])
    })?;
    let mut store = ctx.open(Some(Capability::ManageInstruments))?;
    let (_, revision, outcome) = store.save_instrument(&def, false)?;
    use crate::store::instrument::Saved as S;
    let msg = match outcome {
        S::Created => Msg::InstrumentImported,
        S::Updated => Msg::InstrumentImportedUpdated,
        S::NewRevision => Msg::InstrumentImportedRevision,
        S::Unchanged => Msg::InstrumentImportedUnchanged,
    };
    super::say(&msg.fill(l, &[&def.code, &def.items.len(), &revision]));
    Ok(ExitCode::SUCCESS)
}

pub fn instrument(ctx: &Context, cmd: InstrumentCommand) -> Result<ExitCode, CliError> {
    let store = ctx.open(None)?;
    let l = ctx.lang;
    match cmd {
        InstrumentCommand::List { format } => {
            let human = format == Format::Table;
            let listing = Listing {
                keys: vec![
                    "code",
                    "title",
                    "level",
                    "revision",
                    "items",
                    "anonymous",
                    "forms",
                ],
                headers: [
                    Msg::ColCode,
                    Msg::ColTitle,
                    Msg::ColLevel,
                    Msg::ColRevision,
                    Msg::ColItems,
                    Msg::Anonymous,
                    Msg::ColForms,
                ]
                .iter()
                .map(|m| m.text(l).to_string())
                .collect(),
                rows: store
                    .instruments()?
                    .into_iter()
                    .map(|r| {
                        vec![
                            Cell::text(r.code),
                            Cell::text(r.title),
                            Cell::text(if human {
                                r.level.label().text(l)
                            } else {
                                r.level.code()
                            }),
                            Cell::Int(i64::from(r.revision)),
                            Cell::Int(i64::try_from(r.items).unwrap_or(0)),
                            Cell::flag(r.anonymous, format, l),
                            Cell::Int(r.responses),
                        ]
                    })
                    .collect(),
            };
            super::commands::print_listing(&listing, format)
        }
        InstrumentCommand::Export { code } => {
            let stored = store.instrument(&code)?.ok_or_else(|| {
                CliError::Refused(vec![
                    Msg::ErrNotFound.fill(l, &[&Msg::EntityInstrument.text(l), &code]),
                ])
            })?;
            super::say_raw(&instrument::export(&stored.definition, stored.revision));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What kind of forms a file must hold (`import survey` takes any instrument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormsKind {
    Any,
    /// Observation checklists (behaviour level, about behaviours).
    Observations,
    /// Supervisor interviews (behaviour level, about the program's objectives, with the atasan named).
    Interviews,
}

pub fn import_survey(
    ctx: &Context,
    file: &Path,
    program: Option<&str>,
    code: &str,
    phase: Option<&str>,
    replace: bool,
) -> Result<ExitCode, CliError> {
    import_forms_file(ctx, file, program, code, phase, replace, FormsKind::Any)
}

pub fn import_forms_file(
    ctx: &Context,
    file: &Path,
    program: Option<&str>,
    code: &str,
    phase: Option<&str>,
    replace: bool,
    kind: FormsKind,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let mut store = ctx.open(Some(Capability::EnterData))?;
    store.for_bulk_writes()?;
    super::progress::follow(&mut store, ctx.lang)?;
    let stored = store.instrument(code)?.ok_or_else(|| {
        CliError::Refused(vec![
            Msg::ErrNotFound.fill(l, &[&Msg::EntityInstrument.text(l), &code]),
        ])
    })?;
    use crate::domain::instrument::{ItemRole, Level};
    let level = stored.definition.level;
    let needs = level == Level::Needs;
    let def = &stored.definition;
    let interview = def.items.iter().any(|i| i.role == Some(ItemRole::Atasan));
    let fits = match kind {
        FormsKind::Any => true,
        FormsKind::Observations => {
            level == Level::Behavior
                && !interview
                && def.items.iter().all(|i| i.objective.is_none())
        }
        FormsKind::Interviews => level == Level::Behavior && interview,
    };
    if !fits {
        let msg = match kind {
            FormsKind::Interviews => Msg::ErrNotInterview,
            _ => Msg::ErrNotChecklist,
        };
        return Err(CliError::Refused(vec![msg.fill(l, &[&def.code])]));
    }
    // As in the terminal interface: needs before training, behaviour and results at work afterwards.
    let phase = match phase {
        None if needs => Phase::Pre,
        None if matches!(level, Level::Behavior | Level::Results) => Phase::Followup,
        None => Phase::Post,
        Some(p) => Phase::from_code(p).ok_or_else(|| {
            CliError::Refused(vec![
                Msg::CliBadChoice
                    .fill(l, &[&"--phase", &p, &"pre, post, followup, f1, f2, f3, m6"]),
            ])
        })?,
    };
    // Needs-analysis forms are filled before any program exists; every other form belongs to one.
    let program = match program {
        Some(code) => Some(
            store
                .program_by_code(code)?
                .ok_or_else(|| CliError::UnknownProgram(code.to_string()))?,
        ),
        None if needs => None,
        None => {
            return Err(CliError::Refused(vec![
                Msg::ErrProgramNeeded.fill(l, &[&stored.definition.code]),
            ]));
        }
    };
    let program_id = program.as_ref().map(|p| p.id);
    let table = table::read_table(file)?;
    // Dates, objectives and the phase are checked against the program the forms belong to.
    let frame = match &program {
        Some(p) => Some(survey::Frame {
            objectives: Some(store.objectives(p.id)?.len()),
            dates: Some((p.data.start, p.data.end)),
            phase,
            today: ctx.today,
        }),
        None => None,
    };
    let mut checked = survey::check_survey_in(&table, &stored.definition, frame.as_ref());
    // An atasan named by NIP must be someone tilik knows (a name is taken as written).
    if let Some(item) = def.items.iter().find(|i| i.role == Some(ItemRole::Atasan)) {
        let mut unknown = Vec::new();
        for row in &checked.rows {
            let Some(v) = row.answers.get(item.code.as_str()) else {
                continue;
            };
            let digits: String = v.chars().filter(|c| !c.is_whitespace()).collect();
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && store.asn_by_nip(&digits)?.is_none()
            {
                unknown.push(RowError {
                    line: row.line,
                    column: item.code.to_string(),
                    problem: Problem::AtasanNotRegistered(digits),
                });
            }
        }
        let bad: Vec<usize> = unknown.iter().map(|e| e.line).collect();
        checked.rows.retain(|r| !bad.contains(&r.line));
        checked.errors.extend(unknown);
    }
    let batch = Batch {
        program: program_id,
        instrument: stored.definition.code.clone(),
        phase,
    };
    // Respondents: people of the program (by NIP), not entered yet unless --replace.
    let nips: Vec<&str> = checked
        .rows
        .iter()
        .filter_map(|r| match &r.who {
            survey::Who::Nip(n) => Some(n.as_str()),
            survey::Who::Sheet(_) => None,
        })
        .collect();
    let people = store.people_by_nip(program_id, &nips)?;
    let entered = if replace {
        Default::default()
    } else {
        store.respondents_with_forms(&batch, crate::store::response::Keying::First)?
    };
    let mut forms = Vec::with_capacity(checked.rows.len());
    for row in std::mem::take(&mut checked.rows) {
        let respondent = match &row.who {
            survey::Who::Sheet(s) => Respondent::Sheet(s.clone()),
            survey::Who::Nip(n) => match people.get(n) {
                None => {
                    checked.errors.push(RowError {
                        line: row.line,
                        column: "nip".into(),
                        problem: Problem::UnknownNip(n.clone()),
                    });
                    continue;
                }
                Some((_, false)) if program_id.is_some() => {
                    checked.errors.push(RowError {
                        line: row.line,
                        column: "nip".into(),
                        problem: Problem::NotEnrolled(n.clone()),
                    });
                    continue;
                }
                Some((id, _)) => Respondent::Asn(*id),
            },
        };
        if entered.contains(&respondent) {
            let column = if matches!(respondent, Respondent::Sheet(_)) {
                "sheet"
            } else {
                "nip"
            };
            checked.errors.push(RowError {
                line: row.line,
                column: column.into(),
                problem: Problem::AlreadyEntered,
            });
            continue;
        }
        forms.push((respondent, row.answers));
    }
    if !checked.errors.is_empty() {
        return Err(refuse_rows(ctx, checked.errors));
    }
    let done = store
        .import_forms(&batch, stored.id, &forms, replace)
        .map_err(|e| match e {
            StoreError::Duplicate { .. } => {
                CliError::Refused(vec![Problem::AlreadyEntered.localize(l)])
            }
            other => other.into(),
        })?;
    super::say(&Msg::SurveyImported.fill(l, &[&done.added, &done.replaced, &done.answers]));
    Ok(ExitCode::SUCCESS)
}

pub fn import_scores(
    ctx: &Context,
    file: &Path,
    program: &str,
    max: f64,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    if !(max > 0.0 && max.is_finite()) {
        return Err(CliError::Refused(vec![
            Msg::CliFieldError.fill(l, &[&"--max", &Problem::NotPositive.localize(l)]),
        ]));
    }
    let mut store = ctx.open(Some(Capability::EnterData))?;
    store.for_bulk_writes()?;
    super::progress::follow(&mut store, ctx.lang)?;
    let program = store
        .program_by_code(program)?
        .ok_or_else(|| CliError::UnknownProgram(program.to_string()))?;
    let table = table::read_table(file)?;
    let mut checked = survey::check_scores(&table, max);
    let nips: Vec<&str> = checked.rows.iter().map(|r| r.nip.as_str()).collect();
    let people = store.people_by_nip(Some(program.id), &nips)?;
    // A score kept from before (its cell is empty here) must still fit the maximum given now.
    let stored: std::collections::HashMap<crate::domain::ids::AsnId, (Option<f64>, Option<f64>)> =
        store
            .scores(program.id)?
            .into_iter()
            .map(|s| (s.asn, (s.pre, s.post)))
            .collect();
    let mut rows = Vec::new();
    for r in &checked.rows {
        if let Some((id, true)) = people.get(&r.nip) {
            let (old_pre, old_post) = stored.get(id).copied().unwrap_or_default();
            for (column, new, old) in [("pre", r.pre, old_pre), ("post", r.post, old_post)] {
                if let (None, Some(old)) = (new, old)
                    && old > max
                {
                    checked.errors.push(RowError {
                        line: r.line,
                        column: column.into(),
                        problem: Problem::StoredAboveMax { stored: old, max },
                    });
                }
            }
        }
        match people.get(&r.nip) {
            None => checked.errors.push(RowError {
                line: r.line,
                column: "nip".into(),
                problem: Problem::UnknownNip(r.nip.clone()),
            }),
            Some((_, false)) => checked.errors.push(RowError {
                line: r.line,
                column: "nip".into(),
                problem: Problem::NotEnrolled(r.nip.clone()),
            }),
            Some((id, true)) => rows.push((*id, r.pre, r.post)),
        }
    }
    if !checked.errors.is_empty() {
        return Err(refuse_rows(ctx, checked.errors));
    }
    let n = store.import_scores(program.id, &rows, max)?;
    super::say(&Msg::ScoresImported.fill(l, &[&n]));
    Ok(ExitCode::SUCCESS)
}

pub fn report(
    ctx: &Context,
    program: &str,
    format: super::ReportFormat,
    output: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let mut store = ctx.open(Some(Capability::ViewReports))?;
    if output.is_some() {
        super::progress::follow(&mut store, ctx.lang)?;
    }
    let program = store
        .program_by_code(program)?
        .ok_or_else(|| CliError::UnknownProgram(program.to_string()))?;
    let report = crate::report::build(&store, &program, ctx.lang)?;
    let bytes: Vec<u8> = match format {
        super::ReportFormat::Json => crate::report::json::render(&report).into_bytes(),
        super::ReportFormat::Html => crate::report::html::render(&report, ctx.lang).into_bytes(),
        super::ReportFormat::Csv => {
            let mut out = Vec::new();
            crate::report::table::listing(&report).write(super::output::Format::Csv, &mut out)?;
            out
        }
        super::ReportFormat::Xlsx => {
            if output.is_none() {
                return Err(CliError::Refused(vec![
                    Msg::ErrXlsxNeedsFile.text(ctx.lang).to_string(),
                ]));
            }
            crate::report::xlsx::render(&report, ctx.lang)
                .map_err(|e| CliError::Refused(vec![Msg::ErrXlsx.fill(ctx.lang, &[&e])]))?
        }
    };
    match output {
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            let written = stdout.write_all(&bytes).and_then(|()| {
                if bytes.ends_with(b"\n") {
                    Ok(())
                } else {
                    stdout.write_all(b"\n")
                }
            });
            match written.and_then(|()| stdout.flush()) {
                // A closed pipe (`tilik report … | head`) is not an error worth a message.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Some(path) => {
            crate::identity::write_as_user_unless_stopped(path, &bytes, || {
                !super::progress::stop_requested()
            })
            .map_err(|source| match source.kind() {
                std::io::ErrorKind::Interrupted => StoreError::Interrupted.into(),
                _ => CliError::WriteFile {
                    path: path.to_path_buf(),
                    source,
                },
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
