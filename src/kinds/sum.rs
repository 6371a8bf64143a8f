//! Sums: parts that add up to a stated total.
//!
//! Shapes:
//! - `set`: the parts' labels differ only by the qualifiers of a
//!   complementary set (城镇人口 and 乡村人口 of 常住人口; 第一、第二、第三
//!   产业增加值 of 生产总值), so together they are the whole;
//! - `bracket`: a breakdown in brackets right after the total, each item
//!   with its own name (`输入病例12例（浙江8例，四川3例）`, `187 participants
//!   (120 female, 67 male)`);
//! - `colon-list`: `A total of 88 participants were excluded: 57 …, 21 …`;
//! - `total-after`: parts, then a clause that opens with 合计, 共计 or 总计
//!   (`个人贷款8.6亿元，小微企业贷款12.4亿元，共计21.0亿元`);
//! - `identity`: a sum the lexicon says holds by definition (累计确诊 =
//!   现有确诊 + 累计治愈 + 累计死亡);
//! - `increments`: the increments of a set's parts add up to the
//!   increment of their whole (税收 +1840, 非税 +2215, 总收入 +4055);
//! - `change`: an amount that moved by a stated amount between two
//!   stated levels (`revised down by 48,000, from +215,000 to +167,000`,
//!   `由120人增加到150人，增加30人`);
//! - `partition`: values after 分别 or before `respectively` for groups
//!   that cover every case, as age groups from 0 to `60岁及以上` do, add up
//!   to the whole the text names after them.

use rust_decimal::Decimal;

use super::util::{comparable, fit, format_like, is_level, shown, Fit};
use super::{Candidate, Context, RelationKind, Verdict};
use crate::doc::{Document, Role};
use crate::lex::{Kind, Level};
use crate::lexicon::{Cue, Lang, Lexicon, Set};
use crate::num::Interval;

pub struct Sum;

pub(super) const NAME: &str = "sum";

impl RelationKind for Sum {
    fn name(&self) -> &'static str {
        NAME
    }

    fn describe(&self) -> &'static str {
        "parts add up to their total"
    }

    fn shapes(&self) -> &'static [&'static str] {
        &[
            "set",
            "bracket",
            "colon-list",
            "total-after",
            "groups",
            "flow",
            "identity",
            "increments",
            "change",
            "more-than",
            "defined",
            "partition",
            "table",
            "column",
            "difference",
            "quarters",
            "revisions",
            "subset",
        ]
    }

    fn primary_role(&self) -> &'static str {
        "total"
    }

    fn propose(&self, cx: &Context, out: &mut Vec<Candidate>) {
        let start = out.len();
        sets(cx, out);
        let breakdowns: Vec<Candidate> = out[start..].to_vec();
        increments(cx, &breakdowns, out);
        brackets(cx, out);
        colon_lists(cx, out);
        totals_after(cx, out);
        groups(cx, out);
        flows(cx, out);
        identities(cx, out);
        changes(cx, out);
        more_than(cx, out);
        defined(cx, out);
        partitions(cx, out);
        tables(cx, out);
        total_columns(cx.doc, out);
        difference_columns(cx.doc, out);
        super::quarters::propose(cx.doc, out);
        super::revisions::propose(cx.doc, out);
        subsets(cx, out);
    }

    fn evaluate(&self, doc: &Document, c: &Candidate) -> Option<Verdict> {
        evaluate(doc, c)
    }
}

/// A breakdown's candidate: `total` = Σ parts.
pub(super) fn breakdown(
    shape: &'static str,
    doc: &Document,
    total: usize,
    parts: &[usize],
) -> Candidate {
    let mut c = Candidate::new(NAME, shape, doc.mentions[total].lang, total).strong();
    for &p in parts {
        c = c.with("part", p);
    }
    c.params.exhaustive = true;
    c
}

/// A breakdown whose parts the text lists one by one.
fn spelled_out(shape: &'static str, doc: &Document, total: usize, parts: &[usize]) -> Candidate {
    let mut c = breakdown(shape, doc, total, parts);
    c.params.spelled_out = true;
    c
}

/// How a label splits around a set's qualifier: (set, part index,
/// words before, words after).
fn split_by_set<'a>(label: &str, sets: &'a [Set]) -> Vec<(&'a Set, usize, String, String)> {
    let mut out = Vec::new();
    for set in sets {
        for (k, q) in set.parts.iter().enumerate() {
            if let Some(at) = label.find(q.as_str()) {
                out.extend(split_at(label, set, k, at));
            }
        }
    }
    out
}

/// The same, for every set of the lexicon, with the label searched once.
fn split_by_lexicon<'a>(
    label: &str,
    lexicon: &'a Lexicon,
) -> Vec<(&'a Set, usize, String, String)> {
    lexicon
        .set_parts_in(label)
        .into_iter()
        .filter_map(|(s, k, at)| split_at(label, &lexicon.sets[s], k, at))
        .collect()
}

/// The split at qualifier `k` of `set` found at byte `at` of `label`, if
/// it is one.
fn split_at<'a>(
    label: &str,
    set: &'a Set,
    k: usize,
    at: usize,
) -> Option<(&'a Set, usize, String, String)> {
    let q = &set.parts[k];
    let prefix = &label[..at];
    let rest = &label[at + q.len()..];
    // An English qualifier is a whole word: `men` is not in `women`.
    let word = !q.is_ascii()
        || (prefix.is_empty() || prefix.ends_with(' '))
            && (rest.is_empty() || rest.starts_with(' '));
    // A qualifier starts the label or follows a short scope (国内过夜游客);
    // 非税 is not 税 with 非 before it.
    (word && prefix.chars().count() <= 6 && !prefix.ends_with('非') && !prefix.ends_with('不'))
        .then(|| (set, k, prefix.to_owned(), rest.to_owned()))
}

/// Groups keyed by parts rather than by a stated figure.
const BY_PARTS: u64 = 1 << 40;

/// A level's name, or for the level a change reached (`Full-time
/// employment increased 12,900 to 6,702,300`) the name of what changed.
fn level_name(doc: &Document, i: usize) -> &str {
    let m = &doc.mentions[i];
    match m.subject {
        Some(s)
            if m.name().is_empty()
                && m.lead.has(Cue::To)
                && matches!(doc.mentions[s].role, Role::Change { .. }) =>
        {
            doc.mentions[s].name()
        }
        _ => m.name(),
    }
}

