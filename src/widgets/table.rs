//! The one table every list uses: columns, a selection that stays visible with or without colour, and
//! scrolling that follows the selection.

use super::{Theme, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

/// Selection and scroll position of a list. Kept in screen state; `height` is the number of visible rows,
/// which screens compute from the same layout they draw with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub selected: usize,
    pub offset: usize,
}

impl Scroll {
    /// Moves the selection by `delta` rows, within `len` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        if len == 0 {
            *self = Scroll::default();
            return;
        }
        let target = self.selected.saturating_add_signed(delta).min(len - 1);
        self.select(target, len, height);
    }

    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.keep_visible(len, height);
    }

    /// After the rows changed (reload): clamps the selection and keeps it in view.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.select(self.selected, len, height);
    }

    fn keep_visible(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// The offset to draw with: the stored one, corrected (without changing it) if the viewport shrank.
    pub fn view_offset(&self, height: usize) -> usize {
        let height = height.max(1);
        if self.selected >= self.offset + height {
            self.selected + 1 - height
        } else {
            self.offset.min(self.selected)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column: its title, how wide, how its cells align.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub width: Constraint,
    pub align: Align,
}

impl Column {
    pub fn fixed(title: impl Into<String>, width: u16) -> Column {
        Column {
            title: title.into(),
            width: Constraint::Length(width),
            align: Align::Left,
        }
    }

    pub fn fill(title: impl Into<String>, weight: u16) -> Column {
        Column {
            title: title.into(),
            width: Constraint::Fill(weight),
            align: Align::Left,
        }
    }

    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
}

/// A table to draw: rows of already formatted cells.
pub struct DataTable<'a> {
    pub columns: &'a [Column],
    pub rows: &'a [Vec<String>],
    pub scroll: Scroll,
    pub theme: Theme,
    /// Whether the selection is shown (a table without focus shows none).
    pub focused: bool,
    /// What to say when there are no rows.
    pub empty: &'a str,
}

/// Rows of a table drawn in `area` (one line goes to the header).
pub fn body_height(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(1))
}

impl DataTable<'_> {
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width < 3 {
            return;
        }
        let theme = self.theme;
        // One column for the selection marker, then the data columns.
        let inner = Rect {
            x: area.x + 2,
            width: area.width - 2,
            ..area
        };
        let cells = Layout::horizontal(self.columns.iter().map(|c| c.width))
            .spacing(1)
            .split(Rect { height: 1, ..inner });
        for (col, cell) in self.columns.iter().zip(cells.iter()) {
            put(buf, cell.x, area.y, &col.title, cell.width, theme.header());
        }
        let height = body_height(area);
        if self.rows.is_empty() {
            if area.height > 1 {
                put(
                    buf,
                    inner.x,
                    area.y + 1,
                    self.empty,
                    inner.width,
                    theme.dim(),
                );
            }
            return;
        }
        let offset = self.scroll.view_offset(height);
        for (i, row) in self.rows.iter().enumerate().skip(offset).take(height) {
            let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
            let selected = self.focused && i == self.scroll.selected;
            if selected {
                let line = Rect {
                    x: area.x,
                    y,
                    width: area.width,
                    height: 1,
                };
                buf.set_style(line, theme.selected());
                buf.set_string(area.x, y, "▶", theme.selected());
            }
            let style = if selected {
                theme.selected()
            } else {
                theme.base()
            };
            for ((col, cell), text) in self.columns.iter().zip(cells.iter()).zip(row) {
                let width = usize::from(cell.width);
                let shown = super::fit(&crate::text::visible(text), width);
                let x = match col.align {
                    Align::Left => cell.x,
                    Align::Right => {
                        let w = unicode_width::UnicodeWidthStr::width(shown.as_str());
                        cell.x + u16::try_from(width.saturating_sub(w)).unwrap_or(0)
                    }
                };
                buf.set_stringn(x, y, &shown, width, style);
            }
        }
        // A scroll hint in the gutter beside the selection marker when rows are hidden, so that it
        // never covers data.
        if self.rows.len() > height && area.height > 1 {
            let above = offset > 0;
            let below = offset + height < self.rows.len();
            let x = area.x + 1;
            if above {
                buf.set_string(x, area.y + 1, "↑", theme.dim());
            }
            if below {
                buf.set_string(x, area.y + area.height - 1, "↓", theme.dim());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_in_view_when_moving() {
        let mut s = Scroll::default();
        s.step(5, 20, 4);
        assert_eq!(
            s,
            Scroll {
                selected: 5,
                offset: 2
            }
        );
        s.step(-4, 20, 4);
        assert_eq!(
            s,
            Scroll {
                selected: 1,
                offset: 1
            }
        );
        s.step(100, 20, 4);
        assert_eq!(
            s,
            Scroll {
                selected: 19,
                offset: 16
            }
        );
        s.clamp(3, 4);
        assert_eq!(
            s,
            Scroll {
                selected: 2,
                offset: 0
            }
        );
        s.step(1, 0, 4);
        assert_eq!(s, Scroll::default());
    }

    #[test]
    fn view_offset_follows_a_smaller_viewport() {
        let s = Scroll {
            selected: 10,
            offset: 5,
        };
        assert_eq!(s.view_offset(3), 8);
        assert_eq!(s.view_offset(20), 5);
    }
}
