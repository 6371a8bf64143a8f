//! Tables in report text: rows of a label and cells, under headers that
//! name the columns.
//!
//! Extracted tables come in many shapes: `|`-separated rows, one cell per
//! line, cells aligned with spaces, a header spread over several lines.
//! What they share: a row is a short label followed by figures that each
//! end their cell (a `|`, a line break, or the next figure follows), and
//! the rows of one table have the same number of cells. Prose figures are
//! followed by words and punctuation, so a sentence is never read as a
//! row.

use rust_decimal::prelude::ToPrimitive;

use super::Document;
use crate::lex::Kind;
use crate::lexicon::Lexicon;

/// A table found in the text.
#[derive(Debug, Clone)]
pub struct Table {
    /// What each column holds, from the header (as many as cells).
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Default)]
pub struct Column {
    /// The header words over the column, normalized (`比重(%)`, `7月`).
    pub header: String,
    /// The header says the column holds ratios, rates or averages, which
    /// do not add up (学生与专任教师比, rate per 1,000, mean).
    pub ratio: bool,
    /// The header says the column holds percentages.
    pub percent: bool,
    /// The header says the column holds changes (比上年增长, % change).
    pub change: bool,
    /// The multiplier the header gives its figures (`绝对量(亿元)`,
    /// `($ millions)`); 1 when it gives none.
    pub multiplier: u64,
    /// Its cells are in brackets after the cells of the column before
    /// (`2,487 (24.1 %)`): a share of that column's count.
    pub bracketed: bool,
    /// The header states the whole its counts are of (`(N = 5128)`): a
    /// figure index.
    pub whole: Option<usize>,
    /// Its cells are the share of column `.0` over column `.1` of the
    /// same row (`201/271 (74.2)`).
    pub fraction: Option<(usize, usize)>,
    /// Its cells are the share the count in this column is of the
    /// column's whole (`352 (6.9)` under `(N = 5128)`).
    pub share_of: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The row's label, normalized.
    pub label: String,
    /// The label as printed names a total (`Total Net Sales`, 合计): the
    /// normalized label has lost a leading `total`.
    pub total: bool,
    /// The label opens a group of parts (`其中:城镇`) or marks a sub-row
    /// (`#粮食播种面积`).
    pub opens_group: bool,
    pub sub_row: bool,
    /// A heading stands before the row (`Software Licenses` over
    /// `Windows`): it starts a section of the table.
    pub opens_section: bool,
    /// The heading over the row's section states a figure (`Type of
    /// pharmacy, no./113 (%)`, `(n = 77)`): the section's own whole.
    pub heading_figures: bool,
    /// The outline level its label's marker gives (`一、` 1, `(一)` 2,
    /// `1.` 3, `(1)` 4): rows one level deeper after it are its parts.
    pub level: Option<u8>,
    /// The row did not have the table's number of cells (a cell lost in
    /// extraction): its cells are unknown, and no sum may skip it.
    pub broken: bool,
    /// Figure index of each cell; `None` for an empty cell (`--`).
    pub cells: Vec<Option<usize>>,
}

/// One item of the stream a table is read from.
#[derive(Debug, Clone, Copy)]
enum Item {
    Figure(usize),
    /// A text piece; `true` when only a wrapped line separates it from
    /// the piece before (`No. of articles` / `with NHST results`).
    Text(usize, usize, bool),
    Missing,
    /// Prose: a sentence ends a table.
    Break,
}

/// Marks of an empty cell.
const MISSING: &[&str] = &[
    "--", "—", "–", "-", "…", "n/a", "na", "NA", "N/A", "x", "...", "/",
];

pub fn find(doc: &Document, lexicon: &Lexicon) -> Vec<Table> {
    let items = items(doc);
    if std::env::var("STATLINT_DEBUG_TABLES").is_ok() {
        for it in &items {
            match it {
                Item::Text(s, e, joined) => eprintln!("T {:?} {joined}", &doc.folded[*s..*e]),
                other => eprintln!("{other:?}"),
            }
        }
    }
    let mut tables = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let end = items[start..]
            .iter()
            .position(|i| matches!(i, Item::Break))
            .map_or(items.len(), |p| start + p);
        if let Some(t) = read_table(doc, lexicon, &items[start..end]) {
            tables.push(t);
        }
        start = end + 1;
    }
    tables
}

