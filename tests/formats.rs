//! Reports in Markdown, HTML, Word and legacy encodings: the wrong figure
//! in the prose and the one in the table are flagged at their line and
//! column in the file, and nothing in code, URLs, comments or markup is.

mod common;

use common::{fixture_bytes, statlint};
use serde_json::Value;

/// The line and column (1-based, in characters) of the `nth` occurrence
/// of `needle` in `text`.
fn position(text: &str, needle: &str, nth: usize) -> (u64, u64) {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} in the fixture"))
        .0;
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let line = text[..at].matches('\n').count() + 1;
    let column = text[line_start..at].chars().count() + 1;
    (line as u64, column as u64)
}

/// The diagnostics of one file as (rule, line, column, figure text).
fn diagnostics(path: &str) -> (Vec<(String, u64, u64, String)>, String) {
    let out = statlint()
        .args(["check", "--format", "json", path])
        .output()
        .expect("statlint runs");
    assert_eq!(out.status.code(), Some(1), "{path} has errors");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let bytes = fixture_bytes(path);
    let file = &json["files"][0];
    let diags = file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let p = &d["primary"];
            let (s, e) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
            // Offsets point into the file as it is, or into the text a
            // Word document or a GBK file was read as.
            let shown = bytes
                .get(s as usize..e as usize)
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default();
            (
                d["rule"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["column"].as_u64().unwrap(),
                shown,
            )
        })
        .collect();
    (diags, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn has(diags: &[(String, u64, u64, String)], rule: &str, at: (u64, u64)) -> bool {
    diags
        .iter()
        .any(|(r, line, col, _)| r == rule && (*line, *col) == at)
}

#[test]
fn markdown_prose_and_table_errors_point_into_the_file_and_code_urls_comments_are_not_read() {
    let path = "fixtures/formats/report.md";
    let source = String::from_utf8(fixture_bytes(path)).unwrap();
    let (diags, _) = diagnostics(path);
    assert!(
        has(&diags, "zh.ratio.rate", position(&source, "92.26%", 0)),
        "{diags:?}"
    );
    assert!(
        has(&diags, "zh.ratio.table", position(&source, "47.0", 0)),
        "{diags:?}"
    );
    // The figures in front matter, code, the comment, URLs and the image
    // would make errors of their own if they were read.
    for (_, line, _, _) in &diags {
        let text = source.lines().nth(*line as usize - 1).unwrap();
        assert!(
            !text.contains("```") && !text.contains("<!--") && !text.contains('`'),
            "finding on {text:?}"
        );
    }
    let rates: Vec<&str> = ["99.00%", "12.34%", "50%", "70%"]
        .into_iter()
        .filter(|f| diags.iter().any(|d| d.3 == *f))
        .collect();
    assert!(rates.is_empty(), "{rates:?} were read");
}

#[test]
fn markdown_offsets_are_the_files_own() {
    let path = "fixtures/formats/report.md";
    let (diags, _) = diagnostics(path);
    let texts: Vec<&str> = diags.iter().map(|d| d.3.as_str()).collect();
    assert!(
        texts.contains(&"92.26%") && texts.contains(&"47.0"),
        "{texts:?}"
    );
}

#[test]
fn html_errors_point_at_the_markup_and_scripts_styles_comments_are_not_read() {
    let path = "fixtures/formats/report.html";
    let source = String::from_utf8(fixture_bytes(path)).unwrap();
    let (diags, _) = diagnostics(path);
    // `92.26&#37;` in the file: the span covers the entity.
    assert!(
        has(&diags, "zh.ratio.rate", position(&source, "92.26&#37;", 0)),
        "{diags:?}"
    );
    assert!(diags.iter().any(|d| d.3 == "92.26&#37;"), "{diags:?}");
    assert!(
        has(&diags, "zh.ratio.table", position(&source, "47.0", 0)),
        "{diags:?}"
    );
    let style_line = position(&source, "92.26%", 0).0;
    assert!(
        diags.iter().all(|d| d.1 != style_line),
        "the style was read"
    );
}

#[test]
fn word_errors_name_the_line_of_the_extracted_text() {
    let path = "fixtures/formats/report.docx";
    let (diags, stderr) = diagnostics(path);
    // The extracted text: a heading, the paragraph with the rate (line
    // 2), …, the table's rows (the wrong share on line 8).
    assert!(
        diags.iter().any(|d| d.0 == "zh.ratio.rate" && d.1 == 2),
        "{diags:?}"
    );
    assert!(
        diags.iter().any(|d| d.0 == "zh.ratio.table" && d.1 == 8),
        "{diags:?}"
    );
    assert!(stderr.contains("extracted"), "{stderr}");
    // Each finding names its place in the document.
    let out = statlint()
        .args(["check", "--format", "json", path])
        .output()
        .expect("statlint runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let notes: Vec<String> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["notes"].as_array().cloned().unwrap_or_default())
        .filter_map(|n| n.as_str().map(str::to_owned))
        .collect();
    assert!(
        notes.iter().any(|n| n == "in the document: paragraph 2"),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n == "in the document: table 1, row 4"),
        "{notes:?}"
    );
}

#[test]
fn a_gbk_file_is_decoded_and_said_so() {
    let path = "fixtures/formats/report-gbk.txt";
    let (diags, stderr) = diagnostics(path);
    assert!(diags.iter().any(|d| d.0 == "zh.ratio.rate"), "{diags:?}");
    assert!(stderr.contains("decoded from GBK"), "{stderr}");
}

#[test]
fn folder_walks_include_html_and_word_documents() {
    let out = statlint()
        .args(["check", "--format", "json", "fixtures/formats"])
        .output()
        .expect("statlint runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    for ext in [".md", ".html", ".docx", ".txt"] {
        assert!(paths.iter().any(|p| p.ends_with(ext)), "{ext} in {paths:?}");
    }
}

#[test]
fn a_file_that_is_not_a_word_document_is_a_named_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.docx");
    std::fs::write(&path, b"not a zip at all").unwrap();
    let out = statlint()
        .args(["check", path.to_str().unwrap()])
        .output()
        .expect("statlint runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.docx"), "{stderr}");
}
