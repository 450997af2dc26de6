//! Reading import files (CSV or XLSX) into one neutral table.
//!
//! Clerks bring files from Windows offices: CSV separated by commas *or* semicolons (Indonesian Excel
//! writes semicolons and decimal commas), with or without a UTF-8 BOM, sometimes saved as Windows-1252;
//! or an XLSX workbook, of which the first worksheet is read. Whatever came in, the result is a
//! [`RawTable`]: trimmed header names and rows of trimmed text cells, each row carrying the line number
//! the clerk sees in Excel or Notepad (header = line 1, first data row = line 2; a quoted multi-line CSV
//! record counts from the line where it starts). Validating the cells is the import commands' job.
//!
//! Cells are returned as read: terminal-safety cleaning (see [`crate::text`]) is left to the caller.

use std::borrow::Cow;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

/// The field separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    /// The separator as a byte.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// The character encoding a CSV file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Windows1252,
}

/// What kind of file a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Csv {
        delimiter: Delimiter,
        encoding: TextEncoding,
    },
    Xlsx,
}

/// A file's contents as text cells, before any validation.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    pub source: SourceKind,
    /// Header names, trimmed, as written. Trailing empty header cells (`nip;nama;;`) are dropped; an empty
    /// header between two named ones stays as `""`.
    pub headers: Vec<String>,
    /// Data rows; rows whose cells are all empty are left out (their lines still count).
    pub rows: Vec<RawRow>,
}

/// One data row.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// The line (CSV) or Excel row number (XLSX) a clerk sees, 1-based; the header is usually line 1.
    pub line: usize,
    /// Trimmed cells. A row is padded with `""` up to the number of headers; cells beyond the headers are
    /// kept when at least one of them is non-empty (the caller may complain), trailing empty ones dropped.
    pub cells: Vec<String>,
    /// Column indexes of XLSX number cells too large to be exact (|x| ≥ 10^15, e.g. an 18-digit NIP typed
    /// as a number: Excel keeps only ~15 significant digits). The cell still holds the integer as read;
    /// callers that need exact digits must refuse these. Always empty for CSV.
    pub lossy: Vec<usize>,
}

impl RawRow {
    /// The trimmed cell at `col`, or `""` when the row has no such cell.
    pub fn get(&self, col: usize) -> &str {
        self.cells.get(col).map(String::as_str).unwrap_or("")
    }

    /// Whether the cell at `col` is a number that lost digits in Excel (see [`RawRow::lossy`]).
    pub fn is_lossy(&self, col: usize) -> bool {
        self.lossy.contains(&col)
    }
}

impl RawTable {
    /// Column index of a header, case-insensitive and ignoring surrounding spaces and a leading BOM.
    /// An empty name never matches.
    pub fn column(&self, name: &str) -> Option<usize> {
        let wanted = normalize_header(name);
        if wanted.is_empty() {
            return None;
        }
        self.headers
            .iter()
            .position(|h| normalize_header(h) == wanted)
    }

    /// Headers not in `known` (case-insensitive), for the "unknown columns" warning, as written and in
    /// file order. Empty headers are not reported.
    pub fn unknown_columns(&self, known: &[&str]) -> Vec<String> {
        let known: Vec<String> = known.iter().map(|k| normalize_header(k)).collect();
        self.headers
            .iter()
            .filter(|h| {
                let n = normalize_header(h);
                !n.is_empty() && !known.contains(&n)
            })
            .cloned()
            .collect()
    }

    /// Whether numbers in this file use a decimal comma (true for semicolon CSV).
    pub fn decimal_comma(&self) -> bool {
        matches!(
            self.source,
            SourceKind::Csv {
                delimiter: Delimiter::Semicolon,
                ..
            }
        )
    }
}

/// Why a file could not be read as a table.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot open {path}: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("empty file")]
    Empty,
    #[error("unsupported file type")]
    UnsupportedType,
    #[error("CSV error at line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("XLSX error: {0}")]
    Xlsx(String),
    #[error("duplicate column {0}")]
    DuplicateColumn(String),
}

/// A number cell that is not a plain decimal number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a number")
    }
}

impl std::error::Error for NumberError {}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Old binary Office files (`.xls`, `.doc`): the OLE compound-file signature.
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Excel cannot hold integers at or above this exactly (15 significant digits).
const LOSSY_LIMIT: f64 = 1e15;

