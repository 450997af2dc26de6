//! Terminal safety for text that people type, paste or import, and that other people's terminals show.
//!
//! One rule, applied on the way in *and* on the way out: every character that a terminal would interpret
//! rather than print — C0 controls, DEL, C1 controls, bidirectional overrides, invisible formatting — is
//! replaced by a visible placeholder (`␛` for ESC, `␇` for BEL, `⇄` for a bidi override…). Nothing is dropped
//! silently and nothing reaches the terminal. Because placeholders are ordinary printable characters,
//! cleaning is idempotent: text cleaned on import shows the same when displayed again.

use std::borrow::Cow;

/// How line breaks are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A one-line value (a name, a code): a line break is shown as `␊`.
    Single,
    /// Notes and long answers: `\n` is kept (`\r\n` and `\r` become `\n`), tabs become four spaces.
    Multi,
}

/// The visible stand-in for a character that must not reach a terminal, or `None` when it is safe.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        // C0 controls have their own "control picture" block: U+2400 + code.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        // C1 controls (0x80–0x9F): CSI, OSC, ST… in 8-bit form.
        '\u{80}'..='\u{9f}' => Some('�'),
        // Bidirectional embeddings, overrides and isolates; the Arabic letter mark.
        '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Some('⇄'),
        // Invisible characters that change how text looks or compares.
        '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' => Some('⍽'),
        '\u{2028}' | '\u{2029}' => Some('␤'),
        _ => None,
    }
}

fn is_safe(c: char, lines: Lines) -> bool {
    placeholder(c).is_none() || (lines == Lines::Multi && c == '\n')
}

/// The text with every unsafe character replaced by its placeholder. Borrows when nothing changes.
pub fn clean(s: &str, lines: Lines) -> Cow<'_, str> {
    let normalised: Cow<'_, str> =
        if lines == Lines::Multi && (s.contains('\r') || s.contains('\t')) {
            Cow::Owned(
                s.replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .replace('\t', "    "),
            )
        } else {
            Cow::Borrowed(s)
        };
    if normalised.chars().all(|c| is_safe(c, lines)) {
        return normalised;
    }
    Cow::Owned(
        normalised
            .chars()
            .map(|c| {
                if is_safe(c, lines) {
                    c
                } else {
                    placeholder(c).unwrap_or(c)
                }
            })
            .collect(),
    )
}

/// A one-line value made safe to store or show. Surrounding whitespace is trimmed.
pub fn clean_line(s: &str) -> String {
    clean(s.trim(), Lines::Single).into_owned()
}

/// Shorthand for showing one-line text from the database or a file.
pub fn visible(s: &str) -> Cow<'_, str> {
    clean(s, Lines::Single)
}

/// A CSV cell holding text (never a number) that a spreadsheet would run as a formula gets a leading `'`.
/// Cells starting with `=`, `+`, `-`, `@`, a tab or a carriage return are neutralised.
pub fn csv_text_cell(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// Case- and accent-insensitive key for searching names ("Ásep" matches "asep").
pub fn search_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .filter(|c| !c.is_whitespace() || *c == ' ')
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        '’' | '‘' | '`' => '\'',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Budi Santoso", "Budi Santoso")]
    #[case("\x1b[31mmerah\x07", "␛[31mmerah␇")]
    #[case("\x1b]0;judul\x07", "␛]0;judul␇")]
    #[case("\x1b]52;c;aGFjaw==\x1b\\", "␛]52;c;aGFjaw==␛\\")]
    #[case("a\u{9b}2J", "a�2J")]
    #[case("abc\u{202e}fed", "abc⇄fed")]
    #[case("nol\u{200b}lebar", "nol⍽lebar")]
    #[case("baris\nbaru", "baris␊baru")]
    #[case("hapus\x7f", "hapus␡")]
    #[case("José ’Ucok’", "José ’Ucok’")]
    fn single_line_placeholders(#[case] input: &str, #[case] shown: &str) {
        assert_eq!(clean(input, Lines::Single), shown);
    }

    #[test]
    fn multi_line_keeps_newlines_and_normalises_breaks() {
        assert_eq!(clean("a\r\nb\rc\td", Lines::Multi), "a\nb\nc    d");
        assert_eq!(clean("a\n\x1b[2Jb", Lines::Multi), "a\n␛[2Jb");
    }

    #[test]
    fn clean_borrows_when_nothing_changes() {
        assert!(matches!(clean("aman", Lines::Single), Cow::Borrowed(_)));
    }

    #[test]
    fn cleaning_is_idempotent_and_leaves_no_controls() {
        let nasty: String = (0u32..0x300)
            .chain(0x2000..0x2070)
            .chain([0xfeff])
            .filter_map(char::from_u32)
            .collect();
        let once = clean(&nasty, Lines::Single).into_owned();
        assert_eq!(clean(&once, Lines::Single), once);
        assert!(once.chars().all(|c| placeholder(c).is_none()));
    }

    #[rstest]
    #[case("=SUM(A1)", "'=SUM(A1)")]
    #[case("+62", "'+62")]
    #[case("-1", "'-1")]
    #[case("@cmd", "'@cmd")]
    #[case("Budi", "Budi")]
    #[case("", "")]
    fn csv_formula_cells_are_neutralised(#[case] cell: &str, #[case] out: &str) {
        assert_eq!(csv_text_cell(cell), out);
    }

    #[test]
    fn search_key_folds_case_and_accents() {
        assert_eq!(search_key("ÁSEP Sutisna"), "asep sutisna");
    }
}
