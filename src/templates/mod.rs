//! Built-in instruments, ready to use and to copy: the forms BPSDM/BKPSDM evaluators use most, in Bahasa
//! Indonesia, written in the instrument TOML format of [`crate::import::instrument`] (docs/formats.md).
//!
//! | Code               | Level      | What it is                                                              |
//! |--------------------|------------|-------------------------------------------------------------------------|
//! | `REAKSI-01`        | reaction   | Reaction survey (Likert 1–4 by aspect, two open comments), by NIP       |
//! | `REAKSI-ANON`      | reaction   | The same items on an anonymous sheet                                    |
//! | `TES-PELAYANAN`    | learning   | Ten-question pre/post knowledge test on public service                  |
//! | `TNA-ASN`          | needs      | Training needs analysis filled by the ASN                               |
//! | `TNA-ATASAN`       | needs      | The same needs analysis filled by the direct supervisor (atasan)        |
//! | `IKM-9`            | results    | Nine-element IKM survey of PermenPAN-RB 14/2017 (items `U1`–`U9`)       |
//! | `OBS-KOMUNIKASI`   | behavior   | Observation checklist: communication and complaint handling             |
//! | `OBS-WAKTU`        | behavior   | Observation checklist: time management, with tasks due and done on time |
//! | `OBS-PELAYANAN`    | behavior   | Observation checklist: public service excellence (pelayanan prima, 5S)  |
//! | `OBS-KEPEMIMPINAN` | behavior   | Observation checklist: leadership after PKP/PKA, two rubrics            |
//! | `WAWANCARA-ATASAN` | behavior   | Structured interview of the atasan: change per objective, barriers      |
//! | `DIRI-PERILAKU`    | behavior   | The participant's self-assessment, matching the interview's ratings     |
//!
//! Each template is a `.toml` file next to this module, compiled in with `include_str!`. `REAKSI-ANON` has no
//! items of its own: its file holds only the header, and the items of `REAKSI-01` are appended to it, so the
//! two variants cannot drift apart.
//!
//! The behaviour (level 3) templates share a shape. Each starts with the session facts (a required date item
//! with `role = "date"`; the checklists and the interview also name the observer, and the checklists the
//! place). The four `OBS-` checklists then list yes/no items `B01`… that allow 9 = not applicable and an
//! evidence note, one or two 1–4 rubrics whose labels describe each level, and the observer's notes
//! (`CATATAN`). `WAWANCARA-ATASAN` and `DIRI-PERILAKU` rate the change per program objective with the same
//! items `T1`–`T5` (`objective = 1`…`5`, same labels), each followed by an example (`T1C`–`T5C`), and record
//! the same barriers (`HAMBATAN`) and drivers (`PENDORONG`), so the supervisor's and the participant's
//! answers can be set side by side.
//!
//! The tests below guard every template, and hold the shared parts above together: a template that does not parse is a programming error, which they
//! catch; [`builtin`] itself never panics.

use crate::domain::instrument::Definition;
use crate::import::instrument::parse;
use std::sync::LazyLock;

const REAKSI: &str = include_str!("reaksi.toml");
const REAKSI_ANON_HEADER: &str = include_str!("reaksi-anon.toml");
const TES: &str = include_str!("tes.toml");
const TNA_ASN: &str = include_str!("tna-asn.toml");
const TNA_ATASAN: &str = include_str!("tna-atasan.toml");
const IKM: &str = include_str!("ikm.toml");
const OBS_KOMUNIKASI: &str = include_str!("obs-komunikasi.toml");
const OBS_WAKTU: &str = include_str!("obs-waktu.toml");
const OBS_PELAYANAN: &str = include_str!("obs-pelayanan.toml");
const OBS_KEPEMIMPINAN: &str = include_str!("obs-kepemimpinan.toml");
const WAWANCARA_ATASAN: &str = include_str!("wawancara-atasan.toml");
const DIRI_PERILAKU: &str = include_str!("diri-perilaku.toml");

/// The items part of a template: everything from its first `[[items]]` line on.
fn items_part(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == "[[items]]" {
            return &text[at..];
        }
        at += line.len();
    }
    ""
}

