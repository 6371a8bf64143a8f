//! Runs the `examples:` of rules: each `pass` snippet must be checked by
//! its rule and hold, each `fail` snippet must be flagged by it. The test
//! suite runs the built-in packs; `statlint test-rules` runs a user's.

use crate::rules::Rule;
use crate::Linter;

#[derive(Debug)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: String,
    pub example: String,
    pub problem: String,
}

/// Counts of examples run, and those that did not behave.
pub fn run_examples(rules: &[Rule]) -> (usize, Vec<ExampleFailure>) {
    let mut run = 0;
    let mut failures = Vec::new();
    for rule in rules {
        let linter = Linter::new(vec![rule.clone()]);
        let fail = |example: &str, problem: String| ExampleFailure {
            rule: rule.id.clone(),
            origin: rule.origin.clone(),
            example: example.to_owned(),
            problem,
        };
        for example in &rule.examples.pass {
            run += 1;
            let report = linter.lint_text("<example>", example.clone(), 0);
            if report.checks.is_empty() {
                failures.push(fail(
                    example,
                    "should be checked, but the rule found no relation".into(),
                ));
            } else if let Some(f) = report.findings.first() {
                failures.push(fail(
                    example,
                    format!("should pass, but was flagged: {}", f.message),
                ));
            }
        }
        for example in &rule.examples.fail {
            run += 1;
            let report = linter.lint_text("<example>", example.clone(), 0);
            if report.findings.is_empty() {
                let why = if report.checks.is_empty() {
                    "should be flagged, but the rule found no relation"
                } else {
                    "should be flagged, but the relation holds"
                };
                failures.push(fail(example, why.into()));
            }
        }
    }
    (run, failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_example_behaves() {
        let rules = crate::rules::builtin().expect("built-in rules compile");
        let (run, failures) = run_examples(&rules);
        assert!(
            run >= rules.len() * 2,
            "each rule has a pass and a fail example"
        );
        for rule in &rules {
            assert!(
                !rule.examples.pass.is_empty() && !rule.examples.fail.is_empty(),
                "{} needs pass and fail examples",
                rule.id
            );
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn a_fail_example_that_holds_is_reported() {
        let mut rules = crate::rules::builtin().unwrap();
        rules.truncate(1);
        let pass = rules[0].examples.pass[0].clone();
        rules[0].examples.fail = vec![pass];
        let (_, failures) = run_examples(&rules);
        assert_eq!(failures.len(), 1);
        assert!(failures[0].problem.contains("holds"));
    }
}
