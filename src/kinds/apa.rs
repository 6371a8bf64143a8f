//! APA statistics: a test statistic with its degrees of freedom against
//! the p-value printed with it (`t(37) = -4.93, p < .001`). The statistic
//! stands for the interval its rounding allows, which gives an interval
//! of p; the printed p (`= .24` is [.235, .245], `< .05` is below .05)
//! must meet it. "one-tailed" after the result halves p. Text extracted
//! from some PDFs prints an opening quote as `B` and loses the χ of χ²:
//! `B2(1, N = 226)`.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::prelude::ToPrimitive;
use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor, Normal, StudentsT};

use super::util::shown;
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::Document;
use crate::lex::Kind;

pub struct Apa;

const NAME: &str = "apa";

#[derive(Clone, Copy, Debug, PartialEq)]
enum Test {
    T,
    F,
    ChiSquare,
    Z,
    R,
}

fn test_of(name: &str) -> Option<Test> {
    Some(match name.trim() {
        "t" => Test::T,
        "F" => Test::F,
        "z" | "Z" => Test::Z,
        "r" => Test::R,
        // (`Χ2`: a capital Greek chi, as some typesetting prints it.)
        "χ2" | "χ²" | "Χ2" | "Χ²" | "X2" | "chi2" | "B2" => Test::ChiSquare,
        _ => return None,
    })
}

/// The statistic's name and degrees of freedom right before its value:
/// `t(37) = `, `F(2, 70) = `, `χ2(1, N = 226) = `.
fn statistic() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:^|[^\w])(t|F|z|Z|r|χ2|χ²|Χ2|Χ²|X2|chi2|B2)\s*\(\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d+(?:\.\d+)?)\s*)?(?:,\s*N\s*=\s*\d+\s*)?\)\s*=\s*$")
            .expect("the statistic pattern compiles")
    })
}

/// `p < ` right before a value.
fn p_operator() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\bp\s*([<=>≤≥])\s*$").expect("the p pattern compiles"))
}

/// The p-value of a statistic (two-tailed for t, z and r).
fn p_value(test: Test, x: f64, df1: f64, df2: f64) -> Option<f64> {
    let p = match test {
        Test::T => 2.0 * StudentsT::new(0.0, 1.0, df1).ok()?.sf(x.abs()),
        Test::Z => 2.0 * Normal::new(0.0, 1.0).ok()?.sf(x.abs()),
        Test::R => {
            if x.abs() >= 1.0 {
                return None;
            }
            let t = x * (df1 / (1.0 - x * x)).sqrt();
            2.0 * StudentsT::new(0.0, 1.0, df1).ok()?.sf(t.abs())
        }
        Test::F => FisherSnedecor::new(df1, df2).ok()?.sf(x),
        Test::ChiSquare => ChiSquared::new(df1).ok()?.sf(x),
    };
    p.is_finite().then_some(p)
}

/// A statistic found before figure `i`: (test, df1, df2).
fn read_statistic(doc: &Document, i: usize) -> Option<(Test, f64, f64)> {
    let q = &doc.figures[i];
    let start = doc.folded.floor_char_boundary(q.start.saturating_sub(48));
    let before = &doc.folded[start..q.start];
    // Most figures follow no `) =`: that test first, and the pattern is
    // compiled only for a text that has a statistic at all.
    if !before.trim_end().ends_with('=') || !before.contains(')') {
        return None;
    }
    let caps = statistic().captures(before)?;
    let test = test_of(caps.get(1)?.as_str())?;
    let df1: f64 = caps.get(2)?.as_str().parse().ok()?;
    let df2: f64 = caps.get(3).map_or(Some(0.0), |d| d.as_str().parse().ok())?;
    if test == Test::F && df2 <= 0.0 || df1 <= 0.0 {
        return None;
    }
    Some((test, df1, df2))
}

