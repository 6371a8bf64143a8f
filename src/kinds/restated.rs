//! A statement printed twice: a paper's abstract restates its results, a
//! report's summary its body (`most common among rural (48.2%), suburban
//! (41.7%) and urban teens (39.4%)`, and further on `most common among
//! rural teens (48.2%), then suburban (41.7%) and urban teens (39.4%)`).
//!
//! Two sentences of different paragraphs whose figures agree, in order,
//! on at least two distinctive values are one statement: the figures they
//! share are restatements of each other, and where one figure of each
//! stands between the same agreeing neighbours, after the same word, the
//! two are one quantity printed twice.

use rustc_hash::FxHashMap as HashMap;

use rust_decimal::Decimal;

use super::repeat::pair;
use super::util::significant_digits;
use super::{Candidate, Strength};
use crate::doc::{Document, Role};
use crate::lex::Kind;

/// Values that recur in more sentences than this are too common to say
/// two sentences are one statement.
const MAX_SENTENCES_PER_VALUE: usize = 6;

/// Longer runs of figures are tables flattened into a line, not prose.
const MAX_FIGURES_PER_SENTENCE: usize = 40;

/// The printed value of a figure: kind, value and precision.
type Printed = (Kind, Decimal, u32);

pub fn propose(doc: &Document, out: &mut Vec<Candidate>) {
    // Sentence against sentence; then line against line, for a summary
    // that packs in one sentence what the results spread over several
    // (three agreeing values then).
    let by_sentence = units(doc, 2, MAX_FIGURES_PER_SENTENCE, |q| q.sentence as u64);
    propose_in(doc, &by_sentence, 2, out);
    let breaks = &doc.view.soft_breaks;
    let by_line = units(doc, 2, 2 * MAX_FIGURES_PER_SENTENCE, |q| {
        (q.paragraph as u64) << 32 | breaks.partition_point(|&k| k <= q.start) as u64
    });
    propose_in(doc, &by_line, 3, out);
    same_wording(doc, out);
}

/// Characters of a sentence's own words, figures aside, that make it one
/// statement wherever it is printed again.
const MIN_WORDING: usize = 40;

/// Sentences printing one figure: the wording that says so.
const MIN_WORDING_ONE_FIGURE: usize = 60;

/// A sentence printed again word for word (a summary's bullet copied into
/// the body, a page printed twice by a PDF tool that glued some words
/// together): its figures, place by place, are restatements. With two
/// figures or more, all but one must agree (one may be a slip); a
/// sentence of one figure needs longer wording and the figure printed
/// alike, since only its words say it is one statement.
fn same_wording(doc: &Document, out: &mut Vec<Candidate>) {
    use crate::lex::Level;
    // Each sentence's figures by its wording with each figure marked.
    let mut by_wording: HashMap<String, Vec<Vec<usize>>> = HashMap::default();
    for unit in units(doc, 1, MAX_FIGURES_PER_SENTENCE, |q| q.sentence as u64) {
        // (A definition's span or bound stays in the wording.)
        let figures: Vec<usize> = unit
            .iter()
            .copied()
            .filter(|&k| !super::repeat::defining(doc, k))
            .collect();
        let Some(&first) = figures.first() else {
            continue;
        };
        let start = doc.segment_start(Level::Sentence, doc.figures[first].start);
        let stop = doc.segment_end(Level::Sentence, doc.figures[first].start);
        let mut wording = String::new();
        let mut letters = 0;
        let mut at = start;
        for &k in &figures {
            let q = &doc.figures[k];
            let (from, to) = (q.start.max(at), q.unit_end.max(q.end));
            if from > to || to > stop {
                continue;
            }
            letters += push_words(&mut wording, &doc.folded[at..from]);
            wording.push('\u{1}');
            at = to;
        }
        letters += push_words(&mut wording, &doc.folded[at.min(stop)..stop]);
        let least = if figures.len() == 1 {
            MIN_WORDING_ONE_FIGURE
        } else {
            MIN_WORDING
        };
        if letters >= least {
            by_wording.entry(wording).or_default().push(figures);
        }
    }
    let printed_alike = |x: usize, y: usize| {
        let (a, b) = (&doc.figures[x], &doc.figures[y]);
        a.kind == b.kind && a.value == b.value && a.half == b.half
    };
    for sentences in by_wording.values() {
        // Printed many times, it is boilerplate: a note under every table.
        if !(2..=3).contains(&sentences.len()) {
            continue;
        }
        for pair in sentences.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.len() != b.len() || doc.figures[a[0]].paragraph == doc.figures[b[0]].paragraph {
                continue;
            }
            let alike = a
                .iter()
                .zip(b)
                .filter(|&(&x, &y)| printed_alike(x, y))
                .count();
            if alike + 1 < a.len() || a.len() == 1 && alike == 0 {
                continue;
            }
            for (&x, &y) in a.iter().zip(b) {
                out.push(restatement(doc, x, y));
            }
        }
    }
}

