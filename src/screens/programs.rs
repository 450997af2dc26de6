//! The first screen: every program, filtered by year, type and status, searchable with `/`.

use super::confirm::Confirm;
use super::form_screen::FormScreen;
use super::program_detail::ProgramDetailScreen;
use super::program_form::ProgramSpec;
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::date;
use crate::domain::program::{ProgramStatus, ProgramType};
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::program::{ProgramFilter, ProgramRow};
use crate::widgets::input::{Edit, Edited, InputKind, TextInput};
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgramsScreen {
    pub filter: ProgramFilter,
    pub years: Vec<i32>,
    pub rows: Vec<ProgramRow>,
    pub scroll: Scroll,
    /// The search field, while it has focus.
    pub search: Option<TextInput>,
    pub loaded: bool,
    /// The filter the rows were loaded for (the search may be ahead of them).
    pub rows_for: Option<ProgramFilter>,
    /// Enter was pressed before the rows of the latest search arrived: open the first one then.
    pub open_pending: bool,
}

/// Rows: filter line, table, two lines about the selected program.
fn table_area(body: Rect) -> Rect {
    Rect {
        x: body.x,
        y: body.y + 1,
        width: body.width,
        height: body.height.saturating_sub(4),
    }
}

/// The search field, after a `/` on the filter line.
pub fn search_area(body: Rect) -> Rect {
    Rect::new(body.x + 3, body.y, body.width.saturating_sub(4).min(60), 1)
}

pub(super) fn cycle<T: Copy + PartialEq>(current: Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(v) => all
            .iter()
            .position(|x| *x == v)
            .and_then(|i| all.get(i + 1))
            .copied(),
    }
}

impl ProgramsScreen {
    fn height(cx: &Cx) -> usize {
        body_height(table_area(cx.body))
    }

    fn reload(&self) -> Reply {
        Reply::load(Load::Programs(self.filter.clone()))
    }

    fn selected(&self) -> Option<&ProgramRow> {
        self.rows.get(self.scroll.selected)
    }

    fn filters_changed(&mut self) -> Vec<Reply> {
        self.scroll = Scroll::default();
        vec![self.reload()]
    }

    fn edit_search(&mut self, edit: Edit) -> Vec<Reply> {
        let Some(input) = self.search.as_mut() else {
            return Vec::new();
        };
        if input.apply(&edit) == Edited::Changed {
            self.filter.text = input.value().to_string();
            return self.filters_changed();
        }
        Vec::new()
    }

    fn open(&self) -> Vec<Reply> {
        match self.selected() {
            Some(row) => vec![Reply::Push(Box::new(Screen::ProgramDetail(
                ProgramDetailScreen::new(row.program.id),
            )))],
            None => Vec::new(),
        }
    }
}