/// Does figure `i` end its cell: a `|`, a line break of the source, the
/// end, or another figure right after its unit?
fn ends_cell(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    let mut after_unit = q.unit_end.max(q.end);
    // `11.8 (7.8–16.0) |`: an interval in brackets stays in the cell.
    let rest = &doc.folded[after_unit..];
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.starts_with(['(', '（']) {
        if let Some(close) = trimmed.find([')', '）']).filter(|&k| k <= 40) {
            after_unit += rest.len() - trimmed.len()
                + close
                + trimmed[close..].chars().next().map_or(1, char::len_utf8);
        }
    }
    // `(24.1 %)`: a figure in brackets fills its cell.
    let bracketed = doc.folded[..q.start].trim_end().ends_with(['(', '（']);
    let rest = &doc.folded[after_unit..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{3000}', '*']);
    if bracketed && trimmed.starts_with([')', '）']) {
        after_unit += rest.len() - trimmed.len() + trimmed.chars().next().map_or(1, char::len_utf8);
    }
    let rest = &doc.folded[after_unit..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{3000}', '*']);
    let at = after_unit + (rest.len() - trimmed.len());
    trimmed.is_empty()
        || trimmed.starts_with(['|', '\n', '｜'])
        || doc.view.soft_breaks.binary_search(&at).is_ok()
        || doc.view.soft_breaks.binary_search(&after_unit).is_ok()
        || doc.figures.get(i + 1).is_some_and(|n| n.start == at)
        || MISSING.iter().any(|m| {
            trimmed.starts_with(m)
                && trimmed[m.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '|')
        })
        || trimmed.starts_with('$') && doc.figures.get(i + 1).is_some_and(|n| n.start <= at + 4)
}

/// Does figure `i` open a cell that holds words after it (`60岁及以上`)?
fn starts_cell(doc: &Document, cursor: usize, i: usize) -> bool {
    let q = &doc.figures[i];
    let before = doc.folded[cursor.min(q.start)..q.start].trim_end_matches([' ', '\t']);
    let opens = before.is_empty()
        || before.ends_with(['|', '\n', '｜'])
        || doc.view.soft_breaks.binary_search(&q.start).is_ok();
    let from = q.unit_end.max(q.end);
    let rest = &doc.folded[from..doc.folded.floor_char_boundary(from + 64)];
    let cell = rest.split(['|', '\n', '｜']).next().unwrap_or("");
    opens && cell.chars().count() <= 12 && !cell.contains(['，', ',', '。'])
}

/// Figures the lexer read as years that are cells of figures, between a
/// row label and the row's next cell (`餐饮收入 | 1999 | 9.1 |`): they are
/// counts. A header's years stand beside other years or words, never
/// before a row's next figure. Read from the text alone, before mentions.
pub fn year_cells(doc: &Document) -> Vec<usize> {
    (0..doc.figures.len())
        .filter(|&i| year_cell(doc, i))
        .collect()
}

fn year_cell(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    if q.kind != Kind::Date
        || q.unit_end > q.end
        || q.in_range
        || !(1000..=2100).contains(&q.value.to_u32().unwrap_or(0))
        || !ends_cell(doc, i)
    {
        return false;
    }
    let from = doc.folded.floor_char_boundary(q.start.saturating_sub(64));
    let before = doc.folded[from..q.start].trim_end_matches([' ', '\t']);
    let label_before = before.ends_with(['|', '｜', '\n'])
        && before
            .trim_end_matches(['|', '｜', '\n', ' '])
            .ends_with(|c: char| c.is_alphabetic() && !c.is_ascii_digit());
    let next_is_cell = doc.figures.get(i + 1).is_some_and(|n| {
        let between = &doc.folded[q.end.min(n.start)..n.start];
        n.is_operand()
            && between
                .trim_matches([' ', '\t', '|', '｜', '\n'])
                .is_empty()
            && ends_cell(doc, i + 1)
    });
    label_before && next_is_cell
}

/// The document as a stream of figures and short texts; a sentence or a
/// figure in prose breaks it.
fn items(doc: &Document) -> Vec<Item> {
    let mut out = Vec::new();
    let text = &doc.folded;
    let mut cursor = 0;
    for (i, q) in doc.figures.iter().enumerate() {
        let operand = q.is_operand() && doc.mentions[i].role != crate::doc::Role::Other || q.approx;
        if !operand {
            continue;
        }
        if ends_cell(doc, i) {
            push_texts(doc, cursor, q.start, &mut out);
            out.push(Item::Figure(i));
        } else if starts_cell(doc, cursor, i) {
            // `60岁及以上 |`: a figure inside a row's label.
            continue;
        } else {
            push_texts(doc, cursor, q.start, &mut out);
            out.push(Item::Break);
        }
        cursor = q.unit_end.max(q.end);
        // A percent sign or unit after a space belongs to the cell.
        let rest = &text[cursor..];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.starts_with(['%', '％']) {
            cursor += rest.len() - trimmed.len() + trimmed.chars().next().map_or(0, char::len_utf8);
        }
    }
    push_texts(doc, cursor, text.len(), &mut out);
    out
}

/// Does an English full stop end a sentence inside `text` (`No. of
/// articles` holds an abbreviation, not a sentence)?
fn sentence_inside(text: &str) -> bool {
    text.match_indices(". ").any(|(k, _)| {
        let word = text[..k]
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        word.len() > 3 || word.chars().all(|c| c.is_ascii_lowercase()) && word.len() > 2
    })
}

/// The texts between two figures, cell by cell.
fn push_texts(doc: &Document, start: usize, end: usize, out: &mut Vec<Item>) {
    let text = &doc.folded;
    let start = start.min(end);
    let mut piece_start = start;
    // (offset, width of the separator there): a `|` or line break is
    // skipped, a joined line break has no width.
    // (By bytes: `|` and a line break are one byte, `｜` is EF BD 9C.)
    let bytes = &text.as_bytes()[start..end];
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (k, &b) in bytes.iter().enumerate() {
        if b == b'|' || b == b'\n' {
            cuts.push((start + k, 1));
        } else if b == 0xEF && bytes[k..].starts_with("｜".as_bytes()) {
            cuts.push((start + k, 3));
        }
    }
    let breaks = &doc.view.soft_breaks;
    let first = breaks.partition_point(|&b| b <= start);
    for &b in breaks[first..].iter().take_while(|&&b| b < end) {
        cuts.push((b, 0));
    }
    cuts.sort_unstable();
    cuts.push((end, 0));
    // Has only a wrapped line (no bar, no hard break) come since the
    // last text piece?
    let mut soft = false;
    for (cut, width) in cuts {
        if cut < piece_start {
            continue;
        }
        let piece = &text[piece_start..cut];
        let trimmed = piece.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '｜');
        if !trimmed.is_empty() {
            let lead = piece.len()
                - piece
                    .trim_start_matches(|c: char| c.is_whitespace() || c == '|' || c == '｜')
                    .len();
            let s = piece_start + lead;
            // (Over 240 bytes is over 60 characters: no count needed.)
            let prose = trimmed.len() > 240
                || trimmed.contains(['。', '；', '！', '？'])
                || sentence_inside(trimmed)
                || trimmed.ends_with('.') && trimmed.chars().count() > 12
                || trimmed.chars().count() > 60;
            let symbols = trimmed.chars().all(|c| {
                matches!(
                    c,
                    '$' | '€'
                        | '£'
                        | '¥'
                        | '￥'
                        | '%'
                        | '％'
                        | '*'
                        | ':'
                        | '：'
                        | '('
                        | '（'
                        | ')'
                        | '）'
                )
            });
            if symbols {
                // A currency sign or a footnote mark belongs to a cell.
            } else if prose {
                out.push(Item::Break);
            } else if trimmed.split_whitespace().all(|w| MISSING.contains(&w)) {
                for _ in trimmed.split_whitespace() {
                    out.push(Item::Missing);
                }
            } else {
                let joined = soft && matches!(out.last(), Some(Item::Text(..)));
                out.push(Item::Text(s, s + trimmed.len(), joined));
            }
            soft = true;
        }
        if width > 0 || cut == end {
            soft = false;
        }
        piece_start = (cut + width).min(end);
        if cut == end {
            break;
        }
    }
}

/// Reads rows (a label, then cells) from a run of items; a table when
/// at least three rows have the same number of cells.
///
/// A row is the run of texts before a run of cells: its label is the
/// first of its label columns (as many as the other rows have). Rows that
/// PDF text interleaves (`JPSP`, `JCCP` then both rows' cells column by
/// column) hold a multiple of both counts and are read apart; a row whose
/// label follows its cells (`30,717 … 11 Total` at the table's end) takes
/// the text after it.
fn read_table(doc: &Document, lexicon: &Lexicon, items: &[Item]) -> Option<Table> {
    struct Raw {
        texts: Vec<(usize, usize, bool)>,
        cells: Vec<Option<usize>>,
    }
    let mut raws: Vec<Raw> = Vec::new();
    let mut texts: Vec<(usize, usize, bool)> = Vec::new();
    let mut k = 0;
    while k < items.len() {
        match items[k] {
            Item::Text(s, e, joined) => {
                texts.push((s, e, joined));
                k += 1;
            }
            Item::Figure(_) | Item::Missing => {
                let mut cells = Vec::new();
                while k < items.len() {
                    match items[k] {
                        Item::Figure(i) => cells.push(Some(i)),
                        Item::Missing => cells.push(None),
                        _ => break,
                    }
                    k += 1;
                }
                raws.push(Raw {
                    texts: std::mem::take(&mut texts),
                    cells,
                });
            }
            Item::Break => break,
        }
    }
    let trailing = texts;
    // The common number of cells, over at least three rows.
    let mut counts = rustc_hash::FxHashMap::default();
    for r in raws.iter().filter(|r| !r.texts.is_empty()) {
        *counts.entry(r.cells.len()).or_insert(0usize) += 1;
    }
    let (&width, &n) = counts.iter().max_by_key(|&(w, n)| (*n, *w))?;
    if n < 3 || width == 0 {
        return None;
    }
    let first = raws
        .iter()
        .position(|r| r.cells.len() == width && !r.texts.is_empty())?;
    // A row's texts in cells: wrapped lines (`Overall Study` /
    // `STARTED`) are one cell, or the cells of interleaved rows.
    let groups = |texts: &[(usize, usize, bool)]| -> Vec<Vec<(usize, usize)>> {
        let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
        for &(s, e, joined) in texts {
            match out.last_mut() {
                Some(g) if joined => g.push((s, e)),
                _ => out.push(vec![(s, e)]),
            }
        }
        out
    };
    // How many label cells a row has: the most common count before the
    // rows of full width after the first.
    let mut label_counts = rustc_hash::FxHashMap::default();
    for r in raws
        .iter()
        .skip(first + 1)
        .filter(|r| r.cells.len() == width)
    {
        *label_counts.entry(groups(&r.texts).len()).or_insert(0usize) += 1;
    }
    let first_groups = groups(&raws[first].texts);
    let labels = label_counts
        .iter()
        .filter(|(&t, _)| t >= 1)
        .max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))
        .map_or(1, |(&t, _)| t)
        .min(first_groups.len());
    // The first row's label texts: its last `labels` cells.
    let first_label_texts: usize = first_groups[first_groups.len() - labels..]
        .iter()
        .map(Vec::len)
        .sum();
    // The header: the texts before the first row's labels, wrapped lines
    // joined (`No. of articles with NHST results`); a bracketed cell
    // (`2,487 (24.1 %)`) shares its column's header.
    let mut header_texts: Vec<String> = Vec::new();
    let first_texts = &raws[first].texts;
    for &(s, e, joined) in &first_texts[..first_texts.len() - first_label_texts] {
        match header_texts.last_mut() {
            Some(last) if joined => {
                last.push(' ');
                last.push_str(&doc.folded[s..e]);
            }
            _ => header_texts.push(doc.folded[s..e].to_owned()),
        }
    }
    // Rows after the first with a heading before their label (`Software
    // Service Fees` over `Windows`): the text right before the first
    // row's label is its section's heading, not a column's header.
    let sections = raws.iter().skip(first + 1).any(|r| {
        r.cells.len() % width == 0 && !r.cells.is_empty() && groups(&r.texts).len() > labels
    });
    // It is a heading when a row of empty cells follows it (`|Software
    // Licenses` then sixteen `|`), as a heading row is printed.
    let mut first_heading = false;
    if sections && header_texts.len() > width {
        if let (Some(&(_, e, _)), Some(&(s, _, _))) = (
            header_heading(first_texts, first_label_texts),
            first_texts.get(first_texts.len() - first_label_texts),
        ) {
            let bars = doc.folded[e.min(s)..s].matches(['|', '｜']).count();
            if bars > width {
                header_texts.pop();
                first_heading = true;
            }
        }
    }
    let bracketed: Vec<bool> = raws[first]
        .cells
        .iter()
        .map(|c| c.is_some_and(|i| in_brackets(doc, i)))
        .collect();
    let columns = columns(&header_texts, &bracketed);
    let norm = |s: &str| row_label(lexicon, s);
    let mut rows = Vec::new();
    let make_row = |label: (usize, usize),
                    before: &[(usize, usize, bool)],
                    cells: Vec<Option<usize>>|
     -> Row {
        let raw_label = &doc.folded[label.0..label.1];
        let opens_group = raw_label.starts_with("其中")
            || before
                .iter()
                .any(|&(s, e, _)| doc.folded[s..e].starts_with("其中"));
        let broken = cells.len() != width;
        Row {
            total: opens_with_total(raw_label),
            label: norm(raw_label),
            level: outline(raw_label).0,
            opens_section: !before.is_empty(),
            heading_figures: false,
            opens_group,
            sub_row: raw_label.starts_with(['#', '＃']),
            broken,
            cells: if broken { vec![None; width] } else { cells },
        }
    };
    for (r, raw) in raws.iter().enumerate().skip(first) {
        let gs = groups(&raw.texts);
        let c = raw.cells.len();
        // Rows that PDF text interleaves: their labels stacked, then their
        // cells column by column; as many texts as label cells per row.
        // A row with no label of its own may follow them directly (the
        // total row whose label comes after its cells).
        let m = if labels > 0 && raw.texts.len() % labels == 0 {
            raw.texts.len() / labels
        } else {
            0
        };
        let rest = c.saturating_sub(m * width);
        let interleaved = m >= 2 && c >= m * width && (rest == 0 || rest == width);
        if interleaved {
            for row in 0..m {
                let cells = (0..width).map(|col| raw.cells[col * m + row]).collect();
                let (s, e, _) = raw.texts[row];
                rows.push(make_row((s, e), &[], cells));
            }
            if rest == width && r + 1 == raws.len() {
                if let Some(&(s, e, _)) = trailing.first() {
                    rows.push(make_row((s, e), &[], raw.cells[m * width..].to_vec()));
                }
            }
        } else if c % width == 0 && c > 0 && !gs.is_empty() {
            // The first of its label cells (after any texts before them: a
            // section heading such as 按经营地分), read as its last line.
            let head = gs.len().saturating_sub(labels);
            let mut before: Vec<(usize, usize, bool)> = gs[..head]
                .iter()
                .flatten()
                .map(|&(s, e)| (s, e, false))
                .collect();
            if r == first && first_heading {
                if let Some(&(s, e, _)) = header_heading(&raws[first].texts, first_label_texts) {
                    before.push((s, e, false));
                }
            }
            let label = *gs[head].last().unwrap_or(&(0, 0));
            rows.push(make_row(label, &before, raw.cells[..width].to_vec()));
            // Twice as many cells: an unlabelled row follows (a section's
            // subtotal, `| | 286,300 | 271,900 |`).
            for chunk in raw.cells[width..].chunks(width) {
                rows.push(Row {
                    label: String::new(),
                    total: false,
                    level: None,
                    opens_section: false,
                    heading_figures: false,
                    opens_group: false,
                    sub_row: false,
                    broken: false,
                    cells: chunk.to_vec(),
                });
            }
        } else if gs.is_empty() && r + 1 == raws.len() && c == width {
            // The label after the cells, at the table's end.
            if let Some(&(s, e, _)) = trailing.first() {
                rows.push(make_row((s, e), &[], raw.cells.clone()));
            }
        } else if let Some(&(s, e, _)) = raw.texts.last() {
            rows.push(make_row(
                (s, e),
                &raw.texts[..raw.texts.len() - 1],
                raw.cells.clone(),
            ));
        }
    }
    // A table ends where rows stop coming.
    while rows.last().is_some_and(|r| r.broken) {
        rows.pop();
    }
    // Rows are named: a table whose labels are mostly figures is a
    // misreading.
    let named = rows
        .iter()
        .filter(|r| r.label.chars().any(char::is_alphabetic))
        .count();
    if named * 3 < rows.len() * 2 {
        return None;
    }
    (rows.iter().filter(|r| !r.broken).count() >= 3).then_some(Table { columns, rows })
}

