//! Templates: the shapes in which a kind finds its relations, as rules a
//! user can list, select, and read the examples of.
//!
//! A template's id is `<kind>.<shape>` (`ratio.named-whole`); the rule
//! ids a run reports add the language in front (`zh.ratio.named-whole`).

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{RuleError, Severity};
use crate::kinds::{kind_named, RelationKind};
use crate::lexicon::Lang;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSpec {
    pub id: Spanned<String>,
    /// Required of built-in templates; an override may leave it out.
    #[serde(default)]
    pub description: String,
    /// zh, en; both when left out.
    #[serde(default)]
    pub languages: Vec<Spanned<String>>,
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
    #[serde(default)]
    pub examples: Examples,
}

/// Snippets a template must check and pass, and snippets it must flag.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub pass: Vec<String>,
    #[serde(default)]
    pub fail: Vec<String>,
}

#[derive(Clone)]
pub struct Template {
    pub id: String,
    pub kind: &'static dyn RelationKind,
    pub shape: &'static str,
    pub description: String,
    pub languages: Vec<Lang>,
    pub severity: Severity,
    /// Read through `examples()`: a built-in template's are not loaded.
    pub(super) examples: Examples,
    /// The file it came from.
    pub origin: String,
    /// Whether the file set the severity and the languages itself (an
    /// override of a built-in template changes only what it sets).
    pub severity_set: bool,
    pub languages_set: bool,
    pub line: u64,
    pub column: u64,
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Template").field("id", &self.id).finish()
    }
}

impl Template {
    pub fn rule_id(&self, lang: Lang) -> String {
        format!("{}.{}", lang.name(), self.id)
    }

    /// The snippets it must pass and flag: a built-in template's are read
    /// from its pack only when asked for.
    pub fn examples(&self) -> &Examples {
        let unread = self.examples.pass.is_empty() && self.examples.fail.is_empty();
        if unread && super::is_builtin(&self.origin) {
            if let Some(e) = super::builtin_examples().get(&self.id) {
                return e;
            }
        }
        &self.examples
    }
}

pub fn compile(file: &str, spec: TemplateSpec) -> Result<Template, RuleError> {
    let err = |at: serde_saphyr::Location, message: String| RuleError {
        file: file.to_owned(),
        line: at.line(),
        column: at.column(),
        message,
    };
    let id = spec.id.value.clone();
    let at = spec.id.referenced;
    let (kind_name, shape_name) = id.split_once('.').ok_or_else(|| {
        err(
            at,
            format!("template id `{id}` must be <kind>.<shape>, e.g. ratio.named-whole"),
        )
    })?;
    let kind = kind_named(kind_name).ok_or_else(|| {
        let kinds: Vec<&str> = crate::kinds::KINDS.iter().map(|k| k.name()).collect();
        err(
            at,
            format!(
                "unknown kind `{kind_name}` in `{id}` (kinds: {})",
                kinds.join(", ")
            ),
        )
    })?;
    let shape = kind
        .shapes()
        .iter()
        .copied()
        .find(|s| *s == shape_name)
        .ok_or_else(|| {
            err(
                at,
                format!(
                    "the kind `{kind_name}` has no shape `{shape_name}` (shapes: {})",
                    kind.shapes().join(", ")
                ),
            )
        })?;
    let languages_set = !spec.languages.is_empty();
    let mut languages = Vec::new();
    for l in &spec.languages {
        let lang = Lang::from_name(&l.value).ok_or_else(|| {
            err(
                l.referenced,
                format!("unknown language `{}` (expected zh or en)", l.value),
            )
        })?;
        languages.push(lang);
    }
    if languages.is_empty() {
        languages = vec![Lang::Zh, Lang::En];
    }
    let severity = match &spec.severity {
        None => Severity::Error,
        Some(s) => Severity::from_name(&s.value).ok_or_else(|| {
            err(
                s.referenced,
                format!(
                    "unknown severity `{}` (expected error, warning or info)",
                    s.value
                ),
            )
        })?,
    };
    Ok(Template {
        id,
        kind,
        shape,
        description: spec.description,
        languages,
        severity,
        examples: spec.examples,
        origin: file.to_owned(),
        severity_set: spec.severity.is_some(),
        languages_set,
        line: at.line(),
        column: at.column(),
    })
}
