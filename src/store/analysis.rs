//! Figures across programs and people: comparisons, each ASN's 20 JP, training needs. Computed with a few
//! aggregate queries, never by building every program's report.

use super::{Result, Store, Tx};
use crate::domain::enrollment::Completion;
use crate::domain::ids::{AsnId, OpdId, ProgramId};
use crate::domain::instrument::{Definition, ItemKind, Level};
use rusqlite::params;
use serde::Serialize;
use std::collections::HashMap;

/// One program in a comparison.
/// Which programs are compared, and whose results count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComparisonFilter {
    /// Programs that started in this year.
    pub year: Option<i32>,
    /// Programs of this type.
    pub kind: Option<crate::domain::program::ProgramType>,
    /// Programs run by this provider (its name).
    pub provider: Option<String>,
    /// Count only the participants of this OPD (their enrollments, forms and scores).
    pub opd: Option<OpdId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonRow {
    pub program: ProgramId,
    pub code: String,
    pub name: String,
    pub year: i32,
    pub kind: String,
    pub provider: String,
    pub participants: i64,
    pub passed: i64,
    /// Reaction index 0–100 over every Likert answer of its reaction forms.
    pub reaction_index: Option<f64>,
    pub forms: i64,
    /// Mean normalised gain of participants with both scores.
    pub gain: Option<f64>,
    pub pairs: i64,
    pub cost_per_participant: Option<i64>,
}

/// Someone's competency development in a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JpRow {
    pub asn: AsnId,
    pub nip: String,
    pub name: String,
    pub opd: Option<OpdId>,
    pub opd_name: String,
    /// JP of programs completed (lulus) that year.
    pub programs: f64,
    /// JP of recorded non-classical activities that year.
    pub activities: f64,
}

impl JpRow {
    pub fn total(&self) -> f64 {
        self.programs + self.activities
    }
}

/// The yearly entitlement: at least 20 JP of competency development.
pub const JP_TARGET: f64 = 20.0;

/// One competency's gap in a needs analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub competency: String,
    /// Mean importance − mean current ability (positive: a need).
    pub gap: f64,
    pub ability: f64,
    pub importance: f64,
    pub respondents: usize,
}

/// A wished topic and how many asked for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    pub code: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Needs {
    pub instrument: String,
    pub respondents: usize,
    pub gaps: Vec<Gap>,
    pub topics: Vec<Topic>,
    /// Per OPD: (OPD name, respondents, the three most wished topics).
    pub by_opd: Vec<(String, usize, Vec<String>)>,
    /// Per position level: (level code, respondents, the three most wished topics).
    pub by_level: Vec<(String, usize, Vec<String>)>,
}

/// The Likert items of the reaction instruments (every revision), each with a slot number, so that
/// answers can be summed per item in a plain vector.
struct ReactionScales {
    /// Per instrument revision: (item code, slot), sorted by code as the answer index returns them.
    slots: HashMap<i64, Vec<(String, usize)>>,
    /// Per slot: the scale's (min, max).
    ranges: Vec<(f64, f64)>,
}

impl ReactionScales {
    fn new(defs: &[(i64, Definition)]) -> ReactionScales {
        let mut slots: HashMap<i64, Vec<(String, usize)>> = HashMap::new();
        let mut ranges = Vec::new();
        for (id, def) in defs {
            for item in &def.items {
                if let ItemKind::Likert { min, max, .. } = item.kind {
                    slots
                        .entry(*id)
                        .or_default()
                        .push((item.code.to_string(), ranges.len()));
                    ranges.push((f64::from(min), f64::from(max)));
                }
            }
        }
        for items in slots.values_mut() {
            items.sort();
        }
        ReactionScales { slots, ranges }
    }

    fn range(&self, slot: usize) -> (f64, f64) {
        self.ranges.get(slot).copied().unwrap_or((0.0, 1.0))
    }
}

/// A stored Likert answer as a number: nearly always one digit, read without the float parser.
fn likert_value(text: &str) -> Option<f64> {
    match text.as_bytes() {
        [d @ b'0'..=b'9'] => Some(f64::from(d - b'0')),
        _ => text.trim().parse().ok(),
    }
}

