//! Drawing the whole state: title bar, the screen on top, dialogs, the status line and the key bar.
//! Rendering reads the state only; it never queries or changes anything.

use super::keymap::{self, KeyContext};
use super::state::{MIN_HEIGHT, MIN_WIDTH, State, Tab, body_of};
use crate::i18n::Msg;
use crate::screens::Cx;
use crate::screens::{Level, Modal, View, help};
use crate::widgets::{centered, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

impl Widget for &State {
    /// Draws in the area it is given: the real size of the frame, which may already differ from the size
    /// the state last heard of (a resize not handled yet).
    fn render(self, area: Rect, buf: &mut Buffer) {
        let body = body_of(area);
        let cx = Cx { body, ..self.cx() };
        let theme = self.theme;
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let text = Msg::TooSmall.fill(
                self.lang,
                &[&MIN_WIDTH, &MIN_HEIGHT, &area.width, &area.height],
            );
            let lines = crate::screens::confirm::wrap(&text, usize::from(area.width.max(1)));
            let h = u16::try_from(lines.len()).unwrap_or(1);
            let r = centered(area, area.width, h);
            for (i, line) in lines.iter().enumerate() {
                let y = r.y + u16::try_from(i).unwrap_or(0);
                if y < area.y + area.height {
                    put(buf, area.x, y, line, area.width, theme.base());
                }
            }
            return;
        }
        title_bar(self, Rect::new(area.x, area.y, area.width, 1), buf);
        if let Some(top) = self.top() {
            top.render(body, buf, &cx);
        }
        for modal in &self.modals {
            match modal {
                Modal::Help => {
                    let title = self.top().map(|s| s.title(&cx)).unwrap_or_default();
                    help::render(&self.screen_context(), &title, body, buf, &cx);
                }
                Modal::Confirm(c) => c.render(body, buf, &cx),
                Modal::Picker(p) => p.render(body, buf, &cx),
                Modal::Conflict(v) => v.render(body, buf, &cx),
            }
        }
        let status = Rect::new(area.x, area.y + area.height - 2, area.width, 1);
        let keys = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        // A notice too long for one line takes the key bar's line too, until the next key clears it.
        if !status_line(self, status, keys, buf) {
            key_bar(self, &self.key_context(), keys, buf);
        }
    }
}

fn title_bar(state: &State, area: Rect, buf: &mut Buffer) {
    let theme = state.theme;
    buf.set_style(area, theme.title());
    let tabs: Vec<Tab> = Tab::ALL
        .iter()
        .copied()
        .filter(|t| t.open_to(state.role))
        .collect();
    let width =
        |s: &str| u16::try_from(unicode_width::UnicodeWidthStr::width(s)).unwrap_or(u16::MAX);
    let padded = |t: &Tab| format!(" {} {} ", t.key(), t.label().text(state.lang));
    let tight = |t: &Tab| format!(" {} {}", t.key(), t.label().text(state.lang));
    let short = |t: &Tab| format!(" {} {}", t.key(), t.short_label().text(state.lang));
    let who = format!(" {} · {} ", state.user, state.role.label().text(state.lang));
    let brand = " tilik ";
    let sum = |f: &dyn Fn(&Tab) -> String| tabs.iter().map(|t| width(&f(t))).sum::<u16>();
    // Prefer the roomy layout; drop the brand, then the padding, as the
    // terminal narrows so every tab key stays visible at 80 columns.
    // Narrower still: the other tabs' labels are shortened (the active one stays whole).
    let shortened = |keep: usize| -> Vec<String> {
        tabs.iter()
            .map(|t| {
                let label = t.label().text(state.lang);
                if *t == state.tab {
                    format!(" {} {label}", t.key())
                } else {
                    let short: String = label.chars().take(keep).collect();
                    format!(" {} {short}", t.key())
                }
            })
            .collect()
    };
    let total = |labels: &[String]| labels.iter().map(|l| width(l)).sum::<u16>();
    let (show_brand, labels): (bool, Vec<String>) =
        if width(brand) + sum(&padded) + width(&who) <= area.width {
            (true, tabs.iter().map(padded).collect())
        } else if sum(&padded) <= area.width {
            (false, tabs.iter().map(padded).collect())
        } else if sum(&tight) <= area.width {
            (false, tabs.iter().map(tight).collect())
        } else if sum(&short) <= area.width {
            (false, tabs.iter().map(short).collect())
        } else {
            let fitting = (2..=7)
                .rev()
                .map(shortened)
                .find(|l| total(l) <= area.width)
                .unwrap_or_else(|| shortened(1));
            (false, fitting)
        };
    let mut x = area.x;
    if show_brand {
        x += put(buf, x, area.y, brand, area.width, theme.title());
    }
    for (tab, label) in tabs.iter().zip(&labels) {
        let style = if *tab == state.tab {
            theme.tab_active()
        } else {
            theme.title()
        };
        x += put(
            buf,
            x,
            area.y,
            label,
            (area.x + area.width).saturating_sub(x),
            style,
        );
    }
    let who_w = width(&who);
    if x + who_w < area.x + area.width {
        put(
            buf,
            area.x + area.width - who_w,
            area.y,
            &who,
            who_w,
            theme.title(),
        );
    }
}

