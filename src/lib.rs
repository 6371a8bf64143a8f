//! statlint: checks that the figures of a statistical report agree.
//!
//! The pipeline, left to right: `source` (bytes → text → joined view),
//! `lex` (figures), `doc` (mentions: labels, roles, periods, read with the
//! `lexicon`), `kinds` (candidate readings of each relation), `verdict`
//! (interval arithmetic → what to report), then `finding` values that
//! `report` renders.

pub mod api;
pub mod config;
pub mod doc;
pub mod examples;
pub mod finding;
pub mod guard;
pub mod kinds;
pub mod lex;
pub mod lexicon;
pub mod linter;
pub mod num;
pub mod report;
pub mod rules;
pub mod selection;
pub mod server;
pub mod source;
pub mod suppress;
pub mod uri;
pub mod verdict;
pub mod walk;

pub use api::{lint, lint_path};
pub use linter::{FileReport, LintError, Linter};
