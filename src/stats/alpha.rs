//! Cronbach's alpha.

use super::NotComputable;
use super::descriptive::sample_variance;

/// Cronbach's alpha of a set of items.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Alpha {
    /// Complete cases: respondents who answered every item.
    pub respondents: usize,
    /// Number of items.
    pub items: usize,
    pub alpha: f64,
}

/// Cronbach's alpha, k/(k − 1) · (1 − Σ var(item) / var(total)), over the
/// respondents who answered every item (listwise deletion).
///
/// `rows` are respondents and columns items; `None` (or a non-finite value)
/// is missing, and a row shorter than the longest one misses its last items.
/// Needs at least two items and two complete cases, and a total score that
/// varies. Alpha is at most 1 and can be negative.
pub fn cronbach_alpha(rows: &[Vec<Option<f64>>]) -> Result<Alpha, NotComputable> {
    let items = rows.iter().map(Vec::len).max().unwrap_or(0);
    if items == 0 {
        return Err(NotComputable::NoData);
    }
    if items < 2 {
        return Err(NotComputable::TooFew {
            needed: 2,
            got: items,
        });
    }
    let complete: Vec<Vec<f64>> = rows
        .iter()
        .filter_map(|row| complete_case(row, items))
        .collect();
    let respondents = complete.len();
    let too_few = NotComputable::TooFew {
        needed: 2,
        got: respondents,
    };
    let totals: Vec<f64> = complete.iter().map(|row| row.iter().sum()).collect();
    let total_variance = sample_variance(&totals).ok_or(too_few)?;
    if total_variance <= 0.0 {
        return Err(NotComputable::ZeroVariance);
    }
    let item_variances: f64 = (0..items)
        .map(|item| {
            let column: Vec<f64> = complete.iter().map(|row| row[item]).collect();
            sample_variance(&column).unwrap_or(0.0)
        })
        .sum();
    let k = items as f64;
    Ok(Alpha {
        respondents,
        items,
        alpha: k / (k - 1.0) * (1.0 - item_variances / total_variance),
    })
}

/// The row's values when it has all `items` answers, all finite.
fn complete_case(row: &[Option<f64>], items: usize) -> Option<Vec<f64>> {
    if row.len() != items {
        return None;
    }
    row.iter()
        .map(|cell| cell.filter(|value| value.is_finite()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rows(data: &[&[f64]]) -> Vec<Vec<Option<f64>>> {
        data.iter()
            .map(|row| row.iter().copied().map(Some).collect())
            .collect()
    }

    #[test]
    fn known_value() {
        // Item variances 1, 1, 1; total scores 3, 6, 9 (variance 9):
        // alpha = 3/2 · (1 − 3/9) = 1.
        let a = cronbach_alpha(&rows(&[
            &[1.0, 1.0, 1.0],
            &[2.0, 2.0, 2.0],
            &[3.0, 3.0, 3.0],
        ]))
        .unwrap();
        assert_eq!((a.respondents, a.items), (3, 3));
        assert!((a.alpha - 1.0).abs() < 1e-12);
        // Two items, variances 1 and 1, total variance 1 (covariance −1/2): alpha = 2 · (1 − 2) = −2.
        let b = cronbach_alpha(&rows(&[&[1.0, 3.0], &[2.0, 1.0], &[3.0, 2.0]])).unwrap();
        assert!((b.alpha + 2.0).abs() < 1e-12);
    }

    #[test]
    fn listwise_deletion() {
        let mut data = rows(&[&[1.0, 2.0], &[2.0, 3.0], &[4.0, 4.0], &[3.0, 3.0]]);
        data[1][0] = None;
        data[2].pop();
        data[3][1] = Some(f64::NAN);
        assert_eq!(
            cronbach_alpha(&data),
            Err(NotComputable::TooFew { needed: 2, got: 1 })
        );
        data.push(vec![Some(5.0), Some(4.0)]);
        assert_eq!(cronbach_alpha(&data).unwrap().respondents, 2);
    }

    #[test]
    fn not_computable_cases() {
        assert_eq!(cronbach_alpha(&[]), Err(NotComputable::NoData));
        assert_eq!(
            cronbach_alpha(&[vec![], vec![]]),
            Err(NotComputable::NoData)
        );
        assert_eq!(
            cronbach_alpha(&rows(&[&[1.0], &[2.0]])),
            Err(NotComputable::TooFew { needed: 2, got: 1 })
        );
        assert_eq!(
            cronbach_alpha(&rows(&[&[1.0, 2.0], &[2.0, 1.0]])),
            Err(NotComputable::ZeroVariance)
        );
        assert_eq!(
            cronbach_alpha(&rows(&[&[3.0, 3.0], &[3.0, 3.0]])),
            Err(NotComputable::ZeroVariance)
        );
    }

    fn survey() -> impl Strategy<Value = Vec<Vec<Option<f64>>>> {
        let answer = prop::option::weighted(0.9, (1_u8..=5).prop_map(f64::from));
        (1_usize..8).prop_flat_map(move |items| {
            prop::collection::vec(prop::collection::vec(answer.clone(), items), 0..40)
        })
    }

    proptest! {
        #[test]
        fn alpha_is_at_most_one(rows in survey()) {
            if let Ok(a) = cronbach_alpha(&rows) {
                prop_assert!(a.alpha.is_finite() && a.alpha <= 1.0 + 1e-12);
                prop_assert!(a.respondents >= 2 && a.respondents <= rows.len());
                prop_assert!(a.items >= 2);
            }
        }

        #[test]
        fn never_panics(rows in prop::collection::vec(prop::collection::vec(prop::option::of(prop::num::f64::ANY), 0..5), 0..8)) {
            let _ = cronbach_alpha(&rows);
        }
    }
}