fn sets(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let n = doc.figures.len();
    for i in 0..n {
        if !is_level(doc, i) || level_name(doc, i).is_empty() {
            continue;
        }
        for (set, k, prefix, rest) in split_by_lexicon(level_name(doc, i), cx.lexicon) {
            // The whole has the parts' scope: 限额以上企业 餐饮收入 and 商品零售
            // make 限额以上企业 消费品零售额.
            // A table row named by the qualifier alone (城镇 under 按经营地
            // 分) is a part of the table's first row.
            let top_row = || {
                let t = doc.table_of(i)?;
                let top = t.rows.iter().find(|r| !r.broken)?;
                (top.label != doc.mentions[i].label).then(|| top.label.clone())
            };
            let qualifier_only = prefix.is_empty() && rest.is_empty();
            // `广东省内250个、省外96个`: a place before the qualifier and
            // nothing after it names the part alone; the next part leaves
            // the place out.
            // (In prose: a table row's label holds its section's words.)
            let placed = !prefix.is_empty() && rest.is_empty() && doc.table_of(i).is_none();
            let whole_names: Vec<String> = if let Some(top) = top_row().filter(|_| qualifier_only) {
                vec![top]
            } else if set.whole.is_empty() || set.head.as_ref().is_some_and(|h| rest != *h) {
                vec![format!("{prefix}{rest}").trim().to_owned()]
            } else if prefix.is_empty() {
                set.whole.clone()
            } else {
                set.whole.iter().map(|w| format!("{prefix}{w}")).collect()
            };
            // `新增无症状感染者38例，其中境外输入33例，本土5例`: parts named by
            // the qualifier alone after 其中 are of the level before it.
            // (`年末户籍人口27万人。按性别分，男性…`, `…29757例。其中，香港…`: or
            // of the level before a sentence that a breakdown cue opens.)
            let subset_total = || {
                let q = &doc.figures[i];
                let sentence = doc.segment_start(Level::Sentence, q.start);
                let opens = |h: &crate::lexicon::CueHit| {
                    matches!(h.cue, Cue::Exhaustive | Cue::Subset)
                        && doc
                            .folded
                            .get(sentence..h.start)
                            .is_some_and(|gap| gap.trim().is_empty())
                };
                // (`其中：外贸0.72亿吨。沿海1.65亿吨；内河0.24亿吨。`: the
                // sentence that the cue opens may list a part of another
                // breakdown first, and the set's parts follow it.)
                let opened_after = |t: usize| {
                    let next = doc.segment_end(Level::Sentence, doc.figures[t].start);
                    let first = doc.folded[next..].trim_start();
                    let at = doc.folded.len() - first.len();
                    doc.cues_in(at, (at + 8).min(doc.folded.len()))
                        .iter()
                        .any(|h| h.start == at && matches!(h.cue, Cue::Exhaustive | Cue::Subset))
                };
                let t = (0..i).rev().take(6).find(|&t| {
                    let ts = doc.figures[t].sentence;
                    is_level(doc, t)
                        && doc.figures[t].value > q.value
                        && (ts == q.sentence
                            || ts + 1 == q.sentence
                                && doc
                                    .cues_in(doc.figures[t].unit_end, q.start)
                                    .iter()
                                    .any(opens)
                            || ts + 1 < q.sentence && q.sentence <= ts + 3 && opened_after(t))
                })?;
                let between = doc.cues_in(doc.figures[t].unit_end, q.start);
                between
                    .iter()
                    .any(|h| h.cue == Cue::Subset || h.cue == Cue::Exhaustive)
                    .then(|| doc.mentions[t].name().to_owned())
            };
            let mut whole_names = whole_names;
            if qualifier_only && whole_names.iter().all(|w| w.chars().count() < 2) || placed {
                if let Some(name) = subset_total() {
                    whole_names = vec![name];
                }
            }
            if set.stem.is_none() && whole_names.iter().all(|w| w.chars().count() < 2) {
                continue;
            }
            // With a stem, the whole's label starts with the stem where the
            // parts' has the qualifier, and ends as theirs do.
            let stem = set.stem.as_ref().map(|s| format!("{prefix}{s}"));
            let names_whole = |j: usize| {
                let name = level_name(doc, j);
                match &stem {
                    Some(stem) => name.starts_with(stem.as_str()) && name.ends_with(rest.as_str()),
                    None => whole_names.iter().any(|w| fit(name, w).is_some()),
                }
            };
            let mut parts: Vec<Option<usize>> = vec![None; set.parts.len()];
            parts[k] = Some(i);
            let period = doc.mentions[i].period;
            // Sixteen figures on, not counting those in brackets (a
            // part's own breakdown: `境外输入病例56例(广东11例,…)`).
            let depth = doc.mentions[i].depth;
            let mut seen = 0;
            for j in i + 1..n.min(i + 128) {
                if doc.mentions[j].depth > depth {
                    continue;
                }
                seen += 1;
                if seen > 15 {
                    break;
                }
                // Another period's figure (a table's next column) is of
                // another breakdown.
                if !doc.same_paragraph(i, j)
                    || !is_level(doc, j)
                    || !doc.mentions[j].period.compatible(&period)
                    || doc.other_column(i, j)
                {
                    continue;
                }
                let splits = split_by_set(level_name(doc, j), std::slice::from_ref(set));
                let mut matched = false;
                for (_, k2, p2, r2) in &splits {
                    if (*p2 == prefix || placed && p2.is_empty()) && *r2 == rest {
                        matched = true;
                        if parts[*k2].is_none() {
                            parts[*k2] = Some(j);
                        } else {
                            // A second 城镇 before the set is complete: the
                            // next breakdown has begun.
                            parts.iter_mut().for_each(|p| *p = None);
                        }
                    }
                }
                // A new whole (年末常住人口… after 户籍人口's parts) starts
                // another breakdown.
                // (Not a part of one part: `含12例由无症状感染者转为确诊病例`.)
                if !matched && names_whole(j) && !doc.mentions[j].before.has(Cue::Subset) {
                    break;
                }
                if parts.iter().all(Option::is_some) {
                    break;
                }
            }
            let Some(parts) = parts.into_iter().collect::<Option<Vec<usize>>>() else {
                continue;
            };
            // Built once: from the part that comes first in the text.
            if parts.iter().min() != Some(&i) {
                continue;
            }
            let pq = &doc.figures[i];
            if !parts.iter().all(|&p| {
                comparable(&doc.figures[p], pq) && doc.mentions[p].period.compatible(&period)
            }) {
                continue;
            }
            let largest = parts
                .iter()
                .map(|&p| doc.figures[p].value)
                .max()
                .unwrap_or_default();
            let totals: Vec<usize> = (0..i)
                .rev()
                .take(48)
                .filter(|&t| {
                    let tm = &doc.mentions[t];
                    // Near, or a few paragraphs back under its exact name
                    // (a release states the total, then each breakdown in
                    // a paragraph of its own).
                    let distance = doc.figures[i].paragraph - doc.figures[t].paragraph;
                    let exact_name = || {
                        let name = tm.name();
                        whole_names.iter().any(|w| fit(name, w) == Some(Fit::Same))
                    };
                    is_level(doc, t)
                        && !doc.other_column(i, t)
                        && (distance <= 3 || distance <= 6 && exact_name())
                        && comparable(&doc.figures[t], pq)
                        && doc.figures[t].value >= largest
                        && tm.period.compatible(&period)
                        && names_whole(t)
                        && !tm.before.has(Cue::Exclude)
                })
                .take(3)
                .collect();
            // A whole named exactly wins over one that only ends alike
            // (社会消费品零售额 over 除汽车以外的消费品零售额).
            let exact = |t: usize| {
                let name = doc.mentions[t].name();
                stem.is_some() || whole_names.iter().any(|w| fit(name, w) == Some(Fit::Same))
            };
            let mut totals = totals;
            if totals.iter().any(|&t| exact(t)) {
                totals.retain(|&t| exact(t));
            }
            let mut ordered = parts.clone();
            ordered.sort_unstable();
            // The same total stated twice (in the text and in its table)
            // is one whole, not a choice between two.
            if let Some(&nearest) = totals.first() {
                let iv = doc.figures[nearest].interval();
                if totals
                    .iter()
                    .all(|&t| doc.figures[t].interval().overlaps(&iv))
                {
                    totals.truncate(1);
                }
            }
            let single = totals.len() == 1;
            for total in totals {
                let mut c = breakdown("set", doc, total, &ordered);
                c.group = BY_PARTS | ordered[0] as u64;
                if !single {
                    c.strength = super::Strength::Weak;
                }
                out.push(c);
            }
        }
    }
}

/// How many parts a list after 其中 may have for a reading that they are
/// all of the total.
const MAX_SUBSET_PARTS: usize = 6;

/// `各类企业达2372户，其中国有及集体控股公司264户，私营企业2108户`: the
/// amounts listed after 其中 (`of which`) may be some of the total or all
/// of it; the text does not say. A reading that they are all of it is
/// one that only confirms: it is reported when they add up, never when
/// they fall short.
fn subsets(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in 0..doc.figures.len() {
        let q = &doc.figures[t];
        if !is_level(doc, t) || q.kind != Kind::Number || doc.mentions[t].in_table {
            continue;
        }
        // The cue opens the clause right after the total's.
        let clause_end = doc.segment_end(Level::Clause, q.unit_end.max(q.end));
        // (Items of a list go on past a semicolon: `公路980万吨；水路270万吨`.)
        let mut sentence_end = doc.segment_end(Level::Sentence, q.start);
        for _ in 0..MAX_SUBSET_PARTS {
            if !doc.folded[..sentence_end].ends_with(['；', ';']) {
                break;
            }
            sentence_end = doc.segment_end(Level::Sentence, sentence_end);
        }
        let next = doc.figures.get(t + 1).map_or(sentence_end, |n| n.start);
        let Some(cue) = doc
            .cues_in(clause_end, next.min(sentence_end))
            .iter()
            .find(|h| h.cue == Cue::Subset)
        else {
            continue;
        };
        let opens = doc.folded[clause_end..cue.start]
            .trim_matches(|c: char| c.is_whitespace() || "，,：:".contains(c))
            .is_empty();
        if !opens || doc.mentions[t].lang != crate::lexicon::Lang::Zh {
            continue;
        }
        // The amounts after it in its sentence, their rates of change aside.
        let mut parts = Vec::new();
        for j in t + 1..doc.figures.len() {
            let f = &doc.figures[j];
            if f.start >= sentence_end || parts.len() > MAX_SUBSET_PARTS {
                break;
            }
            match doc.mentions[j].role {
                Role::Change { .. } if f.kind == Kind::Percent => continue,
                Role::Level
                    if comparable(f, q)
                        && f.value < q.value
                        && doc.mentions[j].depth == doc.mentions[t].depth =>
                {
                    parts.push(j)
                }
                _ => {
                    parts.clear();
                    break;
                }
            }
        }
        // (`由40元提高到80元`: two values of one thing, not two parts.)
        let moves = parts.iter().any(|&p| {
            let m = &doc.mentions[p];
            m.lead.has(Cue::From) || m.lead.has(Cue::Versus) || m.lead.has(Cue::To)
        });
        if !(2..=MAX_SUBSET_PARTS).contains(&parts.len()) || moves {
            continue;
        }
        let mut c = breakdown("subset", doc, t, &parts);
        c.strength = super::Strength::Weak;
        c.group = BY_PARTS | parts[0] as u64;
        out.push(c);
    }
}

