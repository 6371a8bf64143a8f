//! The library's entry point: lint a text or a file with a set of rules.

use std::path::Path;

use crate::check;
use crate::document::Document;
use crate::finding::{CheckedMember, CheckedRelation, Finding, Label, Span};
use crate::matcher;
use crate::rules::{Rule, Severity};
use crate::source::{decode, DecodeError};

/// The rules in force, compiled once and shared by every file.
pub struct Linter {
    rules: Vec<Rule>,
}

/// What linting one file found.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    /// The decoded text the spans point into.
    pub text: String,
    /// Added to spans to give offsets into the file as it is on disk.
    pub offset_base: usize,
    pub findings: Vec<Finding>,
    pub checks: Vec<CheckedRelation>,
    /// Figures the lexer found.
    pub figures: usize,
}

/// A file that could not be linted.
#[derive(Debug)]
pub enum LintError {
    /// Could not be read or decoded: the run fails (exit 2).
    Unreadable { path: String, message: String },
    /// Skipped on purpose (a binary file): a note, not a failure.
    Skipped { path: String, message: String },
    /// statlint failed on this file (a bug): reported, and the run goes
    /// on with the other files, but fails (exit 2).
    Internal { path: String, message: String },
}

impl Linter {
    pub fn new(rules: Vec<Rule>) -> Linter {
        Linter { rules }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Lints text already in memory.
    pub fn lint_text(&self, path: &str, text: String, offset_base: usize) -> FileReport {
        let doc = Document::new(&text);
        let mut findings = Vec::new();
        let mut checks = Vec::new();
        for claim in matcher::find_claims(&self.rules, &doc) {
            let rule = &self.rules[claim.rule];
            let Some(verdict) = check::evaluate(rule, &claim, &doc) else {
                continue;
            };
            let span_of = |i: usize| {
                let q = &doc.quantities()[i];
                let (start, end) = doc.view.source_range(q.start, q.end);
                Span { start, end }
            };
            let mut members: Vec<CheckedMember> = claim
                .members
                .iter()
                .map(|&(role, i)| {
                    let span = span_of(i);
                    CheckedMember {
                        role: rule.role_name(role),
                        span,
                        text: text[span.start..span.end].to_owned(),
                    }
                })
                .collect();
            if let Some((start, end)) = claim.list {
                let (start, end) = doc.view.source_range(start, end);
                members.push(CheckedMember {
                    role: rule.check.list_role(),
                    span: Span { start, end },
                    text: text[start..end].to_owned(),
                });
            }
            if !verdict.consistent {
                let stated = claim.member(rule.primary_role()).map(span_of);
                if let Some(primary) = stated {
                    findings.push(Finding {
                        rule: rule.id.clone(),
                        kind: rule.check.name(),
                        severity: if verdict.doubtful {
                            rule.severity.min(Severity::Warning)
                        } else {
                            rule.severity
                        },
                        primary,
                        primary_message: verdict.primary_label.clone(),
                        labels: members
                            .iter()
                            .filter(|m| m.span != primary)
                            .map(|m| Label {
                                span: m.span,
                                message: m.role.to_owned(),
                            })
                            .collect(),
                        message: check::render_message(&rule.message, &verdict.fields),
                        notes: vec![verdict.note.clone()],
                        expected: Some(verdict.expected.clone()),
                    });
                }
            }
            checks.push(CheckedRelation {
                rule: rule.id.clone(),
                kind: rule.check.name(),
                consistent: verdict.consistent,
                members,
                note: verdict.note,
            });
        }
        FileReport {
            path: path.to_owned(),
            figures: doc.quantities().len(),
            text,
            offset_base,
            findings,
            checks,
        }
    }

    /// Reads, decodes and lints one file.
    pub fn lint_path(&self, path: &Path) -> Result<FileReport, LintError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| LintError::Unreadable {
            path: name.clone(),
            message: io_message(&e),
        })?;
        self.lint_bytes(&name, &bytes)
    }

    pub fn lint_bytes(&self, name: &str, bytes: &[u8]) -> Result<FileReport, LintError> {
        match decode(bytes) {
            Ok(decoded) => crate::guard::catch(|| {
                fail_on_request(name);
                self.lint_text(name, decoded.text, decoded.offset_base)
            })
            .map_err(|message| LintError::Internal {
                path: name.to_owned(),
                message: format!(
                    "internal error, this file was not linted: {message}; \
                             please report it with the file"
                ),
            }),
            Err(DecodeError::Binary) => Err(LintError::Skipped {
                path: name.to_owned(),
                message: DecodeError::Binary.to_string(),
            }),
            Err(e) => Err(LintError::Unreadable {
                path: name.to_owned(),
                message: e.to_string(),
            }),
        }
    }
}

/// In debug builds only, a test can make linting a chosen file fail, to
/// show that one file's internal error does not stop the run.
fn fail_on_request(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("STATLINT_TEST_FAIL_ON").is_ok_and(|n| !n.is_empty() && name.ends_with(&n)) {
        panic!("failure requested by STATLINT_TEST_FAIL_ON");
    }
    let _ = name;
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => e.to_string(),
    }
}
