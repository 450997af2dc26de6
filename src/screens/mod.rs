//! Screens of the terminal interface, one module each, plus the dialogs drawn over them.
//!
//! A screen owns its state, turns actions into [`Reply`]s (effects to run, screens to open, dialogs to show),
//! draws itself from its state alone, and says which keymap scopes are active while it is on top.

pub mod activity_form;
pub mod adjudication;
pub mod analysis;
pub mod asn_form;
pub mod asn_list;
pub mod audit;
pub mod confirm;
pub mod conflict;
pub mod cost_form;
pub mod dashboard;
pub mod enrollment_form;
pub mod entry;
pub mod entry_setup;
pub mod form_screen;
pub mod help;
pub mod instruments;
pub mod opd_form;
pub mod opd_list;
pub mod participant;
pub mod picker;
pub mod program_detail;
pub mod program_form;
pub mod programs;
pub mod quality;
pub mod results_form;
pub mod scores;
pub mod text_form;
pub mod users;
pub mod worklist;

use crate::app::action::Action;
use crate::app::effect::Effect;
use crate::app::keymap::Scope;
use crate::domain::user::{Capability, Role};
use crate::i18n::{Lang, Msg};
use crate::widgets::Theme;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// What every screen may know about its surroundings.
#[derive(Debug, Clone)]
pub struct Cx {
    /// Who is at the keyboard (their account).
    pub user: crate::domain::user::Username,
    pub lang: Lang,
    pub today: NaiveDate,
    pub theme: Theme,
    pub role: Role,
    /// The area screens draw in (below the title bar, above the status and help bars).
    pub body: Rect,
}

impl Cx {
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang)
    }

    pub fn can(&self, cap: Capability) -> bool {
        self.role.can(cap)
    }
}

/// How a screen answers an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Effect(Effect),
    /// Open a screen on top of this one.
    Push(Box<Screen>),
    /// Close this screen; the one below refreshes.
    Pop,
    Modal(Box<Modal>),
    Notice(Notice),
    /// Hand an action to the screen on top (a dialog answering the screen that opened it).
    Send(Box<Action>),
}

impl Reply {
    pub fn load(load: crate::app::effect::Load) -> Reply {
        Reply::Effect(Effect::Load(load))
    }

    pub fn save(change: crate::app::effect::Change) -> Reply {
        Reply::Effect(Effect::Save(change))
    }

    pub fn info(text: impl Into<String>) -> Reply {
        Reply::Notice(Notice::info(text))
    }

    pub fn error(text: impl Into<String>) -> Reply {
        Reply::Notice(Notice::error(text))
    }
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            level: Level::Info,
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            level: Level::Error,
        }
    }
}

/// Dialogs, drawn over the screens; the topmost layer takes the keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Help,
    Confirm(confirm::Confirm),
    Picker(picker::Picker),
    Conflict(conflict::ConflictView),
}

/// Every screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Programs(programs::ProgramsScreen),
    ProgramDetail(program_detail::ProgramDetailScreen),
    ProgramForm(form_screen::FormScreen<program_form::ProgramSpec>),
    AsnList(asn_list::AsnListScreen),
    AsnForm(form_screen::FormScreen<asn_form::AsnSpec>),
    OpdList(opd_list::OpdListScreen),
    OpdForm(form_screen::FormScreen<opd_form::OpdSpec>),
    EnrollmentForm(form_screen::FormScreen<enrollment_form::EnrollmentSpec>),
    TextForm(form_screen::FormScreen<text_form::TextSpec>),
    CostForm(form_screen::FormScreen<cost_form::CostSpec>),
    ActivityForm(form_screen::FormScreen<activity_form::ActivitySpec>),
    Audit(audit::AuditScreen),
    AuditHistory(audit::AuditHistoryScreen),
    Users(users::UsersScreen),
    UserForm(form_screen::FormScreen<users::UserSpec>),
    EntrySetup(entry_setup::EntrySetupScreen),
    Entry(Box<entry::EntryScreen>),
    Scores(scores::ScoresScreen),
    Instruments(instruments::InstrumentsScreen),
    Instrument(instruments::InstrumentScreen),
    ItemForm(form_screen::FormScreen<instruments::ItemSpec>),
    InstrumentCopy(form_screen::FormScreen<instruments::CopySpec>),
    Dashboard(dashboard::DashboardScreen),
    Analysis(analysis::AnalysisScreen),
    Adjudication(adjudication::AdjudicationScreen),
    Worklist(worklist::WorklistScreen),
    Participant(participant::ParticipantScreen),
    ActionForm(form_screen::FormScreen<participant::ActionSpec>),
    StepForm(form_screen::FormScreen<participant::StepSpec>),
    CloseActionForm(form_screen::FormScreen<participant::CloseSpec>),
    IndicatorForm(form_screen::FormScreen<results_form::IndicatorSpec>),
    RoiForm(form_screen::FormScreen<results_form::RoiSpec>),
}

