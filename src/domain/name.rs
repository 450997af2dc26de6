//! A person's name as Indonesians write it: front titles, the name, back titles.
//!
//! `"Dr. Ir. H. Ahmad Fauzi, S.T., M.Eng."` is front `"Dr. Ir. H."` (academic, professional and
//! religious titles), name `"Ahmad Fauzi"`, back `"S.T., M.Eng."` (degrees).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// The longest name accepted, in characters, counted on [`PersonName::display`].
pub const MAX_CHARS: usize = 120;

/// A person's name: never-empty `name`, with optional front and back titles. Each part is
/// trimmed with inner whitespace collapsed to single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PersonName {
    front: String,
    name: String,
    back: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum NameError {
    #[error("name is empty")]
    Empty,
    #[error("name is longer than {max} characters")]
    TooLong { max: usize },
}

/// A front title as it may be written: `form` without its final dot, matched ASCII
/// case-insensitively; `dot_optional` when the form cannot be mistaken for a name or an initial
/// without the dot (single letters and short words such as `Ar` need it).
struct Title {
    form: &'static str,
    dot_optional: bool,
}

const fn title(form: &'static str, dot_optional: bool) -> Title {
    Title { form, dot_optional }
}

/// Known front titles. Forms with inner dots come before their first letter's shorter forms.
const FRONT_TITLES: &[Title] = &[
    title("Prof", true),
    title("Dr", true), // Dr. (doctorate) and dr. (physician), kept as written
    title("drg", true),
    title("drh", true),
    title("Drs", true),
    title("Dra", true),
    title("Ir", true),
    title("Hj", true),
    title("H", false),
    title("K.H", true),
    title("KH", true),
    title("R.A", false),
    title("Rd", true),
    title("R", false),
    title("apt", true),
    title("Ns", true),
    title("Bd", false),
    title("Ar", false),
    // Palembang's hereditary titles: Kemas, Kiagus, Masagus, Nyimas.
    title("Kms", false),
    title("Kgs", false),
    title("Mgs", false),
    title("Nys", false),
];

impl PersonName {
    /// Builds a name from its parts. Each part is trimmed and its inner whitespace collapsed;
    /// the back titles are also re-spaced after commas (`"S.T.,M.Eng."` → `"S.T., M.Eng."`).
    pub fn new(front: &str, name: &str, back: &str) -> Result<Self, NameError> {
        let back = back
            .split(',')
            .map(collapse)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let person = PersonName {
            front: collapse(front),
            name: collapse(name),
            back,
        };
        if person.name.is_empty() {
            return Err(NameError::Empty);
        }
        if person.display().chars().count() > MAX_CHARS {
            return Err(NameError::TooLong { max: MAX_CHARS });
        }
        Ok(person)
    }

    /// Splits a full written name. Leading known titles (Prof., Dr., dr., drg., drh., Drs.,
    /// Dra., Ir., H., Hj., KH./K.H., R., R.A., Rd., apt., Ns., Bd., Ar., Kms., Kgs., Mgs., Nys.;
    /// any case; the dot optional except for the forms that could be an initial or a name) go
    /// to the front, even when glued (`"Dr.H.Ahmad"`); everything after the first comma goes to
    /// the back. A name that is only titles is [`NameError::Empty`].
    pub fn parse_full(full: &str) -> Result<Self, NameError> {
        let (head, back) = full.split_once(',').unwrap_or((full, ""));
        let mut rest = head.trim_start();
        let mut front = Vec::new();
        while let Some((found, after)) = take_front_title(rest) {
            front.push(found);
            rest = after.trim_start();
        }
        Self::new(&front.join(" "), rest, back)
    }

    /// Front titles, e.g. `"Dr. Ir. H."`, or `""`.
    pub fn front(&self) -> &str {
        &self.front
    }

    /// The name without titles, e.g. `"Ahmad Fauzi"`; never empty.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Back titles, e.g. `"S.T., M.Eng."`, or `""`.
    pub fn back(&self) -> &str {
        &self.back
    }

    /// The name as written in full: `"Dr. Ir. H. Ahmad Fauzi, S.T., M.Eng."`.
    pub fn display(&self) -> String {
        let mut out =
            String::with_capacity(self.front.len() + self.name.len() + self.back.len() + 3);
        if !self.front.is_empty() {
            out.push_str(&self.front);
            out.push(' ');
        }
        out.push_str(&self.name);
        if !self.back.is_empty() {
            out.push_str(", ");
            out.push_str(&self.back);
        }
        out
    }

