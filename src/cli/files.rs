//! Which files a run lints: named files as given, folders walked (with
//! .gitignore honoured) for report-like extensions.

use std::path::{Path, PathBuf};

/// Extensions linted when walking a folder.
const REPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx",
];

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
    let (files, errors) = statlint::walk::files_with_extensions(root, REPORT_EXTENSIONS);
    inputs.extend(
        errors
            .into_iter()
            .map(|e| Input::Error(root.to_path_buf(), e)),
    );
    inputs.extend(files.into_iter().map(Input::File));
}
