//! Headless analysis across programs and people: comparison, 20 JP, learning activities, training
//! needs, and the SIASN export.

use super::commands::print_listing;
use super::output::{Cell, Format, Listing};
use super::{ActivityCommand, CliError, Context, ExportCommand, NeedsView};
use crate::domain::activity::{ActivityDraft, ActivityField};
use crate::domain::date;
use crate::domain::ids::OpdId;
use crate::domain::nip::Nip;
use crate::domain::problem::Problem;
use crate::domain::program::{LearningMode, ProgramType};
use crate::domain::user::Capability;
use crate::i18n::{Lang, Localize, Msg};
use crate::store::analysis::{ComparisonFilter, JP_TARGET};
use crate::store::{Store, StoreError};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn headers(lang: Lang, msgs: &[Msg]) -> Vec<String> {
    msgs.iter().map(|m| m.text(lang).to_string()).collect()
}

/// A day as people read it in tables, as ISO in JSON and CSV.
fn day(d: chrono::NaiveDate, format: Format) -> Cell {
    Cell::text(if format == Format::Table {
        date::format(d)
    } else {
        date::iso(d)
    })
}

/// A code as itself in JSON/CSV, as its label in tables.
fn coded(code: &str, label: Option<Msg>, format: Format, lang: Lang) -> Cell {
    match (format, label) {
        (Format::Table, Some(m)) => Cell::text(m.text(lang)),
        _ => Cell::text(code),
    }
}

/// Rounded for reading; JSON and CSV keep two decimals too, which is what any figure here means.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// An OPD named on the command line by its code or name.
pub(super) fn opd_arg(store: &Store, lang: Lang, wanted: &str) -> Result<OpdId, CliError> {
    let wanted_t = wanted.trim();
    let all = store.opds()?;
    all.iter()
        .find(|o| {
            // An empty value names nothing (OPDs made by imports have no code).
            !wanted_t.is_empty()
                && (o.opd.code.eq_ignore_ascii_case(wanted_t)
                    || o.opd.name.eq_ignore_ascii_case(wanted_t))
        })
        .map(|o| o.opd.id)
        .ok_or_else(|| CliError::Refused(vec![Msg::ErrUnknownOpd.fill(lang, &[&wanted])]))
}

fn bad_choice(lang: Lang, flag: &str, value: &str, all: &[&str]) -> String {
    Msg::CliBadChoice.fill(
        lang,
        &[&flag, &crate::text::visible(value), &all.join(", ")],
    )
}

fn refused(lang: Lang, flag: &str, value: &str, all: &[&str]) -> CliError {
    CliError::Refused(vec![bad_choice(lang, flag, value, all)])
}

fn field_problem(lang: Lang, flag: &str, problem: Problem) -> String {
    Msg::CliFieldError.fill(lang, &[&flag, &problem.localize(lang)])
}

pub fn compare(
    ctx: &Context,
    year: Option<i32>,
    kind: Option<String>,
    provider: Option<String>,
    opd: Option<String>,
    format: Format,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let kind = match kind {
        None => None,
        Some(k) => Some(ProgramType::from_code(&k).ok_or_else(|| {
            let all: Vec<&str> = ProgramType::ALL.iter().map(|t| t.code()).collect();
            refused(l, "--type", &k, &all)
        })?),
    };
    let store = ctx.open(Some(Capability::ViewReports))?;
    let opd = opd.map(|o| opd_arg(&store, l, &o)).transpose()?;
    let rows = store.comparison(&ComparisonFilter {
        year,
        kind,
        provider,
        opd,
    })?;
    let listing = Listing {
        keys: vec![
            "code",
            "name",
            "year",
            "type",
            "provider",
            "participants",
            "passed",
            "pass_pct",
            "reaction_index",
            "reaction_forms",
            "ngain_mean",
            "test_pairs",
            "cost_per_participant",
        ],
        headers: headers(
            l,
            &[
                Msg::ColCode,
                Msg::ColName,
                Msg::ColYear,
                Msg::ColType,
                Msg::ColProvider,
                Msg::ColParticipants,
                Msg::ColPassed,
                Msg::ColPassedPct,
                Msg::LevelReaction,
                Msg::ColForms,
                Msg::ColGain,
                Msg::ColPairs,
                Msg::ColCostPerParticipant,
            ],
        ),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.code),
                    Cell::text(&r.name),
                    Cell::Int(i64::from(r.year)),
                    coded(
                        &r.kind,
                        ProgramType::from_code(&r.kind).map(ProgramType::label),
                        format,
                        l,
                    ),
                    Cell::text(&r.provider),
                    Cell::Int(r.participants),
                    Cell::Int(r.passed),
                    if r.participants > 0 {
                        Cell::Num(round2(100.0 * r.passed as f64 / r.participants as f64))
                    } else {
                        Cell::Null
                    },
                    r.reaction_index
                        .map_or(Cell::Null, |v| Cell::Num(round2(v))),
                    Cell::Int(r.forms),
                    r.gain.map_or(Cell::Null, |v| Cell::Num(round2(v))),
                    Cell::Int(r.pairs),
                    Cell::opt_int(r.cost_per_participant),
                ]
            })
            .collect(),
    };
    print_listing(&listing, format)
}

