//! `statlint rules`, `statlint rule ID`, `statlint test-rules PATH`, and
//! user rule files given to `check --rules`.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn rules_lists_the_builtin_ids() {
    let output = statlint().arg("rules").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = stdout_text(&output);
    let ids: Vec<&str> = stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert!(ids.contains(&"zh.ratio.completion-rate"), "{stdout}");
    assert!(ids.contains(&"en.ratio.of-total"), "{stdout}");
    let id = regex::Regex::new(r"^[a-z]+(\.[a-z0-9_-]+)+$").unwrap();
    assert!(
        ids.iter().all(|i| id.is_match(i)),
        "every line starts with a rule id: {stdout}"
    );
}

#[test]
fn rules_lists_user_rules_too() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "user.yaml", pass_rate_rules("warning"));
    statlint()
        .arg("rules")
        .arg("--rules")
        .arg(&rules)
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"(?m)^user\.ratio\.pass-rate +zh +warning ").unwrap());
}

#[test]
fn rule_shows_description_and_examples() {
    statlint()
        .args(["rule", "zh.ratio.completion-rate"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("zh.ratio.completion-rate\n"))
        .stdout(predicate::str::contains(
            "完成率 is what was done over the target stated before it",
        ))
        .stdout(predicate::str::contains(
            "holds:\n  全县目标任务数 52380人，累计接种 48211剂次，完成率92.04%。\n",
        ))
        .stdout(predicate::str::contains(
            "flagged:\n  全县目标任务数 52380人，累计接种 48211剂次，完成率93.04%。\n",
        ));
}

#[test]
fn rule_writes_line_breaks_in_examples_as_backslash_n() {
    statlint()
        .args(["rule", "zh.ratio.completion-rate"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("9000\\n剂次，完成率\\n75.00%"));
}

#[test]
fn rule_with_an_unknown_id_exits_2() {
    statlint()
        .args(["rule", "nope"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no rule `nope`"));
}

#[test]
fn test_rules_passes_a_good_rule_file() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "good.yaml", pass_rate_rules("error"));
    statlint()
        .arg("test-rules")
        .arg(&rules)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 passed, 0 failed (1 rules)"));
}

#[test]
fn test_rules_runs_every_file_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", pass_rate_rules("error"));
    write(
        dir.path(),
        "sub/b.yml",
        pass_rate_rules("warning").replace("user.ratio.pass-rate", "user.ratio.pass-rate-b"),
    );
    statlint()
        .arg("test-rules")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("4 passed, 0 failed (2 rules)"));
}

/// Runs `test-rules` on the user rule file changed by `edit`; returns the
/// file's path and the assertion.
fn test_rules_on(edit: impl Fn(String) -> String) -> (String, assert_cmd::assert::Assert) {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "bad.yaml", edit(pass_rate_rules("error")));
    let assert = statlint().arg("test-rules").arg(&rules).assert();
    (rules.display().to_string(), assert)
}

#[test]
fn test_rules_reports_a_bad_regex_at_its_line_and_column() {
    let (path, assert) = test_rules_on(|r| r.replace("'合格率(?:为|达)?$'", "'合格率(?:为|达?$'"));
    assert.code(2).stderr(predicate::str::contains(format!(
        "{path}:9:17: `before` is not a valid regex"
    )));
}

#[test]
fn test_rules_reports_an_unknown_field_at_its_line_and_column() {
    let (path, assert) =
        test_rules_on(|r| r.replace("    check: ratio\n", "    check: ratio\n    colour: red\n"));
    assert
        .code(2)
        .stderr(predicate::str::contains(format!("{path}:6:5:")))
        .stderr(predicate::str::contains("unknown field `colour`"));
}

#[test]
fn test_rules_reports_invalid_yaml_with_a_line_and_column() {
    let (path, assert) = test_rules_on(|r| r.replace("languages: [zh]", "languages: [zh"));
    let pattern = format!(r"{}:\d+:\d+: ", regex::escape(&path));
    assert
        .code(2)
        .stderr(predicate::str::is_match(pattern).unwrap());
}

#[test]
fn test_rules_fails_when_a_fail_example_is_not_flagged() {
    let (_, assert) = test_rules_on(|r| r.replace("合格率97.0%", "合格率96.0%"));
    assert
        .code(1)
        .stdout(predicate::str::contains("FAIL user.ratio.pass-rate"))
        .stdout(predicate::str::contains(
            "should be flagged, but the relation holds",
        ))
        .stdout(predicate::str::contains("1 passed, 1 failed (1 rules)"));
}

#[test]
fn test_rules_fails_when_a_pass_example_is_flagged() {
    let (_, assert) = test_rules_on(|r| r.replace("合格率96.0%", "合格率95.0%"));
    assert
        .code(1)
        .stdout(predicate::str::contains("should pass, but was flagged"));
}

#[test]
fn test_rules_on_a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.yaml");
    statlint()
        .arg("test-rules")
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.yaml"));
}

#[test]
fn check_with_user_rules_applies_them() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "user.yaml", pass_rate_rules("error"));
    let report = write(dir.path(), "report.txt", PASS_RATE_FAILING_LINE);
    statlint()
        .args(["check", "--format", "concise", "--rules"])
        .arg(&rules)
        .arg(&report)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            ":1:26: error ratio[user.ratio.pass-rate]: 合格率 97.0% does not match 240 / 250 = 96.0%",
        ));
}

/// `statlint check --rules FILE` on the pass fixture, with `contents`
/// written to FILE in `dir`: the file's path and the run's assertion.
fn check_with_rule_file(
    dir: &std::path::Path,
    name: &str,
    contents: String,
) -> (std::path::PathBuf, assert_cmd::assert::Assert) {
    let rules = write(dir, name, contents);
    let assert = statlint()
        .args(["check", "--rules"])
        .arg(&rules)
        .arg(ZH_PASS)
        .assert();
    (rules, assert)
}

#[test]
fn check_with_a_broken_rule_file_exits_2_naming_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let (rules, assert) = check_with_rule_file(
        dir.path(),
        "broken.yaml",
        pass_rate_rules("error").replace("'合格率(?:为|达)?$'", "'合格率(?:为|达?$'"),
    );
    assert
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(format!(
            "{}:9:17:",
            rules.display()
        )));
}

#[test]
fn check_with_a_rule_id_defined_twice_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (_, assert) = check_with_rule_file(
        dir.path(),
        "twice.yaml",
        pass_rate_rules("error").replace("user.ratio.pass-rate", "zh.ratio.completion-rate"),
    );
    assert.code(2).stderr(predicate::str::contains(
        "`zh.ratio.completion-rate` is defined twice",
    ));
}
