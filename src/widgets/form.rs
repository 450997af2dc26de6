//! The form engine behind every data form: typed fields in order, focus that moves with Tab/Enter, errors
//! beside the field that has them, and a snapshot of the values for drafts.
//!
//! A form knows nothing about what it edits: each screen builds its fields, reads the values back into a
//! domain draft, and lets the domain decide what is valid.

use super::input::{Edit, Edited, InputKind, TextInput};
use super::{Theme, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use std::collections::BTreeMap;
use unicode_width::UnicodeWidthStr;

/// A field identifier with a stable key (used for drafts).
pub trait FieldKey: Copy + Eq + std::fmt::Debug {
    fn key(self) -> &'static str;
}

/// One option of a choice field: a stable code and what the user reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    pub code: String,
    pub label: String,
}

/// What kind of record a lookup field points at (the screen opens the matching picker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupKind {
    Opd,
    Asn,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(TextInput),
    /// One of a fixed list; Space and ←/→ step through it, a letter jumps to it.
    Choice {
        options: Vec<ChoiceOption>,
        index: usize,
    },
    /// A record chosen in a picker; shows its label.
    Lookup {
        kind: LookupKind,
        id: Option<i64>,
        label: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<F> {
    pub id: F,
    pub label: String,
    pub input: Input,
    /// Columns the input takes.
    pub width: u16,
    pub error: Option<String>,
    /// Information shown beside the field when it has no error (e.g. what a NIP says).
    pub hint: Option<String>,
}

impl<F> Field<F> {
    pub fn text(
        id: F,
        label: impl Into<String>,
        kind: InputKind,
        max: usize,
        width: u16,
    ) -> Field<F> {
        Field {
            id,
            label: label.into(),
            input: Input::Text(TextInput::new(kind, max)),
            width,
            error: None,
            hint: None,
        }
    }

    pub fn choice(
        id: F,
        label: impl Into<String>,
        options: Vec<ChoiceOption>,
        width: u16,
    ) -> Field<F> {
        Field {
            id,
            label: label.into(),
            input: Input::Choice { options, index: 0 },
            width,
            error: None,
            hint: None,
        }
    }

    pub fn lookup(id: F, label: impl Into<String>, kind: LookupKind, width: u16) -> Field<F> {
        Field {
            id,
            label: label.into(),
            input: Input::Lookup {
                kind,
                id: None,
                label: String::new(),
            },
            width,
            error: None,
            hint: None,
        }
    }

    /// The value as text: a text field's contents, a choice's code, a lookup's id.
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(t) => t.value().to_string(),
            Input::Choice { options, index } => options
                .get(*index)
                .map(|o| o.code.clone())
                .unwrap_or_default(),
            Input::Lookup { id, .. } => id.map(|i| i.to_string()).unwrap_or_default(),
        }
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEdit {
    Changed,
    Moved,
    Refused(char),
    Full,
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form<F> {
    pub fields: Vec<Field<F>>,
    pub focus: usize,
    /// Changed since it was opened or last saved.
    pub dirty: bool,
    /// Changed since the draft was last kept.
    pub unsaved_draft: bool,
}

/// Narrowest label column: the focus marker, a space, a label of up to 15 columns and the space before
/// the value.
pub const LABEL_WIDTH: u16 = 18;

/// Widest label column, so that a wide terminal does not push the values far from their labels.
const MAX_LABEL_WIDTH: u16 = 30;

/// The marker and space before a label, and the space between it and the value.
const LABEL_MARGIN: u16 = 3;

impl<F: FieldKey> Form<F> {
    pub fn new(fields: Vec<Field<F>>) -> Form<F> {
        Form {
            fields,
            focus: 0,
            dirty: false,
            unsaved_draft: false,
        }
    }

    pub fn focused(&self) -> Option<&Field<F>> {
        self.fields.get(self.focus)
    }

    pub fn focused_id(&self) -> Option<F> {
        self.focused().map(|f| f.id)
    }

    pub fn field(&self, id: F) -> Option<&Field<F>> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: F) -> Option<&mut Field<F>> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn value(&self, id: F) -> String {
        self.field(id).map(Field::value).unwrap_or_default()
    }

    pub fn lookup(&self, id: F) -> Option<i64> {
        match self.field(id).map(|f| &f.input) {
            Some(Input::Lookup { id, .. }) => *id,
            _ => None,
        }
    }

    /// Whether the focused field takes typed characters (text fields do; choices take letters to jump).
    pub fn focus_is_text(&self) -> bool {
        matches!(self.focused().map(|f| &f.input), Some(Input::Text(_)))
    }

    pub fn focus_is_lookup(&self) -> Option<LookupKind> {
        match self.focused().map(|f| &f.input) {
            Some(Input::Lookup { kind, .. }) => Some(*kind),
            _ => None,
        }
    }

    pub fn is_last(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    pub fn next(&mut self) {
        if !self.is_last() {
            self.focus += 1;
        }
    }

    pub fn prev(&mut self) {
        self.focus = self.focus.saturating_sub(1);
    }

    pub fn focus_on(&mut self, id: F) {
        if let Some(i) = self.fields.iter().position(|f| f.id == id) {
            self.focus = i;
        }
    }

    fn touched(&mut self) {
        self.dirty = true;
        self.unsaved_draft = true;
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.error = None;
        }
    }

    /// Applies an edit to the focused field.
    pub fn edit(&mut self, edit: &Edit) -> FormEdit {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormEdit::Nothing;
        };
        let result = match &mut field.input {
            Input::Text(t) => match t.apply(edit) {
                Edited::Changed => FormEdit::Changed,
                Edited::Moved => FormEdit::Moved,
                Edited::Refused(c) => FormEdit::Refused(c),
                Edited::Full => FormEdit::Full,
                Edited::Nothing => FormEdit::Nothing,
            },
            Input::Choice { options, index } => match edit {
                Edit::Insert(c) => jump(options, index, *c),
                Edit::Left => step_choice(options.len(), index, -1),
                Edit::Right => step_choice(options.len(), index, 1),
                _ => FormEdit::Nothing,
            },
            Input::Lookup { id, label, .. } => match edit {
                Edit::Backspace | Edit::Delete | Edit::Clear if id.is_some() => {
                    *id = None;
                    label.clear();
                    FormEdit::Changed
                }
                _ => FormEdit::Nothing,
            },
        };
        if result == FormEdit::Changed {
            self.touched();
        }
        result
    }

    /// Steps a choice field (Space / ←/→).
    pub fn cycle(&mut self, delta: isize) -> FormEdit {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormEdit::Nothing;
        };
        let result = match &mut field.input {
            Input::Choice { options, index } => step_choice(options.len(), index, delta),
            _ => FormEdit::Nothing,
        };
        if result == FormEdit::Changed {
            self.touched();
        }
        result
    }

    /// Sets a text field's value (without marking the form changed).
    pub fn set_text(&mut self, id: F, value: &str) {
        if let Some(Field {
            input: Input::Text(t),
            ..
        }) = self.field_mut(id)
        {
            t.set(value);
        }
    }

    /// Selects the option with this code (without marking the form changed).
    pub fn set_choice(&mut self, id: F, code: &str) {
        if let Some(Field {
            input: Input::Choice { options, index },
            ..
        }) = self.field_mut(id)
            && let Some(i) = options.iter().position(|o| o.code == code)
        {
            *index = i;
        }
    }

    /// Fills a lookup field (from a picker or a loaded record).
    pub fn set_lookup(&mut self, id: F, value: Option<i64>, shown: &str) {
        if let Some(Field {
            input: Input::Lookup { id: v, label, .. },
            ..
        }) = self.field_mut(id)
        {
            *v = value;
            *label = shown.to_string();
        }
    }

    /// A picker filled the focused lookup: that is a change.
    pub fn pick(&mut self, value: i64, shown: &str) {
        if let Some(f) = self.fields.get(self.focus) {
            let id = f.id;
            self.set_lookup(id, Some(value), shown);
            self.touched();
        }
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Shows errors beside their fields and moves the focus to the first.
    pub fn set_errors(&mut self, errors: Vec<(F, String)>) {
        self.clear_errors();
        let mut first = None;
        for (id, message) in errors {
            if let Some(i) = self.fields.iter().position(|f| f.id == id) {
                first = Some(first.map_or(i, |f: usize| f.min(i)));
                if let Some(f) = self.fields.get_mut(i)
                    && f.error.is_none()
                {
                    f.error = Some(message);
                }
            }
        }
        if let Some(i) = first {
            self.focus = i;
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// The values by field key, for a draft. Lookups keep their label too (`id|label`).
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.fields
            .iter()
            .map(|f| {
                let v = match &f.input {
                    Input::Lookup {
                        id: Some(id),
                        label,
                        ..
                    } => format!("{id}|{label}"),
                    _ => f.value(),
                };
                (f.id.key().to_string(), v)
            })
            .collect()
    }

    /// Puts a draft's values back.
    pub fn restore(&mut self, values: &BTreeMap<String, String>) {
        for f in &mut self.fields {
            let Some(v) = values.get(f.id.key()) else {
                continue;
            };
            match &mut f.input {
                Input::Text(t) => t.set(v),
                Input::Choice { options, index } => {
                    if let Some(i) = options.iter().position(|o| &o.code == v) {
                        *index = i;
                    }
                }
                Input::Lookup { id, label, .. } => {
                    let (i, l) = v.split_once('|').unwrap_or((v.as_str(), ""));
                    *id = i.parse().ok();
                    *label = if id.is_some() {
                        l.to_string()
                    } else {
                        String::new()
                    };
                }
            }
        }
        self.dirty = true;
    }

    /// First row shown, so that the focused field is visible in `height` rows.
    fn first_row(&self, height: usize) -> usize {
        self.focus.saturating_sub(height.saturating_sub(1))
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        self.render_with(area, buf, theme, true);
    }

    /// Draws the form; without `show_focus` no field is marked (the keys go elsewhere).
    pub fn render_with(&self, area: Rect, buf: &mut Buffer, theme: Theme, show_focus: bool) {
        let height = usize::from(area.height);
        let first = self.first_row(height);
        // A label too long for the column is cut, but never touches its value.
        let label_text = self.label_width(area) - LABEL_MARGIN;
        for (row, (i, f)) in self
            .fields
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .enumerate()
        {
            let y = area.y + u16::try_from(row).unwrap_or(0);
            let focused = show_focus && i == self.focus;
            let marker = if focused { "▶" } else { " " };
            buf.set_string(area.x, y, marker, theme.base());
            let label_style = if focused {
                theme.header()
            } else {
                theme.label()
            };
            put(buf, area.x + 2, y, &f.label, label_text, label_style);
            let input_area = self.input_area(area, y, f);
            match &f.input {
                Input::Text(t) => t.render(input_area, buf, focused, theme),
                Input::Choice { options, index } => {
                    let style = if focused {
                        theme.field_focused()
                    } else {
                        theme.field()
                    };
                    buf.set_style(input_area, style);
                    let label = options.get(*index).map_or("", |o| o.label.as_str());
                    let shown = format!("◀ {label} ▶");
                    put(buf, input_area.x, y, &shown, input_area.width, style);
                }
                Input::Lookup { label, id, .. } => {
                    let style = if focused {
                        theme.field_focused()
                    } else {
                        theme.field()
                    };
                    buf.set_style(input_area, style);
                    let shown = if id.is_some() {
                        label.clone()
                    } else {
                        "—".to_string()
                    };
                    put(
                        buf,
                        input_area.x,
                        y,
                        &shown,
                        input_area.width.saturating_sub(2),
                        style,
                    );
                    buf.set_string(
                        input_area.x + input_area.width.saturating_sub(1),
                        y,
                        "…",
                        style,
                    );
                }
            }
            let note_x = input_area.x + input_area.width + 1;
            let note_width = (area.x + area.width).saturating_sub(note_x);
            if let Some(e) = &f.error {
                put(buf, note_x, y, &format!("✗ {e}"), note_width, theme.error());
            } else if let Some(h) = &f.hint {
                put(buf, note_x, y, h, note_width, theme.dim());
            }
        }
    }

    /// The label column: wide enough for the longest label and a space before the value, at least
    /// [`LABEL_WIDTH`] and at most a third of the area (26 columns in 80), so the values keep their room.
    pub fn label_width(&self, area: Rect) -> u16 {
        let longest = self
            .fields
            .iter()
            .map(|f| crate::text::visible(&f.label).width())
            .max()
            .unwrap_or(0);
        let wanted = u16::try_from(longest)
            .unwrap_or(u16::MAX)
            .saturating_add(LABEL_MARGIN);
        let most = (area.width / 3).clamp(LABEL_WIDTH, MAX_LABEL_WIDTH);
        wanted.clamp(LABEL_WIDTH, most)
    }

    fn input_area(&self, area: Rect, y: u16, f: &Field<F>) -> Rect {
        let label = self.label_width(area);
        let x = area.x + label;
        let width = f.width.min(area.width.saturating_sub(label + 1));
        Rect {
            x,
            y,
            width,
            height: 1,
        }
    }

    /// Where the terminal cursor goes: in the focused text field.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let height = usize::from(area.height);
        let first = self.first_row(height);
        let f = self.fields.get(self.focus)?;
        let Input::Text(t) = &f.input else {
            return None;
        };
        let y = area.y + u16::try_from(self.focus - first).ok()?;
        Some(t.cursor_position(self.input_area(area, y, f)))
    }
}

