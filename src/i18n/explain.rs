//! How errors from every layer read, in the user's language. The words are catalog entries.

use super::{Lang, Localize, Msg};
use crate::config::ConfigError;
use crate::domain::instrument::DefinitionError;
use crate::domain::name::NameError;
use crate::domain::nip::NipError;
use crate::domain::problem::Problem;
use crate::domain::user::Role;
use crate::import::table::ReadError;
use crate::store::{Entity, StoreError};

/// Why a file operation failed, in the user's language where the reason is a common one.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let msg = match e.kind() {
        K::PermissionDenied => Msg::IoPermission,
        K::NotFound => Msg::IoNotFound,
        K::AlreadyExists | K::NotADirectory => Msg::IoNotAFolder,
        K::StorageFull => Msg::IoDiskFull,
        K::ReadOnlyFilesystem => Msg::IoReadOnly,
        _ => return e.to_string(),
    };
    msg.text(lang).to_string()
}

/// A sentence as a problem after a field name ("kolom TGL: …"): lower case first.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "-0" and "-0.00" (from -0.0, or rounding a tiny negative) read as a sign error: drop the sign.
pub fn no_negative_zero(s: String) -> String {
    match s.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => s,
    }
}

/// Numbers as people read them: no trailing `.0`, decimal comma in Indonesian.
pub fn number(v: f64, lang: Lang) -> String {
    let s = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    };
    let s = no_negative_zero(s);
    match lang {
        Lang::Id => s.replace('.', ","),
        Lang::En => s,
    }
}

impl Localize for NipError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            NipError::Empty => Msg::NipEmpty.text(lang).to_string(),
            NipError::Length { got } => Msg::NipLength.fill(lang, &[got]),
            NipError::NotDigits { position } => Msg::NipNotDigits.fill(lang, &[position]),
            NipError::BirthDate => Msg::NipBirthDate.text(lang).to_string(),
            NipError::BirthInFuture => Msg::NipBirthFuture.text(lang).to_string(),
            NipError::TmtMonth { month } => Msg::NipTmtMonth.fill(lang, &[month]),
            NipError::TmtBeforeAdult => Msg::NipTmtBeforeAdult.text(lang).to_string(),
            NipError::Gender { digit } => Msg::NipGender.fill(lang, &[digit]),
            NipError::Sequence => Msg::NipSequence.text(lang).to_string(),
        }
    }
}

impl Localize for DefinitionError {
    fn localize(&self, lang: Lang) -> String {
        use DefinitionError as D;
        match self {
            D::MissingCode => Msg::DefMissingCode.text(lang).to_string(),
            D::MissingTitle => Msg::DefMissingTitle.text(lang).to_string(),
            D::NoItems => Msg::DefNoItems.text(lang).to_string(),
            D::BadItemCode(c) => Msg::DefBadItemCode.fill(lang, &[&crate::text::visible(c)]),
            D::DuplicateItem(c) => Msg::DefDuplicateItem.fill(lang, &[c]),
            D::EmptyScale { item } => Msg::DefEmptyScale.fill(lang, &[item]),
            D::LabelCount {
                item,
                labels,
                points,
            } => Msg::DefLabelCount.fill(lang, &[item, labels, points]),
            D::MinAboveMax { item } => Msg::DefMinAboveMax.fill(lang, &[item]),
            D::NoOptions { item } => Msg::DefNoOptions.fill(lang, &[item]),
            D::DuplicateOption { item, code } => Msg::DefDuplicateOption.fill(lang, &[item, code]),
            D::BadCorrect { item, code } => Msg::DefBadCorrect.fill(lang, &[item, code]),
            D::BadCondition(c) => Msg::DefBadCondition.fill(lang, &[&crate::text::visible(c)]),
            D::ConditionOrder { item, other } => Msg::DefConditionOrder.fill(lang, &[item, other]),
            D::MissingText { item } => Msg::DefMissingText.fill(lang, &[item]),
            D::UnknownLevel(l) => Msg::DefUnknownLevel.fill(lang, &[&crate::text::visible(l)]),
            D::UnknownType { item, kind } => {
                Msg::DefUnknownType.fill(lang, &[item, &crate::text::visible(kind)])
            }
            D::UnknownRole { item, role } => {
                Msg::DefUnknownRole.fill(lang, &[item, &crate::text::visible(role)])
            }
            D::BadObjective { item } => Msg::DefBadObjective.fill(lang, &[item]),
            D::RoleKind { item, role } => Msg::DefRoleKind.fill(lang, &[item, role]),
            D::RoleTwice { role } => Msg::DefRoleTwice.fill(lang, &[role]),
            D::RoleLevel { item } => Msg::DefRoleLevel.fill(lang, &[item]),
            D::Toml(m) => Msg::DefToml.fill(lang, &[&crate::text::visible(m)]),
        }
    }
}

