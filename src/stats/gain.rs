//! Hake's normalized gain.

use super::NotComputable;
use super::descriptive::mean;

/// Lower bound of the high band: g ≥ 0.7.
pub const HIGH_GAIN: f64 = 0.7;
/// Lower bound of the medium band: 0.3 ≤ g < 0.7.
pub const MEDIUM_GAIN: f64 = 0.3;

/// Hake's bands of normalized gain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GainBand {
    /// g ≥ 0.7
    High,
    /// 0.3 ≤ g < 0.7
    Medium,
    /// g < 0.3 (including negative gains)
    Low,
}

/// Normalized gain over the people who could gain (pre < max).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct NGain {
    /// People with pre < max.
    pub n: usize,
    /// Mean of the individual gains (not the gain of the means).
    pub mean: f64,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
}

/// Hake's band of a gain: high g ≥ 0.7, medium 0.3 ≤ g < 0.7, low otherwise.
pub fn gain_band(g: f64) -> GainBand {
    if g >= HIGH_GAIN {
        GainBand::High
    } else if g >= MEDIUM_GAIN {
        GainBand::Medium
    } else {
        GainBand::Low
    }
}

/// One person's normalized gain g = (post − pre) / (max − pre); `None` when
/// pre ≥ max (no room to gain) or a value is not finite.
pub fn gain(pre: f64, post: f64, max: f64) -> Option<f64> {
    let g = (post - pre) / (max - pre);
    (pre < max && max.is_finite() && g.is_finite()).then_some(g)
}

/// Hake's normalized gain over `(pre, post)` pairs on a scale topping at `max`:
/// the mean of the individual gains and the count in each band, over the
/// people with pre < max. `NoPairs` without pairs; `NoData` when nobody has
/// room to gain.
pub fn normalized_gain(pairs: &[(f64, f64)], max: f64) -> Result<NGain, NotComputable> {
    if pairs.is_empty() {
        return Err(NotComputable::NoPairs);
    }
    let gains: Vec<f64> = pairs
        .iter()
        .filter_map(|&(pre, post)| gain(pre, post, max))
        .collect();
    let mean = mean(&gains).ok_or(NotComputable::NoData)?;
    let count = |band: GainBand| gains.iter().filter(|&&g| gain_band(g) == band).count();
    Ok(NGain {
        n: gains.len(),
        mean,
        high: count(GainBand::High),
        medium: count(GainBand::Medium),
        low: count(GainBand::Low),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn band_edges() {
        assert_eq!(gain_band(1.0), GainBand::High);
        assert_eq!(gain_band(0.7), GainBand::High);
        assert_eq!(gain_band(0.699_999), GainBand::Medium);
        assert_eq!(gain_band(0.3), GainBand::Medium);
        assert_eq!(gain_band(0.299_999), GainBand::Low);
        assert_eq!(gain_band(-0.5), GainBand::Low);
        assert_eq!(gain_band(f64::NAN), GainBand::Low);
    }

    #[test]
    fn exact_band_edges_from_scores() {
        // (79 − 30) / (100 − 30) = 0.7 and (58 − 40) / (100 − 40) = 0.3 exactly.
        assert_eq!(gain(30.0, 79.0, 100.0).map(gain_band), Some(GainBand::High));
        assert_eq!(
            gain(40.0, 58.0, 100.0).map(gain_band),
            Some(GainBand::Medium)
        );
    }

    #[test]
    fn individual_gain() {
        assert_eq!(gain(50.0, 75.0, 100.0), Some(0.5));
        assert_eq!(gain(60.0, 40.0, 100.0), Some(-0.5));
        assert_eq!(gain(100.0, 100.0, 100.0), None);
        assert_eq!(gain(f64::NAN, 50.0, 100.0), None);
        assert_eq!(gain(50.0, 60.0, f64::INFINITY), None);
    }

    #[test]
    fn mean_of_individual_gains_over_people_with_room() {
        let g = normalized_gain(
            &[(50.0, 75.0), (80.0, 100.0), (100.0, 100.0), (0.0, 10.0)],
            100.0,
        )
        .unwrap();
        assert_eq!((g.n, g.high, g.medium, g.low), (3, 1, 1, 1));
        assert!((g.mean - (0.5 + 1.0 + 0.1) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn not_computable_cases() {
        assert_eq!(normalized_gain(&[], 100.0), Err(NotComputable::NoPairs));
        assert_eq!(
            normalized_gain(&[(100.0, 100.0), (100.0, 90.0)], 100.0),
            Err(NotComputable::NoData)
        );
        assert_eq!(
            normalized_gain(&[(10.0, 20.0)], f64::NAN),
            Err(NotComputable::NoData)
        );
    }

    proptest! {
        #[test]
        fn bands_partition_the_people(pairs in prop::collection::vec((0.0..=100.0_f64, 0.0..=100.0_f64), 1..50)) {
            let eligible = pairs.iter().filter(|&&(pre, _)| pre < 100.0).count();
            match normalized_gain(&pairs, 100.0) {
                Ok(g) => {
                    prop_assert_eq!(g.n, eligible);
                    prop_assert_eq!(g.high + g.medium + g.low, g.n);
                    prop_assert!(g.mean.is_finite() && g.mean <= 1.0);
                }
                Err(e) => {
                    prop_assert_eq!(e, NotComputable::NoData);
                    prop_assert_eq!(eligible, 0);
                }
            }
        }

        #[test]
        fn never_panics(pairs in prop::collection::vec((prop::num::f64::ANY, prop::num::f64::ANY), 0..12), max in prop::num::f64::ANY) {
            let _ = normalized_gain(&pairs, max);
        }
    }
}
