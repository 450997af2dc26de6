//! Survey answers and test scores from files: checked row by row, every problem with its line and column.
//!
//! - Surveys (wide form): a `nip` column (or `sheet` for anonymous forms) and one column per item code.
//! - Scores: `nip,pre,post`.

use super::participants::RowError;
use super::table::{RawTable, parse_decimal};
use crate::domain::instrument::{AnswerError, Definition, ItemRole, Phase, note_key};
use crate::domain::problem::Problem;
use std::collections::{BTreeMap, HashMap};

/// Who a row is about, as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Who {
    /// 18 digits (spaces removed).
    Nip(String),
    Sheet(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRow {
    pub line: usize,
    pub who: Who,
    /// Item code → stored value.
    pub answers: BTreeMap<String, String>,
}

#[derive(Debug, Default)]
pub struct CheckedSurvey {
    pub rows: Vec<SurveyRow>,
    pub errors: Vec<RowError>,
}

fn answer_problem(e: &AnswerError) -> Problem {
    Problem::from(e)
}

fn nip_cell(cell: &str) -> String {
    cell.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What the forms of a file belong to, for the checks that depend on it: how many objectives the
/// program has (items about objective N beyond them are hidden), its first and last day, the phase, and
/// today (a session date may not lie ahead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub objectives: Option<usize>,
    pub dates: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    pub phase: Phase,
    pub today: chrono::NaiveDate,
}

/// Checks a session date against the program and the phase.
pub fn date_problem(day: chrono::NaiveDate, frame: &Frame) -> Option<Problem> {
    if day > frame.today {
        return Some(Problem::FutureDate);
    }
    let (start, end) = frame.dates?;
    if frame.phase.is_after() && day < end {
        return Some(Problem::BeforeTrainingEnd(end));
    }
    if frame.phase == Phase::Pre && day > start {
        return Some(Problem::AfterTrainingStart(start));
    }
    None
}

/// Checks a survey file against an instrument.
pub fn check_survey(table: &RawTable, def: &Definition) -> CheckedSurvey {
    check_survey_in(table, def, None)
}

/// Checks a survey file against an instrument and, when known, the program and phase it is for.
pub fn check_survey_in(table: &RawTable, def: &Definition, frame: Option<&Frame>) -> CheckedSurvey {
    let mut out = CheckedSurvey::default();
    let mut header_error = |column: &str, problem: Problem| {
        out.errors.push(RowError {
            line: 1,
            column: column.to_string(),
            problem,
        })
    };
    let who_col = if def.anonymous {
        table.column("sheet").or_else(|| table.column("lembar"))
    } else {
        table.column("nip")
    };
    let Some(who_col) = who_col else {
        header_error(
            if def.anonymous { "sheet" } else { "nip" },
            Problem::Required,
        );
        return out;
    };
    // Every other column must be an item code of the instrument, or `CODE.note` for an item that takes
    // an evidence note.
    let mut items: Vec<(usize, usize)> = Vec::new(); // (column, item index)
    let mut notes: Vec<(usize, usize)> = Vec::new();
    for (col, name) in table.headers.iter().enumerate() {
        if col == who_col || name.trim().is_empty() {
            continue;
        }
        let name_t = name.trim();
        if let Some(i) = def.position(name_t) {
            items.push((col, i));
            continue;
        }
        let lower = name_t.to_lowercase();
        let noted = lower
            .strip_suffix(".note")
            .and_then(|code| name_t.get(..code.len()))
            .and_then(|code| def.position(code))
            .filter(|i| def.items[*i].note);
        match noted {
            Some(i) => notes.push((col, i)),
            None => header_error(name, Problem::UnknownItem(name_t.to_string())),
        }
    }
    // Items about an objective the program does not have are hidden.
    let objective_hidden = |i: usize| {
        frame
            .and_then(|f| f.objectives)
            .is_some_and(|n| def.items[i].objective.is_some_and(|o| usize::from(o) > n))
    };
    if !out.errors.is_empty() {
        return out;
    }
    let decimal_comma = table.decimal_comma();
    let mut seen: HashMap<Who, usize> = HashMap::new();
    for row in &table.rows {
        let mut errors = Vec::new();
        let mut fail = |column: &str, problem: Problem| {
            errors.push(RowError {
                line: row.line,
                column: column.to_string(),
                problem,
            })
        };
        let raw_who = row.get(who_col).trim();
        let who = if def.anonymous {
            if raw_who.is_empty() {
                fail("sheet", Problem::Required);
            }
            Who::Sheet(crate::text::clean_line(raw_who))
        } else {
            let nip = nip_cell(raw_who);
            if row.lossy.contains(&who_col) {
                fail("nip", Problem::LossyNumber);
            } else if nip.len() != 18 || !nip.chars().all(|c| c.is_ascii_digit()) {
                fail(
                    "nip",
                    Problem::Nip(crate::domain::nip::NipError::Length {
                        got: nip.chars().count(),
                    }),
                );
            }
            Who::Nip(nip)
        };
        if let Some(first) = seen.get(&who) {
            fail(
                if def.anonymous { "sheet" } else { "nip" },
                Problem::DuplicateInFile { first_line: *first },
            );
        } else {
            seen.insert(who.clone(), row.line);
        }
        // 1. Each value against its item's type and scale.
        let mut answers = BTreeMap::new();
        let mut unread: Vec<&str> = Vec::new();
        for (col, index) in &items {
            let item = &def.items[*index];
            match item.parse_answer(row.get(*col), decimal_comma) {
                Ok(Some(v)) => {
                    answers.insert(item.code.to_string(), v);
                }
                Ok(None) => {}
                // A required item left empty is refused only when it is shown (checked below).
                Err(AnswerError::Required) => {}
                Err(e) => {
                    unread.push(item.code.as_str());
                    fail(&table.headers[*col], answer_problem(&e));
                }
            }
        }
        let mut notes_given = Vec::new();
        for (col, index) in &notes {
            let text = crate::text::clean(row.get(*col).trim(), crate::text::Lines::Multi);
            if text.chars().count() > 1000 {
                fail(&table.headers[*col], Problem::TooLong { max: 1000 });
            } else if !text.is_empty() {
                notes_given.push((*col, *index, text.into_owned()));
            }
        }
        // 2. Skip logic, on the answers as given: an answer to an item they hide is an error at its cell
        // (never dropped quietly), and so is a required item they show that is empty. An item is judged
        // only when the items its showing depends on could be read, so that one bad value is not
        // reported again as a skip error.
        let depends_on_unread = |i: usize| {
            let mut at = i;
            while let Some(cond) = def.items[at].show_if.as_ref() {
                if unread.contains(&cond.item.as_str()) {
                    return true;
                }
                match def.position(cond.item.as_str()) {
                    Some(p) if p < at => at = p,
                    _ => break,
                }
            }
            false
        };
        let asked: Vec<bool> = (0..def.items.len())
            .map(|i| !objective_hidden(i) && def.shown(i, |c| answers.get(c).map(String::as_str)))
            .collect();
        let shown = |i: usize| asked.get(i).copied().unwrap_or(false);
        for (i, item) in def.items.iter().enumerate() {
            if unread.contains(&item.code.as_str()) || depends_on_unread(i) {
                continue;
            }
            let column = items.iter().find(|(_, idx)| *idx == i).map_or_else(
                || item.code.to_string(),
                |(col, _)| table.headers[*col].clone(),
            );
            let answered = answers.contains_key(item.code.as_str());
            if objective_hidden(i) && answered {
                fail(
                    &column,
                    Problem::NoSuchObjective {
                        asked: item.objective.unwrap_or(0),
                        has: frame.and_then(|f| f.objectives).unwrap_or(0),
                    },
                );
            } else if !shown(i) && answered {
                fail(&column, Problem::AnsweredSkipped);
            } else if shown(i) && item.required && !answered {
                fail(&column, Problem::Required);
            }
        }
        // A note belongs to its item: none beside an item that is not asked.
        for (col, index, text) in notes_given {
            if !depends_on_unread(index) && !shown(index) {
                fail(&table.headers[col], Problem::AnsweredSkipped);
            } else {
                answers.insert(note_key(def.items[index].code.as_str()), text);
            }
        }
        // 3. Checks across items, on the answers of the items that are asked: tasks on time cannot
        // outnumber the tasks due.
        if let Some(due) = crate::domain::instrument::counts_problem(def, |c| {
            def.position(c)
                .filter(|i| shown(*i))
                .and_then(|_| answers.get(c).cloned())
        }) && let Some(item) = def
            .items
            .iter()
            .find(|i| i.role == Some(ItemRole::CountDone))
        {
            fail(item.code.as_str(), Problem::MoreThanDue(due));
        }
        // A session date must fit the program and the phase.
        if let Some(frame) = frame
            && let Some(item) = def.items.iter().find(|i| i.role == Some(ItemRole::Date))
            && let Some(day) = answers
                .get(item.code.as_str())
                .and_then(|v| crate::domain::date::parse(v).ok())
            && let Some(problem) = date_problem(day, frame)
        {
            fail(item.code.as_str(), problem);
        }
        if errors.is_empty() {
            out.rows.push(SurveyRow {
                line: row.line,
                who,
                answers,
            });
        } else {
            out.errors.extend(errors);
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreLine {
    pub line: usize,
    pub nip: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
}

#[derive(Debug, Default)]
pub struct CheckedScores {
    pub rows: Vec<ScoreLine>,
    pub errors: Vec<RowError>,
}

/// Checks a score file (`nip,pre,post`; 0..=max; an empty cell is missing).
pub fn check_scores(table: &RawTable, max: f64) -> CheckedScores {
    let mut out = CheckedScores::default();
    let cols = ["nip", "pre", "post"].map(|c| table.column(c));
    let [Some(nip_col), pre_col, post_col] = cols else {
        out.errors.push(RowError {
            line: 1,
            column: "nip".into(),
            problem: Problem::Required,
        });
        return out;
    };
    if pre_col.is_none() && post_col.is_none() {
        out.errors.push(RowError {
            line: 1,
            column: "pre".into(),
            problem: Problem::Required,
        });
        return out;
    }
    let comma = table.decimal_comma();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let mut errors = Vec::new();
        let nip = nip_cell(row.get(nip_col));
        if row.lossy.contains(&nip_col) {
            errors.push(("nip", Problem::LossyNumber));
        } else if nip.len() != 18 || !nip.chars().all(|c| c.is_ascii_digit()) {
            errors.push((
                "nip",
                Problem::Nip(crate::domain::nip::NipError::Length {
                    got: nip.chars().count(),
                }),
            ));
        }
        if let Some(first) = seen.get(&nip) {
            errors.push(("nip", Problem::DuplicateInFile { first_line: *first }));
        } else {
            seen.insert(nip.clone(), row.line);
        }
        let mut score = |col: Option<usize>, name: &'static str| -> Option<f64> {
            let col = col?;
            match parse_decimal(row.get(col), comma) {
                Ok(None) => None,
                Ok(Some(v)) if (0.0..=max).contains(&v) => Some(v),
                Ok(Some(_)) => {
                    errors.push((name, Problem::Range { min: 0.0, max }));
                    None
                }
                Err(_) => {
                    errors.push((name, Problem::Number));
                    None
                }
            }
        };
        let pre = score(pre_col, "pre");
        let post = score(post_col, "post");
        if errors.is_empty() {
            out.rows.push(ScoreLine {
                line: row.line,
                nip,
                pre,
                post,
            });
        } else {
            out.errors
                .extend(errors.into_iter().map(|(column, problem)| RowError {
                    line: row.line,
                    column: column.to_string(),
                    problem,
                }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::read_csv_bytes;

    fn def() -> Definition {
        crate::import::instrument::parse(
            r#"
code = "R"
title = "Reaksi"
level = "reaction"
[[items]]
code = "R01"
text = "Satu"
type = "likert"
scale = [1, 5]
required = true
[[items]]
code = "R02"
text = "Dua"
type = "likert"
scale = [1, 5]
show_if = "R01 >= 3"
"#,
        )
        .expect("valid")
    }

    #[test]
    fn good_rows_and_every_problem_with_line_and_column() {
        let csv = "nip,R01,R02\n\
                   198504122010011003,4,5\n\
                   198504122010011004,2,\n\
                   198504122010011005,7,1\n\
                   198504122010011006,2,3\n\
                   198504122010011003,3,3\n\
                   19850412201001100,,\n";
        let table = read_csv_bytes(csv.as_bytes()).expect("csv");
        let checked = check_survey(&table, &def());
        assert_eq!(checked.rows.len(), 2);
        let got: Vec<(usize, &str)> = checked
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![(4, "R01"), (5, "R02"), (6, "nip"), (7, "nip"), (7, "R01")]
        );
        assert_eq!(checked.errors[1].problem, Problem::AnsweredSkipped);
    }

    #[test]
    fn unknown_item_columns_are_refused_on_the_header() {
        let table = read_csv_bytes(b"nip,R01,R99\n198504122010011003,4,5\n").expect("csv");
        let checked = check_survey(&table, &def());
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(checked.errors[0].line, 1);
        assert_eq!(
            checked.errors[0].problem,
            Problem::UnknownItem("R99".into())
        );
    }

    #[test]
    fn scores_accept_decimal_commas_in_semicolon_files() {
        let table =
            read_csv_bytes(b"nip;pre;post\n198504122010011003;51,5;72\n198504122010011004;;101\n")
                .expect("csv");
        let checked = check_scores(&table, 100.0);
        assert_eq!(checked.rows[0].pre, Some(51.5));
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(checked.errors[0].column, "post");
    }
}
