//! When someone else saved a record while you edited it: who saved and when, every field that differs
//! with your value above theirs, and a choice — take theirs, or save yours over theirs knowingly.

use super::Cx;
use crate::app::action::Command;
use crate::app::keymap::{Scope, key_for};
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

/// Both values cut to `width` columns around their first difference, so that what differs is visible
/// even in long names.
pub fn around_difference(mine: &str, theirs: &str, width: usize) -> (String, String) {
    let a: Vec<char> = mine.chars().collect();
    let b: Vec<char> = theirs.chars().collect();
    let longest = a.len().max(b.len());
    if longest <= width || width < 8 {
        return (
            crate::widgets::fit(mine, width),
            crate::widgets::fit(theirs, width),
        );
    }
    let first = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let start = first.saturating_sub(width / 3);
    let cut = |v: &[char]| -> String {
        let body: String = v.iter().skip(start).collect();
        let body = if start > 0 {
            format!("…{body}")
        } else {
            body
        };
        crate::widgets::fit(&body, width)
    };
    (cut(&a), cut(&b))
}

impl ConflictView {
    fn lines(&self, cx: &Cx, width: usize) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for (label, mine, theirs) in &self.rows {
            if mine == theirs {
                continue;
            }
            out.push((format!("≠ {label}"), true));
            let (m, t) = around_difference(mine, theirs, width.saturating_sub(14));
            out.push((format!("  {:<11} {m}", cx.t(Msg::ConflictMine)), false));
            out.push((format!("  {:<11} {t}", cx.t(Msg::ConflictTheirs)), false));
        }
        let same: Vec<&str> = self
            .rows
            .iter()
            .filter(|(_, m, t)| m == t)
            .map(|(l, _, _)| l.as_str())
            .collect();
        if !same.is_empty() {
            out.push((Msg::ConflictSame.fill(cx.lang, &[&same.join(", ")]), false));
        }
        out
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let width = 78.min(area.width);
        let inner_w = width.saturating_sub(4);
        let lines = self.lines(cx, usize::from(inner_w));
        let who = Msg::ConflictWho.fill(
            cx.lang,
            &[
                &crate::text::visible(&self.by),
                &crate::domain::date::format_stamp(&self.at),
            ],
        );
        // Who saved and when, and what each key does, are the point of the dialog: wrapped to its
        // width, never cut.
        let who = super::confirm::wrap(&who, usize::from(inner_w));
        let keys = self.keys(cx, usize::from(inner_w));
        let rows = |v: usize| u16::try_from(v).unwrap_or(1);
        let (who_h, keys_h) = (rows(who.len()), rows(keys.len()));
        let height = rows(lines.len())
            .saturating_add(who_h)
            .saturating_add(keys_h)
            .saturating_add(4)
            .min(area.height);
        let r = centered(area, width, height);
        Clear.render(r, buf);
        Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", cx.t(Msg::ConflictTitle)))
            .render(r, buf);
        let x = r.x + 2;
        // The keys stay at the bottom; what does not fit above them is left out.
        let keys_y = (r.y + r.height).saturating_sub(1 + keys_h).max(r.y + 1);
        for (i, line) in who.iter().enumerate() {
            let y = r.y + 1 + rows(i);
            if y < keys_y {
                put(buf, x, y, line, inner_w, cx.theme.error());
            }
        }
        let top = r.y + 2 + who_h;
        let room = usize::from(keys_y.saturating_sub(top));
        for (i, (line, strong)) in lines.iter().take(room).enumerate() {
            let style = if *strong {
                cx.theme.header()
            } else {
                cx.theme.base()
            };
            put(buf, x, top + rows(i), line, inner_w, style);
        }
        for (i, line) in keys.iter().enumerate() {
            let y = keys_y + rows(i);
            if y + 1 < r.y + r.height {
                put(buf, x, y, line, inner_w, cx.theme.dim());
            }
        }
    }

    /// The three choices with their keys from the keymap, as many to a line as `width` holds.
    fn keys(&self, cx: &Cx, width: usize) -> Vec<String> {
        let key = |command| key_for(&[Scope::Conflict], command, cx.lang);
        let choices = [
            (Command::TakeTheirs, Msg::HelpTakeTheirs),
            (Command::KeepMine, Msg::HelpKeepMine),
            (Command::Back, Msg::HelpBackToForm),
        ];
        let mut out: Vec<String> = Vec::new();
        for (command, msg) in choices {
            let choice = format!("[{}] {}", key(command), cx.t(msg));
            match out.last_mut() {
                Some(line) if line.chars().count() + 3 + choice.chars().count() <= width => {
                    line.push_str("   ");
                    line.push_str(&choice);
                }
                _ => out.push(choice),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::around_difference;

    #[test]
    fn long_values_are_cut_where_they_differ() {
        let mine = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (budi)";
        let theirs = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (siti)";
        let (m, t) = around_difference(mine, theirs, 30);
        assert!(m.contains("(budi)"), "{m}");
        assert!(t.contains("(siti)"), "{t}");
        assert_eq!(
            around_difference("a", "b", 30),
            ("a".to_string(), "b".to_string())
        );
    }
}
