//! The keymap: one table that both dispatches keys and writes the help bar and the `?` overlay.
//!
//! Resolution happens once per key, in two phases (as in atuin): the state says which scopes are active
//! (topmost layer first), then the first binding in those scopes that matches the key wins. A focused input
//! receives plain characters before any binding is consulted, so typing `q` into a name never quits.

use super::action::{Action, Command};
use crate::i18n::{Lang, Msg};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    /// Opening the selected row of a list.
    List,
    /// Moving in a list or a long page.
    Scroll,
    /// Adding, changing and deleting the rows of a list.
    Rows,
    /// A list that can be searched with `/`.
    Searchable,
    /// A list's search field has focus.
    Search,
    Form,
    /// A field filled from a picker has focus.
    Lookup,
    /// A text input has focus (editing keys).
    Text,
    Programs,
    ProgramDetail,
    /// Keying a form's items.
    Entry,
    /// Choosing a form's respondent.
    EntryRespondent,
    /// The score grid.
    Grid,
    /// The instruments list.
    Instruments,
    /// A program's dashboard.
    Dashboard,
    /// Comparisons, 20 JP and needs: moving between the sections.
    Analysis,
    /// Programs side by side: filters and order.
    Compare,
    /// The 20 JP section.
    Jp,
    /// Recording learning activities of people (below an OPD in the 20 JP section).
    Activities,
    /// The training needs section.
    Needs,
    /// The verification section of the analysis tab.
    Verification,
    /// The clerks' statistics section.
    Operators,
    /// Settling discrepancies between two keyings.
    Adjudication,
    /// Writing a long answer or a note in the multi-line editor.
    Editor,
    /// The follow-up worklist.
    Worklist,
    /// A program's recommendations on its dashboard.
    Advice,
    /// A participant's page.
    ParticipantPage,
    /// Typing the value on paper for a discrepancy.
    AdjudicationValue,
    Help,
    Confirm,
    Picker,
    Conflict,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// How the key is written in help: `Ctrl-S`, `Enter`, `↑`, `q`.
    pub fn label(self, lang: Lang) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => Msg::KeySpace.text(lang).to_string(),
            KeyCode::Char(ch) => ch.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else if self.mods.contains(KeyModifiers::SHIFT)
            && !matches!(self.code, KeyCode::Char(_) | KeyCode::BackTab)
        {
            format!("Shift-{base}")
        } else {
            base
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        let mods = event.modifiers - KeyModifiers::SHIFT;
        match (self.code, event.code) {
            // Characters carry their own case; Shift is part of the character.
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                let wanted = self.mods - KeyModifiers::SHIFT;
                if wanted.contains(KeyModifiers::CONTROL) {
                    mods == wanted && a.eq_ignore_ascii_case(&b)
                } else {
                    mods == wanted && a == b
                }
            }
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (KeyCode::Tab, KeyCode::BackTab) => false,
            (a, b) => a == b && self.mods == event.modifiers,
        }
    }
}

/// One row of the table.
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    pub help: Msg,
    /// Shown in the bottom bar (all bindings are in the `?` overlay).
    pub main: bool,
}

const fn b(scope: Scope, keys: &'static [Key], command: Command, help: Msg, main: bool) -> Binding {
    Binding {
        scope,
        keys,
        command,
        help,
        main,
    }
}

use Command as C;
use KeyCode as K;
use Scope as S;

