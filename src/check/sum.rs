//! Totals: parts that add up to a stated total, each figure taken as the
//! interval its rounding allows.

use rust_decimal::Decimal;

use super::{clean, format_like, Verdict};
use crate::document::Document;
use crate::lex::{is_known_unit, same_unit};
use crate::matcher::Claim;
use crate::num::Interval;
use crate::rules::Rule;

pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let total_role = rule.primary_role();
    let total_index = claim.member(total_role)?;
    let total = &qs[total_index];
    let parts: Vec<usize> = claim
        .members
        .iter()
        .filter(|(r, _)| *r != total_role)
        .map(|&(_, i)| i)
        .collect();
    if parts.len() < 2 || !total.is_operand() {
        return None;
    }
    let mut sum = Interval::new(Decimal::ZERO, Decimal::ZERO);
    let mut exact = Decimal::ZERO;
    for &i in &parts {
        let q = &qs[i];
        if !q.is_operand() || q.kind != total.kind || !units_agree(&q.unit, &total.unit) {
            return None;
        }
        sum = sum.checked_add(&q.interval())?;
        exact = exact.checked_add(q.value)?;
    }
    // So far off that the parts more likely belong to another total.
    if let Some(within) = rule.plausible_within {
        let off = (exact - total.value).abs() * Decimal::ONE_HUNDRED;
        if total.value > Decimal::ZERO && off / total.value > within {
            return None;
        }
    }
    let consistent = if rule.exhaustive {
        sum.overlaps(&total.interval())
    } else {
        // Some parts may be unnamed: only a sum beyond the total is wrong.
        sum.lo <= total.interval().hi
    };
    let total_text = clean(doc.figure_text(total_index));
    let expected = format_like(exact, total, &total_text);
    let parts_text = parts
        .iter()
        .map(|&i| clean(doc.figure_text(i)))
        .collect::<Vec<_>>()
        .join(" + ");
    let note = format!("{parts_text} = {expected}");
    Some(Verdict::expecting(
        consistent,
        expected.clone(),
        note,
        vec![
            ("stated", total_text),
            ("parts", parts_text),
            ("computed", expected.clone()),
            ("expected", expected),
            ("label", doc.before(total_index).to_owned()),
        ],
    ))
}

/// `120 female` may count `participants`: a word that is not a known unit
/// names a category, not a unit. Two known units must agree.
fn units_agree(part: &str, total: &str) -> bool {
    same_unit(part, total) || !(is_known_unit(part) && is_known_unit(total))
}
