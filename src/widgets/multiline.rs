//! A multi-line text editor for notes of any length (interview notes, observers' remarks): lines are
//! wrapped to the width on screen, the cursor moves by character, line and wrapped row, and the view
//! scrolls to keep the cursor visible. Like [`super::input::TextInput`], it is plain data driven by
//! [`Edit`]s, so the update stays pure and testable; what is typed or pasted is made terminal-safe.

use super::Theme;
use super::input::{Edit, Edited};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiLine {
    /// Logical lines (split at `\n`), as characters.
    lines: Vec<Vec<char>>,
    /// Cursor: line and character within it.
    row: usize,
    col: usize,
    /// At most this many characters in all (line breaks count as one).
    max: usize,
    /// The column the cursor tries to keep when moving up and down through rows of different length.
    goal: Option<usize>,
}

/// A row on screen: which line, and which characters of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    line: usize,
    start: usize,
    end: usize,
}

fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

impl MultiLine {
    pub fn new(max: usize) -> MultiLine {
        MultiLine {
            lines: vec![Vec::new()],
            row: 0,
            col: 0,
            max,
            goal: None,
        }
    }

    /// Starts with `text` (cleaned), the cursor at its end.
    pub fn with_value(max: usize, text: &str) -> MultiLine {
        let mut m = MultiLine::new(max);
        m.apply(&Edit::Paste(text.to_string()));
        m.row = m.lines.len() - 1;
        m.col = m.lines[m.row].len();
        m
    }

    pub fn value(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    fn len(&self) -> usize {
        self.lines.iter().map(Vec::len).sum::<usize>() + self.lines.len() - 1
    }

    fn insert(&mut self, c: char) -> Edited {
        if c == '\n' {
            return self.newline();
        }
        if c.is_control() || crate::text::placeholder(c).is_some() {
            return Edited::Refused(c);
        }
        if self.len() >= self.max {
            return Edited::Full;
        }
        self.lines[self.row].insert(self.col, c);
        self.col += 1;
        Edited::Changed
    }

    fn newline(&mut self) -> Edited {
        if self.len() >= self.max {
            return Edited::Full;
        }
        let rest = self.lines[self.row].split_off(self.col);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
        Edited::Changed
    }

    pub fn apply(&mut self, edit: &Edit) -> Edited {
        if !matches!(edit, Edit::Up | Edit::Down) {
            self.goal = None;
        }
        match edit {
            Edit::Insert(c) => self.insert(*c),
            Edit::Newline => self.newline(),
            Edit::Paste(text) => {
                let cleaned = crate::text::clean(text, crate::text::Lines::Multi).into_owned();
                let mut result = Edited::Nothing;
                for c in cleaned.chars() {
                    match self.insert(c) {
                        Edited::Changed => result = Edited::Changed,
                        Edited::Full => return result_or(result, Edited::Full),
                        _ => {}
                    }
                }
                result
            }
            Edit::Backspace => {
                if self.col > 0 {
                    self.col -= 1;
                    self.lines[self.row].remove(self.col);
                    Edited::Changed
                } else if self.row > 0 {
                    let line = self.lines.remove(self.row);
                    self.row -= 1;
                    self.col = self.lines[self.row].len();
                    self.lines[self.row].extend(line);
                    Edited::Changed
                } else {
                    Edited::Nothing
                }
            }
            Edit::Delete => {
                if self.col < self.lines[self.row].len() {
                    self.lines[self.row].remove(self.col);
                    Edited::Changed
                } else if self.row + 1 < self.lines.len() {
                    let next = self.lines.remove(self.row + 1);
                    self.lines[self.row].extend(next);
                    Edited::Changed
                } else {
                    Edited::Nothing
                }
            }
            Edit::Left => {
                if self.col > 0 {
                    self.col -= 1;
                } else if self.row > 0 {
                    self.row -= 1;
                    self.col = self.lines[self.row].len();
                } else {
                    return Edited::Nothing;
                }
                Edited::Moved
            }
            Edit::Right => {
                if self.col < self.lines[self.row].len() {
                    self.col += 1;
                } else if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = 0;
                } else {
                    return Edited::Nothing;
                }
                Edited::Moved
            }
            Edit::Home => self.move_col(0),
            Edit::End => self.move_col(self.lines[self.row].len()),
            // Up and down move by logical line here; [`MultiLine::vertical`] moves by wrapped row.
            Edit::Up | Edit::Down => Edited::Nothing,
            Edit::Clear => {
                if self.len() == 0 {
                    return Edited::Nothing;
                }
                *self = MultiLine::new(self.max);
                Edited::Changed
            }
        }
    }