/// Every key binding of tilik, topmost layers first. One row per command and scope.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // Dialogs: the top layer when open.
    b(S::Help, &[k(K::Esc), c('?'), k(K::F(1)), c('q'), k(K::Enter)], C::Back, Msg::HelpClose, true),
    b(S::Confirm, &[c('y'), c('Y'), k(K::Enter)], C::Confirm, Msg::HelpYes, true),
    b(S::Confirm, &[c('n'), c('N'), k(K::Esc)], C::Cancel, Msg::HelpNo, true),
    b(S::Conflict, &[c('t'), c('T')], C::TakeTheirs, Msg::HelpTakeTheirs, true),
    b(S::Conflict, &[c('s'), c('S')], C::KeepMine, Msg::HelpKeepMine, true),
    b(S::Conflict, &[k(K::Esc)], C::Back, Msg::HelpBackToForm, true),
    b(S::Picker, &[k(K::Enter)], C::Open, Msg::HelpChoose, true),
    b(S::Picker, &[k(K::Esc)], C::Back, Msg::HelpClose, true),
    // A list's search field.
    b(S::Search, &[k(K::Enter)], C::Open, Msg::HelpOpen, true),
    b(S::Search, &[k(K::Esc)], C::Cancel, Msg::HelpEndSearch, true),
    // Entering paper forms.
    b(S::EntryRespondent, &[k(K::Enter)], C::Submit, Msg::HelpChooseRespondent, true),
    b(S::EntryRespondent, &[k(K::Down), k(K::Tab)], C::NextField, Msg::HelpNextCandidate, false),
    b(S::EntryRespondent, &[k(K::Up), k(K::BackTab)], C::PrevField, Msg::HelpPrevCandidate, false),
    b(S::EntryRespondent, &[k(K::Esc)], C::Back, Msg::HelpLeaveEntry, true),
    b(S::Entry, &[k(K::Enter)], C::Submit, Msg::HelpEntryNext, true),
    b(S::Entry, &[k(K::Tab), k(K::Down)], C::NextField, Msg::HelpNextField, false),
    b(S::Entry, &[k(K::BackTab), k(K::Up)], C::PrevField, Msg::HelpPrevField, false),
    b(S::Entry, &[ctrl('s'), k(K::F(10))], C::Save, Msg::HelpSaveForm, true),
    b(S::Entry, &[k(K::F(3))], C::Ditto, Msg::HelpDitto, true),
    b(S::Entry, &[k(K::F(4))], C::Note, Msg::HelpNote, false),
    b(S::Entry, &[k(K::F(2))], C::OpenEditor, Msg::HelpOpenEditor, false),
    b(S::Editor, &[k(K::Tab), k(K::F(2)), ctrl('s')], C::AcceptText, Msg::HelpAcceptText, true),
    b(S::Editor, &[k(K::Enter)], C::Newline, Msg::HelpNewline, true),
    b(S::Editor, &[k(K::Esc)], C::Cancel, Msg::HelpCancelText, true),
    b(S::Editor, &[k(K::Up)], C::Up, Msg::HelpUp, false),
    b(S::Editor, &[k(K::Down)], C::Down, Msg::HelpDown, false),
    b(S::Entry, &[ctrl('d')], C::DiscardForm, Msg::HelpDiscardForm, false),
    b(S::Entry, &[k(K::Esc)], C::Back, Msg::HelpLeaveEntry, true),
    b(S::Grid, &[k(K::Enter), k(K::Down)], C::Down, Msg::HelpGridDown, true),
    b(S::Grid, &[k(K::Up)], C::Up, Msg::HelpUp, false),
    b(S::Grid, &[k(K::Tab), k(K::BackTab)], C::NextField, Msg::HelpGridOther, true),
    b(S::Grid, &[k(K::PageUp)], C::PageUp, Msg::HelpPageUp, false),
    b(S::Grid, &[k(K::PageDown)], C::PageDown, Msg::HelpPageDown, false),
    b(S::Grid, &[k(K::Esc)], C::Back, Msg::HelpBack, true),
    b(S::Instruments, &[c('c')], C::Copy, Msg::HelpCopyInstrument, true),
    b(S::Analysis, &[k(K::Tab), k(K::Right), c('l')], C::NextSection, Msg::HelpNextSection, true),
    b(S::Analysis, &[k(K::BackTab), k(K::Left), c('h')], C::PrevSection, Msg::HelpPrevSection, false),
    b(S::Compare, &[c('y')], C::FilterYear, Msg::HelpFilterYear, false),
    b(S::Compare, &[c('t')], C::FilterType, Msg::HelpFilterType, false),
    b(S::Compare, &[c('v')], C::FilterProvider, Msg::HelpFilterProvider, false),
    b(S::Compare, &[c('u')], C::FilterOpd, Msg::HelpFilterOpd, false),
    b(S::Compare, &[c('x')], C::ClearFilters, Msg::HelpClearFilters, false),
    b(S::Compare, &[c('o')], C::SortNext, Msg::HelpSortNext, true),
    b(S::Jp, &[c('y')], C::FilterYear, Msg::HelpFilterYear, true),
    b(S::Activities, &[c('n')], C::New, Msg::HelpNewActivity, true),
    b(S::Activities, &[c('d'), k(K::Delete)], C::Delete, Msg::HelpDeleteActivity, true),
    b(S::Needs, &[c('i')], C::SwitchInstrument, Msg::HelpSwitchInstrument, true),
    b(S::Verification, &[c('a')], C::Adjudicate, Msg::HelpAdjudicate, true),
    b(S::ParticipantPage, &[k(K::Tab), k(K::Right), c('l')], C::NextSection, Msg::HelpNextSection, true),
    b(S::ParticipantPage, &[k(K::BackTab), k(K::Left), c('h')], C::PrevSection, Msg::HelpPrevSection, false),
    b(S::ParticipantPage, &[c('n')], C::New, Msg::HelpNewAction, true),
    b(S::ParticipantPage, &[c('t')], C::NewStep, Msg::HelpNewStep, true),
    b(S::ParticipantPage, &[c(' ')], C::ToggleDone, Msg::HelpToggleDone, true),
    b(S::ParticipantPage, &[c('e')], C::Edit, Msg::HelpEdit, false),
    b(S::ParticipantPage, &[c('s')], C::CloseAction, Msg::HelpCloseAction, false),
    b(S::ParticipantPage, &[c('d'), k(K::Delete)], C::Delete, Msg::HelpDeleteStep, false),
    b(S::Worklist, &[c('w')], C::NextView, Msg::HelpNextView, true),
    b(S::Worklist, &[c('m')], C::Mine, Msg::HelpMine, true),
    b(S::Worklist, &[c('p')], C::Participant, Msg::HelpParticipant, true),
    b(S::Worklist, &[c('a')], C::TakeWork, Msg::HelpTakeWork, false),
    b(S::Worklist, &[c('u')], C::FilterOpd, Msg::HelpFilterOpd, false),
    b(S::Worklist, &[c('x')], C::ClearFilters, Msg::HelpClearFilters, false),
    b(S::Worklist, &[c('c')], C::CancelWork, Msg::HelpCancelWork, false),
    b(S::Operators, &[c('y')], C::FilterYear, Msg::HelpPeriod, true),
    b(S::Adjudication, &[c('a')], C::TakeFirst, Msg::HelpTakeFirst, true),
    b(S::Adjudication, &[c('b')], C::TakeSecond, Msg::HelpTakeSecond, true),
    b(S::Adjudication, &[c('e')], C::TypeValue, Msg::HelpTypeValue, true),
    b(S::Adjudication, &[c('x')], C::TakeEmpty, Msg::HelpTakeEmpty, false),
    b(S::AdjudicationValue, &[k(K::Enter)], C::Submit, Msg::HelpSaveValue, true),
    b(S::AdjudicationValue, &[k(K::Esc)], C::Cancel, Msg::HelpCancelValue, true),
    b(S::Needs, &[c('p')], C::PlanProgram, Msg::HelpPlanProgram, true),
    // Forms.
    b(S::Lookup, &[k(K::F(2)), k(K::Enter)], C::Pick, Msg::HelpPick, true),
    b(S::Form, &[k(K::Tab), k(K::Down)], C::NextField, Msg::HelpNextField, true),
    b(S::Form, &[k(K::BackTab), k(K::Up)], C::PrevField, Msg::HelpPrevField, false),
    b(S::Form, &[k(K::Enter)], C::Submit, Msg::HelpSubmit, false),
    b(S::Form, &[ctrl('s'), k(K::F(10))], C::Save, Msg::HelpSave, true),
    b(S::Form, &[k(K::Esc)], C::Back, Msg::HelpCancelForm, true),
    // Text editing.
    b(S::Text, &[k(K::Left)], C::CursorLeft, Msg::HelpCursor, false),
    b(S::Text, &[k(K::Right)], C::CursorRight, Msg::HelpCursor, false),
    b(S::Text, &[k(K::Home), ctrl('a')], C::LineStart, Msg::HelpLineStart, false),
    b(S::Text, &[k(K::End), ctrl('e')], C::LineEnd, Msg::HelpLineEnd, false),
    b(S::Text, &[k(K::Backspace)], C::Backspace, Msg::HelpBackspace, false),
    b(S::Text, &[k(K::Delete)], C::DeleteChar, Msg::HelpDelete, false),
    b(S::Text, &[ctrl('u')], C::ClearField, Msg::HelpClearField, false),
    // Screens.
    b(S::Programs, &[c('y')], C::FilterYear, Msg::HelpFilterYear, false),
    b(S::Programs, &[c('t')], C::FilterType, Msg::HelpFilterType, false),
    b(S::Programs, &[c('s')], C::FilterStatus, Msg::HelpFilterStatus, false),
    b(S::Programs, &[c('x')], C::ClearFilters, Msg::HelpClearFilters, false),
    b(S::ProgramDetail, &[k(K::Tab), k(K::Right), c('l')], C::NextSection, Msg::HelpNextSection, true),
    b(S::ProgramDetail, &[k(K::BackTab), k(K::Left), c('h')], C::PrevSection, Msg::HelpPrevSection, false),
    b(S::ProgramDetail, &[c('r')], C::Dashboard, Msg::HelpDashboard, true),
    b(S::ProgramDetail, &[c('v')], C::FilterVerified, Msg::HelpFilterVerified, false),
    b(S::ProgramDetail, &[c('p')], C::Participant, Msg::HelpParticipant, false),
    b(S::ProgramDetail, &[c('t')], C::PlanFollowups, Msg::HelpPlanFollowups, false),
    b(S::ProgramDetail, &[c('i')], C::EditRoi, Msg::HelpEditRoi, false),
    b(S::ProgramDetail, &[c('f')], C::EnterForms, Msg::HelpEnterForms, true),
    b(S::Dashboard, &[k(K::Tab), k(K::Right), c('l')], C::NextSection, Msg::HelpNextSection, true),
    b(S::Dashboard, &[k(K::BackTab), k(K::Left), c('h')], C::PrevSection, Msg::HelpPrevSection, false),
    b(S::Advice, &[c('s')], C::KeepAll, Msg::HelpKeepAll, true),
    b(S::Advice, &[c('n')], C::New, Msg::HelpNewRecommendation, true),
    b(S::Advice, &[c('e')], C::Edit, Msg::HelpEdit, true),
    b(S::Advice, &[c('d')], C::Delete, Msg::HelpDeleteRow, false),
    b(S::Dashboard, &[c('p')], C::PrintReport, Msg::HelpPrintReport, true),
    b(S::Dashboard, &[c('x')], C::ExportXlsx, Msg::HelpExportXlsx, true),
    b(S::ProgramDetail, &[c('u')], C::EditProgram, Msg::HelpEditProgram, true),
    b(S::ProgramDetail, &[c('a')], C::Enroll, Msg::HelpEnroll, true),
    b(S::ProgramDetail, &[c('b')], C::AddBehaviour, Msg::HelpAddBehaviour, false),
    // Lists.
    b(S::Scroll, &[k(K::Up), c('k')], C::Up, Msg::HelpUp, false),
    b(S::Scroll, &[k(K::Down), c('j')], C::Down, Msg::HelpDown, false),
    b(S::Scroll, &[k(K::PageUp)], C::PageUp, Msg::HelpPageUp, false),
    b(S::Scroll, &[k(K::PageDown)], C::PageDown, Msg::HelpPageDown, false),
    b(S::Scroll, &[k(K::Home), c('g')], C::Top, Msg::HelpTop, false),
    b(S::Scroll, &[k(K::End), c('G')], C::Bottom, Msg::HelpBottom, false),
    b(S::List, &[k(K::Enter)], C::Open, Msg::HelpOpen, true),
    b(S::Searchable, &[c('/')], C::Search, Msg::HelpSearch, true),
    b(S::Rows, &[c('n')], C::New, Msg::HelpNew, true),
    b(S::Rows, &[c('e')], C::Edit, Msg::HelpEdit, true),
    b(S::Rows, &[c('d'), k(K::Delete)], C::Delete, Msg::HelpDeleteRow, false),
    // Everywhere.
    b(S::Global, &[c('1')], C::GoPrograms, Msg::HelpGoPrograms, false),
    b(S::Global, &[c('2')], C::GoEntry, Msg::HelpGoEntry, false),
    b(S::Global, &[c('3')], C::GoWorklist, Msg::HelpGoWorklist, false),
    b(S::Global, &[c('4')], C::GoAnalysis, Msg::HelpGoAnalysis, false),
    b(S::Global, &[c('5')], C::GoAsn, Msg::HelpGoAsn, false),
    b(S::Global, &[c('6')], C::GoOpd, Msg::HelpGoOpd, false),
    b(S::Global, &[c('7')], C::GoInstruments, Msg::HelpGoInstruments, false),
    b(S::Global, &[c('8')], C::GoAudit, Msg::HelpGoAudit, false),
    b(S::Global, &[c('9')], C::GoUsers, Msg::HelpGoUsers, false),
    b(S::Global, &[k(K::Esc)], C::Back, Msg::HelpBack, true),
    b(S::Global, &[c('?'), k(K::F(1))], C::Help, Msg::HelpHelp, true),
    b(S::Global, &[c('q')], C::Quit, Msg::HelpQuit, true),
    b(S::Global, &[ctrl('c')], C::ForceQuit, Msg::HelpForceQuit, false),
];