impl Localize for NameError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            NameError::Empty => Msg::ProblemRequired.text(lang).to_string(),
            NameError::TooLong { max } => Msg::ProblemTooLong.fill(lang, &[max]),
        }
    }
}

impl Localize for Problem {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Problem::Required => Msg::ProblemRequired.text(lang).to_string(),
            Problem::TooLong { max } => Msg::ProblemTooLong.fill(lang, &[max]),
            Problem::Nip(e) => e.localize(lang),
            Problem::Name(e) => e.localize(lang),
            Problem::UnknownGolongan(g) => Msg::ProblemGolongan.fill(lang, &[g]),
            Problem::Date => Msg::ProblemDate.text(lang).to_string(),
            Problem::EndBeforeStart => Msg::ProblemEndBeforeStart.text(lang).to_string(),
            Problem::Number => Msg::ProblemNumber.text(lang).to_string(),
            Problem::Range { min, max } => {
                Msg::ProblemRange.fill(lang, &[&number(*min, lang), &number(*max, lang)])
            }
            Problem::Decimals { max } => Msg::ProblemDecimals.fill(lang, &[max]),
            Problem::Code => Msg::ProblemCode.text(lang).to_string(),
            Problem::DuplicateInFile { first_line } => {
                Msg::ProblemDuplicateInFile.fill(lang, &[first_line])
            }
            Problem::UnknownProgram(code) => Msg::ErrUnknownProgram.fill(lang, &[code]),
            Problem::UnknownChoice(v) => Msg::ProblemUnknownChoice.fill(lang, &[v]),
            Problem::LossyNumber => Msg::ProblemLossyNumber.text(lang).to_string(),
            Problem::Email => Msg::ProblemEmail.text(lang).to_string(),
            Problem::SelfSupervisor => Msg::ProblemSelfSupervisor.text(lang).to_string(),
            Problem::UnknownAtasan(nip) => Msg::ErrUnknownAtasan.fill(lang, &[nip]),
            Problem::UnknownItem(code) => {
                Msg::ProblemUnknownItem.fill(lang, &[&crate::text::visible(code)])
            }
            Problem::AnsweredSkipped => Msg::ProblemAnsweredSkipped.text(lang).to_string(),
            Problem::UnknownNip(nip) => Msg::ProblemUnknownNip.fill(lang, &[nip]),
            Problem::NotEnrolled(nip) => Msg::ProblemNotEnrolled.fill(lang, &[nip]),
            Problem::AlreadyEntered => Msg::ProblemAlreadyEntered.text(lang).to_string(),
            Problem::NotPositive => Msg::ProblemNotPositive.text(lang).to_string(),
            Problem::NotIncreasing => Msg::ProblemNotIncreasing.text(lang).to_string(),
            Problem::FutureDate => lower_first(Msg::EntryDateFuture.text(lang)),
            Problem::AtasanNotRegistered(nip) => Msg::ProblemAtasanNotRegistered.fill(lang, &[nip]),
            Problem::MoreThanDue(due) => Msg::ProblemMoreThanDue.fill(lang, &[&number(*due, lang)]),
            Problem::NoSuchObjective { asked, has } => {
                Msg::ProblemNoSuchObjective.fill(lang, &[asked, has])
            }
            Problem::BeforeTrainingEnd(d) => lower_first(
                &Msg::EntryDateBeforeEnd.fill(lang, &[&crate::domain::date::format(*d)]),
            ),
            Problem::AfterTrainingStart(d) => lower_first(
                &Msg::EntryDateAfterStart.fill(lang, &[&crate::domain::date::format(*d)]),
            ),
            Problem::TooMany { max } => Msg::ProblemTooMany.fill(lang, &[max]),
            Problem::StoredAboveMax { stored, max } => Msg::ProblemStoredAboveMax
                .fill(lang, &[&number(*stored, lang), &number(*max, lang)]),
        }
    }
}

