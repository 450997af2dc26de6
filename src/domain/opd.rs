//! OPD (Organisasi Perangkat Daerah): the city's agencies. They are renamed and merged over time, so each has
//! effective dates and may name its successor.

use super::ids::{OpdId, Stamp};
use super::problem::{Errors, FieldError, Problem, optional_text, required_text};
use crate::i18n::Msg;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OpdKind {
    Sekretariat,
    Inspektorat,
    Dinas,
    Badan,
    Kantor,
    Kecamatan,
    Kelurahan,
    Rsud,
    Satuan,
    #[default]
    Lainnya,
}

impl OpdKind {
    pub const ALL: [OpdKind; 10] = [
        OpdKind::Sekretariat,
        OpdKind::Inspektorat,
        OpdKind::Dinas,
        OpdKind::Badan,
        OpdKind::Kantor,
        OpdKind::Kecamatan,
        OpdKind::Kelurahan,
        OpdKind::Rsud,
        OpdKind::Satuan,
        OpdKind::Lainnya,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OpdKind::Sekretariat => "sekretariat",
            OpdKind::Inspektorat => "inspektorat",
            OpdKind::Dinas => "dinas",
            OpdKind::Badan => "badan",
            OpdKind::Kantor => "kantor",
            OpdKind::Kecamatan => "kecamatan",
            OpdKind::Kelurahan => "kelurahan",
            OpdKind::Rsud => "rsud",
            OpdKind::Satuan => "satuan",
            OpdKind::Lainnya => "lainnya",
        }
    }

    pub fn from_code(code: &str) -> Option<OpdKind> {
        OpdKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> Msg {
        match self {
            OpdKind::Sekretariat => Msg::OpdKindSekretariat,
            OpdKind::Inspektorat => Msg::OpdKindInspektorat,
            OpdKind::Dinas => Msg::OpdKindDinas,
            OpdKind::Badan => Msg::OpdKindBadan,
            OpdKind::Kantor => Msg::OpdKindKantor,
            OpdKind::Kecamatan => Msg::OpdKindKecamatan,
            OpdKind::Kelurahan => Msg::OpdKindKelurahan,
            OpdKind::Rsud => Msg::OpdKindRsud,
            OpdKind::Satuan => Msg::OpdKindSatuan,
            OpdKind::Lainnya => Msg::OpdKindLainnya,
        }
    }

    /// The kind an agency's name announces ("Dinas Kesehatan" → Dinas), for imports that only carry names.
    pub fn guess(name: &str) -> OpdKind {
        let lower = name.trim().to_lowercase();
        let starts = |p: &str| lower.starts_with(p);
        if starts("sekretariat") {
            OpdKind::Sekretariat
        } else if starts("inspektorat") {
            OpdKind::Inspektorat
        } else if starts("dinas") {
            OpdKind::Dinas
        } else if starts("badan") {
            OpdKind::Badan
        } else if starts("kantor") {
            OpdKind::Kantor
        } else if starts("kecamatan") {
            OpdKind::Kecamatan
        } else if starts("kelurahan") {
            OpdKind::Kelurahan
        } else if starts("rsud") || starts("rumah sakit") {
            OpdKind::Rsud
        } else if starts("satuan") || starts("satpol") {
            OpdKind::Satuan
        } else {
            OpdKind::Lainnya
        }
    }
}

/// The fields of the OPD form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpdField {
    Code,
    Name,
    Kind,
    ValidFrom,
    ValidTo,
}

impl OpdField {
    pub const ALL: [OpdField; 5] = [
        OpdField::Code,
        OpdField::Name,
        OpdField::Kind,
        OpdField::ValidFrom,
        OpdField::ValidTo,
    ];
}

/// An OPD as typed, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OpdDraft {
    pub code: String,
    pub name: String,
    pub kind: OpdKind,
    pub valid_from: String,
    pub valid_to: String,
}

/// A checked OPD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpdInput {
    pub code: String,
    pub name: String,
    pub kind: OpdKind,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

pub const OPD_NAME_MAX: usize = 120;

