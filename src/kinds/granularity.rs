//! Granularity: k whole things stated as a percentage of some whole
//! number N must be reachable as k / N (4 firms can be 23.5% only as
//! 4/17; no whole number of firms makes 4 firms 23.6%).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::util::shown;
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::{Document, Role};
use crate::lex::{is_discrete, Kind};

pub struct Granularity;

const NAME: &str = "granularity";

/// Past this k nearly every percentage is reachable; the check says
/// nothing useful.
const MAX_K: u64 = 100_000;

impl RelationKind for Granularity {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "k whole things can be the stated share only of a whole number of them"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["count-share"]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        for i in 0..doc.figures.len() {
            let m = &doc.mentions[i];
            let q = &doc.figures[i];
            // A share the words call one (占比, 比重), not a percentage in
            // brackets beside a count of something else.
            let cued = m.before.has(crate::lexicon::Cue::Share)
                || m.before.has(crate::lexicon::Cue::ShareNoun);
            if m.role != Role::Share
                || q.kind != Kind::Percent
                || !q.is_operand()
                || m.host.is_some()
                || !cued
            {
                continue;
            }
            // The count the share is of: its subject, whole things.
            let Some(k) = m.subject else { continue };
            let kq = &doc.figures[k];
            if kq.kind != Kind::Number
                || kq.decimals != 0
                || kq.multiplier != Decimal::ONE
                || !kq.is_operand()
                || !is_discrete(&kq.unit)
                || !doc.same_sentence(i, k)
            {
                continue;
            }
            out.push(
                Candidate::new(NAME, "count-share", m.lang, i)
                    .with("k", k)
                    .strong(),
            );
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let (si, ki) = (c.stated, c.member("k")?);
        let (stated, k) = (&doc.figures[si], &doc.figures[ki]);
        let kv = k.value.to_u64().filter(|&v| v > 0 && v <= MAX_K)?;
        let s = stated.interval();
        if s.lo <= Decimal::ZERO || s.hi > Decimal::ONE_HUNDRED {
            return None;
        }
        // N must satisfy k·100/hi ≤ N ≤ k·100/lo.
        let hundred_k = Decimal::from(kv) * Decimal::ONE_HUNDRED;
        let n_lo = hundred_k.checked_div(s.hi)?.ceil().to_u64()?;
        let n_hi = hundred_k.checked_div(s.lo)?.floor().to_u64()?;
        let consistent = n_lo <= n_hi;
        let (k_text, s_text) = (shown(doc, ki), shown(doc, si));
        let note = if consistent {
            format!(
                "{k_text} / {n_lo} = {}%",
                crate::num::format_fixed(hundred_k / Decimal::from(n_lo), stated.decimals)
            )
        } else {
            let below =
                crate::num::format_fixed(hundred_k / Decimal::from(n_hi.max(1)), stated.decimals);
            let above = crate::num::format_fixed(hundred_k / Decimal::from(n_lo), stated.decimals);
            format!("{k_text} of {n_hi} is {below}%, of {n_lo} is {above}%: no whole number gives {s_text}")
        };
        Some(Verdict {
            consistent,
            message: format!("{k_text} cannot be {s_text} of any whole number of them"),
            primary_label: format!("no whole of which {k_text} is this share"),
            expected: "a share k / N for a whole number N".to_owned(),
            note,
            doubtful: false,
        })
    }
}
