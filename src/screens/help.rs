//! The `?` overlay: every key of the current screen, read from the same table that dispatches them.

use super::Cx;
use crate::app::keymap::{self, KeyContext};
use crate::i18n::Msg;
use crate::widgets::{centered, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub fn render(ctx: &KeyContext, title: &str, area: Rect, buf: &mut Buffer, cx: &Cx) {
    let bindings = keymap::active(ctx);
    let r = centered(
        area,
        76,
        u16::try_from(bindings.len())
            .unwrap_or(20)
            .saturating_add(4)
            .min(area.height),
    );
    Clear.render(r, buf);
    Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} — {} ", cx.t(Msg::HelpTitle), title))
        .render(r, buf);
    let rows = usize::from(r.height.saturating_sub(3));
    let columns = bindings.len().div_ceil(rows.max(1)).max(1);
    let col_w = r.width.saturating_sub(2) / u16::try_from(columns).unwrap_or(1).max(1);
    for (i, b) in bindings.iter().enumerate() {
        let col = u16::try_from(i / rows.max(1)).unwrap_or(0);
        let row = u16::try_from(i % rows.max(1)).unwrap_or(0);
        let x = r.x + 2 + col * col_w;
        let y = r.y + 1 + row;
        let keys = keymap::keys_label(b, cx.lang);
        let key_w = 16.min(col_w / 2);
        put(buf, x, y, &keys, key_w, cx.theme.header());
        put(
            buf,
            x + key_w + 1,
            y,
            b.help.text(cx.lang),
            col_w.saturating_sub(key_w + 2),
            cx.theme.base(),
        );
    }
    put(
        buf,
        r.x + 2,
        r.y + r.height - 2,
        cx.t(Msg::HelpCloseHint),
        r.width.saturating_sub(4),
        cx.theme.dim(),
    );
}
