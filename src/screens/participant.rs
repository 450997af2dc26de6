//! One participant after a training: observed behaviour at the baseline and each follow-up with the
//! change, what the atasan (and the participant) say per objective with the barriers named, the
//! follow-up actions with their steps, and the planned follow-ups.

use super::entry::{EntryScreen, phase_label};
use super::form_screen::{FormScreen, FormSpec};
use super::program_form::options;
use super::worklist::{state_label, work_text};
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, Saved};
use crate::app::keymap::Scope;
use crate::domain::behaviour::{Change as Delta, ChecklistScore, change, score};
use crate::domain::date;
use crate::domain::followup::{
    ActionDraft, ActionField, ActionKind, ActionStatus, Due, StepDraft, StepField,
};
use crate::domain::ids::{AsnId, ProgramId, Version};
use crate::domain::instrument::{Item, ItemKind, ItemRole, NOT_APPLICABLE, Phase};
use crate::domain::user::Capability;
use crate::i18n::{Localize, Msg};
use crate::store::followup::{ActionRow, Participant, PersonForm, Work};
use crate::store::response::Batch;
use crate::widgets::form::{Field, FieldKey, Form};
use crate::widgets::input::InputKind;
use crate::widgets::put;
use crate::widgets::table::Scroll;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Behaviour,
    Supervisor,
    Actions,
    Schedule,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Behaviour,
        Section::Supervisor,
        Section::Actions,
        Section::Schedule,
    ];

    fn label(self) -> Msg {
        match self {
            Section::Behaviour => Msg::PartBehaviour,
            Section::Supervisor => Msg::PartSupervisor,
            Section::Actions => Msg::PartActions,
            Section::Schedule => Msg::PartSchedule,
        }
    }
}

/// The phases shown side by side: the baseline, the three follow-ups and results.
const COLUMNS: [Phase; 5] = [Phase::Pre, Phase::F1, Phase::F2, Phase::F3, Phase::M6];

/// A line of a section.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    Head(String),
    /// A row of values per phase, and the change from the baseline to the latest follow-up.
    Row {
        label: String,
        cells: Vec<String>,
        delta: Option<Delta>,
    },
    Text(String),
    /// An action (index into the actions).
    Action(usize),
    /// A step of an action.
    Step(usize, usize),
    /// A planned follow-up (index into the work list).
    Work(usize),
    Blank,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantScreen {
    pub program: ProgramId,
    pub asn: AsnId,
    pub data: Option<Box<Participant>>,
    pub section: Section,
    pub scroll: Scroll,
}

fn is_interview(f: &PersonForm) -> bool {
    f.definition.items.iter().any(|i| i.objective.is_some())
}

/// An observation checklist: behaviour level, asking about behaviours rather than objectives.
fn is_checklist(f: &PersonForm) -> bool {
    f.definition.level == crate::domain::instrument::Level::Behavior && !is_interview(f)
}

/// An answer as a cell: ya / tidak / – (not applicable), a number, or blank.
fn cell(item: &Item, v: Option<&String>, cx: &Cx) -> String {
    match (v.map(String::as_str), &item.kind) {
        (None, _) => "·".into(),
        (Some(NOT_APPLICABLE), ItemKind::YesNo { na: true }) => "–".into(),
        (Some("1"), ItemKind::YesNo { .. }) => cx.t(Msg::Yes).to_lowercase(),
        (Some("0"), ItemKind::YesNo { .. }) => cx.t(Msg::No).to_lowercase(),
        (Some(v), _) => v.to_string(),
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "·".into(), |v| format!("{v:.0}%"))
}

fn delta_mark(d: Option<Delta>) -> &'static str {
    match d {
        Some(Delta::Better) => "▲",
        Some(Delta::Worse) => "▼",
        Some(Delta::Same) => "=",
        _ => "",
    }
}

impl ParticipantScreen {
    pub fn new(program: ProgramId, asn: AsnId) -> ParticipantScreen {
        ParticipantScreen {
            program,
            asn,
            data: None,
            section: Section::Behaviour,
            scroll: Scroll::default(),
        }
    }

