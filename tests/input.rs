//! What `statlint check` does with awkward input: missing files, folders,
//! encodings, binary and empty files, huge lines and numbers, standard
//! input, and a reader that goes away.

mod common;

use std::io::Read;
use std::process::Stdio;
use std::time::Duration;

use common::*;
use predicates::prelude::*;

#[test]
fn a_missing_file_exits_2_and_is_named() {
    statlint()
        .args(["check", "no-such-report.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-report.txt: no such file"));
}

#[test]
fn a_missing_file_does_not_stop_the_others_from_being_linted() {
    statlint()
        .args([
            "check",
            "--format",
            "concise",
            "no-such-report.txt",
            ZH_ERROR,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-report.txt"))
        .stdout(predicate::str::contains(
            "fixtures/zh/completion-rate-error.txt:7:1: error ratio[zh.ratio.rate]",
        ));
}

#[test]
fn a_folder_is_walked_for_txt_and_md_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ZH_FAILING_LINE);
    write(dir.path(), "sub/b.md", EN_FAILING_LINE);
    write(dir.path(), "sub/deeper/c.TXT", ZH_PASSING_LINE);
    write(dir.path(), "d.csv", ZH_FAILING_LINE);
    write(dir.path(), "e.yaml", ZH_FAILING_LINE);
    let output = statlint()
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = stdout_text(&output);
    let flagged: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_once(":1:").map(|(path, _)| path))
        .collect();
    let a = dir.path().join("a.txt").display().to_string();
    let b = dir.path().join("sub").join("b.md").display().to_string();
    assert_eq!(flagged, [a.as_str(), b.as_str()], "{stdout}");
    assert!(stdout.contains("in 3 files"), "{stdout}");
}

#[test]
fn invalid_utf8_exits_2_naming_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "全县目标任务数 52380人".as_bytes().to_vec();
    assert_eq!(bytes.len(), 30);
    bytes.extend_from_slice(b"\xff\xfe tail");
    let path = write(dir.path(), "latin1.txt", &bytes);
    statlint()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: invalid UTF-8 at byte 30",
            path.display()
        )));
}

#[test]
fn utf16_le_with_a_byte_order_mark_is_decoded_and_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in format!("说明\r\n{ZH_FAILING_LINE}\r\n").encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let path = write(dir.path(), "utf16.txt", &bytes);
    statlint()
        .args(["check", "--format", "concise"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:2:32: error ratio[zh.ratio.rate]: 完成率 93.04%",
            path.display()
        )));
}

#[test]
fn utf16_be_with_a_byte_order_mark_is_decoded_and_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFE, 0xFF];
    for unit in EN_FAILING_LINE.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    let path = write(dir.path(), "utf16be.txt", &bytes);
    statlint()
        .args(["check", "--format", "concise"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("en.ratio.bracket"));
}

#[test]
fn a_binary_file_named_is_an_error_and_one_found_in_a_folder_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00".to_vec();
    bytes.extend_from_slice(ZH_FAILING_LINE.as_bytes());
    let path = write(dir.path(), "archive.txt", &bytes);
    statlint()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "error: {}: binary file",
            path.display()
        )))
        .stdout(predicate::str::contains("in 0 files"));
    write(dir.path(), "report.txt", ZH_PASSING_LINE.as_bytes());
    statlint()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "note: {}: binary file",
            path.display()
        )))
        .stdout(predicate::str::contains("in 1 file"));
}

#[test]
fn a_binary_file_does_not_hide_findings_in_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let binary = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    // The named binary fails the run (2); the report's findings are
    // still printed.
    statlint()
        .args(["check", "--format", "concise"])
        .arg(&binary)
        .arg(ZH_ERROR)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(format!("{ZH_ERROR}:")))
        .stderr(predicate::str::contains("binary file"));
}

#[test]
fn an_empty_file_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.txt", b"");
    statlint()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty())
        .stdout(predicate::str::contains(
            "0 errors, 0 warnings; 0 relations checked, 0 figures found, in 1 file",
        ));
}

#[test]
fn a_file_of_only_a_byte_order_mark_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bom.txt", "\u{feff}");
    statlint().arg("check").arg(&path).assert().code(0);
}

#[test]
fn standard_input_is_read_for_a_dash() {
    statlint()
        .args(["check", "--format", "concise", "-"])
        .write_stdin(format!("说明\n{ZH_FAILING_LINE}\n"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "<stdin>:2:32: error ratio[zh.ratio.rate]",
        ));
}

#[test]
fn standard_input_can_be_clean() {
    statlint()
        .args(["check", "-"])
        .write_stdin(ZH_PASSING_LINE)
        .assert()
        .code(0);
}

