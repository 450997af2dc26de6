//! Why a value was refused. One vocabulary for forms, imports and the CLI; the words are in `i18n`.

use super::name::NameError;
use super::nip::NipError;

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    Nip(NipError),
    Name(NameError),
    UnknownGolongan(String),
    Date,
    /// The end date is before the start date.
    EndBeforeStart,
    Number,
    Range {
        min: f64,
        max: f64,
    },
    /// Too many decimals for this field.
    Decimals {
        max: u32,
    },
    /// A program code may hold letters, digits and `-_./` only.
    Code,
    /// A value appears twice where it must be unique (a NIP twice in one file).
    DuplicateInFile {
        first_line: usize,
    },
    UnknownProgram(String),
    UnknownChoice(String),
    /// An 18-digit number stored by a spreadsheet as a number has lost its last digits.
    LossyNumber,
    Email,
    /// A person cannot be their own direct supervisor.
    SelfSupervisor,
    /// A supervisor's NIP that is neither in the file nor in the database.
    UnknownAtasan(String),
    /// A column that is not an item of the instrument.
    UnknownItem(String),
    /// An answer to an item that an earlier answer hides.
    AnsweredSkipped,
    /// A NIP that is not in tilik.
    UnknownNip(String),
    /// A person who is not a participant of the program.
    NotEnrolled(String),
    /// A respondent whose form is already in tilik (use --replace).
    AlreadyEntered,
    /// A number that must be above zero.
    NotPositive,
    /// Values that must grow from one to the next (follow-up offsets).
    NotIncreasing,
    /// A date that has not come yet.
    FutureDate,
    /// An atasan named by a NIP that tilik does not know (interviews).
    AtasanNotRegistered(String),
    /// More tasks done on time than were due.
    MoreThanDue(f64),
    /// An answer about the program's objective number `asked` when it has only `has` objectives.
    NoSuchObjective {
        asked: u8,
        has: usize,
    },
    /// A follow-up dated before the training ended (on this day).
    BeforeTrainingEnd(chrono::NaiveDate),
    /// A baseline dated after the training began (on this day).
    AfterTrainingStart(chrono::NaiveDate),

    /// More values than allowed.
    TooMany {
        max: usize,
    },
    /// A stored score that a new, lower maximum would no longer allow.
    StoredAboveMax {
        stored: f64,
        max: f64,
    },
}

/// A problem located at a field of a form or a column of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError<F> {
    pub field: F,
    pub problem: Problem,
}

impl<F> FieldError<F> {
    pub fn new(field: F, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

/// Collects field errors while a draft is parsed, so that every problem is reported at once.
#[derive(Debug)]
pub struct Errors<F>(Vec<FieldError<F>>);

impl<F> Default for Errors<F> {
    fn default() -> Self {
        Errors(Vec::new())
    }
}

impl<F: Copy> Errors<F> {
    /// The parsed value, or `None` after recording why not.
    pub fn check<T>(&mut self, field: F, result: Result<T, Problem>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(problem) => {
                self.0.push(FieldError::new(field, problem));
                None
            }
        }
    }

    pub fn push(&mut self, field: F, problem: Problem) {
        self.0.push(FieldError::new(field, problem));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError<F>> {
        self.0
    }
}

/// Trimmed text that must not be empty and has at most `max` characters.
pub fn required_text(s: &str, max: usize) -> Result<String, Problem> {
    let t = optional_text(s, max)?;
    if t.is_empty() {
        Err(Problem::Required)
    } else {
        Ok(t)
    }
}

/// Trimmed text of at most `max` characters, with inner runs of whitespace collapsed.
pub fn optional_text(s: &str, max: usize) -> Result<String, Problem> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() > max {
        Err(Problem::TooLong { max })
    } else {
        Ok(t)
    }
}

/// A whole number in `min..=max`; empty is `None`.
pub fn optional_int(s: &str, min: i64, max: i64) -> Result<Option<i64>, Problem> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let cleaned: String = t.chars().filter(|c| *c != '.' && *c != '_').collect();
    let v: i64 = cleaned.parse().map_err(|_| Problem::Number)?;
    if v < min || v > max {
        return Err(Problem::Range {
            min: min as f64,
            max: max as f64,
        });
    }
    Ok(Some(v))
}

/// A whole number in `min..=max` that must be present.
pub fn required_int(s: &str, min: i64, max: i64) -> Result<i64, Problem> {
    optional_int(s, min, max)?.ok_or(Problem::Required)
}
