//! The audit trail: every change, filtered by table, account and dates; a record's whole history.

use super::{Cx, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Effect, Load, Loaded};
use crate::app::keymap::Scope;
use crate::domain::date;
use crate::i18n::Msg;
use crate::store::audit::{AuditFilter, AuditRow, changed_fields};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form, FormEdit};
use crate::widgets::input::{Edit, InputKind};
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// The audited tables and what people call them.
pub const TABLES: &[(&str, Msg)] = &[
    ("program", Msg::EntityProgram),
    ("enrollment", Msg::EntityEnrollment),
    ("asn", Msg::EntityAsn),
    ("opd", Msg::EntityOpd),
    ("objective", Msg::EntityObjective),
    ("behaviour", Msg::EntityBehaviour),
    ("cost_line", Msg::EntityCostLine),
    ("provider", Msg::EntityProvider),
    ("asn_unit", Msg::EntityUnitHistory),
    ("app_user", Msg::EntityUser),
    ("user_opd", Msg::EntityUserOpd),
    ("instrument", Msg::EntityInstrument),
    ("response", Msg::EntityResponse),
    ("answer", Msg::EntityAnswer),
    ("test_score", Msg::EntityScore),
    ("discrepancy", Msg::EntityDiscrepancy),
    ("activity", Msg::EntityActivity),
    ("program_followup", Msg::EntityProgramFollowup),
    ("followup", Msg::EntityFollowup),
    ("action", Msg::EntityAction),
    ("action_step", Msg::EntityActionStep),
];

pub fn table_label(table: &str, cx: &Cx) -> String {
    TABLES
        .iter()
        .find(|(t, _)| *t == table)
        .map_or_else(|| table.to_string(), |(_, m)| cx.t(*m).to_string())
}

