//! Before a stack of forms: which program, which instrument, which phase, and first keying or
//! verification. Also the door to the pre/post score grid.

use super::entry::{EntryScreen, phase_label};
use super::scores::ScoresScreen;
use super::{Cx, Reply, Screen, View};
use crate::app::action::{Action, Command};
use crate::app::effect::{Effect, Load, Loaded};
use crate::app::keymap::{Scope, key_for};
use crate::domain::ids::ProgramId;
use crate::domain::instrument::{Level, Phase};
use crate::domain::user::Capability;
use crate::i18n::Msg;
use crate::store::instrument::InstrumentRow;
use crate::store::program::{ProgramFilter, ProgramRow};
use crate::store::response::{Batch, Keying};
use crate::widgets::form::{ChoiceOption, Field, FieldKey, Form, FormEdit, Input};
use crate::widgets::input::Edit;
use crate::widgets::put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Program,
    Instrument,
    Phase,
    Keying,
}

impl FieldKey for SetupField {
    fn key(self) -> &'static str {
        match self {
            SetupField::Program => "program",
            SetupField::Instrument => "instrument",
            SetupField::Phase => "phase",
            SetupField::Keying => "keying",
        }
    }
}

/// The instrument choice that opens the score grid instead of a form.
const SCORES: &str = "=scores";

/// Where keys go on this screen (the hints name the keys of these scopes).
const SCOPES: [Scope; 2] = [Scope::Form, Scope::Text];

/// The program choice for forms that belong to no program (needs analyses).
const NO_PROGRAM: &str = "-";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EntrySetupScreen {
    pub programs: Option<Vec<ProgramRow>>,
    pub instruments: Option<Vec<InstrumentRow>>,
    pub form: Option<Form<SetupField>>,
    /// The program to start with (when opened from a program's page).
    pub program: Option<ProgramId>,
}

impl EntrySetupScreen {
    pub fn for_program(program: ProgramId) -> EntrySetupScreen {
        EntrySetupScreen {
            program: Some(program),
            ..EntrySetupScreen::default()
        }
    }

    fn build(&mut self, cx: &Cx) {
        let (Some(programs), Some(instruments)) = (&self.programs, &self.instruments) else {
            return;
        };
        let mut program_options: Vec<ChoiceOption> = programs
            .iter()
            .map(|p| ChoiceOption {
                code: p.program.id.0.to_string(),
                label: format!("{} {}", p.program.data.code, p.program.data.name),
            })
            .collect();
        // Needs analyses are filled before any program exists.
        program_options.push(ChoiceOption {
            code: NO_PROGRAM.into(),
            label: cx.t(Msg::SetupNoProgram).into(),
        });
        let mut instrument_options: Vec<ChoiceOption> = instruments
            .iter()
            .map(|i| ChoiceOption {
                code: i.code.clone(),
                label: format!("{} {}", i.code, i.title),
            })
            .collect();
        instrument_options.push(ChoiceOption {
            code: SCORES.into(),
            label: cx.t(Msg::SetupScores).into(),
        });
        let phases = Phase::ALL
            .iter()
            .map(|p| ChoiceOption {
                code: p.code().into(),
                label: cx.t(phase_label(*p)).into(),
            })
            .collect();
        let mut keyings = Vec::new();
        if cx.can(Capability::EnterData) {
            keyings.push(ChoiceOption {
                code: "first".into(),
                label: cx.t(Msg::EntryFirstMode).into(),
            });
        }
        if cx.can(Capability::VerifyData) {
            keyings.push(ChoiceOption {
                code: "second".into(),
                label: cx.t(Msg::EntryVerifyMode).into(),
            });
        }
        let mut form = Form::new(vec![
            Field::choice(
                SetupField::Program,
                cx.t(Msg::SetupProgram),
                program_options,
                58,
            ),
            Field::choice(
                SetupField::Instrument,
                cx.t(Msg::SetupInstrument),
                instrument_options,
                58,
            ),
            Field::choice(SetupField::Phase, cx.t(Msg::SetupPhase), phases, 30),
            Field::choice(SetupField::Keying, cx.t(Msg::SetupKeying), keyings, 30),
        ]);
        if let Some(p) = self.program {
            form.set_choice(SetupField::Program, &p.0.to_string());
        }
        form.set_choice(SetupField::Phase, Phase::Post.code());
        self.form = Some(form);
    }

