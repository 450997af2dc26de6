//! Heads-down entry of paper forms: one respondent after another, one key per coded answer.
//!
//! A form starts at the respondent (the next participant without a form is suggested: Enter takes them),
//! then walks the items. A digit that is a valid answer is stored and the cursor moves on; an invalid key
//! does not move and says why; items hidden by an earlier answer are shown as skipped and cannot be typed
//! into. Every accepted answer is written at once (the form is a draft until saved), so a dropped
//! connection loses nothing and the draft reopens where it stopped. In the second keying of double entry
//! the clerk never sees the first keying; a disagreement stops at the field and asks for the paper again.

use super::confirm::Confirm;
use super::{Cx, Modal, Reply, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, EntryStats, Load, Loaded, Saved};
use crate::app::keymap::{self, Scope};
use crate::domain::instrument::{
    AnswerError, Definition, Item, ItemKind, ItemRole, Phase, note_key,
};
use crate::domain::nip::Nip;
use crate::i18n::{Msg, number};
use crate::store::response::{Batch, EntryBatch, KEPT_FORM, Keying, Respondent, kept_record};
use crate::text::search_key;
use crate::widgets::input::{Edit, Edited, InputKind, TextInput};
use crate::widgets::multiline::MultiLine;
use crate::widgets::table::Scroll;
use crate::widgets::{fit, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Loading,
    /// Choosing whose form this is.
    Respondent,
    /// Keying the answers.
    Items,
}

/// A second-keying answer that disagrees with the first keying, waiting for the paper to be read again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mismatch {
    pub item: String,
    /// What the verifier typed the first time.
    pub typed: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntryScreen {
    pub batch: Batch,
    pub keying: Keying,
    /// "KOM-2026-01 · Pelatihan …", for the header.
    pub program_label: String,
    pub data: Option<Box<EntryBatch>>,
    pub stage: Stage,
    pub who: TextInput,
    pub pick: Scroll,
    pub respondent: Option<(Respondent, String)>,
    pub answers: BTreeMap<String, String>,
    /// The item with the cursor; `items.len()` is the "save" line.
    pub focus: usize,
    pub input: TextInput,
    /// The previous form's answers (for the ditto key).
    pub previous: BTreeMap<String, String>,
    /// The first keying's answers, during the second keying (never shown).
    pub first: Option<BTreeMap<String, String>>,
    pub mismatch: Option<Mismatch>,
    pub stats: EntryStats,
    /// Forms saved in this session.
    pub saved: usize,
    /// Respondents saved in this session (so the suggestion moves on before the database says so).
    pub done_here: Vec<Respondent>,
    /// Items of this form recorded as discrepancies (second keying).
    pub disputed: Vec<String>,
    /// A long answer or an evidence note being written in the multi-line editor.
    pub editor: Option<Editor>,
    /// The respondent to start with (opened from the worklist), chosen as soon as the batch is in.
    pub preselect: Option<crate::domain::ids::AsnId>,
    /// Time at the keyboard on the current form (milliseconds).
    pub active_ms: u64,
    /// Whether the store confirmed that the current form exists (a failure before that means it could
    /// not be started: the clerk is back at the respondent).
    pub started: bool,
    /// Forms sent to be saved, not confirmed yet: counted once the store says they are saved, and kept
    /// out of the suggestions meanwhile.
    pub completing: Vec<Respondent>,
}

/// What an unfinished form keeps besides its stored answers when the clerk leaves or the connection drops:
/// text typed but not accepted, the open editor, the verification state, and the clerk's statistics so far.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Kept {
    /// The answers when this was kept: the typing below belongs to them (a form changed since, by a
    /// session that ended without keeping, does not get old typing back).
    pub answers: BTreeMap<String, String>,
    /// The item with the cursor.
    pub focus: Option<String>,
    /// Text in the focused field that was not accepted yet.
    pub typed: Option<String>,
    /// The open editor: the answer key it writes and its text.
    pub editor: Option<(String, String)>,
    pub mismatch: Option<Mismatch>,
    pub disputed: Vec<String>,
    pub keystrokes: i64,
    pub corrections: i64,
    pub mismatches: i64,
    pub active_ms: u64,
}

/// The multi-line editor open over the form: for a long text item, or for an item's evidence note.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The answer key written on accept: the item's code, or `CODE.note`.
    pub key: String,
    /// The item it belongs to.
    pub item: usize,
    pub text: MultiLine,
}

/// Width of the editor's text area (the body less borders and margins).
fn editor_area(area: Rect) -> Rect {
    let rows = item_rows(area);
    Rect {
        x: area.x + 2,
        y: rows.y + 1,
        width: area.width.saturating_sub(4),
        height: rows.height.saturating_sub(1).max(3),
    }
}

/// Rows of candidates shown while choosing a respondent.
const CANDIDATES: usize = 10;

/// The longest evidence note.
const NOTE_MAX: usize = 1000;

/// The keymap scopes while keying items, and while the multi-line editor is open.
const ENTRY_SCOPES: [Scope; 2] = [Scope::Entry, Scope::Text];
const EDITOR_SCOPES: [Scope; 2] = [Scope::Editor, Scope::Text];

impl EntryScreen {
    /// The entry screen of a batch, opened on one person's form.
    pub fn for_person(
        batch: Batch,
        program_label: String,
        asn: crate::domain::ids::AsnId,
    ) -> EntryScreen {
        EntryScreen {
            preselect: Some(asn),
            ..EntryScreen::new(batch, Keying::First, program_label)
        }
    }

    pub fn new(batch: Batch, keying: Keying, program_label: String) -> EntryScreen {
        EntryScreen {
            batch,
            keying,
            program_label,
            data: None,
            stage: Stage::Loading,
            who: TextInput::new(InputKind::Text, 40),
            pick: Scroll::default(),
            respondent: None,
            answers: BTreeMap::new(),
            focus: 0,
            input: TextInput::new(InputKind::Text, 200),
            previous: BTreeMap::new(),
            first: None,
            mismatch: None,
            stats: EntryStats::default(),
            saved: 0,
            done_here: Vec::new(),
            disputed: Vec::new(),
            editor: None,
            preselect: None,
            active_ms: 0,
            started: false,
            completing: Vec::new(),
        }
    }

    fn def(&self) -> Option<&Definition> {
        self.data.as_ref().map(|d| &d.instrument.definition)
    }

    fn items_len(&self) -> usize {
        self.def().map_or(0, |d| d.items.len())
    }

    fn anonymous(&self) -> bool {
        self.def().is_some_and(|d| d.anonymous)
    }

    /// Rows of the item list: the items and the save line.
    fn row_count(&self) -> usize {
        self.def().map_or(1, |d| d.items.len() + 1)
    }

    fn shown(&self, index: usize) -> bool {
        // An item about the program's objective N is asked only when the program has that objective.
        let objectives = self.data.as_ref().map_or(0, |d| d.objectives.len());
        if self
            .item(index)
            .and_then(|i| i.objective)
            .is_some_and(|n| usize::from(n) > objectives)
        {
            return false;
        }
        self.def()
            .is_some_and(|d| d.shown(index, |c| self.answers.get(c).map(String::as_str)))
    }

    /// What an item asks, as shown: an item about objective N shows that objective's own text.
    fn item_text(&self, item: &Item) -> String {
        let objective = item.objective.and_then(|n| {
            self.data
                .as_ref()
                .and_then(|d| d.objectives.get(usize::from(n).checked_sub(1)?))
        });
        match (objective, &item.kind) {
            // An example or note about the objective keeps its question, naming the objective.
            (Some(o), ItemKind::Text { .. }) => format!("{} — {o}", item.text),
            (Some(o), _) => o.clone(),
            (None, _) => item.text.clone(),
        }
    }

