//! The one error type that reaches the process edge, and how it reads.

use crate::config::ConfigError;
use crate::domain::user::{Role, Username};
use crate::i18n::{Lang, Localize, Msg};
use crate::identity::IdentityError;
use crate::import::table::ReadError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{0} is not a tilik user")]
    NotRegistered(Username),
    #[error("{0} is disabled")]
    Disabled(Username),
    #[error("{user} ({role:?}) may not do this")]
    Forbidden { user: Username, role: Role },
    #[error("unknown program {0}")]
    UnknownProgram(String),
    /// Input refused; the lines (already in the user's language) say why. Nothing was written.
    #[error("input refused")]
    Refused(Vec<String>),
    #[error("the database already holds data")]
    NotEmpty,
    #[error("output failed: {0}")]
    Output(#[from] std::io::Error),
    /// A file named on the command line could not be read.
    #[error("cannot read {path}: {source}")]
    ReadFile {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A file named on the command line could not be written.
    #[error("cannot write {path}: {source}")]
    WriteFile {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("terminal: {0}")]
    Terminal(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Refused(_) | CliError::UnknownProgram(_) => 3,
            // Stopped by Ctrl-C (or SIGTERM, a hang-up): 128 + SIGINT, as a shell reports it.
            CliError::Store(StoreError::Interrupted) => 130,
            _ => 1,
        }
    }
}

impl Localize for CliError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            CliError::Config(e) => e.localize(lang),
            CliError::Identity(e) => Msg::ErrIdentity.fill(lang, &[&e]),
            CliError::Store(e) => e.localize(lang),
            CliError::Read(e) => e.localize(lang),
            CliError::NotRegistered(u) => Msg::ErrNotRegistered.fill(lang, &[u]),
            CliError::Disabled(u) => Msg::ErrDisabled.fill(lang, &[u]),
            CliError::Forbidden { user, role } => {
                Msg::ErrForbidden.fill(lang, &[user, &role.label().text(lang)])
            }
            CliError::UnknownProgram(code) => Msg::ErrUnknownProgram.fill(lang, &[code]),
            CliError::Refused(lines) => {
                let mut out = Msg::ErrRefused.fill(lang, &[&lines.len()]);
                for l in lines {
                    out.push_str("\n  ");
                    out.push_str(l);
                }
                out
            }
            CliError::NotEmpty => Msg::ErrNotEmpty.text(lang).to_string(),
            CliError::Output(e) => Msg::ErrOutput.fill(lang, &[&crate::i18n::io_reason(e, lang)]),
            CliError::ReadFile { path, source } => Msg::ErrFileOpen.fill(
                lang,
                &[&path.display(), &crate::i18n::io_reason(source, lang)],
            ),
            CliError::WriteFile { path, source } => Msg::ErrFileWrite.fill(
                lang,
                &[&path.display(), &crate::i18n::io_reason(source, lang)],
            ),
            CliError::Terminal(e) => Msg::ErrTerminal.fill(lang, &[e]),
        }
    }
}
