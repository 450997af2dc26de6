//! Programs with their provider, objectives, behaviours and cost lines.

use super::{
    Entity, Result, Store, StoreError, Tx, conflict_or_missing, stamp_at, unique_as_duplicate,
};
use crate::domain::ids::{BehaviourId, CostLineId, ObjectiveId, ProgramId, ProviderId, Version};
use crate::domain::program::{
    Accreditation, Behaviour, CostCategory, CostLine, LearningMode, Objective, Program,
    ProgramCode, ProgramInput, ProgramStatus, ProgramType,
};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

const COLS: &str = "p.id, p.code, p.name, p.kind, p.mode, p.competency, coalesce(v.name, ''), \
                    coalesce(v.accreditation, 'tidak_diketahui'), p.location, p.start_date, p.end_date, p.jp, \
                    p.quota, p.status";
const FROM: &str = "FROM program p LEFT JOIN provider v ON v.id = p.provider_id";
const P_STAMP: &str = "p.version, p.created_by, p.created_at, p.updated_by, p.updated_at";

fn decode<T>(index: usize, code: &str, f: impl Fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    f(code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown code {code:?}").into(),
        )
    })
}

fn input_from_row(row: &Row<'_>) -> rusqlite::Result<ProgramInput> {
    let code: String = row.get(1)?;
    Ok(ProgramInput {
        code: decode(1, &code, |c| ProgramCode::parse(c).ok())?,
        name: row.get(2)?,
        kind: decode(3, &row.get::<_, String>(3)?, ProgramType::from_code)?,
        mode: decode(4, &row.get::<_, String>(4)?, LearningMode::from_code)?,
        competency: row.get(5)?,
        provider: row.get(6)?,
        accreditation: decode(7, &row.get::<_, String>(7)?, Accreditation::from_code)?,
        location: row.get(8)?,
        start: row.get(9)?,
        end: row.get(10)?,
        jp: row.get(11)?,
        quota: row.get(12)?,
        status: decode(13, &row.get::<_, String>(13)?, ProgramStatus::from_code)?,
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Program> {
    Ok(Program {
        id: ProgramId(row.get(0)?),
        data: input_from_row(row)?,
        stamp: stamp_at(row, 14)?,
    })
}

/// Which programs a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramFilter {
    pub year: Option<i32>,
    pub kind: Option<ProgramType>,
    pub status: Option<ProgramStatus>,
    /// Words in the code, name, provider or competency.
    pub text: String,
}

/// One line of the programs list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramRow {
    pub program: Program,
    pub participants: i64,
}

impl Store {
    /// Programs matching the filter, newest first.
    pub fn programs(&self, filter: &ProgramFilter) -> Result<Vec<ProgramRow>> {
        let text = filter.text.trim().replace(['%', '_'], "");
        let sql = format!(
            "SELECT {COLS}, {P_STAMP},
                    (SELECT count(*) FROM enrollment e WHERE e.program_id = p.id)
             {FROM}
             WHERE (?1 IS NULL OR substr(p.start_date, 1, 4) = ?1)
               AND (?2 IS NULL OR p.kind = ?2)
               AND (?3 IS NULL OR p.status = ?3)
               AND (?4 = '' OR p.code LIKE '%' || ?4 || '%' OR p.name LIKE '%' || ?4 || '%'
                    OR coalesce(v.name, '') LIKE '%' || ?4 || '%' OR p.competency LIKE '%' || ?4 || '%')
             ORDER BY (?4 <> '' AND p.code LIKE ?4 || '%') DESC, p.start_date DESC, p.code"
        );
        // A search that is the start of a code finds that program first (KOM before PRAKOM).
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                filter.year.map(|y| format!("{y:04}")),
                filter.kind.map(ProgramType::code),
                filter.status.map(ProgramStatus::code),
                text
            ],
            |r| {
                Ok(ProgramRow {
                    program: from_row(r)?,
                    participants: r.get(19)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The years that have programs, newest first (for the year filter).
    pub fn program_years(&self) -> Result<Vec<i32>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT CAST(substr(start_date, 1, 4) AS INTEGER) FROM program ORDER BY 1 DESC",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn program(&self, id: ProgramId) -> Result<Program> {
        let sql = format!("SELECT {COLS}, {P_STAMP} {FROM} WHERE p.id = ?1");
        self.conn()
            .query_row(&sql, [id.0], from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                entity: Entity::Program,
                key: id.to_string(),
            })
    }

    pub fn program_by_code(&self, code: &str) -> Result<Option<Program>> {
        let sql = format!("SELECT {COLS}, {P_STAMP} {FROM} WHERE p.code = ?1");
        Ok(self
            .conn()
            .query_row(&sql, [code.trim().to_ascii_uppercase()], from_row)
            .optional()?)
    }

    pub fn add_program(&mut self, input: &ProgramInput) -> Result<ProgramId> {
        self.write(|tx| insert_program(tx, input))
    }

    /// Saves changes made to version `base`; refused when someone else saved since.
    pub fn update_program(
        &mut self,
        id: ProgramId,
        base: Version,
        input: &ProgramInput,
    ) -> Result<Version> {
        self.write(|tx| {
            let provider = provider_for(tx, input)?;
            let n = tx
                .execute(
                    "UPDATE program SET code = ?1, name = ?2, kind = ?3, mode = ?4, competency = ?5,
                        provider_id = ?6, location = ?7, start_date = ?8, end_date = ?9, jp = ?10, quota = ?11,
                        status = ?12, version = version + 1, updated_by = ?13, updated_at = ?14
                     WHERE id = ?15 AND version = ?16",
                    params![
                        input.code.as_str(),
                        input.name,
                        input.kind.code(),
                        input.mode.code(),
                        input.competency,
                        provider.map(|p| p.0),
                        input.location,
                        input.start,
                        input.end,
                        input.jp,
                        input.quota,
                        input.status.code(),
                        tx.user(),
                        tx.now(),
                        id.0,
                        base.0
                    ],
                )
                .map_err(|e| unique_as_duplicate(e, Entity::Program, input.code.as_str()))?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "program", Entity::Program, id.0));
            }
            // A completed program gets its participants' follow-ups planned (once; later plans add
            // only what is missing).
            if matches!(
                input.status,
                ProgramStatus::Selesai | ProgramStatus::Dievaluasi
            ) {
                super::followup::plan(tx, id)?;
            }
            Ok(Version(base.0 + 1))
        })
    }

    /// Deletes a program with no participants (objectives and costs go with it).
    pub fn delete_program(&mut self, id: ProgramId, base: Version) -> Result<()> {
        self.write(|tx| {
            let used: i64 = tx.query_row(
                "SELECT count(*) FROM enrollment WHERE program_id = ?1",
                [id.0],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(StoreError::InUse {
                    entity: Entity::Program,
                    key: id.to_string(),
                });
            }
            if tx.execute(
                "DELETE FROM program WHERE id = ?1 AND version = ?2",
                params![id.0, base.0],
            )? == 0
            {
                return Err(conflict_or_missing(tx, "program", Entity::Program, id.0));
            }
            Ok(())
        })
    }

    /// A program's objectives with their behaviours, in order.
    pub fn objectives(&self, program: ProgramId) -> Result<Vec<Objective>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT o.id, o.text, b.id, b.text FROM objective o
             LEFT JOIN behaviour b ON b.objective_id = o.id
             WHERE o.program_id = ?1 ORDER BY o.seq, o.id, b.seq, b.id",
        )?;
        let mut rows = stmt.query([program.0])?;
        let mut out: Vec<Objective> = Vec::new();
        while let Some(r) = rows.next()? {
            let id = ObjectiveId(r.get(0)?);
            if out.last().is_none_or(|o| o.id != id) {
                out.push(Objective {
                    id,
                    text: r.get(1)?,
                    behaviours: Vec::new(),
                });
            }
            if let (Some(bid), Some(last)) = (r.get::<_, Option<i64>>(2)?, out.last_mut()) {
                last.behaviours.push(Behaviour {
                    id: BehaviourId(bid),
                    text: r.get(3)?,
                });
            }
        }
        Ok(out)
    }

    pub fn add_objective(&mut self, program: ProgramId, text: &str) -> Result<ObjectiveId> {
        self.write(|tx| insert_objective(tx, program, text))
    }

    pub fn add_behaviour(&mut self, objective: ObjectiveId, text: &str) -> Result<BehaviourId> {
        self.write(|tx| insert_behaviour(tx, objective, text))
    }

    pub fn update_objective(&mut self, id: ObjectiveId, text: &str) -> Result<()> {
        self.write(|tx| update_text(tx, "objective", Entity::Objective, id.0, text))
    }

    pub fn update_behaviour(&mut self, id: BehaviourId, text: &str) -> Result<()> {
        self.write(|tx| update_text(tx, "behaviour", Entity::Behaviour, id.0, text))
    }

    pub fn delete_objective(&mut self, id: ObjectiveId) -> Result<()> {
        self.write(|tx| delete_row(tx, "objective", Entity::Objective, id.0))
    }

    pub fn delete_behaviour(&mut self, id: BehaviourId) -> Result<()> {
        self.write(|tx| delete_row(tx, "behaviour", Entity::Behaviour, id.0))
    }

    pub fn cost_lines(&self, program: ProgramId) -> Result<Vec<CostLine>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, category, description, amount FROM cost_line WHERE program_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([program.0], |r| {
            Ok(CostLine {
                id: CostLineId(r.get(0)?),
                category: decode(1, &r.get::<_, String>(1)?, CostCategory::from_code)?,
                description: r.get(2)?,
                amount: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_cost_line(
        &mut self,
        program: ProgramId,
        category: CostCategory,
        description: &str,
        amount: i64,
    ) -> Result<CostLineId> {
        self.write(|tx| insert_cost_line(tx, program, category, description, amount))
    }

    pub fn delete_cost_line(&mut self, id: CostLineId) -> Result<()> {
        self.write(|tx| delete_row(tx, "cost_line", Entity::CostLine, id.0))
    }

    /// Known providers, by name, with accreditation (for completion in the program form).
    pub fn providers(&self) -> Result<Vec<(ProviderId, String, Accreditation)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, name, accreditation FROM provider ORDER BY name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                ProviderId(r.get(0)?),
                r.get(1)?,
                decode(2, &r.get::<_, String>(2)?, Accreditation::from_code)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Programs between two dates (inclusive), for reports.
    pub fn programs_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Program>> {
        let sql = format!(
            "SELECT {COLS}, {P_STAMP} {FROM} WHERE p.start_date BETWEEN ?1 AND ?2 ORDER BY p.start_date"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![from, to], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The provider row for the program's provider name, created or given the program's accreditation.
fn provider_for(tx: &Tx<'_>, input: &ProgramInput) -> Result<Option<ProviderId>> {
    if input.provider.is_empty() {
        return Ok(None);
    }
    let found: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, accreditation FROM provider WHERE name = ?1 COLLATE NOCASE",
            [&input.provider],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((id, acc)) => {
            if acc != input.accreditation.code() && input.accreditation != Accreditation::Unknown {
                tx.execute(
                    "UPDATE provider SET accreditation = ?1, version = version + 1, updated_by = ?2, updated_at = ?3
                     WHERE id = ?4",
                    params![input.accreditation.code(), tx.user(), tx.now(), id],
                )?;
            }
            Ok(Some(ProviderId(id)))
        }
        None => {
            tx.execute(
                "INSERT INTO provider (name, accreditation, created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?3, ?4)",
                params![input.provider, input.accreditation.code(), tx.user(), tx.now()],
            )?;
            Ok(Some(ProviderId(tx.last_insert_rowid())))
        }
    }
}

pub(crate) fn insert_program(tx: &Tx<'_>, input: &ProgramInput) -> Result<ProgramId> {
    let provider = provider_for(tx, input)?;
    tx.execute(
        "INSERT INTO program (code, name, kind, mode, competency, provider_id, location, start_date, end_date, jp,
                              quota, status, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?14)",
        params![
            input.code.as_str(),
            input.name,
            input.kind.code(),
            input.mode.code(),
            input.competency,
            provider.map(|p| p.0),
            input.location,
            input.start,
            input.end,
            input.jp,
            input.quota,
            input.status.code(),
            tx.user(),
            tx.now()
        ],
    )
    .map_err(|e| unique_as_duplicate(e, Entity::Program, input.code.as_str()))?;
    Ok(ProgramId(tx.last_insert_rowid()))
}

pub(crate) fn insert_objective(tx: &Tx<'_>, program: ProgramId, text: &str) -> Result<ObjectiveId> {
    tx.execute(
        "INSERT INTO objective (program_id, seq, text, created_by, created_at, updated_by, updated_at)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM objective WHERE program_id = ?1), ?2, ?3, ?4, ?3, ?4)",
        params![program.0, text, tx.user(), tx.now()],
    )?;
    Ok(ObjectiveId(tx.last_insert_rowid()))
}

pub(crate) fn insert_behaviour(
    tx: &Tx<'_>,
    objective: ObjectiveId,
    text: &str,
) -> Result<BehaviourId> {
    tx.execute(
        "INSERT INTO behaviour (objective_id, seq, text, created_by, created_at, updated_by, updated_at)
         VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM behaviour WHERE objective_id = ?1), ?2, ?3, ?4, ?3, ?4)",
        params![objective.0, text, tx.user(), tx.now()],
    )?;
    Ok(BehaviourId(tx.last_insert_rowid()))
}

pub(crate) fn insert_cost_line(
    tx: &Tx<'_>,
    program: ProgramId,
    category: CostCategory,
    description: &str,
    amount: i64,
) -> Result<CostLineId> {
    tx.execute(
        "INSERT INTO cost_line (program_id, category, description, amount, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)",
        params![program.0, category.code(), description, amount, tx.user(), tx.now()],
    )?;
    Ok(CostLineId(tx.last_insert_rowid()))
}

fn update_text(tx: &Tx<'_>, table: &str, entity: Entity, id: i64, text: &str) -> Result<()> {
    let n = tx.execute(
        &format!(
            "UPDATE {table} SET text = ?1, version = version + 1, updated_by = ?2, updated_at = ?3 WHERE id = ?4"
        ),
        params![text, tx.user(), tx.now(), id],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound {
            entity,
            key: id.to_string(),
        });
    }
    Ok(())
}

fn delete_row(tx: &Tx<'_>, table: &str, entity: Entity, id: i64) -> Result<()> {
    if tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])? == 0 {
        return Err(StoreError::NotFound {
            entity,
            key: id.to_string(),
        });
    }
    Ok(())
}
