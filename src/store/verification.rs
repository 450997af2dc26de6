//! Double-entry verification after the fact: what it found per clerk and instrument, the conflicts an
//! adjudicator (neither of the two keyers) resolves, the clerks' own statistics, and forms filtered by
//! whether they are verified.

use super::{Entity, Result, Store, StoreError};
use crate::domain::ids::{ProgramId, Version};
use crate::domain::instrument::Phase;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

/// What verification found for one clerk's first keyings of one instrument.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerificationRow {
    /// Who keyed the forms first (whose work was checked).
    pub clerk: String,
    pub instrument: String,
    /// Forms keyed a second time, blind.
    pub forms: i64,
    /// Fields compared between the two keyings.
    pub fields: i64,
    /// Fields where the two keyings differed when typed (either clerk's slip).
    pub mismatches: i64,
    /// Fields where they still differed after the paper was read again (for an adjudicator).
    pub discrepancies: i64,
    /// Of those, not yet resolved.
    pub open: i64,
    /// Resolved against the first keying: errors of the first clerk.
    pub first_wrong: i64,
}

impl VerificationRow {
    /// Mismatches per 1,000 fields compared.
    pub fn per_thousand(&self) -> Option<f64> {
        (self.fields > 0).then(|| 1000.0 * self.mismatches as f64 / self.fields as f64)
    }
}

/// A field the two keyings disagree on, waiting for an adjudicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscrepancyRow {
    pub id: i64,
    pub version: Version,
    pub program: Option<String>,
    pub instrument: String,
    pub phase: Phase,
    /// NIP and name, or the sheet number of an anonymous form.
    pub respondent: String,
    pub item: String,
    pub first_value: Option<String>,
    pub second_value: Option<String>,
    pub first_keyer: String,
    pub second_keyer: String,
    /// The instrument revision the form was keyed with (to check the value an adjudicator types).
    pub instrument_id: i64,
}

/// One clerk's day at the keyboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryStatRow {
    pub clerk: String,
    pub day: NaiveDate,
    pub forms: i64,
    pub keystrokes: i64,
    pub corrections: i64,
    pub active_seconds: i64,
}

/// How far back the clerks' statistics go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    #[default]
    Week,
    Month,
    All,
}

impl Period {
    pub fn next(self) -> Period {
        match self {
            Period::Week => Period::Month,
            Period::Month => Period::All,
            Period::All => Period::Week,
        }
    }

    /// The first day counted, from `today` (WIB).
    pub fn from(self, today: NaiveDate) -> Option<NaiveDate> {
        let days = match self {
            Period::Week => 6,
            Period::Month => 29,
            Period::All => return None,
        };
        today.checked_sub_days(chrono::Days::new(days))
    }
}

/// Which forms a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verified {
    #[default]
    All,
    Yes,
    No,
}

/// A complete first keying of a program's form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormRow {
    pub id: i64,
    pub instrument: String,
    pub phase: Phase,
    pub respondent: String,
    pub keyed_by: String,
    pub keyed_at: String,
    pub verified: bool,
    /// Open discrepancies on this form.
    pub open: i64,
}

/// NIP and name of a person, or the sheet number.
const RESPONDENT: &str = "CASE WHEN r.asn_id IS NULL THEN 'lembar ' || r.sheet
     ELSE (SELECT a.nip || ' ' || trim(a.front_title || ' ' || a.name || CASE WHEN a.back_title = '' THEN ''
                ELSE ', ' || a.back_title END) FROM asn a WHERE a.id = r.asn_id) END";

