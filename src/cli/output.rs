//! Lists printed by the CLI: one description, three formats.
//!
//! - `table`: aligned columns for people; text is made terminal-safe (control characters as placeholders).
//! - `json`: an array of objects with stable snake_case keys; numbers are numbers, missing is `null`.
//! - `csv`: a header of the same keys; text cells that a spreadsheet would run as formulas are neutralised.

use crate::text;
use serde_json::{Map, Value};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

/// One cell of a listing.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Num(f64),
    Bool(bool),
    Null,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.into()))
    }

    /// A yes/no: words in tables, `true`/`false` in JSON and CSV.
    pub fn flag(v: bool, format: Format, lang: crate::i18n::Lang) -> Cell {
        if format == Format::Table {
            let msg = if v {
                crate::i18n::Msg::Yes
            } else {
                crate::i18n::Msg::No
            };
            Cell::text(msg.text(lang))
        } else {
            Cell::Bool(v)
        }
    }

    pub fn opt_int(v: Option<i64>) -> Cell {
        v.map_or(Cell::Null, Cell::Int)
    }

    fn shown(&self) -> String {
        match self {
            Cell::Text(s) => text::visible(s).into_owned(),
            Cell::Int(v) => v.to_string(),
            Cell::Num(v) => format!("{v}"),
            Cell::Bool(v) => v.to_string(),
            Cell::Null => "-".to_string(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(s) => Value::String(s.clone()),
            Cell::Int(v) => Value::from(*v),
            Cell::Num(v) => serde_json::Number::from_f64(*v).map_or(Value::Null, Value::Number),
            Cell::Bool(v) => Value::Bool(*v),
            Cell::Null => Value::Null,
        }
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => text::csv_text_cell(s).into_owned(),
            Cell::Int(v) => v.to_string(),
            Cell::Num(v) => format!("{v}"),
            Cell::Bool(v) => v.to_string(),
            Cell::Null => String::new(),
        }
    }

    fn numeric(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Num(_))
    }
}

/// Rows under named columns. `keys` are the JSON/CSV names; `headers` what a person reads in a table.
pub struct Listing {
    pub keys: Vec<&'static str>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Listing {
    pub fn write(&self, format: Format, out: &mut impl Write) -> io::Result<()> {
        match format {
            Format::Table => self.write_table(out),
            Format::Json => self.write_json(out),
            Format::Csv => self.write_csv(out),
        }
    }

    fn write_table(&self, out: &mut impl Write) -> io::Result<()> {
        let shown: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(Cell::shown).collect())
            .collect();
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|h| text::visible(h).into_owned())
            .collect();
        let widths: Vec<usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                shown
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| c.width())
                    .chain([h.width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let numeric: Vec<bool> = (0..headers.len())
            .map(|i| {
                self.rows
                    .iter()
                    .any(|r| r.get(i).is_some_and(Cell::numeric))
            })
            .collect();
        let line = |cells: &[String]| -> String {
            let parts: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let pad = widths
                        .get(i)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(c.width());
                    if numeric.get(i).copied().unwrap_or(false) {
                        format!("{}{c}", " ".repeat(pad))
                    } else {
                        format!("{c}{}", " ".repeat(pad))
                    }
                })
                .collect();
            parts.join("  ").trim_end().to_string()
        };
        writeln!(out, "{}", line(&headers))?;
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        writeln!(out, "{}", rule.join("  "))?;
        for r in &shown {
            writeln!(out, "{}", line(r))?;
        }
        Ok(())
    }

    fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        let array: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                let mut obj = Map::new();
                for (k, c) in self.keys.iter().zip(r) {
                    obj.insert((*k).to_string(), c.json());
                }
                Value::Object(obj)
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &array)?;
        writeln!(out)
    }

    fn write_csv(&self, out: &mut impl Write) -> io::Result<()> {
        // Built in memory first: the csv writer would hide the kind of an output error (a closed
        // pipe must stay recognisable).
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&self.keys)?;
        for r in &self.rows {
            w.write_record(r.iter().map(Cell::csv))?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> Listing {
        Listing {
            keys: vec!["nama", "jp"],
            headers: vec!["Nama".into(), "JP".into()],
            rows: vec![
                vec![Cell::text("=cmd|' /C calc'!A0"), Cell::Int(24)],
                vec![Cell::text("Budi\x1b[31m"), Cell::Null],
            ],
        }
    }

    fn render(format: Format) -> String {
        let mut buf = Vec::new();
        listing().write(format, &mut buf).expect("write");
        String::from_utf8(buf).expect("utf8")
    }

    #[test]
    fn table_shows_placeholders_and_aligns_numbers() {
        let t = render(Format::Table);
        assert!(t.contains("Budi␛[31m"), "{t}");
        assert!(!t.contains('\x1b'));
        assert!(t.lines().nth(2).is_some_and(|l| l.ends_with("24")));
    }

    #[test]
    fn json_keeps_types_and_keys_in_order() {
        let v: Value = serde_json::from_str(&render(Format::Json)).expect("json");
        assert_eq!(v[0]["jp"], Value::from(24));
        assert_eq!(v[1]["jp"], Value::Null);
        assert_eq!(v[0]["nama"], Value::from("=cmd|' /C calc'!A0"));
    }

    #[test]
    fn csv_neutralises_formulas() {
        let c = render(Format::Csv);
        assert!(c.starts_with("nama,jp\n"));
        assert!(c.contains("'=cmd"), "{c}");
    }
}
