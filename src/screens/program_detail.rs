//! One program: its data, objectives with their behaviours, participants, and costs.

use super::confirm::Confirm;
use super::cost_form::CostSpec;
use super::enrollment_form::EnrollmentSpec;
use super::form_screen::FormScreen;
use super::picker::{PickFor, Picker};
use super::program_form::ProgramSpec;
use super::results_form::{IndicatorSpec, RoiSpec};
use super::text_form::{TextSpec, TextTarget};
use super::{Cx, Modal, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Change, Effect, Load, Loaded, ProgramDetail, Saved};
use crate::app::keymap::Scope;
use crate::domain::date;
use crate::domain::enrollment::Completion;
use crate::domain::ids::ProgramId;
use crate::domain::nip;
use crate::domain::program::format_rupiah;
use crate::domain::user::Capability;
use crate::i18n::{Msg, number};
use crate::store::verification::{FormRow, Verified};
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use crate::widgets::{fit, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Summary,
    Objectives,
    Participants,
    Costs,
    Results,
    Forms,
}

impl Section {
    const ALL: [Section; 6] = [
        Section::Summary,
        Section::Objectives,
        Section::Participants,
        Section::Costs,
        Section::Results,
        Section::Forms,
    ];

    fn label(self) -> Msg {
        match self {
            Section::Summary => Msg::SectionSummary,
            Section::Objectives => Msg::SectionObjectives,
            Section::Participants => Msg::SectionParticipants,
            Section::Costs => Msg::SectionCosts,
            Section::Forms => Msg::SectionForms,
            Section::Results => Msg::SectionResults,
        }
    }

    fn step(self, delta: isize) -> Section {
        let i = Section::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let n = Section::ALL.len() as isize;
        let next = (i as isize + delta).rem_euclid(n);
        Section::ALL[usize::try_from(next).unwrap_or(0)]
    }
}

