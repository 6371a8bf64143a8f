//! statlint: checks that the figures of a statistical report agree.
//!
//! The pipeline, left to right: `source` (bytes → text → joined view),
//! `lex` (figures), `matcher` (rules → claims), `check` (interval
//! arithmetic → verdicts), then `finding` values that `report` renders.

pub mod check;
pub mod document;
pub mod examples;
pub mod finding;
pub mod guard;
pub mod lex;
pub mod linter;
pub mod matcher;
pub mod num;
pub mod report;
pub mod rules;
pub mod selection;
pub mod source;
pub mod walk;

pub use linter::{FileReport, LintError, Linter};