pub fn op_label(op: &str, cx: &Cx) -> String {
    match op {
        "insert" => cx.t(Msg::OpInsert).to_string(),
        "update" => cx.t(Msg::OpUpdate).to_string(),
        "delete" => cx.t(Msg::OpDelete).to_string(),
        other => other.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Table,
    User,
    From,
    To,
}

impl FieldKey for FilterField {
    fn key(self) -> &'static str {
        match self {
            FilterField::Table => "table",
            FilterField::User => "user",
            FilterField::From => "from",
            FilterField::To => "to",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuditScreen {
    pub filter: AuditFilter,
    pub form: Option<Form<FilterField>>,
    pub rows: Vec<AuditRow>,
    pub scroll: Scroll,
    pub loaded: bool,
    /// The filter form has the focus.
    pub filtering: bool,
}

impl Default for AuditScreen {
    fn default() -> Self {
        AuditScreen {
            filter: AuditFilter {
                limit: LIMIT,
                ..AuditFilter::default()
            },
            form: None,
            rows: Vec::new(),
            scroll: Scroll::default(),
            loaded: false,
            filtering: false,
        }
    }
}

/// Rows shown at most (newest first).
pub const LIMIT: usize = 500;

fn filter_form(cx: &Cx, f: &AuditFilter) -> Form<FilterField> {
    let mut tables = vec![ChoiceOption {
        code: String::new(),
        label: cx.t(Msg::All).to_string(),
    }];
    tables.extend(TABLES.iter().map(|(code, label)| ChoiceOption {
        code: (*code).to_string(),
        label: cx.t(*label).to_string(),
    }));
    let mut form = Form::new(vec![
        Field::choice(FilterField::Table, cx.t(Msg::ColTable), tables, 24),
        Field::text(
            FilterField::User,
            cx.t(Msg::ColUsername),
            InputKind::Text,
            32,
            24,
        ),
        Field::text(
            FilterField::From,
            cx.t(Msg::FilterFrom),
            InputKind::Date,
            10,
            12,
        ),
        Field::text(
            FilterField::To,
            cx.t(Msg::FilterTo),
            InputKind::Date,
            10,
            12,
        ),
    ]);
    form.set_choice(FilterField::Table, f.table.as_deref().unwrap_or(""));
    form.set_text(FilterField::User, f.username.as_deref().unwrap_or(""));
    form.set_text(
        FilterField::From,
        &f.from.map(date::format).unwrap_or_default(),
    );
    form.set_text(FilterField::To, &f.to.map(date::format).unwrap_or_default());
    form
}

const FORM_ROWS: u16 = 4;

fn table_area(body: Rect) -> Rect {
    Rect {
        x: body.x,
        y: body.y + FORM_ROWS + 1,
        width: body.width,
        height: body.height.saturating_sub(FORM_ROWS + 2),
    }
}

fn form_area(body: Rect) -> Rect {
    Rect {
        height: FORM_ROWS,
        ..body
    }
}

impl AuditScreen {
    fn form(&self, cx: &Cx) -> Form<FilterField> {
        self.form
            .clone()
            .unwrap_or_else(|| filter_form(cx, &self.filter))
    }

    /// Reads the filter form; a date that does not parse is shown as an error and nothing is loaded.
    fn apply(&mut self, cx: &Cx) -> Vec<Reply> {
        let mut form = self.form(cx);
        let text = |f: FilterField| form.value(f).trim().to_string();
        let table = Some(text(FilterField::Table)).filter(|s| !s.is_empty());
        let username = Some(text(FilterField::User)).filter(|s| !s.is_empty());
        let mut errors = Vec::new();
        let mut day = |f: FilterField| match crate::domain::opd::optional_date(&form.value(f)) {
            Ok(d) => d,
            Err(p) => {
                errors.push((f, crate::i18n::Localize::localize(&p, cx.lang)));
                None
            }
        };
        let (from, to) = (day(FilterField::From), day(FilterField::To));
        if !errors.is_empty() {
            form.set_errors(errors);
            self.form = Some(form);
            return vec![Reply::error(cx.t(Msg::ProblemDate))];
        }
        self.filter = AuditFilter {
            table,
            row_id: None,
            username,
            from,
            to,
            limit: LIMIT,
        };
        self.form = Some(form);
        self.filtering = false;
        self.scroll = Scroll::default();
        vec![Reply::load(Load::Audit(self.filter.clone()))]
    }
}

impl View for AuditScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabAudit).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        if self.filtering {
            (vec![Scope::Search, Scope::Form, Scope::Text], true)
        } else {
            (vec![Scope::Searchable, Scope::List, Scope::Scroll], false)
        }
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.len();
        if self.filtering {
            let mut form = self.form(cx);
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
            let replies = match (edit, action) {
                (Some(edit), _) => match form.edit(&edit) {
                    FormEdit::Refused(c) => {
                        vec![Reply::error(Msg::KeyNotAllowed.fill(cx.lang, &[&c]))]
                    }
                    _ => Vec::new(),
                },
                (None, Action::Cmd(Command::NextField)) => {
                    form.next();
                    Vec::new()
                }
                (None, Action::Cmd(Command::PrevField)) => {
                    form.prev();
                    Vec::new()
                }
                (None, Action::Cmd(Command::Open | Command::Submit | Command::Save)) => {
                    self.form = Some(form);
                    return self.apply(cx);
                }
                (None, Action::Cmd(Command::Cancel | Command::Back)) => {
                    self.filtering = false;
                    Vec::new()
                }
                _ => Vec::new(),
            };
            self.form = Some(form);
            return replies;
        }
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Search) => {
                self.form = Some(self.form(cx));
                self.filtering = true;
            }
            Action::Cmd(Command::Open) => {
                if let Some(r) = self.rows.get(self.scroll.selected) {
                    return vec![Reply::Push(Box::new(Screen::AuditHistory(
                        AuditHistoryScreen::new(&r.table, r.row_id),
                    )))];
                }
            }
            Action::Loaded(Loaded::Audit(filter, rows)) if *filter == self.filter => {
                self.rows = rows.clone();
                self.loaded = true;
                self.scroll.clamp(self.rows.len(), height);
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Audit(self.filter.clone()))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        self.form(cx)
            .render_with(form_area(area), buf, cx.theme, self.filtering);
        let hint = if self.filtering {
            crate::app::keymap::hint(
                Msg::AuditFilterHint,
                &self.scopes().0,
                &[Command::NextField, Command::Open, Command::Cancel],
                cx.lang,
            )
        } else {
            crate::app::keymap::hint(
                Msg::AuditListHint,
                &self.scopes().0,
                &[Command::Search, Command::Open],
                cx.lang,
            )
        };
        let hint = hint.as_str();
        put(
            buf,
            area.x + 1,
            area.y + FORM_ROWS,
            hint,
            area.width.saturating_sub(2),
            cx.theme.dim(),
        );
        let table = table_area(area);
        let columns = [
            Column::fixed(cx.t(Msg::ColAt), 16),
            Column::fixed(cx.t(Msg::ColUsername), 10),
            Column::fixed(cx.t(Msg::ColTable), 14),
            Column::fixed(cx.t(Msg::ColRow), 6).right(),
            Column::fixed(cx.t(Msg::ColOp), 6),
            Column::fill(cx.t(Msg::ColChanges), 1),
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    date::format_stamp(&r.at),
                    r.username.clone(),
                    table_label(&r.table, cx),
                    r.row_id.to_string(),
                    op_label(&r.op, cx),
                    changed_fields(r.old.as_deref(), r.new.as_deref()).join(", "),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme: cx.theme,
            focused: !self.filtering,
            empty: if self.loaded {
                cx.t(Msg::AuditEmpty)
            } else {
                cx.t(Msg::Loading)
            },
        }
        .render(table, buf);
        let count = if self.rows.len() >= LIMIT {
            Msg::AuditCountLimited.fill(cx.lang, &[&LIMIT])
        } else {
            Msg::AuditCount.fill(cx.lang, &[&self.rows.len()])
        };
        put(
            buf,
            area.x + 1,
            table.y + table.height,
            &count,
            area.width.saturating_sub(2),
            cx.theme.dim(),
        );
    }

    fn cursor(&self, area: Rect, _cx: &Cx) -> Option<Position> {
        if !self.filtering {
            return None;
        }
        self.form.as_ref().and_then(|f| f.cursor(form_area(area)))
    }
}

