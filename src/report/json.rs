//! The JSON contract: every finding and every relation checked.

use std::io::Write;

use serde::Serialize;
use serde_json::json;

use super::{LineIndex, Totals};
use crate::finding::Span;
use crate::FileReport;

#[derive(Serialize)]
struct Position<'a> {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    /// The column in UTF-8 bytes and in UTF-16 code units (1-based), for
    /// editors that count so.
    column_utf8: usize,
    column_utf16: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    rule: &'a str,
    kind: &'a str,
    severity: &'a str,
    message: &'a str,
    primary: Position<'a>,
    labels: Vec<Position<'a>>,
    notes: &'a [String],
    expected: Option<&'a str>,
}

#[derive(Serialize)]
struct Member<'a> {
    role: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Check<'a> {
    rule: &'a str,
    kind: &'a str,
    status: &'a str,
    members: Vec<Member<'a>>,
    note: &'a str,
}

/// One file's entry, borrowed from the report: serialized as it is
/// walked, never built as a tree of values.
#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    figures: usize,
    diagnostics: Vec<Diagnostic<'a>>,
    #[serde(serialize_with = "serialize_checks")]
    checks: &'a FileReport,
}

fn serialize_checks<S: serde::Serializer>(report: &&FileReport, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(report.checks.len()))?;
    for c in &report.checks {
        seq.serialize_element(&Check {
            rule: &c.rule,
            kind: c.kind,
            status: if c.consistent {
                "consistent"
            } else {
                "inconsistent"
            },
            members: c
                .members
                .iter()
                .map(|m| Member {
                    role: m.role,
                    start: m.span.start + report.offset_base,
                    end: m.span.end + report.offset_base,
                    text: &m.text,
                })
                .collect(),
            note: &c.note,
        })?;
    }
    seq.end()
}

fn position<'a>(
    report: &FileReport,
    index: &LineIndex,
    span: Span,
    message: Option<&'a str>,
) -> Position<'a> {
    let at = index.locate(&report.text, span.start);
    Position {
        start: span.start + report.offset_base,
        end: span.end + report.offset_base,
        line: at.line,
        column: at.column,
        column_utf8: at.column_utf8,
        column_utf16: at.column_utf16,
        message,
    }
}

fn entry(report: &FileReport) -> FileEntry<'_> {
    let index = LineIndex::new(&report.text);
    let diagnostics = report
        .findings
        .iter()
        .map(|f| Diagnostic {
            rule: &f.rule,
            kind: f.kind,
            severity: f.severity.name(),
            message: &f.message,
            primary: position(report, &index, f.primary, None),
            labels: f
                .labels
                .iter()
                .map(|l| position(report, &index, l.span, Some(&l.message)))
                .collect(),
            notes: &f.notes,
            expected: f.expected.as_deref(),
        })
        .collect();
    FileEntry {
        path: &report.path,
        figures: report.figures,
        diagnostics,
        checks: report,
    }
}

/// One file's entry, serialized.
pub fn render_file_json(report: &FileReport) -> Vec<u8> {
    serde_json::to_vec(&entry(report)).unwrap_or_default()
}

/// The whole JSON document for reports already in memory.
pub fn render_json(reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    let mut stream = JsonStream::default();
    for report in reports {
        // Writing to a Vec cannot fail.
        let _ = stream.file(&mut out, report);
    }
    let _ = stream.finish(&mut out, &Totals::of(reports));
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the JSON document one file at a time, so that a run over many
/// files never holds them all.
#[derive(Default)]
pub struct JsonStream {
    files: usize,
}

impl JsonStream {
    pub fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> std::io::Result<()> {
        self.file_rendered(out, &render_file_json(report))
    }

    /// Writes a file entry made by `render_file_json` (which may run on
    /// another thread).
    pub fn file_rendered(&mut self, out: &mut dyn Write, entry: &[u8]) -> std::io::Result<()> {
        let lead: &[u8] = if self.files == 0 {
            b"{\"version\":1,\"files\":[\n"
        } else {
            b",\n"
        };
        out.write_all(lead)?;
        out.write_all(entry)?;
        self.files += 1;
        Ok(())
    }

    pub fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> std::io::Result<()> {
        if self.files == 0 {
            out.write_all(b"{\"version\":1,\"files\":[")?;
        }
        let summary = json!({
            "files": totals.files,
            "errors": totals.errors,
            "warnings": totals.warnings,
            "checks": totals.checks,
            "figures": totals.figures,
        });
        write!(out, "\n],\"summary\":{summary}}}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::render_json;
    use crate::rules::RuleSet;
    use crate::selection::Selection;
    use crate::Linter;

    #[test]
    fn the_document_parses_with_files_findings_and_a_summary() {
        let linter = Linter::new(RuleSet::builtin().unwrap(), &Selection::default());
        let bad = linter.lint_text(
            "a.txt",
            "目标任务数 52380人，累计接种 48211剂次，完成率93.04%。".into(),
            0,
        );
        let clean = linter.lint_text("b.txt", String::new(), 0);
        let doc: serde_json::Value = serde_json::from_str(&render_json(&[bad, clean])).unwrap();
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["files"].as_array().unwrap().len(), 2);
        assert_eq!(doc["files"][0]["diagnostics"][0]["expected"], "92.04%");
        assert_eq!(doc["summary"]["errors"], 1);
    }

    #[test]
    fn no_files_is_still_a_document() {
        let doc: serde_json::Value = serde_json::from_str(&render_json(&[])).unwrap();
        assert_eq!(doc["files"].as_array().unwrap().len(), 0);
        assert_eq!(doc["summary"]["files"], 0);
    }
}
