//! Jabatan (position): the free-text title as written, and its level when it can be told.
//!
//! Import files write a jabatan as a title ("Analis Kebijakan", "Kepala Seksi", "Pranata
//! Komputer Ahli Muda", "Camat"). [`Jabatan`] keeps that text and the [`JabatanLevel`] that
//! [`classify`] reads from it, if any.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The three kinds of jabatan of an ASN.
///
/// There is no `Pelaksana` kind: under UU ASN and PP 11/2017, *jabatan administrasi* has three
/// levels — administrator, pengawas and pelaksana — so pelaksana is the level
/// [`JabatanLevel::Pelaksana`] of kind [`JabatanKind::Administrasi`]. Code that needs to single
/// out pelaksana staff (e.g. "non-managerial administrasi") matches on that level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JabatanKind {
    /// Jabatan pimpinan tinggi: utama, madya, pratama.
    Jpt,
    /// Jabatan administrasi: administrator, pengawas, pelaksana.
    Administrasi,
    /// Jabatan fungsional: keahlian (ahli pertama … ahli utama) and keterampilan
    /// (pemula … penyelia).
    Fungsional,
}

/// The level of a jabatan. Serialized and deserialized as [`JabatanLevel::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JabatanLevel {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Pelaksana,
    AhliPertama,
    AhliMuda,
    AhliMadya,
    AhliUtama,
    Pemula,
    Terampil,
    Mahir,
    Penyelia,
}

impl JabatanLevel {
    /// Every level: JPT high to low, administrasi high to low, fungsional keahlian then
    /// keterampilan, each low to high.
    pub const ALL: [JabatanLevel; 14] = [
        JabatanLevel::JptUtama,
        JabatanLevel::JptMadya,
        JabatanLevel::JptPratama,
        JabatanLevel::Administrator,
        JabatanLevel::Pengawas,
        JabatanLevel::Pelaksana,
        JabatanLevel::AhliPertama,
        JabatanLevel::AhliMuda,
        JabatanLevel::AhliMadya,
        JabatanLevel::AhliUtama,
        JabatanLevel::Pemula,
        JabatanLevel::Terampil,
        JabatanLevel::Mahir,
        JabatanLevel::Penyelia,
    ];

    pub const fn kind(self) -> JabatanKind {
        match self {
            JabatanLevel::JptUtama | JabatanLevel::JptMadya | JabatanLevel::JptPratama => {
                JabatanKind::Jpt
            }
            JabatanLevel::Administrator | JabatanLevel::Pengawas | JabatanLevel::Pelaksana => {
                JabatanKind::Administrasi
            }
            JabatanLevel::AhliPertama
            | JabatanLevel::AhliMuda
            | JabatanLevel::AhliMadya
            | JabatanLevel::AhliUtama
            | JabatanLevel::Pemula
            | JabatanLevel::Terampil
            | JabatanLevel::Mahir
            | JabatanLevel::Penyelia => JabatanKind::Fungsional,
        }
    }

    /// Stable snake_case code for the database and exports: `"jpt_pratama"`, `"ahli_muda"`, …
    pub const fn code(self) -> &'static str {
        match self {
            JabatanLevel::JptUtama => "jpt_utama",
            JabatanLevel::JptMadya => "jpt_madya",
            JabatanLevel::JptPratama => "jpt_pratama",
            JabatanLevel::Administrator => "administrator",
            JabatanLevel::Pengawas => "pengawas",
            JabatanLevel::Pelaksana => "pelaksana",
            JabatanLevel::AhliPertama => "ahli_pertama",
            JabatanLevel::AhliMuda => "ahli_muda",
            JabatanLevel::AhliMadya => "ahli_madya",
            JabatanLevel::AhliUtama => "ahli_utama",
            JabatanLevel::Pemula => "pemula",
            JabatanLevel::Terampil => "terampil",
            JabatanLevel::Mahir => "mahir",
            JabatanLevel::Penyelia => "penyelia",
        }
    }

    /// The level with this exact [`code`](JabatanLevel::code).
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.code() == code)
    }

    /// Fungsional keahlian: ahli pertama, muda, madya, utama.
    pub const fn is_fungsional_keahlian(self) -> bool {
        matches!(
            self,
            JabatanLevel::AhliPertama
                | JabatanLevel::AhliMuda
                | JabatanLevel::AhliMadya
                | JabatanLevel::AhliUtama
        )
    }

    /// Fungsional keterampilan: pemula, terampil, mahir, penyelia.
    pub const fn is_fungsional_keterampilan(self) -> bool {
        matches!(
            self,
            JabatanLevel::Pemula
                | JabatanLevel::Terampil
                | JabatanLevel::Mahir
                | JabatanLevel::Penyelia
        )
    }
}

