//! Hover: on a flagged figure, the recomputation and what the figure
//! should read; on any other figure, how statlint read it (value and
//! rounding, kind, label, role, period) and the relations it is in.

use std::fmt::Write as _;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::diagnostics::in_text;
use super::encoding::Lines;
use crate::doc::Role;
use crate::finding::Span;
use crate::lexicon::Lexicon;
use crate::source::Format;
use crate::FileReport;

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

/// The hover at byte `offset` of `text`, if a figure is there.
pub fn hover(
    text: &str,
    format: Format,
    report: &FileReport,
    lexicon: &Lexicon,
    lines: &Lines,
    offset: usize,
) -> Option<Hover> {
    let mut out = String::new();
    let mut range = None;
    for f in &report.findings {
        let span = in_text(report, f.primary);
        if !contains(span, offset) {
            continue;
        }
        range.get_or_insert(lines.range(span));
        let _ = writeln!(
            out,
            "**{}** `{}`: {}\n",
            f.severity.name(),
            f.rule,
            f.message
        );
        if !f.notes.is_empty() {
            let _ = writeln!(out, "```text\n{}\n```\n", f.notes.join("\n"));
        }
        if let Some(expected) = &f.expected {
            let _ = writeln!(out, "Expected at the stated precision: **{expected}**\n");
        }
        for l in &f.labels {
            let at = lines.position(in_text(report, l.span).start);
            let _ = writeln!(
                out,
                "- {} `{}` (line {}, column {})",
                l.message,
                report
                    .text
                    .get(l.span.start..l.span.end)
                    .unwrap_or_default(),
                at.line + 1,
                at.character + 1
            );
        }
    }
    if out.is_empty() {
        let (span, reading) = reading(text, format, lexicon, offset)?;
        range = Some(lines.range(span));
        out.push_str(&reading);
        for c in &report.checks {
            if c.members
                .iter()
                .any(|m| contains(in_text(report, m.span), offset))
            {
                let verdict = if c.consistent { "holds" } else { "fails" };
                let _ = writeln!(out, "- `{}` {verdict}: {}", c.rule, c.note);
            }
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: out.trim_end().to_owned(),
        }),
        range,
    })
}

/// How the figure at `offset` was read, and its span in `text`.
fn reading(text: &str, format: Format, lexicon: &Lexicon, offset: usize) -> Option<(Span, String)> {
    let read = crate::source::read(format, text.as_bytes().to_vec()).ok()?;
    let extracted = &read.extracted;
    let doc = crate::doc::Document::new(&extracted.text, lexicon);
    for (i, q) in doc.figures.iter().enumerate() {
        let (start, end) = doc.view.source_range(q.start, q.end);
        let (start, end) = match &extracted.shown {
            Some(_) => (extracted.map.start(start), extracted.map.end(end)),
            None => (start, end),
        };
        let span = Span { start, end }.shifted(read.offset_base);
        if !contains(span, offset) {
            continue;
        }
        let m = &doc.mentions[i];
        let mut out = String::new();
        let _ = write!(
            out,
            "**{}**: {} {}",
            doc.figure_text(i).replace('\n', " "),
            q.kind.name(),
            q.value.normalize()
        );
        if !q.half.is_zero() {
            let _ = write!(out, " ± {} (as rounded)", q.half.normalize());
        }
        if !q.unit.is_empty() {
            let _ = write!(out, ", unit {}", q.unit);
        }
        out.push_str("\n\n");
        if !m.name().is_empty() {
            let _ = writeln!(out, "- label: {}", m.name());
        }
        let role = match m.role {
            Role::Level => "a level",
            Role::Change {
                down: false,
                versus: false,
            } => "a rise",
            Role::Change {
                down: true,
                versus: false,
            } => "a fall",
            Role::Change { versus: true, .. } => "a difference from another figure",
            Role::Share => "a share of a whole",
            Role::Other => "not an operand (a date, an ordinal, a range's end)",
        };
        let _ = writeln!(out, "- role: {role}");
        let p = &m.period;
        let mut period = Vec::new();
        if let Some(y) = p.year {
            period.push(format!("{y}"));
        }
        if let Some((a, b)) = p.months {
            period.push(if a == b {
                format!("month {a}")
            } else {
                format!("months {a}–{b}")
            });
        }
        if let Some(part) = &p.part {
            period.push(format!("{part:?}"));
        }
        if p.prior {
            period.push("the earlier value of a comparison".to_owned());
        }
        if p.target {
            period.push("a goal or forecast".to_owned());
        }
        if !period.is_empty() {
            let _ = writeln!(out, "- period: {}", period.join(", "));
        }
        if q.approx {
            let _ = writeln!(out, "- approximate or a bound: not checked as exact");
        }
        if q.in_range {
            let _ = writeln!(out, "- one end of a range: not an operand");
        }
        return Some((span, out));
    }
    None
}
