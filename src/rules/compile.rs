//! Turns the YAML model into rules ready to match: regexes compiled,
//! names resolved, every mistake reported as file:line:column.

use std::fmt;

use regex::Regex;
use rust_decimal::Decimal;
use serde_saphyr::Spanned;

use super::model::{Examples, MemberSpec, RuleFile, RuleSpec};
use crate::lex::{Kind, Level};

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
            write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckKind {
    /// stated = part / whole × scale.
    Ratio,
}

impl CheckKind {
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Ratio => "ratio",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Stated,
    Part,
    Whole,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Stated => "stated",
            Role::Part => "part",
            Role::Whole => "whole",
        }
    }

    fn from_name(name: &str) -> Option<Role> {
        Some(match name {
            "stated" => Role::Stated,
            "part" => Role::Part,
            "whole" => Role::Whole,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Previous,
    Next,
    /// Same position in the previous table cell.
    PreviousCell,
}

/// How to find one member of a relation.
#[derive(Debug, Clone)]
pub struct Member {
    pub role: Role,
    pub kinds: Vec<Kind>,
    pub before: Option<Regex>,
    pub after: Option<Regex>,
    pub sentence: Option<Regex>,
    pub contains: Option<String>,
    pub unit: Option<String>,
    pub from: Role,
    pub direction: Direction,
    pub gap: Option<Regex>,
    pub blocked_by: Option<Regex>,
    pub scope: Level,
    pub larger_than: Option<Role>,
    pub unit_as: Option<Role>,
    pub chain: Option<usize>,
    pub skip: usize,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub languages: Vec<String>,
    pub severity: Severity,
    pub check: CheckKind,
    pub scale: Option<Decimal>,
    pub plausible_within: Option<Decimal>,
    pub stated: Member,
    /// The other members, in the order they can be found.
    pub others: Vec<Member>,
    pub message: String,
    pub examples: Examples,
    /// Where the rule was defined, for messages.
    pub origin: String,
}

struct Ctx<'a> {
    file: &'a str,
}

impl Ctx<'_> {
    fn err<T>(&self, at: &Spanned<T>, message: impl Into<String>) -> RuleError {
        RuleError {
            file: self.file.to_owned(),
            line: at.referenced.line(),
            column: at.referenced.column(),
            message: message.into(),
        }
    }

    fn regex(&self, spec: &Option<Spanned<String>>, what: &str) -> Result<Option<Regex>, RuleError> {
        match spec {
            None => Ok(None),
            Some(s) => Regex::new(&s.value)
                .map(Some)
                .map_err(|e| self.err(s, format!("`{what}` is not a valid regex: {e}"))),
        }
    }

    fn role(&self, spec: &Option<Spanned<String>>, what: &str) -> Result<Option<Role>, RuleError> {
        match spec {
            None => Ok(None),
            Some(s) => Role::from_name(&s.value).map(Some).ok_or_else(|| {
                self.err(s, format!("`{what}` must name a member (stated, part, whole), not `{}`", s.value))
            }),
        }
    }
}

pub fn compile_file(file: &str, text: &str) -> Result<Vec<Rule>, RuleError> {
    let parsed: RuleFile = serde_saphyr::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        RuleError {
            file: file.to_owned(),
            line,
            column,
            message: first_line(&e.to_string()),
        }
    })?;
    let ctx = Ctx { file };
    parsed.rules.into_iter().map(|spec| compile_rule(&ctx, spec)).collect()
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_owned()
}

fn compile_rule(ctx: &Ctx, spec: RuleSpec) -> Result<Rule, RuleError> {
    let id = spec.id.value.clone();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')) {
        return Err(ctx.err(&spec.id, format!("rule id `{id}` must be letters, digits, `.`, `-` or `_`")));
    }
    let severity = match spec.severity.value.as_str() {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => {
            return Err(ctx.err(&spec.severity, format!("severity must be error, warning or info, not `{other}`")))
        }
    };
    let check = match spec.check.value.as_str() {
        "ratio" | "part / whole = stated" => CheckKind::Ratio,
        other => return Err(ctx.err(&spec.check, format!("unknown check `{other}` (known: ratio)"))),
    };
    let stated = compile_member(ctx, Role::Stated, &spec.members.stated)?;
    let mut others = Vec::new();
    let part = spec.members.part.as_ref().map(|m| compile_member(ctx, Role::Part, m)).transpose()?;
    let whole = spec.members.whole.as_ref().map(|m| compile_member(ctx, Role::Whole, m)).transpose()?;
    let (Some(part), Some(whole)) = (part, whole) else {
        return Err(ctx.err(&spec.check, "a ratio rule needs the members `part` and `whole`"));
    };
    if part.from == Role::Whole && whole.from == Role::Part {
        return Err(ctx.err(&spec.check, "`part` and `whole` are each searched from the other"));
    }
    if part.from == Role::Whole {
        others.push(whole);
        others.push(part);
    } else {
        others.push(part);
        others.push(whole);
    }
    Ok(Rule {
        id,
        description: spec.description,
        languages: spec.languages,
        severity,
        check,
        scale: spec.scale.map(Decimal::from),
        plausible_within: spec.plausible_within.and_then(|f| Decimal::try_from(f).ok()),
        stated,
        others,
        message: spec.message,
        examples: spec.examples,
        origin: ctx.file.to_owned(),
    })
}

