//! The enforced server deployment of docs/deploy.md, set up for real (issue 6, "Enforced deployment").
//!
//! Each test creates a data group, an admin and two clerks as real accounts (none of them in the group),
//! a data folder only the group may enter (mode 2770), `/etc/tilik/config.toml` pointing into it, and a copy
//! of the tilik binary owned by `root:<group>` with mode 2755 (setgid). Every command then runs as one of
//! those accounts through `runuser -u ACCOUNT -- …` (or `su` where runuser is missing), as on the server.
//!
//! The tests need root and the tools groupadd, groupdel, useradd, userdel and runuser (or su). Without them,
//! on a machine whose `/etc/tilik/config.toml` was not made by this test, or where setgid programs cannot
//! gain their group, each test prints a `skipped: …` line and passes. Everything a test creates (accounts,
//! group, config, binary copy, folders) is removed when it ends, also when it fails. The tests share the
//! machine-wide config file, so they run one at a time.

use nix::sys::statvfs::{FsFlags, statvfs};
use nix::unistd::{Gid, Group, Uid, User, chown};
use serde_json::Value;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const CONFIG_DIR: &str = "/etc/tilik";
const CONFIG: &str = "/etc/tilik/config.toml";

const SERVER_ONLY: &str = "--db and TILIK_DB do not apply on a server installation; the admin sets the \
                           database in /etc/tilik/config.toml";

const HEADER: &str = "nip,nama,jabatan,golongan,unit";
const BUDI: &str = "198504122010011003";
const SITI: &str = "199001012015032001";
const RINA: &str = "198710202012122002";

// ── Cleanup ──────────────────────────────────────────────────────────────────────────────────────────────

type Undo = Box<dyn FnOnce() -> Result<(), String>>;

/// Undoes what a test set up, newest first, when dropped: after success, a failed assertion or a skip.
#[derive(Default)]
struct Cleanup(Vec<(String, Undo)>);

impl Cleanup {
    fn push(&mut self, what: String, undo: impl FnOnce() -> Result<(), String> + 'static) {
        self.0.push((what, Box::new(undo)));
    }
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        while let Some((what, undo)) = self.0.pop() {
            if let Err(e) = undo() {
                eprintln!("cleanup: could not {what}: {e}");
            }
        }
    }
}

fn run_tool(program: &Path, args: &[&str]) -> Result<(), String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} {}: {}{}",
            program.display(),
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

// ── Setting the deployment up ────────────────────────────────────────────────────────────────────────────

/// A tool from PATH or the usual system folders (root's PATH in a test runner may lack the sbin folders).
fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// How a command is run as another account.
enum Runner {
    /// `runuser -u ACCOUNT -- PROGRAM ARGS…`
    Runuser(PathBuf),
    /// `su -s /bin/sh -c 'exec "$0" "$@"' -- ACCOUNT PROGRAM ARGS…`
    Su(PathBuf),
}

struct Tools {
    groupadd: PathBuf,
    groupdel: PathBuf,
    useradd: PathBuf,
    userdel: PathBuf,
    env: PathBuf,
    runner: Runner,
}

fn tools() -> Result<Tools, String> {
    let need = |name: &str| tool(name).ok_or_else(|| format!("the tool {name} is not installed"));
    let runner = match (tool("runuser"), tool("su")) {
        (Some(r), _) => Runner::Runuser(r),
        (None, Some(s)) => Runner::Su(s),
        (None, None) => return Err("neither runuser nor su is installed".into()),
    };
    Ok(Tools {
        groupadd: need("groupadd")?,
        groupdel: need("groupdel")?,
        useradd: need("useradd")?,
        userdel: need("userdel")?,
        env: need("env")?,
        runner,
    })
}

/// Whether this process runs with no_new_privs, under which the kernel ignores setgid bits.
fn no_new_privs() -> bool {
    fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .any(|l| l.starts_with("NoNewPrivs:") && l.split_whitespace().nth(1) != Some("0"))
    })
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {mode:o} {}: {e}", path.display()));
}

fn mode_of(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
        .mode()
        & 0o7777
}

