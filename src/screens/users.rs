//! Users and roles, for admins: who may use tilik, as what, limited to which OPDs.

use super::confirm::Confirm;
use super::form_screen::{FormScreen, FormSpec};
use super::program_form::options;
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::ids::{OpdId, Version};
use crate::domain::user::{Capability, Role, Username};
use crate::i18n::Msg;
use crate::store::opd::OpdRow;
use crate::store::user::{User, UserInput};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form};
use crate::widgets::input::InputKind;
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct UsersScreen {
    pub rows: Vec<User>,
    pub opds: Vec<OpdRow>,
    pub scroll: Scroll,
    pub loaded: bool,
}

fn table_area(body: Rect) -> Rect {
    Rect {
        height: body.height.saturating_sub(1),
        ..body
    }
}

/// OPD codes (or names when there is no code) of a user's limits.
fn scope_text(opds: &[OpdRow], ids: &[OpdId]) -> String {
    ids.iter()
        .map(|id| {
            opds.iter()
                .find(|o| o.opd.id == *id)
                .map(|o| {
                    if o.opd.code.is_empty() {
                        o.opd.name.clone()
                    } else {
                        o.opd.code.clone()
                    }
                })
                .unwrap_or_else(|| id.to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl View for UsersScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabUsers).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Rows, Scope::List, Scope::Scroll], false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.len();
        if !cx.can(Capability::ManageUsers) {
            return Vec::new();
        }
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::New) => {
                let spec = UserSpec {
                    user: None,
                    opds: self.opds.clone(),
                };
                return vec![Reply::Push(Box::new(Screen::UserForm(FormScreen::new(
                    spec, cx,
                ))))];
            }
            Action::Cmd(Command::Open | Command::Edit) => {
                if let Some(u) = self.rows.get(self.scroll.selected) {
                    let spec = UserSpec {
                        user: Some(u.clone()),
                        opds: self.opds.clone(),
                    };
                    return vec![Reply::Push(Box::new(Screen::UserForm(FormScreen::new(
                        spec, cx,
                    ))))];
                }
            }
            Action::Cmd(Command::Delete) => {
                if let Some(u) = self.rows.get(self.scroll.selected) {
                    let input = UserInput {
                        full_name: u.full_name.clone(),
                        role: u.role,
                        active: !u.active,
                        opds: u.opds.clone(),
                    };
                    let question = if u.active {
                        Msg::ConfirmDisableUser.fill(cx.lang, &[&u.username])
                    } else {
                        Msg::ConfirmEnableUser.fill(cx.lang, &[&u.username])
                    };
                    return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                        question,
                        on_yes: vec![Reply::save(Change::SaveUser(u.id, u.stamp.version, input))],
                    })))];
                }
            }
            Action::Loaded(Loaded::Users(users)) => {
                self.rows = users.clone();
                self.loaded = true;
                self.scroll.clamp(self.rows.len(), height);
            }
            Action::Loaded(Loaded::Opds(opds)) => self.opds = opds.clone(),
            Action::Saved(Saved::User) => {
                return vec![Reply::info(cx.t(Msg::Saved)), Reply::load(Load::Users)];
            }
            Action::Failed(f) => {
                return vec![Reply::error(f.message.clone()), Reply::load(Load::Users)];
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Users), Effect::Load(Load::Opds)]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let table = table_area(area);
        let columns = [
            Column::fixed(cx.t(Msg::ColUsername), 14),
            Column::fill(cx.t(Msg::ColName), 2),
            Column::fixed(cx.t(Msg::ColRole), 11),
            Column::fixed(cx.t(Msg::ColActive), 6),
            Column::fill(cx.t(Msg::ColOpdScope), 1),
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|u| {
                vec![
                    u.username.to_string(),
                    u.full_name.clone(),
                    cx.t(u.role.label()).to_string(),
                    cx.t(if u.active { Msg::Yes } else { Msg::No }).to_string(),
                    if u.opds.is_empty() {
                        cx.t(Msg::All).to_string()
                    } else {
                        scope_text(&self.opds, &u.opds)
                    },
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme: cx.theme,
            focused: true,
            empty: cx.t(Msg::Loading),
        }
        .render(table, buf);
        put(
            buf,
            area.x + 1,
            table.y + table.height,
            &crate::app::keymap::hint(
                Msg::UsersHint,
                &self.scopes().0,
                &[Command::New, Command::Open, Command::Delete],
                cx.lang,
            ),
            area.width.saturating_sub(2),
            cx.theme.dim(),
        );
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserField {
    Account,
    Name,
    Role,
    Active,
    Opds,
}

impl FieldKey for UserField {
    fn key(self) -> &'static str {
        match self {
            UserField::Account => "account",
            UserField::Name => "name",
            UserField::Role => "role",
            UserField::Active => "active",
            UserField::Opds => "opds",
        }
    }
}

/// Adding an account or changing its role, state and OPD limits.
#[derive(Debug, Clone, PartialEq)]
pub struct UserSpec {
    pub user: Option<User>,
    pub opds: Vec<OpdRow>,
}

impl FormSpec for UserSpec {
    type F = UserField;
    const FORM: &'static str = "user";

    fn title(&self, cx: &Cx) -> String {
        match &self.user {
            Some(u) => Msg::UserEditTitle.fill(cx.lang, &[&u.username]),
            None => cx.t(Msg::UserNewTitle).to_string(),
        }
    }

    fn subtitle(&self, cx: &Cx) -> Option<String> {
        Some(cx.t(Msg::UserFormHint).to_string())
    }

    fn build(&self, cx: &Cx) -> Form<UserField> {
        let mut fields = Vec::new();
        if self.user.is_none() {
            fields.push(Field::text(
                UserField::Account,
                cx.t(Msg::ColUsername),
                InputKind::Text,
                32,
                24,
            ));
        }
        fields.extend([
            Field::text(
                UserField::Name,
                cx.t(Msg::ColName),
                InputKind::Text,
                100,
                40,
            ),
            Field::choice(
                UserField::Role,
                cx.t(Msg::ColRole),
                options(&Role::ALL, Role::code, Role::label, cx),
                20,
            ),
            Field::choice(
                UserField::Active,
                cx.t(Msg::ColActive),
                vec![
                    ChoiceOption {
                        code: "1".into(),
                        label: cx.t(Msg::Yes).into(),
                    },
                    ChoiceOption {
                        code: "0".into(),
                        label: cx.t(Msg::No).into(),
                    },
                ],
                20,
            ),
            Field::text(
                UserField::Opds,
                cx.t(Msg::FieldOpdScope),
                InputKind::Text,
                200,
                40,
            ),
        ]);
        let mut form = Form::new(fields);
        match &self.user {
            Some(u) => {
                form.set_text(UserField::Name, &u.full_name);
                form.set_choice(UserField::Role, u.role.code());
                form.set_choice(UserField::Active, if u.active { "1" } else { "0" });
                form.set_text(UserField::Opds, &scope_text(&self.opds, &u.opds));
            }
            None => form.set_choice(UserField::Role, Role::Operator.code()),
        }
        form
    }

    fn record_key(&self) -> String {
        self.user
            .as_ref()
            .map(|u| u.id.to_string())
            .unwrap_or_default()
    }

    fn submit(&self, form: &Form<UserField>, cx: &Cx) -> Result<Change, Vec<(UserField, String)>> {
        let mut errors = Vec::new();
        let mut scope = Vec::new();
        for part in form
            .value(UserField::Opds)
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match self.opds.iter().find(|o| {
                o.opd.code.eq_ignore_ascii_case(part) || o.opd.name.eq_ignore_ascii_case(part)
            }) {
                Some(o) => scope.push(o.opd.id),
                None => errors.push((UserField::Opds, Msg::ErrUnknownOpd.fill(cx.lang, &[&part]))),
            }
        }
        let input = UserInput {
            full_name: crate::text::clean_line(&form.value(UserField::Name)),
            role: Role::from_code(&form.value(UserField::Role)).unwrap_or(Role::Viewer),
            active: form.value(UserField::Active) == "1",
            opds: scope,
        };
        match &self.user {
            Some(u) => {
                if errors.is_empty() {
                    Ok(Change::SaveUser(
                        u.id,
                        self.base().unwrap_or(u.stamp.version),
                        input,
                    ))
                } else {
                    Err(errors)
                }
            }
            None => {
                let account = form.value(UserField::Account);
                let name = Username::parse(account.trim());
                if name.is_err() {
                    errors.insert(
                        0,
                        (
                            UserField::Account,
                            Msg::ErrBadUsername.fill(cx.lang, &[&account]),
                        ),
                    );
                }
                match (name, errors.is_empty()) {
                    (Ok(name), true) => Ok(Change::AddUser(name, input)),
                    _ => Err(errors),
                }
            }
        }
    }

    fn base(&self) -> Option<Version> {
        self.user.as_ref().map(|u| u.stamp.version)
    }

    fn duplicate_field(&self) -> Option<UserField> {
        Some(UserField::Account)
    }
}
