//! Across programs and people: programs side by side (sortable, with the trend by year), who falls short
//! of 20 JP a year (by OPD, with the people behind each figure), and what training the ASN need.

use super::activity_form::ActivitySpec;
use super::dashboard::fixed;
use super::form_screen::FormScreen;
use super::program_form::ProgramSpec;
use super::quality::Quality;
use super::{Cx, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Effect, Load, Loaded};
use crate::app::keymap::Scope;
use crate::domain::ids::{AsnId, OpdId};
use crate::domain::nip;
use crate::domain::program::{ProgramType, format_rupiah};
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::analysis::{ComparisonFilter, ComparisonRow, JP_TARGET, JpRow, Needs, SiasnRow};
use crate::widgets::table::{Column, DataTable, Scroll, body_height};
use crate::widgets::{bars, put};
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Compare,
    Jp,
    Needs,
    Verification,
    Operators,
}

impl Section {
    const ALL: [Section; 5] = [
        Section::Compare,
        Section::Jp,
        Section::Needs,
        Section::Verification,
        Section::Operators,
    ];

    fn label(self) -> Msg {
        match self {
            Section::Compare => Msg::AnalysisCompare,
            Section::Jp => Msg::AnalysisJp,
            Section::Needs => Msg::AnalysisNeeds,
            Section::Verification => Msg::AnalysisVerification,
            Section::Operators => Msg::AnalysisOperators,
        }
    }
}

/// What the comparison is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Start,
    Reaction,
    Gain,
    Participants,
    Passed,
    Cost,
}

impl SortBy {
    const ALL: [SortBy; 6] = [
        SortBy::Start,
        SortBy::Reaction,
        SortBy::Gain,
        SortBy::Participants,
        SortBy::Passed,
        SortBy::Cost,
    ];

