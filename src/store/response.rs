//! Forms entered with an instrument (responses) and their answers; test scores; entry statistics.
//!
//! A form being keyed is a *draft* response: every accepted answer is written at once, so nothing typed is
//! lost when a connection drops, and the draft reopens where it stopped.

use super::progress::Unit;
use super::{Entity, Result, Store, StoreError, Tx, unique_as_duplicate};
use crate::domain::ids::{AsnId, ProgramId};
use crate::domain::instrument::Phase;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Who a form is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Respondent {
    Asn(AsnId),
    /// The number written on an anonymous sheet.
    Sheet(String),
}

/// First keying, or the blind second keying of double entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Keying {
    First,
    Second,
}

impl Keying {
    pub fn code(self) -> &'static str {
        match self {
            Keying::First => "first",
            Keying::Second => "second",
        }
    }
}

/// Which batch of forms: one program (or none, for needs surveys), instrument and phase.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Batch {
    pub program: Option<ProgramId>,
    pub instrument: String,
    pub phase: Phase,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResponseInfo {
    pub id: i64,
    pub instrument_id: i64,
    pub respondent: Respondent,
    pub keying: Keying,
    pub complete: bool,
    pub focus: Option<String>,
    pub created_by: String,
    pub updated_at: String,
}

/// A response with its answers (item code → stored value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResponseData {
    pub info: ResponseInfo,
    pub answers: BTreeMap<String, String>,
}

/// How far a batch is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Progress {
    pub complete: usize,
    pub drafts: usize,
    pub enrolled: usize,
    /// Enrolled participants without a complete form, by name: (id, NIP, name).
    pub missing: Vec<(AsnId, String, String)>,
}

const INFO: &str = "SELECT id, instrument_id, asn_id, sheet, keying, status, focus, created_by, updated_at FROM response";

