//! Typed row identifiers and the bookkeeping every clerk-editable record carries.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_types {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_types!(
    /// An OPD (organisational unit).
    OpdId,
    /// An ASN (civil servant).
    AsnId,
    /// A training program.
    ProgramId,
    /// A training provider (penyelenggara).
    ProviderId,
    /// One ASN's place in one program.
    EnrollmentId,
    /// A program objective.
    ObjectiveId,
    /// An observable behaviour under an objective.
    BehaviourId,
    /// A line of a program's costs.
    CostLineId,
    /// A tilik user (an operating-system account).
    UserId,
);

/// Optimistic-concurrency version of a record: a save names the version it was based on and is refused
/// when somebody else saved in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Version(pub i64);

/// Who created and last changed a record, and when (UTC, ISO 8601 as stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamp {
    pub version: Version,
    pub created_by: String,
    pub created_at: String,
    pub updated_by: String,
    pub updated_at: String,
}
