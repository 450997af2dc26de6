//! Instruments (kuesioner/instrumen): what a paper form asks, how each answer is checked, and which items
//! an earlier answer hides (skip logic).
//!
//! An instrument is identified by its code; each change to one that already has responses makes a new
//! *revision*, and every response is stamped with the revision it was entered with, so an old answer never
//! changes meaning.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The Kirkpatrick level an instrument collects evidence for (plus needs analysis before training).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Needs,
    Reaction,
    Learning,
    Behavior,
    Results,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Needs,
        Level::Reaction,
        Level::Learning,
        Level::Behavior,
        Level::Results,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Level::Needs => "needs",
            Level::Reaction => "reaction",
            Level::Learning => "learning",
            Level::Behavior => "behavior",
            Level::Results => "results",
        }
    }

    pub fn from_code(s: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.code() == s.trim().to_ascii_lowercase())
    }
}

/// When a form is filled in, relative to the training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before the training (pre-test, needs analysis, baseline observation).
    Pre,
    /// At the end of the training (reaction survey, post-test).
    Post,
    /// Some time after, at work (unspecified).
    Followup,
    /// The first, second and third follow-up at work (by default 30, 60 and 90 days after the
    /// training ended; the offsets are set per program).
    #[serde(rename = "f1")]
    F1,
    #[serde(rename = "f2")]
    F2,
    #[serde(rename = "f3")]
    F3,
    /// Results, about six months after.
    #[serde(rename = "m6")]
    M6,
}

impl Phase {
    pub const ALL: [Phase; 7] = [
        Phase::Pre,
        Phase::Post,
        Phase::Followup,
        Phase::F1,
        Phase::F2,
        Phase::F3,
        Phase::M6,
    ];

    /// The phases at work after the training, in order.
    pub const AFTER: [Phase; 5] = [Phase::F1, Phase::F2, Phase::F3, Phase::M6, Phase::Followup];

    pub fn code(self) -> &'static str {
        match self {
            Phase::Pre => "pre",
            Phase::Post => "post",
            Phase::Followup => "followup",
            Phase::F1 => "f1",
            Phase::F2 => "f2",
            Phase::F3 => "f3",
            Phase::M6 => "m6",
        }
    }

    /// Whether the phase is at work after the training (its date may not be before the training ended).
    pub fn is_after(self) -> bool {
        Phase::AFTER.contains(&self)
    }

    pub fn from_code(s: &str) -> Option<Phase> {
        Phase::ALL
            .into_iter()
            .find(|p| p.code() == s.trim().to_ascii_lowercase())
    }
}

/// An item code: letters, digits, `_` and `-`, starting with a letter; at most 16.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ItemCode(String);

impl TryFrom<String> for ItemCode {
    type Error = DefinitionError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.len() <= 16
            && t.starts_with(|c: char| c.is_ascii_alphabetic())
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if ok {
            Ok(ItemCode(t.to_string()))
        } else {
            Err(DefinitionError::BadItemCode(s))
        }
    }
}

impl From<ItemCode> for String {
    fn from(c: ItemCode) -> String {
        c.0
    }
}

impl ItemCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One coded option of a choice item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub label: String,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// A point on a scale `min..=max`, each point labelled (1 = Sangat tidak setuju … 5 = Sangat setuju).
    Likert {
        min: u8,
        max: u8,
        labels: Vec<String>,
    },
    /// 1 = ya, 0 = tidak; with `na`, also 9 = tidak berlaku (not applicable, in observation checklists).
    YesNo {
        #[serde(default)]
        na: bool,
    },
    Number {
        min: f64,
        max: f64,
        decimals: u32,
    },
    /// One code of a list; with `multiple`, several codes (stored sorted, joined by `;`).
    /// With `correct`, a knowledge-test question whose right answer is that code.
    Choice {
        options: Vec<Choice>,
        multiple: bool,
        correct: Option<String>,
    },
    Text {
        multiline: bool,
        max: usize,
    },
    Date,
}

