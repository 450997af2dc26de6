//! The data-quality sections of the analysis tab: what double entry found per clerk and instrument (and
//! the door to adjudication), and the clerks' days at the keyboard.

use super::dashboard::fixed;
use super::{Cx, Reply};
use crate::app::effect::{Effect, Load, Loaded};
use crate::domain::date;
use crate::i18n::Msg;
use crate::store::verification::{EntryStatRow, Period, VerificationRow};
use crate::widgets::put;
use crate::widgets::table::{Column, DataTable, Scroll};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Quality {
    pub verification: Option<Vec<VerificationRow>>,
    /// Discrepancies waiting for an adjudicator.
    pub open: Option<usize>,
    pub period: Period,
    pub stats: Option<(Period, Vec<EntryStatRow>)>,
}

impl Quality {
    pub fn verification_loads(&self) -> Vec<Effect> {
        vec![
            Effect::Load(Load::Verification),
            Effect::Load(Load::Discrepancies),
        ]
    }

    pub fn stats_loads(&self) -> Vec<Effect> {
        vec![Effect::Load(Load::EntryStats(self.period))]
    }

    pub fn next_period(&mut self) -> Vec<Reply> {
        self.period = self.period.next();
        self.stats = None;
        self.stats_loads().into_iter().map(Reply::Effect).collect()
    }

    /// Takes loaded data; whether it was ours.
    pub fn loaded(&mut self, loaded: &Loaded) -> bool {
        match loaded {
            Loaded::Verification(rows) => self.verification = Some(rows.clone()),
            Loaded::Discrepancies(rows) => self.open = Some(rows.len()),
            Loaded::EntryStats(period, rows) if *period == self.period => {
                self.stats = Some((*period, rows.clone()));
            }
            _ => return false,
        }
        true
    }

    pub fn verification_len(&self) -> usize {
        self.verification.as_ref().map_or(0, Vec::len)
    }

    pub fn stats_len(&self) -> usize {
        self.stats.as_ref().map_or(0, |s| s.1.len())
    }