/// `REAKSI-ANON`: its own header followed by the items of `REAKSI-01`.
static REAKSI_ANON: LazyLock<String> =
    LazyLock::new(|| format!("{}\n{}", REAKSI_ANON_HEADER.trim_end(), items_part(REAKSI)));

static SOURCES: LazyLock<[(&'static str, &'static str); 12]> = LazyLock::new(|| {
    [
        ("REAKSI-01", REAKSI),
        ("REAKSI-ANON", REAKSI_ANON.as_str()),
        ("TES-PELAYANAN", TES),
        ("TNA-ASN", TNA_ASN),
        ("TNA-ATASAN", TNA_ATASAN),
        ("IKM-9", IKM),
        ("OBS-KOMUNIKASI", OBS_KOMUNIKASI),
        ("OBS-WAKTU", OBS_WAKTU),
        ("OBS-PELAYANAN", OBS_PELAYANAN),
        ("OBS-KEPEMIMPINAN", OBS_KEPEMIMPINAN),
        ("WAWANCARA-ATASAN", WAWANCARA_ATASAN),
        ("DIRI-PERILAKU", DIRI_PERILAKU),
    ]
});

/// The TOML text of each template as `(code, text)`, in the order of [`builtin`], e.g. for
/// `instrument export` of a template and for the docs.
pub fn sources() -> &'static [(&'static str, &'static str)] {
    SOURCES.as_slice()
}

/// The TOML text of one template, by code (case-insensitive).
pub fn source(code: &str) -> Option<&'static str> {
    sources()
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(_, text)| *text)
}

/// Every built-in template, parsed and validated. A template that fails to parse is left out (the unit tests
/// make sure none does).
pub fn builtin() -> Vec<Definition> {
    sources()
        .iter()
        .filter_map(|(_, text)| parse(text).ok())
        .collect()
}