    fn move_col(&mut self, col: usize) -> Edited {
        if col == self.col {
            Edited::Nothing
        } else {
            self.col = col;
            Edited::Moved
        }
    }

    /// The wrapped rows of the text at `width` columns (at least one row per line).
    fn rows(&self, width: usize) -> Vec<Row> {
        let width = width.max(1);
        let mut rows = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            let mut start = 0;
            let mut used = 0;
            for (j, c) in line.iter().enumerate() {
                let w = width_of(*c);
                if used + w > width && j > start {
                    // Break at the last space of the row when there is one.
                    let brk = line[start..j]
                        .iter()
                        .rposition(|c| *c == ' ')
                        .map_or(j, |p| start + p + 1);
                    rows.push(Row {
                        line: i,
                        start,
                        end: brk,
                    });
                    used = line[brk..=j].iter().map(|c| width_of(*c)).sum();
                    start = brk;
                    continue;
                }
                used += w;
            }
            rows.push(Row {
                line: i,
                start,
                end: line.len(),
            });
        }
        rows
    }

    /// The wrapped row holding the cursor, and the cursor's column in it.
    fn cursor_row(&self, rows: &[Row]) -> (usize, usize) {
        let mut found = (0, 0);
        for (i, r) in rows.iter().enumerate() {
            if r.line == self.row && self.col >= r.start && self.col <= r.end {
                let x = self.lines[r.line][r.start..self.col]
                    .iter()
                    .map(|c| width_of(*c))
                    .sum();
                found = (i, x);
                // A cursor at a wrap point belongs to the next row, except at the line's end.
                if self.col < r.end || r.end == self.lines[r.line].len() {
                    break;
                }
            }
        }
        found
    }

    /// Moves one wrapped row up (`delta` = -1) or down (+1) at `width` columns, keeping the column.
    pub fn vertical(&mut self, delta: isize, width: usize) -> Edited {
        let rows = self.rows(width);
        let (at, x) = self.cursor_row(&rows);
        let goal = *self.goal.get_or_insert(x);
        let Some(target) = at.checked_add_signed(delta).filter(|t| *t < rows.len()) else {
            return Edited::Nothing;
        };
        let r = rows[target];
        let line = &self.lines[r.line];
        let mut col = r.start;
        let mut used = 0;
        while col < r.end {
            let w = width_of(line[col]);
            if used + w > goal {
                break;
            }
            used += w;
            col += 1;
        }
        // Stay before a wrap point so the cursor remains on this row.
        if col == r.end && r.end < line.len() && col > r.start {
            col -= 1;
        }
        self.row = r.line;
        self.col = col;
        Edited::Moved
    }

    /// First wrapped row shown in `height` rows so that the cursor is visible.
    fn first_row(&self, width: usize, height: usize) -> usize {
        let rows = self.rows(width);
        let (at, _) = self.cursor_row(&rows);
        at.saturating_sub(height.saturating_sub(1))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let style = theme.field_focused();
        buf.set_style(area, style);
        let width = usize::from(area.width);
        let rows = self.rows(width);
        let first = self.first_row(width, usize::from(area.height));
        for (i, r) in rows
            .iter()
            .skip(first)
            .take(usize::from(area.height))
            .enumerate()
        {
            let text: String = self.lines[r.line][r.start..r.end].iter().collect();
            let y = area.y + u16::try_from(i).unwrap_or(0);
            buf.set_stringn(area.x, y, text.trim_end_matches(' '), width, style);
        }
    }

    pub fn cursor_position(&self, area: Rect) -> Position {
        let width = usize::from(area.width);
        let rows = self.rows(width);
        let (at, x) = self.cursor_row(&rows);
        let first = self.first_row(width, usize::from(area.height));
        Position {
            x: area.x
                + u16::try_from(x)
                    .unwrap_or(0)
                    .min(area.width.saturating_sub(1)),
            y: area.y + u16::try_from(at - first).unwrap_or(0),
        }
    }
}

