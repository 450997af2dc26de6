//! IKM, Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017).

use super::NotComputable;
use super::likert::likert_item;

/// The regulation's number of service elements.
pub const IKM_ELEMENTS: usize = 9;
/// Each element is scored 1–4.
pub const IKM_SCALE: (u8, u8) = (1, 4);
/// NRR (1–4) times this gives the 25–100 index.
const CONVERSION: f64 = 25.0;

/// IKM grade (mutu pelayanan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum IkmGrade {
    /// 88.31–100, Sangat Baik
    A,
    /// 76.61–88.30, Baik
    B,
    /// 65.00–76.60, Kurang Baik
    C,
    /// 25.00–64.99, Tidak Baik
    D,
}

impl IkmGrade {
    /// Grade of an index on the 25–100 scale, judged on the index rounded to
    /// two decimals (as it is reported), so 88.305 is shown 88.31 and graded A.
    pub fn from_index(index: f64) -> Self {
        let hundredths = (index * 100.0).round();
        if hundredths >= 8831.0 {
            Self::A
        } else if hundredths >= 7661.0 {
            Self::B
        } else if hundredths >= 6500.0 {
            Self::C
        } else {
            Self::D
        }
    }
}

/// IKM result: each element's NRR, the index and its grade.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ikm {
    /// Nilai rata-rata per element: the mean of its valid answers (1–4).
    pub nrr: Vec<Option<f64>>,
    /// Index on the 25–100 scale.
    pub index: f64,
    pub grade: IkmGrade,
}

/// IKM over survey `rows` (respondents × elements, usually the regulation's
/// [`IKM_ELEMENTS`]; `None` or a score outside 1–4 is missing).
///
/// NRR per element = mean of its answers; index = 25 × mean of the NRRs, or
/// with `weights` (one per element) 25 × Σ wᵢ·NRRᵢ / Σ wᵢ, which is the
/// regulation's weighted mean when the weights sum to 1.
///
/// The elements are the columns of the longest row, or the weights if there
/// are more of them. Not computable: `NoData` without rows or elements, or
/// with a negative or non-finite weight, or all weights zero; `TooFew` when
/// there are fewer weights than elements (`got` counts the weights), or an
/// element has no valid answer (`got` counts the answered elements).
pub fn ikm(rows: &[Vec<Option<u8>>], weights: Option<&[f64]>) -> Result<Ikm, NotComputable> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let elements = columns.max(weights.map_or(0, <[f64]>::len));
    if rows.is_empty() || elements == 0 {
        return Err(NotComputable::NoData);
    }
    let weights = match weights {
        Some(weights) => weights.to_vec(),
        None => vec![1.0; elements],
    };
    if weights.len() < elements {
        return Err(NotComputable::TooFew {
            needed: elements,
            got: weights.len(),
        });
    }
    let nrr: Vec<Option<f64>> = (0..elements)
        .map(|element| element_nrr(rows, element))
        .collect();
    let answered: Vec<f64> = nrr.iter().flatten().copied().collect();
    if answered.len() < elements {
        return Err(NotComputable::TooFew {
            needed: elements,
            got: answered.len(),
        });
    }
    let index = CONVERSION * weighted_mean(&answered, &weights).ok_or(NotComputable::NoData)?;
    Ok(Ikm {
        nrr,
        index,
        grade: IkmGrade::from_index(index),
    })
}

/// Σ wᵢ·xᵢ / Σ wᵢ; `None` unless every weight is finite and non-negative
/// and one is positive. Weights are scaled by the largest first, so equal
/// weights give exactly the plain mean and large weights cannot overflow.
fn weighted_mean(values: &[f64], weights: &[f64]) -> Option<f64> {
    if !weights.iter().all(|w| w.is_finite() && *w >= 0.0) {
        return None;
    }
    let largest = weights.iter().copied().fold(0.0, f64::max);
    if largest <= 0.0 {
        return None;
    }
    let scaled = || weights.iter().map(move |w| w / largest);
    let total: f64 = values.iter().zip(scaled()).map(|(x, w)| x * w).sum();
    Some(total / scaled().sum::<f64>())
}

