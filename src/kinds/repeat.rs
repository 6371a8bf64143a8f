//! Repeats: the same quantity stated twice must agree.
//!
//! Shapes:
//! - `headline`: a figure of a title or summary line against the first
//!   figure of the body that names the same quantity;
//! - `same-label`: two figures with the same label, role, unit and
//!   period (and the same whole, for a part), as a section restating its
//!   lead or a target restated in its explanation.
//!
//! What is not a repeat: the same label in another period (7月份 and
//! 1—7月份, this year and last), of another whole (其中城镇人口 of 户籍人口
//! and of 常住人口), a goal and an outcome.

use rustc_hash::FxHashMap as HashMap;

use rust_decimal::Decimal;

use super::util::{fit, shown, significant_digits, structure_set, units_agree};
use super::{Candidate, Context, RelationKind, Strength, Verdict};
use crate::doc::{Document, Period, Role};
use crate::lex::{Kind, Level};
use crate::lexicon::{Cue, Lang, Set};

pub struct Repeat;

const NAME: &str = "repeat";

/// Groups of headline pairs, keyed by the headline's figure.
const HEADLINE: u64 = 1 << 42;

/// How many figures after a headline its body statement is looked for.
const HEADLINE_REACH: usize = 2000;

impl RelationKind for Repeat {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "the same quantity stated twice has the same value"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &[
            "headline",
            "table",
            "structure",
            "same-label",
            "estimate",
            "restated",
            "table-text",
            "table-row",
            "quarter-run",
        ]
    }

    fn primary_role(&self) -> &'static str {
        "restated"
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        let keys: Vec<Option<Key>> = (0..doc.figures.len()).map(|i| key(doc, i)).collect();
        // Figures by key, in order: the next statement of a quantity is
        // found without a scan of the rest of the document.
        let mut by_key: HashMap<&Key, Vec<usize>> = HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            if let Some(k) = k {
                by_key.entry(k).or_default().push(i);
            }
        }
        tables(doc, &cx.lexicon.sets, &keys, &by_key, out);
        structures(cx, out);
        estimates(doc, out);
        super::restated::propose(doc, out);
        super::table_text::propose(doc, out);
        rows_twice(doc, out);
        super::quarters::restated(doc, out);
        let headlines = headline_paragraphs(doc);
        let is_headline = |j: usize| headlines.contains_key(&doc.figures[j].paragraph);
        for i in 0..doc.figures.len() {
            let Some(k) = &keys[i] else { continue };
            if let Some(&reach) = headlines.get(&doc.figures[i].paragraph) {
                // A line further on names its quantity fully (`n` of `AM
                // (n=102)` is no name).
                if reach != usize::MAX && !specific(k) {
                    continue;
                }
                // The first later body figure that names the same quantity
                // in a period the headline allows (a headline's 1-7月份 is
                // not the body's 7月份; an undated headline leaves its
                // period to the text).
                let period = doc.mentions[i].period;
                let found = (i + 1..doc.figures.len())
                    .take(HEADLINE_REACH)
                    .take_while(|&j| doc.figures[j].paragraph <= reach)
                    .find(|&j| {
                        !is_headline(j)
                            && keys[j].as_ref().is_some_and(|kj| {
                                kj.class == k.class
                                    && kj.real == k.real
                                    && names_alike(&k.name, &kj.name, k.lang)
                            })
                            && period.compatible(&context_period(doc, j))
                    });
                // A one-word English name (`Homicides down 40 percent`)
                // is too loose to search the text for: it is the text's
                // first figure of its kind, if that one names it.
                let found = found.or_else(|| {
                    if k.lang != Lang::En || k.name.contains(' ') || k.name.len() < 4 {
                        return None;
                    }
                    let first = (i + 1..doc.figures.len())
                        .take(HEADLINE_REACH)
                        .take_while(|&j| doc.figures[j].paragraph <= reach)
                        .find(|&j| {
                            !is_headline(j)
                                && keys[j].as_ref().is_some_and(|kj| kj.class == k.class)
                        })?;
                    let kj = keys[first].as_ref()?;
                    let word = stem(&k.name);
                    (kj.real == k.real
                        && kj.name.split(' ').any(|w| stem(w) == word)
                        && period.compatible(&context_period(doc, first)))
                    .then_some(first)
                });
                if let Some(j) = found {
                    // A headline printed twice (a page's running title)
                    // makes two relations with the one body figure.
                    let mut c = pair("headline", doc, i, j, Strength::Strong);
                    c.group = HEADLINE | i as u64;
                    out.push(c);
                    // The body's sentence printed again further on (a lead
                    // paragraph twice on the page) restates the headline too.
                    let copies = keys[j].as_ref().and_then(|kj| by_key.get(kj));
                    for &j2 in copies.into_iter().flatten() {
                        if j2 > j && j2 - j <= HEADLINE_REACH && same_lead(doc, j, j2) {
                            // A relation of its own, not another reading
                            // of the first.
                            let mut c = pair("headline", doc, i, j2, Strength::Strong);
                            c.group = HEADLINE | j2 as u64;
                            out.push(c);
                        }
                    }
                }
                continue;
            }
            // Numerals in words (三个, five) count things named around
            // them, seldom a statistic restated.
            if doc.mentions[i].in_table || doc.figures[i].in_words {
                continue;
            }
            // The next body figure with the same key, if its period agrees.
            // (Of another period, the same name is another quantity: the
            // next one of this period may still follow.)
            let same = &by_key[k];
            let at = same.partition_point(|&j| j <= i);
            let pi = context_period(doc, i);
            // (Two values of one sentence under one name are two subjects'
            // values, `高档/中档/低档酒分别实现销售收入21.6/0.5/0.5亿元`, not
            // one value restated.)
            let mut later: Vec<usize> = same[at..]
                .iter()
                .copied()
                .take(8)
                .filter(|&j| {
                    !doc.same_sentence(i, j)
                        && units_agree(&doc.figures[i].unit, &doc.figures[j].unit)
                        && !is_headline(j)
                        && {
                            let pj = context_period(doc, j);
                            pi.compatible(&pj) || goal_restated(doc, i, j, &pi, &pj)
                        }
                })
                .collect();
            // A figure dated alike before one merely not dated otherwise:
            // `2020年实现营收` is restated by `2020实现营收`, not by the
            // `2020Q4实现营收` between them.
            if pi.is_stated() {
                later.sort_by_key(|&j| context_period(doc, j).undivided() != pi.undivided());
            }
            let mut later = later.into_iter();
            // One label may name two things even in one period (城镇 and
            // 农村 residents' income shortened alike, a nominal and a real
            // rate): two unequal values are more often two quantities than
            // a slip. The reading is reported only when another figure of
            // the same statement is restated equal beside it (`增加值64.83亿
            // 元，增长3.8%` twice): then the two statements are one.
            // So is a rough figure restated with its approximation word
            // (`增长8%左右` in a list of targets and in their explanation):
            // a rough value is printed, not measured, and printed alike.
            let restated = |j: usize, printed: bool| {
                anchored(doc, &keys, i, j, printed) || same_approximation(doc, i, j)
            };
            let (j, one_statement) = if specific(k) {
                // The next figure so named.
                let Some(j) = later.next() else { continue };
                (j, restated(j, false))
            } else {
                // A short name (`employment`, 营收, `students`) names many
                // quantities: only a statement restated whole, its other
                // figure printed alike, says it is one of them twice.
                let Some(j) = later.find(|&j| restated(j, true)) else {
                    continue;
                };
                (j, true)
            };
            // A running header printed on every page is a copy, not a
            // restatement.
            if same_paragraph_text(doc, i, j) {
                continue;
            }
            let strength = if one_statement {
                Strength::Strong
            } else {
                Strength::Weak
            };
            let mut c = pair("same-label", doc, i, j, strength);
            c.params.anchored = one_statement;
            out.push(c);
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let (b, a) = (c.stated, c.member("first")?);
        let (qa, qb) = (&doc.figures[a], &doc.figures[b]);
        // A fall printed without its sign (下降16.66%) is the table's -16.66.
        let signed = |i: usize| {
            let q = &doc.figures[i];
            let iv = if q.approx {
                crate::num::loosely(q.value, q.decimals)
            } else {
                q.interval()
            };
            let fall = matches!(doc.mentions[i].role, Role::Change { down: true, .. })
                && !q.value.is_sign_negative();
            // A table prints a fall in a change column in brackets.
            let bracketed_fall = doc.mentions[i].in_table
                && crate::doc::table::in_brackets(doc, i)
                && doc.column_of(i).is_some_and(|col| col.change);
            if fall && !doc.mentions[i].in_table || bracketed_fall {
                iv.negate()
            } else {
                iv
            }
        };
        // Printed to the same precision, one value gives the same digits:
        // 4.7 and 4.6 do not state one quantity though their roundings
        // touch at 4.65.
        // `增长8%左右` restated as `增长8%左右`: one approximation word on
        // both says one printed value, however rough.
        let same_words = same_approximation(doc, a, b);
        let exact = qa.half == qb.half && !qa.approx && !qb.approx;
        let consistent = if exact || same_words {
            signed(a).midpoint() == signed(b).midpoint()
        } else {
            signed(a).overlaps(&signed(b))
        };
        // A statement restated with its companion equal is the same
        // quantity whatever its value.
        if !consistent && !c.params.anchored {
            // A different quantity far more often than a slip: only values
            // within a quarter of each other are compared.
            let (x, y) = (signed(a).midpoint(), signed(b).midpoint());
            // An approximation is compared only when a headline rounds the
            // body's figure (`almost 11 percent` for 10.7): beyond a unit of
            // its last digit it says another value.
            let loose = (qa.approx || qb.approx) && !same_words && c.shape != "headline";
            if !super::util::within_a_quarter(x, y) || loose {
                return None;
            }
        }
        let (ta, tb) = (shown(doc, a), shown(doc, b));
        // The quantity's name, from either statement, or from the subject
        // of a change (`归母净利` of `同比增长96.5%`).
        let name = [b, a]
            .into_iter()
            .flat_map(|i| [Some(i), doc.mentions[i].subject])
            .flatten()
            .map(|i| doc.name_of(i))
            .find(|n| !n.is_empty())
            .unwrap_or("the figure");
        Some(Verdict {
            consistent,
            message: format!("{name} {tb} here, but {ta} where it was stated before"),
            primary_label: format!("stated before as {ta}"),
            expected: ta.clone(),
            note: format!("{name}: {ta} earlier, {tb} here"),
            doubtful: false,
        })
    }
}

