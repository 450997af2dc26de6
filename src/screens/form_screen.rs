//! The behaviour every data form shares: moving between fields, live hints, saving only when valid,
//! drafts so that nothing typed is lost, asking before throwing changes away, and the conflict view when
//! someone else saved first. What a particular form edits is described by a [`FormSpec`].

use super::confirm::Confirm;
use super::conflict::ConflictView;
use super::picker::{PickFor, Picker};
use super::{Cx, Modal, Reply, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, FailureKind, Load, Loaded};
use crate::app::keymap::Scope;
use crate::domain::ids::Version;
use crate::i18n::Msg;
use crate::widgets::form::{FieldKey, Form, FormEdit, Input};
use crate::widgets::input::Edit;
use crate::widgets::put;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use std::collections::BTreeMap;
use std::fmt::Debug;

/// What one form edits.
pub trait FormSpec: Clone + PartialEq + Debug {
    type F: FieldKey;
    /// Draft name of this form (with [`FormSpec::record_key`] it names the draft).
    const FORM: &'static str;

    fn title(&self, cx: &Cx) -> String;
    /// The fields, filled with the record's values (or empty for a new record).
    fn build(&self, cx: &Cx) -> Form<Self::F>;
    /// Which record the draft belongs to ("" for a new one).
    fn record_key(&self) -> String;
    /// The change to save, or the problems by field (already in the user's language).
    fn submit(&self, form: &Form<Self::F>, cx: &Cx) -> Result<Change, Vec<(Self::F, String)>>;
    /// Updates hints after an edit (e.g. what a NIP says as it is typed).
    fn hints(&self, _form: &mut Form<Self::F>, _cx: &Cx) {}
    /// Extra loads when the form opens (e.g. labels of lookups).
    fn loads(&self) -> Vec<Load> {
        Vec::new()
    }
    /// Takes data the form asked for; returns whether the form changed.
    fn loaded(&mut self, _form: &mut Form<Self::F>, _loaded: &Loaded, _cx: &Cx) -> bool {
        false
    }
    /// The version an edit is based on (None for new records, which cannot conflict).
    fn base(&self) -> Option<Version> {
        None
    }
    fn set_base(&mut self, _version: Version) {}
    /// Reads the stored record again (after a conflict).
    fn reload(&self) -> Option<Load> {
        None
    }
    /// The stored record as form values, when `loaded` is it.
    fn theirs(&self, _loaded: &Loaded, _cx: &Cx) -> Option<(Version, Form<Self::F>)> {
        None
    }
    /// The field a duplicate error belongs to (a duplicate NIP or code).
    fn duplicate_field(&self) -> Option<Self::F> {
        None
    }
    fn saved_message(&self, cx: &Cx) -> String {
        cx.t(Msg::Saved).to_string()
    }
    /// A line under the title (what the form is about).
    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Editing,
    Saving,
    /// Someone saved first; their version is being loaded.
    Conflict,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormScreen<S: FormSpec> {
    pub spec: S,
    pub form: Form<S::F>,
    pub phase: Phase,
    draft_checked: bool,
    /// Their record after a conflict, until resolved.
    theirs: Option<(Version, Form<S::F>)>,
}

impl<S: FormSpec> FormScreen<S> {
    pub fn new(spec: S, cx: &Cx) -> FormScreen<S> {
        let mut form = spec.build(cx);
        spec.hints(&mut form, cx);
        FormScreen {
            spec,
            form,
            phase: Phase::Editing,
            draft_checked: false,
            theirs: None,
        }
    }

    fn keep_draft(&mut self) -> Vec<Reply> {
        if !self.form.unsaved_draft {
            return Vec::new();
        }
        self.form.unsaved_draft = false;
        vec![Reply::Effect(self.draft_effect())]
    }

    fn draft_effect(&self) -> Effect {
        Effect::KeepDraft {
            form: S::FORM,
            record: self.spec.record_key(),
            payload: serde_json::to_string(&self.form.snapshot()).unwrap_or_default(),
        }
    }

    fn discard_draft(&self) -> Reply {
        Reply::Effect(Effect::DiscardDraft {
            form: S::FORM,
            record: self.spec.record_key(),
        })
    }

    fn save(&mut self, cx: &Cx) -> Vec<Reply> {
        match self.spec.submit(&self.form, cx) {
            Ok(change) => {
                self.form.clear_errors();
                self.phase = Phase::Saving;
                vec![Reply::save(change)]
            }
            Err(errors) => {
                let count = errors.len();
                let first = errors.first().map(|(_, m)| m.clone()).unwrap_or_default();
                self.form.set_errors(errors);
                let mut replies = vec![Reply::error(
                    Msg::FormHasErrors.fill(cx.lang, &[&count, &first]),
                )];
                replies.extend(self.keep_draft());
                replies
            }
        }
    }

