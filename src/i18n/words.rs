//! Figures in words and in the user's notation, for dashboards and printed reports alike.

use super::{Lang, Msg};
use crate::stats::{self, EffectSize, GainBand, NotComputable};

/// A p-value in words: "sangat bermakna (p < 0,001)".
pub fn p_words(p: f64, lang: Lang) -> String {
    if p < 0.001 {
        Msg::PVerySignificant.text(lang).to_string()
    } else if p < 0.05 {
        Msg::PSignificant.fill(lang, &[&fixed(p, 3, lang)])
    } else {
        Msg::PNotSignificant.fill(lang, &[&fixed(p, 3, lang)])
    }
}

/// An effect size in words.
pub fn effect_words(d: f64, lang: Lang) -> &'static str {
    match stats::effect_size_band(d) {
        EffectSize::Negligible => Msg::EffectNegligible.text(lang),
        EffectSize::Small => Msg::EffectSmall.text(lang),
        EffectSize::Medium => Msg::EffectMedium.text(lang),
        EffectSize::Large => Msg::EffectLarge.text(lang),
    }
}

pub fn gain_words(g: f64, lang: Lang) -> &'static str {
    match stats::gain_band(g) {
        GainBand::High => Msg::GainHigh.text(lang),
        GainBand::Medium => Msg::GainMedium.text(lang),
        GainBand::Low => Msg::GainLow.text(lang),
    }
}

/// Cronbach's alpha in words (≥ 0.9 excellent, ≥ 0.8 good, ≥ 0.7 acceptable, below: questionable).
pub fn alpha_words(a: f64, lang: Lang) -> &'static str {
    if a >= 0.9 {
        Msg::AlphaExcellent.text(lang)
    } else if a >= 0.8 {
        Msg::AlphaGood.text(lang)
    } else if a >= 0.7 {
        Msg::AlphaAcceptable.text(lang)
    } else {
        Msg::AlphaLow.text(lang)
    }
}

pub fn not_computable(reason: NotComputable, lang: Lang) -> String {
    match reason {
        NotComputable::NoData => Msg::NcNoData.text(lang).to_string(),
        NotComputable::TooFew { needed, got } => Msg::NcTooFew.fill(lang, &[&needed, &got]),
        NotComputable::ZeroVariance => Msg::NcZeroVariance.text(lang).to_string(),
        NotComputable::NoPairs => Msg::NcNoPairs.text(lang).to_string(),
        NotComputable::AllDifferencesZero => Msg::NcAllZero.text(lang).to_string(),
    }
}

/// A number with `places` decimals, in the user's notation.
pub fn fixed(v: f64, places: usize, lang: Lang) -> String {
    let s = crate::i18n::no_negative_zero(format!("{v:.places$}"));
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}
