//! A report as the client shows it: a diagnostic per finding, at the
//! stated figure, with the figures it was recomputed from as related
//! information and the rule id as its code, linked to the rule's page.

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use super::encoding::Lines;
use crate::finding::{Finding, Span};
use crate::rules::Severity;
use crate::FileReport;

/// A span of the report in the document's text (past a byte-order mark
/// the reader dropped).
pub fn in_text(report: &FileReport, span: Span) -> Span {
    span.shifted(report.offset_base)
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The diagnostic of one finding; `page` is the link of its rule.
pub fn diagnostic(
    report: &FileReport,
    lines: &Lines,
    uri: &Uri,
    f: &Finding,
    page: Option<String>,
) -> Diagnostic {
    let related = f
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(in_text(report, l.span))),
            message: format!(
                "{}: {}",
                l.message,
                report
                    .text
                    .get(l.span.start..l.span.end)
                    .unwrap_or_default()
            ),
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range: lines.range(in_text(report, f.primary)),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.clone())),
        code_description: page
            .and_then(|p| p.parse::<Uri>().ok())
            .map(|href| CodeDescription { href }),
        source: Some("statlint".to_owned()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: f
            .expected
            .as_ref()
            .map(|e| serde_json::json!({ "expected": e })),
    }
}