    fn back(&mut self, cx: &Cx) -> Vec<Reply> {
        if self.form.dirty {
            vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                question: cx.t(Msg::ConfirmDiscard).to_string(),
                on_yes: vec![self.discard_draft(), Reply::Pop],
            })))]
        } else {
            vec![Reply::Pop]
        }
    }

    fn edited(&mut self, result: FormEdit, cx: &Cx) -> Vec<Reply> {
        match result {
            FormEdit::Changed => {
                self.spec.hints(&mut self.form, cx);
                Vec::new()
            }
            FormEdit::Refused(c) => vec![Reply::error(
                Msg::KeyNotAllowed.fill(cx.lang, &[&crate::text::visible(&c.to_string())]),
            )],
            FormEdit::Full => vec![Reply::error(cx.t(Msg::FieldFull))],
            FormEdit::Moved | FormEdit::Nothing => Vec::new(),
        }
    }

    fn open_picker(&self) -> Vec<Reply> {
        match self.form.focus_is_lookup() {
            Some(kind) => {
                let (picker, mut replies) = Picker::open(kind, PickFor::Field);
                replies.insert(0, Reply::Modal(Box::new(Modal::Picker(picker))));
                replies
            }
            None => Vec::new(),
        }
    }

    fn shown(field: &crate::widgets::form::Field<S::F>) -> String {
        match &field.input {
            Input::Text(t) => t.value().to_string(),
            Input::Choice { options, index } => options
                .get(*index)
                .map(|o| o.label.clone())
                .unwrap_or_default(),
            Input::Lookup { label, .. } => label.clone(),
        }
    }

    fn conflict_view(&self, by: &str, at: &str, theirs: &Form<S::F>) -> ConflictView {
        ConflictView {
            by: by.to_string(),
            at: at.to_string(),
            rows: self
                .form
                .fields
                .iter()
                .zip(&theirs.fields)
                .map(|(m, t)| (m.label.clone(), Self::shown(m), Self::shown(t)))
                .collect(),
        }
    }
}

