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
    let names = book.sheet_names();
    for wanted in [
        "Ringkasan",
        "Reaksi",
        "Pembelajaran",
        "Biaya",
        "Rekomendasi",
        "Data mentah",
    ] {
        assert!(
            names.iter().any(|n| n == wanted),
            "missing sheet {wanted}: {names:?}"
        );
    }
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
