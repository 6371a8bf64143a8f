//! A document as the relation finders read it: the joined text and its
//! folded copy, the figures, the segments, the cue words, and for every
//! figure a mention (what it measures, its role, its period), all built
//! once per document.

pub mod grid;
mod mention;
mod offsets;
mod period;
mod subjects;
pub mod table;

pub use mention::{Mention, Role};
pub use period::{Part, Period};

use crate::lex::{self, Level, Quantity, Segments};
use crate::lexicon::{Cue, CueHit, Lang, Lexicon};
use crate::source::{fold, TextView};

/// Windows around a figure are capped so that a figure in a long
/// unpunctuated paragraph costs the same as anywhere else.
pub const WINDOW: usize = 160;

pub struct Document {
    pub view: TextView,
    /// The view with traditional characters read as simplified ones:
    /// same length and offsets as `view.text`.
    pub folded: String,
    pub figures: Vec<Quantity>,
    pub segments: Segments,
    /// Every cue word of the text, in order.
    pub cues: Vec<CueHit>,
    /// Where in `cues` each stretch of the text starts.
    cue_index: offsets::OffsetIndex,
    /// Where in `figures` each stretch of the text starts.
    figure_index: offsets::OffsetIndex,
    /// One per figure, same index.
    pub mentions: Vec<Mention>,
    /// Every 分别 / respectively with its values and subjects, read once
    /// for the kinds that pair them.
    pub respectively: Vec<crate::kinds::runs::Paired>,
    pub tables: Vec<table::Table>,
    /// For each figure that is a table cell: its table and column.
    pub cell_columns: Vec<Option<(u32, u32)>>,
    /// Runs of figures joined by ratio colons (`6.4:48.9:44.7`), as
    /// figure indices.
    pub chains: Vec<Vec<usize>>,
}

impl Document {
    pub fn new(source: &str, lexicon: &Lexicon) -> Document {
        let view = TextView::new(source);
        let folded = fold(&view.text);
        let lexed = lex::lex(&view);
        let cues = lexicon.cue_hits(&folded);
        let cue_index = offsets::OffsetIndex::new(cues.iter().map(|h| h.start), folded.len());
        let figure_index =
            offsets::OffsetIndex::new(lexed.quantities.iter().map(|q| q.start), folded.len());
        let mut doc = Document {
            view,
            folded,
            figures: lexed.quantities,
            segments: lexed.segments,
            cues,
            cue_index,
            figure_index,
            mentions: Vec::new(),
            respectively: Vec::new(),
            tables: Vec::new(),
            chains: Vec::new(),
            cell_columns: Vec::new(),
        };
        doc.chains = chains(&doc);
        for i in table::year_cells(&doc) {
            doc.figures[i].kind = lex::Kind::Number;
        }
        doc.mentions = mention::build(&doc, lexicon);
        doc.respectively = crate::kinds::runs::paired(&doc);
        subjects::name_values(&mut doc, lexicon);
        // Marked tables are read from their structure; the rest of the
        // text is searched for tables laid out by hand or by a PDF.
        let (mut tables, marked) = grid::find(&doc, lexicon);
        let in_marked = |i: &usize| {
            let at = doc.figures[*i].start;
            marked.iter().any(|r| r.contains(&at))
        };
        tables.extend(table::find(&doc, lexicon).into_iter().filter(|t| {
            !t.rows
                .iter()
                .flat_map(|r| r.cells.iter().flatten())
                .any(in_marked)
        }));
        doc.tables = tables;
        table::annotate(&mut doc);
        if std::env::var_os("STATLINT_DEBUG_TABLES").is_some() {
            dump_tables(&doc);
        }
        let mut cell_columns = vec![None; doc.figures.len()];
        for (t, table) in doc.tables.iter().enumerate() {
            for row in &table.rows {
                for (c, cell) in row.cells.iter().enumerate() {
                    if let Some(i) = *cell {
                        cell_columns[i] = Some((t as u32, c as u32));
                    }
                }
            }
        }
        doc.cell_columns = cell_columns;
        doc
    }

    /// Are figures `i` and `j` cells of different columns (or tables)?
    /// A breakdown runs down one column.
    pub fn other_column(&self, i: usize, j: usize) -> bool {
        match (self.cell_columns.get(i), self.cell_columns.get(j)) {
            (Some(Some(a)), Some(Some(b))) => a != b,
            _ => false,
        }
    }

    /// The column of the table figure `i` is a cell of.
    pub fn column_of(&self, i: usize) -> Option<&table::Column> {
        let (t, c) = (*self.cell_columns.get(i)?)?;
        self.tables.get(t as usize)?.columns.get(c as usize)
    }

    /// The table figure `i` is a cell of.
    pub fn table_of(&self, i: usize) -> Option<&table::Table> {
        if !self.mentions.get(i).is_some_and(|m| m.in_table) {
            return None;
        }
        self.tables
            .iter()
            .find(|t| t.rows.iter().any(|r| r.cells.contains(&Some(i))))
    }

