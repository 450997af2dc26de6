//! Level 4 in the database: a program's unit indicators before and after, its monetary benefit with
//! isolation and confidence, and the recommendations kept with it.

use super::{Entity, Result, STAMP_COLS, Store, StoreError, conflict_or_missing, stamp_at};
use crate::domain::ids::{ProgramId, Stamp, Version};
use crate::domain::results::{IndicatorInput, RoiInput};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRow {
    pub id: i64,
    pub version: Version,
    pub input: IndicatorInput,
}

/// A recommendation the evaluator kept (from the generated ones, edited, or written anew).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptRecommendation {
    pub id: i64,
    pub version: Version,
    /// The rule it came from (`manual` when written by the evaluator).
    pub rule: String,
    pub text: String,
    pub because: String,
}

/// A recommendation to keep with a program: one suggested from the data, or the evaluator's own (rule
/// `manual`, no reason).
#[derive(Debug, Clone, PartialEq)]
pub struct NewRecommendation {
    pub rule: String,
    pub text: String,
    pub because: String,
}

impl NewRecommendation {
    /// One the evaluator wrote.
    pub fn own(text: String) -> NewRecommendation {
        NewRecommendation {
            rule: "manual".into(),
            text,
            because: String::new(),
        }
    }
}

impl Store {
    pub fn indicators(&self, program: ProgramId) -> Result<Vec<IndicatorRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, version, name, unit, before, after, higher_better, source
             FROM result_indicator WHERE program_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([program.0], |r| {
            Ok(IndicatorRow {
                id: r.get(0)?,
                version: Version(r.get(1)?),
                input: IndicatorInput {
                    name: r.get(2)?,
                    unit: r.get(3)?,
                    before: r.get(4)?,
                    after: r.get(5)?,
                    higher_better: r.get(6)?,
                    source: r.get(7)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One indicator with who saved it last and when (the saved side of a conflict); `None` when it
    /// was removed.
    pub fn indicator(&self, id: i64) -> Result<Option<(IndicatorInput, Stamp)>> {
        let sql = format!(
            "SELECT name, unit, before, after, higher_better, source, {STAMP_COLS}
             FROM result_indicator WHERE id = ?1"
        );
        Ok(self
            .conn()
            .query_row(&sql, [id], |r| {
                Ok((
                    IndicatorInput {
                        name: r.get(0)?,
                        unit: r.get(1)?,
                        before: r.get(2)?,
                        after: r.get(3)?,
                        higher_better: r.get(4)?,
                        source: r.get(5)?,
                    },
                    stamp_at(r, 6)?,
                ))
            })
            .optional()?)
    }

    pub fn add_indicator(&mut self, program: ProgramId, i: &IndicatorInput) -> Result<i64> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO result_indicator (program_id, name, unit, before, after, higher_better, source,
                                               created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
                params![
                    program.0,
                    i.name,
                    i.unit,
                    i.before,
                    i.after,
                    i.higher_better,
                    i.source,
                    tx.user(),
                    tx.now()
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    pub fn update_indicator(&mut self, id: i64, base: Version, i: &IndicatorInput) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE result_indicator SET name = ?1, unit = ?2, before = ?3, after = ?4, higher_better = ?5,
                     source = ?6, version = version + 1, updated_by = ?7, updated_at = ?8
                 WHERE id = ?9 AND version = ?10",
                params![
                    i.name,
                    i.unit,
                    i.before,
                    i.after,
                    i.higher_better,
                    i.source,
                    tx.user(),
                    tx.now(),
                    id,
                    base.0
                ],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "result_indicator", Entity::Program, id));
            }
            Ok(())
        })
    }

    pub fn delete_indicator(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM result_indicator WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The monetary estimate of a program's results (empty when none was entered), and its version.
    pub fn roi_input(&self, program: ProgramId) -> Result<(RoiInput, Option<Version>)> {
        let row = self
            .conn()
            .query_row(
                "SELECT benefit, isolation, isolation_pct, confidence_pct, intangibles, version
                 FROM program_result WHERE program_id = ?1",
                [program.0],
                |r| {
                    Ok((
                        RoiInput {
                            benefit: r.get(0)?,
                            isolation: r.get(1)?,
                            isolation_pct: r.get(2)?,
                            confidence_pct: r.get(3)?,
                            intangibles: r.get(4)?,
                        },
                        Version(r.get(5)?),
                    ))
                },
            )
            .optional()?;
        Ok(match row {
            Some((input, v)) => (input, Some(v)),
            None => (RoiInput::default(), None),
        })
    }

    /// The monetary estimate with who saved it last and when (the saved side of a conflict); `None`
    /// when none was entered.
    pub fn roi_record(&self, program: ProgramId) -> Result<Option<(RoiInput, Stamp)>> {
        let sql = format!(
            "SELECT benefit, isolation, isolation_pct, confidence_pct, intangibles, {STAMP_COLS}
             FROM program_result WHERE program_id = ?1"
        );
        Ok(self
            .conn()
            .query_row(&sql, [program.0], |r| {
                Ok((
                    RoiInput {
                        benefit: r.get(0)?,
                        isolation: r.get(1)?,
                        isolation_pct: r.get(2)?,
                        confidence_pct: r.get(3)?,
                        intangibles: r.get(4)?,
                    },
                    stamp_at(r, 5)?,
                ))
            })
            .optional()?)
    }

    /// Saves the monetary estimate; `base` is the version it was edited from (`None`: there was none).
    pub fn save_roi(
        &mut self,
        program: ProgramId,
        base: Option<Version>,
        input: &RoiInput,
    ) -> Result<()> {
        self.write(|tx| {
            let n = match base {
                None => tx.execute(
                    "INSERT OR IGNORE INTO program_result (program_id, benefit, isolation, isolation_pct,
                         confidence_pct, intangibles, created_by, created_at, updated_by, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
                    params![
                        program.0,
                        input.benefit,
                        input.isolation,
                        input.isolation_pct,
                        input.confidence_pct,
                        input.intangibles,
                        tx.user(),
                        tx.now()
                    ],
                )?,
                Some(v) => tx.execute(
                    "UPDATE program_result SET benefit = ?2, isolation = ?3, isolation_pct = ?4,
                         confidence_pct = ?5, intangibles = ?6, version = version + 1, updated_by = ?7,
                         updated_at = ?8
                     WHERE program_id = ?1 AND version = ?9",
                    params![
                        program.0,
                        input.benefit,
                        input.isolation,
                        input.isolation_pct,
                        input.confidence_pct,
                        input.intangibles,
                        tx.user(),
                        tx.now(),
                        v.0
                    ],
                )?,
            };
            if n == 0 {
                // Someone saved first (or a first estimate met another first estimate).
                let (by, at): (String, String) = tx
                    .query_row(
                        "SELECT updated_by, updated_at FROM program_result WHERE program_id = ?1",
                        [program.0],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?
                    .unwrap_or_default();
                return Err(StoreError::Conflict {
                    entity: Entity::Program,
                    id: program.0,
                    by,
                    at,
                });
            }
            Ok(())
        })
    }

    pub fn kept_recommendations(&self, program: ProgramId) -> Result<Vec<KeptRecommendation>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, version, rule, text, because FROM recommendation WHERE program_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([program.0], |r| {
            Ok(KeptRecommendation {
                id: r.get(0)?,
                version: Version(r.get(1)?),
                rule: r.get(2)?,
                text: r.get(3)?,
                because: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the program's recommendations are the evaluator's own (even when none are left) rather
    /// than the suggested ones.
    pub fn recommendations_kept(&self, program: ProgramId) -> Result<bool> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT recommendations_kept = 1
                    OR EXISTS (SELECT 1 FROM recommendation WHERE program_id = ?1)
             FROM program WHERE id = ?1",
        )?;
        Ok(stmt
            .query_row([program.0], |r| r.get(0))
            .optional()?
            .unwrap_or(false))
    }

    /// Keeps recommendations with the program, in one transaction; from then on its recommendations are
    /// the kept ones, even when all of them are removed later. `suggested` (those shown from the data) are
    /// kept only if none were kept before, so two evaluators keeping them at once keep them once; `own`
    /// is added after them in any case.
    pub fn keep_recommendations(
        &mut self,
        program: ProgramId,
        suggested: &[NewRecommendation],
        own: Option<&NewRecommendation>,
    ) -> Result<()> {
        self.write(|tx| {
            let kept: bool = tx.query_row(
                "SELECT recommendations_kept = 1
                        OR EXISTS (SELECT 1 FROM recommendation WHERE program_id = ?1)
                 FROM program WHERE id = ?1",
                [program.0],
                |r| r.get(0),
            )?;
            let first = if kept { &[][..] } else { suggested };
            for r in first.iter().chain(own) {
                tx.execute(
                    "INSERT INTO recommendation (program_id, rule, text, because, created_by, created_at,
                                                 updated_by, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)",
                    params![program.0, r.rule, r.text, r.because, tx.user(), tx.now()],
                )?;
            }
            tx.execute(
                "UPDATE program SET recommendations_kept = 1 WHERE id = ?1 AND recommendations_kept = 0",
                [program.0],
            )?;
            Ok(())
        })
    }

    pub fn edit_recommendation(&mut self, id: i64, base: Version, text: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE recommendation SET text = ?1, version = version + 1, updated_by = ?2, updated_at = ?3
                 WHERE id = ?4 AND version = ?5",
                params![text, tx.user(), tx.now(), id, base.0],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "recommendation", Entity::Program, id));
            }
            Ok(())
        })
    }

    pub fn delete_recommendation(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM recommendation WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}
