//! Effect size in words.

/// Cohen's conventional labels for a standardized effect size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EffectSize {
    /// |d| < 0.2
    Negligible,
    /// 0.2 ≤ |d| < 0.5
    Small,
    /// 0.5 ≤ |d| < 0.8
    Medium,
    /// |d| ≥ 0.8
    Large,
}

/// Cohen's label for an effect size d, by |d|: < 0.2 negligible, < 0.5 small,
/// < 0.8 medium, otherwise large. NaN is negligible.
pub fn effect_size_band(d: f64) -> EffectSize {
    let size = d.abs();
    if size >= 0.8 {
        EffectSize::Large
    } else if size >= 0.5 {
        EffectSize::Medium
    } else if size >= 0.2 {
        EffectSize::Small
    } else {
        EffectSize::Negligible
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohen_conventions() {
        assert_eq!(effect_size_band(0.0), EffectSize::Negligible);
        assert_eq!(effect_size_band(0.199), EffectSize::Negligible);
        assert_eq!(effect_size_band(0.2), EffectSize::Small);
        assert_eq!(effect_size_band(-0.49), EffectSize::Small);
        assert_eq!(effect_size_band(0.5), EffectSize::Medium);
        assert_eq!(effect_size_band(-0.8), EffectSize::Large);
        assert_eq!(effect_size_band(1.47), EffectSize::Large);
        assert_eq!(effect_size_band(f64::NEG_INFINITY), EffectSize::Large);
        assert_eq!(effect_size_band(f64::NAN), EffectSize::Negligible);
    }
}
