//! Ratios: a share or rate stated as a percentage (or per mille, or a
//! plain number in a structure `a:b:c`) against the part and the whole
//! it is the quotient of.
//!
//! Shapes:
//! - `named-whole`: the whole is named beside the share (`占生产总值的比重
//!   59.6%`, `53.4% of sales`) and found by that name;
//! - `bracket`: a percentage in brackets after a count (`189人（35.5%）`,
//!   `10,641 (65.0%)`), over the total the sentence or its frame gives;
//! - `of-count`: `k of N` next to the percentage (`49 of 1,148 … (4.3%)`);
//! - `rate`: a rate noun the lexicon defines as one label over another
//!   (城镇化率 = 城镇人口 / 常住人口);
//! - `structure`: each term of a structure `a:b:c` of a complementary set
//!   (三次产业结构) is its part's share of the set's whole.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;

use super::util::{comparable, find_named, fit, is_level, shown, structure_set, Fit};
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::Period;
use crate::doc::{Document, Role};
use crate::lex::Kind;
use crate::lexicon::Cue;
use crate::num::{format_computed, format_fixed};

pub struct Ratio;

const NAME: &str = "ratio";

/// Anaphoric wholes: `of these`, `of those cases`.
const ANAPHORA: &[&str] = &["these", "those", "them", "this", "total", "the total"];

impl RelationKind for Ratio {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a share or rate equals its part over its whole"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &[
            "named-whole",
            "bracket",
            "of-count",
            "rate",
            "structure",
            "table",
            "column",
            "group",
        ]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        rate_columns(doc, out);
        // (Searched for only once a text prints `64% (n = 378)`.)
        let weighted = std::cell::OnceCell::new();
        for i in 0..doc.figures.len() {
            let q = &doc.figures[i];
            if !q.is_operand() {
                continue;
            }
            let m = &doc.mentions[i];
            if matches!(q.kind, Kind::Percent | Kind::Permille) {
                if m.role == Role::Share {
                    named_whole(cx, i, out);
                    bracket(cx, i, out);
                    subset_share(cx, i, out);
                }
                of_count(cx, i, out);
                if m.host.is_none() {
                    share_then_count(cx, i, &weighted, out);
                }
            }
            rate(cx, i, out);
        }
        structures(cx, out);
        tables(cx, out);
        for g in super::tabular::share_groups(doc) {
            out.extend(g.readings);
        }
        mark_unpushed(doc, out);
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        evaluate(doc, c)
    }
}

/// The part a share qualifies: its bracket's host, the level its own
/// label names (`税收占…` → 税收收入), or its subject.
fn part_of(doc: &Document, i: usize) -> Option<usize> {
    let m = &doc.mentions[i];
    if let Some(h) = m.host {
        return Some(h);
    }
    if !m.label.is_empty() {
        let own = &m.label;
        let found = (0..i).rev().take(12).find(|&j| {
            is_level(doc, j)
                && doc.same_paragraph(i, j)
                && (doc.name_of(j).starts_with(own.as_str())
                    || doc.name_of(j).ends_with(own.as_str()))
        });
        if found.is_some() {
            return found;
        }
    }
    m.subject.filter(|&s| is_level(doc, s))
}

fn named_whole(cx: &Context, i: usize, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let m = &doc.mentions[i];
    let Some(name) = m.whole.as_deref() else {
        return;
    };
    let Some(part) = part_of(doc, i) else {
        return;
    };
    let pq = &doc.figures[part];
    let lang = m.lang;
    if ANAPHORA.contains(&name) {
        // `10,641 (65.0%) of these`: the total just before.
        if let Some(w) = (0..part).rev().take(6).find(|&j| {
            is_level(doc, j)
                && doc.same_paragraph(j, part)
                && comparable(&doc.figures[j], pq)
                && doc.figures[j].value > pq.value
        }) {
            out.push(
                Candidate::new(NAME, "named-whole", lang, i)
                    .with("part", part)
                    .with("whole", w)
                    .strong(),
            );
        }
        return;
    }
    // `占比重从1.12%提高到1.58%`: the earlier share is of earlier values,
    // which the text rarely prints; the later one is of the values the
    // sentence reached (`从1520亿元增加到4210亿元`).
    if m.lead.has(Cue::From) {
        share_reached(cx, i, name, out);
        return;
    }
    let period = m.period;
    let part_period = doc.mentions[part].period;
    // `五年累计7.79万亿元…，2012年占国内生产总值比例达到4%`: a share dated in
    // its own clause with a year its part's clause does not state is a
    // share of another part.
    let own_year = year_in_clause(doc, i);
    if own_year.is_some() && own_year != year_in_clause(doc, part) && own_year != part_period.year {
        return;
    }
    let adjusted = m.adjusted || doc.mentions[part].adjusted;
    let accept = |j: usize| {
        j != part
            && doc.mentions[j].adjusted == adjusted
            && comparable(&doc.figures[j], pq)
            && doc.figures[j].value > pq.value
            && doc.mentions[j].period.compatible(&period)
            && doc.mentions[j]
                .period
                .year
                .zip(part_period.year)
                .is_none_or(|(a, b)| a == b)
    };
    // The nearest whole of the name, before the part or after it.
    let Some((w, f)) = find_named(doc, part, name, 40, accept)
        .or_else(|| find_named(doc, part, name, 400, accept))
    else {
        return;
    };
    let mut c = Candidate::new(NAME, "named-whole", lang, i)
        .with("part", part)
        .with("whole", w);
    // (A whole qualified by a few words at most is the whole named: the
    // report's own period and place words aside, `国民经济全年生产总值`.)
    let whole_name = doc.mentions[w].name();
    let extra = whole_name.strip_suffix(name).map_or_else(
        || {
            whole_name
                .chars()
                .count()
                .saturating_sub(name.chars().count())
        },
        |q| cx.lexicon.normalizer.without_scope(q).chars().count(),
    );
    if f == Fit::Same || extra <= 4 {
        c = c.strong();
    }
    out.push(c);
}

