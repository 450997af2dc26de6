//! The report as one long table (`section,item,measure,value`), for CSV: every figure on its own row, so
//! that a spreadsheet or a script can pick what it needs.

use super::ProgramReport;
use crate::cli::output::{Cell, Listing};

fn row(rows: &mut Vec<Vec<Cell>>, section: &str, item: &str, measure: &str, value: Cell) {
    rows.push(vec![
        Cell::text(section),
        Cell::text(item),
        Cell::text(measure),
        value,
    ]);
}

fn num(v: Option<f64>) -> Cell {
    v.map_or(Cell::Null, Cell::Num)
}

fn count(v: usize) -> Cell {
    Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// Every figure of the report as a row.
pub fn listing(r: &ProgramReport) -> Listing {
    let mut rows = Vec::new();
    let p = &r.program;
    row(
        &mut rows,
        "program",
        &p.code,
        "participants",
        count(p.participants),
    );
    row(&mut rows, "program", &p.code, "passed", count(p.passed));
    row(
        &mut rows,
        "program",
        &p.code,
        "withdrawn",
        count(p.withdrawn),
    );
    row(
        &mut rows,
        "program",
        &p.code,
        "jp",
        Cell::Int(i64::from(p.jp)),
    );
    if let Some(l) = &r.learning {
        for (measure, value) in [
            ("pre_mean", Some(l.pre_mean)),
            ("post_mean", Some(l.post_mean)),
            ("mean_diff", l.mean_diff),
            ("sd_diff", l.sd_diff),
            ("t", l.t),
            ("p", l.p),
            ("cohen_dz", l.cohen_dz),
            ("wilcoxon_w", l.wilcoxon_w),
            ("wilcoxon_p", l.wilcoxon_p),
            ("ngain_mean", l.ngain_mean),
        ] {
            row(&mut rows, "learning", "", measure, num(value));
        }
        row(&mut rows, "learning", "", "pairs", count(l.pairs));
        row(&mut rows, "learning", "", "ngain_high", count(l.ngain_high));
        row(
            &mut rows,
            "learning",
            "",
            "ngain_medium",
            count(l.ngain_medium),
        );
        row(&mut rows, "learning", "", "ngain_low", count(l.ngain_low));
    }
    for re in &r.reaction {
        row(
            &mut rows,
            "reaction",
            &re.instrument,
            "respondents",
            count(re.respondents),
        );
        row(
            &mut rows,
            "reaction",
            &re.instrument,
            "alpha",
            num(re.alpha),
        );
        row(
            &mut rows,
            "reaction",
            &re.instrument,
            "index",
            num(re.index),
        );
        for a in &re.aspects {
            row(
                &mut rows,
                "reaction_aspect",
                &format!("{}:{}", re.instrument, a.aspect),
                "index",
                Cell::Num(a.index),
            );
        }
        for i in &re.items {
            let item = format!("{}:{}", re.instrument, i.code);
            row(&mut rows, "reaction_item", &item, "n", count(i.n));
            row(&mut rows, "reaction_item", &item, "mean", num(i.mean));
            row(&mut rows, "reaction_item", &item, "sd", num(i.sd));
            row(
                &mut rows,
                "reaction_item",
                &item,
                "favorable_pct",
                num(i.favorable_pct),
            );
        }
    }
    let b = &r.behaviour;
    for o in &b.observations {
        row(
            &mut rows,
            "behaviour",
            &o.instrument,
            "paired",
            count(o.paired),
        );
        row(
            &mut rows,
            "behaviour",
            &o.instrument,
            "improved",
            count(o.improved),
        );
        row(
            &mut rows,
            "behaviour",
            &o.instrument,
            "improved_pct",
            num(o.improved_pct),
        );
        row(&mut rows, "behaviour", &o.instrument, "same", count(o.same));
        row(
            &mut rows,
            "behaviour",
            &o.instrument,
            "worse",
            count(o.worse),
        );
        row(
            &mut rows,
            "behaviour",
            &o.instrument,
            "baseline_observed_pct",
            num(o.baseline_observed_pct),
        );
        row(
            &mut rows,
            "behaviour",
            &o.instrument,
            "followup_observed_pct",
            num(o.followup_observed_pct),
        );
        for i in &o.items {
            let item = format!("{}/{}", o.instrument, i.code);
            row(
                &mut rows,
                "behaviour_item",
                &item,
                "baseline_pct",
                num(i.baseline_pct),
            );
            row(
                &mut rows,
                "behaviour_item",
                &item,
                "followup_pct",
                num(i.followup_pct),
            );
        }
    }
    for o in &b.objectives {
        let item = o.objective.to_string();
        row(
            &mut rows,
            "objective",
            &item,
            "supervisor_mean",
            num(o.supervisor_mean),
        );
        row(&mut rows, "objective", &item, "self_mean", num(o.self_mean));
    }
    row(&mut rows, "barrier", "", "forms", count(b.barrier_forms));
    for n in &b.barriers {
        row(&mut rows, "barrier", &n.code, "count", count(n.count));
        row(&mut rows, "barrier", &n.code, "pct", Cell::Num(n.pct));
    }
    if let Some(n) = &b.no_barrier {
        row(&mut rows, "no_barrier", &n.code, "count", count(n.count));
        row(&mut rows, "no_barrier", &n.code, "pct", Cell::Num(n.pct));
    }
    row(&mut rows, "driver", "", "forms", count(b.driver_forms));
    for n in &b.drivers {
        row(&mut rows, "driver", &n.code, "count", count(n.count));
        row(&mut rows, "driver", &n.code, "pct", Cell::Num(n.pct));
    }
    for k in &r.results.ikm {
        for s in &k.surveys {
            let item = format!("{}:{}", k.instrument, s.phase.code());
            row(&mut rows, "ikm", &item, "respondents", count(s.respondents));
            row(&mut rows, "ikm", &item, "index", num(s.index));
            row(
                &mut rows,
                "ikm",
                &item,
                "grade",
                s.grade.map_or(Cell::Null, |g| {
                    Cell::text(crate::report::ikm::grade_letter(g))
                }),
            );
            for e in &s.elements {
                row(
                    &mut rows,
                    "ikm_element",
                    &format!("{item}:{}", e.code),
                    "nrr",
                    num(e.nrr),
                );
            }
        }
        if let Some(c) = &k.change {
            row(
                &mut rows,
                "ikm_change",
                &format!(
                    "{}:{}-{}",
                    k.instrument,
                    c.before_phase.code(),
                    c.after_phase.code()
                ),
                "difference",
                Cell::Num(c.difference),
            );
        }
    }
    row(&mut rows, "costs", "", "total", Cell::Int(r.costs.total));
    row(
        &mut rows,
        "costs",
        "",
        "per_participant",
        Cell::opt_int(r.costs.per_participant),
    );
    row(
        &mut rows,
        "costs",
        "",
        "per_participant_jp",
        Cell::opt_int(r.costs.per_participant_jp),
    );
    row(
        &mut rows,
        "data_quality",
        "",
        "response_rate",
        num(r.data_quality.response_rate),
    );
    row(
        &mut rows,
        "data_quality",
        "",
        "missing_answers_pct",
        num(r.data_quality.missing_answers_pct),
    );
    row(
        &mut rows,
        "data_quality",
        "",
        "unverified_forms",
        count(r.data_quality.unverified_forms),
    );
    for (n, rec) in r.recommendations.iter().enumerate() {
        let rule = serde_json::to_value(rec.rule)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        row(
            &mut rows,
            "recommendation",
            &(n + 1).to_string(),
            &rule,
            Cell::text(&rec.text),
        );
    }
    Listing {
        keys: vec!["section", "item", "measure", "value"],
        headers: vec![
            "section".into(),
            "item".into(),
            "measure".into(),
            "value".into(),
        ],
        rows,
    }
}
