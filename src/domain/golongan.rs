//! Golongan/ruang (the PNS rank grade, written `III/a`) and its pangkat (rank name).
//!
//! In `III/a`, the Roman numeral is the *golongan* proper (I–IV) and the letter is the *ruang*
//! (a–d; a–e in golongan IV). Only PNS have golongan/ruang; PPPK grades are not modelled here.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A PNS golongan/ruang, ordered from I/a (lowest) to IV/e (highest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Golongan {
    IA,
    IB,
    IC,
    ID,
    IIA,
    IIB,
    IIC,
    IID,
    IIIA,
    IIIB,
    IIIC,
    IIID,
    IVA,
    IVB,
    IVC,
    IVD,
    IVE,
}

/// Text that is not a golongan; carries the (trimmed) input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("unknown golongan {0:?}")]
pub struct UnknownGolongan(pub String);

impl Golongan {
    /// Every golongan, lowest first.
    pub const ALL: [Golongan; 17] = [
        Golongan::IA,
        Golongan::IB,
        Golongan::IC,
        Golongan::ID,
        Golongan::IIA,
        Golongan::IIB,
        Golongan::IIC,
        Golongan::IID,
        Golongan::IIIA,
        Golongan::IIIB,
        Golongan::IIIC,
        Golongan::IIID,
        Golongan::IVA,
        Golongan::IVB,
        Golongan::IVC,
        Golongan::IVD,
        Golongan::IVE,
    ];

    /// The standard written form, e.g. `"III/a"`; also the stored and serialized form.
    pub const fn code(self) -> &'static str {
        match self {
            Golongan::IA => "I/a",
            Golongan::IB => "I/b",
            Golongan::IC => "I/c",
            Golongan::ID => "I/d",
            Golongan::IIA => "II/a",
            Golongan::IIB => "II/b",
            Golongan::IIC => "II/c",
            Golongan::IID => "II/d",
            Golongan::IIIA => "III/a",
            Golongan::IIIB => "III/b",
            Golongan::IIIC => "III/c",
            Golongan::IIID => "III/d",
            Golongan::IVA => "IV/a",
            Golongan::IVB => "IV/b",
            Golongan::IVC => "IV/c",
            Golongan::IVD => "IV/d",
            Golongan::IVE => "IV/e",
        }
    }

    /// The pangkat (rank name) that goes with the golongan, e.g. `"Penata Muda"` for III/a.
    /// These are proper names, the same in every language.
    pub const fn pangkat(self) -> &'static str {
        match self {
            Golongan::IA => "Juru Muda",
            Golongan::IB => "Juru Muda Tingkat I",
            Golongan::IC => "Juru",
            Golongan::ID => "Juru Tingkat I",
            Golongan::IIA => "Pengatur Muda",
            Golongan::IIB => "Pengatur Muda Tingkat I",
            Golongan::IIC => "Pengatur",
            Golongan::IID => "Pengatur Tingkat I",
            Golongan::IIIA => "Penata Muda",
            Golongan::IIIB => "Penata Muda Tingkat I",
            Golongan::IIIC => "Penata",
            Golongan::IIID => "Penata Tingkat I",
            Golongan::IVA => "Pembina",
            Golongan::IVB => "Pembina Tingkat I",
            Golongan::IVC => "Pembina Utama Muda",
            Golongan::IVD => "Pembina Utama Madya",
            Golongan::IVE => "Pembina Utama",
        }
    }

    /// The golongan proper, the Roman numeral: 1..=4 (I–IV).
    pub const fn group(self) -> u8 {
        match self {
            Golongan::IA | Golongan::IB | Golongan::IC | Golongan::ID => 1,
            Golongan::IIA | Golongan::IIB | Golongan::IIC | Golongan::IID => 2,
            Golongan::IIIA | Golongan::IIIB | Golongan::IIIC | Golongan::IIID => 3,
            Golongan::IVA | Golongan::IVB | Golongan::IVC | Golongan::IVD | Golongan::IVE => 4,
        }
    }

    /// The ruang, the letter: `'a'..='e'` (`'e'` only in golongan IV).
    pub const fn ruang(self) -> char {
        match self {
            Golongan::IA | Golongan::IIA | Golongan::IIIA | Golongan::IVA => 'a',
            Golongan::IB | Golongan::IIB | Golongan::IIIB | Golongan::IVB => 'b',
            Golongan::IC | Golongan::IIC | Golongan::IIIC | Golongan::IVC => 'c',
            Golongan::ID | Golongan::IID | Golongan::IIID | Golongan::IVD => 'd',
            Golongan::IVE => 'e',
        }
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Golongan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Accepts whatever [`FromStr`] accepts (the code `"III/a"` among them).
impl<'de> Deserialize<'de> for Golongan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl FromStr for Golongan {
    type Err = UnknownGolongan;

    /// Accepts, case-insensitively and with surrounding whitespace trimmed:
    /// - the code in its common spellings: `"III/a"`, `"iii/a"`, `"III a"`, `"IIIa"`, `"III-A"`,
    ///   `"III.a"`, `"3a"`, `"3/a"`;
    /// - the pangkat name, with `Tingkat` also written `Tk.`/`Tk` and `I` also written `1`:
    ///   `"Penata Muda Tingkat I"`, `"Penata Muda Tk. I"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        parse_code(trimmed)
            .or_else(|| parse_pangkat(trimmed))
            .ok_or_else(|| UnknownGolongan(trimmed.to_owned()))
    }
}