/// A comparison in a skip rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// `show_if = "R03 >= 3"`: the item is shown only when the earlier item's answer compares true.
/// An unanswered earlier item hides the item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub item: ItemCode,
    pub cmp: Cmp,
    pub value: String,
}

impl Condition {
    /// Parses `CODE OP VALUE` with OP one of `= == != <> < <= > >=`.
    pub fn parse(s: &str) -> Result<Condition, DefinitionError> {
        let bad = || DefinitionError::BadCondition(s.to_string());
        let ops = [
            ("==", Cmp::Eq),
            ("!=", Cmp::Ne),
            ("<>", Cmp::Ne),
            ("<=", Cmp::Le),
            (">=", Cmp::Ge),
            ("=", Cmp::Eq),
            ("<", Cmp::Lt),
            (">", Cmp::Gt),
        ];
        let (at, op, cmp) = ops
            .iter()
            .filter_map(|(op, cmp)| s.find(op).map(|at| (at, *op, *cmp)))
            .min_by_key(|(at, op, _)| (*at, std::cmp::Reverse(op.len())))
            .ok_or_else(bad)?;
        let item = ItemCode::try_from(s[..at].trim().to_string()).map_err(|_| bad())?;
        let value = s[at + op.len()..].trim().trim_matches('"').to_string();
        if value.is_empty() {
            return Err(bad());
        }
        Ok(Condition { item, cmp, value })
    }

    /// Whether an answer (as stored) satisfies the condition. Numbers compare as numbers; other values
    /// compare as text (only `=` and `!=`). A multiple-choice answer satisfies `=` when it contains the code.
    pub fn holds(&self, answer: Option<&str>) -> bool {
        let Some(a) = answer.filter(|a| !a.is_empty()) else {
            return false;
        };
        if let (Ok(x), Ok(y)) = (a.parse::<f64>(), self.value.parse::<f64>()) {
            return match self.cmp {
                Cmp::Eq => x == y,
                Cmp::Ne => x != y,
                Cmp::Lt => x < y,
                Cmp::Le => x <= y,
                Cmp::Gt => x > y,
                Cmp::Ge => x >= y,
            };
        }
        let contains = a.split(';').any(|part| part == self.value);
        match self.cmp {
            Cmp::Eq => contains,
            Cmp::Ne => !contains,
            _ => false,
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = match self.cmp {
            Cmp::Eq => "=",
            Cmp::Ne => "!=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        };
        write!(f, "{} {op} {}", self.item, self.value)
    }
}

/// The stored answer "not applicable" of a yes/no item that allows it.
pub const NOT_APPLICABLE: &str = "9";

/// What an item means to tilik beyond its answer: the facts of an observation or interview session, and
/// the counts a checklist keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemRole {
    /// The day of the observation or interview (a date item).
    Date,
    /// Who observed or interviewed.
    Observer,
    /// Where the observation took place.
    Place,
    /// The supervisor interviewed (NIP or name).
    Atasan,
    /// A count of tasks due (checklists).
    CountDue,
    /// A count of those tasks finished on time.
    CountDone,
}

impl ItemRole {
    pub const ALL: [ItemRole; 6] = [
        ItemRole::Date,
        ItemRole::Observer,
        ItemRole::Place,
        ItemRole::Atasan,
        ItemRole::CountDue,
        ItemRole::CountDone,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ItemRole::Date => "date",
            ItemRole::Observer => "observer",
            ItemRole::Place => "place",
            ItemRole::Atasan => "atasan",
            ItemRole::CountDue => "count_due",
            ItemRole::CountDone => "count_done",
        }
    }

