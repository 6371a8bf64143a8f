//! The edges of a run as CI and editors meet them: an empty folder, a
//! pipe closed early, a buffer piped with its file name, a file named
//! twice, a named file that is no report, GitHub annotations.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::*;

#[test]
fn a_folder_with_no_report_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.yaml"), "a: 1\n").unwrap();
    let out = statlint()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no report files"), "{stderr}");
}

#[test]
fn a_pipe_closed_early_keeps_the_findings_status() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.txt");
    std::fs::write(&path, format!("{ZH_FAILING_LINE}\n").repeat(3000)).unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("statlint"))
        .args(["check", "--format", "concise", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe, as `| head -1` does.
    let mut first = String::new();
    let stdout = child.stdout.take().unwrap();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    assert!(first.contains("zh.ratio"), "{first}");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_buffer_on_stdin_is_read_as_the_file_it_names() {
    // Markdown: the wrong rate in a code block is not read; the one in the
    // prose is, and the finding names the file.
    let text = format!("```\n{ZH_FAILING_LINE}\n```\n\n{ZH_FAILING_LINE}\n");
    let out = statlint()
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "draft.md",
            "-",
        ])
        .write_stdin(text)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let findings: Vec<&str> = stdout.lines().filter(|l| l.contains(": error ")).collect();
    assert_eq!(findings.len(), 1, "{stdout}");
    assert!(findings[0].starts_with("draft.md:5:"), "{stdout}");
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let out = statlint()
        .args([
            "check",
            "--format",
            "concise",
            ZH_ERROR,
            ZH_ERROR,
            "fixtures/zh",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let path_lines = stdout
        .lines()
        .filter(|l| l.starts_with(&format!("{ZH_ERROR}:")))
        .count();
    let alone = statlint()
        .args(["check", "--format", "concise", ZH_ERROR])
        .output()
        .unwrap();
    let once = String::from_utf8_lossy(&alone.stdout)
        .lines()
        .filter(|l| l.starts_with(&format!("{ZH_ERROR}:")))
        .count();
    assert!(once > 0);
    assert_eq!(path_lines, once, "{stdout}");
}

#[test]
fn a_named_file_that_is_not_a_report_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data.txt");
    std::fs::write(&path, b"\x00\x01binary").unwrap();
    let out = statlint()
        .args(["check", path.to_str().unwrap(), ZH_PASS])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("data.txt") && stderr.contains("not a report"),
        "{stderr}"
    );
    // Found in a folder, the same file is skipped with a note.
    std::fs::write(dir.path().join("report.txt"), ZH_PASSING_LINE).unwrap();
    let walked = statlint()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(walked.status.code(), Some(0));
}

#[test]
fn github_annotations_name_file_line_column_and_rule() {
    let out = statlint()
        .args(["check", "--format", "github", ZH_ERROR])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(line.contains(&format!("file={ZH_ERROR},line=")), "{line}");
    assert!(
        line.contains(",col=") && line.contains("title=statlint zh."),
        "{line}"
    );
    // A percent sign in the message is escaped.
    let message = line.split("::").nth(2).unwrap();
    assert!(!message.contains('%') || message.contains("%25"), "{line}");
}

#[test]
fn sarif_names_each_finding_its_rule_and_the_members() {
    let out = statlint()
        .args(["check", "--format", "sarif", ZH_ERROR, ZH_PASS])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let rule = r["ruleId"].as_str().unwrap();
        assert!(run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == rule));
        let uri = &r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, ZH_ERROR);
        assert!(!r["relatedLocations"].as_array().unwrap().is_empty());
    }
}

#[test]
fn inline_suppressions_silence_the_next_line_and_stale_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("report.md");
    std::fs::write(
        &md,
        format!(
            "<!-- statlint-disable-next-line zh.ratio -->\n{ZH_FAILING_LINE}\n\n\
             <!-- statlint-disable-next-line zh.grim -->\n{ZH_FAILING_LINE}\n"
        ),
    )
    .unwrap();
    let out = statlint()
        .args(["check", "--format", "concise", md.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let errors: Vec<&str> = stdout.lines().filter(|l| l.contains(": error ")).collect();
    // The first line is silenced; the second's suppression names another rule.
    assert_eq!(errors.len(), 1, "{stdout}");
    assert!(errors[0].contains(":5:"), "{stdout}");
    // Outside CI, stale suppressions are reported only when asked.
    assert!(!stdout.contains("unused-suppression"), "{stdout}");
    let out = statlint()
        .args([
            "check",
            "--format",
            "concise",
            "--report-unused-suppressions",
        ])
        .arg(&md)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(":4:1: warning suppression[unused-suppression]"),
        "{stdout}"
    );
    // In CI (`CI=true`, as CI services set it) they are reported unasked.
    let ci = statlint()
        .args(["check", "--format", "concise"])
        .arg(&md)
        .env("CI", "true")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&ci.stdout), stdout);

    // Plain text: a line of its own.
    let out = statlint()
        .args(["check", "-"])
        .write_stdin(format!(
            "statlint: disable-next-line zh.ratio.rate\n{ZH_FAILING_LINE}\n"
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}
