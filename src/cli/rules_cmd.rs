//! `statlint rules`, `statlint rule ID` and `statlint test-rules PATH`.

use std::io::Write;
use std::path::Path;

use super::{load_rules, RuleSetArgs, Status};
use statlint::examples::run_examples;
use statlint::rules;

pub fn list(set: &RuleSetArgs) -> anyhow::Result<Status> {
    let rules = load_rules(set)?;
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for rule in &rules {
        writeln!(
            out,
            "{:width$}  {:5}  {:7}  {}",
            rule.id,
            rule.languages.join(","),
            rule.severity.name(),
            rule.description.lines().next().unwrap_or(""),
        )?;
    }
    Ok(Status::Clean)
}

pub fn show(id: &str, set: &RuleSetArgs) -> anyhow::Result<Status> {
    let rules = load_rules(set)?;
    let Some(rule) = rules.iter().find(|r| r.id == id) else {
        anyhow::bail!("no rule `{id}` (see `statlint rules`)");
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", rule.id)?;
    writeln!(out, "  {}", rule.description.trim())?;
    writeln!(
        out,
        "  check: {}  severity: {}  languages: {}",
        rule.check.name(),
        rule.severity.name(),
        rule.languages.join(", ")
    )?;
    writeln!(out, "  defined in: {}", rule.origin)?;
    if !rule.examples.pass.is_empty() {
        writeln!(out, "\nholds:")?;
        for e in &rule.examples.pass {
            writeln!(out, "  {}", one_line(e))?;
        }
    }
    if !rule.examples.fail.is_empty() {
        writeln!(out, "\nflagged:")?;
        for e in &rule.examples.fail {
            writeln!(out, "  {}", one_line(e))?;
        }
    }
    Ok(Status::Clean)
}

pub fn test(path: &Path) -> anyhow::Result<Status> {
    let rules = rules::load_path(path)?;
    let (run, failures) = run_examples(&rules);
    let mut out = std::io::stdout().lock();
    for f in &failures {
        writeln!(
            out,
            "FAIL {} ({}): {}\n     {}",
            f.rule,
            f.origin,
            f.problem,
            one_line(&f.example)
        )?;
    }
    writeln!(
        out,
        "{} passed, {} failed ({} rules)",
        run - failures.len(),
        failures.len(),
        rules.len()
    )?;
    Ok(if failures.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    })
}

/// An example on one line: its line breaks (which matter, as in the
/// wrapped lines of a PDF) written `\n`, as in the YAML source.
fn one_line(example: &str) -> String {
    example.replace('\\', "\\\\").replace('\n', "\\n")
}

pub fn figures(path: &Path) -> anyhow::Result<Status> {
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let decoded =
        statlint::source::decode(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let doc = statlint::document::Document::new(&decoded.text);
    let mut out = std::io::stdout().lock();
    for (i, q) in doc.quantities().iter().enumerate() {
        let mut flags = Vec::new();
        if q.approx {
            flags.push("approx");
        }
        if q.in_range {
            flags.push("range");
        }
        if q.in_words {
            flags.push("words");
        }
        writeln!(
            out,
            "{i:>5}  {:<10} {:>14} ±{:<8} {:<8} {:<12} before: {:?}",
            doc.figure_text(i).replace('\n', " "),
            q.value.to_string(),
            q.half.normalize().to_string(),
            q.kind.name(),
            q.unit,
            doc.before(i),
        )?;
        if !flags.is_empty() {
            writeln!(out, "       {}", flags.join(", "))?;
        }
    }
    Ok(Status::Clean)
}
