//! OPDs.

use super::{
    Entity, Result, STAMP_COLS, Store, StoreError, Tx, conflict_or_missing, stamp_at,
    unique_as_duplicate,
};
use crate::domain::ids::{OpdId, Version};
use crate::domain::opd::{Opd, OpdInput, OpdKind};
use rusqlite::{OptionalExtension, Row, params};

const COLS: &str = "id, code, name, kind, valid_from, valid_to, successor_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Opd> {
    let kind: String = row.get(3)?;
    Ok(Opd {
        id: OpdId(row.get(0)?),
        code: row.get(1)?,
        name: row.get(2)?,
        kind: OpdKind::from_code(&kind).unwrap_or_default(),
        valid_from: row.get(4)?,
        valid_to: row.get(5)?,
        successor: row.get::<_, Option<i64>>(6)?.map(OpdId),
        stamp: stamp_at(row, 7)?,
    })
}

/// An OPD row for lists, with how many ASN it has now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OpdRow {
    pub opd: Opd,
    pub asn_count: i64,
}

impl Store {
    /// All OPDs by name, with their current head counts.
    pub fn opds(&self) -> Result<Vec<OpdRow>> {
        let sql = format!(
            "SELECT {COLS}, {STAMP_COLS}, (SELECT count(*) FROM asn a WHERE a.opd_id = opd.id)
             FROM opd ORDER BY name COLLATE NOCASE"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(OpdRow {
                opd: from_row(r)?,
                asn_count: r.get(12)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn opd(&self, id: OpdId) -> Result<Opd> {
        let sql = format!("SELECT {COLS}, {STAMP_COLS} FROM opd WHERE id = ?1");
        self.conn()
            .query_row(&sql, [id.0], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: Entity::Opd,
                key: id.to_string(),
            })
    }

    pub fn add_opd(&mut self, input: &OpdInput) -> Result<OpdId> {
        self.write(|tx| insert_opd(tx, input))
    }

    /// Saves changes made to version `base` of the OPD; refused when someone else saved since.
    pub fn update_opd(&mut self, id: OpdId, base: Version, input: &OpdInput) -> Result<Version> {
        self.write(|tx| {
            let changed = tx
                .execute(
                    "UPDATE opd SET code = ?1, name = ?2, kind = ?3, valid_from = ?4, valid_to = ?5,
                        version = version + 1, updated_by = ?6, updated_at = ?7
                     WHERE id = ?8 AND version = ?9",
                    params![
                        input.code,
                        input.name,
                        input.kind.code(),
                        input.valid_from,
                        input.valid_to,
                        tx.user(),
                        tx.now(),
                        id.0,
                        base.0
                    ],
                )
                .map_err(|e| unique_as_duplicate(e, Entity::Opd, &input.name))?;
            if changed == 0 {
                return Err(conflict_or_missing(tx, "opd", Entity::Opd, id.0));
            }
            Ok(Version(base.0 + 1))
        })
    }

    /// Deletes an OPD that nobody belongs to.
    pub fn delete_opd(&mut self, id: OpdId, base: Version) -> Result<()> {
        self.write(|tx| {
            let used: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM asn WHERE opd_id = ?1)
                      + (SELECT count(*) FROM asn_unit WHERE opd_id = ?1)",
                [id.0],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(StoreError::InUse {
                    entity: Entity::Opd,
                    key: id.to_string(),
                });
            }
            let n = tx.execute(
                "DELETE FROM opd WHERE id = ?1 AND version = ?2",
                params![id.0, base.0],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "opd", Entity::Opd, id.0));
            }
            Ok(())
        })
    }
}

pub(crate) fn insert_opd(tx: &Tx<'_>, input: &OpdInput) -> Result<OpdId> {
    tx.execute(
        "INSERT INTO opd (code, name, kind, valid_from, valid_to, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
        params![
            input.code,
            input.name,
            input.kind.code(),
            input.valid_from,
            input.valid_to,
            tx.user(),
            tx.now()
        ],
    )
    .map_err(|e| unique_as_duplicate(e, Entity::Opd, &input.name))?;
    Ok(OpdId(tx.last_insert_rowid()))
}

/// The OPD with this name (case-insensitive), created with a guessed kind when new.
pub(crate) fn opd_by_name_or_create(tx: &Tx<'_>, name: &str) -> Result<(OpdId, bool)> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT id FROM opd WHERE name = ?1 COLLATE NOCASE",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = found {
        return Ok((OpdId(id), false));
    }
    let input = OpdInput {
        code: String::new(),
        name: name.to_string(),
        kind: OpdKind::guess(name),
        valid_from: None,
        valid_to: None,
    };
    Ok((insert_opd(tx, &input)?, true))
}
