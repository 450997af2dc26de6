//! Where the database is, from the command line, the environment and the config files.
//!
//! Order: `--db`, then `$TILIK_DB`, then `db = …` in `/etc/tilik/config.toml`, then in the user's config
//! file, then `tilik.db` in the user's data folder. In the enforced deployment only `/etc/tilik/config.toml`
//! counts: no variable or user file can point tilik at another database.

use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const SYSTEM_CONFIG: &str = "/etc/tilik/config.toml";

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Path of the database.
    pub db: Option<PathBuf>,
    /// Interface language, `id` or `en`.
    pub lang: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("no database is configured in {0}")]
    NotConfigured(PathBuf),
    #[error("--db and TILIK_DB are not allowed in the enforced deployment")]
    PathNotAllowed,
    #[error("no home folder to keep the database in")]
    NoHome,
}

/// Reads a config file; a missing file is an empty config.
pub fn read(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("id", "tilik", "tilik")
}

/// The user's own config file (`~/.config/tilik/config.toml` on Linux).
pub fn user_config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.toml"))
}

/// Everything the process was told about where things are.
pub struct Sources<'a> {
    pub flag: Option<&'a Path>,
    pub env: Option<PathBuf>,
    pub system: &'a Config,
    pub user: &'a Config,
    pub enforced: bool,
}

/// The database path, following the order in the module documentation.
pub fn database_path(s: &Sources<'_>) -> Result<PathBuf, ConfigError> {
    if s.enforced {
        let configured = s
            .system
            .db
            .clone()
            .ok_or_else(|| ConfigError::NotConfigured(PathBuf::from(SYSTEM_CONFIG)))?;
        let other = s
            .flag
            .map(Path::to_path_buf)
            .or_else(|| s.env.clone())
            .filter(|p| p != &configured);
        return match other {
            Some(_) => Err(ConfigError::PathNotAllowed),
            None => Ok(configured),
        };
    }
    if let Some(flag) = s.flag {
        return Ok(flag.to_path_buf());
    }
    if let Some(env) = s.env.clone().filter(|p| !p.as_os_str().is_empty()) {
        return Ok(env);
    }
    if let Some(db) = s.system.db.clone().or_else(|| s.user.db.clone()) {
        return Ok(db);
    }
    dirs()
        .map(|d| d.data_dir().join("tilik.db"))
        .ok_or(ConfigError::NoHome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(db: Option<&str>) -> Config {
        Config {
            db: db.map(PathBuf::from),
            lang: None,
        }
    }

    #[test]
    fn flag_then_env_then_system_then_user() {
        let system = cfg(Some("/srv/sys.db"));
        let user = cfg(Some("/home/u/u.db"));
        let mut s = Sources {
            flag: Some(Path::new("a.db")),
            env: Some(PathBuf::from("b.db")),
            system: &system,
            user: &user,
            enforced: false,
        };
        assert_eq!(database_path(&s).ok(), Some(PathBuf::from("a.db")));
        s.flag = None;
        assert_eq!(database_path(&s).ok(), Some(PathBuf::from("b.db")));
        s.env = None;
        assert_eq!(database_path(&s).ok(), Some(PathBuf::from("/srv/sys.db")));
        let empty = cfg(None);
        s.system = &empty;
        assert_eq!(database_path(&s).ok(), Some(PathBuf::from("/home/u/u.db")));
    }

    #[test]
    fn enforced_mode_trusts_only_the_system_config() {
        let system = cfg(Some("/var/lib/tilik/tilik.db"));
        let user = cfg(Some("/tmp/evil.db"));
        let mut s = Sources {
            flag: None,
            env: Some(PathBuf::from("/tmp/evil.db")),
            system: &system,
            user: &user,
            enforced: true,
        };
        assert!(matches!(
            database_path(&s),
            Err(ConfigError::PathNotAllowed)
        ));
        s.env = None;
        assert_eq!(
            database_path(&s).ok(),
            Some(PathBuf::from("/var/lib/tilik/tilik.db"))
        );
        s.flag = Some(Path::new("/var/lib/tilik/tilik.db"));
        assert!(database_path(&s).is_ok());
        let empty = cfg(None);
        s.system = &empty;
        assert!(matches!(
            database_path(&s),
            Err(ConfigError::NotConfigured(_))
        ));
    }

    #[test]
    fn config_files_parse_and_missing_is_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        assert_eq!(read(&path).ok(), Some(Config::default()));
        std::fs::write(&path, "db = \"/srv/tilik.db\"\nlang = \"en\"\n").expect("write");
        let c = read(&path).expect("valid");
        assert_eq!(c.db, Some(PathBuf::from("/srv/tilik.db")));
        std::fs::write(&path, "dbx = 1\n").expect("write");
        assert!(matches!(read(&path), Err(ConfigError::Parse { .. })));
    }
}
