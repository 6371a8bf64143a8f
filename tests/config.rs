//! Settings files: found upward from each file, applied per file, bad
//! ones named at their line and column, shown by `statlint config`.

mod common;

use std::path::Path;

use common::*;

fn project(settings: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("statlint.toml"), settings).unwrap();
    for sub in ["old", "drafts", "reports"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("a.txt"), ZH_FAILING_LINE).unwrap();
    }
    dir
}

fn flagged_paths(dir: &Path, args: &[&str]) -> (Vec<String>, Option<i32>) {
    let out = statlint()
        .current_dir(dir)
        .args(["check", "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut paths: Vec<String> = stdout
        .lines()
        .filter(|l| l.contains(": error "))
        .map(|l| l.split(':').next().unwrap().to_owned())
        .collect();
    paths.sort();
    (paths, out.status.code())
}

#[test]
fn per_file_ignores_and_excludes_apply_under_the_settings_file() {
    let dir = project(
        "exclude = [\"drafts/**\"]\n\n[per-file-ignores]\n\"old/*.txt\" = [\"zh.ratio\"]\n",
    );
    let (paths, code) = flagged_paths(dir.path(), &["."]);
    assert_eq!(paths, ["./reports/a.txt"]);
    assert_eq!(code, Some(1));
}

#[test]
fn include_adds_files_to_walks_and_only_reports_filters_named_files() {
    let dir = project("include = [\"**/*.rst\"]\nexclude = [\"drafts/**\"]\n");
    std::fs::write(dir.path().join("reports/b.rst"), ZH_FAILING_LINE).unwrap();
    std::fs::write(dir.path().join("reports/c.py"), ZH_FAILING_LINE).unwrap();
    let (paths, _) = flagged_paths(dir.path(), &["reports"]);
    assert_eq!(paths, ["reports/a.txt", "reports/b.rst"]);
    // Named files are all linted, unless only reports are asked for: then
    // a file is linted if a walk would lint it.
    let named = [
        "reports/a.txt",
        "reports/b.rst",
        "reports/c.py",
        "drafts/a.txt",
    ];
    let (paths, _) = flagged_paths(dir.path(), &named);
    assert_eq!(paths.len(), 4, "{paths:?}");
    let mut only = vec!["--only-reports"];
    only.extend(named);
    let (paths, code) = flagged_paths(dir.path(), &only);
    assert_eq!(paths, ["reports/a.txt", "reports/b.rst"]);
    assert_eq!(code, Some(1));
}

#[test]
fn the_settings_select_and_the_command_line_overrides_it() {
    let dir = project("select = [\"en\"]\n");
    let (paths, code) = flagged_paths(dir.path(), &["reports"]);
    assert!(paths.is_empty());
    assert_eq!(code, Some(0));
    let (paths, _) = flagged_paths(dir.path(), &["--select", "zh", "reports"]);
    assert_eq!(paths, ["reports/a.txt"]);
}

#[test]
fn fail_on_comes_from_the_settings_unless_given() {
    let dir = project("fail-on = \"warning\"\nignore = [\"zh.ratio\"]\n");
    std::fs::write(
        dir.path().join("reports").join("a.txt"),
        format!("statlint: disable-next-line zh.grim\n{ZH_PASSING_LINE}\n"),
    )
    .unwrap();
    // The unused suppression is a warning: it fails the run under the
    // settings' fail-on, not under the command line's.
    let (_, code) = flagged_paths(dir.path(), &["--report-unused-suppressions", "reports"]);
    assert_eq!(code, Some(1));
    let (_, code) = flagged_paths(
        dir.path(),
        &[
            "--report-unused-suppressions",
            "--fail-on",
            "error",
            "reports",
        ],
    );
    assert_eq!(code, Some(0));
}

#[test]
fn an_unknown_key_is_an_error_at_its_line_and_column() {
    let dir = project("select = [\"zh\"]\nselct = [\"en\"]\n");
    let out = statlint()
        .current_dir(dir.path())
        .args(["check", "reports"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("statlint.toml:2:1: unknown field `selct`"),
        "{stderr}"
    );
}

#[test]
fn pyproject_tool_statlint_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pyproject.toml"),
        "[project]\nname = \"reports\"\n\n[tool.ruff]\nline-length = 99\n\n[tool.statlint]\nignore = [\"zh.ratio\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.txt"), ZH_FAILING_LINE).unwrap();
    let (paths, code) = flagged_paths(dir.path(), &["a.txt"]);
    assert!(paths.is_empty());
    assert_eq!(code, Some(0));
}

#[test]
fn config_shows_each_setting_and_where_it_comes_from() {
    let dir = project("ignore = [\"zh.sum\"]\n");
    let out = statlint()
        .current_dir(dir.path())
        .args(["config", "reports/a.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("settings file: "), "{stdout}");
    let ignore = stdout.lines().find(|l| l.starts_with("ignore =")).unwrap();
    assert!(
        ignore.contains("zh.sum") && ignore.contains("statlint.toml"),
        "{stdout}"
    );
    let select = stdout.lines().find(|l| l.starts_with("select =")).unwrap();
    assert!(select.ends_with("# default"), "{stdout}");
}
