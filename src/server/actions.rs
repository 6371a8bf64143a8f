//! Code actions on a finding: replace the stated figure with the one the
//! recomputation gives, or suppress the rule on that line.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, Diagnostic, Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::in_text;
use super::encoding::Lines;
use crate::finding::{Finding, Span};
use crate::source::Format;
use crate::FileReport;

fn overlaps(span: Span, start: usize, end: usize) -> bool {
    span.start <= end && start <= span.end
}

fn edit(uri: &Uri, range: Range, new_text: String) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(
            uri.clone(),
            vec![TextEdit { range, new_text }],
        )])),
        ..WorkspaceEdit::default()
    }
}

/// The line that suppresses `rule` on the next line, in `format`.
pub fn suppression(format: Format, rule: &str) -> String {
    match format {
        Format::Markdown | Format::Html => format!("<!-- statlint-disable-next-line {rule} -->\n"),
        Format::Text | Format::Docx => format!("statlint: disable-next-line {rule}\n"),
    }
}

/// The actions for the findings in bytes `start..end` of the text;
/// `diagnostic` gives each finding's diagnostic, which an action names.
pub fn actions(
    report: &FileReport,
    format: Format,
    lines: &Lines,
    uri: &Uri,
    (start, end): (usize, usize),
    diagnostic: &mut dyn FnMut(&Finding) -> Diagnostic,
) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for f in &report.findings {
        let span = in_text(report, f.primary);
        if !overlaps(span, start, end) || f.rule == crate::suppress::UNUSED {
            continue;
        }
        let d = diagnostic(f);
        if let Some(expected) = &f.expected {
            let stated = report
                .text
                .get(f.primary.start..f.primary.end)
                .unwrap_or_default();
            out.push(CodeAction {
                title: format!("Replace {stated} with {expected}"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(edit(uri, lines.range(span), expected.clone())),
                is_preferred: Some(true),
                ..CodeAction::default()
            });
        }
        let line_start = Position::new(d.range.start.line, 0);
        out.push(CodeAction {
            title: format!("Suppress {} on this line", f.rule),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d]),
            edit: Some(edit(
                uri,
                Range::new(line_start, line_start),
                suppression(format, &f.rule),
            )),
            ..CodeAction::default()
        });
    }
    out
}
