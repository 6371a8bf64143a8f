//! Mentions: each figure with what it measures and the role it plays.
//!
//! A figure's words are read once, from the cue words around it:
//!
//! - its *label*, the words that name what it measures, taken from just
//!   before it with the copula stripped (`第一产业增加值为6.08亿元` →
//!   第一产业增加值; `revenue of $584 million` → revenue), or from its
//!   noun after it in English (`16,367 cases`);
//! - its *role*: a level, a change (a cue of rise or fall before it), a
//!   share (占, 比重, `of` after a percentage, a bracket after a count);
//! - the *whole* a share names (`占<生产总值>的比重`, `% of <sales>`);
//! - its *subject*, the level a change or a share qualifies when it has
//!   no label of its own (`生产总值23.16亿元，同比下降29%`);
//! - its *period*.
//!
//! Relation finders read mentions, never the raw text around a figure.

use rust_decimal::prelude::ToPrimitive;

use super::period::{self, Period};
use super::{Document, WINDOW};
use crate::lex::{Kind, Level};
use crate::lexicon::{Cue, CueHit, Lang, Lexicon};
use crate::source::is_cjk;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A level: 23.16亿元, 44354人, a rate's level 43.6%.
    Level,
    /// A change of its subject: 增长5.2%, rose 29%, 增加6455万元, 提高0.9个
    /// 百分点; `versus` when it compares with another figure (高于).
    Change { down: bool, versus: bool },
    /// A share of a whole.
    Share,
    /// Not an operand: a date, an ordinal, the end of a range.
    Other,
}

/// A set of cue roles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CueSet(u64);

impl CueSet {
    pub fn insert(&mut self, cue: Cue) {
        self.0 |= 1 << cue as u64;
    }

    pub fn has(self, cue: Cue) -> bool {
        self.0 & (1 << cue as u64) != 0
    }
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub lang: Lang,
    pub role: Role,
    /// What it measures, normalized for comparison; empty when the figure
    /// takes its subject's (`，同比增长3.8%`).
    pub label: String,
    /// Where the label's words are.
    pub label_span: (usize, usize),
    /// An English count's noun (`16,367 cases` → cases).
    pub noun: String,
    /// The whole a share names, normalized.
    pub whole: Option<String>,
    /// The level this figure qualifies.
    pub subject: Option<usize>,
    /// Cue roles in the words before the figure (back to its clause's
    /// start or the previous figure) and after it (to the next figure or
    /// the clause's end).
    pub before: CueSet,
    pub after: CueSet,
    /// Where those windows start and end.
    pub window: (usize, usize),
    /// The cues that link the figure to its label, right before it: 为,
    /// 由, 增加到, `from`, `compared to`, `to`.
    pub lead: CueSet,
    pub period: Period,
    /// Stated on another basis than the printed figures beside it (`on an
    /// adjusted basis`, 按可比口径): a cue earlier in its sentence.
    pub adjusted: bool,
    /// In brackets right after this figure (`189人（35.5%）`).
    pub host: Option<usize>,
    /// Bracket nesting depth at the figure.
    pub depth: u8,
    /// A cell of a table: its label is its row's.
    pub in_table: bool,
}

impl Mention {
    /// The label this mention is compared by: its own, or for an English
    /// count without one, its noun.
    pub fn name(&self) -> &str {
        if self.label.is_empty() {
            &self.noun
        } else {
            &self.label
        }
    }

    pub fn is_operand(&self) -> bool {
        self.role != Role::Other
    }
}

/// The change word just before `end`, over the cues that may stand
/// between it and its figure, and where that chain of cues starts.
fn change_before(text: &str, hits: &[CueHit], end: usize) -> (Option<Cue>, usize) {
    let mut at = end;
    let mut change = None;
    for h in hits.iter().rev() {
        let between = text.get(h.end..at).unwrap_or("x").trim();
        if !(between.is_empty() || between == "的") {
            break;
        }
        if h.cue.is_change() {
            // The change word nearest the figure says which way it goes:
            // `涨幅回落0.6个百分点` falls.
            change = change.or(Some(h.cue));
        } else if !matches!(
            h.cue,
            // `涨幅控制在3%左右`: a target's verb stands between.
            Cue::Base
                | Cue::Real
                | Cue::Nominal
                | Cue::Comparable
                | Cue::Copula
                | Cue::Target
                | Cue::PerYear
                | Cue::MultiYear
                | Cue::Of
        ) {
            break;
        }
        at = h.start;
    }
    (change, if change.is_some() { at } else { end })
}

/// Cues that end a label when read backwards from a figure. Others may
/// stand inside a label: 目标任务数, 累计确诊病例, 现有, 完成率. In English
/// the prepositions (`sales from continuing operations`) are cut later.
fn ends_label(cue: Cue, lang: Lang) -> bool {
    if lang == Lang::En
        && matches!(
            cue,
            Cue::From | Cue::To | Cue::Versus | Cue::Subset | Cue::Remainder
        )
    {
        return false;
    }
    !matches!(
        cue,
        Cue::Scope
            | Cue::Mask
            | Cue::Copula
            | Cue::Total
            | Cue::Target
            | Cue::Prior
            | Cue::Real
            | Cue::Nominal
            | Cue::Comparable
            | Cue::Remainder
            | Cue::Dropout
            | Cue::Leaving
            | Cue::PerYear
            | Cue::MultiYear
            | Cue::Interval
            | Cue::ShareNoun
            | Cue::Partial
            | Cue::Of
            | Cue::Higher
            | Cue::Lower
    )
}

/// Is this byte the start of a figure's bracket, or punctuation that
/// ends a label?
fn label_stop(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '、'
            | '('
            | '（'
            | '—'
            | '\n'
            | '|'
            | '!'
            | '?'
            | '！'
            | '？'
    )
}

/// Trailing words that link a label to its figure without being part of
/// either: currency signs and spaces.
fn trim_link(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '$' | '€' | '£' | '¥' | '￥' | '=' | '＝' | '(' | '（')
    })
    .trim_end_matches("US")
    .trim_end_matches("RMB")
    .trim_end()
}

/// Reads the run of label words that ends at `end`: back to the nearest
/// cue or stop, without date figures. Returns (start, raw words).
/// `管理费用率（含研发费用率）为8.60%`: a note on what a name includes is no
/// part of the name. Where the text before a figure ends once such a note
/// is dropped.
fn without_inclusion_note(before: &str) -> usize {
    const NOTES: &[&str] = &["含", "包含", "包括", "不含", "剔除", "扣除"];
    let trimmed = before.trim_end();
    let Some(inside) = trimmed.strip_suffix(['）', ')']) else {
        return before.len();
    };
    let Some(open) = inside.rfind(['（', '(']) else {
        return before.len();
    };
    let note = &inside[open..];
    let note = note
        .strip_prefix('（')
        .or_else(|| note.strip_prefix('('))
        .unwrap_or(note);
    if NOTES.iter().any(|n| note.starts_with(n)) && !note.contains([')', '）']) {
        open
    } else {
        before.len()
    }
}

fn run_before(
    doc: &Document,
    lang: Lang,
    start_limit: usize,
    end: usize,
    hits: &[CueHit],
) -> (usize, String) {
    let folded = &doc.folded;
    let end = without_inclusion_note(&folded[..end.max(start_limit)]).max(start_limit);
    // A reporting verb after a total adverb is part of the name:
    // `累计报告确诊病例` (the cumulative count) is not `确诊病例`.
    let counted = |h: &CueHit| {
        h.cue == Cue::Report && hits.iter().any(|g| g.end == h.start && g.cue == Cue::Total)
    };
    let mut start = hits
        .iter()
        .rev()
        .find(|h| h.end <= end && ends_label(h.cue, lang) && !counted(h))
        .map_or(start_limit, |h| h.end.max(start_limit));
    // The nearest stop inside the run; a closing bracket keeps its
    // opening one (`生产总值(GDP)`).
    let mut depth = 0i32;
    for (i, c) in folded[start..end].char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            c if label_stop(c) => {
                start = start + i + c.len_utf8();
                break;
            }
            _ => {}
        }
    }
    let mut words = String::new();
    let mut at = start;
    // Dates are the period, not the label: `2020年全县生产总值` → 全县生产总值.
    for q in doc.figures_in(start, end) {
        if q.kind == Kind::Date || q.kind == Kind::Ordinal {
            words.push_str(&folded[at.min(q.start)..q.start]);
            let mut after = &folded[q.unit_end.max(q.end).min(end)..end];
            // `22Q1/Q2/Q3`, `2020Q1-Q4`, `1H20`: a quarter's or a half's
            // name glued to the year.
            let glued = &folded[q.end.min(end)..end];
            if glued.starts_with(['Q', 'H', 'q', 'h']) {
                after = glued.trim_start_matches(|c: char| {
                    c.is_ascii_alphanumeric() || c == '/' || c == '-'
                });
            }
            // The date's own words: 6月份, 2021年末, 第1剂.
            let rest = after.trim_start_matches([
                '年', '月', '日', '号', '份', '末', '底', '初', '时', '剂', '季', '度',
            ]);
            at = end - rest.len();
        }
    }
    words.push_str(&folded[at.min(end)..end]);
    let words = words.trim_matches(|c: char| c.is_whitespace() || "·•*-–".contains(c));
    let mut label = strip_lead(doc, start, words).to_owned();
    // `第一产业实现增加值` names what `第一产业增加值` does: a verb of two
    // characters or more between two words is no part of the name.
    if lang == Lang::Zh {
        for h in hits
            .iter()
            .filter(|h| h.cue == Cue::Copula && h.start >= start && h.end <= end)
        {
            let verb = &folded[h.start..h.end];
            if verb.chars().count() < 2 {
                continue;
            }
            if let Some(k) = label.find(verb) {
                let (before, after) = (&label[..k], &label[k + verb.len()..]);
                // (A verb that opens the words after a date is no part
                // either: `2020年实现收入`.)
                if (before.is_empty() || before.chars().count() >= 2) && after.chars().count() >= 2
                {
                    label = format!("{before}{after}");
                }
            }
        }
    }
    (start, label)
}

