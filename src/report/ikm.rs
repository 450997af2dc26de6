//! IKM (Indeks Kepuasan Masyarakat, PermenPAN-RB 14/2017) in a program's report: the public's
//! satisfaction with the unit's service surveyed with the nine-element questionnaire (`IKM-9`, or any
//! results-level instrument with Likert items `U1`…`U9` on 1–4), per phase, and before against after
//! the training.
//!
//! Per element NRR (nilai rata-rata) = the mean of its answers (1–4); IKM = the mean of the nine NRR × 25
//! (25–100), graded A 88,31–100 *Sangat Baik*, B 76,61–88,30 *Baik*, C 65,00–76,60 *Kurang Baik*,
//! D 25,00–64,99 *Tidak Baik* (the regulation's conversion table, on the index rounded to two decimals).

use crate::domain::instrument::{Definition, Item, Level, Phase};
use crate::i18n::words::{fixed, not_computable};
use crate::i18n::{Lang, Msg};
use crate::stats::{self, IKM_ELEMENTS, IKM_SCALE, IkmGrade, NotComputable};
use crate::store::response::ResponseData;
use serde::Serialize;

/// The element codes, in the regulation's order.
pub const ELEMENT_CODES: [&str; IKM_ELEMENTS] =
    ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

/// The phases that count as "after the training", the latest first: results (±6 months), the third,
/// second and first follow-up, an unnumbered follow-up, then `post` (a survey taken right after the
/// course, when the unit surveyed no later).
const AFTER: [Phase; 6] = [
    Phase::M6,
    Phase::F3,
    Phase::F2,
    Phase::F1,
    Phase::Followup,
    Phase::Post,
];

/// One element of one survey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IkmElement {
    /// `U1` … `U9`.
    pub code: String,
    pub text: String,
    pub aspect: Option<String>,
    /// Answers on the 1–4 scale.
    pub n: usize,
    /// Mean answer (1–4); `null` without answers.
    pub nrr: Option<f64>,
}

/// The survey of one phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IkmSurvey {
    pub phase: Phase,
    /// Complete forms (first keyings).
    pub respondents: usize,
    pub elements: Vec<IkmElement>,
    /// Mean NRR × 25 (25–100); `null` with `reason` when an element has no answer.
    pub index: Option<f64>,
    pub grade: Option<IkmGrade>,
    pub reason: Option<NotComputable>,
    /// The codes of the elements nobody answered (why `index` is `null`); empty when it is computed.
    pub missing: Vec<String>,
}

/// Before (phase `pre`, the baseline) against after (the latest later phase with an index: `m6`, `f3`,
/// `f2`, `f1`, `followup`, else `post`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IkmChange {
    pub before_phase: Phase,
    pub after_phase: Phase,
    pub before: f64,
    pub after: f64,
    /// `after − before`, in index points.
    pub difference: f64,
    pub before_grade: IkmGrade,
    pub after_grade: IkmGrade,
}

/// The IKM of one survey instrument of a program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IkmResult {
    pub instrument: String,
    pub title: String,
    /// One per phase with complete forms, in the order pre, post, followup, f1, f2, f3, m6.
    pub surveys: Vec<IkmSurvey>,
    /// `null` unless both a `pre` survey and one after the training have an index.
    pub change: Option<IkmChange>,
}

impl IkmResult {
    /// The survey before the training (`pre`) with an index.
    pub fn before(&self) -> Option<&IkmSurvey> {
        self.surveys
            .iter()
            .find(|s| s.phase == Phase::Pre && s.index.is_some())
    }

    /// The latest survey after the training with an index.
    pub fn after(&self) -> Option<&IkmSurvey> {
        AFTER.iter().find_map(|p| {
            self.surveys
                .iter()
                .find(|s| s.phase == *p && s.index.is_some())
        })
    }
}

/// The nine element items of an IKM survey: a results-level instrument whose Likert items `U1`…`U9`
/// are all on 1–4. `None` for any other instrument.
pub fn elements(def: &Definition) -> Option<Vec<&Item>> {
    if def.level != Level::Results {
        return None;
    }
    ELEMENT_CODES
        .iter()
        .map(|code| {
            def.items
                .iter()
                .find(|i| i.code.as_str() == *code && i.scale() == Some(IKM_SCALE))
        })
        .collect()
}