/// What the state says about where keys go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyContext {
    /// Active scopes, topmost first.
    pub scopes: Vec<Scope>,
    /// Plain characters go to the focused input.
    pub typing: bool,
}

fn is_plain_char(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(ch)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(ch)
        }
        _ => None,
    }
}

/// Turns a key into an action, or `None` when nothing here takes it.
pub fn resolve(ctx: &KeyContext, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if ctx.typing
        && let Some(ch) = is_plain_char(event)
    {
        return Some(Action::Input(ch));
    }
    for scope in &ctx.scopes {
        for binding in BINDINGS.iter().filter(|b| b.scope == *scope) {
            if ctx.typing
                && binding
                    .keys
                    .iter()
                    .all(|k| matches!(k.code, KeyCode::Char(_)) && k.mods.is_empty())
            {
                continue;
            }
            if binding.keys.iter().any(|k| k.matches(event)) {
                return Some(Action::Cmd(binding.command));
            }
        }
    }
    None
}

/// The bindings active in a context, topmost scope first, one per command. A key taken by a higher scope
/// is not listed again under a lower one (its binding there can never fire).
pub fn active(ctx: &KeyContext) -> Vec<Shown> {
    let mut commands: Vec<Command> = Vec::new();
    let mut keys: Vec<Key> = Vec::new();
    let mut out = Vec::new();
    for scope in &ctx.scopes {
        for binding in BINDINGS.iter().filter(|b| b.scope == *scope) {
            let free: Vec<Key> = binding
                .keys
                .iter()
                .copied()
                .filter(|k| !keys.contains(k))
                .filter(|k| {
                    !(ctx.typing && matches!(k.code, KeyCode::Char(_)) && k.mods.is_empty())
                })
                .collect();
            keys.extend(binding.keys.iter().copied());
            if free.is_empty() || commands.contains(&binding.command) {
                continue;
            }
            commands.push(binding.command);
            out.push(Shown {
                keys: free,
                help: binding.help,
                main: binding.main,
                command: binding.command,
            });
        }
    }
    out
}