    fn lines(&self, cx: &Cx) -> Vec<Line> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        match self.section {
            Section::Behaviour => behaviour_lines(d, cx),
            Section::Supervisor => supervisor_lines(d, cx),
            Section::Actions => {
                let mut out = Vec::new();
                for (i, a) in d.actions.iter().enumerate() {
                    out.push(Line::Action(i));
                    out.extend((0..a.steps.len()).map(|j| Line::Step(i, j)));
                }
                if out.is_empty() {
                    let new = crate::app::keymap::key_for(&self.scopes().0, Command::New, cx.lang);
                    out.push(Line::Text(Msg::PartNoActions.fill(cx.lang, &[&new])));
                }
                out
            }
            Section::Schedule => {
                if d.work.is_empty() {
                    let plan = crate::app::keymap::key_for(
                        &[
                            Scope::ProgramDetail,
                            Scope::Rows,
                            Scope::List,
                            Scope::Scroll,
                        ],
                        Command::PlanFollowups,
                        cx.lang,
                    );
                    vec![Line::Text(Msg::PartNoSchedule.fill(cx.lang, &[&plan]))]
                } else {
                    (0..d.work.len()).map(Line::Work).collect()
                }
            }
        }
    }

    /// The action the selected line belongs to, and the step when a step is selected.
    fn selected_action(&self, cx: &Cx) -> Option<(&ActionRow, Option<usize>)> {
        let d = self.data.as_ref()?;
        match self.lines(cx).get(self.scroll.selected)? {
            Line::Action(i) => Some((d.actions.get(*i)?, None)),
            Line::Step(i, j) => Some((d.actions.get(*i)?, Some(*j))),
            _ => None,
        }
    }

    fn push(screen: Screen) -> Vec<Reply> {
        vec![Reply::Push(Box::new(screen))]
    }

    fn on_new(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(d) = &self.data else {
            return Vec::new();
        };
        match self.section {
            Section::Actions => Self::push(Screen::ActionForm(FormScreen::new(
                ActionSpec {
                    program: self.program,
                    asn: self.asn,
                    person: d.name.clone(),
                    current: None,
                },
                cx,
            ))),
            _ => vec![Reply::error(cx.t(Msg::PartNewOnlyActions))],
        }
    }

    fn on_step(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        match self.selected_action(cx) {
            Some((a, _)) => Self::push(Screen::StepForm(FormScreen::new(
                StepSpec {
                    action: a.id,
                    title: a.input.title.clone(),
                },
                cx,
            ))),
            None => vec![Reply::error(cx.t(Msg::PartChooseAction))],
        }
    }

    fn on_edit(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(d) = &self.data else {
            return Vec::new();
        };
        match self.selected_action(cx) {
            Some((a, _)) => Self::push(Screen::ActionForm(FormScreen::new(
                ActionSpec {
                    program: self.program,
                    asn: self.asn,
                    person: d.name.clone(),
                    current: Some((a.id, a.version, a.input.clone())),
                },
                cx,
            ))),
            None => Vec::new(),
        }
    }

    fn on_toggle(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        match self.selected_action(cx) {
            Some((a, Some(j))) => match a.steps.get(j) {
                Some(s) => vec![Reply::save(Change::StepDone(s.id, s.done_on.is_none()))],
                None => Vec::new(),
            },
            _ => vec![Reply::error(cx.t(Msg::PartChooseStep))],
        }
    }

    fn on_close(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        match self.selected_action(cx) {
            Some((a, _)) => Self::push(Screen::CloseActionForm(FormScreen::new(
                CloseSpec {
                    id: a.id,
                    version: a.version,
                    title: a.input.title.clone(),
                    status: a.status,
                    outcome: a.outcome.clone(),
                },
                cx,
            ))),
            None => vec![Reply::error(cx.t(Msg::PartChooseAction))],
        }
    }

    fn on_delete(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        match self.selected_action(cx) {
            Some((a, Some(j))) => match a.steps.get(j) {
                Some(s) => vec![Reply::Modal(Box::new(Modal::Confirm(
                    super::confirm::Confirm {
                        question: Msg::PartDeleteStep.fill(cx.lang, &[&s.title]),
                        on_yes: vec![Reply::save(Change::DeleteStep(s.id))],
                    },
                )))],
                None => Vec::new(),
            },
            _ => vec![Reply::error(cx.t(Msg::PartChooseStep))],
        }
    }

    /// Enter on a planned follow-up opens its form for this participant.
    fn on_open(&self, cx: &Cx) -> Vec<Reply> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        match self.lines(cx).get(self.scroll.selected) {
            Some(Line::Work(i)) => {
                let Some(w) = d.work.get(*i) else {
                    return Vec::new();
                };
                let Work::Form {
                    instrument, phase, ..
                } = &w.what
                else {
                    return Vec::new();
                };
                if w.state == Due::Done {
                    return vec![Reply::error(cx.t(Msg::WorkAlreadyDone))];
                }
                if !cx.can(Capability::EnterData) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                Self::push(Screen::Entry(Box::new(EntryScreen::for_person(
                    Batch {
                        program: Some(self.program),
                        instrument: instrument.clone(),
                        phase: *phase,
                    },
                    d.program_code.clone(),
                    self.asn,
                ))))
            }
            Some(Line::Action(_) | Line::Step(_, _)) => self.on_edit(cx),
            _ => Vec::new(),
        }
    }
}