/// The survey of one phase from its complete forms; `None` when `def` is not an IKM survey.
pub fn survey(def: &Definition, phase: Phase, forms: &[ResponseData]) -> Option<IkmSurvey> {
    let items = elements(def)?;
    let rows: Vec<Vec<Option<u8>>> = forms
        .iter()
        .map(|f| {
            items
                .iter()
                .map(|i| {
                    f.answers
                        .get(i.code.as_str())
                        .and_then(|v| v.trim().parse().ok())
                })
                .collect()
        })
        .collect();
    let elements = items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let answers: Vec<Option<u8>> =
                rows.iter().map(|r| r.get(k).copied().flatten()).collect();
            let s = stats::likert_item(&answers, IKM_SCALE);
            IkmElement {
                code: item.code.to_string(),
                text: item.text.clone(),
                aspect: item.aspect.clone(),
                n: s.n,
                nrr: s.mean,
            }
        })
        .collect::<Vec<IkmElement>>();
    let missing = elements
        .iter()
        .filter(|e| e.nrr.is_none())
        .map(|e| e.code.clone())
        .collect();
    let ikm = stats::ikm(&rows, None);
    Some(IkmSurvey {
        phase,
        respondents: forms.len(),
        elements,
        index: ikm.as_ref().ok().map(|r| r.index),
        grade: ikm.as_ref().ok().map(|r| r.grade),
        reason: ikm.err(),
        missing,
    })
}

/// Gathers the surveys of one instrument into its result, with the change when there is one.
pub fn result(def: &Definition, mut surveys: Vec<IkmSurvey>) -> IkmResult {
    surveys.sort_by_key(|s| Phase::ALL.iter().position(|p| *p == s.phase));
    let mut out = IkmResult {
        instrument: def.code.clone(),
        title: def.title.clone(),
        surveys,
        change: None,
    };
    out.change = match (out.before(), out.after()) {
        (Some(b), Some(a)) => match (b.index, b.grade, a.index, a.grade) {
            (Some(before), Some(before_grade), Some(after), Some(after_grade)) => Some(IkmChange {
                before_phase: b.phase,
                after_phase: a.phase,
                before,
                after,
                difference: after - before,
                before_grade,
                after_grade,
            }),
            _ => None,
        },
        _ => None,
    };
    out
}

/// The grade's words (mutu pelayanan).
pub fn grade_words(grade: IkmGrade) -> Msg {
    match grade {
        IkmGrade::A => Msg::IkmGradeA,
        IkmGrade::B => Msg::IkmGradeB,
        IkmGrade::C => Msg::IkmGradeC,
        IkmGrade::D => Msg::IkmGradeD,
    }
}

/// The grade's letter.
pub fn grade_letter(grade: IkmGrade) -> &'static str {
    match grade {
        IkmGrade::A => "A",
        IkmGrade::B => "B",
        IkmGrade::C => "C",
        IkmGrade::D => "D",
    }
}

/// The phase's name, for people.
pub fn phase_words(phase: Phase) -> Msg {
    match phase {
        Phase::Pre => Msg::PhasePre,
        Phase::Post => Msg::PhasePost,
        Phase::Followup => Msg::PhaseFollowup,
        Phase::F1 => Msg::PhaseF1,
        Phase::F2 => Msg::PhaseF2,
        Phase::F3 => Msg::PhaseF3,
        Phase::M6 => Msg::PhaseM6,
    }
}

/// An index as reported: two decimals.
pub fn index_words(index: f64, lang: Lang) -> String {
    fixed(index, 2, lang)
}

/// A signed number of index points, `+` on a rise.
pub fn points_words(difference: f64, lang: Lang) -> String {
    let s = fixed(difference, 2, lang);
    if s.starts_with('-') || s.trim_start_matches(['0', ',', '.']).is_empty() {
        s
    } else {
        format!("+{s}")
    }
}

/// Why a survey has no index, in words: the elements nobody answered, or the statistic's reason.
pub fn reason_words(s: &IkmSurvey, lang: Lang) -> String {
    if !s.missing.is_empty() {
        Msg::IkmMissingElements.fill(lang, &[&s.missing.join(", ")])
    } else if s.respondents == 0 {
        Msg::NcNoData.text(lang).to_string()
    } else {
        s.reason
            .map(|r| not_computable(r, lang))
            .unwrap_or_default()
    }
}

/// One survey in one line: its phase, index, grade and respondents, or why the index is missing.
pub fn survey_line(s: &IkmSurvey, lang: Lang) -> String {
    let phase = phase_words(s.phase).text(lang);
    match (s.index, s.grade) {
        (Some(index), Some(grade)) => Msg::IkmSurveyLine.fill(
            lang,
            &[
                &phase,
                &index_words(index, lang),
                &grade_letter(grade),
                &grade_words(grade).text(lang),
                &s.respondents,
            ],
        ),
        _ => Msg::IkmNotComputable.fill(lang, &[&phase, &reason_words(s, lang), &s.respondents]),
    }
}

