//! Finds the members of each rule's relation among a document's figures.
//!
//! For every figure that can be a rule's stated member (right kind, right
//! cue words), the other members are searched from it in the direction,
//! scope and with the filters the rule gives; the nearest candidate wins.
//! A relation is claimed only when every member is found. A stated figure
//! belongs to at most one relation of each check kind (rules earlier in
//! the packs take precedence, so specific rules are written first), but
//! for sums: a total may be broken down more than one way.

use std::collections::{HashMap, HashSet};

use crate::document::Document;
use crate::lex::{Kind, Level};
use crate::rules::{CheckKind, Direction, Member, Role, Rule, Run};

mod repeats;

use repeats::{find_headline_repeats, find_repeats};

/// How many figures a search looks back or ahead: keeps a long paragraph
/// with thousands of figures linear.
const SEARCH_LIMIT: usize = 64;
const DOCUMENT_SEARCH_LIMIT: usize = 512;

/// A relation found in the text: which rule, and which figure plays each
/// role (indices into the document's quantities).
#[derive(Debug, Clone)]
pub struct Claim {
    pub rule: usize,
    pub members: Vec<(Role, usize)>,
    /// The text a rule captured as `list` (the items a count counts, the
    /// subjects of 分别/respectively): a view byte range.
    pub list: Option<(usize, usize)>,
    /// Every named group the rule's regexes captured, for checks that read
    /// words as well as figures (an APA statistic's test and df).
    pub captures: Vec<(String, String)>,
}

