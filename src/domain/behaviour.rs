//! Scoring behaviour at work from observation checklists and interviews: the share of applicable
//! behaviours observed, the mean rubric level, tasks on time, and how a follow-up compares with the
//! baseline item by item.

use super::instrument::{Definition, Item, ItemKind, ItemRole, NOT_APPLICABLE};
use serde::Serialize;

/// One observation (or interview) scored.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ChecklistScore {
    /// Yes/no items answered "yes".
    pub observed: usize,
    /// Yes/no items answered yes or no (not "not applicable", not blank).
    pub applicable: usize,
    /// observed / applicable, in percent.
    pub observed_pct: Option<f64>,
    /// Mean of the rubric (1–4) items answered.
    pub rubric_mean: Option<f64>,
    pub rubric_items: usize,
    /// Tasks due and finished on time (counts), and the share on time in percent.
    pub tasks_due: Option<f64>,
    pub tasks_on_time: Option<f64>,
    pub on_time_pct: Option<f64>,
}

/// Items that are scored: behaviours, not session facts, not objective-linked interview ratings.
fn scored(item: &Item) -> bool {
    item.role.is_none()
}

/// Scores one form of a checklist from its answers.
pub fn score(def: &Definition, answer: impl Fn(&str) -> Option<String>) -> ChecklistScore {
    let mut s = ChecklistScore::default();
    let mut rubric = Vec::new();
    for item in def.items.iter().filter(|i| scored(i)) {
        let Some(v) = answer(item.code.as_str()) else {
            continue;
        };
        match &item.kind {
            ItemKind::YesNo { .. } if v != NOT_APPLICABLE => {
                s.applicable += 1;
                s.observed += usize::from(v == "1");
            }
            ItemKind::Likert { .. } => {
                if let Ok(x) = v.parse::<f64>() {
                    rubric.push(x);
                }
            }
            _ => {}
        }
    }
    let count = |role: ItemRole| {
        def.items
            .iter()
            .find(|i| i.role == Some(role))
            .and_then(|i| answer(i.code.as_str()))
            .and_then(|v| v.parse::<f64>().ok())
    };
    s.tasks_due = count(ItemRole::CountDue);
    s.tasks_on_time = count(ItemRole::CountDone);
    if let (Some(due), Some(done)) = (s.tasks_due, s.tasks_on_time)
        && due > 0.0
    {
        s.on_time_pct = Some(100.0 * done.min(due) / due);
    }
    s.observed_pct = (s.applicable > 0).then(|| 100.0 * s.observed as f64 / s.applicable as f64);
    s.rubric_items = rubric.len();
    s.rubric_mean = (!rubric.is_empty()).then(|| rubric.iter().sum::<f64>() / rubric.len() as f64);
    s
}

/// How one item moved from the baseline to a follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Better,
    Same,
    Worse,
    /// One side is missing or not applicable.
    Unknown,
}

/// The change of one item between two answers (yes/no: no → yes is better; scales: higher is better).
pub fn change(item: &Item, before: Option<&str>, after: Option<&str>) -> Change {
    let (Some(b), Some(a)) = (before, after) else {
        return Change::Unknown;
    };
    if b == NOT_APPLICABLE || a == NOT_APPLICABLE {
        return Change::Unknown;
    }
    let numeric = matches!(
        item.kind,
        ItemKind::YesNo { .. } | ItemKind::Likert { .. } | ItemKind::Number { .. }
    );
    match (numeric, b.parse::<f64>(), a.parse::<f64>()) {
        (true, Ok(x), Ok(y)) if y > x => Change::Better,
        (true, Ok(x), Ok(y)) if y < x => Change::Worse,
        (true, Ok(_), Ok(_)) => Change::Same,
        _ => Change::Unknown,
    }
}

/// Whether a follow-up shows improvement over the baseline: more of the applicable behaviours
/// observed, or (without yes/no items) a higher rubric mean.
pub fn improved(baseline: &ChecklistScore, followup: &ChecklistScore) -> Option<bool> {
    match (baseline.observed_pct, followup.observed_pct) {
        (Some(b), Some(f)) => Some(f > b),
        _ => match (baseline.rubric_mean, followup.rubric_mean) {
            (Some(b), Some(f)) => Some(f > b),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const CHECKLIST: &str = r#"
code = "OBS-T"
title = "Uji"
level = "behavior"
[[items]]
code = "TGL"
text = "Tanggal"
type = "date"
role = "date"
[[items]]
code = "B1"
text = "Menyapa"
type = "yesno"
na = true
[[items]]
code = "B2"
text = "Mendengarkan"
type = "yesno"
na = true
[[items]]
code = "B3"
text = "Mencatat"
type = "yesno"
na = true
[[items]]
code = "R1"
text = "Mutu"
type = "likert"
scale = [1, 4]
[[items]]
code = "DUE"
text = "Tugas"
type = "number"
min = 0
max = 100
role = "count_due"
[[items]]
code = "DONE"
text = "Tepat waktu"
type = "number"
min = 0
max = 100
role = "count_done"
"#;

    fn def() -> Definition {
        crate::import::instrument::parse(CHECKLIST).expect("valid")
    }

    fn answers(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect()
    }

    #[test]
    fn not_applicable_items_do_not_count() {
        let a = answers(&[
            ("TGL", "2026-04-11"),
            ("B1", "1"),
            ("B2", "0"),
            ("B3", "9"),
            ("R1", "3"),
            ("DUE", "8"),
            ("DONE", "6"),
        ]);
        let s = score(&def(), |c| a.get(c).cloned());
        assert_eq!((s.observed, s.applicable), (1, 2));
        assert_eq!(s.observed_pct, Some(50.0));
        assert_eq!(s.rubric_mean, Some(3.0));
        assert_eq!(s.on_time_pct, Some(75.0));
    }

    #[test]
    fn nothing_applicable_is_not_a_score() {
        let a = answers(&[("B1", "9"), ("B2", "9")]);
        let s = score(&def(), |c| a.get(c).cloned());
        assert_eq!(s.observed_pct, None);
        assert_eq!(s.rubric_mean, None);
        assert_eq!(s.on_time_pct, None);
    }

    #[test]
    fn changes_item_by_item() {
        let d = def();
        let b1 = &d.items[1];
        let r1 = &d.items[4];
        assert_eq!(change(b1, Some("0"), Some("1")), Change::Better);
        assert_eq!(change(b1, Some("1"), Some("1")), Change::Same);
        assert_eq!(change(b1, Some("1"), Some("0")), Change::Worse);
        assert_eq!(change(b1, Some("9"), Some("1")), Change::Unknown);
        assert_eq!(change(b1, None, Some("1")), Change::Unknown);
        assert_eq!(change(r1, Some("2"), Some("4")), Change::Better);
    }

    #[test]
    fn improvement_is_judged_on_the_share_observed() {
        let d = def();
        let before = answers(&[("B1", "0"), ("B2", "0"), ("B3", "1")]);
        let after = answers(&[("B1", "1"), ("B2", "0"), ("B3", "1")]);
        let b = score(&d, |c| before.get(c).cloned());
        let a = score(&d, |c| after.get(c).cloned());
        assert_eq!(improved(&b, &a), Some(true));
        assert_eq!(improved(&a, &b), Some(false));
        assert_eq!(improved(&ChecklistScore::default(), &a), None);
    }
}
