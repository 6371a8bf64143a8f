//! Walking a folder for the files statlint reads (reports, rule files).

use std::path::{Path, PathBuf};

/// The files under `root`, `.gitignore` honoured, whose extension is one
/// of `extensions` (any case), sorted; and the errors met on the way.
pub fn files_with_extensions(root: &Path, extensions: &[&str]) -> (Vec<PathBuf>, Vec<String>) {
    files_where(root, |path| has_extension(path, extensions))
}

/// Whether `path`'s extension is one of `extensions` (any case).
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
}

/// The files under `root`, `.gitignore` honoured, that `wanted` keeps,
/// sorted; and the errors met on the way.
pub fn files_where(
    root: &Path,
    mut wanted: impl FnMut(&Path) -> bool,
) -> (Vec<PathBuf>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in ignore::WalkBuilder::new(root).build() {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file()) && wanted(path) {
                    files.push(path.to_path_buf());
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    files.sort();
    (files, errors)
}