    /// Whether the focused item is a long text written in the multi-line editor.
    fn long_text(&self) -> bool {
        self.item(self.focus).is_some_and(|i| {
            matches!(
                i.kind,
                ItemKind::Text {
                    multiline: true,
                    ..
                }
            )
        })
    }

    /// Opens the editor on the focused long text item (or its note), starting from what is stored.
    fn open_editor(&mut self, key: String) {
        let current = self.answers.get(&key).cloned().unwrap_or_default();
        self.open_editor_with(key, &current);
    }

    fn open_editor_with(&mut self, key: String, text: &str) {
        let max = match self.item(self.focus) {
            Some(Item {
                kind: ItemKind::Text { max, .. },
                code,
                ..
            }) if key == code.as_str() => *max,
            _ => NOTE_MAX,
        };
        self.editor = Some(Editor {
            key,
            item: self.focus,
            text: MultiLine::with_value(max, text),
        });
    }

    /// What this form holds besides its stored answers.
    fn kept(&self) -> Kept {
        let typed = (self.typed_item() && !self.long_text() && self.focus < self.items_len())
            .then(|| self.input.value().to_string())
            .filter(|t| !t.is_empty());
        Kept {
            answers: self.answers.clone(),
            focus: self.item(self.focus).map(|i| i.code.to_string()),
            typed,
            editor: self
                .editor
                .as_ref()
                .map(|e| (e.key.clone(), e.text.value())),
            mismatch: self.mismatch.clone(),
            disputed: self.disputed.clone(),
            keystrokes: self.stats.keystrokes,
            corrections: self.stats.corrections,
            mismatches: self.stats.mismatches,
            active_ms: self.active_ms,
        }
    }

    /// Keeps what the form holds besides its answers (in the user's drafts), so that a lost connection
    /// or leaving the screen loses no typing and no statistics.
    fn keep_effect(&self) -> Option<Effect> {
        let (respondent, _) = self.respondent.as_ref()?;
        // Only for a form the store has: one that could not be started keeps nothing.
        if self.stage != Stage::Items || !self.started {
            return None;
        }
        let payload = serde_json::to_string(&self.kept()).ok()?;
        Some(Effect::KeepDraft {
            form: KEPT_FORM,
            record: kept_record(&self.batch, self.keying, respondent),
            payload,
        })
    }

    /// Forgets what was kept of a form (saved or thrown away).
    fn forget(&self, respondent: &Respondent) -> Reply {
        Reply::Effect(Effect::DiscardDraft {
            form: KEPT_FORM,
            record: kept_record(&self.batch, self.keying, respondent),
        })
    }

    /// Puts back what was kept of a resumed form. Statistics and settled discrepancies always come back;
    /// the typing, the editor and a pending mismatch only when the answers are still those it was typed
    /// against.
    fn restore(&mut self, kept: Kept) {
        self.stats.keystrokes = kept.keystrokes;
        self.stats.corrections = kept.corrections;
        self.stats.mismatches = kept.mismatches;
        self.active_ms = kept.active_ms;
        self.disputed = kept.disputed;
        if kept.answers != self.answers {
            return;
        }
        if let Some(i) = kept
            .focus
            .as_deref()
            .and_then(|f| self.def().and_then(|d| d.position(f)))
            .filter(|i| self.shown(*i))
        {
            self.focus_on(i);
        }
        self.mismatch = kept.mismatch;
        if let Some(typed) = kept.typed
            && self.typed_item()
            && !self.long_text()
        {
            self.input.set(&typed);
        }
        let focused = self.item(self.focus).map(|i| (i.code.to_string(), i.note));
        if let Some((key, text)) = kept.editor
            && let Some((code, note)) = focused
            && ((key == code && self.long_text()) || (note && key == note_key(&code)))
        {
            self.open_editor_with(key, &text);
        }
    }

    /// The editor's keys: typing, moving, Enter for a new line, Tab to keep the text, Esc to drop it.
    fn update_editor(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let width = usize::from(editor_area(cx.body).width);
        let Some(editor) = &mut self.editor else {
            return Vec::new();
        };
        let edit = match action {
            Action::Input(c) => Some(Edit::Insert(*c)),
            Action::Paste(s) => Some(Edit::Paste(s.clone())),
            Action::Cmd(Command::Newline) => Some(Edit::Newline),
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
            return match editor.text.apply(&edit) {
                Edited::Full => vec![Reply::error(cx.t(Msg::FieldFull))],
                Edited::Refused(c) => vec![Reply::error(
                    Msg::KeyNotAllowed.fill(cx.lang, &[&crate::text::visible(&c.to_string())]),
                )],
                _ => Vec::new(),
            };
        }
        match action {
            Action::Cmd(Command::Up) => {
                editor.text.vertical(-1, width);
            }
            Action::Cmd(Command::Down) => {
                editor.text.vertical(1, width);
            }
            Action::Cmd(Command::Cancel | Command::Back) => self.editor = None,
            Action::Cmd(Command::AcceptText | Command::Save) => {
                let Some(editor) = self.editor.take() else {
                    return Vec::new();
                };
                let text = editor.text.value();
                let item = self.item(editor.item).cloned();
                return match item {
                    // The long answer itself: checked like any answer, then the form moves on.
                    Some(item) if editor.key == item.code.as_str() => {
                        match item.parse_answer(&text, false) {
                            Ok(v) => self.accept(v, cx),
                            Err(e) => {
                                let message = self.explain(&e, &item, cx);
                                self.editor = Some(editor);
                                vec![Reply::error(message)]
                            }
                        }
                    }
                    // An evidence note: stored beside the answer; the cursor stays.
                    _ => {
                        let value =
                            crate::text::clean(text.trim(), crate::text::Lines::Multi).into_owned();
                        let value = (!value.is_empty()).then_some(value);
                        match &value {
                            Some(v) => self.answers.insert(editor.key.clone(), v.clone()),
                            None => self.answers.remove(&editor.key),
                        };
                        let focus = self.item(self.focus).map(|i| i.code.to_string());
                        vec![self.set_answer_effect(&editor.key, value.as_deref(), focus)]
                    }
                };
            }
            _ => {}
        }
        Vec::new()
    }

    /// A session date must fit the phase: not after today, a baseline not after the training began, a
    /// follow-up not before it ended.
    fn check_date(&self, item: &Item, value: Option<&str>, cx: &Cx) -> Option<String> {
        if item.role != Some(ItemRole::Date) {
            return None;
        }
        let day = crate::domain::date::parse(value?).ok()?;
        if day > cx.today {
            return Some(cx.t(Msg::EntryDateFuture).to_string());
        }
        let (start, end) = self.data.as_ref()?.dates?;
        let f = crate::domain::date::format;
        if self.batch.phase.is_after() && day < end {
            return Some(Msg::EntryDateBeforeEnd.fill(cx.lang, &[&f(end)]));
        }
        if self.batch.phase == Phase::Pre && day > start {
            return Some(Msg::EntryDateAfterStart.fill(cx.lang, &[&f(start)]));
        }
        None
    }

    fn item(&self, index: usize) -> Option<&Item> {
        self.def().and_then(|d| d.items.get(index))
    }

    fn next_visible(&self, from: usize) -> usize {
        (from + 1..self.items_len())
            .find(|i| self.shown(*i))
            .unwrap_or(self.items_len())
    }

    fn prev_visible(&self, from: usize) -> Option<usize> {
        (0..from.min(self.items_len()))
            .rev()
            .find(|i| self.shown(*i))
    }

