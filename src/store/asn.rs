//! ASN and their unit history.

use super::enrollment::ensure_enrolled;
use super::opd::opd_by_name_or_create;
use super::progress::Unit;
use super::{
    Entity, Result, STAMP_COLS, Store, StoreError, Tx, conflict_or_missing, stamp_at,
    unique_as_duplicate,
};
use crate::domain::asn::{Asn, AsnImport, AsnInput};
use crate::domain::golongan::Golongan;
use crate::domain::ids::{AsnId, OpdId, ProgramId, Version};
use crate::domain::jabatan::{Jabatan, JabatanLevel};
use crate::domain::name::PersonName;
use crate::domain::nip::{EmployeeKind, Nip};
use crate::text::search_key;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;
use std::collections::HashMap;

const COLS: &str = "a.id, a.nip, a.kind, a.front_title, a.name, a.back_title, a.jabatan, a.jabatan_level, \
                    a.golongan, a.opd_id, a.atasan_id, a.phone, a.email";

fn kind_code(kind: EmployeeKind) -> &'static str {
    match kind {
        EmployeeKind::Pns => "pns",
        EmployeeKind::Pppk => "pppk",
    }
}

fn bad_column(index: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        index,
        rusqlite::types::Type::Text,
        format!("invalid {what} in database").into(),
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Asn> {
    let nip: String = row.get(1)?;
    let kind = if row.get::<_, String>(2)? == "pppk" {
        EmployeeKind::Pppk
    } else {
        EmployeeKind::Pns
    };
    let name = PersonName::new(
        &row.get::<_, String>(3)?,
        &row.get::<_, String>(4)?,
        &row.get::<_, String>(5)?,
    )
    .map_err(|_| bad_column(4, "name"))?;
    let level: Option<String> = row.get(7)?;
    let golongan: Option<String> = row.get(8)?;
    Ok(Asn {
        id: AsnId(row.get(0)?),
        data: AsnInput {
            nip: Nip::from_stored(&nip).map_err(|_| bad_column(1, "NIP"))?,
            kind,
            name,
            jabatan: Jabatan {
                title: row.get(6)?,
                level: level.as_deref().and_then(JabatanLevel::from_code),
            },
            golongan: golongan.as_deref().and_then(|g| g.parse::<Golongan>().ok()),
            opd: row.get::<_, Option<i64>>(9)?.map(OpdId),
            atasan: row.get::<_, Option<i64>>(10)?.map(AsnId),
            phone: row.get(11)?,
            email: row.get(12)?,
        },
        stamp: stamp_at(row, 13)?,
    })
}

/// One line of an ASN list: what a clerk needs to recognise a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AsnRow {
    pub id: AsnId,
    pub nip: String,
    pub kind: EmployeeKind,
    pub name: String,
    pub jabatan: String,
    pub golongan: Option<String>,
    pub opd: Option<String>,
    pub atasan: Option<String>,
    pub atasan_nip: Option<String>,
    pub version: Version,
}

const ROW_SELECT: &str =
    "SELECT a.id, a.nip, a.kind, a.front_title, a.name, a.back_title, a.jabatan, a.golongan,
        o.name, s.front_title, s.name, s.back_title, s.nip, a.version
     FROM asn a
     LEFT JOIN opd o ON o.id = a.opd_id
     LEFT JOIN asn s ON s.id = a.atasan_id";

fn display(front: &str, name: &str, back: &str) -> String {
    PersonName::new(front, name, back)
        .map(|n| n.display())
        .unwrap_or_else(|_| name.to_string())
}

fn row_from(row: &Row<'_>) -> rusqlite::Result<AsnRow> {
    let atasan_name: Option<String> = row.get(10)?;
    Ok(AsnRow {
        id: AsnId(row.get(0)?),
        nip: row.get(1)?,
        kind: if row.get::<_, String>(2)? == "pppk" {
            EmployeeKind::Pppk
        } else {
            EmployeeKind::Pns
        },
        name: display(
            &row.get::<_, String>(3)?,
            &row.get::<_, String>(4)?,
            &row.get::<_, String>(5)?,
        ),
        jabatan: row.get(6)?,
        golongan: row.get(7)?,
        opd: row.get(8)?,
        atasan: match atasan_name {
            Some(n) => Some(display(
                &row.get::<_, Option<String>>(9)?.unwrap_or_default(),
                &n,
                &row.get::<_, Option<String>>(11)?.unwrap_or_default(),
            )),
            None => None,
        },
        atasan_nip: row.get(12)?,
        version: Version(row.get(13)?),
    })
}

/// The most words of a name search that are matched (more are ignored).
const MAX_WORDS: usize = 6;

