//! Rule packs: YAML files that hold a lexicon (cue words, aliases,
//! complementary sets, rate nouns, identities) and templates (the shapes
//! in which a kind finds its relations, each with examples that test it).
//!
//! The built-in packs under `rules/` are embedded in the binary; a user's
//! files add to them. Every mistake in a file is reported as
//! file:line:column.

mod describe;
mod template;

use std::fmt;

use rustc_hash::FxHashMap as HashMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;

pub use describe::{describe, one_line};
pub use template::{Examples, Template};

use crate::lexicon::model::LexiconSpec;
use crate::lexicon::{Lang, Lexicon, LexiconBuilder};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for RuleError {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// Parses YAML into `T`, with an error that names the file and place.
pub fn parse_yaml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, RuleError> {
    serde_saphyr::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        RuleError {
            file: file.to_owned(),
            line,
            column,
            message: first_line(&e.to_string()),
        }
    })
}

/// The YAML parser's message without the position it repeats
/// (`error: line 6 column 5: unknown field …` → `unknown field …`).
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message);
    let line = line.strip_prefix("error: ").unwrap_or(line);
    match line.find(": ") {
        Some(i) if line[..i].starts_with("line ") && line[..i].contains(" column ") => {
            line[i + 2..].to_owned()
        }
        _ => line.to_owned(),
    }
}

/// One rule pack file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    #[serde(default)]
    lexicon: Option<LexiconSpec>,
    #[serde(default)]
    templates: Vec<template::TemplateSpec>,
}

/// Is this the name of a pack built into the binary?
pub fn is_builtin(origin: &str) -> bool {
    origin.starts_with("<builtin>/")
}

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// The examples of each built-in template, by id, read from the packs
/// whole the first time they are asked for.
pub(crate) fn builtin_examples() -> &'static HashMap<String, template::Examples> {
    static EXAMPLES: std::sync::OnceLock<HashMap<String, template::Examples>> =
        std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        let mut out = HashMap::default();
        for (name, text, _) in builtin::BUILTIN_RULE_FILES {
            // The lean copies of these files loaded: so do they.
            let Ok(pack) = parse_yaml::<PackFile>(name, text) else {
                continue;
            };
            for spec in pack.templates {
                out.insert(spec.id.value, spec.examples);
            }
        }
        out
    })
}

/// The lexicon and the templates in force.
pub struct RuleSet {
    pub lexicon: Lexicon,
    /// In precedence order: built-in packs in file order, then the user's.
    pub templates: Vec<Template>,
}

/// Gathers pack files, then builds the rule set once.
#[derive(Default, Clone)]
pub struct RuleSetBuilder {
    lexicon: LexiconBuilder,
    templates: Vec<Template>,
}

impl RuleSetBuilder {
    /// Starts from the packs built into the binary, read without their
    /// examples (`Template::examples` reads those when they are shown or
    /// tested).
    pub fn builtin() -> Result<RuleSetBuilder, RuleError> {
        let mut b = RuleSetBuilder::default();
        for (name, _, lean) in builtin::BUILTIN_RULE_FILES {
            b.add_text(&format!("<builtin>/{name}"), lean)?;
        }
        Ok(b)
    }

    /// Adds one pack file's text; `file` names it in errors.
    pub fn add_text(&mut self, file: &str, text: &str) -> Result<(), RuleError> {
        let pack: PackFile = parse_yaml(file, text)?;
        if let Some(lexicon) = pack.lexicon {
            self.lexicon.add(file, lexicon)?;
        }
        for spec in pack.templates {
            let t = template::compile(file, spec)?;
            match self.templates.iter_mut().find(|o| o.id == t.id) {
                // A user's file may restate a built-in template: what it
                // sets (severity, languages, examples) wins.
                Some(old) if is_builtin(&old.origin) && !is_builtin(file) => {
                    if t.severity_set {
                        old.severity = t.severity;
                    }
                    if t.languages_set {
                        old.languages = t.languages;
                    }
                    if !t.description.trim().is_empty() {
                        old.description = t.description;
                    }
                    old.examples = t.examples;
                    old.origin = t.origin;
                }
                Some(old) => {
                    return Err(RuleError {
                        file: file.to_owned(),
                        line: t.line,
                        column: t.column,
                        message: format!(
                            "template `{}` is already defined in {}",
                            t.id, old.origin
                        ),
                    });
                }
                None => self.templates.push(t),
            }
        }
        Ok(())
    }

    /// Adds a user's pack file, or every .yaml/.yml file under a folder.
    pub fn add_path(&mut self, path: &std::path::Path) -> Result<(), RuleError> {
        let files = if path.is_dir() {
            crate::walk::files_with_extensions(path, &["yaml", "yml"]).0
        } else {
            vec![path.to_path_buf()]
        };
        for file in files {
            let name = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| RuleError {
                file: name.clone(),
                line: 0,
                column: 0,
                message: e.to_string(),
            })?;
            self.add_text(&name, &text)?;
        }
        Ok(())
    }

    pub fn build(self) -> RuleSet {
        RuleSet {
            lexicon: self.lexicon.build(),
            templates: self.templates,
        }
    }
}

impl RuleSet {
    /// The built-in rule set.
    pub fn builtin() -> Result<RuleSet, RuleError> {
        Ok(RuleSetBuilder::builtin()?.build())
    }

    /// The template a rule id (`zh.ratio.rate`) comes from.
    pub fn template_of(&self, rule: &str) -> Option<&Template> {
        let (lang, id) = rule.split_once('.')?;
        self.templates
            .iter()
            .find(|t| t.id == id && t.languages.iter().any(|l| l.name() == lang))
    }

    /// Every rule id in force: each template in each of its languages.
    pub fn rule_ids(&self) -> Vec<(String, usize, Lang)> {
        let mut ids = Vec::new();
        for (k, t) in self.templates.iter().enumerate() {
            for &lang in &t.languages {
                ids.push((t.rule_id(lang), k, lang));
            }
        }
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::KINDS;

    #[test]
    fn every_shape_of_every_kind_has_a_builtin_template() {
        let rules = RuleSet::builtin().expect("built-in packs load");
        for kind in KINDS {
            for shape in kind.shapes() {
                let id = format!("{}.{shape}", kind.name());
                let template = rules.templates.iter().find(|t| t.id == id);
                let template = template.unwrap_or_else(|| panic!("no built-in template for {id}"));
                assert!(
                    !template.description.trim().is_empty(),
                    "{id} has no description"
                );
                let examples = template.examples();
                assert!(
                    !examples.pass.is_empty() || !examples.fail.is_empty(),
                    "{id} has no examples"
                );
            }
        }
    }

    #[test]
    fn a_template_naming_no_shape_is_refused_with_its_place() {
        let mut b = RuleSetBuilder::builtin().unwrap();
        let err = b
            .add_text(
                "mine.yaml",
                "templates:\n  - id: ratio.guesswork\n    severity: warning\n",
            )
            .unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("mine.yaml", 2));
        assert!(
            err.message.contains("no shape `guesswork`"),
            "{}",
            err.message
        );
    }
}