    /// Whether the focused item is typed into a field (numbers, text, dates, several codes) rather than
    /// answered by one key.
    fn typed_item(&self) -> bool {
        self.item(self.focus).is_some_and(|i| i.keys().is_empty())
    }

    fn input_kind(item: &Item) -> (InputKind, usize) {
        match &item.kind {
            ItemKind::Number { .. } => (InputKind::Decimal, 20),
            ItemKind::Date => (InputKind::Date, 10),
            ItemKind::Text { max, .. } => (InputKind::Text, *max),
            _ => (InputKind::Text, 60),
        }
    }

    fn focus_on(&mut self, index: usize) {
        self.focus = index;
        if let Some(item) = self.item(index) {
            let (kind, max) = Self::input_kind(item);
            let shown = self
                .answers
                .get(item.code.as_str())
                .map(|v| match item.kind {
                    ItemKind::Date => crate::domain::date::parse(v)
                        .map(crate::domain::date::format)
                        .unwrap_or_else(|_| v.clone()),
                    _ => v.clone(),
                });
            self.input = TextInput::new(kind, max).with_value(shown.as_deref().unwrap_or(""));
        }
    }

    fn set_answer_effect(&self, item: &str, value: Option<&str>, focus: Option<String>) -> Reply {
        let respondent = self
            .respondent
            .as_ref()
            .map(|(r, _)| r.clone())
            .unwrap_or(Respondent::Sheet(String::new()));
        Reply::save(Change::SetAnswer {
            batch: self.batch.clone(),
            respondent,
            keying: self.keying,
            item: item.to_string(),
            value: value.map(str::to_string),
            focus,
        })
    }

    fn explain(&self, error: &AnswerError, item: &Item, cx: &Cx) -> String {
        match error {
            AnswerError::Required => cx.t(Msg::EntryRequired).to_string(),
            AnswerError::NotANumber => cx.t(Msg::ProblemNumber).to_string(),
            AnswerError::OutOfRange { min, max } => Msg::EntryOutOfRange
                .fill(cx.lang, &[&number(*min, cx.lang), &number(*max, cx.lang)]),
            AnswerError::Decimals { max } => Msg::ProblemDecimals.fill(cx.lang, &[max]),
            AnswerError::UnknownCode { allowed } => {
                Msg::EntryUnknownCode.fill(cx.lang, &[&allowed.join(", ")])
            }
            AnswerError::NotADate => cx.t(Msg::ProblemDate).to_string(),
            AnswerError::TooLong { max } => Msg::ProblemTooLong.fill(cx.lang, &[max]),
            AnswerError::Skipped => Msg::EntrySkipped.fill(cx.lang, &[&item.code]),
        }
    }

    /// Stores an accepted answer (or, in the second keying, compares it first) and moves on.
    fn accept(&mut self, value: Option<String>, cx: &Cx) -> Vec<Reply> {
        let Some(item) = self.item(self.focus).cloned() else {
            return Vec::new();
        };
        if let Some(problem) = self.check_date(&item, value.as_deref(), cx) {
            return vec![Reply::error(problem)];
        }
        if let Some(def) = self.def()
            && matches!(item.role, Some(ItemRole::CountDone | ItemRole::CountDue))
            && let Some(due) = crate::domain::instrument::counts_problem(def, |c| {
                // The counts as they stand once this answer is in: an item the answer hides (TEPAT
                // after TUGAS 0) loses its answer, so it no longer counts.
                let answer = |code: &str| -> Option<&str> {
                    if code == item.code.as_str() {
                        value.as_deref()
                    } else {
                        self.answers.get(code).map(String::as_str)
                    }
                };
                def.position(c)
                    .filter(|i| def.shown(*i, answer))
                    .and_then(|_| answer(c).map(str::to_string))
            })
        {
            return vec![Reply::error(
                Msg::EntryMoreThanDue.fill(cx.lang, &[&number(due, cx.lang)]),
            )];
        }
        let code = item.code.to_string();
        let mut replies = Vec::new();
        if let Some(first) = self.first.as_ref().filter(|_| compared(&item)) {
            let before = first.get(&code).cloned();
            if before != value {
                match &self.mismatch {
                    Some(m) if m.item == code && m.typed == value => {
                        // The verifier read the paper again and stands by the value: an adjudicator decides.
                        replies.push(Reply::save(Change::Discrepancy {
                            batch: self.batch.clone(),
                            respondent: self
                                .respondent
                                .as_ref()
                                .map(|(r, _)| r.clone())
                                .unwrap_or(Respondent::Sheet(String::new())),
                            item: code.clone(),
                            first: before,
                            second: value.clone(),
                        }));
                        replies.push(Reply::info(cx.t(Msg::EntryDiscrepancyKept)));
                        self.disputed.push(code.clone());
                        self.mismatch = None;
                    }
                    _ => {
                        if self.mismatch.as_ref().is_none_or(|m| m.item != code) {
                            self.stats.mismatches += 1;
                        }
                        self.mismatch = Some(Mismatch {
                            item: code,
                            typed: value,
                        });
                        self.input.apply(&Edit::Clear);
                        return vec![Reply::error(cx.t(Msg::EntryMismatch))];
                    }
                }
            } else if self.mismatch.as_ref().is_some_and(|m| m.item == code) {
                // The second reading agrees with the first keying: the verifier's first typing was a slip.
                self.stats.corrections += 1;
                self.mismatch = None;
            }
        }
        if self.answers.get(&code) != value.as_ref() {
            if self.answers.contains_key(&code) {
                self.stats.corrections += 1;
            }
            match &value {
                Some(v) => self.answers.insert(code.clone(), v.clone()),
                None => self.answers.remove(&code),
            };
            let next = self.next_visible(self.focus);
            let focus_code = self.item(next).map(|i| i.code.to_string());
            replies.push(self.set_answer_effect(&code, value.as_deref(), focus_code));
            // Answers to items that are now hidden are removed: a skipped item has no answer.
            let hidden: Vec<String> = (0..self.items_len())
                .filter(|i| !self.shown(*i))
                .filter_map(|i| self.item(i).map(|it| it.code.to_string()))
                .filter(|c| self.answers.contains_key(c))
                .collect();
            for c in hidden {
                self.answers.remove(&c);
                replies.push(self.set_answer_effect(&c, None, None));
            }
        }
        let next = self.next_visible(self.focus);
        self.focus_on(next);
        replies
    }

    fn key_answer(&mut self, c: char, cx: &Cx) -> Vec<Reply> {
        let Some(item) = self.item(self.focus).cloned() else {
            return Vec::new();
        };
        let keys = item.keys();
        if keys.contains(&c)
            || (matches!(item.kind, ItemKind::Choice { .. })
                && keys.iter().any(|k| k.eq_ignore_ascii_case(&c)))
        {
            match item.parse_answer(&c.to_string(), false) {
                Ok(v) => self.accept(v, cx),
                Err(e) => vec![Reply::error(self.explain(&e, &item, cx))],
            }
        } else {
            let allowed: Vec<String> = keys.iter().map(char::to_string).collect();
            vec![Reply::error(Msg::EntryBadKey.fill(
                cx.lang,
                &[&crate::text::visible(&c.to_string()), &allowed.join(", ")],
            ))]
        }
    }