macro_rules! each_screen {
    ($self:expr, $s:ident => $body:expr) => {
        match $self {
            Screen::Programs($s) => $body,
            Screen::ProgramDetail($s) => $body,
            Screen::ProgramForm($s) => $body,
            Screen::AsnList($s) => $body,
            Screen::AsnForm($s) => $body,
            Screen::OpdList($s) => $body,
            Screen::OpdForm($s) => $body,
            Screen::EnrollmentForm($s) => $body,
            Screen::TextForm($s) => $body,
            Screen::CostForm($s) => $body,
            Screen::ActivityForm($s) => $body,
            Screen::Audit($s) => $body,
            Screen::AuditHistory($s) => $body,
            Screen::Users($s) => $body,
            Screen::UserForm($s) => $body,
            Screen::EntrySetup($s) => $body,
            Screen::Entry($s) => $body,
            Screen::Scores($s) => $body,
            Screen::Instruments($s) => $body,
            Screen::Instrument($s) => $body,
            Screen::ItemForm($s) => $body,
            Screen::InstrumentCopy($s) => $body,
            Screen::Dashboard($s) => $body,
            Screen::Analysis($s) => $body,
            Screen::Adjudication($s) => $body,
            Screen::Worklist($s) => $body,
            Screen::Participant($s) => $body,
            Screen::ActionForm($s) => $body,
            Screen::StepForm($s) => $body,
            Screen::CloseActionForm($s) => $body,
            Screen::IndicatorForm($s) => $body,
            Screen::RoiForm($s) => $body,
        }
    };
}

/// What each screen provides.
pub trait View {
    fn title(&self, cx: &Cx) -> String;
    /// Active keymap scopes (topmost first, without `Global`), and whether plain characters go to an input.
    fn scopes(&self) -> (Vec<Scope>, bool);
    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply>;
    /// Loads that bring the screen up to date (when first shown, when shown again, when data changed).
    fn refresh(&self) -> Vec<Effect>;
    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx);
    fn cursor(&self, _area: Rect, _cx: &Cx) -> Option<Position> {
        None
    }
    /// Effects that keep unsaved typing (drafts) before the process stops.
    fn keep(&self) -> Vec<Effect> {
        Vec::new()
    }
}

impl View for Screen {
    fn title(&self, cx: &Cx) -> String {
        each_screen!(self, s => s.title(cx))
    }
    fn scopes(&self) -> (Vec<Scope>, bool) {
        each_screen!(self, s => s.scopes())
    }
    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        each_screen!(self, s => s.update(action, cx))
    }
    fn refresh(&self) -> Vec<Effect> {
        each_screen!(self, s => s.refresh())
    }
    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        each_screen!(self, s => s.render(area, buf, cx))
    }
    fn cursor(&self, area: Rect, cx: &Cx) -> Option<Position> {
        each_screen!(self, s => s.cursor(area, cx))
    }
    fn keep(&self) -> Vec<Effect> {
        each_screen!(self, s => s.keep())
    }
}

/// A dialog's answer to an action: the dialog if it stays open, and replies for the screen below.
pub fn modal_update(modal: Modal, action: &Action, cx: &Cx) -> (Option<Modal>, Vec<Reply>) {
    use crate::app::action::Command;
    match modal {
        Modal::Help => match action {
            Action::Cmd(Command::Back | Command::Help | Command::Quit) => (None, Vec::new()),
            _ => (Some(Modal::Help), Vec::new()),
        },
        Modal::Confirm(c) => match action {
            Action::Cmd(Command::Confirm) => (None, c.on_yes),
            Action::Cmd(Command::Cancel | Command::Back) => (None, Vec::new()),
            _ => (Some(Modal::Confirm(c)), Vec::new()),
        },
        Modal::Conflict(view) => match action {
            Action::Cmd(cmd @ (Command::TakeTheirs | Command::KeepMine | Command::Back)) => {
                (None, vec![Reply::Send(Box::new(Action::Cmd(*cmd)))])
            }
            _ => (Some(Modal::Conflict(view)), Vec::new()),
        },
        Modal::Picker(mut p) => {
            let (open, replies) = p.update(action, cx);
            (open.then_some(Modal::Picker(p)), replies)
        }
    }
}
