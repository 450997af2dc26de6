//! The report as a workbook: one sheet per level plus the raw data; numbers are numbers, headers frozen.

use super::ProgramReport;
use crate::domain::program::CostCategory;
use crate::i18n::{Lang, Msg};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// A bold header row further down a sheet.
fn header_at(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[&str],
    bold: &Format,
) -> Result<(), XlsxError> {
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(row, u16::try_from(c).unwrap_or(0), *name, bold)?;
    }
    Ok(())
}

fn header(sheet: &mut Worksheet, columns: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, u16::try_from(c).unwrap_or(0), *name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Text for a cell, safe for spreadsheets (no formula) and terminals (no control characters).
fn text(s: &str) -> String {
    crate::text::csv_text_cell(&crate::text::visible(s)).into_owned()
}

fn opt(sheet: &mut Worksheet, row: u32, col: u16, v: Option<f64>) -> Result<(), XlsxError> {
    if let Some(v) = v {
        sheet.write_number(row, col, v)?;
    }
    Ok(())
}

/// The workbook's bytes.
pub fn render(r: &ProgramReport, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let t = |m: Msg| m.text(lang);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();

    let sheet = book.add_worksheet().set_name(t(Msg::SectionSummary))?;
    header(sheet, &[t(Msg::XlsxMeasure), t(Msg::XlsxValue)], &bold)?;
    let p = &r.program;
    let mut row = 1u32;
    let put_text =
        |sheet: &mut Worksheet, label: &str, value: &str, row: &mut u32| -> Result<(), XlsxError> {
            sheet.write_string(*row, 0, text(label))?;
            sheet.write_string(*row, 1, text(value))?;
            *row += 1;
            Ok(())
        };
    put_text(sheet, t(Msg::ColCode), &p.code, &mut row)?;
    put_text(sheet, t(Msg::ColName), &p.name, &mut row)?;
    put_text(sheet, t(Msg::ColProvider), &p.provider, &mut row)?;
    put_text(sheet, t(Msg::ColStart), &p.start, &mut row)?;
    put_text(sheet, t(Msg::ColEnd), &p.end, &mut row)?;
    for (label, value) in [
        (t(Msg::FieldJp), Some(f64::from(p.jp))),
        (t(Msg::ColParticipants), Some(p.participants as f64)),
        (t(Msg::CompletionLulus), Some(p.passed as f64)),
        (t(Msg::CompletionMundur), Some(p.withdrawn as f64)),
        (
            t(Msg::XlsxReactionIndex),
            r.reaction.first().and_then(|x| x.index),
        ),
        (t(Msg::FieldTotalCost), Some(r.costs.total as f64)),
        (
            t(Msg::FieldCostPerParticipant),
            r.costs.per_participant.map(|v| v as f64),
        ),
        (t(Msg::DashResponseRate), r.data_quality.response_rate),
    ] {
        sheet.write_string(row, 0, text(label))?;
        opt(sheet, row, 1, value)?;
        row += 1;
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(1, 50)?;

    let sheet = book.add_worksheet().set_name(t(Msg::LevelReaction))?;
    header(
        sheet,
        &[
            t(Msg::SetupInstrument),
            t(Msg::ColCode),
            t(Msg::HtmlStatement),
            "aspect",
            "n",
            t(Msg::HtmlMean),
            t(Msg::HtmlSd),
            t(Msg::HtmlFavorable),
        ],
        &bold,
    )?;
    let mut row = 1u32;
    for re in &r.reaction {
        for i in &re.items {
            sheet.write_string(row, 0, text(&re.instrument))?;
            sheet.write_string(row, 1, text(&i.code))?;
            sheet.write_string(row, 2, text(&i.text))?;
            sheet.write_string(row, 3, text(i.aspect.as_deref().unwrap_or("")))?;
            sheet.write_number(row, 4, i.n as f64)?;
            opt(sheet, row, 5, i.mean)?;
            opt(sheet, row, 6, i.sd)?;
            opt(sheet, row, 7, i.favorable_pct)?;
            row += 1;
        }
    }
    sheet.set_column_width(2, 60)?;

    let sheet = book.add_worksheet().set_name(t(Msg::LevelLearning))?;
    header(
        sheet,
        &[t(Msg::ColNip), t(Msg::ColName), "pre", "post", "n_gain"],
        &bold,
    )?;
    if let Some(l) = &r.learning {
        for (i, (nip, name, pre, post, gain)) in l.people.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            sheet.write_string(row, 0, text(nip))?;
            sheet.write_string(row, 1, text(name))?;
            sheet.write_number(row, 2, *pre)?;
            sheet.write_number(row, 3, *post)?;
            opt(sheet, row, 4, *gain)?;
        }
        let base = u32::try_from(l.people.len() + 3).unwrap_or(u32::MAX);
        for (k, (label, value)) in [
            ("pre_mean", Some(l.pre_mean)),
            ("post_mean", Some(l.post_mean)),
            ("t", l.t),
            ("p", l.p),
            ("cohen_dz", l.cohen_dz),
            ("wilcoxon_p", l.wilcoxon_p),
            ("ngain_mean", l.ngain_mean),
        ]
        .iter()
        .enumerate()
        {
            let row = base + u32::try_from(k).unwrap_or(0);
            sheet.write_string(row, 0, *label)?;
            opt(sheet, row, 1, *value)?;
        }
    }
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 34)?;

    // Level 3: each observed behaviour before and after, then the change per objective, then barriers.
    let sheet = book.add_worksheet().set_name(t(Msg::LevelBehavior))?;
    header(
        sheet,
        &[
            t(Msg::ColInstrument),
            t(Msg::ColCode),
            t(Msg::HtmlBehaviourItem),
            t(Msg::PhaseShortPre),
            t(Msg::HtmlLatestFollowup),
        ],
        &bold,
    )?;
    let b = &r.behaviour;
    let mut row: u32 = 1;
    for o in &b.observations {
        for i in &o.items {
            sheet.write_string(row, 0, text(&o.instrument))?;
            sheet.write_string(row, 1, text(&i.code))?;
            sheet.write_string(row, 2, text(&i.text))?;
            opt(sheet, row, 3, i.baseline_pct)?;
            opt(sheet, row, 4, i.followup_pct)?;
            row += 1;
        }
        sheet.write_string(row, 2, t(Msg::DashImproved))?;
        opt(sheet, row, 4, o.improved_pct)?;
        row += 1;
        sheet.write_string(
            row,
            2,
            Msg::DashObservedSplit.fill(lang, &[&o.paired, &o.improved, &o.same, &o.worse]),
        )?;
        row += 2;
    }
    header_at(
        sheet,
        row,
        &[
            t(Msg::HtmlObjective),
            "",
            t(Msg::PartSupervisor),
            t(Msg::PartSelfShort),
        ],
        &bold,
    )?;
    row += 1;
    for o in &b.objectives {
        sheet.write_number(row, 0, f64::from(o.objective))?;
        sheet.write_string(row, 1, text(&o.text))?;
        opt(sheet, row, 2, o.supervisor_mean)?;
        opt(sheet, row, 3, o.self_mean)?;
        row += 1;
    }
    row += 1;
    // Barriers (then "no barrier" on its own row) and drivers, each with the forms they are counted in.
    for (head, base, list, none) in [
        (
            Msg::DashBarriersOf,
            b.barrier_forms,
            &b.barriers,
            b.no_barrier.as_ref(),
        ),
        (Msg::DashDriversOf, b.driver_forms, &b.drivers, None),
    ] {
        header_at(
            sheet,
            row,
            &[&head.fill(lang, &[&base]), "", "n", "%"],
            &bold,
        )?;
        row += 1;
        for n in list.iter().chain(none) {
            sheet.write_string(row, 0, text(&n.code))?;
            sheet.write_string(row, 1, text(&n.label))?;
            sheet.write_number(row, 2, n.count as f64)?;
            sheet.write_number(row, 3, n.pct)?;
            row += 1;
        }
        row += 1;
    }
    // Who did not improve, with the reasons named for them (where anyone was asked).
    if b.interviews + b.self_assessments > 0 {
        header_at(
            sheet,
            row,
            &[
                t(Msg::ColNip),
                t(Msg::ColName),
                t(Msg::PartBarriers),
                t(Msg::ColChange),
            ],
            &bold,
        )?;
        row += 1;
        for (list, how) in [(&b.unchanged, "same"), (&b.worse, "worse")] {
            for u in list {
                let mut why = u.barriers.join("; ");
                if u.no_barrier {
                    if !why.is_empty() {
                        why.push_str("; ");
                    }
                    why.push_str(t(Msg::DashSaidNoBarrier));
                }
                sheet.write_string(row, 0, text(&u.nip))?;
                sheet.write_string(row, 1, text(&u.name))?;
                sheet.write_string(row, 2, text(&why))?;
                sheet.write_string(row, 3, how)?;
                row += 1;
            }
        }
    }
    sheet.set_column_width(1, 40)?;
    sheet.set_column_width(2, 50)?;

    results_sheet(book.add_worksheet(), r, lang, &bold)?;

    let sheet = book.add_worksheet().set_name(t(Msg::DashCosts))?;
    header(
        sheet,
        &[
            t(Msg::FieldCategory),
            t(Msg::FieldDescription),
            t(Msg::FieldAmount),
        ],
        &bold,
    )?;
    for (i, c) in r.costs.lines.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let category = CostCategory::from_code(&c.category)
            .map_or_else(|| c.category.clone(), |k| k.label().text(lang).to_string());
        sheet.write_string(row, 0, text(&category))?;
        sheet.write_string(row, 1, text(&c.description))?;
        sheet.write_number(row, 2, c.amount as f64)?;
    }
    sheet.set_column_width(1, 44)?;
    sheet.set_column_width(2, 16)?;

    let sheet = book.add_worksheet().set_name(t(Msg::DashRecommendations))?;
    header(
        sheet,
        &["rule", t(Msg::DashRecommendations), t(Msg::XlsxBecause)],
        &bold,
    )?;
    for (i, rec) in r.recommendations.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let rule = serde_json::to_value(rec.rule)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        sheet.write_string(row, 0, rule)?;
        sheet.write_string(row, 1, text(&rec.text))?;
        sheet.write_string(row, 2, text(&rec.because))?;
    }
    sheet.set_column_width(1, 80)?;

    let sheet = book.add_worksheet().set_name(t(Msg::XlsxRaw))?;
    let mut items: Vec<String> = Vec::new();
    for f in &r.raw {
        for k in f.answers.keys() {
            if !items.contains(k) {
                items.push(k.clone());
            }
        }
    }
    let mut columns: Vec<&str> = vec![
        t(Msg::SetupInstrument),
        t(Msg::SetupPhase),
        t(Msg::EntryRespondent),
    ];
    columns.extend(items.iter().map(String::as_str));
    header(sheet, &columns, &bold)?;
    for (i, f) in r.raw.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_string(row, 0, text(&f.instrument))?;
        sheet.write_string(row, 1, f.phase.code())?;
        sheet.write_string(row, 2, text(&f.respondent))?;
        for (c, item) in items.iter().enumerate() {
            let col = u16::try_from(c + 3).unwrap_or(u16::MAX);
            if let Some(v) = f.answers.get(item) {
                match v.parse::<f64>() {
                    Ok(n) if n.is_finite() => sheet.write_number(row, col, n)?,
                    _ => sheet.write_string(row, col, text(v))?,
                };
            }
        }
    }
    book.save_to_buffer()
}