    /// Enter/Tab/Down on an item: a typed field is checked and stored; a one-key item moves on (an empty
    /// required item does not).
    fn forward(&mut self, cx: &Cx) -> Vec<Reply> {
        let Some(item) = self.item(self.focus).cloned() else {
            return Vec::new();
        };
        // A long text is written in the editor; moving past it keeps what is stored.
        if self.long_text() {
            let current = self.answers.get(item.code.as_str()).cloned();
            if item.required && current.is_none() {
                return vec![Reply::error(cx.t(Msg::EntryRequired))];
            }
            return self.accept(current, cx);
        }
        if self.typed_item() {
            return match item.parse_answer(self.input.value(), false) {
                Ok(v) => self.accept(v, cx),
                Err(e) => vec![Reply::error(self.explain(&e, &item, cx))],
            };
        }
        if self
            .mismatch
            .as_ref()
            .is_some_and(|m| m.item == item.code.as_str())
        {
            return vec![Reply::error(cx.t(Msg::EntryRetype))];
        }
        if item.required && !self.answers.contains_key(item.code.as_str()) {
            return vec![Reply::error(cx.t(Msg::EntryRequired))];
        }
        if self.first.is_some() {
            // In the second keying an item left as it is is compared too: empty against empty.
            let current = self.answers.get(item.code.as_str()).cloned();
            return self.accept(current, cx);
        }
        let next = self.next_visible(self.focus);
        self.focus_on(next);
        Vec::new()
    }

    fn save(&mut self, cx: &Cx) -> Vec<Reply> {
        let Some(respondent) = self.respondent.clone() else {
            return Vec::new();
        };
        // A blank paper is not a form: it is thrown away (Ctrl-D), not saved.
        if self.answers.is_empty() {
            let discard = keymap::key_for(&ENTRY_SCOPES, Command::DiscardForm, cx.lang);
            return vec![Reply::error(Msg::EntryEmptyForm.fill(cx.lang, &[&discard]))];
        }
        let missing = (0..self.items_len()).find(|i| {
            self.shown(*i)
                && self
                    .item(*i)
                    .is_some_and(|it| it.required && !self.answers.contains_key(it.code.as_str()))
        });
        if let Some(i) = missing {
            self.focus_on(i);
            return vec![Reply::error(cx.t(Msg::EntryRequired))];
        }
        if self.mismatch.is_some() {
            return vec![Reply::error(cx.t(Msg::EntryMismatch))];
        }
        if let Some(first) = &self.first {
            // Every shown item must have been compared: an answer that differs from the first keying and
            // was not confirmed from the paper stops the save there.
            let unchecked = (0..self.items_len()).find(|i| {
                self.shown(*i)
                    && self.item(*i).is_some_and(|it| {
                        let code = it.code.as_str();
                        compared(it)
                            && first.get(code) != self.answers.get(code)
                            && !self.disputed.iter().any(|d| d == code)
                    })
            });
            if let Some(i) = unchecked {
                self.focus_on(i);
                let code = self
                    .item(i)
                    .map(|it| it.code.to_string())
                    .unwrap_or_default();
                let typed = self.answers.get(&code).cloned();
                self.mismatch = Some(Mismatch { item: code, typed });
                return vec![Reply::error(cx.t(Msg::EntryMismatch))];
            }
        }
        let mut stats = self.stats;
        stats.seconds = i64::try_from(self.active_ms / 1000).unwrap_or(i64::MAX);
        self.active_ms = 0;
        if self.first.is_some() {
            stats.compared = (0..self.items_len())
                .filter(|i| self.shown(*i) && self.item(*i).is_some_and(compared))
                .count() as i64;
        }
        self.stats = EntryStats::default();
        self.previous = std::mem::take(&mut self.answers);
        // Counted when the store says it is saved; not suggested again meanwhile.
        self.completing.push(respondent.0.clone());
        self.fresh();
        vec![
            Reply::save(Change::CompleteResponse {
                batch: self.batch.clone(),
                respondent: respondent.0.clone(),
                keying: self.keying,
                stats,
            }),
            self.forget(&respondent.0),
            Reply::info(Msg::EntrySaved.fill(cx.lang, &[&respondent.1])),
            Reply::load(Load::EntryBatch(self.batch.clone(), self.keying)),
        ]
    }

    /// A fresh form at the respondent.
    fn fresh(&mut self) {
        self.editor = None;
        self.started = false;
        self.stage = Stage::Respondent;
        self.respondent = None;
        self.answers.clear();
        self.first = None;
        self.mismatch = None;
        self.disputed.clear();
        self.who.apply(&Edit::Clear);
        self.pick = Scroll::default();
        self.focus = 0;
    }

    fn done(&self, r: &Respondent) -> bool {
        self.done_here.contains(r)
            || self.completing.contains(r)
            || self.data.as_ref().is_some_and(|d| d.done.contains(r))
    }

    /// Second keying: a form this user keyed the first time (nobody verifies their own keying).
    fn own(&self, r: &Respondent) -> bool {
        self.keying == Keying::Second && self.data.as_ref().is_some_and(|d| d.own_first.contains(r))
    }

    /// People (or the sheet) that match what was typed at the respondent, best first.
    pub fn candidates(&self) -> Vec<(Respondent, String, String)> {
        let Some(data) = &self.data else {
            return Vec::new();
        };
        if self.anonymous() {
            let typed = self.who.value().trim();
            let sheet = if typed.is_empty() {
                data.next_sheet.to_string()
            } else {
                typed.to_string()
            };
            return vec![(Respondent::Sheet(sheet.clone()), sheet, String::new())];
        }
        let typed = self.who.value().trim();
        let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
        let by_nip = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        let words: Vec<String> = search_key(typed)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let eligible = |r: &Respondent| match self.keying {
            Keying::First => !self.done(r),
            Keying::Second => data.keyed.contains(r) && !self.done(r) && !self.own(r),
        };
        data.roster
            .iter()
            .filter(|(id, _, _)| eligible(&Respondent::Asn(*id)))
            .filter(|(_, nip, name)| {
                if by_nip {
                    nip.starts_with(&digits)
                } else {
                    let key = search_key(name);
                    words.iter().all(|w| key.contains(w.as_str()))
                }
            })
            .map(|(id, nip, name)| {
                let shown = Nip::from_stored(nip).map_or_else(|_| nip.clone(), |n| n.grouped());
                (Respondent::Asn(*id), name.clone(), shown)
            })
            .collect()
    }

    fn choose(&mut self, cx: &Cx) -> Vec<Reply> {
        let candidates = self.candidates();
        let Some((respondent, name, nip)) = candidates.get(self.pick.selected).cloned() else {
            let typed = self.who.value().trim().replace(' ', "");
            // A NIP of someone who is already done, or whose form this verifier keyed: say so rather
            // than "nothing matches".
            let known = |pred: &dyn Fn(&Respondent) -> bool| {
                self.data.as_ref().and_then(|d| {
                    d.roster
                        .iter()
                        .find(|(id, n, _)| {
                            !typed.is_empty()
                                && n.starts_with(&typed)
                                && pred(&Respondent::Asn(*id))
                        })
                        .map(|(_, _, name)| name.clone())
                })
            };
            if let Some(name) = known(&|r| self.done(r)) {
                return vec![Reply::error(
                    Msg::EntryAlreadyEntered.fill(cx.lang, &[&name]),
                )];
            }
            if let Some(name) = known(&|r| self.own(r)) {
                return vec![Reply::error(Msg::EntryOwnKeying.fill(cx.lang, &[&name]))];
            }
            return vec![Reply::error(cx.t(Msg::EntryNoRespondent))];
        };
        if self.anonymous() && self.done(&respondent) {
            return vec![Reply::error(
                Msg::EntryAlreadyEntered.fill(cx.lang, &[&name]),
            )];
        }
        if self.own(&respondent) {
            return vec![Reply::error(Msg::EntryOwnKeying.fill(cx.lang, &[&name]))];
        }
        let label = if nip.is_empty() {
            Msg::EntrySheet.fill(cx.lang, &[&name])
        } else {
            format!("{name} · {nip}")
        };
        self.respondent = Some((respondent.clone(), label));
        self.stage = Stage::Items;
        self.started = false;
        self.answers.clear();
        self.stats.keystrokes += 1;
        let first = self.next_visible_from_start();
        self.focus_on(first);
        let instrument_id = self.data.as_ref().map_or(0, |d| d.instrument.id);
        let mut replies = vec![
            Reply::save(Change::StartResponse {
                batch: self.batch.clone(),
                instrument_id,
                respondent: respondent.clone(),
                keying: self.keying,
            }),
            // Nothing kept of an earlier form of theirs belongs to this one (after the start, so that a
            // failure before the start is confirmed is the start's).
            self.forget(&respondent),
        ];
        if self.keying == Keying::Second {
            replies.push(Reply::load(Load::FirstAnswers(
                self.batch.clone(),
                respondent,
            )));
        }
        replies
    }