impl Role {
    pub fn label(self) -> Msg {
        match self {
            Role::Admin => Msg::RoleAdmin,
            Role::Evaluator => Msg::RoleEvaluator,
            Role::Operator => Msg::RoleOperator,
            Role::Verifier => Msg::RoleVerifier,
            Role::Viewer => Msg::RoleViewer,
        }
    }
}

impl crate::domain::jabatan::JabatanLevel {
    pub fn label(self) -> Msg {
        use crate::domain::jabatan::JabatanLevel as J;
        match self {
            J::JptUtama => Msg::LevelJptUtama,
            J::JptMadya => Msg::LevelJptMadya,
            J::JptPratama => Msg::LevelJptPratama,
            J::Administrator => Msg::LevelAdministrator,
            J::Pengawas => Msg::LevelPengawas,
            J::Pelaksana => Msg::LevelPelaksana,
            J::AhliPertama => Msg::LevelAhliPertama,
            J::AhliMuda => Msg::LevelAhliMuda,
            J::AhliMadya => Msg::LevelAhliMadya,
            J::AhliUtama => Msg::LevelAhliUtama,
            J::Pemula => Msg::LevelPemula,
            J::Terampil => Msg::LevelTerampil,
            J::Mahir => Msg::LevelMahir,
            J::Penyelia => Msg::LevelPenyelia,
        }
    }
}

/// The name of an isolation method (see [`crate::domain::results::ISOLATION_METHODS`]).
pub fn isolation_label(code: &str) -> Msg {
    match code {
        "kelompok_kontrol" => Msg::IsolationControl,
        "analisis_tren" => Msg::IsolationTrend,
        "estimasi_peserta" => Msg::IsolationParticipants,
        "estimasi_atasan" => Msg::IsolationSupervisors,
        "lainnya" => Msg::IsolationOther,
        _ => Msg::IsolationNone,
    }
}

impl crate::domain::followup::Due {
    pub fn label(self) -> Msg {
        use crate::domain::followup::Due;
        match self {
            Due::Overdue => Msg::DueOverdue,
            Due::ThisWeek => Msg::DueThisWeek,
            Due::Later => Msg::DueLater,
            Due::Done => Msg::DueDone,
            Due::Cancelled => Msg::DueCancelled,
        }
    }
}

impl crate::domain::instrument::Level {
    pub fn label(self) -> Msg {
        use crate::domain::instrument::Level;
        match self {
            Level::Needs => Msg::LevelNeeds,
            Level::Reaction => Msg::LevelReaction,
            Level::Learning => Msg::LevelLearning,
            Level::Behavior => Msg::LevelBehavior,
            Level::Results => Msg::LevelResults,
        }
    }
}

impl Entity {
    pub fn label(self) -> Msg {
        match self {
            Entity::Opd => Msg::EntityOpd,
            Entity::Asn => Msg::EntityAsn,
            Entity::Program => Msg::EntityProgram,
            Entity::Provider => Msg::EntityProvider,
            Entity::Enrollment => Msg::EntityEnrollment,
            Entity::Objective => Msg::EntityObjective,
            Entity::Behaviour => Msg::EntityBehaviour,
            Entity::CostLine => Msg::EntityCostLine,
            Entity::User => Msg::EntityUser,
            Entity::Instrument => Msg::EntityInstrument,
            Entity::Response => Msg::EntityResponse,
            Entity::Score => Msg::EntityScore,
            Entity::Discrepancy => Msg::EntityDiscrepancy,
            Entity::Activity => Msg::EntityActivity,
            Entity::Followup => Msg::EntityFollowup,
            Entity::Action => Msg::EntityAction,
        }
    }
}

