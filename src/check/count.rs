//! Counts: "A、B、C三大…", "the two …: A and B", "Six countries: …": the
//! stated number against the items the list names.

use rust_decimal::prelude::ToPrimitive;

use super::{
    list::{item_counts, numbered_count, year_count},
    Verdict,
};
use crate::document::Document;
use crate::lex::{Kind, ZH_COUNTERS};
use crate::matcher::Claim;
use crate::rules::{Role, Rule};

pub fn evaluate(rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let stated_index = claim.member(Role::Stated)?;
    let stated = &doc.quantities()[stated_index];
    if stated.kind != Kind::Number || stated.decimals > 0 || !stated.is_operand() {
        return None;
    }
    let n = stated.value.to_usize()?;
    let (start, end) = claim.list?;
    let list = &doc.text()[start..end];
    // 两年 after `１９７９、１９８０`, 53年 after `1950年到2002年`: years counted.
    if stated.unit == "年" {
        let years = year_count(list)?;
        return Some(verdict(
            doc,
            stated_index,
            list,
            n,
            years,
            "the years named are",
            false,
        ));
    }
    // "the following four steps", then `Step 1: …` to `Step 4: …`.
    if let Some(steps) = numbered_count(list) {
        return Some(verdict(
            doc,
            stated_index,
            list,
            n,
            (steps, steps),
            "the list names",
            false,
        ));
    }
    // A count of a few things, with a measure word or a plural noun: 三大,
    // 两个, 4家, six journals. 二十大 and 十九大 are names, not counts.
    let counts_things = ZH_COUNTERS.contains(&stated.unit.as_str())
        || !stated.unit.is_empty() && stated.unit.is_ascii();
    if !(2..=20).contains(&n) || !counts_things || stated.unit == "大" && n >= 10 {
        return None;
    }
    let (fewest, most) = item_counts(list, true)?;
    // `A、B等5家` may name some of five ("among others"): a longer list is
    // wrong, a shorter one is not. But a writer who gives examples names
    // a few of many; one who names all but one has most likely miscounted
    // or dropped an item, so that case is a warning.
    let one_short = !rule.exhaustive && n == most + 1 && fewest >= 2;
    if !rule.exhaustive && n > most && !one_short {
        return None;
    }
    Some(verdict(
        doc,
        stated_index,
        list,
        n,
        (fewest, most),
        "the list names",
        one_short,
    ))
}

/// The verdict on a stated count `n` against a list read as `fewest` to
/// `most` items (`names` says what was counted); `one_short` when a 等
/// list may leave one unnamed.
fn verdict(
    doc: &Document,
    stated_index: usize,
    list: &str,
    n: usize,
    (fewest, most): (usize, usize),
    names: &str,
    one_short: bool,
) -> Verdict {
    let counted = if fewest == most {
        fewest.to_string()
    } else {
        format!("{fewest} or {most}")
    };
    let stated_text = super::clean(doc.figure_text(stated_index));
    let primary_label = if one_short {
        format!("{names} {counted}: one unnamed, or miscounted?")
    } else {
        format!("{names} {counted}")
    };
    Verdict {
        doubtful: one_short,
        primary_label,
        consistent: (fewest..=most).contains(&n),
        expected: counted.clone(),
        note: format!("{names} {counted}: {}", list.trim()),
        fields: vec![
            ("stated", stated_text),
            ("computed", counted.clone()),
            ("expected", counted),
            ("list", list.trim().to_owned()),
        ],
    }
}