impl fmt::Display for JabatanLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for JabatanLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for JabatanLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        JabatanLevel::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown jabatan level {code:?}")))
    }
}

/// A jabatan as written, with its level when [`classify`] can tell it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Jabatan {
    pub title: String,
    pub level: Option<JabatanLevel>,
}

impl Jabatan {
    /// The title with surrounding whitespace trimmed and inner runs collapsed, classified.
    pub fn from_title(title: &str) -> Self {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let level = classify(&title);
        Jabatan { title, level }
    }
}

/// Where a rule's words must appear in the title's words.
#[derive(Clone, Copy)]
enum At {
    Start,
    Whole,
    Anywhere,
}

/// An ordered classification rule; the first that matches decides. `None` marks titles that
/// look like a later rule's but are known to be something else.
type Rule = (At, &'static [&'static str], Option<JabatanLevel>);

const RULES: &[Rule] = {
    use At::{Anywhere, Start, Whole};
    use JabatanLevel::*;
    &[
        // Fungsional, by the level word (PermenPANRB 13/2019 naming) anywhere in the title:
        // "Pranata Komputer Ahli Muda", "Perawat Terampil".
        (Anywhere, &["ahli", "pertama"], Some(AhliPertama)),
        (Anywhere, &["ahli", "muda"], Some(AhliMuda)),
        (Anywhere, &["ahli", "madya"], Some(AhliMadya)),
        (Anywhere, &["ahli", "utama"], Some(AhliUtama)),
        (Anywhere, &["pemula"], Some(Pemula)),
        (Anywhere, &["terampil"], Some(Terampil)),
        (Anywhere, &["mahir"], Some(Mahir)),
        // Older keterampilan naming: "… Pelaksana Lanjutan" became "… Mahir".
        (Anywhere, &["pelaksana", "lanjutan"], Some(Mahir)),
        (Anywhere, &["penyelia"], Some(Penyelia)),
        // JPT written out: "JPT Pratama", "Jabatan Pimpinan Tinggi Madya".
        (Anywhere, &["jpt", "utama"], Some(JptUtama)),
        (Anywhere, &["pimpinan", "tinggi", "utama"], Some(JptUtama)),
        (Anywhere, &["jpt", "madya"], Some(JptMadya)),
        (Anywhere, &["pimpinan", "tinggi", "madya"], Some(JptMadya)),
        (Anywhere, &["jpt", "pratama"], Some(JptPratama)),
        (
            Anywhere,
            &["pimpinan", "tinggi", "pratama"],
            Some(JptPratama),
        ),
        // Structural titles of a city government (Palembang is a kota). A provincial Sekda is
        // JPT madya (eselon I.b); a city's Sekda, asisten, staf ahli, inspektur, sekretaris
        // DPRD, kepala dinas/badan, Kasatpol PP and Kalaksa BPBD are JPT pratama (eselon II).
        (Start, &["sekretaris", "daerah", "provinsi"], Some(JptMadya)),
        (Start, &["sekretaris", "daerah"], Some(JptPratama)),
        (Start, &["sekretaris", "dprd"], Some(JptPratama)),
        (Start, &["kepala", "dinas"], Some(JptPratama)),
        (Start, &["kepala", "badan"], Some(JptPratama)),
        (Start, &["kepala", "satuan", "polisi"], Some(JptPratama)),
        (Start, &["kepala", "pelaksana"], Some(JptPratama)),
        (Start, &["staf", "ahli"], Some(JptPratama)),
        // The Sekda's assistants; "Asisten Apoteker" and the like fall through to None.
        (Whole, &["asisten"], Some(JptPratama)),
        (Start, &["asisten", "pemerintahan"], Some(JptPratama)),
        (Start, &["asisten", "perekonomian"], Some(JptPratama)),
        (Start, &["asisten", "administrasi"], Some(JptPratama)),
        (Start, &["asisten", "bidang"], Some(JptPratama)),
        (Start, &["asisten", "sekretaris"], Some(JptPratama)),
        (Start, &["asisten", "i"], Some(JptPratama)),
        (Start, &["asisten", "ii"], Some(JptPratama)),
        (Start, &["asisten", "iii"], Some(JptPratama)),
        (Start, &["asisten", "1"], Some(JptPratama)),
        (Start, &["asisten", "2"], Some(JptPratama)),
        (Start, &["asisten", "3"], Some(JptPratama)),
        // Inspektur pembantu (eselon III) before the inspektur himself.
        (Start, &["inspektur", "pembantu"], Some(Administrator)),
        (Start, &["inspektur"], Some(JptPratama)),
        // Administrator (eselon III).
        (Start, &["kepala", "bidang"], Some(Administrator)),
        (Start, &["kepala", "bagian"], Some(Administrator)),
        (Start, &["sekretaris", "dinas"], Some(Administrator)),
        (Start, &["sekretaris", "badan"], Some(Administrator)),
        (Start, &["sekretaris", "inspektorat"], Some(Administrator)),
        (Start, &["camat"], Some(Administrator)),
        (Start, &["sekretaris", "camat"], Some(Administrator)),
        (Start, &["sekretaris", "kecamatan"], Some(Administrator)),
        // Pengawas (eselon IV).
        (Start, &["kepala", "seksi"], Some(Pengawas)),
        (Start, &["kepala", "sub", "bagian"], Some(Pengawas)),
        (Start, &["kepala", "sub", "bidang"], Some(Pengawas)),
        (Start, &["lurah"], Some(Pengawas)),
        (Start, &["sekretaris", "kelurahan"], Some(Pengawas)),
        (Start, &["sekretaris", "lurah"], Some(Pengawas)),
        (Start, &["kepala", "upt"], Some(Pengawas)),
        (
            Start,
            &["kepala", "unit", "pelaksana", "teknis"],
            Some(Pengawas),
        ),
        // The level names on their own.
        (Whole, &["administrator"], Some(Administrator)),
        (Whole, &["pengawas"], Some(Pengawas)),
        (Whole, &["pelaksana"], Some(Pelaksana)),
        // Pelaksana (PermenPANRB 41/2018 names). "Pengelola Pengadaan Barang/Jasa" is a
        // jabatan fungsional, so without a level word it is unknown.
        (Start, &["pengelola", "pengadaan"], None),
        (Start, &["staf"], Some(Pelaksana)),
        (Start, &["pengadministrasi"], Some(Pelaksana)),
        (Start, &["pengelola"], Some(Pelaksana)),
        (Start, &["pengolah"], Some(Pelaksana)),
        (Start, &["operator"], Some(Pelaksana)),
        (Start, &["bendahara"], Some(Pelaksana)),
        (Start, &["pengemudi"], Some(Pelaksana)),
        (Start, &["penyusun"], Some(Pelaksana)),
        (Start, &["verifikator"], Some(Pelaksana)),
    ]
};