impl<S: FormSpec> View for FormScreen<S> {
    fn title(&self, cx: &Cx) -> String {
        self.spec.title(cx)
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        let typing = matches!(
            self.form.focused().map(|f| &f.input),
            Some(Input::Text(_) | Input::Choice { .. })
        );
        let mut scopes = Vec::new();
        if self.form.focus_is_lookup().is_some() {
            scopes.push(Scope::Lookup);
        }
        scopes.push(Scope::Form);
        if typing {
            scopes.push(Scope::Text);
        }
        (scopes, typing)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
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
            if self.phase == Phase::Saving {
                return Vec::new();
            }
            let result = self.form.edit(&edit);
            return self.edited(result, cx);
        }
        match action {
            Action::Cmd(Command::NextField) => {
                self.form.next();
                self.keep_draft()
            }
            Action::Cmd(Command::PrevField) => {
                self.form.prev();
                self.keep_draft()
            }
            Action::Cmd(Command::Submit) if !self.form.is_last() => {
                self.form.next();
                self.keep_draft()
            }
            Action::Cmd(Command::Submit | Command::Save) if self.phase != Phase::Saving => {
                self.save(cx)
            }
            Action::Cmd(Command::Pick) => self.open_picker(),
            Action::Cmd(Command::Back) => self.back(cx),
            Action::Picked { id, label, .. } => {
                self.form.pick(*id, label);
                self.spec.hints(&mut self.form, cx);
                let mut replies = self.keep_draft();
                if !self.form.is_last() {
                    self.form.next();
                }
                replies.extend(Vec::new());
                replies
            }
            Action::Saved(_) if self.phase == Phase::Saving => {
                self.phase = Phase::Editing;
                self.form.dirty = false;
                vec![
                    self.discard_draft(),
                    Reply::Pop,
                    Reply::info(self.spec.saved_message(cx)),
                ]
            }
            Action::Failed(f) if self.phase == Phase::Saving => match &f.kind {
                FailureKind::Conflict { .. } => match self.spec.reload() {
                    Some(load) => {
                        self.phase = Phase::Conflict;
                        vec![Reply::error(f.message.clone()), Reply::load(load)]
                    }
                    None => {
                        self.phase = Phase::Editing;
                        vec![Reply::error(f.message.clone())]
                    }
                },
                FailureKind::Duplicate => {
                    self.phase = Phase::Editing;
                    if let Some(field) = self.spec.duplicate_field() {
                        self.form.set_errors(vec![(field, f.message.clone())]);
                    }
                    vec![Reply::error(f.message.clone())]
                }
                FailureKind::Other => {
                    self.phase = Phase::Editing;
                    vec![Reply::error(f.message.clone())]
                }
            },
            Action::Failed(f) => vec![Reply::error(f.message.clone())],
            Action::Loaded(Loaded::Draft {
                form,
                record,
                payload,
            }) if *form == S::FORM && *record == self.spec.record_key() => {
                if self.draft_checked || self.form.dirty {
                    return Vec::new();
                }
                self.draft_checked = true;
                let Some(values) = payload
                    .as_deref()
                    .and_then(|p| serde_json::from_str::<BTreeMap<String, String>>(p).ok())
                else {
                    return Vec::new();
                };
                self.form.restore(&values);
                self.spec.hints(&mut self.form, cx);
                vec![Reply::info(cx.t(Msg::DraftRestored))]
            }
            Action::Loaded(loaded) if self.phase == Phase::Conflict => {
                let Some((version, theirs)) = self.spec.theirs(loaded, cx) else {
                    return Vec::new();
                };
                let (by, at) = match loaded {
                    Loaded::Asn(a, _) => (a.stamp.updated_by.clone(), a.stamp.updated_at.clone()),
                    Loaded::Program(p) => (p.stamp.updated_by.clone(), p.stamp.updated_at.clone()),
                    Loaded::Opd(o) => (o.stamp.updated_by.clone(), o.stamp.updated_at.clone()),
                    Loaded::Indicator(_, Some((_, s))) | Loaded::Roi(_, Some((_, s))) => {
                        (s.updated_by.clone(), s.updated_at.clone())
                    }
                    _ => (String::new(), String::new()),
                };
                let view = self.conflict_view(&by, &at, &theirs);
                self.theirs = Some((version, theirs));
                self.phase = Phase::Editing;
                vec![Reply::Modal(Box::new(Modal::Conflict(view)))]
            }
            Action::Loaded(loaded) => {
                if self.spec.loaded(&mut self.form, loaded, cx) {
                    self.spec.hints(&mut self.form, cx);
                }
                Vec::new()
            }
            Action::Cmd(Command::TakeTheirs) => match self.theirs.take() {
                Some((version, theirs)) => {
                    self.spec.set_base(version);
                    let focus = self.form.focus;
                    self.form = theirs;
                    self.form.focus = focus;
                    self.spec.hints(&mut self.form, cx);
                    vec![
                        self.discard_draft(),
                        Reply::info(cx.t(Msg::ConflictTookTheirs)),
                    ]
                }
                None => Vec::new(),
            },
            Action::Cmd(Command::KeepMine) => match self.theirs.take() {
                Some((version, _)) => {
                    self.spec.set_base(version);
                    self.save(cx)
                }
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn refresh(&self) -> Vec<Effect> {
        let mut effects: Vec<Effect> = self.spec.loads().into_iter().map(Effect::Load).collect();
        if !self.draft_checked {
            effects.push(Effect::Load(Load::Draft {
                form: S::FORM,
                record: self.spec.record_key(),
            }));
        }
        effects
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        if area.height < 3 {
            return;
        }
        put(
            buf,
            area.x + 1,
            area.y,
            &self.spec.title(cx),
            area.width.saturating_sub(2),
            cx.theme.header(),
        );
        if let Some(sub) = self.spec.subtitle(cx) {
            put(
                buf,
                area.x + 1,
                area.y + 1,
                &sub,
                area.width.saturating_sub(2),
                cx.theme.dim(),
            );
        }
        let fields = Rect {
            x: area.x,
            y: area.y + 2,
            width: area.width,
            height: area.height.saturating_sub(2),
        };
        self.form.render(fields, buf, cx.theme);
    }

    fn cursor(&self, area: Rect, _cx: &Cx) -> Option<Position> {
        let fields = Rect {
            x: area.x,
            y: area.y + 2,
            width: area.width,
            height: area.height.saturating_sub(2),
        };
        self.form.cursor(fields)
    }

    fn keep(&self) -> Vec<Effect> {
        if self.form.dirty {
            vec![self.draft_effect()]
        } else {
            Vec::new()
        }
    }
}
