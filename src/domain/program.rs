//! Training programs (pelatihan): what was taught, to whom, by whom, when, and at what cost.

use super::date;
use super::ids::{BehaviourId, CostLineId, ObjectiveId, ProgramId, Stamp};
use super::opd::optional_date;
use super::problem::{
    Errors, FieldError, Problem, optional_int, optional_text, required_int, required_text,
};
use crate::i18n::Msg;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal => $msg:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// Stable code for the database, files and the CLI.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                let code = code.trim();
                Self::ALL.iter().copied().find(|v| v.code().eq_ignore_ascii_case(code))
            }

            pub fn label(self) -> Msg {
                match self { $($name::$variant => Msg::$msg),* }
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum!(
    /// The kinds of training in domain.md.
    ProgramType {
        Latsar = "latsar" => TypeLatsar,
        Pkp = "pkp" => TypePkp,
        Pka = "pka" => TypePka,
        Pkn = "pkn" => TypePkn,
        Teknis = "teknis" => TypeTeknis,
        Fungsional = "fungsional" => TypeFungsional,
        Seminar = "seminar" => TypeSeminar,
        Lainnya = "lainnya" => TypeLainnya,
    }
);

impl ProgramType {
    /// Leadership programs end in an aksi perubahan / proyek perubahan.
    pub fn is_leadership(self) -> bool {
        matches!(self, ProgramType::Pkp | ProgramType::Pka | ProgramType::Pkn)
    }
}

coded_enum!(
    /// Classical (in a classroom) or one of the non-classical forms.
    LearningMode {
        Klasikal = "klasikal" => ModeKlasikal,
        ELearning = "e_learning" => ModeELearning,
        Blended = "blended" => ModeBlended,
        Coaching = "coaching" => ModeCoaching,
        Mentoring = "mentoring" => ModeMentoring,
        Magang = "magang" => ModeMagang,
        Benchmarking = "benchmarking" => ModeBenchmarking,
        Lainnya = "lainnya" => ModeLainnya,
    }
);

impl LearningMode {
    pub fn is_classical(self) -> bool {
        self == LearningMode::Klasikal
    }
}

coded_enum!(
    /// Where a program stands.
    ProgramStatus {
        Direncanakan = "direncanakan" => StatusDirencanakan,
        Berjalan = "berjalan" => StatusBerjalan,
        Selesai = "selesai" => StatusSelesai,
        Dievaluasi = "dievaluasi" => StatusDievaluasi,
    }
);

coded_enum!(
    /// A provider's accreditation (LAN): A, B, C or not accredited.
    Accreditation {
        Unknown = "tidak_diketahui" => AccreditationUnknown,
        A = "a" => AccreditationA,
        B = "b" => AccreditationB,
        C = "c" => AccreditationC,
        None = "belum" => AccreditationNone,
    }
);

coded_enum!(
    /// What a cost line pays for. Participants' time is part of the fully loaded cost (Phillips).
    CostCategory {
        Honorarium = "honorarium" => CostHonorarium,
        Akomodasi = "akomodasi" => CostAkomodasi,
        Konsumsi = "konsumsi" => CostKonsumsi,
        Transport = "transport" => CostTransport,
        Bahan = "bahan" => CostBahan,
        Sewa = "sewa" => CostSewa,
        WaktuPeserta = "waktu_peserta" => CostWaktuPeserta,
        Lainnya = "lainnya" => CostLainnya,
    }
);

/// A program code: 1–24 characters, letters, digits and `-_./`, kept upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ProgramCode(String);

impl ProgramCode {
    pub fn parse(s: &str) -> Result<ProgramCode, Problem> {
        let t = s.trim();
        if t.is_empty() {
            return Err(Problem::Required);
        }
        if t.chars().count() > 24 {
            return Err(Problem::TooLong { max: 24 });
        }
        if !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        {
            return Err(Problem::Code);
        }
        Ok(ProgramCode(t.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProgramCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The fields of the program form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProgramField {
    Code,
    Name,
    Type,
    Mode,
    Competency,
    Provider,
    Accreditation,
    Location,
    Start,
    End,
    Jp,
    Quota,
    Status,
}

impl ProgramField {
    pub const ALL: [ProgramField; 13] = [
        ProgramField::Code,
        ProgramField::Name,
        ProgramField::Type,
        ProgramField::Mode,
        ProgramField::Competency,
        ProgramField::Provider,
        ProgramField::Accreditation,
        ProgramField::Location,
        ProgramField::Start,
        ProgramField::End,
        ProgramField::Jp,
        ProgramField::Quota,
        ProgramField::Status,
    ];
}

/// A program as typed, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramDraft {
    pub code: String,
    pub name: String,
    pub kind: ProgramType,
    pub mode: LearningMode,
    pub competency: String,
    pub provider: String,
    pub accreditation: Accreditation,
    pub location: String,
    pub start: String,
    pub end: String,
    pub jp: String,
    pub quota: String,
    pub status: ProgramStatus,
}

impl Default for ProgramDraft {
    fn default() -> Self {
        ProgramDraft {
            code: String::new(),
            name: String::new(),
            kind: ProgramType::Teknis,
            mode: LearningMode::Klasikal,
            competency: String::new(),
            provider: String::new(),
            accreditation: Accreditation::Unknown,
            location: String::new(),
            start: String::new(),
            end: String::new(),
            jp: String::new(),
            quota: String::new(),
            status: ProgramStatus::Direncanakan,
        }
    }
}

/// A checked program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramInput {
    pub code: ProgramCode,
    pub name: String,
    pub kind: ProgramType,
    pub mode: LearningMode,
    pub competency: String,
    /// The provider's name; empty when not known.
    pub provider: String,
    pub accreditation: Accreditation,
    pub location: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub jp: u32,
    pub quota: Option<u32>,
    pub status: ProgramStatus,
}

/// The most JP one program may have (a year of full days).
pub const JP_MAX: i64 = 2000;

fn required_date(s: &str) -> Result<NaiveDate, Problem> {
    optional_date(s)?.ok_or(Problem::Required)
}

impl ProgramDraft {
    pub fn parse(&self) -> Result<ProgramInput, Vec<FieldError<ProgramField>>> {
        use ProgramField as F;
        let mut e = Errors::default();
        let code = e.check(F::Code, ProgramCode::parse(&self.code));
        let name = e.check(F::Name, required_text(&self.name, 160));
        let competency = e.check(F::Competency, optional_text(&self.competency, 120));
        let provider = e.check(F::Provider, optional_text(&self.provider, 120));
        let location = e.check(F::Location, optional_text(&self.location, 120));
        let start = e.check(F::Start, required_date(&self.start));
        let end = e.check(F::End, required_date(&self.end));
        if let (Some(s), Some(en)) = (start, end)
            && en < s
        {
            e.push(F::End, Problem::EndBeforeStart);
        }
        let jp = e.check(F::Jp, required_int(&self.jp, 1, JP_MAX));
        let quota = e.check(F::Quota, optional_int(&self.quota, 1, 100_000));
        match (
            code, name, competency, provider, location, start, end, jp, quota,
        ) {
            (
                Some(code),
                Some(name),
                Some(competency),
                Some(provider),
                Some(location),
                Some(start),
                Some(end),
                Some(jp),
                Some(quota),
            ) if e.is_empty() => Ok(ProgramInput {
                code,
                name,
                kind: self.kind,
                mode: self.mode,
                competency,
                provider,
                accreditation: self.accreditation,
                location,
                start,
                end,
                jp: u32::try_from(jp).unwrap_or(u32::MAX),
                quota: quota.and_then(|q| u32::try_from(q).ok()),
                status: self.status,
            }),
            _ => Err(e.into_vec()),
        }
    }
}

impl From<&ProgramInput> for ProgramDraft {
    fn from(p: &ProgramInput) -> Self {
        ProgramDraft {
            code: p.code.to_string(),
            name: p.name.clone(),
            kind: p.kind,
            mode: p.mode,
            competency: p.competency.clone(),
            provider: p.provider.clone(),
            accreditation: p.accreditation,
            location: p.location.clone(),
            start: date::format(p.start),
            end: date::format(p.end),
            jp: p.jp.to_string(),
            quota: p.quota.map(|q| q.to_string()).unwrap_or_default(),
            status: p.status,
        }
    }
}

/// A stored program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Program {
    pub id: ProgramId,
    pub data: ProgramInput,
    pub stamp: Stamp,
}

impl ProgramInput {
    pub fn year(&self) -> i32 {
        self.start.year()
    }
}

/// An observable behaviour that shows an objective was met ("menyampaikan jangka waktu penyelesaian").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Behaviour {
    pub id: BehaviourId,
    pub text: String,
}

/// A program objective, best tied to 2–4 observable behaviours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objective {
    pub id: ObjectiveId,
    pub text: String,
    pub behaviours: Vec<Behaviour>,
}

