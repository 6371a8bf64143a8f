//! What a table says about its rows: which row is a total and which rows
//! are its parts. Shared by the kinds that check tables (sums, shares,
//! percentages).

use super::{Candidate, Verdict};
use crate::doc::table::{Column, Row, Table};
use crate::doc::Document;
use crate::lexicon::Lexicon;

/// Does a column keep a relation in all of a table's rows but a slip: at
/// least three rows, all but one failing (one in five in a long table)?
/// A relation kept that way is meant, so the row where it fails is an
/// error whatever the gap.
pub fn keeps(rows: usize, held: usize) -> bool {
    let slips = (rows / 5).max(1);
    rows >= 3 && held + slips >= rows
}

/// How many readings hold among those that can be judged: (judged, held).
pub fn agreement(
    doc: &Document,
    readings: &[Candidate],
    evaluate: fn(&Document, &Candidate) -> Option<Verdict>,
) -> (usize, usize) {
    let judged: Vec<bool> = readings
        .iter()
        .map(|c| evaluate(doc, c).is_some_and(|v| v.consistent))
        .collect();
    (judged.len(), judged.iter().filter(|h| **h).count())
}

/// The years a table header names (`2015年比2014增长%`, `Change
/// 2007--2008 (%)`, `2008†`).
pub fn header_years(header: &str) -> Vec<u32> {
    let mut years = Vec::new();
    let bytes = header.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        let run = bytes[k..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 4 {
            if let Ok(y) = header[k..k + 4].parse::<u32>() {
                if (1900..=2100).contains(&y) && !years.contains(&y) {
                    years.push(y);
                }
            }
        }
        k += run.max(1);
    }
    years
}

/// The two value columns change column `c` compares, (later, earlier):
/// the columns of the two years its header names, or of the two dated
/// columns before it; else the two plain value columns right before it,
/// in the order on which the rows agree (`agree(later, earlier)` gives
/// the rows judged and held), when the reverse order agrees less.
pub fn compared_columns(
    t: &Table,
    c: usize,
    agree: impl Fn(usize, usize) -> (usize, usize),
) -> Option<(usize, usize)> {
    let dated: Vec<(usize, u32)> = (0..t.columns.len())
        .filter(|&k| plain_values(&t.columns[k]) || t.columns[k].percent && !t.columns[k].change)
        .filter(|&k| !t.columns[k].bracketed && t.columns[k].fraction.is_none())
        .filter_map(|k| match header_years(&t.columns[k].header)[..] {
            [y] => Some((k, y)),
            _ => None,
        })
        .collect();
    let years = match header_years(&t.columns[c].header)[..] {
        [a, b] => Some((a.max(b), a.min(b))),
        [] => {
            let before: Vec<u32> = dated.iter().filter(|(k, _)| *k < c).map(|d| d.1).collect();
            match before[..] {
                [.., a, b] if a != b => Some((a.max(b), a.min(b))),
                _ => None,
            }
        }
        _ => return None,
    };
    // Exactly one column of each year, else the reading is unclear.
    let of_year = |y: u32| {
        let mut cols = dated.iter().filter(|(_, year)| *year == y);
        match (cols.next(), cols.next()) {
            (Some(&(k, _)), None) => Some(k),
            _ => None,
        }
    };
    if let Some((later, earlier)) = years {
        if let (Some(a), Some(b)) = (of_year(later), of_year(earlier)) {
            return Some((a, b));
        }
    }
    let (a, b) = (c.checked_sub(2)?, c - 1);
    if !plain_values(&t.columns[a]) || !plain_values(&t.columns[b]) {
        return None;
    }
    let (rows, held) = agree(b, a);
    let (rows_r, held_r) = agree(a, b);
    if keeps(rows, held) && held > held_r {
        Some((b, a))
    } else if keeps(rows_r, held_r) && held_r > held {
        Some((a, b))
    } else {
        None
    }
}

/// A column of plain values: not a percentage, change, ratio, or part of
/// a count-and-share cell.
pub fn plain_values(col: &Column) -> bool {
    !col.percent
        && !col.change
        && !col.ratio
        && !col.bracketed
        && col.fraction.is_none()
        && col.share_of.is_none()
}

/// A total row and the rows that together make it.
pub struct Partition {
    pub total: usize,
    pub parts: Vec<usize>,
}

fn is_total_row(row: &Row) -> bool {
    row.total || crate::doc::table::names_total(&row.label)
}

/// Do these labels name every part of a set, or ages from 0 up to an
/// open last group (`0-17岁` … `60岁及以上`, `65 and over`)?
fn covers(lexicon: &Lexicon, labels: &[&str]) -> bool {
    let by_set = lexicon.sets.iter().any(|s| {
        s.parts.len() == labels.len() && s.parts.iter().all(|p| labels.contains(&p.as_str()))
    });
    let first = labels.first().copied().unwrap_or("");
    let last = labels.last().copied().unwrap_or("");
    let ages = labels.len() >= 2
        && (first.starts_with("0-")
            || first.starts_with("0～")
            || first.starts_with("under")
            || first.starts_with("0—"))
        && (last.ends_with("以上")
            || last.ends_with("及以上")
            || last.ends_with("and over")
            || last.ends_with('+')
            || last.ends_with("or older"));
    // A breakdown that ends with `其他` (or `other`) covers its whole by
    // construction.
    let rest = labels.len() >= 2
        && ["其他", "其它", "其余", "other", "others", "all other"].contains(&last);
    by_set || ages || rest
}

