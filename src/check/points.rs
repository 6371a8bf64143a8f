//! Percentage points: the difference of two stated rates, "由1.07%提高到
//! 1.49%，提高0.42个百分点", "from 4.3% to 5.8%, up 1.5 percentage points".

use super::{clean, Verdict};
use crate::document::Document;
use crate::lex::Kind;
use crate::matcher::Claim;
use crate::num::format_fixed;
use crate::rules::Rule;

pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let (si, li, ei) = claim.triple()?;
    let (stated, later, earlier) = (&qs[si], &qs[li], &qs[ei]);
    if !(stated.is_operand() && later.is_operand() && earlier.is_operand())
        || later.kind != Kind::Percent
        || earlier.kind != Kind::Percent
    {
        return None;
    }
    let diff = later.interval().sub(&earlier.interval());
    let stated_signed = if rule.decrease {
        stated.interval().negate()
    } else {
        stated.interval()
    };
    let consistent = diff.overlaps(&stated_signed);
    let exact = later.value - earlier.value;
    if !consistent
        && rule
            .plausible_within
            .is_some_and(|w| (exact - stated_signed.midpoint()).abs() > w)
    {
        return None;
    }
    let shown = if rule.decrease { -exact } else { exact };
    let expected = format_fixed(shown, stated.decimals);
    let (later_text, earlier_text) = (clean(doc.figure_text(li)), clean(doc.figure_text(ei)));
    Some(Verdict {
        primary_label: format!("expected {expected} points"),
        consistent,
        expected: format!("{expected} points"),
        note: format!(
            "{later_text} − {earlier_text} = {} points",
            format_fixed(exact, stated.decimals.max(later.decimals))
        ),
        fields: vec![
            ("stated", clean(doc.figure_text(si))),
            ("later", later_text),
            ("earlier", earlier_text),
            ("computed", expected.clone()),
            ("expected", expected),
        ],
        doubtful: false,
    })
}
