//! The printable post-training evaluation report (Laporan Evaluasi Pasca Pelatihan): one self-contained
//! HTML file (inline CSS and SVG charts, A4 print stylesheet) following the outline agencies use —
//! Pendahuluan, Tujuan, Metode, Hasil per level, Dampak terhadap kinerja, Rekomendasi, Kesimpulan.

use super::{Learning, ProgramReport, Reaction};
use crate::domain::program::format_rupiah;
use crate::i18n::words::{alpha_words, effect_words, fixed, gain_words, not_computable, p_words};
use crate::i18n::{Lang, Msg};
use std::fmt::Write;

/// Text made safe for HTML (and for terminals reading the file, control characters as placeholders).
pub fn esc(s: &str) -> String {
    let safe = crate::text::clean(s, crate::text::Lines::Multi);
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm; text-transform: uppercase; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #444; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1mm; page-break-after: avoid; }
p { margin: 1.5mm 0; text-align: justify; }
.sub { text-align: center; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 10pt; page-break-inside: avoid; }
th, td { border: 1px solid #777; padding: 1mm 2mm; vertical-align: top; }
th { background: #e8e8e8; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
.meta td:first-child { width: 38%; }
figure { margin: 3mm 0; page-break-inside: avoid; }
figcaption { font-size: 9.5pt; font-style: italic; }
svg text { font-family: "Liberation Sans", Arial, sans-serif; font-size: 9px; }
ol.rec li { margin-bottom: 2mm; }
.why { color: #444; font-size: 9.5pt; }
.sign { margin-top: 14mm; width: 60mm; margin-left: auto; text-align: center; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
"#;

/// A horizontal bar chart of (label, value, value as written) on 0..=max.
fn bar_chart(rows: &[(String, f64, String)], max: f64) -> String {
    let row_h = 18.0;
    // Room for the longest label (about 6 px a character at this size), within the chart's width.
    let longest = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0) as f64;
    let label_w = (longest * 6.0 + 10.0).clamp(60.0, 230.0);
    let bar_w = 490.0 - label_w;
    let height = row_h * rows.len() as f64 + 20.0;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 560 {height}" role="img">"#
    );
    for (i, (label, value, shown)) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let w = if max > 0.0 {
            (value / max).clamp(0.0, 1.0) * bar_w
        } else {
            0.0
        };
        let _ = write!(
            svg,
            r##"<text x="{lx}" y="{ty}" text-anchor="end">{label}</text><rect x="{bx}" y="{y}" width="{w:.1}" height="12" fill="#4a6fa5"/><rect x="{bx}" y="{y}" width="{bar_w}" height="12" fill="none" stroke="#999" stroke-width="0.5"/><text x="{vx:.1}" y="{ty}">{shown}</text>"##,
            lx = label_w - 4.0,
            ty = y + 10.0,
            label = esc(label),
            shown = esc(shown),
            bx = label_w,
            vx = label_w + bar_w + 4.0,
        );
    }
    for tick in 0..=4 {
        let x = label_w + bar_w * f64::from(tick) / 4.0;
        let v = max * f64::from(tick) / 4.0;
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="{y}" text-anchor="middle" fill="#555">{v:.0}</text>"##,
            y = height - 4.0
        );
    }
    svg.push_str("</svg>");
    svg
}

fn section(out: &mut String, n: usize, title: &str) {
    let _ = write!(out, "<h2>{n}. {}</h2>", esc(title));
}

fn para(out: &mut String, text: &str) {
    let _ = write!(out, "<p>{}</p>", esc(text));
}

fn reaction_html(out: &mut String, r: &Reaction, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let _ = write!(out, "<h3>{} — {}</h3>", esc(&r.instrument), esc(&r.title));
    let alpha = match (r.alpha, r.alpha_reason) {
        (Some(a), _) => Msg::HtmlAlpha.fill(
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
    para(
        out,
        &Msg::HtmlReactionIntro.fill(
            lang,
            &[
                &r.respondents,
                &r.index.map_or_else(|| "-".into(), |i| fixed(i, 0, lang)),
                &alpha,
            ],
        ),
    );
    if !r.aspects.is_empty() {
        let rows: Vec<(String, f64, String)> = r
            .aspects
            .iter()
            .map(|a| (a.aspect.clone(), a.index, fixed(a.index, 0, lang)))
            .collect();
        let _ = write!(
            out,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            bar_chart(&rows, 100.0),
            esc(t(Msg::HtmlAspectCaption))
        );
    }
    let _ = write!(
        out,
        "<table><tr><th>{}</th><th>{}</th><th>n</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(t(Msg::ColCode)),
        esc(t(Msg::HtmlStatement)),
        esc(t(Msg::HtmlMean)),
        esc(t(Msg::HtmlSd)),
        esc(t(Msg::HtmlFavorable))
    );
    for i in &r.items {
        let _ = write!(
            out,
            r#"<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            esc(&i.code),
            esc(&i.text),
            i.n,
            i.mean.map_or_else(|| "-".into(), |m| fixed(m, 2, lang)),
            i.sd.map_or_else(|| "-".into(), |m| fixed(m, 2, lang)),
            i.favorable_pct
                .map_or_else(|| "-".into(), |m| format!("{}%", fixed(m, 0, lang)))
        );
    }
    out.push_str("</table>");
    for c in &r.comments {
        let _ = write!(
            out,
            "<h4>{} ({})</h4><ul class=\"comments\">",
            esc(&c.question),
            Msg::HtmlCommentCount.fill(lang, &[&c.answers.len()])
        );
        for a in &c.answers {
            let _ = write!(out, "<li>{}</li>", esc(a));
        }
        out.push_str("</ul>");
    }
}

/// Level 3: who improved, each behaviour before and after, the change per objective.
fn behaviour_html(out: &mut String, b: &crate::report::behaviour::Behaviour, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    if b.observations.is_empty() && b.interviews == 0 && b.self_assessments == 0 {
        para(out, t(Msg::HtmlNoBehaviour));
        return;
    }
    let pct = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| format!("{}%", fixed(v, 0, lang)));
    for o in &b.observations {
        para(
            out,
            &Msg::DashObservedSplit.fill(lang, &[&o.paired, &o.improved, &o.same, &o.worse]),
        );
        para(
            out,
            &Msg::HtmlBehaviourIntro.fill(
                lang,
                &[
                    &o.title,
                    &o.paired,
                    &o.improved,
                    &pct(o.improved_pct),
                    &pct(o.baseline_observed_pct),
                    &pct(o.followup_observed_pct),
                ],
            ),
        );
        let rows: Vec<(String, f64, String)> = o
            .items
            .iter()
            .map(|i| {
                (
                    i.code.clone(),
                    i.followup_pct.unwrap_or(0.0),
                    format!("{} → {}", pct(i.baseline_pct), pct(i.followup_pct)),
                )
            })
            .collect();
        let _ = write!(
            out,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            bar_chart(&rows, 100.0),
            esc(t(Msg::HtmlBehaviourCaption))
        );
        let _ = write!(
            out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(t(Msg::ColCode)),
            esc(t(Msg::HtmlBehaviourItem)),
            esc(t(Msg::PhaseShortPre)),
            esc(t(Msg::HtmlLatestFollowup))
        );
        for i in &o.items {
            let _ = write!(
                out,
                r#"<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
                esc(&i.code),
                esc(&i.text),
                pct(i.baseline_pct),
                pct(i.followup_pct)
            );
        }
        out.push_str("</table>");
    }
    if !b.objectives.is_empty() {
        para(
            out,
            &Msg::DashObjectiveChange.fill(lang, &[&b.interviews, &b.self_assessments]),
        );
        let _ = write!(
            out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(t(Msg::HtmlObjective)),
            esc(t(Msg::PartSupervisor)),
            esc(t(Msg::PartSelfShort))
        );
        let mean = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| fixed(v, 1, lang));
        for o in &b.objectives {
            let _ = write!(
                out,
                r#"<tr><td>{}. {}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
                o.objective,
                esc(&o.text),
                mean(o.supervisor_mean),
                mean(o.self_mean)
            );
        }
        out.push_str("</table>");
    }
}

/// Level 4: the unit's indicators and ROI (Phillips), with how it was estimated.
fn results_html(out: &mut String, r: &crate::report::Results, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    if !r.indicators.is_empty() {
        let _ = write!(
            out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(t(Msg::IndicatorName)),
            esc(t(Msg::IndicatorBefore)),
            esc(t(Msg::IndicatorAfter)),
            esc(t(Msg::ColChange)),
            esc(t(Msg::IndicatorSource))
        );
        let n = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| crate::i18n::number(v, lang));
        for i in &r.indicators {
            let _ = write!(
                out,
                r#"<tr><td>{} ({})</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td></tr>"#,
                esc(&i.name),
                esc(&i.unit),
                n(i.before),
                n(i.after),
                i.improvement_pct
                    .map_or_else(|| "-".into(), |p| format!("{}%", fixed(p, 0, lang))),
                esc(&i.source)
            );
        }
        out.push_str("</table>");
    }
    match (r.adjusted_benefit, r.bcr, r.roi_pct) {
        (Some(adj), Some(bcr), Some(roi)) => {
            let pct = |v: Option<f64>| {
                v.map_or_else(
                    || "-".into(),
                    |v| format!("{}%", crate::i18n::number(v, lang)),
                )
            };
            para(
                out,
                &Msg::HtmlRoi.fill(
                    lang,
                    &[
                        &format_rupiah(r.benefit.unwrap_or(0)),
                        &t(crate::i18n::isolation_label(&r.isolation)).to_lowercase(),
                        &pct(r.isolation_pct),
                        &pct(r.confidence_pct),
                        &format_rupiah(adj.round() as i64),
                        &format_rupiah(r.cost),
                        &fixed(bcr, 2, lang),
                        &fixed(roi, 0, lang),
                    ],
                ),
            );
        }
        _ => para(
            out,
            t(match r.roi_reason {
                Some(crate::domain::results::RoiMissing::NoCost) => Msg::RoiNoCost,
                _ => Msg::HtmlNoRoi,
            }),
        ),
    }
    for k in &r.ikm {
        ikm_html(out, k, lang);
    }
    if !r.intangibles.is_empty() {
        let _ = write!(out, "<p>{}</p><ul>", esc(t(Msg::RoiIntangibles)));
        for i in &r.intangibles {
            let _ = write!(out, "<li>{}</li>", esc(i));
        }
        out.push_str("</ul>");
    }
}