/// `从1520亿元增加到4210亿元，占国内生产总值的比重从1.12%提高到1.58%`:
/// the share the sentence reaches (1.58%) is the level it reaches (4210亿,
/// the subject of the earlier share) over the whole the share names, of
/// that level's year.
fn share_reached(cx: &Context, i: usize, name: &str, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let j = i + 1;
    let (Some(q), Some(part)) = (doc.figures.get(j), doc.mentions[i].subject) else {
        return;
    };
    let mj = &doc.mentions[j];
    if q.kind != doc.figures[i].kind
        || !mj.lead.has(Cue::To)
        || !doc.same_sentence(i, j)
        || !doc.mentions[part].lead.has(Cue::To)
        || !is_level(doc, part)
    {
        return;
    }
    let (pq, year) = (&doc.figures[part], doc.mentions[part].period.year);
    let accept = |w: usize| {
        w != part
            && comparable(&doc.figures[w], pq)
            && doc.figures[w].value > pq.value
            && doc.mentions[w].period.year.is_some()
            && doc.mentions[w].period.year == year
    };
    if let Some((w, Fit::Same)) = find_named(doc, part, name, 400, accept) {
        out.push(
            Candidate::new(NAME, "named-whole", mj.lang, j)
                .with("part", part)
                .with("whole", w)
                .strong(),
        );
    }
}

/// `资本开支690亿元，其中移动网络资本开支339亿，占比49%`: a share that
/// names no whole, of a part that 其中 takes out of the total before it,
/// is of that total.
fn subset_share(cx: &Context, i: usize, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let m = &doc.mentions[i];
    if m.whole.is_some() || m.host.is_some() || m.lang != crate::lexicon::Lang::Zh {
        return;
    }
    let Some(part) = part_of(doc, i) else {
        return;
    };
    let pm = &doc.mentions[part];
    if !pm.before.has(Cue::Subset) {
        return;
    }
    let pq = &doc.figures[part];
    // The level the 其中 follows: the nearest before it in the sentence.
    let Some(total) = (0..part)
        .rev()
        .take(6)
        .find(|&j| doc.same_sentence(j, part) && is_level(doc, j))
    else {
        return;
    };
    let between = doc.cues_in(doc.figures[total].unit_end, pq.start);
    if !between.iter().any(|h| h.cue == Cue::Subset)
        || !comparable(&doc.figures[total], pq)
        || doc.figures[total].value <= pq.value
        || !doc.mentions[total].period.compatible(&pm.period)
    {
        return;
    }
    let mut c = Candidate::new(NAME, "named-whole", m.lang, i)
        .with("part", part)
        .with("whole", total);
    // Clearly meant when the share names nothing of its own (`占比`,
    // `所占份额`) or the total in short (`营收占比` of 营业收入), or when
    // the part's name extends the total's. A share with a name of its own
    // (`权益占比`) may be another quantity.
    let total_name = doc.name_of(total);
    if m.label.is_empty()
        || abbreviates(&m.label, total_name)
        || total_name.chars().count() >= 2 && doc.name_of(part).ends_with(total_name)
    {
        c = c.strong();
    }
    out.push(c);
}

/// Is `short` a Chinese abbreviation of `name`: two characters or more,
/// each of them in `name`, in order (营收 of 营业收入, 社零 of 社会消费品零售
/// 总额)?
fn abbreviates(short: &str, name: &str) -> bool {
    let len = short.chars().count();
    let mut rest = name.chars();
    len >= 2
        && len < name.chars().count()
        && short
            .chars()
            .all(|c| crate::source::is_cjk(c) && rest.any(|n| n == c))
}

/// A year printed in the clause of figure `i`, before it.
fn year_in_clause(doc: &Document, i: usize) -> Option<u16> {
    use rust_decimal::prelude::ToPrimitive;
    let q = &doc.figures[i];
    let clause = doc.segment_start(crate::lex::Level::Clause, q.start);
    doc.figures[..i]
        .iter()
        .rev()
        .take_while(|d| d.start >= clause)
        .filter(|d| d.kind == Kind::Date)
        .filter_map(|d| d.value.to_u16().filter(|y| (1800..=2100).contains(y)))
        .next()
}

fn bracket(cx: &Context, i: usize, out: &mut Vec<Candidate>) {
    let m = &cx.doc.mentions[i];
    let (Some(part), None) = (m.host, m.whole.as_ref()) else {
        return;
    };
    bracket_of(cx, i, part, true, out);
}

