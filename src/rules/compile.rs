//! Turns the YAML model into rules ready to match: regexes compiled,
//! names resolved, every mistake reported as file:line:column.

use std::fmt;

use regex::Regex;
use rust_decimal::Decimal;
use serde_saphyr::Spanned;

use super::model::{Examples, MemberSpec, RuleFile, RuleSpec, RunSpec};
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckKind {
    /// stated = part / whole × scale.
    Ratio,
    /// stated (a total) = the sum of the parts.
    Sum,
    /// stated and the items, shares of one whole, add up to 100.
    ShareSum,
    /// stated = the number of items in the captured `list`.
    Count,
    /// the stated value and the items after it pair up with the subjects
    /// in the captured `list` (分别, respectively).
    Respectively,
    /// the same quantity (same captured `label`, kind and unit, same
    /// period) stated twice has the same value.
    Repeat,
    /// stated (a growth rate, %) = (part / whole − 1) × 100: part is the
    /// later value, whole the earlier.
    Growth,
    /// stated (percentage points) = part − whole: two rates' difference.
    Points,
    /// k of some whole number N is the stated percentage (4 firms can be
    /// 23.5% only as 4/17).
    Granularity,
    /// an APA-style test statistic (`t(37) = -4.93`, stated) against the
    /// p-value reported with it (part).
    Apa,
    /// stated (a multiple, `2.4倍`, `3.2 times`) = part / whole.
    Multiple,
    /// a mean of whole-number scores (stated) times the sample size (part)
    /// must be within rounding of a whole number (GRIM).
    Grim,
}

impl CheckKind {
    /// A small distinct number per kind: a bit index in a `u32` mask.
    pub fn index(self) -> u32 {
        const _: () = assert!((CheckKind::Grim as u32) < 32);
        self as u32
    }

    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Ratio => "ratio",
            CheckKind::Sum => "sum",
            CheckKind::ShareSum => "share-sum",
            CheckKind::Count => "count",
            CheckKind::Respectively => "respectively",
            CheckKind::Repeat => "repeat",
            CheckKind::Growth => "growth",
            CheckKind::Points => "pp",
            CheckKind::Granularity => "granularity",
            CheckKind::Apa => "apa",
            CheckKind::Multiple => "multiple",
            CheckKind::Grim => "grim",
        }
    }

    /// What the text a rule captured as `list` is called in output.
    pub fn list_role(self) -> &'static str {
        match self {
            CheckKind::Respectively => "subjects",
            _ => "list",
        }
    }

    /// What a member is called in output: a sum's total (its stated
    /// figure, or its `total` member) and parts, a share-sum's shares.
    pub fn role_name(self, role: Role, has_total: bool) -> &'static str {
        match (self, role) {
            (CheckKind::Sum, Role::Stated) if !has_total => "total",
            (CheckKind::Sum, Role::Stated) => "part",
            (CheckKind::Sum, Role::Whole) => "total",
            (CheckKind::ShareSum, _) => "share",
            (CheckKind::Respectively, _) => "value",
            (CheckKind::Repeat, Role::Stated) => "restated",
            (CheckKind::Repeat, _) => "first stated",
            (CheckKind::Growth, Role::Stated) => "rate",
            (CheckKind::Growth | CheckKind::Points, Role::Part) => "later",
            (CheckKind::Growth | CheckKind::Points, Role::Whole) => "earlier",
            (CheckKind::Points, Role::Stated) => "diff",
            (CheckKind::Granularity, Role::Part) => "k",
            (CheckKind::Apa, Role::Stated) => "statistic",
            (CheckKind::Apa, _) => "p",
            (CheckKind::Grim, Role::Stated) => "mean",
            (CheckKind::Grim, _) => "n",
            _ => role.name(),
        }
    }
}

