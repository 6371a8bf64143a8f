//! The library in one call: lint a text or a file with the built-in rules
//! and a project's settings. Editors and other tools that lint many texts
//! keep a [`Linter`] (built by [`linter`]) and call it instead, so the
//! rules are compiled once.

use std::fmt;
use std::path::Path;

use crate::config::Settings;
use crate::rules::{RuleError, RuleSetBuilder};
use crate::selection::Selection;
use crate::source::Format;
use crate::{FileReport, LintError, Linter};

/// Why a text could not be linted.
#[derive(Debug)]
pub enum Error {
    /// A rule file of the settings is bad.
    Rules(RuleError),
    /// `select` or `ignore` names no rule (most likely a typo).
    UnknownRules(Vec<String>),
    /// The text or file could not be read or linted.
    Lint(LintError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Rules(e) => write!(f, "{e}"),
            Error::UnknownRules(ids) => write!(f, "no rule matches {}", ids.join(", ")),
            Error::Lint(
                LintError::Unreadable { path, message }
                | LintError::Skipped { path, message }
                | LintError::Internal { path, message },
            ) => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// A linter with the built-in rules, the settings' extra rule files
/// (relative to `root`), and their selection, checked against the rules.
pub fn linter(settings: &Settings, root: &Path) -> Result<Linter, Error> {
    let mut builder = RuleSetBuilder::builtin().map_err(Error::Rules)?;
    for path in settings.rules.iter().flatten() {
        builder.add_path(&root.join(path)).map_err(Error::Rules)?;
    }
    let rules = builder.build();
    let selection = Selection::checked(
        settings.select.clone().unwrap_or_default(),
        settings.ignore.clone().unwrap_or_default(),
        &rules,
    )
    .map_err(Error::UnknownRules)?;
    Ok(Linter::new(rules, &selection))
}

/// Lints `text`, read as `format`, under `settings`. Spans in the report
/// are byte offsets into the text; `report::LineIndex::locate` gives
/// lines and columns in characters, UTF-8 bytes and UTF-16 code units.
pub fn lint(text: &str, format: Format, settings: &Settings) -> Result<FileReport, Error> {
    let linter = linter(settings, Path::new("."))?;
    linter
        .lint_document("<text>", format, text.as_bytes().to_vec())
        .map_err(Error::Lint)
}

/// Lints a file in the format its extension names, under `settings`
/// (extra rule files relative to the file's folder).
pub fn lint_path(path: &Path, settings: &Settings) -> Result<FileReport, Error> {
    let root = path.parent().unwrap_or(Path::new("."));
    linter(settings, root)?.lint_path(path).map_err(Error::Lint)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAILING: &str = "全县目标任务数 52380人，累计接种 48211剂次，完成率93.04%。";

    #[test]
    fn a_text_is_linted_with_the_settings_selection() {
        let report = lint(FAILING, Format::Text, &Settings::default()).unwrap();
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].rule, "zh.ratio.rate");
        let settings = Settings {
            ignore: Some(vec!["zh.ratio".to_owned()]),
            ..Settings::default()
        };
        assert!(lint(FAILING, Format::Text, &settings)
            .unwrap()
            .findings
            .is_empty());
    }

    #[test]
    fn markdown_is_read_as_markdown() {
        let text = format!("```\n{FAILING}\n```\n");
        let report = lint(&text, Format::Markdown, &Settings::default()).unwrap();
        assert!(report.findings.is_empty());
    }

    #[test]
    fn an_unknown_rule_in_the_selection_is_an_error() {
        let settings = Settings {
            select: Some(vec!["zh.rato".to_owned()]),
            ..Settings::default()
        };
        match lint(FAILING, Format::Text, &settings) {
            Err(Error::UnknownRules(ids)) => assert_eq!(ids, ["zh.rato"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn positions_are_given_in_utf16_units_too() {
        let text = format!("𝟗\n{FAILING}");
        let report = lint(&text, Format::Text, &Settings::default()).unwrap();
        let f = &report.findings[0];
        let index = crate::report::LineIndex::new(&report.text);
        let at = index.locate(&report.text, f.primary.start);
        assert_eq!(at.line, 2);
        assert_eq!(
            at.column_utf16,
            FAILING[..FAILING.find("93.04").unwrap()]
                .encode_utf16()
                .count()
                + 1
        );
    }
}