/// The word after figure `i` that makes it approximate (左右, 上下), if
/// one does.
fn approximation_after(doc: &Document, i: usize) -> Option<&'static str> {
    let q = &doc.figures[i];
    let after = doc.folded.get(q.unit_end..)?.trim_start();
    ["左右", "上下"].into_iter().find(|w| after.starts_with(w))
}

/// A goal restated where it is explained (`城镇调查失业率5.5%左右` in the
/// list of goals, then `城镇调查失业率5.5%左右，体现了…`): one figure a
/// target, the other of a period that agrees but for that, both rough by
/// the same word. An outcome is printed as it came out, not `左右`.
fn goal_restated(doc: &Document, i: usize, j: usize, pi: &Period, pj: &Period) -> bool {
    pi.target != pj.target
        && Period {
            target: pi.target,
            ..*pj
        }
        .compatible(pi)
        && same_approximation(doc, i, j)
}

/// Are figures `a` and `b` both made approximate by one word after them?
fn same_approximation(doc: &Document, a: usize, b: usize) -> bool {
    doc.figures[a].approx
        && doc.figures[b].approx
        && approximation_after(doc, a).is_some_and(|w| approximation_after(doc, b) == Some(w))
}

/// The figures stated with figure `i`: its subject and the figures whose
/// subject it is (a level and its change).
fn companions(doc: &Document, i: usize) -> impl Iterator<Item = usize> + '_ {
    let subject = doc.mentions[i].subject;
    let after = (i + 1..doc.figures.len())
        .take(4)
        .filter(move |&k| doc.mentions[k].subject == Some(i));
    let before = (i.saturating_sub(4)..i).filter(move |&k| {
        Some(k) == subject || (subject.is_some() && doc.mentions[k].subject == subject)
    });
    before
        .chain(after)
        .filter(move |&k| doc.same_sentence(i, k) && !doc.mentions[k].in_table)
}

