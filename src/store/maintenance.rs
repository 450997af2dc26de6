//! Backups and checks: a consistent copy of the live database while others work, and the integrity,
//! foreign-key and tilik consistency checks an admin runs (or cron runs nightly).

use super::progress::Unit;
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
        let written = self.copy_into(&tmp);
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
        if self.watcher().is_some_and(|w| w.stop()) {
            let _ = std::fs::remove_file(&tmp);
            return Err(StoreError::Interrupted.into());
        }
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

    /// `VACUUM INTO path`, with the copy's growth reported to the watcher (a stage of bytes, against
    /// the size of the live data) by a thread that looks at the file while SQLite writes it.
    fn copy_into(&self, path: &Path) -> Result<()> {
        let vacuum = || -> Result<()> {
            self.conn()
                .execute("VACUUM INTO ?1", [path.to_string_lossy().as_ref()])?;
            Ok(())
        };
        let Some(watcher) = self.watcher() else {
            return vacuum();
        };
        let live: i64 = self.conn().query_row(
            "SELECT (page_count - freelist_count) * page_size
               FROM pragma_page_count, pragma_freelist_count, pragma_page_size",
            [],
            |r| r.get(0),
        )?;
        watcher.begin(Unit::Bytes, u64::try_from(live).unwrap_or(0));
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let mut reported = 0u64;
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                    if size > reported {
                        watcher.advance(size - reported);
                        reported = size;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
            });
            let result = vacuum();
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            watcher.end();
            result
        })
    }

    /// Copies an older database (at schema `from`) beside itself before it is migrated:
    /// `tilik.db.bak-v8-20261130-141500` (the time in WIB). Returns the copy's path.
    pub(crate) fn backup_before_migrating(&self, from: i64) -> Result<PathBuf> {
        let Some(db) = self.path() else {
            return Err(StoreError::Missing(PathBuf::new()));
        };
        let at = chrono::Utc::now()
            .with_timezone(&crate::domain::date::wib())
            .format("%Y%m%d-%H%M%S");
        let name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "tilik.db".into());
        let base = db.with_file_name(format!("{name}.bak-v{from}-{at}"));
        // The name is reserved by creating it (atomically, so that two tilik opening the same old
        // database in the same second do not share a name); the copy then replaces the empty file.
        let mut n = 1;
        let dest = loop {
            let candidate = if n == 1 {
                base.clone()
            } else {
                PathBuf::from(format!("{}-{n}", base.display()))
            };
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&candidate)
            {
                Ok(_) => break candidate,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(source) => {
                    return Err(StoreError::BackupBeforeMigrating {
                        path: candidate,
                        source,
                    });
                }
            }
        };
        let copied = self.backup(&dest, true);
        if copied.is_err() {
            let _ = std::fs::remove_file(&dest);
        }
        match copied {
            Ok(report) => Ok(report.path),
            Err(BackupError::Store(e)) => Err(e),
            Err(BackupError::Write { path, source }) => {
                Err(StoreError::BackupBeforeMigrating { path, source })
            }
            Err(BackupError::Damaged(why)) => Err(StoreError::BackupBeforeMigrating {
                path: dest,
                source: std::io::Error::other(why),
            }),
            Err(BackupError::Exists(path)) => Err(StoreError::BackupBeforeMigrating {
                path,
                source: std::io::ErrorKind::AlreadyExists.into(),
            }),
        }
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
    // Unique within the process too (threads may copy at the same time).
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    dest.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()))
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