/// `64% (n = 378)`: a percentage followed by its count in brackets, the
/// mirror of `378 (64%)`. Survey reports print weighted percentages
/// beside unweighted counts: in a text that speaks of weighting, the
/// reading confirms, never reports.
fn share_then_count(
    cx: &Context,
    i: usize,
    weighted: &std::cell::OnceCell<bool>,
    out: &mut Vec<Candidate>,
) {
    let doc = cx.doc;
    let q = &doc.figures[i];
    let Some(part) = (i + 1 < doc.figures.len()).then_some(i + 1) else {
        return;
    };
    let pq = &doc.figures[part];
    if pq.kind != Kind::Number || !pq.is_operand() || !doc.same_sentence(i, part) {
        return;
    }
    let between: String = doc.folded[q.unit_end.max(q.end)..pq.start]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let closes = doc.folded[pq.unit_end.max(pq.end)..]
        .trim_start()
        .starts_with([')', ';', ',']);
    if !matches!(between.as_str(), "(n=" | "(N=") || !closes || doc.mentions[i].whole.is_some() {
        return;
    }
    let weighted = *weighted
        .get_or_init(|| doc.folded.contains("weighted") || doc.folded.contains("Weighted"));
    bracket_of(cx, i, part, !weighted, out);
}

fn bracket_of(cx: &Context, i: usize, part: usize, may_report: bool, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let m = &doc.mentions[i];
    let pq = &doc.figures[part];
    let noun = doc.mentions[part].name().to_owned();
    // Candidate wholes by rank: a frame of the sentence (`Of the 540
    // respondents,`, `of 1,407 students,`, `在540名受访者中`), then a total
    // of the paragraph (`a total of 16,367 cases`), then any larger count
    // of the sentence or of the same noun.
    let mut ranked: Vec<(usize, u8)> = Vec::new();
    // `3,907 (29.9%) of 13,087 notified cases`: the whole right after the
    // bracket.
    let q = &doc.figures[i];
    let after_bracket = doc.folded[q.unit_end.max(q.end)..]
        .trim_start()
        .strip_prefix([')', '）'])
        .map(str::trim_start);
    let after_of = after_bracket
        .and_then(|r| r.strip_prefix("of "))
        .map(|r| r.strip_prefix("the ").unwrap_or(r));
    if let Some(rest) = after_of {
        let at = doc.folded.len() - rest.len();
        if let Some(w) = (i + 1..doc.figures.len()).take(2).find(|&j| {
            doc.figures[j].start == at
                && is_level(doc, j)
                && comparable(&doc.figures[j], pq)
                && doc.figures[j].value > pq.value
        }) {
            ranked.push((w, 4));
        }
    }
    // The part's sentence up to it, in lower case, read once (when first
    // needed) for the wholes whose names it may hold (English only).
    let part_sentence = std::cell::OnceCell::new();
    let part_sentence = || {
        part_sentence
            .get_or_init(|| {
                (m.lang == crate::lexicon::Lang::En).then(|| {
                    let sentence = doc.segment_start(crate::lex::Level::Sentence, pq.start);
                    doc.folded[sentence..pq.start].to_ascii_lowercase()
                })
            })
            .as_deref()
    };
    // Twelve levels back; an interval's bounds between them (`(95% CI:
    // 206–258 million)`) do not count.
    let mut levels = 0;
    for j in (0..part).rev().take(48) {
        if !doc.same_paragraph(j, part) || levels == 12 {
            break;
        }
        if !is_level(doc, j) {
            continue;
        }
        levels += 1;
        let wq = &doc.figures[j];
        // `231 million cases in 2017` is no whole of a part of 2018.
        let other_year = doc.mentions[j]
            .period
            .year
            .zip(doc.mentions[part].period.year)
            .is_some_and(|(a, b)| a != b);
        if wq.value <= pq.value || !comparable(wq, pq) || other_year {
            continue;
        }
        let wm = &doc.mentions[j];
        let clause = doc.segment_start(crate::lex::Level::Clause, wq.start);
        let of_opens = wm.lead.has(Cue::Of) && doc.folded[clause..wq.start].trim().len() <= 8;
        let frame = doc.same_sentence(j, part)
            && (of_opens
                || wm.before.has(Cue::Of)
                    && wm.window.0 == doc.segment_start(crate::lex::Level::Sentence, wq.start)
                || doc.folded[wq.unit_end.min(doc.folded.len())..]
                    .trim_start()
                    .starts_with('中'));
        // `Sixty-nine (61%) of the 114 patients had…; 10 (9%) had…`: the
        // whole of a share earlier in the sentence is the sentence's frame.
        let semicolon_joined = || {
            let start = doc.segment_start(crate::lex::Level::Sentence, pq.start);
            doc.figures[part].sentence == doc.figures[j].sentence + 1
                && doc.folded[..start].trim_end().ends_with([';', '；'])
        };
        let whole_of_share = (doc.same_sentence(j, part) || semicolon_joined()) && {
            let before = doc.folded[..wq.start].trim_end();
            let before = before.strip_suffix("the").unwrap_or(before).trim_end();
            before
                .strip_suffix("of")
                .is_some_and(|b| b.trim_end().ends_with([')', '）']))
        };
        // `A total of 85 (56.3%) participants`: a count with a share of
        // its own is a part of something else, not the paragraph's total.
        let has_share = (j + 1..part)
            .any(|k| doc.mentions[k].host == Some(j) && doc.mentions[k].role == Role::Share);
        let total = wm.before.has(Cue::Total) && !has_share;
        let same_noun = !noun.is_empty() && wm.name() == noun;
        // `228 million cases … in 2018.` then `Most malaria cases in 2018
        // were in the African Region (213 million or 93%)`: the part's
        // sentence names the whole's quantity and year before it.
        let named_frame = || {
            let name = wm.name();
            let same_year =
                wm.period.year.is_some() && wm.period.year == doc.mentions[part].period.year;
            name.len() >= 4
                && same_year
                && !has_share
                && part_sentence().is_some_and(|s| contains_word(s, name))
        };
        if frame || whole_of_share {
            ranked.push((j, 3));
        } else if total && (same_noun || noun.is_empty()) || named_frame() {
            ranked.push((j, 2));
        } else if same_noun
            || doc.same_sentence(j, part)
            || !wm.noun.is_empty() && !has_share
            || counted_alike(wq, pq) && !has_share
        {
            // (A count of people or things earlier in the paragraph, `Data
            // from 151 patients were analyzed`, may be the sample a later
            // bracket is of: a reading that can hold, never one that fails.)
            ranked.push((j, 1));
        }
    }
    // Only the best rank is read; it is clearly meant when it is a frame
    // or a total.
    let best = ranked.iter().map(|&(_, r)| r).max().unwrap_or(0);
    for (w, r) in ranked.into_iter().filter(|&(_, r)| r == best).take(3) {
        let mut c = Candidate::new(NAME, "bracket", m.lang, i)
            .with("part", part)
            .with("whole", w);
        if r >= 2 && may_report {
            c = c.strong();
        }
        out.push(c);
    }
}