/// Reads a CSV or XLSX file into a [`RawTable`].
///
/// The type comes from the extension (`.csv`/`.txt`/`.tsv` → CSV, `.xlsx`/`.xlsm` → XLSX); a file whose
/// content is a zip archive is read as XLSX whatever its extension says. Other spreadsheet and document
/// formats (`.xls`, `.ods`, `.pdf`, …) are [`ReadError::UnsupportedType`]; any other extension is sniffed.
pub fn read_table(path: &Path) -> Result<RawTable, ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => read_xlsx_bytes(bytes),
        "csv" | "txt" | "tsv" if !bytes.starts_with(ZIP_MAGIC) => read_csv_bytes(&bytes),
        "csv" | "txt" | "tsv" => read_xlsx_bytes(bytes),
        "xls" | "xlsb" | "xla" | "xlam" | "ods" | "numbers" | "pdf" | "doc" | "docx" | "odt"
        | "zip" | "rar" | "7z" => Err(ReadError::UnsupportedType),
        _ => {
            if bytes.starts_with(ZIP_MAGIC) {
                read_xlsx_bytes(bytes)
            } else if bytes.starts_with(CFB_MAGIC) {
                Err(ReadError::UnsupportedType)
            } else {
                read_csv_bytes(&bytes)
            }
        }
    }
}

/// Reads CSV bytes: decodes them (UTF-8, else Windows-1252), sniffs the delimiter from the header line and
/// splits records, keeping the line each record starts on.
pub fn read_csv_bytes(bytes: &[u8]) -> Result<RawTable, ReadError> {
    let (text, encoding) = decode_text(bytes);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    if let Some(pos) = text.find('\0') {
        return Err(ReadError::Csv {
            line: LineCounter::new(&text).line_at(pos),
            message: "binary data (NUL byte): not a text file; save it as \"CSV UTF-8\" or XLSX"
                .to_string(),
        });
    }
    let delimiter = sniff_delimiter(&text);
    check_quotes(&text, delimiter.byte())?;

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());

    let mut lines = LineCounter::new(&text);
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| ReadError::Csv {
            line: e.position().map_or(0, |p| lines.record_line(p)),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| lines.record_line(p));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        records.push((line, cells, Vec::new()));
    }
    build_table(
        SourceKind::Csv {
            delimiter,
            encoding,
        },
        records,
    )
}

/// Parse a number cell: `""` → `Ok(None)`; accepts `72`, `-3`, `72.5`, `.5`, and `72,5` when
/// `decimal_comma`; rejects letters, exponents, thousands separators (`1.234,5`, `1 234`), NaN and
/// infinities.
pub fn parse_decimal(cell: &str, decimal_comma: bool) -> Result<Option<f64>, NumberError> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let unsigned = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    let is_sep = |c: char| c == '.' || (decimal_comma && c == ',');
    let (int_part, frac_part) = match unsigned.find(is_sep) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let valid = match frac_part {
        None => !int_part.is_empty() && digits(int_part),
        Some(frac) => !frac.is_empty() && digits(int_part) && digits(frac),
    };
    if !valid {
        return Err(NumberError::NotANumber);
    }
    let normalized: Cow<'_, str> = if decimal_comma && s.contains(',') {
        Cow::Owned(s.replace(',', "."))
    } else {
        Cow::Borrowed(s)
    };
    match normalized.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NumberError::NotANumber),
    }
}

// ---------------------------------------------------------------------------------------------------------
// Shared table building

/// Header comparison key: no BOM, no surrounding spaces, lower case.
fn normalize_header(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// Turns `(line, cells, lossy)` records into a table: the first non-empty record is the header.
fn build_table(
    source: SourceKind,
    records: Vec<(usize, Vec<String>, Vec<usize>)>,
) -> Result<RawTable, ReadError> {
    let mut records = records
        .into_iter()
        .filter(|(_, cells, _)| cells.iter().any(|c| !c.is_empty()));
    let Some((_, mut headers, _)) = records.next() else {
        return Err(ReadError::Empty);
    };
    if let Some(first) = headers.first_mut() {
        let stripped = first.trim_start_matches('\u{feff}').trim();
        if stripped.len() != first.len() {
            *first = stripped.to_string();
        }
    }
    truncate_trailing_empty(&mut headers, 0);

    let mut seen: Vec<String> = Vec::with_capacity(headers.len());
    for h in &headers {
        let key = normalize_header(h);
        if key.is_empty() {
            continue;
        }
        if seen.contains(&key) {
            return Err(ReadError::DuplicateColumn(h.clone()));
        }
        seen.push(key);
    }

    let width = headers.len();
    let rows = records
        .map(|(line, mut cells, mut lossy)| {
            truncate_trailing_empty(&mut cells, width);
            if cells.len() < width {
                cells.resize(width, String::new());
            }
            lossy.retain(|&c| c < cells.len());
            RawRow { line, cells, lossy }
        })
        .collect();
    Ok(RawTable {
        source,
        headers,
        rows,
    })
}

/// Drops empty cells at the end of `cells`, but never below `keep` cells.
fn truncate_trailing_empty(cells: &mut Vec<String>, keep: usize) {
    while cells.len() > keep && cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
}

// ---------------------------------------------------------------------------------------------------------
// CSV details

/// UTF-8 (after an optional BOM) when valid, otherwise Windows-1252, which maps every byte to a character.
fn decode_text(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => (Cow::Borrowed(s), TextEncoding::Utf8),
        Err(_) => {
            let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            (text, TextEncoding::Windows1252)
        }
    }
}

