//! Paired comparisons: Student's paired t-test and baseline/follow-up change,
//! plus the pair handling shared with the other paired figures.

use std::cmp::Ordering;

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::NotComputable;
use super::descriptive::{mean, sample_sd};

/// Differences are compared with zero and with each other (zero differences,
/// ties, signs) after rounding to a multiple of this, which hides
/// floating-point noise far below any meaningful score difference.
pub const DIFFERENCE_RESOLUTION: f64 = 1e-9;

/// Paired t-test of `post − pre`, two-sided.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PairedT {
    /// People with both scores.
    pub pairs: usize,
    pub pre_mean: f64,
    pub post_mean: f64,
    /// Mean of the differences `post − pre`.
    pub mean_diff: f64,
    /// Sample standard deviation of the differences.
    pub sd_diff: f64,
    /// t = mean_diff / (sd_diff / √pairs).
    pub t: f64,
    /// Degrees of freedom, pairs − 1.
    pub df: usize,
    /// Two-sided p-value, 2·P(T_df ≥ |t|).
    pub p: f64,
    /// 95 % confidence interval of the mean difference.
    pub ci95: (f64, f64),
    /// Cohen's d_z = mean_diff / sd_diff.
    pub cohen_dz: f64,
}

/// Change between baseline and follow-up (behaviour level).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Change {
    /// People with both scores.
    pub pairs: usize,
    pub baseline_mean: f64,
    pub followup_mean: f64,
    /// Mean of `follow-up − baseline`.
    pub mean_change: f64,
    /// Follow-up above baseline.
    pub improved: usize,
    /// Follow-up equal to baseline (within [`DIFFERENCE_RESOLUTION`]).
    pub same: usize,
    /// Follow-up below baseline.
    pub worse: usize,
}

impl Change {
    /// Percentage (0–100) of people whose score rose.
    pub fn improved_pct(&self) -> f64 {
        100.0 * self.improved as f64 / self.pairs.max(1) as f64
    }
}

/// Paired Student's t-test of `post − pre` over `(pre, post)` pairs.
///
/// Pairs with a non-finite value are skipped. Needs at least two pairs whose
/// differences are not all equal (otherwise t is undefined: `ZeroVariance`).
pub fn paired_t(pairs: &[(f64, f64)]) -> Result<PairedT, NotComputable> {
    let sample = PairedSample::new(pairs)?;
    let n = sample.len();
    let too_few = NotComputable::TooFew { needed: 2, got: n };
    let sd_diff = sample_sd(&sample.diffs).ok_or(too_few)?;
    if !has_spread(&sample.diffs) || sd_diff <= 0.0 {
        return Err(NotComputable::ZeroVariance);
    }
    let df = n - 1;
    let dist = StudentsT::new(0.0, 1.0, df as f64).map_err(|_| too_few)?;
    let means = sample.means();
    let se = sd_diff / (n as f64).sqrt();
    let t = means.diff / se;
    let half_width = dist.inverse_cdf(0.975) * se;
    Ok(PairedT {
        pairs: n,
        pre_mean: means.pre,
        post_mean: means.post,
        mean_diff: means.diff,
        sd_diff,
        t,
        df,
        p: (2.0 * dist.sf(t.abs())).clamp(0.0, 1.0),
        ci95: (means.diff - half_width, means.diff + half_width),
        cohen_dz: means.diff / sd_diff,
    })
}

/// Change over `(baseline, follow-up)` pairs: the means, the mean change, and
/// how many people improved, stayed the same or got worse.
///
/// Pairs with a non-finite value are skipped.
pub fn change(pairs: &[(f64, f64)]) -> Result<Change, NotComputable> {
    let sample = PairedSample::new(pairs)?;
    let means = sample.means();
    let count = |wanted: Ordering| {
        sample
            .diffs
            .iter()
            .filter(|&&d| direction(d) == wanted)
            .count()
    };
    Ok(Change {
        pairs: sample.len(),
        baseline_mean: means.pre,
        followup_mean: means.post,
        mean_change: means.diff,
        improved: count(Ordering::Greater),
        same: count(Ordering::Equal),
        worse: count(Ordering::Less),
    })
}