/// Every checklist of the participant: items by phase with the change, then the scores.
fn behaviour_lines(d: &Participant, cx: &Cx) -> Vec<Line> {
    let mut out = Vec::new();
    let mut codes: Vec<&str> = d
        .forms
        .iter()
        .filter(|f| is_checklist(f))
        .map(|f| f.instrument.as_str())
        .collect();
    codes.dedup();
    if codes.is_empty() {
        out.push(Line::Text(cx.t(Msg::PartNoObservation).into()));
        return out;
    }
    for code in codes {
        let forms: Vec<&PersonForm> = d.forms.iter().filter(|f| f.instrument == code).collect();
        let Some(def) = forms.last().map(|f| &f.definition) else {
            continue;
        };
        let by_phase = |p: Phase| forms.iter().find(|f| f.phase == p);
        out.push(Line::Head(format!("{code} · {}", def.title)));
        let baseline = by_phase(Phase::Pre);
        let latest = COLUMNS[1..]
            .iter()
            .rev()
            .find_map(|p| by_phase(*p))
            .or_else(|| by_phase(Phase::Followup));
        for item in def.items.iter().filter(|i| {
            i.role.is_none()
                && matches!(
                    i.kind,
                    ItemKind::YesNo { .. } | ItemKind::Likert { .. } | ItemKind::Number { .. }
                )
        }) {
            let code = item.code.as_str();
            let cells = COLUMNS
                .iter()
                .map(|p| cell(item, by_phase(*p).and_then(|f| f.answers.get(code)), cx))
                .collect();
            let delta = match (baseline, latest) {
                (Some(b), Some(l)) => Some(change(
                    item,
                    b.answers.get(code).map(String::as_str),
                    l.answers.get(code).map(String::as_str),
                )),
                _ => None,
            };
            out.push(Line::Row {
                label: item.text.clone(),
                cells,
                delta,
            });
        }
        let scores: Vec<Option<ChecklistScore>> = COLUMNS
            .iter()
            .map(|p| by_phase(*p).map(|f| score(&f.definition, |c| f.answers.get(c).cloned())))
            .collect();
        let row = |label: Msg,
                   f: &dyn Fn(&ChecklistScore) -> Option<f64>,
                   shown: &dyn Fn(Option<f64>) -> String| {
            Line::Row {
                label: cx.t(label).to_string(),
                cells: scores
                    .iter()
                    .map(|s| shown(s.as_ref().and_then(f)))
                    .collect(),
                delta: None,
            }
        };
        out.push(row(Msg::PartObserved, &|s| s.observed_pct, &pct));
        if scores.iter().flatten().any(|s| s.rubric_mean.is_some()) {
            out.push(row(Msg::PartRubric, &|s| s.rubric_mean, &|v| {
                v.map_or_else(|| "·".into(), |v| super::dashboard::fixed(v, 1, cx.lang))
            }));
        }
        if scores.iter().flatten().any(|s| s.on_time_pct.is_some()) {
            out.push(row(Msg::PartOnTime, &|s| s.on_time_pct, &pct));
        }
        // Evidence notes and the observers' notes, latest first.
        for f in forms.iter().rev() {
            for item in &def.items {
                let note_key = crate::domain::instrument::note_key(item.code.as_str());
                if let Some(n) = f.answers.get(&note_key) {
                    out.push(Line::Text(format!(
                        "{} {}: {}",
                        cx.t(phase_label(f.phase)),
                        item.code,
                        n.replace('\n', " ")
                    )));
                }
            }
            if let Some(n) = f.answers.get("CATATAN") {
                out.push(Line::Text(format!(
                    "{}: {}",
                    cx.t(phase_label(f.phase)),
                    n.replace('\n', " ")
                )));
            }
        }
        out.push(Line::Blank);
    }
    out
}

