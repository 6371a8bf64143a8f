//! `statlint check` on the fixtures: verdicts, exit codes, the output
//! formats, the JSON contract, rule selection and colour.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

fn json_of(args: &[&str]) -> (Option<i32>, Value) {
    let output = statlint()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("statlint runs");
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("--format json prints JSON ({e}):\n{}", stdout_text(&output)));
    (output.status.code(), json)
}

fn as_usize(v: &Value) -> usize {
    v.as_u64().expect("a non-negative integer") as usize
}

/// The bytes of `file` that a JSON range `{start, end}` covers, as text.
fn slice<'a>(file: &'a [u8], range: &Value) -> &'a str {
    let (start, end) = (as_usize(&range["start"]), as_usize(&range["end"]));
    assert!(
        start <= end && end <= file.len(),
        "range {range} outside the file"
    );
    std::str::from_utf8(&file[start..end]).expect("a range covers whole characters")
}

// --- Chinese: completion rates --------------------------------------------

#[test]
fn zh_completion_rate_fixture_passes() {
    statlint()
        .args(["check", "--color", "never", ZH_PASS])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "0 errors, 0 warnings; 2 relations checked",
        ));
}

#[test]
fn zh_second_dose_rate_reuses_the_target_of_the_first_clause() {
    let (code, json) = json_of(&[ZH_PASS]);
    assert_eq!(code, Some(0));
    let checks = json["files"][0]["checks"].as_array().unwrap();
    let member = |check: &Value, role: &str| {
        check["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["role"] == role)
            .unwrap_or_else(|| panic!("no {role} in {check}"))
            .clone()
    };
    let rates: Vec<&Value> = checks
        .iter()
        .filter(|c| c["rule"] == "zh.ratio.rate")
        .collect();
    assert_eq!(rates.len(), 2, "both doses are checked: {checks:#?}");
    for check in &rates {
        assert_eq!(check["status"], "consistent");
    }
    assert_eq!(member(rates[0], "stated")["text"], "90.86%");
    assert_eq!(member(rates[0], "part")["text"], "38260");
    assert_eq!(member(rates[1], "stated")["text"], "83.40%");
    assert_eq!(member(rates[1], "part")["text"], "35120");
    // One target, stated once, serves both clauses.
    let (first, second) = (member(rates[0], "whole"), member(rates[1], "whole"));
    assert_eq!(first["text"], "42110");
    assert_eq!(first["start"], second["start"]);
}

#[test]
fn zh_completion_rate_error_is_one_error_on_the_wrong_rate() {
    let file = fixture_bytes(ZH_ERROR);
    let (code, json) = json_of(&[ZH_ERROR]);
    assert_eq!(code, Some(1));
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(d["rule"], "zh.ratio.rate");
    assert_eq!(d["severity"], "error");
    assert_eq!(slice(&file, &d["primary"]), "91.86%");
    assert_eq!(
        (&d["primary"]["line"], &d["primary"]["column"]),
        (&7.into(), &1.into())
    );
    let labels: Vec<(&str, &str)> = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["message"].as_str().unwrap(), slice(&file, l)))
        .collect();
    assert!(labels.contains(&("part", "38260")), "{labels:?}");
    assert!(labels.contains(&("whole", "42110")), "{labels:?}");
    assert_eq!(d["expected"], "90.86%");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("90.86%"),
        "message names the expected value: {message}"
    );
    assert_eq!(json["summary"]["errors"], 1);
}

#[test]
fn zh_completion_rate_error_human_output() {
    let output = statlint()
        .args(["check", "--color", "never", ZH_ERROR])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("zh_completion_rate_error_human", stdout_text(&output));
}

#[test]
fn zh_failing_example_of_the_brief_fails_and_the_correct_one_passes() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", ZH_PASSING_LINE);
    let bad = write(dir.path(), "bad.txt", ZH_FAILING_LINE);
    statlint().arg("check").arg(&good).assert().code(0);
    statlint()
        .arg("check")
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("expected 92.04%"));
}

// --- English: shares of respondents ---------------------------------------

#[test]
fn en_respondents_fixture_passes() {
    statlint()
        .args(["check", "--color", "never", EN_PASS])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "0 errors, 0 warnings; 2 relations checked",
        ));
}

#[test]
fn en_respondents_error_fails_on_the_wrong_share() {
    statlint()
        .args(["check", "--format", "concise", EN_ERROR])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "fixtures/en/respondents-error.txt:3:63: error ratio[en.ratio.bracket]: 60.3% does not match 320 / 540 = 59.3%",
        ))
        .stdout(predicate::str::contains("1 error, 0 warnings"));
}

// --- The JSON contract ----------------------------------------------------