/// The lists of goals of the text: from a colon whose head names a
/// target to the end of the sentence, a few hundred bytes at most
/// (`今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右；…`).
/// Read from the target words, which are few, not from every colon.
fn target_lists(doc: &Document) -> Vec<(usize, usize)> {
    // (A list of goals runs a few hundred bytes at most.)
    const REACH: usize = 600;
    let text = &doc.folded;
    let mut lists: Vec<(usize, usize)> = doc
        .cues
        .iter()
        .filter(|h| h.cue == Cue::Target)
        .filter_map(|h| {
            // The head runs on to its colon, no clause or sentence between.
            let rest = &text[h.end..];
            let stop = rest.find(['：', ':', '。', '；', '！', '？', '\n'])?;
            if !rest[stop..].starts_with(['：', ':']) {
                return None;
            }
            let colon = h.end + stop;
            let limit = text.floor_char_boundary((colon + REACH).min(text.len()));
            let end = text[colon..limit]
                .find(['。', '！', '？'])
                .map_or(limit, |k| colon + k);
            let paragraph_end = doc.segment_end(Level::Paragraph, colon);
            Some((colon, end.min(paragraph_end)))
        })
        .collect();
    lists.sort_unstable();
    lists
}

/// Does byte `at` stand in one of the lists of goals?
fn in_list(lists: &[(usize, usize)], at: usize) -> bool {
    let k = lists.partition_point(|l| l.0 < at);
    lists[..k].iter().rev().take(4).any(|l| at < l.1)
}

/// Drops the words a label starts with that are not part of it: scope
/// (全县), 其中, a verb (实现, 完成), and a total adverb before a verb
/// (累计完成). A verb stays when what is left would be one character
/// (完成率).
fn strip_lead<'a>(doc: &Document, start: usize, words: &'a str) -> &'a str {
    let offset = start + (doc.folded[start..].len() - doc.folded[start..].trim_start().len());
    let hits = doc.cues_in(offset, offset + words.len());
    let mut rest = words;
    let mut at = offset;
    for (k, h) in hits.iter().enumerate() {
        if h.start != at {
            break;
        }
        let next_is_verb = hits
            .get(k + 1)
            .is_some_and(|n| n.start == h.end && n.cue == Cue::Copula);
        let strip = match h.cue {
            Cue::Scope | Cue::Subset => true,
            Cue::Copula => true,
            // 共有 is a verb itself: `全国共有幼儿园29.48万所`.
            Cue::Total => next_is_verb || doc.folded[h.start..h.end].ends_with('有'),
            _ => false,
        };
        let remaining = &rest[h.end - at..];
        let trimmed =
            remaining.trim_start_matches(|c: char| c.is_whitespace() || "，,：:、".contains(c));
        if !strip || trimmed.chars().count() < 2 {
            break;
        }
        at = h.end + (remaining.len() - trimmed.len());
        rest = trimmed;
    }
    rest
}

/// Words that open a qualifier set off after a noun phrase (`…, excluding
/// one-time costs, was`).
const QUALIFIERS: &[&str] = &[
    "excluding ",
    "including ",
    "net of ",
    "adjusted for ",
    "exclusive of ",
    "inclusive of ",
];

/// Bytes before a label run read for a qualifier's first word and comma.
const QUALIFIER_REACH: usize = 64;
/// Bytes a qualifier clause set off by commas may span.
const QUALIFIER_CLAUSE: usize = 240;

/// The noun phrase before the comma that opens a qualifier, when the
/// figure's label words (`raw`, from `window_start`) are that qualifier:
/// at most five words, after the figure before (`prev_end`).
fn qualified_noun(doc: &Document, raw: &str, start: usize, prev_end: usize) -> Option<String> {
    let text = &doc.folded;
    // (Compared by bytes without case: no lowercase copy per figure.)
    let opens = |words: &str| {
        let w = words.trim_start().as_bytes();
        QUALIFIERS
            .iter()
            .any(|q| w.len() >= q.len() && w[..q.len()].eq_ignore_ascii_case(q.as_bytes()))
    };
    // (The words right before the label run only: a qualifier is short.)
    let from = text.floor_char_boundary(start.saturating_sub(QUALIFIER_REACH));
    let before = text[from..start].trim_end();
    let ends_with = |q: &str| {
        let (b, q) = (before.as_bytes(), q.trim_end().as_bytes());
        b.len() >= q.len() && b[b.len() - q.len()..].eq_ignore_ascii_case(q)
    };
    let comma_at = if opens(raw) {
        // `X, excluding Y was`: the label run is the qualifier.
        from + before.strip_suffix(',')?.len()
    } else if let Some(q) = QUALIFIERS.iter().find(|q| ends_with(q)) {
        // `X, excluding` + `Y was`: its first word ended the run.
        from + before[..before.len() - q.trim_end().len()]
            .trim_end()
            .strip_suffix(',')?
            .len()
    } else if raw.trim().is_empty() {
        // `X, excluding Y, was`: the qualifier is the clause before, at
        // most a line's length back.
        let close = from + before.strip_suffix(',')?.len();
        let floor = prev_end.max(text.floor_char_boundary(close.saturating_sub(QUALIFIER_CLAUSE)));
        let open = text[floor.min(close)..close].rfind(',')? + floor.min(close);
        if !opens(&text[open + 1..close]) {
            return None;
        }
        open
    } else {
        return None;
    };
    if prev_end > comma_at {
        return None;
    }
    let from = doc
        .segment_start(Level::Clause, comma_at.saturating_sub(1))
        .max(prev_end);
    let (_, words) = run_before(doc, Lang::En, from, comma_at, doc.cues_in(from, comma_at));
    let words = english_label(&words);
    (!words.is_empty() && words.split(' ').count() <= 5).then(|| words.to_owned())
}

