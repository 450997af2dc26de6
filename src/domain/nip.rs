//! NIP (Nomor Induk Pegawai): the 18-digit number of a civil servant.
//!
//! A PNS NIP reads `YYYYMMDD YYYYMM G NNN`:
//! - digits 1–8: date of birth (a real calendar date, not after today);
//! - digits 9–14: year and month of appointment as CPNS (TMT CPNS), at least 18 years after birth;
//! - digit 15: 1 = male, 2 = female;
//! - digits 16–18: sequence number, 001 or more.
//!
//! PPPK staff have an 18-digit number whose digits mean something else: for them only the length
//! and the digits are checked.
//!
//! Parsing accepts separators (whitespace, dots, dashes) anywhere, so `"19850412 201001 1 003"`,
//! `"19850412.201001.1.003"` and `" 19850412-201001-1-003 "` are all the same NIP; the stored
//! form is the 18 digits.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Number of digits in a NIP.
pub const NIP_LEN: usize = 18;

/// Birth years before this are treated as typing mistakes ([`NipError::BirthDate`]).
const MIN_BIRTH_YEAR: u32 = 1900;

/// A CPNS must be at least this old (in years) at TMT CPNS.
const ADULT_YEARS: i32 = 18;

/// Whether a person is a PNS (civil servant) or PPPK (contract civil servant). The NIP rules
/// depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployeeKind {
    Pns,
    Pppk,
}

/// Gender as encoded in digit 15 of a PNS NIP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Male,
    Female,
}

/// A calendar month, such as TMT CPNS. Orders chronologically; displays as `MM/YYYY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:04}", self.month, self.year)
    }
}

/// Why a NIP was rejected. Positions and digit numbers are 1-based, as a clerk counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum NipError {
    #[error("NIP is empty")]
    Empty,
    #[error("NIP must have 18 digits, got {got}")]
    Length { got: usize },
    #[error("NIP has a non-digit character at position {position}")]
    NotDigits { position: usize },
    #[error("NIP digits 1-8 are not a real date of birth")]
    BirthDate,
    #[error("NIP date of birth is in the future")]
    BirthInFuture,
    #[error("NIP TMT CPNS month {month} is not 01-12")]
    TmtMonth { month: u32 },
    #[error("NIP TMT CPNS is less than 18 years after birth")]
    TmtBeforeAdult,
    #[error("NIP gender digit {digit} is not 1 or 2")]
    Gender { digit: u8 },
    #[error("NIP sequence number is 000")]
    Sequence,
}

/// A NIP: exactly 18 ASCII digits. For a PNS it was also checked against the date rules when
/// parsed; the decoding accessors ([`Nip::birth_date`] and friends) work on the digits alone.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Nip(String);

impl Nip {
    /// Parses what a clerk typed or an import file holds. Separators (whitespace, `.`, `-` and
    /// the Unicode dashes U+2010–U+2015) are ignored wherever they are, so
    /// `"19850412 201001 1 003"` is accepted.
    ///
    /// Errors are reported in this order: [`NipError::Empty`] (no digits), [`NipError::NotDigits`]
    /// (first offending character), [`NipError::Length`], then — for [`EmployeeKind::Pns`] only —
    /// the birth date, TMT CPNS, gender and sequence checks.
    pub fn parse(input: &str, kind: EmployeeKind, today: NaiveDate) -> Result<Nip, NipError> {
        let digits = scan(input)?;
        if digits.is_empty() {
            return Err(NipError::Empty);
        }
        if digits.len() != NIP_LEN {
            return Err(NipError::Length { got: digits.len() });
        }
        if kind == EmployeeKind::Pns
            && let Some(error) = pns_error(&digits, today)
        {
            return Err(error);
        }
        Ok(Nip(to_text(&digits)))
    }

