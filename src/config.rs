//! The project's settings: `statlint.toml`, or a `[tool.statlint]` table
//! in `pyproject.toml`, found by walking up from each linted file (the
//! nearest one applies, as in Ruff and typos).
//!
//! ```toml
//! select = ["zh"]
//! ignore = ["zh.repeat"]
//! fail-on = "warning"
//! rules = ["lint-rules"]          # extra rule folders, relative to this file
//! exclude = ["drafts/**"]         # not linted when a folder is walked
//! include = ["**/*.rst"]          # linted (as text) besides the report extensions
//!
//! [per-file-ignores]
//! "archive/*.md" = ["zh.growth"]
//!
//! [per-file-languages]
//! "en/**" = "en"                  # only English rules for these
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::finding::Finding;
use crate::selection::Selection;

/// The file names a project's settings are read from, nearest first.
pub const FILE_NAMES: &[&str] = &["statlint.toml", ".statlint.toml", "pyproject.toml"];

/// The settings as written.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub fail_on: Option<FailOn>,
    pub rules: Option<Vec<PathBuf>>,
    pub exclude: Option<Vec<String>>,
    /// Files a folder walk lints besides those with a report extension.
    pub include: Option<Vec<String>>,
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    /// The language of the reports a glob matches: only that language's
    /// rules apply to them.
    pub per_file_languages: Option<BTreeMap<String, Language>>,
}

/// A report language, as rule ids start.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Zh,
    En,
}

impl Language {
    fn prefix(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
}

#[derive(Deserialize)]
struct PyProject {
    tool: Option<PyTool>,
}

/// `[tool]` holds other tools' tables too: only `statlint` is read.
#[derive(Deserialize)]
struct PyTool {
    statlint: Option<Settings>,
}

/// Settings read from a file, with what is compiled from them.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file they came from.
    pub path: PathBuf,
    pub settings: Settings,
    exclude: GlobSet,
    include: GlobSet,
    per_file: Vec<(GlobSet, Vec<String>)>,
    languages: Vec<(GlobSet, Language)>,
}

/// A settings file that cannot be used: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based line and column, when the error has a place.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads a settings file (`pyproject.toml` only for its
    /// `[tool.statlint]` table: `None` without one).
    pub fn load(path: &Path) -> Result<Option<Config>, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            at: None,
            message: e.to_string(),
        })?;
        let error = |e: toml::de::Error| ConfigError {
            path: path.to_owned(),
            at: e.span().map(|s| line_column(&text, s.start)),
            message: e.message().trim().to_owned(),
        };
        let settings: Settings = if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            let project: PyProject = toml::from_str(&text).map_err(error)?;
            match project.tool.and_then(|t| t.statlint) {
                Some(settings) => settings,
                None => return Ok(None),
            }
        } else {
            toml::from_str(&text).map_err(error)?
        };
        Config::new(path.to_owned(), settings).map(Some)
    }

    fn new(path: PathBuf, settings: Settings) -> Result<Config, ConfigError> {
        let error = |message: String| ConfigError {
            path: path.clone(),
            at: None,
            message,
        };
        // One matcher per set of patterns.
        let globs = |patterns: &mut dyn Iterator<Item = &String>| {
            let mut builder = GlobSetBuilder::new();
            for pattern in patterns {
                let glob =
                    Glob::new(pattern).map_err(|e| error(format!("bad glob {pattern:?}: {e}")))?;
                builder.add(glob);
            }
            builder.build().map_err(|e| error(e.to_string()))
        };
        let exclude = globs(&mut settings.exclude.iter().flatten())?;
        let include = globs(&mut settings.include.iter().flatten())?;
        let mut per_file = Vec::new();
        for (pattern, rules) in settings.per_file_ignores.iter().flatten() {
            per_file.push((globs(&mut std::iter::once(pattern))?, rules.clone()));
        }
        let mut languages = Vec::new();
        for (pattern, language) in settings.per_file_languages.iter().flatten() {
            languages.push((globs(&mut std::iter::once(pattern))?, *language));
        }
        Ok(Config {
            path,
            settings,
            exclude,
            include,
            per_file,
            languages,
        })
    }

    /// The folder the settings' relative paths and globs start from.
    pub fn root(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The path relative to the settings' folder, as globs see it.
    fn relative(&self, file: &Path) -> PathBuf {
        let absolute = file.canonicalize().unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|d| d.join(file))
                .unwrap_or_else(|_| file.to_path_buf())
        });
        let root = self.root();
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        absolute
            .strip_prefix(&root)
            .map(Path::to_path_buf)
            .unwrap_or(absolute)
    }

    /// Does `include` add `file` to what folder walks lint?
    pub fn includes(&self, file: &Path) -> bool {
        !self.include.is_empty() && self.include.is_match(self.relative(file))
    }

    /// Is `file` excluded from folder walks?
    pub fn excludes(&self, file: &Path) -> bool {
        self.exclude.is_match(self.relative(file))
    }

    /// Drops the findings the per-file ignores of `file` name, and those
    /// of another language than the one its glob gives.
    pub fn filter(&self, file: &Path, findings: &mut Vec<Finding>) {
        let relative = self.relative(file);
        if let Some((_, language)) = self
            .languages
            .iter()
            .find(|(set, _)| set.is_match(&relative))
        {
            let prefix = format!("{}.", language.prefix());
            // Findings of no language (an unused suppression) stay.
            findings.retain(|f| {
                f.rule.starts_with(&prefix)
                    || !(f.rule.starts_with("zh.") || f.rule.starts_with("en."))
            });
        }
        let ignores: Vec<String> = self
            .per_file
            .iter()
            .filter(|(set, _)| set.is_match(&relative))
            .flat_map(|(_, rules)| rules.iter().cloned())
            .collect();
        if ignores.is_empty() {
            return;
        }
        let selection = Selection {
            select: Vec::new(),
            ignore: ignores,
        };
        findings.retain(|f| selection.allows(&f.rule));
    }

    /// The extra rule paths, resolved against the settings' folder.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        self.settings
            .rules
            .iter()
            .flatten()
            .map(|p| self.root().join(p))
            .collect()
    }
}

