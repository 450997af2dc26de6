//! Exports and reports (JSON, CSV, XLSX, HTML).