/// The increment (增加D) that follows a level in its clause chain.
/// In English the increment comes first, and the level it reached is
/// its subject's (`fell 51,300 to 3,563,600`).
fn increment_of(doc: &Document, i: usize) -> Option<usize> {
    let increment = |j: usize| {
        doc.figures[j].kind == Kind::Number
            && matches!(doc.mentions[j].role, Role::Change { versus: false, .. })
            && doc.figures[j].is_operand()
    };
    let before = doc.mentions[i].subject.filter(|&s| {
        s + 1 == i && doc.mentions[i].lang == crate::lexicon::Lang::En && increment(s)
    });
    before.or_else(|| {
        (i + 1..doc.figures.len())
            .take(3)
            .find(|&j| doc.mentions[j].subject == Some(i) && increment(j))
    })
}

fn increments(cx: &Context, breakdowns: &[Candidate], out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for b in breakdowns {
        // Only the breakdown that holds tells which total the parts are of.
        if !evaluate(doc, b).is_some_and(|v| v.consistent) {
            continue;
        }
        let Some(total_inc) = increment_of(doc, b.stated) else {
            continue;
        };
        let parts = b.all("part");
        let incs: Option<Vec<usize>> = parts.iter().map(|&p| increment_of(doc, p)).collect();
        let Some(incs) = incs else { continue };
        // Signed: a fall (减少282万元) counts against the rise.
        let mut c =
            Candidate::new(NAME, "increments", doc.mentions[total_inc].lang, total_inc).strong();
        for &p in &incs {
            let down = matches!(doc.mentions[p].role, Role::Change { down: true, .. });
            c = c.with(if down { "minus" } else { "part" }, p);
        }
        c.params.down = matches!(
            doc.mentions[total_inc].role,
            Role::Change { down: true, .. }
        );
        c.params.exhaustive = true;
        // One relation per breakdown: a total's increment may be split
        // by level and by kind of revenue alike.
        c.group = INCREMENTS | incs[0] as u64;
        out.push(c);
    }
}

/// Groups of increments, keyed by their first part.
const INCREMENTS: u64 = 1 << 39;

/// The figures in the bracket that opens right after figure `t`'s unit,
/// top level only (a `，其中…；` sub-list inside is passed over).
/// A part's own breakdown inside a bracketed list:
/// `黑龙江27例，其中黑河市25例、哈尔滨市2例`.
struct Sublist {
    /// From its 其中 to the end of its last figure.
    span: (usize, usize),
    /// The part it breaks down.
    owner: Option<usize>,
    items: Vec<usize>,
}

