//! Instrument definition files (TOML): reading them into a checked [`Definition`] and writing one back.
//! The format is documented in docs/formats.md.

use crate::domain::instrument::{
    Choice, Condition, Definition, DefinitionError, Item, ItemCode, ItemKind, ItemRole, Level,
};
use serde::{Deserialize, Serialize};

/// Where in the file a problem is (1-based), when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub error: DefinitionError,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawInstrument {
    code: Option<String>,
    title: Option<String>,
    level: Option<String>,
    #[serde(default)]
    anonymous: bool,
    #[serde(default)]
    description: String,
    /// Ignored on import (tilik manages revisions); written on export for information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revision: Option<u32>,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(untagged)]
enum RawOption {
    Code(String),
    Full { code: String, label: String },
}

#[derive(Debug, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct RawItem {
    code: Option<String>,
    text: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale: Option<Vec<i64>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    labels: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decimals: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    options: Vec<RawOption>,
    #[serde(default, skip_serializing_if = "is_false")]
    multiple: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    correct: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    multiline: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    show_if: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    aspect: Option<String>,
    /// yes/no items: 9 = not applicable is allowed.
    #[serde(default, skip_serializing_if = "is_false")]
    na: bool,
    /// date, observer, place, atasan, count_due, count_done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    /// The program objective (1-based) the item asks about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    objective: Option<u8>,
    /// An evidence note may go beside the answer.
    #[serde(default, skip_serializing_if = "is_false")]
    note: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The labels tilik gives a Likert scale when the file names none.
pub fn default_labels(min: u8, max: u8) -> Vec<String> {
    let words: &[&str] = match (min, max) {
        (1, 4) => &[
            "Sangat tidak setuju",
            "Tidak setuju",
            "Setuju",
            "Sangat setuju",
        ],
        (1, 5) => &[
            "Sangat tidak setuju",
            "Tidak setuju",
            "Ragu-ragu",
            "Setuju",
            "Sangat setuju",
        ],
        (1, 6) => &[
            "Sangat tidak setuju",
            "Tidak setuju",
            "Agak tidak setuju",
            "Agak setuju",
            "Setuju",
            "Sangat setuju",
        ],
        _ => &[],
    };
    words.iter().map(|w| (*w).to_string()).collect()
}

fn clean(s: &str) -> String {
    crate::text::clean_line(s)
}

fn item_from(raw: RawItem, index: usize) -> Result<Item, DefinitionError> {
    let name = raw
        .code
        .clone()
        .unwrap_or_else(|| format!("#{}", index + 1));
    let code = ItemCode::try_from(raw.code.clone().unwrap_or_default())?;
    let text = clean(raw.text.as_deref().unwrap_or(""));
    if text.is_empty() {
        return Err(DefinitionError::MissingText { item: name });
    }
    let kind_name = raw.kind.clone().unwrap_or_default().trim().to_lowercase();
    let kind = match kind_name.as_str() {
        "likert" => {
            let scale = raw.scale.clone().unwrap_or_default();
            let [lo, hi] = scale.as_slice() else {
                return Err(DefinitionError::EmptyScale { item: name });
            };
            let (Ok(min), Ok(max)) = (u8::try_from(*lo), u8::try_from(*hi)) else {
                return Err(DefinitionError::EmptyScale { item: name });
            };
            let labels = if raw.labels.is_empty() {
                default_labels(min, max)
            } else {
                raw.labels.iter().map(|l| clean(l)).collect()
            };
            ItemKind::Likert { min, max, labels }
        }
        "yesno" | "ya_tidak" => ItemKind::YesNo { na: raw.na },
        "number" | "angka" => ItemKind::Number {
            min: raw.min.unwrap_or(f64::MIN),
            max: raw.max.unwrap_or(f64::MAX),
            decimals: raw.decimals.unwrap_or(0),
        },
        "choice" | "pilihan" => {
            let options = raw
                .options
                .iter()
                .map(|o| match o {
                    RawOption::Code(c) => Choice {
                        code: clean(c),
                        label: clean(c),
                    },
                    RawOption::Full { code, label } => Choice {
                        code: clean(code),
                        label: clean(label),
                    },
                })
                .collect();
            ItemKind::Choice {
                options,
                multiple: raw.multiple,
                correct: raw.correct.as_deref().map(clean),
            }
        }
        "text" | "teks" => ItemKind::Text {
            multiline: raw.multiline,
            max: raw.max.map_or(2000, |m| m.max(1.0) as usize),
        },
        "date" | "tanggal" => ItemKind::Date,
        other => {
            return Err(DefinitionError::UnknownType {
                item: name,
                kind: other.to_string(),
            });
        }
    };
    let show_if = raw.show_if.as_deref().map(Condition::parse).transpose()?;
    let role = match raw.role.as_deref() {
        None => None,
        Some(r) => Some(
            ItemRole::from_code(r).ok_or_else(|| DefinitionError::UnknownRole {
                item: name.clone(),
                role: r.to_string(),
            })?,
        ),
    };
    if raw.objective == Some(0) {
        return Err(DefinitionError::BadObjective { item: name });
    }
    Ok(Item {
        code,
        text,
        kind,
        required: raw.required,
        show_if,
        section: raw.section.as_deref().map(clean).filter(|s| !s.is_empty()),
        aspect: raw.aspect.as_deref().map(clean).filter(|s| !s.is_empty()),
        role,
        objective: raw.objective,
        note: raw.note,
    })
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The line where `[[items]]` number `index` starts, for pointing at an item's problem.
fn item_line(text: &str, index: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[items]]")
        .nth(index)
        .map(|(n, _)| n + 1)
}