    pub fn from_code(s: &str) -> Option<ItemRole> {
        ItemRole::ALL.into_iter().find(|r| r.code() == s.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub code: ItemCode,
    pub text: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    pub required: bool,
    pub show_if: Option<Condition>,
    /// The section the item belongs to (its title), for grouping on screen and in reports.
    pub section: Option<String>,
    /// What the item measures, for an index per aspect (materi, fasilitator, relevansi, sarana…).
    pub aspect: Option<String>,
    /// A session fact or a count (see [`ItemRole`]).
    #[serde(default)]
    pub role: Option<ItemRole>,
    /// Asks about the program's objective with this number (1-based): the entry screen shows the
    /// objective's own text, and hides the item when the program has fewer objectives.
    #[serde(default)]
    pub objective: Option<u8>,
    /// An evidence note may be written beside the answer (stored under `CODE.note`).
    #[serde(default)]
    pub note: bool,
}

/// Tasks finished on time cannot outnumber the tasks due: the answer of the `count_done` item checked
/// against the `count_due` answer. Returns the number due when the check fails.
pub fn counts_problem(def: &Definition, answer: impl Fn(&str) -> Option<String>) -> Option<f64> {
    let value = |role: ItemRole| {
        def.items
            .iter()
            .find(|i| i.role == Some(role))
            .and_then(|i| answer(i.code.as_str()))
            .and_then(|v| v.parse::<f64>().ok())
    };
    match (value(ItemRole::CountDue), value(ItemRole::CountDone)) {
        (Some(due), Some(done)) if done > due => Some(due),
        _ => None,
    }
}

/// The answer key under which an item's evidence note is stored.
pub fn note_key(code: &str) -> String {
    format!("{code}.note")
}

/// Why a typed answer is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    #[error("required")]
    Required,
    #[error("not a number")]
    NotANumber,
    #[error("outside {min}..={max}")]
    OutOfRange { min: f64, max: f64 },
    #[error("too many decimals")]
    Decimals { max: u32 },
    #[error("unknown code")]
    UnknownCode { allowed: Vec<String> },
    #[error("not a date")]
    NotADate,
    #[error("too long")]
    TooLong { max: usize },
    /// An answer to an item that an earlier answer hides.
    #[error("skipped")]
    Skipped,
}

impl Item {
    /// Parses an answer as typed or read from a file into its stored form; `Ok(None)` is "no answer".
    /// `decimal_comma` accepts `72,5` (semicolon files, Indonesian habits).
    pub fn parse_answer(
        &self,
        raw: &str,
        decimal_comma: bool,
    ) -> Result<Option<String>, AnswerError> {
        let t = raw.trim();
        if t.is_empty() {
            return if self.required {
                Err(AnswerError::Required)
            } else {
                Ok(None)
            };
        }
        match &self.kind {
            ItemKind::Likert { min, max, .. } => {
                let v: u8 = t.parse().map_err(|_| AnswerError::NotANumber)?;
                if v < *min || v > *max {
                    return Err(AnswerError::OutOfRange {
                        min: f64::from(*min),
                        max: f64::from(*max),
                    });
                }
                Ok(Some(v.to_string()))
            }
            ItemKind::YesNo { na } => match t.to_lowercase().as_str() {
                "1" | "y" | "ya" | "yes" => Ok(Some("1".into())),
                "0" | "2" | "t" | "n" | "tidak" | "no" => Ok(Some("0".into())),
                "9" | "na" | "n/a" | "tb" | "tidak berlaku" if *na => {
                    Ok(Some(NOT_APPLICABLE.into()))
                }
                _ => Err(AnswerError::UnknownCode {
                    allowed: if *na {
                        vec!["1".into(), "0".into(), NOT_APPLICABLE.into()]
                    } else {
                        vec!["1".into(), "0".into()]
                    },
                }),
            },
            ItemKind::Number { min, max, decimals } => {
                let normal = if decimal_comma {
                    t.replace(',', ".")
                } else {
                    t.to_string()
                };
                let v: f64 = normal.parse().map_err(|_| AnswerError::NotANumber)?;
                if !v.is_finite() {
                    return Err(AnswerError::NotANumber);
                }
                let places = normal.split_once('.').map_or(0, |(_, f)| f.len());
                if places > *decimals as usize {
                    return Err(AnswerError::Decimals { max: *decimals });
                }
                if v < *min || v > *max {
                    return Err(AnswerError::OutOfRange {
                        min: *min,
                        max: *max,
                    });
                }
                Ok(Some(format_number(v)))
            }
            ItemKind::Choice {
                options, multiple, ..
            } => {
                let allowed: Vec<String> = options.iter().map(|o| o.code.clone()).collect();
                let find = |c: &str| {
                    options
                        .iter()
                        .find(|o| o.code.eq_ignore_ascii_case(c.trim()))
                        .map(|o| o.code.clone())
                };
                if *multiple {
                    let mut codes = Vec::new();
                    for part in t.split([';', ',', ' ']).filter(|p| !p.trim().is_empty()) {
                        let code = find(part).ok_or_else(|| AnswerError::UnknownCode {
                            allowed: allowed.clone(),
                        })?;
                        if !codes.contains(&code) {
                            codes.push(code);
                        }
                    }
                    codes.sort_by_key(|c| options.iter().position(|o| &o.code == c));
                    Ok(Some(codes.join(";")))
                } else {
                    find(t)
                        .map(Some)
                        .ok_or(AnswerError::UnknownCode { allowed })
                }
            }
            ItemKind::Text { max, multiline } => {
                // Stored text is shown on other people's terminals: controls become placeholders.
                let lines = if *multiline {
                    crate::text::Lines::Multi
                } else {
                    crate::text::Lines::Single
                };
                let safe = crate::text::clean(t, lines);
                if safe.chars().count() > *max {
                    return Err(AnswerError::TooLong { max: *max });
                }
                Ok(Some(safe.into_owned()))
            }
            ItemKind::Date => crate::domain::date::parse(t)
                .map(|d| Some(crate::domain::date::iso(d)))
                .map_err(|_| AnswerError::NotADate),
        }
    }

