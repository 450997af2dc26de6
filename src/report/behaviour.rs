//! Level 3 in a program's report: did observed behaviour at work change from the baseline to the
//! latest follow-up, what the atasan and the participants say per objective, and — where nothing
//! changed — the barriers named.

use crate::domain::behaviour::{ChecklistScore, improved, score};
use crate::domain::ids::AsnId;
use crate::domain::instrument::{ItemKind, ItemRole, NOT_APPLICABLE, Phase};
use crate::store::followup::PersonForm;
use serde::Serialize;
use std::collections::BTreeMap;

/// Observations with one checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    pub instrument: String,
    pub title: String,
    /// Participants observed at the baseline and at least one follow-up.
    pub paired: usize,
    /// Of those, whose latest follow-up shows more of the behaviours (or a higher rubric level).
    pub improved: usize,
    pub improved_pct: Option<f64>,
    /// Mean share of applicable behaviours observed, at the baseline and at the latest follow-up (%).
    pub baseline_observed_pct: Option<f64>,
    pub followup_observed_pct: Option<f64>,
    pub baseline_rubric: Option<f64>,
    pub followup_rubric: Option<f64>,
    pub items: Vec<ObservedItem>,
}

/// One behaviour: share of participants showing it at the baseline and at the latest follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObservedItem {
    pub code: String,
    pub text: String,
    pub baseline_pct: Option<f64>,
    pub followup_pct: Option<f64>,
}

/// The change per program objective: the atasan's mean rating (1–4) and the participants' own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveRating {
    pub objective: u8,
    pub text: String,
    pub supervisor_mean: Option<f64>,
    pub supervisors: usize,
    pub self_mean: Option<f64>,
    pub selves: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    pub code: String,
    pub label: String,
    /// Interviews (and self-assessments) that named it.
    pub count: usize,
    pub pct: f64,
}

/// A participant whose behaviour did not change, with the barriers named for them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unchanged {
    pub nip: String,
    pub name: String,
    pub barriers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Behaviour {
    pub observations: Vec<Observation>,
    pub objectives: Vec<ObjectiveRating>,
    pub interviews: usize,
    pub self_assessments: usize,
    /// Mean of the atasan's support for applying what was learned (1–4), where asked.
    pub support_mean: Option<f64>,
    pub barriers: Vec<Named>,
    pub drivers: Vec<Named>,
    pub unchanged: Vec<Unchanged>,
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

fn is_interview(f: &PersonForm) -> bool {
    f.definition.items.iter().any(|i| i.objective.is_some())
}

fn is_supervisor(f: &PersonForm) -> bool {
    f.definition
        .items
        .iter()
        .any(|i| i.role == Some(ItemRole::Atasan))
}

/// The latest follow-up among forms of one person and instrument.
fn latest<'a>(forms: &[&'a PersonForm]) -> Option<&'a PersonForm> {
    [Phase::M6, Phase::F3, Phase::F2, Phase::F1, Phase::Followup]
        .iter()
        .find_map(|p| forms.iter().find(|f| f.phase == *p).copied())
}

