//! An ASN's place in a program: attendance and how it ended.

use super::ids::{AsnId, EnrollmentId, ProgramId, Stamp};
use super::problem::Problem;
use super::program::coded_enum;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// How a participant finished.
    Completion {
        Lulus = "lulus" => CompletionLulus,
        TidakLulus = "tidak_lulus" => CompletionTidakLulus,
        MengundurkanDiri = "mengundurkan_diri" => CompletionMundur,
    }
);

impl Completion {
    /// Whether a participant who finished so shares the program's cost and is expected to answer its
    /// surveys: everyone but those who withdrew (cost per participant and response rate divide by them).
    pub fn stayed(completion: Option<Completion>) -> bool {
        completion != Some(Completion::MengundurkanDiri)
    }
}

/// Attendance in percent, 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Attendance(u8);

impl Attendance {
    pub fn new(pct: i64) -> Result<Attendance, Problem> {
        u8::try_from(pct)
            .ok()
            .filter(|p| *p <= 100)
            .map(Attendance)
            .ok_or(Problem::Range {
                min: 0.0,
                max: 100.0,
            })
    }

    /// Empty is "not recorded"; `%` is allowed after the number.
    pub fn parse_optional(s: &str) -> Result<Option<Attendance>, Problem> {
        let t = s.trim().trim_end_matches('%').trim();
        if t.is_empty() {
            return Ok(None);
        }
        let v: i64 = t.parse().map_err(|_| Problem::Number)?;
        Attendance::new(v).map(Some)
    }

    pub fn percent(self) -> u8 {
        self.0
    }
}

/// A participant's record in a program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnrollmentData {
    pub attendance: Option<Attendance>,
    pub completion: Option<Completion>,
    pub certificate_no: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enrollment {
    pub id: EnrollmentId,
    pub program: ProgramId,
    pub asn: AsnId,
    pub data: EnrollmentData,
    pub stamp: Stamp,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("", Ok(None))]
    #[case("95", Ok(Some(95)))]
    #[case("100%", Ok(Some(100)))]
    #[case("101", Err(Problem::Range { min: 0.0, max: 100.0 }))]
    #[case("-1", Err(Problem::Range { min: 0.0, max: 100.0 }))]
    #[case("x", Err(Problem::Number))]
    fn attendance(#[case] s: &str, #[case] want: Result<Option<u8>, Problem>) {
        assert_eq!(
            Attendance::parse_optional(s).map(|a| a.map(Attendance::percent)),
            want
        );
    }
}
