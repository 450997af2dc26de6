//! The follow-up worklist: observations and supervisor interviews due this week or overdue (or all
//! open, or done), and the steps of follow-up actions; by program, OPD and evaluator. Enter goes
//! straight into the right entry form with the participant chosen.

use super::entry::EntryScreen;
use super::participant::ParticipantScreen;
use super::picker::{PickFor, Picker};
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::{self, Scope};
use crate::domain::date;
use crate::domain::followup::Due;
use crate::domain::ids::OpdId;
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::followup::{Work, WorkFilter, WorkItem, WorkView};
use crate::store::response::Batch;
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorklistScreen {
    pub filter: WorkFilter,
    /// The name of the OPD filtered by.
    pub opd_name: Option<String>,
    pub rows: Option<Vec<WorkItem>>,
    pub scroll: Scroll,
}

fn table_area(body: Rect) -> Rect {
    Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(4),
        ..body
    }
}

pub fn state_label(d: Due) -> Msg {
    d.label()
}

fn view_label(v: WorkView) -> Msg {
    match v {
        WorkView::Due => Msg::WorkViewDue,
        WorkView::Open => Msg::WorkViewOpen,
        WorkView::Done => Msg::WorkViewDone,
        WorkView::All => Msg::All,
    }
}

/// A one-column mark of a line's state (the hint line explains them).
pub fn state_mark(d: Due) -> &'static str {
    match d {
        Due::Overdue => "!",
        Due::ThisWeek => "•",
        Due::Later => " ",
        Due::Done => "✓",
        Due::Cancelled => "×",
    }
}

/// What a line asks for, in words.
pub fn work_text(w: &WorkItem, cx: &Cx) -> String {
    match &w.what {
        Work::Form {
            instrument, phase, ..
        } => format!(
            "{instrument} {}",
            super::participant::short_phase(*phase, cx)
        ),
        Work::Step { kind, title, .. } => format!("{}: {title}", cx.t(kind.label())),
    }
}

impl WorklistScreen {
    fn selected(&self) -> Option<&WorkItem> {
        self.rows.as_ref()?.get(self.scroll.selected)
    }

    fn reload(&mut self) -> Vec<Reply> {
        self.rows = None;
        self.scroll = Scroll::default();
        vec![Reply::load(Load::Worklist(self.filter.clone()))]
    }

    fn open(&self, cx: &Cx) -> Vec<Reply> {
        let Some(w) = self.selected() else {
            return Vec::new();
        };
        match &w.what {
            Work::Form {
                instrument, phase, ..
            } => {
                if !cx.can(Capability::EnterData) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                if w.state == Due::Done {
                    return vec![Reply::error(cx.t(Msg::WorkAlreadyDone))];
                }
                let batch = Batch {
                    program: Some(w.program),
                    instrument: instrument.clone(),
                    phase: *phase,
                };
                vec![Reply::Push(Box::new(Screen::Entry(Box::new(
                    EntryScreen::for_person(batch, w.program_code.clone(), w.asn),
                ))))]
            }
            Work::Step { .. } => self.participant(),
        }
    }

    fn participant(&self) -> Vec<Reply> {
        match self.selected() {
            Some(w) => vec![Reply::Push(Box::new(Screen::Participant(
                ParticipantScreen::new(w.program, w.asn),
            )))],
            None => Vec::new(),
        }
    }
}

