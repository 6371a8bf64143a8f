//! The JSON contract: every finding and every relation checked.

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

pub fn render_json(reports: &[FileReport]) -> String {
    let files: Vec<Value> = reports
        .iter()
        .map(|report| {
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
        })
        .collect();
    let t = Totals::of(reports);
    let doc = json!({
        "version": 1,
        "files": files,
        "summary": {
            "files": t.files,
            "errors": t.errors,
            "warnings": t.warnings,
            "checks": t.checks,
            "figures": t.figures,
        },
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