/// Is another figure of `i`'s statement restated, equal, with `j`, or
/// the whole sentence up to them?
/// With `printed`, the restated figure must be printed alike (`3%` and
/// `3.04%` overlap, and are two figures).
fn anchored(doc: &Document, keys: &[Option<Key>], i: usize, j: usize, printed: bool) -> bool {
    // Two statements in prose, in two paragraphs: cells of one table row
    // share a label and are no restatement.
    let prose = |k: usize| !doc.mentions[k].in_table;
    if !prose(i) || !prose(j) || doc.figures[i].paragraph == doc.figures[j].paragraph {
        return false;
    }
    if same_lead(doc, i, j) {
        return true;
    }
    let Some(own) = keys[i].as_ref() else {
        return false;
    };
    companions(doc, i).any(|ci| {
        // A level with its change, not a row of like figures or a
        // statistic with its interval.
        let Some(ki) = keys[ci]
            .as_ref()
            .filter(|k| k.is_change() != own.is_change())
        else {
            return false;
        };
        companions(doc, j).any(|cj| {
            ci != j
                && cj != i
                && keys[cj].as_ref() == Some(ki)
                && if printed {
                    let (a, b) = (&doc.figures[ci], &doc.figures[cj]);
                    a.value == b.value && a.half == b.half
                } else {
                    doc.figures[ci]
                        .interval()
                        .overlaps(&doc.figures[cj].interval())
                }
        })
    })
}

/// Characters of a sentence's lead that make it one statement however
/// often it is printed: long enough, with figures of its own (a date, a
/// count), that a section's boilerplate (`全年实现地区生产总值`) is no match.
const SAME_LEAD_CHARS: usize = 24;

/// Do `i` and `j` end the same words from their sentences' starts (a
/// lead paragraph printed twice, a summary sentence copied into the
/// body)? Then they state one quantity.
fn same_lead(doc: &Document, i: usize, j: usize) -> bool {
    use crate::lex::Level;
    let lead = |k: usize| {
        let at = doc.figures[k].start;
        let start = doc.segment_start(Level::Sentence, at);
        doc.folded[start..at].trim_start()
    };
    let (a, b) = (lead(i), lead(j));
    // A heading with no full stop runs into the sentence under it
    // (`2. Headline figures\nThe first estimate shows…`): the lead is then
    // what follows the line break.
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let under_heading =
        |long: &str| long.len() > a.len() && long[..long.len() - a.len()].ends_with('\n');
    // The rest of the sentence after the figure: a whole sentence printed
    // twice, figure aside, needs no figure in its lead to be one statement.
    let rest = |k: usize| {
        let at = doc.figures[k].unit_end;
        &doc.folded[at..doc.segment_end(Level::Sentence, at)]
    };
    if (a != b && !(b.ends_with(a) && under_heading(b)))
        || a.chars().count() < SAME_LEAD_CHARS
        || doc
            .figures_in(doc.figures[i].start - a.len(), doc.figures[i].start)
            .is_empty()
            && rest(i).trim_end() != rest(j).trim_end()
    {
        return false;
    }
    // A heading between them (`二、乙县`) makes them two sections written
    // from one template, of two subjects.
    let from = doc.segment_end(Level::Paragraph, doc.figures[i].start);
    let to = doc.segment_start(Level::Paragraph, doc.figures[j].start);
    !doc.folded[from.min(to)..to].lines().any(|line| {
        let line = line.trim();
        !line.is_empty() && line.chars().count() <= 30 && !line.contains(['。', '；', '.'])
    })
}

