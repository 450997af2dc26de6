//! Settling what two blind keyings of a form disagree on: the adjudicator (who keyed neither) looks at
//! the paper and takes the first value, the second, or types what the paper says.

use super::{Cx, Reply, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::instrument::Item;
use crate::domain::problem::Problem;
use crate::domain::user::Capability;
use crate::i18n::{Localize, Msg};
use crate::store::verification::DiscrepancyRow;
use crate::widgets::input::{Edit, Edited, InputKind, TextInput};
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AdjudicationScreen {
    pub rows: Option<Vec<(DiscrepancyRow, Option<Item>)>>,
    pub scroll: Scroll,
    /// The value on paper being typed, when typing.
    pub typing: Option<TextInput>,
    /// A decision was sent and not yet answered.
    pub saving: bool,
}

fn table_area(body: Rect) -> Rect {
    Rect {
        y: body.y + 2,
        height: body.height.saturating_sub(9),
        ..body
    }
}

/// A stored value as the clerk would read it: the code and its label.
fn shown(value: Option<&str>, item: Option<&Item>, cx: &Cx) -> String {
    match value {
        None => cx.t(Msg::EmptyValue).to_string(),
        Some(v) => match item.and_then(|i| i.label_of(v)) {
            Some(label) if label != v => format!("{v} = {label}"),
            _ => v.to_string(),
        },
    }
}

impl AdjudicationScreen {
    fn selected(&self) -> Option<&(DiscrepancyRow, Option<Item>)> {
        self.rows.as_ref()?.get(self.scroll.selected)
    }

    /// Sends the decision for the selected discrepancy, after checking it as the entry screen would.
    fn decide(&mut self, value: Option<String>, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::Adjudicate) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        // Whether the adjudicator keyed the form is the store's to say (it knows who is at the keyboard).
        let Some((row, item)) = self.selected().cloned() else {
            return Vec::new();
        };
        let value = match (value, &item) {
            (None, _) => None,
            (Some(v), Some(item)) => match item.parse_answer(&v, v.contains(',')) {
                Ok(v) => v,
                Err(e) => return vec![Reply::error(Problem::from(&e).localize(cx.lang))],
            },
            (Some(v), None) => Some(v),
        };
        self.typing = None;
        self.saving = true;
        vec![Reply::save(Change::ResolveDiscrepancy {
            id: row.id,
            version: row.version,
            value,
        })]
    }
}

