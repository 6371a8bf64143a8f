//! Recomputes a claimed relation with interval arithmetic and says
//! whether the stated figure can be right. One module per kind of
//! relation.

mod apa;
mod count;
mod granularity;
mod grim;
mod growth;
mod list;
mod multiple;
mod points;
mod ratio;
mod repeat;
mod respectively;
mod share_sum;
mod sum;

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
    /// What to say under the stated figure when it is off.
    pub primary_label: String,
    /// Values for the rule's message template, by placeholder name.
    pub fields: Vec<(&'static str, String)>,
    /// The text allows a reading under which the relation holds, if an
    /// unlikely one: reported as a warning at most.
    pub doubtful: bool,
}

impl Verdict {
    /// A verdict whose stated figure should read `expected`.
    pub fn expecting(
        consistent: bool,
        expected: String,
        note: String,
        fields: Vec<(&'static str, String)>,
    ) -> Verdict {
        Verdict {
            primary_label: format!("expected {expected}"),
            consistent,
            expected,
            note,
            fields,
            doubtful: false,
        }
    }
}

/// `None` when the relation cannot be decided: a member is approximate,
/// a divisor may be zero, or the result is too far off to trust the
/// members the rule picked.
pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    match rule.check {
        CheckKind::Ratio => ratio::evaluate(rule, claim, doc),
        CheckKind::Sum => sum::evaluate(rule, claim, doc),
        CheckKind::ShareSum => share_sum::evaluate(rule, claim, doc),
        CheckKind::Count => count::evaluate(rule, claim, doc),
        CheckKind::Respectively => respectively::evaluate(rule, claim, doc),
        CheckKind::Repeat => repeat::evaluate(rule, claim, doc),
        CheckKind::Growth => growth::evaluate(rule, claim, doc),
        CheckKind::Points => points::evaluate(rule, claim, doc),
        CheckKind::Granularity => granularity::evaluate(rule, claim, doc),
        CheckKind::Apa => apa::evaluate(rule, claim, doc),
        CheckKind::Multiple => multiple::evaluate(rule, claim, doc),
        CheckKind::Grim => grim::evaluate(rule, claim, doc),
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

/// A figure as printed, without the line breaks and spaces a PDF left in
/// (`16,\n695`, `38430\n剂次`); one space stays between words and digits
/// (`3.2 times`, `$676 million`).
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let joins_words = out.ends_with(|c: char| c.is_ascii_alphanumeric())
            && word.starts_with(|c: char| c.is_ascii_alphabetic());
        if joins_words {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `value` written the way `like` was: same multiplier and suffix, same
/// number of decimals (`11.86万亿` → `11.87万亿`).
pub fn format_like(
    value: rust_decimal::Decimal,
    like: &crate::lex::Quantity,
    printed: &str,
) -> String {
    let scaled = if like.multiplier.is_zero() {
        value
    } else {
        value / like.multiplier
    };
    let suffix_start = printed
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .map_or(printed.len(), |(i, c)| i + c.len_utf8());
    let suffix = printed[suffix_start..].trim_start();
    format!(
        "{}{suffix}",
        crate::num::format_fixed(scaled, like.decimals)
    )
}
