//! Likert items.

use super::descriptive::{mean, sample_sd};

/// Summary of one Likert item over its non-missing answers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LikertItem {
    /// Answers on the scale (missing and out-of-scale answers are left out).
    pub n: usize,
    /// Mean answer; `None` when `n = 0`.
    pub mean: Option<f64>,
    /// Sample standard deviation; `None` when `n < 2`.
    pub sd: Option<f64>,
    /// Percentage (0–100) of answers in the top two points; `None` when `n = 0`.
    pub favorable_pct: Option<f64>,
    /// Number of answers at each scale point, from low to high.
    pub counts: Vec<usize>,
}

/// Summarizes a Likert item answered on the inclusive `scale` (low, high).
///
/// `None` is a missing answer; an answer outside the scale is treated as
/// missing too. Favorable answers are the top two points of the scale (the
/// top point alone on a one-point scale). An inverted scale (low > high) has
/// no points, so every answer is out of it.
pub fn likert_item(answers: &[Option<u8>], scale: (u8, u8)) -> LikertItem {
    let (low, high) = scale;
    let on_scale: Vec<u8> = answers
        .iter()
        .flatten()
        .copied()
        .filter(|answer| (low..=high).contains(answer))
        .collect();
    let counts: Vec<usize> = (low..=high)
        .map(|point| on_scale.iter().filter(|&&answer| answer == point).count())
        .collect();
    let values: Vec<f64> = on_scale.iter().copied().map(f64::from).collect();
    let favorable: usize = counts.iter().rev().take(2).sum();
    LikertItem {
        n: on_scale.len(),
        mean: mean(&values),
        sd: sample_sd(&values),
        favorable_pct: percentage(favorable, on_scale.len()),
        counts,
    }
}

/// `part` as a percentage of `whole`; `None` when `whole = 0`.
fn percentage(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn five_point_item() {
        let answers = [Some(5), Some(4), None, Some(3), Some(4), Some(1)];
        let item = likert_item(&answers, (1, 5));
        assert_eq!(item.n, 5);
        assert_eq!(item.counts, [1, 0, 1, 2, 1]);
        assert_eq!(item.mean, Some(3.4));
        assert!((item.sd.unwrap() - 1.516_575_088_810_309_6).abs() < 1e-12);
        assert_eq!(item.favorable_pct, Some(60.0));
    }

    #[test]
    fn out_of_scale_answers_are_missing() {
        let item = likert_item(&[Some(0), Some(5), Some(4), Some(2)], (1, 4));
        assert_eq!((item.n, item.counts.clone()), (2, vec![0, 1, 0, 1]));
        assert_eq!(item.favorable_pct, Some(50.0));
    }

    #[test]
    fn no_answers() {
        let item = likert_item(&[None, None], (1, 4));
        assert_eq!(item.n, 0);
        assert_eq!((item.mean, item.sd, item.favorable_pct), (None, None, None));
        assert_eq!(item.counts, [0, 0, 0, 0]);
    }

    #[test]
    fn one_answer_has_no_sd() {
        let item = likert_item(&[Some(2)], (1, 4));
        assert_eq!((item.n, item.mean, item.sd), (1, Some(2.0), None));
        assert_eq!(item.favorable_pct, Some(0.0));
    }

    #[test]
    fn degenerate_scales() {
        let single = likert_item(&[Some(3), Some(3)], (3, 3));
        assert_eq!(
            (single.counts.clone(), single.favorable_pct),
            (vec![2], Some(100.0))
        );
        let inverted = likert_item(&[Some(3)], (5, 1));
        assert_eq!((inverted.n, inverted.counts.len()), (0, 0));
        let full = likert_item(&[Some(0), Some(255)], (0, 255));
        assert_eq!((full.n, full.counts.len()), (2, 256));
    }

    proptest! {
        #[test]
        fn counts_add_up(answers in prop::collection::vec(prop::option::of(0_u8..8), 0..60), low in 0_u8..4, width in 0_u8..6) {
            let item = likert_item(&answers, (low, low + width));
            prop_assert_eq!(item.counts.len(), usize::from(width) + 1);
            prop_assert_eq!(item.counts.iter().sum::<usize>(), item.n);
            if let Some(pct) = item.favorable_pct {
                prop_assert!((0.0..=100.0).contains(&pct));
            }
            if let Some(mean) = item.mean {
                prop_assert!(f64::from(low) <= mean && mean <= f64::from(low + width));
            }
        }
    }
}