/// An English label is the noun phrase before its figure: the part after
/// the last verb-like cue, before a preposition that starts a period or a
/// place (`net sales for the fourth quarter` → net sales).
fn english_label(words: &str) -> &str {
    // Words at either end of a noun phrase that are not part of it:
    // articles, prepositions, auxiliaries, `there` of `there were`, and
    // the participles that open a consequence (`meaning homicides are…`).
    const EDGE: &[&str] = &[
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "on",
        "at",
        "for",
        "to",
        "by",
        "with",
        "that",
        "which",
        "who",
        "were",
        "was",
        "is",
        "are",
        "its",
        "their",
        "this",
        "these",
        "those",
        "there",
        "there's",
        "there’s",
        "here",
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "also",
        "only",
        "meaning",
        "resulting",
        "representing",
        "indicating",
        "bringing",
        "making",
        "leaving",
        // `when compared with March 2016 to reach`: a clause's opener.
        "when",
        "while",
        // `were valued at`: the participle of a copula.
        "valued",
        "estimated",
        // Verbs that only state a figure: `net sales totalled`, `equal to`.
        "totalled",
        "totaled",
        "totalling",
        "totaling",
        "numbered",
        "amounted",
        "stood",
        "reached",
        "equal",
        "equalling",
        "equaling",
    ];
    // Cut at the first preposition with a word on either side (one pass
    // over the spaces, no search per preposition).
    const PREPOSITIONS: &[&str] = &[
        "for", "in", "during", "at", "on", "since", "through", "over", "by", "from", "to",
        "between",
    ];
    // `This resulted in gross profit as a percent of sales`: the noun
    // phrase is the object of `resulted in`.
    // (Compared by bytes: most labels hold no `result`, and no search is
    // built for them.)
    let bytes = words.as_bytes();
    let resulted_in = (0..bytes.len().saturating_sub(9)).find_map(|k| {
        if !bytes[k..k + 6].eq_ignore_ascii_case(b"result") {
            return None;
        }
        ["resulted in ", "resulting in ", "results in "]
            .iter()
            .find(|v| {
                bytes
                    .get(k..k + v.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(v.as_bytes()))
            })
            .map(|v| k + v.len())
    });
    let words = resulted_in.map_or(words, |k| &words[k..]);
    let bytes = words.as_bytes();
    let mut cut = words.len();
    for (k, _) in words.match_indices(' ') {
        let rest = &bytes[k + 1..];
        let len = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
        if len == rest.len() {
            break;
        }
        let word = &rest[..len];
        // `as of` is one: ` of ` after `as`.
        let as_of = word.eq_ignore_ascii_case(b"as")
            && rest.len() >= len + 4
            && rest[len + 1..len + 3].eq_ignore_ascii_case(b"of")
            && rest[len + 3] == b' ';
        let preposition = as_of
            || PREPOSITIONS
                .iter()
                .any(|p| p.as_bytes().eq_ignore_ascii_case(word));
        if preposition {
            // `exports to China`, `unemployment in Spain`: a place or a
            // partner named after the noun is part of what is measured.
            cut = match entity_after(word, &words[k + 1 + len..]) {
                Some(n) => k + 1 + len + n,
                None => k,
            };
            break;
        }
    }
    let mut label = words[..cut].trim();
    // `The responses suggest that the overall homicide count`: the noun
    // phrase is the clause after `that`.
    if let Some(k) = after_last_word(label, &["that"]) {
        label = label[k..].trim();
    }
    // `the bureau says employment`, `the ABS reported the number of
    // people employed`: what is reported follows the reporting verb.
    if let Some(k) = after_last_word(label, &["says", "said"]).or_else(|| {
        after_last_word(
            label,
            &["reported", "reports", "announced", "showed", "shows"],
        )
        .filter(|&k| label[k..].starts_with("the "))
    }) {
        label = label[k..].trim();
    }
    // (Compared without case, and by length first: most words are no
    // edge word.)
    let is_edge = |word: &str| {
        EDGE.iter()
            .any(|e| e.len() == word.len() && e.eq_ignore_ascii_case(word))
    };
    loop {
        let first = label.split(' ').next().unwrap_or("");
        let last = label.rsplit(' ').next().unwrap_or("");
        if is_edge(first) && !label.is_empty() {
            label = label[first.len()..].trim_start();
        } else if is_edge(last) && !label.is_empty() {
            label = label[..label.len() - last.len()].trim_end();
        } else {
            break;
        }
    }
    label
}

/// The length of the proper name that `rest` opens after the preposition
/// `word` (`to China`, `in the United States`, `from New Zealand`): words
/// with a capital, joined by `of` or `and`, none of them a month or a word
/// of the calendar. None when the preposition opens no such name.
fn entity_after(word: &[u8], rest: &str) -> Option<usize> {
    const PLACE_PREPOSITIONS: &[&str] = &["in", "to", "from"];
    const NOT_NAMES: &[&str] = &[
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "fy",
        "fiscal",
        "quarter",
        "year",
        "first",
        "second",
        "third",
        "fourth",
        "table",
        "tables",
        "figure",
        "fig",
        "appendix",
        "section",
        "chart",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if !PLACE_PREPOSITIONS
        .iter()
        .any(|p| p.as_bytes().eq_ignore_ascii_case(word))
    {
        return None;
    }
    let mut end = None;
    let mut at = 0;
    let mut first = true;
    for w in rest.split(' ') {
        let next = at + w.len() + 1;
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        if first && bare.is_empty() {
            at = next;
            continue;
        }
        if first && bare.eq_ignore_ascii_case("the") {
            first = false;
            at = next;
            continue;
        }
        first = false;
        let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(bare));
        let capital = bare.starts_with(|c: char| c.is_ascii_uppercase());
        if capital && !is(NOT_NAMES) && !is(crate::doc::period::MONTH_NAMES) {
            end = Some(at + bare.len());
            if bare.len() != w.len() {
                break;
            }
        } else if end.is_none() || !is(&["of", "and"]) {
            break;
        }
        at = next;
    }
    end
}

/// Do the words before a figure end with a preposition (and perhaps
/// `the`): `in 61`, `among the 540`?
fn after_preposition(before: &str) -> bool {
    let mut words = before
        .trim_end()
        .rsplit(' ')
        .map(|w| w.trim_start_matches(['(', '"', '“']));
    let mut last = words.next().unwrap_or("");
    if last.eq_ignore_ascii_case("the") {
        last = words.next().unwrap_or("");
    }
    // Not `of`: `a total of 6,214 (48.6%)` is named as its whole is.
    ["in", "across", "among", "from"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(last))
}

/// Where the words after the last of `words` start in `text` (compared
/// without case), when that word has a space on either side: one pass
/// over the spaces instead of a search per word.
fn after_last_word(text: &str, words: &[&str]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut found = None;
    for (k, _) in text.match_indices(' ') {
        let rest = &bytes[k + 1..];
        let Some(len) = rest.iter().position(|&b| b == b' ') else {
            break;
        };
        if words
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(&rest[..len]))
        {
            found = Some(k + 1 + len + 1);
        }
    }
    found
}

/// The noun an English count counts: its unit word, or the word after
/// it when that is a proper adjective (`61 American cities`, `61 US
/// Cities`).
fn english_noun(text: &str, q: &crate::lex::Quantity) -> String {
    let unit = q.unit.to_ascii_lowercase();
    let written = text.get(q.end..q.unit_end).unwrap_or("").trim();
    if !written.starts_with(|c: char| c.is_ascii_uppercase()) {
        return unit;
    }
    let next = text
        .get(q.unit_end..)
        .unwrap_or("")
        .trim_start_matches(' ')
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    const NOT_NOUNS: &[&str] = &[
        "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with", "the", "a", "an",
        "is", "are", "was", "were", "has", "have", "had", "says", "said",
    ];
    let lower = next.to_ascii_lowercase();
    if next.len() >= 3 && !NOT_NOUNS.contains(&lower.as_str()) {
        lower
    } else {
        unit
    }
}

/// Does a date among the few figures before figure `i` end at byte `at`
/// (the day of `March 31, 2019` before its comma)?
fn date_ends_at(qs: &[crate::lex::Quantity], i: usize, at: usize) -> bool {
    qs[..i]
        .iter()
        .rev()
        .take(4)
        .any(|d| d.kind == Kind::Date && d.end.max(d.unit_end) == at)
}

/// `Net sales for the fiscal year ended March 31, 2019 were $1.8
/// billion`: the comma inside a date (`March 31, 2019`) ends no clause;
/// the clause of figure `i` that starts at the year starts before the
/// date's day.
fn date_clause_start(doc: &Document, i: usize, start: usize) -> usize {
    let qs = &doc.figures;
    let Some(comma) = doc.folded[..start].strip_suffix(',') else {
        return start;
    };
    let comma_at = comma.len();
    let year = qs[..i].iter().rev().take(4).any(|d| {
        d.kind == Kind::Date && d.start >= start && doc.folded[start..d.start].trim().is_empty()
    });
    if year && comma_at > 0 && date_ends_at(qs, i, comma_at) {
        doc.segment_start(Level::Clause, comma_at - 1)
    } else {
        start
    }
}

