//! Schema migrations (`PRAGMA user_version`) and the audit triggers.
//!
//! Each entry of [`MIGRATIONS`] moves the schema up by one version and runs in the same IMMEDIATE
//! transaction as the version bump. After migrating, the audit triggers are rebuilt from the tables' current
//! columns, so a migration that adds a column never leaves it out of the audit trail.

use super::{Result, StoreError};
use rusqlite::{Connection, TransactionBehavior};

/// Tables whose every insert, update and delete is written to `audit` (old and new values, who, when).
pub(crate) const AUDITED: &[&str] = &[
    "app_user",
    "user_opd",
    "opd",
    "asn",
    "asn_unit",
    "provider",
    "program",
    "objective",
    "behaviour",
    "cost_line",
    "enrollment",
    "instrument",
    "response",
    "answer",
    "test_score",
    "discrepancy",
    "activity",
    "program_followup",
    "followup",
    "action",
    "action_step",
    "result_indicator",
    "program_result",
    "recommendation",
];

const V1: &str = r#"
CREATE TABLE app_user (
    id          INTEGER PRIMARY KEY,
    username    TEXT NOT NULL UNIQUE,
    full_name   TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL CHECK (role IN ('admin','evaluator','operator','verifier','viewer')),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by  TEXT NOT NULL, updated_at TEXT NOT NULL
);