/// Words that mark acting or temporary appointments: the title is not the person's own level.
const ACTING: &[&str] = &["plt", "plh", "pj", "pjs"];

/// Words that, before a bare "pertama/muda/madya/utama", mean the text is not an old-style
/// fungsional title (pangkat names such as "Pembina Utama Muda", structural titles).
const NOT_OLD_FUNGSIONAL: &[&str] = &[
    "juru",
    "pengatur",
    "penata",
    "pembina",
    "tingkat",
    "eselon",
    "kepala",
    "sekretaris",
    "staf",
    "asisten",
    "jpt",
    "pimpinan",
];

/// Best-effort classification of a free-text jabatan title, case-insensitive. Returns `None`
/// when unsure.
///
/// In order:
/// 1. Acting titles ("Plt. Kepala Dinas", "Plh …", "Pj …") → `None`: they name the post being
///    covered, not the person's own level.
/// 2. Fungsional level words anywhere: "… Ahli Muda" → `AhliMuda`, "… Terampil" → `Terampil`;
///    older "… Pelaksana Lanjutan" → `Mahir`.
/// 3. JPT written out ("JPT Pratama", "Jabatan Pimpinan Tinggi Madya").
/// 4. Structural titles, abbreviations included (Kasi, Kasubbag, Kabid, Kabag, Kadis, Kaban,
///    Sekda, Sekcam, Sekwan, Irban, Kasatpol PP, "Ka. Subbag" …), graded as in a *kota*:
///    Sekda, kepala dinas/badan, asisten, staf ahli, inspektur → `JptPratama` (a *provincial*
///    Sekda, "Sekretaris Daerah Provinsi …", → `JptMadya`); kepala bidang/bagian, sekretaris
///    dinas/badan, camat, sekretaris camat, inspektur pembantu → `Administrator`; kepala
///    seksi/sub bagian/sub bidang, lurah, sekretaris kelurahan, kepala UPT → `Pengawas`.
/// 5. "Eselon II/III/IV" → `JptPratama`/`Administrator`/`Pengawas`.
/// 6. Common pelaksana titles: "Staf …", "Pengadministrasi …", "Pengelola …", "Pengolah …",
///    "Operator …", "Bendahara …", "Pengemudi", "Penyusun …", "Verifikator …" → `Pelaksana`.
/// 7. Older fungsional naming ending in a bare level word ("Auditor Muda", "Widyaiswara
///    Madya") → the matching `Ahli…` level, as converted by PermenPANRB 13/2019.
///
/// A fungsional title without its level ("Analis Kebijakan", "Pranata Komputer") gives `None`:
/// its level cannot be told, and "Pranata …"/"Analis …" names are used by both fungsional and
/// pelaksana posts.
pub fn classify(title: &str) -> Option<JabatanLevel> {
    let words = words(title);
    let first = words.first()?;
    if ACTING.contains(&first.as_str()) {
        return None;
    }
    if let Some(&(_, _, level)) = RULES
        .iter()
        .find(|(at, pattern, _)| matches_at(&words, *at, pattern))
    {
        return level;
    }
    eselon(&words).or_else(|| old_fungsional(&words))
}