pub fn build(doc: &Document, lexicon: &Lexicon) -> Vec<Mention> {
    let qs = &doc.figures;
    let text = &doc.folded;
    let mut mentions: Vec<Mention> = Vec::with_capacity(qs.len());
    let brackets = bracket_depths(doc);
    let period_words = period::PeriodWords::new(text);
    let goal_lists = target_lists(doc);
    let sentence_ends = full_sentence_ends(text);
    for (i, q) in qs.iter().enumerate() {
        let clause_start = date_clause_start(doc, i, doc.segment_start(Level::Clause, q.start));
        let clause_end = doc.segment_end(Level::Clause, q.end);
        // Back to the previous operand in the clause; dates and ordinals
        // are words of the label or the period.
        let prev_operand = qs[..i]
            .iter()
            .rposition(|p| p.kind != Kind::Date && p.kind != Kind::Ordinal);
        let prev_end = prev_operand.map_or(0, |j| qs[j].unit_end.max(qs[j].end));
        let window_start = clause_start
            .max(prev_end.min(q.start))
            .max(text.floor_char_boundary(q.start.saturating_sub(WINDOW)));
        let window_start = text.ceil_char_boundary(window_start);
        let next_start = qs
            .get(i + 1)
            .map_or(text.len(), |n| n.start)
            .max(q.unit_end);
        let window_end = text.floor_char_boundary(
            clause_end
                .min(next_start)
                .max(q.unit_end)
                .min(q.unit_end + WINDOW),
        );
        let hits_before = doc.cues_in(window_start, q.start);
        let hits_after = doc.cues_in(q.unit_end, window_end);
        let mut before = CueSet::default();
        for h in hits_before {
            before.insert(h.cue);
        }
        let mut after = CueSet::default();
        for h in hits_after {
            after.insert(h.cue);
        }
        let sentence_start = doc.segment_start(Level::Sentence, q.start);
        let lang = language(
            text,
            sentence_start.max(q.start.saturating_sub(60)),
            window_end,
        );

        // The words just before the figure, links stripped: 为, 达到,
        // `was`, `of $`.
        let mut end = q.start;
        let mut hits: Vec<CueHit> = hits_before.to_vec();
        // `increased to $501.6 million`, `达到690吨`: a level reached; the
        // verb before `to` is no change of this figure.
        let mut reached = false;
        let mut lead = CueSet::default();
        // `出口增长9.8%至462亿美元`, `期铜跌1.27%报8612美元/吨`: a bare 至
        // (or a quote's 报) right after a change opens the level the
        // change reached. Only there: elsewhere 至 opens a
        // range (`3至5人`) or a date's end.
        let after_change = prev_operand.is_some_and(|j| {
            matches!(mentions[j].role, Role::Change { .. })
                && qs[j].kind != q.kind
                && matches!(
                    text[window_start..q.start].trim_matches([' ', '，', ',']),
                    "至" | "报" | "收报"
                )
        });
        if after_change {
            lead.insert(Cue::To);
            reached = true;
            end = window_start;
        }
        loop {
            let trimmed = trim_link(&text[window_start..end]);
            end = window_start + trimmed.len();
            // `由2018年的1.96万亿元`: a date and 的 stand between 由 and its
            // figure.
            let date_end = |d: &crate::lex::Quantity| {
                let after = &text[d.end.max(d.unit_end).min(end)..end];
                let rest = after.trim_start_matches(['年', '月', '日', '份', '末', '底', '的']);
                rest.trim().is_empty()
            };
            if let Some(d) = qs[..i]
                .iter()
                .rev()
                .take_while(|d| d.start >= window_start)
                .find(|d| d.kind == Kind::Date && d.start < end && date_end(d))
            {
                // `April 2019 (`: the month's name goes with its year.
                let before = text[window_start..d.start].trim_end();
                let month = period::MONTH_NAMES.iter().find(|m| {
                    before.len() >= m.len()
                        && before
                            .get(before.len() - m.len()..)
                            .is_some_and(|tail| tail.eq_ignore_ascii_case(m))
                });
                end = window_start + before.len() - month.map_or(0, |m| m.len());
                continue;
            }
            if text[window_start..end].ends_with('的') {
                end -= '的'.len_utf8();
                continue;
            }
            // `ended March 31, 2019 were`: the comma of a date is no
            // stop of the label.
            let date_comma = text[window_start..end].ends_with(',') && date_ends_at(qs, i, end - 1);
            if date_comma {
                end -= 1;
                continue;
            }
            match hits.last() {
                Some(h) if h.end == end && matches!(h.cue, Cue::Copula | Cue::Of) => {
                    lead.insert(h.cue);
                    end = h.start;
                    hits.pop();
                }
                // `管理费用率分别为7.72%`: 分别 before one value pairs nothing;
                // the value's name stands before it.
                Some(h) if h.end == end && h.cue == Cue::Respectively && alone(text, q) => {
                    end = h.start;
                    hits.pop();
                }
                Some(h) if h.end == end && h.cue == Cue::To => {
                    lead.insert(h.cue);
                    reached = true;
                    end = h.start;
                    hits.pop();
                }
                // `研发经费由1288亿元`, `compared to $725.8 million`: the label
                // stands before 由 and the comparison.
                // Nothing before these links to the figure: in `from 1996
                // to 2011 (from 11.7`, the `to` is the date's.
                Some(h) if h.end == end && matches!(h.cue, Cue::From | Cue::Versus) => {
                    lead.insert(h.cue);
                    end = h.start;
                    hits.pop();
                    break;
                }
                Some(h)
                    if reached
                        && h.end == end
                        && (h.cue.is_change() || matches!(h.cue, Cue::Base)) =>
                {
                    lead.insert(h.cue);
                    end = h.start;
                    hits.pop();
                }
                _ => break,
            }
        }
        let last_cue = hits.last().filter(|h| h.end == end).map(|h| h.cue);
        let mut role = Role::Level;
        let mut whole = None;
        let mut label_end = end;
        // Back from the figure over the words that stand between a change
        // and its figure (比上年, 同比, 名义, in real terms): a change word
        // there makes the figure a change.
        // `a 10% increase from 186 883`: the change word belongs to the
        // figure before; this one is the base it is measured from.
        let (change, chain_start) =
            if lead.has(Cue::From) || lead.has(Cue::Versus) || lead.has(Cue::To) {
                (None, end)
            } else {
                change_before(text, &hits, end)
            };
        match last_cue {
            _ if change.is_some() => {
                let c = change.unwrap_or(Cue::Up);
                role = Role::Change {
                    down: matches!(c, Cue::Down | Cue::FallNoun),
                    versus: false,
                };
                label_end = chain_start;
            }
            // `同比+8.54%`, `环比-3.2%`: a signed figure right after its base
            // is a change; its sign is in its value.
            Some(Cue::Base) if text[q.start..].starts_with(['+', '-', '−']) => {
                role = Role::Change {
                    down: false,
                    versus: false,
                };
                label_end = hits.last().map_or(end, |h| h.start);
            }
            Some(c @ (Cue::Higher | Cue::Lower)) => {
                role = Role::Change {
                    down: c == Cue::Lower,
                    versus: true,
                };
                label_end = hits.last().map_or(end, |h| h.start);
            }
            Some(Cue::ShareNoun) => {
                role = Role::Share;
                label_end = hits.last().map_or(end, |h| h.start);
            }
            Some(Cue::Share) => {
                role = Role::Share;
                label_end = hits.last().map_or(end, |h| h.start);
            }
            _ => {}
        }
        let mut label_hits: Vec<CueHit> = hits
            .iter()
            .copied()
            .filter(|h| h.end <= label_end)
            .collect();
        // 占<生产总值>的比重: the run after 占 names the whole.
        label_end = window_start + text[window_start..label_end].trim_end_matches('的').len();
        let (mut label_start, mut raw) =
            run_before(doc, lang, window_start, label_end, &label_hits);
        if role == Role::Share || last_cue.is_none() {
            // `占全国幼儿园的比例`: scope words may stand between 占 and the
            // whole's name.
            let scopes = label_hits
                .iter()
                .rev()
                .take_while(|h| h.cue == Cue::Scope)
                .count();
            let share_before = label_hits
                .get(label_hits.len().wrapping_sub(scopes + 1))
                .filter(|h| {
                    h.cue == Cue::Share
                        && (scopes > 0
                            || text[h.end..label_start.max(h.end)]
                                .chars()
                                .all(char::is_whitespace))
                });
            if let Some(h) = share_before.copied() {
                role = Role::Share;
                if !raw.is_empty() {
                    whole = Some(lexicon.normalizer.normalize(&raw));
                }
                label_hits.truncate(label_hits.len() - scopes - 1);
                let (s, r) = run_before(doc, lang, window_start, h.start, &label_hits);
                label_start = s;
                raw = r;
            }
        }
        let mut label_text = raw.clone();
        if lang == Lang::En {
            // `the trade balance was a surplus of $332 million`: what the
            // figure is, after the verb.
            let after_verb = after_last_word(&label_text, &["was", "were", "is", "are"]);
            if let Some(k) = after_verb {
                let rest = english_label(&label_text[k..]);
                if !rest.is_empty() {
                    label_text = rest.to_owned();
                }
            }
            label_text = english_label(&label_text).to_owned();
            // `Adjusted earnings per share, excluding one-time costs …, was
            // $0.39`: a qualifier set off by a comma after the noun phrase
            // leaves the figure that phrase's.
            if let Some(words) = qualified_noun(doc, &raw, label_start, prev_end) {
                label_text = words;
            }
        }
        // `Real median household income declined from its peak of
        // $57,843`: an end of a change is named by what changed, before the
        // verb, not by the words after `from`.
        let from_words = label_text.to_ascii_lowercase().starts_with("from ");
        if lang == Lang::En
            && (lead.has(Cue::From) || lead.has(Cue::Versus) || lead.has(Cue::To) || from_words)
            && (label_text.is_empty()
                || label_text.to_ascii_lowercase().starts_with("from ")
                || label_text.to_ascii_lowercase().starts_with("its "))
        {
            if let Some(verb) = hits.iter().rev().find(|h| h.cue.is_change()) {
                let (_, words) = run_before(doc, lang, window_start, verb.start, &hits);
                let words = english_label(&words);
                if !words.is_empty() {
                    label_text = words.to_owned();
                }
            }
        }
        // `part-time employment, up 19,600 to 3,126,400`: a change set off
        // by a comma right after the noun phrase it changes; `the
        // unemployment rate, 3.9 percent, declined`: a value in apposition.
        // (A count with its own noun, `5.6 million men,`, names itself.)
        let apposition = role == Role::Level
            && (q.kind == Kind::Percent || q.unit.is_empty())
            && text[q.unit_end.max(q.end)..].trim_start().starts_with(',');
        if lang == Lang::En
            && label_text.is_empty()
            && (matches!(role, Role::Change { .. }) || apposition)
        {
            let before = text[..window_start].trim_end();
            let comma = before.strip_suffix(',').filter(|_| {
                window_start == clause_start
                    && text[window_start..chain_start].trim().is_empty()
                    && prev_end <= before.len()
            });
            if let Some(comma) = comma {
                let comma_at = comma.len();
                let from = doc
                    .segment_start(Level::Clause, comma_at.saturating_sub(1))
                    .max(prev_end.min(comma_at));
                let (_, words) = run_before(doc, lang, from, comma_at, doc.cues_in(from, comma_at));
                let words = english_label(&words);
                if words.split(' ').count() <= 5 {
                    label_text = words.to_owned();
                }
            }
        }
        let mut label = lexicon.normalizer.normalize(&label_text);
        if label.chars().all(|c| !c.is_alphanumeric()) {
            label.clear();
        }
        // `经济增长预期目标为5%左右`: a name and the change word after it may
        // together be an alias of what changed (经济增长 is the growth of
        // 生产总值).
        if lang == Lang::Zh && matches!(role, Role::Change { .. }) && !label_text.is_empty() {
            let after = &text[label_end.min(q.start)..q.start];
            let named = ["增长", "增速"].iter().find_map(|w| {
                after
                    .starts_with(w)
                    .then(|| lexicon.normalizer.whole_alias(&format!("{label_text}{w}")))
                    .flatten()
            });
            if let Some(name) = named {
                label = name.to_owned();
            }
        }
        // `毛利率为41.37%，去年同期为43.05%`: a value named only by an earlier
        // period is the earlier value of the level before it.
        if lang == Lang::Zh && role == Role::Level && !label.is_empty() && i > 0 {
            let only_prior = doc.only_prior_word(label_start, label_end, &label_text);
            let before = mentions
                .last()
                .filter(|p| p.role == Role::Level && qs[i - 1].sentence == q.sentence);
            if let (true, Some(p)) = (only_prior, before) {
                if !p.label.is_empty() && q.kind == qs[i - 1].kind {
                    label = p.label.clone();
                }
            }
        }
        // `$0.60 per diluted share`: earnings per share, on the basis its
        // sentence states (GAAP unless it says non-GAAP or adjusted), as
        // headlines name it (`GAAP EPS $0.60, non-GAAP EPS $0.72`).
        if lang == Lang::En && per_share(&text[q.unit_end.max(q.end)..]) {
            let sentence = doc.segment_start(Level::Sentence, q.start);
            let from = text.floor_char_boundary(sentence.max(window_start.saturating_sub(WINDOW)));
            let before = text[from.min(q.start)..q.start].to_ascii_lowercase();
            let adjusted = before.contains("non-gaap") || before.contains("adjusted");
            // (Named through the aliases, as the headline's `EPS` is.)
            label =
                lexicon
                    .normalizer
                    .normalize(if adjusted { "non-gaap eps" } else { "gaap eps" });
        }
        let noun = if lang == Lang::En {
            english_noun(text, q)
        } else {
            String::new()
        };
        // `in 61 American cities`, `among 540 respondents`: a count
        // after a preposition is named by what it counts, not by the words
        // before (`increased by double-digit percentages in`).
        if lang == Lang::En
            && q.kind == Kind::Number
            && !noun.is_empty()
            && after_preposition(&text[window_start.min(q.start)..q.start])
        {
            label.clear();
        }

        // English: `53.4% of sales`, `(65.0%) of these`: the whole after.
        if lang == Lang::En && matches!(q.kind, Kind::Percent) {
            let first_after = hits_after.first();
            let of_hit = first_after
                .filter(|h| {
                    h.cue == Cue::Of
                        && text[q.unit_end..h.start]
                            .trim()
                            .trim_start_matches(')')
                            .trim()
                            .is_empty()
                })
                .map(|h| h.end);
            // `41.2 percent of total generation`: the unit took the
            // `percent` of the cue `percent of`, which hides the `of`.
            let of_end = of_hit.or_else(|| {
                let after = &text[q.unit_end..window_end.max(q.unit_end)];
                let rest = after.trim_start();
                rest.strip_prefix("of ")
                    .map(|_| q.unit_end + (after.len() - rest.len()) + 2)
                    .filter(|_| text[q.start..q.unit_end].ends_with("cent"))
            });
            if let Some(of_end) = of_end {
                role = Role::Share;
                let mut stop = text[of_end..window_end]
                    .find([',', ';', '.', '(', ')'])
                    .map_or(window_end, |k| of_end + k);
                // `of total revenue of $6.0 billion`: the whole's name
                // ends where its figure starts.
                if let Some(next) = qs
                    .get(i + 1)
                    .filter(|n| n.start >= of_end && n.start <= stop)
                {
                    stop = text[..next.start]
                        .trim_end_matches(['$', '€', '£', '¥', ' '])
                        .trim_end_matches(" of")
                        .len()
                        .max(of_end);
                }
                // `of sales last year`: the period is not the whole's name.
                if let Some(p) = hits_after.iter().find(|p| {
                    p.start > of_end
                        && p.start < stop
                        && matches!(p.cue, Cue::Prior | Cue::Versus | Cue::Base)
                }) {
                    stop = p.start;
                }
                let words = english_label(text[of_end..stop].trim());
                let words = words
                    .trim_start_matches("all ")
                    .trim_start_matches("total ")
                    .trim();
                // `(31.6%) of 9,098 notified cases`: the whole is a
                // figure, read as one.
                let counted = words.starts_with(|c: char| c.is_ascii_digit());
                // `of the total loan portfolio, excluding PPP balances`: a
                // whole with something taken out is no printed total.
                let narrowed = doc
                    .cues_in(stop, (stop + 48).min(text.len()))
                    .first()
                    .is_some_and(|h| {
                        matches!(h.cue, Cue::Exclude | Cue::Comparable)
                            && text[stop..h.start]
                                .trim_matches(|c: char| c == ',' || c.is_whitespace())
                                .is_empty()
                    });
                if !words.is_empty() && !counted && !narrowed {
                    whole = Some(lexicon.normalizer.normalize(words));
                }
            }
        }

        // `a 70% decrease`, `representing a 22% reduction`: the change
        // word after.
        if matches!(role, Role::Level | Role::Share) && q.kind == Kind::Percent && lang == Lang::En
        {
            // `a 17.3% year-over-year increase`: the comparison may
            // stand between.
            let mut from = q.unit_end;
            let mut word = None;
            for h in hits_after {
                if h.start < from || !text[from..h.start].trim().is_empty() {
                    break;
                }
                if h.cue == Cue::Base {
                    from = h.end;
                    continue;
                }
                word = Some(h.cue);
                break;
            }
            if let Some(cue) = word.filter(|c| c.is_change()) {
                role = Role::Change {
                    down: matches!(cue, Cue::Down | Cue::FallNoun),
                    versus: false,
                };
                whole = None;
            }
        }
        // `up 4.1% (+$1.12 to $28.44)`: a plus sign makes a figure beside
        // a change its increment.
        if role == Role::Level && q.kind == Kind::Number {
            let before = text[window_start.min(q.start)..q.start]
                .trim_end_matches(['$', '€', '£', '¥', '￥', ' ']);
            let plus = before.ends_with('+') || text[q.start..q.end].starts_with('+');
            let after_change = i > 0
                && qs[i - 1].sentence == q.sentence
                && matches!(
                    mentions.last().map(|m: &Mention| m.role),
                    Some(Role::Change { .. })
                );
            if plus && after_change {
                role = Role::Change {
                    down: false,
                    versus: false,
                };
            }
        }
        // `17 cases per 1000 population`, 每万人: a rate's base, not an amount.
        let per = text[window_start..q.start].trim_end();
        let denominator =
            per.ends_with(" per") || per.ends_with("每") || per.eq_ignore_ascii_case("per");
        // 表1, 图2, Table 3, Figure 4: a reference number.
        // Item 7, Note 5, Section 3, page 12: a number that names a part
        // of the document.
        let lower_per = per.to_ascii_lowercase();
        let reference = [
            "表", "图", "附表", "附件", "table", "figure", "fig.", "item", "note", "section",
            "chapter", "part", "appendix", "exhibit", "schedule", "article", "page", "pages",
            // `at day 8`, `grade 9`, `type 2`, `phase 3`: a number that
            // names a time point or a class.
            "day", "week", "grade", "grades", "stage", "phase", "visit", "cycle", "wave", "type",
            "dose",
        ]
        .iter()
        .any(|w| {
            lower_per.ends_with(w)
                && (!w.is_ascii()
                    || lower_per.len() == w.len()
                    || !lower_per.as_bytes()[lower_per.len() - w.len() - 1].is_ascii_alphabetic())
        });
        // `12 months earlier`, `two years ago`: a time before, not an
        // amount.
        let span_ago = matches!(
            q.unit.as_str(),
            "months" | "month" | "years" | "year" | "weeks" | "week" | "days" | "quarters"
        ) && {
            let next = text[q.unit_end.min(text.len())..].trim_start();
            ["earlier", "ago", "before", "later", "prior", "previously"]
                .iter()
                .any(|w| next.starts_with(w))
        };
        // `95% CI`, `95%置信区间`: a confidence level, not a share.
        let confidence = q.kind == Kind::Percent && {
            let next = text[q.unit_end.min(text.len())..].trim_start();
            let opens = |w: &str| {
                next.get(..w.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(w))
            };
            opens("ci")
                || opens("confidence")
                || opens("credible")
                || next.starts_with("置信")
                || next.starts_with("可信区间")
        };
        // `≥2-dose coverage`, `a 5-year survival rate`: a number joined to
        // a noun by a hyphen qualifies the noun.
        let compound = lang == Lang::En && {
            let rest = &text[q.unit_end.max(q.end).min(text.len())..];
            rest.strip_prefix('-')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
        };
        let denominator = denominator || reference || span_ago || confidence || compound;
        if matches!(q.kind, Kind::Date | Kind::Ordinal) || q.in_range || denominator {
            role = Role::Other;
        }
        let depth = brackets[i];
        // `189人（35.5%）`, `10,641 (65.0%)`: a percentage alone in a
        // bracket right after a count is its share.
        let mut host = None;
        if depth > 0
            && matches!(q.kind, Kind::Percent)
            && (role == Role::Level || role == Role::Share && whole.is_none())
        {
            let opening = rate_named_in_bracket(&text[..q.start]);
            if opening.ends_with(['(', '（']) {
                let bracket_at =
                    opening.len() - opening.chars().next_back().map_or(0, char::len_utf8);
                host = qs[..i]
                    .iter()
                    .rposition(|p| p.kind == Kind::Number && !p.in_range)
                    .filter(|&j| {
                        let gap = &text[qs[j].unit_end.max(qs[j].end).min(bracket_at)..bracket_at];
                        gap.trim().is_empty()
                            || gap.trim().chars().count() <= 12
                                && !gap.contains(['，', ',', '。', ';', '；'])
                    });
                // `rose $446 million (11 percent)`: the rate of a change
                // in brackets after it is that change's rate, not a share.
                match host.map(|h| mentions[h].role) {
                    Some(Role::Change { down, .. }) => {
                        role = Role::Change {
                            down,
                            versus: false,
                        };
                        host = None;
                    }
                    Some(_) => role = Role::Share,
                    None => {}
                }
            }
        }
        // `increased by $2.3 billion or 10%`, `an increase of $64 million,
        // or 8.6%`: a percentage joined by `or` to a change is its rate;
        // `up 17.6% or 43.9 billion yuan`: an amount so joined to a rate is
        // its increment.
        let other_kind = match q.kind {
            Kind::Percent => Some(Kind::Number),
            Kind::Number => Some(Kind::Percent),
            _ => None,
        };
        if let (true, Some(other)) = (lang == Lang::En && role == Role::Level && i > 0, other_kind)
        {
            let prev = &qs[i - 1];
            let joined =
                prev.kind == other && prev.sentence == q.sentence && doc.joined_by_or(i - 1, i);
            match mentions.last().map(|m| m.role) {
                Some(Role::Change { down, .. }) if joined => {
                    role = Role::Change {
                        down,
                        versus: false,
                    };
                }
                // `135, or 25.0%, owned a car`, `(213 million or 93%)`: a
                // count's share, as if in brackets after it.
                Some(Role::Level) if joined && q.kind == Kind::Percent && host.is_none() => {
                    role = Role::Share;
                    host = Some(i - 1);
                }
                _ => {}
            }
        }

        // A period holds to the end of its full sentence: `7月份，城镇…；乡村…`.
        let period_text_start = full_sentence_start(doc, &sentence_ends, q.start);
        let in_stretch: Vec<&crate::lex::Quantity> = qs[..i]
            .iter()
            .rev()
            .take_while(|p| p.start >= period_text_start)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut period = period::read(
            &period_words,
            text,
            &text[period_text_start..q.start],
            &in_stretch,
            period_text_start,
        );
        // English states the period after its figure as often as before
        // (`35.2% of net sales in the fourth quarter of fiscal 2011`).
        if lang == Lang::En {
            // (`4.6 cases per 100,000 population in 2006`: a rate's
            // denominator stands between the figure and its year.)
            let per = |d: &crate::lex::Quantity| {
                let before = text[..d.start].trim_end();
                before.ends_with(" per") || before.ends_with("/")
            };
            let years: Vec<(usize, u16)> = qs[i + 1..]
                .iter()
                .take_while(|d| d.start < clause_end.min(q.unit_end + WINDOW))
                .take_while(|d| d.kind == Kind::Date || d.kind == Kind::Ordinal || per(d))
                .filter_map(|d| {
                    let y = d.value.to_u16().filter(|y| (1800..=2100).contains(y))?;
                    Some((d.start, y))
                })
                .take(2)
                .collect();
            // `increased 3.2 percent between 2015 and 2016`, `from 2015 to
            // 2016`: a change's span names its base year, then its own.
            let spans = matches!(role, Role::Change { .. }) && years.len() == 2 && {
                let opening = text[q.unit_end..years[0].0].trim_end();
                let joint = text[years[0].0..years[1].0].to_ascii_lowercase();
                (opening.ends_with("between") && joint.ends_with(" and "))
                    || (opening.ends_with("from") && joint.ends_with(" to "))
            };
            // `an increase of 3.2 percent from the 2015 median`: the year
            // after `from` is the base's.
            let from_base = matches!(role, Role::Change { .. })
                && years.first().is_some_and(|&(at, _)| {
                    let opening = text[q.unit_end..at].trim_end();
                    let opening = opening.strip_suffix(" the").unwrap_or(opening);
                    opening.ends_with(" from") || opening == "from"
                });
            if spans {
                period.year = Some(years[1].1);
                period.base_year = Some(years[0].1);
            } else if from_base {
                period.base_year = years.first().map(|&(_, y)| y);
            } else if let Some(&(_, y)) = years.first() {
                period.year = Some(y);
            }
            // `$152 million in the fourth quarter`: the part of the year
            // after the figure, before the next figure and any comparison
            // (`compared with the fourth quarter` names the base's), is
            // its own, over one the sentence named before (`fell 0.2% in
            // Q3, after a rise of 0.1% in the second quarter`).
            {
                let next = qs[i + 1..]
                    .iter()
                    .find(|d| d.kind != Kind::Date)
                    .map_or(text.len(), |d| d.start);
                let end = clause_end
                    .min(next)
                    .min(q.unit_end + WINDOW)
                    .max(q.unit_end);
                let end = doc
                    .cues_in(q.unit_end, end)
                    .iter()
                    .find(|h| matches!(h.cue, Cue::Versus | Cue::From | Cue::Prior | Cue::Base))
                    .map_or(end, |h| h.start);
                if let Some(part) = period_words.first_part(q.unit_end, end) {
                    period.part = Some(part);
                }
            }
        }
        let clause_before = doc.cues_in(clause_start, q.start);
        let own_words = doc.cues_in(window_start, q.start);
        // 上年同期448.2亿元, `B a year earlier`, and `at this time last
        // year, there were 20`: the earlier value of a comparison.
        let prior_before = doc
            .cues_in(period_text_start, q.start)
            .iter()
            .rev()
            .find(|h| h.cue == Cue::Prior)
            .is_some_and(|h| {
                !qs[..i]
                    .iter()
                    .rev()
                    .take_while(|p| p.start > h.end)
                    .any(|p| p.start < q.start)
            });
        // English: `…, for the same period of the prior year` after it,
        // before the sentence's next figure.
        let prior_after = lang == Lang::En && {
            let sentence_end = doc.segment_end(Level::Sentence, q.end);
            let next = qs[i + 1..]
                .iter()
                .find(|p| p.kind != Kind::Date)
                .map_or(sentence_end, |p| p.start.min(sentence_end));
            let hits = doc.cues_in(q.unit_end, next.max(q.unit_end));
            // `down 40 percent from last year`: the base of a change, not
            // its period.
            let base_of_change = |k: usize| {
                matches!(role, Role::Change { .. })
                    && hits[..k]
                        .iter()
                        .rev()
                        .take(1)
                        .any(|b| matches!(b.cue, Cue::From | Cue::Versus))
            };
            hits.iter()
                .enumerate()
                .any(|(k, h)| h.cue == Cue::Prior && !base_of_change(k))
        };
        period.prior = own_words.iter().any(|h| h.cue == Cue::Prior) || prior_before || prior_after;
        period.target =
            clause_before.iter().any(|h| h.cue == Cue::Target) || in_list(&goal_lists, q.start);
        // `比2019年6月份增长10.0%`: the year after 比 is the base of the
        // change, not its period.
        if matches!(role, Role::Change { .. }) {
            let base = own_words
                .iter()
                .filter(|h| h.cue == Cue::Versus)
                .find_map(|h| {
                    qs[..i].iter().rev().take(4).find(|d| {
                        d.kind == Kind::Date
                            && d.start >= h.end
                            && d.start <= h.end + 4
                            && d.value >= rust_decimal::Decimal::from(1800)
                    })
                })
                .and_then(|d| d.value.to_u16());
            if let Some(y) = base {
                period.base_year = Some(y);
                if period.year == Some(y) {
                    period.year = None;
                }
            }
        }

        mentions.push(Mention {
            lang,
            role,
            label,
            label_span: (label_start, label_end.max(label_start)),
            noun,
            whole,
            subject: None,
            before,
            after,
            window: (window_start, window_end),
            lead,
            adjusted: doc.has_cue(period_text_start, q.start, Cue::Comparable),
            period,
            host,
            depth,
            in_table: false,
        });
    }
    conjoin(doc, &mut mentions);
    link_subjects(doc, &mut mentions);
    mentions
}