/// Do figures `i` and `j` stand in paragraphs of the same text?
fn same_paragraph_text(doc: &Document, i: usize, j: usize) -> bool {
    use crate::lex::Level;
    let text = |k: usize| {
        let at = doc.figures[k].start;
        let start = doc.segment_start(Level::Paragraph, at);
        let end = doc.segment_end(Level::Paragraph, at);
        doc.folded[start..end].trim()
    };
    doc.figures[i].paragraph != doc.figures[j].paragraph && text(i) == text(j)
}

/// A label specific enough to name one quantity: four characters or
/// more in Chinese, two words in English, no digits.
fn specific(k: &Key) -> bool {
    let name = if k.name.is_empty() { &k.of } else { &k.name };
    if name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    match k.lang {
        Lang::Zh => name.chars().filter(|c| crate::source::is_cjk(*c)).count() >= 4,
        Lang::En => name.split([' ', '|']).filter(|w| w.len() >= 3).count() >= 2,
    }
}

/// A table's cells against the prose that states them: the same row
/// label (or nearly), the same kind of figure, a period that agrees.
fn tables(
    doc: &Document,
    sets: &[Set],
    keys: &[Option<Key>],
    by_key: &HashMap<&Key, Vec<usize>>,
    out: &mut Vec<Candidate>,
) {
    if doc.tables.is_empty() {
        return;
    }
    // The figures of the prose, in order: a cell looks for its statement
    // among those near it, not among the other cells.
    let prose_figures: Vec<usize> = (0..doc.figures.len())
        .filter(|&j| !doc.mentions[j].in_table && keys[j].is_some())
        .collect();
    // Names repeat from cell to cell: each pair is compared once.
    let mut alike: HashMap<(&str, &str), bool> = HashMap::default();
    // The prose figures of each name, looked up once per cell.
    let mut by_name: HashMap<(&str, Lang), Vec<usize>> = HashMap::default();
    for (k, v) in by_key {
        by_name
            .entry((k.name.as_str(), k.lang))
            .or_default()
            .extend(v.iter().copied());
    }
    for v in by_name.values_mut() {
        v.sort_unstable();
    }
    for (t_index, t) in doc.tables.iter().enumerate() {
        // The table's first row, most often its total.
        let top = t.rows.iter().find(|r| !r.broken).map(|r| r.label.as_str());
        for row in &t.rows {
            // A part row named by a set's qualifier alone (城镇 under 按经营地
            // 分) is the qualifier with the total's name: 城镇消费品零售额.
            let row_set = sets
                .iter()
                .find(|s| s.parts.contains(&row.label))
                .filter(|_| top.is_some_and(|t| t != row.label));
            let qualifier = row_set.map(|_| &row.label);
            let same_name = |name: &str, cell_name: &str| {
                name == cell_name
                    || qualifier.zip(top).is_some_and(|(q, top)| {
                        name.strip_prefix(q.as_str()).is_some_and(|rest| {
                            rest.chars().count() >= 2 && fit(top, rest).is_some()
                        })
                    })
            };
            for cell in row.cells.iter().flatten().copied() {
                let Some(kc) = &keys[cell] else { continue };
                let pc = doc.mentions[cell].period;
                // Prose of the same name: every figure of a key with that
                // name, then the figures of near names close to the table.
                let exact = by_name
                    .get(&(kc.name.as_str(), kc.lang))
                    .into_iter()
                    .flatten()
                    .copied();
                // Prose only (most figures near a cell are cells): that
                // test is cheap, comparing names is not.
                let window = prose_figures.partition_point(|&j| j + 300 < cell)
                    ..prose_figures.partition_point(|&j| j < cell + 300);
                let near = prose_figures[window].iter().copied().filter(|&j| {
                    keys[j].as_ref().is_some_and(|kj| {
                        kj.name != kc.name
                            && (*alike
                                .entry((kc.name.as_str(), kj.name.as_str()))
                                .or_insert_with(|| names_alike(&kc.name, &kj.name, kc.lang))
                                || same_name(&kj.name, &kc.name))
                    })
                });
                let prose = exact.chain(near).filter(|&j| {
                    !doc.mentions[j].in_table
                        && keys[j]
                            .as_ref()
                            .is_some_and(|kj| same_class(kc.class, kj.class) && kj.real == kc.real)
                        && units_agree(&doc.figures[cell].unit, &doc.figures[j].unit)
                        && context_period(doc, j).compatible(&pc)
                });
                // A qualifier row is a part of the table's top row: in
                // prose, the part of that whole (`户籍总人口…，其中城镇人口`),
                // not of another one stated beside it (`常住人口…，其中城镇人口`).
                let owner = |j: usize| -> Option<bool> {
                    let (q, top) = qualifier.zip(top)?;
                    let rest = doc.name_of(j).strip_prefix(q.as_str())?;
                    let k = (0..j)
                        .rev()
                        .take_while(|&k| doc.same_sentence(k, j))
                        .find(|&k| {
                            doc.mentions[k].role == Role::Level
                                && fit(doc.name_of(k), rest).is_some()
                                && !row_set.is_some_and(|s| {
                                    s.parts
                                        .iter()
                                        .any(|p| doc.name_of(k).starts_with(p.as_str()))
                                })
                        })?;
                    Some(doc.name_of(k) == top)
                };
                // The nearest statement of it under its own name, else
                // under a near one.
                let nearest = prose.filter(|&j| owner(j) != Some(false)).min_by_key(|&j| {
                    let exact = keys[j]
                        .as_ref()
                        .is_some_and(|kj| same_name(&kj.name, &kc.name));
                    (owner(j) != Some(true), !exact, j.abs_diff(cell))
                });
                if let Some(j) = nearest {
                    let exact = keys[j]
                        .as_ref()
                        .is_some_and(|kj| same_name(&kj.name, &kc.name));
                    // Which column the text means is sure when no other
                    // column holds that kind of figure, or when the column's
                    // period is the text's.
                    let col = row.cells.iter().position(|c| *c == Some(cell)).unwrap_or(0);
                    let alike = row
                        .cells
                        .iter()
                        .flatten()
                        .filter(|&&o| keys[o].as_ref().is_some_and(|ko| ko.class == kc.class))
                        .count();
                    let dated = t.columns[col].header.chars().any(|c| c.is_ascii_digit())
                        && context_period(doc, j).months.is_some()
                        && pc.months.is_some();
                    // Or when the prose restates another cell of the row
                    // beside it (`6214亿元，增长9.7%` against `| 6214 | 9.7 |`).
                    let anchored = || {
                        companions(doc, j).any(|cj| {
                            let Some(kcj) = &keys[cj] else { return false };
                            kcj.is_change() != kc.is_change()
                                && row.cells.iter().flatten().any(|&o| {
                                    o != cell
                                        && keys[o]
                                            .as_ref()
                                            .is_some_and(|ko| ko.is_change() == kcj.is_change())
                                        && doc.figures[o].value == doc.figures[cj].value
                                        && doc.figures[o].value.abs() >= Decimal::TEN
                                })
                        })
                    };
                    let anchored = anchored();
                    let sure = exact && (alike == 1 || dated) || anchored;
                    let strength = if sure {
                        Strength::Strong
                    } else {
                        Strength::Weak
                    };
                    let (a, b) = if j < cell { (j, cell) } else { (cell, j) };
                    let mut c = pair("table", doc, a, b, strength);
                    c.params.anchored = anchored;
                    // One statement in prose against the cells of a row:
                    // it holds if one of them says the same (the row's
                    // other columns are other periods).
                    c.group = (1 << 41) | (j as u64) << 16 | (t_index as u64 & 0xffff);
                    out.push(c);
                }
            }
        }
    }
}

