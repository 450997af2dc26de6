//! Pre/post test scores: a grid of the enrolled participants, typed as fast as a spreadsheet. Enter and
//! ↓ store the cell and move down, Tab moves to the other test; every stored cell is written at once.

use super::{Cx, Reply, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::ids::ProgramId;
use crate::domain::instrument::format_number;
use crate::domain::nip;
use crate::i18n::{Msg, number};
use crate::stats;
use crate::store::response::{ScoreRow, Test};
use crate::widgets::input::{Edit, Edited, InputKind, TextInput};
use crate::widgets::put;
use crate::widgets::table::Scroll;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, PartialEq)]
pub struct ScoresScreen {
    pub program: ProgramId,
    pub label: String,
    pub rows: Option<Vec<ScoreRow>>,
    pub scroll: Scroll,
    pub column: Test,
    pub input: TextInput,
    /// The cell's text changed since it was shown.
    pub editing: bool,
}

const MAX: f64 = 100.0;

fn grid(area: Rect) -> Rect {
    Rect {
        x: area.x,
        y: area.y + 2,
        width: area.width,
        height: area.height.saturating_sub(4),
    }
}

/// Columns: marker, NIP, name, pre, post, gain.
fn cell_x(area: Rect, column: Test) -> u16 {
    let right = area.x + area.width;
    match column {
        Test::Pre => right.saturating_sub(26),
        Test::Post => right.saturating_sub(18),
    }
}

impl ScoresScreen {
    pub fn new(program: ProgramId, label: String) -> ScoresScreen {
        ScoresScreen {
            program,
            label,
            rows: None,
            scroll: Scroll::default(),
            column: Test::Pre,
            input: TextInput::new(InputKind::Decimal, 6),
            editing: false,
        }
    }

    fn height(cx: &Cx) -> usize {
        usize::from(grid(cx.body).height.saturating_sub(1))
    }

    fn current(&self) -> Option<&ScoreRow> {
        self.rows.as_ref().and_then(|r| r.get(self.scroll.selected))
    }

    fn load_cell(&mut self) {
        let value = self.current().and_then(|r| match self.column {
            Test::Pre => r.pre,
            Test::Post => r.post,
        });
        self.input = TextInput::new(InputKind::Decimal, 6)
            .with_value(&value.map(format_number).unwrap_or_default());
        self.editing = false;
    }

    /// Stores the cell when it was changed; `Err` with the reason when the value is not a score.
    fn commit(&mut self, cx: &Cx) -> Result<Vec<Reply>, Box<Reply>> {
        if !self.editing {
            return Ok(Vec::new());
        }
        let text = self.input.value().trim().replace(',', ".");
        let value = if text.is_empty() {
            None
        } else {
            let v: f64 = text
                .parse()
                .map_err(|_| Box::new(Reply::error(cx.t(Msg::ProblemNumber))))?;
            if !(0.0..=MAX).contains(&v) || !v.is_finite() {
                return Err(Box::new(Reply::error(
                    Msg::ProblemRange.fill(cx.lang, &[&0, &number(MAX, cx.lang)]),
                )));
            }
            Some(v)
        };
        let column = self.column;
        let program = self.program;
        let Some(row) = self
            .rows
            .as_mut()
            .and_then(|r| r.get_mut(self.scroll.selected))
        else {
            return Ok(Vec::new());
        };
        match column {
            Test::Pre => row.pre = value,
            Test::Post => row.post = value,
        }
        self.editing = false;
        Ok(vec![Reply::save(Change::SetScore {
            program,
            asn: row.asn,
            test: column,
            value,
            max: MAX,
        })])
    }

    fn move_to(&mut self, delta: isize, cx: &Cx) -> Vec<Reply> {
        match self.commit(cx) {
            Ok(mut replies) => {
                let len = self.rows.as_ref().map_or(0, Vec::len);
                self.scroll.step(delta, len, Self::height(cx));
                self.load_cell();
                replies.truncate(1);
                replies
            }
            Err(e) => vec![*e],
        }
    }

