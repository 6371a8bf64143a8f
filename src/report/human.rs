//! codespan-style diagnostics: the stated figure underlined, its inputs
//! labelled, the recomputation as a note. Carets line up under CJK text
//! because codespan-reporting measures display width.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor::WriteColor, Config};

use super::LineIndex;
use crate::finding::Span;
use crate::rules::Severity;
use crate::FileReport;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

/// Writes every finding of `reports` to `out` (a termcolor writer: plain
/// or with ANSI colour).
pub fn render_human(reports: &[FileReport], out: &mut dyn WriteColor) -> std::io::Result<()> {
    let config = Config::default();
    for report in reports {
        if report.findings.is_empty() {
            continue;
        }
        let index = LineIndex::new(&report.text);
        for f in &report.findings {
            let spans: Vec<Span> = std::iter::once(f.primary)
                .chain(f.labels.iter().map(|l| l.span))
                .collect();
            let excerpt = Excerpt::new(&report.path, &report.text, &index, &spans);
            let mut labels =
                vec![Label::primary((), excerpt.map(f.primary))
                    .with_message(f.primary_message.clone())];
            labels.extend(f.labels.iter().map(|l| {
                Label::secondary((), excerpt.map(l.span)).with_message(l.message.clone())
            }));
            let diagnostic = Diagnostic::new(severity(f.severity))
                .with_code(f.rule.clone())
                .with_message(f.message.clone())
                .with_labels(labels)
                .with_notes(f.notes.clone());
            term::emit_to_write_style(out, &config, &excerpt, &diagnostic)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
        }
    }
    Ok(())
}

/// Lines longer than this many bytes are cut down to their labelled part.
const MAX_LINE_BYTES: usize = 240;
/// Characters kept on either side of the labels of a cut line.
const CONTEXT_CHARS: usize = 30;
/// Marks where a cut line was cut.
const CUT: &str = "...";

/// One source line as shown: the part `real` of the report's text, at
/// `shown_text` in the excerpt, after `...` if the line was cut on the left.
struct ExcerptLine {
    /// 0-based line in the report.
    line: usize,
    real: Range<usize>,
    /// The line in the excerpt, `...` marks included.
    shown: Range<usize>,
    shown_text: usize,
}

/// What codespan renders for one finding: only the lines it shows, each
/// cut to a window around its labels when it is long, so that a report
/// that is one line of megabytes gives a diagnostic of a few lines, not a
/// copy of the file per finding. Line numbers and columns stay the real
/// ones.
struct Excerpt<'a> {
    name: &'a str,
    text: &'a str,
    index: &'a LineIndex,
    source: String,
    lines: Vec<ExcerptLine>,
}

impl<'a> Excerpt<'a> {
    fn new(name: &'a str, text: &'a str, index: &'a LineIndex, spans: &[Span]) -> Excerpt<'a> {
        // For each line shown, the bytes of it that must be kept.
        let mut needed: BTreeMap<usize, Option<Range<usize>>> = BTreeMap::new();
        let mut need = |line: usize, range: Option<Range<usize>>| {
            let entry = needed.entry(line).or_insert(None);
            if let Some(r) = range {
                *entry = Some(match entry.take() {
                    Some(e) => e.start.min(r.start)..e.end.max(r.end),
                    None => r,
                });
            }
        };
        for span in spans {
            let (start, end) = (span.start.min(text.len()), span.end.min(text.len()));
            let first = index.line_of(start);
            let last = index.line_of(end.max(start));
            if first == last {
                need(first, Some(start..end.max(start)));
            } else {
                need(
                    first,
                    Some(start..index.line_range(text, first).end.max(start)),
                );
                for line in first + 1..last {
                    need(line, None);
                }
                need(last, Some(index.line_range(text, last).start.min(end)..end));
            }
        }
        // codespan shows the one line between two labelled lines.
        let shown: Vec<usize> = needed.keys().copied().collect();
        for pair in shown.windows(2) {
            if pair[1] == pair[0] + 2 {
                needed.insert(pair[0] + 1, None);
            }
        }

        let mut source = String::new();
        let mut lines = Vec::with_capacity(needed.len());
        for (line, keep) in needed {
            let full = index.line_range(text, line);
            let real = if full.len() <= MAX_LINE_BYTES {
                full.clone()
            } else {
                match keep {
                    Some(keep) => {
                        let keep_start = keep.start.clamp(full.start, full.end);
                        let keep_end = keep.end.clamp(keep_start, full.end);
                        let start = text[full.start..keep_start]
                            .char_indices()
                            .rev()
                            .nth(CONTEXT_CHARS - 1)
                            .map_or(full.start, |(i, _)| full.start + i);
                        let end = text[keep_end..full.end]
                            .char_indices()
                            .nth(CONTEXT_CHARS)
                            .map_or(full.end, |(i, _)| keep_end + i);
                        start..end
                    }
                    None => full.start..text.floor_char_boundary(full.start + MAX_LINE_BYTES),
                }
            };
            let shown_start = source.len();
            if real.start > full.start {
                source.push_str(CUT);
            }
            let shown_text = source.len();
            source.push_str(&text[real.clone()]);
            if real.end < full.end {
                source.push_str(CUT);
            }
            let shown_end = source.len();
            source.push('\n');
            lines.push(ExcerptLine {
                line,
                real,
                shown: shown_start..shown_end,
                shown_text,
            });
        }
        Excerpt {
            name,
            text,
            index,
            source,
            lines,
        }
    }

    fn line(&self, line: usize) -> Option<&ExcerptLine> {
        self.lines
            .binary_search_by_key(&line, |l| l.line)
            .ok()
            .map(|i| &self.lines[i])
    }

    /// Where byte `offset` of the report is in the excerpt.
    fn offset(&self, offset: usize) -> usize {
        let line = self.index.line_of(offset);
        match self.line(line) {
            Some(l) => l.shown_text + offset.clamp(l.real.start, l.real.end) - l.real.start,
            None => 0,
        }
    }

    fn map(&self, span: Span) -> Range<usize> {
        self.offset(span.start)..self.offset(span.end.max(span.start))
    }

    /// The line of the excerpt holding excerpt byte `offset`.
    fn excerpt_line(&self, offset: usize) -> &ExcerptLine {
        let i = self.lines.partition_point(|l| l.shown.start <= offset);
        &self.lines[i.saturating_sub(1)]
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        if self.lines.is_empty() {
            return Ok(0);
        }
        Ok(self.excerpt_line(byte_index).line)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        if self.lines.is_empty() {
            return Ok(1);
        }
        let l = self.excerpt_line(byte_index);
        let real = l.real.start + byte_index.clamp(l.shown_text, l.shown_text + l.real.len())
            - l.shown_text;
        Ok(self.index.position(self.text, real).1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.line(line_index)
            .map(|l| l.shown.clone())
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.lines.last().map_or(0, |l| l.line),
            })
    }
}

