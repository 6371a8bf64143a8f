//! Tables whose cells are marked: a row per line, cells between `|`
//! (Markdown pipe tables, and the rows the HTML and Word readers write).
//!
//! Marked cells make the structure certain, so the table is read from it
//! rather than guessed: the lines before the first row of figures are the
//! header; a cell may hold a count and its percentage (`352 (6.9)`), a
//! fraction and its percentage (`201/271 (74.2)`) or an estimate and its
//! interval (`0.90 (0.78–1.04)`), and is read as that many columns.

use std::ops::Range;

use super::table::{header_multiplier, Column, Row, Table};
use super::Document;
use crate::lexicon::Lexicon;

/// A table needs this many rows of figures to be read as one.
const MIN_ROWS: usize = 2;

/// What one cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Empty,
    /// Words, or figures that are not operands (`<.001`, `1991–2005`).
    Words,
    /// One figure.
    Value(usize),
    /// `n (p)`.
    CountShare(usize, usize),
    /// `a/b (p)`, or `a/b`.
    Fraction(usize, usize, Option<usize>),
    /// `e (lo–hi)`, `e (lo, hi)`.
    Estimate(usize),
}

impl Shape {
    /// How many table columns a cell of this shape makes.
    fn width(self) -> usize {
        match self {
            Shape::CountShare(..) => 2,
            Shape::Fraction(..) => 3,
            _ => 1,
        }
    }
}

/// A line of marked cells: the text range of each cell, and the line's.
struct Line {
    cells: Vec<Range<usize>>,
    range: Range<usize>,
}

/// The marked tables of a document, and the text ranges of every run of
/// marked lines (tables or not: no other reader should guess there).
pub fn find(doc: &Document, lexicon: &Lexicon) -> (Vec<Table>, Vec<Range<usize>>) {
    let mut tables = Vec::new();
    let mut ranges = Vec::new();
    for (block, caption) in blocks(&doc.folded, &doc.view.soft_breaks) {
        // A cell per line (`指 标 |` / `产 量 |` / …) marks no rows: the
        // layout reader finds them.
        if block.iter().all(|l| l.cells.len() < 2) {
            continue;
        }
        let (Some(first), Some(last)) = (block.first(), block.last()) else {
            continue;
        };
        let start = first.cells.first().map_or(0, |c| c.start);
        let end = last.cells.last().map_or(start, |c| c.end);
        ranges.push(start..end);
        // A caption right above the table that states a figure (`Type of
        // pharmacy, no./113 (%)`).
        let notes = footnote_letters(&doc.folded[end..]);
        // (The words a footnote letter is checked against: the text near
        // the table, so that a long file is not read once per row.)
        let near = Near {
            text: &doc.folded[doc
                .folded
                .floor_char_boundary(start.saturating_sub(NEAR_BYTES))
                ..doc
                    .folded
                    .floor_char_boundary((end + NEAR_BYTES).min(doc.folded.len()))],
            notes: &notes,
            caption: caption.is_some_and(|r| !doc.figure_range(r.start, r.end).is_empty()),
            searches: std::cell::Cell::new(FOOTNOTE_SEARCHES),
        };
        tables.extend(read(doc, lexicon, &block, &near));
    }
    (tables, ranges)
}

/// Cuts a line into cells: one leading and one trailing bar are the
/// table's frame; the bars between separate cells.
fn cells_of(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    cells_framed(text, line, true)
}

/// `cells_of`, where a leading bar is the table's frame only in a framed
/// table (`| a | b |`); without a frame (`a | b`), a line that starts
/// with a bar starts with an empty cell (` |  | 19,738`, a subtotal).
fn cells_framed(text: &str, line: Range<usize>, framed: bool) -> Vec<Range<usize>> {
    let s = &text[line.clone()];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    let mut start = line.start + lead;
    let mut end = start + body.len();
    let mut inner = body;
    if let Some(rest) = inner.strip_prefix(['|', '｜']).filter(|_| framed) {
        start += inner.len() - rest.len();
        inner = rest;
    }
    if let Some(rest) = inner.strip_suffix(['|', '｜']) {
        end -= inner.len() - rest.len();
        inner = rest;
    }
    let mut cells = Vec::new();
    let mut from = start;
    for (k, c) in inner.char_indices() {
        if c == '|' || c == '｜' {
            cells.push(from..start + k);
            from = start + k + c.len_utf8();
        }
    }
    cells.push(from..end);
    cells
}

