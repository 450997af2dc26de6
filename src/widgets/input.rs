//! A one-line text input: the value, the cursor, and which characters it takes.

use super::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthChar;

/// What a field accepts as it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputKind {
    Text,
    /// Digits, with spaces allowed for the grouped form `19850412 201001 1 003`.
    Nip,
    /// `dd/mm/yyyy`; the slashes are typed for you.
    Date,
    Integer,
    /// Digits with one decimal point or comma.
    Decimal,
    /// Rupiah: digits and thousands dots.
    Amount,
}

impl InputKind {
    fn accepts(self, c: char) -> bool {
        match self {
            InputKind::Text => true,
            InputKind::Nip => c.is_ascii_digit() || c == ' ',
            InputKind::Date => c.is_ascii_digit() || matches!(c, '/' | '-'),
            InputKind::Integer => c.is_ascii_digit() || c == '-',
            InputKind::Decimal => c.is_ascii_digit() || matches!(c, '.' | ',' | '-'),
            InputKind::Amount => c.is_ascii_digit() || c == '.',
        }
    }
}

/// An editing step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Clear,
    /// Multi-line editors only: a line break, and moving by row.
    Newline,
    Up,
    Down,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    Changed,
    Moved,
    /// The character is not allowed in this field.
    Refused(char),
    /// The field is full.
    Full,
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextInput {
    value: String,
    /// Cursor position in characters.
    cursor: usize,
    max: usize,
    kind: InputKind,
}

impl TextInput {
    pub fn new(kind: InputKind, max: usize) -> TextInput {
        TextInput {
            value: String::new(),
            cursor: 0,
            max,
            kind,
        }
    }

    pub fn with_value(mut self, value: &str) -> TextInput {
        self.set(value);
        self
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn kind(&self) -> InputKind {
        self.kind
    }

    /// Replaces the value (cleaned for the terminal) and puts the cursor at its end.
    pub fn set(&mut self, value: &str) {
        self.value = crate::text::clean(value, crate::text::Lines::Single)
            .chars()
            .take(self.max)
            .collect();
        self.cursor = self.value.chars().count();
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_index)
            .map_or(self.value.len(), |(b, _)| b)
    }

    fn insert(&mut self, c: char) -> Edited {
        if c.is_control() || crate::text::placeholder(c).is_some() || !self.kind.accepts(c) {
            return Edited::Refused(c);
        }
        if self.kind == InputKind::Date && c.is_ascii_digit() && self.cursor == self.len() {
            let digits_since_slash = self.value.rsplit('/').next().map_or(0, str::len);
            let slashes = self.value.matches('/').count();
            if digits_since_slash == 2 && slashes < 2 && self.len() < self.max {
                self.value.push('/');
                self.cursor += 1;
            }
        }
        if self.len() >= self.max {
            return Edited::Full;
        }
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
        Edited::Changed
    }

