//! Inline suppressions: a finding the author has checked and keeps.
//!
//! In Markdown and HTML, comments: `<!-- statlint-disable-next-line
//! zh.ratio -->`, and `<!-- statlint-disable zh.ratio -->` …
//! `<!-- statlint-enable -->` around a stretch. In plain text, a line of
//! its own: `statlint: disable-next-line zh.ratio` (or `disable` /
//! `enable`). Rules are ids or prefixes, as `--ignore` takes them; none
//! means every rule. A suppression that silences nothing can be reported,
//! so stale ones do not pile up.

use crate::finding::{Finding, Span};
use crate::rules::Severity;
use crate::selection::Selection;

/// The rule id of an unused suppression's report.
pub const UNUSED: &str = "unused-suppression";

/// What that rule reports, for the pages and logs that describe rules.
pub const UNUSED_SUMMARY: &str = "An inline suppression that silences no finding";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    NextLine,
    Disable,
    Enable,
}

#[derive(Debug, Clone)]
struct Directive {
    action: Action,
    /// Rule ids or prefixes; empty for every rule.
    rules: Vec<String>,
    /// Where the directive is written, and its line (0-based).
    span: Span,
    line: usize,
}

impl Directive {
    fn covers(&self, rule: &str) -> bool {
        self.rules.is_empty()
            || Selection {
                select: self.rules.clone(),
                ignore: Vec::new(),
            }
            .allows(rule)
    }
}

/// The directives of a text, in order.
fn directives(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (line, raw) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let trimmed = raw.trim();
        // `<!-- statlint-disable-next-line a, b -->`
        let body = if let Some(inner) = trimmed
            .strip_prefix("<!--")
            .and_then(|t| t.strip_suffix("-->"))
        {
            inner.trim().strip_prefix("statlint-")
        } else {
            trimmed.strip_prefix("statlint:").map(str::trim)
        };
        let Some(body) = body else { continue };
        let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
        let action = match word {
            "disable-next-line" => Action::NextLine,
            "disable" => Action::Disable,
            "enable" => Action::Enable,
            _ => continue,
        };
        let rules = rest
            .split([',', ' '])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        let lead = raw.len() - raw.trim_start().len();
        out.push(Directive {
            action,
            rules,
            span: Span {
                start: start + lead,
                end: start + lead + trimmed.len(),
            },
            line,
        });
    }
    out
}

/// Drops the findings the text's directives silence; with
/// `report_unused`, adds a warning for each directive that silenced
/// nothing. `text` is the text the findings' spans point into.
pub fn apply(text: &str, findings: &mut Vec<Finding>, report_unused: bool) {
    let directives = directives(text);
    if directives.is_empty() {
        return;
    }
    let lines = crate::report::LineIndex::new(text);
    let mut used = vec![false; directives.len()];
    findings.retain(|f| {
        let line = lines.line_of(f.primary.start);
        let mut silenced = false;
        for (k, d) in directives.iter().enumerate() {
            let applies = match d.action {
                Action::NextLine => d.line + 1 == line,
                Action::Disable => {
                    // Until an `enable` that covers the rule.
                    d.line < line
                        && !directives[k + 1..].iter().any(|e| {
                            e.action == Action::Enable && e.line < line && e.covers(&f.rule)
                        })
                }
                Action::Enable => false,
            };
            if applies && d.covers(&f.rule) {
                used[k] = true;
                silenced = true;
            }
        }
        !silenced
    });
    if report_unused {
        for (d, used) in directives.iter().zip(used) {
            if !used && d.action != Action::Enable {
                findings.push(Finding {
                    rule: UNUSED.to_owned(),
                    kind: "suppression",
                    severity: Severity::Warning,
                    primary: d.span,
                    primary_message: "silences nothing".to_owned(),
                    labels: Vec::new(),
                    message: "this suppression silences no finding".to_owned(),
                    notes: vec!["remove it, or name the rule it is for".to_owned()],
                    expected: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, at: usize) -> Finding {
        Finding::of_rule(rule, at)
    }

    #[test]
    fn next_line_silences_only_the_next_line_and_the_rules_named() {
        let text = "<!-- statlint-disable-next-line zh.ratio -->\nA\nB\n";
        let a = text.find('A').unwrap();
        let b = text.find('B').unwrap();
        let mut fs = vec![
            finding("zh.ratio.rate", a),
            finding("zh.sum.table", a),
            finding("zh.ratio.rate", b),
        ];
        apply(text, &mut fs, false);
        let left: Vec<(&str, usize)> = fs
            .iter()
            .map(|f| (f.rule.as_str(), f.primary.start))
            .collect();
        assert_eq!(left, [("zh.sum.table", a), ("zh.ratio.rate", b)]);
    }

    #[test]
    fn disable_runs_until_enable() {
        let text = "statlint: disable\nA\nstatlint: enable\nB\n";
        let mut fs = vec![
            finding("en.sum.table", text.find('A').unwrap()),
            finding("en.sum.table", text.find('B').unwrap()),
        ];
        apply(text, &mut fs, false);
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].primary.start, text.find('B').unwrap());
    }

    #[test]
    fn an_unused_suppression_is_reported_when_asked() {
        let text = "statlint: disable-next-line zh.grim\nA\n";
        let mut fs = vec![finding("zh.ratio.rate", text.find('A').unwrap())];
        apply(text, &mut fs, false);
        assert_eq!(fs.len(), 1);
        apply(text, &mut fs, true);
        assert_eq!(fs.len(), 2);
        assert_eq!(fs[1].rule, UNUSED);
        assert_eq!(fs[1].primary.start, 0);
    }

    #[test]
    fn other_comments_are_not_directives() {
        let text = "<!-- a note -->\nstatlint is a linter\nA\n";
        assert!(directives(text).is_empty());
    }
}
