//! Adding or editing an OPD, with the dates it exists.

use super::Cx;
use super::form_screen::FormSpec;
use super::program_form::options;
use crate::app::effect::{Change, Load, Loaded};
use crate::domain::ids::{OpdId, Version};
use crate::domain::opd::{Opd, OpdDraft, OpdField, OpdKind};
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{Field, FieldKey, Form};
use crate::widgets::input::InputKind;

impl FieldKey for OpdField {
    fn key(self) -> &'static str {
        match self {
            OpdField::Code => "code",
            OpdField::Name => "name",
            OpdField::Kind => "kind",
            OpdField::ValidFrom => "valid_from",
            OpdField::ValidTo => "valid_to",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpdSpec {
    pub id: Option<OpdId>,
    pub base: Option<Version>,
    pub current: Option<OpdDraft>,
}

impl OpdSpec {
    pub fn new_opd() -> OpdSpec {
        OpdSpec {
            id: None,
            base: None,
            current: None,
        }
    }

    pub fn edit(opd: &Opd) -> OpdSpec {
        OpdSpec {
            id: Some(opd.id),
            base: Some(opd.stamp.version),
            current: Some(OpdDraft::from(opd)),
        }
    }
}

fn form(current: Option<&OpdDraft>, cx: &Cx) -> Form<OpdField> {
    let t = |m: Msg| cx.t(m);
    let mut form = Form::new(vec![
        Field::text(OpdField::Code, t(Msg::ColCode), InputKind::Text, 20, 22),
        Field::text(OpdField::Name, t(Msg::ColName), InputKind::Text, 120, 58),
        Field::choice(
            OpdField::Kind,
            t(Msg::ColKind),
            options(&OpdKind::ALL, OpdKind::code, OpdKind::label, cx),
            26,
        ),
        Field::text(
            OpdField::ValidFrom,
            t(Msg::ColValidFrom),
            InputKind::Date,
            10,
            12,
        ),
        Field::text(
            OpdField::ValidTo,
            t(Msg::ColValidTo),
            InputKind::Date,
            10,
            12,
        ),
    ]);
    if let Some(d) = current {
        form.set_text(OpdField::Code, &d.code);
        form.set_text(OpdField::Name, &d.name);
        form.set_choice(OpdField::Kind, d.kind.code());
        form.set_text(OpdField::ValidFrom, &d.valid_from);
        form.set_text(OpdField::ValidTo, &d.valid_to);
    } else {
        form.set_choice(OpdField::Kind, OpdKind::Dinas.code());
    }
    form
}

impl FormSpec for OpdSpec {
    type F = OpdField;
    const FORM: &'static str = "opd";

    fn title(&self, cx: &Cx) -> String {
        cx.t(if self.id.is_some() {
            Msg::OpdEditTitle
        } else {
            Msg::OpdNewTitle
        })
        .to_string()
    }

    fn subtitle(&self, cx: &Cx) -> Option<String> {
        Some(cx.t(Msg::OpdFormHint).to_string())
    }

    fn build(&self, cx: &Cx) -> Form<OpdField> {
        form(self.current.as_ref(), cx)
    }

    fn record_key(&self) -> String {
        self.id.map(|i| i.to_string()).unwrap_or_default()
    }

    fn submit(&self, form: &Form<OpdField>, cx: &Cx) -> Result<Change, Vec<(OpdField, String)>> {
        let draft = OpdDraft {
            code: form.value(OpdField::Code),
            name: form.value(OpdField::Name),
            kind: OpdKind::from_code(&form.value(OpdField::Kind)).unwrap_or_default(),
            valid_from: form.value(OpdField::ValidFrom),
            valid_to: form.value(OpdField::ValidTo),
        };
        let input = draft.parse().map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(match (self.id, self.base) {
            (Some(id), Some(base)) => Change::UpdateOpd(id, base, input),
            _ => Change::AddOpd(input),
        })
    }

    fn base(&self) -> Option<Version> {
        self.base
    }

    fn set_base(&mut self, version: Version) {
        self.base = Some(version);
    }

    fn reload(&self) -> Option<Load> {
        self.id.map(Load::Opd)
    }

    fn theirs(&self, loaded: &Loaded, cx: &Cx) -> Option<(Version, Form<OpdField>)> {
        match loaded {
            Loaded::Opd(o) if Some(o.id) == self.id => {
                Some((o.stamp.version, form(Some(&OpdDraft::from(o.as_ref())), cx)))
            }
            _ => None,
        }
    }

    fn duplicate_field(&self) -> Option<OpdField> {
        Some(OpdField::Name)
    }
}