/// One built-in template, by code (case-insensitive).
pub fn find(code: &str) -> Option<Definition> {
    source(code).and_then(|text| parse(text).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{Condition, Item, ItemKind, ItemRole, Level};
    use crate::import::instrument::{default_labels, export};

    fn template(code: &str) -> Definition {
        find(code).unwrap_or_else(|| panic!("template {code}"))
    }

    #[test]
    fn every_template_parses_and_validates() {
        for (code, text) in sources() {
            let def = parse(text).unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert_eq!(def.code, *code, "the code in the file matches its key");
            assert_eq!(def.validate(), Ok(()), "{code}");
        }
        assert_eq!(
            builtin().len(),
            sources().len(),
            "builtin() leaves none out"
        );
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = sources().iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), sources().len());
    }

    #[test]
    fn templates_are_found_by_code() {
        assert_eq!(template("reaksi-01").code, "REAKSI-01");
        assert!(find("NOPE").is_none());
        assert!(source("ikm-9").is_some_and(|t| t.contains("code = \"U9\"")));
    }

    #[test]
    fn levels_and_anonymity() {
        let want = [
            ("REAKSI-01", Level::Reaction, false),
            ("REAKSI-ANON", Level::Reaction, true),
            ("TES-PELAYANAN", Level::Learning, false),
            ("TNA-ASN", Level::Needs, false),
            ("TNA-ATASAN", Level::Needs, false),
            ("IKM-9", Level::Results, true),
            ("OBS-KOMUNIKASI", Level::Behavior, false),
            ("OBS-WAKTU", Level::Behavior, false),
            ("OBS-PELAYANAN", Level::Behavior, false),
            ("OBS-KEPEMIMPINAN", Level::Behavior, false),
            ("WAWANCARA-ATASAN", Level::Behavior, false),
            ("DIRI-PERILAKU", Level::Behavior, false),
        ];
        for (code, level, anonymous) in want {
            let def = template(code);
            assert_eq!((def.level, def.anonymous), (level, anonymous), "{code}");
        }
    }

    #[test]
    fn texts_are_short_clean_single_lines() {
        // Control characters would have been replaced by visible placeholders on import; either way the
        // text would not be what was meant.
        let clean = |s: &str| {
            !s.chars()
                .any(|c| c.is_control() || crate::text::placeholder(c).is_some())
        };
        for def in builtin() {
            assert!(clean(&def.title) && clean(&def.description), "{}", def.code);
            for item in &def.items {
                let at = format!("{} {}", def.code, item.code);
                assert!(item.text.chars().count() <= 100, "{at}: text too long");
                // Codes are column names in survey files: upper case, short, no spaces.
                assert!(
                    item.code
                        .as_str()
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
                    "{at}: code not upper case"
                );
                assert!(clean(&item.text), "{at}: text");
                assert!(
                    item.section
                        .as_deref()
                        .is_some_and(|s| !s.is_empty() && clean(s)),
                    "{at}: section"
                );
                assert!(item.aspect.as_deref().is_none_or(clean), "{at}: aspect");
                let labels: Vec<&str> = match &item.kind {
                    ItemKind::Likert { labels, .. } => labels.iter().map(String::as_str).collect(),
                    ItemKind::Choice { options, .. } => options
                        .iter()
                        .flat_map(|o| [o.code.as_str(), o.label.as_str()])
                        .collect(),
                    _ => Vec::new(),
                };
                assert!(
                    labels.iter().all(|l| !l.is_empty() && clean(l)),
                    "{at}: labels"
                );
                // A rubric label describes its level in one short sentence.
                assert!(
                    labels.iter().all(|l| l.chars().count() <= 90),
                    "{at}: label too long"
                );
            }
        }
    }

    #[test]
    fn export_round_trips() {
        for def in builtin() {
            let again = parse(&export(&def, 1)).unwrap_or_else(|e| panic!("{}: {e:?}", def.code));
            assert_eq!(again, def);
        }
    }

    #[test]
    fn the_reaction_survey_rates_every_aspect_on_four_points() {
        let def = template("REAKSI-01");
        let likert: Vec<_> = def.items.iter().filter(|i| i.scale().is_some()).collect();
        assert_eq!(likert.len(), 21);
        for item in &likert {
            assert_eq!(
                item.kind,
                ItemKind::Likert {
                    min: 1,
                    max: 4,
                    labels: default_labels(1, 4)
                },
                "{}",
                item.code
            );
            assert!(item.aspect.is_some(), "{} has an aspect", item.code);
        }
        let mut aspects: Vec<&str> = likert.iter().filter_map(|i| i.aspect.as_deref()).collect();
        aspects.dedup();
        assert_eq!(
            aspects,
            [
                "materi",
                "fasilitator",
                "relevansi",
                "sarana",
                "penyelenggaraan",
                "komitmen"
            ]
        );
        let texts: Vec<_> = def
            .items
            .iter()
            .filter(|i| {
                matches!(
                    i.kind,
                    ItemKind::Text {
                        multiline: true,
                        ..
                    }
                )
            })
            .collect();
        assert_eq!(texts.len(), 2, "two open comments");
    }

    #[test]
    fn the_anonymous_reaction_survey_has_the_same_items() {
        let named = template("REAKSI-01");
        let anonymous = template("REAKSI-ANON");
        assert_eq!(anonymous.items, named.items);
        assert_ne!(anonymous.title, named.title);
        assert_eq!(items_part("code = \"X\"\n"), "");
    }

    #[test]
    fn the_knowledge_test_has_ten_keyed_questions() {
        let def = template("TES-PELAYANAN");
        assert_eq!(def.items.len(), 10);
        for item in &def.items {
            let ItemKind::Choice {
                options,
                multiple,
                correct,
            } = &item.kind
            else {
                panic!("{} is a choice", item.code);
            };
            let codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
            assert_eq!(codes, ["a", "b", "c", "d"], "{}", item.code);
            assert!(!multiple);
            assert!(
                correct.as_deref().is_some_and(|c| codes.contains(&c)),
                "{}",
                item.code
            );
        }
        let key: String = def
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Choice { correct, .. } => correct.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(
            key, "bcadbacdab",
            "the answer key (checked against the regulations)"
        );
        // The key scores 100; all-"a" scores the share of questions whose answer is a.
        assert_eq!(def.score(|c| def.item(c).and_then(correct_of)), Some(100.0));
        assert_eq!(def.score(|_| Some("a")), Some(30.0));
    }

    fn correct_of(item: &crate::domain::instrument::Item) -> Option<&str> {
        match &item.kind {
            ItemKind::Choice { correct, .. } => correct.as_deref(),
            _ => None,
        }
    }

    #[test]
    fn the_ikm_survey_has_u1_to_u9_on_four_points_in_order() {
        let def = template("IKM-9");
        let likert: Vec<_> = def.items.iter().filter(|i| i.scale().is_some()).collect();
        let codes: Vec<&str> = likert.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(
            codes,
            ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
        );
        let first: Vec<&str> = def.items[..9].iter().map(|i| i.code.as_str()).collect();
        assert_eq!(first, codes, "the nine elements come first");
        for item in likert {
            let ItemKind::Likert {
                min: 1,
                max: 4,
                labels,
            } = &item.kind
            else {
                panic!("{} is Likert 1–4", item.code);
            };
            assert_eq!(labels.len(), 4);
            assert_ne!(
                *labels,
                default_labels(1, 4),
                "{} has its own labels",
                item.code
            );
        }
        assert_eq!(
            def.item("U4").and_then(|i| i.label_of("4")).as_deref(),
            Some("Gratis")
        );
        assert_eq!(
            def.item("U1").and_then(|i| i.label_of("1")).as_deref(),
            Some("Tidak sesuai")
        );
        assert!(def.item("D1").is_some_and(|i| i.kind
            == ItemKind::Number {
                min: 15.0,
                max: 100.0,
                decimals: 0
            }));
    }

    #[test]
    fn self_and_supervisor_needs_analyses_line_up() {
        let asn = template("TNA-ASN");
        let atasan = template("TNA-ATASAN");
        for prefix in ["K", "P"] {
            for n in 1..=9 {
                let code = format!("{prefix}{n:02}");
                let (a, b) = (asn.item(&code), atasan.item(&code));
                assert!(a.is_some() && b.is_some(), "{code} in both");
                assert_eq!(
                    a.map(|i| &i.kind),
                    b.map(|i| &i.kind),
                    "{code}: same scale and labels"
                );
            }
        }
        for code in ["N01", "N02", "N03"] {
            let kind = |d: &Definition| d.item(code).map(|i| i.kind.clone());
            assert_eq!(kind(&asn), kind(&atasan), "{code}: same options");
        }
        assert!(
            matches!(asn.item("N01").map(|i| &i.kind), Some(ItemKind::Choice { multiple: true, options, .. }) if options.len() == 10)
        );
        assert!(asn.item("N04").is_some_and(|i| i.kind
            == ItemKind::Number {
                min: 0.0,
                max: 200.0,
                decimals: 0
            }));
        assert!(
            matches!(atasan.item("N04").map(|i| &i.kind), Some(ItemKind::Choice { multiple: true, options, .. }) if options.len() == 4)
        );
    }

    const CHECKLISTS: [&str; 4] = [
        "OBS-KOMUNIKASI",
        "OBS-WAKTU",
        "OBS-PELAYANAN",
        "OBS-KEPEMIMPINAN",
    ];

    fn with_role(def: &Definition, role: ItemRole) -> Vec<&Item> {
        def.items.iter().filter(|i| i.role == Some(role)).collect()
    }

    #[test]
    fn behaviour_templates_start_with_a_required_date() {
        let behaviour: Vec<Definition> = builtin()
            .into_iter()
            .filter(|d| d.level == Level::Behavior)
            .collect();
        assert_eq!(behaviour.len(), 6);
        for def in &behaviour {
            let first = &def.items[0];
            assert_eq!(
                (first.code.as_str(), &first.kind, first.role, first.required),
                ("TGL", &ItemKind::Date, Some(ItemRole::Date), true),
                "{}",
                def.code
            );
            for role in ItemRole::ALL {
                assert!(
                    with_role(def, role).len() <= 1,
                    "{}: one {role:?}",
                    def.code
                );
            }
            for item in def.items.iter().filter(|i| i.role.is_some()) {
                let text = matches!(
                    item.kind,
                    ItemKind::Text {
                        multiline: false,
                        ..
                    }
                );
                match item.role {
                    Some(ItemRole::Observer | ItemRole::Atasan) => {
                        assert!(text && item.required, "{} {}", def.code, item.code);
                    }
                    Some(ItemRole::Place) => assert!(text, "{} {}", def.code, item.code),
                    _ => {}
                }
            }
            let last = def.items.last().expect("items");
            assert!(
                last.code.as_str() == "CATATAN"
                    && matches!(
                        last.kind,
                        ItemKind::Text {
                            multiline: true,
                            max: 4000
                        }
                    ),
                "{}: ends with the notes",
                def.code
            );
        }
        // Not every template is behaviour, and none outside level 3 has a session role.
        for def in builtin().iter().filter(|d| d.level != Level::Behavior) {
            assert!(def.items.iter().all(|i| i.role.is_none()), "{}", def.code);
        }
    }

    #[test]
    fn checklists_rate_observed_behaviours_yes_no_or_not_applicable() {
        let want = [
            ("OBS-KOMUNIKASI", 7, 1),
            ("OBS-WAKTU", 4, 1),
            ("OBS-PELAYANAN", 7, 1),
            ("OBS-KEPEMIMPINAN", 5, 2),
        ];
        let levels = [
            "Belum tampak: ",
            "Mulai tampak: ",
            "Sudah tampak: ",
            "Konsisten dan menjadi contoh: ",
        ];
        for (code, behaviours, rubrics) in want {
            assert!(CHECKLISTS.contains(&code));
            let def = template(code);
            assert_eq!(with_role(&def, ItemRole::Observer).len(), 1, "{code}");
            assert_eq!(with_role(&def, ItemRole::Place).len(), 1, "{code}");
            let yes_no: Vec<&Item> = def
                .items
                .iter()
                .filter(|i| matches!(i.kind, ItemKind::YesNo { .. }))
                .collect();
            let codes: Vec<&str> = yes_no.iter().map(|i| i.code.as_str()).collect();
            let numbered: Vec<String> = (1..=behaviours).map(|n| format!("B{n:02}")).collect();
            assert_eq!(codes, numbered, "{code}");
            for item in &yes_no {
                assert_eq!(
                    item.kind,
                    ItemKind::YesNo { na: true },
                    "{code} {}",
                    item.code
                );
                assert!(item.note, "{code} {}: evidence note", item.code);
                assert_eq!(item.section.as_deref(), Some("Perilaku yang diamati"));
                assert!(item.aspect.is_some(), "{code} {}", item.code);
            }
            assert!(
                def.items
                    .iter()
                    .all(|i| !i.note || matches!(i.kind, ItemKind::YesNo { .. })),
                "{code}: notes only beside yes/no answers"
            );
            let rubric: Vec<&Item> = def.items.iter().filter(|i| i.scale().is_some()).collect();
            assert_eq!(rubric.len(), rubrics, "{code}");
            for item in rubric {
                let ItemKind::Likert {
                    min: 1,
                    max: 4,
                    labels,
                } = &item.kind
                else {
                    panic!("{code} {} is a 1–4 rubric", item.code);
                };
                for (label, level) in labels.iter().zip(levels) {
                    assert!(
                        label.starts_with(level) && label.len() > level.len() + 10,
                        "{code} {}: {label:?} describes the level {level:?}",
                        item.code
                    );
                }
            }
            assert!(def.items.iter().all(|i| i.objective.is_none()), "{code}");
        }
    }

    #[test]
    fn the_time_checklist_counts_tasks_due_and_done_on_time() {
        let def = template("OBS-WAKTU");
        let count = ItemKind::Number {
            min: 0.0,
            max: 200.0,
            decimals: 0,
        };
        let due = with_role(&def, ItemRole::CountDue);
        let done = with_role(&def, ItemRole::CountDone);
        assert_eq!(due.len(), 1);
        assert_eq!(done.len(), 1);
        assert_eq!((due[0].code.as_str(), &due[0].kind), ("TUGAS", &count));
        assert_eq!((done[0].code.as_str(), &done[0].kind), ("TEPAT", &count));
        assert!(def.position("TUGAS") < def.position("TEPAT"));
        assert_eq!(done[0].show_if, Condition::parse("TUGAS > 0").ok());
        for code in CHECKLISTS.iter().filter(|c| **c != "OBS-WAKTU") {
            let def = template(code);
            assert!(with_role(&def, ItemRole::CountDue).is_empty(), "{code}");
            assert!(with_role(&def, ItemRole::CountDone).is_empty(), "{code}");
        }
    }

    #[test]
    fn supervisor_interview_and_self_assessment_line_up() {
        let atasan = template("WAWANCARA-ATASAN");
        let diri = template("DIRI-PERILAKU");
        let labels = [
            "Tidak ada perubahan",
            "Sedikit perubahan",
            "Perubahan nyata",
            "Perubahan sangat nyata",
        ];
        for def in [&atasan, &diri] {
            for n in 1..=5u8 {
                let rating = def.item(&format!("T{n}")).expect("rating");
                let example = def.item(&format!("T{n}C")).expect("example");
                let at = format!("{} T{n}", def.code);
                assert_eq!(rating.objective, Some(n), "{at}");
                assert_eq!(example.objective, Some(n), "{at}C");
                assert_eq!(
                    rating.kind,
                    ItemKind::Likert {
                        min: 1,
                        max: 4,
                        labels: labels.map(String::from).to_vec()
                    },
                    "{at}"
                );
                assert_eq!(
                    example.kind,
                    ItemKind::Text {
                        multiline: false,
                        max: 300
                    },
                    "{at}C"
                );
                // A program with fewer objectives hides the item: it can never be required.
                assert!(!rating.required && !example.required, "{at}");
                assert_eq!(
                    def.position(example.code.as_str()),
                    def.position(rating.code.as_str()).map(|p| p + 1),
                    "{at}C follows its rating"
                );
            }
            let objectives = def.items.iter().filter(|i| i.objective.is_some()).count();
            assert_eq!(objectives, 10, "{}: only T1–T5 and T1C–T5C", def.code);
            for (choice, codes) in [
                ("HAMBATAN", &["1", "2", "3", "4", "5", "6", "9"][..]),
                ("PENDORONG", &["1", "2", "3", "4", "9"][..]),
            ] {
                let Some(ItemKind::Choice {
                    options,
                    multiple: true,
                    correct: None,
                }) = def.item(choice).map(|i| &i.kind)
                else {
                    panic!("{} {choice} is a multiple choice", def.code);
                };
                let got: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
                assert_eq!(got, codes, "{} {choice}", def.code);
                assert_eq!(options.last().map(|o| o.label.as_str()), Some("Lainnya"));
                let other = def.item(&format!("{choice}_LAIN")).expect("other");
                assert_eq!(
                    other.show_if,
                    Condition::parse(&format!("{choice} = 9")).ok()
                );
                assert!(other.show_if.as_ref().is_some_and(|c| c.holds(Some("3;9"))));
            }
        }
        for code in [
            "T1",
            "T2",
            "T3",
            "T4",
            "T5",
            "T1C",
            "T2C",
            "T3C",
            "T4C",
            "T5C",
            "HAMBATAN",
            "HAMBATAN_LAIN",
            "PENDORONG",
            "PENDORONG_LAIN",
        ] {
            let (a, d) = (atasan.item(code), diri.item(code));
            assert_eq!(
                a.map(|i| &i.kind),
                d.map(|i| &i.kind),
                "{code}: same answers"
            );
            assert_eq!(a.map(|i| i.objective), d.map(|i| i.objective), "{code}");
        }
        let role = |def: &Definition, role| with_role(def, role).len();
        assert_eq!(role(&atasan, ItemRole::Observer), 1);
        assert_eq!(role(&atasan, ItemRole::Atasan), 1);
        assert!(atasan.item("ATASAN").is_some_and(|i| i.required));
        assert_eq!(
            role(&diri, ItemRole::Observer) + role(&diri, ItemRole::Atasan),
            0
        );
        assert!(
            matches!(atasan.item("DUKUNGAN").map(|i| &i.kind), Some(ItemKind::Likert { min: 1, max: 4, labels }) if labels.len() == 4)
        );
    }
}
