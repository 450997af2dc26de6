//! Horizontal bars drawn with block characters: readable at 80 columns and without colour (the length
//! carries the value; eighth blocks give the fraction).

use ratatui::buffer::Buffer;
use ratatui::style::Style;

const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// The bar for `value` out of `max` in `width` columns, as text.
pub fn bar(value: f64, max: f64, width: u16) -> String {
    if !(value.is_finite() && max.is_finite()) || max <= 0.0 || width == 0 {
        return String::new();
    }
    let eighths = ((value.clamp(0.0, max) / max) * f64::from(width) * 8.0).round() as usize;
    let full = eighths / 8;
    let rest = eighths % 8;
    let mut s = "█".repeat(full);
    if rest > 0 {
        s.push(EIGHTHS[rest]);
    }
    s
}

/// Draws a bar at `(x, y)`.
pub fn draw(buf: &mut Buffer, x: u16, y: u16, value: f64, max: f64, width: u16, style: Style) {
    let s = bar(value, max, width);
    buf.set_stringn(x, y, &s, usize::from(width), style);
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_carry_the_value_in_their_length() {
        assert_eq!(bar(50.0, 100.0, 10), "█████");
        assert_eq!(bar(100.0, 100.0, 4), "████");
        assert_eq!(bar(0.0, 100.0, 10), "");
        assert_eq!(bar(5.0, 100.0, 10), "▌");
        assert_eq!(bar(150.0, 100.0, 3), "███");
        assert_eq!(bar(f64::NAN, 100.0, 3), "");
    }
}
