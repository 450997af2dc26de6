//! Instruments: the list, one instrument's items, and editing them. A new instrument starts as a copy of
//! a built-in template or of another instrument. Changing an instrument that already has forms makes a new
//! revision; the old forms keep the old one.

use super::confirm::Confirm;
use super::form_screen::{FormScreen, FormSpec};
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::instrument::{Choice, Condition, Definition, Item, ItemCode, ItemKind, Level};
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::instrument::{InstrumentRow, StoredInstrument};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form};
use crate::widgets::input::InputKind;
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn level_label(level: Level) -> Msg {
    level.label()
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct InstrumentsScreen {
    pub rows: Vec<InstrumentRow>,
    pub scroll: Scroll,
    pub loaded: bool,
}

fn table_area(body: Rect) -> Rect {
    Rect {
        height: body.height.saturating_sub(1),
        ..body
    }
}

impl View for InstrumentsScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabInstruments).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Instruments, Scope::List, Scope::Scroll], false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(table_area(cx.body));
        let len = self.rows.len();
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Open) => {
                if let Some(r) = self.rows.get(self.scroll.selected) {
                    return vec![Reply::Push(Box::new(Screen::Instrument(
                        InstrumentScreen::new(&r.code),
                    )))];
                }
            }
            Action::Cmd(Command::Copy) => {
                if !cx.can(Capability::ManageInstruments) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                if let Some(r) = self.rows.get(self.scroll.selected) {
                    return vec![
                        Reply::load(Load::Instrument(r.code.clone())),
                        Reply::info(cx.t(Msg::Loading)),
                    ];
                }
            }
            Action::Loaded(Loaded::Instrument(Some(stored))) => {
                // The copy asked for above.
                let spec = CopySpec {
                    source: stored.definition.clone(),
                    taken: self.rows.iter().map(|r| r.code.clone()).collect(),
                };
                return vec![Reply::Push(Box::new(Screen::InstrumentCopy(
                    FormScreen::new(spec, cx),
                )))];
            }
            Action::Loaded(Loaded::Instruments(rows)) => {
                self.rows = rows.clone();
                self.loaded = true;
                self.scroll.clamp(self.rows.len(), height);
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Instruments)]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let table = table_area(area);
        let columns = [
            Column::fixed(cx.t(Msg::ColCode), 14),
            Column::fill(cx.t(Msg::ColTitle), 1),
            Column::fixed(cx.t(Msg::ColLevel), 12),
            Column::fixed(cx.t(Msg::ColRevision), 4).right(),
            Column::fixed(cx.t(Msg::ColItems), 5).right(),
            Column::fixed(cx.t(Msg::ColForms), 7).right(),
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.code.clone(),
                    r.title.clone(),
                    cx.t(level_label(r.level)).to_string(),
                    r.revision.to_string(),
                    r.items.to_string(),
                    r.responses.to_string(),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme: cx.theme,
            focused: true,
            empty: if self.loaded {
                cx.t(Msg::InstrumentsEmpty)
            } else {
                cx.t(Msg::Loading)
            },
        }
        .render(table, buf);
        put(
            buf,
            area.x + 1,
            table.y + table.height,
            &crate::app::keymap::hint(
                Msg::InstrumentsHint,
                &self.scopes().0,
                &[Command::Open, Command::Copy],
                cx.lang,
            ),
            area.width.saturating_sub(2),
            cx.theme.dim(),
        );
    }
}

/// One instrument's items, to read and edit.
#[derive(Debug, Clone, PartialEq)]
pub struct InstrumentScreen {
    pub code: String,
    pub stored: Option<Box<StoredInstrument>>,
    pub scroll: Scroll,
}

impl InstrumentScreen {
    pub fn new(code: &str) -> InstrumentScreen {
        InstrumentScreen {
            code: code.to_string(),
            stored: None,
            scroll: Scroll::default(),
        }
    }