/// Each term of a structure `a:b:c` of a set (三次产业结构) against the
/// share of its part stated before it (第一产业…占生产总值的比重为6.6%).
fn structures(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for chain in &doc.chains {
        let Some(set) = structure_set(cx.lexicon, doc, chain) else {
            continue;
        };
        let first = chain[0];
        for (k, &term) in chain.iter().enumerate() {
            let qualifier = set.parts[k].as_str();
            let share = (0..first).rev().take(40).find(|&j| {
                let mj = &doc.mentions[j];
                doc.figures[first].paragraph - doc.figures[j].paragraph <= 1
                    && mj.role == Role::Share
                    && doc.figures[j].kind == Kind::Percent
                    && doc.name_of(j).starts_with(qualifier)
                    && mj
                        .whole
                        .as_ref()
                        .is_some_and(|w| set.whole.iter().any(|sw| w.ends_with(sw.as_str())))
            });
            if let Some(j) = share {
                out.push(pair("structure", doc, j, term, Strength::Strong));
            }
        }
    }
}

/// A table cell and a prose figure of one kind: a change for a change
/// (up or down, the table prints the sign), a level for a level.
fn same_class(a: Class, b: Class) -> bool {
    match (a, b) {
        (Class::Change(ka, _), Class::Change(kb, _)) => {
            ka == kb || ka == Kind::Percent || kb == Kind::Percent
        }
        (Class::Level(ka), Class::Level(kb)) => ka == kb,
        (Class::Level(Kind::Percent), Class::Share)
        | (Class::Share, Class::Level(Kind::Percent)) => true,
        _ => a == b,
    }
}

/// `(OR = 11.4; CI = 1.6–83.9)` in the abstract and again in the
/// results: an estimate printed with the same interval, to the digit, is
/// the same estimate, and its value is restated.
fn estimates(doc: &Document, out: &mut Vec<Candidate>) {
    // Estimates by their interval's printed bounds.
    let mut by_interval: HashMap<(Decimal, Decimal, Decimal, Decimal), Vec<usize>> =
        HashMap::default();
    for e in 0..doc.figures.len() {
        if let Some(bounds) = interval_of(doc, e) {
            by_interval.entry(bounds).or_default().push(e);
        }
    }
    for (bounds, found) in by_interval {
        // Bounds of a few digits (`1.2–3.4`) recur by chance among the
        // many estimates of a paper; an estimate is stated in the
        // abstract, the results and a table at most.
        let digits =
            significant_digits(bounds.0, bounds.1) + significant_digits(bounds.2, bounds.3);
        if !(2..=3).contains(&found.len()) || digits < 5 {
            continue;
        }
        let a = found[0];
        let in_row = |i: usize| doc.mentions[i].in_table || in_table_row(doc, i);
        for &b in &found[1..] {
            // Two tables of similar models (a main and a sensitivity
            // analysis) may print one interval for two estimates: the
            // text restates a table, one table does not restate another.
            if doc.figures[a].paragraph == doc.figures[b].paragraph || in_row(a) && in_row(b) {
                continue;
            }
            let mut c = pair("estimate", doc, a, b, Strength::Strong);
            c.params.anchored = true;
            out.push(c);
        }
    }
}