/// Level 3 of a program from its participants' behaviour forms; `people` names them (NIP, name).
pub fn build(
    forms: &[(AsnId, PersonForm)],
    objectives: &[String],
    people: &BTreeMap<AsnId, (String, String)>,
) -> Behaviour {
    let mut out = Behaviour::default();
    let mut unchanged_people: Vec<AsnId> = Vec::new();
    // Observations, per checklist.
    let mut codes: Vec<&str> = forms
        .iter()
        .filter(|(_, f)| !is_interview(f))
        .map(|(_, f)| f.instrument.as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        let of: Vec<&(AsnId, PersonForm)> =
            forms.iter().filter(|(_, f)| f.instrument == code).collect();
        let Some(def) = of.last().map(|(_, f)| f.definition.clone()) else {
            continue;
        };
        let mut who: Vec<AsnId> = of.iter().map(|(a, _)| *a).collect();
        who.dedup();
        let mut pairs: Vec<(AsnId, &PersonForm, &PersonForm)> = Vec::new();
        for a in who {
            let mine: Vec<&PersonForm> =
                of.iter().filter(|(x, _)| *x == a).map(|(_, f)| f).collect();
            if let (Some(b), Some(l)) = (mine.iter().find(|f| f.phase == Phase::Pre), latest(&mine))
            {
                pairs.push((a, b, l));
            }
        }
        let scored = |f: &PersonForm| -> ChecklistScore {
            score(&f.definition, |c| f.answers.get(c).cloned())
        };
        let mut better = 0;
        let (mut b_obs, mut f_obs, mut b_rub, mut f_rub) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (a, b, l) in &pairs {
            let (sb, sl) = (scored(b), scored(l));
            match improved(&sb, &sl) {
                Some(true) => better += 1,
                Some(false) => unchanged_people.push(*a),
                None => {}
            }
            b_obs.extend(sb.observed_pct);
            f_obs.extend(sl.observed_pct);
            b_rub.extend(sb.rubric_mean);
            f_rub.extend(sl.rubric_mean);
        }
        let share = |phase_forms: &[&PersonForm], code: &str| -> Option<f64> {
            let answered: Vec<&String> = phase_forms
                .iter()
                .filter_map(|f| f.answers.get(code))
                .filter(|v| v.as_str() != NOT_APPLICABLE)
                .collect();
            (!answered.is_empty()).then(|| {
                100.0 * answered.iter().filter(|v| v.as_str() == "1").count() as f64
                    / answered.len() as f64
            })
        };
        let baselines: Vec<&PersonForm> = pairs.iter().map(|(_, b, _)| *b).collect();
        let latests: Vec<&PersonForm> = pairs.iter().map(|(_, _, l)| *l).collect();
        let items = def
            .items
            .iter()
            .filter(|i| i.role.is_none() && matches!(i.kind, ItemKind::YesNo { .. }))
            .map(|i| ObservedItem {
                code: i.code.to_string(),
                text: i.text.clone(),
                baseline_pct: share(&baselines, i.code.as_str()),
                followup_pct: share(&latests, i.code.as_str()),
            })
            .collect();
        out.observations.push(Observation {
            instrument: code.to_string(),
            title: def.title.clone(),
            paired: pairs.len(),
            improved: better,
            improved_pct: (!pairs.is_empty()).then(|| 100.0 * better as f64 / pairs.len() as f64),
            baseline_observed_pct: mean(&b_obs),
            followup_observed_pct: mean(&f_obs),
            baseline_rubric: mean(&b_rub),
            followup_rubric: mean(&f_rub),
            items,
        });
    }
    // Interviews and self-assessments: ratings per objective, support, barriers and drivers.
    let supervisors: Vec<&(AsnId, PersonForm)> = forms
        .iter()
        .filter(|(_, f)| is_interview(f) && is_supervisor(f))
        .collect();
    let selves: Vec<&(AsnId, PersonForm)> = forms
        .iter()
        .filter(|(_, f)| is_interview(f) && !is_supervisor(f))
        .collect();
    out.interviews = supervisors.len();
    out.self_assessments = selves.len();
    if let Some(def) = supervisors
        .last()
        .or(selves.last())
        .map(|(_, f)| f.definition.clone())
    {
        for item in def
            .items
            .iter()
            .filter(|i| i.objective.is_some() && matches!(i.kind, ItemKind::Likert { .. }))
        {
            let Some(n) = item.objective else { continue };
            let Some(text) = objectives.get(usize::from(n).saturating_sub(1)) else {
                continue;
            };
            let values = |set: &[&(AsnId, PersonForm)]| -> Vec<f64> {
                set.iter()
                    .filter_map(|(_, f)| f.answers.get(item.code.as_str()))
                    .filter_map(|v| v.parse().ok())
                    .collect()
            };
            let (s, o) = (values(&supervisors), values(&selves));
            out.objectives.push(ObjectiveRating {
                objective: n,
                text: text.clone(),
                supervisor_mean: mean(&s),
                supervisors: s.len(),
                self_mean: mean(&o),
                selves: o.len(),
            });
        }
        let support: Vec<f64> = supervisors
            .iter()
            .filter_map(|(_, f)| f.answers.get("DUKUNGAN"))
            .filter_map(|v| v.parse().ok())
            .collect();
        out.support_mean = mean(&support);
        let count = |code: &str| -> Vec<Named> {
            let Some(item) = def.items.iter().find(|i| i.code.as_str() == code) else {
                return Vec::new();
            };
            let ItemKind::Choice { options, .. } = &item.kind else {
                return Vec::new();
            };
            let asked: Vec<&String> = supervisors
                .iter()
                .chain(selves.iter())
                .filter_map(|(_, f)| f.answers.get(code))
                .collect();
            let mut named: Vec<Named> = options
                .iter()
                .map(|o| {
                    let count = asked
                        .iter()
                        .filter(|v| v.split(';').any(|c| c == o.code))
                        .count();
                    Named {
                        code: o.code.clone(),
                        label: o.label.clone(),
                        count,
                        pct: if asked.is_empty() {
                            0.0
                        } else {
                            100.0 * count as f64 / asked.len() as f64
                        },
                    }
                })
                .filter(|n| n.count > 0)
                .collect();
            named.sort_by_key(|n| std::cmp::Reverse(n.count));
            named
        };
        out.barriers = count("HAMBATAN");
        out.drivers = count("PENDORONG");
        // The people whose behaviour did not change, with the barriers their atasan named.
        unchanged_people.sort_unstable();
        unchanged_people.dedup();
        let barrier_item = def.items.iter().find(|i| i.code.as_str() == "HAMBATAN");
        for a in unchanged_people {
            let (nip, name) = people.get(&a).cloned().unwrap_or_default();
            let mut barriers: Vec<String> = supervisors
                .iter()
                .filter(|(x, _)| *x == a)
                .filter_map(|(_, f)| f.answers.get("HAMBATAN"))
                .flat_map(|v| v.split(';').map(str::to_string).collect::<Vec<_>>())
                .map(|c| barrier_item.and_then(|i| i.label_of(&c)).unwrap_or(c))
                .collect();
            barriers.dedup();
            out.unchanged.push(Unchanged {
                nip,
                name,
                barriers,
            });
        }
    }
    out
}