    /// A sensible phase for the chosen instrument: before the training for needs analyses, after it for
    /// reactions, at work for behaviour.
    /// Needs analyses also belong to no program; other forms to the program chosen before.
    fn default_phase(&mut self) {
        let level = self.level();
        let Some(form) = &mut self.form else { return };
        let phase = match level {
            Some(Level::Needs) => Phase::Pre,
            Some(Level::Behavior | Level::Results) => Phase::Followup,
            _ => Phase::Post,
        };
        form.set_choice(SetupField::Phase, phase.code());
        let program = form.value(SetupField::Program);
        if level == Some(Level::Needs) && self.program.is_none() {
            form.set_choice(SetupField::Program, NO_PROGRAM);
        } else if level != Some(Level::Needs) && program == NO_PROGRAM {
            let back = self.program.map_or_else(
                || {
                    self.programs
                        .as_ref()
                        .and_then(|p| p.first())
                        .map(|p| p.program.id.0.to_string())
                        .unwrap_or_default()
                },
                |p| p.0.to_string(),
            );
            form.set_choice(SetupField::Program, &back);
        }
    }

    /// The level of the chosen instrument.
    fn level(&self) -> Option<Level> {
        let code = self.form.as_ref()?.value(SetupField::Instrument);
        self.instruments
            .as_ref()
            .and_then(|all| all.iter().find(|i| i.code == code))
            .map(|i| i.level)
    }

    fn start(&self, cx: &Cx) -> Vec<Reply> {
        let Some(form) = &self.form else {
            return Vec::new();
        };
        let program = form
            .value(SetupField::Program)
            .parse::<i64>()
            .ok()
            .map(ProgramId);
        let label = self
            .programs
            .as_ref()
            .and_then(|all| all.iter().find(|p| Some(p.program.id) == program))
            .map(|p| p.program.data.code.to_string())
            .unwrap_or_else(|| cx.t(Msg::NoProgramShort).to_string());
        let instrument = form.value(SetupField::Instrument);
        if instrument == SCORES {
            return match program {
                Some(p) => vec![Reply::Push(Box::new(Screen::Scores(ScoresScreen::new(
                    p, label,
                ))))],
                None => vec![Reply::error(cx.t(Msg::SetupNeedProgram))],
            };
        }
        let Some(phase) = Phase::from_code(&form.value(SetupField::Phase)) else {
            return Vec::new();
        };
        let keying = if form.value(SetupField::Keying) == "second" {
            Keying::Second
        } else {
            Keying::First
        };
        if instrument.is_empty() {
            return vec![Reply::error(cx.t(Msg::SetupNeedInstrument))];
        }
        if program.is_none() && self.level() != Some(Level::Needs) {
            return vec![Reply::error(cx.t(Msg::SetupNeedProgram))];
        }
        let batch = Batch {
            program,
            instrument,
            phase,
        };
        vec![Reply::Push(Box::new(Screen::Entry(Box::new(
            EntryScreen::new(batch, keying, label),
        ))))]
    }
}

impl View for EntrySetupScreen {
    fn title(&self, cx: &Cx) -> String {
        cx.t(Msg::TabEntry).to_string()
    }

    fn scopes(&self) -> (Vec<Scope>, bool) {
        (SCOPES.to_vec(), self.form.is_some())
    }