/// Finds the slot of each answer as the answers stream by: a form's answers come in item order, so the
/// next answer is nearly always the next item of the same instrument, found without hashing.
struct SlotCursor<'a> {
    scales: &'a ReactionScales,
    instrument: Option<i64>,
    items: &'a [(String, usize)],
    next: usize,
}

impl<'a> SlotCursor<'a> {
    fn new(scales: &'a ReactionScales) -> SlotCursor<'a> {
        SlotCursor {
            scales,
            instrument: None,
            items: &[],
            next: 0,
        }
    }

    fn slot(&mut self, instrument: i64, item: &str) -> Option<usize> {
        if self.instrument != Some(instrument) {
            self.instrument = Some(instrument);
            self.items = self
                .scales
                .slots
                .get(&instrument)
                .map_or(&[], Vec::as_slice);
            self.next = 0;
        }
        let at = match self.items.get(self.next) {
            Some((code, _)) if code == item => self.next,
            _ => match self
                .items
                .binary_search_by(|(code, _)| code.as_str().cmp(item))
            {
                Ok(at) => at,
                Err(at) => {
                    self.next = at;
                    return None;
                }
            },
        };
        self.next = at + 1;
        self.items.get(at).map(|(_, slot)| *slot)
    }
}

impl Store {
    fn instrument_revisions(&self, level: Level) -> Result<Vec<(i64, Definition)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT id, definition FROM instrument WHERE level = ?1")?;
        let rows = stmt.query_map([level.code()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            if let Ok(def) = serde_json::from_str(&json) {
                out.push((id, def));
            }
        }
        Ok(out)
    }