/// How a search is matched: digits are a NIP prefix; words must each appear somewhere in the name.
/// Returns the WHERE clause and its parameters (numbered from `?3`: `?1` and `?2` are the limit and the
/// prefix that ranks names).
fn search_clause(query: &str) -> (String, Vec<String>) {
    let q = query.trim();
    let digits: String = q.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return ("a.nip LIKE ?3".to_string(), vec![format!("{digits}%")]);
    }
    let key = search_key(q).replace(['%', '_'], "");
    let words: Vec<String> = key
        .split_whitespace()
        .take(MAX_WORDS)
        .map(|w| format!("%{w}%"))
        .collect();
    if words.is_empty() {
        return ("1".to_string(), Vec::new());
    }
    let clause = (0..words.len())
        .map(|i| format!("a.search LIKE ?{}", i + 3))
        .collect::<Vec<_>>()
        .join(" AND ");
    (clause, words)
}

/// What an upsert by NIP did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    Inserted,
    Updated,
    Unchanged,
}

impl Store {
    /// People whose NIP starts with the digits typed, or whose name contains the words typed.
    pub fn search_asn(&self, query: &str, limit: usize) -> Result<Vec<AsnRow>> {
        let (clause, words) = search_clause(query);
        // Names that start with what was typed come first (the search key starts with the bare name).
        // A user limited to some OPDs finds only their people.
        let scope = super::schema::opd_in_scope("a.opd_id");
        let sql = format!(
            "{ROW_SELECT} WHERE ({clause}) AND {scope}
             ORDER BY (a.search LIKE ?2) DESC, a.search, a.nip LIMIT ?1"
        );
        let prefix = format!("{}%", search_key(query.trim()).replace(['%', '_'], ""));
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&limit, &prefix];
        values.extend(words.iter().map(|w| w as &dyn rusqlite::ToSql));
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(values.as_slice(), row_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One person's list row (names of their OPD and atasan).
    pub fn asn_row(&self, id: AsnId) -> Result<Option<AsnRow>> {
        let sql = format!("{ROW_SELECT} WHERE a.id = ?1");
        Ok(self.conn().query_row(&sql, [id.0], row_from).optional()?)
    }

    /// Everyone the user may see (all, or the people of the OPDs they are limited to), by name.
    pub fn all_asn(&self) -> Result<Vec<AsnRow>> {
        let scope = super::schema::opd_in_scope("a.opd_id");
        let sql = format!("{ROW_SELECT} WHERE {scope} ORDER BY a.search, a.nip");
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], row_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn asn_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM asn", [], |r| r.get(0))?)
    }

    pub fn asn(&self, id: AsnId) -> Result<Asn> {
        let sql = format!("SELECT {COLS}, {STAMP_COLS} FROM asn a WHERE a.id = ?1");
        self.conn()
            .query_row(&sql, [id.0], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: Entity::Asn,
                key: id.to_string(),
            })
    }

    pub fn asn_by_nip(&self, nip: &str) -> Result<Option<Asn>> {
        let sql = format!("SELECT {COLS}, {STAMP_COLS} FROM asn a WHERE a.nip = ?1");
        Ok(self.conn().query_row(&sql, [nip], from_row).optional()?)
    }

    pub fn add_asn(&mut self, input: &AsnInput) -> Result<AsnId> {
        self.write(|tx| insert_asn(tx, input))
    }

    /// Saves changes made to version `base`; refused when someone else saved since.
    pub fn update_asn(&mut self, id: AsnId, base: Version, input: &AsnInput) -> Result<Version> {
        self.write(|tx| {
            let before: Option<Option<i64>> = tx
                .query_row("SELECT opd_id FROM asn WHERE id = ?1", [id.0], |r| r.get(0))
                .optional()?;
            if update_asn_row(tx, id, Some(base), input)? == 0 {
                return Err(conflict_or_missing(tx, "asn", Entity::Asn, id.0));
            }
            if let Some(before) = before {
                move_unit(tx, id, before.map(OpdId), input.opd)?;
            }
            Ok(Version(base.0 + 1))
        })
    }

    /// Deletes a person who is in no program and supervises nobody's enrollment.
    pub fn delete_asn(&mut self, id: AsnId, base: Version) -> Result<()> {
        self.write(|tx| {
            let used: i64 = tx.query_row(
                "SELECT count(*) FROM enrollment WHERE asn_id = ?1",
                [id.0],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(StoreError::InUse {
                    entity: Entity::Asn,
                    key: id.to_string(),
                });
            }
            // Their staff lose their atasan: a change to their records, so their versions move too.
            tx.execute(
                "UPDATE asn SET atasan_id = NULL, version = version + 1, updated_by = ?1, updated_at = ?2
                 WHERE atasan_id = ?3",
                params![tx.user(), tx.now(), id.0],
            )?;
            if tx.execute(
                "DELETE FROM asn WHERE id = ?1 AND version = ?2",
                params![id.0, base.0],
            )? == 0
            {
                return Err(conflict_or_missing(tx, "asn", Entity::Asn, id.0));
            }
            Ok(())
        })
    }

    /// A person's units over time, oldest first: (OPD name, from, to).
    pub fn unit_history(&self, id: AsnId) -> Result<Vec<(String, NaiveDate, Option<NaiveDate>)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT o.name, u.valid_from, u.valid_to FROM asn_unit u JOIN opd o ON o.id = u.opd_id
             WHERE u.asn_id = ?1 ORDER BY u.valid_from, u.id",
        )?;
        let rows = stmt.query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The search key: the bare name first (so sorting by it sorts by name, not by "Dr." or "Hj."), then
