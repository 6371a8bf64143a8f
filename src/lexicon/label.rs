//! Labels as they are compared: one spelling for each quantity's name.
//!
//! Two mentions name the same quantity when their normalized labels are
//! equal. Normalizing drops what does not change the quantity (spaces,
//! 的, brackets such as `(GDP)` or a footnote mark `[3]`, and the scope
//! words a label starts with: 全县, 全年, 年末), and writes every alias as
//! its group's first word (地区生产总值 and GDP both read 生产总值).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Lang;

/// Rewrites labels to their compared form.
pub struct Normalizer {
    /// Alias words, each replaced by its group's first word.
    aliases: Option<AhoCorasick>,
    canonical: Vec<String>,
    /// Scope words dropped from the start of a label, longest first.
    scope: Vec<String>,
    /// The scope words by their first character, in that order: a label
    /// is tried against the few that can start it.
    scope_by_first: rustc_hash::FxHashMap<char, Vec<usize>>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer")
            .field("aliases", &self.canonical.len())
            .finish()
    }
}

impl Normalizer {
    pub fn new(groups: Vec<(Lang, Vec<String>)>, mut scope: Vec<String>) -> Normalizer {
        let mut words = Vec::new();
        let mut canonical = Vec::new();
        for (_, group) in &groups {
            let Some(first) = group.first() else { continue };
            let first = plain(first);
            for word in group {
                let word = plain(word);
                if !word.is_empty() && word != first {
                    words.push(word);
                    canonical.push(first.clone());
                }
            }
        }
        let aliases = (!words.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                // Labels are short: a DFA's build would cost more at
                // start-up than its faster search saves.
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(&words)
                .expect("alias words build an automaton")
        });
        scope.sort_by_key(|w| std::cmp::Reverse(w.len()));
        scope.dedup();
        let mut scope_by_first: rustc_hash::FxHashMap<char, Vec<usize>> = Default::default();
        for (k, w) in scope.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                scope_by_first.entry(c).or_default().push(k);
            }
        }
        Normalizer {
            aliases,
            canonical,
            scope,
            scope_by_first,
        }
    }

    /// The canonical name `text` is an alias of, when `text` is that
    /// alias whole (`经济增长` for 生产总值), not merely holds it.
    pub fn whole_alias(&self, text: &str) -> Option<&str> {
        let text = plain(text);
        let aliases = self.aliases.as_ref()?;
        let m = aliases.find(&text)?;
        (m.start() == 0 && m.end() == text.len())
            .then(|| self.canonical[m.pattern().as_usize()].as_str())
    }

    /// The compared form of a label (already folded to simplified script).
    /// A label's qualifier with its scope words removed wherever they
    /// stand (`国民经济全年` → 国民经济): a period or a place of the report's
    /// own says nothing of which quantity is meant.
    pub fn without_scope(&self, qualifier: &str) -> String {
        let mut out = String::with_capacity(qualifier.len());
        let mut rest = qualifier;
        while let Some(c) = rest.chars().next() {
            let word = self.scope_by_first.get(&c).and_then(|ks| {
                ks.iter()
                    .map(|&k| self.scope[k].as_str())
                    .find(|w| rest.starts_with(w))
            });
            match word {
                Some(w) => rest = &rest[w.len()..],
                None => {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        out
    }

    pub fn normalize(&self, label: &str) -> String {
        let mut text = plain(label);
        if let Some(aliases) = &self.aliases {
            // Built only when an alias is found: most labels hold none.
            let mut out: Option<String> = None;
            let mut last = 0;
            for m in aliases.find_iter(&text) {
                // An English alias must stand as whole words.
                let bytes = text.as_bytes();
                let ascii = text[m.start()..m.end()].is_ascii();
                let glued = ascii
                    && (m.start() > 0 && bytes[m.start() - 1].is_ascii_alphanumeric()
                        || bytes.get(m.end()).is_some_and(u8::is_ascii_alphanumeric));
                if glued {
                    continue;
                }
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[last..m.start()]);
                out.push_str(&self.canonical[m.pattern().as_usize()]);
                last = m.end();
            }
            if let Some(mut out) = out {
                out.push_str(&text[last..]);
                text = out;
            }
        }
        // A scope word ends at a word's end in English (`the`, not the
        // start of `there`).
        let starts_with_word = |text: &str, w: &str| {
            text.starts_with(w)
                && text.len() > w.len()
                && !(w.is_ascii()
                    && text.as_bytes()[w.len()].is_ascii_alphanumeric()
                    && w.as_bytes()[w.len() - 1].is_ascii_alphanumeric())
        };
        let scope_word = |text: &str| {
            let first = text.chars().next()?;
            self.scope_by_first
                .get(&first)?
                .iter()
                .map(|&k| self.scope[k].as_str())
                .find(|w| starts_with_word(text, w))
        };
        while let Some(word) = scope_word(&text) {
            text = text[word.len()..].trim_start().to_owned();
        }
        text
    }
}

/// A label with what never changes the quantity removed: spaces, 的,
/// quotes, bracketed asides, articles; ASCII lowercased.
fn plain(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' | '（' | '[' | '【' | '〔' => depth += 1,
            ')' | '）' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '的' | '“' | '”' | '"' | '‘' | '’' | '「' | '」' | '*' | '#' | '、' => {}
            c if c.is_whitespace() => {
                if out
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
                {
                    out.push(' ');
                }
            }
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    let mut text = out.trim().to_owned();
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = text.strip_prefix(article) {
            text = rest.to_owned();
        }
    }
    text
}

/// A label pattern of a lexicon: fragments that must appear in order in
/// a normalized label (`累计…确诊` matches 累计报告确诊病例).
#[derive(Debug, Clone)]
pub struct LabelPattern {
    fragments: Vec<String>,
}

impl LabelPattern {
    pub fn new(normalizer: &Normalizer, pattern: &str) -> LabelPattern {
        LabelPattern {
            fragments: pattern
                .split('…')
                .map(|f| normalizer.normalize(f))
                .filter(|f| !f.is_empty())
                .collect(),
        }
    }

    /// Does `text` open with the end of the pattern's last fragment, two
    /// characters or more (`死亡病例` for `累计死亡`)? How a report says there
    /// is none of it: 无死亡病例.
    pub fn opens(&self, text: &str) -> bool {
        let Some(last) = self.fragments.last() else {
            return false;
        };
        let chars: Vec<(usize, char)> = last.char_indices().collect();
        (0..chars.len().saturating_sub(1)).any(|k| text.starts_with(&last[chars[k].0..]))
    }

    /// The words of `label` before the pattern's first fragment (`扣非` of
    /// 扣非归母净利润 for 归母净利润), when the label matches it.
    pub fn qualifier<'a>(&self, label: &'a str) -> Option<&'a str> {
        let first = self.fragments.first()?;
        let at = find_in_label(label, first)?;
        self.matches(label).then(|| &label[..at])
    }

    /// Does the normalized `label` hold every fragment, in order?
    pub fn matches(&self, label: &str) -> bool {
        if self.fragments.is_empty() {
            return false;
        }
        let mut rest = label;
        for fragment in &self.fragments {
            match find_in_label(rest, fragment) {
                Some(i) => rest = &rest[i + fragment.len()..],
                None => return false,
            }
        }
        true
    }
}

