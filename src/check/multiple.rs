//! Multiples: "是上年50亿元的2.4倍", "3.2 times the 2019 figure": the
//! stated multiple against the two values it compares.

use rust_decimal::Decimal;

use super::{clean, Verdict};
use crate::document::Document;
use crate::lex::{same_unit, Kind};
use crate::matcher::Claim;
use crate::num::{format_computed, format_fixed};
use crate::rules::Rule;

pub fn evaluate(_rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let (si, pi, wi) = claim.triple()?;
    let (stated, part, whole) = (&qs[si], &qs[pi], &qs[wi]);
    if !(stated.is_operand() && part.is_operand() && whole.is_operand())
        || part.kind != whole.kind
        || !(part.unit == whole.unit || same_unit(&part.unit, &whole.unit))
        || part.value < Decimal::ZERO
        || whole.value <= Decimal::ZERO
    {
        return None;
    }
    let computed = part.interval().div(&whole.interval())?;
    let exact = part.value.checked_div(whole.value)?;
    let consistent = computed.overlaps(&stated.interval());
    let stated_text = clean(doc.figure_text(si));
    let suffix = if stated.kind == Kind::Multiple && stated_text.ends_with('倍') {
        "倍"
    } else {
        " times"
    };
    let expected = format!("{}{suffix}", format_fixed(exact, stated.decimals));
    let (part_text, whole_text) = (clean(doc.figure_text(pi)), clean(doc.figure_text(wi)));
    let note = format!(
        "{part_text} / {whole_text} = {} → {expected}",
        format_computed(exact, stated.decimals)
    );
    Some(Verdict::expecting(
        consistent,
        expected.clone(),
        note,
        vec![
            ("stated", stated_text),
            ("part", part_text),
            ("whole", whole_text),
            ("computed", expected.clone()),
            ("expected", expected),
        ],
    ))
}
