//! Choosing a record by typing: a person by NIP or name, an OPD by name. Used by lookup fields and for
//! enrolling participants one after another.

use super::{Cx, Reply};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Load, Loaded, SearchPurpose};
use crate::domain::ids::{AsnId, ProgramId};
use crate::domain::nip;
use crate::i18n::Msg;
use crate::text::search_key;
use crate::widgets::form::LookupKind;
use crate::widgets::input::{Edit, InputKind, TextInput};
use crate::widgets::table::{Column, DataTable, Scroll};
use crate::widgets::{centered, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Borders, Clear, Widget};

/// What the chosen record is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Fill the focused lookup field of the form below.
    Field,
    /// Enroll each chosen person in this program; the picker stays open for the next.
    Enroll(ProgramId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickRow {
    pub id: i64,
    pub label: String,
    pub detail: String,
    pub extra: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub kind: LookupKind,
    pub purpose: PickFor,
    pub input: TextInput,
    pub rows: Vec<PickRow>,
    /// Every OPD (OPDs are few; they are filtered here, people in the database).
    pub all: Vec<PickRow>,
    pub scroll: Scroll,
    /// People enrolled since the picker opened.
    pub added: usize,
    /// The query the rows were loaded for (typing may be ahead of them).
    pub rows_for: Option<String>,
    /// Enter was pressed before the rows of the latest query arrived: choose when they do.
    pub choose_pending: bool,
}

/// Rows of results the picker shows.
pub const ROWS: usize = 10;

impl Picker {
    pub fn open(kind: LookupKind, purpose: PickFor) -> (Picker, Vec<Reply>) {
        let picker = Picker {
            kind,
            purpose,
            input: TextInput::new(InputKind::Text, 60),
            rows: Vec::new(),
            all: Vec::new(),
            scroll: Scroll::default(),
            added: 0,
            rows_for: None,
            choose_pending: false,
        };
        let load = picker.search();
        (picker, vec![Reply::load(load)])
    }

    fn search(&self) -> Load {
        match self.kind {
            LookupKind::Asn => Load::AsnSearch {
                query: self.input.value().to_string(),
                purpose: SearchPurpose::Picker,
            },
            LookupKind::Opd => Load::Opds,
        }
    }

    fn refilter(&mut self) {
        let key = search_key(self.input.value());
        self.rows = self
            .all
            .iter()
            .filter(|r| key.is_empty() || search_key(&r.label).contains(&key))
            .cloned()
            .collect();
        self.scroll.clamp(self.rows.len(), ROWS);
    }

    fn after_edit(&mut self) -> Vec<Reply> {
        self.scroll = Scroll::default();
        match self.kind {
            LookupKind::Asn => vec![Reply::load(self.search())],
            LookupKind::Opd => {
                self.refilter();
                Vec::new()
            }
        }
    }

    /// Handles an action; returns whether the picker stays open and replies for the screen below.
    pub fn update(&mut self, action: &Action, cx: &Cx) -> (bool, Vec<Reply>) {
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
            let changed = self.input.apply(&edit) == crate::widgets::input::Edited::Changed;
            return (
                true,
                if changed {
                    self.after_edit()
                } else {
                    Vec::new()
                },
            );
        }
        let len = self.rows.len();
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, ROWS),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, ROWS),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(ROWS as isize), len, ROWS),
            Action::Cmd(Command::PageDown) => self.scroll.step(ROWS as isize, len, ROWS),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, ROWS),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, ROWS),
            Action::Cmd(Command::Back) => return (false, Vec::new()),
            Action::Cmd(Command::Open) => {
                if self.kind == LookupKind::Asn
                    && self.rows_for.as_deref() != Some(self.input.value())
                {
                    // Never choose from the rows of an earlier query.
                    self.choose_pending = true;
                    return (true, Vec::new());
                }
                return self.choose(cx);
            }
            Action::Loaded(Loaded::AsnSearch {
                query,
                purpose: SearchPurpose::Picker,
                rows,
            }) if self.kind == LookupKind::Asn && query == self.input.value() => {
                self.rows = rows
                    .iter()
                    .map(|r| PickRow {
                        id: r.id.0,
                        label: r.name.clone(),
                        detail: nip::display(&r.nip),
                        extra: r.opd.clone().unwrap_or_default(),
                    })
                    .collect();
                self.scroll.clamp(self.rows.len(), ROWS);
                self.rows_for = Some(query.clone());
                if std::mem::take(&mut self.choose_pending) {
                    return self.choose(cx);
                }
            }
            Action::Loaded(Loaded::Opds(opds)) if self.kind == LookupKind::Opd => {
                self.all = opds
                    .iter()
                    .filter(|o| o.opd.active_on(cx.today))
                    .map(|o| PickRow {
                        id: o.opd.id.0,
                        label: o.opd.name.clone(),
                        detail: o.opd.code.clone(),
                        extra: String::new(),
                    })
                    .collect();
                self.refilter();
            }
            _ => {}
        }
        (true, Vec::new())
    }

    fn choose(&mut self, cx: &Cx) -> (bool, Vec<Reply>) {
        let Some(row) = self.rows.get(self.scroll.selected).cloned() else {
            return (true, vec![Reply::error(cx.t(Msg::PickerNothing))]);
        };
        match self.purpose {
            PickFor::Field => (
                false,
                vec![Reply::Send(Box::new(Action::Picked {
                    kind: self.kind,
                    id: row.id,
                    label: row.label,
                }))],
            ),
            PickFor::Enroll(program) => {
                self.added += 1;
                self.input.apply(&Edit::Clear);
                let mut replies = vec![Reply::save(Change::Enroll(program, AsnId(row.id)))];
                replies.extend(self.after_edit());
                (true, replies)
            }
        }
    }

    fn area(area: Rect) -> Rect {
        centered(area, 76, u16::try_from(ROWS).unwrap_or(10) + 6)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let r = Self::area(area);
        Clear.render(r, buf);
        let title = match (self.kind, self.purpose) {
            (LookupKind::Asn, PickFor::Enroll(_)) => {
                Msg::PickerEnrollTitle.fill(cx.lang, &[&self.added])
            }
            (LookupKind::Asn, PickFor::Field) => cx.t(Msg::PickerAsnTitle).to_string(),
            (LookupKind::Opd, _) => cx.t(Msg::PickerOpdTitle).to_string(),
        };
        Block::default()
            .borders(Borders::ALL)
            .title(format!(" {title} "))
            .render(r, buf);
        let x = r.x + 2;
        let w = r.width.saturating_sub(4);
        let prompt = cx.t(match self.kind {
            LookupKind::Asn => Msg::PickerAsnPrompt,
            LookupKind::Opd => Msg::PickerOpdPrompt,
        });
        let used = put(buf, x, r.y + 1, prompt, w, cx.theme.label());
        let input_area = Rect::new(x + used + 1, r.y + 1, w.saturating_sub(used + 1), 1);
        self.input.render(input_area, buf, true, cx.theme);
        let columns = match self.kind {
            LookupKind::Asn => vec![
                Column::fixed(cx.t(Msg::ColNip), 21),
                Column::fill(cx.t(Msg::ColName), 3),
                Column::fill(cx.t(Msg::ColUnit), 2),
            ],
            LookupKind::Opd => vec![
                Column::fill(cx.t(Msg::ColName), 4),
                Column::fixed(cx.t(Msg::ColCode), 12),
            ],
        };
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|p| match self.kind {
                LookupKind::Asn => vec![p.detail.clone(), p.label.clone(), p.extra.clone()],
                LookupKind::Opd => vec![p.label.clone(), p.detail.clone()],
            })
            .collect();
        let table_area = Rect::new(
            r.x + 1,
            r.y + 3,
            r.width.saturating_sub(2),
            u16::try_from(ROWS).unwrap_or(10) + 1,
        );
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme: cx.theme,
            focused: true,
            empty: cx.t(Msg::PickerEmpty),
        }
        .render(table_area, buf);
    }

    pub fn cursor(&self, area: Rect, cx: &Cx) -> Position {
        let r = Self::area(area);
        let x = r.x + 2;
        let prompt = cx.t(match self.kind {
            LookupKind::Asn => Msg::PickerAsnPrompt,
            LookupKind::Opd => Msg::PickerOpdPrompt,
        });
        let used = u16::try_from(unicode_width::UnicodeWidthStr::width(prompt)).unwrap_or(0);
        let w = r.width.saturating_sub(4);
        self.input.cursor_position(Rect::new(
            x + used + 1,
            r.y + 1,
            w.saturating_sub(used + 1),
            1,
        ))
    }
}
