//! The demo at scale (`tilik init --demo --scale N`): on top of the usual demo, the training history
//! of an organisation of N ASN over three years — about one program per 30 ASN a year, cloned from
//! the demo programs with their own codes, dates and participants — with reaction surveys, pre/post
//! scores, observations, supervisor interviews and self-assessments. Deterministic for a given N, so
//! benchmarks on it can be compared from one run to the next.
//!
//! Loading bypasses the per-row audit and scope triggers (the data is generated, not keyed by anyone)
//! and puts them back at the end, in the same transaction.

use super::{
    COMMENTS, DemoProgram, DemoSummary, OPDS, PROGRAMS, Person, Rng, Run, insert_program_run,
    instrument_of, profile,
};
use crate::domain::date::iso;
use crate::domain::enrollment::Completion;
use crate::domain::ids::{AsnId, ProgramId};
use crate::domain::instrument::{Definition, ItemKind, ItemRole, Phase};
use crate::domain::program::ProgramStatus;
use crate::store::progress::Unit;
use crate::store::response::{self as resp, Batch, Keying, Respondent, Test};
use crate::store::{Result, Tx};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::params;
use std::collections::HashMap;

/// The years of generated history.
const YEARS: [i32; 3] = [2024, 2025, 2026];

/// The day the generated history is told from (the demo's "today"), so the data does not depend on
/// the day it is generated.
fn reference_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
}

/// The checklist observed after programs made from this demo program, if any.
fn checklist_of(template: &str) -> Option<&'static str> {
    match template.split('-').next() {
        Some("KOM") => Some("OBS-KOMUNIKASI"),
        Some("MWK") => Some("OBS-WAKTU"),
        Some("PPP") => Some("OBS-PELAYANAN"),
        Some("PKP") => Some("OBS-KEPEMIMPINAN"),
        _ => None,
    }
}

/// The instruments generated forms use, loaded once.
struct Instruments {
    reaction: Option<(i64, Definition)>,
    interview: Option<(i64, Definition)>,
    myself: Option<(i64, Definition)>,
    checklists: HashMap<&'static str, (i64, Definition)>,
}

impl Instruments {
    fn load(tx: &Tx<'_>) -> Result<Instruments> {
        let mut checklists = HashMap::new();
        for code in [
            "OBS-KOMUNIKASI",
            "OBS-WAKTU",
            "OBS-PELAYANAN",
            "OBS-KEPEMIMPINAN",
        ] {
            if let Some(found) = instrument_of(tx, code)? {
                checklists.insert(code, found);
            }
        }
        Ok(Instruments {
            reaction: instrument_of(tx, "REAKSI-01")?,
            interview: instrument_of(tx, "WAWANCARA-ATASAN")?,
            myself: instrument_of(tx, "DIRI-PERILAKU")?,
            checklists,
        })
    }
}

/// Adds the generated history; `people` and `ids` are the organisation already inserted, in order.
pub(super) fn extend(
    tx: &Tx<'_>,
    rng: &mut Rng,
    people: &[Person],
    ids: &[AsnId],
    summary: &mut DemoSummary,
) -> Result<()> {
    crate::store::bulk::without_row_triggers(tx, |tx| generate(tx, rng, people, ids, summary))
}

