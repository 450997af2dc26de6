//! Instruments and their revisions.

use super::{Entity, Result, Store, StoreError, Tx, stamp_at};
use crate::domain::ids::Stamp;
use crate::domain::instrument::{Definition, Level};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

/// A stored revision of an instrument.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredInstrument {
    pub id: i64,
    pub revision: u32,
    pub builtin: bool,
    pub definition: Definition,
    pub stamp: Stamp,
}

/// One line of the instruments list: the current revision, with how many forms were entered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentRow {
    pub id: i64,
    pub code: String,
    pub revision: u32,
    pub title: String,
    pub level: Level,
    pub anonymous: bool,
    pub items: usize,
    pub builtin: bool,
    /// Complete forms entered with any revision.
    pub responses: i64,
}

/// What saving a definition did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Saved {
    Created,
    /// No forms were entered with it yet: changed in place.
    Updated,
    /// Forms exist: a new revision; the old forms keep the old one.
    NewRevision,
    Unchanged,
}

fn bad(index: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, what.into())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredInstrument> {
    let json: String = row.get(3)?;
    let definition: Definition = serde_json::from_str(&json).map_err(|e| bad(3, e.to_string()))?;
    Ok(StoredInstrument {
        id: row.get(0)?,
        revision: row.get(1)?,
        builtin: row.get(2)?,
        definition,
        stamp: stamp_at(row, 4)?,
    })
}

const SELECT: &str = "SELECT id, revision, builtin, definition, version, created_by, created_at, updated_by, updated_at
                      FROM instrument";

impl Store {
    /// The current revision of every instrument, by level and code.
    pub fn instruments(&self) -> Result<Vec<InstrumentRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT i.id, i.code, i.revision, i.title, i.level, i.anonymous, i.definition, i.builtin,
                    (SELECT count(*) FROM response r WHERE r.instrument_code = i.code AND r.status = 'complete'
                       AND r.keying = 'first')
             FROM instrument i WHERE i.current = 1
             ORDER BY CASE i.level WHEN 'needs' THEN 0 WHEN 'reaction' THEN 1 WHEN 'learning' THEN 2
                                   WHEN 'behavior' THEN 3 ELSE 4 END, i.code",
        )?;
        let rows = stmt.query_map([], |r| {
            let level: String = r.get(4)?;
            let json: String = r.get(6)?;
            let items = serde_json::from_str::<Definition>(&json)
                .map(|d| d.items.len())
                .map_err(|e| bad(6, e.to_string()))?;
            Ok(InstrumentRow {
                id: r.get(0)?,
                code: r.get(1)?,
                revision: r.get(2)?,
                title: r.get(3)?,
                level: Level::from_code(&level).ok_or_else(|| bad(4, level))?,
                anonymous: r.get(5)?,
                items,
                builtin: r.get(7)?,
                responses: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The current revision of the instrument with this code.
    pub fn instrument(&self, code: &str) -> Result<Option<StoredInstrument>> {
        let sql = format!("{SELECT} WHERE code = ?1 AND current = 1");
        Ok(self
            .conn()
            .query_row(&sql, [code.trim().to_ascii_uppercase()], from_row)
            .optional()?)
    }

    /// A particular revision (the one a form was entered with).
    pub fn instrument_revision(&self, id: i64) -> Result<StoredInstrument> {
        let sql = format!("{SELECT} WHERE id = ?1");
        self.conn()
            .query_row(&sql, [id], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: Entity::Instrument,
                key: id.to_string(),
            })
    }

    /// Saves a definition: new code → revision 1; no forms entered yet → changed in place; forms entered →
    /// a new revision, so that old forms keep their meaning.
    pub fn save_instrument(
        &mut self,
        def: &Definition,
        builtin: bool,
    ) -> Result<(i64, u32, Saved)> {
        self.write(|tx| save_instrument(tx, def, builtin))
    }

    /// Installs the built-in templates that are not there yet (by code); returns how many were added.
    pub fn install_templates(&mut self, templates: &[Definition]) -> Result<usize> {
        self.write(|tx| {
            let mut added = 0;
            for def in templates {
                let exists: bool = tx
                    .query_row(
                        "SELECT 1 FROM instrument WHERE code = ?1",
                        [&def.code],
                        |_| Ok(true),
                    )
                    .optional()?
                    .unwrap_or(false);
                if !exists {
                    save_instrument(tx, def, true)?;
                    added += 1;
                }
            }
            Ok(added)
        })
    }
}

pub(crate) fn save_instrument(
    tx: &Tx<'_>,
    def: &Definition,
    builtin: bool,
) -> Result<(i64, u32, Saved)> {
    let json = serde_json::to_string(def).map_err(|e| StoreError::Sqlite(bad(0, e.to_string())))?;
    let current: Option<(i64, u32, String)> = tx
        .query_row(
            "SELECT id, revision, definition FROM instrument WHERE code = ?1 AND current = 1",
            [&def.code],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let insert = |revision: u32| -> Result<i64> {
        tx.execute(
            "INSERT INTO instrument (code, revision, title, level, anonymous, definition, builtin,
                                     created_by, created_at, updated_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
            params![
                def.code,
                revision,
                def.title,
                def.level.code(),
                def.anonymous,
                json,
                builtin,
                tx.user(),
                tx.now()
            ],
        )?;
        Ok(tx.last_insert_rowid())
    };
    let Some((id, revision, old_json)) = current else {
        return Ok((insert(1)?, 1, Saved::Created));
    };
    let old: Option<Definition> = serde_json::from_str(&old_json).ok();
    if old.as_ref() == Some(def) {
        return Ok((id, revision, Saved::Unchanged));
    }
    let used: i64 = tx.query_row(
        "SELECT count(*) FROM response WHERE instrument_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if used == 0 {
        tx.execute(
            "UPDATE instrument SET title = ?1, level = ?2, anonymous = ?3, definition = ?4, version = version + 1,
                 updated_by = ?5, updated_at = ?6
             WHERE id = ?7",
            params![def.title, def.level.code(), def.anonymous, json, tx.user(), tx.now(), id],
        )?;
        return Ok((id, revision, Saved::Updated));
    }
    tx.execute(
        "UPDATE instrument SET current = 0, version = version + 1, updated_by = ?1, updated_at = ?2 WHERE id = ?3",
        params![tx.user(), tx.now(), id],
    )?;
    let next = revision + 1;
    Ok((insert(next)?, next, Saved::NewRevision))
}