/// Reads a definition file and checks it.
pub fn parse(text: &str) -> Result<Definition, Located> {
    let raw: RawInstrument = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|s| line_col(text, s.start))
            .map_or((None, None), |(l, c)| (Some(l), Some(c)));
        Located {
            line,
            column,
            error: DefinitionError::Toml(e.message().to_string()),
        }
    })?;
    let at_top = |error| Located {
        line: None,
        column: None,
        error,
    };
    let code = clean(raw.code.as_deref().unwrap_or(""));
    if code.is_empty() {
        return Err(at_top(DefinitionError::MissingCode));
    }
    let title = clean(raw.title.as_deref().unwrap_or(""));
    let level_name = raw.level.clone().unwrap_or_default();
    let level =
        Level::from_code(&level_name).ok_or(at_top(DefinitionError::UnknownLevel(level_name)))?;
    let mut items = Vec::with_capacity(raw.items.len());
    for (index, item) in raw.items.into_iter().enumerate() {
        let item = item_from(item, index).map_err(|error| Located {
            line: item_line(text, index),
            column: None,
            error,
        })?;
        items.push(item);
    }
    let def = Definition {
        code: code.to_ascii_uppercase(),
        title,
        level,
        anonymous: raw.anonymous,
        description: clean(&raw.description),
        items,
    };
    def.validate().map_err(|error| {
        let line = match &error {
            DefinitionError::DuplicateItem(c)
            | DefinitionError::EmptyScale { item: c }
            | DefinitionError::LabelCount { item: c, .. }
            | DefinitionError::MinAboveMax { item: c }
            | DefinitionError::NoOptions { item: c }
            | DefinitionError::DuplicateOption { item: c, .. }
            | DefinitionError::BadCorrect { item: c, .. }
            | DefinitionError::ConditionOrder { item: c, .. } => def
                .items
                .iter()
                .rposition(|i| i.code.as_str() == c)
                .and_then(|i| item_line(text, i)),
            _ => None,
        };
        Located {
            line,
            column: None,
            error,
        }
    })?;
    Ok(def)
}

