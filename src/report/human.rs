//! codespan-style diagnostics: the stated figure underlined, its inputs
//! labelled, the recomputation as a note. Carets line up under CJK text
//! because codespan-reporting measures display width.

use std::fmt::Write as _;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor, Config};

use super::LineIndex;
use crate::rules::Severity;
use crate::FileReport;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// Writes every finding of `reports` to `out` (a termcolor writer: plain
/// or with ANSI colour).
pub fn render_human(reports: &[FileReport], out: &mut dyn WriteColor) -> std::io::Result<()> {
    let config = Config::default();
    for report in reports {
        let file = SimpleFile::new(report.path.as_str(), report.text.as_str());
        for f in &report.findings {
            let mut labels = vec![Label::primary((), f.primary.start..f.primary.end)
                .with_message(f.primary_message.clone())];
            labels.extend(
                f.labels
                    .iter()
                    .map(|l| Label::secondary((), l.span.start..l.span.end).with_message(l.message.clone())),
            );
            let diagnostic = Diagnostic::new(severity(f.severity))
                .with_code(f.rule.clone())
                .with_message(f.message.clone())
                .with_labels(labels)
                .with_notes(f.notes.clone());
            term::emit_to_write_style(out, &config, &file, &diagnostic)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
    }
    Ok(())
}

/// One line per relation checked: `✓ path:line:col rule: note`.
pub fn render_show_checks(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.text);
        for c in &report.checks {
            let stated = c
                .members
                .iter()
                .find(|m| m.role == "stated")
                .or(c.members.first());
            let (line, column) = stated.map_or((1, 1), |m| index.position(&report.text, m.span.start));
            let mark = if c.consistent { "✓" } else { "✗" };
            let _ = writeln!(
                out,
                "{mark} {}:{line}:{column}: {} [{}]: {}",
                report.path, c.kind, c.rule, c.note
            );
        }
    }
    out
}