CREATE TABLE opd (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL CHECK (name <> ''),
    kind         TEXT NOT NULL,
    valid_from   TEXT,
    valid_to     TEXT CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
    successor_id INTEGER REFERENCES opd(id),
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by   TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX opd_name ON opd(name COLLATE NOCASE);

CREATE TABLE user_opd (
    user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    opd_id  INTEGER NOT NULL REFERENCES opd(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, opd_id)
);

CREATE TABLE asn (
    id            INTEGER PRIMARY KEY,
    nip           TEXT NOT NULL UNIQUE CHECK (length(nip) = 18 AND nip NOT GLOB '*[^0-9]*'),
    kind          TEXT NOT NULL CHECK (kind IN ('pns', 'pppk')),
    front_title   TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL CHECK (name <> ''),
    back_title    TEXT NOT NULL DEFAULT '',
    search        TEXT NOT NULL,
    jabatan       TEXT NOT NULL DEFAULT '',
    jabatan_level TEXT,
    golongan      TEXT,
    opd_id        INTEGER REFERENCES opd(id),
    atasan_id     INTEGER REFERENCES asn(id) ON DELETE SET NULL CHECK (atasan_id IS NULL OR atasan_id <> id),
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by    TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX asn_opd ON asn(opd_id);
CREATE INDEX asn_atasan ON asn(atasan_id);
CREATE INDEX asn_search ON asn(search);

-- A person's unit over time: a row opens when they join an OPD and closes when they leave it.
CREATE TABLE asn_unit (
    id         INTEGER PRIMARY KEY,
    asn_id     INTEGER NOT NULL REFERENCES asn(id) ON DELETE CASCADE,
    opd_id     INTEGER NOT NULL REFERENCES opd(id),
    valid_from TEXT NOT NULL,
    valid_to   TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX asn_unit_asn ON asn_unit(asn_id, valid_from);

CREATE TABLE provider (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (name <> ''),
    accreditation TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by    TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX provider_name ON provider(name COLLATE NOCASE);

CREATE TABLE program (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (name <> ''),
    kind        TEXT NOT NULL,
    mode        TEXT NOT NULL,
    competency  TEXT NOT NULL DEFAULT '',
    provider_id INTEGER REFERENCES provider(id),
    location    TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL CHECK (end_date >= start_date),
    jp          INTEGER NOT NULL CHECK (jp > 0),
    quota       INTEGER CHECK (quota IS NULL OR quota > 0),
    status      TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by  TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX program_start ON program(start_date);

CREATE TABLE objective (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL CHECK (text <> ''),
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX objective_program ON objective(program_id, seq);

CREATE TABLE behaviour (
    id           INTEGER PRIMARY KEY,
    objective_id INTEGER NOT NULL REFERENCES objective(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    text         TEXT NOT NULL CHECK (text <> ''),
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by   TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX behaviour_objective ON behaviour(objective_id, seq);

CREATE TABLE cost_line (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    version     INTEGER NOT NULL DEFAULT 1,
    created_by  TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by  TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX cost_line_program ON cost_line(program_id);

CREATE TABLE enrollment (
    id             INTEGER PRIMARY KEY,
    program_id     INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    asn_id         INTEGER NOT NULL REFERENCES asn(id),
    attendance     INTEGER CHECK (attendance IS NULL OR attendance BETWEEN 0 AND 100),
    completion     TEXT CHECK (completion IS NULL OR completion IN ('lulus', 'tidak_lulus', 'mengundurkan_diri')),
    certificate_no TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by     TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (program_id, asn_id)
);
CREATE INDEX enrollment_asn ON enrollment(asn_id);

-- Unsaved form contents, per user and form, so that a dropped connection loses nothing typed.
CREATE TABLE draft (
    id         INTEGER PRIMARY KEY,
    username   TEXT NOT NULL,
    form       TEXT NOT NULL,
    record_key TEXT NOT NULL DEFAULT '',
    payload    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (username, form, record_key)
);

-- Append-only: who changed what, when, from which values to which.
CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    username TEXT NOT NULL,
    tbl      TEXT NOT NULL,
    row_id   INTEGER NOT NULL,
    op       TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    old      TEXT,
    new      TEXT
);
CREATE INDEX audit_row ON audit(tbl, row_id, id);
CREATE INDEX audit_user ON audit(username, at);
CREATE INDEX audit_at ON audit(at);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"#;

/// Instruments, responses (forms entered, with their answers), test scores, double-entry discrepancies and
/// operator statistics.
const V2: &str = r#"
-- One row per revision of an instrument; `definition` is the whole content (JSON) of that revision.
CREATE TABLE instrument (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL,
    revision   INTEGER NOT NULL CHECK (revision >= 1),
    title      TEXT NOT NULL,
    level      TEXT NOT NULL CHECK (level IN ('needs', 'reaction', 'learning', 'behavior', 'results')),
    anonymous  INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    definition TEXT NOT NULL,
    builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    current    INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (code, revision)
);
CREATE UNIQUE INDEX instrument_current ON instrument(code) WHERE current = 1;

-- A filled-in form: whose (an ASN, or an anonymous sheet number), for which program and phase, keyed by
-- whom (first keying, or the blind second keying of double entry). A draft holds what was typed so far.
CREATE TABLE response (
    id              INTEGER PRIMARY KEY,
    instrument_id   INTEGER NOT NULL REFERENCES instrument(id),
    instrument_code TEXT NOT NULL,
    program_id      INTEGER REFERENCES program(id) ON DELETE CASCADE,
    phase           TEXT NOT NULL,
    asn_id          INTEGER REFERENCES asn(id),
    sheet           TEXT,
    keying          TEXT NOT NULL DEFAULT 'first' CHECK (keying IN ('first', 'second')),
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
    focus           TEXT,
    verified        INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by      TEXT NOT NULL, updated_at TEXT NOT NULL,
    CHECK ((asn_id IS NULL) <> (sheet IS NULL))
);
CREATE UNIQUE INDEX response_person ON response(coalesce(program_id, 0), instrument_code, phase, keying, asn_id)
    WHERE asn_id IS NOT NULL;
CREATE UNIQUE INDEX response_sheet ON response(coalesce(program_id, 0), instrument_code, phase, keying, sheet)
    WHERE sheet IS NOT NULL;
CREATE INDEX response_program ON response(program_id, instrument_code, phase, status);
CREATE INDEX response_asn ON response(asn_id);

CREATE TABLE answer (
    response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    item        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (response_id, item)
) WITHOUT ROWID;

-- Pre/post test scores per participant (0..max).
CREATE TABLE test_score (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    asn_id     INTEGER NOT NULL REFERENCES asn(id),
    pre        REAL CHECK (pre IS NULL OR (pre >= 0 AND pre <= max)),
    post       REAL CHECK (post IS NULL OR (post >= 0 AND post <= max)),
    max        REAL NOT NULL DEFAULT 100 CHECK (max > 0),
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (program_id, asn_id)
);

-- A field where the blind second keying disagreed with the first, until an adjudicator decides.
CREATE TABLE discrepancy (
    id             INTEGER PRIMARY KEY,
    response_id    INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    second_id      INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    item           TEXT NOT NULL,
    first_value    TEXT,
    second_value   TEXT,
    resolved_value TEXT,
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by     TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (response_id, item)
);

-- Per clerk and day: forms, keystrokes, corrections, time active (seconds). Statistics, not audited.
CREATE TABLE entry_stat (
    username       TEXT NOT NULL,
    day            TEXT NOT NULL,
    forms          INTEGER NOT NULL DEFAULT 0,
    keystrokes     INTEGER NOT NULL DEFAULT 0,
    corrections    INTEGER NOT NULL DEFAULT 0,
    active_seconds INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (username, day)
);
"#;

/// Competency development outside programs (coaching, mentoring, e-learning, internships, seminars…),
/// counted towards each ASN's 20 JP a year.
const V3: &str = r#"
CREATE TABLE activity (
    id             INTEGER PRIMARY KEY,
    asn_id         INTEGER NOT NULL REFERENCES asn(id) ON DELETE CASCADE,
    day            TEXT NOT NULL,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (title <> ''),
    provider       TEXT NOT NULL DEFAULT '',
    jp             REAL NOT NULL CHECK (jp > 0 AND jp <= 2000),
    certificate_no TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by     TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX activity_asn ON activity(asn_id, day);
CREATE INDEX activity_day ON activity(day);
CREATE INDEX enrollment_program ON enrollment(program_id, completion);
"#;

/// Users limited to some OPDs: the scope triggers (rebuilt with the audit triggers) look users up by
/// OPD as well.
const V4: &str = r#"
CREATE INDEX user_opd_opd ON user_opd(opd_id);
"#;

/// Double-entry verification: one row per verified form (second keying), for the verification report.
const V5: &str = r#"
CREATE TABLE verification (
    second_id    INTEGER PRIMARY KEY REFERENCES response(id) ON DELETE CASCADE,
    first_id     INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
    instrument   TEXT NOT NULL,
    first_keyer  TEXT NOT NULL,
    second_keyer TEXT NOT NULL,
    compared     INTEGER NOT NULL CHECK (compared >= 0),
    mismatches   INTEGER NOT NULL CHECK (mismatches >= 0),
    day          TEXT NOT NULL
);
CREATE INDEX verification_first ON verification(first_keyer, instrument);
ALTER TABLE discrepancy ADD COLUMN resolved_by TEXT;
"#;

/// Behaviour at work: which instruments follow a program up and when, the planned follow-ups per
/// participant, and the follow-up actions (mentoring, coaching, action plans, aksi perubahan).
const V6: &str = r#"
CREATE TABLE program_followup (
    program_id     INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
    observation    TEXT,
    interview      TEXT,
    self_report    TEXT,
    offsets        TEXT NOT NULL DEFAULT '30,60,90',
    results_offset INTEGER NOT NULL DEFAULT 180 CHECK (results_offset > 0),
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by     TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE followup (
    id              INTEGER PRIMARY KEY,
    program_id      INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    asn_id          INTEGER NOT NULL REFERENCES asn(id) ON DELETE CASCADE,
    instrument_code TEXT NOT NULL,
    phase           TEXT NOT NULL,
    due             TEXT NOT NULL,
    evaluator       TEXT,
    status          TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
    version         INTEGER NOT NULL DEFAULT 1,
    created_by      TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by      TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (program_id, asn_id, instrument_code, phase)
);
CREATE INDEX followup_due ON followup(due, status);
CREATE INDEX followup_asn ON followup(asn_id);
CREATE TABLE action (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    asn_id     INTEGER NOT NULL REFERENCES asn(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('mentoring', 'coaching', 'rtl', 'aksi_perubahan')),
    title      TEXT NOT NULL CHECK (title <> ''),
    owner      TEXT NOT NULL CHECK (owner <> ''),
    coach      TEXT NOT NULL DEFAULT '',
    sessions   INTEGER NOT NULL DEFAULT 0 CHECK (sessions >= 0),
    notes      TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    outcome    TEXT NOT NULL DEFAULT '',
    closed_on  TEXT,
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX action_person ON action(program_id, asn_id);
CREATE TABLE action_step (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (title <> ''),
    due        TEXT NOT NULL,
    done_on    TEXT,
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX action_step_due ON action_step(due, done_on);
"#;

/// Results (level 4) and ROI: the unit's indicators before and after, the monetary benefit with how
/// much of it is put down to the training and how sure the estimate is; recommendations kept with the
/// program as the evaluator decided them.
const V7: &str = r#"
CREATE TABLE result_indicator (
    id            INTEGER PRIMARY KEY,
    program_id    INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (name <> ''),
    unit          TEXT NOT NULL DEFAULT '',
    before        REAL,
    after         REAL,
    higher_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_better IN (0, 1)),
    source        TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by    TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX result_indicator_program ON result_indicator(program_id);
CREATE TABLE program_result (
    program_id     INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,
    benefit        INTEGER CHECK (benefit IS NULL OR benefit >= 0),
    isolation      TEXT NOT NULL DEFAULT '',
    isolation_pct  REAL CHECK (isolation_pct IS NULL OR (isolation_pct >= 0 AND isolation_pct <= 100)),
    confidence_pct REAL CHECK (confidence_pct IS NULL OR (confidence_pct >= 0 AND confidence_pct <= 100)),
    intangibles    TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_by     TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by     TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE recommendation (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    rule       TEXT NOT NULL DEFAULT 'manual',
    text       TEXT NOT NULL CHECK (text <> ''),
    because    TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL, created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX recommendation_program ON recommendation(program_id);
"#;

/// Answers are no longer audited when first written (see [`INSERT_NOT_AUDITED`]); the audit triggers
/// rebuilt after migrating leave that one out.
const V8: &str = "DROP TRIGGER IF EXISTS audit_answer_insert;";

/// Whether a program's recommendations are the evaluator's (kept with `k`, written anew, edited) rather
/// than the suggested ones. It is a fact of its own, not "some are stored": an evaluator who removed every
/// kept recommendation has none, and the suggestions do not come back. Programs with kept ones already
/// have it.
const V9: &str = r#"
ALTER TABLE program ADD COLUMN recommendations_kept INTEGER NOT NULL DEFAULT 0
    CHECK (recommendations_kept IN (0, 1));
UPDATE program SET recommendations_kept = 1 WHERE id IN (SELECT program_id FROM recommendation);
"#;

/// Schema steps; version N is reached by running `MIGRATIONS[N - 1]`.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

/// Tables whose inserts the audit trail leaves out, because the row that holds them already says who
/// wrote them and when: a new answer belongs to its form (`response`, audited with its keyer and
/// time), and its first value is the value it has until an update, whose audit line keeps the old one.
/// Answers are most of what is written; auditing each insert doubled the cost of an import and made
/// the audit table the largest in the database.
pub(crate) const INSERT_NOT_AUDITED: &[&str] = &["answer"];

/// The schema version this tilik writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to [`SCHEMA_VERSION`], or refuses a database from a newer tilik. Says whether
/// it migrated (false: the schema was current, or another process migrated it meanwhile).
pub(crate) fn migrate(conn: &mut Connection) -> Result<bool> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(false);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    if current == SCHEMA_VERSION {
        return Ok(false);
    }
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    rebuild_audit_triggers(&tx)?;
    rebuild_scope_triggers(&tx)?;
    tx.commit()?;
    Ok(true)
}

/// Creates a database at an older schema `version` (the migrations up to it, without the audit and
/// scope triggers), as a tilik of that version left it. For tests of upgrades only.
#[doc(hidden)]
pub fn create_at_version(path: &std::path::Path, version: i64) -> Result<()> {
    let conn = Connection::open(path)?;
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    debug_assert_eq!(mode, "wal");
    let steps = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    for (index, sql) in MIGRATIONS.iter().take(steps).enumerate() {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    Ok(())
}

/// The error text the scope triggers raise; [`super::StoreError`] recognises it.
pub(crate) const OUT_OF_SCOPE: &str = "tilik: out of scope";

/// An SQL condition: the current user (`tilik_user()`) may work on people of OPD `opd` — they are
/// limited to no OPD at all, or to this one among others.
pub(crate) fn opd_in_scope(opd: &str) -> String {
    format!(
        "(NOT EXISTS (SELECT 1 FROM user_opd uo JOIN app_user u ON u.id = uo.user_id \
                      WHERE u.username = tilik_user()) \
          OR EXISTS (SELECT 1 FROM user_opd uo JOIN app_user u ON u.id = uo.user_id \
                      WHERE u.username = tilik_user() AND uo.opd_id = {opd}))"
    )
}

/// Puts back every per-row audit and scope trigger (after a bulk load dropped them).
pub(crate) fn restore_row_triggers(conn: &Connection) -> Result<()> {
    rebuild_audit_triggers(conn)?;
    rebuild_scope_triggers(conn)
}

/// (Re)creates the triggers that keep a user limited to some OPDs away from everyone else's people:
/// the person, their enrollments, forms, test scores and learning activities. They hold for the
/// terminal interface, every CLI command and imports alike.
fn rebuild_scope_triggers(conn: &Connection) -> Result<()> {
    let asn_opd = |id: &str| opd_in_scope(&format!("(SELECT opd_id FROM asn WHERE id = {id})"));
    let mut sql = String::new();
    let mut trigger = |name: &str, when: &str, table: &str, cond: String| {
        sql.push_str(&format!(
            "DROP TRIGGER IF EXISTS scope_{name};
             CREATE TRIGGER scope_{name} BEFORE {when} ON {table} WHEN NOT ({cond}) BEGIN
               SELECT RAISE(ABORT, '{OUT_OF_SCOPE}');
             END;\n"
        ));
    };
    trigger("asn_insert", "INSERT", "asn", opd_in_scope("NEW.opd_id"));
    trigger(
        "asn_update",
        "UPDATE",
        "asn",
        format!(
            "{} AND {}",
            opd_in_scope("OLD.opd_id"),
            opd_in_scope("NEW.opd_id")
        ),
    );
    trigger("asn_delete", "DELETE", "asn", opd_in_scope("OLD.opd_id"));
    for table in ["enrollment", "response", "test_score", "activity", "action"] {
        // Anonymous sheets (no person) are nobody's: anyone who may key them may.
        let guard = |side: &str| {
            format!(
                "{side}.asn_id IS NULL OR {}",
                asn_opd(&format!("{side}.asn_id"))
            )
        };
        trigger(&format!("{table}_insert"), "INSERT", table, guard("NEW"));
        trigger(
            &format!("{table}_update"),
            "UPDATE",
            table,
            format!("({}) AND ({})", guard("OLD"), guard("NEW")),
        );
        trigger(&format!("{table}_delete"), "DELETE", table, guard("OLD"));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// (Re)creates the insert/update/delete audit triggers of every audited table from its current columns.
fn rebuild_audit_triggers(conn: &Connection) -> Result<()> {
    for table in AUDITED {
        let columns: Vec<String> = {
            let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
            let names = stmt.query_map([], |r| r.get::<_, String>(1))?;
            names.collect::<rusqlite::Result<_>>()?
        };
        let json = |side: &str| {
            let pairs: Vec<String> = columns
                .iter()
                .map(|c| format!("'{c}', {side}.{c}"))
                .collect();
            format!("json_object({})", pairs.join(", "))
        };
        // The row an audit line is about: `id`, or the first column of the primary key.
        let key = if columns.iter().any(|c| c == "id") {
            "id".to_string()
        } else {
            let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
            let pk: Vec<(String, i64)> = stmt
                .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?
                .collect::<rusqlite::Result<_>>()?;
            pk.into_iter()
                .find(|(_, n)| *n == 1)
                .map_or_else(|| "rowid".to_string(), |(c, _)| c)
        };
        let row_id = |side: &str| format!("{side}.{key}");
        let (new_json, old_json) = (json("NEW"), json("OLD"));
        let (new_id, old_id) = (row_id("NEW"), row_id("OLD"));
        let now = "tilik_now()";
        let insert = if INSERT_NOT_AUDITED.contains(table) {
            String::new()
        } else {
            format!(
                "CREATE TRIGGER audit_{table}_insert AFTER INSERT ON {table} BEGIN
               INSERT INTO audit (at, username, tbl, row_id, op, old, new)
               VALUES ({now}, tilik_user(), '{table}', {new_id}, 'insert', NULL, {new_json});
             END;"
            )
        };
        let sql = format!(
            "DROP TRIGGER IF EXISTS audit_{table}_insert;
             DROP TRIGGER IF EXISTS audit_{table}_update;
             DROP TRIGGER IF EXISTS audit_{table}_delete;
             {insert}
             CREATE TRIGGER audit_{table}_update AFTER UPDATE ON {table} BEGIN
               INSERT INTO audit (at, username, tbl, row_id, op, old, new)
               VALUES ({now}, tilik_user(), '{table}', {new_id}, 'update', {old_json}, {new_json});
             END;
             CREATE TRIGGER audit_{table}_delete AFTER DELETE ON {table} BEGIN
               INSERT INTO audit (at, username, tbl, row_id, op, old, new)
               VALUES ({now}, tilik_user(), '{table}', {old_id}, 'delete', {old_json}, NULL);
             END;"
        );
        conn.execute_batch(&sql)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{MIGRATIONS, V9};
    use rusqlite::Connection;

    #[test]
    fn programs_with_kept_recommendations_stay_kept_after_migrating() {
        let conn = Connection::open_in_memory().expect("memory");
        let v9 = MIGRATIONS
            .iter()
            .position(|m| *m == V9)
            .expect("V9 is a migration");
        for sql in &MIGRATIONS[..v9] {
            conn.execute_batch(sql).expect("earlier migration");
        }
        conn.execute_batch(
            "INSERT INTO program (id, code, name, kind, mode, start_date, end_date, jp, status,
                                  created_by, created_at, updated_by, updated_at)
             VALUES (1, 'A', 'A', 'teknis', 'klasikal', '2026-01-01', '2026-01-02', 8, 'selesai',
                     'x', 't', 'x', 't'),
                    (2, 'B', 'B', 'teknis', 'klasikal', '2026-01-01', '2026-01-02', 8, 'selesai',
                     'x', 't', 'x', 't');
             INSERT INTO recommendation (program_id, text, created_by, created_at, updated_by, updated_at)
             VALUES (1, 'Libatkan mentor', 'x', 't', 'x', 't');",
        )
        .expect("rows");
        conn.execute_batch(V9).expect("V9");
        let kept: Vec<(i64, i64)> = conn
            .prepare("SELECT id, recommendations_kept FROM program ORDER BY id")
            .expect("query")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("read");
        assert_eq!(kept, [(1, 1), (2, 0)]);
    }
}