/// Does `text` hold `word` as whole words (`malaria cases` holds
/// `cases`, `showcases` does not)?
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(k, _)| {
        let before = text[..k].chars().next_back();
        let after = text[k + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Do two Chinese counts count the same things by their measure word
/// (`450个社区组织`, `130个组织`)?
fn counted_alike(a: &crate::lex::Quantity, b: &crate::lex::Quantity) -> bool {
    !a.unit.is_empty()
        && a.unit == b.unit
        && !a.unit.is_ascii()
        && crate::lex::units::is_discrete(&a.unit)
}

/// `49 of 1,148 p-values were inconsistent (4.3 %)`, `5.8 % (45 of 775)`.
fn of_count(cx: &Context, i: usize, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let n = doc.figures.len();
    let slash = |a: usize, b: usize| doc.gap(a, b).trim() == "/";
    // (A table's fraction cells, `212/240 (88.3)`, are its own check.)
    let prose = !doc.mentions[i].in_table;
    let is_of = |a: usize, b: usize| {
        let gap = doc.gap(a, b).trim().to_ascii_lowercase();
        (matches!(gap.as_str(), "of" | "of the" | "out of" | "of all") || gap == "/" && prose)
            && is_level(doc, a)
            && is_level(doc, b)
            && doc.figures[a].value <= doc.figures[b].value
    };
    // The pair right after the percentage, or the nearest before it in
    // the clause.
    // (`58% [2979/5130]`: square brackets hold the fraction too.)
    let opened = |a: usize, b: usize| {
        doc.mentions[b].depth > doc.mentions[a].depth || matches!(doc.gap(a, b).trim(), "[" | "［")
    };
    let after = (i + 2 < n && opened(i, i + 1))
        .then_some((i + 1, i + 2))
        .filter(|&(a, b)| is_of(a, b));
    // (`180/377 (48%)`: a fraction's percentage stands in brackets right
    // after it.)
    let before = (i >= 2).then(|| (i - 2, i - 1)).filter(|&(a, b)| {
        is_of(a, b)
            && doc.same_sentence(a, i)
            && doc.gap(b, i).len() < 80
            && (!slash(a, b)
                || doc.gap(b, i).trim() == "(" && doc.mentions[i].depth > doc.mentions[b].depth)
    });
    if let Some((k, total)) = after.or(before) {
        out.push(
            Candidate::new(NAME, "of-count", doc.mentions[i].lang, i)
                .with("part", k)
                .with("whole", total)
                .strong(),
        );
    }
}

/// How many figures back a rate's operands are looked for: in its
/// paragraph, then (for the whole) in the document so far.
const NEAR: usize = 16;
const FAR: usize = 160;

/// A rate noun from the lexicon: 城镇化率 is 城镇人口 over 常住人口.
fn rate(cx: &Context, i: usize, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let m = &doc.mentions[i];
    // `毛利率同比降低1.30pct至12.29%`: the level a change reached is named
    // by the change.
    let reached = m.label.is_empty()
        && m.role == Role::Level
        && m.subject
            .is_some_and(|s| s + 1 == i && matches!(doc.mentions[s].role, Role::Change { .. }));
    let label = if reached {
        doc.name_of(i)
    } else {
        m.label.as_str()
    };
    if label.is_empty() {
        return;
    }
    let rate = match m.role {
        Role::Level => cx.lexicon.rate_named(label),
        // `收入占比25.21%`: a share that names no whole, named with its
        // share noun as a rate is (收入占比).
        Role::Share if m.whole.is_none() && m.lang == crate::lexicon::Lang::Zh => {
            let noun = doc.folded[..doc.figures[i].start]
                .trim_end()
                .trim_end_matches(['为', '达', '是'])
                .ends_with("占比");
            if !noun {
                return;
            }
            let Some(rate) = cx.lexicon.rate_named(&format!("{}占比", m.label)) else {
                return;
            };
            Some(rate)
        }
        _ => return,
    };
    let Some(rate) = rate else {
        spelled_out_rate(cx, i, out);
        return;
    };
    let q = &doc.figures[i];
    // `Gross margin increased to $501.6 million`: an amount named like a
    // rate is no rate.
    if q.kind == Kind::Number && (!q.unit.is_empty() || q.multiplier != Decimal::ONE) {
        return;
    }
    // The first pattern that names a figure wins: 常住人口 before 人口.
    // What the rate's name says before the rate noun (`扣非` of 扣非归母净利率):
    // an operand qualified alike is meant before a nearer one that is not.
    let own = rate
        .names
        .iter()
        .find_map(|n| label.strip_suffix(n.as_str()))
        .unwrap_or("");
    let mismatch = |p: &crate::lexicon::LabelPattern, j: usize| {
        let theirs = p.qualifier(doc.name_of(j)).unwrap_or("");
        // A rate its name does not qualify takes its subject from its
        // sentence (`中小学生目标任务数12640人，累计接种11905剂次，完成率
        // 94.19%`): an operand of the sentence is its own, qualified or not.
        if theirs == own || own.is_empty() && doc.same_sentence(i, j) {
            0
        } else if own.ends_with(theirs) || theirs.ends_with(own) {
            1
        } else {
            2
        }
    };
    // Operands among the `reach` figures before the rate, and before
    // figure `until` when given.
    let find_before = |patterns: &[crate::lexicon::LabelPattern],
                       not: Option<usize>,
                       reach: usize,
                       until: usize| {
        patterns.iter().find_map(|p| {
            (0..i.min(until))
                .rev()
                .take(reach)
                .filter(|&j| {
                    Some(j) != not
                    && is_level(doc, j)
                    && (reach > NEAR || doc.same_paragraph(i, j))
                    // Another rate of the same name (`单季度销售费用率`)
                    // is no operand, nor a figure of another period.
                    && !matches!(doc.figures[j].kind, Kind::Percent | Kind::Permille)
                    // (A completion rate's whole is a target.)
                    && Period { target: m.period.target, ..doc.mentions[j].period }
                        .compatible(&m.period)
                    && doc.mentions[j].adjusted == m.adjusted
                    && p.matches(doc.name_of(j))
                })
                .min_by_key(|&j| (mismatch(p, j), i - j))
        })
    };
    let find = |patterns: &[crate::lexicon::LabelPattern], not: Option<usize>, reach: usize| {
        find_before(patterns, not, reach, i)
    };
    let part = if rate.part.is_empty() {
        m.subject.or_else(|| {
            (0..i)
                .rev()
                .take(3)
                .find(|&j| is_level(doc, j) && doc.same_sentence(i, j))
        })
    } else {
        // (Only a rate that confirms looks for its part beyond its
        // paragraph: the 城镇人口 of 户籍人口 is not that of 常住人口.)
        find(&rate.part, None, NEAR)
            .or_else(|| rate.loose.then(|| find(&rate.part, None, FAR)).flatten())
    };
    let Some(part) = part else { return };
    // A company's revenue is often stated once, at the top of the report,
    // and its expense ratios paragraphs later.
    let whole = find(&rate.whole, Some(part), NEAR)
        .or_else(|| find_before(&rate.whole, Some(part), FAR, part));
    let Some(whole) = whole.or_else(|| {
        // A target may follow what was done (`完成…，目标…，完成率`).
        (i + 1..doc.figures.len()).take(4).find(|&j| {
            is_level(doc, j)
                && doc.same_paragraph(i, j)
                && rate.whole.iter().any(|p| p.matches(doc.name_of(j)))
        })
    }) else {
        return;
    };
    if !comparable(&doc.figures[part], &doc.figures[whole]) && q.kind != Kind::Number {
        return;
    }
    // A margin is loose (its profit may be another than the one named)
    // except where its own clause run states both operands right before
    // it, its profit under the rate's own name and no other profit
    // beside (`收入4.86亿元，净利润0.8亿元，净利率16.46%`).
    let tight = rate.loose && stated_with(doc, i, (part, whole), (&rate.part, &rate.whole), own);
    let mut c = Candidate::new(NAME, "rate", m.lang, i)
        .with("part", part)
        .with("whole", whole);
    if !rate.loose || tight {
        c = c.strong();
    }
    c.params.scale = Some(Decimal::from(rate.scale));
    // Both operands named by the lexicon's definition: however far the
    // stated rate is from their quotient, it is this rate that is wrong.
    c.params.defined = !rate.part.is_empty() && !rate.loose;
    out.push(c);
}

/// Are a rate's part and whole the two figures of its sentence right
/// before it (nothing but the other operand between), its part named by
/// the first of the rate's part names and its whole by one of the whole's
/// names with the rate's own qualifier, and no other figure of the
/// sentence named as a part?
fn stated_with(
    doc: &Document,
    i: usize,
    (part, whole): (usize, usize),
    (parts, wholes): (
        &[crate::lexicon::LabelPattern],
        &[crate::lexicon::LabelPattern],
    ),
    own: &str,
) -> bool {
    let Some(first) = parts.first() else {
        return false;
    };
    // The whole too is the rate's own: qualified alike, or by words the
    // sentence prints apart from it (its subject: `子公司2023年实现营业
    // 收入`), not by a word of one compound (`利息收入`).
    let name = doc.name_of(whole);
    let (from, to) = doc.mentions[whole].label_span;
    let printed = doc.folded.get(from..to).unwrap_or("");
    let own_whole = wholes
        .iter()
        .filter_map(|p| p.qualifier(name))
        .any(|q| q == own || !printed.contains(name));
    let near = |j: usize| j < i && i - j <= 2 && doc.same_sentence(i, j);
    let at = doc.figures[i].start;
    let sentence_figures = doc.figure_range(
        doc.segment_start(crate::lex::Level::Sentence, at),
        doc.segment_end(crate::lex::Level::Sentence, at),
    );
    near(part)
        && near(whole)
        && part != whole
        && own_whole
        && first.qualifier(doc.name_of(part)) == Some(own)
        && sentence_figures
            .filter(|&j| j != part && j != i)
            .all(|j| !parts.iter().any(|p| p.matches(doc.name_of(j))))
}

/// `Gross profit as a percentage of sales … was 27.0%`: a rate whose
/// name spells out its part and whole, both stated earlier for the same
/// period under those names.
fn spelled_out_rate(cx: &Context, i: usize, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let m = &doc.mentions[i];
    let q = &doc.figures[i];
    if m.lang != crate::lexicon::Lang::En || q.kind != Kind::Percent {
        return;
    }
    let Some((part_name, whole_name)) = [" as a percentage of ", " as a percent of "]
        .iter()
        .find_map(|w| m.label.split_once(w))
    else {
        return;
    };
    let (part_name, whole_name) = (
        cx.lexicon.normalizer.normalize(part_name),
        cx.lexicon.normalizer.normalize(whole_name),
    );
    if part_name.is_empty() || whole_name.is_empty() {
        return;
    }
    // The nearest earlier level so named, of the rate's period (a
    // section often states its sales once, at its start).
    let find = |accept: &dyn Fn(&str) -> bool| {
        (0..i).rev().take(160).find(|&j| {
            is_level(doc, j)
                && accept(doc.name_of(j))
                && doc.mentions[j].period.compatible(&m.period)
                && doc.mentions[j].adjusted == m.adjusted
                // `compared to $1,562.5 million for the year before`: a
                // base of comparison is of another period.
                && !doc.mentions[j].lead.has(Cue::Versus)
                && !doc.mentions[j].lead.has(Cue::From)
        })
    };
    let Some(part) = find(&|name| name == part_name) else {
        return;
    };
    // `sales` names `net sales` too, not a segment's sales.
    let whole_named =
        |name: &str| name == whole_name || name.strip_prefix("net ") == Some(whole_name.as_str());
    let Some(whole) = find(&whole_named) else {
        return;
    };
    if part == whole || !comparable(&doc.figures[part], &doc.figures[whole]) {
        return;
    }
    let mut c = Candidate::new(NAME, "rate", m.lang, i)
        .with("part", part)
        .with("whole", whole)
        .strong();
    c.params.scale = Some(Decimal::from(100));
    out.push(c);
}

fn structures(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for chain in &doc.chains {
        let Some(set) = structure_set(cx.lexicon, doc, chain) else {
            continue;
        };
        let first = chain[0];
        let before_chain =
            |j: usize| j < first && doc.figures[first].paragraph - doc.figures[j].paragraph <= 1;
        let whole = (0..first).rev().take(40).find(|&j| {
            before_chain(j)
                && is_level(doc, j)
                && set.whole.iter().any(|w| {
                    fit(doc.name_of(j), w) == Some(Fit::Same)
                        || doc.name_of(j).ends_with(w.as_str())
                })
        });
        let Some(whole) = whole else { continue };
        for (k, &element) in chain.iter().enumerate() {
            let qualifier = &set.parts[k];
            let part = (0..first).rev().take(40).find(|&j| {
                before_chain(j)
                    && is_level(doc, j)
                    && j != whole
                    && doc.name_of(j).starts_with(qualifier.as_str())
                    && set
                        .head
                        .as_ref()
                        .is_none_or(|h| doc.name_of(j).ends_with(h.as_str()))
                    && comparable(&doc.figures[j], &doc.figures[whole])
            });
            if let Some(part) = part {
                let mut c = Candidate::new(NAME, "structure", doc.mentions[first].lang, element)
                    .with("part", part)
                    .with("whole", whole)
                    .strong();
                c.params.scale = Some(Decimal::ONE_HUNDRED);
                out.push(c);
            }
        }
    }
}

/// A percentage column against a count column of one table: each part
/// row's share is its count over the total row's.
fn tables(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in &doc.tables {
        let parts = super::tabular::partitions(cx.lexicon, t);
        for (pc, pcol) in t.columns.iter().enumerate() {
            // `201/271 (74.2)`: the cell says its part and whole.
            if let Some((part_col, whole_col)) = pcol.fraction {
                for row in t.rows.iter().filter(|r| !r.broken) {
                    if let (Some(stated), Some(part), Some(whole)) =
                        (row.cells[pc], row.cells[part_col], row.cells[whole_col])
                    {
                        out.push(table_share(doc, stated, part, whole));
                    }
                }
                continue;
            }
            // `352 (6.9)` under `Intensive Therapy (N = 5128)`.
            if let Some(whole) = pcol.share_of.and_then(|cc| t.columns[cc].whole) {
                let cc = pcol.share_of.unwrap_or(pc);
                for row in t.rows.iter().filter(|r| !r.broken) {
                    if let (Some(stated), Some(part)) = (row.cells[pc], row.cells[cc]) {
                        out.push(table_share(doc, stated, part, whole));
                    }
                }
                continue;
            }
            if pcol.bracketed {
                row_shares(doc, t, pc, out);
                continue;
            }
            if !pcol.percent || pcol.change || super::growth::is_growth_column(doc, t, pc) {
                continue;
            }
            // The count column: the nearest one to the left that is not a
            // percentage.
            let Some(cc) = (0..pc)
                .rev()
                .find(|&c| !t.columns[c].percent && !t.columns[c].change)
            else {
                continue;
            };
            // `% of segment revenues`: the whole the header names must be
            // the total row's.
            let lower = pcol.header.to_lowercase();
            let named_whole = lower
                .split_once("% of ")
                .or_else(|| lower.split_once("percent of "))
                .map(|(_, w)| w.trim().to_owned());
            let mut readings = Vec::new();
            for p in &parts {
                let Some(whole) = t.rows[p.total].cells[cc] else {
                    continue;
                };
                if named_whole
                    .as_ref()
                    .is_some_and(|w| !t.rows[p.total].label.contains(w.as_str()))
                {
                    continue;
                }
                for &r in &p.parts {
                    let (Some(stated), Some(part)) = (t.rows[r].cells[pc], t.rows[r].cells[cc])
                    else {
                        continue;
                    };
                    readings.push(table_share(doc, stated, part, whole));
                }
            }
            // A percentage column beside counts may be a rate within each
            // row's group (`Reported bullying (%)`): it is the rows' share
            // of the total only when the rows keep that reading but a slip.
            let (rows, held) = super::tabular::agreement(doc, &readings, evaluate);
            if held >= 1 && held + (rows / 5).max(1) >= rows {
                out.extend(readings);
            }
        }
    }
}

/// A percentage column that is one value column over another in every
/// row but one (完成率 = 完成 / 目标, `% of target`): the column keeps the
/// relation, so the row where it fails is an error. The pair must be the
/// only one the column keeps.
fn rate_columns(doc: &Document, out: &mut Vec<Candidate>) {
    for t in &doc.tables {
        let values: Vec<usize> = (0..t.columns.len())
            .filter(|&c| super::tabular::plain_values(&t.columns[c]))
            .collect();
        for (pc, pcol) in t.columns.iter().enumerate() {
            if !pcol.percent
                || pcol.change
                || pcol.bracketed
                || pcol.fraction.is_some()
                || pcol.share_of.is_some()
            {
                continue;
            }
            let mut kept: Vec<Vec<Candidate>> = Vec::new();
            for &a in &values {
                for &b in values.iter().filter(|&&b| b != a) {
                    let readings: Vec<Candidate> = t
                        .rows
                        .iter()
                        .filter(|r| !r.broken)
                        .filter_map(|r| {
                            let (stated, part, whole) = (r.cells[pc]?, r.cells[a]?, r.cells[b]?);
                            let usable = [stated, part, whole]
                                .iter()
                                .all(|&i| doc.figures[i].is_operand());
                            usable.then(|| {
                                let mut c = table_share(doc, stated, part, whole);
                                c.shape = "column";
                                c.params.defined = true;
                                c
                            })
                        })
                        .collect();
                    let (rows, held) = super::tabular::agreement(doc, &readings, evaluate);
                    if super::tabular::keeps(rows, held) {
                        kept.push(readings);
                    }
                }
            }
            if kept.len() == 1 {
                out.extend(kept.pop().unwrap_or_default());
            }
        }
    }
}

/// A table's `count (share)` cell whose share is of its group's counts
/// (the rows under one heading): the whole is their sum.
pub fn group_share(doc: &Document, stated: usize, part: usize, group: &[usize]) -> Candidate {
    let mut c = Candidate::new(NAME, "group", doc.mentions[stated].lang, stated)
        .with("part", part)
        .strong();
    for &w in group {
        c = c.with("whole_part", w);
    }
    c.params.scale = Some(Decimal::ONE_HUNDRED);
    c.params.defined = true;
    c
}

/// A table cell that is the percentage `part` is of `whole`.
fn table_share(doc: &Document, stated: usize, part: usize, whole: usize) -> Candidate {
    let mut c = Candidate::new(NAME, "table", doc.mentions[stated].lang, stated)
        .with("part", part)
        .with("whole", whole)
        .strong();
    c.params.scale = Some(Decimal::ONE_HUNDRED);
    c
}

/// `No. of articles | No. of articles with NHST results` then `2,487
/// (24.1 %)`: a bracketed percentage after a count is that count over the
/// column to its left whose header the count's header extends (the
/// articles with NHST results are some of the articles), row by row.
fn row_shares(doc: &Document, t: &crate::doc::table::Table, pc: usize, out: &mut Vec<Candidate>) {
    let Some(part_col) = pc.checked_sub(1) else {
        return;
    };
    let part_header = t.columns[part_col].header.to_lowercase();
    let whole_col = (0..part_col).rev().find(|&c| {
        let h = t.columns[c].header.to_lowercase();
        !h.trim().is_empty() && h != part_header && part_header.starts_with(h.trim())
    });
    let Some(whole_col) = whole_col else { return };
    for row in t.rows.iter().filter(|r| !r.broken) {
        let (Some(stated), Some(part), Some(whole)) =
            (row.cells[pc], row.cells[part_col], row.cells[whole_col])
        else {
            continue;
        };
        if doc.figures[stated].kind != Kind::Percent {
            continue;
        }
        out.push(table_share(doc, stated, part, whole));
    }
}

/// Shares of one whole printed as a structure (`占生产总值的比重为4.1%`,
/// `68.3%`, `27.6%`, adding up to 100) may each be pushed by one unit so
/// that they add up: unless their nearest roundings add up already, and
/// then no push was needed, and each is held to its rounding.
fn mark_unpushed(doc: &Document, out: &mut [Candidate]) {
    let hundred = Decimal::ONE_HUNDRED;
    // Readings of a percentage from a part and one whole, by that whole.
    let mut by_whole: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, c) in out.iter().enumerate() {
        let percent = doc.figures[c.stated].kind == Kind::Percent;
        let scaled = c.params.scale.is_none_or(|s| s == hundred);
        if let (true, true, Some(w), Some(_)) =
            (percent, scaled, c.member("whole"), c.member("part"))
        {
            by_whole.entry(w).or_default().push(k);
        }
    }
    for readings in by_whole.values() {
        let stated: Vec<usize> = readings.iter().map(|&k| out[k].stated).collect();
        let mut distinct = stated.clone();
        distinct.sort_unstable();
        distinct.dedup();
        // One reading per share, at least two, printed alike, adding up.
        let decimals = doc.figures[stated[0]].decimals;
        if distinct.len() != stated.len()
            || stated.len() < 2
            || stated.iter().any(|&s| doc.figures[s].decimals != decimals)
        {
            continue;
        }
        let printed: Decimal = stated.iter().map(|&s| doc.figures[s].value).sum();
        if printed != hundred {
            continue;
        }
        // Each share's nearest rounding, when its parts' own rounding
        // leaves no doubt of it.
        let nearest = |k: usize| -> Option<Decimal> {
            let c = &out[k];
            let (part, whole) = (
                &doc.figures[c.member("part")?],
                &doc.figures[c.member("whole")?],
            );
            let computed = part.interval().div(&whole.interval())?.scale(hundred)?;
            let (lo, hi) = (
                crate::num::round_to(computed.lo, decimals),
                crate::num::round_to(computed.hi, decimals),
            );
            (lo == hi).then_some(lo)
        };
        let rounded: Option<Vec<Decimal>> = readings.iter().map(|&k| nearest(k)).collect();
        if rounded.is_some_and(|r| r.iter().copied().sum::<Decimal>() == hundred) {
            for &k in readings {
                out[k].params.unpushed = true;
            }
        }
    }
}

/// How far a share may be from its recomputation and still be a slip of
/// the author rather than a reading of the wrong figures, in points.
const PLAUSIBLE_POINTS: i64 = 12;

pub fn evaluate(doc: &Document, c: &Candidate) -> Option<Verdict> {
    let (si, pi) = (c.stated, c.member("part")?);
    // The whole is one figure, or the sum of a group's counts.
    let wholes = match c.member("whole") {
        Some(w) => vec![w],
        None => c.all("whole_part"),
    };
    let (stated, part) = (&doc.figures[si], &doc.figures[pi]);
    if wholes.is_empty()
        || !(stated.is_operand()
            && part.is_operand()
            && wholes.iter().all(|&w| doc.figures[w].is_operand()))
    {
        return None;
    }
    let mut whole_interval = doc.figures[wholes[0]].interval();
    let mut whole_value = doc.figures[wholes[0]].value;
    for &w in &wholes[1..] {
        whole_interval = whole_interval.checked_add(&doc.figures[w].interval())?;
        whole_value = whole_value.checked_add(doc.figures[w].value)?;
    }
    if part.value < Decimal::ZERO || whole_value <= Decimal::ZERO || stated.value < Decimal::ZERO {
        return None;
    }
    let scale = c.params.scale.unwrap_or(match stated.kind {
        Kind::Permille => Decimal::ONE_THOUSAND,
        Kind::Number => Decimal::ONE,
        _ => Decimal::ONE_HUNDRED,
    });
    let computed = part.interval().div(&whole_interval)?.scale(scale)?;
    let exact = part.value.checked_div(whole_value)?.checked_mul(scale)?;
    // A share is rounded to its last digit, or pushed by one unit there so
    // that a structure adds up to 100 (19.55 printed 19.5): only a miss by
    // more than that is the author's slip.
    let stated_interval = if c.params.unpushed {
        stated.interval()
    } else {
        crate::num::loosely(stated.value, stated.decimals)
    };
    let consistent = computed.overlaps(&stated_interval);
    if !consistent
        && !c.params.defined
        && (exact - stated.value).abs()
            > Decimal::from(PLAUSIBLE_POINTS) * scale / Decimal::ONE_HUNDRED
    {
        return None;
    }
    let sign = match stated.kind {
        Kind::Percent => "%",
        Kind::Permille => "‰",
        _ => "",
    };
    let expected = format!("{}{sign}", format_fixed(exact, stated.decimals));
    let whole_text = match wholes[..] {
        [w] => shown(doc, w),
        _ => {
            let terms: Vec<String> = wholes.iter().map(|&w| shown(doc, w)).collect();
            format!("({})", terms.join(" + "))
        }
    };
    let (part_text, stated_text) = (shown(doc, pi), shown(doc, si));
    let implicit = matches!(stated.kind, Kind::Percent | Kind::Permille);
    let times = if implicit || scale == Decimal::ONE {
        String::new()
    } else {
        format!(" × {scale}")
    };
    let note = format!(
        "{part_text} / {whole_text}{times} = {}{sign} → {expected}",
        format_computed(exact, stated.decimals),
    );
    let label = doc.mentions[si].label.clone();
    let lead = if label.is_empty() {
        stated_text.clone()
    } else {
        format!("{label} {stated_text}")
    };
    Some(Verdict {
        consistent,
        message: format!("{lead} does not match {part_text} / {whole_text}{times} = {expected}"),
        primary_label: format!("expected {expected}"),
        expected,
        note,
        doubtful: false,
    })
}

#[cfg(test)]
mod tests {
    use super::abbreviates;

    #[test]
    fn a_chinese_abbreviation_keeps_its_name_s_characters_in_order() {
        assert!(abbreviates("营收", "营业收入"));
        assert!(abbreviates("社零", "社会消费品零售总额"));
        assert!(!abbreviates("权益", "拿地金额"));
        assert!(!abbreviates("收营", "营业收入"));
        assert!(!abbreviates("营", "营业收入"));
    }
}
