//! A table's share restated in the text: `Cisgender woman | 447 (64)` in
//! the table and `most were cisgender women (64%)` in the results.
//!
//! English papers and reports describe their tables in words, each share
//! next to the words of its row. A percentage of the text is the share of
//! a row whose label's every word stands around it (`cisgender woman` in
//! `… cisgender women (64%)`):
//! - of the value the text prints, when one cell of such a row holds it:
//!   the same share, stated twice;
//! - of a close value, when the document has one share cell only under
//!   such rows (a table of one share column): the text or the table is
//!   off.
//!
//! Rows named by no word (`18–34`) match nothing.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;

use super::repeat::pair;
use super::{Candidate, Strength};
use crate::doc::{Document, Role};
use crate::lex::{Kind, Level};
use crate::lexicon::Lang;

/// Words that name no group (`and`, `of`): a row label's others must
/// all stand around the text's share.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "or", "of", "the", "to", "in", "at", "by", "with", "from", "for", "on",
    "non", "no", "not", "other", "total", "all",
];

/// Words that join a figure to the one before without naming anything
/// (`5.8 in 2006 and 4.5 in 2010`).
const CONNECTIVES: &[&str] = &[
    "and", "or", "in", "versus", "vs", "compared", "with", "to", "from", "than", "while", "but",
];

/// Rows opened by one word, counted by their cells, beyond which the
/// word is too common to name a row.
const MAX_CELLS_PER_WORD: usize = 256;

