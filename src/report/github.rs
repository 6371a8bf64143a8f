//! GitHub Actions workflow commands: `::error file=…,line=…::message`,
//! which GitHub shows as annotations on the pull request's diff.

use std::fmt::Write as _;

use super::LineIndex;
use crate::rules::Severity;
use crate::FileReport;

pub fn render_github(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.text);
        for f in &report.findings {
            let (line, col) = index.position(&report.text, f.primary.start);
            let (end_line, end_col) = index.position(&report.text, f.primary.end);
            let level = match f.severity {
                Severity::Error => "error",
                _ => "warning",
            };
            let _ = writeln!(
                out,
                "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                property(&report.path),
                property(&format!("statlint {}", f.rule)),
                data(&f.message),
            );
        }
    }
    out
}

/// A message as workflow commands escape it.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: also its separators escaped.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(data("50% of\nall"), "50%25 of%0Aall");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
