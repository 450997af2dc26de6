//! Recommendations generated from a program's results, each with the rule and the figures that triggered
//! it, so that an evaluator can see why and decide.

use super::ProgramReport;
use crate::i18n::{Lang, Msg};
use serde::Serialize;

/// Which rule fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Written by the evaluator.
    Manual,
    /// Participants found the training not relevant to their tasks.
    LowRelevance,
    /// An aspect of the training (trainers, facilities, organisation…) was rated low.
    WeakAspect,
    /// Participants are not confident or committed to apply what they learnt.
    LowCommitment,
    /// Learning gains were low.
    LowGain,
    /// Post-test scores did not differ from pre-test scores.
    NoSignificantLearning,
    /// Participants already knew the material.
    TooEasy,
    /// Leadership programs end in a change project.
    LeadershipProject,
    /// Few participants returned the reaction form.
    LowResponse,
    /// Forms were not verified by double entry.
    Unverified,
    /// No reaction forms.
    NoReactionData,
    /// No paired test scores.
    NoLearningData,
    /// Observed behaviour did not change for many participants.
    LittleBehaviourChange,
    /// Supervisors are named as not supporting the application of what was learned.
    NoSupervisorSupport,
    /// The material did not match daily tasks (named as a barrier).
    MaterialMismatch,
    /// Participants had no chance to apply what they learned.
    NoChanceToApply,
    /// No observation or interview after the training.
    NoBehaviourData,
}

/// Share of the supervisor interviews and self-assessments (all phases) that answered the barrier
/// question naming a barrier, from which it is acted on (%).
pub const BARRIER_SHARE: f64 = 20.0;