/// One line of a program's costs, in whole rupiah.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostLine {
    pub id: CostLineId,
    pub category: CostCategory,
    pub description: String,
    pub amount: i64,
}

/// Whole rupiah as Indonesians write them: `Rp 1.250.000`.
pub fn format_rupiah(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if amount < 0 { "-" } else { "" };
    format!("{sign}Rp {grouped}")
}

/// An amount typed as `1.250.000`, `1250000` or `Rp 1.250.000`.
pub fn parse_rupiah(s: &str) -> Result<i64, Problem> {
    let t = s.trim();
    let t = t
        .strip_prefix("Rp")
        .or_else(|| t.strip_prefix("rp"))
        .unwrap_or(t)
        .trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let digits: String = t.chars().filter(|c| *c != '.' && *c != ' ').collect();
    let v: i64 = digits.parse().map_err(|_| Problem::Number)?;
    if !(0..=1_000_000_000_000).contains(&v) {
        return Err(Problem::Range {
            min: 0.0,
            max: 1e12,
        });
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn draft() -> ProgramDraft {
        ProgramDraft {
            code: "tek-2026-01".into(),
            name: "Pelatihan Pelayanan Prima".into(),
            start: "02/03/2026".into(),
            end: "05/03/2026".into(),
            jp: "24".into(),
            ..ProgramDraft::default()
        }
    }

    #[test]
    fn valid_program_parses_with_upper_case_code() {
        let p = draft().parse().expect("valid");
        assert_eq!(p.code.as_str(), "TEK-2026-01");
        assert_eq!(p.jp, 24);
        assert_eq!(p.year(), 2026);
    }

    #[rstest]
    #[case::end_before_start(ProgramDraft { end: "01/03/2026".into(), ..draft() }, ProgramField::End, Problem::EndBeforeStart)]
    #[case::negative_jp(ProgramDraft { jp: "-4".into(), ..draft() }, ProgramField::Jp, Problem::Range { min: 1.0, max: 2000.0 })]
    #[case::zero_jp(ProgramDraft { jp: "0".into(), ..draft() }, ProgramField::Jp, Problem::Range { min: 1.0, max: 2000.0 })]
    #[case::letters_jp(ProgramDraft { jp: "dua".into(), ..draft() }, ProgramField::Jp, Problem::Number)]
    #[case::no_code(ProgramDraft { code: " ".into(), ..draft() }, ProgramField::Code, Problem::Required)]
    #[case::bad_code(ProgramDraft { code: "A B".into(), ..draft() }, ProgramField::Code, Problem::Code)]
    #[case::bad_date(ProgramDraft { start: "30/02/2026".into(), ..draft() }, ProgramField::Start, Problem::Date)]
    #[case::no_name(ProgramDraft { name: "".into(), ..draft() }, ProgramField::Name, Problem::Required)]
    fn invalid_programs(
        #[case] d: ProgramDraft,
        #[case] field: ProgramField,
        #[case] problem: Problem,
    ) {
        let errs = d.parse().expect_err("invalid");
        assert_eq!(errs, vec![FieldError::new(field, problem)]);
    }

    #[rstest]
    #[case(0, "Rp 0")]
    #[case(999, "Rp 999")]
    #[case(1_250_000, "Rp 1.250.000")]
    #[case(-5_000, "-Rp 5.000")]
    fn rupiah(#[case] amount: i64, #[case] shown: &str) {
        assert_eq!(format_rupiah(amount), shown);
        if amount >= 0 {
            assert_eq!(parse_rupiah(shown), Ok(amount));
        }
    }

    #[test]
    fn codes_round_trip() {
        for t in ProgramType::ALL {
            assert_eq!(ProgramType::from_code(t.code()), Some(*t));
        }
        assert_eq!(ProgramType::from_code("PKP"), Some(ProgramType::Pkp));
        assert!(ProgramType::Pka.is_leadership());
    }
}
