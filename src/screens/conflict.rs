//! When someone else saved a record while you edited it: your values and theirs side by side, who saved
//! and when, and a choice — take theirs, or save yours over theirs knowingly.

use super::Cx;
use crate::i18n::Msg;
use crate::widgets::{centered, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictView {
    pub by: String,
    pub at: String,
    /// (field, your value, their value)
    pub rows: Vec<(String, String, String)>,
}

impl ConflictView {
    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let r = centered(area, 78, u16::try_from(self.rows.len()).unwrap_or(10).saturating_add(7).min(area.height));
        Clear.render(r, buf);
        Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", cx.t(Msg::ConflictTitle)))
            .render(r, buf);
        let inner_w = r.width.saturating_sub(4);
        let x = r.x + 2;
        let who = Msg::ConflictWho.fill(cx.lang, &[&crate::text::visible(&self.by), &crate::text::visible(&self.at)]);
        put(buf, x, r.y + 1, &who, inner_w, cx.theme.error());
        let label_w = 16u16;
        let col_w = inner_w.saturating_sub(label_w + 2) / 2;
        let y0 = r.y + 2;
        put(buf, x + label_w + 1, y0, cx.t(Msg::ConflictMine), col_w, cx.theme.header());
        put(buf, x + label_w + 2 + col_w, y0, cx.t(Msg::ConflictTheirs), col_w, cx.theme.header());
        let height = usize::from(r.height.saturating_sub(6));
        for (i, (label, mine, theirs)) in self.rows.iter().take(height).enumerate() {
            let y = y0 + 1 + u16::try_from(i).unwrap_or(0);
            let differs = mine != theirs;
            let style = if differs { cx.theme.header() } else { cx.theme.dim() };
            let mark = if differs { "≠" } else { " " };
            put(buf, x, y, &format!("{mark} {label}"), label_w, style);
            put(buf, x + label_w + 1, y, mine, col_w, style);
            put(buf, x + label_w + 2 + col_w, y, theirs, col_w, style);
        }
        let keys = format!(
            "[t] {}   [s] {}   [Esc] {}",
            cx.t(Msg::HelpTakeTheirs),
            cx.t(Msg::HelpKeepMine),
            cx.t(Msg::HelpBackToForm)
        );
        put(buf, x, r.y + r.height - 2, &keys, inner_w, cx.theme.base());
    }
}