    fn next_visible_from_start(&self) -> usize {
        (0..self.items_len())
            .find(|i| self.shown(*i))
            .unwrap_or(self.items_len())
    }

    fn update_respondent(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let len = self.candidates().len();
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
            self.stats.keystrokes += 1;
            if self.who.apply(&edit) == Edited::Changed {
                self.pick = Scroll::default();
            }
            return Vec::new();
        }
        match action {
            Action::Cmd(Command::NextField) => self.pick.step(1, len, CANDIDATES),
            Action::Cmd(Command::PrevField) => self.pick.step(-1, len, CANDIDATES),
            Action::Cmd(Command::Submit) => return self.choose(cx),
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            _ => {}
        }
        Vec::new()
    }

    fn update_items(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let on_save_line = self.focus >= self.items_len();
        if matches!(action, Action::Input(_) | Action::Paste(_) | Action::Cmd(_)) {
            self.stats.keystrokes += 1;
        }
        if self.editor.is_some() {
            return self.update_editor(action, cx);
        }
        // A long text item is written in the editor: typing opens it (F2 opens it on what is there);
        // Enter passes it by, so an empty comment costs one key.
        if !on_save_line && self.long_text() && self.mismatch.is_none() {
            let code = self
                .item(self.focus)
                .map(|i| i.code.to_string())
                .unwrap_or_default();
            match action {
                Action::Input(_) | Action::Paste(_) => {
                    self.open_editor(code);
                    return self.update_editor(action, cx);
                }
                Action::Cmd(Command::OpenEditor) => {
                    self.open_editor(code);
                    return Vec::new();
                }
                _ => {}
            }
        }
        if let Action::Cmd(Command::Note) = action {
            return match self.item(self.focus) {
                Some(item) if item.note && self.shown(self.focus) => {
                    let key = note_key(item.code.as_str());
                    self.open_editor(key);
                    Vec::new()
                }
                _ => vec![Reply::error(cx.t(Msg::EntryNoNote))],
            };
        }
        match action {
            Action::Input(c) if !on_save_line && !self.typed_item() => {
                return self.key_answer(*c, cx);
            }
            Action::Input(c) if !on_save_line => {
                return match self.input.apply(&Edit::Insert(*c)) {
                    Edited::Refused(c) => vec![Reply::error(
                        Msg::KeyNotAllowed.fill(cx.lang, &[&crate::text::visible(&c.to_string())]),
                    )],
                    _ => Vec::new(),
                };
            }
            Action::Input(_) => return vec![Reply::error(cx.t(Msg::EntryPressEnterToSave))],
            Action::Paste(s) if self.typed_item() => {
                self.input.apply(&Edit::Paste(s.clone()));
            }
            Action::Cmd(Command::Submit) if on_save_line => return self.save(cx),
            Action::Cmd(Command::Save) => return self.save(cx),
            Action::Cmd(Command::Submit | Command::NextField) if !on_save_line => {
                return self.forward(cx);
            }
            Action::Cmd(Command::PrevField) => {
                if self.mismatch.is_some() {
                    return vec![Reply::error(cx.t(Msg::EntryRetype))];
                }
                if let Some(p) = self.prev_visible(self.focus) {
                    self.focus_on(p);
                }
            }
            Action::Cmd(Command::Ditto) if !on_save_line => {
                let Some(item) = self.item(self.focus).cloned() else {
                    return Vec::new();
                };
                return match self.previous.get(item.code.as_str()).cloned() {
                    Some(v) => self.accept(Some(v), cx),
                    None => vec![Reply::error(cx.t(Msg::EntryNoDitto))],
                };
            }
            Action::Cmd(cmd @ (Command::Backspace | Command::DeleteChar)) if !on_save_line => {
                if self.typed_item() {
                    let edit = if *cmd == Command::Backspace {
                        Edit::Backspace
                    } else {
                        Edit::Delete
                    };
                    self.input.apply(&edit);
                } else if let Some(item) = self.item(self.focus).cloned()
                    && self.answers.remove(item.code.as_str()).is_some()
                {
                    self.stats.corrections += 1;
                    let code = item.code.to_string();
                    return vec![self.set_answer_effect(&code, None, Some(code.clone()))];
                }
            }
            Action::Cmd(
                cmd @ (Command::CursorLeft
                | Command::CursorRight
                | Command::LineStart
                | Command::LineEnd
                | Command::ClearField),
            ) if self.typed_item() => {
                let edit = match cmd {
                    Command::CursorLeft => Edit::Left,
                    Command::CursorRight => Edit::Right,
                    Command::LineStart => Edit::Home,
                    Command::LineEnd => Edit::End,
                    _ => Edit::Clear,
                };
                self.input.apply(&edit);
            }
            Action::Cmd(Command::DiscardForm) => {
                let Some((respondent, label)) = self.respondent.clone() else {
                    return Vec::new();
                };
                return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                    question: Msg::EntryConfirmDiscard.fill(cx.lang, &[&label]),
                    on_yes: vec![
                        self.forget(&respondent),
                        Reply::save(Change::DiscardResponse {
                            batch: self.batch.clone(),
                            respondent,
                            keying: self.keying,
                        }),
                        Reply::Send(Box::new(Action::Cmd(Command::Cancel))),
                    ],
                })))];
            }
            // Sent by the discard question: start afresh.
            Action::Cmd(Command::Cancel) => self.fresh(),
            Action::Cmd(Command::Back) => {
                // Leaving keeps the form as a draft, with what was typed and the statistics so far.
                let mut replies: Vec<Reply> =
                    self.keep_effect().map(Reply::Effect).into_iter().collect();
                replies.push(Reply::Pop);
                replies.push(Reply::info(cx.t(Msg::EntryLeftDraft)));
                return replies;
            }
            _ => {}
        }
        Vec::new()
    }

    fn on_loaded(
        &mut self,
        batch: &Batch,
        keying: Keying,
        data: &EntryBatch,
        cx: &Cx,
    ) -> Vec<Reply> {
        if *batch != self.batch || keying != self.keying {
            return Vec::new();
        }
        let first_load = self.data.is_none();
        self.data = Some(Box::new(data.clone()));
        self.done_here.retain(|r| !data.done.contains(r));
        if !first_load {
            return Vec::new();
        }
        self.stage = Stage::Respondent;
        // Opened for one person: their form, even when an unfinished form of someone else waits (it
        // stays a draft, to carry on later).
        let draft = data.draft.as_ref().filter(|d| {
            self.preselect
                .is_none_or(|asn| d.info.respondent == Respondent::Asn(asn))
        });
        let Some(draft) = draft else {
            // Opened for one person (from the worklist): straight to their form.
            if let Some(asn) = self.preselect.take()
                && let Some((_, nip, _)) = data.roster.iter().find(|(a, _, _)| *a == asn)
            {
                let nip = nip.clone();
                self.who.set(&nip);
                self.pick = Scroll::default();
                return self.choose(cx);
            }
            return Vec::new();
        };
        // Carry on with the unfinished form, where it stopped.
        let label = match &draft.info.respondent {
            Respondent::Asn(id) => data
                .roster
                .iter()
                .find(|(a, _, _)| a == id)
                .map(|(_, nip, name)| {
                    format!(
                        "{name} · {}",
                        Nip::from_stored(nip).map_or_else(|_| nip.clone(), |n| n.grouped())
                    )
                })
                .unwrap_or_default(),
            Respondent::Sheet(s) => Msg::EntrySheet.fill(cx.lang, &[s]),
        };
        self.respondent = Some((draft.info.respondent.clone(), label.clone()));
        self.answers = draft.answers.clone();
        self.stage = Stage::Items;
        self.started = true;
        let focus = draft
            .info
            .focus
            .as_deref()
            .and_then(|f| self.def().and_then(|d| d.position(f)))
            .unwrap_or_else(|| {
                (0..self.items_len())
                    .find(|i| {
                        self.shown(*i)
                            && self
                                .item(*i)
                                .is_some_and(|it| !self.answers.contains_key(it.code.as_str()))
                    })
                    .unwrap_or(self.items_len())
            });
        self.focus_on(focus);
        // What was kept besides the answers: typing, the editor, the statistics.
        if let Some(kept) = data
            .kept
            .as_deref()
            .and_then(|k| serde_json::from_str::<Kept>(k).ok())
        {
            self.restore(kept);
        }
        let mut replies = vec![Reply::info(Msg::EntryDraftResumed.fill(cx.lang, &[&label]))];
        if self.keying == Keying::Second {
            replies.push(Reply::load(Load::FirstAnswers(
                self.batch.clone(),
                draft.info.respondent.clone(),
            )));
        }
        replies
    }
}