    /// Re-creates a NIP from a stored value without the date checks (the database holds values
    /// that were validated when entered). The value must be exactly 18 ASCII digits, with no
    /// separators and no surrounding whitespace.
    pub fn from_stored(s: &str) -> Result<Nip, NipError> {
        if s.is_empty() {
            return Err(NipError::Empty);
        }
        if let Some((index, _)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
            return Err(NipError::NotDigits {
                position: index + 1,
            });
        }
        if s.len() != NIP_LEN {
            return Err(NipError::Length { got: s.len() });
        }
        Ok(Nip(s.to_owned()))
    }

    /// The 18 digits, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The NIP as shown on screen: `19850412 201001 1 003`.
    pub fn grouped(&self) -> String {
        let mut out = String::with_capacity(NIP_LEN + 3);
        for (index, c) in self.0.chars().enumerate() {
            if matches!(index, 8 | 14 | 15) {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }

    /// Date of birth from digits 1–8, if they form a real date (year 1900 or later). Meaningful
    /// for a PNS only: a PPPK number may or may not happen to decode.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        full_birth_date(&self.digits())
    }

    /// TMT CPNS from digits 9–14, if the month is 01–12. Meaningful for a PNS only.
    pub fn tmt_cpns(&self) -> Option<YearMonth> {
        let d = self.digits();
        let month = value(d.get(12..14)?);
        if !(1..=12).contains(&month) {
            return None;
        }
        let year = i32::try_from(value(d.get(8..12)?)).ok()?;
        Some(YearMonth { year, month })
    }

    /// Gender from digit 15, if it is 1 or 2. Meaningful for a PNS only.
    pub fn gender(&self) -> Option<Gender> {
        match self.digits().get(14) {
            Some(1) => Some(Gender::Male),
            Some(2) => Some(Gender::Female),
            _ => None,
        }
    }

    /// The digit values (0–9).
    fn digits(&self) -> Vec<u8> {
        self.0.bytes().map(|b| b.wrapping_sub(b'0')).collect()
    }
}

/// How a NIP is shown on screen: a stored NIP (18 digits), or a label that starts with one followed by
/// a space (`"198504122010012003 Rina"`, as lists of respondents carry them), with the 18 digits grouped
/// as `19850412 201001 2 003`. Anything else comes back unchanged. Exports and inputs keep the 18 digits.
pub fn display(text: &str) -> String {
    let head = text
        .get(..NIP_LEN)
        .filter(|h| h.bytes().all(|b| b.is_ascii_digit()));
    let rest = text.get(NIP_LEN..).unwrap_or_default();
    match head {
        Some(digits) if rest.is_empty() || rest.starts_with(' ') => {
            format!("{}{rest}", Nip(digits.to_owned()).grouped())
        }
        _ => text.to_owned(),
    }
}

/// Live feedback on a NIP being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialNip {
    /// How many digits have been typed (separators not counted).
    pub digits: usize,
    /// The first definite error: one that no further typing can mend (a non-digit, more than 18
    /// digits, or for a PNS a prefix that no valid NIP starts with, such as month 13 after six
    /// digits or 31 February after eight). `None` for empty input.
    pub error: Option<NipError>,
    /// The parsed NIP once the input is complete and valid; always equal to
    /// `Nip::parse(input, kind, today).ok()`.
    pub complete: Option<Nip>,
}

/// Checks partial input while a clerk types, for live feedback.
///
/// A prefix is flagged only when no continuation could make it valid, e.g. `"19852"` (no month
/// starts with 2), `"19850231"` (31 February), `"21"` (born in the 2100s), or a TMT year less
/// than 18 years after birth. The TMT month is judged once both of its digits are in.
pub fn check_partial(input: &str, kind: EmployeeKind, today: NaiveDate) -> PartialNip {
    let digits = match scan(input) {
        Ok(digits) => digits,
        Err(error) => {
            return PartialNip {
                digits: input.chars().filter(char::is_ascii_digit).count(),
                error: Some(error),
                complete: None,
            };
        }
    };
    let error = if digits.len() > NIP_LEN {
        Some(NipError::Length { got: digits.len() })
    } else if kind == EmployeeKind::Pns {
        pns_error(&digits, today)
    } else {
        None
    };
    let complete = (error.is_none() && digits.len() == NIP_LEN).then(|| Nip(to_text(&digits)));
    PartialNip {
        digits: digits.len(),
        error,
        complete,
    }
}