/// Ratings per objective from the atasan (per phase) and the participant, barriers and drivers, notes.
fn supervisor_lines(d: &Participant, cx: &Cx) -> Vec<Line> {
    let mut out = Vec::new();
    let interviews: Vec<&PersonForm> = d
        .forms
        .iter()
        .filter(|f| {
            is_interview(f)
                && f.definition
                    .items
                    .iter()
                    .any(|i| i.role == Some(ItemRole::Atasan))
        })
        .collect();
    let selves: Vec<&PersonForm> = d
        .forms
        .iter()
        .filter(|f| {
            is_interview(f)
                && !f
                    .definition
                    .items
                    .iter()
                    .any(|i| i.role == Some(ItemRole::Atasan))
        })
        .collect();
    if interviews.is_empty() && selves.is_empty() {
        out.push(Line::Text(cx.t(Msg::PartNoInterview).into()));
        return out;
    }
    let Some(def) = interviews
        .last()
        .or(selves.last())
        .map(|f| f.definition.clone())
    else {
        return out;
    };
    out.push(Line::Head(cx.t(Msg::PartRatingHead).to_string()));
    let latest_self = selves.last();
    for item in def
        .items
        .iter()
        .filter(|i| i.objective.is_some() && matches!(i.kind, ItemKind::Likert { .. }))
    {
        let Some(n) = item.objective else { continue };
        let Some(objective) = d.objectives.get(usize::from(n).saturating_sub(1)) else {
            continue;
        };
        let code = item.code.as_str();
        let mut cells: Vec<String> = COLUMNS[1..]
            .iter()
            .map(|p| {
                interviews
                    .iter()
                    .find(|f| f.phase == *p)
                    .and_then(|f| f.answers.get(code))
                    .cloned()
                    .unwrap_or_else(|| "·".into())
            })
            .collect();
        cells.push(
            latest_self
                .and_then(|f| f.answers.get(code))
                .cloned()
                .unwrap_or_else(|| "·".into()),
        );
        out.push(Line::Row {
            label: format!("{n}. {objective}"),
            cells,
            delta: None,
        });
    }
    // Barriers and drivers named, with the phases they were named in.
    for (code, head) in [
        ("HAMBATAN", Msg::PartBarriers),
        ("PENDORONG", Msg::PartDrivers),
    ] {
        let Some(item) = def.items.iter().find(|i| i.code.as_str() == code) else {
            continue;
        };
        let mut named: Vec<(String, Vec<String>)> = Vec::new();
        for f in interviews.iter().chain(selves.iter()) {
            let Some(v) = f.answers.get(code) else {
                continue;
            };
            let who = if selves.iter().any(|s| std::ptr::eq(*s, *f)) {
                cx.t(Msg::PartSelfShort).to_string()
            } else {
                cx.t(phase_label(f.phase)).to_string()
            };
            let other = f.answers.get(&format!("{code}_LAIN"));
            for part in v.split(';') {
                let mut label = item.label_of(part).unwrap_or_else(|| part.to_string());
                // "Other" with what was written for it.
                if let (Some(text), true) = (other, part == "9") {
                    label = format!("{label}: {text}");
                }
                match named.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, whens)) => whens.push(who.clone()),
                    None => named.push((label, vec![who.clone()])),
                }
            }
        }
        out.push(Line::Head(cx.t(head).to_string()));
        if named.is_empty() {
            out.push(Line::Text(cx.t(Msg::PartNoneNamed).into()));
        }
        for (label, whens) in named {
            out.push(Line::Text(format!("• {label} ({})", whens.join(", "))));
        }
    }
    for f in interviews.iter().rev() {
        if let Some(n) = f.answers.get("CATATAN") {
            out.push(Line::Head(
                Msg::PartNoteOf.fill(cx.lang, &[&cx.t(phase_label(f.phase))]),
            ));
            for line in n.lines() {
                out.push(Line::Text(line.to_string()));
            }
        }
    }
    out
}