impl View for WorklistScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabWorklist).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Worklist, Scope::List, Scope::Scroll], false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.as_ref().map_or(0, Vec::len);
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Open) => return self.open(cx),
            Action::Cmd(Command::Participant) => return self.participant(),
            Action::Cmd(Command::NextView) => {
                self.filter.view = match self.filter.view {
                    WorkView::Due => WorkView::Open,
                    WorkView::Open => WorkView::Done,
                    WorkView::Done => WorkView::All,
                    WorkView::All => WorkView::Due,
                };
                return self.reload();
            }
            Action::Cmd(Command::Mine) => {
                self.filter.evaluator = match self.filter.evaluator {
                    Some(_) => None,
                    None => Some(cx.user.to_string()),
                };
                return self.reload();
            }
            Action::Cmd(Command::FilterOpd) => {
                let (picker, mut replies) =
                    Picker::open(crate::widgets::form::LookupKind::Opd, PickFor::Field);
                replies.insert(0, Reply::Modal(Box::new(Modal::Picker(picker))));
                return replies;
            }
            Action::Picked {
                kind: crate::widgets::form::LookupKind::Opd,
                id,
                label,
            } => {
                self.filter.opd = Some(OpdId(*id));
                self.opd_name = Some(label.clone());
                return self.reload();
            }
            Action::Cmd(Command::ClearFilters) => {
                self.filter = WorkFilter::default();
                self.opd_name = None;
                return self.reload();
            }
            Action::Cmd(Command::TakeWork) => {
                if !(cx.can(Capability::EnterData) || cx.can(Capability::EditPrograms)) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                let Some(w) = self.selected() else {
                    return Vec::new();
                };
                let Work::Form { id, .. } = w.what else {
                    return vec![Reply::error(cx.t(Msg::WorkOnlyForms))];
                };
                let me = cx.user.to_string();
                let who = if w.evaluator.as_deref() == Some(me.as_str()) {
                    None
                } else {
                    Some(me)
                };
                return vec![Reply::save(Change::AssignFollowup(id, who))];
            }
            Action::Cmd(Command::CancelWork) => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                let Some(w) = self.selected() else {
                    return Vec::new();
                };
                let Work::Form { id, .. } = w.what else {
                    return vec![Reply::error(cx.t(Msg::WorkOnlyForms))];
                };
                if w.state == Due::Done {
                    return vec![Reply::error(cx.t(Msg::WorkAlreadyDone))];
                }
                if w.state == Due::Cancelled {
                    return vec![Reply::save(Change::CancelFollowup(id, false))];
                }
                // Cancelling drops someone's planned form: ask first (restoring does not).
                let what = work_text(w, cx);
                return vec![Reply::Modal(Box::new(Modal::Confirm(
                    super::confirm::Confirm {
                        question: Msg::ConfirmCancelWork.fill(cx.lang, &[&what, &w.name]),
                        on_yes: vec![Reply::save(Change::CancelFollowup(id, true))],
                    },
                )))];
            }
            Action::Saved(Saved::Followup(_)) => {
                return vec![Reply::load(Load::Worklist(self.filter.clone()))];
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            Action::Loaded(Loaded::Worklist(filter, rows)) if *filter == self.filter => {
                self.rows = Some(rows.clone());
                self.scroll.clamp(rows.len(), height);
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Worklist(self.filter.clone()))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        let unit = self
            .opd_name
            .clone()
            .unwrap_or_else(|| cx.t(Msg::AllUnits).to_string());
        let mine = if self.filter.evaluator.is_some() {
            cx.t(Msg::WorkMine)
        } else {
            cx.t(Msg::WorkEveryone)
        };
        put(
            buf,
            area.x + 1,
            area.y,
            &Msg::WorkFilterLine.fill(
                cx.lang,
                &[
                    &cx.t(view_label(self.filter.view)),
                    &unit,
                    &mine,
                    &keymap::key_for(&self.scopes().0, Command::NextView, cx.lang),
                    &keymap::key_for(&self.scopes().0, Command::FilterOpd, cx.lang),
                    &keymap::key_for(&self.scopes().0, Command::Mine, cx.lang),
                ],
            ),
            w,
            theme.dim(),
        );
        let columns = [
            Column::fixed("", 1),
            Column::fixed(cx.t(Msg::ColDate), 10),
            Column::fixed(cx.t(Msg::SetupProgram), 14),
            Column::fill(cx.t(Msg::ColParticipant), 1),
            Column::fill(cx.t(Msg::WorkWhat), 1),
            Column::fixed(cx.t(Msg::WorkWho), 10),
        ];
        let rows = self.rows.as_deref().unwrap_or_default();
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    state_mark(r.state).to_string(),
                    date::format(r.due),
                    r.program_code.clone(),
                    r.name.clone(),
                    work_text(r, cx),
                    r.evaluator.clone().unwrap_or_else(|| "-".into()),
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
            empty: &if self.rows.is_some() {
                Msg::WorkNone.fill(
                    cx.lang,
                    &[&keymap::key_for(
                        &self.scopes().0,
                        Command::NextView,
                        cx.lang,
                    )],
                )
            } else {
                cx.t(Msg::Loading).to_string()
            },
        }
        .render(table, buf);
        if self.rows.as_ref().is_some_and(Vec::is_empty) && table.height > 2 {
            // Where follow-ups come from: the program page's key, from the keymap table.
            let plan = keymap::key_for(
                &[
                    Scope::ProgramDetail,
                    Scope::Rows,
                    Scope::List,
                    Scope::Scroll,
                ],
                Command::PlanFollowups,
                cx.lang,
            );
            put(
                buf,
                table.x + 2,
                table.y + 2,
                &Msg::WorkPlanHint.fill(cx.lang, &[&plan]),
                table.width.saturating_sub(2),
                theme.dim(),
            );
        }
        let foot = table.y + table.height;
        let overdue = rows.iter().filter(|r| r.state == Due::Overdue).count();
        let week = rows.iter().filter(|r| r.state == Due::ThisWeek).count();
        put(
            buf,
            area.x + 1,
            foot,
            &Msg::WorkSummary.fill(cx.lang, &[&rows.len(), &overdue, &week]),
            w,
            if overdue > 0 {
                theme.error()
            } else {
                theme.base()
            },
        );
        if let Some(sel) = self.selected() {
            put(
                buf,
                area.x + 1,
                foot + 1,
                &format!(
                    "{} · {} · {}",
                    crate::domain::nip::display(&sel.nip),
                    sel.name,
                    sel.opd
                ),
                w,
                theme.dim(),
            );
        }
        put(
            buf,
            area.x + 1,
            foot + 2,
            &keymap::hint(
                Msg::WorkHint,
                &self.scopes().0,
                &[Command::Open, Command::Participant, Command::TakeWork],
                cx.lang,
            ),
            w,
            theme.dim(),
        );
    }
}
