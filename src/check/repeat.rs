//! Repeats: the same quantity stated twice (headline and body, summary and
//! section) must have the same value, within the rounding of each.

use super::{clean, Verdict};
use crate::document::Document;
use crate::matcher::Claim;
use crate::rules::{Role, Rule};

pub fn evaluate(_rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let b_index = claim.member(Role::Stated)?;
    let a_index = claim.member(Role::Part)?;
    let (a, b) = (&qs[a_index], &qs[b_index]);
    if a.in_range || b.in_range || a.approx != b.approx {
        return None;
    }
    let consistent = a.interval().overlaps(&b.interval());
    let a_text = clean(doc.figure_text(a_index));
    let b_text = clean(doc.figure_text(b_index));
    let label = doc.before(a_index).to_owned();
    Some(Verdict {
        primary_label: format!("stated earlier as {a_text}"),
        consistent,
        expected: a_text.clone(),
        note: format!("{label} {a_text} earlier, {b_text} here"),
        fields: vec![
            ("stated", b_text),
            ("a", a_text.clone()),
            ("b", clean(doc.figure_text(b_index))),
            ("expected", a_text),
            ("label", label),
        ],
        doubtful: false,
    })
}
