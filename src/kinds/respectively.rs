//! 分别 / respectively: as many values as the subjects they pair with
//! (`高技术制造业、装备制造业增加值分别增长8.9%、7.7%`, `workers and jobs fell
//! by 0.1% and 0.5% respectively`).

use super::list::item_counts;
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::Document;

pub struct Respectively;

const NAME: &str = "respectively";

impl RelationKind for Respectively {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "the values after 分别 or before `respectively` are as many as their subjects"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &["values", "series"]
    }

    fn primary_role(&self) -> &'static str {
        "value"
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let doc = cx.doc;
        for p in &doc.respectively {
            let (shape, (start, end)) = match (p.subjects, p.series) {
                (Some(range), _) => ("values", range),
                (None, Some((start, end, _))) => ("series", (start, end)),
                (None, None) => continue,
            };
            let first = p.values[0];
            let last = p.values[p.values.len() - 1];
            // `(90% CI: −1.89, −0.44 and −1.58, −0.24, respectively)`: the
            // values are the bounds of intervals, two to a subject.
            let from = start.min(doc.figures[first].start);
            if doc.has_cue(from, doc.figures[last].end, crate::lexicon::Cue::Interval) {
                continue;
            }
            let mut c = Candidate::new(NAME, shape, doc.mentions[first].lang, first).strong();
            for &v in &p.values[1..] {
                c = c.with("value", v);
            }
            c.list = Some(("subjects", start, end));
            c.params.count = p.values.len();
            out.push(c);
        }
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        let values = c.params.count;
        let (_, start, end) = c.list?;
        let (fewest, most, from) = if c.shape == "series" {
            // One subject for each value of the earlier series.
            let n = doc
                .respectively
                .iter()
                .find_map(|p| p.series.filter(|s| s.0 == start).map(|s| s.2))?;
            (n, n, start)
        } else {
            subject_counts(doc, start, end)?
        };
        // `化学需氧量、氨氮排放量要分别下降2%`: one value for every subject,
        // as targets are often set.
        let each = values == 1 && is_target(doc, start, doc.figures[c.stated].start);
        let consistent =
            each || (fewest..=most).contains(&values) || in_tuples(doc, c, fewest, most);
        let named = if fewest == most {
            fewest.to_string()
        } else {
            format!("{fewest} or {most}")
        };
        let shown = doc.text()[from..end].trim().to_owned();
        Some(Verdict {
            consistent,
            expected: format!("{named} values"),
            note: format!(
                "{named} subjects ({shown}), {values} value{}",
                if values == 1 { "" } else { "s" }
            ),
            message: format!(
                "{values} value{} for {named} subjects",
                if values == 1 { "" } else { "s" }
            ),
            primary_label: format!("{values} value(s) for {named} subjects"),
            doubtful: false,
        })
    }
}

/// `(−9.81, 0.54 and −12.97, −0.13, respectively)`: two values to a
/// subject (an interval's bounds), the groups joined by `and` or `;`
/// and the values inside a group by commas.
fn in_tuples(doc: &Document, c: &Candidate, fewest: usize, most: usize) -> bool {
    let values: Vec<usize> = std::iter::once(c.stated).chain(c.all("value")).collect();
    let gap = |k: usize| {
        let (a, b) = (&doc.figures[values[k]], &doc.figures[values[k + 1]]);
        doc.folded
            .get(a.unit_end.max(a.end)..b.start)
            .unwrap_or("")
            .trim()
    };
    (fewest..=most).filter(|&n| n >= 2).any(|n| {
        let per = values.len() / n;
        per >= 2
            && per * n == values.len()
            && (0..values.len() - 1).all(|k| {
                let g = gap(k);
                if (k + 1) % per == 0 {
                    g.ends_with("and") || g == ";" || g == "；" || g == ", and"
                } else {
                    g == "," || g == "，"
                }
            })
    })
}

/// How many subjects the list between `start` and `end` names, at fewest
/// and at most, and where the first of them starts. `销售费用，研发费用、
/// 管理费用分别为`: a short name before a comma may be one more subject,
/// listed with the wrong mark; it is one when it ends with the subjects'
/// head noun (费用).
pub(super) fn subject_counts(
    doc: &Document,
    start: usize,
    end: usize,
) -> Option<(usize, usize, usize)> {
    let (fewest, most) = item_counts(&doc.folded[start..end], false)?;
    let extra = names_before(doc, start, end);
    Some((fewest + extra.sure, most + extra.maybe, extra.from))
}

