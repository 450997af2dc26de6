//! Shell completions and the manual page, generated from the same clap definitions as the parser, so
//! they never disagree with it. Neither needs a database, a configuration file or a registered user.

use super::Cli;
use clap::CommandFactory;
use std::io::Write;

/// The shells `tilik completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    /// GNU Bash (bash-completion)
    Bash,
    /// Z shell
    Zsh,
    /// fish
    Fish,
}

/// Writes the completion script for `shell`.
pub fn completions(shell: CompletionShell, out: &mut dyn Write) -> std::io::Result<()> {
    let shell = match shell {
        CompletionShell::Bash => clap_complete::Shell::Bash,
        CompletionShell::Zsh => clap_complete::Shell::Zsh,
        CompletionShell::Fish => clap_complete::Shell::Fish,
    };
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "tilik", &mut buffer);
    out.write_all(&buffer)?;
    out.flush()
}

/// Writes the manual page `tilik.1` (roff): clap_mangen's sections, then tilik's own (environment,
/// files, exit status, see also) before the version.
pub fn man_page(out: &mut dyn Write) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut buffer = Vec::new();
    man.render_title(&mut buffer)?;
    man.render_name_section(&mut buffer)?;
    man.render_synopsis_section(&mut buffer)?;
    man.render_description_section(&mut buffer)?;
    man.render_options_section(&mut buffer)?;
    man.render_subcommands_section(&mut buffer)?;
    buffer.extend_from_slice(MORE_SECTIONS.as_bytes());
    man.render_version_section(&mut buffer)?;
    out.write_all(&buffer)?;
    out.flush()
}

/// What `--help` does not say (docs/cli.md and docs/deploy.md say it at length).
const MORE_SECTIONS: &str = r#".SH "SUBCOMMAND OPTIONS"
Each command's own options: \fBtilik\fR \fICOMMAND\fR \fB\-\-help\fR.
.SH ENVIRONMENT
.TP
\fBTILIK_DB\fR
The database file when \fB\-\-db\fR is not given (ignored on a server installation).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
After \fB\-\-lang\fR: English when the first one set starts with \fBen\fR, Bahasa Indonesia when it
starts with \fBid\fR; otherwise \fBlang\fR in the configuration decides (Bahasa Indonesia by default).
.TP
\fBNO_COLOR\fR
The terminal interface without colours.
.SH FILES
.TP
\fI/etc/tilik/config.toml\fR
The system configuration: \fBdb = "/var/lib/tilik/tilik.db"\fR, \fBlang = "id"\fR.
.TP
\fI~/.config/tilik/config.toml\fR
The user's configuration (ignored on a server installation).
.TP
\fI/var/lib/tilik/tilik.db\fR
The database of a server installation (group \fBtilik\fR, mode 2770 folder).
.TP
\fItilik.db.bak\-v\fIN\fI\-YYYYMMDD\-HHMMSS\fR
The copy tilik writes beside a database of an older schema before migrating it.
.SH "EXIT STATUS"
0 success; 1 a failure (database, files, permissions); 2 wrong usage; 3 input refused (nothing was
written); 130 stopped by Ctrl\-C (nothing was written).
.SH "SEE ALSO"
The documentation in \fI/usr/share/doc/tilik\fR: cli.md (every command), deploy.md (server
installation), formats.md (import files), panduan\-operator.md and panduan\-evaluator.md (user guides).
"#;