/// One line per relation checked: `✓ path:line:col rule: note`.
pub fn render_show_checks(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let index = LineIndex::new(&report.text);
        for c in &report.checks {
            let stated = c
                .members
                .iter()
                .find(|m| m.role == "stated")
                .or(c.members.first());
            let (line, column) =
                stated.map_or((1, 1), |m| index.position(&report.text, m.span.start));
            let mark = if c.consistent { "✓" } else { "✗" };
            let _ = writeln!(
                out,
                "{mark} {}:{line}:{column}: {} [{}]: {}",
                report.path, c.kind, c.rule, c.note
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::Buffer;

    /// The plain diagnostic for a primary span and secondary spans of `text`.
    fn render(text: &str, primary: Range<usize>, secondary: &[(usize, usize)]) -> String {
        let index = LineIndex::new(text);
        let spans: Vec<Span> = std::iter::once((primary.start, primary.end))
            .chain(secondary.iter().copied())
            .map(|(start, end)| Span { start, end })
            .collect();
        let excerpt = Excerpt::new("t.txt", text, &index, &spans);
        let mut labels = vec![Label::primary((), excerpt.map(spans[0])).with_message("here")];
        labels.extend(
            spans[1..]
                .iter()
                .map(|&s| Label::secondary((), excerpt.map(s)).with_message("there")),
        );
        let diagnostic = Diagnostic::error().with_message("m").with_labels(labels);
        let mut out = Buffer::no_color();
        term::emit_to_write_style(&mut out, &Config::default(), &excerpt, &diagnostic).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    }

    #[test]
    fn a_long_line_is_cut_around_its_labels_keeping_real_columns() {
        let text = format!(
            "head\n{}完成率 93.04% 目标 52380{}\n",
            "甲".repeat(400),
            "乙".repeat(400)
        );
        let stated = text.find("93.04%").unwrap();
        let whole = text.find("52380").unwrap();
        let out = render(&text, stated..stated + 6, &[(whole, whole + 5)]);
        assert!(out.contains("┌─ t.txt:2:405\n"), "{out}");
        assert!(out.contains("│ ...甲甲"), "{out}");
        assert!(out.contains("乙乙..."), "{out}");
        assert!(out.len() < 1000, "{out}");
        assert!(out.contains("^^^^^^      ----- there"), "{out}");
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let text = "目标 52380，完成率 93.04%\n";
        let stated = text.find("93.04%").unwrap();
        let out = render(text, stated..stated + 6, &[]);
        assert!(out.contains("1 │ 目标 52380，完成率 93.04%\n"), "{out}");
        assert!(!out.contains("..."), "{out}");
    }

    #[test]
    fn the_line_between_two_labelled_lines_is_shown_and_a_longer_gap_is_a_break() {
        let text = "目标 52380\n中间一行\n完成率 93.04%\n甲\n乙\n丙\n又 93.04%\n";
        let whole = text.find("52380").unwrap();
        let stated = text.find("93.04%").unwrap();
        let out = render(text, stated..stated + 6, &[(whole, whole + 5)]);
        assert!(out.contains("2 │ 中间一行\n"), "{out}");
        let last = text.rfind("93.04%").unwrap();
        let out = render(text, last..last + 6, &[(whole, whole + 5)]);
        assert!(out.contains("·"), "{out}");
        assert!(out.contains("7 │ 又 93.04%"), "{out}");
        assert!(!out.contains("甲"), "{out}");
    }

    #[test]
    fn a_span_across_a_line_break_renders() {
        let text = format!(
            "{}目标 52,\n380 人{}\n完成率 93.04%",
            "甲".repeat(300),
            "乙".repeat(300)
        );
        let whole = text.find("52,").unwrap();
        let stated = text.find("93.04%").unwrap();
        let out = render(&text, stated..stated + 6, &[(whole, whole + 7)]);
        assert!(out.contains("┌─ t.txt:3:5\n"), "{out}");
        assert!(out.contains("目标 52,"), "{out}");
        assert!(out.contains("380 人"), "{out}");
        assert!(out.len() < 2000, "{out}");
    }
}