/// Row labels that make a total row.
const TOTAL_WORDS: &[&str] = &[
    "合计", "总计", "总数", "全部", "total", "all ", "world", "overall",
];

/// Does a normalized row label name a total?
pub fn names_total(label: &str) -> bool {
    label == "all" || TOTAL_WORDS.iter().any(|w| label.contains(w))
}

/// Does a row label as printed open with `Total` (`Total Net Sales`),
/// the scope word its normalized form drops?
pub fn opens_with_total(raw: &str) -> bool {
    let words = raw.trim_start_matches(['#', '＃', '*', '_', ' ']);
    words
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("total "))
}

/// A row label as relations compare it: the outline marker, a sub-row
/// mark and `其中` dropped, then normalized.
pub fn row_label(lexicon: &Lexicon, raw: &str) -> String {
    let t = raw
        .trim_start_matches(['#', '＃', '*', ' '])
        .trim_start_matches("其中:")
        .trim_start_matches("其中：")
        .trim_start_matches("of which")
        .trim();
    lexicon.normalizer.normalize(outline(t).1.trim())
}

/// The outline level of a row label's marker and the label without it:
/// `一、` 1, `(一)` 2, `1.`/`1、` 3, `(1)` 4.
pub fn outline(label: &str) -> (Option<u8>, &str) {
    const HAN: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let t = label.trim_start();
    let han_run = t.chars().take_while(|c| HAN.contains(c)).count();
    if han_run > 0 {
        let rest = &t[han_run * '一'.len_utf8()..];
        if let Some(r) = rest.strip_prefix(['、', '.', '．']) {
            return (Some(1), r);
        }
    }
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = t.strip_prefix(open) {
            if let Some(end) = inner.find(close) {
                let mark = &inner[..end];
                let rest = &inner[end + close.len_utf8()..];
                if !mark.is_empty() && mark.chars().all(|c| HAN.contains(&c)) {
                    return (Some(2), rest);
                }
                if !mark.is_empty() && mark.len() <= 2 && mark.chars().all(|c| c.is_ascii_digit()) {
                    return (Some(4), rest);
                }
            }
        }
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) {
        if let Some(r) = t[digits..].strip_prefix(['.', '、', '．']) {
            // `1.5万` is a figure, not a marker.
            if !r.starts_with(|c: char| c.is_ascii_digit()) {
                return (Some(3), r);
            }
        }
    }
    (None, t)
}

