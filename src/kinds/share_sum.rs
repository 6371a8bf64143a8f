//! Share sums: the shares of one whole add up to 100 within the rounding
//! of each.
//!
//! Shapes:
//! - `structure`: a structure `a:b:c` (三次产业结构为6.4:48.9:44.7);
//! - `list`: shares listed after 分别 for the parts of a complementary set
//!   (一、二、三产业占生产总值的比重分别为14.3%、28.8%、56.9%);
//! - `pair`: shares of one named whole whose labels make a complementary
//!   set (税收占财政总收入的比重53.79%…非税收入占财政总收入比重46.21%).

use rust_decimal::Decimal;

use super::util::{fit, shown, structure_words};
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::{Document, Role};
use crate::lex::Kind;
use crate::lexicon::{Cue, Set};
use crate::num::{format_fixed, Interval};

pub struct ShareSum;

const NAME: &str = "share-sum";

/// Words that name a structure or a breakdown of shares.
const STRUCTURE: &[&str] = &[
    "结构",
    "比例",
    "比重",
    "构成",
    "占比",
    "structure",
    "composition",
];

impl RelationKind for ShareSum {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "the shares of one whole add up to 100"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["structure", "list", "pair", "table"]
    }

    fn primary_role(&self) -> &'static str {
        "share"
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        for chain in &doc.chains {
            let first = chain[0];
            let words = structure_words(doc, first);
            let named = STRUCTURE.iter().any(|w| words.contains(w));
            if !named || chain.len() < 2 {
                continue;
            }
            out.push(shares("structure", doc, chain));
        }
        for p in &doc.respectively {
            let Some((start, end)) = p.subjects else {
                continue;
            };
            if p.values.len() < 2
                || !p
                    .values
                    .iter()
                    .all(|&v| doc.figures[v].kind == Kind::Percent)
            {
                continue;
            }
            let clause = doc.folded_between(start, doc.figures[p.values[0]].start);
            let share = doc.has_cue(start, doc.figures[p.values[0]].start, Cue::Share)
                || doc.has_cue(start, doc.figures[p.values[0]].start, Cue::ShareNoun);
            let subjects = &doc.folded[start..end];
            let covers = cx
                .lexicon
                .sets
                .iter()
                .any(|s| covers_set(s, subjects, p.values.len()));
            if share && covers && !clause.is_empty() {
                out.push(shares("list", doc, &p.values));
            }
        }
        pairs(cx, out);
        for g in super::tabular::share_groups(doc) {
            out.push(shares("table", doc, &g.shares));
        }
        // The shares of a group whose counts add up to the header's whole.
        for t in &doc.tables {
            for (c, rows) in super::tabular::whole_groups(doc, t) {
                let Some(pc) = t.columns.iter().position(|col| col.share_of == Some(c)) else {
                    continue;
                };
                let cells: Option<Vec<usize>> = rows.iter().map(|&r| t.rows[r].cells[pc]).collect();
                if let Some(cells) = cells {
                    out.push(shares("table", doc, &cells));
                }
            }
        }
        for t in &doc.tables {
            for p in super::tabular::partitions(cx.lexicon, t) {
                for (c, col) in t.columns.iter().enumerate() {
                    if !col.percent || col.change {
                        continue;
                    }
                    let cells: Vec<usize> =
                        p.parts.iter().filter_map(|&r| t.rows[r].cells[c]).collect();
                    // (An English table's percentage column beside parts is
                    // as often a rate within each row's group, which adds
                    // up to nothing: only a group shown to partition its
                    // whole, above, is read so.)
                    let composition = cells
                        .first()
                        .is_some_and(|&i| doc.mentions[i].lang == crate::lexicon::Lang::Zh);
                    if composition && cells.len() == p.parts.len() && cells.len() >= 2 {
                        out.push(shares("table", doc, &cells));
                    }
                }
            }
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let mut members = vec![c.stated];
        members.extend(c.all("share"));
        let mut sum = Interval::new(Decimal::ZERO, Decimal::ZERO);
        let mut exact = Decimal::ZERO;
        let mut decimals = 0;
        for &i in &members {
            let q = &doc.figures[i];
            if !q.is_operand() {
                return None;
            }
            // A term printed without decimals (`49`) is rounded, not exact.
            let half = if q.half.is_zero() {
                crate::num::half_unit(q.decimals, Decimal::ONE)
            } else {
                q.half
            };
            sum = sum.checked_add(&Interval::around(q.value, half))?;
            exact = exact.checked_add(q.value)?;
            decimals = decimals.max(q.decimals);
        }
        let hundred = Decimal::ONE_HUNDRED;
        let consistent = sum.overlaps(&Interval::new(hundred, hundred));
        // Far from 100: not shares of one whole at all.
        if !consistent && (exact - hundred).abs() > Decimal::from(15) {
            return None;
        }
        let terms = members
            .iter()
            .map(|&i| shown(doc, i))
            .collect::<Vec<_>>()
            .join(" + ");
        let computed = format_fixed(exact, decimals);
        Some(Verdict {
            consistent,
            expected: "100".to_owned(),
            note: format!("{terms} = {computed}"),
            message: format!("the shares {terms} add up to {computed}, not 100"),
            primary_label: format!("the shares add up to {computed}"),
            doubtful: false,
        })
    }
}

fn shares(shape: &'static str, doc: &Document, members: &[usize]) -> Candidate {
    let mut c = Candidate::new(NAME, shape, doc.mentions[members[0]].lang, members[0]).strong();
    for &m in &members[1..] {
        c = c.with("share", m);
    }
    c
}

/// Does a subjects text name every part of a set, or the set itself?
fn covers_set(set: &Set, subjects: &str, values: usize) -> bool {
    let plain: String = subjects.chars().filter(|c| *c != '、').collect();
    set.parts.len() == values
        && (set.names.iter().any(|n| plain.contains(n.as_str()))
            || set.parts.iter().all(|p| subjects.contains(p.as_str())))
}

/// Shares of one named whole whose own labels are the parts of a set.
fn pairs(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let n = doc.figures.len();
    for i in 0..n {
        let m = &doc.mentions[i];
        // A share's name is its own label or, for `第一产业增加值37952万元，
        // 占生产总值的比重为4.1%`, its subject's.
        let name = doc.name_of(i);
        if m.role != Role::Share || doc.figures[i].kind != Kind::Percent || name.is_empty() {
            continue;
        }
        let Some(whole) = m.whole.as_deref() else {
            continue;
        };
        for set in &cx.lexicon.sets {
            let Some(k) = set.parts.iter().position(|p| name.starts_with(p.as_str())) else {
                continue;
            };
            // Parts of a set add up to the set's whole only: 工业 and 建筑业
            // make 第二产业, not 生产总值.
            if k != 0 || !set.whole.is_empty() && !set.whole.iter().any(|w| fit(whole, w).is_some())
            {
                continue;
            }
            let mut members = vec![i];
            for part in &set.parts[1..] {
                let found = (i + 1..n).take(12).find(|&j| {
                    let mj = &doc.mentions[j];
                    doc.same_paragraph(i, j)
                        && mj.role == Role::Share
                        && mj.whole.as_deref() == Some(whole)
                        && doc.name_of(j).starts_with(part.as_str())
                        && mj.period.compatible(&m.period)
                });
                match found {
                    Some(j) => members.push(j),
                    None => break,
                }
            }
            if members.len() == set.parts.len() {
                out.push(shares("pair", doc, &members));
            }
        }
    }
}