impl View for EntryScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(if self.keying == Keying::Second {
            Msg::EntryVerifyTitle
        } else {
            Msg::EntryTitle
        })
        .to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        match self.stage {
            Stage::Loading => (vec![Scope::Entry], false),
            Stage::Respondent => (vec![Scope::EntryRespondent, Scope::Text], true),
            Stage::Items if self.editor.is_some() => (EDITOR_SCOPES.to_vec(), true),
            Stage::Items => (ENTRY_SCOPES.to_vec(), true),
        }
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        match action {
            Action::Active(ms) => {
                self.active_ms += u64::from(*ms);
                return Vec::new();
            }
            Action::Loaded(Loaded::EntryBatch(batch, keying, data)) => {
                return self.on_loaded(batch, *keying, data, cx);
            }
            Action::Loaded(Loaded::FirstAnswers(respondent, answers)) => {
                if self
                    .respondent
                    .as_ref()
                    .is_some_and(|(r, _)| r == respondent)
                {
                    self.first = Some(answers.clone());
                }
                return Vec::new();
            }
            Action::Saved(Saved::ResponseStarted(r)) => {
                if self.respondent.as_ref().is_some_and(|(me, _)| me == r) {
                    self.started = true;
                }
                return Vec::new();
            }
            Action::Saved(Saved::ResponseComplete(r)) => {
                // Counted only now that it is saved.
                if let Some(at) = self.completing.iter().position(|c| c == r) {
                    self.completing.remove(at);
                    self.saved += 1;
                    self.done_here.push(r.clone());
                }
                return Vec::new();
            }
            Action::Saved(Saved::Answer | Saved::Discrepancy | Saved::ResponseDiscarded) => {
                return Vec::new();
            }
            Action::Failed(f) => {
                // Effects run in order: a failure before the form is confirmed started is its start
                // (someone entered this respondent meanwhile, or it is this verifier's own keying).
                if self.stage == Stage::Items && !self.started {
                    self.fresh();
                    return vec![
                        Reply::error(f.message.clone()),
                        Reply::load(Load::EntryBatch(self.batch.clone(), self.keying)),
                    ];
                }
                // A form sent to be saved that was not: it is not counted, and may be suggested again.
                self.completing.clear();
                return vec![Reply::error(f.message.clone())];
            }
            _ => {}
        }
        match self.stage {
            Stage::Loading => match action {
                Action::Cmd(Command::Back) => vec![Reply::Pop],
                _ => Vec::new(),
            },
            Stage::Respondent => self.update_respondent(action, cx),
            Stage::Items => self.update_items(action, cx),
        }
    }

    fn keep(&self) -> Vec<Effect> {
        self.keep_effect().into_iter().collect()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::EntryBatch(
            self.batch.clone(),
            self.keying,
        ))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        let x = area.x + 1;
        let Some(data) = &self.data else {
            put(buf, x, area.y, cx.t(Msg::Loading), w, theme.dim());
            return;
        };
        let def = &data.instrument.definition;
        // The mode stays in view at the right end (80 columns cut the title, never the mode).
        let mode = cx.t(if self.keying == Keying::Second {
            Msg::EntryVerifyModeShort
        } else {
            Msg::EntryFirstMode
        });
        let mode_w = u16::try_from(unicode_width::UnicodeWidthStr::width(mode)).unwrap_or(0);
        let left_w = w.saturating_sub(mode_w + 3);
        // The instrument's title is cut (or left out) before its code, the program or the phase.
        let phase = cx.t(phase_label(self.batch.phase));
        let bare = format!("{} · {} () · {phase}", self.program_label, def.code);
        let room = usize::from(left_w)
            .saturating_sub(unicode_width::UnicodeWidthStr::width(bare.as_str()));
        let header = if room >= 8 {
            format!(
                "{} · {} ({}) · {phase}",
                self.program_label,
                def.code,
                fit(&def.title, room)
            )
        } else {
            format!("{} · {} · {phase}", self.program_label, def.code)
        };
        put(buf, x, area.y, &header, left_w, theme.header());
        put(
            buf,
            x + w.saturating_sub(mode_w),
            area.y,
            mode,
            mode_w.min(w),
            theme.header(),
        );
        let p = &data.progress;
        let progress = match self.keying {
            Keying::First => {
                let missing = p
                    .missing
                    .iter()
                    .filter(|(id, _, _)| !self.done_here.contains(&Respondent::Asn(*id)))
                    .count();
                Msg::EntryProgress.fill(
                    cx.lang,
                    &[&(p.complete + self.done_here.len()), &missing, &self.saved],
                )
            }
            Keying::Second => {
                let waiting = data.keyed.iter().filter(|r| !self.done(r)).count();
                let verified = data.done.len() + self.done_here.len();
                Msg::EntryVerifyProgress.fill(cx.lang, &[&verified, &waiting, &self.saved])
            }
        };
        put(buf, x, area.y + 1, &progress, w, theme.dim());
        match self.stage {
            Stage::Loading => {}
            Stage::Respondent => self.render_respondent(area, buf, cx),
            Stage::Items => self.render_items(area, buf, cx, def),
        }
    }

    fn cursor(&self, area: Rect, cx: &Cx) -> Option<Position> {
        if let (Stage::Items, Some(editor)) = (self.stage, &self.editor) {
            return Some(editor.text.cursor_position(editor_area(area)));
        }
        match self.stage {
            Stage::Respondent => Some(self.who.cursor_position(respondent_input_area(area, cx))),
            Stage::Items if self.typed_item() && !self.long_text() => {
                let rows = item_rows(area);
                let offset = item_offset(self.focus, rows.height, self.row_count());
                let y = rows.y + u16::try_from(self.focus.checked_sub(offset)?).ok()?;
                Some(self.input.cursor_position(answer_area(rows, y)))
            }
            _ => None,
        }
    }
}

