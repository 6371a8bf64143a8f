//! The library's entry point: lint a text or a file with a set of rules.

use std::path::Path;

use rayon::prelude::*;

use crate::doc::Document;
use crate::finding::Span;
use crate::finding::{CheckedRelation, Finding};
use crate::kinds::{Candidate, Context, KINDS};
use crate::lexicon::Lang;
use crate::rules::{RuleSet, Severity};
use crate::selection::Selection;
use crate::source::{DecodeError, Extracted, Fidelity, Format, ReadError};
use crate::verdict;

/// The rules in force, compiled once and shared by every file.
pub struct Linter {
    rules: RuleSet,
    /// For each template, the languages it is selected in.
    enabled: Vec<Vec<Lang>>,
    /// Report inline suppressions that silence nothing.
    report_unused_suppressions: bool,
}

/// What linting one file found.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    /// The decoded text the spans point into.
    pub text: String,
    /// Added to spans to give offsets into the file as it is on disk.
    pub offset_base: usize,
    /// Whether those offsets, and lines, are the file's own.
    pub fidelity: Fidelity,
    pub findings: Vec<Finding>,
    pub checks: Vec<CheckedRelation>,
    /// Figures the lexer found.
    pub figures: usize,
    /// How the file was read, said once (`decoded from GBK`, line
    /// numbers of a Word document's extracted text).
    pub notes: Vec<String>,
}

/// What linting one piece of a text found.
struct Linted {
    figures: usize,
    findings: Vec<Finding>,
    checks: Vec<CheckedRelation>,
}

impl Linted {
    fn shift(&mut self, by: usize) {
        self.findings.iter_mut().for_each(|f| f.shift(by));
        self.checks.iter_mut().for_each(|c| c.shift(by));
    }
}

/// Texts up to this size are linted whole; longer ones in pieces of about
/// this size. Far above any one report (the longest real reports seen
/// are a few hundred KB), so only concatenations and books are cut.
pub const PIECE: usize = 1 << 20;