/// Characters ignored between (and around) the digits.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '\u{2010}'..='\u{2015}')
}

/// Collects the digit values, skipping separators; the first other character is an error.
fn scan(input: &str) -> Result<Vec<u8>, NipError> {
    let mut digits = Vec::with_capacity(NIP_LEN);
    for (index, c) in input.chars().enumerate() {
        // `to_digit(10)` accepts only the ASCII digits, so the value fits a u8.
        if let Some(d) = c.to_digit(10) {
            digits.push(d as u8);
        } else if !is_separator(c) {
            return Err(NipError::NotDigits {
                position: index + 1,
            });
        }
    }
    Ok(digits)
}

fn to_text(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

/// The number written by some digit values (at most 4 digits are ever passed).
fn value(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |acc, &d| {
        acc.saturating_mul(10).saturating_add(u32::from(d))
    })
}

/// The smallest and largest values a fixed-width field at `start..end` can take, given the
/// digits typed so far (a field not yet reached spans its whole range).
fn field_range(digits: &[u8], start: usize, end: usize) -> (u32, u32) {
    let known = digits.get(start..end.min(digits.len())).unwrap_or(&[]);
    let missing = u32::try_from(end.saturating_sub(start).saturating_sub(known.len())).unwrap_or(0);
    let scale = 10u32.saturating_pow(missing);
    let low = value(known).saturating_mul(scale);
    (low, low.saturating_add(scale.saturating_sub(1)))
}

/// The date of birth of a complete (or at least 8-digit) digit string.
fn full_birth_date(digits: &[u8]) -> Option<NaiveDate> {
    let year = value(digits.get(0..4)?);
    if year < MIN_BIRTH_YEAR {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        value(digits.get(4..6)?),
        value(digits.get(6..8)?),
    )
}

/// The first definite PNS error in a digit prefix (any length up to 18; at 18 it is the full
/// check used by [`Nip::parse`]).
fn pns_error(digits: &[u8], today: NaiveDate) -> Option<NipError> {
    birth_error(digits, today)
        .or_else(|| tmt_error(digits))
        .or_else(|| match digits.get(14) {
            Some(&digit) if digit != 1 && digit != 2 => Some(NipError::Gender { digit }),
            _ => None,
        })
        .or_else(|| {
            let sequence = digits.get(15..18)?;
            (value(sequence) == 0).then_some(NipError::Sequence)
        })
}

/// Birth date: an error when no real date from 1900 on starts with the typed digits, or when the
/// earliest such date is after today.
fn birth_error(digits: &[u8], today: NaiveDate) -> Option<NipError> {
    let (year_low, year_high) = field_range(digits, 0, 4);
    let (month_low, month_high) = field_range(digits, 4, 6);
    let (day_low, day_high) = field_range(digits, 6, 8);
    // Lexicographic search is chronological, so the first hit is the earliest date. The search
    // is short: while the year is open, the month and day are open too and January 1 matches.
    let earliest = (year_low.max(MIN_BIRTH_YEAR)..=year_high).find_map(|year| {
        let year = i32::try_from(year).ok()?;
        (month_low..=month_high).find_map(|month| {
            (day_low..=day_high).find_map(|day| NaiveDate::from_ymd_opt(year, month, day))
        })
    });
    match earliest {
        None => Some(NipError::BirthDate),
        Some(date) if date > today => Some(NipError::BirthInFuture),
        Some(_) => None,
    }
}

