//! Dates as Indonesian users write them: dd/mm/yyyy.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

/// Western Indonesian Time (WIB, UTC+7), the time of Palembang. Stamps are stored in UTC and shown in WIB;
/// "today" is the WIB date, whatever the server's own time zone.
pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or(Utc.fix())
}

use chrono::Offset;

/// Today's date in Palembang.
pub fn today_wib(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&wib()).date_naive()
}

/// A stored UTC stamp (`2026-03-09T01:15:02.120Z`) as people read it: `09/03/2026 08:15` (WIB).
pub fn format_stamp(stamp: &str) -> String {
    match DateTime::parse_from_rfc3339(stamp) {
        Ok(t) => t.with_timezone(&wib()).format("%d/%m/%Y %H:%M").to_string(),
        Err(_) => stamp.to_string(),
    }
}

/// `dd/mm/yyyy`, the only way dates are shown.
pub fn format(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

/// `dd/mm/yyyy` or `-` for no date.
pub fn format_opt(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "-".to_string(), format)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a date")]
pub struct BadDate;

/// Reads `dd/mm/yyyy` (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`), or ISO `yyyy-mm-dd` as scripts write it.
pub fn parse(input: &str) -> Result<NaiveDate, BadDate> {
    let s = input.trim();
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(BadDate);
    };
    let num = |p: &str| -> Result<u32, BadDate> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BadDate);
        }
        p.parse().map_err(|_| BadDate)
    };
    let (year, month, day) = if a.len() == 4 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 {
        (num(c)?, num(b)?, num(a)?)
    } else {
        return Err(BadDate);
    };
    let year = i32::try_from(year).map_err(|_| BadDate)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(BadDate)
}

/// ISO `yyyy-mm-dd`, the storage form.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("02/03/2026", Some((2026, 3, 2)))]
    #[case("2/3/2026", Some((2026, 3, 2)))]
    #[case("2026-03-02", Some((2026, 3, 2)))]
    #[case("02-03-2026", Some((2026, 3, 2)))]
    #[case("29/02/2024", Some((2024, 2, 29)))]
    #[case("29/02/2025", None)]
    #[case("31/04/2026", None)]
    #[case("13/13/2026", None)]
    #[case("2026/03", None)]
    #[case("aa/bb/cccc", None)]
    #[case("", None)]
    fn parses_written_dates(#[case] input: &str, #[case] want: Option<(i32, u32, u32)>) {
        let got = parse(input).ok().map(|d| (d.year(), d.month(), d.day()));
        assert_eq!(got, want);
    }

    #[test]
    fn stamps_are_shown_in_wib() {
        use chrono::TimeZone;
        assert_eq!(format_stamp("2026-03-09T17:15:02.120Z"), "10/03/2026 00:15");
        assert_eq!(format_stamp("not a stamp"), "not a stamp");
        let late = Utc
            .with_ymd_and_hms(2026, 11, 30, 18, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(
            today_wib(late),
            NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid")
        );
    }

    #[test]
    fn formats_day_first() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid");
        assert_eq!(format(d), "02/03/2026");
        assert_eq!(iso(d), "2026-03-02");
        assert_eq!(format_opt(None), "-");
    }
}