    /// The bare name in lowercase, for sorting and searching.
    pub fn sort_key(&self) -> String {
        self.name.to_lowercase()
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl FromStr for PersonName {
    type Err = NameError;

    /// Same as [`PersonName::parse_full`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_full(s)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A known front title at the start of `text` (as written, with its dot if it has one), and
/// what follows it. A title must end at a dot, or — where the dot is optional — at whitespace
/// or the end, so "Irwan" is not "Ir" + "wan".
fn take_front_title(text: &str) -> Option<(&str, &str)> {
    FRONT_TITLES.iter().find_map(|t| {
        let n = t.form.len();
        let written = text.get(..n)?;
        if !written.eq_ignore_ascii_case(t.form) {
            return None;
        }
        let after = text.get(n..)?;
        if let Some(after_dot) = after.strip_prefix('.') {
            return Some((text.get(..=n)?, after_dot));
        }
        let at_boundary = after.is_empty() || after.starts_with(char::is_whitespace);
        (t.dot_optional && at_boundary).then_some((written, after))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    #[rstest]
    #[case::full(
        "Dr. Ir. H. Ahmad Fauzi, S.T., M.Eng.",
        "Dr. Ir. H.",
        "Ahmad Fauzi",
        "S.T., M.Eng."
    )]
    #[case::hajjah("Hj. Siti Aminah, S.Pd.", "Hj.", "Siti Aminah", "S.Pd.")]
    #[case::drs("Drs. Budi Santoso, M.Si", "Drs.", "Budi Santoso", "M.Si")]
    #[case::back_only("Rina Marlina, A.Md.Kep.", "", "Rina Marlina", "A.Md.Kep.")]
    #[case::prof(
        "Prof. Dr. dr. Andi Wijaya, Sp.PD",
        "Prof. Dr. dr.",
        "Andi Wijaya",
        "Sp.PD"
    )]
    #[case::bare("Andi Rahmawati", "", "Andi Rahmawati", "")]
    #[case::glued(
        "Dr.Ir.H.Ahmad Fauzi,S.T.,M.Eng.",
        "Dr. Ir. H.",
        "Ahmad Fauzi",
        "S.T., M.Eng."
    )]
    #[case::dotless("Dr Ir Ahmad Fauzi", "Dr Ir", "Ahmad Fauzi", "")]
    #[case::upper("DRS. BUDI SANTOSO, M.SI", "DRS.", "BUDI SANTOSO", "M.SI")]
    #[case::drg("drg. Maya Sari", "drg.", "Maya Sari", "")]
    #[case::kh("K.H. Abdullah", "K.H.", "Abdullah", "")]
    #[case::kh_dotless("KH Abdullah", "KH", "Abdullah", "")]
    #[case::raden_ayu("R.A. Kartini", "R.A.", "Kartini", "")]
    #[case::raden("R. Soeprapto", "R.", "Soeprapto", "")]
    #[case::rd("Rd. Ahmad", "Rd.", "Ahmad", "")]
    #[case::apoteker("apt. Dewi Lestari, S.Farm.", "apt.", "Dewi Lestari", "S.Farm.")]
    #[case::ners("Ns. Wulan Sari, S.Kep.", "Ns.", "Wulan Sari", "S.Kep.")]
    #[case::kemas("Kms. H. Abdul Rahman", "Kms. H.", "Abdul Rahman", "")]
    #[case::kiagus("Kgs. M. Yusuf", "Kgs.", "M. Yusuf", "")]
    #[case::initial_not_title("M. Ridwan", "", "M. Ridwan", "")]
    #[case::single_letter_needs_dot("H Ahmad", "", "H Ahmad", "")]
    #[case::title_is_word_prefix("Irwan Drajat", "", "Irwan Drajat", "")]
    #[case::hj_prefix("Hjalmar", "", "Hjalmar", "")]
    #[case::spaces("  Hj.   Siti   Aminah ,  S.Pd.  ", "Hj.", "Siti Aminah", "S.Pd.")]
    #[case::trailing_comma("Budi Santoso,", "", "Budi Santoso", "")]
    #[case::empty_back_parts("Budi, S.T.,, M.T.", "", "Budi", "S.T., M.T.")]
    fn parse_full(#[case] full: &str, #[case] front: &str, #[case] name: &str, #[case] back: &str) {
        let person = PersonName::parse_full(full).unwrap();
        assert_eq!(
            (person.front(), person.name(), person.back()),
            (front, name, back)
        );
    }

    #[rstest]
    #[case::empty("", NameError::Empty)]
    #[case::blank("   ", NameError::Empty)]
    #[case::only_back(", S.Pd.", NameError::Empty)]
    #[case::only_titles("Dr. H.", NameError::Empty)]
    #[case::too_long(&"a".repeat(121), NameError::TooLong { max: 120 })]
    #[case::too_long_with_titles(&format!("Dr. {}, S.T.", "a".repeat(111)), NameError::TooLong { max: 120 })]
    fn parse_full_errors(#[case] full: &str, #[case] error: NameError) {
        assert_eq!(PersonName::parse_full(full), Err(error));
    }

    #[rstest]
    #[case::all(
        "Dr. Ir. H.",
        "Ahmad Fauzi",
        "S.T., M.Eng.",
        "Dr. Ir. H. Ahmad Fauzi, S.T., M.Eng."
    )]
    #[case::name_only("", "Budi", "", "Budi")]
    #[case::front_only("Hj.", "Siti Aminah", "", "Hj. Siti Aminah")]
    #[case::back_only("", "Rina Marlina", "A.Md.Kep.", "Rina Marlina, A.Md.Kep.")]
    #[case::collapses(
        " Dr.  Ir. ",
        " Ahmad \t Fauzi ",
        " S.T.,M.Eng. ",
        "Dr. Ir. Ahmad Fauzi, S.T., M.Eng."
    )]
    fn new_and_display(
        #[case] front: &str,
        #[case] name: &str,
        #[case] back: &str,
        #[case] shown: &str,
    ) {
        let person = PersonName::new(front, name, back).unwrap();
        assert_eq!(person.display(), shown);
        assert_eq!(person.to_string(), shown);
    }

    #[rstest]
    #[case::empty_name("Dr.", "", "S.T.", NameError::Empty)]
    #[case::blank_name("", " \t ", "", NameError::Empty)]
    #[case::name_121_chars("", &"a".repeat(121), "", NameError::TooLong { max: MAX_CHARS })]
    fn new_errors(
        #[case] front: &str,
        #[case] name: &str,
        #[case] back: &str,
        #[case] error: NameError,
    ) {
        assert_eq!(PersonName::new(front, name, back), Err(error));
    }

    #[test]
    fn length_limit_counts_characters_not_bytes() {
        assert!(PersonName::new("", &"é".repeat(MAX_CHARS), "").is_ok());
    }

    #[rstest]
    #[case("Dr. Ir. H. Ahmad Fauzi, S.T., M.Eng.", "ahmad fauzi")]
    #[case("DRS. BUDI SANTOSO, M.SI", "budi santoso")]
    #[case("Hj. Siti Aminah", "siti aminah")]
    fn sort_key(#[case] full: &str, #[case] key: &str) {
        assert_eq!(PersonName::parse_full(full).unwrap().sort_key(), key);
    }

    #[test]
    fn control_characters_are_left_alone() {
        let person = PersonName::parse_full("H. Ah\u{1b}[31mmad\u{202e}").unwrap();
        assert_eq!(person.name(), "Ah\u{1b}[31mmad\u{202e}");
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_display_round_trips(full in any::<String>()) {
            if let Ok(person) = PersonName::parse_full(&full) {
                prop_assert!(!person.name().is_empty());
                prop_assert!(person.display().chars().count() <= MAX_CHARS);
                prop_assert_eq!(PersonName::parse_full(&person.display()), Ok(person));
            }
        }

        #[test]
        fn title_like_text_round_trips(full in "((Dr|dr|H|Hj|Ir|K\\.H|R\\.A|R|Kms)\\.? ?){0,4}[A-Za-z. ]{0,20}(, [A-Za-z.,]{0,12})?") {
            if let Ok(person) = PersonName::parse_full(&full) {
                prop_assert_eq!(PersonName::parse_full(&person.display()), Ok(person));
            }
        }
    }
}
