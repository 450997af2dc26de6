//! A participant's attendance, completion and certificate number.

use super::Cx;
use super::form_screen::FormSpec;
use super::program_form::options;
use crate::app::effect::Change;
use crate::domain::enrollment::{Attendance, Completion, EnrollmentData};
use crate::domain::ids::{EnrollmentId, Version};
use crate::domain::problem::optional_text;
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form};
use crate::widgets::input::InputKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrollmentField {
    Attendance,
    Completion,
    Certificate,
}

impl FieldKey for EnrollmentField {
    fn key(self) -> &'static str {
        match self {
            EnrollmentField::Attendance => "attendance",
            EnrollmentField::Completion => "completion",
            EnrollmentField::Certificate => "certificate",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnrollmentSpec {
    pub id: EnrollmentId,
    pub base: Version,
    pub person: String,
    pub program: String,
    pub data: EnrollmentData,
}

impl FormSpec for EnrollmentSpec {
    type F = EnrollmentField;
    const FORM: &'static str = "enrollment";

    fn title(&self, cx: &Cx) -> String {
        Msg::EnrollmentTitle.fill(cx.lang, &[&self.person])
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.program.clone())
    }

    fn build(&self, cx: &Cx) -> Form<EnrollmentField> {
        let mut completion = vec![ChoiceOption {
            code: String::new(),
            label: cx.t(Msg::NotRecorded).to_string(),
        }];
        completion.extend(options(
            Completion::ALL,
            Completion::code,
            Completion::label,
            cx,
        ));
        let mut form = Form::new(vec![
            Field::text(
                EnrollmentField::Attendance,
                cx.t(Msg::FieldAttendance),
                InputKind::Integer,
                3,
                6,
            ),
            Field::choice(
                EnrollmentField::Completion,
                cx.t(Msg::ColCompletion),
                completion,
                24,
            ),
            Field::text(
                EnrollmentField::Certificate,
                cx.t(Msg::ColCertificate),
                InputKind::Text,
                60,
                40,
            ),
        ]);
        form.set_text(
            EnrollmentField::Attendance,
            &self
                .data
                .attendance
                .map(|a| a.percent().to_string())
                .unwrap_or_default(),
        );
        form.set_choice(
            EnrollmentField::Completion,
            self.data.completion.map_or("", Completion::code),
        );
        form.set_text(EnrollmentField::Certificate, &self.data.certificate_no);
        form
    }

    fn record_key(&self) -> String {
        self.id.to_string()
    }

    fn submit(
        &self,
        form: &Form<EnrollmentField>,
        cx: &Cx,
    ) -> Result<Change, Vec<(EnrollmentField, String)>> {
        let mut errors = Vec::new();
        let attendance = Attendance::parse_optional(&form.value(EnrollmentField::Attendance))
            .map_err(|p| errors.push((EnrollmentField::Attendance, p.localize(cx.lang))))
            .ok()
            .flatten();
        let certificate = optional_text(&form.value(EnrollmentField::Certificate), 60)
            .map_err(|p| errors.push((EnrollmentField::Certificate, p.localize(cx.lang))))
            .unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Change::UpdateEnrollment(
            self.id,
            self.base,
            EnrollmentData {
                attendance,
                completion: Completion::from_code(&form.value(EnrollmentField::Completion)),
                certificate_no: certificate,
            },
        ))
    }

    fn base(&self) -> Option<Version> {
        Some(self.base)
    }
}