/// The usable pairs of a paired sample (both values and their difference
/// finite) and their differences `post − pre`; never empty.
pub(crate) struct PairedSample {
    pairs: Vec<(f64, f64)>,
    pub(crate) diffs: Vec<f64>,
}

/// Means of the first values, the second values and the differences.
struct PairedMeans {
    pre: f64,
    post: f64,
    diff: f64,
}

impl PairedSample {
    /// Keeps the usable pairs; `NoPairs` when there are none.
    pub(crate) fn new(pairs: &[(f64, f64)]) -> Result<Self, NotComputable> {
        let pairs: Vec<(f64, f64)> = pairs
            .iter()
            .copied()
            .filter(|&(pre, post)| (post - pre).is_finite())
            .collect();
        if pairs.is_empty() {
            return Err(NotComputable::NoPairs);
        }
        let diffs = pairs.iter().map(|&(pre, post)| post - pre).collect();
        Ok(Self { pairs, diffs })
    }

    pub(crate) fn len(&self) -> usize {
        self.pairs.len()
    }

    fn means(&self) -> PairedMeans {
        let column = |pick: fn(&(f64, f64)) -> f64| {
            let values: Vec<f64> = self.pairs.iter().map(pick).collect();
            mean(&values).unwrap_or(0.0)
        };
        PairedMeans {
            pre: column(|p| p.0),
            post: column(|p| p.1),
            diff: mean(&self.diffs).unwrap_or(0.0),
        }
    }
}

/// A difference rounded to a multiple of [`DIFFERENCE_RESOLUTION`]
/// (unchanged if it is too large to round).
pub(crate) fn settle(d: f64) -> f64 {
    let settled = (d / DIFFERENCE_RESOLUTION).round() * DIFFERENCE_RESOLUTION;
    if settled.is_finite() { settled } else { d }
}

/// Whether a difference is positive, zero or negative once settled.
pub(crate) fn direction(d: f64) -> Ordering {
    settle(d).partial_cmp(&0.0).unwrap_or(Ordering::Equal)
}