/// Line numbers of byte offsets, counted incrementally (records come in order, so reading a file is linear).
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Byte offset up to which line breaks have been counted, and the line at that offset.
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// 1-based line of byte offset `pos`.
    fn line_at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.bytes.len());
        if pos < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += (self.at..pos).filter(|&i| ends_line(self.bytes, i)).count();
        self.at = pos;
        self.line
    }

    /// The 1-based line a record starts on. The `csv` parser's own line count is off by one after CRLF
    /// (it counts `\r` and `\n` as two terminators), so the line is computed from the byte offset, which
    /// may point at the line break before the record.
    fn record_line(&mut self, pos: &csv::Position) -> usize {
        let mut at = usize::try_from(pos.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while self
            .bytes
            .get(at)
            .is_some_and(|&b| b == b'\r' || b == b'\n')
        {
            at += 1;
        }
        self.line_at(at)
    }
}

/// Whether the byte at `i` ends a line: `\n`, or a `\r` not followed by `\n` (old Mac files; Notepad and
/// the `csv` parser both break lines there).
fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// Picks the delimiter from the first non-blank line: the most frequent of `;`, `,` and tab outside quotes
/// (ties go to `;`, then tab); none at all means a one-column file, read as comma-separated.
fn sniff_delimiter(text: &str) -> Delimiter {
    let candidates = [b';', b',', b'\t'];
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut at_field_start = true;
    let mut line_has_content = false;
    for &b in text.as_bytes() {
        if in_quotes {
            if b == b'"' {
                in_quotes = false;
            }
            continue;
        }
        match b {
            b'"' if at_field_start => {
                in_quotes = true;
                line_has_content = true;
                at_field_start = false;
            }
            b'\n' | b'\r' => {
                if line_has_content || counts.iter().any(|&c| c > 0) {
                    break;
                }
                at_field_start = true;
            }
            _ => {
                if let Some(i) = candidates.iter().position(|&c| c == b) {
                    counts[i] += 1;
                    at_field_start = true;
                } else {
                    if !b.is_ascii_whitespace() {
                        line_has_content = true;
                    }
                    at_field_start = false;
                }
            }
        }
    }
    let [semi, comma, tab] = counts;
    if semi == 0 && comma == 0 && tab == 0 {
        Delimiter::Comma
    } else if semi >= comma && semi >= tab {
        Delimiter::Semicolon
    } else if tab >= comma {
        Delimiter::Tab
    } else {
        Delimiter::Comma
    }
}

/// Finds a quoted field that is never closed, which would otherwise silently swallow the rest of the file.
/// Follows the same rules as the `csv` parser: a quote opens a quoted field only at the start of a field.
fn check_quotes(text: &str, delimiter: u8) -> Result<(), ReadError> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut line = 1usize;
    let mut opened_at = 1usize;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart, b'"') => {
                opened_at = line;
                State::Quoted
            }
            (_, b'\n' | b'\r') => State::FieldStart,
            (_, d) if d == delimiter => State::FieldStart,
            _ => State::Unquoted,
        };
        if ends_line(bytes, i) {
            line += 1;
        }
    }
    if state == State::Quoted {
        return Err(ReadError::Csv {
            line: opened_at,
            message: "a quoted cell (starting with \") is never closed".to_string(),
        });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// XLSX details

fn read_xlsx_bytes(bytes: Vec<u8>) -> Result<RawTable, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    // calamine is a large parser of untrusted input: a panic inside it must not take the app down.
    let records = std::panic::catch_unwind(move || xlsx_records(bytes))
        .map_err(|_| ReadError::Xlsx("the workbook could not be read (malformed file)".into()))??;
    build_table(SourceKind::Xlsx, records)
}

type Records = Vec<(usize, Vec<String>, Vec<usize>)>;

