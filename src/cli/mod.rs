//! The command line: argument parsing, the process edge (one error report, exit codes) and headless
//! commands. With no command, the terminal interface opens.
//!
//! Exit codes: 0 success; 1 a failure (database, files, permissions); 2 wrong usage; 3 input refused
//! (an import with invalid rows — nothing was written).

mod admin;
mod analysis;
mod commands;
mod error;
mod followup;
mod forms;
pub mod output;
pub mod progress;
mod quality;
pub mod shell;

pub use error::CliError;

use crate::config::{self, Sources};
use crate::domain::user::{Capability, Username};
use crate::i18n::{Lang, Localize};
use crate::identity;
use crate::store::{OpenMode, Store};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use output::Format;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "tilik",
    version,
    about = "Evaluasi pelatihan ASN — evaluating training for civil servants"
)]
pub struct Cli {
    /// Database file (else $TILIK_DB, else the config file, else tilik.db in your data folder)
    #[arg(long, global = true, value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
    pub db: Option<PathBuf>,
    /// Interface language: id (Bahasa Indonesia) or en (English)
    #[arg(long, global = true, value_name = "id|en", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("{s}: use id or en"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database (the account running it becomes admin of a new one)
    Init {
        /// Fill a new database with realistic Palembang demo data
        #[arg(long)]
        demo: bool,
        /// With --demo: an organisation of N ASN (200 to 1,000,000) with three years of training
        /// history in proportion, for benchmarks; the same data for the same N
        #[arg(long, value_name = "N", requires = "demo",
              value_parser = clap::value_parser!(u32).range(200..=1_000_000))]
        scale: Option<u32>,
    },
    /// Open tilik on a demo database, creating it first when missing
    Demo,
    /// Training programs
    #[command(subcommand)]
    Program(ProgramCommand),
    /// Participants (ASN)
    #[command(subcommand)]
    Participant(ParticipantCommand),
    /// OPDs (units)
    #[command(subcommand)]
    Opd(OpdCommand),
    /// Import files (CSV or XLSX)
    #[command(subcommand)]
    Import(ImportCommand),
    /// tilik users (operating-system accounts) and their roles
    #[command(subcommand)]
    User(UserCommand),
    /// The audit trail: who changed what, when
    Audit(AuditArgs),
    /// Copy the live database to FILE (consistent while others work) and verify the copy
    Backup {
        /// Where the copy goes (a new file, unless --replace)
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// Replace FILE when it exists
        #[arg(long)]
        replace: bool,
    },
    /// Check the database: integrity, foreign keys and tilik's own rules
    Check,
    /// Instruments (questionnaires, tests, checklists)
    #[command(subcommand)]
    Instrument(InstrumentCommand),
    /// A program's evaluation report
    Report {
        /// The program's code
        #[arg(long, value_name = "CODE")]
        program: String,
        /// Output: json, csv, xlsx (needs -o) or html
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        /// Write to this file instead of standard output
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
    /// Programs side by side: participants, pass rate, reaction index, N-gain, cost per participant
    Compare {
        /// Programs that started in this year
        #[arg(long)]
        year: Option<i32>,
        /// Programs of this type (latsar, pkp, pka, pkn, teknis, fungsional, seminar, lainnya)
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// Programs of this provider (its name)
        #[arg(long)]
        provider: Option<String>,
        /// Count only the participants of this OPD (code or name)
        #[arg(long)]
        opd: Option<String>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Competency development per ASN in a year, against the 20 JP every ASN is entitled to
    Jp {
        /// The year (default: this year)
        #[arg(long)]
        year: Option<i32>,
        /// Only the ASN of this OPD (code or name)
        #[arg(long)]
        opd: Option<String>,
        /// Only those with fewer than 20 JP
        #[arg(long)]
        below: bool,
        /// One line per OPD instead of per ASN
        #[arg(long)]
        by_opd: bool,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Learning outside programs (coaching, mentoring, e-learning, internships …), counted toward 20 JP
    #[command(subcommand)]
    Activity(ActivityCommand),
    /// Training needs from the TNA forms: competency gaps and wished topics
    Needs {
        /// The needs instrument
        #[arg(long, default_value = "TNA-ASN")]
        instrument: String,
        /// Only forms keyed in this year
        #[arg(long)]
        year: Option<i32>,
        /// What to list
        #[arg(long, value_enum, default_value_t)]
        show: NeedsView,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Exports for other systems
    #[command(subcommand)]
    Export(ExportCommand),
    /// Double-entry verification per clerk and instrument: forms, fields compared, mismatches
    Verification {
        /// From this day (YYYY-MM-DD or DD/MM/YYYY)
        #[arg(long)]
        from: Option<String>,
        /// Up to this day
        #[arg(long)]
        to: Option<String>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Fields the two keyings disagree on, and settling them (adjudication)
    #[command(subcommand)]
    Discrepancy(DiscrepancyCommand),
    /// Clerks' statistics per day: forms, keystrokes, corrections, time active
    Operators {
        /// From this day (YYYY-MM-DD or DD/MM/YYYY)
        #[arg(long)]
        from: Option<String>,
        /// Up to this day
        #[arg(long)]
        to: Option<String>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Forms keyed for a program
    #[command(subcommand)]
    Form(FormCommand),
    /// Follow-up evaluations after training: the worklist and the plan
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// Print a completion script for bash, zsh or fish (see docs/cli.md for where it goes)
    Completions {
        /// The shell: bash, zsh or fish
        #[arg(value_enum)]
        shell: shell::CompletionShell,
    },
    /// Print the manual page tilik.1 (roff); read it with `tilik man | man -l -`
    #[command(hide = true)]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum FollowupCommand {
    /// Planned follow-ups and action steps by due date (default: overdue and due within a week)
    List {
        /// Only what is due within a week (today included)
        #[arg(long, conflicts_with_all = ["overdue", "open", "done", "all"])]
        due: bool,
        /// Only what is overdue
        #[arg(long, conflicts_with_all = ["open", "done", "all"])]
        overdue: bool,
        /// Everything not done yet
        #[arg(long, conflicts_with_all = ["done", "all"])]
        open: bool,
        /// Only what is done
        #[arg(long, conflicts_with = "all")]
        done: bool,
        /// Everything, cancelled included
        #[arg(long)]
        all: bool,
        /// Only this program (its code)
        #[arg(long, value_name = "CODE")]
        program: Option<String>,
        /// Only participants of this OPD (code or name)
        #[arg(long)]
        opd: Option<String>,
        /// Only what this account was assigned (for action steps: the action's owner as written)
        #[arg(long, value_name = "ACCOUNT")]
        evaluator: Option<String>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Sets how a program is followed up and plans every participant's follow-ups
    Plan {
        /// The program's code
        #[arg(long, value_name = "CODE")]
        program: String,
        /// Days after the training ended for follow-ups 1–3 (default 30,60,90)
        #[arg(long)]
        offsets: Option<String>,
        /// Days after the training ended for the results follow-up (default 180)
        #[arg(long)]
        results: Option<u32>,
        /// The observation checklist ("none" for no observations)
        #[arg(long, value_name = "CODE")]
        observation: Option<String>,
        /// The supervisor interview guide ("none" for no interviews)
        #[arg(long, value_name = "CODE")]
        interview: Option<String>,
        /// The participants' self-assessment ("none" for none)
        #[arg(long = "self", value_name = "CODE")]
        self_report: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DiscrepancyCommand {
    /// Open discrepancies, oldest first
    List {
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Settle one with the value on the paper form (someone who keyed neither form)
    Resolve {
        /// Its id (from `discrepancy list`)
        id: i64,
        /// The answer on paper, as it would be keyed
        #[arg(long, conflicts_with = "empty", required_unless_present = "empty")]
        value: Option<String>,
        /// The field is empty on paper
        #[arg(long)]
        empty: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum FormCommand {
    /// Complete first keyings of a program's forms
    List {
        /// The program's code
        #[arg(long, value_name = "CODE")]
        program: String,
        /// Only verified (yes) or unverified (no) forms
        #[arg(long, value_name = "yes|no")]
        verified: Option<String>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum NeedsView {
    /// Competency gaps (importance − ability), widest first
    #[default]
    Gaps,
    /// Wished training topics, most asked first
    Topics,
    /// Respondents and top topics per OPD
    Opd,
    /// Respondents and top topics per jabatan level
    Level,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// Record an activity of one ASN
    Add {
        /// The ASN's NIP
        #[arg(long)]
        nip: String,
        /// The day (YYYY-MM-DD or DD/MM/YYYY)
        #[arg(long)]
        date: String,
        /// e_learning, blended, coaching, mentoring, magang, benchmarking, klasikal, lainnya
        #[arg(long)]
        kind: String,
        /// What the activity was (its title)
        #[arg(long)]
        title: String,
        /// Jam pelajaran (45 minutes each)
        #[arg(long, allow_hyphen_values = true)]
        jp: String,
        /// Who provided it
        #[arg(long)]
        provider: Option<String>,
        /// Certificate number
        #[arg(long)]
        certificate: Option<String>,
    },
    /// List recorded activities (newest first)
    List {
        /// Only this ASN
        #[arg(long)]
        nip: Option<String>,
        /// Only activities of this year
        #[arg(long)]
        year: Option<i32>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Remove an activity (its id from `activity list --format json`)
    Delete {
        /// The activity's id
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Completed programs and activities per ASN for SIASN (type, provider, JP, dates, certificate, year)
    Siasn {
        /// The year to export
        #[arg(long)]
        year: i32,
        /// Output: csv (default), json or table
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to this file instead of standard output
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Every figure, for other programs
    Json,
    /// The report's tables, one after another
    Csv,
    /// A workbook (needs -o FILE)
    Xlsx,
    /// A page to read or print
    Html,
}

#[derive(Debug, Subcommand)]
pub enum InstrumentCommand {
    /// List instruments (current revisions)
    List {
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print an instrument's definition as TOML (import it again with `import instrument`)
    Export {
        /// The instrument's code (e.g. REAKSI)
        code: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Register an account with a role
    Add {
        /// The account name (as on the server)
        username: String,
        /// admin, evaluator, operator, verifier, viewer
        #[arg(long)]
        role: String,
        /// The person's name
        #[arg(long)]
        name: Option<String>,
        /// Limit the user to these OPDs (codes or names; repeat the option)
        #[arg(long = "opd", value_name = "OPD")]
        opds: Vec<String>,
    },
    /// List users
    List {
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Change a user's role
    SetRole {
        /// The account name
        username: String,
        /// admin, evaluator, operator, verifier, viewer
        role: String,
    },
    /// Stop an account from using tilik (its history stays)
    Disable {
        /// The account name
        username: String,
    },
    /// Let a disabled account use tilik again
    Enable {
        /// The account name
        username: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Only this table (opd, asn, program, enrollment, …)
    #[arg(long)]
    pub table: Option<String>,
    /// Only this row of the table
    #[arg(long)]
    pub row: Option<i64>,
    /// Only changes by this account
    #[arg(long)]
    pub user: Option<String>,
    /// From this date (YYYY-MM-DD or DD/MM/YYYY)
    #[arg(long)]
    pub from: Option<String>,
    /// Up to this date
    #[arg(long)]
    pub to: Option<String>,
    /// At most this many rows (newest first)
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Output: table (for people), json or csv
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum ProgramCommand {
    /// Add a program
    Add(Box<ProgramAdd>),
    /// List programs
    List {
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Only programs that started in this year
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Debug, clap::Args)]
pub struct ProgramAdd {
    /// The program's code, unique (e.g. KOM-2026-01)
    #[arg(long)]
    pub code: String,
    /// The program's name
    #[arg(long)]
    pub name: String,
    /// latsar, pkp, pka, pkn, teknis, fungsional, seminar, lainnya
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: String,
    /// Start date (YYYY-MM-DD or DD/MM/YYYY)
    #[arg(long)]
    pub start: String,
    /// End date (YYYY-MM-DD or DD/MM/YYYY)
    #[arg(long)]
    pub end: String,
    /// Jam pelajaran (45 minutes each)
    #[arg(long, allow_hyphen_values = true)]
    pub jp: String,
    /// The training provider (penyelenggara)
    #[arg(long)]
    pub provider: Option<String>,
    /// Where it takes place
    #[arg(long)]
    pub location: Option<String>,
    /// klasikal, e_learning, blended, coaching, mentoring, magang, benchmarking, lainnya
    #[arg(long, default_value = "klasikal")]
    pub mode: String,
    /// How many participants it takes
    #[arg(long)]
    pub quota: Option<String>,
    /// direncanakan, berjalan, selesai, dievaluasi
    #[arg(long, default_value = "direncanakan")]
    pub status: String,
}

#[derive(Debug, Subcommand)]
pub enum ParticipantCommand {
    /// List participants (everyone, or one program's roster)
    List {
        /// Only this program (its code)
        #[arg(long, value_name = "CODE")]
        program: Option<String>,
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum OpdCommand {
    /// List OPDs
    List {
        /// Output: table (for people), json or csv
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// An instrument definition (TOML); a changed instrument that has forms gets a new revision
    Instrument {
        /// The instrument's TOML file
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
    },
    /// Survey forms in wide form: nip (or sheet) and one column per item code; all or nothing
    Survey {
        /// The file to read (CSV or XLSX)
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// The program the forms belong to (not needed for needs-analysis forms such as TNA-ASN)
        #[arg(long, value_name = "CODE")]
        program: Option<String>,
        /// The instrument the forms were filled in with (its code)
        #[arg(long, value_name = "CODE")]
        instrument: String,
        /// pre, post or followup (default: pre for needs analyses, followup for behaviour and results, else post)
        #[arg(long)]
        phase: Option<String>,
        /// Replace forms already entered for the same respondents
        #[arg(long)]
        replace: bool,
    },
    /// Observation checklists (behaviour at work): nip, the session columns (TGL, PENGAMAT, TEMPAT),
    /// one column per item and CODE.note for evidence notes; all or nothing
    Observations {
        /// The file to read (CSV or XLSX)
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// The program's code
        #[arg(long, value_name = "CODE")]
        program: String,
        /// The checklist (e.g. OBS-KOMUNIKASI)
        #[arg(long, value_name = "CODE")]
        instrument: String,
        /// pre (baseline), f1, f2, f3 (follow-ups), m6 (results); also post and followup
        #[arg(long)]
        phase: String,
        /// Replace forms already entered for the same participants
        #[arg(long)]
        replace: bool,
    },
    /// Supervisor interviews: nip (the participant), TGL, PEWAWANCARA, ATASAN (NIP or name), T1…T5,
    /// HAMBATAN, PENDORONG (codes joined by ;), CATATAN; all or nothing
    Interviews {
        /// The file to read (CSV or XLSX)
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// The program's code
        #[arg(long, value_name = "CODE")]
        program: String,
        /// The interview guide
        #[arg(long, value_name = "CODE", default_value = "WAWANCARA-ATASAN")]
        instrument: String,
        /// f1, f2, f3 (follow-ups), m6 (results); also pre, post and followup
        #[arg(long)]
        phase: String,
        /// Replace interviews already entered for the same participants
        #[arg(long)]
        replace: bool,
    },
    /// Pre/post test scores: nip,pre,post; all or nothing
    Scores {
        /// The file to read (CSV or XLSX)
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// The program's code
        #[arg(long, value_name = "CODE")]
        program: String,
        /// The highest possible score
        #[arg(long, default_value_t = 100.0)]
        max: f64,
    },
    /// Participants: nip,nama,jabatan,golongan,unit (CSV or XLSX); all or nothing
    Participants {
        /// The file to read (CSV or XLSX)
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// Also enroll everyone in this program
        #[arg(long, value_name = "CODE")]
        program: Option<String>,
    },
}

/// What every command needs to know about its run.
pub struct Context {
    pub lang: Lang,
    pub db: PathBuf,
    pub user: Username,
    pub enforced: bool,
    pub today: NaiveDate,
    /// Why `db` is where it is (the first-run page says so).
    pub db_from: crate::app::first_run::PathFrom,
}

impl Context {
    /// Opens the database for a user registered in it with the capability needed (None: any active user).
    pub fn open(&self, need: Option<Capability>) -> Result<Store, CliError> {
        let store = Store::open(&self.db, self.user.clone(), OpenMode::Existing)?;
        announce_migration(&store, self.lang);
        authorize(&store, &self.user, need)?;
        Ok(store)
    }
}

/// Says on standard error that opening migrated an older database, and where the copy from before is.
pub(crate) fn announce_migration(store: &Store, lang: Lang) {
    if let Some(m) = store.migrated() {
        eprintln!(
            "tilik: {}",
            crate::i18n::Msg::DbMigrated.fill(lang, &[&m.from, &m.to, &m.backup.display()])
        );
    }
}

/// Writes a line to standard output; a closed pipe (`tilik … | head`) is not an error.
pub(crate) fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    note_output(writeln!(out, "{line}").and_then(|()| out.flush()));
}

/// The first failure to write standard output (other than a closed pipe): a full disk must not
/// end in exit status 0.
static OUTPUT_FAILED: std::sync::OnceLock<std::io::Error> = std::sync::OnceLock::new();

fn note_output(result: std::io::Result<()>) {
    if let Err(e) = result
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let _ = OUTPUT_FAILED.set(e);
    }
}

/// Writes text to standard output as it is; a closed pipe is not an error.
pub(crate) fn say_raw(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    note_output(out.write_all(text.as_bytes()).and_then(|()| out.flush()));
}

/// Checks that `user` may use the database, and do `need`.
pub fn authorize(store: &Store, user: &Username, need: Option<Capability>) -> Result<(), CliError> {
    let found = store
        .user_named(user.as_str())?
        .ok_or_else(|| CliError::NotRegistered(user.clone()))?;
    if !found.active {
        return Err(CliError::Disabled(user.clone()));
    }
    if let Some(cap) = need
        && !found.role.can(cap)
    {
        return Err(CliError::Forbidden {
            user: user.clone(),
            role: found.role,
        });
    }
    Ok(())
}

/// The process entry point.
pub fn main() -> ExitCode {
    let enforced = identity::is_enforced();
    if enforced {
        // Files tilik creates for the data group (the database, its WAL) are shared with the group only.
        nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o007));
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    // Generated from the definitions above; they need no database, configuration or account.
    let generated = match &cli.command {
        Some(Command::Completions { shell }) => {
            Some(shell::completions(*shell, &mut std::io::stdout().lock()))
        }
        Some(Command::Man) => Some(shell::man_page(&mut std::io::stdout().lock())),
        _ => None,
    };
    if let Some(written) = generated {
        return match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                let lang = cli.lang.unwrap_or_default();
                eprintln!("tilik: {}", CliError::Output(e).localize(lang));
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        };
    }
    let env = |name: &str| std::env::var(name).ok();
    let system = config::read(std::path::Path::new(config::SYSTEM_CONFIG));
    let user_config = if enforced {
        Ok(config::Config::default())
    } else {
        config::user_config_path().map_or(Ok(config::Config::default()), |p| config::read(&p))
    };
    let configured_lang = system
        .as_ref()
        .ok()
        .and_then(|c| c.lang.clone())
        .or_else(|| user_config.as_ref().ok().and_then(|c| c.lang.clone()))
        .and_then(|l| Lang::parse(&l));
    let lang = cli
        .lang
        .or_else(|| {
            let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .any(|v| env(v).is_some_and(|s| Lang::parse(&s).is_some()));
            from_env.then(|| Lang::from_locale(env))
        })
        .or(configured_lang)
        .unwrap_or_default();
    let result =
        run(cli, lang, enforced, system, user_config).and_then(|code| match OUTPUT_FAILED.get() {
            Some(e) => Err(CliError::Output(std::io::Error::new(
                e.kind(),
                e.to_string(),
            ))),
            None => Ok(code),
        });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tilik: {}", e.localize(lang));
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(
    cli: Cli,
    lang: Lang,
    enforced: bool,
    system: Result<config::Config, config::ConfigError>,
    user_config: Result<config::Config, config::ConfigError>,
) -> Result<ExitCode, CliError> {
    let system = system?;
    let user_config = user_config?;
    let env = std::env::var_os("TILIK_DB").map(PathBuf::from);
    let db = config::database_path(&Sources {
        flag: cli.db.as_deref(),
        env: env.clone(),
        system: &system,
        user: &user_config,
        enforced,
    })?;
    let db_from = {
        use crate::app::first_run::PathFrom;
        if enforced {
            PathFrom::Enforced(PathBuf::from(config::SYSTEM_CONFIG))
        } else if cli.db.is_some() {
            PathFrom::Flag
        } else if env.is_some_and(|p| !p.as_os_str().is_empty()) {
            PathFrom::Env
        } else if system.db.is_some() {
            PathFrom::Config(PathBuf::from(config::SYSTEM_CONFIG))
        } else if user_config.db.is_some() {
            PathFrom::Config(config::user_config_path().unwrap_or_default())
        } else {
            PathFrom::Default
        }
    };
    let ctx = Context {
        lang,
        db,
        user: identity::current_user()?,
        enforced,
        today: crate::domain::date::today_wib(chrono::Utc::now()),
        db_from,
    };
    commands::dispatch(&ctx, cli.command)
}
