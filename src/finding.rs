//! What the engine hands to the renderers: findings and the relations it
//! checked, with spans as byte offsets into the decoded source text.

use crate::rules::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The same span in a text that starts `by` bytes earlier.
    pub fn shifted(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: String,
    pub kind: &'static str,
    pub severity: Severity,
    /// The stated figure that does not agree.
    pub primary: Span,
    pub primary_message: String,
    /// The figures it was recomputed from.
    pub labels: Vec<Label>,
    pub message: String,
    /// The recomputation, e.g. `40479 / 44354 = 91.263…% → 91.26%`.
    pub notes: Vec<String>,
    /// What the stated figure should read at the author's precision.
    pub expected: Option<String>,
}

impl Finding {
    /// A bare error of `rule` at byte `at`, for tests of what filters
    /// findings.
    #[cfg(test)]
    pub(crate) fn of_rule(rule: &str, at: usize) -> Finding {
        Finding {
            rule: rule.to_owned(),
            kind: "test",
            severity: crate::rules::Severity::Error,
            primary: Span {
                start: at,
                end: at + 1,
            },
            primary_message: String::new(),
            labels: Vec::new(),
            message: String::new(),
            notes: Vec::new(),
            expected: None,
        }
    }

    /// Points the spans into a text that starts `by` bytes earlier.
    pub fn shift(&mut self, by: usize) {
        self.map_spans(|s| s.shifted(by));
    }

    /// Moves every span with `f` (into the file a text was extracted from).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        self.primary = f(self.primary);
        for label in &mut self.labels {
            label.span = f(label.span);
        }
    }
}

#[derive(Clone, Debug)]
pub struct CheckedMember {
    pub role: &'static str,
    pub span: Span,
    pub text: String,
}

/// A relation the engine recomputed, consistent or not.
#[derive(Clone, Debug)]
pub struct CheckedRelation {
    pub rule: String,
    pub kind: &'static str,
    pub consistent: bool,
    pub members: Vec<CheckedMember>,
    /// The recomputation, as in a finding's note.
    pub note: String,
}

impl CheckedRelation {
    /// Points the spans into a text that starts `by` bytes earlier.
    pub fn shift(&mut self, by: usize) {
        self.map_spans(|s| s.shifted(by));
    }

    /// Moves every span with `f` (into the file a text was extracted from).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        for member in &mut self.members {
            member.span = f(member.span);
        }
    }
}