/// Is figure `i` on a line of marked cells (a table row the table reader
/// may not have read)?
fn in_table_row(doc: &Document, i: usize) -> bool {
    // A cell's bar stands within a cell's width of it: the look is
    // bounded, so a long line of prose costs nothing.
    const REACH: usize = 200;
    let q = &doc.figures[i];
    let bytes = doc.folded.as_bytes();
    let before = &bytes[q.start.saturating_sub(REACH)..q.start];
    let before = &before[before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1)..];
    let after = &bytes[q.end..(q.end + REACH).min(bytes.len())];
    let after = &after[..after
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(after.len())];
    let marked = |s: &[u8]| s.contains(&b'|') || s.windows(3).any(|w| w == "｜".as_bytes());
    marked(before) || marked(after)
}

/// The printed bounds of the interval right after estimate `e`, its cue
/// between them (`; CI =`, `(95% CI,`), in prose.
fn interval_of(doc: &Document, e: usize) -> Option<(Decimal, Decimal, Decimal, Decimal)> {
    let q = &doc.figures[e];
    let m = &doc.mentions[e];
    if q.in_range || m.role == Role::Other || !matches!(q.kind, Kind::Number | Kind::Percent) {
        return None;
    }
    // The lower bound: the next figure in a range, past a confidence
    // level (`95%`).
    let lo = (e + 1..doc.figures.len())
        .take(3)
        .find(|&k| doc.figures[k].in_range)?;
    // Nothing but the confidence level between the estimate and its
    // interval: in `effect size 0.15) and (0.72 [95% CI, …]` the interval
    // is 0.72's.
    if (e + 1..lo).any(|k| doc.figures[k].kind != Kind::Percent) {
        return None;
    }
    let (lq, hq) = (&doc.figures[lo], doc.figures.get(lo + 1)?);
    if !hq.in_range || !doc.same_sentence(e, lo) || lq.start > q.unit_end.max(q.end) + 32 {
        return None;
    }
    // In prose the interval is named (`95% CI`); in a table cell
    // (`1.86 (1.12–3.09)` under `Adjusted OR (95% CI)`) its column names
    // it, and the bracket holds the bounds alone.
    let named = doc.has_cue(q.unit_end.max(q.end), lq.start, Cue::Interval);
    let cell = doc.folded[q.unit_end.max(q.end)..lq.start].trim() == "("
        && (m.in_table || in_table_row(doc, e));
    (named || cell).then_some((lq.value, lq.half, hq.value, hq.half))
}

/// A row a table prints twice (`Net deferred income taxes`, computed and
/// then as the balance sheet presents it): the same long label, cell by
/// cell equal in every column but one. Each column's pair of cells is one
/// quantity.
fn rows_twice(doc: &Document, out: &mut Vec<Candidate>) {
    for t in &doc.tables {
        // The last row of each name so far: a row finds its earlier twin
        // without reading the rows between.
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for (b, second) in t.rows.iter().enumerate() {
            // A name of three words at least: `Male` or `Yes` under two
            // headings are two groups.
            if second.label.split_whitespace().count() < 3 {
                continue;
            }
            let Some(a) = seen.insert(&second.label, b) else {
                continue;
            };
            let first = &t.rows[a];
            if first.broken || second.broken {
                continue;
            }
            let pairs: Vec<(usize, usize)> = first
                .cells
                .iter()
                .zip(&second.cells)
                .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
                .filter(|&(x, y)| doc.figures[x].is_operand() && doc.figures[y].is_operand())
                .collect();
            let equal = pairs
                .iter()
                .filter(|&&(x, y)| doc.figures[x].value == doc.figures[y].value)
                .count();
            if pairs.len() >= 2 && equal + 1 >= pairs.len() && equal >= 1 {
                for (x, y) in pairs {
                    let mut c = pair("table-row", doc, x, y, Strength::Strong);
                    c.params.anchored = true;
                    out.push(c);
                }
            }
        }
    }
}

pub(super) fn pair(
    shape: &'static str,
    doc: &Document,
    a: usize,
    b: usize,
    strength: Strength,
) -> Candidate {
    let mut c = Candidate::new(NAME, shape, doc.mentions[b].lang, b).with("first", a);
    c.strength = strength;
    c
}

/// What must agree for two figures to be one quantity.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Key {
    lang: Lang,
    name: String,
    class: Class,
    /// A rate at constant prices (实际增长) is not the nominal one.
    real: bool,
    /// The whole of a share, the subject of a change.
    of: String,
    /// The level a `其中` part belongs to.
    parent: String,
    /// An average rate per year (年均增长10.6%) is not one year's rate.
    per_year: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Class {
    Level(Kind),
    Change(Kind, bool),
    Share,
}

