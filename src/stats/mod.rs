//! Pure statistics for tilik's evaluation reports.
//!
//! Everything here is plain numerics: no I/O, no printing and no panics on any
//! input. A figure that cannot be computed comes back as [`NotComputable`]
//! (or as `None` inside a descriptive summary), never as NaN or infinity.
//!
//! Conventions shared by every function:
//! - Non-finite values (NaN, ±∞) are treated as missing.
//! - Standard deviations and variances are sample ones (divisor n − 1).
//! - Paired differences are `post − pre` (or `follow-up − baseline`).
//! - Whether a difference is zero, and whether two differences tie, is decided
//!   after rounding them to [`DIFFERENCE_RESOLUTION`], so that floating-point
//!   noise (`0.3 − 0.2` vs `0.2 − 0.1`) does not create or break ties.

mod alpha;
mod descriptive;
mod effect;
mod gain;
mod ikm;
mod likert;
mod paired;
mod wilcoxon;

pub use alpha::{Alpha, cronbach_alpha};
pub use descriptive::{Describe, describe};
pub use effect::{EffectSize, effect_size_band};
pub use gain::{GainBand, HIGH_GAIN, MEDIUM_GAIN, NGain, gain, gain_band, normalized_gain};
pub use ikm::{IKM_ELEMENTS, IKM_SCALE, Ikm, IkmGrade, ikm};
pub use likert::{LikertItem, likert_item};
pub use paired::{Change, DIFFERENCE_RESOLUTION, PairedT, change, paired_t};
pub use wilcoxon::{EXACT_MAX_N, Wilcoxon, WilcoxonMethod, wilcoxon_signed_rank};

/// Why a figure cannot be computed. A plain enum: the app localises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotComputable {
    /// Nothing to compute from (no values, no items, no usable weights, …).
    NoData,
    /// Some data, but fewer than the figure needs.
    TooFew { needed: usize, got: usize },
    /// The figure divides by a variance that is zero (all values equal).
    ZeroVariance,
    /// A paired figure was asked for, but nobody has both scores.
    NoPairs,
    /// Every paired difference is zero, so a signed-rank test has nothing to rank.
    AllDifferencesZero,
}
