//! A yes/no question before something that cannot be undone.

use super::{Cx, Reply};
use crate::i18n::Msg;
use crate::widgets::{centered, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    /// What happens on "yes".
    pub on_yes: Vec<Reply>,
}

impl Confirm {
    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let width = 60.min(area.width);
        let lines = wrap(&self.question, usize::from(width.saturating_sub(4)));
        let height = u16::try_from(lines.len()).unwrap_or(1) + 4;
        let r = centered(area, width, height);
        Clear.render(r, buf);
        Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", cx.t(Msg::ConfirmTitle)))
            .render(r, buf);
        for (i, line) in lines.iter().enumerate() {
            let y = r.y + 1 + u16::try_from(i).unwrap_or(0);
            put(
                buf,
                r.x + 2,
                y,
                line,
                r.width.saturating_sub(4),
                cx.theme.base(),
            );
        }
        let keys = format!("[y] {}   [n] {}", cx.t(Msg::Yes), cx.t(Msg::No));
        put(
            buf,
            r.x + 2,
            r.y + r.height - 2,
            &keys,
            r.width.saturating_sub(4),
            cx.theme.header(),
        );
    }
}

/// Splits text into lines of at most `width` characters, at spaces where possible.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            while line.chars().count() > width {
                let head: String = line.chars().take(width).collect();
                let tail: String = line.chars().skip(width).collect();
                lines.push(head);
                line = tail;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(
            wrap("hapus peserta ini?", 8),
            vec!["hapus", "peserta", "ini?"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }
}