/// An enumeration of figures after the stated one.
#[derive(Debug, Clone)]
pub struct Run {
    pub kinds: Vec<Kind>,
    pub open: Option<Regex>,
    pub separator: Regex,
    pub close: Option<Regex>,
    pub sublist: Option<Regex>,
    pub sublist_end: Regex,
    pub max_gap: usize,
    pub min: usize,
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
    pub not_before: Option<Regex>,
    pub following: Option<Regex>,
    /// Bytes `following` sees across paragraphs, when set.
    pub reach: Option<usize>,
    pub sentence: Option<Regex>,
    pub paragraph: Option<Regex>,
    pub not_sentence: Option<Regex>,
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
    /// An enumeration after the stated figure (sums, share sums).
    pub items: Option<Run>,
    /// For growth and point changes: the text states a fall, so the rate
    /// or difference is printed without its minus sign.
    pub decrease: bool,
    /// For growth: an average annual rate over the years between the values.
    pub per_year: bool,
    /// For repeats: text removed from a label before labels are compared
    /// (`全区` in `全区第一产业增加值`).
    pub label_ignore: Option<Regex>,
    /// For repeats: headline figures against the text (see the model).
    pub headline: bool,
    /// The rule applies only to documents this matches somewhere.
    pub document: Option<Regex>,
    /// The rule does not apply to documents this matches anywhere.
    pub not_document: Option<Regex>,
    /// For sums: the parts are all the parts of the total. For counts:
    /// false when a list shorter than the count may mean "among others".
    pub exhaustive: bool,
    pub message: String,
    pub examples: Examples,
    /// Where the rule was defined, for messages.
    pub origin: String,
}

impl Rule {
    /// The name of a member's role in this rule's output.
    pub fn role_name(&self, role: Role) -> &'static str {
        let has_total = self.others.iter().any(|m| m.role == Role::Whole);
        self.check.role_name(role, has_total)
    }

    /// The member a finding points at: the total of a sum, else the
    /// stated figure.
    pub fn primary_role(&self) -> Role {
        if self.check == CheckKind::Sum && self.others.iter().any(|m| m.role == Role::Whole) {
            Role::Whole
        } else {
            Role::Stated
        }
    }
}