pub fn propose(doc: &Document, out: &mut Vec<Candidate>) {
    // (A text with no table, or no English prose figure, has nothing to
    // match: most Chinese reports.)
    let english_prose = || {
        doc.mentions
            .iter()
            .any(|m| m.lang == Lang::En && !m.in_table)
    };
    if doc.tables.is_empty() || !english_prose() {
        return;
    }
    // Cells of every table, with the stems of their row's label and of
    // their column's header (each computed once), and whether the
    // column holds shares.
    let mut rows: Vec<Vec<String>> = Vec::new();
    // (A column's header words are read only when a column is to be
    // chosen: headers of extracted tables can be long.)
    let mut columns: Vec<(&str, bool, bool)> = Vec::new();
    // (figure, row, column)
    let mut cells: Vec<(usize, usize, usize)> = Vec::new();
    for table in &doc.tables {
        let first_column = columns.len();
        columns.extend(
            table
                .columns
                .iter()
                .map(|col| (col.header.as_str(), col.percent, col.change)),
        );
        for row in &table.rows {
            let stems = stems(&row.label);
            if stems.is_empty() {
                continue;
            }
            rows.push(stems);
            for (c, cell) in row.cells.iter().enumerate() {
                if let Some(i) = *cell {
                    if c < table.columns.len() {
                        cells.push((i, rows.len() - 1, first_column + c));
                    }
                }
            }
        }
    }
    // Cells by their row's first word: a figure looks up the rows its
    // words may name instead of reading every cell of every table.
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for (k, &(_, r, _)) in cells.iter().enumerate() {
        by_word.entry(rows[r][0].as_str()).or_default().push(k);
    }
    // The first three letters of those words: a figure none of whose
    // neighbours starts alike is passed over without building its words.
    let prefixes: rustc_hash::FxHashSet<[u8; 3]> =
        by_word.keys().filter_map(|w| three(w.as_bytes())).collect();
    let column_at: HashMap<usize, usize> = cells.iter().map(|&(i, _, c)| (i, c)).collect();
    let row_at: HashMap<usize, usize> = cells.iter().map(|&(i, r, _)| (i, r)).collect();
    let header_of = |i: usize| column_at.get(&i).map(|&c| &columns[c]);
    // Each column's header words, read once when first needed.
    let header_words: Vec<std::cell::OnceCell<Vec<String>>> = (0..columns.len())
        .map(|_| std::cell::OnceCell::new())
        .collect();
    let words_of = |i: usize| {
        column_at
            .get(&i)
            .map(|&c| header_words[c].get_or_init(|| stems_of_header(columns[c].0)))
    };
    if cells.is_empty() {
        return;
    }
    // The words of the sentence last read: its figures share them.
    let mut sentence_words = SentenceWords::default();
    for p in 0..doc.figures.len() {
        let q = &doc.figures[p];
        let m = &doc.mentions[p];
        if m.in_table
            || m.lang != Lang::En
            || !matches!(q.kind, Kind::Percent | Kind::Number)
            || !q.is_operand()
            || q.in_words
        {
            continue;
        }
        let (before, after) = around_ranges(doc, p);
        let hit = |r: std::ops::Range<usize>| {
            doc.folded[r]
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| three(w.as_bytes()).is_some_and(|k| prefixes.contains(&k)))
                .any(|w| by_word.contains_key(stem(&w.to_ascii_lowercase()).as_str()))
        };
        let percent = q.kind == Kind::Percent;
        // A share in brackets after a group's name, one of a series
        // (`larger among people with cancer and diabetes (10.2%) and
        // cancer and prediabetes (9.4%)`): the sentence names its row,
        // the words before its bracket its column.
        let group = if percent && q.decimals > 0 {
            bracket_words(doc, p)
        } else {
            String::new()
        };
        let hits = hit(before.clone()) || hit(after.clone());
        if !hits && group.is_empty() {
            continue;
        }
        let around = stems(&format!("{} {}", &doc.folded[before], &doc.folded[after]));
        // Rows named around the figure; of their cells, those of a column
        // the sentence names too when there are such (`in 2010`, `rate`).
        let named_by = |words: &[String]| -> Vec<usize> {
            // (A word that opens hundreds of cells' rows names none of them.)
            let mut maybe: Vec<usize> = words
                .iter()
                .filter_map(|w| by_word.get(w.as_str()))
                .filter(|cells| cells.len() <= MAX_CELLS_PER_WORD)
                .flatten()
                .copied()
                .collect();
            maybe.sort_unstable();
            maybe.dedup();
            maybe
                .iter()
                .map(|&k| cells[k])
                .filter(|&(_, r, _)| rows[r].iter().all(|w| words.contains(w)))
                .map(|(i, _, _)| i)
                .filter(|&i| {
                    !percent || header_of(i).is_some_and(|h| h.1) || doc.figures[i].decimals > 0
                })
                .collect()
        };
        let mut named = if hits { named_by(&around) } else { Vec::new() };
        let mut in_series = false;
        if named.is_empty() && !group.is_empty() {
            named = named_by(sentence_words.of(doc, p));
            in_series = true;
        }
        if named.is_empty() {
            continue;
        }
        let equals = |i: usize| {
            let c = &doc.figures[i];
            c.decimals >= q.decimals
                && c.value.round_dp(q.decimals) == q.value
                && (c.decimals == q.decimals || significant(q.value) >= 3)
        };
        // A percentage that a percentage cell of the rows named holds
        // restates it, whatever else the sentence names (`decreased by
        // 17.4% in 2019` is the `% change` column's, not the `2019`
        // column's).
        let in_percent_column = percent
            && named
                .iter()
                .any(|&i| header_of(i).is_some_and(|h| h.1) && equals(i));
        if in_percent_column {
            named.retain(|&i| header_of(i).is_some_and(|h| h.1));
        }
        // (The sentence's words are read only when a column is to be
        // chosen.)
        let headed: Vec<usize> = if named.len() > 1 && !in_percent_column {
            let sentence = sentence_words.of(doc, p);
            named
                .iter()
                .copied()
                .filter(|&i| {
                    words_of(i).is_some_and(|words| {
                        !words.is_empty() && words.iter().all(|w| sentence.contains(w))
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        // Every cell of the rows named: a value none of them holds is a
        // slip only when they are one share cell.
        let only_share = match named.as_slice() {
            [one] if header_of(*one).is_some_and(|h| h.1) => Some(*one),
            _ => None,
        };
        if !headed.is_empty() {
            named = headed;
        }
        // The text may round the table's figure (`857%` for 856.5).
        let equal: Vec<usize> = named.iter().copied().filter(|&i| equals(i)).collect();
        // A share of another group often stands near the same words
        // (`among women, 45% reported …` beside `Woman | 120 (55)`): a
        // value the table does not hold is compared only when it is in
        // brackets right after the row's words (`cisgender women (64%)`).
        let bracketed = || {
            let before = bracket_words(doc, p);
            let near = stems(&before);
            cells
                .iter()
                .filter(|(i, _, _)| named.contains(i))
                .all(|&(_, r, _)| rows[r].iter().all(|w| near.contains(w)))
        };
        // (A change is compared with no cell but one of a change column
        // that holds its value: a table prints a fall in brackets, the
        // text with a verb.)
        let level = matches!(m.role, Role::Level | Role::Share);
        let cell = match (equal.as_slice(), only_share) {
            ([one], _) => *one,
            ([], _)
                if let Some(one) =
                    dated_cell(doc, p, &named, &header_of, &words_of, &mut sentence_words) =>
            {
                one
            }
            ([], _)
                if let Some(one) = in_series
                    .then(|| group_cell(doc, p, &named, (&row_at, &rows), &words_of, &group))
                    .flatten() =>
            {
                one
            }
            ([], Some(one))
                if percent
                    && level
                    && doc.figures[one].decimals == q.decimals
                    && super::util::within_a_quarter(q.value, doc.figures[one].value)
                    && bracketed() =>
            {
                one
            }
            _ => continue,
        };
        if !level && !header_of(cell).is_some_and(|h| h.2) {
            continue;
        }
        let (first, restated) = if cell < p { (cell, p) } else { (p, cell) };
        let mut c = pair("table-text", doc, first, restated, Strength::Strong);
        c.params.anchored = true;
        out.push(c);
    }
}

/// The one cell of the rows named that the figure's year and words
/// choose, when the table gives each year its columns (`2006 | Rate |
/// Difference (%)`): `The rate for males was 5.8 in 2006` is the `Male`
/// row's cell under `2006 Rate`. Its value must be close, to the same
/// decimals: a far value is another quantity the sentence names.
fn dated_cell<'h>(
    doc: &Document,
    p: usize,
    named: &[usize],
    header_of: &dyn Fn(usize) -> Option<&'h (&'h str, bool, bool)>,
    words_of: &dyn Fn(usize) -> Option<&'h Vec<String>>,
    sentence_words: &mut SentenceWords,
) -> Option<usize> {
    let q = &doc.figures[p];
    let m = &doc.mentions[p];
    // (A year printed alone is a header's, not a value: `| 2018 | 2017`.)
    if !matches!(m.role, Role::Level | Role::Share)
        || m.period.prior
        || crate::doc::grid::is_year(doc, p)
    {
        return None;
    }
    let year = m.period.year?.to_string();
    let percent = q.kind == Kind::Percent;
    // Cells under the figure's year, of its kind (a percentage under a
    // header of percentages).
    let dated: Vec<(usize, &Vec<String>)> = named
        .iter()
        .filter_map(|&i| {
            let (_, is_percent, _) = *header_of(i)?;
            let words = words_of(i)?;
            (is_percent == percent && words.contains(&year)).then_some((i, words))
        })
        .collect();
    // Each cell's header words besides years that the sentence uses; the
    // cell whose header it names most, alone.
    let sentence = sentence_words.of(doc, p);
    let score = |words: &Vec<String>| {
        words
            .iter()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) && sentence.contains(w))
            .count()
    };
    let best = dated.iter().map(|(_, w)| score(w)).max()?;
    let mut chosen = dated.iter().filter(|(_, w)| score(w) == best);
    let (cell, _) = chosen.next()?;
    let c = &doc.figures[*cell];
    (chosen.next().is_none()
        && (dated.len() == 1 || best > 0)
        && c.decimals == q.decimals
        && super::util::within_a_quarter(q.value, c.value))
    .then_some(*cell)
}