fn info_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<ResponseInfo> {
    let asn: Option<i64> = r.get(2)?;
    let sheet: Option<String> = r.get(3)?;
    let keying: String = r.get(4)?;
    let status: String = r.get(5)?;
    Ok(ResponseInfo {
        id: r.get(0)?,
        instrument_id: r.get(1)?,
        respondent: match (asn, sheet) {
            (Some(a), _) => Respondent::Asn(AsnId(a)),
            (None, s) => Respondent::Sheet(s.unwrap_or_default()),
        },
        keying: if keying == "second" {
            Keying::Second
        } else {
            Keying::First
        },
        complete: status == "complete",
        focus: r.get(6)?,
        created_by: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

fn split(respondent: &Respondent) -> (Option<i64>, Option<&str>) {
    match respondent {
        Respondent::Asn(a) => (Some(a.0), None),
        Respondent::Sheet(s) => (None, Some(s.as_str())),
    }
}

/// The forms of a batch in one keying, by respondent (one query, for imports).
fn forms_of(
    conn: &rusqlite::Connection,
    batch: &Batch,
    keying: Keying,
) -> Result<HashMap<Respondent, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, asn_id, sheet FROM response WHERE program_id IS ?1
           AND instrument_code = ?2 AND phase = ?3 AND keying = ?4",
    )?;
    let rows = stmt.query_map(
        params![
            batch.program.map(|p| p.0),
            batch.instrument,
            batch.phase.code(),
            keying.code()
        ],
        |r| {
            let id: i64 = r.get(0)?;
            let asn: Option<i64> = r.get(1)?;
            let sheet: Option<String> = r.get(2)?;
            Ok((id, asn, sheet))
        },
    )?;
    let mut out = HashMap::new();
    for row in rows {
        let (id, asn, sheet) = row?;
        let who = match (asn, sheet) {
            (Some(a), _) => Respondent::Asn(AsnId(a)),
            (None, Some(s)) => Respondent::Sheet(s),
            (None, None) => continue,
        };
        out.insert(who, id);
    }
    Ok(out)
}

impl Store {
    /// Everyone with a form (complete or not) in this batch and keying.
    pub fn respondents_with_forms(
        &self,
        batch: &Batch,
        keying: Keying,
    ) -> Result<std::collections::HashSet<Respondent>> {
        Ok(forms_of(self.conn(), batch, keying)?.into_keys().collect())
    }

    /// The form of this respondent in this batch and keying, if one was started.
    pub fn find_response(
        &self,
        batch: &Batch,
        respondent: &Respondent,
        keying: Keying,
    ) -> Result<Option<ResponseInfo>> {
        let (asn, sheet) = split(respondent);
        let sql = format!(
            "{INFO} WHERE program_id IS ?1 AND instrument_code = ?2 AND phase = ?3
               AND keying = ?4 AND (asn_id = ?5 OR sheet = ?6)"
        );
        Ok(self
            .conn()
            .query_row(
                &sql,
                params![
                    batch.program.map(|p| p.0),
                    batch.instrument,
                    batch.phase.code(),
                    keying.code(),
                    asn,
                    sheet
                ],
                info_from,
            )
            .optional()?)
    }

    /// This user's unfinished form in the batch, with what was typed, to carry on where it stopped.
    pub fn my_draft(&self, batch: &Batch, keying: Keying) -> Result<Option<ResponseData>> {
        let sql = format!(
            "{INFO} WHERE program_id IS ?1 AND instrument_code = ?2 AND phase = ?3
               AND keying = ?4 AND status = 'draft' AND created_by = ?5
             ORDER BY updated_at DESC LIMIT 1"
        );
        let info = self
            .conn()
            .query_row(
                &sql,
                params![
                    batch.program.map(|p| p.0),
                    batch.instrument,
                    batch.phase.code(),
                    keying.code(),
                    self.user().as_str()
                ],
                info_from,
            )
            .optional()?;
        match info {
            Some(info) => {
                let answers = self.answers(info.id)?;
                Ok(Some(ResponseData { info, answers }))
            }
            None => Ok(None),
        }
    }

    pub fn answers(&self, response: i64) -> Result<BTreeMap<String, String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT item, value FROM answer WHERE response_id = ?1")?;
        let rows = stmt.query_map([response], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Starts a form (a draft) for a respondent; refused when one exists in the batch and keying.
    pub fn start_response(
        &mut self,
        batch: &Batch,
        instrument_id: i64,
        respondent: &Respondent,
        keying: Keying,
    ) -> Result<i64> {
        if keying == Keying::Second
            && let Some(first) = self.find_response(batch, respondent, Keying::First)?
            && first.created_by == self.user().as_str()
        {
            // Double entry means two clerks: nobody verifies their own keying.
            return Err(StoreError::SameKeyer);
        }
        self.write(|tx| insert_response(tx, batch, instrument_id, respondent, keying, false))
    }

    /// Writes one answer of a form (or removes it, for `None`), and where the form's focus is.
    pub fn set_answer(
        &mut self,
        response: i64,
        item: &str,
        value: Option<&str>,
        focus: Option<&str>,
    ) -> Result<()> {
        self.write(|tx| {
            set_answer(tx, response, item, value)?;
            let n = tx.execute(
                "UPDATE response SET focus = ?1, version = version + 1, updated_by = ?2, updated_at = ?3 WHERE id = ?4",
                params![focus, tx.user(), tx.now(), response],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: Entity::Response,
                    key: response.to_string(),
                });
            }
            Ok(())
        })
    }

    /// Marks a form complete.
    pub fn complete_response(&mut self, response: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE response SET status = 'complete', focus = NULL, version = version + 1,
                     updated_by = ?1, updated_at = ?2
                 WHERE id = ?3",
                params![tx.user(), tx.now(), response],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    entity: Entity::Response,
                    key: response.to_string(),
                });
            }
            Ok(())
        })
    }

    /// Throws a draft away (the clerk started the wrong respondent).
    pub fn discard_response(&mut self, response: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM response WHERE id = ?1 AND status = 'draft'",
                [response],
            )?;
            Ok(())
        })
    }

    /// Complete forms, drafts, and who of the enrolled participants is still missing.
    pub fn progress(&self, batch: &Batch) -> Result<Progress> {
        let (complete, drafts): (i64, i64) = self.conn().query_row(
            "SELECT coalesce(sum(status = 'complete'), 0), coalesce(sum(status = 'draft'), 0) FROM response
             WHERE program_id IS ?1 AND instrument_code = ?2 AND phase = ?3 AND keying = 'first'",
            params![batch.program.map(|p| p.0), batch.instrument, batch.phase.code()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut progress = Progress {
            complete: usize::try_from(complete).unwrap_or(0),
            drafts: usize::try_from(drafts).unwrap_or(0),
            ..Progress::default()
        };
        let Some(program) = batch.program else {
            return Ok(progress);
        };
        let enrolled: i64 = self.conn().query_row(
            "SELECT count(*) FROM enrollment WHERE program_id = ?1",
            [program.0],
            |r| r.get(0),
        )?;
        progress.enrolled = usize::try_from(enrolled).unwrap_or(0);
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, a.nip, a.front_title, a.name, a.back_title FROM enrollment e JOIN asn a ON a.id = e.asn_id
             WHERE e.program_id = ?1 AND NOT EXISTS (
                 SELECT 1 FROM response r WHERE r.program_id = ?1 AND r.instrument_code = ?2 AND r.phase = ?3
                   AND r.keying = 'first' AND r.status = 'complete' AND r.asn_id = a.id)
             ORDER BY a.search, a.nip",
        )?;
        let rows = stmt.query_map(
            params![program.0, batch.instrument, batch.phase.code()],
            |r| {
                let name = crate::domain::name::PersonName::new(
                    &r.get::<_, String>(2)?,
                    &r.get::<_, String>(3)?,
                    &r.get::<_, String>(4)?,
                )
                .map(|n| n.display())
                .unwrap_or_default();
                Ok((AsnId(r.get(0)?), r.get(1)?, name))
            },
        )?;
        progress.missing = rows.collect::<rusqlite::Result<_>>()?;
        Ok(progress)
    }

    /// Every complete form of a batch with its answers (first keying), for reports.
    pub fn responses(&self, batch: &Batch) -> Result<Vec<ResponseData>> {
        let sql = format!(
            "{INFO} WHERE program_id IS ?1 AND instrument_code = ?2 AND phase = ?3
               AND keying = 'first' AND status = 'complete' ORDER BY id"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let infos: Vec<ResponseInfo> = stmt
            .query_map(
                params![
                    batch.program.map(|p| p.0),
                    batch.instrument,
                    batch.phase.code()
                ],
                info_from,
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut runs =
            super::runs::Runs::with(infos.iter().enumerate().map(|(i, f)| (f.id, i)).collect());
        let mut forms: Vec<ResponseData> = infos
            .into_iter()
            .map(|info| ResponseData {
                info,
                answers: BTreeMap::new(),
            })
            .collect();
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.response_id, a.item, a.value FROM answer a JOIN response r ON r.id = a.response_id
             WHERE r.program_id IS ?1 AND r.instrument_code = ?2 AND r.phase = ?3
               AND r.keying = 'first' AND r.status = 'complete'",
        )?;
        let mut rows = stmt.query(params![
            batch.program.map(|p| p.0),
            batch.instrument,
            batch.phase.code()
        ])?;
        // A form's answers come together: its place is looked up once per form, not once per answer.
        while let Some(r) = rows.next()? {
            let Some(at) = runs.slot(r.get(0)?, || Ok::<_, rusqlite::Error>(None))? else {
                continue;
            };
            if let Some(form) = forms.get_mut(at) {
                form.answers.insert(r.get(1)?, r.get(2)?);
            }
        }
        Ok(forms)
    }

    /// The programs, instruments and phases that have forms, for reports: (instrument code, phase).
    pub fn batches_of(&self, program: ProgramId) -> Result<Vec<(String, Phase)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT DISTINCT instrument_code, phase FROM response WHERE program_id = ?1 AND status = 'complete'
             ORDER BY instrument_code, phase",
        )?;
        let rows = stmt.query_map([program.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (code, phase) = row?;
            if let Some(p) = Phase::from_code(&phase) {
                out.push((code, p));
            }
        }
        Ok(out)
    }

    /// Pre/post pairs of a program's first keyed, scored test (a learning instrument whose choice
    /// items have a right answer), scored 0–100, one pair per person who sat both.
    /// With an OPD, only its people's pairs.
    pub fn instrument_test_pairs(
        &self,
        program: ProgramId,
        opd: Option<crate::domain::ids::OpdId>,
    ) -> Result<Vec<(f64, f64)>> {
        let in_opd = |asn: &crate::domain::ids::AsnId| -> Result<bool> {
            let Some(opd) = opd else {
                return Ok(true);
            };
            let found: Option<i64> =
                self.conn()
                    .query_row("SELECT opd_id FROM asn WHERE id = ?1", [asn.0], |r| {
                        r.get(0)
                    })?;
            Ok(found == Some(opd.0))
        };
        for (code, phase) in self.batches_of(program)? {
            if phase != Phase::Pre {
                continue;
            }
            let Some(stored) = self.instrument(&code)? else {
                continue;
            };
            let def = stored.definition;
            if def.level != crate::domain::instrument::Level::Learning
                || def.score(|_| None).is_none()
            {
                continue;
            }
            let batch = |phase| Batch {
                program: Some(program),
                instrument: code.clone(),
                phase,
            };
            let pre = self.responses(&batch(Phase::Pre))?;
            let post = self.responses(&batch(Phase::Post))?;
            let score = |f: &ResponseData| def.score(|c| f.answers.get(c).map(String::as_str));
            let mut pairs: Vec<(f64, f64)> = Vec::new();
            for p in &pre {
                let Respondent::Asn(asn) = &p.info.respondent else {
                    continue;
                };
                if !in_opd(asn)? {
                    continue;
                }
                let Some(q) = post.iter().find(|q| q.info.respondent == p.info.respondent) else {
                    continue;
                };
                if let (Some(a), Some(b)) = (score(p), score(q)) {
                    pairs.push((a, b));
                }
            }
            if !pairs.is_empty() {
                return Ok(pairs);
            }
        }
        Ok(Vec::new())
    }

    /// Adds to today's entry statistics of this user.
    pub fn add_entry_stats(
        &mut self,
        day: chrono::NaiveDate,
        forms: i64,
        keystrokes: i64,
        corrections: i64,
        seconds: i64,
    ) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO entry_stat (username, day, forms, keystrokes, corrections, active_seconds)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (username, day) DO UPDATE SET forms = forms + excluded.forms,
                     keystrokes = keystrokes + excluded.keystrokes, corrections = corrections + excluded.corrections,
                     active_seconds = active_seconds + excluded.active_seconds",
                params![tx.user(), day, forms, keystrokes, corrections, seconds],
            )?;
            Ok(())
        })
    }
}