/// Draws the status line; a notice longer than it goes on in `below` (the key bar's line). Says whether
/// `below` was used.
fn status_line(state: &State, area: Rect, below: Rect, buf: &mut Buffer) -> bool {
    let theme = state.theme;
    buf.set_style(area, theme.bar());
    let width = area.width.saturating_sub(2);
    let (text, style) = if state.busy > 3 {
        (
            Msg::DbBusyWaiting.fill(state.lang, &[&state.busy]),
            theme.error(),
        )
    } else if let Some(n) = &state.notice {
        let (mark, style) = match n.level {
            Level::Info => ("✓ ", theme.ok()),
            Level::Error => ("✗ ", theme.error()),
        };
        (format!("{mark}{}", n.text), style)
    } else {
        return false;
    };
    let lines = notice_lines(&text, usize::from(width));
    put(buf, area.x + 1, area.y, &lines[0], width, style);
    match lines.get(1) {
        Some(rest) => {
            buf.set_style(below, theme.bar());
            // The continuation lines up under the text, after the mark.
            put(
                buf,
                below.x + 3,
                below.y,
                rest,
                width.saturating_sub(2),
                style,
            );
            true
        }
        None => false,
    }
}

/// A status text in at most two lines of `width` columns: broken at a space, the second line indented
/// by the mark's width and cut with `…` only when even two lines are not enough.
pub fn notice_lines(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let mut space = None;
    let mut hard = None;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            hard = Some(i);
            break;
        }
        if c == ' ' && i > 0 {
            space = Some(i);
        }
        used += w;
    }
    let Some(hard) = hard else {
        return vec![text.to_string()];
    };
    let cut = if text[hard..].starts_with(' ') {
        hard
    } else {
        space.unwrap_or(hard)
    };
    let (first, rest) = text.split_at(cut);
    vec![first.trim_end().to_string(), rest.trim_start().to_string()]
}

/// The main keys of the current context, from the keymap table.
fn key_bar(state: &State, ctx: &KeyContext, area: Rect, buf: &mut Buffer) {
    let theme = state.theme;
    let mut x = area.x;
    let end = area.x + area.width;
    for b in keymap::active(ctx).into_iter().filter(|b| b.main) {
        let keys = b
            .keys
            .first()
            .map(|k| k.label(state.lang))
            .unwrap_or_default();
        let what = b.help.text(state.lang);
        let needed =
            u16::try_from(keys.chars().count() + what.chars().count() + 3).unwrap_or(u16::MAX);
        if x + needed > end {
            break;
        }
        x += put(buf, x, area.y, &format!(" {keys} "), end - x, theme.key());
        x += put(
            buf,
            x,
            area.y,
            &format!("{what} "),
            end.saturating_sub(x),
            theme.base(),
        );
    }
}

/// Where the terminal cursor belongs (the focused input) in a frame of `area`, if anywhere.
pub fn cursor(state: &State, area: Rect) -> Option<Position> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let body = body_of(area);
    let cx = Cx { body, ..state.cx() };
    let at = match state.modals.last() {
        Some(Modal::Picker(p)) => Some(p.cursor(body, &cx)),
        Some(_) => None,
        None => state.top().and_then(|s| s.cursor(body, &cx)),
    };
    at.filter(|p| p.x < area.x + area.width && p.y < area.y + area.height)
}

#[cfg(test)]
mod tests {
    use super::notice_lines;

    #[test]
    fn a_long_notice_breaks_at_a_space_into_two_lines() {
        assert_eq!(notice_lines("✓ Saved", 78), vec!["✓ Saved"]);
        assert_eq!(
            notice_lines("✗ one two three", 9),
            vec!["✗ one two", "three"]
        );
        assert_eq!(notice_lines("abcdefgh", 4), vec!["abcd", "efgh"]);
        assert_eq!(notice_lines("", 4), vec![""]);
    }
}