impl Key {
    /// A change, not a level: a statement's level and its change are its
    /// two figures.
    fn is_change(&self) -> bool {
        matches!(self.class, Class::Change(..))
    }
}

/// `aged ≥50 years`, `within 10 years`, `during the past 12 months`: an
/// age or a time span that defines whom or what is counted, stated again
/// wherever the definition is, is no reported quantity.
fn age_or_span(doc: &Document, i: usize) -> bool {
    const TIME: &[&str] = &["year", "month", "week", "day", "hour", "minute"];
    const LEADS: &[&str] = &[
        "aged",
        "age",
        "ages",
        "within",
        "past",
        "last",
        "previous",
        "preceding",
        "prior",
        "≥",
        "≤",
        ">",
        "<",
    ];
    let q = &doc.figures[i];
    let after = doc.folded[q.end..].trim_start_matches([' ', '-']);
    let timed = TIME.iter().any(|w| {
        after.len() >= w.len() && after.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
    });
    if !timed {
        return false;
    }
    let label = doc.mentions[i].label.trim_end();
    // (The word right before it too: a label may stop at a preposition,
    // `assessed for the previous 2 years`.)
    let before = doc.folded[..q.start].trim_end();
    let word_before = before
        .get(before.floor_char_boundary(before.len().saturating_sub(12))..)
        .unwrap_or("")
        .rsplit(' ')
        .next()
        .unwrap_or("");
    LEADS
        .iter()
        .any(|w| label.ends_with(w) || word_before.eq_ignore_ascii_case(w))
}

/// A figure that defines whom or what is counted (an age, a span, a
/// bound), printed wherever the definition is: no reported quantity.
pub(super) fn defining(doc: &Document, i: usize) -> bool {
    age_or_span(doc, i) || threshold(doc, i)
}

/// `p<0.05`, `defined as >$20`: a bound a definition or a test sets,
/// printed wherever it is explained, no reported quantity.
fn threshold(doc: &Document, i: usize) -> bool {
    doc.folded[..doc.figures[i].start]
        .trim_end_matches([' ', '$', '€', '£', '¥'])
        .ends_with(['<', '>', '≤', '≥', '＜', '＞'])
}

fn key(doc: &Document, i: usize) -> Option<Key> {
    let q = &doc.figures[i];
    let m = &doc.mentions[i];
    if !matches!(
        q.kind,
        Kind::Number | Kind::Percent | Kind::Points | Kind::Permille
    ) || m.role == Role::Other
        || q.in_range
        || m.period.target && !q.approx
    {
        return None;
    }
    // A total cue names a sum, a base cue an earlier value: not restated
    // quantities in their own right.
    if m.lead.has(Cue::Versus) || m.lead.has(Cue::From) || m.before.has(Cue::Each) {
        return None;
    }
    // A defining age or span is no reported figure; nought restated says
    // nothing, and never differs by a slip.
    if defining(doc, i) || q.value.is_zero() {
        return None;
    }
    let class = match m.role {
        Role::Level => Class::Level(q.kind),
        Role::Change {
            down,
            versus: false,
        } => Class::Change(q.kind, down),
        Role::Share => Class::Share,
        _ => return None,
    };
    let name = doc.name_of(i).to_owned();
    if name.is_empty() {
        return None;
    }
    let of = m.whole.clone().unwrap_or_default();
    // A figure named by its subject (`… declined from $61,250 to $58,470`)
    // is real or nominal as its subject is.
    // (A change keeps its own: `实际增长11.3%` is real, its level not.)
    let basis = match m.subject {
        Some(s) if m.role == Role::Level && m.label.is_empty() && s < i => &doc.mentions[s],
        _ => m,
    };
    Some(Key {
        lang: m.lang,
        name,
        class,
        real: basis.before.has(Cue::Real) && !basis.before.has(Cue::Nominal),
        of,
        parent: parent_of(doc, i),
        per_year: m.before.has(Cue::PerYear),
    })
}

/// The level a `其中` part belongs to: the figure before 其中 in the
/// sentence.
fn parent_of(doc: &Document, i: usize) -> String {
    let q = &doc.figures[i];
    let sentence = doc.segment_start(Level::Sentence, q.start);
    let Some(hit) = doc
        .cues_in(sentence, q.start)
        .iter()
        .rev()
        .find(|h| h.cue == Cue::Subset)
        .copied()
    else {
        return String::new();
    };
    (0..i)
        .rev()
        .take(12)
        .find(|&j| {
            doc.figures[j].end <= hit.start
                && doc.same_sentence(i, j)
                && doc.mentions[j].role == Role::Level
        })
        .map(|j| doc.name_of(j).to_owned())
        .unwrap_or_default()
}

/// A figure's period, with what its paragraph's opening states filled in
/// where its own sentence says nothing (前三季度… then 其中, …).
fn context_period(doc: &Document, i: usize) -> Period {
    let mut p = doc.mentions[i].period;
    // The period that opens the paragraph holds for the figures that
    // state none: `7月份，总额2060亿元。其中，城镇1800亿元` is of July. Its
    // first figure that is a quantity (not the date itself) carries it.
    if let Some(f) = opening_figure(doc, i) {
        let pf = doc.mentions[f].period;
        if p.year.is_none() {
            p.year = pf.year;
        }
        if p.months.is_none() && p.part.is_none() {
            p.months = pf.months;
            p.part = pf.part;
        }
    }
    p
}

