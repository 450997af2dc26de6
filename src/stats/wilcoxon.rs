//! Wilcoxon signed-rank test of paired differences.

use statrs::distribution::{ContinuousCDF, Normal};

use super::NotComputable;
use super::paired::{PairedSample, settle};

/// Largest number of non-zero differences for which the exact null
/// distribution is used (when there are also no ties and no zeros).
pub const EXACT_MAX_N: usize = 50;

/// How the p-value of a signed-rank test was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WilcoxonMethod {
    /// The exact null distribution of W.
    Exact,
    /// The normal approximation, with the tie correction and no continuity correction.
    Normal,
}

/// Wilcoxon signed-rank test of `post − pre`, two-sided.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Wilcoxon {
    /// Non-zero differences (the ones ranked).
    pub n: usize,
    /// The smaller of the positive and negative rank sums.
    pub w: f64,
    /// Two-sided p-value.
    pub p: f64,
    pub method: WilcoxonMethod,
}

/// Wilcoxon signed-rank test of `post − pre` over `(pre, post)` pairs.
///
/// Zero differences are dropped; the rest are ranked by absolute value, tied
/// values getting their average rank. W = min(R⁺, R⁻). The two-sided p-value is
/// exact, min(1, 2·P(W ≤ w)), when there are no ties, no zero differences and
/// n ≤ [`EXACT_MAX_N`]; otherwise it comes from the normal approximation with
/// mean n(n+1)/4 and variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie groups
/// of size t, without continuity correction. Pairs with a non-finite value
/// are skipped; ties and zeros are judged as described in [`super`].
pub fn wilcoxon_signed_rank(pairs: &[(f64, f64)]) -> Result<Wilcoxon, NotComputable> {
    let sample = PairedSample::new(pairs)?;
    let nonzero: Vec<f64> = sample
        .diffs
        .iter()
        .map(|&d| settle(d))
        .filter(|&d| d != 0.0)
        .collect();
    let n = nonzero.len();
    if n == 0 {
        return Err(NotComputable::AllDifferencesZero);
    }
    let had_zeros = n < sample.len();
    let ranked = rank_by_magnitude(&nonzero);
    let positive: f64 = nonzero
        .iter()
        .zip(&ranked.ranks)
        .filter(|&(&d, _)| d > 0.0)
        .map(|(_, &rank)| rank)
        .sum();
    let total = (n * (n + 1)) as f64 / 2.0;
    let w = positive.min(total - positive);
    let has_ties = ranked.tie_sizes.iter().any(|&t| t > 1);
    let (p, method) = if !has_ties && !had_zeros && n <= EXACT_MAX_N {
        (exact_p(n, w), WilcoxonMethod::Exact)
    } else {
        (normal_p(n, w, &ranked.tie_sizes), WilcoxonMethod::Normal)
    };
    Ok(Wilcoxon { n, w, p, method })
}

/// Ranks 1..=n of values by absolute value, ties sharing their average rank.
struct Ranked {
    /// Rank of each value, in the input's order.
    ranks: Vec<f64>,
    /// Size of each group of equal absolute values (1 for an untied value).
    tie_sizes: Vec<usize>,
}

fn rank_by_magnitude(values: &[f64]) -> Ranked {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].abs().total_cmp(&values[b].abs()));
    let mut ranks = vec![0.0; values.len()];
    let mut tie_sizes = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let magnitude = values[order[start]].abs();
        let size = order[start..]
            .iter()
            .take_while(|&&i| values[i].abs() == magnitude)
            .count();
        // Positions start+1 ..= start+size share their mean.
        let average_rank = start as f64 + (size as f64 + 1.0) / 2.0;
        for &i in &order[start..start + size] {
            ranks[i] = average_rank;
        }
        tie_sizes.push(size);
        start += size;
    }
    Ranked { ranks, tie_sizes }
}

/// Number of subsets of the ranks {1, …, n} with each possible sum 0..=n(n+1)/2,
/// i.e. the exact null distribution of a rank sum times 2ⁿ.
/// Exact in `u64` for n ≤ 63; callers stay at n ≤ [`EXACT_MAX_N`].
fn subset_sum_counts(n: usize) -> Vec<u64> {
    let max_sum = n * (n + 1) / 2;
    let mut counts = vec![0_u64; max_sum + 1];
    counts[0] = 1;
    for rank in 1..=n {
        for sum in (rank..=max_sum).rev() {
            counts[sum] += counts[sum - rank];
        }
    }
    counts
}

/// Exact two-sided p-value min(1, 2·P(W ≤ w)) for n untied, non-zero differences.
fn exact_p(n: usize, w: f64) -> f64 {
    let counts = subset_sum_counts(n);
    let last = (w.max(0.0).floor() as usize).min(counts.len() - 1);
    let at_most: u64 = counts[..=last].iter().sum();
    let total: u64 = counts.iter().sum();
    (2.0 * at_most as f64 / total as f64).min(1.0)
}

