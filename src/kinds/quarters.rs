//! A period's flow is the sum of its quarters': `Q1-Q4分别实现营业收入0.63亿元、
//! 0.68亿元、0.67亿元、0.90亿元` against the year's `营业收入2.88亿元`, and
//! Q1/Q2 against the half year, Q1–Q3 against 前三季度.
//!
//! The quarters are the subjects of a 分别 run (`Q1-Q4`, `Q1/Q2/Q3/Q4`,
//! from the first quarter on, one value each); the measure is named
//! between the subjects and the values (`分别实现营业收入`); the total is the
//! nearest earlier level of the paragraph (or the one before) so named, of the year or of the
//! first n quarters, never of one quarter.

use super::runs::Paired;
use super::util::comparable;
use super::Candidate;
use crate::doc::{Document, Role};
use crate::lex::Kind;
use crate::lexicon::Lang;

/// Words around a measure's name that are no part of it.
const NOT_MEASURE: &[&str] = &["分别", "单季度", "单季", "实现", "为", "公司", "的"];

/// The Chinese 分别 runs whose subjects are quarters from the first on,
/// with the subjects' byte range and how many quarters they name.
fn quarter_runs(doc: &Document) -> impl Iterator<Item = (&Paired, (usize, usize), usize)> {
    doc.respectively.iter().filter_map(|p| {
        let (start, end) = p.subjects?;
        if doc.mentions[p.values[0]].lang != Lang::Zh {
            return None;
        }
        quarters(&doc.folded[start..end]).map(|n| (p, (start, end), n))
    })
}

pub fn propose(doc: &Document, out: &mut Vec<Candidate>) {
    for (p, (start, end), n) in quarter_runs(doc) {
        let first = p.values[0];
        let values = &p.values;
        let q0 = &doc.figures[first];
        let amounts = values.iter().all(|&v| {
            let q = &doc.figures[v];
            q.kind == Kind::Number && q.is_operand() && comparable(q, q0)
        });
        if values.len() != n || !amounts {
            continue;
        }
        // The measure: the words after the quarters' names, in the
        // subjects (`Q1/Q2/Q3/Q4单季度营业收入分别为`) or after them
        // (`Q1-Q4分别实现营业收入`), to the first value.
        let subjects = &doc.folded[start..end];
        let after_names = subjects
            .rfind(|c: char| c.is_ascii_alphanumeric() || c == '/' || c == '-')
            .map_or(subjects, |k| &subjects[k + 1..]);
        let mut measure = format!("{after_names}{}", &doc.folded[end..q0.start]);
        for w in NOT_MEASURE {
            measure = measure.replace(w, "");
        }
        let measure = measure.trim();
        if measure.chars().count() < 2 || !measure.chars().all(crate::source::is_cjk) {
            continue;
        }
        let part_of_year = |part: Option<crate::doc::Part>| {
            use crate::doc::Part;
            match part {
                None | Some(Part::Year) => n == 4,
                Some(Part::ToQuarter(k)) => usize::from(k) == n,
                _ => false,
            }
        };
        let year = doc.mentions[first].period.year;
        let total = (0..first).rev().take(40).find(|&j| {
            let m = &doc.mentions[j];
            let q = &doc.figures[j];
            // (`…营业收入21.26亿元。` then `分季度看，Q1/Q2/Q3/Q4…`: the year's
            // paragraph may be the one before the quarters'.)
            doc.figures[first].paragraph - doc.figures[j].paragraph <= 1
                && m.role == Role::Level
                && q.kind == Kind::Number
                && q.is_operand()
                && comparable(q, q0)
                && doc.name_of(j).ends_with(measure)
                && part_of_year(m.period.part)
                && m.period.months.is_none()
                && year.is_none_or(|y| m.period.year.is_none_or(|ty| ty == y))
        });
        if let Some(total) = total {
            out.push(super::sum::breakdown("quarters", doc, total, values));
        }
    }
}

/// Words that end a growth rate's name (`归母净利增速`): what is left
/// names the quantity that grew.
const GROWTH_ENDS: &[&str] = &["同比增速", "同比增长率", "增速", "增长率", "增幅"];

/// How far from a run of quarters, in figures, the quarter's own
/// statement is looked for.
const REACH: usize = 60;

