//! Participant lists: `nip,nama,jabatan,golongan,unit` (plus optional columns), checked row by row with the
//! same rules as the ASN form.

use super::table::RawTable;
use crate::domain::asn::{AsnDraft, AsnField, AsnImport};
use crate::domain::name::PersonName;
use crate::domain::nip::{EmployeeKind, Nip};
use crate::domain::problem::Problem;
use crate::text::clean_line;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Columns tilik reads; any other column is named in a warning and ignored.
pub const COLUMNS: &[&str] = &[
    "nip",
    "nama",
    "jabatan",
    "golongan",
    "unit",
    "gelar_depan",
    "gelar_belakang",
    "jenis",
    "atasan_nip",
    "telepon",
    "email",
];

/// One checked row.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantRow {
    pub line: usize,
    pub data: AsnImport,
}

/// A problem in one cell (or, with line 1, in the header).
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: usize,
    pub column: String,
    pub problem: Problem,
}

/// The outcome of checking a file: rows to write only when `errors` is empty.
#[derive(Debug, Default)]
pub struct Checked {
    pub rows: Vec<ParticipantRow>,
    pub errors: Vec<RowError>,
    pub unknown_columns: Vec<String>,
    /// Every NIP written in the file (digits only), valid or not, for checking supervisors.
    pub nips_in_file: std::collections::HashSet<String>,
}

impl Checked {
    /// Supervisors that are neither in the file nor among `known` (NIPs found in the database), as errors
    /// on their rows. Adds them to `errors`, which stay sorted by line.
    pub fn check_atasan(&mut self, known: &[String]) {
        for row in &self.rows {
            let Some(nip) = &row.data.atasan_nip else {
                continue;
            };
            if !self.nips_in_file.contains(nip.as_str()) && !known.iter().any(|k| k == nip.as_str())
            {
                self.errors.push(RowError {
                    line: row.line,
                    column: "atasan_nip".to_string(),
                    problem: Problem::UnknownAtasan(nip.as_str().to_string()),
                });
            }
        }
        self.errors.sort_by_key(|e| e.line);
    }

    /// Supervisors' NIPs that are not in the file (to look up in the database).
    pub fn atasan_outside_file(&self) -> Vec<&str> {
        self.rows
            .iter()
            .filter_map(|r| r.data.atasan_nip.as_ref())
            .map(Nip::as_str)
            .filter(|n| !self.nips_in_file.contains(*n))
            .collect()
    }
}

fn column_of(field: AsnField, named_titles: bool) -> &'static str {
    match field {
        AsnField::Nip | AsnField::Kind => "nip",
        AsnField::Front if named_titles => "gelar_depan",
        AsnField::Back if named_titles => "gelar_belakang",
        AsnField::Front | AsnField::Name | AsnField::Back => "nama",
        AsnField::Jabatan | AsnField::Level => "jabatan",
        AsnField::Golongan => "golongan",
        AsnField::Opd => "unit",
        AsnField::Atasan => "atasan_nip",
        AsnField::Phone => "telepon",
        AsnField::Email => "email",
    }
}

