//! Granularity: k whole things stated as a percentage of some whole
//! number N must be reachable as k / N (4 firms can be 23.5% only as
//! 4/17; no whole number of firms makes 4 firms 23.6%).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::{clean, Verdict};
use crate::document::Document;
use crate::lex::Kind;
use crate::matcher::Claim;
use crate::rules::{Role, Rule};

/// Past this k nearly every percentage is reachable; the check says
/// nothing useful.
const MAX_K: u64 = 100_000;

pub fn evaluate(_rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let (si, ki) = (claim.member(Role::Stated)?, claim.member(Role::Part)?);
    let (stated, k) = (&qs[si], &qs[ki]);
    if !(stated.is_operand() && k.is_operand())
        || stated.kind != Kind::Percent
        || k.kind != Kind::Number
        || k.decimals != 0
        || k.multiplier != Decimal::ONE
    {
        return None;
    }
    let kv = k.value.to_u64().filter(|&v| v > 0 && v <= MAX_K)?;
    let s = stated.interval();
    if s.lo <= Decimal::ZERO || s.hi > Decimal::ONE_HUNDRED {
        return None;
    }
    // N must satisfy k·100/hi ≤ N ≤ k·100/lo.
    let hundred_k = Decimal::from(kv) * Decimal::ONE_HUNDRED;
    let n_lo = (hundred_k / s.hi).ceil().to_u64()?;
    let n_hi = (hundred_k / s.lo).floor().to_u64()?;
    let consistent = n_lo <= n_hi;
    let k_text = clean(doc.figure_text(ki));
    let note = if consistent {
        format!(
            "{k_text} / {n_lo} = {}%",
            crate::num::format_fixed(hundred_k / Decimal::from(n_lo), stated.decimals)
        )
    } else {
        let below =
            crate::num::format_fixed(hundred_k / Decimal::from(n_hi.max(1)), stated.decimals);
        let above = crate::num::format_fixed(hundred_k / Decimal::from(n_lo), stated.decimals);
        format!(
            "{k_text} of {n_hi} is {below}%, of {n_lo} is {above}%: no whole number gives {}",
            clean(doc.figure_text(si))
        )
    };
    Some(Verdict {
        primary_label: format!("no whole of which {k_text} is this share"),
        consistent,
        expected: "a share k / N for a whole number N".to_owned(),
        note,
        fields: vec![
            ("stated", clean(doc.figure_text(si))),
            ("k", k_text),
            ("computed", String::new()),
            ("expected", String::new()),
        ],
        doubtful: false,
    })
}