/// The text right before the first row's label texts.
fn header_heading(
    texts: &[(usize, usize, bool)],
    label_texts: usize,
) -> Option<&(usize, usize, bool)> {
    texts
        .len()
        .checked_sub(label_texts + 1)
        .and_then(|k| texts.get(k))
}

/// Is figure `i` written in brackets (`(24.1 %)`, or a negative amount
/// as accounts write it, `(85,423)`)?
pub fn in_brackets(doc: &Document, i: usize) -> bool {
    let q = &doc.figures[i];
    doc.folded[..q.start].trim_end().ends_with(['(', '（'])
}

/// The columns' headers from the texts over them.
fn columns(texts: &[String], bracketed: &[bool]) -> Vec<Column> {
    let width = bracketed.len();
    let mut cols = vec![Column::default(); width];
    // A period over a group of columns: short, a date (7月, 1-7月).
    let is_period = |t: &str| {
        t.chars().count() <= 8
            && t.chars().any(|c| c.is_ascii_digit())
            && (t.contains('月') || t.contains('年') || t.contains("季度"))
    };
    // One header text per column after the labels' own (`指 标 | 本 月 |
    // 同比增减% | 1-本月累计 | 同比增减%`): each is its column's header,
    // periods included.
    if texts.len() == width + 1
        && !bracketed.iter().any(|b| *b)
        && texts.iter().any(|t| is_period(t))
    {
        for (col, header) in cols.iter_mut().zip(&texts[1..]) {
            col.header = header.clone();
            col.multiplier = header_multiplier(header);
            flag_column(col);
        }
        return cols;
    }
    let periods: Vec<&String> = texts.iter().filter(|t| is_period(t)).collect();
    // `绝对量` over `(亿元)`: a unit in brackets belongs to the header above.
    let mut named: Vec<String> = Vec::new();
    for t in texts.iter().filter(|t| !is_period(t)) {
        let unit_only =
            t.starts_with(['(', '（']) && t.ends_with([')', '）']) && t.chars().count() <= 8;
        match named.last_mut() {
            Some(last) if unit_only => last.push_str(t),
            _ => named.push(t.clone()),
        }
    }
    // The last named headers are the columns' that have their own; a
    // bracketed column shares the header of the one before it.
    let own = bracketed.iter().filter(|b| !**b).count();
    let offset = named.len().saturating_sub(own);
    let mut k: usize = 0;
    for (c, col) in cols.iter_mut().enumerate() {
        let mut header = String::new();
        if !periods.is_empty() && width.is_multiple_of(periods.len()) {
            header.push_str(periods[c / (width / periods.len())]);
            header.push(' ');
        }
        if named.len() >= own {
            let at = if bracketed[c] { k.saturating_sub(1) } else { k };
            if let Some(name) = named.get(offset + at) {
                header.push_str(name);
            }
        }
        if !bracketed[c] {
            k += 1;
        }
        col.bracketed = bracketed[c];
        col.multiplier = header_multiplier(&header);
        col.header = header;
        flag_column(col);
    }
    cols
}