/// The cell of one row named by the sentence whose column's header the
/// group before the share's bracket names (`cancer and prediabetes
/// (9.4%)` under `Cancer and prediabetes`), the header with the most
/// words winning alone; its value must be close, to the same decimals.
fn group_cell<'h>(
    doc: &Document,
    p: usize,
    named: &[usize],
    (row_at, rows): (&HashMap<usize, usize>, &[Vec<String>]),
    words_of: &dyn Fn(usize) -> Option<&'h Vec<String>>,
    group: &str,
) -> Option<usize> {
    let q = &doc.figures[p];
    // The row named with the most words (`less than high school` over
    // `high school`), alone.
    let row_of = |i: &usize| row_at.get(i).copied();
    let most = named
        .iter()
        .filter_map(row_of)
        .map(|r| rows[r].len())
        .max()?;
    let mut longest = named
        .iter()
        .filter_map(row_of)
        .filter(|&r| rows[r].len() == most);
    let row = longest.next()?;
    if longest.any(|r| r != row) {
        return None;
    }
    let near = stems(group);
    let fits: Vec<(usize, usize)> = named
        .iter()
        .filter(|i| row_of(i) == Some(row))
        .filter_map(|&i| {
            let words = words_of(i)?;
            (!words.is_empty() && words.iter().all(|w| near.contains(w)))
                .then_some((i, words.len()))
        })
        .collect();
    let most = fits.iter().map(|f| f.1).max()?;
    let mut best = fits.iter().filter(|f| f.1 == most);
    let (cell, _) = best.next()?;
    let c = &doc.figures[*cell];
    (best.next().is_none()
        && c.decimals == q.decimals
        && super::util::within_a_quarter(q.value, c.value))
    .then_some(*cell)
}

