//! A program's results: a unit indicator before and after, and the monetary estimate behind ROI.

use super::Cx;
use super::form_screen::FormSpec;
use crate::app::effect::{Change, Load, Loaded};
use crate::domain::ids::{ProgramId, Version};
use crate::domain::program::format_rupiah;
use crate::domain::results::{
    ISOLATION_METHODS, IndicatorDraft, IndicatorField, IndicatorInput, RoiDraft, RoiField, RoiInput,
};
use crate::i18n::{Localize, Msg};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form};
use crate::widgets::input::InputKind;

impl FieldKey for IndicatorField {
    fn key(self) -> &'static str {
        match self {
            IndicatorField::Name => "name",
            IndicatorField::Unit => "unit",
            IndicatorField::Before => "before",
            IndicatorField::After => "after",
            IndicatorField::Direction => "direction",
            IndicatorField::Source => "source",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSpec {
    pub program: ProgramId,
    pub program_name: String,
    pub current: Option<(i64, Version, IndicatorInput)>,
}

fn number(v: Option<f64>) -> String {
    v.map(|v| crate::i18n::number(v, crate::i18n::Lang::Id))
        .unwrap_or_default()
}

impl FormSpec for IndicatorSpec {
    type F = IndicatorField;
    const FORM: &'static str = "indicator";

    fn title(&self, cx: &Cx) -> String {
        cx.t(if self.current.is_some() {
            Msg::IndicatorEditTitle
        } else {
            Msg::IndicatorNewTitle
        })
        .to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.program_name.clone())
    }

    fn build(&self, cx: &Cx) -> Form<IndicatorField> {
        use IndicatorField as F;
        let direction = vec![
            ChoiceOption {
                code: "1".into(),
                label: cx.t(Msg::IndicatorHigherBetter).into(),
            },
            ChoiceOption {
                code: "0".into(),
                label: cx.t(Msg::IndicatorLowerBetter).into(),
            },
        ];
        let mut form = Form::new(vec![
            Field::text(F::Name, cx.t(Msg::IndicatorName), InputKind::Text, 160, 50),
            Field::text(F::Unit, cx.t(Msg::IndicatorUnit), InputKind::Text, 40, 20),
            Field::text(
                F::Before,
                cx.t(Msg::IndicatorBefore),
                InputKind::Decimal,
                16,
                14,
            ),
            Field::text(
                F::After,
                cx.t(Msg::IndicatorAfter),
                InputKind::Decimal,
                16,
                14,
            ),
            Field::choice(F::Direction, cx.t(Msg::IndicatorDirection), direction, 26),
            Field::text(
                F::Source,
                cx.t(Msg::IndicatorSource),
                InputKind::Text,
                200,
                50,
            ),
        ]);
        if let Some((_, _, i)) = &self.current {
            form.set_text(F::Name, &i.name);
            form.set_text(F::Unit, &i.unit);
            form.set_text(F::Before, &number(i.before));
            form.set_text(F::After, &number(i.after));
            form.set_choice(F::Direction, if i.higher_better { "1" } else { "0" });
            form.set_text(F::Source, &i.source);
            form.dirty = false;
        }
        form
    }

    fn record_key(&self) -> String {
        match &self.current {
            Some((id, _, _)) => format!("i{id}"),
            None => format!("p{}", self.program),
        }
    }

    fn submit(
        &self,
        form: &Form<IndicatorField>,
        cx: &Cx,
    ) -> Result<Change, Vec<(IndicatorField, String)>> {
        use IndicatorField as F;
        let input = IndicatorDraft {
            name: form.value(F::Name),
            unit: form.value(F::Unit),
            before: form.value(F::Before),
            after: form.value(F::After),
            higher_better: form.value(F::Direction),
            source: form.value(F::Source),
        }
        .parse()
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(match &self.current {
            Some((id, v, _)) => Change::UpdateIndicator(*id, *v, input),
            None => Change::AddIndicator(self.program, input),
        })
    }

    fn base(&self) -> Option<Version> {
        self.current.as_ref().map(|(_, v, _)| *v)
    }

    fn set_base(&mut self, version: Version) {
        if let Some((_, v, _)) = &mut self.current {
            *v = version;
        }
    }

    fn reload(&self) -> Option<Load> {
        self.current.as_ref().map(|(id, _, _)| Load::Indicator(*id))
    }

    fn theirs(&self, loaded: &Loaded, cx: &Cx) -> Option<(Version, Form<IndicatorField>)> {
        match (loaded, &self.current) {
            (Loaded::Indicator(id, Some((input, stamp))), Some((mine, _, _))) if id == mine => {
                let saved = IndicatorSpec {
                    current: Some((*id, stamp.version, input.clone())),
                    ..self.clone()
                };
                Some((stamp.version, saved.build(cx)))
            }
            _ => None,
        }
    }
}

impl FieldKey for RoiField {
    fn key(self) -> &'static str {
        match self {
            RoiField::Benefit => "benefit",
            RoiField::Isolation => "isolation",
            RoiField::IsolationPct => "isolation_pct",
            RoiField::ConfidencePct => "confidence_pct",
            RoiField::Intangibles => "intangibles",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoiSpec {
    pub program: ProgramId,
    pub program_name: String,
    pub base: Option<Version>,
    pub current: RoiInput,
}

pub use crate::i18n::isolation_label;

impl FormSpec for RoiSpec {
    type F = RoiField;
    const FORM: &'static str = "roi";

    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::RoiTitle).to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.program_name.clone())
    }