pub fn phase_label(phase: crate::domain::instrument::Phase) -> Msg {
    match phase {
        crate::domain::instrument::Phase::Pre => Msg::PhasePre,
        crate::domain::instrument::Phase::Post => Msg::PhasePost,
        crate::domain::instrument::Phase::Followup => Msg::PhaseFollowup,
        crate::domain::instrument::Phase::F1 => Msg::PhaseF1,
        crate::domain::instrument::Phase::F2 => Msg::PhaseF2,
        crate::domain::instrument::Phase::F3 => Msg::PhaseF3,
        crate::domain::instrument::Phase::M6 => Msg::PhaseM6,
    }
}

fn respondent_input_area(area: Rect, cx: &Cx) -> Rect {
    let label_w = u16::try_from(unicode_width::UnicodeWidthStr::width(
        cx.t(Msg::EntryRespondent),
    ))
    .unwrap_or(0);
    Rect::new(area.x + 2 + label_w, area.y + 3, 30, 1)
}

/// The rows items are listed in: below the header lines, above the focused item's full text.
fn item_rows(area: Rect) -> Rect {
    Rect {
        x: area.x,
        y: area.y + 4,
        width: area.width,
        height: area.height.saturating_sub(8),
    }
}

/// Where an item's answer is typed or shown.
fn answer_area(rows: Rect, y: u16) -> Rect {
    let x = rows.x + rows.width.saturating_sub(LABEL_WIDTH + ANSWER_WIDTH + 1);
    Rect::new(x, y, ANSWER_WIDTH, 1)
}

const ANSWER_WIDTH: u16 = 12;
const LABEL_WIDTH: u16 = 19;

/// First item shown so that `focus` stays visible (the save line counts as one more row).
/// The first of `rows` rows (the items and the save line) shown so that `focus` is in sight. The list turns
/// a page at a time, like the paper, keeping the item just answered in sight above the focus, and never
/// past its last full page: scrolling one row per answer would repaint every row on every key
/// (docs/performance.md).
fn item_offset(focus: usize, height: u16, rows: usize) -> usize {
    let height = usize::from(height);
    let step = height.saturating_sub(2).max(1);
    let page = (focus.saturating_sub(1) / step) * step;
    page.min(rows.saturating_sub(height))
}

impl EntryScreen {
    fn render_respondent(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let x = area.x + 1;
        put(
            buf,
            x,
            area.y + 3,
            cx.t(Msg::EntryRespondent),
            20,
            theme.header(),
        );
        self.who
            .render(respondent_input_area(area, cx), buf, true, theme);
        let candidates = self.candidates();
        let hint = if self.anonymous() {
            Msg::EntrySheetHint.fill(
                cx.lang,
                &[&candidates.first().map(|c| c.1.clone()).unwrap_or_default()],
            )
        } else if candidates.is_empty() {
            cx.t(Msg::EntryNoRespondent).to_string()
        } else {
            cx.t(Msg::EntryRespondentHint).to_string()
        };
        put(
            buf,
            x,
            area.y + 4,
            &hint,
            area.width.saturating_sub(2),
            theme.dim(),
        );
        if self.anonymous() {
            return;
        }
        let offset = self.pick.view_offset(CANDIDATES);
        for (i, (_, name, nip)) in candidates.iter().enumerate().skip(offset).take(CANDIDATES) {
            let y = area.y + 5 + u16::try_from(i - offset).unwrap_or(0);
            let selected = i == self.pick.selected;
            let style = if selected {
                theme.selected()
            } else {
                theme.base()
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
                buf.set_string(area.x, y, "▶", style);
            }
            put(buf, x + 1, y, nip, 22, style);
            put(buf, x + 24, y, name, area.width.saturating_sub(26), style);
        }
        if candidates.len() > CANDIDATES {
            let more = Msg::EntryMoreCandidates.fill(cx.lang, &[&(candidates.len() - CANDIDATES)]);
            put(
                buf,
                x + 1,
                area.y + 5 + u16::try_from(CANDIDATES).unwrap_or(10),
                &more,
                area.width.saturating_sub(4),
                theme.dim(),
            );
        }
    }

    /// The editor over the form's rows: what it is for, the text, and its keys.
    fn render_editor(&self, editor: &Editor, area: Rect, buf: &mut Buffer, cx: &Cx) {
        use ratatui::widgets::{Block, Borders, Clear, Widget};
        let inner = editor_area(area);
        let frame = Rect {
            x: inner.x.saturating_sub(1),
            y: inner.y.saturating_sub(1),
            width: inner.width + 2,
            height: inner.height + 2,
        };
        // The form's rows under the editor are cleared edge to edge: no focus mark (▶) or cut mark (…)
        // shows beside the frame.
        Clear.render(
            Rect {
                x: area.x,
                width: area.width,
                ..frame
            },
            buf,
        );
        let about = match self.item(editor.item) {
            Some(item) if editor.key == item.code.as_str() => {
                format!("{} {}", item.code, self.item_text(item))
            }
            Some(item) => Msg::EditorNoteTitle.fill(cx.lang, &[&item.code]),
            None => String::new(),
        };
        Block::default()
            .borders(Borders::ALL)
            .title(format!(
                " {} ",
                fit(&about, usize::from(inner.width.saturating_sub(2)))
            ))
            .title_bottom(format!(
                " {} ",
                Msg::EditorTitle.fill(
                    cx.lang,
                    &[&keymap::key_hints(
                        &EDITOR_SCOPES,
                        &[Command::AcceptText, Command::Newline, Command::Cancel],
                        cx.lang
                    )]
                )
            ))
            .render(frame, buf);
        editor.text.render(inner, buf, cx.theme);
    }