pub(crate) fn insert_response(
    tx: &Tx<'_>,
    batch: &Batch,
    instrument_id: i64,
    respondent: &Respondent,
    keying: Keying,
    complete: bool,
) -> Result<i64> {
    let (asn, sheet) = split(respondent);
    let key = match respondent {
        Respondent::Asn(a) => a.to_string(),
        Respondent::Sheet(s) => s.clone(),
    };
    tx.execute_cached(
        "INSERT INTO response (instrument_id, instrument_code, program_id, phase, asn_id, sheet, keying, status,
                               created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
        params![
            instrument_id,
            batch.instrument,
            batch.program.map(|p| p.0),
            batch.phase.code(),
            asn,
            sheet,
            keying.code(),
            if complete { "complete" } else { "draft" },
            tx.user(),
            tx.now()
        ],
    )
    .map_err(|e| unique_as_duplicate(e, Entity::Response, &key))?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn set_answer(
    tx: &Tx<'_>,
    response: i64,
    item: &str,
    value: Option<&str>,
) -> Result<()> {
    match value {
        Some(v) => {
            tx.execute_cached(
                "INSERT INTO answer (response_id, item, value) VALUES (?1, ?2, ?3)
                 ON CONFLICT (response_id, item) DO UPDATE SET value = excluded.value WHERE value <> excluded.value",
                params![response, item, v],
            )?;
        }
        None => {
            tx.execute_cached(
                "DELETE FROM answer WHERE response_id = ?1 AND item = ?2",
                params![response, item],
            )?;
        }
    }
    Ok(())
}

/// One participant's test scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreRow {
    pub asn: AsnId,
    pub nip: String,
    pub name: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
    pub max: f64,
}

