//! Growth: a rate of change against the two values it compares.
//!
//! Shapes:
//! - `base`: the current value and a base value the text marks as the
//!   earlier one, however it does (由B增加到C, 上年为B, `from B`, `compared
//!   with B`, `B a year earlier`): (C / B − 1) × 100;
//! - `increment`: the value, its increment and its rate (`51653万元，增加
//!   6455万元，增长14.28%`): D / (C − D) × 100;
//! - `per-year`: 年均增长 over the years that date the two values.
//!
//! In Chinese bulletins the growth of GDP and value added is real while
//! the values are at current prices; the lexicon's `real` cues and
//! real-growth labels keep those from being recomputed.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

use super::util::{comparable, is_level, shown};
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::{Document, Role};
use crate::lex::{Kind, Level};
use crate::lexicon::{Cue, Lang};
use crate::num::{format_computed, format_fixed, Interval};

pub struct Growth;

const NAME: &str = "growth";

impl RelationKind for Growth {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "a growth rate equals the change from the base value to the current one"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["base", "increment", "per-year", "table"]
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        tables(doc, out);
        for r in 0..doc.figures.len() {
            if doc.mentions[r].in_table && doc.table_of(r).is_some() {
                // A cell's values are its row's, read by `tables`.
                continue;
            }
            let m = &doc.mentions[r];
            let q = &doc.figures[r];
            let Role::Change {
                down,
                versus: false,
            } = m.role
            else {
                continue;
            };
            if q.kind != Kind::Percent || !q.is_operand() || m.before.has(Cue::MultiYear) {
                continue;
            }
            if real_growth(cx, r) {
                continue;
            }
            let per_year = m.before.has(Cue::PerYear);
            let Some(current) = current_of(doc, r) else {
                continue;
            };
            if let Some(base) = base_of(doc, r, current) {
                let shape = if per_year { "per-year" } else { "base" };
                let mut c = Candidate::new(NAME, shape, m.lang, r)
                    .with("current", current)
                    .with("base", base)
                    .strong();
                c.params.down = down;
                c.params.years = if per_year {
                    match years_between(doc, base, current) {
                        Some(y) => y,
                        None => continue,
                    }
                } else {
                    1
                };
                out.push(c);
            } else if !per_year {
                if let Some(inc) = increment_of(doc, r, current) {
                    // `reached 115 million users and 90 million records, an
                    // increase of 9% or 10 million`: with another level
                    // before it that has no change of its own, the rate may
                    // be of either.
                    let rival = (0..r)
                        .rev()
                        .take_while(|&k| doc.same_sentence(k, r))
                        .any(|k| {
                            k != current
                                && is_level(doc, k)
                                && comparable(&doc.figures[k], &doc.figures[current])
                                && !(k + 1..r).any(|j| {
                                    doc.mentions[j].subject == Some(k)
                                        && matches!(doc.mentions[j].role, Role::Change { .. })
                                })
                        });
                    let mut c = Candidate::new(NAME, "increment", m.lang, r)
                        .with("current", current)
                        .with("increment", inc);
                    if !rival {
                        c = c.strong();
                    }
                    c.params.down = down;
                    c.params.years = 1;
                    out.push(c);
                }
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        evaluate(doc, c)
    }
}

/// A table's change columns against the two value columns of the years
/// their header compares (`2014年 | 2015年 | 2015年比2014增长%`), row by
/// row. A change column whose header names no years compares the two
/// dated value columns before it.
fn tables(doc: &Document, out: &mut Vec<Candidate>) {
    for t in &doc.tables {
        for (c, col) in t.columns.iter().enumerate() {
            // A change column, or a percentage column that the rows show
            // to be one (`2017 | 2016 | Dollars | Percent`).
            if !(col.change || col.percent && is_growth_column(doc, t, c)) {
                continue;
            }
            let Some((cur_col, base_col)) =
                super::tabular::compared_columns(t, c, |later, earlier| {
                    agreeing(doc, t, c, later, earlier)
                })
            else {
                continue;
            };
            for row in t.rows.iter().filter(|r| !r.broken && !rate_row(r)) {
                let (Some(rate), Some(cur), Some(base)) =
                    (row.cells[c], row.cells[cur_col], row.cells[base_col])
                else {
                    continue;
                };
                let usable = [rate, cur, base]
                    .iter()
                    .all(|&i| doc.figures[i].is_operand())
                    && !negative(doc, cur)
                    && !negative(doc, base);
                if !usable || doc.figures[rate].kind != Kind::Percent {
                    continue;
                }
                out.push(table_reading(doc, rate, cur, base).strong());
            }
        }
    }
}

/// A loss in brackets (`(85,423)`) or a negative value: a change of it has
/// no growth rate all authors agree on.
fn negative(doc: &Document, i: usize) -> bool {
    doc.figures[i].value.is_sign_negative() || crate::doc::table::in_brackets(doc, i)
}

/// Table cell `rate` as the growth from `base` to `cur` over one period.
fn table_reading(doc: &Document, rate: usize, cur: usize, base: usize) -> Candidate {
    let mut cand = Candidate::new(NAME, "table", doc.mentions[rate].lang, rate)
        .with("current", cur)
        .with("base", base);
    cand.params.years = 1;
    // Accounts print a fall in brackets: `(71.9%)`.
    cand.params.down = crate::doc::table::in_brackets(doc, rate);
    cand
}

/// A row of a rate (客房开房率, `rate`): its change is in points, not a
/// growth rate.
fn rate_row(row: &crate::doc::table::Row) -> bool {
    row.label.ends_with('率') || row.label.ends_with("rate")
}

/// Is percentage column `c`, whose header does not say so, the growth
/// between two value columns in every row but one?
pub fn is_growth_column(doc: &Document, t: &crate::doc::table::Table, c: usize) -> bool {
    let col = &t.columns[c];
    if !col.percent || col.bracketed || col.fraction.is_some() || col.share_of.is_some() {
        return false;
    }
    let pair = super::tabular::compared_columns(t, c, |later, earlier| {
        agreeing(doc, t, c, later, earlier)
    });
    pair.is_some_and(|(later, earlier)| {
        let (rows, held) = agreeing(doc, t, c, later, earlier);
        super::tabular::keeps(rows, held)
    })
}

/// In how many rows growth column `c` is the change from column
/// `earlier` to column `later`: (rows judged, rows that hold).
fn agreeing(
    doc: &Document,
    t: &crate::doc::table::Table,
    c: usize,
    later: usize,
    earlier: usize,
) -> (usize, usize) {
    let readings: Vec<Candidate> = t
        .rows
        .iter()
        .filter(|r| !r.broken && !rate_row(r))
        .filter_map(|row| {
            let (rate, x, y) = (row.cells[c]?, row.cells[later]?, row.cells[earlier]?);
            (!negative(doc, x) && !negative(doc, y)).then(|| table_reading(doc, rate, x, y))
        })
        .collect();
    super::tabular::agreement(doc, &readings, evaluate)
}

/// Is this rate real while the values beside it are nominal (GDP and
/// value added in Chinese bulletins, or a rate at comparable prices)?
fn real_growth(cx: &Context, r: usize) -> bool {
    let doc = cx.doc;
    let m = &doc.mentions[r];
    if m.lang != Lang::Zh {
        return false;
    }
    let sentence = doc.segment_start(Level::Sentence, doc.figures[r].start);
    let clause_hits = doc.cues_in(sentence, doc.figures[r].start);
    if clause_hits
        .iter()
        .any(|h| matches!(h.cue, Cue::Real | Cue::Comparable))
    {
        return true;
    }
    let label = m.subject.map_or(m.label.as_str(), |s| doc.name_of(s));
    let current = current_of(doc, r).map_or("", |c| doc.name_of(c));
    cx.lexicon.real_growth.iter().any(|w| {
        label.contains(w.as_str()) || m.label.contains(w.as_str()) || current.contains(w.as_str())
    })
}

/// Is figure `j` marked as the earlier value of a comparison?
fn marked_base(doc: &Document, j: usize) -> bool {
    let m = &doc.mentions[j];
    let start = doc.figures[j].start;
    // `from its peak of $57,843`: 由, from or compared with a few words
    // before the figure.
    // `较去年同期的700家`: a base phrase right before it.
    let near = doc.cues_in(m.window.0, start).iter().any(|h| {
        matches!(h.cue, Cue::From | Cue::Versus) && start - h.end <= 32
            || h.cue == Cue::Base && doc.folded[h.end..start].trim() == "的"
    });
    m.lead.has(Cue::From)
        || m.lead.has(Cue::Versus)
        || near
        || m.period.prior
        || (m.lang == Lang::En && m.after.has(Cue::Prior))
}

/// The value a rate is the growth of: the level right after it with
/// `to` (`increased 29% to $939.7 million`), or the nearest level before
/// it in its sentence that is not the earlier value; for a rate that
/// opens its sentence, the previous sentence's (`… to $53,657 in 2014.
/// Real income declined by 7.2 percent`).
fn current_of(doc: &Document, r: usize) -> Option<usize> {
    if let Some(after) = reached_after(doc, r) {
        return Some(after);
    }
    let own = (0..r)
        .rev()
        .take(6)
        .take_while(|&j| doc.same_sentence(j, r))
        .find(|&j| is_level(doc, j) && !marked_base(doc, j));
    if let Some(j) = own {
        // `So far in 2012, there's been 487 reported incidents. At this
        // point in 2011, there were 566 …, a 14 percent decline`: the
        // value beside the rate is dated before the same count in the
        // sentence before, so that one is the current value.
        return Some(later_restatement(doc, j).unwrap_or(j));
    }
    // The rate opens its sentence, or only the earlier value stands
    // before it (`At this time last year, there were 20, meaning homicides
    // are down by 40 percent`).
    let opens = (0..r)
        .rev()
        .take_while(|&j| doc.same_sentence(j, r))
        .all(|j| !doc.figures[j].is_operand() || marked_base(doc, j));
    let prev = (0..r).rev().find(|&j| !doc.same_sentence(j, r))?;
    // In its paragraph, or the one before (news prose gives each sentence
    // a paragraph).
    let near = doc.figures[r].paragraph - doc.figures[prev].paragraph <= 1;
    if !opens || !near {
        return None;
    }
    // Only when the rate names the same quantity (`Real income declined
    // by 7.2 percent` after `real median household income … to $53,657`).
    let own = doc.mentions[r].label.as_str();
    (0..=prev)
        .rev()
        .take(6)
        .take_while(|&j| doc.same_sentence(j, prev))
        .find(|&j| is_level(doc, j) && !marked_base(doc, j))
        .filter(|&j| !own.is_empty() && names_agree(own, doc.name_of(j)))
}

/// The level a rate's sentence moves `to` right after it: `increased 29%
/// to $939.7 million`, `declined 96.6% from 1996 to 2011 (from 11.7 to
/// 0.4 per 100,000)`. Dates, ranges and `per 1,000` may come between, and
/// one level marked as the start (`from 69.2`).
fn reached_after(doc: &Document, r: usize) -> Option<usize> {
    // `up 4.1% (+$1.12 to $28.44)`: past the increment.
    let next = (r + 1..doc.figures.len()).take(2).find(|&j| {
        is_level(doc, j) && doc.same_sentence(r, j) && doc.mentions[j].lead.has(Cue::To)
    });
    if next.is_some() {
        return next;
    }
    let mut from_seen = false;
    for j in (r + 1..doc.figures.len()).take(6) {
        if !doc.same_sentence(r, j) {
            break;
        }
        if !doc.figures[j].is_operand() || doc.mentions[j].role == Role::Other {
            continue;
        }
        if !is_level(doc, j) {
            break;
        }
        let lead = &doc.mentions[j].lead;
        if lead.has(Cue::To) {
            return Some(j);
        }
        if !lead.has(Cue::From) || from_seen {
            break;
        }
        from_seen = true;
    }
    None
}

/// The one level of the sentence before `j`'s (in its paragraph or the
/// one before) that counts the same thing as `j`, dated a later year.
fn later_restatement(doc: &Document, j: usize) -> Option<usize> {
    let year = doc.mentions[j].period.year?;
    let sentence = doc.figures[j].sentence;
    // The sentence before with a figure in it.
    let before = (0..j)
        .rev()
        .map(|k| doc.figures[k].sentence)
        .find(|&s| s < sentence)?;
    let same_count = |k: usize| {
        let (mk, mj) = (&doc.mentions[k], &doc.mentions[j]);
        comparable(&doc.figures[k], &doc.figures[j])
            && (!mk.noun.is_empty() && mk.noun == mj.noun || names_agree(&mk.label, &mj.label))
    };
    let found: Vec<usize> = (0..j)
        .rev()
        .take_while(|&k| doc.figures[k].sentence >= before)
        .filter(|&k| {
            doc.figures[k].sentence == before
                && doc.figures[j].paragraph - doc.figures[k].paragraph <= 1
                && is_level(doc, k)
                && doc.mentions[k].period.year.is_some_and(|y| y > year)
                && !marked_base(doc, k)
                && same_count(k)
        })
        .collect();
    match found.as_slice() {
        [k] => Some(*k),
        _ => None,
    }
}

/// Do two labels name one quantity: every word (or, in Chinese, nearly
/// every character) of the shorter in the longer?
fn names_agree(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        let words: Vec<&str> = long.split(' ').collect();
        return short.split(' ').all(|w| words.contains(&w));
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short.chars().filter(|c| long.contains(*c)).count() * 4 >= short.chars().count() * 3
}

/// A base value: a level of the same sort, in the sentence (or the next
/// one), that the text marks as the earlier value.
fn base_of(doc: &Document, r: usize, current: usize) -> Option<usize> {
    let cq = &doc.figures[current];
    // A numeral in words counts things named around it, seldom a level
    // that grew; unless the text moves it `from 17 … to five`.
    if cq.in_words && !doc.mentions[current].lead.has(Cue::To) {
        return None;
    }
    if let Some(b) = paired_from(doc, current) {
        return Some(b);
    }
    let marked = |j: usize| marked_base(doc, j);
    let sentence_of = |j: usize| doc.figures[j].sentence;
    // The sentence right after the current value's, in its paragraph or
    // the next (`At this time last year, there were 20`).
    let next_sentence = |j: usize| {
        let (s, sj) = (sentence_of(current), sentence_of(j));
        sj > s
            && doc.figures[j].paragraph <= doc.figures[current].paragraph + 1
            && (current.min(j) + 1..current.max(j))
                .all(|k| sentence_of(k) == s || sentence_of(k) == sj)
    };
    // A base in another sentence names what the current value names, or
    // nothing (`there were 20`): `$2.42` of another price is no base.
    let named_alike = |j: usize| {
        let name = doc.name_of(j);
        name.is_empty() || names_agree(name, doc.name_of(current))
    };
    let lo = current.min(r).saturating_sub(4);
    let hi = (current.max(r) + 5).min(doc.figures.len());
    let (cur_year, _) = (doc.mentions[current].period.year, ());
    let earlier_year = |j: usize| {
        doc.mentions[j]
            .period
            .year
            .zip(cur_year)
            .is_some_and(|(b, c)| b < c)
    };
    let found: Vec<usize> = (lo..hi)
        .filter(|&j| {
            j != current
                && is_level(doc, j)
                && comparable(&doc.figures[j], cq)
                && (sentence_of(j) == sentence_of(current)
                    || next_sentence(j)
                        && (doc.mentions[j].period.prior || earlier_year(j))
                        && named_alike(j))
                && (marked(j) || earlier_year(j))
                && doc.mentions[j].adjusted == doc.mentions[current].adjusted
                && !doc.mentions[j].period.target
                && !doc.mentions[current].period.prior
        })
        .collect();
    // One base, clearly marked; two are a guess.
    match found.as_slice() {
        [b] => Some(*b),
        _ => None,
    }
}

/// `from 11.7 to 0.4 cases per 100,000`: the level marked `from` right
/// before a level reached `to` is its base, whatever else the sentence
/// compares.
fn paired_from(doc: &Document, current: usize) -> Option<usize> {
    if !doc.mentions[current].lead.has(Cue::To) {
        return None;
    }
    let b = (0..current)
        .rev()
        .take(3)
        .take_while(|&j| doc.same_sentence(j, current))
        .find(|&j| doc.figures[j].is_operand() && doc.mentions[j].role != Role::Other)?;
    let cq = &doc.figures[current];
    (is_level(doc, b)
        && doc.mentions[b].lead.has(Cue::From)
        && comparable(&doc.figures[b], cq)
        && doc.mentions[b].adjusted == doc.mentions[current].adjusted)
        .then_some(b)
}

/// `增加5120万元，增长13.23%`: an increment of the same value beside the
/// rate.
fn increment_of(doc: &Document, r: usize, current: usize) -> Option<usize> {
    let cq = &doc.figures[current];
    // `up 4.1% (+$1.12 to $28.44)`: the increment between the rate and
    // the value it reaches.
    if current > r {
        // `rose $446 million (11 percent) … to reach $4.6 billion`: the
        // increment right before its rate, too.
        return (r.saturating_sub(1)..current)
            .filter(|&j| j != r)
            .find(|&j| {
                let m = &doc.mentions[j];
                doc.figures[j].kind == Kind::Number
                    && matches!(m.role, Role::Change { versus: false, .. })
                    && doc.figures[j].is_operand()
                    && doc.same_sentence(j, r)
                    && comparable(&doc.figures[j], cq)
                    && measured_alike(&doc.figures[j], cq)
            });
    }
    // (`318 billion yuan, up 12.4% or 35.1 billion yuan`: or right after
    // the rate, joined to it by `or`.)
    (current + 1..(r + 2).min(doc.figures.len()))
        .filter(|&j| j < r || j == r + 1 && doc.joined_by_or(r, j))
        .find(|&j| {
            let m = &doc.mentions[j];
            doc.figures[j].kind == Kind::Number
                && matches!(m.role, Role::Change { versus: false, .. })
                && doc.figures[j].is_operand()
                && m.subject == Some(current)
                && comparable(&doc.figures[j], cq)
                && measured_alike(&doc.figures[j], cq)
        })
}

/// An increment of an amount in a unit (24.28亿元) states the unit too:
/// a bare number beside it measures something else.
fn measured_alike(inc: &crate::lex::Quantity, level: &crate::lex::Quantity) -> bool {
    let bare = |q: &crate::lex::Quantity| q.unit.is_empty() && q.multiplier == Decimal::ONE;
    bare(inc) == bare(level) || !bare(inc)
}

/// The years that date the base and the current value: the year printed
/// before each (`由2015年的…增加到2020年的…`).
fn years_between(doc: &Document, base: usize, current: usize) -> Option<u32> {
    let (b, c) = (
        doc.mentions[base].period.year?,
        doc.mentions[current].period.year?,
    );
    let years = u32::from(c.checked_sub(b)?);
    (years >= 1).then_some(years)
}

/// The growth rate in percent per year that turns 1 into `ratio` over
/// `years` years: exact over one year; over several, the root is taken
/// in `f64`, far finer than any printed rate.
fn annual_rate(ratio: Decimal, years: u32) -> Option<Decimal> {
    if years <= 1 {
        return (ratio - Decimal::ONE).checked_mul(Decimal::ONE_HUNDRED);
    }
    let root = ratio.to_f64()?.powf(1.0 / f64::from(years));
    Decimal::from_f64((root - 1.0) * 100.0)
}

/// How far a rate may be from its recomputation, in points, and still be
/// a slip rather than a reading of the wrong values (at least; a quarter
/// of a larger rate).
const PLAUSIBLE_POINTS: i64 = 10;

fn evaluate(doc: &Document, c: &Candidate) -> Option<Verdict> {
    let r = c.stated;
    let rate = &doc.figures[r];
    let ci = c.member("current")?;
    let cur = &doc.figures[ci];
    let (base, base_text) = if let Some(bi) = c.member("base") {
        (doc.figures[bi].interval(), shown(doc, bi))
    } else {
        let ii = c.member("increment")?;
        let inc = doc.figures[ii].interval();
        let signed = if c.params.down { inc.negate() } else { inc };
        (
            cur.interval().sub(&signed),
            format!(
                "({} {} {})",
                shown(doc, ci),
                if c.params.down { "+" } else { "−" },
                shown(doc, ii)
            ),
        )
    };
    if !(rate.is_operand() && cur.is_operand())
        || base.lo <= Decimal::ZERO
        || cur.value < Decimal::ZERO
    {
        return None;
    }
    // With an increment the current value stands above and below the
    // line: its extremes are taken together (D / (C − D) falls as C
    // grows), not as two independent values.
    let ratio = match c.member("increment") {
        Some(ii) => {
            let (inc, cv) = (doc.figures[ii].interval(), cur.interval());
            let (lo, hi) = if c.params.down {
                (
                    cv.lo.checked_div(cv.lo + inc.hi)?,
                    cv.hi.checked_div(cv.hi + inc.lo)?,
                )
            } else {
                (
                    cv.hi.checked_div(cv.hi - inc.lo)?,
                    cv.lo.checked_div(cv.lo - inc.hi)?,
                )
            };
            Interval::new(lo.min(hi), lo.max(hi))
        }
        None => cur.interval().div(&base)?,
    };
    let years = c.params.years.max(1);
    let computed = Interval::new(annual_rate(ratio.lo, years)?, annual_rate(ratio.hi, years)?);
    let exact = annual_rate(cur.value.checked_div(base.midpoint())?, years)?;
    // A rate rounded to its last digit, or cut off there.
    let loose = crate::num::loosely(rate.value, rate.decimals);
    let stated = if c.params.down { loose.negate() } else { loose };
    let consistent = computed.overlaps(&stated);
    // Ten points, or a quarter of a large rate (157.71% stated for 167.7%
    // is a slip too).
    let plausible = Decimal::from(PLAUSIBLE_POINTS).max(exact.abs() / Decimal::from(4));
    if !consistent && (exact - stated.midpoint()).abs() > plausible {
        return None;
    }
    let shown_rate = if c.params.down { -exact } else { exact };
    let expected = format!("{}%", format_fixed(shown_rate, rate.decimals));
    let cur_text = shown(doc, ci);
    let root = if years > 1 {
        format!("({cur_text} / {base_text})^(1/{years}) − 1")
    } else {
        format!("{cur_text} / {base_text} − 1")
    };
    let note = format!(
        "{root} = {}% → {}{expected}",
        format_computed(exact, rate.decimals),
        if c.params.down { "a fall of " } else { "" }
    );
    let word = if c.params.down { "fall" } else { "growth" };
    Some(Verdict {
        consistent,
        message: format!(
            "{word} of {} does not match {root} = {}%",
            shown(doc, r),
            format_fixed(exact, rate.decimals)
        ),
        primary_label: format!("expected {expected}"),
        expected,
        note,
        doubtful: false,
    })
}
