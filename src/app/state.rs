//! The application state and `update`, the one place where actions change it.

use super::action::{Action, Command, Stop};
use super::effect::Effect;
use super::keymap::{KeyContext, Scope};
use crate::domain::user::Capability;
use crate::domain::user::{Role, Username};
use crate::i18n::{Lang, Msg};
use crate::screens::{
    Cx, Modal, Notice, Reply, Screen, View, analysis, asn_list, audit, entry_setup, instruments,
    opd_list, programs, users, worklist,
};
use crate::widgets::Theme;
use chrono::NaiveDate;
use ratatui::layout::Rect;

/// The sections reachable from anywhere with 1, 2, 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Programs,
    Entry,
    Worklist,
    Analysis,
    Asn,
    Opd,
    Instruments,
    Audit,
    Users,
}

impl Tab {
    pub const ALL: [Tab; 9] = [
        Tab::Programs,
        Tab::Entry,
        Tab::Worklist,
        Tab::Analysis,
        Tab::Asn,
        Tab::Opd,
        Tab::Instruments,
        Tab::Audit,
        Tab::Users,
    ];

    pub fn label(self) -> Msg {
        match self {
            Tab::Programs => Msg::TabPrograms,
            Tab::Entry => Msg::TabEntry,
            Tab::Worklist => Msg::TabWorklist,
            Tab::Analysis => Msg::TabAnalysis,
            Tab::Asn => Msg::TabAsn,
            Tab::Opd => Msg::TabOpd,
            Tab::Instruments => Msg::TabInstruments,
            Tab::Audit => Msg::TabAudit,
            Tab::Users => Msg::TabUsers,
        }
    }

    /// The label in a narrow title bar (80 columns with every tab).
    pub fn short_label(self) -> Msg {
        match self {
            Tab::Instruments => Msg::TabInstrumentsShort,
            Tab::Users => Msg::TabUsersShort,
            Tab::Asn => Msg::TabAsnShort,
            other => other.label(),
        }
    }

    /// The key that opens the tab (its number in the title bar).
    pub fn key(self) -> char {
        match self {
            Tab::Programs => '1',
            Tab::Entry => '2',
            Tab::Worklist => '3',
            Tab::Analysis => '4',
            Tab::Asn => '5',
            Tab::Opd => '6',
            Tab::Instruments => '7',
            Tab::Audit => '8',
            Tab::Users => '9',
        }
    }

    /// The tab a command goes to.
    pub fn of(command: Command) -> Option<Tab> {
        Some(match command {
            Command::GoPrograms => Tab::Programs,
            Command::GoEntry => Tab::Entry,
            Command::GoAnalysis => Tab::Analysis,
            Command::GoWorklist => Tab::Worklist,
            Command::GoAsn => Tab::Asn,
            Command::GoOpd => Tab::Opd,
            Command::GoInstruments => Tab::Instruments,
            Command::GoAudit => Tab::Audit,
            Command::GoUsers => Tab::Users,
            _ => return None,
        })
    }

    /// Whether a role sees the tab at all.
    pub fn open_to(self, role: Role) -> bool {
        match self {
            Tab::Entry => role.can(Capability::EnterData) || role.can(Capability::VerifyData),
            Tab::Analysis => role.can(Capability::ViewReports),
            Tab::Worklist => role.can(Capability::EnterData) || role.can(Capability::ViewReports),
            Tab::Audit => role.can(Capability::ViewAudit),
            Tab::Users => role.can(Capability::ManageUsers),
            _ => true,
        }
    }