impl View for ParticipantScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::PartTitle).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (
            vec![Scope::ParticipantPage, Scope::List, Scope::Scroll],
            false,
        )
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = usize::from(cx.body.height.saturating_sub(5));
        let len = self.lines(cx).len();
        match action {
            Action::Cmd(Command::NextSection | Command::PrevSection) => {
                let i = Section::ALL
                    .iter()
                    .position(|s| *s == self.section)
                    .unwrap_or(0);
                let n = Section::ALL.len();
                let next = if *action == Action::Cmd(Command::NextSection) {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.section = Section::ALL[next];
                self.scroll = Scroll::default();
            }
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::New) => return self.on_new(cx),
            Action::Cmd(Command::NewStep) => return self.on_step(cx),
            Action::Cmd(Command::Edit) => return self.on_edit(cx),
            Action::Cmd(Command::ToggleDone) => return self.on_toggle(cx),
            Action::Cmd(Command::CloseAction) => return self.on_close(cx),
            Action::Cmd(Command::Delete) => return self.on_delete(cx),
            Action::Cmd(Command::Open) => return self.on_open(cx),
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            Action::Saved(Saved::Followup(_)) => {
                return vec![Reply::load(Load::Participant(self.program, self.asn))];
            }
            Action::Failed(f) => return vec![Reply::error(f.message.clone())],
            Action::Loaded(Loaded::Participant(p))
                if p.program == self.program && p.asn == self.asn =>
            {
                self.data = Some(p.clone());
                let len = self.lines(cx).len();
                self.scroll.clamp(len, height);
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::Participant(self.program, self.asn))]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        let Some(d) = &self.data else {
            put(buf, area.x + 1, area.y, cx.t(Msg::Loading), w, theme.dim());
            return;
        };
        let mut x = area.x + 1;
        for s in Section::ALL {
            let style = if s == self.section {
                theme.tab_active()
            } else {
                theme.dim()
            };
            x += put(
                buf,
                x,
                area.y,
                &format!(" {} ", cx.t(s.label())),
                area.width.saturating_sub(x - area.x),
                style,
            ) + 1;
        }
        put(
            buf,
            area.x + 1,
            area.y + 1,
            &format!(
                "{} · {} · {}",
                d.name,
                crate::domain::nip::display(&d.nip),
                d.program_code
            ),
            w,
            theme.header(),
        );
        // Column heads for the sections that show phases side by side.
        let value_w: u16 = 7;
        let cols: Vec<String> = match self.section {
            Section::Behaviour => COLUMNS.iter().map(|p| short_phase(*p, cx)).collect(),
            Section::Supervisor => COLUMNS[1..]
                .iter()
                .map(|p| short_phase(*p, cx))
                .chain([cx.t(Msg::PartSelfShort).to_string()])
                .collect(),
            _ => Vec::new(),
        };
        let label_w = area
            .width
            .saturating_sub(3 + value_w * u16::try_from(cols.len()).unwrap_or(0) + 2);
        let top = area.y + 2;
        if !cols.is_empty() {
            for (i, c) in cols.iter().enumerate() {
                let cx0 = area.x + 2 + label_w + value_w * u16::try_from(i).unwrap_or(0);
                put(buf, cx0, top, c, value_w, theme.header());
            }
        }
        let lines = self.lines(cx);
        let rows = area.height.saturating_sub(5);
        let offset = self.scroll.view_offset(usize::from(rows));
        for (i, line) in lines
            .iter()
            .enumerate()
            .skip(offset)
            .take(usize::from(rows))
        {
            let y = top + 1 + u16::try_from(i - offset).unwrap_or(0);
            let selected = i == self.scroll.selected;
            let style = if selected {
                theme.selected()
            } else {
                theme.base()
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
                buf.set_string(area.x, y, "▶", style);
            }
            match line {
                Line::Head(t) => {
                    put(
                        buf,
                        area.x + 2,
                        y,
                        t,
                        w.saturating_sub(1),
                        if selected { style } else { theme.header() },
                    );
                }
                Line::Text(t) => {
                    put(buf, area.x + 2, y, t, w.saturating_sub(1), style);
                }
                Line::Blank => {}
                Line::Row {
                    label,
                    cells,
                    delta,
                } => {
                    put(buf, area.x + 2, y, label, label_w.saturating_sub(1), style);
                    for (j, c) in cells.iter().enumerate() {
                        let cx0 = area.x + 2 + label_w + value_w * u16::try_from(j).unwrap_or(0);
                        put(buf, cx0, y, c, value_w - 1, style);
                    }
                    let mark = delta_mark(*delta);
                    if !mark.is_empty() {
                        put(buf, area.x + area.width - 2, y, mark, 1, style);
                    }
                }
                Line::Action(a) => {
                    if let Some(a) = d.actions.get(*a) {
                        let done = a.steps.iter().filter(|s| s.done_on.is_some()).count();
                        let text = Msg::PartActionLine.fill(
                            cx.lang,
                            &[
                                &cx.t(a.input.kind.label()),
                                &a.input.title,
                                &a.input.owner,
                                &cx.t(a.status.label()),
                                &done,
                                &a.steps.len(),
                            ],
                        );
                        put(
                            buf,
                            area.x + 2,
                            y,
                            &text,
                            w.saturating_sub(1),
                            if selected { style } else { theme.header() },
                        );
                    }
                }
                Line::Step(a, s) => {
                    if let Some(step) = d.actions.get(*a).and_then(|a| a.steps.get(*s)) {
                        let mark = if step.done_on.is_some() { "✓" } else { "·" };
                        let late = step.done_on.is_none() && step.due < cx.today;
                        let text = format!(
                            "{mark} {} {}{}",
                            date::format(step.due),
                            step.title,
                            if late {
                                format!(" ({})", cx.t(Msg::DueOverdue).to_lowercase())
                            } else {
                                String::new()
                            }
                        );
                        put(
                            buf,
                            area.x + 4,
                            y,
                            &text,
                            w.saturating_sub(3),
                            if late && !selected {
                                theme.error()
                            } else {
                                style
                            },
                        );
                    }
                }
                Line::Work(i) => {
                    if let Some(wk) = d.work.get(*i) {
                        let text = format!(
                            "{} {:<10} {}{}",
                            date::format(wk.due),
                            cx.t(state_label(wk.state)),
                            work_text(wk, cx),
                            wk.evaluator
                                .as_ref()
                                .map(|e| format!(" · {e}"))
                                .unwrap_or_default()
                        );
                        put(buf, area.x + 2, y, &text, w.saturating_sub(1), style);
                    }
                }
            }
        }
        let hint = match self.section {
            Section::Behaviour => cx.t(Msg::PartBehaviourHint).to_string(),
            Section::Supervisor => cx.t(Msg::PartSupervisorHint).to_string(),
            // The keys from the keymap table.
            Section::Actions => crate::app::keymap::hint(
                Msg::PartActionsHint,
                &self.scopes().0,
                &[
                    Command::New,
                    Command::NewStep,
                    Command::ToggleDone,
                    Command::Edit,
                    Command::CloseAction,
                    Command::Delete,
                ],
                cx.lang,
            ),
            Section::Schedule => cx.t(Msg::PartScheduleHint).to_string(),
        };
        put(
            buf,
            area.x + 1,
            area.y + area.height.saturating_sub(1),
            &hint,
            w,
            theme.dim(),
        );
    }
}

