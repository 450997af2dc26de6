//! Level 4 and return on investment (Phillips): the unit's indicators before and after a training,
//! and what the training's monetary benefit is worth against its full cost once the share that is
//! put down to the training (isolation) and the confidence in the estimate are taken into account.

use super::problem::{Errors, FieldError, Problem, optional_text, required_text};
use serde::Serialize;

/// How the training's share of an improvement was isolated from other causes.
pub const ISOLATION_METHODS: [&str; 5] = [
    "kelompok_kontrol",
    "analisis_tren",
    "estimasi_peserta",
    "estimasi_atasan",
    "lainnya",
];

/// A unit indicator (service time, complaints settled, productivity…) before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorInput {
    pub name: String,
    pub unit: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// Whether a higher value is better (complaints settled) or lower (days to serve).
    pub higher_better: bool,
    pub source: String,
}

impl IndicatorInput {
    /// The change, signed so that a positive value is an improvement.
    pub fn improvement(&self) -> Option<f64> {
        let d = self.after? - self.before?;
        Some(if self.higher_better { d } else { -d })
    }

    /// The change relative to the value before, in percent (improvement positive).
    pub fn improvement_pct(&self) -> Option<f64> {
        let before = self.before?;
        let improvement = self.improvement()?;
        (before != 0.0).then(|| 100.0 * improvement / before.abs())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorField {
    Name,
    Unit,
    Before,
    After,
    Direction,
    Source,
}

/// An indicator as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndicatorDraft {
    pub name: String,
    pub unit: String,
    pub before: String,
    pub after: String,
    /// "1" when higher is better, "0" when lower is better.
    pub higher_better: String,
    pub source: String,
}

fn optional_number(s: &str) -> Result<Option<f64>, Problem> {
    let t = s.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(Problem::Number)
}

fn percent(s: &str) -> Result<Option<f64>, Problem> {
    match optional_number(s)? {
        Some(v) if !(0.0..=100.0).contains(&v) => Err(Problem::Range {
            min: 0.0,
            max: 100.0,
        }),
        v => Ok(v),
    }
}

impl IndicatorDraft {
    pub fn parse(&self) -> Result<IndicatorInput, Vec<FieldError<IndicatorField>>> {
        use IndicatorField as F;
        let mut e = Errors::default();
        let name = e.check(F::Name, required_text(&self.name, 160));
        let unit = e.check(F::Unit, optional_text(&self.unit, 40));
        let before = e.check(F::Before, optional_number(&self.before));
        let after = e.check(F::After, optional_number(&self.after));
        let source = e.check(F::Source, optional_text(&self.source, 200));
        match (name, unit, before, after, source) {
            (Some(name), Some(unit), Some(before), Some(after), Some(source)) if e.is_empty() => {
                Ok(IndicatorInput {
                    name,
                    unit,
                    before,
                    after,
                    higher_better: self.higher_better.trim() != "0",
                    source,
                })
            }
            _ => Err(e.into_vec()),
        }
    }
}

/// The monetary side of a program's results, as the evaluator estimated it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RoiInput {
    /// The yearly monetary benefit of the improvement (whole rupiah), before isolation and confidence.
    pub benefit: Option<i64>,
    /// How the training's share was isolated (one of [`ISOLATION_METHODS`]).
    pub isolation: String,
    /// The share of the benefit put down to the training (%).
    pub isolation_pct: Option<f64>,
    /// How confident the estimate is (%).
    pub confidence_pct: Option<f64>,
    /// Benefits not turned into money (better service, morale…), one per line.
    pub intangibles: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoiField {
    Benefit,
    Isolation,
    IsolationPct,
    ConfidencePct,
    Intangibles,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoiDraft {
    pub benefit: String,
    pub isolation: String,
    pub isolation_pct: String,
    pub confidence_pct: String,
    pub intangibles: String,
}

impl RoiDraft {
    pub fn parse(&self) -> Result<RoiInput, Vec<FieldError<RoiField>>> {
        use RoiField as F;
        let mut e = Errors::default();
        let benefit = e.check(
            F::Benefit,
            if self.benefit.trim().is_empty() {
                Ok(None)
            } else {
                super::program::parse_rupiah(&self.benefit).map(Some)
            },
        );
        let isolation = self.isolation.trim().to_string();
        if !isolation.is_empty() && !ISOLATION_METHODS.contains(&isolation.as_str()) {
            e.push(F::Isolation, Problem::UnknownChoice(isolation.clone()));
        }
        let isolation_pct = e.check(F::IsolationPct, percent(&self.isolation_pct));
        let confidence_pct = e.check(F::ConfidencePct, percent(&self.confidence_pct));
        let intangibles = if self.intangibles.chars().count() > 4000 {
            e.push(F::Intangibles, Problem::TooLong { max: 4000 });
            None
        } else {
            Some(self.intangibles.trim().to_string())
        };
        match (benefit, isolation_pct, confidence_pct, intangibles) {
            (Some(benefit), Some(isolation_pct), Some(confidence_pct), Some(intangibles))
                if e.is_empty() =>
            {
                Ok(RoiInput {
                    benefit,
                    isolation,
                    isolation_pct,
                    confidence_pct,
                    intangibles,
                })
            }
            _ => Err(e.into_vec()),
        }
    }
}

/// Phillips' figures: the adjusted benefit, the benefit–cost ratio and ROI in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Roi {
    pub adjusted_benefit: f64,
    pub bcr: f64,
    pub roi_pct: f64,
}

/// Why ROI cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoiMissing {
    NoBenefit,
    NoCost,
}