/// Whether the settled differences are not all the same.
fn has_spread(diffs: &[f64]) -> bool {
    let mut settled = diffs.iter().map(|&d| settle(d));
    settled
        .next()
        .is_some_and(|first| settled.any(|d| d != first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn student_1908_sleep_data() {
        // Student (1908), drug B − drug A: t = 4.0621, df = 9, p = 0.002833.
        let a = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        let b = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
        let pairs: Vec<(f64, f64)> = a.into_iter().zip(b).collect();
        let t = paired_t(&pairs).unwrap();
        assert_eq!((t.pairs, t.df), (10, 9));
        assert!((t.t - 4.0621).abs() < 5e-5);
        assert!((t.p - 0.002833).abs() < 5e-7);
        assert!(close(t.mean_diff, 1.58));
        assert!(t.ci95.0 < t.mean_diff && t.mean_diff < t.ci95.1);
        assert!(close(t.cohen_dz, t.mean_diff / t.sd_diff));
    }

    #[test]
    fn not_computable_cases() {
        assert_eq!(paired_t(&[]), Err(NotComputable::NoPairs));
        assert_eq!(
            paired_t(&[(1.0, 2.0)]),
            Err(NotComputable::TooFew { needed: 2, got: 1 })
        );
        assert_eq!(
            paired_t(&[(1.0, 3.0), (5.0, 7.0), (0.0, 2.0)]),
            Err(NotComputable::ZeroVariance)
        );
        assert_eq!(
            paired_t(&[(4.0, 4.0), (9.0, 9.0)]),
            Err(NotComputable::ZeroVariance)
        );
    }

    #[test]
    fn floating_point_noise_is_not_variance() {
        // 0.3 − 0.2 and 0.2 − 0.1 differ in the last bit.
        assert_ne!(0.3 - 0.2, 0.2 - 0.1);
        assert_eq!(
            paired_t(&[(0.2, 0.3), (0.1, 0.2)]),
            Err(NotComputable::ZeroVariance)
        );
    }

    #[test]
    fn non_finite_pairs_are_skipped() {
        let pairs = [
            (1.0, 2.0),
            (f64::NAN, 3.0),
            (2.0, 5.0),
            (1.0, f64::INFINITY),
        ];
        assert_eq!(paired_t(&pairs).unwrap().pairs, 2);
        assert_eq!(change(&pairs).unwrap().pairs, 2);
        assert_eq!(paired_t(&[(f64::NAN, 1.0)]), Err(NotComputable::NoPairs));
    }

    #[test]
    fn change_counts_directions() {
        let c = change(&[
            (2.0, 3.0),
            (3.0, 3.0),
            (4.0, 2.0),
            (1.0, 4.0),
            (0.2, 0.1 + 0.1),
        ])
        .unwrap();
        assert_eq!((c.pairs, c.improved, c.same, c.worse), (5, 2, 2, 1));
        assert!(close(c.baseline_mean, 2.04));
        assert!(close(c.followup_mean, 2.44));
        assert!(close(c.mean_change, 0.4));
        assert!(close(c.improved_pct(), 40.0));
        assert_eq!(change(&[]), Err(NotComputable::NoPairs));
    }

    #[test]
    fn change_of_one_person() {
        let c = change(&[(2.0, 3.0)]).unwrap();
        assert_eq!((c.pairs, c.improved), (1, 1));
    }

    #[test]
    fn settle_rounds_to_resolution() {
        assert_eq!(settle(0.3 - 0.2), settle(0.2 - 0.1));
        assert_eq!(direction(1e-12), Ordering::Equal);
        assert_eq!(direction(-0.0), Ordering::Equal);
        assert_eq!(direction(2e-9), Ordering::Greater);
        assert_eq!(settle(f64::MAX), f64::MAX);
    }

    fn scores() -> impl Strategy<Value = Vec<(f64, f64)>> {
        prop::collection::vec((0.0..100.0_f64, 0.0..100.0_f64), 0..40)
    }

    proptest! {
        #[test]
        fn p_is_a_probability_and_figures_are_finite(pairs in scores()) {
            if let Ok(t) = paired_t(&pairs) {
                prop_assert!((0.0..=1.0).contains(&t.p));
                prop_assert!(t.t.is_finite() && t.sd_diff > 0.0);
                prop_assert!(t.ci95.0 <= t.mean_diff && t.mean_diff <= t.ci95.1);
                prop_assert_eq!(t.df + 1, t.pairs);
            }
        }

        #[test]
        fn swapping_pre_and_post_flips_t_and_keeps_p(pairs in scores()) {
            let swapped: Vec<(f64, f64)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
            match (paired_t(&pairs), paired_t(&swapped)) {
                (Ok(x), Ok(y)) => {
                    prop_assert!(close(x.t, -y.t));
                    prop_assert!(close(x.p, y.p));
                    prop_assert!(close(x.cohen_dz, -y.cohen_dz));
                }
                (x, y) => prop_assert_eq!(x.err(), y.err()),
            }
        }

        #[test]
        fn change_partitions_the_people(pairs in scores()) {
            if let Ok(c) = change(&pairs) {
                prop_assert_eq!(c.improved + c.same + c.worse, c.pairs);
                prop_assert!(close(c.mean_change, c.followup_mean - c.baseline_mean));
            } else {
                prop_assert!(pairs.is_empty());
            }
        }

        #[test]
        fn never_panics(pairs in prop::collection::vec((prop::num::f64::ANY, prop::num::f64::ANY), 0..12)) {
            let _ = paired_t(&pairs);
            let _ = change(&pairs);
        }
    }
}