/// Appends the words of `text` with no spaces, lowercase, and returns how
/// many characters they hold: PDF tools glue words (`GDPincreased`) and
/// wrap lines anywhere, so only the characters compare.
fn push_words(wording: &mut String, text: &str) -> usize {
    let mut n = 0;
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '•') {
        wording.push(c.to_ascii_lowercase());
        n += 1;
    }
    n
}

fn propose_in(
    doc: &Document,
    sentences: &[Vec<usize>],
    min_anchors: usize,
    out: &mut Vec<Candidate>,
) {
    let printed = |i: usize| -> Printed {
        let q = &doc.figures[i];
        (q.kind, q.value.normalize(), q.decimals)
    };
    // The sentences each distinctive value is printed in.
    let mut by_value: HashMap<Printed, Vec<usize>> = HashMap::default();
    for (s, figures) in sentences.iter().enumerate() {
        for &i in figures {
            if distinctive(doc, i) {
                let list = by_value.entry(printed(i)).or_default();
                if list.last() != Some(&s) {
                    list.push(s);
                }
            }
        }
    }
    // Pairs of sentences by the distinctive values they share.
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for list in by_value.values() {
        if list.len() < 2 || list.len() > MAX_SENTENCES_PER_VALUE {
            continue;
        }
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= min_anchors)
        .map(|(p, _)| p)
        .collect();
    pairs.sort_unstable();
    for (a, b) in pairs {
        let (fa, fb) = (&sentences[a], &sentences[b]);
        // Another paragraph, or another line of one (a text file may
        // break its lines only between paragraphs).
        let (last_a, first_b) = (&doc.figures[fa[fa.len() - 1]], &doc.figures[fb[0]]);
        let breaks = &doc.view.soft_breaks;
        let first_break = breaks.partition_point(|&k| k < last_a.end);
        if last_a.paragraph == first_b.paragraph
            && breaks.get(first_break).is_none_or(|&k| k > first_b.start)
        {
            continue;
        }
        align(doc, fa, fb, &printed, min_anchors, out);
    }
}

/// The figures of each unit of text (a sentence, a line) that may be
/// restated: amounts, counts and percentages of prose, `least` to `most`
/// to a unit.
fn units(
    doc: &Document,
    least: usize,
    most: usize,
    unit_of: impl Fn(&crate::lex::Quantity) -> u64,
) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut unit = u64::MAX;
    for i in 0..doc.figures.len() {
        let q = &doc.figures[i];
        if unit_of(q) != unit {
            if (least..=most).contains(&current.len()) {
                out.push(std::mem::take(&mut current));
            }
            current.clear();
            unit = unit_of(q);
        }
        let m = &doc.mentions[i];
        if q.is_operand()
            && matches!(q.kind, Kind::Number | Kind::Percent)
            && !m.in_table
            && m.role != Role::Other
        {
            current.push(i);
        }
    }
    if (least..=most).contains(&current.len()) {
        out.push(current);
    }
    out
}

/// A value printed with three significant digits or more (`48.2%`,
/// `1,148`) rarely recurs by chance.
fn distinctive(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    significant_digits(q.value, q.half) >= 3
}

