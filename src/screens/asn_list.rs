//! Finding a person: incremental search by NIP (digits) or name (words), as you type.

use super::asn_form::AsnSpec;
use super::confirm::Confirm;
use super::form_screen::FormScreen;
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved, SearchPurpose};
use crate::app::keymap::Scope;
use crate::domain::nip;
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::asn::AsnRow;
use crate::widgets::input::{Edit, Edited, InputKind, TextInput};
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, PartialEq)]
pub struct AsnListScreen {
    pub query: TextInput,
    /// The search field has focus (it does when the screen opens).
    pub searching: bool,
    pub rows: Vec<AsnRow>,
    pub scroll: Scroll,
    pub loaded: bool,
    /// The query the rows were loaded for (typing may be ahead of them).
    pub rows_for: Option<String>,
    /// Enter was pressed before the rows of the latest query arrived: open the first one then.
    pub open_pending: bool,
}

impl Default for AsnListScreen {
    fn default() -> Self {
        AsnListScreen {
            query: TextInput::new(InputKind::Text, 60),
            searching: true,
            rows: Vec::new(),
            scroll: Scroll::default(),
            loaded: false,
            rows_for: None,
            open_pending: false,
        }
    }
}

/// How many people a search shows at most.
pub const LIMIT: usize = 200;

fn table_area(body: Rect) -> Rect {
    Rect {
        x: body.x,
        y: body.y + 2,
        width: body.width,
        height: body.height.saturating_sub(5),
    }
}

fn search_area(body: Rect, label_width: u16) -> Rect {
    Rect::new(
        body.x + 2 + label_width,
        body.y,
        40.min(body.width.saturating_sub(label_width + 3)),
        1,
    )
}

impl AsnListScreen {
    fn search(&self) -> Reply {
        Reply::load(Load::AsnSearch {
            query: self.query.value().to_string(),
            purpose: SearchPurpose::List,
        })
    }

    fn selected(&self) -> Option<&AsnRow> {
        self.rows.get(self.scroll.selected)
    }

    fn edit_selected(&self, cx: &Cx) -> Vec<Reply> {
        match self.selected() {
            Some(row) => vec![Reply::Push(Box::new(Screen::AsnForm(FormScreen::new(
                AsnSpec::edit(row.id),
                cx,
            ))))],
            None => Vec::new(),
        }
    }
}

impl View for AsnListScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabAsn).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        if self.searching {
            (
                vec![Scope::Search, Scope::Text, Scope::List, Scope::Scroll],
                true,
            )
        } else {
            (
                vec![Scope::Searchable, Scope::Rows, Scope::List, Scope::Scroll],
                false,
            )
        }
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.len();
        if self.searching {
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
                if self.query.apply(&edit) == Edited::Changed {
                    self.scroll = Scroll::default();
                    return vec![self.search()];
                }
                return Vec::new();
            }
            if let Action::Cmd(Command::Cancel) = action {
                self.searching = false;
                return Vec::new();
            }
        }
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Search) => self.searching = true,
            Action::Cmd(Command::Open | Command::Edit) => {
                if self.rows_for.as_deref() != Some(self.query.value()) {
                    self.open_pending = true;
                    return Vec::new();
                }
                return self.edit_selected(cx);
            }
            Action::Cmd(Command::New) => {
                if !cx.can(Capability::EditMasterData) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                return vec![Reply::Push(Box::new(Screen::AsnForm(FormScreen::new(
                    AsnSpec::new_person(),
                    cx,
                ))))];
            }
            Action::Cmd(Command::Delete) => {
                if !cx.can(Capability::EditMasterData) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                if let Some(row) = self.selected() {
                    return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                        question: Msg::ConfirmDeleteAsn
                            .fill(cx.lang, &[&row.name, &nip::display(&row.nip)]),
                        on_yes: vec![Reply::save(Change::DeleteAsn(row.id, row.version))],
                    })))];
                }
            }
            Action::Loaded(Loaded::AsnSearch {
                query,
                purpose: SearchPurpose::List,
                rows,
            }) if query == self.query.value() => {
                self.rows = rows.clone();
                self.loaded = true;
                self.rows_for = Some(query.clone());
                self.scroll.clamp(self.rows.len(), height);
                if std::mem::take(&mut self.open_pending) {
                    return self.edit_selected(cx);
                }
            }
            Action::Saved(Saved::Deleted(_)) => {
                return vec![Reply::info(cx.t(Msg::Deleted)), self.search()];
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::AsnSearch {
            query: self.query.value().to_string(),
            purpose: SearchPurpose::List,
        })]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let label = cx.t(Msg::AsnSearchLabel);
        let label_w = put(buf, area.x + 1, area.y, label, area.width, theme.header());
        self.query
            .render(search_area(area, label_w), buf, self.searching, theme);
        let hint = if self.searching {
            cx.t(Msg::AsnSearchHint).to_string()
        } else {
            crate::app::keymap::hint(
                Msg::AsnListHint,
                &self.scopes().0,
                &[
                    Command::Search,
                    Command::Open,
                    Command::New,
                    Command::Delete,
                ],
                cx.lang,
            )
        };
        let hint = hint.as_str();
        put(
            buf,
            area.x + 1,
            area.y + 1,
            hint,
            area.width.saturating_sub(2),
            theme.dim(),
        );
        let table = table_area(area);
        let columns = [
            Column::fixed(cx.t(Msg::ColNip), 21),
            Column::fill(cx.t(Msg::ColName), 3),
            Column::fill(cx.t(Msg::ColJabatan), 2),
            Column::fixed(cx.t(Msg::ColGolongan), 5),
            Column::fill(cx.t(Msg::ColUnit), 2),
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    nip::display(&r.nip),
                    r.name.clone(),
                    r.jabatan.clone(),
                    r.golongan.clone().unwrap_or_default(),
                    r.opd.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let empty = if !self.loaded {
            cx.t(Msg::Loading).to_string()
        } else if self.query.value().is_empty() {
            let new = crate::app::keymap::key_for(
                &[Scope::Searchable, Scope::Rows],
                Command::New,
                cx.lang,
            );
            Msg::AsnEmpty.fill(cx.lang, &[&new])
        } else {
            cx.t(Msg::AsnNoneMatch).to_string()
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
        let y = table.y + table.height;
        let w = area.width.saturating_sub(2);
        let count = if self.rows.len() >= LIMIT {
            Msg::AsnCountLimited.fill(cx.lang, &[&LIMIT])
        } else {
            Msg::AsnCount.fill(cx.lang, &[&self.rows.len()])
        };
        put(buf, area.x + 1, y, &count, w, theme.dim());
        if let Some(r) = self.selected() {
            put(
                buf,
                area.x + 1,
                y + 1,
                &format!("{} · {}", r.name, r.jabatan),
                w,
                theme.header(),
            );
            let atasan = r.atasan.as_deref().unwrap_or("-");
            let unit = r.opd.as_deref().unwrap_or("-");
            put(
                buf,
                area.x + 1,
                y + 2,
                &Msg::AsnDetailLine.fill(cx.lang, &[&unit, &atasan]),
                w,
                theme.dim(),
            );
        }
    }

    fn cursor(&self, area: Rect, cx: &Cx) -> Option<Position> {
        if !self.searching {
            return None;
        }
        let label_w = u16::try_from(unicode_width::UnicodeWidthStr::width(
            cx.t(Msg::AsnSearchLabel),
        ))
        .unwrap_or(0);
        Some(self.query.cursor_position(search_area(area, label_w)))
    }
}
