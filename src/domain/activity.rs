//! Competency development outside programs (coaching, mentoring, e-learning, internships, study
//! visits …): what one ASN did, on which day, for how many JP. It counts toward their 20 JP a year.

use super::date;
use super::problem::{Errors, FieldError, Problem, optional_text, required_text};
use super::program::LearningMode;
use chrono::NaiveDate;
use serde::Serialize;

/// The most JP one activity may count (as the database allows).
pub const ACTIVITY_JP_MAX: f64 = 2000.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub day: NaiveDate,
    pub kind: LearningMode,
    pub title: String,
    pub provider: String,
    pub jp: f64,
    pub certificate_no: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityField {
    Date,
    Kind,
    Title,
    Provider,
    Jp,
    Certificate,
}

/// An activity as typed (in a form or on the command line).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityDraft {
    pub date: String,
    pub kind: String,
    pub title: String,
    pub provider: String,
    pub jp: String,
    pub certificate: String,
}

/// JP: a positive number with at most one decimal (half a JP happens), decimal point or comma.
pub fn parse_jp(s: &str) -> Result<f64, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let v: f64 = t.replace(',', ".").parse().map_err(|_| Problem::Number)?;
    if !v.is_finite() || !(0.5..=ACTIVITY_JP_MAX).contains(&v) {
        return Err(Problem::Range {
            min: 0.5,
            max: ACTIVITY_JP_MAX,
        });
    }
    if (v * 10.0).fract() != 0.0 {
        return Err(Problem::Decimals { max: 1 });
    }
    Ok(v)
}

impl ActivityDraft {
    pub fn parse(&self) -> Result<Activity, Vec<FieldError<ActivityField>>> {
        use ActivityField as F;
        let mut e = Errors::default();
        let day = e.check(
            F::Date,
            if self.date.trim().is_empty() {
                Err(Problem::Required)
            } else {
                date::parse(&self.date).map_err(|_| Problem::Date)
            },
        );
        let kind = e.check(
            F::Kind,
            LearningMode::from_code(self.kind.trim())
                .ok_or_else(|| Problem::UnknownChoice(self.kind.trim().to_string())),
        );
        let title = e.check(F::Title, required_text(&self.title, 160));
        let provider = e.check(F::Provider, optional_text(&self.provider, 120));
        let jp = e.check(F::Jp, parse_jp(&self.jp));
        let certificate_no = e.check(F::Certificate, optional_text(&self.certificate, 60));
        match (day, kind, title, provider, jp, certificate_no) {
            (
                Some(day),
                Some(kind),
                Some(title),
                Some(provider),
                Some(jp),
                Some(certificate_no),
            ) if e.is_empty() => Ok(Activity {
                day,
                kind,
                title,
                provider,
                jp,
                certificate_no,
            }),
            _ => Err(e.into_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn draft() -> ActivityDraft {
        ActivityDraft {
            date: "14/11/2026".into(),
            kind: "coaching".into(),
            title: "  Coaching   laporan kinerja ".into(),
            provider: "Atasan langsung".into(),
            jp: "4".into(),
            certificate: String::new(),
        }
    }

    #[test]
    fn a_valid_draft_parses_and_tidies_text() {
        let a = draft().parse().expect("valid");
        assert_eq!(a.day, NaiveDate::from_ymd_opt(2026, 11, 14).expect("date"));
        assert_eq!(a.kind, LearningMode::Coaching);
        assert_eq!(a.title, "Coaching laporan kinerja");
        assert_eq!(a.jp, 4.0);
    }

    #[rstest]
    #[case("4", Ok(4.0))]
    #[case("2,5", Ok(2.5))]
    #[case("0.5", Ok(0.5))]
    #[case("0.1", Err(Problem::Range { min: 0.5, max: 2000.0 }))]
    #[case("", Err(Problem::Required))]
    #[case("abc", Err(Problem::Number))]
    #[case("0", Err(Problem::Range { min: 0.5, max: 2000.0 }))]
    #[case("-3", Err(Problem::Range { min: 0.5, max: 2000.0 }))]
    #[case("2001", Err(Problem::Range { min: 0.5, max: 2000.0 }))]
    #[case("1,25", Err(Problem::Decimals { max: 1 }))]
    #[case("inf", Err(Problem::Range { min: 0.5, max: 2000.0 }))]
    fn jp_values(#[case] input: &str, #[case] expected: Result<f64, Problem>) {
        assert_eq!(parse_jp(input), expected);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = ActivityDraft {
            date: "31/02/2026".into(),
            kind: "kursus".into(),
            title: "  ".into(),
            provider: String::new(),
            jp: "-1".into(),
            certificate: String::new(),
        };
        let fields: Vec<ActivityField> = bad
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                ActivityField::Date,
                ActivityField::Kind,
                ActivityField::Title,
                ActivityField::Jp
            ]
        );
    }
}