/// A named group a rule's regex captured, with its place in the view.
#[derive(Debug, Clone)]
pub struct Capture {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

type Captures = HashMap<String, Capture>;

impl Claim {
    pub fn capture(&self, name: &str) -> Option<&str> {
        self.captures
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The stated figure, the part and the whole (or the later and the
    /// earlier value), for the checks that relate three figures.
    pub fn triple(&self) -> Option<(usize, usize, usize)> {
        Some((
            self.member(Role::Stated)?,
            self.member(Role::Part)?,
            self.member(Role::Whole)?,
        ))
    }

    pub fn member(&self, role: Role) -> Option<usize> {
        self.members
            .iter()
            .find(|(r, _)| *r == role)
            .map(|&(_, i)| i)
    }
}

pub fn find_claims(rules: &[Rule], doc: &Document) -> Vec<Claim> {
    let mut claims = Vec::new();
    let qs = doc.quantities();
    // For each figure, the check kinds it is already the stated figure of.
    let mut taken: Vec<u32> = vec![0; qs.len()];
    let mut seen_sums: HashSet<Vec<usize>> = HashSet::new();
    for (rule_index, rule) in rules.iter().enumerate() {
        let applies = rule
            .document
            .as_ref()
            .is_none_or(|r| r.is_match(doc.text()))
            && !rule
                .not_document
                .as_ref()
                .is_some_and(|r| r.is_match(doc.text()));
        if !applies {
            continue;
        }
        if rule.check == CheckKind::Repeat {
            if rule.headline {
                claims.extend(find_headline_repeats(doc, rule, rule_index));
            } else {
                claims.extend(find_repeats(doc, rule, rule_index));
            }
            continue;
        }
        let bit = 1u32 << rule.check.index();
        for i in 0..qs.len() {
            if taken[i] & bit != 0 || !rule.stated.kinds.contains(&qs[i].kind) {
                continue;
            }
            let mut captures = HashMap::new();
            if !stated_matches(doc, &rule.stated, i, &mut captures) {
                continue;
            }
            if let Some((members, captures)) = locate_members(doc, rule, i, &captures) {
                if rule.check == CheckKind::Sum {
                    // A total may have several breakdowns (urban and rural,
                    // men and women), but the same one found twice is one.
                    let mut key: Vec<usize> = members.iter().map(|&(_, m)| m).collect();
                    key.sort_unstable();
                    if !seen_sums.insert(key) {
                        continue;
                    }
                } else {
                    taken[i] |= bit;
                }
                claims.push(Claim {
                    rule: rule_index,
                    members,
                    list: captures.get("list").map(|c| (c.start, c.end)),
                    captures: captures
                        .iter()
                        .map(|(k, v)| (k.clone(), v.text.clone()))
                        .collect(),
                });
            }
        }
    }
    claims.sort_by_key(|c| c.member(Role::Stated));
    claims
}

fn stated_matches(doc: &Document, spec: &Member, i: usize, captures: &mut Captures) -> bool {
    let qs = doc.quantities();
    if !spec.kinds.contains(&qs[i].kind) {
        return false;
    }
    // In a chain a:b:c the cue words describe the first element.
    let mut head = i;
    if let Some(position) = spec.chain {
        for _ in 1..position.max(1) {
            if head == 0
                || !is_chain_link(doc.between(head - 1, head))
                || qs[head - 1].kind != Kind::Number
            {
                return false;
            }
            head -= 1;
        }
        // The chain must not continue to the left of its first element.
        if head > 0 && is_chain_link(doc.between(head - 1, head)) {
            return false;
        }
    }
    if !context_matches(doc, spec, head, captures) {
        return false;
    }
    if spec.chain.is_some() {
        if let Some(after) = &spec.after {
            return after.is_match(doc.after(i));
        }
    }
    true
}

fn is_chain_link(gap: &str) -> bool {
    matches!(gap.trim(), ":" | "：" | "∶")
}

/// `before`, `after` and `contains` of a member against figure `i`.
fn context_matches(doc: &Document, spec: &Member, i: usize, captures: &mut Captures) -> bool {
    // Cheapest tests first: the short windows around the figure, then the
    // whole sentence before it and the long window after it.
    if let Some(before) = &spec.before {
        if !match_capturing(doc, before, doc.before(i), captures) {
            return false;
        }
    }
    if spec.chain.is_none() {
        if let Some(after) = &spec.after {
            if !match_capturing(doc, after, doc.after(i), captures) {
                return false;
            }
        }
    }
    if let Some(not_before) = &spec.not_before {
        if not_before.is_match(doc.before(i)) {
            return false;
        }
    }
    if let Some(sentence) = &spec.sentence {
        if !match_capturing(doc, sentence, doc.sentence_before(i), captures) {
            return false;
        }
    }
    if let Some(not_sentence) = &spec.not_sentence {
        if not_sentence.is_match(doc.sentence_before(i)) {
            return false;
        }
    }
    if let Some(paragraph) = &spec.paragraph {
        if !match_capturing(doc, paragraph, doc.paragraph_before(i), captures) {
            return false;
        }
    }
    if let Some(following) = &spec.following {
        let window = match spec.reach {
            Some(bytes) => doc.following_across(i, bytes),
            None => doc.following(i),
        };
        if !match_capturing(doc, following, window, captures) {
            return false;
        }
    }
    if let Some(unit) = &spec.unit {
        let own = &doc.quantities()[i].unit;
        if own.is_empty() || !crate::lex::same_unit(&expand(unit, captures), own) {
            return false;
        }
    }
    if let Some(contains) = &spec.contains {
        let needle = expand(contains, captures);
        if needle.is_empty() || !names(doc, i).any(|words| words.contains(&needle)) {
            return false;
        }
    }
    true
}

/// The words that name figure `i`: those before it and, for a rate that
/// follows the level it is the growth of (`城镇居民人均可支配收入45000元，
/// 增长5.0%`), those before that level.
fn names(doc: &Document, i: usize) -> impl Iterator<Item = &str> {
    let qs = doc.quantities();
    let level = i.checked_sub(1).filter(|&l| {
        qs[i].kind == Kind::Percent
            && qs[l].kind == Kind::Number
            && qs[l].sentence == qs[i].sentence
            && qs[i].clause <= qs[l].clause + 1
    });
    std::iter::once(doc.before(i)).chain(level.map(|l| doc.before(l)))
}

/// Matches `regex` on `text`, recording its named groups in `captures`.
fn match_capturing(
    doc: &Document,
    regex: &regex::Regex,
    text: &str,
    captures: &mut Captures,
) -> bool {
    if regex.captures_len() == 1 {
        return regex.is_match(text);
    }
    let Some(caps) = regex.captures(text) else {
        return false;
    };
    // `text` is a slice of the view: its offset there locates the groups.
    let base = doc.offset_of(text);
    for name in regex.capture_names().flatten() {
        if let Some(m) = caps.name(name) {
            captures.insert(
                name.to_owned(),
                Capture {
                    text: m.as_str().to_owned(),
                    start: base + m.start(),
                    end: base + m.end(),
                },
            );
        }
    }
    true
}

fn expand(template: &str, captures: &Captures) -> String {
    let mut out = template.to_owned();
    for (name, value) in captures {
        out = out.replace(&format!("{{{name}}}"), &value.text);
    }
    out
}

fn locate_members(
    doc: &Document,
    rule: &Rule,
    stated: usize,
    captures: &Captures,
) -> Option<(Vec<(Role, usize)>, Captures)> {
    let mut found = vec![(Role::Stated, stated)];
    let mut captures = captures.clone();
    for spec in &rule.others {
        let from = found.iter().find(|(r, _)| *r == spec.from)?.1;
        let i = if spec.direction == Direction::PreviousCell {
            previous_cell(doc, spec, from)?
        } else {
            let (i, with_member) = search(doc, spec, from, &found, &captures)?;
            captures = with_member;
            i
        };
        if let Some(blocker) = &spec.blocked_by {
            let (lo, hi) = if i < stated { (i, stated) } else { (stated, i) };
            let qs = doc.quantities();
            let competes = |k: usize| qs[k].is_operand();
            if (lo + 1..hi)
                .take(SEARCH_LIMIT)
                .any(|k| competes(k) && blocker.is_match(doc.before(k)))
            {
                return None;
            }
        }
        found.push((spec.role, i));
    }
    if let Some(run) = &rule.items {
        for i in collect_run(doc, run, stated)? {
            found.push((Role::Part, i));
        }
    }
    // All members distinct.
    let distinct: HashSet<usize> = found.iter().map(|&(_, i)| i).collect();
    (distinct.len() == found.len()).then_some((found, captures))
}

fn search(
    doc: &Document,
    spec: &Member,
    from: usize,
    found: &[(Role, usize)],
    captures: &Captures,
) -> Option<(usize, Captures)> {
    let qs = doc.quantities();
    let scope_id = doc.segment_of(spec.scope, from);
    let limit = if spec.scope == Level::Document {
        DOCUMENT_SEARCH_LIMIT
    } else {
        SEARCH_LIMIT
    };
    let role_value = |role: Role| found.iter().find(|(r, _)| *r == role).map(|&(_, i)| &qs[i]);
    let mut skipped = 0;
    let candidates: Box<dyn Iterator<Item = usize>> = match spec.direction {
        Direction::Previous | Direction::PreviousCell => Box::new((0..from).rev().take(limit)),
        Direction::Next => Box::new((from + 1..qs.len()).take(limit)),
    };
    for j in candidates {
        if doc.segment_of(spec.scope, j) != scope_id {
            break;
        }
        let q = &qs[j];
        if !spec.kinds.contains(&q.kind) || found.iter().any(|&(_, k)| k == j) {
            continue;
        }
        if let Some(gap) = &spec.gap {
            if !gap.is_match(doc.between(from, j)) {
                // The gap only describes the nearest figure.
                return None;
            }
        }
        let mut scratch = captures.clone();
        if !context_matches(doc, spec, j, &mut scratch) {
            continue;
        }
        if let Some(other) = spec.larger_than.and_then(role_value) {
            if q.value <= other.value {
                continue;
            }
        }
        if let Some(other) = spec.unit_as.and_then(role_value) {
            if !crate::lex::same_unit(&q.unit, &other.unit) {
                continue;
            }
        }
        if skipped < spec.skip {
            skipped += 1;
            continue;
        }
        return Some((j, scratch));
    }
    None
}

/// A table cell holds at most this many figures (one per row of a
/// merged cell); longer paragraphs are prose.
const MAX_CELL_FIGURES: usize = 8;

/// The figures of the paragraph holding `i`, if it reads as a table cell:
/// a few figures and nothing but brackets, signs and spaces around them.
fn cell(doc: &Document, i: usize) -> Option<std::ops::Range<usize>> {
    let qs = doc.quantities();
    let p = qs[i].paragraph;
    let mut lo = i;
    while lo > 0 && qs[lo - 1].paragraph == p {
        lo -= 1;
        if i - lo > MAX_CELL_FIGURES {
            return None;
        }
    }
    let mut hi = i + 1;
    while hi < qs.len() && qs[hi].paragraph == p {
        hi += 1;
        if hi - lo > MAX_CELL_FIGURES {
            return None;
        }
    }
    let text = doc.text();
    let start = doc.lexed.segments.start_of(Level::Paragraph, qs[lo].start);
    let end = doc
        .lexed
        .segments
        .end_of(Level::Paragraph, qs[hi - 1].end, text.len());
    let mut at = start;
    for q in &qs[lo..hi] {
        if !only_cell_filler(&text[at..q.start]) {
            return None;
        }
        at = q.unit_end.max(q.end);
    }
    only_cell_filler(&text[at..end]).then_some(lo..hi)
}

fn only_cell_filler(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(c, '(' | ')' | '（' | '）' | '%' | '％'))
}

/// The figure at the same place in the previous table cell, when both
/// cells hold the same number of figures.
fn previous_cell(doc: &Document, spec: &Member, from: usize) -> Option<usize> {
    let here = cell(doc, from)?;
    if here.start == 0 {
        return None;
    }
    let before = cell(doc, here.start - 1)?;
    if before.len() != here.len() {
        return None;
    }
    let j = before.start + (from - here.start);
    spec.kinds.contains(&doc.quantities()[j].kind).then_some(j)
}

/// Longest enumeration a run collects.
const MAX_RUN: usize = 40;

/// The figures enumerated right after figure `start`: each preceded by
/// text the run's `open` (first) or `separator` (others) accepts.
fn collect_run(doc: &Document, run: &Run, start: usize) -> Option<Vec<usize>> {
    let qs = doc.quantities();
    let text = doc.text();
    let mut items = Vec::new();
    let mut prev = start;
    let mut in_sublist = false;
    for j in start + 1..qs.len().min(start + 1 + MAX_RUN) {
        let from = qs[prev].unit_end.max(qs[prev].end);
        let to = qs[j].start;
        if to < from || to - from > run.max_gap {
            break;
        }
        // "at least 3 of the cartoons", a year, an ordinal: words of an
        // item, not an item (unless the run lists years).
        let listed_year = qs[j].kind == Kind::Date && run.kinds.contains(&Kind::Date);
        if !qs[j].is_operand() && !listed_year {
            continue;
        }
        let gap = &text[from..to];
        if !run.kinds.contains(&qs[j].kind) {
            break;
        }
        if !items.is_empty() {
            if run.sublist.as_ref().is_some_and(|s| s.is_match(gap)) {
                in_sublist = true;
                prev = j;
                continue;
            }
            if in_sublist {
                if run.sublist_end.is_match(gap) && run.separator.is_match(gap) {
                    in_sublist = false;
                } else if run.separator.is_match(gap) {
                    prev = j;
                    continue;
                } else {
                    break;
                }
            }
        }
        let accepted = match (&run.open, items.is_empty()) {
            (Some(open), true) => open.is_match(gap),
            _ => run.separator.is_match(gap),
        };
        if !accepted {
            break;
        }
        items.push(j);
        prev = j;
    }
    if items.len() < run.min {
        return None;
    }
    if let Some(close) = &run.close {
        let from = qs[prev].unit_end.max(qs[prev].end);
        let end = text.ceil_char_boundary(from + run.max_gap);
        if !close.is_match(&text[from..end]) {
            return None;
        }
    }
    Some(items)
}
