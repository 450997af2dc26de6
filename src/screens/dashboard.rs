//! A program's dashboard: did the training work, for whom, and what to do next. One section per level,
//! in words and bars that stay readable at 80x24 and without colour. It refreshes by itself when another
//! clerk saves data.

use super::instruments::level_label;
use super::{Cx, Reply, View};
use crate::app::action::{Action, Command};
use crate::app::effect::Change;
use crate::app::effect::{Effect, ExportFormat, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::ids::ProgramId;
use crate::domain::instrument::Level;
use crate::domain::program::format_rupiah;
use crate::domain::user::Capability;
use crate::i18n::{Lang, Msg};
use crate::report::{Learning, ProgramReport, Reaction};
use crate::widgets::{bars, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Reaction,
    Learning,
    Behaviour,
    Barriers,
    Results,
    Quality,
    Advice,
}

impl Section {
    const ALL: [Section; 8] = [
        Section::Summary,
        Section::Reaction,
        Section::Learning,
        Section::Behaviour,
        Section::Barriers,
        Section::Results,
        Section::Quality,
        Section::Advice,
    ];

    fn label(self) -> Msg {
        match self {
            Section::Summary => Msg::SectionSummary,
            Section::Reaction => Msg::LevelReaction,
            Section::Learning => Msg::LevelLearning,
            Section::Behaviour => Msg::LevelBehavior,
            Section::Barriers => Msg::DashBarriers,
            Section::Results => Msg::SectionResults,
            Section::Quality => Msg::DashTabQuality,
            Section::Advice => Msg::DashTabAdvice,
        }
    }

    fn step(self, delta: isize) -> Section {
        let i = Section::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        let n = Section::ALL.len() as isize;
        Section::ALL[usize::try_from((i + delta).rem_euclid(n)).unwrap_or(0)]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DashboardScreen {
    pub program: ProgramId,
    pub report: Option<Box<ProgramReport>>,
    pub section: Section,
    /// First line shown in long sections.
    pub offset: usize,
    /// The recommendations kept with the program (to edit and remove), and the one selected.
    pub kept: Vec<crate::store::results::KeptRecommendation>,
    pub selected: usize,
}

impl DashboardScreen {
    pub fn new(program: ProgramId) -> DashboardScreen {
        DashboardScreen {
            program,
            report: None,
            section: Section::Summary,
            offset: 0,
            kept: Vec::new(),
            selected: 0,
        }
    }
}

pub use crate::i18n::words::{
    alpha_words, effect_words, fixed, gain_words, not_computable, p_words,
};

/// One line of a section: text, or a labelled bar.
enum Line {
    Head(String),
    Text(String),
    Dim(String),
    Bar {
        label: String,
        value: f64,
        max: f64,
        shown: String,
    },
    Blank,
}

fn learning_lines(l: &Learning, cx: &Cx, out: &mut Vec<Line>) {
    let lang = cx.lang;
    out.push(Line::Bar {
        label: "Pre".into(),
        value: l.pre_mean,
        max: l.max,
        shown: fixed(l.pre_mean, 1, lang),
    });
    out.push(Line::Bar {
        label: "Post".into(),
        value: l.post_mean,
        max: l.max,
        shown: fixed(l.post_mean, 1, lang),
    });
    match (l.mean_diff, l.t, l.p, l.cohen_dz) {
        (Some(diff), Some(t), Some(p), Some(dz)) => {
            out.push(Line::Text(
                Msg::DashLearningT.fill(lang, &[&fixed(diff, 1, lang), &l.pairs]),
            ));
            out.push(Line::Text(
                Msg::DashTTest.fill(lang, &[&fixed(t, 2, lang), &p_words(p, lang)]),
            ));
            out.push(Line::Text(
                Msg::DashEffect.fill(lang, &[&effect_words(dz, lang), &fixed(dz, 2, lang)]),
            ));
        }
        _ => out.push(Line::Dim(
            Msg::DashNotComputable.fill(
                lang,
                &[
                    &"t",
                    &l.t_reason
                        .map(|r| not_computable(r, lang))
                        .unwrap_or_default(),
                ],
            ),
        )),
    }
    match (l.wilcoxon_w, l.wilcoxon_p) {
        (Some(w), Some(p)) => out.push(Line::Dim(
            Msg::DashWilcoxon.fill(lang, &[&fixed(w, 1, lang), &p_words(p, lang)]),
        )),
        _ => out.push(Line::Dim(
            Msg::DashNotComputable.fill(
                lang,
                &[
                    &"Wilcoxon",
                    &l.wilcoxon_reason
                        .map(|r| not_computable(r, lang))
                        .unwrap_or_default(),
                ],
            ),
        )),
    }
    if let Some(g) = l.ngain_mean {
        out.push(Line::Text(
            Msg::DashGain.fill(lang, &[&fixed(g, 2, lang), &gain_words(g, lang)]),
        ));
        let total = (l.ngain_high + l.ngain_medium + l.ngain_low).max(1) as f64;
        for (label, n) in [
            (Msg::GainHigh, l.ngain_high),
            (Msg::GainMedium, l.ngain_medium),
            (Msg::GainLow, l.ngain_low),
        ] {
            out.push(Line::Bar {
                label: cx.t(label).to_string(),
                value: n as f64,
                max: total,
                shown: n.to_string(),
            });
        }
    }
}

fn reaction_lines(r: &Reaction, cx: &Cx, out: &mut Vec<Line>) {
    let lang = cx.lang;
    out.push(Line::Head(format!("{} · {}", r.instrument, r.title)));
    let alpha = match (r.alpha, r.alpha_reason) {
        (Some(a), _) => Msg::DashAlpha.fill(
            lang,
            &[
                &fixed(a, 2, lang),
                &alpha_words(a, lang),
                &r.alpha_respondents.unwrap_or(0),
            ],
        ),
        (None, Some(reason)) => {
            Msg::DashNotComputable.fill(lang, &[&"alpha", &not_computable(reason, lang)])
        }
        _ => String::new(),
    };
    out.push(Line::Text(Msg::DashReactionIndex.fill(
        lang,
        &[
            &r.index.map_or_else(|| "-".into(), |i| fixed(i, 0, lang)),
            &r.respondents,
            &alpha,
        ],
    )));
    for a in &r.aspects {
        out.push(Line::Bar {
            label: a.aspect.clone(),
            value: a.index,
            max: 100.0,
            shown: fixed(a.index, 0, lang),
        });
    }
    let mut lowest: Vec<&crate::report::ReactionItem> =
        r.items.iter().filter(|i| i.mean.is_some()).collect();
    lowest.sort_by(|a, b| {
        a.mean
            .partial_cmp(&b.mean)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if !lowest.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Head(cx.t(Msg::DashLowest).to_string()));
        for i in lowest.iter().take(3) {
            out.push(Line::Text(format!(
                "{} {} · {} · {}%",
                i.code,
                i.text,
                i.mean.map_or_else(|| "-".into(), |m| fixed(m, 2, lang)),
                i.favorable_pct
                    .map_or_else(|| "-".into(), |f| fixed(f, 0, lang))
            )));
        }
    }
    out.push(Line::Blank);
    out.push(Line::Head(cx.t(Msg::DashItems).to_string()));
    for i in &r.items {
        out.push(Line::Bar {
            label: i.code.clone(),
            value: i.mean.unwrap_or(0.0) - f64::from(i.scale[0]),
            max: f64::from(i.scale[1] - i.scale[0]),
            shown: format!(
                "{} · {}% · n {}",
                i.mean.map_or_else(|| "-".into(), |m| fixed(m, 2, lang)),
                i.favorable_pct
                    .map_or_else(|| "-".into(), |f| fixed(f, 0, lang)),
                i.n
            ),
        });
    }
}

/// Level 3: the share of participants whose observed behaviour improved, each behaviour at the
/// baseline and the latest follow-up, and the change per objective by the atasan and the participants.
fn behaviour_lines(b: &crate::report::behaviour::Behaviour, cx: &Cx, out: &mut Vec<Line>) {
    let lang = cx.lang;
    if b.observations.is_empty() && b.interviews == 0 && b.self_assessments == 0 {
        out.push(Line::Dim(cx.t(Msg::DashNoBehaviour).into()));
        return;
    }
    let pct = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| format!("{}%", fixed(v, 0, lang)));
    for o in &b.observations {
        out.push(Line::Head(format!("{} · {}", o.instrument, o.title)));
        out.push(Line::Bar {
            label: cx.t(Msg::DashImproved).into(),
            value: o.improved_pct.unwrap_or(0.0),
            max: 100.0,
            shown: format!("{} ({}/{})", pct(o.improved_pct), o.improved, o.paired),
        });
        out.push(Line::Text(
            Msg::DashObservedSplit.fill(lang, &[&o.paired, &o.improved, &o.same, &o.worse]),
        ));
        out.push(Line::Text(Msg::DashObservedShare.fill(
            lang,
            &[&pct(o.baseline_observed_pct), &pct(o.followup_observed_pct)],
        )));
        for i in &o.items {
            out.push(Line::Bar {
                label: i.code.clone(),
                value: i.followup_pct.unwrap_or(0.0),
                max: 100.0,
                shown: format!("{} → {}", pct(i.baseline_pct), pct(i.followup_pct)),
            });
        }
        out.push(Line::Blank);
    }
    if !b.objectives.is_empty() {
        out.push(Line::Head(
            Msg::DashObjectiveChange.fill(lang, &[&b.interviews, &b.self_assessments]),
        ));
        let mean = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| fixed(v, 1, lang));
        for o in &b.objectives {
            out.push(Line::Bar {
                label: format!("{}. {}", o.objective, o.text),
                value: o.supervisor_mean.unwrap_or(1.0) - 1.0,
                max: 3.0,
                shown: Msg::DashSupervisorSelf
                    .fill(lang, &[&mean(o.supervisor_mean), &mean(o.self_mean)]),
            });
        }
        if let Some(s) = b.support_mean {
            out.push(Line::Dim(
                Msg::DashSupport.fill(lang, &[&fixed(s, 1, lang)]),
            ));
        }
    }
}

/// Barriers and drivers named in the supervisor interviews and self-assessments (every phase), with the
/// share that said there was no barrier; and — when there are such interviews — the participants whose
/// observed behaviour stayed the same or got worse, with the reasons named for them.
fn barrier_lines(b: &crate::report::behaviour::Behaviour, cx: &Cx, out: &mut Vec<Line>) {
    let lang = cx.lang;
    let interviewed = b.interviews + b.self_assessments > 0;
    if b.barrier_forms == 0 && b.driver_forms == 0 && !interviewed {
        out.push(Line::Dim(cx.t(Msg::DashNoBarriers).into()));
        return;
    }
    let bars = |list: &[crate::report::behaviour::Named], out: &mut Vec<Line>| {
        for n in list {
            out.push(Line::Bar {
                label: n.label.clone(),
                value: n.pct,
                max: 100.0,
                shown: format!("{} ({}%)", n.count, fixed(n.pct, 0, lang)),
            });
        }
    };
    out.push(Line::Head(
        Msg::DashBarriersOf.fill(lang, &[&b.barrier_forms]),
    ));
    bars(&b.barriers, out);
    if let Some(n) = &b.no_barrier {
        out.push(Line::Text(Msg::DashNoBarrierShare.fill(
            lang,
            &[&n.count, &b.barrier_forms, &fixed(n.pct, 0, lang)],
        )));
    }
    out.push(Line::Blank);
    out.push(Line::Head(
        Msg::DashDriversOf.fill(lang, &[&b.driver_forms]),
    ));
    bars(&b.drivers, out);
    if !interviewed {
        return;
    }
    let why = |u: &crate::report::behaviour::Unchanged| -> String {
        let mut why = u.barriers.join("; ");
        if u.no_barrier {
            if !why.is_empty() {
                why.push_str("; ");
            }
            why.push_str(cx.t(Msg::DashSaidNoBarrier));
        }
        if why.is_empty() {
            why = cx.t(Msg::DashNoReasonNamed).to_string();
        }
        why
    };
    for (head, list) in [
        (Msg::DashUnchanged, &b.unchanged),
        (Msg::DashWorse, &b.worse),
    ] {
        out.push(Line::Blank);
        out.push(Line::Head(head.fill(lang, &[&list.len()])));
        for u in list {
            out.push(Line::Text(format!("{} — {}", u.name, why(u))));
        }
    }
}

/// The public's satisfaction with the unit (IKM): each phase's index and grade (or why there is none),
/// the change before → after, and each element's NRR before and after.
fn ikm_lines(k: &crate::report::ikm::IkmResult, cx: &Cx, out: &mut Vec<Line>) {
    use crate::report::ikm;
    let lang = cx.lang;
    out.push(Line::Blank);
    out.push(Line::Head(format!("IKM · {} · {}", k.instrument, k.title)));
    for s in &k.surveys {
        let line = ikm::survey_line(s, lang);
        out.push(if s.index.is_some() {
            Line::Text(line)
        } else {
            Line::Dim(line)
        });
    }
    out.push(if k.change.is_some() {
        Line::Text(ikm::change_line(k, lang))
    } else {
        Line::Dim(ikm::change_line(k, lang))
    });
    // Each element: before → after when both are there, else the latest survey's.
    let (from, to) = match &k.change {
        Some(_) => (k.before(), k.after()),
        None => (None, k.surveys.last()),
    };
    let Some(to) = to else { return };
    let phases = match from {
        Some(f) => format!(
            "{} → {}",
            cx.t(ikm::phase_words(f.phase)),
            cx.t(ikm::phase_words(to.phase))
        ),
        None => cx.t(ikm::phase_words(to.phase)).to_string(),
    };
    out.push(Line::Dim(Msg::IkmElements.fill(lang, &[&phases])));
    let nrr = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| fixed(v, 2, lang));
    for (k, e) in to.elements.iter().enumerate() {
        let before = from.and_then(|f| f.elements.get(k)).map(|b| b.nrr);
        out.push(Line::Bar {
            label: match &e.aspect {
                Some(a) => format!("{} {a}", e.code),
                None => e.code.clone(),
            },
            value: e.nrr.map_or(0.0, |v| v - 1.0),
            max: 3.0,
            shown: match before {
                Some(b) => format!("{} → {}", nrr(b), nrr(e.nrr)),
                None => format!("{} · n {}", nrr(e.nrr), e.n),
            },
        });
    }
}

