//! Helpers shared by the integration tests: the binary, fixtures, and a
//! user rule file to write into a temporary folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// `statlint`, run from the package root (so that fixture paths in its
/// output are relative), with colour left to the flags.
pub fn statlint() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("statlint");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        // CI mode changes defaults; tests that want it set it.
        .env_remove("CI")
        .timeout(Duration::from_secs(120));
    cmd
}

/// A fixture's path relative to the package root, as given to statlint.
pub const ZH_PASS: &str = "fixtures/zh/completion-rate.txt";
pub const ZH_ERROR: &str = "fixtures/zh/completion-rate-error.txt";
pub const EN_PASS: &str = "fixtures/en/respondents.txt";
pub const EN_ERROR: &str = "fixtures/en/respondents-error.txt";

pub fn fixture_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub fn fixture_bytes(relative: &str) -> Vec<u8> {
    std::fs::read(fixture_path(relative)).expect("fixture is readable")
}

/// A one-line report whose completion rate is one point off.
pub const ZH_FAILING_LINE: &str = "全县目标任务数 52380人，累计接种 48211剂次，完成率93.04%。";
/// The same report, correct.
pub const ZH_PASSING_LINE: &str = "全县目标任务数 52380人，累计接种 48211剂次，完成率92.04%。";
/// A one-line English report whose first share is one point off.
pub const EN_FAILING_LINE: &str =
    "Of the 540 respondents, 320 (60.3%) were women and 220 (40.7%) were men.";

/// A user rule file: 合格率 added to the lexicon as the qualified count
/// over the inspected count, and the rate template restated at the given
/// severity with examples of its own. `names:` of the rate is on line 5,
/// column 7.
pub fn pass_rate_rules(severity: &str) -> String {
    format!(
        r#"lexicon:
  language: zh
  rates:
    - names: [合格率]
      part: [合格]
      whole: [抽检]
templates:
  - id: ratio.rate
    description: 合格率 is the qualified count over the inspected count
    severity: {severity}
    examples:
      pass:
        - 本季度共抽检 250批次，合格 240批次，合格率96.0%。
      fail:
        - 本季度共抽检 250批次，合格 240批次，合格率97.0%。
"#
    )
}

/// A report the user rule flags: 240 / 250 is 96.0%, not 97.0%.
pub const PASS_RATE_FAILING_LINE: &str = "本季度共抽检 250批次，合格 240批次，合格率97.0%。";

/// Writes `contents` to `name` in `dir` and returns the path.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("can create the folder");
    }
    std::fs::write(&path, contents).expect("can write the file");
    path
}

pub fn stdout_text(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr_text(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// statlint's JSON entry for `text` given on stdin.
pub fn json_on_stdin(text: &str) -> serde_json::Value {
    let output = statlint()
        .args(["check", "--format", "json", "-"])
        .write_stdin(text)
        .output()
        .expect("statlint runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json["files"][0].clone()
}

/// One string field of each entry of `list` (`diagnostics`, `checks`)
/// in a file's JSON entry.
pub fn fields(file: &serde_json::Value, list: &str, field: &str) -> Vec<String> {
    file[list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| d[field].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Severities of the findings statlint reports on `text` given on stdin.
pub fn severities_on_stdin(text: &str) -> Vec<String> {
    fields(&json_on_stdin(text), "diagnostics", "severity")
}

/// Rule ids of the findings statlint reports on `text` given on stdin.
pub fn rules_flagged_on_stdin(text: &str) -> Vec<String> {
    fields(&json_on_stdin(text), "diagnostics", "rule")
}

/// `clean` raises no finding, and `wrong` (a close variant that is a
/// relation and does not hold) is flagged by `rule` alone.
pub fn assert_silent_then_flagged(clean: &str, wrong: &str, rule: &str) {
    assert!(rules_flagged_on_stdin(clean).is_empty(), "{clean}");
    assert_eq!(rules_flagged_on_stdin(wrong), [rule], "{wrong}");
}

/// The kinds of the relations statlint checks in `text` given on stdin.
pub fn checked_kinds_on_stdin(text: &str) -> Vec<String> {
    fields(&json_on_stdin(text), "checks", "kind")
}