    pub fn apply(&mut self, edit: &Edit) -> Edited {
        match edit {
            Edit::Insert(c) => self.insert(*c),
            Edit::Paste(text) => {
                let one_line: String = text
                    .chars()
                    .map(|c| {
                        if matches!(c, '\n' | '\r' | '\t') {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect();
                let cleaned =
                    crate::text::clean(one_line.trim(), crate::text::Lines::Single).into_owned();
                let mut result = Edited::Nothing;
                for c in cleaned.chars() {
                    match self.insert(c) {
                        Edited::Changed => result = Edited::Changed,
                        Edited::Full => {
                            return if result == Edited::Changed {
                                Edited::Changed
                            } else {
                                Edited::Full
                            };
                        }
                        refused @ Edited::Refused(_) if result == Edited::Nothing => {
                            result = refused
                        }
                        _ => {}
                    }
                }
                result
            }
            Edit::Backspace => {
                if self.cursor == 0 {
                    return Edited::Nothing;
                }
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                Edited::Changed
            }
            Edit::Delete => {
                if self.cursor >= self.len() {
                    return Edited::Nothing;
                }
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                Edited::Changed
            }
            Edit::Left => self.move_to(self.cursor.saturating_sub(1)),
            Edit::Right => self.move_to((self.cursor + 1).min(self.len())),
            Edit::Home => self.move_to(0),
            Edit::End => self.move_to(self.len()),
            Edit::Clear => {
                if self.value.is_empty() {
                    return Edited::Nothing;
                }
                self.value.clear();
                self.cursor = 0;
                Edited::Changed
            }
            Edit::Newline | Edit::Up | Edit::Down => Edited::Nothing,
        }
    }

    fn move_to(&mut self, to: usize) -> Edited {
        if to == self.cursor {
            Edited::Nothing
        } else {
            self.cursor = to;
            Edited::Moved
        }
    }

    /// First character shown when the field is `width` columns wide (so that the cursor stays visible).
    fn scroll(&self, width: usize) -> usize {
        let widths: Vec<usize> = self.value.chars().map(|c| c.width().unwrap_or(0)).collect();
        if widths.iter().sum::<usize>() <= width {
            return 0;
        }
        let mut start = 0;
        let room = width.saturating_sub(1);
        while widths[start..self.cursor.min(widths.len())]
            .iter()
            .sum::<usize>()
            > room
        {
            start += 1;
        }
        start
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, focused: bool, theme: Theme) {
        let style = if focused {
            theme.field_focused()
        } else {
            theme.field()
        };
        buf.set_style(area, style);
        let start = if focused {
            self.scroll(usize::from(area.width))
        } else {
            0
        };
        let shown: String = self.value.chars().skip(start).collect();
        buf.set_stringn(area.x, area.y, &shown, usize::from(area.width), style);
    }

    /// Where the terminal cursor goes when this input has focus.
    pub fn cursor_position(&self, area: Rect) -> Position {
        let start = self.scroll(usize::from(area.width));
        let before: usize = self
            .value
            .chars()
            .skip(start)
            .take(self.cursor.saturating_sub(start))
            .map(|c| c.width().unwrap_or(0))
            .sum();
        // The cursor may sit just past a full field (the column after it is always blank).
        let x = area.x + u16::try_from(before).unwrap_or(u16::MAX).min(area.width);
        Position { x, y: area.y }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(kind: InputKind, keys: &str) -> TextInput {
        let mut t = TextInput::new(kind, 40);
        for c in keys.chars() {
            t.apply(&Edit::Insert(c));
        }
        t
    }

    #[test]
    fn dates_get_their_slashes() {
        assert_eq!(typed(InputKind::Date, "02032026").value(), "02/03/2026");
        assert_eq!(typed(InputKind::Date, "02/03/2026").value(), "02/03/2026");
    }

    #[test]
    fn nip_fields_refuse_letters() {
        let mut t = TextInput::new(InputKind::Nip, 21);
        assert_eq!(t.apply(&Edit::Insert('x')), Edited::Refused('x'));
        assert_eq!(t.apply(&Edit::Insert('1')), Edited::Changed);
    }

    #[test]
    fn editing_in_the_middle_and_limits() {
        let mut t = TextInput::new(InputKind::Text, 5).with_value("abd");
        t.apply(&Edit::Left);
        t.apply(&Edit::Insert('c'));
        assert_eq!(t.value(), "abcd");
        t.apply(&Edit::End);
        t.apply(&Edit::Insert('e'));
        assert_eq!(t.apply(&Edit::Insert('f')), Edited::Full);
        t.apply(&Edit::Home);
        t.apply(&Edit::Delete);
        assert_eq!(t.value(), "bcde");
        t.apply(&Edit::Backspace);
        assert_eq!(t.value(), "bcde");
    }

    #[test]
    fn control_characters_are_never_typed() {
        let mut t = TextInput::new(InputKind::Text, 60);
        assert_eq!(t.apply(&Edit::Insert('\t')), Edited::Refused('\t'));
        assert_eq!(t.apply(&Edit::Insert('\u{1b}')), Edited::Refused('\u{1b}'));
        assert_eq!(
            t.apply(&Edit::Insert('\u{202e}')),
            Edited::Refused('\u{202e}')
        );
        assert_eq!(t.value(), "");
    }

    #[test]
    fn paste_is_one_line_and_terminal_safe() {
        let mut t = TextInput::new(InputKind::Text, 60);
        t.apply(&Edit::Paste("Budi\x1b[2J\nSantoso".into()));
        assert_eq!(t.value(), "Budi␛[2J Santoso");
    }

    #[test]
    fn cursor_stays_visible_when_scrolled() {
        let t = TextInput::new(InputKind::Text, 60).with_value("abcdefghij");
        let area = Rect::new(10, 3, 5, 1);
        assert_eq!(t.scroll(5), 6);
        assert_eq!(t.cursor_position(area), Position { x: 14, y: 3 });
    }

    #[test]
    fn a_value_that_just_fits_is_not_scrolled() {
        let t = TextInput::new(InputKind::Nip, 21).with_value("19850412 201001 1 003");
        assert_eq!(t.scroll(21), 0);
        assert_eq!(
            t.cursor_position(Rect::new(0, 0, 21, 1)),
            Position { x: 21, y: 0 }
        );
    }
}
