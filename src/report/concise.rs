//! `path:line:col: rule: message`, one line per finding.

use std::fmt::Write as _;

use super::LineIndex;
use crate::FileReport;

pub fn render_concise(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.text);
        for f in &report.findings {
            let (line, column) = index.position(&report.text, f.primary.start);
            let _ = writeln!(
                out,
                "{}:{line}:{column}: {} {}[{}]: {}",
                report.path,
                f.severity.name(),
                f.kind,
                f.rule,
                f.message
            );
        }
    }
    out
}