impl View for ProgramsScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabPrograms).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        if self.search.is_some() {
            (
                vec![Scope::Search, Scope::Text, Scope::List, Scope::Scroll],
                true,
            )
        } else {
            (
                vec![
                    Scope::Programs,
                    Scope::Searchable,
                    Scope::Rows,
                    Scope::List,
                    Scope::Scroll,
                ],
                false,
            )
        }
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = Self::height(cx);
        let len = self.rows.len();
        if self.search.is_some() {
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
                return self.edit_search(edit);
            }
            if let Action::Cmd(Command::Cancel) = action {
                self.search = None;
                if !self.filter.text.is_empty() {
                    self.filter.text.clear();
                    return self.filters_changed();
                }
                return Vec::new();
            }
            if let Action::Cmd(Command::Open) = action {
                self.search = None;
                if self.rows_for.as_ref() != Some(&self.filter) {
                    self.open_pending = true;
                    return Vec::new();
                }
                return self.open();
            }
        }
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Open) => return self.open(),
            Action::Cmd(Command::Search) => {
                self.search =
                    Some(TextInput::new(InputKind::Text, 60).with_value(&self.filter.text));
            }
            Action::Cmd(Command::FilterYear) => {
                self.filter.year = cycle(self.filter.year, &self.years);
                return self.filters_changed();
            }
            Action::Cmd(Command::FilterType) => {
                self.filter.kind = cycle(self.filter.kind, ProgramType::ALL);
                return self.filters_changed();
            }
            Action::Cmd(Command::FilterStatus) => {
                self.filter.status = cycle(self.filter.status, ProgramStatus::ALL);
                return self.filters_changed();
            }
            Action::Cmd(Command::ClearFilters) => {
                self.filter = ProgramFilter::default();
                return self.filters_changed();
            }
            Action::Cmd(Command::New) => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                return vec![Reply::Push(Box::new(Screen::ProgramForm(FormScreen::new(
                    ProgramSpec::new_program(),
                    cx,
                ))))];
            }
            Action::Cmd(Command::Edit) => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                if let Some(row) = self.selected() {
                    return vec![Reply::Push(Box::new(Screen::ProgramForm(FormScreen::new(
                        ProgramSpec::edit(&row.program),
                        cx,
                    ))))];
                }
            }
            Action::Cmd(Command::Delete) => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                if let Some(row) = self.selected() {
                    if row.participants > 0 {
                        return vec![Reply::error(cx.t(Msg::ProgramHasParticipants))];
                    }
                    let p = &row.program;
                    return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                        question: Msg::ConfirmDeleteProgram
                            .fill(cx.lang, &[&p.data.code, &p.data.name]),
                        on_yes: vec![Reply::save(Change::DeleteProgram(p.id, p.stamp.version))],
                    })))];
                }
            }
            Action::Loaded(Loaded::Programs(filter, rows)) if *filter == self.filter => {
                self.rows = rows.clone();
                self.loaded = true;
                self.rows_for = Some(filter.clone());
                self.scroll.clamp(self.rows.len(), height);
                if std::mem::take(&mut self.open_pending) {
                    return self.open();
                }
            }
            Action::Loaded(Loaded::ProgramYears(years)) => self.years = years.clone(),
            Action::Saved(Saved::Deleted(_)) => {
                return vec![Reply::info(cx.t(Msg::Deleted)), self.reload()];
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![
            Effect::Load(Load::Programs(self.filter.clone())),
            Effect::Load(Load::ProgramYears),
        ]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let all = cx.t(Msg::All);
        let year = self
            .filter
            .year
            .map_or_else(|| all.to_string(), |y| y.to_string());
        let kind = self.filter.kind.map_or(all, |k| k.label().text(cx.lang));
        let status = self.filter.status.map_or(all, |s| s.label().text(cx.lang));
        match &self.search {
            Some(input) => {
                buf.set_string(area.x + 1, area.y, "/", theme.header());
                input.render(search_area(area), buf, true, theme);
            }
            None => {
                let key = |c| {
                    crate::app::keymap::key_for(
                        &[Scope::Programs, Scope::Searchable, Scope::Rows],
                        c,
                        cx.lang,
                    )
                };
                let mut line = Msg::ProgramFilters.fill(
                    cx.lang,
                    &[
                        &year,
                        &kind,
                        &status,
                        &key(Command::FilterYear),
                        &key(Command::FilterType),
                        &key(Command::FilterStatus),
                        &key(Command::ClearFilters),
                        &key(Command::Search),
                    ],
                );
                if !self.filter.text.is_empty() {
                    line.push_str("   / ");
                    line.push_str(&self.filter.text);
                }
                put(
                    buf,
                    area.x + 1,
                    area.y,
                    &line,
                    area.width.saturating_sub(2),
                    theme.dim(),
                );
            }
        }
        let table = table_area(area);
        let columns = [
            Column::fixed(cx.t(Msg::ColCode), 14),
            Column::fill(cx.t(Msg::ColName), 1),
            Column::fixed(cx.t(Msg::ColStart), 10),
            Column::fixed(cx.t(Msg::ColJp), 4).right(),
            Column::fixed(cx.t(Msg::ColParticipants), 7).right(),
            Column::fixed(cx.t(Msg::ColStatus), 12),
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                let p = &r.program.data;
                vec![
                    p.code.to_string(),
                    p.name.clone(),
                    date::format(p.start),
                    p.jp.to_string(),
                    r.participants.to_string(),
                    p.status.label().text(cx.lang).to_string(),
                ]
            })
            .collect();
        let filtered = self.filter != ProgramFilter::default();
        let empty = if !self.loaded {
            cx.t(Msg::Loading).to_string()
        } else if filtered {
            cx.t(Msg::ProgramsNoneMatch).to_string()
        } else {
            // The key that adds one, from the keymap table (the list's own scopes, out of the search).
            let new = crate::app::keymap::key_for(
                &[Scope::Programs, Scope::Searchable, Scope::Rows],
                Command::New,
                cx.lang,
            );
            Msg::ProgramsEmpty.fill(cx.lang, &[&new])
        };
        let empty = empty.as_str();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme,
            focused: true,
            empty,
        }
        .render(table, buf);
        let info_y = table.y + table.height;
        let w = area.width.saturating_sub(2);
        if let Some(row) = self.selected() {
            let p = &row.program.data;
            put(buf, area.x + 1, info_y + 1, &p.name, w, theme.header());
            let provider = if p.provider.is_empty() {
                "-"
            } else {
                p.provider.as_str()
            };
            let detail = format!(
                "{} · {} · {}–{} · {} JP · {}",
                p.kind.label().text(cx.lang),
                p.mode.label().text(cx.lang),
                date::format(p.start),
                date::format(p.end),
                p.jp,
                provider
            );
            put(buf, area.x + 1, info_y + 2, &detail, w, theme.dim());
        }
        let count = Msg::ProgramCount.fill(cx.lang, &[&self.rows.len()]);
        put(buf, area.x + 1, info_y, &count, w, theme.dim());
    }

    fn cursor(&self, area: Rect, _cx: &Cx) -> Option<Position> {
        self.search
            .as_ref()
            .map(|input| input.cursor_position(search_area(area)))
    }
}