/// One enforced deployment: accounts, group, folders, config and the setgid binary.
struct Deployment {
    group: String,
    gid: Gid,
    admin: String,
    clerk_a: String,
    clerk_b: String,
    /// The setgid copy of tilik.
    bin: PathBuf,
    /// The temporary folder everything else lives in (mode 0755, so the accounts can pass through it).
    root: PathBuf,
    /// The data folder: root:group, mode 2770.
    data: PathBuf,
    /// The configured database, inside `data`.
    db: PathBuf,
    /// A backup folder like /var/backups/tilik: root:group, mode 2770.
    backups: PathBuf,
    /// A folder everybody may write to (for paths a clerk must not be able to point tilik at).
    open: PathBuf,
    runner: Runner,
    env: PathBuf,
    /// Dropped last (fields drop in order): removes everything above.
    _cleanup: Cleanup,
}

/// Sets up a deployment, or says why it cannot and returns `None` (the test then passes as skipped).
fn deploy(test: &str) -> Option<Deployment> {
    let skip = |why: String| {
        println!("skipped: deploy::{test}: {why}");
        None
    };
    if !Uid::effective().is_root() {
        return skip(
            "needs root to create accounts, a group and a setgid binary (run the tests as root, e.g. in CI)"
                .into(),
        );
    }
    let tools = match tools() {
        Ok(t) => t,
        Err(why) => return skip(why),
    };
    if no_new_privs() {
        return skip(
            "this process runs with no_new_privs (a container or sandbox setting), so the kernel ignores \
             setgid bits and the enforced deployment cannot work here"
                .into(),
        );
    }
    if Path::new(CONFIG).exists() {
        return skip(format!(
            "{CONFIG} already exists and was not made by this test; it is left alone (remove it, or run \
             these tests on a machine without a tilik installation)"
        ));
    }

    let mut cleanup = Cleanup::default();
    let pid = std::process::id();
    let group = format!("tilikt{pid}");
    let admin = format!("tadmin{pid}");
    let clerk_a = format!("tclerk{pid}a");
    let clerk_b = format!("tclerk{pid}b");

    // The data group, and the accounts (each in its own group only: nobody is in the data group).
    run_tool(&tools.groupadd, &[&group]).expect("groupadd");
    let (groupdel, name) = (tools.groupdel.clone(), group.clone());
    cleanup.push(format!("remove the group {group}"), move || {
        run_tool(&groupdel, &[&name])
    });
    for account in [&admin, &clerk_a, &clerk_b] {
        run_tool(&tools.useradd, &["-M", "-s", "/bin/sh", account]).expect("useradd");
        let (userdel, name) = (tools.userdel.clone(), account.clone());
        cleanup.push(format!("remove the account {account}"), move || {
            run_tool(&userdel, &[&name])
        });
    }
    let data_group = Group::from_name(&group)
        .expect("group database")
        .expect("the new group exists");
    let gid = data_group.gid;
    for account in [&admin, &clerk_a, &clerk_b] {
        let user = User::from_name(account)
            .expect("password database")
            .expect("the new account exists");
        assert_ne!(user.gid, gid, "{account} must not have the data group");
        assert!(
            !data_group.mem.contains(account),
            "{account} must not be in the data group"
        );
    }

    // Folders: a temporary root everybody may pass through, with the data and backup folders in it.
    let root = tempfile::Builder::new()
        .prefix("tilik-deploy-")
        .tempdir()
        .expect("temporary folder")
        .keep();
    let remove = root.clone();
    cleanup.push(format!("remove {}", root.display()), move || {
        fs::remove_dir_all(&remove).map_err(|e| e.to_string())
    });
    set_mode(&root, 0o755);
    let group_folder = |name: &str| {
        let dir = root.join(name);
        fs::create_dir(&dir).expect("create a folder");
        chown(&dir, Some(Uid::from_raw(0)), Some(gid)).expect("chown root:group");
        set_mode(&dir, 0o2770);
        dir
    };
    let data = group_folder("data");
    let backups = group_folder("backups");
    let open = root.join("open");
    fs::create_dir(&open).expect("create a folder");
    set_mode(&open, 0o1777);
    let db = data.join("tilik.db");

    // The binary: a copy owned root:group, setgid, outside /tmp (often mounted nosuid).
    let bin_dir = PathBuf::from(format!("/usr/local/lib/tilik-test-{pid}"));
    fs::create_dir_all(&bin_dir).expect("create the folder for the binary");
    let remove = bin_dir.clone();
    cleanup.push(format!("remove {}", bin_dir.display()), move || {
        fs::remove_dir_all(&remove).map_err(|e| e.to_string())
    });
    set_mode(&bin_dir, 0o755);
    let nosuid = statvfs(&bin_dir).is_ok_and(|s| s.flags().contains(FsFlags::ST_NOSUID));
    if nosuid {
        return skip(format!(
            "{} is on a file system mounted nosuid: a setgid binary cannot work there",
            bin_dir.display()
        ));
    }
    let bin = bin_dir.join("tilik");
    fs::copy(env!("CARGO_BIN_EXE_tilik"), &bin).expect("copy the tilik binary");
    // chown clears the setgid bit, so the mode comes after it (as `install -o root -g tilik -m 2755` does).
    chown(&bin, Some(Uid::from_raw(0)), Some(gid)).expect("chown the binary");
    set_mode(&bin, 0o2755);
    assert_eq!(mode_of(&bin), 0o2755, "the binary must be setgid");

    // The machine-wide config, readable by all, writable by root.
    if !Path::new(CONFIG_DIR).exists() {
        fs::create_dir(CONFIG_DIR).expect("create /etc/tilik");
        set_mode(Path::new(CONFIG_DIR), 0o755);
        cleanup.push(format!("remove {CONFIG_DIR}"), || {
            fs::remove_dir(CONFIG_DIR).map_err(|e| e.to_string())
        });
    }
    fs::write(CONFIG, format!("db = \"{}\"\n", db.display())).expect("write the config");
    cleanup.push(format!("remove {CONFIG}"), || {
        fs::remove_file(CONFIG).map_err(|e| e.to_string())
    });
    set_mode(Path::new(CONFIG), 0o644);

    Some(Deployment {
        group,
        gid,
        admin,
        clerk_a,
        clerk_b,
        bin,
        root,
        data,
        db,
        backups,
        open,
        runner: tools.runner,
        env: tools.env,
        _cleanup: cleanup,
    })
}

