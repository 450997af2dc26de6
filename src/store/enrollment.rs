//! Enrollments: who is in which program, attendance and completion.

use super::{
    Entity, Result, Store, StoreError, Tx, conflict_or_missing, stamp_at, unique_as_duplicate,
};
use crate::domain::enrollment::{Attendance, Completion, EnrollmentData};
use crate::domain::ids::{AsnId, EnrollmentId, ProgramId, Stamp, Version};
use crate::domain::name::PersonName;
use crate::domain::nip::EmployeeKind;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

/// One participant of a program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterRow {
    pub id: EnrollmentId,
    pub asn: AsnId,
    pub nip: String,
    pub kind: EmployeeKind,
    pub name: String,
    pub jabatan: String,
    pub golongan: Option<String>,
    pub opd: Option<String>,
    pub data: EnrollmentData,
    pub stamp: Stamp,
}

impl Store {
    /// A program's participants by name.
    pub fn roster(&self, program: ProgramId) -> Result<Vec<RosterRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT e.id, a.id, a.nip, a.kind, a.front_title, a.name, a.back_title, a.jabatan, a.golongan, o.name,
                    e.attendance, e.completion, e.certificate_no,
                    e.version, e.created_by, e.created_at, e.updated_by, e.updated_at
             FROM enrollment e JOIN asn a ON a.id = e.asn_id LEFT JOIN opd o ON o.id = a.opd_id
             WHERE e.program_id = ?1 ORDER BY a.search, a.nip",
        )?;
        let rows = stmt.query_map([program.0], |r| {
            let name = PersonName::new(
                &r.get::<_, String>(4)?,
                &r.get::<_, String>(5)?,
                &r.get::<_, String>(6)?,
            )
            .map(|n| n.display())
            .unwrap_or_default();
            let attendance: Option<i64> = r.get(10)?;
            let completion: Option<String> = r.get(11)?;
            Ok(RosterRow {
                id: EnrollmentId(r.get(0)?),
                asn: AsnId(r.get(1)?),
                nip: r.get(2)?,
                kind: if r.get::<_, String>(3)? == "pppk" {
                    EmployeeKind::Pppk
                } else {
                    EmployeeKind::Pns
                },
                name,
                jabatan: r.get(7)?,
                golongan: r.get(8)?,
                opd: r.get(9)?,
                data: EnrollmentData {
                    attendance: attendance.and_then(|a| Attendance::new(a).ok()),
                    completion: completion.as_deref().and_then(Completion::from_code),
                    certificate_no: r.get(12)?,
                },
                stamp: stamp_at(r, 13)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Enrolls a person; refused when they are already in the program.
    pub fn enroll(&mut self, program: ProgramId, asn: AsnId) -> Result<EnrollmentId> {
        self.write(|tx| {
            if enrollment_of(tx, program, asn)?.is_some() {
                return Err(StoreError::Duplicate {
                    entity: Entity::Enrollment,
                    key: asn.to_string(),
                });
            }
            insert_enrollment(tx, program, asn)
        })
    }

    pub fn update_enrollment(
        &mut self,
        id: EnrollmentId,
        base: Version,
        data: &EnrollmentData,
    ) -> Result<Version> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE enrollment SET attendance = ?1, completion = ?2, certificate_no = ?3,
                    version = version + 1, updated_by = ?4, updated_at = ?5
                 WHERE id = ?6 AND version = ?7",
                params![
                    data.attendance.map(Attendance::percent),
                    data.completion.map(Completion::code),
                    data.certificate_no,
                    tx.user(),
                    tx.now(),
                    id.0,
                    base.0
                ],
            )?;
            if n == 0 {
                return Err(conflict_or_missing(
                    tx,
                    "enrollment",
                    Entity::Enrollment,
                    id.0,
                ));
            }
            Ok(Version(base.0 + 1))
        })
    }

    pub fn unenroll(&mut self, id: EnrollmentId, base: Version) -> Result<()> {
        self.write(|tx| {
            if tx.execute(
                "DELETE FROM enrollment WHERE id = ?1 AND version = ?2",
                params![id.0, base.0],
            )? == 0
            {
                return Err(conflict_or_missing(
                    tx,
                    "enrollment",
                    Entity::Enrollment,
                    id.0,
                ));
            }
            Ok(())
        })
    }

    /// How many programs each ASN is in (for lists).
    pub fn enrollment_count(&self, asn: AsnId) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM enrollment WHERE asn_id = ?1",
            [asn.0],
            |r| r.get(0),
        )?)
    }
}

fn enrollment_of(tx: &Tx<'_>, program: ProgramId, asn: AsnId) -> Result<Option<EnrollmentId>> {
    Ok(tx
        .query_row(
            "SELECT id FROM enrollment WHERE program_id = ?1 AND asn_id = ?2",
            params![program.0, asn.0],
            |r| r.get(0),
        )
        .optional()?
        .map(EnrollmentId))
}

pub(crate) fn insert_enrollment(
    tx: &Tx<'_>,
    program: ProgramId,
    asn: AsnId,
) -> Result<EnrollmentId> {
    tx.execute_cached(
        "INSERT INTO enrollment (program_id, asn_id, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?3, ?4)",
        params![program.0, asn.0, tx.user(), tx.now()],
    )
    .map_err(|e| unique_as_duplicate(e, Entity::Enrollment, &asn.to_string()))?;
    let id = EnrollmentId(tx.last_insert_rowid());
    // Someone added to a completed program is followed up like the others.
    super::followup::plan_if_completed(tx, program, asn)?;
    Ok(id)
}

/// Enrolls unless already enrolled; says whether a row was added.
pub(crate) fn ensure_enrolled(tx: &Tx<'_>, program: ProgramId, asn: AsnId) -> Result<bool> {
    if enrollment_of(tx, program, asn)?.is_some() {
        return Ok(false);
    }
    insert_enrollment(tx, program, asn)?;
    Ok(true)
}