fn generate(
    tx: &Tx<'_>,
    rng: &mut Rng,
    people: &[Person],
    ids: &[AsnId],
    summary: &mut DemoSummary,
) -> Result<()> {
    let instruments = Instruments::load(tx)?;
    let eligible: Vec<Vec<usize>> = PROGRAMS.iter().map(|p| eligible(p, people)).collect();
    let per_year = people.len() / 30;
    let today = reference_day();
    let mut runs: HashMap<(&str, i32), u32> = HashMap::new();
    tx.begin_stage(Unit::Programs, (YEARS.len() * per_year) as u64);
    for year in YEARS {
        for _ in 0..per_year {
            tx.advance(1)?;
            let t =
                usize::try_from(rng.range(0, PROGRAMS.len().saturating_sub(1) as u32)).unwrap_or(0);
            let (Some(template), Some(pool)) = (PROGRAMS.get(t), eligible.get(t)) else {
                continue;
            };
            if pool.is_empty() {
                continue;
            }
            let prefix = template.code.split('-').next().unwrap_or("PRG");
            let n = runs.entry((prefix, year)).or_insert(1);
            *n += 1;
            let run = schedule(rng, template, prefix, year, *n, today);
            let finished = matches!(
                run.status,
                ProgramStatus::Selesai | ProgramStatus::Dievaluasi
            );
            let id = insert_program_run(tx, template, &run)?;
            summary.programs += 1;
            let participants = enroll(tx, rng, template, &run, id, pool, people, ids)?;
            summary.enrollments += participants.len();
            if !finished {
                continue;
            }
            summary.forms += reactions(tx, rng, template, id, &participants, &instruments)?;
            scores(tx, rng, template, id, &participants)?;
            summary.forms += behaviour(
                tx,
                rng,
                template,
                &run,
                id,
                &participants,
                people,
                &instruments,
                today,
            )?;
            if run.status == ProgramStatus::Selesai {
                crate::store::followup::plan(tx, id)?;
            }
        }
    }
    Ok(())
}

/// The people a demo program is for (by tier and OPD).
fn eligible(template: &DemoProgram, people: &[Person]) -> Vec<usize> {
    people
        .iter()
        .enumerate()
        .filter(|(_, p)| template.tiers.contains(&p.level))
        .filter(|(_, p)| {
            template.opds.is_empty()
                || OPDS
                    .get(p.opd)
                    .is_some_and(|o| template.opds.contains(&o.0))
        })
        .map(|(i, _)| i)
        .collect()
}

/// A run of `template` in `year`: its code and name, dates (starting on a Monday, as long as the
/// template) and status as seen from `today`.
fn schedule(
    rng: &mut Rng,
    template: &DemoProgram,
    prefix: &str,
    year: i32,
    n: u32,
    today: NaiveDate,
) -> Run {
    let length = (super::date(template.end) - super::date(template.start))
        .num_days()
        .clamp(0, 120);
    let jan = NaiveDate::from_ymd_opt(year, 1, 6).unwrap_or(today);
    let day = jan
        .checked_add_days(Days::new(u64::from(rng.range(0, 320))))
        .unwrap_or(jan);
    let monday = day
        .checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day);
    let end = monday
        .checked_add_days(Days::new(length.unsigned_abs()))
        .unwrap_or(monday);
    let evaluated_before = today.checked_sub_days(Days::new(90)).unwrap_or(today);
    let status = if end < evaluated_before && rng.chance(85) {
        ProgramStatus::Dievaluasi
    } else if end < today {
        ProgramStatus::Selesai
    } else if monday <= today {
        ProgramStatus::Berjalan
    } else {
        ProgramStatus::Direncanakan
    };
    Run {
        code: format!("{prefix}-{year}-{n:03}"),
        name: format!("{} Angkatan {n}", template.name),
        start: monday,
        end,
        status,
    }
}

/// One participant of a generated run: who, and whether they completed it.
struct Participant {
    asn: AsnId,
    person: usize,
    completed: bool,
    passed: bool,
}