/// Mean of one element's valid answers; `None` when it has none.
fn element_nrr(rows: &[Vec<Option<u8>>], element: usize) -> Option<f64> {
    let answers: Vec<Option<u8>> = rows
        .iter()
        .map(|row| row.get(element).copied().flatten())
        .collect();
    likert_item(&answers, IKM_SCALE).mean
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn survey(rows: &[[u8; IKM_ELEMENTS]]) -> Vec<Vec<Option<u8>>> {
        rows.iter()
            .map(|row| row.iter().copied().map(Some).collect())
            .collect()
    }

    #[test]
    fn equal_weights() {
        let rows = survey(&[[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 2, 4, 3, 3]]);
        let result = ikm(&rows, None).unwrap();
        assert_eq!(result.nrr[0], Some(3.5));
        assert_eq!(result.nrr[5], Some(2.5));
        // Mean NRR = (3.5 + 3 + 3.5 + 4 + 3 + 2.5 + 4 + 3 + 3) / 9 = 29.5 / 9.
        assert!((result.index - 25.0 * 29.5 / 9.0).abs() < 1e-12);
        assert_eq!(result.grade, IkmGrade::B);
    }

    #[test]
    fn weights_are_a_weighted_mean() {
        let rows = survey(&[[4, 4, 4, 4, 4, 4, 4, 4, 1]]);
        let mut weights = [0.1; IKM_ELEMENTS];
        weights[8] = 0.2;
        let result = ikm(&rows, Some(&weights)).unwrap();
        assert!((result.index - 25.0 * (0.8 * 4.0 + 0.2 * 1.0)).abs() < 1e-12);
        // Weights not summing to 1 are normalised.
        let doubled = weights.map(|w| 2.0 * w);
        assert!((ikm(&rows, Some(&doubled)).unwrap().index - result.index).abs() < 1e-12);
    }

    #[test]
    fn extremes_and_missing_answers() {
        assert_eq!(ikm(&survey(&[[4; 9]]), None).unwrap().index, 100.0);
        let worst = ikm(&survey(&[[1; 9]]), None).unwrap();
        assert_eq!((worst.index, worst.grade), (25.0, IkmGrade::D));
        let mut rows = survey(&[[4; 9], [2; 9]]);
        rows[1][0] = None;
        rows[1][1] = Some(7); // out of scale: missing
        let result = ikm(&rows, None).unwrap();
        assert_eq!(&result.nrr[..3], [Some(4.0), Some(4.0), Some(3.0)]);
    }

    #[test]
    fn grade_thresholds() {
        let grade = IkmGrade::from_index;
        assert_eq!(grade(100.0), IkmGrade::A);
        assert_eq!(grade(88.31), IkmGrade::A);
        assert_eq!(grade(88.305), IkmGrade::A);
        assert_eq!(grade(88.30), IkmGrade::B);
        assert_eq!(grade(76.61), IkmGrade::B);
        assert_eq!(grade(76.60), IkmGrade::C);
        assert_eq!(grade(65.0), IkmGrade::C);
        assert_eq!(grade(64.99), IkmGrade::D);
        assert_eq!(grade(25.0), IkmGrade::D);
    }

    #[test]
    fn not_computable_cases() {
        assert_eq!(ikm(&[], None), Err(NotComputable::NoData));
        assert_eq!(ikm(&[vec![]], None), Err(NotComputable::NoData));
        let mut rows = survey(&[[3; 9], [4; 9]]);
        for row in &mut rows {
            row[4] = None;
        }
        assert_eq!(
            ikm(&rows, None),
            Err(NotComputable::TooFew { needed: 9, got: 8 })
        );
        let rows = survey(&[[3; 9]]);
        assert_eq!(
            ikm(&rows, Some(&[0.5; 4])),
            Err(NotComputable::TooFew { needed: 9, got: 4 })
        );
        assert_eq!(
            ikm(&rows, Some(&[0.1; 10])),
            Err(NotComputable::TooFew { needed: 10, got: 9 })
        );
        assert_eq!(ikm(&rows, Some(&[0.0; 9])), Err(NotComputable::NoData));
        let mut negative = [0.125; 9];
        negative[0] = -0.125;
        assert_eq!(ikm(&rows, Some(&negative)), Err(NotComputable::NoData));
        let mut nan = [0.1; 9];
        nan[3] = f64::NAN;
        assert_eq!(ikm(&rows, Some(&nan)), Err(NotComputable::NoData));
    }

    proptest! {
        #[test]
        fn index_is_on_the_25_to_100_scale(
            rows in prop::collection::vec(prop::collection::vec(prop::option::weighted(0.95, 1_u8..=4), IKM_ELEMENTS), 1..30),
            weights in prop::option::of(prop::collection::vec(0.01..1.0_f64, IKM_ELEMENTS)),
        ) {
            if let Ok(result) = ikm(&rows, weights.as_deref()) {
                prop_assert!((25.0 - 1e-9..=100.0 + 1e-9).contains(&result.index));
                prop_assert_eq!(result.grade, IkmGrade::from_index(result.index));
                prop_assert_eq!(result.nrr.len(), IKM_ELEMENTS);
            }
        }

        #[test]
        fn never_panics(
            rows in prop::collection::vec(prop::collection::vec(prop::option::of(any::<u8>()), 0..11), 0..6),
            weights in prop::option::of(prop::collection::vec(prop::num::f64::ANY, 0..11)),
        ) {
            let _ = ikm(&rows, weights.as_deref());
        }
    }
}