/// The parts listed in brackets after figure `t`, and the sublists of
/// single parts.
fn bracket_items(doc: &Document, t: usize) -> Option<(Vec<usize>, Vec<Sublist>)> {
    let q = &doc.figures[t];
    let after = &doc.folded[q.unit_end.max(q.end)..];
    // The bracket opens right after the total, or after the rest of its
    // noun phrase (`12例由无症状感染者转为确诊病例（浙江8例，…）`): a few words,
    // no figure, no clause break.
    let lead = after
        .char_indices()
        .take(20)
        .find(|&(_, c)| matches!(c, '(' | '（'))
        .map(|(k, _)| k)?;
    // Only Chinese words: an English noun phrase before a bracket is as
    // often a name with a gloss (`calcitriol (1,25 2OH vitamin D3)`).
    let words = after[..lead].trim();
    if !words
        .chars()
        .all(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
    {
        return None;
    }
    let open_at = q.unit_end.max(q.end) + lead;
    let depth = doc.mentions[t].depth + 1;
    let mut items = Vec::new();
    let mut in_sublist = false;
    let mut sublists: Vec<Sublist> = Vec::new();
    let mut prev_end = open_at;
    // Brackets open between the figures read so far: the breakdown ends
    // where its bracket closes, even if another opens right after.
    let mut open = 0i32;
    for j in t + 1..doc.figures.len() {
        let m = &doc.mentions[j];
        for c in doc
            .folded
            .get(prev_end..doc.figures[j].start)
            .unwrap_or("")
            .chars()
        {
            match c {
                '(' | '（' => open += 1,
                ')' | '）' => open -= 1,
                _ => {}
            }
            if open == 0 && prev_end > open_at {
                break;
            }
        }
        if m.depth < depth || (open <= 0 && prev_end > open_at) {
            break;
        }
        if m.depth > depth {
            prev_end = doc.figures[j].unit_end.max(doc.figures[j].end);
            continue;
        }
        let gap = &doc.folded[prev_end.min(doc.figures[j].start)..doc.figures[j].start];
        if let Some(k) = gap.rfind(['；', ';']) {
            // `(120 female, 67 male; M age = 19.8)`: after the breakdown,
            // statistics of the same people.
            if items.len() >= 2 && gap[k..].contains(['=', ':', '：']) {
                break;
            }
            in_sublist = false;
        }
        if let Some(k) = gap.find("其中").or_else(|| gap.find("含")) {
            in_sublist = true;
            let at = prev_end.min(doc.figures[j].start) + k;
            sublists.push(Sublist {
                span: (at, doc.figures[j].start),
                owner: items.last().copied(),
                items: Vec::new(),
            });
        }
        prev_end = doc.figures[j].unit_end.max(doc.figures[j].end);
        if in_sublist {
            if let Some(last) = sublists.last_mut() {
                last.span.1 = prev_end;
                last.items.push(j);
            }
            continue;
        }
        if !doc.figures[j].is_operand() || m.role == Role::Other {
            return None;
        }
        items.push(j);
    }
    Some((items, sublists))
}

fn brackets(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in 0..doc.figures.len() {
        if !is_level(doc, t) {
            continue;
        }
        let Some((items, sublists)) = bracket_items(doc, t) else {
            continue;
        };
        if items.len() < 2 {
            continue;
        }
        let tq = &doc.figures[t];
        let span_end = doc.figures[*items.last().unwrap_or(&t)].start;
        let inside = doc.folded_between(tq.unit_end, span_end);
        // `(95% CI 1.2–3.4)`, `(IQR 5–9)`: dispersion, not a breakdown;
        // `(including 5 in …)`: some of the parts only.
        // Cues inside one part's sublist speak of that sublist.
        let in_sublist = |at: usize| sublists.iter().any(|l| l.span.0 <= at && at < l.span.1);
        if doc.cues_in(tq.unit_end, span_end).iter().any(|h| {
            matches!(
                h.cue,
                Cue::Interval | Cue::Partial | Cue::Subset | Cue::Respectively
            ) && !in_sublist(h.start)
        }) || inside.contains(['±', '~', '～'])
        {
            continue;
        }
        // A list: between two items only a separator and a short name.
        let listed = {
            let mut prev_end = doc.folded[tq.unit_end.max(tq.end)..]
                .find(['(', '（'])
                .map_or(tq.unit_end, |k| tq.unit_end.max(tq.end) + k + 1);
            let mut ok = true;
            for &j in &items {
                // A sublist before this part is no part of the gap.
                let start = doc.figures[j].start;
                if let Some(l) = sublists.iter().rev().find(|l| l.span.1 <= start) {
                    prev_end = prev_end.max(l.span.1);
                }
                let gap = doc.folded.get(prev_end..start).unwrap_or("");
                // A separator and a short name: a few characters, or in
                // English a few words (`49 in the smile condition, 50 …`).
                let short = gap.chars().filter(|c| !c.is_whitespace()).count() <= 16
                    || (gap.is_ascii() && gap.split_whitespace().count() <= 6);
                if gap.contains(['=', '＝', '<', '>']) || !short {
                    ok = false;
                    break;
                }
                prev_end = doc.figures[j].unit_end.max(doc.figures[j].end);
            }
            ok
        };
        if !listed {
            continue;
        }
        let named = |j: usize| {
            let m = &doc.mentions[j];
            !m.name().is_empty()
                || doc.folded[doc.figures[j].unit_end..m.window.1]
                    .trim_start()
                    .starts_with(|c: char| c.is_alphabetic())
        };
        let ok = items.iter().all(|&j| {
            is_level(doc, j)
                && comparable(&doc.figures[j], tq)
                && doc.figures[j].value <= tq.value
                && named(j)
        });
        if ok {
            out.push(spelled_out("bracket", doc, t, &items));
            // A part's sublist in a breakdown meant to be complete is
            // complete too (`黑龙江27例，其中黑河市25例、哈尔滨市2例`), unless
            // it says it is not (等, 主要).
            for l in &sublists {
                let Some(owner) = l.owner else { continue };
                let oq = &doc.figures[owner];
                let partial = doc
                    .cues_in(l.span.0, l.span.1)
                    .iter()
                    .any(|h| matches!(h.cue, Cue::Partial | Cue::Interval | Cue::Respectively));
                // Its items joined by 、 alone: after a comma the text may
                // have gone back to the outer list.
                let joined = l.items.windows(2).all(|w| {
                    let gap = doc.folded_between(doc.figures[w[0]].end, doc.figures[w[1]].start);
                    !gap.contains([',', '，', ';', '；'])
                });
                if l.items.len() >= 2
                    && joined
                    && !partial
                    && l.items
                        .iter()
                        .all(|&j| is_level(doc, j) && comparable(&doc.figures[j], oq) && named(j))
                {
                    out.push(spelled_out("bracket", doc, owner, &l.items));
                }
            }
        }
    }
}

/// Words that open a clause stating the sum of what the sentence listed
/// before it.
const TOTAL_OPENERS: &[&str] = &["合计", "共计", "总计"];

/// `管理岗45个，专业技术岗186个，工勤岗29个，总计260个`: every figure of the
/// sentence before the clause that opens with 合计 (or after the
/// sentence's colon) is a part of its total, when all of them are amounts
/// of its unit.
fn totals_after(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in 0..doc.figures.len() {
        let m = &doc.mentions[t];
        if m.lang != Lang::Zh || m.in_table || !is_level(doc, t) {
            continue;
        }
        let tq = &doc.figures[t];
        let clause = doc.segment_start(Level::Clause, tq.start);
        let opener = doc.folded[clause..tq.start].trim_start();
        // The opener, then at most a short verb or name (`合计罚没`).
        let Some(rest) = TOTAL_OPENERS.iter().find_map(|w| opener.strip_prefix(w)) else {
            continue;
        };
        if rest.chars().count() > 4 || rest.contains(['，', ',', '、']) {
            continue;
        }
        let sentence = doc.segment_start(Level::Sentence, tq.start);
        let run_start = doc.folded[sentence..clause]
            .rfind(['：', ':'])
            .map_or(sentence, |k| sentence + k + 1);
        let run: Vec<usize> = (0..t)
            .rev()
            .take_while(|&j| doc.figures[j].start >= run_start)
            .filter(|&j| !matches!(doc.figures[j].kind, Kind::Date | Kind::Ordinal))
            .collect();
        let parts_all = run.len() >= 2
            && run.iter().all(|&j| {
                is_level(doc, j)
                    && doc.mentions[j].depth == m.depth
                    && comparable(&doc.figures[j], tq)
                    && doc.figures[j].value.abs() <= tq.value.abs()
            });
        // 等 leaves parts out; 其中 takes a part of a part.
        if !parts_all
            || doc
                .cues_in(run_start, clause)
                .iter()
                .any(|h| matches!(h.cue, Cue::Subset | Cue::Partial | Cue::Interval))
        {
            continue;
        }
        let parts: Vec<usize> = run.into_iter().rev().collect();
        out.push(spelled_out("total-after", doc, t, &parts));
    }
}

/// `A total of 88 participants were excluded: 57 …, 21 …, and 1 …`.
fn colon_lists(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in 0..doc.figures.len() {
        let m = &doc.mentions[t];
        if !is_level(doc, t) {
            continue;
        }
        let tq = &doc.figures[t];
        let total_cue = m.before.has(Cue::Total);
        // A word right after the total, in prose, that says its parts
        // make it (`a $720 million offering, comprised of $420 million …
        // and $300 million …`): where the list opens. (Cheap tests first:
        // this runs for every level.)
        let next = doc.figures.get(t + 1).map_or(doc.folded.len(), |n| n.start);
        let list_word = (m.lang == Lang::En && !m.in_table)
            .then(|| {
                doc.cues_in(tq.unit_end, next.min(tq.unit_end + 40))
                    .iter()
                    .find(|h| {
                        h.cue == Cue::Exhaustive
                            && !doc.folded[tq.unit_end..h.start].contains(['\n', '|'])
                    })
                    .map(|h| h.end)
            })
            .flatten();
        if !total_cue && list_word.is_none() {
            continue;
        }
        let sentence_end = doc.segment_end(Level::Sentence, tq.end);
        let rest = &doc.folded[tq.unit_end..sentence_end.max(tq.unit_end)];
        // The list opens at a colon after a total (`A total of 30 were
        // excluded: …`), or at that word.
        let colon = rest
            .get(..rest.floor_char_boundary(84.min(rest.len())))
            .and_then(|head| head.find([':', '：']))
            .filter(|&k| total_cue && k <= 80 && !rest[..k].contains(['\n', '|']));
        let Some(colon_at) = colon.map(|k| tq.unit_end + k).or(list_word) else {
            continue;
        };
        // A figure in a row of cells (`(In millions) | 2019 | 2018`) opens
        // no list of the prose after it.
        let line_start = doc.folded[..tq.start].rfind('\n').map_or(0, |k| k + 1);
        if doc.folded[line_start..tq.start].contains(['|', '｜']) {
            continue;
        }
        // Each element of the list starts with its part; a later figure in
        // the same element (`21 failed … for at least 3 of the cartoons`)
        // is a detail of that part.
        let mut element_start = colon_at;
        let mut items: Vec<usize> = Vec::new();
        for j in (t + 1..doc.figures.len()).take_while(|&j| doc.figures[j].start < sentence_end) {
            let q = &doc.figures[j];
            if q.start <= colon_at || doc.mentions[j].depth != m.depth {
                continue;
            }
            let gap = doc.folded.get(element_start..q.start).unwrap_or("");
            let leads = element_start == colon_at
                || gap.contains([',', ';', '，', '；', '、'])
                || gap.contains(" and ");
            if leads {
                items.push(j);
            }
            element_start = q.unit_end.max(q.end);
        }
        if items.len() < 2
            || !items.iter().all(|&j| {
                is_level(doc, j)
                    && comparable(&doc.figures[j], tq)
                    && doc.figures[j].value <= tq.value
            })
        {
            continue;
        }
        // `7,812 (64.0%) of these …, and 4,530 of those`: nested subsets,
        // not a list of parts.
        let last = doc.figures[*items.last().unwrap_or(&t)].unit_end;
        if doc
            .cues_in(colon_at, last.max(colon_at))
            .iter()
            .any(|h| matches!(h.cue, Cue::Subset | Cue::Partial | Cue::Interval))
        {
            continue;
        }
        out.push(spelled_out("colon-list", doc, t, &items));
    }
}

/// Is figure `j` a group size (`(n = 352)`, `video one N = 166`), and is
/// it the whole sample's (`N = 329`: a capital N by convention)?
fn group_size(doc: &Document, j: usize) -> Option<bool> {
    size_letter(doc, j).map(|(_, whole)| whole)
}

/// Where the `n` of a group size `n = k` stands, and whether it is a
/// capital N.
fn size_letter(doc: &Document, j: usize) -> Option<(usize, bool)> {
    let q = &doc.figures[j];
    let from = doc.folded.floor_char_boundary(q.start.saturating_sub(8));
    let before = doc.folded[from..q.start].trim_end();
    let before = before.strip_suffix(['=', '＝'])?.trim_end();
    let whole = before.ends_with('N');
    let letter = before.strip_suffix(['n', 'N'])?;
    let alone = letter
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_ascii_alphanumeric());
    (alone && q.kind == Kind::Number && q.is_operand()).then_some((from + letter.len(), whole))
}

/// Words that make a size the sum of the sizes before it: `(pooled n =
/// 44,066)`, `(total N = 240)`.
const POOLED: &[&str] = &["pooled", "total", "overall", "combined", "all"];

/// `the 2015 (n = 15,624), 2017 (n = 14,765), and 2019 (n = 13,677)
/// cycles (pooled n = 44,066)`: a size called pooled or total after the
/// group sizes of its sentence is their sum.
fn pooled(cx: &Context, sizes: &[Option<bool>], out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in 0..doc.figures.len() {
        if sizes[t].is_none() {
            continue;
        }
        let Some((letter_at, _)) = size_letter(doc, t) else {
            continue;
        };
        let q = &doc.figures[t];
        let from = doc.folded.floor_char_boundary(letter_at.saturating_sub(16));
        let before = doc.folded[from..letter_at].trim_end().to_ascii_lowercase();
        let named = POOLED.iter().any(|w| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        });
        if !named {
            continue;
        }
        // Every operand before it in the sentence is a group size.
        let parts: Vec<usize> = (0..t)
            .rev()
            .take_while(|&j| doc.same_sentence(j, t))
            .filter(|&j| doc.figures[j].is_operand() && !doc.figures[j].in_words)
            .collect();
        if parts.len() < 2
            || !parts
                .iter()
                .all(|&j| sizes[j].is_some() && comparable(&doc.figures[j], q))
        {
            continue;
        }
        let parts: Vec<usize> = parts.into_iter().rev().collect();
        let mut c = spelled_out("groups", doc, t, &parts);
        c.strength = super::Strength::Strong;
        out.push(c);
    }
}

