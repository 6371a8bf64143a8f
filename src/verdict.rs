//! Verdicts: from candidate readings to what is reported.
//!
//! A stated figure may have several readings (its whole could be this
//! total or that one). Readings of the same kind, stated figure and group
//! are judged together:
//!
//! - the figure is *consistent* when any reading holds, and the check
//!   reported is that reading;
//! - it is an *error* (the template's severity) when no reading holds and
//!   the strongest is one the text clearly means (a whole named, a
//!   breakdown in brackets);
//! - otherwise nothing is said: weak readings that fail are guesses.

use rustc_hash::FxHashMap as HashMap;

use crate::doc::Document;
use crate::finding::{CheckedMember, CheckedRelation, Finding, Label, Span};
use crate::kinds::{kind_named, Candidate, Strength, Verdict};
use crate::rules::Severity;

/// What judging a document's candidates gives.
#[derive(Default)]
pub struct Judged {
    pub findings: Vec<Finding>,
    pub checks: Vec<CheckedRelation>,
}

/// A rule's id and severity for a candidate, or `None` if not selected.
pub type RuleOf<'a> = dyn Fn(&Candidate) -> Option<(String, Severity)> + 'a;

pub fn judge(doc: &Document, text: &str, candidates: Vec<Candidate>, rule_of: &RuleOf) -> Judged {
    // Group alternatives, keeping the order in which they were proposed.
    let mut order: Vec<(&'static str, u64)> = Vec::new();
    let mut groups: HashMap<(&'static str, u64), Vec<Candidate>> = HashMap::default();
    for c in candidates {
        let key = (c.kind, c.group);
        let entry = groups.entry(key).or_default();
        if entry.is_empty() {
            order.push(key);
        }
        // The same reading proposed twice is one reading.
        if !entry
            .iter()
            .any(|e| e.stated == c.stated && e.members == c.members && e.list == c.list)
        {
            entry.push(c);
        }
    }
    let mut judged = Judged::default();
    let mut flagged: Vec<Span> = Vec::new();
    for key in order {
        let readings = &groups[&key];
        let Some(kind) = kind_named(key.0) else {
            continue;
        };
        let mut evaluated: Vec<(&Candidate, Verdict)> = readings
            .iter()
            .filter_map(|c| kind.evaluate(doc, c).map(|v| (c, v)))
            .collect();
        if evaluated.is_empty() {
            continue;
        }
        // Strongest first; proposal order breaks ties.
        evaluated.sort_by_key(|(c, _)| std::cmp::Reverse(c.strength));
        let chosen = evaluated.iter().find(|(_, v)| v.consistent).or_else(|| {
            evaluated
                .first()
                .filter(|(c, _)| c.strength == Strength::Strong)
        });
        let Some((c, v)) = chosen else { continue };
        let Some((rule, severity)) = rule_of(c) else {
            continue;
        };
        let members = members_of(doc, text, c, kind.primary_role());
        if !v.consistent {
            let primary = span_of(doc, c.stated);
            if !flagged.contains(&primary) {
                flagged.push(primary);
                judged.findings.push(Finding {
                    rule: rule.clone(),
                    kind: c.kind,
                    severity: if v.doubtful {
                        severity.min(Severity::Warning)
                    } else {
                        severity
                    },
                    primary,
                    primary_message: v.primary_label.clone(),
                    labels: members
                        .iter()
                        .filter(|m| m.span != primary)
                        .map(|m| Label {
                            span: m.span,
                            message: m.role.to_owned(),
                        })
                        .collect(),
                    message: v.message.clone(),
                    notes: vec![v.note.clone()],
                    expected: Some(v.expected.clone()),
                });
            }
        }
        judged.checks.push(CheckedRelation {
            rule,
            kind: c.kind,
            consistent: v.consistent,
            members,
            note: v.note.clone(),
        });
    }
    judged
}

/// A figure's span in the source file.
fn span_of(doc: &Document, i: usize) -> Span {
    let q = &doc.figures[i];
    let (start, end) = doc.view.source_range(q.start, q.end);
    Span { start, end }
}

fn members_of(
    doc: &Document,
    text: &str,
    c: &Candidate,
    primary: &'static str,
) -> Vec<CheckedMember> {
    let member = |role: &'static str, span: Span| CheckedMember {
        role,
        span,
        text: text.get(span.start..span.end).unwrap_or("").to_owned(),
    };
    let mut out = vec![member(primary, span_of(doc, c.stated))];
    for &(role, i) in &c.members {
        out.push(member(role, span_of(doc, i)));
    }
    if let Some((role, start, end)) = c.list {
        let (s, e) = doc.view.source_range(start, end);
        out.push(member(role, Span { start: s, end: e }));
    }
    out
}