impl Rule {
    /// The stable code (as in JSON).
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn from_code(code: &str) -> Rule {
        serde_json::from_value(serde_json::Value::String(code.to_string())).unwrap_or(Rule::Manual)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub rule: Rule,
    /// What to do, in the report's language.
    pub text: String,
    /// Why: the figures that triggered the rule.
    pub because: String,
}

impl Recommendation {
    /// "because …", shown under the recommendation; none when it has no reason (one the evaluator wrote).
    pub fn because_line(&self, lang: Lang) -> Option<String> {
        let because = self.because.trim();
        (!because.is_empty()).then(|| Msg::DashBecause.fill(lang, &[&because]))
    }
}

/// Index (0–100) below which an aspect counts as weak.
pub const WEAK_INDEX: f64 = 60.0;

fn fixed(v: f64, places: usize, lang: Lang) -> String {
    crate::i18n::words::fixed(v, places, lang)
}

/// Applies every rule to a report.
/// Why a barrier leads to a recommendation: how often it was named, and, when participants were observed
/// before and after, how many of them did not improve (with no pairs observed, nobody is said to have).
fn barrier_because(
    n: &super::behaviour::Named,
    b: &super::behaviour::Behaviour,
    lang: Lang,
) -> String {
    let named = Msg::BecauseBarrier.fill(
        lang,
        &[&n.label, &n.count, &b.barrier_forms, &fixed(n.pct, 0, lang)],
    );
    let observed: usize = b.observations.iter().map(|o| o.paired).sum();
    if observed == 0 {
        return named;
    }
    let not_improved = b.unchanged.len() + b.worse.len();
    format!(
        "{named}; {}",
        Msg::BecauseNotImproved.fill(lang, &[&not_improved, &observed])
    )
}

pub fn recommend(report: &ProgramReport, leadership: bool, lang: Lang) -> Vec<Recommendation> {
    let mut out = Vec::new();
    let mut add = |rule: Rule, text: String, because: String| {
        out.push(Recommendation {
            rule,
            text,
            because,
        })
    };
    let t = |m: Msg| m.text(lang).to_string();
    match report.reaction.first() {
        None => add(
            Rule::NoReactionData,
            t(Msg::RecNoReaction),
            Msg::BecauseNoForms.text(lang).to_string(),
        ),
        Some(r) => {
            for a in &r.aspects {
                let name = a.aspect.to_lowercase();
                if a.index >= WEAK_INDEX {
                    continue;
                }
                // One decimal, so that 59.6 does not read as "60, below 60".
                let because = Msg::BecauseAspect
                    .fill(lang, &[&a.aspect, &fixed(a.index, 1, lang), &WEAK_INDEX]);
                if name.starts_with("relevan") {
                    add(Rule::LowRelevance, t(Msg::RecRelevance), because);
                } else if name.starts_with("komitmen") {
                    add(Rule::LowCommitment, t(Msg::RecCommitment), because);
                } else {
                    add(
                        Rule::WeakAspect,
                        Msg::RecWeakAspect.fill(lang, &[&a.aspect]),
                        because,
                    );
                }
            }
            if let Some(rate) = report.data_quality.response_rate
                && rate < 70.0
            {
                add(
                    Rule::LowResponse,
                    t(Msg::RecResponse),
                    Msg::BecauseResponse.fill(lang, &[&fixed(rate, 0, lang)]),
                );
            }
        }
    }
    match &report.learning {
        None => add(
            Rule::NoLearningData,
            t(Msg::RecNoLearning),
            Msg::BecauseNoPairs.text(lang).to_string(),
        ),
        Some(l) => {
            if let Some(g) = l.ngain_mean
                && g < 0.3
            {
                add(
                    Rule::LowGain,
                    t(Msg::RecLowGain),
                    Msg::BecauseGain.fill(lang, &[&fixed(g, 2, lang)]),
                );
            }
            if let Some(p) = l.p
                && p >= 0.05
            {
                add(
                    Rule::NoSignificantLearning,
                    t(Msg::RecNoLearningChange),
                    Msg::BecauseP.fill(lang, &[&fixed(p, 3, lang)]),
                );
            }
            if l.pre_mean >= 0.8 * l.max {
                add(
                    Rule::TooEasy,
                    t(Msg::RecTooEasy),
                    Msg::BecausePre
                        .fill(lang, &[&fixed(l.pre_mean, 1, lang), &fixed(l.max, 0, lang)]),
                );
            }
        }
    }
    // Behaviour at work.
    let b = &report.behaviour;
    if b.observations.is_empty() && b.interviews == 0 {
        add(
            Rule::NoBehaviourData,
            t(Msg::RecNoBehaviour),
            t(Msg::BecauseNoBehaviour),
        );
    }
    for o in &b.observations {
        if let Some(p) = o.improved_pct
            && p < 50.0
        {
            add(
                Rule::LittleBehaviourChange,
                t(Msg::RecLittleChange),
                Msg::BecauseLittleChange.fill(lang, &[&o.improved, &o.paired, &o.instrument]),
            );
        }
    }
    // Barriers named in the supervisor interviews and self-assessments of every phase.
    for (code, rule, text) in [
        ("1", Rule::NoSupervisorSupport, Msg::RecSupervisorSupport),
        ("2", Rule::MaterialMismatch, Msg::RecRelevance),
        ("3", Rule::NoChanceToApply, Msg::RecChanceToApply),
    ] {
        if let Some(n) = b.barriers.iter().find(|n| n.code == code)
            && n.pct >= BARRIER_SHARE
        {
            add(rule, t(text), barrier_because(n, b, lang));
        }
    }
    if leadership {
        add(
            Rule::LeadershipProject,
            t(Msg::RecLeadership),
            Msg::BecauseLeadership.text(lang).to_string(),
        );
    }
    if report.data_quality.unverified_forms > 0 {
        add(
            Rule::Unverified,
            t(Msg::RecVerify),
            Msg::BecauseUnverified.fill(lang, &[&report.data_quality.unverified_forms]),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::barrier_because;
    use crate::i18n::Lang;
    use crate::report::behaviour::{Behaviour, Named, Observation};

    fn named() -> Named {
        Named {
            code: "1".into(),
            label: "Tidak ada dukungan dari atasan".into(),
            count: 6,
            pct: 60.0,
        }
    }

    #[test]
    fn a_barrier_says_who_did_not_improve_only_when_someone_was_observed_twice() {
        let mut b = Behaviour {
            barrier_forms: 10,
            ..Behaviour::default()
        };
        let text = barrier_because(&named(), &b, Lang::Id);
        assert!(text.contains("6 dari 10"), "{text}");
        assert!(!text.contains("tidak membaik"), "{text}");
        b.observations.push(Observation {
            paired: 8,
            ..Observation::default()
        });
        let text = barrier_because(&named(), &b, Lang::Id);
        assert!(text.contains("0 dari 8 peserta"), "{text}");
    }
}