    fn build(&self, cx: &Cx) -> Form<RoiField> {
        use RoiField as F;
        let methods = std::iter::once("")
            .chain(ISOLATION_METHODS)
            .map(|c| ChoiceOption {
                code: c.into(),
                label: cx.t(isolation_label(c)).into(),
            })
            .collect();
        let mut form = Form::new(vec![
            Field::text(F::Benefit, cx.t(Msg::RoiBenefit), InputKind::Amount, 20, 20),
            Field::choice(F::Isolation, cx.t(Msg::RoiIsolation), methods, 34),
            Field::text(
                F::IsolationPct,
                cx.t(Msg::RoiIsolationPct),
                InputKind::Decimal,
                6,
                8,
            ),
            Field::text(
                F::ConfidencePct,
                cx.t(Msg::RoiConfidencePct),
                InputKind::Decimal,
                6,
                8,
            ),
            Field::text(
                F::Intangibles,
                cx.t(Msg::RoiIntangibles),
                InputKind::Text,
                2000,
                50,
            ),
        ]);
        let c = &self.current;
        if let Some(b) = c.benefit {
            form.set_text(F::Benefit, format_rupiah(b).trim_start_matches("Rp "));
        }
        form.set_choice(F::Isolation, &c.isolation);
        form.set_text(F::IsolationPct, &number(c.isolation_pct));
        form.set_text(F::ConfidencePct, &number(c.confidence_pct));
        // Intangibles are one per line; the one-line field separates them with "; ".
        form.set_text(
            F::Intangibles,
            &c.intangibles.lines().collect::<Vec<_>>().join("; "),
        );
        form.dirty = false;
        form
    }

    fn record_key(&self) -> String {
        format!("p{}", self.program)
    }

    fn submit(&self, form: &Form<RoiField>, cx: &Cx) -> Result<Change, Vec<(RoiField, String)>> {
        use RoiField as F;
        let input = RoiDraft {
            benefit: form.value(F::Benefit),
            isolation: form.value(F::Isolation),
            isolation_pct: form.value(F::IsolationPct),
            confidence_pct: form.value(F::ConfidencePct),
            intangibles: form
                .value(F::Intangibles)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        }
        .parse()
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(Change::SaveRoi(self.program, self.base, input))
    }

    fn base(&self) -> Option<Version> {
        self.base
    }

    fn set_base(&mut self, version: Version) {
        self.base = Some(version);
    }

    /// A first estimate can conflict too (another one was saved meanwhile), so the saved one is always
    /// read again.
    fn reload(&self) -> Option<Load> {
        Some(Load::Roi(self.program))
    }

    fn theirs(&self, loaded: &Loaded, cx: &Cx) -> Option<(Version, Form<RoiField>)> {
        match loaded {
            Loaded::Roi(program, Some((input, stamp))) if *program == self.program => {
                let saved = RoiSpec {
                    base: Some(stamp.version),
                    current: input.clone(),
                    ..self.clone()
                };
                Some((stamp.version, saved.build(cx)))
            }
            _ => None,
        }
    }
}
