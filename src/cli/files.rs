//! Which files a run lints: named files as given, folders walked (with
//! .gitignore honoured) for report-like extensions.

use std::path::{Path, PathBuf};

/// Extensions linted when walking a folder.
const REPORT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

pub enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be walked.
    Error(PathBuf, String),
}

pub fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs);
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

fn walk(root: &Path, inputs: &mut Vec<Input>) {
    let mut found = Vec::new();
    for entry in ignore::WalkBuilder::new(root).build() {
        match entry {
            Ok(entry) => {
                let p = entry.path();
                let is_report = p
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                if entry.file_type().is_some_and(|t| t.is_file()) && is_report {
                    found.push(p.to_path_buf());
                }
            }
            Err(e) => inputs.push(Input::Error(root.to_path_buf(), e.to_string())),
        }
    }
    found.sort();
    inputs.extend(found.into_iter().map(Input::File));
}