pub fn jp(
    ctx: &Context,
    year: Option<i32>,
    opd: Option<String>,
    below: bool,
    by_opd: bool,
    format: Format,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let store = ctx.open(Some(Capability::ViewReports))?;
    let year = year.unwrap_or_else(|| chrono::Datelike::year(&ctx.today));
    let opd = opd.map(|o| opd_arg(&store, l, &o)).transpose()?;
    let rows: Vec<_> = store
        .jp_year(year)?
        .into_iter()
        .filter(|r| opd.is_none() || r.opd == opd)
        .collect();
    let meets = |total: f64| total >= JP_TARGET;
    let listing = if by_opd {
        let mut groups: Vec<(String, usize, usize, f64)> = Vec::new();
        for r in &rows {
            match groups.iter_mut().find(|g| g.0 == r.opd_name) {
                Some(g) => {
                    g.1 += 1;
                    g.2 += usize::from(meets(r.total()));
                    g.3 += r.total();
                }
                None => groups.push((
                    r.opd_name.clone(),
                    1,
                    usize::from(meets(r.total())),
                    r.total(),
                )),
            }
        }
        Listing {
            keys: vec![
                "unit",
                "asn",
                "meeting_20_jp",
                "below_20_jp",
                "meeting_pct",
                "mean_jp",
            ],
            headers: headers(
                l,
                &[
                    Msg::ColUnit,
                    Msg::ColAsnCount,
                    Msg::ColMeets,
                    Msg::ColBelow,
                    Msg::ColPct,
                    Msg::ColMeanJp,
                ],
            ),
            rows: groups
                .iter()
                .filter(|g| !below || g.2 < g.1)
                .map(|(unit, n, ok, sum)| {
                    vec![
                        Cell::text(unit),
                        Cell::Int(*n as i64),
                        Cell::Int(*ok as i64),
                        Cell::Int((*n - *ok) as i64),
                        Cell::Num(round2(100.0 * *ok as f64 / (*n).max(1) as f64)),
                        Cell::Num(round2(sum / (*n).max(1) as f64)),
                    ]
                })
                .collect(),
        }
    } else {
        Listing {
            keys: vec![
                "nip",
                "name",
                "unit",
                "year",
                "jp_programs",
                "jp_activities",
                "jp_total",
                "meets_20_jp",
            ],
            headers: headers(
                l,
                &[
                    Msg::ColNip,
                    Msg::ColName,
                    Msg::ColUnit,
                    Msg::ColYear,
                    Msg::ColJpPrograms,
                    Msg::ColJpOther,
                    Msg::ColJpTotal,
                    Msg::ColMeets,
                ],
            ),
            rows: rows
                .iter()
                .filter(|r| !below || !meets(r.total()))
                .map(|r| {
                    vec![
                        Cell::text(&r.nip),
                        Cell::text(&r.name),
                        Cell::text(&r.opd_name),
                        Cell::Int(i64::from(year)),
                        Cell::Num(r.programs),
                        Cell::Num(r.activities),
                        Cell::Num(r.total()),
                        Cell::flag(meets(r.total()), format, l),
                    ]
                })
                .collect(),
        }
    };
    print_listing(&listing, format)
}

fn activity_flag(field: ActivityField) -> &'static str {
    match field {
        ActivityField::Date => "--date",
        ActivityField::Kind => "--kind",
        ActivityField::Title => "--title",
        ActivityField::Provider => "--provider",
        ActivityField::Jp => "--jp",
        ActivityField::Certificate => "--certificate",
    }
}

/// A person named by NIP on the command line.
fn asn_arg(store: &Store, lang: Lang, nip: &str) -> Result<crate::domain::ids::AsnId, CliError> {
    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    store.asn_by_nip(&digits)?.map(|a| a.id).ok_or_else(|| {
        CliError::Refused(vec![field_problem(
            lang,
            "--nip",
            Problem::UnknownNip(crate::text::visible(nip).into_owned()),
        )])
    })
}