/// The lines of the text as the source broke them: at line breaks, and
/// where the view joined a wrapped line.
fn lines(text: &str, soft_breaks: &[usize]) -> Vec<Range<usize>> {
    let mut cuts: Vec<(usize, usize)> = text
        .match_indices('\n')
        .map(|(k, _)| (k, 1))
        .chain(soft_breaks.iter().map(|&b| (b, 0)))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    let mut last = None;
    for (at, width) in cuts {
        // A joined break next to a kept one is one break, not an empty
        // line between them.
        let twin = last
            .is_some_and(|(l, w): (usize, usize)| at <= l + 1 && (w == 0) != (width == 0))
            && at == from;
        last = Some((at, width));
        if twin {
            from = at + width;
            continue;
        }
        if at >= from {
            out.push(from..text[..at].trim_end_matches('\r').len().max(from));
            from = at + width;
        }
    }
    out.push(from..text.len());
    out
}

/// Runs of lines with at least two marked cells. A line of spaces (a
/// Markdown delimiter row, blanked) or a delimiter row inside a run
/// belongs to it.
/// Each with the line right above it, unless blank: its caption.
fn blocks(text: &str, soft_breaks: &[usize]) -> Vec<(Vec<Line>, Option<Range<usize>>)> {
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut caption = None;
    let all = lines(text, soft_breaks);
    // A line of one cell is a row's label wrapped before its cells
    // (`Fatal or nonfatal congestive heart failure |`).
    // (A byte search for `|`, a character search for `｜`: both skip a
    // line of prose fast.)
    let marked = |line: &Range<usize>| {
        let s = &text[line.clone()];
        (s.as_bytes().contains(&b'|') || s.contains('｜'))
            && (cells_of(text, line.clone()).len() >= 2 || s.trim_end().ends_with(['|', '｜']))
    };
    for (k, line) in all.iter().cloned().enumerate() {
        let s = &text[line.clone()];
        if marked(&line) && !crate::source::is_delimiter_row(s) {
            if block.is_empty() {
                caption = k
                    .checked_sub(1)
                    .map(|p| all[p].clone())
                    .filter(|r| !text[r.clone()].trim().is_empty());
            }
            block.push(Line {
                cells: cells_of(text, line.clone()),
                range: line,
            });
        } else if !block.is_empty()
            && is_group_heading(s)
            && all[k + 1..]
                .iter()
                .take(3)
                .find(|l| !is_group_heading(&text[(*l).clone()]))
                .is_some_and(&marked)
        {
            // `**Age, y**` between rows: a row spanning the table (a group
            // of rows under its heading), which a converter writes
            // without bars; a sub-header (`No. (%)`) may stand over it.
            block.push(Line {
                cells: vec![line.clone()],
                range: line,
            });
        } else if !block.is_empty()
            && (crate::source::is_delimiter_row(s) || !s.is_empty() && s.trim().is_empty())
        {
            continue;
        } else if !block.is_empty() {
            out.push((std::mem::take(&mut block), caption.take()));
        }
    }
    if !block.is_empty() {
        out.push((block, caption));
    }
    // Without a frame on most lines, a leading bar opens an empty cell.
    for (block, _) in &mut out {
        let opens = |l: &Line| text[l.range.clone()].trim_start().starts_with(['|', '｜']);
        let closes = |l: &Line| text[l.range.clone()].trim_end().ends_with(['|', '｜']);
        let framed = block.iter().filter(|l| opens(l)).count();
        let closed = block.iter().filter(|l| closes(l)).count();
        if closed * 2 <= block.len() && framed * 2 <= block.len() {
            for line in block.iter_mut().filter(|l| opens(l)) {
                line.cells = cells_framed(text, line.range.clone(), false);
            }
        }
    }
    out
}