/// The partitions a table states: a total row after its parts (`Total`,
/// `合计`, `World`), and a total row first with groups of parts each
/// opened by 其中 that together cover a set or an age range.
pub fn partitions(lexicon: &Lexicon, table: &Table) -> Vec<Partition> {
    let rows: &[Row] = &table.rows;
    let mut out = Vec::new();
    // A total row closing the rows above it; an unlabelled row closing a
    // section (the rows from its heading) is the section's subtotal, and
    // stands for them in the total below.
    let mut since = 0;
    // Rows a subtotal already stands for.
    let mut covered = vec![false; rows.len()];
    // The rows above row `r` from the heading of its section, if one
    // opens it (`Deferred tax liabilities:` over its rows and their
    // total), that no subtotal stands for and are no sub-rows.
    let section_parts = |since: usize, r: usize, covered: &[bool]| -> Vec<usize> {
        let start = (since..r)
            .rev()
            .find(|&p| rows[p].opens_section)
            .unwrap_or(since);
        (start..r)
            .filter(|&p| !rows[p].sub_row && !covered[p])
            .collect()
    };
    for (r, row) in rows.iter().enumerate() {
        if row.label.is_empty() && !row.broken && r > since {
            let parts = section_parts(since, r, &covered);
            if parts.len() >= 2 && !parts.iter().any(|&p| rows[p].broken) {
                parts.iter().for_each(|&p| covered[p] = true);
                out.push(Partition { total: r, parts });
            }
            continue;
        }
        if is_total_row(row) && r >= since + 2 {
            let parts = section_parts(since, r, &covered);
            let broken = parts.iter().any(|&p| rows[p].broken);
            if parts.len() >= 2 && !broken {
                out.push(Partition { total: r, parts });
            }
            since = r + 1;
        }
    }
    // A total row first, then groups opened by 其中.
    if let Some(first) = rows.first() {
        if !is_total_row(first) || out.is_empty() {
            let mut group: Vec<usize> = Vec::new();
            let mut groups: Vec<Vec<usize>> = Vec::new();
            for (r, row) in rows.iter().enumerate().skip(1) {
                // A numbered row (`2、国内游客`, `二、…`) is not one of the
                // parts after `其中`: it ends them.
                let ends = row.opens_group || row.level.is_some();
                if ends && !group.is_empty() {
                    groups.push(std::mem::take(&mut group));
                }
                if row.opens_group || !group.is_empty() {
                    group.push(r);
                }
            }
            if !group.is_empty() {
                groups.push(group);
            }
            let mut grouped = vec![false; rows.len()];
            groups.iter().flatten().for_each(|&r| grouped[r] = true);
            for g in groups {
                let labels: Vec<&str> = g.iter().map(|&r| rows[r].label.as_str()).collect();
                if covers(lexicon, &labels) && !g.iter().any(|&r| rows[r].broken) {
                    // `其中` refers to the row above it, past the parts of
                    // the groups before (城镇, 农村 then 男性, 女性 all
                    // under 户籍人口).
                    let total = (0..g[0]).rev().find(|&r| !grouped[r]).unwrap_or(0);
                    out.push(Partition { total, parts: g });
                }
            }
        }
    }
    // Rows one outline level under a row (`(一)`, `(二)` under `二、`;
    // `1.`, `2.` under `(一)`) that cover a set are its parts.
    for (r, row) in rows.iter().enumerate() {
        let Some(level) = row.level else { continue };
        let mut children: Vec<usize> = Vec::new();
        let mut child_level = None;
        for (k, below) in rows.iter().enumerate().skip(r + 1) {
            match below.level {
                Some(l) if l <= level => break,
                Some(l) if child_level.is_none_or(|c| l == c) => {
                    child_level = Some(l);
                    children.push(k);
                }
                _ => {}
            }
        }
        let labels: Vec<&str> = children.iter().map(|&k| rows[k].label.as_str()).collect();
        let known = out.iter().any(|p| p.total == r && p.parts == children);
        if children.len() >= 2
            && !known
            && covers(lexicon, &labels)
            && !children.iter().any(|&k| rows[k].broken)
        {
            out.push(Partition {
                total: r,
                parts: children,
            });
        }
    }
    // Rows that are the parts of a set whose whole is another row
    // (`started`, `completed`, `not completed`).
    for set in &lexicon.sets {
        if set.whole.is_empty() {
            continue;
        }
        // A row ends with its part's qualifier, and not with a longer
        // one that holds it (`not completed` is not `completed`).
        let find = |p: &String| {
            rows.iter().position(|r| {
                r.label.ends_with(p.as_str())
                    && !set.parts.iter().any(|q| {
                        q.len() > p.len()
                            && q.ends_with(p.as_str())
                            && r.label.ends_with(q.as_str())
                    })
            })
        };
        let parts: Option<Vec<usize>> = set.parts.iter().map(find).collect();
        let Some(mut parts) = parts else { continue };
        // The parts share what comes before their qualifier (`overall
        // study`), and the total row is that with the whole's name.
        let prefix_of =
            |r: usize, p: &str| rows[r].label[..rows[r].label.len() - p.len()].to_owned();
        let prefixes: Vec<String> = parts
            .iter()
            .zip(&set.parts)
            .map(|(&r, p)| prefix_of(r, p))
            .collect();
        if prefixes.windows(2).any(|w| w[0] != w[1]) {
            continue;
        }
        let prefix = prefixes.first().cloned().unwrap_or_default();
        let total = rows.iter().position(|r| {
            r.label.starts_with(&prefix) && set.whole.iter().any(|w| r.label[prefix.len()..] == *w)
        });
        if let Some(total) = total {
            parts.sort_unstable();
            parts.dedup();
            if parts.len() == set.parts.len() && !parts.contains(&total) {
                out.push(Partition { total, parts });
            }
        }
    }
    out
}