/// The four words before the bracket a share opens (`… and urban
/// teens (39.4%)` → and urban teens), or nothing when the
/// share is not the first thing in its bracket.
fn bracket_words(doc: &Document, p: usize) -> String {
    let q = &doc.figures[p];
    let before = doc.folded[..q.start].trim_end();
    let Some(open) = before.strip_suffix('(') else {
        return String::new();
    };
    open.split_whitespace()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The digits of a value before its decimal point and after, leading
/// zeros aside (`857` 3, `9.2` 2).
fn significant(value: Decimal) -> usize {
    value
        .abs()
        .to_string()
        .trim_start_matches(['0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count()
}

/// The words of a column's header that name it, years kept (`2010`).
fn stems_of_header(header: &str) -> Vec<String> {
    header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
        .map(|w| stem(&lower(w)))
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()) && !matches!(w.as_str(), "no" | "95"))
        .collect()
}

/// The header-like words of a figure's sentence, read once for all the
/// figures of the sentence.
#[derive(Default)]
struct SentenceWords {
    range: (usize, usize),
    words: Vec<String>,
}

impl SentenceWords {
    fn of(&mut self, doc: &Document, p: usize) -> &[String] {
        let (start, end) = sentence_of(doc, p);
        if self.range != (start, end) || self.words.is_empty() {
            self.range = (start, end);
            self.words = stems_of_header(&doc.folded[start..end]);
        }
        &self.words
    }
}

/// The byte range of the figure's sentence.
/// (A few hundred bytes either side at most: a table flattened into one
/// line is no sentence to read whole for each of its figures.)
fn sentence_of(doc: &Document, p: usize) -> (usize, usize) {
    const REACH: usize = 300;
    let q = &doc.figures[p];
    let start = doc.segment_start(Level::Sentence, q.start).max(
        doc.folded
            .floor_char_boundary(q.start.saturating_sub(REACH)),
    );
    let end = doc.segment_end(Level::Sentence, q.start).min(
        doc.folded
            .floor_char_boundary((q.end + REACH).min(doc.folded.len())),
    );
    (start, end.max(start))
}

/// The byte ranges of the words of the figure's clause before it, back
/// to the figure before, and after it, up to the next figure or the
/// clause's end: `and 11% as non-Hispanic Black`.
fn around_ranges(doc: &Document, p: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let q = &doc.figures[p];
    let clause = doc.segment_start(Level::Clause, q.start);
    let sentence_end = doc.segment_end(Level::Sentence, q.start);
    // A figure joined to the one before by connectives only (`5.8 in
    // 2006 and 4.5 in 2010`) shares its words: back to the first of them.
    let end_of = |k: usize| doc.figures[k].unit_end.max(doc.figures[k].end);
    let joins = |gap: &str| {
        gap.bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b' ' || b == b',')
            && gap.split([' ', ',']).any(|w| !w.is_empty())
            && gap
                .split([' ', ','])
                .filter(|w| !w.is_empty())
                .all(|w| CONNECTIVES.contains(&w.to_ascii_lowercase().as_str()))
    };
    let mut first = p;
    while first > 0
        && doc.figures[first - 1].end > clause
        && joins(
            &doc.folded[end_of(first - 1).min(doc.figures[first].start)..doc.figures[first].start],
        )
    {
        first -= 1;
    }
    let before_from = if first > 0 && doc.figures[first - 1].end > clause {
        end_of(first - 1)
    } else {
        clause
    };
    let after_to = doc
        .figures
        .get(p + 1)
        .map_or(sentence_end, |n| n.start.min(sentence_end));
    let after_from = q.unit_end.max(q.end).min(after_to);
    // Only the words up to the clause's end after it.
    let after_end = doc.folded[after_from..after_to]
        .find([',', ';', '.'])
        .map_or(after_to, |k| after_from + k);
    (before_from.min(q.start)..q.start, after_from..after_end)
}

/// A word's first three letters, lowercase, when it has them in ASCII.
fn three(word: &[u8]) -> Option<[u8; 3]> {
    (word.len() >= 3 && word[..3].iter().all(u8::is_ascii_alphabetic)).then(|| {
        [
            word[0].to_ascii_lowercase(),
            word[1].to_ascii_lowercase(),
            word[2].to_ascii_lowercase(),
        ]
    })
}

/// The words of a label that name something, lowercase and cut to their
/// first five letters (`women` and `woman` alike: `woma`/`wome` → `wom`
/// would be too short, so plurals are cut first).
fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(lower)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_ref()))
        .map(|w| stem(&w))
        .collect()
}

fn stem(word: &str) -> String {
    // The singular as a stem and an ending (one allocation per word).
    let (base, ending) = if let Some(s) = word.strip_suffix("men") {
        (s, "man")
    } else if let Some(s) = word.strip_suffix("ies") {
        (s, "y")
    } else if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        (&word[..word.len() - 1], "")
    } else {
        (word, "")
    };
    base.chars().chain(ending.chars()).take(6).collect()
}

/// A word in lower case, copied only when it has capitals.
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::stems;

    #[test]
    fn a_label_s_words_are_compared_in_the_singular() {
        assert_eq!(stems("Cisgender woman"), stems("cisgender women"));
        assert_eq!(stems("Non-Hispanic White"), ["hispan", "white"]);
        assert_eq!(stems("18–34"), Vec::<String>::new());
        assert_eq!(stems("Counties"), ["county"]);
    }
}
