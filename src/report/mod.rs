//! Reports: one computation of a program's results ([`ProgramReport`]), rendered as JSON (a contract for
//! other tools, documented in docs/formats.md), and drawn by the dashboards.

pub mod advice;
pub mod behaviour;
pub mod html;
pub mod ikm;
pub mod json;
pub mod table;
pub mod xlsx;

use crate::domain::ids::ProgramId;
use crate::domain::instrument::{Definition, ItemKind, Level, Phase};
use crate::domain::program::Program;
use crate::stats::{self, NotComputable};
use crate::store::response::{Batch, ResponseData};
use crate::store::{Result, Store};
use serde::Serialize;

/// Everything known about how a program went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramReport {
    #[serde(skip)]
    pub program_id: ProgramId,
    pub program: ProgramInfo,
    /// Pre/post test results (scores of enrolled participants); `null` with `learning_reason` when none.
    pub learning: Option<Learning>,
    pub learning_reason: Option<NotComputable>,
    /// One entry per reaction instrument with forms.
    pub reaction: Vec<Reaction>,
    /// Level 3: observed behaviour, the atasan's and the participants' view per objective, barriers.
    pub behaviour: behaviour::Behaviour,
    pub costs: Costs,
    pub data_quality: DataQuality,
    /// Level 4: the unit's indicators and the return on the program's cost.
    pub results: Results,
    /// What the evaluator decided (kept with the program); the generated ones while none are kept.
    pub recommendations: Vec<advice::Recommendation>,
    /// Whether `recommendations` are the evaluator's (kept) rather than generated.
    pub recommendations_kept: bool,
    /// Generated from the figures above, each with the reason it fired.
    pub suggested: Vec<advice::Recommendation>,
    /// Every complete form, for the raw-data sheet.
    #[serde(skip)]
    pub raw: Vec<RawForm>,
}

/// One unit indicator with its change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub name: String,
    pub unit: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub higher_better: bool,
    /// After − before, signed so that an improvement is positive.
    pub improvement: Option<f64>,
    pub improvement_pct: Option<f64>,
    pub source: String,
}

/// Level 4 and ROI (Phillips).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Results {
    pub indicators: Vec<IndicatorResult>,
    /// The yearly monetary benefit as estimated (whole rupiah), before isolation and confidence.
    pub benefit: Option<i64>,
    pub isolation: String,
    pub isolation_pct: Option<f64>,
    pub confidence_pct: Option<f64>,
    /// The program's full cost (the cost lines).
    pub cost: i64,
    pub adjusted_benefit: Option<f64>,
    pub bcr: Option<f64>,
    pub roi_pct: Option<f64>,
    pub roi_reason: Option<crate::domain::results::RoiMissing>,
    pub intangibles: Vec<String>,
    /// Public satisfaction (IKM, PermenPAN-RB 14/2017) per survey instrument, before and after.
    pub ikm: Vec<ikm::IkmResult>,
}

/// One complete form as entered.
#[derive(Debug, Clone, PartialEq)]
pub struct RawForm {
    pub instrument: String,
    pub phase: Phase,
    /// NIP, or the sheet number of an anonymous form.
    pub respondent: String,
    pub answers: std::collections::BTreeMap<String, String>,
}