impl View for AdjudicationScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::AdjudicationTitle).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        if self.typing.is_some() {
            (vec![Scope::AdjudicationValue, Scope::Text], true)
        } else {
            (vec![Scope::Adjudication, Scope::Scroll], false)
        }
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.as_ref().map_or(0, Vec::len);
        if let Some(input) = &mut self.typing {
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
                if let Edited::Refused(c) = input.apply(&edit) {
                    return vec![Reply::error(Msg::KeyNotAllowed.fill(cx.lang, &[&c]))];
                }
                return Vec::new();
            }
            match action {
                Action::Cmd(Command::Submit) => {
                    let typed = input.value().trim().to_string();
                    if typed.is_empty() {
                        return vec![Reply::error(cx.t(Msg::AdjudicationTypeSomething))];
                    }
                    return self.decide(Some(typed), cx);
                }
                Action::Cmd(Command::Cancel | Command::Back) => {
                    self.typing = None;
                    return Vec::new();
                }
                _ => {}
            }
        }
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => {
                self.scroll.select(len.saturating_sub(1), len, height);
            }
            Action::Cmd(Command::TakeFirst) if !self.saving => {
                let value = self.selected().and_then(|(r, _)| r.first_value.clone());
                return match value {
                    Some(v) => self.decide(Some(v), cx),
                    None if self.selected().is_some() => self.decide(None, cx),
                    None => Vec::new(),
                };
            }
            Action::Cmd(Command::TakeSecond) if !self.saving => {
                let value = self.selected().and_then(|(r, _)| r.second_value.clone());
                return match value {
                    Some(v) => self.decide(Some(v), cx),
                    None if self.selected().is_some() => self.decide(None, cx),
                    None => Vec::new(),
                };
            }
            Action::Cmd(Command::TakeEmpty) if !self.saving && self.selected().is_some() => {
                return self.decide(None, cx);
            }
            Action::Cmd(Command::TypeValue) if !self.saving && self.selected().is_some() => {
                self.typing = Some(TextInput::new(InputKind::Text, 200));
            }
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            Action::Loaded(Loaded::Discrepancies(rows)) => {
                self.rows = Some(rows.clone());
                self.scroll.clamp(rows.len(), height);
            }
            Action::Saved(Saved::Discrepancy) if self.saving => {
                self.saving = false;
                return vec![
                    Reply::info(cx.t(Msg::AdjudicationSaved)),
                    Reply::load(Load::Discrepancies),
                ];
            }
            Action::Failed(f) if self.saving => {
                // Refused (one's own keying) or changed by someone else meanwhile: say so, show the list anew.
                self.saving = false;
                return vec![
                    Reply::error(f.message.clone()),
                    Reply::load(Load::Discrepancies),
                ];
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Discrepancies)]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        put(
            buf,
            area.x + 1,
            area.y,
            cx.t(Msg::AdjudicationTitle),
            w,
            theme.header(),
        );
        let Some(rows) = &self.rows else {
            put(
                buf,
                area.x + 1,
                area.y + 2,
                cx.t(Msg::Loading),
                w,
                theme.dim(),
            );
            return;
        };
        put(
            buf,
            area.x + 1,
            area.y + 1,
            &Msg::AdjudicationCount.fill(cx.lang, &[&rows.len()]),
            w,
            theme.dim(),
        );
        let columns = [
            Column::fixed(cx.t(Msg::SetupProgram), 14),
            Column::fixed(cx.t(Msg::ColInstrument), 11),
            Column::fill(cx.t(Msg::ColRespondent), 1),
            Column::fixed(cx.t(Msg::ColItem), 5),
            Column::fixed(cx.t(Msg::ColFirstValue), 7),
            Column::fixed(cx.t(Msg::ColSecondValue), 7),
        ];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|(r, _)| {
                vec![
                    r.program.clone().unwrap_or_else(|| "-".into()),
                    r.instrument.clone(),
                    crate::domain::nip::display(&r.respondent),
                    r.item.clone(),
                    r.first_value
                        .clone()
                        .unwrap_or_else(|| cx.t(Msg::EmptyValue).into()),
                    r.second_value
                        .clone()
                        .unwrap_or_else(|| cx.t(Msg::EmptyValue).into()),
                ]
            })
            .collect();
        let table = table_area(area);
        DataTable {
            columns: &columns,
            rows: &cells,
            scroll: self.scroll,
            theme,
            focused: true,
            empty: cx.t(Msg::AdjudicationNone),
        }
        .render(table, buf);
        // The selected one in full: the question, both values with their labels, who keyed them.
        let y = table.y + table.height + 1;
        if let Some((r, item)) = self.selected() {
            let question = item.as_ref().map_or_else(String::new, |i| i.text.clone());
            put(
                buf,
                area.x + 1,
                y,
                &format!("{} {}", r.item, question),
                w,
                theme.header(),
            );
            put(
                buf,
                area.x + 1,
                y + 1,
                &Msg::AdjudicationFirst.fill(
                    cx.lang,
                    &[
                        &shown(r.first_value.as_deref(), item.as_ref(), cx),
                        &r.first_keyer,
                    ],
                ),
                w,
                theme.base(),
            );
            put(
                buf,
                area.x + 1,
                y + 2,
                &Msg::AdjudicationSecond.fill(
                    cx.lang,
                    &[
                        &shown(r.second_value.as_deref(), item.as_ref(), cx),
                        &r.second_keyer,
                    ],
                ),
                w,
                theme.base(),
            );
        }
        match &self.typing {
            Some(input) => {
                let prompt = cx.t(Msg::AdjudicationPrompt);
                let used =
                    u16::try_from(unicode_width::UnicodeWidthStr::width(prompt)).unwrap_or(0);
                put(buf, area.x + 1, y + 4, prompt, w, theme.header());
                input.render(
                    Rect::new(area.x + 2 + used, y + 4, w.saturating_sub(used + 1), 1),
                    buf,
                    true,
                    theme,
                );
            }
            None => {
                put(
                    buf,
                    area.x + 1,
                    y + 4,
                    &crate::app::keymap::hint(
                        Msg::AdjudicationHint,
                        &self.scopes().0,
                        &[
                            Command::TakeFirst,
                            Command::TakeSecond,
                            Command::TypeValue,
                            Command::TakeEmpty,
                            Command::Back,
                        ],
                        cx.lang,
                    ),
                    w,
                    theme.dim(),
                );
            }
        }
    }

    fn cursor(&self, area: Rect, cx: &Cx) -> Option<Position> {
        let input = self.typing.as_ref()?;
        let table = table_area(area);
        let y = table.y + table.height + 1 + 4;
        let used = u16::try_from(unicode_width::UnicodeWidthStr::width(
            cx.t(Msg::AdjudicationPrompt),
        ))
        .unwrap_or(0);
        let w = area.width.saturating_sub(2);
        Some(input.cursor_position(Rect::new(
            area.x + 2 + used,
            y,
            w.saturating_sub(used + 1),
            1,
        )))
    }
}