/// A change or a share qualifies the nearest level before it in its
/// sentence (`全县生产总值为23.16亿元，同比下降29%`); a level without a label
/// of its own takes the name of the nearest one before it that has one
/// (`net sales increased 29% to $939.7 million`).
/// Does no other value follow figure `q` in a run (`7.72%，同比…`, not
/// `7.72%、8.10%` or `1.4%和上升4.2%`)?
fn alone(text: &str, q: &crate::lex::Quantity) -> bool {
    let after = text[q.unit_end.max(q.end)..].trim_start();
    let Some(sep) = after.chars().next() else {
        return true;
    };
    if !['、', '/', '和', '与', '及', '，', ',', '；'].contains(&sep) {
        return true;
    }
    // A value within a few characters after the mark continues the run.
    !after[sep.len_utf8()..]
        .chars()
        .take(4)
        .any(|c| c.is_ascii_digit())
}

/// `分别增长12.6%和3.9%`, `decreased 9.66% and 13.14%`: a value joined to
/// a change by a conjunction alone is a change too, of the same sense.
fn conjoin(doc: &Document, mentions: &mut [Mention]) {
    let qs = &doc.figures;
    for i in 1..mentions.len() {
        let j = i - 1;
        if mentions[i].role != Role::Level
            || !matches!(mentions[j].role, Role::Change { .. })
            || qs[i].kind != qs[j].kind
            || qs[i].clause.abs_diff(qs[j].clause) > 1
        {
            continue;
        }
        let between = doc
            .folded
            .get(qs[j].unit_end.max(qs[j].end)..qs[i].start)
            .unwrap_or("")
            .trim();
        if matches!(
            between,
            "和" | "与" | "及" | "、" | "," | "，" | "and" | "or" | ", and"
        ) {
            mentions[i].role = mentions[j].role;
            mentions[i].label.clear();
        }
    }
}