pub fn short_phase(p: Phase, cx: &Cx) -> String {
    cx.t(match p {
        Phase::Pre => Msg::PhaseShortPre,
        Phase::F1 => Msg::PhaseShortF1,
        Phase::F2 => Msg::PhaseShortF2,
        Phase::F3 => Msg::PhaseShortF3,
        Phase::M6 => Msg::PhaseShortM6,
        Phase::Post => Msg::PhaseShortPost,
        Phase::Followup => Msg::PhaseShortFollowup,
    })
    .to_string()
}

// ── Forms ───────────────────────────────────────────────────────────────────────────────────────────────

impl FieldKey for ActionField {
    fn key(self) -> &'static str {
        match self {
            ActionField::Kind => "kind",
            ActionField::Title => "title",
            ActionField::Owner => "owner",
            ActionField::Coach => "coach",
            ActionField::Sessions => "sessions",
            ActionField::Notes => "notes",
        }
    }
}

/// A new follow-up action, or changes to one.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionSpec {
    pub program: ProgramId,
    pub asn: AsnId,
    pub person: String,
    pub current: Option<(i64, Version, crate::domain::followup::ActionInput)>,
}

impl FormSpec for ActionSpec {
    type F = ActionField;
    const FORM: &'static str = "action";

    fn title(&self, cx: &Cx) -> String {
        cx.t(if self.current.is_some() {
            Msg::ActionEditTitle
        } else {
            Msg::ActionNewTitle
        })
        .to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.person.clone())
    }

    fn build(&self, cx: &Cx) -> Form<ActionField> {
        use ActionField as F;
        let mut form = Form::new(vec![
            Field::choice(
                F::Kind,
                cx.t(Msg::ColKind),
                options(ActionKind::ALL, ActionKind::code, ActionKind::label, cx),
                26,
            ),
            Field::text(F::Title, cx.t(Msg::ColTitle), InputKind::Text, 200, 50),
            Field::text(F::Owner, cx.t(Msg::ActionOwner), InputKind::Text, 120, 40),
            Field::text(F::Coach, cx.t(Msg::ActionCoach), InputKind::Text, 120, 40),
            Field::text(
                F::Sessions,
                cx.t(Msg::ActionSessions),
                InputKind::Integer,
                3,
                5,
            ),
            Field::text(F::Notes, cx.t(Msg::ActionNotes), InputKind::Text, 4000, 50),
        ]);
        if let Some((_, _, a)) = &self.current {
            form.set_choice(F::Kind, a.kind.code());
            form.set_text(F::Title, &a.title);
            form.set_text(F::Owner, &a.owner);
            form.set_text(F::Coach, &a.coach);
            form.set_text(F::Sessions, &a.sessions.to_string());
            form.set_text(F::Notes, &a.notes);
            form.dirty = false;
        }
        form
    }

    fn record_key(&self) -> String {
        match &self.current {
            Some((id, _, _)) => format!("x{id}"),
            None => format!("p{}a{}", self.program, self.asn.0),
        }
    }

    fn submit(
        &self,
        form: &Form<ActionField>,
        cx: &Cx,
    ) -> Result<Change, Vec<(ActionField, String)>> {
        use ActionField as F;
        let draft = ActionDraft {
            kind: form.value(F::Kind),
            title: form.value(F::Title),
            owner: form.value(F::Owner),
            coach: form.value(F::Coach),
            sessions: form.value(F::Sessions),
            notes: form.value(F::Notes),
        };
        let input = draft.parse().map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(match &self.current {
            Some((id, version, _)) => Change::UpdateAction(*id, *version, input),
            None => Change::AddAction(self.program, self.asn, input),
        })
    }
}