/// Lowercase words, split at anything that is not a letter or digit, with common
/// abbreviations written out ("Kasubbag" → "kepala sub bagian").
fn words(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let expanded: &[&str] = match word.as_str() {
            "ka" => &["kepala"],
            "kasi" | "kasie" => &["kepala", "seksi"],
            "sie" => &["seksi"],
            "kasubbag" | "kasubag" => &["kepala", "sub", "bagian"],
            "subbag" | "subag" | "subbagian" => &["sub", "bagian"],
            "bag" => &["bagian"],
            "kasubbid" | "kasubid" => &["kepala", "sub", "bidang"],
            "subbid" | "subbidang" => &["sub", "bidang"],
            "bid" => &["bidang"],
            "kabid" => &["kepala", "bidang"],
            "kabag" => &["kepala", "bagian"],
            "kadis" | "kadin" => &["kepala", "dinas"],
            "kaban" => &["kepala", "badan"],
            "sek" | "sekr" => &["sekretaris"],
            "sekda" => &["sekretaris", "daerah"],
            "sekcam" => &["sekretaris", "camat"],
            "sekdis" => &["sekretaris", "dinas"],
            "sekban" => &["sekretaris", "badan"],
            "sekwan" => &["sekretaris", "dprd"],
            "seklur" | "sekel" | "sekkel" => &["sekretaris", "kelurahan"],
            "irban" => &["inspektur", "pembantu"],
            "kalaksa" => &["kepala", "pelaksana"],
            "kasatpol" => &["kepala", "satuan", "polisi"],
            "uptd" => &["upt"],
            "staff" => &["staf"],
            "prov" | "propinsi" => &["provinsi"],
            _ => {
                out.push(word);
                continue;
            }
        };
        out.extend(expanded.iter().map(|w| (*w).to_owned()));
    }
    out
}