struct Ctx<'a> {
    file: &'a str,
    /// Whether members may be years: only where values are paired with
    /// subjects (respectively), never where they are computed with.
    dates: bool,
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

    fn regex(
        &self,
        spec: &Option<Spanned<String>>,
        what: &str,
    ) -> Result<Option<Regex>, RuleError> {
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
                self.err(
                    s,
                    format!(
                        "`{what}` must name a member (stated, part, whole), not `{}`",
                        s.value
                    ),
                )
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
    let ctx = Ctx { file, dates: false };
    parsed
        .rules
        .into_iter()
        .map(|spec| compile_rule(&ctx, spec))
        .collect()
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

fn compile_rule(ctx: &Ctx, spec: RuleSpec) -> Result<Rule, RuleError> {
    let id = spec.id.value.clone();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(ctx.err(
            &spec.id,
            format!("rule id `{id}` must be letters, digits, `.`, `-` or `_`"),
        ));
    }
    let severity = match spec.severity.value.as_str() {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => {
            return Err(ctx.err(
                &spec.severity,
                format!("severity must be error, warning or info, not `{other}`"),
            ))
        }
    };
    let check = match spec.check.value.as_str() {
        "ratio" | "part / whole = stated" => CheckKind::Ratio,
        "sum" => CheckKind::Sum,
        "share-sum" => CheckKind::ShareSum,
        "count" => CheckKind::Count,
        "respectively" => CheckKind::Respectively,
        "repeat" => CheckKind::Repeat,
        "growth" => CheckKind::Growth,
        "pp" | "points" => CheckKind::Points,
        "granularity" => CheckKind::Granularity,
        "apa" => CheckKind::Apa,
        "multiple" => CheckKind::Multiple,
        "grim" => CheckKind::Grim,
        other => {
            return Err(ctx.err(
                &spec.check,
                format!(
                    "unknown check `{other}` (known: ratio, sum, share-sum, count, respectively, repeat, growth, pp, granularity, apa, multiple, grim)"
                ),
            ))
        }
    };
    let ctx = &Ctx {
        file: ctx.file,
        dates: check == CheckKind::Respectively,
    };
    let stated = compile_member(ctx, Role::Stated, &spec.members.stated)?;
    let others = compile_others(ctx, check, &spec)?;
    let items = spec
        .members
        .items
        .as_ref()
        .map(|run| compile_run(ctx, run))
        .transpose()?;
    let needs_items = match check {
        CheckKind::Ratio
        | CheckKind::Growth
        | CheckKind::Points
        | CheckKind::Granularity
        | CheckKind::Apa
        | CheckKind::Multiple
        | CheckKind::Grim => false,
        CheckKind::Sum => others.iter().all(|m| m.role == Role::Whole),
        CheckKind::ShareSum | CheckKind::Respectively => true,
        CheckKind::Count | CheckKind::Repeat => false,
    };
    if check == CheckKind::Repeat
        && !spec.headline
        && !spec
            .members
            .stated
            .before
            .as_ref()
            .is_some_and(|r| r.value.contains("(?P<label>"))
    {
        return Err(ctx.err(
            &spec.check,
            "a repeat rule must capture `(?P<label>…)` in `stated.before` (or set `headline: true`)",
        ));
    }
    if matches!(check, CheckKind::Count | CheckKind::Respectively) && !captures_list(&spec) {
        return Err(ctx.err(
            &spec.check,
            format!(
                "a {} rule must capture the items as `(?P<list>…)` in a regex of `stated`",
                check.name()
            ),
        ));
    }
    if needs_items && items.is_none() {
        return Err(ctx.err(
            &spec.check,
            format!("a {} rule needs `parts` or `items`", check.name()),
        ));
    }
    Ok(Rule {
        id,
        description: spec.description,
        languages: spec.languages,
        severity,
        check,
        scale: spec.scale.map(Decimal::from),
        plausible_within: spec
            .plausible_within
            .and_then(|f| Decimal::try_from(f).ok()),
        stated,
        others,
        items,
        exhaustive: spec.exhaustive,
        decrease: spec.decrease,
        per_year: spec.per_year,
        label_ignore: ctx.regex(&spec.label_ignore, "label_ignore")?,
        headline: spec.headline,
        document: ctx.regex(&spec.document, "document")?,
        not_document: ctx.regex(&spec.not_document, "not_document")?,
        message: spec.message,
        examples: spec.examples,
        origin: ctx.file.to_owned(),
    })
}

fn captures_list(spec: &RuleSpec) -> bool {
    let m = &spec.members.stated;
    [&m.before, &m.sentence, &m.paragraph, &m.after, &m.following]
        .into_iter()
        .flatten()
        .any(|r| r.value.contains("(?P<list>"))
}

fn compile_others(ctx: &Ctx, check: CheckKind, spec: &RuleSpec) -> Result<Vec<Member>, RuleError> {
    let members = &spec.members;
    if matches!(
        check,
        CheckKind::Granularity | CheckKind::Apa | CheckKind::Grim
    ) {
        let Some(part) = &members.part else {
            return Err(ctx.err(
                &spec.check,
                format!("a {} rule needs the member `part`", check.name()),
            ));
        };
        return Ok(vec![compile_member(ctx, Role::Part, part)?]);
    }
    if !matches!(
        check,
        CheckKind::Ratio | CheckKind::Growth | CheckKind::Points | CheckKind::Multiple
    ) {
        if members.part.is_some() || members.whole.is_some() {
            return Err(ctx.err(
                &spec.check,
                format!(
                    "a {} rule has `parts` or `items`, not `part`/`whole`",
                    check.name()
                ),
            ));
        }
        let parts = members.parts.as_deref().unwrap_or_default();
        let mut others: Vec<Member> = parts
            .iter()
            .map(|m| compile_member(ctx, Role::Part, m))
            .collect::<Result<_, _>>()?;
        if let Some(total) = &members.total {
            if check != CheckKind::Sum {
                return Err(ctx.err(&spec.check, "only a sum rule has a `total` member"));
            }
            others.push(compile_member(ctx, Role::Whole, total)?);
        }
        return Ok(others);
    }
    let part = members
        .part
        .as_ref()
        .map(|m| compile_member(ctx, Role::Part, m))
        .transpose()?;
    let whole = members
        .whole
        .as_ref()
        .map(|m| compile_member(ctx, Role::Whole, m))
        .transpose()?;
    let (Some(part), Some(whole)) = (part, whole) else {
        return Err(ctx.err(
            &spec.check,
            "a ratio rule needs the members `part` and `whole`",
        ));
    };
    if part.from == Role::Whole && whole.from == Role::Part {
        return Err(ctx.err(
            &spec.check,
            "`part` and `whole` are each searched from the other",
        ));
    }
    Ok(if part.from == Role::Whole {
        vec![whole, part]
    } else {
        vec![part, whole]
    })
}