impl FieldKey for StepField {
    fn key(self) -> &'static str {
        match self {
            StepField::Title => "title",
            StepField::Due => "due",
        }
    }
}

/// A new step (milestone, action-plan item) of an action.
#[derive(Debug, Clone, PartialEq)]
pub struct StepSpec {
    pub action: i64,
    /// The action's title, for context.
    pub title: String,
}

impl FormSpec for StepSpec {
    type F = StepField;
    const FORM: &'static str = "step";

    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::StepNewTitle).to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.title.clone())
    }

    fn build(&self, cx: &Cx) -> Form<StepField> {
        Form::new(vec![
            Field::text(
                StepField::Title,
                cx.t(Msg::ColTitle),
                InputKind::Text,
                200,
                50,
            ),
            Field::text(StepField::Due, cx.t(Msg::StepDue), InputKind::Date, 10, 12),
        ])
    }

    fn record_key(&self) -> String {
        format!("x{}", self.action)
    }

    fn submit(&self, form: &Form<StepField>, cx: &Cx) -> Result<Change, Vec<(StepField, String)>> {
        let step = StepDraft {
            title: form.value(StepField::Title),
            due: form.value(StepField::Due),
        }
        .parse()
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|e| (e.field, e.problem.localize(cx.lang)))
                .collect::<Vec<_>>()
        })?;
        Ok(Change::AddStep(self.action, step))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseField {
    Status,
    Outcome,
}