/// Two-sided p-value of the normal approximation with the tie correction,
/// without continuity correction.
fn normal_p(n: usize, w: f64, tie_sizes: &[usize]) -> f64 {
    let nf = n as f64;
    let tie_correction: f64 = tie_sizes
        .iter()
        .map(|&t| (t as f64).powi(3) - t as f64)
        .sum::<f64>()
        / 48.0;
    let variance = nf * (nf + 1.0) * (2.0 * nf + 1.0) / 24.0 - tie_correction;
    if variance <= 0.0 {
        return 1.0;
    }
    let z = (w - nf * (nf + 1.0) / 4.0) / variance.sqrt();
    (2.0 * Normal::standard().sf(z.abs())).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pairs whose differences are `diffs` (pre = 0).
    fn from_diffs(diffs: &[f64]) -> Vec<(f64, f64)> {
        diffs.iter().map(|&d| (0.0, d)).collect()
    }

    #[test]
    fn all_positive_five_is_exact() {
        let w = wilcoxon_signed_rank(&from_diffs(&[1.0, 2.0, 3.0, 4.0, 5.0])).unwrap();
        assert_eq!((w.n, w.w, w.method), (5, 0.0, WilcoxonMethod::Exact));
        assert_eq!(w.p, 2.0 / 32.0);
    }

    #[test]
    fn exact_table_value() {
        // n = 10, ranks 1, 2 and 5 negative: W = 8; 25 of the 1024 sign patterns
        // have W⁻ ≤ 8, so p = 2 · 25 / 1024 (the classic 5 % critical value).
        let diffs = [-1.0, -2.0, 3.0, 4.0, -5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        let w = wilcoxon_signed_rank(&from_diffs(&diffs)).unwrap();
        assert_eq!(w.w, 8.0);
        assert_eq!(w.p, 50.0 / 1024.0);
        assert_eq!(w.method, WilcoxonMethod::Exact);
    }

    #[test]
    fn balanced_signs_give_p_one() {
        let w = wilcoxon_signed_rank(&from_diffs(&[-1.0, 2.0, -3.0, 4.0, 5.0, -6.0])).unwrap();
        assert_eq!(w.w, 10.0);
        assert_eq!(w.p, 1.0);
    }

    #[test]
    fn ties_and_zeros_use_the_normal_approximation() {
        // Student (1908) sleep data: one zero difference and one tie (1.3, 1.3).
        // SciPy: W = 0, p = 0.007632441648205508.
        let diffs = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4];
        let w = wilcoxon_signed_rank(&from_diffs(&diffs)).unwrap();
        assert_eq!((w.n, w.w, w.method), (9, 0.0, WilcoxonMethod::Normal));
        assert!((w.p - 0.007632441648205508).abs() < 1e-9);
    }

    #[test]
    fn zero_difference_alone_forces_normal() {
        let w = wilcoxon_signed_rank(&from_diffs(&[0.0, 1.0, 2.0, 3.0])).unwrap();
        assert_eq!((w.n, w.method), (3, WilcoxonMethod::Normal));
    }

    #[test]
    fn large_n_uses_normal() {
        let diffs: Vec<f64> = (1..=EXACT_MAX_N + 1).map(|d| d as f64).collect();
        let w = wilcoxon_signed_rank(&from_diffs(&diffs)).unwrap();
        assert_eq!(w.method, WilcoxonMethod::Normal);
        let diffs = &diffs[..EXACT_MAX_N];
        let w = wilcoxon_signed_rank(&from_diffs(diffs)).unwrap();
        assert_eq!(w.method, WilcoxonMethod::Exact);
        assert!(w.p > 0.0 && w.p < 1e-9);
    }

    #[test]
    fn not_computable_cases() {
        assert_eq!(wilcoxon_signed_rank(&[]), Err(NotComputable::NoPairs));
        assert_eq!(
            wilcoxon_signed_rank(&[(3.0, 3.0), (0.2 - 0.1, 0.3 - 0.2)]),
            Err(NotComputable::AllDifferencesZero)
        );
    }

    #[test]
    fn one_difference() {
        let w = wilcoxon_signed_rank(&[(1.0, 2.0)]).unwrap();
        assert_eq!((w.n, w.w, w.p), (1, 0.0, 1.0));
    }

    #[test]
    fn average_ranks_for_ties() {
        let ranked = rank_by_magnitude(&[3.0, -1.0, 1.0, 2.0, -3.0, 3.0]);
        assert_eq!(ranked.ranks, [5.0, 1.5, 1.5, 3.0, 5.0, 5.0]);
        assert_eq!(ranked.tie_sizes, [2, 1, 3]);
    }

    #[test]
    fn subset_counts_are_the_null_distribution() {
        assert_eq!(subset_sum_counts(3), [1, 1, 1, 2, 1, 1, 1]);
        let counts = subset_sum_counts(EXACT_MAX_N);
        assert_eq!(counts.iter().sum::<u64>(), 1 << EXACT_MAX_N);
        assert!(counts.iter().eq(counts.iter().rev()));
    }

    #[test]
    fn exact_and_normal_agree_for_large_n() {
        let n = 40;
        let w = 250.0;
        let ties = vec![1; n];
        assert!((exact_p(n, w) - normal_p(n, w, &ties)).abs() < 0.01);
    }

    proptest! {
        #[test]
        fn statistic_and_p_are_in_range(diffs in prop::collection::vec(-20_i32..=20, 0..70)) {
            let diffs: Vec<f64> = diffs.into_iter().map(f64::from).collect();
            if let Ok(w) = wilcoxon_signed_rank(&from_diffs(&diffs)) {
                let n = w.n as f64;
                prop_assert!(w.w >= 0.0 && w.w <= n * (n + 1.0) / 4.0);
                prop_assert!((0.0..=1.0).contains(&w.p));
            }
        }

        #[test]
        fn swapping_pre_and_post_keeps_w_and_p(diffs in prop::collection::vec(-50.0..50.0_f64, 1..30)) {
            let pairs = from_diffs(&diffs);
            let swapped: Vec<(f64, f64)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
            prop_assert_eq!(wilcoxon_signed_rank(&pairs), wilcoxon_signed_rank(&swapped));
        }

        #[test]
        fn never_panics(pairs in prop::collection::vec((prop::num::f64::ANY, prop::num::f64::ANY), 0..12)) {
            let _ = wilcoxon_signed_rank(&pairs);
        }
    }
}