fn compile_kinds(
    ctx: &Ctx,
    kinds: &[Spanned<String>],
    default: Kind,
) -> Result<Vec<Kind>, RuleError> {
    let mut out = Vec::new();
    for k in kinds {
        let kind = Kind::from_name(&k.value).filter(|k| *k != Kind::Ordinal);
        match kind {
            Some(Kind::Date) if !ctx.dates => {
                return Err(ctx.err(
                    k,
                    "years and dates are never operands; only a respectively check may pair them",
                ))
            }
            Some(kind) => out.push(kind),
            None => {
                return Err(ctx.err(
                    k,
                    format!(
                        "unknown kind `{}` (number, percent, permille, points, multiple; date in respectively)",
                        k.value
                    ),
                ))
            }
        }
    }
    if out.is_empty() {
        out.push(default);
    }
    Ok(out)
}

fn compile_run(ctx: &Ctx, run: &RunSpec) -> Result<Run, RuleError> {
    let separator = Regex::new(&run.separator.value).map_err(|e| {
        ctx.err(
            &run.separator,
            format!("`separator` is not a valid regex: {e}"),
        )
    })?;
    Ok(Run {
        kinds: compile_kinds(ctx, &run.kinds, Kind::Number)?,
        open: ctx.regex(&run.open, "open")?,
        separator,
        close: ctx.regex(&run.close, "close")?,
        sublist: ctx.regex(&run.sublist, "sublist")?,
        sublist_end: ctx
            .regex(&run.sublist_end, "sublist_end")?
            .unwrap_or_else(|| Regex::new("^[;；]").expect("a valid literal regex")),
        max_gap: run.max_gap.unwrap_or(64),
        min: run.min.unwrap_or(2),
    })
}

fn compile_member(ctx: &Ctx, role: Role, spec: &MemberSpec) -> Result<Member, RuleError> {
    let default = if role == Role::Stated {
        Kind::Percent
    } else {
        Kind::Number
    };
    let kinds = compile_kinds(ctx, &spec.kinds, default)?;
    let direction = match &spec.search {
        None => Direction::Previous,
        Some(s) => match s.value.as_str() {
            "previous" => Direction::Previous,
            "next" => Direction::Next,
            "previous-cell" => Direction::PreviousCell,
            other => {
                return Err(ctx.err(
                    s,
                    format!("search must be previous, next or previous-cell, not `{other}`"),
                ))
            }
        },
    };
    let scope = match &spec.scope {
        None => Level::Sentence,
        Some(s) => Level::from_name(&s.value).ok_or_else(|| {
            ctx.err(
                s,
                format!(
                    "scope must be clause, sentence, paragraph or document, not `{}`",
                    s.value
                ),
            )
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
        not_before: ctx.regex(&spec.not_before, "not_before")?,
        following: ctx.regex(&spec.following, "following")?,
        reach: spec.reach,
        sentence: ctx.regex(&spec.sentence, "sentence")?,
        paragraph: ctx.regex(&spec.paragraph, "paragraph")?,
        not_sentence: ctx.regex(&spec.not_sentence, "not_sentence")?,
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
