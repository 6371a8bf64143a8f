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
    assert!(ids.contains(&"zh.ratio.rate"), "{stdout}");
    assert!(ids.contains(&"en.ratio.bracket"), "{stdout}");
    let id = regex::Regex::new(r"^(zh|en)\.[a-z-]+\.[a-z0-9-]+$").unwrap();
    assert!(
        ids.iter().all(|i| id.is_match(i)),
        "every line starts with a rule id: {stdout}"
    );
}

#[test]
fn rules_shows_a_users_severity() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "user.yaml", pass_rate_rules("warning"));
    statlint()
        .arg("rules")
        .arg("--rules")
        .arg(&rules)
        .assert()
        .code(0)
        .stdout(predicate::str::is_match(r"(?m)^zh\.ratio\.rate +warning ").unwrap());
}

#[test]
fn rule_shows_description_kind_and_examples() {
    statlint()
        .args(["rule", "zh.ratio.rate"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("zh.ratio.rate\n"))
        .stdout(predicate::str::contains("kind: ratio"))
        .stdout(predicate::str::contains(
            "holds:\n  年末常住人口80.00万人，其中城镇人口50.00万人，乡村人口30.00万人。常住人口城镇化率62.50%。\n",
        ))
        .stdout(predicate::str::contains(
            "flagged:\n  年末常住人口80.00万人，其中城镇人口50.00万人，乡村人口30.00万人。常住人口城镇化率63.50%。\n",
        ));
}

#[test]
fn rule_writes_line_breaks_in_examples_as_backslash_n() {
    statlint()
        .args(["rule", "zh.repeat.same-label"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "同比增长3.8%。\\n\\n一、农业\\n\\n前三季度",
        ));
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
        .stdout(predicate::str::contains("2 passed, 0 failed (1 templates)"));
}

#[test]
fn test_rules_runs_every_file_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", pass_rate_rules("error"));
    write(
        dir.path(),
        "sub/b.yml",
        "lexicon:\n  language: zh\n  cues:\n    share: [占有]\ntemplates:\n  - id: ratio.named-whole\n    description: shares\n    examples:\n      pass:\n        - 全年生产总值500.0亿元。民营经济增加值310.0亿元，占有生产总值的比重为62.0%。\n",
    );
    statlint()
        .arg("test-rules")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("3 passed, 0 failed (2 templates)"));
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
fn test_rules_reports_an_unknown_shape_at_its_line_and_column() {
    let (path, assert) = test_rules_on(|r| r.replace("id: ratio.rate", "id: ratio.guess"));
    assert
        .code(2)
        .stderr(predicate::str::contains(format!("{path}:8:9:")))
        .stderr(predicate::str::contains("has no shape `guess`"));
}

#[test]
fn test_rules_reports_an_unknown_cue_role_at_its_line_and_column() {
    let (path, assert) =
        test_rules_on(|r| r.replace("  rates:\n", "  cues:\n    colour: [红]\n  rates:\n"));
    assert
        .code(2)
        .stderr(predicate::str::contains(format!("{path}:4:5:")))
        .stderr(predicate::str::contains("unknown field `colour`"));
}

#[test]
fn test_rules_reports_a_bad_severity_at_its_line_and_column() {
    let (path, assert) = test_rules_on(|r| r.replace("severity: error", "severity: loud"));
    assert
        .code(2)
        .stderr(predicate::str::contains(format!("{path}:10:15:")))
        .stderr(predicate::str::contains("unknown severity `loud`"));
}

#[test]
fn test_rules_reports_invalid_yaml_with_a_line_and_column() {
    let (path, assert) = test_rules_on(|r| r.replace("names: [合格率]", "names: [合格率"));
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
        .stdout(predicate::str::contains("FAIL ratio.rate"))
        .stdout(predicate::str::contains(
            "should be flagged, but nothing was",
        ))
        .stdout(predicate::str::contains("1 passed, 1 failed (1 templates)"));
}

#[test]
fn test_rules_fails_when_a_pass_example_is_flagged() {
    let (_, assert) = test_rules_on(|r| r.replace("合格率96.0%", "合格率95.0%"));
    assert.code(1).stdout(predicate::str::contains(
        "should pass, but zh.ratio.rate flagged it",
    ));
}

#[test]
fn test_rules_names_the_template_that_claimed_an_example() {
    // A breakdown in brackets is the bracket template's, not the rate's.
    let (_, assert) = test_rules_on(|r| {
        r.replace(
            "        - 本季度共抽检 250批次，合格 240批次，合格率97.0%。\n",
            "        - 新增输入病例12例（浙江8例，四川2例，福建1例）。\n",
        )
    });
    assert.code(1).stdout(predicate::str::contains(
        "should be flagged by this template, but zh.sum.bracket claimed it",
    ));
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
fn check_with_a_users_lexicon_applies_it() {
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
            ":1:26: error ratio[zh.ratio.rate]: 合格率 97.0% does not match 240 / 250 = 96.0%",
        ));
    // Without the user's lexicon, 合格率 is no rate statlint knows.
    statlint()
        .args(["check", "--format", "concise"])
        .arg(&report)
        .assert()
        .code(0);
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
        pass_rate_rules("error").replace("language: zh", "language: fr"),
    );
    assert
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(format!(
            "{}:2:13:",
            rules.display()
        )))
        .stderr(predicate::str::contains("unknown language `fr`"));
}

#[test]
fn check_with_a_template_defined_twice_in_one_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let twice = format!(
        "{}  - id: ratio.rate\n    description: again\n",
        pass_rate_rules("error")
    );
    let (_, assert) = check_with_rule_file(dir.path(), "twice.yaml", twice);
    assert.code(2).stderr(predicate::str::contains(
        "template `ratio.rate` is already defined",
    ));
}
