//! The headless commands.

use super::output::{Cell, Format, Listing};
use super::{
    CliError, Command, Context, ImportCommand, OpdCommand, ParticipantCommand, ProgramCommand,
    authorize,
};
use crate::domain::date;
use crate::domain::program::{LearningMode, ProgramDraft, ProgramStatus, ProgramType};
use crate::domain::user::{Capability, Role};
use crate::i18n::{Lang, Localize, Msg};
use crate::import::{participants, table};
use crate::store::{OpenMode, Store, StoreError};
use std::io::Write;
use std::process::ExitCode;

pub fn dispatch(ctx: &Context, command: Option<Command>) -> Result<ExitCode, CliError> {
    match command {
        None => open_tui(ctx),
        Some(Command::Demo) => {
            if !ctx.db.exists() {
                init(ctx, true, None)?;
                super::progress::release_signals();
            }
            open_tui(ctx)
        }
        Some(Command::Init { demo, scale }) => init(ctx, demo, scale),
        Some(Command::Program(cmd)) => program(ctx, cmd),
        Some(Command::Participant(cmd)) => participant(ctx, cmd),
        Some(Command::Opd(cmd)) => opd(ctx, cmd),
        Some(Command::Import(cmd)) => import(ctx, cmd),
        Some(Command::User(cmd)) => super::admin::user(ctx, cmd),
        Some(Command::Audit(args)) => super::admin::audit(ctx, args),
        Some(Command::Backup { file, replace }) => super::admin::backup(ctx, &file, replace),
        Some(Command::Check) => super::admin::check(ctx),
        Some(Command::Instrument(cmd)) => super::forms::instrument(ctx, cmd),
        Some(Command::Report {
            program,
            format,
            output,
        }) => super::forms::report(ctx, &program, format, output.as_deref()),
        Some(Command::Compare {
            year,
            kind,
            provider,
            opd,
            format,
        }) => super::analysis::compare(ctx, year, kind, provider, opd, format),
        Some(Command::Jp {
            year,
            opd,
            below,
            by_opd,
            format,
        }) => super::analysis::jp(ctx, year, opd, below, by_opd, format),
        Some(Command::Activity(cmd)) => super::analysis::activity(ctx, cmd),
        Some(Command::Needs {
            instrument,
            year,
            show,
            format,
        }) => super::analysis::needs(ctx, &instrument, year, show, format),
        Some(Command::Export(cmd)) => super::analysis::export(ctx, cmd),
        Some(Command::Verification { from, to, format }) => {
            super::quality::verification(ctx, from.as_deref(), to.as_deref(), format)
        }
        Some(Command::Discrepancy(cmd)) => super::quality::discrepancy(ctx, cmd),
        Some(Command::Operators { from, to, format }) => {
            super::quality::operators(ctx, from.as_deref(), to.as_deref(), format)
        }
        Some(Command::Form(cmd)) => super::quality::forms(ctx, cmd),
        Some(Command::Followup(cmd)) => super::followup::followup(ctx, cmd),
        // Answered in `cli::main` before any configuration is read.
        Some(Command::Completions { shell }) => {
            super::shell::completions(shell, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            super::shell::man_page(&mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn say(line: &str) {
    super::say(line);
}

fn open_tui(ctx: &Context) -> Result<ExitCode, CliError> {
    if !ctx.db.exists() {
        return first_run(ctx);
    }
    let store = ctx.open(None)?;
    let role = store
        .user_named(ctx.user.as_str())?
        .map(|u| u.role)
        .ok_or_else(|| CliError::NotRegistered(ctx.user.clone()))?;
    crate::app::runtime::run(store, ctx.lang, ctx.today, role)
        .map_err(|e| CliError::Terminal(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// No database where tilik looked: a page says where and what to do (on a terminal; the same text goes to
/// standard error, where it stays after the page closes). Nothing is created. Exit 1, as for a missing
/// database elsewhere.
fn first_run(ctx: &Context) -> Result<ExitCode, CliError> {
    use std::io::IsTerminal;
    let user_config = crate::config::user_config_path().map_or_else(
        || "~/.config/tilik/config.toml".into(),
        |p| p.display().to_string(),
    );
    let page = crate::app::first_run::FirstRun::new(
        ctx.lang,
        &ctx.db,
        &ctx.db_from,
        std::path::Path::new(crate::config::SYSTEM_CONFIG),
        &user_config,
    );
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        page.show().map_err(|e| CliError::Terminal(e.to_string()))?;
    }
    eprint!("{}", page.text());
    Ok(ExitCode::from(1))
}

fn init(ctx: &Context, demo: bool, scale: Option<u32>) -> Result<ExitCode, CliError> {
    let existed = ctx.db.exists();
    if demo {
        super::progress::catch_signals().map_err(|e| CliError::Terminal(e.to_string()))?;
    }
    let result = init_db(ctx, demo, scale, existed);
    if !existed && matches!(result, Err(CliError::Store(StoreError::Interrupted))) {
        // Stopped while filling a database this run created: leave no half-made database behind.
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = ctx.db.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
    result
}

fn init_db(
    ctx: &Context,
    demo: bool,
    scale: Option<u32>,
    existed: bool,
) -> Result<ExitCode, CliError> {
    let mut store = Store::open(&ctx.db, ctx.user.clone(), OpenMode::Create)?;
    super::announce_migration(&store, ctx.lang);
    if store.user_count()? == 0 {
        store.add_user(&ctx.user, "", Role::Admin)?;
    }
    authorize(&store, &ctx.user, Some(Capability::ManageUsers))?;
    store.install_templates(&crate::templates::builtin())?;
    if demo {
        if store.asn_count()? > 0 || !store.programs(&Default::default())?.is_empty() {
            return Err(CliError::NotEmpty);
        }
        super::progress::follow(&mut store, ctx.lang)?;
        let summary = match scale {
            Some(n) => {
                store.for_bulk_writes()?;
                crate::demo::fill_with(&mut store, n as usize)?
            }
            None => crate::demo::fill(&mut store, ctx.today)?,
        };
        say(&Msg::DemoFilled.fill(
            ctx.lang,
            &[
                &summary.opds,
                &summary.asn,
                &summary.programs,
                &summary.enrollments,
                &summary.forms,
                &summary.activities,
            ],
        ));
    }
    let msg = if existed {
        Msg::InitMigrated
    } else {
        Msg::InitCreated
    };
    say(&msg.fill(
        ctx.lang,
        &[&ctx.db.display(), &store.schema_version()?, &ctx.user],
    ));
    Ok(ExitCode::SUCCESS)
}

fn refused_choice(lang: Lang, flag: &str, value: &str, all: &[&str]) -> CliError {
    CliError::Refused(vec![
        Msg::CliBadChoice.fill(lang, &[&flag, &value, &all.join(", ")]),
    ])
}

fn program(ctx: &Context, cmd: ProgramCommand) -> Result<ExitCode, CliError> {
    match cmd {
        ProgramCommand::Add(add) => {
            let super::ProgramAdd {
                code,
                name,
                kind,
                start,
                end,
                jp,
                provider,
                location,
                mode,
                quota,
                status,
            } = *add;
            let codes = |all: &[&'static str]| all.to_vec();
            let kind = ProgramType::from_code(&kind).ok_or_else(|| {
                refused_choice(
                    ctx.lang,
                    "--type",
                    &kind,
                    &codes(
                        &ProgramType::ALL
                            .iter()
                            .map(|t| t.code())
                            .collect::<Vec<_>>(),
                    ),
                )
            })?;
            let mode = LearningMode::from_code(&mode).ok_or_else(|| {
                refused_choice(
                    ctx.lang,
                    "--mode",
                    &mode,
                    &LearningMode::ALL
                        .iter()
                        .map(|t| t.code())
                        .collect::<Vec<_>>(),
                )
            })?;
            let status = ProgramStatus::from_code(&status).ok_or_else(|| {
                refused_choice(
                    ctx.lang,
                    "--status",
                    &status,
                    &ProgramStatus::ALL
                        .iter()
                        .map(|t| t.code())
                        .collect::<Vec<_>>(),
                )
            })?;
            let draft = ProgramDraft {
                code,
                name: crate::text::clean_line(&name),
                kind,
                mode,
                provider: crate::text::clean_line(provider.as_deref().unwrap_or("")),
                location: crate::text::clean_line(location.as_deref().unwrap_or("")),
                start,
                end,
                jp,
                quota: quota.unwrap_or_default(),
                status,
                ..ProgramDraft::default()
            };
            let input = draft.parse().map_err(|errors| {
                CliError::Refused(
                    errors
                        .iter()
                        .map(|e| {
                            Msg::CliFieldError.fill(
                                ctx.lang,
                                &[&program_flag(e.field), &e.problem.localize(ctx.lang)],
                            )
                        })
                        .collect(),
                )
            })?;
            let mut store = ctx.open(Some(Capability::EditPrograms))?;
            store.add_program(&input).map_err(|e| match e {
                StoreError::Duplicate { .. } => {
                    CliError::Refused(vec![Msg::ErrProgramExists.fill(ctx.lang, &[&input.code])])
                }
                other => other.into(),
            })?;
            say(&Msg::ProgramAdded.fill(ctx.lang, &[&input.code, &input.name]));
            Ok(ExitCode::SUCCESS)
        }
        ProgramCommand::List { format, year } => {
            let store = ctx.open(None)?;
            let rows = store.programs(&crate::store::program::ProgramFilter {
                year,
                ..Default::default()
            })?;
            let l = ctx.lang;
            let listing = Listing {
                keys: vec![
                    "code",
                    "name",
                    "type",
                    "mode",
                    "provider",
                    "location",
                    "start",
                    "end",
                    "jp",
                    "quota",
                    "status",
                    "participants",
                ],
                headers: [
                    Msg::ColCode,
                    Msg::ColName,
                    Msg::ColType,
                    Msg::ColMode,
                    Msg::ColProvider,
                    Msg::ColLocation,
                    Msg::ColStart,
                    Msg::ColEnd,
                    Msg::ColJp,
                    Msg::ColQuota,
                    Msg::ColStatus,
                    Msg::ColParticipants,
                ]
                .iter()
                .map(|m| m.text(l).to_string())
                .collect(),
                rows: rows
                    .iter()
                    .map(|r| {
                        let p = &r.program.data;
                        let human = format == Format::Table;
                        let code_or_label = |code: &str, label: Msg| {
                            Cell::text(if human { label.text(l) } else { code })
                        };
                        let day =
                            |d| Cell::text(if human { date::format(d) } else { date::iso(d) });
                        vec![
                            Cell::text(p.code.as_str()),
                            Cell::text(&p.name),
                            code_or_label(p.kind.code(), p.kind.label()),
                            code_or_label(p.mode.code(), p.mode.label()),
                            Cell::text(&p.provider),
                            Cell::text(&p.location),
                            day(p.start),
                            day(p.end),
                            Cell::Int(i64::from(p.jp)),
                            Cell::opt_int(p.quota.map(i64::from)),
                            code_or_label(p.status.code(), p.status.label()),
                            Cell::Int(r.participants),
                        ]
                    })
                    .collect(),
            };
            print_listing(&listing, format)
        }
    }
}

fn program_flag(field: crate::domain::program::ProgramField) -> &'static str {
    use crate::domain::program::ProgramField as F;
    match field {
        F::Code => "--code",
        F::Name => "--name",
        F::Type => "--type",
        F::Mode => "--mode",
        F::Competency => "--competency",
        F::Provider => "--provider",
        F::Accreditation => "--accreditation",
        F::Location => "--location",
        F::Start => "--start",
        F::End => "--end",
        F::Jp => "--jp",
        F::Quota => "--quota",
        F::Status => "--status",
    }
}

pub(super) fn print_listing(listing: &Listing, format: Format) -> Result<ExitCode, CliError> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match listing.write(format, &mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`tilik … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}

fn participant(ctx: &Context, cmd: ParticipantCommand) -> Result<ExitCode, CliError> {
    let ParticipantCommand::List { program, format } = cmd;
    let store = ctx.open(None)?;
    let l = ctx.lang;
    let base_keys = vec![
        "nip",
        "nama",
        "jabatan",
        "golongan",
        "unit",
        "jenis",
        "atasan_nip",
    ];
    let base_headers = [
        Msg::ColNip,
        Msg::ColName,
        Msg::ColJabatan,
        Msg::ColGolongan,
        Msg::ColUnit,
        Msg::ColKind,
        Msg::ColAtasanNip,
    ];
    let kind_code = |k| match k {
        crate::domain::nip::EmployeeKind::Pns => "pns",
        crate::domain::nip::EmployeeKind::Pppk => "pppk",
    };
    let listing = match program {
        None => {
            let rows = store.all_asn()?;
            Listing {
                keys: base_keys,
                headers: base_headers.iter().map(|m| m.text(l).to_string()).collect(),
                rows: rows
                    .into_iter()
                    .map(|r| {
                        vec![
                            Cell::text(r.nip),
                            Cell::text(r.name),
                            Cell::text(r.jabatan),
                            Cell::opt_text(r.golongan),
                            Cell::opt_text(r.opd),
                            Cell::text(kind_code(r.kind)),
                            Cell::opt_text(r.atasan_nip),
                        ]
                    })
                    .collect(),
            }
        }
        Some(code) => {
            let program = store
                .program_by_code(&code)?
                .ok_or(CliError::UnknownProgram(code))?;
            let rows = store.roster(program.id)?;
            let mut keys = base_keys;
            keys.truncate(6);
            keys.extend(["kehadiran", "kelulusan", "nomor_sertifikat"]);
            let headers = base_headers[..6]
                .iter()
                .chain(&[Msg::ColAttendance, Msg::ColCompletion, Msg::ColCertificate])
                .map(|m| m.text(l).to_string())
                .collect();
            Listing {
                keys,
                headers,
                rows: rows
                    .into_iter()
                    .map(|r| {
                        vec![
                            Cell::text(r.nip),
                            Cell::text(r.name),
                            Cell::text(r.jabatan),
                            Cell::opt_text(r.golongan),
                            Cell::opt_text(r.opd),
                            Cell::text(kind_code(r.kind)),
                            Cell::opt_int(r.data.attendance.map(|a| i64::from(a.percent()))),
                            Cell::opt_text(r.data.completion.map(|c| {
                                if format == Format::Table {
                                    c.label().text(l)
                                } else {
                                    c.code()
                                }
                            })),
                            Cell::text(r.data.certificate_no),
                        ]
                    })
                    .collect(),
            }
        }
    };
    print_listing(&listing, format)
}

fn opd(ctx: &Context, cmd: OpdCommand) -> Result<ExitCode, CliError> {
    let OpdCommand::List { format } = cmd;
    let store = ctx.open(None)?;
    let l = ctx.lang;
    let human = format == Format::Table;
    let rows = store.opds()?;
    let day = |d: Option<chrono::NaiveDate>| match d {
        Some(d) if human => Cell::text(date::format(d)),
        Some(d) => Cell::text(date::iso(d)),
        None => Cell::Null,
    };
    let listing = Listing {
        keys: vec!["code", "name", "kind", "valid_from", "valid_to", "asn"],
        headers: [
            Msg::ColCode,
            Msg::ColName,
            Msg::ColKind,
            Msg::ColValidFrom,
            Msg::ColValidTo,
            Msg::ColAsnCount,
        ]
        .iter()
        .map(|m| m.text(l).to_string())
        .collect(),
        rows: rows
            .into_iter()
            .map(|r| {
                vec![
                    Cell::text(r.opd.code),
                    Cell::text(r.opd.name),
                    Cell::text(if human {
                        r.opd.kind.label().text(l)
                    } else {
                        r.opd.kind.code()
                    }),
                    day(r.opd.valid_from),
                    day(r.opd.valid_to),
                    Cell::Int(r.asn_count),
                ]
            })
            .collect(),
    };
    print_listing(&listing, format)
}

fn import(ctx: &Context, cmd: ImportCommand) -> Result<ExitCode, CliError> {
    match cmd {
        ImportCommand::Instrument { file } => super::forms::import_instrument(ctx, &file),
        ImportCommand::Survey {
            file,
            program,
            instrument,
            phase,
            replace,
        } => super::forms::import_survey(
            ctx,
            &file,
            program.as_deref(),
            &instrument,
            phase.as_deref(),
            replace,
        ),
        ImportCommand::Observations {
            file,
            program,
            instrument,
            phase,
            replace,
        } => super::forms::import_forms_file(
            ctx,
            &file,
            Some(&program),
            &instrument,
            Some(&phase),
            replace,
            super::forms::FormsKind::Observations,
        ),
        ImportCommand::Interviews {
            file,
            program,
            instrument,
            phase,
            replace,
        } => super::forms::import_forms_file(
            ctx,
            &file,
            Some(&program),
            &instrument,
            Some(&phase),
            replace,
            super::forms::FormsKind::Interviews,
        ),
        ImportCommand::Scores { file, program, max } => {
            super::forms::import_scores(ctx, &file, &program, max)
        }
        ImportCommand::Participants { file, program } => {
            let need = if program.is_some() {
                Capability::Enroll
            } else {
                Capability::EditMasterData
            };
            let mut store = ctx.open(Some(need))?;
            store.for_bulk_writes()?;
            super::progress::follow(&mut store, ctx.lang)?;
            authorize(&store, &ctx.user, Some(Capability::EditMasterData))?;
            let program = match program {
                Some(code) => Some(
                    store
                        .program_by_code(&code)?
                        .ok_or(CliError::UnknownProgram(code))?
                        .id,
                ),
                None => None,
            };
            let table = table::read_table(&file)?;
            let mut checked = participants::check(&table, ctx.today);
            let l = ctx.lang;
            if !checked.unknown_columns.is_empty() {
                eprintln!(
                    "tilik: {}",
                    Msg::WarnUnknownColumns.fill(l, &[&checked.unknown_columns.join(", ")])
                );
            }
            // Every atasan must be in the file or already in the database.
            let outside = checked.atasan_outside_file();
            let missing = store.unknown_nips(outside.iter().copied())?;
            let known: Vec<String> = outside
                .iter()
                .filter(|n| !missing.iter().any(|m| m == *n))
                .map(|n| n.to_string())
                .collect();
            checked.check_atasan(&known);
            if !checked.errors.is_empty() {
                return Err(CliError::Refused(
                    checked
                        .errors
                        .iter()
                        .map(|e| {
                            Msg::RowError.fill(l, &[&e.line, &e.column, &e.problem.localize(l)])
                        })
                        .collect(),
                ));
            }
            let people: Vec<_> = checked.rows.into_iter().map(|r| r.data).collect();
            let summary = store.import_people(&people, program)?;
            say(&Msg::ImportedParticipants.fill(
                l,
                &[
                    &summary.inserted,
                    &summary.updated,
                    &summary.unchanged,
                    &summary.enrolled,
                ],
            ));
            if !summary.opds_created.is_empty() {
                say(&Msg::ImportedNewOpds.fill(l, &[&summary.opds_created.join(", ")]));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