/// Level 4: the unit's indicators before and after, the public's satisfaction (IKM), and ROI.
fn results_lines(r: &crate::report::Results, cx: &Cx, out: &mut Vec<Line>) {
    let lang = cx.lang;
    if r.indicators.is_empty() {
        out.push(Line::Dim(cx.t(Msg::IndicatorsNone).into()));
    }
    for i in &r.indicators {
        let n = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| crate::i18n::number(v, lang));
        out.push(Line::Bar {
            label: i.name.clone(),
            value: i.improvement_pct.unwrap_or(0.0).clamp(0.0, 100.0),
            max: 100.0,
            shown: format!(
                "{} → {} {}{}",
                n(i.before),
                n(i.after),
                i.unit,
                i.improvement_pct
                    .map(|p| format!(
                        " ({}{}%)",
                        if p > 0.0 { "+" } else { "" },
                        fixed(p, 0, lang)
                    ))
                    .unwrap_or_default()
            ),
        });
    }
    for k in &r.ikm {
        ikm_lines(k, cx, out);
    }
    out.push(Line::Blank);
    out.push(Line::Head(cx.t(Msg::RoiTitle).to_string()));
    match (r.adjusted_benefit, r.bcr, r.roi_pct) {
        (Some(adj), Some(bcr), Some(roi)) => {
            out.push(Line::Text(Msg::RoiLine.fill(
                lang,
                &[
                    &format_rupiah(r.benefit.unwrap_or(0)),
                    &format_rupiah(adj.round() as i64),
                    &format_rupiah(r.cost),
                    &fixed(bcr, 2, lang),
                    &fixed(roi, 0, lang),
                ],
            )));
            let pct = |v: Option<f64>| {
                v.map_or_else(
                    || "-".into(),
                    |v| format!("{}%", crate::i18n::number(v, lang)),
                )
            };
            out.push(Line::Dim(Msg::RoiHow.fill(
                lang,
                &[
                    &cx.t(super::results_form::isolation_label(&r.isolation)),
                    &pct(r.isolation_pct),
                    &pct(r.confidence_pct),
                ],
            )));
        }
        _ => out.push(Line::Dim(
            cx.t(match r.roi_reason {
                Some(crate::domain::results::RoiMissing::NoCost) => Msg::RoiNoCost,
                _ => Msg::RoiNoBenefit,
            })
            .into(),
        )),
    }
    if !r.intangibles.is_empty() {
        out.push(Line::Head(cx.t(Msg::RoiIntangibles).to_string()));
        for i in &r.intangibles {
            out.push(Line::Text(format!("• {i}")));
        }
    }
}

