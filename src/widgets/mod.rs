//! Widgets shared by every screen: one table, one text input, one form engine, one theme.

pub mod bars;
pub mod form;
pub mod input;
pub mod multiline;
pub mod table;
pub mod theme;

pub use theme::Theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

/// Writes text from the database or a user at `(x, y)`, terminal-safe, cut to `width` with `…`.
/// Returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) -> u16 {
    let area = buf.area;
    if y < area.y || y >= area.y + area.height || x < area.x || x >= area.x + area.width {
        return 0;
    }
    let width = width.min(area.x + area.width - x);
    let safe = crate::text::visible(text);
    let fitted = fit(&safe, usize::from(width));
    let (end_x, _) = buf.set_stringn(x, y, &fitted, usize::from(width), style);
    end_x.saturating_sub(x)
}

/// Cuts `s` to at most `width` columns, ending in `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A rectangle of `width`×`height` centred in `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_ellipsis_by_columns() {
        assert_eq!(fit("Palembang", 20), "Palembang");
        assert_eq!(fit("Palembang", 5), "Pale…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("abc", 0), "");
    }
}