/// The settings that apply to a file in `dir`: the nearest settings file
/// walking up (a `pyproject.toml` without `[tool.statlint]` is passed
/// over).
pub fn discover(dir: &Path) -> Result<Option<Config>, ConfigError> {
    let start = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let absolute = start.canonicalize().unwrap_or(start.to_path_buf());
    for folder in absolute.ancestors() {
        for name in FILE_NAMES {
            let candidate = folder.join(name);
            if candidate.is_file() {
                if let Some(config) = Config::load(&candidate)? {
                    return Ok(Some(config));
                }
            }
        }
    }
    Ok(None)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = text.floor_char_boundary(offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn settings_are_read_with_their_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "statlint.toml",
            "select = [\"zh\"]\nfail-on = \"warning\"\n[per-file-ignores]\n\"old/*.md\" = [\"zh.growth\"]\n",
        );
        let config = Config::load(&path).unwrap().unwrap();
        assert_eq!(config.settings.select, Some(vec!["zh".to_owned()]));
        assert_eq!(config.settings.fail_on, Some(FailOn::Warning));
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "statlint.toml",
            "select = [\"zh\"]\nselct = [\"en\"]\n",
        );
        let err = Config::load(&path).unwrap_err();
        assert_eq!(err.at, Some((2, 1)), "{err}");
        assert!(err.message.contains("selct"), "{err}");
    }

    #[test]
    fn a_bad_value_is_an_error_at_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "statlint.toml", "fail-on = \"sometimes\"\n");
        let err = Config::load(&path).unwrap_err();
        assert_eq!(err.at.map(|a| a.0), Some(1), "{err}");
    }

    #[test]
    fn pyproject_is_read_for_its_table_only() {
        let dir = tempfile::tempdir().unwrap();
        let without = write(dir.path(), "pyproject.toml", "[project]\nname = \"x\"\n");
        assert!(Config::load(&without).unwrap().is_none());
        let with = write(
            dir.path(),
            "pyproject.toml",
            "[project]\nname = \"x\"\n\n[tool.statlint]\nignore = [\"en\"]\nbad-key = 1\n",
        );
        let err = Config::load(&with).unwrap_err();
        assert_eq!(err.at.map(|a| a.0), Some(6), "{err}");
    }

    #[test]
    fn a_language_per_glob_keeps_that_languages_rules_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "statlint.toml",
            "[per-file-languages]\n\"en/**\" = \"en\"\n",
        );
        let config = Config::load(&path).unwrap().unwrap();
        let finding = |rule: &str| Finding::of_rule(rule, 0);
        let mut fs = vec![finding("zh.ratio.rate"), finding("en.ratio.bracket")];
        config.filter(&dir.path().join("en/a.md"), &mut fs);
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].rule, "en.ratio.bracket");
        let bad = write(
            dir.path(),
            "statlint.toml",
            "[per-file-languages]\n\"x\" = \"fr\"\n",
        );
        let err = Config::load(&bad).unwrap_err();
        assert_eq!(err.at.map(|a| a.0), Some(2), "{err}");
    }

    #[test]
    fn the_nearest_settings_file_applies() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "statlint.toml", "select = [\"zh\"]\n");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        write(&sub, "statlint.toml", "select = [\"en\"]\n");
        let found = discover(&sub).unwrap().unwrap();
        assert_eq!(found.settings.select, Some(vec!["en".to_owned()]));
        let found = discover(dir.path()).unwrap().unwrap();
        assert_eq!(found.settings.select, Some(vec!["zh".to_owned()]));
    }

    #[test]
    fn per_file_ignores_and_excludes_match_paths_under_the_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "statlint.toml",
            "exclude = [\"drafts/**\"]\n[per-file-ignores]\n\"old/*.md\" = [\"zh.growth\"]\n",
        );
        let config = Config::load(&path).unwrap().unwrap();
        assert!(config.excludes(&dir.path().join("drafts/a/b.md")));
        assert!(!config.excludes(&dir.path().join("reports/b.md")));
        let finding = |rule: &str| Finding::of_rule(rule, 0);
        let mut fs = vec![finding("zh.growth.base"), finding("zh.ratio.rate")];
        config.filter(&dir.path().join("old/2019.md"), &mut fs);
        assert_eq!(fs.len(), 1);
        assert_eq!(fs[0].rule, "zh.ratio.rate");
    }
}
