//! ASN (pegawai): the people every program is about.

use super::golongan::Golongan;
use super::ids::{AsnId, OpdId, Stamp};
use super::jabatan::{self, Jabatan, JabatanLevel};
use super::name::PersonName;
use super::nip::{EmployeeKind, Nip};
use super::problem::{Errors, FieldError, Problem, optional_text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The fields of the ASN form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AsnField {
    Nip,
    Kind,
    Front,
    Name,
    Back,
    Jabatan,
    Level,
    Golongan,
    Opd,
    Atasan,
    Phone,
    Email,
}

impl AsnField {
    pub const ALL: [AsnField; 12] = [
        AsnField::Nip,
        AsnField::Kind,
        AsnField::Front,
        AsnField::Name,
        AsnField::Back,
        AsnField::Jabatan,
        AsnField::Level,
        AsnField::Golongan,
        AsnField::Opd,
        AsnField::Atasan,
        AsnField::Phone,
        AsnField::Email,
    ];
}

/// An ASN as typed or read from a file, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AsnDraft {
    pub nip: String,
    pub pppk: bool,
    pub front: String,
    pub name: String,
    pub back: String,
    pub jabatan: String,
    /// `None` lets tilik classify the jabatan title.
    pub level: Option<JabatanLevel>,
    pub golongan: String,
    pub opd: Option<OpdId>,
    pub atasan: Option<AsnId>,
    pub phone: String,
    pub email: String,
}

/// A checked ASN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AsnInput {
    pub nip: Nip,
    pub kind: EmployeeKind,
    pub name: PersonName,
    pub jabatan: Jabatan,
    pub golongan: Option<Golongan>,
    pub opd: Option<OpdId>,
    pub atasan: Option<AsnId>,
    pub phone: String,
    pub email: String,
}

pub const JABATAN_MAX: usize = 120;

impl AsnDraft {
    pub fn kind(&self) -> EmployeeKind {
        if self.pppk {
            EmployeeKind::Pppk
        } else {
            EmployeeKind::Pns
        }
    }

    /// Checks every field; `id` is the record being edited (to refuse being one's own atasan).
    pub fn parse(
        &self,
        id: Option<AsnId>,
        today: NaiveDate,
    ) -> Result<AsnInput, Vec<FieldError<AsnField>>> {
        let mut errors = Errors::default();
        let kind = self.kind();
        let nip = errors.check(
            AsnField::Nip,
            Nip::parse(&self.nip, kind, today).map_err(Problem::Nip),
        );
        let name = errors.check(
            AsnField::Name,
            PersonName::new(&self.front, &self.name, &self.back).map_err(Problem::Name),
        );
        let title = errors.check(AsnField::Jabatan, optional_text(&self.jabatan, JABATAN_MAX));
        let golongan = errors.check(AsnField::Golongan, parse_golongan(&self.golongan));
        let phone = errors.check(AsnField::Phone, optional_text(&self.phone, 30));
        let email = errors.check(AsnField::Email, parse_email(&self.email));
        if id.is_some() && id == self.atasan {
            errors.push(AsnField::Atasan, Problem::SelfSupervisor);
        }
        match (nip, name, title, golongan, phone, email) {
            (Some(nip), Some(name), Some(title), Some(golongan), Some(phone), Some(email))
                if errors.is_empty() =>
            {
                let level = self.level.or_else(|| jabatan::classify(&title));
                Ok(AsnInput {
                    nip,
                    kind,
                    name,
                    jabatan: Jabatan { title, level },
                    golongan,
                    opd: self.opd,
                    atasan: self.atasan,
                    phone,
                    email,
                })
            }
            _ => Err(errors.into_vec()),
        }
    }
}

/// Empty is no golongan (PPPK, or unknown); otherwise it must be one of the seventeen.
pub fn parse_golongan(s: &str) -> Result<Option<Golongan>, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<Golongan>()
        .map(Some)
        .map_err(|_| Problem::UnknownGolongan(t.to_string()))
}

fn parse_email(s: &str) -> Result<String, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let valid = t.len() <= 120
        && !t.contains(char::is_whitespace)
        && t.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        });
    if valid {
        Ok(t.to_string())
    } else {
        Err(Problem::Email)
    }
}

/// A person as an import file gives them: the OPD by name and the atasan by NIP, resolved when written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AsnImport {
    pub person: AsnInput,
    pub unit: Option<String>,
    pub atasan_nip: Option<Nip>,
}

/// A stored ASN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asn {
    pub id: AsnId,
    pub data: AsnInput,
    pub stamp: Stamp,
}

impl From<&AsnInput> for AsnDraft {
    fn from(a: &AsnInput) -> Self {
        AsnDraft {
            nip: a.nip.as_str().to_string(),
            pppk: a.kind == EmployeeKind::Pppk,
            front: a.name.front().to_string(),
            name: a.name.name().to_string(),
            back: a.name.back().to_string(),
            jabatan: a.jabatan.title.clone(),
            level: a.jabatan.level,
            golongan: a.golongan.map(|g| g.code().to_string()).unwrap_or_default(),
            opd: a.opd,
            atasan: a.atasan,
            phone: a.phone.clone(),
            email: a.email.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nip::NipError;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid")
    }

    fn valid() -> AsnDraft {
        AsnDraft {
            nip: "19850412 201001 1 003".into(),
            name: "Budi Santoso".into(),
            back: "S.Kom.".into(),
            jabatan: "Pranata Komputer Ahli Muda".into(),
            golongan: "III/c".into(),
            ..AsnDraft::default()
        }
    }

    #[test]
    fn valid_draft_parses_and_classifies_jabatan() {
        let asn = valid().parse(None, today()).expect("valid");
        assert_eq!(asn.nip.as_str(), "198504122010011003");
        assert_eq!(asn.golongan, Some(Golongan::IIIC));
        assert_eq!(asn.jabatan.level, Some(JabatanLevel::AhliMuda));
        assert_eq!(asn.name.display(), "Budi Santoso, S.Kom.");
    }

    #[test]
    fn every_bad_field_is_named() {
        let draft = AsnDraft {
            nip: "198502312010011003".into(),
            name: " ".into(),
            golongan: "V/a".into(),
            email: "budi@".into(),
            ..AsnDraft::default()
        };
        let errs = draft.parse(None, today()).expect_err("invalid");
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                AsnField::Nip,
                AsnField::Name,
                AsnField::Golongan,
                AsnField::Email
            ]
        );
        assert_eq!(errs[0].problem, Problem::Nip(NipError::BirthDate));
    }

    #[test]
    fn nobody_supervises_themselves() {
        let draft = AsnDraft {
            atasan: Some(AsnId(7)),
            ..valid()
        };
        let errs = draft.parse(Some(AsnId(7)), today()).expect_err("invalid");
        assert_eq!(errs[0].field, AsnField::Atasan);
    }

    #[test]
    fn draft_round_trips_through_input() {
        let asn = valid().parse(None, today()).expect("valid");
        let again = AsnDraft::from(&asn).parse(None, today()).expect("valid");
        assert_eq!(asn, again);
    }
}