/// Enrolls 60–100% of the quota, spread over the eligible pool; finished runs get attendance,
/// completion and a certificate number.
#[allow(clippy::too_many_arguments)]
fn enroll(
    tx: &Tx<'_>,
    rng: &mut Rng,
    template: &DemoProgram,
    run: &Run,
    program: ProgramId,
    pool: &[usize],
    people: &[Person],
    ids: &[AsnId],
) -> Result<Vec<Participant>> {
    let finished = matches!(
        run.status,
        ProgramStatus::Selesai | ProgramStatus::Dievaluasi
    );
    let wanted = (template.quota * rng.range(60, 100) / 100).max(1) as usize;
    let take = wanted.min(pool.len());
    let step = (pool.len() / take.max(1)).max(1);
    let offset = rng.range(0, u32::try_from(pool.len()).unwrap_or(1).saturating_sub(1)) as usize;
    let mut out = Vec::with_capacity(take);
    for k in 0..take {
        let person = pool[(offset + k * step) % pool.len()];
        let (Some(asn), Some(_)) = (ids.get(person), people.get(person)) else {
            continue;
        };
        let (attendance, completion, certificate) = if finished {
            let (attendance, completion) = match rng.range(1, 100) {
                1..=3 => (35, Completion::MengundurkanDiri),
                4..=6 => (72, Completion::TidakLulus),
                _ => (rng.range(88, 100), Completion::Lulus),
            };
            let certificate = if completion == Completion::Lulus {
                format!("{}/{:03}/{}", run.code, k + 1, run.end.year())
            } else {
                String::new()
            };
            (Some(attendance), Some(completion), certificate)
        } else {
            (None, None, String::new())
        };
        tx.execute_cached(
            "INSERT INTO enrollment (program_id, asn_id, attendance, completion, certificate_no,
                                     created_by, created_at, updated_by, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            params![
                program.0,
                asn.0,
                attendance,
                completion.map(Completion::code),
                certificate,
                tx.user(),
                tx.now()
            ],
        )?;
        out.push(Participant {
            asn: *asn,
            person,
            completed: completion.is_some_and(|c| c != Completion::MengundurkanDiri),
            passed: completion == Some(Completion::Lulus),
        });
    }
    Ok(out)
}

/// Reaction surveys from nine in ten of those who completed; each run has its own mood around the
/// template's profile.
fn reactions(
    tx: &Tx<'_>,
    rng: &mut Rng,
    template: &DemoProgram,
    program: ProgramId,
    participants: &[Participant],
    instruments: &Instruments,
) -> Result<usize> {
    let Some((instrument_id, def)) = &instruments.reaction else {
        return Ok(0);
    };
    let (mean, relevance, _) = profile(template.code);
    let mood = f64::from(rng.range(0, 80)) / 100.0 - 0.4;
    let batch = Batch {
        program: Some(program),
        instrument: def.code.clone(),
        phase: Phase::Post,
    };
    let mut forms = 0;
    for p in participants {
        if !p.completed || rng.chance(10) {
            continue;
        }
        let person = f64::from(rng.range(0, 120)) / 100.0 - 0.6;
        let response = resp::insert_response(
            tx,
            &batch,
            *instrument_id,
            &Respondent::Asn(p.asn),
            Keying::First,
            true,
        )?;
        for item in &def.items {
            let value = match &item.kind {
                ItemKind::Likert { min, max, .. } => {
                    if rng.chance(1) {
                        continue;
                    }
                    let shift = if item.aspect.as_deref() == Some("relevansi") {
                        relevance
                    } else {
                        0.0
                    };
                    let noise = f64::from(rng.range(0, 140)) / 100.0 - 0.7;
                    let v = (mean + mood + shift + person + noise)
                        .round()
                        .clamp(f64::from(*min), f64::from(*max));
                    format!("{v:.0}")
                }
                ItemKind::Text { .. } if rng.chance(15) => rng.pick(COMMENTS).to_string(),
                _ => continue,
            };
            resp::set_answer(tx, response, item.code.as_str(), Some(&value))?;
        }
        forms += 1;
    }
    Ok(forms)
}

/// Pre-test for everyone, post-test for those who completed.
fn scores(
    tx: &Tx<'_>,
    rng: &mut Rng,
    template: &DemoProgram,
    program: ProgramId,
    participants: &[Participant],
) -> Result<()> {
    let (_, _, pre_mean) = profile(template.code);
    for p in participants {
        let pre = (pre_mean + f64::from(rng.range(0, 30)) - 15.0)
            .clamp(10.0, 95.0)
            .round();
        resp::set_score(tx, program, p.asn, Test::Pre, Some(pre), 100.0)?;
        if p.completed {
            let gain = f64::from(rng.range(5, 75)) / 100.0;
            let post = (pre + (100.0 - pre) * gain).round().min(100.0);
            resp::set_score(tx, program, p.asn, Test::Post, Some(post), 100.0)?;
        }
    }
    Ok(())
}

