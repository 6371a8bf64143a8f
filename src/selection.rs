//! `--select` and `--ignore`: rule ids or prefixes of them.

#[derive(Debug, Default, Clone)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

/// `zh.ratio` matches `zh.ratio` and `zh.ratio.completion-rate`, not
/// `zh.ratios`.
fn matches(pattern: &str, id: &str) -> bool {
    pattern == "ALL"
        || id == pattern
        || id.starts_with(pattern) && id[pattern.len()..].starts_with('.')
}

impl Selection {
    /// A selection checked against the rules in force: a pattern that
    /// matches no rule is most likely a typo, returned as an error.
    pub fn checked(
        select: Vec<String>,
        ignore: Vec<String>,
        rules: &crate::rules::RuleSet,
    ) -> Result<Selection, Vec<String>> {
        let selection = Selection { select, ignore };
        let ids: Vec<String> = rules.rule_ids().into_iter().map(|(id, _, _)| id).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let unknown: Vec<String> = selection
            .unknown(&ids)
            .into_iter()
            .map(str::to_owned)
            .collect();
        if unknown.is_empty() {
            Ok(selection)
        } else {
            Err(unknown)
        }
    }

    pub fn allows(&self, id: &str) -> bool {
        let selected = self.select.is_empty() || self.select.iter().any(|p| matches(p, id));
        selected && !self.ignore.iter().any(|p| matches(p, id))
    }

    /// Patterns that match none of `ids`: most likely typos.
    pub fn unknown<'a>(&'a self, ids: &[&str]) -> Vec<&'a str> {
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|p| p.as_str() != "ALL" && !ids.iter().any(|id| matches(p, id)))
            .map(String::as_str)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_match_whole_segments() {
        let s = Selection {
            select: vec![],
            ignore: vec!["zh.ratio".into()],
        };
        assert!(!s.allows("zh.ratio.completion-rate"));
        assert!(s.allows("zh.ratios"));
        assert!(s.allows("en.ratio.paren"));
    }

    #[test]
    fn select_limits_and_ignore_wins() {
        let s = Selection {
            select: vec!["en".into()],
            ignore: vec!["en.ratio.paren".into()],
        };
        assert!(s.allows("en.ratio.of"));
        assert!(!s.allows("en.ratio.paren"));
        assert!(!s.allows("zh.ratio.share"));
        assert_eq!(s.unknown(&["en.ratio.of"]), vec!["en.ratio.paren"]);
    }
}