/// the titles, so that they can be searched too.
fn name_key(input: &AsnInput) -> String {
    let n = &input.name;
    [n.name(), n.front(), n.back()]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| search_key(p))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn insert_asn(tx: &Tx<'_>, input: &AsnInput) -> Result<AsnId> {
    tx.execute_cached(
        "INSERT INTO asn (nip, kind, front_title, name, back_title, search, jabatan, jabatan_level, golongan,
                          opd_id, atasan_id, phone, email, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?14, ?15)",
        params![
            input.nip.as_str(),
            kind_code(input.kind),
            input.name.front(),
            input.name.name(),
            input.name.back(),
            name_key(input),
            input.jabatan.title,
            input.jabatan.level.map(JabatanLevel::code),
            input.golongan.map(Golongan::code),
            input.opd.map(|o| o.0),
            input.atasan.map(|a| a.0),
            input.phone,
            input.email,
            tx.user(),
            tx.now(),
        ],
    )
    .map_err(|e| unique_as_duplicate(e, Entity::Asn, input.nip.as_str()))?;
    let id = AsnId(tx.last_insert_rowid());
    move_unit(tx, id, None, input.opd)?;
    Ok(id)
}

/// Updates the row; with `base`, only if the version still matches. Returns rows changed.
fn update_asn_row(
    tx: &Tx<'_>,
    id: AsnId,
    base: Option<Version>,
    input: &AsnInput,
) -> Result<usize> {
    let n = tx
        .execute(
            "UPDATE asn SET nip = ?1, kind = ?2, front_title = ?3, name = ?4, back_title = ?5, search = ?6,
                jabatan = ?7, jabatan_level = ?8, golongan = ?9, opd_id = ?10, atasan_id = ?11, phone = ?12,
                email = ?13, version = version + 1, updated_by = ?14, updated_at = ?15
             WHERE id = ?16 AND (?17 IS NULL OR version = ?17)",
            params![
                input.nip.as_str(),
                kind_code(input.kind),
                input.name.front(),
                input.name.name(),
                input.name.back(),
                name_key(input),
                input.jabatan.title,
                input.jabatan.level.map(JabatanLevel::code),
                input.golongan.map(Golongan::code),
                input.opd.map(|o| o.0),
                input.atasan.map(|a| a.0),
                input.phone,
                input.email,
                tx.user(),
                tx.now(),
                id.0,
                base.map(|v| v.0),
            ],
        )
        .map_err(|e| unique_as_duplicate(e, Entity::Asn, input.nip.as_str()))?;
    Ok(n)
}

/// Closes the open unit row and opens a new one when a person's OPD changes.
fn move_unit(tx: &Tx<'_>, id: AsnId, from: Option<OpdId>, to: Option<OpdId>) -> Result<()> {
    if from == to && from.is_some() {
        return Ok(());
    }
    let today = tx.today();
    tx.execute_cached(
        "UPDATE asn_unit SET valid_to = max(valid_from, ?1), version = version + 1, updated_by = ?2, updated_at = ?3
         WHERE asn_id = ?4 AND valid_to IS NULL",
        params![today, tx.user(), tx.now(), id.0],
    )?;
    if let Some(opd) = to {
        tx.execute_cached(
            "INSERT INTO asn_unit (asn_id, opd_id, valid_from, created_by, created_at, updated_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)",
            params![id.0, opd.0, today, tx.user(), tx.now()],
        )?;
    }
    Ok(())
}