    fn root(self) -> Screen {
        match self {
            Tab::Programs => Screen::Programs(programs::ProgramsScreen::default()),
            Tab::Entry => Screen::EntrySetup(entry_setup::EntrySetupScreen::default()),
            Tab::Analysis => Screen::Analysis(analysis::AnalysisScreen::default()),
            Tab::Worklist => Screen::Worklist(worklist::WorklistScreen::default()),
            Tab::Asn => Screen::AsnList(asn_list::AsnListScreen::default()),
            Tab::Opd => Screen::OpdList(opd_list::OpdListScreen::default()),
            Tab::Instruments => Screen::Instruments(instruments::InstrumentsScreen::default()),
            Tab::Audit => Screen::Audit(audit::AuditScreen::default()),
            Tab::Users => Screen::Users(users::UsersScreen::default()),
        }
    }
}

/// The area between the title bar and the two bottom bars of a frame.
pub fn body_of(area: Rect) -> Rect {
    Rect {
        x: area.x,
        y: area.y + 1,
        width: area.width,
        height: area.height.saturating_sub(3),
    }
}

/// The smallest terminal tilik draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: Theme,
    pub user: Username,
    pub role: Role,
    pub size: (u16, u16),
    pub tab: Tab,
    /// Screens, the root of the current tab first. Never empty.
    pub stack: Vec<Screen>,
    /// Dialogs over the screens, topmost last.
    pub modals: Vec<Modal>,
    pub notice: Option<Notice>,
    /// The database has been busy for this many waits (shown while it lasts).
    pub busy: u32,
    pub quit: bool,
}

impl State {
    /// A fresh session on the programs screen, with the loads it needs first.
    pub fn new(
        lang: Lang,
        today: NaiveDate,
        theme: Theme,
        user: Username,
        role: Role,
        size: (u16, u16),
    ) -> (State, Vec<Effect>) {
        let root = Tab::Programs.root();
        let effects = root.refresh();
        let state = State {
            lang,
            today,
            theme,
            user,
            role,
            size,
            tab: Tab::Programs,
            stack: vec![root],
            modals: Vec::new(),
            notice: None,
            busy: 0,
            quit: false,
        };
        (state, effects)
    }

    /// The area between the title bar and the two bottom bars.
    pub fn body(&self) -> Rect {
        let (w, h) = self.size;
        body_of(Rect::new(0, 0, w, h))
    }

    pub fn cx(&self) -> Cx {
        Cx {
            user: self.user.clone(),
            lang: self.lang,
            today: self.today,
            theme: self.theme,
            role: self.role,
            body: self.body(),
        }
    }

