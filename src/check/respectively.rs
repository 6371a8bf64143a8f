//! 分别 / respectively: as many values as subjects.

use super::{list::item_counts, Verdict};
use crate::document::Document;
use crate::matcher::Claim;

pub fn evaluate(_rule: &crate::rules::Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let values = claim.members.len();
    let (start, end) = claim.list?;
    let subjects = &doc.text()[start..end];
    let (fewest, most) = item_counts(subjects, false)?;
    let consistent = (fewest..=most).contains(&values);
    let named = if fewest == most {
        fewest.to_string()
    } else {
        format!("{fewest} or {most}")
    };
    Some(Verdict {
        primary_label: format!("{values} value(s) for {named} subjects"),
        consistent,
        expected: format!("{named} values"),
        note: format!(
            "{named} subjects ({}), {values} value{}",
            subjects.trim(),
            if values == 1 { "" } else { "s" }
        ),
        fields: vec![
            ("values", values.to_string()),
            ("subjects", named.clone()),
            ("computed", named.clone()),
            ("expected", named),
        ],
        doubtful: false,
    })
}
