//! Reports through the real binary: the JSON contract, and the printable HTML report checked in a real
//! headless browser (Chromium from the distribution) when one is installed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn tilik(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tilik"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "C")
        .env_remove("TILIK_DB")
        .output()
        .expect("tilik runs")
}

fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let out = tilik(&db, &["init", "--demo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, db)
}

#[test]
fn json_report_of_a_demo_program_has_every_level() {
    let (_dir, db) = demo();
    let out = tilik(
        &db,
        &["report", "--program", "KOM-2026-01", "--format", "json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["program"]["code"], "KOM-2026-01");
    assert!(v["learning"]["pairs"].as_u64().unwrap_or(0) > 10);
    assert!(
        v["learning"]["p"]
            .as_f64()
            .is_some_and(|p| (0.0..=1.0).contains(&p))
    );
    let reaction = v["reaction"].as_array().expect("reaction array");
    assert_eq!(reaction[0]["instrument"], "REAKSI-01");
    assert!(reaction[0]["alpha"].as_f64().is_some());
    assert!(v["costs"]["total"].as_i64().unwrap_or(0) > 0);
    assert!(v["recommendations"].is_array());
}

#[test]
fn a_program_without_scores_says_why_learning_is_missing() {
    let (_dir, db) = demo();
    let out = tilik(&db, &["report", "--program", "PRAKOM-2026-01"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["learning"].is_null());
    assert_eq!(v["learning_reason"], "no_pairs");
    let rules: Vec<&str> = v["recommendations"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["rule"].as_str())
        .collect();
    assert!(rules.contains(&"no_learning_data"), "{rules:?}");
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn chromium_run(browser: &Path, profile: &Path, args: &[&str]) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
fn html_report_follows_the_outline_and_renders_in_a_browser() {
    let (dir, db) = demo();
    let html = dir.path().join("laporan.html");
    let out = tilik(
        &db,
        &[
            "report",
            "--program",
            "MWK-2026-01",
            "--format",
            "html",
            "-o",
            html.to_str().expect("utf8"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&html).expect("written");
    for heading in [
        "1. Pendahuluan",
        "2. Tujuan Evaluasi",
        "3. Metode",
        "4. Hasil per Level",
        "5. Dampak terhadap Kinerja",
        "6. Rekomendasi",
        "7. Kesimpulan",
    ] {
        assert!(text.contains(heading), "missing {heading}");
    }
    assert!(text.matches("<svg").count() >= 3, "charts are inline SVG");
    // Self-contained: nothing is fetched from elsewhere (the only URL is the SVG namespace).
    assert_eq!(
        text.matches("http").count(),
        text.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(text.contains("@page { size: A4"));
    assert!(text.contains("relevansi"), "the weak aspect is shown");
    let Some(browser) = chromium() else {
        println!(
            "skipped: no Chromium installed (apt-get install chromium) — the HTML was checked as text only"
        );
        return;
    };
    let profile = dir.path().join("chromium");
    let url = format!("file://{}", html.display());
    let dom = chromium_run(&browser, &profile, &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("<svg"), "the browser parsed the charts");
    assert!(dom.contains("Laporan Evaluasi Pasca Pelatihan"));
    let pdf = dir.path().join("laporan.pdf");
    let printed = chromium_run(
        &browser,
        &profile,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &url,
        ],
    );
    assert!(
        pdf.exists(),
        "printing failed: {}",
        String::from_utf8_lossy(&printed.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("pdf");
    assert!(bytes.starts_with(b"%PDF"));
    let pages = String::from_utf8_lossy(&bytes)
        .matches("/Type /Page\n")
        .count()
        + String::from_utf8_lossy(&bytes)
            .matches("/Type /Page ")
            .count()
        + String::from_utf8_lossy(&bytes)
            .matches("/Type/Page")
            .count();
    assert!(
        pages >= 2 || bytes.len() > 20_000,
        "an A4 report of several pages"
    );
}

#[test]
fn xlsx_report_has_a_sheet_per_level_with_numbers_as_numbers() {
    use calamine::{Data, Reader, open_workbook_auto};
    let (dir, db) = demo();
    let file = dir.path().join("laporan.xlsx");
    let out = tilik(
        &db,
        &[
            "report",
            "--program",
            "KOM-2026-01",
            "--format",
            "xlsx",
            "-o",
            file.to_str().expect("utf8"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book = open_workbook_auto(&file).expect("a workbook");
    // The sheets of docs/formats.md, in its order.
    assert_eq!(
        book.sheet_names(),
        [
            "Ringkasan",
            "Reaksi",
            "Pembelajaran",
            "Perilaku",
            "Hasil",
            "Biaya",
            "Rekomendasi",
            "Data mentah",
        ]
    );
    let learning = book.worksheet_range("Pembelajaran").expect("sheet");
    let first = learning.get((1, 2)).expect("a pre score");
    assert!(
        matches!(first, Data::Float(_)),
        "scores are numbers, not text: {first:?}"
    );
    let raw = book.worksheet_range("Data mentah").expect("sheet");
    assert!(raw.height() > 10, "one row per form");
    // Without -o there is nowhere to put a workbook.
    let refused = tilik(
        &db,
        &["report", "--program", "KOM-2026-01", "--format", "xlsx"],
    );
    assert_eq!(refused.status.code(), Some(3));
}

#[test]
fn csv_report_lists_every_figure_as_a_row() {
    let (_dir, db) = demo();
    let out = tilik(
        &db,
        &["report", "--program", "KOM-2026-01", "--format", "csv"],
    );
    let text = String::from_utf8(out.stdout).expect("utf8");
    assert!(text.starts_with("section,item,measure,value\n"));
    assert!(text.lines().any(|l| l.starts_with("learning,,t,")));
    assert!(
        text.lines()
            .any(|l| l.starts_with("reaction_item,REAKSI-01:R01,mean,"))
    );
}

// ── IKM (PermenPAN-RB 14/2017) ───────────────────────────────────────────────────────────────────────────

/// Writes an anonymous IKM-9 survey file (`sheet,U1..U9`; 0 is an empty answer).
fn ikm_file(dir: &Path, name: &str, rows: &[[u8; 9]]) -> PathBuf {
    let path = dir.join(name);
    let mut text = String::from("sheet,U1,U2,U3,U4,U5,U6,U7,U8,U9\n");
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|v| {
                if *v == 0 {
                    String::new()
                } else {
                    v.to_string()
                }
            })
            .collect();
        text.push_str(&format!("{},{}\n", n + 1, cells.join(",")));
    }
    std::fs::write(&path, text).expect("survey file");
    path
}

/// PPP-2026-01 of the demo with the unit's IKM survey before the training (pre), at the first follow-up
/// (f1, where nobody answered U9) and after six months (m6).
fn demo_with_ikm() -> (tempfile::TempDir, PathBuf) {
    let (dir, db) = demo();
    let surveys: [(&str, Vec<[u8; 9]>); 3] = [
        (
            "pre",
            vec![
                [3, 3, 2, 3, 3, 3, 3, 2, 3],
                [3, 2, 2, 3, 3, 3, 3, 3, 3],
                [2, 3, 3, 3, 3, 3, 4, 2, 3],
                [3, 3, 2, 4, 3, 3, 3, 3, 3],
            ],
        ),
        (
            "f1",
            vec![[4, 3, 3, 4, 3, 4, 4, 3, 0], [3, 3, 3, 4, 4, 3, 4, 3, 0]],
        ),
        (
            "m6",
            vec![
                [4, 3, 3, 4, 3, 4, 4, 3, 3],
                [3, 3, 3, 4, 4, 3, 4, 3, 3],
                [4, 4, 3, 4, 3, 3, 4, 3, 4],
                [3, 3, 3, 4, 3, 4, 4, 3, 3],
            ],
        ),
    ];
    for (phase, rows) in &surveys {
        let file = ikm_file(dir.path(), &format!("ikm-{phase}.csv"), rows);
        let out = tilik(
            &db,
            &[
                "import",
                "survey",
                file.to_str().expect("utf8"),
                "--instrument",
                "IKM-9",
                "--program",
                "PPP-2026-01",
                "--phase",
                phase,
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    (dir, db)
}

fn close(got: &serde_json::Value, want: f64, what: &str) {
    let got = got
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is a number: {got}"));
    assert!((got - want).abs() < 1e-9, "{what}: {got} ≠ {want}");
}

#[test]
fn ikm_before_and_after_in_the_json_report_computed_by_hand() {
    let (_dir, db) = demo_with_ikm();
    let out = tilik(&db, &["report", "--program", "PPP-2026-01"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ikm = v["results"]["ikm"].as_array().expect("an ikm array");
    assert_eq!(ikm.len(), 1, "{ikm:?}");
    let k = &ikm[0];
    assert_eq!(k["instrument"], "IKM-9");
    let phases: Vec<&str> = k["surveys"]
        .as_array()
        .expect("surveys")
        .iter()
        .filter_map(|s| s["phase"].as_str())
        .collect();
    assert_eq!(phases, ["pre", "f1", "m6"], "in the order of the phases");
    let [pre, f1, m6] = [0, 1, 2].map(|i| &k["surveys"][i]);

    // Pre, by hand. NRR: U1 (3+3+2+3)/4 = 2.75, U2 2.75, U3 (2+2+3+2)/4 = 2.25, U4 3.25, U5 3, U6 3,
    // U7 3.25, U8 2.5, U9 3; sum 25.75; IKM = 25.75 / 9 × 25 = 71.53 → C (65.00–76.60).
    assert_eq!(pre["respondents"], 4);
    let nrr: Vec<f64> = pre["elements"]
        .as_array()
        .expect("elements")
        .iter()
        .map(|e| e["nrr"].as_f64().expect("nrr"))
        .collect();
    assert_eq!(nrr, [2.75, 2.75, 2.25, 3.25, 3.0, 3.0, 3.25, 2.5, 3.0]);
    assert_eq!(pre["elements"][0]["code"], "U1");
    assert_eq!(pre["elements"][0]["n"], 4);
    close(&pre["index"], 25.75 / 9.0 * 25.0, "pre IKM");
    assert_eq!(pre["grade"], "C");
    assert!(pre["reason"].is_null());
    assert_eq!(pre["missing"], serde_json::json!([]));

    // M6: U1 3.5, U2 3.25, U3 3, U4 4, U5 3.25, U6 3.5, U7 4, U8 3, U9 3.25; sum 30.75 → 85.42, B.
    close(&m6["index"], 30.75 / 9.0 * 25.0, "m6 IKM");
    assert_eq!(m6["grade"], "B");

    // F1: nobody answered U9, so there is no index, and the report says why.
    assert_eq!(f1["respondents"], 2);
    assert!(f1["index"].is_null() && f1["grade"].is_null());
    assert_eq!(f1["missing"], serde_json::json!(["U9"]));
    assert_eq!(
        f1["reason"],
        serde_json::json!({"too_few": {"needed": 9, "got": 8}})
    );
    assert_eq!(f1["elements"][8]["n"], 0);
    assert!(f1["elements"][8]["nrr"].is_null());
    close(&f1["elements"][0]["nrr"], 3.5, "f1 U1");

    // Before (pre) against the latest after it with an index (m6, not the f1 without one).
    let c = &k["change"];
    assert_eq!(c["before_phase"], "pre");
    assert_eq!(c["after_phase"], "m6");
    close(&c["before"], 25.75 / 9.0 * 25.0, "before");
    close(&c["after"], 30.75 / 9.0 * 25.0, "after");
    close(&c["difference"], 5.0 / 9.0 * 25.0, "difference");
    assert_eq!(
        (c["before_grade"].as_str(), c["after_grade"].as_str()),
        (Some("C"), Some("B"))
    );

    // A program without an IKM survey has none.
    let out = tilik(&db, &["report", "--program", "KOM-2026-01"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["results"]["ikm"], serde_json::json!([]));
}

#[test]
fn ikm_in_the_html_csv_and_xlsx_reports() {
    use calamine::{Data, Reader, open_workbook_auto};
    let (dir, db) = demo_with_ikm();
    let html = dir.path().join("ikm.html");
    let out = tilik(
        &db,
        &[
            "report",
            "--program",
            "PPP-2026-01",
            "--format",
            "html",
            "-o",
            html.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&html).expect("written");
    assert!(text.contains("PermenPAN-RB 14/2017"), "the method is said");
    assert!(
        text.contains("<th>NRR Sebelum (pre)</th>"),
        "a column per phase"
    );
    assert!(
        text.contains("<td class=\"n\">2,75</td>"),
        "NRR in the user's notation"
    );
    assert!(
        text.contains("71,53") && text.contains("85,42"),
        "both indexes"
    );
    assert!(
        text.contains("C (Kurang Baik)") && text.contains("B (Baik)"),
        "grades in words"
    );
    assert!(
        text.contains(
            "Tindak lanjut 1: IKM tidak dapat dihitung: unsur U9 tanpa jawaban (IKM memerlukan \
             kesembilan unsur) · 2 responden"
        ),
        "why the f1 survey has no index"
    );
    assert!(
        text.contains(
            "Perubahan IKM, Sebelum (pre) → Hasil (±6 bulan): 71,53 → 85,42 (+13,89 poin), mutu C → B"
        ),
        "the change"
    );

    let out = tilik(
        &db,
        &["report", "--program", "PPP-2026-01", "--format", "csv"],
    );
    let csv = String::from_utf8(out.stdout).expect("utf8");
    assert!(csv.contains("\nikm,IKM-9:pre,respondents,4\n"), "{csv}");
    assert!(csv.contains("\nikm,IKM-9:pre,grade,C\n"));
    assert!(
        csv.contains("\nikm,IKM-9:f1,index,\n"),
        "no index: an empty value"
    );
    assert!(csv.contains("\nikm_element,IKM-9:m6:U1,nrr,3.5\n"));
    assert!(csv.contains("\nikm_change,IKM-9:pre-m6,difference,13.88"));

    let file = dir.path().join("ikm.xlsx");
    let out = tilik(
        &db,
        &[
            "--lang",
            "en",
            "report",
            "--program",
            "PPP-2026-01",
            "--format",
            "xlsx",
            "-o",
            file.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success());
    let mut book = open_workbook_auto(&file).expect("a workbook");
    let results = book.worksheet_range("Results").expect("the Results sheet");
    let rows: Vec<Vec<Data>> = results.rows().map(<[Data]>::to_vec).collect();
    let find = |first: &str, second: &str| {
        rows.iter()
            .find(|r| {
                r.first()
                    .is_some_and(|c| matches!(c, Data::String(s) if s == first))
                    && r.get(1)
                        .is_some_and(|c| matches!(c, Data::String(s) if s == second))
            })
            .unwrap_or_else(|| panic!("no row {first}, {second}: {rows:?}"))
    };
    let pre = find("IKM-9", "pre");
    assert_eq!(pre[2], Data::Float(4.0), "respondents");
    assert!(matches!(pre[3], Data::Float(x) if (x - 25.75 / 9.0 * 25.0).abs() < 1e-9));
    assert_eq!(pre[4].to_string(), "C (Fair)");
    let f1 = find("IKM-9", "f1");
    assert_eq!(f1[3], Data::Empty, "no index");
    assert!(f1[5].to_string().contains("U9"), "{f1:?}");
    let change = find("IKM-9", "Change pre → m6");
    assert!(matches!(change[3], Data::Float(x) if (x - 125.0 / 9.0).abs() < 1e-9));
    assert_eq!(change[4].to_string(), "C → B");
    let u1 = rows
        .iter()
        .find(|r| {
            r.get(1)
                .is_some_and(|c| matches!(c, Data::String(s) if s == "m6"))
                && r.get(2)
                    .is_some_and(|c| matches!(c, Data::String(s) if s == "U1"))
        })
        .expect("the U1 row of m6");
    assert_eq!(u1[5], Data::Float(3.5));
}