/// `assigned to one of five conditions: 1) … (N=70) … 2) …`: where the
/// numbered list after the colon of the sentence at `from` ends, the
/// groups being its items.
fn numbered_list_end(doc: &Document, from: usize) -> Option<usize> {
    let sentence_end = doc.segment_end(Level::Sentence, from);
    let colon = from + doc.folded.get(from..sentence_end)?.find([':', '：'])?;
    super::enumeration::after_colon(&doc.folded, colon).map(|list| list.end)
}

/// `412 infants were randomly assigned to either the study group (n =
/// 209) or the control group (n = 203)`: a total split into groups, each
/// group's size in brackets after its name.
fn groups(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    // Read once per figure: each total looks at every figure after it in
    // its sentence.
    let sizes: Vec<Option<bool>> = (0..doc.figures.len()).map(|j| group_size(doc, j)).collect();
    pooled(cx, &sizes, out);
    let size = |j: usize| sizes[j];
    for t in 0..doc.figures.len() {
        // A total is a count, or the whole sample's size.
        if !is_level(doc, t) || size(t) == Some(false) {
            continue;
        }
        let tq = &doc.figures[t];
        // A whole sample's size (`N = 329`) may be split over the items of
        // a numbered list after its sentence's colon.
        let listed = || numbered_list_end(doc, tq.unit_end);
        let sentence_end = (size(t) == Some(true))
            .then(listed)
            .flatten()
            .unwrap_or_else(|| doc.segment_end(Level::Sentence, tq.end));
        let after: Vec<usize> = (t + 1..doc.figures.len())
            .take_while(|&j| doc.figures[j].start < sentence_end)
            .collect();
        // The group sizes end the sentence: after the first, every figure
        // is one (details of the whole sample may come before).
        let Some(first) = after.iter().position(|&j| size(j).is_some()) else {
            continue;
        };
        // Number words among the sizes name the groups (`video two N =
        // 163`).
        let items: Vec<usize> = after[first..]
            .iter()
            .copied()
            .filter(|&j| !doc.figures[j].in_words && doc.figures[j].kind != Kind::Ordinal)
            .collect();
        if items.len() < 2 || !items.iter().all(|&j| size(j).is_some()) {
            continue;
        }
        // Figures before the first size describe the whole sample, in its
        // own bracket (`Participants (N=300, 160 female, M age = 39.7)`):
        // any other may be a whole of its own (`303 were eligible`).
        let own_bracket_end = {
            let from = tq.unit_end.max(tq.end);
            let rest = &doc.folded[from..];
            let opens_after = rest.trim_start().starts_with(['(', '（']);
            if doc.mentions[t].depth > 0 || opens_after {
                rest.find([')', '）']).map_or(from, |k| from + k)
            } else {
                from
            }
        };
        if after[..first].iter().any(|&j| {
            doc.figures[j].start > own_bracket_end
                && !doc.figures[j].in_words
                && doc.figures[j].kind != Kind::Ordinal
        }) {
            continue;
        }
        // The split is said to cover everyone: `assigned to`, `divided
        // into`, or `one of two` with as many groups as it says.
        let between = doc.folded_between(tq.unit_end, doc.figures[items[0]].start);
        let one_of = [
            "one of two ",
            "one of three ",
            "one of four ",
            "one of five ",
        ]
        .iter()
        .position(|w| between.to_ascii_lowercase().contains(w))
        .is_some_and(|k| k + 2 == items.len());
        let split = one_of
            || doc
                .cues_in(tq.unit_end, doc.figures[items[0]].start)
                .iter()
                .any(|h| h.cue == Cue::Exhaustive);
        if !split
            || !items
                .iter()
                .all(|&j| comparable(&doc.figures[j], tq) && doc.figures[j].value <= tq.value)
        {
            continue;
        }
        let mut c = spelled_out("groups", doc, t, &items);
        c.strength = super::Strength::Strong;
        out.push(c);
    }
}

/// `We recruited 187 participants … A total of 88 participants were
/// excluded: … A remaining total of 99 participants`: a sample's flow,
/// where those left out and those kept add up to those taken in. The
/// kept figure is judged; each count before the exclusions that could be
/// the intake is a reading of it.
fn flows(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let has = |j: usize, cue: Cue| {
        let m = &doc.mentions[j];
        m.before.has(cue) || m.after.has(cue)
    };
    for r in 0..doc.figures.len() {
        let rm = &doc.mentions[r];
        if !is_level(doc, r) || !(has(r, Cue::Leaving) || rm.before.has(Cue::Remainder)) {
            continue;
        }
        let rq = &doc.figures[r];
        let paragraph = rq.paragraph;
        let in_flow = |j: usize| {
            doc.figures[j].paragraph == paragraph
                && is_level(doc, j)
                && comparable(&doc.figures[j], rq)
                && doc.mentions[j].depth <= rm.depth
        };
        // Back from the kept figure: the exclusions, then the intake. A
        // figure after an exclusion's colon, in its sentence, is one of
        // its reasons, not another exclusion.
        let mut excluded: Vec<usize> = Vec::new();
        let mut intake: Vec<usize> = Vec::new();
        for j in (0..r).rev().take(24) {
            if !in_flow(j) || has(j, Cue::Leaving) {
                if doc.figures[j].paragraph != paragraph {
                    break;
                }
                continue;
            }
            let reason = (0..j)
                .rev()
                .take_while(|&o| doc.same_sentence(o, j))
                .any(|o| {
                    has(o, Cue::Dropout)
                        && doc
                            .folded_between(doc.figures[o].unit_end, doc.figures[j].start)
                            .contains([':', '：'])
                });
            if reason {
                continue;
            }
            if has(j, Cue::Dropout) {
                if !intake.is_empty() {
                    break;
                }
                excluded.push(j);
            } else if !excluded.is_empty() {
                intake.push(j);
                if intake.len() == 3 {
                    break;
                }
            }
        }
        if excluded.is_empty() || intake.is_empty() {
            continue;
        }
        let left_out: Decimal = excluded.iter().map(|&e| doc.figures[e].value).sum();
        for &w in &intake {
            let wq = &doc.figures[w];
            if wq.value <= rq.value || wq.value < left_out {
                continue;
            }
            // The intake that counts what the kept figure counts, or that
            // the text calls a total, is the one it means.
            let noun = &doc.mentions[w].noun;
            let same_noun =
                !noun.is_empty() && *noun == rm.noun || doc.mentions[w].before.has(Cue::Total);
            let mut parts = excluded.clone();
            parts.push(r);
            let mut c = breakdown("flow", doc, w, &parts);
            c.strength = if same_noun {
                super::Strength::Strong
            } else {
                super::Strength::Weak
            };
            c.group = (1 << 42) | r as u64;
            out.push(c);
        }
    }
}

fn identities(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for id in &cx.lexicon.identities {
        for t in 0..doc.figures.len() {
            let tm = &doc.mentions[t];
            // Levels, and changes in points: an identity of rates holds
            // for their changes in points (自然增长率下降1.81个千分点 = 出生率
            // 下降1.84 − 死亡率下降0.03; members move the same way, as the
            // roles compared below require). Not growth rates: the growth
            // of a surplus is no difference of the growths of exports and
            // imports.
            let points_change = matches!(tm.role, Role::Change { versus: false, .. })
                && doc.figures[t].kind == Kind::Points;
            if (tm.role != Role::Level && !points_change)
                || !doc.figures[t].is_operand()
                || tm.lang != id.lang
                || !id.total.matches(doc.name_of(t))
            {
                continue;
            }
            let tq = &doc.figures[t];
            // Members of the total's own sentence first, then of its
            // paragraph (`累计确诊病例7358例，累计治愈出院病例7144例，无死亡
            // 病例` is complete without the next line's 累计死亡病例).
            const SCOPES: [Level; 2] = [Level::Sentence, Level::Paragraph];
            let find_at = |p: &crate::lexicon::LabelPattern, scope: Level| {
                let near = |j: &usize| {
                    *j != t
                        && if scope == Level::Sentence {
                            doc.same_sentence(*j, t)
                        } else {
                            doc.same_paragraph(*j, t)
                        }
                };
                let ok = |j: usize| {
                    doc.mentions[j].role == doc.mentions[t].role
                        && comparable(&doc.figures[j], tq)
                        && doc.figures[j].is_operand()
                        && p.matches(doc.name_of(j))
                        && doc.mentions[j].period.compatible(&tm.period)
                };
                (0..t)
                    .rev()
                    .take(16)
                    .filter(near)
                    .find(|&j| ok(j))
                    .or_else(|| {
                        (t + 1..doc.figures.len())
                            .take(16)
                            .filter(near)
                            .find(|&j| ok(j))
                    })
            };
            // `无死亡病例`: a member the sentence or paragraph says there is
            // none of counts as zero.
            let none_of = |p: &crate::lexicon::LabelPattern, scope: Level| {
                let start = doc.segment_start(scope, tq.start);
                let end = doc.segment_end(scope, tq.start);
                let text = &doc.folded[start..end];
                text.match_indices('无')
                    .any(|(k, _)| p.opens(&text[k + '无'.len_utf8()..]))
            };
            // Each member found once, in the nearest scope that has it: a
            // stated one, or none of it (an empty slot, dropped below).
            let plus: Option<Vec<Option<usize>>> = id
                .plus
                .iter()
                .map(|p| {
                    SCOPES.iter().find_map(|&scope| match find_at(p, scope) {
                        Some(j) => Some(Some(j)),
                        None => none_of(p, scope).then_some(None),
                    })
                })
                .collect();
            let absent = plus
                .as_ref()
                .map_or(0, |found| found.iter().filter(|m| m.is_none()).count());
            let plus: Option<Vec<usize>> = plus.map(|found| found.into_iter().flatten().collect());
            let minus: Option<Vec<usize>> = id
                .minus
                .iter()
                .map(|p| SCOPES.iter().find_map(|&scope| find_at(p, scope)))
                .collect();
            let (Some(plus), Some(minus)) = (plus, minus) else {
                continue;
            };
            // Two stated members at least, each a figure of its own
            // (`管理费用率（含研发费用率）` names two members in one).
            let mut members: Vec<usize> = plus.iter().chain(&minus).copied().collect();
            members.sort_unstable();
            members.dedup();
            if members.len() < plus.len() + minus.len() || members.len() < 2 || absent > 1 {
                continue;
            }
            let mut c = Candidate::new(NAME, "identity", tm.lang, t).strong();
            c.params.defined = true;
            for p in plus {
                c = c.with("part", p);
            }
            for p in minus {
                c = c.with("minus", p);
            }
            c.params.exhaustive = true;
            out.push(c);
        }
    }
}

