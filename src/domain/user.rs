//! Users are operating-system accounts; roles decide what each may do.

use serde::Serialize;
use std::fmt;

/// What a user does with tilik.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Users, roles, instruments, backups — and everything else.
    Admin,
    /// Programs, dashboards, reports, adjudication of double-entry conflicts.
    Evaluator,
    /// Data entry: participants, enrollments, forms.
    Operator,
    /// Second keying for double-entry verification.
    Verifier,
    /// Reads lists and dashboards only.
    Viewer,
}

/// Something a screen or command may need permission for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    ManageUsers,
    ManageInstruments,
    Backup,
    EditPrograms,
    EditMasterData,
    Enroll,
    EnterData,
    VerifyData,
    Adjudicate,
    ViewReports,
    ViewAudit,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Evaluator,
        Role::Operator,
        Role::Verifier,
        Role::Viewer,
    ];

    pub fn can(self, cap: Capability) -> bool {
        use Capability::*;
        match self {
            Role::Admin => true,
            Role::Evaluator => matches!(
                cap,
                EditPrograms
                    | EditMasterData
                    | Enroll
                    | EnterData
                    | Adjudicate
                    | ViewReports
                    | ViewAudit
            ),
            Role::Operator => matches!(cap, EditMasterData | Enroll | EnterData),
            Role::Verifier => matches!(cap, VerifyData),
            Role::Viewer => matches!(cap, ViewReports),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Evaluator => "evaluator",
            Role::Operator => "operator",
            Role::Verifier => "verifier",
            Role::Viewer => "viewer",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// An operating-system login name as tilik records it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Username(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a valid login name")]
pub struct BadUsername;

impl Username {
    /// POSIX-portable login names: letters, digits, `.`, `_`, `-`, not starting with `-`, at most 32.
    pub fn parse(s: &str) -> Result<Username, BadUsername> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && !s.starts_with('-')
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if ok {
            Ok(Username(s.to_string()))
        } else {
            Err(BadUsername)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(Role::Admin, Capability::ManageUsers, true)]
    #[case(Role::Evaluator, Capability::ManageUsers, false)]
    #[case(Role::Evaluator, Capability::EditPrograms, true)]
    #[case(Role::Operator, Capability::EditPrograms, false)]
    #[case(Role::Operator, Capability::EnterData, true)]
    #[case(Role::Verifier, Capability::EnterData, false)]
    #[case(Role::Verifier, Capability::VerifyData, true)]
    #[case(Role::Viewer, Capability::EnterData, false)]
    #[case(Role::Viewer, Capability::ViewReports, true)]
    #[case(Role::Viewer, Capability::EditMasterData, false)]
    fn role_matrix(#[case] role: Role, #[case] cap: Capability, #[case] allowed: bool) {
        assert_eq!(role.can(cap), allowed);
    }

    #[rstest]
    #[case("budi", true)]
    #[case("siti.aminah", true)]
    #[case("op_01", true)]
    #[case("-x", false)]
    #[case("", false)]
    #[case("a b", false)]
    #[case("ağa", false)]
    fn usernames(#[case] s: &str, #[case] ok: bool) {
        assert_eq!(Username::parse(s).is_ok(), ok);
    }
}