/// A quarter's figure stated alone and again in a run of the quarters:
/// `2020Q4…归母净利2.3亿元，同比增长96.5%` and `2020Q1-Q4归母净利增速分别为
/// +0.1%/+5.3%/+35.3%/+96.5%`. The run's k-th value is the k-th
/// quarter's; the statement alone is of that quarter, named alike (the
/// level's name, or a growth's subject's).
pub fn restated(doc: &Document, out: &mut Vec<Candidate>) {
    for (p, (start, end), n) in quarter_runs(doc) {
        let first = p.values[0];
        if p.values.len() != n {
            continue;
        }
        // The measure: the words before 分别 back to the quarters' names,
        // or to the figure before when the run borrows its quarters from
        // an earlier one (`…，扣非归母净利增速分别为…`).
        let from = doc
            .figures
            .iter()
            .take(first)
            .rev()
            .map(|f| f.unit_end.max(f.end))
            .find(|&e| e <= p.cue)
            .map_or(end, |e| e.max(end));
        let names_end = if from == end {
            let subjects = &doc.folded[start..end];
            subjects
                .rfind(|c: char| c.is_ascii_alphanumeric() || c == '/' || c == '-')
                .map_or(start, |k| start + k + 1)
        } else {
            from
        };
        let mut measure = doc.folded[names_end.min(p.cue)..p.cue].to_owned();
        for w in NOT_MEASURE {
            measure = measure.replace(w, "");
        }
        let measure = measure.trim_matches(|c: char| !c.is_alphanumeric());
        let growth = GROWTH_ENDS.iter().find_map(|w| measure.strip_suffix(w));
        let name = growth.unwrap_or(measure);
        if name.chars().count() < 2 || !name.chars().all(crate::source::is_cjk) {
            continue;
        }
        let year = doc.mentions[first].period.year;
        let lo = first.saturating_sub(REACH);
        let hi = (first + REACH).min(doc.figures.len());
        for (k, &v) in p.values.iter().enumerate() {
            let qv = &doc.figures[v];
            // (A fall is printed with a sign in the run and a verb alone:
            // only rises are compared.)
            if qv.value.is_sign_negative() || !qv.is_operand() {
                continue;
            }
            let quarter = crate::doc::Part::Quarter(k as u8 + 1);
            let alone = (lo..hi).filter(|j| !p.values.contains(j)).find(|&j| {
                let m = &doc.mentions[j];
                let q = &doc.figures[j];
                let named = match (growth.is_some(), m.role) {
                    (
                        true,
                        Role::Change {
                            down: false,
                            versus: false,
                        },
                    ) => {
                        q.kind == Kind::Percent && m.subject.is_some_and(|s| doc.name_of(s) == name)
                    }
                    (false, Role::Level) => {
                        q.kind == qv.kind && comparable(q, qv) && doc.name_of(j) == name
                    }
                    _ => false,
                };
                named
                    && q.is_operand()
                    && m.period.part == Some(quarter)
                    && !m.period.prior
                    && year.is_none_or(|y| m.period.year.is_none_or(|yj| yj == y))
            });
            if let Some(j) = alone {
                let (a, b) = if j < v { (j, v) } else { (v, j) };
                out.push(super::repeat::pair(
                    "quarter-run",
                    doc,
                    a,
                    b,
                    super::Strength::Strong,
                ));
            }
        }
    }
}

/// How many quarters a list of them names from the first on (`Q1-Q4`
/// four, `Q1/Q2/Q3` three, `22Q1/Q2` two), or None.
fn quarters(subjects: &str) -> Option<usize> {
    let upper = subjects.to_ascii_uppercase();
    let at = upper.find("Q1")?;
    let rest = &upper[at..];
    if let Some(n) = super::list::quarter_range(rest) {
        return Some(n);
    }
    let listed: Vec<&str> = rest
        .split('/')
        .map(|s| s.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
        .collect();
    let mut n = 0;
    for (k, item) in listed.iter().enumerate() {
        let want = format!("Q{}", k + 1);
        if item.starts_with(&want) {
            n += 1;
        } else {
            break;
        }
    }
    (n >= 2).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::quarters;

    #[test]
    fn quarters_are_counted_from_the_first() {
        assert_eq!(quarters("2022年Q1-Q4"), Some(4));
        assert_eq!(quarters("Q1/Q2/Q3/Q4单季度营业收入"), Some(4));
        assert_eq!(quarters("22Q1/Q2"), Some(2));
        assert_eq!(quarters("Q2/Q3"), None);
        assert_eq!(quarters("华东/华南"), None);
    }
}