/// A line of the objectives section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Objective(usize),
    Behaviour(usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgramDetailScreen {
    pub id: ProgramId,
    pub detail: Option<Box<ProgramDetail>>,
    pub section: Section,
    pub objectives: Scroll,
    pub roster: Scroll,
    pub costs: Scroll,
    /// The program's keyed forms, filtered by verification.
    pub forms: Option<Vec<FormRow>>,
    pub verified: Verified,
    pub forms_scroll: Scroll,
    pub results: Scroll,
}

/// Rows below the section tabs and the program's name.
fn content(body: Rect) -> Rect {
    Rect {
        x: body.x,
        y: body.y + 2,
        width: body.width,
        height: body.height.saturating_sub(2),
    }
}

/// The rows of the results section's indicator table (the ROI lines take the rest).
fn results_table(c: Rect) -> Rect {
    Rect {
        height: c.height.saturating_sub(7).max(3),
        ..c
    }
}

impl ProgramDetailScreen {
    pub fn new(id: ProgramId) -> ProgramDetailScreen {
        ProgramDetailScreen {
            id,
            detail: None,
            section: Section::Summary,
            objectives: Scroll::default(),
            roster: Scroll::default(),
            costs: Scroll::default(),
            forms: None,
            verified: Verified::All,
            forms_scroll: Scroll::default(),
            results: Scroll::default(),
        }
    }

    fn lines(&self) -> Vec<Line> {
        let Some(d) = &self.detail else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, o) in d.objectives.iter().enumerate() {
            out.push(Line::Objective(i));
            out.extend((0..o.behaviours.len()).map(|j| Line::Behaviour(i, j)));
        }
        out
    }

    fn list(&mut self) -> Option<(&mut Scroll, usize)> {
        let len = match self.section {
            Section::Summary => return None,
            Section::Objectives => self.lines().len(),
            Section::Participants => self.detail.as_ref().map_or(0, |d| d.roster.len()),
            Section::Costs => self.detail.as_ref().map_or(0, |d| d.costs.len()),
            Section::Forms => self.forms.as_ref().map_or(0, Vec::len),
            Section::Results => self.detail.as_ref().map_or(0, |d| d.indicators.len()),
        };
        let scroll = match self.section {
            Section::Objectives => &mut self.objectives,
            Section::Participants => &mut self.roster,
            Section::Forms => &mut self.forms_scroll,
            Section::Results => &mut self.results,
            _ => &mut self.costs,
        };
        Some((scroll, len))
    }

    fn height(&self, cx: &Cx) -> usize {
        let c = content(cx.body);
        match self.section {
            Section::Objectives => usize::from(c.height),
            Section::Costs => body_height(c).saturating_sub(4),
            Section::Results => body_height(results_table(c)),
            _ => body_height(c),
        }
    }

    fn push(screen: Screen) -> Vec<Reply> {
        vec![Reply::Push(Box::new(screen))]
    }

    fn new_item(&self, cx: &Cx) -> Vec<Reply> {
        let Some(d) = &self.detail else {
            return Vec::new();
        };
        match self.section {
            Section::Participants => self.enroll(cx),
            Section::Results if cx.can(Capability::EditPrograms) => {
                Self::push(Screen::IndicatorForm(FormScreen::new(
                    IndicatorSpec {
                        program: self.id,
                        program_name: d.program.data.name.clone(),
                        current: None,
                    },
                    cx,
                )))
            }
            Section::Costs if cx.can(Capability::EditPrograms) => {
                Self::push(Screen::CostForm(FormScreen::new(
                    CostSpec {
                        program: self.id,
                        program_name: d.program.data.name.clone(),
                    },
                    cx,
                )))
            }
            Section::Summary | Section::Objectives if cx.can(Capability::EditPrograms) => {
                Self::push(Screen::TextForm(FormScreen::new(
                    TextSpec {
                        target: TextTarget::NewObjective(self.id),
                        text: String::new(),
                        context: d.program.data.name.clone(),
                    },
                    cx,
                )))
            }
            _ => vec![Reply::error(cx.t(Msg::NotAllowed))],
        }
    }

    fn enroll(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::Enroll) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let (picker, mut replies) = Picker::open(
            crate::widgets::form::LookupKind::Asn,
            PickFor::Enroll(self.id),
        );
        replies.insert(0, Reply::Modal(Box::new(Modal::Picker(picker))));
        replies
    }

    fn add_behaviour(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EditPrograms) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(d) = &self.detail else {
            return Vec::new();
        };
        let objective = match self.lines().get(self.objectives.selected) {
            Some(Line::Objective(i) | Line::Behaviour(i, _)) => d.objectives.get(*i),
            None => None,
        };
        match objective {
            Some(o) => Self::push(Screen::TextForm(FormScreen::new(
                TextSpec {
                    target: TextTarget::NewBehaviour(o.id),
                    text: String::new(),
                    context: o.text.clone(),
                },
                cx,
            ))),
            None => vec![Reply::error(
                Msg::AddObjectiveFirst.fill(cx.lang, &[&self.key(Command::New, cx)]),
            )],
        }
    }

    fn edit_item(&self, cx: &Cx) -> Vec<Reply> {
        let Some(d) = &self.detail else {
            return Vec::new();
        };
        match self.section {
            Section::Summary => self.edit_program(cx),
            Section::Objectives => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                let spec = match self.lines().get(self.objectives.selected) {
                    Some(Line::Objective(i)) => d.objectives.get(*i).map(|o| TextSpec {
                        target: TextTarget::Objective(o.id),
                        text: o.text.clone(),
                        context: d.program.data.name.clone(),
                    }),
                    Some(Line::Behaviour(i, j)) => d.objectives.get(*i).and_then(|o| {
                        o.behaviours.get(*j).map(|b| TextSpec {
                            target: TextTarget::Behaviour(b.id),
                            text: b.text.clone(),
                            context: o.text.clone(),
                        })
                    }),
                    None => None,
                };
                spec.map(|s| Self::push(Screen::TextForm(FormScreen::new(s, cx))))
                    .unwrap_or_default()
            }
            Section::Participants => {
                if !cx.can(Capability::Enroll) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                match d.roster.get(self.roster.selected) {
                    Some(r) => Self::push(Screen::EnrollmentForm(FormScreen::new(
                        EnrollmentSpec {
                            id: r.id,
                            base: r.stamp.version,
                            person: r.name.clone(),
                            program: format!("{} {}", d.program.data.code, d.program.data.name),
                            data: r.data.clone(),
                        },
                        cx,
                    ))),
                    None => Vec::new(),
                }
            }
            Section::Results => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                match d.indicators.get(self.results.selected) {
                    Some(i) => Self::push(Screen::IndicatorForm(FormScreen::new(
                        IndicatorSpec {
                            program: self.id,
                            program_name: d.program.data.name.clone(),
                            current: Some((i.id, i.version, i.input.clone())),
                        },
                        cx,
                    ))),
                    None => Vec::new(),
                }
            }
            Section::Costs | Section::Forms => Vec::new(),
        }
    }

    fn edit_program(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EditPrograms) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        match &self.detail {
            Some(d) => Self::push(Screen::ProgramForm(FormScreen::new(
                ProgramSpec::edit(&d.program),
                cx,
            ))),
            None => Vec::new(),
        }
    }

    fn delete_item(&self, cx: &Cx) -> Vec<Reply> {
        let Some(d) = &self.detail else {
            return Vec::new();
        };
        let (question, change) = match self.section {
            Section::Objectives => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                match self.lines().get(self.objectives.selected) {
                    Some(Line::Objective(i)) => match d.objectives.get(*i) {
                        Some(o) => (
                            Msg::ConfirmDeleteObjective.fill(cx.lang, &[&o.text]),
                            Change::DeleteObjective(o.id),
                        ),
                        None => return Vec::new(),
                    },
                    Some(Line::Behaviour(i, j)) => {
                        match d.objectives.get(*i).and_then(|o| o.behaviours.get(*j)) {
                            Some(b) => (
                                Msg::ConfirmDeleteBehaviour.fill(cx.lang, &[&b.text]),
                                Change::DeleteBehaviour(b.id),
                            ),
                            None => return Vec::new(),
                        }
                    }
                    None => return Vec::new(),
                }
            }
            Section::Participants => {
                if !cx.can(Capability::Enroll) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                match d.roster.get(self.roster.selected) {
                    Some(r) => (
                        Msg::ConfirmUnenroll.fill(cx.lang, &[&r.name, &d.program.data.code]),
                        Change::Unenroll(r.id, r.stamp.version),
                    ),
                    None => return Vec::new(),
                }
            }
            Section::Costs => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                match d.costs.get(self.costs.selected) {
                    Some(c) => (
                        Msg::ConfirmDeleteCost
                            .fill(cx.lang, &[&c.description, &format_rupiah(c.amount)]),
                        Change::DeleteCostLine(c.id),
                    ),
                    None => return Vec::new(),
                }
            }
            Section::Results => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                match d.indicators.get(self.results.selected) {
                    Some(i) => (
                        Msg::ConfirmDeleteIndicator.fill(cx.lang, &[&i.input.name]),
                        Change::DeleteIndicator(i.id),
                    ),
                    None => return Vec::new(),
                }
            }
            Section::Summary | Section::Forms => return Vec::new(),
        };
        vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
            question,
            on_yes: vec![Reply::save(change)],
        })))]
    }
}