    /// The single keys that answer this item at once (Likert points, yes/no, one-character codes).
    pub fn keys(&self) -> Vec<char> {
        match &self.kind {
            ItemKind::Likert { min, max, .. } if *max <= 9 => (*min..=*max)
                .filter_map(|v| char::from_digit(u32::from(v), 10))
                .collect(),
            ItemKind::YesNo { na: false } => vec!['1', '0'],
            ItemKind::YesNo { na: true } => vec!['1', '0', '9'],
            ItemKind::Choice {
                options,
                multiple: false,
                ..
            } if options.iter().all(|o| o.code.chars().count() == 1) => options
                .iter()
                .filter_map(|o| o.code.chars().next())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// What a stored answer means: the label of its code, or the value itself.
    pub fn label_of(&self, value: &str) -> Option<String> {
        match &self.kind {
            ItemKind::Likert { min, labels, .. } => {
                let v: u8 = value.parse().ok()?;
                labels.get(usize::from(v.checked_sub(*min)?)).cloned()
            }
            ItemKind::YesNo { .. } => None,
            ItemKind::Choice { options, .. } => {
                let parts: Vec<String> = value
                    .split(';')
                    .filter_map(|c| {
                        options
                            .iter()
                            .find(|o| o.code == c)
                            .map(|o| o.label.clone())
                    })
                    .collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            }
            _ => None,
        }
    }

    /// The scale of a Likert item.
    pub fn scale(&self) -> Option<(u8, u8)> {
        match &self.kind {
            ItemKind::Likert { min, max, .. } => Some((*min, *max)),
            _ => None,
        }
    }
}

/// Numbers as stored: no trailing zeros, no exponent.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// An instrument's content (one revision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    pub code: String,
    pub title: String,
    pub level: Level,
    /// Forms carry a sheet number instead of a respondent.
    pub anonymous: bool,
    pub description: String,
    pub items: Vec<Item>,
}

/// Why a definition is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("missing code")]
    MissingCode,
    #[error("missing title")]
    MissingTitle,
    #[error("no items")]
    NoItems,
    #[error("bad item code {0:?}")]
    BadItemCode(String),
    #[error("duplicate item code {0}")]
    DuplicateItem(String),
    #[error("item {item}: empty scale")]
    EmptyScale { item: String },
    #[error("item {item}: {labels} labels for {points} points")]
    LabelCount {
        item: String,
        labels: usize,
        points: usize,
    },
    #[error("item {item}: min above max")]
    MinAboveMax { item: String },
    #[error("item {item}: no options")]
    NoOptions { item: String },
    #[error("item {item}: duplicate option {code}")]
    DuplicateOption { item: String, code: String },
    #[error("item {item}: correct answer {code} is not an option")]
    BadCorrect { item: String, code: String },
    #[error("bad condition {0:?}")]
    BadCondition(String),
    #[error("item {item}: condition refers to {other}, which is not an earlier item")]
    ConditionOrder { item: String, other: String },
    #[error("item {item}: missing text")]
    MissingText { item: String },
    #[error("unknown level {0}")]
    UnknownLevel(String),
    #[error("item {item}: unknown type {kind}")]
    UnknownType { item: String, kind: String },
    #[error("item {item}: unknown role {role}")]
    UnknownRole { item: String, role: String },
    #[error("item {item}: objectives are numbered from 1")]
    BadObjective { item: String },
    #[error("item {item}: role {role} does not fit its type")]
    RoleKind { item: String, role: String },
    #[error("role {role} is given to more than one item")]
    RoleTwice { role: String },
    #[error("item {item}: roles and objectives belong to behaviour and results instruments")]
    RoleLevel { item: String },
    #[error("{0}")]
    Toml(String),
}

impl Definition {
    /// Checks the rules every instrument must keep.
    pub fn validate(&self) -> Result<(), DefinitionError> {
        if self.code.trim().is_empty() {
            return Err(DefinitionError::MissingCode);
        }
        if self.title.trim().is_empty() {
            return Err(DefinitionError::MissingTitle);
        }
        if self.items.is_empty() {
            return Err(DefinitionError::NoItems);
        }
        let mut seen: Vec<&ItemCode> = Vec::new();
        for item in &self.items {
            let name = item.code.to_string();
            if seen.contains(&&item.code) {
                return Err(DefinitionError::DuplicateItem(name));
            }
            if item.text.trim().is_empty() {
                return Err(DefinitionError::MissingText { item: name });
            }
            // A role fits one kind of answer; a role and an objective belong to behaviour forms.
            if let Some(role) = item.role {
                let fits = match role {
                    ItemRole::Date => matches!(item.kind, ItemKind::Date),
                    ItemRole::Observer | ItemRole::Place | ItemRole::Atasan => {
                        matches!(item.kind, ItemKind::Text { .. })
                    }
                    ItemRole::CountDue | ItemRole::CountDone => {
                        matches!(item.kind, ItemKind::Number { .. })
                    }
                };
                if !fits {
                    return Err(DefinitionError::RoleKind {
                        item: name,
                        role: role.code().to_string(),
                    });
                }
                if self.items.iter().filter(|i| i.role == Some(role)).count() > 1 {
                    return Err(DefinitionError::RoleTwice {
                        role: role.code().to_string(),
                    });
                }
            }
            if (item.role.is_some() || item.objective.is_some())
                && !matches!(self.level, Level::Behavior | Level::Results)
            {
                return Err(DefinitionError::RoleLevel { item: name });
            }
            match &item.kind {
                ItemKind::Likert { min, max, labels } => {
                    if min >= max {
                        return Err(DefinitionError::EmptyScale { item: name });
                    }
                    let points = usize::from(max - min) + 1;
                    if !labels.is_empty() && labels.len() != points {
                        return Err(DefinitionError::LabelCount {
                            item: name,
                            labels: labels.len(),
                            points,
                        });
                    }
                }
                ItemKind::Number { min, max, .. } if min > max => {
                    return Err(DefinitionError::MinAboveMax { item: name });
                }
                ItemKind::Choice {
                    options, correct, ..
                } => {
                    if options.is_empty() {
                        return Err(DefinitionError::NoOptions { item: name });
                    }
                    for (i, o) in options.iter().enumerate() {
                        if options[..i]
                            .iter()
                            .any(|p| p.code.eq_ignore_ascii_case(&o.code))
                        {
                            return Err(DefinitionError::DuplicateOption {
                                item: name,
                                code: o.code.clone(),
                            });
                        }
                    }
                    if let Some(c) = correct
                        && !options.iter().any(|o| &o.code == c)
                    {
                        return Err(DefinitionError::BadCorrect {
                            item: name,
                            code: c.clone(),
                        });
                    }
                }
                _ => {}
            }
            if let Some(cond) = &item.show_if
                && !seen.contains(&&cond.item)
            {
                return Err(DefinitionError::ConditionOrder {
                    item: name,
                    other: cond.item.to_string(),
                });
            }
            seen.push(&item.code);
        }
        Ok(())
    }

