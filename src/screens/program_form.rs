//! Adding or editing a program's data (objectives, participants and costs are edited on its page).

use super::Cx;
use super::form_screen::FormSpec;
use crate::app::effect::{Change, Load, Loaded};
use crate::domain::ids::{ProgramId, Version};
use crate::domain::program::{
    Accreditation, LearningMode, Program, ProgramDraft, ProgramField, ProgramInput, ProgramStatus,
    ProgramType,
};
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form};
use crate::widgets::input::InputKind;

impl FieldKey for ProgramField {
    fn key(self) -> &'static str {
        match self {
            ProgramField::Code => "code",
            ProgramField::Name => "name",
            ProgramField::Type => "type",
            ProgramField::Mode => "mode",
            ProgramField::Competency => "competency",
            ProgramField::Provider => "provider",
            ProgramField::Accreditation => "accreditation",
            ProgramField::Location => "location",
            ProgramField::Start => "start",
            ProgramField::End => "end",
            ProgramField::Jp => "jp",
            ProgramField::Quota => "quota",
            ProgramField::Status => "status",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgramSpec {
    pub id: Option<ProgramId>,
    pub base: Option<Version>,
    pub current: Option<ProgramInput>,
    /// A name and type to start a new program with.
    pub suggested: Option<(String, ProgramType)>,
}

impl ProgramSpec {
    pub fn new_program() -> ProgramSpec {
        ProgramSpec {
            id: None,
            base: None,
            current: None,
            suggested: None,
        }
    }

    /// A new program planned from a training need: its name and type filled in, status planned.
    pub fn planned(name: &str, kind: ProgramType) -> ProgramSpec {
        ProgramSpec {
            id: None,
            base: None,
            current: None,
            suggested: Some((name.to_string(), kind)),
        }
    }

    pub fn edit(program: &Program) -> ProgramSpec {
        ProgramSpec {
            id: Some(program.id),
            base: Some(program.stamp.version),
            current: Some(program.data.clone()),
            suggested: None,
        }
    }
}

/// Choice options of a coded enumeration, labelled in the user's language.
pub fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> Msg,
    cx: &Cx,
) -> Vec<ChoiceOption> {
    all.iter()
        .map(|v| ChoiceOption {
            code: code(*v).to_string(),
            label: label(*v).text(cx.lang).to_string(),
        })
        .collect()
}

fn form(current: Option<&ProgramInput>, cx: &Cx) -> Form<ProgramField> {
    use ProgramField as F;
    let t = |m: Msg| cx.t(m);
    let mut form = Form::new(vec![
        Field::text(F::Code, t(Msg::ColCode), InputKind::Text, 24, 26),
        Field::text(F::Name, t(Msg::FieldProgramName), InputKind::Text, 160, 58),
        Field::choice(
            F::Type,
            t(Msg::ColType),
            options(ProgramType::ALL, ProgramType::code, ProgramType::label, cx),
            26,
        ),
        Field::choice(
            F::Mode,
            t(Msg::ColMode),
            options(
                LearningMode::ALL,
                LearningMode::code,
                LearningMode::label,
                cx,
            ),
            26,
        ),
        Field::text(
            F::Competency,
            t(Msg::FieldCompetency),
            InputKind::Text,
            120,
            40,
        ),
        Field::text(F::Provider, t(Msg::ColProvider), InputKind::Text, 120, 40),
        Field::choice(
            F::Accreditation,
            t(Msg::FieldAccreditation),
            options(
                Accreditation::ALL,
                Accreditation::code,
                Accreditation::label,
                cx,
            ),
            26,
        ),
        Field::text(F::Location, t(Msg::ColLocation), InputKind::Text, 120, 58),
        Field::text(F::Start, t(Msg::FieldStart), InputKind::Date, 10, 12),
        Field::text(F::End, t(Msg::FieldEnd), InputKind::Date, 10, 12),
        Field::text(F::Jp, t(Msg::FieldJp), InputKind::Integer, 5, 8),
        Field::text(F::Quota, t(Msg::ColQuota), InputKind::Integer, 6, 8),
        Field::choice(
            F::Status,
            t(Msg::ColStatus),
            options(
                ProgramStatus::ALL,
                ProgramStatus::code,
                ProgramStatus::label,
                cx,
            ),
            26,
        ),
    ]);
    if let Some(p) = current {
        let d = ProgramDraft::from(p);
        form.set_text(F::Code, &d.code);
        form.set_text(F::Name, &d.name);
        form.set_choice(F::Type, d.kind.code());
        form.set_choice(F::Mode, d.mode.code());
        form.set_text(F::Competency, &d.competency);
        form.set_text(F::Provider, &d.provider);
        form.set_choice(F::Accreditation, d.accreditation.code());
        form.set_text(F::Location, &d.location);
        form.set_text(F::Start, &d.start);
        form.set_text(F::End, &d.end);
        form.set_text(F::Jp, &d.jp);
        form.set_text(F::Quota, &d.quota);
        form.set_choice(F::Status, d.status.code());
    } else {
        form.set_choice(F::Type, ProgramType::Teknis.code());
    }
    form
}

impl FormSpec for ProgramSpec {
    type F = ProgramField;
    const FORM: &'static str = "program";