/// Costs (whole rupiah): the total and per participant and per JP.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Costs {
    /// The full cost, whatever happened to the participants.
    pub total: i64,
    /// Per participant who took the training to its end (withdrawn participants left out).
    pub per_participant: Option<i64>,
    /// Per participant (as above) per JP.
    pub per_participant_jp: Option<i64>,
    pub lines: Vec<CostItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostItem {
    pub category: String,
    pub description: String,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramInfo {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: String,
    pub provider: String,
    pub start: String,
    pub end: String,
    pub jp: u32,
    pub status: String,
    pub participants: usize,
    pub passed: usize,
    /// Enrollments with completion `mengundurkan_diri`: left out of cost per participant and response rate.
    pub withdrawn: usize,
    pub location: String,
    pub competency: String,
    /// Objectives with their observable behaviours.
    pub objectives: Vec<Objective>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Objective {
    pub text: String,
    pub behaviours: Vec<String>,
}

/// Learning: paired pre/post scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Learning {
    pub pairs: usize,
    pub max: f64,
    pub pre_mean: f64,
    pub post_mean: f64,
    pub mean_diff: Option<f64>,
    pub sd_diff: Option<f64>,
    pub t: Option<f64>,
    pub df: Option<usize>,
    pub p: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    pub cohen_dz: Option<f64>,
    /// Why the t-test figures are missing, when they are.
    pub t_reason: Option<NotComputable>,
    pub wilcoxon_w: Option<f64>,
    pub wilcoxon_p: Option<f64>,
    pub wilcoxon_reason: Option<NotComputable>,
    pub ngain_mean: Option<f64>,
    pub ngain_high: usize,
    pub ngain_medium: usize,
    pub ngain_low: usize,
    pub ngain_reason: Option<NotComputable>,
    /// Per person: (NIP, name, pre, post, gain), for lists and the raw-data sheet.
    #[serde(skip)]
    pub people: Vec<(String, String, f64, f64, Option<f64>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReactionItem {
    pub code: String,
    pub text: String,
    pub aspect: Option<String>,
    pub n: usize,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub favorable_pct: Option<f64>,
    /// Answers per scale point, lowest first.
    pub counts: Vec<usize>,
    pub scale: [u8; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aspect {
    pub aspect: String,
    /// Mean of the aspect's items on a 0–100 scale.
    pub index: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reaction {
    pub instrument: String,
    pub title: String,
    pub phase: Phase,
    /// Complete forms.
    pub respondents: usize,
    pub alpha: Option<f64>,
    /// Respondents who answered every item (the base of alpha).
    pub alpha_respondents: Option<usize>,
    pub alpha_reason: Option<NotComputable>,
    pub items: Vec<ReactionItem>,
    pub aspects: Vec<Aspect>,
    /// The whole instrument on 0–100.
    pub index: Option<f64>,
    /// What participants wrote in the open questions, per question.
    pub comments: Vec<Comments>,
}

/// The answers to one open question (as stored: terminal-safe), in the order the forms were keyed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comments {
    pub code: String,
    pub question: String,
    pub answers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataQuality {
    pub enrolled: usize,
    pub with_scores: usize,
    /// Complete forms of the best-answered reaction instrument (withdrawn participants' forms left out)
    /// ÷ the participants who did not withdraw, in percent.
    pub response_rate: Option<f64>,
    /// Share of Likert answers left empty in reaction forms, in percent.
    pub missing_answers_pct: Option<f64>,
    pub unverified_forms: usize,
}

fn scale_index(mean: f64, (min, max): (u8, u8)) -> f64 {
    100.0 * (mean - f64::from(min)) / f64::from(max.saturating_sub(min).max(1))
}

fn reaction(def: &Definition, phase: Phase, forms: &[ResponseData]) -> Reaction {
    let likert: Vec<(&crate::domain::instrument::Item, (u8, u8))> = def
        .items
        .iter()
        .filter_map(|i| i.scale().map(|s| (i, s)))
        .collect();
    let items: Vec<ReactionItem> = likert
        .iter()
        .map(|(item, scale)| {
            let answers: Vec<Option<u8>> = forms
                .iter()
                .map(|f| {
                    f.answers
                        .get(item.code.as_str())
                        .and_then(|v| v.parse().ok())
                })
                .collect();
            let s = stats::likert_item(&answers, *scale);
            ReactionItem {
                code: item.code.to_string(),
                text: item.text.clone(),
                aspect: item.aspect.clone(),
                n: s.n,
                mean: s.mean,
                sd: s.sd,
                favorable_pct: s.favorable_pct,
                counts: s.counts,
                scale: [scale.0, scale.1],
            }
        })
        .collect();
    let rows: Vec<Vec<Option<f64>>> = forms
        .iter()
        .map(|f| {
            likert
                .iter()
                .map(|(item, _)| {
                    f.answers
                        .get(item.code.as_str())
                        .and_then(|v| v.parse().ok())
                })
                .collect()
        })
        .collect();
    let alpha = stats::cronbach_alpha(&rows);
    let mut aspects: Vec<Aspect> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (item, _) in &likert {
        if let Some(a) = &item.aspect
            && !names.contains(a)
        {
            names.push(a.clone());
        }
    }
    for name in names {
        let idx: Vec<f64> = items
            .iter()
            .zip(&likert)
            .filter(|(_, (item, _))| item.aspect.as_ref() == Some(&name))
            .filter_map(|(ri, (_, scale))| ri.mean.map(|m| scale_index(m, *scale)))
            .collect();
        if let Some(index) = stats::describe(&idx).mean {
            aspects.push(Aspect {
                aspect: name,
                index,
            });
        }
    }
    let all: Vec<f64> = items
        .iter()
        .zip(&likert)
        .filter_map(|(ri, (_, scale))| ri.mean.map(|m| scale_index(m, *scale)))
        .collect();
    Reaction {
        instrument: def.code.clone(),
        title: def.title.clone(),
        phase,
        respondents: forms.len(),
        alpha: alpha.as_ref().ok().map(|a| a.alpha),
        alpha_respondents: alpha.as_ref().ok().map(|a| a.respondents),
        alpha_reason: alpha.err(),
        items,
        aspects,
        index: stats::describe(&all).mean,
        comments: def
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Text { .. }))
            .map(|i| Comments {
                code: i.code.to_string(),
                question: i.text.clone(),
                answers: forms
                    .iter()
                    .filter_map(|f| f.answers.get(i.code.as_str()))
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect(),
            })
            .filter(|c| !c.answers.is_empty())
            .collect(),
    }
}

/// Learning from a program's stored test scores; when there are none, from the scores of a knowledge
/// test entered as forms (phases pre and post).
fn learning(
    store: &Store,
    program: ProgramId,
) -> Result<std::result::Result<Learning, NotComputable>> {
    let scores = store.scores(program)?;
    let mut people: Vec<(String, String, f64, f64)> = scores
        .iter()
        .filter_map(|s| Some((s.nip.clone(), s.name.clone(), s.pre?, s.post?)))
        .collect();
    // The scale of the scores that are paired (people without scores carry the default 100).
    let mut max = scores
        .iter()
        .filter(|s| s.pre.is_some() && s.post.is_some())
        .map(|s| s.max)
        .fold(0.0_f64, f64::max);
    if people.is_empty() {
        // Tests keyed as forms: scored 0–100 from their right answers.
        max = 100.0;
        people = store
            .instrument_test_pairs(program, None)?
            .into_iter()
            .map(|(a, b)| (String::new(), String::new(), a, b))
            .collect();
    }

    if max <= 0.0 {
        max = 100.0;
    }
    let pairs: Vec<(f64, f64)> = people.iter().map(|(_, _, a, b)| (*a, *b)).collect();
    if pairs.is_empty() {
        return Ok(Err(NotComputable::NoPairs));
    }
    let t = stats::paired_t(&pairs);
    let w = stats::wilcoxon_signed_rank(&pairs);
    let g = stats::normalized_gain(&pairs, max);
    let mean = |xs: Vec<f64>| stats::describe(&xs).mean.unwrap_or(0.0);
    let ok_t = t.as_ref().ok();
    let ok_g = g.as_ref().ok();
    Ok(Ok(Learning {
        pairs: pairs.len(),
        max,
        pre_mean: mean(pairs.iter().map(|p| p.0).collect()),
        post_mean: mean(pairs.iter().map(|p| p.1).collect()),
        mean_diff: Some(mean(pairs.iter().map(|p| p.1 - p.0).collect())),
        sd_diff: stats::describe(&pairs.iter().map(|p| p.1 - p.0).collect::<Vec<_>>()).sd,
        t: ok_t.map(|t| t.t),
        df: ok_t.map(|t| t.df),
        p: ok_t.map(|t| t.p),
        ci95: ok_t.map(|t| [t.ci95.0, t.ci95.1]),
        cohen_dz: ok_t.map(|t| t.cohen_dz),
        t_reason: t.as_ref().err().copied(),
        wilcoxon_w: w.as_ref().ok().map(|w| w.w),
        wilcoxon_p: w.as_ref().ok().map(|w| w.p),
        wilcoxon_reason: w.as_ref().err().copied(),
        ngain_mean: ok_g.map(|g| g.mean),
        ngain_high: ok_g.map_or(0, |g| g.high),
        ngain_medium: ok_g.map_or(0, |g| g.medium),
        ngain_low: ok_g.map_or(0, |g| g.low),
        ngain_reason: g.as_ref().err().copied(),
        people: people
            .into_iter()
            .map(|(nip, name, a, b)| (nip, name, a, b, stats::gain(a, b, max)))
            .collect(),
    }))
}

/// Builds a program's report from the store.
/// Builds a program's report from the store; words (recommendations) are in `lang`.
pub fn build(store: &Store, program: &Program, lang: crate::i18n::Lang) -> Result<ProgramReport> {
    let roster = store.roster(program.id)?;
    let enrolled = roster.len();
    let passed = roster
        .iter()
        .filter(|r| r.data.completion == Some(crate::domain::enrollment::Completion::Lulus))
        .count();
    // Who withdrew (mengundurkan diri): enrolled, but they did not take the training to its end.
    let withdrawn: std::collections::BTreeSet<crate::domain::ids::AsnId> = roster
        .iter()
        .filter(|r| !crate::domain::enrollment::Completion::stayed(r.data.completion))
        .map(|r| r.asn)
        .collect();
    // The base of cost per participant and of the response rate.
    let stayed = enrolled - withdrawn.len();
    let mut reactions = Vec::new();
    // Per reaction entry: its forms from participants who did not withdraw (anonymous sheets count).
    let mut answered = Vec::new();
    let mut ikm_surveys: Vec<(Definition, ikm::IkmSurvey)> = Vec::new();
    let mut unverified = 0;
    let mut raw = Vec::new();
    let mut likert_cells = 0usize;
    let mut likert_missing = 0usize;
    for (code, phase) in store.batches_of(program.id)? {
        let Some(stored) = store.instrument(&code)? else {
            continue;
        };
        let def = stored.definition;
        let batch = Batch {
            program: Some(program.id),
            instrument: code.clone(),
            phase,
        };
        let forms = store.responses(&batch)?;
        for f in &forms {
            raw.push(RawForm {
                instrument: code.clone(),
                phase,
                respondent: match &f.info.respondent {
                    crate::store::response::Respondent::Asn(id) => roster
                        .iter()
                        .find(|r| r.asn == *id)
                        .map_or_else(|| id.to_string(), |r| r.nip.clone()),
                    crate::store::response::Respondent::Sheet(s) => s.clone(),
                },
                answers: f.answers.clone(),
            });
        }
        unverified += store.unverified_count(&batch)?;
        if def.level == Level::Reaction {
            for f in &forms {
                for item in def
                    .items
                    .iter()
                    .filter(|i| matches!(i.kind, ItemKind::Likert { .. }))
                {
                    likert_cells += 1;
                    if !f.answers.contains_key(item.code.as_str()) {
                        likert_missing += 1;
                    }
                }
            }
            reactions.push(reaction(&def, phase, &forms));
            answered.push(
                forms
                    .iter()
                    .filter(|f| {
                        !matches!(&f.info.respondent,
                            crate::store::response::Respondent::Asn(id) if withdrawn.contains(id))
                    })
                    .count(),
            );
        }
        if let Some(survey) = ikm::survey(&def, phase, &forms) {
            ikm_surveys.push((def, survey));
        }
    }
    // One IKM result per survey instrument, its phases together.
    let mut ikm_results: Vec<ikm::IkmResult> = Vec::new();
    let mut ikm_codes: Vec<String> = ikm_surveys.iter().map(|(d, _)| d.code.clone()).collect();
    ikm_codes.dedup();
    for code in ikm_codes {
        let mut def = None;
        let mut surveys = Vec::new();
        for (d, s) in ikm_surveys.iter().filter(|(d, _)| d.code == code) {
            def = Some(d);
            surveys.push(s.clone());
        }
        if let Some(def) = def {
            ikm_results.push(ikm::result(def, surveys));
        }
    }
    let learning = learning(store, program.id)?;
    let with_scores = store
        .scores(program.id)?
        .iter()
        .filter(|s| s.pre.is_some() || s.post.is_some())
        .count();
    // The best-answered reaction instrument: a program may also have had a short mid-course form.
    let response_rate = answered
        .iter()
        .copied()
        .max()
        .filter(|_| stayed > 0)
        .map(|n| 100.0 * n as f64 / stayed as f64);
    let lines = store.cost_lines(program.id)?;
    let total: i64 = lines.iter().map(|c| c.amount).sum();
    // The full cost shared by the participants who took the training to its end.
    let n = i64::try_from(stayed).unwrap_or(0);
    let jp = i64::from(program.data.jp);
    let costs = Costs {
        total,
        // No cost lines: the cost is unknown, not zero.
        per_participant: (n > 0 && !lines.is_empty()).then(|| total / n),
        per_participant_jp: (n > 0 && jp > 0 && !lines.is_empty()).then(|| total / (n * jp)),
        lines: lines
            .into_iter()
            .map(|c| CostItem {
                category: c.category.code().to_string(),
                description: c.description,
                amount: c.amount,
            })
            .collect(),
    };
    let p = &program.data;
    let mut report = ProgramReport {
        program_id: program.id,
        program: ProgramInfo {
            code: p.code.to_string(),
            name: p.name.clone(),
            kind: p.kind.code().to_string(),
            mode: p.mode.code().to_string(),
            provider: p.provider.clone(),
            start: crate::domain::date::iso(p.start),
            end: crate::domain::date::iso(p.end),
            jp: p.jp,
            status: p.status.code().to_string(),
            participants: enrolled,
            passed,
            withdrawn: withdrawn.len(),
            location: p.location.clone(),
            competency: p.competency.clone(),
            objectives: store
                .objectives(program.id)?
                .into_iter()
                .map(|o| Objective {
                    text: o.text,
                    behaviours: o.behaviours.into_iter().map(|b| b.text).collect(),
                })
                .collect(),
        },
        learning_reason: learning.as_ref().err().copied(),
        learning: learning.ok(),
        reaction: reactions,
        behaviour: {
            let objectives: Vec<String> = store
                .objectives(program.id)?
                .into_iter()
                .map(|o| o.text)
                .collect();
            let people: std::collections::BTreeMap<_, _> = roster
                .iter()
                .map(|r| (r.asn, (r.nip.clone(), r.name.clone())))
                .collect();
            behaviour::build(&store.behaviour_forms(program.id)?, &objectives, &people)
        },
        costs,
        data_quality: DataQuality {
            enrolled,
            with_scores,
            response_rate,
            missing_answers_pct: (likert_cells > 0)
                .then(|| 100.0 * likert_missing as f64 / likert_cells as f64),
            unverified_forms: unverified,
        },
        results: {
            let (roi_input, _) = store.roi_input(program.id)?;
            let roi = crate::domain::results::roi(&roi_input, total);
            Results {
                indicators: store
                    .indicators(program.id)?
                    .into_iter()
                    .map(|i| IndicatorResult {
                        improvement: i.input.improvement(),
                        improvement_pct: i.input.improvement_pct(),
                        name: i.input.name,
                        unit: i.input.unit,
                        before: i.input.before,
                        after: i.input.after,
                        higher_better: i.input.higher_better,
                        source: i.input.source,
                    })
                    .collect(),
                benefit: roi_input.benefit,
                isolation: roi_input.isolation.clone(),
                isolation_pct: roi_input.isolation_pct,
                confidence_pct: roi_input.confidence_pct,
                cost: total,
                adjusted_benefit: roi.as_ref().ok().map(|r| r.adjusted_benefit),
                bcr: roi.as_ref().ok().map(|r| r.bcr),
                roi_pct: roi.as_ref().ok().map(|r| r.roi_pct),
                roi_reason: roi.err(),
                intangibles: roi_input
                    .intangibles
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
                ikm: ikm_results,
            }
        },
        recommendations: Vec::new(),
        recommendations_kept: false,
        suggested: Vec::new(),
        raw,
    };
    report.suggested = advice::recommend(&report, p.kind.is_leadership(), lang);
    let kept = store.kept_recommendations(program.id)?;
    // Once the evaluator has kept recommendations they are the program's, even when every one was
    // removed afterwards: the suggestions do not come back.
    report.recommendations_kept = store.recommendations_kept(program.id)?;
    report.recommendations = if !report.recommendations_kept {
        report.suggested.clone()
    } else {
        kept.into_iter()
            .map(|k| advice::Recommendation {
                rule: advice::Rule::from_code(&k.rule),
                text: k.text,
                because: k.because,
            })
            .collect()
    };
    Ok(report)
}