#[test]
fn a_million_digit_number_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let digits = "7".repeat(1_000_000);
    let path = write(
        dir.path(),
        "digits.txt",
        format!("The register lists {digits} entries.\n\n{digits}\n\n0.{digits}%\n"),
    );
    statlint()
        .arg("check")
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("panicked").not());
}

/// Builds a single line of about `megabytes` MB by repeating `filler`,
/// then `last`; no line break anywhere.
fn one_long_line(megabytes: usize, filler: &str, last: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(megabytes * 1_000_000 + last.len());
    while bytes.len() < megabytes * 1_000_000 {
        bytes.extend_from_slice(filler.as_bytes());
    }
    bytes.extend_from_slice(last.as_bytes());
    bytes
}

/// Lints a huge file that holds one error: no panic, exit 1, stdout back.
fn check_huge_file(path: &std::path::Path) -> String {
    let output = statlint()
        .args(["check", "--color", "never"])
        .arg(path)
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    let stderr = stderr_text(&output);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    stdout_text(&output)
}

/// A huge single-line file ends with one wrong share: the run finishes
/// without a panic, flags it, and the human output quotes a window of the
/// line, not the whole line. 20 MB rather than 100 MB: the lexer alone
/// takes about 70 s per 100 MB in a debug build.
#[test]
fn a_huge_single_line_file_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "This invented line of filler text runs on and on without a single break, \
                  as text pulled out of a PDF sometimes does; ";
    let path = write(
        dir.path(),
        "huge.txt",
        one_long_line(20, filler, EN_FAILING_LINE),
    );
    let stdout = check_huge_file(&path);
    assert!(
        stdout.contains("error[en.ratio.bracket]"),
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
    assert!(
        stdout.len() < 4000,
        "the output quotes the whole line: {} bytes",
        stdout.len()
    );
}

/// As above, with figures all along the line (a relation every 160
/// bytes). 10 MB, well under a minute in a debug build; any work per figure that
/// grows with the text before it (as `classify` in src/lex/context.rs once
/// did) takes hours here, and the timeout fails the test.
#[test]
fn a_huge_single_line_file_full_of_figures_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "Of the 540 respondents, 220 (40.7%) were men; this invented filler goes on \
                  for a while without further figures, so that the line grows long. ";
    let path = write(
        dir.path(),
        "huge.txt",
        one_long_line(10, filler, EN_FAILING_LINE),
    );
    let stdout = check_huge_file(&path);
    assert!(stdout.contains("error[en.ratio.bracket]"));
    assert!(stdout.contains("1 error, 0 warnings"), "{stdout}");
    assert!(
        stdout.len() < 4000,
        "the output quotes the whole line: {} bytes",
        stdout.len()
    );
}

/// Many findings on one long line: each diagnostic quotes a window around
/// its figures, so the output grows with the findings, not with the
/// findings times the line.
#[test]
fn findings_on_a_long_line_quote_only_a_window_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "line.txt", ZH_FAILING_LINE.repeat(400));
    let output = statlint()
        .args(["check", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = stdout_text(&output);
    assert!(
        stdout.contains("400 errors"),
        "{}",
        &stdout[stdout.len().saturating_sub(300)..]
    );
    assert!(
        stdout.len() < 400 * 1500,
        "{} bytes for 400 findings",
        stdout.len()
    );
    // Line and column stay those of the file; the cut is marked.
    let last_column = 1 + ZH_FAILING_LINE.chars().count() * 399 + 31;
    assert!(
        stdout.contains(&format!("┌─ {}:1:{last_column}\n", path.display())),
        "column {last_column}"
    );
    assert!(
        stdout.contains("│ ...计接种 48211剂次，完成率93.04%。"),
        "{}",
        &stdout[..1500]
    );
}

/// The reader of standard output goes away at once: statlint stops
/// quietly, with success, whatever the format.
#[test]
fn a_closed_stdout_pipe_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "many.txt",
        format!("{ZH_FAILING_LINE}\n").repeat(500),
    );
    for format in ["human", "concise", "json"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("statlint"))
            .args(["check", "--color", "always", "--format", format])
            .arg(&path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: quiet, but wrote {stderr}");
        // The run stops; the findings it met keep their status.
        assert_eq!(status.code(), Some(1), "{format}: {stderr}");
    }
}

#[test]
fn an_internal_error_in_one_file_is_named_and_the_others_are_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-broken.txt", ZH_PASSING_LINE);
    write(dir.path(), "b.txt", ZH_FAILING_LINE);
    let output = statlint()
        .env("STATLINT_TEST_FAIL_ON", "a-broken.txt")
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("a-broken.txt: internal error"),
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(stdout_text(&output).contains("b.txt:1:"));
}