    pub fn render_verification(
        &self,
        area: Rect,
        table: Rect,
        scroll: Scroll,
        buf: &mut Buffer,
        cx: &Cx,
    ) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        let Some(rows) = &self.verification else {
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
        let forms: i64 = rows.iter().map(|r| r.forms).sum();
        let fields: i64 = rows.iter().map(|r| r.fields).sum();
        let mismatches: i64 = rows.iter().map(|r| r.mismatches).sum();
        let rate = if fields > 0 {
            fixed(1000.0 * mismatches as f64 / fields as f64, 1, cx.lang)
        } else {
            "-".into()
        };
        put(
            buf,
            area.x + 1,
            area.y + 1,
            &Msg::VerificationSummary.fill(cx.lang, &[&forms, &fields, &mismatches, &rate]),
            w,
            theme.header(),
        );
        let columns = [
            Column::fill(cx.t(Msg::ColClerk), 1),
            Column::fixed(cx.t(Msg::ColInstrument), 12),
            Column::fixed(cx.t(Msg::ColFormsShort), 5).right(),
            Column::fixed(cx.t(Msg::ColFieldsShort), 6).right(),
            Column::fixed(cx.t(Msg::ColMismatchShort), 5).right(),
            Column::fixed(cx.t(Msg::ColPerThousand), 9).right(),
            Column::fixed(cx.t(Msg::ColDisputes), 8).right(),
            Column::fixed(cx.t(Msg::ColOpen), 7).right(),
        ];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.clerk.clone(),
                    r.instrument.clone(),
                    r.forms.to_string(),
                    r.fields.to_string(),
                    r.mismatches.to_string(),
                    r.per_thousand()
                        .map_or_else(|| "-".into(), |v| fixed(v, 1, cx.lang)),
                    r.discrepancies.to_string(),
                    r.open.to_string(),
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &cells,
            scroll,
            theme,
            focused: true,
            empty: cx.t(Msg::VerificationNone),
        }
        .render(table, buf);
        let foot = table.y + table.height;
        put(
            buf,
            area.x + 1,
            foot + 1,
            cx.t(Msg::VerificationHint),
            w,
            theme.dim(),
        );
        let open = self.open.unwrap_or(0);
        put(
            buf,
            area.x + 1,
            foot + 2,
            &Msg::VerificationOpen.fill(cx.lang, &[&open]),
            w,
            if open > 0 { theme.error() } else { theme.ok() },
        );
    }

    pub fn render_stats(&self, area: Rect, table: Rect, scroll: Scroll, buf: &mut Buffer, cx: &Cx) {
        let theme = cx.theme;
        let w = area.width.saturating_sub(2);
        put(
            buf,
            area.x + 1,
            area.y + 1,
            &Msg::OperatorsFilter.fill(
                cx.lang,
                &[
                    &cx.t(period_label(self.period)),
                    &crate::app::keymap::key_for(
                        &[crate::app::keymap::Scope::Operators],
                        crate::app::action::Command::FilterYear,
                        cx.lang,
                    ),
                ],
            ),
            w,
            theme.dim(),
        );
        let Some((_, rows)) = &self.stats else {
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
        let columns = [
            Column::fill(cx.t(Msg::ColClerk), 1),
            Column::fixed(cx.t(Msg::ColDate), 10),
            Column::fixed(cx.t(Msg::ColFormsShort), 5).right(),
            Column::fixed(cx.t(Msg::ColKeystrokes), 6).right(),
            Column::fixed(cx.t(Msg::ColKeysPerForm), 11).right(),
            Column::fixed(cx.t(Msg::ColCorrections), 7).right(),
            Column::fixed(cx.t(Msg::ColMinutes), 5).right(),
            Column::fixed(cx.t(Msg::ColFormsPerHour), 8).right(),
        ];
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                vec![
                    r.clerk.clone(),
                    date::format(r.day),
                    r.forms.to_string(),
                    r.keystrokes.to_string(),
                    if r.forms > 0 {
                        fixed(r.keystrokes as f64 / r.forms as f64, 1, cx.lang)
                    } else {
                        "-".into()
                    },
                    r.corrections.to_string(),
                    (r.active_seconds / 60).to_string(),
                    if r.active_seconds > 0 {
                        fixed(
                            r.forms as f64 * 3600.0 / r.active_seconds as f64,
                            1,
                            cx.lang,
                        )
                    } else {
                        "-".into()
                    },
                ]
            })
            .collect();
        DataTable {
            columns: &columns,
            rows: &cells,
            scroll,
            theme,
            focused: true,
            empty: cx.t(Msg::OperatorsNone),
        }
        .render(table, buf);
        // Per clerk over the period: the figures a supervisor compares.
        let mut clerks: Vec<(String, i64, i64, i64)> = Vec::new();
        for r in rows {
            match clerks.iter_mut().find(|c| c.0 == r.clerk) {
                Some(c) => {
                    c.1 += r.forms;
                    c.2 += r.keystrokes;
                    c.3 += r.active_seconds;
                }
                None => clerks.push((r.clerk.clone(), r.forms, r.keystrokes, r.active_seconds)),
            }
        }
        let totals: Vec<String> = clerks
            .iter()
            .map(|(c, forms, _, secs)| {
                let per_hour = if *secs > 0 {
                    fixed(*forms as f64 * 3600.0 / *secs as f64, 0, cx.lang)
                } else {
                    "-".into()
                };
                Msg::OperatorsTotal.fill(cx.lang, &[c, forms, &per_hour])
            })
            .collect();
        let foot = table.y + table.height;
        put(
            buf,
            area.x + 1,
            foot + 1,
            &totals.join(" · "),
            w,
            theme.base(),
        );
        put(
            buf,
            area.x + 1,
            foot + 2,
            cx.t(Msg::OperatorsHint),
            w,
            theme.dim(),
        );
    }
}

fn period_label(p: Period) -> Msg {
    match p {
        Period::Week => Msg::PeriodWeek,
        Period::Month => Msg::PeriodMonth,
        Period::All => Msg::All,
    }
}