fn xlsx_records(bytes: Vec<u8>) -> Result<Records, ReadError> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Xlsx(e.to_string()))?;
    let range = match workbook.worksheet_range_at(0) {
        None => return Err(ReadError::Empty),
        Some(r) => r.map_err(|e| ReadError::Xlsx(e.to_string()))?,
    };
    let Some((first_row, _)) = range.start() else {
        return Err(ReadError::Empty);
    };
    let first_row = usize::try_from(first_row).unwrap_or(usize::MAX);
    let records = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let mut lossy = Vec::new();
            let cells = row
                .iter()
                .enumerate()
                .map(|(col, cell)| {
                    let (text, is_lossy) = xlsx_cell_text(cell);
                    if is_lossy {
                        lossy.push(col);
                    }
                    text
                })
                .collect();
            (first_row.saturating_add(i).saturating_add(1), cells, lossy)
        })
        .collect();
    Ok(records)
}

/// The text of an XLSX cell, and whether it is a number too large to be exact.
fn xlsx_cell_text(cell: &Data) -> (String, bool) {
    match cell {
        Data::Empty => (String::new(), false),
        Data::String(s) => (s.trim().to_string(), false),
        Data::Int(i) => (i.to_string(), false),
        Data::Float(f) => (format_float(*f), f.abs() >= LOSSY_LIMIT),
        Data::Bool(b) => ((if *b { "TRUE" } else { "FALSE" }).to_string(), false),
        Data::DateTime(dt) => (format_excel_datetime(dt), false),
        Data::DateTimeIso(s) => {
            let s = s.trim();
            // A date-time keeps its date part only, like Excel date-times above.
            let date = s.split_once('T').map_or(s, |(d, _)| d);
            (date.to_string(), false)
        }
        Data::DurationIso(s) => (s.trim().to_string(), false),
        Data::Error(e) => (e.to_string(), false),
    }
}

/// Whole numbers without `.0` (`72`), others in shortest round-trip form (`72.5`); never exponents.
fn format_float(f: f64) -> String {
    if f == 0.0 {
        // Also -0.0, which would print as "-0".
        "0".to_string()
    } else {
        // Rust's `Display` for f64 is the shortest round-trip form and never uses exponent notation;
        // whole numbers print without a fractional part.
        f.to_string()
    }
}

