//! Runs of values and the subjects they pair with: `分别增长8.9%、7.7%`,
//! `0.1% and 0.5% respectively`, and the list of names before them.
//! Shared by the kinds that read lists (respectively, share sums, sums,
//! points).

use crate::doc::Document;
use crate::lex::{Kind, Level};
use crate::lexicon::Cue;

/// Separators between the values of one run: `、`, `和`, `, and `.
fn is_separator(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace());
    matches!(
        g,
        "、" | "，"
            | ","
            | "和"
            | "及"
            | "与"
            | "以及"
            | "、和"
            | "and"
            | ", and"
            | "，和"
            | "/"
            | "or"
            | "versus"
            | "vs"
            | "vs."
    ) || g.is_empty()
}

/// `分别下降1.4%和上升4.2%`: a separator, then the next value's own
/// direction (one of the lexicon's up or down cues), between `from` and
/// `to`.
fn separator_then_direction(doc: &Document, from: usize, to: usize) -> bool {
    let Some(raw) = doc.folded.get(from..to) else {
        return false;
    };
    let t = raw.trim_start();
    let Some(sep) = ["和", "、", "，", ",", "及", "与"]
        .into_iter()
        .find(|s| t.starts_with(s))
    else {
        return false;
    };
    let after = &t[sep.len()..];
    let rest = after.trim();
    let rest_start = to - after.trim_start().len();
    !rest.is_empty()
        && doc.cues_in(rest_start, to).iter().any(|h| {
            h.start == rest_start
                && h.end == rest_start + rest.len()
                && matches!(h.cue, Cue::Up | Cue::Down)
        })
}

/// What may stand right before a value of a run: a sign, a currency.
const VALUE_OPENERS: &[char] = &['+', '＋', '$', '€', '£', '¥', '￥'];

/// A gap without the end of the unit before it: a measure word the
/// lexer does not know (`万股、`) or a rate's denominator (`元/吨、`).
fn unit_tail(gap: &str) -> &str {
    let mut rest = gap;
    if let Some(after) = rest.strip_prefix('/') {
        rest = after.trim_start_matches(|c: char| c.is_alphabetic() && !is_list_char(c));
    }
    let cjk_unit = rest
        .char_indices()
        .take_while(|&(_, c)| crate::source::is_cjk(c) && !is_list_char(c) && c.is_alphabetic())
        .last()
        .map_or(0, |(k, c)| k + c.len_utf8());
    if cjk_unit > 0 && rest[..cjk_unit].chars().count() <= 2 {
        let after = &rest[cjk_unit..];
        if is_separator(after) && !after.trim().is_empty() {
            return after;
        }
    }
    rest
}

fn is_list_char(c: char) -> bool {
    matches!(c, '、' | '，' | '和' | '及' | '与' | '或')
}

/// The run of values that starts at figure `first`: figures of the same
/// kind joined only by separators (a unit written once after the last,
/// as in `0.7、1.4个百分点`, is allowed).
pub fn values_from(doc: &Document, first: usize) -> Vec<usize> {
    let kind = doc.figures[first].kind;
    let mut run = vec![first];
    let mut last = first;
    for j in first + 1..doc.figures.len() {
        let q = &doc.figures[j];
        let same_kind = q.kind == kind
            || matches!(
                (kind, q.kind),
                (Kind::Number, Kind::Points) | (Kind::Points, Kind::Number)
            );
        let prev = &doc.figures[last];
        // A bracketed aside between two values (`196.40亿元（YOY+18.32%）和
        // 111.13亿元`) is passed over, figures and all.
        if doc.mentions[j].depth > doc.mentions[first].depth {
            continue;
        }
        let raw = doc
            .folded
            .get(prev.unit_end.max(prev.end)..q.start)
            .unwrap_or("");
        let stripped = super::list::strip_brackets(raw);
        let gap = stripped.as_str();
        // `+1.2%, +1.4% and +3.1%`, `$1.9 billion and $1.2 billion`: a
        // sign or a currency symbol opens the next value.
        let gap = unit_tail(gap.trim_end_matches(VALUE_OPENERS));
        let separated = is_separator(gap)
            || separator_then_direction(doc, prev.unit_end.max(prev.end), q.start);
        if !same_kind || !separated || doc.mentions[j].depth != doc.mentions[first].depth {
            break;
        }
        run.push(j);
        last = j;
    }
    run
}

