//! APA statistics: a test statistic with its degrees of freedom against
//! the p-value printed with it (`t(37) = -4.93, p < .001`). The statistic
//! stands for the interval its rounding allows, which gives an interval
//! of p; the printed p (`= .24` is [.235, .245], `< .05` is below .05)
//! must meet it. "one-tailed" after the result halves p.

use rust_decimal::prelude::ToPrimitive;
use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor, Normal, StudentsT};

use super::{clean, Verdict};
use crate::document::Document;
use crate::matcher::Claim;
use crate::rules::{Role, Rule};

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
        "χ2" | "χ²" | "X2" | "chi2" | "2" | "B2" => Test::ChiSquare,
        _ => return None,
    })
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

pub fn evaluate(_rule: &Rule, claim: &Claim, doc: &Document) -> Option<Verdict> {
    let qs = doc.quantities();
    let (si, pi) = (claim.member(Role::Stated)?, claim.member(Role::Part)?);
    let (stat, p) = (&qs[si], &qs[pi]);
    let test = test_of(claim.capture("test")?)?;
    let df1: f64 = claim.capture("df1")?.trim().parse().ok()?;
    let df2: f64 = claim
        .capture("df2")
        .map_or(Some(0.0), |d| d.trim().parse().ok())?;
    if test == Test::F && df2 <= 0.0 || df1 <= 0.0 {
        return None;
    }
    let op = claim.capture("op").unwrap_or("=").trim();
    let x = stat.value.to_f64()?;
    let half = stat.half.to_f64()?;
    let (x_lo, x_hi) = if x >= 0.0 {
        ((x - half).max(0.0), x + half)
    } else {
        (x - half, (x + half).min(0.0))
    };
    let one_tailed = doc
        .following(pi)
        .get(..60.min(doc.following(pi).len()))
        .is_some_and(|t| t.contains("one-tailed"))
        || doc.following(pi).starts_with(", one-tailed");
    let tail = if one_tailed { 0.5 } else { 1.0 };
    let a = p_value(test, x_lo, df1, df2)? * tail;
    let b = p_value(test, x_hi, df1, df2)? * tail;
    let (p_lo, p_hi) = if a <= b { (a, b) } else { (b, a) };
    let printed = p.value.to_f64()?;
    let p_half = p.half.to_f64()?;
    let consistent = match op {
        "<" | "≤" => p_lo < printed,
        ">" | "≥" => p_hi > printed,
        _ if printed == 0.0 => p_lo < p_half,
        _ => p_lo <= printed + p_half && printed - p_half <= p_hi,
    };
    let exact = p_value(test, x, df1, df2)? * tail;
    let stat_text = clean(doc.figure_text(si));
    let expected = format!("p = {exact:.4}");
    Some(Verdict {
        primary_label: format!("the statistic gives {expected}"),
        consistent,
        expected: expected.clone(),
        note: format!(
            "{stat_text} with df {df1}{} gives {expected}{} (p from {p_lo:.4} to {p_hi:.4} within rounding)",
            if df2 > 0.0 { format!(", {df2}") } else { String::new() },
            if one_tailed { ", one-tailed" } else { "" }
        ),
        fields: vec![
            ("stated", stat_text),
            ("p", clean(doc.figure_text(pi))),
            ("computed", expected.clone()),
            ("expected", expected),
        ],
        doubtful: false,
    })
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
