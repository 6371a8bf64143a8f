//! Percentage points: the difference of two rates.
//!
//! Shapes:
//! - `from-to`: a rate that moved from one level to another, with the
//!   move in points (`由1.36%提高到1.84%，提高0.48个百分点`, `rose 1.5
//!   percentage points to 5.8% from 4.3%`);
//! - `versus`: a rate against other rates named in brackets
//!   (`增长8.4%，比全省(7.7%)和全国(7.0%)分别高0.7、1.4个百分点`);
//! - `pair`: a gap in points followed by the two rates it separates,
//!   joined by a comparison word (`2.0 percentage points (45.0% versus
//!   43.0%)`, `3.1 points higher among women (64.1%) than among men
//!   (61.0%)`, `understated by 0.06 points: 13.91 compared to 13.97
//!   percent`);
//! - `structure`: a part's move between two structures `a:b:c` (`由
//!   8.2:47.1:44.7优化为7.9:45.3:46.8，第三产业占比提高了2.1个百分点`).

use super::runs::values_from;
use super::util::shown;
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::{Document, Role};
use crate::lex::{Kind, Level};
use crate::lexicon::Cue;
use crate::num::format_fixed;

pub struct Points;

const NAME: &str = "pp";

impl RelationKind for Points {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a change in percentage points equals the difference of the two rates"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["from-to", "versus", "pair", "structure"]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        let mut seen_runs: Vec<usize> = Vec::new();
        for d in 0..doc.figures.len() {
            let q = &doc.figures[d];
            if q.kind != Kind::Points || !q.is_operand() {
                continue;
            }
            let m = &doc.mentions[d];
            match m.role {
                Role::Change { down, versus: true } => {
                    if seen_runs.contains(&d) {
                        continue;
                    }
                    let run = values_from(doc, d);
                    seen_runs.extend(&run);
                    if !versus(doc, &run, down, out) {
                        pair(doc, d, down, out);
                    }
                }
                Role::Change {
                    down,
                    versus: false,
                } => {
                    if !bracketed_move(doc, d, Some(down), out)
                        && !from_to(doc, d, down, out)
                        && !earlier_named_by_period(doc, d, down, out)
                        && !pair(doc, d, down, out)
                    {
                        compared(doc, d, down, out);
                    }
                    structure(cx, d, down, out);
                }
                // `declined by 2.5 percentage points (…) and 3.3 percentage
                // points (from 69.4% to 66.1%)`: the second shares the
                // first's verb.
                Role::Level => {
                    // (A gap with no direction: `pair` orders its rates.)
                    let moved = bracketed_move(doc, d, None, out);
                    if !moved {
                        pair(doc, d, false, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let d = c.stated;
        let (hi, lo) = (c.member("later")?, c.member("earlier")?);
        let (stated, later, earlier) = (&doc.figures[d], &doc.figures[hi], &doc.figures[lo]);
        if !(stated.is_operand() && later.is_operand() && earlier.is_operand()) {
            return None;
        }
        let diff = later_interval(later).sub(&later_interval(earlier));
        let stated_i = if c.params.down {
            stated.interval().negate()
        } else {
            stated.interval()
        };
        let consistent = diff.overlaps(&stated_i);
        let exact = later.value - earlier.value;
        if !consistent && (exact - stated_i.midpoint()).abs() > rust_decimal::Decimal::from(8) {
            return None;
        }
        let shown_exact = if c.params.down { -exact } else { exact };
        let expected = format_fixed(shown_exact, stated.decimals);
        let (lt, et) = (shown(doc, hi), shown(doc, lo));
        Some(Verdict {
            consistent,
            message: format!(
                "{} does not match {lt} − {et} = {} points",
                shown(doc, d),
                format_fixed(exact, stated.decimals.max(later.decimals))
            ),
            primary_label: format!("expected {expected} points"),
            expected: format!("{expected} points"),
            note: format!(
                "{lt} − {et} = {} points",
                format_fixed(exact, stated.decimals.max(later.decimals))
            ),
            doubtful: false,
        })
    }
}

/// A rate's interval; a structure's term printed without decimals is
/// rounded, not exact.
fn later_interval(q: &crate::lex::Quantity) -> crate::num::Interval {
    if q.half.is_zero() && q.kind == Kind::Number {
        crate::num::Interval::around(
            q.value,
            crate::num::half_unit(q.decimals, rust_decimal::Decimal::ONE),
        )
    } else {
        q.interval()
    }
}

fn is_rate(doc: &Document, j: usize) -> bool {
    doc.figures[j].kind == Kind::Percent && doc.figures[j].is_operand()
}

/// 比全省(7.7%)和全国(7.0%)分别高0.7、1.4个百分点: the rates in brackets
/// between the comparison and the points, against the rate before it.
fn versus(doc: &Document, run: &[usize], down: bool, out: &mut Vec<Candidate>) -> bool {
    let first = run[0];
    // The comparison word (比, than) nearest before the points.
    let sentence_start = doc.segment_start(crate::lex::Level::Sentence, doc.figures[first].start);
    let Some(cmp) = doc
        .cues_in(sentence_start, doc.figures[first].start)
        .iter()
        .rev()
        .find(|h| h.cue == Cue::Versus)
        .copied()
    else {
        return false;
    };
    let others: Vec<usize> = (0..first)
        .filter(|&j| doc.figures[j].start > cmp.end && is_rate(doc, j) && doc.mentions[j].depth > 0)
        .collect();
    if others.len() != run.len() {
        return false;
    }
    // The rate compared: the nearest outside brackets before 比.
    let Some(own) = (0..first)
        .rev()
        .find(|&j| doc.figures[j].end <= cmp.start && is_rate(doc, j) && doc.mentions[j].depth == 0)
        .filter(|&j| doc.same_sentence(j, first))
    else {
        return false;
    };
    for (&d, &other) in run.iter().zip(&others) {
        out.push(reading(doc, "versus", d, own, other, down));
    }
    true
}

/// `a gap of 2.0 percentage points (45.0% versus 43.0%)`, `3.1 points
/// higher among women (64.1%) than among men (61.0%)`, `understated by
/// 0.06 points: 13.91 compared to 13.97 percent`: the two rates right
/// after the points, in brackets or after a colon or dash, joined by a
/// comparison word, the first the rate the points move or, for a gap
/// with no direction (a level), the larger.
fn pair(doc: &Document, d: usize, down: bool, out: &mut Vec<Candidate>) -> bool {
    let (a, b) = (d + 1, d + 2);
    if b >= doc.figures.len() || !doc.same_sentence(d, a) || !doc.same_sentence(d, b) {
        return false;
    }
    let (qa, qb) = (&doc.figures[a], &doc.figures[b]);
    // The first may leave its percent sign to the second (`13.91 …
    // compared to 13.97 percent`).
    let bare_rate = qa.kind == Kind::Number
        && qa.unit.is_empty()
        && qa.decimals == qb.decimals
        && qa.value < rust_decimal::Decimal::ONE_HUNDRED;
    if !is_rate(doc, b) || !(is_rate(doc, a) || bare_rate && qa.is_operand()) {
        return false;
    }
    let q = &doc.figures[d];
    let lead = doc.folded[q.unit_end.max(q.end)..qa.start].trim();
    let words = lead.split_whitespace().count();
    let opens = lead.starts_with([':', '—', '–', '(', '（']) && words <= 6
        || lead.ends_with(['(', '（']) && words <= 6 && doc.mentions[b].depth > 0;
    // Only the comparison and a few words of whom between the rates.
    let a_end = qa.unit_end.max(qa.end);
    let between = &doc.folded[a_end..qb.start];
    let compared = doc
        .cues_in(a_end, qb.start)
        .iter()
        .any(|h| h.cue == Cue::Versus);
    // And nothing after the second but its bracket or its sentence's end:
    // a third rate makes the pair a part of a longer comparison.
    let clause_end = doc.segment_end(Level::Clause, qb.end);
    let closes = (b + 1 == doc.figures.len())
        || !is_rate(doc, b + 1)
        || doc.figures[b + 1].start >= clause_end;
    if !opens || !compared || between.split_whitespace().count() > 6 || !closes {
        return false;
    }
    let (later, earlier) = if doc.mentions[d].role == Role::Level && qb.value > qa.value {
        (b, a)
    } else {
        (a, b)
    };
    out.push(reading(doc, "pair", d, later, earlier, down));
    true
}

/// The reading that points `d` are the move from `earlier` to `later`.
fn moved(doc: &Document, d: usize, later: usize, earlier: usize, down: bool) -> Candidate {
    reading(doc, "from-to", d, later, earlier, down)
}

/// The reading, of shape `shape`, that points `d` are `later` − `earlier`
/// (or its opposite when `down`).
fn reading(
    doc: &Document,
    shape: &'static str,
    d: usize,
    later: usize,
    earlier: usize,
    down: bool,
) -> Candidate {
    let mut c = Candidate::new(NAME, shape, doc.mentions[d].lang, d)
        .with("later", later)
        .with("earlier", earlier)
        .strong();
    c.params.down = down;
    c
}

/// `declined by 2.5 percentage points (from 72.1% to 69.6%)`: the move
/// in brackets right after the points. A direction the text leaves to the
/// shared verb (`None`) is the move's own.
fn bracketed_move(doc: &Document, d: usize, down: Option<bool>, out: &mut Vec<Candidate>) -> bool {
    let (earlier, later) = (d + 1, d + 2);
    if later >= doc.figures.len()
        || !is_rate(doc, earlier)
        || !is_rate(doc, later)
        || !doc.same_sentence(d, earlier)
        || !doc.same_sentence(d, later)
        || !doc.mentions[earlier].lead.has(Cue::From)
        || !doc.mentions[later].lead.has(Cue::To)
    {
        return false;
    }
    let q = &doc.figures[d];
    let opens = doc
        .folded
        .get(q.unit_end.max(q.end)..doc.figures[earlier].start)
        .is_some_and(|gap| gap.trim_start().starts_with(['(', '（']));
    if !opens {
        return false;
    }
    let down = down.unwrap_or(doc.figures[later].value < doc.figures[earlier].value);
    out.push(moved(doc, d, later, earlier, down));
    true
}

/// `同比增7.4%，较2020年同比增速4.3%提升3.1pct`, `毛利率25.3%，比上年同期的
/// 24.1%提高1.2个百分点`: the rate a comparison word (较, 比, compared with)
/// leads to, right before the points, is the earlier value; the rate
/// before the comparison word, in the sentence, the later.
fn compared(doc: &Document, d: usize, down: bool, out: &mut Vec<Candidate>) {
    // The figure before `k` in the sentence, dates aside.
    let figure_before = |k: usize| {
        (0..k)
            .rev()
            .take_while(|&j| doc.same_sentence(j, d))
            .find(|&j| doc.figures[j].kind != Kind::Date)
    };
    let Some(earlier) = figure_before(d) else {
        return;
    };
    let Some(later) = figure_before(earlier) else {
        return;
    };
    let plain = |j: usize| is_rate(doc, j) && doc.mentions[j].depth == 0;
    if !plain(earlier) || !plain(later) {
        return;
    }
    let (l, e) = (&doc.figures[later], &doc.figures[earlier]);
    let Some(cmp) = doc
        .cues_in(l.unit_end.max(l.end), e.start)
        .iter()
        .find(|h| matches!(h.cue, Cue::Versus | Cue::Base))
        .copied()
    else {
        return;
    };
    // The comparison is the later rate's: only punctuation or a rate's
    // name (增速) between them. `增长5.2%，其中工业增速较上年的4.6%回落` moves
    // another rate, whose value is not printed.
    let own = doc.folded[l.unit_end.max(l.end)..cmp.start].trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "，、；：".contains(c)
    });
    let named_rate = doc
        .cues_in(cmp.start - own.len(), cmp.start)
        .iter()
        .any(|h| h.cue == Cue::GrowthNoun && h.start == cmp.start - own.len());
    if !own.is_empty() && !named_rate {
        return;
    }
    // `比上年增长4.6%` is this period's change, not the earlier rate (a
    // rate's name, 增速, is no verb).
    if doc
        .cues_in(cmp.end, e.start)
        .iter()
        .any(|h| matches!(h.cue, Cue::Up | Cue::Down))
    {
        return;
    }
    // Only a date and the rate's name between the comparison word and the
    // rate: `比全省高` compares no printed rate. `占主营收入比18.5%，较上年提升
    // 3pct` is a share (its 比 no comparison) moved against a rate not
    // printed.
    let d_start = doc.figures[d].start;
    if doc.folded[cmp.end..e.start].chars().count() > 16
        || doc.mentions[earlier].role == Role::Share
        || doc
            .cues_in(e.unit_end.max(e.end), d_start)
            .iter()
            .any(|h| h.cue == Cue::Versus)
    {
        return;
    }
    out.push(moved(doc, d, later, earlier, down));
}

/// Is figure `j` named by nothing but a period (`上年为55.6%`, `（2022年为
/// 29.7%）`, `上年增长5.2%`) or by no words at all?
fn named_by_period_only(doc: &Document, j: usize) -> bool {
    let m = &doc.mentions[j];
    let (s, e) = m.label_span;
    m.label.is_empty() || doc.only_prior_word(s, e, &doc.folded[s..e])
}

/// `比重为56.8%，比上年提高1.2个百分点，上年为55.6%`, `毛利率为32.4%，同比提升2.7个
/// 百分点（2022年为29.7%）`, `Gross margin was 41.3%, down 2.1 points from
/// 43.4%`: a rate beside the points, named by nothing but an earlier
/// period (or by `from` right after them), is the earlier value of the
/// rate the points move, the one before them in the sentence.
fn earlier_named_by_period(doc: &Document, d: usize, down: bool, out: &mut Vec<Candidate>) -> bool {
    let in_sentence = |j: usize| doc.same_sentence(j, d) && is_rate(doc, j);
    let year = |j: usize| doc.mentions[j].period.year;
    // The rate the points move: their subject, else the nearest plain
    // rate before them that no earlier period names.
    let later_of = |earlier: usize| {
        doc.mentions[d]
            .subject
            .filter(|&s| s != earlier && in_sentence(s) && !doc.mentions[s].period.prior)
            .or_else(|| {
                (0..d).rev().take(4).find(|&j| {
                    j != earlier
                        && in_sentence(j)
                        && doc.mentions[j].depth == 0
                        && !doc.mentions[j].period.prior
                })
            })
    };
    let lo = d.saturating_sub(2);
    let hi = (d + 3).min(doc.figures.len());
    for earlier in (lo..hi).filter(|&j| j != d && in_sentence(j)) {
        let m = &doc.mentions[earlier];
        // Only dates between the points and a value after them.
        if earlier > d && (d + 1..earlier).any(|k| doc.figures[k].kind != Kind::Date) {
            continue;
        }
        let from_after = earlier == d + 1 && m.lead.has(Cue::From) && m.label.is_empty();
        if !from_after && !named_by_period_only(doc, earlier) {
            continue;
        }
        let Some(later) = later_of(earlier) else {
            continue;
        };
        // Earlier by its words, or by its year against the later's.
        let dated_before = year(earlier).zip(year(later)).is_some_and(|(e, l)| e < l);
        if !(from_after || m.period.prior || dated_before) {
            continue;
        }
        out.push(moved(doc, d, later, earlier, down));
        return true;
    }
    false
}

/// 由a%提高到b%，提高d个百分点 / rose d points to b% from a%.
fn from_to(doc: &Document, d: usize, down: bool, out: &mut Vec<Candidate>) -> bool {
    let near = |j: usize| doc.same_sentence(j, d) && is_rate(doc, j) && j.abs_diff(d) <= 4;
    let lo = d.saturating_sub(4);
    let hi = (d + 5).min(doc.figures.len());
    let to: Vec<usize> = (lo..hi)
        .filter(|&j| near(j) && doc.mentions[j].lead.has(Cue::To))
        .collect();
    let from: Vec<usize> = (lo..hi)
        .filter(|&j| {
            near(j) && (doc.mentions[j].lead.has(Cue::From) || doc.mentions[j].period.prior)
        })
        .collect();
    // `毛利率为41.37%，去年同期为43.05%，下降1.68个百分点`: without a `to`, the
    // later value is the one of the same name that is not of the earlier
    // period.
    // (`Gross margin was 42.5%, compared with 40.1% a year earlier`: or
    // the value the earlier one is compared with.)
    let named_later: Vec<usize> = match (to.as_slice(), from.as_slice()) {
        ([], [earlier]) => {
            let e = &doc.mentions[*earlier];
            (lo..hi)
                .filter(|&j| {
                    j != *earlier
                        && near(j)
                        && !doc.mentions[j].period.prior
                        && (!e.label.is_empty() && doc.mentions[j].label == e.label
                            || e.label.is_empty()
                                && e.lead.has(Cue::Versus)
                                && e.subject == Some(j))
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let to = if to.is_empty() { named_later } else { to };
    if let ([later], [earlier]) = (to.as_slice(), from.as_slice()) {
        if later != earlier {
            out.push(moved(doc, d, *later, *earlier, down));
            return true;
        }
    }
    false
}

/// A part's share moving between two structures in one sentence.
fn structure(cx: &Context, d: usize, down: bool, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let label = &doc.mentions[d].label;
    // The chains of d's sentence before d.
    let sentence = doc.segment_start(Level::Sentence, doc.figures[d].start);
    let first = doc
        .chains
        .partition_point(|c| doc.figures[c[0]].start < sentence);
    let in_sentence: Vec<&Vec<usize>> = doc.chains[first..]
        .iter()
        .take_while(|c| c[0] < d)
        .filter(|c| c.iter().all(|&j| doc.same_sentence(j, d) && j < d))
        .collect();
    let [earlier, later] = in_sentence.as_slice() else {
        return;
    };
    if earlier.len() != later.len() {
        return;
    }
    for set in &cx.lexicon.sets {
        if set.parts.len() != earlier.len() {
            continue;
        }
        if let Some(k) = set.parts.iter().position(|p| label.starts_with(p.as_str())) {
            let mut c = Candidate::new(NAME, "structure", doc.mentions[d].lang, d)
                .with("later", later[k])
                .with("earlier", earlier[k])
                .strong();
            c.params.down = down;
            out.push(c);
            return;
        }
    }
}
