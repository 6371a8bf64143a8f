//! Multiples: one value as k times another (`是上年的1.6倍`, `2.3 times
//! as likely`), and a value per share (`$3.0 million, or $0.04 per share,
//! on 84.4 million diluted shares`).

use rust_decimal::Decimal;

use super::util::{comparable, is_level, shown};
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::Document;
use crate::lex::Kind;
use crate::num::{format_computed, format_fixed};

pub struct Multiple;

const NAME: &str = "multiple";

impl RelationKind for Multiple {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a multiple equals one value over the other"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["times", "per-share"]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        for i in 0..doc.figures.len() {
            let q = &doc.figures[i];
            if !q.is_operand() {
                continue;
            }
            if q.kind == Kind::Multiple {
                times(doc, i, out);
            } else if q.kind == Kind::Number && q.decimals > 0 {
                per_share(doc, i, out);
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let (si, pi, wi) = (c.stated, c.member("numerator")?, c.member("denominator")?);
        let (stated, part, whole) = (&doc.figures[si], &doc.figures[pi], &doc.figures[wi]);
        if !(stated.is_operand() && part.is_operand() && whole.is_operand())
            || part.value < Decimal::ZERO
            || whole.value <= Decimal::ZERO
        {
            return None;
        }
        let computed = part.interval().div(&whole.interval())?;
        let exact = part.value.checked_div(whole.value)?;
        let consistent = computed.overlaps(&stated.interval());
        // How far apart the two are, as a factor (a stated 0 is as far as
        // can be).
        let ratio = if exact > stated.value {
            exact.checked_div(stated.value).unwrap_or(Decimal::MAX)
        } else {
            stated
                .value
                .checked_div(exact.max(Decimal::new(1, 12)))
                .unwrap_or(Decimal::MAX)
        };
        if !consistent && ratio > Decimal::TWO {
            return None;
        }
        let expected = format_fixed(exact, stated.decimals);
        let (pt, wt, st) = (shown(doc, pi), shown(doc, wi), shown(doc, si));
        Some(Verdict {
            consistent,
            message: format!("{st} does not match {pt} / {wt} = {expected}"),
            primary_label: format!("expected {expected}"),
            note: format!(
                "{pt} / {wt} = {} → {expected}",
                format_computed(exact, stated.decimals)
            ),
            expected,
            doubtful: false,
        })
    }
}

/// `是上年的1.6倍` with last year's value stated beside it; `是2015年3.5亿件的
/// 2.4倍`, the base inside 是…的; `5.2 times that among adults aged 18 to
/// 49 (3.0 per 100,000)`, the base after `that`.
fn times(doc: &Document, k: usize, out: &mut Vec<Candidate>) {
    let m = &doc.mentions[k];
    // 增长1.6倍 is ×2.6 or ×1.6: left to the growth reading.
    if matches!(m.role, crate::doc::Role::Change { .. }) {
        return;
    }
    let level = |j: usize| is_level(doc, j) && doc.same_sentence(j, k);
    let before: Vec<usize> = (0..k).rev().take(3).filter(|&j| level(j)).collect();
    // 是X的k倍: the figure right before the multiple, joined by 的.
    let inside = before.first().copied().filter(|&b| {
        let q = &doc.figures[b];
        doc.gap(b, k).trim() == "的"
            && doc
                .folded_between(q.start.saturating_sub(24), q.start)
                .contains('是')
    });
    let (a, b) = if let Some(b) = inside {
        match before.get(1) {
            Some(&a) => (a, b),
            None => return,
        }
    } else if let Some(&a) = before.first() {
        // `k times that among …`: the base comes after.
        let end = (doc.figures[k].unit_end + 16).min(doc.folded.len());
        let after = doc
            .folded_between(doc.figures[k].unit_end, end)
            .to_ascii_lowercase();
        let that =
            after.trim_start().starts_with("that") || after.trim_start().starts_with("those");
        let next = (k + 1..doc.figures.len())
            .take(4)
            .find(|&j| level(j) && comparable(&doc.figures[j], &doc.figures[a]));
        let prior: Vec<usize> = (k.saturating_sub(3)..(k + 4).min(doc.figures.len()))
            .filter(|&j| {
                j != a
                    && j != k
                    && is_level(doc, j)
                    && comparable(&doc.figures[j], &doc.figures[a])
                    && doc.mentions[j].period.prior
                    && doc.figures[j].paragraph == doc.figures[k].paragraph
            })
            .collect();
        match (that, next, prior.as_slice()) {
            (true, Some(n), _) => (a, n),
            (false, _, [p]) => (a, *p),
            _ => return,
        }
    } else {
        return;
    };
    if !comparable(&doc.figures[a], &doc.figures[b]) {
        return;
    }
    out.push(
        Candidate::new(NAME, "times", m.lang, k)
            .with("numerator", a)
            .with("denominator", b)
            .strong(),
    );
}

/// `$3.0 million, or $0.04 per share, on 84.4 million diluted shares`.
fn per_share(doc: &Document, s: usize, out: &mut Vec<Candidate>) {
    let q = &doc.figures[s];
    let after = doc
        .folded_between(q.end, (q.end + 24).min(doc.folded.len()))
        .to_ascii_lowercase();
    if !(after.trim_start().starts_with("per share")
        || after.trim_start().starts_with("per diluted share"))
    {
        return;
    }
    let before = doc.folded_between(q.start.saturating_sub(8), q.start);
    if !before.contains('$') {
        return;
    }
    let Some(income) = s
        .checked_sub(1)
        .filter(|&j| is_level(doc, j) && doc.same_sentence(j, s))
    else {
        return;
    };
    let shares = (s + 1..doc.figures.len()).take(2).find(|&j| {
        is_level(doc, j)
            && doc.same_sentence(j, s)
            && doc
                .folded_between(
                    doc.figures[j].end,
                    (doc.figures[j].end + 40).min(doc.folded.len()),
                )
                .to_ascii_lowercase()
                .contains("shares")
    });
    if let Some(shares) = shares {
        out.push(
            Candidate::new(NAME, "per-share", doc.mentions[s].lang, s)
                .with("numerator", income)
                .with("denominator", shares)
                .strong(),
        );
    }
}