/// The change before → after in one line, or why there is none.
pub fn change_line(r: &IkmResult, lang: Lang) -> String {
    match &r.change {
        Some(c) => Msg::IkmChangeLine.fill(
            lang,
            &[
                &phase_words(c.before_phase).text(lang),
                &phase_words(c.after_phase).text(lang),
                &index_words(c.before, lang),
                &index_words(c.after, lang),
                &points_words(c.difference, lang),
                &grade_letter(c.before_grade),
                &grade_letter(c.after_grade),
            ],
        ),
        None => Msg::IkmNoChange.text(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::response::{Keying, Respondent, ResponseInfo};
    use std::collections::BTreeMap;

    fn form(answers: &[(&str, &str)]) -> ResponseData {
        ResponseData {
            info: ResponseInfo {
                id: 0,
                instrument_id: 0,
                respondent: Respondent::Sheet("1".into()),
                keying: Keying::First,
                complete: true,
                focus: None,
                created_by: String::new(),
                updated_at: String::new(),
            },
            answers: answers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
        }
    }

    fn all(values: [&str; 9]) -> ResponseData {
        let pairs: Vec<(&str, &str)> = ELEMENT_CODES.iter().copied().zip(values).collect();
        form(&pairs)
    }

    fn template() -> Definition {
        crate::templates::find("IKM-9").expect("the IKM-9 template")
    }

    #[test]
    fn the_template_is_an_ikm_survey_and_a_reaction_form_is_not() {
        assert_eq!(elements(&template()).map(|e| e.len()), Some(9));
        assert!(elements(&crate::templates::find("REAKSI-01").expect("REAKSI-01")).is_none());
        let mut wrong_scale = template();
        if let crate::domain::instrument::ItemKind::Likert { max, .. } =
            &mut wrong_scale.items[4].kind
        {
            *max = 5;
        }
        assert!(
            elements(&wrong_scale).is_none(),
            "U5 on 1–5 is not the regulation's"
        );
    }

    #[test]
    fn nrr_per_element_and_the_index_by_hand() {
        // Three sheets. U1: 4, 3, 3 → 10/3; U2: 3, 3, 3 → 3; U3: 2, 2, 3 → 7/3; U4: 4, 4, 4 → 4;
        // U5..U9: 3, 3, 3 → 3 each. Mean NRR = (10/3 + 3 + 7/3 + 4 + 5 × 3) / 9 = (83/3) / 9 = 83/27;
        // IKM = 25 × 83/27 = 76.851851… → B (76.61–88.30).
        let forms = [
            all(["4", "3", "2", "4", "3", "3", "3", "3", "3"]),
            all(["3", "3", "2", "4", "3", "3", "3", "3", "3"]),
            all(["3", "3", "3", "4", "3", "3", "3", "3", "3"]),
        ];
        let s = survey(&template(), Phase::Pre, &forms).expect("an IKM survey");
        assert_eq!(s.respondents, 3);
        assert_eq!(s.elements[0].code, "U1");
        assert_eq!(s.elements[0].aspect.as_deref(), Some("persyaratan"));
        assert!((s.elements[0].nrr.unwrap_or(0.0) - 10.0 / 3.0).abs() < 1e-12);
        assert!((s.elements[2].nrr.unwrap_or(0.0) - 7.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.elements[3].nrr, Some(4.0));
        assert!((s.index.unwrap_or(0.0) - 25.0 * 83.0 / 27.0).abs() < 1e-9);
        assert_eq!(s.grade, Some(IkmGrade::B));
        assert_eq!(s.reason, None);
    }

    /// Ten sheets of nine answers summing to `total`: every answer 3, then raised (or lowered) one by one.
    fn sheets_summing_to(total: i32) -> Vec<ResponseData> {
        let mut cells = [[3_i32; 9]; 10];
        let mut left = total - 270;
        while left != 0 {
            let step = left.signum();
            for cell in cells.iter_mut().flatten() {
                if left != 0 && (1..=4).contains(&(*cell + step)) {
                    *cell += step;
                    left -= step;
                }
            }
        }
        cells
            .iter()
            .map(|row| {
                let values: Vec<String> = row.iter().map(i32::to_string).collect();
                let pairs: Vec<(&str, &str)> = ELEMENT_CODES
                    .iter()
                    .copied()
                    .zip(values.iter().map(String::as_str))
                    .collect();
                form(&pairs)
            })
            .collect()
    }

    #[test]
    fn the_index_and_grade_at_the_regulations_bounds_by_hand() {
        // Ten sheets × nine elements: the mean NRR is (sum of all answers) / 90, so the IKM is
        // sum / 90 × 25. Each row: the sum, the IKM by hand, the grade.
        let table: [(i32, f64, IkmGrade); 10] = [
            (360, 100.0, IkmGrade::A),               // every answer 4
            (318, 318.0 / 90.0 * 25.0, IkmGrade::A), // 88.33: A from 88.31
            (317, 317.0 / 90.0 * 25.0, IkmGrade::B), // 88.06
            (276, 276.0 / 90.0 * 25.0, IkmGrade::B), // 76.67: B from 76.61
            (275, 275.0 / 90.0 * 25.0, IkmGrade::C), // 76.39
            (270, 75.0, IkmGrade::C),                // every answer 3
            (234, 65.0, IkmGrade::C),                // 65.00 exactly: C
            (233, 233.0 / 90.0 * 25.0, IkmGrade::D), // 64.72
            (180, 50.0, IkmGrade::D),                // every answer 2
            (90, 25.0, IkmGrade::D),                 // every answer 1
        ];
        for (total, want, grade) in table {
            let s = survey(&template(), Phase::Pre, &sheets_summing_to(total)).expect("IKM");
            let got = s.index.unwrap_or(f64::NAN);
            assert!((got - want).abs() < 1e-9, "sum {total}: {got} ≠ {want}");
            assert_eq!(s.grade, Some(grade), "sum {total}: IKM {got}");
            assert_eq!(s.respondents, 10);
            let nrr_sum: f64 = s.elements.iter().filter_map(|e| e.nrr).sum();
            assert!(
                (nrr_sum * 10.0 - f64::from(total)).abs() < 1e-9,
                "NRR are the element means"
            );
        }
    }

    #[test]
    fn an_element_nobody_answered_leaves_the_index_out_with_the_reason() {
        let forms = [form(&[("U1", "4"), ("U2", "3")])];
        let s = survey(&template(), Phase::M6, &forms).expect("an IKM survey");
        assert_eq!(s.index, None);
        assert_eq!(s.grade, None);
        assert_eq!(s.reason, Some(NotComputable::TooFew { needed: 9, got: 2 }));
        assert_eq!(s.elements[8].n, 0);
        assert_eq!(s.missing, ["U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
        assert_eq!(
            survey_line(&s, Lang::Id),
            "Hasil (±6 bulan): IKM tidak dapat dihitung: unsur U3, U4, U5, U6, U7, U8, U9 tanpa \
             jawaban (IKM memerlukan kesembilan unsur) · 1 responden"
        );
    }

    #[test]
    fn before_and_after_take_pre_and_the_latest_survey_at_work() {
        let def = template();
        // Before: every answer 3 → 75.00 (C). F1: every answer 3 except U9 = 4 → 25 × 28/9 = 77.78 (B).
        // M6: every answer 4 → 100 (A). The change is pre → m6, the latest.
        let pre = survey(&def, Phase::Pre, &[all(["3"; 9])]).expect("pre");
        let f1 = survey(
            &def,
            Phase::F1,
            &[all(["3", "3", "3", "3", "3", "3", "3", "3", "4"])],
        )
        .expect("f1");
        let m6 = survey(&def, Phase::M6, &[all(["4"; 9])]).expect("m6");
        let r = result(&def, vec![m6.clone(), pre.clone(), f1.clone()]);
        let phases: Vec<Phase> = r.surveys.iter().map(|s| s.phase).collect();
        assert_eq!(phases, [Phase::Pre, Phase::F1, Phase::M6]);
        let c = r.change.clone().expect("a change");
        assert_eq!((c.before_phase, c.after_phase), (Phase::Pre, Phase::M6));
        assert_eq!((c.before, c.after, c.difference), (75.0, 100.0, 25.0));
        assert_eq!((c.before_grade, c.after_grade), (IkmGrade::C, IkmGrade::A));
        // Without m6, the first follow-up is the latest.
        let r = result(&def, vec![pre.clone(), f1]);
        let c = r.change.expect("a change");
        assert_eq!(c.after_phase, Phase::F1);
        assert!((c.after - 25.0 * 28.0 / 9.0).abs() < 1e-9);
        // Only before, or only after: no change.
        assert_eq!(result(&def, vec![pre.clone()]).change, None);
        let post = survey(&def, Phase::Post, &[all(["4"; 9])]).expect("post");
        assert_eq!(result(&def, vec![post.clone()]).change, None);
        // Pre and post only (the survey used before and right after the course): post is after.
        let c = result(&def, vec![post.clone(), pre.clone()])
            .change
            .expect("pre → post");
        assert_eq!((c.before_phase, c.after_phase), (Phase::Pre, Phase::Post));
        assert_eq!(c.difference, 25.0);
        // A later survey at work wins over post.
        let m6 = survey(&def, Phase::M6, &[all(["2"; 9])]).expect("m6");
        let c = result(&def, vec![pre, post, m6]).change.expect("pre → m6");
        assert_eq!(
            (c.after_phase, c.after, c.difference),
            (Phase::M6, 50.0, -25.0)
        );
        assert_eq!(c.after_grade, IkmGrade::D);
    }
}