    fn edit(&self, index: Option<usize>, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::ManageInstruments) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(stored) = &self.stored else {
            return Vec::new();
        };
        let spec = ItemSpec {
            definition: stored.definition.clone(),
            index,
            after: self.scroll.selected,
        };
        vec![Reply::Push(Box::new(Screen::ItemForm(FormScreen::new(
            spec, cx,
        ))))]
    }
}

fn kind_summary(item: &Item, cx: &Cx) -> String {
    match &item.kind {
        ItemKind::Likert { min, max, .. } => format!("Likert {min}–{max}"),
        ItemKind::YesNo { na: false } => cx.t(Msg::KindYesNo).to_string(),
        ItemKind::YesNo { na: true } => cx.t(Msg::KindYesNoNa).to_string(),
        ItemKind::Number { min, max, .. } => {
            let bound = |v: f64, open: f64| {
                if v == open {
                    "…".to_string()
                } else {
                    crate::domain::instrument::format_number(v)
                }
            };
            format!(
                "{} {}–{}",
                cx.t(Msg::KindNumber),
                bound(*min, f64::MIN),
                bound(*max, f64::MAX)
            )
        }
        ItemKind::Choice {
            options, multiple, ..
        } => {
            let m = if *multiple {
                cx.t(Msg::KindMultiple)
            } else {
                cx.t(Msg::KindChoice)
            };
            format!("{m} ({})", options.len())
        }
        ItemKind::Text { .. } => cx.t(Msg::KindText).to_string(),
        ItemKind::Date => cx.t(Msg::KindDate).to_string(),
    }
}

impl View for InstrumentScreen {
    fn title(&self, _cx: &Cx) -> String {
        self.code.clone()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (vec![Scope::Rows, Scope::List, Scope::Scroll], false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(Rect {
            height: cx.body.height.saturating_sub(4),
            ..cx.body
        });
        let len = self.stored.as_ref().map_or(0, |s| s.definition.items.len());
        match action {
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            Action::Cmd(Command::New) => return self.edit(None, cx),
            Action::Cmd(Command::Edit | Command::Open) if len > 0 => {
                return self.edit(Some(self.scroll.selected), cx);
            }
            Action::Cmd(Command::Delete) => {
                if !cx.can(Capability::ManageInstruments) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                let Some(stored) = &self.stored else {
                    return Vec::new();
                };
                let mut def = stored.definition.clone();
                if def.items.len() <= 1 {
                    return vec![Reply::error(cx.t(Msg::InstrumentLastItem))];
                }
                let index = self.scroll.selected.min(def.items.len() - 1);
                let removed = def.items.remove(index);
                if let Err(e) = def.validate() {
                    return vec![Reply::error(Msg::InstrumentInvalid.fill(cx.lang, &[&e]))];
                }
                return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                    question: Msg::ConfirmDeleteItem.fill(cx.lang, &[&removed.code, &removed.text]),
                    on_yes: vec![Reply::save(Change::SaveInstrument(Box::new(def)))],
                })))];
            }
            Action::Loaded(Loaded::Instrument(Some(stored)))
                if stored.definition.code == self.code =>
            {
                let n = stored.definition.items.len();
                self.stored = Some(stored.clone());
                self.scroll.clamp(n, height);
            }
            Action::Saved(Saved::Instrument(outcome)) => {
                return vec![
                    Reply::info(instrument_saved(*outcome, cx)),
                    Reply::load(Load::Instrument(self.code.clone())),
                ];
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Instrument(self.code.clone()))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let x = area.x + 1;
        let w = area.width.saturating_sub(2);
        let Some(stored) = &self.stored else {
            put(buf, x, area.y, cx.t(Msg::Loading), w, cx.theme.dim());
            return;
        };
        let d = &stored.definition;
        let head = format!(
            "{} · {} · {} · rev {}{}",
            d.code,
            d.title,
            cx.t(level_label(d.level)),
            stored.revision,
            if d.anonymous {
                format!(" · {}", cx.t(Msg::Anonymous))
            } else {
                String::new()
            }
        );
        put(buf, x, area.y, &head, w, cx.theme.header());
        let table = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(4),
            ..area
        };
        let columns = [
            Column::fixed(cx.t(Msg::ColCode), 6),
            Column::fill(cx.t(Msg::FieldText), 1),
            Column::fixed(cx.t(Msg::ColKind), 16),
            Column::fixed(cx.t(Msg::ColShowIf), 10),
        ];
        let rows: Vec<Vec<String>> = d
            .items
            .iter()
            .map(|i| {
                vec![
                    format!("{}{}", i.code, if i.required { "*" } else { "" }),
                    i.text.clone(),
                    kind_summary(i, cx),
                    i.show_if
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.scroll,
            theme: cx.theme,
            focused: true,
            empty: "",
        }
        .render(table, buf);
        let y = table.y + table.height;
        if let Some(item) = d.items.get(self.scroll.selected) {
            let mut lines = crate::screens::confirm::wrap(&item.text, usize::from(w));
            lines.truncate(2);
            for (i, l) in lines.iter().enumerate() {
                put(
                    buf,
                    x,
                    y + u16::try_from(i).unwrap_or(0),
                    l,
                    w,
                    cx.theme.header(),
                );
            }
        }
        let hint = crate::app::keymap::hint(
            Msg::InstrumentHint,
            &self.scopes().0,
            &[Command::New, Command::Edit, Command::Delete],
            cx.lang,
        );
        put(buf, x, y + 2, &hint, w, cx.theme.dim());
    }
}

