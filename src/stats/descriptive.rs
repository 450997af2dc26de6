//! Descriptive statistics and the small helpers the other modules build on.

/// Summary of a sample. Non-finite values are ignored, so `n` counts finite values.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Describe {
    pub n: usize,
    /// Arithmetic mean; `None` when `n = 0`.
    pub mean: Option<f64>,
    /// Sample standard deviation (divisor n − 1); `None` when `n < 2`.
    pub sd: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Middle value, or the mean of the two middle values when `n` is even.
    pub median: Option<f64>,
}

/// Describes a sample: count, mean, sample sd, min, max and median.
pub fn describe(xs: &[f64]) -> Describe {
    let mut values = finite(xs);
    values.sort_by(f64::total_cmp);
    Describe {
        n: values.len(),
        mean: mean(&values),
        sd: sample_sd(&values),
        min: values.first().copied(),
        max: values.last().copied(),
        median: median_of_sorted(&values),
    }
}

/// The finite values of `xs`, in order.
pub(crate) fn finite(xs: &[f64]) -> Vec<f64> {
    xs.iter().copied().filter(|x| x.is_finite()).collect()
}

/// Arithmetic mean; `None` for an empty slice.
pub(crate) fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        None
    } else {
        Some(xs.iter().sum::<f64>() / xs.len() as f64)
    }
}

/// Sample variance Σ(x − x̄)² / (n − 1), computed in two passes; `None` when `n < 2`.
pub(crate) fn sample_variance(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    let squares: f64 = xs.iter().map(|x| (x - m).powi(2)).sum();
    Some(squares / (xs.len() - 1) as f64)
}

/// Sample standard deviation (divisor n − 1); `None` when `n < 2`.
pub(crate) fn sample_sd(xs: &[f64]) -> Option<f64> {
    sample_variance(xs).map(f64::sqrt)
}

/// Median of values already sorted ascending; `None` for an empty slice.
fn median_of_sorted(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_sample_has_no_figures() {
        let d = describe(&[]);
        assert_eq!(d.n, 0);
        assert_eq!(
            (d.mean, d.sd, d.min, d.max, d.median),
            (None, None, None, None, None)
        );
    }

    #[test]
    fn single_value_has_no_sd() {
        let d = describe(&[7.0]);
        assert_eq!(
            (d.n, d.mean, d.sd, d.median),
            (1, Some(7.0), None, Some(7.0))
        );
    }

    #[test]
    fn known_sample() {
        let d = describe(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!(d.n, 8);
        assert_eq!(d.mean, Some(5.0));
        assert!((d.sd.unwrap() - (32.0_f64 / 7.0).sqrt()).abs() < 1e-12);
        assert_eq!((d.min, d.max, d.median), (Some(2.0), Some(9.0), Some(4.5)));
    }

    #[test]
    fn non_finite_values_are_missing() {
        let d = describe(&[1.0, f64::NAN, 3.0, f64::INFINITY]);
        assert_eq!((d.n, d.mean, d.median), (2, Some(2.0), Some(2.0)));
    }

    #[test]
    fn all_equal_values_have_zero_sd() {
        assert_eq!(describe(&[3.5; 5]).sd, Some(0.0));
    }

    proptest! {
        #[test]
        fn summary_is_ordered(xs in prop::collection::vec(-1e6..1e6_f64, 1..60)) {
            let d = describe(&xs);
            let (min, max) = (d.min.unwrap(), d.max.unwrap());
            prop_assert!(min <= d.median.unwrap() && d.median.unwrap() <= max);
            let m = d.mean.unwrap();
            prop_assert!(min - 1e-6 <= m && m <= max + 1e-6);
            prop_assert!(d.sd.is_none_or(|sd| sd >= 0.0));
        }
    }
}
