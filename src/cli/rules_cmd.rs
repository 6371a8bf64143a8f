//! `statlint rules`, `statlint rule ID`, `statlint test-rules PATH` and
//! `statlint figures PATH`.

use std::io::Write;
use std::path::Path;

use super::{load_rules, selection, RuleSetArgs, Status};
use statlint::examples::run_examples;
use statlint::rules::RuleSetBuilder;

pub fn list(set: &RuleSetArgs) -> anyhow::Result<Status> {
    let rules = load_rules(set)?;
    let selection = selection(set, &rules)?;
    let ids: Vec<_> = rules
        .rule_ids()
        .into_iter()
        .filter(|(id, _, _)| selection.allows(id))
        .collect();
    let width = ids.iter().map(|(id, _, _)| id.len()).max().unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (id, k, _) in &ids {
        let t = &rules.templates[*k];
        writeln!(
            out,
            "{id:width$}  {:7}  {}",
            t.severity.name(),
            t.description.lines().next().unwrap_or(""),
        )?;
    }
    Ok(Status::Clean)
}

pub fn show(id: &str, set: &RuleSetArgs) -> anyhow::Result<Status> {
    let rules = load_rules(set)?;
    let Some(page) = statlint::rules::describe(&rules, id) else {
        anyhow::bail!("no rule `{id}` (see `statlint rules`)");
    };
    std::io::stdout().lock().write_all(page.as_bytes())?;
    Ok(Status::Clean)
}

/// Runs the examples of the templates defined in `path`, each linted with
/// the built-in rules and the file's own (lexicon entries included).
pub fn test(path: &Path) -> anyhow::Result<Status> {
    let mut builder = RuleSetBuilder::builtin()?;
    builder.add_path(path)?;
    let rules = builder.build();
    let builtin = statlint::rules::is_builtin;
    let count = rules
        .templates
        .iter()
        .filter(|t| !builtin(&t.origin))
        .count();
    let (run, failures) = run_examples(rules, |t| !builtin(&t.origin));
    let mut out = std::io::stdout().lock();
    for f in &failures {
        writeln!(
            out,
            "FAIL {} ({}): {}\n     {}",
            f.rule,
            f.origin,
            f.problem,
            statlint::rules::one_line(&f.example)
        )?;
    }
    writeln!(
        out,
        "{} passed, {} failed ({count} templates)",
        run - failures.len(),
        failures.len(),
    )?;
    Ok(if failures.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    })
}

/// How statlint reads each figure: value, kind, role, label, period.
pub fn figures(path: &Path, set: &RuleSetArgs) -> anyhow::Result<Status> {
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| anyhow::anyhow!("<stdin>: {e}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
    };
    let format = statlint::source::Format::of_path(path);
    let read = statlint::source::read(format, bytes).map_err(|e| match e {
        statlint::source::ReadError::Binary => {
            anyhow::anyhow!("{}: binary file (it contains NUL bytes)", path.display())
        }
        statlint::source::ReadError::Unreadable(m) => anyhow::anyhow!("{}: {m}", path.display()),
    })?;
    let rules = load_rules(set)?;
    // Offsets below are of the text the engine reads (for Markdown, the
    // file's own).
    let doc = statlint::doc::Document::new(&read.extracted.text, &rules.lexicon);
    let mut out = std::io::stdout().lock();
    for (i, q) in doc.figures.iter().enumerate() {
        let m = &doc.mentions[i];
        let mut flags = Vec::new();
        if q.approx {
            flags.push("approx".to_owned());
        }
        if q.in_range {
            flags.push("range".to_owned());
        }
        if !m.noun.is_empty() && m.noun != m.name() {
            flags.push(format!("noun={}", m.noun));
        }
        if let Some(w) = &m.whole {
            flags.push(format!("whole={w}"));
        }
        if let Some(s) = m.subject {
            flags.push(format!("subject=#{s}"));
        }
        if m.period.is_stated() || m.period.prior || m.period.target {
            flags.push(format!("period={:?}", m.period));
        }
        writeln!(
            out,
            "{i:>5}  {:<12} {:>14} ±{:<8} {:<8} {:<7} {:?} label={:?} {}",
            doc.figure_text(i).replace('\n', " "),
            q.value.to_string(),
            q.half.normalize().to_string(),
            q.kind.name(),
            m.lang.name(),
            m.role,
            m.name(),
            flags.join(" "),
        )?;
    }
    for (k, t) in doc.tables.iter().enumerate() {
        writeln!(
            out,
            "table {k}: {} columns, {} rows",
            t.columns.len(),
            t.rows.len()
        )?;
        for (c, col) in t.columns.iter().enumerate() {
            writeln!(
                out,
                "  column {c}: {:?}{}{}",
                col.header,
                if col.percent { " (percent)" } else { "" },
                if col.change { " (change)" } else { "" }
            )?;
        }
        for row in &t.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|c| c.map_or("--".to_owned(), |i| doc.figure_text(i).to_owned()))
                .collect();
            writeln!(
                out,
                "  {:?}{}{}: {}",
                row.label,
                if row.opens_group {
                    " (opens a group)"
                } else {
                    ""
                },
                if row.sub_row {
                    " (sub-row)"
                } else if row.broken {
                    " (cells lost)"
                } else {
                    ""
                },
                cells.join(" | ")
            )?;
        }
    }
    Ok(Status::Clean)
}