/// Checks every row of a participant table. Text is cleaned for the terminal on the way in.
pub fn check(table: &RawTable, today: NaiveDate) -> Checked {
    let mut out = Checked {
        unknown_columns: table.unknown_columns(COLUMNS),
        ..Checked::default()
    };
    let col = |name: &str| table.column(name);
    let (Some(nip_col), Some(name_col)) = (col("nip"), col("nama")) else {
        for required in ["nip", "nama"] {
            if col(required).is_none() {
                out.errors.push(RowError {
                    line: 1,
                    column: required.to_string(),
                    problem: Problem::Required,
                });
            }
        }
        return out;
    };
    let [
        jabatan,
        golongan,
        unit,
        front,
        back,
        kind,
        atasan,
        phone,
        email,
    ] = [
        "jabatan",
        "golongan",
        "unit",
        "gelar_depan",
        "gelar_belakang",
        "jenis",
        "atasan_nip",
        "telepon",
        "email",
    ]
    .map(col);
    let named_titles = front.is_some() || back.is_some();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();

    for row in &table.rows {
        let cell = |c: Option<usize>| c.map(|i| clean_line(row.get(i))).unwrap_or_default();
        let written: String = cell(Some(nip_col))
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if !written.is_empty() {
            out.nips_in_file.insert(written);
        }
        let mut errors = Vec::new();
        let mut fail = |column: &str, problem: Problem| {
            errors.push(RowError {
                line: row.line,
                column: column.to_string(),
                problem,
            })
        };
        if row.lossy.contains(&nip_col) {
            fail("nip", Problem::LossyNumber);
        }
        let pppk = match cell(kind).to_lowercase().as_str() {
            "" | "pns" => false,
            "pppk" => true,
            other => {
                fail("jenis", Problem::UnknownChoice(other.to_string()));
                false
            }
        };
        let (mut f, mut n, mut b) = match PersonName::parse_full(&cell(Some(name_col))) {
            Ok(p) => (
                p.front().to_string(),
                p.name().to_string(),
                p.back().to_string(),
            ),
            Err(_) => (String::new(), String::new(), String::new()),
        };
        if front.is_some() {
            f = cell(front);
        }
        if back.is_some() {
            b = cell(back);
        }
        if n.is_empty() {
            n = cell(Some(name_col));
        }
        let draft = AsnDraft {
            nip: cell(Some(nip_col)),
            pppk,
            front: f,
            name: n,
            back: b,
            jabatan: cell(jabatan),
            level: None,
            golongan: cell(golongan),
            opd: None,
            atasan: None,
            phone: cell(phone),
            email: cell(email),
        };
        let person = match draft.parse(None, today) {
            Ok(p) => Some(p),
            Err(field_errors) => {
                for e in field_errors {
                    if !(e.field == AsnField::Nip && row.lossy.contains(&nip_col)) {
                        fail(column_of(e.field, named_titles), e.problem);
                    }
                }
                None
            }
        };
        let atasan_nip = match cell(atasan) {
            s if s.is_empty() => None,
            s => match Nip::parse(&s, EmployeeKind::Pns, today).or_else(|_| Nip::from_stored(&s)) {
                Ok(nip) => Some(nip),
                Err(e) => {
                    fail("atasan_nip", Problem::Nip(e));
                    None
                }
            },
        };
        if let (Some(p), Some(a)) = (&person, &atasan_nip)
            && p.nip == *a
        {
            fail("atasan_nip", Problem::SelfSupervisor);
        }
        if let Some(p) = &person {
            let key = p.nip.as_str().to_string();
            if let Some(first) = first_line_of.get(&key) {
                fail("nip", Problem::DuplicateInFile { first_line: *first });
            } else {
                first_line_of.insert(key, row.line);
            }
        }
        let unit_name = cell(unit).split_whitespace().collect::<Vec<_>>().join(" ");
        match person {
            Some(person) if errors.is_empty() => out.rows.push(ParticipantRow {
                line: row.line,
                data: AsnImport {
                    person,
                    unit: (!unit_name.is_empty()).then_some(unit_name),
                    atasan_nip,
                },
            }),
            _ => out.errors.extend(errors),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::read_csv_bytes;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid")
    }

    #[test]
    fn good_rows_parse_with_titles_and_units() {
        let csv = "NIP;Nama;Jabatan;Golongan;Unit;Catatan\n\
                   198504122010011003;Dr. Budi Santoso, S.Kom.;Kepala Seksi;III/d;Dinas Kesehatan;x\n";
        let table = read_csv_bytes(csv.as_bytes()).expect("csv");
        let checked = check(&table, today());
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert_eq!(checked.unknown_columns, vec!["Catatan".to_string()]);
        let row = &checked.rows[0];
        assert_eq!(row.line, 2);
        assert_eq!(row.data.person.name.front(), "Dr.");
        assert_eq!(row.data.person.name.name(), "Budi Santoso");
        assert_eq!(row.data.unit.as_deref(), Some("Dinas Kesehatan"));
    }

    #[test]
    fn every_bad_row_is_listed_with_line_and_column() {
        let csv = "nip,nama,jabatan,golongan,unit\n\
                   198502312010011003,A,,III/a,X\n\
                   19850412201001100,B,,III/a,X\n\
                   198504122010011003,,,V/z,X\n\
                   198504122010013003,C,,,X\n\
                   198504122010011004,D,,,X\n\
                   198504122010011004,E,,,X\n";
        let table = read_csv_bytes(csv.as_bytes()).expect("csv");
        let checked = check(&table, today());
        let got: Vec<(usize, &str)> = checked
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "nip"),
                (3, "nip"),
                (4, "nama"),
                (4, "golongan"),
                (5, "nip"),
                (7, "nip"),
            ]
        );
        assert_eq!(
            checked.errors[5].problem,
            Problem::DuplicateInFile { first_line: 6 }
        );
    }

    #[test]
    fn missing_required_columns_are_reported_on_the_header() {
        let table = read_csv_bytes(b"nomor,nama\n1,A\n").expect("csv");
        let checked = check(&table, today());
        assert_eq!(checked.errors.len(), 1);
        assert_eq!(checked.errors[0].line, 1);
        assert_eq!(checked.errors[0].column, "nip");
    }

    #[test]
    fn control_characters_are_stored_as_placeholders() {
        let csv = "nip,nama\n198504122010011003,\"Budi\x1b[2J\"\n";
        let table = read_csv_bytes(csv.as_bytes()).expect("csv");
        let checked = check(&table, today());
        assert_eq!(checked.rows[0].data.person.name.name(), "Budi␛[2J");
    }
}