/// What a column's header says its cells are: percentages, changes,
/// ratios or averages.
pub fn flag_column(col: &mut Column) {
    let header = &col.header;
    let lower = header.to_ascii_lowercase();
    col.percent = header.contains('%')
        || header.contains('％')
        || lower.contains("percent")
        || header.contains("比重");
    col.change = header.contains("增长")
        || header.contains("增减")
        || header.contains("涨跌")
        || [
            "change",
            "over (under)",
            "increase (decrease)",
            "difference",
            "variance",
        ]
        .iter()
        .any(|w| lower.contains(w));
    col.ratio = ["比", "率", "平均", "均", "指数"]
        .iter()
        .any(|w| header.contains(w) && !header.contains("比重"))
        || [
            "rate", "ratio", "average", "mean", "median", "per ", "index",
        ]
        .iter()
        .any(|w| lower.contains(w));
}

/// The multiplier a header states for its figures: a Chinese one at the
/// start of a bracket (`(亿元)`, `（万人）`, not `(千克)`, a unit), or an
/// English word (`$ millions`, `in thousands`).
pub fn header_multiplier(header: &str) -> u64 {
    use crate::lex::units::{EN_MULTIPLIERS, ZH_MULTIPLIERS, ZH_UNITS};
    for (k, _) in header.match_indices(['(', '（']) {
        let inside = header[k..].trim_start_matches(['(', '（']).trim_start();
        if ZH_UNITS.iter().any(|u| inside.starts_with(u)) {
            continue;
        }
        if let Some(&(_, factor)) = ZH_MULTIPLIERS.iter().find(|(w, _)| inside.starts_with(w)) {
            return factor;
        }
    }
    let lower = header.to_ascii_lowercase();
    for word in lower.split(|c: char| !c.is_ascii_alphabetic()) {
        let singular = word.strip_suffix('s').unwrap_or(word);
        if let Some(&(_, factor)) = EN_MULTIPLIERS.iter().find(|(w, _)| *w == singular) {
            return factor;
        }
    }
    1
}

