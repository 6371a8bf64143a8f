//! A rule's page: description, kind, severity, where it is defined, and
//! its examples. `statlint rule ID` prints it; the language server links
//! each diagnostic to it.

use std::fmt::Write as _;

use super::RuleSet;

/// The page of rule `id` (a rule id such as `zh.ratio.rate`, or a
/// template id such as `ratio.rate`); `None` when no rule has that id.
pub fn describe(rules: &RuleSet, id: &str) -> Option<String> {
    // The one rule that is no template: stale suppressions.
    if id == crate::suppress::UNUSED {
        return Some(format!(
            "{id}\n  {}: remove it, or correct the rules it names.\n",
            crate::suppress::UNUSED_SUMMARY
        ));
    }
    let found = rules
        .rule_ids()
        .into_iter()
        .find(|(rid, _, _)| rid == id)
        .map(|(_, k, _)| k)
        .or_else(|| rules.templates.iter().position(|t| t.id == id))?;
    let t = &rules.templates[found];
    let mut out = String::new();
    let _ = writeln!(out, "{id}");
    let _ = writeln!(out, "  {}", t.description.trim());
    let languages: Vec<&str> = t.languages.iter().map(|l| l.name()).collect();
    let _ = writeln!(
        out,
        "  kind: {} ({})  shape: {}  severity: {}  languages: {}",
        t.kind.name(),
        t.kind.describe(),
        t.shape,
        t.severity.name(),
        languages.join(", ")
    );
    let _ = writeln!(out, "  defined in: {}", t.origin);
    for (title, examples) in [
        ("holds", &t.examples().pass),
        ("flagged", &t.examples().fail),
    ] {
        if !examples.is_empty() {
            let _ = writeln!(out, "\n{title}:");
            for e in examples {
                let _ = writeln!(out, "  {}", one_line(e));
            }
        }
    }
    Some(out)
}

/// An example on one line: its line breaks (which matter, as in the
/// wrapped lines of a PDF) written `\n`, as in the YAML source.
pub fn one_line(example: &str) -> String {
    example.replace('\\', "\\\\").replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_page_has_its_description_and_examples() {
        let rules = RuleSet::builtin().unwrap();
        let page = describe(&rules, "zh.ratio.rate").unwrap();
        let template = rules.template_of("zh.ratio.rate").unwrap();
        assert!(page.starts_with("zh.ratio.rate\n"));
        assert!(page.contains(template.description.trim()));
        assert!(page.contains("\nflagged:\n"));
        assert!(describe(&rules, "zh.nope").is_none());
    }
}