// ── Running commands as the accounts ─────────────────────────────────────────────────────────────────────

impl Deployment {
    /// `PROGRAM ARGS…` as `account`, with `vars` set in its environment (after the account switch, so
    /// nothing in between can reset them). The rest of the environment is pinned.
    fn command_as(
        &self,
        account: &str,
        vars: &[(&str, &str)],
        program: &Path,
        args: &[&str],
    ) -> Command {
        let mut tail: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
        tail.push(program.display().to_string());
        tail.extend(args.iter().map(|a| a.to_string()));
        let mut cmd = match &self.runner {
            Runner::Runuser(runuser) => {
                let mut c = Command::new(runuser);
                c.args(["-u", account, "--"]).arg(&self.env);
                c
            }
            Runner::Su(su) => {
                let mut c = Command::new(su);
                c.args(["-s", "/bin/sh", "-c", "exec \"$0\" \"$@\"", "--", account])
                    .arg(&self.env);
                c
            }
        };
        cmd.args(&tail)
            .env_remove("TILIK_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("RUST_BACKTRACE")
            .env("LANG", "C")
            .current_dir(&self.root);
        cmd
    }

    /// `tilik --lang en ARGS…` as `account`.
    fn tilik_command(&self, account: &str, vars: &[(&str, &str)], args: &[&str]) -> Command {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        self.command_as(account, vars, &self.bin, &all)
    }

    fn tilik_with(&self, account: &str, vars: &[(&str, &str)], args: &[&str]) -> Output {
        self.tilik_command(account, vars, args)
            .output()
            .expect("run tilik as another account")
    }

    /// Runs tilik as `account`; it must succeed. Returns stdout.
    fn ok(&self, account: &str, args: &[&str]) -> String {
        self.ok_with(account, &[], args)
    }

    fn ok_with(&self, account: &str, vars: &[(&str, &str)], args: &[&str]) -> String {
        let out = self.tilik_with(account, vars, args);
        assert!(
            out.status.success(),
            "{account}: tilik {} should succeed\n{}",
            args.join(" "),
            describe(&out)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs tilik as `account`; it must fail with one `tilik: …` line on stderr. Returns that line.
    fn refused_with(&self, account: &str, vars: &[(&str, &str)], args: &[&str]) -> String {
        let out = self.tilik_with(account, vars, args);
        assert!(
            !out.status.success(),
            "{account}: tilik {} should be refused\n{}",
            args.join(" "),
            describe(&out)
        );
        let err = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
        assert!(
            err.starts_with("tilik: ") && !err.contains('\n'),
            "one sentence on stderr, got:\n{}",
            describe(&out)
        );
        err
    }

    fn refused(&self, account: &str, args: &[&str]) -> String {
        self.refused_with(account, &[], args)
    }

    fn json(&self, account: &str, args: &[&str]) -> Vec<Value> {
        let out = self.ok(account, args);
        match serde_json::from_str(&out) {
            Ok(Value::Array(rows)) => rows,
            other => panic!(
                "expected a JSON array from tilik {}: {other:?}",
                args.join(" ")
            ),
        }
    }

    /// A participant file in a folder every account can read.
    fn participants_file(&self) -> String {
        let path = self.root.join("peserta.csv");
        fs::write(
            &path,
            format!(
                "{HEADER}\n\
                 {BUDI},Budi Santoso,Kepala Seksi Pelayanan,III/d,Dinas Kesehatan\n\
                 {SITI},\"Dr. Siti Aminah, M.Si.\",Analis Kepegawaian,III/b,Badan Pendapatan Daerah\n\
                 {RINA},Rina Marlina,Pranata Komputer,III/c,Dinas Kesehatan\n"
            ),
        )
        .expect("write the participant file");
        set_mode(&path, 0o644);
        path.display().to_string()
    }

    /// The admin creates the database; `clerk_a` becomes an operator.
    fn init_with_operator(&self) {
        let out = self.ok(&self.admin, &["init"]);
        assert!(
            out.contains(&format!("{} is admin", self.admin)),
            "init names its admin: {out}"
        );
        let out = self.ok(
            &self.admin,
            &["user", "add", &self.clerk_a, "--role", "operator"],
        );
        assert!(out.contains("registered as Operator"), "{out}");
    }

    /// A file tilik made in the data folder: the data group's, readable and writable by it, nothing for
    /// others.
    fn assert_group_file(&self, path: &Path) {
        let meta = fs::metadata(path).unwrap_or_else(|e| panic!("stat {}: {e}", path.display()));
        let mode = meta.mode() & 0o777;
        assert_eq!(
            meta.gid(),
            self.gid.as_raw(),
            "{} must belong to the data group {}",
            path.display(),
            self.group
        );
        assert_eq!(
            mode & 0o007,
            0,
            "{} must give others no permission, mode {mode:o}",
            path.display()
        );
        assert_eq!(
            mode & 0o060,
            0o060,
            "{} must be readable and writable by the data group (clerks write through it), mode {mode:o}",
            path.display()
        );
    }
}

fn describe(out: &Output) -> String {
    format!(
        "status: {}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn lock() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn text<'a>(row: &'a Value, key: &str) -> &'a str {
    row.get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("row without text {key}: {row}"))
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────────────────

/// The admin (in no special group) creates the database and registers a clerk; the clerk works through
/// tilik but cannot touch the file; every file tilik makes in the data folder is the group's and no one
/// else's.
#[test]
fn clerks_reach_the_data_only_through_tilik() {
    let _one = lock();
    let Some(d) = deploy("clerks_reach_the_data_only_through_tilik") else {
        return;
    };
    d.init_with_operator();
    d.assert_group_file(&d.db);

    let programs = d.json(&d.clerk_a, &["program", "list", "--format", "json"]);
    assert!(
        programs.is_empty(),
        "a new database has no programs: {programs:?}"
    );
    let csv = d.participants_file();
    let out = d.ok(&d.clerk_a, &["import", "participants", &csv]);
    assert!(out.contains("3 new employees"), "{out}");
    let people = d.json(&d.clerk_a, &["participant", "list", "--format", "json"]);
    assert_eq!(people.len(), 3, "{people:?}");

    // Without tilik the clerk cannot read the database, nor even list its folder.
    for (what, program, path) in [
        ("read the database", "cat", &d.db),
        ("list the data folder", "ls", &d.data),
    ] {
        let program = tool(program).expect("cat and ls are installed");
        let path = path.display().to_string();
        let out = d
            .command_as(&d.clerk_a, &[], &program, &[&path])
            .output()
            .expect("run it as the clerk");
        assert!(
            !out.status.success(),
            "the clerk must not {what} directly\n{}",
            describe(&out)
        );
        assert!(
            out.stdout.is_empty(),
            "nothing may leak to the clerk: {}",
            describe(&out)
        );
    }

    // While a clerk has tilik open, its WAL and shared-memory index exist: they too are the group's only.
    let mut session = rexpect::session::spawn_command(
        d.tilik_command(&d.clerk_a, &[("TERM", "xterm-256color")], &[]),
        Some(20_000),
    )
    .expect("start tilik in a pseudo-terminal");
    // The screen is switched on after the database was opened and read.
    session
        .exp_string("\u{1b}[?1049h")
        .expect("tilik opens its screen");
    let clerk_uid = User::from_name(&d.clerk_a)
        .expect("password database")
        .expect("the clerk exists")
        .uid;
    for suffix in ["-wal", "-shm"] {
        let file = d.data.join(format!("tilik.db{suffix}"));
        d.assert_group_file(&file);
        let owner = fs::metadata(&file).expect("stat").uid();
        assert_eq!(
            owner,
            clerk_uid.as_raw(),
            "{suffix} was made by the clerk's tilik"
        );
    }
    session.send_control('c').expect("Ctrl-C");
    session.exp_eof().expect("tilik quits on Ctrl-C");
    d.assert_group_file(&d.db);
}

/// The account recorded is the real one whatever the environment says, and neither `TILIK_DB` nor
/// `--db` can point a clerk's tilik at another database.
#[test]
fn identity_and_database_path_cannot_be_forged() {
    let _one = lock();
    let Some(d) = deploy("identity_and_database_path_cannot_be_forged") else {
        return;
    };
    d.init_with_operator();

    let csv = d.participants_file();
    let pretend = [("USER", d.admin.as_str()), ("LOGNAME", d.admin.as_str())];
    d.ok_with(&d.clerk_a, &pretend, &["import", "participants", &csv]);
    let asn = d.json(&d.admin, &["audit", "--table", "asn", "--format", "json"]);
    assert!(!asn.is_empty(), "the import is audited");
    for row in &asn {
        assert_eq!(
            text(row, "username"),
            d.clerk_a,
            "the clerk's own account: {row}"
        );
    }
    let users = d.json(
        &d.admin,
        &["audit", "--table", "app_user", "--format", "json"],
    );
    assert!(
        users.iter().any(|r| text(r, "username") == d.admin),
        "the admin's change is recorded as the admin's: {users:?}"
    );

    let other = d.open.join("other.db");
    let other_arg = other.display().to_string();
    for args in [vec!["init"], vec!["program", "list"]] {
        let err = d.refused_with(&d.clerk_a, &[("TILIK_DB", &other_arg)], &args);
        assert!(err.contains(SERVER_ONLY), "TILIK_DB {args:?}: {err}");
        let mut with_flag = vec!["--db", &other_arg];
        with_flag.extend_from_slice(&args);
        let err = d.refused(&d.clerk_a, &with_flag);
        assert!(err.contains(SERVER_ONLY), "--db {args:?}: {err}");
    }
    assert!(
        !other.exists(),
        "no database may be made at {}",
        other.display()
    );

    let configured = d.db.display().to_string();
    d.ok(&d.clerk_a, &["--db", &configured, "program", "list"]);
    d.ok_with(
        &d.clerk_a,
        &[("TILIK_DB", &configured)],
        &["program", "list"],
    );
}

/// Only registered, active accounts get in, and each only as far as its role allows.
#[test]
fn only_registered_active_users_within_their_role() {
    let _one = lock();
    let Some(d) = deploy("only_registered_active_users_within_their_role") else {
        return;
    };
    d.init_with_operator();

    let err = d.refused(&d.clerk_b, &["program", "list"]);
    assert!(
        err.contains(&format!("account {} is not a tilik user", d.clerk_b)),
        "{err}"
    );

    d.ok(&d.admin, &["user", "add", &d.clerk_b, "--role", "viewer"]);
    d.ok(&d.clerk_b, &["program", "list"]);
    let add = [
        "program",
        "add",
        "--code",
        "KOM-01",
        "--name",
        "Komunikasi",
        "--type",
        "teknis",
        "--start",
        "2026-03-09",
        "--end",
        "2026-03-12",
        "--jp",
        "32",
    ];
    let err = d.refused(&d.clerk_b, &add);
    assert!(
        err.contains(&format!(
            "account {} (role Viewer) is not allowed",
            d.clerk_b
        )),
        "{err}"
    );
    let programs = d.json(&d.admin, &["program", "list", "--format", "json"]);
    assert!(programs.is_empty(), "nothing was added: {programs:?}");

    d.ok(&d.admin, &["user", "disable", &d.clerk_b]);
    let err = d.refused(&d.clerk_b, &["program", "list"]);
    assert!(
        err.contains(&format!("account {} is disabled", d.clerk_b)),
        "{err}"
    );
    d.ok(&d.admin, &["user", "enable", &d.clerk_b]);
    d.ok(&d.clerk_b, &["program", "list"]);
}

/// The admin's backup is written and verified while the data group owns everything; the nightly cron
/// line of docs/deploy.md works as root with its rotation; restoring the copy as the guide says gives a
/// database that passes `tilik check` and holds exactly what was backed up.
#[test]
fn backup_rotation_and_restore() {
    let _one = lock();
    let Some(d) = deploy("backup_rotation_and_restore") else {
        return;
    };
    d.init_with_operator();
    let csv = d.participants_file();
    d.ok(&d.clerk_a, &["import", "participants", &csv]);

    let copy = d.backups.join("tilik-2026-01-31.db");
    let out = d.ok(&d.admin, &["backup", &copy.display().to_string()]);
    assert!(out.contains("written and verified"), "{out}");
    let meta = fs::metadata(&copy).expect("the backup exists");
    assert_eq!(
        meta.gid(),
        d.gid.as_raw(),
        "the backup belongs to the data group"
    );
    assert_eq!(
        meta.mode() & 0o007,
        0,
        "others get nothing: {:o}",
        meta.mode()
    );
    let names: Vec<String> = fs::read_dir(&d.backups)
        .expect("list backups")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["tilik-2026-01-31.db"],
        "no temporary file is left behind"
    );

    // The nightly cron line, run by root (registered as an admin of tilik for this).
    d.ok(&d.admin, &["user", "add", "root", "--role", "admin"]);
    let old = d.backups.join("tilik-2000-01-01.db");
    fs::write(&old, b"an old backup").expect("write an old backup");
    let touch = Command::new(tool("touch").expect("touch"))
        .args(["-d", "20 days ago"])
        .arg(&old)
        .status()
        .expect("touch");
    assert!(touch.success());
    let cron = format!(
        "{bin} backup {dir}/tilik-$(date +%F).db && find {dir} -name 'tilik-*.db' -mtime +14 -delete",
        bin = d.bin.display(),
        dir = d.backups.display()
    );
    let out = Command::new("/bin/sh")
        .args(["-c", &cron])
        .env_remove("TILIK_DB")
        .env("LANG", "C")
        .current_dir(&d.root)
        .output()
        .expect("run the cron line");
    assert!(
        out.status.success(),
        "the cron line must work\n{}",
        describe(&out)
    );
    let today = d.backups.join(format!("tilik-{}.db", date_today()));
    assert!(
        today.is_file(),
        "tonight's backup {} exists",
        today.display()
    );
    assert!(!old.exists(), "a backup older than 14 days is deleted");
    assert!(copy.exists(), "a recent backup is kept");

    // A change after the backup, then the restore of docs/deploy.md (nobody runs tilik now).
    d.ok(&d.admin, &["user", "add", &d.clerk_b, "--role", "viewer"]);
    for suffix in ["-wal", "-shm"] {
        assert!(
            !d.data.join(format!("tilik.db{suffix}")).exists(),
            "no tilik runs, so no {suffix} file stays behind"
        );
    }
    let restore = format!(
        "cp {copy} {db} && rm -f {db}-wal {db}-shm && chown root:{group} {db} && chmod 660 {db}",
        copy = copy.display(),
        db = d.db.display(),
        group = d.group
    );
    let out = Command::new("/bin/sh")
        .args(["-c", &restore])
        .output()
        .expect("restore");
    assert!(out.status.success(), "restore\n{}", describe(&out));
    let out = d.ok(&d.admin, &["check"]);
    assert!(out.contains("the database is sound"), "{out}");
    let people = d.json(&d.clerk_a, &["participant", "list", "--format", "json"]);
    assert_eq!(people.len(), 3, "the backed-up data is back: {people:?}");
    let err = d.refused(&d.clerk_b, &["program", "list"]);
    assert!(
        err.contains("is not a tilik user"),
        "a change made after the backup is gone: {err}"
    );
}

/// Today's date as `date +%F` prints it (the cron line's file name).
fn date_today() -> String {
    let out = Command::new(tool("date").expect("date"))
        .arg("+%F")
        .output()
        .expect("date");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