/// What a generated behaviour form is about.
struct Session<'a> {
    day: NaiveDate,
    observer: &'a str,
    place: &'a str,
    atasan: &'a str,
    /// How much of the behaviour is there, 0–1.
    level: f64,
    /// How many objectives the program has (items about a later one are left out).
    objectives: usize,
    changed: bool,
}

const OBSERVERS: [&str; 4] = [
    "Hendra Saputra, S.Psi.",
    "Yuni Astuti",
    "Rina Oktaviani",
    "M. Ridwan, S.E.",
];
const PLACES: [&str; 4] = [
    "Loket pelayanan",
    "Ruang kerja bidang",
    "Unit pengaduan",
    "Ruang rapat",
];

/// Baseline and follow-up observations for one in five who passed (when the template has a
/// checklist), and for one in ten an interview with the atasan and a self-assessment at the first
/// follow-up; three in four show the behaviour more after the training.
#[allow(clippy::too_many_arguments)]
fn behaviour(
    tx: &Tx<'_>,
    rng: &mut Rng,
    template: &DemoProgram,
    run: &Run,
    program: ProgramId,
    participants: &[Participant],
    people: &[Person],
    instruments: &Instruments,
    today: NaiveDate,
) -> Result<usize> {
    let checklist = checklist_of(template.code).and_then(|c| instruments.checklists.get(c));
    let mut forms = 0;
    for (n, p) in participants.iter().enumerate() {
        if !p.passed {
            continue;
        }
        let observed = checklist.is_some() && rng.chance(20);
        let interviewed = rng.chance(10);
        if !observed && !interviewed {
            continue;
        }
        let changed = rng.chance(75);
        let atasan = people
            .get(p.person)
            .and_then(|me| me.supervisor)
            .and_then(|s| people.get(s))
            .map_or("Kepala bidang", |s| s.input.nip.as_str());
        let mut session = Session {
            day: run.start,
            observer: OBSERVERS[n % OBSERVERS.len()],
            place: PLACES[n % PLACES.len()],
            atasan,
            level: 0.35,
            objectives: template.objectives.len(),
            changed,
        };
        let after = |days: u64| run.end.checked_add_days(Days::new(days));
        if let (true, Some(instrument)) = (observed, checklist) {
            session.day = run
                .start
                .checked_sub_days(Days::new(3 + (n as u64 % 5)))
                .unwrap_or(run.start);
            session.level = 0.35;
            forms += form(tx, rng, program, p.asn, Phase::Pre, instrument, &session)?;
            for (k, phase) in [(1u64, Phase::F1), (2, Phase::F2), (3, Phase::F3)] {
                let Some(day) = after(30 * k + n as u64 % 7) else {
                    continue;
                };
                if day > today || (k > 1 && rng.chance(40)) {
                    break;
                }
                session.day = day;
                session.level = if changed {
                    0.35 + 0.15 * k as f64
                } else {
                    0.35
                };
                forms += form(tx, rng, program, p.asn, phase, instrument, &session)?;
            }
        }
        if interviewed {
            let Some(day) = after(33 + n as u64 % 5) else {
                continue;
            };
            if day > today {
                continue;
            }
            session.day = day;
            session.level = if changed { 0.75 } else { 0.2 };
            for instrument in [&instruments.interview, &instruments.myself]
                .into_iter()
                .flatten()
            {
                forms += form(tx, rng, program, p.asn, Phase::F1, instrument, &session)?;
            }
        }
    }
    Ok(forms)
}