/// The words between figures `j` and `i` after the semicolon that opens
/// them, if one does (`111813亿元；同比增长`).
fn after_semicolon(doc: &Document, j: usize, i: usize) -> Option<&str> {
    let qs = &doc.figures;
    doc.folded
        .get(qs[j].unit_end..qs[i].start)?
        .trim_start()
        .strip_prefix(['；', ';'])
}

fn link_subjects(doc: &Document, mentions: &mut [Mention]) {
    let qs = &doc.figures;
    for i in 0..mentions.len() {
        if mentions[i].role == Role::Other {
            continue;
        }
        if let Some(h) = mentions[i].host {
            mentions[i].subject = Some(h);
            continue;
        }
        let level = mentions[i].role == Role::Level;
        if level && !mentions[i].name().is_empty() {
            continue;
        }
        let subject = (0..i).rev().take(8).find(|&j| {
            let mj = &mentions[j];
            qs[j].sentence == qs[i].sentence
                && mj.depth <= mentions[i].depth
                && if level {
                    mj.role != Role::Other && !mj.name().is_empty()
                } else {
                    // A change in points is of a rate (`出生率8.66‰，下降1.84个
                    // 千分点`); any other change of an amount.
                    let of_kind = if qs[i].kind == Kind::Points {
                        matches!(qs[j].kind, Kind::Percent | Kind::Permille)
                    } else {
                        qs[j].kind == Kind::Number
                    };
                    mj.role == Role::Level && of_kind && qs[j].is_operand()
                }
        });
        // `98240亿元；同比增长9.6%`: a change right after a semicolon,
        // with no words of its own, still qualifies the level before it.
        let across_semicolon = || {
            let j = i.checked_sub(1)?;
            let rest = after_semicolon(doc, j, i)?;
            let bare = mentions[i].label.is_empty() && rest.chars().count() <= 8;
            (bare
                && !level
                && mentions[j].role == Role::Level
                && qs[j].kind == Kind::Number
                && qs[j].is_operand())
            .then_some(j)
        };
        // `总额增长12.1% 比2019年6月份增长10.0%`: a second change of the
        // same quantity, with no level of its own before it, takes the
        // first change's name.
        let after_change = || {
            if level || !mentions[i].label.is_empty() {
                return None;
            }
            // In its sentence, or right before a semicolon (`同比增长
            // 12.1%；比2019年6月份增长10.0%`).
            let semicolon_before = |j: usize| {
                (j + 1..i).all(|d| mentions[d].role == Role::Other)
                    && after_semicolon(doc, j, i).is_some_and(|rest| rest.chars().count() <= 16)
            };
            (0..i).rev().take(4).find(|&j| {
                (qs[j].sentence == qs[i].sentence || semicolon_before(j))
                    && matches!(mentions[j].role, Role::Change { versus: false, .. })
                    && (!mentions[j].label.is_empty() || mentions[j].subject.is_some())
                    && mentions[j].depth == mentions[i].depth
            })
        };
        mentions[i].subject = subject.or_else(across_semicolon).or_else(after_change);
    }
}

