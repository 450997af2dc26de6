//! Styles. Without colour (NO_COLOR, or a terminal that has none) every state stays visible through
//! reverse video, bold and markers, never through colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    Color,
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mode: ColorMode,
}

impl Theme {
    /// Plain when `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env(no_color: Option<String>) -> Theme {
        let mode = match no_color {
            Some(v) if !v.is_empty() => ColorMode::Plain,
            _ => ColorMode::Color,
        };
        Theme { mode }
    }

    fn pick(self, color: Style, plain: Style) -> Style {
        match self.mode {
            ColorMode::Color => color,
            ColorMode::Plain => plain,
        }
    }

    pub fn base(self) -> Style {
        Style::default()
    }

    pub fn title(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    pub fn tab_active(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn header(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The selected row: reverse video works on every terminal, with or without colour.
    pub fn selected(self) -> Style {
        self.pick(
            Style::default().fg(Color::Black).bg(Color::LightCyan),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn dim(self) -> Style {
        self.pick(
            Style::default().fg(Color::DarkGray),
            Style::default().add_modifier(Modifier::DIM),
        )
    }

    pub fn label(self) -> Style {
        Style::default()
    }

    pub fn field(self) -> Style {
        self.pick(
            Style::default().bg(Color::Indexed(236)),
            Style::default().add_modifier(Modifier::UNDERLINED),
        )
    }

    pub fn field_focused(self) -> Style {
        self.pick(
            Style::default().fg(Color::Black).bg(Color::White),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn error(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    pub fn ok(self) -> Style {
        self.pick(Style::default().fg(Color::LightGreen), Style::default())
    }

    pub fn key(self) -> Style {
        self.pick(
            Style::default().fg(Color::Black).bg(Color::Gray),
            Style::default().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn modal(self) -> Style {
        Style::default()
    }

    pub fn bar(self) -> Style {
        self.pick(
            Style::default().fg(Color::White).bg(Color::Indexed(238)),
            Style::default(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_plain_when_set() {
        assert_eq!(Theme::from_env(Some("1".into())).mode, ColorMode::Plain);
        assert_eq!(Theme::from_env(Some(String::new())).mode, ColorMode::Color);
        assert_eq!(Theme::from_env(None).mode, ColorMode::Color);
    }

    #[test]
    fn plain_selection_does_not_rely_on_colour() {
        let s = Theme {
            mode: ColorMode::Plain,
        }
        .selected();
        assert!(s.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(s.fg, None);
        assert_eq!(s.bg, None);
    }
}
