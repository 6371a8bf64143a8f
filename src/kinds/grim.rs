//! GRIM: the mean of n whole-number scores (ratings on a 7-point scale,
//! counts) times n is a whole number, so a mean printed to two decimals
//! over 20 people can be 3.45 or 3.50, never 3.47. Only informative while
//! n is below 10^decimals; past that every printed mean is reachable.
//!
//! Only in a document that says its scores are ratings on a point scale
//! and never speaks of items: a scale that averages several items has a
//! finer grain than n.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::util::shown;
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::Document;
use crate::lex::Kind;
use crate::num::format_fixed;

pub struct Grim;

const NAME: &str = "grim";

fn point_scale() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i-u)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven)[- ]point\b|\blikert\b")
            .expect("the scale pattern compiles")
    })
}

fn items() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i-u)\bitems?\b").expect("the items pattern compiles"))
}

/// Is figure `i` written after `<letter> = `?
fn after_symbol(doc: &Document, i: usize, symbols: &[&str]) -> bool {
    let q = &doc.figures[i];
    let start = doc.folded.floor_char_boundary(q.start.saturating_sub(6));
    let before = doc.folded[start..q.start].trim_end();
    let Some(before) = before.strip_suffix('=') else {
        return false;
    };
    let before = before.trim_end();
    symbols.iter().any(|s| {
        before.ends_with(s)
            && before[..before.len() - s.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

impl RelationKind for Grim {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a mean of n whole-number scores times n is a whole number"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["mean-n"]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        // A scale is named `N-point` or `Likert`: without either word the
        // patterns need not be compiled.
        let lower_has = |w: &str| {
            doc.folded
                .as_bytes()
                .windows(w.len())
                .any(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        };
        if !(lower_has("point") || lower_has("likert")) {
            return;
        }
        if !point_scale().is_match(&doc.folded) || items().is_match(&doc.folded) {
            return;
        }
        for i in 0..doc.figures.len() {
            if doc.figures[i].kind != Kind::Number || !after_symbol(doc, i, &["M"]) {
                continue;
            }
            // The n of the same bracket or sentence, before or after.
            // In the same bracket: nothing closes one between them.
            let same_bracket = |j: usize| {
                let (a, b) = (i.min(j), i.max(j));
                !doc.folded_between(doc.figures[a].end, doc.figures[b].start)
                    .contains([')', '）'])
            };
            let near = (i.saturating_sub(3)..(i + 4).min(doc.figures.len())).filter(|&j| {
                j != i
                    && doc.same_sentence(i, j)
                    && doc.mentions[j].depth == doc.mentions[i].depth
                    && same_bracket(j)
                    && after_symbol(doc, j, &["n", "N"])
            });
            let ns: Vec<usize> = near.collect();
            if let [n] = ns.as_slice() {
                out.push(
                    Candidate::new(NAME, "mean-n", doc.mentions[i].lang, i)
                        .with("n", *n)
                        .strong(),
                );
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let (mi, ni) = (c.stated, c.member("n")?);
        let (mean, n) = (&doc.figures[mi], &doc.figures[ni]);
        if !(mean.is_operand() && n.is_operand()) || mean.decimals == 0 || n.decimals != 0 {
            return None;
        }
        let count = n.value.to_u64().filter(|&v| v >= 1)?;
        if count >= 10u64.checked_pow(mean.decimals)? {
            return None;
        }
        let count = Decimal::from(count);
        let interval = mean.interval();
        let (lo, hi) = (
            interval.lo.checked_mul(count)?,
            interval.hi.checked_mul(count)?,
        );
        let consistent = lo.ceil() <= hi.floor();
        let (mean_text, n_text) = (shown(doc, mi), shown(doc, ni));
        let nearest = mean.value.checked_mul(count)?.round();
        let below = format_fixed(
            (nearest - Decimal::ONE).max(Decimal::ZERO) / count,
            mean.decimals,
        );
        let at = format_fixed(nearest / count, mean.decimals);
        let above = format_fixed(nearest.checked_add(Decimal::ONE)? / count, mean.decimals);
        let whole = format!("{n_text} whole-number scores");
        let expected = format!("{below}, {at} or {above}");
        Some(Verdict {
            consistent,
            message: format!(
                "the mean {mean_text} is not reachable with n = {n_text} whole-number scores"
            ),
            primary_label: format!("no mean of {whole} rounds to {mean_text}"),
            note: if consistent {
                format!("{} / {n_text} = {at}", lo.ceil())
            } else {
                format!("the means of {whole} near {mean_text} are {expected}")
            },
            expected,
            doubtful: false,
        })
    }
}