impl Table {
    /// The rows whose label says they are the total.
    pub fn is_total(label: &str, doc: &Document) -> bool {
        let _ = doc;
        let words = [
            "合计",
            "总计",
            "总数",
            "total",
            "all",
            "world",
            "全国",
            "全省",
            "全市",
            "全县",
            "总人口",
            "总额",
        ];
        words.iter().any(|w| label.contains(w))
    }

    /// Is a cell's figure a percentage by its header or its own sign?
    pub fn percent_cell(&self, doc: &Document, col: usize, i: usize) -> bool {
        self.columns[col].percent || doc.figures[i].kind == Kind::Percent
    }
}

/// Gives each cell of a table what its row and column say: its label is
/// the row's, a cell under a `(%)` header is a percentage, a cell under a
/// change header (比上年增长) is a change. Relation finders then read cells
/// as they read any figure.
pub fn annotate(doc: &mut Document) {
    let tables = std::mem::take(&mut doc.tables);
    for t in &tables {
        for row in &t.rows {
            for (c, cell) in row.cells.iter().enumerate() {
                let Some(i) = *cell else { continue };
                let col = &t.columns[c];
                let q = &mut doc.figures[i];
                if col.multiplier > 1
                    && q.kind == Kind::Number
                    && q.multiplier == rust_decimal::Decimal::ONE
                    && !col.percent
                {
                    let factor = rust_decimal::Decimal::from(col.multiplier);
                    q.multiplier = factor;
                    q.value *= factor;
                    q.half = crate::num::half_unit(q.decimals, factor);
                }
                if col.percent
                    && q.kind == Kind::Number
                    && q.multiplier == rust_decimal::Decimal::ONE
                {
                    q.kind = Kind::Percent;
                    q.half = crate::num::half_unit(q.decimals, rust_decimal::Decimal::ONE);
                }
                let m = &mut doc.mentions[i];
                m.label = row.label.clone();
                if let Some(months) = months_of(&col.header) {
                    m.period.months = Some(months);
                    m.period.part = None;
                }
                m.subject = None;
                m.whole = None;
                m.in_table = true;
                if col.change {
                    m.role = crate::doc::Role::Change {
                        down: q.value.is_sign_negative(),
                        versus: false,
                    };
                } else if m.role != crate::doc::Role::Other {
                    m.role = crate::doc::Role::Level;
                }
            }
        }
    }
    doc.tables = tables;
}