/// The first figure before `i` in its paragraph (at most 256 back) that
/// is a quantity.
fn opening_figure(doc: &Document, i: usize) -> Option<usize> {
    let paragraph = doc.figures[i].paragraph;
    let from = i.saturating_sub(256);
    // Figures are in text order: the paragraph's figures before `i` are
    // the ones after the last figure of an earlier paragraph.
    let start = doc.figures[from..i].partition_point(|q| q.paragraph < paragraph) + from;
    (start..i).find(|&j| doc.mentions[j].role != Role::Other)
}

/// Paragraphs that are titles or summary lines, each with the last
/// paragraph its body may reach: short, with a figure and no sentence
/// end. Those before the first paragraph of sentences head the whole
/// text; one further on (a news page's next story, a section's lead
/// line) heads the few paragraphs of prose that follow it.
fn headline_paragraphs(doc: &Document) -> std::collections::BTreeMap<usize, usize> {
    let mut out = std::collections::BTreeMap::new();
    let mut leading = true;
    let mut seen = usize::MAX;
    let is_prose = |text: &str| {
        let sentence_end = text.contains('。')
            || text.contains(". ")
            || text.ends_with('.')
            || text.contains('；');
        sentence_end && text.chars().count() > 60
    };
    for (i, q) in doc.figures.iter().enumerate() {
        let p = q.paragraph;
        if p == seen {
            continue;
        }
        seen = p;
        let start = doc.segment_start(Level::Paragraph, q.start);
        let end = doc.segment_end(Level::Paragraph, q.start);
        if end - start > 400 {
            leading = false;
            continue;
        }
        let text = doc.folded[start..end].trim();
        let short = text.chars().count() <= 90;
        let sentence_end = text.contains('。')
            || text.contains(". ")
            || text.ends_with('.')
            || text.contains('；');
        let bullet = text.starts_with(['-', '*', '•', '|']);
        if short && !sentence_end && !bullet && !doc.mentions[i].in_table {
            if leading {
                out.insert(p, usize::MAX);
            } else {
                // Mid-text, only before prose: one of the next two
                // paragraphs (a subtitle may come between).
                let mut from = end;
                for k in 1..=2 {
                    let next_end = doc.segment_end(Level::Paragraph, from.min(doc.folded.len()));
                    let next = doc.folded.get(from..next_end).unwrap_or("").trim();
                    if is_prose(next) {
                        out.insert(p, p + k + 2);
                        break;
                    }
                    if next_end <= from {
                        break;
                    }
                    from = next_end;
                }
            }
        } else if is_prose(text) {
            leading = false;
        }
    }
    out
}

/// Do a headline's name and a body's name the same quantity? Chinese: the
/// shorter is nearly a subsequence of the longer and both end alike;
/// English: every word of the headline's name is in the body's.
fn names_alike(headline: &str, body: &str, lang: Lang) -> bool {
    if headline.is_empty() || body.is_empty() {
        return false;
    }
    if headline == body {
        return true;
    }
    match lang {
        Lang::En => {
            // Headlines are in the present (`changes little`), bodies in
            // the past (`changed little`): words compare by their stems.
            headline.split(' ').nth(1).is_some()
                && headline
                    .split(' ')
                    .all(|w| body.split(' ').any(|b| stem(b) == stem(w)))
        }
        Lang::Zh => {
            // 商品零售 and 商品零售额 name one amount.
            let a = headline.strip_suffix('额').unwrap_or(headline);
            let b = body.strip_suffix('额').unwrap_or(body);
            // Most pairs end differently: that test needs no copy.
            if !a.chars().rev().take(2).eq(b.chars().rev().take(2))
                || a.chars().nth(2).is_none()
                || b.chars().nth(2).is_none()
            {
                return false;
            }
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            let common = lcs(&a, &b);
            common * 4 >= a.len().min(b.len()) * 3 && common * 2 >= a.len().max(b.len())
        }
    }
}

/// An English word without its inflection: `changes`, `changed` and
/// `change` → `chang`.
fn stem(word: &str) -> &str {
    if word.len() <= 4 {
        return word;
    }
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if s.len() >= 3 {
                return s;
            }
        }
    }
    word
}

/// Length of the longest common subsequence of two short strings.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut prev = 0;
        for (k, &y) in b.iter().enumerate() {
            let keep = row[k + 1];
            row[k + 1] = if x == y {
                prev + 1
            } else {
                row[k + 1].max(row[k])
            };
            prev = keep;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_names_match_their_body_names() {
        assert!(names_alike(
            "新增新冠肺炎确诊病例",
            "报告新增确诊病例",
            Lang::Zh
        ));
        assert!(!names_alike("确诊病例", "死亡病例", Lang::Zh));
        assert!(names_alike(
            "euro area unemployment rate",
            "euro area seasonally-adjusted unemployment rate",
            Lang::En
        ));
        assert!(!names_alike("unemployment rate", "employment", Lang::En));
    }
}
