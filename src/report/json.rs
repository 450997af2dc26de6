//! The JSON report: the contract documented in docs/formats.md.

use super::ProgramReport;

/// The report as pretty-printed JSON.
pub fn render(report: &ProgramReport) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|_| "{}".to_string())
}