/// Cuts `text` into ranges of at least `size` bytes (the last may be
/// shorter), each ending at a paragraph break (a blank line), else at a
/// line break, else at a sentence's end, else at a character boundary.
pub fn pieces(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size + size / 2 {
        let from = text.ceil_char_boundary(start + size);
        // Look no further than half a piece for a good place to cut.
        let window = &text[from..text.floor_char_boundary(from + size / 2)];
        let cut = window
            .find("\n\n")
            .map(|k| k + 2)
            .or_else(|| window.find('\n').map(|k| k + 1))
            .or_else(|| window.find('。').map(|k| k + '。'.len_utf8()))
            .or_else(|| window.find(". ").map(|k| k + 2))
            .unwrap_or(0);
        out.push(start..from + cut);
        start = from + cut;
    }
    out.push(start..text.len());
    out
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
        Linter {
            rules,
            enabled,
            report_unused_suppressions: false,
        }
    }

    /// Also report inline suppressions that silence nothing.
    pub fn report_unused_suppressions(mut self, on: bool) -> Linter {
        self.report_unused_suppressions = on;
        self
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

    /// Lints text already in memory. A text longer than [`PIECE`] is
    /// linted in pieces cut at paragraph breaks, in parallel: a report's
    /// relations lie within a few pages, and memory stays near the
    /// size of the text.
    pub fn lint_text(&self, path: &str, text: String, offset_base: usize) -> FileReport {
        let pieces = pieces(&text, PIECE);
        let linted: Vec<Linted> = if pieces.len() == 1 {
            vec![self.lint_piece(&text)]
        } else {
            pieces
                .par_iter()
                .map(|range| {
                    let mut linted = self.lint_piece(&text[range.clone()]);
                    linted.shift(range.start);
                    linted
                })
                .collect()
        };
        let mut report = FileReport {
            path: path.to_owned(),
            figures: 0,
            text,
            offset_base,
            fidelity: Fidelity::Bytes,
            findings: Vec::new(),
            checks: Vec::new(),
            notes: Vec::new(),
        };
        for piece in linted {
            report.figures += piece.figures;
            report.findings.extend(piece.findings);
            report.checks.extend(piece.checks);
        }
        report
    }

    /// Lints one self-contained stretch of text; spans point into it.
    fn lint_piece(&self, text: &str) -> Linted {
        let doc = Document::new(text, &self.rules.lexicon);
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
        // For writing lexicons and templates: every reading proposed, with
        // its members' text, before the verdicts choose among them.
        if std::env::var_os("STATLINT_DEBUG_CANDIDATES").is_some() {
            for c in &candidates {
                let show = |i: usize| {
                    let (start, end) = doc
                        .view
                        .source_range(doc.figures[i].start, doc.figures[i].end);
                    text.get(start..end).unwrap_or("")
                };
                let members: Vec<String> = c
                    .members
                    .iter()
                    .map(|&(role, i)| format!("{role}={}", show(i)))
                    .collect();
                eprintln!(
                    "{}.{} {:?} stated={} {}",
                    c.kind,
                    c.shape,
                    c.strength,
                    show(c.stated),
                    members.join(" ")
                );
            }
        }
        let judged = verdict::judge(&doc, text, candidates, &|c| self.rule_of(c));
        Linted {
            figures: doc.figures.len(),
            findings: judged.findings,
            checks: judged.checks,
        }
    }

    /// Reads, decodes and lints one file, in the format its extension
    /// names.
    pub fn lint_path(&self, path: &Path) -> Result<FileReport, LintError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| LintError::Unreadable {
            path: name.clone(),
            message: io_message(&e),
        })?;
        self.lint_document(&name, Format::of_path(path), bytes)
    }

    /// Lints the bytes of a plain-text report.
    pub fn lint_bytes(&self, name: &str, bytes: &[u8]) -> Result<FileReport, LintError> {
        self.lint_document(name, Format::Text, bytes.to_vec())
    }

    /// Lints bytes it may keep: UTF-8 becomes the text without a copy.
    pub fn lint_owned(&self, name: &str, bytes: Vec<u8>) -> Result<FileReport, LintError> {
        self.lint_document(name, Format::Text, bytes)
    }

    /// Lints a document of `format` from its bytes.
    pub fn lint_document(
        &self,
        name: &str,
        format: Format,
        bytes: Vec<u8>,
    ) -> Result<FileReport, LintError> {
        match crate::source::read(format, bytes) {
            Ok(document) => {
                let fidelity = document.fidelity;
                self.lint_extracted(name, document.extracted, document.offset_base)
                    .map(|report| FileReport { fidelity, ..report })
            }
            Err(ReadError::Binary) => Err(LintError::Skipped {
                path: name.to_owned(),
                message: DecodeError::Binary.to_string(),
            }),
            Err(ReadError::Unreadable(message)) => Err(LintError::Unreadable {
                path: name.to_owned(),
                message,
            }),
        }
    }

    fn lint_extracted(
        &self,
        name: &str,
        extracted: Extracted,
        offset_base: usize,
    ) -> Result<FileReport, LintError> {
        crate::guard::catch(|| {
            fail_on_request(name);
            let Extracted {
                text,
                map,
                shown,
                notes,
                places,
            } = extracted;
            let mut report = self.lint_text(name, text, offset_base);
            // Name the place in the document where lines are not the
            // file's (a Word document's paragraphs and table rows).
            if !places.is_empty() {
                let lines = crate::report::LineIndex::new(&report.text);
                for f in &mut report.findings {
                    let line = lines.line_of(f.primary.start.min(report.text.len()));
                    if let Some(place) = places.get(line) {
                        f.notes.push(format!("in the document: {place}"));
                    }
                }
            }
            if let Some(shown) = shown {
                let to_shown = |s: Span| {
                    let start = map.start(s.start);
                    Span {
                        start,
                        end: map.end(s.end).max(start),
                    }
                };
                report
                    .findings
                    .iter_mut()
                    .for_each(|f| f.map_spans(to_shown));
                report.checks.iter_mut().for_each(|c| c.map_spans(to_shown));
                report.text = shown;
            }
            report.notes = notes;
            crate::suppress::apply(
                &report.text,
                &mut report.findings,
                self.report_unused_suppressions,
            );
            report
        })
        .map_err(|message| LintError::Internal {
            path: name.to_owned(),
            message: format!(
                "internal error, this file was not linted: {message}; \
                         please report it with the file"
            ),
        })
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

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_cover_the_text_and_end_at_paragraph_breaks() {
        let paragraph = "全县目标任务数 52380人，累计接种 48211剂次。\n\n";
        let text = paragraph.repeat(200);
        let ranges = pieces(&text, 1000);
        assert!(ranges.len() > 1);
        assert_eq!(ranges[0].start, 0);
        assert_eq!(ranges.last().unwrap().end, text.len());
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert!(text[..pair[0].end].ends_with("\n\n"));
            assert!(pair[0].len() >= 1000);
        }
    }

    #[test]
    fn a_text_without_breaks_is_cut_at_character_boundaries() {
        let text = "五".repeat(2000);
        let ranges = pieces(&text, 1000);
        assert!(ranges.len() > 1);
        for r in &ranges {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), text.len());
    }

    #[test]
    fn a_short_text_is_one_piece() {
        assert_eq!(
            pieces("a\n\nb", 1000),
            vec![std::ops::Range { start: 0, end: 4 }]
        );
    }
}