/// The public's satisfaction with the unit (IKM, PermenPAN-RB 14/2017): each element's NRR per phase, the
/// index and grade per phase (or why there is none), and the change before → after.
fn ikm_html(out: &mut String, k: &crate::report::ikm::IkmResult, lang: Lang) {
    use crate::report::ikm;
    let t = |m: Msg| m.text(lang);
    let _ = write!(out, "<h4>IKM — {}</h4>", esc(&k.title));
    para(out, t(Msg::HtmlIkmIntro));
    let _ = write!(
        out,
        "<table class=\"ikm\"><tr><th>{}</th><th>{}</th>",
        esc(t(Msg::ColCode)),
        esc(t(Msg::IkmElement))
    );
    for s in &k.surveys {
        let _ = write!(out, "<th>NRR {}</th>", esc(t(ikm::phase_words(s.phase))));
    }
    out.push_str("</tr>");
    let nrr = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| fixed(v, 2, lang));
    let codes: Vec<(&str, &str)> = k
        .surveys
        .first()
        .map(|s| {
            s.elements
                .iter()
                .map(|e| (e.code.as_str(), e.text.as_str()))
                .collect()
        })
        .unwrap_or_default();
    for (n, (code, text)) in codes.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td>", esc(code), esc(text));
        for s in &k.surveys {
            let _ = write!(
                out,
                r#"<td class="n">{}</td>"#,
                nrr(s.elements.get(n).and_then(|e| e.nrr))
            );
        }
        out.push_str("</tr>");
    }
    for (label, cell) in [
        (
            "IKM (25–100)",
            &(|s: &ikm::IkmSurvey| {
                s.index
                    .map_or_else(|| "-".into(), |i| ikm::index_words(i, lang))
            }) as &dyn Fn(&ikm::IkmSurvey) -> String,
        ),
        (t(Msg::XlsxIkmGrade), &|s: &ikm::IkmSurvey| {
            s.grade.map_or_else(
                || "-".into(),
                |g| format!("{} ({})", ikm::grade_letter(g), t(ikm::grade_words(g))),
            )
        }),
        (t(Msg::XlsxRespondents), &|s: &ikm::IkmSurvey| {
            s.respondents.to_string()
        }),
    ] {
        let _ = write!(out, r#"<tr><th colspan="2">{}</th>"#, esc(label));
        for s in &k.surveys {
            let _ = write!(out, r#"<th class="n">{}</th>"#, esc(&cell(s)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    for s in k.surveys.iter().filter(|s| s.index.is_none()) {
        para(out, &ikm::survey_line(s, lang));
    }
    para(out, &ikm::change_line(k, lang));
}

/// Barriers and drivers (with the share that said there was none), and the participants whose behaviour
/// stayed the same or got worse.
fn impact_html(out: &mut String, b: &crate::report::behaviour::Behaviour, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let chart = |out: &mut String, list: &[crate::report::behaviour::Named]| {
        if list.is_empty() {
            return;
        }
        let rows: Vec<(String, f64, String)> = list
            .iter()
            .map(|n| {
                (
                    n.label.clone(),
                    n.pct,
                    format!("{} ({}%)", n.count, fixed(n.pct, 0, lang)),
                )
            })
            .collect();
        let _ = write!(out, "<figure>{}</figure>", bar_chart(&rows, 100.0));
    };
    if b.barrier_forms > 0 {
        let _ = write!(
            out,
            "<h3>{}</h3>",
            esc(&Msg::DashBarriersOf.fill(lang, &[&b.barrier_forms]))
        );
        chart(out, &b.barriers);
        if let Some(n) = &b.no_barrier {
            para(
                out,
                &Msg::DashNoBarrierShare
                    .fill(lang, &[&n.count, &b.barrier_forms, &fixed(n.pct, 0, lang)]),
            );
        }
    }
    if b.driver_forms > 0 {
        let _ = write!(
            out,
            "<h3>{}</h3>",
            esc(&Msg::DashDriversOf.fill(lang, &[&b.driver_forms]))
        );
        chart(out, &b.drivers);
    }
    // Who did not improve, with the reasons named: only where the atasan or they were asked.
    if b.interviews + b.self_assessments == 0 {
        return;
    }
    for (head, list) in [
        (Msg::DashUnchanged, &b.unchanged),
        (Msg::DashWorse, &b.worse),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<h3>{}</h3><ul>",
            esc(&head.fill(lang, &[&list.len()]))
        );
        for u in list {
            let mut why = u.barriers.join("; ");
            if u.no_barrier {
                if !why.is_empty() {
                    why.push_str("; ");
                }
                why.push_str(t(Msg::DashSaidNoBarrier));
            }
            if why.is_empty() {
                why = t(Msg::DashNoReasonNamed).to_string();
            }
            let _ = write!(out, "<li>{} — {}</li>", esc(&u.name), esc(&why));
        }
        out.push_str("</ul>");
    }
}

fn learning_html(out: &mut String, l: &Learning, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let rows = vec![
        (
            "Pre-test".to_string(),
            l.pre_mean,
            fixed(l.pre_mean, 1, lang),
        ),
        (
            "Post-test".to_string(),
            l.post_mean,
            fixed(l.post_mean, 1, lang),
        ),
    ];
    let _ = write!(
        out,
        "<figure>{}<figcaption>{}</figcaption></figure>",
        bar_chart(&rows, l.max),
        esc(&Msg::HtmlPrePostCaption.fill(lang, &[&l.pairs]))
    );
    let mut lines = Vec::new();
    if let Some(d) = l.mean_diff {
        lines.push(Msg::DashLearningT.fill(lang, &[&fixed(d, 1, lang), &l.pairs]));
    }
    match (l.t, l.p, l.cohen_dz) {
        (Some(tv), Some(p), Some(dz)) => {
            lines.push(Msg::DashTTest.fill(lang, &[&fixed(tv, 2, lang), &p_words(p, lang)]));
            if let Some([lo, hi]) = l.ci95 {
                lines.push(Msg::HtmlCi.fill(lang, &[&fixed(lo, 1, lang), &fixed(hi, 1, lang)]));
            }
            lines.push(Msg::DashEffect.fill(lang, &[&effect_words(dz, lang), &fixed(dz, 2, lang)]));
        }
        _ => lines.push(
            Msg::DashNotComputable.fill(
                lang,
                &[
                    &"t",
                    &l.t_reason
                        .map(|r| not_computable(r, lang))
                        .unwrap_or_default(),
                ],
            ),
        ),
    }
    if let (Some(w), Some(p)) = (l.wilcoxon_w, l.wilcoxon_p) {
        lines.push(Msg::DashWilcoxon.fill(lang, &[&fixed(w, 1, lang), &p_words(p, lang)]));
    }
    for line in lines {
        para(out, &line);
    }
    if let Some(g) = l.ngain_mean {
        para(
            out,
            &Msg::DashGain.fill(lang, &[&fixed(g, 2, lang), &gain_words(g, lang)]),
        );
        let rows = vec![
            (
                t(Msg::GainHigh).to_string(),
                l.ngain_high as f64,
                l.ngain_high.to_string(),
            ),
            (
                t(Msg::GainMedium).to_string(),
                l.ngain_medium as f64,
                l.ngain_medium.to_string(),
            ),
            (
                t(Msg::GainLow).to_string(),
                l.ngain_low as f64,
                l.ngain_low.to_string(),
            ),
        ];
        let total = (l.ngain_high + l.ngain_medium + l.ngain_low).max(1) as f64;
        let _ = write!(
            out,
            "<figure>{}<figcaption>{}</figcaption></figure>",
            bar_chart(&rows, total),
            esc(t(Msg::HtmlGainCaption))
        );
    }
}

/// The report as one HTML file.
pub fn render(r: &ProgramReport, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    let p = &r.program;
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        r#"<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><title>{} — {}</title><style>{STYLE}</style></head><body>"#,
        lang.code(),
        esc(t(Msg::HtmlTitle)),
        esc(&p.code)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"sub\">{}<br>{}</p>",
        esc(t(Msg::HtmlTitle)),
        esc(&p.name),
        esc(&p.code)
    );
    let start = crate::domain::date::parse(&p.start)
        .map(crate::domain::date::format)
        .unwrap_or_else(|_| p.start.clone());
    let end = crate::domain::date::parse(&p.end)
        .map(crate::domain::date::format)
        .unwrap_or_else(|_| p.end.clone());
    let _ = write!(out, "<table class=\"meta\">");
    for (label, value) in [
        (t(Msg::ColProvider), p.provider.clone()),
        (t(Msg::ColLocation), p.location.clone()),
        (t(Msg::FieldDates), format!("{start} – {end}")),
        (t(Msg::FieldJp), p.jp.to_string()),
        (
            t(Msg::ColParticipants),
            if p.withdrawn > 0 {
                Msg::DashParticipantsWithdrawn
                    .fill(lang, &[&p.participants, &p.passed, &p.withdrawn])
            } else {
                Msg::DashParticipants.fill(lang, &[&p.participants, &p.passed])
            },
        ),
    ] {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(label),
            esc(&value)
        );
    }
    out.push_str("</table>");

    section(&mut out, 1, t(Msg::HtmlIntro));
    para(
        &mut out,
        &Msg::HtmlIntroText.fill(
            lang,
            &[&p.name, &p.competency, &start, &end, &p.participants],
        ),
    );
    if !p.objectives.is_empty() {
        para(&mut out, t(Msg::HtmlObjectivesIntro));
        out.push_str("<ol>");
        for o in &p.objectives {
            let _ = write!(out, "<li>{}", esc(&o.text));
            if !o.behaviours.is_empty() {
                out.push_str("<ul>");
                for b in &o.behaviours {
                    let _ = write!(out, "<li>{}</li>", esc(b));
                }
                out.push_str("</ul>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }

    section(&mut out, 2, t(Msg::HtmlGoals));
    out.push_str("<ol>");
    for m in [
        Msg::HtmlGoal1,
        Msg::HtmlGoal2,
        Msg::HtmlGoal3,
        Msg::HtmlGoal4,
    ] {
        let _ = write!(out, "<li>{}</li>", esc(t(m)));
    }
    out.push_str("</ol>");

    section(&mut out, 3, t(Msg::HtmlMethod));
    for re in &r.reaction {
        para(
            &mut out,
            &Msg::HtmlMethodReaction.fill(lang, &[&re.title, &re.respondents, &p.participants]),
        );
    }
    if let Some(l) = &r.learning {
        para(&mut out, &Msg::HtmlMethodLearning.fill(lang, &[&l.pairs]));
    }
    para(&mut out, t(Msg::HtmlMethodStats));

    section(&mut out, 4, t(Msg::HtmlResults));
    let _ = write!(out, "<h3>4.1 {}</h3>", esc(t(Msg::LevelReaction)));
    if r.reaction.is_empty() {
        para(&mut out, t(Msg::DashNoReaction));
    }
    for re in &r.reaction {
        reaction_html(&mut out, re, lang);
    }
    let _ = write!(out, "<h3>4.2 {}</h3>", esc(t(Msg::LevelLearning)));
    match &r.learning {
        Some(l) => learning_html(&mut out, l, lang),
        None => para(
            &mut out,
            &Msg::DashNoLearning.fill(
                lang,
                &[&r.learning_reason
                    .map(|x| not_computable(x, lang))
                    .unwrap_or_default()],
            ),
        ),
    }
    let _ = write!(out, "<h3>4.3 {}</h3>", esc(t(Msg::LevelBehavior)));
    behaviour_html(&mut out, &r.behaviour, lang);
    let _ = write!(out, "<h3>4.4 {}</h3>", esc(t(Msg::HtmlResultsCosts)));
    let c = &r.costs;
    if !c.lines.is_empty() {
        let _ = write!(
            out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(t(Msg::FieldCategory)),
            esc(t(Msg::FieldDescription)),
            esc(t(Msg::FieldAmount))
        );
        for l in &c.lines {
            let label = crate::domain::program::CostCategory::from_code(&l.category)
                .map_or_else(|| l.category.clone(), |k| k.label().text(lang).to_string());
            let _ = write!(
                out,
                r#"<tr><td>{}</td><td>{}</td><td class="n">{}</td></tr>"#,
                esc(&label),
                esc(&l.description),
                esc(&format_rupiah(l.amount))
            );
        }
        let _ = write!(
            out,
            r#"<tr><th colspan="2">{}</th><th class="n">{}</th></tr></table>"#,
            esc(t(Msg::FieldTotalCost)),
            esc(&format_rupiah(c.total))
        );
    }
    para(
        &mut out,
        &Msg::DashCostLine.fill(
            lang,
            &[
                &format_rupiah(c.total),
                &c.per_participant.map_or_else(|| "-".into(), format_rupiah),
                &c.per_participant_jp
                    .map_or_else(|| "-".into(), format_rupiah),
            ],
        ),
    );

    results_html(&mut out, &r.results, lang);

    section(&mut out, 5, t(Msg::HtmlImpact));
    para(&mut out, t(Msg::HtmlImpactText));
    impact_html(&mut out, &r.behaviour, lang);

    section(&mut out, 6, t(Msg::DashRecommendations));
    if r.recommendations.is_empty() {
        para(
            &mut out,
            t(if r.recommendations_kept {
                Msg::HtmlNoneKept
            } else {
                Msg::DashNoRecommendations
            }),
        );
    } else {
        out.push_str("<ol class=\"rec\">");
        for rec in &r.recommendations {
            let _ = write!(out, "<li>{}", esc(&rec.text));
            // One the evaluator wrote has no reason: no empty "because".
            if let Some(because) = rec.because_line(lang) {
                let _ = write!(out, "<br><span class=\"why\">{}</span>", esc(&because));
            }
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }

    section(&mut out, 7, t(Msg::HtmlConclusion));
    for line in conclusion(r, lang) {
        para(&mut out, &line);
    }
    let _ = write!(
        out,
        "<div class=\"sign\">{}<br><br><br><br>______________________</div>",
        esc(t(Msg::HtmlEvaluator)),
    );
    out.push_str("</body></html>\n");
    out
}

/// The conclusion, from the figures.
fn conclusion(r: &ProgramReport, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(re) = r.reaction.first()
        && let Some(i) = re.index
    {
        out.push(Msg::HtmlConclusionReaction.fill(lang, &[&fixed(i, 0, lang)]));
    }
    match &r.learning {
        Some(l) => {
            let judgement = match l.p {
                Some(p) if p < 0.05 => Msg::HtmlLearnedYes.text(lang),
                Some(_) => Msg::HtmlLearnedNo.text(lang),
                None => Msg::HtmlLearnedUnknown.text(lang),
            };
            out.push(Msg::HtmlConclusionLearning.fill(
                lang,
                &[
                    &fixed(l.pre_mean, 1, lang),
                    &fixed(l.post_mean, 1, lang),
                    &judgement,
                ],
            ));
        }
        None => out.push(
            Msg::DashNoLearning.fill(
                lang,
                &[&r.learning_reason
                    .map(|x| not_computable(x, lang))
                    .unwrap_or_default()],
            ),
        ),
    }
    for k in r.results.ikm.iter().filter(|k| k.change.is_some()) {
        out.push(format!("{}.", crate::report::ikm::change_line(k, lang)));
    }
    out.push(Msg::HtmlConclusionNext.fill(lang, &[&r.recommendations.len()]));
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn html_escapes_markup_and_controls() {
        assert_eq!(
            esc("<b>\"a\" & 'b'</b>"),
            "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;"
        );
        assert_eq!(esc("x\x1b[2J"), "x␛[2J");
    }
}
