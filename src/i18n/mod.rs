//! One catalog for every user-facing string, in Bahasa Indonesia (default) and English.
//!
//! Strings live in [`catalog`] as `Msg` variants; parameters are written `{0}`, `{1}`… and filled by
//! [`Msg::fill`]. Error types implement [`Localize`] by mapping themselves onto catalog entries, so no
//! sentence a user reads is written anywhere else.

mod catalog;
mod explain;

pub mod words;

pub use explain::{io_reason, isolation_label, no_negative_zero, number};

pub use catalog::Msg;

use std::fmt::Display;

/// The interface language. Indonesian unless asked otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// `id` / `en` (and regional forms such as `en_US.UTF-8`, `id-ID`).
    pub fn parse(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("en") {
            Some(Lang::En)
        } else if lower.starts_with("id") || lower.starts_with("in") {
            Some(Lang::Id)
        } else {
            None
        }
    }

    /// The language asked for by the locale: English when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first that is
    /// set) starts with `en`; Indonesian otherwise (also for `C`/`POSIX`, which say nothing about language).
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// Something that can explain itself to a user in their language.
pub trait Localize {
    fn localize(&self, lang: Lang) -> String;
}

impl Msg {
    /// The message with `{0}`, `{1}`… replaced by `args` (in order).
    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.text(lang), args)
    }
}

impl Localize for Msg {
    fn localize(&self, lang: Lang) -> String {
        self.text(lang).to_string()
    }
}

fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let close = after.find('}');
        let index = close.and_then(|c| after[..c].parse::<usize>().ok());
        match (close, index) {
            (Some(c), Some(i)) => {
                if let Some(arg) = args.get(i) {
                    out.push_str(&arg.to_string());
                }
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Placeholders (`{0}`, `{1}`…) used in a template, sorted.
#[cfg(test)]
fn placeholders(template: &str) -> Vec<usize> {
    let mut found: Vec<usize> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split('}').next()?.parse().ok())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("{0} dari {1}", &[&3, &"10"]), "3 dari 10");
        assert_eq!(fill("kurung {x} tetap", &[]), "kurung {x} tetap");
        assert_eq!(fill("tak ada {5}", &[&1]), "tak ada ");
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for msg in Msg::ALL {
            assert_eq!(
                placeholders(msg.text(Lang::Id)),
                placeholders(msg.text(Lang::En)),
                "{msg:?}"
            );
            assert!(!msg.text(Lang::Id).is_empty(), "{msg:?}");
            assert!(!msg.text(Lang::En).is_empty(), "{msg:?}");
        }
    }

    #[test]
    fn locale_selects_english_only_when_asked() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::Id);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_GB"), ("LANG", "id_ID")])),
            Lang::En
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::Id);
    }
}
