//! Who is running tilik, and whether tilik runs in the enforced (setgid) deployment.
//!
//! The user is the account of the *real* uid, looked up in the password database. `$USER` and `$LOGNAME`
//! are never consulted: anyone can set them.

use crate::domain::user::{BadUsername, Username};
use nix::unistd::{Gid, Uid, User, getegid, getgid, getuid};

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("uid {0} has no entry in the password database")]
    Unknown(Uid),
    #[error("cannot read the password database: {0}")]
    Lookup(nix::Error),
    #[error("account name {0:?} is not usable")]
    BadName(String),
}

/// The login name of the real user running this process.
pub fn current_user() -> Result<Username, IdentityError> {
    let uid = getuid();
    let user = User::from_uid(uid)
        .map_err(IdentityError::Lookup)?
        .ok_or(IdentityError::Unknown(uid))?;
    Username::parse(&user.name).map_err(|BadUsername| IdentityError::BadName(user.name.clone()))
}

/// The user's home folder, from the password database (not `$HOME`).
pub fn home_folder() -> Option<std::path::PathBuf> {
    User::from_uid(getuid()).ok().flatten().map(|u| u.dir)
}

/// Whether an account of this name exists on this machine.
pub fn account_exists(name: &str) -> bool {
    matches!(User::from_name(name), Ok(Some(_)))
}

/// Running setgid to the tilik data group (the enforced deployment): the real and effective groups differ.
pub fn is_enforced() -> bool {
    enforced_by(getgid(), getegid())
}

fn enforced_by(real: Gid, effective: Gid) -> bool {
    real != effective
}

/// Gives up the setgid group for work done on the user's behalf (writing exports with their identity).
/// Returns the group to take back afterwards.
pub fn drop_group() -> nix::Result<Gid> {
    let effective = getegid();
    nix::unistd::setegid(getgid())?;
    Ok(effective)
}

/// Takes the data group back after [`drop_group`].
pub fn restore_group(gid: Gid) -> nix::Result<()> {
    nix::unistd::setegid(gid)
}

/// Writes an export with the user's own identity: in the enforced deployment the data group is given up
/// while the file is written, so the file belongs to the user and tilik's group cannot be used to write
/// anywhere the user could not.
///
/// The bytes go to a temporary file beside `path`, which is renamed into place at the end: `path` is
/// never half-written.
pub fn write_as_user(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    write_as_user_unless_stopped(path, bytes, || true)
}

/// [`write_as_user`], asking `go_on()` before the file is renamed into place: when it says no (the
/// user pressed Ctrl-C), the temporary file is removed, `path` is left as it was, and the error is
/// `ErrorKind::Interrupted`.
pub fn write_as_user_unless_stopped(
    path: &std::path::Path,
    bytes: &[u8],
    go_on: impl Fn() -> bool,
) -> std::io::Result<()> {
    let regained = if is_enforced() {
        Some(drop_group().map_err(std::io::Error::other)?)
    } else {
        None
    };
    let written = write_whole(path, bytes, go_on);
    if let Some(gid) = regained {
        restore_group(gid).map_err(std::io::Error::other)?;
    }
    written
}

/// Writes through a temporary file beside `path` (see [`write_as_user`]).
fn write_whole(
    path: &std::path::Path,
    bytes: &[u8],
    go_on: impl Fn() -> bool,
) -> std::io::Result<()> {
    use std::io::Write;
    // A device or a pipe (`-o /dev/stdout`) cannot be replaced by a rename: written directly.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return std::fs::write(path, bytes);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tilik".into());
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = std::fs::File::create_new(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    let result = written.and_then(|()| {
        if go_on() {
            std::fs::rename(&tmp, path)
        } else {
            Err(std::io::ErrorKind::Interrupted.into())
        }
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_user_is_a_real_account() {
        let me = current_user().expect("the test runs as a real account");
        assert!(!me.as_str().is_empty());
    }

    #[test]
    fn a_file_is_replaced_whole_and_a_device_written_directly() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").expect("write");
        write_as_user(&path, b"new").expect("replaced");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let stopped = write_as_user_unless_stopped(&path, b"newer", || false);
        assert_eq!(
            stopped.map_err(|e| e.kind()),
            Err(std::io::ErrorKind::Interrupted)
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            b"new",
            "left as it was"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("folder")
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
        write_as_user(std::path::Path::new("/dev/null"), b"x").expect("a device");
    }

    #[test]
    fn enforced_only_when_groups_differ() {
        assert!(!enforced_by(Gid::from_raw(5), Gid::from_raw(5)));
        assert!(enforced_by(Gid::from_raw(5), Gid::from_raw(6)));
    }
}