    pub fn item(&self, code: &str) -> Option<&Item> {
        self.items
            .iter()
            .find(|i| i.code.as_str().eq_ignore_ascii_case(code))
    }

    pub fn position(&self, code: &str) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.code.as_str().eq_ignore_ascii_case(code))
    }

    /// Whether item `index` is shown, given the answers so far (`answer(code)`).
    pub fn shown<'a>(&self, index: usize, answer: impl Fn(&str) -> Option<&'a str>) -> bool {
        self.shown_with(index, &answer)
    }

    fn shown_with<'a>(&self, index: usize, answer: &dyn Fn(&str) -> Option<&'a str>) -> bool {
        match self.items.get(index).and_then(|i| i.show_if.as_ref()) {
            None => true,
            Some(cond) => {
                // A condition on an item that is itself hidden hides this one too. Conditions only look
                // back (validated), so this ends.
                let parent_shown = self
                    .position(cond.item.as_str())
                    .is_none_or(|p| p >= index || self.shown_with(p, answer));
                parent_shown && cond.holds(answer(cond.item.as_str()))
            }
        }
    }

    /// The score of a knowledge test in percent (0–100), over the items that have a correct answer;
    /// `None` when the instrument has no scored items.
    pub fn score<'a>(&self, answer: impl Fn(&str) -> Option<&'a str>) -> Option<f64> {
        let scored: Vec<(&Item, &String)> = self
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Choice {
                    correct: Some(c), ..
                } => Some((i, c)),
                _ => None,
            })
            .collect();
        if scored.is_empty() {
            return None;
        }
        let right = scored
            .iter()
            .filter(|(i, c)| answer(i.code.as_str()) == Some(c.as_str()))
            .count();
        Some(100.0 * right as f64 / scored.len() as f64)
    }
}

