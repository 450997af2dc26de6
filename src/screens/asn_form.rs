//! Adding or editing an ASN. The NIP is checked as it is typed, and what it says (birth date, TMT CPNS,
//! gender) is shown beside it.

use super::Cx;
use super::form_screen::FormSpec;
use crate::app::effect::{Change, Load, Loaded};
use crate::domain::asn::{Asn, AsnDraft, AsnField, AsnInput};
use crate::domain::date;
use crate::domain::golongan::Golongan;
use crate::domain::ids::{AsnId, OpdId, Version};
use crate::domain::jabatan::JabatanLevel;
use crate::domain::nip::{EmployeeKind, Gender, check_partial};
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form, LookupKind};
use crate::widgets::input::InputKind;

impl FieldKey for AsnField {
    fn key(self) -> &'static str {
        match self {
            AsnField::Nip => "nip",
            AsnField::Kind => "jenis",
            AsnField::Front => "gelar_depan",
            AsnField::Name => "nama",
            AsnField::Back => "gelar_belakang",
            AsnField::Jabatan => "jabatan",
            AsnField::Level => "jenjang",
            AsnField::Golongan => "golongan",
            AsnField::Opd => "unit",
            AsnField::Atasan => "atasan",
            AsnField::Phone => "telepon",
            AsnField::Email => "email",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AsnSpec {
    pub id: Option<AsnId>,
    pub base: Option<Version>,
}

impl AsnSpec {
    pub fn new_person() -> AsnSpec {
        AsnSpec {
            id: None,
            base: None,
        }
    }

    pub fn edit(id: AsnId) -> AsnSpec {
        AsnSpec {
            id: Some(id),
            base: None,
        }
    }
}

fn opt(code: &str, label: impl Into<String>) -> ChoiceOption {
    ChoiceOption {
        code: code.to_string(),
        label: label.into(),
    }
}

fn empty_form(cx: &Cx) -> Form<AsnField> {
    let t = |m: Msg| cx.t(m);
    let mut levels = vec![opt("", t(Msg::LevelAuto))];
    levels.extend(
        JabatanLevel::ALL
            .iter()
            .map(|l| opt(l.code(), level_label(*l, cx))),
    );
    let mut golongan = vec![opt("", "-")];
    golongan.extend(
        Golongan::ALL
            .iter()
            .map(|g| opt(g.code(), format!("{} {}", g.code(), g.pangkat()))),
    );
    Form::new(vec![
        Field::text(AsnField::Nip, t(Msg::FieldNip), InputKind::Nip, 21, 21),
        Field::choice(
            AsnField::Kind,
            t(Msg::FieldKind),
            vec![opt("pns", t(Msg::KindPns)), opt("pppk", t(Msg::KindPppk))],
            22,
        ),
        Field::text(AsnField::Front, t(Msg::FieldFront), InputKind::Text, 30, 22),
        Field::text(AsnField::Name, t(Msg::FieldName), InputKind::Text, 100, 40),
        Field::text(AsnField::Back, t(Msg::FieldBack), InputKind::Text, 40, 22),
        Field::text(
            AsnField::Jabatan,
            t(Msg::FieldJabatan),
            InputKind::Text,
            120,
            40,
        ),
        Field::choice(AsnField::Level, t(Msg::FieldLevel), levels, 30),
        Field::choice(AsnField::Golongan, t(Msg::FieldGolongan), golongan, 30),
        Field::lookup(AsnField::Opd, t(Msg::FieldOpd), LookupKind::Opd, 40),
        Field::lookup(AsnField::Atasan, t(Msg::FieldAtasan), LookupKind::Asn, 40),
        Field::text(AsnField::Phone, t(Msg::FieldPhone), InputKind::Text, 30, 22),
        Field::text(
            AsnField::Email,
            t(Msg::FieldEmail),
            InputKind::Text,
            120,
            40,
        ),
    ])
}

fn level_label(level: JabatanLevel, cx: &Cx) -> &'static str {
    cx.t(level.label())
}

/// The form filled with a stored person.
fn filled(asn: &AsnInput, opd: Option<&str>, atasan: Option<&str>, cx: &Cx) -> Form<AsnField> {
    let mut form = empty_form(cx);
    let d = AsnDraft::from(asn);
    form.set_text(AsnField::Nip, &asn.nip.grouped());
    form.set_choice(AsnField::Kind, if d.pppk { "pppk" } else { "pns" });
    form.set_text(AsnField::Front, &d.front);
    form.set_text(AsnField::Name, &d.name);
    form.set_text(AsnField::Back, &d.back);
    form.set_text(AsnField::Jabatan, &d.jabatan);
    form.set_choice(AsnField::Level, d.level.map_or("", JabatanLevel::code));
    form.set_choice(AsnField::Golongan, &d.golongan);
    form.set_lookup(AsnField::Opd, d.opd.map(|o| o.0), opd.unwrap_or(""));
    form.set_lookup(
        AsnField::Atasan,
        d.atasan.map(|a| a.0),
        atasan.unwrap_or(""),
    );
    form.set_text(AsnField::Phone, &d.phone);
    form.set_text(AsnField::Email, &d.email);
    form
}

fn loaded_person(loaded: &Loaded, id: Option<AsnId>) -> Option<(&Asn, Option<&str>, Option<&str>)> {
    match loaded {
        Loaded::Asn(asn, row) if Some(asn.id) == id => Some((
            asn,
            row.as_ref().and_then(|r| r.opd.as_deref()),
            row.as_ref().and_then(|r| r.atasan.as_deref()),
        )),
        _ => None,
    }
}

impl FormSpec for AsnSpec {
    type F = AsnField;
    const FORM: &'static str = "asn";