/// `revised down by 48,000, from +215,000 to +167,000`: the later level
/// is the earlier one moved by the stated amount, all in one sentence.
fn changes(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for d in 0..doc.figures.len() {
        let q = &doc.figures[d];
        let Role::Change {
            down,
            versus: false,
        } = doc.mentions[d].role
        else {
            continue;
        };
        if q.kind != Kind::Number || !q.is_operand() {
            continue;
        }
        let near = |j: usize| {
            j != d
                && doc.same_sentence(j, d)
                && j.abs_diff(d) <= 3
                && doc.figures[j].kind == Kind::Number
                && doc.figures[j].is_operand()
                && comparable(&doc.figures[j], q)
        };
        // The levels on one side of the move: after it (`revised down by
        // D, from A to B`), else before it (`from A to B, up D`).
        let after = (d + 1)..(d + 4).min(doc.figures.len());
        let before = d.saturating_sub(3)..d;
        let pick = |range: std::ops::Range<usize>| {
            let with = |cue: Cue| -> Vec<usize> {
                range
                    .clone()
                    .filter(|&j| near(j) && doc.mentions[j].lead.has(cue))
                    .collect()
            };
            match (with(Cue::To).as_slice(), with(Cue::From).as_slice()) {
                ([later], [earlier]) if later != earlier => Some((*later, *earlier)),
                _ => None,
            }
        };
        let Some((later, earlier)) = pick(after).or_else(|| pick(before)) else {
            continue;
        };
        let (later, earlier) = (&later, &earlier);
        let mut c = Candidate::new(NAME, "change", doc.mentions[*later].lang, *later)
            .with("part", *earlier)
            .with(if down { "minus" } else { "part" }, d)
            .strong();
        c.params.exhaustive = true;
        c.group = CHANGES | d as u64;
        out.push(c);
    }
}

/// `there were 238 million cases, 6 million more than the 232 million
/// cases reported in 2015`: a level, then the amount it exceeds (or falls
/// short of) another level of the same thing by, all in one sentence.
fn more_than(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for d in 1..doc.figures.len().saturating_sub(1) {
        let (b, q) = (d + 1, &doc.figures[d]);
        let m = &doc.mentions[d];
        if m.lang != Lang::En || q.kind != Kind::Number || !q.is_operand() || q.approx {
            continue;
        }
        // Only the comparison between them: `5 million more than the 211
        // million`, not a bound (`more than 232 million`) after a clause.
        // (The lexer may take `more` for the unit of the figure before it.)
        let (from, to) = (q.end, doc.figures[b].start);
        let between = doc.folded_between(from, to);
        if !doc.same_sentence(d, b)
            || between.split_whitespace().count() > 4
            || between.contains([',', ';', '('])
        {
            continue;
        }
        let cues = doc.cues_in(from, to);
        let more = cues.iter().any(|h| h.cue == Cue::Higher);
        let fewer = cues.iter().any(|h| h.cue == Cue::Lower);
        if more == fewer {
            continue;
        }
        let names = |k: usize| {
            let mk = &doc.mentions[k];
            [mk.noun.as_str(), mk.name()]
        };
        let fits = |k: usize| {
            let f = &doc.figures[k];
            f.kind == Kind::Number && f.is_operand() && comparable(f, q) && !f.approx
        };
        // The level compared: the nearest figure before, in the sentence,
        // of the same thing as the one compared with.
        let a = (d.saturating_sub(4)..d).rev().find(|&a| {
            doc.same_sentence(a, d)
                && names(a)
                    .iter()
                    .any(|x| !x.is_empty() && names(b).contains(x))
        });
        let Some(a) = a else { continue };
        if !fits(a) || !fits(b) {
            continue;
        }
        let mut c = Candidate::new(NAME, "more-than", m.lang, a)
            .with("part", b)
            .with(if more { "part" } else { "minus" }, d)
            .strong();
        c.params.exhaustive = true;
        out.push(c);
    }
}

/// Words that end a note defining a total as the sum of named parts:
/// `海外入境游客为海外旅游者(过夜)和口岸入境一日游游客合计数`.
const SUM_NOUNS: &[&str] = &["合计数", "之和", "总和", "的合计"];

/// Words that join the parts a note names.
const PART_JOINS: &[&str] = &["和", "与", "及", "、", "加上"];

/// A note of the text that defines a total as the sum of parts it names
/// (`注：A为B和C之和`): the figures of those names add up wherever the text
/// states all of them.
fn defined(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    let text = &doc.folded;
    // Most texts hold no such note: the sentences that hold one of its
    // words, found in one pass per word, are all that is read.
    let mut starts: Vec<usize> = SUM_NOUNS
        .iter()
        .flat_map(|n| text.match_indices(n))
        .map(|(at, _)| doc.segment_start(Level::Sentence, at))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    for start in starts {
        let end = doc
            .segment_end(Level::Sentence, start)
            .max(start + 1)
            .min(text.len());
        let end = text.ceil_char_boundary(end);
        let sentence = &text[start..end];
        let Some(noun) = SUM_NOUNS.iter().find_map(|n| sentence.find(n)) else {
            continue;
        };
        // A definition states no figure of its own.
        if !doc.figures_in(start, end).is_empty() {
            continue;
        }
        let body = sentence[..noun]
            .trim_start_matches(|c: char| c.is_whitespace() || "*＊注：:①②③".contains(c));
        let Some((whole, parts)) = body.split_once('为') else {
            continue;
        };
        let normalize = |name: &str| cx.lexicon.normalizer.normalize(name.trim());
        let whole = normalize(whole);
        let mut names = vec![parts.trim_end_matches('的').to_owned()];
        for join in PART_JOINS {
            names = names
                .iter()
                .flat_map(|n| n.split(join).map(str::to_owned).collect::<Vec<_>>())
                .collect();
        }
        let names: Vec<String> = names.iter().map(|n| normalize(n)).collect();
        if whole.chars().count() < 2
            || !(2..=6).contains(&names.len())
            || names.iter().any(|n| n.chars().count() < 2)
        {
            continue;
        }
        let named = |k: usize, name: &str| {
            let m = &doc.mentions[k];
            m.role == Role::Level
                && doc.figures[k].is_operand()
                && doc.figures[k].kind == Kind::Number
                && doc.name_of(k).contains(name)
        };
        for t in (0..doc.figures.len()).filter(|&t| named(t, &whole)) {
            let tq = &doc.figures[t];
            let period = doc.mentions[t].period;
            // Each part: the first figure of its name after the total,
            // within the few statements that follow, of the same unit and
            // period.
            let parts: Option<Vec<usize>> = names
                .iter()
                .map(|name| {
                    (t + 1..doc.figures.len()).take(24).find(|&j| {
                        named(j, name)
                            && doc.name_of(j) != doc.name_of(t)
                            && comparable(&doc.figures[j], tq)
                            && doc.mentions[j].period.compatible(&period)
                    })
                })
                .collect();
            let Some(parts) = parts else { continue };
            // Not `defined` in the lexicon's sense: a far miss is more
            // likely a figure of the name taken for another than a slip.
            let mut c = Candidate::new(NAME, "defined", doc.mentions[t].lang, t).strong();
            for p in parts {
                c = c.with("part", p);
            }
            c.params.exhaustive = true;
            out.push(c);
        }
    }
}

