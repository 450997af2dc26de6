//! Data quality from the command line: the verification report, adjudication of discrepancies, the
//! clerks' statistics and a program's forms by verification state.

use super::commands::print_listing;
use super::output::{Cell, Format, Listing};
use super::{CliError, Context, DiscrepancyCommand, FormCommand};
use crate::domain::date;
use crate::domain::problem::Problem;
use crate::domain::user::Capability;
use crate::i18n::{Lang, Localize, Msg};
use crate::store::verification::Verified;
use chrono::NaiveDate;
use std::process::ExitCode;

fn headers(lang: Lang, msgs: &[Msg]) -> Vec<String> {
    msgs.iter().map(|m| m.text(lang).to_string()).collect()
}

fn day_arg(lang: Lang, flag: &str, value: Option<&str>) -> Result<Option<NaiveDate>, CliError> {
    match value {
        None => Ok(None),
        Some(s) => date::parse(s).map(Some).map_err(|_| {
            CliError::Refused(vec![
                Msg::CliFieldError.fill(lang, &[&flag, &Problem::Date.localize(lang)]),
            ])
        }),
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

pub fn verification(
    ctx: &Context,
    from: Option<&str>,
    to: Option<&str>,
    format: Format,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let from = day_arg(l, "--from", from)?;
    let to = day_arg(l, "--to", to)?;
    let store = ctx.open(Some(Capability::ViewReports))?;
    let rows = store.verification_report(from, to)?;
    let listing = Listing {
        keys: vec![
            "clerk",
            "instrument",
            "forms_verified",
            "fields_compared",
            "mismatches",
            "per_1000_fields",
            "discrepancies",
            "open",
            "first_keying_wrong",
        ],
        headers: headers(
            l,
            &[
                Msg::ColClerk,
                Msg::ColInstrument,
                Msg::ColFormsVerified,
                Msg::ColFieldsCompared,
                Msg::ColMismatches,
                Msg::ColPerThousand,
                Msg::ColDiscrepancies,
                Msg::ColOpen,
                Msg::ColFirstWrong,
            ],
        ),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.clerk),
                    Cell::text(&r.instrument),
                    Cell::Int(r.forms),
                    Cell::Int(r.fields),
                    Cell::Int(r.mismatches),
                    r.per_thousand()
                        .map_or(Cell::Null, |v| Cell::Num(round2(v))),
                    Cell::Int(r.discrepancies),
                    Cell::Int(r.open),
                    Cell::Int(r.first_wrong),
                ]
            })
            .collect(),
    };
    print_listing(&listing, format)
}