impl OpdDraft {
    pub fn parse(&self) -> Result<OpdInput, Vec<FieldError<OpdField>>> {
        let mut errors = Errors::default();
        let code = errors.check(OpdField::Code, optional_text(&self.code, 20));
        let name = errors.check(OpdField::Name, required_text(&self.name, OPD_NAME_MAX));
        let valid_from = errors.check(OpdField::ValidFrom, optional_date(&self.valid_from));
        let valid_to = errors.check(OpdField::ValidTo, optional_date(&self.valid_to));
        if let (Some(Some(from)), Some(Some(to))) = (valid_from, valid_to)
            && to < from
        {
            errors.push(OpdField::ValidTo, Problem::EndBeforeStart);
        }
        match (code, name, valid_from, valid_to) {
            (Some(code), Some(name), Some(valid_from), Some(valid_to)) if errors.is_empty() => {
                Ok(OpdInput {
                    code,
                    name,
                    kind: self.kind,
                    valid_from,
                    valid_to,
                })
            }
            _ => Err(errors.into_vec()),
        }
    }
}

impl From<&Opd> for OpdDraft {
    fn from(o: &Opd) -> Self {
        OpdDraft {
            code: o.code.clone(),
            name: o.name.clone(),
            kind: o.kind,
            valid_from: o.valid_from.map(super::date::format).unwrap_or_default(),
            valid_to: o.valid_to.map(super::date::format).unwrap_or_default(),
        }
    }
}

/// A date field that may be left empty.
pub fn optional_date(s: &str) -> Result<Option<NaiveDate>, Problem> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        super::date::parse(s).map(Some).map_err(|_| Problem::Date)
    }
}

/// A stored OPD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Opd {
    pub id: OpdId,
    pub code: String,
    pub name: String,
    pub kind: OpdKind,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub successor: Option<OpdId>,
    pub stamp: Stamp,
}

impl Opd {
    /// Whether the OPD exists on `date` (no dates means always).
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= date) && self.valid_to.is_none_or(|t| date <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Dinas Kesehatan", OpdKind::Dinas)]
    #[case("Badan Kepegawaian dan Pengembangan SDM", OpdKind::Badan)]
    #[case("Kecamatan Ilir Barat I", OpdKind::Kecamatan)]
    #[case("Sekretariat Daerah", OpdKind::Sekretariat)]
    #[case("RSUD Bari", OpdKind::Rsud)]
    #[case("Satuan Polisi Pamong Praja", OpdKind::Satuan)]
    #[case("Unit Lain", OpdKind::Lainnya)]
    fn guesses_kind_from_name(#[case] name: &str, #[case] kind: OpdKind) {
        assert_eq!(OpdKind::guess(name), kind);
    }

    #[test]
    fn draft_reports_every_problem() {
        let draft = OpdDraft {
            name: "  ".into(),
            valid_from: "31/02/2020".into(),
            valid_to: "01/01/2020".into(),
            ..OpdDraft::default()
        };
        let errs = draft.parse().expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![OpdField::Name, OpdField::ValidFrom]);
    }

    #[test]
    fn end_before_start_is_refused() {
        let draft = OpdDraft {
            name: "Dinas Pendidikan".into(),
            valid_from: "02/01/2021".into(),
            valid_to: "01/01/2021".into(),
            ..OpdDraft::default()
        };
        let errs = draft.parse().expect_err("invalid");
        assert_eq!(
            errs,
            vec![FieldError::new(OpdField::ValidTo, Problem::EndBeforeStart)]
        );
    }

    #[test]
    fn valid_draft_collapses_spaces() {
        let draft = OpdDraft {
            name: " Dinas   Perhubungan ".into(),
            kind: OpdKind::Dinas,
            valid_from: "01/01/2017".into(),
            ..OpdDraft::default()
        };
        let opd = draft.parse().expect("valid");
        assert_eq!(opd.name, "Dinas Perhubungan");
        assert_eq!(opd.valid_from, NaiveDate::from_ymd_opt(2017, 1, 1));
        assert_eq!(opd.valid_to, None);
    }
}
