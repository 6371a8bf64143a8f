//! Properties of the built-in rules, through the library API, on generated
//! reports: correct arithmetic never fires; arithmetic off by more than
//! rounding can explain, yet close enough to be the author's slip, always
//! fires. (Far off, a reading more likely pairs the wrong figures, and
//! statlint stays silent.)

use std::sync::LazyLock;

use proptest::prelude::*;
use statlint::{FileReport, Linter};

static LINTER: LazyLock<Linter> = LazyLock::new(|| {
    Linter::new(
        statlint::rules::RuleSet::builtin().expect("the built-in rules compile"),
        &statlint::selection::Selection::default(),
    )
});

fn lint(text: String) -> FileReport {
    LINTER.lint_text("generated.txt", text, 0)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        // Failures are reported with their shrunk input; no regression
        // files are written next to the tests.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Hundredths as a fixed two-decimal figure: 12345 → "123.45".
fn hundredths(v: u64) -> String {
    format!("{}.{:02}", v / 100, v % 100)
}

/// `part / whole * 100` rounded to hundredths, half away from zero.
fn percent_hundredths(part: u64, whole: u64) -> u64 {
    (2 * part * 10_000 + whole) / (2 * whole)
}

/// Whether `report` has a finding of `kind`.
fn fired(report: &FileReport, kind: &str) -> bool {
    report.findings.iter().any(|f| f.kind == kind)
}

/// What `report` found and checked, for failure messages.
fn summary(report: &FileReport) -> String {
    let findings: Vec<_> = report.findings.iter().map(|f| &f.message).collect();
    let checks: Vec<_> = report
        .checks
        .iter()
        .map(|c| (c.kind, c.consistent, &c.note))
        .collect();
    format!("findings: {findings:#?}\nchecks: {checks:#?}")
}

fn three_industries(total: u64, a: u64, b: u64, c: u64) -> String {
    format!(
        "全县地区生产总值{}亿元。其中，第一产业增加值{}亿元，第二产业增加值{}亿元，第三产业增加值{}亿元。",
        hundredths(total),
        hundredths(a),
        hundredths(b),
        hundredths(c)
    )
}

fn completion_rate(target: u64, done: u64, rate: u64) -> String {
    format!(
        "全县目标任务数 {target}人，累计接种 {done}剂次，完成率{}%。",
        hundredths(rate)
    )
}

fn breakdown(t: u64, a: u64, b: u64, c: u64) -> String {
    format!("新增本土病例{t}例(甲省{a}例,乙省{b}例,丙省{c}例)。")
}

/// A part of the three-industry breakdown, in hundredths of 亿元:
/// 0.01 to 99999.99.
fn part() -> impl Strategy<Value = u64> {
    1u64..10_000_000
}

/// An offset in hundredths beyond what rounding explains (more than 0.03).
fn offset() -> impl Strategy<Value = u64> {
    prop_oneof![4u64..=20, 21u64..=100_000]
}

proptest! {
    #![proptest_config(config())]

    // --- (a) 地区生产总值 = the three industries -----------------------------

    #[test]
    fn three_industries_that_add_up_never_fire(a in part(), b in part(), c in part()) {
        let report = lint(three_industries(a + b + c, a, b, c));
        prop_assert!(report.findings.is_empty(), "{}", summary(&report));
        prop_assert!(
            report.checks.iter().any(|c| c.kind == "sum" && c.consistent),
            "no consistent sum check\n{}",
            summary(&report)
        );
    }

    #[test]
    fn three_industries_off_by_more_than_rounding_always_fire(
        a in part(),
        b in part(),
        c in part(),
        off in offset(),
        below in any::<bool>(),
    ) {
        let sum = a + b + c;
        let total = if below && sum > off { sum - off } else { sum + off };
        let report = lint(three_industries(total, a, b, c));
        prop_assert!(fired(&report, "sum"), "{}", summary(&report));
    }

    // --- (b) 完成率 = done / target ------------------------------------------

    #[test]
    fn correctly_rounded_completion_rates_never_fire(
        (target, done) in (1u64..=2_000_000).prop_flat_map(|n| (Just(n), 0..=n)),
    ) {
        let rate = percent_hundredths(done, target);
        let report = lint(completion_rate(target, done, rate));
        prop_assert!(report.findings.is_empty(), "{}", summary(&report));
        prop_assert!(
            report.checks.iter().any(|c| c.kind == "ratio" && c.consistent),
            "no consistent ratio check\n{}",
            summary(&report)
        );
    }

    #[test]
    fn completion_rates_off_by_two_hundredths_to_eleven_points_always_fire(
        (target, done) in (1u64..=2_000_000).prop_flat_map(|n| (Just(n), 0..=n)),
        off in prop_oneof![2u64..=10, 11u64..=1_100],
        below in any::<bool>(),
    ) {
        let correct = percent_hundredths(done, target);
        let rate = if below && correct >= off { correct - off } else { correct + off };
        let report = lint(completion_rate(target, done, rate));
        prop_assert!(fired(&report, "ratio"), "{}", summary(&report));
    }

    // --- (c) N例(甲省a例,乙省b例,丙省c例) --------------------------------------

    #[test]
    fn a_parenthesised_breakdown_fires_iff_it_is_a_slip(
        a in 0u64..500,
        b in 0u64..500,
        c in 0u64..500,
        exact in any::<bool>(),
        other in 0u64..1_500,
    ) {
        let t = if exact { a + b + c } else { other };
        let sum = a + b + c;
        // A slip: off by at most a quarter of the total or by at most five
        // (a spelled-out list of a small count), no part above the total,
        // not by exactly one item
        // (which reads as an aside rather than a part), and not a list
        // whose numbers are 1, 2, 3 (names of items, not sizes).
        let diff = t.abs_diff(sum);
        let slip = t != sum
            && (4 * diff <= t || diff <= 5)
            && !(t < sum && [a, b, c].contains(&(sum - t)))
            && [a, b, c] != [1, 2, 3]
            // A part larger than the total is not read as its part.
            && [a, b, c].iter().all(|&p| p <= t)
            && t > 0;
        let report = lint(breakdown(t, a, b, c));
        prop_assert_eq!(
            fired(&report, "sum"),
            slip,
            "t = {}, a + b + c = {}\n{}",
            t,
            sum,
            summary(&report)
        );
        if slip || t == sum {
            prop_assert!(
                report.checks.iter().any(|check| check.kind == "sum"),
                "no sum check\n{}",
                summary(&report)
            );
        }
    }
}

/// A rating reported with its group size, in a document that says the
/// ratings are on a 7-point scale.
fn rated(n: u64, mean_hundredths: u64) -> String {
    format!(
        "Participants rated each cartoon on a 7-point scale.\n\nThe group (n = {n}, M = {}, SD = 1.10) rated it highly.",
        hundredths(mean_hundredths)
    )
}

/// Whether some whole total k of `n` scores has a mean that some rounding
/// prints as `mean_hundredths`: k / n within half a hundredth of it, ends
/// included (|100·k − m·n| ≤ n / 2).
fn reachable(n: u64, mean_hundredths: u64) -> bool {
    (0..=8 * n).any(|k| 2 * (100 * k).abs_diff(mean_hundredths * n) <= n)
}

proptest! {
    #![proptest_config(config())]

    // --- (d) GRIM: a mean of n whole-number scores ------------------------------

    #[test]
    fn a_mean_fires_iff_no_whole_total_of_n_scores_gives_it(
        n in 2u64..100,
        mean in 100u64..=700,
    ) {
        let report = lint(rated(n, mean));
        prop_assert_eq!(
            fired(&report, "grim"),
            !reachable(n, mean),
            "n = {}, M = {}\n{}",
            n,
            hundredths(mean),
            summary(&report)
        );
        prop_assert!(
            report.checks.iter().any(|check| check.kind == "grim"),
            "no grim check\n{}",
            summary(&report)
        );
    }
}

/// A multiple with both values printed, in tenths (84 → "8.4").
fn multiple_of(part: u64, whole: u64, stated: u64) -> String {
    let tenths = |v: u64| format!("{}.{}", v / 10, v % 10);
    format!(
        "全年快递业务量{}亿件，是2015年{}亿件的{}倍。",
        tenths(part),
        tenths(whole),
        tenths(stated)
    )
}

/// Whether some values that round to `part` and `whole` (tenths) have a
/// ratio that rounds to `stated` (tenths): the intervals
/// [(P − ½)/(W + ½), (P + ½)/(W − ½)] and [(S − ½)/10, (S + ½)/10] meet.
fn multiple_reachable(part: u64, whole: u64, stated: u64) -> bool {
    let (p, w, s) = (part, whole, stated);
    20 * (2 * p - 1) <= (2 * s + 1) * (2 * w + 1) && (2 * s - 1) * (2 * w - 1) <= 20 * (2 * p + 1)
}

proptest! {
    #![proptest_config(config())]

    // --- (e) 是…的N倍: part / whole --------------------------------------------

    #[test]
    fn a_multiple_fires_iff_no_rounding_of_its_values_gives_it(
        (whole, part) in (10u64..=500).prop_flat_map(|w| (Just(w), w..=8 * w)),
        stated in 10u64..=90,
    ) {
        let report = lint(multiple_of(part, whole, stated));
        // Within a factor of two of the values' quotient: a slip, not
        // another pair of values.
        let plausible = 10 * part <= 2 * stated * whole && stated * whole <= 20 * part;
        prop_assert_eq!(
            fired(&report, "multiple"),
            !multiple_reachable(part, whole, stated) && plausible,
            "{}\n{}",
            multiple_of(part, whole, stated),
            summary(&report)
        );
        if plausible {
            prop_assert!(
                report.checks.iter().any(|check| check.kind == "multiple"),
                "no multiple check\n{}",
                summary(&report)
            );
        }
    }
}

/// Report-like noise: figures, multipliers, cue words, punctuation, line
/// breaks and the odd character from anywhere in Unicode.
fn noise() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9０-９]{1,6}",
        "[0-9]{1,3}(,[0-9]{3}){0,3}(\\.[0-9]{1,3})?",
        Just("%".to_owned()),
        Just("万".to_owned()),
        Just("亿元".to_owned()),
        Just("个百分点".to_owned()),
        Just("完成率".to_owned()),
        Just("其中".to_owned()),
        Just("分别为".to_owned()),
        Just("结构为".to_owned()),
        Just("、".to_owned()),
        Just("，".to_owned()),
        Just("。".to_owned()),
        Just(":".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("等".to_owned()),
        Just(" of ".to_owned()),
        Just(" respectively".to_owned()),
        Just("t(".to_owned()),
        Just(") = ".to_owned()),
        Just(", p < .0".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    /// Whatever the text, linting returns: no panic, and every span it
    /// reports lies inside the text on character boundaries.
    #[test]
    fn any_text_lints_without_panicking(text in noise()) {
        let report = lint(text.clone());
        for check in &report.checks {
            for m in &check.members {
                prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }
}