/// Pre or post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Test {
    Pre,
    Post,
}

impl Store {
    /// Every enrolled participant of a program with their scores (missing ones empty), by name.
    pub fn scores(&self, program: ProgramId) -> Result<Vec<ScoreRow>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, a.nip, a.front_title, a.name, a.back_title, s.pre, s.post, coalesce(s.max, 100)
             FROM enrollment e JOIN asn a ON a.id = e.asn_id
             LEFT JOIN test_score s ON s.program_id = e.program_id AND s.asn_id = e.asn_id
             WHERE e.program_id = ?1 ORDER BY a.search, a.nip",
        )?;
        let rows = stmt.query_map([program.0], |r| {
            let name = crate::domain::name::PersonName::new(
                &r.get::<_, String>(2)?,
                &r.get::<_, String>(3)?,
                &r.get::<_, String>(4)?,
            )
            .map(|n| n.display())
            .unwrap_or_default();
            Ok(ScoreRow {
                asn: AsnId(r.get(0)?),
                nip: r.get(1)?,
                name,
                pre: r.get(5)?,
                post: r.get(6)?,
                max: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes one score (or clears it with `None`).
    pub fn set_score(
        &mut self,
        program: ProgramId,
        asn: AsnId,
        test: Test,
        value: Option<f64>,
        max: f64,
    ) -> Result<()> {
        self.write(|tx| set_score(tx, program, asn, test, value, max))
    }
}

pub(crate) fn set_score(
    tx: &Tx<'_>,
    program: ProgramId,
    asn: AsnId,
    test: Test,
    value: Option<f64>,
    max: f64,
) -> Result<()> {
    let column = match test {
        Test::Pre => "pre",
        Test::Post => "post",
    };
    let sql = format!(
        "INSERT INTO test_score (program_id, asn_id, {column}, max, created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)
         ON CONFLICT (program_id, asn_id) DO UPDATE SET {column} = excluded.{column}, max = excluded.max,
             version = version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
         WHERE {column} IS NOT excluded.{column} OR max <> excluded.max"
    );
    tx.execute_cached(
        &sql,
        params![program.0, asn.0, value, max, tx.user(), tx.now()],
    )?;
    Ok(())
}

/// What an entry session needs when it opens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryBatch {
    pub instrument: super::instrument::StoredInstrument,
    pub progress: Progress,
    /// Enrolled participants (id, NIP, name), by name.
    pub roster: Vec<(AsnId, String, String)>,
    /// This user's unfinished form, to carry on.
    pub draft: Option<ResponseData>,
    /// The next anonymous sheet number.
    pub next_sheet: u32,
    /// Respondents with a complete first keying (for the second keying: who can be verified).
    pub keyed: Vec<Respondent>,
    /// Second keying: the first keyings this user did (nobody verifies their own keying).
    pub own_first: Vec<Respondent>,
    /// Respondents already done in this keying.
    pub done: Vec<Respondent>,
    /// The program's objectives, in order (items asking about objective N show its text).
    pub objectives: Vec<String>,
    /// The program's first and last day (a follow-up may not be dated before the training ended).
    pub dates: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// What the screen kept of the unfinished form besides its answers (typing not accepted yet, an open
    /// editor, the verification state, the clerk's statistics), as the screen wrote it (JSON).
    pub kept: Option<String>,
}

/// The drafts-table form under which the entry screen keeps what an unfinished form holds besides its
/// answers.
pub const KEPT_FORM: &str = "entry";

/// The drafts-table record of a form being keyed: its batch, keying and respondent.
pub fn kept_record(batch: &Batch, keying: Keying, respondent: &Respondent) -> String {
    let who = match respondent {
        Respondent::Asn(a) => format!("asn:{}", a.0),
        Respondent::Sheet(s) => format!("sheet:{s}"),
    };
    format!(
        "{}/{}/{}/{}/{who}",
        batch
            .program
            .map_or_else(|| "-".to_string(), |p| p.0.to_string()),
        batch.instrument,
        batch.phase.code(),
        keying.code()
    )
}

impl Store {
    /// Everything an entry session for a batch needs.
    pub fn entry_batch(&self, batch: &Batch, keying: Keying) -> Result<EntryBatch> {
        let instrument = self
            .instrument(&batch.instrument)?
            .ok_or(StoreError::NotFound {
                entity: Entity::Instrument,
                key: batch.instrument.clone(),
            })?;
        let progress = self.progress(batch)?;
        let roster = match batch.program {
            Some(p) => self
                .roster(p)?
                .into_iter()
                .map(|r| (r.asn, r.nip, r.name))
                .collect(),
            // Forms without a program (needs analyses): anyone the user may see can answer.
            None => self
                .all_asn()?
                .into_iter()
                .map(|r| (r.id, r.nip, r.name))
                .collect(),
        };
        let draft = self.my_draft(batch, keying)?;
        let kept = match &draft {
            Some(d) => {
                self.load_draft(KEPT_FORM, &kept_record(batch, keying, &d.info.respondent))?
            }
            None => None,
        };
        let next_sheet: i64 = self.conn().query_row(
            "SELECT coalesce(max(CAST(sheet AS INTEGER)), 0) + 1 FROM response
             WHERE program_id IS ?1 AND instrument_code = ?2 AND phase = ?3
               AND sheet GLOB '[0-9]*'",
            params![
                batch.program.map(|p| p.0),
                batch.instrument,
                batch.phase.code()
            ],
            |r| r.get(0),
        )?;
        // Complete forms of a keying; `mine`: only those this user keyed.
        let who = |keying: Keying, mine: bool| -> Result<Vec<Respondent>> {
            let mut stmt = self.conn().prepare_cached(
                "SELECT asn_id, sheet FROM response
                 WHERE program_id IS ?1 AND instrument_code = ?2 AND phase = ?3
                   AND keying = ?4 AND status = 'complete' AND (?5 = 0 OR created_by = ?6)",
            )?;
            let rows = stmt.query_map(
                params![
                    batch.program.map(|p| p.0),
                    batch.instrument,
                    batch.phase.code(),
                    keying.code(),
                    mine,
                    self.user().as_str()
                ],
                |r| {
                    let asn: Option<i64> = r.get(0)?;
                    let sheet: Option<String> = r.get(1)?;
                    Ok(match asn {
                        Some(a) => Respondent::Asn(AsnId(a)),
                        None => Respondent::Sheet(sheet.unwrap_or_default()),
                    })
                },
            )?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let (objectives, dates) = match batch.program {
            Some(p) => {
                let program = self.program(p)?;
                (
                    self.objectives(p)?.into_iter().map(|o| o.text).collect(),
                    Some((program.data.start, program.data.end)),
                )
            }
            None => (Vec::new(), None),
        };
        Ok(EntryBatch {
            instrument,
            progress,
            roster,
            draft,
            next_sheet: u32::try_from(next_sheet).unwrap_or(1),
            keyed: who(Keying::First, false)?,
            own_first: match keying {
                Keying::Second => who(Keying::First, true)?,
                Keying::First => Vec::new(),
            },
            done: who(keying, false)?,
            objectives,
            dates,
            kept,
        })
    }

    /// The id of a form by its batch, respondent and keying.
    fn response_id(&self, batch: &Batch, respondent: &Respondent, keying: Keying) -> Result<i64> {
        self.find_response(batch, respondent, keying)?
            .map(|r| r.id)
            .ok_or_else(|| StoreError::NotFound {
                entity: Entity::Response,
                key: match respondent {
                    Respondent::Asn(a) => a.to_string(),
                    Respondent::Sheet(s) => s.clone(),
                },
            })
    }

    /// Writes an answer of the form identified by its batch, respondent and keying.
    pub fn set_answer_of(
        &mut self,
        batch: &Batch,
        respondent: &Respondent,
        keying: Keying,
        item: &str,
        value: Option<&str>,
        focus: Option<&str>,
    ) -> Result<()> {
        let id = self.response_id(batch, respondent, keying)?;
        self.set_answer(id, item, value, focus)
    }

    /// Completes the form identified by its batch, respondent and keying. A second keying without open
    /// discrepancies marks the first keying verified.
    /// A second keying also records what the verification found: `check` is (fields compared,
    /// fields that differed when typed).
    pub fn complete_response_of(
        &mut self,
        batch: &Batch,
        respondent: &Respondent,
        keying: Keying,
        check: (i64, i64),
    ) -> Result<()> {
        let id = self.response_id(batch, respondent, keying)?;
        let first = match keying {
            Keying::Second => Some(self.response_id(batch, respondent, Keying::First)?),
            Keying::First => None,
        };
        self.write(|tx| {
            tx.execute(
                "UPDATE response SET status = 'complete', focus = NULL, version = version + 1,
                     updated_by = ?1, updated_at = ?2
                 WHERE id = ?3",
                params![tx.user(), tx.now(), id],
            )?;
            if let Some(first) = first {
                mark_verified(tx, first)?;
                let day = tx.today();
                tx.execute(
                    "INSERT INTO verification (second_id, first_id, instrument, first_keyer, second_keyer,
                                               compared, mismatches, day)
                     SELECT ?1, f.id, f.instrument_code, f.created_by, ?3, ?4, ?5, ?6
                     FROM response f WHERE f.id = ?2
                     ON CONFLICT (second_id) DO UPDATE SET compared = excluded.compared,
                         mismatches = excluded.mismatches, day = excluded.day",
                    params![id, first, tx.user(), check.0, check.1, day],
                )?;
            }
            Ok(())
        })
    }

    pub fn discard_response_of(
        &mut self,
        batch: &Batch,
        respondent: &Respondent,
        keying: Keying,
    ) -> Result<()> {
        let id = self.response_id(batch, respondent, keying)?;
        self.discard_response(id)
    }

    /// Records that the second keying disagreed with the first on an item (after the verifier re-read the
    /// paper), for an adjudicator to decide.
    pub fn record_discrepancy(
        &mut self,
        batch: &Batch,
        respondent: &Respondent,
        item: &str,
        first: Option<&str>,
        second: Option<&str>,
    ) -> Result<()> {
        let first_id = self.response_id(batch, respondent, Keying::First)?;
        let second_id = self.response_id(batch, respondent, Keying::Second)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO discrepancy (response_id, second_id, item, first_value, second_value,
                                          created_by, created_at, updated_by, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)
                 ON CONFLICT (response_id, item) DO UPDATE SET second_value = excluded.second_value,
                     status = 'open', resolved_value = NULL, version = version + 1,
                     updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                params![
                    first_id,
                    second_id,
                    item,
                    first,
                    second,
                    tx.user(),
                    tx.now()
                ],
            )?;
            Ok(())
        })
    }
}

