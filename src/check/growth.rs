//! Growth: a rate of change against the two values it compares, "rose 1%
//! from $670 million to $676 million", "由1288亿元增加到3664亿元，增长…".

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
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
    let years = if rule.per_year {
        years_between(doc, ei, li)?
    } else {
        1
    };
    let rate = |r: Decimal| annual_rate(r, years);
    let computed = Interval::new(rate(ratio.lo)?, rate(ratio.hi)?);
    let exact = rate(later.value.checked_div(earlier.value)?)?;
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
    let root = if years > 1 {
        format!("({later_text} / {earlier_text})^(1/{years}) − 1")
    } else {
        format!("{later_text} / {earlier_text} − 1")
    };
    let note = format!(
        "{root} = {}% → {}{expected}",
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

/// The growth rate in percent per year that turns 1 into `ratio` over
/// `years` years: exact over one year; over several, the root is taken
/// in `f64`, far finer than any printed rate.
fn annual_rate(ratio: Decimal, years: u32) -> Option<Decimal> {
    if years == 1 {
        return (ratio - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED);
    }
    let root = ratio.to_f64()?.powf(1.0 / f64::from(years));
    Decimal::from_f64((root - 1.0) * 100.0)
}

/// The years that date the earlier and the later value: the year printed
/// just before each (`由2015年的1288亿元增加到2020年的3664亿元`), or the
/// year range of the sentence (`2016—2020年，…由A增加到B`).
fn years_between(doc: &Document, earlier: usize, later: usize) -> Option<u32> {
    let qs = doc.quantities();
    let year_before = |i: usize| {
        let j = i.checked_sub(1)?;
        let q = &qs[j];
        (q.kind == Kind::Date && q.sentence == qs[i].sentence && doc.between(j, i).len() <= 6)
            .then(|| q.value.to_u32())
            .flatten()
            .filter(|y| (1800..=2100).contains(y))
    };
    if let (Some(from), Some(to)) = (year_before(earlier), year_before(later)) {
        return to.checked_sub(from).filter(|&n| n >= 1);
    }
    // The sentence's own range of years.
    let sentence = qs[earlier].sentence;
    let (first, last) = (earlier.min(later), earlier.max(later));
    let years: Vec<u32> = qs[first.saturating_sub(24)..=last]
        .iter()
        .filter(|q| q.sentence == sentence && q.kind == Kind::Date && q.in_range)
        .filter_map(|q| q.value.to_u32())
        .filter(|y| (1800..=2100).contains(y))
        .collect();
    match years.as_slice() {
        [from, to] => to.checked_sub(*from).filter(|&n| n >= 1),
        _ => None,
    }
}