/// One complete behaviour form, answered from its definition; 1 when written.
fn form(
    tx: &Tx<'_>,
    rng: &mut Rng,
    program: ProgramId,
    asn: AsnId,
    phase: Phase,
    (instrument_id, def): &(i64, Definition),
    session: &Session<'_>,
) -> Result<usize> {
    let batch = Batch {
        program: Some(program),
        instrument: def.code.clone(),
        phase,
    };
    let response = resp::insert_response(
        tx,
        &batch,
        *instrument_id,
        &Respondent::Asn(asn),
        Keying::First,
        true,
    )?;
    let due = 10.0;
    for item in &def.items {
        if item.show_if.is_some()
            || item
                .objective
                .is_some_and(|o| usize::from(o) > session.objectives)
        {
            continue;
        }
        let value = match (item.role, &item.kind) {
            (Some(ItemRole::Date), _) => iso(session.day),
            (Some(ItemRole::Observer), _) => session.observer.to_string(),
            (Some(ItemRole::Place), _) => session.place.to_string(),
            (Some(ItemRole::Atasan), _) => session.atasan.to_string(),
            (Some(ItemRole::CountDue), _) => format!("{due:.0}"),
            (Some(ItemRole::CountDone), _) => {
                let done = (session.level * due + f64::from(rng.range(0, 2))).min(due);
                format!("{done:.0}")
            }
            (None, ItemKind::YesNo { na }) => {
                if *na && rng.chance(3) {
                    "9".into()
                } else if f64::from(rng.range(0, 99)) < session.level * 100.0 {
                    "1".into()
                } else {
                    "0".into()
                }
            }
            (None, ItemKind::Likert { min, max, .. }) => {
                let span = f64::from(max - min);
                let noise = f64::from(rng.range(0, 100)) / 100.0 - 0.5;
                let v = (f64::from(*min) + session.level * span + noise)
                    .round()
                    .clamp(f64::from(*min), f64::from(*max));
                format!("{v:.0}")
            }
            (None, ItemKind::Number { min, max, decimals }) => {
                let v = min + (max - min) * f64::from(rng.range(0, 100)) / 100.0;
                format!("{v:.*}", *decimals as usize)
            }
            (None, ItemKind::Choice { options, .. }) => {
                // Barriers and drivers: "none" for most who changed, a named one otherwise.
                let none = options
                    .iter()
                    .find(|o| o.label.to_lowercase().starts_with("tidak ada hambatan"));
                let named: Vec<&str> = options
                    .iter()
                    .filter(|o| o.code != "9" && Some(*o) != none)
                    .map(|o| o.code.as_str())
                    .collect();
                match none {
                    Some(none) if session.changed && rng.chance(70) => none.code.clone(),
                    _ if named.is_empty() => continue,
                    _ => (*rng.pick(&named)).to_string(),
                }
            }
            _ => continue,
        };
        resp::set_answer(tx, response, item.code.as_str(), Some(&value))?;
    }
    Ok(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_a_prefix_and_codes_fit() {
        for t in PROGRAMS {
            let prefix = t.code.split('-').next().unwrap_or_default();
            let code = format!("{prefix}-2026-{:03}", 1234);
            assert!(crate::domain::program::ProgramCode::parse(&code).is_ok());
        }
    }

    #[test]
    fn checklists_follow_the_behaviour_programs() {
        assert_eq!(checklist_of("KOM-2026-01"), Some("OBS-KOMUNIKASI"));
        assert_eq!(checklist_of("LATSAR-2026-01"), None);
    }

    #[test]
    fn runs_start_on_a_monday_and_their_status_follows_the_dates() {
        let mut rng = Rng(7);
        let today = reference_day();
        for template in PROGRAMS {
            for year in YEARS {
                let run = schedule(&mut rng, template, "X", year, 2, today);
                assert_eq!(run.start.weekday(), chrono::Weekday::Mon);
                assert!(run.end >= run.start);
                match run.status {
                    ProgramStatus::Selesai | ProgramStatus::Dievaluasi => {
                        assert!(run.end < today);
                    }
                    ProgramStatus::Berjalan => assert!(run.start <= today && today <= run.end),
                    ProgramStatus::Direncanakan => assert!(run.start > today),
                }
            }
        }
    }
}
