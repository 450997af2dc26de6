//! A line of a program's costs.

use super::Cx;
use super::form_screen::FormSpec;
use super::program_form::options;
use crate::app::effect::Change;
use crate::domain::ids::ProgramId;
use crate::domain::problem::optional_text;
use crate::domain::program::{CostCategory, parse_rupiah};
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{Field, FieldKey, Form};
use crate::widgets::input::InputKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostField {
    Category,
    Description,
    Amount,
}

impl FieldKey for CostField {
    fn key(self) -> &'static str {
        match self {
            CostField::Category => "category",
            CostField::Description => "description",
            CostField::Amount => "amount",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CostSpec {
    pub program: ProgramId,
    pub program_name: String,
}

impl FormSpec for CostSpec {
    type F = CostField;
    const FORM: &'static str = "cost";

    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::CostNewTitle).to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.program_name.clone())
    }

    fn build(&self, cx: &Cx) -> Form<CostField> {
        Form::new(vec![
            Field::choice(
                CostField::Category,
                cx.t(Msg::FieldCategory),
                options(
                    CostCategory::ALL,
                    CostCategory::code,
                    CostCategory::label,
                    cx,
                ),
                26,
            ),
            Field::text(
                CostField::Description,
                cx.t(Msg::FieldDescription),
                InputKind::Text,
                120,
                50,
            ),
            Field::text(
                CostField::Amount,
                cx.t(Msg::FieldAmount),
                InputKind::Amount,
                18,
                20,
            ),
        ])
    }

    fn record_key(&self) -> String {
        format!("p{}", self.program)
    }

    fn submit(&self, form: &Form<CostField>, cx: &Cx) -> Result<Change, Vec<(CostField, String)>> {
        let mut errors = Vec::new();
        let description = optional_text(&form.value(CostField::Description), 120)
            .map_err(|p| errors.push((CostField::Description, p.localize(cx.lang))))
            .unwrap_or_default();
        let amount = parse_rupiah(&form.value(CostField::Amount))
            .map_err(|p| errors.push((CostField::Amount, p.localize(cx.lang))))
            .unwrap_or(0);
        if !errors.is_empty() {
            return Err(errors);
        }
        let category = CostCategory::from_code(&form.value(CostField::Category))
            .unwrap_or(CostCategory::Lainnya);
        Ok(Change::AddCostLine(
            self.program,
            category,
            description,
            amount,
        ))
    }
}