fn is_code_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '/' | '-' | '.')
}

/// `<numeral><separators?><letter>`, numeral I–IV or 1–4, letter a–e.
fn parse_code(text: &str) -> Option<Golongan> {
    let lower = text.to_ascii_lowercase();
    let numeral_end = lower
        .find(|c: char| !matches!(c, 'i' | 'v' | '1'..='4'))
        .unwrap_or(lower.len());
    let group = match lower.get(..numeral_end)? {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    };
    let mut rest = lower
        .get(numeral_end..)?
        .trim_matches(is_code_separator)
        .chars();
    let ruang = rest.next()?;
    if rest.next().is_some() {
        return None;
    }
    Golongan::ALL
        .into_iter()
        .find(|g| g.group() == group && g.ruang() == ruang)
}

fn parse_pangkat(text: &str) -> Option<Golongan> {
    let wanted = pangkat_words(text);
    Golongan::ALL
        .into_iter()
        .find(|g| pangkat_words(g.pangkat()) == wanted)
}

/// Lowercase words of a pangkat name, with `tk` read as `tingkat` and `1` as `i`.
fn pangkat_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| match w.to_lowercase().as_str() {
            "tk" => "tingkat".to_owned(),
            "1" => "i".to_owned(),
            other => other.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    #[rstest]
    #[case::code("III/a", Golongan::IIIA)]
    #[case::lower("iii/a", Golongan::IIIA)]
    #[case::space("III a", Golongan::IIIA)]
    #[case::glued("IIIa", Golongan::IIIA)]
    #[case::arabic("3a", Golongan::IIIA)]
    #[case::arabic_slash("3/a", Golongan::IIIA)]
    #[case::dash_upper("III-A", Golongan::IIIA)]
    #[case::dot("III.a", Golongan::IIIA)]
    #[case::spaced_slash(" III / a ", Golongan::IIIA)]
    #[case::trailing_dot("III/a.", Golongan::IIIA)]
    #[case::lowest("I/a", Golongan::IA)]
    #[case::ii_d("II/d", Golongan::IID)]
    #[case::iv_b("IV/b", Golongan::IVB)]
    #[case::iv_e("iv/E", Golongan::IVE)]
    #[case::arabic_4e("4e", Golongan::IVE)]
    #[case::arabic_1("1/d", Golongan::ID)]
    #[case::pangkat("Penata Muda", Golongan::IIIA)]
    #[case::pangkat_tingkat("Penata Muda Tingkat I", Golongan::IIIB)]
    #[case::pangkat_tk("penata muda tk. I", Golongan::IIIB)]
    #[case::pangkat_tk_glued("Pembina Tk.I", Golongan::IVB)]
    #[case::pangkat_tingkat_1("Juru Tingkat 1", Golongan::ID)]
    #[case::pangkat_utama("PEMBINA UTAMA", Golongan::IVE)]
    fn parses(#[case] input: &str, #[case] expected: Golongan) {
        assert_eq!(input.parse::<Golongan>(), Ok(expected));
    }

    #[rstest]
    #[case::empty("")]
    #[case::blank("  ")]
    #[case::no_ruang("III")]
    #[case::no_golongan("a")]
    #[case::five("V/a")]
    #[case::five_arabic("5a")]
    #[case::zero("0a")]
    #[case::i_e("I/e")]
    #[case::iii_e("III/e")]
    #[case::iv_f("IV/f")]
    #[case::iiii("IIII/a")]
    #[case::two_letters("III/ab")]
    #[case::spaced_numeral("I I I a")]
    #[case::unknown_pangkat("Penata Madya")]
    #[case::non_ascii("Ⅲ/a")]
    fn rejects(#[case] input: &str) {
        assert_eq!(
            input.parse::<Golongan>(),
            Err(UnknownGolongan(input.trim().to_owned()))
        );
    }

    #[rstest]
    #[case(Golongan::IA, "I/a", "Juru Muda", 1, 'a')]
    #[case(Golongan::IB, "I/b", "Juru Muda Tingkat I", 1, 'b')]
    #[case(Golongan::IC, "I/c", "Juru", 1, 'c')]
    #[case(Golongan::ID, "I/d", "Juru Tingkat I", 1, 'd')]
    #[case(Golongan::IIA, "II/a", "Pengatur Muda", 2, 'a')]
    #[case(Golongan::IIB, "II/b", "Pengatur Muda Tingkat I", 2, 'b')]
    #[case(Golongan::IIC, "II/c", "Pengatur", 2, 'c')]
    #[case(Golongan::IID, "II/d", "Pengatur Tingkat I", 2, 'd')]
    #[case(Golongan::IIIA, "III/a", "Penata Muda", 3, 'a')]
    #[case(Golongan::IIIB, "III/b", "Penata Muda Tingkat I", 3, 'b')]
    #[case(Golongan::IIIC, "III/c", "Penata", 3, 'c')]
    #[case(Golongan::IIID, "III/d", "Penata Tingkat I", 3, 'd')]
    #[case(Golongan::IVA, "IV/a", "Pembina", 4, 'a')]
    #[case(Golongan::IVB, "IV/b", "Pembina Tingkat I", 4, 'b')]
    #[case(Golongan::IVC, "IV/c", "Pembina Utama Muda", 4, 'c')]
    #[case(Golongan::IVD, "IV/d", "Pembina Utama Madya", 4, 'd')]
    #[case(Golongan::IVE, "IV/e", "Pembina Utama", 4, 'e')]
    fn table(
        #[case] golongan: Golongan,
        #[case] code: &str,
        #[case] pangkat: &str,
        #[case] group: u8,
        #[case] ruang: char,
    ) {
        assert_eq!(golongan.code(), code);
        assert_eq!(golongan.to_string(), code);
        assert_eq!(golongan.pangkat(), pangkat);
        assert_eq!(golongan.group(), group);
        assert_eq!(golongan.ruang(), ruang);
        assert_eq!(code.parse::<Golongan>(), Ok(golongan));
        assert_eq!(pangkat.parse::<Golongan>(), Ok(golongan));
    }

    #[test]
    fn deserializes_from_its_code() {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        for golongan in Golongan::ALL {
            let de: StrDeserializer<'_, Error> = golongan.code().into_deserializer();
            assert_eq!(Golongan::deserialize(de), Ok(golongan));
        }
        let de: StrDeserializer<'_, Error> = "V/a".into_deserializer();
        assert!(Golongan::deserialize(de).is_err());
    }

    #[test]
    fn all_is_sorted_lowest_first_and_complete() {
        assert!(Golongan::ALL.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Golongan::ALL.first(), Some(&Golongan::IA));
        assert_eq!(Golongan::ALL.last(), Some(&Golongan::IVE));
        assert!(Golongan::IIID < Golongan::IVA);
    }

    /// Every golongan in the reference import files parses.
    #[rstest]
    #[case("II/a")]
    #[case("III/a")]
    #[case("III/b")]
    #[case("III/c")]
    #[case("III/d")]
    #[case("IV/a")]
    fn reference_file_values(#[case] input: &str) {
        assert!(input.parse::<Golongan>().is_ok());
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(input in any::<String>()) {
            let _ = input.parse::<Golongan>();
        }

        #[test]
        fn code_like_text_never_panics(input in "[iIvV1-5 /.\\-]{0,6}[a-fA-F]?[ .]?") {
            if let Ok(g) = input.parse::<Golongan>() {
                prop_assert_eq!(g.code().parse::<Golongan>(), Ok(g));
            }
        }

        #[test]
        fn written_forms_round_trip(index in 0usize..17, upper in any::<bool>(), sep in prop::sample::select(vec!["/", " ", "-", "", " / "])) {
            let g = Golongan::ALL[index];
            let roman = ["I", "II", "III", "IV"][usize::from(g.group()) - 1];
            let letter = if upper { g.ruang().to_ascii_uppercase() } else { g.ruang() };
            prop_assert_eq!(format!("{roman}{sep}{letter}").parse::<Golongan>(), Ok(g));
            prop_assert_eq!(format!("{}{sep}{letter}", g.group()).parse::<Golongan>(), Ok(g));
        }
    }
}
