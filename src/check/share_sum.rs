//! Shares of one whole (a structure ratio a:b:c, or percentages that
//! split a whole) add up to 100 within the rounding of each.

use rust_decimal::Decimal;

use super::{clean, Verdict};
use crate::document::Document;
use crate::matcher::Claim;
use crate::num::{format_fixed, Interval};
use crate::rules::Rule;

pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let whole = rule.scale.unwrap_or(Decimal::ONE_HUNDRED);
    let mut sum = Interval::new(Decimal::ZERO, Decimal::ZERO);
    let mut exact = Decimal::ZERO;
    let mut decimals = 0;
    for &(_, i) in &claim.members {
        let q = &qs[i];
        if !q.is_operand() {
            return None;
        }
        sum = sum.checked_add(&q.interval())?;
        exact = exact.checked_add(q.value)?;
        decimals = decimals.max(q.decimals);
    }
    let consistent = sum.overlaps(&Interval::new(whole, whole));
    let shares = claim
        .members
        .iter()
        .map(|&(_, i)| clean(doc.figure_text(i)))
        .collect::<Vec<_>>()
        .join(" + ");
    let computed = format_fixed(exact, decimals);
    let note = format!("{shares} = {computed}, not {whole}");
    Some(Verdict {
        primary_label: format!("the shares add up to {computed}"),
        consistent,
        expected: whole.to_string(),
        note: if consistent {
            format!("{shares} = {computed}")
        } else {
            note
        },
        fields: vec![
            ("shares", shares),
            ("computed", computed),
            ("expected", whole.to_string()),
        ],
        doubtful: false,
    })
}