/// The run of values that ends at figure `last` (values before
/// `respectively`).
pub fn values_until(doc: &Document, last: usize) -> Vec<usize> {
    let kind = doc.figures[last].kind;
    let mut run = vec![last];
    let mut first = last;
    while first > 0 {
        let j = first - 1;
        let q = &doc.figures[j];
        let next = &doc.figures[first];
        let gap = doc
            .folded
            .get(q.unit_end.max(q.end)..next.start)
            .unwrap_or("");
        let gap = unit_tail(gap.trim_end_matches(VALUE_OPENERS));
        let same_kind = q.kind == kind
            || matches!(
                (kind, q.kind),
                (Kind::Number, Kind::Points) | (Kind::Points, Kind::Number)
            );
        if !same_kind || !is_separator(gap) || doc.mentions[j].depth != doc.mentions[last].depth {
            break;
        }
        run.insert(0, j);
        first = j;
    }
    run
}

/// A respectively cue (分别, respectively) and the values it pairs.
pub struct Paired {
    pub values: Vec<usize>,
    /// Where the 分别 / respectively cue starts.
    pub cue: usize,
    /// Byte range of the subjects' text, when found.
    pub subjects: Option<(usize, usize)>,
    /// No subjects named, but an earlier parallel series of values the
    /// run answers (`by 1.2% in A, by 1.3% in B and by 3.0% in C, after
    /// +1.2%, +1.4% and +3.1% respectively`): its byte range and length.
    pub series: Option<(usize, usize, usize)>,
}

/// Every 分别/respectively of the document with its values and subjects.
pub fn paired(doc: &Document) -> Vec<Paired> {
    let mut out = Vec::new();
    for hit in doc.cues.iter().filter(|h| h.cue == Cue::Respectively) {
        let zh = doc.folded[hit.start..hit.end]
            .chars()
            .any(crate::source::is_cjk);
        let found = if zh {
            zh_values(doc, hit.end).map(|values| {
                let subjects =
                    zh_subjects(doc, hit.start).or_else(|| carried_subjects(doc, &out, hit.start));
                Paired {
                    values,
                    cue: hit.start,
                    subjects,
                    series: None,
                }
            })
        } else {
            en_values(doc, hit.start).map(|values| {
                let subjects = en_subjects(doc, values[0]);
                let series = subjects
                    .is_none()
                    .then(|| en_series(doc, values[0]))
                    .flatten();
                Paired {
                    values,
                    cue: hit.start,
                    subjects,
                    series,
                }
            })
        };
        if let Some(p) = found {
            out.push(p);
        }
    }
    out
}

/// The values after 分别: the first figure within a few words of the cue
/// (`分别为`, `分别增长`, `分别比上年增长`), then its run.
fn zh_values(doc: &Document, cue_end: usize) -> Option<Vec<usize>> {
    let first = doc.figures.partition_point(|q| q.start < cue_end);
    let q = doc.figures.get(first)?;
    let gap = doc.folded.get(cue_end..q.start)?;
    if gap.chars().count() > 10 || gap.contains(['，', ',', '。', '；', ';']) {
        return None;
    }
    // (`分别约为4.8、8.9`: a rough value is still one value.)
    let rough = q.approx && !q.in_range;
    if !q.is_operand() && q.kind != Kind::Date && !rough {
        return None;
    }
    // `分别环比1H20下降3.2%`: a name with digits in it (1H20) is no value.
    let glued = |f: &crate::lex::Quantity| {
        doc.folded[f.end..].starts_with(|c: char| c.is_ascii_alphabetic())
            && matches!(f.kind, Kind::Number | Kind::Date)
    };
    let mut first = first;
    while glued(&doc.figures[first]) {
        first += 1;
        let next = doc.figures.get(first)?;
        if next.start > cue_end + 40 {
            return None;
        }
    }
    Some(values_from(doc, first))
}

/// Words that name who acts, not what is measured.
const AGENTS: &[&str] = &[
    "公司",
    "本公司",
    "该公司",
    "我们",
    "我国",
    "集团",
    "其",
    "他们",
];

