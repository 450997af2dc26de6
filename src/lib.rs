//! tilik — evaluating training programs for Indonesian civil servants (ASN).
//!
//! Layers (dependencies point inward, towards `domain`):
//! - [`domain`]: pure types and rules (NIP, golongan, programs, instruments);
//! - [`stats`]: pure numerics;
//! - [`store`]: SQLite persistence, one module per aggregate;
//! - [`import`] and [`report`]: files in and out;
//! - [`app`], [`screens`], [`widgets`]: the terminal interface (state, update, render);
//! - [`cli`]: headless commands and the process edge.
//!
//! [`i18n`] and [`text`] are leaf utilities used by every layer.

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod identity;
pub mod import;
pub mod report;
pub mod screens;
pub mod stats;
pub mod store;
pub mod templates;
pub mod text;
pub mod widgets;