impl Document {
    /// What figure `i` measures: its own label, or its subject's.
    pub fn name_of(&self, i: usize) -> &str {
        let mut j = i;
        for _ in 0..6 {
            let m = &self.mentions[j];
            if !m.name().is_empty() {
                return m.name();
            }
            match m.subject {
                Some(s) if s < j => j = s,
                _ => break,
            }
        }
        ""
    }
}

/// The text before a bracketed percentage, back to its bracket: `1319
/// enrolled (response rate = 74%)` names the share a rate, as `(74%)`
/// would leave it unnamed.
fn rate_named_in_bracket(before: &str) -> &str {
    let trimmed = before.trim_end();
    let Some(named) = trimmed.strip_suffix(['=', ':', '：']) else {
        return trimmed;
    };
    let named = named.trim_end();
    let Some(open) = named.rfind(['(', '（']) else {
        return trimmed;
    };
    let name = named[open..].trim_start_matches(['(', '（']).trim();
    let rate = name.ends_with("rate") || name.ends_with('率');
    let words = name
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    if rate && words && name.chars().count() <= 30 {
        named[..named.len() - name.len()].trim_end()
    } else {
        trimmed
    }
}

/// Is the stretch Chinese? Any CJK character in it says so.
fn language(text: &str, start: usize, end: usize) -> Lang {
    let start = text.floor_char_boundary(start);
    let end = text.floor_char_boundary(end.max(start));
    // By bytes: every CJK character is three bytes led by 0xE2 to 0xEF, so
    // English text is passed over without decoding a character.
    let bytes = &text.as_bytes()[start..end];
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if !(0xE2..=0xEF).contains(&b) || k + 2 >= bytes.len() {
            k += 1;
            continue;
        }
        let code = crate::source::three_byte_code([b, bytes[k + 1], bytes[k + 2]]);
        if char::from_u32(code)
            .is_some_and(|c| is_cjk(c) && !matches!(c, '（' | '）' | '，' | '％' | '：' | '；'))
        {
            return Lang::Zh;
        }
        k += 3;
    }
    Lang::En
}