impl ProgramDetailScreen {
    /// The key of a command on this page, from the keymap table (for the hints of empty sections).
    fn key(&self, command: Command, cx: &Cx) -> String {
        crate::app::keymap::key_for(&self.scopes().0, command, cx.lang)
    }
}

impl View for ProgramDetailScreen {
    fn title(&self, cx: &Cx) -> String {
        match &self.detail {
            Some(d) => format!("{} {}", d.program.data.code, cx.t(self.section.label())),
            None => cx.t(Msg::TabPrograms).to_string(),
        }
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (
            vec![
                Scope::ProgramDetail,
                Scope::Rows,
                Scope::List,
                Scope::Scroll,
            ],
            false,
        )
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = self.height(cx);
        if let Action::Cmd(
            cmd @ (Command::Up
            | Command::Down
            | Command::PageUp
            | Command::PageDown
            | Command::Top
            | Command::Bottom),
        ) = action
            && let Some((scroll, len)) = self.list()
        {
            match cmd {
                Command::Up => scroll.step(-1, len, height),
                Command::Down => scroll.step(1, len, height),
                Command::PageUp => scroll.step(-(height as isize), len, height),
                Command::PageDown => scroll.step(height as isize, len, height),
                Command::Top => scroll.select(0, len, height),
                _ => scroll.select(len.saturating_sub(1), len, height),
            }
            return Vec::new();
        }
        match action {
            Action::Cmd(Command::NextSection) => self.section = self.section.step(1),
            Action::Cmd(Command::PrevSection) => self.section = self.section.step(-1),
            Action::Cmd(Command::Back) => return vec![Reply::Pop],
            Action::Cmd(Command::Participant) => {
                self.section = Section::Participants;
                let Some(r) = self
                    .detail
                    .as_ref()
                    .and_then(|d| d.roster.get(self.roster.selected))
                else {
                    return Vec::new();
                };
                return vec![Reply::Push(Box::new(Screen::Participant(
                    super::participant::ParticipantScreen::new(self.id, r.asn),
                )))];
            }
            Action::Cmd(Command::EditRoi) => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                let Some(d) = &self.detail else {
                    return Vec::new();
                };
                self.section = Section::Results;
                return vec![Reply::Push(Box::new(Screen::RoiForm(FormScreen::new(
                    RoiSpec {
                        program: self.id,
                        program_name: d.program.data.name.clone(),
                        base: d.roi.1,
                        current: d.roi.0.clone(),
                    },
                    cx,
                ))))];
            }
            Action::Cmd(Command::PlanFollowups) => {
                if !cx.can(Capability::EditPrograms) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                // One form per participant, instrument and phase: many rows, so ask first.
                let Some(d) = &self.detail else {
                    return Vec::new();
                };
                return vec![Reply::Modal(Box::new(Modal::Confirm(Confirm {
                    question: Msg::ConfirmPlanFollowups.fill(cx.lang, &[&d.program.data.code]),
                    on_yes: vec![Reply::save(Change::PlanFollowups(self.id))],
                })))];
            }
            Action::Saved(Saved::Followup(n)) => {
                return vec![Reply::info(Msg::FollowupsPlanned.fill(cx.lang, &[n]))];
            }
            Action::Cmd(Command::FilterVerified) if self.section == Section::Forms => {
                self.verified = match self.verified {
                    Verified::All => Verified::No,
                    Verified::No => Verified::Yes,
                    Verified::Yes => Verified::All,
                };
                self.forms = None;
                self.forms_scroll = Scroll::default();
                return vec![Reply::load(Load::Forms(self.id, self.verified))];
            }
            Action::Loaded(Loaded::Forms(id, verified, rows))
                if *id == self.id && *verified == self.verified =>
            {
                self.forms = Some(rows.clone());
                self.forms_scroll
                    .clamp(rows.len(), body_height(content(cx.body)));
            }
            Action::Cmd(Command::EditProgram) => return self.edit_program(cx),
            Action::Cmd(Command::Enroll) => {
                self.section = Section::Participants;
                return self.enroll(cx);
            }
            Action::Cmd(Command::Dashboard) => {
                if !cx.can(Capability::ViewReports) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                return vec![Reply::Push(Box::new(Screen::Dashboard(
                    super::dashboard::DashboardScreen::new(self.id),
                )))];
            }
            Action::Cmd(Command::EnterForms) => {
                if !(cx.can(Capability::EnterData) || cx.can(Capability::VerifyData)) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                return vec![Reply::Push(Box::new(Screen::EntrySetup(
                    super::entry_setup::EntrySetupScreen::for_program(self.id),
                )))];
            }
            Action::Cmd(Command::AddBehaviour) => {
                self.section = Section::Objectives;
                return self.add_behaviour(cx);
            }
            Action::Cmd(Command::New) => return self.new_item(cx),
            Action::Cmd(Command::Edit | Command::Open) => return self.edit_item(cx),
            Action::Cmd(Command::Delete) => return self.delete_item(cx),
            Action::Loaded(Loaded::ProgramDetail(d)) if d.program.id == self.id => {
                self.detail = Some(d.clone());
                let lines = self.lines().len();
                let c = content(cx.body);
                self.objectives.clamp(lines, usize::from(c.height));
                self.roster.clamp(d.roster.len(), body_height(c));
                self.costs
                    .clamp(d.costs.len(), body_height(c).saturating_sub(4));
                self.results
                    .clamp(d.indicators.len(), body_height(results_table(c)));
            }
            Action::Saved(Saved::Enrolled { name, .. }) => {
                return vec![
                    Reply::info(Msg::EnrolledOne.fill(cx.lang, &[name])),
                    Reply::load(Load::ProgramDetail(self.id)),
                ];
            }
            Action::Saved(_) => {
                return vec![
                    Reply::info(cx.t(Msg::Saved)),
                    Reply::load(Load::ProgramDetail(self.id)),
                ];
            }
            Action::Failed(f) => {
                return vec![
                    Reply::error(f.message.clone()),
                    Reply::load(Load::ProgramDetail(self.id)),
                ];
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![
            Effect::Load(Load::ProgramDetail(self.id)),
            Effect::Load(Load::Forms(self.id, self.verified)),
        ]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let Some(d) = &self.detail else {
            put(
                buf,
                area.x + 1,
                area.y,
                cx.t(Msg::Loading),
                area.width,
                theme.dim(),
            );
            return;
        };
        let mut x = area.x + 1;
        for s in Section::ALL {
            let mut label = cx.t(s.label()).to_string();
            if s == Section::Participants {
                label = format!("{label} ({})", d.roster.len());
            }
            let style = if s == self.section {
                theme.tab_active()
            } else {
                theme.dim()
            };
            let shown = format!(" {label} ");
            x += put(
                buf,
                x,
                area.y,
                &shown,
                area.width.saturating_sub(x - area.x),
                style,
            ) + 1;
        }
        let p = &d.program.data;
        put(
            buf,
            area.x + 1,
            area.y + 1,
            &format!("{} · {}", p.code, p.name),
            area.width.saturating_sub(2),
            theme.header(),
        );
        let c = content(area);
        match self.section {
            Section::Summary => render_summary(d, c, buf, cx),
            Section::Objectives => self.render_objectives(d, c, buf, cx),
            Section::Participants => self.render_roster(d, c, buf, cx),
            Section::Costs => self.render_costs(d, c, buf, cx),
            Section::Forms => self.render_forms(c, buf, cx),
            Section::Results => self.render_results(d, c, buf, cx),
        }
    }
}

impl ProgramDetailScreen {
    /// The unit's indicators before and after, and the ROI with how it was estimated.
    fn render_results(&self, d: &ProgramDetail, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let lang = cx.lang;
        let w = area.width.saturating_sub(2);
        let table = results_table(area);
        let columns = [
            Column::fill(cx.t(Msg::IndicatorName), 1),
            Column::fixed(cx.t(Msg::IndicatorUnit), 10),
            Column::fixed(cx.t(Msg::IndicatorBefore), 9).right(),
            Column::fixed(cx.t(Msg::IndicatorAfter), 9).right(),
            Column::fixed(cx.t(Msg::ColChange), 9).right(),
        ];
        let rows: Vec<Vec<String>> = d
            .indicators
            .iter()
            .map(|i| {
                let n = |v: Option<f64>| v.map_or_else(|| "-".into(), |v| number(v, lang));
                vec![
                    i.input.name.clone(),
                    i.input.unit.clone(),
                    n(i.input.before),
                    n(i.input.after),
                    i.input.improvement_pct().map_or_else(
                        || "-".into(),
                        |p| {
                            format!(
                                "{}{}%",
                                if p > 0.0 { "+" } else { "" },
                                super::dashboard::fixed(p, 0, lang)
                            )
                        },
                    ),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.results,
            theme,
            focused: true,
            empty: &Msg::IndicatorsEmpty.fill(cx.lang, &[&self.key(Command::New, cx)]),
        }
        .render(table, buf);
        let total: i64 = d.costs.iter().map(|c| c.amount).sum();
        let (input, _) = &d.roi;
        let y = table.y + table.height + 1;
        let roi = crate::domain::results::roi(input, total);
        let line = match &roi {
            Ok(r) => Msg::RoiLine.fill(
                lang,
                &[
                    &format_rupiah(input.benefit.unwrap_or(0)),
                    &format_rupiah(r.adjusted_benefit.round() as i64),
                    &format_rupiah(total),
                    &super::dashboard::fixed(r.bcr, 2, lang),
                    &super::dashboard::fixed(r.roi_pct, 0, lang),
                ],
            ),
            Err(crate::domain::results::RoiMissing::NoBenefit) => {
                cx.t(Msg::RoiNoBenefit).to_string()
            }
            Err(crate::domain::results::RoiMissing::NoCost) => cx.t(Msg::RoiNoCost).to_string(),
        };
        put(buf, area.x + 1, y, &line, w, theme.header());
        let pct =
            |v: Option<f64>| v.map_or_else(|| "-".into(), |v| format!("{}%", number(v, lang)));
        put(
            buf,
            area.x + 1,
            y + 1,
            &Msg::RoiHow.fill(
                lang,
                &[
                    &cx.t(super::results_form::isolation_label(&input.isolation)),
                    &pct(input.isolation_pct),
                    &pct(input.confidence_pct),
                ],
            ),
            w,
            theme.dim(),
        );
        if !input.intangibles.is_empty() {
            put(
                buf,
                area.x + 1,
                y + 2,
                &Msg::RoiIntangiblesLine.fill(lang, &[&input.intangibles.replace('\n', "; ")]),
                w,
                theme.dim(),
            );
        }
        put(
            buf,
            area.x + 1,
            y + 4,
            &crate::app::keymap::hint(
                Msg::ResultsHint,
                &self.scopes().0,
                &[
                    Command::New,
                    Command::Edit,
                    Command::Delete,
                    Command::EditRoi,
                ],
                cx.lang,
            ),
            w,
            theme.dim(),
        );
    }
}

impl ProgramDetailScreen {
    /// The program's forms with their verification state; `v` filters.
    fn render_forms(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        let filter = cx.t(match self.verified {
            Verified::All => Msg::FormsAll,
            Verified::Yes => Msg::FormsVerified,
            Verified::No => Msg::FormsUnverified,
        });
        let Some(forms) = &self.forms else {
            put(buf, area.x + 1, area.y, cx.t(Msg::Loading), w, theme.dim());
            return;
        };
        put(
            buf,
            area.x + 1,
            area.y,
            &Msg::FormsFilter.fill(
                cx.lang,
                &[
                    &filter,
                    &forms.len(),
                    &self.key(Command::FilterVerified, cx),
                ],
            ),
            w,
            theme.dim(),
        );
        let columns = [
            Column::fixed(cx.t(Msg::ColInstrument), 12),
            Column::fixed(cx.t(Msg::SetupPhase), 5),
            Column::fill(cx.t(Msg::ColRespondent), 1),
            Column::fixed(cx.t(Msg::ColKeyedBy), 12),
            Column::fixed(cx.t(Msg::ColVerified), 13),
        ];
        let cells: Vec<Vec<String>> = forms
            .iter()
            .map(|f| {
                vec![
                    f.instrument.clone(),
                    f.phase.code().to_string(),
                    nip::display(&f.respondent),
                    f.keyed_by.clone(),
                    if f.open > 0 {
                        Msg::FormDisputed.fill(cx.lang, &[&f.open])
                    } else if f.verified {
                        cx.t(Msg::FormVerifiedMark).to_string()
                    } else {
                        cx.t(Msg::FormUnverifiedMark).to_string()
                    },
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &cells,
            scroll: self.forms_scroll,
            theme,
            focused: true,
            empty: &if self.verified == Verified::All {
                Msg::FormsNone.fill(cx.lang, &[&self.key(Command::EnterForms, cx)])
            } else {
                Msg::FormsNoneFiltered.fill(cx.lang, &[&self.key(Command::FilterVerified, cx)])
            },
        }
        .render(
            Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            },
            buf,
        );
    }
}

fn render_summary(d: &ProgramDetail, area: Rect, buf: &mut Buffer, cx: &Cx) {
    let p = &d.program.data;
    let l = cx.lang;
    let passed = d
        .roster
        .iter()
        .filter(|r| r.data.completion == Some(Completion::Lulus))
        .count();
    let failed = d
        .roster
        .iter()
        .filter(|r| r.data.completion == Some(Completion::TidakLulus))
        .count();
    let withdrew = d
        .roster
        .iter()
        .filter(|r| r.data.completion == Some(Completion::MengundurkanDiri))
        .count();
    let attendance: Vec<f64> = d
        .roster
        .iter()
        .filter_map(|r| r.data.attendance.map(|a| f64::from(a.percent())))
        .collect();
    let mean_att = crate::stats::describe(&attendance).mean;
    let total: i64 = d.costs.iter().map(|c| c.amount).sum();
    // As in the report: the cost is shared by those who did not withdraw.
    let n = i64::try_from(d.roster.len() - withdrew).unwrap_or(0);
    let provider = if p.provider.is_empty() {
        "-".to_string()
    } else {
        Msg::ProviderWithAccreditation.fill(l, &[&p.provider, &p.accreditation.label().text(l)])
    };
    let rows: Vec<(Msg, String)> = vec![
        (
            Msg::ColType,
            format!("{} · {}", p.kind.label().text(l), p.mode.label().text(l)),
        ),
        (
            Msg::FieldCompetency,
            if p.competency.is_empty() {
                "-".into()
            } else {
                p.competency.clone()
            },
        ),
        (Msg::ColProvider, provider),
        (
            Msg::ColLocation,
            if p.location.is_empty() {
                "-".into()
            } else {
                p.location.clone()
            },
        ),
        (
            Msg::FieldDates,
            format!("{} – {}", date::format(p.start), date::format(p.end)),
        ),
        (
            Msg::FieldJp,
            Msg::JpHours.fill(l, &[&p.jp, &number(f64::from(p.jp) * 0.75, l)]),
        ),
        (
            Msg::ColQuota,
            p.quota.map_or_else(|| "-".into(), |q| q.to_string()),
        ),
        (Msg::ColStatus, p.status.label().text(l).to_string()),
        (
            Msg::ColParticipants,
            Msg::RosterSummary.fill(l, &[&d.roster.len(), &passed, &failed, &withdrew]),
        ),
        (
            Msg::FieldMeanAttendance,
            mean_att.map_or_else(
                || "-".into(),
                |m| format!("{} %", number((m * 10.0).round() / 10.0, l)),
            ),
        ),
        (Msg::FieldTotalCost, format_rupiah(total)),
        (
            Msg::FieldCostPerParticipant,
            if n > 0 {
                format_rupiah(total / n)
            } else {
                "-".into()
            },
        ),
        (Msg::FieldObjectives, d.objectives.len().to_string()),
        (
            Msg::FieldUpdated,
            format!(
                "{} · {}",
                crate::text::visible(&d.program.stamp.updated_by),
                date::format_stamp(&d.program.stamp.updated_at)
            ),
        ),
    ];
    for (i, (label, value)) in rows.iter().enumerate().take(usize::from(area.height)) {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        put(buf, area.x + 2, y, cx.t(*label), 22, cx.theme.dim());
        put(
            buf,
            area.x + 25,
            y,
            value,
            area.width.saturating_sub(26),
            cx.theme.base(),
        );
    }
}

impl ProgramDetailScreen {
    fn render_objectives(&self, d: &ProgramDetail, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let lines = self.lines();
        if lines.is_empty() {
            put(
                buf,
                area.x + 2,
                area.y,
                &Msg::ObjectivesEmpty.fill(
                    cx.lang,
                    &[
                        &self.key(Command::New, cx),
                        &self.key(Command::AddBehaviour, cx),
                    ],
                ),
                area.width.saturating_sub(4),
                cx.theme.dim(),
            );
            return;
        }
        let height = usize::from(area.height);
        let offset = self.objectives.view_offset(height);
        for (i, line) in lines.iter().enumerate().skip(offset).take(height) {
            let y = area.y + u16::try_from(i - offset).unwrap_or(0);
            let selected = i == self.objectives.selected;
            let style = if selected {
                cx.theme.selected()
            } else {
                cx.theme.base()
            };
            let text = match line {
                Line::Objective(o) => d
                    .objectives
                    .get(*o)
                    .map(|ob| format!("{}. {}", o + 1, ob.text))
                    .unwrap_or_default(),
                Line::Behaviour(o, b) => d
                    .objectives
                    .get(*o)
                    .and_then(|ob| ob.behaviours.get(*b))
                    .map(|bh| format!("     • {}", bh.text))
                    .unwrap_or_default(),
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
                buf.set_string(area.x, y, "▶", style);
            }
            let shown = fit(
                &crate::text::visible(&text),
                usize::from(area.width.saturating_sub(3)),
            );
            buf.set_string(area.x + 2, y, shown, style);
        }
    }

    fn render_roster(&self, d: &ProgramDetail, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let columns = [
            Column::fixed(cx.t(Msg::ColNip), 21),
            Column::fill(cx.t(Msg::ColName), 3),
            Column::fill(cx.t(Msg::ColUnit), 2),
            Column::fixed(cx.t(Msg::ColAttendance), 7).right(),
            Column::fixed(cx.t(Msg::ColCompletion), 13),
        ];
        let rows: Vec<Vec<String>> = d
            .roster
            .iter()
            .map(|r| {
                vec![
                    nip::display(&r.nip),
                    r.name.clone(),
                    r.opd.clone().unwrap_or_default(),
                    r.data
                        .attendance
                        .map(|a| format!("{}%", a.percent()))
                        .unwrap_or_else(|| "-".into()),
                    r.data
                        .completion
                        .map_or_else(|| "-".into(), |c| c.label().text(cx.lang).to_string()),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.roster,
            theme: cx.theme,
            focused: true,
            empty: &Msg::RosterEmpty.fill(cx.lang, &[&self.key(Command::Enroll, cx)]),
        }
        .render(area, buf);
    }

    fn render_costs(&self, d: &ProgramDetail, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let table = Rect {
            height: area.height.saturating_sub(4),
            ..area
        };
        let columns = [
            Column::fixed(cx.t(Msg::FieldCategory), 20),
            Column::fill(cx.t(Msg::FieldDescription), 1),
            Column::fixed(cx.t(Msg::FieldAmount), 18).right(),
        ];
        let rows: Vec<Vec<String>> = d
            .costs
            .iter()
            .map(|c| {
                vec![
                    c.category.label().text(cx.lang).to_string(),
                    c.description.clone(),
                    format_rupiah(c.amount),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &rows,
            scroll: self.costs,
            theme: cx.theme,
            focused: true,
            empty: &Msg::CostsEmpty.fill(cx.lang, &[&self.key(Command::New, cx)]),
        }
        .render(table, buf);
        let total: i64 = d.costs.iter().map(|c| c.amount).sum();
        // As in the report: the cost is shared by those who did not withdraw.
        let stayed = d
            .roster
            .iter()
            .filter(|r| Completion::stayed(r.data.completion))
            .count();
        let n = i64::try_from(stayed).unwrap_or(0);
        let jp = i64::from(d.program.data.jp);
        let y = table.y + table.height + 1;
        let lines = [
            (Msg::FieldTotalCost, format_rupiah(total)),
            (
                Msg::FieldCostPerParticipant,
                if n > 0 {
                    format_rupiah(total / n)
                } else {
                    "-".into()
                },
            ),
            (
                Msg::FieldCostPerParticipantJp,
                if n > 0 && jp > 0 {
                    format_rupiah(total / (n * jp))
                } else {
                    "-".into()
                },
            ),
        ];
        for (i, (label, value)) in lines.iter().enumerate() {
            let yy = y + u16::try_from(i).unwrap_or(0);
            if yy >= area.y + area.height {
                break;
            }
            put(buf, area.x + 2, yy, cx.t(*label), 30, cx.theme.dim());
            put(
                buf,
                area.x + 33,
                yy,
                value,
                area.width.saturating_sub(34),
                cx.theme.header(),
            );
        }
    }
}
