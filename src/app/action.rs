//! What can happen to the application: commands from the keymap, typed text, and results of effects.

use super::effect::{Failure, Loaded, Saved};
use crate::widgets::form::LookupKind;

/// A command bound to keys in the keymap table. Screens react to commands, never to key codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    // Everywhere
    Quit,
    ForceQuit,
    Help,
    Back,
    GoPrograms,
    GoEntry,
    GoAnalysis,
    GoWorklist,
    /// Worklist: the next view, only mine, take or give back, cancel; a participant's page.
    NextView,
    Mine,
    TakeWork,
    CancelWork,
    Participant,
    /// A participant's page: a new step, a step done or not, closing an action.
    NewStep,
    PlanFollowups,
    EditRoi,
    KeepAll,
    ToggleDone,
    CloseAction,
    GoInstruments,
    GoAsn,
    GoOpd,
    GoAudit,
    GoUsers,
    // Lists
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Search,
    New,
    Edit,
    Delete,
    // Programs list
    FilterYear,
    FilterType,
    FilterStatus,
    ClearFilters,
    FilterProvider,
    FilterOpd,
    Adjudicate,
    /// Multi-line editor: a new line, and keeping what was written.
    Newline,
    AcceptText,
    OpenEditor,
    /// An evidence note beside the focused answer.
    Note,
    FilterVerified,
    TakeFirst,
    TakeSecond,
    TakeEmpty,
    TypeValue,
    // Program detail
    NextSection,
    PrevSection,
    Enroll,
    AddBehaviour,
    EditProgram,
    Dashboard,
    PrintReport,
    SortNext,
    SwitchInstrument,
    PlanProgram,
    ExportXlsx,
    // Forms
    NextField,
    PrevField,
    Submit,
    Save,
    Pick,
    // Text editing
    CursorLeft,
    CursorRight,
    LineStart,
    LineEnd,
    Backspace,
    DeleteChar,
    ClearField,
    // Entry
    Ditto,
    Copy,
    DiscardForm,
    EnterForms,
    // Dialogs
    Confirm,
    Cancel,
    KeepMine,
    TakeTheirs,
}

/// How the process was asked to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The terminal went away (SIGHUP, or reading it failed).
    Hangup,
    /// SIGTERM or SIGINT.
    Terminate,
}

/// Everything `update` reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Cmd(Command),
    /// A character typed into the focused input.
    Input(char),
    Paste(String),
    Resize(u16, u16),
    Loaded(Loaded),
    Saved(Saved),
    Failed(Failure),
    /// A picker chose a record for the screen below it.
    Picked {
        kind: LookupKind,
        id: i64,
        label: String,
    },
    /// Another process changed the database.
    DataChanged,
    /// The database is busy; this many waits so far (0: no longer).
    Busy(u32),
    /// Time at the keyboard since the previous key, in milliseconds (pauses of a minute or more are
    /// not counted): what the clerks' statistics call time active.
    Active(u32),
    Stop(Stop),
}