/// The bracket depth at each figure, from one pass over the text.
fn bracket_depths(doc: &Document) -> Vec<u8> {
    let mut depths = Vec::with_capacity(doc.figures.len());
    let bytes = doc.folded.as_bytes();
    let mut depth: u8 = 0;
    let mut at = 0;
    // By bytes: `(`, `)` and a line break are one byte; `（` and `）` are
    // EF BC 88 and EF BC 89.
    for q in &doc.figures {
        for k in at..q.start.max(at) {
            match bytes[k] {
                b'(' => depth = depth.saturating_add(1),
                b')' => depth = depth.saturating_sub(1),
                0xEF if bytes.get(k + 1) == Some(&0xBC) => match bytes.get(k + 2) {
                    Some(0x88) => depth = depth.saturating_add(1),
                    Some(0x89) => depth = depth.saturating_sub(1),
                    _ => {}
                },
                b'\n' if bytes.get(k + 1) == Some(&b'\n') => depth = 0,
                _ => {}
            }
        }
        at = q.start.max(at);
        depths.push(depth);
    }
    depths
}

/// Where each full sentence of the text ends: the byte after every 。！？
/// and every `!`, `?`, or `.` followed by a space or a line break (a `；`
/// ends none). Read once for the document.
fn full_sentence_ends(text: &str) -> Vec<usize> {
    // `!`, `?` and `.` are one byte, 。 is E3 80 82, ！ and ？ are EF BC 81
    // and EF BC 9F; `k` is a mark's last byte.
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    for k in memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .chain(memchr::memchr3_iter(0x82, 0x81, 0x9F, bytes))
    {
        let ends_here = match bytes[k] {
            b'!' | b'?' => true,
            b'.' => matches!(bytes.get(k + 1), Some(b' ' | b'\n')),
            0x82 => k >= 2 && bytes[k - 2..k] == [0xE3, 0x80],
            _ => k >= 2 && bytes[k - 2..k] == [0xEF, 0xBC],
        };
        if ends_here {
            ends.push(k + 1);
        }
    }
    ends.sort_unstable();
    ends
}

/// Where the full sentence holding `at` starts: after the last sentence
/// end before it, or the paragraph's start; at most a few hundred bytes
/// back.
fn full_sentence_start(doc: &Document, ends: &[usize], at: usize) -> usize {
    let paragraph = doc.segment_start(Level::Paragraph, at);
    let floor = doc
        .folded
        .floor_char_boundary(at.saturating_sub(WINDOW * 2))
        .max(paragraph);
    let k = ends.partition_point(|&e| e <= at);
    match k.checked_sub(1).map(|k| ends[k]) {
        Some(e) if e > floor => e,
        _ => floor,
    }
}

/// Do the words after a figure make it an amount per share?
fn per_share(after: &str) -> bool {
    let after = after.trim_start().as_bytes();
    let head = &after[..after.len().min(24)];
    [
        "per diluted share",
        "per share",
        "per basic share",
        "a diluted share",
        "a share",
    ]
    .iter()
    .any(|w| head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
}

#[cfg(test)]
mod tests {
    use crate::doc::Document;
    use crate::rules::RuleSet;
    use rust_decimal::Decimal;

    /// `text` read with the built-in lexicon.
    fn read(text: &str) -> Document {
        Document::new(text, &RuleSet::builtin().unwrap().lexicon)
    }

    /// The mention of the figure whose value is `value`.
    fn mention_of(doc: &Document, value: &str) -> usize {
        let value: Decimal = value.parse().unwrap();
        doc.figures
            .iter()
            .position(|q| q.value == value)
            .expect("the figure is read")
    }

    #[test]
    fn a_value_joined_to_a_change_by_a_conjunction_is_a_change() {
        for (text, second) in [
            (
                "沿海港口7.1亿吨，内河港口3.2亿吨，分别增长12.6%和3.9%。",
                "3.9",
            ),
            (
                "Exports and imports decreased 9.66% and 13.14% respectively.",
                "13.14",
            ),
        ] {
            let doc = read(text);
            let m = &doc.mentions[mention_of(&doc, second)];
            assert!(matches!(m.role, crate::doc::Role::Change { .. }), "{text}");
            assert!(m.label.is_empty(), "{text}");
        }
        // A level after a change with words of its own stays a level.
        let doc = read("销售额增长12.6%，利润3.9亿元。");
        let m = &doc.mentions[mention_of(&doc, "390000000.0")];
        assert_eq!(m.role, crate::doc::Role::Level);
    }

    #[test]
    fn a_change_from_a_named_year_takes_the_first_changes_name_and_keeps_its_base() {
        let doc = read("6月份，全市社会消费品零售总额同比增长12.1%，比2019年6月份增长10.0%。");
        let (first, second) = (mention_of(&doc, "12.1"), mention_of(&doc, "10.0"));
        assert_eq!(doc.name_of(second), doc.name_of(first));
        assert!(!doc.name_of(second).is_empty());
        assert_eq!(doc.mentions[second].period.base_year, Some(2019));
        assert_eq!(doc.mentions[first].period.base_year, None);
        assert!(!doc.mentions[first]
            .period
            .compatible(&doc.mentions[second].period));
    }

    #[test]
    fn the_part_of_a_year_after_an_english_figure_is_its_own() {
        use crate::doc::period::Part;
        let doc = read("Output fell by 0.2% in Quarter 3 2031, after a rise of 0.1% in the second quarter of 2031.");
        let part = |v: &str| doc.mentions[mention_of(&doc, v)].period.part;
        assert_eq!(part("0.2"), Some(Part::Quarter(3)));
        assert_eq!(part("0.1"), Some(Part::Quarter(2)));
        // `Quarter 3` numbers a quarter: no figure of three.
        assert!(doc.mentions[mention_of(&doc, "3")].role == crate::doc::Role::Other);
    }

    #[test]
    fn an_english_change_names_its_base_year_after_it() {
        let doc = read("Real income increased by 3.2 percent between 2030 and 2031. Income in 2031 was $59,039, an increase of 3.2 percent from the 2030 median. Sales rose 4 percent in 2031.");
        let periods: Vec<_> = doc
            .figures
            .iter()
            .enumerate()
            .filter(|(_, q)| q.kind == crate::lex::Kind::Percent)
            .map(|(i, _)| {
                (
                    doc.mentions[i].period.year,
                    doc.mentions[i].period.base_year,
                )
            })
            .collect();
        assert_eq!(
            periods,
            [
                (Some(2031), Some(2030)),
                (Some(2031), Some(2030)),
                (Some(2031), None)
            ]
        );
    }

    #[test]
    fn a_bare_zhi_after_a_change_opens_the_level_the_change_reached() {
        let doc = read("全年出口同比增长6.2%至312亿美元。");
        let (change, level) = (mention_of(&doc, "6.2"), mention_of(&doc, "31200000000"));
        assert_eq!(doc.mentions[level].role, crate::doc::Role::Level);
        assert!(doc.mentions[level].lead.has(crate::lexicon::Cue::To));
        assert_eq!(doc.name_of(level), doc.name_of(change));
        assert!(doc.name_of(level).contains("出口"));
        // Between two figures of one kind, 至 opens a range's end.
        let doc = read("预计全年出口增长3%至5%。");
        let end = mention_of(&doc, "5");
        assert!(!doc.mentions[end].lead.has(crate::lexicon::Cue::To));
    }

    #[test]
    fn an_english_label_starts_after_a_reporting_verb() {
        for text in [
            "The statistics office says employment rose 12,400 in March.",
            "The office reported the number of people employed increased by 12,400.",
        ] {
            let doc = read(text);
            assert_eq!(
                doc.name_of(mention_of(&doc, "12400")),
                "employment",
                "{text}"
            );
        }
    }

    #[test]
    fn the_comma_of_a_date_is_no_stop_of_a_label() {
        let doc = read("Net sales for the fiscal year ended March 31, 2024 were $1,791.8 million.");
        assert_eq!(doc.name_of(mention_of(&doc, "1791800000.0")), "net sales");
    }

    #[test]
    fn the_object_of_resulted_in_is_the_label() {
        let doc =
            read("This resulted in gross profit as a percent of sales of 18.2% for the quarter.");
        assert_eq!(
            doc.name_of(mention_of(&doc, "18.2")),
            "gross profit as a percent of sales"
        );
    }
}