/// `0-17岁、18-34岁、35-59岁、60岁及以上户籍人口分别为16420人、21385人、
/// 43970人和28615人`: the groups cover every age, so the values add up to
/// the 户籍人口 stated before.
fn partitions(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for p in &doc.respectively {
        // Groups named by figures (0-17岁) are no subjects `paired`
        // reads: the words of the cue's clause before it.
        let (start, end) = p.subjects.unwrap_or_else(|| {
            let at = p.cue.min(doc.figures[p.values[0]].start);
            (doc.segment_start(Level::Clause, at), at)
        });
        let Some(head) = super::list::age_partition(&doc.folded[start..end]) else {
            continue;
        };
        let head = cx.lexicon.normalizer.normalize(head);
        let first = p.values[0];
        let fq = &doc.figures[first];
        if head.chars().count() < 2
            || p.values
                .iter()
                .any(|&v| !is_level(doc, v) || !comparable(&doc.figures[v], fq))
        {
            continue;
        }
        let largest = p
            .values
            .iter()
            .map(|&v| doc.figures[v].value)
            .max()
            .unwrap_or_default();
        let total = (0..first).rev().take(48).find(|&t| {
            is_level(doc, t)
                && doc.figures[first].paragraph - doc.figures[t].paragraph <= 1
                && comparable(&doc.figures[t], fq)
                && doc.figures[t].value >= largest
                && fit(doc.mentions[t].name(), &head).is_some()
        });
        if let Some(total) = total {
            out.push(breakdown("partition", doc, total, &p.values));
        }
    }
}

/// Groups of changes, keyed by the stated move.
const CHANGES: u64 = 1 << 38;

/// A table's total row against its part rows, column by column.
fn tables(cx: &Context, out: &mut Vec<Candidate>) {
    let doc = cx.doc;
    for t in &doc.tables {
        let mut known: Vec<usize> = Vec::new();
        for p in super::tabular::partitions(cx.lexicon, t) {
            // An unlabelled row is read as its section's subtotal, and a
            // `Total …` row of a table of data as the total of the rows
            // above it (`Total assets` under `Working capital` is not);
            // those readings must hold in every summable column but one.
            let row = &t.rows[p.total];
            let read_as_total =
                row.label.is_empty() || row.total && !crate::doc::table::names_total(&row.label);
            if read_as_total && !subtotal_holds(doc, t, &p, 1) {
                continue;
            }
            known.push(p.total);
            table_sums(doc, t, &p, out);
        }
        // Groups of rows that add up to the whole the header states.
        for (c, rows) in super::tabular::whole_groups(doc, t) {
            let Some(whole) = t.columns[c].whole else {
                continue;
            };
            let cells: Vec<usize> = rows.iter().filter_map(|&r| t.rows[r].cells[c]).collect();
            let mut b = breakdown("table", doc, whole, &cells);
            b.group = BY_PARTS | cells[0] as u64;
            out.push(b);
        }
        if let Some(p) = reconciliation(t) {
            table_sums(doc, t, &p, out);
        }
        for p in account_totals(t) {
            if known.contains(&p.total) {
                continue;
            }
            // Named (`Total retail subscribers`, `Gross deferred tax
            // assets`): held in every column but one; unnamed (the first
            // row of a section over the rows it sums): in two at least.
            let named = t.rows[p.total].total || gross_or_net(&t.rows[p.total].label);
            if subtotal_holds(doc, t, &p, if named { 1 } else { 2 }) {
                table_sums(doc, t, &p, out);
            }
        }
    }
}

/// A reconciliation to a non-GAAP measure: the measure it ends with
/// (`Adjusted EBITDA`) right under its `Total adjustments` is the measure
/// it starts from (its first row, `Net income`) plus those adjustments.
fn reconciliation(t: &crate::doc::table::Table) -> Option<super::tabular::Partition> {
    let rows = &t.rows;
    let r = rows
        .iter()
        .position(|row| row.total && row.label.ends_with("adjustments"))?;
    let end = rows.get(r + 1)?;
    let first = rows
        .iter()
        .position(|row| !row.broken && row.cells.iter().any(Option::is_some))?;
    let adjusted = ["adjusted ", "non-gaap ", "core "]
        .iter()
        .any(|w| end.label.starts_with(w));
    (adjusted && !end.broken && first + 1 < r).then(|| super::tabular::Partition {
        total: r + 1,
        parts: vec![first, r],
    })
}

/// A label that opens with `gross` or `net`: the sum of the rows above
/// it in accounts (`Gross deferred income tax assets`, `Net deferred
/// income tax assets` under `Less: valuation allowance`).
fn gross_or_net(label: &str) -> bool {
    label.starts_with("gross ") || label.starts_with("net ")
}

/// Totals that accounts print without a total row at the end of a
/// section: a `Gross …` or `Net …` row under the rows since the section's
/// start, and the first row of a section over the rows after it
/// (`Total retail subscribers` over `IPTV`, `Satellite`). Readings to be
/// confirmed by the rows' figures.
fn account_totals(t: &crate::doc::table::Table) -> Vec<super::tabular::Partition> {
    let rows = &t.rows;
    let mut out = Vec::new();
    // Rows that close a section: totals, unlabelled subtotals, and a
    // `Gross …`/`Net …` row with two rows above it in its section (`Net
    // operating loss carryforwards` heading a section closes nothing).
    let mut ends = vec![false; rows.len()];
    let mut since = 0;
    for r in 0..rows.len() {
        if rows[r].opens_section {
            since = r;
        }
        let summing = gross_or_net(&rows[r].label) && r >= since + 2;
        if summing {
            out.push(super::tabular::Partition {
                total: r,
                parts: (since..r).collect(),
            });
        }
        // `Net …` right under a total and what is taken off it (`Gross
        // deferred tax assets`, `Less: valuation allowance`).
        let net = rows[r].label.starts_with("net ") && !summing && since >= 1 && r > since;
        let net = net && ends[since - 1];
        if net {
            out.push(super::tabular::Partition {
                total: r,
                parts: (since - 1..r).collect(),
            });
        }
        let summing = summing || net;
        ends[r] = rows[r].total || rows[r].label.is_empty() || summing;
        if ends[r] {
            since = r + 1;
        }
    }
    // A section's first row, over the rows up to the next total or
    // section.
    for r in 0..rows.len() {
        let first = r == 0 || rows[r].opens_section || ends[r - 1] || rows[r].total;
        if !first {
            continue;
        }
        let end = (r + 1..rows.len())
            .find(|&k| rows[k].opens_section || ends[k])
            .unwrap_or(rows.len());
        if end >= r + 3 {
            out.push(super::tabular::Partition {
                total: r,
                parts: (r + 1..end).collect(),
            });
        }
    }
    out.retain(|p| !p.parts.iter().any(|&k| rows[k].broken || rows[k].sub_row));
    out
}

/// The sums of a partition, column by column.
fn table_sums(
    doc: &Document,
    t: &crate::doc::table::Table,
    p: &super::tabular::Partition,
    out: &mut Vec<Candidate>,
) {
    for (c, col) in t.columns.iter().enumerate() {
        // Changes in the values' unit add up as the values do;
        // percentage changes do not.
        if col.change && col.percent || col.ratio {
            continue;
        }
        let Some(total) = t.rows[p.total].cells[c] else {
            continue;
        };
        if doc.figures[total].kind == crate::lex::Kind::Percent {
            continue;
        }
        let cells: Vec<usize> = p.parts.iter().filter_map(|&r| t.rows[r].cells[c]).collect();
        if cells.len() < 2 {
            continue;
        }
        if let Some(b) = table_breakdown(doc, total, cells) {
            out.push(b);
        }
    }
}

/// A table's breakdown of `total` into the cells of its part rows; accounts
/// print what is taken off in brackets (`(135)`). None when no cell adds.
fn table_breakdown(doc: &Document, total: usize, cells: Vec<usize>) -> Option<Candidate> {
    // A bracket is a sign: a cell signed as the total adds to it (a total
    // of liabilities in brackets is the sum of liabilities in brackets).
    let negative = crate::doc::table::in_brackets(doc, total);
    let (minus, parts): (Vec<usize>, Vec<usize>) = cells
        .into_iter()
        .partition(|&i| crate::doc::table::in_brackets(doc, i) != negative);
    let first = *parts.first()?;
    let mut b = breakdown("table", doc, total, &parts);
    for m in minus {
        b = b.with("minus", m);
    }
    b.group = BY_PARTS | first as u64;
    Some(b)
}

