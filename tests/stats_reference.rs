//! Runs the statistics reference cases (tests/fixtures/reference/*, copied
//! from shared/reference and computed with SciPy and pingouin) through
//! `tilik::stats` and checks every figure in each case's expected.json.
//!
//! Tolerance: relative 1e-6; p-values 1e-6 absolute or relative, whichever is looser.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;
use tilik::stats;

const RELATIVE: f64 = 1e-6;

fn fixture(case: &str, file: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "reference",
        case,
        file,
    ]
    .iter()
    .collect();
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn expected(case: &str) -> Value {
    serde_json::from_str(&fixture(case, "expected.json")).expect("expected.json is JSON")
}

/// Data rows of a simple CSV (no quoted commas), split on commas, header dropped.
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let split = |line: &str| {
        line.split(',')
            .map(|cell| cell.trim().to_owned())
            .collect::<Vec<_>>()
    };
    let header = lines.next().map(split).unwrap_or_default();
    (header, lines.map(split).collect())
}

/// An empty cell is missing.
fn cell<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() {
        None
    } else {
        Some(text.parse().unwrap_or_else(|_| panic!("bad cell {text:?}")))
    }
}

/// `(pre, post)` of the people with both scores, from `nip,pre,post`.
fn score_pairs(case: &str) -> Vec<(f64, f64)> {
    let (header, rows) = csv_rows(&fixture(case, "scores.csv"));
    assert_eq!(header, ["nip", "pre", "post"]);
    rows.iter()
        .filter_map(|row| Some((cell(&row[1])?, cell(&row[2])?)))
        .collect()
}

/// Item codes and answers (respondents × items) from `nip,<item codes…>`.
fn survey(case: &str) -> (Vec<String>, Vec<Vec<Option<u8>>>) {
    let (header, rows) = csv_rows(&fixture(case, "survey.csv"));
    let answers = rows
        .iter()
        .map(|row| row[1..].iter().map(|c| cell(c)).collect())
        .collect();
    (header[1..].to_vec(), answers)
}

/// Each item's scale, by code, from instrument.toml.
fn scales(case: &str) -> Vec<(String, (u8, u8))> {
    let doc: toml::Table = fixture(case, "instrument.toml")
        .parse()
        .expect("instrument.toml is TOML");
    doc["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| {
            let scale = item["scale"].as_array().expect("scale");
            let point =
                |i: usize| u8::try_from(scale[i].as_integer().expect("integer")).expect("u8");
            (
                item["code"].as_str().expect("code").to_owned(),
                (point(0), point(1)),
            )
        })
        .collect()
}

fn number(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number"))
}

fn count(v: &Value, key: &str) -> usize {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is a count")) as usize
}

fn assert_close(what: &str, actual: f64, expected: f64) {
    let error = (actual - expected).abs();
    assert!(
        error <= RELATIVE * expected.abs(),
        "{what}: got {actual}, expected {expected} (relative error {:e})",
        error / expected.abs()
    );
}

fn assert_p(what: &str, actual: f64, expected: f64) {
    let error = (actual - expected).abs();
    assert!(
        error <= RELATIVE * expected.abs().max(1.0),
        "{what}: got {actual}, expected {expected} (error {error:e})"
    );
}