impl Localize for StoreError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            StoreError::Missing(p) => Msg::ErrDbMissing.fill(lang, &[&p.display()]),
            StoreError::CannotOpen { path, source } => {
                Msg::ErrDbCannotOpen.fill(lang, &[&path.display(), source])
            }
            StoreError::CannotCreateFolder { path, source } => Msg::ErrDbCannotCreateFolder
                .fill(lang, &[&path.display(), &io_reason(source, lang)]),
            StoreError::CannotAccess { path, source } => {
                Msg::ErrDbCannotAccess.fill(lang, &[&path.display(), &io_reason(source, lang)])
            }
            StoreError::Corrupt => Msg::ErrDbCorrupt.text(lang).to_string(),
            StoreError::TooNew { found, supported } => {
                Msg::ErrDbTooNew.fill(lang, &[found, supported])
            }
            StoreError::SqliteTooOld { found, needed } => {
                Msg::ErrSqliteTooOld.fill(lang, &[found, needed])
            }
            StoreError::Busy => Msg::ErrDbBusy.text(lang).to_string(),
            StoreError::ReadOnly => Msg::ErrDbReadOnly.text(lang).to_string(),
            StoreError::DiskFull => Msg::ErrDiskFull.text(lang).to_string(),
            StoreError::Conflict { entity, by, at, .. } => Msg::ErrConflict.fill(
                lang,
                &[
                    &entity.label().text(lang),
                    &crate::text::visible(by),
                    &crate::domain::date::format_stamp(at),
                ],
            ),
            StoreError::Duplicate { entity, key } => Msg::ErrDuplicate.fill(
                lang,
                &[&entity.label().text(lang), &crate::text::visible(key)],
            ),
            StoreError::NotFound { entity, key } => Msg::ErrNotFound.fill(
                lang,
                &[&entity.label().text(lang), &crate::text::visible(key)],
            ),
            StoreError::InUse { entity, .. } => {
                Msg::ErrInUse.fill(lang, &[&entity.label().text(lang)])
            }
            StoreError::Forbidden => Msg::ErrForbiddenShort.text(lang).to_string(),
            StoreError::LastAdmin => Msg::ErrLastAdmin.text(lang).to_string(),
            StoreError::SameKeyer => Msg::ErrSameKeyer.text(lang).to_string(),
            StoreError::OutOfScope => Msg::ErrOutOfScope.text(lang).to_string(),
            StoreError::OwnKeying => Msg::ErrOwnKeying.text(lang).to_string(),
            StoreError::Interrupted => Msg::ErrInterrupted.text(lang).to_string(),
            StoreError::BackupBeforeMigrating { path, source } => Msg::ErrBackupBeforeMigrating
                .fill(lang, &[&path.display(), &io_reason(source, lang)]),
            StoreError::Sqlite(e) => Msg::ErrDb.fill(lang, &[e]),
        }
    }
}

impl Localize for ConfigError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ConfigError::Read { path, source } => {
                Msg::ErrConfigRead.fill(lang, &[&path.display(), source])
            }
            ConfigError::Parse { path, message } => {
                Msg::ErrConfigParse.fill(lang, &[&path.display(), message])
            }
            ConfigError::NotConfigured(path) => Msg::ErrConfigNoDb.fill(lang, &[&path.display()]),
            ConfigError::PathNotAllowed => Msg::ErrPathNotAllowed.text(lang).to_string(),
            ConfigError::NoHome => Msg::ErrNoHome.text(lang).to_string(),
        }
    }
}

impl Localize for ReadError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ReadError::Open { path, source } => {
                Msg::ErrFileOpen.fill(lang, &[&path.display(), &io_reason(source, lang)])
            }
            ReadError::Empty => Msg::ErrFileEmpty.text(lang).to_string(),
            ReadError::UnsupportedType => Msg::ErrFileType.text(lang).to_string(),
            ReadError::Csv { line, message } => Msg::ErrCsv.fill(lang, &[line, message]),
            ReadError::Xlsx(m) => Msg::ErrXlsx.fill(lang, &[m]),
            ReadError::DuplicateColumn(c) => {
                Msg::ErrDuplicateColumn.fill(lang, &[&crate::text::visible(c)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(0.0, "0")]
    #[case(-0.0, "0")]
    #[case(2.5, "2,5")]
    #[case(-2.5, "-2,5")]
    #[case(491.0, "491")]
    fn numbers_read_naturally(#[case] v: f64, #[case] shown: &str) {
        assert_eq!(number(v, Lang::Id), shown);
    }

    #[test]
    fn an_empty_sum_is_not_minus_zero() {
        let empty: [f64; 0] = [];
        assert_eq!(number(empty.iter().sum(), Lang::En), "0");
        assert_eq!(crate::i18n::words::fixed(-0.001, 2, Lang::Id), "0,00");
        assert_eq!(crate::i18n::words::fixed(-0.5, 1, Lang::En), "-0.5");
    }
}