fn compile_member(ctx: &Ctx, role: Role, spec: &MemberSpec) -> Result<Member, RuleError> {
    let mut kinds = Vec::new();
    for k in &spec.kinds {
        let kind = Kind::from_name(&k.value).filter(|k| !matches!(k, Kind::Date | Kind::Ordinal));
        kinds.push(kind.ok_or_else(|| {
            ctx.err(k, format!("unknown kind `{}` (number, percent, permille, points, multiple)", k.value))
        })?);
    }
    if kinds.is_empty() {
        kinds.push(if role == Role::Stated { Kind::Percent } else { Kind::Number });
    }
    let direction = match &spec.search {
        None => Direction::Previous,
        Some(s) => match s.value.as_str() {
            "previous" => Direction::Previous,
            "next" => Direction::Next,
            "previous-cell" => Direction::PreviousCell,
            other => {
                return Err(ctx.err(s, format!("search must be previous, next or previous-cell, not `{other}`")))
            }
        },
    };
    let scope = match &spec.scope {
        None => Level::Sentence,
        Some(s) => Level::from_name(&s.value).ok_or_else(|| {
            ctx.err(s, format!("scope must be clause, sentence, paragraph or document, not `{}`", s.value))
        })?,
    };
    let from = ctx.role(&spec.from, "from")?.unwrap_or(Role::Stated);
    if from == role {
        if let Some(f) = &spec.from {
            return Err(ctx.err(f, "a member cannot be searched from itself"));
        }
    }
    Ok(Member {
        role,
        kinds,
        before: ctx.regex(&spec.before, "before")?,
        after: ctx.regex(&spec.after, "after")?,
        sentence: ctx.regex(&spec.sentence, "sentence")?,
        contains: spec.contains.clone(),
        unit: spec.unit.clone(),
        from,
        direction,
        gap: ctx.regex(&spec.gap, "gap")?,
        blocked_by: ctx.regex(&spec.blocked_by, "blocked_by")?,
        scope,
        larger_than: ctx.role(&spec.larger_than, "larger_than")?,
        unit_as: ctx.role(&spec.unit_as, "unit_as")?,
        chain: spec.chain,
        skip: spec.skip,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
rules:
  - id: test.ratio
    description: a test rule
    languages: [zh]
    check: ratio
    members:
      stated: { before: '完成率$' }
      part: { search: previous }
      whole: { before: '目标' , scope: paragraph }
    message: "{stated} does not match {part} / {whole}"
"#;

    #[test]
    fn a_good_rule_compiles() {
        let rules = compile_file("good.yaml", GOOD).unwrap();
        assert_eq!(rules[0].id, "test.ratio");
        assert_eq!(rules[0].severity, Severity::Error);
        assert_eq!(rules[0].others[1].scope, Level::Paragraph);
    }

    #[test]
    fn a_bad_regex_points_at_its_line_and_column() {
        let bad = GOOD.replace("'完成率$'", "'完成率($'");
        let err = compile_file("bad.yaml", &bad).unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (8, "bad.yaml"));
        assert!(err.column > 1);
        assert!(err.message.contains("not a valid regex"), "{}", err.message);
    }

    #[test]
    fn an_unknown_field_is_an_error_with_a_place() {
        let bad = GOOD.replace("check: ratio", "check: ratio\n    colour: red");
        let err = compile_file("bad.yaml", &bad).unwrap_err();
        assert_eq!(err.line, 7);
        assert!(err.message.contains("colour"), "{}", err.message);
    }

    #[test]
    fn an_unknown_check_is_named() {
        let bad = GOOD.replace("check: ratio", "check: magic");
        let err = compile_file("bad.yaml", &bad).unwrap_err();
        assert_eq!(err.line, 6);
        assert!(err.message.contains("magic"));
    }
}