pub fn discrepancy(ctx: &Context, cmd: DiscrepancyCommand) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    match cmd {
        DiscrepancyCommand::List { format } => {
            let store = ctx.open(Some(Capability::Adjudicate))?;
            let rows = store.open_discrepancies()?;
            let shown = |v: &Option<String>| v.clone().map_or(Cell::Null, Cell::Text);
            let listing = Listing {
                keys: vec![
                    "id",
                    "program",
                    "instrument",
                    "phase",
                    "respondent",
                    "item",
                    "first_value",
                    "second_value",
                    "first_keyer",
                    "second_keyer",
                ],
                headers: headers(
                    l,
                    &[
                        Msg::ColId,
                        Msg::SetupProgram,
                        Msg::ColInstrument,
                        Msg::SetupPhase,
                        Msg::ColRespondent,
                        Msg::ColItem,
                        Msg::ColFirstValue,
                        Msg::ColSecondValue,
                        Msg::ColFirstKeyer,
                        Msg::ColSecondKeyer,
                    ],
                ),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            Cell::Int(r.id),
                            Cell::opt_text(r.program.clone()),
                            Cell::text(&r.instrument),
                            Cell::text(r.phase.code()),
                            Cell::text(&r.respondent),
                            Cell::text(&r.item),
                            shown(&r.first_value),
                            shown(&r.second_value),
                            Cell::text(&r.first_keyer),
                            Cell::text(&r.second_keyer),
                        ]
                    })
                    .collect(),
            };
            print_listing(&listing, format)
        }
        DiscrepancyCommand::Resolve { id, value, empty } => {
            let mut store = ctx.open(Some(Capability::Adjudicate))?;
            let Some(row) = store.open_discrepancies()?.into_iter().find(|d| d.id == id) else {
                return Err(CliError::Refused(vec![
                    Msg::ErrNoOpenDiscrepancy.fill(l, &[&id]),
                ]));
            };
            // The value is checked as the entry screen checks it: type, scale, codes.
            let def = store.instrument_revision(row.instrument_id)?.definition;
            let Some(item) = def.items.iter().find(|i| i.code.as_str() == row.item) else {
                return Err(CliError::Refused(vec![
                    Msg::ErrNoOpenDiscrepancy.fill(l, &[&id]),
                ]));
            };
            let stored = if empty {
                if item.required {
                    return Err(CliError::Refused(vec![
                        Msg::CliFieldError.fill(l, &[&"--empty", &Problem::Required.localize(l)]),
                    ]));
                }
                None
            } else {
                let typed = value.unwrap_or_default();
                item.parse_answer(&typed, typed.contains(',') && !typed.contains('.'))
                    .map_err(|e| {
                        CliError::Refused(vec![
                            Msg::CliFieldError
                                .fill(l, &[&"--value", &Problem::from(&e).localize(l)]),
                        ])
                    })?
            };
            store.resolve_discrepancy(id, row.version, stored.as_deref())?;
            super::say(&Msg::DiscrepancyResolved.fill(
                l,
                &[
                    &id,
                    &row.item,
                    &stored.unwrap_or_else(|| Msg::EmptyValue.text(l).to_string()),
                ],
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn operators(
    ctx: &Context,
    from: Option<&str>,
    to: Option<&str>,
    format: Format,
) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let from = day_arg(l, "--from", from)?;
    let to = day_arg(l, "--to", to)?;
    let store = ctx.open(Some(Capability::ViewReports))?;
    let rows = store.entry_stats(from, to)?;
    let listing = Listing {
        keys: vec![
            "clerk",
            "day",
            "forms",
            "keystrokes",
            "keystrokes_per_form",
            "corrections",
            "active_minutes",
            "forms_per_hour",
        ],
        headers: headers(
            l,
            &[
                Msg::ColClerk,
                Msg::ColDate,
                Msg::ColForms,
                Msg::ColKeystrokes,
                Msg::ColKeysPerForm,
                Msg::ColCorrections,
                Msg::ColActiveMinutes,
                Msg::ColFormsPerHour,
            ],
        ),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.clerk),
                    Cell::text(if format == Format::Table {
                        date::format(r.day)
                    } else {
                        date::iso(r.day)
                    }),
                    Cell::Int(r.forms),
                    Cell::Int(r.keystrokes),
                    if r.forms > 0 {
                        Cell::Num(round2(r.keystrokes as f64 / r.forms as f64))
                    } else {
                        Cell::Null
                    },
                    Cell::Int(r.corrections),
                    Cell::Num(round2(r.active_seconds as f64 / 60.0)),
                    if r.active_seconds > 0 {
                        Cell::Num(round2(r.forms as f64 * 3600.0 / r.active_seconds as f64))
                    } else {
                        Cell::Null
                    },
                ]
            })
            .collect(),
    };
    print_listing(&listing, format)
}

pub fn forms(ctx: &Context, cmd: FormCommand) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let FormCommand::List {
        program,
        verified,
        format,
    } = cmd;
    let verified = match verified
        .as_deref()
        .map(|v| v.trim().to_lowercase())
        .as_deref()
    {
        None => Verified::All,
        Some("yes" | "ya") => Verified::Yes,
        Some("no" | "tidak") => Verified::No,
        Some(other) => {
            return Err(CliError::Refused(vec![Msg::CliBadChoice.fill(
                l,
                &[&"--verified", &crate::text::visible(other), &"yes, no"],
            )]));
        }
    };
    let store = ctx.open(None)?;
    let program = store
        .program_by_code(&program)?
        .ok_or(CliError::UnknownProgram(program))?;
    let rows = store.forms(program.id, verified)?;
    let listing = Listing {
        keys: vec![
            "id",
            "instrument",
            "phase",
            "respondent",
            "keyed_by",
            "keyed_at",
            "verified",
            "open_discrepancies",
        ],
        headers: headers(
            l,
            &[
                Msg::ColId,
                Msg::ColInstrument,
                Msg::SetupPhase,
                Msg::ColRespondent,
                Msg::ColKeyedBy,
                Msg::ColKeyedAt,
                Msg::ColVerified,
                Msg::ColOpen,
            ],
        ),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Int(r.id),
                    Cell::text(&r.instrument),
                    Cell::text(r.phase.code()),
                    Cell::text(&r.respondent),
                    Cell::text(&r.keyed_by),
                    Cell::text(if format == Format::Table {
                        date::format_stamp(&r.keyed_at)
                    } else {
                        r.keyed_at.clone()
                    }),
                    Cell::flag(r.verified, format, l),
                    Cell::Int(r.open),
                ]
            })
            .collect(),
    };
    print_listing(&listing, format)
}