#[test]
fn json_output_has_the_documented_shape() {
    let (code, json) = json_of(&[ZH_ERROR, EN_PASS]);
    assert_eq!(code, Some(1));
    assert_eq!(json["version"], 1);
    let files = json["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [ZH_ERROR, EN_PASS]);
    let d = &files[0]["diagnostics"][0];
    for key in ["rule", "kind", "severity", "message"] {
        assert!(d[key].is_string(), "diagnostic.{key} in {d}");
    }
    for key in ["start", "end", "line", "column"] {
        assert!(d["primary"][key].is_u64(), "primary.{key} in {d}");
    }
    assert!(d["labels"].is_array() && !d["labels"].as_array().unwrap().is_empty());
    assert!(d["expected"].is_string());
    let mut statuses = Vec::new();
    for file in files {
        assert!(file["diagnostics"].is_array());
        for check in file["checks"].as_array().unwrap() {
            statuses.push(check["status"].as_str().unwrap().to_owned());
            for m in check["members"].as_array().unwrap() {
                assert!(m["role"].is_string() && m["text"].is_string(), "{m}");
                assert!(m["start"].is_u64() && m["end"].is_u64(), "{m}");
            }
        }
    }
    assert!(statuses.contains(&"consistent".to_owned()));
    assert!(statuses.contains(&"inconsistent".to_owned()));
    let summary = &json["summary"];
    assert_eq!(summary["files"], 2);
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["warnings"], 0);
    assert!(as_usize(&summary["checks"]) >= 4, "{summary}");
}

/// Every range in the JSON of `paths` slices the file's bytes to the text
/// it stands for.
fn assert_offsets_slice_files(paths: &[&str], bytes: &dyn Fn(&str) -> Vec<u8>) {
    let (_, json) = json_of(paths);
    let mut members = 0;
    for file in json["files"].as_array().unwrap() {
        let data = bytes(file["path"].as_str().unwrap());
        let mut texts = Vec::new();
        for check in file["checks"].as_array().unwrap() {
            for m in check["members"].as_array().unwrap() {
                assert_eq!(slice(&data, m), m["text"].as_str().unwrap(), "member {m}");
                texts.push(m["text"].as_str().unwrap().to_owned());
                members += 1;
            }
        }
        for d in file["diagnostics"].as_array().unwrap() {
            let ranges = std::iter::once(&d["primary"]).chain(d["labels"].as_array().unwrap());
            for range in ranges {
                assert!(
                    texts.iter().any(|t| t == slice(&data, range)),
                    "range {range}"
                );
            }
        }
    }
    assert!(members > 0, "the files hold relations");
}

#[test]
fn json_offsets_slice_the_original_file_bytes() {
    assert_offsets_slice_files(&[ZH_PASS, ZH_ERROR, EN_PASS, EN_ERROR], &|path| {
        fixture_bytes(path)
    });
}

#[test]
fn json_offsets_count_a_utf8_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(
        "说明\n\n全县目标任务数 52380人，累计接种 48211\n剂次，完成率\n93.04%。\n".as_bytes(),
    );
    let path = write(dir.path(), "bom.txt", &bytes);
    let path = path.to_str().unwrap().to_owned();
    assert_offsets_slice_files(&[&path], &|p| std::fs::read(p).unwrap());
    let (code, json) = json_of(&[&path]);
    assert_eq!(code, Some(1));
    let primary = &json["files"][0]["diagnostics"][0]["primary"];
    assert_eq!(slice(&bytes, primary), "93.04%");
    assert_eq!(
        (&primary["line"], &primary["column"]),
        (&5.into(), &1.into())
    );
}

// --- Concise format, --fail-on --------------------------------------------

#[test]
fn concise_format_prints_path_line_column_lines() {
    let output = statlint()
        .args(["check", "--format", "concise", ZH_ERROR, EN_ERROR])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = stdout_text(&output);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(
        lines[..2],
        [
            "fixtures/zh/completion-rate-error.txt:7:1: error ratio[zh.ratio.rate]: 完成率 91.86% does not match 38260 / 42110 = 90.86%",
            "fixtures/en/respondents-error.txt:3:63: error ratio[en.ratio.bracket]: 60.3% does not match 320 / 540 = 59.3%",
        ]
    );
    assert!(lines[2].starts_with("2 errors, 0 warnings;"), "{stdout}");
}

fn warning_rule_run(extra: &[&str]) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "warn.yaml", pass_rate_rules("warning"));
    let report = write(dir.path(), "report.txt", PASS_RATE_FAILING_LINE);
    statlint()
        .args(["check", "--format", "concise", "--rules"])
        .arg(&rules)
        .arg(&report)
        .args(extra)
        .assert()
}

#[test]
fn warnings_do_not_fail_the_run_by_default() {
    warning_rule_run(&[])
        .code(0)
        .stdout(predicate::str::contains("warning ratio[zh.ratio.rate]"))
        .stdout(predicate::str::contains("0 errors, 1 warning;"));
}