    fn title(&self, cx: &Cx) -> String {
        cx.t(if self.id.is_some() {
            Msg::AsnEditTitle
        } else {
            Msg::AsnNewTitle
        })
        .to_string()
    }

    fn subtitle(&self, cx: &Cx) -> Option<String> {
        Some(cx.t(Msg::FormKeysHint).to_string())
    }

    fn build(&self, cx: &Cx) -> Form<AsnField> {
        empty_form(cx)
    }

    fn record_key(&self) -> String {
        self.id.map(|i| i.to_string()).unwrap_or_default()
    }

    fn loads(&self) -> Vec<Load> {
        match (self.id, self.base) {
            (Some(id), None) => vec![Load::Asn(id)],
            _ => Vec::new(),
        }
    }

    fn loaded(&mut self, form: &mut Form<AsnField>, loaded: &Loaded, cx: &Cx) -> bool {
        if self.base.is_some() || form.dirty {
            return false;
        }
        let Some((asn, opd, atasan)) = loaded_person(loaded, self.id) else {
            return false;
        };
        self.base = Some(asn.stamp.version);
        let focus = form.focus;
        *form = filled(&asn.data, opd, atasan, cx);
        form.focus = focus;
        true
    }

    fn submit(&self, form: &Form<AsnField>, cx: &Cx) -> Result<Change, Vec<(AsnField, String)>> {
        let draft = AsnDraft {
            nip: form.value(AsnField::Nip),
            pppk: form.value(AsnField::Kind) == "pppk",
            front: form.value(AsnField::Front),
            name: form.value(AsnField::Name),
            back: form.value(AsnField::Back),
            jabatan: form.value(AsnField::Jabatan),
            level: JabatanLevel::from_code(&form.value(AsnField::Level)),
            golongan: form.value(AsnField::Golongan),
            opd: form.lookup(AsnField::Opd).map(OpdId),
            atasan: form.lookup(AsnField::Atasan).map(AsnId),
            phone: form.value(AsnField::Phone),
            email: form.value(AsnField::Email),
        };
        let input = draft.parse(self.id, cx.today).map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(match (self.id, self.base) {
            (Some(id), Some(base)) => Change::UpdateAsn(id, base, input),
            _ => Change::AddAsn(input),
        })
    }

    fn hints(&self, form: &mut Form<AsnField>, cx: &Cx) {
        let kind = if form.value(AsnField::Kind) == "pppk" {
            EmployeeKind::Pppk
        } else {
            EmployeeKind::Pns
        };
        let typed = form.value(AsnField::Nip);
        let partial = check_partial(&typed, kind, cx.today);
        let Some(field) = form.field_mut(AsnField::Nip) else {
            return;
        };
        field.hint = None;
        if let Some(e) = partial.error {
            field.error = Some(e.localize(cx.lang));
            return;
        }
        field.error = None;
        match partial.complete {
            Some(nip) if kind == EmployeeKind::Pns => {
                let gender = match nip.gender() {
                    Some(Gender::Male) => cx.t(Msg::GenderMale),
                    Some(Gender::Female) => cx.t(Msg::GenderFemale),
                    None => "",
                };
                field.hint = Some(Msg::NipSays.fill(
                    cx.lang,
                    &[
                        &nip.birth_date().map(date::format).unwrap_or_default(),
                        &nip.tmt_cpns().map(|t| t.to_string()).unwrap_or_default(),
                        &gender,
                    ],
                ));
            }
            Some(_) => field.hint = Some(cx.t(Msg::NipPppkOk).to_string()),
            None if partial.digits > 0 => {
                field.hint = Some(Msg::NipProgress.fill(cx.lang, &[&partial.digits]));
            }
            None => {}
        }
    }

    fn base(&self) -> Option<Version> {
        self.base
    }

    fn set_base(&mut self, version: Version) {
        self.base = Some(version);
    }

    fn reload(&self) -> Option<Load> {
        self.id.map(Load::Asn)
    }

    fn theirs(&self, loaded: &Loaded, cx: &Cx) -> Option<(Version, Form<AsnField>)> {
        let (asn, opd, atasan) = loaded_person(loaded, self.id)?;
        Some((asn.stamp.version, filled(&asn.data, opd, atasan, cx)))
    }

    fn duplicate_field(&self) -> Option<AsnField> {
        Some(AsnField::Nip)
    }
}
