//! SQLite persistence. One module per aggregate; this module opens databases and runs transactions.
//!
//! Rules every function here follows:
//! - WAL, `synchronous=FULL`, foreign keys on, a busy handler that waits (and says so) instead of failing;
//! - every write runs in one IMMEDIATE transaction ([`Store::write`]), stamped with one time and the user;
//! - reads are single statements or short read transactions: nothing stays open while a screen is idle;
//! - the schema version is checked: a database from a newer tilik is refused, an older one migrated.

pub mod analysis;
pub mod asn;
pub mod audit;
pub(crate) mod bulk;
pub mod draft;
pub mod enrollment;
pub mod followup;
pub mod instrument;
pub mod maintenance;
pub mod opd;
pub mod program;
pub mod progress;
pub mod response;
pub mod results;
mod runs;
mod schema;
pub mod user;
pub mod verification;

pub use schema::{SCHEMA_VERSION, create_at_version};

use crate::domain::ids::{Stamp, Version};
use crate::domain::user::Username;
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, ErrorCode, OpenFlags, Row, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// The oldest SQLite tilik runs on: 3.51.3 fixed WAL corruption with several writing processes.
pub const MIN_SQLITE: i32 = 3_051_003;

/// What kind of record an error is about (for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Opd,
    Asn,
    Program,
    Provider,
    Enrollment,
    Objective,
    Behaviour,
    CostLine,
    User,
    Instrument,
    Response,
    Score,
    Discrepancy,
    Activity,
    Followup,
    Action,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {0} does not exist")]
    Missing(PathBuf),
    #[error("cannot open database {path}: {source}")]
    CannotOpen {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot create folder {path}: {source}")]
    CannotCreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot reach {path}: {source}")]
    CannotAccess {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the file is not a tilik database or is damaged")]
    Corrupt,
    #[error("database schema {found} is newer than this tilik ({supported})")]
    TooNew { found: i64, supported: i64 },
    #[error("SQLite {found} is older than {needed}")]
    SqliteTooOld { found: String, needed: String },
    #[error("the database stayed busy too long")]
    Busy,
    #[error("the database is read-only")]
    ReadOnly,
    #[error("the disk is full")]
    DiskFull,
    #[error("{entity:?} was changed by {by} at {at}")]
    Conflict {
        entity: Entity,
        id: i64,
        by: String,
        at: String,
    },
    #[error("{entity:?} {key} already exists")]
    Duplicate { entity: Entity, key: String },
    #[error("{entity:?} {key} not found")]
    NotFound { entity: Entity, key: String },
    #[error("{entity:?} {key} is still used")]
    InUse { entity: Entity, key: String },
    #[error("not allowed")]
    Forbidden,
    #[error("at least one active admin must remain")]
    LastAdmin,
    #[error("the same clerk cannot verify their own keying")]
    SameKeyer,
    #[error("outside the OPDs this user is limited to")]
    OutOfScope,
    #[error("an adjudicator must be neither of the two clerks who keyed the form")]
    OwnKeying,
    /// Stopped on request (Ctrl-C, a hang-up, SIGTERM): the transaction was rolled back.
    #[error("stopped before the end; nothing was written")]
    Interrupted,
    /// The copy taken before migrating an older database could not be written; nothing was migrated.
    #[error("cannot write the backup {path} before migrating: {source}")]
    BackupBeforeMigrating {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt,
            Some(ErrorCode::OperationInterrupted) => StoreError::Interrupted,
            Some(ErrorCode::ConstraintViolation)
                if e.to_string().contains(schema::OUT_OF_SCOPE) =>
            {
                StoreError::OutOfScope
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How many times the busy handler has waited for the current statement; 0 when nobody waits.
/// The terminal interface shows it in the status bar when waiting lasts.
pub static BUSY_WAITS: AtomicU32 = AtomicU32::new(0);

/// Waits with short, slightly uneven pauses (1, 2, 4 … 20 ms, plus a few ms that differ between
/// processes, so that waiters take turns instead of one process keeping the lock) for about 30 seconds.
fn busy_handler(attempt: i32) -> bool {
    let attempt = u32::try_from(attempt).unwrap_or(0);
    BUSY_WAITS.store(attempt + 1, Ordering::Relaxed);
    if attempt >= 1300 {
        return false;
    }
    let jitter = u64::from((std::process::id() ^ attempt.wrapping_mul(2_654_435_761)) % 5);
    let pause = (1u64 << attempt.min(5)).min(20) + jitter;
    std::thread::sleep(Duration::from_millis(pause));
    true
}

/// One open database and the user whose name goes into every stamp and audit row.
pub struct Store {
    conn: Connection,
    user: Username,
    path: Option<PathBuf>,
    /// A fixed time for stamps (tests and reproducible demos); the real clock when `None`.
    clock: Option<chrono::DateTime<chrono::Utc>>,
    /// The stamp of the write in progress, which the audit triggers read through `tilik_now()`.
    now: std::sync::Arc<std::sync::Mutex<String>>,
    /// What opening migrated, and where the copy taken before is.
    migrated: Option<Migrated>,
    /// Told how far a long write got, and asked whether to go on.
    progress: Option<progress::Progress>,
}

/// An older database this opening migrated, and the copy of it taken first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub from: i64,
    pub to: i64,
    pub backup: PathBuf,
}

/// Whether opening may create the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The database must exist (the TUI and most commands).
    Existing,
    /// Create the file (and its folder) when missing (`tilik init`).
    Create,
}

impl Store {
    /// Opens (or with [`OpenMode::Create`] creates) a database, checks the schema version and migrates an
    /// older one.
    pub fn open(path: &Path, user: Username, mode: OpenMode) -> Result<Store> {
        check_sqlite_version()?;
        // `try_exists` tells "missing" from "not allowed to look" (a tilik that lost its setgid bit).
        let exists = path
            .try_exists()
            .map_err(|source| StoreError::CannotAccess {
                path: path.to_path_buf(),
                source,
            })?;
        if !exists && mode == OpenMode::Existing {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        if !exists && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CannotCreateFolder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        if !exists {
            // SQLite would create the file 0644 (0640 under tilik's umask 007), which the data group could
            // not write. Creating it first with 0666 leaves the mode to the umask: 0660 in the enforced
            // deployment; the -wal and -shm files copy it. SQLite takes an empty file as a new database.
            use std::os::unix::fs::OpenOptionsExt;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o666)
                .open(path)
                .map_err(|source| StoreError::CannotAccess {
                    path: path.to_path_buf(),
                    source,
                })?;
        }
        let flags = match mode {
            OpenMode::Existing => {
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
            OpenMode::Create => {
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
            }
        };
        let conn =
            Connection::open_with_flags(path, flags).map_err(|source| {
                match StoreError::from(source) {
                    StoreError::Sqlite(source) => StoreError::CannotOpen {
                        path: path.to_path_buf(),
                        source,
                    },
                    other => other,
                }
            })?;
        let mut store = Store {
            conn,
            user,
            path: Some(path.to_path_buf()),
            clock: None,
            now: Default::default(),
            migrated: None,
            progress: None,
        };
        store.configure()?;
        let found = store.schema_version()?;
        // An older database is copied first (consistently, beside it) so that a migration gone wrong
        // or a step back to the previous tilik loses nothing. A new file (version 0) has nothing to keep.
        let backup = if found > 0 && found < SCHEMA_VERSION {
            Some(store.backup_before_migrating(found)?)
        } else {
            None
        };
        let migrated = schema::migrate(&mut store.conn)?;
        match backup {
            Some(backup) if migrated => {
                store.migrated = Some(Migrated {
                    from: found,
                    to: SCHEMA_VERSION,
                    backup,
                });
            }
            // Another tilik migrated while this one copied: that one kept (and said) its own copy.
            Some(backup) => {
                let _ = std::fs::remove_file(backup);
            }
            None => {}
        }
        Ok(store)
    }

    /// The migration this opening did (with the copy taken before), if any.
    pub fn migrated(&self) -> Option<&Migrated> {
        self.migrated.as_ref()
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory(user: Username) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            user,
            path: None,
            clock: None,
            now: Default::default(),
            migrated: None,
            progress: None,
        };
        store.configure()?;
        schema::migrate(&mut store.conn)?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        let conn = &self.conn;
        // Reading the header first turns "file is not a database" into a clear refusal, and a database
        // from a newer tilik is refused before anything about it (such as its journal mode) is changed.
        conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0))?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        conn.busy_handler(Some(busy_handler))?;
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            return Err(StoreError::ReadOnly);
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "trusted_schema", "OFF")?;
        let user = self.user.as_str().to_string();
        conn.create_scalar_function(
            "tilik_user",
            0,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
            move |_| Ok(user.clone()),
        )?;
        let now = std::sync::Arc::clone(&self.now);
        conn.create_scalar_function(
            "tilik_now",
            0,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_INNOCUOUS,
            move |_| {
                let stamp = now.lock().map(|s| s.clone()).unwrap_or_default();
                Ok(if stamp.is_empty() { now_stamp() } else { stamp })
            },
        )?;
        Ok(())
    }

    pub fn user(&self) -> &Username {
        &self.user
    }

    /// Prepares this connection for one long write (an import, the demo at scale): temporary files
    /// are kept in memory. Inside a long transaction every statement that may fail journals the pages
    /// it touches in a statement journal; once one statement's journal outgrows 64 KiB SQLite moves it
    /// to a file, and from then on each insert cost a write system call per page — most of an
    /// import's time (docs/performance.md). Not for the interactive session: there temporary sorts
    /// of large queries would grow in memory instead of on disk.
    pub fn for_bulk_writes(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    /// Stamps every later write with this time instead of the clock's (for tests and demos).
    pub fn fix_clock(&mut self, at: chrono::DateTime<chrono::Utc>) {
        self.clock = Some(at);
    }

    /// Today in WIB (by the fixed clock in tests and demos).
    pub fn today(&self) -> chrono::NaiveDate {
        crate::domain::date::today_wib(self.clock.unwrap_or_else(chrono::Utc::now))
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is written, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let at = self.clock.unwrap_or_else(chrono::Utc::now);
        if let Ok(mut now) = self.now.lock() {
            *now = stamp(at);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate);
        BUSY_WAITS.store(0, Ordering::Relaxed);
        let tx = tx?;
        let wrapped = Tx {
            tx,
            progress: self.progress.as_deref(),
            user: self.user.as_str(),
            now: stamp(at),
            today: crate::domain::date::today_wib(at),
        };
        let out = f(&wrapped).and_then(|out| {
            wrapped.tx.commit()?;
            Ok(out)
        });
        if let Some(w) = self.progress.as_deref() {
            w.end();
        }
        out
    }

    /// The connection, for reads. Each read is one statement (or a short explicit read transaction).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Changes when another connection commits; cheap enough to ask every second.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The schema version stored in the database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

/// A write transaction with the user and time that stamp it.
pub struct Tx<'c> {
    tx: Transaction<'c>,
    progress: Option<&'c dyn progress::Watcher>,
    user: &'c str,
    now: String,
    today: chrono::NaiveDate,
}

