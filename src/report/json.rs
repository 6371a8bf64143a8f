//! The JSON contract: every finding and every relation checked.

use std::io::Write;

use serde_json::{json, Value};

use super::{LineIndex, Totals};
use crate::finding::Span;
use crate::FileReport;

fn position(report: &FileReport, index: &LineIndex, span: Span) -> Value {
    let (line, column) = index.position(&report.text, span.start);
    json!({
        "start": span.start + report.offset_base,
        "end": span.end + report.offset_base,
        "line": line,
        "column": column,
    })
}

/// One file's entry in the JSON document.
pub fn file_json(report: &FileReport) -> Value {
    let index = LineIndex::new(&report.text);
    let diagnostics: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let labels: Vec<Value> = f
                .labels
                .iter()
                .map(|l| {
                    let mut v = position(report, &index, l.span);
                    v["message"] = json!(l.message);
                    v
                })
                .collect();
            json!({
                "rule": f.rule,
                "kind": f.kind,
                "severity": f.severity.name(),
                "message": f.message,
                "primary": position(report, &index, f.primary),
                "labels": labels,
                "notes": f.notes,
                "expected": f.expected,
            })
        })
        .collect();
    let checks: Vec<Value> = report
        .checks
        .iter()
        .map(|c| {
            let members: Vec<Value> = c
                .members
                .iter()
                .map(|m| {
                    json!({
                        "role": m.role,
                        "start": m.span.start + report.offset_base,
                        "end": m.span.end + report.offset_base,
                        "text": m.text,
                    })
                })
                .collect();
            json!({
                "rule": c.rule,
                "kind": c.kind,
                "status": if c.consistent { "consistent" } else { "inconsistent" },
                "members": members,
                "note": c.note,
            })
        })
        .collect();
    json!({
        "path": report.path,
        "figures": report.figures,
        "diagnostics": diagnostics,
        "checks": checks,
    })
}

/// One file's entry, serialized.
pub fn render_file_json(report: &FileReport) -> Vec<u8> {
    serde_json::to_vec(&file_json(report)).unwrap_or_default()
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