/// The first key that reaches `command` on a screen with these scopes (the global layer added), as help
/// writes it: for hints such as "press n to add one", so the text follows the table. `?` when none does.
pub fn key_for(scopes: &[Scope], command: Command, lang: Lang) -> String {
    shown_for(scopes, command)
        .and_then(|s| s.keys.first().map(|k| k.label(lang)))
        .unwrap_or_else(|| "?".into())
}

/// The binding that reaches `command` on a screen with these scopes (and the global ones).
fn shown_for(scopes: &[Scope], command: Command) -> Option<Shown> {
    let mut scopes = scopes.to_vec();
    scopes.push(Scope::Global);
    active(&KeyContext {
        scopes,
        typing: false,
    })
    .into_iter()
    .find(|s| s.command == command)
}

/// Every key that reaches `command` on a screen with these scopes, as help writes them (`Enter/↓`); `?`
/// when none does. For hints that name all the keys of a binding.
pub fn keys_for(scopes: &[Scope], command: Command, lang: Lang) -> String {
    shown_for(scopes, command).map_or_else(|| "?".into(), |s| keys_label(&s, lang))
}

/// "Tab selesai · Enter baris baru · Esc batal": each command's key and what it does, as the help bar
/// says it, for the commands reached on a screen with these scopes.
pub fn key_hints(scopes: &[Scope], commands: &[Command], lang: Lang) -> String {
    commands
        .iter()
        .filter_map(|c| shown_for(scopes, *c))
        .filter_map(|s| {
            let key = s.keys.first()?.label(lang);
            let what = s.help.text(lang);
            let mut chars = what.chars();
            let first = chars.next()?;
            Some(format!("{key} {}{}", first.to_lowercase(), chars.as_str()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `msg` with `{0}`, `{1}` … filled with the keys of `commands` on a screen with these scopes (see
/// [`key_for`]): hints written around keys that follow the table.
pub fn hint(msg: Msg, scopes: &[Scope], commands: &[Command], lang: Lang) -> String {
    let keys: Vec<String> = commands.iter().map(|c| key_for(scopes, *c, lang)).collect();
    let args: Vec<&dyn std::fmt::Display> =
        keys.iter().map(|k| k as &dyn std::fmt::Display).collect();
    msg.fill(lang, &args)
}

/// A binding as help shows it: only the keys that reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub keys: Vec<Key>,
    pub help: Msg,
    pub main: bool,
    pub command: Command,
}

/// The keys of a binding as help shows them: `↑/k`.
pub fn keys_label(shown: &Shown, lang: Lang) -> String {
    shown
        .keys
        .iter()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctx(scopes: &[Scope], typing: bool) -> KeyContext {
        KeyContext {
            scopes: scopes.to_vec(),
            typing,
        }
    }

    #[test]
    fn typing_takes_characters_before_bindings() {
        let c = ctx(&[S::Form, S::Text, S::Global], true);
        assert_eq!(resolve(&c, &key(K::Char('q'))), Some(Action::Input('q')));
        assert_eq!(resolve(&c, &key(K::Tab)), Some(Action::Cmd(C::NextField)));
        assert_eq!(
            resolve(&c, &KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Cmd(C::ForceQuit))
        );
    }

    #[test]
    fn top_scope_wins() {
        let c = ctx(&[S::Confirm], false);
        assert_eq!(resolve(&c, &key(K::Esc)), Some(Action::Cmd(C::Cancel)));
        assert_eq!(resolve(&c, &key(K::Char('q'))), None);
        let list = ctx(
            &[
                S::Programs,
                S::Searchable,
                S::Rows,
                S::List,
                S::Scroll,
                S::Global,
            ],
            false,
        );
        assert_eq!(
            resolve(&list, &key(K::Char('q'))),
            Some(Action::Cmd(C::Quit))
        );
        assert_eq!(
            resolve(&list, &key(K::Char('y'))),
            Some(Action::Cmd(C::FilterYear))
        );
        assert_eq!(
            resolve(&list, &key(K::Char('G'))),
            Some(Action::Cmd(C::Bottom))
        );
        assert_eq!(
            resolve(&list, &KeyEvent::new(K::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Cmd(C::Bottom))
        );
    }

    #[test]
    fn back_tab_is_not_tab() {
        let c = ctx(&[S::Form], false);
        assert_eq!(
            resolve(&c, &KeyEvent::new(K::BackTab, KeyModifiers::SHIFT)),
            Some(Action::Cmd(C::PrevField))
        );
    }

    #[test]
    fn help_lists_each_command_once_and_hides_letters_while_typing() {
        let c = ctx(&[S::Search, S::Text, S::Rows, S::List, S::Global], true);
        let cmds: Vec<Command> = active(&c).iter().map(|b| b.command).collect();
        assert!(cmds.contains(&C::Open));
        assert_eq!(cmds.iter().filter(|c| **c == C::Open).count(), 1);
        assert!(!cmds.contains(&C::Quit));
        assert!(!cmds.contains(&C::New));
        // Esc ends the search; the global Esc (back) is shadowed and not listed.
        assert!(cmds.contains(&C::Cancel));
        assert!(!cmds.contains(&C::Back));
    }

    #[test]
    fn hints_name_the_key_of_the_table() {
        assert_eq!(
            key_for(
                &[S::ProgramDetail, S::Rows, S::List, S::Scroll],
                C::Enroll,
                Lang::Id
            ),
            "a"
        );
        assert_eq!(key_for(&[S::Worklist], C::NextView, Lang::En), "w");
        assert_eq!(key_for(&[S::Worklist], C::Enroll, Lang::En), "?");
        assert_eq!(keys_for(&[S::Grid, S::Text], C::Down, Lang::En), "Enter/↓");
        assert_eq!(keys_for(&[S::Worklist], C::Enroll, Lang::En), "?");
    }

    #[test]
    fn every_binding_has_a_help_text_in_both_languages() {
        for binding in BINDINGS {
            assert!(!binding.help.text(Lang::Id).is_empty());
            assert!(!binding.keys.is_empty());
        }
    }
}