    fn update(&mut self, action: &Action, cx: &Cx) -> Vec<Reply> {
        match action {
            Action::Loaded(Loaded::Programs(filter, rows))
                if *filter == ProgramFilter::default() =>
            {
                self.programs = Some(rows.clone());
                if self.form.is_none() {
                    self.build(cx);
                }
                return Vec::new();
            }
            Action::Loaded(Loaded::Instruments(rows)) => {
                self.instruments = Some(rows.clone());
                if self.form.is_none() {
                    self.build(cx);
                    self.default_phase();
                }
                return Vec::new();
            }
            _ => {}
        }
        let Some(form) = &mut self.form else {
            return match action {
                Action::Cmd(Command::Back) => vec![Reply::Pop],
                _ => Vec::new(),
            };
        };
        let edit = match action {
            Action::Input(c) => Some(Edit::Insert(*c)),
            Action::Cmd(Command::CursorLeft) => Some(Edit::Left),
            Action::Cmd(Command::CursorRight) => Some(Edit::Right),
            _ => None,
        };
        if let Some(edit) = edit {
            let instrument_before = form.value(SetupField::Instrument);
            if let FormEdit::Refused(c) = form.edit(&edit) {
                // A choice says how it is chosen: a digit picks the n-th option, a letter the next
                // option starting with it.
                if let Some(Field {
                    input: Input::Choice { options, .. },
                    ..
                }) = form.focused()
                {
                    let digits = options.len().min(9);
                    let [left, right] = [Command::CursorLeft, Command::CursorRight]
                        .map(|command| key_for(&SCOPES, command, cx.lang));
                    return vec![Reply::error(Msg::SetupChoiceKey.fill(
                        cx.lang,
                        &[
                            &crate::text::visible(&c.to_string()),
                            &digits,
                            &left,
                            &right,
                            &cx.t(Msg::KeySpace),
                        ],
                    ))];
                }
                return vec![Reply::error(Msg::KeyNotAllowed.fill(cx.lang, &[&c]))];
            }
            if form.value(SetupField::Instrument) != instrument_before {
                self.default_phase();
            }
            return Vec::new();
        }
        match action {
            Action::Cmd(Command::NextField) => form.next(),
            Action::Cmd(Command::PrevField) => form.prev(),
            Action::Cmd(Command::Submit) if !form.is_last() => form.next(),
            Action::Cmd(Command::Submit | Command::Save) => return self.start(cx),
            // At the root of the Entry tab there is nowhere to go back to: back to the programs.
            Action::Cmd(Command::Back) => {
                return vec![
                    Reply::Pop,
                    Reply::Send(Box::new(Action::Cmd(Command::GoPrograms))),
                ];
            }
            _ => {}
        }
        Vec::new()
    }

    fn refresh(&self) -> Vec<Effect> {
        vec![
            Effect::Load(Load::Programs(ProgramFilter::default())),
            Effect::Load(Load::Instruments),
        ]
    }

    fn render(&self, area: Rect, buf: &mut Buffer, cx: &Cx) {
        let x = area.x + 1;
        let w = area.width.saturating_sub(2);
        put(buf, x, area.y, cx.t(Msg::SetupTitle), w, cx.theme.header());
        // The hint may take two rows (80 columns do not hold it in one).
        let [left, right, next, start] = [
            Command::CursorLeft,
            Command::CursorRight,
            Command::NextField,
            Command::Submit,
        ]
        .map(|command| key_for(&SCOPES, command, cx.lang));
        let hint = Msg::SetupHint.fill(
            cx.lang,
            &[&left, &right, &cx.t(Msg::KeySpace), &next, &start],
        );
        let hint = crate::screens::confirm::wrap(&hint, usize::from(w));
        for (i, line) in hint.iter().take(2).enumerate() {
            let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
            put(buf, x, y, line, w, cx.theme.dim());
        }
        match &self.form {
            Some(form) => form.render(
                Rect {
                    y: area.y + 3,
                    height: 4,
                    ..area
                },
                buf,
                cx.theme,
            ),
            None => {
                put(buf, x, area.y + 3, cx.t(Msg::Loading), w, cx.theme.dim());
            }
        }
        let lines = [Msg::SetupHelp1, Msg::SetupHelp2, Msg::SetupHelp3];
        for (i, m) in lines.iter().enumerate() {
            put(
                buf,
                x,
                area.y + 9 + u16::try_from(i).unwrap_or(0),
                cx.t(*m),
                w,
                cx.theme.dim(),
            );
        }
    }
}