/// TMT CPNS, once the birth date is complete and valid: the month must be 01–12 (judged when
/// both digits are in), and the latest TMT the typed digits allow must be at least 18 years
/// (by year and month) after birth.
fn tmt_error(digits: &[u8]) -> Option<NipError> {
    if digits.len() <= 8 {
        return None;
    }
    let birth = full_birth_date(digits)?;
    if let Some(month_digits) = digits.get(12..14) {
        let month = value(month_digits);
        if !(1..=12).contains(&month) {
            return Some(NipError::TmtMonth { month });
        }
    }
    let (_, year_high) = field_range(digits, 8, 12);
    let (month_low, month_high) = field_range(digits, 12, 14);
    let latest_month = month_high.min(12);
    if latest_month < month_low.max(1) {
        // The month's first digit is 2–9: wait for the second digit to report TmtMonth.
        return None;
    }
    let latest = YearMonth {
        year: i32::try_from(year_high).ok()?,
        month: latest_month,
    };
    let adult = YearMonth {
        year: birth.year() + ADULT_YEARS,
        month: birth.month(),
    };
    (latest < adult).then_some(NipError::TmtBeforeAdult)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
    }

    fn pns(input: &str) -> Result<Nip, NipError> {
        Nip::parse(input, EmployeeKind::Pns, today())
    }

    #[rstest]
    #[case::plain("198504122010011003", "198504122010011003")]
    #[case::grouped("19850412 201001 1 003", "198504122010011003")]
    #[case::dots("19850412.201001.1.003", "198504122010011003")]
    #[case::dashes("19850412-201001-1-003", "198504122010011003")]
    #[case::surrounding_space("  198504122010011003\t", "198504122010011003")]
    #[case::en_dash("19850412–201001–1–003", "198504122010011003")]
    #[case::leap_day_2000("20000229 202001 2 001", "200002292020012001")]
    #[case::leap_day_1988("19880229 201003 1 010", "198802292010031010")]
    #[case::female("19900101 201503 2 999", "199001012015032999")]
    #[case::exactly_18("20000515 201805 1 001", "200005152018051001")]
    #[case::born_today("20260615 204406 1 001", "202606152044061001")]
    fn valid_pns(#[case] input: &str, #[case] stored: &str) {
        let nip = pns(input).unwrap();
        assert_eq!(nip.as_str(), stored);
    }

    #[rstest]
    #[case::empty("", NipError::Empty)]
    #[case::blank("   ", NipError::Empty)]
    #[case::only_separators(" - . ", NipError::Empty)]
    #[case::len_17("19850412201001100", NipError::Length { got: 17 })]
    #[case::len_19("1985041220100110031", NipError::Length { got: 19 })]
    #[case::letter("19850412a201001100", NipError::NotDigits { position: 9 })]
    #[case::letter_after_space(" 1985O412201001100", NipError::NotDigits { position: 6 })]
    #[case::slash("19850412/201001/1/003", NipError::NotDigits { position: 9 })]
    #[case::scientific("1.98504E+17", NipError::NotDigits { position: 8 })]
    #[case::arabic_indic_digit("١٩٨٥٠٤١٢٢٠١٠٠١١٠٠٣", NipError::NotDigits { position: 1 })]
    #[case::feb_31("19850231 201001 1 003", NipError::BirthDate)]
    #[case::feb_29_non_leap("19850229 201001 1 003", NipError::BirthDate)]
    #[case::feb_29_1900("19000229 193001 1 003", NipError::BirthDate)]
    #[case::birth_month_13("19851312 201001 1 003", NipError::BirthDate)]
    #[case::birth_month_00("19850012 201001 1 003", NipError::BirthDate)]
    #[case::birth_day_00("19850400 201001 1 003", NipError::BirthDate)]
    #[case::birth_year_1850("18500412 201001 1 003", NipError::BirthDate)]
    #[case::birth_tomorrow("20260616 204407 1 003", NipError::BirthInFuture)]
    #[case::tmt_month_13("19850412 201013 1 003", NipError::TmtMonth { month: 13 })]
    #[case::tmt_month_00("19850412 201000 1 003", NipError::TmtMonth { month: 0 })]
    #[case::tmt_at_17("19850412 200212 1 003", NipError::TmtBeforeAdult)]
    #[case::tmt_one_month_short("20000515 201804 1 001", NipError::TmtBeforeAdult)]
    #[case::tmt_before_birth("19850412 198001 1 003", NipError::TmtBeforeAdult)]
    #[case::gender_0("19850412 201001 0 003", NipError::Gender { digit: 0 })]
    #[case::gender_3("19850412 201001 3 003", NipError::Gender { digit: 3 })]
    #[case::sequence_000("19850412 201001 1 000", NipError::Sequence)]
    fn invalid_pns(#[case] input: &str, #[case] error: NipError) {
        assert_eq!(pns(input), Err(error));
    }

    #[rstest]
    #[case::not_a_date("20210231 999999 9 000")]
    #[case::zeros("000000000000000000")]
    #[case::real_pppk_shape("19900101 202121 1 001")]
    fn pppk_checks_only_length_and_digits(#[case] input: &str) {
        let nip = Nip::parse(input, EmployeeKind::Pppk, today()).unwrap();
        assert_eq!(nip.as_str().len(), NIP_LEN);
    }

    #[rstest]
    #[case::short("1234", NipError::Length { got: 4 })]
    #[case::letter("12345678901234567X", NipError::NotDigits { position: 18 })]
    #[case::empty("", NipError::Empty)]
    fn pppk_errors(#[case] input: &str, #[case] error: NipError) {
        assert_eq!(Nip::parse(input, EmployeeKind::Pppk, today()), Err(error));
    }

    #[rstest]
    #[case::stored("198504122010012003", "19850412 201001 2 003")]
    #[case::label(
        "198504122010012003 Rina Marlina, S.E.",
        "19850412 201001 2 003 Rina Marlina, S.E."
    )]
    #[case::grouped_already("19850412 201001 2 003", "19850412 201001 2 003")]
    #[case::longer("1985041220100120031", "1985041220100120031")]
    #[case::shorter("1985041220100120", "1985041220100120")]
    #[case::sheet("lembar 12", "lembar 12")]
    #[case::empty("", "")]
    #[case::multibyte("19850412201001200é", "19850412201001200é")]
    fn display_groups_a_leading_nip(#[case] text: &str, #[case] shown: &str) {
        assert_eq!(display(text), shown);
    }

    #[test]
    fn accessors_decode_a_pns_nip() {
        let nip = pns("19850412 201001 2 003").unwrap();
        assert_eq!(nip.grouped(), "19850412 201001 2 003");
        assert_eq!(nip.birth_date(), NaiveDate::from_ymd_opt(1985, 4, 12));
        assert_eq!(
            nip.tmt_cpns(),
            Some(YearMonth {
                year: 2010,
                month: 1
            })
        );
        assert_eq!(nip.gender(), Some(Gender::Female));
    }

    #[test]
    fn accessors_return_none_when_digits_do_not_decode() {
        let nip = Nip::parse("20210231 999999 9 000", EmployeeKind::Pppk, today()).unwrap();
        assert_eq!(nip.birth_date(), None);
        assert_eq!(nip.tmt_cpns(), None);
        assert_eq!(nip.gender(), None);
    }

    #[rstest]
    #[case::valid("198504122010011003", Ok("198504122010011003"))]
    #[case::no_date_checks("198502312010131000", Ok("198502312010131000"))]
    #[case::empty("", Err(NipError::Empty))]
    #[case::spaces_not_allowed("19850412 201001 1 003", Err(NipError::NotDigits { position: 9 }))]
    #[case::short("12345", Err(NipError::Length { got: 5 }))]
    #[case::long("1234567890123456789", Err(NipError::Length { got: 19 }))]
    #[case::non_ascii("12345678901234567é", Err(NipError::NotDigits { position: 18 }))]
    fn from_stored(#[case] input: &str, #[case] expected: Result<&str, NipError>) {
        assert_eq!(
            Nip::from_stored(input)
                .as_ref()
                .map(Nip::as_str)
                .map_err(|e| *e),
            expected
        );
    }

    #[test]
    fn year_month_displays_and_orders() {
        let a = YearMonth {
            year: 2010,
            month: 1,
        };
        let b = YearMonth {
            year: 2009,
            month: 12,
        };
        assert_eq!(a.to_string(), "01/2010");
        assert!(b < a);
    }

    #[rstest]
    #[case::empty("", 0, None)]
    #[case::year_so_far("1985", 4, None)]
    #[case::year_0("0", 1, Some(NipError::BirthDate))]
    #[case::year_18xx("18", 2, Some(NipError::BirthDate))]
    #[case::year_3xxx("3", 1, Some(NipError::BirthInFuture))]
    #[case::year_21xx("21", 2, Some(NipError::BirthInFuture))]
    #[case::year_2027("2027", 4, Some(NipError::BirthInFuture))]
    #[case::month_tens_2("19852", 5, Some(NipError::BirthDate))]
    #[case::month_tens_1("19851", 5, None)]
    #[case::month_13("198513", 6, Some(NipError::BirthDate))]
    #[case::month_00("198500", 6, Some(NipError::BirthDate))]
    #[case::feb_day_tens_3("1985023", 7, Some(NipError::BirthDate))]
    #[case::feb_31("19850231", 8, Some(NipError::BirthDate))]
    #[case::feb_29_leap("19880229", 8, None)]
    #[case::feb_29_non_leap("19850229", 8, Some(NipError::BirthDate))]
    #[case::later_this_month("2026062", 7, Some(NipError::BirthInFuture))]
    #[case::earlier_this_month("2026061", 7, None)]
    #[case::grouped_so_far("19850412 2010", 12, None)]
    #[case::tmt_decade_too_early("19850412 199", 11, Some(NipError::TmtBeforeAdult))]
    #[case::tmt_year_too_early("19850412 2002", 12, Some(NipError::TmtBeforeAdult))]
    #[case::tmt_year_of_18th_birthday("19850412 2003", 12, None)]
    #[case::tmt_month_tens_0_too_early("19851012 20030", 13, Some(NipError::TmtBeforeAdult))]
    #[case::tmt_month_tens_2_waits("19850412 20102", 13, None)]
    #[case::tmt_month_13("19850412 201013", 14, Some(NipError::TmtMonth { month: 13 }))]
    #[case::tmt_month_before_birth_month("19851012 200309", 14, Some(NipError::TmtBeforeAdult))]
    #[case::gender_3("19850412 201001 3", 15, Some(NipError::Gender { digit: 3 }))]
    #[case::sequence_00_not_yet("19850412 201001 1 00", 17, None)]
    #[case::sequence_000("19850412 201001 1 000", 18, Some(NipError::Sequence))]
    #[case::too_long("19850412 201001 1 0031", 19, Some(NipError::Length { got: 19 }))]
    #[case::letter("1985x", 4, Some(NipError::NotDigits { position: 5 }))]
    #[case::trailing_separator("19850412-", 8, None)]
    fn partial_pns(#[case] input: &str, #[case] digits: usize, #[case] error: Option<NipError>) {
        let partial = check_partial(input, EmployeeKind::Pns, today());
        assert_eq!(partial.digits, digits);
        assert_eq!(partial.error, error);
        assert_eq!(partial.complete, None);
    }

    #[test]
    fn partial_complete() {
        let partial = check_partial("19850412 201001 1 003", EmployeeKind::Pns, today());
        assert_eq!(partial.digits, 18);
        assert_eq!(partial.error, None);
        assert_eq!(partial.complete, Some(pns("198504122010011003").unwrap()));
    }

    #[rstest]
    #[case::month_13_ok("198513", None)]
    #[case::complete_non_date("202102319999999000", None)]
    #[case::too_long("1234567890123456789", Some(NipError::Length { got: 19 }))]
    #[case::letter("12a", Some(NipError::NotDigits { position: 3 }))]
    fn partial_pppk(#[case] input: &str, #[case] error: Option<NipError>) {
        assert_eq!(
            check_partial(input, EmployeeKind::Pppk, today()).error,
            error
        );
    }

    /// Every NIP in the reference import files is a valid PNS NIP.
    #[rstest]
    #[case("199404212014072001")]
    #[case("197204081998022002")]
    #[case("196601251998102018")]
    #[case("199609202016072030")]
    #[case("197101121991042025")]
    #[case("199309282020081001")]
    #[case("196504071990082007")]
    fn reference_file_nips(#[case] input: &str) {
        assert!(pns(input).is_ok());
    }

    prop_compose! {
        fn valid_pns_digits()(
            birth_year in 1940i32..=2007,
            birth_month in 1u32..=12,
            birth_day in 1u32..=31,
            years_after in 19i32..=40,
            tmt_month in 1u32..=12,
            gender in 1u8..=2,
            sequence in 1u32..=999,
        ) -> String {
            // Clamp the day into the month (and the TMT into the past) to stay valid.
            let birth = (0..4)
                .find_map(|back| NaiveDate::from_ymd_opt(birth_year, birth_month, birth_day.saturating_sub(back)))
                .unwrap();
            let tmt_year = (birth_year + years_after).min(2026);
            format!(
                "{}{tmt_year:04}{tmt_month:02}{gender}{sequence:03}",
                birth.format("%Y%m%d")
            )
        }
    }

    fn pns_with_one_digit_changed() -> impl Strategy<Value = String> {
        (valid_pns_digits(), 0usize..18, 0u8..=9).prop_map(|(nip, index, digit)| {
            nip.chars()
                .enumerate()
                .map(|(i, c)| {
                    if i == index {
                        char::from(b'0' + digit)
                    } else {
                        c
                    }
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn valid_nips_round_trip_through_grouped(digits in valid_pns_digits()) {
            let nip = pns(&digits).unwrap();
            let grouped = nip.grouped();
            prop_assert_eq!(grouped.len(), 21);
            prop_assert_eq!(pns(&grouped), Ok(nip.clone()));
            prop_assert_eq!(Nip::from_stored(nip.as_str()), Ok(nip));
        }

        #[test]
        fn every_prefix_of_a_valid_nip_is_clean(digits in valid_pns_digits()) {
            for end in 0..=digits.len() {
                let partial = check_partial(&digits[..end], EmployeeKind::Pns, today());
                prop_assert_eq!(partial.error, None, "prefix {}", &digits[..end]);
            }
        }

        /// A prefix error is definite: the finished number is rejected too, and at full length
        /// the partial check agrees with `parse`.
        #[test]
        fn partial_errors_are_definite(digits in prop_oneof![
            pns_with_one_digit_changed(),
            "[0-9]{18}",
        ]) {
            let full = pns(&digits);
            for end in 0..=digits.len() {
                let partial = check_partial(&digits[..end], EmployeeKind::Pns, today());
                if partial.error.is_some() {
                    prop_assert!(full.is_err(), "prefix {} flagged, full accepted", &digits[..end]);
                }
            }
            let partial = check_partial(&digits, EmployeeKind::Pns, today());
            prop_assert_eq!(partial.error, full.clone().err());
            prop_assert_eq!(partial.complete, full.ok());
        }

        #[test]
        fn arbitrary_input_never_panics(input in any::<String>()) {
            for kind in [EmployeeKind::Pns, EmployeeKind::Pppk] {
                let parsed = Nip::parse(&input, kind, today());
                let partial = check_partial(&input, kind, today());
                prop_assert_eq!(partial.complete, parsed.ok());
            }
            if let Ok(nip) = Nip::from_stored(&input) {
                let _ = (nip.grouped(), nip.birth_date(), nip.tmt_cpns(), nip.gender());
            }
        }

        #[test]
        fn digit_soup_never_panics(input in "[0-9 .\\-]{0,40}") {
            for kind in [EmployeeKind::Pns, EmployeeKind::Pppk] {
                let parsed = Nip::parse(&input, kind, today());
                prop_assert_eq!(check_partial(&input, kind, today()).complete, parsed.ok());
            }
        }
    }
}