/// Short, figure-free clauses right before a list of subjects in their
/// sentence (at most two): how many may be subjects, and how many surely
/// are (those, nearest first, ending with the head noun of the list's
/// last subject).
struct NamesBefore {
    sure: usize,
    maybe: usize,
    /// Where the first sure subject's clause starts.
    from: usize,
}

fn names_before(doc: &Document, start: usize, end: usize) -> NamesBefore {
    use crate::lex::Level;
    let head = head_noun(&doc.folded[start..end]);
    let sentence = doc.segment_start(Level::Sentence, start);
    let mut at = start;
    let mut found = NamesBefore {
        sure: 0,
        maybe: 0,
        from: start,
    };
    let mut sure_so_far = true;
    while found.maybe < 2 && at > sentence {
        let clause = doc.segment_start(Level::Clause, at - 1).max(sentence);
        let text = doc.folded[clause..at].trim_end_matches(['，', ',']);
        let has_figure = doc
            .figures_in(clause, at)
            .iter()
            .any(|f| f.start >= clause && f.start < at);
        if text.chars().count() > 12 || has_figure || !text.ends_with(|c: char| c.is_alphabetic()) {
            break;
        }
        found.maybe += 1;
        sure_so_far &= head.is_some_and(|h| text.ends_with(h));
        if sure_so_far {
            found.sure += 1;
            found.from = clause;
        }
        at = clause;
    }
    found
}

/// The last two characters of a Chinese list's last item, when both are
/// Chinese (`研发费用、管理费用` → 费用): the noun its items share.
fn head_noun(list: &str) -> Option<&str> {
    let list = list.trim_end();
    let mut ends = list.char_indices().rev().take(2);
    let (_, last) = ends.next()?;
    let (k, before) = ends.next()?;
    let cjk = crate::source::is_cjk;
    (cjk(last) && cjk(before) && list.contains('、')).then(|| &list[k..])
}

/// Does the sentence set a goal (要, 将, 力争, 目标) before the clause of
/// the values ends? Then one value may stand for every subject. (A goal
/// set after it, `…，将由青瓷游戏负责发行`, is another clause's.)
fn is_target(doc: &Document, start: usize, value: usize) -> bool {
    use crate::lex::Level;
    let sentence = doc.segment_start(Level::Sentence, start);
    let stop = doc.segment_end(Level::Clause, value).max(sentence);
    let text = &doc.folded[sentence..stop];
    // (A goal word inside a title, `《超级计划》`, names a work, not a goal.)
    let in_title = |at: usize| {
        let before = &doc.folded[sentence..at];
        before
            .rfind('《')
            .is_some_and(|open| !before[open..].contains('》'))
    };
    doc.cues_in(sentence, stop)
        .iter()
        .any(|h| h.cue == crate::lexicon::Cue::Target && !in_title(h.start))
        || modal_yao(text)
        // A limit set for each (`分别不得超过20000手`).
        || text.contains("不得")
        || text.contains('将')
        || text.contains("will")
        || text.contains("should")
}

/// Does 要 stand as a verb of intent (`要分别下降2%`), not inside a word
/// (主要, 重要, 需要, 要求, 摘要)?
fn modal_yao(text: &str) -> bool {
    const BEFORE: &[char] = &[
        '主', '重', '需', '只', '摘', '纲', '概', '必', '首', '紧', '简',
    ];
    const AFTER: &[char] = &['求', '素', '点', '闻', '件', '害', '领', '务', '是'];
    text.char_indices().any(|(k, c)| {
        c == '要' && !text[..k].ends_with(BEFORE) && !text[k + c.len_utf8()..].starts_with(AFTER)
    })
}

#[cfg(test)]
mod tests {
    use super::{head_noun, modal_yao};

    #[test]
    fn yao_inside_a_word_sets_no_goal() {
        assert!(modal_yao("排放量要分别下降2%"));
        assert!(!modal_yao("主要系需求不足，重要原因是需要补库"));
        assert!(!modal_yao("符合监管要求"));
    }

    #[test]
    fn a_chinese_list_s_head_noun_is_its_last_two_characters() {
        assert_eq!(head_noun("研发费用、管理费用"), Some("费用"));
        assert_eq!(head_noun("workers and jobs"), None);
        // (One item is no list.)
        assert_eq!(head_noun("管理费用"), None);
    }
}