impl DashboardScreen {
    /// Keeps the generated recommendations with the program, to edit and print.
    fn keep_all(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EditPrograms) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(r) = &self.report else {
            return Vec::new();
        };
        if r.recommendations_kept {
            return vec![Reply::error(cx.t(Msg::RecAlreadyKept))];
        }
        if r.suggested.is_empty() {
            return Vec::new();
        }
        vec![Reply::save(Change::KeepRecommendations {
            program: self.program,
            suggested: self.suggested(),
            own: None,
        })]
    }

    /// The suggestions shown, to keep (none once recommendations are kept).
    fn suggested(&self) -> Vec<crate::store::results::NewRecommendation> {
        match &self.report {
            Some(r) if !r.recommendations_kept => r
                .suggested
                .iter()
                .map(|rec| crate::store::results::NewRecommendation {
                    rule: rec.rule.code(),
                    text: rec.text.clone(),
                    because: rec.because.clone(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Keeps a recommendation selected when the list shrank (the last one was removed).
    fn clamp_selected(&mut self) {
        let n = self
            .report
            .as_ref()
            .map_or(self.kept.len(), |r| r.recommendations.len());
        self.selected = self.selected.min(n.saturating_sub(1));
    }

    /// Why there is no kept recommendation to edit or remove: none are kept yet (keep or write one), or
    /// every kept one was removed.
    fn none_kept(&self, cx: &Cx) -> String {
        let kept = self.report.as_ref().is_some_and(|r| r.recommendations_kept);
        cx.t(if kept {
            Msg::RecNoneKept
        } else {
            Msg::RecKeepFirst
        })
        .to_string()
    }

    fn edit_recommendation(
        &self,
        kept: Option<crate::store::results::KeptRecommendation>,
        cx: &Cx,
    ) -> Vec<Reply> {
        if !cx.can(Capability::EditPrograms) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let name = self
            .report
            .as_ref()
            .map(|r| r.program.name.clone())
            .unwrap_or_default();
        vec![Reply::Push(Box::new(super::Screen::TextForm(
            super::form_screen::FormScreen::new(
                super::text_form::TextSpec {
                    target: match &kept {
                        Some(k) => super::text_form::TextTarget::Recommendation(k.id, k.version),
                        None => super::text_form::TextTarget::NewRecommendation(
                            self.program,
                            self.suggested(),
                        ),
                    },
                    text: kept.map(|k| k.text).unwrap_or_default(),
                    context: name,
                },
                cx,
            ),
        )))]
    }

    /// The section's lines, long text wrapped to the screen's width so that no value is cut.
    fn lines(&self, cx: &Cx) -> Vec<Line> {
        // Text starts one column in from the section's edge (two for body text), one column spare.
        let width = usize::from(cx.body.width.saturating_sub(3)).max(20);
        let mut out = Vec::new();
        for line in self.section_lines(cx) {
            let (text, make): (&str, fn(String) -> Line) = match &line {
                Line::Head(t) => (t, Line::Head),
                Line::Text(t) => (t, Line::Text),
                Line::Dim(t) => (t, Line::Dim),
                _ => {
                    out.push(line);
                    continue;
                }
            };
            if unicode_width::UnicodeWidthStr::width(text) <= width {
                out.push(line);
                continue;
            }
            for (i, part) in crate::screens::confirm::wrap(text, width - 2)
                .into_iter()
                .enumerate()
            {
                out.push(make(if i == 0 { part } else { format!("  {part}") }));
            }
        }
        out
    }

    fn section_lines(&self, cx: &Cx) -> Vec<Line> {
        let lang = cx.lang;
        let Some(r) = &self.report else {
            return vec![Line::Dim(cx.t(Msg::Loading).into())];
        };
        let mut out = Vec::new();
        match self.section {
            Section::Summary => {
                let p = &r.program;
                out.push(Line::Text(if p.withdrawn > 0 {
                    Msg::DashParticipantsWithdrawn
                        .fill(lang, &[&p.participants, &p.passed, &p.withdrawn])
                } else {
                    Msg::DashParticipants.fill(lang, &[&p.participants, &p.passed])
                }));
                out.push(Line::Head(cx.t(level_label(Level::Reaction)).to_string()));
                match r.reaction.first() {
                    Some(re) => out.push(Line::Text(
                        Msg::DashReactionIndex.fill(
                            lang,
                            &[
                                &re.index.map_or_else(|| "-".into(), |i| fixed(i, 0, lang)),
                                &re.respondents,
                                &re.alpha
                                    .map(|a| {
                                        Msg::DashAlphaShort.fill(
                                            lang,
                                            &[&fixed(a, 2, lang), &alpha_words(a, lang)],
                                        )
                                    })
                                    .unwrap_or_default(),
                            ],
                        ),
                    )),
                    None => out.push(Line::Dim(cx.t(Msg::DashNoReaction).into())),
                }
                out.push(Line::Head(cx.t(level_label(Level::Learning)).to_string()));
                match &r.learning {
                    Some(l) => {
                        out.push(Line::Text(Msg::DashLearningShort.fill(
                            lang,
                            &[
                                &fixed(l.pre_mean, 1, lang),
                                &fixed(l.post_mean, 1, lang),
                                &l.pairs,
                            ],
                        )));
                        if let (Some(p), Some(dz)) = (l.p, l.cohen_dz) {
                            out.push(Line::Text(format!(
                                "{} · {}",
                                p_words(p, lang),
                                Msg::DashEffect
                                    .fill(lang, &[&effect_words(dz, lang), &fixed(dz, 2, lang)])
                            )));
                        }
                        if let Some(g) = l.ngain_mean {
                            out.push(Line::Text(
                                Msg::DashGain
                                    .fill(lang, &[&fixed(g, 2, lang), &gain_words(g, lang)]),
                            ));
                        }
                    }
                    None => out.push(Line::Dim(
                        Msg::DashNoLearning.fill(
                            lang,
                            &[&r.learning_reason
                                .map(|x| not_computable(x, lang))
                                .unwrap_or_default()],
                        ),
                    )),
                }
                // The public's satisfaction, when surveyed: the change, or the latest survey.
                if !r.results.ikm.is_empty() {
                    out.push(Line::Head(cx.t(Msg::SectionResults).to_string()));
                }
                for k in &r.results.ikm {
                    out.push(match (&k.change, k.surveys.last()) {
                        (Some(_), _) | (None, None) => {
                            Line::Text(crate::report::ikm::change_line(k, lang))
                        }
                        (None, Some(s)) => Line::Text(crate::report::ikm::survey_line(s, lang)),
                    });
                }
                out.push(Line::Head(cx.t(Msg::DashCosts).to_string()));
                out.push(Line::Text(
                    Msg::DashCostLine.fill(
                        lang,
                        &[
                            &format_rupiah(r.costs.total),
                            &r.costs
                                .per_participant
                                .map_or_else(|| "-".into(), format_rupiah),
                            &r.costs
                                .per_participant_jp
                                .map_or_else(|| "-".into(), format_rupiah),
                        ],
                    ),
                ));
                out.push(Line::Head(cx.t(Msg::DashQuality).to_string()));
                out.push(Line::Text(quality_line(r, lang)));
            }
            Section::Reaction => {
                if r.reaction.is_empty() {
                    out.push(Line::Dim(cx.t(Msg::DashNoReaction).into()));
                }
                for re in &r.reaction {
                    reaction_lines(re, cx, &mut out);
                    out.push(Line::Blank);
                }
            }
            Section::Learning => match &r.learning {
                Some(l) => learning_lines(l, cx, &mut out),
                None => out.push(Line::Dim(
                    Msg::DashNoLearning.fill(
                        lang,
                        &[&r.learning_reason
                            .map(|x| not_computable(x, lang))
                            .unwrap_or_default()],
                    ),
                )),
            },
            Section::Behaviour => behaviour_lines(&r.behaviour, cx, &mut out),
            Section::Barriers => barrier_lines(&r.behaviour, cx, &mut out),
            Section::Results => results_lines(&r.results, cx, &mut out),
            Section::Quality => {
                let q = &r.data_quality;
                out.push(Line::Text(quality_line(r, lang)));
                if let Some(rate) = q.response_rate {
                    out.push(Line::Bar {
                        label: cx.t(Msg::DashResponseRate).into(),
                        value: rate,
                        max: 100.0,
                        shown: format!("{}%", fixed(rate, 0, lang)),
                    });
                }
                out.push(Line::Bar {
                    label: cx.t(Msg::DashScored).into(),
                    value: q.with_scores as f64,
                    max: q.enrolled.max(1) as f64,
                    shown: format!("{}/{}", q.with_scores, q.enrolled),
                });
                out.push(Line::Dim(
                    Msg::DashUnverified.fill(lang, &[&q.unverified_forms]),
                ));
            }
            Section::Advice => {
                if r.recommendations.is_empty() {
                    out.push(Line::Dim(
                        cx.t(if r.recommendations_kept {
                            Msg::RecNoneKept
                        } else {
                            Msg::DashNoRecommendations
                        })
                        .into(),
                    ));
                }
                out.push(Line::Dim(
                    cx.t(if r.recommendations_kept {
                        Msg::RecKeptNote
                    } else {
                        Msg::RecSuggestedNote
                    })
                    .into(),
                ));
                let width = usize::from(cx.body.width.saturating_sub(5));
                for (n, rec) in r.recommendations.iter().enumerate() {
                    let mark = if n == self.selected { "▶" } else { " " };
                    for (i, line) in crate::screens::confirm::wrap(&rec.text, width)
                        .into_iter()
                        .enumerate()
                    {
                        out.push(if i == 0 {
                            Line::Head(format!("{mark}{}. {line}", n + 1))
                        } else {
                            Line::Text(format!("   {line}"))
                        });
                    }
                    // One the evaluator wrote has no reason: no empty "because".
                    if let Some(because) = rec.because_line(lang) {
                        out.push(Line::Dim(format!("  {because}")));
                    }
                }
            }
        }
        out
    }
}

fn quality_line(r: &ProgramReport, lang: Lang) -> String {
    let q = &r.data_quality;
    Msg::DashQualityLine.fill(
        lang,
        &[
            &q.response_rate
                .map_or_else(|| "-".into(), |x| format!("{}%", fixed(x, 0, lang))),
            &q.missing_answers_pct
                .map_or_else(|| "-".into(), |x| format!("{}%", fixed(x, 1, lang))),
            &q.unverified_forms,
        ],
    )
}

impl View for DashboardScreen {
    fn title(&self, cx: &Cx) -> String {
        match &self.report {
            Some(r) => format!("{} {}", cx.t(Msg::DashTitle), r.program.code),
            None => cx.t(Msg::DashTitle).to_string(),
        }
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        if self.section == Section::Advice {
            (vec![Scope::Advice, Scope::Dashboard, Scope::Scroll], false)
        } else {
            (vec![Scope::Dashboard, Scope::Scroll], false)
        }
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = usize::from(cx.body.height.saturating_sub(3));
        let len = self.lines(cx).len();
        let last = len.saturating_sub(height);
        match action {
            Action::Cmd(Command::NextSection) => {
                self.section = self.section.step(1);
                self.offset = 0;
            }
            Action::Cmd(Command::PrevSection) => {
                self.section = self.section.step(-1);
                self.offset = 0;
            }
            // In the recommendations, up and down choose one (kept ones can be edited and removed).
            Action::Cmd(Command::Down) if self.section == Section::Advice => {
                let n = self.report.as_ref().map_or(0, |r| r.recommendations.len());
                self.selected = (self.selected + 1).min(n.saturating_sub(1));
            }
            Action::Cmd(Command::Up) if self.section == Section::Advice => {
                self.selected = self.selected.saturating_sub(1);
            }
            Action::Cmd(Command::KeepAll) => return self.keep_all(cx),
            Action::Cmd(Command::New) if self.section == Section::Advice => {
                return self.edit_recommendation(None, cx);
            }
            Action::Cmd(Command::Edit) if self.section == Section::Advice => {
                return match self.kept.get(self.selected).cloned() {
                    Some(k) => self.edit_recommendation(Some(k), cx),
                    None => vec![Reply::error(self.none_kept(cx))],
                };
            }
            Action::Cmd(Command::Delete) if self.section == Section::Advice => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                return match self.kept.get(self.selected) {
                    Some(k) => vec![Reply::Modal(Box::new(super::Modal::Confirm(
                        super::confirm::Confirm {
                            question: Msg::RecDeleteQuestion.fill(cx.lang, &[&k.text]),
                            on_yes: vec![Reply::save(Change::DeleteRecommendation(k.id))],
                        },
                    )))],
                    None => vec![Reply::error(self.none_kept(cx))],
                };
            }
            Action::Saved(Saved::Recommendation) => {
                return self.refresh().into_iter().map(Reply::Effect).collect();
            }
            Action::Loaded(Loaded::Kept(program, kept)) if *program == self.program => {
                self.kept = kept.clone();
                self.clamp_selected();
            }
            Action::Cmd(Command::Down) => self.offset = (self.offset + 1).min(last),
            Action::Cmd(Command::Up) => self.offset = self.offset.saturating_sub(1),
            Action::Cmd(Command::PageDown) => self.offset = (self.offset + height).min(last),
            Action::Cmd(Command::PageUp) => self.offset = self.offset.saturating_sub(height),
            Action::Cmd(Command::Top) => self.offset = 0,
            Action::Cmd(Command::Bottom) => self.offset = last,
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            Action::Cmd(cmd @ (Command::PrintReport | Command::ExportXlsx)) => {
                let format = if *cmd == Command::PrintReport {
                    ExportFormat::Html
                } else {
                    ExportFormat::Xlsx
                };
                return vec![
                    Reply::Effect(Effect::ExportReport {
                        program: self.program,
                        format,
                    }),
                    Reply::info(cx.t(Msg::ExportRunning)),
                ];
            }
            Action::Saved(Saved::Exported(path)) => {
                return vec![Reply::info(
                    Msg::ExportDone.fill(cx.lang, &[&path.display()]),
                )];
            }
            Action::Loaded(Loaded::Dashboard(report)) if report.program_id == self.program => {
                self.report = Some(report.clone());
                self.clamp_selected();
                let len = self.lines(cx).len();
                self.offset = self.offset.min(len.saturating_sub(height));
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![
            Effect::Load(Load::Dashboard(self.program)),
            Effect::Load(Load::Kept(self.program)),
        ]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        // The tabs side by side, each padded by a space; where they do not fit, without the padding.
        let width = |s: &Section| unicode_width::UnicodeWidthStr::width(cx.t(s.label()));
        let padded: usize = Section::ALL.iter().map(|s| width(s) + 2).sum();
        let pad = if padded <= usize::from(area.width) {
            " "
        } else {
            ""
        };
        let mut x = area.x;
        for s in Section::ALL {
            let style = if s == self.section {
                theme.tab_active()
            } else {
                theme.dim()
            };
            x += put(
                buf,
                x,
                area.y,
                &format!("{pad}{}{pad}", cx.t(s.label())),
                area.width.saturating_sub(x - area.x),
                style,
            ) + u16::from(pad.is_empty());
        }
        if let Some(r) = &self.report {
            put(
                buf,
                area.x + 1,
                area.y + 1,
                &format!("{} · {}", r.program.code, r.program.name),
                area.width.saturating_sub(2),
                theme.header(),
            );
        }
        let lines = self.lines(cx);
        let top = area.y + 2;
        let height = usize::from(area.height.saturating_sub(2));
        let w = area.width.saturating_sub(2);
        // Labels as wide as the longest of the section needs (barriers, objectives), within reason.
        let longest = lines
            .iter()
            .filter_map(|l| match l {
                Line::Bar { label, .. } => {
                    Some(unicode_width::UnicodeWidthStr::width(label.as_str()))
                }
                _ => None,
            })
            .max()
            .unwrap_or(0);
        // Values are never cut: the widest of the section sets their column; labels and bars share the rest.
        let shown_w = lines
            .iter()
            .filter_map(|l| match l {
                Line::Bar { shown, .. } => {
                    Some(unicode_width::UnicodeWidthStr::width(shown.as_str()))
                }
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let shown_w = u16::try_from(shown_w).unwrap_or(u16::MAX).min(w / 2);
        let label_w: u16 = u16::try_from(longest)
            .unwrap_or(16)
            .clamp(16, 36)
            .min(w.saturating_sub(shown_w + 3 + 10));
        let bar_w = w.saturating_sub(label_w + shown_w + 3);
        for (i, line) in lines.iter().skip(self.offset).take(height).enumerate() {
            let y = top + u16::try_from(i).unwrap_or(0);
            let x = area.x + 1;
            match line {
                Line::Head(t) => {
                    put(buf, x, y, t, w, theme.header());
                }
                Line::Text(t) => {
                    put(buf, x + 1, y, t, w.saturating_sub(1), theme.base());
                }
                Line::Dim(t) => {
                    put(buf, x + 1, y, t, w.saturating_sub(1), theme.dim());
                }
                Line::Bar {
                    label,
                    value,
                    max,
                    shown,
                } => {
                    put(buf, x + 1, y, label, label_w, theme.base());
                    bars::draw(
                        buf,
                        x + 2 + label_w,
                        y,
                        *value,
                        *max,
                        bar_w,
                        Style::default(),
                    );
                    put(
                        buf,
                        x + 3 + label_w + bar_w,
                        y,
                        shown,
                        shown_w,
                        theme.base(),
                    );
                }
                Line::Blank => {}
            }
        }
        if lines.len() > self.offset + height {
            put(
                buf,
                area.x + area.width - 1,
                area.y + area.height - 1,
                "↓",
                1,
                theme.dim(),
            );
        }
    }
}