/// adjusted = benefit × isolation × confidence (each as a share; missing counts as 100%);
/// BCR = adjusted / cost; ROI % = (adjusted − cost) / cost × 100.
pub fn roi(input: &RoiInput, cost: i64) -> Result<Roi, RoiMissing> {
    let benefit = input.benefit.ok_or(RoiMissing::NoBenefit)?;
    if cost <= 0 {
        return Err(RoiMissing::NoCost);
    }
    let share = |p: Option<f64>| p.unwrap_or(100.0) / 100.0;
    let adjusted = benefit as f64 * share(input.isolation_pct) * share(input.confidence_pct);
    let cost = cost as f64;
    Ok(Roi {
        adjusted_benefit: adjusted,
        bcr: adjusted / cost,
        roi_pct: (adjusted - cost) / cost * 100.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phillips_roi_with_isolation_and_confidence() {
        // 200 juta benefit, 60% put down to the training, 80% confident: 96 juta against 40 juta.
        let input = RoiInput {
            benefit: Some(200_000_000),
            isolation: "estimasi_atasan".into(),
            isolation_pct: Some(60.0),
            confidence_pct: Some(80.0),
            intangibles: String::new(),
        };
        let r = roi(&input, 40_000_000).expect("computable");
        assert!((r.adjusted_benefit - 96_000_000.0).abs() < 1e-6);
        assert!((r.bcr - 2.4).abs() < 1e-12);
        assert!((r.roi_pct - 140.0).abs() < 1e-9);
    }

    #[test]
    fn roi_needs_a_benefit_and_a_cost() {
        assert_eq!(roi(&RoiInput::default(), 10), Err(RoiMissing::NoBenefit));
        let input = RoiInput {
            benefit: Some(10),
            ..RoiInput::default()
        };
        assert_eq!(roi(&input, 0), Err(RoiMissing::NoCost));
        // Without isolation or confidence, the whole benefit counts: ROI 0% at break-even.
        let r = roi(&input, 10).expect("computable");
        assert_eq!(r.roi_pct, 0.0);
    }

    #[test]
    fn indicators_improve_in_their_own_direction() {
        let time = IndicatorInput {
            name: "Waktu layanan".into(),
            unit: "hari".into(),
            before: Some(5.0),
            after: Some(3.0),
            higher_better: false,
            source: String::new(),
        };
        assert_eq!(time.improvement(), Some(2.0));
        assert_eq!(time.improvement_pct(), Some(40.0));
        let draft = IndicatorDraft {
            name: "".into(),
            before: "x".into(),
            higher_better: "1".into(),
            ..IndicatorDraft::default()
        };
        let fields: Vec<IndicatorField> = draft
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec![IndicatorField::Name, IndicatorField::Before]);
    }

    #[test]
    fn percentages_stay_within_0_and_100() {
        let bad = RoiDraft {
            isolation_pct: "120".into(),
            confidence_pct: "-5".into(),
            isolation: "tebakan".into(),
            ..RoiDraft::default()
        };
        let fields: Vec<RoiField> = bad
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                RoiField::Isolation,
                RoiField::IsolationPct,
                RoiField::ConfidencePct
            ]
        );
    }
}