impl FieldKey for CloseField {
    fn key(self) -> &'static str {
        match self {
            CloseField::Status => "status",
            CloseField::Outcome => "outcome",
        }
    }
}

/// Closing an action (done or cancelled) with its outcome, or opening it again.
#[derive(Debug, Clone, PartialEq)]
pub struct CloseSpec {
    pub id: i64,
    pub version: Version,
    pub title: String,
    pub status: ActionStatus,
    pub outcome: String,
}

impl FormSpec for CloseSpec {
    type F = CloseField;
    const FORM: &'static str = "close-action";

    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::ActionCloseTitle).to_string()
    }

    fn subtitle(&self, _cx: &Cx) -> Option<String> {
        Some(self.title.clone())
    }

    fn build(&self, cx: &Cx) -> Form<CloseField> {
        let order = [
            ActionStatus::Done,
            ActionStatus::Cancelled,
            ActionStatus::Open,
        ];
        let mut form = Form::new(vec![
            Field::choice(
                CloseField::Status,
                cx.t(Msg::ColStatus),
                options(&order, ActionStatus::code, ActionStatus::label, cx),
                20,
            ),
            Field::text(
                CloseField::Outcome,
                cx.t(Msg::ActionOutcome),
                InputKind::Text,
                2000,
                50,
            ),
        ]);
        if self.status != ActionStatus::Open {
            form.set_choice(CloseField::Status, self.status.code());
        }
        form.set_text(CloseField::Outcome, &self.outcome);
        form.dirty = false;
        form
    }

    fn record_key(&self) -> String {
        format!("x{}", self.id)
    }

    fn submit(
        &self,
        form: &Form<CloseField>,
        cx: &Cx,
    ) -> Result<Change, Vec<(CloseField, String)>> {
        let status =
            ActionStatus::from_code(&form.value(CloseField::Status)).unwrap_or(ActionStatus::Done);
        let outcome = form.value(CloseField::Outcome).trim().to_string();
        if status == ActionStatus::Done && outcome.is_empty() {
            return Err(vec![(
                CloseField::Outcome,
                cx.t(Msg::ActionOutcomeNeeded).to_string(),
            )]);
        }
        Ok(Change::CloseAction {
            id: self.id,
            version: self.version,
            status,
            outcome,
        })
    }
}
