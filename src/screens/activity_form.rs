//! Recording a learning activity outside programs (coaching, e-learning, internship …) for one ASN,
//! from the 20 JP view.

use super::Cx;
use super::form_screen::FormSpec;
use super::program_form::options;
use crate::app::effect::Change;
use crate::domain::activity::{ActivityDraft, ActivityField};
use crate::domain::date;
use crate::domain::ids::AsnId;
use crate::domain::program::LearningMode;
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{Field, FieldKey, Form};
use crate::widgets::input::InputKind;

impl FieldKey for ActivityField {
    fn key(self) -> &'static str {
        match self {
            ActivityField::Date => "date",
            ActivityField::Kind => "kind",
            ActivityField::Title => "title",
            ActivityField::Provider => "provider",
            ActivityField::Jp => "jp",
            ActivityField::Certificate => "certificate",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActivitySpec {
    pub asn: AsnId,
    /// Who it is for, as shown under the title.
    pub person: String,
    /// The day the form starts with.
    pub today: chrono::NaiveDate,
}

/// Non-classical forms first: they are what gets recorded here.
const KINDS: [LearningMode; 8] = [
    LearningMode::ELearning,
    LearningMode::Coaching,
    LearningMode::Mentoring,
    LearningMode::Magang,
    LearningMode::Benchmarking,
    LearningMode::Blended,
    LearningMode::Lainnya,
    LearningMode::Klasikal,
];

impl FormSpec for ActivitySpec {
    type F = ActivityField;
    const FORM: &'static str = "activity";

    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::ActivityNewTitle).to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.person.clone())
    }

    fn build(&self, cx: &Cx) -> Form<ActivityField> {
        use ActivityField as F;
        let mut form = Form::new(vec![
            Field::text(F::Date, cx.t(Msg::ColDate), InputKind::Date, 10, 12),
            Field::choice(
                F::Kind,
                cx.t(Msg::ColMode),
                options(&KINDS, LearningMode::code, LearningMode::label, cx),
                24,
            ),
            Field::text(F::Title, cx.t(Msg::ColTitle), InputKind::Text, 160, 50),
            Field::text(
                F::Provider,
                cx.t(Msg::ColProvider),
                InputKind::Text,
                120,
                50,
            ),
            Field::text(F::Jp, cx.t(Msg::ColJp), InputKind::Decimal, 7, 8),
            Field::text(
                F::Certificate,
                cx.t(Msg::ColCertificate),
                InputKind::Text,
                60,
                30,
            ),
        ]);
        form.set_text(F::Date, &date::format(self.today));
        form.dirty = false;
        form
    }

    fn record_key(&self) -> String {
        format!("a{}", self.asn.0)
    }

    fn submit(
        &self,
        form: &Form<ActivityField>,
        cx: &Cx,
    ) -> Result<Change, Vec<(ActivityField, String)>> {
        use ActivityField as F;
        let draft = ActivityDraft {
            date: form.value(F::Date),
            kind: form.value(F::Kind),
            title: form.value(F::Title),
            provider: form.value(F::Provider),
            jp: form.value(F::Jp),
            certificate: form.value(F::Certificate),
        };
        draft
            .parse()
            .map(|a| Change::AddActivity(self.asn, a))
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|e| (e.field, e.problem.localize(cx.lang)))
                    .collect()
            })
    }

    fn saved_message(&self, cx: &Cx) -> String {
        Msg::ActivitySaved.fill(cx.lang, &[&self.person])
    }
}