/// Level 4: the unit's indicators, benefit and ROI, then the public's satisfaction (IKM) per phase with
/// its change, then each IKM element's NRR per phase.
fn results_sheet(
    sheet: &mut Worksheet,
    r: &ProgramReport,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    use crate::report::ikm;
    let t = |m: Msg| m.text(lang);
    sheet.set_name(t(Msg::SectionResults))?;
    header(
        sheet,
        &[
            t(Msg::IndicatorName),
            t(Msg::IndicatorUnit),
            t(Msg::IndicatorBefore),
            t(Msg::IndicatorAfter),
            t(Msg::ColChange),
            "%",
            t(Msg::IndicatorSource),
        ],
        bold,
    )?;
    let res = &r.results;
    let mut row = 1u32;
    for i in &res.indicators {
        sheet.write_string(row, 0, text(&i.name))?;
        sheet.write_string(row, 1, text(&i.unit))?;
        opt(sheet, row, 2, i.before)?;
        opt(sheet, row, 3, i.after)?;
        opt(sheet, row, 4, i.improvement)?;
        opt(sheet, row, 5, i.improvement_pct)?;
        sheet.write_string(row, 6, text(&i.source))?;
        row += 1;
    }
    row += 1;
    header_at(sheet, row, &[t(Msg::RoiTitle), t(Msg::XlsxValue)], bold)?;
    row += 1;
    for (label, value) in [
        ("benefit", res.benefit.map(|v| v as f64)),
        ("isolation_pct", res.isolation_pct),
        ("confidence_pct", res.confidence_pct),
        ("adjusted_benefit", res.adjusted_benefit),
        ("cost", Some(res.cost as f64)),
        ("bcr", res.bcr),
        ("roi_pct", res.roi_pct),
    ] {
        sheet.write_string(row, 0, label)?;
        opt(sheet, row, 1, value)?;
        row += 1;
    }
    row += 1;
    // IKM per phase: respondents, index, grade, or why there is no index; then the change.
    header_at(
        sheet,
        row,
        &[
            t(Msg::ColInstrument),
            t(Msg::SetupPhase),
            t(Msg::XlsxRespondents),
            "IKM",
            t(Msg::XlsxIkmGrade),
            t(Msg::XlsxBecause),
        ],
        bold,
    )?;
    row += 1;
    for k in &res.ikm {
        for s in &k.surveys {
            sheet.write_string(row, 0, text(&k.instrument))?;
            sheet.write_string(row, 1, s.phase.code())?;
            sheet.write_number(row, 2, s.respondents as f64)?;
            opt(sheet, row, 3, s.index)?;
            match s.grade {
                Some(g) => sheet.write_string(
                    row,
                    4,
                    format!("{} ({})", ikm::grade_letter(g), t(ikm::grade_words(g))),
                )?,
                None => sheet.write_string(row, 5, text(&ikm::reason_words(s, lang)))?,
            };
            row += 1;
        }
        sheet.write_string(row, 0, text(&k.instrument))?;
        match &k.change {
            Some(c) => {
                sheet.write_string(
                    row,
                    1,
                    format!(
                        "{} {} → {}",
                        t(Msg::ColChange),
                        c.before_phase.code(),
                        c.after_phase.code()
                    ),
                )?;
                sheet.write_number(row, 3, c.difference)?;
                sheet.write_string(
                    row,
                    4,
                    format!(
                        "{} → {}",
                        ikm::grade_letter(c.before_grade),
                        ikm::grade_letter(c.after_grade)
                    ),
                )?;
            }
            None => {
                sheet.write_string(row, 1, t(Msg::ColChange))?;
                sheet.write_string(row, 5, t(Msg::IkmNoChange))?;
            }
        }
        row += 1;
    }
    row += 1;
    // Each element's NRR (1–4) per phase.
    header_at(
        sheet,
        row,
        &[
            t(Msg::ColInstrument),
            t(Msg::SetupPhase),
            t(Msg::ColCode),
            t(Msg::IkmElement),
            "n",
            "NRR",
        ],
        bold,
    )?;
    row += 1;
    for k in &res.ikm {
        for s in &k.surveys {
            for e in &s.elements {
                sheet.write_string(row, 0, text(&k.instrument))?;
                sheet.write_string(row, 1, s.phase.code())?;
                sheet.write_string(row, 2, text(&e.code))?;
                sheet.write_string(row, 3, text(&e.text))?;
                sheet.write_number(row, 4, e.n as f64)?;
                opt(sheet, row, 5, e.nrr)?;
                row += 1;
            }
        }
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(3, 50)?;
    Ok(())
}
