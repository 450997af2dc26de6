//! One line of text: a program objective or an observable behaviour.

use super::Cx;
use super::form_screen::FormSpec;
use crate::app::effect::Change;
use crate::domain::ids::{BehaviourId, ObjectiveId, ProgramId};
use crate::domain::problem::required_text;
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{Field, FieldKey, Form};
use crate::widgets::input::InputKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Text,
}

impl FieldKey for TextField {
    fn key(self) -> &'static str {
        "text"
    }
}

/// What the text is.
#[derive(Debug, Clone, PartialEq)]
pub enum TextTarget {
    NewObjective(ProgramId),
    Objective(ObjectiveId),
    NewBehaviour(ObjectiveId),
    Behaviour(BehaviourId),
    /// The evaluator's own recommendation; when none are kept yet, the suggestions shown are kept with
    /// it (writing one's own adds to them rather than replacing them).
    NewRecommendation(ProgramId, Vec<crate::store::results::NewRecommendation>),
    Recommendation(i64, crate::domain::ids::Version),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextSpec {
    pub target: TextTarget,
    pub text: String,
    /// The objective a behaviour belongs to, shown for context.
    pub context: String,
}

pub const TEXT_MAX: usize = 300;

impl FormSpec for TextSpec {
    type F = TextField;
    const FORM: &'static str = "text";

    fn title(&self, cx: &Cx) -> String {
        cx.t(match self.target {
            TextTarget::NewObjective(_) => Msg::ObjectiveNewTitle,
            TextTarget::Objective(_) => Msg::ObjectiveEditTitle,
            TextTarget::NewBehaviour(_) => Msg::BehaviourNewTitle,
            TextTarget::Behaviour(_) => Msg::BehaviourEditTitle,
            TextTarget::NewRecommendation(..) => Msg::RecNewTitle,
            TextTarget::Recommendation(..) => Msg::RecEditTitle,
        })
        .to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        (!self.context.is_empty()).then(|| self.context.clone())
    }

    fn build(&self, cx: &Cx) -> Form<TextField> {
        let mut form = Form::new(vec![Field::text(
            TextField::Text,
            cx.t(Msg::FieldText),
            InputKind::Text,
            TEXT_MAX,
            60,
        )]);
        form.set_text(TextField::Text, &self.text);
        form
    }

    fn record_key(&self) -> String {
        match &self.target {
            TextTarget::NewObjective(p) => format!("p{p}"),
            TextTarget::Objective(o) => format!("o{o}"),
            TextTarget::NewBehaviour(o) => format!("ob{o}"),
            TextTarget::Behaviour(b) => format!("b{b}"),
            TextTarget::NewRecommendation(p, _) => format!("r{p}"),
            TextTarget::Recommendation(id, _) => format!("k{id}"),
        }
    }

    fn submit(&self, form: &Form<TextField>, cx: &Cx) -> Result<Change, Vec<(TextField, String)>> {
        let text = required_text(&form.value(TextField::Text), TEXT_MAX)
            .map_err(|p| vec![(TextField::Text, p.localize(cx.lang))])?;
        Ok(match &self.target {
            TextTarget::NewObjective(p) => Change::AddObjective(*p, text),
            TextTarget::Objective(o) => Change::UpdateObjective(*o, text),
            TextTarget::NewBehaviour(o) => Change::AddBehaviour(*o, text),
            TextTarget::Behaviour(b) => Change::UpdateBehaviour(*b, text),
            TextTarget::NewRecommendation(p, suggested) => Change::KeepRecommendations {
                program: *p,
                suggested: suggested.clone(),
                own: Some(crate::store::results::NewRecommendation::own(text)),
            },
            TextTarget::Recommendation(id, v) => Change::EditRecommendation(*id, *v, text),
        })
    }
}
