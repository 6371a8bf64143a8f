//! Growth: a rate of change against the two values it compares, "rose 1%
//! from $670 million to $676 million", "由1288亿元增加到3664亿元，增长…".

use rust_decimal::Decimal;

use super::{clean, Verdict};
use crate::document::Document;
use crate::lex::{same_unit, Kind};
use crate::matcher::Claim;
use crate::num::{format_computed, format_fixed, Interval};
use crate::rules::Rule;

pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let (si, li, ei) = claim.triple()?;
    let (stated, later, earlier) = (&qs[si], &qs[li], &qs[ei]);
    if !(stated.is_operand() && later.is_operand() && earlier.is_operand())
        || stated.kind != Kind::Percent
        || later.kind != earlier.kind
        || !same_unit(&later.unit, &earlier.unit)
        || earlier.value <= Decimal::ZERO
        || later.value < Decimal::ZERO
    {
        return None;
    }
    let ratio = later.interval().div(&earlier.interval())?;
    let computed = Interval::new(
        (ratio.lo - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED)?,
        (ratio.hi - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED)?,
    );
    let exact = (later.value.checked_div(earlier.value)? - Decimal::ONE)
        .checked_mul(Decimal::ONE_HUNDRED)?;
    // A fall printed as "下降 7.2%" or "a 70% decrease" is −7.2, −70.
    let stated_interval = if rule.decrease {
        stated.interval().negate()
    } else {
        stated.interval()
    };
    let consistent = computed.overlaps(&stated_interval);
    if !consistent
        && rule
            .plausible_within
            .is_some_and(|w| (exact - stated_interval.midpoint()).abs() > w)
    {
        return None;
    }
    let shown = if rule.decrease { -exact } else { exact };
    let expected = format!("{}%", format_fixed(shown, stated.decimals));
    let (later_text, earlier_text) = (clean(doc.figure_text(li)), clean(doc.figure_text(ei)));
    let note = format!(
        "{later_text} / {earlier_text} − 1 = {}% → {}{expected}",
        format_computed(exact, stated.decimals),
        if rule.decrease { "a fall of " } else { "" }
    );
    Some(Verdict::expecting(
        consistent,
        expected.clone(),
        note,
        vec![
            ("stated", clean(doc.figure_text(si))),
            ("later", later_text),
            ("earlier", earlier_text),
            ("computed", expected.clone()),
            ("expected", expected),
        ],
    ))
}