/// Inserts a new person or brings an existing one (same NIP) up to date, keeping fields the input leaves
/// empty. Used by imports.
pub(crate) fn upsert_asn_by_nip(tx: &Tx<'_>, input: &AsnInput) -> Result<(AsnId, Upsert)> {
    let sql = format!("SELECT {COLS}, {STAMP_COLS} FROM asn a WHERE a.nip = ?1");
    let existing = tx
        .query_row(&sql, [input.nip.as_str()], from_row)
        .optional()?;
    let Some(existing) = existing else {
        return Ok((insert_asn(tx, input)?, Upsert::Inserted));
    };
    let old = &existing.data;
    let merged = AsnInput {
        nip: input.nip.clone(),
        kind: input.kind,
        name: input.name.clone(),
        jabatan: if input.jabatan.title.is_empty() {
            old.jabatan.clone()
        } else {
            input.jabatan.clone()
        },
        golongan: input.golongan.or(old.golongan),
        opd: input.opd.or(old.opd),
        atasan: input.atasan.or(old.atasan),
        phone: if input.phone.is_empty() {
            old.phone.clone()
        } else {
            input.phone.clone()
        },
        email: if input.email.is_empty() {
            old.email.clone()
        } else {
            input.email.clone()
        },
    };
    if &merged == old {
        return Ok((existing.id, Upsert::Unchanged));
    }
    update_asn_row(tx, existing.id, None, &merged)?;
    move_unit(tx, existing.id, old.opd, merged.opd)?;
    Ok((existing.id, Upsert::Updated))
}

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub enrolled: usize,
    pub opds_created: Vec<String>,
}

impl Store {
    /// NIPs among these that are not in the database.
    pub fn unknown_nips<'a>(&self, nips: impl IntoIterator<Item = &'a str>) -> Result<Vec<String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT 1 FROM asn WHERE nip = ?1")?;
        let mut missing = Vec::new();
        for nip in nips {
            if !stmt.exists([nip])? {
                missing.push(nip.to_string());
            }
        }
        Ok(missing)
    }

    /// Writes a checked participant list in one transaction: people upserted by NIP, units matched to OPDs
    /// by name (created when new), atasan linked by NIP, and, with `program`, everyone enrolled.
    pub fn import_people(
        &mut self,
        people: &[AsnImport],
        program: Option<ProgramId>,
    ) -> Result<ImportSummary> {
        self.write(|tx| {
            let mut summary = ImportSummary::default();
            let mut opd_ids: HashMap<String, OpdId> = HashMap::new();
            let mut ids = Vec::with_capacity(people.len());
            let mut outcomes = Vec::with_capacity(people.len());
            // Each row is counted twice: once written, once linked to its atasan.
            tx.begin_stage(Unit::Rows, 2 * people.len() as u64);
            for p in people {
                tx.advance(1)?;
                let mut person = p.person.clone();
                if let Some(unit) = &p.unit {
                    let key = unit.to_lowercase();
                    let id = match opd_ids.get(&key) {
                        Some(id) => *id,
                        None => {
                            let (id, created) = opd_by_name_or_create(tx, unit)?;
                            if created {
                                summary.opds_created.push(unit.clone());
                            }
                            opd_ids.insert(key, id);
                            id
                        }
                    };
                    person.opd = Some(id);
                }
                let (id, what) = upsert_asn_by_nip(tx, &person)?;
                ids.push(id);
                outcomes.push(what);
            }
            for (i, (p, id)) in people.iter().zip(&ids).enumerate() {
                tx.advance(1)?;
                let Some(nip) = &p.atasan_nip else { continue };
                let atasan: i64 = tx
                    .query_row("SELECT id FROM asn WHERE nip = ?1", [nip.as_str()], |r| r.get(0))
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        entity: Entity::Asn,
                        key: nip.as_str().to_string(),
                    })?;
                if atasan != id.0 {
                    let changed = tx.execute(
                        "UPDATE asn SET atasan_id = ?1, version = version + 1, updated_by = ?2, updated_at = ?3
                         WHERE id = ?4 AND coalesce(atasan_id, 0) <> ?1",
                        params![atasan, tx.user(), tx.now(), id.0],
                    )?;
                    if changed > 0 {
                        outcomes[i] = match outcomes[i] {
                            Upsert::Unchanged => Upsert::Updated,
                            other => other,
                        };
                    }
                }
            }
            for what in &outcomes {
                match what {
                    Upsert::Inserted => summary.inserted += 1,
                    Upsert::Updated => summary.updated += 1,
                    Upsert::Unchanged => summary.unchanged += 1,
                }
            }
            if let Some(program) = program {
                for id in &ids {
                    if ensure_enrolled(tx, program, *id)? {
                        summary.enrolled += 1;
                    }
                }
            }
            Ok(summary)
        })
    }
}
