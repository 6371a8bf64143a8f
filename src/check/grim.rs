//! GRIM: the mean of n whole-number scores (ratings on a 7-point scale,
//! counts) times n is a whole number, so a mean printed to two decimals
//! over 20 people can be 3.45 or 3.50, never 3.47. Only informative while
//! n is below 10^decimals; past that every printed mean is reachable.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::{clean, Verdict};
use crate::document::Document;
use crate::lex::Kind;
use crate::matcher::Claim;
use crate::num::format_fixed;
use crate::rules::{Role, Rule};

pub fn evaluate(_rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let (mi, ni) = (claim.member(Role::Stated)?, claim.member(Role::Part)?);
    let (mean, n) = (&qs[mi], &qs[ni]);
    if !(mean.is_operand() && n.is_operand())
        || mean.kind != Kind::Number
        || n.kind != Kind::Number
        || mean.decimals == 0
        || n.decimals != 0
    {
        return None;
    }
    let count = n.value.to_u64().filter(|&v| v >= 1)?;
    if count >= 10u64.checked_pow(mean.decimals)? {
        return None;
    }
    let count = Decimal::from(count);
    let interval = mean.interval();
    let (lo, hi) = (interval.lo * count, interval.hi * count);
    let consistent = lo.ceil() <= hi.floor();
    let mean_text = clean(doc.figure_text(mi));
    let n_text = clean(doc.figure_text(ni));
    let nearest = (mean.value * count).round();
    let below = format_fixed(
        (nearest - Decimal::ONE).max(Decimal::ZERO) / count,
        mean.decimals,
    );
    let at = format_fixed(nearest / count, mean.decimals);
    let above = format_fixed((nearest + Decimal::ONE) / count, mean.decimals);
    let whole = format!("{n_text} whole-number scores");
    let expected = format!("{below}, {at} or {above}");
    let note = if consistent {
        format!("{} / {n_text} = {at}", lo.ceil())
    } else {
        format!("the means of {whole} near {mean_text} are {expected}")
    };
    Some(Verdict {
        primary_label: format!("no mean of {whole} rounds to {mean_text}"),
        consistent,
        expected: expected.clone(),
        note,
        fields: vec![
            ("stated", mean_text),
            ("n", n_text),
            ("computed", expected.clone()),
            ("expected", expected),
        ],
        doubtful: false,
    })
}