fn check_learning(case: &str) {
    let expected = expected(case);
    let want = &expected["learning"];
    let pairs = score_pairs(case);

    let t = stats::paired_t(&pairs).expect("paired t");
    assert_eq!(t.pairs, count(want, "pairs"), "{case} pairs");
    assert_eq!(t.df, count(want, "df"), "{case} df");
    for (key, actual) in [
        ("pre_mean", t.pre_mean),
        ("post_mean", t.post_mean),
        ("mean_diff", t.mean_diff),
        ("sd_diff", t.sd_diff),
        ("t", t.t),
        ("cohen_dz", t.cohen_dz),
    ] {
        assert_close(&format!("{case} {key}"), actual, number(want, key));
    }
    assert_p(&format!("{case} p"), t.p, number(want, "p"));
    let ci = want["ci95"].as_array().expect("ci95");
    assert_close(
        &format!("{case} ci95 low"),
        t.ci95.0,
        ci[0].as_f64().expect("ci low"),
    );
    assert_close(
        &format!("{case} ci95 high"),
        t.ci95.1,
        ci[1].as_f64().expect("ci high"),
    );

    let w = stats::wilcoxon_signed_rank(&pairs).expect("wilcoxon");
    assert_close(
        &format!("{case} wilcoxon_w"),
        w.w,
        number(want, "wilcoxon_w"),
    );
    assert_p(
        &format!("{case} wilcoxon_p"),
        w.p,
        number(want, "wilcoxon_p"),
    );

    let g = stats::normalized_gain(&pairs, 100.0).expect("normalized gain");
    assert_close(
        &format!("{case} ngain_mean"),
        g.mean,
        number(want, "ngain_mean"),
    );
    assert_eq!(
        (g.high, g.medium, g.low),
        (
            count(want, "ngain_high"),
            count(want, "ngain_medium"),
            count(want, "ngain_low")
        ),
        "{case} ngain bands"
    );
}

fn check_reaction(case: &str) {
    let expected = expected(case);
    let want = &expected["reaction"];
    let (codes, answers) = survey(case);
    let scales = scales(case);
    assert_eq!(
        answers.len(),
        count(want, "respondents"),
        "{case} respondents"
    );

    let want_items = want["items"].as_array().expect("items");
    assert_eq!(want_items.len(), codes.len(), "{case} item count");
    for want_item in want_items {
        let code = want_item["code"].as_str().expect("code");
        let column = codes
            .iter()
            .position(|c| c == code)
            .expect("item in survey");
        let (_, scale) = scales
            .iter()
            .find(|(c, _)| c == code)
            .expect("item in instrument");
        let item_answers: Vec<Option<u8>> = answers.iter().map(|row| row[column]).collect();
        let item = stats::likert_item(&item_answers, *scale);
        assert_eq!(item.n, count(want_item, "n"), "{case} {code} n");
        assert_eq!(
            item.counts.iter().sum::<usize>(),
            item.n,
            "{case} {code} counts"
        );
        for (key, actual) in [
            ("mean", item.mean),
            ("sd", item.sd),
            ("favorable_pct", item.favorable_pct),
        ] {
            let actual = actual.unwrap_or_else(|| panic!("{case} {code} {key} computable"));
            assert_close(
                &format!("{case} {code} {key}"),
                actual,
                number(want_item, key),
            );
        }
    }

    let rows: Vec<Vec<Option<f64>>> = answers
        .iter()
        .map(|row| row.iter().map(|a| a.map(f64::from)).collect())
        .collect();
    let alpha = stats::cronbach_alpha(&rows).expect("alpha");
    assert_eq!(alpha.items, codes.len(), "{case} alpha items");
    assert_close(&format!("{case} alpha"), alpha.alpha, number(want, "alpha"));
}

#[test]
fn cohort_learning() {
    check_learning("cohort");
}

#[test]
fn cohort_reaction() {
    check_reaction("cohort");
}

#[test]
fn student1908_learning() {
    check_learning("student1908");
}

#[test]
fn student1908_matches_published_result() {
    // Student (1908): t = 4.0621, df = 9, p = 0.002833.
    let t = stats::paired_t(&score_pairs("student1908")).expect("paired t");
    assert_eq!(t.df, 9);
    assert!((t.t - 4.0621).abs() < 5e-5);
    assert!((t.p - 0.002833).abs() < 5e-7);
}

#[test]
fn reference_wilcoxon_cases_use_the_normal_approximation() {
    // Both cases have zero differences (and ties), so SciPy used the normal approximation.
    for case in ["cohort", "student1908"] {
        let w = stats::wilcoxon_signed_rank(&score_pairs(case)).expect("wilcoxon");
        assert_eq!(w.method, stats::WilcoxonMethod::Normal, "{case}");
    }
}