    fn switch_column(&mut self, cx: &Cx) -> Vec<Reply> {
        match self.commit(cx) {
            Ok(replies) => {
                self.column = match self.column {
                    Test::Pre => Test::Post,
                    Test::Post => Test::Pre,
                };
                self.load_cell();
                replies
            }
            Err(e) => vec![*e],
        }
    }
}

impl View for ScoresScreen {
    fn title(&self, cx: &Cx) -> String {
        Msg::ScoresTitle.fill(cx.lang, &[&self.label])
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Grid, Scope::Text], true)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        match action {
            Action::Loaded(Loaded::Scores(program, rows)) if *program == self.program => {
                let first = self.rows.is_none();
                self.rows = Some(rows.clone());
                self.scroll.clamp(rows.len(), Self::height(cx));
                if first {
                    self.load_cell();
                }
                return Vec::new();
            }
            Action::Saved(Saved::Score) => return Vec::new(),
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        let edit = match action {
            Action::Input(c) => Some(Edit::Insert(*c)),
            Action::Paste(s) => Some(Edit::Paste(s.clone())),
            Action::Cmd(Command::Backspace) => Some(Edit::Backspace),
            Action::Cmd(Command::DeleteChar) => Some(Edit::Delete),
            Action::Cmd(Command::CursorLeft) => Some(Edit::Left),
            Action::Cmd(Command::CursorRight) => Some(Edit::Right),
            Action::Cmd(Command::LineStart) => Some(Edit::Home),
            Action::Cmd(Command::LineEnd) => Some(Edit::End),
            Action::Cmd(Command::ClearField) => Some(Edit::Clear),
            _ => None,
        };
        if let Some(edit) = edit {
            // Typing into a cell that was not changed yet replaces its value, as in a spreadsheet.
            if !self.editing && matches!(edit, Edit::Insert(_) | Edit::Paste(_)) {
                self.input.apply(&Edit::Clear);
            }
            return match self.input.apply(&edit) {
                Edited::Changed => {
                    self.editing = true;
                    Vec::new()
                }
                Edited::Refused(c) => vec![Reply::error(
                    Msg::KeyNotAllowed.fill(cx.lang, &[&crate::text::visible(&c.to_string())]),
                )],
                _ => Vec::new(),
            };
        }
        let page = Self::height(cx) as isize;
        match action {
            Action::Cmd(Command::Submit | Command::Down) => self.move_to(1, cx),
            Action::Cmd(Command::Up) => self.move_to(-1, cx),
            Action::Cmd(Command::PageDown) => self.move_to(page, cx),
            Action::Cmd(Command::PageUp) => self.move_to(-page, cx),
            Action::Cmd(Command::NextField | Command::PrevField) => self.switch_column(cx),
            Action::Cmd(Command::Back) => match self.commit(cx) {
                Ok(mut replies) => {
                    replies.push(Reply::Pop);
                    replies
                }
                Err(e) => vec![*e],
            },
            _ => Vec::new(),
        }
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Scores(self.program))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let x = area.x + 1;
        let w = area.width.saturating_sub(2);
        put(buf, x, area.y, &self.title(cx), w, theme.header());
        // Enter and ↓ both store and move down: the hint names every key of that binding.
        let scopes = self.scopes().0;
        let hint = Msg::ScoresHint.fill(
            cx.lang,
            &[
                &crate::app::keymap::keys_for(&scopes, Command::Down, cx.lang),
                &crate::app::keymap::key_for(&scopes, Command::NextField, cx.lang),
                &crate::app::keymap::key_for(&scopes, Command::Back, cx.lang),
            ],
        );
        put(buf, x, area.y + 1, &hint, w, theme.dim());
        let Some(rows) = &self.rows else {
            put(buf, x, area.y + 2, cx.t(Msg::Loading), w, theme.dim());
            return;
        };
        let g = grid(area);
        let pre_x = cell_x(g, Test::Pre);
        let post_x = cell_x(g, Test::Post);
        let gain_x = g.x + g.width.saturating_sub(9);
        put(buf, x + 1, g.y, cx.t(Msg::ColNip), 21, theme.header());
        put(
            buf,
            x + 23,
            g.y,
            cx.t(Msg::ColName),
            pre_x.saturating_sub(x + 25),
            theme.header(),
        );
        put(buf, pre_x, g.y, "Pre", 7, theme.header());
        put(buf, post_x, g.y, "Post", 7, theme.header());
        put(buf, gain_x, g.y, "N-gain", 8, theme.header());
        if rows.is_empty() {
            let enroll = crate::app::keymap::key_for(
                &[
                    Scope::ProgramDetail,
                    Scope::Rows,
                    Scope::List,
                    Scope::Scroll,
                ],
                Command::Enroll,
                cx.lang,
            );
            put(
                buf,
                x,
                g.y + 1,
                &Msg::ScoresNoRoster.fill(cx.lang, &[&enroll]),
                w,
                theme.dim(),
            );
            return;
        }
        let height = usize::from(g.height.saturating_sub(1));
        let offset = self.scroll.view_offset(height);
        for (i, r) in rows.iter().enumerate().skip(offset).take(height) {
            let y = g.y + 1 + u16::try_from(i - offset).unwrap_or(0);
            let selected = i == self.scroll.selected;
            let style = if selected {
                theme.selected()
            } else {
                theme.base()
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
                buf.set_string(area.x, y, "▶", style);
            }
            let nip = nip::display(&r.nip);
            put(buf, x + 1, y, &nip, 21, style);
            put(buf, x + 23, y, &r.name, pre_x.saturating_sub(x + 25), style);
            for (column, cx_at, value) in [(Test::Pre, pre_x, r.pre), (Test::Post, post_x, r.post)]
            {
                if selected && column == self.column {
                    self.input
                        .render(Rect::new(cx_at, y, 7, 1), buf, true, theme);
                } else {
                    let shown = value
                        .map(|v| number(v, cx.lang))
                        .unwrap_or_else(|| "·".into());
                    put(buf, cx_at, y, &shown, 7, style);
                }
            }
            if let (Some(pre), Some(post)) = (r.pre, r.post)
                && let Some(g) = stats::gain(pre, post, r.max)
            {
                put(
                    buf,
                    gain_x,
                    y,
                    &number((g * 100.0).round() / 100.0, cx.lang),
                    8,
                    style,
                );
            }
        }
        // Totals: pairs, means, the mean gain.
        let pairs: Vec<(f64, f64)> = rows
            .iter()
            .filter_map(|r| Some((r.pre?, r.post?)))
            .collect();
        let mean = |xs: Vec<f64>| stats::describe(&xs).mean;
        let pre_mean = mean(rows.iter().filter_map(|r| r.pre).collect());
        let post_mean = mean(rows.iter().filter_map(|r| r.post).collect());
        let fmt = |m: Option<f64>| {
            m.map_or_else(
                || "-".to_string(),
                |v| number((v * 10.0).round() / 10.0, cx.lang),
            )
        };
        let line = Msg::ScoresSummary.fill(
            cx.lang,
            &[&pairs.len(), &rows.len(), &fmt(pre_mean), &fmt(post_mean)],
        );
        put(buf, x, g.y + g.height, &line, w, theme.dim());
    }

    fn cursor(&self, area: Rect, _cx: &Cx) -> Option<Position> {
        let rows = self.rows.as_ref()?;
        if rows.is_empty() {
            return None;
        }
        let g = grid(area);
        let height = usize::from(g.height.saturating_sub(1));
        let offset = self.scroll.view_offset(height);
        let y = g.y + 1 + u16::try_from(self.scroll.selected.checked_sub(offset)?).ok()?;
        Some(
            self.input
                .cursor_position(Rect::new(cell_x(g, self.column), y, 7, 1)),
        )
    }
}
