//! The library's entry point: lint a text or a file with a set of rules.

use std::path::Path;

use crate::doc::Document;
use crate::finding::{CheckedRelation, Finding};
use crate::kinds::{Candidate, Context, KINDS};
use crate::lexicon::Lang;
use crate::rules::{RuleSet, Severity};
use crate::selection::Selection;
use crate::source::{decode, DecodeError};
use crate::verdict;

/// The rules in force, compiled once and shared by every file.
pub struct Linter {
    rules: RuleSet,
    /// For each template, the languages it is selected in.
    enabled: Vec<Vec<Lang>>,
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
    /// A linter with the rules `selection` allows.
    pub fn new(rules: RuleSet, selection: &Selection) -> Linter {
        let enabled = rules
            .templates
            .iter()
            .map(|t| {
                t.languages
                    .iter()
                    .copied()
                    .filter(|&l| selection.allows(&t.rule_id(l)))
                    .collect()
            })
            .collect();
        Linter { rules, enabled }
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The rule a candidate falls under, if it is selected.
    fn rule_of(&self, c: &Candidate) -> Option<(String, Severity)> {
        let (k, t) = self
            .rules
            .templates
            .iter()
            .enumerate()
            .find(|(_, t)| t.kind.name() == c.kind && t.shape == c.shape)?;
        self.enabled[k]
            .contains(&c.lang)
            .then(|| (t.rule_id(c.lang), t.severity))
    }

    /// Lints text already in memory.
    pub fn lint_text(&self, path: &str, text: String, offset_base: usize) -> FileReport {
        let doc = Document::new(&text, &self.rules.lexicon);
        let cx = Context {
            doc: &doc,
            lexicon: &self.rules.lexicon,
        };
        let mut candidates = Vec::new();
        for kind in KINDS {
            let wanted = self
                .rules
                .templates
                .iter()
                .zip(&self.enabled)
                .any(|(t, langs)| t.kind.name() == kind.name() && !langs.is_empty());
            if wanted {
                kind.propose(&cx, &mut candidates);
            }
        }
        let judged = verdict::judge(&doc, &text, candidates, &|c| self.rule_of(c));
        FileReport {
            path: path.to_owned(),
            figures: doc.figures.len(),
            text,
            offset_base,
            findings: judged.findings,
            checks: judged.checks,
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