#[test]
fn fail_on_warning_fails_the_run_on_a_warning() {
    warning_rule_run(&["--fail-on", "warning"])
        .code(1)
        .stdout(predicate::str::contains("warning ratio[zh.ratio.rate]"));
}

#[test]
fn fail_on_warning_still_fails_on_an_error() {
    statlint()
        .args(["check", "--fail-on", "warning", ZH_ERROR])
        .assert()
        .code(1);
}

// --- --select and --ignore ------------------------------------------------

#[test]
fn ignore_takes_a_prefix() {
    statlint()
        .args(["check", "--ignore", "zh.ratio", ZH_ERROR])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors"));
}

#[test]
fn ignore_of_a_whole_id_silences_only_that_rule() {
    statlint()
        .args(["check", "--ignore", "zh.ratio.rate", ZH_ERROR, EN_ERROR])
        .arg("--format=concise")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("en.ratio.bracket"))
        .stdout(predicate::str::contains("zh.ratio.rate").not());
}

#[test]
fn select_takes_a_prefix() {
    statlint()
        .args(["check", "--select", "en", ZH_ERROR])
        .assert()
        .code(0);
    statlint()
        .args(["check", "--select", "en,zh.ratio", ZH_ERROR])
        .assert()
        .code(1);
}

#[test]
fn a_prefix_must_end_at_a_dot() {
    // `zh.ratio.ra` is not a prefix of `zh.ratio.rate`.
    statlint()
        .args(["check", "--select", "zh.ratio.ra", ZH_PASS])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("zh.ratio.ra"));
}

#[test]
fn an_unknown_id_in_select_exits_2_naming_it() {
    statlint()
        .args(["check", "--select", "zh.nope", ZH_PASS])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no rule matches zh.nope"));
}

#[test]
fn an_unknown_id_in_ignore_exits_2_naming_it() {
    statlint()
        .args(["check", "--ignore", "en.typo", ZH_PASS])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("en.typo"));
}

// --- Colour ---------------------------------------------------------------

#[test]
fn color_always_writes_ansi_escapes() {
    statlint()
        .args(["check", "--color", "always", ZH_ERROR])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\u{1b}["));
}

#[test]
fn color_never_writes_no_ansi_escapes() {
    statlint()
        .args(["check", "--color", "never", ZH_ERROR])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\u{1b}").not())
        .stdout(predicate::str::contains("expected 90.86%"));
}

#[test]
fn color_auto_writes_no_ansi_escapes_into_a_pipe() {
    statlint()
        .args(["check", ZH_ERROR])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\u{1b}").not());
}

#[test]
fn show_checks_lists_every_relation_with_its_verdict() {
    statlint()
        .args(["check", "--show-checks", "--color", "never", ZH_ERROR])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "✗ fixtures/zh/completion-rate-error.txt:7:1: ratio [zh.ratio.rate]",
        ))
        .stdout(predicate::str::contains(
            "✓ fixtures/zh/completion-rate-error.txt:7:28: ratio [zh.ratio.rate]",
        ));
}

#[test]
fn a_file_longer_than_a_piece_points_each_finding_at_its_line() {
    // Over two pieces of clean paragraphs, then a wrong completion rate:
    // the finding must point at the last line of the file.
    let clean = format!("{ZH_PASSING_LINE}\n\n");
    let repeats = statlint::linter::PIECE * 5 / 2 / clean.len() + 1;
    let text = format!("{}{ZH_FAILING_LINE}\n", clean.repeat(repeats));
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "long.txt", &text);
    let (code, json) = json_of(&[path.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    let file = &json["files"][0];
    let diagnostics = file["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let primary = &diagnostics[0]["primary"];
    assert_eq!(as_usize(&primary["line"]), repeats * 2 + 1);
    assert_eq!(slice(text.as_bytes(), primary), "93.04%");
    // Every line's completion rate was checked, in every piece.
    let rates = file["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["rule"] == "zh.ratio.rate")
        .count();
    assert_eq!(rates, repeats + 1);
}

#[test]
fn the_bundled_examples_report_exactly_the_errors_their_expected_list_names() {
    // examples/EXPECTED.md lists one deliberate mistake per report, by
    // file and line; the README promises that `check examples/` reports
    // those and nothing else.
    let expected_md = std::fs::read_to_string("examples/EXPECTED.md").unwrap();
    let mut expected: Vec<(String, u64)> = expected_md
        .lines()
        .filter(|l| l.starts_with("| report-"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells[1].to_owned(), cells[2].parse().unwrap())
        })
        .collect();
    expected.sort();
    assert!(!expected.is_empty(), "{expected_md}");
    let (code, json) = json_of(&["examples/"]);
    assert_eq!(code, Some(1));
    let mut found: Vec<(String, u64)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let name = f["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |d| (name.clone(), d["primary"]["line"].as_u64().unwrap()))
                .collect::<Vec<_>>()
        })
        .collect();
    found.sort();
    assert_eq!(found, expected);
}