    /// Every program (of a year) with its key figures, newest first.
    /// Programs side by side: participants, pass rate, reaction index (0–100), mean normalised gain and
    /// cost per participant, newest first. With an OPD, only its participants count (anonymous sheets
    /// then not at all).
    pub fn comparison(&self, filter: &ComparisonFilter) -> Result<Vec<ComparisonRow>> {
        let year_text = filter.year.map(|y| format!("{y:04}"));
        let kind = filter.kind.map(|k| k.code());
        let opd = filter.opd.map(|o| o.0);
        let mut stmt = self.conn().prepare_cached(
            "SELECT p.id, p.code, p.name, CAST(substr(p.start_date, 1, 4) AS INTEGER), p.kind, coalesce(v.name, '')
             FROM program p LEFT JOIN provider v ON v.id = p.provider_id
             WHERE (?1 IS NULL OR substr(p.start_date, 1, 4) = ?1)
               AND (?2 IS NULL OR p.kind = ?2)
               AND (?3 IS NULL OR v.name = ?3 COLLATE NOCASE)
             ORDER BY p.start_date DESC, p.code",
        )?;
        let mut rows: Vec<ComparisonRow> = stmt
            .query_map(params![year_text, kind, filter.provider], |r| {
                Ok(ComparisonRow {
                    program: ProgramId(r.get(0)?),
                    code: r.get(1)?,
                    name: r.get(2)?,
                    year: r.get(3)?,
                    kind: r.get(4)?,
                    provider: r.get(5)?,
                    participants: 0,
                    passed: 0,
                    reaction_index: None,
                    forms: 0,
                    gain: None,
                    pairs: 0,
                    cost_per_participant: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index: HashMap<ProgramId, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.program, i))
            .collect();
        // Enrollments per program, counted in one pass over the (program, completion) index alone (a
        // subquery per program looked every participant up twice). `stayed`: those who did not
        // withdraw, in every OPD — `Completion::stayed`, as the report counts them.
        let mut stayed: HashMap<ProgramId, i64> = HashMap::new();
        let mut stmt = self.conn().prepare_cached(
            "SELECT program_id, count(CASE WHEN completion IS NOT ?1 THEN 1 END),
                    count(*), count(CASE WHEN completion = ?2 THEN 1 END)
             FROM enrollment GROUP BY program_id",
        )?;
        let mut q = stmt.query(params![
            Completion::MengundurkanDiri.code(),
            Completion::Lulus.code()
        ])?;
        while let Some(r) = q.next()? {
            let program = ProgramId(r.get(0)?);
            stayed.insert(program, r.get(1)?);
            if let (Some(i), None) = (index.get(&program), opd) {
                rows[*i].participants = r.get(2)?;
                rows[*i].passed = r.get(3)?;
            }
        }
        // Seen from one OPD: its own people only.
        if let Some(opd) = opd {
            let mut stmt = self.conn().prepare_cached(
                "SELECT e.program_id, count(*), count(CASE WHEN e.completion = 'lulus' THEN 1 END)
                 FROM asn a JOIN enrollment e ON e.asn_id = a.id
                 WHERE a.opd_id = ?1 GROUP BY e.program_id",
            )?;
            let mut q = stmt.query([opd])?;
            while let Some(r) = q.next()? {
                if let Some(i) = index.get(&ProgramId(r.get(0)?)) {
                    rows[*i].participants = r.get(1)?;
                    rows[*i].passed = r.get(2)?;
                }
            }
        }
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT program_id, sum(amount) FROM cost_line GROUP BY program_id")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let program = ProgramId(r.get(0)?);
            let cost: Option<i64> = r.get(1)?;
            let n = stayed.get(&program).copied().unwrap_or(0);
            if let (Some(i), Some(cost)) = (index.get(&program), cost) {
                // As in the program report: the cost is shared by every participant who took the
                // training to its end, whichever OPD is looked at.
                rows[*i].cost_per_participant = (n > 0).then(|| cost / n);
            }
        }
        let in_opd = |n: u8| {
            format!("(?{n} IS NULL OR r.asn_id IN (SELECT id FROM asn WHERE opd_id = ?{n}))")
        };
        let defs = self.instrument_revisions(Level::Reaction)?;
        let scales = ReactionScales::new(&defs);
        let ids: Vec<String> = defs.iter().map(|(id, _)| id.to_string()).collect();
        if !ids.is_empty() {
            // The answers are summed per program and item here rather than with GROUP BY: SQLite would
            // sort every answer of every program first, which was most of the comparison's time
            // (docs/performance.md). Rows come program by program from the response index.
            let sql = format!(
                "SELECT r.program_id, r.instrument_id, a.item, a.value
                 FROM response r JOIN answer a ON a.response_id = r.id
                 WHERE r.status = 'complete' AND r.keying = 'first' AND r.program_id IS NOT NULL
                   AND r.instrument_id IN ({}) AND (?1 IS NULL OR r.program_id IN
                       (SELECT id FROM program WHERE substr(start_date, 1, 4) = ?1)) AND {}",
                ids.join(","),
                in_opd(2)
            );
            let mut stmt = self.conn().prepare(&sql)?;
            // Per program: sum and count of the answers of each item (a slot of `scales`). Rows come
            // program by program, so the last program's sums are found without a lookup.
            let mut programs: Vec<(i64, Vec<(f64, f64)>)> = Vec::new();
            let mut runs = super::runs::Runs::default();
            let mut cursor = SlotCursor::new(&scales);
            let mut q = stmt.query(params![year_text, opd])?;
            while let Some(r) = q.next()? {
                let instrument: i64 = r.get(1)?;
                let Some(slot) = r
                    .get_ref(2)?
                    .as_str()
                    .ok()
                    .and_then(|item| cursor.slot(instrument, item))
                else {
                    continue;
                };
                let Some(value) = r.get_ref(3)?.as_str().ok().and_then(likert_value) else {
                    continue;
                };
                let program: i64 = r.get(0)?;
                let at = runs.slot(program, || -> Result<_> {
                    programs.push((program, vec![(0.0, 0.0); scales.ranges.len()]));
                    Ok(Some(programs.len() - 1))
                })?;
                if let Some(e) = at
                    .and_then(|at| programs.get_mut(at))
                    .and_then(|(_, s)| s.get_mut(slot))
                {
                    e.0 += value;
                    e.1 += 1.0;
                }
            }
            // As in the program report: each item's mean on 0–100, then the mean over items.
            let mut acc: HashMap<ProgramId, (f64, f64)> = HashMap::new();
            for (program, slots) in programs {
                let e = acc.entry(ProgramId(program)).or_default();
                for (slot, (sum, n)) in slots.into_iter().enumerate() {
                    if n > 0.0 {
                        let (min, max) = scales.range(slot);
                        e.0 += 100.0 * (sum / n - min) / (max - min).max(1.0);
                        e.1 += 1.0;
                    }
                }
            }
            for (program, (sum, n)) in acc {
                if let Some(i) = index.get(&program) {
                    rows[*i].reaction_index = (n > 0.0).then(|| sum / n);
                }
            }
            let mut stmt = self.conn().prepare(&format!(
                "SELECT r.program_id, count(*) FROM response r WHERE r.status = 'complete' AND r.keying = 'first'
                   AND r.instrument_id IN ({}) AND r.program_id IS NOT NULL AND {}
                 GROUP BY r.program_id",
                ids.join(","),
                in_opd(1)
            ))?;
            let mut q = stmt.query(params![opd])?;
            while let Some(r) = q.next()? {
                if let Some(i) = index.get(&ProgramId(r.get(0)?)) {
                    rows[*i].forms = r.get(1)?;
                }
            }
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.program_id, count(*),
                    avg(CASE WHEN r.pre < r.max THEN (r.post - r.pre) / (r.max - r.pre) END)
             FROM test_score r
             WHERE r.pre IS NOT NULL AND r.post IS NOT NULL
               AND (?1 IS NULL OR r.asn_id IN (SELECT id FROM asn WHERE opd_id = ?1))
             GROUP BY r.program_id",
        )?;
        let mut q = stmt.query(params![opd])?;
        while let Some(r) = q.next()? {
            if let Some(i) = index.get(&ProgramId(r.get(0)?)) {
                rows[*i].pairs = r.get(1)?;
                rows[*i].gain = r.get(2)?;
            }
        }
        // Programs whose tests were keyed as forms (scored instruments) rather than as scores.
        for row in rows.iter_mut().filter(|r| r.pairs == 0) {
            let pairs = self.instrument_test_pairs(row.program, filter.opd)?;
            row.pairs = pairs.len() as i64;
            // The gain of those who could still gain (a full pre-test has no room to grow).
            let gains: Vec<f64> = pairs
                .iter()
                .filter(|(pre, _)| *pre < 100.0)
                .map(|(pre, post)| (post - pre) / (100.0 - pre))
                .collect();
            if !gains.is_empty() {
                row.gain = Some(gains.iter().sum::<f64>() / gains.len() as f64);
            }
        }
        Ok(rows)
    }

    /// The providers of all programs, by name (for filters).
    pub fn provider_names(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT v.name FROM program p JOIN provider v ON v.id = p.provider_id ORDER BY v.name",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn jp_year(&self, year: i32) -> Result<Vec<JpRow>> {
        let y = format!("{year:04}");
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, a.nip, a.front_title, a.name, a.back_title, a.opd_id, coalesce(o.name, ''),
                    coalesce((SELECT sum(p.jp) FROM enrollment e JOIN program p ON p.id = e.program_id
                              WHERE e.asn_id = a.id AND e.completion = 'lulus' AND substr(p.end_date, 1, 4) = ?1), 0),
                    coalesce((SELECT sum(t.jp) FROM activity t WHERE t.asn_id = a.id AND substr(t.day, 1, 4) = ?1), 0)
             FROM asn a LEFT JOIN opd o ON o.id = a.opd_id
             ORDER BY o.name, a.search",
        )?;
        let rows = stmt.query_map([&y], |r| {
            let name = crate::domain::name::PersonName::new(
                &r.get::<_, String>(2)?,
                &r.get::<_, String>(3)?,
                &r.get::<_, String>(4)?,
            )
            .map(|n| n.display())
            .unwrap_or_default();
            Ok(JpRow {
                asn: AsnId(r.get(0)?),
                nip: r.get(1)?,
                name,
                opd: r.get::<_, Option<i64>>(5)?.map(OpdId),
                opd_name: r.get(6)?,
                programs: r.get(7)?,
                activities: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a non-classical activity for someone.
    pub fn add_activity(&mut self, asn: AsnId, activity: &Activity) -> Result<i64> {
        self.write(|tx| insert_activity(tx, asn, activity))
    }

    /// The needs analysis of a needs instrument: competency gaps (importance − ability, paired by the digits
    /// of the item codes: K01 with P01) and wished topics (multiple-choice items), overall, by OPD and by
    /// position level.
    pub fn needs(&self, code: &str, year: Option<i32>) -> Result<Needs> {
        let Some(stored) = self.instrument(code)? else {
            return Ok(Needs::default());
        };
        let def = stored.definition;
        let digits = |c: &str| {
            c.trim_start_matches(|ch: char| ch.is_ascii_alphabetic())
                .to_string()
        };
        // What the analysis reads: each competency's (ability, importance) pair of items, and the first
        // multiple-choice item (the wished topics). Every other answer is left in the database.
        let pairs: Vec<(
            &crate::domain::instrument::Item,
            &crate::domain::instrument::Item,
        )> = def
            .items
            .iter()
            .filter(|i| i.aspect.as_deref() == Some("kemampuan"))
            .filter_map(|ability| {
                let n = digits(ability.code.as_str());
                let importance = def.items.iter().find(|i| {
                    i.aspect.as_deref() == Some("kepentingan") && digits(i.code.as_str()) == n
                })?;
                Some((ability, importance))
            })
            .collect();
        let topic_item = def
            .items
            .iter()
            .find(|i| matches!(i.kind, ItemKind::Choice { multiple: true, .. }));
        let options: &[crate::domain::instrument::Choice] = match topic_item.map(|i| &i.kind) {
            Some(ItemKind::Choice { options, .. }) => options,
            _ => &[],
        };
        // Per answer item: which value slot of a form it fills (ability, importance of pair k), or the topics.
        enum Slot {
            Value(usize),
            Topics,
        }
        let mut slots: HashMap<&str, Slot> = HashMap::new();
        for (k, (ability, importance)) in pairs.iter().enumerate() {
            slots.insert(ability.code.as_str(), Slot::Value(2 * k));
            slots.insert(importance.code.as_str(), Slot::Value(2 * k + 1));
        }
        if let Some(item) = topic_item {
            slots.insert(item.code.as_str(), Slot::Topics);
        }
        // One small record per form (30,000 TNA forms used to be kept with every answer as text).
        struct Form {
            opd: usize,
            level: usize,
            values: Vec<Option<f64>>,
            topics: Vec<bool>,
        }
        let mut opds: Vec<String> = Vec::new();
        let mut levels: Vec<String> = Vec::new();
        let intern = |names: &mut Vec<String>, name: &str| -> usize {
            match names.iter().position(|n| n == name) {
                Some(i) => i,
                None => {
                    names.push(name.to_string());
                    names.len() - 1
                }
            }
        };
        let y = year.map(|y| format!("{y:04}"));
        let mut stmt = self.conn().prepare_cached(
            "SELECT r.id, coalesce(o.name, ''), coalesce(a.jabatan_level, ''), ans.item, ans.value
             FROM response r JOIN answer ans ON ans.response_id = r.id
             LEFT JOIN asn a ON a.id = r.asn_id LEFT JOIN opd o ON o.id = a.opd_id
             WHERE r.instrument_code = ?1 AND r.status = 'complete' AND r.keying = 'first'
               AND (?2 IS NULL OR substr(r.created_at, 1, 4) = ?2)",
        )?;
        let mut forms: Vec<Form> = Vec::new();
        let mut runs = super::runs::Runs::default();
        let mut q = stmt.query(params![def.code, y])?;
        while let Some(r) = q.next()? {
            let at = runs.slot(r.get(0)?, || -> Result<_> {
                let opd = intern(&mut opds, r.get_ref(1)?.as_str().unwrap_or_default());
                let level = intern(&mut levels, r.get_ref(2)?.as_str().unwrap_or_default());
                forms.push(Form {
                    opd,
                    level,
                    values: vec![None; 2 * pairs.len()],
                    topics: vec![false; options.len()],
                });
                Ok(Some(forms.len() - 1))
            })?;
            let Some(at) = at else {
                continue;
            };
            let item = r.get_ref(3)?.as_str().unwrap_or_default();
            let value = r.get_ref(4)?.as_str().unwrap_or_default();
            let Some(form) = forms.get_mut(at) else {
                continue;
            };
            match slots.get(item) {
                Some(Slot::Value(k)) => {
                    if let Some(v) = form.values.get_mut(*k) {
                        *v = value.parse().ok();
                    }
                }
                Some(Slot::Topics) => {
                    for (o, chosen) in options.iter().zip(form.topics.iter_mut()) {
                        *chosen = value.split(';').any(|c| c == o.code);
                    }
                }
                None => {}
            }
        }
        let mut gaps = Vec::new();
        for (k, (ability, _)) in pairs.iter().enumerate() {
            let both: Vec<(f64, f64)> = forms
                .iter()
                .filter_map(|f| Some(((*f.values.get(2 * k)?)?, (*f.values.get(2 * k + 1)?)?)))
                .collect();
            if both.is_empty() {
                continue;
            }
            let n = both.len() as f64;
            let (ab, im) = both
                .iter()
                .fold((0.0, 0.0), |acc, p| (acc.0 + p.0, acc.1 + p.1));
            let competency = ability
                .text
                .trim_start_matches("Kemampuan saya dalam ")
                .trim_start_matches("Kemampuan dalam ")
                .to_string();
            gaps.push(Gap {
                competency,
                gap: im / n - ab / n,
                ability: ab / n,
                importance: im / n,
                respondents: both.len(),
            });
        }
        gaps.sort_by(|a, b| {
            b.gap
                .partial_cmp(&a.gap)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        // Topics by how often they were wished (ties in the instrument's order).
        let count_topics = |keep: &dyn Fn(&Form) -> bool| -> Vec<Topic> {
            let mut topics: Vec<Topic> = options
                .iter()
                .enumerate()
                .map(|(i, o)| Topic {
                    code: o.code.clone(),
                    label: o.label.clone(),
                    count: forms
                        .iter()
                        .filter(|f| keep(f) && f.topics.get(i).copied().unwrap_or(false))
                        .count(),
                })
                .collect();
            topics.sort_by_key(|t| std::cmp::Reverse(t.count));
            topics
        };
        let group = |names: &[String], key: &dyn Fn(&Form) -> usize| {
            let mut order: Vec<usize> = (0..names.len()).collect();
            order.sort_by(|a, b| names[*a].cmp(&names[*b]));
            order
                .into_iter()
                .map(|k| {
                    let n = forms.iter().filter(|f| key(f) == k).count();
                    let top: Vec<String> = count_topics(&|f| key(f) == k)
                        .into_iter()
                        .filter(|t| t.count > 0)
                        .take(3)
                        .map(|t| t.label)
                        .collect();
                    (names[k].clone(), n, top)
                })
                .collect::<Vec<_>>()
        };
        Ok(Needs {
            instrument: def.code.clone(),
            respondents: forms.len(),
            gaps,
            topics: count_topics(&|_| true),
            by_opd: group(&opds, &|f| f.opd),
            by_level: group(&levels, &|f| f.level),
        })
    }
}

pub use crate::domain::activity::Activity;

pub(crate) fn insert_activity(tx: &Tx<'_>, asn: AsnId, a: &Activity) -> Result<i64> {
    tx.execute(
        "INSERT INTO activity (asn_id, day, kind, title, provider, jp, certificate_no, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
        params![asn.0, a.day, a.kind.code(), a.title, a.provider, a.jp, a.certificate_no, tx.user(), tx.now()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A recorded learning activity with its person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityRow {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub opd_name: String,
    pub activity: Activity,
}

/// One line of the SIASN export: a completed program or a recorded activity of one ASN.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiasnRow {
    pub nip: String,
    pub name: String,
    /// The program type code (`teknis`, `pkp` …), or the activity's learning mode (`coaching` …).
    pub kind: String,
    pub classical: bool,
    pub title: String,
    pub provider: String,
    pub jp: f64,
    pub start: chrono::NaiveDate,
    pub end: chrono::NaiveDate,
    pub certificate_no: String,
    pub year: i32,
    /// The program code; empty for activities.
    pub program: String,
    /// The activity's id; `None` for programs.
    pub activity: Option<i64>,
}

fn person_name(front: &str, name: &str, back: &str) -> String {
    crate::domain::name::PersonName::new(front, name, back)
        .map(|n| n.display())
        .unwrap_or_else(|_| name.to_string())
}

impl Store {
    /// Activities, newest first; of one person, and/or of one year. A user limited to some OPDs sees
    /// their people's only.
    pub fn activities(&self, asn: Option<AsnId>, year: Option<i32>) -> Result<Vec<ActivityRow>> {
        let y = year.map(|y| format!("{y:04}"));
        let scope = super::schema::opd_in_scope("a.opd_id");
        let sql = format!(
            "SELECT t.id, a.nip, a.front_title, a.name, a.back_title, coalesce(o.name, ''),
                    t.day, t.kind, t.title, t.provider, t.jp, t.certificate_no
             FROM activity t JOIN asn a ON a.id = t.asn_id LEFT JOIN opd o ON o.id = a.opd_id
             WHERE (?1 IS NULL OR t.asn_id = ?1) AND (?2 IS NULL OR substr(t.day, 1, 4) = ?2) AND {scope}
             ORDER BY t.day DESC, a.search, t.id"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![asn.map(|a| a.0), y], |r| {
            let kind: String = r.get(7)?;
            Ok(ActivityRow {
                id: r.get(0)?,
                nip: r.get(1)?,
                name: person_name(
                    &r.get::<_, String>(2)?,
                    &r.get::<_, String>(3)?,
                    &r.get::<_, String>(4)?,
                ),
                opd_name: r.get(5)?,
                activity: Activity {
                    day: r.get(6)?,
                    kind: crate::domain::program::LearningMode::from_code(&kind)
                        .unwrap_or(crate::domain::program::LearningMode::Lainnya),
                    title: r.get(8)?,
                    provider: r.get(9)?,
                    jp: r.get(10)?,
                    certificate_no: r.get(11)?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes a recorded activity.
    pub fn delete_activity(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM activity WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(super::StoreError::NotFound {
                    entity: super::Entity::Activity,
                    key: id.to_string(),
                });
            }
            Ok(())
        })
    }

    /// What SIASN records for a year: every program an ASN passed that ended in the year (type,
    /// provider, JP, dates, certificate number) and every activity recorded in it, by person.
    pub fn siasn(&self, year: i32) -> Result<Vec<SiasnRow>> {
        self.learning_rows(year, None)
    }

    /// One person's learning in a year: the programs they passed and their activities, by date.
    pub fn learning_record(&self, asn: AsnId, year: i32) -> Result<Vec<SiasnRow>> {
        self.learning_rows(year, Some(asn))
    }

    fn learning_rows(&self, year: i32, asn: Option<AsnId>) -> Result<Vec<SiasnRow>> {
        let y = format!("{year:04}");
        let scope = super::schema::opd_in_scope("a.opd_id");
        let sql = format!(
            "SELECT a.nip, a.front_title, a.name, a.back_title, p.kind, p.mode = 'klasikal', p.name,
                    coalesce(v.name, ''), p.jp, p.start_date, p.end_date, e.certificate_no, p.code, a.search,
                    NULL
             FROM enrollment e JOIN program p ON p.id = e.program_id JOIN asn a ON a.id = e.asn_id
                  LEFT JOIN provider v ON v.id = p.provider_id
             WHERE e.completion = 'lulus' AND substr(p.end_date, 1, 4) = ?1 AND {scope}
               AND (?2 IS NULL OR a.id = ?2)
             UNION ALL
             SELECT a.nip, a.front_title, a.name, a.back_title, t.kind, t.kind = 'klasikal', t.title,
                    t.provider, t.jp, t.day, t.day, t.certificate_no, '', a.search, t.id
             FROM activity t JOIN asn a ON a.id = t.asn_id
             WHERE substr(t.day, 1, 4) = ?1 AND {scope} AND (?2 IS NULL OR a.id = ?2)
             ORDER BY 14, 1, 10"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(params![y, asn.map(|a| a.0)], |r| {
            let start: chrono::NaiveDate = r.get(9)?;
            let end: chrono::NaiveDate = r.get(10)?;
            Ok(SiasnRow {
                nip: r.get(0)?,
                name: person_name(
                    &r.get::<_, String>(1)?,
                    &r.get::<_, String>(2)?,
                    &r.get::<_, String>(3)?,
                ),
                kind: r.get(4)?,
                classical: r.get(5)?,
                title: r.get(6)?,
                provider: r.get(7)?,
                jp: r.get(8)?,
                start,
                end,
                certificate_no: r.get(11)?,
                year,
                program: r.get(12)?,
                activity: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