/// The subjects before 分别: the words of the cue's own clause
/// (`A、B增加值分别增长`), or, when that clause holds nothing but the cue
/// and a comparison (`，比上年分别下降`), the clause before it. The names
/// hold no figure outside brackets.
fn zh_subjects(doc: &Document, cue_start: usize) -> Option<(usize, usize)> {
    let sentence = doc.segment_start(Level::Sentence, cue_start);
    let clause = doc.segment_start(Level::Clause, cue_start).max(sentence);
    let own = &doc.folded[clause..cue_start];
    let only_cues = doc
        .cues_in(clause, cue_start)
        .iter()
        .map(|h| h.end - h.start)
        .sum::<usize>()
        >= own.trim().len();
    // `由A与B供给，产能分别为`, `在A和B开启预约，并分别拥有`: a clause of a
    // word or two before the cue names what is measured, not whose; the
    // names are the clause's before. (Unless that word is an agent:
    // `公司分别于2018年和2021年募资` dates the company's own acts.)
    let bare = own.trim().chars().count() <= 4
        && !AGENTS.contains(&own.trim())
        && !own.contains(['、', '和', '及', '与', '/'])
        && doc.figure_range(clause, cue_start).is_empty();
    let (start, end) = if (only_cues || bare) && clause > sentence {
        let prev = doc.segment_start(Level::Clause, clause - 1).max(sentence);
        (prev, clause)
    } else {
        (clause, cue_start)
    };
    let text = doc.folded[start..end].trim_end_matches(['，', ',', '；', ';']);
    let end = start + text.len();
    let listed = text.contains(['、', '和', '及', '与', '/'])
        || text.contains("次产业")
        || text.contains('大')
        || super::list::quarter_range(text).is_some();
    let figures_inside = doc
        .figure_range(start, end)
        .any(|j| doc.mentions[j].depth == 0 && doc.figures[j].kind != Kind::Date);
    (listed && !figures_inside && super::list::item_counts(text, false).is_some())
        .then_some((start, end))
}

/// `Q1、Q2营业收入分别为12.60、25.10亿元，分别同比下滑31.20%、2.40%`: a
/// 分别 with no subjects of its own, later in the sentence of one whose
/// subjects its values matched, pairs its values with the same subjects,
/// when no other list stands between them.
fn carried_subjects(doc: &Document, earlier: &[Paired], cue: usize) -> Option<(usize, usize)> {
    let prev = earlier.last()?;
    let (start, end) = prev.subjects?;
    let last = doc.figures[*prev.values.last()?].unit_end;
    let same_sentence =
        doc.segment_start(Level::Sentence, prev.cue) == doc.segment_start(Level::Sentence, cue);
    let between = doc.folded.get(last..cue)?;
    let matched = super::respectively::subject_counts(doc, start, end)
        .is_some_and(|(fewest, most, _)| (fewest..=most).contains(&prev.values.len()));
    (same_sentence && last <= cue && matched && !between.contains(['、', '和', '与', '及', '/']))
        .then_some((start, end))
}