    fn title(&self, cx: &Cx) -> String {
        match &self.current {
            Some(p) => Msg::ProgramEditTitle.fill(cx.lang, &[&p.code]),
            None => cx.t(Msg::ProgramNewTitle).to_string(),
        }
    }

    fn subtitle(&self, cx: &Cx) -> Option<String> {
        Some(cx.t(Msg::FormKeysHint).to_string())
    }

    fn build(&self, cx: &Cx) -> Form<ProgramField> {
        let mut f = form(self.current.as_ref(), cx);
        if let Some((name, kind)) = &self.suggested {
            f.set_text(ProgramField::Name, name);
            f.set_choice(ProgramField::Type, kind.code());
            f.dirty = true;
        }
        f
    }

    fn record_key(&self) -> String {
        self.id.map(|i| i.to_string()).unwrap_or_default()
    }

    fn submit(
        &self,
        form: &Form<ProgramField>,
        cx: &Cx,
    ) -> Result<Change, Vec<(ProgramField, String)>> {
        use ProgramField as F;
        let code = |f: F, parse: fn(&str) -> Option<ProgramType>| parse(&form.value(f));
        let draft = ProgramDraft {
            code: form.value(F::Code),
            name: form.value(F::Name),
            kind: code(F::Type, ProgramType::from_code).unwrap_or(ProgramType::Teknis),
            mode: LearningMode::from_code(&form.value(F::Mode)).unwrap_or(LearningMode::Klasikal),
            competency: form.value(F::Competency),
            provider: form.value(F::Provider),
            accreditation: Accreditation::from_code(&form.value(F::Accreditation))
                .unwrap_or(Accreditation::Unknown),
            location: form.value(F::Location),
            start: form.value(F::Start),
            end: form.value(F::End),
            jp: form.value(F::Jp),
            quota: form.value(F::Quota),
            status: ProgramStatus::from_code(&form.value(F::Status))
                .unwrap_or(ProgramStatus::Direncanakan),
        };
        let input = draft.parse().map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(match (self.id, self.base) {
            (Some(id), Some(base)) => Change::UpdateProgram(id, base, input),
            _ => Change::AddProgram(input),
        })
    }

    fn base(&self) -> Option<Version> {
        self.base
    }

    fn set_base(&mut self, version: Version) {
        self.base = Some(version);
    }

    fn reload(&self) -> Option<Load> {
        self.id.map(Load::Program)
    }

    fn theirs(&self, loaded: &Loaded, cx: &Cx) -> Option<(Version, Form<ProgramField>)> {
        match loaded {
            Loaded::Program(p) if Some(p.id) == self.id => {
                Some((p.stamp.version, form(Some(&p.data), cx)))
            }
            _ => None,
        }
    }

    fn duplicate_field(&self) -> Option<ProgramField> {
        Some(ProgramField::Code)
    }
}