pub fn instrument_saved(outcome: crate::store::instrument::Saved, cx: &Cx) -> String {
    use crate::store::instrument::Saved as S;
    cx.t(match outcome {
        S::Created => Msg::InstrumentCreated,
        S::Updated => Msg::Saved,
        S::NewRevision => Msg::InstrumentNewRevision,
        S::Unchanged => Msg::InstrumentUnchanged,
    })
    .to_string()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemField {
    Code,
    Text,
    Kind,
    Scale,
    Labels,
    Range,
    Decimals,
    Options,
    Multiple,
    Correct,
    Required,
    ShowIf,
    Section,
    Aspect,
}

impl FieldKey for ItemField {
    fn key(self) -> &'static str {
        match self {
            ItemField::Code => "code",
            ItemField::Text => "text",
            ItemField::Kind => "type",
            ItemField::Scale => "scale",
            ItemField::Labels => "labels",
            ItemField::Range => "range",
            ItemField::Decimals => "decimals",
            ItemField::Options => "options",
            ItemField::Multiple => "multiple",
            ItemField::Correct => "correct",
            ItemField::Required => "required",
            ItemField::ShowIf => "show_if",
            ItemField::Section => "section",
            ItemField::Aspect => "aspect",
        }
    }
}

/// Adding or changing one item; saving saves the whole instrument.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSpec {
    pub definition: Definition,
    /// The item changed; `None` adds one after `after`.
    pub index: Option<usize>,
    pub after: usize,
}

fn yes_no(cx: &Cx) -> Vec<ChoiceOption> {
    vec![
        ChoiceOption {
            code: "0".into(),
            label: cx.t(Msg::No).into(),
        },
        ChoiceOption {
            code: "1".into(),
            label: cx.t(Msg::Yes).into(),
        },
    ]
}

impl FormSpec for ItemSpec {
    type F = ItemField;
    const FORM: &'static str = "item";

    fn title(&self, cx: &Cx) -> String {
        match self.index {
            Some(_) => Msg::ItemEditTitle.fill(cx.lang, &[&self.definition.code]),
            None => Msg::ItemNewTitle.fill(cx.lang, &[&self.definition.code]),
        }
    }

    fn subtitle(&self, cx: &Cx) -> Option<String> {
        Some(cx.t(Msg::ItemFormHint).to_string())
    }