/// Where `needle` (not empty) first stands in `label`. Labels are a few
/// dozen bytes: trying each place their first bytes agree costs less than
/// setting up a substring searcher, which every label checked against
/// every pattern would pay.
fn find_in_label(label: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (label.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    // The first byte of a character is never inside another: a match
    // starts on a character boundary.
    (0..hay.len()).find(|&k| hay[k] == first && hay[k..].starts_with(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalizer() -> Normalizer {
        Normalizer::new(
            vec![
                (
                    Lang::Zh,
                    vec!["生产总值".into(), "地区生产总值".into(), "GDP".into()],
                ),
                (Lang::Zh, vec!["额".into(), "总额".into()]),
            ],
            vec!["全县".into(), "全年".into()],
        )
    }

    #[test]
    fn scope_words_leave_a_qualifier_wherever_they_stand() {
        let n = normalizer();
        assert_eq!(n.without_scope("国民经济全年"), "国民经济");
        assert_eq!(n.without_scope("全县城镇"), "城镇");
    }

    #[test]
    fn aliases_scope_words_and_asides_are_normalized_away() {
        let n = normalizer();
        assert_eq!(n.normalize("全年全县地区生产总值(GDP)"), "生产总值");
        assert_eq!(n.normalize("GDP"), "生产总值");
        assert_eq!(n.normalize("社会消费品零售总额"), "社会消费品零售额");
        assert_eq!(n.normalize("普惠性幼儿园[3]"), "普惠性幼儿园");
        assert_eq!(n.normalize("The  Net Sales"), "net sales");
        // A scope word alone is the label, not nothing.
        assert_eq!(n.normalize("全县"), "全县");
    }

    #[test]
    fn a_pattern_matches_its_fragments_in_order() {
        let n = normalizer();
        let p = LabelPattern::new(&n, "累计…确诊");
        assert!(p.matches("累计报告确诊病例"));
        assert!(!p.matches("确诊累计"));
    }
}
