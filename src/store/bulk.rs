//! Loading generated data in bulk (the demo at scale): the per-row audit and scope triggers are
//! dropped for the load and put back before the transaction ends, so nothing else ever sees a
//! database without them. Not for anything a person keys or imports: their writes are audited.

use super::{Result, Tx, schema};

/// Runs `f` with the row triggers off, inside the caller's transaction.
pub(crate) fn without_row_triggers<T>(
    tx: &Tx<'_>,
    f: impl FnOnce(&Tx<'_>) -> Result<T>,
) -> Result<T> {
    let names: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'
               AND ((name LIKE 'audit\\_%' ESCAPE '\\' AND name NOT LIKE 'audit\\_append\\_only\\_%' ESCAPE '\\')
                    OR name LIKE 'scope\\_%' ESCAPE '\\')",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for name in &names {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    let out = f(tx)?;
    schema::restore_row_triggers(tx)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::store::{OpenMode, Store};

    fn triggers(store: &Store) -> Vec<String> {
        let mut stmt = store
            .conn()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    #[test]
    fn triggers_are_off_inside_and_back_after() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(
            &dir.path().join("t.db"),
            crate::domain::user::Username::parse("admin").unwrap(),
            OpenMode::Create,
        )
        .unwrap();
        let before = triggers(&store);
        assert!(before.iter().any(|t| t == "audit_response_insert"));
        assert!(before.iter().any(|t| t == "scope_response_insert"));
        let inside = store
            .write(|tx| {
                super::without_row_triggers(tx, |tx| {
                    let n: i64 = tx.query_row(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'",
                        [],
                        |r| r.get(0),
                    )?;
                    Ok(n)
                })
            })
            .unwrap();
        assert_eq!(
            inside, 2,
            "only the append-only guards of the audit table stay"
        );
        assert_eq!(triggers(&store), before);
    }
}