fn step_choice(len: usize, index: &mut usize, delta: isize) -> FormEdit {
    if len < 2 {
        return FormEdit::Nothing;
    }
    let len_i = isize::try_from(len).unwrap_or(1);
    let next = (isize::try_from(*index).unwrap_or(0) + delta).rem_euclid(len_i);
    *index = usize::try_from(next).unwrap_or(0);
    FormEdit::Changed
}

/// A letter jumps to the next option starting with it; a digit picks the n-th option.
fn jump(options: &[ChoiceOption], index: &mut usize, c: char) -> FormEdit {
    if c == ' ' {
        return step_choice(options.len(), index, 1);
    }
    if let Some(d) = c.to_digit(10)
        && d >= 1
        && (d as usize) <= options.len()
    {
        let target = d as usize - 1;
        if target == *index {
            return FormEdit::Nothing;
        }
        *index = target;
        return FormEdit::Changed;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let n = options.len();
    let found = (1..=n)
        .map(|k| (*index + k) % n)
        .find(|&i| options[i].label.to_lowercase().starts_with(lower));
    match found {
        Some(i) if i != *index => {
            *index = i;
            FormEdit::Changed
        }
        Some(_) => FormEdit::Nothing,
        None => FormEdit::Refused(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum F {
        Name,
        Kind,
        Unit,
    }

    impl FieldKey for F {
        fn key(self) -> &'static str {
            match self {
                F::Name => "name",
                F::Kind => "kind",
                F::Unit => "unit",
            }
        }
    }

    fn opt(code: &str, label: &str) -> ChoiceOption {
        ChoiceOption {
            code: code.into(),
            label: label.into(),
        }
    }

    fn form() -> Form<F> {
        Form::new(vec![
            Field::text(F::Name, "Nama", InputKind::Text, 40, 30),
            Field::choice(
                F::Kind,
                "Jenis",
                vec![opt("pns", "PNS"), opt("pppk", "PPPK")],
                12,
            ),
            Field::lookup(F::Unit, "Unit", LookupKind::Opd, 30),
        ])
    }

    #[test]
    fn typing_marks_dirty_and_clears_the_fields_error() {
        let mut f = form();
        f.set_errors(vec![(F::Name, "wajib".into())]);
        assert!(f.has_errors());
        f.edit(&Edit::Insert('B'));
        assert!(f.dirty);
        assert!(!f.has_errors());
        assert_eq!(f.value(F::Name), "B");
    }

    #[test]
    fn choices_cycle_and_jump_by_letter() {
        let mut f = form();
        f.next();
        assert_eq!(f.edit(&Edit::Insert('p')), FormEdit::Changed);
        assert_eq!(f.value(F::Kind), "pppk");
        f.cycle(1);
        assert_eq!(f.value(F::Kind), "pns");
        assert_eq!(f.edit(&Edit::Insert('z')), FormEdit::Refused('z'));
        assert_eq!(f.edit(&Edit::Insert('2')), FormEdit::Changed);
        assert_eq!(f.value(F::Kind), "pppk");
    }

    #[test]
    fn snapshot_and_restore_round_trip() {
        let mut f = form();
        f.edit(&Edit::Insert('S'));
        f.next();
        f.cycle(1);
        f.next();
        f.pick(7, "Dinas Kesehatan");
        let snap = f.snapshot();
        let mut g = form();
        g.restore(&snap);
        assert_eq!(g.value(F::Name), "S");
        assert_eq!(g.value(F::Kind), "pppk");
        assert_eq!(g.lookup(F::Unit), Some(7));
        assert_eq!(g.snapshot(), snap);
    }

    fn drawn(f: &Form<F>, width: u16) -> Vec<String> {
        let area = Rect::new(0, 0, width, 3);
        let mut buf = Buffer::empty(area);
        f.render(area, &mut buf, Theme::from_env(Some("1".into())));
        (0..3)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn the_label_column_fits_the_longest_label_and_a_space() {
        let mut f = Form::new(vec![
            Field::text(F::Name, "Manfaat per tahun (Rp)", InputKind::Amount, 20, 20),
            Field::text(F::Unit, "Satuan", InputKind::Text, 20, 20),
        ]);
        f.set_text(F::Name, "250.000.000");
        let lines = drawn(&f, 80);
        assert!(
            lines[0].starts_with("▶ Manfaat per tahun (Rp) 250.000.000"),
            "{lines:?}"
        );
        assert!(
            lines[1].starts_with(&format!("  Satuan{}", " ".repeat(17))),
            "{lines:?}"
        );
        // Short labels keep the narrowest column.
        assert_eq!(form().label_width(Rect::new(0, 0, 80, 3)), LABEL_WIDTH);
        // In a narrow area a long label is cut, and a space still parts it from its value.
        let lines = drawn(&f, 50);
        assert!(
            lines[0].starts_with("▶ Manfaat per ta… 250.000.000"),
            "{lines:?}"
        );
    }

    #[test]
    fn errors_move_focus_to_the_first_bad_field() {
        let mut f = form();
        f.focus = 2;
        f.set_errors(vec![(F::Kind, "x".into()), (F::Unit, "y".into())]);
        assert_eq!(f.focused_id(), Some(F::Kind));
    }
}
