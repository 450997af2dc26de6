//! Backups and checks: a consistent copy of the live database while others work, and the integrity,
//! foreign-key and tilik consistency checks an admin runs (or cron runs nightly).

use super::{Result, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What a backup produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub schema_version: i64,
}

/// One problem found by [`Store::check`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// `PRAGMA integrity_check` reported damage.
    Integrity,
    /// A row points at a row that does not exist.
    ForeignKey,
    /// Supervisors that form a loop (A supervises B supervises A).
    SupervisorLoop,
    /// A NIP in the database that is not 18 digits.
    BadNip,
    /// No active admin is left.
    NoAdmin,
    /// An ASN's open unit row does not match their current OPD.
    UnitHistory,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the copy failed its integrity check: {0}")]
    Damaged(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Copies the live database to `dest` (consistent even while others write: `VACUUM INTO` reads one
    /// snapshot), then opens the copy and checks it. The copy is written beside `dest` and renamed into
    /// place, so `dest` is never half-written.
    /// An existing `dest` is replaced only with `replace` (yesterday's copy is not lost to a typo).
    pub fn backup(
        &self,
        dest: &Path,
        replace: bool,
    ) -> std::result::Result<BackupReport, BackupError> {
        if !replace && dest.exists() {
            return Err(BackupError::Exists(dest.to_path_buf()));
        }
        let tmp = temp_beside(dest);
        let _ = std::fs::remove_file(&tmp);
        let written = self
            .conn()
            .execute("VACUUM INTO ?1", [tmp.to_string_lossy().as_ref()])
            .map_err(StoreError::from);
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(e.into());
        }
        let verified = verify_copy(&tmp);
        let schema_version = match verified {
            Ok(v) => v,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        std::fs::rename(&tmp, dest).map_err(|source| BackupError::Write {
            path: dest.to_path_buf(),
            source,
        })?;
        let bytes = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
        Ok(BackupReport {
            path: dest.to_path_buf(),
            bytes,
            schema_version,
        })
    }

    /// Integrity, foreign keys, and tilik's own rules. An empty list means all is well.
    pub fn check(&self) -> Result<Vec<Finding>> {
        let conn = self.conn();
        let mut findings = Vec::new();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for line in lines.into_iter().filter(|l| l != "ok") {
            findings.push(Finding {
                kind: FindingKind::Integrity,
                detail: line,
            });
        }
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let fks: Vec<(String, i64, String)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                    r.get(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (table, row, parent) in fks {
            findings.push(Finding {
                kind: FindingKind::ForeignKey,
                detail: format!("{table} #{row} → {parent}"),
            });
        }
        let mut stmt = conn.prepare(
            "WITH RECURSIVE chain(start, id, depth) AS (
                 SELECT id, atasan_id, 1 FROM asn WHERE atasan_id IS NOT NULL
                 UNION ALL
                 SELECT chain.start, asn.atasan_id, chain.depth + 1 FROM chain JOIN asn ON asn.id = chain.id
                 WHERE asn.atasan_id IS NOT NULL AND chain.depth < 64 AND chain.id <> chain.start
             )
             SELECT DISTINCT a.nip FROM chain JOIN asn a ON a.id = chain.start WHERE chain.id = chain.start",
        )?;
        let loops: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for nip in loops {
            findings.push(Finding {
                kind: FindingKind::SupervisorLoop,
                detail: nip,
            });
        }
        let mut stmt =
            conn.prepare("SELECT nip FROM asn WHERE length(nip) <> 18 OR nip GLOB '*[^0-9]*'")?;
        let bad: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for nip in bad {
            findings.push(Finding {
                kind: FindingKind::BadNip,
                detail: crate::text::visible(&nip).into_owned(),
            });
        }
        let admins: i64 = conn.query_row(
            "SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1",
            [],
            |r| r.get(0),
        )?;
        if admins == 0 {
            findings.push(Finding {
                kind: FindingKind::NoAdmin,
                detail: String::new(),
            });
        }
        let mut stmt = conn.prepare(
            "SELECT a.nip FROM asn a
             WHERE a.opd_id IS NOT NULL AND NOT EXISTS (
                 SELECT 1 FROM asn_unit u WHERE u.asn_id = a.id AND u.valid_to IS NULL AND u.opd_id = a.opd_id)",
        )?;
        let units: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for nip in units {
            findings.push(Finding {
                kind: FindingKind::UnitHistory,
                detail: nip,
            });
        }
        Ok(findings)
    }
}

fn temp_beside(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".into());
    dest.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Opens a copy read-only and runs `integrity_check`; returns its schema version.
fn verify_copy(path: &Path) -> std::result::Result<i64, BackupError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(StoreError::from)?;
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(StoreError::from)?;
    if result != "ok" {
        return Err(BackupError::Damaged(result));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(StoreError::from)?;
    Ok(version)
}