/// Does an unlabelled row add up its section in all summable columns
/// but one, and in at least `least`?
fn subtotal_holds(
    doc: &Document,
    t: &crate::doc::table::Table,
    p: &super::tabular::Partition,
    least: usize,
) -> bool {
    let mut columns = 0;
    let mut held = 0;
    for (c, col) in t.columns.iter().enumerate() {
        if col.change || col.ratio || col.percent {
            continue;
        }
        let Some(total) = t.rows[p.total].cells[c] else {
            continue;
        };
        let cells: Vec<usize> = p.parts.iter().filter_map(|&r| t.rows[r].cells[c]).collect();
        if cells.len() != p.parts.len() {
            continue;
        }
        columns += 1;
        held += usize::from(
            table_breakdown(doc, total, cells)
                .and_then(|b| evaluate(doc, &b))
                .is_some_and(|v| v.consistent),
        );
    }
    held >= least && held + 1 >= columns
}

/// Header words of a total column (`合计`, `Total`, `All`, `Overall`).
const TOTAL_COLUMN_WORDS: &[&str] = &["合计", "总计", "小计", "total", "all", "overall"];

/// A total column (`Male | Female | Total`) against the value columns
/// beside it, row by row: when the columns add up to it in every row but
/// one, they are its parts, and the row where they do not is an error.
fn total_columns(doc: &Document, out: &mut Vec<Candidate>) {
    for t in &doc.tables {
        let values: Vec<usize> = (0..t.columns.len())
            .filter(|&c| super::tabular::plain_values(&t.columns[c]))
            .collect();
        for &k in &values {
            let header = t.columns[k].header.to_lowercase();
            let is_total = header
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| TOTAL_COLUMN_WORDS.contains(&w))
                || ["合计", "总计", "小计"].iter().any(|w| header.contains(w));
            if !is_total {
                continue;
            }
            // The parts: the other value columns of the same unit.
            let parts: Vec<usize> = values
                .iter()
                .copied()
                .filter(|&c| c != k && t.columns[c].multiplier == t.columns[k].multiplier)
                .collect();
            if parts.len() < 2 {
                continue;
            }
            let readings: Vec<Candidate> = t
                .rows
                .iter()
                .filter(|r| !r.broken)
                .filter_map(|r| {
                    let total = r.cells[k]?;
                    let cells: Option<Vec<usize>> = parts.iter().map(|&c| r.cells[c]).collect();
                    let cells = cells?;
                    let usable = cells
                        .iter()
                        .chain(std::iter::once(&total))
                        .all(|&i| doc.figures[i].is_operand());
                    usable.then(|| {
                        let mut c = breakdown("column", doc, total, &cells);
                        c.params.defined = true;
                        c
                    })
                })
                .collect();
            let (rows, held) = super::tabular::agreement(doc, &readings, evaluate);
            if super::tabular::keeps(rows, held) {
                out.extend(readings);
            }
        }
    }
}

/// A change column in the values' unit (`2019 | 2018 | Change`) against
/// the two columns it compares: the later value is the earlier one plus
/// the change, a change in accounting brackets (`(15,506)`) being a fall.
/// Checked when the rows keep it in all but one.
fn difference_columns(doc: &Document, out: &mut Vec<Candidate>) {
    for t in &doc.tables {
        for (c, col) in t.columns.iter().enumerate() {
            // A change column, or any plain column the rows show to be one
            // (`2017 | 2016 | Dollars`): both are checked only when the
            // rows keep the difference.
            if col.percent || col.bracketed || col.fraction.is_some() || col.share_of.is_some() {
                continue;
            }
            let readings = |later: usize, earlier: usize| -> Vec<Candidate> {
                t.rows
                    .iter()
                    .filter(|r| !r.broken)
                    .filter_map(|r| {
                        let (d, x, y) = (r.cells[c]?, r.cells[later]?, r.cells[earlier]?);
                        let usable = [d, x, y].iter().all(|&i| {
                            let q = &doc.figures[i];
                            q.is_operand() && q.kind != Kind::Percent
                        });
                        // Both values in brackets (two losses): the change
                        // between them runs the other way (`(85,423) |
                        // (89,231) | 3,808`: a smaller loss). One in brackets
                        // changes sign, which no difference of the printed
                        // values gives.
                        let negative = |i: usize| crate::doc::table::in_brackets(doc, i);
                        let (both, one) = (negative(x) && negative(y), negative(x) != negative(y));
                        (usable && !one).then(|| {
                            let fall = negative(d);
                            // The change is the stated figure: later − earlier,
                            // or earlier − later for a fall in brackets.
                            let (plus, less) = if fall != both { (y, x) } else { (x, y) };
                            let mut cand =
                                Candidate::new(NAME, "difference", doc.mentions[d].lang, d)
                                    .strong()
                                    .with("part", plus)
                                    .with("minus", less);
                            cand.params.exhaustive = true;
                            cand.params.defined = true;
                            cand
                        })
                    })
                    .collect()
            };
            let agree = |later: usize, earlier: usize| {
                super::tabular::agreement(doc, &readings(later, earlier), evaluate)
            };
            let Some((later, earlier)) = super::tabular::compared_columns(t, c, agree) else {
                continue;
            };
            let chosen = readings(later, earlier);
            let (rows, held) = super::tabular::agreement(doc, &chosen, evaluate);
            if super::tabular::keeps(rows, held) {
                out.extend(chosen);
            }
        }
    }
}

/// How far a total may be from its parts' sum, as a share of the total,
/// and still be a slip rather than parts of something else.
const PLAUSIBLE_SHARE: i64 = 25;

/// How many things a spelled-out list of a small count may miss by and
/// still be read as a slip.
const SMALL_COUNT_SLIP: i64 = 5;

pub fn evaluate(doc: &Document, c: &Candidate) -> Option<Verdict> {
    let ti = c.stated;
    let total = &doc.figures[ti];
    let parts = c.all("part");
    let minus = c.all("minus");
    if parts.len() + minus.len() < 2 || !total.is_operand() {
        return None;
    }
    let mut sum = Interval::new(Decimal::ZERO, Decimal::ZERO);
    let mut exact = Decimal::ZERO;
    for (&i, sign) in parts
        .iter()
        .map(|i| (i, 1))
        .chain(minus.iter().map(|i| (i, -1)))
    {
        let q = &doc.figures[i];
        if !q.is_operand() || q.kind != total.kind {
            return None;
        }
        let iv = if sign > 0 {
            q.interval()
        } else {
            q.interval().negate()
        };
        sum = sum.checked_add(&iv)?;
        exact = exact.checked_add(if sign > 0 { q.value } else { -q.value })?;
    }
    let target = if c.params.down {
        total.interval().negate()
    } else {
        total.interval()
    };
    let target_value = if c.params.down {
        -total.value
    } else {
        total.value
    };
    // `1) poor and 2) rich`, `HPT 1 and HPT 2`: numbers that name the
    // items, not their sizes.
    let enumerated = parts.len() >= 2
        && minus.is_empty()
        && parts
            .iter()
            .enumerate()
            .all(|(k, &i)| doc.figures[i].value == Decimal::from(k + 1));
    if enumerated {
        return None;
    }
    let consistent = if c.params.exhaustive {
        sum.overlaps(&target)
    } else {
        sum.lo <= target.hi
    };
    // The parts without one of them make the total: that item is more
    // likely an aside (直营店8家 among the store types) than a slip.
    if !consistent && parts.len() >= 3 && minus.is_empty() {
        let aside = parts.iter().any(|&p| {
            let q = &doc.figures[p];
            sum.sub(&q.interval()).overlaps(&target)
        });
        if aside {
            return None;
        }
    }
    // A far miss is more often a wrong reading than a slip, except for an
    // identity the lexicon defines (自然增长率 = 出生率 − 死亡率), whose
    // members are named.
    if !consistent && !c.params.defined {
        let off = (exact - target_value).abs();
        // A list the text spells out (in brackets, after a colon) is the
        // reading meant; a few things miscounted in a small count are a
        // slip, however large a share of it.
        let listed = c.params.spelled_out
            && off <= Decimal::from(SMALL_COUNT_SLIP)
            && total.kind == Kind::Number
            && target_value.fract().is_zero();
        if !listed
            && (target_value.is_zero()
                || off * Decimal::ONE_HUNDRED / target_value.abs() > Decimal::from(PLAUSIBLE_SHARE))
        {
            return None;
        }
    }
    let total_text = shown(doc, ti);
    let shown_exact = if c.params.down { -exact } else { exact };
    let expected = format_like(shown_exact, total, &total_text);
    let mut terms = parts
        .iter()
        .map(|&i| shown(doc, i))
        .collect::<Vec<_>>()
        .join(" + ");
    for &i in &minus {
        terms.push_str(" − ");
        terms.push_str(&shown(doc, i));
    }
    let label = doc.name_of(ti).to_owned();
    let lead = if label.is_empty() {
        total_text.clone()
    } else {
        format!("{label} {total_text}")
    };
    Some(Verdict {
        consistent,
        message: format!("{lead} does not match the sum of its parts {terms} = {expected}"),
        primary_label: format!("expected {expected}"),
        note: format!("{terms} = {expected}"),
        expected,
        doubtful: false,
    })
}