    pub fn top(&self) -> Option<&Screen> {
        self.stack.last()
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// Where keys go now (the first phase of key resolution).
    pub fn key_context(&self) -> KeyContext {
        match self.modals.last() {
            Some(Modal::Help) => KeyContext {
                scopes: vec![Scope::Help],
                typing: false,
            },
            Some(Modal::Confirm(_)) => KeyContext {
                scopes: vec![Scope::Confirm],
                typing: false,
            },
            Some(Modal::Conflict(_)) => KeyContext {
                scopes: vec![Scope::Conflict],
                typing: false,
            },
            Some(Modal::Picker(_)) => KeyContext {
                scopes: vec![
                    Scope::Picker,
                    Scope::Text,
                    Scope::List,
                    Scope::Scroll,
                    Scope::Global,
                ],
                typing: true,
            },
            None => self.screen_context(),
        }
    }

    /// The context of the screen alone (what the `?` overlay explains).
    pub fn screen_context(&self) -> KeyContext {
        let (mut scopes, typing) = self.top().map(View::scopes).unwrap_or_default();
        scopes.push(Scope::Global);
        KeyContext { scopes, typing }
    }

    fn has_form(&self) -> bool {
        self.stack.iter().any(|s| {
            matches!(
                s,
                Screen::ProgramForm(_)
                    | Screen::AsnForm(_)
                    | Screen::OpdForm(_)
                    | Screen::EnrollmentForm(_)
                    | Screen::TextForm(_)
                    | Screen::CostForm(_)
                    | Screen::ActivityForm(_)
                    | Screen::ActionForm(_)
                    | Screen::StepForm(_)
                    | Screen::CloseActionForm(_)
                    | Screen::IndicatorForm(_)
                    | Screen::RoiForm(_)
                    | Screen::UserForm(_)
                    | Screen::ItemForm(_)
                    | Screen::InstrumentCopy(_)
            )
        })
    }
}

fn is_key(action: &Action) -> bool {
    matches!(action, Action::Cmd(_) | Action::Input(_) | Action::Paste(_))
}

/// Applies an action to the state and says what should happen outside it. Pure: no I/O.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    if is_key(&action) {
        state.notice = None;
    }
    match action {
        Action::Resize(w, h) => {
            state.size = (w, h);
            return Vec::new();
        }
        Action::Busy(n) => {
            state.busy = n;
            return Vec::new();
        }
        Action::Stop(stop) => return stop_now(state, stop),
        Action::Cmd(Command::ForceQuit) => return stop_now(state, Stop::Terminate),
        Action::DataChanged => {
            return state.top().map(View::refresh).unwrap_or_default();
        }
        _ => {}
    }
    let cx = state.cx();
    let for_dialog = is_key(&action) || matches!(action, Action::Loaded(_));
    if for_dialog && let Some(modal) = state.modals.pop() {
        let (keep, mut replies) = crate::screens::modal_update(modal, &action, &cx);
        if let Some(m) = keep {
            state.modals.push(m);
        }
        if let Action::Loaded(_) = action {
            for screen in &mut state.stack {
                replies.extend(screen.update(&action, &cx));
            }
        }
        return apply(state, replies);
    }
    match action {
        Action::Cmd(Command::Help) => {
            state.modals.push(Modal::Help);
            Vec::new()
        }
        Action::Cmd(Command::Quit) if state.stack.len() <= 1 => {
            state.quit = true;
            vec![Effect::Quit]
        }
        Action::Cmd(Command::Quit) => route(state, &Action::Cmd(Command::Back), &cx),
        Action::Cmd(cmd) if Tab::of(cmd).is_some() => {
            let tab = Tab::of(cmd).unwrap_or(Tab::Programs);
            if !tab.open_to(state.role) {
                state.notice = Some(Notice::error(Msg::NotAllowed.text(state.lang)));
                return Vec::new();
            }
            if state.has_form() {
                state.notice = Some(Notice::error(Msg::FinishFormFirst.text(state.lang)));
                return Vec::new();
            }
            state.tab = tab;
            let root = tab.root();
            let effects = root.refresh();
            state.stack = vec![root];
            effects
        }
        Action::Loaded(_) => {
            // Every screen gets loads: a list below a form may be waiting for the same data.
            let mut replies = Vec::new();
            for screen in &mut state.stack {
                replies.extend(screen.update(&action, &cx));
            }
            apply(state, replies)
        }
        other => route(state, &other, &cx),
    }
}

fn route(state: &mut State, action: &Action, cx: &Cx) -> Vec<Effect> {
    let replies = match state.stack.last_mut() {
        Some(top) => top.update(action, cx),
        None => Vec::new(),
    };
    apply(state, replies)
}

fn stop_now(state: &mut State, _stop: Stop) -> Vec<Effect> {
    state.quit = true;
    let mut effects: Vec<Effect> = state.stack.iter().flat_map(View::keep).collect();
    effects.push(Effect::Quit);
    effects
}

/// Carries out screen replies: navigation and dialogs here, effects returned for the runtime.
fn apply(state: &mut State, replies: Vec<Reply>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for reply in replies {
        match reply {
            Reply::Effect(e) => effects.push(e),
            Reply::Push(screen) => {
                effects.extend(screen.refresh());
                state.stack.push(*screen);
            }
            Reply::Pop => {
                if state.stack.len() > 1 {
                    state.stack.pop();
                    effects.extend(state.top().map(View::refresh).unwrap_or_default());
                }
            }
            Reply::Modal(m) => state.modals.push(*m),
            Reply::Notice(n) => state.notice = Some(n),
            Reply::Send(action) => effects.extend(update(state, *action)),
        }
    }
    effects
}