/// A short line of words, with no figure outside brackets: the heading
/// of a group of rows.
fn is_group_heading(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && !t.contains(['|', '｜'])
        && t.chars().count() <= 60
        && !t.ends_with(['.', '。', ':', '：'])
        && !crate::kinds::list::strip_brackets(t).contains(|c: char| c.is_ascii_digit())
}

/// What a cell holds, from its figures and the marks between them.
fn shape(doc: &Document, cell: &Range<usize>) -> Shape {
    let text = &doc.folded;
    let figures = doc.figure_range(cell.start, cell.end);
    // Words beside the figures and their units (`Intensive (N = 5128)`,
    // a row label with a figure): not a cell of figures.
    let mut from = cell.start;
    let mut words = false;
    for q in &doc.figures[figures.clone()] {
        words |= has_words(&text[from.min(q.start)..q.start]);
        from = q.unit_end.max(q.end);
    }
    words |= has_words(&text[from.min(cell.end)..cell.end]);
    if words {
        return if figures.is_empty() && text[cell.clone()].trim().is_empty() {
            Shape::Empty
        } else {
            Shape::Words
        };
    }
    let between = |a: usize, b: usize| -> &str {
        let (qa, qb) = (&doc.figures[a], &doc.figures[b]);
        &text[qa.unit_end.max(qa.end).min(qb.start)..qb.start]
    };
    let operand = |i: usize| doc.figures[i].is_operand();
    let n = figures.len();
    let f = figures.start;
    match n {
        0 if text[cell.clone()].trim().is_empty() => Shape::Empty,
        0 => Shape::Words,
        // `$'000` heads a column of thousands: `000` is no value.
        1 if operand(f) && text[doc.figures[f].start..].starts_with("00") => Shape::Words,
        1 if operand(f) => Shape::Value(f),
        2 if operand(f) && between(f, f + 1).trim() == "/" => Shape::Fraction(f, f + 1, None),
        2 if operand(f) && between(f, f + 1).trim().ends_with(['(', '（']) => {
            // A count is whole, its share not negative (`6.0 (−1.6)` is an
            // estimate and a bound).
            let (n, p) = (&doc.figures[f], &doc.figures[f + 1]);
            if operand(f + 1) && n.decimals == 0 && !p.value.is_sign_negative() {
                Shape::CountShare(f, f + 1)
            } else {
                Shape::Estimate(f)
            }
        }
        3 if operand(f)
            && between(f, f + 1).trim() == "/"
            && between(f + 1, f + 2).trim().ends_with(['(', '（']) =>
        {
            Shape::Fraction(f, f + 1, operand(f + 2).then_some(f + 2))
        }
        3 if operand(f) && between(f, f + 1).trim().ends_with(['(', '（']) => Shape::Estimate(f),
        _ => Shape::Words,
    }
}

/// How far around a table its footnote letters are checked.
const NEAR_BYTES: usize = 64 * 1024;

/// What stands around a table: the text near it, the letters of its
/// footnotes, and whether the line right above it states a figure (`Type
/// of pharmacy, no./113 (%)`).
struct Near<'a> {
    text: &'a str,
    notes: &'a [char],
    caption: bool,
    /// How many labels may still be searched for in `text` (a table of
    /// thousands of rows is not read once per row).
    searches: std::cell::Cell<usize>,
}

/// How many labels of one table are checked for a footnote letter.
const FOOTNOTE_SEARCHES: usize = 64;

/// The letters of the footnotes under a table (`a Percentages may not
/// add to 100…`, `b Defined as…`): in the lines after it, before the
/// next table.
fn footnote_letters(after: &str) -> Vec<char> {
    let mut letters = Vec::new();
    // (Lines of notes may be joined by the view: a note also starts after
    // the full stop of the one before.)
    let head = &after[..after.floor_char_boundary(4096.min(after.len()))];
    let head = head.split(['|', '｜']).next().unwrap_or("");
    let bytes = head.as_bytes();
    for k in 0..bytes.len().saturating_sub(2) {
        let starts = k == 0 || bytes[k - 1] == b'\n' || k >= 2 && &bytes[k - 2..k] == b". ";
        let c = bytes[k];
        if starts
            && (b'a'..=b'h').contains(&c)
            && bytes[k + 1] == b' '
            && bytes[k + 2].is_ascii_uppercase()
            && !letters.contains(&char::from(c))
        {
            letters.push(char::from(c));
        }
    }
    letters
}