    pub fn text(&self) -> &str {
        &self.view.text
    }

    /// The figure as printed.
    pub fn figure_text(&self, i: usize) -> &str {
        let q = &self.figures[i];
        &self.view.text[q.start..q.end]
    }

    /// The figures that start inside a byte range of the text.
    pub fn figures_in(&self, start: usize, end: usize) -> &[Quantity] {
        let r = self.figure_range(start, end);
        &self.figures[r]
    }

    /// The indices of the figures that start inside a byte range.
    pub fn figure_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let from = self
            .figure_index
            .first_at(&self.figures, start, |q| q.start);
        let to = self
            .figure_index
            .first_at(&self.figures, end, |q| q.start)
            .max(from);
        from..to
    }

    /// The cue hits inside a byte range of the text.
    pub fn cues_in(&self, start: usize, end: usize) -> &[CueHit] {
        let from = self.cue_index.first_at(&self.cues, start, |h| h.start);
        let to = self.cue_index.first_at(&self.cues, end, |h| h.start);
        let hits = &self.cues[from..to.max(from)];
        let inside = hits.iter().take_while(|h| h.end <= end).count();
        &hits[..inside]
    }

    /// Are `words`, found between `start` and `end`, nothing but a word of
    /// an earlier period (上年, 去年同期)?
    pub fn only_prior_word(&self, start: usize, end: usize, words: &str) -> bool {
        self.cues_in(start, end)
            .iter()
            .any(|h| h.cue == Cue::Prior && self.folded[h.start..h.end] == *words.trim())
    }

    /// Does a cue of this role stand in the byte range?
    pub fn has_cue(&self, start: usize, end: usize, cue: Cue) -> bool {
        self.cues_in(start, end).iter().any(|h| h.cue == cue)
    }

    pub fn segment_start(&self, level: Level, offset: usize) -> usize {
        self.segments.start_of(level, offset)
    }

    pub fn segment_end(&self, level: Level, offset: usize) -> usize {
        self.segments.end_of(level, offset, self.view.text.len())
    }

    /// The folded text between two offsets, at most `cap` bytes back from
    /// `end`.
    pub fn folded_between(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.folded.len());
        let start = self.folded.ceil_char_boundary(start.min(end));
        &self.folded[start..self.folded.floor_char_boundary(end).max(start)]
    }

    /// The text between figure `a`'s unit and figure `b` (a before b).
    pub fn gap(&self, a: usize, b: usize) -> &str {
        let (a, b) = (a.min(b), a.max(b));
        let start = self.figures[a].unit_end.max(self.figures[a].end);
        let end = self.figures[b].start;
        if end <= start || end - start > WINDOW * 4 {
            return "";
        }
        &self.folded[start..end]
    }

    /// Are figures `a` and `b` joined by `or` alone (`$2.3 billion or
    /// 10%`, `up 5%, or $24 million`)?
    pub fn joined_by_or(&self, a: usize, b: usize) -> bool {
        self.gap(a, b).trim_matches([' ', ',', '$', '€', '£', '¥']) == "or"
    }

    pub fn lang(&self, i: usize) -> Lang {
        self.mentions[i].lang
    }

    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.figures[a].sentence == self.figures[b].sentence
    }

    pub fn same_paragraph(&self, a: usize, b: usize) -> bool {
        self.figures[a].paragraph == self.figures[b].paragraph
    }
}

/// Runs of figures joined by ratio colons: `6.4:48.9:44.7`.
fn chains(doc: &Document) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = doc.figures.len();
    while i < n {
        let mut chain = vec![i];
        while let Some(&last) = chain.last() {
            let next = last + 1;
            if next >= n {
                break;
            }
            let gap = doc.gap(last, next);
            let joined = matches!(gap.trim(), ":" | "：" | "∶")
                && doc.figures[last].unit_end <= doc.figures[last].end + 1;
            if !joined {
                break;
            }
            chain.push(next);
        }
        let len = chain.len();
        if len >= 2 {
            out.push(chain);
        }
        i += len;
    }
    out
}

/// For writing table readers: each table read, its column headers and
/// its rows' labels and cells, on stderr.
fn dump_tables(doc: &Document) {
    for t in &doc.tables {
        let headers: Vec<&String> = t.columns.iter().map(|c| &c.header).collect();
        eprintln!("table: {headers:?}");
        for r in &t.rows {
            let cells: Vec<&str> = r
                .cells
                .iter()
                .map(|c| {
                    c.map_or("·", |i| {
                        &doc.folded[doc.figures[i].start..doc.figures[i].end]
                    })
                })
                .collect();
            eprintln!("  {:?} total={} {:?}", r.label, r.total, cells);
        }
    }
}