impl Tx<'_> {
    pub fn user(&self) -> &str {
        self.user
    }

    pub fn now(&self) -> &str {
        &self.now
    }

    /// The local date of this transaction (for effective dates such as a unit change).
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
    }

    /// Runs a statement that stays prepared on the connection: for writes done once per row of an
    /// import, where preparing the statement again would cost more than running it.
    pub(crate) fn execute_cached(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.tx
    }
}

fn check_sqlite_version() -> Result<()> {
    let found = rusqlite::version_number();
    if found < MIN_SQLITE {
        return Err(StoreError::SqliteTooOld {
            found: rusqlite::version().to_string(),
            needed: "3.51.3".to_string(),
        });
    }
    Ok(())
}

/// The current time as stored: UTC, ISO 8601 with milliseconds.
pub fn now_stamp() -> String {
    stamp(chrono::Utc::now())
}

fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The stamp columns every clerk-editable table carries, in this order, for SELECT lists.
pub(crate) const STAMP_COLS: &str = "version, created_by, created_at, updated_by, updated_at";

/// Reads the five stamp columns starting at `at`.
pub(crate) fn stamp_at(row: &Row<'_>, at: usize) -> rusqlite::Result<Stamp> {
    Ok(Stamp {
        version: Version(row.get(at)?),
        created_by: row.get(at + 1)?,
        created_at: row.get(at + 2)?,
        updated_by: row.get(at + 3)?,
        updated_at: row.get(at + 4)?,
    })
}

/// After an `UPDATE … WHERE id = ? AND version = ?` changed nothing: either the record is gone or
/// someone else saved first. Returns the matching error.
pub(crate) fn conflict_or_missing(tx: &Tx<'_>, table: &str, entity: Entity, id: i64) -> StoreError {
    let sql = format!("SELECT updated_by, updated_at FROM {table} WHERE id = ?1");
    match tx.query_row(&sql, [id], |r| Ok((r.get(0)?, r.get(1)?))) {
        Ok((by, at)) => StoreError::Conflict { entity, id, by, at },
        Err(rusqlite::Error::QueryReturnedNoRows) => StoreError::NotFound {
            entity,
            key: id.to_string(),
        },
        Err(e) => e.into(),
    }
}

/// Maps a UNIQUE violation to [`StoreError::Duplicate`].
pub(crate) fn unique_as_duplicate(e: rusqlite::Error, entity: Entity, key: &str) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) if e.to_string().contains("UNIQUE") => {
            StoreError::Duplicate {
                entity,
                key: key.to_string(),
            }
        }
        _ => e.into(),
    }
}