    fn build(&self, cx: &Cx) -> Form<ItemField> {
        use ItemField as F;
        let kinds = [
            "likert", "yesno", "yesno_na", "number", "choice", "text", "date",
        ]
        .iter()
        .zip([
            Msg::KindLikert,
            Msg::KindYesNo,
            Msg::KindYesNoNa,
            Msg::KindNumber,
            Msg::KindChoice,
            Msg::KindText,
            Msg::KindDate,
        ])
        .map(|(code, label)| ChoiceOption {
            code: (*code).into(),
            label: cx.t(label).into(),
        })
        .collect();
        let mut form = Form::new(vec![
            Field::text(F::Code, cx.t(Msg::ColCode), InputKind::Text, 16, 10),
            Field::text(F::Text, cx.t(Msg::FieldText), InputKind::Text, 300, 58),
            Field::choice(F::Kind, cx.t(Msg::ColKind), kinds, 24),
            Field::text(F::Scale, cx.t(Msg::FieldScale), InputKind::Text, 9, 10),
            Field::text(F::Labels, cx.t(Msg::FieldLabels), InputKind::Text, 400, 58),
            Field::text(F::Range, cx.t(Msg::FieldRange), InputKind::Text, 30, 16),
            Field::text(
                F::Decimals,
                cx.t(Msg::FieldDecimals),
                InputKind::Integer,
                1,
                4,
            ),
            Field::text(
                F::Options,
                cx.t(Msg::FieldOptions),
                InputKind::Text,
                600,
                58,
            ),
            Field::choice(F::Multiple, cx.t(Msg::FieldMultiple), yes_no(cx), 8),
            Field::text(F::Correct, cx.t(Msg::FieldCorrect), InputKind::Text, 10, 10),
            Field::choice(F::Required, cx.t(Msg::FieldRequired), yes_no(cx), 8),
            Field::text(F::ShowIf, cx.t(Msg::ColShowIf), InputKind::Text, 40, 20),
            Field::text(F::Section, cx.t(Msg::FieldSection), InputKind::Text, 80, 40),
            Field::text(F::Aspect, cx.t(Msg::FieldAspect), InputKind::Text, 40, 24),
        ]);
        let Some(item) = self.index.and_then(|i| self.definition.items.get(i)) else {
            form.set_text(F::Scale, "1-4");
            return form;
        };
        form.set_text(F::Code, item.code.as_str());
        form.set_text(F::Text, &item.text);
        form.set_choice(F::Required, if item.required { "1" } else { "0" });
        form.set_text(
            F::ShowIf,
            &item
                .show_if
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
        form.set_text(F::Section, item.section.as_deref().unwrap_or(""));
        form.set_text(F::Aspect, item.aspect.as_deref().unwrap_or(""));
        match &item.kind {
            ItemKind::Likert { min, max, labels } => {
                form.set_choice(F::Kind, "likert");
                form.set_text(F::Scale, &format!("{min}-{max}"));
                form.set_text(F::Labels, &labels.join("; "));
            }
            ItemKind::YesNo { na: false } => form.set_choice(F::Kind, "yesno"),
            ItemKind::YesNo { na: true } => form.set_choice(F::Kind, "yesno_na"),
            ItemKind::Number { min, max, decimals } => {
                form.set_choice(F::Kind, "number");
                let f = |v: f64| crate::domain::instrument::format_number(v);
                if *min > f64::MIN && *max < f64::MAX {
                    form.set_text(F::Range, &format!("{}-{}", f(*min), f(*max)));
                }
                form.set_text(F::Decimals, &decimals.to_string());
            }
            ItemKind::Choice {
                options,
                multiple,
                correct,
            } => {
                form.set_choice(F::Kind, "choice");
                let text = options
                    .iter()
                    .map(|o| format!("{}={}", o.code, o.label))
                    .collect::<Vec<_>>()
                    .join("; ");
                form.set_text(F::Options, &text);
                form.set_choice(F::Multiple, if *multiple { "1" } else { "0" });
                form.set_text(F::Correct, correct.as_deref().unwrap_or(""));
            }
            ItemKind::Text { .. } => form.set_choice(F::Kind, "text"),
            ItemKind::Date => form.set_choice(F::Kind, "date"),
        }
        form
    }

    fn record_key(&self) -> String {
        format!(
            "{}:{}",
            self.definition.code,
            self.index.map_or_else(|| "new".into(), |i| i.to_string())
        )
    }

    fn submit(&self, form: &Form<ItemField>, cx: &Cx) -> Result<Change, Vec<(ItemField, String)>> {
        use ItemField as F;
        let mut errors: Vec<(ItemField, String)> = Vec::new();
        let code = match ItemCode::try_from(form.value(F::Code)) {
            Ok(c) => Some(c),
            Err(_) => {
                errors.push((F::Code, cx.t(Msg::ItemBadCode).into()));
                None
            }
        };
        let text = crate::text::clean_line(&form.value(F::Text));
        if text.is_empty() {
            errors.push((F::Text, cx.t(Msg::ProblemRequired).into()));
        }
        let pair = |s: &str| -> Option<(f64, f64)> {
            let (a, b) = s.split_once(['-', '–'])?;
            Some((
                a.trim().replace(',', ".").parse().ok()?,
                b.trim().replace(',', ".").parse().ok()?,
            ))
        };
        let kind = match form.value(F::Kind).as_str() {
            "likert" => match pair(&form.value(F::Scale)) {
                Some((a, b)) if a >= 0.0 && b <= 10.0 && a < b => {
                    let labels: Vec<String> = form
                        .value(F::Labels)
                        .split(';')
                        .map(crate::text::clean_line)
                        .filter(|l| !l.is_empty())
                        .collect();
                    let (min, max) = (a as u8, b as u8);
                    let labels = if labels.is_empty() {
                        crate::import::instrument::default_labels(min, max)
                    } else {
                        labels
                    };
                    Some(ItemKind::Likert { min, max, labels })
                }
                _ => {
                    errors.push((F::Scale, cx.t(Msg::ItemBadScale).into()));
                    None
                }
            },
            "yesno" => Some(ItemKind::YesNo { na: false }),
            "yesno_na" => Some(ItemKind::YesNo { na: true }),
            "number" => {
                let range = form.value(F::Range);
                let (min, max) = if range.trim().is_empty() {
                    (f64::MIN, f64::MAX)
                } else {
                    pair(&range).unwrap_or_else(|| {
                        errors.push((F::Range, cx.t(Msg::ItemBadRange).into()));
                        (0.0, 0.0)
                    })
                };
                let decimals = form.value(F::Decimals).trim().parse().unwrap_or(0);
                Some(ItemKind::Number { min, max, decimals })
            }
            "choice" => {
                let options: Vec<Choice> = form
                    .value(F::Options)
                    .split(';')
                    .filter(|o| !o.trim().is_empty())
                    .map(|o| {
                        let (code, label) = o.split_once('=').unwrap_or((o, o));
                        Choice {
                            code: crate::text::clean_line(code),
                            label: crate::text::clean_line(label),
                        }
                    })
                    .collect();
                let correct = Some(crate::text::clean_line(&form.value(F::Correct)))
                    .filter(|c| !c.is_empty());
                Some(ItemKind::Choice {
                    options,
                    multiple: form.value(F::Multiple) == "1",
                    correct,
                })
            }
            "text" => Some(ItemKind::Text {
                multiline: false,
                max: 2000,
            }),
            _ => Some(ItemKind::Date),
        };
        let show_if = match form.value(F::ShowIf).trim() {
            "" => None,
            s => match Condition::parse(s) {
                Ok(c) => Some(c),
                Err(_) => {
                    errors.push((F::ShowIf, cx.t(Msg::ItemBadCondition).into()));
                    None
                }
            },
        };
        let (Some(code), Some(kind)) = (code, kind) else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let optional =
            |f: F| Some(crate::text::clean_line(&form.value(f))).filter(|s| !s.is_empty());
        // What the form does not show (a session role, the objective asked about, evidence notes)
        // stays as the item had it.
        let kept = self.index.and_then(|i| self.definition.items.get(i));
        let item = Item {
            code,
            text,
            kind,
            required: form.value(F::Required) == "1",
            show_if,
            section: optional(F::Section),
            aspect: optional(F::Aspect),
            role: kept.and_then(|k| k.role),
            objective: kept.and_then(|k| k.objective),
            note: kept.is_some_and(|k| k.note),
        };
        let mut def = self.definition.clone();
        match self.index {
            Some(i) if i < def.items.len() => def.items[i] = item,
            _ => {
                let at = (self.after + 1).min(def.items.len());
                def.items.insert(at, item);
            }
        }
        def.validate()
            .map_err(|e| vec![(F::Code, Msg::InstrumentInvalid.fill(cx.lang, &[&e]))])?;
        Ok(Change::SaveInstrument(Box::new(def)))
    }

    fn saved_message(&self, cx: &Cx) -> String {
        cx.t(Msg::Saved).to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyField {
    Code,
    Title,
    Level,
    Anonymous,
}

impl FieldKey for CopyField {
    fn key(self) -> &'static str {
        match self {
            CopyField::Code => "code",
            CopyField::Title => "title",
            CopyField::Level => "level",
            CopyField::Anonymous => "anonymous",
        }
    }
}

/// A new instrument as a copy of another (built-in templates included).
#[derive(Debug, Clone, PartialEq)]
pub struct CopySpec {
    pub source: Definition,
    /// Codes already in use.
    pub taken: Vec<String>,
}

impl FormSpec for CopySpec {
    type F = CopyField;
    const FORM: &'static str = "instrument_copy";

    fn title(&self, cx: &Cx) -> String {
        Msg::InstrumentCopyTitle.fill(cx.lang, &[&self.source.code])
    }

    fn subtitle(&self, cx: &Cx) -> Option<String> {
        Some(cx.t(Msg::InstrumentCopyHint).to_string())
    }

    fn build(&self, cx: &Cx) -> Form<CopyField> {
        let levels = Level::ALL
            .iter()
            .map(|l| ChoiceOption {
                code: l.code().into(),
                label: cx.t(level_label(*l)).into(),
            })
            .collect();
        let mut form = Form::new(vec![
            Field::text(CopyField::Code, cx.t(Msg::ColCode), InputKind::Text, 24, 26),
            Field::text(
                CopyField::Title,
                cx.t(Msg::ColTitle),
                InputKind::Text,
                120,
                58,
            ),
            Field::choice(CopyField::Level, cx.t(Msg::ColLevel), levels, 20),
            Field::choice(CopyField::Anonymous, cx.t(Msg::Anonymous), yes_no(cx), 8),
        ]);
        form.set_text(CopyField::Title, &self.source.title);
        form.set_choice(CopyField::Level, self.source.level.code());
        form.set_choice(
            CopyField::Anonymous,
            if self.source.anonymous { "1" } else { "0" },
        );
        form
    }

    fn record_key(&self) -> String {
        self.source.code.clone()
    }

    fn submit(&self, form: &Form<CopyField>, cx: &Cx) -> Result<Change, Vec<(CopyField, String)>> {
        let code = crate::text::clean_line(&form.value(CopyField::Code)).to_ascii_uppercase();
        let valid = !code.is_empty()
            && code.len() <= 24
            && code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid {
            return Err(vec![(CopyField::Code, cx.t(Msg::ProblemCode).into())]);
        }
        if self.taken.iter().any(|t| t.eq_ignore_ascii_case(&code)) {
            return Err(vec![(
                CopyField::Code,
                Msg::ErrDuplicate.fill(cx.lang, &[&cx.t(Msg::EntityInstrument), &code]),
            )]);
        }
        let title = crate::text::clean_line(&form.value(CopyField::Title));
        if title.is_empty() {
            return Err(vec![(CopyField::Title, cx.t(Msg::ProblemRequired).into())]);
        }
        let mut def = self.source.clone();
        def.code = code;
        def.title = title;
        def.level = Level::from_code(&form.value(CopyField::Level)).unwrap_or(def.level);
        def.anonymous = form.value(CopyField::Anonymous) == "1";
        Ok(Change::SaveInstrument(Box::new(def)))
    }
}