/// Dates and date-times as `YYYY-MM-DD`; time-only values (serial < 1) as `HH:MM:SS`; durations as
/// `H:MM:SS` (hours may exceed 24).
fn format_excel_datetime(dt: &calamine::ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_duration() || (0.0..1.0).contains(&serial) {
        let total_secs = (serial.abs() * 86_400.0).round();
        if !total_secs.is_finite() || total_secs > 1e12 {
            return serial.to_string();
        }
        let total_secs = total_secs as u64;
        let sign = if serial < 0.0 { "-" } else { "" };
        let (h, m, s) = (total_secs / 3600, (total_secs / 60) % 60, total_secs % 60);
        return if dt.is_duration() {
            format!("{sign}{h}:{m:02}:{s:02}")
        } else {
            format!("{h:02}:{m:02}:{s:02}")
        };
    }
    let (year, month, day, ..) = dt.to_ymd_hms_milli();
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn csv(bytes: &[u8]) -> RawTable {
        match read_csv_bytes(bytes) {
            Ok(t) => t,
            Err(e) => panic!("read_csv_bytes failed: {e}"),
        }
    }

    fn cells(row: &RawRow) -> Vec<&str> {
        row.cells.iter().map(String::as_str).collect()
    }

    fn lines(t: &RawTable) -> Vec<usize> {
        t.rows.iter().map(|r| r.line).collect()
    }

    #[test]
    fn comma_separated() {
        let t = csv(b"nip,nama,nilai\n199001012020121001, Budi Santoso ,72.5\n");
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Comma,
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(t.headers, ["nip", "nama", "nilai"]);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(
            cells(&t.rows[0]),
            ["199001012020121001", "Budi Santoso", "72.5"]
        );
        assert_eq!(t.rows[0].line, 2);
        assert!(t.rows[0].lossy.is_empty());
        assert!(!t.decimal_comma());
    }

    #[test]
    fn semicolon_with_bom() {
        let t = csv(b"\xEF\xBB\xBFNIP;Nama;Nilai\r\n1;Siti;80,5\r\n");
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Semicolon,
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(t.headers, ["NIP", "Nama", "Nilai"]);
        assert_eq!(t.column("nip"), Some(0));
        assert_eq!(t.column("\u{feff} NILAI "), Some(2));
        assert_eq!(t.column("alamat"), None);
        assert_eq!(t.column(""), None);
        assert!(t.decimal_comma());
        let col = t.column("nilai").unwrap_or(usize::MAX);
        assert_eq!(
            parse_decimal(t.rows[0].get(col), t.decimal_comma()),
            Ok(Some(80.5))
        );
    }

    #[test]
    fn tab_separated() {
        let t = csv(b"nip\tnama\n1\tAni, S.Pd\n");
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Tab,
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(cells(&t.rows[0]), ["1", "Ani, S.Pd"]);
    }

    #[test]
    fn windows_1252() {
        let t = csv(b"nip;nama\r\n1;Jos\xe9\r\n2;Ma\x92ruf\r\n");
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Semicolon,
                encoding: TextEncoding::Windows1252
            }
        );
        assert_eq!(t.rows[0].get(1), "José");
        assert_eq!(t.rows[1].get(1), "Ma\u{2019}ruf");
        assert_eq!(lines(&t), [2, 3]);
    }

    #[test]
    fn windows_1252_after_bom_and_undefined_bytes_keep_every_byte() {
        // A BOM followed by non-UTF-8 bytes: the BOM is dropped, the rest decoded as Windows-1252.
        // Bytes undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to C1 controls, never lost.
        let t = csv(b"\xEF\xBB\xBFnama\n\xe9\x81\x8d\x8f\x90\x9d\x80\n");
        assert_eq!(t.headers, ["nama"]);
        assert_eq!(
            t.rows[0].get(0),
            "\u{e9}\u{81}\u{8d}\u{8f}\u{90}\u{9d}\u{20ac}"
        );
    }

    #[test]
    fn utf8_is_preferred() {
        let t = csv("nama\nJosé Ma’ruf\n".as_bytes());
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Comma,
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(t.rows[0].get(0), "José Ma’ruf");
    }

    #[test]
    fn crlf_and_lf_give_the_same_table() {
        let crlf = csv(b"nip;nama\r\n1;A\r\n2;B\r\n");
        let lf = csv(b"nip;nama\n1;A\n2;B\n");
        assert_eq!(crlf, lf);
        assert_eq!(lines(&crlf), [2, 3]);
        assert_eq!(crlf.rows[1].get(1), "B");
    }

    #[test]
    fn lone_cr_line_endings() {
        let t = csv(b"nip;nama\r1;A\r\r2;\"B\rC\"\r3;D\r");
        assert_eq!(lines(&t), [2, 4, 6]);
        assert_eq!(t.rows[1].get(1), "B\rC");
    }

    #[test]
    fn multi_line_header_and_quoted_first_cell() {
        let t = csv(b"\xEF\xBB\xBF\"nip\";\"nama\r\nlengkap\"\r\n\"1\";A\r\n");
        assert_eq!(t.headers, ["nip", "nama\r\nlengkap"]);
        assert_eq!(lines(&t), [3]);
        assert_eq!(t.column("NIP"), Some(0));
    }

    #[test]
    fn quoted_cells_with_delimiters_and_newlines() {
        let data = b"nip;nama;catatan\r\n\
            1;\"Budi; S.Kom\";\"baris satu\r\nbaris dua\r\nbaris tiga\"\r\n\
            2;\"Ani \"\"Nunung\"\"\";ok\r\n\
            3;Citra;\"\"\r\n";
        let t = csv(data);
        assert_eq!(t.headers, ["nip", "nama", "catatan"]);
        assert_eq!(lines(&t), [2, 5, 6]);
        assert_eq!(t.rows[0].get(1), "Budi; S.Kom");
        assert_eq!(t.rows[0].get(2), "baris satu\r\nbaris dua\r\nbaris tiga");
        assert_eq!(t.rows[1].get(1), "Ani \"Nunung\"");
        assert_eq!(cells(&t.rows[2]), ["3", "Citra", ""]);
    }

    #[test]
    fn quoted_header_with_delimiter_does_not_fool_the_sniffer() {
        let t = csv(b"\"nilai;akhir\",nama,nip\n1,2,3\n");
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Comma,
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(t.headers, ["nilai;akhir", "nama", "nip"]);
    }

    #[test]
    fn unterminated_quote_is_an_error_at_its_line() {
        match read_csv_bytes(b"nip;nama\n1;Budi\n2;\"Ani\n3;Citra\n") {
            Err(ReadError::Csv { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a CSV error, got {other:?}"),
        }
    }

    #[test]
    fn empty_rows_are_skipped_but_counted() {
        let t = csv(b"nip;nama\n1;A\n\n;;\n  ;  \n2;B\r\n\r\n3;C");
        assert_eq!(lines(&t), [2, 6, 8]);
        assert_eq!(t.rows[2].get(1), "C");
    }

    #[test]
    fn many_rows_keep_their_lines() {
        let mut data = b"nip;nama;catatan\r\n".to_vec();
        for i in 0..20_000 {
            data.extend_from_slice(format!("{i};Nama {i};\"a\r\nb\"\r\n").as_bytes());
        }
        let t = csv(&data);
        assert_eq!(t.rows.len(), 20_000);
        assert!(t.rows.iter().enumerate().all(|(i, r)| r.line == 2 + 2 * i));
        assert_eq!(t.rows[19_999].get(1), "Nama 19999");
    }

    #[test]
    fn leading_blank_lines_before_header() {
        let t = csv(b"\n;;\nnip;nama\n1;A\n");
        assert_eq!(t.headers, ["nip", "nama"]);
        assert_eq!(lines(&t), [4]);
    }

    #[test]
    fn short_rows_are_padded_and_long_rows_keep_extras() {
        let t = csv(b"nip;nama;nilai;;\n1\n2;B;80;x\n3;C;90;;\n");
        assert_eq!(t.headers, ["nip", "nama", "nilai"]);
        assert_eq!(cells(&t.rows[0]), ["1", "", ""]);
        assert_eq!(cells(&t.rows[1]), ["2", "B", "80", "x"]);
        assert_eq!(cells(&t.rows[2]), ["3", "C", "90"]);
        assert_eq!(t.rows[0].get(7), "");
    }

    #[test]
    fn one_column_file_is_comma() {
        let t = csv(b"nama\nBudi\n");
        assert_eq!(
            t.source,
            SourceKind::Csv {
                delimiter: Delimiter::Comma,
                encoding: TextEncoding::Utf8
            }
        );
        assert_eq!(t.headers, ["nama"]);
    }

    #[test]
    fn header_only_file_has_no_rows() {
        let t = csv(b"nip;nama\r\n");
        assert_eq!(t.headers, ["nip", "nama"]);
        assert!(t.rows.is_empty());
    }

    #[test]
    fn unknown_columns() {
        let t = csv(b"NIP;Nama; Alamat ;;Hobi\n1;A;B;;C\n");
        assert_eq!(t.unknown_columns(&["nip", "nama"]), ["Alamat", "Hobi"]);
        assert_eq!(
            t.unknown_columns(&["nip", "NAMA", "alamat", "hobi"]),
            Vec::<String>::new()
        );
        assert_eq!(t.column("hobi"), Some(4));
    }

    #[rstest]
    #[case(b"nip;nama;NIP\n1;a;2\n".as_slice(), "NIP")]
    #[case(b"nama,Nilai, nilai \n".as_slice(), "nilai")]
    fn duplicate_column(#[case] data: &[u8], #[case] expected: &str) {
        match read_csv_bytes(data) {
            Err(ReadError::DuplicateColumn(name)) => assert_eq!(name, expected),
            other => panic!("expected DuplicateColumn, got {other:?}"),
        }
    }

    #[rstest]
    #[case(b"".as_slice())]
    #[case(b"\xEF\xBB\xBF".as_slice())]
    #[case(b"\r\n\r\n  \n".as_slice())]
    #[case(b";;;\n ; ;\n".as_slice())]
    #[case(b",,\n".as_slice())]
    fn empty_file(#[case] data: &[u8]) {
        assert!(matches!(read_csv_bytes(data), Err(ReadError::Empty)));
    }

    #[test]
    fn nul_bytes_are_refused() {
        // UTF-16LE ("Unicode text" from Excel) and other binary data.
        let utf16: Vec<u8> = "\u{feff}nip\tnama\r\n1\tA\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(
            read_csv_bytes(&utf16),
            Err(ReadError::Csv { line: 1, .. })
        ));
    }

    #[rstest]
    #[case("", false, Ok(None))]
    #[case("  ", true, Ok(None))]
    #[case("72", false, Ok(Some(72.0)))]
    #[case(" 72.5 ", false, Ok(Some(72.5)))]
    #[case("72.5", true, Ok(Some(72.5)))]
    #[case("72,5", true, Ok(Some(72.5)))]
    #[case("-3,25", true, Ok(Some(-3.25)))]
    #[case("+4", false, Ok(Some(4.0)))]
    #[case("0,5", true, Ok(Some(0.5)))]
    #[case(".5", false, Ok(Some(0.5)))]
    #[case("100", true, Ok(Some(100.0)))]
    #[case("72,5", false, Err(NumberError::NotANumber))]
    #[case("1.234,5", true, Err(NumberError::NotANumber))]
    #[case("1,234.5", true, Err(NumberError::NotANumber))]
    #[case("1.234.567", false, Err(NumberError::NotANumber))]
    #[case("1 234", false, Err(NumberError::NotANumber))]
    #[case("72.", false, Err(NumberError::NotANumber))]
    #[case("-", false, Err(NumberError::NotANumber))]
    #[case(",", true, Err(NumberError::NotANumber))]
    #[case("abc", false, Err(NumberError::NotANumber))]
    #[case("7a", false, Err(NumberError::NotANumber))]
    #[case("1e5", false, Err(NumberError::NotANumber))]
    #[case("1,99E+17", true, Err(NumberError::NotANumber))]
    #[case("NaN", false, Err(NumberError::NotANumber))]
    #[case("inf", false, Err(NumberError::NotANumber))]
    #[case("-infinity", false, Err(NumberError::NotANumber))]
    #[case("٣", false, Err(NumberError::NotANumber))]
    #[case("--1", false, Err(NumberError::NotANumber))]
    fn decimals(
        #[case] cell: &str,
        #[case] decimal_comma: bool,
        #[case] expected: Result<Option<f64>, NumberError>,
    ) {
        assert_eq!(parse_decimal(cell, decimal_comma), expected);
    }

    #[test]
    fn huge_digit_strings_are_not_numbers() {
        let big = "9".repeat(400);
        assert_eq!(parse_decimal(&big, false), Err(NumberError::NotANumber));
    }

    // ---- files

    fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.path().join(name);
        if let Err(e) = std::fs::write(&path, bytes) {
            panic!("write {}: {e}", path.display());
        }
        path
    }

    fn tempdir() -> tempfile::TempDir {
        match tempfile::tempdir() {
            Ok(d) => d,
            Err(e) => panic!("tempdir: {e}"),
        }
    }

    fn sample_xlsx(path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
        // Row 1 (Excel) left empty: the header is the first non-empty row.
        ws.write_string(1, 0, " NIP ")?;
        ws.write_string(1, 1, "Nama")?;
        ws.write_string(1, 2, "Nilai")?;
        ws.write_string(1, 3, "Tanggal")?;
        ws.write_string(1, 4, "Lulus")?;
        // Row 3: NIP as text, integer score, date.
        ws.write_string(2, 0, "199001012020121001")?;
        ws.write_string(2, 1, " José ")?;
        ws.write_number(2, 2, 72.0)?;
        ws.write_datetime_with_format(2, 3, ExcelDateTime::from_ymd(2024, 3, 15)?, &date_fmt)?;
        ws.write_boolean(2, 4, true)?;
        // Row 4: empty (skipped). Row 5: NIP typed as a number, fractional score, date-time.
        ws.write_number(4, 0, 199001012020121001.0)?;
        ws.write_string(4, 1, "Budi")?;
        ws.write_number(4, 2, 72.5)?;
        ws.write_datetime_with_format(
            4,
            3,
            ExcelDateTime::parse_from_str("2023-12-31T17:45:00")?,
            &date_fmt,
        )?;
        ws.write_boolean(4, 4, false)?;
        // Row 6: sparse, with negative and tiny numbers and an extra column.
        ws.write_number(5, 0, -0.0)?;
        ws.write_number(5, 2, 0.1)?;
        ws.write_number(5, 5, 1e15)?;
        // A second sheet that must be ignored.
        let other = wb.add_worksheet();
        other.write_string(0, 0, "ignored")?;
        wb.save(path)
    }

    #[test]
    fn xlsx_first_sheet() {
        let dir = tempdir();
        let path = dir.path().join("peserta.xlsx");
        if let Err(e) = sample_xlsx(&path) {
            panic!("writing xlsx: {e}");
        }
        let t = match read_table(&path) {
            Ok(t) => t,
            Err(e) => panic!("read_table: {e}"),
        };
        assert_eq!(t.source, SourceKind::Xlsx);
        assert!(!t.decimal_comma());
        assert_eq!(t.headers, ["NIP", "Nama", "Nilai", "Tanggal", "Lulus"]);
        assert_eq!(lines(&t), [3, 5, 6]);

        assert_eq!(
            cells(&t.rows[0]),
            ["199001012020121001", "José", "72", "2024-03-15", "TRUE"]
        );
        assert!(t.rows[0].lossy.is_empty());

        // The 18-digit NIP lost its last digits; it is flagged.
        let nip = t.rows[1].get(0);
        assert_eq!(nip.len(), 18);
        assert!(nip.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(nip, format!("{}", 199001012020121001.0_f64));
        assert_eq!(t.rows[1].lossy, [0]);
        assert!(t.rows[1].is_lossy(0));
        assert_eq!(
            &cells(&t.rows[1])[1..],
            ["Budi", "72.5", "2023-12-31", "FALSE"]
        );

        assert_eq!(
            cells(&t.rows[2]),
            ["0", "", "0.1", "", "", "1000000000000000"]
        );
        assert_eq!(t.rows[2].lossy, [5]);
    }

    #[test]
    fn read_table_by_extension_and_sniffing() {
        let dir = tempdir();
        let data = b"nip;nama\r\n1;Jos\xe9\r\n";
        for name in ["a.csv", "b.TXT", "c.tsv", "d", "e.dat"] {
            let path = write_file(&dir, name, data);
            match read_table(&path) {
                Ok(t) => assert_eq!(t.rows[0].get(1), "José", "{name}"),
                Err(e) => panic!("{name}: {e}"),
            }
        }
        for name in ["f.xls", "g.ods", "h.pdf"] {
            let path = write_file(&dir, name, data);
            assert!(
                matches!(read_table(&path), Err(ReadError::UnsupportedType)),
                "{name}"
            );
        }
        let cfb = write_file(&dir, "old", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0");
        assert!(matches!(read_table(&cfb), Err(ReadError::UnsupportedType)));

        // An XLSX without (or with a misleading) extension is recognised by its zip header.
        let xlsx = dir.path().join("real.xlsx");
        if let Err(e) = sample_xlsx(&xlsx) {
            panic!("writing xlsx: {e}");
        }
        let bytes = std::fs::read(&xlsx).unwrap_or_default();
        for name in ["noext", "renamed.csv"] {
            let path = write_file(&dir, name, &bytes);
            match read_table(&path) {
                Ok(t) => assert_eq!(t.source, SourceKind::Xlsx, "{name}"),
                Err(e) => panic!("{name}: {e}"),
            }
        }

        // A CSV named .xlsx is an XLSX error, not a panic.
        let fake = write_file(&dir, "fake.xlsx", data);
        assert!(matches!(read_table(&fake), Err(ReadError::Xlsx(_))));

        let missing = dir.path().join("missing.csv");
        assert!(matches!(read_table(&missing), Err(ReadError::Open { .. })));

        let empty = write_file(&dir, "empty.csv", b"");
        assert!(matches!(read_table(&empty), Err(ReadError::Empty)));
        let empty_x = write_file(&dir, "empty.xlsx", b"");
        assert!(matches!(read_table(&empty_x), Err(ReadError::Empty)));
    }

    #[test]
    fn xlsx_duplicate_and_empty_sheet() {
        use rust_xlsxwriter::Workbook;
        let dir = tempdir();
        let dup = dir.path().join("dup.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let written = ws
            .write_string(0, 0, "nama")
            .and_then(|ws| ws.write_string(0, 1, "NAMA"))
            .map(|_| ())
            .and_then(|()| wb.save(&dup));
        if let Err(e) = written {
            panic!("writing xlsx: {e}");
        }
        assert!(matches!(
            read_table(&dup),
            Err(ReadError::DuplicateColumn(name)) if name == "NAMA"
        ));

        let empty = dir.path().join("empty.xlsx");
        let mut wb = Workbook::new();
        wb.add_worksheet();
        if let Err(e) = wb.save(&empty) {
            panic!("writing xlsx: {e}");
        }
        assert!(matches!(read_table(&empty), Err(ReadError::Empty)));
    }

    /// A small deterministic generator (xorshift64*), so the fuzz tests need no extra crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
    }

    #[test]
    fn random_bytes_do_not_panic() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let alphabet = b"ab1;,\t\"\r\n .\xe9\x92\xEF\xBB\xBF\0";
        for round in 0..3000 {
            let len = rng.below(200) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if round % 2 == 0 {
                        alphabet[rng.below(alphabet.len() as u64) as usize]
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            if let Ok(t) = read_csv_bytes(&bytes) {
                assert!(t.rows.iter().all(|r| r.cells.len() >= t.headers.len()));
                let dc = t.decimal_comma();
                for row in &t.rows {
                    for cell in &row.cells {
                        let _ = parse_decimal(cell, dc);
                    }
                }
                let _ = t.unknown_columns(&["nip"]);
            }
            if let Ok(s) = std::str::from_utf8(&bytes) {
                let _ = parse_decimal(s, round % 3 == 0);
            }
        }
    }

    #[test]
    fn corrupted_xlsx_does_not_panic() {
        let dir = tempdir();
        let good = dir.path().join("good.xlsx");
        if let Err(e) = sample_xlsx(&good) {
            panic!("writing xlsx: {e}");
        }
        let bytes = std::fs::read(&good).unwrap_or_default();
        assert!(!bytes.is_empty());
        let mut rng = Rng(42);
        for i in 0..60 {
            let mut broken = bytes.clone();
            match i % 3 {
                0 => broken.truncate(rng.below(bytes.len() as u64) as usize),
                _ => {
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(broken.len() as u64) as usize;
                        broken[at] = rng.next() as u8;
                    }
                }
            }
            let path = write_file(&dir, &format!("broken{i}.xlsx"), &broken);
            let _ = read_table(&path);
        }
        let junk = write_file(&dir, "junk.xlsx", b"PK\x03\x04garbage");
        assert!(matches!(read_table(&junk), Err(ReadError::Xlsx(_))));
    }
}