/// Writes a definition as a TOML file that [`parse`] reads back to the same definition.
pub fn export(def: &Definition, revision: u32) -> String {
    let items = def
        .items
        .iter()
        .map(|i| {
            let mut raw = RawItem {
                code: Some(i.code.to_string()),
                text: Some(i.text.clone()),
                required: i.required,
                show_if: i.show_if.as_ref().map(ToString::to_string),
                section: i.section.clone(),
                aspect: i.aspect.clone(),
                role: i.role.map(|r| r.code().to_string()),
                objective: i.objective,
                note: i.note,
                ..RawItem::default()
            };
            match &i.kind {
                ItemKind::Likert { min, max, labels } => {
                    raw.kind = Some("likert".into());
                    raw.scale = Some(vec![i64::from(*min), i64::from(*max)]);
                    if *labels != default_labels(*min, *max) {
                        raw.labels = labels.clone();
                    }
                }
                ItemKind::YesNo { na } => {
                    raw.kind = Some("yesno".into());
                    raw.na = *na;
                }
                ItemKind::Number { min, max, decimals } => {
                    raw.kind = Some("number".into());
                    raw.min = (*min > f64::MIN).then_some(*min);
                    raw.max = (*max < f64::MAX).then_some(*max);
                    raw.decimals = (*decimals > 0).then_some(*decimals);
                }
                ItemKind::Choice {
                    options,
                    multiple,
                    correct,
                } => {
                    raw.kind = Some("choice".into());
                    raw.options = options
                        .iter()
                        .map(|o| RawOption::Full {
                            code: o.code.clone(),
                            label: o.label.clone(),
                        })
                        .collect();
                    raw.multiple = *multiple;
                    raw.correct = correct.clone();
                }
                ItemKind::Text { multiline, max } => {
                    raw.kind = Some("text".into());
                    raw.multiline = *multiline;
                    raw.max = Some(*max as f64);
                }
                ItemKind::Date => raw.kind = Some("date".into()),
            }
            raw
        })
        .collect();
    let raw = RawInstrument {
        code: Some(def.code.clone()),
        title: Some(def.title.clone()),
        level: Some(def.level.code().to_string()),
        anonymous: def.anonymous,
        description: def.description.clone(),
        revision: Some(revision),
        items,
    };
    toml::to_string_pretty(&raw).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
code = "REAKSI-01"
title = "Evaluasi reaksi peserta"
level = "reaction"
[[items]]
code = "R01"
text = "Materi pelatihan relevan dengan tugas saya sehari-hari"
type = "likert"
scale = [1, 5]
"#;

    #[test]
    fn the_minimal_shape_imports_with_default_labels() {
        let def = parse(MINIMAL).expect("valid");
        assert_eq!(def.code, "REAKSI-01");
        assert_eq!(def.level, Level::Reaction);
        let ItemKind::Likert { min, max, labels } = &def.items[0].kind else {
            panic!("likert expected");
        };
        assert_eq!((*min, *max), (1, 5));
        assert_eq!(labels[4], "Sangat setuju");
    }

    #[test]
    fn the_reference_instrument_imports() {
        let text = include_str!("../../tests/fixtures/reference/cohort/instrument.toml");
        let def = parse(text).expect("valid");
        assert_eq!(def.items.len(), 12);
    }

    #[test]
    fn export_round_trips() {
        let text = r#"
code = "T"
title = "Uji"
level = "learning"
anonymous = true
[[items]]
code = "Q1"
text = "Ibu kota Sumatera Selatan?"
type = "choice"
options = [{ code = "a", label = "Palembang" }, { code = "b", label = "Jambi" }]
correct = "a"
required = true
[[items]]
code = "Q2"
text = "Berapa JP?"
type = "number"
min = 0
max = 40
decimals = 1
show_if = "Q1 = a"
[[items]]
code = "C"
text = "Catatan"
type = "text"
multiline = true
"#;
        let def = parse(text).expect("valid");
        let again = parse(&export(&def, 3)).expect("exported file reads back");
        assert_eq!(def, again);
    }

    #[test]
    fn missing_code_and_empty_scale_are_named() {
        let no_code = MINIMAL.replace("code = \"REAKSI-01\"\n", "");
        assert_eq!(
            parse(&no_code).map_err(|e| e.error),
            Err(DefinitionError::MissingCode)
        );
        let empty = MINIMAL.replace("scale = [1, 5]", "scale = []");
        let err = parse(&empty).expect_err("empty scale");
        assert_eq!(
            err.error,
            DefinitionError::EmptyScale { item: "R01".into() }
        );
        assert_eq!(err.line, Some(5));
    }

    #[test]
    fn toml_syntax_errors_have_a_line() {
        let err = parse("code = \"X\"\ntitle = \n").expect_err("broken");
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn unknown_keys_and_types_are_refused() {
        assert!(parse(&MINIMAL.replace("scale", "skala")).is_err());
        let err = parse(&MINIMAL.replace("\"likert\"", "\"slider\"")).expect_err("unknown type");
        assert!(matches!(err.error, DefinitionError::UnknownType { .. }));
    }
}