    fn render_items(&self, area: Rect, buf: &mut Buffer, cx: &Cx, def: &Definition) {
        let theme = cx.theme;
        let x = area.x + 1;
        if let Some((_, label)) = &self.respondent {
            let line = format!("{} {label}", cx.t(Msg::EntryRespondent));
            put(
                buf,
                x,
                area.y + 2,
                &line,
                area.width.saturating_sub(2),
                theme.header(),
            );
        }
        let rows = item_rows(area);
        let total = def.items.len();
        let offset = item_offset(self.focus, rows.height, total + 1);
        // The code column fits the instrument's longest code (5 to 13 columns).
        let code_w = def
            .items
            .iter()
            .map(|i| i.code.as_str().chars().count())
            .max()
            .map_or(5, |n| u16::try_from(n).unwrap_or(13).clamp(5, 13));
        for row in 0..rows.height {
            let index = offset + usize::from(row);
            let y = rows.y + row;
            if index > total {
                break;
            }
            let focused = index == self.focus;
            let style = if focused {
                theme.selected()
            } else {
                theme.base()
            };
            // The focused row is marked by its marker, code and answer alone: moving on repaints those
            // few cells, not the whole row (bytes over a slow link; docs/performance.md).
            if focused {
                buf.set_string(area.x, y, "▶", style);
            }
            if index == total {
                put(
                    buf,
                    x + 1,
                    y,
                    cx.t(Msg::EntrySaveLine),
                    rows.width.saturating_sub(3),
                    if focused { style } else { theme.header() },
                );
                continue;
            }
            let item = &def.items[index];
            let shown = self.shown(index);
            let ans = answer_area(rows, y);
            let text_x = x + 2 + code_w;
            let text_w = ans.x.saturating_sub(text_x + 1);
            put(
                buf,
                x + 1,
                y,
                item.code.as_str(),
                code_w,
                if shown { style } else { theme.dim() },
            );
            put(
                buf,
                text_x,
                y,
                &self.item_text(item),
                text_w,
                if shown { theme.base() } else { theme.dim() },
            );
            if !shown {
                put(buf, ans.x, y, cx.t(Msg::EntrySkippedMark), 30, theme.dim());
                continue;
            }
            let value = self.answers.get(item.code.as_str());
            if focused && self.typed_item() && !self.long_text() {
                self.input.render(ans, buf, true, theme);
            } else {
                let v = value
                    .map(|v| display_value(item, v))
                    .unwrap_or_else(|| "·".to_string());
                put(buf, ans.x, y, &format!("[{v}]"), ans.width, style);
            }
            let label = match (&item.kind, value.map(String::as_str)) {
                (ItemKind::YesNo { .. }, Some("1")) => Some(cx.t(Msg::Yes).to_string()),
                (ItemKind::YesNo { .. }, Some("0")) => Some(cx.t(Msg::No).to_string()),
                (ItemKind::YesNo { na: true }, Some("9")) => {
                    Some(cx.t(Msg::NotApplicable).to_string())
                }
                (
                    ItemKind::Text {
                        multiline: true, ..
                    },
                    Some(v),
                ) if v.lines().count() > 1 => {
                    Some(Msg::EntryLines.fill(cx.lang, &[&v.lines().count()]))
                }
                (_, v) => v.and_then(|v| item.label_of(v)),
            };
            // An evidence note is marked beside the answer.
            let noted = self
                .answers
                .contains_key(&crate::domain::instrument::note_key(item.code.as_str()));
            let label = match (label, noted) {
                (Some(l), true) => Some(format!("✎ {l}")),
                (None, true) => Some("✎".to_string()),
                (l, false) => l,
            };
            if let Some(label) = label {
                put(buf, ans.x + ans.width + 1, y, &label, LABEL_WIDTH, style);
            }
        }
        // The focused item in full, and what may be answered.
        let info_y = rows.y + rows.height;
        let w = usize::from(area.width.saturating_sub(2));
        if let Some(item) = def.items.get(self.focus) {
            let mut lines = crate::screens::confirm::wrap(
                &format!("{} {}", item.code, self.item_text(item)),
                w,
            );
            lines.truncate(2);
            for (i, line) in lines.iter().enumerate() {
                put(
                    buf,
                    x,
                    info_y + u16::try_from(i).unwrap_or(0),
                    line,
                    area.width.saturating_sub(2),
                    theme.header(),
                );
            }
            // A mismatch is said in the status line; here stays what may be answered (or, while the
            // editor is open, how it works).
            let hint = match &self.editor {
                Some(editor) => editor_hint(editor.key == item.code.as_str(), cx),
                None => answer_hint(item, cx),
            };
            // Two rows: a long hint (the editor's keys, a long text) wraps rather than being cut.
            let mut hint_lines = crate::screens::confirm::wrap(&hint, w);
            if hint_lines.len() > 2 {
                let rest = hint_lines[1..].join(" ");
                hint_lines.truncate(1);
                hint_lines.push(fit(&rest, w));
            }
            for (i, line) in hint_lines.iter().enumerate() {
                put(
                    buf,
                    x,
                    info_y + 2 + u16::try_from(i).unwrap_or(0),
                    line,
                    area.width.saturating_sub(2),
                    theme.dim(),
                );
            }
        } else {
            put(
                buf,
                x,
                info_y,
                cx.t(Msg::EntrySaveHint),
                area.width.saturating_sub(2),
                theme.header(),
            );
        }
        if let Some(editor) = &self.editor {
            self.render_editor(editor, area, buf, cx);
        }
    }
}

/// Whether double entry compares an item: long free texts are not retyped word for word.
fn compared(item: &Item) -> bool {
    !matches!(
        item.kind,
        ItemKind::Text {
            multiline: true,
            ..
        }
    )
}

fn display_value(item: &Item, v: &str) -> String {
    match item.kind {
        ItemKind::Date => crate::domain::date::parse(v)
            .map(crate::domain::date::format)
            .unwrap_or_else(|_| v.to_string()),
        // A long text shows its first line.
        ItemKind::Text {
            multiline: true, ..
        } => v.lines().next().unwrap_or_default().to_string(),
        _ => v.to_string(),
    }
}

/// What may be answered: the scale points with their labels, the codes, the range.
fn answer_hint(item: &Item, cx: &Cx) -> String {
    match &item.kind {
        ItemKind::Likert { min, labels, .. } if !labels.is_empty() => labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}={l}", usize::from(*min) + i))
            .collect::<Vec<_>>()
            .join(" · "),
        ItemKind::Likert { min, max, .. } => Msg::EntryRange.fill(cx.lang, &[min, max]),
        ItemKind::YesNo { na: false } => cx.t(Msg::EntryYesNo).to_string(),
        ItemKind::YesNo { na: true } => cx.t(Msg::EntryYesNoNa).to_string(),
        ItemKind::Choice {
            options, multiple, ..
        } => {
            let list = options
                .iter()
                .map(|o| format!("{}={}", o.code, o.label))
                .collect::<Vec<_>>()
                .join(" · ");
            if *multiple {
                Msg::EntryMultiple.fill(cx.lang, &[&list])
            } else {
                list
            }
        }
        ItemKind::Number { min, max, decimals } => Msg::EntryNumberHint.fill(
            cx.lang,
            &[&number(*min, cx.lang), &number(*max, cx.lang), decimals],
        ),
        ItemKind::Text {
            multiline: true, ..
        } => Msg::EntryLongTextHint.fill(
            cx.lang,
            &[
                &keymap::key_for(&ENTRY_SCOPES, Command::OpenEditor, cx.lang),
                &keymap::key_for(&ENTRY_SCOPES, Command::Submit, cx.lang),
            ],
        ),
        ItemKind::Text { .. } => Msg::EntryTextHint.fill(
            cx.lang,
            &[&keymap::key_for(&ENTRY_SCOPES, Command::Submit, cx.lang)],
        ),
        ItemKind::Date => cx.t(Msg::EntryDateHint).to_string(),
    }
}

/// How the editor works, with its keys from the keymap: for a long answer (`answer`) or a note.
fn editor_hint(answer: bool, cx: &Cx) -> String {
    let key = |c| keymap::key_for(&EDITOR_SCOPES, c, cx.lang);
    let msg = if answer {
        Msg::EditorHintAnswer
    } else {
        Msg::EditorHintNote
    };
    msg.fill(
        cx.lang,
        &[
            &key(Command::AcceptText),
            &key(Command::Newline),
            &key(Command::Cancel),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::item_offset;

    #[test]
    fn the_last_page_is_full() {
        // 24 rows, 13 in sight: the second page starts where the last 13 rows do.
        assert_eq!(item_offset(11, 13, 24), 0);
        assert_eq!(item_offset(12, 13, 24), 11);
        assert_eq!(item_offset(23, 13, 24), 11);
        // Fewer rows than the height: never scrolled.
        assert_eq!(item_offset(9, 13, 10), 0);
    }

    #[test]
    fn the_item_list_turns_whole_pages_with_the_last_answer_in_sight() {
        for height in [3u16, 8, 13, 20] {
            let mut turns = 0;
            let mut last = 0;
            for focus in 0..60 {
                let offset = item_offset(focus, height, 60);
                let row = focus - offset;
                assert!(
                    row < usize::from(height),
                    "focus {focus} visible at height {height}"
                );
                if focus > 0 {
                    assert!(offset < focus, "the item above {focus} is in sight");
                }
                if offset != last {
                    turns += 1;
                    last = offset;
                }
            }
            // One turn per page, not one per item.
            let step = usize::from(height) - 2;
            assert!(turns <= 60 / step + 1, "height {height}: {turns} turns");
        }
    }
}
