//! Reading the audit trail (the triggers in `schema` write it).

use super::{Result, Store};
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub username: String,
    pub table: String,
    pub row_id: i64,
    pub op: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Which audit rows to show; every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub table: Option<String>,
    pub row_id: Option<i64>,
    pub username: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: usize,
}

impl Store {
    /// Matching audit rows, newest first.
    pub fn audit(&self, f: &AuditFilter) -> Result<Vec<AuditRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, at, username, tbl, row_id, op, old, new FROM audit
             WHERE (?1 IS NULL OR tbl = ?1) AND (?2 IS NULL OR row_id = ?2) AND (?3 IS NULL OR username = ?3)
               AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5)
             ORDER BY id DESC LIMIT ?6",
        )?;
        let limit = if f.limit == 0 { 500 } else { f.limit };
        // The days are WIB days (as people read the times); stamps are UTC.
        let from = f.from.map(wib_day_start);
        let to = f.to.and_then(|d| d.succ_opt()).map(wib_day_start);
        let rows = stmt.query_map(
            params![f.table, f.row_id, f.username, from, to, limit as i64],
            |r| {
                Ok(AuditRow {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    username: r.get(2)?,
                    table: r.get(3)?,
                    row_id: r.get(4)?,
                    op: r.get(5)?,
                    old: r.get(6)?,
                    new: r.get(7)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The UTC stamp (as stored) of the start of a WIB day.
fn wib_day_start(day: NaiveDate) -> String {
    let start = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(crate::domain::date::wib()).single())
        .map(|t| t.with_timezone(&chrono::Utc));
    match start {
        Some(t) => t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        None => day.format("%Y-%m-%d").to_string(),
    }
}

/// The columns whose values differ between an audit row's old and new JSON (all columns for an insert or a
/// delete), without the bookkeeping columns.
pub fn changed_fields(old: Option<&str>, new: Option<&str>) -> Vec<String> {
    let parse = |s: Option<&str>| -> serde_json::Map<String, serde_json::Value> {
        s.and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    };
    let (old, new) = (parse(old), parse(new));
    let keys: Vec<&String> = if new.is_empty() {
        old.keys().collect()
    } else {
        new.keys().collect()
    };
    keys.into_iter()
        .filter(|k| {
            !matches!(
                k.as_str(),
                "id" | "version" | "created_by" | "created_at" | "updated_by" | "updated_at"
            )
        })
        .filter(|k| old.is_empty() || new.is_empty() || old.get(*k) != new.get(*k))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::changed_fields;

    #[test]
    fn changed_fields_leave_out_bookkeeping() {
        let old = r#"{"id":1,"name":"A","code":"X","version":1}"#;
        let new = r#"{"id":1,"name":"B","code":"X","version":2}"#;
        assert_eq!(changed_fields(Some(old), Some(new)), vec!["name"]);
        assert_eq!(changed_fields(None, Some(new)), vec!["name", "code"]);
        assert_eq!(changed_fields(Some(old), None), vec!["name", "code"]);
    }
}

#[cfg(test)]
mod wib_tests {
    use super::*;

    #[test]
    fn a_wib_day_starts_at_five_in_the_afternoon_utc_the_day_before() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 9).expect("date");
        assert_eq!(wib_day_start(day), "2026-03-08T17:00:00.000Z");
    }
}
