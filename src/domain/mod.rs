//! Pure types and rules: no I/O, no clock (today's date is passed in), no database.

pub mod activity;
pub mod asn;
pub mod behaviour;
pub mod date;
pub mod enrollment;
pub mod followup;
pub mod golongan;
pub mod ids;
pub mod instrument;
pub mod jabatan;
pub mod name;
pub mod nip;
pub mod opd;
pub mod problem;
pub mod program;
pub mod results;
pub mod user;

pub use asn::{Asn, AsnInput};
pub use enrollment::{Attendance, Completion, Enrollment};
pub use golongan::Golongan;
pub use ids::*;
pub use jabatan::{Jabatan, JabatanLevel};
pub use name::PersonName;
pub use nip::{EmployeeKind, Gender, Nip};
pub use opd::{Opd, OpdInput, OpdKind};
pub use problem::{FieldError, Problem};
pub use program::{Program, ProgramCode, ProgramInput, ProgramStatus, ProgramType};
pub use user::{Capability, Role, Username};
