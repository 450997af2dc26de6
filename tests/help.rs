//! The help, the shell completions and the manual page, all generated from the one clap definition
//! (issue 8, "Ready for an agency").

use clap::CommandFactory;
use std::process::{Command, Output};
use tilik::cli::Cli;

/// Every command and every argument, with the path of commands leading to it.
fn walk(cmd: &clap::Command, path: &str, found: &mut Vec<String>) {
    let here = if path.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{path} {}", cmd.get_name())
    };
    if cmd.get_about().is_none() && cmd.get_long_about().is_none() {
        found.push(format!("`{here}` has no about line"));
    }
    for arg in cmd.get_arguments() {
        let named = arg
            .get_long()
            .map(|l| format!("--{l}"))
            .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            found.push(format!("`{here} {named}` has no help line"));
        }
        // A value of a closed list (`--format table|json|csv`) explains itself in the list.
        for value in arg.get_possible_values() {
            if value.get_help().is_none() && value.get_name().len() > 12 {
                found.push(format!(
                    "`{here} {named} {}` has no help line",
                    value.get_name()
                ));
            }
        }
    }
    for sub in cmd.get_subcommands() {
        walk(sub, &here, found);
    }
}

#[test]
fn every_command_and_argument_has_a_help_line() {
    let mut cmd = Cli::command();
    // Building adds what clap generates (help, version, the `help` command) and global arguments.
    cmd.build();
    let mut missing = Vec::new();
    walk(&cmd, "", &mut missing);
    assert!(missing.is_empty(), "missing help:\n{}", missing.join("\n"));
}

#[test]
fn the_clap_definition_is_consistent() {
    Cli::command().debug_assert();
}

fn tilik(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("temporary folder");
    Command::new(env!("CARGO_BIN_EXE_tilik"))
        .args(args)
        .env_remove("TILIK_DB")
        .env("LANG", "C")
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .current_dir(dir.path())
        .output()
        .expect("the tilik binary runs")
}

fn stdout_of(args: &[&str]) -> String {
    let out = tilik(args);
    assert!(
        out.status.success(),
        "tilik {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn help_is_printed_for_every_command() {
    let top = stdout_of(&["--help"]);
    for sub in ["init", "import", "report", "backup", "completions"] {
        assert!(top.contains(sub), "{sub} missing from --help:\n{top}");
    }
    assert!(
        !top.contains("\n  man "),
        "the man command is hidden:\n{top}"
    );
    let import = stdout_of(&["import", "participants", "--help"]);
    assert!(import.contains("--program"), "{import}");
}

#[test]
fn completions_name_the_real_commands_in_every_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {script}");
        for word in ["tilik", "import", "participants", "backup", "--format"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    match shell_syntax_check("bash", &stdout_of(&["completions", "bash"])) {
        Some(ok) => assert!(ok, "bash -n refuses the completion script"),
        None => eprintln!("bash not found: syntax not checked"),
    }
}

/// `SHELL -n` on a script; None when the shell is not installed.
fn shell_syntax_check(shell: &str, script: &str) -> Option<bool> {
    use std::io::Write;
    let mut child = Command::new(shell)
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(script.as_bytes()).ok()?;
    Some(child.wait().ok()?.success())
}

#[test]
fn completions_refuse_an_unknown_shell() {
    let out = tilik(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_renders() {
    let roff = stdout_of(&["man"]);
    for section in [
        ".TH tilik 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
    ] {
        assert!(roff.contains(section), "{section} missing:\n{roff}");
    }
    for sub in ["init", "import", "backup", "completions"] {
        assert!(roff.contains(sub), "{sub} missing from the man page");
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let page = dir.path().join("tilik.1");
    std::fs::write(&page, &roff).expect("write");
    let rendered = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .env("LANG", "C.UTF-8")
        .output();
    match rendered {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("NAME") && text.contains("SYNOPSIS"), "{text}");
            assert!(text.contains("completions"), "{text}");
        }
        Ok(out) => panic!("man -l failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => eprintln!("man not found: only the roff source was checked"),
    }
}
