//! SARIF 2.1.0, the format code-scanning services read (GitHub uploads it
//! with `github/codeql-action/upload-sarif`).
//!
//! Written as a stream like the JSON output: each file's results are
//! rendered on their own (on any thread), and the rules the results name
//! are listed once at the end. JSON objects are unordered, so the run's
//! `tool` may follow its `results`.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use serde_json::{json, Value};

use super::LineIndex;
use crate::finding::{Finding, Span};
use crate::rules::{RuleSet, Severity};
use crate::source::Fidelity;
use crate::FileReport;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where a span is: lines, columns in UTF-16 code units (the run's
/// `columnKind`), and byte offsets when they are the file's (not for a
/// file decoded from another encoding).
fn region(report: &FileReport, index: &LineIndex, span: Span) -> Value {
    let start = index.locate(&report.text, span.start);
    let end = index.locate(&report.text, span.end);
    let mut region = json!({
        "startLine": start.line,
        "startColumn": start.column_utf16,
        "endLine": end.line,
        "endColumn": end.column_utf16,
        "snippet": { "text": report.text.get(span.start..span.end).unwrap_or_default() },
    });
    if report.fidelity == Fidelity::Bytes {
        region["byteOffset"] = json!(span.start + report.offset_base);
        region["byteLength"] = json!(span.end.saturating_sub(span.start));
    }
    region
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(report: &FileReport, index: &LineIndex, uri: &str, f: &Finding) -> Value {
    let location = |span: Span| {
        json!({
            "artifactLocation": { "uri": uri },
            "region": region(report, index, span),
        })
    };
    let mut text = f.message.clone();
    for note in &f.notes {
        text.push_str(&format!("\n{note}"));
    }
    let related: Vec<Value> = f
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            json!({
                "id": i + 1,
                "physicalLocation": location(l.span),
                "message": { "text": l.message },
            })
        })
        .collect();
    let mut value = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{ "physicalLocation": location(f.primary) }],
    });
    if !related.is_empty() {
        value["relatedLocations"] = Value::Array(related);
    }
    // A fix edits the file: not one whose lines were extracted from a
    // document.
    if let (Some(expected), false) = (&f.expected, report.fidelity == Fidelity::Extracted) {
        let mut deleted = region(report, index, f.primary);
        if let Some(r) = deleted.as_object_mut() {
            r.remove("snippet");
        }
        value["fixes"] = json!([{
            "description": { "text": format!("Replace with {expected}") },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri },
                "replacements": [{
                    "deletedRegion": deleted,
                    "insertedContent": { "text": expected },
                }],
            }],
        }]);
    }
    value
}

/// One file's results, comma-separated, ready for `SarifStream`.
pub fn render_file_sarif(report: &FileReport) -> Vec<u8> {
    let index = LineIndex::new(&report.text);
    let uri = crate::uri::from_path(Path::new(&report.path));
    let mut out = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'\n');
        // Writing a value to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut out, &result(report, &index, &uri, f));
    }
    out
}

/// Writes the SARIF log one file at a time.
#[derive(Default)]
pub struct SarifStream {
    started: bool,
    any_result: bool,
    /// Rule ids in the order results first named them.
    rules: Vec<String>,
    seen: HashSet<String>,
}

impl SarifStream {
    fn start(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        if !self.started {
            write!(
                out,
                "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"utf16CodeUnits\",\"results\":["
            )?;
            self.started = true;
        }
        Ok(())
    }

    /// Writes a file's results made by `render_file_sarif`.
    pub fn file_rendered(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        rendered: &[u8],
    ) -> std::io::Result<()> {
        self.start(out)?;
        for f in &report.findings {
            if self.seen.insert(f.rule.clone()) {
                self.rules.push(f.rule.clone());
            }
        }
        if rendered.is_empty() {
            return Ok(());
        }
        if self.any_result {
            out.write_all(b",")?;
        }
        out.write_all(rendered)?;
        self.any_result = true;
        Ok(())
    }

