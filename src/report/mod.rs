//! Output formats: one module each, all fed the same `FileReport`s.

mod concise;
mod github;
mod human;
mod json;
mod position;
mod sarif;

pub use concise::render_concise;
pub use github::render_github;
pub use human::{render_human, render_show_checks};
pub use json::{render_file_json, render_json, JsonStream};
pub use position::{LineIndex, Position};
pub use sarif::{render_file_sarif, render_sarif, SarifStream};

use crate::rules::Severity;
use crate::FileReport;

/// Totals for the summary line and the exit status.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub checks: usize,
    pub figures: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport]) -> Totals {
        let mut t = Totals::default();
        for r in reports {
            t.add(r);
        }
        t
    }

    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.checks += r.checks.len();
        self.figures += r.figures;
        for f in &r.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// `2 errors, 0 warnings; 37 relations checked, 120 figures, in 3 files`
    pub fn summary_line(&self) -> String {
        fn plural(n: usize, word: &str) -> String {
            format!("{n} {word}{}", if n == 1 { "" } else { "s" })
        }
        format!(
            "{}, {}; {} checked, {} found, in {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.checks, "relation"),
            plural(self.figures, "figure"),
            plural(self.files, "file"),
        )
    }
}