pub fn activity(ctx: &Context, cmd: ActivityCommand) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    match cmd {
        ActivityCommand::Add {
            nip,
            date: day_text,
            kind,
            title,
            jp,
            provider,
            certificate,
        } => {
            let draft = ActivityDraft {
                date: day_text,
                kind: kind.clone(),
                title: crate::text::clean_line(&title),
                provider: crate::text::clean_line(provider.as_deref().unwrap_or("")),
                jp,
                certificate: crate::text::clean_line(certificate.as_deref().unwrap_or("")),
            };
            // Every problem at once, the person's NIP included.
            let mut store = ctx.open(Some(Capability::EnterData))?;
            let mut problems: Vec<String> = Vec::new();
            let asn = match asn_arg(&store, l, &nip) {
                Ok(asn) => Some(asn),
                Err(CliError::Refused(lines)) => {
                    problems.extend(lines);
                    None
                }
                Err(other) => return Err(other),
            };
            let parsed = draft.parse();
            if let Err(errors) = &parsed {
                problems.extend(errors.iter().map(|e| match e.field {
                    ActivityField::Kind => {
                        let all: Vec<&str> = LearningMode::ALL.iter().map(|m| m.code()).collect();
                        bad_choice(l, "--kind", &kind, &all)
                    }
                    field => field_problem(l, activity_flag(field), e.problem.clone()),
                }));
            }
            let (Some(asn), Ok(activity)) = (asn, parsed) else {
                return Err(CliError::Refused(problems));
            };
            let id = store.add_activity(asn, &activity)?;
            super::say(&Msg::ActivityAdded.fill(
                l,
                &[
                    &id,
                    &activity.title,
                    &crate::i18n::number(activity.jp, l),
                    &date::format(activity.day),
                ],
            ));
            Ok(ExitCode::SUCCESS)
        }
        ActivityCommand::List { nip, year, format } => {
            let store = ctx.open(None)?;
            let asn = nip.map(|n| asn_arg(&store, l, &n)).transpose()?;
            let rows = store.activities(asn, year)?;
            let listing = Listing {
                keys: vec![
                    "id",
                    "date",
                    "nip",
                    "name",
                    "unit",
                    "kind",
                    "title",
                    "provider",
                    "jp",
                    "certificate_no",
                ],
                headers: headers(
                    l,
                    &[
                        Msg::ColId,
                        Msg::ColDate,
                        Msg::ColNip,
                        Msg::ColName,
                        Msg::ColUnit,
                        Msg::ColMode,
                        Msg::ColTitle,
                        Msg::ColProvider,
                        Msg::ColJp,
                        Msg::ColCertificate,
                    ],
                ),
                rows: rows
                    .iter()
                    .map(|r| {
                        let a = &r.activity;
                        vec![
                            Cell::Int(r.id),
                            day(a.day, format),
                            Cell::text(&r.nip),
                            Cell::text(&r.name),
                            Cell::text(&r.opd_name),
                            coded(a.kind.code(), Some(a.kind.label()), format, l),
                            Cell::text(&a.title),
                            Cell::text(&a.provider),
                            Cell::Num(a.jp),
                            Cell::text(&a.certificate_no),
                        ]
                    })
                    .collect(),
            };
            print_listing(&listing, format)
        }
        ActivityCommand::Delete { id } => {
            let mut store = ctx.open(Some(Capability::EnterData))?;
            store.delete_activity(id)?;
            super::say(&Msg::ActivityDeleted.fill(l, &[&id]));
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn needs(
    ctx: &Context,
    instrument: &str,
    year: Option<i32>,
    show: NeedsView,
    format: Format,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let store = ctx.open(Some(Capability::ViewReports))?;
    let def = store.instrument(instrument)?.ok_or_else(|| {
        CliError::Refused(vec![Msg::ErrNotFound.fill(
            l,
            &[
                &Msg::EntityInstrument.text(l),
                &crate::text::visible(instrument),
            ],
        )])
    })?;
    if def.definition.level != crate::domain::instrument::Level::Needs {
        return Err(CliError::Refused(vec![
            Msg::ErrNotNeedsInstrument.fill(l, &[&def.definition.code]),
        ]));
    }
    let needs = store.needs(instrument, year)?;
    let listing = match show {
        NeedsView::Gaps => Listing {
            keys: vec!["competency", "ability", "importance", "gap", "respondents"],
            headers: headers(
                l,
                &[
                    Msg::ColCompetency,
                    Msg::ColAbility,
                    Msg::ColImportance,
                    Msg::ColGapValue,
                    Msg::ColRespondents,
                ],
            ),
            rows: needs
                .gaps
                .iter()
                .map(|g| {
                    vec![
                        Cell::text(&g.competency),
                        Cell::Num(round2(g.ability)),
                        Cell::Num(round2(g.importance)),
                        Cell::Num(round2(g.gap)),
                        Cell::Int(g.respondents as i64),
                    ]
                })
                .collect(),
        },
        NeedsView::Topics => Listing {
            keys: vec!["code", "topic", "respondents", "pct"],
            headers: headers(
                l,
                &[
                    Msg::ColCode,
                    Msg::NeedsTopic,
                    Msg::ColRespondents,
                    Msg::ColPct,
                ],
            ),
            rows: needs
                .topics
                .iter()
                .map(|t| {
                    vec![
                        Cell::text(&t.code),
                        Cell::text(&t.label),
                        Cell::Int(t.count as i64),
                        Cell::Num(round2(
                            100.0 * t.count as f64 / needs.respondents.max(1) as f64,
                        )),
                    ]
                })
                .collect(),
        },
        NeedsView::Opd | NeedsView::Level => {
            let groups = if show == NeedsView::Opd {
                &needs.by_opd
            } else {
                &needs.by_level
            };
            Listing {
                keys: vec!["group", "respondents", "top_topics"],
                headers: headers(
                    l,
                    &[
                        if show == NeedsView::Opd {
                            Msg::ColUnit
                        } else {
                            Msg::ColJabatanLevel
                        },
                        Msg::ColRespondents,
                        Msg::ColTopTopics,
                    ],
                ),
                rows: groups
                    .iter()
                    .map(|(group, n, top)| {
                        let group = if group.is_empty() {
                            Cell::Null
                        } else if show == NeedsView::Level && format == Format::Table {
                            Cell::text(
                                crate::domain::jabatan::JabatanLevel::from_code(group).map_or_else(
                                    || group.clone(),
                                    |j| j.label().text(l).to_string(),
                                ),
                            )
                        } else {
                            Cell::text(group)
                        };
                        vec![group, Cell::Int(*n as i64), Cell::text(top.join("; "))]
                    })
                    .collect(),
            }
        }
    };
    print_listing(&listing, format)
}

pub fn export(ctx: &Context, cmd: ExportCommand) -> Result<ExitCode, CliError> {
    let ExportCommand::Siasn {
        year,
        format,
        output,
    } = cmd;
    let l = ctx.lang;
    let mut store = ctx.open(Some(Capability::ViewReports))?;
    if output.is_some() {
        super::progress::follow(&mut store, l)?;
    }
    let rows = store.siasn(year)?;
    let listing = Listing {
        keys: vec![
            "nip",
            "nama",
            "jenis_diklat",
            "kategori",
            "nama_diklat",
            "penyelenggara",
            "jp",
            "tanggal_mulai",
            "tanggal_selesai",
            "nomor_sertifikat",
            "tahun",
            "kode_program",
        ],
        headers: headers(
            l,
            &[
                Msg::ColNip,
                Msg::ColName,
                Msg::ColType,
                Msg::ColCategory,
                Msg::ColTitle,
                Msg::ColProvider,
                Msg::ColJp,
                Msg::ColStart,
                Msg::ColEnd,
                Msg::ColCertificate,
                Msg::ColYear,
                Msg::ColCode,
            ],
        ),
        rows: rows
            .iter()
            .map(|r| {
                let label = ProgramType::from_code(&r.kind)
                    .map(ProgramType::label)
                    .or_else(|| LearningMode::from_code(&r.kind).map(LearningMode::label));
                vec![
                    Cell::text(
                        Nip::from_stored(&r.nip)
                            .map_or_else(|_| r.nip.clone(), |n| n.as_str().to_string()),
                    ),
                    Cell::text(&r.name),
                    coded(&r.kind, label, format, l),
                    Cell::text(if r.classical {
                        "klasikal"
                    } else {
                        "nonklasikal"
                    }),
                    Cell::text(&r.title),
                    Cell::text(&r.provider),
                    Cell::Num(r.jp),
                    day(r.start, format),
                    day(r.end, format),
                    Cell::text(&r.certificate_no),
                    Cell::Int(i64::from(r.year)),
                    Cell::text(&r.program),
                ]
            })
            .collect(),
    };
    match output {
        None => print_listing(&listing, format),
        Some(path) => {
            write_file(&path, |out| listing.write(format, out))?;
            super::say(&Msg::ExportWritten.fill(l, &[&rows.len(), &path.display()]));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes a file as the user (not the tilik group) and only when complete.
fn write_file(
    path: &Path,
    fill: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
) -> Result<(), CliError> {
    let mut bytes = Vec::new();
    fill(&mut bytes)?;
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
    let _ = std::io::stdout().flush();
    Ok(())
}