    fn label(self) -> Msg {
        match self {
            SortBy::Start => Msg::ColStart,
            SortBy::Reaction => Msg::LevelReaction,
            SortBy::Gain => Msg::ColGain,
            SortBy::Participants => Msg::ColParticipants,
            SortBy::Passed => Msg::ColPassedPct,
            SortBy::Cost => Msg::ColCostPerParticipant,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisScreen {
    pub section: Section,
    pub years: Vec<i32>,
    pub year: Option<i32>,
    pub sort: SortBy,
    pub comparison: Option<Vec<ComparisonRow>>,
    /// Comparison filters besides the year.
    pub kind: Option<ProgramType>,
    pub provider: Option<String>,
    pub providers: Vec<String>,
    /// Only the participants of this OPD count (and its name, to show).
    pub unit: Option<(OpdId, String)>,
    pub jp: Option<(i32, Vec<JpRow>)>,
    /// The OPD whose people are shown (20 JP drill-down).
    pub opd: Option<Option<OpdId>>,
    /// The person whose year of learning is shown (the drill-down below an OPD), with the rows.
    pub person: Option<(AsnId, String)>,
    pub record: Option<Vec<SiasnRow>>,
    pub needs: Option<Box<Needs>>,
    pub needs_instrument: String,
    /// Verification and the clerks' statistics.
    pub quality: Quality,
    pub scroll: Scroll,
}

impl Default for AnalysisScreen {
    fn default() -> Self {
        AnalysisScreen {
            section: Section::Compare,
            years: Vec::new(),
            year: None,
            sort: SortBy::Start,
            comparison: None,
            kind: None,
            provider: None,
            providers: Vec::new(),
            unit: None,
            jp: None,
            opd: None,
            person: None,
            record: None,
            needs: None,
            needs_instrument: "TNA-ASN".into(),
            quality: Quality::default(),
            scroll: Scroll::default(),
        }
    }
}

/// One OPD's 20 JP figures: (OPD, name, ASN, meeting 20 JP, mean JP).
type OpdJp = (Option<OpdId>, String, usize, usize, f64);

fn by_opd(rows: &[JpRow]) -> Vec<OpdJp> {
    let mut out: Vec<OpdJp> = Vec::new();
    for r in rows {
        match out.iter_mut().find(|o| o.0 == r.opd) {
            Some(o) => {
                o.2 += 1;
                o.3 += usize::from(r.total() >= JP_TARGET);
                o.4 += r.total();
            }
            None => out.push((
                r.opd,
                r.opd_name.clone(),
                1,
                usize::from(r.total() >= JP_TARGET),
                r.total(),
            )),
        }
    }
    for o in &mut out {
        o.4 /= o.2.max(1) as f64;
    }
    out.sort_by(|a, b| {
        let share = |o: &OpdJp| o.3 as f64 / o.2.max(1) as f64;
        share(a)
            .partial_cmp(&share(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

impl AnalysisScreen {
    pub fn filter(&self) -> ComparisonFilter {
        ComparisonFilter {
            year: self.year,
            kind: self.kind,
            provider: self.provider.clone(),
            opd: self.unit.as_ref().map(|u| u.0),
        }
    }

    fn sorted(&self) -> Vec<ComparisonRow> {
        let mut rows = self.comparison.clone().unwrap_or_default();
        let key = |r: &ComparisonRow| -> f64 {
            match self.sort {
                SortBy::Start => 0.0,
                SortBy::Reaction => r.reaction_index.unwrap_or(-1.0),
                SortBy::Gain => r.gain.unwrap_or(-1.0),
                SortBy::Participants => r.participants as f64,
                SortBy::Passed => r.passed as f64 / r.participants.max(1) as f64,
                SortBy::Cost => r.cost_per_participant.unwrap_or(-1) as f64,
            }
        };
        if self.sort != SortBy::Start {
            rows.sort_by(|a, b| {
                key(b)
                    .partial_cmp(&key(a))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
        }
        rows
    }

    fn list_len(&self) -> usize {
        match self.section {
            Section::Compare => self.comparison.as_ref().map_or(0, Vec::len),
            Section::Jp => match (&self.jp, self.opd) {
                (Some((_, rows)), Some(opd)) => rows.iter().filter(|r| r.opd == opd).count(),
                (Some((_, rows)), None) => by_opd(rows).len(),
                _ => 0,
            },
            Section::Needs => self.needs.as_ref().map_or(0, |n| n.topics.len()),
            Section::Verification => self.quality.verification_len(),
            Section::Operators => self.quality.stats_len(),
        }
    }

    fn table_area(cx: &Cx) -> Rect {
        Rect {
            y: cx.body.y + 2,
            height: cx.body.height.saturating_sub(6),
            ..cx.body
        }
    }

    /// The people of the chosen OPD, fewest JP first (as listed).
    fn people(&self) -> Vec<&JpRow> {
        let (Some((_, rows)), Some(opd)) = (&self.jp, self.opd) else {
            return Vec::new();
        };
        let mut people: Vec<&JpRow> = rows.iter().filter(|r| r.opd == opd).collect();
        people.sort_by(|a, b| {
            a.total()
                .partial_cmp(&b.total())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        people
    }

    /// The name of the OPD whose people are shown (20 JP drill-down), as the OPD list shows it.
    fn opd_name(&self, cx: &Cx) -> Option<String> {
        let opd = self.opd?;
        let name = self
            .jp
            .as_ref()
            .and_then(|(_, rows)| rows.iter().find(|r| r.opd == opd))
            .map(|r| r.opd_name.clone())
            .unwrap_or_default();
        Some(if name.is_empty() {
            cx.t(Msg::JpNoOpd).to_string()
        } else {
            name
        })
    }

    fn selected_person(&self) -> Option<&JpRow> {
        self.people().get(self.scroll.selected).copied()
    }

    fn new_activity(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let person = match &self.person {
            Some((asn, name)) => Some((*asn, name.clone())),
            None => self.selected_person().map(|p| (p.asn, p.name.clone())),
        };
        let Some((asn, name)) = person else {
            return Vec::new();
        };
        // A new activity starts on the last day of the year looked at, or today within it.
        let year = self.jp.as_ref().map_or(cx.today.year(), |j| j.0);
        let today = if cx.today.year() == year {
            cx.today
        } else {
            chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(cx.today)
        };
        vec![Reply::Push(Box::new(Screen::ActivityForm(
            FormScreen::new(
                ActivitySpec {
                    asn,
                    person: name,
                    today,
                },
                cx,
            ),
        )))]
    }

    fn delete_activity(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EnterData) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(row) = self
            .record
            .as_ref()
            .and_then(|r| r.get(self.scroll.selected))
        else {
            return Vec::new();
        };
        let Some(id) = row.activity else {
            return vec![Reply::error(cx.t(Msg::ActivityOnlyDelete))];
        };
        vec![Reply::Modal(Box::new(super::Modal::Confirm(
            super::confirm::Confirm {
                question: Msg::ActivityDeleteQuestion.fill(
                    cx.lang,
                    &[&row.title, &crate::i18n::number(row.jp, cx.lang)],
                ),
                on_yes: vec![Reply::save(crate::app::effect::Change::DeleteActivity(id))],
            },
        )))]
    }

    /// One person's year: programs passed and activities, with the total against 20 JP.
    fn render_record(&self, table: Rect, foot: u16, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = table.width.saturating_sub(2);
        let Some((_, name)) = &self.person else {
            return;
        };
        let who = match self.opd_name(cx) {
            Some(opd) => format!("{name} · {opd}"),
            None => name.clone(),
        };
        let rows = self.record.as_deref().unwrap_or_default();
        let total: f64 = rows.iter().map(|r| r.jp).sum();
        let year = self.jp.as_ref().map_or(0, |j| j.0);
        put(
            buf,
            table.x + 1,
            table.y.saturating_sub(1),
            &Msg::JpPersonSummary.fill(
                cx.lang,
                &[&who, &year, &crate::i18n::number(total, cx.lang)],
            ),
            w,
            if total < JP_TARGET {
                theme.error()
            } else {
                theme.ok()
            },
        );
        let columns = [
            Column::fixed(cx.t(Msg::ColDate), 10),
            Column::fixed(cx.t(Msg::ColMode), 12),
            Column::fill(cx.t(Msg::ColTitle), 1),
            Column::fixed(cx.t(Msg::ColJp), 5).right(),
        ];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let kind = ProgramType::from_code(&r.kind)
                    .map(|k| cx.t(k.label()).to_string())
                    .or_else(|| {
                        crate::domain::program::LearningMode::from_code(&r.kind)
                            .map(|m| cx.t(m.label()).to_string())
                    })
                    .unwrap_or_else(|| r.kind.clone());
                vec![
                    crate::domain::date::format(r.start),
                    kind,
                    if r.program.is_empty() {
                        r.title.clone()
                    } else {
                        format!("{} ({})", r.title, r.program)
                    },
                    crate::i18n::number(r.jp, cx.lang),
                ]
            })
            .collect();
        let header = Rect {
            y: table.y,
            height: table.height,
            ..table
        };
        DataTable {
            columns: &columns,
            rows: &cells,
            scroll: self.scroll,
            theme,
            focused: true,
            empty: if self.record.is_some() {
                cx.t(Msg::JpPersonEmpty)
            } else {
                cx.t(Msg::Loading)
            },
        }
        .render(header, buf);
        put(
            buf,
            table.x + 1,
            foot + 2,
            &crate::app::keymap::hint(
                Msg::JpPersonHint,
                &self.scopes().0,
                &[Command::New, Command::Delete, Command::Back],
                cx.lang,
            ),
            w,
            theme.dim(),
        );
    }

    fn plan_from_topic(&self, cx: &Cx) -> Vec<Reply> {
        if !cx.can(Capability::EditPrograms) {
            return vec![Reply::error(cx.t(Msg::NotAllowed))];
        }
        let Some(topic) = self
            .needs
            .as_ref()
            .and_then(|n| n.topics.get(self.scroll.selected))
        else {
            return Vec::new();
        };
        let name = Msg::PlannedProgramName.fill(cx.lang, &[&topic.label]);
        vec![Reply::Push(Box::new(Screen::ProgramForm(FormScreen::new(
            ProgramSpec::planned(&name, ProgramType::Teknis),
            cx,
        ))))]
    }
}

impl View for AnalysisScreen {
    fn title(&self, cx: &Cx) -> String {
        let mut title = format!(
            "{} · {}",
            cx.t(Msg::TabAnalysis),
            cx.t(self.section.label())
        );
        if self.section == Section::Jp
            && let Some(opd) = self.opd_name(cx)
        {
            title = format!("{title} · {opd}");
        }
        title
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        let section = match self.section {
            Section::Compare => vec![Scope::Compare],
            // Below an OPD, activities can be recorded (and removed).
            Section::Jp if self.opd.is_some() => vec![Scope::Activities, Scope::Jp],
            Section::Jp => vec![Scope::Jp],
            Section::Needs => vec![Scope::Needs],
            Section::Verification => vec![Scope::Verification],
            Section::Operators => vec![Scope::Operators],
        };
        let mut scopes = section;
        scopes.extend([Scope::Analysis, Scope::List, Scope::Scroll]);
        (scopes, false)
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        let height = body_height(Self::table_area(cx));
        let len = self.list_len();
        let reload = |s: &mut AnalysisScreen, cx: &Cx| -> Vec<Reply> {
            s.scroll = Scroll::default();
            let _ = cx;
            s.refresh().into_iter().map(Reply::Effect).collect()
        };
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
                self.opd = None;
                return reload(self, cx);
            }
            Action::Cmd(Command::Up) => self.scroll.step(-1, len, height),
            Action::Cmd(Command::Down) => self.scroll.step(1, len, height),
            Action::Cmd(Command::PageUp) => self.scroll.step(-(height as isize), len, height),
            Action::Cmd(Command::PageDown) => self.scroll.step(height as isize, len, height),
            Action::Cmd(Command::Top) => self.scroll.select(0, len, height),
            Action::Cmd(Command::Bottom) => self.scroll.select(len.saturating_sub(1), len, height),
            Action::Cmd(Command::FilterYear) if self.section == Section::Operators => {
                self.scroll = Scroll::default();
                return self.quality.next_period();
            }
            Action::Cmd(Command::Adjudicate) if self.section == Section::Verification => {
                if !cx.can(Capability::Adjudicate) {
                    return vec![Reply::error(cx.t(Msg::NotAllowed))];
                }
                return vec![Reply::Push(Box::new(Screen::Adjudication(
                    super::adjudication::AdjudicationScreen::default(),
                )))];
            }
            Action::Loaded(loaded) if self.quality.loaded(loaded) => {
                let len = self.list_len();
                self.scroll.clamp(len, height);
            }
            Action::Cmd(Command::FilterYear)
                if matches!(self.section, Section::Compare | Section::Jp) =>
            {
                self.year = match self.year {
                    None => self.years.first().copied(),
                    Some(y) => self
                        .years
                        .iter()
                        .position(|x| *x == y)
                        .and_then(|i| self.years.get(i + 1))
                        .copied(),
                };
                if self.section == Section::Jp && self.year.is_none() {
                    self.year = self.years.first().copied();
                }
                self.opd = None;
                return reload(self, cx);
            }
            Action::Cmd(Command::FilterType) if self.section == Section::Compare => {
                self.kind = super::programs::cycle(self.kind, ProgramType::ALL);
                return reload(self, cx);
            }
            Action::Cmd(Command::FilterProvider) if self.section == Section::Compare => {
                self.provider = match &self.provider {
                    None => self.providers.first().cloned(),
                    Some(p) => self
                        .providers
                        .iter()
                        .position(|x| x == p)
                        .and_then(|i| self.providers.get(i + 1))
                        .cloned(),
                };
                return reload(self, cx);
            }
            Action::Cmd(Command::FilterOpd) if self.section == Section::Compare => {
                let (picker, mut replies) = super::picker::Picker::open(
                    crate::widgets::form::LookupKind::Opd,
                    super::picker::PickFor::Field,
                );
                replies.insert(0, Reply::Modal(Box::new(super::Modal::Picker(picker))));
                return replies;
            }
            Action::Picked {
                kind: crate::widgets::form::LookupKind::Opd,
                id,
                label,
            } if self.section == Section::Compare => {
                self.unit = Some((OpdId(*id), label.clone()));
                return reload(self, cx);
            }
            Action::Cmd(Command::ClearFilters) if self.section == Section::Compare => {
                self.year = None;
                self.kind = None;
                self.provider = None;
                self.unit = None;
                return reload(self, cx);
            }
            Action::Cmd(Command::SortNext) if self.section == Section::Compare => {
                let i = SortBy::ALL
                    .iter()
                    .position(|s| *s == self.sort)
                    .unwrap_or(0);
                self.sort = SortBy::ALL[(i + 1) % SortBy::ALL.len()];
                self.scroll = Scroll::default();
            }
            Action::Cmd(Command::SwitchInstrument) if self.section == Section::Needs => {
                self.needs_instrument = if self.needs_instrument == "TNA-ASN" {
                    "TNA-ATASAN".into()
                } else {
                    "TNA-ASN".into()
                };
                return reload(self, cx);
            }
            Action::Cmd(Command::PlanProgram) if self.section == Section::Needs => {
                return self.plan_from_topic(cx);
            }
            Action::Cmd(Command::Open) => match self.section {
                Section::Jp if self.opd.is_none() => {
                    if let Some((_, rows)) = &self.jp {
                        self.opd = by_opd(rows).get(self.scroll.selected).map(|o| o.0);
                        self.scroll = Scroll::default();
                    }
                }
                Section::Jp if self.person.is_none() => {
                    if let Some(p) = self.selected_person() {
                        self.person = Some((p.asn, p.name.clone()));
                        self.record = None;
                        self.scroll = Scroll::default();
                        return self.refresh().into_iter().map(Reply::Effect).collect();
                    }
                }
                Section::Compare => {
                    if let Some(r) = self.sorted().get(self.scroll.selected) {
                        return vec![Reply::Push(Box::new(Screen::Dashboard(
                            super::dashboard::DashboardScreen::new(r.program),
                        )))];
                    }
                }
                _ => {}
            },
            Action::Cmd(Command::Back) if self.person.is_some() => {
                self.person = None;
                self.record = None;
                self.scroll = Scroll::default();
                return self.refresh().into_iter().map(Reply::Effect).collect();
            }
            Action::Cmd(Command::Back) if self.opd.is_some() => {
                self.opd = None;
                self.scroll = Scroll::default();
            }
            Action::Cmd(Command::New) if self.section == Section::Jp && self.opd.is_some() => {
                return self.new_activity(cx);
            }
            Action::Cmd(Command::Delete) if self.person.is_some() => {
                return self.delete_activity(cx);
            }
            Action::Loaded(Loaded::LearningRecord(asn, year, rows))
                if self.person.as_ref().map(|p| p.0) == Some(*asn)
                    && self.jp.as_ref().map(|j| j.0) == Some(*year) =>
            {
                self.record = Some(rows.clone());
                self.scroll.clamp(rows.len(), height);
            }
            Action::Loaded(Loaded::ProgramYears(years)) => self.years = years.clone(),
            // An activity removed: the person's record and the counts change.
            Action::Saved(crate::app::effect::Saved::Deleted(_)) => {
                return self.refresh().into_iter().map(Reply::Effect).collect();
            }
            Action::Loaded(Loaded::Providers(names)) => self.providers = names.clone(),
            Action::Loaded(Loaded::Comparison(filter, rows)) if *filter == self.filter() => {
                self.comparison = Some(rows.clone());
                self.scroll.clamp(rows.len(), height);
            }
            Action::Loaded(Loaded::Jp(year, rows)) => {
                self.jp = Some((*year, rows.clone()));
                let len = self.list_len();
                self.scroll.clamp(len, height);
            }
            Action::Loaded(Loaded::Needs(needs)) if needs.instrument == self.needs_instrument => {
                self.needs = Some(needs.clone());
                self.scroll.clamp(needs.topics.len(), height);
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        // Without a chosen year, the 20 JP section counts the latest year that has programs.
        match self.section {
            Section::Compare => vec![
                Effect::Load(Load::Comparison(self.filter())),
                Effect::Load(Load::ProgramYears),
                Effect::Load(Load::Providers),
            ],
            Section::Jp => {
                let mut loads = vec![
                    Effect::Load(Load::Jp(self.year)),
                    Effect::Load(Load::ProgramYears),
                ];
                if let (Some((asn, _)), Some((year, _))) = (&self.person, &self.jp) {
                    loads.push(Effect::Load(Load::LearningRecord(*asn, *year)));
                }
                loads
            }
            Section::Needs => vec![Effect::Load(Load::Needs(self.needs_instrument.clone()))],
            Section::Verification => self.quality.verification_loads(),
            Section::Operators => self.quality.stats_loads(),
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
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
        let table = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(6),
            ..area
        };
        let w = area.width.saturating_sub(2);
        let foot = table.y + table.height;
        match self.section {
            Section::Verification => {
                self.quality
                    .render_verification(area, table, self.scroll, buf, cx);
            }
            Section::Operators => {
                self.quality.render_stats(area, table, self.scroll, buf, cx);
            }
            Section::Compare => {
                let year = self
                    .year
                    .map_or_else(|| cx.t(Msg::All).to_string(), |y| y.to_string());
                let kind = cx.t(self.kind.map_or(Msg::AllTypes, ProgramType::label));
                let provider = self
                    .provider
                    .clone()
                    .unwrap_or_else(|| cx.t(Msg::AllProviders).to_string());
                let unit = self
                    .unit
                    .as_ref()
                    .map_or_else(|| cx.t(Msg::AllUnits).to_string(), |u| u.1.clone());
                let line = Msg::CompareFilter.fill(
                    cx.lang,
                    &[&year, &kind, &provider, &unit, &cx.t(self.sort.label())],
                );
                put(buf, area.x + 1, area.y + 1, &line, w, theme.dim());
                let rows = self.sorted();
                let columns = [
                    Column::fixed(cx.t(Msg::ColCode), 14),
                    Column::fixed(cx.t(Msg::ColYear), 5),
                    Column::fill(cx.t(Msg::ColType), 1),
                    Column::fixed(cx.t(Msg::ColParticipants), 7).right(),
                    Column::fixed(cx.t(Msg::LevelReaction), 6).right(),
                    Column::fixed(cx.t(Msg::ColGain), 6).right(),
                    Column::fixed(cx.t(Msg::ColPassedPct), 6).right(),
                    Column::fixed(cx.t(Msg::ColCostPerParticipant), 13).right(),
                ];
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.code.clone(),
                            r.year.to_string(),
                            ProgramType::from_code(&r.kind)
                                .map_or_else(|| r.kind.clone(), |k| cx.t(k.label()).to_string()),
                            r.participants.to_string(),
                            r.reaction_index
                                .map_or_else(|| "-".into(), |v| fixed(v, 0, cx.lang)),
                            r.gain.map_or_else(|| "-".into(), |v| fixed(v, 2, cx.lang)),
                            if r.participants > 0 {
                                fixed(100.0 * r.passed as f64 / r.participants as f64, 0, cx.lang)
                            } else {
                                "-".into()
                            },
                            r.cost_per_participant
                                .map_or_else(|| "-".into(), format_rupiah),
                        ]
                    })
                    .collect();
                DataTable {
                    columns: &columns,
                    rows: &cells,
                    scroll: self.scroll,
                    theme,
                    focused: true,
                    empty: if self.comparison.is_some() {
                        cx.t(Msg::ProgramsNoneMatch)
                    } else {
                        cx.t(Msg::Loading)
                    },
                }
                .render(table, buf);
                // The trend: per year, the mean reaction index and gain of its programs.
                let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
                years.sort_unstable();
                years.dedup();
                let mean = |xs: Vec<f64>| crate::stats::describe(&xs).mean;
                let parts: Vec<String> = years
                    .iter()
                    .map(|y| {
                        let of_year: Vec<&ComparisonRow> =
                            rows.iter().filter(|r| r.year == *y).collect();
                        let reaction =
                            mean(of_year.iter().filter_map(|r| r.reaction_index).collect());
                        let gain = mean(of_year.iter().filter_map(|r| r.gain).collect());
                        Msg::TrendYear.fill(
                            cx.lang,
                            &[
                                y,
                                &of_year.len(),
                                &reaction.map_or_else(|| "-".into(), |v| fixed(v, 0, cx.lang)),
                                &gain.map_or_else(|| "-".into(), |v| fixed(v, 2, cx.lang)),
                            ],
                        )
                    })
                    .collect();
                put(
                    buf,
                    area.x + 1,
                    foot + 1,
                    &format!("{} {}", cx.t(Msg::Trend), parts.join(" · ")),
                    w,
                    theme.header(),
                );
                put(
                    buf,
                    area.x + 1,
                    foot + 2,
                    cx.t(Msg::CompareHint),
                    w,
                    theme.dim(),
                );
                put(
                    buf,
                    area.x + 1,
                    foot + 3,
                    &crate::app::keymap::hint(
                        Msg::CompareKeys,
                        &self.scopes().0,
                        &[
                            Command::FilterYear,
                            Command::FilterType,
                            Command::FilterProvider,
                            Command::FilterOpd,
                            Command::ClearFilters,
                            Command::SortNext,
                            Command::Open,
                        ],
                        cx.lang,
                    ),
                    w,
                    theme.dim(),
                );
            }
            Section::Jp => {
                let Some((year, rows)) = &self.jp else {
                    put(
                        buf,
                        area.x + 1,
                        area.y + 2,
                        cx.t(Msg::Loading),
                        w,
                        theme.dim(),
                    );
                    return;
                };
                if self.person.is_none() {
                    // Below an OPD, the line says which one (and counts its people only).
                    let line = match self.opd_name(cx) {
                        Some(opd) => {
                            let people = self.people();
                            let short = people.iter().filter(|r| r.total() < JP_TARGET).count();
                            Msg::JpOpdSummary.fill(cx.lang, &[&opd, year, &people.len(), &short])
                        }
                        None => {
                            let short = rows.iter().filter(|r| r.total() < JP_TARGET).count();
                            let key = crate::app::keymap::key_for(
                                &self.scopes().0,
                                Command::FilterYear,
                                cx.lang,
                            );
                            Msg::JpSummary.fill(cx.lang, &[year, &rows.len(), &short, &key])
                        }
                    };
                    put(buf, area.x + 1, area.y + 1, &line, w, theme.header());
                }
                match self.opd {
                    None => {
                        let opds = by_opd(rows);
                        let columns = [
                            Column::fill(cx.t(Msg::ColUnit), 1),
                            Column::fixed(cx.t(Msg::ColAsnCount), 7).right(),
                            Column::fixed(cx.t(Msg::ColMeets), 8).right(),
                            Column::fixed("%", 4).right(),
                            Column::fixed(cx.t(Msg::ColMeanJp), 8).right(),
                        ];
                        let cells: Vec<Vec<String>> = opds
                            .iter()
                            .map(|o| {
                                vec![
                                    if o.1.is_empty() {
                                        "-".into()
                                    } else {
                                        o.1.clone()
                                    },
                                    o.2.to_string(),
                                    o.3.to_string(),
                                    fixed(100.0 * o.3 as f64 / o.2.max(1) as f64, 0, cx.lang),
                                    fixed(o.4, 1, cx.lang),
                                ]
                            })
                            .collect();
                        DataTable {
                            columns: &columns,
                            rows: &cells,
                            scroll: self.scroll,
                            theme,
                            focused: true,
                            empty: "",
                        }
                        .render(table, buf);
                        put(buf, area.x + 1, foot + 2, cx.t(Msg::JpHint), w, theme.dim());
                    }
                    Some(_) if self.person.is_some() => {
                        self.render_record(table, foot, buf, cx);
                    }
                    Some(_) => {
                        let people = self.people();
                        let columns = [
                            Column::fixed(cx.t(Msg::ColNip), 21),
                            Column::fill(cx.t(Msg::ColName), 1),
                            Column::fixed(cx.t(Msg::ColJpPrograms), 8).right(),
                            Column::fixed(cx.t(Msg::ColJpOther), 8).right(),
                            Column::fixed(cx.t(Msg::ColJpTotal), 6).right(),
                        ];
                        let cells: Vec<Vec<String>> = people
                            .iter()
                            .map(|r| {
                                vec![
                                    nip::display(&r.nip),
                                    format!(
                                        "{}{}",
                                        if r.total() < JP_TARGET { "! " } else { "" },
                                        r.name
                                    ),
                                    fixed(r.programs, 0, cx.lang),
                                    fixed(r.activities, 0, cx.lang),
                                    fixed(r.total(), 0, cx.lang),
                                ]
                            })
                            .collect();
                        DataTable {
                            columns: &columns,
                            rows: &cells,
                            scroll: self.scroll,
                            theme,
                            focused: true,
                            empty: "",
                        }
                        .render(table, buf);
                        put(
                            buf,
                            area.x + 1,
                            foot + 2,
                            &crate::app::keymap::hint(
                                Msg::JpPeopleHint,
                                &self.scopes().0,
                                &[Command::Open, Command::New, Command::Back],
                                cx.lang,
                            ),
                            w,
                            theme.dim(),
                        );
                    }
                }
            }
            Section::Needs => {
                let Some(n) = &self.needs else {
                    put(
                        buf,
                        area.x + 1,
                        area.y + 2,
                        cx.t(Msg::Loading),
                        w,
                        theme.dim(),
                    );
                    return;
                };
                put(
                    buf,
                    area.x + 1,
                    area.y + 1,
                    &Msg::NeedsSummary.fill(
                        cx.lang,
                        &[
                            &n.instrument,
                            &n.respondents,
                            &crate::app::keymap::key_for(
                                &self.scopes().0,
                                Command::SwitchInstrument,
                                cx.lang,
                            ),
                        ],
                    ),
                    w,
                    theme.header(),
                );
                if n.respondents == 0 {
                    put(
                        buf,
                        area.x + 1,
                        area.y + 3,
                        cx.t(Msg::NeedsEmpty),
                        w,
                        theme.dim(),
                    );
                    return;
                }
                // Left: the widest competency gaps; right: wished topics (selectable).
                let half = area.width / 2;
                put(
                    buf,
                    area.x + 1,
                    table.y,
                    cx.t(Msg::NeedsGaps),
                    half.saturating_sub(2),
                    theme.header(),
                );
                for (i, g) in n
                    .gaps
                    .iter()
                    .take(usize::from(table.height.saturating_sub(1)))
                    .enumerate()
                {
                    let y = table.y + 1 + u16::try_from(i).unwrap_or(0);
                    put(
                        buf,
                        area.x + 1,
                        y,
                        &g.competency,
                        half.saturating_sub(14),
                        theme.base(),
                    );
                    bars::draw(
                        buf,
                        area.x + half.saturating_sub(12),
                        y,
                        g.gap.max(0.0),
                        2.0,
                        6,
                        Style::default(),
                    );
                    put(
                        buf,
                        area.x + half.saturating_sub(5),
                        y,
                        &fixed(g.gap, 2, cx.lang),
                        5,
                        theme.base(),
                    );
                }
                let right = Rect {
                    x: area.x + half,
                    width: area.width - half,
                    ..table
                };
                put(
                    buf,
                    right.x + 1,
                    table.y,
                    cx.t(Msg::NeedsTopics),
                    right.width,
                    theme.header(),
                );
                let list = Rect {
                    y: right.y + 1,
                    height: right.height.saturating_sub(1),
                    ..right
                };
                let columns = [
                    Column::fill(cx.t(Msg::NeedsTopic), 1),
                    Column::fixed("n", 4).right(),
                ];
                let cells: Vec<Vec<String>> = n
                    .topics
                    .iter()
                    .map(|t| vec![t.label.clone(), t.count.to_string()])
                    .collect();
                DataTable {
                    columns: &columns,
                    rows: &cells,
                    scroll: self.scroll,
                    theme,
                    focused: true,
                    empty: "",
                }
                .render(list, buf);
                if let Some((opd, count, top)) = n.by_opd.iter().max_by_key(|o| o.1) {
                    let line = Msg::NeedsByOpd.fill(cx.lang, &[opd, count, &top.join(", ")]);
                    put(buf, area.x + 1, foot + 1, &line, w, theme.dim());
                }
                put(
                    buf,
                    area.x + 1,
                    foot + 2,
                    &crate::app::keymap::hint(
                        Msg::NeedsHint,
                        &self.scopes().0,
                        &[Command::PlanProgram],
                        cx.lang,
                    ),
                    w,
                    theme.dim(),
                );
            }
        }
    }
}