fn matches_at(words: &[String], at: At, pattern: &[&str]) -> bool {
    let same = |window: &[String]| {
        window.len() == pattern.len() && window.iter().zip(pattern).all(|(w, p)| w == p)
    };
    if pattern.is_empty() {
        return false;
    }
    match at {
        At::Start => words.get(..pattern.len()).is_some_and(same),
        At::Whole => same(words),
        At::Anywhere => words.windows(pattern.len()).any(same),
    }
}

/// "Eselon II.b", "Eselon IIIa", "eselon 4" → the level that eselon became.
fn eselon(words: &[String]) -> Option<JabatanLevel> {
    let index = words.iter().position(|w| w == "eselon")?;
    let grade = words.get(index + 1)?;
    match grade.trim_end_matches(['a', 'b']) {
        "ii" | "2" => Some(JabatanLevel::JptPratama),
        "iii" | "3" => Some(JabatanLevel::Administrator),
        "iv" | "4" => Some(JabatanLevel::Pengawas),
        _ => None,
    }
}

/// "Auditor Muda", "Perencana Madya": pre-2019 keahlian titles without the word "Ahli".
fn old_fungsional(words: &[String]) -> Option<JabatanLevel> {
    let (last, before) = words.split_last()?;
    if before.is_empty()
        || before
            .iter()
            .any(|w| NOT_OLD_FUNGSIONAL.contains(&w.as_str()))
    {
        return None;
    }
    match last.as_str() {
        "pertama" => Some(JabatanLevel::AhliPertama),
        "muda" => Some(JabatanLevel::AhliMuda),
        "madya" => Some(JabatanLevel::AhliMadya),
        "utama" => Some(JabatanLevel::AhliUtama),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use JabatanLevel::*;
    use proptest::prelude::*;
    use rstest::rstest;

    #[rstest]
    // The titles in the reference import files.
    #[case("Analis Kebijakan", None)]
    #[case("Pranata Komputer", None)]
    #[case("Kepala Seksi", Some(Pengawas))]
    #[case("Pengadministrasi Umum", Some(Pelaksana))]
    // Fungsional by level word.
    #[case("Pranata Komputer Ahli Muda", Some(AhliMuda))]
    #[case("Analis Kebijakan Ahli Pertama", Some(AhliPertama))]
    #[case("Perencana Ahli Madya", Some(AhliMadya))]
    #[case("Widyaiswara Ahli Utama", Some(AhliUtama))]
    #[case("ANALIS KEPEGAWAIAN AHLI MUDA", Some(AhliMuda))]
    #[case("Pengelola Pengadaan Barang/Jasa Ahli Pertama", Some(AhliPertama))]
    #[case("Pranata Komputer Terampil", Some(Terampil))]
    #[case("Perawat Pemula", Some(Pemula))]
    #[case("Pranata Komputer Mahir", Some(Mahir))]
    #[case("Arsiparis Penyelia", Some(Penyelia))]
    #[case("Arsiparis Pelaksana Lanjutan", Some(Mahir))]
    #[case("Arsiparis Pelaksana Pemula", Some(Pemula))]
    #[case("Auditor Muda", Some(AhliMuda))]
    #[case("Widyaiswara Madya", Some(AhliMadya))]
    // JPT.
    #[case("Kepala Dinas", Some(JptPratama))]
    #[case("Kepala Dinas Pendidikan", Some(JptPratama))]
    #[case("Kadis Kesehatan", Some(JptPratama))]
    #[case("Kepala Badan Pendapatan Daerah", Some(JptPratama))]
    #[case("Sekretaris Daerah", Some(JptPratama))]
    #[case("Sekda Kota Palembang", Some(JptPratama))]
    #[case("Sekretaris Daerah Provinsi Sumatera Selatan", Some(JptMadya))]
    #[case("Sekretaris DPRD", Some(JptPratama))]
    #[case("Asisten Pemerintahan dan Kesejahteraan Rakyat", Some(JptPratama))]
    #[case("Asisten II", Some(JptPratama))]
    #[case("Staf Ahli Wali Kota Bidang Hukum", Some(JptPratama))]
    #[case("Inspektur", Some(JptPratama))]
    #[case("Inspektur Kota Palembang", Some(JptPratama))]
    #[case("Kepala Satuan Polisi Pamong Praja", Some(JptPratama))]
    #[case("Kasatpol PP", Some(JptPratama))]
    #[case("Kepala Pelaksana BPBD", Some(JptPratama))]
    #[case("JPT Pratama", Some(JptPratama))]
    #[case("Jabatan Pimpinan Tinggi Madya", Some(JptMadya))]
    #[case("JPT Utama", Some(JptUtama))]
    // Administrator.
    #[case("Camat", Some(Administrator))]
    #[case("Camat Ilir Timur I", Some(Administrator))]
    #[case("Sekretaris Camat", Some(Administrator))]
    #[case("Sekcam Seberang Ulu I", Some(Administrator))]
    #[case("Kepala Bidang Pelayanan", Some(Administrator))]
    #[case("Kabid Anggaran", Some(Administrator))]
    #[case("Ka. Bid. Anggaran", Some(Administrator))]
    #[case("Kepala Bagian Umum", Some(Administrator))]
    #[case("Kabag Hukum", Some(Administrator))]
    #[case("Sekretaris Dinas", Some(Administrator))]
    #[case("Sekretaris Badan Kepegawaian", Some(Administrator))]
    #[case("Inspektur Pembantu I", Some(Administrator))]
    #[case("Irban II", Some(Administrator))]
    // Pengawas.
    #[case("kepala seksi pemerintahan", Some(Pengawas))]
    #[case("Kasi Trantib", Some(Pengawas))]
    #[case("Kasubbag Umum dan Kepegawaian", Some(Pengawas))]
    #[case("Kepala Sub Bagian Keuangan", Some(Pengawas))]
    #[case("Kepala Subbagian Program", Some(Pengawas))]
    #[case("Ka. Subbag. Umum", Some(Pengawas))]
    #[case("Kepala Sub Bidang Mutasi", Some(Pengawas))]
    #[case("Lurah", Some(Pengawas))]
    #[case("Lurah 20 Ilir D-I", Some(Pengawas))]
    #[case("Sekretaris Kelurahan", Some(Pengawas))]
    #[case("Kepala UPT Puskesmas Sukarami", Some(Pengawas))]
    #[case("Kepala UPTD Pengelolaan Sampah", Some(Pengawas))]
    #[case("Kepala Unit Pelaksana Teknis Daerah", Some(Pengawas))]
    // Pelaksana.
    #[case("Pelaksana", Some(Pelaksana))]
    #[case("Staf", Some(Pelaksana))]
    #[case("Staff Bagian Umum", Some(Pelaksana))]
    #[case("Pengadministrasi Keuangan", Some(Pelaksana))]
    #[case("Pengelola Keuangan", Some(Pelaksana))]
    #[case("Pengolah Data", Some(Pelaksana))]
    #[case("Operator Layanan Operasional", Some(Pelaksana))]
    #[case("Bendahara Pengeluaran", Some(Pelaksana))]
    #[case("Pengemudi", Some(Pelaksana))]
    #[case("Penyusun Laporan Keuangan", Some(Pelaksana))]
    // Eselon.
    #[case("Eselon II.b", Some(JptPratama))]
    #[case("Eselon IIIa", Some(Administrator))]
    #[case("eselon 4", Some(Pengawas))]
    #[case("Eselon I.b", None)]
    // Unsure.
    #[case("Plt. Kepala Dinas", None)]
    #[case("Plh Camat", None)]
    #[case("Pengelola Pengadaan Barang/Jasa", None)]
    #[case("Asisten Apoteker", None)]
    #[case("Kepala Sekolah", None)]
    #[case("Guru", None)]
    #[case("Pembina Utama Muda", None)]
    #[case("Penata Muda", None)]
    #[case("Muda", None)]
    #[case("", None)]
    #[case("  ... ", None)]
    fn classifies(#[case] title: &str, #[case] expected: Option<JabatanLevel>) {
        assert_eq!(classify(title), expected, "{title}");
    }

    #[rstest]
    #[case(JptUtama, JabatanKind::Jpt, "jpt_utama")]
    #[case(JptMadya, JabatanKind::Jpt, "jpt_madya")]
    #[case(JptPratama, JabatanKind::Jpt, "jpt_pratama")]
    #[case(Administrator, JabatanKind::Administrasi, "administrator")]
    #[case(Pengawas, JabatanKind::Administrasi, "pengawas")]
    #[case(Pelaksana, JabatanKind::Administrasi, "pelaksana")]
    #[case(AhliPertama, JabatanKind::Fungsional, "ahli_pertama")]
    #[case(AhliMuda, JabatanKind::Fungsional, "ahli_muda")]
    #[case(AhliMadya, JabatanKind::Fungsional, "ahli_madya")]
    #[case(AhliUtama, JabatanKind::Fungsional, "ahli_utama")]
    #[case(Pemula, JabatanKind::Fungsional, "pemula")]
    #[case(Terampil, JabatanKind::Fungsional, "terampil")]
    #[case(Mahir, JabatanKind::Fungsional, "mahir")]
    #[case(Penyelia, JabatanKind::Fungsional, "penyelia")]
    fn level_table(#[case] level: JabatanLevel, #[case] kind: JabatanKind, #[case] code: &str) {
        assert_eq!(level.kind(), kind);
        assert_eq!(level.code(), code);
        assert_eq!(level.to_string(), code);
        assert_eq!(JabatanLevel::from_code(code), Some(level));
        assert_eq!(
            level.is_fungsional_keahlian() || level.is_fungsional_keterampilan(),
            kind == JabatanKind::Fungsional
        );
        assert!(!(level.is_fungsional_keahlian() && level.is_fungsional_keterampilan()));
    }

    #[test]
    fn all_levels_listed_once_with_distinct_codes() {
        let mut codes: Vec<_> = JabatanLevel::ALL.iter().map(|l| l.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), JabatanLevel::ALL.len());
        assert_eq!(
            JabatanLevel::ALL
                .iter()
                .filter(|l| l.is_fungsional_keahlian())
                .count(),
            4
        );
    }

    #[rstest]
    #[case("")]
    #[case("Ahli_Muda")]
    #[case("ahli muda")]
    #[case(" pengawas")]
    fn from_code_is_exact(#[case] code: &str) {
        assert_eq!(JabatanLevel::from_code(code), None);
    }

    #[test]
    fn level_deserializes_from_its_code() {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        for level in JabatanLevel::ALL {
            let de: StrDeserializer<'_, Error> = level.code().into_deserializer();
            assert_eq!(JabatanLevel::deserialize(de), Ok(level));
        }
        let de: StrDeserializer<'_, Error> = "AhliMuda".into_deserializer();
        assert!(JabatanLevel::deserialize(de).is_err());
    }

    #[test]
    fn jabatan_keeps_the_title_and_classifies_it() {
        assert_eq!(
            Jabatan::from_title("  Kepala   Seksi Pemerintahan "),
            Jabatan {
                title: "Kepala Seksi Pemerintahan".to_owned(),
                level: Some(Pengawas),
            }
        );
        assert_eq!(Jabatan::from_title("Analis Kebijakan").level, None);
    }

    proptest! {
        #[test]
        fn arbitrary_titles_never_panic(title in any::<String>()) {
            let _ = classify(&title);
            let _ = Jabatan::from_title(&title);
        }

        #[test]
        fn level_word_suffix_wins(prefix in "[A-Za-z ]{0,30}", level in prop::sample::select(vec![
            ("Ahli Pertama", AhliPertama),
            ("Ahli Muda", AhliMuda),
            ("Ahli Madya", AhliMadya),
            ("Ahli Utama", AhliUtama),
            ("Terampil", Terampil),
            ("Mahir", Mahir),
        ])) {
            let first = prefix.split_whitespace().next().map(str::to_lowercase);
            prop_assume!(!first.is_some_and(|w| ACTING.contains(&w.as_str())));
            prop_assert_eq!(classify(&format!("{prefix} {}", level.0)), Some(level.1));
        }
    }
}
