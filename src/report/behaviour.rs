//! Level 3 in a program's report: did observed behaviour at work change from the baseline to the
//! latest follow-up, what the atasan and the participants say per objective, and — where nothing
//! changed or it got worse — the barriers named.

use crate::domain::behaviour::{Change, ChecklistScore, score};
use crate::domain::ids::AsnId;
use crate::domain::instrument::{ItemKind, ItemRole, NOT_APPLICABLE, Phase};
use crate::store::followup::PersonForm;
use serde::Serialize;
use std::collections::BTreeMap;

/// Observations with one checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Observation {
    pub instrument: String,
    pub title: String,
    /// Participants observed at the baseline and at least one follow-up.
    pub paired: usize,
    /// Of those, whose latest follow-up shows more of the behaviours (or a higher rubric level).
    pub improved: usize,
    pub improved_pct: Option<f64>,
    /// Of those, whose latest follow-up shows as much as the baseline.
    pub same: usize,
    /// Of those, whose latest follow-up shows less than the baseline.
    pub worse: usize,
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
    /// Supervisor interviews and self-assessments (all phases) that named it.
    pub count: usize,
    /// `count` ÷ the forms that answered the question, in percent.
    pub pct: f64,
}

/// The option of the barrier question that says there was none.
pub const NO_BARRIER: &str = "6";

/// A participant whose observed behaviour did not improve, with the barriers named for them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unchanged {
    pub nip: String,
    pub name: String,
    /// Named by their atasan or by themselves, in any phase (option labels; "Lainnya" with its text);
    /// "no barrier" is not one of them.
    pub barriers: Vec<String>,
    /// Whether their atasan or they themselves answered that there was no barrier.
    pub no_barrier: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Behaviour {
    pub observations: Vec<Observation>,
    pub objectives: Vec<ObjectiveRating>,
    pub interviews: usize,
    pub self_assessments: usize,
    /// Mean of the atasan's support for applying what was learned (1–4), where asked.
    pub support_mean: Option<f64>,
    /// Supervisor interviews and self-assessments (all phases) that answered the barrier question: the
    /// base of the barriers' and `no_barrier`'s percentages.
    pub barrier_forms: usize,
    /// The barriers named, most named first; "no barrier" is not one of them.
    pub barriers: Vec<Named>,
    /// How many of `barrier_forms` said there was no barrier (count 0 when nobody did); `null` when the
    /// question was not answered in any form.
    pub no_barrier: Option<Named>,
    /// Supervisor interviews and self-assessments (all phases) that answered the driver question.
    pub driver_forms: usize,
    pub drivers: Vec<Named>,
    /// Observed at the baseline and later, their latest follow-up shows as much as the baseline.
    pub unchanged: Vec<Unchanged>,
    /// Observed at the baseline and later, their latest follow-up shows less than the baseline.
    pub worse: Vec<Unchanged>,
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

/// How a person's latest follow-up compares with their baseline: the share of applicable behaviours
/// observed, or (without yes/no items) the rubric mean. `None` when neither can be compared.
fn direction(baseline: &ChecklistScore, followup: &ChecklistScore) -> Option<Change> {
    let pair = match (baseline.observed_pct, followup.observed_pct) {
        (Some(b), Some(f)) => Some((b, f)),
        _ => baseline.rubric_mean.zip(followup.rubric_mean),
    };
    pair.map(|(b, f)| {
        if f > b {
            Change::Better
        } else if f < b {
            Change::Worse
        } else {
            Change::Same
        }
    })
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
    let mut worse_people: Vec<AsnId> = Vec::new();
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
        let (mut better, mut same, mut worse) = (0, 0, 0);
        let (mut b_obs, mut f_obs, mut b_rub, mut f_rub) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (a, b, l) in &pairs {
            let (sb, sl) = (scored(b), scored(l));
            match direction(&sb, &sl) {
                Some(Change::Better) => better += 1,
                Some(Change::Same) => {
                    same += 1;
                    unchanged_people.push(*a);
                }
                Some(Change::Worse) => {
                    worse += 1;
                    worse_people.push(*a);
                }
                _ => {}
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
            same,
            worse,
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
        let count = |code: &str| -> (usize, Vec<Named>) {
            let Some(item) = def.items.iter().find(|i| i.code.as_str() == code) else {
                return (0, Vec::new());
            };
            let ItemKind::Choice { options, .. } = &item.kind else {
                return (0, Vec::new());
            };
            // Every supervisor interview and self-assessment that answered, in every phase.
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
            (asked.len(), named)
        };
        let (barrier_forms, mut barriers) = count("HAMBATAN");
        out.barrier_forms = barrier_forms;
        // "No barrier" is good news, not a barrier: apart, as the share of forms that said so.
        // Asked, and nobody said so: a share of 0, not unknown.
        out.no_barrier = match barriers.iter().position(|n| n.code == NO_BARRIER) {
            Some(at) => Some(barriers.remove(at)),
            None if barrier_forms > 0 => def
                .items
                .iter()
                .find(|i| i.code.as_str() == "HAMBATAN")
                .and_then(|i| i.label_of(NO_BARRIER))
                .map(|label| Named {
                    code: NO_BARRIER.to_string(),
                    label,
                    count: 0,
                    pct: 0.0,
                }),
            None => None,
        };
        out.barriers = barriers;
        (out.driver_forms, out.drivers) = count("PENDORONG");
    }
    // Whose observed behaviour did not improve — the same, or worse — with the barriers named for them
    // by their atasan or by themselves.
    let barrier_item = forms
        .iter()
        .filter(|(_, f)| is_interview(f))
        .find_map(|(_, f)| {
            f.definition
                .items
                .iter()
                .find(|i| i.code.as_str() == "HAMBATAN")
        });
    let named_for = |a: AsnId| -> (Vec<String>, bool) {
        let mut out: Vec<String> = Vec::new();
        let mut none = false;
        for (_, f) in forms.iter().filter(|(x, f)| *x == a && is_interview(f)) {
            let Some(v) = f.answers.get("HAMBATAN") else {
                continue;
            };
            for c in v.split(';').map(str::trim).filter(|c| !c.is_empty()) {
                if c == NO_BARRIER {
                    none = true;
                    continue;
                }
                let label = barrier_item
                    .and_then(|i| i.label_of(c))
                    .unwrap_or_else(|| c.to_string());
                let label = match f.answers.get("HAMBATAN_LAIN").map(|t| t.trim()) {
                    Some(other) if c == "9" && !other.is_empty() => format!("{label}: {other}"),
                    _ => label,
                };
                if !out.contains(&label) {
                    out.push(label);
                }
            }
        }
        (out, none)
    };
    let listed = |mut who: Vec<AsnId>, except: &[AsnId]| -> Vec<Unchanged> {
        who.sort_unstable();
        who.dedup();
        let mut list: Vec<Unchanged> = who
            .into_iter()
            .filter(|a| !except.contains(a))
            .map(|a| {
                let (nip, name) = people.get(&a).cloned().unwrap_or_default();
                let (barriers, no_barrier) = named_for(a);
                Unchanged {
                    nip,
                    name,
                    barriers,
                    no_barrier,
                }
            })
            .collect();
        list.sort_by(|x, y| x.name.cmp(&y.name).then_with(|| x.nip.cmp(&y.nip)));
        list
    };
    // Worse on one checklist outweighs the same on another.
    out.worse = listed(worse_people.clone(), &[]);
    out.unchanged = listed(unchanged_people, &worse_people);
    out
}