/// The months a column's header names: `7月` is (7, 7), `1-7月` (1, 7).
fn months_of(header: &str) -> Option<(u8, u8)> {
    let head = header.split_whitespace().next()?;
    // `7月`, `1-7月份`, `7月(亿元)`.
    let head = &head[..head.find('月')?];
    let (a, b) = match head.split_once(['-', '—', '–', '~', '～']) {
        Some((a, b)) => (a, b),
        None => (head, head),
    };
    let (a, b): (u8, u8) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    ((1..=12).contains(&a) && (a..=12).contains(&b)).then_some((a, b))
}

#[cfg(test)]
mod outline_tests {
    use super::outline;

    #[test]
    fn outline_markers_give_levels_and_are_dropped() {
        assert_eq!(outline("一、旅游业收入"), (Some(1), "旅游业收入"));
        assert_eq!(outline("(一)国内游客"), (Some(2), "国内游客"));
        assert_eq!(outline("（二）国内游客"), (Some(2), "国内游客"));
        assert_eq!(outline("1.外国人"), (Some(3), "外国人"));
        assert_eq!(outline("2、国内游客"), (Some(3), "国内游客"));
        assert_eq!(outline("(3)其他"), (Some(4), "其他"));
    }

    #[test]
    fn figures_and_plain_labels_have_no_level() {
        assert_eq!(outline("1.5万人").0, None);
        assert_eq!(outline("城镇").0, None);
        assert_eq!(outline("2023年").0, None);
        assert_eq!(outline("十分之一").0, None);
    }
}
