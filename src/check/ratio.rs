//! Ratios: a stated percentage (or per mille, or a share written as a
//! plain number) against the part and the whole stated beside it.

use rust_decimal::Decimal;

use super::{clean, Verdict};
use crate::document::Document;
use crate::lex::Kind;
use crate::matcher::Claim;
use crate::num::{format_computed, format_fixed};
use crate::rules::{Role, Rule};

pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let stated = &qs[claim.member(Role::Stated)?];
    let part = &qs[claim.member(Role::Part)?];
    let whole = &qs[claim.member(Role::Whole)?];
    if !(stated.is_operand() && part.is_operand() && whole.is_operand()) {
        return None;
    }
    if part.value < Decimal::ZERO || whole.value <= Decimal::ZERO {
        return None;
    }
    let scale = rule.scale.unwrap_or(match stated.kind {
        Kind::Permille => Decimal::ONE_THOUSAND,
        Kind::Number => Decimal::ONE,
        _ => Decimal::ONE_HUNDRED,
    });
    let computed = part.interval().div(&whole.interval())?.scale(scale)?;
    let exact = part.value.checked_div(whole.value)?.checked_mul(scale)?;
    let consistent = computed.overlaps(&stated.interval());
    let sign = match stated.kind {
        Kind::Percent => "%",
        Kind::Permille => "‰",
        _ => "",
    };
    let expected = format!("{}{sign}", format_fixed(exact, stated.decimals));
    if !consistent {
        if let Some(within) = rule.plausible_within {
            if (exact - stated.value).abs() > within {
                return None;
            }
        }
    }
    let part_text = clean(doc.figure_text(claim.member(Role::Part)?));
    let whole_text = clean(doc.figure_text(claim.member(Role::Whole)?));
    let stated_text = clean(doc.figure_text(claim.member(Role::Stated)?));
    // A percent already says ×100; a plain share (a:b:c, 105.23:100) does not.
    let implicit = scale == Decimal::ONE || matches!(stated.kind, Kind::Percent | Kind::Permille);
    let times = if implicit {
        String::new()
    } else {
        format!(" × {scale}")
    };
    let note = format!(
        "{part_text} / {whole_text}{times} = {}{sign} → {expected}",
        format_computed(exact, stated.decimals),
    );
    let label = doc.before(claim.member(Role::Stated)?).to_owned();
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
            ("label", label),
        ],
    ))
}
