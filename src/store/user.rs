//! tilik users: operating-system accounts with a role, optionally limited to some OPDs.

use super::{
    Entity, Result, STAMP_COLS, Store, StoreError, Tx, conflict_or_missing, stamp_at,
    unique_as_duplicate,
};
use crate::domain::ids::{OpdId, Stamp, UserId, Version};
use crate::domain::user::{Role, Username};
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub username: Username,
    pub full_name: String,
    pub role: Role,
    pub active: bool,
    /// Empty: all OPDs.
    pub opds: Vec<OpdId>,
    pub stamp: Stamp,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    let name: String = row.get(1)?;
    let role: String = row.get(3)?;
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("invalid {what}").into(),
        )
    };
    Ok(User {
        id: UserId(row.get(0)?),
        username: Username::parse(&name).map_err(|_| bad(1, "username"))?,
        full_name: row.get(2)?,
        role: Role::from_code(&role).ok_or_else(|| bad(3, "role"))?,
        active: row.get(4)?,
        opds: Vec::new(),
        stamp: stamp_at(row, 5)?,
    })
}

impl Store {
    pub fn users(&self) -> Result<Vec<User>> {
        let sql = format!(
            "SELECT id, username, full_name, role, active, {STAMP_COLS} FROM app_user ORDER BY username"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([], from_row)?;
        let mut users: Vec<User> = rows.collect::<rusqlite::Result<_>>()?;
        for u in &mut users {
            u.opds = self.user_opds(u.id)?;
        }
        Ok(users)
    }

    pub fn user_named(&self, name: &str) -> Result<Option<User>> {
        let sql = format!(
            "SELECT id, username, full_name, role, active, {STAMP_COLS} FROM app_user WHERE username = ?1"
        );
        let user = self.conn().query_row(&sql, [name], from_row).optional()?;
        match user {
            Some(mut u) => {
                u.opds = self.user_opds(u.id)?;
                Ok(Some(u))
            }
            None => Ok(None),
        }
    }

    fn user_opds(&self, id: UserId) -> Result<Vec<OpdId>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT opd_id FROM user_opd WHERE user_id = ?1 ORDER BY opd_id")?;
        let rows = stmt.query_map([id.0], |r| Ok(OpdId(r.get(0)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn user_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM app_user", [], |r| r.get(0))?)
    }

    pub fn add_user(&mut self, name: &Username, full_name: &str, role: Role) -> Result<UserId> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO app_user (username, full_name, role, created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)",
                params![name.as_str(), full_name, role.code(), tx.user(), tx.now()],
            )
            .map_err(|e| unique_as_duplicate(e, Entity::User, name.as_str()))?;
            Ok(UserId(tx.last_insert_rowid()))
        })
    }

    pub fn set_user_role(&mut self, name: &Username, role: Role) -> Result<()> {
        self.update_user(name, "role = ?1", role.code())
    }

    pub fn set_user_active(&mut self, name: &Username, active: bool) -> Result<()> {
        self.update_user(name, "active = ?1", i64::from(active))
    }

    fn update_user(
        &mut self,
        name: &Username,
        set: &str,
        value: impl rusqlite::ToSql,
    ) -> Result<()> {
        self.write(|tx| {
            let admins = active_admins(tx)?;
            let n = tx.execute(
                &format!(
                    "UPDATE app_user SET {set}, version = version + 1, updated_by = ?2, updated_at = ?3
                     WHERE username = ?4"
                ),
                params![value, tx.user(), tx.now(), name.as_str()],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: Entity::User,
                    key: name.to_string(),
                });
            }
            an_admin_remains(tx, admins)
        })
    }

    /// Saves a user's name, role, state and OPD limits, made from version `base`.
    pub fn save_user(&mut self, id: UserId, base: Version, input: &UserInput) -> Result<Version> {
        self.write(|tx| {
            let admins = active_admins(tx)?;
            let n = tx.execute(
                "UPDATE app_user SET full_name = ?1, role = ?2, active = ?3, version = version + 1,
                     updated_by = ?4, updated_at = ?5
                 WHERE id = ?6 AND version = ?7",
                params![
                    input.full_name,
                    input.role.code(),
                    input.active,
                    tx.user(),
                    tx.now(),
                    id.0,
                    base.0
                ],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(tx, "app_user", Entity::User, id.0));
            }
            replace_opds(tx, id, &input.opds)?;
            an_admin_remains(tx, admins)?;
            Ok(Version(base.0 + 1))
        })
    }

    /// Registers an account with everything at once.
    pub fn add_user_with(&mut self, name: &Username, input: &UserInput) -> Result<UserId> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO app_user (username, full_name, role, active, created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)",
                params![name.as_str(), input.full_name, input.role.code(), input.active, tx.user(), tx.now()],
            )
            .map_err(|e| unique_as_duplicate(e, Entity::User, name.as_str()))?;
            let id = UserId(tx.last_insert_rowid());
            replace_opds(tx, id, &input.opds)?;
            Ok(id)
        })
    }

    /// Limits a user to these OPDs (empty: all).
    pub fn set_user_opds(&mut self, name: &Username, opds: &[OpdId]) -> Result<()> {
        self.write(|tx| {
            let id: i64 = tx
                .query_row(
                    "SELECT id FROM app_user WHERE username = ?1",
                    [name.as_str()],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(StoreError::NotFound {
                    entity: Entity::User,
                    key: name.to_string(),
                })?;
            replace_opds(tx, UserId(id), opds)
        })
    }
}

/// What an admin edits about a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInput {
    pub full_name: String,
    pub role: Role,
    pub active: bool,
    pub opds: Vec<OpdId>,
}

fn replace_opds(tx: &Tx<'_>, id: UserId, opds: &[OpdId]) -> Result<()> {
    tx.execute("DELETE FROM user_opd WHERE user_id = ?1", [id.0])?;
    for opd in opds {
        tx.execute(
            "INSERT INTO user_opd (user_id, opd_id) VALUES (?1, ?2)",
            params![id.0, opd.0],
        )?;
    }
    Ok(())
}

fn active_admins(tx: &Tx<'_>) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1",
        [],
        |r| r.get(0),
    )?)
}

/// Refuses (and so rolls back) a change that took away the last active admin.
fn an_admin_remains(tx: &Tx<'_>, before: i64) -> Result<()> {
    if before > 0 && active_admins(tx)? == 0 {
        return Err(StoreError::LastAdmin);
    }
    Ok(())
}
