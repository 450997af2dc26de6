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

/// Writes the manual page `tilik.1` (roff).
pub fn man_page(out: &mut dyn Write) -> std::io::Result<()> {
    let mut buffer = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buffer)?;
    out.write_all(&buffer)?;
    out.flush()
}