/// Aligns the figures of two sentences by printed value, in order (a
/// longest common subsequence), and proposes the restatements.
fn align(
    doc: &Document,
    a: &[usize],
    b: &[usize],
    printed: &impl Fn(usize) -> Printed,
    min_anchors: usize,
    out: &mut Vec<Candidate>,
) {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lengths = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i][j] = if printed(a[i]) == printed(b[j]) {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut matched: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if printed(a[i]) == printed(b[j]) {
            matched.push((i, j));
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let anchors = matched
        .iter()
        .filter(|&&(i, _)| distinctive(doc, a[i]))
        .count();
    if anchors < min_anchors {
        return;
    }
    for &(i, j) in &matched {
        let (x, y) = (a[i], b[j]);
        if significant_digits(doc.figures[x].value, doc.figures[x].half) >= 2 {
            out.push(restatement(doc, x, y));
        }
    }
    // Between two agreeing neighbours (or a sentence's end), one figure on
    // one side and one to three on the other: the one after the same word
    // (`rural (48.2%)`, `rural teens (48.2%)`) is the same quantity.
    let mut bounds: Vec<(isize, isize)> = vec![(-1, -1)];
    bounds.extend(matched.iter().map(|&(i, j)| (i as isize, j as isize)));
    bounds.push((n as isize, m as isize));
    for w in bounds.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        let gap_a = &a[(i0 + 1) as usize..i1 as usize];
        let gap_b = &b[(j0 + 1) as usize..j1 as usize];
        let pair = match (gap_a, gap_b) {
            ([x], ys) if (1..=3).contains(&ys.len()) => one_alike(doc, *x, ys).map(|y| (*x, y)),
            (xs, [y]) if (1..=3).contains(&xs.len()) => one_alike(doc, *y, xs).map(|x| (x, *y)),
            _ => None,
        };
        if let Some((x, y)) = pair {
            out.push(restatement(doc, x, y));
        }
    }
}

/// The one figure of `others` printed like `x` (kind, precision, unit),
/// close to it, after the same word, with no other word after it.
fn one_alike(doc: &Document, x: usize, others: &[usize]) -> Option<usize> {
    let qx = &doc.figures[x];
    let before = words_before(doc, x);
    let first = before.first()?;
    let after = word_after(doc, x);
    let mut alike = others.iter().copied().filter(|&y| {
        let qy = &doc.figures[y];
        let theirs = words_before(doc, y);
        let their_after = word_after(doc, y);
        qx.kind == qy.kind
            && qx.half == qy.half
            && qx.unit == qy.unit
            && super::util::within_a_quarter(qx.value, qy.value)
            && theirs
                .first()
                .is_some_and(|w| w == first || before.contains(w) || theirs.contains(first))
            && (after == their_after || after.is_empty() || their_after.is_empty())
    });
    let y = alike.next()?;
    alike.next().is_none().then_some(y)
}

fn restatement(doc: &Document, first: usize, restated: usize) -> Candidate {
    let mut c = pair("restated", doc, first, restated, Strength::Strong);
    c.params.anchored = true;
    c
}

/// Words that say nothing of what a figure is (`and 12.3% among teens`).
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "or",
    "of",
    "the",
    "to",
    "was",
    "were",
    "is",
    "are",
    "in",
    "at",
    "by",
    "with",
    "from",
    "than",
    "versus",
    "vs",
    "for",
    "among",
    "on",
    "followed",
    "then",
    "respectively",
];

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// The words before a figure that name something, nearest first, among
/// its three words before (`rural teens (48.2%)` → teens, rural; `and
/// 12.3%` looks past `and`), lowercase; for Chinese the two characters
/// before it (`营收65.1亿元` → 营收).
fn words_before(doc: &Document, i: usize) -> Vec<String> {
    let q = &doc.figures[i];
    let start = doc.segment_start(crate::lex::Level::Sentence, q.start);
    let before = doc.folded[start..q.start]
        .trim_end_matches(|c: char| c.is_whitespace() || "(（$€£¥=:：+-−".contains(c));
    match before.chars().next_back() {
        Some(c) if c.is_ascii_alphabetic() => before
            .split(|c: char| !c.is_ascii_alphanumeric())
            .rev()
            .filter(|w| !w.is_empty())
            .take(3)
            .map(str::to_ascii_lowercase)
            .filter(|w| !is_function_word(w))
            .collect(),
        Some(c) if crate::source::is_cjk(c) => {
            let from = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| crate::source::is_cjk(c))
                .take(2)
                .last()
                .map_or(before.len(), |(k, _)| k);
            vec![before[from..].to_owned()]
        }
        _ => Vec::new(),
    }
}

/// The nearest English word after a figure and its unit that names
/// something (`12.3% among teens` → teens), lowercase; empty for Chinese
/// or when none follows within three words.
fn word_after(doc: &Document, i: usize) -> String {
    let q = &doc.figures[i];
    let end = doc.segment_end(crate::lex::Level::Sentence, q.start);
    let after = doc.folded.get(q.unit_end.max(q.end)..end).unwrap_or("");
    after
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_ascii_lowercase)
        .find(|w| !is_function_word(w) && !w.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or_default()
}
