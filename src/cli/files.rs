//! Which files a run lints: named files as given, folders walked (with
//! .gitignore honoured) for report extensions and what the settings'
//! `include` adds; each file once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::settings::Setups;

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

/// Whether a file is one a folder walk lints, under the settings of its
/// folder (the settings the run lints it with, read once per folder).
struct Reports<'s> {
    setups: &'s mut Setups,
}

impl Reports<'_> {
    fn config_allows(
        &mut self,
        file: &Path,
        test: impl Fn(&statlint::config::Config) -> bool,
    ) -> bool {
        let dir = file.parent().unwrap_or(Path::new("."));
        // A settings file that cannot be read is reported when the file's
        // linter is built; here it adds nothing.
        self.setups.config_for(dir).ok().flatten().is_some_and(test)
    }

    /// A report extension, or a file the settings' `include` names.
    fn is_report(&mut self, file: &Path) -> bool {
        statlint::walk::has_extension(file, REPORT_EXTENSIONS)
            || self.config_allows(file, |c| c.includes(file))
    }

    /// Linted by a walk: a report, and not excluded by the settings.
    fn walk_lints(&mut self, file: &Path) -> bool {
        self.is_report(file) && !self.config_allows(file, |c| c.excludes(file))
    }
}

/// The inputs of `paths`. With `only_reports`, a named file is linted
/// only if a folder walk would lint it (pre-commit and editors name every
/// file they touch); otherwise every named file is.
pub fn expand(paths: &[PathBuf], only_reports: bool, setups: &mut Setups) -> Vec<Input> {
    let mut inputs = Vec::new();
    let mut reports = Reports { setups };
    // A file named twice, or named and found in a folder, is linted once.
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut first = |path: &Path| seen.insert(path.canonicalize().unwrap_or(path.to_path_buf()));
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let (files, errors) = statlint::walk::files_where(path, |f| reports.is_report(f));
            inputs.extend(
                errors
                    .into_iter()
                    .map(|e| Input::Error(path.to_path_buf(), e)),
            );
            if files.is_empty() {
                inputs.push(Input::Error(
                    path.clone(),
                    format!(
                        "no report files here (statlint reads .{}, and what the settings' `include` adds)",
                        REPORT_EXTENSIONS.join(", .")
                    ),
                ));
            }
            inputs.extend(files.into_iter().filter(|f| first(f)).map(Input::Walked));
        } else if only_reports && !reports.walk_lints(path) {
            continue;
        } else if first(path) {
            inputs.push(Input::Named(path.clone()));
        }
    }
    inputs
}
