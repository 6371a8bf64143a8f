//! Recomputes a claimed relation with interval arithmetic and says
//! whether the stated figure can be right. One module per kind of
//! relation.

mod ratio;

use crate::document::Document;
use crate::matcher::Claim;
use crate::rules::{CheckKind, Rule};

/// The outcome of recomputing one relation.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub consistent: bool,
    /// The recomputed value at the stated figure's precision (`91.26%`).
    pub expected: String,
    /// The recomputation spelled out.
    pub note: String,
    /// Values for the rule's message template, by placeholder name.
    pub fields: Vec<(&'static str, String)>,
}

/// `None` when the relation cannot be decided: a member is approximate,
/// a divisor may be zero, or the result is too far off to trust the
/// members the rule picked.
pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    match rule.check {
        CheckKind::Ratio => ratio::evaluate(rule, claim, doc),
    }
}

/// Fills `{name}` placeholders of a message template.
pub fn render_message(template: &str, fields: &[(&'static str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in fields {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}