/// The operator before a p-value at figure `j`.
fn read_p(doc: &Document, j: usize) -> Option<char> {
    let q = &doc.figures[j];
    let start = doc.folded.floor_char_boundary(q.start.saturating_sub(8));
    let before = &doc.folded[start..q.start];
    if !before.contains(['p', 'P']) {
        return None;
    }
    let caps = p_operator().captures(before)?;
    caps.get(1)?.as_str().chars().next()
}

impl RelationKind for Apa {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a test statistic with its degrees of freedom gives the p-value printed with it"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["p-value"]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        for i in 0..doc.figures.len() {
            if doc.figures[i].kind != Kind::Number || read_statistic(doc, i).is_none() {
                continue;
            }
            // The next p in the sentence, before any other statistic.
            let p = (i + 1..doc.figures.len())
                .take(4)
                .take_while(|&j| doc.same_sentence(i, j) && read_statistic(doc, j).is_none())
                .find(|&j| read_p(doc, j).is_some());
            if let Some(p) = p {
                out.push(
                    Candidate::new(NAME, "p-value", doc.mentions[i].lang, i)
                        .with("p", p)
                        .strong(),
                );
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let (si, pi) = (c.stated, c.member("p")?);
        let (stat, p) = (&doc.figures[si], &doc.figures[pi]);
        let (test, df1, df2) = read_statistic(doc, si)?;
        let op = read_p(doc, pi)?;
        let x = stat.value.to_f64()?;
        let half = stat.half.to_f64()?;
        let (x_lo, x_hi) = if x >= 0.0 {
            ((x - half).max(0.0), x + half)
        } else {
            (x - half, (x + half).min(0.0))
        };
        let after = doc.folded_between(p.end, (p.end + 60).min(doc.folded.len()));
        let one_tailed = after.contains("one-tailed");
        let tail = if one_tailed { 0.5 } else { 1.0 };
        let a = p_value(test, x_lo, df1, df2)? * tail;
        let b = p_value(test, x_hi, df1, df2)? * tail;
        let (p_lo, p_hi) = if a <= b { (a, b) } else { (b, a) };
        let printed = p.value.to_f64()?;
        let p_half = p.half.to_f64()?;
        let meets = |lo: f64, hi: f64| match op {
            '<' | '≤' => lo < printed,
            '>' | '≥' => hi > printed,
            _ if printed == 0.0 => lo < p_half,
            _ => lo <= printed + p_half && printed - p_half <= hi,
        };
        // A two-sided test may be reported one-sided without saying so
        // nearby: either reading of t, z or r is a plausible one.
        let halved = !one_tailed && matches!(test, Test::T | Test::Z | Test::R);
        let consistent = meets(p_lo, p_hi) || halved && meets(p_lo / 2.0, p_hi / 2.0);
        let exact = p_value(test, x, df1, df2)? * tail;
        let stat_text = shown(doc, si);
        let expected = format!("p = {exact:.4}");
        Some(Verdict {
            consistent,
            message: format!("{stat_text} gives {expected}, not the p printed ({})", shown(doc, pi)),
            primary_label: format!("the statistic gives {expected}"),
            note: format!(
                "{stat_text} with df {df1}{} gives {expected}{} (p from {p_lo:.4} to {p_hi:.4} within rounding)",
                if df2 > 0.0 { format!(", {df2}") } else { String::new() },
                if one_tailed { ", one-tailed" } else { "" }
            ),
            expected,
            doubtful: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{p_value, Test};

    #[test]
    fn p_values_match_published_tables() {
        let close = |a: f64, b: f64| (a - b).abs() < 5e-4;
        assert!(close(p_value(Test::T, 2.03, 97.0, 0.0).unwrap(), 0.0451));
        assert!(close(p_value(Test::F, 4.48, 2.0, 70.0).unwrap(), 0.0148));
        assert!(close(
            p_value(Test::ChiSquare, 6.90, 1.0, 0.0).unwrap(),
            0.0086
        ));
        assert!(close(p_value(Test::Z, 1.96, 0.0, 0.0).unwrap(), 0.0500));
    }
}