/// The rows of one group of a `count (share)` column whose shares are of
/// the group's own counts, and those readings.
pub struct ShareGroup {
    pub shares: Vec<usize>,
    pub readings: Vec<super::Candidate>,
}

/// Groups of rows (under one heading: `Sex`, `Age, y`) whose `count
/// (share)` cells give each share over the sum of the group's counts, as
/// tables of survey answers do when some answers are missing. A group is
/// read so when all its rows but one keep it, and the column when its
/// groups keep it in all rows but a slip; a group of rows that do not
/// partition anything (conditions a person may have several of) keeps
/// nothing and is left alone.
pub fn share_groups(doc: &Document) -> Vec<ShareGroup> {
    let mut out = Vec::new();
    for t in &doc.tables {
        let groups = row_groups(t);
        for (pc, col) in t.columns.iter().enumerate() {
            let Some(cc) = col.share_of else { continue };
            if t.columns[cc].whole.is_some() {
                continue;
            }
            let mut column = Vec::new();
            let (mut rows, mut held) = (0, 0);
            for g in &groups {
                let cells: Option<Vec<(usize, usize)>> = g
                    .iter()
                    .map(|&r| Some((t.rows[r].cells[pc]?, t.rows[r].cells[cc]?)))
                    .collect();
                let Some(cells) = cells.filter(|c| c.len() >= 2) else {
                    continue;
                };
                let counts: Vec<usize> = cells.iter().map(|c| c.1).collect();
                let readings: Vec<super::Candidate> = cells
                    .iter()
                    .map(|&(s, n)| super::ratio::group_share(doc, s, n, &counts))
                    .collect();
                let (judged, h) = agreement(doc, &readings, super::ratio::evaluate);
                if h == 0 || h + 1 < judged {
                    continue;
                }
                rows += judged;
                held += h;
                column.push(ShareGroup {
                    shares: cells.iter().map(|c| c.0).collect(),
                    readings,
                });
            }
            if keeps(rows, held) {
                out.extend(column);
            }
        }
    }
    out
}

/// A table's rows in groups, one per heading (`Sex`, `Age, y`), total
/// and broken rows left out. A heading that states its group's size
/// (`no./113 (%)`, `(n = 77)`) gives the whole: the rows listed may be
/// the commonest only, so such a group is left empty.
pub fn row_groups(t: &Table) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut stated_whole = false;
    for (r, row) in t.rows.iter().enumerate() {
        if row.opens_section || groups.is_empty() {
            groups.push(Vec::new());
            stated_whole = row.heading_figures;
        }
        if let Some(g) = groups.last_mut() {
            if !row.broken && !is_total_row(row) && !stated_whole {
                g.push(r);
            }
        }
    }
    groups
}

/// Groups of rows whose counts in a column add up to the whole its
/// header states (`(N = 702)`): a breakdown of that whole, exact.
/// (count column, rows)
pub fn whole_groups(doc: &Document, t: &Table) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    let groups = row_groups(t);
    for (c, col) in t.columns.iter().enumerate() {
        let Some(w) = col.whole else { continue };
        let whole = &doc.figures[w];
        if !whole.is_operand() {
            continue;
        }
        for g in &groups {
            let cells: Option<Vec<usize>> = g.iter().map(|&r| t.rows[r].cells[c]).collect();
            let Some(cells) = cells.filter(|c| c.len() >= 2) else {
                continue;
            };
            let mut sum = rust_decimal::Decimal::ZERO;
            let mut exact = true;
            for &i in &cells {
                let q = &doc.figures[i];
                exact &= q.is_operand() && q.decimals == 0;
                sum += q.value;
            }
            if exact && sum == whole.value {
                out.push((c, g.clone()));
            }
        }
    }
    out
}
