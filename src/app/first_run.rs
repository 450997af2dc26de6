//! The first run: `tilik` started where its database does not exist yet. Instead of an error line, one page
//! says where tilik looked, why there, and what to do: a clerk asks the admin, the admin runs `tilik init`.
//! Nothing is created here; the page is drawn once (again on resize) and any key leaves.

use crate::i18n::{Lang, Msg};
use crate::widgets::{Theme, put};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::path::{Path, PathBuf};

/// Where the database path came from (the order of `config::database_path`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathFrom {
    Flag,
    Env,
    /// `db = …` in this config file.
    Config(PathBuf),
    Default,
    /// A system install: the system config file decides, `--db` and `$TILIK_DB` are refused.
    Enforced(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Text,
    Head,
    Command,
    Dim,
}

/// The page, as lines to wrap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstRun {
    lines: Vec<(Kind, String)>,
}

/// A path as typed in a shell: quoted when it has anything but safe characters.
fn shell_word(path: &Path) -> String {
    let s = path.display().to_string();
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,~".contains(c))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

impl FirstRun {
    /// `user_config`: the per-user config file, as the order of sources names it.
    pub fn new(
        lang: Lang,
        db: &Path,
        from: &PathFrom,
        system: &Path,
        user_config: &str,
    ) -> FirstRun {
        let t = |m: Msg| m.text(lang).to_string();
        let mut lines = vec![
            (Kind::Title, t(Msg::FirstRunTitle)),
            (Kind::Text, String::new()),
            (Kind::Text, t(Msg::FirstRunLooked)),
            (Kind::Command, format!("  {}", db.display())),
        ];
        let why = match from {
            PathFrom::Flag => t(Msg::FirstRunFromFlag),
            PathFrom::Env => t(Msg::FirstRunFromEnv),
            PathFrom::Config(file) => Msg::FirstRunFromConfig.fill(lang, &[&file.display()]),
            PathFrom::Default => t(Msg::FirstRunFromDefault),
            PathFrom::Enforced(file) => Msg::FirstRunEnforced.fill(lang, &[&file.display()]),
        };
        lines.push((Kind::Text, why));
        if !matches!(from, PathFrom::Enforced(_)) {
            lines.push((
                Kind::Dim,
                Msg::FirstRunOrder.fill(lang, &[&system.display(), &user_config]),
            ));
        }
        lines.push((Kind::Text, String::new()));
        lines.push((Kind::Head, t(Msg::FirstRunClerkHead)));
        lines.push((
            Kind::Text,
            t(if matches!(from, PathFrom::Enforced(_)) {
                Msg::FirstRunClerkEnforced
            } else {
                Msg::FirstRunClerk
            }),
        ));
        lines.push((Kind::Text, String::new()));
        // The same path is found again without --db unless --db chose it.
        let tilik = match from {
            PathFrom::Flag => format!("tilik --db {}", shell_word(db)),
            _ => "tilik".to_string(),
        };
        lines.push((Kind::Head, t(Msg::FirstRunAdminHead)));
        lines.push((Kind::Text, t(Msg::FirstRunAdmin)));
        lines.push((Kind::Command, format!("  {tilik} init")));
        lines.push((Kind::Text, t(Msg::FirstRunDemo)));
        lines.push((Kind::Command, format!("  {tilik} init --demo")));
        lines.push((Kind::Text, String::new()));
        lines.push((Kind::Dim, t(Msg::FirstRunNothing)));
        FirstRun { lines }
    }

    /// The page as plain text (for a pipe, and left on the terminal after the page closes), without the
    /// last line (which asks for a key).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (_, line) in self.lines.iter().take(self.lines.len().saturating_sub(2)) {
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// Draws the page into `area`, lines wrapped to its width.
    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        buf.set_style(area, theme.base());
        let width = area.width.saturating_sub(2);
        let mut y = area.y;
        for (kind, line) in &self.lines {
            let style: Style = match kind {
                Kind::Title => theme.title(),
                Kind::Head => theme.header(),
                Kind::Command => theme.key(),
                Kind::Dim => theme.dim(),
                Kind::Text => theme.base(),
            };
            if *kind == Kind::Title {
                buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            }
            let wrapped = if *kind == Kind::Command {
                vec![line.clone()]
            } else {
                crate::screens::confirm::wrap(line, usize::from(width.max(1)))
            };
            for part in wrapped {
                if y >= area.y + area.height {
                    return;
                }
                put(buf, area.x + 1, y, &part, width, style);
                y += 1;
            }
        }
    }

    /// Shows the page on the terminal until a key is pressed.
    pub fn show(&self) -> std::io::Result<()> {
        use crossterm::event::{self, Event, KeyEventKind};
        use crossterm::execute;
        use crossterm::terminal::{
            EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
        };
        use std::io::Write;
        let theme = Theme::from_env(std::env::var("NO_COLOR").ok());
        enable_raw_mode()?;
        let mut out = std::io::stdout();
        let shown = (|| -> std::io::Result<()> {
            execute!(
                out,
                EnterAlternateScreen,
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
            )?;
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))?;
            loop {
                terminal.draw(|frame| self.render(frame.area(), frame.buffer_mut(), theme))?;
                match event::read()? {
                    Event::Key(k) if k.kind != KeyEventKind::Release => return Ok(()),
                    Event::Resize(..) => terminal.autoresize()?,
                    _ => {}
                }
            }
        })();
        let _ = disable_raw_mode();
        let _ = execute!(out, LeaveAlternateScreen, crossterm::cursor::Show);
        let _ = out.flush();
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_word(Path::new("/tmp/t.db")), "/tmp/t.db");
        assert_eq!(shell_word(Path::new("/tmp/my db")), "'/tmp/my db'");
        assert_eq!(shell_word(Path::new("it's.db")), r"'it'\''s.db'");
    }

    #[test]
    fn the_admin_command_names_the_path_only_when_the_flag_chose_it() {
        let page = |from| {
            FirstRun::new(
                Lang::En,
                Path::new("/srv/t.db"),
                &from,
                Path::new("/etc/tilik/config.toml"),
                "~/.config/tilik/config.toml",
            )
            .text()
        };
        assert!(page(PathFrom::Flag).contains("  tilik --db /srv/t.db init\n"));
        assert!(page(PathFrom::Env).contains("  tilik init\n"));
        assert!(page(PathFrom::Env).contains("TILIK_DB"));
        let enforced = page(PathFrom::Enforced("/etc/tilik/config.toml".into()));
        assert!(enforced.contains("On this server"), "{enforced}");
        assert!(!enforced.contains("The order"), "{enforced}");
    }
}