/// One record's history, oldest change first, with every field's old and new value.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditHistoryScreen {
    pub table: String,
    pub row_id: i64,
    pub rows: Vec<AuditRow>,
    pub scroll: Scroll,
}

impl AuditHistoryScreen {
    pub fn new(table: &str, row_id: i64) -> AuditHistoryScreen {
        AuditHistoryScreen {
            table: table.to_string(),
            row_id,
            rows: Vec::new(),
            scroll: Scroll::default(),
        }
    }

    fn filter(&self) -> AuditFilter {
        AuditFilter {
            table: Some(self.table.clone()),
            row_id: Some(self.row_id),
            limit: 10_000,
            ..AuditFilter::default()
        }
    }

    /// The history as lines of at most `width` columns; a long changed value is cut around what changed.
    fn lines(&self, cx: &Cx, width: usize) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for r in self.rows.iter().rev() {
            out.push((
                format!(
                    "{} · {} · {}",
                    date::format_stamp(&r.at),
                    r.username,
                    op_label(&r.op, cx)
                ),
                true,
            ));
            let parse = |s: &Option<String>| -> serde_json::Map<String, serde_json::Value> {
                s.as_deref()
                    .and_then(|s| serde_json::from_str(s).ok())
                    .unwrap_or_default()
            };
            let (old, new) = (parse(&r.old), parse(&r.new));
            for field in changed_fields(r.old.as_deref(), r.new.as_deref()) {
                let show = |v: Option<&serde_json::Value>| match v {
                    None | Some(serde_json::Value::Null) => "—".to_string(),
                    // NIPs read grouped here as everywhere on screen.
                    Some(serde_json::Value::String(s)) if field == "nip" => {
                        crate::domain::nip::display(s)
                    }
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(other) => other.to_string(),
                };
                let line = match r.op.as_str() {
                    "insert" => format!("    {field}: {}", show(new.get(&field))),
                    "delete" => format!("    {field}: {}", show(old.get(&field))),
                    _ => {
                        let room = width.saturating_sub(field.chars().count() + 9) / 2;
                        let (was, now) = crate::screens::conflict::around_difference(
                            &show(old.get(&field)),
                            &show(new.get(&field)),
                            room,
                        );
                        format!("    {field}: {was} → {now}")
                    }
                };
                out.push((line, false));
            }
        }
        out
    }
}

impl View for AuditHistoryScreen {
    fn title(&self, cx: &Cx) -> String {
        Msg::AuditHistoryTitle.fill(cx.lang, &[&table_label(&self.table, cx), &self.row_id])
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Scroll], false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = usize::from(cx.body.height.saturating_sub(1));
        let width = usize::from(cx.body.width.saturating_sub(2));
        let len = self.lines(cx, width).len();
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            Action::Loaded(Loaded::Audit(filter, rows)) if *filter == self.filter() => {
                self.rows = rows.clone();
                let len = self.lines(cx, width).len();
                self.scroll.clamp(len, height);
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Audit(self.filter()))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        put(
            buf,
            area.x + 1,
            area.y,
            &self.title(cx),
            area.width.saturating_sub(2),
            cx.theme.header(),
        );
        let lines = self.lines(cx, usize::from(area.width.saturating_sub(2)));
        let height = usize::from(area.height.saturating_sub(1));
        let offset = self.scroll.view_offset(height);
        for (i, (line, strong)) in lines.iter().enumerate().skip(offset).take(height) {
            let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
            let style = if i == self.scroll.selected {
                cx.theme.selected()
            } else if *strong {
                cx.theme.header()
            } else {
                cx.theme.base()
            };
            put(
                buf,
                area.x + 1,
                y,
                line,
                area.width.saturating_sub(2),
                style,
            );
        }
    }
}