    /// Closes the results and describes the tool and the rules they name
    /// (from `rules`; a rule of another rule set is named by its id only).
    pub fn finish(&mut self, out: &mut dyn Write, rules: Option<&RuleSet>) -> std::io::Result<()> {
        self.start(out)?;
        let descriptors: Vec<Value> = self.rules.iter().map(|id| descriptor(id, rules)).collect();
        let tool = json!({
            "driver": {
                "name": "statlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/statlint",
                "rules": descriptors,
            }
        });
        write!(out, "\n],\"tool\":{tool}}}]}}\n")
    }
}

/// A rule as SARIF describes it: id, summary, help, default level.
fn descriptor(id: &str, rules: Option<&RuleSet>) -> Value {
    if id == crate::suppress::UNUSED {
        return json!({
            "id": id,
            "shortDescription": { "text": crate::suppress::UNUSED_SUMMARY },
            "defaultConfiguration": { "level": "warning" },
        });
    }
    match rules.and_then(|r| r.template_of(id)) {
        Some(t) => {
            let description = t.description.trim();
            let summary = description.lines().next().unwrap_or(id);
            json!({
                "id": id,
                "name": t.id,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": description },
                "help": { "text": format!("{description}\n\nSee `statlint rule {id}`.") },
                "defaultConfiguration": { "level": level(t.severity) },
                "properties": { "kind": t.kind.name() },
            })
        }
        None => json!({ "id": id, "shortDescription": { "text": id } }),
    }
}

/// The whole log for reports already in memory.
pub fn render_sarif(reports: &[FileReport], rules: Option<&RuleSet>) -> String {
    let mut out = Vec::new();
    let mut stream = SarifStream::default();
    for report in reports {
        let _ = stream.file_rendered(&mut out, report, &render_file_sarif(report));
    }
    let _ = stream.finish(&mut out, rules);
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selection::Selection;
    use crate::Linter;

    const FAILING: &str = "目标任务数 52380人，累计接种 48211剂次，完成率93.04%。";

    fn log(texts: &[(&str, &str)]) -> Value {
        let linter = Linter::new(RuleSet::builtin().unwrap(), &Selection::default());
        let reports: Vec<FileReport> = texts
            .iter()
            .map(|(path, text)| linter.lint_text(path, (*text).to_owned(), 0))
            .collect();
        serde_json::from_str(&render_sarif(&reports, Some(linter.rules()))).unwrap()
    }

    #[test]
    fn a_finding_has_its_rule_location_related_locations_and_fix() {
        let text = format!("甲\n{FAILING}");
        let log = log(&[("reports/年报 1.txt", &text), ("clean.txt", "")]);
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 1);
        let r = &results[0];
        assert_eq!(r["ruleId"], "zh.ratio.rate");
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "reports/%E5%B9%B4%E6%8A%A5%201.txt"
        );
        let column = FAILING[..FAILING.find("93.04").unwrap()]
            .encode_utf16()
            .count()
            + 1;
        assert_eq!(location["region"]["startLine"], 2);
        assert_eq!(location["region"]["startColumn"], column);
        assert_eq!(location["region"]["snippet"]["text"], "93.04%");
        let related = r["relatedLocations"].as_array().unwrap();
        let snippets: Vec<&str> = related
            .iter()
            .map(|l| {
                l["physicalLocation"]["region"]["snippet"]["text"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        assert!(snippets.contains(&"52380人") || snippets.iter().any(|s| s.contains("52380")));
        assert!(snippets.iter().any(|s| s.contains("48211")));
        let replacement = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "92.04%");
        let start = text.find("93.04").unwrap();
        assert_eq!(replacement["deletedRegion"]["byteOffset"], start);
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0]["id"], "zh.ratio.rate");
        assert!(!rules[0]["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_clean_run_is_a_log_with_no_results() {
        let log = log(&[("a.txt", "")]);
        assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "statlint");
    }
}