/// A first keying is verified when a complete second keying exists and no discrepancy is open.
pub(crate) fn mark_verified(tx: &Tx<'_>, first: i64) -> Result<()> {
    tx.execute(
        "UPDATE response SET verified = 1, version = version + 1, updated_by = ?1, updated_at = ?2
         WHERE id = ?3 AND verified = 0
           AND NOT EXISTS (SELECT 1 FROM discrepancy WHERE response_id = ?3 AND status = 'open')
           AND EXISTS (SELECT 1 FROM discrepancy d WHERE d.response_id = ?3
                       UNION ALL SELECT 1 FROM response s JOIN response f ON f.id = ?3
                       WHERE s.keying = 'second' AND s.status = 'complete'
                         AND s.program_id IS f.program_id
                         AND s.instrument_code = f.instrument_code AND s.phase = f.phase
                         AND (s.asn_id = f.asn_id OR s.sheet = f.sheet))",
        params![tx.user(), tx.now(), first],
    )?;
    Ok(())
}

/// What a survey import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct FormsImported {
    pub added: usize,
    pub replaced: usize,
    pub answers: usize,
}

impl Store {
    /// People by NIP, with whether they are enrolled in the program: NIP → (id, enrolled).
    pub fn people_by_nip(
        &self,
        program: Option<ProgramId>,
        nips: &[&str],
    ) -> Result<std::collections::HashMap<String, (AsnId, bool)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.id, EXISTS (SELECT 1 FROM enrollment e WHERE e.asn_id = a.id AND e.program_id = ?2)
             FROM asn a WHERE a.nip = ?1",
        )?;
        let mut out = std::collections::HashMap::new();
        for nip in nips {
            if let Some((id, enrolled)) = stmt
                .query_row(params![nip, program.map(|p| p.0)], |r| {
                    Ok((AsnId(r.get(0)?), r.get::<_, bool>(1)?))
                })
                .optional()?
            {
                out.insert((*nip).to_string(), (id, enrolled));
            }
        }
        Ok(out)
    }

    /// Writes complete forms in one transaction. A respondent who already has a form in the batch is an
    /// error unless `replace`, which replaces it.
    pub fn import_forms(
        &mut self,
        batch: &Batch,
        instrument_id: i64,
        forms: &[(Respondent, BTreeMap<String, String>)],
        replace: bool,
    ) -> Result<FormsImported> {
        self.write(|tx| {
            let mut done = FormsImported::default();
            // Looked up once: who already has a form in the batch (inside the transaction, so
            // nobody can add one in between).
            let existing = forms_of(tx, batch, Keying::First)?;
            tx.begin_stage(Unit::Rows, forms.len() as u64);
            for (respondent, answers) in forms {
                tx.advance(1)?;
                if let Some(id) = existing.get(respondent) {
                    if !replace {
                        let (asn, sheet) = split(respondent);
                        return Err(StoreError::Duplicate {
                            entity: Entity::Response,
                            key: asn.map_or_else(
                                || sheet.unwrap_or_default().to_string(),
                                |a| a.to_string(),
                            ),
                        });
                    }
                    tx.execute_cached("DELETE FROM response WHERE id = ?1", [id])?;
                    done.replaced += 1;
                } else {
                    done.added += 1;
                }
                let id =
                    insert_response(tx, batch, instrument_id, respondent, Keying::First, true)?;
                for (item, value) in answers {
                    // A new form has no answers yet: a plain insert.
                    tx.execute_cached(
                        "INSERT INTO answer (response_id, item, value) VALUES (?1, ?2, ?3)",
                        params![id, item, value],
                    )?;
                    done.answers += 1;
                }
            }
            Ok(done)
        })
    }

    /// Writes test scores in one transaction: (person, pre, post); a missing score is left as it was.
    pub fn import_scores(
        &mut self,
        program: ProgramId,
        rows: &[(AsnId, Option<f64>, Option<f64>)],
        max: f64,
    ) -> Result<usize> {
        self.write(|tx| {
            tx.begin_stage(Unit::Rows, rows.len() as u64);
            for (asn, pre, post) in rows {
                tx.advance(1)?;
                if pre.is_some() {
                    set_score(tx, program, *asn, Test::Pre, *pre, max)?;
                }
                if post.is_some() {
                    set_score(tx, program, *asn, Test::Post, *post, max)?;
                }
                // An empty cell leaves a stored score alone (a row of two empty cells changes nothing).
            }
            Ok(rows.len())
        })
    }
}

impl Store {
    /// Complete first keyings of a batch that no second keying has verified.
    pub fn unverified_count(&self, batch: &Batch) -> Result<usize> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM response WHERE program_id IS ?1 AND instrument_code = ?2
               AND phase = ?3 AND keying = 'first' AND status = 'complete' AND verified = 0",
            params![
                batch.program.map(|p| p.0),
                batch.instrument,
                batch.phase.code()
            ],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
