//! Runs the `examples:` of templates: each `pass` snippet must be checked
//! by its template and hold, each `fail` snippet must be flagged by it.
//! Every example is linted with all the rules in force, so an example
//! that another template claims first is reported as such: precedence is
//! tested, not assumed. The test suite runs the built-in packs;
//! `statlint test-rules` runs a user's.

use crate::rules::{RuleSet, Template};
use crate::selection::Selection;
use crate::Linter;

#[derive(Debug)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: String,
    pub example: String,
    pub problem: String,
}

/// The template an example was written for, and whether its rule id
/// (any language) is `rule`.
fn is_of(template: &Template, rule: &str) -> bool {
    rule.split_once('.')
        .is_some_and(|(_, id)| id == template.id)
}

/// Runs the examples of the templates `wanted` accepts, linting each with
/// every rule of `rules`. Returns the count run and the failures.
pub fn run_examples(
    rules: RuleSet,
    wanted: impl Fn(&Template) -> bool,
) -> (usize, Vec<ExampleFailure>) {
    let templates: Vec<Template> = rules
        .templates
        .iter()
        .filter(|t| wanted(t))
        .cloned()
        .collect();
    let linter = Linter::new(rules, &Selection::default());
    let mut run = 0;
    let mut failures = Vec::new();
    for t in &templates {
        let fail = |example: &str, problem: String| ExampleFailure {
            rule: t.id.clone(),
            origin: t.origin.clone(),
            example: example.to_owned(),
            problem,
        };
        for example in &t.examples().pass {
            run += 1;
            let report = linter.lint_text("<example>", example.clone(), 0);
            let own = report.checks.iter().find(|c| is_of(t, &c.rule));
            if let Some(f) = report.findings.first() {
                failures.push(fail(
                    example,
                    format!("should pass, but {} flagged it: {}", f.rule, f.message),
                ));
            } else if own.is_none() {
                let problem = match report.checks.first() {
                    Some(other) => format!(
                        "should be checked by this template, but {} claimed it",
                        other.rule
                    ),
                    None => "should be checked, but no relation was found".to_owned(),
                };
                failures.push(fail(example, problem));
            }
        }
        for example in &t.examples().fail {
            run += 1;
            let report = linter.lint_text("<example>", example.clone(), 0);
            if report.findings.iter().any(|f| is_of(t, &f.rule)) {
                continue;
            }
            let problem = match report.findings.first() {
                Some(other) => format!(
                    "should be flagged by this template, but {} claimed it",
                    other.rule
                ),
                None => "should be flagged, but nothing was".to_owned(),
            };
            failures.push(fail(example, problem));
        }
    }
    (run, failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_example_behaves() {
        let rules = RuleSet::builtin().expect("built-in rules compile");
        let (run, failures) = run_examples(rules, |_| true);
        assert!(run > 0);
        let report: Vec<String> = failures
            .iter()
            .map(|f| {
                format!(
                    "{} ({}): {}\n    {}",
                    f.rule, f.origin, f.problem, f.example
                )
            })
            .collect();
        assert!(failures.is_empty(), "{}", report.join("\n"));
    }
}