/// The values before `respectively`: the run that ends at the last figure
/// before the cue, with nothing but `,`/spaces/`)` between.
fn en_values(doc: &Document, cue_start: usize) -> Option<Vec<usize>> {
    let after = doc.figures.partition_point(|q| q.start < cue_start);
    let last = after.checked_sub(1)?;
    let q = &doc.figures[last];
    // (`33.0% in 2002, respectively`: the date of a value is no value of
    // the run; `are 2003, 2010, and 2004, respectively` lists years.)
    if q.kind == Kind::Date {
        // (The word before it, read from a few bytes back.)
        let from = doc.folded.floor_char_boundary(q.start.saturating_sub(16));
        let before = doc.folded[from..q.start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        if ["in", "during", "of", "by", "for"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
            && before.len() > word.len()
        {
            return None;
        }
    }
    let gap = doc.folded.get(q.unit_end.max(q.end)..cue_start)?;
    // (`85% and 89% (respectively)`: the cue may stand in brackets.)
    if !gap
        .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '(')
        .is_empty()
    {
        return None;
    }
    Some(values_until(doc, last))
}

/// Two words joined by the `and` at byte `and` that qualify one noun
/// phrase (`domestic federal and state general business tax credit
/// carryforwards of $15.7 million and $0.8 million`): the pair, when no
/// comma makes it the end of a longer list.
fn modifier_pair(lower: &str, and: usize) -> Option<(usize, usize)> {
    let before = &lower[..and];
    let first = before.rfind(' ').map_or(0, |k| k + 1);
    let word = &before[first..];
    let after = &lower[and + 5..];
    let second = after.find(' ').unwrap_or(after.len());
    let next = &after[..second];
    let plain = |w: &str| {
        w.len() >= 3
            && w.bytes().all(|b| b.is_ascii_alphabetic())
            && !matches!(
                w,
                "the" | "those" | "these" | "any" | "all" | "its" | "their"
            )
    };
    // A noun phrase goes on after the second word, a few words, to the
    // `of` or the verb that the values follow (`… carryforwards of $15.7
    // million and $0.8 million`).
    let rest = after[second..].trim();
    let words = rest.split_whitespace().count();
    let opens_values = [" of", " were", " was", " totaled", " totaling"]
        .iter()
        .any(|w| rest.trim_end_matches([',', ' ', '$']).ends_with(w));
    // A word right after a figure is its unit (`76:36 min and`).
    let opener = before[..first].trim_end();
    let after_word = opener.ends_with(|c: char| c.is_ascii_alphabetic());
    (plain(word) && plain(next) && (2..=12).contains(&words) && opens_values && after_word)
        .then_some((first, and + 5 + second))
}

/// The names the values pair with, earlier in the sentence: the last
/// `A, B and C` before the values, back to the verb or preposition that
/// opens it.
fn en_subjects(doc: &Document, first_value: usize) -> Option<(usize, usize)> {
    let q = &doc.figures[first_value];
    let sentence = doc.segment_start(Level::Sentence, q.start);
    let text = &doc.folded[sentence..q.start];
    let lower = text.to_ascii_lowercase();
    let and = lower.rfind(" and ")?;
    // The list ends at the first verb or bracket after its last item.
    let tail = &lower[and + 5..];
    let end_rel = tail
        .find([' ', '(', ','])
        .map(|k| {
            // `workers and jobs fell by`: the item is the words up to the
            // verb; take words while they are not a known link word.
            let words: Vec<&str> = tail.split(' ').collect();
            let mut len = 0;
            // (The item's first word is its own, even a preposition:
            // `the US and in New York City`.)
            for (n, w) in words.into_iter().enumerate() {
                let linking = n > 0 || matches!(w, "respectively" | "by" | "at" | "with");
                let stop = w.starts_with('(')
                    || matches!(
                        w,
                        "fell"
                            | "rose"
                            | "were"
                            | "was"
                            | "are"
                            | "is"
                            | "had"
                            | "have"
                            | "has"
                            | "increased"
                            | "decreased"
                            | "declined"
                            | "grew"
                            | "down"
                            | "up"
                            | "by"
                            | "at"
                            | "in"
                            | "with"
                            | "since"
                            | "of"
                            | "totaling"
                            | "respectively"
                    ) && linking
                    || w.ends_with(',');
                if stop {
                    if w.ends_with(',') && !w.starts_with('(') {
                        len += w.len();
                    }
                    break;
                }
                len += w.len() + 1;
            }
            len.min(tail.len()).max(k.min(1))
        })
        .unwrap_or(tail.len());
    // (`in the south and by 4.0% in …`: no item after the `and`.)
    if tail[..end_rel.min(tail.len())].trim().len() < 2 {
        return None;
    }
    let end = and + 5 + end_rel;
    // Back from `and` over `, item` pieces; the first item may sit at the
    // end of a longer clause (`trends in PS`).
    let head = lower[..and].trim_end_matches(',');
    let mut start = and;
    let mut piece_end = head.len();
    loop {
        let piece_start = head[..piece_end]
            .rfind([',', ';', ':', '('])
            .map_or(0, |k| k + 1);
        let piece = &head[piece_start..piece_end];
        if piece.trim().is_empty() {
            break;
        }
        if piece.trim().split(' ').count() <= 4 && piece_start > 0 {
            start = piece_start;
            piece_end = piece_start - 1;
            continue;
        }
        let cut = [
            " of ",
            " that ",
            " in ",
            " for ",
            " are ",
            " were ",
            " was ",
            " between ",
        ]
        .iter()
        .filter_map(|w| piece.rfind(w).map(|k| k + w.len()))
        .max()
        .unwrap_or(0);
        start = piece_start + cut;
        break;
    }
    let (s, e) = (sentence + start, sentence + end.min(text.len()));
    // Names, not clauses: every item short, none a relative clause.
    let names = &lower[start..end.min(lower.len())];
    let short = names
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .all(|item| item.split_whitespace().filter(|w| *w != "or").count() <= 4)
        && !names.split_whitespace().any(|w| {
            matches!(
                w.trim_end_matches(','),
                "who" | "that" | "which" | "those" | "through" | "respectively"
            )
        });
    if !short {
        return modifier_pair(&lower, and).map(|(a, b)| (sentence + a, sentence + b));
    }
    // Values inside the names (`by 1.3% in the EU 28 and by 3.0% in
    // Cyprus`): the pairing is not a plain list.
    let figures_inside = doc
        .figures_in(s, e)
        .iter()
        .any(|f| f.start >= s && f.start < e && f.kind != Kind::Date);
    (end > start && !figures_inside).then_some((s, e))
}

/// Words that set a run of values against an earlier one in its
/// sentence: the earlier period's (`after`), a comparison's.
const COMPARED: &[&str] = &[
    "after",
    "compared with",
    "compared to",
    "versus",
    "vs.",
    "from",
];

/// A parallel series before the values of a `respectively` that names no
/// subjects: figures of the values' unit, each followed by the place or
/// group it is for (`by 1.2% in the euro area, by 1.3% in the EU 28 and
/// by 3.0% in Cyprus`), the last one then set against the values
/// (`, after`). Each member of the series is one subject.
fn en_series(doc: &Document, first_value: usize) -> Option<(usize, usize, usize)> {
    let q = &doc.figures[first_value];
    let sentence = doc.segment_start(Level::Sentence, q.start);
    let first_in_sentence = doc.figures.partition_point(|f| f.start < sentence);
    let alike = |k: &usize| {
        let f = &doc.figures[*k];
        f.kind == q.kind && f.unit == q.unit && !f.in_range
    };
    // The series' members, nearest first; other figures between them
    // belong to their places (`in the EU 28`, `in the third quarter of
    // 2019`).
    let mut members = (first_in_sentence..first_value).rev().filter(alike);
    let last = members.next()?;
    // The series' last member is set against the values.
    let link = doc.folded.get(doc.figures[last].unit_end..q.start)?;
    let link = link.to_ascii_lowercase();
    let (place, rest) = link.split_once(',')?;
    let rest = rest.trim().trim_end_matches(['+', '-', '−', ' ']);
    if !for_whom(place) || !COMPARED.contains(&rest) {
        return None;
    }
    let (mut first, mut count) = (last, 1);
    for k in members {
        let gap = doc
            .folded
            .get(doc.figures[k].unit_end..doc.figures[first].start)?;
        let gap = gap.to_ascii_lowercase();
        let Some((place, joint)) = gap.rsplit_once(',').or_else(|| gap.rsplit_once(" and")) else {
            break;
        };
        let joint = joint.trim().trim_start_matches("and").trim();
        if !for_whom(place) || !matches!(joint, "by" | "at" | "to" | "") {
            break;
        }
        first = k;
        count += 1;
    }
    (count >= 2).then(|| {
        let end = doc.figures[last].unit_end + place.len();
        (doc.figures[first].start, end, count)
    })
}

/// ` in the euro area`, ` among women`: the place or group a value is
/// for, a few words with no figure or clause in them.
fn for_whom(gap: &str) -> bool {
    let gap = gap.trim_start();
    let Some(rest) = ["in ", "among ", "for "]
        .iter()
        .find_map(|w| gap.strip_prefix(w))
    else {
        return false;
    };
    let words = rest.split_whitespace().count();
    (1..=8).contains(&words)
        && !rest.contains(['(', ')', ';', ':'])
        && !rest.split_whitespace().any(|w| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "and" | "after" | "compared" | "from" | "while"
            )
        })
}