impl Store {
    /// Per clerk (first keyer) and instrument, for forms verified between `from` and `to` (WIB days).
    pub fn verification_report(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<VerificationRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT v.first_keyer, v.instrument, count(*), sum(v.compared), sum(v.mismatches),
                    sum((SELECT count(*) FROM discrepancy d WHERE d.response_id = v.first_id)),
                    sum((SELECT count(*) FROM discrepancy d WHERE d.response_id = v.first_id
                           AND d.status = 'open')),
                    sum((SELECT count(*) FROM discrepancy d WHERE d.response_id = v.first_id
                           AND d.status = 'resolved' AND d.resolved_value IS NOT d.first_value))
             FROM verification v
             WHERE (?1 IS NULL OR v.day >= ?1) AND (?2 IS NULL OR v.day <= ?2)
             GROUP BY v.first_keyer, v.instrument ORDER BY v.first_keyer, v.instrument",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok(VerificationRow {
                clerk: r.get(0)?,
                instrument: r.get(1)?,
                forms: r.get(2)?,
                fields: r.get(3)?,
                mismatches: r.get(4)?,
                discrepancies: r.get(5)?,
                open: r.get(6)?,
                first_wrong: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Conflicts still open, oldest first.
    pub fn open_discrepancies(&self) -> Result<Vec<DiscrepancyRow>> {
        let sql = format!(
            "SELECT d.id, d.version, p.code, r.instrument_code, r.phase, {RESPONDENT}, d.item,
                    d.first_value, d.second_value, r.created_by, s.created_by, r.instrument_id
             FROM discrepancy d JOIN response r ON r.id = d.response_id
                  JOIN response s ON s.id = d.second_id
                  LEFT JOIN program p ON p.id = r.program_id
             WHERE d.status = 'open' ORDER BY d.id"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            let phase: String = r.get(4)?;
            Ok(DiscrepancyRow {
                id: r.get(0)?,
                version: Version(r.get(1)?),
                program: r.get(2)?,
                instrument: r.get(3)?,
                phase: Phase::from_code(&phase).unwrap_or(Phase::Post),
                respondent: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                item: r.get(6)?,
                first_value: r.get(7)?,
                second_value: r.get(8)?,
                first_keyer: r.get(9)?,
                second_keyer: r.get(10)?,
                instrument_id: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Settles a conflict with the value on paper (`None`: the field is empty on paper). The first
    /// keying takes the value, and becomes verified when nothing else is open. Only someone who keyed
    /// neither of the two forms may do this; `base` is the version the adjudicator saw.
    pub fn resolve_discrepancy(
        &mut self,
        id: i64,
        base: Version,
        value: Option<&str>,
    ) -> Result<()> {
        self.write(|tx| {
            let found: Option<(i64, String, i64, String, String, String)> = tx
                .query_row(
                    "SELECT d.response_id, d.item, d.version, r.created_by, s.created_by, d.updated_by
                     FROM discrepancy d JOIN response r ON r.id = d.response_id
                          JOIN response s ON s.id = d.second_id
                     WHERE d.id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
                )
                .optional()?;
            let Some((first, item, version, first_keyer, second_keyer, by)) = found else {
                return Err(StoreError::NotFound {
                    entity: Entity::Discrepancy,
                    key: id.to_string(),
                });
            };
            if tx.user() == first_keyer || tx.user() == second_keyer {
                return Err(StoreError::OwnKeying);
            }
            if version != base.0 {
                let at: String = tx.query_row(
                    "SELECT updated_at FROM discrepancy WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                return Err(StoreError::Conflict {
                    entity: Entity::Discrepancy,
                    id,
                    by,
                    at,
                });
            }
            super::response::set_answer(tx, first, &item, value)?;
            tx.execute(
                "UPDATE discrepancy SET status = 'resolved', resolved_value = ?2, resolved_by = ?3,
                     version = version + 1, updated_by = ?3, updated_at = ?4
                 WHERE id = ?1",
                params![id, value, tx.user(), tx.now()],
            )?;
            super::response::mark_verified(tx, first)?;
            Ok(())
        })
    }

    /// The clerks' days between `from` and `to` (WIB days), newest first.
    pub fn entry_stats(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<EntryStatRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT username, day, forms, keystrokes, corrections, active_seconds FROM entry_stat
             WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2)
             ORDER BY day DESC, username",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok(EntryStatRow {
                clerk: r.get(0)?,
                day: r.get(1)?,
                forms: r.get(2)?,
                keystrokes: r.get(3)?,
                corrections: r.get(4)?,
                active_seconds: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A program's complete first keyings, by instrument, phase and respondent.
    pub fn forms(&self, program: ProgramId, verified: Verified) -> Result<Vec<FormRow>> {
        let sql = format!(
            "SELECT r.id, r.instrument_code, r.phase, {RESPONDENT}, r.created_by, r.created_at, r.verified,
                    (SELECT count(*) FROM discrepancy d WHERE d.response_id = r.id AND d.status = 'open')
             FROM response r
             WHERE r.program_id = ?1 AND r.keying = 'first' AND r.status = 'complete'
               AND (?2 IS NULL OR r.verified = ?2)
             ORDER BY r.instrument_code, r.phase, 4"
        );
        let flag = match verified {
            Verified::All => None,
            Verified::Yes => Some(1),
            Verified::No => Some(0),
        };
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![program.0, flag], |r| {
            let phase: String = r.get(2)?;
            Ok(FormRow {
                id: r.get(0)?,
                instrument: r.get(1)?,
                phase: Phase::from_code(&phase).unwrap_or(Phase::Post),
                respondent: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                keyed_by: r.get(4)?,
                keyed_at: r.get(5)?,
                verified: r.get(6)?,
                open: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
