//! The city's OPDs, with the dates they exist and how many ASN they have.

use super::confirm::Confirm;
use super::form_screen::FormScreen;
use super::opd_form::OpdSpec;
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::date;
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::opd::OpdRow;
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OpdListScreen {
    pub rows: Vec<OpdRow>,
    pub scroll: Scroll,
    pub loaded: bool,
}

fn table_area(body: Rect) -> Rect {
    Rect {
        height: body.height.saturating_sub(1),
        ..body
    }
}

impl OpdListScreen {
    fn selected(&self) -> Option<&OpdRow> {
        self.rows.get(self.scroll.selected)
    }
}

impl View for OpdListScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabOpd).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Rows, Scope::List, Scope::Scroll], false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.len();
        let may_edit = cx.can(Capability::EditMasterData);
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::New | Command::Open | Command::Edit | Command::Delete)
                if !may_edit =>
            {
                return vec![Reply::error(cx.t(Msg::NotAllowed))];
            }
            Action::Cmd(Command::New) => {
                return vec![Reply::Push(Box::new(Screen::OpdForm(FormScreen::new(
                    OpdSpec::new_opd(),
                    cx,
                ))))];
            }
            Action::Cmd(Command::Open | Command::Edit) => {
                if let Some(row) = self.selected() {
                    return vec![Reply::Push(Box::new(Screen::OpdForm(FormScreen::new(
                        OpdSpec::edit(&row.opd),
                        cx,
                    ))))];
                }
            }
            Action::Cmd(Command::Delete) => {
                if let Some(row) = self.selected() {
                    if row.asn_count > 0 {
                        return vec![Reply::error(
                            Msg::OpdHasAsn.fill(cx.lang, &[&row.asn_count]),
                        )];
                    }
                    return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                        question: Msg::ConfirmDeleteOpd.fill(cx.lang, &[&row.opd.name]),
                        on_yes: vec![Reply::save(Change::DeleteOpd(
                            row.opd.id,
                            row.opd.stamp.version,
                        ))],
                    })))];
                }
            }
            Action::Loaded(Loaded::Opds(rows)) => {
                self.rows = rows.clone();
                self.loaded = true;
                self.scroll.clamp(self.rows.len(), height);
            }
            Action::Saved(Saved::Deleted(_)) => {
                return vec![Reply::info(cx.t(Msg::Deleted)), Reply::load(Load::Opds)];
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Opds)]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let table = table_area(area);
        let columns = [
            Column::fixed(cx.t(Msg::ColCode), 11),
            Column::fill(cx.t(Msg::ColName), 1),
            Column::fixed(cx.t(Msg::ColKind), 11),
            Column::fixed(cx.t(Msg::ColValidity), 21),
            Column::fixed(cx.t(Msg::ColAsnCount), 7).right(),
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                let o = &r.opd;
                let validity = match (o.valid_from, o.valid_to) {
                    (None, None) => "-".to_string(),
                    (from, None) => format!("{} –", date::format_opt(from)),
                    (from, to) => format!("{}–{}", date::format_opt(from), date::format_opt(to)),
                };
                vec![
                    o.code.clone(),
                    o.name.clone(),
                    o.kind.label().text(cx.lang).to_string(),
                    validity,
                    r.asn_count.to_string(),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme: cx.theme,
            focused: true,
            empty: &if self.loaded {
                Msg::OpdEmpty.fill(
                    cx.lang,
                    &[&crate::app::keymap::key_for(
                        &self.scopes().0,
                        Command::New,
                        cx.lang,
                    )],
                )
            } else {
                cx.t(Msg::Loading).to_string()
            },
        }
        .render(table, buf);
        let inactive = self
            .rows
            .iter()
            .filter(|r| !r.opd.active_on(cx.today))
            .count();
        let count = Msg::OpdCount.fill(cx.lang, &[&self.rows.len(), &inactive]);
        put(
            buf,
            area.x + 1,
            table.y + table.height,
            &count,
            area.width.saturating_sub(2),
            cx.theme.dim(),
        );
    }
}