impl From<&AnswerError> for super::problem::Problem {
    fn from(e: &AnswerError) -> Self {
        use super::problem::Problem;
        match e {
            AnswerError::Required => Problem::Required,
            AnswerError::NotANumber => Problem::Number,
            AnswerError::OutOfRange { min, max } => Problem::Range {
                min: *min,
                max: *max,
            },
            AnswerError::Decimals { max } => Problem::Decimals { max: *max },
            AnswerError::UnknownCode { allowed } => Problem::UnknownChoice(allowed.join(", ")),
            AnswerError::NotADate => Problem::Date,
            AnswerError::TooLong { max } => Problem::TooLong { max: *max },
            AnswerError::Skipped => Problem::AnsweredSkipped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn code(s: &str) -> ItemCode {
        ItemCode::try_from(s.to_string()).expect("valid code")
    }

    fn likert(c: &str, min: u8, max: u8) -> Item {
        Item {
            code: code(c),
            text: format!("Pernyataan {c}"),
            kind: ItemKind::Likert {
                min,
                max,
                labels: Vec::new(),
            },
            required: false,
            show_if: None,
            section: None,
            aspect: None,
            role: None,
            objective: None,
            note: false,
        }
    }

    #[rstest]
    #[case("R03 >= 3", "R03", Cmp::Ge, "3")]
    #[case("R03>=3", "R03", Cmp::Ge, "3")]
    #[case("B01 = 1", "B01", Cmp::Eq, "1")]
    #[case("B01 == 1", "B01", Cmp::Eq, "1")]
    #[case("B01 != 2", "B01", Cmp::Ne, "2")]
    #[case("X <> a", "X", Cmp::Ne, "a")]
    #[case("Q2 < 10", "Q2", Cmp::Lt, "10")]
    fn conditions_parse(
        #[case] s: &str,
        #[case] item: &str,
        #[case] cmp: Cmp,
        #[case] value: &str,
    ) {
        let c = Condition::parse(s).expect("valid");
        assert_eq!(
            (c.item.as_str(), c.cmp, c.value.as_str()),
            (item, cmp, value)
        );
    }

    #[rstest]
    #[case("R03")]
    #[case(">= 3")]
    #[case("R03 >=")]
    #[case("3R >= 1")]
    fn bad_conditions(#[case] s: &str) {
        assert!(Condition::parse(s).is_err());
    }

    #[rstest]
    #[case("R03 >= 3", Some("4"), true)]
    #[case("R03 >= 3", Some("2"), false)]
    #[case("R03 >= 3", None, false)]
    #[case("B = 2", Some("1;2"), true)]
    #[case("B != 2", Some("1;3"), true)]
    fn conditions_hold(#[case] s: &str, #[case] answer: Option<&str>, #[case] holds: bool) {
        assert_eq!(Condition::parse(s).expect("valid").holds(answer), holds);
    }

    #[rstest]
    #[case("4", Ok(Some("4")))]
    #[case(" 1 ", Ok(Some("1")))]
    #[case("6", Err(AnswerError::OutOfRange { min: 1.0, max: 5.0 }))]
    #[case("0", Err(AnswerError::OutOfRange { min: 1.0, max: 5.0 }))]
    #[case("a", Err(AnswerError::NotANumber))]
    #[case("", Ok(None))]
    fn likert_answers(#[case] raw: &str, #[case] want: Result<Option<&str>, AnswerError>) {
        let got = likert("R01", 1, 5).parse_answer(raw, false);
        assert_eq!(got, want.map(|o| o.map(str::to_string)));
    }

    #[test]
    fn number_answers_check_range_and_decimals() {
        let item = Item {
            kind: ItemKind::Number {
                min: 0.0,
                max: 100.0,
                decimals: 1,
            },
            ..likert("N", 1, 2)
        };
        assert_eq!(item.parse_answer("72,5", true), Ok(Some("72.5".into())));
        assert_eq!(
            item.parse_answer("72,5", false),
            Err(AnswerError::NotANumber)
        );
        assert_eq!(
            item.parse_answer("72.55", false),
            Err(AnswerError::Decimals { max: 1 })
        );
        assert_eq!(
            item.parse_answer("101", false),
            Err(AnswerError::OutOfRange {
                min: 0.0,
                max: 100.0
            })
        );
        assert_eq!(item.parse_answer("80.0", false), Ok(Some("80".into())));
    }

    #[test]
    fn text_answers_are_stored_terminal_safe() {
        let one_line = Item {
            kind: ItemKind::Text {
                multiline: false,
                max: 40,
            },
            ..likert("C", 1, 2)
        };
        assert_eq!(
            one_line.parse_answer("Bagus\x1b[2J\u{202e}kok\nya", false),
            Ok(Some("Bagus␛[2J⇄kok␊ya".into()))
        );
        let notes = Item {
            kind: ItemKind::Text {
                multiline: true,
                max: 40,
            },
            ..likert("D", 1, 2)
        };
        assert_eq!(
            notes.parse_answer("baris 1\r\nbaris\u{9b}2", false),
            Ok(Some("baris 1\nbaris�2".into()))
        );
    }

    #[test]
    fn multiple_choice_answers_are_sorted_codes() {
        let item = Item {
            kind: ItemKind::Choice {
                options: ["1", "2", "3"]
                    .iter()
                    .map(|c| Choice {
                        code: (*c).into(),
                        label: format!("L{c}"),
                    })
                    .collect(),
                multiple: true,
                correct: None,
            },
            ..likert("B", 1, 2)
        };
        assert_eq!(item.parse_answer("3,1", false), Ok(Some("1;3".into())));
        assert!(matches!(
            item.parse_answer("4", false),
            Err(AnswerError::UnknownCode { .. })
        ));
        assert_eq!(item.label_of("1;3").as_deref(), Some("L1; L3"));
    }

    #[test]
    fn required_items_refuse_empty_answers() {
        let item = Item {
            required: true,
            ..likert("R", 1, 4)
        };
        assert_eq!(item.parse_answer("", false), Err(AnswerError::Required));
    }

    #[test]
    fn skip_logic_hides_items_and_their_dependants() {
        let mut a = likert("A", 1, 5);
        a.required = true;
        let mut b = likert("B", 1, 5);
        b.show_if = Condition::parse("A >= 3").ok();
        let mut c = likert("C", 1, 5);
        c.show_if = Condition::parse("B >= 1").ok();
        let def = Definition {
            code: "X".into(),
            title: "X".into(),
            level: Level::Reaction,
            anonymous: false,
            description: String::new(),
            items: vec![a, b, c],
        };
        assert!(def.validate().is_ok());
        let answers = |a: &'static str, b: &'static str| {
            move |code: &str| match code {
                "A" => Some(a),
                "B" => Some(b),
                _ => None,
            }
        };
        assert!(def.shown(1, answers("4", "2")));
        assert!(def.shown(2, answers("4", "2")));
        assert!(!def.shown(1, answers("2", "2")));
        assert!(
            !def.shown(2, answers("2", "2")),
            "C hides because B is hidden"
        );
    }

    #[test]
    fn validation_names_the_problem() {
        let mut def = Definition {
            code: "X".into(),
            title: "T".into(),
            level: Level::Reaction,
            anonymous: false,
            description: String::new(),
            items: vec![likert("A", 1, 5), likert("A", 1, 5)],
        };
        assert_eq!(
            def.validate(),
            Err(DefinitionError::DuplicateItem("A".into()))
        );
        def.items = vec![likert("A", 3, 3)];
        assert_eq!(
            def.validate(),
            Err(DefinitionError::EmptyScale { item: "A".into() })
        );
        let mut b = likert("B", 1, 5);
        b.show_if = Condition::parse("Z = 1").ok();
        def.items = vec![likert("A", 1, 5), b];
        assert!(matches!(
            def.validate(),
            Err(DefinitionError::ConditionOrder { .. })
        ));
        def.items.clear();
        assert_eq!(def.validate(), Err(DefinitionError::NoItems));
    }

    #[test]
    fn knowledge_tests_score_in_percent() {
        let q = |c: &str, correct: &str| Item {
            kind: ItemKind::Choice {
                options: ["a", "b", "c", "d"]
                    .iter()
                    .map(|o| Choice {
                        code: (*o).into(),
                        label: (*o).into(),
                    })
                    .collect(),
                multiple: false,
                correct: Some(correct.into()),
            },
            ..likert(c, 1, 2)
        };
        let def = Definition {
            code: "T".into(),
            title: "T".into(),
            level: Level::Learning,
            anonymous: false,
            description: String::new(),
            items: vec![q("Q1", "a"), q("Q2", "b"), q("Q3", "c"), q("Q4", "d")],
        };
        let answers = |code: &str| match code {
            "Q1" => Some("a"),
            "Q2" => Some("c"),
            "Q3" => Some("c"),
            _ => None,
        };
        assert_eq!(def.score(answers), Some(50.0));
        assert_eq!(q("Q1", "a").keys(), vec!['a', 'b', 'c', 'd']);
    }
}