/// A label without the footnote letter the extraction glued to its last
/// word (`Hispanicb` under a footnote `b`): dropped when the word without
/// it is one the document uses and the word with it is printed only
/// once (`Female` stays, though a footnote `e` exists).
fn without_footnote<'a>(near: &Near, label: &'a str) -> &'a str {
    let Some(last) = label.chars().next_back().filter(|c| near.notes.contains(c)) else {
        return label;
    };
    let word_start = label.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| {
        k + label[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &label[word_start..];
    let stem = &word[..word.len() - last.len_utf8()];
    if stem.chars().count() < 3
        || !stem
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_lowercase())
    {
        return label;
    }
    let whole_words = |w: &str| {
        let text = near.text;
        text.match_indices(w)
            .filter(|(k, _)| {
                let before = text[..*k].chars().next_back();
                let after = text[k + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .count()
    };
    if near.searches.get() == 0 {
        return label;
    }
    near.searches.set(near.searches.get() - 1);
    if whole_words(word) == 1 && whole_words(stem) >= 1 {
        &label[..label.len() - last.len_utf8()]
    } else {
        label
    }
}

/// A figure printed as a year: four digits from 1900 to 2100, nothing
/// around them.
pub fn is_year(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    let printed = &doc.folded[q.start..q.end];
    printed.len() == 4
        && printed.bytes().all(|b| b.is_ascii_digit())
        && q.unit_end <= q.end
        && (1900..=2100).contains(&printed.parse::<u32>().unwrap_or(0))
}

/// Letters that are not a unit's or a currency's: a cell of words.
fn has_words(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() > 0
        && !s
            .trim()
            .trim_matches(|c: char| "$€£¥￥(（)）,，*†‡§¶ ".contains(c))
            .is_empty()
}

/// Reads one block of marked lines as a table.
fn read(doc: &Document, lexicon: &Lexicon, block: &[Line], near: &Near) -> Vec<Table> {
    let mut shapes: Vec<Vec<Shape>> = block
        .iter()
        .map(|l| l.cells.iter().map(|c| shape(doc, c)).collect())
        .collect();
    // A label alone on its line, then its cells on the next: one row.
    let figure = |s: &Shape| !matches!(s, Shape::Empty | Shape::Words);
    let mut merged: Vec<Line> = Vec::new();
    let mut merged_shapes: Vec<Vec<Shape>> = Vec::new();
    let mut r = 0;
    while r < block.len() {
        let alone = block[r].cells.len() == 1;
        if alone && r + 1 < block.len() && shapes[r + 1].first().is_some_and(figure) {
            let mut cells = block[r].cells.clone();
            cells.extend(block[r + 1].cells.iter().cloned());
            let mut sh = std::mem::take(&mut shapes[r]);
            sh.append(&mut shapes[r + 1]);
            merged.push(Line {
                cells,
                range: block[r].range.start..block[r + 1].range.end,
            });
            merged_shapes.push(sh);
            r += 2;
        } else {
            merged.push(Line {
                cells: block[r].cells.clone(),
                range: block[r].range.clone(),
            });
            merged_shapes.push(std::mem::take(&mut shapes[r]));
            r += 1;
        }
    }
    let block = &merged[..];
    let shapes = merged_shapes;
    // A row of figures: a label, then at least one figure, not all of
    // them years (`Net sales (in thousands) | 2018 | 2019`: a header).
    let is_data = |r: usize| {
        let values: Vec<&Shape> = shapes[r]
            .iter()
            .skip(1)
            .filter(|s| !matches!(s, Shape::Empty | Shape::Words))
            .collect();
        !values.is_empty()
            && !values
                .iter()
                .all(|s| matches!(s, Shape::Value(i) if is_year(doc, *i)))
    };
    let Some(first) = (0..block.len()).find(|&r| is_data(r)) else {
        return Vec::new();
    };
    let data: Vec<usize> = (first..block.len()).filter(|&r| is_data(r)).collect();
    // Rows whose cells change shape (`214 (4.6) | 1.38 | 176 (3.8)` then
    // `86 (1.7) | 67 (1.3)`: a section laid out otherwise) start a table
    // of their own under the same header.
    let mut segments: Vec<Vec<usize>> = Vec::new();
    let mut seen: Vec<Option<usize>> = Vec::new();
    for &r in &data {
        let fits = shapes[r].iter().enumerate().all(|(c, s)| {
            matches!(s, Shape::Empty | Shape::Words)
                || seen
                    .get(c)
                    .copied()
                    .flatten()
                    .is_none_or(|w| w == s.width())
        });
        if !fits || segments.is_empty() {
            segments.push(Vec::new());
            seen.clear();
        }
        for (c, s) in shapes[r].iter().enumerate() {
            if !matches!(s, Shape::Empty | Shape::Words) {
                if seen.len() <= c {
                    seen.resize(c + 1, None);
                }
                seen[c] = Some(s.width());
            }
        }
        if let Some(last) = segments.last_mut() {
            last.push(r);
        }
    }
    segments
        .into_iter()
        .filter(|rows| rows.len() >= MIN_ROWS)
        .filter_map(|rows| build(doc, lexicon, block, &shapes, first, &rows, near))
        .collect()
}

/// Builds a table from the header lines (before `first`) and the rows of
/// one layout.
fn build(
    doc: &Document,
    lexicon: &Lexicon,
    block: &[Line],
    shapes: &[Vec<Shape>],
    first: usize,
    data: &[usize],
    near: &Near,
) -> Option<Table> {
    // The table's width in cells: the most common among rows of figures,
    // trailing empty cells not counted.
    let used = |r: usize| {
        shapes[r].len()
            - shapes[r]
                .iter()
                .rev()
                .take_while(|s| **s == Shape::Empty)
                .count()
    };
    let mut counts = rustc_hash::FxHashMap::default();
    for &r in data {
        *counts.entry(used(r)).or_insert(0usize) += 1;
    }
    // Rows may leave their last cells empty; a row with more cells than
    // most (a footnote's cell, a value few rows have) sets the width.
    let width = counts.keys().copied().max()?;
    if width < 2 {
        return None;
    }
    // Each cell column's shape: the most common shape among its cells.
    let mut spans = vec![1usize; width];
    let mut estimate = vec![false; width];
    for (c, span) in spans.iter_mut().enumerate() {
        let mut by_width = [0usize; 4];
        for &r in data {
            if let Some(s) = shapes[r].get(c) {
                by_width[s.width()] += usize::from(!matches!(s, Shape::Empty | Shape::Words));
                estimate[c] |= matches!(s, Shape::Estimate(_));
            }
        }
        *span = if by_width[3] > 0 {
            3
        } else if by_width[2] > 0 {
            2
        } else {
            1
        };
    }
    // Header texts per cell column: the lines before the first row of
    // figures, cell by cell.
    let header_lines = &block[..first];
    let header_of = |c: usize| -> String {
        let mut parts: Vec<&str> = Vec::new();
        // A line of one cell spans the table (`No. (%)`, a group's
        // heading over the first rows): no column's header.
        let filled = |line: &Line| {
            line.cells.len()
                - line
                    .cells
                    .iter()
                    .rev()
                    .take_while(|c| doc.folded[(*c).clone()].trim().is_empty())
                    .count()
        };
        // (` |  | As of March 29, 2019 | `: one cell of words among empty
        // ones spans the table too.)
        let spanning = |line: &Line| {
            line.cells
                .iter()
                .filter(|c| !doc.folded[(*c).clone()].trim().is_empty())
                .count()
                <= 1
        };
        // A sub-header over every value column, no cell over the labels.
        let sub_header = header_lines
            .iter()
            .any(|l| filled(l) + 1 == width && !spanning(l));
        for line in header_lines
            .iter()
            .filter(|l| filled(l) > 1 && !spanning(l))
        {
            {
                // Aligned with the rows when it has as many cells; a line
                // with one fewer heads the value columns (a sub-header has
                // no cell over the labels).
                let used = filled(line);
                // A line with a label cell and fewer cells that divide the
                // value columns evenly spans them (`Variable | Perceived
                // effectiveness | Negative reactions` over `Mean (95% CI) |
                // P value | Mean (95% CI) | P value`).
                let spans = used >= 3
                    && used + 1 < width
                    && sub_header
                    && (width - 1) % (used - 1) == 0
                    && doc
                        .figure_range(line.cells[0].start, line.cells[0].end)
                        .is_empty();
                // A group heading printed once over equal groups of
                // columns, the cells it spans left empty (`Group | 2006 |
                // | | 2010 | | |` over three columns each): every column
                // of a group takes its heading.
                let group = (line.cells.len() == width && used < width && sub_header)
                    .then(|| group_heading(doc, line, width, c))
                    .flatten();
                let k = if used >= width {
                    Some(c)
                } else if group.is_some() {
                    group
                } else if spans {
                    Some(1 + (c - 1) / ((width - 1) / (used - 1)))
                } else {
                    c.checked_sub(1)
                };
                if let Some(cell) = k.and_then(|k| line.cells.get(k)) {
                    let t = doc.folded[cell.clone()].trim();
                    if !t.is_empty() {
                        parts.push(t);
                    }
                }
            }
        }
        parts.join(" ")
    };
    // Wholes the header states (`Placebo (n = 296)`, `(N = 5128)`), in
    // order; the columns of counts and shares take them in order.
    let wholes = header_wholes(doc, header_lines);
    let share_columns = (1..width).filter(|&c| spans[c] == 2).count();
    let wholes_fit = !wholes.is_empty() && wholes.len() == share_columns;
    let mut columns: Vec<Column> = Vec::new();
    // Table column of each cell column's first figure.
    let mut at = vec![0usize; width];
    let mut share_index = 0;
    for c in 1..width {
        at[c] = columns.len();
        let header = header_of(c);
        let header = without_footnote(near, &header).to_owned();
        let base = column_of(&header);
        match spans[c] {
            3 => {
                let part = columns.len();
                let count = Column {
                    percent: false,
                    change: false,
                    ..base.clone()
                };
                columns.push(Column {
                    header: format!("{header} part"),
                    ..count.clone()
                });
                columns.push(Column {
                    header: format!("{header} whole"),
                    ..count
                });
                columns.push(Column {
                    header: format!("{header} %"),
                    percent: true,
                    fraction: Some((part, part + 1)),
                    ..base
                });
            }
            2 => {
                let count = columns.len();
                let whole = wholes_fit.then(|| wholes[share_index]);
                share_index += 1;
                columns.push(Column {
                    whole,
                    percent: false,
                    change: false,
                    ..base.clone()
                });
                columns.push(Column {
                    header: format!("{header} %"),
                    percent: true,
                    bracketed: true,
                    share_of: Some(count),
                    ..base
                });
            }
            _ => columns.push(Column {
                ratio: base.ratio || estimate[c],
                ..base
            }),
        }
    }
    let mut rows = Vec::new();
    for &r in data {
        let line = &block[r];
        let label_text = without_footnote(near, doc.folded[line.cells[0].clone()].trim());
        let mut cells = vec![None; columns.len()];
        let mut broken = false;
        for c in 1..width.min(shapes[r].len()) {
            let k = at[c];
            match (shapes[r][c], spans[c]) {
                (Shape::Value(i) | Shape::Estimate(i), 1) => cells[k] = Some(i),
                (Shape::CountShare(n, p), 2) => {
                    cells[k] = Some(n);
                    cells[k + 1] = Some(p);
                }
                (Shape::Value(n), 2) => cells[k] = Some(n),
                (Shape::Fraction(a, b, p), 3) => {
                    cells[k] = Some(a);
                    cells[k + 1] = Some(b);
                    cells[k + 2] = p;
                }
                (Shape::Empty | Shape::Words, _) => {}
                _ => broken = true,
            }
        }
        let heading = r > first
            && shapes[r - 1].first() == Some(&Shape::Words)
            && shapes[r - 1].iter().skip(1).all(|s| *s == Shape::Empty);
        rows.push(Row {
            label: super::table::row_label(lexicon, label_text),
            total: super::table::opens_with_total(label_text),
            level: super::table::outline(label_text).0,
            // A row of a label alone (`Licenses | | |`) heads the rows
            // after it.
            opens_section: heading,
            // A table with no header under a caption that states a
            // figure: the caption is its first rows' heading.
            heading_figures: first == 0 && r == data[0] && near.caption
                || heading && {
                    let above = &block[r - 1].range;
                    !doc.figure_range(above.start, above.end).is_empty()
                },
            opens_group: label_text.starts_with("其中"),
            sub_row: label_text.starts_with(['#', '＃']),
            broken,
            cells: if broken {
                vec![None; columns.len()]
            } else {
                cells
            },
        });
    }
    Some(Table { columns, rows })
}

/// The cell heading column `c` when the line's filled value cells head
/// groups of equal width that tile the value columns (`| 2006 | | | 2010
/// | | |`): the filled cell at or before `c`.
fn group_heading(doc: &Document, line: &Line, width: usize, c: usize) -> Option<usize> {
    let filled: Vec<usize> = (1..width)
        .filter(|&k| !doc.folded[line.cells[k].clone()].trim().is_empty())
        .collect();
    let (&first, rest) = filled.split_first()?;
    let step = rest.first()? - first;
    let even = first == 1
        && step > 1
        && (width - 1).is_multiple_of(step)
        && filled.len() == (width - 1) / step
        && filled.windows(2).all(|w| w[1] - w[0] == step);
    (even && c >= 1).then(|| 1 + (c - 1) / step * step)
}

/// A column's flags from its header.
fn column_of(header: &str) -> Column {
    let mut col = Column {
        header: header.to_owned(),
        ..Column::default()
    };
    super::table::flag_column(&mut col);
    col.multiplier = header_multiplier(header);
    col
}

/// The `n = 296`, `N = 5128` of the header lines, as figure indices.
fn header_wholes(doc: &Document, lines: &[Line]) -> Vec<usize> {
    let mut out = Vec::new();
    for line in lines {
        for cell in &line.cells {
            for i in doc.figure_range(cell.start, cell.end) {
                let q = &doc.figures[i];
                let before = doc.folded[cell.start..q.start].trim_end();
                let marked = before.ends_with('=')
                    && before[..before.len() - 1].trim_end().ends_with(['n', 'N']);
                if marked && q.is_operand() {
                    out.push(i);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{footnote_letters, without_footnote, Near};

    #[test]
    fn footnotes_under_a_table_are_read_even_when_their_lines_were_joined() {
        let after = "\n\na Percentages may not add to 100. b Defined as any adult.\nc Significant.\n\n| next | table |\nd Not this one.";
        assert_eq!(footnote_letters(after), ['a', 'b', 'c']);
        assert!(footnote_letters("\nA sentence. And a second one.").is_empty());
    }

    #[test]
    fn a_footnote_letter_glued_to_a_word_the_text_uses_is_dropped() {
        let near = Near {
            text: "Hispanicb | 153 (22)\nFemale | 40 (12)\nMost clients were Hispanic.",
            notes: &['a', 'b', 'e'],
            caption: false,
            searches: std::cell::Cell::new(super::FOOTNOTE_SEARCHES),
        };
        assert_eq!(without_footnote(&near, "Hispanicb"), "Hispanic");
        // `Femal` is no word of the text: `Female` keeps its `e`.
        assert_eq!(without_footnote(&near, "Female"), "Female");
        // No footnote `c`: the label is left alone.
        assert_eq!(without_footnote(&near, "Hispanicc"), "Hispanicc");
    }
}
