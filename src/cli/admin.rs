//! Administration: users and roles, the audit trail, backups and checks.

use super::output::{Cell, Format, Listing};
use super::{AuditArgs, CliError, Context, UserCommand};
use crate::domain::date;
use crate::domain::ids::OpdId;
use crate::domain::user::{Capability, Role, Username};
use crate::i18n::{Localize, Msg};
use crate::store::audit::AuditFilter;
use crate::store::maintenance::{BackupError, FindingKind};
use std::path::Path;
use std::process::ExitCode;

fn role_arg(ctx: &Context, value: &str) -> Result<Role, CliError> {
    Role::from_code(value).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        CliError::Refused(vec![
            Msg::CliBadChoice.fill(ctx.lang, &[&"--role", &value, &all.join(", ")]),
        ])
    })
}

fn username_arg(ctx: &Context, value: &str) -> Result<Username, CliError> {
    Username::parse(value)
        .map_err(|_| CliError::Refused(vec![Msg::ErrBadUsername.fill(ctx.lang, &[&value])]))
}

pub fn user(ctx: &Context, cmd: UserCommand) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    if let UserCommand::List { format } = cmd {
        let store = ctx.open(Some(Capability::ManageUsers))?;
        let opds = store.opds()?;
        let opd_name = |id: OpdId| {
            opds.iter()
                .find(|o| o.opd.id == id)
                .map(|o| {
                    if o.opd.code.is_empty() {
                        o.opd.name.clone()
                    } else {
                        o.opd.code.clone()
                    }
                })
                .unwrap_or_else(|| id.to_string())
        };
        let listing = Listing {
            keys: vec!["username", "name", "role", "active", "opds"],
            headers: [
                Msg::ColUsername,
                Msg::ColName,
                Msg::ColRole,
                Msg::ColActive,
                Msg::ColOpdScope,
            ]
            .iter()
            .map(|m| m.text(l).to_string())
            .collect(),
            rows: store
                .users()?
                .into_iter()
                .map(|u| {
                    let human = format == Format::Table;
                    vec![
                        Cell::text(u.username.as_str()),
                        Cell::text(u.full_name),
                        Cell::text(if human {
                            u.role.label().text(l)
                        } else {
                            u.role.code()
                        }),
                        Cell::flag(u.active, format, l),
                        Cell::text(
                            u.opds
                                .iter()
                                .map(|o| opd_name(*o))
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ]
                })
                .collect(),
        };
        return super::commands::print_listing(&listing, format);
    }
    let mut store = ctx.open(Some(Capability::ManageUsers))?;
    match cmd {
        UserCommand::Add {
            username,
            role,
            name,
            opds,
        } => {
            let name_ok = username_arg(ctx, &username)?;
            let role = role_arg(ctx, &role)?;
            let mut scope = Vec::new();
            for wanted in &opds {
                scope.push(super::analysis::opd_arg(&store, l, wanted)?);
            }
            if !crate::identity::account_exists(name_ok.as_str()) {
                eprintln!("tilik: {}", Msg::WarnNoSuchAccount.fill(l, &[&name_ok]));
            }
            let full_name = crate::text::clean_line(name.as_deref().unwrap_or(""));
            store
                .add_user(&name_ok, &full_name, role)
                .map_err(|e| match e {
                    crate::store::StoreError::Duplicate { .. } => {
                        CliError::Refused(vec![e.localize(l)])
                    }
                    other => other.into(),
                })?;
            if !scope.is_empty() {
                store.set_user_opds(&name_ok, &scope)?;
            }
            super::say(&Msg::UserAdded.fill(l, &[&name_ok, &role.label().text(l)]));
        }
        UserCommand::SetRole { username, role } => {
            let who = username_arg(ctx, &username)?;
            let role = role_arg(ctx, &role)?;
            store.set_user_role(&who, role)?;
            super::say(&Msg::UserRoleSet.fill(l, &[&who, &role.label().text(l)]));
        }
        UserCommand::Disable { username } => {
            let who = username_arg(ctx, &username)?;
            store.set_user_active(&who, false)?;
            super::say(&Msg::UserDisabled.fill(l, &[&who]));
        }
        UserCommand::Enable { username } => {
            let who = username_arg(ctx, &username)?;
            store.set_user_active(&who, true)?;
            super::say(&Msg::UserEnabled.fill(l, &[&who]));
        }
        UserCommand::List { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}

pub fn audit(ctx: &Context, args: AuditArgs) -> Result<ExitCode, CliError> {
    let l = ctx.lang;
    let store = ctx.open(Some(Capability::ViewAudit))?;
    let day = |flag: &str, v: &Option<String>| -> Result<Option<chrono::NaiveDate>, CliError> {
        match v {
            None => Ok(None),
            Some(s) => date::parse(s).map(Some).map_err(|_| {
                CliError::Refused(vec![Msg::CliFieldError.fill(
                    l,
                    &[&flag, &crate::domain::problem::Problem::Date.localize(l)],
                )])
            }),
        }
    };
    let filter = AuditFilter {
        table: args.table.clone(),
        row_id: args.row,
        username: args.user.clone(),
        from: day("--from", &args.from)?,
        to: day("--to", &args.to)?,
        limit: args.limit,
    };
    let rows = store.audit(&filter)?;
    let human = args.format == Format::Table;
    let listing = Listing {
        keys: vec![
            "id", "at", "username", "table", "row_id", "op", "changes", "old", "new",
        ],
        headers: [
            Msg::ColId,
            Msg::ColAt,
            Msg::ColUsername,
            Msg::ColTable,
            Msg::ColRow,
            Msg::ColOp,
            Msg::ColChanges,
            Msg::ColOld,
            Msg::ColNew,
        ]
        .iter()
        .map(|m| m.text(l).to_string())
        .collect(),
        rows: rows
            .into_iter()
            .map(|r| {
                let changes =
                    crate::store::audit::changed_fields(r.old.as_deref(), r.new.as_deref())
                        .join(", ");
                vec![
                    Cell::Int(r.id),
                    Cell::text(if human {
                        date::format_stamp(&r.at)
                    } else {
                        r.at
                    }),
                    Cell::text(r.username),
                    Cell::text(r.table),
                    Cell::Int(r.row_id),
                    Cell::text(r.op),
                    Cell::text(changes),
                    if human {
                        Cell::Null
                    } else {
                        Cell::opt_text(r.old)
                    },
                    if human {
                        Cell::Null
                    } else {
                        Cell::opt_text(r.new)
                    },
                ]
            })
            .collect(),
    };
    let listing = if human {
        Listing {
            keys: listing.keys[..7].to_vec(),
            headers: listing.headers[..7].to_vec(),
            rows: listing
                .rows
                .into_iter()
                .map(|mut r| {
                    r.truncate(7);
                    r
                })
                .collect(),
        }
    } else {
        listing
    };
    super::commands::print_listing(&listing, args.format)
}

pub fn backup(ctx: &Context, file: &Path, replace: bool) -> Result<ExitCode, CliError> {
    let mut store = ctx.open(Some(Capability::Backup))?;
    super::progress::follow(&mut store, ctx.lang)?;
    match store.backup(file, replace) {
        Ok(report) => {
            super::say(&Msg::BackupDone.fill(
                ctx.lang,
                &[
                    &report.path.display(),
                    &report.bytes,
                    &report.schema_version,
                ],
            ));
            Ok(ExitCode::SUCCESS)
        }
        Err(BackupError::Store(e)) => Err(e.into()),
        Err(BackupError::Write { path, source }) => {
            Err(CliError::Refused(vec![Msg::ErrBackupWrite.fill(
                ctx.lang,
                &[&path.display(), &crate::i18n::io_reason(&source, ctx.lang)],
            )]))
        }
        Err(BackupError::Damaged(why)) => Err(CliError::Refused(vec![
            Msg::ErrBackupDamaged.fill(ctx.lang, &[&why]),
        ])),
        Err(BackupError::Exists(path)) => Err(CliError::Refused(vec![
            Msg::ErrBackupExists.fill(ctx.lang, &[&path.display()]),
        ])),
    }
}

pub fn check(ctx: &Context) -> Result<ExitCode, CliError> {
    let store = ctx.open(Some(Capability::Backup))?;
    let findings = store.check()?;
    let l = ctx.lang;
    if findings.is_empty() {
        super::say(Msg::CheckOk.text(l));
        return Ok(ExitCode::SUCCESS);
    }
    for f in &findings {
        let what = match f.kind {
            FindingKind::Integrity => Msg::FindingIntegrity,
            FindingKind::ForeignKey => Msg::FindingForeignKey,
            FindingKind::SupervisorLoop => Msg::FindingSupervisorLoop,
            FindingKind::BadNip => Msg::FindingBadNip,
            FindingKind::NoAdmin => Msg::FindingNoAdmin,
            FindingKind::UnitHistory => Msg::FindingUnitHistory,
        };
        super::say(&what.fill(l, &[&f.detail]));
    }
    super::say(&Msg::CheckProblems.fill(l, &[&findings.len()]));
    Ok(ExitCode::from(1))
}