fn result_or(result: Edited, otherwise: Edited) -> Edited {
    if result == Edited::Changed {
        result
    } else {
        otherwise
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> MultiLine {
        let mut m = MultiLine::new(1000);
        for c in text.chars() {
            m.apply(&Edit::Insert(c));
        }
        m
    }

    #[test]
    fn typing_and_newlines_make_lines() {
        let mut m = typed("Atasan mendukung");
        m.apply(&Edit::Newline);
        for c in "penerapan".chars() {
            m.apply(&Edit::Insert(c));
        }
        assert_eq!(m.value(), "Atasan mendukung\npenerapan");
        assert_eq!(m.line_count(), 2);
    }

    #[test]
    fn backspace_at_a_line_start_joins_lines_and_delete_at_an_end_too() {
        let mut m = MultiLine::with_value(100, "ab\ncd");
        m.apply(&Edit::Home);
        m.apply(&Edit::Backspace);
        assert_eq!(m.value(), "abcd");
        m.apply(&Edit::Newline);
        m.apply(&Edit::Left);
        m.apply(&Edit::Delete);
        assert_eq!(m.value(), "abcd");
    }

    #[test]
    fn pasting_keeps_line_breaks_and_shows_controls() {
        let mut m = MultiLine::new(100);
        m.apply(&Edit::Paste("satu\r\ndua\x1b[2J".into()));
        assert_eq!(m.value(), "satu\ndua␛[2J");
    }

    #[test]
    fn a_full_editor_refuses_more() {
        let mut m = MultiLine::new(3);
        assert_eq!(m.apply(&Edit::Paste("abcdef".into())), Edited::Changed);
        assert_eq!(m.value(), "abc");
        assert_eq!(m.apply(&Edit::Insert('x')), Edited::Full);
        assert_eq!(m.apply(&Edit::Newline), Edited::Full);
    }

    #[test]
    fn long_lines_wrap_at_spaces_and_the_cursor_moves_by_row() {
        let mut m = typed("satu dua tiga empat lima");
        // 10 columns, wrapped at the last space that fits.
        let rows: Vec<String> = m
            .rows(10)
            .iter()
            .map(|r| m.lines[r.line][r.start..r.end].iter().collect())
            .collect();
        assert_eq!(rows, ["satu dua ", "tiga ", "empat lima"]);
        // The cursor is at the end: row 2. Up goes to row 1 and keeps the column as far as it can.
        assert_eq!(m.vertical(-1, 10), Edited::Moved);
        let (at, _) = m.cursor_row(&m.rows(10));
        assert_eq!(at, 1);
        assert_eq!(m.vertical(-1, 10), Edited::Moved);
        assert_eq!(m.vertical(-1, 10), Edited::Nothing);
        // Row 0 is shorter than the goal column: the cursor stops before the wrap point.
        m.apply(&Edit::Insert('X'));
        assert_eq!(m.value(), "satu duaX tiga empat lima");
    }

    #[test]
    fn the_view_follows_the_cursor() {
        let m = MultiLine::with_value(1000, "1\n2\n3\n4\n5\n6");
        let area = Rect::new(0, 0, 10, 3);
        assert_eq!(m.first_row(10, 3), 3);
        assert_eq!(m.cursor_position(area), Position { x: 1, y: 2 });
    }
}
