//! Which files a run lints: named files as given, folders walked (with
//! .gitignore honoured) for report-like extensions; each file once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions linted when walking a folder.
pub const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx",
];

pub enum Input {
    Stdin,
    /// A file named on the command line: it must be a report.
    Named(PathBuf),
    /// A file found in a folder.
    Walked(PathBuf),
    /// A path that could not be walked, or held no report.
    Error(PathBuf, String),
}

pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    // A file named twice, or named and found in a folder, is linted once.
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut first = |path: &Path| seen.insert(path.canonicalize().unwrap_or(path.to_path_buf()));
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let (files, errors) = statlint::walk::files_with_extensions(path, REPORT_EXTENSIONS);
            inputs.extend(
                errors
                    .into_iter()
                    .map(|e| Input::Error(path.to_path_buf(), e)),
            );
            if files.is_empty() {
                inputs.push(Input::Error(
                    path.clone(),
                    format!(
                        "no report files here (statlint reads .{})",
                        REPORT_EXTENSIONS.join(", .")
                    ),
                ));
            }
            inputs.extend(files.into_iter().filter(|f| first(f)).map(Input::Walked));
        } else if first(path) {
            inputs.push(Input::Named(path.clone()));
        }
    }
    inputs
}
